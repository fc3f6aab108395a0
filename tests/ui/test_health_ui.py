"""A project that streams but reports errors, as the window shows it: the deploy window's warning, the device
panel's verdict and the classroom tile's badge all say "running with errors" with the project's sentence.

Set DEEPLENS_SCREENSHOTS to a folder to save the user guide's screenshots of the panel and the tile in
English and Korean (screenshot-health-panel-LANG.png, screenshot-health-tile-LANG.png) and the finished deploy
window (screenshot-deploy-LANG.png).
"""

import pytest
from PyQt5.QtWidgets import QApplication

from deeplens_gui.ui import i18n
from deeplens_gui.ui.deploy_dialog import WARNING, result_state
from tests.fixtures.projects import ERROR_SENTENCE, make_reporting_project
from tests.ui.cut_text import problems
from tests.ui.test_deploy_ui import DEPLOY_TIMEOUT_MS
from tests.ui.test_device_panel import save_screenshot, viewer_factory

WORDS = {
    "en": {"verdict": "Running with errors", "badge": "running with errors", "step": "deployed with problems"},
    "ko": {"verdict": "실행 중 (오류 있음)", "badge": "실행 중 (오류 있음)", "step": "배포됨 (문제 있음)"},
}


def _settled(widget):
    """``widget`` after its pending layouts ran (a screenshot must not show a half-laid-out panel)."""
    for _ in range(3):
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    return widget


@pytest.fixture
def viewer(qtbot, sim_fleet, tmp_path, jobs):
    yield from viewer_factory(qtbot, sim_fleet, tmp_path, jobs)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_running_with_errors_in_the_deploy_window_the_device_panel_and_the_tile(qtbot, viewer, tmp_path,
                                                                                 language):
    i18n.install(language)
    try:
        words = WORDS[language]
        window, virtual = viewer("face")
        panel = window.device_panel
        window.menu_actions.device_panel_action.trigger()
        folder = make_reporting_project(tmp_path / "mask", "mask-offline", ERROR_SENTENCE, colour="green",
                                        name="Mask detection")

        dialog = panel.deploy(folder, "Mask detection")
        with qtbot.waitSignal(dialog.deploy_finished, timeout=DEPLOY_TIMEOUT_MS) as finished:
            pass

        result = finished.args[0]
        assert result.ok and result.problem == ERROR_SENTENCE, result.message
        assert result_state(result) == WARNING
        assert ERROR_SENTENCE in dialog.final_text()
        assert ERROR_SENTENCE in dialog.steps_view.message("verify")
        assert not problems(dialog), problems(dialog)
        save_screenshot(dialog, "screenshot-deploy-{0}.png".format(language))
        dialog.close()

        # the device panel: its verdict badge, the status tab's badge and reason
        status_panel = panel.status_panel
        panel.tabs.setCurrentWidget(status_panel)
        with qtbot.waitSignal(status_panel.status_updated, timeout=30000):
            status_panel.refresh()
        qtbot.waitUntil(lambda: status_panel.verdict_text() == words["verdict"], timeout=30000)
        assert ERROR_SENTENCE in status_panel.reason_text() and status_panel.reason_label.isVisible()
        assert status_panel.status.project_error == ERROR_SENTENCE
        window.splitter.setSizes([window.width() - 760, 760])
        save_screenshot(_settled(panel), "screenshot-health-panel-{0}.png".format(language))

        # the classroom tile: its badge is the verdict
        window.fleet.set_devices([virtual.device()])
        panel.setVisible(False)
        window.resize(1000, 700)
        window.tabs.setCurrentWidget(window.classroom)
        grid = window.classroom.grid
        tile = grid.tile(virtual.name)
        qtbot.waitUntil(lambda: tile.current_image() is not None, timeout=30000)
        grid.check_verdicts()
        qtbot.waitUntil(lambda: tile.health == "errors", timeout=30000)
        assert tile.badge_text() == words["badge"]
        assert ERROR_SENTENCE in tile.toolTip()
        save_screenshot(_settled(tile), "screenshot-health-tile-{0}.png".format(language))
    finally:
        i18n.uninstall()
