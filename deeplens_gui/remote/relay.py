"""DeepLens stream relay: runs ON the camera with the device's own Python (2.7 or 3.5+), standard library only.

Usage: relay.py [--max-fps F] [--stale S] [--thumb WxH] [--quality Q] [--] PATH

A DeepLens Lambda writes bare JPEGs into the FIFO PATH, re-sending the current frame in a tight loop. This
relay reads the FIFO, drops the duplicates and writes only new frames to stdout (bare JPEGs back to back),
at most F per second (0: every new frame; when frames come faster, the newest waiting one is sent next).

Reading is paced: the FIFO is read in short sessions (about S_pipe + 2 frames each, where S_pipe is what is
already in the pipe) a few dozen times per second, so the Lambda's writer blocks on a full pipe between
sessions instead of spinning, and neither side burns a core copying duplicates.

Several relays on one device share the FIFO: the first takes an exclusive lock and becomes the hub, the only
reader of the FIFO; it listens on a Unix socket next to the lock and fans every new frame out to subscriber
relays, which apply their own rate cap. When the hub ends, a subscriber takes over. The lock and the socket
live in one private folder per user ($TMPDIR or /tmp, deeplens-relay-<uid>); a hub removes its pair when it
ends (the folder too once empty) and, when it starts, the pairs killed relays left behind.

Status lines go to stderr as "deeplens-relay: <state>[ <detail>]", only when they change. While the relay has
written nothing to stdout or stderr for HEARTBEAT seconds (waiting for a project, a still scene), it writes
"deeplens-relay: alive" to stderr, so the client can tell a quiet device from a dead network. The relay ends
when its stdout is closed (the SSH channel went away).

Thumbnails (``--thumb WxH``): where this Python has OpenCV, each frame sent to stdout is decoded at a reduced
DCT scale, resized to fit WxH and re-encoded at quality Q, so a classroom tile costs a few KB instead of a
full frame; without OpenCV the frames go out as they are. "deeplens-relay: sending thumbnail WxH qQ" or
"deeplens-relay: sending full[ no-opencv]" on stderr says which (when it changes). Control lines on stdin
change the request while the relay runs: "fps F" and "thumb W H Q" (W or H 0: full frames). Only this relay's
own stdout is affected: the hub still fans the full frames out, each subscriber makes what its viewer asked for.

Hub to subscriber messages: one type byte, a 4-byte big-endian length, the payload. "F": a JPEG frame, "S": a
status line ("<state>[ <detail>]"). Subscriber to hub: "H" with the subscriber's max fps as ASCII text.
No f-strings or annotations here: a test runs vermin over this file.
"""

import argparse
import errno
import fcntl
import os
import select
import signal
import socket
import stat
import struct
import sys
import termios
import threading
import time
import traceback
import zlib

if __package__:
    # Imported from the app's package (tests, the client's own tools).
    from .frames import FrameReader, jpeg_size, mark_thumbnail
else:
    # Run on the camera: as a file next to frames.py, or as the script from ``remote.script("relay")``,
    # which defines the module ``frames`` before this code.
    from frames import FrameReader, jpeg_size, mark_thumbnail

STATUS_PREFIX = "deeplens-relay: "
ST_READY = "ready"
ST_NOFIFO = "nofifo"
ST_NOTFIFO = "notfifo"
ST_NOWRITER = "nowriter"
ST_STREAMING = "streaming"
ST_ERROR = "error"
ST_ALIVE = "alive"
ST_BADDATA = "baddata"  # detail: "<bytes dropped> <frames over the size cap>" since the FIFO was opened
ST_SENDING = "sending"  # detail: "thumbnail WxH qQ", "full" or "full no-opencv": what stdout carries

WAIT = 0.2  # polling period while the path is missing or the hub is starting
REOPEN_DELAY = 0.05  # after a writer left, before the FIFO is opened again
MIN_TICK = 0.01  # reading sessions per second are bounded by 1 / MIN_TICK ...
MAX_TICK = 0.05  # ... and at least 1 / MAX_TICK
READ_SIZE = 65536
DEFAULT_PIPE = 65536
MAX_MESSAGE = 64 * 1024 * 1024
MAX_CONTROL = 16
#: an uncapped consumer (a recording) gets every new frame: up to this many wait while it is slow, then the
#: oldest go (a capped one, a live view, only ever gets the newest)
MAX_BACKLOG = 64
HEARTBEAT = 2.0  # seconds of silence on stdout and stderr before an "alive" line
BADDATA_EVERY = 1.0  # at most one "baddata" report per this many seconds
LEAD_IN = 1024 * 1024  # dropped before the first frame: the tail of a frame the writer was in (not reported)
DEFAULT_QUALITY = 70
LOADING = "loading-opencv"  # the "sending" detail while OpenCV is being imported
MAX_CONTROL_LINE = 256

