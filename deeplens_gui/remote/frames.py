"""Incremental, structure-aware reader for bare JPEG frames sent back to back (MJPEG without boundaries).

A DeepLens Lambda writes whole JPEGs into a FIFO with no multipart header or length prefix, and a reader may
attach in the middle of a frame. This reader follows the JPEG structure instead of searching for FFD8/FFD9:
marker segments are skipped by their length (so an EXIF thumbnail, itself a JPEG, stays inside its APP1
segment), and entropy-coded data is scanned for the next real marker with one C-level search per chunk.

The relay imports it on the camera and the client's ``core/mjpeg.py`` builds on it, so both ends split a
stream the same way; it runs on Python 2.7 and 3.5+: standard library only, no f-strings, no annotations.
"""

import re

_SOI = b"\xff\xd8"

# Inside entropy-coded data 0xFF is followed by 00 (stuffing), D0-D7 (restart markers) or FF (fill byte).
# Anything else is a real marker and ends the scan. A fill byte is skipped by the search itself: in
# FF FF D9 the match starts at the second FF.
_SCAN_END = re.compile(b"\xff[\x01-\xcf\xd8-\xfe]")

# Markers without a length field: TEM and RST0-RST7 (SOI and EOI are handled on their own).
_STANDALONE = frozenset([0x01, 0xD0, 0xD1, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6, 0xD7])

# Start-of-frame markers carrying the image size (every SOFn except DHT C4, JPG C8 and DAC CC).
_SOF = frozenset([0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF])

_SEEK = 0  # looking for SOI; everything here is garbage
_MARKER = 1  # inside a frame, a marker is expected at the parse position
_SCAN = 2  # inside entropy-coded data after SOS

DEFAULT_MAX_FRAME_SIZE = 8 * 1024 * 1024
# SOIs inside table segments checked at a frame's end: each check parses the rest of the frame once more.
MAX_SUSPECTS = 8


