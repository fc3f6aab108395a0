"""A DeepLens-like writer for one or many FIFOs, in its own process (so its CPU is never counted as the app's).

``python -m bench.writer --frames FILE [--fps 15] [--resend 0] [--log LOG] FIFO...``

Like the sample Lambdas' LocalDisplay thread (shared/deeplens.md 1.1), each FIFO gets the *current* frame
written again and again; the current frame moves on ``--fps`` times a second through the frames of FILE (bare
JPEGs back to back), in a cycle. ``--resend 0`` is the real Lambda: a tight loop, so the write rate is set by
how fast the reader drains the pipe. ``--resend S`` re-sends only every S seconds (cheap, for large grids).
A new frame becomes current only after the previous one was written whole at least once, and the FIFO is kept
open when the reader leaves (writes fail with EPIPE until the next reader attaches), as the Lambda does.
With ``--log``, the moment each frame became current (just before its first byte is written; monotonic
clock, shared by every process) is written to LOG as JSON on SIGTERM.
"""

import argparse
import errno
import json
import os
import select
import signal
import sys
import time

from deeplens_gui.core.mjpeg import FrameReader

RETRY = 0.01  # no reader yet, or the reader left: try again this often


class Fifo:
    def __init__(self, path, phase):
        self.path = path
        self.phase = phase
        self.fd = None
        self.retry_at = 0.0
        self.index = None
        self.view = None
        self.sent_at = 0.0
        self.log = []

    def open(self, now):
        try:
            self.fd = os.open(self.path, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as error:
            if error.errno != errno.ENXIO:  # ENXIO: no reader yet (the Lambda blocks in open() here)
                raise
            self.retry_at = now + RETRY


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.writer")
    parser.add_argument("--frames", required=True)
    parser.add_argument("--fps", type=float, default=15.0)
    parser.add_argument("--resend", type=float, default=0.0)
    parser.add_argument("--log")
    parser.add_argument("fifos", nargs="+")
    args = parser.parse_args(argv)
    with open(args.frames, "rb") as handle:
        frames = FrameReader().feed(handle.read())
    period = 1.0 / args.fps
    fifos = []
    for number, path in enumerate(args.fifos):
        if not os.path.exists(path):
            os.mkfifo(path)
        fifos.append(Fifo(path, number / float(len(args.fifos))))
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
    signal.signal(signal.SIGINT, lambda *_: stopping.append(1))
    start = time.monotonic()
    try:
        run(fifos, frames, period, args.resend, start, stopping)
    finally:
        if args.log:
            with open(args.log, "w") as handle:
                json.dump({str(n): f.log for n, f in enumerate(fifos)}, handle)
    return 0


def run(fifos, frames, period, resend, start, stopping):
    count = len(frames)
    while not stopping:
        now = time.monotonic()
        wake = now + 0.5
        poller = select.poll()
        for fifo in fifos:
            if fifo.fd is None:
                if now >= fifo.retry_at:
                    fifo.open(now)
                if fifo.fd is None:
                    wake = min(wake, fifo.retry_at)
                    continue
            if fifo.view is None:
                tick = int((now - start) / period + fifo.phase)
                wanted = tick % count
                if wanted != fifo.index:
                    fifo.index = wanted
                    fifo.log.append((wanted, now))
                    fifo.view = memoryview(frames[wanted])
                elif now < fifo.retry_at:
                    wake = min(wake, fifo.retry_at)
                    continue
                elif resend == 0 or now - fifo.sent_at >= resend:
                    fifo.view = memoryview(frames[wanted])
                else:
                    next_tick = start + (tick + 1 - fifo.phase) * period
                    wake = min(wake, next_tick, fifo.sent_at + resend)
                    continue
            if not write_some(fifo, now):
                poller.register(fifo.fd, select.POLLOUT)
            else:
                wake = now  # finished a frame: look again at once
        timeout = max(0.0, wake - time.monotonic())
        if timeout > 0:
            try:
                poller.poll(timeout * 1000.0)
            except InterruptedError:
                pass


def write_some(fifo, now):
    """Write what the pipe takes. True when the frame is done (or dropped on EPIPE), False when the pipe is full."""
    while fifo.view:
        try:
            sent = os.write(fifo.fd, fifo.view)
        except BlockingIOError:
            return False
        except BrokenPipeError:
            # The reader left. The Lambda keeps its descriptor and carries on; the frame is tried again later.
            fifo.view = None
            fifo.retry_at = now + RETRY
            return True
        except InterruptedError:
            continue
        fifo.view = fifo.view[sent:]
    fifo.view = None
    fifo.sent_at = now
    return True


if __name__ == "__main__":
    sys.exit(main())
