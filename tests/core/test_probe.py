"""The device-side status probe (run for real with local Pythons) and its defensive parser."""

import json
import os
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.status import ProbeError, ProbeReport, parse_probe
from deeplens_gui.remote import probe
from tests.device.conftest import require_python27


def _run_probe(home, stream, python=None):
    command = commands.probe_command(layout.DEPLOYED_RECORD, layout.RUNNER_PID, layout.RUNNER_STATE, str(stream))
    env = dict(os.environ, HOME=str(home))
    if python is not None:
        # Put only the wanted interpreter first on PATH, under the names the launcher tries.
        bin_dir = home / "bin"
        bin_dir.mkdir(exist_ok=True)
        for name in ("python3", "python2", "python"):
            target = bin_dir / name
            if not target.exists():
                target.symlink_to(python)
        env["PATH"] = str(bin_dir) + os.pathsep + "/usr/bin:/bin"
    result = subprocess.run(["/bin/sh", "-c", command], cwd=str(home), env=env, capture_output=True, timeout=30)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _device_home(tmp_path, name="home dir 'quoted'"):
    home = tmp_path / name
    (home / layout.APP_DIR).mkdir(parents=True)
    (home / layout.DEPLOYED_RECORD).write_text(json.dumps({"project": "mask", "version": 3,
                                                           "source": "lambda:deeplens-mask:3"}))
    (home / layout.RUNNER_PID).write_text("{0}\n".format(os.getpid()))
    (home / layout.RUNNER_STATE).write_text(json.dumps({"state": "running", "restarts": 1,
                                                        "started_at": "2026-01-02T03:04:05Z",
                                                        "child_pid": os.getpid()}))
    stream = home / "tmp" / "results.mjpeg"
    stream.parent.mkdir()
    os.mkfifo(str(stream))
    return home, stream


def test_probe_reports_the_device(tmp_path):
    home, stream = _device_home(tmp_path)
    report = parse_probe(_run_probe(home, stream))
    assert report.uptime > 0
    assert report.mem_total_kb > report.mem_available_kb > 0
    assert len(report.loadavg) == 3
    assert {disk.mount for disk in report.disks} == {"home", "root"}
    assert all(disk.total >= disk.free >= 0 for disk in report.disks)
    assert report.record.project == "mask" and report.record.version == "3"
    assert report.record.lambda_ref == ("deeplens-mask", "3")
    assert report.runner_pid == os.getpid() and report.runner_alive and report.runner_child_alive
    assert report.runner_state == "running" and report.runner_restarts == 1
    assert report.stream_exists and report.stream_is_fifo and report.stream_write_age >= 0
    assert report.errors == ()


def test_a_stream_path_starting_with_a_dash_is_data(tmp_path):
    home, _ = _device_home(tmp_path)
    os.mkfifo(str(home / "-x.mjpeg"))
    report = parse_probe(_run_probe(home, "-x.mjpeg"))  # relative to the login folder
    assert report.stream_exists and report.stream_is_fifo
    assert report.record.project == "mask" and report.errors == ()


def test_probe_on_an_empty_home(tmp_path):
    report = parse_probe(_run_probe(tmp_path, tmp_path / "nothing.mjpeg"))
    assert report.record is None and report.runner_pid is None and not report.runner_alive
    assert not report.stream_exists and report.errors == ()


def test_probe_reports_a_broken_record_but_still_the_rest(tmp_path):
    home, stream = _device_home(tmp_path)
    (home / layout.DEPLOYED_RECORD).write_text("{not json")
    (home / layout.RUNNER_PID).write_text("garbage")
    report = parse_probe(_run_probe(home, stream))
    assert report.record is None
    assert any(item.startswith("record: not JSON") for item in report.errors)
    assert "runner pid: not a number" in report.errors
    assert report.stream_is_fifo


def test_probe_runs_on_python_27(tmp_path):
    python = require_python27()
    home, stream = _device_home(tmp_path)
    report = parse_probe(_run_probe(home, stream, python=python))
    assert report.python.startswith("2.7.")
    assert report.record.project == "mask" and report.stream_is_fifo


def test_meminfo_without_memavailable_is_estimated():
    text = "MemTotal:  8000 kB\nMemFree:  1000 kB\nBuffers:  200 kB\nCached:  300 kB\n"
    assert probe.parse_meminfo(text) == {"total_kb": 8000, "available_kb": 1500, "free_kb": 1000}
    assert probe.parse_meminfo("garbage") is None


def test_no_python_on_the_device():
    with pytest.raises(ProbeError, match="no Python"):
        parse_probe(commands.PROBE_NOPYTHON + "\n")


@pytest.mark.parametrize("output", [b"", b"\xff\xfe", "{", "[1, 2]", '{"uptime": 5}', "Permission denied\n",
                                    "{" * 5000])
def test_garbage_is_a_probe_error(output):
    with pytest.raises(ProbeError):
        parse_probe(output)


def test_wrong_types_become_none():
    report = parse_probe(json.dumps({"probe": 1, "uptime": "x", "loadavg": [1, "a", 3], "memory": [],
                                     "disks": [{"total": True, "free": 1}, 5], "record": {"version": [1]},
                                     "runner": {"pid": 1.5e300, "alive": "yes"}, "stream": None,
                                     "temperatures": [{"zone": 3, "celsius": 41.5}], "errors": "x"}))
    assert report.uptime is None and report.loadavg is None and report.mem_total_kb is None
    assert report.disks == () and report.record.version is None
    assert report.runner_alive is False and not report.stream_exists
    assert report.temperatures == (("?", 41.5),) and report.errors == ()


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=8,
)
_keys = st.sampled_from(["probe", "uptime", "loadavg", "memory", "disks", "temperatures", "record", "runner",
                         "stream", "errors", "hostname", "python", "error"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.binary(max_size=200), st.text(max_size=200)))
def test_fuzz_raw_garbage_raises_only_probe_error(data):
    try:
        result = parse_probe(data)
    except ProbeError as error:
        assert str(error)
    else:
        assert isinstance(result, ProbeReport)


@settings(max_examples=150, deadline=None)
@given(st.dictionaries(_keys, _json, max_size=12), st.booleans())
def test_fuzz_structured_garbage_raises_only_probe_error(document, versioned):
    if versioned:
        document["probe"] = 1
    try:
        result = parse_probe(json.dumps(document))
    except ProbeError as error:
        assert str(error)
    else:
        assert isinstance(result, ProbeReport)
        assert result.loadavg is None or len(result.loadavg) == 3
