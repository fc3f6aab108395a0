"""DeviceConnection, host-key policy, ssh config and secrets, against a real OpenSSH sshd on 127.0.0.1."""

import hashlib
import os
import re
import shutil
import socket
import stat
import subprocess
import threading
import time

import keyring
import keyring.backend
import keyring.errors
import paramiko
import pytest

from deeplens_gui.core import secrets
from deeplens_gui.core.device import DEFAULT_USER, Device
from deeplens_gui.core.errors import (
    AuthFailed,
    CommandError,
    ConnectError,
    ConnectionLost,
    ConnectionRefused,
    ConnectTimeout,
    HostKeyChanged,
    HostKeyTypeChanged,
    HostNotFound,
    UnknownHostKey,
)
from deeplens_gui.core.ssh import (
    CommandResult,
    DeviceConnection,
    Endpoint,
    SshOptions,
    fingerprint,
    host_key_of,
    resolve,
    trust_host_key,
)
from tests.conftest import IN_CI
from tests.fixtures.sshd import free_port, write_key_pair

pytestmark = pytest.mark.sshd

SECRET = "hunter2-Sup3r-secret"


# --- helpers ------------------------------------------------------------------------------------------------

def keygen_fingerprint(public_key_file):
    """The SHA256 fingerprint as ``ssh-keygen -lf`` prints it (the reference we must match)."""
    tool = shutil.which("ssh-keygen")
    if tool is None:
        if IN_CI:
            pytest.fail("ssh-keygen is not installed")
        pytest.skip("ssh-keygen is not installed")
    output = subprocess.run([tool, "-lf", public_key_file], check=True, capture_output=True, text=True).stdout
    return output.split()[1]


def transport_threads():
    return [thread for thread in threading.enumerate() if isinstance(thread, paramiko.Transport)]


def new_log(server, offset, needle, timeout=5.0):
    """sshd's log after ``offset``, once ``needle`` appears in it (sshd's children write asynchronously)."""
    deadline = time.monotonic() + timeout
    while True:
        text = server.log[offset:]
        if re.search(needle, text) or time.monotonic() > deadline:
            return text
        time.sleep(0.02)


def known_hosts_lines(path):
    with open(path) as handle:
        return [line for line in handle.read().splitlines() if line.strip()]


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-process keyring backend (a real keyring API implementation, storing in a dict)."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        if self.store.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not saved")


class LockedKeyring(keyring.backend.KeyringBackend):
    """A backend that fails like a locked desktop keyring."""

    priority = 1

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service, username, password):
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service, username):
        raise keyring.errors.KeyringLocked("locked")


@pytest.fixture
def use_keyring_backend():
    """Install a keyring backend for one test and put the previous one back afterwards."""
    previous = keyring.get_keyring()

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


@pytest.fixture
def conn(sshd):
    connection = DeviceConnection(sshd.device(), sshd.options())
    yield connection
    connection.close()


# --- running commands ---------------------------------------------------------------------------------------

def test_run_returns_stdout_stderr_and_status(conn):
    result = conn.run("echo out; echo err >&2; exit 3", check=False)
    assert result == CommandResult(status=3, stdout=b"out\n", stderr=b"err\n")


def test_run_quotes_an_argv_list(conn):
    result = conn.run(["printf", "%s|", "a b", "$HOME", "it's", ";rm"])
    assert result.stdout == b"a b|$HOME|it's|;rm|"
    assert result.text == "a b|$HOME|it's|;rm|"


def test_run_sends_stdin_larger_than_the_channel_window(conn):
    payload = os.urandom(3 * 1024 * 1024)
    result = conn.run("sha256sum; wc -c < /dev/null", stdin=payload)
    assert result.text.split()[0] == hashlib.sha256(payload).hexdigest()


def test_run_without_stdin_sends_eof(conn):
    # `cat` would wait for input forever if run() left stdin open.
    assert conn.run("cat; echo done", timeout=5).stdout == b"done\n"


def test_run_check_raises_command_error_with_status_and_stderr(conn):
    with pytest.raises(CommandError) as caught:
        conn.run("echo partial; echo 'no such stream' >&2; exit 7")
    error = caught.value
    assert error.status == 7
    assert error.stderr == "no such stream"
    assert "exit status 7" in str(error) and "no such stream" in str(error)
    assert error.kind == "command"


