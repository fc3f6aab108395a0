"""The classroom grid on the real pipeline: 12 virtual DeepLens (player streams) over SSH, one tile each."""

import os

import pytest
from PyQt5.QtCore import QPoint, Qt
from PyQt5.QtWidgets import QMainWindow

from deeplens_gui.core.connections import BorrowedConnection, ConnectionPool
from deeplens_gui.core.device import Device
from deeplens_gui.remote.relay import fit_size
from deeplens_gui.ui.bulk_dialogs import RebootDialog
from deeplens_gui.ui.fleet_controller import HIDDEN_FPS, FleetController, safe_file_name
from deeplens_gui.ui.grid_view import ClassroomView, GridView, grid_shape
from deeplens_gui.ui.roster_dialog import RosterDialog
from deeplens_gui.ui.video_view import fit_rect
from tests.ui.conftest import stream_threads

LIVE_TIMEOUT = 60000


@pytest.fixture
def make_classroom_window(qtbot, tmp_path, jobs):
    """Factory: a window with the ClassroomView of a Classroom's devices; shut down at the end."""
    made = []

    def make(classroom):
        pool = ConnectionPool(classroom.options)
        fleet = FleetController(pool, jobs)
        window = QMainWindow()
        view = ClassroomView(fleet, lambda: str(tmp_path / "snapshots"))
        window.setCentralWidget(view)
        window.resize(1280, 900)
        qtbot.addWidget(window)
        window.show()
        fleet.set_devices(classroom.devices())
        made.append((fleet, pool))
        return window, view, fleet

    yield make
    for fleet, pool in made:
        fleet.shutdown()
        assert len(pool) == 0
    qtbot.waitUntil(lambda: not stream_threads(), timeout=5000)


@pytest.fixture
def classroom(make_classroom_window, classroom_fleet):
    """(window, ClassroomView, FleetController) of the module's 12 virtual devices."""
    return make_classroom_window(classroom_fleet)


def wait_all_live(qtbot, grid, names, frames=2):
    def ready():
        return all(grid.tile(n).health == "live" and grid.tile(n).frames_received >= frames for n in names)

    qtbot.waitUntil(ready, timeout=LIVE_TIMEOUT)


def distinct_colours(image):
    """How many different colours sit along the middle row of ``image``."""
    y = image.height() // 2
    return len({image.pixel(x, y) for x in range(0, image.width(), 4)})


def test_all_tiles_live_then_one_dies_alone_and_comes_back(qtbot, make_classroom_window, own_classroom):
    classroom_fleet = own_classroom(8)
    window, view, fleet = make_classroom_window(classroom_fleet)
    grid = view.grid
    names = fleet.names()
    assert len(names) == 8
    wait_all_live(qtbot, grid, names)
    # the cameras make thumbnails of each tile's size (device pixels): nothing is left to reduce here
    qtbot.waitUntil(lambda: all(fleet.controller(n).stats.sending.startswith("thumbnail") for n in names),
                    timeout=10000)
    for name in names:
        tile = grid.tile(name)
        assert distinct_colours(tile.current_image()) > 10, name
        assert tile.badge_text().split(" · ")[0] in ("checking", "running")  # the verdict, never "live"
        assert "fps" in tile.badge_text() and tile.feed_text().endswith("fps · thumbnails")
        assert fleet.controller(name).reduce == 1
        frame = fleet.controller(name).latest_frame()
        assert frame.thumbnail and frame.width < 858
        picture = tile.picture_rect()
        assert (frame.width, frame.height) == fit_size(858, 480, picture.width(), picture.height())
        shown = fit_rect(tile.current_image().size(), tile.picture_rect())
        assert abs(tile.current_image().width() - shown.width()) <= 1
        assert abs(tile.current_image().height() - tile.picture_rect().height()) <= 1 \
            or abs(tile.current_image().width() - tile.picture_rect().width()) <= 1
    # one SSH connection per device, and the stream uses the pooled one
    assert sorted(fleet.pool.names()) == sorted(names)
    grab = window.grab().toImage()
    assert distinct_colours(grab) > 50

    victim = "virtual-3"
    others = [name for name in names if name != victim]
    classroom_fleet.virtual(victim).kill()
    qtbot.waitUntil(lambda: grid.tile(victim).health == "offline", timeout=20000)
    assert grid.tile(victim).badge_text() == "offline"
    counts = {name: grid.tile(name).frames_received for name in others}
    qtbot.waitUntil(lambda: all(grid.tile(n).frames_received >= counts[n] + 3 for n in others), timeout=20000)
    assert all(grid.tile(name).health == "live" for name in others)
    assert grid.tile(victim).health == "offline"

    # problems first when sorted by state; the "needs attention" filter shows only the dead device
    grid.set_sort(GridView.SORT_STATE)
    assert grid.displayed_names()[0] == victim
    grid.set_filter(state="problems")
    assert grid.displayed_names() == [victim]
    assert grid.tile("virtual-1").isHidden()
    grid.set_filter(state="all")
    grid.set_sort(GridView.SORT_NAME)

    classroom_fleet.virtual(victim).restart()
    before = grid.tile(victim).frames_received
    qtbot.waitUntil(lambda: grid.tile(victim).health == "live"
                    and grid.tile(victim).frames_received >= before + 2, timeout=40000)
    assert distinct_colours(grid.tile(victim).current_image()) > 10


