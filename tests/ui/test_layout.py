"""Nothing is cut at 1280x720 and 1920x1080, in English and in Korean: the main window with the device panel
(each of its tabs), the classroom, and a deploy window after it finished (see cut_text for the check)."""

import socket

import pytest
from PyQt5.QtGui import QFont, QFontMetrics
from PyQt5.QtWidgets import QApplication

from deeplens_gui.core.device import Device
from deeplens_gui.core.roster import Roster
from deeplens_gui.ui import i18n
from deeplens_gui.ui.device_tile import wrapped_lines
from tests.ui.cut_text import problems
from tests.ui.test_deploy_windows import PROBLEM, single_deploys

SIZES = [(1280, 720), (1920, 1080)]


def _closed_port():
    """A local port nobody listens on: the classroom's devices are refused at once (offline tiles)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def settle(qtbot, window, size):
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size().width() == size[0])
    QApplication.processEvents()


def assert_nothing_cut(window, where):
    found = problems(window)
    assert not found, "{0}: {1}".format(where, "; ".join(found))


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_main_window_its_panel_and_the_classroom_cut_nothing(qtbot, make_window, language):
    i18n.install(language)
    try:
        window = make_window()
        port = _closed_port()
        names = ["desk-{0:02d}".format(n) for n in range(1, 13)]
        roster = Roster(devices=tuple(Device(name, "127.0.0.1", user="aws_cam", port=port,
                                             label="Student {0}".format(n))
                                      for n, name in enumerate(names, 1)))
        for size in SIZES:
            settle(qtbot, window, size)
            window.set_device_panel_visible(True)
            panel = window.device_panel
            for tab in range(panel.tabs.count()):
                panel.tabs.setCurrentIndex(tab)
                QApplication.processEvents()
                assert_nothing_cut(window, "{0} {1} viewer, panel tab {2}".format(language, size, tab))
            window.tabs.setCurrentWidget(window.classroom)
            window.set_roster(roster)
            grid = window.classroom.grid
            qtbot.waitUntil(lambda: all(grid.tile(name).health == "offline" for name in names), timeout=20000)
            assert_nothing_cut(window, "{0} {1} classroom".format(language, size))
            window.tabs.setCurrentWidget(window.view)
    finally:
        i18n.install("en")


def test_a_tile_message_shows_whole_lines_and_ends_elided(qapp):
    metrics = QFontMetrics(QFont())
    lines = wrapped_lines(metrics, "the camera refused the connection " * 6, 120, 3)
    assert len(lines) == 3 and lines[-1].endswith("…") and not lines[0].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 120 for line in lines)
    assert wrapped_lines(metrics, "Offline", 120, 3) == ["Offline"]
    # a short tile has room for one line: it still ends elided, never silently cut at a space
    one = wrapped_lines(metrics, "The connection to desk-01 was lost and is retried", 120, 1)
    assert len(one) == 1 and one[0].endswith("…") and metrics.horizontalAdvance(one[0]) <= 120
    korean = "카메라가 연결을 거부했습니다 해당 포트에서 대기 중인 SSH 서버가 없습니다"
    assert wrapped_lines(metrics, korean, 2000, 4) == [korean]


@pytest.fixture
def deploy_window(qtbot, jobs):
    """``make(problem=None)`` -> (running DeployDialog, its backend), as in test_deploy_windows."""
    yield from single_deploys(qtbot, jobs)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_finished_deploy_window_cuts_nothing(qtbot, deploy_window, language):
    i18n.install(language)
    try:
        dialog, backend = deploy_window(problem=PROBLEM)
        with qtbot.waitSignal(dialog.deploy_finished, timeout=10000):
            backend.release.set()
        QApplication.processEvents()
        assert_nothing_cut(dialog, "{0} deploy window".format(language))
    finally:
        i18n.install("en")


def test_an_elided_step_message_keeps_its_whole_text_to_read_and_to_copy(qtbot):
    from PyQt5.QtWidgets import QApplication

    from deeplens_gui.ui.text_fit import ElidedLabel

    whole = "Uploaded 18 kB to .deeplens-console/projects/mask/20261206T052622Z-73a4eee12793 on virtual-1."
    label = ElidedLabel()
    qtbot.addWidget(label)
    label.setText(whole)
    label.resize(120, 20)
    assert label.toolTip() == whole and label.text() == whole
    (copy,) = label.actions()
    copy.trigger()
    assert QApplication.clipboard().text() == whole