def test_run_timeout_stops_the_command_and_keeps_the_connection(conn):
    started = time.monotonic()
    with pytest.raises(ConnectTimeout) as caught:
        conn.run("sleep 10", timeout=0.5)
    assert time.monotonic() - started < 3.0
    assert "did not finish within 0.5 s" in str(caught.value)
    assert conn.run("echo still here").stdout == b"still here\n"


def test_open_channel_streams_bytes(conn):
    channel = conn.open_channel("head -c 300000 /dev/zero | tr '\\0' 'x'")
    received = bytearray()
    try:
        while True:
            chunk = channel.recv(65536)
            if not chunk:
                break
            received += chunk
        assert channel.recv_exit_status() == 0
    finally:
        channel.close()
    assert len(received) == 300000 and set(received) == {ord("x")}


def test_close_from_another_thread_unblocks_a_blocked_recv(conn):
    channel = conn.open_channel("sleep 30")
    closer = threading.Timer(0.3, conn.close)
    closer.start()
    started = time.monotonic()
    try:
        data = channel.recv(1024)
    finally:
        closer.join()
    elapsed = time.monotonic() - started
    assert data == b""
    assert elapsed < 1.3  # 0.3 s until close, then it must return within 1 s
    assert not conn.is_open
    assert transport_threads() == []


def test_connection_is_lazy_and_reopens_after_close(sshd):
    connection = DeviceConnection(sshd.device(), sshd.options())
    assert not connection.is_open
    with connection as opened:
        assert opened is connection and connection.is_open
    assert not connection.is_open
    connection.close()
    connection.close()
    assert connection.run("echo again").stdout == b"again\n"  # run() opens lazily
    connection.close()
    assert not connection.is_open and transport_threads() == []


def test_open_is_thread_safe_and_makes_one_connection(sshd):
    connection = DeviceConnection(sshd.device(), sshd.options())
    offset = len(sshd.log)
    barrier = threading.Barrier(4)
    errors = []
    transports = set()

    def opener():
        barrier.wait()
        try:
            connection.open()
            transports.add(id(connection._transport))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert errors == []
        assert connection.is_open and len(transports) == 1
        text = new_log(sshd, offset, "Accepted publickey")
        assert text.count("Accepted publickey") == 1
    finally:
        connection.close()


def test_sftp_put_and_get(conn, tmp_path):
    local = tmp_path / "model.bin"
    payload = os.urandom(200000)
    local.write_bytes(payload)
    remote = str(tmp_path / "remote" / "model.bin")
    os.mkdir(os.path.dirname(remote))
    sftp = conn.sftp()
    try:
        sftp.put(str(local), remote)
        assert sftp.stat(remote).st_size == len(payload)
        back = tmp_path / "back.bin"
        sftp.get(remote, str(back))
    finally:
        sftp.close()
    assert back.read_bytes() == payload


def test_connection_lost_mid_command_then_reconnects(sshd_factory):
    server = sshd_factory()
    connection = DeviceConnection(server.device(), server.options())
    try:
        connection.open()
        killer = threading.Timer(0.5, server.stop)
        killer.start()
        try:
            with pytest.raises(ConnectionLost) as caught:
                connection.run("sleep 20", timeout=15)
        finally:
            killer.join()
        assert caught.value.kind == "lost"
        with pytest.raises(ConnectionRefused):
            connection.run("echo back")  # the camera is still down: reconnecting is refused
        server.start()
        assert connection.run("echo back").stdout == b"back\n"
    finally:
        connection.close()


# --- host keys ----------------------------------------------------------------------------------------------

def test_fingerprint_matches_ssh_keygen(sshd):
    assert fingerprint(sshd.host_key) == keygen_fingerprint(sshd.host_key_file)


def test_unknown_host_key_raises_before_auth_and_writes_nothing(sshd):
    known_hosts = sshd.empty_known_hosts()
    offset = len(sshd.log)
    with pytest.raises(UnknownHostKey) as caught:
        DeviceConnection(sshd.device(), sshd.options(known_hosts=known_hosts)).open()
    error = caught.value
    assert error.host == "[127.0.0.1]:{0}".format(sshd.port)
    assert error.fingerprint == keygen_fingerprint(sshd.host_key_file)
    assert error.key == sshd.host_key
    assert error.known_hosts == known_hosts
    assert error.fingerprint in str(error)
    assert not os.path.exists(os.path.dirname(known_hosts))
    text = new_log(sshd, offset, r"Connection (closed|reset) by 127\.0\.0\.1 port \d+ \[preauth\]")
    assert "[preauth]" in text and "Accepted" not in text and "Failed" not in text
    assert transport_threads() == []


