"""Typed errors. Each carries one user-facing sentence that says what happened and what to do.

The CLI prints ``str(error)``; the GUI shows it on the device's bar or tile. Tracebacks are for bugs only.
Messages never contain secrets (passwords, passphrases).
"""

from deeplens_gui.core.text import say


class DeepLensError(Exception):
    """Base of every expected failure. ``str(e)`` is the sentence for the user."""

    #: short machine-readable state name used by the UI badges and ``status --json``
    kind = "error"

    def __init__(self, message):
        super().__init__(message)
        self.message = message

    def __str__(self):
        return self.message


class TargetError(DeepLensError):
    """A device target (``user@host:port``, alias, roster name) could not be understood."""

    kind = "bad-target"


class ConnectError(DeepLensError):
    """The device could not be reached (offline, refused, timed out). Worth retrying later."""

    kind = "offline"


class HostNotFound(ConnectError):
    """The host name does not resolve."""

    kind = "dns"


class ConnectionRefused(ConnectError):
    """The host answered but nothing listens on the SSH port."""

    kind = "refused"


class ConnectTimeout(ConnectError):
    """The host did not answer in time."""

    kind = "timeout"


class ConnectionLost(ConnectError):
    """An open connection died (network cut, device rebooted)."""

    kind = "lost"


class AuthFailed(DeepLensError):
    """The device refused every credential we offered. Retrying will not help."""

    kind = "auth"


class PassphraseNeeded(AuthFailed):
    """The login failed and an encrypted key could have been used with its passphrase: ask for it, then retry.

    Carries ``key_path``, ``user``, ``host`` and ``port`` (where a passphrase given is remembered).
    """

    kind = "passphrase"

    def __init__(self, message, key_path, user, host, port):
        super().__init__(message)
        self.key_path = key_path
        self.user = user
        self.host = host
        self.port = port


class HostKeyError(DeepLensError):
    """Base for host-key problems. Never retried automatically."""

    kind = "host-key"


class UnknownHostKey(HostKeyError):
    """The device's host key is not in known_hosts; the caller must ask the user.

    Carries ``host`` (as written in known_hosts, ``[host]:port`` when the port is not 22),
    ``key`` (the paramiko PKey), ``fingerprint`` (``SHA256:...``), the ``known_hosts`` file to record it in
    and ``hash_known_hosts`` (record the name hashed: the ssh config's HashKnownHosts).
    """

    kind = "host-key-unknown"

    def __init__(self, host, key, fingerprint, known_hosts=None, hash_known_hosts=False):
        super().__init__(say(
            "The host key of {0} is not known yet ({1} {2}). Check it with the device's owner, then accept "
            "it (in the CLI: --accept-new-host-key).", host, key.get_name(), fingerprint
        ))
        self.host = host
        self.key = key
        self.fingerprint = fingerprint
        self.known_hosts = known_hosts
        self.hash_known_hosts = hash_known_hosts


class HostKeyChanged(HostKeyError):
    """The device presented a key that differs from the one recorded. Refused."""

    kind = "host-key-changed"

    def __init__(self, host, old_fingerprint, new_fingerprint, known_hosts, message=None):
        super().__init__(message or say(
            "The host key of {0} has CHANGED (recorded {1}, now {2}). This can be an attack, or the camera "
            "was re-imaged. If you know why, remove the old key with: ssh-keygen -R {3} -f {4}",
            host, old_fingerprint, new_fingerprint, _keygen_host(host), known_hosts
        ))
        self.host = host
        self.old_fingerprint = old_fingerprint
        self.new_fingerprint = new_fingerprint
        self.known_hosts = known_hosts


class HostKeyTypeChanged(HostKeyChanged):
    """The device offers a key of a type known_hosts has no entry of, while it records keys of other types.

    Refused, as OpenSSH refuses it (the server no longer has the recorded type, or an attacker lacks it).
    """

    def __init__(self, host, old_key_type, old_fingerprint, key_type, new_fingerprint, known_hosts):
        super().__init__(host, old_fingerprint, new_fingerprint, known_hosts, say(
            "{0} now offers a {1} host key ({2}), but known_hosts records a {3} key for it ({4}). The camera's "
            "keys may have been regenerated, or this is an attack. If you know why, remove the old key with: "
            "ssh-keygen -R {5} -f {6}",
            host, key_type, new_fingerprint, old_key_type, old_fingerprint, _keygen_host(host), known_hosts
        ))


class HostKeyRevoked(HostKeyError):
    """known_hosts marks the device's key (or the authority that signed it) ``@revoked``. Refused."""

    kind = "host-key-revoked"

    def __init__(self, host, fingerprint, known_hosts):
        super().__init__(say(
            "The host key of {0} ({1}) is REVOKED in {2}: it must not be trusted. Connect only once the camera "
            "has a new host key.", host, fingerprint, known_hosts
        ))
        self.host = host
        self.fingerprint = fingerprint
        self.known_hosts = known_hosts


class HostKeyRefused(HostKeyError):
    """The host key cannot be trusted under the ssh config's rules (strict checking, a bad certificate)."""

    kind = "host-key-refused"


def _keygen_host(host):
    return "'{0}'".format(host) if host.startswith("[") else host


class NoStream(DeepLensError):
    """The stream path does not exist or nothing writes to it: no project is running."""

    kind = "no-project"


class StreamError(DeepLensError):
    """The stream broke in a way that is not a lost connection (relay failed, corrupt data)."""

    kind = "stream"


class CorruptFrame(StreamError):
    """A frame arrived whole but could not be decoded. The view keeps the last good frame."""

    kind = "corrupt"


class CommandError(DeepLensError):
    """A remote command exited non-zero. Carries the exit status and the (trimmed) stderr."""

    kind = "command"

    def __init__(self, message, status=None, stderr=""):
        super().__init__(message)
        self.status = status
        self.stderr = stderr


class StorageError(DeepLensError):
    """A local file could not be written (disk full, read-only folder). The previous file is intact."""

    kind = "storage"


class ConfigError(DeepLensError):
    """A settings, roster or manifest file is invalid."""

    kind = "config"


class ModelUnavailable(DeepLensError):
    """A model's weights are not cached and cannot be fetched (offline, checksum mismatch)."""

    kind = "model"


class DeployError(DeepLensError):
    """A deploy step failed; the message says which step and why."""

    kind = "deploy"


class SudoPasswordNeeded(DeployError):
    """The deploy must run sudo on the camera, and sudo asks for the login's password, which was not given
    or was refused. Nothing ran differently on the camera; deploying again with the password works."""

    kind = "sudo-password"


class DeployBusy(DeployError):
    """Another deploy held the camera's deploy lock for longer than this one would wait; nothing changed."""

    kind = "busy"


class DeviceStorageError(DeployError):
    """The camera could not store what a deploy writes: no space left, a read-only filesystem or no
    permission. The sentence names which, with the free space when it is the space."""

    kind = "device-storage"


class DeployCancelled(DeployError):
    """The user cancelled a deploy; the previous project is running again."""

    kind = "cancelled"


class AwsError(DeepLensError):
    """An AWS call failed for an expected reason (credentials, access, region, throttling, retired API)."""

    kind = "aws"
