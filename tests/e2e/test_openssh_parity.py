"""known_hosts and ssh_config cases side by side with OpenSSH's own verdict, against real sshd on 127.0.0.1.

Each case writes one ssh config (and known_hosts) that both read: ``ssh -o BatchMode=yes`` and the app's
DeviceConnection. The test asserts that both come to the same verdict: connected, revoked, changed, or not
trusted (unknown, or refused by strict checking or a bad certificate: BatchMode cannot ask).
"""

import base64
import os
import shutil
import subprocess

import paramiko
import pytest

from deeplens_gui.core import ssh as ssh_module
from deeplens_gui.core.device import Device
from deeplens_gui.core.errors import (
    ConfigError,
    HostKeyChanged,
    HostKeyError,
    HostKeyRefused,
    HostKeyRevoked,
    HostKeyTypeChanged,
    UnknownHostKey,
)
from deeplens_gui.core.ssh import DeviceConnection, SshOptions, fingerprint, host_key_of, resolve
from tests.e2e.test_sim_server import _wait_until
from tests.fixtures.sshd import IN_CI, write_key_pair

OK, REVOKED, CHANGED, UNTRUSTED = "connected", "revoked", "changed", "not trusted"


def _tool(name):
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail("OpenSSH's {0} is not installed".format(name))
        pytest.skip("OpenSSH's {0} is not installed".format(name))
    return path


class Case:
    """One ssh config + known_hosts pair under ``folder``, for the sshd ``server``."""

    def __init__(self, server, folder, known=(), config="", keys=()):
        folder.mkdir(parents=True, exist_ok=True)
        self.server = server
        self.known_hosts = str(folder / "known_hosts")
        with open(self.known_hosts, "w") as handle:
            handle.write("".join(line + "\n" for line in known))
        self.config = str(folder / "config")
        identities = "".join("  IdentityFile {0}\n".format(key) for key in (server.client_key,) + tuple(keys))
        with open(self.config, "w") as handle:
            handle.write(config)
            handle.write("Host *\n  UserKnownHostsFile \"{0}\"\n  GlobalKnownHostsFile /dev/null\n{1}"
                         "  IdentitiesOnly yes\n  User {2}\n".format(self.known_hosts, identities, server.user))

    def openssh(self, host="127.0.0.1", port=None, *extra):
        argv = [_tool("ssh"), "-F", self.config, "-o", "BatchMode=yes", "-o", "ConnectTimeout=10"]
        argv += list(extra) + ["-p", str(port or self.server.port), host, "echo parity"]
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=60, check=False)
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode == 0 and done.stdout == b"parity\n":
            return OK, err
        if "REVOKED" in err:
            return REVOKED, err
        if "HAS CHANGED" in err:
            return CHANGED, err
        if "Host key verification failed" in err or "strict checking" in err:
            return UNTRUSTED, err
        return "failed: " + err, err

    def app(self, host="127.0.0.1", port=None, **options):
        values = {"ssh_config": self.config, "allow_agent": False, "look_for_keys": False, "use_keyring": False,
                  "connect_timeout": 10.0}
        values.update(options)
        device = Device(name="parity", host=host, port=port or self.server.port)
        try:
            with DeviceConnection(device, SshOptions(**values)) as connection:
                assert connection.run("echo parity").stdout == b"parity\n"
        except HostKeyRevoked as error:
            return REVOKED, error
        except HostKeyChanged as error:
            return CHANGED, error
        except (UnknownHostKey, HostKeyRefused) as error:
            return UNTRUSTED, error
        return OK, None


def line(name, key, marker=""):
    return " ".join(part for part in (marker, name, key.get_name(), key.get_base64()) if part)


def both(case, expected, **app_options):
    """Run OpenSSH and the app on ``case``; both must reach ``expected``. Returns the app's error."""
    theirs, err = case.openssh()
    ours, error = case.app(**app_options)
    assert (theirs, ours) == (expected, expected), (err, error)
    return error


