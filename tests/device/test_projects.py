"""Bundled projects, manifests and Lambda packages (deeplens_gui.core.projects)."""

import base64
import hashlib
import io
import json
import shutil
import sys
import zipfile

import pytest

from deeplens_gui.core.errors import ConfigError
from deeplens_gui.core.projects import bundled_projects, code_sha256, load_project, package_project
from deeplens_gui.sim.models import MODELS
from tests.device.conftest import DEVICE_LAMBDA


def _zip_names(data):
    return zipfile.ZipFile(io.BytesIO(data)).namelist()


def test_bundled_projects_come_from_their_manifests():
    projects = bundled_projects()
    assert sorted(projects) == ["face", "mask"]
    mask, face = projects["mask"], projects["face"]
    assert mask.path == DEVICE_LAMBDA / "mask_detection" and face.path == DEVICE_LAMBDA / "face_detection"
    for project in (mask, face):
        assert project.handler == "greengrassHelloWorld.function_handler"
        assert project.runtime == "python2.7" and project.pinned is True
        assert project.stream_path == "/tmp/results.mjpeg" and project.resolution == "480p"
        assert project.memory_mb > 0 and project.timeout_s > 0
        assert project.shared_files == ("common/local_display.py", "common/inference_loop.py")
    # The workshop's SqueezeNet (what the DeepLens console deployed for the hot-dog project) first.
    assert (mask.model_type, mask.model_artifact) == ("classification", "mxnet_squeezenet.xml")
    assert mask.model_artifacts == ("mxnet_squeezenet.xml", "squeezenet1.1.xml")
    assert face.model_artifacts == ("mxnet_deploy_ssd_FP16_FUSED.xml",)
    assert (face.model_type, face.model_artifact) == ("ssd", "mxnet_deploy_ssd_FP16_FUSED.xml")
    assert face.manifest["model"]["input"] == [300, 300] and face.manifest["model"]["threshold"] == 0.25
    assert mask.manifest["model"]["mask_class"] == 643


def test_bundled_projects_do_not_import_project_code():
    bundled_projects()
    assert "greengrassHelloWorld" not in sys.modules and "local_display" not in sys.modules


def test_mask_manifest_and_the_virtual_device_agree_on_the_model():
    mask = bundled_projects()["mask"].manifest["model"]
    spec = MODELS[mask["name"]]
    assert spec.name + ".xml" in [mask["artifact"]] + mask["fallback_artifacts"]
    assert (mask["source"]["url"], mask["source"]["sha256"], mask["source"]["file"]) == (
        spec.url, spec.sha256, spec.file)
    assert tuple(mask["input"]) == spec.input


def test_mask_labels_are_the_imagenet_1000_classes():
    labels = (DEVICE_LAMBDA / "mask_detection" / "imagenet_classes.txt").read_text().splitlines()
    assert len(labels) == 1000
    assert labels[0] == "tench, Tinca tinca" and labels[643] == "mask"
    assert labels[934] == "hotdog, hot dog, red hot" and labels[999].startswith("toilet tissue")


def test_package_is_deterministic_and_self_contained():
    project = bundled_projects()["face"]
    first, second = package_project(project), package_project(project)
    assert first == second
    assert code_sha256(first) == base64.b64encode(hashlib.sha256(first).digest()).decode()
    archive = zipfile.ZipFile(io.BytesIO(first))
    names = archive.namelist()
    assert names == sorted(names)
    assert {"greengrassHelloWorld.py", "manifest.json", "local_display.py"} <= set(names)
    assert not [name for name in names if "__pycache__" in name or name.endswith(".pyc")]
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    shared = (DEVICE_LAMBDA / "common" / "local_display.py").read_bytes()
    assert archive.read("local_display.py") == shared
    assert archive.read("greengrassHelloWorld.py") == (project.path / "greengrassHelloWorld.py").read_bytes()
    assert "imagenet_classes.txt" in _zip_names(package_project(bundled_projects()["mask"]))


def test_an_unpacked_package_is_a_project_that_packs_to_the_same_bytes(tmp_path):
    data = package_project(bundled_projects()["mask"])
    zipfile.ZipFile(io.BytesIO(data)).extractall(tmp_path / "mask")
    unpacked = load_project(tmp_path / "mask")
    assert unpacked.id == "mask"
    assert package_project(unpacked) == data


def _copy_project(tmp_path, name="face_detection"):
    target = tmp_path / "lambdas" / name
    shutil.copytree(DEVICE_LAMBDA / name, target, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(DEVICE_LAMBDA / "common", tmp_path / "lambdas" / "common",
                    ignore=shutil.ignore_patterns("__pycache__"))
    return target


def _edit_manifest(folder, change):
    manifest = json.loads((folder / "manifest.json").read_text())
    change(manifest)
    (folder / "manifest.json").write_text(json.dumps(manifest))


def test_a_copied_project_folder_loads(tmp_path):
    project = load_project(_copy_project(tmp_path))
    assert project.id == "face" and project.model_type == "ssd"


@pytest.mark.parametrize("change, words", [
    (lambda m: m.pop("handler"), "'handler' is missing"),
    (lambda m: m.update(handler="nothere.function_handler"), "nothere.py"),
    (lambda m: m.update(runtime="nodejs8.10"), "'runtime' must be one of"),
    (lambda m: m.update(memory_mb="lots"), "'memory_mb' must be a positive whole number"),
    (lambda m: m["model"].update(type="detector"), "'model.type' must be one of"),
    (lambda m: m["model"].update(input=[300]), "'model.input' must be [width, height]"),
    (lambda m: m["stream"].update(path="/var/results.mjpeg"), "'stream.path' must be under /tmp/"),
    (lambda m: m["stream"].update(resolution="4k"), "'stream.resolution' must be one of"),
    (lambda m: m.update(shared_files=["common/missing.py"]), "common/missing.py"),
    (lambda m: m.update(id="Mask Detection"), "'id' must be lower-case"),
])
def test_a_broken_manifest_is_a_config_error_naming_the_problem(tmp_path, change, words):
    folder = _copy_project(tmp_path)
    _edit_manifest(folder, change)
    with pytest.raises(ConfigError) as caught:
        load_project(folder)
    assert words in str(caught.value)


def test_folders_without_a_valid_manifest_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="has no manifest.json"):
        load_project(tmp_path)
    (tmp_path / "manifest.json").write_text("{not json")
    with pytest.raises(ConfigError, match="not valid JSON"):
        load_project(tmp_path)
    (tmp_path / "manifest.json").write_text("[1, 2]")
    with pytest.raises(ConfigError, match="JSON object"):
        load_project(tmp_path)
    with pytest.raises(ConfigError, match="does not exist"):
        load_project(tmp_path / "nowhere")


def test_a_project_file_that_clashes_with_a_shared_file_is_refused(tmp_path):
    folder = _copy_project(tmp_path)
    (folder / "local_display.py").write_text("# a different display\n")
    with pytest.raises(ConfigError, match="differs from the shared"):
        load_project(folder)
