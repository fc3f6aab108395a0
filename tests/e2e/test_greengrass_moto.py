"""The Greengrass V1 deploy backend against a real moto server over HTTP (boto3 unmocked).

moto's Greengrass deployments stay InProgress forever; the test stands in for the device by setting the
deployment's status in ``moto.greengrass.models.greengrass_backends`` (the server runs in this process).
"""

import io
import json
import threading
import zipfile

import pytest
from moto.greengrass.models import greengrass_backends

from deeplens_gui.core import cloud
from deeplens_gui.core.deploy.greengrass import GreengrassDeployBackend
from deeplens_gui.core.deploy.service import CANCELLED, DONE, FAILED, RUNNING, SKIPPED, CancelToken
from deeplens_gui.core.deploy.sources import ProjectSource
from deeplens_gui.core.device import Device
from deeplens_gui.core.projects import bundled_projects, code_sha256
from tests.fixtures.moto import post

ACCOUNT = "123456789012"
REGION = "us-east-1"


@pytest.fixture
def aws(moto_reset):
    """Dummy credentials, no user config, a fresh moto state; yields a factory bound to the server."""
    moto_url = moto_reset
    def factory(service, region=None):
        return cloud.client(service, region=region, endpoint_url=moto_url)

    factory.url = moto_url
    return factory


def _zip(text):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # A fixed date: the same text must always give the same package (and CodeSha256).
        archive.writestr(zipfile.ZipInfo("greengrassHelloWorld.py", date_time=(1980, 1, 1, 0, 0, 0)), text)
    return buffer.getvalue()


