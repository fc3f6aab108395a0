"""SSH to a camera: one lazy, thread-safe connection per device, shared by stream, status and deploy.

The host-key policy never auto-adds: an unknown key raises UnknownHostKey before we authenticate (the caller
asks the user, calls ``trust_host_key`` and retries), a different key raises HostKeyChanged. Every expected
failure leaves as a typed error from ``errors.py`` with one sentence for the user, and no paramiko thread
survives a failed attempt.
"""

import base64
import getpass
import glob
import hashlib
import logging
import os
import re
import select
import shlex
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field, replace
from typing import Optional

import paramiko

from deeplens_gui.core import known_hosts, secrets
from deeplens_gui.core.device import DEFAULT_USER, parse_target
from deeplens_gui.core.errors import (
    AuthFailed,
    CommandError,
    ConfigError,
    ConnectError,
    ConnectionLost,
    ConnectionRefused,
    ConnectTimeout,
    DeepLensError,
    HostKeyChanged,
    HostKeyRefused,
    HostKeyRevoked,
    HostKeyTypeChanged,
    HostNotFound,
    PassphraseNeeded,
    StorageError,
    UnknownHostKey,
)
from deeplens_gui.core.text import join, say

DEFAULT_PORT = 22
#: How much of a failed command's stderr an error keeps (its tail: that is where the reason usually is).
STDERR_KEPT = 2000
#: ProxyJump hops reached through ssh config entries that themselves jump; deeper means a loop.
_MAX_JUMP_DEPTH = 4
#: Default keys tried when ``look_for_keys`` is on, in OpenSSH's order of preference.
_DEFAULT_KEY_NAMES = ("id_ed25519", "id_ecdsa", "id_rsa")

_log = logging.getLogger(__name__)
_known_hosts_lock = threading.Lock()


class _ParamikoHandler(logging.Handler):
    """paramiko logs expected failures (a dead network, a closed port) as errors with tracebacks, which
    Python prints on stderr when no logging is configured. Those failures reach the user as one typed
    sentence, so paramiko's records go to our logger at debug level instead (the CLI's --debug shows them)."""

    def emit(self, record):
        _log.debug("paramiko %s: %s", record.name, record.getMessage(), exc_info=record.exc_info)


def _route_paramiko_logs():
    logger = logging.getLogger("paramiko")
    if not any(isinstance(handler, _ParamikoHandler) for handler in logger.handlers):
        logger.addHandler(_ParamikoHandler())
    logger.propagate = False


_route_paramiko_logs()


#: SSH handshakes in flight at once. Key exchange and authentication are partly pure Python: a classroom of
#: 60 cameras connecting together would take the GIL from the GUI thread for seconds. Streams of connected
#: devices are not limited, only the opening.
MAX_HANDSHAKES = 4
_HANDSHAKES = threading.BoundedSemaphore(MAX_HANDSHAKES)


@dataclass(frozen=True)
class SshOptions:
    """How to connect: where config and known_hosts live, the host-key policy and credentials.

    ``known_hosts`` (the CLI's --known-hosts, a roster's file) replaces the ssh config's UserKnownHostsFile;
    ``connect_timeout`` and ``keepalive`` give way to the config's ConnectTimeout and ServerAliveInterval.
    """

    ssh_config: Optional[str] = None
    known_hosts: Optional[str] = None
    accept_new_host_key: bool = False
    password: Optional[str] = field(default=None, repr=False)
    passphrase: Optional[str] = field(default=None, repr=False)
    connect_timeout: float = 10.0
    keepalive: int = 15
    allow_agent: bool = True
    look_for_keys: bool = True
    use_keyring: bool = True

    @property
    def known_hosts_path(self):
        """The known_hosts file we read and append to when the ssh config names none."""
        return os.path.expanduser(self.known_hosts or os.path.join("~", ".ssh", "known_hosts"))


@dataclass(frozen=True)
class Endpoint:
    """Where a Device really goes once the ssh config is applied (as OpenSSH reads it)."""

    host: str
    port: int
    user: str
    identity_files: tuple = ()
    proxy_jump: Optional[str] = None
    known_hosts_name: str = ""
    identities_only: bool = False
    proxy_command: Optional[str] = None
    #: the first one is where new host keys go; all of them and ``global_known_hosts`` are read
    user_known_hosts: tuple = ()
    global_known_hosts: tuple = ()
    #: StrictHostKeyChecking: "ask" (the default), "yes" or "accept-new" ("no" is refused by ``resolve``)
    strict_host_key_checking: str = "ask"
    connect_timeout: Optional[float] = None
    server_alive_interval: Optional[int] = None
    host_key_alias: Optional[str] = None
    hash_known_hosts: bool = False

    @property
    def label(self):
        """``user@host:port`` for messages."""
        host = "[{0}]".format(self.host) if ":" in self.host else self.host
        return "{0}@{1}:{2}".format(self.user, host, self.port)

    @property
    def known_hosts_files(self):
        """Every known_hosts file to read, the user's first."""
        return tuple(self.user_known_hosts) + tuple(self.global_known_hosts)


@dataclass(frozen=True)
class CommandResult:
    """What a finished remote command produced."""

    status: int
    stdout: bytes
    stderr: bytes

    @property
    def text(self):
        """stdout decoded as UTF-8 (undecodable bytes replaced)."""
        return self.stdout.decode("utf-8", "replace")