class FrameReader(object):  # noqa: UP004 - also runs on the camera's Python 2
    """Turns chunks of a byte stream into complete JPEG frames (SOI..EOI inclusive), in order.

    Feed chunks of any size with ``feed``; each call returns the frames completed by that chunk as ``bytes``.
    Work is linear in the input: the parse position is remembered between calls and nothing is rescanned,
    except the bytes of a frame found broken, which are searched once more for the next SOI.
    Memory stays bounded by about ``max_frame_size`` plus one chunk: a larger frame is dropped while it
    streams past and the reader resyncs on the next SOI.

    A new SOI where a marker is expected or inside entropy-coded data ends the frame in progress as truncated.
    Table segments may hold FF D8 as data (libjpeg's quantization tables at quality 18 do), so an SOI there
    only makes the frame suspect: it is cut there if its structure breaks later, or if the bytes from that SOI
    to its end form a whole frame of their own. One case cannot be told apart: a frame cut inside an APPn/COM
    segment, where an embedded SOI is legal; the reader then resyncs when the structure breaks.

    Counters (they survive ``reset``):
    ``frames`` frames yielded; ``discarded_bytes`` bytes thrown away (garbage before or between frames,
    truncated, broken or oversized frames); ``truncated_frames`` frames abandoned because a new SOI started
    inside them, their structure broke, or the stream was reset; ``oversized_frames`` frames abandoned
    because they exceeded ``max_frame_size``.
    """

    def __init__(self, max_frame_size=DEFAULT_MAX_FRAME_SIZE):
        if max_frame_size < 4:
            raise ValueError("max_frame_size must be at least 4 bytes")
        self.max_frame_size = int(max_frame_size)
        self.discarded_bytes = 0
        self.truncated_frames = 0
        self.oversized_frames = 0
        self.frames = 0
        self._buf = bytearray()
        self._pos = 0
        self._state = _SEEK
        # While an oversized frame streams past it is still parsed (to find its real end) but its bytes are
        # thrown away as soon as they are parsed; the buffer then no longer starts with its SOI.
        self._dropping = False
        # Bytes of an oversized frame's segment that have not arrived yet and must be skipped.
        self._skip = 0
        # Offsets of SOIs seen inside table segments of the frame in progress (at most MAX_SUSPECTS).
        self._suspects = []

    @property
    def buffered(self):
        """Bytes held for a frame in progress (not yet yielded nor counted as discarded)."""
        return len(self._buf)

    def reset(self):
        """Forget any partial frame (e.g. after a reconnect). A frame in progress counts as truncated."""
        if self._state != _SEEK and not self._dropping:
            self.truncated_frames += 1
        self.discarded_bytes += len(self._buf)
        del self._buf[:]
        self._pos = 0
        self._state = _SEEK
        self._dropping = False
        self._skip = 0

    def feed(self, data):
        """Add a chunk (bytes or bytearray, possibly empty); return the list of frames it completed."""
        out = []
        if data:
            self._buf += data
        self._parse(out)
        return out

    def _discard_head(self, count):
        del self._suspects[:]
        if count > 0:
            del self._buf[:count]
            self.discarded_bytes += count

    def _start_oversized(self, pos):
        """The frame in progress is too big: count it and keep parsing it only to throw it away."""
        self.oversized_frames += 1
        self._dropping = True
        self._discard_head(pos)
        return 0

    def _parse(self, out):
        buf = self._buf
        pos = self._pos
        state = self._state
        limit = self.max_frame_size
        while True:
            if self._skip:
                count = min(self._skip, len(buf))
                self._discard_head(count)
                self._skip -= count
                pos = 0
                if self._skip:
                    break
            if self._dropping and pos:
                self._discard_head(pos)
                pos = 0
            elif state != _SEEK and not self._dropping and pos > limit:
                pos = self._start_oversized(pos)
            n = len(buf)

            if state == _SEEK:
                i = buf.find(_SOI, pos)
                if i < 0:
                    # Keep a trailing 0xFF: it may be the first half of the next SOI.
                    keep = 1 if n and buf[n - 1] == 0xFF else 0
                    self._discard_head(n - keep)
                    pos = 0
                    break
                self._discard_head(i)
                pos = 2
                state = _MARKER
                continue

            if state == _SCAN:
                match = _SCAN_END.search(buf, pos)
                if match is not None:
                    pos = match.start()
                    state = _MARKER
                    continue
                # A trailing 0xFF cannot be classified until the next byte arrives.
                pos = n - 1 if n > pos and buf[n - 1] == 0xFF else n
                if not self._dropping and pos > limit:
                    pos = self._start_oversized(pos)
                if self._dropping:
                    self._discard_head(pos)
                    pos = 0
                break

            # _MARKER
            if pos + 1 >= n:
                break
            if buf[pos] != 0xFF:
                pos, state = self._broken(pos)
                continue
            marker = buf[pos + 1]
            if marker == 0xFF:
                pos += 1  # fill byte before a marker
                continue
            if marker == 0xD8:
                # A new frame starts where the old one expected a marker: the old one was cut short (where
                # an earlier SOI in a table segment made it suspect, since that SOI would be the real one).
                pos = self._restart_at(self._suspects[0] if self._suspects else pos)
                continue
            if marker == 0xD9:
                end = pos + 2
                cut = next((i for i in self._suspects if _frame_at(buf, i, end)), -1)
                if cut >= 0:
                    # The bytes from a suspect SOI on are a whole frame of their own: this one was cut there.
                    pos = self._restart_at(cut)
                    continue
                if self._dropping:
                    self._dropping = False
                    self._discard_head(end)
                elif end > limit:
                    self.oversized_frames += 1
                    self._discard_head(end)
                else:
                    # One copy of the frame; CPython frees the view at once, before the buffer shrinks.
                    out.append(memoryview(buf)[:end].tobytes())
                    del buf[:end]
                    del self._suspects[:]
                    self.frames += 1
                pos = 0
                state = _SEEK
                continue
            if marker in _STANDALONE:
                pos += 2
                continue
            if marker == 0x00:
                pos, state = self._broken(pos)
                continue
            if pos + 3 >= n:
                break
            length = (buf[pos + 2] << 8) | buf[pos + 3]
            if length < 2:
                pos, state = self._broken(pos)
                continue
            end = pos + 2 + length
            if not self._dropping and not (0xE0 <= marker <= 0xEF or marker == 0xFE):
                # An SOI in a table segment (or straddling its end) is either table data (libjpeg writes
                # FF D8 into the quantization tables of quality 18) or the start of the next frame after this
                # one was cut inside its headers. Keep parsing; the frame's end or its breaking decides.
                self._note_suspects(pos + 2, min(end + 1, n))
            next_state = _SCAN if marker == 0xDA else _MARKER
            if end <= n:
                pos = end
                state = next_state
                continue
            if not self._dropping and end > limit:
                self.oversized_frames += 1
                self._dropping = True
            if self._dropping:
                # Skip the rest of this segment as it arrives instead of buffering it.
                self._skip = end - len(buf)
                self._discard_head(len(buf))
                pos = 0
                state = next_state
                continue
            break
        self._pos = pos
        self._state = state

    def _note_suspects(self, start, stop):
        """Remember the SOIs in ``buf[start:stop]`` (a table segment, searched again while it arrives)."""
        i = self._buf.find(_SOI, start, stop)
        while i >= 0 and len(self._suspects) < MAX_SUSPECTS:
            if i not in self._suspects:
                self._suspects.append(i)
            i = self._buf.find(_SOI, i + 2, stop)

    def _restart_at(self, soi):
        """A new SOI at ``soi`` ends the frame in progress; return the parse position inside the new frame."""
        if self._dropping:
            self._dropping = False
        else:
            self.truncated_frames += 1
        self._discard_head(soi)
        return 2

    def _broken(self, pos):
        """The frame's structure is invalid: abandon it and look for an SOI again.

        The search restarts just after the frame's own SOI, because a segment length read from a cut frame
        may have carried the parse past the start of the next frame.
        """
        if self._dropping:
            self._dropping = False
            self._discard_head(pos)
            return 0, _SEEK
        if self._suspects:
            # An SOI seen inside a table segment was the next frame's after all.
            return self._restart_at(self._suspects[0]), _MARKER
        self.truncated_frames += 1
        return 2, _SEEK


