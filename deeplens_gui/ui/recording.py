"""Recording the viewer's stream: every unique frame as received, written by a worker thread.

The DeviceController hands each received core Frame to a tap (in its stream thread); the tap only puts the
JPEG bytes and its arrival time into a bounded queue. A writer thread owns the file: ``.mjpeg``/``.mjpg``
keeps the JPEGs byte for byte, ``.mp4``/``.avi`` keep each frame's arrival time (core/recording.py). The file
appears at its path when the recording ends; when writing fails (a full disk) the frames written completely so far are kept and the
reason is shown as a sentence. The GUI thread only starts, stops and shows the elapsed time.
"""

import errno
import os
import queue
import tempfile
import threading
import time
from dataclasses import dataclass
from typing import Optional

from PyQt5.QtCore import QCoreApplication, QObject, Qt, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtWidgets import QLabel, QStatusBar

from deeplens_gui.core.errors import DeepLensError, StorageError
from deeplens_gui.core.recording import RECORDING_TYPES, open_recording
from deeplens_gui.ui import i18n

#: Frames the writer may fall behind before new ones are dropped (and counted): about 8 s at 15 fps.
QUEUE_FRAMES = 120
#: How often the indicator's elapsed time is refreshed (ms).
TICK_MS = 500
#: How long quitting waits for the writer to close the file (s).
CLOSE_WAIT_S = 10.0
_STOP = object()


def _tr(text):
    return QCoreApplication.translate("RecordingController", text)


def _reason(error):
    reasons = {
        errno.ENOSPC: _tr("the disk is full"),
        errno.EDQUOT: _tr("the disk quota is exceeded"),
        errno.EROFS: _tr("the folder is on a read-only file system"),
        errno.EACCES: _tr("you may not write to that folder"),
        errno.EPERM: _tr("you may not write to that folder"),
        errno.ENOENT: _tr("the folder does not exist"),
    }
    code = getattr(error, "errno", None)
    return reasons.get(code, getattr(error, "strerror", None) or str(error))


class MjpegSink:
    """Received JPEGs back to back, into a temporary file next to ``path`` that becomes ``path`` on close.

    Unlike an all-or-nothing atomic file, a failed write keeps the frames written before it: ``close()``
    cuts the file after the last whole frame and still moves it into place.
    """

    def __init__(self, path):
        self.path = os.fspath(path)
        self.frames = 0
        self._good = 0
        folder = os.path.dirname(os.path.abspath(self.path))
        fd, self.temp_path = tempfile.mkstemp(prefix="." + os.path.basename(self.path) + ".", suffix=".part",
                                              dir=folder)
        self._file = os.fdopen(fd, "wb", buffering=0)

    def _write_raw(self, data):
        """Write ``data`` fully or raise OSError (unbuffered, so a failure is seen at once)."""
        view = memoryview(data)
        while view:
            written = self._file.write(view)
            if not written:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            view = view[written:]

    def write(self, jpeg, received=None):
        """Append one frame; OSError when it could not be written (the earlier frames stay)."""
        self._write_raw(jpeg)
        self._good += len(jpeg)
        self.frames += 1

    def close(self):
        """Cut after the last whole frame, sync and move into place. OSError when that fails."""
        if self._file.closed:
            return
        try:
            self._file.truncate(self._good)
            os.fsync(self._file.fileno())
        finally:
            self._file.close()
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temp_path, 0o666 & ~umask)
        os.replace(self.temp_path, self.path)

    def discard(self):
        """Remove the temporary file (nothing was recorded)."""
        if not self._file.closed:
            self._file.close()
        try:
            os.unlink(self.temp_path)
        except OSError:
            pass