def resolve(device, options=SshOptions()):
    """Apply the ssh config to ``device``: explicit Device values win, then the config, then the defaults.

    The config is read by OpenSSH itself (``ssh -G``) where an ``ssh`` binary exists, so Match, Include,
    tokens and the order of precedence mean exactly what they mean to ``ssh``; otherwise paramiko's parser
    reads it (with Include lines expanded here).
    """
    config = read_config(options.ssh_config, device)
    host = _first(config.get("hostname")) or device.host
    user = device.user or _first(config.get("user")) or DEFAULT_USER
    port = _number(device.port or _first(config.get("port")) or DEFAULT_PORT, "Port", device.host, int)
    tokens = {"%h": host, "%p": str(port), "%r": user, "%n": device.host, "%u": getpass.getuser(),
              "%d": os.path.expanduser("~"), "%%": "%"}
    identities = []
    if device.identity:
        identities.append(os.path.expanduser(str(device.identity)))
    configured = [_expand(path, tokens) for path in config.get("identityfile", [])]
    if not _openssh_defaults(config.get("identityfile", [])):
        identities.extend(path for path in configured if path not in identities)
    proxy_jump = _first(config.get("proxyjump"))
    if proxy_jump and proxy_jump.strip().lower() == "none":
        proxy_jump = None
    proxy_command = _first(config.get("proxycommand"))
    if proxy_command and proxy_command.strip().lower() == "none":
        proxy_command = None
    strict = _STRICT.get(str(_first(config.get("stricthostkeychecking")) or "ask").lower(), "invalid")
    if strict == "no":
        raise ConfigError(say("The ssh config sets StrictHostKeyChecking no for {0}: this app never accepts "
                              "host keys unchecked. Use accept-new or ask instead.", device.host))
    if strict == "invalid":
        raise ConfigError(say("The ssh config gives {0} the StrictHostKeyChecking value {1!r}, which is not "
                              "one of yes, accept-new or ask.", device.host,
                              _first(config.get("stricthostkeychecking"))))
    if options.known_hosts:
        user_files = (os.path.expanduser(options.known_hosts),)
    else:
        user_files = tuple(_expand(path, tokens) for path in _words(config.get("userknownhostsfile"))
                           if path.lower() != "none") or (options.known_hosts_path, _USER_KNOWN_HOSTS2)
    global_files = tuple(_expand(path, tokens) for path in
                         _words(config.get("globalknownhostsfile", _OPENSSH_GLOBAL_KNOWN_HOSTS))
                         if path.lower() != "none")
    # OpenSSH's defaults (no timeout, no keepalive) are not settings: the app's own then apply.
    timeout = _first(config.get("connecttimeout"))
    alive = _first(config.get("serveraliveinterval"))
    alive = None if alive in (None, "0") else alive
    alias = _first(config.get("hostkeyalias"))
    return Endpoint(
        host=host,
        port=port,
        user=user,
        identity_files=tuple(identities),
        proxy_jump=proxy_jump,
        # OpenSSH looks a HostKeyAlias up as it is, without the port.
        known_hosts_name=alias or (host if port == DEFAULT_PORT else "[{0}]:{1}".format(host, port)),
        host_key_alias=alias,
        hash_known_hosts=str(_first(config.get("hashknownhosts")) or "no").lower() in ("yes", "true"),
        identities_only=str(_first(config.get("identitiesonly")) or "no").lower() in ("yes", "true"),
        proxy_command=_expand(proxy_command, tokens, home=False) if proxy_command else None,
        user_known_hosts=user_files,
        global_known_hosts=global_files,
        strict_host_key_checking=strict,
        connect_timeout=(None if timeout in (None, "none")
                         else _number(timeout, "ConnectTimeout", device.host, float)),
        server_alive_interval=None if alive is None else _number(alive, "ServerAliveInterval", device.host, int),
    )


# What ``ssh -G`` lists when the config names no IdentityFile (the list varies with the OpenSSH version):
# the keys ``look_for_keys`` covers.
_OPENSSH_DEFAULT_IDENTITIES = frozenset("~/.ssh/" + name for name in (
    "identity", "id_rsa", "id_dsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_xmss"))


def _openssh_defaults(identity_files):
    # A config naming keys itself names one or two; ssh's default list has at least four of these.
    return len(identity_files) >= 4 and set(identity_files) <= _OPENSSH_DEFAULT_IDENTITIES

_USER_KNOWN_HOSTS2 = os.path.expanduser(os.path.join("~", ".ssh", "known_hosts2"))
_OPENSSH_GLOBAL_KNOWN_HOSTS = ("/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2")
# StrictHostKeyChecking as written in a config (paramiko) or printed by ``ssh -G``.
_STRICT = {"yes": "yes", "true": "yes", "ask": "ask", "accept-new": "accept-new", "no": "no", "false": "no",
           "off": "no"}
# Keys whose values ``ssh -G`` prints as one line of several words.
_LIST_KEYS = frozenset(["userknownhostsfile", "globalknownhostsfile"])
# Files pulled in by Include, at most this deep (OpenSSH's own limit).
_MAX_INCLUDE_DEPTH = 16


def _first(value):
    if isinstance(value, (list, tuple)):
        return value[0] if value else None
    return value


