"""FrameSource: a device's stream, read through the device-side relay over SSH, as frames and honest states.

A FrameSource is pulled by the one thread that reads it: ``for frame in source.frames(until=deadline)``
(the CLI and status sampling call it directly; the GUI's stream worker loops over it). ``stop()`` from any
thread closes the SSH channel so the blocking read returns at once. ``on_status`` runs in the reading
thread and receives only values (frozen dataclasses).
"""

import collections
import enum
import socket
import threading
import time
from dataclasses import dataclass
from typing import Optional

from deeplens_gui.core import commands
from deeplens_gui.core.decode import decode as decode_jpeg
from deeplens_gui.core.errors import (
    AuthFailed,
    ConnectionLost,
    CorruptFrame,
    DeepLensError,
    HostKeyError,
    NoStream,
    StreamError,
    TargetError,
)
from deeplens_gui.core.mjpeg import FrameReader, is_thumbnail, jpeg_size
from deeplens_gui.core.text import say

#: How long a relay that said it imports OpenCV may stay silent (seconds on a busy camera, all at once for a
#: classroom that just opened) before the network is thought dead.
LOADING_GRACE = 30.0

#: Errors that retrying cannot fix: the user must act (accept a key, fix the login or the target).
TERMINAL_ERRORS = (HostKeyError, AuthFailed, TargetError)


class StreamState(str, enum.Enum):
    """Where a stream is. The values are stable names used by the UI badges and ``--json`` output."""

    IDLE = "idle"
    CONNECTING = "connecting"
    WAITING = "no-project"
    LIVE = "live"
    STALLED = "stalled"
    RECONNECTING = "reconnecting"
    FAILED = "failed"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Frame:
    """One unique frame: the JPEG as received and, when decoding is on, its BGR pixels (maybe reduced).

    ``thumbnail`` is True for a small JPEG the camera made for a tile (its size is the thumbnail's); full
    frames are the camera's bytes exactly.
    """

    jpeg: bytes
    seq: int
    received: float
    width: int
    height: int
    image: object = None
    thumbnail: bool = False


@dataclass(frozen=True)
class StreamStats:
    """Counters and rates of a stream. Rates cover the last two seconds."""

    fps: float = 0.0
    bytes_per_s: float = 0.0
    frames: int = 0
    dropped: int = 0
    duplicates: int = 0
    corrupt: int = 0
    discarded_bytes: int = 0
    last_frame_age: Optional[float] = None
    width: int = 0
    height: int = 0
    reconnects: int = 0
    decoded: int = 0
    #: what the camera says it sends: "thumbnail WxH qQ", "full", "full no-opencv" ("" before it said so)
    sending: str = ""
    #: the rate the relay is asked for now (0: every new frame)
    max_fps: float = 0.0


@dataclass(frozen=True)
class StreamStatus:
    """A state and the sentence that explains it ("" when there is nothing to say)."""

    state: StreamState
    message: str = ""
    error: Optional[DeepLensError] = None
    last_frame_age: Optional[float] = None


class _Rate:
    """Events and byte counts over a sliding window."""

    def __init__(self, window=2.0):
        self.window = window
        self._events = collections.deque()
        self._total = 0  # of the amounts in the window, kept as they come and go (no sum per query)
        self._lock = threading.Lock()

    def add(self, now, amount=1):
        with self._lock:
            self._events.append((now, amount))
            self._total += amount
            self._trim(now)

    def per_second(self, now):
        with self._lock:
            self._trim(now)
            return self._total / self.window if self._events else 0.0

    def _trim(self, now):
        while self._events and now - self._events[0][0] > self.window:
            self._total -= self._events.popleft()[1]


