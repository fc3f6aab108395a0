"""The deploy windows (single device and classroom): how they close, hide and come back, and how a deploy
that ended "with problems" looks.

The deploys here run through a small blocking backend (no network): it reports its step, then holds until
the test releases or cancels it, so a window can be tested while its deploy really runs.
"""

import threading
from types import SimpleNamespace

import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtGui import QCloseEvent
from PyQt5.QtWidgets import QApplication

from deeplens_gui.core.connections import ConnectionPool
from deeplens_gui.core.deploy.service import (
    DONE,
    RUNNING,
    DeployResult,
    DeployService,
    DeployStep,
    StepTracker,
)
from deeplens_gui.core.device import Device
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.ui import deploy_dialog
from deeplens_gui.ui.bulk_dialogs import BulkDeployDialog
from deeplens_gui.ui.deploy_dialog import DeployDialog, DeployIndicator
from deeplens_gui.ui.fleet_controller import FleetController

PROBLEM = "Error in mask detection lambda: the model weights are not on this computer"


class _HoldingBackend:
    """One step; holds until ``release`` is set (or the deploy is cancelled); ends with ``problem`` if set."""

    name = "hold"

    def __init__(self, problem=None):
        self.release = threading.Event()
        self.problem = problem
        self.choices = []

    def steps(self, source):
        return [DeployStep("verify", "Verify")]

    def deploy(self, connection, source, on_event, cancel):
        name = connection.device.name
        tracker = StepTracker(name, self.steps(source), on_event)
        tracker.emit("verify", RUNNING, "Waiting…")
        while not self.release.is_set() and not cancel.cancelled:
            cancel.wait(0.02)
        self.choices.append(cancel.rollback_on_errors)
        if cancel.cancelled:
            return DeployResult(name, False, "Cancelled on {0}.".format(name), cancelled=True)
        tracker.emit("verify", DONE, "Verified.")
        if self.problem:
            return DeployResult(name, True, "Deployed on {0}, but the project reports: {1}".format(
                name, self.problem), steps=tracker.final_events(), problem=self.problem)
        return DeployResult(name, True, "Runs on {0}.".format(name), steps=tracker.final_events())


def _source(spec):
    """What a resolver gives the window: a project source with a name and a label."""
    return SimpleNamespace(name="Demo project", label="folder:/demo")


@pytest.fixture
def single(qtbot, jobs):
    """``make(problem=None)`` -> (running DeployDialog, its backend); everything released at the end."""
    yield from single_deploys(qtbot, jobs)


def single_deploys(qtbot, jobs):
    """Generator behind ``single`` (also used by other test modules)."""
    made = []
    runner = jobs.lane("status")  # the device panel's lane, which its deploy window uses

    def make(problem=None):
        backend = _HoldingBackend(problem)
        service = DeployService({"hold": backend}, default="hold")
        device = Device(name="desk-1", host="192.0.2.1")
        connection = DeviceConnection(device, SshOptions())
        # Not qtbot.addWidget: pytest-qt would close it before the deploy is released below, and closing a
        # running deploy's window asks a question.
        dialog = DeployDialog(runner, lambda _device: connection, service, _source, device, "demo")
        made.append((dialog, backend))
        dialog.show()
        dialog.start()
        qtbot.waitUntil(lambda: dialog.steps_view.keys() == ["verify"] and dialog.steps_view.state("verify")
                        == RUNNING)
        return dialog, backend

    yield make
    for dialog, backend in made:
        backend.release.set()
        if dialog.is_running():
            qtbot.waitUntil(lambda d=dialog: not d.is_running())
        dialog.close()
        dialog.deleteLater()
    runner.shutdown(3000)


def _dismiss(qtbot, dialog, how):
    """Close ``dialog`` the way a user does: Esc, its Close button, or the window manager's close."""
    if how == "escape":
        qtbot.keyClick(dialog, Qt.Key_Escape)
    elif how == "button":
        qtbot.mouseClick(dialog.close_button, Qt.LeftButton)
    else:
        QApplication.sendEvent(dialog, QCloseEvent())


def _finish(qtbot, dialog, backend):
    with qtbot.waitSignal(dialog.deploy_finished, timeout=10000) as finished:
        backend.release.set()
    return finished.args[0]


def test_the_window_is_its_own_top_level_window_not_over_fullscreen_video(single):
    dialog, _ = single()
    assert dialog.parent() is None and dialog.isWindow() and not dialog.isModal()
    assert dialog.windowHandle().transientParent() is None
    assert not dialog.testAttribute(Qt.WA_QuitOnClose)


@pytest.mark.parametrize("how", ["button", "escape", "return", "window manager"])
def test_an_ended_deploy_window_closes(qtbot, single, how):
    dialog, backend = single()
    result = _finish(qtbot, dialog, backend)
    assert result.ok and dialog.final_text() == "Runs on desk-1."
    if how == "button":
        qtbot.mouseClick(dialog.close_button, Qt.LeftButton)
    elif how == "escape":
        qtbot.keyClick(dialog, Qt.Key_Escape)
    elif how == "return":
        assert dialog.close_button.isDefault()
        qtbot.keyClick(dialog, Qt.Key_Return)
    else:
        event = QCloseEvent()
        QApplication.sendEvent(dialog, event)
        assert event.isAccepted()
    qtbot.waitUntil(lambda: not dialog.isVisible())


