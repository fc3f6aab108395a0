"""A tile's badge is the device's verdict, never a bare "live"; a live stream without new frames is stalled."""

from deeplens_gui.core.device import Device
from deeplens_gui.core.status import DeviceStatus, StreamSample, Verdict, live_sample
from deeplens_gui.core.stream import StreamState, StreamStats, StreamStatus
from deeplens_gui.ui.device_tile import DeviceTile, health

LIVE = StreamStatus(StreamState.LIVE)
FLOWING = StreamStats(fps=12.0, frames=100, last_frame_age=0.1)


def _verdict(verdict, reason="Why."):
    return DeviceStatus(name="desk-1", endpoint="desk-1", verdict=verdict, reason=reason, checked_at=0.0)


def test_the_health_key_of_a_live_stream_follows_the_verdict_and_stalls():
    assert health(LIVE, FLOWING) == "live"
    assert health(LIVE, FLOWING, Verdict.RUNNING) == "live"
    assert health(LIVE, FLOWING, Verdict.RUNNING_WITH_ERRORS) == "errors"
    assert health(LIVE, FLOWING, Verdict.NO_RESULTS) == "no-results"
    stalled = StreamStats(fps=0.0, frames=100, last_frame_age=4.0)
    assert health(LIVE, stalled, Verdict.RUNNING) == "stalled"  # "live · 0 fps" is not live
    assert health(StreamStatus(StreamState.RECONNECTING), FLOWING, Verdict.RUNNING) == "reconnecting"


def test_the_badge_says_the_verdict(qtbot):
    tile = DeviceTile(Device(name="desk-1", host="192.0.2.1"))
    qtbot.addWidget(tile)
    tile.set_stats(FLOWING)
    tile.set_status(LIVE)
    assert tile.badge_text() == "checking · 12 fps"
    tile.set_verdict(_verdict(Verdict.RUNNING))
    assert tile.badge_text() == "running · 12 fps" and tile.health == "live"
    tile.set_verdict(_verdict(Verdict.RUNNING_WITH_ERRORS, "It streams, but the project reports: Error in x."))
    assert tile.badge_text() == "running with errors" and tile.health == "errors"
    assert "Error in x." in tile.toolTip()
    tile.set_verdict(_verdict(Verdict.NO_RESULTS))
    assert tile.badge_text() == "no results · 12 fps"
    tile.set_stats(StreamStats(fps=0.0, frames=100, last_frame_age=5.0))
    assert tile.health == "stalled" and tile.badge_text() == "stalled"


def test_a_live_sample_counts_only_flowing_frames():
    assert live_sample(FLOWING, StreamState.LIVE) == StreamSample(seconds=2.0, frames=24, fps=12.0,
                                                                  last_frame_age=0.1, state="live")
    old = live_sample(StreamStats(fps=12.0, last_frame_age=3.0), StreamState.LIVE)
    assert old.frames == 0 and old.fps == 0.0