def test_known_hosts_verdicts_agree_with_openssh(sshd, tmp_path):
    name = sshd.known_hosts_name
    other = paramiko.Ed25519Key(data=_public_blob(tmp_path / "other"))
    ecdsa = paramiko.ECDSAKey.generate()
    hashed = paramiko.HostKeys.hash_host(name)
    cases = {
        "plain": ([line(name, sshd.host_key)], OK),
        "hashed": ([line(hashed, sshd.host_key)], OK),
        "wildcard port": ([line("[127.0.0.?]:*", sshd.host_key)], OK),
        "negated": ([line("*,!{0},!127.0.0.1".format(name), sshd.host_key)], UNTRUSTED),
        "without the port": ([line("127.0.0.1", sshd.host_key)], OK),
        "other host": ([line("[127.0.0.2]:{0}".format(sshd.port), sshd.host_key)], UNTRUSTED),
        "revoked only": ([line("*", sshd.host_key, "@revoked")], REVOKED),
        "revoked and listed": ([line(name, sshd.host_key), line("*", sshd.host_key, "@revoked")], REVOKED),
        "changed": ([line(name, other)], CHANGED),
        "two types, one right": ([line(name, ecdsa), line(name, sshd.host_key)], OK),
        # The issue expected "new" here; OpenSSH (9.2) refuses it as changed, and so does the app, with a
        # sentence that names both key types.
        "another type only": ([line(name, ecdsa)], CHANGED),
    }
    for label, (known, expected) in cases.items():
        case = Case(sshd, tmp_path / label.replace(",", "").replace(" ", "-"), known)
        error = both(case, expected)
        if expected == UNTRUSTED:
            assert isinstance(error, UnknownHostKey), (label, error)
        if label == "another type only":
            assert isinstance(error, HostKeyTypeChanged) and "ecdsa-sha2-nistp256" in str(error)
        if expected == REVOKED:
            assert "REVOKED" in str(error) and fingerprint(sshd.host_key) in str(error)


def test_revoked_key_is_refused_even_when_accepting_new_keys(sshd, tmp_path):
    case = Case(sshd, tmp_path, [line("*", sshd.host_key, "@revoked")])
    theirs, _ = case.openssh("127.0.0.1", None, "-o", "StrictHostKeyChecking=accept-new")
    ours, error = case.app(accept_new_host_key=True)
    assert (theirs, ours) == (REVOKED, REVOKED), error
    assert host_key_of(case.known_hosts, sshd.known_hosts_name) == []  # nothing was appended
    with pytest.raises(HostKeyRevoked):
        ssh_module.trust_host_key(case.known_hosts, sshd.known_hosts_name, sshd.host_key)


def test_strict_host_key_checking_agrees_with_openssh(sshd, tmp_path):
    strict = Case(sshd, tmp_path / "yes", config="Host *\n  StrictHostKeyChecking yes\n")
    error = both(strict, UNTRUSTED, accept_new_host_key=True)
    assert isinstance(error, HostKeyRefused) and "StrictHostKeyChecking yes" in str(error)
    for label in ("ssh", "app"):  # accept-new records the key, each in its own copy of the files
        case = Case(sshd, tmp_path / ("accept-" + label), config="Host *\n  StrictHostKeyChecking accept-new\n")
        verdict = case.openssh()[0] if label == "ssh" else case.app()[0]
        assert verdict == OK
        assert host_key_of(case.known_hosts, sshd.known_hosts_name) == [sshd.host_key]
    refused = Case(sshd, tmp_path / "no", config="Host *\n  StrictHostKeyChecking no\n")
    with pytest.raises(ConfigError, match="never accepts host keys unchecked"):
        refused.app()


def test_the_known_type_is_negotiated_when_the_server_has_several(sshd_factory, tmp_path):
    server = sshd_factory()
    server.stop()
    ecdsa_path = os.path.join(server.root, "ssh_host_ecdsa_key")
    subprocess.run([_tool("ssh-keygen"), "-q", "-t", "ecdsa", "-N", "", "-f", ecdsa_path], check=True)
    with open(server.config_path, "a") as handle:
        handle.write("HostKey {0}\n".format(ecdsa_path))
    server.start()
    ecdsa = paramiko.ECDSAKey(filename=ecdsa_path)
    name = server.known_hosts_name
    both(Case(server, tmp_path / "ecdsa", [line(name, ecdsa)]), OK)
    both(Case(server, tmp_path / "ed25519", [line(name, server.host_key)]), OK)
    both(Case(server, tmp_path / "wrong-ecdsa", [line(name, paramiko.ECDSAKey.generate())]), CHANGED)


