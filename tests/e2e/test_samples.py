"""Lambdas in the shapes of the public DeepLens samples, deployed unchanged to a virtual DeepLens over SSH.

Written here (not copied) after reading aws-samples/aws-deeplens-recipes and the workshop repositories:
Python 2 only syntax (print statements, tabs mixed with spaces), the FIFO /tmp/results.mjpeg hard-coded and
opened in text mode from a thread and written with ``jpeg.tobytes()``, models loaded from
/opt/awscam/artifacts or made with ``mo.optimize``, the real greengrasssdk bundled in the package. They need
the camera's Python 2.7 (``deeplens-gui sim --setup-python2``) and the camera's paths (a mount namespace per
virtual device).
"""

import json
import os
import time
import zipfile
from pathlib import Path

import cv2
import numpy as np
import pytest

from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.sim import namespace, python2
from deeplens_gui.sim.namespace import MLAN0_DIR
from tests.device.conftest import BLUE_CLASS, decode, write_tiny_classifier
from tests.e2e.test_deploy_ssh import deploy, read_frames, virtual  # noqa: F401 (virtual is a fixture)

pytestmark = pytest.mark.slow

GREENGRASS_SDK = Path(__file__).with_name("data") / "greengrasssdk-1.4.0-py2.py3-none-any.whl"

#: shared by the samples: a LocalDisplay-like thread writing the newest JPEG to the hard-coded FIFO
_DISPLAY = (
    "class Display(Thread):\n"
    "    def __init__(self):\n"
    "        super(Display, self).__init__()\n"
    "        self.daemon = True\n"
    "        self.frame = cv2.imencode('.jpg', 255 * np.ones([480, 858, 3]))[1]\n"
    "    def run(self):\n"
    "        result_path = '/tmp/results.mjpeg'\n"
    "        if not os.path.exists(result_path):\n"
    "\t    os.mkfifo(result_path)\n"
    "        with open(result_path, 'w') as fifo_file:\n"
    "            while True:\n"
    "                try:\n"
    "\t            fifo_file.write(self.frame.tobytes())\n"
    "                except IOError:\n"
    "                    continue\n"
    "    def set_frame(self, frame):\n"
    "        ret, jpeg = cv2.imencode('.jpg', cv2.resize(frame, (858, 480)))\n"
    "        self.frame = jpeg\n"
)

_HEAD = (
    "import os\n"
    "import json\n"
    "from threading import Thread, Timer\n"
    "import numpy as np\n"
    "import awscam\n"
    "import cv2\n"
    "import greengrasssdk\n"
    "client = greengrasssdk.client('iot-data')\n"
    "iot_topic = '$aws/things/{}/infer'.format(os.environ['AWS_IOT_THING_NAME'])\n"
) + _DISPLAY

HOTDOG = _HEAD + (
    "def infinite_infer_run():\n"
    "    display = Display()\n"
    "    display.start()\n"
    "    model = awscam.Model('/opt/awscam/artifacts/mxnet_squeezenet.xml', {'GPU': 1})\n"
    "    print 'SqueezeNet loaded'\n"
    "    client.publish(topic=iot_topic, payload='Model loaded')\n"
    "    while True:\n"
    "        ret, frame = awscam.getLastFrame()\n"
    "        if not ret:\n"
    "\t    raise Exception('Failed to get frame from the stream')\n"
    "        raw = model.doInference(cv2.resize(frame, (224, 224)))\n"
    "        top = model.parseResult('classification', raw)['classification'][0:5]\n"
    "        label = 'Hotdog' if top[0]['label'] == %(hotdog)d else 'Not hotdog'\n"
    "        cv2.putText(frame, label, (0, 44), cv2.FONT_HERSHEY_SIMPLEX, 1.5, (255, 165, 20), 6)\n"
    "        display.set_frame(frame)\n"
    "        client.publish(topic=iot_topic, payload=json.dumps({label: top[0]['prob']}))\n"
    "infinite_infer_run()\n"
    "def function_handler(event, context):\n"
    "    return\n"
) % {"hotdog": BLUE_CLASS}

