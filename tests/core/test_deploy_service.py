"""DeployService: a deploy stopped by its CancelToken says so, whatever step it was in."""

from deeplens_gui.core.deploy.service import (
    CANCELLED,
    DONE,
    FAILED,
    RUNNING,
    SKIPPED,
    CancelToken,
    DeployBackend,
    DeployResult,
    DeployService,
    DeployStep,
    StepTracker,
)
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import SshDeployBackend
from deeplens_gui.core.device import Device
from deeplens_gui.core.errors import DeployCancelled, DeployError
from deeplens_gui.core.ssh import DeviceConnection, SshOptions

STEPS = [DeployStep("first", "First"), DeployStep("second", "Second")]


class _Connection:
    def __init__(self, name):
        self.device = Device(name=name, host="192.0.2.7")


class _TwoStepBackend(DeployBackend):
    """Ends each step, checks the token between steps like the SSH backend; ``fail`` makes step two fail."""

    name = "two"

    def __init__(self, fail=None, escape=False):
        self.fail = fail
        self.escape = escape

    def steps(self, source):
        return list(STEPS)

    def deploy(self, connection, source, on_event, cancel):
        tracker = StepTracker(connection.device.name, STEPS, on_event)
        try:
            tracker.emit("first", RUNNING)
            tracker.emit("first", DONE)
            cancel.raise_if_cancelled()
            tracker.emit("second", RUNNING)
            if self.fail:
                raise DeployError(self.fail)
            tracker.emit("second", DONE)
        except DeployCancelled:
            if self.escape:
                raise
            tracker.finish_pending(SKIPPED)
            return DeployResult(connection.device.name, False, "Cancelled between steps.",
                                steps=tracker.final_events())
        except DeployError as error:
            tracker.emit("second", FAILED, str(error))
            return DeployResult(connection.device.name, False, str(error), steps=tracker.final_events())
        return DeployResult(connection.device.name, True, "Runs.", steps=tracker.final_events())


def _cancel_when(cancel, step, state):
    def on_event(event):
        if event.step == step and event.state == state:
            cancel.cancel()

    return on_event


def test_cancel_after_a_finished_step_is_a_cancelled_result():
    cancel = CancelToken()
    service = DeployService({"two": _TwoStepBackend()}, default="two")
    result = service.deploy(_Connection("desk-1"), None, on_event=_cancel_when(cancel, "first", DONE),
                            cancel=cancel)
    assert not result.ok and result.cancelled
    assert [event.state for event in result.steps] == [DONE, SKIPPED]  # no step says "cancelled"


def test_cancel_escaping_the_backend_is_a_cancelled_result():
    cancel = CancelToken()
    cancel.cancel()
    result = DeployService({"two": _TwoStepBackend(escape=True)}, default="two").deploy(
        _Connection("desk-1"), None, cancel=cancel)
    assert not result.ok and result.cancelled and result.message == "The deploy was cancelled."


class _FailingBackend(_TwoStepBackend):
    """Fails in its first step without ever looking at the token."""

    def deploy(self, connection, source, on_event, cancel):
        tracker = StepTracker(connection.device.name, STEPS, on_event)
        tracker.emit("first", FAILED, "disk full")
        tracker.finish_pending(SKIPPED)
        return DeployResult(connection.device.name, False, "disk full", steps=tracker.final_events())


def test_a_shared_token_marks_only_the_deploys_it_stopped():
    cancel = CancelToken()  # one token for a classroom batch
    service = DeployService({"two": _TwoStepBackend(), "bad": _FailingBackend()}, default="two")
    stopped = service.deploy(_Connection("desk-1"), None, on_event=_cancel_when(cancel, "first", DONE),
                             cancel=cancel)
    failed = service.deploy(_Connection("desk-2"), None, via="bad", cancel=cancel)
    assert cancel.cancelled and stopped.cancelled
    assert not failed.ok and not failed.cancelled and failed.message == "disk full"


def test_a_deploy_that_finished_before_the_cancel_is_not_cancelled():
    cancel = CancelToken()
    result = DeployService({"two": _TwoStepBackend()}, default="two").deploy(
        _Connection("desk-1"), None, on_event=_cancel_when(cancel, "second", DONE), cancel=cancel)
    assert result.ok and not result.cancelled and cancel.cancelled


def test_a_cancelled_step_makes_the_result_cancelled():
    steps = (DeployStep("a", "A"),)
    tracker = StepTracker("desk", steps, None)
    tracker.emit("a", CANCELLED, "Cancelled.")
    assert DeployResult("desk", False, "x", steps=tracker.final_events()).cancelled
    assert not DeployResult("desk", False, "x").cancelled


def test_ssh_deploy_cancelled_right_after_packaging():
    # The SSH backend checks the token after "package" is done, before it connects: no device is reached.
    cancel = CancelToken()
    connection = DeviceConnection(Device(name="desk-9", host="192.0.2.9"), SshOptions(connect_timeout=1.0))
    events = []

    def on_event(event):
        events.append(event)
        if event.step == "package" and event.state == DONE:
            cancel.cancel()

    result = DeployService({"ssh": SshDeployBackend()}).deploy(connection, resolve_source("mask"),
                                                               on_event=on_event, cancel=cancel)
    connection.close()
    assert not result.ok and result.cancelled
    assert result.message.startswith("Cancelled the deploy of Mask detection to desk-9.")
    assert {event.step: event.state for event in result.steps}["package"] == DONE
    assert CANCELLED not in {event.state for event in result.steps}
    assert not connection.is_open
    assert [event.state for event in events if event.step == "upload"] == [SKIPPED]
