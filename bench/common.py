"""Shared helpers of the benchmarks: machine facts, statistics, realistic streams, servers, the Qt harness, reports.

Every benchmark returns a ``Section``; ``write_sections`` merges them into docs/BENCHMARKS.md, keeping the
sections of benchmarks that were not rerun.
"""

import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import psutil

REPO = Path(__file__).resolve().parent.parent
DOC = REPO / "docs" / "BENCHMARKS.md"
#: OpenCV's default JPEG quality, which the DeepLens samples' LocalDisplay uses.
DEEPLENS_QUALITY = 95
FPS = 15.0
SIZES = {"480p": (858, 480), "720p": (1280, 720), "1080p": (1920, 1080)}
#: the machine's load when the benchmarks started (``machine_info`` runs when a report is written, at the end)
_LOAD_AT_START = os.getloadavg()[0]

# --------------------------------------------------------------------------------------------- statistics


def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")


def percentile(values, q):
    """The ``q``-th percentile (0..100) by linear interpolation; nan for no values."""
    values = sorted(v for v in values if v is not None)
    if not values:
        return float("nan")
    return float(np.percentile(np.array(values), q))


def slope_per_minute(samples):
    """Least-squares slope of ``[(seconds, value), ...]`` in value units per minute."""
    if len(samples) < 3:
        return float("nan")
    t = np.array([s[0] for s in samples], float) / 60.0
    v = np.array([s[1] for s in samples], float)
    return float(np.polyfit(t, v, 1)[0])


def fmt(value, digits=2):
    if value is None or (isinstance(value, float) and value != value):
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return "{0:.{1}f}".format(value, digits)


# --------------------------------------------------------------------------------------------- machine facts


def cpu_model():
    try:
        with open("/proc/cpuinfo") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _first_line(command):
    try:
        out = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=10).stdout
    except (OSError, subprocess.TimeoutExpired):
        return "not found"
    return out.decode("utf-8", "replace").strip().splitlines()[0] if out.strip() else "unknown"


