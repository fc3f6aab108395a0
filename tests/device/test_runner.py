"""The device-side runner (remote/runner.py), run as the camera runs it: a plain script, Python 2.7 and 3.

The tests run it with this machine's Python and, when pyenv has one, a real Python 2.7.
"""

import base64
import hashlib
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import psutil
import pytest

from deeplens_gui.core.deploy import layout
from deeplens_gui.remote import runner
from tests.device.conftest import python27_param

RUNNER = Path(runner.__file__).resolve()
PYTHONS = [pytest.param(sys.executable, id="py3"), python27_param()]


def test_runner_file_names_match_the_layout():
    assert layout.APP_DIR == runner.APP_DIR_NAME
    for constant, name in [(layout.RUNNER_PID, runner.PID_FILE), (layout.RUNNER_STATE, runner.STATE_FILE),
                           (layout.RUNNER_LOG, runner.RUNNER_LOG), (layout.PROJECT_LOG, runner.PROJECT_LOG),
                           (layout.RESULTS, runner.RESULTS), (layout.DEPLOYED_RECORD, runner.DEPLOYED),
                           (layout.HISTORY, runner.HISTORY), (layout.PROJECTS_DIR, runner.PROJECTS)]:
        assert constant == layout.APP_DIR + "/" + name
    assert layout.RUNNER_SCRIPT == layout.BIN_DIR + "/runner.py"
    assert layout.DeviceLayout("/x/app").deployed_record == "/x/app/deployed.json"
    assert layout.DeviceLayout().project_dir("mask", "v") == layout.PROJECTS_DIR + "/mask/v"


def make_project(folder, body, runtime="python3.7"):
    folder.mkdir(parents=True)
    (folder / "manifest.json").write_text(json.dumps(
        {"id": folder.name, "name": folder.name, "handler": "app.function_handler", "runtime": runtime}))
    (folder / "app.py").write_text(body + "\ndef function_handler(event, context):\n    return\n")
    return folder


STEADY = "import greengrasssdk\ngreengrasssdk.client('iot-data').publish(topic='t/x', payload='up')\n"
CRASH = "import sys\nsys.exit(7)\n"
# A helper the project starts in its own process group: stopping must end it too.
WITH_HELPER = "import subprocess, sys\nHELPER = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)'])\n"


