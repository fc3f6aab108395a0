"""The ``ssh`` deploy backend: works for every camera that has SSH, no cloud needed.

Steps: package (zip + SHA-256), upload (SFTP to a temporary name, posix_rename, unpacked on the device into
``projects/<id>/<version>/`` through a temporary folder), stop (Greengrass, which runs the console-deployed
Lambda on a real DeepLens, then the runner's project), start (the device-side runner, ``runner.py``),
verify (fresh frames from the stream FIFO within a timeout; a project that keeps crashing fails at once; then,
bounded, the project's first published result or its first error report: a project that streams but reports
errors is kept and the result says "deployed, but the project reports: ...", or rolled back when the
CancelToken says ``rollback_on_errors``),
record (``deployed.json`` written atomically, one line appended to ``history.jsonl``, old versions pruned),
boot (the runner's ``install-boot``: one ``@reboot`` line in the login user's crontab runs the runner's
``boot``, which starts the recorded project again after the camera rebooted; when the deploy stopped
Greengrass, ``systemctl disable greengrassd`` too, so Greengrass does not take the camera back at boot).

When a step after ``stop`` fails, or the user cancels then, the project that ran before is started again
and must stream again (rollback), and it is the one that starts at boot. Every remote command comes from
``core/commands.py``; everything written on the device stays below the app folder (``layout.APP_DIR``), except
the one marked line in the login user's crontab.
"""

import base64
import getpass
import hashlib
import json
import logging
import posixpath
import socket
import threading
import time
import uuid
from pathlib import Path

from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.service import (
    CANCELLED,
    DONE,
    FAILED,
    ROLLED_BACK,
    RUNNING,
    SKIPPED,
    DeployBackend,
    DeployResult,
    DeployStep,
    StepTracker,
)
from deeplens_gui.core.device import CAMERA_STREAM
from deeplens_gui.core.errors import DeepLensError, DeployCancelled, DeployError
from deeplens_gui.core.text import join, say, trim_period

_log = logging.getLogger(__name__)

STEPS = (
    DeployStep("package", say("Package the project")),
    DeployStep("upload", say("Upload it to the camera")),
    DeployStep("stop", say("Stop the project that runs now")),
    DeployStep("start", say("Start the new project")),
    DeployStep("verify", say("Wait for its first frames")),
    DeployStep("record", say("Record what is deployed")),
    DeployStep("boot", say("Start it again after a reboot")),
)

DEFAULT_VERIFY_TIMEOUT = 60.0
DEFAULT_KEEP_VERSIONS = 3
#: SFTP write size; the cancel token is checked between chunks
CHUNK_SIZE = 32 * 1024
#: unique frames that prove a project streams
FRAMES_NEEDED = 2
#: how often verify asks the runner whether the project crashed
STATUS_INTERVAL = 1.0
#: lines of the project's log quoted when it fails
LOG_LINES = 5
#: how long verify waits, after the first frames, for the project's first result or error report (seconds)
DEFAULT_HEALTH_TIMEOUT = 30.0
#: a project that has published nothing at all this long after its first frames is taken as one that does not
#: publish (a plain viewer project): verify stops waiting for a result (seconds)
DEFAULT_QUIET_GRACE = 4.0
_COMMAND_TIMEOUT = 60.0

_RUNNER_SOURCE = Path(__file__).resolve().parent / "runner.py"


def runner_script():
    """The device-side runner's source (bytes), as uploaded to ``layout.RUNNER_SCRIPT``."""
    return _RUNNER_SOURCE.read_bytes()


def make_version(zip_bytes, when=None):
    """A version folder name: ``<UTC time>-<hex SHA-256 prefix>`` (sorts by time)."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(when if when is not None else time.time()))
    return "{0}-{1}".format(stamp, hashlib.sha256(zip_bytes).hexdigest()[:12])


def deployed_by():
    """``user@host`` of this machine, for the device record."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "unknown"
    return "{0}@{1}".format(user, socket.gethostname())


