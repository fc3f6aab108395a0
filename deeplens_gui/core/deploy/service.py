"""DeployService: one interface over the deploy backends (ssh, greengrass), steps reported as events.

A deploy is a fixed sequence of named steps (``DeployStep``). While it runs, the backend reports each
step's state changes and progress as ``DeployEvent`` values through ``on_event`` (called on the deploying
thread; the UI forwards them to the GUI thread). The caller can cancel through a ``CancelToken`` from any
thread. The end is always a ``DeployResult`` whose ``message`` says, in one sentence, what runs now.
"""

import dataclasses
import threading
from dataclasses import dataclass
from typing import Optional

from deeplens_gui.core.errors import DeepLensError, DeployCancelled
from deeplens_gui.core.text import say

# Step states.
RUNNING = "running"
DONE = "done"
FAILED = "failed"
SKIPPED = "skipped"
CANCELLED = "cancelled"
ROLLED_BACK = "rolled-back"
STATES = (RUNNING, DONE, FAILED, SKIPPED, CANCELLED, ROLLED_BACK)
#: states after which a step does not change any more
FINAL_STATES = (DONE, FAILED, SKIPPED, CANCELLED, ROLLED_BACK)


@dataclass(frozen=True)
class DeployStep:
    """One step of a deploy: a stable ``key`` (package, upload, stop, start, verify, record) and a sentence."""

    key: str
    title: str


@dataclass(frozen=True)
class DeployEvent:
    """A step of a deploy on one device changed state (or made progress, 0..1; None when unknown)."""

    device_name: str
    step: str
    state: str
    message: str = ""
    progress: Optional[float] = None


@dataclass(frozen=True)
class DeployResult:
    """How a deploy ended. ``message`` says what runs on the device now; ``record`` is the deployed record
    written on the device (None when nothing new was recorded); ``steps`` holds each step's final event.
    ``cancelled`` is True when the deploy ended because of its CancelToken, whatever step it was in (a step
    left ``cancelled`` implies it; DeployService sets it when the token stopped the deploy between steps).
    ``error_kind`` is the ``kind`` of the error that ended a failed deploy (``"sudo-password"``: deploy again
    with the camera's sudo password), None otherwise. ``problem`` is the project's own error sentence when it
    was deployed and streams but reports errors (``ok`` stays True: it was kept, "deployed with problems")."""

    device_name: str
    ok: bool
    message: str
    record: Optional[dict] = None
    rolled_back: bool = False
    steps: tuple = ()
    cancelled: bool = False
    error_kind: Optional[str] = None
    problem: Optional[str] = None

    def __post_init__(self):
        if not self.cancelled and any(event.state == CANCELLED for event in self.steps):
            object.__setattr__(self, "cancelled", True)  # frozen: the only way to derive a field


class CancelToken:
    """Cancellation shared between the UI (``cancel()``) and a running deploy (``raise_if_cancelled()``).

    It also carries the user's choice for a project that streams but reports errors: keep it (the default:
    the error may be fixed on the camera) or roll it back (``rollback_on_errors``, settable while the deploy
    runs, read when verify sees the error).
    """

    def __init__(self, rollback_on_errors=False):
        self._event = threading.Event()
        self._choices = {"rollback_on_errors": bool(rollback_on_errors)}

    @property
    def rollback_on_errors(self):
        """True when a project that reports errors is rolled back instead of kept."""
        return self._choices["rollback_on_errors"]

    @rollback_on_errors.setter
    def rollback_on_errors(self, value):
        self._choices["rollback_on_errors"] = bool(value)

    def cancel(self):
        """Ask the deploy to stop at its next check (any thread, idempotent)."""
        self._event.set()

    @property
    def cancelled(self):
        """True once ``cancel()`` was called."""
        return self._event.is_set()

    def wait(self, timeout):
        """Sleep up to ``timeout`` seconds; True (early) when cancelled meanwhile."""
        return self._event.wait(timeout)

    def raise_if_cancelled(self):
        """Raise DeployCancelled when ``cancel()`` was called."""
        if self._event.is_set():
            raise DeployCancelled(say("The deploy was cancelled."))