def test_trusting_the_unknown_key_lets_the_retry_connect(sshd):
    known_hosts = sshd.empty_known_hosts()
    options = sshd.options(known_hosts=known_hosts)
    with pytest.raises(UnknownHostKey) as caught:
        DeviceConnection(sshd.device(), options).open()
    error = caught.value
    trust_host_key(error.known_hosts, error.host, error.key)
    assert host_key_of(known_hosts, error.host) == [sshd.host_key]
    with DeviceConnection(sshd.device(), options) as connection:
        assert connection.run("echo ok").stdout == b"ok\n"


def test_accept_new_host_key_records_it_once_with_private_permissions(sshd):
    known_hosts = sshd.empty_known_hosts()
    options = sshd.options(known_hosts=known_hosts, accept_new_host_key=True)
    with DeviceConnection(sshd.device(), options) as c:
        assert c.run("echo first").stdout == b"first\n"
    assert stat.S_IMODE(os.stat(known_hosts).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(known_hosts)).st_mode) == 0o700
    expected = "[127.0.0.1]:{0} ssh-ed25519 {1}".format(sshd.port, sshd.host_key.get_base64())
    assert known_hosts_lines(known_hosts) == [expected]
    # A second connection needs no flag, and recording the same key again adds nothing.
    with DeviceConnection(sshd.device(), sshd.options(known_hosts=known_hosts)) as c:
        assert c.run("echo second").stdout == b"second\n"
    trust_host_key(known_hosts, "[127.0.0.1]:{0}".format(sshd.port), sshd.host_key)
    assert known_hosts_lines(known_hosts) == [expected]


def test_trust_host_key_appends_after_a_file_without_final_newline(sshd, tmp_path):
    known_hosts = str(tmp_path / "known_hosts")
    other = paramiko.ECDSAKey.generate()
    with open(known_hosts, "w") as handle:
        handle.write("other.example {0} {1}".format(other.get_name(), other.get_base64()))
    trust_host_key(known_hosts, "cam.example", sshd.host_key)
    assert host_key_of(known_hosts, "other.example") == [other]
    assert host_key_of(known_hosts, "cam.example") == [sshd.host_key]
    assert len(known_hosts_lines(known_hosts)) == 2


def test_changed_host_key_is_refused_before_any_login(sshd, tmp_path):
    impostor = write_key_pair(tmp_path / "impostor")
    known_hosts = str(tmp_path / "known_hosts")
    name = "[127.0.0.1]:{0}".format(sshd.port)
    with open(known_hosts, "w") as handle:
        handle.write("{0} ssh-ed25519 {1}\n".format(name, impostor.get_base64()))
    offset = len(sshd.log)
    with pytest.raises(HostKeyChanged) as caught:
        options = sshd.options(known_hosts=known_hosts, accept_new_host_key=True)
        DeviceConnection(sshd.device(), options).open()
    error = caught.value
    assert error.old_fingerprint == fingerprint(impostor)
    assert error.new_fingerprint == keygen_fingerprint(sshd.host_key_file)
    assert error.host == name and error.known_hosts == known_hosts
    assert "ssh-keygen -R" in str(error)
    text = new_log(sshd, offset, r"Connection (closed|reset) by 127\.0\.0\.1 port \d+ \[preauth\]")
    assert "[preauth]" in text and "Accepted" not in text and "Failed" not in text
    assert known_hosts_lines(known_hosts) == ["{0} ssh-ed25519 {1}".format(name, impostor.get_base64())]


