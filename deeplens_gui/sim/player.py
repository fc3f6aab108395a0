"""A cheap DeepLens-like stream for large virtual classrooms and benchmarks: no model, pre-encoded frames.

``python -m deeplens_gui.sim.player FIFO [--fps 15] [--size 858x480] [--frames 60]`` renders ``--frames``
frames of the virtual camera's scene once, then behaves like a DeepLens Lambda's LocalDisplay thread: it
keeps the FIFO open, re-sends the current frame in a loop and swaps in the next one ``--fps`` times a second.
Dozens of these fit on a 2-core machine where dozens of face-detection Lambdas would not.
"""

import argparse
import errno
import os
import signal
import stat
import sys
import time

import cv2

from deeplens_gui.sim.scene import SceneSource

#: JPEG quality of OpenCV's default encoder, as the DeepLens samples use it.
DEEPLENS_JPEG_QUALITY = 95


def render_frames(count, width, height, quality=DEEPLENS_JPEG_QUALITY):
    """``count`` distinct JPEGs of the animated scene, ``1/15`` s apart in scene time."""
    clock = [0.0]
    scene = SceneSource(width=width, height=height, clock=lambda: clock[0])
    frames = []
    try:
        for index in range(count):
            clock[0] = index / 15.0
            ok, jpeg = cv2.imencode(".jpg", scene.read(), [cv2.IMWRITE_JPEG_QUALITY, quality])
            if not ok:
                raise RuntimeError("OpenCV could not encode a frame")
            frames.append(jpeg.tobytes())
    finally:
        scene.close()
    return frames


def play(path, frames, fps, resend=0.05, stop=lambda: False):
    """Write ``frames`` into the FIFO at ``path`` forever (until ``stop()``), DeepLens style."""
    if not os.path.exists(path):
        os.mkfifo(path)
    elif not stat.S_ISFIFO(os.stat(path).st_mode):
        raise SystemExit("{0} exists and is not a FIFO".format(path))
    period = 1.0 / fps
    start = time.monotonic()
    fd = None
    while not stop():
        if fd is None:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
            except OSError as error:
                if error.errno != errno.ENXIO:  # ENXIO: no reader yet
                    raise
                time.sleep(0.1)
                continue
            os.set_blocking(fd, True)
        tick = (time.monotonic() - start) / period
        frame = frames[int(tick) % len(frames)]
        try:
            _write_all(fd, frame)
        except OSError as error:
            if error.errno != errno.EPIPE:
                raise
            os.close(fd)
            fd = None  # the reader left; like LocalDisplay, wait for the next one
            continue
        # Re-send now and then like LocalDisplay, but never sleep past the next frame: that would add latency.
        time.sleep(min(resend, (int(tick) + 1 - tick) * period + 0.001))


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def main(argv=None):
    """Entry point of ``python -m deeplens_gui.sim.player``."""
    parser = argparse.ArgumentParser(prog="python -m deeplens_gui.sim.player", description=__doc__.split("\n")[0])
    parser.add_argument("fifo")
    parser.add_argument("--fps", type=float, default=15.0)
    parser.add_argument("--size", default="858x480", help="WIDTHxHEIGHT (default 858x480, DeepLens 480p)")
    parser.add_argument("--frames", type=int, default=60, help="distinct frames to loop over (default 60)")
    args = parser.parse_args(argv)
    width, height = (int(part) for part in args.size.lower().split("x"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    frames = render_frames(args.frames, width, height)
    try:
        play(args.fifo, frames, args.fps)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
