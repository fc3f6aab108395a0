"""Stand-in for the DeepLens ``awscam`` module, used by Lambdas run on the virtual DeepLens.

Same calls and result shapes as on the camera:

* ``getLastFrame()`` -> ``(True, BGR frame)`` from the source named by ``DEEPLENS_SIM_SCENE`` ("scene",
  "file:PATH" or "camera:N", see deeplens_gui.sim.scene), paced at ``DEEPLENS_SIM_FPS`` (default 15);
  ``(False, None)`` when the source cannot deliver (the reason goes to the Lambda's log).
* ``Model(path, config, runtime=0)`` with ``doInference(img)`` -> ``{output name: ndarray}`` and
  ``parseResult(model_type, raw)`` -> ``{'classification': [{'label', 'prob'}...]}`` or
  ``{'ssd': [{'label', 'prob', 'xmin', 'ymin', 'xmax', 'ymax'}...]}`` (model-input pixels), sorted by
  probability, highest first, or ``{'segmentation': class map}`` (the best class of every output pixel).

What runs for an artifact ``<dir>/<name>.xml`` (the file must exist, as on the camera; ``/opt/awscam/
artifacts`` paths are found in the device's own folder when it runs without a mount namespace):
``<dir>/<name>.onnx`` when present (cv2.dnn); otherwise the stand-in deeplens_gui.sim.catalog names for
``<name>`` (OpenCV's Haar face cascade for the face SSD, its HOG people detector for the object-detection
SSD, the SqueezeNet weights of deeplens_gui.sim.models for the SqueezeNets). The Lambda's log says which.
An artifact without a stand-in fails as on a camera without that model, naming it.
Python 2.7 and 3.5+: it runs in the Lambda's own Python.
"""

from __future__ import print_function

import math
import os
import subprocess
import sys
import threading
import time

import cv2
import numpy as np

try:
    from deeplens_gui.sim import catalog
except ImportError:
    # The camera's Python 2.7 has no deeplens_gui installed: the folder that holds it is four levels up.
    sys.path.append(os.path.abspath(os.path.join(os.path.dirname(__file__), *([os.pardir] * 4))))
    from deeplens_gui.sim import catalog
from deeplens_gui.sim.scene import open_source

#: where a camera keeps its models; without its own mount namespace the virtual device keeps them elsewhere
CAMERA_ARTIFACTS = "/opt/awscam/artifacts"
_clock = getattr(time, "monotonic", time.time)
_lock = threading.Lock()
_source = None
_source_error = None
_next_due = 0.0
# Shape of the last frame handed out: the Haar stand-in uses its aspect ratio to undo the squeeze that
# resizing a wide frame to a square model input causes (an SSD is trained for it, a Haar cascade is not).
_last_shape = None


def _fps():
    try:
        fps = float(os.environ.get("DEEPLENS_SIM_FPS", "15"))
    except ValueError:
        fps = 15.0
    return fps if fps > 0 else 15.0


def getLastFrame():
    """The newest camera frame as ``(ret, frame)``, at most once per camera frame period."""
    global _source, _source_error, _next_due, _last_shape
    with _lock:
        now = _clock()
        if _next_due > now:
            time.sleep(_next_due - now)
            now = _next_due
        _next_due = max(_next_due, now) + 1.0 / _fps()
        try:
            if _source is None:
                _source = open_source(os.environ.get("DEEPLENS_SIM_SCENE", "scene"))
            frame = _source.read()
        except (IOError, OSError, ValueError) as error:
            if str(error) != _source_error:
                _source_error = str(error)
                print("awscam: {0}".format(error), file=sys.stderr)
            return False, None
        _last_shape = frame.shape
        return True, frame


def artifacts_dir():
    """The folder that holds this device's model artifacts (``/opt/awscam/artifacts`` on a camera)."""
    return os.environ.get("DEEPLENS_ARTIFACTS_DIR") or CAMERA_ARTIFACTS


