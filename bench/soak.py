"""6. Memory over time: RSS, threads and file descriptors of the app while 8 streams run in the grid.

8 stream paths on an OpenSSH sshd on loopback (the relay on each), one DeepLens-like writer process, the app's
classroom grid (GridView + FleetController) in a 1920x1080 window. The app's RSS, thread count and open file
descriptors are sampled every few seconds; the first 30 s (connecting, caches filling) are left out of the
slopes, which are least-squares fits per minute. Default 3 minutes (``--minutes 10`` is the issue's run,
``python -m bench soak --minutes 30`` the long soak).
"""

import time

import psutil

from bench import common
from bench.grid import RESEND, Classroom

STREAMS = 8
WARMUP = 30.0
#: "Flat": RSS growing less than this many MB per minute, and no thread or descriptor growth.
RSS_SLOPE_GOAL = 1.0


def run(quick=False, minutes=None):
    minutes = minutes if minutes is not None else (0.5 if quick else 3.0)
    every = 2.0 if minutes <= 3 else 5.0
    command = "python -m bench soak --minutes {0:g}".format(minutes)
    width, height = common.SIZES["480p"]
    frames = common.render_stream(30, width, height)
    me = psutil.Process()
    samples = []
    with common.Workdir() as workdir:
        frames_file = common.write_frames(workdir / "frames.mjpeg", frames)
        server = common.start_sshd(workdir / "sshd")
        fifos = [workdir / "soak-{0}.mjpeg".format(n) for n in range(STREAMS)]
        writer = common.Writer(workdir, fifos, frames_file, resend=RESEND)
        classroom = None
        try:
            devices = [server.device(name="desk-{0}".format(n + 1), stream_path=str(f)) for n, f in enumerate(fifos)]
            classroom = Classroom(devices, server.options())
            start = time.monotonic()
            end = start + minutes * 60.0
            while time.monotonic() < end:
                common.run_qt(every)
                shown = sum(t.new_pictures for t in classroom.tiles())
                samples.append((time.monotonic() - start, me.memory_info().rss / 2 ** 20, me.num_threads(),
                                me.num_fds(), shown))
        finally:
            if classroom is not None:
                classroom.close()
            writer.stop()
            server.stop()
    return report(samples, minutes, command)


def report(samples, minutes, command):
    steady = [s for s in samples if s[0] >= min(WARMUP, minutes * 60.0 / 3)] or samples
    rss = common.slope_per_minute([(s[0], s[1]) for s in steady])
    threads = common.slope_per_minute([(s[0], s[2]) for s in steady])
    fds = common.slope_per_minute([(s[0], s[3]) for s in steady])
    first, last = steady[0], steady[-1]
    fps = (last[4] - first[4]) / max(last[0] - first[0], 1e-9) / STREAMS
    flat = rss < RSS_SLOPE_GOAL and last[2] <= first[2] and last[3] <= first[3]
    summary = [
        ("RSS slope (MB/min), 8 streams", common.fmt(rss, 3), "flat: < {0:g}".format(RSS_SLOPE_GOAL),
         common.verdict(rss < RSS_SLOPE_GOAL)),
        ("threads / fds: start -> end of steady state", "{0} -> {1} / {2} -> {3}".format(first[2], last[2], first[3],
                                                                                       last[3]),
         "no growth", common.verdict(last[2] <= first[2] and last[3] <= first[3])),
    ]
    picks = samples[::max(1, len(samples) // 12)]
    if samples[-1] not in picks:
        picks.append(samples[-1])
    text = ("{0:g} minutes, {1} samples; slopes over the samples after the first {2:g} s. RSS {3:.1f} -> {4:.1f} MB, "
            "slope {5} MB/min; threads slope {6}/min; fds slope {7}/min; {8:.1f} frames per second per stream shown."
            " Verdict: {9}.\n\n{10}").format(
        minutes, len(samples), min(WARMUP, minutes * 60.0 / 3), first[1], last[1], common.fmt(rss, 3),
        common.fmt(threads, 3), common.fmt(fds, 3), fps, "flat" if flat else "NOT flat",
        common.table(["t (s)", "RSS MB", "threads", "fds", "pictures shown (all tiles)"],
                     [(common.fmt(s[0], 0), common.fmt(s[1], 1), s[2], s[3], s[4]) for s in picks]))
    section = common.Section("soak", "6. Memory over time (8 streams)", "", summary, command)
    section.body = common.section_body(summary, command, text)
    return section
