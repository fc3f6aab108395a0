"""Controllers: the bridge between core's blocking objects and Qt's event loop.

A DeviceController owns one long-lived stream thread for its device: a StreamWorker moved to a QThread pulls
``FrameSource.frames()``. Frames are decoded in that thread into QImages and parked in a one-frame slot (the
newest frame wins); the GUI thread takes them when it repaints. The controller is the one place that decides
the decode size, pausing and restarting, for the single viewer and the classroom alike. Short jobs run on the
application's one JobRunner (named lanes), never on Qt's global pool.
"""

import collections
import itertools
import logging
import sys
import threading
import time

import numpy as np
from PyQt5 import sip
from PyQt5.QtCore import QObject, QThread, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QImage

from deeplens_gui.core.decode import LIVE_UPSCALE, choose_reduction, fit_size, to_display
from deeplens_gui.core.errors import DeepLensError, PassphraseNeeded, UnknownHostKey
from deeplens_gui.core.stream import FrameSource, StreamState, StreamStats, StreamStatus

#: How often the controller publishes StreamStats (ms).
STATS_INTERVAL_MS = 500
#: How long stop() waits after asking the source to stop, before also closing the connection (ms).
STOP_GRACE_MS = 150
#: How long stop() waits in total before leaving a stuck thread (a TCP connect) to end in the background (ms).
STOP_WAIT_MS = 400

_log = logging.getLogger(__name__)


def frame_to_qimage(frame, box=None):
    """A QImage owning its pixels for a core Frame (BGR array, or the JPEG when it was not decoded).

    With ``box`` (width, height in device pixels) the picture is scaled to fit it here, in the stream's
    thread, and comes out as RGB32: the GUI thread then paints it 1:1, without converting or scaling.
    """
    array = frame.image
    if array is None:
        image = QImage.fromData(frame.jpeg, "JPG")
        return None if image.isNull() else image
    if array.ndim != 3 or array.shape[2] != 3:
        return None
    height, width = array.shape[:2]
    if box is not None:
        width, height = fit_size(width, height, box[0], box[1])
    image = QImage(width, height, QImage.Format_RGB32)
    if image.isNull():
        return None
    bits = image.bits()
    bits.setsize(image.sizeInBytes())
    # RGB32 rows are width * 4 bytes, so this view is contiguous and OpenCV writes straight into the image.
    to_display(array, width, height, np.frombuffer(bits, np.uint8).reshape(height, width, 4))
    return image


class StreamWorker(QObject):
    """Pulls a FrameSource's frames in the thread it was moved to and hands each to ``deliver``; at the end it
    lets go of the borrowed connection and ends the thread. The only place frames become Qt signals."""

    finished = pyqtSignal()
    crashed = pyqtSignal(object)

    def __init__(self, source, connection, deliver):
        super().__init__()
        self.source = source
        self.connection = connection
        self._deliver = deliver

    @pyqtSlot()
    def run(self):
        """Blocks until the source stops; a bug inside is reported through ``crashed`` (exc_info)."""
        try:
            for frame in self.source.frames():
                self._deliver(frame)
        except Exception:
            self.crashed.emit(sys.exc_info())
        finally:
            try:
                self.source.close()
                self.connection.close()
            except Exception:
                self.crashed.emit(sys.exc_info())
            self.finished.emit()
            # quit() before the thread's event loop starts makes exec() return at once: the thread ends here.
            self.thread().quit()


class _Run:
    """One start() of a controller: the thread, its worker and the core objects it drives."""

    _tokens = itertools.count(1)

    def __init__(self, thread, worker, source, connection):
        self.token = next(self._tokens)
        self.thread = thread
        self.worker = worker
        self.source = source
        self.connection = connection
        self.active = True


