"""The runner's deploy lock, reconciliation and supervisor rules, run as the camera runs them (Python 2.7
and 3).

One deploy at a time (``lock``), every changing command refused while another deploy holds it, the camera
putting what runs back in line with its record when a deploy's client disappears, and never two supervisors.
"""

import json
import os
import signal
import subprocess
import threading
import time

import psutil
import pytest

from deeplens_gui.remote import runner
from tests.device.test_runner import (
    PYTHONS,
    RUNNER,
    STEADY,
    Runner,
    make_project,
    processes_of,
)
from tests.fixtures.waiting import wait_for


@pytest.fixture(params=PYTHONS)
def run(request, tmp_path):
    """The runner with a private app folder, per Python; nothing of it may outlive the test."""
    runner_ = Runner(request.param, tmp_path / "app")
    yield runner_
    wait_for(lambda: not (runner_.app_dir / "deploy.json").exists(), 20, "no reconciliation pending")
    runner_("stop")
    assert not processes_of(runner_.app_dir), "runner processes left behind"


def supervisors(app_dir):
    return [proc for proc in processes_of(app_dir) if "_supervise" in (proc.info["cmdline"] or [])]


class Holder:
    """A ``lock`` command as a deploy holds it: stdin open, its answer lines read as they come."""

    def __init__(self, run, owner="alice@desk", wait=5.0, lease=30.0):
        self.proc = subprocess.Popen(
            [run.python, str(RUNNER), "--app-dir", str(run.app_dir), "lock", "--owner", owner, "--project",
             "red", "--name", "Red project", "--version", "v1", "--wait", str(wait), "--lease", str(lease)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.lines = []

    def answer(self, timeout=30.0):
        """Read lines until the final answer (locked or refused); busy lines are kept in ``lines``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            value = json.loads(line.decode())
            self.lines.append(value)
            if "locked" in value or "refused" in value:
                return value
        raise AssertionError("no answer from lock: {0!r} {1!r}".format(self.lines, self.proc.stderr.read()))

    def send(self, text):
        self.proc.stdin.write(text.encode())
        self.proc.stdin.flush()

    def end(self, done=True):
        if done:
            self.send("done\n")
        self.proc.stdin.close()
        assert self.proc.wait(30) == 0, self.proc.stderr.read()
        self.proc.stdout.close()
        self.proc.stderr.close()


def record(run, project_dir, name="Red project"):
    state = {"record": {"project": "red", "name": name, "version": os.path.basename(str(project_dir)),
                        "runner": {"project_dir": str(project_dir), "env": {}, "python": None}},
             "history": {"outcome": "deployed"}}
    assert run("record", input=json.dumps(state).encode()).returncode == 0


def history(run):
    return [json.loads(line) for line in (run.app_dir / "history.jsonl").read_text().splitlines()]


def test_a_second_deploy_waits_with_who_holds_the_lock_then_is_refused(run):
    first = Holder(run, owner="alice@desk")
    locked = first.answer()
    assert locked["locked"] and len(locked["token"]) == 32
    assert locked["free"] > 0 and locked["readonly"] is False
    journal = json.loads((run.app_dir / "deploy.json").read_text())
    assert journal["owner"] == "alice@desk" and journal["state"] == "active" and journal["step"] == "upload"
    first.send("step verify\n")
    wait_for(lambda: json.loads((run.app_dir / "deploy.json").read_text())["step"] == "verify",
             20, "the journal naming the step")

    second = Holder(run, owner="bob@laptop", wait=2.5)
    refused = second.answer()

    busy = [line["busy"] for line in second.lines if "busy" in line]
    assert len(busy) >= 2 and all(view["owner"] == "alice@desk" and view["step"] == "verify" for view in busy)
    assert busy[-1]["age"] >= busy[0]["age"] >= 0 and "token" not in busy[0]
    assert refused["refused"]["owner"] == "alice@desk"
    assert second.proc.wait(30) == runner.EXIT_LOCKED
    assert history(run)[-1]["outcome"] == "refused" and history(run)[-1]["deployed_by"] == "bob@laptop"
    first.end()
    assert not (run.app_dir / "deploy.json").exists()
    third = Holder(run, owner="bob@laptop")
    assert third.answer()["locked"]
    third.end()


def test_changing_commands_are_refused_while_another_deploy_holds_the_lock(run, tmp_path):
    project = make_project(tmp_path / "steady", STEADY)
    holder = Holder(run)
    token = holder.answer()["token"]

    refused = run("start", "--project-dir", str(project))
    lost = run("--lock", "0" * 32, "stop")
    allowed = run("--lock", token, "start", "--project-dir", str(project))

    assert refused.returncode == runner.EXIT_LOCKED
    assert b"Another deploy is running, started by alice@desk" in refused.stderr
    assert lost.returncode == runner.EXIT_LOCKED
    assert allowed.returncode == 0, allowed.stderr
    assert len(supervisors(run.app_dir)) == 1
    assert run("status").returncode == 0  # reading is never refused
    holder.end()
    after = run("--lock", token, "stop")
    assert after.returncode == runner.EXIT_LOCKED and b"no longer holds the deploy lock" in after.stderr


def test_a_client_that_vanishes_mid_deploy_leaves_the_recorded_project_running(run, tmp_path):
    old = make_project(tmp_path / "old", STEADY)
    new = make_project(tmp_path / "new", STEADY)
    record(run, old, "Old project")
    holder = Holder(run)
    token = holder.answer()["token"]
    assert run("--lock", token, "start", "--project-dir", str(new)).returncode == 0
    holder.send("step verify\n")

    holder.end(done=False)  # stdin ends without "done": the client died

    state = wait_for(lambda: (lambda s: s if s.get("project_dir") == str(old) and s.get("state") == "running"
                              else None)(run.state()), 20, "the recorded project running again")
    assert len(supervisors(run.app_dir)) == 1 and psutil.pid_exists(state["child_pid"])
    note = wait_for(lambda: (run.app_dir / "reconciled.json").exists() and json.loads(
        (run.app_dir / "reconciled.json").read_text()), 20, "the reconcile note")
    assert note["action"] == "restarted" and note["deploy"]["step"] == "verify"
    assert note["found"] == {"running": str(new), "supervisors": 1, "recorded": str(old),
                             "record": {"project": "red", "name": "Old project", "version": "old"}}
    assert history(run)[-1]["outcome"] == "interrupted" and history(run)[-1]["step"] == "verify"
    wait_for(lambda: not (run.app_dir / "deploy.json").exists(), 20, "the journal removed")
    # The lock is free again once the camera is done.
    again = Holder(run, wait=10)
    assert again.answer()["locked"]
    again.end()


def test_a_silent_client_loses_the_lock_after_its_lease(run, tmp_path):
    holder = Holder(run, lease=1.0)
    token = holder.answer()["token"]

    assert holder.proc.wait(20) == 0  # no line for a second: the camera let go (stdin still open)

    wait_for(lambda: not (run.app_dir / "deploy.json").exists(), 20, "the journal removed")
    assert json.loads((run.app_dir / "reconciled.json").read_text())["action"] == "none"
    lost = run("--lock", token, "record", input=json.dumps({"record": None, "history": {}}).encode())
    assert lost.returncode == runner.EXIT_LOCKED
    holder.proc.stdin.close()
    holder.proc.stdout.close()
    holder.proc.stderr.close()


def test_a_journal_whose_holder_died_is_reconciled_by_the_next_status(run, tmp_path):
    old = make_project(tmp_path / "old", STEADY)
    record(run, old)
    holder = Holder(run)
    holder.answer()
    # SIGKILL of the keeper (as a power loss would end it): nothing of the lock command is left to reconcile.
    os.kill(json.loads((run.app_dir / "deploy.json").read_text())["pid"], signal.SIGKILL)
    holder.proc.wait(30)
    holder.proc.stdin.close()
    holder.proc.stdout.close()
    holder.proc.stderr.close()
    assert json.loads((run.app_dir / "deploy.json").read_text())["state"] == "active"

    status = run.json("status")

    assert status["reconciled"]["action"] == "restarted" and status["project_dir"] == str(old)
    assert status["alive"] and status["state"] == "running"
    assert not (run.app_dir / "deploy.json").exists()
    assert "reconciled" not in run.json("status")


def test_two_starts_at_once_never_make_two_supervisors(run, tmp_path):
    one = make_project(tmp_path / "one", STEADY)
    two = make_project(tmp_path / "two", STEADY)
    results = {}

    def start(name, project):
        results[name] = run("start", "--project-dir", str(project))

    threads = [threading.Thread(target=start, args=(name, project)) for name, project in (("one", one),
                                                                                          ("two", two))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    codes = sorted(result.returncode for result in results.values())
    assert codes == [0, runner.EXIT_BUSY], {name: result.stderr for name, result in results.items()}
    winner = [name for name, result in results.items() if result.returncode == 0][0]
    assert len(supervisors(run.app_dir)) == 1
    assert run.state()["project_dir"] == str(one if winner == "one" else two)


def test_stop_ends_a_supervisor_the_pid_file_no_longer_names(run, tmp_path):
    project = make_project(tmp_path / "steady", STEADY)
    started = run.json("start", "--project-dir", str(project))
    # What an older, interrupted deploy left: the pid file and state name no supervisor any more.
    (run.app_dir / "runner.pid").write_text("0\n")
    (run.app_dir / "runner.json").write_text(json.dumps({"state": "stopped"}))
    busy = run("start", "--project-dir", str(project))
    assert busy.returncode == runner.EXIT_BUSY and str(started["runner_pid"]).encode() in busy.stderr

    assert run.json("stop") == {"stopped": True}

    assert not supervisors(run.app_dir)
    assert not psutil.pid_exists(started["child_pid"]) or psutil.Process(
        started["child_pid"]).status() == psutil.STATUS_ZOMBIE


def test_a_child_whose_supervisor_was_killed_is_stopped_too(run, tmp_path):
    project = make_project(tmp_path / "steady", STEADY)
    started = run.json("start", "--project-dir", str(project))
    (run.app_dir / "runner.json").write_text(json.dumps({"state": "running"}))  # the child's pid forgotten
    os.kill(started["runner_pid"], signal.SIGKILL)
    wait_for(lambda: not supervisors(run.app_dir), 20, "the supervisor gone")

    assert run.json("stop") == {"stopped": True}

    assert not [proc for proc in processes_of(run.app_dir) if "_child" in (proc.info["cmdline"] or [])]


def test_space_reports_the_filesystem_of_the_nearest_folder(run):
    space = run.json("space", "--path", str(run.app_dir / "projects" / "not-yet"))
    info = os.statvfs(str(run.app_dir.parent))
    assert space["path"] == str(run.app_dir.parent)
    assert space["readonly"] is False and space["writable"] is True
    assert abs(space["free"] - info.f_bavail * info.f_frsize) < 64 * 1024 * 1024
