"""4. Grid capacity: N devices streaming 858x480 at 15 fps into the classroom grid (GridView + FleetController).

Each "virtual device" is a stream path on a real OpenSSH sshd on loopback with the device-side relay, fed by
one DeepLens-like writer process (15 new frames a second per FIFO; the current frame re-sent every 0.5 s
instead of in a tight loop, so 60 writers fit on this machine). The app reaches the sshd through a counting
TCP proxy in its own process (bench/linkproxy.py): the classroom's "Wi-Fi", whose bytes per second are the
link load. The grid window is 1920x1080; tiles the grid scrolls out of view are paused by the app and do not
count. Per N: new pictures painted per second per visible tile, the app's CPU (this process, in cores), its
RSS, the link Mbit/s, the relays' CPU per camera, and the GUI's response to a click: a mouse press is posted
to a tile every 0.5 s and timed until the tile's ``clicked`` signal fires. The cameras make thumbnails of
each tile's size (the app's default); ``--full-frames`` measures the old way for comparison.

Apart from the grid, the relay's own CPU per camera is measured with thumbnails and with full frames: a few
relays read DeepLens-like FIFOs (858x480 q95, 15 fps) directly, without SSH, for a few seconds.

Note: the device side (sshd encrypting, N relays, the writer) shares the same 2 cores, so large N is also
limited by the "devices"; their CPU is reported next to the app's.
"""

import os
import subprocess
import sys
import time

import psutil

from deeplens_gui.core.budget import DEFAULT_BUDGET_MBIT
from deeplens_gui.core.stream import StreamState

from bench import common

GOAL_FPS = 14.0
GOAL_CORES = 1.0
GOAL_CLICK_MS = 100.0
GOAL_LINK_MBIT = 25.0
GOAL_FPS_60 = 7.0
GOAL_EVENNESS_60 = 0.8
RESEND = 0.5
#: relays and seconds of the relay CPU measurement (thumbnails vs full frames)
RELAY_CAMERAS = 4
RELAY_SECONDS = 6.0
RELAY_THUMB = (320, 180)
#: niceness of the simulated camera side (sshd with its relays, the writer) and of the link proxy: on this one
#: machine they stand for 30-60 cameras' own CPUs and a network, so they must not take the app's CPU away
#: (0: the old setup, everyone at the same priority; see docs/BENCHMARKS.md section 4)
CAMERA_NICE = 10
#: the app's profile (py-spy, samples of the thread holding the GIL) at N=30 and N=60
PROFILE_SECONDS = 6
PROFILE_RATE = 100


APP = "app (this process)"
RELAYS = "relays (camera side)"
SSHD = "sshd: SSH encryption (camera side)"
LAUNCH = "relay start: sh, cv2 probe (camera side)"
WRITER = "writer: the cameras' projects (camera side)"
PROXY = "link proxy (the Wi-Fi)"
CAMERA_SIDE = (RELAYS, SSHD, LAUNCH, WRITER)


def roles(server, writer, proxy):
    """[(role, pid)] of every process the benchmark runs: app, writer, proxy, sshd and its children."""
    out = [(APP, os.getpid()), (WRITER, writer.process.pid), (PROXY, proxy.process.pid),
           (SSHD, server._process.pid)]
    try:
        children = psutil.Process(server._process.pid).children(recursive=True)
    except psutil.Error:
        children = []
    for child in children:
        try:
            name = child.name()
        except psutil.Error:
            continue
        role = RELAYS if is_relay(child) else SSHD if name.startswith("sshd") else LAUNCH
        out.append((role, child.pid))
    return out


def is_relay(process):
    """True for a device-side relay process (its ``python -c`` script names its status prefix)."""
    try:
        return any("deeplens-relay" in part for part in process.cmdline())
    except psutil.Error:  # the process just ended
        return False


