"""One SSH server per virtual DeepLens: paramiko on 127.0.0.1, exec through the local shell, SFTP on the real disk.

The server behaves like a camera's sshd as far as the app can tell: publickey login as ``aws_cam`` with the
device's own client key, ``exec`` requests run ``/bin/sh -c CMD`` in the device's directory (each in its own
process group, killed when the client closes the channel), and the ``sftp`` subsystem works on the real
filesystem. Everything else (passwords, port forwarding, agent and X11 forwarding) is refused.

Threads: one listener per server (blocked in ``select`` on the listening socket and a wake-up socket), one
paramiko transport thread per connection, two pump threads per exec session (input; output + exit status) and
one thread per SFTP session. ``stop()`` ends and joins all of them and kills every session's process group.
"""

import base64
import binascii
import ipaddress
import logging
import os
import select
import selectors
import signal
import socket
import struct
import subprocess
import sys
import threading
from pathlib import Path

import paramiko
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from paramiko.common import MSG_CHANNEL_FAILURE, MSG_CHANNEL_SUCCESS

from deeplens_gui.sim import greengrassd as _greengrassd
from deeplens_gui.sim.namespace import CameraPaths, wrap_command

LOOPBACK = "127.0.0.1"
#: The login user of a DeepLens; the only user the virtual device accepts.
USER = "aws_cam"
#: awscam / greengrasssdk stand-ins, put on PYTHONPATH of every command run on the device.
DEVICE_MODULES = Path(__file__).resolve().parent / "device_modules"

