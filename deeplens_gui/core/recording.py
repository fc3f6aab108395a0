"""Snapshots and recordings of a stream, written atomically.

``.mjpeg`` keeps the received JPEG bytes back to back, unchanged; ``.mp4``/``.avi`` re-encode with OpenCV.
"""

import os

import cv2

from deeplens_gui.core.decode import decode
from deeplens_gui.core.errors import ConfigError, StorageError
from deeplens_gui.core.files import AtomicFile, atomic_write, storage_error
from deeplens_gui.core.text import say

SNAPSHOT_TYPES = (".jpg", ".jpeg", ".png")
RECORDING_TYPES = (".mjpeg", ".mjpg", ".mp4", ".avi")
_FOURCC = {".mp4": "mp4v", ".avi": "MJPG"}


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


def open_recording(path, fps=15.0):
    """A recorder for ``path`` chosen by its extension."""
    ext = os.path.splitext(os.fspath(path))[1].lower()
    if ext in (".mjpeg", ".mjpg"):
        return MjpegRecorder(path)
    if ext in _FOURCC:
        return VideoRecorder(path, fps, _FOURCC[ext])
    raise ConfigError(say("Recordings are saved as .mjpeg, .mp4 or .avi, not {0!r}.", ext or os.fspath(path)))


class MjpegRecorder:
    """Writes received JPEGs back to back, byte for byte."""

    def __init__(self, path):
        self.path = os.fspath(path)
        self.frames = 0
        self._out = AtomicFile(self.path)

    def write(self, jpeg):
        """Append one frame."""
        self._out.write(jpeg)
        self.frames += 1

    def close(self):
        """Finish the file (it appears at ``path`` only now). Idempotent."""
        self._out.commit()

    def discard(self):
        """Abandon the recording; nothing appears at ``path``."""
        self._out.discard()


class VideoRecorder:
    """Re-encodes frames into a video container with OpenCV. The size is fixed by the first frame."""

    def __init__(self, path, fps, fourcc):
        self.path = os.fspath(path)
        self.fps = fps
        self.frames = 0
        self._fourcc = fourcc
        self._size = None
        self._writer = None
        self._out = AtomicFile(self.path, suffix=os.path.splitext(self.path)[1])
        self._out.file.close()  # OpenCV writes the temporary file by name

    def write(self, jpeg):
        """Decode and append one frame (resized to the first frame's size if the stream changed size)."""
        image = decode(jpeg)
        if self._writer is None:
            self._size = (image.shape[1], image.shape[0])
            self._writer = cv2.VideoWriter(self._out.temp_path, cv2.VideoWriter_fourcc(*self._fourcc),
                                           self.fps, self._size)
            if not self._writer.isOpened():
                self.discard()
                raise StorageError(say("Could not start the video file {0}.", self.path))
        if (image.shape[1], image.shape[0]) != self._size:
            image = cv2.resize(image, self._size)
        self._writer.write(image)
        self.frames += 1

    def close(self):
        """Finish the file (it appears at ``path`` only now). Idempotent."""
        if self._writer is not None:
            self._writer.release()
            self._writer = None
        if self._out.closed:
            return
        try:
            written = os.path.getsize(self._out.temp_path)
        except OSError as error:
            self._out.discard()
            raise storage_error(self.path, error) from error
        if self.frames and written == 0:
            self._out.discard()
            raise StorageError(say("Could not save {0}: nothing was written (is the disk full?). "
                                   "Any previous file there is unchanged.", self.path))
        self._out.commit()

    def discard(self):
        """Abandon the recording; nothing appears at ``path``."""
        if self._writer is not None:
            self._writer.release()
            self._writer = None
        self._out.discard()
