"""MainWindow on the real pipeline: virtual DeepLens over SSH, host keys, snapshots, shortcuts, settings."""

import errno
import os
import time

import pytest
from PyQt5.QtCore import QSize, Qt
from PyQt5.QtGui import QColor, QImage
from PyQt5.QtWidgets import QApplication, QFileDialog

from deeplens_gui.core.device import CAMERA_STREAM, PROJECT_STREAM
from deeplens_gui.core.settings import default_settings_path, load_settings
from deeplens_gui.core.ssh import SshOptions, host_key_of
from deeplens_gui.core.stream import StreamState
from deeplens_gui.ui import dialogs
from deeplens_gui.ui.capture import snapshot_name
from deeplens_gui.ui.main_window import MAX_RECENT, MainWindow
from tests.ui.conftest import stream_threads


def type_target(qtbot, window, virtual):
    """Fill the device bar as a user would and press Connect."""
    window.device_bar.target_combo.setCurrentText(virtual.target)
    window.device_bar.identity_edit.setText(str(virtual.client_key_path))
    window.device_bar.stream_combo.setCurrentIndex(2)
    window.device_bar.stream_path_edit.setText(str(virtual.stream_path))
    qtbot.mouseClick(window.device_bar.connect_button, Qt.LeftButton)


def wait_for_frames(qtbot, window, count=3):
    seen = []

    def new_frame():
        image = window.view.current_image()
        if image is not None and (not seen or image is not seen[-1]):
            seen.append(image)
        return len(seen) >= count

    qtbot.waitUntil(new_frame, timeout=20000)
    return seen[-1]