def _words(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [word for item in value for word in str(item).split()]
    return str(value).split()


def _expand(text, tokens, home=True):
    """OpenSSH's %-tokens (and ``~``) in a path or command taken from the config."""
    out = re.sub(r"%.", lambda match: tokens.get(match.group(0), match.group(0)), text)
    return os.path.expanduser(out) if home else out


def _number(value, name, host, kind):
    try:
        number = kind(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise ConfigError(say("The ssh config gives {0} the {1} {2!r}, which is not a number.",
                              host, name, value)) from None
    return number


def read_config(path, device):
    """The ssh config's settings for ``device`` as ``{key: [values]}`` (keys in lower case)."""
    ssh = shutil.which("ssh")
    if ssh is not None:
        return _config_from_openssh(ssh, path, device)
    return _config_from_paramiko(path, device.host)


def _config_from_openssh(ssh, path, device):
    if path is not None and not os.path.isfile(os.path.expanduser(path)):
        raise ConfigError(say("The ssh config file {0} does not exist.", path))
    # ssh -G prints the local user when no User applies, where we want the camera's default user. So the
    # config is read through a wrapper that includes it (and, like ssh without -F, the system config), then
    # gives the default last: the first value obtained wins, as always in ssh_config.
    sources = [os.path.expanduser(path or os.path.join("~", ".ssh", "config"))]
    if path is None:
        sources.append(_SYSTEM_CONFIG)
    wrapper = "".join("Include {0}\n".format(_config_quote(source)) for source in sources
                      if os.path.isfile(source))
    if not device.user:
        wrapper += "Host *\n  User {0}\n".format(DEFAULT_USER)
    argv = [ssh, "-G"]
    if device.user:
        argv += ["-l", device.user]
    if device.port:
        argv += ["-p", str(device.port)]
    with tempfile.TemporaryDirectory(prefix="deeplens-ssh-") as folder:
        config_path = os.path.join(folder, "config")
        with open(config_path, "w", encoding="utf-8") as handle:
            handle.write(wrapper)
        argv += ["-F", config_path, "--", device.host]
        try:
            done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True,
                                  timeout=_CONFIG_TIMEOUT, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ConfigError(say("OpenSSH could not read the ssh config for {0} ({1}).", device.host,
                                  str(exc))) from None
    if done.returncode != 0:
        # ssh names the bad line first, then says it is "terminating": the first line is the reason.
        reasons = [line for line in done.stderr.decode("utf-8", "replace").splitlines()
                   if line.strip() and "Pseudo-terminal" not in line]
        raise ConfigError(say("The ssh config for {0} could not be used: {1}. Fix the file or pick another "
                              "one.", device.host, reasons[0] if reasons else done.returncode))
    config = {}
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        key, _, value = line.partition(" ")
        if key in _LIST_KEYS:
            config[key] = value.split()
        else:
            config.setdefault(key.lower(), []).append(value)
    return config


#: ``ssh -G`` only reads files (and runs ``Match exec`` commands, as ssh would)
_CONFIG_TIMEOUT = 10.0
_SYSTEM_CONFIG = "/etc/ssh/ssh_config"


def _config_quote(path):
    # ssh_config takes double quotes around a value with spaces; a path holding a double quote cannot be
    # written there at all (OpenSSH has no escape for it).
    if '"' in path:
        raise ConfigError(say("The ssh config path {0} contains a double quote, which OpenSSH cannot read.",
                              path))
    return '"{0}"'.format(path)


def _config_from_paramiko(path, host):
    if path is None:
        path = os.path.expanduser(os.path.join("~", ".ssh", "config"))
        if not os.path.isfile(path):
            return {}
    try:
        text = "\n".join(_config_lines(os.path.expanduser(path), 0))
        found = paramiko.SSHConfig.from_text(text).lookup(host)
    except FileNotFoundError:
        raise ConfigError(say("The ssh config file {0} does not exist.", path)) from None
    except (OSError, paramiko.SSHException, ImportError, ValueError) as exc:
        raise ConfigError(say("The ssh config file {0} could not be used for {1}: {2}. Fix the file or pick "
                              "another one.", path, host, str(exc))) from None
    return {key: value if isinstance(value, list) else [value] for key, value in found.items()}


def _config_lines(path, depth):
    """The lines of ``path`` with its Include lines replaced by the files they name (OpenSSH's rules)."""
    with open(path, "r", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    out = []
    for line in lines:
        match = re.match(r"\s*include(?:\s*=\s*|\s+)(.+)", line, flags=re.IGNORECASE)
        if match is None:
            out.append(line)
            continue
        if depth >= _MAX_INCLUDE_DEPTH:
            raise ValueError(say("Include nests deeper than {0} files", _MAX_INCLUDE_DEPTH))
        for pattern in shlex.split(match.group(1)):
            pattern = os.path.expanduser(pattern)
            if not os.path.isabs(pattern):  # relative to ~/.ssh, as for a user config
                pattern = os.path.join(os.path.expanduser("~"), ".ssh", pattern)
            for included in sorted(glob.glob(pattern)):
                out.extend(_config_lines(included, depth + 1))
    return out


# --- host keys -----------------------------------------------------------------------------------------

def fingerprint(key):
    """The key's fingerprint exactly as OpenSSH prints it: ``SHA256:`` + unpadded base64."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def host_key_of(known_hosts_path, known_hosts_name):
    """Every key recorded for ``known_hosts_name`` (plain, hashed or wildcard entries), in file order."""
    return known_hosts.read([os.path.expanduser(known_hosts_path)], known_hosts_name).keys


def trust_host_key(known_hosts_path, known_hosts_name, key, hashed=False):
    """Record ``key`` for ``known_hosts_name``: append, create file 0600 and folder 0700, never duplicate.

    ``hashed`` (ssh_config's HashKnownHosts) writes the name hashed, as OpenSSH does.
    """
    path = os.path.expanduser(known_hosts_path)
    with _known_hosts_lock:
        recorded = known_hosts.read([path], known_hosts_name)
        if recorded.revoked(key) is not None:
            raise HostKeyRevoked(known_hosts_name, fingerprint(key), path)
        if recorded.knows(key):
            return
        name = paramiko.HostKeys.hash_host(known_hosts_name.lower()) if hashed else known_hosts_name
        line = "{0} {1} {2}\n".format(name, key.get_name(), key.get_base64())
        try:
            folder = os.path.dirname(os.path.abspath(path))
            if not os.path.isdir(folder):
                os.makedirs(folder, mode=0o700)
            if _lacks_final_newline(path):
                line = "\n" + line
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
            try:
                # One write of one short line with O_APPEND: another writer cannot interleave inside it.
                os.write(fd, line.encode("utf-8"))
            finally:
                os.close(fd)
        except OSError as exc:
            raise StorageError(say("Could not record the host key of {0} in {1} ({2}).",
                                   known_hosts_name, path, exc.strerror or str(exc))) from None


def _lacks_final_newline(path):
    try:
        with open(path, "rb") as handle:
            handle.seek(0, os.SEEK_END)
            if handle.tell() == 0:
                return False
            handle.seek(-1, os.SEEK_END)
            return handle.read(1) != b"\n"
    except FileNotFoundError:
        return False


def _preferred_key_types(recorded, offered):
    """The host key types to negotiate, as OpenSSH orders them: certificates first when known_hosts trusts an
    authority for the host, then the types recorded for it (so the server proves the key we know), then
    the rest."""
    wanted = []
    if recorded.authorities:
        wanted.extend(kind for kind in paramiko.Transport._key_info if kind.endswith("-cert-v01@openssh.com"))
    for key in recorded.keys:
        name = key.get_name()
        for kind in (("rsa-sha2-512", "rsa-sha2-256") if name == "ssh-rsa" else (name,)):
            if kind in offered and kind not in wanted:
                wanted.append(kind)
    return tuple(wanted) + tuple(kind for kind in offered if kind not in wanted)


# --- the connection --------------------------------------------------------------------------------------

def _command_text(command):
    if isinstance(command, (list, tuple)):
        return " ".join(shlex.quote(str(part)) for part in command)
    if isinstance(command, str):
        return command
    raise TypeError("command must be a shell string or a list of arguments, not {0}".format(
        type(command).__name__))


def _short(command, limit=60):
    return command if len(command) <= limit else command[: limit - 3] + "..."


class DeviceConnection:
    """One SSH connection per device, shared by stream, status and deploy (thread-safe).

    Creating it does not connect; ``open()`` (or the first ``run``/``open_channel``/``sftp``) does, and
    reconnects when the transport has died. ``close()`` may be called from any thread at any time and makes
    every blocking read on its channels return.
    """

    def __init__(self, device, options=SshOptions(), _depth=0, _via=None):
        self.device = device
        self.options = options
        self._depth = _depth
        self._via = _via  # the hops before this one when it is a hop of a multi-hop ProxyJump
        self._locked_key = None
        self._endpoint = None
        self._open_lock = threading.Lock()  # serialises connecting
        self._state = threading.Lock()  # guards the fields below; never held while waiting on the network
        self._transport = None
        self._jump = None
        self._pending = []  # sockets, transports and jump connections of an attempt under way
        self._generation = 0  # bumped by close(): an attempt that started earlier must not survive it

    def __repr__(self):
        return "<DeviceConnection {0} {1}>".format(self.device.name, "open" if self.is_open else "closed")

    @property
    def endpoint(self):
        """The resolved Endpoint (the ssh config is read once, on first use)."""
        if self._endpoint is None:
            endpoint = resolve(self.device, self.options)
            if self._via is not None:
                endpoint = replace(endpoint, proxy_jump=self._via, proxy_command=None)
            self._endpoint = endpoint
        return self._endpoint

    @property
    def is_open(self):
        """True while the SSH transport is up."""
        transport = self._transport
        return transport is not None and transport.is_active()

    # -- connecting ---------------------------------------------------------------------------------------

    def open(self):
        """Connect and authenticate unless already connected. Raises only DeepLensError subclasses."""
        with self._open_lock:
            with self._state:
                transport = self._transport
                if transport is not None and transport.is_active():
                    return self
                dead, dead_jump = self._transport, self._jump
                self._transport = self._jump = None
                generation = self._generation
            _close_quietly(dead, dead_jump)
            transport, jump = self._connect(generation)
            with self._state:
                if generation != self._generation:
                    stale = True
                else:
                    stale = False
                    self._transport, self._jump = transport, jump
            if stale:
                _close_quietly(transport, jump)
                raise ConnectError(say("The connection to {0} was closed while it was being opened.",
                                       self.endpoint.label))
            return self

    def _connect(self, generation):
        endpoint = self.endpoint
        timeout = endpoint.connect_timeout or self.options.connect_timeout
        sock = transport = jump = None
        try:
            sock, jump = self._open_socket(endpoint, timeout)
            self._track(sock)
            # The TCP connect (and any jump host) is outside the slot: an offline camera must not hold one.
            with _HANDSHAKES:
                transport = paramiko.Transport(sock)
                self._track(transport)
                transport.banner_timeout = timeout
                transport.handshake_timeout = timeout
                transport.auth_timeout = timeout
                recorded = known_hosts.read(endpoint.known_hosts_files, endpoint.known_hosts_name)
                security = transport.get_security_options()
                security.key_types = _preferred_key_types(recorded, security.key_types)
                transport.start_client(timeout=timeout)
                if not transport.initial_kex_done:
                    # start_client() returns quietly when its timeout passes mid-handshake.
                    raise TimeoutError("the SSH handshake timed out")
                self._check_host_key(transport, endpoint, recorded)
                self._authenticate(transport, endpoint)
                alive = endpoint.server_alive_interval
                if alive is None:
                    alive = self.options.keepalive
                if alive:
                    transport.set_keepalive(int(alive))
                return transport, jump
        except BaseException as exc:
            _close_quietly(transport, sock, jump)
            if isinstance(exc, DeepLensError) or not isinstance(exc, Exception):
                raise
            with self._state:
                closed_meanwhile = generation != self._generation
            if closed_meanwhile:
                raise ConnectError(say("The connection to {0} was closed while it was being opened.",
                                       endpoint.label)) from None
            raise _connect_error(exc, endpoint, timeout) from None
        finally:
            with self._state:
                self._pending = []

    def _track(self, resource):
        with self._state:
            self._pending.append(resource)

    def _open_socket(self, endpoint, timeout):
        if endpoint.proxy_command:
            # OpenSSH runs it with the user's shell; sh is what every camera and workstation has.
            return _ProxyCommand(endpoint.proxy_command, timeout), None
        if not endpoint.proxy_jump:
            return socket.create_connection((endpoint.host, endpoint.port), timeout=timeout), None
        hops = [hop.strip() for hop in endpoint.proxy_jump.split(",") if hop.strip()]
        if self._depth + len(hops) > _MAX_JUMP_DEPTH:
            raise ConfigError(say("The ProxyJump settings for {0} loop or nest more than {1} hosts deep. "
                                  "Check your ssh config.", endpoint.label, _MAX_JUMP_DEPTH))
        # "a,b" reaches b through a, then the device through b: the last hop jumps through the ones before it
        # (and its own ProxyJump in the config is ignored, as OpenSSH does).
        spec = hops[-1].removeprefix("ssh://")
        jump = DeviceConnection(parse_target(spec), self.options, _depth=self._depth + 1,
                                _via=",".join(hops[:-1]) if len(hops) > 1 else None)
        self._track(jump)
        try:
            transport = jump._live_transport()
            channel = transport.open_channel(
                "direct-tcpip", (endpoint.host, endpoint.port), ("127.0.0.1", 0), timeout=timeout)
        except paramiko.ChannelException as exc:
            jump.close()
            raise ConnectError(say("The jump host {0} could not reach {1}:{2} ({3}). Check the address and "
                                   "that the camera is on.",
                                   jump.endpoint.label, endpoint.host, endpoint.port, exc.text)) from None
        except BaseException:
            jump.close()
            raise
        return channel, jump

    def _check_host_key(self, transport, endpoint, recorded):
        """OpenSSH's verdict on the server's key: revoked, certified, known, changed or new."""
        key = transport.get_remote_server_key()
        name = endpoint.known_hosts_name
        where = endpoint.user_known_hosts[0]
        revoked = recorded.revoked(key)
        if revoked is not None:
            raise HostKeyRevoked(name, fingerprint(key), revoked.path)
        if known_hosts.certificate_fields(key) is not None or getattr(key, "public_blob", None) is not None:
            problem = known_hosts.check_certificate(key, _plain_host(name), recorded.authorities)
            if problem is None:
                return
            if not recorded.knows(key):
                raise HostKeyRefused(say("The host certificate of {0} ({1}) is refused: {2}. Check the "
                                         "@cert-authority lines of known_hosts with the camera's owner.",
                                         name, fingerprint(key), problem))
        if recorded.knows(key):
            return
        others = [entry for entry in recorded.entries if not entry.marker and entry.key is not None]
        same_type = [entry for entry in others if entry.key.get_name() == key.get_name()]
        if same_type:
            raise HostKeyChanged(name, fingerprint(same_type[0].key), fingerprint(key), same_type[0].path)
        if others:
            # Only keys of types this server does not offer (the known types were asked for first): OpenSSH
            # refuses this as a changed key too.
            old = others[0]
            raise HostKeyTypeChanged(name, old.key_type, fingerprint(old.key), key.get_name(), fingerprint(key),
                                     old.path)
        if endpoint.port != DEFAULT_PORT and not endpoint.host_key_alias:
            # OpenSSH also accepts a key recorded for the host without the port (read-only, never a refusal).
            plain = known_hosts.read(endpoint.known_hosts_files, endpoint.host)
            if plain.knows(key) and plain.revoked(key) is None:
                return
        strict = endpoint.strict_host_key_checking
        if strict == "yes":
            raise HostKeyRefused(say("The host key of {0} ({1} {2}) is not in known_hosts, and the ssh config "
                                     "sets StrictHostKeyChecking yes. Check the key with the camera's owner "
                                     "and add it to {3}.", name, key.get_name(), fingerprint(key), where))
        if not (self.options.accept_new_host_key or strict == "accept-new"):
            raise UnknownHostKey(name, key, fingerprint(key), where, endpoint.hash_known_hosts)
        trust_host_key(where, name, key, endpoint.hash_known_hosts)
        _log.info("recorded the new host key %s of %s in %s", fingerprint(key), name, where)

    def _authenticate(self, transport, endpoint):
        options = self.options
        self._locked_key = None  # an encrypted key that stayed locked, for PassphraseNeeded
        self._missing_keys = {}  # shown path -> note, of named key files that do not exist
        notes = []
        tried = set()
        offered = []

        def attempt(key):
            if not transport.is_active():
                return False
            offered.append(key)
            try:
                transport.auth_publickey(endpoint.user, key)
            except paramiko.AuthenticationException:
                return False
            return transport.is_authenticated()

        for path in endpoint.identity_files:
            tried.add(os.path.realpath(path))
            key = self._load_key(path, endpoint, notes)
            if key is not None and attempt(key):
                return
        if options.allow_agent and not endpoint.identities_only:
            try:
                agent = paramiko.Agent()
            except paramiko.SSHException as exc:  # a stale SSH_AUTH_SOCK: go on without the agent
                _log.debug("ssh-agent unavailable: %s", exc)
                agent = None
            if agent is not None:
                try:
                    for key in agent.get_keys():
                        if attempt(key):
                            return
                finally:
                    agent.close()
        if options.look_for_keys and not endpoint.identities_only:
            for name in _DEFAULT_KEY_NAMES:
                path = os.path.expanduser(os.path.join("~", ".ssh", name))
                if os.path.isfile(path) and os.path.realpath(path) not in tried:
                    key = self._load_key(path, endpoint, notes)
                    if key is not None and attempt(key):
                        return
        password = options.password
        if password is None and options.use_keyring:
            password = secrets.get_secret("password", endpoint.user, endpoint.host, endpoint.port)
        if password is not None and transport.is_active():
            if self._password_login(transport, endpoint.user, password):
                return
        if not transport.is_active():
            notes.append(say("the device closed the connection after too many failed attempts"))
        elif offered:
            if len(offered) > 1:
                notes.append(say("{0} keys offered, none accepted", len(offered)))
            else:
                notes.append(say("{0} key offered, none accepted", len(offered)))
            if password is not None:  # the notes are joined with "; ": the same text as one note
                notes.append(say("password refused"))
        elif password is None:
            notes.append(say("no key or password to offer"))
        else:
            notes.append(say("password refused"))
        if notes and self._locked_key is not None:
            raise PassphraseNeeded(
                say("{0} refused the login for user {1}: the key {2} is encrypted and needs its passphrase "
                    "({3}).", endpoint.label, endpoint.user, self._locked_key, join("; ", notes)),
                self._locked_key, endpoint.user, endpoint.host, endpoint.port)
        if self._missing_keys:
            # The real cause comes first: the key the user named is not there, so it was never offered.
            others = [note for note in notes if note not in self._missing_keys.values()]
            missing = join(", ", list(self._missing_keys))
            if others:
                raise AuthFailed(say("The key file {0} does not exist, so {1} refused the login for user {2} ({3}). "
                                     "Check the path given with -i or IdentityFile.", missing, endpoint.label,
                                     endpoint.user, join("; ", others)))
            raise AuthFailed(say("The key file {0} does not exist, so {1} refused the login for user {2}. Check "
                                 "the path given with -i or IdentityFile.", missing, endpoint.label, endpoint.user))
        if notes:
            raise AuthFailed(say("{0} refused the login for user {1}. Check the user name, key or password "
                                 "({2}).", endpoint.label, endpoint.user, join("; ", notes)))
        raise AuthFailed(say("{0} refused the login for user {1}. Check the user name, key or password.",
                             endpoint.label, endpoint.user))

    @staticmethod
    def _password_login(transport, user, password):
        try:
            transport.auth_password(user, password)
        except paramiko.BadAuthenticationType as exc:
            if "keyboard-interactive" not in exc.allowed_types or not transport.is_active():
                return False
            try:
                # Many servers ask for the password through keyboard-interactive (PAM) only.
                transport.auth_interactive(
                    user, lambda title, instructions, prompts: [password if not echo else ""
                                                                for _prompt, echo in prompts])
            except paramiko.AuthenticationException:
                return False
        except paramiko.AuthenticationException:
            return False
        return transport.is_authenticated()

    def _load_key(self, path, endpoint, notes):
        shown = path.replace(os.path.expanduser("~"), "~", 1)
        try:
            return _read_key(path, None)
        except FileNotFoundError:
            note = say("the key file {0} does not exist", shown)
            self._missing_keys[shown] = note
            notes.append(note)
            return None
        except TypeError:
            pass  # encrypted: find its passphrase below
        except (OSError, ValueError, paramiko.SSHException) as exc:
            notes.append(say("the key file {0} could not be read ({1})",
                             shown, getattr(exc, "strerror", None) or say("not a private key")))
            return None
        candidates = []
        if self.options.passphrase is not None:
            candidates.append(self.options.passphrase)
        typed = secrets.remembered("passphrase", endpoint.user, endpoint.host, endpoint.port)
        if typed is not None and typed not in candidates:
            candidates.append(typed)
        if self.options.use_keyring:
            saved = secrets.get_secret("passphrase", endpoint.user, endpoint.host, endpoint.port)
            if saved is not None and saved not in candidates:
                candidates.append(saved)
        for passphrase in candidates:
            try:
                return _read_key(path, passphrase)
            except (TypeError, ValueError, paramiko.SSHException):
                continue
        if candidates:
            notes.append(say("the key {0} did not open with the passphrase given", shown))
        else:
            notes.append(say("the key {0} needs a passphrase", shown))
        self._locked_key = path
        return None

    # -- using the connection -----------------------------------------------------------------------------

    def _live_transport(self):
        self.open()
        with self._state:
            transport = self._transport
        if transport is None:
            raise ConnectionLost(say("The connection to {0} was closed.", self.endpoint.label))
        return transport

    def _session(self, transport, command):
        try:
            channel = transport.open_session(timeout=self.options.connect_timeout)
        except paramiko.ChannelException as exc:
            raise ConnectError(say("{0} refused to open another session ({1}); it may allow only a few at "
                                   "once (MaxSessions). Close other viewers and try again.",
                                   self.endpoint.label, exc.text)) from None
        except (paramiko.SSHException, OSError, EOFError) as exc:
            if transport.is_active():
                # Up, yet no answer within connect_timeout (a black-holed network): paramiko would keep it
                # "active" for minutes and every later command would wait on it again. Drop it; open() redials.
                self._drop(transport)
            raise self._lost(exc) from None
        try:
            channel.exec_command(command)
        except (paramiko.SSHException, OSError, EOFError) as exc:
            _close_channel(channel)
            raise self._lost(exc) from None
        return channel

    def _drop(self, transport):
        """Close ``transport`` if it is still this connection's (a newer one is left alone)."""
        with self._state:
            if self._transport is not transport:
                return
            jump, self._transport, self._jump = self._jump, None, None
        _close_quietly(transport, jump)

    def _lost(self, exc, detail=None):
        """ConnectionLost for ``exc``; ``detail`` (a sentence) replaces the exception's own text."""
        if detail is None:
            detail = str(exc) or type(exc).__name__
        return ConnectionLost(say("The connection to {0} was lost ({1}). Check the camera and the network, "
                                  "then reconnect.", self.endpoint.label, detail))

    def run(self, command, timeout=30.0, stdin=None, check=True):
        """Run ``command`` (a shell string, or an argv list that gets quoted) and wait for it.

        ``stdin`` (bytes or str) is sent and then closed. With ``check``, a non-zero exit raises CommandError;
        a command still running after ``timeout`` seconds is stopped and raises ConnectTimeout.
        """
        text = _command_text(command)
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        channel = self._session(self._live_transport(), text)
        try:
            status, out, err = self._collect(channel, data, timeout, text)
        finally:
            _close_channel(channel)
        result = CommandResult(status, out, err)
        if check and status != 0:
            reason = err.decode("utf-8", "replace").strip()[-STDERR_KEPT:]
            where = self.endpoint.label
            if status < 0 and reason:
                message = say("The command {0!r} on {1} ended without an exit status: {2}",
                              _short(text), where, reason.splitlines()[-1])
            elif status < 0:
                message = say("The command {0!r} on {1} ended without an exit status.", _short(text), where)
            elif reason:
                message = say("The command {0!r} on {1} failed with exit status {2}: {3}",
                              _short(text), where, status, reason.splitlines()[-1])
            else:
                message = say("The command {0!r} on {1} failed with exit status {2}.",
                              _short(text), where, status)
            raise CommandError(message, status=status, stderr=reason)
        return result

    def _collect(self, channel, data, timeout, text):
        deadline = time.monotonic() + timeout
        out, err = bytearray(), bytearray()
        pending = memoryview(data) if data else None
        try:
            if pending is None:
                channel.shutdown_write()
            while True:
                while pending is not None and channel.send_ready():
                    if channel.closed or channel.eof_received:
                        pending = None  # the command stopped reading; its exit status tells the rest
                        break
                    try:
                        sent = channel.send(pending[:32768])
                    except OSError:
                        if not channel.get_transport().is_active():
                            raise
                        pending = None  # closed between the check and the send: same as above
                        break
                    pending = pending[sent:] or None
                    if pending is None:
                        channel.shutdown_write()
                while channel.recv_ready():
                    out += channel.recv(65536)
                while channel.recv_stderr_ready():
                    err += channel.recv_stderr(65536)
                if channel.eof_received or channel.closed:
                    break
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise self._timed_out(text, timeout)
                # The channel's fileno turns readable on stdout/stderr data or on close; it says nothing about
                # the send window, so poll briefly while stdin is still going out.
                select.select([channel], [], [], min(remaining, 0.005 if pending is not None else 1.0))
            while channel.recv_ready():
                out += channel.recv(65536)
            while channel.recv_stderr_ready():
                err += channel.recv_stderr(65536)
            if not channel.status_event.wait(max(0.0, deadline - time.monotonic())):
                raise self._timed_out(text, timeout)
        except (OSError, EOFError, paramiko.SSHException) as exc:
            raise self._lost(exc) from None
        status = channel.recv_exit_status()
        if status < 0 and not channel.get_transport().is_active():
            raise self._lost(None, say("the connection closed while {0!r} was running", _short(text)))
        return status, bytes(out), bytes(err)

    def _timed_out(self, text, timeout):
        return ConnectTimeout(say("The command {0!r} on {1} did not finish within {2:g} s and was stopped.",
                                  _short(text), self.endpoint.label, timeout))

    def open_channel(self, command):
        """Start ``command`` and return its paramiko Channel for long-lived streams (read recv/recv_stderr).

        The caller closes the channel; ``close()`` of this connection also ends it.
        """
        return self._session(self._live_transport(), _command_text(command))

    def sftp(self):
        """An SFTP client on this connection; the caller closes it."""
        transport = self._live_transport()
        try:
            return paramiko.SFTPClient.from_transport(transport)
        except (paramiko.SSHException, OSError, EOFError) as exc:
            if not transport.is_active():
                raise self._lost(exc) from None
            raise ConnectError(say("{0} does not offer SFTP ({1}). Enable the sftp subsystem in its sshd "
                                   "config.", self.endpoint.label, str(exc))) from None

    def close(self):
        """Close the connection (idempotent, any thread). Blocking reads on its channels return at once."""
        with self._state:
            self._generation += 1
            transport, jump = self._transport, self._jump
            pending = list(self._pending)
            self._transport = self._jump = None
        _close_quietly(transport, jump, *pending)

    def __enter__(self):
        return self.open()

    def __exit__(self, *exc_info):
        self.close()


def _plain_host(known_hosts_name):
    """``host`` of ``[host]:port`` (a certificate names hosts without ports)."""
    match = re.fullmatch(r"\[(.*)\]:\d+", known_hosts_name)
    return match.group(1) if match else known_hosts_name


class _ProxyCommand(paramiko.ProxyCommand):
    """ssh_config's ProxyCommand, run through ``sh -c`` as OpenSSH runs it through a shell."""

    def __init__(self, command, timeout):
        # paramiko splits its argument with shlex: quoting gives back exactly sh, -c, command.
        super().__init__(shlex.join(["sh", "-c", command]))
        self.settimeout(timeout)

    def close(self):
        """End the command and reap it (paramiko only signals it). Idempotent: the transport's thread and
        the connection both close it, and signalling a reaped process would raise."""
        if self.process.returncode is None:
            try:
                super().close()
            except ProcessLookupError:
                pass  # reaped by the other closer meanwhile
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout, self.process.stderr):
            if pipe is not None:
                pipe.close()


def _read_key(path, passphrase):
    # paramiko 5 hands the passphrase to `cryptography`, which wants bytes.
    secret = passphrase.encode("utf-8") if passphrase is not None else None
    return paramiko.PKey.from_path(path, secret)


def _close_channel(channel):
    """Close ``channel``; a transport that died meanwhile (EOFError, socket errors) has closed it already."""
    try:
        channel.close()
    except (paramiko.SSHException, OSError, EOFError):
        pass


def _close_quietly(*resources):
    for resource in resources:
        if resource is None:
            continue
        try:
            resource.close()
        except Exception as exc:  # closing must never raise; the resource is gone either way
            _log.debug("closing %r failed: %s", resource, exc)
        if isinstance(resource, paramiko.Transport) and resource is not threading.current_thread():
            # Transport.close() does not always wait for its thread; the app and the tests rely on it ending.
            resource.join(2.0)


def _connect_error(exc, endpoint, timeout):
    where = "{0}:{1}".format(endpoint.host, endpoint.port)
    if isinstance(exc, socket.gaierror):
        return HostNotFound(say("Cannot find the device {0}: the name does not resolve. Check the spelling, "
                                "or use its IP address.", endpoint.host))
    if isinstance(exc, ConnectionRefusedError):
        return ConnectionRefused(say("{0} refused the connection: no SSH server listens there. Check the "
                                     "port and that SSH is enabled on the camera.", where))
    if _is_timeout(exc):
        return ConnectTimeout(say("{0} did not answer within {1:g} s. Check that the camera is on and on "
                                  "this network.", where, timeout))
    if isinstance(exc, OSError):
        return ConnectError(say("Cannot reach {0} ({1}). Check the network and that the camera is on.",
                                where, exc.strerror or str(exc)))
    return ConnectError(say("Could not start an SSH session with {0} ({1}). Check that it is an SSH server "
                            "and try again.", where, str(exc) or type(exc).__name__))


def _is_timeout(exc):
    # paramiko reports a banner timeout as SSHException("Error reading SSH protocol banner") raised while
    # handling the socket timeout, so look down the chain too.
    seen = 0
    while exc is not None and seen < 4:
        if isinstance(exc, (socket.timeout, TimeoutError)) or "timed out" in str(exc).lower():
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False
