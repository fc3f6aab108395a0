"""The runner's ``boot`` and ``install-boot`` (remote/runner.py), Python 3 and, when installed, Python 2.7.

The crontab the runner changes is the virtual DeepLens's ``crontab`` script (it keeps the table in a folder of
the test), first on PATH, so this machine's own crontab is never the one found; the test without a crontab
gives the runner a PATH with no folder but an empty one.
"""

import json
import os
import shlex
import subprocess

import pytest

from deeplens_gui.remote import runner
from deeplens_gui.sim.fleet import cron_command
from deeplens_gui.sim.server import CRONTAB, install_shims
from tests.device.test_runner import PYTHONS, RUNNER, STEADY, Runner, make_project, processes_of

#: an app folder name that breaks a crontab line that forgot to quote (or to escape % for cron)
ODD = "it's 100% $(touch PWNED) `touch PWNED2`"


@pytest.fixture(params=PYTHONS)
def run(request, tmp_path):
    """A Runner whose crontab is the virtual DeepLens's script, keeping the table under ``tmp_path/device``."""
    device_root = tmp_path / "device"
    shims = install_shims(device_root)
    # The script first, so no crontab of this machine is ever found; the system folders give it cat and mv.
    env = {"PATH": os.pathsep.join([str(shims), "/usr/bin", "/bin"]), "DEEPLENS_SIM_ROOT": str(device_root),
           "HOME": str(tmp_path)}
    runner_ = Runner(request.param, tmp_path / ODD / "app")
    runner_.env = env
    runner_.table = device_root / CRONTAB
    yield runner_
    runner_("stop", env=env)
    assert not processes_of(runner_.app_dir), "runner processes left behind"
    assert not list(tmp_path.rglob("PWNED*")), "a crontab line ran part of a path as a command"


def crontab_lines(run):
    return run.table.read_text().splitlines()


def boot_command_words(line):
    """The words of a marked @reboot line's command as sh gets them from cron."""
    assert line.startswith("@reboot ") and line.endswith(" " + runner.BOOT_MARKER)
    command, stdin = cron_command(line[len("@reboot "):])
    assert stdin == b"", "an unescaped % would cut the command short"
    return shlex.split(command, comments=True)


def test_install_boot_adds_one_quoted_line_replaces_it_and_keeps_the_users_lines(run):
    user_lines = ["MAILTO=\"\"", "# my own jobs", "*/5 * * * * echo hello >/dev/null"]
    run.table.write_text("\n".join(user_lines + ["@reboot /old/python /old/runner.py boot " + runner.BOOT_MARKER])
                         + "\n")

    first = run.json("install-boot", env=run.env)
    again = run.json("install-boot", env=run.env)

    assert first["installed"] and first["changed"] and not again["changed"]
    assert first["crontab"] == str(run.table.parent / "bin" / "crontab")
    lines = crontab_lines(run)
    assert lines[:3] == user_lines
    marked = [line for line in lines if line.endswith(runner.BOOT_MARKER)]
    assert marked == [first["line"]] and len(lines) == 4
    python = subprocess.run([run.python, "-c", "import sys; print(sys.executable)"], stdout=subprocess.PIPE,
                            check=True).stdout.decode().strip()
    app = str(run.app_dir)
    assert boot_command_words(marked[0]) == [os.path.abspath(python), str(RUNNER), "--app-dir", app, "boot", ">>",
                                             os.path.join(app, "runner.log"), "2>&1"]
    assert "'{0}'".format(str(RUNNER)) in marked[0]


def test_install_boot_without_crontab_changes_nothing(run, tmp_path):
    empty = tmp_path / "empty-bin"
    empty.mkdir()

    answer = run.json("install-boot", env=dict(run.env, PATH=str(empty)))

    assert answer == {"installed": False, "reason": "nocrontab"}
    assert not run.table.exists()


def test_boot_without_a_record_does_nothing(run):
    result = run("boot", env=run.env)

    assert result.returncode == 0, result.stderr.decode()
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 1 and "nothing to start" in lines[0]
    assert not (run.app_dir / "runner.json").exists() and not processes_of(run.app_dir)


def test_the_boot_line_starts_the_recorded_project_like_the_deploy_did_and_only_once(run, tmp_path):
    project = make_project(tmp_path / "steady", STEADY)
    env_value = "a b $(touch PWNED) ;'\""
    deployed = run.json("start", "--project-dir", str(project), "--env", "DEEPLENS_X=" + env_value,
                        "--python", run.python, env=run.env)
    record = {"project": "steady", "version": "v1",
              "runner": {key: deployed[key] for key in ("project_dir", "env", "python")}}
    run.json("record", input=json.dumps({"record": record, "history": {"outcome": "deployed"}}).encode(),
             env=run.env)
    line = run.json("install-boot", env=run.env)["line"]
    run.json("stop", env=run.env)  # the camera went down

    # What cron does at boot with the line: /bin/sh -c COMMAND in the home folder.
    command, stdin = cron_command(line[len("@reboot "):])
    booted = subprocess.run(["/bin/sh", "-c", command], cwd=str(tmp_path), env=run.env, input=stdin, timeout=60)

    assert booted.returncode == 0
    state = run.wait_state(lambda s: s.get("state") == "running" and s.get("child_pid"))
    assert state["runner_pid"] != deployed["runner_pid"]
    assert {key: state[key] for key in ("project_dir", "env", "python")} == record["runner"]
    log = (run.app_dir / "runner.log").read_text()
    assert "boot: starting {0}".format(project) in log

    second = run("boot", env=run.env)

    assert second.returncode == 0 and "already runs" in second.stdout.decode()
    assert run.state()["runner_pid"] == state["runner_pid"]
    assert len([p for p in processes_of(run.app_dir) if "_supervise" in p.info["cmdline"]]) == 1
