"""DeepLens Console runner: runs one project on the device like a pinned Greengrass Lambda, supervised.

This file runs ON the device (Python 2.7 and 3.5+, standard library only). The app uploads it to the
device's ``.deeplens-console/bin/`` and calls it over SSH; the app never imports it.

Commands (``python runner.py [--app-dir DIR] COMMAND ...``; DIR defaults to ``~/.deeplens-console``):

``start --project-dir D [--env K=V ...] [--python EXE]``
    Starts a detached supervisor (double fork, new session, stdio to ``runner.log``) that writes
    ``runner.pid`` and runs the project: the chosen Python imports the handler module named in
    ``D/manifest.json``, as Greengrass starts a pinned Lambda, and stays alive. The project's output goes
    to ``project.log``. A child that exits is restarted with backoff; after ``--max-crashes`` exits each
    within ``--crash-window`` seconds of its start, the state becomes "crashed" and the supervisor gives
    up, so a deploy can fail fast. Prints the state as JSON once the child runs (or crashed).
``stop [--timeout S]``
    SIGTERM to every supervisor of this app folder (the recorded one and any other, such as one an older,
    interrupted deploy left), each of which ends its child's whole process group; SIGKILL after the timeout,
    and every project child of this app folder still alive loses its process group too. Idempotent.
``status``
    Prints the state (``runner.json``) as JSON plus ``alive`` and ``child_alive``. When an interrupted deploy
    left its journal and no deploy holds the lock, it first reconciles (see ``lock``); the JSON then holds
    ``reconciled``.
``lock --owner WHO [--project NAME] [--version V] [--wait S] [--lease S]``
    The one-deploy-per-camera lock, held by this command for as long as the deploy runs: it takes an
    exclusive flock on ``deploy.lock`` (waiting up to ``--wait`` s and printing ``{"busy": {...}}`` once a
    second meanwhile; then ``{"refused": {...}}`` and exit status 4), writes the deploy journal
    ``deploy.json`` (owner, start, step, token) and prints ``{"locked": true, "token": T, ...}``. It then
    reads lines on stdin: ``step NAME`` records the step, ``done`` ends the deploy (journal removed, lock
    released); any line is a heartbeat. When stdin ends, a signal comes or no line came for ``--lease`` s
    without ``done`` (the client died or the network is gone), a detached process keeps the lock and
    reconciles: what runs is made to match ``deployed.json`` (anything else stopped, the recorded project
    started), and what it found goes to ``reconciled.json`` and the history. A journal left by a lock
    holder that died itself (power loss) is reconciled by the next ``lock``, ``status`` or ``boot``.
    Every changing command (start, stop, unpack, prune, record, install-boot) refuses to run while another
    deploy holds the lock; a deploy passes its token with ``--lock T`` (exit status 4 when it lost it).
``space --path P``
    Prints ``{"free": BYTES, "readonly": BOOL, "writable": BOOL}`` for the filesystem holding P (or its
    nearest existing parent).
``unpack --zip Z --dest D --sha256 B64``
    Checks the uploaded package against its SHA-256 (base64), extracts it into a temporary folder next to
    D, then renames that folder to D and removes Z.
``prune --project ID --keep N [--protect VERSION ...]``
    Removes all but the newest N versions of project ID (never a protected one), inside the projects
    folder only.
``record``
    Reads ``{"record": {...} or null, "history": {...}}`` on stdin: writes the record atomically as
    ``deployed.json`` (when not null) and appends the history entry as one line to ``history.jsonl``.
``boot``
    What the device runs at boot (the ``@reboot`` line of ``install-boot``): starts the project of
    ``deployed.json`` exactly as the deploy did (the record's ``runner`` part: project_dir, env, python).
    Without a record, or while a supervisor already runs, it logs one line and exits 0. Idempotent. A
    journal of a deploy the boot interrupted is reconciled first.
``install-boot``
    Makes the login user's crontab start ``boot`` at every boot: ONE line
    ``@reboot PYTHON RUNNER --app-dir APP boot >> LOG 2>&1 # deeplens-console`` (absolute, quoted paths;
    this Python and this script) replaces any line with that marker; every other line stays. Prints
    ``{"installed": true, "changed": ..., "line": ...}``, or ``{"installed": false, "reason": "nocrontab"}``
    when the device has no ``crontab`` command.

The child gets a ``greengrasssdk`` stand-in (publish() appends JSON lines to ``results.jsonl``, bounded)
only when the real module is not importable, so a project runs the same outside Greengrass.
"""

from __future__ import print_function

import argparse
import base64
import binascii
import errno
import fcntl
import hashlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

# File names inside the app folder; deeplens_gui/core/deploy/layout.py uses the same ones.
APP_DIR_NAME = ".deeplens-console"
PID_FILE = "runner.pid"
STATE_FILE = "runner.json"
RUNNER_LOG = "runner.log"
PROJECT_LOG = "project.log"
RESULTS = "results.jsonl"
DEPLOYED = "deployed.json"
HISTORY = "history.jsonl"
PROJECTS = "projects"
SHIM_DIR = "shim"
#: flock of the one deploy at a time, and the running deploy's journal (owner, start, step, token)
DEPLOY_LOCK = "deploy.lock"
DEPLOY_JOURNAL = "deploy.json"
#: what the last reconciliation after an interrupted deploy found and did
RECONCILED = "reconciled.json"
#: flock a supervisor holds while it lives (never two), and the flock around a start
SUPERVISOR_LOCK = "supervisor.lock"
START_LOCK = "start.lock"
#: flock every changing command holds while it runs; reconciling waits for it (a dead client's last command)
COMMAND_LOCK = "command.lock"
#: optional: the pid of a process the runner lives no longer than (the virtual DeepLens sets it)
OWNER_ENV = "DEEPLENS_RUNNER_OWNER_PID"
#: the comment that marks the crontab line install-boot owns
BOOT_MARKER = "# deeplens-console"

MANIFEST = "manifest.json"
#: a project version folder: <UTC timestamp>-<hex SHA-256 prefix>
VERSION_RE = re.compile(r"^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8,64}$")
PROJECT_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
HANDLER_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$")
ENV_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")

BACKOFF_START = 0.5
BACKOFF_MAX = 30.0
TERM_GRACE = 5.0
RESULTS_MAX_BYTES = 1024 * 1024
#: leftovers of interrupted uploads older than this are removed by prune
STALE_TEMP_S = 3600

