"""Saved passwords and key passphrases, kept only in the OS keyring (design rule 8).

Entries live under the service ``deeplens-console``; the keyring user name is
``<kind>:<user>@<host>:<port>`` so one device can have a login password, a key passphrase and the login's
sudo password (a DeepLens's sudo asks for aws_cam's password) side by side.
A missing or locked keyring is not an error when reading (we just have nothing saved); it is an error when
the user asked us to save something. Secrets are never logged.
"""

import logging
import os
import threading

import keyring
import keyring.errors

from deeplens_gui.core.errors import ConfigError, DeepLensError
from deeplens_gui.core.text import say

SERVICE = "deeplens-console"
KINDS = ("password", "passphrase", "sudo")

_log = logging.getLogger(__name__)
# Secrets typed for this run only (the user did not ask to keep them): forgotten when the process ends.
_session = {}
_session_lock = threading.Lock()


class KeyringUnavailable(DeepLensError):
    """The OS keyring cannot store the secret (no backend, locked, access refused)."""

    kind = "keyring"


def from_environment(variable, option, allow_empty=True):
    """The secret held by the environment variable ``variable`` that the command-line ``option`` names (None
    when the option was not given); a ConfigError when the variable is not set (or empty, unless
    ``allow_empty``). Secrets come from the keyring or such a variable, never from the command line itself."""
    if not variable:
        return None
    value = os.environ.get(variable)
    if value is None or (not value and not allow_empty):
        raise ConfigError(say("The environment variable {0} named by {1} is not set.", variable, option)
                          if value is None else
                          say("The environment variable {0} named by {1} is empty.", variable, option))
    return value


def _account(kind, user, host, port):
    if kind not in KINDS:
        raise ValueError("kind must be one of {0}, not {1!r}".format(KINDS, kind))
    return "{0}:{1}@{2}:{3}".format(kind, user, host, int(port))


def get_secret(kind, user, host, port):
    """The saved secret for this login, or None when nothing is saved or the keyring cannot be read."""
    account = _account(kind, user, host, port)
    try:
        return keyring.get_password(SERVICE, account)
    except Exception as exc:  # any backend failure (no backend, locked, D-Bus down) means "nothing saved"
        _log.debug("keyring lookup for %s failed: %s", account, type(exc).__name__)
        return None


def remember(kind, user, host, port, secret):
    """Keep ``secret`` for this login in memory until the process ends (never on disk, never logged)."""
    with _session_lock:
        _session[_account(kind, user, host, port)] = secret


def remembered(kind, user, host, port):
    """The secret ``remember`` kept for this login in this process, or None."""
    with _session_lock:
        return _session.get(_account(kind, user, host, port))


def set_secret(kind, user, host, port, secret):
    """Save ``secret`` for this login. Raises KeyringUnavailable with a sentence when it cannot be saved."""
    account = _account(kind, user, host, port)
    try:
        keyring.set_password(SERVICE, account, secret)
    except Exception as exc:
        if kind in ("password", "sudo"):
            message = say("Could not save the password for {0}@{1} in the system keyring ({2}). Unlock or "
                          "install a keyring (for example GNOME Keyring or KWallet), or type the password "
                          "each time.", user, host, _reason(exc))
        else:
            message = say("Could not save the passphrase for {0}@{1} in the system keyring ({2}). Unlock or "
                          "install a keyring (for example GNOME Keyring or KWallet), or type the passphrase "
                          "each time.", user, host, _reason(exc))
        raise KeyringUnavailable(message) from None


def delete_secret(kind, user, host, port):
    """Forget the saved secret for this login. Returns True if one was deleted, False if none was saved.

    Raises KeyringUnavailable when the keyring cannot be reached, so the UI does not claim it forgot it.
    """
    account = _account(kind, user, host, port)
    try:
        keyring.delete_password(SERVICE, account)
    except keyring.errors.PasswordDeleteError:
        return False
    except Exception as exc:
        if kind in ("password", "sudo"):
            message = say("Could not remove the saved password for {0}@{1} from the system keyring ({2}).",
                          user, host, _reason(exc))
        else:
            message = say("Could not remove the saved passphrase for {0}@{1} from the system keyring ({2}).",
                          user, host, _reason(exc))
        raise KeyringUnavailable(message) from None
    return True


def _reason(exc):
    # The exception text of a keyring backend never contains the secret, but keep it short and typed.
    if isinstance(exc, keyring.errors.NoKeyringError):
        return say("no keyring backend is available")
    if isinstance(exc, keyring.errors.KeyringLocked):
        return say("the keyring is locked")
    return type(exc).__name__


class SudoPasswords:
    """The login's sudo password for each camera, for deploys that must stop Greengrass on a DeepLens whose
    sudo asks for it: the OS keyring first, else ``ask(device) -> str or None`` (a terminal prompt, a dialog
    answer, an environment variable). An asked password is saved in the keyring once sudo accepted it
    (``keep``); a saved one that sudo rejects is forgotten. Thread-safe: parallel deploys ask one at a time.

    ``login`` below is where the connection really goes (anything with ``user``, ``host`` and ``port``, such
    as the connection's Endpoint): the keyring entry belongs to that login.
    """

    def __init__(self, ask=None, keep=True):
        self._ask = ask
        self._keep = keep
        self._lock = threading.Lock()
        self._asked = {}
        self._offered = {}

    def offer(self, device, password):
        """Use ``password`` for ``device`` (by name) in its next deploy, before the keyring: the answer a window
        got from the user after a deploy said sudo wants it."""
        with self._lock:
            self._offered[device.name] = password

    def get(self, device, login, rejected=False):
        """``(password, from_keyring)`` for ``device`` reached as ``login``, ``(None, False)`` when there is
        none; ``rejected`` skips the keyring and asks again (the last password was just refused)."""
        key = (login.user, login.host, int(login.port))
        with self._lock:
            offered = self._offered.pop(device.name, None)
            if offered:
                self._asked[key] = offered
                return offered, False
            if not rejected:
                saved = get_secret("sudo", *key)
                if saved:
                    return saved, True
            if key not in self._asked or rejected:
                self._asked[key] = self._ask(device) if self._ask is not None else None
            return self._asked[key], False

    def accepted(self, login, password, from_keyring):
        """sudo took ``password``: keep it in the keyring. Returns a sentence when it could not be saved."""
        if from_keyring or not self._keep:
            return None
        try:
            set_secret("sudo", login.user, login.host, login.port, password)
        except KeyringUnavailable as error:
            return error.message
        return None

    def rejected(self, login, from_keyring):
        """sudo refused the password: forget it (the keyring's, or the one asked)."""
        with self._lock:
            self._asked.pop((login.user, login.host, int(login.port)), None)
        if from_keyring:
            try:
                delete_secret("sudo", login.user, login.host, login.port)
            except KeyringUnavailable as error:
                _log.info("could not forget the rejected sudo password: %s", error)
