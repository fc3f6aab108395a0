"""The camera's Python 2.7 (sim/python2.py), its filesystem (sim/namespace.py) and the stand-ins run in it."""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from deeplens_gui.sim import catalog, namespace, python2
from deeplens_gui.sim.fleet import VirtualDevice
from deeplens_gui.sim.runtime import DEVICE_MODULES
from tests.device.conftest import require_python27


def require_prepared():
    """Skip a test that needs the prepared Python 2.7 (numpy, OpenCV, boto3) when it is not prepared."""
    if python2.prepared() is None:
        pytest.skip("needs the prepared Python 2.7 with numpy, OpenCV and boto3: " + python2.SETUP_COMMAND)


def run27(code, tmp_path, env=None):
    """Run ``code`` with the camera's Python 2.7 and the device modules, as a Lambda would; its stdout."""
    python = require_python27()
    full = dict(os.environ, PYTHONPATH=str(DEVICE_MODULES),
                DEEPLENS_ARTIFACTS_DIR=str(tmp_path / "artifacts"), DEEPLENS_SIM_PYTHON=sys.executable,
                **(env or {}))
    result = subprocess.run([python, "-c", code], env=full, cwd=str(tmp_path), capture_output=True, text=True,
                            timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


# --- Python 2.7 -------------------------------------------------------------------------------------------

def test_mo_awscam_and_the_sdk_run_in_the_cameras_python(tmp_path):
    require_prepared()
    out, err = run27(
        "from __future__ import print_function\n"
        "import json, numpy as np, awscam, mo, greengrasssdk\n"
        "error, path = mo.optimize('deploy_ssd_resnet50_300', 300, 300)\n"
        "model = awscam.Model(path, {'GPU': 1})\n"
        "found = model.parseResult('ssd', model.doInference(np.zeros((300, 300, 3), np.uint8)))\n"
        "unknown = mo.optimize('image-classification', 224, 224, aux_inputs={'--epoch': 3})\n"
        "seg = model.parseResult('segmentation', {'out': np.arange(2 * 3 * 4).reshape(1, 2, 3, 4)})\n"
        "greengrasssdk.client('iot-data').publish(topic='t', payload=b'hello')\n"
        "print(json.dumps([error, path, found, unknown, seg['segmentation'].tolist()]))\n",
        tmp_path, {"DEEPLENS_RESULTS_PATH": str(tmp_path / "results.jsonl")})
    error, path, found, unknown, seg = json.loads(out.strip().splitlines()[-1])
    assert error == 0 and path == str(tmp_path / "artifacts" / "mxnet_deploy_ssd_resnet50_300_FP16_FUSED.xml")
    assert "OpenCV HOG people detector" in Path(path).read_text()
    assert found == {"ssd": []}, "a black picture holds no people"
    assert unknown[0] == 1 and unknown[1].endswith("mxnet_image-classification_FP16_FUSED.xml")
    assert "cannot optimize model image-classification" in err
    assert "model mxnet_deploy_ssd_resnet50_300_FP16_FUSED runs on the virtual DeepLens as OpenCV HOG" in err
    assert seg == [[1] * 4] * 3
    assert json.loads((tmp_path / "results.jsonl").read_text())["payload"] == "hello"


def test_the_cameras_python_has_the_last_boto3_for_python_27(tmp_path):
    require_prepared()
    # What coffee-counter style Lambdas do at import: a botocore session and a Rekognition client.
    out, _ = run27(
        "import json, sys, boto3, botocore.session, s3transfer, dateutil\n"
        "client = botocore.session.Session().create_client('rekognition', region_name='us-east-1',\n"
        "    aws_access_key_id='AKIDEXAMPLE', aws_secret_access_key='secret')\n"
        "s3 = boto3.client('s3', region_name='us-east-1', aws_access_key_id='AKIDEXAMPLE',\n"
        "    aws_secret_access_key='secret')\n"
        "print(json.dumps([sys.version_info[0], boto3.__version__, botocore.__version__,\n"
        "    s3transfer.__version__, dateutil.__version__, client.meta.service_model.service_name,\n"
        "    hasattr(client, 'detect_faces'),\n"
        "    hasattr(s3, 'upload_file')]))\n", tmp_path)
    major, boto3, botocore, s3transfer, dateutil, service, detect, upload = json.loads(out.strip())
    pinned = dict(pin.split("==") for pin in python2.BOTO3)
    assert [major, boto3, botocore, s3transfer, dateutil] == [2, pinned["boto3"], pinned["botocore"],
                                                             pinned["s3transfer"], pinned["python-dateutil"]]
    assert (service, detect, upload) == ("rekognition", True, True)


def test_a_folder_prepared_before_boto3_is_not_used_and_says_so(tmp_path):
    script = tmp_path / "bin" / "python2.7"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    (tmp_path / "ready.json").write_text(json.dumps({"interpreter": "/usr/bin/python2.7", "numpy": "1.16.6"}))
    assert python2.prepared(tmp_path) is None
    said = python2.describe(tmp_path)
    assert "prepared by an older version of DeepLens Console" in said and python2.SETUP_COMMAND in said
    (tmp_path / "ready.json").write_text(json.dumps({"stamp": python2.STAMP, "abi": "cp27mu"}))
    assert python2.prepared(tmp_path) == script
    assert "run with the camera's Python 2.7" in python2.describe(tmp_path)


def test_debians_python_unpacked_for_an_older_stamp_is_reused_without_downloading(tmp_path, monkeypatch):
    target = tmp_path / "debian"
    (target / "usr" / "bin").mkdir(parents=True)
    (target / "usr" / "bin" / "python2.7").write_text("")
    (target / "usr" / "lib" / "x86_64-linux-gnu").mkdir(parents=True)
    monkeypatch.setattr(python2, "debian_mirror", lambda: pytest.fail("no download when reusing"))
    said = []
    interpreter, libraries, python_home = python2._debian_interpreter(target, said.append, reuse=True)
    assert (interpreter, libraries, python_home) == (
        target / "usr" / "bin" / "python2.7", [target / "usr" / "lib" / "x86_64-linux-gnu"], target / "usr")
    assert said == ["Reusing Debian's Python 2.7 unpacked in {0}".format(target)]


def test_an_artifact_without_a_stand_in_names_the_model(tmp_path):
    require_prepared()
    catalog.write_artifact(str(tmp_path / "artifacts"), "mxnet_headpose_FP16_FUSED.xml")
    out, _ = run27(
        "import awscam\n"
        "for name in ('mxnet_headpose_FP16_FUSED.xml', 'nope.xml'):\n"
        "    path = '/opt/awscam/artifacts/' + name\n"
        "    try:\n"
        "        awscam.Model(path, {'GPU': 1})\n"
        "    except IOError as error:\n"
        "        print(error)\n", tmp_path)
    headpose, missing = out.strip().splitlines()
    assert "cannot run the model mxnet_headpose_FP16_FUSED" in headpose and "no stand-in" in headpose
    assert "/opt/awscam/artifacts/nope.xml not found" in missing and "no model nope" in missing


def test_debian_mirror_is_read_from_one_line_and_deb822_sources(tmp_path):
    one_line = tmp_path / "sources.list"
    one_line.write_text("# a comment\ndeb-src http://mirror.example/debian bookworm main\n"
                        "deb [arch=amd64 signed-by=/k.gpg] http://mirror.example/debian bookworm main "
                        "contrib\n")
    assert python2.debian_mirror([str(one_line)]) == ("http://mirror.example/debian", "/k.gpg")
    parts = tmp_path / "sources.list.d"
    parts.mkdir()
    (parts / "debian.sources").write_text(
        "Types: deb\nURIs: http://deb.example/debian-security\nSuites: bookworm-security\n"
        "Components: main\n\n"
        "Types: deb\nURIs: http://deb.example/debian\nSuites: bookworm bookworm-updates\nComponents: main\n"
        "Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
    (parts / "other.list").write_text("deb https://packages.example/apt cloud-sdk main\n")
    assert python2.debian_mirror([str(parts)]) == (
        "http://deb.example/debian", "/usr/share/keyrings/debian-archive-keyring.gpg")
    assert python2.debian_mirror([str(tmp_path / "missing")]) == (None, None)


def test_setup_reports_what_to_do_and_reuses_a_prepared_folder(tmp_path, monkeypatch):
    with pytest.raises(python2.Python2Error, match="auto or debian"):
        python2.prepare(tmp_path / "bad", source="pypi")
    monkeypatch.setenv(python2.HOME_ENV, str(tmp_path / "none"))
    assert "No Python 2.7 is prepared" in python2.describe() and python2.SETUP_COMMAND in python2.describe()
    script = python2.prepared()
    if script is None:
        return
    lines = []
    assert python2.prepare(script.parent.parent, progress=lines.append) == script
    assert lines == ["The camera's Python 2.7 is already prepared: {0}".format(script)]
    assert "run with the camera's Python 2.7" in python2.describe(script.parent.parent)


# --- the camera's filesystem ------------------------------------------------------------------------------

def test_camera_paths_map_both_ways(tmp_path):
    paths = namespace.CameraPaths(tmp_path / "dev", True)
    root = os.path.realpath(str(tmp_path / "dev"))
    assert paths.camera(Path(root) / "tmp" / "results.mjpeg") == "/tmp/results.mjpeg"
    assert paths.camera(Path(root) / "opt" / "awscam" / "artifacts") == "/opt/awscam/artifacts"
    assert paths.camera(Path(root) / ".deeplens-console") == "/home/aws_cam/.deeplens-console"
    assert paths.host("/tmp/results.mjpeg") == root + "/tmp/results.mjpeg"
    assert paths.host("/home/aws_cam/x/../y") == root + "/y"
    assert paths.host(root + "/tmp/a") == root + "/tmp/a", "this machine's path to the device stays"
    assert paths.host("/usr/bin") == "/usr/bin"
    flat = namespace.CameraPaths(tmp_path / "dev", False)
    assert flat.camera(Path(root) / "tmp" / "results.mjpeg") == root + "/tmp/results.mjpeg"


def _as_user(argv):
    """``argv`` run as an ordinary user when this test runs as root (CI does), else as is."""
    if os.getuid() != 0:
        return argv
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv is needed to check namespaces as an ordinary user")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] + argv


@pytest.mark.parametrize("ordinary_user", [False, True], ids=["this-user", "ordinary-user"])
def test_two_commands_in_device_namespaces_share_the_fifo_at_the_cameras_path(request, ordinary_user):
    if not namespace.available():
        if os.environ.get("CI") == "true" and not namespace.disabled():
            pytest.fail("CI runs on Linux as root: mount namespaces must work there")
        pytest.skip("no mount namespaces here")
    # Not under pytest's folder: an ordinary user cannot enter root's 0700 pytest-of-root.
    base = Path(tempfile.mkdtemp(prefix="deeplens-ns-test-"))
    request.addfinalizer(lambda: shutil.rmtree(str(base), ignore_errors=True))
    root = base / "device"
    for sub in ("tmp", "opt/awscam/artifacts"):
        (root / sub).mkdir(parents=True)
    for folder in [base, root] + [path for path in root.rglob("*") if path.is_dir()]:
        os.chmod(str(folder), 0o777)
    (root / "opt" / "awscam" / "artifacts" / "model.xml").write_text("<model/>")
    existed = {path: os.path.exists(path) for path in ("/opt/awscam", "/home/aws_cam")}

    def command(script):
        argv = namespace.wrap_command(root, ["/bin/sh", "-c", script])
        return _as_user(argv) if ordinary_user else argv

    writer = subprocess.Popen(command(
        "mkfifo /tmp/results.mjpeg && cat /opt/awscam/artifacts/model.xml > /tmp/results.mjpeg"),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    outcome = {}
    reader = threading.Thread(target=lambda: outcome.update(read=subprocess.run(command(
        "while [ ! -p /tmp/results.mjpeg ]; do sleep 0.05; done; cat /tmp/results.mjpeg; echo; pwd; ls /tmp"),
        capture_output=True, text=True, timeout=30, check=False)))
    reader.start()
    reader.join(40)
    _, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err
    read = outcome["read"]
    assert read.returncode == 0, read.stderr
    lines = read.stdout.splitlines()
    assert lines[:2] == ["<model/>", "/home/aws_cam"]
    assert "results.mjpeg" in lines[2:]
    assert (root / "tmp" / "results.mjpeg").exists(), "the camera's /tmp is the device's own folder"
    assert {path: os.path.exists(path) for path in existed} == existed, "nothing was made on this machine"


def test_each_camera_has_its_wifi_interface_mlan0_with_a_mac_of_its_own(tmp_path):
    if not namespace.available():
        if os.environ.get("CI") == "true" and not namespace.disabled():
            pytest.fail("CI runs on Linux as root: mount namespaces must work there")
        pytest.skip("no mount namespaces here")
    # Samples read /sys/class/net/mlan0/address (a DeepLens's Wi-Fi) to name the camera in what they upload.
    script = "cat /sys/class/net/mlan0/address; ls /sys/class/net"
    seen = []
    for name in ("virtual-1", "virtual-2", "virtual-1"):
        device = VirtualDevice(name, tmp_path / name, namespace=True)
        result = subprocess.run(namespace.wrap_command(device.root, ["/bin/sh", "-c", script]),
                                capture_output=True, text=True, timeout=30, check=False)
        assert result.returncode == 0, result.stderr
        address, *interfaces = result.stdout.split()
        assert re.match(r"^02(:[0-9a-f]{2}){5}$", address)
        assert "mlan0" in interfaces and "lo" in interfaces, "this machine's interfaces stay"
        seen.append(address)
    assert seen[0] != seen[1] and seen[0] == seen[2], "one address per camera, the same after a restart"
    assert not os.path.exists("/sys/class/net/mlan0"), "nothing was made on this machine"
