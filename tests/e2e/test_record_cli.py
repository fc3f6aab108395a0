"""Recordings from virtual DeepLens cameras play as long as they were recorded, and pipes get MJPEG."""

import json
import os
import subprocess
import sys
import time

import pytest

from deeplens_gui import cli
from deeplens_gui.core.mjpeg import FrameReader

pytestmark = pytest.mark.slow
RATES = (2.0, 5.0, 15.0)


@pytest.fixture
def paced_fleet(tmp_path):
    """Three cameras at 2, 5 and 15 frames per second, running the face project."""
    from deeplens_gui.sim.fleet import Fleet

    fleet = Fleet(len(RATES), base_dir=tmp_path / "paced", project="face", camera_fps=list(RATES)).start()
    try:
        known_hosts = fleet.write_known_hosts(tmp_path / "paced.known_hosts")
        yield fleet, fleet.write_roster(tmp_path / "paced.toml", known_hosts=known_hosts)
    finally:
        fleet.stop()


def _ffprobe(path_or_stdin, data=None, fmt=None):
    command = ["ffprobe", "-v", "error", "-count_packets", "-show_entries",
               "stream=codec_name,width,height,nb_read_packets:format=duration", "-of", "json"]
    command += (["-f", fmt] if fmt else []) + [path_or_stdin]
    out = subprocess.run(command, input=data, capture_output=True, check=True).stdout
    info = json.loads(out)
    return dict(info["streams"][0], duration=float(info["format"].get("duration", "nan")))


def test_mp4_lasts_as_long_as_it_was_recorded_at_2_5_and_15_fps(paced_fleet, tmp_path, capsys):
    fleet, roster = paced_fleet
    for device in fleet.devices:
        out = tmp_path / (device.name + ".mp4")
        assert cli.main(["record", device.name, "--roster", str(roster), "-o", str(out), "--seconds", "4"]) == 0
        info = _ffprobe(str(out))
        assert info["codec_name"] == "h264" and (info["width"], info["height"]) == (858, 480)
        # --seconds counts from the first frame; the file must last that long, not frames / 15, nor as long as
        # the command took to notice the time was up (the last frame ends at the time asked for).
        assert abs(info["duration"] - 4.0) <= 0.01 * 4.0, (device.name, info)
    assert capsys.readouterr().out.count("(H.264)") == len(RATES)


def test_record_to_standard_output_feeds_a_player(paced_fleet):
    fleet, roster = paced_fleet
    device = fleet.devices[2]
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "deeplens_gui", "record", device.name, "--roster", str(roster),
                             "-o", "-", "--frames", "10"], capture_output=True, timeout=120,
                            env=dict(os.environ, PYTHONPATH=os.getcwd()))
    assert result.returncode == 0, result.stderr
    frames = FrameReader().feed(result.stdout)
    assert len(frames) == 10 and b"".join(frames) == result.stdout, "MJPEG as received, nothing else on stdout"
    info = _ffprobe("pipe:0", data=result.stdout, fmt="mjpeg")
    assert info["codec_name"] == "mjpeg" and int(info["nb_read_packets"]) == 10
    assert (info["width"], info["height"]) == (858, 480)
    assert b"Saved 10 frames of " + device.name.encode() + b" to standard output" in result.stderr
    assert time.monotonic() - started < 120


def test_a_closed_player_ends_the_recording_quietly(paced_fleet):
    fleet, roster = paced_fleet
    device = fleet.devices[2]
    # `head -c` takes the first bytes and closes the pipe, as a player does when its window is closed.
    pipeline = ("{0} -m deeplens_gui record {1} --roster {2} -o - --seconds 60 | head -c 1000 >/dev/null"
                .format(sys.executable, device.name, roster))
    started = time.monotonic()
    result = subprocess.run(["bash", "-o", "pipefail", "-c", pipeline], capture_output=True, text=True,
                            timeout=60, env=dict(os.environ, PYTHONPATH=os.getcwd()))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert time.monotonic() - started < 30, "the recording stopped with the player, not after 60 s"


def test_snapshot_to_standard_output_is_one_jpeg(paced_fleet):
    fleet, roster = paced_fleet
    result = subprocess.run([sys.executable, "-m", "deeplens_gui", "snapshot", fleet.devices[1].name,
                             "--roster", str(roster), "-o", "-"], capture_output=True, timeout=120,
                            env=dict(os.environ, PYTHONPATH=os.getcwd()))
    assert result.returncode == 0, result.stderr
    assert FrameReader().feed(result.stdout) == [result.stdout] and result.stdout[:2] == b"\xff\xd8"
