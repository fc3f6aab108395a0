"""The Greengrass daemon of a virtual DeepLens as the workshop left the camera: ``greengrassd.service``.

On a real DeepLens the DeepLens console deploys a project through Greengrass, and the ``greengrassd`` unit
runs its Lambda (pinned: imported once, restarted when it dies) and starts again at every boot. A virtual
device made with ``greengrass=PROJECT`` has that unit: the project is unpacked below
``opt/awscam/greengrass/ggc/deployment/lambda/<id>`` of the device, the device's ``systemctl`` script hands
every command about ``greengrassd`` to this file (``python greengrassd.py systemctl VERB...``), and the fleet
starts the unit at boot while it is enabled. State lives in the device's ``.sim/greengrass/`` folder:
``unit`` (the unit exists), ``enabled``, ``greengrassd.pid`` (the daemon) and ``greengrassd.log``; the
Lambda's own output goes where Greengrass writes it (``USER_LOG_DIR``). The daemon, and so its Lambda, runs
as the device's commands do: in the device's own mount namespace when it has one (deeplens_gui.sim.namespace),
so the Lambda's ``/tmp/results.mjpeg`` is the device's; a python2.7 Lambda runs with the Python the
device-side runner would choose for it (the camera's 2.7 when it is prepared).

Verbs that change the unit (start, stop, restart, enable, disable) need root, as on a camera: the device's
``sudo`` script sets ``SUDO_USER`` when it grants them. Standard library only: the device's own Python runs
it, and nothing here may reach this machine's systemd.
"""

import json
import os
import signal
import subprocess
import sys
import time

UNIT = "greengrassd.service"
#: where the console-deployed Lambda lives on the device (relative to its root), one folder per project
DEPLOYMENT_DIR = "opt/awscam/greengrass/ggc/deployment/lambda"
#: where Greengrass writes a user Lambda's log: <region>/<account>/<function>.log below it (AWS's example account)
USER_LOG_DIR = "opt/awscam/greengrass/ggc/var/log/user/us-east-1/123456789012"
STATE_DIR = ".sim/greengrass"
_PRIVILEGED = ("start", "stop", "restart", "enable", "disable")
_RESTART_DELAY = 1.0
_STOP_GRACE = 3.0
_POLL = 0.2


def _state(root, name):
    return os.path.join(root, STATE_DIR, name)


def is_managed(root):
    """True when the device at ``root`` has the greengrassd unit."""
    return os.path.exists(_state(root, "unit"))


def is_enabled(root):
    """True when greengrassd starts at the device's boot."""
    return os.path.exists(_state(root, "enabled"))


def daemon_pid(root):
    """The running daemon's process id, or 0."""
    try:
        with open(_state(root, "greengrassd.pid")) as handle:
            pid = int(handle.read().strip() or "0")
    except (OSError, ValueError):
        return 0
    return pid if pid_alive(pid) else 0


def install(root, package_dir_name):
    """Mark the device at ``root`` as Greengrass-managed (the unit exists, enabled the first time) running the
    project unpacked in ``DEPLOYMENT_DIR/package_dir_name``."""
    folder = os.path.join(root, STATE_DIR)
    if not os.path.isdir(folder):
        os.makedirs(folder)
    if not is_managed(root):
        open(_state(root, "enabled"), "w").close()
    with open(_state(root, "unit"), "w") as handle:
        handle.write(package_dir_name + "\n")


def start(root, env, command=None):
    """Start the daemon (no-op when it runs); it runs the deployed Lambda with the device environment ``env``.

    From outside the device (the simulator booting it), ``command(argv, env)`` gives the argv the device runs
    (in its own mount namespace); the daemon then finds the device at its ``DEEPLENS_SIM_ROOT``, the path the
    device's own commands see.
    """
    if daemon_pid(root):
        return
    argv = [sys.executable, os.path.abspath(__file__), "daemon", env.get("DEEPLENS_SIM_ROOT") or root]
    if command is not None:
        argv = command(argv, env)
    with open(_state(root, "greengrassd.log"), "ab") as log:
        process = subprocess.Popen(
            argv, cwd=root, env=env,
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, close_fds=True,
            start_new_session=True)
    with open(_state(root, "greengrassd.pid"), "w") as handle:
        handle.write(str(process.pid))


def stop(root):
    """Stop the daemon and its Lambda; waits until both are gone."""
    pid = daemon_pid(root)
    if pid:
        _signal(pid, signal.SIGTERM)
        deadline = time.monotonic() + _STOP_GRACE + 2.0
        while pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        _signal(pid, signal.SIGKILL)
    try:
        os.remove(_state(root, "greengrassd.pid"))
    except OSError:
        pass


