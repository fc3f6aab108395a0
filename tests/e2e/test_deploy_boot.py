"""A project deployed over SSH comes back after the camera reboots: the runner's @reboot line in the login's
crontab (virtual DeepLens: its own crontab script, never this machine's), Greengrass disabled when the deploy
stopped it, and what the user is told when either cannot be done.
"""

import os
import shlex
import sys

import pytest

from deeplens_gui import remote
from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.ssh import DeviceConnection
from deeplens_gui.remote.runner import BOOT_MARKER
from deeplens_gui.sim.fleet import cron_command
from tests.e2e.test_deploy_ssh import (  # noqa: F401 (virtual is a fixture)
    deploy,
    make_project,
    read_json,
    runner_processes,
    stream_colour,
    virtual,
)
from tests.fixtures.waiting import wait_for

pytestmark = pytest.mark.slow

USER_LINES = ["MAILTO=\"\"", "# the user's own jobs", "*/5 * * * * echo hello >/dev/null"]


def sim_path(device, name):
    return str(device.root / ".sim" / "bin" / name)


def crontab(connection, device):
    """The device's crontab as ``crontab -l`` prints it over SSH, after checking it is the device's script."""
    found = connection.run(["sh", "-c", "command -v crontab"]).text.strip()
    assert found == device.paths.camera(sim_path(device, "crontab"))
    return connection.run("crontab -l", check=False).text.splitlines()


def marked(lines):
    return [line for line in lines if line.rstrip().endswith(BOOT_MARKER)]


def steps(result):
    return {event.step: event for event in result.steps}


def reconnect(device, connection):
    """A new connection to ``device`` once it answers again (same options as ``connection``)."""
    def attempt():
        again = DeviceConnection(device.device(), connection.options)
        try:
            if again.run("echo back").stdout == b"back\n":
                return again
        except Exception:
            pass
        again.close()
        return None

    return wait_for(attempt, 30, "the virtual device did not come back")


def test_deploys_install_one_boot_line_and_the_project_streams_again_after_a_reboot(virtual, tmp_path):
    # A home folder whose path needs quoting (and escaping for cron's %).
    # Folders mode: the device's own paths carry the quote and the % (with a mount namespace they are the
    # camera's).
    device, connection = virtual(root=tmp_path / "it's 100% cam" / "virtual-1", namespace=False)
    connection.run("crontab -", stdin="\n".join(USER_LINES) + "\n")
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    blue = resolve_source(make_project(tmp_path / "blue", "blue", "blue"))

    first, _ = deploy(connection, red)

    assert first.ok, first.message
    assert steps(first)["boot"].state == "done"
    assert "starts again when virtual-1 boots" in steps(first)["boot"].message
    lines = crontab(connection, device)
    assert lines[:3] == USER_LINES and len(marked(lines)) == 1 and len(lines) == 4
    line = marked(lines)[0]
    command, stdin = cron_command(line[len("@reboot "):])
    words = shlex.split(command, comments=True)
    assert stdin == b"" and words[1:] == [
        str(device.root / layout.RUNNER_SCRIPT), "--app-dir", str(device.app_dir), "boot", ">>",
        str(device.root / layout.RUNNER_LOG), "2>&1"]
    assert os.path.isabs(words[0]) and os.access(words[0], os.X_OK)
    # Every path single-quoted for sh, and cron's % escaped.
    assert line.startswith("@reboot '/") and "'\"'\"'s 100\\% cam/" in line and "100% cam" not in line

    second, _ = deploy(connection, blue)

    assert second.ok, second.message
    again = crontab(connection, device)
    assert again[:3] == USER_LINES and marked(again) == [line] and len(again) == 4
    assert stream_colour(connection, str(device.stream_path)) == "blue"
    before = read_json(device.app_dir / "runner.json")

    # Safety first: reboot must resolve to the virtual device's own script, or this test must not run it.
    where = connection.run(["sh", "-c", "command -v sudo; sudo sh -c 'command -v reboot'"]).text.splitlines()
    assert where == [sim_path(device, "sudo"), sim_path(device, "reboot")]
    assert b"going down for a reboot" in connection.run(commands.reboot_command()).stdout
    wait_for(lambda: not connection.is_open, 10, "the reboot did not drop the connection")
    connection.close()
    back = reconnect(device, connection)
    try:
        state = wait_for(lambda: (lambda s: s if s.get("state") == "running" and s.get("runner_pid") != before[
            "runner_pid"] else None)(read_json(device.app_dir / "runner.json")), 30, "the project did not start at boot")
        assert state["project_dir"] == second.record["runner"]["project_dir"]
        assert state["started_at"] >= before["started_at"] and state["restarts"] == 0
        assert stream_colour(back, str(device.stream_path)) == "blue"
        assert "boot: starting " + second.record["runner"]["project_dir"] in (
            device.root / layout.RUNNER_LOG).read_text()
        assert crontab(back, device)[:3] == USER_LINES
    finally:
        back.close()