class DeviceController(QObject):
    """Streams one device in its own thread and publishes frames, states and stats to the GUI thread.

    Each run borrows the device's connection from ``pool`` (a core ConnectionPool) and lets go when its thread
    ends; ``source_factory`` builds the FrameSource (injectable for tests). The decode size follows the
    display size (``set_display_size``) and the stream's picture size; ``set_paused`` stops decoding.
    A thread that cannot stop in time (a TCP connect) is left to end by itself: it is counted in
    ``lingering()``, logged once, and can never be destroyed while it runs.
    """

    frame_ready = pyqtSignal()
    status_changed = pyqtSignal(object)
    stats_updated = pyqtSignal(object)
    host_key_unknown = pyqtSignal(object)
    passphrase_needed = pyqtSignal(object)
    crashed = pyqtSignal(object)
    _status_received = pyqtSignal(int, object)

    lingering_changed = pyqtSignal(int)

    def __init__(self, device, pool, source_factory=FrameSource, max_fps=15.0, parent=None):
        super().__init__(parent)
        self.device = device
        self._pool = pool
        self._source_factory = source_factory
        self._max_fps = max_fps
        self._reduce = 1
        self._paused = False
        self._display_size = None
        self._lingering = set()
        self._thumbnail = (None, None)  # (box in device pixels or None for full frames, JPEG quality)
        self._run = None
        self._lock = threading.Lock()
        self._pending = None
        self._last_frame = None
        self._taps = ()
        self._status = StreamStatus(StreamState.IDLE)
        self._stats = StreamStats()
        self._stats_timer = QTimer(self)
        self._stats_timer.setInterval(STATS_INTERVAL_MS)
        self._stats_timer.timeout.connect(self._on_stats_timer_timeout)
        self._status_received.connect(self._on_worker_status)

    # ----------------------------------------------------------------- public
    @property
    def status(self):
        """The last StreamStatus seen on the GUI thread."""
        return self._status

    @property
    def stats(self):
        """The last published StreamStats."""
        return self._stats

    def is_running(self):
        """True while the stream thread runs."""
        return self._run is not None and self._run.thread.isRunning()

    def start(self):
        """Start streaming in a new thread (stopping any previous one first)."""
        self.stop(emit=False)
        connection = self._pool.borrow(self.device)
        run_holder = []

        def on_status(status):
            self._status_received.emit(run_holder[0].token, status)

        source = self._source_factory(connection.shared, path=self.device.stream_path, max_fps=self._max_fps,
                                      reduce=self._reduce, on_status=on_status)
        source.set_paused(self._paused)
        if self._thumbnail[0] is not None:
            self._apply_thumbnail(source)
        thread = QThread()
        thread.setObjectName("stream-{0}".format(self.device.name))
        worker = StreamWorker(source, connection, lambda frame: self._offer(run_holder[0], frame))
        worker.moveToThread(thread)
        run = _Run(thread, worker, source, connection)
        run_holder.append(run)
        thread.started.connect(worker.run)
        worker.crashed.connect(self._on_worker_crashed)
        thread.finished.connect(self._on_thread_finished)
        self._run = run
        self._stats = StreamStats()
        self._set_status(StreamStatus(StreamState.CONNECTING))
        thread.start()
        self._stats_timer.start()

    def _offer(self, run, frame):
        # The stream thread: taps first, then the newest QImage replaces any the GUI has not taken yet.
        if not run.active:
            return
        if not frame.thumbnail:  # a recording wants the camera's frames, never a tile's thumbnail
            for tap in self._taps:
                tap(frame)
        image = frame_to_qimage(frame, self._display_size)
        if image is None:
            return
        with self._lock:
            if not run.active:
                return
            was_empty = self._pending is None
            self._pending = image
        if was_empty:
            self.frame_ready.emit()

    def restart(self):
        """Stop and start again (after the user accepted a host key, or to retry)."""
        self.start()

    @property
    def max_fps(self):
        """The frame rate the device-side relay is asked for."""
        return self._max_fps

    def set_max_fps(self, fps):
        """Ask for another frame rate; a running relay is told so (it caps on the device), no reconnect."""
        if fps == self._max_fps:
            return
        self._max_fps = fps
        if self._run is not None:
            self._run.source.set_max_fps(fps)

    @property
    def recording(self):
        """True while a frame tap (a recording) is attached."""
        return bool(self._taps)

    def set_thumbnail(self, size, quality=None):
        """Ask the camera for thumbnails fitting ``size`` ((w, h) device pixels; None: full frames).

        While a frame tap (a recording) is attached the camera sends full frames anyway.
        """
        self._thumbnail = (tuple(size) if size else None, quality)
        if self._run is not None:
            self._apply_thumbnail(self._run.source)

    def _apply_thumbnail(self, source):
        size, quality = self._thumbnail
        source.set_thumbnail(None if self._taps else size, quality)

    def stop(self, emit=True):
        """Stop streaming. Returns within about STOP_WAIT_MS even when the thread is stuck connecting."""
        self._stats_timer.stop()
        run, self._run = self._run, None
        with self._lock:
            if run is not None:
                run.active = False
            self._pending = None
        if run is not None:
            self._last_frame = run.source.latest()
            run.source.stop()
            if not run.thread.wait(STOP_GRACE_MS):
                # Still connecting or handshaking: closing the connection makes a blocked socket call return.
                run.connection.shared.close()
                if not run.thread.wait(STOP_WAIT_MS - STOP_GRACE_MS):
                    self._linger(run)
        if emit and (run is not None or self._status.state not in (StreamState.IDLE, StreamState.STOPPED)):
            self._set_status(StreamStatus(StreamState.STOPPED, last_frame_age=self._stats.last_frame_age))

    def take_frame(self):
        """The newest decoded frame as a QImage, or None when no new frame arrived since the last call."""
        with self._lock:
            image, self._pending = self._pending, None
        return image

    def latest_frame(self):
        """The newest core Frame (its JPEG is full size), or None."""
        run = self._run
        return run.source.latest() if run is not None else self._last_frame

    def add_frame_tap(self, tap):
        """Call ``tap(frame)`` with every unique core Frame as received (any thread may add or remove taps).

        Taps run in the stream thread, so they must only hand the frame over (a bounded queue) and return.
        """
        with self._lock:
            self._taps = self._taps + (tap,)
        if self._run is not None:
            self._apply_thumbnail(self._run.source)

    def remove_frame_tap(self, tap):
        """Stop calling ``tap`` (idempotent); a frame being delivered right now may still reach it."""
        with self._lock:
            self._taps = tuple(t for t in self._taps if t != tap)
        if self._run is not None:
            self._apply_thumbnail(self._run.source)

    def set_display_size(self, width, height):
        """Frames are scaled for a view of this many device pixels (read by the stream thread), and decoded at
        the smallest reduction that still fills it."""
        self._display_size = (int(width), int(height)) if width > 0 and height > 0 else None
        self._update_reduction()

    def set_reduce(self, factor):
        """Decode at 1/``factor`` of the size (1, 2, 4 or 8) from the next frame on."""
        self._reduce = factor
        if self._run is not None:
            self._run.source.set_reduce(factor)

    @property
    def reduce(self):
        """The current reduction factor."""
        return self._reduce

    def set_paused(self, paused):
        """Stop (True) or resume decoding and delivering frames; the stream keeps running and counting."""
        self._paused = bool(paused)
        if self._run is not None:
            self._run.source.set_paused(self._paused)

    @property
    def paused(self):
        """True while decoding is paused."""
        return self._paused

    def lingering(self):
        """How many stream threads of this controller could not stop in time and still run."""
        return len(self._lingering)

    def _update_reduction(self):
        stats = self._stats
        if self._display_size is None or not stats.width:
            return
        wanted = choose_reduction(stats.width, stats.height, *self._display_size, max_upscale=LIVE_UPSCALE)
        if wanted != self._reduce:
            self.set_reduce(wanted)

    def _linger(self, run):
        """Leave ``run``'s stuck thread to end by itself: Qt owns it from now on (so Python can never destroy
        it running) and deletes it when it ends."""
        # A log record for the developer (English, like the CLI), not a sentence on screen.
        _log.log(logging.WARNING,
                 "The stream thread of %s did not stop within %d ms; it ends in the background.",
                 self.device.name, STOP_WAIT_MS)
        self._lingering.add(run)
        sip.transferto(run.thread, None)
        sip.transferto(run.worker, None)
        run.thread.finished.connect(run.worker.deleteLater)
        run.thread.finished.connect(run.thread.deleteLater)
        self.lingering_changed.emit(len(self._lingering))

    # ----------------------------------------------------------------- slots (GUI thread)
    @pyqtSlot(int, object)
    def _on_worker_status(self, token, status):
        if self._run is None or token != self._run.token:
            return  # a late status of a run that was stopped
        self._set_status(status)
        if status.state is StreamState.FAILED and isinstance(status.error, UnknownHostKey):
            self.host_key_unknown.emit(status.error)
        if status.state is StreamState.FAILED and isinstance(status.error, PassphraseNeeded):
            self.passphrase_needed.emit(status.error)

    @pyqtSlot(object)
    def _on_worker_crashed(self, exc_info):
        self.crashed.emit(exc_info)
        sys.excepthook(*exc_info)

    @pyqtSlot()
    def _on_thread_finished(self):
        ended = [run for run in self._lingering if run.thread is self.sender()]
        if ended:
            self._lingering.difference_update(ended)
            self.lingering_changed.emit(len(self._lingering))
            return
        run = self._run
        if run is None or run.thread is not self.sender():
            return  # a run that was stopped (or detached) before its thread ended
        run.thread.wait()
        self._stats_timer.stop()
        self._on_stats_timer_timeout()
        self._last_frame = run.source.latest()
        self._run = None
        if self._status.state not in (StreamState.FAILED, StreamState.STOPPED):
            self._set_status(StreamStatus(StreamState.STOPPED, last_frame_age=self._stats.last_frame_age))

    @pyqtSlot()
    def _on_stats_timer_timeout(self):
        run = self._run
        if run is None:
            return
        self._stats = run.source.stats()
        self._update_reduction()
        self.stats_updated.emit(self._stats)

    def _set_status(self, status):
        self._status = status
        self.status_changed.emit(status)


