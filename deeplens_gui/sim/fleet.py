"""Virtual DeepLens devices and fleets: a directory standing for the camera's disk, an SSH server, a project.

Layout of one device's directory (its "filesystem"; HOME and cwd of every command run on it)::

    <root>/tmp/results.mjpeg                 the project stream (a FIFO made by the running Lambda)
    <root>/tmp/results.jsonl                 inference results the Lambda publishes
    <root>/var/log/project.log               the Lambda's log
    <root>/etc/ssh/ssh_host_ed25519_key      host key (kept across restarts)
    <root>/.ssh/authorized_keys              the client key's public half
    <root>/client_ed25519                    the client private key (0600) the app logs in with
"""

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from deeplens_gui.core.device import DEFAULT_USER, Device
from deeplens_gui.core.files import atomic_write
from deeplens_gui.core.roster import Roster, save_roster
from deeplens_gui.sim.server import LOOPBACK, VirtualSshServer, authorized_key_line, ensure_ed25519_key

#: Projects a virtual device can run (bundled with the app, see core/projects.py).
PROJECTS = ("face", "mask")
_PROJECT_GRACE = 2.0


class VirtualDevice:
    """One virtual camera. ``port`` 0 picks a free port on the first start; restarts keep it."""

    def __init__(self, name, root, scene="scene", port=0):
        self.name = name
        self.root = Path(root)
        self.scene = scene
        self.port = int(port)
        self.stream_path = self.root / "tmp" / "results.mjpeg"
        self.results_path = self.root / "tmp" / "results.jsonl"
        self.log_path = self.root / "var" / "log" / "project.log"
        self.host_key_path = self.root / "etc" / "ssh" / "ssh_host_ed25519_key"
        self.authorized_keys_path = self.root / ".ssh" / "authorized_keys"
        self.client_key_path = self.root / "client_ed25519"
        self.thing_name = "deeplens_" + name.replace("-", "_")
        #: name of the project last started ("face", "mask") or None; kept across stop() for restart()
        self.project = None
        self.server = None
        self._lambda = None
        self._prepare()

    def _prepare(self):
        for folder in (self.stream_path.parent, self.log_path.parent, self.authorized_keys_path.parent):
            folder.mkdir(parents=True, exist_ok=True)
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
        """True while the project's Lambda process is alive."""
        return self._lambda is not None and self._lambda.poll() is None

    @property
    def lambda_pid(self):
        """Process id of the running project Lambda, or None."""
        return self._lambda.pid if self.project_running else None

    def start(self, project=None):
        """Start the SSH server and, if ``project`` is "face" or "mask", that project's Lambda. Returns self."""
        if self.server is None or not self.server.running:
            self.server = VirtualSshServer(
                self.root,
                self.host_key_path,
                self.authorized_keys_path,
                port=self.port,
                env={
                    "DEEPLENS_SIM_ROOT": str(self.root),
                    "DEEPLENS_STREAM_PATH": str(self.stream_path),
                    "DEEPLENS_RESULTS_PATH": str(self.results_path),
                    "DEEPLENS_SIM_SCENE": self.scene,
                },
                name=self.name,
            )
            self.server.start()
            self.port = self.server.port
        if project:
            self.start_project(project)
        return self

    def start_project(self, name):
        """Run bundled project ``name`` on this device, replacing the running one (one project at a time)."""
        if name not in PROJECTS:
            raise ValueError("Unknown project {0!r}; choose one of {1}.".format(name, ", ".join(PROJECTS)))
        from deeplens_gui.core.projects import bundled_projects
        from deeplens_gui.sim.runtime import spawn_lambda

        self.stop_project()
        self._lambda = spawn_lambda(
            bundled_projects()[name].path,
            self.root,
            self.stream_path,
            self.results_path,
            self.log_path,
            scene=self.scene,
            thing_name=self.thing_name,
        )
        self.project = name
        return self._lambda

    def stop_project(self, grace=_PROJECT_GRACE):
        """Stop the project's Lambda (SIGTERM to its process group, SIGKILL after ``grace`` seconds)."""
        self._signal_project(signal.SIGTERM)
        self._reap_project(grace)
        self.project = None

    def _signal_project(self, sig):
        if self._lambda is not None:
            try:
                os.killpg(self._lambda.pid, sig)
            except (ProcessLookupError, PermissionError):
                pass

    def _reap_project(self, grace):
        proc = self._lambda
        if proc is None:
            return
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
        # Whatever the Lambda started in its group goes too, even after the Lambda itself ended.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        self._lambda = None

    def stop(self):
        """Stop the project and the SSH server. ``project`` is remembered for ``restart()``."""
        self._signal_project(signal.SIGTERM)
        self._reap_project(_PROJECT_GRACE)
        if self.server is not None:
            self.server.stop()

    def kill(self):
        """Simulate the camera dying: the Lambda is SIGKILLed, the server and every session vanish at once."""
        self._signal_project(signal.SIGKILL)
        if self.server is not None:
            self.server.stop()
        self._reap_project(0)

    def restart(self):
        """Come back on the same port with the same host key, running the project that ran before."""
        project = self.project
        self.stop()
        return self.start(project)

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
            stream_path=str(self.stream_path),
        )


class Fleet:
    """``count`` virtual devices named ``virtual-1``..``virtual-N`` under ``base_dir``.

    Without ``base_dir`` a temporary directory is used and removed by ``stop()``; with one, the devices' keys
    persist there across runs. ``project`` is "face", "mask" or None.
    """

    def __init__(self, count, base_dir=None, project="face", scene="scene", prefix="virtual"):
        if count < 1:
            raise ValueError("A fleet needs at least one device.")
        if project is not None and project not in PROJECTS:
            raise ValueError("Unknown project {0!r}; choose one of {1}.".format(project, ", ".join(PROJECTS)))
        self.count = count
        self.project = project
        self.scene = scene
        self.prefix = prefix
        self._own_dir = base_dir is None
        self.base_dir = Path(base_dir) if base_dir is not None else None
        self.devices = []

    def start(self):
        """Create and start every device. Returns self."""
        if self.devices:
            return self
        if self.base_dir is None:
            self.base_dir = Path(tempfile.mkdtemp(prefix="deeplens-sim-"))
        self.base_dir.mkdir(parents=True, exist_ok=True)
        try:
            for index in range(1, self.count + 1):
                name = "{0}-{1}".format(self.prefix, index)
                device = VirtualDevice(name, self.base_dir / name, scene=self.scene)
                self.devices.append(device)
                device.start(self.project)
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


def write_roster(devices, path, known_hosts=None):
    """Write the classroom roster of ``devices`` with the app's own roster schema. Returns the path."""
    roster = Roster(devices=tuple(device.device() for device in devices),
                    known_hosts=None if known_hosts is None else str(Path(known_hosts).resolve()))
    save_roster(roster, str(path))
    return Path(path)


