"""Power commands on a virtual DeepLens restart the virtual device and never reach this machine."""

import time

import pytest

from deeplens_gui.core import commands
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.sim.fleet import Fleet


@pytest.fixture
def one_device(tmp_path):
    fleet = Fleet(1, base_dir=tmp_path / "devices", project=None).start()
    known_hosts = fleet.write_known_hosts(tmp_path / "known_hosts")
    (tmp_path / "ssh_config").write_text("")
    options = SshOptions(known_hosts=str(known_hosts), ssh_config=str(tmp_path / "ssh_config"), allow_agent=False,
                         look_for_keys=False, use_keyring=False, connect_timeout=5)
    yield fleet.devices[0], options
    fleet.stop()


def test_power_and_privilege_commands_resolve_to_the_virtual_devices_own_scripts(one_device):
    device, options = one_device
    with DeviceConnection(device.device(), options) as connection:
        for name in ("reboot", "shutdown", "poweroff", "halt", "sudo", "systemctl"):
            found = connection.run(["sh", "-c", 'command -v "$0"', name]).stdout.decode().strip()
            assert found == device.paths.camera(device.root / ".sim" / "bin" / name)
        shown = connection.run("systemctl show -p LoadState greengrassd.service").stdout.decode()
        assert shown.strip() == "LoadState=not-found"


def test_reboot_restarts_the_virtual_device(one_device):
    device, options = one_device
    with DeviceConnection(device.device(), options) as connection:
        # Safety first: reboot must resolve inside the device, or this test must not run it.
        where = connection.run(["sh", "-c", "command -v sudo; sudo sh -c 'command -v reboot'"]).stdout.decode()
        assert where.split() == [device.paths.camera(device.root / ".sim" / "bin" / "sudo"),
                                 device.paths.camera(device.root / ".sim" / "bin" / "reboot")]
        marker = device.root / "tmp" / "before-reboot"
        connection.run(["sh", "-c", "echo $$ > \"$0\"", str(marker)])
        result = connection.run(commands.reboot_command())
        assert b"going down for a reboot" in result.stdout
        deadline = time.monotonic() + 10
        while connection.is_open and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not connection.is_open, "the reboot dropped the connection"
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with DeviceConnection(device.device(), options) as again:
                assert again.run("echo back").stdout == b"back\n"
                break
        except Exception:
            time.sleep(0.2)
    else:
        pytest.fail("the virtual device did not come back after its reboot")
    assert marker.exists()


def test_commands_started_together_on_one_connection_all_run(one_device):
    # Regression: the server took an arbitrary channel off paramiko's accept queue, dropping the last
    # reference to another client's fresh channel, which paramiko then closed ("Channel closed.").
    import threading

    device, options = one_device
    failures = []
    with DeviceConnection(device.device(), options) as connection:
        def loop():
            for _ in range(25):
                try:
                    assert connection.run("echo ok").stdout == b"ok\n"
                except Exception as error:  # collected and asserted below
                    failures.append(repr(error))

        threads = [threading.Thread(target=loop, name="test-concurrent-run") for _ in range(4)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
    assert failures == []
