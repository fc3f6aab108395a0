"""FrameSource over a real sshd: frames, honest states, reconnects, prompt stop."""

import time

from deeplens_gui.core.errors import AuthFailed
from deeplens_gui.core.ssh import DeviceConnection
from deeplens_gui.core.stream import StreamState
from tests.fixtures.frames import make_jpegs


def test_decoded_frames_arrive_with_stats(sshd, deeplens_fifo, run_source):
    writer = deeplens_fifo(frames=make_jpegs(120, 858, 480), fps=30)
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    source, rec, _ = run_source(connection, max_fps=15)
    rec.wait(lambda: len(rec.frames) >= 10)
    frame = rec.frames[-1]
    assert frame.image.shape == (480, 858, 3)
    assert (frame.width, frame.height) == (858, 480)
    assert frame.jpeg in writer.produced
    assert [f.seq for f in rec.frames] == list(range(1, len(rec.frames) + 1))
    stats = source.stats()
    assert 5 <= stats.fps <= 17, stats
    assert stats.bytes_per_s > 0 and stats.last_frame_age < 1.0
    assert source.status.state is StreamState.LIVE
    assert rec.states()[:1] == [StreamState.CONNECTING]


def test_reduced_decode_and_size_change_mid_stream(sshd, deeplens_fifo, run_source):
    frames = make_jpegs(15, 640, 480) + make_jpegs(30, 858, 480, start=15)
    writer = deeplens_fifo(frames=frames, fps=30)
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    source, rec, _ = run_source(connection, max_fps=0, reduce=4)
    rec.wait(lambda: any(f.width == 858 for f in rec.frames))
    small = [f for f in rec.frames if f.width == 640]
    big = [f for f in rec.frames if f.width == 858]
    assert small and big
    assert small[0].image.shape == (120, 160, 3)
    assert big[-1].image.shape == (120, 215, 3)


def test_stop_returns_promptly_while_streaming_and_while_waiting(sshd, deeplens_fifo, run_source, tmp_path):
    writer = deeplens_fifo()
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    source, rec, thread = run_source(connection)
    rec.wait(lambda: len(rec.frames) >= 2)
    begun = time.monotonic()
    source.stop()
    thread.join(2)
    assert not thread.is_alive() and time.monotonic() - begun < 1.0
    assert source.status.state is StreamState.STOPPED

    waiting = DeviceConnection(sshd.device(stream_path=str(tmp_path / "none.mjpeg")), sshd.options())
    source, rec, thread = run_source(waiting)
    rec.wait(lambda: StreamState.WAITING in rec.states())
    begun = time.monotonic()
    source.stop()
    thread.join(2)
    assert not thread.is_alive() and time.monotonic() - begun < 1.0


def test_no_project_then_project_starts(sshd, deeplens_fifo, run_source, tmp_path):
    path = tmp_path / "later.mjpeg"
    connection = DeviceConnection(sshd.device(stream_path=str(path)), sshd.options())
    source, rec, _ = run_source(connection)
    rec.wait(lambda: StreamState.WAITING in rec.states())
    waiting = rec.last(StreamState.WAITING)
    assert "No project is running" in waiting.message and str(path) in waiting.message
    writer = deeplens_fifo(path=path)
    rec.wait(lambda: len(rec.frames) >= 3)
    assert rec.frames[-1].jpeg in writer.produced
    assert source.status.state is StreamState.LIVE


def test_project_crash_is_reported_and_recovers(sshd, deeplens_fifo, run_source):
    writer = deeplens_fifo(frames=make_jpegs(300), fps=30)
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    source, rec, _ = run_source(connection, stall_after=1.0)
    rec.wait(lambda: len(rec.frames) >= 3)
    writer.crash()
    # First, maybe, a stall (nothing arrives for stall_after); then the relay's word that no one writes.
    rec.wait(lambda: StreamState.WAITING in rec.states())
    assert "stopped or crashed" in rec.last(StreamState.WAITING).message
    stalled = rec.last(StreamState.STALLED)
    assert stalled is None or stalled.message.startswith(("Nothing came from", "No new frame"))
    seen = len(rec.frames)
    writer.restart()
    rec.wait(lambda: len(rec.frames) > seen + 2 and source.status.state is StreamState.LIVE)


