"""Thumbnails made by the device-side relay: with OpenCV (this Python), without it (a Python 2.7 lacking cv2),
the launcher's choice of interpreter, and requests changed on stdin while the relay runs."""

import os
import subprocess
import sys

import pytest

from deeplens_gui.core import commands, mjpeg
from deeplens_gui.core.commands import relay_command, relay_rate_request, relay_thumb_request
from deeplens_gui.remote import relay
from deeplens_gui.sim import python2 as sim_python2
from tests.core.test_relay import _indices
from tests.core.test_relay import run_relay as relay_runner  # noqa: F401 - used through ``relays``
from tests.device.conftest import require_python27
from tests.fixtures.frames import make_jpegs

#: the size of a DeepLens project stream
FULL = (858, 480)


def _sizes(run):
    return {mjpeg.jpeg_size(frame) for frame in run.got()}


def _thumbnails(run, produced):
    """The frames from the first thumbnail on; those before it (sent while OpenCV was being imported) must be
    the camera's own frames, and none after it may be one."""
    got = run.got()
    first = next((i for i, frame in enumerate(got) if mjpeg.is_thumbnail(frame)), len(got))
    _indices(got[:first], produced)
    assert all(map(mjpeg.is_thumbnail, got[first:]))
    return got[first:]


def _sending(run):
    return [state for state in run.states() if state.startswith(commands.RELAY_SENDING)]


def _bin_folder(tmp_path, **pythons):
    """A PATH folder where each given name (python3, python2, python) runs the given interpreter, plus sh and cat."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, argv in pythons.items():
        script = folder / name
        script.write_text("#!/bin/sh\nexec {} \"$@\"\n".format(" ".join(argv)))
        script.chmod(0o755)
    for tool in ("sh", "cat"):
        os.symlink("/bin/" + tool, folder / tool)
    return folder


@pytest.fixture
def relays(request):
    """test_relay.py's ``run_relay`` fixture: starts relays sharing one rendezvous folder, closes them after."""
    return request.getfixturevalue("relay_runner")


@pytest.fixture
def python2():
    """(argv, env) of a Python 2.7 without OpenCV: this machine's bare python2.7 (the camera's Python 2.7 that
    ``sim --setup-python2`` prepares has OpenCV, see ``camera_python2``)."""
    found = sim_python2.find_interpreter()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI needs a Python 2.7 (pyenv 2.7.18) for the camera-side tests")
        pytest.skip("no python2 interpreter on this machine")
    return [str(found)], None


@pytest.fixture
def camera_python2():
    """(argv, env) of the camera's Python 2.7, with numpy and OpenCV as on a DeepLens."""
    return [require_python27()], None


def test_fit_size_keeps_the_aspect_ratio_inside_the_box():
    assert relay.fit_size(858, 480, 214, 120) == (214, 120)
    assert relay.fit_size(858, 480, 400, 400) == (400, 224)
    assert relay.fit_size(858, 480, 100, 20) == (36, 20)
    assert relay.fit_size(858, 480, 1, 1) == (1, 1)


def test_thumbnails_fit_the_box_while_a_full_view_gets_byte_exact_frames(deeplens_fifo, relays):
    frames = make_jpegs(45, *FULL)
    writer = deeplens_fifo(frames=frames, fps=15)
    full = relays(writer.path, "--max-fps", 0)
    assert full.wait_state("streaming", 10), full.diagnostics()
    tile = relays(writer.path, "--max-fps", 0, "--thumb", "214x120", "--quality", 60)
    assert tile.wait_state("sending thumbnail 214x120 q60", 10), tile.diagnostics()
    assert full.wait_for(lambda: frames[-1] in full.got(), 20), full.diagnostics()
    assert tile.wait_for(lambda: len(_thumbnails(tile, writer.produced)) >= 10, 10), tile.diagnostics()
    # The single view's relay still gets every frame exactly as the camera wrote it.
    _indices(full.got(), writer.produced)
    thumbs = _thumbnails(tile, writer.produced)
    assert {mjpeg.jpeg_size(frame) for frame in thumbs} == {(214, 120)}
    assert not any(map(mjpeg.is_thumbnail, full.got()))
    thumb_bytes = sum(map(len, thumbs)) / len(thumbs)
    full_bytes = sum(map(len, frames)) / len(frames)
    assert thumb_bytes < full_bytes / 8, (thumb_bytes, full_bytes)
    assert "ready sub" in tile.states()


def test_a_box_larger_than_the_frame_sends_the_frames_as_they_are(deeplens_fifo, relays):
    frames = make_jpegs(10)
    writer = deeplens_fifo(frames=frames, fps=20)
    run = relays(writer.path, "--thumb", "1000x1000")
    assert run.wait_for(lambda: frames[-1] in run.got(), 10), run.diagnostics()
    _indices(run.got(), writer.produced)