def test_snapshot_all_writes_one_file_per_live_device_in_one_folder(qtbot, classroom, tmp_path):
    window, view, fleet = classroom
    names = fleet.names()
    wait_all_live(qtbot, view.grid, names)
    fleet.controller("virtual-12").stop()
    qtbot.waitUntil(lambda: view.grid.tile("virtual-12").health == "stopped", timeout=5000)
    with qtbot.waitSignal(view.snapshot_saved, timeout=20000) as blocker:
        view.snapshot_all()
    result = blocker.args[0]
    base = tmp_path / "snapshots"
    folders = os.listdir(base)
    assert len(folders) == 1 and folders[0].startswith("classroom-")
    assert result.folder == str(base / folders[0])
    files = sorted(os.listdir(result.folder))
    assert files == sorted(safe_file_name(name) + ".jpg" for name in names if name != "virtual-12")
    for name in files:
        data = (base / folders[0] / name).read_bytes()
        assert data[:2] == b"\xff\xd8" and data[-2:] == b"\xff\xd9"
        assert len(data) > 10000  # full-size 858x480 frames, not the reduced tiles
    assert [name for name, _why in result.skipped] == ["virtual-12"]
    assert "Saved 11 snapshots" in view.message_label.text()


def test_hidden_tiles_stop_decoding_but_keep_counting(qtbot, classroom):
    window, view, fleet = classroom
    grid = view.grid
    names = fleet.names()
    window.resize(700, 360)  # a few tiles fit; the rest are scrolled out of view
    qtbot.waitUntil(lambda: not grid.is_decoding(names[-1]), timeout=5000)
    hidden = [name for name in names if not grid.is_decoding(name)]
    shown = [name for name in names if grid.is_decoding(name)]
    assert shown and hidden
    assert all(fleet.is_paused(name) for name in hidden)
    last = names[-1]
    qtbot.waitUntil(lambda: fleet.controller(last).stats.frames >= 10, timeout=LIVE_TIMEOUT)
    decoded = fleet.controller(last).stats.decoded
    frames = fleet.controller(last).stats.frames
    received = grid.tile(last).frames_received
    # a hidden tile's camera only trickles (HIDDEN_FPS): a few frames still arrive and are counted
    assert fleet.controller(last).max_fps == HIDDEN_FPS
    qtbot.waitUntil(lambda: fleet.controller(last).stats.frames >= frames + 3, timeout=20000)
    assert fleet.controller(last).stats.decoded == decoded
    assert grid.tile(last).frames_received == received
    assert grid.tile(last).health == "live"  # still counted: the badge stays honest
    # visible tiles keep decoding meanwhile
    first = shown[0]
    decoded_first = fleet.controller(first).stats.decoded
    qtbot.waitUntil(lambda: fleet.controller(first).stats.decoded >= decoded_first + 5, timeout=20000)

    # scroll to the end: the last tile decodes again, the first ones stop
    bar = grid.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert grid.is_decoding(last) and not fleet.is_paused(last)
    assert not grid.is_decoding(names[0])
    qtbot.waitUntil(lambda: grid.tile(last).frames_received >= received + 3, timeout=20000)

    # a minimised window decodes nothing
    window.setWindowState(Qt.WindowMinimized)
    qtbot.waitUntil(lambda: all(fleet.is_paused(name) for name in names), timeout=5000)
    window.setWindowState(Qt.WindowNoState)
    qtbot.waitUntil(lambda: not fleet.is_paused(last), timeout=5000)


