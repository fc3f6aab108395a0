"""2. Latency: from a frame entering the device's FIFO to its pixels being painted, vs. the transport floor.

A DeepLens-like writer (its own process, tight re-send loop, 15 fps, 858x480 at quality 95) logs the moment
each frame becomes current, just before its first byte enters the FIFO (monotonic clock, shared by every
process). Each frame carries its index as black/white blocks in its top-left corner; the instrumented
VideoView reads it from the painted QImage, so the app parses nothing extra. The app is the real MainWindow
streaming over SSH from an OpenSSH sshd on loopback through the relay. The floor is the same relay command on
the same server, read by a bare paramiko loop that only splits frames (FrameReader), timed when a frame is
complete. App and floor alternate within one run; samples of all repetitions are pooled.
"""

import threading
import time

from bench import common

FRAME_INTERVAL_MS = 1000.0 / common.FPS
P99_GOAL_MS = 100.0


def floor_session(server, fifo, frames_index, seconds):
    """Read the relay with a bare paramiko loop for ``seconds``; returns [(monotonic time, index)]."""
    from deeplens_gui.core import commands
    from deeplens_gui.core.mjpeg import FrameReader
    from deeplens_gui.core.ssh import DeviceConnection

    connection = DeviceConnection(server.device(stream_path=str(fifo)), server.options())
    seen = []
    try:
        connection.open()
        channel = connection.open_channel(commands.relay_command(str(fifo), max_fps=common.FPS))
        channel.settimeout(0.25)
        reader = FrameReader()
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            try:
                data = channel.recv(256 * 1024)
            except OSError:
                continue
            if not data:
                break
            for frame in reader.feed(data):
                seen.append((time.monotonic(), frames_index.get(frame)))
        channel.close()
    finally:
        connection.close()
    return seen


def latencies(samples, log, since):
    """Milliseconds from each index's latest FIFO entry before the sample to the sample (first sighting only)."""
    out = []
    for when, index in samples:
        if index is None or when < since:
            continue
        entered = [t for i, t in log if i == index and t <= when]
        if entered:
            out.append((when - max(entered)) * 1000.0)
    return out


def run(quick=False):
    reps, window = (2, 5.0) if quick else (3, 10.0)
    command = "python -m bench latency" + (" --quick" if quick else "")
    width, height = common.SIZES["480p"]
    frames = common.render_stream(60, width, height, stamped=True)
    index_of = {frame: n for n, frame in enumerate(frames)}
    app_samples, floor_samples, windows = [], [], []
    with common.Workdir() as workdir:
        frames_file = common.write_frames(workdir / "frames.mjpeg", frames)
        server = common.start_sshd(workdir / "sshd")
        fifo = workdir / "results.mjpeg"
        try:
            writer = common.Writer(workdir, [fifo], frames_file, resend=0.0, log=True)
            viewer = common.Viewer(workdir, server.options(), stamp_width=width)
            try:
                for _ in range(reps):
                    viewer.connect(server.device(stream_path=str(fifo)))
                    if not viewer.wait_frames(5, 30.0):
                        raise RuntimeError("no frames from the app")
                    common.run_qt(1.0)
                    start = time.monotonic()
                    n0 = len(viewer.painted)
                    common.run_qt(window)
                    app_samples.append((start, list(viewer.painted[n0:])))
                    viewer.disconnect()
                    time.sleep(0.5)
                    result = []
                    thread = threading.Thread(
                        target=lambda: result.extend(floor_session(server, fifo, index_of, window + 1.0)))
                    started = time.monotonic()
                    thread.start()
                    thread.join()
                    floor_samples.append((started + 1.0, result))
                    time.sleep(0.5)
            finally:
                viewer.close()
                log = writer.stop()["0"]
        finally:
            server.stop()
    app_runs = [latencies(samples, log, since) for since, samples in app_samples]
    floor_runs = [latencies(samples, log, since) for since, samples in floor_samples]
    return report(app_runs, floor_runs, command, reps, window)


def report(app_runs, floor_runs, command, reps, window):
    app = [x for run in app_runs for x in run]
    floor = [x for run in floor_runs for x in run]
    app_med, floor_med = common.median(app), common.median(floor)
    app_p99, floor_p99 = common.percentile(app, 99), common.percentile(floor, 99)
    gap = app_med - floor_med
    per_run = common.table(
        ["run", "app frames", "app median ms", "app p99 ms", "floor frames", "floor median ms", "floor p99 ms",
         "app - floor (median) ms"],
        [(n + 1, len(a), common.fmt(common.median(a), 1), common.fmt(common.percentile(a, 99), 1), len(f),
          common.fmt(common.median(f), 1), common.fmt(common.percentile(f, 99), 1),
          common.fmt(common.median(a) - common.median(f), 1)) for n, (a, f) in enumerate(zip(app_runs, floor_runs))])
    summary = [
        ("median latency: app - floor (ms)", "{0} ({1} vs {2})".format(common.fmt(gap, 1), common.fmt(app_med, 1),
                                                                       common.fmt(floor_med, 1)),
         "<= {0:.1f} (1 frame at 15 fps)".format(FRAME_INTERVAL_MS), common.verdict(gap <= FRAME_INTERVAL_MS)),
        ("p99 latency, app (ms)", common.fmt(app_p99, 1), "< 100", common.verdict(app_p99 < P99_GOAL_MS)),
    ]
    text = ("{0} repetitions of {1:g} s each for the app and for the floor, alternating; 858x480 at 15 fps, "
            "relay capped at 15 fps for both. Pooled: app median {2} ms, p99 {3} ms ({4} frames); floor median "
            "{5} ms, p99 {6} ms ({7} frames).\n\n{8}").format(
        reps, window, common.fmt(app_med, 1), common.fmt(app_p99, 1), len(app), common.fmt(floor_med, 1),
        common.fmt(floor_p99, 1), len(floor), per_run)
    text += "\n\n" + analysis(gap, app_p99, floor_med)
    section = common.Section("latency", "2. Latency: FIFO to painted pixels", "", summary, command)
    section.body = common.section_body(summary, command, text)
    return section


def analysis(gap, app_p99, floor_med):
    if gap <= FRAME_INTERVAL_MS and app_p99 < P99_GOAL_MS:
        return ("Both goals met: the app adds {0:.1f} ms over the bare transport (decode, QImage, the queued "
                "signal to the GUI thread and the coalesced repaint). The floor itself ({1:.1f} ms) is mostly the "
                "relay's paced FIFO reads (a session every tick of at most 1/3 of the frame interval) and its "
                "15 fps cap.").format(gap, floor_med)
    parts = []
    if gap > FRAME_INTERVAL_MS:
        parts.append("**Median missed**: the app adds {0:.1f} ms over the floor.".format(gap))
    if app_p99 >= P99_GOAL_MS:
        parts.append("**p99 missed** ({0:.1f} ms): the tail comes from the GUI thread being busy when a frame "
                     "arrives (paint of the previous frame) and from the 0.8-interval throttle in "
                     "FrameSource that holds a frame arriving early until the next slot.".format(app_p99))
    return " ".join(parts)