def open_sink(path):
    """The writer for ``path`` by its extension: MjpegSink for .mjpeg/.mjpg, core's video recorder else."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext in (".mjpeg", ".mjpg"):
        return MjpegSink(path)
    return open_recording(path)


@dataclass(frozen=True)
class RecordingResult:
    """How a recording ended: where, how many frames over how many seconds, dropped frames, and the error
    sentence (None when it ended normally)."""

    path: str
    frames: int
    seconds: float
    dropped: int = 0
    error: Optional[str] = None
    kept: bool = True


class _Writer:
    """The writer thread of one recording: opens, writes and closes the file, never on the GUI thread."""

    def __init__(self, path, sink_factory, on_failed, on_end):
        self.path = path
        self._sink_factory = sink_factory
        self._on_failed = on_failed
        self._on_end = on_end
        self.queue = queue.Queue(QUEUE_FRAMES)
        self.frames = 0
        self.dropped = 0
        self.failed = False
        self.started_at = time.monotonic()
        self.thread = threading.Thread(target=self._run, name="recording-writer", daemon=True)

    def offer(self, jpeg, received):
        """Called in the stream thread: hand the frame (and when it arrived) over or count it as dropped."""
        if self.failed:
            return
        try:
            self.queue.put_nowait((jpeg, received))
        except queue.Full:
            self.dropped += 1

    def finish(self):
        """Ask the thread to close the file once the queued frames are written."""
        while True:
            try:
                self.queue.put(_STOP, timeout=0.5)
                return
            except queue.Full:
                if not self.thread.is_alive():
                    return

    def _run(self):
        error = None
        kept = True
        sink = None
        try:
            sink = self._sink_factory(self.path)
        except (DeepLensError, OSError) as exc:
            error = _tr("Could not start recording {0}: {1}.").format(self.path, _reason(exc))
        while sink is not None:
            item = self.queue.get()
            if item is _STOP:
                break
            if error is not None:
                continue  # drain until stopped; nothing more is written after a failure
            try:
                sink.write(*item)
                self.frames += 1
            except (DeepLensError, OSError) as exc:
                self.failed = True
                if self.frames:
                    frames = self.frames  # pylupdate5 reads a plain name as the count, not an attribute
                    kept = QCoreApplication.translate("RecordingController", "Recording stopped: could not write "
                                                      "{0} ({1}). The %n frame(s) recorded before that were "
                                                      "kept.", None, frames)
                    error = kept.format(self.path, _reason(exc))
                else:
                    error = _tr("Recording stopped: could not write {0} ({1}). Nothing was recorded.").format(
                        self.path, _reason(exc))
                self._on_failed(self, error)  # tell the GUI at once; the file is closed when it stops recording
        if sink is not None:
            try:
                if self.frames == 0:
                    sink.discard()
                    kept = False
                else:
                    sink.close()
            except (DeepLensError, OSError) as exc:
                kept = False
                reason = i18n.text(exc) if isinstance(exc, StorageError) else _reason(exc)
                error = _tr("The recording {0} could not be saved: {1}").format(self.path, reason)
        else:
            kept = False
        seconds = time.monotonic() - self.started_at
        self._on_end(self, RecordingResult(self.path, self.frames, round(seconds, 3), self.dropped, error, kept))


class RecordingController(QObject):
    """Start and stop recording a DeviceController's stream; one recording at a time.

    ``sink_factory(path)`` opens the writer (default: ``open_sink``). Signals: ``started(path)``,
    ``failed(sentence)`` as soon as writing fails, ``stopped(RecordingResult)`` once the file is closed, and
    ``elapsed_changed(seconds, frames)`` twice a second while recording.
    """

    started = pyqtSignal(str)
    failed = pyqtSignal(str)
    stopped = pyqtSignal(object)
    elapsed_changed = pyqtSignal(float, int)
    _writer_failed = pyqtSignal(object, str)
    _writer_ended = pyqtSignal(object, object)

    def __init__(self, sink_factory=open_sink, parent=None):
        super().__init__(parent)
        self._sink_factory = sink_factory
        self._controller = None
        self._writer = None
        self._tap = None
        self._closing = []
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._writer_failed.connect(self._on_writer_failed, Qt.QueuedConnection)
        self._writer_ended.connect(self._on_writer_ended, Qt.QueuedConnection)

    # ----------------------------------------------------------------- public
    @staticmethod
    def supported(path):
        """True when ``path``'s extension is a recording format."""
        return os.path.splitext(os.fspath(path))[1].lower() in RECORDING_TYPES

    def is_recording(self):
        """True between start() and stop()."""
        return self._writer is not None

    @property
    def path(self):
        """The file being recorded (None when not recording)."""
        return self._writer.path if self._writer is not None else None

    @property
    def controller(self):
        """The DeviceController being recorded (None when not recording)."""
        return self._controller if self._writer is not None else None

    def elapsed(self):
        """Seconds since the recording started (0 when not recording)."""
        return time.monotonic() - self._writer.started_at if self._writer is not None else 0.0

    def frames(self):
        """Frames written so far."""
        return self._writer.frames if self._writer is not None else 0

    def start(self, controller, path):
        """Record ``controller``'s frames to ``path`` from the next frame on. False when already recording."""
        if self._writer is not None:
            return False
        writer = _Writer(os.fspath(path), self._sink_factory, self._writer_failed.emit,
                         self._writer_ended.emit)
        self._writer = writer
        self._controller = controller
        self._tap = lambda frame: writer.offer(frame.jpeg, frame.received)
        writer.thread.start()
        controller.add_frame_tap(self._tap)
        self._timer.start()
        self.started.emit(writer.path)
        self.elapsed_changed.emit(0.0, 0)
        return True

    def stop(self):
        """Stop recording; the writer closes the file in its thread and ``stopped`` follows. Idempotent."""
        writer, self._writer = self._writer, None
        if writer is None:
            return
        self._timer.stop()
        if self._controller is not None:
            self._controller.remove_frame_tap(self._tap)
        self._controller = None
        self._tap = None
        self._closing.append(writer)
        writer.finish()

    def shutdown(self, timeout=CLOSE_WAIT_S):
        """At quit: stop and wait until every file is closed (so nothing is lost). True when all closed."""
        self.stop()
        deadline = time.monotonic() + timeout
        for writer in list(self._closing):
            writer.thread.join(max(0.0, deadline - time.monotonic()))
        return not any(writer.thread.is_alive() for writer in self._closing)

    # ----------------------------------------------------------------- slots (GUI thread)
    @pyqtSlot(object, str)
    def _on_writer_failed(self, writer, sentence):
        if writer is self._writer:
            self.stop()
        self.failed.emit(sentence)

    @pyqtSlot(object, object)
    def _on_writer_ended(self, writer, result):
        if writer is self._writer:  # it could not even open the file
            self.stop()
        writer.thread.join()
        if writer in self._closing:
            self._closing.remove(writer)
        self.stopped.emit(result)

    def _on_timer_timeout(self):
        writer = self._writer
        if writer is not None:
            self.elapsed_changed.emit(time.monotonic() - writer.started_at, writer.frames)