def test_selection_double_click_and_text_filter(qtbot, classroom):
    window, view, fleet = classroom
    grid = view.grid
    tile = grid.tile("virtual-2")
    qtbot.mouseClick(tile, Qt.LeftButton, pos=QPoint(20, 20))
    assert grid.selected_names() == ["virtual-2"]
    qtbot.mouseClick(grid.tile("virtual-5"), Qt.LeftButton, Qt.ShiftModifier, QPoint(20, 20))
    assert grid.selected_names() == ["virtual-2", "virtual-3", "virtual-4", "virtual-5"]
    qtbot.mouseClick(grid.tile("virtual-3"), Qt.LeftButton, Qt.ControlModifier, QPoint(20, 20))
    assert grid.selected_names() == ["virtual-2", "virtual-4", "virtual-5"]
    assert view.grid.targets() == ["virtual-2", "virtual-4", "virtual-5"]
    assert grid.tile("virtual-4").is_selected() and not grid.tile("virtual-3").is_selected()
    assert view.target_label.text() == "3 selected"
    grid.select_all()
    assert len(grid.selected_names()) == 12
    grid.clear_selection()
    assert view.grid.targets() == fleet.names()  # nothing selected: bulk actions apply to all shown

    with qtbot.waitSignal(view.open_device, timeout=2000) as blocker:
        qtbot.mouseDClick(grid.tile("virtual-7"), Qt.LeftButton, pos=QPoint(30, 30))
    assert blocker.args == ["virtual-7"]

    grid.set_filter("virtual-1")  # natural order: 1, 10, 11, 12
    assert grid.displayed_names() == ["virtual-1", "virtual-10", "virtual-11", "virtual-12"]
    assert "4 of 12" in grid.count_label.text()
    grid.set_filter("")
    assert grid.displayed_names()[:3] == ["virtual-1", "virtual-2", "virtual-3"]


def test_stop_project_on_devices_without_a_deployed_project(qtbot, classroom):
    window, view, fleet = classroom
    with qtbot.waitSignal(fleet.stop_finished, timeout=30000) as blocker:
        fleet.stop_projects(["virtual-1", "virtual-2"])
    results = blocker.args[0]
    assert [result.device_name for result in results] == ["virtual-1", "virtual-2"]
    assert all(result.ok for result in results), [result.message for result in results]
    assert all("no project was deployed" in result.message for result in results)


def test_reboot_asks_first_and_does_nothing_when_refused(qtbot, classroom, monkeypatch):
    # Never let a reboot through here: a virtual device runs its commands on this machine.
    window, view, fleet = classroom
    assert view.reboot_button.isEnabled() == fleet.reboot_available()
    asked = []

    def refuse(parent, names):
        asked.append(list(names))
        return False

    def must_not_run(names):
        raise AssertionError("reboot ran for {0}".format(names))

    monkeypatch.setattr(RebootDialog, "ask", classmethod(lambda cls, parent, names: refuse(parent, names)))
    monkeypatch.setattr(fleet, "reboot", must_not_run)
    monkeypatch.setattr(fleet, "reboot_available", lambda: True)
    view.grid.select(["virtual-2", "virtual-9"])
    view.reboot()
    assert asked == [["virtual-2", "virtual-9"]]
    assert "Rebooting" not in view.message_label.text()
    # confirmed: the fleet is asked to reboot exactly the selection (recorded here, never run)
    rebooted = []
    monkeypatch.setattr(RebootDialog, "ask", classmethod(lambda cls, parent, names: True))
    monkeypatch.setattr(fleet, "reboot", lambda names: rebooted.append(list(names)))
    view.reboot()
    assert rebooted == [["virtual-2", "virtual-9"]]
    assert "Rebooting 2 devices" in view.message_label.text()


