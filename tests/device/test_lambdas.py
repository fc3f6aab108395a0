"""The bundled Lambdas, unchanged, on the virtual DeepLens: stream frames, published results, drawn labels."""


import numpy as np
import pytest

from deeplens_gui.core.projects import bundled_projects
from tests.device.conftest import (
    BLUE_CLASS,
    DEVICE_LAMBDA,
    MASK_CLASS,
    closed_port,
    decode,
    json_payload,
    write_clip,
    write_tiny_classifier,
)

TOPIC = "$aws/things/deeplens_virtual/infer"
SCENE_SIZE = (1920, 1080)


def _colour_pixels(image, channel):
    """Pixels that are clearly one pure colour (BGR channel index), as drawn text is."""
    others = [c for c in range(3) if c != channel]
    return int(np.count_nonzero((image[..., channel] > 150) & (image[..., others[0]] < 90)
                                & (image[..., others[1]] < 90)))


def test_face_lambda_finds_the_scene_faces_and_streams_480p(run_lambda):
    run = run_lambda(DEVICE_LAMBDA / "face_detection")
    frames = run.read_frames(8)
    for jpeg in frames[-3:]:
        assert decode(jpeg).shape == (480, 858, 3)
    results = run.wait_results(lambda payload: bool((json_payload(payload) or {}).get("faces")), 3)
    for record in results:
        assert record["topic"] == TOPIC
        for face in json_payload(record["payload"])["faces"]:
            xmin, ymin, xmax, ymax = face["box"]
            assert 0 <= xmin < xmax < SCENE_SIZE[0] and 0 <= ymin < ymax < SCENE_SIZE[1]
            assert 0.25 <= face["prob"] <= 1.0
            # The scene's faces are 300-390 px tall at 1080p; a correctly scaled box is about that size.
            assert 200 < ymax - ymin < 500 and 0.6 < (xmax - xmin) / float(ymax - ymin) < 1.6
    statuses = [record["payload"] for record in run.results() if json_payload(record["payload"]) is None]
    assert "Face detection model loaded" in statuses


def test_face_lambda_keeps_streaming_to_a_reader_that_comes_back(run_lambda):
    run = run_lambda(DEVICE_LAMBDA / "face_detection")
    first = run.read_frames(3)
    second = run.read_frames(3)  # the first reader closed: the writer saw EPIPE and must wait for us
    assert decode(first[-1]).shape == decode(second[-1]).shape == (480, 858, 3)
    assert run.process.poll() is None


@pytest.mark.parametrize("colour, label, top_class, ink", [
    ((0, 0, 255), "Mask", MASK_CLASS, 1),       # a red picture: class 643, "Mask" drawn in green
    ((255, 0, 0), "Not Mask", BLUE_CLASS, 2),   # a blue picture: another class, "Not Mask" drawn in red
])
def test_mask_lambda_labels_by_class_643(run_lambda, tmp_path, colour, label, top_class, ink):
    artifacts = tmp_path / "artifacts"
    artifacts.mkdir()
    for name in bundled_projects()["mask"].model_artifacts:  # whichever one the device prepares
        write_tiny_classifier(artifacts / (name.rsplit(".", 1)[0] + ".onnx"))
    clip = write_clip(tmp_path / "solid.avi", colour)
    run = run_lambda(DEVICE_LAMBDA / "mask_detection", scene="file:{0}".format(clip), artifacts_dir=artifacts)
    results = run.wait_results(lambda payload: json_payload(payload) is not None, 3)
    for record in results:
        assert record["topic"] == TOPIC
        result = json_payload(record["payload"])
        assert result["label"] == label and result["top_class"] == top_class
        assert result["prob"] > 0.9
    assert json_payload(results[0]["payload"])["top_label"] == ("mask" if label == "Mask" else "cock")
    image = decode(run.read_frames(4)[-1])
    assert image.shape == (480, 858, 3)
    other_ink = 1 if ink == 2 else 2
    # The picture is pure red or blue, so green or red pixels there can only be the drawn label.
    assert _colour_pixels(image, ink) > 200
    if other_ink == 1:
        assert _colour_pixels(image, other_ink) == 0


def test_mask_lambda_without_weights_reports_what_to_do_and_keeps_streaming(run_lambda, tmp_path):
    cache = tmp_path / "cache"
    mirror = "http://127.0.0.1:{0}/models".format(closed_port())
    run = run_lambda(DEVICE_LAMBDA / "mask_detection",
                     extra_env={"DEEPLENS_MODEL_CACHE": str(cache), "DEEPLENS_MODEL_MIRROR": mirror})
    errors = run.wait_results(lambda payload: payload.startswith("Error in mask detection lambda:"), 1)
    message = errors[0]["payload"]
    assert mirror + "/squeezenet1.1-7.onnx" in message
    assert str(cache / "squeezenet1.1-7.onnx") in message
    frames = run.read_frames(4)
    assert decode(frames[-1]).shape == (480, 858, 3)
    assert run.process.poll() is None
    assert not any(cache.glob("*")), "nothing may be cached after a failed download"
