"""The virtual classroom the CLI's --demo hands the GUI: it starts real virtual cameras and stop() leaves
nothing behind, even when it comes while they start."""

import os
import socket

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
