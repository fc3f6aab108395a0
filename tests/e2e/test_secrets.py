"""Secrets stay in the keyring: a session that uses a known password must not write it anywhere.

The test points HOME, the XDG folders and the settings file into ``tmp_path / "session"``, logs everything
(DEBUG, paramiko included) to a file there, puts a known password in an in-memory keyring, then drives every
code path that handles the password: SSH logins that offer it (OpenSSH sshd and a virtual DeepLens, both
refusing it), a FrameSource, a status check, the CLI with ``--password-env``, settings and roster saves and
loads that meet it. Finally every byte written under the session folder, everything printed and every log
record is searched for the password.
"""

import dataclasses
import json
import logging
import os

import keyring
import keyring.backend
import pytest

from deeplens_gui import cli
from deeplens_gui.core import secrets
from deeplens_gui.core.errors import AuthFailed, ConfigError
from deeplens_gui.core.roster import Roster, load_roster, save_roster
from deeplens_gui.core.settings import Settings, load_settings, save_settings
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.core.status import get_status
from deeplens_gui.core.stream import FrameSource, StreamState
from tests.fixtures.sshd import write_key_pair

PASSWORD = "Tr0ub4dor&3-$(id)-'quoted'-\"x\"-test-only"
#: the password as bytes, and as JSON/TOML (escaped quotes), repr and UTF-16 would write it
NEEDLES = [PASSWORD.encode("utf-8"), json.dumps(PASSWORD)[1:-1].encode("utf-8"), repr(PASSWORD).encode("utf-8"),
           PASSWORD.encode("utf-16-le")]


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring that lives in this process only."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.entries = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError(username)