def test_connect_stream_and_close_fast(qtbot, make_window, fleet, settings):
    window = make_window()
    window.resize(1000, 700)
    window.show()
    virtual = fleet.devices[0]
    type_target(qtbot, window, virtual)
    assert window.device_bar.connect_button.text() == "Disconnect"
    image = wait_for_frames(qtbot, window)
    qtbot.waitUntil(lambda: window.controller.stats.width > 0, timeout=3000)
    stats = window.controller.stats
    # the frame is the device's picture scaled in the stream thread to fill the view, with real content
    view = window.view.rect()
    assert abs(image.width() - view.width()) <= 1 or abs(image.height() - view.height()) <= 1
    assert abs(image.width() / image.height() - stats.width / stats.height) < 0.01
    assert len({image.pixel(x, image.height() // 2) for x in range(0, image.width(), 8)}) > 5
    line = window.status_line
    qtbot.waitUntil(lambda: "fps" in line.fps_label.text() and line.rate_label.text().endswith("/s"))
    assert window.status_line.state_label.text().endswith("Live")
    assert any(line.endswith("fps") for line in window.view.overlay_lines())
    # recent devices are core settings (the settings file), not QSettings
    qtbot.waitUntil(lambda: load_settings().recent_targets == (virtual.target,), timeout=5000)
    assert settings.value("devices/recent") is None
    controller = window.controller
    started = time.monotonic()
    window.close()
    assert time.monotonic() - started < 1.0
    assert not controller.is_running()
    qtbot.waitUntil(lambda: not stream_threads(), timeout=3000)
    assert settings.value("window/geometry") is not None


def test_device_without_project_says_so(qtbot, make_window, fleet):
    window = make_window()
    window.set_devices([fleet.devices[1].device()])
    window.connect_to()
    qtbot.waitUntil(lambda: window.view.state_text()[0] == "No project is running on the device", timeout=15000)
    assert window.view.current_image() is None
    assert "No project running" in window.status_line.state_label.text()


@pytest.mark.parametrize("trusted", [True, False])
def test_unknown_host_key_asks_and_records_only_when_trusted(qtbot, make_window, fleet, tmp_path, monkeypatch,
                                                            trusted):
    known_hosts = tmp_path / "empty_known_hosts"
    asked = []

    def ask(cls, parent, error):
        asked.append(error)
        return trusted

    monkeypatch.setattr(dialogs.HostKeyDialog, "ask", classmethod(ask))
    window = make_window(ssh_options=SshOptions(known_hosts=str(known_hosts), allow_agent=False,
                                                look_for_keys=False, use_keyring=False))
    virtual = fleet.devices[0]
    window.set_devices([virtual.device()])
    window.connect_to()
    qtbot.waitUntil(lambda: len(asked) > 0, timeout=10000)
    assert asked[0].fingerprint.startswith("SHA256:")
    if trusted:
        wait_for_frames(qtbot, window, count=2)
        # Recorded as ssh would (hashed when the system's ssh config sets HashKnownHosts, as Debian's does).
        assert host_key_of(str(known_hosts), "[127.0.0.1]:{0}".format(virtual.port)) == [virtual.host_key]
        assert known_hosts.read_text().count("\n") == 1
        assert window.controller.status.state is StreamState.LIVE
    else:
        qtbot.waitUntil(lambda: "not trusted" in window.view.state_text()[0])
        assert asked[0].fingerprint in window.view.state_text()[1]
        assert not known_hosts.exists() or known_hosts.read_text() == ""
        assert window.view.current_image() is None
        assert window.device_bar.connect_button.text() == "Connect"
    assert len(asked) == 1


def test_changed_host_key_is_refused_with_its_sentence(qtbot, make_window, fleet, tmp_path, monkeypatch):
    other = fleet.devices[1]
    virtual = fleet.devices[0]
    # record device 2's key under device 1's name: to the app, device 1's key "changed"
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text(other.known_hosts_line().replace(str(other.port), str(virtual.port), 1) + "\n")
    monkeypatch.setattr(dialogs.HostKeyDialog, "ask", classmethod(lambda cls, p, e: pytest.fail("asked")))
    window = make_window(ssh_options=SshOptions(known_hosts=str(known_hosts), allow_agent=False,
                                                look_for_keys=False, use_keyring=False))
    window.set_devices([virtual.device()])
    window.connect_to()
    qtbot.waitUntil(lambda: window.controller.status.state is StreamState.FAILED, timeout=10000)
    _headline, detail, is_error = window.view.state_text()
    assert "CHANGED" in detail and is_error
    assert "CHANGED" in window.status_line.state_label.text()


def test_snapshot_saves_a_full_size_png(qtbot, make_window, fleet, tmp_path, monkeypatch, settings):
    window = make_window()
    window.resize(500, 400)  # small view: frames are decoded reduced, the snapshot must still be full size
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.set_devices([fleet.devices[0].device()])
    window.connect_to()
    wait_for_frames(qtbot, window)
    offered = []
    folder = tmp_path / "shots"
    folder.mkdir()

    def get_save_file_name(parent, caption, path, filters):
        offered.append(path)
        return str(folder / "shot"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save_file_name))
    with qtbot.waitSignal(window.capture.snapshot_saved, timeout=10000) as blocker:
        qtbot.keyClick(window, Qt.Key_S, Qt.ControlModifier)
    path = blocker.args[0]
    assert path == str(folder / "shot.png")
    assert os.path.basename(offered[0]).startswith("deeplens-virtual-1-")
    saved = QImage(path)
    qtbot.waitUntil(lambda: window.controller.stats.width > 0)  # stats are published twice a second
    stats = window.controller.stats
    assert saved.size() == QSize(stats.width, stats.height)
    assert window.store.settings.snapshot_dir == str(folder)
    qtbot.waitUntil(lambda: load_settings().snapshot_dir == str(folder), timeout=5000)
    assert os.listdir(folder) == ["shot.png"]


def test_failed_snapshot_keeps_the_previous_file(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    frame = QImage(64, 48, QImage.Format_RGB888)
    frame.fill(QColor("#123456"))
    window.view.set_image(frame)
    folder = tmp_path / "shots"
    folder.mkdir()
    target = folder / "snap.png"
    target.write_bytes(b"previous snapshot")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(target), "")))
    shown = []
    monkeypatch.setattr(dialogs.ErrorDialog, "show_error", classmethod(lambda cls, *a: shown.append(a)))

    def full_disk(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with qtbot.waitSignal(window.capture.snapshot_failed, timeout=5000) as blocker:
        window.menu_actions.snapshot_action.trigger()
    assert "the disk is full" in blocker.args[0]
    # (the settings file, which remembers the folder, cannot be written either: that has its own dialog)
    assert [a for a in shown if a[1] == "Snapshot not saved" and "disk is full" in a[2]]
    assert target.read_bytes() == b"previous snapshot"
    assert os.listdir(folder) == ["snap.png"]  # no temporary file left behind


def test_snapshot_without_a_controller_writes_the_shown_image(qtbot, make_window, tmp_path, monkeypatch):
    window = make_window()
    frame = QImage(64, 48, QImage.Format_RGB888)
    frame.fill(QColor("#00ff00"))
    window.view.set_image(frame)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(tmp_path / "a.png"), "")))
    with qtbot.waitSignal(window.capture.snapshot_saved, timeout=5000):
        window.capture.snapshot()
    saved = QImage(str(tmp_path / "a.png"))
    assert saved.size() == QSize(64, 48) and QColor(saved.pixel(5, 5)) == QColor("#00ff00")