def test_sshd_restart_mid_stream_recovers_by_itself(sshd_factory, deeplens_fifo, run_source):
    server = sshd_factory()
    writer = deeplens_fifo(frames=make_jpegs(600), fps=30)
    connection = DeviceConnection(server.device(stream_path=writer.path), server.options())
    source, rec, _ = run_source(connection, backoff=(0.2, 1.0))
    rec.wait(lambda: len(rec.frames) >= 3)
    server.stop()
    rec.wait(lambda: StreamState.RECONNECTING in rec.states())
    reconnecting = rec.last(StreamState.RECONNECTING)
    assert "Reconnecting" in reconnecting.message
    seen = len(rec.frames)
    server.start()
    rec.wait(lambda: len(rec.frames) > seen + 3, timeout=20)
    assert source.status.state is StreamState.LIVE
    assert source.stats().reconnects >= 1


def test_two_viewers_both_get_whole_frames(sshd, deeplens_fifo, run_source):
    writer = deeplens_fifo(frames=make_jpegs(300), fps=30)
    first = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    second = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    source_a, rec_a, _ = run_source(first, max_fps=0)
    source_b, rec_b, _ = run_source(second, max_fps=0)
    rec_a.wait(lambda: len(rec_a.frames) >= 20)
    rec_b.wait(lambda: len(rec_b.frames) >= 20)
    for rec in (rec_a, rec_b):
        assert all(f.jpeg in writer.produced for f in rec.frames)
        indexes = [writer.produced.index(f.jpeg) for f in rec.frames]
        assert indexes == sorted(indexes)
    assert source_a.stats().corrupt == source_b.stats().corrupt == 0


def test_auth_failure_is_terminal_and_not_retried(sshd, run_source, tmp_path):
    from tests.fixtures.sshd import write_key_pair

    stranger = str(tmp_path / "stranger")
    write_key_pair(stranger)
    connection = DeviceConnection(sshd.device(identity=stranger), sshd.options())
    source, rec, thread = run_source(connection)
    thread.join(10)
    assert not thread.is_alive()
    assert source.status.state is StreamState.FAILED
    assert isinstance(source.status.error, AuthFailed)
    assert rec.states().count(StreamState.CONNECTING) == 1


def test_pull_api_keeps_the_stream_between_slices_honours_deadlines_and_stop(sshd, deeplens_fifo, tmp_path):
    import threading

    from deeplens_gui.core.stream import FrameSource

    writer = deeplens_fifo(frames=make_jpegs(300), fps=30)
    connection = DeviceConnection(sshd.device(stream_path=writer.path), sshd.options())
    waiting = DeviceConnection(sshd.device(stream_path=str(tmp_path / "none.mjpeg")), sshd.options())
    try:
        with FrameSource(connection, max_fps=0, decode=False) as source:
            first = next(source.frames(until=time.monotonic() + 15), None)
            assert first is not None and first.jpeg in writer.produced and first.seq == 1
            begun = time.monotonic()
            sliced = [frame.seq for frame in source.frames(until=begun + 1.0)]
            assert 0.9 <= time.monotonic() - begun < 1.6  # the deadline ends the slice, not the stream
            assert sliced == list(range(2, 2 + len(sliced))) and len(sliced) >= 10  # same session, none lost
            assert source.status.state is StreamState.LIVE
        assert source.status.state is StreamState.STOPPED  # leaving the block closed it

        with FrameSource(waiting, max_fps=0, decode=False) as source:
            deadline = time.monotonic() + 15
            while source.status.state is not StreamState.WAITING and time.monotonic() < deadline:
                assert next(source.frames(until=time.monotonic() + 0.5), None) is None
            assert source.status.state is StreamState.WAITING and "No project" in source.status.message
            stopper = threading.Timer(0.5, source.stop)
            stopper.start()
            begun = time.monotonic()
            assert list(source.frames()) == []  # no deadline: only stop() ends it, at once
            assert time.monotonic() - begun < 1.5
            stopper.join()
    finally:
        connection.close()
        waiting.close()
