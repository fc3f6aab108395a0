"""Snapshots and recordings of a stream, written atomically.

``.mjpeg`` keeps the received JPEG bytes back to back, unchanged; ``.mp4`` re-encodes to H.264 and ``.avi`` keeps
the JPEGs, both with each frame's arrival time (PyAV, which carries its own FFmpeg).
"""

import os
import sys
import time
from fractions import Fraction

import av
import cv2

from deeplens_gui.core.decode import decode
from deeplens_gui.core.errors import ConfigError, StorageError
from deeplens_gui.core.files import AtomicFile, atomic_write, storage_error
from deeplens_gui.core.mjpeg import jpeg_size
from deeplens_gui.core.text import say

SNAPSHOT_TYPES = (".jpg", ".jpeg", ".png")
RECORDING_TYPES = (".mjpeg", ".mjpg", ".mp4", ".avi")
_MP4_TIME_BASE = Fraction(1, 1000)
_AVI_TIME_BASE = Fraction(1, 100)


def save_snapshot(jpeg, path):
    """Save one frame: the JPEG as received for .jpg/.jpeg, lossless PNG of the full-size pixels for .png."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext in (".jpg", ".jpeg"):
        atomic_write(path, jpeg)
    elif ext == ".png":
        ok, png = cv2.imencode(".png", decode(jpeg))
        if not ok:
            raise StorageError(say("Could not encode the frame as PNG."))
        atomic_write(path, png.tobytes())
    else:
        raise ConfigError(say("Snapshots are saved as .jpg or .png, not {0!r}.", ext or os.fspath(path)))


def open_recording(path):
    """A recorder for ``path`` chosen by its extension."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext in (".mjpeg", ".mjpg"):
        return MjpegRecorder(path)
    if ext in (".mp4", ".avi"):
        return VideoRecorder(path)
    raise ConfigError(say("Recordings are saved as .mjpeg, .mp4 or .avi, not {0!r}.", ext or os.fspath(path)))


def mp4_codec():
    """The codec .mp4 recordings get: H.264 where the installed FFmpeg (PyAV's) has an encoder, else MPEG-4."""
    return "libx264" if "libx264" in av.codecs_available else "mpeg4"