def test_deploy_failure_summary_and_retry(qtbot, classroom, tmp_path):
    window, view, fleet = classroom
    missing = str(tmp_path / "no-such-project")
    with qtbot.waitSignal(fleet.deploy_finished, timeout=20000):
        dialog = view.deploy(missing, ["virtual-1", "virtual-2", "virtual-3"])
    assert [result.ok for result in dialog.results] == [False, False, False]
    summary = dialog.summary.toPlainText()
    assert summary.startswith("0 of 3 devices deployed; 3 failed.")
    assert "virtual-2: Nothing changed on virtual-2" in summary and "no-such-project" in summary
    assert dialog.retry_button.isEnabled()
    with qtbot.waitSignal(fleet.deploy_finished, timeout=20000) as blocker:
        qtbot.mouseClick(dialog.retry_button, Qt.LeftButton)
    assert [result.device_name for result in blocker.args[0]] == ["virtual-1", "virtual-2", "virtual-3"]
    assert not fleet.deploying()


def test_grid_shape_reflows_from_1_to_64_devices():
    assert grid_shape(1, 1200, 800)[0] == 1
    assert grid_shape(4, 1200, 800, header=30)[0] == 2
    columns, width = grid_shape(12, 1264, 800, header=30)
    assert columns == 4 and width >= 300
    columns, width = grid_shape(64, 1264, 800, header=30)
    assert columns == 6 and width >= 200  # 64 tiles cannot fit: the grid scrolls with tiles of >= 200 px
    for count in range(1, 65):
        columns, width = grid_shape(count, 1264, 800, header=30)
        assert 1 <= columns <= count and width * columns <= 1264


def test_roster_dialog_imports_csv_keeping_good_rows(qtbot, tmp_path):
    csv_path = tmp_path / "class.csv"
    csv_path.write_text("name,host,user,port,label\n"
                        "desk-01,192.0.2.10,aws_cam,22,Minji\n"
                        "desk-02,,aws_cam,22,No host\n"
                        "desk-03,192.0.2.12,aws_cam,99999,Bad port\n"
                        "desk-04,192.0.2.13,,,\n", encoding="utf-8")
    dialog = RosterDialog()
    qtbot.addWidget(dialog)
    dialog.add_device()
    dialog.table.item(0, 0).setText("teacher")
    dialog.table.item(0, 1).setText("aws_cam@192.0.2.1:2222")
    added, errors = dialog.import_csv_file(str(csv_path))
    assert [device.name for device in added] == ["desk-01", "desk-04"]
    assert dialog.names() == ["teacher", "desk-01", "desk-04"]
    assert len(errors) == 2 and errors[0].startswith("Line 3:") and errors[1].startswith("Line 4:")
    report = dialog.report.toPlainText()
    assert "Imported 2 devices" in report and "2 rows were not imported" in report and "99999" in report
    # importing the same file again adds nothing and says why
    again, errors = dialog.import_csv_file(str(csv_path))
    assert again == [] and any("already in the roster" in line for line in errors)

    path = tmp_path / "class.toml"
    saved = dialog.save(str(path))
    assert saved is not None and [d.name for d in saved.devices] == ["teacher", "desk-01", "desk-04"]
    assert saved.devices[0].port == 2222 and saved.devices[1].label == "Minji"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".") or name.endswith(".tmp")]
    reopened = RosterDialog()
    qtbot.addWidget(reopened)
    assert reopened.load(str(path))
    assert reopened.roster() == saved

    # a bad edit is refused with the row, and the file stays as it was
    dialog.table.item(2, 1).setText("user@@host")
    before = path.read_bytes()
    assert dialog.save() is None
    assert "Row 3" in dialog.report.toPlainText()
    assert path.read_bytes() == before


def test_roster_dialog_imports_ssh_config_hosts(qtbot, tmp_path):
    config = tmp_path / "ssh_config"
    config.write_text("Host desk-a desk-b\n  User aws_cam\nHost *.lab\n  User x\nHost desk-c\n",
                      encoding="utf-8")
    dialog = RosterDialog()
    qtbot.addWidget(dialog)
    added, errors = dialog.import_ssh_config_file(str(config))
    assert [device.name for device in added] == ["desk-a", "desk-b", "desk-c"]
    assert errors == [] and dialog.names() == ["desk-a", "desk-b", "desk-c"]