def test_boot_without_a_record_does_nothing_even_at_a_restart(virtual):
    device, connection = virtual()
    script = device.root / layout.RUNNER_SCRIPT
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_bytes(remote.payload("runner"))

    installed = connection.run(commands.runner_command(layout.RUNNER_SCRIPT, layout.APP_DIR, "install-boot"))
    booted = connection.run(commands.runner_command(layout.RUNNER_SCRIPT, layout.APP_DIR, "boot"))

    assert '"installed": true' in installed.text
    assert booted.status == 0 and len(booted.text.splitlines()) == 1 and "nothing to start" in booted.text
    connection.close()
    device.restart()
    log = (device.root / layout.RUNNER_LOG).read_text()
    assert log.count("nothing to start") == 1, log
    assert not device.project_running and not runner_processes(device.app_dir)
    assert not (device.root / layout.RUNNER_STATE).exists()


def test_without_crontab_the_boot_step_is_skipped_with_the_sentence(virtual, tmp_path):
    device, connection = virtual()
    # This machine's folders leave PATH: only sh and a Python, then the device's scripts (crontab removed).
    bare = tmp_path / "bare-bin"
    bare.mkdir()
    for name, target in (("sh", "/bin/sh"), ("python3", sys.executable)):
        (bare / name).symlink_to(target)
    device.server.env["PATH"] = str(bare)
    os.remove(sim_path(device, "crontab"))
    assert connection.run(["sh", "-c", "command -v crontab"], check=False).text == ""
    source = resolve_source(make_project(tmp_path / "red", "red", "red"))

    result, _ = deploy(connection, source)

    assert result.ok, result.message
    boot = steps(result)["boot"]
    assert boot.state == "skipped"
    assert "has no crontab command" in boot.message and "will not come back after a reboot" in boot.message
    assert boot.message in result.message
    assert not device.crontab_path.exists()


def fake_greengrass(device, tmp_path, refuse_disable):
    """A systemctl reporting an active greengrassd and a sudo that allows stop (and disable unless refused)."""
    fake = tmp_path / "fakebin"
    fake.mkdir()
    calls = tmp_path / "systemctl-calls"
    (fake / "systemctl").write_text(
        '#!/bin/sh\necho "$*" >> "{0}"\ncase "$1" in show) echo LoadState=loaded;; is-active) echo active;; '
        'esac\n'.format(calls))
    (fake / "sudo").write_text(
        '#!/bin/sh\n[ "$1" = -n ] && shift\n'
        'if [ "$2" = disable ] && [ {0} = yes ]; then echo "sudo: a password is required" >&2; exit 1; fi\n'
        'exec "$@"\n'.format("yes" if refuse_disable else "no"))
    for script in fake.iterdir():
        script.chmod(0o755)
    device.server.env["PATH"] = str(fake) + os.pathsep + os.environ["PATH"]
    return calls


@pytest.mark.parametrize("refuse_disable", [False, True], ids=["disabled", "refused"])
def test_greengrass_is_disabled_at_boot_when_it_was_stopped_or_the_user_is_told_how(virtual, tmp_path,
                                                                                    refuse_disable):
    device, connection = virtual()
    calls = fake_greengrass(device, tmp_path, refuse_disable)
    # The fake folder goes first; the crontab is still the device's own script.
    found = connection.run(["sh", "-c", "command -v crontab"]).text.strip()
    assert found == device.paths.camera(sim_path(device, "crontab"))
    source = resolve_source(make_project(tmp_path / "red", "red", "red"))

    result, _ = deploy(connection, source)

    assert result.ok, result.message
    assert "stop greengrassd.service" in calls.read_text()
    assert steps(result)["boot"].state == "done" and len(marked(crontab(connection, device))) == 1
    if refuse_disable:
        assert "disable greengrassd.service" not in calls.read_text()
        assert "Greengrass will start its own project again when virtual-1 boots" in result.message
        assert "sudo systemctl disable greengrassd" in result.message
    else:
        assert "disable greengrassd.service" in calls.read_text()
        assert "Greengrass (greengrassd) is disabled" in result.message


def test_a_rolled_back_deploy_makes_the_previous_project_start_at_boot(virtual, tmp_path):
    device, connection = virtual()
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    first, _ = deploy(connection, red)
    assert first.ok, first.message
    connection.run("crontab -r")
    assert connection.run("crontab -l", check=False).status != 0
    crash = resolve_source(make_project(tmp_path / "crash", "crash", "green", crash=True))

    result, _ = deploy(connection, crash)

    assert not result.ok and result.rolled_back, result.message
    assert steps(result)["boot"].state == "done"
    assert len(marked(crontab(connection, device))) == 1
    assert read_json(device.app_dir / "deployed.json") == first.record
