"""Stand-in for the DeepLens ``awscam`` module, used by Lambdas run on the virtual DeepLens.

Same calls and result shapes as on the camera:

* ``getLastFrame()`` -> ``(True, BGR frame)`` from the source named by ``DEEPLENS_SIM_SCENE`` ("scene",
  "file:PATH" or "camera:N", see deeplens_gui.sim.scene), paced at ``DEEPLENS_SIM_FPS`` (default 15);
  ``(False, None)`` when the source cannot deliver (the reason goes to the Lambda's log).
* ``Model(path, config, runtime=0)`` with ``doInference(img)`` -> ``{output name: ndarray}`` and
  ``parseResult(model_type, raw)`` -> ``{'classification': [{'label', 'prob'}...]}`` or
  ``{'ssd': [{'label', 'prob', 'xmin', 'ymin', 'xmax', 'ymax'}...]}`` (model-input pixels), sorted by
  probability, highest first.

What runs for an artifact ``<dir>/<name>.xml`` (the file must exist, as on the camera):
``<dir>/<name>.onnx`` when present (cv2.dnn); otherwise the stand-in that deeplens_gui.sim.models names
for ``<name>``: an ONNX download (raises ModelUnavailable with what to do when it cannot be had) or,
for the face SSD, OpenCV's Haar frontal-face cascade.
"""

import math
import os
import sys
import threading
import time

import cv2
import numpy as np

from deeplens_gui.sim import models as _models
from deeplens_gui.sim.scene import open_source

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
        now = time.monotonic()
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


class Model(object):
    """A model loaded from an artifact path, as ``awscam.Model``."""

    def __init__(self, model_topology_file, loading_config=None, runtime=0):
        path = str(model_topology_file)
        if runtime not in (0, 1):
            raise ValueError("runtime must be 0 (Intel DLDT) or 1 (Neo)")
        if not os.path.isfile(path):
            raise IOError("Model artifact {0} not found; deploy the project's model first.".format(path))
        stem = os.path.splitext(os.path.basename(path))[0]
        onnx_path = os.path.join(os.path.dirname(path), stem + ".onnx")
        spec = _models.MODELS.get(stem)
        self._cascade = None
        self._net = None
        self._input_size = None
        self._spec = spec
        if os.path.isfile(onnx_path):
            self._load_onnx(onnx_path)
        elif spec is None:
            raise IOError("The virtual DeepLens cannot run {0}: put an ONNX version of it next to the "
                          "artifact as {1}.".format(path, onnx_path))
        elif spec.kind == "haar":
            self._cascade = cv2.CascadeClassifier(str(_models.ensure_model(stem)))
        else:
            self._load_onnx(str(_models.ensure_model(stem)))

    def _load_onnx(self, weights):
        self._net = cv2.dnn.readNetFromONNX(weights)
        self._output = self._net.getUnconnectedOutLayersNames()[0]

    def doInference(self, img):
        """Run the model on a BGR image already resized to the model input; ``{output name: array}``."""
        self._input_size = (img.shape[1], img.shape[0])
        if self._cascade is not None:
            return {"detection_out": self._detect_faces(img)}
        # RGB scaled to 0..1, then the model's own normalisation (the IR on a camera has it built in).
        blob = cv2.dnn.blobFromImage(img, 1.0 / 255.0, self._input_size, swapRB=True)
        if self._spec is not None and self._spec.mean:
            mean = np.array(self._spec.mean, np.float32).reshape(1, 3, 1, 1)
            std = np.array(self._spec.std, np.float32).reshape(1, 3, 1, 1)
            blob = (blob - mean) / std
        self._net.setInput(blob)
        return {self._output: self._net.forward(self._output)}

    def _detect_faces(self, img):
        """Haar faces as SSD DetectionOutput rows ``[image, label, conf, xmin, ymin, xmax, ymax]`` (0..1)."""
        in_w, in_h = self._input_size
        aspect = float(_last_shape[1]) / _last_shape[0] if _last_shape is not None else float(in_w) / in_h
        if aspect >= float(in_w) / in_h:
            work_w, work_h = int(round(in_h * aspect)), in_h
        else:
            work_w, work_h = in_w, int(round(in_w / aspect))
        gray = cv2.equalizeHist(cv2.cvtColor(cv2.resize(img, (work_w, work_h)), cv2.COLOR_BGR2GRAY))
        boxes, _, weights = self._cascade.detectMultiScale3(
            gray, scaleFactor=1.2, minNeighbors=4, minSize=(48, 48), outputRejectLevels=True)
        rows = []
        for (x, y, w, h), weight in zip(np.asarray(boxes).reshape(-1, 4), np.asarray(weights).ravel()):
            # The margin of the cascade's last stage, squashed to 0..1: strong faces score above 0.9,
            # the faint false hits a cascade also returns fall below the samples' 0.25 threshold.
            conf = 1.0 / (1.0 + math.exp(-(float(weight) - 6.0)))
            rows.append([0, 1, conf, x / float(work_w), y / float(work_h),
                         (x + w) / float(work_w), (y + h) / float(work_h)])
        return np.array(rows, np.float32).reshape(1, 1, -1, 7)

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
        raise ValueError("The virtual DeepLens parses 'classification' and 'ssd' results, not {0!r}.".format(
            model_type))