class LinkProxy:
    """bench/linkproxy.py in its own process in front of ``target_port``: ``port`` and ``forwarded()`` bytes."""

    def __init__(self, workdir, target_port):
        self.count_file = str(workdir / f"link-{target_port}.count")
        self.process = subprocess.Popen([sys.executable, "-m", "bench.linkproxy", str(target_port),
                                         self.count_file], cwd=str(common.REPO), stdout=subprocess.PIPE,
                                        stdin=subprocess.DEVNULL)
        self.port = int(self.process.stdout.readline())

    def forwarded(self):
        from bench.linkproxy import read_count

        return read_count(self.count_file)

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.process.stdout.close()


def proxied(server, proxy, workdir):
    """(SshOptions, port) reaching ``server`` through ``proxy``: its host key trusted under the proxy's port."""
    known_hosts = workdir / f"known_hosts-{proxy.port}"
    key = server.host_key
    known_hosts.write_text(f"[127.0.0.1]:{proxy.port} {key.get_name()} {key.get_base64()}\n")
    return server.options(known_hosts=str(known_hosts)), proxy.port


def tile_class(base):
    class TimedTile(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.new_pictures = 0
            self._painted_image = None

        def paintEvent(self, event):
            super().paintEvent(event)
            image = self.current_image()
            if image is not None and image is not self._painted_image:
                self._painted_image = image
                self.new_pictures += 1

    return TimedTile


class Classroom:
    """The app's grid for ``devices`` (core Devices) in a 1920x1080 window."""

    def __init__(self, devices, options, size=(1920, 1080), thumbnails=True):
        from deeplens_gui.core.connections import ConnectionPool
        from deeplens_gui.ui import grid_view
        from deeplens_gui.ui.controllers import JobRunner
        from deeplens_gui.ui.fleet_controller import FleetController

        common.qt_app()
        self.pool = ConnectionPool(options)
        self.jobs = JobRunner()
        self.fleet = FleetController(self.pool, self.jobs)
        if not thumbnails:
            self.fleet.set_view_size = self._full_frames(self.fleet.set_view_size)
        original = grid_view.DeviceTile
        grid_view.DeviceTile = tile_class(original)
        try:
            self.view = grid_view.GridView(self.fleet)
            self.view.resize(*size)
            self.view.show()
            self.fleet.set_devices(devices)
        finally:
            grid_view.DeviceTile = original
        common.run_qt(0.3)

    def _full_frames(self, set_view_size):
        def asks_full_frames(name, width, height):
            set_view_size(name, width, height)
            self.fleet.controller(name).set_thumbnail(None)

        return asks_full_frames

    def tiles(self):
        return list(self.view.tiles())

    def decoding(self):
        return [tile for tile in self.tiles() if self.view.is_decoding(tile.name)]

    def close(self):
        self.fleet.shutdown()
        self.pool.close_all()
        self.jobs.shutdown()
        self.view.close()
        self.view.deleteLater()
        common.run_qt(0.3)


def click_latencies(classroom, seconds, every=0.5):
    """Post a mouse press/release to a tile every ``every`` s for ``seconds``; ms until ``clicked`` fired."""
    from PyQt5.QtCore import QCoreApplication, QEvent, QPoint, Qt
    from PyQt5.QtGui import QMouseEvent

    tiles = classroom.decoding() or classroom.tiles()
    handled = []
    posted = {}

    def on_clicked(name, _modifiers):
        if name in posted:
            handled.append((time.monotonic() - posted.pop(name)) * 1000.0)

    for tile in tiles:
        tile.clicked.connect(on_clicked)
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        tile = tiles[n % len(tiles)]
        n += 1
        point = QPoint(tile.width() // 2, tile.height() // 3)
        for kind in (QEvent.MouseButtonPress, QEvent.MouseButtonRelease):
            event = QMouseEvent(kind, point, Qt.LeftButton, Qt.LeftButton if kind == QEvent.MouseButtonPress
                                else Qt.NoButton, Qt.NoModifier)
            if kind == QEvent.MouseButtonPress:
                posted[tile.name] = time.monotonic()
            QCoreApplication.postEvent(tile, event)
        common.run_qt(min(every, max(0.0, end - time.monotonic())))
    for tile in tiles:
        tile.clicked.disconnect(on_clicked)
    return handled


def measure(count, workdir, server, frames_file, window, profile=False, thumbnails=True, nice=CAMERA_NICE):
    fifos = [workdir / "grid-{0}-{1}.mjpeg".format(count, n) for n in range(count)]
    writer = common.Writer(workdir, fifos, frames_file, resend=RESEND)
    proxy = LinkProxy(workdir, server.port)
    for process in (writer.process, proxy.process):
        common.renice(process.pid, nice)
    classroom = None
    try:
        options, port = proxied(server, proxy, workdir)
        devices = [server.device(name="desk-{0}".format(n + 1), stream_path=str(fifo), port=port)
                   for n, fifo in enumerate(fifos)]
        classroom = Classroom(devices, options, thumbnails=thumbnails)
        decoding = lambda: classroom.decoding()  # noqa: E731
        common.run_qt(60.0, until=lambda: all(t.new_pictures >= 3 for t in decoding()), step_ms=100)
        common.run_qt(2.0)  # reductions settle once the first stats arrive
        tiles = decoding()
        before = {t.name: t.new_pictures for t in tiles}
        received0 = {t.name: classroom.fleet.controller(t.name).stats.frames for t in tiles}
        ledger = common.CpuLedger(lambda: roles(server, writer, proxy))
        link0, threads0, sample0 = proxy.forwarded(), common.thread_cpu(), ledger.sample()
        clicks = click_latencies(classroom, window)
        threads = common.thread_cpu_delta(threads0, common.thread_cpu(), waits=True)
        spent, seconds = ledger.delta(sample0, ledger.sample())
        link_mbit = (proxy.forwarded() - link0) * 8 / seconds / 1e6
        fps = sorted((t.new_pictures - before.get(t.name, 0)) / seconds for t in tiles)
        # Frames the app received (decoded or not) per tile: what the cameras and the link delivered.
        received = [(classroom.fleet.controller(t.name).stats.frames - received0[t.name]) / seconds
                    for t in tiles]
        sending = sorted({classroom.fleet.controller(t.name).stats.sending.split(" ")[0] or "?" for t in tiles})
        cores = {role: (cpu / seconds, wait / seconds, n) for role, (cpu, wait, n) in spent.items()}
        device = sum(cores[role][0] for role in CAMERA_SIDE if role in cores)
        result = dict(count=count, visible=len(tiles), fps_min=fps[0] if fps else 0.0,
                      fps_median=common.median(fps), cores=cores[APP][0], device_cores=device,
                      received=common.median(received),
                      rss=psutil.Process().memory_info().rss / 2 ** 20,
                      click_median=common.median(clicks), click_p99=common.percentile(clicks, 99),
                      click_max=max(clicks) if clicks else float("nan"), clicks=len(clicks),
                      reduce=common.median([classroom.fleet.controller(t.name).reduce for t in tiles]),
                      link_mbit=link_mbit, relay_percent=100.0 * cores.get(RELAYS, (0.0,))[0] / count,
                      sending="/".join(sending),
                      tile=(tiles[0].width(), tiles[0].height()) if tiles else (0, 0),
                      threads={role: (cpu / seconds, wait / seconds)
                               for role, (cpu, wait) in threads.items()},
                      roles=cores, frames=sum(fps) * seconds, seconds=seconds,
                      live=sum(classroom.fleet.controller(t.name).status.state is StreamState.LIVE
                               for t in tiles))
        if profile:
            out = workdir / "profile-grid-{0}.txt".format(count)
            spy = common.profile_self(PROFILE_SECONDS, out, rate=PROFILE_RATE, gil=True)
            if spy is not None:
                common.run_qt(PROFILE_SECONDS + 6.0, until=lambda: spy.poll() is not None, step_ms=200)
                common.stop_profiler(spy)
                result["profile"] = common.summarise_profile(out, top=10)
                result["gil"] = result["profile"][0] / float(PROFILE_RATE * PROFILE_SECONDS)
        return result
    finally:
        if classroom is not None:
            classroom.close()
        proxy.stop()
        writer.stop()


def relay_cpu(workdir, frames_file, cameras=RELAY_CAMERAS, seconds=RELAY_SECONDS):
    """{"thumbnails": %, "full frames": %}: one relay's CPU (% of a core) per camera at 15 fps, no SSH."""
    from deeplens_gui import remote

    out = {}
    thumb = f"{RELAY_THUMB[0]}x{RELAY_THUMB[1]}"
    for label, extra in (("thumbnails", ["--thumb", thumb]), ("full frames", [])):
        fifos = [workdir / f"relay-{label[0]}-{n}.mjpeg" for n in range(cameras)]
        writer = common.Writer(workdir, fifos, frames_file, resend=RESEND)
        env = dict(os.environ, TMPDIR=str(workdir))
        relays = [subprocess.Popen([sys.executable, "-c", remote.script("relay"), str(fifo), "--max-fps", "15"]
                                   + extra,
                                   stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   env=env) for fifo in fifos]
        try:
            time.sleep(2.0)  # OpenCV imported, FIFOs opened, frames flowing
            procs = [psutil.Process(relay.pid) for relay in relays]
            before = sum(sum(p.cpu_times()[:2]) for p in procs)
            time.sleep(seconds)
            used = sum(sum(p.cpu_times()[:2]) for p in procs) - before
            out[label] = 100.0 * used / seconds / cameras
        finally:
            for relay in relays:
                relay.terminate()
                relay.wait(10)
                relay.stdin.close()
            writer.stop()
    return out


def run(quick=False, counts=None, profile=True, window=None, thumbnails=True, nice=CAMERA_NICE):
    counts = counts or ([30] if quick else [10, 30, 60])
    window = window or (4.0 if quick else 8.0)
    command = "python -m bench grid" + (" --quick" if quick else "")
    width, height = common.SIZES["480p"]
    frames = common.render_stream(30, width, height)
    results = []
    with common.Workdir() as workdir:
        frames_file = common.write_frames(workdir / "frames.mjpeg", frames)
        relays = relay_cpu(workdir, frames_file, seconds=min(RELAY_SECONDS, window))
        server = common.start_sshd(workdir / "sshd")
        common.renice(server._process.pid, nice)  # its sessions and relays inherit it
        try:
            for count in counts:
                results.append(measure(count, workdir, server, frames_file, window,
                                       profile=profile and count in (30, 60), thumbnails=thumbnails,
                                       nice=nice))
                time.sleep(1.0)
        finally:
            server.stop()
    return report(results, command, window, relays, nice)


def summary_rows(results, relays):
    """The issue's summary metrics by name, per N: (metric, value, goal, verdict); goals at N=30 and N=60."""
    rows = []
    for r in results:
        n = r["count"]
        evenness = r["fps_min"] / r["fps_median"] if r["fps_median"] else 0.0
        goals = {
            30: {"slowest tile fps": (GOAL_FPS, ">="), "app CPU (cores)": (GOAL_CORES, "<"),
                 "link Mbit/s": (GOAL_LINK_MBIT, "<="), "click handled, p99 (ms)": (GOAL_CLICK_MS, "<")},
            60: {"slowest tile fps": (GOAL_FPS_60, ">="), "slowest/median tile fps": (GOAL_EVENNESS_60, ">="),
                 "click handled, p99 (ms)": (GOAL_CLICK_MS, "<")},
        }.get(n, {})
        values = [("slowest tile fps", r["fps_min"], 1), ("slowest/median tile fps", evenness, 2),
                  ("app CPU (cores)", r["cores"], 2), ("link Mbit/s", r["link_mbit"], 1),
                  ("click handled, p99 (ms)", r["click_p99"], 1)]
        for name, value, digits in values:
            goal, verdict = "-", "-"
            if name in goals:
                limit, sign = goals[name]
                goal = f"{sign} {limit:g}"
                ok = {">=": value >= limit, "<": value < limit, "<=": value <= limit}[sign]
                verdict = common.verdict(ok)
            rows.append((f"N={n}: {name}", common.fmt(value, digits), goal, verdict))
    for label, percent in relays.items():
        rows.append((f"relay CPU per camera (% of a core), {label}", common.fmt(percent, 1), "-", "-"))
    return rows


def cpu_table(r):
    """Markdown: where the CPU seconds of the N=``r["count"]`` window went, by process role and app thread."""
    order = [APP, WRITER, RELAYS, SSHD, LAUNCH, PROXY, "rest of the machine"]
    rows = []
    for role in order + sorted(set(r["roles"]) - set(order) - {"machine"}):
        if role in r["roles"]:
            cpu, wait, n = r["roles"][role]
            rows.append((role, n or "-", common.fmt(cpu), common.fmt(wait) if n else "-"))
    rows.append(("whole machine (busy)", "-", common.fmt(r["roles"]["machine"][0]), "-"))
    threads = [(role, "-", common.fmt(cpu), common.fmt(wait))
               for role, (cpu, wait) in sorted(r["threads"].items(), key=lambda i: -i[1][0]) if cpu >= 0.005]
    per_frame = r["cores"] * 1000.0 / (r["frames"] / r["seconds"]) if r["frames"] else float("nan")
    return ("Where the CPU goes at N={0} ({1:g} cores; cores = CPU seconds per second of the window; "
            "waited = seconds per second its threads were runnable but had no CPU, summed over threads):\n\n"
            "{2}\n\nThe app's threads (app CPU per painted tile picture: {3} ms):\n\n{4}").format(
        r["count"], psutil.cpu_count(),
        common.table(["process (role)", "processes", "cores", "waited for a CPU"], rows),
        common.fmt(per_frame), common.table(["app thread", "", "cores", "waited for a CPU"], threads))


#: Why the camera side runs at a lower priority (written into docs/BENCHMARKS.md with every run).
NICE_REASON = (
    "Why the camera side runs at nice {0}: in a classroom every camera makes its thumbnails, encrypts its "
    "SSH stream and runs its project on its own CPU, and the instructor's computer runs only the app. Here "
    "the N cameras' relays, sshd sessions and writer share the app's 2 cores, so at the same priority they "
    "take the CPU the app needs on its machine (see \"waited for a CPU\") and a slow tile may be the app's "
    "fault or only the simulation's. At a lower priority the app gets the CPU first, as on its own machine, "
    "and the simulated cameras get the rest; what they cost is still measured and reported (the camera side "
    "rows), and when they cannot keep up their waits show it. `--camera-nice 0` gives the old setup "
    "(everything at the same priority) for comparison. The writer cycles 30 frames encoded before the run "
    "(it never encodes), re-sending the current frame every {1:g} s instead of in a tight loop.")


#: below this part of the time held, the GIL leaves the app's threads room: one process is enough
GIL_ROOM = 0.6


def findings(results, nice):
    """Sentences computed from the measurements: who used the CPU, what the app needs at the goal, the GIL."""
    lines = []
    for r in results:
        roles, n = r["roles"], r["count"]
        camera = sum(roles[role][0] for role in CAMERA_SIDE if role in roles)
        per_frame = r["cores"] / (r["frames"] / r["seconds"]) if r["frames"] else float("nan")
        goal_fps = min(15.0, 450.0 / n)
        lines.append(
            "- N={0}: of {1} busy cores the simulated cameras took {2} (relays {3}, sshd {4}), the app {5}, "
            "other work on this machine {6}; the app's threads waited {7} s per second for a CPU. The app "
            "spends {8} ms of CPU per painted tile picture, so {0} tiles at {9:g} fps need {10} cores of "
            "the app.".format(
                n, common.fmt(roles["machine"][0]), common.fmt(camera),
                common.fmt(roles.get(RELAYS, (0.0,))[0]), common.fmt(roles.get(SSHD, (0.0,))[0]),
                common.fmt(r["cores"]), common.fmt(roles["rest of the machine"][0]),
                common.fmt(roles[APP][1]), common.fmt(per_frame * 1000.0), goal_fps,
                common.fmt(per_frame * n * goal_fps)))
    gil = [r for r in results if r.get("gil") is not None]
    if gil:
        worst = max(gil, key=lambda r: r["gil"])
        verdict = ("one process is enough: a pool of processes with shared-memory frames would only add "
                   "hand-offs" if worst["gil"] < GIL_ROOM else
                   "the GIL is close to its limit: the stream workers' per-frame work needs more than one "
                   "process, or less Python per frame")
        lines.append(
            "- The GIL was held at most {0:.0%} of the time (N={1}; the app used {2} cores then): {3}. On a "
            "saturated machine the share exceeds the app's CPU, because a thread holding the GIL is "
            "descheduled while it holds it.".format(worst["gil"], worst["count"], common.fmt(worst["cores"]),
                                                    verdict))
    setup = NICE_REASON.format(nice, RESEND) if nice else (
        "The camera side ran at the app's priority (`--camera-nice 0`, the old setup): the simulated cameras "
        "compete with the app for its 2 cores, which in a classroom each camera does not.")
    return "Findings of this run:\n\n" + "\n".join(lines) + "\n\n" + setup


def report(results, command, window, relays, nice=CAMERA_NICE):
    summary = summary_rows(results, relays)
    rows, extra = [], []
    for r in results:
        rows.append((r["count"], "{0} ({1}x{2}, 1/{3:g})".format(r["visible"], r["tile"][0], r["tile"][1],
                                                                r["reduce"]), r["live"],
                     r["sending"], common.fmt(r["received"], 1), common.fmt(r["fps_min"], 1),
                     common.fmt(r["fps_median"], 1),
                     common.fmt(r["cores"]), common.fmt(r["device_cores"]), common.fmt(r["link_mbit"], 1),
                     common.fmt(r["relay_percent"], 1), common.fmt(r["rss"], 0), common.fmt(r["click_median"], 1),
                     common.fmt(r["click_p99"], 1), r["clicks"]))
        extra.append(cpu_table(r))
        if r.get("profile") and r["profile"][0]:
            extra.append("py-spy of the app at N={0} ({1} s at {2} Hz, only the thread holding the GIL: "
                         "the GIL was held {3:.0%} of the time; Python functions by self time, C code "
                         "counts in the Python function calling it, `run_qt` is the Qt event loop's own C++ "
                         "work):\n\n{4}".format(
                r["count"], PROFILE_SECONDS, PROFILE_RATE, r["gil"], common.profile_table(*r["profile"])))
    extra.append(f"Relay CPU per camera: {RELAY_CAMERAS} relays read DeepLens-like FIFOs (858x480 q95, 15 fps) "
                 f"for {min(RELAY_SECONDS, window):g} s, thumbnails fitting {RELAY_THUMB[0]}x{RELAY_THUMB[1]} "
                 "(OpenCV: reduced DCT decode, bilinear resize of the < 2x left, JPEG q70) vs full frames "
                 "passed through.")
    extra.append(findings(results, nice))
    text = ("{0:g} s windows per N; 1920x1080 grid window; link budget {1:g} Mbit/s; camera side (sshd, "
            "relays, writer) and link proxy at nice {4}.\n\n{2}\n\n{3}").format(
        window, DEFAULT_BUDGET_MBIT, common.table(
            ["N", "decoding tiles (size, reduction)", "live", "camera sends", "received fps (median)",
             "slowest tile fps",
             "median tile fps",
             "app CPU (cores)", "device side CPU (cores)", "link Mbit/s", "relay CPU per camera (%)",
             "app RSS MB", "click median ms", "click p99 ms", "clicks"], rows), "\n\n".join(extra), nice)
    section = common.Section("grid", "4. Grid capacity", "", summary, command)
    section.body = common.section_body(summary, command, text)
    return section
