"""The boto3 client factory and the AWS error sentences, against a moto server and small local HTTP servers."""

import datetime
import json
import socket
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from deeplens_gui.core import cloud


def test_region_defaults_to_us_east_1(aws_env):
    assert cloud.client("lambda").meta.region_name == "us-east-1"


def test_region_from_environment_profile_and_argument(aws_env, monkeypatch):
    aws_env.write_text("[profile classroom]\nregion = eu-west-1\n")
    assert cloud.client("lambda", profile="classroom").meta.region_name == "eu-west-1"
    monkeypatch.setenv("AWS_PROFILE", "classroom")
    assert cloud.client("lambda").meta.region_name == "eu-west-1"
    monkeypatch.setenv("AWS_DEFAULT_REGION", "ap-southeast-2")
    assert cloud.client("lambda").meta.region_name == "ap-southeast-2"
    assert cloud.client("lambda", region="us-west-2").meta.region_name == "us-west-2"


def test_aws_endpoint_url_is_honoured_by_boto3(aws_env, monkeypatch, moto_url):
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_url)
    lam = cloud.client("lambda")
    assert lam.meta.endpoint_url == moto_url
    assert "Functions" in lam.list_functions()


def test_retries_standard_unless_the_user_configured_them(aws_env, monkeypatch):
    retries = cloud.client("lambda").meta.config.retries
    assert retries["mode"] == "standard" and retries["total_max_attempts"] == cloud.MAX_ATTEMPTS
    monkeypatch.setenv("AWS_RETRY_MODE", "adaptive")
    retries = cloud.client("lambda").meta.config.retries
    assert retries["mode"] == "adaptive" and retries["total_max_attempts"] == cloud.MAX_ATTEMPTS
    monkeypatch.delenv("AWS_RETRY_MODE")
    aws_env.write_text("[default]\nmax_attempts = 2\n")
    retries = cloud.client("lambda").meta.config.retries
    assert retries["mode"] == "standard" and retries["total_max_attempts"] == 2


def test_missing_credentials(aws_env, monkeypatch, moto_url):
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")
    lam = cloud.client("lambda", endpoint_url=moto_url)
    with pytest.raises(cloud.AwsCredentialsError) as caught:
        cloud.call(lam, "list_functions")
    assert str(caught.value).startswith("No AWS credentials found: run 'aws configure' or 'aws sso login'")
    assert caught.value.kind == "aws-credentials"


def test_missing_profile(aws_env):
    with pytest.raises(cloud.AwsCredentialsError, match="The AWS profile 'nope' does not exist"):
        cloud.client("lambda", profile="nope")


def test_invalid_region(aws_env):
    with pytest.raises(cloud.AwsRegionError, match="is not a valid AWS region"):
        cloud.client("lambda", region="us east 1!")


def test_unknown_access_key(aws_env, moto_url):
    _post(moto_url + "/moto-api/reset-auth", b"0")
    try:
        sts = cloud.client("sts", endpoint_url=moto_url)
        with pytest.raises(cloud.AwsCredentialsError) as caught:
            cloud.call(sts, "get_caller_identity")
    finally:
        _post(moto_url + "/moto-api/reset-auth", b"inf")
    assert "AWS did not accept your credentials (InvalidClientTokenId)" in str(caught.value)


def _post(url, data):
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "text/plain"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.read()


class _FixedAnswer:
    """A local HTTP server giving every request the same answer, counting requests."""

    def __init__(self, status, body, headers=()):
        owner = self
        self.requests = 0

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                owner.requests += 1
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                data = json.dumps(body).encode()
                self.send_response(status)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = "http://127.0.0.1:{0}".format(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), name="fixed-answer")

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def test_throttling_is_retried_with_backoff_then_explained(aws_env, monkeypatch):
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "3")  # fewer backoff sleeps; the mode stays ours ("standard")
    with _FixedAnswer(429, {"message": "Rate exceeded"}, [("x-amzn-ErrorType", "ThrottlingException")]) as api:
        lam = cloud.client("lambda", endpoint_url=api.url)
        with pytest.raises(cloud.AwsThrottled) as caught:
            cloud.call(lam, "list_functions")
    assert api.requests == 3
    assert str(caught.value) == ("AWS kept throttling lambda requests in us-east-1 after retrying with backoff: "
                                 "wait a minute and try again.")


