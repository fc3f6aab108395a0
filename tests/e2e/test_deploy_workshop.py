"""Deploys the way a workshop camera and public DeepLens Lambdas need them (issue 16, points 4 and 6).

* The bundled mask project loads the workshop's SqueezeNet (``mxnet_squeezenet.xml``) and falls back to
  ``squeezenet1.1.xml``; a deploy refuses, before anything is uploaded, a project whose model is missing.
* Lambdas without a manifest, written in the shapes the public samples have (aws-samples/aws-deeplens-recipes:
  a ``lambda_function.py`` whose handler is ``lambda_handler`` next to a ``utils.py`` holding LocalDisplay;
  the ``greengrassHelloWorld.py`` template with ``function_handler``), deploy from a folder or a zip file.
"""

import io
import json
import time
import zipfile
from pathlib import Path

import pytest

from deeplens_gui.cli import deploy as cli_deploy
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.errors import ConfigError
from tests.core.test_deploy_sources import Downloads, aws  # noqa: F401 (aws is a fixture)
from tests.device.conftest import write_tiny_classifier
from tests.e2e.test_deploy_ssh import (  # noqa: F401 (virtual is a fixture)
    cli_deploy_parser,
    deploy,
    read_frames,
    read_json,
    virtual,
)

pytestmark = pytest.mark.slow

# utils.py of a sample: the display thread that feeds the project stream. The FIFO is the camera's
# /tmp/results.mjpeg; a virtual device without its own /tmp names its per-device path in the environment.
_UTILS = '''import os
import time
from threading import Thread

import cv2
import numpy as np


class LocalDisplay(Thread):
    def __init__(self, resolution):
        super(LocalDisplay, self).__init__()
        self.daemon = True
        self.resolution = {'480p': (858, 480), '720p': (1280, 720)}[resolution]
        self.frame = cv2.imencode('.jpg', np.zeros((480, 858, 3), np.uint8))[1]
        self.path = os.environ.get('DEEPLENS_STREAM_PATH', '/tmp/results.mjpeg')
        self.stop_request = False

    def run(self):
        if not os.path.exists(self.path):
            os.mkfifo(self.path)
        with open(self.path, 'wb') as fifo_file:
            while not self.stop_request:
                try:
                    fifo_file.write(self.frame.tobytes())
                except IOError:
                    time.sleep(0.1)

    def set_frame_data(self, frame):
        ret, jpeg = cv2.imencode('.jpg', cv2.resize(frame, self.resolution))
        if ret:
            self.frame = jpeg
'''

# lambda_function.py: the loop runs at import (Greengrass imports a pinned Lambda once); the handler is a stub.
_LAMBDA_FUNCTION = '''import json
import os

import awscam
import cv2
import greengrasssdk

from utils import LocalDisplay

client = greengrasssdk.client('iot-data')
iot_topic = '$aws/things/{}/infer'.format(os.environ.get('AWS_IOT_THING_NAME', 'deeplens'))


def lambda_handler(event, context):
    return


def infinite_infer_run():
    local_display = LocalDisplay('480p')
    local_display.start()
    client.publish(topic=iot_topic, payload='%s started' % 'sample-shaped lambda')
    count = 0
    while True:
        ret, frame = awscam.getLastFrame()
        if not ret:
            raise Exception('Failed to get frame from the stream')
        count += 1
        cv2.putText(frame, 'frame %d' % count, (10, 70), cv2.FONT_HERSHEY_SIMPLEX, 2, (0, 165, 20), 6)
        local_display.set_frame_data(frame)
        client.publish(topic=iot_topic, payload=json.dumps({'frame': count}))


infinite_infer_run()
'''


def sample_folder(folder, handler_name="lambda_handler", module="lambda_function"):
    """A manifest-less Lambda folder in the shape of the public samples; returns its path."""
    folder = Path(folder)
    folder.mkdir(parents=True)
    (folder / "utils.py").write_text(_UTILS)
    (folder / (module + ".py")).write_text(_LAMBDA_FUNCTION.replace("def lambda_handler(",
                                                                    "def {0}(".format(handler_name)))
    return folder


