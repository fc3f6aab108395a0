"""Project sources of a deploy: bundled projects, local folders, published Lambda versions (moto server)."""

import io
import json
import shutil
import zipfile

import pytest

from deeplens_gui.core import cloud
from deeplens_gui.core.deploy.sources import project_id_for, resolve_source
from deeplens_gui.core.errors import AwsError, ConfigError
from deeplens_gui.core.projects import bundled_projects, code_sha256, device_lambda_dir, package_project

REGION = "us-east-1"
ROLE_POLICY = json.dumps({"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]})


def names_in(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return set(archive.namelist())


def read_member(data, name):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


# --- bundled and folders ---------------------------------------------------------------------------------------

def test_bundled_project_is_packaged_with_its_shared_helpers():
    source = resolve_source("mask")

    assert (source.kind, source.label, source.project_id) == ("bundled", "bundled:mask", "mask")
    assert source.name == "Mask detection" and source.version is None
    assert {"manifest.json", "greengrassHelloWorld.py", "local_display.py"} <= names_in(source.zip_bytes)
    assert source.zip_bytes == package_project(bundled_projects()["mask"])
    assert source.code_sha256 == code_sha256(source.zip_bytes)
    assert source.stream_path == "/tmp/results.mjpeg"
    assert source.handler == "greengrassHelloWorld.function_handler"


def test_unpacked_package_folder_is_a_source(tmp_path):
    folder = tmp_path / "my face 'copy'"
    shutil.copytree(str(device_lambda_dir() / "face_detection"), str(folder))
    for shared in ("local_display.py", "inference_loop.py"):
        shutil.copy(str(device_lambda_dir() / "common" / shared), str(folder))

    source = resolve_source(str(folder))

    assert source.kind == "folder" and source.label == "folder:" + str(folder.resolve())
    assert source.project_id == "face"
    assert read_member(source.zip_bytes, "local_display.py") == (folder / "local_display.py").read_bytes()


def test_broken_or_missing_folders_are_one_clear_sentence(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConfigError, match="no manifest.json"):
        resolve_source(str(tmp_path / "empty"))
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "manifest.json").write_text('{"id": "Bad Id"}')
    with pytest.raises(ConfigError, match="'id'"):
        resolve_source(str(broken))
    with pytest.raises(ConfigError, match="neither a bundled project .*face, mask"):
        resolve_source(str(tmp_path / "nowhere"))
    with pytest.raises(ConfigError, match="No project given"):
        resolve_source("  ")


@pytest.mark.parametrize("name,expected", [("deeplens-Mask_v2", "deeplens-mask_v2"), ("a.b c", "a-b-c"),
                                           ("...", "lambda")])
def test_project_ids_made_from_function_names(name, expected):
    assert project_id_for(name) == expected


# --- published Lambda versions on a moto server -----------------------------------------------------------------

@pytest.fixture
def aws(moto_reset):
    """Dummy credentials and a fresh moto state; returns ``(lambda client factory, role arn)``."""
    moto_url = moto_reset
    role = cloud.client("iam", endpoint_url=moto_url).create_role(
        RoleName="AWSDeepLensLambdaRole", AssumeRolePolicyDocument=ROLE_POLICY)["Role"]["Arn"]

    def factory():
        return cloud.client("lambda", endpoint_url=moto_url)

    return factory, role


class Downloads:
    """The injected downloader: moto's Code.Location cannot be fetched, so it serves the uploaded zip."""

    def __init__(self, data):
        self.data = data
        self.urls = []

    def __call__(self, url):
        self.urls.append(url)
        return self.data


def create_function(aws, name, data, publish=True, handler="greengrassHelloWorld.function_handler"):
    factory, role = aws
    client = factory()
    client.create_function(FunctionName=name, Runtime="python3.7", Role=role, Handler=handler,
                           Code={"ZipFile": data}, MemorySize=1536, Timeout=25, Description="from a test")
    if publish:
        client.publish_version(FunctionName=name)
        client.update_function_code(FunctionName=name, ZipFile=data)
        client.publish_version(FunctionName=name)


def test_a_published_lambda_with_a_manifest_is_deployed_as_uploaded(aws):
    data = package_project(bundled_projects()["mask"])
    create_function(aws, "deeplens-mask", data)
    downloads = Downloads(data)

    latest = resolve_source("lambda:deeplens-mask", lambda_client_factory=aws[0], downloader=downloads)
    first = resolve_source("lambda:deeplens-mask:1", lambda_client_factory=aws[0], downloader=downloads)

    assert (latest.kind, latest.label, latest.version) == ("lambda", "lambda:deeplens-mask:2", "2")
    assert first.label == "lambda:deeplens-mask:1"
    assert latest.project_id == "mask" and latest.name == "Mask detection"
    assert latest.zip_bytes == data and latest.code_sha256 == code_sha256(data)
    expected = aws[0]().get_function(FunctionName="deeplens-mask", Qualifier="2")
    assert latest.code_sha256 == expected["Configuration"]["CodeSha256"]
    assert len(downloads.urls) == 2 and downloads.urls[0] == expected["Code"]["Location"]


def test_a_lambda_without_a_manifest_gets_one_from_its_configuration(aws):
    handler_only = io.BytesIO()
    with zipfile.ZipFile(handler_only, "w") as archive:
        archive.writestr("greengrassHelloWorld.py", "def function_handler(event, context):\n    return\n")
    data = handler_only.getvalue()
    create_function(aws, "deeplens-Hello_World", data)

    source = resolve_source("lambda:deeplens-Hello_World:1", lambda_client_factory=aws[0],
                            downloader=Downloads(data))

    manifest = json.loads(read_member(source.zip_bytes, "manifest.json"))
    assert manifest == source.manifest
    assert manifest["id"] == "deeplens-hello_world" and manifest["name"] == "deeplens-Hello_World"
    assert manifest["handler"] == "greengrassHelloWorld.function_handler"
    assert (manifest["runtime"], manifest["memory_mb"], manifest["timeout_s"]) == ("python3.7", 1536, 25)
    assert manifest["stream"] == {"path": "/tmp/results.mjpeg", "resolution": "480p"}
    assert read_member(source.zip_bytes, "greengrassHelloWorld.py") == read_member(data, "greengrassHelloWorld.py")
    # The record keeps identifying the code as AWS does, not the package with the added manifest.
    assert source.code_sha256 == code_sha256(data) != code_sha256(source.zip_bytes)


def test_a_damaged_download_is_refused(aws):
    data = package_project(bundled_projects()["face"])
    create_function(aws, "deeplens-face", data)

    with pytest.raises(AwsError, match="arrived damaged"):
        resolve_source("lambda:deeplens-face:1", lambda_client_factory=aws[0], downloader=Downloads(data + b"x"))


def test_lambda_problems_are_clear_sentences(aws):
    data = package_project(bundled_projects()["face"])
    create_function(aws, "deeplens-unpublished", data, publish=False)
    no_manifest = io.BytesIO()
    with zipfile.ZipFile(no_manifest, "w") as archive:
        archive.writestr("other.py", "")
    create_function(aws, "deeplens-no-handler", no_manifest.getvalue())
    factory = aws[0]

    with pytest.raises(ConfigError, match="has no published version"):
        resolve_source("lambda:deeplens-unpublished", lambda_client_factory=factory, downloader=Downloads(data))
    with pytest.raises(AwsError) as missing:
        resolve_source("lambda:deeplens-nothing:1", lambda_client_factory=factory, downloader=Downloads(data))
    assert "deeplens-nothing" in str(missing.value) or "no such resource" in str(missing.value)
    with pytest.raises(ConfigError, match="has no greengrassHelloWorld.py"):
        resolve_source("lambda:deeplens-no-handler:1", lambda_client_factory=factory,
                       downloader=Downloads(no_manifest.getvalue()))
    with pytest.raises(ConfigError, match="not a published version number"):
        resolve_source("lambda:deeplens-face:$LATEST", lambda_client_factory=factory)
    with pytest.raises(ConfigError, match="needs a function name"):
        resolve_source("lambda:", lambda_client_factory=factory)
