"""The camera's filesystem for a virtual DeepLens: its own mount namespace, the camera's absolute paths.

On Linux every command a virtual device runs (SSH sessions, the fleet's runner calls, its @reboot jobs, and
so every project) runs through util-linux ``unshare --user --map-root-user --mount`` with the device's
folders bind-mounted where a DeepLens has them::

    <root>              -> /home/aws_cam   (HOME of aws_cam: .deeplens-console, .ssh, .sim)
    <root>/opt/awscam   -> /opt/awscam     (artifacts/ holds the models)
    <root>/tmp          -> /tmp            (/tmp/results.mjpeg, the project stream)
    <root>/.sim/net/mlan0 -> /sys/class/net/mlan0  (the camera's Wi-Fi interface: its MAC ``address``)

so a sample that writes ``/tmp/results.mjpeg`` and loads ``/opt/awscam/artifacts/...`` works unchanged, and
the app reaches a virtual camera with the same paths as a real one. Each command gets a namespace of its own
with the same mounts, so they all see the same files (the FIFO a project makes is the one the relay opens).
A mount point this machine lacks (``/opt/awscam``, ``/home/aws_cam``) is made inside the namespace only: its
parent gets a tmpfs holding the parent's own entries bind-mounted back. Nothing changes on this machine.
Folders this machine needs that live under its /tmp (a checkout, a virtual environment, a scene file, the
device's own folder) are bind-mounted at the same place in the device's /tmp, so this machine's paths to
them keep working on the device too.

Where namespaces are not available (not Linux, no ``unshare``, a kernel that forbids unprivileged user
namespaces, or ``DEEPLENS_SIM_NAMESPACES=0``) the device keeps these folders in its own directory, as before.
"""

import os
import shutil
import subprocess
import tempfile
import threading

ENV = "DEEPLENS_SIM_NAMESPACES"
CAMERA_HOME = "/home/aws_cam"
CAMERA_OPT = "/opt/awscam"
CAMERA_TMP = "/tmp"
#: the device's folder shown as its Wi-Fi interface /sys/class/net/mlan0 (holds ``address``)
MLAN0_DIR = ".sim/net/mlan0"

_SCRIPT = r'''
set -e
# The command's own PATH may name no system folder at all; the mounts need this machine's tools.
command_path=$PATH
PATH=/usr/sbin:/usr/bin:/sbin:/bin
root=$1; shift
keep_room() {
  # $1 is missing and cannot be made on this machine: a tmpfs on its parent, with the parent's entries
  # mounted back, makes room for it in this namespace only.
  parent=${1%/*}; [ -n "$parent" ] || parent=/
  stash=$root/.sim/ns$(printf %s "$parent" | tr / _)
  mkdir -p "$stash"
  mount --rbind "$parent" "$stash"
  mount -t tmpfs -o mode=755 virtual-deeplens "$parent"
  for entry in "$stash"/* "$stash"/.[!.]*; do
    [ -e "$entry" ] || [ -L "$entry" ] || continue
    name=${entry##*/}
    if [ -L "$entry" ]; then ln -s "$(readlink "$entry")" "$parent/$name"
    elif [ -d "$entry" ]; then mkdir "$parent/$name"; mount --rbind "$entry" "$parent/$name"
    else : > "$parent/$name"; mount --bind "$entry" "$parent/$name"; fi
  done
  mkdir -p "$1"
}
place() {
  [ -d "$2" ] || keep_room "$2"
  mount --rbind "$1" "$2"
}
place "$root" /home/aws_cam
place "$root/opt/awscam" /opt/awscam
# The camera's Wi-Fi interface (samples read mlan0's MAC address), where the device has one; this machine's
# own interfaces stay.
if [ -d "$root/@MLAN0@" ] && [ -d /sys/class/net ] && [ ! -e /sys/class/net/mlan0 ]; then
  place "$root/@MLAN0@" /sys/class/net/mlan0 || true
fi
while [ "$1" != "--" ]; do
  mkdir -p "$root/tmp/${1#/tmp/}"
  mount --rbind "$1" "$root/tmp/${1#/tmp/}"
  shift
done
shift
place "$root/tmp" /tmp
cd /home/aws_cam
PATH=$command_path
exec "$@"
'''.replace("@MLAN0@", MLAN0_DIR)