class _Deadline:
    """Milliseconds left until a deadline, for a series of waits sharing one budget."""

    def __init__(self, timeout_ms):
        self._end = time.monotonic() + timeout_ms / 1000.0

    def remaining(self):
        """Milliseconds left (0 when passed)."""
        return max(0, int((self._end - time.monotonic()) * 1000))


# --------------------------------------------------------------------- short jobs
#: The application's job lanes and how many threads each may run at once: status polls and file reads of
#: the viewed device, deploys and bulk classroom actions (enough to keep a classroom moving, few enough for
#: Wi-Fi), and local file I/O (settings, rosters, snapshots, demo devices).
LANES = {"status": 3, "deploy": 4, "files": 2}


class JobRunner(QObject):
    """The application's one pool for short blocking jobs, in named bounded lanes; results come back on the
    GUI thread.

    Created once (ui/app.py) and passed in. A widget takes ``lane(name, owner)``, a JobLane whose results are
    dropped once the owner is gone or the lane shut down. ``on_done(result)`` runs for success;
    ``on_error(error)`` for a DeepLensError or OSError. Any other exception is a bug: it goes to
    ``sys.excepthook`` (then to ``on_error`` so the UI can reset).

    The workers are plain Python threads that start when a lane has work and end when its queue is empty. Not
    a QThreadPool: destroying a QThreadPool waits for its jobs while holding the GIL, and a Python job cannot
    finish without the GIL, so closing a window during a job would freeze the app. Nothing here ever waits
    while holding the GIL.
    """

    _job_finished = pyqtSignal(int, bool, object)
    _names = itertools.count(1)

    def __init__(self, lanes=None, parent=None):
        super().__init__(parent)
        self._limits = dict(lanes or LANES)
        self._callbacks = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._queues = {name: collections.deque() for name in self._limits}
        self._workers = {name: set() for name in self._limits}
        self._job_finished.connect(self._on_job_finished)

    def lane(self, name, owner=None):
        """A JobLane of lane ``name`` for ``owner`` (a QObject whose end drops the lane's results)."""
        if name not in self._limits:
            raise KeyError(name)
        return JobLane(self, name, owner)

    def submit(self, fn, *args, lane="files", on_done=None, on_error=None, _handle=None):
        """Run ``fn(*args)`` in ``lane``; returns the job id."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (_handle, on_done, on_error)
        with self._lock:
            self._queues[lane].append((job_id, _handle, fn, args))
            workers = self._workers[lane]
            if len(workers) < self._limits[lane]:
                worker = threading.Thread(target=self._work, args=(lane,), daemon=True,
                                          name="jobs-{0}-{1}".format(lane, next(self._names)))
                workers.add(worker)
                worker.start()
        return job_id

    def pending(self):
        """How many jobs have not reported back yet."""
        return len(self._callbacks)

    def shutdown(self, timeout_ms=3000):
        """Drop queued jobs and wait for running ones (their callbacks are dropped). True when all ended in time."""
        self._callbacks.clear()
        with self._lock:
            for queue in self._queues.values():
                queue.clear()
            workers = [worker for lane in self._workers.values() for worker in lane]
        return _join(workers, timeout_ms)

    def _drop(self, handle):
        """Forget ``handle``'s queued jobs and the callbacks of all its jobs."""
        for job_id in [job_id for job_id, entry in self._callbacks.items() if entry[0] is handle]:
            del self._callbacks[job_id]
        with self._lock:
            queue = self._queues[handle.name]
            kept = [job for job in queue if job[1] is not handle]
            queue.clear()
            queue.extend(kept)

    def _work(self, lane):
        me = threading.current_thread()
        while True:
            with self._lock:
                queue = self._queues[lane]
                if not queue:
                    self._workers[lane].discard(me)
                    return
                job_id, handle, fn, args = queue.popleft()
            if handle is not None:
                handle._started(me)
            try:
                outcome = (True, fn(*args))
            except Exception as error:  # reported on the GUI thread; a bug goes on to sys.excepthook there
                outcome = (False, (type(error), error, error.__traceback__))
            finally:
                if handle is not None:
                    handle._ended(me)
            try:
                self._job_finished.emit(job_id, outcome[0], outcome[1])
            except RuntimeError:  # the runner's Qt object is gone (the app is ending): nobody to tell
                with self._lock:
                    self._workers[lane].discard(me)
                return
            finally:
                outcome = None

    @pyqtSlot(int, bool, object)
    def _on_job_finished(self, job_id, ok, payload):
        handle, on_done, on_error = self._callbacks.pop(job_id, (None, None, None))
        if handle is not None and not handle.open:
            return
        if ok:
            if on_done is not None:
                on_done(payload)
            return
        exc_type, error, tb = payload
        if not isinstance(error, (DeepLensError, OSError)):
            sys.excepthook(exc_type, error, tb)
        if on_error is not None:
            on_error(error)


