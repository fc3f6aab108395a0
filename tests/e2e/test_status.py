"""Status verdicts from real device states: virtual DeepLens devices over SSH, a moto server for the cloud part."""

import json
import os
import select
import signal
import subprocess
import sys
import time

import psutil
import pytest

from deeplens_gui.cli import status as cli_status
from deeplens_gui.core import cloud
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.core.status import Verdict, get_status
from tests.e2e.test_greengrass_moto import seed_function
from tests.fixtures.signals import signal_a_worker_thread, tgkill
from tests.fixtures.waiting import wait_for

#: the seconds of stream the interrupted status check samples (test_ctrl_c_given_to_a_worker_thread_...)
SAMPLE = 6.0


@pytest.fixture
def aws(moto_reset):
    """Dummy credentials and no user AWS config; a fresh moto state; a factory bound to the server."""
    moto_url = moto_reset
    def factory(service, region=None):
        return cloud.client(service, region=region, endpoint_url=moto_url)

    factory.url = moto_url
    return factory


def _options(fleet, tmp_path):
    known_hosts = fleet.write_known_hosts(tmp_path / "known_hosts")
    return SshOptions(known_hosts=str(known_hosts), allow_agent=False, look_for_keys=False, use_keyring=False,
                      connect_timeout=5)


def _status(virtual, options, factory=None):
    with DeviceConnection(virtual.device(), options) as connection:
        return get_status(connection, client_factory=factory, sample_seconds=1.5)


def _write_record(virtual, **overrides):
    record = {"project": "face", "name": "Face detection", "version": "20260101T000000Z-abcdef12",
              "code_sha256": "c2hh", "source": "bundled:face", "deployed_at": "2026-01-01T00:00:00Z",
              "deployed_by": "teacher@laptop", "stream_path": "/tmp/results.mjpeg", "runner": "ssh"}
    record.update(overrides)
    path = virtual.root / layout.DEPLOYED_RECORD
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record))


def _wait_for_frames(virtual, timeout=20.0):
    # The virtual Lambda loads its model first; the stream FIFO appears when it starts writing.
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if virtual.stream_path.exists() and virtual.project_running:
            return
        time.sleep(0.1)
    raise AssertionError("the virtual project did not create its stream")


def test_running_device(sim_fleet, tmp_path):
    fleet = sim_fleet(1, project="face")
    virtual = fleet.devices[0]
    _wait_for_frames(virtual)
    _write_record(virtual)
    status = _status(virtual, _options(fleet, tmp_path))
    assert status.verdict is Verdict.RUNNING, status.reason
    assert status.frames > 1 and status.fps > 0
    assert status.reason.startswith("Running Face detection 20260101T000000Z-abcdef12: ")
    assert status.last_frame_age is not None and status.last_frame_age < 1.5
    assert status.fifo_present
    assert status.uptime > 0 and status.mem_total_kb > 0 and len(status.loadavg) == 3
    assert {disk.mount for disk in status.disks} == {"home", "root"}
    assert status.record.project == "face"


def test_deployed_but_no_output_fifo_without_writer(sim_fleet, tmp_path):
    fleet = sim_fleet(1, project="face")
    virtual = fleet.devices[0]
    _wait_for_frames(virtual)
    virtual.stop_project()  # the FIFO stays, nothing writes to it any more
    _write_record(virtual)
    status = _status(virtual, _options(fleet, tmp_path))
    assert status.verdict is Verdict.NO_OUTPUT, status.reason
    assert status.frames == 0
    assert "Face detection 20260101T000000Z-abcdef12 is deployed, but no frame arrived" in status.reason
    assert "exists but nothing writes to it" in status.reason
    assert "~/.deeplens-console/project.log" in status.reason