class FrameSource:
    """Reads ``path`` on the device behind ``connection`` and hands out unique frames.

    Pull them with ``frames(until=...)`` in the reading thread; ``run()`` is the same loop for the callback
    ``on_frame``. ``with FrameSource(...) as source:`` stops and closes the stream at the end of the block.

    ``max_fps`` caps the rate the relay sends (0: every unique frame, for recording). With ``decode`` on,
    only the newest frame of each burst is decoded and delivered (latest wins); with it off, every frame is
    delivered in order. ``reconnect`` retries lost connections with exponential backoff. A paused source
    (``set_paused``) keeps reading, counting and keeping the newest JPEG, but neither decodes nor delivers.

    Liveness: the relay writes a heartbeat to stderr whenever it has been silent for a couple of seconds, so a
    channel that brings no byte at all for ``dead_after`` seconds means a dead network (a pulled cable, which
    neither TCP nor SSH keepalives notice for minutes). The source then closes the device's shared connection
    (status polls and deploys reconnect too) and reconnects with backoff. The relay's heartbeat comes every 2 to
    3 s, so ``dead_after`` must be longer than that; None turns the check off.
    """

    def __init__(self, connection, path=None, max_fps=15.0, reduce=1, decode=True, reconnect=True,
                 on_frame=None, on_status=None, stall_after=3.0, backoff=(0.5, 10.0), chunk_size=256 * 1024,
                 dead_after=6.0, thumb=None, quality=commands.DEFAULT_THUMB_QUALITY):
        self._connection = connection
        self.path = path or connection.device.stream_path
        self.max_fps = float(max_fps or 0.0)
        self._thumb = _thumb_box(thumb)
        self._quality = int(quality)
        self._requests = {}  # control lines for the running relay, sent by the worker thread
        self._sending = ""
        self._loading_until = 0.0
        self._reduce = reduce
        self._decode = decode
        self._paused = False
        self._reconnect = reconnect
        self._on_frame = on_frame
        self._on_status = on_status
        self._stall_after = stall_after
        self._dead_after = dead_after
        self._heartbeats = True
        self._session_streamed = False
        self._device_dropped = [0, 0]  # bytes the relay dropped in earlier sessions, and in this one
        self._bad_data = None  # (when, StreamError) of the relay's last report of dropped data
        self._backoff = backoff
        self._chunk_size = chunk_size
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._channel = None
        self._status = StreamStatus(StreamState.IDLE)
        self._latest = None
        self._last_frame_at = None
        self._last_jpeg = None
        self._seq = 0
        self._counts = collections.Counter()
        self._frame_rate = _Rate()
        self._byte_rate = _Rate()
        self._size = (0, 0)
        self._feed = None
        self.reader = FrameReader()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    # ----------------------------------------------------------------- public, any thread
    @property
    def status(self):
        """The current StreamStatus."""
        return self._status

    def latest(self):
        """The newest delivered Frame, or None."""
        return self._latest

    def set_reduce(self, factor):
        """Decode later frames at 1/``factor`` size (1, 2, 4 or 8)."""
        self._reduce = factor

    def set_max_fps(self, fps):
        """Ask the relay for at most ``fps`` frames a second from now on (no reconnect)."""
        fps = float(fps or 0.0)
        commands.relay_rate_request(fps)  # validates before anything changes
        with self._lock:
            self.max_fps = fps
            self._requests["fps"] = commands.relay_rate_request(fps)

    def set_thumbnail(self, size, quality=None):
        """Ask the camera for thumbnails fitting ``size`` (device pixels, (w, h)) or full frames (None)."""
        size = _thumb_box(size)
        quality = self._quality if quality is None else int(quality)
        line = commands.relay_thumb_request(size, quality)
        with self._lock:
            if (size, quality) == (self._thumb, self._quality):
                return
            self._thumb, self._quality = size, quality
            self._requests["thumb"] = line

    @property
    def thumbnail_request(self):
        """The thumbnail box asked for ((w, h)), or None for full frames."""
        return self._thumb

    def set_paused(self, paused):
        """Stop (True) or resume (False) decoding and delivering frames; they are still read and counted."""
        self._paused = bool(paused)

    @property
    def paused(self):
        """True while decoding and delivery are paused."""
        return self._paused

    def stats(self):
        """A StreamStats snapshot."""
        now = time.monotonic()
        age = None if self._last_frame_at is None else now - self._last_frame_at
        return StreamStats(
            fps=self._frame_rate.per_second(now),
            bytes_per_s=self._byte_rate.per_second(now),
            frames=self._seq,
            dropped=self._counts["dropped"],
            duplicates=self._counts["duplicates"],
            corrupt=self._counts["corrupt"],
            discarded_bytes=self.reader.discarded_bytes + sum(self._device_dropped),
            last_frame_age=age,
            width=self._size[0],
            height=self._size[1],
            reconnects=self._counts["reconnects"],
            decoded=self._counts["decoded"],
            sending=self._sending,
            max_fps=self.max_fps,
        )

    def stop(self):
        """Make ``run()`` return soon: closes the stream's channel (not the shared connection)."""
        self._stopping.set()
        with self._lock:
            channel = self._channel
        _close_quietly(channel)

    @property
    def stopped(self):
        """True once ``stop()`` was called."""
        return self._stopping.is_set()

    # ----------------------------------------------------------------- the reading thread
    def frames(self, until=None):
        """Yield unique frames as they arrive, in the calling thread, until the ``time.monotonic()`` deadline
        ``until`` passes (checked at least every quarter second), ``stop()``, or a failure that retrying
        cannot fix. Never raises expected errors: ``status`` tells why the frames ended.

        The stream stays open between calls: the next ``frames()`` goes on where the last one ended, so a
        caller can wait in slices (``next(source.frames(until=t), None)`` is the next frame or None by ``t``).
        Only one thread may iterate a source.
        """
        if self._feed is None:
            self._feed = self._stream()
        for frame in self._feed:
            if frame is not None:
                yield frame
            if until is not None and time.monotonic() >= until:
                return

    def run(self):
        """Stream until ``stop()`` or a failure that retrying cannot fix, handing frames to ``on_frame``."""
        for frame in self.frames():
            if self._on_frame is not None:
                self._on_frame(frame)

    def close(self):
        """Stop and end the stream in the reading thread: ``status`` is final afterwards (idempotent)."""
        self.stop()
        feed, self._feed = self._feed, iter(())
        if feed is not None:
            feed.close()

    def _stream(self):
        """The reconnecting loop behind ``frames()``: yields Frames, and None whenever a read came back empty
        so that ``frames()`` can look at its deadline."""
        delay = self._backoff[0]
        first = True
        try:
            while not self._stopping.is_set():
                if first:
                    self._set_status(StreamState.CONNECTING, say("Connecting to {0}…", self._where()))
                self._session_streamed = False
                try:
                    yield from self._session()
                    delay = self._backoff[0]
                except TERMINAL_ERRORS as error:
                    self._set_status(StreamState.FAILED, error.message, error)
                    return
                except DeepLensError as error:
                    if self._stopping.is_set():
                        break
                    if not self._reconnect:
                        self._set_status(StreamState.FAILED, error.message, error)
                        return
                    self._set_status(StreamState.RECONNECTING, self._reconnect_message(error, delay), error)
                else:
                    if self._stopping.is_set() or not self._reconnect:
                        break
                    self._set_status(StreamState.RECONNECTING,
                                     self._reconnect_message(None, delay), None)
                if self._session_streamed:
                    # That connection worked: a network blip later must not inherit the backoff of the first.
                    delay = self._backoff[0]
                first = False
                self._counts["reconnects"] += 1
                # Wait in slices so that a caller's deadline is honoured during the backoff too.
                waited_until = time.monotonic() + delay
                while not self._stopping.wait(min(0.25, max(0.0, waited_until - time.monotonic()))):
                    if time.monotonic() >= waited_until:
                        break
                    yield None
                delay = min(self._backoff[1], delay * 2)
        finally:
            with self._lock:
                channel, self._channel = self._channel, None
            _close_quietly(channel)
            if self._status.state is not StreamState.FAILED:
                self._set_status(StreamState.STOPPED)

    def _session(self):
        """One connection's worth of streaming: yields Frames (and None after an empty read). Returns when the
        channel ends; raises typed errors."""
        self._connection.open()
        with self._lock:
            # The command carries the current request: nothing queued before it is news to the new relay.
            self._requests.clear()
            command = commands.relay_command(self.path, max_fps=self.max_fps, thumb=self._thumb,
                                             quality=self._quality)
            self._sending = ""
        try:
            channel = self._connection.open_channel(command)
        except DeepLensError:
            raise
        except Exception as error:  # paramiko raises SSHException/EOFError when the transport just died
            raise ConnectionLost(say("The connection to {0} was lost ({1}).", self._where(),
                                     str(error))) from error
        with self._lock:
            self._channel = channel
        if self._stopping.is_set():
            _close_quietly(channel)
            return
        self.reader.reset()
        # A new relay starts with the current picture; it is news to this session even if the scene is still.
        self._last_jpeg = None
        self._device_dropped = [sum(self._device_dropped), 0]
        if self._status.state is not StreamState.LIVE:
            self._set_status(StreamState.CONNECTING,
                             say("Waiting for the first frame from {0}…", self.path))
        channel.settimeout(0.25)
        self._heartbeats = True
        heard_at = time.monotonic()
        # Until its first word the relay is being started: a camera busy with its project, or a whole
        # classroom connecting at once, takes seconds to start Python. That silence is not a dead network.
        self._loading_until = heard_at + LOADING_GRACE
        starting = True
        stderr = _LineBuffer()
        pending = None
        last_sent = 0.0
        while not self._stopping.is_set():
            self._send_requests(channel)
            try:
                data = channel.recv(self._chunk_size)
            except socket.timeout:
                data = None
            except OSError as error:
                raise ConnectionLost(say("The connection to {0} was lost ({1}).", self._where(),
                                         str(error))) from error
            if starting and (data or channel.recv_stderr_ready()):
                starting = False
                self._loading_until = 0.0  # unless its first words say it is loading OpenCV
            while channel.recv_stderr_ready():
                heard_at = time.monotonic()
                for line in stderr.feed(channel.recv_stderr(4096)):
                    self._on_relay_line(line)
            now = time.monotonic()
            if data == b"":
                break
            if data:
                heard_at = now
                self._byte_rate.add(now, len(data))
                for jpeg in self.reader.feed(data):
                    if jpeg == self._last_jpeg:
                        self._counts["duplicates"] += 1  # `cat` fallback: the device re-sends its frame
                        continue
                    self._last_jpeg = jpeg
                    if not self._decode:
                        yield self._deliver(jpeg, now)
                        continue
                    if pending is not None:
                        self._counts["dropped"] += 1
                    pending = jpeg
            # The relay caps the rate on the device; only the `cat` fallback (no Python there, so no relay
            # and no heartbeats) needs the cap here. Holding a relayed frame back would only add latency.
            interval = 1.0 / self.max_fps if self.max_fps > 0 else 0.0
            capped = interval if not self._heartbeats else 0.0
            if pending is not None and now - last_sent >= capped * 0.8:
                frame = self._deliver(pending, now)
                pending = None
                last_sent = now
                yield frame
            else:
                yield None
            self._check_stall(now, now - heard_at)
            if (self._dead_after and self._heartbeats and now - heard_at > self._dead_after
                    and now > self._loading_until):
                self._give_up_connection(channel)
                raise ConnectionLost(say("Nothing came from {0} for {1:.0f} s: the network connection seems "
                                         "to be dead.", self._where(), now - heard_at))
        if self._stopping.is_set():
            return
        if pending is not None:
            yield self._deliver(pending, time.monotonic())
        # The channel ended by itself: the relay exited, or the connection died.
        for line in stderr.feed(_drain_stderr(channel)) + stderr.flush():
            self._on_relay_line(line)
        if not self._connection.is_open:
            raise ConnectionLost(say("The connection to {0} was lost.", self._where()))
        status = channel.recv_exit_status() if channel.exit_status_ready() else None
        if status not in (None, 0):
            if stderr.last_error:
                raise StreamError(say("The stream reader on {0} stopped: {1}.", self._where(),
                                      stderr.last_error))
            raise StreamError(say("The stream reader on {0} stopped: exit status {1}.", self._where(),
                                  status))

    def _send_requests(self, channel):
        """Send the requests made since the last call to the relay's stdin (the worker thread does the I/O)."""
        with self._lock:
            if not self._requests:
                return
            lines, self._requests = b"".join(self._requests.values()), {}
        try:
            channel.sendall(lines)
        except (OSError, EOFError):
            pass  # the channel is going away: the next session starts with the current request

    def _deliver(self, jpeg, now):
        """Count ``jpeg`` and make it the latest Frame; returns it, or None when paused or undecodable."""
        size = jpeg_size(jpeg)
        image = None
        # Paused (a tile scrolled out of view): the frame still counts, for the state and a snapshot.
        paused = self._paused
        if self._decode and not paused:
            try:
                image = decode_jpeg(jpeg, self._reduce)
            except CorruptFrame as error:
                self._counts["corrupt"] += 1
                self._report_bad_data(error)
                return None
            self._counts["decoded"] += 1
            if size is None:
                size = (image.shape[1] * self._reduce, image.shape[0] * self._reduce)
        size = size or (0, 0)
        self._seq += 1
        self._size = size
        self._last_frame_at = now
        self._frame_rate.add(now)
        frame = Frame(jpeg=jpeg, seq=self._seq, received=now, width=size[0], height=size[1], image=image,
                      thumbnail=is_thumbnail(jpeg))
        self._latest = frame
        self._session_streamed = True
        if self._status.state is not StreamState.LIVE or self._status.message:
            self._set_status(StreamState.LIVE)
        return None if paused else frame

    def _check_stall(self, now, quiet):
        if self._status.state in (StreamState.LIVE, StreamState.STALLED) and self._last_frame_at is not None:
            age = now - self._last_frame_at
            if age <= self._stall_after:
                return
            bad = self._bad_data
            if bad is not None and now - bad[0] < 3.0:
                self._set_status(StreamState.STALLED,
                                 say("{0} Last good frame {1:.0f} s ago.", bad[1].message, age), bad[1])
                return
            if quiet > self._stall_after:
                message = say("Nothing came from {0} for {1:.0f} s (last frame {2:.0f} s ago): the network "
                              "or the device may be down.", self._where(), quiet, age)
            else:
                message = say("No new frame for {0:.0f} s: the project may be stuck.", age)
            self._set_status(StreamState.STALLED, message)

    def _give_up_connection(self, channel):
        """The transport under ``channel`` is dead: close it for every user of the device, then the channel.

        A black-holed transport still looks active to paramiko; left open, every later status poll or channel
        would wait on it again. Closing the shared connection makes the next ``open()`` reconnect.
        """
        self._connection.close()
        _close_quietly(channel)

    def _on_relay_line(self, line):
        parsed = commands.parse_relay_status(line)
        if parsed is None:
            return
        state, detail = parsed
        if state == commands.RELAY_SENDING:
            loading = detail == commands.RELAY_LOADING_OPENCV
            self._loading_until = time.monotonic() + LOADING_GRACE if loading else 0.0
            if not loading:
                self._sending = detail
        elif state == commands.RELAY_NOPYTHON:
            self._heartbeats = False  # plain `cat` says nothing while it waits: silence proves nothing
        elif state == "nofifo":
            error = NoStream(say("No project is running on {0}: {1} does not exist yet.", self._where(),
                                 self.path))
            self._set_status(StreamState.WAITING, error.message, error)
        elif state == "nowriter":
            error = NoStream(say("No project is writing to {0} on {1}: it stopped or crashed.", self.path,
                                 self._where()))
            self._set_status(StreamState.WAITING, error.message, error)
        elif state == commands.RELAY_BADDATA:
            self._on_bad_data(detail)
        elif state == "error":
            error = StreamError(say("The stream reader on {0} reports: {1}", self._where(), detail))
            self._set_status(self._status.state, error.message, error)

    def _on_bad_data(self, detail):
        """The relay dropped bytes that were not whole JPEG frames: count them and say so (keep the state)."""
        try:
            dropped, oversized = (int(word) for word in detail.split()[:2])
        except ValueError:
            return
        self._device_dropped[1] = max(self._device_dropped[1], dropped)
        limit = self.reader.max_frame_size // (1024 * 1024)
        if oversized > 1:
            what = say("{0} frames larger than the {1} MiB limit", oversized, limit)
        elif oversized:
            what = say("{0} frame larger than the {1} MiB limit", oversized, limit)
        else:
            what = say("data that is not JPEG frames")
        error = StreamError(say("{0} sends {1} on {2} ({3} bytes dropped): the project writes something "
                                "other than whole JPEG frames.", self._where(), what, self.path, dropped))
        self._report_bad_data(error)

    def _report_bad_data(self, error):
        """Say what is wrong with the device's data, keeping the state (and the last good frame)."""
        now = time.monotonic()
        self._bad_data = (now, error)
        if self._status.state is StreamState.STALLED:
            self._check_stall(now, 0.0)
        else:
            self._set_status(self._status.state, error.message, error)

    def _set_status(self, state, message="", error=None):
        age = None if self._last_frame_at is None else time.monotonic() - self._last_frame_at
        status = StreamStatus(state, message, error, age)
        if (status.state, status.message) == (self._status.state, self._status.message):
            return
        self._status = status
        if self._on_status is not None:
            self._on_status(status)

    def _reconnect_message(self, error, delay):
        reason = error.message if error is not None else say("The stream ended.")
        if self._last_frame_at is None:
            return say("{0} Reconnecting in {1:.0f} s.", reason, max(delay, 1))
        return say("{0} Reconnecting in {1:.0f} s, last frame {2:.0f} s ago.", reason, max(delay, 1),
                   time.monotonic() - self._last_frame_at)

    def _where(self):
        device = self._connection.device
        return device.name


