"""Virtual DeepLens devices and fleets: a directory standing for the camera's disk, an SSH server, a project.

Layout of one device's directory (its "filesystem"; HOME and cwd of every command run on it)::

    <root>/tmp/results.mjpeg                 the project stream (a FIFO made by the running Lambda)
    <root>/tmp/results.jsonl                 inference results the Lambda publishes
    <root>/.deeplens-console/                what DeepLens Console keeps on a camera (core/deploy/layout.py):
                                             projects/<id>/<version>/, deployed.json, the runner and its
                                             pid, state and logs (project.log is the Lambda's log)
    <root>/opt/awscam/artifacts/             model artifacts of the bundled projects
    <root>/etc/ssh/ssh_host_ed25519_key      host key (kept across restarts)
    <root>/.ssh/authorized_keys              the client key's public half
    <root>/client_ed25519                    the client private key (0600) the app logs in with
    <root>/.sim/bin/                         safety scripts first on PATH (reboot, sudo, systemctl, crontab)
    <root>/.sim/crontab                      the login user's crontab (its @reboot lines run at every boot)
    <root>/.sim/sudo.sha256                  salted hash of aws_cam's sudo password (a device whose sudo asks)
    <root>/.sim/greengrass/                  the greengrassd unit's state (a Greengrass-managed device)
    <root>/.sim/net/mlan0/address            the MAC address of the camera's Wi-Fi interface mlan0
    <root>/opt/awscam/greengrass/ggc/deployment/lambda/<id>/   the console-deployed project greengrassd runs

On Linux the device's commands and projects run in its own mount namespace (deeplens_gui.sim.namespace), where
``<root>`` is /home/aws_cam, ``<root>/tmp`` is /tmp and ``<root>/opt/awscam`` is /opt/awscam, so the device
reports and uses the camera's paths (``paths`` maps them); elsewhere the paths above are used as they are.
Projects whose runtime is python2.7 run with the camera's Python 2.7 when it is prepared
(deeplens_gui.sim.python2).

Booting (``reboot()``, ``restart()``) works as on a camera: the SSH server comes back, then the device runs
the ``@reboot`` lines of its crontab the way cron does. A project started here or deployed over SSH comes
back through the line the runner's ``install-boot`` put there, exactly as on a real DeepLens.

A camera as the workshop left it: ``greengrass="face"`` makes the device Greengrass-managed (its
``greengrassd`` unit runs that project, deployed "by the console", and starts at boot while enabled; see
deeplens_gui.sim.greengrassd), and ``sudo_password`` makes its ``sudo`` ask for aws_cam's password.
"""

import concurrent.futures
import hashlib
import io
import json
import logging
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from pathlib import Path

from deeplens_gui.core.deploy import layout
from deeplens_gui.core.device import DEFAULT_USER, Device
from deeplens_gui.core.files import atomic_write
from deeplens_gui.core.roster import Roster, save_roster
from deeplens_gui.sim import catalog, greengrassd
from deeplens_gui.sim.namespace import MLAN0_DIR, CameraPaths, wrap_command
from deeplens_gui.sim.namespace import available as namespace_available
from deeplens_gui.sim.python2 import describe as describe_python2
from deeplens_gui.sim.python2 import prepared as prepared_python2
from deeplens_gui.sim.runtime import PACKAGE_ROOT
from deeplens_gui.sim.server import (
    CRONTAB,
    LOOPBACK,
    SUDO_HASH,
    VirtualSshServer,
    authorized_key_line,
    ensure_ed25519_key,
    install_shims,
)

#: Projects a virtual device can run (bundled with the app, see core/projects.py).
PROJECTS = ("face", "mask")
_PROJECT_GRACE = 2.0
_RUNNER_TIMEOUT = 60.0
#: devices started at once (their start is mostly waiting for subprocesses)
START_WORKERS = 8
#: how long the boot waits for the @reboot jobs (the runner's boot returns once the project runs); a job still
#: running then is killed, so a virtual device leaves no stray processes
_BOOT_TIMEOUT = 60.0
_CRON_ENV_LINE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$")

