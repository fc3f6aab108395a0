"""CLI edge cases over a real sshd: JPEGs with FF D8 in their tables, timeouts that hold, encrypted keys,
and expected failures that print one sentence (no traceback) unless --debug asks for the details."""

import fcntl
import os
import pty
import select
import socket
import subprocess
import sys
import termios
import threading
import time
from io import BytesIO

from PIL import Image

from deeplens_gui import cli
from deeplens_gui.core.mjpeg import FrameReader
from tests.fixtures.frames import make_image, make_jpeg
from tests.fixtures.sshd import free_port

WORKTREE = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _args(sshd, stream, *extra, identity=None, timeout="10"):
    return ["{0}@{1}:{2}".format(sshd.user, sshd.host, sshd.port), "-i", identity or sshd.client_key,
            "-F", sshd.ssh_config, "--known-hosts", sshd.known_hosts, "--stream-path", str(stream),
            "--timeout", timeout] + list(extra)


def _quality_18_frames(count):
    frames = []
    for index in range(count):
        if index % 2:
            out = BytesIO()
            Image.fromarray(make_image(index)[:, :, ::-1]).save(out, "JPEG", quality=18)
            frames.append(out.getvalue())
        else:
            frames.append(make_jpeg(index, quality=18))
    return frames


def test_record_keeps_quality_18_frames_with_ff_d8_in_their_tables(sshd, deeplens_fifo, tmp_path):
    frames = _quality_18_frames(30)
    assert all(b"\xff\xd8" in frame[2:frame.index(b"\xff\xda")] for frame in frames)
    writer = deeplens_fifo(frames=frames, fps=30)
    out = tmp_path / "clip.mjpeg"
    assert cli.main(["record"] + _args(sshd, writer.path, "-o", str(out), "--frames", "20")) == 0
    reader = FrameReader()
    got = reader.feed(out.read_bytes())
    assert reader.discarded_bytes == 0 and len(got) == 20
    first = writer.produced.index(got[0])
    assert got == writer.produced[first:first + 20]


def test_a_stream_of_no_frames_fails_within_the_timeout(sshd, deeplens_fifo, tmp_path, capsys):
    writer = deeplens_fifo(frames=[bytes(range(256)) * 200], fps=30)  # data, but never a JPEG
    started = time.monotonic()
    code = cli.main(["record"] + _args(sshd, writer.path, "-o", str(tmp_path / "x.mjpeg"), "--frames", "5",
                                       timeout="3"))
    elapsed = time.monotonic() - started
    assert code == 1
    assert elapsed < 3 + 2.0, elapsed
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not JPEG frames" in err[0], err


def test_encrypted_key_opens_with_passphrase_env(sshd, deeplens_fifo, tmp_path, monkeypatch):
    writer = deeplens_fifo()
    monkeypatch.setenv("DEEPLENS_TEST_PASSPHRASE", sshd.passphrase)
    out = tmp_path / "frame.jpg"
    assert cli.main(["snapshot"] + _args(sshd, writer.path, "-o", str(out), "--passphrase-env",
                                         "DEEPLENS_TEST_PASSPHRASE", identity=sshd.encrypted_key)) == 0
    assert out.read_bytes() in writer.produced


def _cli(*args, tty=False, stdin_text=None, env=None):
    """Run ``python -m deeplens_gui ARGS`` (this worktree); on a pseudo-terminal with ``tty``."""
    env = dict(os.environ if env is None else env, PYTHONPATH=WORKTREE)
    argv = [sys.executable, "-m", "deeplens_gui"] + list(args)
    if not tty:
        done = subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, env=env, timeout=60,
                              check=False)
        return done.returncode, done.stdout.decode(), done.stderr.decode()
    controller, terminal = pty.openpty()
    process = subprocess.Popen(argv, stdin=terminal, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                               preexec_fn=_take_terminal)  # noqa: PLW1509 - only os calls, no locks
    os.close(terminal)
    seen = b""
    deadline = time.monotonic() + 30
    try:
        while b"Passphrase for key" not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([controller], [], [], 1.0)
            if ready:
                seen += os.read(controller, 1024)
        assert b"Passphrase for key" in seen, seen
        os.write(controller, stdin_text.encode() + b"\n")
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    return process.returncode, out.decode(), err.decode()


def _take_terminal():
    # A new session whose controlling terminal is the pty on stdin, as in a shell: getpass asks on /dev/tty.
    os.setsid()
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def test_on_a_terminal_the_passphrase_is_asked(sshd, deeplens_fifo, tmp_path):
    writer = deeplens_fifo()
    out = tmp_path / "frame.jpg"
    code, _, err = _cli("snapshot", *_args(sshd, writer.path, "-o", str(out), identity=sshd.encrypted_key),
                        tty=True, stdin_text=sshd.passphrase)
    assert code == 0, err
    assert out.read_bytes() in writer.produced


def test_without_a_terminal_a_locked_key_is_one_sentence(sshd, tmp_path):
    code, _, err = _cli("snapshot", *_args(sshd, "/tmp/results.mjpeg", "-o", str(tmp_path / "x.jpg"),
                                           identity=sshd.encrypted_key))
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "needs its passphrase" in lines[0], err


def test_expected_failures_print_one_sentence_and_debug_shows_the_rest(sshd, tmp_path):
    with socket.socket() as fake:  # answers the TCP connect, then hangs up without an SSH banner
        fake.bind(("127.0.0.1", 0))
        fake.listen(8)
        port = fake.getsockname()[1]
        stop = threading.Event()

        def hang_up():
            while not stop.is_set():
                ready, _, _ = select.select([fake], [], [], 0.1)
                if ready:
                    peer, _ = fake.accept()
                    peer.close()

        thread = threading.Thread(target=hang_up)
        thread.start()
        try:
            target = "{0}@127.0.0.1:{1}".format(sshd.user, port)
            base = ["snapshot", target, "-F", sshd.ssh_config, "--known-hosts", sshd.known_hosts, "-o",
                    str(tmp_path / "x.jpg"), "--timeout", "5"]
            code, _, err = _cli(*base)
            assert code == 1
            assert err.startswith("deeplens-gui: error: Could not start an SSH session") and \
                len(err.strip().splitlines()) == 1, err
            code, _, err = _cli(*(base + ["--debug"]))
            assert code == 1
            assert "Error reading SSH protocol banner" in err and "paramiko" in err
        finally:
            stop.set()
            thread.join()
    code, _, err = _cli("snapshot", "{0}@127.0.0.1:{1}".format(sshd.user, free_port()), "-F", sshd.ssh_config,
                        "--known-hosts", sshd.known_hosts, "-o", str(tmp_path / "x.jpg"))
    assert code == 1 and len(err.strip().splitlines()) == 1 and "refused the connection" in err, err