def test_without_opencv_the_relay_sends_full_frames_and_says_so(deeplens_fifo, relays, python2):
    argv, env = python2
    probe = subprocess.run(argv + ["-c", "import cv2"], env=env, capture_output=True, check=False)
    assert probe.returncode != 0, "this Python 2 has OpenCV: the test needs one without"
    frames = make_jpegs(20, *FULL)
    writer = deeplens_fifo(frames=frames, fps=20)
    run = relays(writer.path, "--thumb", "214x120", python=argv, env=env)
    assert run.wait_for(lambda: frames[-1] in run.got(), 15), run.diagnostics()
    assert _sending(run) == ["sending " + relay.LOADING, "sending full no-opencv"]
    _indices(run.got(), writer.produced)


def test_the_launcher_prefers_the_python_that_has_opencv(deeplens_fifo, relays, python2, tmp_path):
    argv, env = python2
    # python3 lacks cv2 here, python2 has it: the order of preference must not win over OpenCV.
    folder = _bin_folder(tmp_path, python3=argv, python2=[sys.executable])
    frames = make_jpegs(20, *FULL)
    writer = deeplens_fifo(frames=frames, fps=20)
    command = relay_command(str(writer.path), thumb=(160, 100), quality=50)
    run = relays(writer.path, env=dict(env or os.environ, PATH=str(folder)), argv=["sh", "-c", command])
    assert run.wait_state("sending thumbnail 160x100 q50", 15), run.diagnostics()
    assert run.wait_for(lambda: len(_thumbnails(run, writer.produced)) >= 5, 10), run.diagnostics()
    assert {mjpeg.jpeg_size(frame) for frame in _thumbnails(run, writer.produced)} == {(160, 90)}


def test_the_launcher_falls_back_to_full_frames_without_opencv(deeplens_fifo, relays, python2, tmp_path):
    argv, env = python2
    folder = _bin_folder(tmp_path, python3=argv)
    frames = make_jpegs(20, *FULL)
    writer = deeplens_fifo(frames=frames, fps=20)
    command = relay_command(str(writer.path), thumb=(160, 100))
    run = relays(writer.path, env=dict(env or os.environ, PATH=str(folder)), argv=["sh", "-c", command])
    assert run.wait_for(lambda: frames[-1] in run.got(), 15), run.diagnostics()
    assert _sending(run) == ["sending " + relay.LOADING, "sending full no-opencv"]
    _indices(run.got(), writer.produced)


@pytest.mark.parametrize("interpreter", ["python3", "python2", "camera-python2"])
def test_requests_change_on_stdin_while_the_relay_runs(deeplens_fifo, relays, request, interpreter):
    # python2: a bare Python 2.7 (no OpenCV); camera-python2: the camera's Python 2.7, which has OpenCV.
    argv, env = ([sys.executable], None) if interpreter == "python3" else \
        request.getfixturevalue(interpreter.replace("-", "_"))
    opencv = interpreter != "python2"
    frames = make_jpegs(300, *FULL)
    writer = deeplens_fifo(frames=frames, fps=30)
    run = relays(writer.path, "--max-fps", 0, python=argv, env=env, stdin=subprocess.PIPE)
    assert run.wait_for(lambda: len(run.got()) >= 5, 10), run.diagnostics()
    assert _sizes(run) == {FULL}
    run.proc.stdin.write(relay_thumb_request((214, 120), 40) + relay_rate_request(5))
    run.proc.stdin.flush()
    expected = "sending thumbnail 214x120 q40" if opencv else "sending full no-opencv"
    assert run.wait_state(expected, 10), run.diagnostics()
    start = len(run.got())
    assert run.wait_for(lambda: len(run.got()) >= start + 12, 10), run.diagnostics()
    arrivals = [at for at, _ in run.frames[start + 2:start + 12]]
    rate = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0])
    assert rate < 7, f"the rate request was ignored: {rate:.1f} fps"
    if opencv:
        assert mjpeg.jpeg_size(run.got()[-1]) == (214, 120)
    run.proc.stdin.write(relay_thumb_request(None) + relay_rate_request(0))
    run.proc.stdin.flush()
    if opencv:
        assert run.wait_state("sending full", 10), run.diagnostics()
        assert run.wait_for(lambda: mjpeg.jpeg_size(run.got()[-1]) == FULL, 10), run.diagnostics()


def test_request_lines_are_validated():
    assert relay.LOADING == commands.RELAY_LOADING_OPENCV
    assert relay_rate_request(2.5) == b"fps 2.5\n"
    assert relay_thumb_request((320, 180), 75) == b"thumb 320 180 75\n"
    assert relay_thumb_request(None) == b"thumb 0 0 0\n"
    with pytest.raises(ValueError):
        relay_thumb_request((0, 180))
    with pytest.raises(ValueError):
        relay_command("/tmp/x", thumb=(320, 180), quality=101)
    assert "--thumb 320x180 --quality 75" in relay_command("/tmp/x", thumb=(320, 180), quality=75)