MSG_FRAME = b"F"
MSG_STATUS = b"S"
MSG_HELLO = b"H"
MSG_HEADER = struct.Struct(">cI")

_AGAIN = (errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
_GONE_EVENTS = select.POLLERR | select.POLLHUP | select.POLLNVAL

now = getattr(time, "monotonic", time.time)


class StdoutClosed(Exception):
    """The consumer of stdout went away: the relay's job is over."""


class FileSource(Exception):
    """The stream path turned out to be a regular file."""


def errno_of(exc):
    """errno of an OSError, IOError, socket.error or (Python 2) select.error."""
    code = getattr(exc, "errno", None)
    if code is None and exc.args:
        code = exc.args[0]
    return code


def to_bytes(text):
    """UTF-8 bytes of a text (bytes pass through)."""
    if isinstance(text, bytes):
        return text
    return text.encode("utf-8", "replace")


def to_text(data):
    """Native text of bytes (on Python 2, bytes are the native text)."""
    if isinstance(data, str):
        return data
    return data.decode("utf-8", "replace")


def message(kind, payload):
    """One hub/subscriber message: type byte, 4-byte big-endian length, payload."""
    return MSG_HEADER.pack(kind, len(payload)) + payload


class Status(object):
    """Writes state changes to stderr and tells a listener (the hub's subscribers) about them."""

    def __init__(self):
        self.line = None
        self.listener = None
        self.said_at = now()

    def set(self, state, detail=""):
        detail = " ".join(str(detail).split())
        line = state + (" " + detail if detail else "")
        if line == self.line:
            return
        self.line = line
        self.say(line)
        if self.listener is not None and state != ST_READY:
            self.listener(line)

    def say(self, line):
        """Write one status line to stderr (not remembered as the state, not told to subscribers)."""
        self.said_at = now()
        try:
            os.write(2, to_bytes(STATUS_PREFIX + line + "\n"))
        except EnvironmentError:
            pass  # nobody reads stderr: the status is advisory


class Output(object):
    """One consumer that must never block the relay: stdout (bare JPEGs) or a subscriber socket (messages).

    With a rate cap (``interval`` > 0, a live view) it holds at most the message being sent and the newest
    frame not started yet (latest wins). Without one (a recording, which wants every frame) up to MAX_BACKLOG
    frames wait, oldest first. A few status messages go out between messages.
    """

    def __init__(self, fd, interval, sock=None):
        self.fd = fd
        self.sock = sock
        self.interval = interval
        self.view = None
        self.offset = 0
        self.frames = []
        self.control = []
        self.next_at = 0.0
        self.sent_at = now()
        self.transform = None  # applied to a frame when it is sent: only frames that go out cost the work

    @property
    def pending(self):
        """The next frame to send, or None."""
        return self.frames[0] if self.frames else None

    def offer(self, frame):
        if self.interval:
            self.frames = [frame]
        else:
            self.frames.append(frame)
            del self.frames[:-MAX_BACKLOG]

    def notify(self, line):
        if self.sock is not None:
            self.control.append(message(MSG_STATUS, to_bytes(line)))
            del self.control[:-MAX_CONTROL]

    def busy(self):
        """True while a message is half sent or a status message waits."""
        return self.view is not None or bool(self.control)

    def wants_write(self, t):
        return self.busy() or (self.pending is not None and t >= self.next_at)

    def wake_at(self):
        """When a waiting frame may be sent (None: nothing waits on the clock)."""
        if self.pending is not None and not self.busy():
            return self.next_at
        return None

    def flush(self, t):
        """Write what can be written without blocking. False when the consumer is gone."""
        while True:
            if self.view is None:
                if self.control:
                    data = self.control.pop(0)
                elif self.frames and t >= self.next_at:
                    data = self.frames.pop(0)
                    if self.transform is not None:
                        data = self.transform(data)
                    if self.sock is not None:
                        data = message(MSG_FRAME, data)
                    if self.interval:
                        # Keep to the schedule: counting from the (always a little late) send would make a
                        # cap equal to the camera's rate skip a frame every few dozen. Late by a whole
                        # interval (nothing was waiting), the schedule starts again from now.
                        on_time = t - self.next_at < self.interval
                        self.next_at = (self.next_at if on_time else t) + self.interval
                else:
                    return True
                self.view = memoryview(data)
                self.offset = 0
            try:
                if self.sock is not None:
                    sent = self.sock.send(self.view[self.offset:])
                else:
                    sent = os.write(self.fd, self.view[self.offset:])
            except EnvironmentError as exc:
                if errno_of(exc) in _AGAIN:
                    return True
                return False
            if sent:
                self.sent_at = now()
            self.offset += sent
            if self.offset >= len(self.view):
                self.view = None


def load_cv2():
    """(cv2, numpy) when this Python has OpenCV, else None."""
    try:
        import cv2
        import numpy
    except Exception:  # a broken OpenCV install raises more than ImportError; then it is simply absent
        return None
    return cv2, numpy


def fit_size(width, height, box_width, box_height):
    """The largest (w, h) with the aspect ratio of width x height that fits the box (at least 1 x 1)."""
    scale = min(float(box_width) / width, float(box_height) / height)
    return max(1, int(round(width * scale))), max(1, int(round(height * scale)))


class Thumbnailer(object):
    """Turns full JPEG frames into small ones of a requested size and quality, with OpenCV when present.

    The frame is decoded at the largest DCT reduction (1/2, 1/4, 1/8) that still covers the target size, which
    skips most of the decoding work, then resized (bilinear for the < 2x left, else INTER_AREA) and encoded.
    """

    def __init__(self, on_change=None, loader=load_cv2):
        self.loader = loader
        self.loading = None  # the thread importing OpenCV, and its result
        self.on_change = on_change
        self.said = None
        self.opencv = None
        self.size = None
        self.quality = DEFAULT_QUALITY

    def request(self, width, height, quality):
        """Ask for thumbnails fitting width x height (0 for either: full frames) at JPEG quality 1..100."""
        self.size = (int(width), int(height)) if width > 0 and height > 0 else None
        self.quality = max(1, min(100, int(quality or DEFAULT_QUALITY)))
        if self.loader is None:
            self.tell()

    def load(self):
        """Import OpenCV in a thread: it takes seconds on a busy camera, and meanwhile the relay must go on
        (full frames, heartbeats) or its client takes the silence for a dead network."""
        if self.loading is None:
            if self.on_change is not None:
                # Loading a big C extension holds the interpreter for seconds on a busy camera, heartbeats
                # included: say so first, so the client waits longer before it calls the network dead.
                self.on_change(LOADING)
            result = []
            thread = threading.Thread(target=lambda: result.append(self.loader()), name="load-opencv")
            thread.daemon = True
            thread.start()
            self.loading = (thread, result)
        thread, result = self.loading
        if not thread.is_alive():
            self.opencv = result[0] if result else None
            self.loader = self.loading = None
            self.tell()

    def tell(self):
        """Call ``on_change`` with ``describe()`` when it changed since the last call."""
        text = self.describe()
        if text != self.said and self.on_change is not None:
            self.said = text
            self.on_change(text)

    def describe(self):
        """What stdout carries, as the detail of a "sending" status line."""
        if self.size is None:
            return "full"
        if self.opencv is None:
            return "full no-opencv"
        return "thumbnail %dx%d q%d" % (self.size[0], self.size[1], self.quality)

    def __call__(self, jpeg):
        if self.size is not None and self.loader is not None:
            self.load()
        if self.size is None or self.opencv is None:
            return jpeg
        cv2, numpy = self.opencv
        full = jpeg_size(jpeg)
        if full is None:
            return jpeg
        target = fit_size(full[0], full[1], self.size[0], self.size[1])
        if target[0] >= full[0] or target[1] >= full[1]:
            return jpeg  # never upscale: the frame is already as small as the tile
        flag = cv2.IMREAD_COLOR
        for factor, reduced in ((8, "IMREAD_REDUCED_COLOR_8"), (4, "IMREAD_REDUCED_COLOR_4"),
                                (2, "IMREAD_REDUCED_COLOR_2")):
            if full[0] // factor >= target[0] and full[1] // factor >= target[1] and hasattr(cv2, reduced):
                flag = getattr(cv2, reduced)
                break
        image = cv2.imdecode(numpy.frombuffer(jpeg, dtype=numpy.uint8), flag)
        if image is None:
            return jpeg  # not decodable here: the client reports what is wrong with it
        if (image.shape[1], image.shape[0]) != target:
            # After the reduced decode less than a 2x shrink is left: bilinear is right for that and costs an
            # eighth of area averaging at such fractional ratios; only a bigger shrink needs INTER_AREA.
            heavy = target[0] * 2 <= image.shape[1]
            image = cv2.resize(image, target, interpolation=cv2.INTER_AREA if heavy else cv2.INTER_LINEAR)
        ok, encoded = cv2.imencode(".jpg", image, [int(cv2.IMWRITE_JPEG_QUALITY), self.quality])
        return mark_thumbnail(encoded.tobytes()) if ok else jpeg


class Control(object):
    """Request changes read from stdin, one line each: "fps F" or "thumb W H Q"."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = b""

    def read(self):
        """The complete lines now readable as lists of words; None once stdin is closed."""
        try:
            data = os.read(self.fd, 4096)
        except EnvironmentError as exc:
            if errno_of(exc) in _AGAIN:
                return []
            return None
        if not data:
            return None
        lines = (self.buffer + data).split(b"\n")
        self.buffer = lines.pop()[-MAX_CONTROL_LINE:]
        return [to_text(line).split() for line in lines]


class Relay(object):
    """What survives a change of role: the stdout consumer, the status and the last frame sent."""

    def __init__(self, path, max_fps, stale, thumb=None, quality=DEFAULT_QUALITY):
        self.path = path
        self.stale = stale
        self.max_fps = max_fps
        self.out = Output(1, 1.0 / max_fps if max_fps > 0 else 0.0)
        self.status = Status()
        self.last = None
        self.lock_path, self.sock_path = rendezvous(path)
        self.thumbnailer = Thumbnailer(lambda text: self.status.say(ST_SENDING + " " + text))
        self.thumbnailer.request(thumb[0] if thumb else 0, thumb[1] if thumb else 0, quality)
        self.out.transform = self.thumbnailer
        self.control = Control(0)
        self.on_rate = None  # a subscriber passes a new rate on to its hub

    def set_rate(self, max_fps):
        """Cap stdout at ``max_fps`` from now on (0: every new frame)."""
        self.max_fps = max_fps
        interval = 1.0 / max_fps if max_fps > 0 else 0.0
        self.out.next_at = min(self.out.next_at, now() + interval)
        self.out.interval = interval
        if self.on_rate is not None:
            self.on_rate()

    def on_control(self, words):
        """Apply one control line; lines that do not parse are ignored (a newer client may say more)."""
        try:
            if words[0] == "fps" and len(words) == 2 and float(words[1]) >= 0:
                self.set_rate(float(words[1]))
            elif words[0] == "thumb" and len(words) == 4:
                self.thumbnailer.request(int(words[1]), int(words[2]), int(words[3]))
        except (ValueError, IndexError):
            pass

    def take(self, frame):
        """A frame from the source: True if it is new (then it goes to stdout)."""
        if frame == self.last:
            return False
        self.last = frame
        self.out.offer(frame)
        return True

    def poll(self, entries, deadline):
        """Wait for events on ``entries`` [(fd, events)] and stdout until ``deadline``; return {fd: revents}.

        Also flushes stdout and raises StdoutClosed when its reader is gone.
        """
        t = now()
        wake = self.out.wake_at()
        if wake is not None:
            deadline = min(deadline, wake)
        poller = select.poll()
        poller.register(1, select.POLLOUT if self.out.wants_write(t) else 0)
        if self.control is not None:
            poller.register(self.control.fd, select.POLLIN)
        for fd, events in entries:
            poller.register(fd, events)
        timeout = max(0, int((deadline - t) * 1000 + 0.999))
        try:
            ready = dict(poller.poll(min(timeout, 1000)))
        except (select.error, EnvironmentError) as exc:
            if errno_of(exc) != errno.EINTR:
                raise
            ready = {}
        if ready.get(1, 0) & _GONE_EVENTS:
            raise StdoutClosed()
        if self.control is not None and ready.get(self.control.fd):
            lines = self.control.read()
            if lines is None:
                self.control = None  # no more requests (a client without control, or stdin was /dev/null)
            for words in lines or ():
                if words:
                    self.on_control(words)
        t = now()
        if not self.out.flush(t):
            raise StdoutClosed()
        if t - max(self.out.sent_at, self.status.said_at) >= HEARTBEAT:
            self.status.say(ST_ALIVE)
        return ready

    def sleep(self, seconds):
        deadline = now() + seconds
        while now() < deadline:
            self.poll([], deadline)


def rendezvous_folder():
    """The one folder of this user's relay files: ``$TMPDIR`` (or /tmp) / ``deeplens-relay-<uid>``."""
    base = os.environ.get("TMPDIR") or "/tmp"
    folder = os.path.join(base, "deeplens-relay-%d" % os.getuid())
    if len(os.path.join(folder, "01234567.sock")) > 100:  # Unix socket paths are limited to ~108 bytes
        folder = os.path.join("/tmp", "deeplens-relay-%d" % os.getuid())
    return folder


def own_folder(folder):
    """Create ``folder`` 0700, or check that an existing one is ours, private and not a symlink."""
    try:
        os.mkdir(folder, 0o700)
    except EnvironmentError as exc:
        if errno_of(exc) != errno.EEXIST:
            raise
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        # Another user could then see or replace our socket: refuse rather than share it.
        raise RuntimeError("%s is not a folder of this user" % folder)
    if stat.S_IMODE(info.st_mode) & 0o077:
        os.chmod(folder, 0o700)


def rendezvous(path):
    """Lock file and socket path shared by every relay of this user on this stream path."""
    full = os.path.abspath(path)
    encode = getattr(os, "fsencode", None)
    if encode is not None:
        full = encode(full)
    stem = os.path.join(rendezvous_folder(), "%08x" % (zlib.crc32(full) & 0xFFFFFFFF))
    return stem + ".lock", stem + ".sock"


def lock_rendezvous(lock_path):
    """An fd holding the exclusive lock of ``lock_path``, or None when another relay holds it.

    A lock file is removed by the relay holding it when it ends, so the file locked here may have been
    removed meanwhile: then the lock protects nothing and None is returned too (the caller tries again).
    """
    lock_fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        held = os.fstat(lock_fd)
        current = os.stat(lock_path)
        if (held.st_dev, held.st_ino) == (current.st_dev, current.st_ino):
            return lock_fd
    except EnvironmentError as exc:
        if errno_of(exc) not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.ENOENT):
            os.close(lock_fd)
            raise
    os.close(lock_fd)
    return None


