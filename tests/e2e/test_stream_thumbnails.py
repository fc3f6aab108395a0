"""FrameSource asking the camera for thumbnails over a real sshd: the tile's size, changed while streaming, the
rate changed without a reconnect, and a byte-exact full frame for a snapshot at the same time."""

from deeplens_gui.core import mjpeg
from deeplens_gui.core.ssh import DeviceConnection
from deeplens_gui.core.stream import grab_full_frame
from tests.fixtures.frames import make_jpegs


def _rate(frames):
    span = frames[-1].received - frames[0].received
    return (len(frames) - 1) / span if span > 0 else float("inf")


def test_thumbnails_of_the_requested_size_then_resized_then_full(sshd, deeplens_fifo, run_source):
    writer = deeplens_fifo(frames=make_jpegs(600, 858, 480), fps=30)
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    source, rec, _ = run_source(connection, max_fps=15, thumb=(320, 180), quality=60)
    # The first frames may come full while the relay imports OpenCV; then only thumbnails.
    rec.wait(lambda: rec.frames and rec.frames[-1].thumbnail)
    first = next(i for i, frame in enumerate(rec.frames) if frame.thumbnail)
    assert all(frame.jpeg in writer.produced for frame in rec.frames[:first])
    rec.wait(lambda: len(rec.frames) >= first + 5)
    assert all(frame.thumbnail for frame in rec.frames[first:])
    frame = rec.frames[-1]
    assert frame.thumbnail and (frame.width, frame.height) == (320, 179)
    assert frame.image.shape == (179, 320, 3)
    assert source.stats().sending == "thumbnail 320x180 q60"
    assert source.stats().bytes_per_s < 15 * 20000

    # A full frame for a snapshot, on another channel of the same connection, while the tile streams on.
    full = grab_full_frame(connection, writer.path, timeout=10)
    assert full in writer.produced and not mjpeg.is_thumbnail(full)

    source.set_thumbnail((160, 100))
    rec.wait(lambda: rec.frames[-1].width == 160)
    assert (rec.frames[-1].height, rec.frames[-1].thumbnail) == (90, True)
    reconnects = source.stats().reconnects

    source.set_max_fps(3)
    start = len(rec.frames)
    rec.wait(lambda: len(rec.frames) >= start + 8, timeout=15)
    assert _rate(rec.frames[start + 2:]) < 4.5
    assert source.stats().max_fps == 3.0

    source.set_thumbnail(None)
    rec.wait(lambda: not rec.frames[-1].thumbnail)
    assert rec.frames[-1].jpeg in writer.produced and rec.frames[-1].width == 858
    rec.wait(lambda: source.stats().sending == "full")
    assert source.stats().reconnects == reconnects, "a request change must not reconnect"
