"""The device-side relay, run here as a subprocess against a DeepLens-like FIFO writer."""

import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time

import psutil
import pytest

from deeplens_gui import remote
from deeplens_gui.core import commands
from deeplens_gui.core.commands import parse_relay_status, relay_command
from deeplens_gui.core.mjpeg import FrameReader
from deeplens_gui.remote import relay
from tests.device.conftest import require_python27
from tests.fixtures.frames import make_jpegs


class RelayRun:
    """A relay subprocess whose stdout is parsed into frames and whose stderr is parsed into states."""

    def __init__(self, argv, cwd=None, env=None, read_stdout=True, stdin=subprocess.DEVNULL):
        # Its own process group: with ``sh -c`` the relay is a grandchild, and close() must reach it.
        self.proc = subprocess.Popen(
            argv,
            stdin=stdin,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env,
            start_new_session=True,
        )
        self.ps = psutil.Process(self.proc.pid)
        self.frames = []  # (arrival time, frame)
        self.bytes_out = 0
        self.statuses = []  # (arrival time, state, detail)
        self.other_stderr = []
        self.reader = FrameReader()
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._read_stderr, name="relay-stderr", daemon=True)]
        if read_stdout:
            self._threads.append(threading.Thread(target=self._read_stdout, name="relay-stdout", daemon=True))
        for thread in self._threads:
            thread.start()

    def _read_stdout(self):
        fd = self.proc.stdout.fileno()
        while True:
            data = os.read(fd, 65536)
            if not data:
                return
            now = time.monotonic()
            with self._lock:
                self.bytes_out += len(data)
                self.frames.extend((now, frame) for frame in self.reader.feed(data))

    def _read_stderr(self):
        fd, rest = self.proc.stderr.fileno(), b""
        while True:
            data = os.read(fd, 4096)
            if not data:
                return
            *lines, rest = (rest + data).split(b"\n")
            for raw in lines:
                self._status_line(raw)

    def _status_line(self, raw):
        parsed = parse_relay_status(raw)
        with self._lock:
            if parsed is None:
                self.other_stderr.append(raw.decode("utf-8", "replace") + "\n")
            else:
                self.statuses.append((time.monotonic(), parsed[0], parsed[1]))

    def got(self):
        with self._lock:
            return [frame for _, frame in self.frames]

    def states(self):
        """State changes in order (heartbeats are not state changes; see ``heartbeats``)."""
        with self._lock:
            return [state if not detail else state + " " + detail for _, state, detail in self.statuses
                    if state != commands.RELAY_ALIVE]

    def heartbeats(self):
        """When each ``alive`` line arrived (monotonic seconds)."""
        with self._lock:
            return [at for at, state, _ in self.statuses if state == commands.RELAY_ALIVE]

    def wait_for(self, predicate, timeout=10.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return True
            if self.proc.poll() is not None and not predicate():
                time.sleep(0.1)  # let the reader threads drain what the process wrote
                return predicate()
            time.sleep(0.02)
        return predicate()

    def wait_state(self, state, timeout=10.0):
        return self.wait_for(lambda: state in self.states(), timeout)

    def close(self):
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.proc.wait(10)
        for thread in self._threads:
            thread.join(10)
        for stream in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if stream is not None and not stream.closed:
                stream.close()

    def diagnostics(self):
        return "states={} stderr={}".format(self.states(), "".join(self.other_stderr)[-2000:])


@pytest.fixture
def run_relay():
    """Factory: ``run_relay(path, *options, via="python"|"sh", python=None, env=None, ...)`` starts a relay.

    The relays of one test share a private TMPDIR for their lock and socket files.
    """
    runs = []
    rendezvous_dir = tempfile.mkdtemp(prefix="dlr-")

    def start(path, *options, via="python", python=None, read_stdout=True, env=None, argv=None, **kwargs):
        env = dict(os.environ if env is None else env, TMPDIR=rendezvous_dir)
        options = [str(o) for o in options]
        if argv is not None:
            pass  # a command built by the test
        elif via == "sh":
            fps = options[options.index("--max-fps") + 1] if "--max-fps" in options else 0.0
            stale = options[options.index("--stale") + 1] if "--stale" in options else 2.0
            argv = ["sh", "-c", relay_command(str(path), max_fps=fps, stale=stale)]
        else:
            argv = list(python or [sys.executable]) + ["-c", remote.script("relay"), str(path)] + options
        run = RelayRun(argv, read_stdout=read_stdout, env=env, **kwargs)
        runs.append(run)
        return run

    start.tmpdir = rendezvous_dir
    yield start
    for run in runs:
        run.close()
    shutil.rmtree(rendezvous_dir)


def _indices(frames, produced):
    """Position of each output frame in what the writer produced; fails if a frame is not byte-identical."""
    lookup = {frame: i for i, frame in enumerate(produced)}
    missing = [len(f) for f in frames if f not in lookup]
    assert not missing, f"relay output frames that the writer never produced (sizes {missing})"
    return [lookup[f] for f in frames]


def _assert_every_new_frame(run, writer):
    got = run.got()
    idx = _indices(got, writer.produced)
    assert idx == list(range(idx[0], idx[0] + len(idx))), f"missing, repeated or reordered frames: {idx}"
    assert idx[-1] == len(writer.frames) - 1
    assert idx[0] <= 2, f"the relay started late: first frame {idx[0]}"
    assert run.bytes_out <= 1.2 * sum(map(len, got)), "duplicates were sent"


@pytest.mark.parametrize("via", ["python", "sh"])
def test_relay_sends_each_new_frame_once_in_order(deeplens_fifo, run_relay, via):
    writer = deeplens_fifo(frames=make_jpegs(45), fps=30)
    run = run_relay(writer.path, "--max-fps", 0, via=via)
    assert run.wait_for(lambda: writer.frames[-1] in run.got(), 20), run.diagnostics()
    assert writer.produced == writer.frames
    assert writer.complete_writes > 2 * len(writer.frames), "the writer should re-send its current frame"
    _assert_every_new_frame(run, writer)
    assert run.states()[:2] == ["ready hub", "streaming"]


def test_rate_cap_keeps_the_newest_frame(deeplens_fifo, run_relay):
    frames = make_jpegs(120)  # 4 s at 30 fps
    writer = deeplens_fifo(frames=frames, fps=30)
    run = run_relay(writer.path, "--max-fps", 5)
    assert run.wait_for(lambda: len(run.got()) >= 2, 10), run.diagnostics()
    start = time.monotonic()
    time.sleep(2.0)
    with run._lock:
        in_window = [t for t, _ in run.frames if start <= t < start + 2.0]
    assert 5 <= len(in_window) <= 12, len(in_window)
    assert run.wait_for(lambda: writer.done, 10)
    assert run.wait_for(lambda: run.got()[-1] == frames[-1], 2.0), "the newest frame was not delivered"
    idx = _indices(run.got(), writer.produced)
    assert idx == sorted(set(idx)), "frames repeated or out of order"
    assert len(idx) < len(frames) / 3, "the cap did not drop anything"


def test_a_cap_equal_to_the_camera_rate_keeps_every_frame():
    # The relay's poll always wakes a little after a frame's slot. Counting the next slot from the late send
    # made a 15 fps cap on a 15 fps camera drift until a frame was replaced before its turn every few dozen;
    # the schedule must hold instead. A clock stands in for time, a pipe for stdout.
    read_fd, write_fd = os.pipe()
    try:
        out = relay.Output(write_fd, 1.0 / 15)
        # The FIFO is read in sessions, so a frame is seen up to a few ms after it was written.
        arrivals = [100.0 + index / 15.0 + 0.01 * (index % 2) for index in range(150)]
        sent, index, late = [], 0, 0.004
        while index < len(arrivals) or out.pending is not None:
            wake = out.wake_at()
            if wake is None or (index < len(arrivals) and arrivals[index] <= wake + late):
                out.offer(b"frame %d" % index)
                out.flush(arrivals[index])
                index += 1
            else:
                out.flush(wake + late)
            data = os.read(read_fd, 100) if out.pending is None and not out.busy() else b""
            if data:
                sent.append(data)
        assert sent == [b"frame %d" % index for index in range(150)]
    finally:
        os.close(read_fd)
        os.close(write_fd)


def test_waits_for_a_missing_fifo_then_streams(deeplens_fifo, run_relay, tmp_path):
    path = tmp_path / "results.mjpeg"
    run = run_relay(path, "--stale", 1)
    assert run.wait_state("nofifo", 5), run.diagnostics()
    cpu = run.ps.cpu_times()
    time.sleep(2.0)
    used = sum(run.ps.cpu_times()[:2]) - sum(cpu[:2])
    assert used < 0.2, f"waiting for the FIFO used {used:.2f} s of CPU in 2 s"
    writer = deeplens_fifo(frames=make_jpegs(20), path=path)
    assert run.wait_for(lambda: writer.frames[-1] in run.got(), 15), run.diagnostics()
    _assert_every_new_frame(run, writer)
    assert run.states()[:3] == ["ready hub", "nofifo", "streaming"]
    assert run.proc.poll() is None


def test_writer_crash_reports_nowriter_and_recovers(deeplens_fifo, run_relay):
    frames = make_jpegs(60)
    writer = deeplens_fifo(frames=frames, fps=30)
    run = run_relay(writer.path, "--stale", 1)
    assert run.wait_for(lambda: len(run.got()) >= 10, 10), run.diagnostics()
    writer.crash()
    crashed_at = len(writer.produced)
    assert run.wait_state("nowriter", 5), run.diagnostics()
    cpu = run.ps.cpu_times()
    time.sleep(2.0)
    used = sum(run.ps.cpu_times()[:2]) - sum(cpu[:2])
    assert used < 0.2, f"waiting for a writer used {used:.2f} s of CPU in 2 s"
    seen = len(run.states())
    writer.restart()
    assert run.wait_for(lambda: frames[-1] in run.got(), 15), run.diagnostics()
    assert "streaming" in run.states()[seen:]
    idx = _indices(run.got(), writer.produced)
    assert idx == sorted(set(idx))
    assert max(idx) == len(frames) - 1 and any(i >= crashed_at for i in idx)


def test_silent_writer_is_reported_after_stale_seconds(deeplens_fifo, run_relay, tmp_path):
    # A writer that opened the FIFO but never writes (a hung Lambda): no EOF, only silence.
    path = tmp_path / "results.mjpeg"
    os.mkfifo(path)
    run = run_relay(path, "--stale", 0.5)
    fd = None
    deadline = time.monotonic() + 5
    while fd is None and time.monotonic() < deadline:
        try:
            fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until the relay opened it
        except OSError:
            time.sleep(0.05)
    assert fd is not None, run.diagnostics()
    try:
        os.write(fd, make_jpegs(1)[0])
        assert run.wait_state("streaming", 5), run.diagnostics()
        assert run.wait_state("nowriter", 3), run.diagnostics()
        assert run.proc.poll() is None
    finally:
        os.close(fd)


def test_two_relays_share_the_fifo_and_the_subscriber_takes_over(deeplens_fifo, run_relay):
    frames = make_jpegs(180)  # 6 s at 30 fps
    writer = deeplens_fifo(frames=frames, fps=30)
    hub = run_relay(writer.path)
    assert hub.wait_for(lambda: len(hub.got()) >= 3, 10), hub.diagnostics()
    sub = run_relay(writer.path)
    assert sub.wait_state("ready sub", 5), sub.diagnostics()
    assert sub.wait_for(lambda: len(sub.got()) >= 15, 10), sub.diagnostics()
    hub_got = hub.got()
    killed_at = len(writer.produced)
    hub.proc.kill()  # no clean-up at all: the socket file stays behind
    hub.proc.wait(5)
    assert sub.wait_state("ready hub", 5), sub.diagnostics()
    assert sub.wait_for(lambda: frames[-1] in sub.got(), 15), sub.diagnostics()

    sub_idx = _indices(sub.got(), writer.produced)
    hub_idx = _indices(hub_got, writer.produced)
    assert hub_idx == sorted(set(hub_idx)) and sub_idx == sorted(set(sub_idx)), "repeated or reordered frames"
    # While both ran, the subscriber got what the hub got (the hub hands every new frame on).
    overlap = [i for i in hub_idx if i >= sub_idx[0]]
    common = set(overlap) & set(sub_idx)
    assert len(overlap) >= 10 and len(common) >= 0.9 * len(overlap), (len(overlap), len(common))
    # After the takeover the former subscriber reads the FIFO itself and misses nothing new.
    after = [i for i in sub_idx if i > killed_at + 5]
    assert after == list(range(after[0], len(frames))), after
    states = sub.states()
    assert states[:2] == ["ready sub", "streaming"]
    # A dying hub closes its socket and its lock in one exit, but not at one instant: the subscriber may
    # briefly reach the old listener again before it wins the lock. It must end up as the hub either way.
    assert "ready hub" in states[2:] and set(states[2:states.index("ready hub")]) <= {"ready sub", "streaming"}


def test_closing_stdout_ends_the_relay_promptly(deeplens_fifo, run_relay, tmp_path):
    waiting = run_relay(tmp_path / "missing.mjpeg", read_stdout=False)
    assert waiting.wait_state("nofifo", 5), waiting.diagnostics()
    writer = deeplens_fifo(frames=make_jpegs(90))
    streaming = run_relay(writer.path, read_stdout=False)
    assert streaming.wait_state("streaming", 10), streaming.diagnostics()
    assert os.read(streaming.proc.stdout.fileno(), 1000)
    for run in (waiting, streaming):
        started = time.monotonic()
        run.proc.stdout.close()
        assert run.proc.wait(5) == 0
        assert time.monotonic() - started < 1.5


def test_subscriber_ends_when_its_stdout_closes_and_hub_keeps_going(deeplens_fifo, run_relay):
    writer = deeplens_fifo(frames=make_jpegs(120))
    hub = run_relay(writer.path)
    assert hub.wait_state("streaming", 10), hub.diagnostics()
    sub = run_relay(writer.path, read_stdout=False)
    assert sub.wait_state("ready sub", 5), sub.diagnostics()
    started = time.monotonic()
    sub.proc.stdout.close()
    assert sub.proc.wait(5) == 0
    assert time.monotonic() - started < 1.5
    assert hub.wait_for(lambda: writer.frames[-1] in hub.got(), 15), hub.diagnostics()
    assert hub.proc.poll() is None


def test_a_late_subscriber_gets_the_current_frame_of_a_still_scene(deeplens_fifo, run_relay):
    frames = make_jpegs(3)
    writer = deeplens_fifo(frames=frames, fps=30)
    hub = run_relay(writer.path)
    assert hub.wait_for(lambda: frames[-1] in hub.got(), 10), hub.diagnostics()
    # Nothing new will come (the Lambda re-sends its last frame), yet the newcomer must see a picture.
    sub = run_relay(writer.path, "--max-fps", 5)
    assert sub.wait_for(lambda: sub.got() == [frames[-1]], 5), sub.diagnostics()
    assert sub.states()[:2] == ["ready sub", "streaming"]


def test_regular_file_is_streamed_once_then_the_relay_ends(run_relay, tmp_path):
    a, b, c = make_jpegs(3)
    path = tmp_path / "recording.mjpeg"
    path.write_bytes(b"junk" + a + a + a + b + c + c)
    run = run_relay(path)
    assert run.proc.wait(10) == 0
    assert run.wait_for(lambda: len(run.got()) >= 3, 2)
    assert run.got() == [a, b, c]
    assert "notfifo" in run.states()


NASTY_NAME = 'my cam\'s "stream" $(touch pwned1) ; touch pwned2 `touch pwned3` & | *.mjpeg'


def test_command_quotes_a_hostile_path(deeplens_fifo, run_relay, tmp_path):
    work = tmp_path / "work dir"
    work.mkdir()
    path = work / NASTY_NAME
    writer = deeplens_fifo(frames=make_jpegs(20), path=path)
    run = run_relay(path, via="sh", cwd=str(work))
    assert run.wait_for(lambda: writer.frames[-1] in run.got(), 15), run.diagnostics()
    _assert_every_new_frame(run, writer)
    assert sorted(os.listdir(work)) == [NASTY_NAME], "the path was interpreted by the shell"
    assert sorted(os.listdir(tmp_path)) == ["work dir"]


@pytest.mark.parametrize("name", ["-x.mjpeg", "--max-fps", "a b\nc 'd' \"e\" $(touch pwned1).mjpeg"])
def test_a_path_starting_with_a_dash_or_holding_newlines_is_data(deeplens_fifo, run_relay, tmp_path, name):
    work = tmp_path / "work"
    work.mkdir()
    decoy = deeplens_fifo(frames=make_jpegs(5, start=100), path=work / "x.mjpeg")
    writer = deeplens_fifo(frames=make_jpegs(20), path=work / name)
    run = run_relay(name, via="sh", cwd=str(work))  # relative: the argument itself starts with the dash
    assert run.wait_for(lambda: writer.frames[-1] in run.got(), 15), run.diagnostics()
    _assert_every_new_frame(run, writer)
    assert not set(run.got()) & set(decoy.frames)
    assert sorted(os.listdir(work)) == sorted([name, "x.mjpeg"]), "the path was interpreted by the shell"


def _stop_gracefully(run, how):
    """End a relay the ways an SSH session ends: its stdout closes, or sshd sends SIGHUP/SIGTERM."""
    if how == "stdout":
        run.proc.stdout.close()
    else:
        os.killpg(run.proc.pid, how)
    assert run.proc.wait(5) == 0, run.diagnostics()


def test_fifty_relay_cycles_leave_no_files_behind(deeplens_fifo, run_relay):
    writer = deeplens_fifo(frames=make_jpegs(400), fps=30)
    folder = os.path.join(run_relay.tmpdir, f"deeplens-relay-{os.getuid()}")
    ways = ["stdout", signal.SIGHUP, signal.SIGTERM]
    for cycle in range(50):
        hub = run_relay(writer.path, read_stdout=False)
        assert hub.wait_state("ready hub", 10), hub.diagnostics()
        assert stat.S_IMODE(os.lstat(folder).st_mode) == 0o700
        assert sorted(name[-5:] for name in os.listdir(folder)) == [".lock", ".sock"]
        sub = None
        if cycle % 5 == 0:  # now and then a second viewer, which takes over as the hub
            sub = run_relay(writer.path, read_stdout=False)
            assert sub.wait_state("ready sub", 10), sub.diagnostics()
        _stop_gracefully(hub, ways[cycle % 3])
        if sub is not None:
            assert sub.wait_state("ready hub", 10), sub.diagnostics()
            _stop_gracefully(sub, ways[(cycle + 1) % 3])
    assert os.listdir(run_relay.tmpdir) == []


def test_files_of_killed_relays_are_cleaned_by_the_next_hub(deeplens_fifo, run_relay, tmp_path):
    writers = [deeplens_fifo(frames=make_jpegs(200), path=tmp_path / f"s{i}.mjpeg") for i in range(2)]
    killed = run_relay(writers[0].path, read_stdout=False)
    assert killed.wait_state("ready hub", 10), killed.diagnostics()
    killed.close()  # SIGKILL: no clean-up of its own
    legacy = [os.path.join(run_relay.tmpdir, f"deeplens-relay-{os.getuid()}-0badf00d{ext}")
              for ext in (".lock", ".sock")]
    for path in legacy:  # what relays before the private folder left in /tmp
        open(path, "w").close()
    folder = os.path.join(run_relay.tmpdir, f"deeplens-relay-{os.getuid()}")
    assert len(os.listdir(folder)) == 2
    hub = run_relay(writers[1].path, read_stdout=False)
    assert hub.wait_state("ready hub", 10), hub.diagnostics()
    assert len(os.listdir(folder)) == 2, "only the new hub's pair is left"
    assert not any(os.path.exists(path) for path in legacy)
    _stop_gracefully(hub, "stdout")
    assert os.listdir(run_relay.tmpdir) == []


def test_a_rendezvous_folder_that_is_a_symlink_is_refused(deeplens_fifo, run_relay, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(str(elsewhere), os.path.join(run_relay.tmpdir, f"deeplens-relay-{os.getuid()}"))
    writer = deeplens_fifo(frames=make_jpegs(5))
    run = run_relay(writer.path, read_stdout=False)
    assert run.wait_for(lambda: any(state.startswith("error") for state in run.states()), 10), run.diagnostics()
    assert run.proc.wait(5) == 1
    assert os.listdir(elsewhere) == []


def test_without_python_the_command_falls_back_to_cat(deeplens_fifo, run_relay, tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("sh", "cat"):
        os.symlink(shutil.which(tool), bin_dir / tool)
    writer = deeplens_fifo(frames=make_jpegs(5), fps=30)
    run = run_relay(writer.path, via="sh", env={"PATH": str(bin_dir)})
    assert run.wait_state("nopython", 5), run.diagnostics()
    assert run.wait_for(lambda: len(run.got()) >= 50, 10)
    got = run.got()
    _indices(got, writer.produced)
    assert len(set(got)) < len(got), "cat passes the Lambda's duplicates through"


def test_relay_command_shape_and_validation():
    command = relay_command("/tmp/results.mjpeg", max_fps=5, stale=1.5)
    assert command.startswith("sh -c ")
    assert command.endswith("/tmp/results.mjpeg 5.0 1.5")
    assert len(command) < 100_000, "the command line must stay well below the kernel's per-argument limit"
    assert relay_command().endswith("/tmp/results.mjpeg 0.0 2.0")
    for bad in ({"max_fps": -1}, {"max_fps": float("nan")}, {"stale": 0}, {"stale": float("inf")}):
        with pytest.raises(ValueError):
            relay_command("/tmp/x", **bad)
    with pytest.raises(ValueError):
        relay_command("")


def test_parse_relay_status():
    assert parse_relay_status("deeplens-relay: ready hub\n") == ("ready", "hub")
    assert parse_relay_status(b"deeplens-relay: streaming\r\n") == ("streaming", "")
    assert parse_relay_status("deeplens-relay: error cannot open the stream: denied") == (
        "error",
        "cannot open the stream: denied",
    )
    assert parse_relay_status("Traceback (most recent call last):") is None
    assert parse_relay_status("deeplens-relay: ") is None
    # The relay's own names and the client's must agree.
    device = {relay.ST_READY, relay.ST_NOFIFO, relay.ST_NOTFIFO, relay.ST_NOWRITER, relay.ST_STREAMING}
    device.update([relay.ST_ERROR, relay.ST_ALIVE, relay.ST_BADDATA, relay.ST_SENDING])
    assert parse_relay_status("deeplens-relay: alive\n") == (commands.RELAY_ALIVE, "")
    assert device | {commands.RELAY_NOPYTHON} == commands.RELAY_STATES
    assert relay.STATUS_PREFIX == commands.RELAY_STATUS_PREFIX


def test_relay_script_is_self_contained_and_cached():
    script = remote.script("relay")
    assert script is remote.script("relay")
    # The reader is defined as the module ``frames`` that the relay imports, in front of the relay's own file.
    assert script.endswith(remote.source("relay"))
    preamble = script[:-len(remote.source("relay"))]
    assert "ModuleType('frames')" in preamble and repr(remote.source("frames")) in preamble
    assert "\nclass FrameReader(" not in script


def test_relay_on_python2_with_a_python3_subscriber(deeplens_fifo, run_relay):
    argv, env = [require_python27()], None
    frames = make_jpegs(90)
    writer = deeplens_fifo(frames=frames, fps=30)
    hub = run_relay(writer.path, "--max-fps", 0, python=argv, env=env)
    assert hub.wait_state("streaming", 10), hub.diagnostics()
    sub = run_relay(writer.path, "--max-fps", 10)
    assert sub.wait_state("ready sub", 5), sub.diagnostics()
    assert hub.wait_for(lambda: frames[-1] in hub.got(), 20), hub.diagnostics()
    assert sub.wait_for(lambda: frames[-1] in sub.got(), 5), sub.diagnostics()
    _assert_every_new_frame(hub, writer)
    sub_idx = _indices(sub.got(), writer.produced)
    assert sub_idx == sorted(set(sub_idx)) and len(sub_idx) >= 5
    # The Python 2 hub leaves cleanly, the Python 3 subscriber takes over.
    hub.proc.send_signal(signal.SIGTERM)
    assert hub.proc.wait(5) == 0
    assert sub.wait_state("ready hub", 5), sub.diagnostics()


def test_the_relay_command_fits_in_one_argument_of_the_cameras_shell():
    # sshd runs the whole command as one argument of `sh -c`, and Linux refuses a single argument longer than
    # MAX_ARG_STRLEN (32 pages: 128 KiB) with "Argument list too long": the relay's text must stay below it.
    longest = relay_command("/tmp/" + "x" * 200 + ".mjpeg", max_fps=15, thumb=(1920, 1080))
    assert len(longest.encode("utf-8")) < 128 * 1024 - 4096, len(longest)