class _WatchedCancel(CancelToken):
    """One deploy's view of a (possibly shared) CancelToken that remembers whether it stopped this deploy.

    A classroom deploy shares one token between devices, so the token itself cannot tell which deploys it
    ended: only the view a deploy raised DeployCancelled from knows.
    """

    def __init__(self, token):
        super().__init__()
        self._event = token._event
        self._choices = token._choices
        self.stopped = False

    def raise_if_cancelled(self):
        """Raise DeployCancelled when cancelled, and remember that this deploy was stopped by it."""
        if self._event.is_set():
            self.stopped = True
        super().raise_if_cancelled()


class DeployBackend:
    """A way to put a project on a device. Subclasses set ``name`` and implement both methods."""

    #: the name users pick (``--via``)
    name = ""

    def steps(self, source):
        """The steps a deploy of ``source`` goes through, in order (a list of DeployStep)."""
        raise NotImplementedError

    def deploy(self, connection, source, on_event, cancel):
        """Deploy ``source`` (a ProjectSource) to the device behind ``connection``; return a DeployResult.

        ``on_event(DeployEvent)`` is called for every step change; ``cancel`` is a CancelToken. Expected
        failures may raise DeepLensError; DeployService turns them into a failed result.
        """
        raise NotImplementedError


class StepTracker:
    """Emits a backend's step events and remembers each step's last one (the result's ``steps``)."""

    def __init__(self, device_name, steps, on_event):
        self.device_name = device_name
        self.keys = [step.key for step in steps]
        self._on_event = on_event
        self._last = {}

    def emit(self, step, state, message="", progress=None):
        """Report ``state`` of ``step`` and pass it to the listener."""
        event = DeployEvent(self.device_name, step, state, message, progress)
        self._last[step] = event
        if self._on_event is not None:
            self._on_event(event)
        return event

    def state_of(self, step):
        """The last state reported for ``step`` (None before it started)."""
        event = self._last.get(step)
        return event.state if event is not None else None

    def finish_pending(self, state, message=""):
        """Give every step that has not ended a final ``state`` (steps never reached, or cut short)."""
        for key in self.keys:
            if self.state_of(key) in (None, RUNNING):
                self.emit(key, state, message)

    def final_events(self):
        """The last event of every step, in step order."""
        return tuple(self._last[key] for key in self.keys if key in self._last)


class DeployService:
    """Runs deploys through named backends (``{"ssh": SshDeployBackend(), ...}``)."""

    def __init__(self, backends, default="ssh"):
        if default not in backends:
            raise ValueError("the default backend {0!r} is not among {1}".format(default, sorted(backends)))
        self.backends = dict(backends)
        self.default = default

    def steps(self, source, via=None):
        """The steps a deploy of ``source`` through ``via`` goes through."""
        return self._backend(via).steps(source)

    def _backend(self, via):
        name = via or self.default
        if name not in self.backends:
            raise KeyError(name)
        return self.backends[name]

    def deploy(self, connection, source, via=None, on_event=None, cancel=None):
        """Deploy ``source`` to the device behind ``connection``; never raises expected errors.

        The returned DeployResult says whether it worked and what runs now.
        """
        device_name = connection.device.name
        try:
            backend = self._backend(via)
        except KeyError:
            return DeployResult(device_name, False, say(
                "Nothing changed on {0}: there is no deploy method {1!r} (use one of {2}).", device_name, via,
                ", ".join(sorted(self.backends))))
        watched = _WatchedCancel(cancel if cancel is not None else CancelToken())
        try:
            result = backend.deploy(connection, source, on_event, watched)
        except DeepLensError as error:
            # A backend that could not even say what runs (for example the device is unreachable).
            result = DeployResult(device_name, False, error.message)
        if watched.stopped and not result.ok and not result.cancelled:
            # The token stopped the deploy after a step had ended: no step says "cancelled", the result must.
            result = dataclasses.replace(result, cancelled=True)
        return result
