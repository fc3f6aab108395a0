"""The user guide's classroom screenshots: 12 and 30 virtual cameras, in English and Korean, at 1280x720 and
1920x1080, each checked for cut text first. Runs only when DEEPLENS_SCREENSHOTS names a folder: 30 cameras are
too heavy for every test run (the cut check itself runs every time in test_layout, on offline tiles)."""

import dataclasses
import os

import pytest
from PyQt5.QtWidgets import QApplication

from deeplens_gui.core.roster import Roster
from deeplens_gui.ui import i18n
from tests.ui.test_layout import SIZES, assert_nothing_cut, settle

pytestmark = pytest.mark.skipif(not os.environ.get("DEEPLENS_SCREENSHOTS"),
                                reason="set DEEPLENS_SCREENSHOTS to a folder to make the screenshots")

LABELS = {"en": "Student {0}", "ko": "학생 {0}"}
#: Player frame rates: 30 cameras on a 2-core machine stay cheap at 2 fps.
FPS = {12: 5, 30: 2}
LIVE_TIMEOUT = 120000


def _shown_tiles_live(grid):
    """True when every tile on screen shows a picture and its verdict (tiles scrolled out of view are
    paused)."""
    shown = [tile for tile in (grid.tile(name) for name in grid.displayed_names())
             if not tile.visibleRegion().isEmpty()]
    # live, a few pictures in, and the verdict known (a badge that says "running", not "checking")
    return bool(shown) and all(tile.health == "live" and tile.frames_received >= 2
                               and tile.verdict is not None for tile in shown)


@pytest.mark.parametrize("count", [12, 30])
def test_the_classroom_at_12_and_30_cameras_in_both_languages(qtbot, own_classroom, make_window, count):
    classroom = own_classroom(count, fps=FPS[count])
    for language in ("en", "ko"):
        i18n.install(language)
        try:
            window = make_window(ssh_options=classroom.options)
            devices = tuple(dataclasses.replace(device, label=LABELS[language].format(number))
                            for number, device in enumerate(classroom.devices(), 1))
            window.tabs.setCurrentWidget(window.classroom)
            window.set_roster(Roster(devices=devices))
            grid = window.classroom.grid
            for width, height in SIZES:
                settle(qtbot, window, (width, height))
                qtbot.waitUntil(lambda: _shown_tiles_live(grid), timeout=LIVE_TIMEOUT)
                QApplication.processEvents()
                where = "{0} {1} cameras {2}x{3}".format(language, count, width, height)
                assert_nothing_cut(window, where)
                name = "screenshot-classroom-{0}-{1}-{2}x{3}.png".format(count, language, width, height)
                assert window.grab().save(os.path.join(os.environ["DEEPLENS_SCREENSHOTS"], name))
            window.shutdown()
        finally:
            i18n.install("en")
