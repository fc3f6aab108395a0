"""The app's frame reader: bare JPEG frames sent back to back (MJPEG without boundaries) into whole frames.

The structure-aware reader is the camera's own (``deeplens_gui/remote/frames.py``, which the relay imports),
so the camera and the client split a stream the same way and there is one parser to keep right. It runs on the
camera's Python 2.7 too; what only the client does is here: a frame's picture size read in place, without the
copy Python 2 needs, and the thumbnail mark check.
"""

from __future__ import annotations

from deeplens_gui.remote.frames import THUMBNAIL_MARK, FrameReader, header_size

__all__ = ["THUMBNAIL_MARK", "FrameReader", "is_thumbnail", "jpeg_size"]


def jpeg_size(frame: bytes | bytearray | memoryview) -> tuple[int, int] | None:
    """``(width, height)`` from the SOFn header of a complete JPEG, or None if there is none.

    Reads the frame where it is: on Python 3 indexing bytes gives byte values, so nothing is copied.
    """
    return header_size(frame)


def is_thumbnail(jpeg: bytes) -> bool:
    """True for a JPEG the camera's relay marked as a thumbnail (``remote.frames.mark_thumbnail``)."""
    return jpeg[2 : 2 + len(THUMBNAIL_MARK)] == THUMBNAIL_MARK
