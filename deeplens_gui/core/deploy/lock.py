"""The camera's one-deploy-at-a-time lock, seen from the app, and the sentences about the camera's records.

The lock lives ON the camera: the runner's ``lock`` command holds an flock for as long as its SSH channel
is open and the app sends a line now and then (the steps it reaches, heartbeats). When the app dies, the
network goes or the app goes silent, the camera itself puts what runs back in line with its deployed record
(see ``runner.py``); the next deploy and ``status`` say what it found.
"""

import json
import logging
import socket
import threading
import time

from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.errors import DeployBusy, DeviceStorageError
from deeplens_gui.core.text import capitalize, say

_log = logging.getLogger(__name__)

#: how long the camera keeps the lock of a deploy it hears nothing from (network loss)
LEASE = 30.0
#: the runner's exit status when another deploy holds the lock (runner.EXIT_LOCKED)
EXIT_LOCKED = 4
_READ_SLICE = 0.2
_ANSWER_GRACE = 30.0
_RELEASE_TIMEOUT = 10.0

_MB = 1024.0 * 1024.0


def size_text(count):
    """``count`` bytes for a sentence: "3.2 MB" below 10 MB, "17 MB" above, "512 kB" below 1 MB."""
    if count < _MB:
        return "{0:.0f} kB".format(count / 1024.0)
    if count < 10 * _MB:
        return "{0:.1f} MB".format(count / _MB)
    return "{0:.0f} MB".format(count / _MB)