def test_snapshot_name_is_safe():
    import datetime

    when = datetime.datetime(2024, 1, 31, 23, 59, 7)
    assert snapshot_name("aws_cam@10.0.0.5:22", when) == "deeplens-aws_cam_10.0.0.5_22-20240131-235907.png"
    assert snapshot_name("../../", when) == "deeplens-device-20240131-235907.png"


def test_shortcuts_toggle_overlay_and_fullscreen(qtbot, make_window):
    window = make_window()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need the active window
    assert window.view.overlay_visible()
    qtbot.keyClick(window, Qt.Key_I, Qt.ControlModifier)
    assert not window.view.overlay_visible() and not window.menu_actions.overlay_action.isChecked()
    qtbot.keyClick(window, Qt.Key_F11)
    assert window.menu_actions.fullscreen_action.isChecked()
    assert not window.device_bar.isVisible() and not window.statusBar().isVisible()
    qtbot.keyClick(window, Qt.Key_Escape)
    assert not window.menu_actions.fullscreen_action.isChecked()
    assert window.device_bar.isVisible() and window.menuBar().isVisible()
    assert window.menu_actions.quit_action.shortcut().toString() == "Ctrl+Q"
    assert window.menu_actions.snapshot_action.shortcut().toString() == "Ctrl+S"


def test_the_device_panel_sits_beside_the_video_resizable_and_remembered(qtbot, make_window):
    window = make_window()
    window.resize(1280, 720)
    window.show()
    qtbot.waitExposed(window)
    window.menu_actions.device_panel_action.trigger()  # Ctrl+D
    panel = window.device_panel
    qtbot.waitUntil(lambda: panel.width() > 0 and panel.isVisible())
    video, beside = window.splitter.sizes()
    # the video keeps most of the width
    assert beside == panel.width() and video >= 2 * beside, (video, beside)
    assert window.menu_actions.device_panel_action.isChecked()
    # the user drags the handle: the panel gets wider, and a new window opens it as wide
    window.splitter.moveSplitter(video - 200, 1)
    qtbot.waitUntil(lambda: window.splitter.sizes()[1] >= beside + 150)
    dragged = window.splitter.sizes()[1]
    window.set_device_panel_visible(False)
    assert not panel.isVisible() and not window.menu_actions.device_panel_action.isChecked()
    window.shutdown()
    again = make_window()
    again.resize(1280, 720)
    again.show()
    qtbot.waitExposed(again)
    assert again.device_panel.isVisible() is False
    again.set_device_panel_visible(True)
    qtbot.waitUntil(lambda: again.splitter.sizes()[1] == dragged)


def test_recent_devices_are_remembered_most_recent_first(qtbot, make_window, settings, monkeypatch):
    connected = []
    monkeypatch.setattr(MainWindow, "connect_device", lambda self, device: connected.append(device))
    window = make_window()
    for index in range(MAX_RECENT + 2):
        assert window.connect_to("aws_cam@10.0.0.{0}".format(index))
    window.connect_to("aws_cam@10.0.0.5")
    recent = window.device_bar.recent_targets()
    assert recent[0] == "aws_cam@10.0.0.5" and recent[1] == "aws_cam@10.0.0.11"
    assert len(recent) == MAX_RECENT and "aws_cam@10.0.0.0" not in recent
    assert connected[-1].host == "10.0.0.5" and connected[-1].stream_path == PROJECT_STREAM
    qtbot.waitUntil(lambda: list(load_settings().recent_targets) == recent, timeout=5000)
    assert os.path.isfile(default_settings_path())
    again = make_window()
    assert again.device_bar.recent_targets() == recent
    combo = again.device_bar.target_combo
    assert [combo.itemText(i) for i in range(combo.count())] == recent