def test_main_window_opens_roster_and_double_click_opens_viewer(qtbot, make_window, classroom_fleet,
                                                                 tmp_path):
    roster_path = tmp_path / "class.toml"
    classroom_fleet.fleet.write_roster(roster_path, known_hosts=classroom_fleet.known_hosts)
    settings_path = tmp_path / "settings.json"
    window = make_window(ssh_options=classroom_fleet.options, app_settings_path=str(settings_path))
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.roster_opened, timeout=10000):
        window.open_roster(str(roster_path))
    assert window.fleet.names() == [virtual.name for virtual in classroom_fleet.fleet.devices]
    qtbot.waitUntil(lambda: settings_path.exists() and str(roster_path) in settings_path.read_text(),
                    timeout=5000)
    window.tabs.setCurrentWidget(window.classroom)
    grid = window.classroom.grid
    qtbot.waitUntil(lambda: grid.tile("virtual-4").health == "live", timeout=LIVE_TIMEOUT)
    qtbot.mouseDClick(grid.tile("virtual-4"), Qt.LeftButton, pos=QPoint(30, 30))
    assert window.tabs.currentWidget() is window.view
    assert window.controller.device.name == "virtual-4"
    # the viewer shares the grid's SSH connection to that device
    assert isinstance(window.controller._run.connection, BorrowedConnection)
    shared = window.pool.peek(window.fleet.device("virtual-4"))
    assert window.controller._run.connection.shared is shared is window.fleet.controller(
        "virtual-4")._run.connection.shared
    qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=LIVE_TIMEOUT)
    # the grid is hidden now: its tiles do not decode
    assert all(window.fleet.is_paused(name) for name in window.fleet.names())
    window.shutdown()
    assert len(window.pool) == 0


def test_main_window_opens_the_last_roster_when_the_classroom_is_shown(qtbot, make_window, classroom_fleet,
                                                                        tmp_path):
    from deeplens_gui.core.settings import Settings, save_settings

    roster_path = tmp_path / "class.toml"
    classroom_fleet.fleet.write_roster(roster_path, known_hosts=classroom_fleet.known_hosts)
    settings_path = tmp_path / "settings.json"
    save_settings(Settings(last_roster=str(roster_path)), str(settings_path))
    window = make_window(ssh_options=classroom_fleet.options, app_settings_path=str(settings_path))
    with qtbot.waitSignal(window.roster_opened, timeout=10000):
        window.tabs.setCurrentWidget(window.classroom)
    assert len(window.fleet.names()) == len(classroom_fleet.fleet.devices)
    assert window.tabs.tabText(1) == "Classroom (12)"
    window.shutdown()



class _DemoBackend:
    """Two steps per device, no network: desk-2 fails its second step, desk-3 is cancelled after its first."""

    name = "demo"

    def steps(self, source):
        from deeplens_gui.core.deploy.service import DeployStep

        return [DeployStep("copy", "Copy"), DeployStep("start", "Start")]

    def deploy(self, connection, source, on_event, cancel):
        from deeplens_gui.core.deploy.service import DONE, FAILED, RUNNING, SKIPPED, DeployResult, StepTracker
        from deeplens_gui.core.errors import DeployCancelled

        name = connection.device.name
        tracker = StepTracker(name, self.steps(source), on_event)
        tracker.emit("copy", RUNNING, "Copying…", 0.5)
        tracker.emit("copy", DONE, "Copied.")
        if name == "desk-3":
            cancel.cancel()  # as if the user pressed Cancel right then; the other devices never check
            try:
                cancel.raise_if_cancelled()
            except DeployCancelled:
                tracker.finish_pending(SKIPPED)
                return DeployResult(name, False, "Cancelled on desk-3.", steps=tracker.final_events())
        tracker.emit("start", RUNNING, "Starting…")
        if name == "desk-2":
            tracker.emit("start", FAILED, "No space left on desk-2.")
            return DeployResult(name, False, "No space left on desk-2.", steps=tracker.final_events())
        tracker.emit("start", DONE, "Started.")
        return DeployResult(name, True, "Runs on {0}.".format(name), steps=tracker.final_events())


