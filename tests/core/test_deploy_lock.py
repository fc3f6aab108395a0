"""The sentences about the camera's deploy lock, its records and its storage (core/deploy/lock.py)."""

import json

import pytest

from deeplens_gui.core.deploy.lock import (
    busy_sentence,
    error_info,
    reconcile_sentence,
    records_notes,
    size_text,
    storage_error,
)
from deeplens_gui.core.errors import DeviceStorageError

NOTE = {"time": "2026-01-01T00:00:00Z", "deploy": {"owner": "bob@laptop", "project": "blue",
                                                    "name": "Blue project", "step": "verify"},
        "found": {"running": "/p/blue/v2", "supervisors": 1, "recorded": "/p/red/v1",
                  "record": {"project": "red", "name": "Red project", "version": "v1"}}}


@pytest.mark.parametrize("count, text", [(0, "0 kB"), (512 * 1024, "512 kB"),
                                         (3 * 1048576 + 200000, "3.2 MB"), (17 * 1048576, "17 MB")])
def test_size_text(count, text):
    assert size_text(count) == text


def test_error_info_finds_the_runners_line_among_others():
    stderr = (b'{"error": "ENOSPC", "path": "/x", "space": {"free": 3145728}}\n'
              b"runner.py: [Errno 28] No space\n")
    assert error_info(stderr)["error"] == "ENOSPC"
    assert error_info(b"runner.py: something else\n") is None
    assert error_info("not json\n{\"other\": 1}\n") is None


def test_storage_errors_name_the_cause():
    full = storage_error({"error": "ENOSPC", "space": {"free": 3 * 1048576}}, "cam-1", "aws_cam",
                         17 * 1048576)
    assert isinstance(full, DeviceStorageError) and full.kind == "device-storage"
    assert str(full) == "no space left on the camera: 3.0 MB free, the package needs 17 MB"
    assert str(storage_error({"error": "EDQUOT", "space": {"free": 2048}}, "cam-1", "u")) == \
        "no space left on the camera: 2 kB free on cam-1"
    assert "is read-only" in str(storage_error({"error": "EROFS", "path": "/app"}, "cam-1", "u"))
    assert str(storage_error({"error": "EACCES", "path": "/app/x"}, "cam-1", "aws_cam")) == \
        "permission denied on cam-1: aws_cam may not write /app/x"
    assert storage_error({"error": "ENOENT", "path": "/x"}, "cam-1", "u") is None


def test_busy_sentences():
    view = {"owner": "root@host", "age": 12.4, "step": "verify"}
    assert str(busy_sentence("virtual-1", view)) == \
        "another deploy to virtual-1 is running, started by root@host 12 s ago"
    assert str(busy_sentence("virtual-1", view, 120.0)).endswith("12 s ago; gave up after waiting 120 s")
    assert "started by someone 0 s ago" in str(busy_sentence("virtual-1", {}))


@pytest.mark.parametrize("action, ending", [
    ("restarted", "the camera stopped what that deploy had started and runs the deployed project Red project "
                  "(v1) again."),
    ("start-failed", "but the deployed project Red project (v1) did not start again (see "
                     "~/.deeplens-console/runner.log)."),
    ("none", "what runs is the deployed project Red project (v1), as recorded."),
])
def test_reconcile_sentences(action, ending):
    sentence = str(reconcile_sentence(dict(NOTE, action=action), "virtual-1"))
    assert sentence.startswith(
        "A deploy of Blue project by bob@laptop to virtual-1 was interrupted at step verify; ")
    assert sentence.endswith(ending)


def test_reconcile_sentence_without_a_record():
    note = json.loads(json.dumps(NOTE))
    note["found"]["record"] = None
    assert str(reconcile_sentence(dict(note, action="stopped"), "v")).endswith(
        "stopped what that deploy had started, and nothing is deployed.")
    assert str(reconcile_sentence(dict(note, action="none"), "v")).endswith(
        "nothing runs and nothing is deployed.")


def test_records_notes_for_status():
    assert records_notes(None, "v") == []
    notes = [str(note) for note in records_notes({
        "deploying": {"owner": "root@host", "age": 3.0}, "interrupted": None,
        "reconciled": dict(NOTE, action="none"),
        "mismatch": {"recorded": "/p/red/v1", "running": "/p/blue/v2"}}, "virtual-1")]
    assert notes[0] == "Another deploy to virtual-1 is running, started by root@host 3 s ago."
    assert notes[1].startswith("A deploy of Blue project by bob@laptop")
    assert notes[2] == "The deployed record names /p/red/v1, but /p/blue/v2 runs."
    interrupted = records_notes({"interrupted": {"name": "Blue", "owner": "bob", "step": "start"},
                                 "mismatch": {"recorded": None, "running": "/p/x"}}, "cam")
    assert [str(note) for note in interrupted] == [
        "A deploy of Blue by bob was interrupted at step start; cam reconciles its records at the next "
        "deploy or boot.", "Nothing is recorded as deployed, but /p/x runs."]


def test_the_probe_compares_the_records_with_what_runs(tmp_path):
    import fcntl

    from deeplens_gui.remote import probe

    state_path = str(tmp_path / "runner.json")
    record = {"deployed_at": "2026-01-01T00:00:00Z", "runner": {"project_dir": "/p/red/v1"}}
    running = {"alive": True, "state": {"state": "running", "project_dir": "/p/blue/v2"}}
    errors = []
    assert probe.records(state_path, record, running, errors) == {
        "deploying": None, "interrupted": None, "reconciled": None,
        "mismatch": {"recorded": "/p/red/v1", "running": "/p/blue/v2"}}
    agreeing = {"alive": True, "state": {"state": "running", "project_dir": "/p/red/v1"}}
    assert probe.records(state_path, record, agreeing, errors)["mismatch"] is None

    journal = {"owner": "bob", "step": "start", "since": 1.0, "token": "t"}
    (tmp_path / "deploy.json").write_text(json.dumps(journal))
    note = dict(NOTE, action="none", time="2026-02-01T00:00:00Z")
    (tmp_path / "reconciled.json").write_text(json.dumps(note))
    found = probe.records(state_path, record, running, errors)
    assert found["interrupted"]["owner"] == "bob" and "token" not in found["interrupted"]
    assert found["reconciled"]["action"] == "none" and found["deploying"] is None
    with open(str(tmp_path / "deploy.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        held = probe.records(state_path, record, running, errors)
    assert held["deploying"]["step"] == "start" and held["interrupted"] is None
    assert held["mismatch"] is None  # a deploy in progress is not a contradiction
    newer = dict(record, deployed_at="2026-03-01T00:00:00Z")
    assert probe.records(state_path, newer, agreeing, errors)["reconciled"] is None
    assert errors == []
