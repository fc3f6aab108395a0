"""The virtual camera: scene sources, the awscam and greengrasssdk stand-ins, and the shared LocalDisplay."""

import errno
import importlib.util
import json
import os
import sys
import time
import types

import cv2
import numpy as np
import pytest

from deeplens_gui.core.mjpeg import FrameReader
from deeplens_gui.core.projects import bundled_projects
from deeplens_gui.sim import scene
from deeplens_gui.sim.runtime import DEVICE_MODULES, prepare_artifacts
from tests.device.conftest import BLUE_CLASS, DEVICE_LAMBDA, MASK_CLASS, write_clip, write_tiny_classifier


def _load(name, path):
    """Import a device-side module from its file, under a private name, without touching sys.path."""
    spec = importlib.util.spec_from_file_location(name, str(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def awscam():
    return _load("virtual_awscam", DEVICE_MODULES / "awscam" / "__init__.py")


@pytest.fixture(scope="module")
def ipc_client():
    return _load("virtual_ipc_client", DEVICE_MODULES / "greengrass_ipc_python_sdk" / "ipc_client.py")


@pytest.fixture
def greengrasssdk(ipc_client, monkeypatch):
    # The stand-in imports the Greengrass core's IPC client, which the device finds on its path.
    package = types.ModuleType("greengrass_ipc_python_sdk")
    monkeypatch.setitem(sys.modules, "greengrass_ipc_python_sdk", package)
    monkeypatch.setitem(sys.modules, "greengrass_ipc_python_sdk.ipc_client", ipc_client)
    return _load("virtual_greengrasssdk", DEVICE_MODULES / "greengrasssdk" / "__init__.py")


@pytest.fixture(scope="module")
def local_display():
    return _load("shared_local_display", DEVICE_LAMBDA / "common" / "local_display.py")


def _face_model(awscam, tmp_path):
    artifact = prepare_artifacts(bundled_projects()["face"], tmp_path)
    assert "Haar" in artifact.read_text()
    return awscam.Model(str(artifact), {"GPU": 1})


# --- scene -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("spec, parsed", [
    ("scene", ("scene", None)), ("", ("scene", None)), ("file:/videos/a b.mp4", ("file", "/videos/a b.mp4")),
    ("camera:0", ("camera", 0)), ("camera:12", ("camera", 12)),
])
def test_source_specs(spec, parsed):
    assert scene.parse_spec(spec) == parsed


@pytest.mark.parametrize("spec", ["camera:", "camera:x", "file:", "webcam", "scene:2"])
def test_bad_source_specs_say_what_is_accepted(spec):
    with pytest.raises(ValueError, match="file:PATH"):
        scene.parse_spec(spec)


def test_scene_animates_and_has_the_camera_size():
    source = scene.SceneSource()
    first, later = source.render(0.0), source.render(2.0)
    assert first.shape == (1080, 1920, 3) and first.dtype == np.uint8
    assert np.array_equal(first, source.render(0.0))
    assert np.mean(cv2.absdiff(first, later)) > 1.0


def test_the_face_stand_in_finds_every_scene_face_through_a_square_model_input(awscam, tmp_path):
    model = _face_model(awscam, tmp_path)
    source = scene.SceneSource()
    for t in np.linspace(0.0, 20.0, 12):
        frame = source.render(float(t))
        awscam._last_shape = frame.shape  # as getLastFrame would have set it
        found = model.parseResult("ssd", model.doInference(cv2.resize(frame, (300, 300))))["ssd"]
        assert [item["prob"] for item in found] == sorted((item["prob"] for item in found), reverse=True)
        confident = [item for item in found if item["prob"] >= 0.25]
        for cx, cy, height in source.faces(float(t)):
            x, y = cx * 300.0 / 1920, cy * 300.0 / 1080
            hits = [item for item in confident
                    if item["xmin"] < x < item["xmax"] and item["ymin"] < y < item["ymax"]]
            assert len(hits) == 1, "t={0}: face at {1} not found once in {2}".format(t, (cx, cy), found)
            assert hits[0]["label"] == 1 and hits[0]["prob"] > 0.5
        assert len(confident) == len(source.faces(float(t)))