def remove_rendezvous(lock_path, sock_path):
    """Remove a path's socket and lock file (the caller holds the lock), then the folder when it is empty."""
    for name in (sock_path, lock_path):
        try:
            os.unlink(name)
        except EnvironmentError:
            pass
    try:
        os.rmdir(os.path.dirname(lock_path))
    except EnvironmentError:
        pass  # other paths' relays still use it, or one just started to


def clean_stale(folder, prefix=""):
    """Remove the lock and socket files in ``folder`` (named ``prefix``...) that no running relay holds."""
    try:
        names = [name for name in os.listdir(folder) if name.startswith(prefix)]
    except EnvironmentError:
        return
    for name in names:
        stem, ext = os.path.splitext(name)
        path = os.path.join(folder, stem)
        if ext == ".sock" and stem + ".lock" not in names:
            remove_rendezvous(path + ".lock", path + ".sock")
        elif ext == ".lock":
            lock_fd = lock_rendezvous(path + ".lock")
            if lock_fd is not None:
                remove_rendezvous(path + ".lock", path + ".sock")
                os.close(lock_fd)


def path_kind(path):
    """("fifo" | "file" | "missing" | "error", detail) for the stream path."""
    try:
        mode = os.stat(path).st_mode
    except EnvironmentError as exc:
        if errno_of(exc) in (errno.ENOENT, errno.ENOTDIR):
            return "missing", ""
        return "error", "cannot stat the stream: " + str(exc)
    if stat.S_ISFIFO(mode):
        return "fifo", ""
    if stat.S_ISREG(mode):
        return "file", ""
    return "error", "the stream path is neither a FIFO nor a file"