def test_deployed_but_no_output_runner_killed(sim_fleet, tmp_path):
    fleet = sim_fleet(1, project=None)
    virtual = fleet.devices[0]
    runner = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    runner.send_signal(signal.SIGKILL)
    runner.wait()
    app_dir = virtual.root / layout.APP_DIR
    app_dir.mkdir(parents=True, exist_ok=True)
    (virtual.root / layout.RUNNER_PID).write_text("{0}\n".format(runner.pid))
    (virtual.root / layout.RUNNER_STATE).write_text(json.dumps({
        "state": "running", "started_at": "2026-01-01T00:00:00Z", "restarts": 2, "child_pid": runner.pid,
        "runner_pid": runner.pid, "project_dir": "projects/face/x", "last_exit": -9}))
    _write_record(virtual)
    status = _status(virtual, _options(fleet, tmp_path))
    assert status.verdict is Verdict.NO_OUTPUT, status.reason
    assert status.runner_pid == runner.pid and status.runner_alive is False
    assert "its runner (pid {0}) is not running".format(runner.pid) in status.reason
    assert "2 restarts" in status.reason and "last exit status -9" in status.reason
    assert "does not exist" in status.reason  # and the FIFO was never made
    assert status.runner_started_at == "2026-01-01T00:00:00Z"


def test_not_deployed(sim_fleet, tmp_path):
    fleet = sim_fleet(1, project=None)
    status = _status(fleet.devices[0], _options(fleet, tmp_path))
    assert status.verdict is Verdict.NOT_DEPLOYED, status.reason
    assert status.reason.startswith("Nothing is deployed: no deployment record and ")
    assert status.record is None and status.frames == 0
    assert not status.failed


def test_unreachable_device(sim_fleet, tmp_path):
    fleet = sim_fleet(1, project=None)
    virtual = fleet.devices[0]
    options = _options(fleet, tmp_path)
    virtual.kill()
    status = _status_without_context(virtual, options)
    assert status.verdict is Verdict.UNREACHABLE
    assert status.failed and not status.reachable
    assert "127.0.0.1" in status.reason and str(virtual.port) in status.reason
    assert status.error_kind in ("refused", "offline", "timeout")


def _status_without_context(virtual, options):
    connection = DeviceConnection(virtual.device(), options)
    try:
        return get_status(connection, sample_seconds=1.5)
    finally:
        connection.close()


def test_unknown_host_key_is_unreachable_with_the_sentence(sim_fleet, tmp_path):
    fleet = sim_fleet(1, project=None)
    (tmp_path / "empty_known_hosts").write_text("")
    options = SshOptions(known_hosts=str(tmp_path / "empty_known_hosts"), allow_agent=False,
                         look_for_keys=False, use_keyring=False)
    status = _status_without_context(fleet.devices[0], options)
    assert status.verdict is Verdict.UNREACHABLE
    assert status.reachable and not status.auth_ok
    assert "host key" in status.reason and "--accept-new-host-key" in status.reason


def test_behind_the_cloud(sim_fleet, tmp_path, aws):
    seed_function(aws, name="deeplens-face", versions=2)
    fleet = sim_fleet(1, project="face")
    virtual = fleet.devices[0]
    _wait_for_frames(virtual)
    _write_record(virtual, source="lambda:deeplens-face:1", version="1")
    status = _status(virtual, _options(fleet, tmp_path), aws)
    assert status.verdict is Verdict.BEHIND_CLOUD, status.reason
    assert status.reason.startswith("The device runs version 1 of deeplens-face; version 2 is published")
    assert status.cloud.lambda_version == "2"
    assert status.cloud.lambda_code_sha256 == aws("lambda").get_function_configuration(
        FunctionName="deeplens-face", Qualifier="2")["CodeSha256"]
    assert status.frames > 0


