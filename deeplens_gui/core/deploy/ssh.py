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
and must stream again (rollback), and it is the one that starts at boot. The whole deploy holds the camera's
deploy lock (``lock.py``): a second deploy to the same camera waits for it or gives up, and when this app dies
or the network goes mid-deploy, the camera itself makes what runs agree with its deployed record again. Every remote command comes from
``core/commands.py``; everything written on the device stays below the app folder (``layout.APP_DIR``), except
the one marked line in the login user's crontab.
"""

import base64
import errno
import getpass
import hashlib
import io
import json
import logging
import posixpath
import socket
import threading
import time
import uuid
import zipfile

from deeplens_gui import remote
from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.lock import (
    LEASE,
    DeployLock,
    busy_sentence,
    error_info,
    reconcile_sentence,
    size_text,
    storage_error,
)
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
from deeplens_gui.core.errors import (
    DeepLensError,
    DeployCancelled,
    DeployError,
    DeviceStorageError,
    SudoPasswordNeeded,
)
from deeplens_gui.core.text import capitalize, join, say, trim_period

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
#: how long a deploy waits for another deploy to the same camera before it gives up
DEFAULT_LOCK_TIMEOUT = 120.0
#: room kept free on the camera beyond the package (records, logs, the runner's state)
SPACE_RESERVE = 1024 * 1024

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


def unpacked_size(zip_bytes):
    """Bytes the package takes once unpacked (the sum of its files' sizes)."""
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as archive:
        return sum(info.file_size for info in archive.infolist())


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
    "device" is this machine's own sshd must not change this machine's crontab. ``sudo_passwords`` (a
    ``core.secrets.SudoPasswords``) gives the login's sudo password when the camera's sudo asks for one to
    stop Greengrass (a DeepLens's does); without it such a deploy stops and says how to allow it.
    ``lock_timeout`` is how long a deploy waits for another deploy to the same camera; ``lock_lease`` how long
    the camera keeps the lock of a deploy it hears nothing from.
    """

    name = "ssh"

    def __init__(self, verify_timeout=DEFAULT_VERIFY_TIMEOUT, keep_versions=DEFAULT_KEEP_VERSIONS,
                 app_dir=layout.APP_DIR, runner_env=None, python=None, chunk_size=CHUNK_SIZE,
                 frames_needed=FRAMES_NEEDED, status_interval=STATUS_INTERVAL, boot=True, sudo_passwords=None,
                 lock_timeout=DEFAULT_LOCK_TIMEOUT, lock_lease=LEASE, health_timeout=DEFAULT_HEALTH_TIMEOUT,
                 quiet_grace=DEFAULT_QUIET_GRACE):
        self.verify_timeout = float(verify_timeout)
        self.keep_versions = int(keep_versions)
        self.layout = layout.DeviceLayout(app_dir)
        self.runner_env = dict(runner_env or {})
        self.python = python
        self.chunk_size = int(chunk_size)
        self.frames_needed = int(frames_needed)
        self.status_interval = float(status_interval)
        self.boot = bool(boot)
        self.sudo_passwords = sudo_passwords
        self.lock_timeout = float(lock_timeout)
        self.lock_lease = float(lock_lease)
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
        self.sudo_password = None  # the login's sudo password once sudo accepted it (kept in memory only)
        self.touched = False  # something that ran before was stopped: a failure must roll back
        self.reached = False  # the runner is on the device, so the attempt can go into its history
        self.started = None
        self.record = None
        self.notes = []  # sentences about the camera's next boot, added to the result's message
        self.lock = None  # the camera's deploy lock while this deploy holds it
        self.consistent = False  # what runs and the camera's records agree (else the camera reconciles)
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
            self.consistent = True
        except DeployCancelled:
            return self._end_failed(None, cancelled=True)
        except DeepLensError as error:
            return self._end_failed(error)
        finally:
            self._close_sftp()
            if self.lock is not None:
                self.lock.release(self.consistent)
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
        if self.lock is not None:
            self.lock.step(step)
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
        self._check_model()
        self.sftp = self.connection.sftp()
        lay = self.layout
        for folder in (lay.app_dir, lay.bin_dir, lay.projects_dir):
            self._sftp_mkdir(folder)
        try:
            self._install_runner()
        except OSError as error:
            cause = storage_error({"error": _errno_name(error.errno), "path": self.layout.runner_script},
                                  self.device.name, self.connection.endpoint.user)
            raise cause or DeployError(say("The runner could not be copied to {0}: {1}", self.device.name,
                                           str(error))) from None
        answer = self._take_lock()
        self.reached = True
        self._read_previous()
        dest = lay.project_dir(self.source.project_id, self.version)
        if self._exists(dest):
            self._done(say("This exact package is already on {0} ({1}).", self.device.name, dest))
            return
        needed = len(self.package) + unpacked_size(self.package)
        self._check_space(answer, needed)
        self._sftp_mkdir(lay.project_dir(self.source.project_id))
        final_zip = dest + ".zip"
        try:
            self._put(self.package, final_zip, progress=True)
        except OSError as error:
            raise self._upload_failure(error, needed) from None
        self.cancel.raise_if_cancelled()
        result = self._runner("unpack", "--zip", final_zip, "--dest", dest, "--sha256", _b64_sha256(self.package))
        if result.status != 0:
            self._remove_quietly(final_zip)
            self._raise_storage(result, needed)
            raise DeployError(say("The package could not be unpacked on {0}: {1}", self.device.name,
                                  _stderr(result)))
        self._done(say("Uploaded {0} kB to {1}.", (len(self.package) + 1023) // 1024, dest))
        self.cancel.raise_if_cancelled()

    def _check_model(self):
        """Refuse, before anything is written, a project whose model artifact is not on the camera: it would
        deploy "successfully" and show nothing but a load error."""
        names = self.source.model_artifacts
        if not names:
            return
        self.tracker.emit(self.step, RUNNING, say("Looking for the model {0} on {1}…", names[0], self.device.name))
        # The project looks where its environment says (tests and classrooms may point it elsewhere).
        folder = self.backend.runner_env.get("DEEPLENS_ARTIFACTS_DIR")
        result = self.connection.run(commands.artifacts_command(names, folder), timeout=_COMMAND_TIMEOUT,
                                     check=False)
        folder, found = commands.parse_artifacts(result.text)
        if result.status != 0 or found:
            return
        others = list(names[1:])
        if others:
            raise DeployError(say(
                "{0} needs its model {1} (or {2}) in {3} on {4}, and none of them is there. Deploy a project that "
                "uses this model from the AWS DeepLens console once (it downloads the model there), or copy the "
                "model's .xml and .bin files into {3}, then deploy again.", self.source.name, names[0],
                join(", ", others), folder, self.device.name))
        raise DeployError(say(
            "{0} needs its model {1} in {2} on {3}, and it is not there. Deploy a project that uses this model "
            "from the AWS DeepLens console once (it downloads the model there), or copy the model's .xml and "
            ".bin files into {2}, then deploy again.", self.source.name, names[0], folder, self.device.name))

    def _take_lock(self):
        """Hold the camera's deploy lock (waiting for another deploy, with progress); the runner's answer."""
        self.lock = DeployLock(self.connection, self.layout, self.device.name, deployed_by(),
                               self.backend.lock_lease)

        def waiting(view):
            self.tracker.emit("upload", RUNNING, say("{0}; waiting up to {1:g} s…", capitalize(
                busy_sentence(self.device.name, view)), self.backend.lock_timeout), 0.0)

        try:
            answer = self.lock.acquire(self.backend.lock_timeout, self.source.project_id, self.source.name,
                                       self.version, waiting, self.cancel)
        except DeepLensError:
            self.lock = None
            raise
        if isinstance(answer.get("reconciled"), dict):
            self.notes.append(reconcile_sentence(answer["reconciled"], self.device.name))
        return answer

    def _check_space(self, space, needed):
        """Refuse before the upload when the camera cannot hold the package (nothing is written then)."""
        if space.get("readonly") or space.get("writable") is False:
            raise storage_error({"error": "EROFS" if space.get("readonly") else "EACCES",
                                 "path": space.get("path")}, self.device.name, self.connection.endpoint.user)
        free = space.get("free")
        if isinstance(free, int) and free < needed + SPACE_RESERVE:
            raise DeviceStorageError(say("no space left on the camera: {0} free, the package needs {1}",
                                         size_text(free), size_text(needed)))

    def _upload_failure(self, error, needed):
        """The true cause of a failed SFTP upload: the camera is asked about its space and its filesystem."""
        result = self._runner("space", "--path", self.layout.projects_dir)
        space = _last_json(result) if result.status == 0 else None
        if space is not None:
            try:
                self._check_space(space, needed)
            except DeviceStorageError as cause:
                return cause
        if getattr(error, "errno", None) is not None:
            cause = storage_error({"error": _errno_name(error.errno), "path": self.layout.projects_dir},
                                  self.device.name, self.connection.endpoint.user)
            if cause is not None:
                return cause
        return DeployError(say("The package could not be uploaded to {0}: {1}", self.device.name, str(error)))

    def _raise_storage(self, result, needed=None):
        """Raise the DeviceStorageError a failed runner command reports (no space, read-only, permission)."""
        info = error_info(result.stderr)
        if info is not None:
            error = storage_error(info, self.device.name, self.connection.endpoint.user, needed)
            if error is not None:
                raise error

    def _stop(self):
        self._begin("stop", say("Stopping what runs on {0}…", self.device.name))
        stopped = []
        answer = self._greengrass(commands.greengrass_stop_command, ask=True)
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
            self._raise_storage(result)
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
            self._raise_storage(result)
            raise DeployError(say("The deploy record could not be written on {0}: {1}", self.device.name,
                                  _stderr(result)))
        removed = self._prune()
        if removed:
            self._done(say("Recorded {0} {1}; old versions removed from the camera: {2}.", self.source.project_id,
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
                answer = self._greengrass(commands.greengrass_disable_command)
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

    # -- Greengrass and sudo ----------------------------------------------------------------------------------

    def _greengrass(self, make, ask=False):
        """Run the Greengrass command ``make()`` (sudo -n); when sudo wants a password, run ``make(password=True)``
        with the login's password on stdin: the one already accepted, or (``ask``) one from ``sudo_passwords``."""
        answer = self.connection.run(make(), timeout=_COMMAND_TIMEOUT, check=False).text.strip()
        if answer != commands.GREENGRASS_REFUSED:
            return answer
        password = self.sudo_password
        if password is None and ask:
            password = self._sudo_password()
        if password is None:
            return answer
        return self.connection.run(make(password=True), timeout=_COMMAND_TIMEOUT, stdin=password + "\n",
                                   check=False).text.strip()

    def _sudo_password(self):
        """The login's sudo password, checked with sudo before use; None without ``sudo_passwords``.
        SudoPasswordNeeded when none is given or sudo refuses it (nothing was changed on the camera)."""
        provider = self.backend.sudo_passwords
        if provider is None:
            return None
        login = self.connection.endpoint
        rejected = False
        while True:
            password, saved = provider.get(self.device, login, rejected)
            if not password:
                raise SudoPasswordNeeded(say(
                    "Greengrass (greengrassd) runs on {0}, and stopping it needs sudo, which asks for the password "
                    "of {1} on the camera. Deploy again and give that password when asked (the deploy command asks "
                    "on a terminal or reads --sudo-password-env VAR); DeepLens Console keeps it in the system "
                    "keyring.", self.device.name, login.user))
            self.tracker.emit(self.step, RUNNING, say("Checking the sudo password of {0} on {1}…", login.user,
                                                       self.device.name))
            check = self.connection.run(commands.sudo_check_command(), timeout=_COMMAND_TIMEOUT,
                                        stdin=password + "\n", check=False)
            if check.status == 0:
                note = provider.accepted(login, password, saved)
                if note:
                    self.notes.append(note)
                self.sudo_password = password
                return password
            provider.rejected(login, saved)
            if not saved:
                raise SudoPasswordNeeded(say(
                    "sudo on {0} did not accept the password of {1}; give the password {1} logs in with on the "
                    "camera, then deploy again.", self.device.name, login.user))
            rejected = True  # the keyring's password is outdated: ask for the current one

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
        self.consistent = rolled_back or not self.touched
        message = join(" ", [head, now_runs] + self.notes)
        self._history("cancelled" if cancelled else "failed", step, message, rolled_back)
        return DeployResult(self.device.name, False, message, record=None, rolled_back=rolled_back,
                            steps=self.tracker.final_events(), error_kind=None if error is None else error.kind)

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
                answer = self._greengrass(commands.greengrass_start_command)
                if answer != commands.GREENGRASS_STARTED:
                    raise DeployError(say("Greengrass could not be started again (sudo asks for a password); "
                                          "start it with 'sudo systemctl start greengrassd'"))
                now_runs = say("Rolled back: Greengrass runs the console-deployed project again.")
            else:
                now_runs = say("Nothing runs on {0} now (nothing ran before).", self.device.name)
        except DeepLensError as error:
            if self.lock is not None:
                # This deploy holds the camera's lock: once the camera hears nothing more from it, the camera
                # puts its deployed project back itself (runner.py, reconcile).
                return False, say("The rollback failed too ({0}); once {1} hears nothing more from this deploy "
                                  "(at most {2:g} s), it puts its deployed project back itself, and its status "
                                  "says what runs.", _clause(error.message), self.device.name,
                                  self.backend.lock_lease)
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
        token = self.lock.token if self.lock is not None else None
        command = commands.runner_command(self.layout.runner_script, self.layout.app_dir, action, *args,
                                          lock=token)
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
            self._raise_storage(result)
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
        try:
            with self.sftp.open(self.layout.runner_script, "rb") as handle:
                if hashlib.sha256(handle.read()).hexdigest() == remote.stamp("runner"):
                    return
        except OSError:
            pass
        self._put(remote.payload("runner"), self.layout.runner_script, progress=False)

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
            stored = self.sftp.stat(temp).st_size
            if stored != total:
                # A full disk can make the server drop pipelined writes without an error reply.
                raise OSError(say("the camera stored {0} of {1} bytes of {2}", stored, total, path))
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


def _errno_name(number):
    return errno.errorcode.get(number, "") if isinstance(number, int) else ""


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
