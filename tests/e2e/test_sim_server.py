"""The virtual DeepLens: SSH servers on 127.0.0.1 that behave like cameras (exec, stdin, FIFOs, SFTP, auth)."""

import contextlib
import io
import os
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import paramiko
import pytest

from deeplens_gui.core.roster import load_roster
from deeplens_gui.sim import python2
from deeplens_gui.sim.fleet import Fleet, VirtualDevice
from deeplens_gui.sim.namespace import mode_sentence
from deeplens_gui.sim.server import VirtualSshServer, ensure_ed25519_key
from tests.fixtures.frames import make_jpegs
from tests.fixtures.signals import signal_a_worker_thread, tgkill
from tests.fixtures.sim import ssh_client

REPO = Path(__file__).resolve().parents[2]


def _run(client, command, stdin=None, timeout=10):
    chan = client.get_transport().open_session(timeout=timeout)
    chan.settimeout(timeout)
    chan.exec_command(command)
    if stdin is not None:
        chan.sendall(stdin)
    chan.shutdown_write()
    out = chan.makefile("rb").read()
    err = chan.makefile_stderr("rb").read()
    status = chan.recv_exit_status()
    chan.close()
    return out, err, status


def _pid_alive(pid):
    # A zombie counts as gone: in a container PID 1 may never reap orphans.
    try:
        with open("/proc/{0}/stat".format(pid)) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state != "Z"