#: Commands a virtual device must never hand to THIS machine (it runs commands with the local shell, maybe
#: as root). Each gets a small script first on the device's PATH. Power commands ask the simulator to
#: "reboot" the virtual device; systemctl knows no units; sudo has no privileges to gain and never calls
#: this machine's sudo (whose secure_path would find the real reboot); crontab keeps the device's table in the
#: device's own folder (CRONTAB), never in this machine's crontab, and the fleet runs its @reboot lines.
_POWER = (
    '#!/bin/sh\n'
    '# virtual DeepLens: restarts the virtual device, never this machine\n'
    'mkdir -p "$DEEPLENS_SIM_ROOT/.sim" && : > "$DEEPLENS_SIM_ROOT/.sim/reboot"\n'
    'echo "The virtual DeepLens is going down for a reboot."\n'
)
#: the salted SHA-256 of aws_cam's sudo password (``salt:hex``) on a device whose sudo asks for one
SUDO_HASH = ".sim/sudo.sha256"
#: present on a Greengrass-managed device (see deeplens_gui.sim.greengrassd)
GREENGRASS_UNIT = _greengrassd.STATE_DIR + "/unit"
_SHIMS = {
    "reboot": _POWER, "shutdown": _POWER, "poweroff": _POWER, "halt": _POWER,
    "sudo": (
        '#!/bin/sh\n'
        '# virtual DeepLens sudo: never the real sudo. A device made with a sudo password asks for it as a\n'
        '# DeepLens does (-S reads it from stdin, -n refuses); it keeps only a salted SHA-256 of it.\n'
        'stdin=0; nonint=0; validate=0; prompt="[sudo] password for $USER: "\n'
        'while [ $# -gt 0 ]; do\n'
        '  case "$1" in\n'
        '    -S|--stdin) stdin=1; shift;;\n'
        '    -n|--non-interactive) nonint=1; shift;;\n'
        '    -v|--validate) validate=1; shift;;\n'
        '    -p) prompt="$2"; shift 2;;\n'
        '    -u|-g|-C|-D|-r|-t|-U) shift 2;;\n'
        '    --) shift; break;;\n'
        '    -*) shift;;\n'
        '    *) break;;\n'
        '  esac\n'
        'done\n'
        'hash="${DEEPLENS_SIM_ROOT:-.}/' + SUDO_HASH + '"\n'
        'if [ -f "$hash" ]; then\n'
        '  [ "$nonint" = 1 ] && { echo "sudo: a password is required" >&2; exit 1; }\n'
        '  [ "$stdin" = 1 ] || { echo "sudo: no tty present and no askpass program specified" >&2; exit 1; }\n'
        '  IFS=: read -r salt want < "$hash"\n'
        '  tries=0; got=""\n'
        '  while [ $tries -lt 3 ]; do\n'
        '    printf "%s" "$prompt" >&2\n'
        '    IFS= read -r typed || [ -n "$typed" ] || break\n'
        '    got=$(printf "%s%s" "$salt" "$typed" | { sha256sum 2>/dev/null || shasum -a 256; } | cut -d" " -f1)\n'
        '    [ "$got" = "$want" ] && break\n'
        '    tries=$((tries + 1))\n'
        '    [ $tries -lt 3 ] && echo "Sorry, try again." >&2\n'
        '  done\n'
        '  unset typed\n'
        '  if [ "$got" != "$want" ]; then\n'
        '    [ $tries -eq 0 ] && echo "sudo: no password was provided" >&2\n'
        '    [ $tries -gt 0 ] && echo "sudo: $tries incorrect password attempt" >&2\n'
        '    exit 1\n'
        '  fi\n'
        'fi\n'
        '[ "$validate" = 1 ] && exit 0\n'
        '[ $# -eq 0 ] && exit 0\n'
        'SUDO_USER="$USER"; export SUDO_USER\n'
        'exec "$@"\n'
    ),
    "systemctl": (
        '#!/bin/sh\n'
        '# virtual DeepLens systemctl: power verbs restart the virtual device; greengrassd is the device\'s own\n'
        '# stand-in (deeplens_gui/sim/greengrassd.py) when it has one; no other units\n'
        'case "$1" in\n'
        '  reboot|poweroff|halt|kexec) exec reboot;;\n'
        'esac\n'
        'for arg in "$@"; do\n'
        '  case "$arg" in greengrassd|greengrassd.service)\n'
        '    [ -f "${DEEPLENS_SIM_ROOT:-.}/' + GREENGRASS_UNIT + '" ] && '
        'exec "$DEEPLENS_SIM_PYTHON" "$DEEPLENS_SIM_GREENGRASSD" systemctl "$@";;\n'
        '  esac\n'
        'done\n'
        'case "$1" in\n'
        '  show) echo "LoadState=not-found";;\n'
        '  is-active) echo inactive; exit 3;;\n'
        '  *) echo "Unit not found on the virtual DeepLens." >&2; exit 5;;\n'
        'esac\n'
    ),
    "crontab": (
        '#!/bin/sh\n'
        '# virtual DeepLens crontab: the table is $DEEPLENS_SIM_ROOT/.sim/crontab, never this machine\'s crontab\n'
        'root="${DEEPLENS_SIM_ROOT:?the virtual DeepLens crontab needs DEEPLENS_SIM_ROOT}"\n'
        'table="$root/.sim/crontab"\n'
        'case "$1" in\n'
        '  -l) [ -f "$table" ] || { echo "no crontab for aws_cam" >&2; exit 1; }; exec cat -- "$table";;\n'
        '  -r) [ -f "$table" ] || { echo "no crontab for aws_cam" >&2; exit 1; }; exec rm -f -- "$table";;\n'
        '  -|"") mkdir -p "$root/.sim" && cat > "$table.new" && exec mv -f -- "$table.new" "$table";;\n'
        '  -*) echo "crontab: the virtual DeepLens knows -l, -r and - only" >&2; exit 1;;\n'
        '  *) mkdir -p "$root/.sim" && cat -- "$1" > "$table.new" && exec mv -f -- "$table.new" "$table";;\n'
        'esac\n'
    ),
}
SIM_DIR = ".sim"
REBOOT_REQUEST = SIM_DIR + "/reboot"
#: the login user's crontab on a virtual device (its crontab script keeps it here)
CRONTAB = SIM_DIR + "/crontab"
#: commands that must never reach this machine from a virtual device, whatever PATH a caller gives
_NEVER_REAL = ("reboot", "shutdown", "poweroff", "halt", "crontab")
#: folders of this machine's own commands (besides those on this process's PATH)
_SYSTEM_DIRS = ("/bin", "/sbin", "/usr/bin", "/usr/sbin", "/usr/local/bin", "/usr/local/sbin")