def test_only_another_key_type_recorded_is_refused_as_openssh_does(sshd, tmp_path):
    # The recorded type is asked for first; a server without it gets OpenSSH's verdict: changed.
    other_type = paramiko.ECDSAKey.generate()
    known_hosts = str(tmp_path / "known_hosts")
    name = "[127.0.0.1]:{0}".format(sshd.port)
    trust_host_key(known_hosts, name, other_type)
    with pytest.raises(HostKeyTypeChanged) as caught:
        DeviceConnection(sshd.device(), sshd.options(known_hosts=known_hosts, accept_new_host_key=True)).open()
    assert caught.value.old_fingerprint == fingerprint(other_type)
    assert caught.value.new_fingerprint == fingerprint(sshd.host_key)
    assert "now offers a ssh-ed25519 host key" in str(caught.value) and "ecdsa-sha2-nistp256" in str(caught.value)
    assert host_key_of(known_hosts, name) == [other_type]


def test_hashed_known_hosts_entry_is_honoured(sshd):
    tool = shutil.which("ssh-keygen")
    if tool is None:
        pytest.skip("ssh-keygen is not installed")
    known_hosts = sshd.trusted_known_hosts()
    subprocess.run([tool, "-H", "-f", known_hosts], check=True, capture_output=True)
    content = open(known_hosts).read()
    assert content.startswith("|1|") and "127.0.0.1" not in content
    name = "[127.0.0.1]:{0}".format(sshd.port)
    assert host_key_of(known_hosts, name) == [sshd.host_key]
    with DeviceConnection(sshd.device(), sshd.options(known_hosts=known_hosts)) as connection:
        assert connection.run("echo hashed").stdout == b"hashed\n"


def test_wildcard_and_negated_known_hosts_patterns(tmp_path):
    key = paramiko.ECDSAKey.generate()
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text("# comment\n\n*.lab,!bad.lab {0} {1}\n".format(key.get_name(), key.get_base64()))
    assert host_key_of(str(known_hosts), "cam3.lab") == [key]
    assert host_key_of(str(known_hosts), "bad.lab") == []
    assert host_key_of(str(known_hosts), "cam3.lab.evil") == []
    assert host_key_of(str(tmp_path / "missing"), "cam3.lab") == []


# --- authentication -----------------------------------------------------------------------------------------

def test_wrong_key_is_auth_failed_and_leaves_no_thread(sshd, tmp_path):
    write_key_pair(tmp_path / "stranger")
    device = sshd.device(identity=str(tmp_path / "stranger"))
    with pytest.raises(AuthFailed) as caught:
        DeviceConnection(device, sshd.options()).open()
    message = str(caught.value)
    assert "refused the login for user {0}".format(sshd.user) in message
    assert "Check the user name, key or password" in message
    assert caught.value.kind == "auth"
    assert transport_threads() == []


def test_missing_identity_file_is_named_in_the_error(sshd, tmp_path):
    device = sshd.device(identity=str(tmp_path / "nope"))
    with pytest.raises(AuthFailed) as caught:
        DeviceConnection(device, sshd.options()).open()
    assert "nope does not exist" in str(caught.value)


def test_encrypted_key_opens_with_the_passphrase_option(sshd):
    device = sshd.device(identity=sshd.encrypted_key)
    with DeviceConnection(device, sshd.options(passphrase=sshd.passphrase)) as connection:
        assert connection.run("echo unlocked").stdout == b"unlocked\n"


def test_encrypted_key_without_or_with_a_wrong_passphrase(sshd):
    device = sshd.device(identity=sshd.encrypted_key)
    with pytest.raises(AuthFailed) as caught:
        DeviceConnection(device, sshd.options()).open()
    assert "needs a passphrase" in str(caught.value)
    with pytest.raises(AuthFailed) as caught:
        DeviceConnection(device, sshd.options(passphrase=SECRET)).open()
    assert "did not open with the passphrase given" in str(caught.value)
    assert SECRET not in str(caught.value)


def test_passphrase_saved_in_the_keyring_is_used(sshd, use_keyring_backend):
    use_keyring_backend(MemoryKeyring())
    secrets.set_secret("passphrase", sshd.user, sshd.host, sshd.port, sshd.passphrase)
    device = sshd.device(identity=sshd.encrypted_key)
    with DeviceConnection(device, sshd.options(use_keyring=True)) as connection:
        assert connection.run("echo from keyring").stdout == b"from keyring\n"