def pipe_bytes(fd):
    """Bytes waiting in the pipe (FIONREAD), or a typical pipe size if the call is not available."""
    try:
        return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, struct.pack("i", 0)))[0]
    except (EnvironmentError, AttributeError):
        return DEFAULT_PIPE


class Hub(object):
    """The one relay reading the FIFO; fans new frames out to stdout and to subscribers."""

    def __init__(self, relay, lock_fd):
        self.relay = relay
        self.lock_fd = lock_fd
        self.reader = FrameReader()
        self.fifo = None
        self.open_at = 0.0
        self.last_bytes_at = 0.0
        self.frame_len = DEFAULT_PIPE
        self.session_left = None
        self.session_start = 0.0
        self.next_session_at = 0.0
        self.subs = {}
        self.listener = None
        self.framed = False
        self.dropped_mark = (0, 0)
        self.baddata_at = 0.0

    def run(self):
        relay = self.relay
        try:
            if os.path.exists(relay.sock_path):
                os.unlink(relay.sock_path)  # stale: its hub is gone, since we hold the lock
            folder = os.path.dirname(relay.lock_path)
            clean_stale(folder)
            # Relays before this folder existed left theirs next to it, one pair per stream path.
            clean_stale(os.path.dirname(folder), "deeplens-relay-%d-" % os.getuid())
            self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            mask = os.umask(0o077)
            try:
                self.listener.bind(relay.sock_path)
            finally:
                os.umask(mask)
            self.listener.listen(8)
            self.listener.setblocking(False)
            relay.status.set(ST_READY, "hub")
            relay.status.listener = self.tell_subs
            while True:
                self.step()
        finally:
            relay.status.listener = None
            self.close()

    def tell_subs(self, line):
        for out, _ in self.subs.values():
            out.notify(line)

    def tick(self):
        intervals = [self.relay.out.interval] + [out.interval for out, _ in self.subs.values()]
        return max(MIN_TICK, min(MAX_TICK, min(intervals) / 3.0))

    def step(self):
        relay = self.relay
        t = now()
        if self.fifo is None and t >= self.open_at:
            self.open_fifo(t)
        deadline = t + 1.0
        entries = [(self.listener.fileno(), select.POLLIN)]
        for fd, (out, _) in self.subs.items():
            entries.append((fd, select.POLLIN | (select.POLLOUT if out.wants_write(t) else 0)))
            wake = out.wake_at()
            if wake is not None:
                deadline = min(deadline, wake)
        if self.fifo is None:
            deadline = min(deadline, self.open_at)
        else:
            if self.session_left is None and t >= self.next_session_at:
                self.session_left = pipe_bytes(self.fifo) + 2 * self.frame_len + 4096
                self.session_start = t
            if self.session_left is not None:
                entries.append((self.fifo, select.POLLIN))
            else:
                deadline = min(deadline, self.next_session_at)
            if relay.status.line != ST_NOWRITER:
                deadline = min(deadline, self.last_bytes_at + relay.stale)
        ready = relay.poll(entries, deadline)
        t = now()
        if self.fifo is not None and ready.get(self.fifo):
            self.read_fifo(t)
        elif self.fifo is not None and t - self.last_bytes_at >= relay.stale:
            relay.status.set(ST_NOWRITER)
        if ready.get(self.listener.fileno()):
            self.accept()
        for fd in list(self.subs):
            out, inbox = self.subs[fd]
            events = ready.get(fd, 0)
            alive = True
            if events & select.POLLIN or events & _GONE_EVENTS:
                alive = self.receive(fd, out, inbox)
            if alive:
                alive = out.flush(t)
            if not alive:
                self.drop(fd)

    def open_fifo(self, t):
        relay = self.relay
        kind, detail = path_kind(relay.path)
        if kind == "file":
            raise FileSource()
        if kind != "fifo":
            relay.status.set(ST_NOFIFO if kind == "missing" else ST_ERROR, detail)
            self.open_at = t + WAIT
            return
        try:
            self.fifo = os.open(relay.path, os.O_RDONLY | os.O_NONBLOCK)
        except EnvironmentError as exc:
            if errno_of(exc) in (errno.ENOENT, errno.ENOTDIR):
                relay.status.set(ST_NOFIFO)
            else:
                relay.status.set(ST_ERROR, "cannot open the stream: " + str(exc))
            self.open_at = t + WAIT
            return
        self.last_bytes_at = t
        self.session_left = None
        self.next_session_at = t
        self.framed = False
        self.dropped_mark = (self.reader.discarded_bytes, self.reader.oversized_frames)

    def close_fifo(self, t):
        if self.fifo is not None:
            os.close(self.fifo)
            self.fifo = None
        self.reader.reset()
        self.open_at = t + REOPEN_DELAY

    def read_fifo(self, t):
        """One reading session: read until the budget is spent or the pipe is empty."""
        relay = self.relay
        while self.session_left is not None:
            try:
                data = os.read(self.fifo, READ_SIZE)
            except EnvironmentError as exc:
                if errno_of(exc) in _AGAIN:
                    return
                relay.status.set(ST_ERROR, "cannot read the stream: " + str(exc))
                self.close_fifo(t)
                self.open_at = t + WAIT
                return
            if not data:
                # Every writer closed the FIFO: the Lambda stopped. Open it again to wait for the next one.
                relay.status.set(ST_NOWRITER)
                self.close_fifo(t)
                return
            self.last_bytes_at = t
            self.session_left -= len(data)
            if self.session_left <= 0:
                self.session_left = None
                self.next_session_at = self.session_start + self.tick()
            for frame in self.reader.feed(data):
                if not self.framed:
                    self.framed = True
                    self.dropped_mark = (self.reader.discarded_bytes, self.reader.oversized_frames)
                self.frame_len = len(frame)
                relay.status.set(ST_STREAMING)
                if relay.take(frame):
                    for out, _ in self.subs.values():
                        out.offer(frame)
            self.report_dropped(t)

    def report_dropped(self, t):
        """Say (at most once per BADDATA_EVERY) that the FIFO carries bytes that are not whole JPEG frames."""
        dropped = self.reader.discarded_bytes - self.dropped_mark[0]
        oversized = self.reader.oversized_frames - self.dropped_mark[1]
        if dropped <= 0 or t < self.baddata_at or (not self.framed and dropped < LEAD_IN and not oversized):
            return
        self.baddata_at = t + BADDATA_EVERY
        self.relay.status.set(ST_BADDATA, "%d %d" % (dropped, oversized))

    def accept(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except EnvironmentError as exc:
                if errno_of(exc) in _AGAIN or errno_of(exc) == errno.ECONNABORTED:
                    return
                raise
            conn.setblocking(False)
            out = Output(conn.fileno(), 0.0, sock=conn)
            if self.relay.status.line and not self.relay.status.line.startswith(ST_READY):
                out.notify(self.relay.status.line)
            if self.relay.last is not None:
                out.offer(self.relay.last)  # a newcomer gets a picture at once, even if the scene is still
            self.subs[conn.fileno()] = (out, bytearray())

    def receive(self, fd, out, inbox):
        """Read a subscriber's hello (its max fps) or notice it left. False when it is gone."""
        try:
            data = out.sock.recv(4096)
        except EnvironmentError as exc:
            return errno_of(exc) in _AGAIN
        if not data:
            return False
        inbox += data
        while len(inbox) >= MSG_HEADER.size:
            kind, length = MSG_HEADER.unpack(bytes(inbox[: MSG_HEADER.size]))
            if kind != MSG_HELLO or length > 64:
                return False
            if len(inbox) < MSG_HEADER.size + length:
                break
            text = to_text(bytes(inbox[MSG_HEADER.size : MSG_HEADER.size + length]))
            del inbox[: MSG_HEADER.size + length]
            try:
                fps = float(text)
            except ValueError:
                return False
            out.interval = 1.0 / fps if fps > 0 else 0.0
        return True

    def drop(self, fd):
        out, _ = self.subs.pop(fd)
        out.sock.close()

    def close(self):
        for fd in list(self.subs):
            self.drop(fd)
        if self.listener is not None:
            self.listener.close()
        if self.fifo is not None:
            os.close(self.fifo)
            self.fifo = None


class Subscriber(object):
    """A relay that gets new frames from the hub over its socket and applies its own rate cap."""

    def __init__(self, relay, sock):
        self.relay = relay
        self.sock = sock
        self.inbox = bytearray()

    def run(self):
        """Returns when the hub went away."""
        relay = self.relay
        try:
            self.hello()
            self.sock.setblocking(False)
            relay.status.set(ST_READY, "sub")
            relay.on_rate = self.hello
            while True:
                ready = relay.poll([(self.sock.fileno(), select.POLLIN)], now() + 1.0)
                if ready.get(self.sock.fileno()) and not self.receive():
                    return
        except socket.error as exc:
            if errno_of(exc) in (errno.EPIPE, errno.ECONNRESET, errno.ECONNREFUSED):
                return
            raise
        finally:
            relay.on_rate = None
            self.sock.close()

    def hello(self):
        """Tell the hub the rate this relay's viewer wants (again when it changes)."""
        self.sock.sendall(message(MSG_HELLO, to_bytes(repr(float(self.relay.max_fps)))))

    def receive(self):
        try:
            data = self.sock.recv(262144)
        except EnvironmentError as exc:
            return errno_of(exc) in _AGAIN
        if not data:
            return False
        inbox = self.inbox
        inbox += data
        size = MSG_HEADER.size
        while len(inbox) >= size:
            kind, length = MSG_HEADER.unpack(bytes(inbox[:size]))
            if length > MAX_MESSAGE:
                return False
            if len(inbox) < size + length:
                break
            payload = bytes(inbox[size : size + length])
            del inbox[: size + length]
            if kind == MSG_FRAME:
                self.relay.take(payload)
            elif kind == MSG_STATUS:
                line = to_text(payload)
                state, _, detail = line.partition(" ")
                self.relay.status.set(state, detail)
        return True


def become_hub_or_subscriber(relay):
    """One election round: a Hub or a Subscriber, or None when the hub is still starting."""
    try:
        own_folder(os.path.dirname(relay.lock_path))
        lock_fd = lock_rendezvous(relay.lock_path)
    except EnvironmentError as exc:
        if errno_of(exc) != errno.ENOENT:
            raise
        lock_fd = None  # the last relay of another path removed the folder just now: try again
    if lock_fd is not None:
        return Hub(relay, lock_fd)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.connect(relay.sock_path)
    except EnvironmentError:
        sock.close()
        return None
    return Subscriber(relay, sock)


def stream_file(relay):
    """The path is a regular file (e.g. a recording): stream each new frame of it once, then end."""
    relay.status.set(ST_NOTFIFO)
    reader = FrameReader()
    out = relay.out
    with open(relay.path, "rb") as source:
        while True:
            data = source.read(READ_SIZE)
            for frame in reader.feed(data):
                relay.take(frame)
                while out.pending is not None or out.busy():  # no frame of a file is dropped
                    relay.poll([], now() + 1.0)
            if not data:
                return


def serve(relay):
    """Elect a role, run it, elect again when the hub goes away."""
    while True:
        kind, detail = path_kind(relay.path)
        if kind == "file":
            stream_file(relay)
            return
        role = become_hub_or_subscriber(relay)
        if role is None:
            relay.sleep(WAIT / 2)
            continue
        try:
            role.run()
        except FileSource:
            stream_file(relay)
            return
        finally:
            if isinstance(role, Hub):
                # Subscribers, if any, elect a new hub, which creates the files again.
                remove_rendezvous(relay.lock_path, relay.sock_path)
                os.close(role.lock_fd)


def parse_args(argv):
    """[--max-fps F] [--stale S] [--thumb WxH] [--quality Q] [--] PATH (after "--" a path starting with a dash is data)."""
    parser = argparse.ArgumentParser(prog="relay.py", description="Relay new frames of a DeepLens stream.")
    parser.add_argument("path")
    parser.add_argument("--max-fps", type=float, default=0.0, help="frame rate cap, 0 for none")
    parser.add_argument("--stale", type=float, default=2.0, help="seconds without bytes before 'nowriter'")
    parser.add_argument("--thumb", type=parse_box, default=None, help="WxH: send thumbnails fitting this box")
    parser.add_argument("--quality", type=int, default=DEFAULT_QUALITY, help="JPEG quality of thumbnails")
    args = parser.parse_args(argv)
    if not args.max_fps >= 0 or not args.stale > 0:
        parser.error("--max-fps must be >= 0 and --stale > 0")
    return args


def parse_box(text):
    """"WxH" as (W, H), both > 0."""
    width, _, height = text.lower().partition("x")
    box = (int(width), int(height))
    if min(box) <= 0:
        raise ValueError(text)
    return box


def _raise_exit(signum, frame):
    """SIGTERM/SIGHUP: leave through the clean-up code (socket file, lock, stdout flags)."""
    raise SystemExit(0)


def main(argv):
    """Run the relay until stdout closes (exit 0), a regular file is fully sent (0) or a bug (1)."""
    args = parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # a closed stdout must be an EPIPE error, not a kill
    signal.signal(signal.SIGTERM, _raise_exit)  # clean up the socket file on the way out
    signal.signal(signal.SIGHUP, _raise_exit)
    flags = fcntl.fcntl(1, fcntl.F_GETFL)
    fcntl.fcntl(1, fcntl.F_SETFL, flags | os.O_NONBLOCK)
    relay = Relay(args.path, args.max_fps, args.stale, args.thumb, args.quality)
    try:
        serve(relay)
        while relay.out.busy() or relay.out.pending is not None:
            relay.poll([], now() + 1.0)
    except (StdoutClosed, KeyboardInterrupt):
        pass
    except Exception as exc:
        relay.status.set(ST_ERROR, "%s: %s" % (type(exc).__name__, exc))
        try:
            os.write(2, to_bytes(traceback.format_exc()))
        except EnvironmentError:
            pass
        return 1
    finally:
        try:
            fcntl.fcntl(1, fcntl.F_SETFL, flags)
        except EnvironmentError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