def machine_info():
    """Machine, versions and date, as (label, value) pairs."""
    import paramiko
    from PyQt5.QtCore import PYQT_VERSION_STR, QT_VERSION_STR

    ffmpeg = _first_line(["ffmpeg", "-version"])
    ffmpeg = " ".join(ffmpeg.split()[:3])
    openssh = _first_line(["ssh", "-V"]).split(",")[0]
    return [
        ("date", datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")),
        ("CPU", "{0}, {1} cores ({2} logical)".format(cpu_model(), psutil.cpu_count(logical=False) or "?",
                                                      psutil.cpu_count())),
        ("memory", "{0:.1f} GB".format(psutil.virtual_memory().total / 2 ** 30)),
        ("OS", "{0} {1}".format(platform.system(), platform.release())),
        ("Python", platform.python_version()),
        ("Qt / PyQt5", "{0} / {1}".format(QT_VERSION_STR, PYQT_VERSION_STR)),
        ("paramiko", paramiko.__version__),
        ("OpenCV / numpy", "{0} / {1}".format(cv2.__version__, np.__version__)),
        ("ffmpeg", ffmpeg),
        ("OpenSSH", openssh),
        ("load when started", "{0:.2f}, at the end {1:.2f} (1-min load averages; other work shares this "
                              "machine)".format(_LOAD_AT_START, os.getloadavg()[0])),
    ]


# --------------------------------------------------------------------------------------------- streams

#: The frame index is stamped into the picture as blocks of black/white, so a benchmark can tell which frame
#: a painted QImage shows without the app parsing anything: a white and a black sync block, then STAMP_BITS bits.
STAMP_BITS = 10
STAMP_BLOCK = 16


def stamp(image, index):
    """Draw ``index`` (mod 2**STAMP_BITS) into the top-left corner of ``image`` (BGR, in place)."""
    b = STAMP_BLOCK
    bits = [1, 0] + [(index >> k) & 1 for k in range(STAMP_BITS)]
    for k, bit in enumerate(bits):
        image[0:b, k * b:(k + 1) * b] = 255 if bit else 0
    return image


def read_stamp(pixel, width, full_width):
    """The index stamped into a picture shown at ``width`` of ``full_width``; ``pixel(x, y)`` gives grey 0-255.

    None when the sync blocks are not there (a picture without a stamp).
    """
    scale = width / float(full_width)
    centre = STAMP_BLOCK / 2.0
    y = int(centre * scale)

    def bit(k):
        return pixel(int((k * STAMP_BLOCK + centre) * scale), y) > 128

    if not bit(0) or bit(1):
        return None
    return sum(1 << k for k in range(STAMP_BITS) if bit(k + 2))


def render_stream(count, width, height, quality=DEEPLENS_QUALITY, stamped=False, seed=1):
    """``count`` distinct JPEGs of a natural-looking moving scene at DeepLens quality.

    The virtual camera's scene (textured room, moving shapes, two faces, a running clock) gets a fixed
    high-frequency texture and per-frame sensor noise, so the JPEGs are as dense as a real camera's.
    With ``stamped`` each frame carries its index (see ``stamp``).
    """
    from deeplens_gui.sim.scene import SceneSource

    clock = [0.0]
    scene = SceneSource(width=width, height=height, clock=lambda: clock[0])
    rng = np.random.default_rng(seed)
    texture = cv2.GaussianBlur(rng.standard_normal((height, width), np.float32) * 6.0, (0, 0), 0.8)[..., None]
    noises = [rng.standard_normal((height, width, 3), np.float32) * 2.0 for _ in range(3)]
    frames = []
    try:
        for index in range(count):
            clock[0] = index / FPS
            image = scene.read().astype(np.float32)
            image += texture
            image += np.roll(noises[index % 3], index * 7, axis=1)
            image = np.clip(image, 0, 255).astype(np.uint8)
            if stamped:
                stamp(image, index)
            ok, jpeg = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
            if not ok:
                raise RuntimeError("OpenCV could not encode a frame")
            frames.append(jpeg.tobytes())
    finally:
        scene.close()
    return frames


def write_frames(path, frames):
    """Write frames back to back (a bare MJPEG file) for the writer process."""
    with open(str(path), "wb") as handle:
        for frame in frames:
            handle.write(frame)
    return path


# --------------------------------------------------------------------------------------------- processes


class Writer:
    """A DeepLens-like writer process (bench/writer.py) on one or more FIFOs; see that module."""

    def __init__(self, workdir, fifos, frames_file, fps=FPS, resend=0.0, log=False):
        self.fifos = [str(f) for f in fifos]
        self.log_path = os.path.join(str(workdir), "writer-{0}.json".format(os.getpid())) if log else None
        command = [sys.executable, "-m", "bench.writer", "--frames", str(frames_file), "--fps", str(fps),
                   "--resend", str(resend)]
        if self.log_path:
            command += ["--log", self.log_path]
        self.errors = os.path.join(str(workdir), "writer-{0}.err".format(id(self)))
        with open(self.errors, "wb") as errors:
            self.process = subprocess.Popen(command + self.fifos, cwd=str(REPO), stdin=subprocess.DEVNULL,
                                            stdout=subprocess.DEVNULL, stderr=errors)
        deadline = time.monotonic() + 20
        while not all(os.path.exists(f) for f in self.fifos):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the writer did not create its FIFOs")
            time.sleep(0.02)
        self.ps = psutil.Process(self.process.pid)

    def cpu(self):
        times = self.ps.cpu_times()
        return times.user + times.system

    def stop(self):
        """Stop; returns the log {"fifo index": [[cycle index, monotonic time], ...]} when logging."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if not self.log_path:
            return None
        try:
            with open(self.log_path) as handle:
                return json.load(handle)
        finally:
            os.unlink(self.log_path)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def start_sshd(root):
    """A real OpenSSH sshd on 127.0.0.1 (the test fixture's server)."""
    from tests.fixtures.sshd import SshdServer, find_sshd

    path = find_sshd()
    if path is None:
        raise RuntimeError("OpenSSH sshd is not installed (set DEEPLENS_SSHD)")
    Path(root).mkdir(parents=True, exist_ok=True)
    server = SshdServer(root, path)
    server.start()
    return server


def openssh_command(server, *remote, identity=None, known_hosts=None, port=None, user=None):
    """``ssh`` with only the benchmark's own files (no agent, no ~/.ssh), for ``server`` (an SshdServer)."""
    return ["ssh", "-F", server.ssh_config if hasattr(server, "ssh_config") else "/dev/null",
            "-i", identity or server.client_key,
            "-o", "UserKnownHostsFile={0}".format(known_hosts or server.known_hosts),
            "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", "IdentityAgent=none", "-o", "ControlMaster=no", "-o", "ControlPath=none",
            "-p", str(port or server.port), "{0}@127.0.0.1".format(user or server.user)] + list(remote)


def renice(pid, niceness):
    """Run process ``pid`` (and the children it starts from now on) at ``niceness`` (0: leave it)."""
    if niceness:
        psutil.Process(pid).nice(niceness)


def own_cpu():
    """CPU seconds of this process (every thread)."""
    return time.process_time()


@dataclass
class Workdir:
    """A temporary folder for one benchmark, removed afterwards."""

    path: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="deeplens-bench-")))

    def __enter__(self):
        return self.path

    def __exit__(self, *exc):
        shutil.rmtree(str(self.path), ignore_errors=True)