def error_info(stderr):
    """The runner's machine-readable error line (``{"error": "ENOSPC", ...}``) from its stderr, or None."""
    text = stderr.decode("utf-8", "replace") if isinstance(stderr, bytes) else stderr
    for line in reversed(text.splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        if isinstance(value, dict) and value.get("error"):
            return value
    return None


def storage_error(info, device_name, user, needed=None):
    """The DeviceStorageError that names the true cause in ``info`` (errno name, path, the space of the app
    folder's filesystem), or None when it is no storage problem."""
    code = info.get("error")
    space = info.get("space") if isinstance(info.get("space"), dict) else info
    path = info.get("path") or space.get("path") or layout.APP_DIR
    if code in ("ENOSPC", "EDQUOT"):
        free = space.get("free")
        if needed is not None and isinstance(free, int):
            return DeviceStorageError(say("no space left on the camera: {0} free, the package needs {1}",
                                          size_text(free), size_text(needed)))
        if isinstance(free, int):
            return DeviceStorageError(say("no space left on the camera: {0} free on {1}", size_text(free),
                                          device_name))
        return DeviceStorageError(say("no space left on the camera {0}", device_name))
    if code == "EROFS" or space.get("readonly"):
        return DeviceStorageError(say("the filesystem of {0} that holds {1} is read-only, so nothing can be "
                                      "written there", device_name, path))
    if code in ("EACCES", "EPERM"):
        return DeviceStorageError(say("permission denied on {0}: {1} may not write {2}", device_name, user,
                                      path))
    return None


def busy_sentence(device_name, view, waited=None):
    """"another deploy to virtual-1 is running, started by root@host 12 s ago" (a clause), and how long this
    deploy waited for it when it gave up."""
    owner = view.get("owner") or say("someone")
    age = view.get("age") if isinstance(view.get("age"), (int, float)) else 0.0
    if waited is None:
        return say("another deploy to {0} is running, started by {1} {2:.0f} s ago", device_name, owner, age)
    return say("another deploy to {0} is running, started by {1} {2:.0f} s ago; gave up after waiting "
               "{3:g} s", device_name, owner, age, waited)


def _recorded(found):
    record = found.get("record") if isinstance(found.get("record"), dict) else None
    if record is None:
        return None
    return "{0} ({1})".format(record.get("name") or record.get("project"), record.get("version"))


def reconcile_sentence(note, device_name):
    """What the camera found and did after an interrupted deploy (the runner's ``reconciled`` note)."""
    deploy = note.get("deploy") if isinstance(note.get("deploy"), dict) else {}
    found = note.get("found") if isinstance(note.get("found"), dict) else {}
    what = deploy.get("name") or deploy.get("project") or say("a project")
    owner = deploy.get("owner") or say("someone")
    recorded = _recorded(found)
    action = note.get("action")
    head = say("A deploy of {0} by {1} to {2} was interrupted at step {3}", what, owner, device_name,
               deploy.get("step") or "upload")
    if action == "restarted":
        return say("{0}; the camera stopped what that deploy had started and runs the deployed project {1} "
                   "again.", head, recorded)
    if action == "start-failed":
        return say("{0}; the camera stopped what that deploy had started, but the deployed project {1} did "
                   "not start again (see ~/{2}).", head, recorded, layout.RUNNER_LOG)
    if action == "stopped":
        return say("{0}; the camera stopped what that deploy had started, and nothing is deployed.", head)
    if recorded is not None:
        return say("{0}; what runs is the deployed project {1}, as recorded.", head, recorded)
    return say("{0}; nothing runs and nothing is deployed.", head)


def records_notes(records, device_name):
    """Sentences for ``status`` about the camera's records (the probe's ``records`` part, may be None)."""
    if not isinstance(records, dict):
        return []
    notes = []
    deploying = records.get("deploying")
    if isinstance(deploying, dict):
        notes.append(say("{0}.", capitalize(busy_sentence(device_name, deploying))))
    interrupted = records.get("interrupted")
    if isinstance(interrupted, dict):
        notes.append(say("A deploy of {0} by {1} was interrupted at step {2}; {3} reconciles its records at "
                         "the next deploy or boot.", interrupted.get("name") or interrupted.get("project"),
                         interrupted.get("owner"), interrupted.get("step"), device_name))
    if isinstance(records.get("reconciled"), dict):
        notes.append(reconcile_sentence(records["reconciled"], device_name))
    mismatch = records.get("mismatch")
    if isinstance(mismatch, dict):
        if mismatch.get("recorded"):
            notes.append(say("The deployed record names {0}, but {1} runs.", mismatch["recorded"],
                             mismatch.get("running")))
        else:
            notes.append(say("Nothing is recorded as deployed, but {0} runs.", mismatch.get("running")))
    return notes


class DeployLock:
    """The app's end of the runner's ``lock``: one SSH channel held for a whole deploy (see the module)."""

    def __init__(self, connection, device_layout, device_name, owner, lease=LEASE):
        self.connection = connection
        self.layout = device_layout
        self.device_name = device_name
        self.owner = owner
        self.lease = float(lease)
        self.token = None
        self.answer = None
        self._channel = None
        self._send_lock = threading.Lock()
        self._stop = threading.Event()
        self._heartbeat = None

    def acquire(self, timeout, project, name, version, on_wait, cancel):
        """Wait up to ``timeout`` s for the lock; ``on_wait(view)`` meanwhile (once a second). Returns the
        runner's answer (``token``, ``reconciled``, ``free``, ``readonly``); DeployBusy when it gave up."""
        command = commands.runner_command(
            self.layout.runner_script, self.layout.app_dir, "lock", "--owner", self.owner, "--project",
            project, "--name", name, "--version", version, "--wait", "{0:g}".format(timeout), "--lease",
            "{0:g}".format(self.lease))
        self._channel = self.connection.open_channel(command)
        self._channel.settimeout(_READ_SLICE)
        pending = b""
        deadline = time.monotonic() + timeout + _ANSWER_GRACE
        try:
            while True:
                cancel.raise_if_cancelled()
                try:
                    data = self._channel.recv(4096)
                except socket.timeout:
                    data = None
                if data == b"":
                    raise self._failure()
                if data:
                    pending += data
                    while b"\n" in pending:
                        line, pending = pending.split(b"\n", 1)
                        answer = self._line(line, on_wait, timeout)
                        if answer is not None:
                            self.answer = answer
                            self.token = answer["token"]
                            name = "deploy-lock-{0}".format(self.device_name)
                            self._heartbeat = threading.Thread(target=self._beat, daemon=True, name=name)
                            self._heartbeat.start()
                            return answer
                if time.monotonic() >= deadline:
                    raise DeployBusy(say("{0} did not answer about its deploy lock within {1:g} s",
                                         self.device_name, timeout + _ANSWER_GRACE))
        except BaseException:
            self._close()
            raise

    def _line(self, line, on_wait, timeout):
        try:
            value = json.loads(line.decode("utf-8", "replace"))
        except ValueError:
            return None
        if not isinstance(value, dict):
            return None
        if isinstance(value.get("busy"), dict):
            on_wait(value["busy"])
        elif isinstance(value.get("refused"), dict):
            raise DeployBusy(busy_sentence(self.device_name, value["refused"], timeout))
        elif value.get("locked") and value.get("token"):
            return value
        return None

    def _failure(self):
        """The error of a lock command that ended without an answer (read from its stderr)."""
        stderr = b""
        try:
            self._channel.settimeout(_RELEASE_TIMEOUT)
            while True:
                chunk = self._channel.recv_stderr(4096)
                if not chunk:
                    break
                stderr += chunk
        except (socket.timeout, OSError):
            pass
        info = error_info(stderr)
        if info is not None:
            error = storage_error(info, self.device_name, self.connection.endpoint.user)
            if error is not None:
                return error
        text = stderr.decode("utf-8", "replace").strip()
        last = text.splitlines()[-1] if text else say("no answer")
        return DeployBusy(say("{0} could not take its deploy lock: {1}", self.device_name, last))

    def step(self, name):
        """Tell the camera which step the deploy is in (its journal shows it after a crash)."""
        self._send("step {0}\n".format(name))

    def _send(self, text):
        channel = self._channel
        if channel is None:
            return
        with self._send_lock:
            try:
                channel.sendall(text.encode("utf-8"))
            except (OSError, EOFError) as error:  # the camera will notice the silence and reconcile
                _log.info("could not reach the deploy lock on %s: %s", self.device_name, error)

    def _beat(self):
        while not self._stop.wait(self.lease / 4.0):
            self._send("alive\n")

    def release(self, done):
        """End the deploy: ``done`` (True) when what runs and the records agree, so the camera just lets go;
        False leaves the camera to reconcile them itself, as after a crash of this app."""
        if self._channel is None:
            return
        self._stop.set()
        if self._heartbeat is not None:
            self._heartbeat.join()
            self._heartbeat = None
        if done:
            self._send("done\n")
            try:
                self._channel.shutdown_write()
                self._channel.settimeout(_RELEASE_TIMEOUT)
                while self._channel.recv(4096):
                    pass
            except (socket.timeout, OSError, EOFError):
                pass
        self._close()

    def _close(self):
        self._stop.set()
        channel, self._channel = self._channel, None
        if channel is not None:
            channel.close()
        if self._heartbeat is not None and self._heartbeat is not threading.current_thread():
            self._heartbeat.join()
            self._heartbeat = None