log = logging.getLogger(__name__)


class VirtualDevice:
    """One virtual camera. ``port`` 0 picks a free port on the first start; restarts keep it."""

    def __init__(self, name, root, scene="scene", port=0, camera_fps=15.0, namespace=None, greengrass=None,
                 sudo_password=None):
        if greengrass is not None and greengrass not in PROJECTS:
            raise ValueError("Unknown project {0!r}; choose one of {1}.".format(greengrass, ", ".join(PROJECTS)))
        self.name = name
        #: the bundled project greengrassd runs ("face", "mask") on a Greengrass-managed device, else None
        self.greengrass = greengrass
        self.root = Path(root)
        #: True when the device's commands run in its own mount namespace (the camera's paths); None: when
        #: this machine can (deeplens_gui.sim.namespace)
        self.namespace = namespace_available() if namespace is None else bool(namespace)
        self.scene = scene
        #: frames per second the virtual camera gives the project (awscam.getLastFrame's pace)
        self.camera_fps = float(camera_fps)
        self.port = int(port)
        self.stream_path = self.root / "tmp" / "results.mjpeg"
        self.results_path = self.root / "tmp" / "results.jsonl"
        #: what DeepLens Console keeps on the device (the same layout as on a camera)
        self.app_dir = self.root / layout.APP_DIR
        self.log_path = self.root / layout.PROJECT_LOG
        self.artifacts_dir = self.root / "opt" / "awscam" / "artifacts"
        self.host_key_path = self.root / "etc" / "ssh" / "ssh_host_ed25519_key"
        self.authorized_keys_path = self.root / ".ssh" / "authorized_keys"
        self.client_key_path = self.root / "client_ed25519"
        #: the login user's crontab (the device's crontab script keeps it there)
        self.crontab_path = self.root / CRONTAB
        self.thing_name = "deeplens_" + name.replace("-", "_")
        #: name of the bundled project start_project() last started ("face", "mask") or None; kept across stop()
        self.project = None
        self.server = None
        self._prepare()
        #: this machine's paths <-> the paths the device's commands see
        self.paths = CameraPaths(self.root, self.namespace)
        if sudo_password is not None:
            self.set_sudo_password(sudo_password)
        if greengrass is not None:
            self.install_greengrass(greengrass)

    def set_sudo_password(self, password):
        """Make the device's sudo ask for ``password``, as a DeepLens's sudo asks for aws_cam's."""
        # Only a salted digest is kept, so the device's folder never holds the password itself.
        salt = secrets.token_hex(8)
        digest = hashlib.sha256((salt + password).encode("utf-8")).hexdigest()
        path = self.root / SUDO_HASH
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, "{0}:{1}\n".format(salt, digest).encode("ascii"))

    def install_greengrass(self, name):
        """Make the device Greengrass-managed, running bundled project ``name`` as if the DeepLens console had
        deployed it: unpacked where Greengrass keeps it, the greengrassd unit added (and started when the
        device runs)."""
        from deeplens_gui.core.deploy.sources import project_source
        from deeplens_gui.core.projects import bundled_projects

        source = project_source(bundled_projects()[name], "bundled", "bundled:" + name)
        folder = self.root / greengrassd.DEPLOYMENT_DIR / source.project_id
        if folder.exists():
            shutil.rmtree(str(folder))
        folder.mkdir(parents=True)
        with zipfile.ZipFile(io.BytesIO(source.zip_bytes)) as archive:
            archive.extractall(str(folder))
        greengrassd.install(str(self.root), source.project_id)
        self.greengrass = name
        if self.running and greengrassd.is_enabled(str(self.root)):
            self._start_greengrassd()

    @property
    def greengrass_active(self):
        """True while the device's greengrassd runs."""
        return bool(greengrassd.daemon_pid(str(self.root)))

    def _start_greengrassd(self):
        """What systemd does for the enabled unit: the daemon (and so the Lambda it runs) runs as every
        command of the device does, in its own mount namespace when it has one, finding the device at its
        camera path."""
        greengrassd.start(str(self.root), self.server.environment(), command=self.server.command)

    def _prepare(self):
        from deeplens_gui.core.projects import bundled_projects
        from deeplens_gui.sim.runtime import prepare_artifacts

        for folder in (self.stream_path.parent, self.app_dir, self.authorized_keys_path.parent):
            folder.mkdir(parents=True, exist_ok=True)
        # Every bundled project finds its model artifact, whether it is started here or deployed over SSH, and
        # so do the public samples: the camera holds the stock models the DeepLens console deployed.
        for project in bundled_projects().values():
            prepare_artifacts(project, self.artifacts_dir)
        for stem in catalog.ARTIFACTS:
            catalog.write_artifact(str(self.artifacts_dir), stem + ".xml")
        # A DeepLens's Wi-Fi interface is mlan0; samples read its MAC (/sys/class/net/mlan0/address) to name
        # the camera. A locally administered address made from the device's name stays the same across
        # restarts.
        mlan0 = self.root / MLAN0_DIR / "address"
        if not mlan0.exists():
            mlan0.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256(self.name.encode("utf-8")).digest()
            octets = bytearray(b"\x02" + digest[:5])
            mlan0.write_text(":".join("{0:02x}".format(octet) for octet in octets) + "\n")
        os.chmod(str(self.authorized_keys_path.parent), 0o700)
        self.host_key = ensure_ed25519_key(self.host_key_path, comment="root@" + self.name)
        self.client_key = ensure_ed25519_key(self.client_key_path, comment="deeplens-console@" + self.name)
        line = authorized_key_line(self.client_key, "deeplens-console@" + self.name) + "\n"
        if not self.authorized_keys_path.exists() or self.authorized_keys_path.read_text() != line:
            self.authorized_keys_path.write_text(line)

    # -- lifecycle -------------------------------------------------------------------------------------------

    @property
    def running(self):
        """True while the SSH server accepts connections."""
        return self.server is not None and self.server.running

    @property
    def project_running(self):
        """True while the runner and the project's Lambda process are alive."""
        return self.lambda_pid is not None

    @property
    def lambda_pid(self):
        """Process id of the running project Lambda (the runner's child), or None."""
        runner, child = self._runner_pids()
        return child if runner and child else None

    def _runner_pids(self):
        """``(runner pid, child pid)`` of the device-side runner; 0 for a process that is not alive."""
        try:
            runner = int((self.root / layout.RUNNER_PID).read_text().strip() or "0")
        except (OSError, ValueError):
            runner = 0
        try:
            child = json.loads((self.root / layout.RUNNER_STATE).read_text()).get("child_pid") or 0
        except (OSError, ValueError, AttributeError):
            child = 0
        return (runner if _pid_alive(runner) else 0), (child if _pid_alive(child) else 0)

    def start(self, project=None):
        """Start the SSH server and, if ``project`` is "face" or "mask", that project's Lambda. Returns self."""
        _tell_python_once()
        if self.server is None or not self.server.running:
            self.server = VirtualSshServer(
                self.root,
                self.host_key_path,
                self.authorized_keys_path,
                port=self.port,
                env=self._device_env(),
                name=self.name,
                on_reboot=self.reboot,
                namespace=self.namespace,
                keep=_machine_folders(),
            )
            self.server.start()
            self.port = self.server.port
        if greengrassd.is_managed(str(self.root)) and greengrassd.is_enabled(str(self.root)):
            self._start_greengrassd()
        if project:
            self.start_project(project)
        return self

    def _device_env(self):
        camera = self.paths.camera
        env = device_environment()
        env.update({
            "DEEPLENS_SIM_ROOT": camera(self.root),
            "DEEPLENS_STREAM_PATH": camera(self.stream_path),
            "DEEPLENS_RESULTS_PATH": camera(self.results_path),
            "DEEPLENS_SIM_SCENE": self.scene,
            "DEEPLENS_SIM_FPS": "{0:g}".format(self.camera_fps),
            "DEEPLENS_ARTIFACTS_DIR": camera(self.artifacts_dir),
            "AWS_IOT_THING_NAME": self.thing_name,
        })
        return env

    def command(self, argv, env):
        """``argv`` as this device runs it (in its own mount namespace when it has one)."""
        if self.server is not None:
            return self.server.command(argv, env)
        if not self.namespace:
            return list(argv)
        return wrap_command(self.root, argv, [self.root.parent] + list(_machine_folders()))

    def start_project(self, name):
        """Run bundled project ``name`` on this device, replacing the running one (one project at a time).

        It is installed and started exactly as a deploy over SSH leaves it: unpacked into a version folder,
        run by the device-side runner, with a deployed record and the crontab's @reboot line that starts it
        again at boot. Returns the Lambda's process id.
        """
        if name not in PROJECTS:
            raise ValueError("Unknown project {0!r}; choose one of {1}.".format(name, ", ".join(PROJECTS)))
        from deeplens_gui import remote
        from deeplens_gui.core.deploy.sources import project_source
        from deeplens_gui.core.deploy.ssh import make_record, make_version
        from deeplens_gui.core.projects import bundled_projects

        self.stop_project()
        source = project_source(bundled_projects()[name], "bundled", "bundled:" + name)
        version = make_version(source.zip_bytes)
        script = self.root / layout.RUNNER_SCRIPT
        if not script.exists() or script.read_bytes() != remote.payload("runner"):
            script.parent.mkdir(parents=True, exist_ok=True)
            atomic_write(script, remote.payload("runner"))
        dest = self.root / layout.PROJECTS_DIR / source.project_id / version
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            package = dest.parent / ".{0}.{1}.zip.part".format(version, uuid.uuid4().hex[:8])
            package.write_bytes(source.zip_bytes)
            self._runner("unpack", "--zip", self.paths.camera(package), "--dest", self.paths.camera(dest),
                         "--sha256", source.code_sha256)
        started = self._runner("start", "--project-dir", self.paths.camera(dest))
        state = json.loads(started.stdout.splitlines()[-1])
        runner = {key: state.get(key) for key in ("project_dir", "env", "python")}
        record = make_record(source, version, self.paths.camera(self.stream_path), runner)
        history = dict(record, outcome="deployed", rolled_back=False, step=None, message="started by the simulator")
        self._runner("record", stdin=json.dumps({"record": record, "history": history}))
        self._runner("install-boot")
        self.project = name
        return state.get("child_pid")

    def _runner(self, action, *args, stdin=None):
        """Run the device-side runner as an SSH command on this device would (same cwd and environment)."""
        env = self._environment()
        argv = [sys.executable, self.paths.camera(self.root / layout.RUNNER_SCRIPT), "--app-dir",
                self.paths.camera(self.app_dir), action] + list(args)
        result = subprocess.run(
            self.command(argv, env), cwd=str(self.root), env=env, input=(stdin or "").encode("utf-8"),
            capture_output=True, timeout=_RUNNER_TIMEOUT, check=False)
        if result.returncode != 0:
            raise RuntimeError("runner {0} failed on {1}: {2}".format(
                action, self.name, result.stderr.decode("utf-8", "replace").strip()))
        return result

    def _environment(self):
        """What a command on this device gets; the safety scripts (crontab included) come first either way."""
        if self.server is not None:
            return self.server.environment()
        env = dict(os.environ, HOME=self.paths.camera(self.root))
        env.update(self._device_env())
        env["PATH"] = self.paths.camera(install_shims(self.root)) + os.pathsep + env["PATH"]
        return env

    def boot_jobs(self):
        """``[(command, stdin bytes, settings)]`` of the crontab's @reboot lines, read as cron reads them;
        ``settings`` are the ``NAME=value`` lines above each one."""
        try:
            text = self.crontab_path.read_text()
        except OSError:
            return []
        jobs = []
        settings = {}
        for line in text.splitlines():
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            setting = _CRON_ENV_LINE.match(stripped)
            if setting and not stripped.startswith("@"):
                settings[setting.group(1)] = setting.group(2).strip().strip("\"'")
                continue
            head, _, rest = stripped.partition(" ")
            if head == "@reboot" and rest.strip():
                command, stdin = cron_command(rest.strip())
                jobs.append((command, stdin, dict(settings)))
        return jobs

    def run_boot_jobs(self):
        """Run the crontab's @reboot lines as cron does at boot (``/bin/sh -c``, in the home folder, with the
        device's environment); returns their exit statuses. Called by ``reboot()`` and ``restart()``."""
        statuses = []
        for command, stdin, settings in self.boot_jobs():
            env = self._environment()
            env.update(settings)
            if self.server is not None:
                env["PATH"] = self.server.guarded_path(env["PATH"])
            else:
                env["PATH"] = self.paths.camera(install_shims(self.root)) + os.pathsep + env["PATH"]
            proc = subprocess.Popen(self.command(["/bin/sh", "-c", command], env), cwd=str(self.root),
                                    env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, start_new_session=True)
            try:
                output, _ = proc.communicate(stdin, timeout=_BOOT_TIMEOUT)
            except subprocess.TimeoutExpired:
                try:
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                output, _ = proc.communicate()
                log.warning("%s: the @reboot job %r ran longer than %g s and was killed", self.name, command,
                            _BOOT_TIMEOUT)
            if proc.returncode != 0 or output:
                log.info("%s: @reboot job %r ended with %s: %s", self.name, command, proc.returncode,
                         output.decode("utf-8", "replace").strip())
            statuses.append(proc.returncode)
        return statuses

    def stop_project(self, grace=_PROJECT_GRACE):
        """Stop the project's Lambda (SIGTERM to its runner, which ends the Lambda's process group)."""
        self._signal_project(signal.SIGTERM)
        self._reap_project(grace)
        self.project = None

    def _signal_project(self, sig):
        """Signal the runner; SIGKILL also goes to the Lambda's process group (a dead runner cannot end it)."""
        runner, child = self._runner_pids()
        targets = [(os.kill, runner)]
        if sig == signal.SIGKILL:
            targets.append((os.killpg, child))
        for send, pid in targets:
            if pid:  # never 0: that would signal our own process group
                try:
                    send(pid, sig)
                except (ProcessLookupError, PermissionError):
                    pass

    def _reap_project(self, grace):
        runner, child = self._runner_pids()
        # The runner gives its Lambda a few seconds after SIGTERM before SIGKILL.
        deadline = time.monotonic() + grace + 5.0
        while (_pid_alive(runner) or _pid_alive(child)) and time.monotonic() < deadline:
            time.sleep(0.02)
        self._signal_project(signal.SIGKILL)
        deadline = time.monotonic() + 2.0
        while (_pid_alive(runner) or _pid_alive(child)) and time.monotonic() < deadline:
            time.sleep(0.02)

    def stop(self):
        """Stop the project, greengrassd and the SSH server. ``project`` is remembered for ``restart()``."""
        self._signal_project(signal.SIGTERM)
        self._reap_project(_PROJECT_GRACE)
        greengrassd.stop(str(self.root))
        if self.server is not None:
            self.server.stop()

    def kill(self):
        """Simulate the camera dying: the Lambda is SIGKILLed, the server and every session vanish at once."""
        self._signal_project(signal.SIGKILL)
        if self.server is not None:
            self.server.stop()
        self._reap_project(0)
        greengrassd.stop(str(self.root))

    def reboot(self, downtime=1.0):
        """What ``reboot`` run on the device does: it goes away for ``downtime`` s, then boots: the SSH server
        comes back and the crontab's @reboot lines run (they start the deployed project again).

        Called by the server (in its own thread) after a session ran reboot, shutdown, poweroff or halt.
        """
        self.kill()
        time.sleep(downtime)
        self.start()
        self.run_boot_jobs()

    def restart(self):
        """Come back on the same port with the same host key, running the project that ran before (a power
        cycle: stop, start, then the @reboot lines that start the deployed project, as after ``reboot()``)."""
        self.stop()
        self.start()
        self.run_boot_jobs()
        return self

    # -- what the app needs to reach it -----------------------------------------------------------------------

    @property
    def target(self):
        """``aws_cam@127.0.0.1:PORT``."""
        return "{0}@{1}:{2}".format(DEFAULT_USER, LOOPBACK, self.port)

    def known_hosts_line(self):
        """This device's known_hosts entry: ``[127.0.0.1]:PORT ssh-ed25519 AAAA...``."""
        return "[{0}]:{1} {2}".format(LOOPBACK, self.port, authorized_key_line(self.host_key))

    def device(self):
        """The core Device the app uses to reach this virtual camera."""
        return Device(
            name=self.name,
            host=LOOPBACK,
            user=DEFAULT_USER,
            port=self.port,
            identity=str(self.client_key_path),
            # With its own mount namespace the stream is where a camera has it: /tmp/results.mjpeg.
            stream_path=self.paths.camera(self.stream_path),
        )