def test_bulk_deploy_shows_each_devices_steps_with_the_step_list_view(qtbot, jobs):
    from deeplens_gui.core.deploy.service import DeployService
    from deeplens_gui.core.device import Device
    from deeplens_gui.core.ssh import SshOptions
    from deeplens_gui.ui.bulk_dialogs import BulkDeployDialog
    from deeplens_gui.ui.deploy_dialog import StepListView

    pool = ConnectionPool(SshOptions())
    fleet = FleetController(pool, jobs,
                            deploy_service=DeployService({"demo": _DemoBackend()}, default="demo"),
                            source_resolver=lambda spec: spec)
    names = ["desk-1", "desk-2", "desk-3"]
    fleet.set_devices([Device(name=name, host="192.0.2.{0}".format(i + 1)) for i, name in enumerate(names)],
                      start=False)
    dialog = None
    seen = []
    fleet.deploy_started.connect(lambda steps: seen.append(("started", dialog.step_text("desk-1"))))
    try:
        with qtbot.waitSignal(fleet.deploy_finished, timeout=10000):
            dialog = BulkDeployDialog(fleet, "demo", names)
            qtbot.addWidget(dialog)
            # connected after the dialog's own slot: sees each row as the dialog just drew it
            fleet.deploy_event.connect(lambda event: seen.append((event.device_name, dialog.step_text(
                event.device_name), dialog.progress(event.device_name))))
        # compact rows: the step each device is at, with that step's state, drawn by its StepListView
        assert ("desk-1", "◔ Copy: running", 25) in seen and ("desk-1", "✔ Copy: done", 50) in seen
        assert ("desk-2", "◔ Start: running", 50) in seen and ("desk-2", "✘ Start: failed", 100) in seen
        assert ("started", "○ waiting") in seen
        assert [dialog.step_text(name) for name in names] == ["✔ done", "✘ failed", "⊘ cancelled"]
        # every step ended, one way or another
        assert [dialog.progress(name) for name in names] == [100, 100, 100]
        assert dialog.message("desk-2") == "No space left on desk-2."
        # the details pane: the selected device's StepListView, the same widget as the single-device dialog
        assert dialog.shown_device() == "desk-1"
        views = [dialog.steps_view(name) for name in names]
        assert all(isinstance(view, StepListView) for view in views) and len(set(map(id, views))) == 3
        assert [views[0].state(key) for key in views[0].keys()] == ["done", "done"]
        assert [views[1].state(key) for key in views[1].keys()] == ["done", "failed"]
        assert [views[2].state(key) for key in views[2].keys()] == ["done", "skipped"]
        assert views[1].message("start") == "No space left on desk-2."
        dialog.show_device("desk-2")
        assert dialog.shown_device() == "desk-2" and dialog.details.currentWidget() is views[1]
        assert dialog.details_label.text() == "Steps on desk-2:"
        # the cancelled device counts as not deployed, with its result, and can be retried
        assert dialog.results[2].cancelled
        assert dialog.summary.toPlainText().splitlines() == [
            "1 of 3 devices deployed; 2 failed.", "desk-2: No space left on desk-2.",
            "desk-3: Cancelled on desk-3."]
        assert dialog.retry_button.isEnabled() and not dialog.cancel_button.isEnabled()
        with qtbot.waitSignal(fleet.deploy_finished, timeout=10000) as retried:
            qtbot.mouseClick(dialog.retry_button, Qt.LeftButton)
        assert [result.device_name for result in retried.args[0]] == ["desk-2", "desk-3"]
        assert dialog.step_text("desk-1") == "✔ done" and dialog.progress("desk-1") == 100
    finally:
        fleet.shutdown()
    assert len(pool) == 0


