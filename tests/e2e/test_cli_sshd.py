"""The headless CLI against a real OpenSSH sshd and a DeepLens-like FIFO writer."""

import os
import subprocess
import sys

import pytest

from deeplens_gui import cli
from deeplens_gui.core.mjpeg import FrameReader
from deeplens_gui.core.ssh import fingerprint
from tests.fixtures.frames import make_jpegs


def _args(sshd, fifo_path, *extra, known_hosts=None):
    return [
        "{0}@{1}:{2}".format(sshd.user, sshd.host, sshd.port),
        "-i", sshd.client_key,
        "-F", sshd.ssh_config,
        "--known-hosts", known_hosts or sshd.known_hosts,
        "--stream-path", str(fifo_path),
        "--timeout", "10",
    ] + list(extra)


def _frames(path):
    reader = FrameReader()
    frames = reader.feed(path.read_bytes())
    assert reader.discarded_bytes == 0
    return frames


def test_snapshot_returns_a_whole_frame_that_was_written(sshd, deeplens_fifo, tmp_path, capsys):
    writer = deeplens_fifo()
    out = tmp_path / "frame.jpg"
    assert cli.main(["snapshot"] + _args(sshd, writer.path, "-o", str(out))) == 0
    assert out.read_bytes() in writer.produced
    assert "Saved a frame" in capsys.readouterr().out


def test_snapshot_png_decodes_to_the_frame_size(sshd, deeplens_fifo, tmp_path):
    writer = deeplens_fifo(frames=make_jpegs(20, 858, 480))
    out = tmp_path / "frame.png"
    assert cli.main(["snapshot"] + _args(sshd, writer.path, "-o", str(out))) == 0
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    import cv2

    assert cv2.imread(str(out)).shape == (480, 858, 3)


def test_record_returns_the_frames_written_byte_for_byte_in_order(sshd, deeplens_fifo, tmp_path):
    writer = deeplens_fifo(frames=make_jpegs(90), fps=30)
    out = tmp_path / "clip.mjpeg"
    assert cli.main(["record"] + _args(sshd, writer.path, "-o", str(out), "--frames", "40")) == 0
    frames = _frames(out)
    assert len(frames) == 40
    assert len(set(frames)) == 40, "no frame repeated"
    first = writer.produced.index(frames[0])
    assert frames == writer.produced[first:first + 40], "every unique frame, in the order produced"


def test_record_mp4_by_seconds(sshd, deeplens_fifo, tmp_path):
    writer = deeplens_fifo(frames=make_jpegs(90), fps=30)
    out = tmp_path / "clip.mp4"
    assert cli.main(["record"] + _args(sshd, writer.path, "-o", str(out), "--seconds", "1")) == 0
    import cv2

    capture = cv2.VideoCapture(str(out))
    count = int(capture.get(cv2.CAP_PROP_FRAME_COUNT))
    capture.release()
    assert 10 <= count <= 60


def test_no_project_running_is_one_clear_line(sshd, tmp_path, capsys):
    missing = tmp_path / "no" / "results.mjpeg"
    args = _args(sshd, missing, "-o", str(tmp_path / "x.jpg"))
    args[args.index("--timeout") + 1] = "2"
    assert cli.main(["snapshot"] + args) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "No project is running" in err[0] and str(missing) in err[0]
    assert not (tmp_path / "x.jpg").exists()


def test_unknown_host_key_needs_an_explicit_yes(sshd, deeplens_fifo, tmp_path, capsys):
    writer = deeplens_fifo()
    known = sshd.empty_known_hosts()
    out = tmp_path / "f.jpg"
    assert cli.main(["snapshot"] + _args(sshd, writer.path, "-o", str(out), known_hosts=known)) == 1
    err = capsys.readouterr().err
    assert fingerprint(sshd.host_key) in err and "--accept-new-host-key" in err
    assert not os.path.exists(known) and not out.exists()
    assert cli.main(["snapshot"] + _args(sshd, writer.path, "-o", str(out), "--accept-new-host-key",
                                         known_hosts=known)) == 0
    assert sshd.known_hosts_name in open(known).read()
    out.unlink()
    assert cli.main(["snapshot"] + _args(sshd, writer.path, "-o", str(out), known_hosts=known)) == 0


def test_changed_host_key_is_refused_even_with_accept_new(sshd, deeplens_fifo, tmp_path, capsys):
    import paramiko

    writer = deeplens_fifo()
    known = tmp_path / "known_hosts"
    impostor = paramiko.Ed25519Key.from_private_key_file(sshd.client_key)  # any other ed25519 key
    known.write_text("{0} {1} {2}\n".format(sshd.known_hosts_name, impostor.get_name(), impostor.get_base64()))
    out = tmp_path / "f.jpg"
    code = cli.main(["snapshot"] + _args(sshd, writer.path, "-o", str(out), "--accept-new-host-key",
                                         known_hosts=str(known)))
    assert code == 1
    err = capsys.readouterr().err
    assert "CHANGED" in err and fingerprint(sshd.host_key) in err and fingerprint(impostor) in err
    assert "ssh-keygen -R" in err
    assert not out.exists()


def test_wrong_key_is_an_auth_failure(sshd, deeplens_fifo, tmp_path, capsys):
    from tests.fixtures.sshd import write_key_pair

    writer = deeplens_fifo()
    stranger = str(tmp_path / "stranger")
    write_key_pair(stranger)
    args = _args(sshd, writer.path, "-o", str(tmp_path / "f.jpg"))
    args[args.index("-i") + 1] = stranger
    env = dict(os.environ, HOME=str(tmp_path), SSH_AUTH_SOCK="")
    result = subprocess.run([sys.executable, "-m", "deeplens_gui", "snapshot"] + args, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "refused the login" in result.stderr


def test_closed_port_and_unknown_host(tmp_path, capsys):
    from tests.fixtures.sshd import free_port

    out = str(tmp_path / "f.jpg")
    assert cli.main(["snapshot", "aws_cam@127.0.0.1:{0}".format(free_port()), "-o", out, "--timeout", "3"]) == 1
    assert "refused" in capsys.readouterr().err.lower()
    assert cli.main(["snapshot", "aws_cam@no-such-camera.invalid", "-o", out, "--timeout", "3"]) == 1
    assert "no-such-camera.invalid" in capsys.readouterr().err


@pytest.mark.parametrize("bad", [["snapshot", "cam", "-o", "x.gif"], ["record", "cam", "-o", "x.txt", "--frames", "1"]])
def test_bad_output_type_is_refused_before_connecting(bad, capsys):
    assert cli.main(bad) == 1
    assert "saved as" in capsys.readouterr().err