def test_cloud_errors_are_notes_not_failures(sim_fleet, tmp_path, aws):
    fleet = sim_fleet(1, project=None)
    virtual = fleet.devices[0]
    _write_record(virtual, source="lambda:deeplens-missing:1", version="1")
    status = _status(virtual, _options(fleet, tmp_path), aws)
    assert status.verdict is Verdict.NO_OUTPUT
    assert len(status.cloud.errors) == 1
    assert status.cloud.errors[0] == ("AWS Lambda in us-east-1 has no function deeplens-missing: check the name "
                                      "and the region.")
    assert status.notes == status.cloud.errors


def test_cli_status_table_json_and_exit_status(sim_fleet, tmp_path, capsys, monkeypatch, aws):
    monkeypatch.setenv("AWS_ENDPOINT_URL", aws.url)  # boto3 itself honours it
    seed_function(aws, name="deeplens-face", versions=1)
    fleet = sim_fleet(2, project=None)
    known_hosts = fleet.write_known_hosts(tmp_path / "known_hosts")
    roster = fleet.write_roster(tmp_path / "roster.toml", known_hosts=known_hosts)
    _write_record(fleet.devices[0], source="lambda:deeplens-face:1", version="1")
    fleet.devices[1].kill()
    import argparse

    parser = argparse.ArgumentParser()
    cli_status.add_arguments(parser)
    args = parser.parse_args(["virtual-1", "virtual-2", "--roster", str(roster), "--sample", "1", "--json"])
    assert cli_status.run(args) == 1
    out, err = capsys.readouterr()
    records = {item["name"]: item for item in json.loads(out)}
    assert records["virtual-1"]["verdict"] == "no-output"
    assert records["virtual-1"]["cloud"]["lambda_version"] == "1"
    assert records["virtual-2"]["verdict"] == "unreachable"
    failed_lines = [line for line in err.splitlines() if line.startswith("deeplens-gui: virtual-")]
    assert len(failed_lines) == 1 and failed_lines[0].startswith("deeplens-gui: virtual-2: ")

    args = parser.parse_args(["virtual-1", "--roster", str(roster), "--sample", "1", "--no-cloud"])
    assert cli_status.run(args) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["DEVICE", "VERDICT", "FPS"]
    assert lines[1].split()[:2] == ["virtual-1", "no-output"]
    assert lines[2].startswith("    Face detection 1 is deployed")
    assert err == ""
    assert os.environ["AWS_ENDPOINT_URL"] == aws.url


@pytest.mark.skipif(tgkill() is None, reason="needs Linux with glibc's tgkill")
def test_ctrl_c_given_to_a_worker_thread_is_felt_while_the_check_runs(sim_fleet, tmp_path):
    fleet = sim_fleet(1, project="face")
    known_hosts = fleet.write_known_hosts(tmp_path / "known_hosts")
    roster = fleet.write_roster(tmp_path / "roster.toml", known_hosts=known_hosts)
    _wait_for_frames(fleet.devices[0])
    # a long sample of the stream keeps the check under way when the signal comes
    process = subprocess.Popen([sys.executable, "-m", "deeplens_gui", "status", "virtual-1", "--roster",
                                str(roster), "--sample", str(SAMPLE), "--no-cloud"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=dict(os.environ, HOME=str(tmp_path)))
    try:
        # the sample runs once the virtual camera (served from this process) runs the relay for it
        wait_for(lambda: any("--max-fps" in " ".join(_cmdline(child))
                             for child in psutil.Process().children(recursive=True)), 30,
                 "the status check did not sample its stream")
        signal_a_worker_thread(process.pid, signal.SIGINT)
        # Felt while the sample still runs, not once it ended (an untimed wait would feel it SAMPLE s later).
        ready, _, _ = select.select([process.stderr], [], [], SAMPLE / 2)
        assert ready, "Ctrl+C was not felt while the check ran"
        first = process.stderr.readline()
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert first.startswith("Interrupted: no further checks start"), (first, err)
    assert process.returncode == 130 and "virtual-1" not in out, (out, err)


def _cmdline(process):
    try:
        return process.cmdline()
    except psutil.Error:  # it ended meanwhile
        return []
