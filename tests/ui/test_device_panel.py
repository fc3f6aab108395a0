"""The device panel on a virtual DeepLens: status verdict and health, the project log, live results, history.

Set DEEPLENS_SCREENSHOTS to a folder to also save the panel's screenshot there (docs/screenshot-status.png).
"""

import json
import os

import pytest
from PyQt5.QtCore import QSettings
from PyQt5.QtWidgets import QLabel

from deeplens_gui.core import commands
from deeplens_gui.core.ssh import SshOptions
from deeplens_gui.ui.device_panel import interpret_payload, parse_results
from deeplens_gui.ui.status_panel import parse_history


def save_screenshot(widget, name):
    """Save ``widget`` as ``name`` in $DEEPLENS_SCREENSHOTS when it is set."""
    folder = os.environ.get("DEEPLENS_SCREENSHOTS")
    if folder:
        assert widget.grab().save(os.path.join(folder, name))


def viewer_factory(qtbot, sim_fleet, tmp_path, jobs):
    """Generator behind the ``viewer`` fixtures: yields ``make(project, before_start=None)`` -> (MainWindow
    connected to a new virtual DeepLens running ``project``, that VirtualDevice); shuts the windows down."""
    from deeplens_gui.ui.main_window import MainWindow

    made = []

    def make(project="face", before_start=None):
        fleet = sim_fleet(1, project=None)
        virtual = fleet.devices[0]
        if before_start is not None:
            before_start(virtual)
        if project:
            virtual.start_project(project)
            # "running": the project has opened its output (on a busy machine that takes a moment)
            qtbot.waitUntil(virtual.stream_path.exists, timeout=30000)
        known_hosts = fleet.write_known_hosts(tmp_path / "known_hosts-{0}".format(len(made)))
        options = SshOptions(known_hosts=str(known_hosts), allow_agent=False, look_for_keys=False,
                             use_keyring=False)
        settings = QSettings(str(tmp_path / "settings-{0}.ini".format(len(made))), QSettings.IniFormat)
        window = MainWindow(jobs, ssh_options=options, settings=settings)
        qtbot.addWidget(window)
        made.append(window)
        window.resize(1400, 820)
        window.show()
        window.set_devices([virtual.device()])
        assert window.connect_to()
        return window, virtual

    yield make
    for window in made:
        window.shutdown()


@pytest.fixture
def viewer(qtbot, sim_fleet, tmp_path, jobs):
    """``make(project)`` -> (MainWindow connected to a new virtual DeepLens running ``project``, device)."""
    yield from viewer_factory(qtbot, sim_fleet, tmp_path, jobs)


def test_panel_shows_status_log_results_and_history_of_a_running_device(qtbot, viewer):
    window, virtual = viewer("face")
    panel = window.device_panel
    assert not panel.isVisible()
    window.menu_actions.device_panel_action.trigger()  # Ctrl+D
    assert panel.isVisible() and panel.device.name == virtual.name
    assert window.menu_actions.device_panel_action.shortcut().toString() == "Ctrl+D"

    # Status: the verdict at a glance, with the reason and the health the device exposes
    qtbot.waitUntil(lambda: panel.status_panel.status is not None, timeout=40000)
    status = panel.status_panel.status
    assert status.verdict.value == "running", status.reason
    assert panel.status_panel.verdict_text() == "Running"
    assert panel.status_panel.reason_text().startswith("Running Face detection")
    assert panel.status_panel.field_text("Uptime") and "free of" in panel.status_panel.field_text("Memory")
    assert panel.status_panel.field_text("Project").startswith("Face detection")
    assert panel.status_panel.field_text("Source") == "bundled:face"
    # One verdict shown once: the badge and the reason head the panel, not again inside the Status tab
    shown = [label.text() for label in panel.findChildren(QLabel) if label.isVisible()]
    assert shown.count("Running") == 1 and shown.count(status.reason) == 1, shown
    badge = panel.status_panel.badge
    assert badge.isVisible() and not panel.status_panel.isAncestorOf(badge)

    # Log: the tail of the project's log (the runner's project.log on an SSH-deployed device)
    panel.tabs.setCurrentWidget(panel.log_view)
    assert panel.log_view.poller.is_active() and not panel.results_view.poller.is_active()
    qtbot.waitUntil(lambda: virtual.log_path.exists() and bool(virtual.log_path.read_text().strip()), timeout=20000)
    on_device = [line for line in virtual.log_path.read_text(errors="replace").splitlines() if line.strip()]
    qtbot.waitUntil(lambda: on_device[0] in panel.log_view.lines(), timeout=20000)
    assert panel.log_view.path.endswith("project.log")
    assert len(panel.log_view.lines()) <= 500

    # Results: the live table of what the project publishes (face counts from the Haar stand-in)
    panel.tabs.setCurrentWidget(panel.results_view)
    qtbot.waitUntil(lambda: len(panel.results_view.rows) >= 3, timeout=30000)
    published = [json.loads(line) for line in virtual.results_path.read_text().splitlines() if line.strip()]
    labels = panel.results_view.labels()
    assert all(label.endswith(("face", "faces")) or "model" in label for label in labels), labels
    shown_times = [row.time for row in panel.results_view.rows]
    assert shown_times == sorted(shown_times, reverse=True)  # newest first
    assert set(shown_times) <= {record["time"] for record in published}
    assert panel.results_view.message_label.text().startswith("The latest")

    save_screenshot(window, "screenshot-status.png")

    # History: the simulator started the project as a deploy would and recorded it
    panel.tabs.setCurrentWidget(panel.history_view)
    qtbot.waitUntil(lambda: len(panel.history_view.entries) > 0, timeout=20000)
    assert panel.history_view.outcome_texts()[0] == "deployed"
    assert panel.history_view.entries[0]["message"] == "started by the simulator"

    # Disconnecting lets go of the device: no polling, no deploy buttons
    window.disconnect_device()
    assert panel.device is None and not panel.mask_button.isEnabled()
    assert not any(view.poller.is_active() for view in panel.views())


