"""Recording the viewer's stream from a virtual DeepLens: byte-identical MJPEG, closing on disconnect, the
indicator, a full disk, MP4.

Set DEEPLENS_SCREENSHOTS to a folder to also save the viewer with its indicator (docs/screenshot-recording.png).
"""

import errno
import os
import threading

import cv2
import pytest

from deeplens_gui.core.mjpeg import FrameReader
from deeplens_gui.ui.recording import MjpegSink, RecordingController, format_elapsed
from tests.ui.test_device_panel import save_screenshot, viewer_factory


@pytest.fixture
def viewer(qtbot, sim_fleet, tmp_path, jobs):
    """``make(project)`` -> (MainWindow connected to a new virtual DeepLens running ``project``, device)."""
    yield from viewer_factory(qtbot, sim_fleet, tmp_path, jobs)


class Received:
    """A frame tap that keeps every JPEG the viewer received (to compare the file with)."""

    def __init__(self):
        self.frames = []
        self._lock = threading.Lock()

    def __call__(self, frame):
        with self._lock:
            self.frames.append(frame.jpeg)


def frames_in(path):
    reader = FrameReader()
    with open(path, "rb") as handle:
        data = handle.read()
    frames = reader.feed(data)
    return frames, reader.buffered, data


def live_window(qtbot, viewer):
    window, virtual = viewer("face")
    qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=30000)
    return window, virtual


def test_two_seconds_to_mjpeg_are_the_received_frames_byte_for_byte(qtbot, viewer, tmp_path):
    window, _virtual = live_window(qtbot, viewer)
    received = Received()
    window.controller.add_frame_tap(received)
    path = str(tmp_path / "clip.mjpeg")
    record = window.menu_actions.record_action
    assert record.isEnabled() and record.shortcut().toString() == "Ctrl+R"
    assert window.capture.start_recording(path)
    indicator = window.status_line.recording_indicator
    assert indicator.isVisible() and indicator.plain_text().startswith("REC 0:00")
    assert window.menu_actions.record_action.isChecked()
    qtbot.waitUntil(lambda: window.recording.elapsed() >= 2.0 and "0:02" in indicator.plain_text(), timeout=10000)
    assert indicator.plain_text().endswith("frames") and "REC 0:02 · " in indicator.plain_text()
    window.statusBar().clearMessage()  # the screenshot shows the indicator, not this test's folder
    save_screenshot(window, "screenshot-recording.png")
    with qtbot.waitSignal(window.recording.stopped, timeout=10000) as stopped:
        window.menu_actions.record_action.trigger()  # Ctrl+R again stops
    window.controller.remove_frame_tap(received)
    result = stopped.args[0]
    assert result.error is None and result.path == path and result.kept
    frames, leftover, data = frames_in(path)
    assert leftover == 0 and len(frames) == result.frames >= 10  # about 2 s at the viewer's 15 fps
    assert data == b"".join(frames)
    # the recorded frames are a contiguous run of the received ones, byte for byte
    start = received.frames.index(frames[0])
    assert received.frames[start:start + len(frames)] == frames
    assert not indicator.isVisible() and not window.menu_actions.record_action.isChecked()
    assert "Recording saved to {0}".format(path) in window.statusBar().currentMessage()
    assert [name for name in os.listdir(str(tmp_path)) if name.endswith(".part")] == []


def test_disconnect_while_recording_closes_a_complete_file(qtbot, viewer, tmp_path):
    window, _virtual = live_window(qtbot, viewer)
    path = str(tmp_path / "cut.mjpeg")
    assert window.capture.start_recording(path)
    qtbot.waitUntil(lambda: window.recording.frames() >= 5, timeout=10000)
    with qtbot.waitSignal(window.recording.stopped, timeout=10000) as stopped:
        window.disconnect_device()
    result = stopped.args[0]
    frames, leftover, _data = frames_in(path)
    assert result.error is None and leftover == 0 and len(frames) == result.frames >= 5
    assert all(frame.startswith(b"\xff\xd8") and frame.endswith(b"\xff\xd9") for frame in frames)
    assert not window.recording.is_recording() and not window.menu_actions.record_action.isEnabled()


