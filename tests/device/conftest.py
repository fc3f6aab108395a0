"""Fixtures for the device code: Lambdas run on the virtual DeepLens, clips, a tiny ONNX classifier."""

import errno
import json
import os
import socket
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from deeplens_gui.core.mjpeg import FrameReader
from deeplens_gui.sim import python2
from deeplens_gui.sim.runtime import spawn_lambda, stop_lambda

REPO = Path(__file__).resolve().parents[2]
DEVICE_LAMBDA = REPO / "device_lambda"
MASK_CLASS = 643
#: The class the tiny test classifier picks for a blue picture ("cock", any class but 643 would do).
BLUE_CLASS = 7


def camera_python27():
    """The camera's Python 2.7 (``deeplens-gui sim --setup-python2``, which CI runs), else this machine's
    python2.7, else None. The prepared one has numpy and OpenCV; a bare python2.7 runs stdlib-only code."""
    script = python2.prepared()
    if script is not None:
        return str(script)
    found = python2.find_interpreter()
    return str(found) if found else None


PYTHON27 = camera_python27()
#: In CI a missing Python 2.7 fails the Python 2.7 tests (.ci/run prepares one) instead of skipping them.
MISSING_PYTHON27 = "python2.7-not-prepared-run-deeplens-gui-sim--setup-python2"


def python27_param():
    """A pytest param "py27" for tests parametrised over interpreters: skipped without one, failing in CI."""
    missing = PYTHON27 is None and os.environ.get("CI") != "true"
    return pytest.param(PYTHON27 or MISSING_PYTHON27, id="py27",
                        marks=pytest.mark.skipif(missing, reason="no Python 2.7: run {0}".format(
                            python2.SETUP_COMMAND)))


def require_python27():
    """The Python 2.7 for a test; skips without one (fails in CI, where .ci/run prepares it)."""
    if PYTHON27 is None:
        if os.environ.get("CI") == "true":
            pytest.fail("No Python 2.7: .ci/run prepares it with {0}.".format(python2.SETUP_COMMAND))
        pytest.skip("no Python 2.7: run {0}".format(python2.SETUP_COMMAND))
    return PYTHON27


class LambdaRun:
    """One Lambda process on a virtual device, with its stream, results and log paths."""

    def __init__(self, process, stream_path, results_path, log_path):
        self.process = process
        self.stream_path = stream_path
        self.results_path = results_path
        self.log_path = log_path

    def log(self):
        try:
            return self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""

    def read_frames(self, count, timeout=30.0):
        """Open the FIFO as a reader and return at least ``count`` whole JPEG frames."""
        deadline = time.monotonic() + timeout
        while not self.stream_path.exists():
            self._check_alive(deadline, "the stream FIFO to appear")
            time.sleep(0.05)
        fd = os.open(str(self.stream_path), os.O_RDONLY | os.O_NONBLOCK)
        reader = FrameReader()
        frames = []
        try:
            while len(frames) < count:
                self._check_alive(deadline, "{0} frames (got {1})".format(count, len(frames)))
                try:
                    data = os.read(fd, 1 << 16)
                except OSError as error:
                    if error.errno != errno.EAGAIN:
                        raise
                    data = b""
                if data:
                    frames.extend(reader.feed(data))
                else:
                    time.sleep(0.02)
        finally:
            os.close(fd)
        return frames

    def results(self):
        """Every published record, in order."""
        try:
            lines = self.results_path.read_text().splitlines()
        except FileNotFoundError:
            return []
        return [json.loads(line) for line in lines if line.strip()]

    def wait_results(self, predicate, count, timeout=30.0):
        """Records whose payload satisfies ``predicate``, once at least ``count`` of them exist."""
        deadline = time.monotonic() + timeout
        while True:
            matching = [record for record in self.results() if predicate(record["payload"])]
            if len(matching) >= count:
                return matching
            self._check_alive(deadline, "{0} matching results (got {1})".format(count, len(matching)))
            time.sleep(0.1)

    def _check_alive(self, deadline, waiting_for):
        if self.process.poll() is not None:
            pytest.fail("the Lambda exited ({0}) while waiting for {1}; log:\n{2}".format(
                self.process.returncode, waiting_for, self.log()))
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting for {0}; log:\n{1}".format(waiting_for, self.log()))


@pytest.fixture
def run_lambda(tmp_path):
    """``run_lambda(project_dir, **spawn_kwargs) -> LambdaRun``; every process group is killed afterwards."""
    runs = []

    def start(project_dir, **kwargs):
        index = len(runs)
        run = LambdaRun(None, tmp_path / "results{0}.mjpeg".format(index),
                        tmp_path / "results{0}.jsonl".format(index), tmp_path / "lambda{0}.log".format(index))
        run.process = spawn_lambda(project_dir, tmp_path / "device{0}".format(index), run.stream_path,
                                   run.results_path, run.log_path, **kwargs)
        runs.append(run)
        return run

    yield start
    for run in runs:
        stop_lambda(run.process)


def json_payload(payload):
    """The payload as a dict when it is a JSON object, else None (status strings are plain text)."""
    try:
        value = json.loads(payload)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def decode(jpeg):
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None, "not a decodable JPEG"
    return image


def write_clip(path, colour, size=(320, 240), frames=20):
    """A short MJPG clip of one solid BGR colour."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, size)
    assert writer.isOpened()
    frame = np.empty((size[1], size[0], 3), np.uint8)
    frame[:] = colour
    for _ in range(frames):
        writer.write(frame)
    writer.release()
    return path


def write_tiny_classifier(path, input_size=(224, 224)):
    """An ONNX ImageNet-shaped classifier: mean colour -> 1000 softmax scores.

    Red pictures score class 643 ("mask") highest, blue ones BLUE_CLASS.
    """
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    weights = np.zeros((3, 1000), np.float32)
    weights[0, MASK_CLASS], weights[2, MASK_CLASS] = 4.0, -4.0  # channel 0 is red (RGB input)
    weights[0, BLUE_CLASS], weights[2, BLUE_CLASS] = -4.0, 4.0
    graph = helper.make_graph(
        [
            helper.make_node("GlobalAveragePool", ["data"], ["pooled"]),
            helper.make_node("Flatten", ["pooled"], ["flat"], axis=1),
            helper.make_node("MatMul", ["flat", "weights"], ["logits"]),
            helper.make_node("Softmax", ["logits"], ["prob"], axis=1),
        ],
        "tiny_classifier",
        [helper.make_tensor_value_info("data", TensorProto.FLOAT, [1, 3, input_size[1], input_size[0]])],
        [helper.make_tensor_value_info("prob", TensorProto.FLOAT, [1, 1000])],
        initializer=[numpy_helper.from_array(weights, "weights")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 11)])
    model.ir_version = 7
    onnx.checker.check_model(model)
    Path(path).write_bytes(model.SerializeToString())
    return path


def closed_port():
    """A 127.0.0.1 port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