def _frame_at(buf, start, end):
    """True when ``buf[start:end]`` begins with one complete, well-formed frame."""
    chunk = bytes(buf[start:end])
    frames = FrameReader(max(4, len(chunk))).feed(chunk)
    return bool(frames) and chunk.startswith(frames[0])


def jpeg_size(frame):
    """Return ``(width, height)`` from the SOFn header of a complete JPEG, or None if there is none."""
    # Python 2 indexes a str by characters, so it reads a bytearray copy.
    return header_size(frame if isinstance(frame, bytearray) else bytearray(frame))


def header_size(data):
    """``jpeg_size`` of a frame given as a sequence of byte values (bytearray; on Python 3 also bytes or a
    memoryview, read in place)."""
    n = len(data)
    if n < 4 or data[0] != 0xFF or data[1] != 0xD8:
        return None
    pos = 2
    while pos + 3 < n:
        if data[pos] != 0xFF:
            return None
        marker = data[pos + 1]
        if marker == 0xFF:
            pos += 1
            continue
        if marker in _STANDALONE:
            pos += 2
            continue
        if marker in (0xD8, 0xD9, 0xDA, 0x00):
            return None
        length = (data[pos + 2] << 8) | data[pos + 3]
        if marker in _SOF:
            if length < 7 or pos + 9 > n:
                return None
            height = (data[pos + 5] << 8) | data[pos + 6]
            width = (data[pos + 7] << 8) | data[pos + 8]
            if not width or not height:
                return None
            return width, height
        if length < 2:
            return None
        pos += 2 + length
    return None


#: A comment (COM) segment right after SOI that marks a thumbnail the camera's relay made, so a client can tell
#: one from a full frame without guessing from the size (length field: 2 + the 18 bytes of text).
THUMBNAIL_MARK = b"\xff\xfe\x00\x14deeplens-thumbnail"


def mark_thumbnail(jpeg):
    """The JPEG with THUMBNAIL_MARK inserted after its SOI (decoders skip comments)."""
    return _SOI + THUMBNAIL_MARK + jpeg[2:]