def published(device, word, since):
    """True once the device's results (the stand-in for the IoT topic) hold a payload with ``word``."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if device.results_path.exists():
            for line in device.results_path.read_text().splitlines():
                entry = json.loads(line)
                if entry["time"] > since - 1 and word in entry["payload"]:
                    return True
        time.sleep(0.2)
    return False


# --- point 4: the model artifact ---------------------------------------------------------------------------

def test_a_project_whose_model_is_missing_is_refused_before_upload(virtual):
    device, connection = virtual(project="face")
    face_pid = device.lambda_pid
    for artifact in device.artifacts_dir.glob("*squeezenet*"):
        artifact.unlink()

    result, _ = deploy(connection, resolve_source("mask"))

    assert not result.ok and not result.rolled_back
    folder = device.paths.camera(device.artifacts_dir)  # /opt/awscam/artifacts with a mount namespace
    assert ("Mask detection needs its model mxnet_squeezenet.xml (or squeezenet1.1.xml) in {0} on virtual-1, "
            "and none of them is there.".format(folder)) in result.message
    assert "AWS DeepLens console" in result.message and "Nothing changed on virtual-1" in result.message
    assert {event.step: event.state for event in result.steps}["upload"] == "failed"
    assert not (device.app_dir / "projects" / "mask").exists(), "the package was uploaded anyway"
    assert device.lambda_pid == face_pid


def test_mask_loads_the_workshops_squeezenet_when_the_camera_has_it(virtual):
    device, connection = virtual()
    # A camera that ran the workshop: the console's mxnet_squeezenet.xml and nothing under our own name. The
    # virtual device runs an ONNX file placed next to an artifact: a tiny classifier answers class 643.
    for artifact in device.artifacts_dir.glob("*squeezenet*"):
        artifact.unlink()
    (device.artifacts_dir / "mxnet_squeezenet.xml").write_text("<workshop-model/>")
    write_tiny_classifier(device.artifacts_dir / "mxnet_squeezenet.onnx")
    started = time.time()

    result, _ = deploy(connection, resolve_source("mask"))

    assert result.ok, result.message
    assert published(device, '"top_class":', started), (device.root / layout.PROJECT_LOG).read_text()


# --- point 6: Lambdas without a manifest ---------------------------------------------------------------------

def test_a_sample_shaped_folder_without_manifest_needs_and_takes_its_handler(virtual, tmp_path):
    device, connection = virtual()
    folder = sample_folder(tmp_path / "trash-sorter")

    with pytest.raises(ConfigError) as refused:
        resolve_source(str(folder))
    assert "none of its modules defines function_handler" in str(refused.value)
    assert "--handler, one of: lambda_function.lambda_handler." in str(refused.value)

    source = resolve_source(str(folder), handler="lambda_function.lambda_handler")
    manifest = json.loads(zipfile.ZipFile(io.BytesIO(source.zip_bytes)).read("manifest.json"))
    assert (manifest["handler"], manifest["runtime"], manifest["stream"]["path"]) == (
        "lambda_function.lambda_handler", "python2.7", "/tmp/results.mjpeg")
    assert source.project_id == "trash-sorter" and source.model_artifacts == ()
    assert not (folder / "manifest.json").exists(), "the user's folder was changed"
    started = time.time()

    result, _ = deploy(connection, source)

    assert result.ok, result.message
    assert read_json(device.app_dir / "deployed.json")["project"] == "trash-sorter"
    assert len(read_frames(connection, str(device.stream_path), 2)) == 2
    assert published(device, "sample-shaped lambda started", started)


def test_a_zip_with_function_handler_deploys_from_the_cli(virtual, tmp_path, capsys):
    device, connection = virtual()
    folder = sample_folder(tmp_path / "hello", handler_name="function_handler", module="greengrassHelloWorld")
    package = tmp_path / "deeplens-hello.zip"
    with zipfile.ZipFile(str(package), "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(str(path), path.name)
    known_hosts = tmp_path / "cli_known_hosts"
    known_hosts.write_text(device.known_hosts_line() + "\n")
    (tmp_path / "cli_ssh_config").write_text("")
    args = cli_deploy_parser().parse_args([
        str(package), device.target, "--identity", str(device.client_key_path), "--known-hosts",
        str(known_hosts), "-F", str(tmp_path / "cli_ssh_config"), "--stream-path", str(device.stream_path),
        "--timeout", "40"])

    code = cli_deploy.run(args)

    out, err = capsys.readouterr()
    assert code == 0, err
    assert "runs on {0} now, deployed from zip:{1}".format(device.target, package) in out
    record = read_json(device.app_dir / "deployed.json")
    assert record["project"] == "deeplens-hello" and record["source"] == "zip:" + str(package)
    assert len(read_frames(connection, str(device.stream_path), 2)) == 2


def test_two_modules_with_function_handler_are_named(tmp_path):
    folder = sample_folder(tmp_path / "two", handler_name="function_handler", module="first")
    (folder / "second.py").write_text("def function_handler(event, context):\n    return\n")

    with pytest.raises(ConfigError, match=r"several modules define function_handler \(first.py, second.py\); "
                                          r"choose one with --handler, as in --handler first.function_handler"):
        resolve_source(str(folder))
    with pytest.raises(ConfigError, match=r"has no third.py, which the handler third.function_handler names"):
        resolve_source(str(folder), handler="third.function_handler")
    assert resolve_source(str(folder), handler="second.function_handler").handler == "second.function_handler"


def test_handler_is_for_packages_without_a_manifest(tmp_path):
    with pytest.raises(ConfigError, match=r"mask_detection/manifest.json names the handler "
                                          r"'greengrassHelloWorld.function_handler'; drop --handler"):
        resolve_source("mask", handler="other.function_handler")
    assert resolve_source("mask", handler="greengrassHelloWorld.function_handler").project_id == "mask"
    with pytest.raises(ConfigError, match=r"--handler 'not a handler' must look like MODULE.FUNCTION"):
        resolve_source(str(sample_folder(tmp_path / "x")), handler="not a handler")


def test_a_lambda_without_manifest_deploys_with_its_configured_handler(virtual, tmp_path, aws):
    device, connection = virtual()
    folder = sample_folder(tmp_path / "trash-lambda")
    package = io.BytesIO()
    with zipfile.ZipFile(package, "w") as archive:
        for path in sorted(folder.iterdir()):
            archive.write(str(path), path.name)
    data = package.getvalue()
    factory, role = aws
    client = factory()
    client.create_function(FunctionName="deeplens-trash-sorter", Runtime="python2.7", Role=role,
                           Handler="lambda_function.lambda_handler", Code={"ZipFile": data}, MemorySize=1536,
                           Timeout=25)
    client.publish_version(FunctionName="deeplens-trash-sorter")

    source = resolve_source("lambda:deeplens-trash-sorter", lambda_client_factory=factory,
                            downloader=Downloads(data))

    assert (source.handler, source.manifest["runtime"]) == ("lambda_function.lambda_handler", "python2.7")
    assert source.stream_path == "/tmp/results.mjpeg" and source.model_artifacts == ()
    with pytest.raises(ConfigError, match="has no other.py, which its handler other.function_handler names"):
        resolve_source("lambda:deeplens-trash-sorter", lambda_client_factory=factory,
                       downloader=Downloads(data), handler="other.function_handler")
    result, _ = deploy(connection, source)
    assert result.ok, result.message
    assert "deployed from lambda:deeplens-trash-sorter:1" in result.message
    assert len(read_frames(connection, str(device.stream_path), 2)) == 2