def test_access_denied_sentence(aws_env):
    with _FixedAnswer(403, {"message": "User is not authorized"}, [("x-amzn-ErrorType", "AccessDeniedException")]
                      ) as api:
        with pytest.raises(cloud.AwsAccessDenied) as caught:
            cloud.call(cloud.client("lambda", endpoint_url=api.url), "get_function", FunctionName="deeplens-x")
    assert str(caught.value).startswith("AWS denied GetFunction (lambda:GetFunction) in us-east-1")


def test_a_retired_greengrass_api_points_to_ssh(aws_env):
    with _FixedAnswer(404, {"message": "Not Found"}) as api:
        gg = cloud.client("greengrass", endpoint_url=api.url, region="eu-central-1")
        with pytest.raises(cloud.GreengrassRetired) as caught:
            cloud.call(gg, "list_groups")
    assert str(caught.value).startswith("The Greengrass V1 API is not available in eu-central-1")
    assert str(caught.value).endswith("deploy to the camera over SSH instead (--via ssh).")


def test_a_greengrass_group_that_does_not_exist_is_not_retirement(aws_env, moto_url):
    gg = cloud.client("greengrass", endpoint_url=moto_url)
    with pytest.raises(cloud.AwsNotFound, match="has no such resource"):
        cloud.call(gg, "get_group", GroupId="nope")


def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_unreachable_endpoint(aws_env, monkeypatch):
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "1")  # the user's retry settings win
    url = "http://127.0.0.1:{0}".format(_closed_port())
    with pytest.raises(cloud.AwsUnreachable) as caught:
        cloud.call(cloud.client("lambda", endpoint_url=url), "list_functions")
    assert str(caught.value).startswith("Could not reach AWS lambda at " + url)
    greengrass = cloud.client("greengrass", endpoint_url=url)
    with pytest.raises(cloud.AwsError) as caught:
        cloud.call(greengrass, "list_groups")
    retired = datetime.date.today() >= cloud.GREENGRASS_V1_END
    assert isinstance(caught.value, cloud.GreengrassRetired if retired else cloud.AwsUnreachable)


def test_latest_lambda_version(aws_env, moto_url):
    _post(moto_url + "/moto-api/reset", b"")
    iam = cloud.client("iam", endpoint_url=moto_url)
    role = iam.create_role(RoleName="AWSDeepLensLambdaRole", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam = cloud.client("lambda", endpoint_url=moto_url)
    lam.create_function(FunctionName="deeplens-draft", Runtime="python3.11", Role=role, Handler="a.b",
                        Code={"ZipFile": b"PK\x05\x06" + b"\0" * 18})
    assert cloud.latest_lambda_version(lam, "deeplens-draft") is None
    for text in ("one", "two", "three"):
        lam.update_function_code(FunctionName="deeplens-draft", ZipFile=_zip(text))
        published = lam.publish_version(FunctionName="deeplens-draft")
    assert cloud.latest_lambda_version(lam, "deeplens-draft") == ("3", published["CodeSha256"])
    with pytest.raises(cloud.AwsNotFound, match="has no function deeplens-gone"):
        cloud.latest_lambda_version(lam, "deeplens-gone")


def _zip(text):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.py", text)
    return buffer.getvalue()


def test_deployment_error_text():
    status = {"DeploymentStatus": "Failure", "ErrorMessage": "Lambda failed.",
              "ErrorDetails": [{"DetailedErrorCode": "GG-201", "DetailedErrorMessage": "bad memory"}, {}]}
    assert cloud.deployment_error_text(status) == "Lambda failed; GG-201: bad memory"
    assert cloud.deployment_error_text({"DeploymentStatus": "Success"}) == ""


def test_quick_clients_give_up_on_a_black_holed_aws_within_seconds(aws_env, moto_url, tcp_proxy):
    from urllib.parse import urlparse

    from tests.fixtures.proxy import BLACKHOLE

    proxy = tcp_proxy(urlparse(moto_url).port)
    proxy.set_mode(BLACKHOLE)
    aws = cloud.client("lambda", region="us-east-1", endpoint_url="http://127.0.0.1:{0}".format(proxy.port),
                       quick=True)
    started = time.monotonic()
    with pytest.raises(cloud.AwsError) as caught:
        cloud.latest_lambda_version(aws, "deeplens-face")
    elapsed = time.monotonic() - started
    assert elapsed < 20, elapsed
    assert "Could not reach AWS" in str(caught.value)
    assert proxy.attempts == cloud.QUICK_MAX_ATTEMPTS
