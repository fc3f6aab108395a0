"""SSH to a camera: one lazy, thread-safe connection per device, shared by stream, status and deploy.

The host-key policy never auto-adds: an unknown key raises UnknownHostKey before we authenticate (the caller
asks the user, calls ``trust_host_key`` and retries), a different key raises HostKeyChanged. Every expected
failure leaves as a typed error from ``errors.py`` with one sentence for the user, and no paramiko thread
survives a failed attempt.
"""

import base64
import hashlib
import logging
import os
import re
import select
import shlex
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Optional

import paramiko
from paramiko.hostkeys import HostKeyEntry, InvalidHostKey

from deeplens_gui.core import secrets
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
    HostNotFound,
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


#: SSH handshakes in flight at once. Key exchange and authentication are partly pure Python: a classroom of
#: 60 cameras connecting together would take the GIL from the GUI thread for seconds. Streams of connected
#: devices are not limited, only the opening.
MAX_HANDSHAKES = 4
_HANDSHAKES = threading.BoundedSemaphore(MAX_HANDSHAKES)


@dataclass(frozen=True)
class SshOptions:
    """How to connect: where config and known_hosts live, the host-key policy and credentials."""

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
        """The known_hosts file we read and append to."""
        return os.path.expanduser(self.known_hosts or os.path.join("~", ".ssh", "known_hosts"))


@dataclass(frozen=True)
class Endpoint:
    """Where a Device really goes once ``~/.ssh/config`` is applied."""

    host: str
    port: int
    user: str
    identity_files: tuple = ()
    proxy_jump: Optional[str] = None
    known_hosts_name: str = ""
    identities_only: bool = False

    @property
    def label(self):
        """``user@host:port`` for messages."""
        host = "[{0}]".format(self.host) if ":" in self.host else self.host
        return "{0}@{1}:{2}".format(self.user, host, self.port)


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
    """Apply the ssh config to ``device``: explicit Device values win, then the config, then the defaults."""
    config = _lookup_config(options.ssh_config, device.host)
    host = config.get("hostname") or device.host
    user = device.user or config.get("user") or DEFAULT_USER
    port = device.port or config.get("port") or DEFAULT_PORT
    try:
        port = int(port)
    except ValueError:
        raise ConfigError(say("The ssh config gives {0} the port {1!r}, which is not a number.",
                              device.host, port)) from None
    identities = []
    if device.identity:
        identities.append(os.path.expanduser(str(device.identity)))
    for path in config.get("identityfile", []):
        # paramiko expands ~ %d %h %l %u %r %C; OpenSSH also allows %p here.
        path = os.path.expanduser(path.replace("%p", str(port)))
        if path not in identities:
            identities.append(path)
    proxy_jump = config.get("proxyjump")
    if proxy_jump and proxy_jump.strip().lower() == "none":
        proxy_jump = None
    key_host = config.get("hostkeyalias") or host
    return Endpoint(
        host=host,
        port=port,
        user=user,
        identity_files=tuple(identities),
        proxy_jump=proxy_jump,
        known_hosts_name=key_host if port == DEFAULT_PORT else "[{0}]:{1}".format(key_host, port),
        identities_only=str(config.get("identitiesonly", "no")).lower() == "yes",
    )


def _lookup_config(path, host):
    if path is None:
        path = os.path.expanduser(os.path.join("~", ".ssh", "config"))
        if not os.path.isfile(path):
            return {}
    try:
        return paramiko.SSHConfig.from_path(path).lookup(host)
    except FileNotFoundError:
        raise ConfigError(say("The ssh config file {0} does not exist.", path)) from None
    except (OSError, paramiko.SSHException, ImportError, ValueError) as exc:
        raise ConfigError(say("The ssh config file {0} could not be used for {1}: {2}. Fix the file or pick "
                              "another one.", path, host, str(exc))) from None


# --- host keys -----------------------------------------------------------------------------------------

def fingerprint(key):
    """The key's fingerprint exactly as OpenSSH prints it: ``SHA256:`` + unpadded base64."""
    digest = hashlib.sha256(key.asbytes()).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def host_key_of(known_hosts_path, known_hosts_name):
    """Every key recorded for ``known_hosts_name`` (plain, hashed or wildcard entries), in file order."""
    path = os.path.expanduser(known_hosts_path)
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ConfigError(say("The known_hosts file {0} cannot be read ({1}).", path, exc.strerror)) from None
    keys = []
    for line in lines:
        line = line.strip()
        # Markers (@cert-authority, @revoked) are not supported and are skipped rather than misread.
        if not line or line.startswith(("#", "@")):
            continue
        try:
            entry = HostKeyEntry.from_line(line)
        except InvalidHostKey:
            continue
        if entry is not None and _entry_applies(entry.hostnames, known_hosts_name):
            keys.append(entry.key)
    return keys