def test_host_certificates_agree_with_openssh(sshd_factory, tmp_path):
    keygen = _tool("ssh-keygen")
    server = sshd_factory()
    server.stop()
    ca_path, other_ca_path = str(tmp_path / "ca"), str(tmp_path / "other_ca")
    ca, other_ca = write_key_pair(ca_path), write_key_pair(other_ca_path)
    subprocess.run([keygen, "-q", "-s", ca_path, "-I", "camera", "-h", "-n", "127.0.0.1,cam.example",
                    "-V", "-5m:+1h", server.host_key_path + ".pub"], check=True, capture_output=True)
    with open(server.config_path, "a") as handle:
        handle.write("HostCertificate {0}-cert.pub\n".format(server.host_key_path))
    server.start()
    pattern = "[127.0.0.1]:*"
    both(Case(server, tmp_path / "trusted", [line(pattern, ca, "@cert-authority")]), OK)
    error = both(Case(server, tmp_path / "other-ca", [line(pattern, other_ca, "@cert-authority")]), UNTRUSTED)
    assert isinstance(error, HostKeyRefused) and "authority" in str(error)
    error = both(Case(server, tmp_path / "ca-revoked", [line(pattern, ca, "@cert-authority"),
                                                       line("*", ca, "@revoked")]), REVOKED)
    # A certificate for other names only: refused, unless the plain key is known (as OpenSSH falls back).
    subprocess.run([keygen, "-q", "-s", ca_path, "-I", "camera", "-h", "-n", "cam.example",
                    server.host_key_path + ".pub"], check=True, capture_output=True)
    server.stop()
    server.start()
    error = both(Case(server, tmp_path / "principal", [line(pattern, ca, "@cert-authority")]), UNTRUSTED)
    assert isinstance(error, HostKeyRefused) and "cam.example" in str(error)
    both(Case(server, tmp_path / "principal-plain", [line(pattern, ca, "@cert-authority"),
                                                    line(server.known_hosts_name, server.host_key)]), OK)


def test_proxy_jump_over_two_hops_and_proxy_command_agree_with_openssh(sshd_factory, tmp_path):
    target, jump = sshd_factory(), sshd_factory()
    known = [line(target.known_hosts_name, target.host_key), line(jump.known_hosts_name, jump.host_key)]
    # Two hops through the same jump server under two names (OpenSSH refuses a hop named twice as a loop):
    # it reaches itself, then the target.
    hops = "".join("Host {0}\n  HostName 127.0.0.1\n  Port {1}\n".format(alias, jump.port)
                   for alias in ("jump-a", "jump-b"))
    config = hops + "Host target\n  HostName 127.0.0.1\n  ProxyJump jump-a,{0}@jump-b\n".format(jump.user)
    multi = Case(target, tmp_path / "jump", known, config=config, keys=[jump.client_key])
    logins = jump.log.count("Accepted publickey")
    assert multi.openssh("target")[0] == OK
    assert _wait_until(lambda: jump.log.count("Accepted publickey") == logins + 2, 10.0), jump.log[-2000:]
    assert multi.app("target")[0] == OK
    assert _wait_until(lambda: jump.log.count("Accepted publickey") == logins + 4, 10.0), jump.log[-2000:]
    # ProxyCommand: OpenSSH's own ssh -W through the jump server carries the connection.
    hop_config = Case(jump, tmp_path / "hop", [line(jump.known_hosts_name, jump.host_key)]).config
    command = "{0} -F {1} -o BatchMode=yes -p {2} -W %h:%p 127.0.0.1".format(_tool("ssh"), hop_config, jump.port)
    config = "Host target\n  HostName 127.0.0.1\n  ProxyCommand {0}\n".format(command)
    proxied = Case(target, tmp_path / "command", known, config=config)
    assert proxied.openssh("target")[0] == OK
    assert proxied.app("target")[0] == OK
    assert _wait_until(lambda: jump.log.count("Accepted publickey") == logins + 6, 10.0), jump.log[-2000:]