def test_results_are_parsed_leniently():
    lines = "\n".join([
        json.dumps({"time": 1.0, "topic": "t", "payload": json.dumps(
            {"label": "Mask", "top_class": 643, "top_label": "mask", "prob": 0.93})}),
        json.dumps({"time": 2.0, "topic": "t", "payload": "Loading mask detection model"}),
        json.dumps({"time": 3.0, "topic": "t", "payload": json.dumps(
            {"faces": [{"prob": 0.8, "box": [1, 2, 30, 40]}, {"prob": 0.6, "box": [5, 6, 7, 8]}]})}),
        "not json at all",
        json.dumps({"time": 4.0, "topic": "t", "payload": {"person": 0.2, "dog": 0.7}}),
    ])
    rows = parse_results(lines)
    assert [row.label for row in rows] == ["dog", "not json at all", "2 faces", "Loading mask detection model",
                                           "Mask"]
    assert rows[0].probability == 0.7 and rows[2].probability == 0.8
    assert rows[2].boxes == "[1, 2, 30, 40]; [5, 6, 7, 8]"
    assert rows[4].probability == 0.93 and rows[3].probability is None
    assert interpret_payload(json.dumps({"label": "Not Mask", "confidence": 0.5, "boxes": [[1, 2, 3, 4]]})) == (
        "Not Mask", 0.5, "[1, 2, 3, 4]")
    assert interpret_payload("[1, 2]") == ("[1, 2]", None, "")


def test_history_is_newest_first_and_skips_bad_lines():
    text = '{"outcome": "deployed", "n": 1}\ngarbage\n{"outcome": "failed", "n": 2}\n[]\n'
    assert [entry["n"] for entry in parse_history(text)] == [2, 1]


def test_tail_commands_quote_every_argument(tmp_path):
    import subprocess

    hostile = "log $(touch PWNED) `touch PWNED2`.log"
    (tmp_path / hostile).write_text("one\ntwo\nthree\n")
    command = commands.log_tail_command(2, [hostile], greengrass=False)
    output = subprocess.run(command, shell=True, cwd=str(tmp_path), capture_output=True, check=True).stdout
    assert commands.parse_log_tail(output) == (hostile, ["two", "three"])
    missing = subprocess.run(commands.log_tail_command(5, ["nope.log"], greengrass=False), shell=True,
                             cwd=str(tmp_path), capture_output=True, check=True).stdout
    assert commands.parse_log_tail(missing) == (None, [])
    results = subprocess.run(commands.results_tail_command(1, hostile), shell=True, cwd=str(tmp_path),
                             capture_output=True, check=True, env={"PATH": os.environ["PATH"]}).stdout
    assert results == b"three\n"
    assert not (tmp_path / "PWNED").exists() and not (tmp_path / "PWNED2").exists()
    with pytest.raises(ValueError):
        commands.file_tail_command("x", 0)


def test_stream_status_log_and_recording_share_one_ssh_connection(qtbot, viewer, tmp_path):
    window, virtual = viewer("face")  # a device outside any roster: the viewer owns its connection
    panel = window.device_panel
    window.menu_actions.device_panel_action.trigger()
    panel.tabs.setCurrentWidget(panel.log_view)
    qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=30000)
    assert window.capture.start_recording(str(tmp_path / "class.mjpeg"))
    qtbot.waitUntil(lambda: panel.status_panel.status is not None and bool(panel.log_view.lines()),
                    timeout=40000)
    qtbot.waitUntil(lambda: window.recording.frames() >= 5, timeout=20000)
    # streaming, status polling, the log tail and a recording at once: one SSH connection to the device
    assert panel.status_panel.poller.is_active() and panel.log_view.poller.is_active()
    assert virtual.server.connection_count() == 1
    assert len(window.pool) == 1 and window.pool.borrows(window.controller.device) >= 2
    panel.status_panel.poller.poll_now()
    panel.log_view.poller.poll_now()
    qtbot.waitUntil(lambda: not panel.status_panel.poller.busy() and not panel.log_view.poller.busy(),
                    timeout=20000)
    assert virtual.server.connection_count() == 1
    with qtbot.waitSignal(window.recording.stopped, timeout=10000) as stopped:
        window.capture.stop_recording()
    assert stopped.args[0].frames >= 5 and not stopped.args[0].error
    # letting the device go closes its connection
    window.disconnect_device()
    qtbot.waitUntil(lambda: virtual.server.connection_count() == 0, timeout=5000)
    assert len(window.pool) == 0