class Fleet:
    """``count`` virtual devices named ``virtual-1``..``virtual-N`` under ``base_dir``.

    Without ``base_dir`` a temporary directory is used and removed by ``stop()``; with one, the devices' keys
    persist there across runs. ``project`` is "face", "mask" or None.
    """

    def __init__(self, count, base_dir=None, project="face", scene="scene", prefix="virtual", camera_fps=15.0,
                 greengrass=None, sudo_password=None):
        if count < 1:
            raise ValueError("A fleet needs at least one device.")
        if project is not None and project not in PROJECTS:
            raise ValueError("Unknown project {0!r}; choose one of {1}.".format(project, ", ".join(PROJECTS)))
        self.count = count
        self.project = project
        self.scene = scene
        self.prefix = prefix
        # One rate for every device, or one per device (a demo keeps the device on screen smooth and the
        # others cheap: every face-detection project costs a good part of a core).
        rates = list(camera_fps) if isinstance(camera_fps, (list, tuple)) else [camera_fps] * count
        if len(rates) != count:
            raise ValueError("camera_fps needs one rate per device ({0}), not {1}.".format(count, len(rates)))
        self.camera_fps = rates
        #: what every device gets: a greengrassd running this bundled project, a sudo that asks this password
        self.greengrass = greengrass
        self.sudo_password = sudo_password
        self._own_dir = base_dir is None
        self.base_dir = Path(base_dir) if base_dir is not None else None
        self.devices = []

    def start(self, progress=None, workers=START_WORKERS):
        """Create and start every device, ``workers`` at a time; ``progress(started, count)`` after each one
        (from a worker thread). Returns self."""
        if self.devices:
            return self
        if self.base_dir is None:
            self.base_dir = Path(tempfile.mkdtemp(prefix="deeplens-sim-"))
        self.base_dir.mkdir(parents=True, exist_ok=True)
        lock = threading.Lock()
        started = [0]

        def start_one(device):
            device.start(self.project)
            with lock:
                started[0] += 1
                done = started[0]
            if progress is not None:
                progress(done, self.count)

        try:
            for index in range(1, self.count + 1):
                name = "{0}-{1}".format(self.prefix, index)
                self.devices.append(VirtualDevice(name, self.base_dir / name, scene=self.scene,
                                                  camera_fps=self.camera_fps[index - 1], greengrass=self.greengrass,
                                                  sudo_password=self.sudo_password))
            # A device's start is mostly waiting for its runner subprocesses (unpack, start, record, boot
            # entry): started side by side, 30 devices take seconds instead of a minute or more.
            with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, workers),
                                                       thread_name_prefix="sim-start") as pool:
                for future in [pool.submit(start_one, device) for device in self.devices]:
                    future.result()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self):
        """Stop every device (projects get SIGTERM together, then the servers stop) and remove a temp base dir."""
        for device in self.devices:
            device._signal_project(signal.SIGTERM)
        for device in self.devices:
            device.stop()
        self.devices = []
        if self._own_dir and self.base_dir is not None:
            shutil.rmtree(str(self.base_dir), ignore_errors=True)
            self.base_dir = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def __iter__(self):
        return iter(self.devices)

    def __len__(self):
        return len(self.devices)

    def write_known_hosts(self, path):
        """Write one ``[127.0.0.1]:PORT key`` line per device to ``path``. Returns the path."""
        path = Path(path)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, "".join(d.known_hosts_line() + "\n" for d in self.devices).encode())
        return path

    def write_roster(self, path, known_hosts=None):
        """Write the classroom roster (TOML) for these devices; see ``write_roster``. Returns the path."""
        return write_roster(self.devices, path, known_hosts)


