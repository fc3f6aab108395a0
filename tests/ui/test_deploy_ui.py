"""Deploying from the viewer's device panel to a virtual DeepLens: one click, cancel, failure.

The mask project runs the tiny ONNX classifier of tests/device (SqueezeNet weights cannot be downloaded in
tests), placed next to the device's model artifact, so it publishes real "Mask"/"Not Mask" verdicts.
Set DEEPLENS_SCREENSHOTS to a folder to also save the progress dialog (docs/screenshot-deploy.png).
"""

import json
import time

import pytest
from PyQt5.QtCore import Qt

from deeplens_gui.core.deploy import layout
from deeplens_gui.core.projects import bundled_projects
from tests.device.conftest import write_tiny_classifier
from tests.e2e.test_deploy_ssh import make_project
from tests.ui.test_device_panel import save_screenshot, viewer_factory


@pytest.fixture
def viewer(qtbot, sim_fleet, tmp_path, jobs):
    """``make(project)`` -> (MainWindow connected to a new virtual DeepLens running ``project``, device)."""
    yield from viewer_factory(qtbot, sim_fleet, tmp_path, jobs)

DEPLOY_TIMEOUT_MS = 120000


def with_tiny_classifier(virtual):
    # Next to every artifact name the mask project may load (the device runs an ONNX placed beside it).
    for name in bundled_projects()["mask"].model_artifacts:
        write_tiny_classifier(virtual.artifacts_dir / (name.rsplit(".", 1)[0] + ".onnx"))


def published(virtual):
    try:
        lines = virtual.results_path.read_text().splitlines()
    except FileNotFoundError:
        return []
    return [json.loads(line) for line in lines if line.strip()]


def mask_verdicts(virtual, since):
    verdicts = []
    for record in published(virtual):
        try:
            payload = json.loads(record["payload"])
        except ValueError:
            continue
        if record["time"] >= since and isinstance(payload, dict) and payload.get("label") in ("Mask", "Not Mask"):
            verdicts.append((record["time"], payload["label"]))
    return verdicts


def deployed_record(virtual):
    return json.loads((virtual.root / layout.DEPLOYED_RECORD).read_text())


def test_one_click_deploys_mask_to_a_face_device_and_its_results_show_mask_verdicts(qtbot, viewer):
    window, virtual = viewer("face", before_start=with_tiny_classifier)
    panel = window.device_panel
    window.menu_actions.device_panel_action.trigger()
    qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=30000)
    assert window.menu_actions.deploy_mask_action.isEnabled()
    started = time.time()
    qtbot.mouseClick(panel.mask_button, Qt.LeftButton)  # the one click
    dialog = panel.dialog
    assert dialog is not None and dialog.isVisible() and not panel.mask_button.isEnabled()
    assert dialog.windowTitle() == "Deploying mask detection to {0}".format(virtual.name)
    qtbot.waitUntil(lambda: bool(dialog.steps_view.keys()) and dialog.steps_view.state("upload") != "pending",
                    timeout=30000)
    with qtbot.waitSignal(dialog.deploy_finished, timeout=DEPLOY_TIMEOUT_MS) as finished:
        pass
    result = finished.args[0]
    assert result.ok, result.message
    steps = dialog.steps_view
    assert steps.keys() == ["package", "upload", "stop", "start", "verify", "record", "boot"]
    assert [steps.state(key) for key in steps.keys()] == ["done"] * 7
    assert steps.message("stop").startswith("Stopped") and "Face detection" in steps.message("stop")
    assert dialog.final_text() == result.message and "runs on {0} now".format(virtual.name) in result.message
    assert dialog.windowTitle() == "Deployed mask detection to {0}".format(virtual.name)
    assert dialog.progress_bar.value() == 100 and dialog.close_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()
    shown = dialog.elapsed()
    assert dialog.elapsed_label.text().startswith("Elapsed 0:")
    save_screenshot(dialog, "screenshot-deploy.png")
    assert deployed_record(virtual)["project"] == "mask"

    # The device now publishes mask verdicts, seen in the panel's live results table ...
    panel.tabs.setCurrentWidget(panel.results_view)
    qtbot.waitUntil(lambda: any(label in ("Mask", "Not Mask") for label in panel.results_view.labels()),
                    timeout=60000)
    verdicts = mask_verdicts(virtual, started)
    assert verdicts, "no Mask/Not Mask result was published"
    # ... the first of them within the time the progress dialog showed (plus the model's load)
    assert verdicts[0][0] - started <= shown + 10.0, (verdicts[0][0] - started, shown)
    # ... and the viewer's stream went on with the new project's frames
    qtbot.waitUntil(lambda: window.controller.status.state.value == "live", timeout=30000)
    latest = window.controller.latest_frame()
    assert latest is not None and latest.received > time.monotonic() - 5
    # the history lists the deploy, newest first
    panel.tabs.setCurrentWidget(panel.history_view)
    qtbot.waitUntil(lambda: len(panel.history_view.entries) >= 2, timeout=20000)
    assert panel.history_view.entries[0]["project"] == "mask"
    assert panel.history_view.outcome_texts()[0] == "deployed"
    assert panel.mask_button.isEnabled()