def test_config_with_include_tokens_and_timeouts_reads_the_same_with_and_without_ssh(sshd, tmp_path, monkeypatch):
    included = tmp_path / "cams.conf"
    included.write_text(
        "Host cam\n  HostName 127.0.0.1\n  Port {port}\n  IdentityFile {folder}/%h-%p.key\n"
        "  UserKnownHostsFile {folder}/known_%h\n  ConnectTimeout 7\n  ServerAliveInterval 3\n"
        "  IdentitiesOnly yes\n  StrictHostKeyChecking accept-new\n  ProxyJump a@j1:2200,j2\n".format(
            port=sshd.port, folder=tmp_path))
    config = tmp_path / "config"
    config.write_text("Include {0}\nHost *\n  User student\n".format(included))
    options = SshOptions(ssh_config=str(config))
    device = Device(name="cam", host="cam")
    with_ssh = resolve(device, options)
    assert (with_ssh.host, with_ssh.port, with_ssh.user) == ("127.0.0.1", sshd.port, "student")
    assert with_ssh.identity_files == (str(tmp_path / "127.0.0.1-{0}.key".format(sshd.port)),)
    assert with_ssh.user_known_hosts == (str(tmp_path / "known_127.0.0.1"),)
    assert (with_ssh.connect_timeout, with_ssh.server_alive_interval) == (7.0, 3)
    assert with_ssh.identities_only and with_ssh.strict_host_key_checking == "accept-new"
    assert with_ssh.proxy_jump == "a@j1:2200,j2"
    plain = resolve(Device(name="x", host="other"), SshOptions(ssh_config=str(included)))
    assert plain.identity_files == () and plain.user == "aws_cam"  # ssh's default key list is not "configured"
    monkeypatch.setattr(ssh_module.shutil, "which", lambda name: None)
    assert resolve(device, options) == with_ssh
    assert resolve(Device(name="x", host="other"), SshOptions(ssh_config=str(included))) == plain
    assert resolve(Device(name="x", host="other"), options).user == "student"
    assert resolve(Device(name="x", host="other"), SshOptions(ssh_config=str(included))).user == "aws_cam"


def test_an_unknown_host_key_error_is_a_host_key_error():
    assert issubclass(HostKeyRevoked, HostKeyError) and issubclass(HostKeyRefused, HostKeyError)


def _public_blob(path):
    write_key_pair(path)
    with open(str(path) + ".pub") as handle:
        return base64.b64decode(handle.read().split()[1])



def test_hash_known_hosts_records_hashed_names_as_openssh_does(sshd, tmp_path):
    config = "Host *\n  StrictHostKeyChecking accept-new\n  HashKnownHosts yes\n"
    for label in ("ssh", "app"):
        case = Case(sshd, tmp_path / label, config=config)
        assert (case.openssh() if label == "ssh" else case.app())[0] == OK
        with open(case.known_hosts) as handle:
            text = handle.read()
        assert text.startswith("|1|") and "127.0.0.1" not in text, (label, text)
        assert host_key_of(case.known_hosts, sshd.known_hosts_name) == [sshd.host_key]
        assert case.openssh()[0] == OK and case.app()[0] == OK  # each reads the other's kind of line


def test_a_config_ssh_rejects_is_one_sentence_naming_the_line(tmp_path):
    _tool("ssh")
    config = tmp_path / "config"
    config.write_text("Host cam\n  HostName 127.0.0.1\n  Fooo bar\n")
    with pytest.raises(ConfigError, match=r"line 3: Bad configuration option: fooo\. Fix the file"):
        resolve(Device(name="cam", host="cam"), SshOptions(ssh_config=str(config)))