_told_python = []


def _tell_python_once():
    """Log, once per process, which Python runs python2.7 projects when the camera's 2.7 is not prepared."""
    if not _told_python and prepared_python2() is None:
        _told_python.append(True)
        log.warning("%s", describe_python2())


def _machine_folders():
    """Folders of this machine a device's commands need (they may sit under this machine's /tmp)."""
    folders = [PACKAGE_ROOT, sys.prefix, getattr(sys, "base_prefix", sys.prefix)]
    python2 = prepared_python2()
    if python2 is not None:
        folders.append(python2.parent.parent)
    return tuple(str(folder) for folder in folders)


def device_environment():
    """What every virtual device adds to its commands' environment, whatever its folders: the camera's
    Python 2.7 first on PATH when one is prepared, the simulator's Python for the stand-ins that need it,
    and the function ARNs the Greengrass core gives a Lambda (the real greengrasssdk publishes through
    them)."""
    path = os.environ.get("PATH", os.defpath)
    python2 = prepared_python2()
    if python2 is not None:
        path = str(python2.parent) + os.pathsep + path
    return {
        "PATH": path,
        "DEEPLENS_SIM_PYTHON": sys.executable,
        "MY_FUNCTION_ARN": "arn:aws:lambda:us-east-1:000000000000:function:deeplens-virtual-project:1",
        "ROUTER_FUNCTION_ARN": "arn:aws:lambda:::function:GGRouter",
        "SHADOW_FUNCTION_ARN": "arn:aws:lambda:::function:GGShadowService",
    }


def cron_command(text):
    """``(command, stdin bytes)`` of a crontab command as cron splits it: an unescaped ``%`` ends the command
    and the rest, with each ``%`` a line break, is its input; ``\\%`` is a literal ``%``."""
    chars = []
    escaped = False
    for index, char in enumerate(text):
        if escaped:
            if char != "%":
                chars.append("\\")
            chars.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "%":
            return "".join(chars), text[index + 1:].replace("%", "\n").encode("utf-8")
        else:
            chars.append(char)
    if escaped:
        chars.append("\\")
    return "".join(chars), b""


def write_roster(devices, path, known_hosts=None):
    """Write the classroom roster of ``devices`` with the app's own roster schema. Returns the path."""
    roster = Roster(devices=tuple(device.device() for device in devices),
                    known_hosts=None if known_hosts is None else str(Path(known_hosts).resolve()))
    save_roster(roster, str(path))
    return Path(path)


_pid_alive = greengrassd.pid_alive