def seed_function(factory, name="deeplens-face", versions=1):
    """A Lambda function with ``versions`` published versions; returns the client."""
    iam = factory("iam")
    role = iam.create_role(RoleName="AWSDeepLensLambdaRole-" + name, AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam = factory("lambda")
    lam.create_function(FunctionName=name, Runtime="python3.11", Role=role, Handler="greengrassHelloWorld.h",
                        Code={"ZipFile": _zip("v1")}, Publish=True)
    for index in range(2, versions + 1):
        lam.update_function_code(FunctionName=name, ZipFile=_zip("v{0}".format(index)))
        lam.publish_version(FunctionName=name)
    return lam


def seed_group(factory, other_function="arn:aws:lambda:us-east-1:123456789012:function:deeplens-other:7"):
    """A DeepLens-like group: a core, one other function, a /dev/video0 resource and a subscription."""
    gg = factory("greengrass")
    core = gg.create_core_definition(Name="deeplens-core", InitialVersion={"Cores": [{
        "CertificateArn": "arn:aws:iot:us-east-1:123456789012:cert/abc", "Id": "deeplens-core",
        "SyncShadow": False, "ThingArn": "arn:aws:iot:us-east-1:123456789012:thing/deeplens_abc"}]})
    functions = gg.create_function_definition(Name="deeplens-functions", InitialVersion={"Functions": [{
        "Id": "other", "FunctionArn": other_function,
        "FunctionConfiguration": {"MemorySize": 16384, "Timeout": 3}}]})
    resources = gg.create_resource_definition(Name="deeplens-resources", InitialVersion={"Resources": [{
        "Id": "video0", "Name": "video0", "ResourceDataContainer": {"LocalDeviceResourceData": {
            "SourcePath": "/dev/video0"}}}, {
        "Id": "existing-tmp", "Name": "tmp", "ResourceDataContainer": {"LocalVolumeResourceData": {
            "SourcePath": "/tmp", "DestinationPath": "/tmp"}}}]})
    subscriptions = gg.create_subscription_definition(Name="deeplens-subs", InitialVersion={"Subscriptions": [{
        "Id": "s1", "Source": other_function, "Subject": "$aws/things/deeplens_abc/infer", "Target": "cloud"}]})
    group = gg.create_group(Name="deeplens-group", InitialVersion={
        "CoreDefinitionVersionArn": core["LatestVersionArn"],
        "FunctionDefinitionVersionArn": functions["LatestVersionArn"],
        "ResourceDefinitionVersionArn": resources["LatestVersionArn"],
        "SubscriptionDefinitionVersionArn": subscriptions["LatestVersionArn"],
    })
    return gg, group["Id"], subscriptions["LatestVersionArn"]


def bundled_source(project_id="face"):
    project = bundled_projects()[project_id]
    data = _zip("the {0} project".format(project_id))
    return ProjectSource(kind="bundled", label="bundled:" + project_id, project_id=project.id, name=project.name,
                         zip_bytes=data, manifest=dict(project.manifest), code_sha256=code_sha256(data),
                         project=project)


class _Connection:
    """What the backend reads of a connection: only ``device`` (Greengrass needs no SSH)."""

    def __init__(self, device):
        self.device = device


def _device(group_id, region=REGION):
    return Device(name="desk-01", host="192.0.2.10", group_id=group_id, region=region)


def _deployments():
    return greengrass_backends[ACCOUNT][REGION].deployments


class DeviceStandIn:
    """Plays the camera: when the backend starts waiting, sets the deployment's status to ``outcome``."""

    def __init__(self, outcome):
        self.outcome = outcome
        self.events = []
        self.seen_in_progress = False

    def __call__(self, event):
        self.events.append(event)
        if event.step == "verify" and event.state == RUNNING and event.message.startswith("Greengrass:"):
            self.seen_in_progress = event.message == "Greengrass: InProgress"
            for deployment in _deployments().values():
                deployment.deployment_status = self.outcome


def _final(result):
    return {event.step: event.state for event in result.steps}


def test_deploy_walks_lambda_and_greengrass_to_success(aws):
    lam = seed_function(aws, versions=1)
    gg, group_id, subscriptions = seed_group(aws)
    source = bundled_source("face")
    device = DeviceStandIn("Success")
    backend = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05, timeout=20)

    result = backend.deploy(_Connection(_device(group_id)), source, device, CancelToken())

    assert result.ok, result.message
    assert device.seen_in_progress
    assert _final(result) == {key: DONE for key in ("function", "publish", "definition", "group", "deployment",
                                                    "verify")}
    assert "deeplens-face version 2" in result.message
    published = lam.get_function_configuration(FunctionName="deeplens-face", Qualifier="2")
    assert published["CodeSha256"] == source.code_sha256
    assert result.record["source"] == "lambda:deeplens-face:2"
    assert result.record["code_sha256"] == source.code_sha256

    group = gg.get_group(GroupId=group_id)
    definition = gg.get_group_version(GroupId=group_id, GroupVersionId=group["LatestVersion"])["Definition"]
    assert definition["SubscriptionDefinitionVersionArn"] == subscriptions  # the rest of the group is kept
    fdef, fver = definition["FunctionDefinitionVersionArn"].split("/")[-3], definition[
        "FunctionDefinitionVersionArn"].split("/")[-1]
    functions = gg.get_function_definition_version(FunctionDefinitionId=fdef, FunctionDefinitionVersionId=fver)[
        "Definition"]["Functions"]
    by_arn = {item["FunctionArn"]: item for item in functions}
    assert "arn:aws:lambda:us-east-1:123456789012:function:deeplens-other:7" in by_arn
    ours = by_arn[published["FunctionArn"]]
    config = ours["FunctionConfiguration"]
    assert config["Pinned"] is True
    assert config["MemorySize"] == source.manifest["memory_mb"] * 1024
    assert config["Timeout"] == source.manifest["timeout_s"]
    policies = {p["ResourceId"]: p["Permission"] for p in config["Environment"]["ResourceAccessPolicies"]}
    assert policies["existing-tmp"] == "rw"  # the group's /tmp volume is reused, not duplicated
    rdef, rver = definition["ResourceDefinitionVersionArn"].split("/")[-3], definition[
        "ResourceDefinitionVersionArn"].split("/")[-1]
    resources = gg.get_resource_definition_version(ResourceDefinitionId=rdef, ResourceDefinitionVersionId=rver)[
        "Definition"]["Resources"]
    paths = {r["ResourceDataContainer"].get("LocalVolumeResourceData", r["ResourceDataContainer"].get(
        "LocalDeviceResourceData"))["SourcePath"]: r["Id"] for r in resources}
    assert paths["/dev/video0"] == "video0"
    assert policies[paths["/opt/awscam/out"]] == "ro"
    assert sorted(paths.values()) == sorted(set(paths.values()))
    deployment = _deployments()[result.record["deployment_id"]]
    assert deployment.group_arn.endswith(group["LatestVersion"])