def test_video_file_source_loops(tmp_path):
    clip = write_clip(tmp_path / "clip.avi", (0, 255, 0), size=(160, 120), frames=5)
    source = scene.open_source("file:{0}".format(clip))
    try:
        frames = [source.read() for _ in range(12)]
    finally:
        source.close()
    assert all(frame.shape == (120, 160, 3) for frame in frames)
    assert frames[-1][60, 80, 1] > 200


def test_a_missing_video_file_is_an_io_error(tmp_path):
    with pytest.raises(IOError, match="Cannot open the video file"):
        scene.open_source("file:{0}".format(tmp_path / "none.avi"))


# --- awscam ------------------------------------------------------------------------------------------

def test_get_last_frame_is_paced_at_the_camera_rate(awscam, monkeypatch):
    monkeypatch.setenv("DEEPLENS_SIM_FPS", "20")
    awscam.getLastFrame()
    start = time.monotonic()
    frames = [awscam.getLastFrame() for _ in range(6)]
    elapsed = time.monotonic() - start
    assert all(ok for ok, _ in frames) and frames[-1][1].shape == (1080, 1920, 3)
    assert 0.25 <= elapsed < 2.0


def test_classification_results_match_the_camera_shape(awscam, tmp_path):
    # The mask project's first artifact is the workshop's mxnet_squeezenet.xml: the ONNX file next to it runs.
    artifact = prepare_artifacts(bundled_projects()["mask"], tmp_path)
    assert artifact.name == "mxnet_squeezenet.xml" and "SqueezeNet 1.1" in artifact.read_text()
    write_tiny_classifier(artifact.with_suffix(".onnx"))
    model = awscam.Model(str(artifact), {"GPU": 1})
    red = np.zeros((224, 224, 3), np.uint8)
    red[:] = (0, 0, 255)
    parsed = model.parseResult("classification", model.doInference(red))["classification"]
    assert len(parsed) == 1000 and parsed[0] == {"label": MASK_CLASS, "prob": pytest.approx(1.0, abs=1e-3)}
    assert [item["prob"] for item in parsed] == sorted((item["prob"] for item in parsed), reverse=True)
    blue = red[..., ::-1].copy()
    top = model.parseResult("classification", model.doInference(blue))["classification"][0]
    assert top["label"] == BLUE_CLASS


def test_a_fallback_artifact_the_camera_has_is_kept(tmp_path):
    # A camera that never ran the workshop but has the model converted under the project's fallback name.
    (tmp_path / "squeezenet1.1.xml").write_text("<converted/>")
    artifact = prepare_artifacts(bundled_projects()["mask"], tmp_path)
    assert artifact == tmp_path / "squeezenet1.1.xml" and artifact.read_text() == "<converted/>"
    assert not (tmp_path / "mxnet_squeezenet.xml").exists()


def test_a_missing_artifact_fails_like_on_a_camera(awscam, tmp_path):
    with pytest.raises(IOError, match="not found"):
        awscam.Model(str(tmp_path / "squeezenet1.1.xml"), {"GPU": 1})


def test_an_artifact_the_virtual_device_cannot_run_says_how_to_fix_it(awscam, tmp_path):
    (tmp_path / "custom.xml").write_text("<net/>")
    with pytest.raises(IOError, match="custom.onnx"):
        awscam.Model(str(tmp_path / "custom.xml"), {"GPU": 1})


# --- greengrasssdk -----------------------------------------------------------------------------------

