"""Saved passwords and key passphrases, kept only in the OS keyring (design rule 8).

Entries live under the service ``deeplens-console``; the keyring user name is
``<kind>:<user>@<host>:<port>`` so one device can have a login password and a key passphrase side by side.
A missing or locked keyring is not an error when reading (we just have nothing saved); it is an error when
the user asked us to save something. Secrets are never logged.
"""

import logging
import threading

import keyring
import keyring.errors

from deeplens_gui.core.errors import DeepLensError
from deeplens_gui.core.text import say

SERVICE = "deeplens-console"
KINDS = ("password", "passphrase")

_log = logging.getLogger(__name__)
# Secrets typed for this run only (the user did not ask to keep them): forgotten when the process ends.
_session = {}
_session_lock = threading.Lock()


class KeyringUnavailable(DeepLensError):
    """The OS keyring cannot store the secret (no backend, locked, access refused)."""

    kind = "keyring"


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
        if kind == "password":
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
        if kind == "password":
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