class JobLane(QObject):
    """A widget's handle on one lane of the application's JobRunner: submit jobs, count them, and let go.

    Results arrive only while the lane is open: ``shutdown()`` or the end of its owner (its Qt parent) drops
    the rest, so a closed dialog never hears from its jobs.
    """

    def __init__(self, runner, name, owner=None):
        super().__init__(owner)
        self.name = name
        self._runner = runner
        self._open = True
        self._threads = set()
        self._idle = threading.Condition()

    @property
    def open(self):
        """False once shut down or its owner is gone."""
        return self._open and not sip.isdeleted(self)

    def submit(self, fn, *args, on_done=None, on_error=None):
        """Run ``fn(*args)`` in this lane; returns the job id."""
        return self._runner.submit(fn, *args, lane=self.name, on_done=on_done, on_error=on_error,
                                   _handle=self)

    def pending(self):
        """How many of this lane's jobs have not reported back yet."""
        return sum(1 for entry in self._runner._callbacks.values() if entry[0] is self)

    def shutdown(self, timeout_ms=3000):
        """Drop this lane's queued jobs and results, and wait up to ``timeout_ms`` for its running jobs.
        True when none runs any more."""
        self._open = False
        self._runner._drop(self)
        deadline = _Deadline(timeout_ms)
        with self._idle:
            self._idle.wait_for(lambda: not (self._threads - {threading.current_thread()}),
                                deadline.remaining() / 1000.0)
            return not (self._threads - {threading.current_thread()})

    def _started(self, thread):
        with self._idle:
            self._threads.add(thread)

    def _ended(self, thread):
        with self._idle:
            self._threads.discard(thread)
            self._idle.notify_all()


def _join(threads, timeout_ms):
    """Join ``threads`` (except the current one) within one budget; True when all ended."""
    deadline = _Deadline(timeout_ms)
    others = [thread for thread in threads if thread is not threading.current_thread()]
    for thread in others:
        thread.join(deadline.remaining() / 1000.0)
    return not any(thread.is_alive() for thread in others)