def install_shims(root):
    """Write the safety scripts into ``root/.sim/bin`` and return that folder."""
    folder = Path(root) / SIM_DIR / "bin"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in _SHIMS.items():
        path = folder / name
        if not path.exists() or path.read_text() != text:
            path.write_text(text)
        path.chmod(0o755)
    return folder

_CHUNK = 32768
#: How long a session's process group gets between SIGTERM and SIGKILL after its viewer left.
_TERM_GRACE = 0.5
_JOIN_TIMEOUT = 1.0
#: Upper bound on waiting for paramiko to send a request's reply before a session may close its channel.
_REPLY_TIMEOUT = 1.0
_ACCEPTED_ENV_PREFIXES = ("LANG", "LC_")

log = logging.getLogger(__name__)


def ensure_ed25519_key(path, comment=""):
    """Load the ed25519 private key at ``path``, generating it (0600, OpenSSH format, plus ``.pub``) if missing."""
    path = Path(path)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        private = Ed25519PrivateKey.generate()
        pem = private.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.OpenSSH, serialization.NoEncryption()
        )
        public = private.public_key().public_bytes(
            serialization.Encoding.OpenSSH, serialization.PublicFormat.OpenSSH
        )
        _write_private(path, pem)
        pub_path = path.with_name(path.name + ".pub")
        pub_path.write_bytes(public + ((" " + comment).encode() if comment else b"") + b"\n")
    return paramiko.Ed25519Key(filename=str(path))


