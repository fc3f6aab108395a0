"""The classroom at Wi-Fi scale on the real pipeline (virtual DeepLens over SSH): every tile gets a thumbnail
of its own size made by the camera, while a single view of one camera gets the full frames byte for byte; a
resize asks again, a hidden tab trickles."""

import pytest
from PyQt5.QtWidgets import QLabel, QMainWindow, QTabWidget

from deeplens_gui.core import mjpeg
from deeplens_gui.core.connections import ConnectionPool
from deeplens_gui.core.stream import grab_full_frame
from deeplens_gui.remote.relay import fit_size
from deeplens_gui.ui.fleet_controller import HIDDEN_FPS, FleetController
from deeplens_gui.ui.grid_view import ClassroomView
from deeplens_gui.ui.video_view import VideoView
from deeplens_gui.ui.viewer_controller import ViewerController
from tests.ui.conftest import stream_threads
from tests.ui.test_grid import LIVE_TIMEOUT, wait_all_live

FULL = (858, 480)


@pytest.fixture
def tabbed_classroom(qtbot, tmp_path, own_classroom, jobs):
    """(window, tabs, ClassroomView, FleetController) of 8 virtual devices in a tab."""
    classroom = own_classroom(8)
    pool = ConnectionPool(classroom.options)
    fleet = FleetController(pool, jobs)
    window = QMainWindow()
    tabs = QTabWidget()
    view = ClassroomView(fleet, lambda: str(tmp_path / "snapshots"))
    tabs.addTab(QLabel("single view"), "Device")
    tabs.addTab(view, "Classroom")
    tabs.setCurrentWidget(view)
    window.setCentralWidget(tabs)
    window.resize(1280, 900)
    qtbot.addWidget(window)
    window.show()
    fleet.set_devices(classroom.devices())
    yield window, tabs, view, fleet
    fleet.shutdown()
    assert len(pool) == 0
    qtbot.waitUntil(lambda: not stream_threads(), timeout=5000)


def _tile_box(grid, name):
    picture = grid.tile(name).picture_rect()
    ratio = grid.devicePixelRatioF()
    return int(picture.width() * ratio), int(picture.height() * ratio)


def _has_tile_sized_thumbnail(fleet, grid, name):
    frame = fleet.controller(name).latest_frame()
    return (frame is not None and frame.thumbnail and frame.image is not None
            and (frame.image.shape[1], frame.image.shape[0]) == fit_size(*FULL, *_tile_box(grid, name)))


def test_tiles_get_thumbnails_of_their_size_while_a_single_view_gets_full_frames(qtbot, tabbed_classroom, jobs):
    _window, _tabs, view, fleet = tabbed_classroom
    grid, names = view.grid, fleet.names()
    wait_all_live(qtbot, grid, names)
    qtbot.waitUntil(lambda: all(_has_tile_sized_thumbnail(fleet, grid, n) for n in names), timeout=20000)
    for name in names:
        stats = fleet.controller(name).stats
        assert stats.sending.startswith("thumbnail") and "thumbnails" in grid.tile(name).feed_text()
        # a thumbnail of a ~300 px tile is a few kB, a full frame of the player ~60 kB
        assert len(fleet.controller(name).latest_frame().jpeg) < 20000

    # The viewer (a fleet of one) of one camera, at the same time on the same pooled connection, shown at a
    # tile's size: full frames, as written.
    watched = names[0]
    device = fleet.device(watched)
    video = VideoView()
    qtbot.addWidget(video)
    single = ViewerController(fleet.pool, jobs, video)
    single.set_display_size(*_tile_box(grid, watched))
    seen = []

    def viewer_frames():
        # no frame tap here: a tap (a recording) would force full frames by itself
        frame = single.controller.latest_frame()
        if frame is not None and (not seen or seen[-1] is not frame):
            seen.append(frame)
        return len(seen) >= 12

    try:
        single.connect_device(device, 15.0)
        qtbot.waitUntil(viewer_frames, timeout=LIVE_TIMEOUT)
        assert not single.controller.stats.sending.startswith("thumbnail")
        assert all(not frame.thumbnail and (frame.width, frame.height) == FULL for frame in seen)
        # the player cycles a few frames: a frame fetched on its own is one of those the view got, byte for byte
        connection = fleet.pool.borrow(device)
        try:
            grabbed = grab_full_frame(connection, device.stream_path, timeout=10)
        finally:
            connection.close()
        assert not mjpeg.is_thumbnail(grabbed) and grabbed in {frame.jpeg for frame in seen}
        # ... while the tile of the same camera still gets its thumbnails
        count = grid.tile(watched).frames_received
        qtbot.waitUntil(lambda: grid.tile(watched).frames_received >= count + 3, timeout=20000)
        assert fleet.controller(watched).latest_frame().thumbnail
    finally:
        single.shutdown()


def test_a_resize_asks_again_and_a_hidden_tab_trickles(qtbot, tabbed_classroom):
    window, tabs, view, fleet = tabbed_classroom
    grid, names = view.grid, fleet.names()
    wait_all_live(qtbot, grid, names)
    qtbot.waitUntil(lambda: all(_has_tile_sized_thumbnail(fleet, grid, n) for n in names), timeout=20000)
    before = {name: _tile_box(grid, name) for name in names}

    window.resize(900, 640)
    qtbot.waitUntil(lambda: all(_tile_box(grid, n) != before[n] for n in names), timeout=5000)
    qtbot.waitUntil(lambda: all(_has_tile_sized_thumbnail(fleet, grid, n) for n in names), timeout=20000)
    assert all(fleet.controller(n).stats.reconnects == 0 for n in names), "a new size must not reconnect"

    tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: all(fleet.is_paused(n) for n in names), timeout=5000)
    assert {fleet.controller(n).max_fps for n in names} == {HIDDEN_FPS}
    # the cameras are told: what arrives drops to a trickle, and nothing is decoded
    qtbot.waitUntil(lambda: all(fleet.controller(n).stats.fps <= 1.0 for n in names), timeout=20000)
    decoded = {n: fleet.controller(n).stats.decoded for n in names}
    frames = {n: fleet.controller(n).stats.frames for n in names}
    qtbot.waitUntil(lambda: all(fleet.controller(n).stats.frames > frames[n] for n in names), timeout=20000)
    assert {n: fleet.controller(n).stats.decoded for n in names} == decoded

    tabs.setCurrentWidget(view)
    qtbot.waitUntil(lambda: not any(fleet.is_paused(n) for n in names), timeout=5000)
    assert all(fleet.controller(n).max_fps > 5 for n in names), {n: fleet.controller(n).max_fps for n in names}
    counts = {n: grid.tile(n).frames_received for n in names}
    qtbot.waitUntil(lambda: all(grid.tile(n).frames_received >= counts[n] + 3 for n in names), timeout=20000)


def test_the_tile_says_what_the_camera_sends(qapp):
    from deeplens_gui.core.stream import StreamStats
    from deeplens_gui.ui.device_tile import feed_text

    assert feed_text(StreamStats(fps=12.34, sending="thumbnail 320x180 q70")) == "12.3 fps · thumbnails"
    assert feed_text(StreamStats(fps=4.0, sending="full")) == "4.0 fps · full frames"
    assert feed_text(StreamStats(fps=4.0, sending="full no-opencv")) == \
        "4.0 fps · full frames: no OpenCV on the camera"
    assert feed_text(StreamStats()) == "0.0 fps"