def test_redeploy_replaces_our_function_instead_of_adding_one(aws):
    seed_function(aws)
    gg, group_id, _subs = seed_group(aws)
    backend = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05, timeout=20)
    for _round in range(2):
        result = backend.deploy(_Connection(_device(group_id)), bundled_source(), DeviceStandIn("Success"),
                                CancelToken())
        assert result.ok, result.message
    definition = gg.get_group_version(GroupId=group_id, GroupVersionId=gg.get_group(GroupId=group_id)[
        "LatestVersion"])["Definition"]["FunctionDefinitionVersionArn"]
    functions = gg.get_function_definition_version(FunctionDefinitionId=definition.split("/")[-3],
                                                   FunctionDefinitionVersionId=definition.split("/")[-1])[
        "Definition"]["Functions"]
    ours = [f["FunctionArn"] for f in functions if ":function:deeplens-face:" in f["FunctionArn"]]
    assert ours == ["arn:aws:lambda:us-east-1:123456789012:function:deeplens-face:3"]


def test_published_lambda_source_skips_upload_and_deploys_that_version(aws):
    seed_function(aws, versions=3)
    _gg, group_id, _subs = seed_group(aws)
    base = bundled_source()
    source = ProjectSource(kind="lambda", label="lambda:deeplens-face:2", project_id="face", name="Face",
                           zip_bytes=b"", manifest=base.manifest, code_sha256="x", version="2")
    result = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05, timeout=20).deploy(
        _Connection(_device(group_id)), source, DeviceStandIn("Success"), CancelToken())
    assert result.ok, result.message
    assert _final(result)["function"] == SKIPPED and _final(result)["publish"] == SKIPPED
    assert result.record["source"] == "lambda:deeplens-face:2"
    assert result.record["code_sha256"] == code_sha256(_zip("v2"))


def test_failure_is_reported_with_the_deployment(aws):
    seed_function(aws)
    _gg, group_id, _subs = seed_group(aws)
    result = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05, timeout=20).deploy(
        _Connection(_device(group_id)), bundled_source(), DeviceStandIn("Failure"), CancelToken())
    assert not result.ok
    assert _final(result)["verify"] == FAILED
    deployment_id = next(iter(_deployments()))
    assert deployment_id in result.message and "failed" in result.message
    assert "runtime.log" in result.message


def test_cancel_while_polling_stops_waiting(aws):
    seed_function(aws)
    _gg, group_id, _subs = seed_group(aws)
    cancel = CancelToken()
    events = []

    def on_event(event):
        events.append(event)
        if event.step == "verify" and event.message == "Greengrass: InProgress":
            threading.Timer(0.1, cancel.cancel).start()

    result = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05, timeout=30).deploy(
        _Connection(_device(group_id)), bundled_source(), on_event, cancel)
    assert not result.ok and result.cancelled
    assert _final(result)["verify"] == CANCELLED
    assert "Stopped waiting" in result.message
    assert next(iter(_deployments().values())).deployment_status == "InProgress"


def test_timeout_while_in_progress(aws):
    seed_function(aws)
    _gg, group_id, _subs = seed_group(aws)
    result = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05, timeout=0.3).deploy(
        _Connection(_device(group_id)), bundled_source(), None, CancelToken())
    assert not result.ok
    assert "still InProgress" in result.message
    assert _final(result)["verify"] == FAILED