# --------------------------------------------------------------------------------------------- Qt harness


def qt_app():
    """The (offscreen unless a display is asked for) QApplication."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PyQt5.QtWidgets import QApplication

    global _APP
    if QApplication.instance() is None:
        _APP = QApplication(["deeplens-bench"])
    return QApplication.instance()


_APP = None  # the QApplication must outlive every widget


def run_qt(seconds, until=None, step_ms=20):
    """Run the Qt event loop for ``seconds`` or until ``until()`` is true. Returns True if ``until`` was met."""
    from PyQt5.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    deadline = time.monotonic() + seconds
    result = [False]

    def check():
        if until is not None and until():
            result[0] = True
            loop.quit()
        elif time.monotonic() >= deadline:
            loop.quit()

    timer = QTimer()
    if until is not None:
        if until():
            return True
        # Only when waiting for a condition: a measuring window must not pay for the benchmark's own polling.
        timer.setInterval(step_ms)
        timer.timeout.connect(check)
        timer.start()
    QTimer.singleShot(max(0, int(seconds * 1000)), loop.quit)
    loop.exec_()
    timer.stop()
    return result[0]


def thread_cpu():
    """CPU of each thread of this process: {thread id: (role, CPU seconds, run-queue wait seconds)}."""
    import threading

    import paramiko

    roles = {threading.main_thread().native_id: "GUI thread (Qt event loop, paint)"}
    for thread in threading.enumerate():
        if isinstance(thread, paramiko.Transport):
            roles[thread.native_id] = "paramiko transport (socket read, decrypt, MAC)"
    out = {}
    for tid, (comm, seconds, wait) in task_times().items():
        role = roles.get(tid)
        if role is None:
            if comm.startswith("stream-"):
                role = "stream workers (relay channel, FrameReader, decode, QImage)"
            elif comm == "Thread (pooled)":
                role = "Qt global thread pool (QImage format conversion split into stripes)"
            elif comm.startswith("jobs-"):
                role = "job runner (status checks)"
            else:
                role = "other ({0})".format(comm)
        out[tid] = (role, seconds, wait)
    return out


def thread_cpu_delta(before, after, waits=False):
    """Per role, CPU seconds (with ``waits``: (CPU, run-queue wait) seconds) between two ``thread_cpu()``s."""
    roles = {}
    for tid, (role, seconds, wait) in after.items():
        _, seconds0, wait0 = before.get(tid, (role, 0.0, 0.0))
        cpu, waited = roles.get(role, (0.0, 0.0))
        roles[role] = (cpu + seconds - seconds0, waited + wait - wait0)
    return roles if waits else {role: cpu for role, (cpu, _) in roles.items()}


def task_times(pid="self"):
    """{thread id: (name, CPU seconds, seconds spent runnable but waiting for a CPU)} of process ``pid``.

    From /proc/PID/task/*/stat (user + system) and schedstat (run-queue wait): the wait says how much a
    thread was held back by other work on the machine, whatever the load was.
    """
    tick = float(os.sysconf("SC_CLK_TCK"))
    out = {}
    try:
        tids = os.listdir("/proc/{0}/task".format(pid))
    except OSError:
        return out
    for tid in tids:
        base = "/proc/{0}/task/{1}/".format(pid, tid)
        try:
            with open(base + "stat") as handle:
                stat = handle.read()
            with open(base + "comm") as handle:
                comm = handle.read().strip()
            with open(base + "schedstat") as handle:
                wait = int(handle.read().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            continue
        fields = stat.rsplit(")", 1)[1].split()
        out[int(tid)] = (comm, (int(fields[11]) + int(fields[12])) / tick, wait)
    return out


class CpuLedger:
    """Where the CPU goes: CPU seconds and run-queue waits of processes by role, and of the whole machine.

    ``roles()`` returns ``[(role, pid), ...]`` for the processes to follow now (it is asked at every
    ``sample``, so processes started meanwhile are found). A process's CPU includes its ended children that
    it waited for; a process that ends unwaited between two samples takes its CPU with it. ``delta`` gives,
    per role, (CPU seconds, wait seconds, processes) between two samples, plus "machine" (every CPU's busy
    time, from /proc/stat) and "rest of the machine" (busy time outside the roles: other users' work).
    """

    def __init__(self, roles):
        self._roles = roles

    def sample(self):
        procs = {}
        for role, pid in self._roles():
            try:
                times = psutil.Process(pid).cpu_times()
            except psutil.Error:
                continue
            wait = sum(t[2] for t in task_times(pid).values())
            procs[pid] = (role, times.user + times.system + times.children_user + times.children_system, wait)
        machine = psutil.cpu_times()
        return procs, sum(machine) - machine.idle - getattr(machine, "iowait", 0.0), time.monotonic()

    @staticmethod
    def delta(before, after):
        """{role: (CPU s, wait s, processes)} between two samples, "machine" and "rest of the machine"."""
        roles = {}
        for pid, (role, cpu, wait) in after[0].items():
            _, cpu0, wait0 = before[0].get(pid, (role, 0.0, 0.0))
            old = roles.get(role, (0.0, 0.0, 0))
            roles[role] = (old[0] + cpu - cpu0, old[1] + wait - wait0, old[2] + 1)
        busy = after[1] - before[1]
        roles["rest of the machine"] = (max(0.0, busy - sum(v[0] for v in roles.values())), 0.0, 0)
        roles["machine"] = (busy, 0.0, 0)
        return roles, after[2] - before[2]


def instrument_view_class(base):
    """A subclass of VideoView ``base`` that records, for each new picture, when it was first painted.

    ``painted`` lists ``(monotonic time, stamped index or None)`` per newly painted picture; ``stamp_width``
    is the full frame width the stamps were drawn at (0: do not read stamps).
    """

    class TimedView(base):
        stamp_width = 0

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.painted = []
            self._painted_image = None

        def paintEvent(self, event):
            super().paintEvent(event)
            image = self.current_image()
            if image is None or image is self._painted_image:
                return
            self._painted_image = image
            now = time.monotonic()
            index = None
            if self.stamp_width:
                index = read_stamp(lambda x, y: image.pixel(x, y) & 0xFF, image.width(), self.stamp_width)
            self.painted.append((now, index))

    return TimedView


class Viewer:
    """The app's single-device viewer (MainWindow) with an instrumented VideoView, at its default size."""

    def __init__(self, workdir, ssh_options, stamp_width=0, size=(1100, 720)):
        from deeplens_gui.core.decode import single_threaded
        from deeplens_gui.ui import main_window
        from deeplens_gui.ui.controllers import JobRunner

        qt_app()
        single_threaded()  # as the app's Console.start does
        original = main_window.VideoView
        main_window.VideoView = instrument_view_class(original)
        try:
            self.jobs = JobRunner()
            self.window = main_window.MainWindow(self.jobs, ssh_options=ssh_options,
                                                 settings=settings_file(workdir))
        finally:
            main_window.VideoView = original
        self.window.resize(*size)
        self.window.show()
        self.view = self.window.view
        self.view.stamp_width = stamp_width
        run_qt(0.2)

    @property
    def painted(self):
        return self.view.painted

    def connect(self, device):
        """Start streaming ``device``; returns the monotonic time of the call."""
        started = time.monotonic()
        self.window.connect_device(device)
        return started

    def wait_frames(self, count, timeout):
        """Run the event loop until ``count`` new pictures were painted since the call. True if they were."""
        target = len(self.painted) + count
        return run_qt(timeout, until=lambda: len(self.painted) >= target)

    def disconnect(self):
        self.window.disconnect_device()
        run_qt(0.2)

    def close(self):
        self.window.close()  # shuts the window down: its stream stops, its connections close
        self.jobs.shutdown()
        self.window.deleteLater()
        run_qt(0.2)


def settings_file(workdir):
    """QSettings in a scratch INI file, so benchmarks never read or change the user's window geometry."""
    from PyQt5.QtCore import QSettings

    return QSettings(os.path.join(str(workdir), "bench.ini"), QSettings.IniFormat)


# --------------------------------------------------------------------------------------------- profiling


def profile_self(seconds, out_path, rate=200, native=False, gil=False):
    """Start py-spy on this process for ``seconds`` (raw collapsed stacks); returns the Popen or None.

    With ``gil`` only the thread holding the GIL is sampled, so the samples over ``rate * seconds`` are the
    part of the time the GIL was held (less when py-spy could not keep its rate on a busy machine).
    """
    spy = shutil.which("py-spy")
    if spy is None:
        return None
    command = [spy, "record", "--pid", str(os.getpid()), "--duration", str(int(seconds)), "--rate", str(rate),
               "--format", "raw", "-o", str(out_path)]
    command += ["--native"] if native else ["--nonblocking"]
    command += ["--gil"] if gil else []
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_profiler(spy, timeout=30):
    """Wait for a py-spy started by ``profile_self``; one that is late (it samples slower than asked on a
    busy machine) is interrupted, which makes it write what it has."""
    if spy.poll() is None:
        spy.send_signal(signal.SIGINT)
    try:
        spy.wait(timeout)
    except subprocess.TimeoutExpired:
        spy.kill()
        spy.wait()


_FRAME = re.compile(r"^(?P<func>.+?) \((?P<file>[^():]+?)(?::\d+)?\)$")


def summarise_profile(path, top=8):
    """Top functions by self samples and by inclusive samples, from py-spy raw output.

    Returns (total samples, [(function, file, self %, inclusive %)]) sorted by self time.
    """
    self_counts, incl_counts, total = {}, {}, 0
    try:
        with open(str(path)) as handle:
            lines = handle.read().splitlines()
    except OSError:
        return 0, []
    for line in lines:
        stack, _, count = line.rpartition(" ")
        if not stack or not count.isdigit():
            continue
        count = int(count)
        total += count
        frames = []
        for part in stack.split(";"):
            match = _FRAME.match(part.strip())
            if match:
                name = (match.group("func"), _short_file(match.group("file")))
            else:
                name = (part.strip(), "")
            frames.append(name)
        if not frames:
            continue
        self_counts[frames[-1]] = self_counts.get(frames[-1], 0) + count
        for name in set(frames):
            incl_counts[name] = incl_counts.get(name, 0) + count
    if not total:
        return 0, []
    ranked = sorted(self_counts.items(), key=lambda item: -item[1])[:top]
    return total, [(name[0], name[1], 100.0 * c / total, 100.0 * incl_counts.get(name, 0) / total)
                   for name, c in ranked]


def _short_file(path):
    """A path inside the repository or site-packages, without this machine's prefix."""
    path = path.replace("\\", "/")
    for marker in ("site-packages/", "deeplens_gui/", "bench/", "lib/python"):
        index = path.find(marker)
        if index >= 0:
            rest = path[index:]
            return rest.split("/", 1)[1] if marker in ("site-packages/", "lib/python") else rest
    return os.path.basename(path)


def profile_table(total, rows):
    lines = ["| function | file | self % | inclusive % |", "|---|---|---:|---:|"]
    for func, file, self_pct, incl_pct in rows:
        lines.append("| `{0}` | `{1}` | {2:.1f} | {3:.1f} |".format(func, file, self_pct, incl_pct))
    lines.append("")
    lines.append("({0} samples of busy threads.)".format(total))
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------- reports


@dataclass
class Section:
    """One benchmark's results: a title, a markdown body, and summary rows for the console table."""

    name: str
    title: str
    body: str
    rows: list = field(default_factory=list)  # (metric, value, goal, verdict)
    command: str = ""


def table(headers, rows, align=None):
    """A markdown table."""
    align = align or ["---"] + ["---:"] * (len(headers) - 1)
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join(align) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(cell) for cell in row) + " |")
    return "\n".join(lines)


def verdict(ok):
    return "met" if ok else "MISSED"


def render_console(sections):
    """The summary table printed at the end of ``python -m bench``."""
    rows = [("benchmark", "metric", "value", "goal", "verdict")]
    for section in sections:
        for metric, value, goal, result in section.rows:
            rows.append((section.name, metric, value, goal, result))
    widths = [max(len(str(row[i])) for row in rows) for i in range(5)]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(str(cell).ljust(widths[i]) for i, cell in enumerate(row)))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


_BEGIN = "<!-- bench:{0} begin -->"
_END = "<!-- bench:{0} end -->"
ORDER = ["cpu", "latency", "bandwidth", "grid", "first_frame", "soak"]

_HEADER = """# Benchmarks

Generated by `python -m bench` (see `bench/README.md`); do not edit by hand. Each section is rewritten only
when its benchmark runs, and carries its own command, machine, versions and date. Streams are made by the
benchmark itself: the virtual camera's scene (textured room, moving shapes, faces, clock) with added texture
and sensor noise, JPEG quality 95 (OpenCV's default, as the DeepLens samples use), written into a FIFO by a
DeepLens-like writer. Every comparison is a ratio measured in the same run; figures are medians over runs.
"""


def write_sections(sections, path=DOC):
    """Merge ``sections`` into the benchmarks document, keeping the other benchmarks' sections."""
    path = Path(path)
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = {}
    for name in ORDER:
        match = re.search(re.escape(_BEGIN.format(name)) + r"\n(.*?)\n" + re.escape(_END.format(name)), old, re.S)
        if match:
            kept[name] = match.group(1)
    for section in sections:
        kept[section.name] = "## {0}\n\n{1}".format(section.title, section.body.strip())
    parts = [_HEADER.strip(), ""]
    summary = _summary_from(kept)
    if summary:
        parts += ["## Summary", "", summary, ""]
    for name in ORDER:
        if name in kept:
            parts += [_BEGIN.format(name), kept[name], _END.format(name), ""]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts), encoding="utf-8")
    return path


_SUMMARY_BEGIN = "<!-- summary -->"
_SUMMARY_END = "<!-- /summary -->"


def summary_block(rows):
    """The rows a section contributes to the summary at the top, embedded so they survive later runs."""
    body = table(["metric", "value", "goal", "verdict"], rows)
    return "{0}\n{1}\n{2}".format(_SUMMARY_BEGIN, body, _SUMMARY_END)


def _summary_from(kept):
    lines = ["| benchmark | metric | value | goal | verdict |", "|---|---|---:|---|---|"]
    found = False
    for name in ORDER:
        text = kept.get(name)
        if not text:
            continue
        match = re.search(re.escape(_SUMMARY_BEGIN) + r"\n(.*?)\n" + re.escape(_SUMMARY_END), text, re.S)
        if not match:
            continue
        for line in match.group(1).splitlines()[2:]:
            found = True
            lines.append("| {0} ".format(name) + line)
    return "\n".join(lines) if found else ""


def section_body(section_rows, command, text):
    """The standard body: the goals table, how it was run, on what, then the details."""
    machine = "\n".join("- {0}: {1}".format(k, v) for k, v in machine_info())
    return "{0}\n\nCommand: `{1}`\n\n{2}\n\n{3}".format(summary_block(section_rows), command, machine, text.strip())
