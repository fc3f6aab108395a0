"""Shared test setup: offscreen Qt, fixture plugins, and a guard that fails tests leaving threads behind."""

import os
import threading
import time

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# boto3's credential chain would ask the EC2 instance metadata address when no credentials are set: tests
# must only ever talk to loopback.
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

pytest_plugins = [
    "tests.fixtures.sshd",
    "tests.fixtures.fifo",
    "tests.fixtures.sim",
    "tests.fixtures.classroom",
    "tests.fixtures.moto",
    "tests.fixtures.proxy",
    "tests.fixtures.streams",
]

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """Rule 4 of the design: stopping is a feature. A test that leaves a thread running fails."""
    before = set(threading.enumerate())
    yield
    deadline = time.monotonic() + 5.0
    while True:
        leaked = [t for t in threading.enumerate() if t not in before and t.is_alive() and _counts(t)]
        if not leaked or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    assert not leaked, "test left threads running: {0}".format([t.name for t in leaked])


def _counts(thread):
    # Threads owned by libraries for the whole session (moto server, hypothesis, Qt's own) are not ours to stop.
    name = thread.name
    return not name.startswith(("moto", "Dummy-", "pydevd", "hypothesis", "QDBus", "session-"))