def artifact_path(path):
    """``path``, or where this virtual device keeps a camera artifact path when it has no mount namespace."""
    if not os.path.isfile(path) and path.startswith(CAMERA_ARTIFACTS + "/"):
        kept = os.path.join(artifacts_dir(), path[len(CAMERA_ARTIFACTS) + 1:])
        if os.path.isfile(kept):
            return kept
    return path


def _weights(name, model):
    """Path of the weights of stand-in model ``name``; in Python 2 the simulator's Python fetches them."""
    if model["kind"] == "haar":
        return os.path.join(cv2.data.haarcascades, model["file"])
    if sys.version_info[0] >= 3:
        from deeplens_gui.sim import models

        return str(models.ensure_model(name))
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), *([os.pardir] * 4)))
    env = dict(os.environ, PYTHONPATH=root)
    env.pop("PYTHONHOME", None)
    command = [os.environ.get("DEEPLENS_SIM_PYTHON") or "python3", "-m", "deeplens_gui.sim.models", name]
    child = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = child.communicate()
    if child.returncode != 0:
        raise IOError(err.decode("utf-8", "replace").strip() or "Cannot get the weights of {0}.".format(name))
    return out.decode("utf-8").strip()


class Model(object):
    """A model loaded from an artifact path, as ``awscam.Model``."""

    def __init__(self, model_topology_file, loading_config=None, runtime=0):
        path = artifact_path(str(model_topology_file))
        if runtime not in (0, 1):
            raise ValueError("runtime must be 0 (Intel DLDT) or 1 (Neo)")
        stem = os.path.splitext(os.path.basename(path))[0]
        if not os.path.isfile(path):
            raise IOError("Model artifact {0} not found: this DeepLens has no model {1}; deploy it with the "
                          "project first.".format(model_topology_file, stem or "(no name given)"))
        onnx_path = os.path.join(os.path.dirname(path), stem + ".onnx")
        name, spec = catalog.model_for(stem)
        self._cascade = None
        self._hog = None
        self._net = None
        self._input_size = None
        self._spec = spec
        if os.path.isfile(onnx_path):
            self._load_onnx(onnx_path)
            runs = "the ONNX model " + onnx_path
        elif spec is None:
            raise IOError("The virtual DeepLens cannot run the model {0} ({1}): it has no stand-in for it; "
                          "put an ONNX version of it next to the artifact as {2}.".format(
                              stem, path, onnx_path))
        elif spec["kind"] == "haar":
            self._cascade = cv2.CascadeClassifier(_weights(name, spec))
            runs = catalog.standin_sentence(stem)
        elif spec["kind"] == "hog":
            self._hog = cv2.HOGDescriptor()
            self._hog.setSVMDetector(cv2.HOGDescriptor_getDefaultPeopleDetector())
            runs = catalog.standin_sentence(stem)
        else:
            self._load_onnx(_weights(name, spec))
            runs = catalog.standin_sentence(stem)
        print("awscam: model {0} runs on the virtual DeepLens as {1}".format(stem, runs), file=sys.stderr)
        sys.stderr.flush()

    def _load_onnx(self, weights):
        self._net = cv2.dnn.readNetFromONNX(weights)
        self._output = self._net.getUnconnectedOutLayersNames()[0]

    def doInference(self, img):
        """Run the model on a BGR image already resized to the model input; ``{output name: array}``."""
        self._input_size = (img.shape[1], img.shape[0])
        if self._cascade is not None:
            return {"detection_out": self._detect_faces(img)}
        if self._hog is not None:
            return {"detection_out": self._detect_people(img)}
        # RGB scaled to 0..1, then the model's own normalisation (the IR on a camera has it built in).
        blob = cv2.dnn.blobFromImage(img, 1.0 / 255.0, self._input_size, swapRB=True)
        if self._spec is not None and self._spec.get("mean"):
            mean = np.array(self._spec["mean"], np.float32).reshape(1, 3, 1, 1)
            std = np.array(self._spec["std"], np.float32).reshape(1, 3, 1, 1)
            blob = (blob - mean) / std
        self._net.setInput(blob)
        return {self._output: self._net.forward(self._output)}

    def _work_size(self, min_height):
        """A size with the camera frame's aspect ratio (undoing the squeeze to a square model input)."""
        in_w, in_h = self._input_size
        aspect = float(_last_shape[1]) / _last_shape[0] if _last_shape is not None else float(in_w) / in_h
        # int(round()): Python 2.7's round() returns a float.
        tall = int(round(in_w / aspect))  # noqa: RUF046
        height = max(in_h, min_height) if aspect >= float(in_w) / in_h else max(in_h, tall)
        return int(round(height * aspect)), height  # noqa: RUF046

    def _detect_faces(self, img):
        """Haar faces as SSD DetectionOutput rows ``[image, label, conf, xmin, ymin, xmax, ymax]`` (0..1)."""
        work_w, work_h = self._work_size(0)
        gray = cv2.equalizeHist(cv2.cvtColor(cv2.resize(img, (work_w, work_h)), cv2.COLOR_BGR2GRAY))
        boxes, _, weights = self._cascade.detectMultiScale3(
            gray, scaleFactor=1.2, minNeighbors=4, minSize=(48, 48), outputRejectLevels=True)
        # The margin of the cascade's last stage, squashed to 0..1: strong faces score above 0.9,
        # the faint false hits a cascade also returns fall below the samples' 0.25 threshold.
        return _ssd_rows(boxes, weights, 1, work_w, work_h,
                         lambda weight: 1.0 / (1.0 + math.exp(-(weight - 6.0))))

    def _detect_people(self, img):
        """HOG people as SSD DetectionOutput rows (the object-detection sample's "person" label)."""
        # The HOG window is 64x128 pixels: people in a 300x300 input are too small for it.
        work_w, work_h = self._work_size(480)
        boxes, weights = self._hog.detectMultiScale(cv2.resize(img, (work_w, work_h)), winStride=(8, 8),
                                                    padding=(8, 8), scale=1.05)
        return _ssd_rows(boxes, weights, self._spec["label"], work_w, work_h,
                         lambda weight: 1.0 / (1.0 + math.exp(-3.0 * (weight - 0.5))))

    def parseResult(self, model_type, raw):
        """``{model_type: [results]}`` sorted by probability, highest first."""
        if model_type == "classification":
            scores = np.asarray(next(iter(raw.values())), np.float64).ravel()
            if scores.min() < 0 or abs(scores.sum() - 1.0) > 1e-3:
                scores = np.exp(scores - scores.max())
                scores /= scores.sum()
            order = np.argsort(-scores, kind="stable")
            return {"classification": [{"label": int(i), "prob": float(scores[i])} for i in order]}
        if model_type == "ssd":
            in_w, in_h = self._input_size
            rows = np.asarray(raw["detection_out"]).reshape(-1, 7)
            found = [{"label": int(row[1]), "prob": float(row[2]),
                      "xmin": float(row[3]) * in_w, "ymin": float(row[4]) * in_h,
                      "xmax": float(row[5]) * in_w, "ymax": float(row[6]) * in_h} for row in rows]
            return {"ssd": sorted(found, key=lambda item: -item["prob"])}
        if model_type == "segmentation":
            scores = np.asarray(next(iter(raw.values())))
            scores = scores.reshape(scores.shape[-3:]) if scores.ndim >= 3 else scores[np.newaxis]
            return {"segmentation": np.argmax(scores, axis=0).astype(np.int32)}
        raise ValueError("The virtual DeepLens parses 'classification', 'ssd' and 'segmentation' results, "
                         "not {0!r}.".format(model_type))


def _ssd_rows(boxes, weights, label, work_w, work_h, confidence):
    """Detections ``(x, y, w, h)`` in a ``work_w`` x ``work_h`` picture as SSD DetectionOutput rows (0..1)."""
    rows = []
    for (x, y, w, h), weight in zip(np.asarray(boxes).reshape(-1, 4), np.asarray(weights).ravel()):
        rows.append([0, label, confidence(float(weight)), x / float(work_w), y / float(work_h),
                     (x + w) / float(work_w), (y + h) / float(work_h)])
    return np.array(rows, np.float32).reshape(1, 1, -1, 7)