#: coffee-counter style: botocore imported and a client made at import (the camera's Python has botocore
#: 1.20); the camera named by its Wi-Fi MAC address as uploaders of faces name it
FACES = _HEAD + (
    "from botocore.session import Session\n"
    "rekognition = Session().create_client('rekognition', region_name='us-east-1')\n"
    "mac = open('/sys/class/net/mlan0/address').readline().strip()\n"
    "def greengrass_infinite_infer_run():\n"
    "    display = Display()\n"
    "    display.start()\n"
    "    model = awscam.Model('/opt/awscam/artifacts/mxnet_deploy_ssd_FP16_FUSED.xml', {'GPU': 1})\n"
    "    print 'face model loaded'\n"
    "    while True:\n"
    "        ret, frame = awscam.getLastFrame()\n"
    "        yscale = float(frame.shape[0]) / 300\n"
    "        xscale = float(frame.shape[1]) / 300\n"
    "        raw = model.doInference(cv2.resize(frame, (300, 300)))\n"
    "        faces = [f for f in model.parseResult('ssd', raw)['ssd'] if f['prob'] > 0.5]\n"
    "        for face in faces:\n"
    "\t    cv2.rectangle(frame, (int(face['xmin'] * xscale), int(face['ymin'] * yscale)),\n"
    "\t                  (int(face['xmax'] * xscale), int(face['ymax'] * yscale)), (255, 165, 20), 10)\n"
    "        display.set_frame(frame)\n"
    "        client.publish(topic=iot_topic, payload=json.dumps({'faces': len(faces), 'camera': mac,\n"
    "            'api': rekognition.meta.service_model.service_name}))\n"
    "Timer(0, greengrass_infinite_infer_run).start()\n"
    "def function_handler(event, context):\n"
    "    return\n"
)

OBJECTS = _HEAD.replace("import awscam\n", "import awscam\nimport mo\n") + (
    "def infinite_infer_run():\n"
    "    display = Display()\n"
    "    display.start()\n"
    "    error, model_path = mo.optimize('deploy_ssd_resnet50_300', 300, 300)\n"
    "    print 'optimized', error, model_path\n"
    "    model = awscam.Model(model_path, {'GPU': 1})\n"
    "    while True:\n"
    "        ret, frame = awscam.getLastFrame()\n"
    "        found = model.parseResult('ssd', model.doInference(cv2.resize(frame, (300, 300))))['ssd']\n"
    "        display.set_frame(frame)\n"
    "        client.publish(topic=iot_topic, payload=json.dumps({'objects': len(found)}))\n"
    "infinite_infer_run()\n"
    "def lambda_handler(event, context):\n"
    "    return\n"
)

CUSTOM = OBJECTS.replace(
    "mo.optimize('deploy_ssd_resnet50_300', 300, 300)",
    "mo.optimize('image-classification', 224, 224, aux_inputs={'--epoch': 7})")


def write_moving_clip(path, colour, size=(320, 240), frames=30):
    """A clip of one colour with a small white square moving across it: every frame differs, as a camera's do
    (the relay passes only new frames), and the mean colour stays ``colour``."""
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 15, size)
    assert writer.isOpened()
    for index in range(frames):
        frame = np.empty((size[1], size[0], 3), np.uint8)
        frame[:] = colour
        x = 8 * index % (size[0] - 16)
        frame[8:24, x:x + 16] = 255
        writer.write(frame)
    writer.release()
    return path


