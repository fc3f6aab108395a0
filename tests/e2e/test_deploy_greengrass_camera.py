"""A camera as the workshop left it (issue 16, point 5): Greengrass runs the console's project and sudo asks
for aws_cam's password.

The virtual DeepLens gets a ``greengrassd`` unit (running the bundled face project "deployed by the console")
and a sudo that asks for a password. The SSH deploy's first contact stops and disables greengrassd with the
password (asked once, then taken from the keyring), and a deploy that fails gives the camera back to
Greengrass. The password never lands on a disk, in a log or in a message.
"""

import json
import os
import shlex
import stat
import subprocess

import psutil
import pytest

from deeplens_gui.cli import deploy as cli_deploy
from deeplens_gui.core import secrets
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import SshDeployBackend
from deeplens_gui.core.secrets import SudoPasswords
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.sim import greengrassd, python2
from deeplens_gui.sim.fleet import VirtualDevice
from tests.e2e.test_deploy_ssh import (
    cli_deploy_parser,
    deploy,
    make_project,
    read_frames,
    read_json,
    runner_processes,
    stream_colour,
)
from tests.e2e.test_secrets import NEEDLES, PASSWORD, leaks, session  # noqa: F401 (session is a fixture)

pytestmark = pytest.mark.slow


@pytest.fixture
def workshop_camera(tmp_path):
    """``(device, connection)``: a virtual DeepLens whose greengrassd runs the face project and whose sudo
    asks for PASSWORD."""
    device = VirtualDevice("workshop", tmp_path / "workshop", greengrass="face", sudo_password=PASSWORD)
    device.start()
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text(device.known_hosts_line() + "\n")
    (tmp_path / "ssh_config").write_text("")
    connection = DeviceConnection(device.device(), SshOptions(
        ssh_config=str(tmp_path / "ssh_config"), known_hosts=str(known_hosts), allow_agent=False,
        look_for_keys=False, use_keyring=False))
    yield device, connection
    connection.close()
    device.stop()
    assert not device.greengrass_active, "greengrassd outlived its device"
    assert not runner_processes(device.app_dir), "the runner outlived its device"


def files_holding_the_password(root):
    """Regular files below ``root`` that hold the password in any form ``leaks`` looks for (a FIFO would block)."""
    return [str(path) for path in root.rglob("*") if path.is_file() and not path.is_symlink()
            and any(needle in path.read_bytes() for needle in NEEDLES)]


def device_sh(device, command):
    """Run ``command`` as a login on the device would (its shell, PATH and environment, its mount namespace)."""
    env = device.server.environment()
    result = subprocess.run(device.command(["/bin/sh", "-c", command], env), cwd=str(device.root), env=env,
                            capture_output=True, timeout=30, check=False)
    return result.stdout.decode().strip()


def test_the_workshop_camera_runs_greengrass_and_guards_sudo(workshop_camera):
    device, connection = workshop_camera

    assert device.greengrass_active
    # The daemon and its Lambda run as the device's commands do: in its mount namespace the project's
    # /tmp/results.mjpeg is the device's (a FIFO in its folder), read here at the camera's path.
    camera_stream = device.device().stream_path
    assert len(read_frames(connection, camera_stream, 2)) == 2, "greengrassd's face project streams"
    assert stat.S_ISFIFO(os.stat(str(device.stream_path)).st_mode)
    if device.namespace:
        assert camera_stream == "/tmp/results.mjpeg"
    # Greengrass runs the python2.7 project with the camera's Python 2.7 when it is prepared.
    lambdas = psutil.Process(greengrassd.daemon_pid(str(device.root))).children()
    assert len(lambdas) == 1
    if python2.prepared() is not None:
        # (the prepared script execs the 2.7 interpreter it wraps)
        assert os.path.basename(lambdas[0].cmdline()[0]) == "python2.7"
    assert device_sh(device, "systemctl is-active greengrassd; systemctl is-enabled greengrassd") == (
        "active\nenabled")
    assert device_sh(device, "systemctl stop greengrassd 2>&1") == (
        "Failed to stop greengrassd.service: Interactive authentication required.")
    assert device_sh(device, "sudo -n true 2>&1") == "sudo: a password is required"
    assert device_sh(device, "echo wrong | sudo -S -p '' true 2>&1") == (
        "Sorry, try again.\nsudo: 1 incorrect password attempt")
    assert device_sh(device, "printf '%s\\n' {0} | sudo -S -p '' sh -c 'echo $SUDO_USER'".format(
        shlex.quote(PASSWORD))) == "aws_cam"
    assert device.greengrass_active
    assert PASSWORD.encode() not in (device.root / ".sim" / "sudo.sha256").read_bytes()
    # A reboot brings greengrassd back while it is enabled, as systemd does.
    device.restart()
    assert device.greengrass_active


