"""``deeplens-gui sim --devices N`` starts its devices side by side with a progress line, and ``--fps`` sets the
virtual cameras' rate."""

import argparse
import io
import threading
import time

import pytest

from deeplens_gui.core.roster import load_roster
from deeplens_gui.sim import cli as sim_cli
from deeplens_gui.sim.fleet import VirtualDevice
from tests.e2e.test_sim_server import _run
from tests.fixtures.sim import ssh_client


def _start_sim(tmp_path, *argv):
    """Run ``sim`` in a thread until the test sets the returned event; (thread, event, output, result)."""
    parser = argparse.ArgumentParser()
    sim_cli.add_arguments(parser)
    args = parser.parse_args(list(argv) + ["--base-dir", str(tmp_path / "devices"),
                                           "--roster-out", str(tmp_path / "roster.toml")])
    stop, out, result = threading.Event(), io.StringIO(), []
    thread = threading.Thread(target=lambda: result.append(sim_cli.run(args, stop, out)), name="sim-cli")
    thread.start()
    return thread, stop, out, result


def _wait_for(out, text, timeout=120):
    deadline = time.monotonic() + timeout
    while text not in out.getvalue():
        assert time.monotonic() < deadline, out.getvalue()
        time.sleep(0.1)


def test_thirty_devices_start_in_seconds_with_progress(tmp_path):
    thread, stop, out, result = _start_sim(tmp_path, "--devices", "30", "--project", "none", "--fps", "5")
    try:
        _wait_for(out, "Press Ctrl-C")
    finally:
        stop.set()
        thread.join(60)
    assert result == [0]
    lines = out.getvalue().splitlines()
    progress = [line for line in lines if line.startswith("Starting 30 virtual DeepLens device(s): ")]
    assert progress[-1].endswith(": 30/30") and len(progress) == 10, progress
    header = next(line for line in lines if "virtual DeepLens device(s) running" in line)
    seconds = float(header.rpartition("started in ")[2].split()[0])
    assert seconds < 15, header
    assert len([line for line in lines if line.startswith("virtual-")]) == 30


def test_fps_reaches_the_virtual_cameras(tmp_path):
    thread, stop, out, result = _start_sim(tmp_path, "--devices", "2", "--project", "none", "--fps", "7.5")
    try:
        _wait_for(out, "Press Ctrl-C")
        roster = load_roster(str(tmp_path / "roster.toml"))
        for device in roster.devices:
            virtual = VirtualDevice(device.name, tmp_path / "devices" / device.name, port=device.port)
            with ssh_client(virtual) as client:
                assert _run(client, 'echo "$DEEPLENS_SIM_FPS"')[0] == b"7.5\n"
    finally:
        stop.set()
        thread.join(60)
    assert result == [0]


@pytest.mark.parametrize("value", ["0", "fast", "61"])
def test_a_bad_fps_is_refused_with_a_clear_error(value, capsys):
    parser = argparse.ArgumentParser()
    sim_cli.add_arguments(parser)
    with pytest.raises(SystemExit):
        parser.parse_args(["--fps", value])
    assert "is not a frame rate from 0.5 to 60" in capsys.readouterr().err