def _thumb_box(size):
    if size is None:
        return None
    width, height = (int(value) for value in size)
    return (width, height) if width > 0 and height > 0 else None


def grab_full_frame(connection, path=None, timeout=10.0):
    """One full-size JPEG of the stream at ``path`` (default: the device's), exactly as the camera wrote it.

    Raises the stream's typed error when no frame comes within ``timeout`` seconds.
    """
    with FrameSource(connection, path=path, max_fps=1.0, decode=False, reconnect=False) as source:
        frame = next(source.frames(until=time.monotonic() + timeout), None)
    if frame is not None:
        return frame.jpeg
    error = source.status.error
    if error is not None:
        raise error
    raise NoStream(say("No frame came from {0} within {1:.0f} s.", connection.device.name, timeout))


class _LineBuffer:
    """Splits stderr bytes into text lines; remembers the relay's last error detail."""

    def __init__(self):
        self._buffer = b""
        self.last_error = ""

    def feed(self, data):
        self._buffer += data
        if len(self._buffer) > 65536:  # a device spewing without newlines must not grow us
            self._buffer = self._buffer[-4096:]
        *lines, self._buffer = self._buffer.split(b"\n")
        return [self._note(line) for line in lines]

    def flush(self):
        rest, self._buffer = self._buffer, b""
        return [self._note(rest)] if rest else []

    def _note(self, raw):
        line = raw.decode("utf-8", "replace").strip()
        parsed = commands.parse_relay_status(line)
        if parsed and parsed[0] == "error":
            self.last_error = parsed[1]
        elif line and not parsed:
            self.last_error = line[:200]
        return line


def _drain_stderr(channel):
    chunks = []
    while channel.recv_stderr_ready():
        chunks.append(channel.recv_stderr(4096))
    return b"".join(chunks)


def _close_quietly(channel):
    """Close a channel whose transport may already be dead (paramiko then raises EOFError/OSError)."""
    if channel is None:
        return
    try:
        channel.close()
    except (EOFError, OSError):
        pass