def test_publish_appends_json_lines(greengrasssdk, tmp_path, monkeypatch):
    results = tmp_path / "results.jsonl"
    monkeypatch.setenv("DEEPLENS_RESULTS_PATH", str(results))
    client = greengrasssdk.client("iot-data")
    client.publish(topic="$aws/things/deeplens_x/infer", payload=json.dumps({"face": 0.9}))
    client.publish(topic="$aws/things/deeplens_x/infer", payload=b"Model loaded")
    records = [json.loads(line) for line in results.read_text().splitlines()]
    assert [r["payload"] for r in records] == ['{"face": 0.9}', "Model loaded"]
    assert {r["topic"] for r in records} == {"$aws/things/deeplens_x/infer"}
    assert all(abs(r["time"] - time.time()) < 60 for r in records)
    with pytest.raises(ValueError, match="iot-data"):
        greengrasssdk.client("lambda")


def test_results_file_is_bounded(greengrasssdk, ipc_client, tmp_path, monkeypatch):
    results = tmp_path / "results.jsonl"
    monkeypatch.setenv("DEEPLENS_RESULTS_PATH", str(results))
    monkeypatch.setattr(ipc_client, "MAX_BYTES", 2000)
    client = greengrasssdk.client("iot-data")
    for index in range(200):
        client.publish(topic="t", payload="result {0}".format(index))
    assert results.stat().st_size <= 2000
    assert (tmp_path / "results.jsonl.1").stat().st_size <= 2000
    assert json.loads(results.read_text().splitlines()[-1])["payload"] == "result 199"


# --- LocalDisplay ------------------------------------------------------------------------------------

def _read_frames(path, count, timeout=10.0):
    fd = os.open(str(path), os.O_RDONLY | os.O_NONBLOCK)
    reader, frames = FrameReader(), []
    deadline = time.monotonic() + timeout
    try:
        while len(frames) < count and time.monotonic() < deadline:
            try:
                data = os.read(fd, 1 << 16)
            except OSError as error:
                assert error.errno == errno.EAGAIN
                data = b""
            if data:
                frames.extend(reader.feed(data))
            else:
                time.sleep(0.01)
    finally:
        os.close(fd)
    return frames


def test_local_display_streams_survives_readers_leaving_and_stops(local_display, tmp_path, monkeypatch):
    monkeypatch.delenv("DEEPLENS_STREAM_RESOLUTION", raising=False)
    fifo = tmp_path / "results.mjpeg"
    display = local_display.LocalDisplay("480p", stream_path=str(fifo))
    display.start()
    try:
        deadline = time.monotonic() + 5
        while not fifo.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        first = _read_frames(fifo, 2)
        assert first and cv2.imdecode(np.frombuffer(first[0], np.uint8), 1).shape == (480, 858, 3)
        green = np.zeros((1080, 1920, 3), np.uint8)
        green[:] = (0, 255, 0)
        display.set_frame_data(green)
        later = _read_frames(fifo, 3)  # a new reader after the first one went away
        image = cv2.imdecode(np.frombuffer(later[-1], np.uint8), 1)
        assert image.shape == (480, 858, 3) and image[240, 429, 1] > 200
    finally:
        display.join(5)
    assert not display.is_alive()


def test_local_display_stops_without_ever_having_a_reader(local_display, tmp_path):
    display = local_display.LocalDisplay("720p", stream_path=str(tmp_path / "nobody.mjpeg"))
    display.start()
    time.sleep(0.2)
    started = time.monotonic()
    display.join(5)
    assert not display.is_alive() and time.monotonic() - started < 1.0


def test_local_display_resolution_comes_from_the_environment(local_display, monkeypatch, tmp_path):
    monkeypatch.setenv("DEEPLENS_STREAM_RESOLUTION", "720p")
    assert local_display.LocalDisplay("480p", stream_path=str(tmp_path / "x")).resolution == (1280, 720)
    monkeypatch.setenv("DEEPLENS_STREAM_RESOLUTION", "4k")
    with pytest.raises(Exception, match="Invalid resolution"):
        local_display.LocalDisplay("480p", stream_path=str(tmp_path / "x"))
