"""LinkBudget: an even share of one link, water-filled, and rates that follow what each camera's link carries."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deeplens_gui.core.budget import SETTLE, LinkBudget

MBIT = 1e6 / 8


class Clock:
    now = 1000.0


def _feed(budget, measured, rounds=1):
    """Cameras deliver what they are asked for, capped by their link ({name: max fps}), SETTLE s per round."""
    for _ in range(rounds):
        rates = budget.rates(now=Clock.now)
        Clock.now += SETTLE
        for name, rate in rates.items():
            fps = min(rate, measured.get(name, rate))
            budget.observe(name, fps, fps * 12000, now=Clock.now)
    return budget.rates(now=Clock.now)


def test_an_even_share_caps_every_camera():
    budget = LinkBudget(budget_mbit=20, max_fps=15)
    budget.set_cameras([f"cam{i}" for i in range(60)])
    for name in budget.names():
        budget.observe(name, 5, 5 * 12000)
    rates = budget.rates()
    # 20 Mbit/s over 60 cameras of 12 kB frames: 20e6 / 8 / 60 / 12000 = 3.47 fps each, all equal.
    assert set(rates.values()) == {3.47}


def test_few_cameras_get_the_full_rate():
    budget = LinkBudget(budget_mbit=20, max_fps=15)
    budget.set_cameras(["a", "b"])
    assert budget.rates() == {"a": 15.0, "b": 15.0}


def test_a_camera_with_big_frames_does_not_take_the_others_share():
    budget = LinkBudget(budget_mbit=10, max_fps=15)
    budget.set_cameras(["thumb1", "thumb2", "full"])
    budget.observe("thumb1", 10, 10 * 10000)
    budget.observe("thumb2", 10, 10 * 10000)
    budget.observe("full", 10, 10 * 105000)
    rates = budget.rates()
    assert rates["thumb1"] == rates["thumb2"] == 15.0
    used = 2 * 15 * 10000 + rates["full"] * 105000
    assert used == pytest.approx(10 * MBIT, rel=0.01)
    assert rates["full"] == pytest.approx((10 * MBIT - 300000) / 105000, abs=0.01)


def test_a_slow_link_is_asked_for_what_it_carries_and_its_share_goes_to_the_others():
    budget = LinkBudget(budget_mbit=4, max_fps=15)
    names = ["a", "b", "c", "slow"]
    budget.set_cameras(names)
    even = _feed(budget, {})
    assert len(set(even.values())) == 1 and even["a"] < 15
    rates = _feed(budget, {"slow": 2.0}, rounds=4)
    assert rates["slow"] == pytest.approx(2.4)
    assert rates["a"] == rates["b"] == rates["c"] > even["a"]
    total = sum(rate * 12000 for rate in rates.values())
    assert total == pytest.approx(4 * MBIT, rel=0.01)
    # The link recovers: the cap is probed upwards until the camera has its even share again.
    rates = _feed(budget, {}, rounds=12)
    assert rates == even


def test_a_camera_is_not_judged_while_its_rate_just_changed():
    budget = LinkBudget(budget_mbit=20, max_fps=15)
    budget.set_cameras(["a"])
    assert budget.rates(now=10.0) == {"a": 15.0}
    # Just after the request the 2-s window still shows the old rate: that is not a slow link.
    budget.observe("a", 3.0, 3.0 * 12000, now=10.0 + SETTLE / 2)
    assert budget.rates(now=10.0 + SETTLE / 2) == {"a": 15.0}
    budget.observe("a", 3.0, 3.0 * 12000, now=10.0 + SETTLE)
    assert budget.rates(now=10.0 + SETTLE) == {"a": 15.0}, "it only began to stream"
    budget.observe("a", 3.0, 3.0 * 12000, now=10.0 + 2 * SETTLE)
    assert budget.rates(now=10.0 + 2 * SETTLE) == {"a": 3.6}
    # A reconnect starts the wait again.
    budget.observe("a", 0.0, 0.0, live=False, now=30.0)
    budget.observe("a", 0.5, 0.5 * 12000, now=30.5)
    assert budget.rates(now=30.5) == {"a": 3.6}


def test_a_camera_without_a_stream_keeps_its_share():
    budget = LinkBudget(budget_mbit=4, max_fps=15)
    budget.set_cameras(["a", "b"])
    rates = budget.rates()
    budget.observe("a", 0.0, 0.0, live=False)
    assert budget.rates() == rates


def test_hidden_tiles_run_at_the_minimum_and_leave_their_share():
    budget = LinkBudget(budget_mbit=1, max_fps=15, min_fps=0.5)
    budget.set_cameras(["a", "b"])
    both = budget.rates()
    budget.set_active("b", False)
    rates = budget.rates()
    assert rates["b"] == 0.5 and rates["a"] == pytest.approx(2 * both["a"] - 0.5, abs=0.01)
    budget.set_cameras(["a"])
    assert budget.names() == ["a"]


def test_a_recording_keeps_its_rate_and_the_others_share_the_rest():
    budget = LinkBudget(budget_mbit=4, max_fps=15)
    budget.set_cameras(["a", "b", "rec"])
    budget.set_fixed("rec", 15)
    rates = budget.rates()
    assert rates["rec"] == 15
    assert rates["a"] == rates["b"] == round((4 * MBIT - 15 * 12000) / 2 / 12000, 2)
    budget.set_fixed("rec", None)
    assert len(set(budget.rates().values())) == 1


def test_the_budget_must_be_positive():
    with pytest.raises(ValueError):
        LinkBudget(budget_mbit=0)
    budget = LinkBudget()
    budget.budget_mbit = 54
    assert budget.budget_mbit == pytest.approx(54)


@given(st.lists(st.tuples(st.floats(0.5, 30), st.integers(2000, 200000)), min_size=1, max_size=64),
       st.floats(1, 100))
def test_the_rates_never_exceed_the_budget_unless_at_the_minimum(cameras, mbit):
    budget = LinkBudget(budget_mbit=mbit, max_fps=15, min_fps=1)
    budget.set_cameras(range(len(cameras)))
    for name, (fps, size) in enumerate(cameras):
        budget.observe(name, fps, fps * size)
    rates = budget.rates()
    spent = sum(rates[name] * size for name, (_, size) in enumerate(cameras) if rates[name] > 1)
    assert spent <= mbit * MBIT * 1.01
    assert all(1 <= rate <= 15 for rate in rates.values())