def test_switching_device_and_quitting_close_the_recording(qtbot, viewer, tmp_path):
    window, virtual = live_window(qtbot, viewer)
    path = str(tmp_path / "switch.mp4")
    assert window.capture.start_recording(path)
    qtbot.waitUntil(lambda: window.recording.frames() >= 5, timeout=10000)
    with qtbot.waitSignal(window.recording.stopped, timeout=10000) as stopped:
        window.connect_device(virtual.device())  # the same camera again: a new controller
    assert stopped.args[0].error is None
    capture = cv2.VideoCapture(path)
    ok, image = capture.read()
    capture.release()
    assert ok and image.shape[1] > 0  # a playable MP4
    quit_path = str(tmp_path / "quit.mjpeg")
    qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=30000)
    assert window.capture.start_recording(quit_path)
    qtbot.waitUntil(lambda: window.recording.frames() >= 3, timeout=10000)
    window.close()
    frames, leftover, _data = frames_in(quit_path)
    assert len(frames) >= 3 and leftover == 0


class _FullDisk(MjpegSink):
    """A real file that runs out of space in the middle of its fourth frame (as ENOSPC from write would)."""

    room_for = 3

    def _write_raw(self, data):
        if self.frames >= self.room_for:
            super()._write_raw(data[: len(data) // 2])  # half a frame fits, then the disk is full
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        super()._write_raw(data)


def test_a_full_disk_stops_with_a_sentence_and_keeps_the_frames_written(qtbot, viewer, tmp_path):
    window, _virtual = live_window(qtbot, viewer)
    recording = RecordingController(sink_factory=_FullDisk)
    path = str(tmp_path / "full.mjpeg")
    with qtbot.waitSignal(recording.failed, timeout=10000) as failed:
        recording.start(window.controller, path)
    sentence = failed.args[0]
    assert "the disk is full" in sentence and "were kept" in sentence and path in sentence
    with qtbot.waitSignal(recording.stopped, timeout=10000) as stopped:
        pass
    result = stopped.args[0]
    assert not recording.is_recording() and result.kept and result.error == sentence
    frames, leftover, _data = frames_in(path)
    assert leftover == 0 and len(frames) == result.frames == 3  # the half frame was cut off
    assert "The 3 frames recorded before that were kept." in sentence


def test_elapsed_time_format():
    assert [format_elapsed(s) for s in (0, 7.9, 754, 3723)] == ["0:00", "0:07", "12:34", "1:02:03"]


def test_full_screen_video_shows_its_own_recording_indicator(qtbot, viewer, tmp_path):
    window, _virtual = live_window(qtbot, viewer)
    actions = window.menu_actions
    assert not actions.connect_action.isEnabled() and actions.disconnect_action.isEnabled(), "one applies"
    assert window.capture.start_recording(str(tmp_path / "full.mjpeg"))
    corner = window.fullscreen_recording_indicator
    status = window.status_line.recording_indicator
    assert status.isVisible() and not corner.isVisible()
    window.set_device_panel_visible(True)
    assert window.device_panel.isVisible()
    window.fullscreen.set_fullscreen(True)
    try:
        assert not window.statusBar().isVisible()
        assert not window.device_panel.isVisible(), "the video gets the whole screen"
        assert corner.isVisible() and corner.parentWidget() is window.view
        qtbot.waitUntil(lambda: "REC 0:01" in corner.plain_text(), timeout=10000)
        assert corner.geometry().right() <= window.view.width() and corner.y() == 12
        assert corner.x() > window.view.width() // 2, "top right, clear of the overlay at the top left"
    finally:
        window.fullscreen.set_fullscreen(False)
    assert not corner.isVisible() and status.isVisible()
    assert window.device_panel.isVisible(), "the panel comes back as it was"
    with qtbot.waitSignal(window.recording.stopped, timeout=10000):
        window.capture.stop_recording()
    assert not corner.isVisible() and not status.isVisible()