def utc_now():
    """Now as ISO 8601 UTC (``2024-01-31T12:00:00Z``)."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def make_record(source, version, stream_path, runner):
    """The deployed record (``layout.DEPLOYED_RECORD``) for ``source`` at ``version``."""
    return {
        "project": source.project_id,
        "name": source.name,
        "version": version,
        "code_sha256": source.code_sha256,
        "source": source.label,
        "deployed_at": utc_now(),
        "deployed_by": deployed_by(),
        "stream_path": stream_path,
        "runner": runner,
        "via": "ssh",
    }


def stream_env(device_stream, project_stream):
    """The runner environment that points the project at the device's stream path (empty when the same)."""
    if not device_stream or device_stream in (project_stream, CAMERA_STREAM):
        return {}
    return {"DEEPLENS_STREAM_PATH": device_stream}


def _b64_sha256(data):
    return base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def _last_json(result):
    for line in reversed(result.text.strip().splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict):
            return value
    return None


def _stderr(result):
    text = result.stderr.decode("utf-8", "replace").strip()
    return text.splitlines()[-1] if text else say("exit status {0}", result.status)


class SshDeployBackend(DeployBackend):
    """Deploys over SSH/SFTP with the device-side runner (see the module docstring).

    ``runner_env`` is added to the project's environment on every start (tests put the awscam stand-ins on
    PYTHONPATH with it); ``python`` picks the project's interpreter (default: the runner chooses one that
    has awscam and cv2); ``app_dir`` moves the whole device layout (tests on a real sshd). ``boot`` False
    leaves the device's crontab and Greengrass's boot setting alone (the boot step is skipped): tests whose
    "device" is this machine's own sshd must not change this machine's crontab.
    """

    name = "ssh"

    def __init__(self, verify_timeout=DEFAULT_VERIFY_TIMEOUT, keep_versions=DEFAULT_KEEP_VERSIONS,
                 app_dir=layout.APP_DIR, runner_env=None, python=None, chunk_size=CHUNK_SIZE,
                 frames_needed=FRAMES_NEEDED, status_interval=STATUS_INTERVAL, boot=True,
                 health_timeout=DEFAULT_HEALTH_TIMEOUT, quiet_grace=DEFAULT_QUIET_GRACE):
        self.verify_timeout = float(verify_timeout)
        self.keep_versions = int(keep_versions)
        self.layout = layout.DeviceLayout(app_dir)
        self.runner_env = dict(runner_env or {})
        self.python = python
        self.chunk_size = int(chunk_size)
        self.frames_needed = int(frames_needed)
        self.status_interval = float(status_interval)
        self.boot = bool(boot)
        self.health_timeout = float(health_timeout)
        self.quiet_grace = float(quiet_grace)

    def steps(self, source):
        """The steps of an SSH deploy (STEPS)."""
        return list(STEPS)

    def deploy(self, connection, source, on_event, cancel):
        """Run the steps; roll back when one fails after the old project was stopped. Never raises
        expected errors: the DeployResult says what runs now."""
        return _SshDeploy(self, connection, source, on_event, cancel).run()