def test_a_big_classroom_shares_the_frame_budget_evenly(jobs):
    from deeplens_gui.ui.fleet_controller import GRID_FRAME_BUDGET, RATE_CHANGE

    # A link that carries everything: the app's decode budget is what limits.
    fleet = FleetController(ConnectionPool(lambda device: None), jobs, max_fps=15.0, link_mbit=1000)
    try:
        assert fleet.tile_fps(1) == 15.0
        assert fleet.tile_fps(20) == 15.0
        assert fleet.tile_fps(30) == GRID_FRAME_BUDGET / 30
        assert fleet.tile_fps(60) * 60 == GRID_FRAME_BUDGET
        devices = [Device(name="desk-{0}".format(n), host="127.0.0.1", port=9) for n in range(40)]
        fleet.set_devices(devices, start=False)
        assert {fleet.controller(d.name).max_fps for d in devices} == {GRID_FRAME_BUDGET / 40}
        fleet.set_devices(devices[:10], start=False)
        assert {fleet.controller(d.name).max_fps for d in devices[:10]} == {15.0}
        # A classroom Wi-Fi: 40 cameras of (assumed, before any frame) 12 kB thumbnails share 20 Mbit/s evenly.
        fleet.set_devices(devices, start=False)
        fleet.set_link_budget(20)
        assert {fleet.controller(d.name).max_fps for d in devices} == {round(20e6 / 8 / 40 / 12000, 2)}
        # Ten tiles scrolled out: their cameras trickle, the thirty shown share what they leave.
        for device in devices[:10]:
            fleet.set_paused(device.name, True)
        assert {fleet.controller(d.name).max_fps for d in devices[:10]} == {HIDDEN_FPS}
        shown = round((20e6 / 8 - 10 * HIDDEN_FPS * 12000) / 30 / 12000, 2)
        # (a change of less than RATE_CHANGE is not worth a request to the cameras)
        rates = {fleet.controller(d.name).max_fps for d in devices[10:]}
        assert len(rates) == 1 and rates.pop() == pytest.approx(shown, rel=RATE_CHANGE)
    finally:
        fleet.shutdown()


def test_a_classroom_reviews_unknown_host_keys_together(qtbot, make_classroom_window, own_classroom, tmp_path,
                                                       monkeypatch):
    import dataclasses

    from deeplens_gui.core.ssh import fingerprint, host_key_of
    from deeplens_gui.ui.dialogs import HostKeysDialog

    classroom = own_classroom(3)
    known_hosts = tmp_path / "fresh" / "known_hosts"  # a new instructor laptop: no camera is known
    options = dataclasses.replace(classroom.options, known_hosts=str(known_hosts))
    window, view, fleet = make_classroom_window(dataclasses.replace(classroom, options=options))
    names = fleet.names()
    qtbot.waitUntil(lambda: len(fleet.unknown_host_keys()) == 3, timeout=LIVE_TIMEOUT)
    assert all(view.grid.tile(name).health == "host-key" for name in names), \
        [view.grid.tile(name).health for name in names]
    assert view.host_keys_button.isVisible() and "3" in view.host_keys_button.text()
    shown = []

    def review(parent, entries):
        dialog = HostKeysDialog(parent, entries)  # what the user would see
        shown.extend((dialog.table.item(row, 0).text(), dialog.table.item(row, 3).text())
                     for row in range(dialog.table.rowCount()))
        assert dialog.checked() == []  # nothing is trusted unless the user checks it
        dialog.deleteLater()
        return names[:2]

    monkeypatch.setattr(HostKeysDialog, "ask", classmethod(lambda cls, parent, entries: review(parent, entries)))
    view.host_keys_button.click()
    expected = [(name, fingerprint(classroom.virtual(name).host_key)) for name in names]
    assert shown == expected
    wait_all_live(qtbot, view.grid, names[:2])
    assert view.grid.tile(names[2]).health == "host-key"
    assert list(fleet.unknown_host_keys()) == [names[2]]
    for name in names[:2]:
        port = classroom.virtual(name).port
        assert host_key_of(str(known_hosts), "[127.0.0.1]:{0}".format(port))
    assert not host_key_of(str(known_hosts), "[127.0.0.1]:{0}".format(classroom.virtual(names[2]).port))


def test_record_the_classroom_one_file_per_live_camera(qtbot, classroom, tmp_path):
    from deeplens_gui.core.mjpeg import FrameReader

    window, view, fleet = classroom
    names = fleet.names()[:3]
    wait_all_live(qtbot, view.grid, names)
    folder = view.start_recording(names)
    assert folder is not None and view.record_button.isChecked()
    qtbot.waitUntil(lambda: "Stop recording 0:02" in view.record_button.text(), timeout=10000)
    view.stop_recording(wait=True)
    assert not view.is_recording() and view.record_button.text() == "Record"
    files = sorted(os.listdir(folder))
    assert files == sorted(name + ".mjpeg" for name in names)
    for name in files:
        reader = FrameReader()
        frames = reader.feed(open(os.path.join(folder, name), "rb").read())
        assert len(frames) >= 10 and reader.discarded_bytes == 0, name
    assert "Saved 3 recordings" in view.message_label.text()