#: exit status of ``start`` when a supervisor already runs, and of any command given bad input
EXIT_BUSY = 3
EXIT_USAGE = 2
#: exit status when another deploy holds the deploy lock, or the caller's deploy lost it
EXIT_LOCKED = 4
#: commands that change what runs or what is recorded: refused while another deploy holds the lock
GUARDED = ("start", "stop", "unpack", "prune", "record", "install-boot")
LEASE = 30.0
#: how long a command without a deploy's token waits for another short command that holds the lock
GUARD_WAIT = 30.0

# Finds awscam and cv2 without importing them (Python 2 and 3); the runner prefers an interpreter where
# both are installed, because that is the one the camera's Lambdas use.
_PROBE = """import sys
try:
    import importlib.util as u
    found = lambda n: u.find_spec(n) is not None
except ImportError:
    import imp
    def found(n):
        try:
            imp.find_module(n)
            return True
        except ImportError:
            return False
sys.exit(0 if found('awscam') and found('cv2') else 1)
"""

_SHIM = '''"""greengrasssdk stand-in made by the DeepLens Console runner (the real module is not installed).

client('iot-data').publish(topic=..., payload=...) appends {"time", "topic", "payload"} as one JSON line to
$DEEPLENS_RESULTS_PATH (else $DEEPLENS_CONSOLE_RESULTS); past %(max)d bytes the file moves to <path>.1.
"""
import json
import os
import threading
import time

MAX_BYTES = %(max)d
_lock = threading.Lock()


class IotDataClient(object):
    def publish(self, topic=None, payload=b"", **kwargs):
        if not topic:
            raise ValueError("publish needs a topic")
        if isinstance(payload, (bytes, bytearray)):
            payload = bytes(payload).decode("utf-8", "replace")
        line = (json.dumps({"time": time.time(), "topic": topic, "payload": payload}) + "\\n").encode("utf-8")
        path = os.environ.get("DEEPLENS_RESULTS_PATH") or os.environ.get("DEEPLENS_CONSOLE_RESULTS")
        if not path:
            return {}
        with _lock:
            try:
                if os.path.getsize(path) + len(line) > MAX_BYTES:
                    os.rename(path, path + ".1")
            except OSError:
                pass
            with open(path, "ab") as results:
                results.write(line)
        return {}


def client(client_type, *args, **kwargs):
    if client_type != "iot-data":
        raise ValueError("Outside Greengrass only the 'iot-data' client is available, not %%r." %% client_type)
    return IotDataClient()
''' % {"max": RESULTS_MAX_BYTES}


class RunnerError(Exception):
    """An expected failure: the message is printed on stderr and the command exits non-zero (``code``)."""

    def __init__(self, message, code=1):
        Exception.__init__(self, message)
        self.code = code


# --- small helpers ---------------------------------------------------------------------------------------

def _now():
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _paths(app_dir):
    app_dir = os.path.abspath(app_dir)
    return {
        "app": app_dir,
        "pid": os.path.join(app_dir, PID_FILE),
        "state": os.path.join(app_dir, STATE_FILE),
        "runner_log": os.path.join(app_dir, RUNNER_LOG),
        "project_log": os.path.join(app_dir, PROJECT_LOG),
        "results": os.path.join(app_dir, RESULTS),
        "deployed": os.path.join(app_dir, DEPLOYED),
        "history": os.path.join(app_dir, HISTORY),
        "projects": os.path.join(app_dir, PROJECTS),
        "shim": os.path.join(app_dir, SHIM_DIR),
        "deploy_lock": os.path.join(app_dir, DEPLOY_LOCK),
        "journal": os.path.join(app_dir, DEPLOY_JOURNAL),
        "reconciled": os.path.join(app_dir, RECONCILED),
        "supervisor_lock": os.path.join(app_dir, SUPERVISOR_LOCK),
        "start_lock": os.path.join(app_dir, START_LOCK),
        "command_lock": os.path.join(app_dir, COMMAND_LOCK),
    }


def _makedirs(path):
    try:
        os.makedirs(path, 0o700)
    except OSError as error:
        if error.errno != errno.EEXIST or not os.path.isdir(path):
            raise


def _atomic_write(path, data, sync=True):
    """Write bytes to a temporary file next to ``path``, fsync (unless ``sync`` is False), then rename over
    ``path``."""
    folder = os.path.dirname(path)
    _makedirs(folder)
    fd, temp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".part", dir=folder)
    try:
        try:
            os.write(fd, data)
            if sync:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.chmod(temp, 0o644)
        os.rename(temp, path)
    except BaseException:
        try:
            os.remove(temp)
        except OSError:
            pass
        raise


def _append_line(path, obj):
    _makedirs(os.path.dirname(path))
    line = (json.dumps(obj, sort_keys=True) + "\n").encode("utf-8")
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, line)  # one write with O_APPEND: lines from two writers never interleave
    finally:
        os.close(fd)