def systemctl(root, argv, env, out=sys.stdout, err=sys.stderr):
    """``systemctl argv`` for the greengrassd unit; returns the exit status systemctl would."""
    words = []
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg in ("-p", "--property"):
            skip = True
        elif not arg.startswith("-"):
            words.append(arg)
    verb = words[0] if words else "status"
    if verb in _PRIVILEGED and not env.get("SUDO_USER"):
        err.write("Failed to {0} {1}: Interactive authentication required.\n".format(verb, UNIT))
        return 1
    if verb == "show":
        out.write("LoadState=loaded\n")
    elif verb == "is-active":
        out.write("active\n" if daemon_pid(root) else "inactive\n")
        return 0 if daemon_pid(root) else 3
    elif verb == "is-enabled":
        out.write("enabled\n" if is_enabled(root) else "disabled\n")
        return 0 if is_enabled(root) else 1
    elif verb in ("start", "restart"):
        if verb == "restart":
            stop(root)
        start(root, env)
    elif verb == "stop":
        stop(root)
    elif verb == "enable":
        open(_state(root, "enabled"), "w").close()
        err.write("Created symlink /etc/systemd/system/multi-user.target.wants/{0}.\n".format(UNIT))
    elif verb == "disable":
        if is_enabled(root):
            os.remove(_state(root, "enabled"))
            err.write("Removed /etc/systemd/system/multi-user.target.wants/{0}.\n".format(UNIT))
    elif verb == "status":
        out.write("{0} - Greengrass daemon (virtual DeepLens)\n   Active: {1}\n".format(
            UNIT, "active (running)" if daemon_pid(root) else "inactive (dead)"))
        return 0 if daemon_pid(root) else 3
    else:
        err.write("Unknown operation '{0}' for {1} on the virtual DeepLens.\n".format(verb, UNIT))
        return 1
    return 0


def _lambda_command(package):
    with open(os.path.join(package, "manifest.json")) as handle:
        manifest = json.load(handle)
    module = manifest["handler"].split(".", 1)[0]
    # Greengrass runs a python2.7 Lambda with the camera's Python 2.7: the one the device-side runner would
    # choose for the same runtime (the prepared 2.7 that has awscam and cv2), else the simulator's own.
    python = _device_runner().choose_python(manifest.get("runtime"), None, os.environ)
    # Greengrass imports a pinned Lambda once: the samples run their loop at import.
    return [python, "-u", "-c", "import sys; sys.path.insert(0, '.'); import {0}".format(module)]


def _device_runner():
    """The device-side runner (remote/runner.py, standard library only), loaded from its file: this
    script runs without the deeplens_gui package on its path."""
    import importlib.util

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, "remote", "runner.py")
    spec = importlib.util.spec_from_file_location("deeplens_device_runner", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_daemon(root):
    """The daemon: run the deployed Lambda, restart it when it dies, end it on SIGTERM or when the simulator
    that owns the device is gone."""
    with open(_state(root, "unit")) as handle:
        name = handle.read().strip()
    package = os.path.join(root, DEPLOYMENT_DIR, name)
    log_dir = os.path.join(root, USER_LOG_DIR)
    if not os.path.isdir(log_dir):
        os.makedirs(log_dir)
    log_path = os.path.join(log_dir, "deeplens-{0}.log".format(name))
    owner = int(os.environ.get("DEEPLENS_RUNNER_OWNER_PID") or "0")
    stopping = []
    signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
    child = None
    restart_at = 0.0
    command = _lambda_command(package)
    while not stopping and (not owner or pid_alive(owner)):
        if (child is None or child.poll() is not None) and time.monotonic() >= restart_at:
            if child is not None:
                print("greengrassd: the Lambda ended with status {0}; starting it again".format(child.returncode))
            with open(log_path, "ab") as log:
                child = subprocess.Popen(command, cwd=package, stdin=subprocess.DEVNULL,
                                         stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
            restart_at = time.monotonic() + _RESTART_DELAY
        time.sleep(_POLL)
    if child is not None and child.poll() is None:
        _signal_group(child.pid, signal.SIGTERM)
        try:
            child.wait(_STOP_GRACE)
        except subprocess.TimeoutExpired:
            pass
        _signal_group(child.pid, signal.SIGKILL)
        child.wait()


def pid_alive(pid):
    """True when ``pid`` runs; a zombie counts as gone (PID 1 in a container may never reap it)."""
    if not pid:
        return False
    try:
        with open("/proc/{0}/stat".format(pid)) as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        pass
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _signal(pid, sig):
    try:
        os.kill(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _signal_group(pid, sig):
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def main(argv):
    """``greengrassd.py systemctl ARGS...`` (from the device's systemctl) or ``greengrassd.py daemon ROOT``."""
    if argv[:1] == ["daemon"]:
        run_daemon(argv[1])
        return 0
    root = os.environ.get("DEEPLENS_SIM_ROOT") or os.getcwd()
    return systemctl(root, argv[1:], os.environ)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
