"""Shared test setup: offscreen Qt, fixture plugins, and guards that fail a test leaving a thread, a QThread,
a socket or a file descriptor behind (rule 4 of the design: stopping is a feature)."""

import os
import sys
import threading
import time
import weakref

import psutil
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
#: How long a guard waits for things a test let go of to end by themselves (a transport thread closing).
LEAK_GRACE = 10.0


@pytest.fixture(autouse=True)
def no_leaked_threads():
    """A test that leaves a Python thread running fails."""
    before = set(threading.enumerate())
    yield
    leaked = _settle(lambda: [t for t in threading.enumerate()
                              if t not in before and t.is_alive() and _counts(t)])
    assert not leaked, "test left threads running: {0}".format([t.name for t in leaked])


def _counts(thread):
    # Threads owned by libraries for the whole session (moto server, hypothesis, Qt's own) are not ours to stop.
    name = thread.name
    return not name.startswith(("moto", "Dummy-", "pydevd", "hypothesis", "QDBus", "session-"))


# --------------------------------------------------------------------------------------------- QThreads
_started_qthreads = weakref.WeakKeyDictionary()  # QThread -> where it was started


@pytest.fixture(scope="session", autouse=True)
def _record_qthread_starts():
    """Remember every QThread started during the run and the test line that started it.

    Only the Python wrapper is patched: the app starts its threads from Python, and a QThread that a C++
    class starts by itself (Qt's own) is not ours to stop.
    """
    if "PyQt5.QtCore" not in sys.modules and not _qt_available():
        yield
        return
    from PyQt5.QtCore import QThread

    original = QThread.start

    def start(self, *args):
        _started_qthreads[self] = _caller()
        original(self, *args)

    QThread.start = start
    yield
    QThread.start = original


def _qt_available():
    try:
        import PyQt5.QtCore  # noqa: F401
    except ImportError:
        return False
    return True


def _caller():
    frame = sys._getframe(2)
    while frame is not None and "/tests/" not in frame.f_code.co_filename:
        frame = frame.f_back
    where = frame or sys._getframe(2)
    return "{0}:{1}".format(os.path.relpath(where.f_code.co_filename), where.f_lineno)


def _running_qthreads():
    running = []
    for thread, where in list(_started_qthreads.items()):
        try:
            if thread.isRunning():
                running.append((thread.objectName() or "QThread", where))
        except RuntimeError:  # its C++ object is gone: it ended
            continue
    return running


# --------------------------------------------------------------------------------------------- sockets, fds
def _sockets():
    """This process's open internet sockets as (fd, local, remote, status)."""
    return {(c.fd, c.laddr, c.raddr, c.status) for c in psutil.Process().net_connections(kind="inet")}


def _descriptors():
    """This process's open file descriptors and what each is (a path, ``socket:[…]``, ``pipe:[…]``…)."""
    found = {}
    for name in os.listdir("/proc/self/fd"):
        try:
            found[int(name)] = os.readlink("/proc/self/fd/" + name)
        except OSError:
            continue  # the descriptor listdir itself used, or one closed meanwhile
    return found


def _settle(find):
    """``find()`` until it finds nothing or LEAK_GRACE passes; what it found last."""
    deadline = time.monotonic() + LEAK_GRACE
    while True:
        found = find()
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.05)


_BEFORE = pytest.StashKey()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    # Counted from after the fixtures were set up: a server a fixture starts for the module is not a leak.
    item.stash[_BEFORE] = (_sockets(), _descriptors(), set(_running_qthreads()))
    yield


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    yield
    before = item.stash.get(_BEFORE, None)
    if before is None:
        return  # the test did not run (setup failed or it was skipped)
    sockets, descriptors, qthreads = before
    problems = []
    left = _settle(lambda: [t for t in _running_qthreads() if t not in qthreads])
    if left:
        problems.append("QThreads still running: {0}".format(["{0} started at {1}".format(*t) for t in left]))
    left = _settle(lambda: sorted(_sockets() - sockets, key=str))
    if left:
        problems.append("sockets left open: {0}".format(
            ["{0}:{1} -> {2} ({3})".format(c[1].ip, c[1].port, c[2] or "-", c[3]) for c in left]))
    left = _settle(lambda: sorted(set(_descriptors().items()) - set(descriptors.items())))
    if left:
        problems.append("file descriptors left open: {0}".format(left))
    if problems:
        pytest.fail("{0} left resources behind: {1}".format(item.nodeid, "; ".join(problems)), pytrace=False)
