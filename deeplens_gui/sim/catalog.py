"""What stands in on the virtual DeepLens for each DeepLens model artifact (Python 2.7 and 3.5+, stdlib only).

A DeepLens loads Intel IR files from ``/opt/awscam/artifacts``; the virtual device keeps, under the same
names, a small XML that says what runs instead, and ``awscam.Model`` runs that. This table is read by the
simulator (Python 3) and by the device modules in the Lambda's own Python, which may be the camera's 2.7.

``MODELS``: the models this machine can run, by name: ``kind`` is ``"onnx"`` (cv2.dnn; the weights come
from deeplens_gui.sim.models), ``"haar"`` (an OpenCV cascade file that ships with OpenCV) or ``"hog"``
(OpenCV's built-in HOG people detector). ``ARTIFACTS``: artifact name (without ``.xml``) -> model name, for
the stock DeepLens artifacts the public samples load. ``OPTIMIZED``: what ``mo.optimize(name, ...)`` makes.
"""

import io
import os
from xml.sax.saxutils import quoteattr

MODELS = {
    "squeezenet1.1": {
        "kind": "onnx", "file": "squeezenet1.1-7.onnx",
        "description": "SqueezeNet 1.1 ImageNet classifier (ONNX Model Zoo)",
        "input": (224, 224), "mean": (0.485, 0.456, 0.406), "std": (0.229, 0.224, 0.225),
    },
    "mxnet_deploy_ssd_FP16_FUSED": {
        "kind": "haar", "file": "haarcascade_frontalface_default.xml",
        "description": "OpenCV Haar frontal-face cascade standing in for the DeepLens face SSD",
    },
    "opencv_hog_people": {
        "kind": "hog", "file": "",
        # VOC label 15 is "person" in the object-detection sample's label map.
        "description": "OpenCV HOG people detector standing in for the DeepLens object-detection SSD "
                       "(finds people only, label 15)",
        "label": 15,
    },
}

ARTIFACTS = {
    "mxnet_deploy_ssd_FP16_FUSED": "mxnet_deploy_ssd_FP16_FUSED",
    "mxnet_deploy_ssd_resnet50_300_FP16_FUSED": "opencv_hog_people",
    "mxnet_squeezenet": "squeezenet1.1",
    "mxnet_squeezenet_FP16_FUSED": "squeezenet1.1",
    "mxnet_squeezenet_FP32_FUSED": "squeezenet1.1",
    "squeezenet1.1": "squeezenet1.1",
}

#: mo.optimize(name, ...) on a camera writes mxnet_<name>_<precision>_FUSED.xml next to the MXNet files.
OPTIMIZED = "mxnet_{0}_{1}_FUSED"


def model_for(artifact_stem):
    """``(model name, model dict)`` standing in for artifact ``artifact_stem``, or ``(None, None)``."""
    name = ARTIFACTS.get(artifact_stem)
    if name is None:
        return None, None
    return name, MODELS[name]


def standin_sentence(artifact_stem):
    """What runs for artifact ``artifact_stem`` on the virtual DeepLens, as one phrase."""
    model = model_for(artifact_stem)[1]
    if model is None:
        return "the ONNX model {0}.onnx placed next to this file".format(artifact_stem)
    if model["kind"] == "haar":
        return "{0} ({1} from OpenCV)".format(model["description"], model["file"])
    if model["kind"] == "hog":
        return model["description"]
    return "{0}: {1}.onnx next to this file if present, else {2} from the model cache".format(
        model["description"], artifact_stem, model["file"])


def write_artifact(folder, file_name):
    """Make ``folder/file_name`` (an IR ``.xml`` name) say what stands in for it; an existing file stays.

    Returns the path.
    """
    if not os.path.isdir(folder):
        os.makedirs(folder)
    path = os.path.join(folder, file_name)
    if not os.path.exists(path):
        stem = os.path.splitext(file_name)[0]
        text = (u'<?xml version="1.0"?>\n'
                u"<!-- Model artifact of the virtual DeepLens. A camera keeps an Intel IR model here; the\n"
                u"     virtual device's awscam.Model runs the model named below instead. -->\n"
                u"<virtual-deeplens-model name={0} runs={1}/>\n").format(
                    quoteattr(stem), quoteattr(standin_sentence(stem)))
        partial = path + ".part"
        with io.open(partial, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.rename(partial, path)
    return path
