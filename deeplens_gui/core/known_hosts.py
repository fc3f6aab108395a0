"""known_hosts as OpenSSH reads it: plain, hashed, wildcard and negated host patterns, ``[host]:port``,
several key types per host, ``@revoked`` keys and ``@cert-authority`` keys that sign host certificates.

Reading only; ``core/ssh.py`` decides what a connection does with the verdict and appends new keys.
"""

import base64
import hashlib
import hmac
import re
import time
from dataclasses import dataclass

import paramiko
from paramiko.message import Message

from deeplens_gui.core.errors import ConfigError
from deeplens_gui.core.text import say

REVOKED = "@revoked"
CERT_AUTHORITY = "@cert-authority"

#: certificate type of a host certificate (1 is a user certificate)
_HOST_CERT = 2
#: public key fields between a certificate's nonce and its serial, per certificate type
_CERT_KEY_FIELDS = {
    "ssh-ed25519-cert-v01@openssh.com": ("binary",),
    "ecdsa-sha2-nistp256-cert-v01@openssh.com": ("binary", "binary"),
    "ecdsa-sha2-nistp384-cert-v01@openssh.com": ("binary", "binary"),
    "ecdsa-sha2-nistp521-cert-v01@openssh.com": ("binary", "binary"),
    "ssh-rsa-cert-v01@openssh.com": ("mpint", "mpint"),
}


@dataclass(frozen=True)
class HostEntry:
    """One key line of a known_hosts file that applies to the host looked up."""

    marker: str  # "", REVOKED or CERT_AUTHORITY
    key_type: str
    key: object  # a paramiko PKey, or None for a key type paramiko cannot use
    path: str
    line: int


@dataclass(frozen=True)
class KnownHosts:
    """What the known_hosts files say about one host name (``host`` or ``[host]:port``)."""

    name: str
    entries: tuple = ()

    def _with(self, marker):
        return [entry for entry in self.entries if entry.marker == marker]

    @property
    def keys(self):
        """The host's own recorded keys (usable by paramiko), in file order."""
        return [entry.key for entry in self._with("") if entry.key is not None]

    @property
    def key_types(self):
        """Every key type recorded for the host, also those paramiko cannot check."""
        return {entry.key_type for entry in self._with("")}

    @property
    def authorities(self):
        """Keys of the certificate authorities trusted to sign this host's certificates."""
        return [entry.key for entry in self._with(CERT_AUTHORITY) if entry.key is not None]

    def revoked(self, key):
        """The ``@revoked`` entry listing ``key`` (also as the signer of a certificate), or None."""
        blobs = {key.asbytes()}
        blob = getattr(key, "public_blob", None)
        if blob is not None:
            signer = certificate_fields(key)
            if signer is not None:
                blobs.add(signer.signature_key)
        for entry in self._with(REVOKED):
            if entry.key is not None and entry.key.asbytes() in blobs:
                return entry
        return None

    def knows(self, key):
        """True when ``key`` is one of the host's own recorded keys."""
        return any(same_key(known, key) for known in self.keys)


def same_key(a, b):
    """Same type and same public key (a certificate counts as its plain key)."""
    return a.get_name() == b.get_name() and a.asbytes() == b.asbytes()


