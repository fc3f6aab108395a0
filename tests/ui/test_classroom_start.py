"""A classroom that opens: ``--roster FILE`` and ``--demo`` start with a populated Classroom tab whose tiles
connect, and the last roster reopens at start."""

import pytest

from deeplens_gui.cli.demo import DemoClassroom
from deeplens_gui.core.settings import Settings, load_settings, save_settings
from deeplens_gui.ui.app import Console
from tests.ui.conftest import stream_threads
from tests.ui.test_app import options
from tests.ui.test_grid import LIVE_TIMEOUT, wait_all_live


@pytest.fixture
def start_console(qtbot, settings, tmp_path):
    """Factory ``start(**options)`` -> a started Console with its own settings file; shut down at the end."""
    consoles = []

    def start(demo=None, **values):
        console = Console(options(**values), demo=demo, settings=settings,
                          app_settings_path=str(tmp_path / "settings.json")).start()
        consoles.append(console)
        return console

    yield start
    for console in consoles:
        console.window.close()  # a window left open would keep a later test's event loop from quitting
        assert console.shutdown() == 0
    qtbot.waitUntil(lambda: not stream_threads(), timeout=5000)


def _roster(own_classroom, tmp_path, count=3):
    classroom = own_classroom(count)
    path = tmp_path / "class.toml"
    classroom.fleet.write_roster(path, known_hosts=classroom.known_hosts)
    return classroom, str(path)


def test_roster_option_opens_the_classroom_with_every_tile_connecting(qtbot, start_console, own_classroom,
                                                                       tmp_path):
    classroom, path = _roster(own_classroom, tmp_path)
    console = start_console(roster=path, known_hosts=classroom.known_hosts)
    window = console.window
    qtbot.waitUntil(lambda: window.roster is not None, timeout=10000)
    assert window.tabs.currentWidget() is window.classroom
    names = [virtual.name for virtual in classroom.fleet.devices]
    assert window.fleet.names() == names
    assert window.classroom.grid.count_label.text() == "3 of 3 devices"
    wait_all_live(qtbot, window.classroom.grid, names)
    assert load_settings(str(tmp_path / "settings.json")).last_roster == path


def test_the_last_roster_reopens_at_start(qtbot, start_console, own_classroom, tmp_path):
    classroom, path = _roster(own_classroom, tmp_path)
    save_settings(Settings(last_roster=path), str(tmp_path / "settings.json"))
    console = start_console(known_hosts=classroom.known_hosts)
    window = console.window
    qtbot.waitUntil(lambda: window.roster is not None, timeout=10000)
    assert window.fleet.names() == [virtual.name for virtual in classroom.fleet.devices]
    assert window.tabs.tabText(window.tabs.indexOf(window.classroom)) == "Classroom (3)"
    # the reopened roster streams behind the Viewer tab (its cameras trickle), and no tile is left
    # mid-handshake when the console closes
    grid = window.classroom.grid
    qtbot.waitUntil(lambda: all(grid.tile(n).health == "live" for n in window.fleet.names()),
                    timeout=LIVE_TIMEOUT)


def test_a_bad_roster_option_says_why_and_leaves_the_classroom_empty(qtbot, start_console, tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[[device]\nname = ", encoding="utf-8")
    console = start_console(roster=str(path))
    window = console.window
    with qtbot.waitSignal(window.roster_failed, timeout=10000) as blocker:
        pass
    assert str(path) in blocker.args[0]
    assert window.fleet.names() == [] and window.roster is None


def test_demo_shows_its_virtual_cameras_in_the_classroom(qtbot, start_console):
    console = start_console(demo=DemoClassroom())
    window = console.window
    with qtbot.waitSignal(console.demo.started, timeout=60000) as blocker:
        pass
    names = [device.name for device in blocker.args[0]]
    assert window.fleet.names() == names == ["virtual-1", "virtual-2", "virtual-3"]
    window.tabs.setCurrentWidget(window.classroom)
    assert window.classroom.grid.count_label.text() == "3 of 3 devices"
    qtbot.waitUntil(lambda: all(window.classroom.grid.tile(n).health in ("live", "no-project") for n in names),
                    timeout=LIVE_TIMEOUT)
    wait_all_live(qtbot, window.classroom.grid, names, frames=1)