_lock = threading.Lock()
_available = None
#: found on this process's PATH: a command's own PATH may lack it
_UNSHARE = shutil.which("unshare")


def wrap_command(root, argv, keep=()):
    """``argv`` run in a new mount namespace with ``root``'s folders at the camera's paths.

    ``keep`` lists folders under this machine's /tmp that the command still needs (they appear at the same
    path in the device's /tmp).
    """
    found = sorted({os.path.realpath(str(path)) for path in keep if os.path.isdir(str(path))})
    keeps = []
    for path in found:
        if _under(path, CAMERA_TMP) and path != CAMERA_TMP and not any(_under(path, kept) for kept in keeps):
            keeps.append(path)
    return ([_UNSHARE or "unshare", "--user", "--map-root-user", "--mount", "--", "/bin/sh", "-c", _SCRIPT,
             "virtual-deeplens", str(root)] + keeps + ["--"] + list(argv))


def available():
    """True when this machine can give a virtual device its own mount namespace (checked once)."""
    global _available
    with _lock:
        if _available is None:
            _available = _probe()
        return _available


def disabled():
    """True when ``DEEPLENS_SIM_NAMESPACES`` turns mount namespaces off (0, no, false, off)."""
    return os.environ.get(ENV, "").strip().lower() in ("0", "no", "false", "off")


def _probe():
    if disabled():
        return False
    if not os.path.isfile("/proc/self/ns/mnt") or _UNSHARE is None:
        return False
    root = tempfile.mkdtemp(prefix="deeplens-ns-check-")
    try:
        for sub in ("tmp", os.path.join("opt", "awscam")):
            os.makedirs(os.path.join(root, sub))
        marker = os.path.join(root, "tmp", "marker")
        open(marker, "w").close()
        check = "test -f /tmp/marker && test -d /opt/awscam && test -d /home/aws_cam/tmp"
        try:
            result = subprocess.run(wrap_command(root, ["/bin/sh", "-c", check]), stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=20,
                                    check=False)
        except (OSError, subprocess.TimeoutExpired):
            return False
        return result.returncode == 0
    finally:
        shutil.rmtree(root, ignore_errors=True)


def mode_sentence():
    """One sentence saying how virtual devices keep the camera's folders on this machine."""
    if available():
        return ("Virtual devices run in their own mount namespaces: /tmp, /opt/awscam and /home/aws_cam are "
                "each device's own folders, as on a camera.")
    return ("Mount namespaces are not available here (or {0}=0), so each virtual device keeps /tmp, "
            "/opt/awscam and /home/aws_cam inside its own folder; use the stream paths listed "
            "below.".format(ENV))


class CameraPaths:
    """Maps between a device's folder on this machine and the camera paths its commands see."""

    def __init__(self, root, namespace):
        self.root = os.path.realpath(str(root))
        self.namespace = bool(namespace)
        self._pairs = [(os.path.join(self.root, "tmp"), CAMERA_TMP),
                       (os.path.join(self.root, "opt", "awscam"), CAMERA_OPT),
                       (self.root, CAMERA_HOME)]

    def camera(self, host_path):
        """The path a command on the device sees for ``host_path`` (unchanged without a namespace)."""
        path = os.path.realpath(str(host_path))
        if self.namespace:
            for host, camera in self._pairs:
                if _under(path, host):
                    return camera + path[len(host):]
        return str(host_path)

    def is_device_path(self, path):
        """True for a path inside the device's folder on this machine."""
        return _under(os.path.realpath(str(path)), self.root)

    def host(self, camera_path):
        """Where ``camera_path`` (as a command on the device names it) is on this machine."""
        path = os.path.normpath(str(camera_path))
        # This machine's own path to the device's folder works on the device too (it is kept in its /tmp).
        if self.namespace and not self.is_device_path(path):
            for host, camera in self._pairs:
                if _under(path, camera):
                    return host + path[len(camera):]
        return path


def _under(path, folder):
    return path == folder or path.startswith(folder.rstrip("/") + "/")
