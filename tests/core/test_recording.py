"""Snapshots and recordings are written whole or not at all."""

import os

import cv2
import pytest

from deeplens_gui.core.errors import ConfigError, StorageError
from deeplens_gui.core.files import AtomicFile, atomic_write
from deeplens_gui.core.recording import open_recording, save_snapshot
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


@pytest.mark.parametrize("ext", [".mp4", ".avi"])
def test_video_recording_has_the_frames(tmp_path, ext):
    frames = make_jpegs(6, 320, 240)
    rec = open_recording(tmp_path / ("r" + ext), fps=10)
    for jpeg in frames:
        rec.write(jpeg)
    rec.close()
    cap = cv2.VideoCapture(str(tmp_path / ("r" + ext)))
    count = 0
    while True:
        ok, image = cap.read()
        if not ok:
            break
        assert image.shape == (240, 320, 3)
        count += 1
    cap.release()
    assert count == 6


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
