"""Snapshots and recordings are written whole or not at all."""

import json
import os
import subprocess
import time

import cv2
import pytest

from deeplens_gui.core.errors import ConfigError, StorageError
from deeplens_gui.core.files import AtomicFile, atomic_write
from deeplens_gui.core.recording import mp4_codec, open_recording, save_snapshot
from tests.fixtures.frames import make_jpegs


def test_jpeg_snapshot_is_the_received_bytes(tmp_path):
    jpeg = make_jpegs(1)[0]
    save_snapshot(jpeg, tmp_path / "a.jpg")
    assert (tmp_path / "a.jpg").read_bytes() == jpeg


def test_png_snapshot_decodes(tmp_path):
    jpeg = make_jpegs(1, 858, 480)[0]
    save_snapshot(jpeg, tmp_path / "a.png")
    image = cv2.imread(str(tmp_path / "a.png"))
    assert image.shape == (480, 858, 3)


def test_mjpeg_recording_is_byte_identical(tmp_path):
    frames = make_jpegs(5)
    rec = open_recording(tmp_path / "r.mjpeg")
    for jpeg in frames:
        rec.write(jpeg)
    assert not (tmp_path / "r.mjpeg").exists(), "the file appears only when complete"
    rec.close()
    assert (tmp_path / "r.mjpeg").read_bytes() == b"".join(frames)
    assert [p.name for p in tmp_path.iterdir()] == ["r.mjpeg"]


def _probe(path):
    """ffprobe's view of a video file: codec, size, frame count and duration."""
    out = subprocess.run(["ffprobe", "-v", "error", "-count_packets", "-show_entries",
                          "stream=codec_name,width,height,nb_read_packets:format=duration", "-of", "json",
                          str(path)], capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    return dict(data["streams"][0], duration=float(data["format"]["duration"]))


@pytest.mark.parametrize("fps", [2, 5, 15])
@pytest.mark.parametrize("ext", [".mp4", ".avi"])
def test_video_lasts_as_long_as_the_recording_at_any_camera_rate(tmp_path, ext, fps):
    wall = 3.0
    frames = make_jpegs(6, 320, 240)
    # Frames that arrived 1/fps apart over the last three seconds; the recording is closed now.
    start = time.monotonic() - wall
    rec = open_recording(tmp_path / ("r" + ext))
    count = int(wall * fps)
    for i in range(count):
        rec.write(frames[i % len(frames)], start + i / fps)
    before = time.monotonic() - start
    rec.close()
    after = time.monotonic() - start  # the last frame lasts until close(): encoding time counts as wall time
    info = _probe(tmp_path / ("r" + ext))
    assert 0.95 * before <= info["duration"] <= 1.05 * after, (info, before, after)
    assert (info["width"], info["height"]) == (320, 240)
    if ext == ".mp4":
        assert info["codec_name"] == ("h264" if mp4_codec() == "libx264" else "mpeg4")
        assert int(info["nb_read_packets"]) == count + 1, "every frame, and the last one again at the end"
    else:
        assert info["codec_name"] == "mjpeg"


def test_avi_keeps_the_received_jpegs(tmp_path):
    frames = make_jpegs(4, 320, 240)
    rec = open_recording(tmp_path / "r.avi")
    for jpeg in frames:
        rec.write(jpeg)
    rec.close()
    data = (tmp_path / "r.avi").read_bytes()
    assert all(jpeg in data for jpeg in frames), "the JPEGs are stored as received, not re-encoded"


def test_h264_is_what_this_install_writes():
    # PyAV's wheels carry an FFmpeg with libx264; a build without it falls back to MPEG-4 (and says so).
    assert mp4_codec() == "libx264"


def test_a_stream_that_changes_size_keeps_the_first_size(tmp_path):
    rec = open_recording(tmp_path / "r.mp4")
    rec.write(make_jpegs(1, 480, 640)[0])  # the DeepLens placeholder: 480 wide, 640 tall
    for jpeg in make_jpegs(3, 858, 480):
        rec.write(jpeg)
    rec.close()
    info = _probe(tmp_path / "r.mp4")
    assert (info["width"], info["height"]) == (480, 640) and int(info["nb_read_packets"]) == 5


def test_unknown_extensions_are_refused(tmp_path):
    with pytest.raises(ConfigError, match=".mjpeg, .mp4 or .avi"):
        open_recording(tmp_path / "r.gif")
    with pytest.raises(ConfigError, match=".jpg or .png"):
        save_snapshot(make_jpegs(1)[0], tmp_path / "r.bmp")


def test_read_only_folder_gives_a_clear_error_and_keeps_the_old_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions; the full-disk test covers the same path")
    target = tmp_path / "a.jpg"
    target.write_bytes(b"old")
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(StorageError, match="previous file there is unchanged"):
            atomic_write(target, b"new")
    finally:
        tmp_path.chmod(0o700)
    assert target.read_bytes() == b"old"


def test_full_disk_gives_a_clear_error_and_keeps_the_old_file(tmp_path):
    full = "/dev/full"
    if not os.path.exists(full):
        pytest.skip("no /dev/full on this system")
    target = tmp_path / "a.jpg"
    target.write_bytes(b"old")
    out = AtomicFile(target)
    out.file.close()
    out.file = open(full, "wb", buffering=0)
    with pytest.raises(StorageError, match="disk is full"):
        out.write(b"x" * 4096)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.jpg"]


def test_discarded_recording_leaves_nothing(tmp_path):
    rec = open_recording(tmp_path / "r.mp4")
    rec.write(make_jpegs(1)[0])
    rec.discard()
    assert list(tmp_path.iterdir()) == []
