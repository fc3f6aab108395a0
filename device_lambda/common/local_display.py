"""LocalDisplay: the project stream of a DeepLens Lambda, bare JPEGs written back to back into a FIFO.

Works like the LocalDisplay thread of the DeepLens samples, with these changes:

* writes raw bytes (binary, unbuffered), so it runs on the camera's Python 2.7 and on Python 3;
* the FIFO path comes from ``DEEPLENS_STREAM_PATH`` (default ``/tmp/results.mjpeg``, the path the
  device's tools and this app read) and the resolution from ``DEEPLENS_STREAM_RESOLUTION``;
* the FIFO is opened without blocking, so ``join()`` stops the thread even when no reader ever attached;
* a reader that goes away (EPIPE) is waited for again instead of spinning a core;
* a new frame is written as soon as it arrives and the current frame is repeated every
  ``REPEAT_S`` seconds, so a reader that attaches late gets a picture at once without the
  endless rewrite loop of the samples.

This file lives in ``device_lambda/common/``; the app's packager copies it into the root of every
project package that lists it under ``shared_files`` in its manifest.
"""

import errno
import os
import select
from threading import Event, Lock, Thread

import cv2
import numpy as np

RESOLUTIONS = {'1080p': (1920, 1080), '720p': (1280, 720), '480p': (858, 480)}
DEFAULT_STREAM_PATH = '/tmp/results.mjpeg'
#: Seconds between two writes of the same frame.
REPEAT_S = 0.2
#: Seconds to wait before looking for a reader again.
RETRY_S = 0.1


class LocalDisplay(Thread):
    """Thread that keeps the newest annotated frame flowing into the project stream FIFO."""

    def __init__(self, resolution=None, stream_path=None):
        super(LocalDisplay, self).__init__(name='LocalDisplay')
        # A Lambda whose inference loop died must not be kept alive by its display thread.
        self.daemon = True
        resolution = os.environ.get('DEEPLENS_STREAM_RESOLUTION') or resolution or '480p'
        if resolution not in RESOLUTIONS:
            raise Exception('Invalid resolution: {0} (use one of {1})'.format(
                resolution, ', '.join(sorted(RESOLUTIONS))))
        self.resolution = RESOLUTIONS[resolution]
        self.stream_path = stream_path or os.environ.get('DEEPLENS_STREAM_PATH') or DEFAULT_STREAM_PATH
        self.stop_request = Event()
        self._new_frame = Event()
        self._lock = Lock()
        self._last_error = None
        width, height = self.resolution
        self._jpeg = self._encode(np.full((height, width, 3), 255, np.uint8))

    def set_frame_data(self, frame):
        """Resize ``frame`` (a BGR image) to the stream resolution, JPEG-encode it and make it current."""
        if (frame.shape[1], frame.shape[0]) != self.resolution:
            frame = cv2.resize(frame, self.resolution)
        jpeg = self._encode(frame)
        with self._lock:
            self._jpeg = jpeg
        self._new_frame.set()

    def _encode(self, frame):
        ok, buf = cv2.imencode('.jpg', frame)
        if not ok:
            raise Exception('Failed to encode the frame as JPEG')
        return buf.tobytes()

    def run(self):
        fd = None
        try:
            while not self.stop_request.is_set():
                if fd is None:
                    fd = self._open()
                    if fd is None:
                        self.stop_request.wait(RETRY_S)
                        continue
                self._new_frame.clear()
                with self._lock:
                    jpeg = self._jpeg
                if not self._write(fd, jpeg):
                    os.close(fd)
                    fd = None
                    self.stop_request.wait(RETRY_S)
                    continue
                self._new_frame.wait(REPEAT_S)
        finally:
            if fd is not None:
                os.close(fd)

    def _open(self):
        """Open the FIFO for writing; None while no reader is attached (or the path is unusable)."""
        try:
            if not os.path.exists(self.stream_path):
                os.mkfifo(self.stream_path)
            return os.open(self.stream_path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as ex:
            # ENXIO: no reader yet. Anything else is reported once, not every retry.
            if ex.errno not in (errno.ENXIO, errno.EEXIST, errno.ENOENT) and str(ex) != self._last_error:
                self._last_error = str(ex)
                print('LocalDisplay cannot open {0}: {1}'.format(self.stream_path, ex))
            return None

    def _write(self, fd, data):
        """Write all of ``data``; False when the reader went away. Gives up early when stopping."""
        offset = 0
        while offset < len(data):
            if self.stop_request.is_set():
                return True
            try:
                _, writable, _ = select.select([], [fd], [], RETRY_S)
                if not writable:
                    continue
                offset += os.write(fd, data[offset:offset + 65536])
            except (OSError, IOError, select.error) as ex:
                code = ex.args[0] if ex.args else None
                if code in (errno.EAGAIN, errno.EINTR):
                    continue
                return False
        return True

    def join(self, timeout=None):
        """Ask the thread to stop, then wait for it."""
        self.stop_request.set()
        self._new_frame.set()
        super(LocalDisplay, self).join(timeout)


def draw_message(frame, text, colour=(255, 255, 255)):
    """Return a copy of ``frame`` with ``text`` word-wrapped on a dark band at the bottom.

    Used for status and error messages, so the project stream says what is wrong instead of going dark.
    """
    frame = frame.copy()
    height, width = frame.shape[:2]
    font = cv2.FONT_HERSHEY_SIMPLEX
    scale = max(0.4, height / 900.0)
    thickness = max(1, int(round(scale * 1.5)))
    margin = int(10 * scale) + 4
    lines = []
    for paragraph in text.split('\n'):
        line = ''
        for word in paragraph.split(' '):
            candidate = (line + ' ' + word).strip()
            if line and cv2.getTextSize(candidate, font, scale, thickness)[0][0] > width - 2 * margin:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    line_height = cv2.getTextSize('Ag', font, scale, thickness)[0][1] * 2
    top = max(0, height - margin - line_height * len(lines))
    band = frame[top:, :]
    band[:] = (band * 0.3).astype(band.dtype)
    y = top + line_height
    for line in lines:
        cv2.putText(frame, line, (margin, y), font, scale, colour, thickness, cv2.LINE_AA)
        y += line_height
    return frame