def _write_private(path, data):
    # Created with 0600 from the first byte, then renamed into place so a reader never sees half a key.
    tmp = path.with_name(path.name + ".tmp")
    if tmp.exists():
        tmp.unlink()
    fd = os.open(str(tmp), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(str(tmp), str(path))


def authorized_key_line(key, comment=""):
    """``key`` in authorized_keys / ``.pub`` form: ``ssh-ed25519 AAAA... comment``."""
    line = "{0} {1}".format(key.get_name(), key.get_base64())
    return line + (" " + comment if comment else "")


def load_authorized_keys(path):
    """The public keys listed in an authorized_keys file (options before the key type are not supported)."""
    keys = []
    path = Path(path)
    if not path.exists():
        return keys
    for line in path.read_text().splitlines():
        fields = line.split()
        if len(fields) < 2 or line.lstrip().startswith("#"):
            continue
        try:
            keys.append(paramiko.PKey.from_type_string(fields[0], base64.b64decode(fields[1])))
        except (paramiko.SSHException, ValueError, TypeError, binascii.Error):
            log.warning("ignoring unreadable authorized_keys line in %s", path)
    return keys


def _same_key(a, b):
    return a.get_name() == b.get_name() and a.asbytes() == b.asbytes()


def _kill_group(pgid, sig):
    try:
        os.killpg(pgid, sig)
    except (ProcessLookupError, PermissionError):
        pass


class VirtualSshServer:
    """An SSH server on 127.0.0.1 standing in for one camera's sshd.

    ``root`` is the device's filesystem root (cwd and HOME of every command, base of relative SFTP paths);
    ``host_key_path`` is generated on first ``start()`` and reused afterwards; ``authorized_keys_path`` lists
    the client keys allowed to log in as ``aws_cam``; ``env`` is added to every command's environment.
    ``port`` 0 picks a free port on the first start; later starts reuse the port actually bound. With
    ``namespace`` commands run with the device's folders at the camera's paths (/home/aws_cam, /tmp,
    /opt/awscam) and absolute SFTP paths are the camera's too.
    """

    def __init__(self, root, host_key_path, authorized_keys_path, port=0, bind=LOOPBACK, env=None, name="virtual",
                 on_reboot=None, namespace=False, keep=()):
        try:
            address = ipaddress.ip_address(bind)
        except ValueError:
            address = None
        if address is None or str(address) != LOOPBACK:
            raise ValueError("The virtual DeepLens listens on {0} only, not on {1!r}.".format(LOOPBACK, bind))
        self.root = Path(root)
        self.host_key_path = Path(host_key_path)
        self.authorized_keys_path = Path(authorized_keys_path)
        self.port = int(port)
        self.name = name
        self.env = dict(env or {})
        self.on_reboot = on_reboot
        #: camera paths <-> this machine's; with ``namespace`` every command runs in the device's own mount
        #: namespace (deeplens_gui.sim.namespace), ``keep`` naming folders under /tmp it still needs
        self.paths = CameraPaths(self.root, namespace)
        self.keep = tuple(keep)
        self.shim_dir = install_shims(self.root)
        self.host_key = None
        self._authorized = []
        self._lock = threading.Lock()
        self._running = False
        self._listen_sock = None
        self._wake_r = self._wake_w = None
        self._listener = None
        self._transports = []
        self._sessions = set()
        self._subsystems = set()

    # -- lifecycle -------------------------------------------------------------------------------------------

    @property
    def running(self):
        """True between ``start()`` and ``stop()``."""
        return self._running

    @property
    def address(self):
        """``(host, port)`` the server listens on."""
        return (LOOPBACK, self.port)

    def start(self):
        """Bind, load keys and start accepting connections. Returns self."""
        with self._lock:
            if self._running:
                return self
            self.root.mkdir(parents=True, exist_ok=True)
            self.host_key = ensure_ed25519_key(self.host_key_path, comment="root@" + self.name)
            self._authorized = load_authorized_keys(self.authorized_keys_path)
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                # Restarts reuse the port while old connections may still sit in TIME_WAIT.
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                sock.bind((LOOPBACK, self.port))
                sock.listen(64)
            except OSError:
                sock.close()
                raise
            self.port = sock.getsockname()[1]
            self._listen_sock = sock
            self._wake_r, self._wake_w = socket.socketpair()
            self._running = True
            self._listener = threading.Thread(target=self._serve, name="sim-{0}-listen".format(self.name), daemon=True)
            self._listener.start()
        return self

    def stop(self):
        """Close the listening socket and every connection, kill every session's process group, join threads."""
        with self._lock:
            if not self._running:
                return
            self._running = False
            transports = list(self._transports)
            self._transports = []
            sessions = list(self._sessions)
            subsystems = list(self._subsystems)
        try:
            self._wake_w.send(b"x")
        except OSError:
            pass
        self._listener.join(_JOIN_TIMEOUT)
        self._listen_sock.close()
        self._wake_r.close()
        self._wake_w.close()
        for session in sessions:
            session.kill(signal.SIGKILL)
        for transport in transports:
            transport.close()
        for transport in transports:
            transport.join(_JOIN_TIMEOUT)
        for session in sessions:
            session.join(_JOIN_TIMEOUT)
        for handler in subsystems:
            handler.join(_JOIN_TIMEOUT)
        with self._lock:
            self._sessions.clear()
            self._subsystems.clear()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def session_pids(self):
        """Process ids of the commands currently running for sessions (leaders of their process groups)."""
        with self._lock:
            return sorted(s.pid for s in self._sessions if s.alive())

    def connection_count(self):
        """Number of live SSH connections."""
        with self._lock:
            return sum(1 for t in self._transports if t.is_active())

    # -- accepting -------------------------------------------------------------------------------------------

    def _serve(self):
        while True:
            try:
                readable, _, _ = select.select([self._listen_sock, self._wake_r], [], [])
            except (OSError, ValueError):
                return
            if self._wake_r in readable:
                return
            try:
                conn, _ = self._listen_sock.accept()
            except OSError:
                continue
            self._open_transport(conn)

    def _open_transport(self, conn):
        try:
            transport = _ServerTransport(conn)
        except Exception:
            conn.close()
            raise
        transport.name = "sim-{0}-ssh".format(self.name)
        transport.add_server_key(self.host_key)
        transport.set_subsystem_handler("sftp", _SftpSubsystem, _SftpInterface, self.paths)
        with self._lock:
            if not self._running:
                transport.close()
                return
            self._transports = [t for t in self._transports if t.is_alive()]
            self._transports.append(transport)
        # With an event, start_server returns at once; negotiation runs in the transport's own thread.
        transport.start_server(event=threading.Event(), server=_ConnectionHandler(self, transport))

    # -- called from the transport threads ---------------------------------------------------------------------

    def _check_key(self, username, key):
        return username == USER and any(_same_key(key, k) for k in self._authorized)

    def environment(self, extra=None):
        """The environment every command run on this device gets (plus ``extra``)."""
        return self._environment(extra or {})

    def _environment(self, extra):
        home = self.paths.camera(self.root)
        env = {
            "HOME": home,
            "USER": USER,
            "LOGNAME": USER,
            "SHELL": "/bin/sh",
            # An ``env`` PATH given by the caller replaces this one, but the safety scripts stay ahead of this
            # machine's commands (guarded_path).
            "PATH": self.paths.camera(self.shim_dir) + os.pathsep + os.environ.get("PATH", os.defpath),
            "PYTHONPATH": str(DEVICE_MODULES),
            "DEEPLENS_SIM_ROOT": home,
            # The device's systemctl runs its greengrassd stand-in with the simulator's own Python (both are
            # outside the device's folders, so these paths work in its mount namespace too).
            "DEEPLENS_SIM_PYTHON": sys.executable,
            "DEEPLENS_SIM_GREENGRASSD": _greengrassd.__file__,
            # Runners started on this device stop when the simulator's process is gone.
            "DEEPLENS_RUNNER_OWNER_PID": str(os.getpid()),
        }
        env.update(self.env)
        env.update(extra)
        env["PATH"] = self.guarded_path(env["PATH"])
        return env

    def guarded_path(self, path):
        """``path`` with the safety scripts' folder just before the first folder of this machine's commands.

        A caller's own folders (test doubles of sudo or systemctl) may come first, but no folder of this machine
        (on this process's PATH or a system folder) and no folder holding a power command or crontab does.
        """
        shim = self.paths.camera(self.shim_dir)
        folders = [folder for folder in path.split(os.pathsep) if folder != shim]
        system = {os.path.realpath(folder) for folder in
                  os.environ.get("PATH", os.defpath).split(os.pathsep) + list(_SYSTEM_DIRS) if folder}
        index = len(folders)
        for position, folder in enumerate(folders):
            real = os.path.realpath(self.paths.host(os.path.join(self.paths.camera(self.root), folder)))
            if real in system or any(os.path.exists(os.path.join(real, name)) for name in _NEVER_REAL):
                index = position
                break
        return os.pathsep.join(folders[:index] + [shim] + folders[index:])

    def command(self, argv, env):
        """``argv`` as this device runs it: in its own mount namespace when it has one."""
        if not self.paths.namespace:
            return list(argv)
        # Folders the command's environment names under this machine's /tmp stay reachable in the device's.
        named = [entry for name in ("PATH", "PYTHONPATH")
                 for entry in env.get(name, "").split(os.pathsep) if entry]
        scene = env.get("DEEPLENS_SIM_SCENE", "")
        if scene.startswith("file:"):
            named.append(os.path.dirname(scene[len("file:"):]))
        # The folder holding the device's folder stays too: this machine's paths to the device's files (and to
        # what a test or a classroom keeps next to them) work on the device as well.
        keep = [self.root.parent] + list(self.keep) + [
            entry for entry in named if not self.paths.is_device_path(entry)]
        return wrap_command(self.root, argv, keep)

    def _start_session(self, channel, argv, extra_env):
        with self._lock:
            if not self._running:
                return False
            replied = channel.get_transport().expect_reply(channel)
            env = self._environment(extra_env)
            try:
                session = _Session(self, channel, self.command(argv, env), env, replied)
            except OSError as exc:
                log.warning("%s: cannot run %r: %s", self.name, argv, exc)
                return False
            self._sessions.add(session)
        session.start()
        return True

    def _session_done(self, session):
        with self._lock:
            self._sessions.discard(session)
        request = self.root / REBOOT_REQUEST
        if request.exists():
            try:
                request.unlink()
            except OSError:
                return
            if self.on_reboot is not None:
                threading.Thread(target=self.on_reboot, name="sim-reboot-" + self.name, daemon=True).start()

    def _track_subsystem(self, handler, add):
        with self._lock:
            if add:
                self._subsystems.add(handler)
            else:
                self._subsystems.discard(handler)


class _ServerTransport(paramiko.Transport):
    """A server transport that tells a session when the reply to its exec/shell request has been sent.

    paramiko sends that reply only after the ServerInterface callback returns; a command that ends at once
    could otherwise close its channel first, and clients take a channel closed before the reply as a failed
    request. Hooks paramiko's one funnel for outgoing channel messages.
    """

    def __init__(self, sock):
        super().__init__(sock)
        self._reply_lock = threading.Lock()
        self._reply_waiters = {}

    def expect_reply(self, channel):
        """An Event set once the success/failure reply for ``channel``'s pending request is on the wire."""
        event = threading.Event()
        with self._reply_lock:
            self._reply_waiters[channel.remote_chanid] = event
        return event

    def _send_user_message(self, data):
        try:
            super()._send_user_message(data)
        finally:
            raw = data.asbytes() if hasattr(data, "asbytes") else bytes(data)
            if len(raw) >= 5 and raw[0] in (MSG_CHANNEL_SUCCESS, MSG_CHANNEL_FAILURE):
                (chanid,) = struct.unpack(">I", raw[1:5])
                with self._reply_lock:
                    event = self._reply_waiters.pop(chanid, None)
                if event is not None:
                    event.set()


class _ConnectionHandler(paramiko.ServerInterface):
    """Per-connection policy: publickey as aws_cam, session channels only, exec/shell/sftp."""

    def __init__(self, server, transport):
        self._server = server
        self._transport = transport
        self._env = {}

    def _drain_accept_queue(self, channel):
        # paramiko queues every opened channel for Transport.accept(); sessions are driven by the request
        # callbacks instead, so take THIS channel off the queue (the session holds it from now on). Taking
        # whichever came first, as accept() does, dropped the only reference to another client's channel
        # that was opened but not yet started: paramiko's Channel.__del__ then closed it under that client.
        transport = self._transport
        with transport.lock:
            try:
                transport.server_accepts.remove(channel)
            except ValueError:
                pass

    def get_allowed_auths(self, username):
        return "publickey"

    def check_auth_none(self, username):
        return paramiko.AUTH_FAILED

    def check_auth_password(self, username, password):
        return paramiko.AUTH_FAILED

    def check_auth_interactive(self, username, submethods):
        return paramiko.AUTH_FAILED

    def check_auth_publickey(self, username, key):
        return paramiko.AUTH_SUCCESSFUL if self._server._check_key(username, key) else paramiko.AUTH_FAILED

    def check_channel_request(self, kind, chanid):
        if kind == "session":
            return paramiko.OPEN_SUCCEEDED
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_port_forward_request(self, address, port):
        return False

    def check_channel_direct_tcpip_request(self, chanid, origin, destination):
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED

    def check_channel_x11_request(self, channel, single_connection, auth_protocol, auth_cookie, screen_number):
        return False

    def check_channel_forward_agent_request(self, channel):
        return False

    def check_channel_pty_request(self, channel, term, width, height, pixelwidth, pixelheight, modes):
        # Granted so clients that insist on a pty (paramiko's invoke_shell) get their shell; commands still
        # run on pipes, which is all the app needs.
        return True

    def check_channel_env_request(self, channel, name, value):
        name = name.decode("utf-8", "replace") if isinstance(name, bytes) else name
        value = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
        if not name.startswith(_ACCEPTED_ENV_PREFIXES):
            return False
        self._env.setdefault(channel.get_id(), {})[name] = value
        return True

    def check_global_request(self, kind, msg):
        # Keepalives (keepalive@openssh.com) get a reply either way; a failure reply still proves liveness.
        return False

    def check_channel_exec_request(self, channel, command):
        self._drain_accept_queue(channel)
        if isinstance(command, bytes):
            command = command.decode("utf-8", "surrogateescape")
        return self._server._start_session(channel, ["/bin/sh", "-c", command], self._env.pop(channel.get_id(), {}))

    def check_channel_shell_request(self, channel):
        self._drain_accept_queue(channel)
        return self._server._start_session(channel, ["/bin/sh", "-i"], self._env.pop(channel.get_id(), {}))

    def check_channel_subsystem_request(self, channel, name):
        self._drain_accept_queue(channel)
        if name != "sftp" or not self._server.running:
            return False
        return super().check_channel_subsystem_request(channel, name)


class _Session:
    """One command on one channel: stdin pump, output pump (stdout, stderr, exit status), process group."""

    def __init__(self, server, channel, argv, env, replied):
        self._server = server
        self._channel = channel
        self._replied = replied
        self._finished = threading.Event()
        self.proc = subprocess.Popen(
            argv,
            cwd=str(server.root),
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            bufsize=0,
            start_new_session=True,
        )
        self.pid = self.proc.pid
        label = "sim-{0}-{1}".format(server.name, self.pid)
        self._input = threading.Thread(target=self._pump_input, name=label + "-in", daemon=True)
        self._output = threading.Thread(target=self._pump_output, name=label + "-out", daemon=True)

    def start(self):
        self._input.start()
        self._output.start()

    def alive(self):
        return self.proc.poll() is None

    def kill(self, sig):
        """Signal the whole process group (the shell and everything it started)."""
        _kill_group(self.pid, sig)

    def join(self, timeout):
        self._input.join(timeout)
        self._output.join(timeout)

    def _terminate(self):
        self.kill(signal.SIGTERM)
        try:
            self.proc.wait(_TERM_GRACE)
        except subprocess.TimeoutExpired:
            pass
        self.kill(signal.SIGKILL)

    def _pump_input(self):
        stdin = self.proc.stdin
        chan = self._channel
        try:
            while True:
                data = chan.recv(_CHUNK)
                if not data:
                    break
                if stdin is not None:
                    try:
                        stdin.write(data)
                    except (BrokenPipeError, ValueError, OSError):
                        stdin = None
        finally:
            if stdin is not None:
                try:
                    stdin.close()
                except OSError:
                    pass
        # recv() returned b"": either the client sent EOF (stdin done, the command may run on) or the channel
        # closed. Wait for the close; status_event is paramiko's close signal in server mode.
        chan.status_event.wait()
        if not self._finished.is_set():
            # The client left while the command still ran: a streaming relay must not outlive its viewer.
            self._terminate()

    def _pump_output(self):
        chan = self._channel
        open_ok = True
        sel = selectors.DefaultSelector()
        sel.register(self.proc.stdout, selectors.EVENT_READ, chan.sendall)
        sel.register(self.proc.stderr, selectors.EVENT_READ, chan.sendall_stderr)
        try:
            while sel.get_map():
                for key, _ in sel.select():
                    data = os.read(key.fd, _CHUNK)
                    if not data:
                        sel.unregister(key.fileobj)
                        continue
                    if open_ok:
                        try:
                            key.data(data)
                        except (OSError, EOFError, paramiko.SSHException):
                            open_ok = False
                            self._terminate()
        finally:
            sel.close()
            self.proc.stdout.close()
            self.proc.stderr.close()
        status = self.proc.wait()
        self._finished.set()
        if status < 0:
            status = 128 - status
        self._replied.wait(_REPLY_TIMEOUT)
        if not chan.closed:
            try:
                chan.send_exit_status(status)
                chan.close()
            except (OSError, EOFError, paramiko.SSHException):
                pass
        self._server._session_done(self)


class _SftpSubsystem(paramiko.SFTPServer):
    """paramiko's SFTP server, registered with the VirtualSshServer so stop() can join its thread."""

    def __init__(self, channel, name, server, sftp_si, *args, **kwargs):
        super().__init__(channel, name, server, sftp_si, *args, **kwargs)
        self.name = "sim-sftp"
        self._owner = server._server
        self._owner._track_subsystem(self, True)

    def finish_subsystem(self):
        try:
            super().finish_subsystem()
        finally:
            self._owner._track_subsystem(self, False)


def _errno(exc):
    return paramiko.SFTPServer.convert_errno(exc.errno)


class _SftpHandle(paramiko.SFTPHandle):
    def stat(self):
        try:
            return paramiko.SFTPAttributes.from_stat(os.fstat(self.readfile.fileno()))
        except OSError as exc:
            return _errno(exc)

    def chattr(self, attr):
        try:
            paramiko.SFTPServer.set_file_attr(self.filename, attr)
        except OSError as exc:
            return _errno(exc)
        return paramiko.SFTP_OK


class _SftpInterface(paramiko.SFTPServerInterface):
    """SFTP over the real filesystem, as the camera's sshd: absolute paths as given, relative ones from root."""

    def __init__(self, server, paths, *args, **kwargs):
        super().__init__(server, *args, **kwargs)
        self._paths = paths

    def _path(self, path):
        """This machine's path for a client's path (relative ones start in the device's home)."""
        path = path or "."
        if not os.path.isabs(path):
            path = os.path.join(self._paths.camera(self._paths.root), path)
        return self._paths.host(os.path.normpath(path))

    def canonicalize(self, path):
        return self._paths.camera(self._path(path))

    def list_folder(self, path):
        folder = self._path(path)
        try:
            out = []
            for name in os.listdir(folder):
                out.append(paramiko.SFTPAttributes.from_stat(os.lstat(os.path.join(folder, name)), name))
            return out
        except OSError as exc:
            return _errno(exc)

    def stat(self, path):
        try:
            return paramiko.SFTPAttributes.from_stat(os.stat(self._path(path)))
        except OSError as exc:
            return _errno(exc)

    def lstat(self, path):
        try:
            return paramiko.SFTPAttributes.from_stat(os.lstat(self._path(path)))
        except OSError as exc:
            return _errno(exc)

    def open(self, path, flags, attr):
        path = self._path(path)
        mode = 0o666
        if attr is not None and attr.st_mode is not None:
            mode = attr.st_mode & 0o7777
        try:
            fd = os.open(path, flags, mode)
        except OSError as exc:
            return _errno(exc)
        if flags & os.O_WRONLY:
            fmode = "ab" if flags & os.O_APPEND else "wb"
        elif flags & os.O_RDWR:
            fmode = "a+b" if flags & os.O_APPEND else "r+b"
        else:
            fmode = "rb"
        handle = _SftpHandle(flags)
        handle.filename = path
        handle.readfile = handle.writefile = os.fdopen(fd, fmode)
        return handle

    def remove(self, path):
        return self._call(os.remove, self._path(path))

    def rename(self, oldpath, newpath):
        # Plain SFTP rename refuses to replace (as OpenSSH's sftp-server); posix_rename replaces.
        newpath = self._path(newpath)
        if os.path.lexists(newpath):
            return paramiko.SFTP_FAILURE
        return self._call(os.rename, self._path(oldpath), newpath)

    def posix_rename(self, oldpath, newpath):
        return self._call(os.replace, self._path(oldpath), self._path(newpath))

    def mkdir(self, path, attr):
        mode = 0o777
        if attr is not None and attr.st_mode is not None:
            mode = attr.st_mode & 0o7777
        return self._call(os.mkdir, self._path(path), mode)

    def rmdir(self, path):
        return self._call(os.rmdir, self._path(path))

    def chattr(self, path, attr):
        return self._call(paramiko.SFTPServer.set_file_attr, self._path(path), attr)

    def readlink(self, path):
        try:
            return os.readlink(self._path(path))
        except OSError as exc:
            return _errno(exc)

    def symlink(self, target_path, path):
        return self._call(os.symlink, target_path, self._path(path))

    @staticmethod
    def _call(func, *args):
        try:
            func(*args)
        except OSError as exc:
            return _errno(exc)
        return paramiko.SFTP_OK