def _read_json(path):
    try:
        with open(path, "rb") as handle:
            value = json.loads(handle.read().decode("utf-8"))
    except (IOError, OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _write_state(paths, state):
    state["updated_at"] = _now()
    _atomic_write(paths["state"], (json.dumps(state, sort_keys=True) + "\n").encode("utf-8"))


def _alive(pid):
    """True when ``pid`` runs; a zombie counts as gone (PID 1 in a container may never reap it)."""
    if not pid or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except OSError as error:
        if error.errno == errno.EPERM:
            return True
        return False
    try:
        with open("/proc/{0}/stat".format(pid), "rb") as handle:
            return handle.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (IOError, OSError, IndexError):
        return True


def _cmdline_has(pid, word):
    """Whether the command line of ``pid`` contains ``word`` (True where /proc cannot tell)."""
    try:
        with open("/proc/{0}/cmdline".format(pid), "rb") as handle:
            return word.encode("ascii") in handle.read()
    except (IOError, OSError):
        return not os.path.isdir("/proc")


def _read_pid(paths):
    try:
        with open(paths["pid"], "rb") as handle:
            return int(handle.read().decode("ascii").strip() or "0")
    except (IOError, OSError, ValueError):
        return 0


def _runner_pid(paths):
    """The supervisor's pid when it is alive (and really is our supervisor), else 0."""
    pid = _read_pid(paths)
    if pid and _alive(pid) and _cmdline_has(pid, "_supervise"):
        return pid
    return 0


def _kill_group(pgid, sig):
    try:
        os.killpg(pgid, sig)
    except OSError:
        pass


def _wait_gone(pids, timeout):
    deadline = time.time() + timeout
    while any(_alive(pid) for pid in pids):
        if time.time() >= deadline:
            return False
        time.sleep(0.05)
    return True


def _bytes(text):
    return text if isinstance(text, bytes) else text.encode("utf-8")


def _app_processes(paths, role):
    """Live processes of this app folder in ``role`` (``_supervise`` or ``_child``), found in /proc: a pid
    file names one supervisor only, and one an interrupted deploy left behind must be found as well."""
    found = []
    try:
        names = os.listdir("/proc")
    except OSError:
        return found
    app = _bytes(paths["app"])
    for name in names:
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open("/proc/{0}/cmdline".format(name), "rb") as handle:
                argv = handle.read().split(b"\0")
        except (IOError, OSError):
            continue
        if _bytes(role) in argv and _app_dir_of(argv) == app and _alive(int(name)) \
                and _same_folder(name, paths["app"]):
            found.append(int(name))
    return found


def _same_folder(pid, app):
    """Whether process ``pid`` sees the same ``app`` folder as this one. Another mount namespace can show other
    files at the same path (virtual cameras on one machine, containers); /proc/PID/root and /proc/PID/cwd look
    through that process's own mounts. A process whose view this one may not look into (another user, another
    user namespace) is not this app folder's: the app's own processes run as this user, in this namespace."""
    base = "/proc/{0}/root".format(pid) if os.path.isabs(app) else "/proc/{0}/cwd".format(pid)
    try:
        theirs = os.stat(base + "/" + app.lstrip("/"))
        ours = os.stat(app)
    except (IOError, OSError):
        return False
    return (theirs.st_dev, theirs.st_ino) == (ours.st_dev, ours.st_ino)


def _app_dir_of(argv):
    for i, arg in enumerate(argv):
        if arg == b"--app-dir" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith(b"--app-dir="):
            return arg[len(b"--app-dir="):]
    return None


def _supervisors(paths):
    """Every live supervisor of this app folder: the one in the pid file and any other /proc shows."""
    pids = set(_app_processes(paths, "_supervise"))
    recorded = _runner_pid(paths)
    if recorded:
        pids.add(recorded)
    return sorted(pids)


def _open_lock(path):
    _makedirs(os.path.dirname(path))
    return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)