class _SshDeploy:
    """One deploy of one source to one device."""

    def __init__(self, backend, connection, source, on_event, cancel):
        self.backend = backend
        self.layout = backend.layout
        self.connection = connection
        self.device = connection.device
        self.source = source
        self.cancel = cancel
        self.tracker = StepTracker(self.device.name, STEPS, on_event)
        self.step = None
        self.sftp = None
        self.version = None
        self.package = None
        self.previous_record = None
        self.previous_runner = None  # runner status when a project ran before this deploy
        self.greengrass_stopped = False
        self.touched = False  # something that ran before was stopped: a failure must roll back
        self.reached = False  # the runner is on the device, so the attempt can go into its history
        self.started = None
        self.record = None
        self.notes = []  # sentences about the camera's next boot, added to the result's message
        self.start_time = None  # monotonic time the new project was started (its results are newer)
        self.problem = None  # the project's own error sentence when it streams but reports errors

    # -- the steps ---------------------------------------------------------------------------------------------

    def run(self):
        try:
            self._package()
            self._upload()
            self._stop()
            self._start()
            self._verify()
            self._record()
            self._boot()
        except DeployCancelled:
            return self._end_failed(None, cancelled=True)
        except DeepLensError as error:
            return self._end_failed(error)
        finally:
            self._close_sftp()
        message = say("{0} ({1}) runs on {2} now, deployed from {3}.", self.source.name, self.version,
                      self.device.name, self.source.label)
        if self.problem is not None:
            message = say("{0} ({1}) is deployed on {2} from {3}, but the project reports: {4}", self.source.name,
                          self.version, self.device.name, self.source.label, _sentence(self.problem))
        if self.notes:
            message = join(" ", [message] + self.notes)
        return DeployResult(self.device.name, True, message, record=self.record,
                            steps=self.tracker.final_events(), problem=self.problem)

    def _begin(self, step, message, progress=None):
        self.step = step
        self.tracker.emit(step, RUNNING, message, progress)

    def _done(self, message, state=DONE):
        self.tracker.emit(self.step, state, message, 1.0 if state == DONE else None)

    def _package(self):
        self._begin("package", say("Packaging {0}…", self.source.name))
        data = self.source.zip_bytes
        self.package = data
        self.version = make_version(data)
        self._done(say("Packaged {0} from {1}: {2} kB, SHA-256 {3}.", self.source.name, self.source.label,
                       (len(data) + 1023) // 1024, _b64_sha256(data)))
        self.cancel.raise_if_cancelled()

    def _upload(self):
        self._begin("upload", say("Connecting to {0}…", self.device.name), 0.0)
        self.connection.open()
        self.sftp = self.connection.sftp()
        self._read_previous()
        lay = self.layout
        project_dir = lay.project_dir(self.source.project_id)
        for folder in (lay.app_dir, lay.bin_dir, lay.projects_dir, project_dir):
            self._sftp_mkdir(folder)
        self._install_runner()
        self.reached = True
        dest = lay.project_dir(self.source.project_id, self.version)
        if self._exists(dest):
            self._done(say("This exact package is already on {0} ({1}).", self.device.name, dest))
            return
        final_zip = dest + ".zip"
        self._put(self.package, final_zip, progress=True)
        self.cancel.raise_if_cancelled()
        result = self._runner("unpack", "--zip", final_zip, "--dest", dest, "--sha256", _b64_sha256(self.package))
        if result.status != 0:
            self._remove_quietly(final_zip)
            raise DeployError(say("The package could not be unpacked on {0}: {1}", self.device.name,
                                  _stderr(result)))
        self._done(say("Uploaded {0} kB to {1}.", (len(self.package) + 1023) // 1024, dest))
        self.cancel.raise_if_cancelled()

    def _stop(self):
        self._begin("stop", say("Stopping what runs on {0}…", self.device.name))
        stopped = []
        answer = self.connection.run(commands.greengrass_stop_command(), timeout=_COMMAND_TIMEOUT,
                                     check=False).text.strip()
        if answer == commands.GREENGRASS_REFUSED:
            raise DeployError(say(
                "Greengrass (greengrassd) runs on {0} and could not be stopped: sudo asks for a password. Stop it "
                "yourself on the camera with 'sudo systemctl stop greengrassd' (and 'sudo systemctl disable "
                "greengrassd' to keep it off after a reboot), or allow it without a password with the sudoers "
                "line '{1} ALL=(root) NOPASSWD: /bin/systemctl stop greengrassd, /bin/systemctl start "
                "greengrassd, /bin/systemctl disable greengrassd', then deploy again.",
                self.device.name, self.connection.endpoint.user))
        if answer == commands.GREENGRASS_STOPPED:
            self.greengrass_stopped = self.touched = True
            stopped.append(say("Greengrass (the console-deployed Lambda)"))
        elif answer not in (commands.GREENGRASS_NO_SYSTEMD, commands.GREENGRASS_NO_UNIT,
                            commands.GREENGRASS_INACTIVE):
            raise DeployError(say("Could not check Greengrass on {0} (it answered {1!r}).", self.device.name,
                                  answer[-200:]))
        self.touched = True
        result = self._runner("stop")
        if result.status != 0:
            raise DeployError(say("The running project on {0} could not be stopped: {1}", self.device.name,
                                  _stderr(result)))
        if (_last_json(result) or {}).get("stopped"):
            stopped.append(self._previous_description())
        if stopped:
            self._done(say("Stopped {0}.", join(" and ", stopped)))
        else:
            self._done(say("Nothing was running."), SKIPPED)
        self.cancel.raise_if_cancelled()

    def _start(self):
        dest = self.layout.project_dir(self.source.project_id, self.version)
        self._begin("start", say("Starting {0}…", self.source.name))
        env = dict(self.backend.runner_env)
        env.update(stream_env(self.device.stream_path, self.source.stream_path))
        self.start_time = time.monotonic()
        self.started = self._start_runner(dest, env, self.backend.python)
        self._done(say("{0} started (runner pid {1}, project pid {2}).", self.source.name,
                       self.started.get("runner_pid"), self.started.get("child_pid")))
        self.cancel.raise_if_cancelled()

    def _verify(self):
        path = self._stream_path(self.started.get("env") or {})
        self._begin("verify", say("Waiting for frames from {0}…", path))
        self._wait_for_frames(path, self.backend.verify_timeout, self.cancel)
        self._wait_for_health(path)

    def _wait_for_health(self, path):
        """After the first frames: wait (bounded) for the project's first result or error report.

        Only what was published since the project started counts (ages on the camera's clock against the time
        since our start command, so clock skew does not matter). An error is kept as ``self.problem`` (the
        step ends with a warning), or raises DeployError (a rollback) when the user chose that.
        """
        from deeplens_gui.core.status import run_probe

        started = time.monotonic()
        while True:
            health = run_probe(self.connection, self.layout).health
            error, result, anything = _fresh_health(health, time.monotonic() - self.start_time)
            waited = time.monotonic() - started
            if error is not None:
                if self.cancel.rollback_on_errors:
                    raise DeployError(say("the project streams but reports: {0}", trim_period(error)))
                self.problem = error
                self._done(say("Frames arrive from {0}, but the project reports: {1}", path, _sentence(error)),
                           DONE)
                return
            if result is not None:
                self._done(say("Frames arrive from {0} and the project published its first result: {1}.", path,
                               result[:120]))
                return
            if waited >= self.backend.health_timeout:
                self._done(say("Frames arrive from {0}; the project published no result within {1:g} s.", path,
                               self.backend.health_timeout))
                return
            if not anything and waited >= self.backend.quiet_grace:
                self._done(say("Frames arrive from {0} (the project publishes no results).", path))
                return
            self.tracker.emit("verify", RUNNING, say("Frames arrive from {0}; waiting for the project's first "
                                                      "result ({1:.0f} s)…", path, waited),
                              min(1.0, waited / max(self.backend.health_timeout, 0.001)))
            self._check_alive()
            self.cancel.wait(self.backend.status_interval)
            self.cancel.raise_if_cancelled()

    def _record(self):
        self._begin("record", say("Recording the deploy on {0}…", self.device.name))
        runner = {key: self.started.get(key) for key in ("project_dir", "env", "python")}
        self.record = make_record(self.source, self.version, self._stream_path(runner["env"] or {}), runner)
        history = dict(self.record, outcome="deployed", rolled_back=False, step=None,
                       message="deployed")
        result = self._runner("record", stdin=json.dumps({"record": self.record, "history": history}))
        if result.status != 0:
            raise DeployError(say("The deploy record could not be written on {0}: {1}", self.device.name,
                                  _stderr(result)))
        removed = self._prune()
        if removed:
            self._done(say("Recorded {0} {1}; removed {2} old version(s).", self.source.project_id,
                           self.version, removed))
        else:
            self._done(say("Recorded {0} {1}.", self.source.project_id, self.version))

    def _boot(self):
        self._begin("boot", say("Making {0} start {1} after a reboot…", self.device.name, self.source.name))
        state, message, notes = self._ensure_boot(self.source.name)
        self.notes.extend(notes)
        self._done(message, state)

    def _ensure_boot(self, what):
        """Make the device start the recorded project (``what``, for sentences) at boot and keep Greengrass from
        taking it back; ``(step state, step message, sentences for the result)``. Never raises: the project
        runs either way."""
        if not self.backend.boot:
            return SKIPPED, say("Left the camera's start-up settings alone (boot setup is off)."), []
        try:
            result = self._runner("install-boot")
        except DeepLensError as error:
            result, answer, reason = None, None, _clause(error.message)
        else:
            answer = _last_json(result)
            reason = _stderr(result)
        if result is None or result.status != 0 or answer is None:
            sentence = say("{0} will not come back after a reboot of {1}: its start-up line could not be "
                           "added to the crontab ({2}).", what, self.device.name, reason)
            return FAILED, sentence, [sentence]
        if not answer.get("installed"):
            sentence = say("{0} has no crontab command, so {1} will not come back after a reboot; deploy it "
                           "again after the camera restarts.", self.device.name, what)
            return SKIPPED, sentence, [sentence]
        message = say("{0} starts again when {1} boots (a @reboot line in the crontab of {2}).", what,
                      self.device.name, self.connection.endpoint.user)
        notes = []
        if self.greengrass_stopped:
            try:
                answer = self.connection.run(commands.greengrass_disable_command(), timeout=_COMMAND_TIMEOUT,
                                             check=False).text.strip()
            except DeepLensError as error:  # the boot line is in; say what is left to do instead of failing
                _log.info("disabling Greengrass on %s failed: %s", self.device.name, error)
                answer = None
            if answer == commands.GREENGRASS_DISABLED:
                notes.append(say("Greengrass (greengrassd) is disabled, so it does not start its own project "
                                 "when {0} boots; 'sudo systemctl enable greengrassd' turns it on again.",
                                 self.device.name))
            elif answer is not None:
                notes.append(say("Greengrass will start its own project again when {0} boots (sudo asked for "
                                 "a password); to keep it off, run 'sudo systemctl disable greengrassd' on "
                                 "the camera.", self.device.name))
            else:
                notes.append(say("Greengrass will start its own project again when {0} boots (it could not "
                                 "be disabled); to keep it off, run 'sudo systemctl disable greengrassd' on "
                                 "the camera.", self.device.name))
        return DONE, (join(" ", [message] + notes) if notes else message), notes

    # -- failure and rollback -----------------------------------------------------------------------------

    def _end_failed(self, error, cancelled=False):
        step = self.step
        if step is not None and self.tracker.state_of(step) == RUNNING:
            self.tracker.emit(step, CANCELLED if cancelled else FAILED,
                              say("Cancelled.") if cancelled else error.message)
        self.tracker.finish_pending(SKIPPED)
        if cancelled:
            head = say("Cancelled the deploy of {0} to {1}.", self.source.name, self.device.name)
        else:
            reason = _trimmed(error.message)
            where = step or say("the start")
            if _is_sentence(reason):
                head = say("Deploying {0} to {1} failed at {2}: {3}", self.source.name, self.device.name,
                           where, reason)
            else:  # the reason is a clause: the sentence ends it
                head = say("Deploying {0} to {1} failed at {2}: {3}.", self.source.name, self.device.name,
                           where, reason)
        rolled_back = False
        if self.touched:
            rolled_back, now_runs = self._rollback()
        else:
            now_runs = say("Nothing changed on {0}; {1}.", self.device.name, self._still_runs())
        message = join(" ", [head, now_runs])
        self._history("cancelled" if cancelled else "failed", step, message, rolled_back)
        return DeployResult(self.device.name, False, message, record=None, rolled_back=rolled_back,
                            steps=self.tracker.final_events())

    def _rollback(self):
        """Bring back what ran before; ``(rolled back, what runs now as sentences)``."""
        try:
            self._runner("stop")
            previous = self.previous_runner
            if previous is not None:
                restarted = self._start_runner(previous["project_dir"], previous.get("env") or {},
                                               previous.get("python"))
                path = self._stream_path(restarted.get("env") or {})
                self._wait_for_frames(path, self.backend.verify_timeout, None)
                now_runs = say("Rolled back: {0} runs again.", self._previous_description())
                state, message, notes = self._ensure_boot(self._previous_description())
                self.tracker.emit("boot", state, message, 1.0 if state == DONE else None)
                if notes:
                    now_runs = join(" ", [now_runs] + notes)
            elif self.greengrass_stopped:
                answer = self.connection.run(commands.greengrass_start_command(), timeout=_COMMAND_TIMEOUT,
                                             check=False).text.strip()
                if answer != commands.GREENGRASS_STARTED:
                    raise DeployError(say("Greengrass could not be started again (sudo asks for a password); "
                                          "start it with 'sudo systemctl start greengrassd'"))
                now_runs = say("Rolled back: Greengrass runs the console-deployed project again.")
            else:
                now_runs = say("Nothing runs on {0} now (nothing ran before).", self.device.name)
        except DeepLensError as error:
            return False, say("The rollback failed too ({0}); nothing may run on {1} now.",
                              _clause(error.message), self.device.name)
        for key in ("stop", "start"):
            if self.tracker.state_of(key) in (DONE, SKIPPED, FAILED, CANCELLED):
                self.tracker.emit(key, ROLLED_BACK, now_runs)
        return True, now_runs

    def _history(self, outcome, step, message, rolled_back):
        if not self.reached:
            return
        entry = {
            "project": self.source.project_id, "name": self.source.name, "version": self.version,
            "code_sha256": self.source.code_sha256, "source": self.source.label, "deployed_at": utc_now(),
            "deployed_by": deployed_by(), "outcome": outcome, "rolled_back": rolled_back, "step": step,
            "message": message, "via": "ssh",
        }
        try:
            self._runner("record", stdin=json.dumps({"record": None, "history": entry}))
        except DeepLensError as error:  # the device may be gone; the result still tells the user
            _log.info("could not append to the deploy history on %s: %s", self.device.name, error)

    # -- helpers ---------------------------------------------------------------------------------------------

    def _runner(self, action, *args, **kwargs):
        command = commands.runner_command(self.layout.runner_script, self.layout.app_dir, action, *args)
        return self.connection.run(command, timeout=kwargs.get("timeout", _COMMAND_TIMEOUT),
                                   stdin=kwargs.get("stdin"), check=False)

    def _start_runner(self, project_dir, env, python):
        args = ["--project-dir", project_dir]
        for name in sorted(env):
            args += ["--env", "{0}={1}".format(name, env[name])]
        if python:
            args += ["--python", python]
        result = self._runner("start", *args)
        state = _last_json(result)
        if result.status != 0 or state is None:
            raise DeployError(say("The runner could not start {0} on {1}: {2}",
                                  posixpath.basename(project_dir), self.device.name, _stderr(result)))
        if state.get("state") == "crashed" or not state.get("child_alive"):
            raise DeployError(self._crash_sentence(state))
        return state

    def _crash_sentence(self, state):
        tail = self._log_tail()
        if tail:
            return say("the project crashed on start (last exit status {0}, {1} restarts); its log ends "
                       "with: {2}", state.get("last_exit"), state.get("restarts", 0), tail)
        return say("the project crashed on start (last exit status {0}, {1} restarts)",
                   state.get("last_exit"), state.get("restarts", 0))

    def _log_tail(self):
        """The last LOG_LINES non-empty lines of the project's log joined by " | " ("" when none)."""
        try:
            with self._sftp().open(self.layout.project_log, "rb") as handle:
                size = handle.stat().st_size
                handle.seek(max(0, size - 4096))
                text = handle.read().decode("utf-8", "replace")
        except OSError:
            return ""
        lines = [line for line in text.splitlines() if line.strip()][-LOG_LINES:]
        return " | ".join(lines)

    def _wait_for_frames(self, path, timeout, cancel):
        """Return once FRAMES_NEEDED new frames came from ``path``; DeployError when the runner reports a crash
        or the time is up."""
        from deeplens_gui.core.stream import FrameSource

        received = []
        source = FrameSource(self.connection, path=path, max_fps=10.0, decode=False, reconnect=True,
                             on_frame=lambda frame: received.append(frame.seq))
        worker = threading.Thread(target=source.run, name="deploy-verify-{0}".format(self.device.name),
                                  daemon=True)
        worker.start()
        deadline = time.monotonic() + timeout
        next_check = time.monotonic() + self.backend.status_interval
        try:
            while len(received) < self.backend.frames_needed:
                if cancel is not None:
                    cancel.raise_if_cancelled()
                now = time.monotonic()
                if now >= next_check:
                    self._check_alive()
                    next_check = now + self.backend.status_interval
                if now >= deadline:
                    tail = self._log_tail()
                    if tail:
                        raise DeployError(say("no frames came from {0} within {1:g} s; its log ends with: "
                                              "{2}", path, timeout, tail))
                    raise DeployError(say("no frames came from {0} within {1:g} s", path, timeout))
                if cancel is not None:
                    cancel.wait(0.05)
                else:
                    time.sleep(0.05)
        finally:
            source.stop()
            worker.join()
        self._check_alive()

    def _check_alive(self):
        state = _last_json(self._runner("status")) or {}
        if state.get("state") == "crashed" or not state.get("alive"):
            raise DeployError(self._crash_sentence(state))

    def _read_previous(self):
        try:
            with self.sftp.open(self.layout.deployed_record, "rb") as handle:
                record = json.loads(handle.read(1024 * 1024).decode("utf-8"))
            self.previous_record = record if isinstance(record, dict) else None
        except (OSError, ValueError):
            self.previous_record = None
        self.previous_runner = None
        try:
            self._sftp().stat(self.layout.runner_script)
        except OSError:
            return  # no runner on the device yet: nothing of ours runs
        state = _last_json(self._runner("status")) or {}
        if state.get("alive") and state.get("project_dir"):
            self.previous_runner = state

    def _previous_description(self):
        runner = self.previous_runner
        record = self.previous_record or {}
        if runner is None:
            return say("the previous project")
        recorded = (record.get("runner") or {}).get("project_dir") if isinstance(record.get("runner"), dict) \
            else None
        if record.get("name") and recorded == runner.get("project_dir"):
            return "{0} ({1})".format(record["name"], record.get("version"))
        return say("the project in {0}", runner.get("project_dir"))

    def _still_runs(self):
        if self.previous_runner is not None:
            return say("{0} still runs", self._previous_description())
        return say("no project of DeepLens Console ran before")

    def _stream_path(self, env):
        return env.get("DEEPLENS_STREAM_PATH") or self.device.stream_path or self.source.stream_path

    def _install_runner(self):
        script = runner_script()
        try:
            with self.sftp.open(self.layout.runner_script, "rb") as handle:
                if hashlib.sha256(handle.read()).digest() == hashlib.sha256(script).digest():
                    return
        except OSError:
            pass
        self._put(script, self.layout.runner_script, progress=False)

    def _put(self, data, path, progress):
        """Write ``data`` to a temporary name next to ``path`` in chunks (cancel between them), then rename."""
        folder, name = posixpath.split(path)
        temp = posixpath.join(folder, ".{0}.{1}.part".format(name, uuid.uuid4().hex[:8]))
        total = len(data)
        reported = 0.0
        try:
            with self.sftp.open(temp, "wb") as handle:
                handle.set_pipelined(True)
                for offset in range(0, total, self.backend.chunk_size):
                    self.cancel.raise_if_cancelled()
                    handle.write(data[offset:offset + self.backend.chunk_size])
                    done = min(total, offset + self.backend.chunk_size) / float(total)
                    if progress and (done - reported >= 0.05 or done >= 1.0):
                        reported = done
                        self.tracker.emit(self.step, RUNNING, say("Uploading {0:.0f}%…", done * 100), done)
            self.cancel.raise_if_cancelled()
            self.sftp.posix_rename(temp, path)
        except BaseException:
            self._remove_quietly(temp)
            raise

    def _prune(self):
        protect = [self.version]
        for previous in (self.previous_record or {}, ):
            if previous.get("project") == self.source.project_id and previous.get("version"):
                protect.append(previous["version"])
        if self.previous_runner is not None:
            folder, version = posixpath.split(self.previous_runner["project_dir"])
            if posixpath.basename(folder) == self.source.project_id:
                protect.append(version)
        args = ["--project", self.source.project_id, "--keep", str(self.backend.keep_versions)]
        for version in protect:
            args += ["--protect", version]
        result = self._runner("prune", *args)
        if result.status != 0:
            _log.info("pruning old versions on %s failed: %s", self.device.name, _stderr(result))
            return 0
        return len([name for name in (_last_json(result) or {}).get("removed", []) if not name.startswith(".")])

    def _sftp(self):
        if self.sftp is None:
            self.sftp = self.connection.sftp()
        return self.sftp

    def _sftp_mkdir(self, path):
        if self._exists(path):
            return
        parent = posixpath.dirname(path)
        if parent and parent not in ("/", "."):
            self._sftp_mkdir(parent)
        try:
            self.sftp.mkdir(path, 0o700 if path == self.layout.app_dir else 0o755)
        except OSError:
            if not self._exists(path):
                raise DeployError(say("Could not create {0} on {1}; check the free space and the permissions "
                                      "of the login's home folder.", path, self.device.name)) from None

    def _exists(self, path):
        try:
            self._sftp().stat(path)
            return True
        except OSError:
            return False

    def _remove_quietly(self, path):
        try:
            self._sftp().remove(path)
        except (OSError, DeepLensError):
            pass

    def _close_sftp(self):
        if self.sftp is not None:
            try:
                self.sftp.close()
            except Exception as error:  # closing must not hide the result
                _log.debug("closing SFTP failed: %s", error)
            self.sftp = None


def _fresh_health(health, elapsed):
    """``(error, result, anything)`` published in the last ``elapsed`` seconds according to ``health``: the
    newest error sentence when no result came after it, the newest result, and whether anything at all came."""
    if health is None:
        return None, None, False

    def fresh(age):
        return age is not None and age <= elapsed

    error = health.last_error if fresh(health.last_error_age) else None
    result = health.last_ok if fresh(health.last_ok_age) else None
    if error is not None and result is not None and health.last_ok_age < health.last_error_age:
        error = None
    if error is None and result is None and health.log_error and fresh(health.log_age) \
            and health.log_lines_after == 0:
        error = health.log_error  # a project that publishes nowhere we can read still prints its error
    anything = error is not None or result is not None or fresh(health.last_message_age)
    return error, result, anything


def _sentence(text):
    """``text`` ending with a period (the project's sentences often have none)."""
    return text if _is_sentence(text) else text.rstrip() + "."


def _trimmed(message):
    """``message`` without surrounding white space (a Text stays one unless there is white space to cut)."""
    text = str(message).strip()
    return message if text == message else text


def _is_sentence(message):
    """True when ``message`` ends like a sentence (".", "!" or "?")."""
    return str(message).strip().endswith((".", "!", "?"))


def _clause(message):
    """``message`` as a clause inside another sentence: trimmed, without its final period(s) (still translatable
    when it is a Text)."""
    return trim_period(_trimmed(message))