class MjpegRecorder:
    """Writes received JPEGs back to back, byte for byte."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self.frames = 0
        self._out = AtomicFile(self.path)

    def write(self, jpeg, received=None):
        """Append one frame."""
        self._out.write(jpeg)
        self.frames += 1

    def close(self, end=None):
        """Finish the file (it appears at ``path`` only now); ``end`` is unused (the frames carry no times).
        Idempotent."""
        self._out.commit()

    def discard(self):
        """Abandon the recording; nothing appears at ``path``."""
        self._out.discard()


class StdoutRecorder:
    """Received JPEGs back to back on standard output, as an MJPEG stream for a player reading a pipe.

    When the reader goes away (the player was closed), ``gone`` turns true and later frames are dropped
    quietly, as a pipeline's earlier commands end when a later one does.
    """

    def __init__(self, stream=None):
        self._stream = stream if stream is not None else sys.stdout.buffer
        self.frames = 0
        self.gone = False

    def write(self, jpeg, received=None):
        """Write one frame and flush it, so the player shows it now."""
        if self.gone:
            return
        try:
            self._stream.write(jpeg)
            self._stream.flush()
        except BrokenPipeError:
            self.gone = True
            # Python would report the broken pipe again when it flushes stdout at exit.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())
            os.close(devnull)
            return
        self.frames += 1

    def close(self, end=None):
        """Nothing to finish: every frame was flushed."""

    def discard(self):
        """Nothing to remove: the frames went to the reader."""


class VideoRecorder:
    """A video file whose frames keep their arrival times, so it plays as long and as fast as it was live.

    ``.mp4`` re-encodes to H.264 (``mp4_codec()``) with a variable frame rate: each frame's timestamp is when it
    arrived, in milliseconds, whatever the camera's rate. ``.avi`` keeps the received JPEGs unchanged in a
    10 ms time base (AVI has no variable rate; the gaps are empty chunks, which players show as repeats). The
    last frame lasts until ``close()`` or the end ``close()`` is given, so the file lasts as long as the time
    recorded. The size is the first frame's; later frames of another size are scaled to it.
    """

    def __init__(self, path):
        self.path = os.fspath(path)
        self.frames = 0
        ext = os.path.splitext(self.path)[1].lower()
        self._copy = ext == ".avi"
        self.codec = "mjpeg" if self._copy else mp4_codec()
        self._time_base = _AVI_TIME_BASE if self._copy else _MP4_TIME_BASE
        self._out = AtomicFile(self.path, suffix=ext)
        self._out.file.close()  # FFmpeg writes the temporary file by name
        self._container = None
        self._stream = None
        self._first = None
        self._last = None  # (jpeg, pixels) of the newest frame: it is shown again at the end
        self._next_pts = 0

    def write(self, jpeg, received=None):
        """Append one frame that arrived at ``received`` (``time.monotonic()``; now when not given)."""
        received = time.monotonic() if received is None else received
        try:
            self._append(jpeg, received)
        except OSError as error:
            self.discard()
            raise storage_error(self.path, error) from error
        self.frames += 1

    def _append(self, jpeg, received):
        image = None if self._copy else decode(jpeg)
        if self._container is None:
            image = decode(jpeg) if image is None else image
            self._start(image.shape[1], image.shape[0])
            self._first = received
        if self._copy and jpeg_size(jpeg) != (self._stream.width, self._stream.height):
            image = decode(jpeg)
        if image is not None and (image.shape[1], image.shape[0]) != (self._stream.width, self._stream.height):
            image = cv2.resize(image, (self._stream.width, self._stream.height))
            if self._copy:
                jpeg = cv2.imencode(".jpg", image)[1].tobytes()
        self._last = (jpeg, image)
        self._emit(received)

    def _start(self, width, height):
        try:
            self._container = av.open(self._out.temp_path, "w", format=self._copy and "avi" or "mp4",
                                      options={} if self._copy else {"movflags": "+faststart"})
            self._stream = self._container.add_stream(self.codec)
        except av.FFmpegError as error:
            raise StorageError(say("Could not start the video file {0} ({1}).", self.path, error)) from error
        self._stream.width, self._stream.height = width - width % 2, height - height % 2
        self._stream.time_base = self._time_base
        if self._copy:
            self._stream.pix_fmt = "yuvj420p"
            return
        self._stream.pix_fmt = "yuv420p"
        self._stream.codec_context.time_base = self._time_base
        # No B-frames: their reordering delay shifts the MP4's edit list, and the file would claim to last
        # longer than it was recorded (players and ffprobe report the container's duration).
        options = {"bf": "0"}
        if self.codec == "libx264":
            # A recording runs beside the live view: a fast preset keeps the CPU for decoding.
            options.update(preset="veryfast", crf="23")
        self._stream.codec_context.options = options

    def _emit(self, at, final=False):
        # Timestamps strictly increase even when two frames arrive within one tick of the time base.
        pts = max(self._next_pts, round((at - self._first) / self._time_base))
        self._next_pts = pts + 1
        jpeg, image = self._last
        if self._copy:
            packet = av.Packet(jpeg)
            packet.stream = self._stream
            packet.pts = packet.dts = pts
            packet.time_base = self._time_base
            self._container.mux(packet)
            return
        if (image.shape[1], image.shape[0]) != (self._stream.width, self._stream.height):
            image = image[:self._stream.height, :self._stream.width]  # odd sizes lose their last row/column
        frame = av.VideoFrame.from_ndarray(image, format="bgr24").reformat(format="yuv420p")
        frame.pts = pts
        frame.time_base = self._time_base
        packets = list(self._stream.encode(frame))
        if final:
            # The frame shown again at the end marks when the recording stopped: it lasts one tick, or the
            # encoder would give it the length of a typical frame and the video would outlast the recording.
            packets += list(self._stream.encode(None))
            if packets:
                packets[-1].duration = 1
        self._container.mux(packets)

    def close(self, end=None):
        """Finish the file (it appears at ``path`` only now): the last frame lasts until ``end``
        (``time.monotonic()``; now when not given), so a recording asked to last some seconds lasts exactly
        that however late the caller got round to closing it. Idempotent."""
        if self._out.closed:
            return
        try:
            if self._container is not None:
                self._emit(time.monotonic() if end is None else end, final=True)
                self._container.close()
                self._container = None
            written = os.path.getsize(self._out.temp_path)
        except OSError as error:
            self.discard()
            raise storage_error(self.path, error) from error
        if self.frames and written == 0:
            self._out.discard()
            raise StorageError(say("Could not save {0}: nothing was written (is the disk full?). "
                                   "Any previous file there is unchanged.", self.path))
        self._out.commit()

    def discard(self):
        """Abandon the recording; nothing appears at ``path``."""
        if self._container is not None:
            try:
                self._container.close()
            except OSError:
                pass  # the file is removed below whatever state FFmpeg left it in
            self._container = None
        self._out.discard()
