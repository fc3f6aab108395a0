"""One deploy per camera at a time, enforced on the camera: two deploys to one virtual DeepLens started within
the same 50 ms, in both orders and several rounds, never leave two projects; the later one waits (with the
sentence of who holds the lock) or is refused with it, and what ``status`` names is what runs.
"""

import json
import threading
import time

import pytest

from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.service import DeployService
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import SshDeployBackend
from deeplens_gui.core.ssh import DeviceConnection
from deeplens_gui.core.status import Verdict, get_status
from tests.e2e.test_deploy_ssh import (
    deploy,
    make_project,
    read_json,
    stream_colour,
    supervisors,
    virtual,  # noqa: F401 (a fixture)
)

pytestmark = pytest.mark.slow

WAITING = "Another deploy to virtual-1 is running, started by "


def deploy_pair(device, connection, first, second, gap, backends):
    """Start deploying ``first`` then, ``gap`` s later, ``second`` (own connections); both results in
    order, and their events."""
    results, events = [None, None], [[], []]
    barrier = threading.Barrier(2)
    connections = [DeviceConnection(device.device(), connection.options) for _ in range(2)]

    def one(index, source):
        barrier.wait()
        if index == 1:
            time.sleep(gap)
        results[index] = DeployService({"ssh": backends[index]}).deploy(
            connections[index], source, on_event=events[index].append)

    threads = [threading.Thread(target=one, args=(index, source), name="test-deploy-{0}".format(index))
               for index, source in enumerate((first, second))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(180)
        assert not any(thread.is_alive() for thread in threads), "a deploy hung"
    finally:
        for each in connections:
            each.close()
    return results, events


def waited(events):
    return [event.message for event in events if event.step == "upload" and event.message.startswith(WAITING)]


@pytest.mark.timeout(600)
def test_two_deploys_at_once_run_one_after_the_other_in_both_orders(virtual, tmp_path):
    device, connection = virtual()
    colours = {"red": "red", "blue": "blue"}
    sources = {name: resolve_source(make_project(tmp_path / name, name, name)) for name in colours}
    backend = SshDeployBackend(verify_timeout=40)
    for round_, (first, second, gap) in enumerate([("red", "blue", 0.0), ("blue", "red", 0.05),
                                                   ("red", "blue", 0.02), ("blue", "red", 0.0)]):
        results, events = deploy_pair(device, connection, sources[first], sources[second], gap,
                                      [backend, backend])

        assert all(result.ok for result in results), [result.message for result in results]
        # Exactly one of them waited for the other, and it says who held the camera.
        later = [index for index in (0, 1) if waited(events[index])]
        assert len(later) == 1, (round_, [waited(each) for each in events])
        message = waited(events[later[0]])[0]
        assert "@" in message and " s ago; waiting up to 120 s" in message
        winner = (first, second)[later[0]]
        assert len(supervisors(device.app_dir)) == 1
        record = read_json(device.app_dir / "deployed.json")
        state = read_json(device.app_dir / "runner.json")
        assert record["project"] == winner and state["project_dir"] == record["runner"]["project_dir"]
        assert stream_colour(connection, str(device.stream_path)) == colours[winner]
        status = get_status(connection)
        assert status.verdict == Verdict.RUNNING and status.record.project == winner, status.reason
        assert not (device.app_dir / "deploy.json").exists()
    lines = (device.app_dir / "history.jsonl").read_text().splitlines()
    outcomes = [json.loads(text)["outcome"] for text in lines]
    assert outcomes.count("deployed") >= 8 and "interrupted" not in outcomes


@pytest.mark.timeout(300)
def test_the_later_deploy_is_refused_with_who_holds_the_camera(virtual, tmp_path):
    device, connection = virtual()
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    blue = resolve_source(make_project(tmp_path / "blue", "blue", "blue"))
    assert deploy(connection, red)[0].ok
    slow = SshDeployBackend(verify_timeout=40, frames_needed=40)  # holds the camera for a few seconds
    impatient = SshDeployBackend(verify_timeout=40, lock_timeout=1.0)
    seen = []

    def status_while_busy(event):
        if event.step == "verify" and event.state == "running" and not seen:
            with DeviceConnection(device.device(), connection.options) as other:
                seen.append(get_status(other, sample_seconds=0))

    results, events = [None, None], [[], []]
    connections = [DeviceConnection(device.device(), connection.options) for _ in range(2)]
    try:
        def on_first(event):
            events[0].append(event)
            status_while_busy(event)

        first = threading.Thread(target=lambda: results.__setitem__(0, DeployService({"ssh": slow}).deploy(
            connections[0], blue, on_event=on_first)))
        first.start()
        deadline = time.monotonic() + 60
        while not (device.app_dir / "deploy.json").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        results[1] = DeployService({"ssh": impatient}).deploy(connections[1], red, on_event=events[1].append)
        first.join(120)
    finally:
        for each in connections:
            each.close()

    assert results[0].ok, results[0].message
    refused = results[1]
    assert not refused.ok and not refused.rolled_back
    assert "failed at upload: another deploy to virtual-1 is running, started by " in refused.message
    assert "gave up after waiting 1 s." in refused.message
    assert "Nothing changed on virtual-1" in refused.message
    assert waited(events[1]) and "upload" in {event.step for event in events[1] if event.state == "failed"}
    assert read_json(device.app_dir / "deployed.json")["project"] == "blue"
    assert len(supervisors(device.app_dir)) == 1
    assert stream_colour(connection, str(device.stream_path)) == "blue"
    history = [json.loads(line) for line in (device.root / layout.HISTORY).read_text().splitlines()]
    assert [line["outcome"] for line in history[-2:]] == ["refused", "deployed"]
    # status while the deploy held the camera said so
    assert seen and any(note.startswith(WAITING) for note in seen[0].notes), seen and seen[0].notes
