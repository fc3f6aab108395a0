"""The virtual classroom the CLI's --demo hands the GUI: it starts real virtual cameras and stop() leaves
nothing behind, even when it comes while they start."""

import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from deeplens_gui.cli.demo import DemoClassroom
from deeplens_gui.core.ssh import DeviceConnection, SshOptions


def _refused(device):
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection((device.host, device.port), timeout=5).close()


def test_start_gives_a_roster_the_app_can_log_in_with_and_stop_removes_it():
    classroom = DemoClassroom(count=2, project=None)
    try:
        roster = classroom.start()
        assert classroom.running
        assert [device.name for device in roster.devices] == ["virtual-1", "virtual-2"]
        options = SshOptions(known_hosts=roster.known_hosts, look_for_keys=False, allow_agent=False,
                             use_keyring=False)
        for device in roster.devices:  # the known_hosts file vouches for each camera: no host key question
            with DeviceConnection(device, options) as connection:
                assert connection.run(["echo", device.name]).text.strip() == device.name
    finally:
        classroom.stop()
    assert not classroom.running
    assert not os.path.exists(os.path.dirname(roster.known_hosts))
    for device in roster.devices:
        _refused(device)
    classroom.stop()  # idempotent


def test_a_stop_that_comes_while_the_cameras_start_leaves_nothing_running():
    classroom = DemoClassroom(count=1, project=None)
    classroom.stop()  # the window closed before its start job finished
    roster = classroom.start()
    assert not classroom.running
    assert not os.path.exists(os.path.dirname(roster.known_hosts))
    _refused(roster.devices[0])


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP], ids=["ctrl-c", "term", "hup"])
def test_ctrl_c_term_or_a_closed_terminal_ends_the_demo_and_leaves_nothing_behind(tmp_path, sig):
    temp = tmp_path / "tmp"
    temp.mkdir()
    (tmp_path / "runtime").mkdir(mode=0o700)
    env = dict(os.environ, TMPDIR=str(temp), HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_RUNTIME_DIR=str(tmp_path / "runtime"))
    process = subprocess.Popen([sys.executable, "-m", "deeplens_gui", "--demo"], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        # The virtual cameras are up once their known_hosts is written.
        deadline = time.monotonic() + 90
        while not list(temp.glob("deeplens-demo-*/known_hosts")):
            assert process.poll() is None, process.stdout.read().decode("utf-8", "replace")
            assert time.monotonic() < deadline, "the demo did not start its cameras"
            time.sleep(0.2)
        process.send_signal(sig)
        time.sleep(0.2)
        process.send_signal(sig)  # an impatient second one must not cut the stopping short
        output = process.communicate(timeout=60)[0].decode("utf-8", "replace")
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 128 + sig, output
    assert "Traceback" not in output and "KeyboardInterrupt" not in output, output
    assert list(temp.iterdir()) == [], "left behind: {0}".format(sorted(p.name for p in temp.iterdir()))