def test_cancel_during_the_deploy_keeps_the_old_project_running(qtbot, viewer):
    window, virtual = viewer("face")
    panel = window.device_panel
    window.menu_actions.device_panel_action.trigger()
    before = deployed_record(virtual)
    dialog = panel.deploy("mask", "mask detection")
    cancelled_at = []

    def cancel_once_started(event):
        if event.step == "start" and event.state == "running" and not cancelled_at:
            cancelled_at.append(event)
            qtbot.mouseClick(dialog.cancel_button, Qt.LeftButton)

    dialog._event_received.connect(cancel_once_started)
    with qtbot.waitSignal(dialog.deploy_finished, timeout=DEPLOY_TIMEOUT_MS) as finished:
        pass
    result = finished.args[0]
    assert cancelled_at and dialog.cancel_token.cancelled and not result.ok and result.rolled_back, result.message
    assert result.message.startswith("Cancelled the deploy of Mask detection")
    assert "runs again" in result.message and dialog.final_text() == result.message
    assert dialog.heading.text().startswith("Deploy of ") and dialog.heading.text().endswith(
        " cancelled.")
    assert dialog.steps_view.state("start") == "rolled-back"
    assert dialog.steps_view.state("verify") in ("skipped", "cancelled")
    # the old project still runs: same record, a live runner, and it keeps publishing face results
    assert deployed_record(virtual) == before
    assert virtual.project_running
    since = time.time()
    qtbot.waitUntil(lambda: any('"faces"' in record["payload"] for record in published(virtual)
                                if record["time"] > since), timeout=30000)
    panel.tabs.setCurrentWidget(panel.history_view)
    qtbot.waitUntil(lambda: len(panel.history_view.entries) >= 2, timeout=20000)
    assert panel.history_view.outcome_texts()[0] == "cancelled, rolled back"


def test_a_failing_deploy_shows_the_sentence_and_rolls_back(qtbot, viewer, tmp_path):
    window, virtual = viewer("face")
    panel = window.device_panel
    crash = make_project(tmp_path / "crash", "crash", "green", crash=True)
    dialog = panel.deploy(crash)
    with qtbot.waitSignal(panel.deploy_finished, timeout=DEPLOY_TIMEOUT_MS) as finished:
        pass
    result = finished.args[0]
    assert not result.ok and not result.cancelled
    assert "this project crashes on start" in result.message and "runs again" in result.message
    assert dialog.final_text() == result.message and dialog.heading.text().startswith("Could not deploy ")
    assert dialog.steps_view.state("start") in ("failed", "rolled-back")
    assert "crashes on start" in dialog.steps_view.message("start") or dialog.steps_view.state("start") == "rolled-back"
    assert dialog.steps_view.state("record") == "skipped"
    assert deployed_record(virtual)["project"] == "face" and virtual.project_running


def test_a_project_that_cannot_be_found_changes_nothing(qtbot, viewer, tmp_path):
    window, virtual = viewer(None)
    dialog = window.device_panel.deploy(str(tmp_path / "no-such-project"))
    with qtbot.waitSignal(dialog.deploy_finished, timeout=30000) as finished:
        pass
    assert finished.args[0].message.startswith("Nothing changed on {0}:".format(virtual.name))
    assert "no-such-project" in dialog.final_text() and dialog.steps_view.keys() == []


def test_lambda_version_dialog_builds_the_source_and_checks_input(qtbot, viewer, monkeypatch):
    from deeplens_gui.ui.deploy_dialog import LambdaVersionDialog

    dialog = LambdaVersionDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.buttons()[0]
    assert dialog.problem() == "Enter the Lambda function's name." and not ok.isEnabled()
    dialog.name_edit.setText("deeplens-mask")
    assert dialog.spec() == "lambda:deeplens-mask" and ok.isEnabled()
    dialog.version_edit.setText("x1")
    assert "number" in dialog.error_label.text() and not ok.isEnabled()
    dialog.version_edit.setText("7")
    assert dialog.spec() == "lambda:deeplens-mask:7"

    window, _virtual = viewer(None)
    window.menu_actions.device_panel_action.trigger()
    specs = []
    monkeypatch.setattr(LambdaVersionDialog, "ask", classmethod(lambda cls, parent: "lambda:fn:3"))
    monkeypatch.setattr(window.device_panel, "deploy", lambda spec, title=None: specs.append(spec))
    qtbot.mouseClick(window.device_panel.lambda_button, Qt.LeftButton)
    assert specs == ["lambda:fn:3"]
