"""The project-health part of the verdict: the probe's lenient reading of results and logs (run for real,
also under Python 2.7) and the verdict rules that use it."""

import json
import os
import subprocess
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.device import Device
from deeplens_gui.core.status import (
    SILENT_AFTER,
    DeviceProbe,
    ProbeReport,
    ProjectHealth,
    StreamSample,
    Verdict,
    merge,
    parse_probe,
)
from deeplens_gui.remote import probe
from tests.core.test_probe import _device_home
from tests.device.conftest import require_python27

ERROR = "Error in mask detection lambda: the model weights are not on this computer (Name or service not known)"


@pytest.mark.parametrize("payload, kind", [
    ('{"label": "Mask", "prob": 0.9}', "result"),
    ('{"1": 0.95,"null": 0.0', "result"),  # the 2017 samples' JSON-like strings
    ({"face": 0.87}, "result"),
    ("{}", "result"),
    (ERROR, "error"),
    ("Test failed: no camera", "error"),
    ('{"error": "camera busy"}', "error"),
    ("Loading mask detection model", "message"),
    ("Mask detection model loaded", "message"),
    (12, "message"),
])
def test_payloads_are_classified_leniently(payload, kind):
    assert probe.classify(payload)[0] == kind


@given(st.text())
def test_any_payload_is_classified(payload):
    kind, text = probe.classify(payload)
    assert kind in ("result", "error", "message") and len(text) <= 600


def _line(when, payload):
    return json.dumps({"time": when, "topic": "$aws/things/t/infer", "payload": payload})


def test_results_before_the_projects_start_do_not_count():
    now = 1000.0
    text = "\n".join([_line(900, ERROR), "garbage", _line(990, "Loading"), _line(995, '{"a": 1}'), "{"])
    summary = probe.summarize_results(text, now, since=950)
    assert summary["count"] == 2 and summary["last_error"] is None
    assert summary["last_ok"] == '{"a": 1}' and summary["last_ok_age"] == 5.0
    assert summary["last_message"] == "Loading" and summary["last_message_age"] == 10.0


def test_log_error_and_what_follows():
    text = "starting\n[2026][ERROR]-{0}\nretrying\n".format(ERROR)
    assert probe.summarize_log(text) == {"last_error": ERROR, "lines_after": 1}
    assert probe.summarize_log("all good\n") == {"last_error": None, "lines_after": None}


def _run(home, python="python3"):
    command = commands.probe_command(layout.DEPLOYED_RECORD, layout.RUNNER_PID, layout.RUNNER_STATE,
                                     str(home / "tmp" / "results.mjpeg"), results=layout.RESULTS,
                                     log=layout.PROJECT_LOG, greengrass_logs=str(home / "gg" / "*" / "*.log"))
    env = dict(os.environ, HOME=str(home), PATH=os.path.dirname(python) + os.pathsep + "/usr/bin:/bin")
    env.pop("DEEPLENS_RESULTS_PATH", None)
    result = subprocess.run(["/bin/sh", "-c", command.replace("python3 python2 python", python, 1)],
                            cwd=str(home), env=env, capture_output=True, timeout=30, check=False)
    assert result.returncode == 0, result.stderr
    return parse_probe(result.stdout)


@pytest.mark.parametrize("interpreter", ["python3", "python2.7"])
def test_the_probe_reads_the_projects_results_and_greengrass_log(tmp_path, interpreter):
    python = require_python27() if interpreter == "python2.7" else "/usr/bin/python3"
    if python is None:
        pytest.skip("no Python 2.7 on this machine")
    home, _ = _device_home(tmp_path)
    state = json.loads((home / layout.RUNNER_STATE).read_text())
    state["started_at"] = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 30))
    (home / layout.RUNNER_STATE).write_text(json.dumps(state))
    now = time.time()
    (home / layout.RESULTS).write_text("\n".join([_line(now - 100, '{"old": 1}'), _line(now - 3, ERROR)]) + "\n")
    gg = home / "gg" / "us-east-1"
    gg.mkdir(parents=True)
    (gg / "mask.log").write_text("[INFO]-start\n[ERROR]-{0}\n".format(ERROR))

    health = _run(home, python).health

    assert health.results_path == layout.RESULTS and health.count == 1
    assert health.last_error == ERROR and 2 < health.last_error_age < 10 and health.last_ok is None
    assert 29 < health.since_age < 40
    assert health.log_path.endswith("mask.log") and health.log_error == ERROR and health.log_lines_after == 0
    assert health.current_error() == (ERROR, health.last_error_age)


def _merged(health, frames=20):
    report = ProbeReport(stream_path="/tmp/results.mjpeg", stream_exists=True, stream_is_fifo=True, health=health)
    sample = StreamSample(seconds=2.0, frames=frames, fps=10.0, last_frame_age=0.1, state="live")
    return merge(Device("cam", "127.0.0.1"), "cam", DeviceProbe(report, sample))


def test_an_error_after_the_last_result_is_running_with_errors():
    status = _merged(ProjectHealth(results_path="r", count=3, last_ok="{}", last_ok_age=40.0, last_error=ERROR,
                                   last_error_age=2.0))
    assert status.verdict is Verdict.RUNNING_WITH_ERRORS and status.troubled
    assert status.project_error == ERROR
    assert status.reason == ("A project not deployed by DeepLens Console streams, but the project reports: "
                             + ERROR[:-1] + ") (2 s ago).")


def test_a_result_after_the_error_is_running():
    status = _merged(ProjectHealth(results_path="r", count=3, last_ok="{}", last_ok_age=1.0, last_error=ERROR,
                                   last_error_age=2.0))
    assert status.verdict is Verdict.RUNNING and status.project_error is None and not status.troubled


def test_the_log_speaks_when_the_results_cannot_be_read():
    fresh = ProjectHealth(log_path="/opt/awscam/x.log", log_age=5.0, log_error=ERROR, log_lines_after=0)
    status = _merged(fresh)
    assert status.verdict is Verdict.RUNNING_WITH_ERRORS
    assert "its log /opt/awscam/x.log ends with: " + ERROR[:-1] in status.reason
    stale = ProjectHealth(log_path="/opt/awscam/x.log", log_age=600.0, log_error=ERROR, log_lines_after=0)
    assert _merged(stale).verdict is Verdict.RUNNING
    recovered = ProjectHealth(log_path="/opt/awscam/x.log", log_age=5.0, log_error=ERROR, log_lines_after=50)
    assert _merged(recovered).verdict is Verdict.RUNNING


def test_a_silent_project_is_said_so():
    silent = ProjectHealth(results_path="r", count=0, since_age=SILENT_AFTER + 30)
    status = _merged(silent)
    assert status.verdict is Verdict.NO_RESULTS and status.troubled
    assert "has published no result for 2 min" in status.reason
    assert _merged(ProjectHealth(results_path="r", count=0, since_age=5.0)).verdict is Verdict.RUNNING
    assert _merged(ProjectHealth()).verdict is Verdict.RUNNING  # a project that never publishes
    assert _merged(ProjectHealth(results_path="r", count=1, last_message="Loading", last_message_age=3.0,
                                 since_age=400.0)).verdict is Verdict.RUNNING


def test_no_frames_is_still_no_output_whatever_the_project_says():
    status = _merged(ProjectHealth(results_path="r", count=1, last_error=ERROR, last_error_age=1.0), frames=0)
    assert status.verdict is Verdict.NOT_DEPLOYED
