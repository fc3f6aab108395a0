"""VideoView on QImages given directly: letterboxing, placeholder and state texts, the overlay."""

import numpy as np
import pytest
from PyQt5.QtCore import QRect, QSize
from PyQt5.QtGui import QColor, QImage

from deeplens_gui.core.errors import AuthFailed
from deeplens_gui.core.stream import StreamState, StreamStats, StreamStatus
from deeplens_gui.ui.controllers import frame_to_qimage
from deeplens_gui.ui.video_view import BACKGROUND, VideoView, fit_rect
from tests.fixtures.frames import make_image


def solid(width, height, color):
    image = QImage(width, height, QImage.Format_RGB888)
    image.fill(QColor(color))
    return image


@pytest.fixture
def view(qtbot):
    widget = VideoView()
    widget.resize(800, 600)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_fit_rect_letterboxes_wide_and_tall_images():
    assert fit_rect(QSize(858, 480), QRect(0, 0, 800, 600)) == QRect(0, 76, 800, 447)
    assert fit_rect(QSize(480, 640), QRect(0, 0, 800, 600)) == QRect(175, 0, 450, 600)
    assert fit_rect(QSize(0, 0), QRect(0, 0, 800, 600)).isEmpty()


def test_frame_is_painted_letterboxed_on_dark_background(view):
    view.set_overlay_visible(False)
    view.set_status(StreamStatus(StreamState.LIVE))
    view.set_image(solid(858, 480, "#ff0000"))
    grab = view.grab().toImage()
    assert QColor(grab.pixel(400, 300)) == QColor("#ff0000")  # centre: the frame
    assert QColor(grab.pixel(400, 10)) == BACKGROUND  # top band: letterbox
    assert QColor(grab.pixel(400, 590)) == BACKGROUND
    assert view.image_rect() == QRect(0, 76, 800, 447)
    assert view.current_image().size() == QSize(858, 480)


def test_bgr_frame_keeps_its_colours():
    image = np.zeros((4, 6, 3), np.uint8)
    image[..., 0] = 255  # blue in BGR

    class FakeFrame:
        jpeg = b""

    frame = FakeFrame()
    frame.image = image
    qimage = frame_to_qimage(frame)
    del frame, image  # the QImage must own its pixels
    assert qimage.size() == QSize(6, 4)
    assert QColor(qimage.pixel(3, 2)) == QColor(0, 0, 255)


def test_placeholder_explains_the_state(view):
    assert "No device connected" in view.state_text()[0]
    view.set_status(StreamStatus(StreamState.CONNECTING, "Connecting to cam…"))
    assert view.state_text()[:2] == ("Connecting…", "Connecting to cam…")
    view.set_status(StreamStatus(StreamState.WAITING, "No project is running on cam: /tmp/results.mjpeg"))
    assert view.state_text()[0] == "No project is running on the device"
    error = AuthFailed("cam refused the login for user aws_cam.")
    view.set_status(StreamStatus(StreamState.FAILED, str(error), error))
    _headline, detail, is_error = view.state_text()
    assert detail == "cam refused the login for user aws_cam." and is_error
    # the placeholder paints the headline in the error colour somewhere on the dark background
    grab = view.grab().toImage()
    colours = {grab.pixel(x, y) for x in range(0, 800, 3) for y in range(300, 500, 3)}
    assert len(colours) > 2


def test_reconnecting_message_counts_the_age_of_the_last_frame(view):
    view.set_image(solid(320, 240, "#00ff00"))
    view._image_time -= 12.4  # the frame arrived 12 s ago
    view.set_status(StreamStatus(StreamState.RECONNECTING, "The connection was lost. Reconnecting in 2 s."))
    assert view.state_text()[0] == "Reconnecting, last frame 12 s ago"
    assert "Reconnecting, last frame 12 s ago" in view.overlay_lines()


def test_overlay_shows_fps_resolution_and_age_and_can_be_hidden(view):
    view.set_status(StreamStatus(StreamState.LIVE))
    view.set_image(solid(429, 240, "#336699"))
    view.set_stats(StreamStats(fps=14.96, width=858, height=480))
    lines = view.overlay_lines()
    assert lines[0] == "15.0 fps"
    assert lines[1] == "858 × 480"  # the stream's own size, whatever size it is shown at
    assert lines[2].startswith("frame age 0.")
    assert lines[-1] == "Live"
    shown = view.grab().toImage()
    view.set_overlay_visible(False)
    hidden = view.grab().toImage()
    assert not view.overlay_visible()
    # the overlay box sits top-left; without it the pixels there are the letterbox background
    assert QColor(hidden.pixel(20, 20)) == BACKGROUND
    assert QColor(shown.pixel(20, 20)) != BACKGROUND


def test_size_changed_is_emitted_in_device_pixels(view, qtbot):
    with qtbot.waitSignal(view.size_changed) as blocker:
        view.resize(640, 360)
    ratio = view.devicePixelRatioF()
    assert blocker.args == [int(640 * ratio), int(360 * ratio)]


def test_repaints_are_coalesced(view, qtbot):
    view.set_status(StreamStatus(StreamState.LIVE))
    view.set_image(solid(320, 240, "#000000"))
    qtbot.waitUntil(lambda: view.frames_painted > 0)
    painted = view.frames_painted
    for index in range(20):
        view.set_image(QImage(make_image(index).data, 320, 240, 960, QImage.Format_BGR888).copy())
    qtbot.waitUntil(lambda: view.frames_painted > painted)
    assert view.frames_painted - painted <= 2
