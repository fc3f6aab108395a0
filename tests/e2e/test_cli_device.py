"""``deeplens-gui stop|reboot|logs|results`` against a virtual DeepLens over SSH, running a project that
publishes an error and prints it (the same core as the window: ``core/actions.py``)."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from deeplens_gui import cli
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.status import Verdict, get_status
from tests.e2e import test_deploy_ssh
from tests.e2e.test_deploy_ssh import deploy
from tests.e2e.test_project_health import _cli_args
from tests.fixtures.projects import ERROR_SENTENCE, make_reporting_project
from tests.fixtures.signals import signal_a_worker_thread, tgkill

pytestmark = pytest.mark.slow
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture
def virtual(tmp_path):
    """The deploy tests' ``virtual`` fixture: ``make(name, project=None) -> (device, connection)``."""
    yield from test_deploy_ssh.virtual.__wrapped__(tmp_path)


@pytest.fixture
def broken(virtual, tmp_path):
    """(VirtualDevice, connection, CLI connection arguments): the device runs a project that prints and
    publishes ERROR_SENTENCE every half second."""
    device, connection = virtual()
    result, _ = deploy(connection, resolve_source(make_reporting_project(tmp_path / "broken", "broken",
                                                                         ERROR_SENTENCE)))
    assert result.problem == ERROR_SENTENCE, result.message
    return device, connection, _cli_args(device, tmp_path)


def _follow(args, wanted, timeout=30.0, to_worker=False):
    """Run ``deeplens-gui ARGS`` (a following command) until a stdout line satisfies ``wanted``; Ctrl-C it
    (``to_worker``: the SIGINT goes to one of its worker threads, as the kernel may hand it).
    Returns (that line, exit status, stderr)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [ROOT, os.environ.get("PYTHONPATH")])))
    process = subprocess.Popen([sys.executable, "-m", "deeplens_gui"] + args, cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    found = None
    deadline = time.monotonic() + timeout
    try:
        for line in process.stdout:
            if wanted(line.rstrip("\n")):
                found = line.rstrip("\n")
                break
            if time.monotonic() > deadline:
                break
    finally:
        if to_worker:
            signal_a_worker_thread(process.pid, signal.SIGINT)
        else:
            process.send_signal(signal.SIGINT)
        try:
            status = process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            status = process.wait()
    return found, status, process.stderr.read()


def test_logs_show_the_projects_own_log(broken, capsys):
    _device, _connection, args = broken
    capsys.readouterr()
    # deployed means the project has printed (then published) its error at least once after its start line
    assert cli.main(["logs", "-n", "2"] + args) == 0
    captured = capsys.readouterr()
    assert "project.log <==" in captured.err
    lines = captured.out.splitlines()
    assert len(lines) == 2 and lines[-1] == ERROR_SENTENCE


def test_results_as_text_and_json(broken, capsys):
    _device, _connection, args = broken
    capsys.readouterr()
    assert cli.main(["results", "--json", "-n", "3"] + args) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    # at least the one the deploy saw; more when the project published again meanwhile (every 0.5 s)
    assert 1 <= len(records) <= 3 and all(record["payload"] == ERROR_SENTENCE for record in records)
    assert all(record["topic"].endswith("/infer") for record in records)
    assert cli.main(["results", "-n", "1"] + args) == 0
    line = capsys.readouterr().out.strip()
    assert line.endswith("/infer  " + ERROR_SENTENCE)


def test_results_and_logs_follow_new_lines_until_ctrl_c(broken):
    _device, _connection, args = broken
    started = time.time()

    def new_result(line):
        record = json.loads(line)
        return record["time"] > started + 1 and record["payload"] == ERROR_SENTENCE

    line, status, _ = _follow(["results", "-f", "--json", "-n", "1"] + args, new_result)
    assert line is not None, "no new result arrived while following"
    assert status == cli.EXIT_INTERRUPTED
    seen = []
    line, status, err = _follow(["logs", "-f", "-n", "1"] + args,
                                lambda text: seen.append(text) or len(seen) >= 3 and text == ERROR_SENTENCE)
    assert line == ERROR_SENTENCE and len(seen) >= 3, (seen, err)
    assert "project.log <==" in err and status == cli.EXIT_INTERRUPTED


@pytest.mark.skipif(tgkill() is None, reason="needs Linux with glibc's tgkill")
def test_following_a_quiet_log_ends_when_ctrl_c_reaches_any_thread(broken, capsys):
    _device, _connection, args = broken
    assert cli.main(["stop"] + args) == 0  # the log goes quiet: no line will wake the command
    capsys.readouterr()
    started = time.monotonic()
    line, status, err = _follow(["logs", "-f", "-n", "1"] + args, lambda text: True, to_worker=True)
    assert line is not None and status == cli.EXIT_INTERRUPTED, (line, status, err)
    assert time.monotonic() - started < 20


def test_stop_then_nothing_runs(broken, capsys):
    device, connection, args = broken
    capsys.readouterr()
    assert cli.main(["stop"] + args) == 0
    assert capsys.readouterr().out.strip() == "{0}: The project on {0} was stopped.".format(args[0])
    assert not device.project_running
    assert get_status(connection, sample_seconds=1.0).verdict is Verdict.NO_OUTPUT
    assert cli.main(["stop"] + args) == 0
    assert "Nothing was running on" in capsys.readouterr().out


def test_reboot_asks_for_yes_then_the_device_reboots_and_runs_its_project_again(broken, capsys):
    device, _connection, args = broken
    capsys.readouterr()
    assert cli.main(["reboot"] + args) == 1  # not a terminal: no question, no reboot
    assert "confirm with --yes" in capsys.readouterr().err
    assert device.project_running
    old_pid = device.lambda_pid
    assert cli.main(["reboot", "--yes"] + args) == 0
    assert capsys.readouterr().out.strip() == "{0}: {0} is rebooting.".format(args[0])
    deadline = time.monotonic() + 40
    while time.monotonic() < deadline and not (device.project_running and device.lambda_pid != old_pid):
        time.sleep(0.2)
    assert device.project_running and device.lambda_pid != old_pid, "the project did not come back at boot"
