"""DeviceController against virtual DeepLens devices (real SSH, real relay), and the JobRunner."""

import os
import socket
import subprocess
import sys
import threading
import time

import pytest
from PyQt5.QtCore import QCoreApplication, QEvent, QObject

from deeplens_gui.core.connections import ConnectionPool
from deeplens_gui.core.errors import StorageError, UnknownHostKey
from deeplens_gui.core.ssh import SshOptions
from deeplens_gui.core.stream import StreamState
from deeplens_gui.ui.controllers import DeviceController, JobRunner
from tests.ui.conftest import stream_threads


def make_controller(qtbot, device, options):
    controller = DeviceController(device, ConnectionPool(options))
    frames = []

    def take():
        image = controller.take_frame()
        if image is not None:
            frames.append(image)

    controller.frame_ready.connect(take)
    return controller, frames


def test_streams_frames_from_a_virtual_deeplens_and_stops_fast(qtbot, fleet, fleet_options):
    controller, frames = make_controller(qtbot, fleet.devices[0].device(), fleet_options)
    states = []
    controller.status_changed.connect(lambda status: states.append(status.state))
    with qtbot.waitSignal(controller.stats_updated, timeout=10000):
        controller.start()
    qtbot.waitUntil(lambda: len(frames) >= 3, timeout=20000)
    assert StreamState.LIVE in states
    image = frames[-1]
    stats = controller.stats
    assert (image.width(), image.height()) == (stats.width, stats.height)
    assert image.width() >= 320 and image.height() >= 240
    # a real picture, not a flat fill
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 8)}) > 5
    qtbot.waitUntil(lambda: controller.stats.fps > 0, timeout=5000)
    started = time.monotonic()
    controller.stop()
    assert time.monotonic() - started < 1.0
    assert not controller.is_running()
    assert controller.status.state is StreamState.STOPPED
    qtbot.waitUntil(lambda: not stream_threads(), timeout=3000)


def test_reduction_makes_decoded_frames_smaller(qtbot, fleet, fleet_options):
    controller, frames = make_controller(qtbot, fleet.devices[0].device(), fleet_options)
    controller.set_reduce(2)
    controller.start()
    try:
        qtbot.waitUntil(lambda: len(frames) >= 2 and controller.stats.width > 0, timeout=20000)
        assert frames[-1].width() == controller.stats.width // 2
    finally:
        controller.stop()


def test_device_without_project_reports_waiting(qtbot, fleet, fleet_options):
    controller, frames = make_controller(qtbot, fleet.devices[1].device(), fleet_options)
    waiting = []
    controller.status_changed.connect(
        lambda status: waiting.append(status) if status.state is StreamState.WAITING else None)
    controller.start()
    try:
        qtbot.waitUntil(lambda: len(waiting) > 0, timeout=15000)
    finally:
        controller.stop()
    assert "No project" in waiting[0].message and frames == []


def test_unknown_host_key_is_reported_not_accepted(qtbot, fleet, tmp_path):
    known_hosts = tmp_path / "known_hosts"
    options = SshOptions(known_hosts=str(known_hosts), allow_agent=False, look_for_keys=False, use_keyring=False)
    controller, _frames = make_controller(qtbot, fleet.devices[0].device(), options)
    with qtbot.waitSignal(controller.host_key_unknown, timeout=10000) as blocker:
        controller.start()
    error = blocker.args[0]
    assert isinstance(error, UnknownHostKey)
    assert error.host == "[127.0.0.1]:{0}".format(fleet.devices[0].port)
    assert controller.status.state is StreamState.FAILED
    assert not known_hosts.exists() or known_hosts.read_text() == ""
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=3000)
    controller.stop()