def test_password_never_appears_in_repr_or_errors(sshd, tmp_path, use_keyring_backend):
    options = sshd.options(password=SECRET, passphrase=SECRET)
    assert SECRET not in repr(options)
    write_key_pair(tmp_path / "stranger")
    use_keyring_backend(MemoryKeyring())
    secrets.set_secret("password", sshd.user, sshd.host, sshd.port, SECRET)
    for opts in (options, sshd.options(use_keyring=True)):
        with pytest.raises(AuthFailed) as caught:
            DeviceConnection(sshd.device(identity=str(tmp_path / "stranger")), opts).open()
        assert SECRET not in str(caught.value) and SECRET not in repr(caught.value.args)
        assert "refused the login" in str(caught.value)


def test_default_keys_are_tried_only_with_look_for_keys(sshd, tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    shutil.copy(sshd.client_key, str(home / ".ssh" / "id_ed25519"))
    monkeypatch.setenv("HOME", str(home))
    device = sshd.device(identity=None)
    with DeviceConnection(device, sshd.options(look_for_keys=True)) as connection:
        assert connection.run("echo default key").stdout == b"default key\n"
    with pytest.raises(AuthFailed):
        DeviceConnection(device, sshd.options(look_for_keys=False)).open()


# --- reaching the host --------------------------------------------------------------------------------------

def test_closed_port_is_connection_refused(sshd):
    port = free_port()
    with pytest.raises(ConnectionRefused) as caught:
        DeviceConnection(sshd.device(port=port), sshd.options()).open()
    assert "127.0.0.1:{0} refused the connection".format(port) in str(caught.value)
    assert transport_threads() == []


def test_unresolvable_host_is_host_not_found(sshd):
    device = Device(name="ghost", host="no-such-host.invalid", identity=sshd.client_key)
    with pytest.raises(HostNotFound) as caught:
        DeviceConnection(device, sshd.options()).open()
    assert "no-such-host.invalid" in str(caught.value)
    assert caught.value.kind == "dns"


def test_silent_server_is_connect_timeout(sshd):
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        device = sshd.device(port=silent.getsockname()[1])
        started = time.monotonic()
        with pytest.raises(ConnectTimeout):
            DeviceConnection(device, sshd.options(connect_timeout=0.5)).open()
    assert time.monotonic() - started < 5.0
    assert transport_threads() == []


def test_non_ssh_server_is_connect_error(sshd):
    with socket.socket() as fake:
        fake.bind(("127.0.0.1", 0))
        fake.listen(1)

        def answer():
            peer, _ = fake.accept()
            with peer:
                peer.sendall(b"HTTP/1.0 400 Bad Request\r\n\r\n")

        server = threading.Thread(target=answer)
        server.start()
        try:
            with pytest.raises(ConnectError) as caught:
                DeviceConnection(sshd.device(port=fake.getsockname()[1]), sshd.options()).open()
        finally:
            server.join()
    assert type(caught.value) is ConnectError
    assert "Could not start an SSH session" in str(caught.value)


# --- ssh config ---------------------------------------------------------------------------------------------

GLOBAL_KNOWN_HOSTS = ("/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2")


def write_config(path, text):
    path.write_text(text)
    return str(path)


def test_resolve_applies_the_ssh_config_and_device_values_win(sshd, tmp_path):
    key_dir = tmp_path / "keys" / "127.0.0.1-{0}".format(sshd.port)
    key_dir.mkdir(parents=True)
    shutil.copy(sshd.client_key, str(key_dir / "cam"))
    config = write_config(tmp_path / "config", (
        "Host cam1\n    HostName 127.0.0.1\n    User {user}\n    Port {port}\n"
        "    IdentityFile {keys}/%h-%p/cam\n").format(user=sshd.user, port=sshd.port, keys=tmp_path / "keys"))
    options = sshd.options(ssh_config=config)
    endpoint = resolve(Device(name="cam1", host="cam1"), options)
    assert endpoint == Endpoint(host="127.0.0.1", port=sshd.port, user=sshd.user,
                                identity_files=(str(key_dir / "cam"),), proxy_jump=None,
                                known_hosts_name="[127.0.0.1]:{0}".format(sshd.port),
                                user_known_hosts=(sshd.known_hosts,), global_known_hosts=GLOBAL_KNOWN_HOSTS)
    with DeviceConnection(Device(name="cam1", host="cam1"), options) as connection:
        assert connection.run("id -un").text.strip() == sshd.user
    explicit = resolve(Device(name="cam1", host="cam1", user="student", port=22, identity="~/k"), options)
    assert (explicit.user, explicit.port, explicit.known_hosts_name) == ("student", 22, "127.0.0.1")
    assert explicit.identity_files[0] == os.path.expanduser("~/k")


def test_resolve_defaults_without_config(sshd):
    endpoint = resolve(Device(name="cam", host="cam.example"), sshd.options())
    assert (endpoint.host, endpoint.user, endpoint.port) == ("cam.example", DEFAULT_USER, 22)
    assert endpoint.known_hosts_name == "cam.example" and endpoint.identity_files == ()
    assert endpoint.label == "aws_cam@cam.example:22"


def test_proxy_jump_through_one_hop(sshd, tmp_path):
    config = write_config(tmp_path / "config", (
        "Host cam2\n    HostName 127.0.0.1\n    Port {port}\n    User {user}\n    IdentityFile {key}\n"
        "    ProxyJump jumpbox\n"
        "Host jumpbox\n    HostName 127.0.0.1\n    Port {port}\n    User {user}\n    IdentityFile {key}\n"
    ).format(port=sshd.port, user=sshd.user, key=sshd.client_key))
    offset = len(sshd.log)
    connection = DeviceConnection(Device(name="cam2", host="cam2"), sshd.options(ssh_config=config))
    assert connection.endpoint.proxy_jump == "jumpbox"
    try:
        assert connection.run("echo via jump").stdout == b"via jump\n"
        text = new_log(sshd, offset, r"Starting session")
    finally:
        connection.close()
    # Two logins (the jump host, then the camera through it) and one command session.
    assert text.count("Accepted publickey") == 2
    assert text.count("Starting session") == 1
    assert transport_threads() == []


def test_proxy_jump_to_an_unreachable_target(sshd, tmp_path):
    config = write_config(tmp_path / "config", (
        "Host cam3\n    HostName 127.0.0.1\n    Port {closed}\n    ProxyJump {user}@127.0.0.1:{port}\n"
        "Host 127.0.0.1\n    IdentityFile {key}\n"
    ).format(closed=free_port(), port=sshd.port, user=sshd.user, key=sshd.client_key))
    with pytest.raises(ConnectError) as caught:
        DeviceConnection(Device(name="cam3", host="cam3"), sshd.options(ssh_config=config)).open()
    assert "The jump host" in str(caught.value) and "could not reach" in str(caught.value)
    assert transport_threads() == []


# --- secrets ------------------------------------------------------------------------------------------------

def test_secrets_round_trip_in_the_keyring(use_keyring_backend):
    backend = use_keyring_backend(MemoryKeyring())
    assert secrets.get_secret("password", "aws_cam", "cam1", 22) is None
    secrets.set_secret("password", "aws_cam", "cam1", 22, SECRET)
    assert secrets.get_secret("password", "aws_cam", "cam1", 22) == SECRET
    assert secrets.get_secret("passphrase", "aws_cam", "cam1", 22) is None
    assert backend.store == {("deeplens-console", "password:aws_cam@cam1:22"): SECRET}
    assert secrets.delete_secret("password", "aws_cam", "cam1", 22) is True
    assert secrets.delete_secret("password", "aws_cam", "cam1", 22) is False
    assert secrets.get_secret("password", "aws_cam", "cam1", 22) is None
    with pytest.raises(ValueError):
        secrets.get_secret("token", "aws_cam", "cam1", 22)


def test_a_locked_keyring_reads_as_nothing_and_refuses_to_save(use_keyring_backend):
    use_keyring_backend(LockedKeyring())
    assert secrets.get_secret("password", "aws_cam", "cam1", 22) is None
    with pytest.raises(secrets.KeyringUnavailable) as caught:
        secrets.set_secret("password", "aws_cam", "cam1", 22, SECRET)
    assert "the keyring is locked" in str(caught.value) and SECRET not in str(caught.value)
    with pytest.raises(secrets.KeyringUnavailable):
        secrets.delete_secret("passphrase", "aws_cam", "cam1", 22)


def test_ssh_options_defaults():
    options = SshOptions()
    assert options.known_hosts_path == os.path.expanduser(os.path.join("~", ".ssh", "known_hosts"))
    assert (options.accept_new_host_key, options.keepalive, options.use_keyring) == (False, 15, True)