@pytest.mark.parametrize("how", ["escape", "window manager", "button"])
def test_hiding_a_running_deploy_asks_first_and_the_deploy_goes_on(qtbot, single, monkeypatch, how):
    dialog, backend = single()
    indicator = DeployIndicator()
    qtbot.addWidget(indicator)
    indicator.show()
    indicator.watch(dialog)
    asked = []
    answer = [False]
    monkeypatch.setattr(deploy_dialog.HideDeployQuestion, "ask",
                        classmethod(lambda cls, parent: asked.append(parent) or answer[0]))

    _dismiss(qtbot, dialog, how)
    assert asked == [dialog] and dialog.isVisible() and dialog.is_running()  # "Keep it open"
    answer[0] = True
    _dismiss(qtbot, dialog, how)
    assert len(asked) == 2 and not dialog.isVisible()
    assert dialog.is_running() and not dialog.cancel_token.cancelled  # the deploy goes on
    assert indicator.isVisible() and indicator.text() == "Deploying… (show)"

    result = _finish(qtbot, dialog, backend)
    assert result.ok
    assert indicator.isVisible() and indicator.text() == "✔ Deploy ended (show)"
    assert indicator.toolTip() == "Runs on desk-1."
    qtbot.mouseClick(indicator, Qt.LeftButton)
    assert dialog.isVisible() and not indicator.isVisible()
    assert dialog.final_text() == "Runs on desk-1."
    qtbot.keyClick(dialog, Qt.Key_Escape)  # ended: no question any more
    assert len(asked) == 2 and not dialog.isVisible()


def test_a_project_that_reports_errors_ends_as_a_warning_and_rollback_is_a_choice(qtbot, single):
    dialog, backend = single(problem=PROBLEM)
    assert not dialog.rollback_box.isChecked() and dialog.rollback_box.isEnabled()  # keeping is the default
    dialog.rollback_box.setChecked(True)
    assert dialog.cancel_token.rollback_on_errors
    dialog.rollback_box.setChecked(False)

    result = _finish(qtbot, dialog, backend)

    assert backend.choices == [False]
    assert result.ok and result.problem == PROBLEM
    assert deploy_dialog.result_state(result) == deploy_dialog.WARNING
    assert PROBLEM in dialog.final_text()
    assert "#e65100" in dialog.final_label.styleSheet()
    assert not dialog.rollback_box.isEnabled()


@pytest.fixture
def classroom(qtbot, jobs):
    """A FleetController of two devices whose deploys hold (see _HoldingBackend)."""
    backend = _HoldingBackend()
    pool = ConnectionPool(SshOptions())
    fleet = FleetController(pool, jobs, deploy_service=DeployService({"hold": backend}, default="hold"),
                            source_resolver=_source)
    fleet.set_devices([Device(name="desk-1", host="192.0.2.1"), Device(name="desk-2", host="192.0.2.2")],
                      start=False)
    yield fleet, backend
    backend.release.set()
    if fleet.deploying():
        qtbot.waitUntil(lambda: not fleet.deploying())
    fleet.shutdown()


@pytest.mark.parametrize("how", ["escape", "window manager", "button"])
def test_the_classroom_deploy_window_hides_with_a_question_and_closes_once_ended(qtbot, classroom, monkeypatch,
                                                                                  how):
    fleet, backend = classroom
    answers = []
    monkeypatch.setattr(deploy_dialog.HideDeployQuestion, "ask",
                        classmethod(lambda cls, parent: answers.append(parent) or True))
    dialog = BulkDeployDialog(fleet, "demo", ["desk-1", "desk-2"])
    indicator = DeployIndicator()
    qtbot.addWidget(indicator)
    indicator.watch(dialog)
    dialog.show()
    assert dialog.parent() is None and dialog.windowHandle().transientParent() is None
    dialog.rollback_box.setChecked(True)
    qtbot.waitUntil(lambda: dialog.step_text("desk-1").endswith("running"))

    _dismiss(qtbot, dialog, how)
    assert answers == [dialog] and not dialog.isVisible() and fleet.deploying()
    assert indicator.text() == "Deploying… (show)"
    with qtbot.waitSignal(dialog.deploy_finished, timeout=10000):
        backend.release.set()
    assert backend.choices == [True, True]  # the box reached every device's deploy
    assert indicator.text() == "✔ Deploy ended (show)"
    qtbot.mouseClick(indicator, Qt.LeftButton)
    assert dialog.isVisible()
    _dismiss(qtbot, dialog, how)
    assert answers == [dialog] and not dialog.isVisible()  # ended: closed without a question
    dialog.deleteLater()