@pytest.fixture
def silent_server():
    """A TCP port that accepts connections (kernel backlog) but never says a word: an SSH connect hangs."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


def test_stop_while_connecting_returns_at_once(qtbot, silent_server, tmp_path):
    from deeplens_gui.core.device import parse_target

    device = parse_target("aws_cam@127.0.0.1:{0}".format(silent_server))
    options = SshOptions(known_hosts=str(tmp_path / "known_hosts"), allow_agent=False, look_for_keys=False,
                         use_keyring=False, connect_timeout=30)
    controller, _frames = make_controller(qtbot, device, options)
    controller.start()
    qtbot.waitUntil(lambda: controller.status.state is StreamState.CONNECTING)
    run = controller._run
    qtbot.waitUntil(lambda: len(run.connection._pending) > 0, timeout=5000)  # the socket is open, waiting for a banner
    started = time.monotonic()
    controller.stop()
    assert time.monotonic() - started < 1.0
    qtbot.waitUntil(run.thread.isFinished, timeout=3000)
    assert controller.lingering() == 0 and run.connection.released


class StuckSource:
    """A source whose run() ignores stop() until released: a worst-case blocking call."""

    release = threading.Event()

    def __init__(self, connection, **kwargs):
        self.connection = connection

    def frames(self, until=None):
        self.release.wait(10)
        return iter(())

    def stop(self):
        pass

    def close(self):
        pass

    def set_paused(self, paused):
        pass

    def latest(self):
        return None

    def stats(self):
        from deeplens_gui.core.stream import StreamStats

        return StreamStats()

    def set_reduce(self, factor):
        pass


class NullConnection:
    closed = 0

    def __init__(self, device, options=None):
        self.device = device

    def close(self):
        NullConnection.closed += 1


def test_a_stuck_thread_is_owned_counted_reported_once_then_ends_in_the_background(qtbot, caplog):
    from deeplens_gui.core.device import parse_target
    from deeplens_gui.ui import controllers

    StuckSource.release.clear()
    pool = ConnectionPool(connection_factory=NullConnection)
    controller = DeviceController(parse_target("cam"), pool, source_factory=StuckSource)
    counts = []
    controller.lingering_changed.connect(counts.append)
    controller.start()
    run = controller._run
    started = time.monotonic()
    with caplog.at_level("WARNING", logger=controllers.__name__):
        controller.stop()
        controller.stop()
    assert time.monotonic() - started < controllers.STOP_WAIT_MS / 1000.0 + 0.3
    assert controller.lingering() == 1 and run.thread.isRunning() and counts == [1]
    assert [record.getMessage() for record in caplog.records].count(
        "The stream thread of cam did not stop within 400 ms; it ends in the background.") == 1
    StuckSource.release.set()
    qtbot.waitUntil(lambda: controller.lingering() == 0, timeout=5000)
    assert counts == [1, 0] and NullConnection.closed >= 1 and len(pool) == 0


def test_job_runner_delivers_results_and_errors_on_the_gui_thread(qtbot):
    runner = JobRunner({"files": 2})
    results, errors, threads = [], [], []

    def work(value):
        threads.append(threading.current_thread())
        return value * 2

    def fail():
        raise StorageError("Could not save x: the disk is full.")

    runner.submit(work, 21, on_done=lambda r: results.append((r, threading.current_thread())))
    runner.submit(fail, on_error=errors.append)
    qtbot.waitUntil(lambda: len(results) > 0 and len(errors) > 0)
    assert results[0][0] == 42
    assert results[0][1] is threading.main_thread()
    assert threads[0] is not threading.main_thread()
    assert isinstance(errors[0], StorageError)
    assert runner.pending() == 0
    assert runner.shutdown(1000)


def test_job_runner_never_runs_more_than_its_threads_and_keeps_order_per_thread(qtbot):
    runner = JobRunner({"files": 2})
    lock = threading.Lock()
    running, peak, done = [0], [0], []

    def work(value):
        with lock:
            running[0] += 1
            peak[0] = max(peak[0], running[0])
        time.sleep(0.02)
        with lock:
            running[0] -= 1
        return value

    for value in range(8):
        runner.submit(work, value, on_done=done.append)
    qtbot.waitUntil(lambda: len(done) == 8, timeout=5000)
    assert sorted(done) == list(range(8)) and peak[0] == 2
    assert runner.shutdown(1000)


CLOSE_DURING_JOB = """
import sys, threading, time
from PyQt5.QtCore import QEvent
from PyQt5.QtWidgets import QApplication, QWidget
from deeplens_gui.ui.controllers import JobRunner
app = QApplication([])
window = QWidget()
runner = JobRunner({"files": 1}).lane("files", window)
started = threading.Event()
def job():
    started.set()
    time.sleep(0.3)
    return sum(range(100000))  # Python work after the sleep: needs the GIL back
runner.submit(job, on_done=lambda result: print("late result", result))
started.wait(5)
del runner
window.deleteLater()
del window
app.sendPostedEvents(None, QEvent.DeferredDelete)  # what the event loop does after a window closed
app.processEvents()
time.sleep(0.6)
app.processEvents()
print("closed")
"""


def test_closing_a_window_while_its_job_runs_neither_freezes_nor_crashes():
    # A QThreadPool owned by the window waited for the job in its destructor while holding the GIL: a freeze.
    done = subprocess.run([sys.executable, "-c", CLOSE_DURING_JOB], capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["closed"]


def test_lanes_are_bounded_apart_and_a_closed_lane_hears_nothing(qtbot):
    runner = JobRunner({"status": 1, "files": 2})
    owner = QObject()
    status, files = runner.lane("status", owner), runner.lane("files", owner)
    lock = threading.Lock()
    running, peak, done = {"status": 0, "files": 0}, {"status": 0, "files": 0}, []
    release = threading.Event()

    def work(lane, value):
        with lock:
            running[lane] += 1
            peak[lane] = max(peak[lane], running[lane])
        release.wait(5)
        with lock:
            running[lane] -= 1
        return value

    for value in range(3):
        status.submit(work, "status", value, on_done=done.append)
        files.submit(work, "files", value + 10, on_done=done.append)
    qtbot.waitUntil(lambda: running["status"] == 1 and running["files"] == 2, timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: len(done) == 6, timeout=5000)
    assert peak == {"status": 1, "files": 2} and sorted(done) == [0, 1, 2, 10, 11, 12]
    # a lane shut down (its dialog closed) drops its queued jobs and results; the other lane goes on
    release.clear()
    status.submit(work, "status", 20, on_done=done.append)
    status.submit(work, "status", 21, on_done=done.append)
    qtbot.waitUntil(lambda: running["status"] == 1, timeout=5000)
    release.set()
    assert status.shutdown(5000) and status.pending() == 0
    files.submit(work, "files", 30, on_done=done.append)
    qtbot.waitUntil(lambda: 30 in done, timeout=5000)
    assert 20 not in done and 21 not in done
    # the owner's end closes its lanes too
    files.submit(lambda: 40, on_done=done.append)
    owner.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert runner.shutdown(5000)
    QCoreApplication.processEvents()
    assert 40 not in done