def _try_lock(fd):
    """Take the exclusive flock of ``fd`` without waiting; False when another process holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except (IOError, OSError) as error:
        if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
            return False
        raise


def _lock_within(fd, seconds, on_busy=None):
    """Take the flock of ``fd``, waiting up to ``seconds``; ``on_busy()`` is called while it waits."""
    deadline = time.time() + seconds
    while not _try_lock(fd):
        if time.time() >= deadline:
            return False
        if on_busy is not None:
            on_busy()
        time.sleep(0.1)
    return True


def _journal_view(paths):
    """What a waiting deploy is told about the one that holds the lock (never its token)."""
    journal = _read_json(paths["journal"]) or {}
    since = journal.get("since")
    age = max(0.0, time.time() - since) if isinstance(since, (int, float)) else None
    return {"owner": journal.get("owner"), "project": journal.get("project"), "step": journal.get("step"),
            "state": journal.get("state"), "age": age}


def _guard(paths, token):
    """Refuse a changing command while a deploy other than the caller's (``token``) holds the deploy lock.

    Without a token the command waits for another short command that holds the lock, then holds it itself
    while it runs: the returned fd (None when the caller's deploy holds the lock); closing it releases it.
    """
    fd = _open_lock(paths["deploy_lock"])
    if token:
        free = _try_lock(fd)
        os.close(fd)
        journal = _read_json(paths["journal"]) or {}
        if free:
            raise RunnerError("This deploy no longer holds the deploy lock of {0} (its client was silent for "
                              "too long, so the camera reconciled its records); deploy again.".format(
                                  paths["app"]), EXIT_LOCKED)
        if journal.get("token") == token and journal.get("state") == "active":
            return None
        _refuse_busy(paths)
    deadline = time.time() + GUARD_WAIT
    while not _try_lock(fd):
        journal = _read_json(paths["journal"]) or {}
        if journal.get("state") in ("active", "reconciling") or time.time() >= deadline:
            os.close(fd)
            _refuse_busy(paths)
        time.sleep(0.05)
    return fd


def _refuse_busy(paths):
    view = _journal_view(paths)
    raise RunnerError("Another deploy is running, started by {0} {1:.0f} s ago.".format(
        view["owner"] or "someone", view["age"] or 0), EXIT_LOCKED)


def _free_space(path):
    """``{"free", "readonly", "writable", "path"}`` of the filesystem holding ``path`` (or its nearest
    existing parent)."""
    path = os.path.abspath(path)
    while not os.path.exists(path) and os.path.dirname(path) != path:
        path = os.path.dirname(path)
    info = os.statvfs(path)
    return {"path": path, "free": info.f_bavail * info.f_frsize, "readonly": bool(info.f_flag & 1),
            "writable": os.access(path, os.W_OK)}


def _which(name, path_value):
    if os.path.isabs(name):
        return name if os.access(name, os.X_OK) else None
    for folder in (path_value or os.defpath).split(os.pathsep):
        candidate = os.path.join(folder or ".", name)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def _load_manifest(project_dir):
    manifest = _read_json(os.path.join(project_dir, MANIFEST))
    if manifest is None:
        raise RunnerError("{0} has no readable {1}.".format(project_dir, MANIFEST))
    handler = manifest.get("handler")
    if not isinstance(handler, (type(u""), str)) or not HANDLER_RE.match(handler):
        raise RunnerError("{0}: 'handler' must look like module.function.".format(
            os.path.join(project_dir, MANIFEST)))
    module = handler.split(".", 1)[0]
    if not os.path.isfile(os.path.join(project_dir, module + ".py")):
        raise RunnerError("{0} has no {1}.py, which its handler {2} names.".format(project_dir, module, handler))
    return manifest


def _python_candidates(runtime):
    runtime = runtime if isinstance(runtime, (type(u""), str)) else ""
    if runtime.startswith("python2"):
        return ["python2.7", "python2"]
    if runtime.startswith("python3"):
        return [runtime, "python3"]
    return []


def choose_python(runtime, explicit, env):
    """The interpreter for the project: ``explicit``, else the first of the runtime's that has awscam and
    cv2, else the one running this script."""
    if explicit:
        found = _which(explicit, env.get("PATH"))
        if found is None:
            raise RunnerError("The Python {0} was not found on this device.".format(explicit))
        return found
    with open(os.devnull, "wb") as devnull:
        for name in _python_candidates(runtime):
            found = _which(name, env.get("PATH"))
            if found and subprocess.call([found, "-c", _PROBE], env=env, stdout=devnull, stderr=devnull,
                                         close_fds=True) == 0:
                return found
    return sys.executable


def _parse_env(pairs):
    env = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not ENV_NAME_RE.match(name):
            raise RunnerError("--env takes NAME=VALUE, not {0!r}.".format(pair))
        env[name] = value
    return env


# --- start / supervise / child ---------------------------------------------------------------------------

def cmd_start(paths, args):
    current, started = _start(paths, args.project_dir, args.env, args.python, args.max_crashes,
                              args.crash_window, args.wait)
    print(json.dumps(current, sort_keys=True))
    return 0 if started else 1


def _start(paths, project_dir, env_pairs, python, max_crashes, crash_window, wait):
    """Start a detached supervisor for ``project_dir``; ``(state with alive/child_alive, whether it runs)``.

    Two starts at the same moment are serialized by a flock, and a start while any supervisor of this app
    folder lives is refused, so there is never a second supervisor.
    """
    lock = _open_lock(paths["start_lock"])
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        running = _supervisors(paths)
        if running:
            raise RunnerError("A project already runs (runner pid {0}); stop it first.".format(running[0]),
                              EXIT_BUSY)
        return _spawn_supervisor(paths, project_dir, env_pairs, python, max_crashes, crash_window, wait)
    finally:
        os.close(lock)


def _spawn_supervisor(paths, project_dir, env_pairs, python, max_crashes, crash_window, wait):
    project_dir = os.path.abspath(project_dir)
    manifest = _load_manifest(project_dir)
    extra_env = _parse_env(env_pairs)
    env = dict(os.environ)
    env.update(extra_env)
    python = choose_python(manifest.get("runtime"), python, env)
    _makedirs(paths["app"])
    _makedirs(paths["shim"] + "/greengrasssdk")
    _atomic_write(os.path.join(paths["shim"], "greengrasssdk", "__init__.py"), _SHIM.encode("utf-8"))
    state = {"state": "starting", "project_dir": project_dir, "env": extra_env, "python": python,
             "runner_pid": None, "child_pid": None, "restarts": 0, "last_exit": None,
             "max_crashes": max_crashes, "crash_window": crash_window, "started_at": _now()}
    _write_state(paths, state)
    try:
        os.remove(paths["pid"])
    except OSError:
        pass
    sys.stdout.flush()
    sys.stderr.flush()
    first = os.fork()
    if first == 0:
        # Double fork: the supervisor leads no session of the SSH command, so it outlives the connection.
        try:
            os.setsid()
            if os.fork() == 0:
                os.chdir("/")
                os.umask(0o022)
                _redirect_stdio(paths["runner_log"])
                os.execv(sys.executable, [sys.executable, os.path.abspath(__file__), "--app-dir", paths["app"],
                                          "_supervise"])
        finally:
            os._exit(0)
    os.waitpid(first, 0)
    deadline = time.time() + wait
    while True:
        current = _read_json(paths["state"]) or {}
        started = current.get("runner_pid") and (current.get("child_pid") or current.get("state") == "crashed")
        if started or time.time() >= deadline:
            break
        time.sleep(0.05)
    current["alive"] = _alive(current.get("runner_pid") or 0)
    current["child_alive"] = _alive(current.get("child_pid") or 0)
    return current, bool(started)


def _redirect_stdio(log_path, keep=()):
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    log = os.open(log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    os.dup2(log, 1)
    os.dup2(log, 2)
    os.close(log)
    # Nothing the SSH session left open may keep its channel (or anything else) alive; ``keep`` holds fds
    # (locks) the process goes on using.
    low = 3
    for fd in sorted(keep):
        os.closerange(low, fd)
        low = fd + 1
    os.closerange(low, 256)


def cmd_supervise(paths, args):
    """The detached supervisor (started by ``start``); its settings are in the state file."""
    state = _read_json(paths["state"])
    if state is None or state.get("state") != "starting":
        raise RunnerError("No start is pending in {0}.".format(paths["state"]))
    try:
        Supervisor(paths, state).run()
    except Exception as error:  # the log is the only place left to say why
        print("runner {0}: supervisor failed: {1!r}".format(_now(), error))
        return 1
    return 0


class Supervisor(object):
    """Keeps the project's child process running; see the module docstring."""

    def __init__(self, paths, state):
        self.paths = paths
        self.config = dict(state)
        self.state = state
        self.stopping = False
        self.child = None
        self.owner = _owner_pid()
        self.owner_checked = 0.0

    def _on_signal(self, signum, frame):
        self.stopping = True

    def _save(self, **changes):
        self.state.update(changes)
        _write_state(self.paths, self.state)

    def _sleep(self, seconds):
        deadline = time.time() + seconds
        while not self.stopping and time.time() < deadline:
            time.sleep(min(0.1, max(0.0, deadline - time.time())))

    def _spawn(self):
        env = dict(os.environ)
        env.update(self.config["env"])
        env["PYTHONUNBUFFERED"] = "1"
        env["DEEPLENS_CONSOLE_RESULTS"] = self.paths["results"]
        log = open(self.paths["project_log"], "ab")
        null = open(os.devnull, "rb")
        try:
            # Its own process group (setsid), so stopping ends everything the project started.
            return subprocess.Popen(
                [self.config["python"], os.path.abspath(__file__), "--app-dir", self.paths["app"], "_child",
                 "--project-dir", self.config["project_dir"]],
                cwd=self.config["project_dir"], env=env, stdin=null, stdout=log, stderr=subprocess.STDOUT,
                close_fds=True, preexec_fn=os.setsid)
        finally:
            log.close()
            null.close()

    def run(self):
        # Held while this supervisor lives: a second one of the same app folder gives up at once.
        self.lock = _open_lock(self.paths["supervisor_lock"])
        if not _try_lock(self.lock):
            print("runner {0}: another supervisor of {1} runs; this one ends".format(
                _now(), self.paths["app"]))
            return
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        _atomic_write(self.paths["pid"], "{0}\n".format(os.getpid()).encode("ascii"))
        self._save(runner_pid=os.getpid())
        print("runner {0}: supervising {1} with {2}".format(_now(), self.config["project_dir"],
                                                            self.config["python"]))
        sys.stdout.flush()
        early_crashes = 0
        delay = BACKOFF_START
        try:
            while not self.stopping:
                started = time.time()
                self.child = self._spawn()
                self._save(state="running", child_pid=self.child.pid, child_started_at=_now())
                while self.child.poll() is None and not self.stopping:
                    time.sleep(0.1)
                    self._check_owner()
                if self.stopping:
                    break
                code = self.child.returncode
                # A dead Lambda's helpers (its process group) go too.
                _kill_group(self.child.pid, signal.SIGKILL)
                self.child = None
                uptime = time.time() - started
                print("runner {0}: project exited with {1} after {2:.1f} s".format(_now(), code, uptime))
                sys.stdout.flush()
                if uptime >= self.config["crash_window"]:
                    early_crashes = 0
                    delay = BACKOFF_START
                early_crashes += 1
                if early_crashes >= self.config["max_crashes"]:
                    self._save(state="crashed", child_pid=None, last_exit=code)
                    print("runner {0}: crashed {1} times within {2:g} s of starting; giving up".format(
                        _now(), early_crashes, self.config["crash_window"]))
                    return
                self._save(state="restarting", child_pid=None, last_exit=code,
                           restarts=self.state.get("restarts", 0) + 1)
                self._sleep(delay)
                delay = min(BACKOFF_MAX, delay * 2)
            self._stop_child()
            self._save(state="stopped", child_pid=None)
        finally:
            if self.child is not None:
                _kill_group(self.child.pid, signal.SIGKILL)
            if _read_pid(self.paths) == os.getpid():
                try:
                    os.remove(self.paths["pid"])
                except OSError:
                    pass

    def _check_owner(self):
        # A virtual device binds its runners to the simulator's process (DEEPLENS_RUNNER_OWNER_PID): when
        # that process is gone without stopping them, nothing could stop them any more, so they stop.
        owner = self.owner
        if owner and time.time() >= self.owner_checked + 1.0:
            self.owner_checked = time.time()
            if not _alive(owner):
                print("runner {0}: owner process {1} is gone; stopping".format(_now(), owner))
                self.stopping = True

    def _stop_child(self):
        child, self.child = self.child, None
        if child is None:
            return
        _kill_group(child.pid, signal.SIGTERM)
        deadline = time.time() + TERM_GRACE
        while child.poll() is None and time.time() < deadline:
            time.sleep(0.05)
        _kill_group(child.pid, signal.SIGKILL)
        child.wait()
        self.state["last_exit"] = child.returncode


def _owner_pid():
    try:
        return int(os.environ.get(OWNER_ENV, "0"))
    except ValueError:
        return 0


def _findable(name):
    """Whether ``name`` can be imported, without importing it (Python 2 has no importlib.util, 3.12 no imp)."""
    import importlib

    try:
        util = importlib.import_module("importlib.util")
    except ImportError:
        util = None
    if util is not None:
        return util.find_spec(name) is not None
    imp = importlib.import_module("imp")
    try:
        imp.find_module(name)
        return True
    except ImportError:
        return False


def cmd_child(paths, args):
    """Runs in the project's Python: import the handler module as Greengrass does, then stay alive."""
    import importlib

    project_dir = os.path.abspath(args.project_dir)
    manifest = _load_manifest(project_dir)
    module_name, function = manifest["handler"].split(".", 1)
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [entry for entry in sys.path if os.path.abspath(entry or ".") != here]
    sys.path.insert(0, project_dir)
    os.chdir(project_dir)
    if not _findable("greengrasssdk"):
        sys.path.append(paths["shim"])
    print("runner {0}: starting {1} ({2}) from {3} with Python {4}".format(
        _now(), manifest.get("name", module_name), manifest["handler"], project_dir, sys.version.split()[0]))
    sys.stdout.flush()
    module = importlib.import_module(module_name)
    if not callable(getattr(module, function, None)):
        raise RunnerError("{0} has no handler function {1}.".format(module_name, function))
    supervisor = os.getppid()
    while os.getppid() == supervisor:
        time.sleep(1.0)
    # The supervisor was killed outright, so nobody would ever stop us; the Lambda's threads would keep a
    # normal exit waiting forever.
    os._exit(0)


# --- stop / status -----------------------------------------------------------------------------------------

def cmd_stop(paths, args):
    print(json.dumps({"stopped": _stop_all(paths, args.timeout)}))
    return 0


def _stop_all(paths, timeout):
    """Stop every supervisor and every project child of this app folder; True when something ran."""
    state = _read_json(paths["state"]) or {}
    supervisors = _supervisors(paths)
    children = set(_app_processes(paths, "_child"))
    child = state.get("child_pid") or 0
    # Only a child whose group we know: it leads its own process group (setsid) and is our bootstrap.
    if child and _alive(child) and _cmdline_has(child, "_child"):
        children.add(child)
    for pid in supervisors:
        _signal(pid, signal.SIGTERM)
    if not _wait_gone(supervisors, timeout):
        for pid in supervisors:
            _signal(pid, signal.SIGKILL)
        _wait_gone(supervisors, 2.0)
    # Children whose supervisor was killed outright (or never stopped them) lose their whole group.
    for pid in children:
        if _alive(pid):
            _kill_group(pid, signal.SIGKILL)
    _wait_gone(list(children), 2.0)
    if supervisors or children:
        state = _read_json(paths["state"]) or state
        if state.get("state") not in ("stopped", "crashed"):
            state["state"] = "stopped"
        state["child_pid"] = None
        _write_state(paths, state)
    if _read_pid(paths) and not _runner_pid(paths):
        try:
            os.remove(paths["pid"])
        except OSError:
            pass
    return bool(supervisors or children)


def _signal(pid, sig):
    try:
        os.kill(pid, sig)
    except OSError:
        pass


def cmd_status(paths, args):
    note = _reconcile_stale(paths, args.wait)
    state = _read_json(paths["state"]) or {"state": "none"}
    if note is not None:
        state["reconciled"] = note
    runner = _runner_pid(paths)
    state["alive"] = bool(runner)
    state["child_alive"] = bool(runner) and _alive(state.get("child_pid") or 0)
    if not runner and state.get("state") in ("starting", "running", "restarting"):
        state["state"] = "dead"
    print(json.dumps(state, sort_keys=True))
    return 0


# --- boot: start the deployed project again after the camera rebooted ----------------------------------------

def cmd_boot(paths, args):
    lock = _open_lock(paths["deploy_lock"])
    try:
        if not _lock_within(lock, args.wait):
            print("runner {0}: boot: a deploy holds the lock; it starts its own project".format(_now()))
            return 0
        journal = _read_json(paths["journal"])
        if journal is not None:
            note = _reconcile(paths, journal, args.wait)
            print("runner {0}: boot: reconciled after the deploy the boot interrupted: {1}".format(
                _now(), note["action"]))
            return 0
        return _boot(paths, args)
    finally:
        os.close(lock)


def _boot(paths, args):
    record = _read_json(paths["deployed"])
    runner = record.get("runner") if record is not None else None
    if not isinstance(runner, dict) or not runner.get("project_dir"):
        print("runner {0}: boot: nothing to start ({1} records no project)".format(_now(), paths["deployed"]))
        return 0
    pid = _runner_pid(paths)
    if pid:
        print("runner {0}: boot: a project already runs (runner pid {1}); nothing to do".format(_now(), pid))
        return 0
    print("runner {0}: boot: starting {1} ({2} {3})".format(_now(), runner["project_dir"], record.get("project"),
                                                          record.get("version")))
    sys.stdout.flush()
    current, started = _start(paths, runner["project_dir"], _env_pairs(runner.get("env")),
                              runner.get("python") or None, args.max_crashes, args.crash_window, args.wait)
    print(json.dumps(current, sort_keys=True))
    return 0 if started else 1


def _env_pairs(env):
    env = env if isinstance(env, dict) else {}
    return ["{0}={1}".format(name, env[name]) for name in sorted(env)]


# --- the deploy lock and reconciliation after an interrupted deploy ---------------------------------------

def _say(obj):
    try:
        print(json.dumps(obj, sort_keys=True))
        sys.stdout.flush()
    except (IOError, OSError):
        pass  # the client is gone; what happens next does not depend on it hearing this


def _write_journal(paths, journal):
    # No fsync: a lock holder must answer a signal within the SSH server's grace, and after a power loss the
    # journal matters less than the deployed record, which is synced.
    _atomic_write(paths["journal"], (json.dumps(journal, sort_keys=True) + "\n").encode("utf-8"), sync=False)


def cmd_lock(paths, args):
    # The work happens in a detached keeper (its own session): an SSH server may kill this command's
    # process group the moment its client goes (the virtual DeepLens does), and the keeper must live on to
    # put the camera's records right. This process only waits for the keeper and passes on its exit status.
    read_end, write_end = os.pipe()
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    first = os.fork()
    if first == 0:
        try:
            os.close(read_end)
            os.setsid()
            if os.fork() == 0:
                code = 1
                try:
                    code = _keep_lock(paths, args, write_end)
                except (IOError, OSError) as error:
                    print(json.dumps(_os_error(paths, error), sort_keys=True), file=sys.stderr)
                    print("runner.py: {0}".format(error), file=sys.stderr)
                except Exception as error:  # the log (or the client) is the only place left to say why
                    print("runner {0}: lock failed: {1!r}".format(_now(), error), file=sys.stderr)
                finally:
                    for stream in (sys.stdout, sys.stderr):
                        try:
                            stream.flush()
                        except (IOError, OSError):
                            pass
                    os.write(write_end, str(code).encode("ascii"))
                    os._exit(code)
        finally:
            os._exit(0)
    os.close(write_end)
    os.waitpid(first, 0)
    status = b""
    while True:
        chunk = os.read(read_end, 16)
        if not chunk:
            break
        status += chunk
    os.close(read_end)
    return int(status or b"1")


def _keep_lock(paths, args, status_fd):
    """The keeper of ``lock``: take the deploy lock, hold it while the client speaks, reconcile if it
    vanishes. Returns the exit status."""
    lock = _open_lock(paths["deploy_lock"])
    reported = [0.0]
    began = time.time()

    def busy():
        if time.time() - reported[0] < 1.0:
            return
        view = _journal_view(paths)
        # A holder writes its journal just after it takes the lock: a waiter that came a moment later would
        # read no owner yet. Name the holder once it has said who it is (or after a second: a short command
        # such as `stop` holds the lock without a journal).
        if view["owner"] is None and time.time() - began < 1.0:
            return
        reported[0] = time.time()
        _say({"busy": view})

    if not _lock_within(lock, args.wait, busy):
        view = _journal_view(paths)
        _append_line(paths["history"], {"outcome": "refused", "deployed_by": args.owner,
                                        "project": args.project, "name": args.name, "version": args.version,
                                        "deployed_at": _now(),
                                        "rolled_back": False, "step": None, "via": "ssh",
                                        "message": "another deploy was running, started by {0}".format(
                                            view["owner"])})
        _say({"refused": view})
        return EXIT_LOCKED
    note = None
    stale = _read_json(paths["journal"])
    if stale is not None:
        note = _reconcile(paths, stale, args.wait)
    journal = {"token": binascii.hexlify(os.urandom(16)).decode("ascii"), "owner": args.owner,
               "project": args.project, "name": args.name, "version": args.version, "since": time.time(),
               "step": "upload", "state": "active", "pid": os.getpid()}
    _write_journal(paths, journal)
    answer = {"locked": True, "token": journal["token"], "reconciled": note}
    answer.update(_free_space(paths["projects"]))
    _say(answer)
    if _hold(paths, journal, args.lease):
        os.remove(paths["journal"])
        return 0
    # The client died, cut the connection or went silent without ending the deploy: let the SSH session go
    # (output to the runner log) and put what runs back in line with the record, still holding the lock.
    _redirect_stdio(paths["runner_log"], keep=(lock, status_fd))
    journal.update(state="reconciling", token=None)
    _write_journal(paths, journal)
    note = _reconcile(paths, journal, args.wait)
    print("runner {0}: reconciled after an interrupted deploy: {1}".format(_now(), note["action"]))
    return 0


class _ClientGone(Exception):
    """Raised by the signal handler of a lock holder: it must react at once, not after its next wake-up."""


def _on_client_gone(signum, frame):
    raise _ClientGone()


def _hold(paths, journal, lease):
    """Keep the deploy lock while the client sends lines on stdin; True once it says ``done``."""
    for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(sig, _on_client_gone)
    stdin = sys.stdin.fileno()
    pending = b""
    heard = time.time()
    try:
        while time.time() - heard < lease:
            try:
                ready = select.select([stdin], [], [], 0.5)[0]
                data = os.read(stdin, 4096) if ready else None
            except (select.error, IOError, OSError) as error:
                code = getattr(error, "errno", None) or (error.args[0] if error.args else None)
                if code == errno.EINTR:
                    continue
                return False
            if data is None:
                continue
            if not data:
                return False
            heard = time.time()
            pending += data
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                word, _, rest = line.decode("utf-8", "replace").strip().partition(" ")
                if word == "done":
                    return True
                if word == "step" and rest and rest != journal.get("step"):
                    journal["step"] = rest
                    _write_journal(paths, journal)
    except _ClientGone:
        return False
    finally:
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
            signal.signal(sig, signal.SIG_IGN)
    return False


def _reconcile_stale(paths, wait):
    """Reconcile the journal of a deploy whose lock holder died with it (power loss, SIGKILL); None when
    there is none or a deploy holds the lock."""
    if not os.path.exists(paths["journal"]):
        return None
    lock = _open_lock(paths["deploy_lock"])
    try:
        if not _try_lock(lock):
            return None
        journal = _read_json(paths["journal"])
        return _reconcile(paths, journal, wait) if journal is not None else None
    finally:
        os.close(lock)


def _reconcile(paths, journal, wait):
    """Make what runs match ``deployed.json`` after an interrupted deploy (the caller holds the deploy lock):
    anything else is stopped and the recorded project started. Returns the note of what it found and did,
    which also goes to ``reconciled.json`` and the history; the journal is removed."""
    # A command the vanished deploy sent may still run (a real sshd does not end it): let it finish first.
    command_lock = _open_lock(paths["command_lock"])
    try:
        fcntl.flock(command_lock, fcntl.LOCK_EX)
        return _reconcile_now(paths, journal, wait)
    finally:
        os.close(command_lock)


def _reconcile_now(paths, journal, wait):
    record = _read_json(paths["deployed"])
    runner = record.get("runner") if record is not None else None
    recorded = runner.get("project_dir") if isinstance(runner, dict) else None
    state = _read_json(paths["state"]) or {}
    supervisors = _supervisors(paths)
    running = None
    if len(supervisors) == 1 and state.get("runner_pid") in supervisors:
        running = state.get("project_dir")
    note = {"time": _now(), "action": "none",
            "deploy": dict((key, journal.get(key))
                           for key in ("owner", "project", "name", "version", "step")),
            "found": {"running": running, "supervisors": len(supervisors), "recorded": recorded,
                      "record": dict((key, record.get(key)) for key in ("project", "name", "version"))
                      if record is not None else None}}
    consistent = recorded is not None and running == recorded and state.get("state") in (
        "starting", "running", "restarting")
    if not consistent:
        if _stop_all(paths, TERM_GRACE + 5.0):
            note["action"] = "stopped"
        if recorded is not None:
            try:
                current, started = _start(paths, recorded, _env_pairs(runner.get("env")),
                                          runner.get("python") or None, 3, 10.0, wait)
            except (RunnerError, IOError, OSError) as error:
                started = False
                note["error"] = str(error)
            note["action"] = "restarted" if started else "start-failed"
    _atomic_write(paths["reconciled"], (json.dumps(note, sort_keys=True) + "\n").encode("utf-8"))
    _append_line(paths["history"], {
        "outcome": "interrupted", "deployed_at": _now(), "deployed_by": journal.get("owner"),
        "project": journal.get("project"), "name": journal.get("name"), "version": journal.get("version"),
        "step": journal.get("step"), "rolled_back": note["action"] == "restarted", "via": "ssh",
        "message": "reconciled on the camera: {0}".format(note["action"])})
    try:
        os.remove(paths["journal"])
    except OSError:
        pass
    return note


def cmd_space(paths, args):
    print(json.dumps(_free_space(args.path), sort_keys=True))
    return 0


def _os_error(paths, error):
    """What the app needs to name the true cause of a failed file operation (errno name, path, free space)."""
    code = errno.errorcode.get(error.errno, "") if isinstance(error.errno, int) else ""
    info = {"error": code, "path": getattr(error, "filename", None)}
    if code in ("ENOSPC", "EDQUOT", "EROFS", "EACCES", "EPERM"):
        try:
            info["space"] = _free_space(paths["app"])
        except OSError:
            pass
    return info


def _sh_quote(text):
    """``text`` as one word for ``sh`` (single quotes; Python 2 has no shlex.quote)."""
    return "'" + text.replace("'", "'\"'\"'") + "'"


def boot_line(paths):
    """The crontab line that runs ``boot`` at every boot, with this Python and this script."""
    python = sys.executable
    if not python:
        raise RunnerError("The Python running the runner does not know its own path.")
    words = [os.path.abspath(python), os.path.abspath(__file__), paths["app"], paths["runner_log"]]
    for word in words:
        if "\n" in word or "\r" in word:
            raise RunnerError("A path holds a line break, which a crontab line cannot: {0!r}.".format(word))
    command = "{0} {1} --app-dir {2} boot >> {3} 2>&1".format(*[_sh_quote(word) for word in words])
    # cron turns an unescaped % into a line break; a backslash keeps it (and cron removes the backslash).
    return "@reboot {0} {1}".format(command.replace("%", "\\%"), BOOT_MARKER)


def _crontab(crontab, option, stdin=None):
    proc = subprocess.Popen([crontab, option], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, close_fds=True)
    out, err = proc.communicate(stdin)
    return proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace").strip()


def cmd_install_boot(paths, args):
    crontab = _which("crontab", os.environ.get("PATH"))
    if crontab is None:
        print(json.dumps({"installed": False, "reason": "nocrontab"}))
        return 0
    line = boot_line(paths)
    status, current, err = _crontab(crontab, "-l")
    if status != 0:
        if "no crontab" not in err.lower():
            raise RunnerError("crontab -l failed: {0}".format(err or "exit status {0}".format(status)))
        current = ""
    kept = [text for text in current.splitlines() if not text.rstrip().endswith(BOOT_MARKER)]
    wanted = "\n".join(kept + [line]) + "\n"
    changed = wanted != current
    if changed:
        status, _, err = _crontab(crontab, "-", wanted.encode("utf-8"))
        if status != 0:
            raise RunnerError("crontab - failed: {0}".format(err or "exit status {0}".format(status)))
    print(json.dumps({"installed": True, "changed": changed, "line": line, "crontab": crontab}, sort_keys=True))
    return 0


# --- unpack / prune / record -------------------------------------------------------------------------------

def _inside(root, path):
    root = os.path.realpath(root)
    path = os.path.realpath(path)
    return path == root or path.startswith(root + os.sep)


def cmd_unpack(paths, args):
    zip_path = os.path.abspath(args.zip)
    dest = os.path.abspath(args.dest)
    if not _inside(paths["projects"], os.path.dirname(dest)) or not VERSION_RE.match(os.path.basename(dest)):
        raise RunnerError("{0} is not a project version folder of this app.".format(dest))
    digest = hashlib.sha256()
    with open(zip_path, "rb") as handle:
        for block in iter(lambda: handle.read(65536), b""):
            digest.update(block)
    actual = base64.b64encode(digest.digest()).decode("ascii")
    if actual != args.sha256:
        raise RunnerError("The uploaded package is damaged (SHA-256 {0}, expected {1}).".format(
            actual, args.sha256))
    if os.path.exists(dest):
        raise RunnerError("{0} exists already.".format(dest))
    temp = tempfile.mkdtemp(prefix="." + os.path.basename(dest) + ".", suffix=".part",
                            dir=os.path.dirname(dest))
    try:
        count = 0
        with zipfile.ZipFile(zip_path) as archive:
            for info in archive.infolist():
                name = info.filename
                parts = name.replace("\\", "/").split("/")
                if name.startswith("/") or ".." in parts or ":" in parts[0]:
                    raise RunnerError("The package holds the unsafe path {0!r}.".format(name))
                target = os.path.join(temp, *[part for part in parts if part])
                if name.endswith("/"):
                    _makedirs(target)
                    continue
                _makedirs(os.path.dirname(target))
                with open(target, "wb") as out:
                    out.write(archive.read(info))
                mode = (info.external_attr >> 16) & 0o777
                os.chmod(target, 0o755 if mode & 0o111 else 0o644)
                count += 1
        _load_manifest(temp)
        os.chmod(temp, 0o755)
        os.rename(temp, dest)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    os.remove(zip_path)
    print(json.dumps({"dest": dest, "files": count}))
    return 0


def cmd_prune(paths, args):
    if not PROJECT_ID_RE.match(args.project):
        raise RunnerError("{0!r} is not a project id.".format(args.project))
    folder = os.path.join(paths["projects"], args.project)
    if not os.path.isdir(folder):
        print(json.dumps({"removed": []}))
        return 0
    names = os.listdir(folder)
    versions = sorted(name for name in names if VERSION_RE.match(name))
    keep = set(versions[-args.keep:] if args.keep > 0 else []) | set(args.protect or [])
    removed = []
    for name in versions:
        if name not in keep:
            shutil.rmtree(os.path.join(folder, name), ignore_errors=True)
            removed.append(name)
    now = time.time()
    for name in names:
        path = os.path.join(folder, name)
        # Leftovers of an upload or unpack that never finished.
        if name.startswith(".") and name.endswith(".part") and now - os.lstat(path).st_mtime > STALE_TEMP_S:
            if os.path.isdir(path) and not os.path.islink(path):
                shutil.rmtree(path, ignore_errors=True)
            else:
                os.remove(path)
            removed.append(name)
    print(json.dumps({"removed": removed}))
    return 0


def cmd_record(paths, args):
    stdin = getattr(sys.stdin, "buffer", sys.stdin)
    try:
        message = json.loads(stdin.read().decode("utf-8"))
    except ValueError as error:
        raise RunnerError("The record is not JSON ({0}).".format(error))
    if not isinstance(message, dict) or not isinstance(message.get("history"), dict):
        raise RunnerError("Expected {\"record\": {...} or null, \"history\": {...}} on stdin.")
    record = message.get("record")
    if record is not None:
        if not isinstance(record, dict):
            raise RunnerError("The record must be a JSON object.")
        _atomic_write(paths["deployed"], (json.dumps(record, sort_keys=True, indent=2) + "\n").encode("utf-8"))
    _append_line(paths["history"], message["history"])
    print(json.dumps({"recorded": record is not None}))
    return 0


# --- command line ------------------------------------------------------------------------------------------

def _parser():
    parser = argparse.ArgumentParser(prog="runner.py", description="DeepLens Console device-side runner.")
    parser.add_argument("--app-dir", default=os.path.join(os.path.expanduser("~"), APP_DIR_NAME))
    parser.add_argument("--lock", help="the token of the deploy lock the caller holds")
    sub = parser.add_subparsers(dest="command")
    start = sub.add_parser("start")
    start.add_argument("--project-dir", required=True)
    start.add_argument("--env", action="append", default=[])
    start.add_argument("--python")
    start.add_argument("--max-crashes", type=int, default=3)
    start.add_argument("--crash-window", type=float, default=10.0)
    start.add_argument("--wait", type=float, default=10.0)
    stop = sub.add_parser("stop")
    stop.add_argument("--timeout", type=float, default=TERM_GRACE + 5.0)
    status = sub.add_parser("status")
    status.add_argument("--wait", type=float, default=10.0)
    lock = sub.add_parser("lock")
    lock.add_argument("--owner", required=True)
    lock.add_argument("--project")
    lock.add_argument("--name")
    lock.add_argument("--version")
    lock.add_argument("--wait", type=float, default=120.0)
    lock.add_argument("--lease", type=float, default=LEASE)
    space = sub.add_parser("space")
    space.add_argument("--path", required=True)
    unpack = sub.add_parser("unpack")
    unpack.add_argument("--zip", required=True)
    unpack.add_argument("--dest", required=True)
    unpack.add_argument("--sha256", required=True)
    prune = sub.add_parser("prune")
    prune.add_argument("--project", required=True)
    prune.add_argument("--keep", type=int, default=3)
    prune.add_argument("--protect", action="append", default=[])
    sub.add_parser("record")
    boot = sub.add_parser("boot")
    boot.add_argument("--max-crashes", type=int, default=3)
    boot.add_argument("--crash-window", type=float, default=10.0)
    boot.add_argument("--wait", type=float, default=10.0)
    sub.add_parser("install-boot")
    sub.add_parser("_supervise")
    child = sub.add_parser("_child")
    child.add_argument("--project-dir", required=True)
    return parser


COMMANDS = {
    "start": cmd_start,
    "stop": cmd_stop,
    "status": cmd_status,
    "lock": cmd_lock,
    "space": cmd_space,
    "unpack": cmd_unpack,
    "prune": cmd_prune,
    "record": cmd_record,
    "boot": cmd_boot,
    "install-boot": cmd_install_boot,
    "_supervise": cmd_supervise,
    "_child": cmd_child,
}


def main(argv=None):
    args = _parser().parse_args(argv)
    if args.command not in COMMANDS:
        print("runner.py: choose a command: {0}".format(", ".join(sorted(COMMANDS))), file=sys.stderr)
        return EXIT_USAGE
    paths = _paths(args.app_dir)
    try:
        guards = []
        if args.command in GUARDED:
            guards.append(_guard(paths, args.lock))
            guards.append(_open_lock(paths["command_lock"]))
            fcntl.flock(guards[-1], fcntl.LOCK_EX)
        try:
            return COMMANDS[args.command](paths, args)
        finally:
            for fd in guards:
                if fd is not None:
                    os.close(fd)
    except RunnerError as error:
        print("runner.py: {0}".format(error), file=sys.stderr)
        return error.code
    except (IOError, OSError) as error:
        # A machine-readable line first (the app names the true cause: no space, read-only, permission),
        # then the sentence.
        print(json.dumps(_os_error(paths, error), sort_keys=True), file=sys.stderr)
        print("runner.py: {0}".format(error), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
