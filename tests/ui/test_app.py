"""The composition root: excepthook dialog, --demo with a virtual fleet, run_gui's loop and clean exit."""

import argparse
import socket
import sys
import threading
import time

import pytest
from PyQt5.QtCore import QObject, QSettings, QTimer, pyqtSignal
from PyQt5.QtWidgets import QApplication

from deeplens_gui import cli
from deeplens_gui.cli.demo import DemoClassroom
from deeplens_gui.ui.app import Console, ExceptionHook, run_gui
from deeplens_gui.ui.dialogs import ExceptionDialog
from tests.ui.conftest import stream_threads


def options(**values):
    defaults = dict(demo=False, target=None, identity=None, ssh_config=None, known_hosts=None,
                    stream_path="/tmp/results.mjpeg", accept_new_host_key=False, password_env=None)
    defaults.update(values)
    return argparse.Namespace(**defaults)


@pytest.fixture
def shown_exceptions(monkeypatch):
    shown = []

    def exec_(dialog):
        shown.append((dialog.message.text(), dialog.details, threading.current_thread()))
        return 0

    monkeypatch.setattr(ExceptionDialog, "exec_", exec_)
    return shown


class Emitter(QObject):
    fired = pyqtSignal()


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_and_the_app_goes_on(qtbot, shown_exceptions, capsys):
    hook = ExceptionHook()
    hook.install()
    try:
        emitter = Emitter()

        def broken_slot():
            raise ZeroDivisionError("the bug")

        emitter.fired.connect(broken_slot)
        emitter.fired.emit()
        qtbot.waitUntil(lambda: len(shown_exceptions) > 0)
    finally:
        hook.uninstall()
    message, details, thread = shown_exceptions[0]
    assert "ZeroDivisionError: the bug" in message and "broken_slot" in details
    assert thread is threading.main_thread()
    assert "ZeroDivisionError" in capsys.readouterr().err  # also on stderr for bug reports
    assert sys.excepthook is not hook


def test_an_exception_in_another_thread_is_shown_on_the_gui_thread(qtbot, shown_exceptions):
    hook = ExceptionHook()

    def worker():
        try:
            raise RuntimeError("in a worker")
        except RuntimeError:
            hook(*sys.exc_info())

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(shown_exceptions) > 0)
    assert "in a worker" in shown_exceptions[0][0]
    assert shown_exceptions[0][2] is threading.main_thread()


def test_demo_starts_a_virtual_fleet_streams_and_stops_everything(qtbot, settings, shown_exceptions):
    classroom = DemoClassroom()
    console = Console(options(demo=True), demo=classroom, settings=settings).start()
    window = console.window
    try:
        assert "Starting virtual DeepLens" in window.view.state_text()[0]
        with qtbot.waitSignal(console.demo.started, timeout=60000) as blocker:
            pass
        devices = blocker.args[0]
        assert [d.name for d in devices] == ["virtual-1", "virtual-2", "virtual-3"]
        assert classroom.running
        combo = window.device_bar.target_combo
        assert [combo.itemText(i) for i in range(3)] == ["virtual-1", "virtual-2", "virtual-3"]
        qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=30000)
        assert window.controller.device.name == "virtual-1"
        assert window.device_bar.recent_targets() == []  # virtual devices are not remembered
        started = time.monotonic()
        window.close()
        assert time.monotonic() - started < 1.0
    finally:
        assert console.shutdown() == 0
    assert not classroom.running
    assert_stopped(devices)
    assert shown_exceptions == []
    qtbot.waitUntil(lambda: not stream_threads(), timeout=3000)


def test_run_gui_runs_the_loop_and_exits_cleanly(qtbot, tmp_path, monkeypatch, shown_exceptions):
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    built = []
    original = Console.start

    def start(self):
        original(self)
        built.append(self)
        QTimer.singleShot(0, self.window.close)
        return self

    monkeypatch.setattr(Console, "start", start)
    try:
        status = run_gui(options(target="aws_cam@127.0.0.1:1"))
    finally:
        QSettings.setDefaultFormat(QSettings.NativeFormat)
    assert status == 0
    console = built[0]
    assert QApplication.applicationName() == "DeepLens Console"
    assert console.window.controller is None or not console.window.controller.is_running()
    assert sys.excepthook is not console.hook
    assert console.window.lingering() == 0 and len(console.pool) == 0
    assert shown_exceptions == []


def assert_stopped(devices):
    """The virtual cameras' SSH servers are gone: a connection is refused."""
    for device in devices:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection((device.host, device.port), timeout=5).close()


def test_the_cli_demo_starts_the_virtual_classroom_for_the_gui_and_stops_it(qtbot, tmp_path, monkeypatch,
                                                                           shown_exceptions):
    """``deeplens-gui --demo``: the CLI owns the virtual DeepLens; the window shows it; closing stops it."""
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp_path))
    QSettings.setDefaultFormat(QSettings.IniFormat)
    built, shown = [], []
    original = Console.start

    def start(self):
        original(self)
        built.append(self)

        def on_started(devices):
            shown.extend(devices)
            self.window.close()

        self.demo.started.connect(on_started)
        return self

    monkeypatch.setattr(Console, "start", start)
    try:
        status = cli.main(["--demo"])
    finally:
        QSettings.setDefaultFormat(QSettings.NativeFormat)
    assert status == 0
    assert [device.name for device in shown] == ["virtual-1", "virtual-2", "virtual-3"]
    assert built[0].window.roster.devices == tuple(shown)  # the Classroom tab had them
    assert_stopped(shown)
    assert shown_exceptions == []


def test_a_korean_window_title_names_the_app_once(qtbot, tmp_path):
    """Qt appends the application's display name to a title that does not end with it: in the window's language
    there is nothing to append ("DeepLens 콘솔", not "DeepLens 콘솔 — DeepLens Console")."""
    from deeplens_gui.core.settings import Settings, save_settings
    from deeplens_gui.ui import i18n

    path = tmp_path / "settings.json"
    save_settings(Settings(language="ko"), str(path))
    settings = QSettings(str(tmp_path / "layout.ini"), QSettings.IniFormat)
    console = Console(options(), settings=settings, app_settings_path=str(path)).start()
    try:
        assert QApplication.applicationDisplayName() == "DeepLens 콘솔"
        assert console.window.windowTitle().endswith(QApplication.applicationDisplayName())
    finally:
        console.shutdown()
        i18n.uninstall()
        QApplication.instance().setApplicationDisplayName("DeepLens Console")
    assert console.window.windowTitle() == "DeepLens 콘솔"