def test_a_deploy_asks_once_stops_and_disables_greengrass_and_keeps_the_password_only_in_the_keyring(
        session, workshop_camera, tmp_path):
    root, _memory, records = session
    device, connection = workshop_camera
    asked = []

    def ask(who):
        asked.append(who.name)
        return PASSWORD

    backend = SshDeployBackend(verify_timeout=40, sudo_passwords=SudoPasswords(ask=ask))
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))

    result, events = deploy(connection, red, backend)

    assert result.ok, result.message
    assert asked == ["workshop"]
    steps = {event.step: event.message for event in result.steps}
    assert "Greengrass" in steps["stop"]
    assert "Greengrass (greengrassd) is disabled" in result.message
    assert not device.greengrass_active
    assert device_sh(device, "systemctl is-enabled greengrassd") == "disabled"
    assert stream_colour(connection, str(device.stream_path)) == "red"
    login = connection.endpoint
    assert secrets.get_secret("sudo", login.user, login.host, login.port) == PASSWORD

    # The next deploy takes the password from the keyring without asking.
    blue = resolve_source(make_project(tmp_path / "blue", "blue", "blue"))
    again, more_events = deploy(connection, blue, SshDeployBackend(verify_timeout=40,
                                                                    sudo_passwords=SudoPasswords(ask=ask)))
    assert again.ok, again.message
    assert asked == ["workshop"]

    # After a reboot our project keeps the camera: greengrassd stays off.
    device.restart()
    assert not device.greengrass_active
    assert stream_colour(connection, str(device.stream_path)) == "blue"

    texts = [result.message, again.message] + [event.message for event in events + more_events]
    assert leaks(root, texts, records) == []
    assert files_holding_the_password(device.root) == []


def test_without_the_password_or_with_a_wrong_one_nothing_changes(workshop_camera, tmp_path, session):
    _, memory, _ = session
    device, connection = workshop_camera
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))

    refused, _ = deploy(connection, red, SshDeployBackend(verify_timeout=40, sudo_passwords=SudoPasswords()))

    assert not refused.ok and refused.error_kind == "sudo-password"
    assert "asks for the password of aws_cam" in refused.message and "--sudo-password-env" in refused.message
    assert "Nothing changed on workshop" in refused.message
    assert device.greengrass_active

    wrong, _ = deploy(connection, red, SshDeployBackend(
        verify_timeout=40, sudo_passwords=SudoPasswords(ask=lambda who: "not the password")))

    assert not wrong.ok and wrong.error_kind == "sudo-password"
    assert "sudo on workshop did not accept the password of aws_cam" in wrong.message
    assert device.greengrass_active and not memory.entries

    # A saved password that sudo no longer takes is forgotten and the user is asked for the current one.
    login = connection.endpoint
    secrets.set_secret("sudo", login.user, login.host, login.port, "an old password")
    fixed, _ = deploy(connection, red, SshDeployBackend(
        verify_timeout=40, sudo_passwords=SudoPasswords(ask=lambda who: PASSWORD)))
    assert fixed.ok, fixed.message
    assert secrets.get_secret("sudo", login.user, login.host, login.port) == PASSWORD


def test_a_failed_deploy_gives_the_camera_back_to_greengrass(workshop_camera, tmp_path, monkeypatch, capsys):
    device, connection = workshop_camera
    crash = make_project(tmp_path / "crash", "crash", "green", crash=True)
    monkeypatch.setenv("WORKSHOP_SUDO", PASSWORD)
    known_hosts = tmp_path / "known_hosts"
    args = cli_deploy_parser().parse_args([
        crash, device.target, "--identity", str(device.client_key_path), "--known-hosts", str(known_hosts),
        "-F", str(tmp_path / "ssh_config"), "--stream-path", str(device.stream_path), "--timeout", "40",
        "--sudo-password-env", "WORKSHOP_SUDO"])

    code = cli_deploy.run(args)

    out, err = capsys.readouterr()
    assert code == 1
    assert "Rolled back: Greengrass runs the console-deployed project again." in err
    assert PASSWORD not in out + err
    assert device.greengrass_active
    assert device_sh(device, "systemctl is-enabled greengrassd") == "enabled"
    # Greengrass's own project streams again.
    assert len(read_frames(connection, str(device.stream_path), 2)) == 2
    history = [json.loads(line) for line in (device.app_dir / "history.jsonl").read_text().splitlines()]
    assert history[-1]["outcome"] == "failed" and history[-1]["rolled_back"] is True
    assert not os.path.exists(str(device.app_dir / "deployed.json")) or read_json(
        device.app_dir / "deployed.json")["project"] != "crash"


def test_greengrassd_is_the_devices_own_and_only_answers_root(tmp_path):
    device = VirtualDevice("plain", tmp_path / "plain")
    assert not greengrassd.is_managed(str(device.root))
    device.start()
    try:
        assert device_sh(device, "systemctl show -p LoadState greengrassd.service") == "LoadState=not-found"
    finally:
        device.stop()


def test_sim_starts_workshop_cameras(tmp_path, monkeypatch):
    import argparse
    import io
    import threading
    import time

    from deeplens_gui.sim import cli as sim_cli

    parser = argparse.ArgumentParser()
    sim_cli.add_arguments(parser)
    monkeypatch.setenv("SIM_SUDO", PASSWORD)
    assert sim_cli.run(parser.parse_args(["--greengrass", "face", "--base-dir", str(tmp_path)])) == 2
    args = parser.parse_args(["--project", "none", "--greengrass", "face", "--sudo-password-env", "SIM_SUDO",
                              "--base-dir", str(tmp_path / "fleet")])
    out = io.StringIO()
    stop = threading.Event()
    worker = threading.Thread(target=sim_cli.run, args=(args, stop, out))
    worker.start()
    try:
        deadline = time.monotonic() + 30
        while "As the workshop left them" not in out.getvalue() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert ("As the workshop left them: Greengrass runs face; sudo asks for aws_cam's password."
                in out.getvalue())
        root = str(tmp_path / "fleet" / "virtual-1")
        assert greengrassd.daemon_pid(root) and os.path.isfile(os.path.join(root, ".sim", "sudo.sha256"))
    finally:
        stop.set()
        worker.join(30)
    assert not greengrassd.daemon_pid(root)
    assert files_holding_the_password(tmp_path) == []