def test_missing_function(aws):
    _gg, group_id, _subs = seed_group(aws)
    result = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05).deploy(
        _Connection(_device(group_id)), bundled_source(), None, CancelToken())
    assert not result.ok
    assert "deeplens-face does not exist in us-east-1" in result.message
    assert _final(result)["function"] == FAILED
    assert _final(result)["deployment"] == SKIPPED
    assert not _deployments()


def test_unknown_group(aws):
    seed_function(aws)
    result = GreengrassDeployBackend(client_factory=aws, poll_interval=0.05).deploy(
        _Connection(_device("0d2d0c55-0000-4000-8000-000000000000")), bundled_source(), None, CancelToken())
    assert not result.ok
    assert "Greengrass group 0d2d0c55-0000-4000-8000-000000000000" in result.message
    assert "does not exist" in result.message
    assert _final(result)["definition"] == FAILED


def test_device_without_group_id(aws):
    result = GreengrassDeployBackend(client_factory=aws).deploy(
        _Connection(Device(name="desk-02", host="192.0.2.11")), bundled_source(), None, CancelToken())
    assert not result.ok
    assert "no Greengrass group id" in result.message and "--via ssh" in result.message


def test_function_name_must_start_with_deeplens(aws):
    _gg, group_id, _subs = seed_group(aws)
    backend = GreengrassDeployBackend(client_factory=aws, function_name="face-detector")
    result = backend.deploy(_Connection(_device(group_id)), bundled_source(), None, CancelToken())
    assert not result.ok
    assert "must start with 'deeplens'" in result.message


def test_access_denied_by_an_iam_policy(aws, monkeypatch):
    seed_function(aws)
    _gg, group_id, _subs = seed_group(aws)
    iam = aws("iam")
    iam.create_user(UserName="student")
    iam.put_user_policy(UserName="student", PolicyName="read-only", PolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Action": ["lambda:Get*", "lambda:List*"], "Resource": "*"}]}))
    key = iam.create_access_key(UserName="student")["AccessKey"]
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", key["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", key["SecretAccessKey"])
    post(aws.url + "/moto-api/reset-auth", b"0", "text/plain")  # moto enforces IAM from now on
    try:
        result = GreengrassDeployBackend(client_factory=aws).deploy(
            _Connection(_device(group_id)), bundled_source(), None, CancelToken())
    finally:
        post(aws.url + "/moto-api/reset-auth", b"inf", "text/plain")
    assert not result.ok
    assert result.message.startswith("AWS denied UpdateFunctionCode (lambda:UpdateFunctionCode)")
    assert _final(result)["function"] == FAILED


class _RetiredApi(threading.Thread):
    """A local HTTP endpoint answering every request as a removed API would: 404 with no error code."""

    def __init__(self):
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                body = b'{"message": "Not Found"}'
                self.send_response(404)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *args):
                pass

        super().__init__(name="retired-api", daemon=True)
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:{0}".format(self.server.server_address[1])

    def run(self):
        self.server.serve_forever(poll_interval=0.05)

    def close(self):
        self.server.shutdown()
        self.server.server_close()
        self.join()


def test_retired_greengrass_api_points_to_ssh(aws):
    seed_function(aws)
    retired = _RetiredApi()
    retired.start()

    def factory(service, region=None):
        return cloud.client(service, region=region, endpoint_url=retired.url if service == "greengrass" else aws.url)

    try:
        result = GreengrassDeployBackend(client_factory=factory, poll_interval=0.05).deploy(
            _Connection(_device("some-group")), bundled_source(), None, CancelToken())
    finally:
        retired.close()
    assert not result.ok
    assert result.message.startswith("The Greengrass V1 API is not available in us-east-1")
    assert result.message.endswith("(--via ssh).")
    assert result.message.count(". ") == 0  # one sentence