def test_stream_choice_and_identity_reach_the_device(qtbot, make_window, monkeypatch):
    connected = []
    monkeypatch.setattr(MainWindow, "connect_device", lambda self, device: connected.append(device))
    window = make_window()
    window.device_bar.identity_edit.setText("keys/deeplens_ed25519")
    window.device_bar.stream_combo.setCurrentIndex(1)
    window.connect_to("cam-alias")
    assert connected[-1].stream_path == CAMERA_STREAM and connected[-1].identity == "keys/deeplens_ed25519"
    assert not window.device_bar.stream_path_action.isVisible()
    window.device_bar.stream_combo.setCurrentIndex(2)
    window.device_bar.stream_path_edit.setText("/tmp/other.mjpeg")
    window.connect_to("cam-alias")
    assert connected[-1].stream_path == "/tmp/other.mjpeg"


def test_bad_target_is_explained(qtbot, make_window):
    window = make_window()
    assert not window.connect_to("aws_cam@host:99999")
    _headline, detail, is_error = window.view.state_text()
    assert is_error and "port" in detail
    assert window.controller is None and window.device_bar.recent_targets() == []


def test_viewer_and_classroom_share_a_roster_device_connection_but_not_a_namesake(qtbot, make_window,
                                                                                   sim_fleet, tmp_path):
    import dataclasses

    fleet = sim_fleet(1, project=None)
    virtual = fleet.devices[0]
    virtual.start_project("face")
    known_hosts = fleet.write_known_hosts(tmp_path / "known_hosts")
    window = make_window(ssh_options=SshOptions(known_hosts=str(known_hosts), allow_agent=False,
                                                look_for_keys=False, use_keyring=False))
    window.show()
    window.menu_actions.device_panel_action.trigger()  # the panel's status polls use the connection too
    device = virtual.device()

    def live_again(since):
        frame = window.controller.latest_frame()
        live = window.controller.status.state is StreamState.LIVE
        return live and frame is not None and frame.received > since

    # outside the roster: one pooled connection for the stream and the panel
    window.connect_device(device)
    qtbot.waitUntil(lambda: window.controller.status.state is StreamState.LIVE, timeout=30000)
    qtbot.waitUntil(lambda: window.device_panel.status_panel.status is not None, timeout=40000)
    assert virtual.server.connection_count() == 1 and len(window.pool) == 1

    # the device joins the classroom: the classroom borrows the very same connection
    since = time.monotonic()
    window.fleet.set_devices([device])
    qtbot.waitUntil(lambda: window.fleet.status(device.name).state is StreamState.LIVE, timeout=30000)
    qtbot.waitUntil(lambda: live_again(since), timeout=30000)
    qtbot.waitUntil(lambda: virtual.server.connection_count() == 1, timeout=10000)
    classroom = window.pool.peek(device)
    assert len(window.pool) == 1 and classroom.is_open
    assert window.controller._run.connection.shared is classroom
    assert window.fleet.controller(device.name)._run.connection.shared is classroom

    # same name, other settings: the viewer gets a connection of its own and leaves the classroom's alone
    namesake = dataclasses.replace(device, label="front desk")
    since = time.monotonic()
    window.connect_device(namesake)
    qtbot.waitUntil(lambda: live_again(since), timeout=30000)
    assert virtual.server.connection_count() == 2 and len(window.pool) == 2
    assert window.pool.peek(device) is classroom and classroom.is_open
    assert window.controller._run.connection.shared is not classroom

    # letting the namesake go closes only the viewer's connection
    window.disconnect_device()
    qtbot.waitUntil(lambda: virtual.server.connection_count() == 1, timeout=5000)
    assert window.pool.peek(device) is classroom and classroom.is_open
    assert window.fleet.status(device.name).state is StreamState.LIVE

    # viewing the roster device and quitting closes everything
    window.connect_device(device)
    qtbot.waitUntil(lambda: window.controller.status.state is StreamState.LIVE, timeout=30000)
    assert virtual.server.connection_count() == 1
    window.shutdown()
    qtbot.waitUntil(lambda: virtual.server.connection_count() == 0, timeout=5000)
    assert not classroom.is_open