class Runner:
    """Calls the runner script as the app does over SSH, with a private app folder."""

    def __init__(self, python, app_dir):
        self.python = python
        self.app_dir = app_dir

    def __call__(self, *args, **kwargs):
        result = subprocess.run([self.python, str(RUNNER), "--app-dir", str(self.app_dir)] + list(args),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60, **kwargs)
        return result

    def json(self, *args, **kwargs):
        result = self(*args, **kwargs)
        assert result.returncode == 0, result.stderr.decode()
        return json.loads(result.stdout.decode().strip().splitlines()[-1])

    def state(self):
        return json.loads((self.app_dir / "runner.json").read_text())

    def wait_state(self, predicate, timeout=20.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = self.state()
            if predicate(state):
                return state
            time.sleep(0.05)
        raise AssertionError("runner state never matched: {0}".format(self.state()))


def processes_of(app_dir):
    found = []
    for proc in psutil.process_iter(["cmdline", "status"]):
        if proc.info["status"] != psutil.STATUS_ZOMBIE and str(app_dir) in " ".join(proc.info["cmdline"] or []):
            found.append(proc)
    return found


@pytest.fixture(params=PYTHONS)
def run(request, tmp_path):
    runner_ = Runner(request.param, tmp_path / "app")
    yield runner_
    runner_("stop")
    assert not processes_of(runner_.app_dir), "runner processes left behind"


def test_start_status_stop_and_the_greengrasssdk_stand_in(run, tmp_path):
    project = make_project(tmp_path / "steady", STEADY)
    env_value = "a b $(touch PWNED) ;'\""

    started = run.json("start", "--project-dir", str(project), "--env", "DEEPLENS_X=" + env_value)

    assert started["state"] == "running" and started["alive"] and started["child_alive"]
    assert started["project_dir"] == str(project) and started["env"] == {"DEEPLENS_X": env_value}
    assert psutil.Process(started["child_pid"]).environ()["DEEPLENS_X"] == env_value
    assert int((run.app_dir / "runner.pid").read_text()) == started["runner_pid"]
    deadline = time.monotonic() + 20
    while not (run.app_dir / "results.jsonl").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    published = json.loads((run.app_dir / "results.jsonl").read_text().splitlines()[0])
    assert published["topic"] == "t/x" and published["payload"] == "up"
    status = run.json("status")
    assert status["alive"] and status["child_pid"] == started["child_pid"]
    busy = run("start", "--project-dir", str(project))
    assert busy.returncode == runner.EXIT_BUSY and b"already runs" in busy.stderr

    assert run.json("stop") == {"stopped": True}

    assert not psutil.pid_exists(started["child_pid"]) or psutil.Process(
        started["child_pid"]).status() == psutil.STATUS_ZOMBIE
    assert run.json("status")["alive"] is False and run.state()["state"] == "stopped"
    assert not (run.app_dir / "runner.pid").exists()
    assert run.json("stop") == {"stopped": False}  # idempotent
    assert not list(tmp_path.rglob("PWNED"))


def test_a_crashing_project_is_restarted_then_given_up(run, tmp_path):
    project = make_project(tmp_path / "crash", CRASH)

    run.json("start", "--project-dir", str(project), "--max-crashes", "3", "--crash-window", "10")

    state = run.wait_state(lambda s: s["state"] == "crashed")
    assert state["restarts"] == 2 and state["last_exit"] == 7 and state["child_pid"] is None
    assert run.json("status")["alive"] is False
    log = (run.app_dir / "runner.log").read_text()
    assert log.count("project exited with 7") == 3 and "giving up" in log


def test_a_project_that_runs_a_while_before_crashing_keeps_being_restarted(run, tmp_path):
    project = make_project(tmp_path / "late", "import time\ntime.sleep(1.0)\nraise SystemExit(5)\n")

    run.json("start", "--project-dir", str(project), "--max-crashes", "2", "--crash-window", "0.5")

    state = run.wait_state(lambda s: s["restarts"] >= 2)
    assert state["state"] in ("running", "restarting") and state["last_exit"] == 5
    assert run.json("status")["alive"] is True


def test_stop_ends_the_projects_whole_process_group(run, tmp_path):
    project = make_project(tmp_path / "helper", WITH_HELPER)
    started = run.json("start", "--project-dir", str(project))
    child = psutil.Process(started["child_pid"])
    deadline = time.monotonic() + 20
    while not child.children() and time.monotonic() < deadline:
        time.sleep(0.05)
    helpers = child.children()
    assert helpers, "the project did not start its helper"

    run.json("stop")

    gone, alive = psutil.wait_procs(helpers, timeout=5)
    assert not [proc for proc in alive if proc.status() != psutil.STATUS_ZOMBIE]


def test_stop_cleans_up_after_a_killed_supervisor(run, tmp_path):
    project = make_project(tmp_path / "orphan", STEADY)
    started = run.json("start", "--project-dir", str(project))
    os.kill(started["runner_pid"], 9)
    psutil.wait_procs([psutil.Process(started["runner_pid"])], timeout=5)

    run.json("stop")

    assert not psutil.pid_exists(started["child_pid"]) or psutil.Process(
        started["child_pid"]).status() == psutil.STATUS_ZOMBIE


def _package(files):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    data = buffer.getvalue()
    return data, base64.b64encode(hashlib.sha256(data).digest()).decode()


GOOD = {"manifest.json": json.dumps({"handler": "app.function_handler"}), "app.py": "x = 1\n", "sub/a.txt": "a"}


def test_unpack_checks_the_hash_and_renames_into_place(run, tmp_path):
    projects = run.app_dir / "projects" / "demo"
    projects.mkdir(parents=True)
    data, sha = _package(GOOD)
    upload = projects / "20240101T000000Z-abcdef012345.zip"
    upload.write_bytes(data)
    dest = projects / "20240101T000000Z-abcdef012345"

    damaged = run("unpack", "--zip", str(upload), "--dest", str(dest), "--sha256", "AAAA" + sha[4:])
    assert damaged.returncode == 1 and b"damaged" in damaged.stderr and not dest.exists()

    assert run.json("unpack", "--zip", str(upload), "--dest", str(dest), "--sha256", sha)["files"] == 3
    assert (dest / "sub" / "a.txt").read_text() == "a" and not upload.exists()
    assert sorted(path.name for path in projects.iterdir()) == [dest.name]


@pytest.mark.parametrize("bad_name", ["../escape.py", "/abs.py"])
def test_unpack_refuses_paths_that_leave_the_folder(run, tmp_path, bad_name):
    projects = run.app_dir / "projects" / "demo"
    projects.mkdir(parents=True)
    data, sha = _package(dict(GOOD, **{bad_name: "evil"}))
    upload = projects / "x.zip"
    upload.write_bytes(data)
    dest = projects / "20240101T000000Z-abcdef012345"

    result = run("unpack", "--zip", str(upload), "--dest", str(dest), "--sha256", sha)

    assert result.returncode == 1 and b"unsafe path" in result.stderr
    assert not dest.exists() and not (run.app_dir / "projects" / "escape.py").exists()
    assert [path.name for path in projects.iterdir()] == ["x.zip"]  # no temporary folder left


def test_unpack_only_writes_version_folders_of_the_app(run, tmp_path):
    data, sha = _package(GOOD)
    upload = tmp_path / "p.zip"
    upload.write_bytes(data)

    result = run("unpack", "--zip", str(upload), "--dest", str(tmp_path / "elsewhere"), "--sha256", sha)

    assert result.returncode == 1 and not (tmp_path / "elsewhere").exists()


def test_prune_keeps_the_newest_and_the_protected_versions(run):
    folder = run.app_dir / "projects" / "mask"
    versions = ["2024010{0}T000000Z-0123456789ab".format(day) for day in range(1, 7)]
    for version in versions:
        (folder / version).mkdir(parents=True)
    (folder / "notes").mkdir()
    stale = folder / ".old.zip.1234.part"
    stale.write_text("x")
    os.utime(str(stale), (time.time() - 7200, time.time() - 7200))

    removed = run.json("prune", "--project", "mask", "--keep", "3", "--protect", versions[0])["removed"]

    assert sorted(path.name for path in folder.iterdir()) == sorted([versions[0]] + versions[3:] + ["notes"])
    assert sorted(removed) == sorted(versions[1:3] + [stale.name])
    bad = run("prune", "--project", "../x", "--keep", "1")
    assert bad.returncode == 1 and b"not a project id" in bad.stderr


def test_record_writes_atomically_and_appends_history(run):
    record = {"project": "mask", "version": "v1", "name": "Mask $(x)"}
    assert run.json("record", input=json.dumps({"record": record, "history": dict(record, outcome="deployed")})
                    .encode()) == {"recorded": True}
    run.json("record", input=json.dumps({"record": None, "history": {"outcome": "failed"}}).encode())

    assert json.loads((run.app_dir / "deployed.json").read_text()) == record
    lines = [json.loads(line) for line in (run.app_dir / "history.jsonl").read_text().splitlines()]
    assert [line["outcome"] for line in lines] == ["deployed", "failed"]
    assert not [path for path in run.app_dir.iterdir() if path.name.startswith(".")]
    broken = run("record", input=b"{not json")
    assert broken.returncode == 1 and json.loads((run.app_dir / "deployed.json").read_text()) == record