@pytest.fixture
def session(tmp_path, monkeypatch):
    """HOME, XDG folders and logs inside ``tmp_path/session``; an in-memory keyring; a DEBUG log file."""
    root = tmp_path / "session"
    for name in ("home", "config", "cache", "data", "state", "out"):
        (root / name).mkdir(parents=True)
    monkeypatch.setenv("HOME", str(root / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(root / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(root / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(root / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(root / "state"))
    monkeypatch.setenv("SSH_AUTH_SOCK", "")
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    handler = logging.FileHandler(str(root / "session.log"), encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    records = []

    class Keep(logging.Handler):
        def emit(self, record):
            records.append(record)

    keep = Keep(logging.DEBUG)
    logger = logging.getLogger()
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    logger.addHandler(handler)
    logger.addHandler(keep)
    try:
        yield root, memory, records
    finally:
        logger.removeHandler(handler)
        logger.removeHandler(keep)
        logger.setLevel(old_level)
        handler.close()
        keyring.set_keyring(previous)


def leaks(root, texts, records):
    """Where the password shows up: files under ``root``, the given texts, the log records."""
    found = []
    for folder, _, names in os.walk(str(root)):
        for name in names:
            path = os.path.join(folder, name)
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                continue
            if any(needle in data for needle in NEEDLES):
                found.append(path)
    for index, text in enumerate(texts):
        if PASSWORD in text or json.dumps(PASSWORD)[1:-1] in text:
            found.append("text #{0}".format(index))
    for record in records:
        rendered = record.getMessage() + repr(record.args) + str(record.exc_info or "")
        if PASSWORD in rendered:
            found.append("log record {0}".format(record.name))
    return found


def test_a_session_that_uses_the_password_never_writes_it(session, sshd, sim_device, tmp_path, capsys,
                                                          monkeypatch):
    root, memory, records = session
    texts = []
    stranger = str(root / "home" / "stranger")
    write_key_pair(stranger)

    # The password is saved the way the app saves it: in the keyring only.
    secrets.set_secret("password", sshd.user, sshd.host, sshd.port, PASSWORD)
    assert memory.entries and PASSWORD in memory.entries.values()
    assert secrets.get_secret("password", sshd.user, sshd.host, sshd.port) == PASSWORD

    # 1. OpenSSH refuses passwords: the key is refused, then the keyring's password is offered and refused.
    keyring_options = sshd.options(use_keyring=True)
    device = sshd.device(identity=stranger)
    with pytest.raises(AuthFailed) as caught:
        DeviceConnection(device, keyring_options).open()
    texts += [str(caught.value), repr(caught.value), repr(keyring_options)]

    # 2. The same with the password given directly (the CLI's --password-env path builds these options).
    explicit = sshd.options(password=PASSWORD)
    texts += [repr(explicit), str(explicit)]
    assert PASSWORD not in repr(explicit)
    with pytest.raises(AuthFailed) as caught:
        DeviceConnection(device, explicit).open()
    texts += [str(caught.value), repr(caught.value)]

    # 3. A virtual DeepLens receives the password over the wire and refuses it (it accepts only its key).
    known = root / "home" / "known_hosts_sim"
    known.write_text(sim_device.known_hosts_line() + "\n")
    sim_options = SshOptions(known_hosts=str(known), allow_agent=False, look_for_keys=False, use_keyring=False,
                             password=PASSWORD, connect_timeout=5)
    with pytest.raises(AuthFailed) as caught:
        DeviceConnection(dataclasses.replace(sim_device.device(), identity=None), sim_options).open()
    texts += [str(caught.value), repr(caught.value)]
    assert "password refused" in str(caught.value)

    # 4. A stream and a status check fail on the login; their states and records hold no password.
    statuses = []
    source = FrameSource(DeviceConnection(device, explicit), on_status=statuses.append)
    source.run()
    assert source.status.state is StreamState.FAILED
    texts += [repr(s) for s in statuses]
    connection = DeviceConnection(device, explicit)
    try:
        status = get_status(connection, sample_seconds=0.5)
    finally:
        connection.close()
    assert status.failed
    texts += [repr(status), json.dumps(status.to_dict(), default=str)]

    # 5. The CLI with --password-env: snapshot and status, both refused.
    monkeypatch.setenv("DEEPLENS_TEST_PASSWORD", PASSWORD)
    common = ["-i", stranger, "-F", sshd.ssh_config, "--known-hosts", sshd.known_hosts,
              "--password-env", "DEEPLENS_TEST_PASSWORD", "--timeout", "5"]
    target = "{0}@{1}:{2}".format(sshd.user, sshd.host, sshd.port)
    assert cli.main(["snapshot", target, "-o", str(root / "out" / "frame.jpg")] + common) == 1
    assert cli.main(["status", target, "--json", "--no-cloud", "--sample", "0.5"] + common) != 0
    printed = capsys.readouterr()
    texts += [printed.out, printed.err]
    assert "refused the login" in printed.err + printed.out

    # 6. Settings and rosters: written by the app, and met with a password a user typed into them.
    settings_path = root / "config" / "deeplens-console" / "settings.json"
    save_settings(Settings(recent_targets=(target,)), str(settings_path))
    data = json.loads(settings_path.read_text())
    data["password"] = PASSWORD
    settings_path.write_text(json.dumps(data))
    notes = []
    loaded = load_settings(str(settings_path), notes)
    texts += notes + [repr(loaded)]
    save_settings(loaded, str(settings_path))
    assert PASSWORD not in settings_path.read_text()
    roster_path = root / "out" / "class.toml"
    save_roster(Roster(devices=(device,)), str(roster_path))
    typed = roster_path.read_text().replace("[[device]]", "[[device]]\npassword = {0}".format(
        json.dumps(PASSWORD)), 1)
    hostile = tmp_path / "typed-by-a-user.toml"  # the user's own file: outside the session folder
    hostile.write_text(typed)
    with pytest.raises(ConfigError) as caught:
        load_roster(str(hostile))
    texts += [str(caught.value)]
    assert "keyring" in str(caught.value)

    # Everything the session wrote, printed or logged.
    assert records, "the log captured the session"
    assert (root / "session.log").stat().st_size > 0
    assert leaks(root, texts, records) == []


def test_a_secret_from_the_environment_is_read_and_a_missing_one_is_named(monkeypatch, capsys):
    monkeypatch.setenv("DL_TEST_SECRET", "s3cret")
    monkeypatch.setenv("DL_TEST_EMPTY", "")
    monkeypatch.delenv("DL_TEST_MISSING", raising=False)
    assert secrets.from_environment(None, "--password-env") is None
    assert secrets.from_environment("DL_TEST_SECRET", "--password-env") == "s3cret"
    assert secrets.from_environment("DL_TEST_EMPTY", "--passphrase-env") == ""
    with pytest.raises(ConfigError) as empty:
        secrets.from_environment("DL_TEST_EMPTY", "--sudo-password-env", allow_empty=False)
    assert str(empty.value) == "The environment variable DL_TEST_EMPTY named by --sudo-password-env is empty."
    # the CLI says it in one line, exit status 1, before connecting anywhere
    assert cli.main(["status", "desk-1", "--password-env", "DL_TEST_MISSING"]) == 1
    assert capsys.readouterr().err.strip().endswith(
        "The environment variable DL_TEST_MISSING named by --password-env is not set.")