def _entry_applies(patterns, name):
    matched = False
    for pattern in patterns:
        if pattern.startswith("|1|"):
            try:
                matched = matched or paramiko.HostKeys.hash_host(name, pattern) == pattern
            except (ValueError, AssertionError, IndexError):
                continue
        elif pattern.startswith("!"):
            if _glob_match(pattern[1:], name):
                return False
        elif _glob_match(pattern, name):
            matched = True
    return matched


def _glob_match(pattern, name):
    # known_hosts globs know only * and ?; brackets are literal ([host]:port), so fnmatch would be wrong.
    regex = re.escape(pattern).replace(r"\*", ".*").replace(r"\?", ".")
    return re.fullmatch(regex, name, flags=re.IGNORECASE) is not None


def _same_key(a, b):
    return a.get_name() == b.get_name() and a.asbytes() == b.asbytes()


def trust_host_key(known_hosts_path, known_hosts_name, key):
    """Record ``key`` for ``known_hosts_name``: append, create file 0600 and folder 0700, never duplicate."""
    path = os.path.expanduser(known_hosts_path)
    with _known_hosts_lock:
        if any(_same_key(known, key) for known in host_key_of(path, known_hosts_name)):
            return
        line = "{0} {1} {2}\n".format(known_hosts_name, key.get_name(), key.get_base64())
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
    """Put the types we have recorded first, so the server proves the key we know (as SSHClient does)."""
    wanted = []
    for key in recorded:
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

    def __init__(self, device, options=SshOptions(), _depth=0):
        self.device = device
        self.options = options
        self._depth = _depth
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
            self._endpoint = resolve(self.device, self.options)
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
        timeout = self.options.connect_timeout
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
                known_hosts = self.options.known_hosts_path
                recorded = host_key_of(known_hosts, endpoint.known_hosts_name)
                security = transport.get_security_options()
                security.key_types = _preferred_key_types(recorded, security.key_types)
                transport.start_client(timeout=timeout)
                if not transport.initial_kex_done:
                    # start_client() returns quietly when its timeout passes mid-handshake.
                    raise TimeoutError("the SSH handshake timed out")
                self._check_host_key(transport, endpoint, known_hosts, recorded)
                self._authenticate(transport, endpoint)
                if self.options.keepalive:
                    transport.set_keepalive(int(self.options.keepalive))
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
        if not endpoint.proxy_jump:
            return socket.create_connection((endpoint.host, endpoint.port), timeout=timeout), None
        hops = [hop.strip() for hop in endpoint.proxy_jump.split(",") if hop.strip()]
        if len(hops) != 1:
            raise ConfigError(say("{0} asks for {1} ProxyJump hops ({2}); only one hop is supported. Chain "
                                  "the jump hosts in your ssh config instead.",
                                  endpoint.label, len(hops), endpoint.proxy_jump))
        if self._depth >= _MAX_JUMP_DEPTH:
            raise ConfigError(say("The ProxyJump settings for {0} loop or nest more than {1} hosts deep. "
                                  "Check your ssh config.", endpoint.label, _MAX_JUMP_DEPTH))
        spec = hops[0][len("ssh://"):] if hops[0].startswith("ssh://") else hops[0]
        jump = DeviceConnection(parse_target(spec), self.options, _depth=self._depth + 1)
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

    def _check_host_key(self, transport, endpoint, known_hosts, recorded):
        key = transport.get_remote_server_key()
        name = endpoint.known_hosts_name
        if any(_same_key(known, key) for known in recorded):
            return
        if recorded:
            # A different key of the same type, or only keys of other types recorded: both refuse.
            same_type = [known for known in recorded if known.get_name() == key.get_name()]
            old = (same_type or recorded)[0]
            raise HostKeyChanged(name, fingerprint(old), fingerprint(key), known_hosts)
        if not self.options.accept_new_host_key:
            raise UnknownHostKey(name, key, fingerprint(key), known_hosts)
        trust_host_key(known_hosts, name, key)
        _log.info("recorded the new host key %s of %s in %s", fingerprint(key), name, known_hosts)

    def _authenticate(self, transport, endpoint):
        options = self.options
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
            notes.append(say("the key file {0} does not exist", shown))
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