def _wait_until(predicate, timeout=5.0, interval=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return predicate()


def _read_line(chan, timeout=5.0):
    chan.settimeout(timeout)
    data = b""
    while not data.endswith(b"\n"):
        chunk = chan.recv(1)
        assert chunk, "channel closed before a full line: {0!r}".format(data)
        data += chunk
    return data.decode().strip()


def _sim_threads():
    return [t.name for t in threading.enumerate() if t.name.startswith("sim-") and t.is_alive()]


# -- exec ---------------------------------------------------------------------------------------------------


def test_exec_returns_stdout_stderr_and_exit_status(sim_device):
    with ssh_client(sim_device) as client:
        out, err, status = _run(client, "echo to-out; echo to-err >&2; exit 7")
    assert out == b"to-out\n"
    assert err == b"to-err\n"
    assert status == 7


def test_exec_runs_in_device_root_with_device_environment(sim_device):
    with ssh_client(sim_device) as client:
        out, _, status = _run(
            client,
            'pwd; echo "$HOME|$USER|$DEEPLENS_STREAM_PATH|$DEEPLENS_RESULTS_PATH|$DEEPLENS_SIM_SCENE|$PYTHONPATH"',
        )
    assert status == 0
    cwd, env = out.decode().splitlines()
    camera = sim_device.paths.camera
    assert cwd == camera(sim_device.root)
    home, user, stream, results, scene, pythonpath = env.split("|")
    assert home == camera(sim_device.root)
    assert user == "aws_cam"
    assert stream == camera(sim_device.stream_path)
    assert results == camera(sim_device.results_path)
    assert scene == "scene"
    assert Path(pythonpath) == REPO / "deeplens_gui" / "sim" / "device_modules"


def test_exec_stdin_is_echoed_by_cat(sim_device):
    payload = bytes(range(256)) * 400  # ~100 kB: more than one channel window chunk, binary-safe
    with ssh_client(sim_device) as client:
        out, err, status = _run(client, "cat", stdin=payload)
    assert out == payload
    assert err == b""
    assert status == 0


def test_process_killed_by_signal_reports_128_plus_signal(sim_device):
    with ssh_client(sim_device) as client:
        _, _, status = _run(client, "kill -TERM $$")
    assert status == 128 + signal.SIGTERM


def test_env_request_for_locale_is_applied(sim_device):
    with ssh_client(sim_device) as client:
        _, stdout, _ = client.exec_command('echo "$LC_ALL"', environment={"LC_ALL": "C.UTF-8"}, timeout=5)
        assert stdout.read() == b"C.UTF-8\n"


def test_many_concurrent_sessions_share_one_connection(sim_device):
    with ssh_client(sim_device) as client:
        transport = client.get_transport()
        channels = []
        for index in range(8):
            chan = transport.open_session(timeout=5)
            chan.exec_command("read line; echo got-$line-{0}".format(index))
            channels.append(chan)
        sftp = client.open_sftp()
        assert sftp.normalize(".") == sim_device.paths.camera(sim_device.root)
        for index, chan in reversed(list(enumerate(channels))):
            chan.sendall("x{0}\n".format(index).encode())
        for index, chan in enumerate(channels):
            assert _read_line(chan) == "got-x{0}-{0}".format(index)
            assert chan.recv_exit_status() == 0
            chan.close()
        sftp.close()
        assert sim_device.server.connection_count() == 1


def test_shell_request_runs_an_interactive_shell(sim_device):
    with ssh_client(sim_device) as client:
        chan = client.invoke_shell()
        chan.sendall(b"echo shell-$((6*7))\nexit 0\n")
        chan.settimeout(5)
        out = b""
        while True:
            chunk = chan.recv(4096)
            if not chunk:
                break
            out += chunk
        assert b"shell-42" in out
        assert chan.recv_exit_status() == 0


@pytest.mark.parametrize("command", ["cat /proc/uptime", "cat /proc/loadavg", "df -P .", "free"])
def test_status_commands_answer_for_this_machine(sim_device, command):
    with ssh_client(sim_device) as client:
        out, err, status = _run(client, command)
    assert status == 0, err
    text = out.decode()
    if command == "cat /proc/uptime":
        assert float(text.split()[0]) > 0
    elif command == "cat /proc/loadavg":
        assert len(text.split()) == 5
    elif command.startswith("df"):
        assert text.splitlines()[0].split()[0] == "Filesystem"
        assert int(text.splitlines()[1].split()[1]) > 0
    else:
        assert text.splitlines()[1].split()[0] == "Mem:"


# -- FIFO streaming and channel close ---------------------------------------------------------------------------


def test_fifo_written_in_device_dir_is_read_over_exec_cat(sim_device):
    frames = make_jpegs(5)
    expected = b"".join(frames)
    os.mkfifo(str(sim_device.stream_path))

    def write():
        with open(str(sim_device.stream_path), "wb") as fifo:
            fifo.writelines(frames)

    writer = threading.Thread(target=write, name="test-fifo-writer")
    writer.start()
    try:
        with ssh_client(sim_device) as client:
            out, _, status = _run(client, "cat /tmp/../" + str(sim_device.stream_path).lstrip("/"))
    finally:
        writer.join(5)
    assert out == expected
    assert out.count(b"\xff\xd8") >= len(frames)
    assert status == 0


def test_relative_stream_path_resolves_in_device_root(sim_device):
    sim_device.stream_path.write_bytes(b"\xff\xd8frame\xff\xd9")
    with ssh_client(sim_device) as client:
        out, _, status = _run(client, "cat tmp/results.mjpeg")
    assert (out, status) == (b"\xff\xd8frame\xff\xd9", 0)


@pytest.mark.parametrize("how", ["close-channel", "close-connection"])
def test_client_leaving_kills_the_remote_process_group(sim_device, how):
    with ssh_client(sim_device) as client:
        chan = client.get_transport().open_session(timeout=5)
        # The shell, plus a child in the same process group (what a relay pipeline looks like).
        chan.exec_command("sleep 60 & echo $$ $!; wait")
        shell_pid, child_pid = (int(p) for p in _read_line(chan).split())
        assert _pid_alive(shell_pid) and _pid_alive(child_pid)
        assert shell_pid in sim_device.server.session_pids()
        if how == "close-channel":
            chan.close()
            assert _wait_until(lambda: not _pid_alive(shell_pid) and not _pid_alive(child_pid), 3)
            # The connection stays usable for the next session.
            assert _run(client, "echo still-here")[0] == b"still-here\n"
    if how == "close-connection":
        assert _wait_until(lambda: not _pid_alive(shell_pid) and not _pid_alive(child_pid), 3)
    assert _wait_until(lambda: sim_device.server.session_pids() == [], 3)


def test_streaming_cat_dies_when_viewer_leaves(sim_device):
    frames = make_jpegs(3)
    os.mkfifo(str(sim_device.stream_path))
    stop = threading.Event()
    errors = []

    def write_forever():
        # Like a DeepLens LocalDisplay thread: write the current frame again and again.
        try:
            with open(str(sim_device.stream_path), "wb") as fifo:
                index = 0
                while not stop.is_set():
                    fifo.write(frames[index % len(frames)])
                    index += 1
        except BrokenPipeError as exc:
            errors.append(exc)

    writer = threading.Thread(target=write_forever, name="test-fifo-writer")
    writer.start()
    try:
        with ssh_client(sim_device) as client:
            chan = client.get_transport().open_session(timeout=5)
            chan.exec_command("exec cat " + str(sim_device.stream_path))
            chan.settimeout(5)
            got = b""
            while got.count(b"\xff\xd9") < 5:
                got += chan.recv(65536)
            assert got.startswith(frames[0][:64])
            pids = sim_device.server.session_pids()
            assert len(pids) == 1
            chan.close()
            assert _wait_until(lambda: not _pid_alive(pids[0]), 3)
        # With its only reader gone, the device's writer gets EPIPE, as on a camera.
        writer.join(5)
        assert not writer.is_alive()
        assert len(errors) == 1
    finally:
        stop.set()
        if writer.is_alive():
            os.open(str(sim_device.stream_path), os.O_RDONLY | os.O_NONBLOCK)
            writer.join(5)


# -- authentication and policy ------------------------------------------------------------------------------------


def test_wrong_key_is_refused(sim_device, tmp_path):
    ensure_ed25519_key(tmp_path / "stranger")
    with pytest.raises(paramiko.AuthenticationException):
        ssh_client(sim_device, key_filename=tmp_path / "stranger")


def test_password_is_refused(sim_device):
    with pytest.raises(paramiko.AuthenticationException) as info:
        ssh_client(sim_device, password="aws_cam")
    assert isinstance(info.value, paramiko.BadAuthenticationType)
    assert info.value.allowed_types == ["publickey"]


def test_other_user_is_refused_even_with_the_right_key(sim_device):
    with pytest.raises(paramiko.AuthenticationException):
        ssh_client(sim_device, username="root")


def test_unknown_host_key_is_rejected_by_the_client(sim_device, tmp_path):
    other = ensure_ed25519_key(tmp_path / "other_host")
    fake_line = "[127.0.0.1]:{0} ssh-ed25519 {1}".format(sim_device.port, other.get_base64())
    with pytest.raises(paramiko.BadHostKeyException):
        ssh_client(sim_device, known_hosts_line=fake_line)


def test_keepalive_requests_leave_the_connection_working(sim_device):
    with ssh_client(sim_device) as client:
        transport = client.get_transport()
        # OpenSSH's ServerAliveInterval asks for a reply; a refusal is still an answer that proves liveness.
        assert transport.global_request("keepalive@openssh.com", wait=True) is None
        transport.set_keepalive(1)
        assert transport.is_active()
        assert _run(client, "echo alive")[0] == b"alive\n"


def test_port_forwarding_is_refused(sim_device):
    with ssh_client(sim_device) as client:
        transport = client.get_transport()
        with pytest.raises(paramiko.ChannelException):
            transport.open_channel("direct-tcpip", ("127.0.0.1", sim_device.port), ("127.0.0.1", 0), timeout=5)
        with pytest.raises(paramiko.SSHException):
            transport.request_port_forward("127.0.0.1", 0)
        # Refusals do not hurt the connection.
        assert _run(client, "echo ok")[0] == b"ok\n"


@pytest.mark.parametrize("address", ["0.0.0.0", "192.168.1.20", "::1", "::", "localhost", "127.0.0.2"])
def test_binding_anything_but_loopback_is_refused(tmp_path, address):
    with pytest.raises(ValueError):
        VirtualSshServer(tmp_path, tmp_path / "hk", tmp_path / "ak", bind=address)


def test_listens_on_loopback_only(sim_device):
    with socket.create_connection(("127.0.0.1", sim_device.port), timeout=5) as sock:
        assert sock.recv(4).startswith(b"SSH-")
    server_sockets = sim_device.server.address
    assert server_sockets == ("127.0.0.1", sim_device.port)


def test_keys_are_ed25519_and_private_keys_are_0600(sim_device):
    assert sim_device.host_key.get_name() == "ssh-ed25519"
    assert sim_device.client_key.get_name() == "ssh-ed25519"
    for path in (sim_device.client_key_path, sim_device.host_key_path):
        assert stat.S_IMODE(os.stat(str(path)).st_mode) == 0o600
    authorized = sim_device.authorized_keys_path.read_text().split()
    assert authorized[:2] == ["ssh-ed25519", sim_device.client_key.get_base64()]


# -- SFTP --------------------------------------------------------------------------------------------------


def test_sftp_put_mkdir_rename_stat_listdir_chmod_remove(sim_device):
    payload = os.urandom(300000)
    with ssh_client(sim_device) as client:
        sftp = client.open_sftp()
        assert sftp.normalize(".") == sim_device.paths.camera(sim_device.root)
        sftp.mkdir("deploy")
        sftp.putfo(io.BytesIO(payload), "deploy/project.zip.part")
        sftp.rename("deploy/project.zip.part", "deploy/project.zip")
        assert sftp.stat("deploy/project.zip").st_size == len(payload)
        assert sftp.listdir("deploy") == ["project.zip"]
        # Absolute paths are the real filesystem, as on the camera.
        absolute = str(sim_device.root / "deploy" / "run.sh")
        with sftp.open(absolute, "w") as f:
            f.write(b"#!/bin/sh\necho deployed\n")
        sftp.chmod(absolute, 0o755)
        assert stat.S_IMODE(sftp.stat(absolute).st_mode) == 0o755
        # Plain rename refuses to replace (OpenSSH behaviour); posix_rename replaces atomically.
        sftp.putfo(io.BytesIO(b"new"), "deploy/new.zip")
        with pytest.raises(IOError):
            sftp.rename("deploy/new.zip", "deploy/project.zip")
        sftp.posix_rename("deploy/new.zip", "deploy/project.zip")
        with sftp.open("deploy/project.zip", "rb") as f:
            assert f.read() == b"new"
        sftp.remove("deploy/project.zip")
        assert sorted(sftp.listdir("deploy")) == ["run.sh"]
        with pytest.raises(FileNotFoundError):
            sftp.stat("deploy/missing")
        out, _, status = _run(client, "./deploy/run.sh")
        sftp.close()
    assert (sim_device.root / "deploy" / "run.sh").read_bytes() == b"#!/bin/sh\necho deployed\n"
    assert (out, status) == (b"deployed\n", 0)


# -- lifecycle ---------------------------------------------------------------------------------------------------


def test_restart_keeps_port_and_host_key(sim_device):
    port = sim_device.port
    line = sim_device.known_hosts_line()
    with ssh_client(sim_device) as client:
        assert _run(client, "echo before")[0] == b"before\n"
    sim_device.restart()
    assert sim_device.port == port
    assert sim_device.known_hosts_line() == line
    with ssh_client(sim_device, known_hosts_line=line) as client:
        assert _run(client, "echo after")[0] == b"after\n"


def test_host_key_survives_a_new_device_object(tmp_path):
    first = VirtualDevice("virtual-1", tmp_path / "v").start()
    key = first.host_key.get_base64()
    first.stop()
    second = VirtualDevice("virtual-1", tmp_path / "v").start()
    try:
        assert second.host_key.get_base64() == key
        with ssh_client(second) as client:
            assert _run(client, "echo again")[0] == b"again\n"
    finally:
        second.stop()


def test_stop_is_prompt_and_leaves_no_threads_or_processes(sim_device):
    clients = [ssh_client(sim_device) for _ in range(2)]
    pids = []
    channels = []  # kept referenced: a collected paramiko Channel closes itself
    sftps = []
    try:
        for client in clients:
            for _ in range(2):
                chan = client.get_transport().open_session(timeout=5)
                chan.exec_command("echo $$; exec sleep 60")
                pids.append(int(_read_line(chan)))
                channels.append(chan)
            sftps.append(client.open_sftp())
        assert all(_pid_alive(pid) for pid in pids)
        assert _sim_threads()
        started = time.monotonic()
        sim_device.stop()
        elapsed = time.monotonic() - started
        assert elapsed < 1.0, elapsed
        assert _wait_until(lambda: not any(_pid_alive(pid) for pid in pids), 2)
        assert _sim_threads() == []
        assert all(not c.get_transport().is_active() for c in clients) or _wait_until(
            lambda: all(not c.get_transport().is_active() for c in clients), 2
        )
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", sim_device.port), timeout=2).close()
    finally:
        for client in clients:
            client.close()


def test_kill_drops_connections_like_a_dying_camera(sim_device):
    with ssh_client(sim_device) as client:
        chan = client.get_transport().open_session(timeout=5)
        chan.exec_command("echo $$; exec sleep 60")
        pid = int(_read_line(chan))
        sim_device.kill()
        assert _wait_until(lambda: not client.get_transport().is_active(), 3)
        assert _wait_until(lambda: not _pid_alive(pid), 2)
    assert not sim_device.running
    sim_device.restart()
    with ssh_client(sim_device) as client:
        assert _run(client, "echo back")[0] == b"back\n"


def test_ten_devices_start_fast_and_all_answer(sim_fleet, capsys):
    started = time.monotonic()
    fleet = sim_fleet(10)
    elapsed = time.monotonic() - started
    with capsys.disabled():
        print("\n10 virtual devices started in {0:.3f} s".format(elapsed))
    assert elapsed < 3.0
    ports = {d.port for d in fleet.devices}
    assert len(ports) == 10
    for device in fleet.devices:
        with ssh_client(device) as client:
            root = _run(client, "echo $DEEPLENS_SIM_ROOT")[0].decode().strip()
            assert root == device.paths.camera(device.root)


def test_fleet_writes_roster_and_known_hosts(sim_fleet, tmp_path):
    fleet = sim_fleet(3)
    known_hosts = fleet.write_known_hosts(tmp_path / "out" / "known_hosts")
    roster = fleet.write_roster(tmp_path / "out" / "roster.toml", known_hosts=known_hosts)
    loaded = load_roster(roster)
    assert loaded.names() == ["virtual-1", "virtual-2", "virtual-3"]
    assert loaded.known_hosts == str(known_hosts.resolve())
    host_keys = paramiko.HostKeys(str(known_hosts))
    for entry, device in zip(loaded.devices, fleet.devices):
        assert entry == device.device()
        assert (entry.host, entry.port) == ("127.0.0.1", device.port)
        assert host_keys.lookup("[127.0.0.1]:{0}".format(device.port))["ssh-ed25519"] == device.host_key
    described = fleet.devices[1].device()
    assert (described.host, described.user, described.port) == ("127.0.0.1", "aws_cam", fleet.devices[1].port)
    assert described.identity == str(fleet.devices[1].client_key_path)


def test_temporary_fleet_dir_is_removed_at_stop():
    with Fleet(2, project=None) as fleet:
        base = fleet.base_dir
        assert (base / "virtual-2" / "tmp").is_dir()
    assert not base.exists()


# -- the sim command ----------------------------------------------------------------------------------------------


@contextlib.contextmanager
def _sim_command(tmp_path, devices, roster):
    """``deeplens-gui sim`` (its own module) with ``devices`` virtual cameras and no project, read until it
    says how to stop it; yields ``(process, its lines so far)`` and never lets it outlive the test."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "deeplens_gui.sim.cli", "--devices", str(devices), "--project", "none",
         "--base-dir", str(tmp_path / "devices"), "--roster-out", str(roster)],
        cwd=str(REPO), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("Press Ctrl-C"):
                break
        yield proc, lines
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()


def test_sim_command_prints_targets_and_stops_on_sigint(tmp_path):
    roster = tmp_path / "class" / "roster.toml"
    with _sim_command(tmp_path, 2, roster) as (proc, lines):
        device_lines = [line for line in lines if line.startswith("virtual-")]
        assert len(device_lines) == 2, lines
        name, target, _, key, _, stream = device_lines[0].split()
        port = int(target.rpartition(":")[2])
        assert target == "aws_cam@127.0.0.1:{0}".format(port)
        known_hosts = tmp_path / "class" / "roster.known_hosts"
        assert "known_hosts: {0}".format(known_hosts) in lines
        # It says which mode gives the devices their paths, and which Python runs python2.7 projects.
        assert mode_sentence() in lines and python2.describe() in lines
        view = next(line for line in lines if line.startswith("view one: "))
        assert "deeplens-gui snapshot {0} -i {1} --known-hosts {2}".format(target, key, known_hosts) in view
        # With the camera's paths (a mount namespace per device) the app needs no stream path.
        assert ("--stream-path" not in view) if stream == "/tmp/results.mjpeg" else (
            "--stream-path {0}".format(stream) in view)
        device = VirtualDevice(name, tmp_path / "devices" / name, port=port)
        prefix = "[127.0.0.1]:{0} ".format(port)
        line = next(entry for entry in known_hosts.read_text().splitlines() if entry.startswith(prefix))
        with ssh_client(device, known_hosts_line=line) as client:
            assert _run(client, "echo from-cli")[0] == b"from-cli\n"
        proc.send_signal(signal.SIGINT)
        assert proc.wait(10) == 0
        assert "Stopped." in proc.stdout.read()
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


# -- with a real bundled project running (deeplens_gui.sim.runtime) ----------------------------------------------


def _read_stream_frames(device, count, timeout=20.0):
    """``count`` whole JPEGs read over SSH by ``cat`` of the device's project FIFO, as the app's viewer does."""
    path = str(device.stream_path)
    with ssh_client(device) as client:
        chan = client.get_transport().open_session(timeout=5)
        chan.exec_command('while [ ! -p "{0}" ]; do sleep 0.05; done; exec cat "{0}"'.format(path))
        chan.settimeout(timeout)
        data = b""
        frames = []
        while len(frames) < count:
            chunk = chan.recv(65536)
            assert chunk, "stream ended after {0} frames".format(len(frames))
            data += chunk
            while True:
                start = data.find(b"\xff\xd8")
                end = data.find(b"\xff\xd9", start + 2)
                if start < 0 or end < 0:
                    break
                frames.append(data[start:end + 2])
                data = data[end + 2:]
        chan.close()
    return frames[:count]


def _decode(jpeg):
    import cv2
    import numpy as np

    return cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)


@pytest.mark.slow
def test_face_project_streams_jpeg_frames_over_ssh(tmp_path):
    device = VirtualDevice("virtual-1", tmp_path / "virtual-1")
    started = time.monotonic()
    device.start("face")
    try:
        assert device.project == "face" and device.project_running
        frames = _read_stream_frames(device, 3)
        elapsed = time.monotonic() - started
        assert elapsed < 15.0, elapsed
        images = [_decode(frame) for frame in frames]
        assert all(image is not None and image.ndim == 3 and image.shape[2] == 3 for image in images)
        assert stat.S_ISFIFO(os.stat(str(device.stream_path)).st_mode)
        assert _wait_until(lambda: device.results_path.exists() and device.results_path.stat().st_size > 0, 10)
        lambda_pid = device.lambda_pid
        assert _pid_alive(lambda_pid)
    finally:
        device.stop()
    assert not _pid_alive(lambda_pid)
    assert not device.project_running
    assert device.project == "face"  # remembered for restart()


@pytest.mark.slow
def test_project_survives_restart_and_dies_with_kill(sim_device):
    sim_device.start_project("face")
    first = sim_device.lambda_pid
    assert len(_read_stream_frames(sim_device, 1)) == 1
    port = sim_device.port
    sim_device.restart()
    assert sim_device.port == port
    second = sim_device.lambda_pid
    assert second is not None and second != first
    assert not _pid_alive(first)
    assert _decode(_read_stream_frames(sim_device, 1)[0]) is not None
    sim_device.kill()
    assert not _pid_alive(second)
    assert not sim_device.running and not sim_device.project_running
    sim_device.start()
    sim_device.start_project("face")
    third = sim_device.lambda_pid
    sim_device.stop_project()
    assert sim_device.project is None and not _pid_alive(third)
    with ssh_client(sim_device) as client:
        assert _run(client, "echo server-still-up")[0] == b"server-still-up\n"


@pytest.mark.slow
def test_fleet_of_face_devices_each_stream_their_own_frames(sim_fleet):
    fleet = sim_fleet(2, project="face")
    lambda_pids = [device.lambda_pid for device in fleet.devices]
    assert len(set(lambda_pids)) == 2
    for device in fleet.devices:
        assert _decode(_read_stream_frames(device, 2)[1]) is not None
    fleet.stop()
    assert not any(_pid_alive(pid) for pid in lambda_pids)


@pytest.mark.skipif(tgkill() is None, reason="needs Linux with glibc's tgkill")
def test_sim_stops_when_ctrl_c_reaches_one_of_its_server_threads(tmp_path):
    # The kernel hands a process's signal to any of its threads; the main thread must still feel it.
    with _sim_command(tmp_path, 1, tmp_path / "roster.toml") as (proc, lines):
        assert lines and lines[-1].startswith("Press Ctrl-C"), lines
        signal_a_worker_thread(proc.pid, signal.SIGINT)  # the virtual device serves from threads of its own
        assert proc.wait(15) == 0
        assert "Stopped." in proc.stdout.read()