def format_elapsed(seconds):
    """``0:07``, ``12:34``, ``1:02:03``."""
    seconds = int(max(0, seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return "{0}:{1:02d}:{2:02d}".format(hours, minutes, secs)
    return "{0}:{1:02d}".format(minutes, secs)


class RecordingIndicator(QLabel):
    """A red dot, "REC" and the elapsed time for the status bar; hidden while not recording."""

    def __init__(self, recording, parent=None):
        super().__init__(parent)
        self.setTextFormat(Qt.RichText)
        self.setVisible(False)
        self._recording = recording
        self._allowed = True
        recording.started.connect(self._on_recording_started)
        recording.elapsed_changed.connect(self._on_recording_elapsed_changed)
        recording.stopped.connect(self._on_recording_stopped)
        recording.failed.connect(self._on_recording_stopped)

    def set_allowed(self, allowed):
        """Whether this indicator may show at all (one over full-screen video shows only in full screen)."""
        self._allowed = bool(allowed)
        self.setVisible(self._allowed and self._recording.is_recording())
        self._place()

    def _on_recording_started(self, path):
        self.setToolTip(self.tr("Recording to {0}").format(path))
        self._show(0.0, 0)
        self.setVisible(self._allowed)

    def _on_recording_elapsed_changed(self, seconds, frames):
        self._show(seconds, frames)

    def _on_recording_stopped(self, _result):
        if not self._recording.is_recording():
            self.setVisible(False)

    def _show(self, seconds, frames):
        text = self.tr("REC {0} · %n frame(s)", None, frames).format(format_elapsed(seconds))
        self.setText('<span style="color:#d32f2f; font-size:14px">&#9679;</span> <b>{0}</b>'.format(text))
        self._place()

    def _place(self):
        # Over a video (not in a status bar's layout): the top right corner, clear of the information overlay.
        parent = self.parentWidget()
        if parent is not None and parent.layout() is None and not isinstance(parent, QStatusBar):
            self.adjustSize()
            self.move(max(0, parent.width() - self.width() - 12), 12)

    def plain_text(self):
        """The indicator's words without the dot (tests, accessibility)."""
        return self.text().rsplit("<b>", 1)[-1].replace("</b>", "")