def read(paths, name):
    """KnownHosts of ``name`` from ``paths`` in order (missing files are skipped, like OpenSSH does)."""
    entries = []
    for path in paths:
        try:
            with open(path, "r", encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise ConfigError(say("The known_hosts file {0} cannot be read ({1}).", path,
                                  exc.strerror)) from None
        for number, line in enumerate(lines, 1):
            entry = _parse_line(line, name, path, number)
            if entry is not None:
                entries.append(entry)
    return KnownHosts(name, tuple(entries))


def _parse_line(line, name, path, number):
    fields = line.split()
    if not fields or fields[0].startswith("#"):
        return None
    marker = ""
    if fields[0].startswith("@"):
        marker = fields.pop(0)
        if marker not in (REVOKED, CERT_AUTHORITY):
            return None  # OpenSSH skips lines with markers it does not know
    if len(fields) < 3 or not host_matches(fields[0].split(","), name):
        return None
    key_type, data = fields[1], fields[2]
    try:
        key = paramiko.PKey.from_type_string(key_type, base64.b64decode(data, validate=True))
    except (ValueError, TypeError, paramiko.SSHException, base64.binascii.Error, paramiko.UnknownKeyType):
        key = None
    return HostEntry(marker, key_type, key, path, number)


def host_matches(patterns, name):
    """OpenSSH's rule: some pattern (plain, ``|1|`` hashed or glob) matches and no ``!`` pattern does."""
    matched = False
    for pattern in patterns:
        if pattern.startswith("|1|"):
            matched = matched or _hashed_match(pattern, name)
        elif pattern.startswith("!"):
            if _glob_match(pattern[1:], name):
                return False
        elif _glob_match(pattern, name):
            matched = True
    return matched


def _hashed_match(pattern, name):
    try:
        salt, digest = (base64.b64decode(part) for part in pattern[3:].split("|", 1))
    except (ValueError, base64.binascii.Error):
        return False
    # OpenSSH hashes the name in lower case, as it writes it.
    mac = hmac.new(salt, name.lower().encode("utf-8"), hashlib.sha1).digest()
    return hmac.compare_digest(mac, digest)


def _glob_match(pattern, name):
    # known_hosts globs know only * and ?; brackets are literal ([host]:port), so fnmatch would be wrong.
    regex = re.escape(pattern).replace(r"\*", ".*").replace(r"\?", ".")
    return re.fullmatch(regex, name, flags=re.IGNORECASE) is not None


@dataclass(frozen=True)
class Certificate:
    """The fields of an OpenSSH certificate that decide whether a host may use it."""

    cert_type: int
    key_id: str
    principals: tuple
    valid_after: int
    valid_before: int
    signature_key: bytes
    signed: bytes
    signature: bytes


def certificate_fields(key):
    """The Certificate a host key came with, or None for a plain key (or a certificate we cannot read)."""
    blob = getattr(key, "public_blob", None)
    if blob is None or blob.key_type not in _CERT_KEY_FIELDS:
        return None
    message = Message(blob.key_blob)
    try:
        message.get_text()
        message.get_binary()  # nonce
        for kind in _CERT_KEY_FIELDS[blob.key_type]:
            message.get_mpint() if kind == "mpint" else message.get_binary()
        message.get_int64()  # serial
        cert_type = message.get_int()
        key_id = message.get_text()
        names = Message(message.get_binary())
        principals = []
        while names.get_remainder():
            principals.append(names.get_text())
        valid_after, valid_before = message.get_int64(), message.get_int64()
        for _ in range(3):  # critical options, extensions, reserved
            message.get_binary()
        signature_key = message.get_binary()
        signed = blob.key_blob[: message.packet.tell()]
        signature = message.get_binary()
    except (ValueError, TypeError, IndexError, paramiko.SSHException):
        return None
    return Certificate(cert_type, key_id, tuple(principals), valid_after, valid_before, signature_key, signed,
                       signature)


def check_certificate(key, host, authorities, now=None):
    """Why the host certificate of ``key`` is not valid for ``host`` under ``authorities``, or None if it is.

    The reason is a sentence fragment for an error message.
    """
    cert = certificate_fields(key)
    if cert is None:
        return say("the certificate cannot be read")
    if cert.cert_type != _HOST_CERT:
        return say("it is not a host certificate")
    signer = next((ca for ca in authorities if ca.asbytes() == cert.signature_key), None)
    if signer is None:
        return say("it is signed by an authority that known_hosts does not trust for this host")
    try:
        signed_ok = signer.verify_ssh_sig(cert.signed, Message(cert.signature))
    except (ValueError, TypeError, paramiko.SSHException):
        signed_ok = False
    if not signed_ok:
        return say("its signature is not valid")
    now = time.time() if now is None else now
    if not cert.valid_after <= now < cert.valid_before:
        return say("it is not valid at this time")
    if cert.principals and host.lower() not in (principal.lower() for principal in cert.principals):
        return say("it is not issued for {0} (it names {1})", host, ", ".join(cert.principals))
    return None
