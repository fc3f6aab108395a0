"""The stream's sliding-window rates: frames and bytes per second, as tiles and the link budget see them."""

from deeplens_gui.core.stream import _Rate


def test_a_rate_covers_its_window_only():
    rate = _Rate(window=2.0)
    rate.add(0.0, 100)
    rate.add(1.0, 50)
    assert rate.per_second(1.5) == 75.0
    assert rate.per_second(2.5) == 25.0  # the first amount left the window
    assert rate.per_second(5.0) == 0.0
    rate.add(5.0, 10)
    assert rate.per_second(5.0) == 5.0
    for second in range(100):
        rate.add(10.0 + second * 0.1, 3)
    assert rate.per_second(19.9) == 3 * 21 / 2.0  # 19.9 back to 17.9, both ends included