def write_lambda(folder, project_id, module, code, model_artifact, greengrass_sdk=False):
    """A Lambda folder with today's manifest (runtime python2.7); the handler module is ``code``."""
    folder.mkdir(parents=True)
    handler = {"greengrassHelloWorld": "function_handler", "lambda_function": "lambda_handler"}[module]
    manifest = {
        "id": project_id, "name": project_id, "description": "A sample-shaped Lambda.",
        "handler": "{0}.{1}".format(module, handler), "runtime": "python2.7", "memory_mb": 1536,
        "timeout_s": 25, "pinned": True,
        "model": {"type": "ssd", "input": [300, 300], "artifact": model_artifact},
        "stream": {"path": "/tmp/results.mjpeg", "resolution": "480p"},
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    (folder / (module + ".py")).write_text(code)
    if greengrass_sdk:
        with zipfile.ZipFile(str(GREENGRASS_SDK)) as wheel:
            for name in wheel.namelist():
                if name.startswith("greengrasssdk/"):
                    wheel.extract(name, str(folder))
    return folder


@pytest.fixture
def camera(request):
    """``make(scene="scene") -> (device, connection)``: a virtual DeepLens with the camera's Python and
    paths."""
    if python2.prepared() is None or not namespace.available():
        reason = "needs {0} and mount namespaces".format(python2.SETUP_COMMAND)
        if os.environ.get("CI") == "true" and not namespace.disabled():
            pytest.fail("CI prepares the camera's Python 2.7 and runs as root: " + reason)
        pytest.skip(reason)
    make = request.getfixturevalue("virtual")
    return lambda scene="scene": make(scene=scene)


def deploy_sample(camera, folder, module, code, artifact):
    """Deploy the sample ``code`` (module ``module``) from ``folder`` to a new camera:
    ``(device, connection, result)``."""
    device, connection = camera()
    source = resolve_source(str(write_lambda(folder, folder.name, module, code, artifact)))
    result, _ = deploy(connection, source)
    return device, connection, result


def published(device, key, count=3, timeout=40.0):
    """The payloads (JSON objects with ``key``) the Lambda published, once there are ``count``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            lines = device.results_path.read_text().splitlines()
        except FileNotFoundError:
            lines = []
        payloads = [json.loads(json.loads(line)["payload"]) for line in lines if '\\"' + key in line]
        if len(payloads) >= count or time.monotonic() > deadline:
            return payloads
        time.sleep(0.2)


def test_the_roster_path_is_the_cameras(camera):
    device, _ = camera()
    assert device.device().stream_path == "/tmp/results.mjpeg"


def test_python2_hotdog_classifier_streams_and_publishes(camera, tmp_path):
    device, connection = camera(scene="file:" + str(write_moving_clip(tmp_path / "blue.avi", (255, 0, 0))))
    # The workshop's SqueezeNet artifact; an ONNX file next to it runs instead of the downloaded weights.
    write_tiny_classifier(device.artifacts_dir / "mxnet_squeezenet.onnx")
    source = resolve_source(str(write_lambda(tmp_path / "hotdog", "hotdog", "greengrassHelloWorld", HOTDOG,
                                             "mxnet_squeezenet.xml")))

    result, _ = deploy(connection, source)

    assert result.ok, result.message
    frames = read_frames(connection, device.device().stream_path, 3)
    assert decode(frames[-1]).shape == (480, 858, 3)
    hotdogs = published(device, "Hotdog")
    assert len(hotdogs) >= 3 and all(payload["Hotdog"] > 0.5 for payload in hotdogs)
    assert published(device, "Not hotdog", count=0) == []
    log = device.log_path.read_text()
    assert "with Python 2.7." in log and "SqueezeNet loaded" in log
    assert "model mxnet_squeezenet runs on the virtual DeepLens as the ONNX model" in log


def test_face_ssd_with_the_real_greengrasssdk_bundled(camera, tmp_path):
    device, connection = camera()
    folder = write_lambda(tmp_path / "faces", "faces", "greengrassHelloWorld", FACES,
                          "mxnet_deploy_ssd_FP16_FUSED.xml", greengrass_sdk=True)
    assert (folder / "greengrasssdk" / "IoTDataPlane.py").is_file()

    result, _ = deploy(connection, resolve_source(str(folder)))

    assert result.ok, result.message
    assert decode(read_frames(connection, "/tmp/results.mjpeg", 3)[-1]).shape == (480, 858, 3)
    # The scene shows two faces; the SDK's own publish code delivered every record, made next to a botocore
    # client as coffee-counter makes one.
    mac = (device.root / MLAN0_DIR / "address").read_text().strip()
    payloads = published(device, "faces")
    assert [(payload["faces"], payload["api"], payload["camera"]) for payload in payloads][-3:] == [
        (2, "rekognition", mac)] * 3
    log = device.log_path.read_text()
    assert "with Python 2.7." in log and "face model loaded" in log
    assert "runs on the virtual DeepLens as OpenCV Haar frontal-face cascade" in log


def test_object_detection_with_mo_optimize(camera, tmp_path):
    device, connection, result = deploy_sample(camera, tmp_path / "objects", "lambda_function", OBJECTS,
                                               "mxnet_deploy_ssd_resnet50_300_FP16_FUSED.xml")

    assert result.ok, result.message
    assert len(read_frames(connection, "/tmp/results.mjpeg", 3)) == 3
    assert len(published(device, "objects")) >= 3
    log = device.log_path.read_text()
    assert "optimized 0 /opt/awscam/artifacts/mxnet_deploy_ssd_resnet50_300_FP16_FUSED.xml" in log
    assert "OpenCV HOG people detector standing in for the DeepLens object-detection SSD" in log


def test_a_model_without_a_stand_in_fails_naming_it(camera, tmp_path):
    folder = tmp_path / "custom"
    device, connection, refused = deploy_sample(camera, folder, "lambda_function", CUSTOM,
                                                "mxnet_image-classification_FP16_FUSED.xml")

    # A manifest that names the artifact: the deploy's model check refuses before anything is uploaded.
    assert not refused.ok and not refused.rolled_back
    assert ("needs its model mxnet_image-classification_FP16_FUSED.xml in /opt/awscam/artifacts on "
            "virtual-1, and it is not there.") in refused.message
    assert not (device.app_dir / "projects" / "custom").exists()

    # The sample as it is published (no manifest, so nothing to check before upload) fails on the camera,
    # as on a DeepLens without that model, and the deploy says which model.
    (folder / "manifest.json").unlink()
    result, _ = deploy(connection, resolve_source(str(folder), handler="lambda_function.lambda_handler"))

    assert not result.ok
    assert "image-classification" in result.message
    log = device.log_path.read_text()
    assert "mo: cannot optimize model image-classification" in log
    assert "no model mxnet_image-classification_FP16_FUSED" in log
