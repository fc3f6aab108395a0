"""AWS access: one boto3 client factory, one error mapper, and the few Lambda calls the app needs.

boto3's own configuration is honoured as it is: credentials come only from its chain (environment, shared
files, SSO, instance roles); AWS_PROFILE, AWS_DEFAULT_REGION, AWS_ENDPOINT_URL(_<SERVICE>), AWS_RETRY_MODE and
AWS_MAX_ATTEMPTS keep their meaning. The app never reads, copies or stores a key. When nothing names a region,
us-east-1 is used (where DeepLens was sold). Throttled calls are retried by botocore with backoff ("standard"
retry mode) unless the user configured another retry mode.

There is no ``deeplens`` API in boto3; DeepLens deployments went through Lambda and Greengrass V1, and AWS
ended Greengrass V1 on 7 October 2026. A Greengrass call that finds no API answers with GreengrassRetired,
whose sentence points to deploying over SSH.
"""

import datetime
import os
import threading

import boto3
import botocore.loaders
import botocore.session
from botocore.config import Config
from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    InvalidRegionError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    ProfileNotFound,
    ReadTimeoutError,
    UnknownEndpointError,
)

from deeplens_gui.core.errors import AwsError
from deeplens_gui.core.text import say

#: The region used when neither the arguments, the roster, the environment nor the profile name one.
DEFAULT_REGION = "us-east-1"
#: Attempts per call (the first one included) when the user configured no retry mode of their own.
MAX_ATTEMPTS = 5
CONNECT_TIMEOUT = 5
READ_TIMEOUT = 20
#: status polls: an unreachable AWS must cost seconds (2 attempts x (3 s + 5 s) at worst)
QUICK_MAX_ATTEMPTS = 2
QUICK_CONNECT_TIMEOUT = 3
QUICK_READ_TIMEOUT = 5
#: The day AWS ended Greengrass V1 support; its resources are inaccessible afterwards.
GREENGRASS_V1_END = datetime.date(2026, 10, 7)

_UNREACHABLE = (EndpointConnectionError, ConnectTimeoutError, ReadTimeoutError, ConnectionClosedError)
_LOADER = botocore.loaders.create_loader()
_LOADER_LOCK = threading.Lock()

_ACCESS_DENIED = frozenset([
    "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
    "UnauthorizedException", "ForbiddenException",
])
_BAD_CREDENTIALS = frozenset([
    "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
    "SignatureDoesNotMatch",
    "AuthFailure", "InvalidAccessKeyId", "IncompleteSignature", "MissingAuthenticationToken",
])
_EXPIRED = frozenset(["ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired"])
_THROTTLED = frozenset([
    "Throttling", "ThrottlingException", "ThrottledException", "TooManyRequestsException",
    "RequestLimitExceeded",
    "SlowDown", "RequestThrottled", "RequestThrottledException", "ProvisionedThroughputExceededException",
    "429",
])
_NOT_FOUND = frozenset([
    "ResourceNotFoundException", "IdNotFoundException", "VersionNotFoundException", "NoSuchEntity",
])
# What an API that no longer exists answers: no route (404 without a service error code), an unknown
# operation, or "gone".
_RETIRED = frozenset([
    "404", "NotFound", "UnknownOperationException", "UnknownOperation", "InvalidAction", "410",
])


class AwsCredentialsError(AwsError):
    """No usable credentials: none found, unknown key, expired session, missing profile."""

    kind = "aws-credentials"


class AwsAccessDenied(AwsError):
    """The identity is known but not allowed to do this."""

    kind = "aws-denied"


class AwsThrottled(AwsError):
    """AWS kept throttling after botocore's retries with backoff."""

    kind = "aws-throttled"


class AwsNotFound(AwsError):
    """The function, version, group or deployment does not exist (in this region)."""

    kind = "aws-not-found"


class AwsUnreachable(AwsError):
    """The AWS endpoint could not be reached (network, proxy, wrong region, timeout)."""

    kind = "aws-unreachable"


class AwsRegionError(AwsError):
    """The region is not valid, or the service does not exist there."""

    kind = "aws-region"


class GreengrassRetired(AwsError):
    """The Greengrass V1 API does not answer: retired (7 Oct 2026) or not offered here. Deploy over SSH."""

    kind = "greengrass-retired"


def _retries(session, attempts=None):
    """Our retry defaults for settings the user left out (botocore reads theirs from env and profile)."""
    scoped = session.get_scoped_config()
    retries = {}
    if not (os.environ.get("AWS_RETRY_MODE") or scoped.get("retry_mode")):
        retries["mode"] = "standard"
    if not (os.environ.get("AWS_MAX_ATTEMPTS") or scoped.get("max_attempts")):
        retries["total_max_attempts"] = attempts or MAX_ATTEMPTS
    return retries


def session(profile=None):
    """A new boto3 Session for ``profile`` (None: AWS_PROFILE or the default). One per caller thread.

    Sessions share one model loader: loading the service models is most of a client's cost (a status poll
    of a classroom makes many clients), and the loaded models never change.
    """
    try:
        core = botocore.session.Session(profile=profile)
        core.get_scoped_config()  # a missing profile fails here, with the name in hand
    except ProfileNotFound as error:
        raise map_error(error) from None
    with _LOADER_LOCK:
        core.register_component("data_loader", _LOADER)
        result = boto3.session.Session(botocore_session=core)
        # boto3 appends its resource folder to the loader's search path for every new Session.
        paths = _LOADER.search_paths
        paths[:] = list(dict.fromkeys(paths))
    return result


def region_for(profile=None, region=None):
    """The region a client gets: ``region``, else the profile's or environment's, else us-east-1."""
    return region or session(profile).region_name or DEFAULT_REGION


def client(service, profile=None, region=None, endpoint_url=None, quick=False):
    """A boto3 client for ``service`` (thread-safe once made).

    ``region``/``endpoint_url`` override boto3's configuration when given; otherwise AWS_DEFAULT_REGION, the
    profile's region and AWS_ENDPOINT_URL(_<SERVICE>) apply as boto3 resolves them. ``quick`` is for status
    polls: short timeouts and one retry, so an unreachable AWS costs seconds, not minutes. Raises AwsError
    subclasses for a missing profile or an invalid region.
    """
    sess = session(profile)
    if quick:
        options = {"connect_timeout": QUICK_CONNECT_TIMEOUT, "read_timeout": QUICK_READ_TIMEOUT}
    else:
        options = {"connect_timeout": CONNECT_TIMEOUT, "read_timeout": READ_TIMEOUT}
    retries = _retries(sess._session, QUICK_MAX_ATTEMPTS if quick else MAX_ATTEMPTS)
    if retries:
        options["retries"] = retries
    try:
        return sess.client(service, region_name=region or sess.region_name or DEFAULT_REGION,
                           endpoint_url=endpoint_url, config=Config(**options))
    except (InvalidRegionError, NoRegionError, UnknownEndpointError) as error:
        raise map_error(error, service=service, region=region) from None


def call(aws_client, operation, **params):
    """``aws_client.<operation>(**params)`` with every botocore failure turned into an AwsError sentence."""
    try:
        return getattr(aws_client, operation)(**params)
    except (ClientError, BotoCoreError) as error:
        raise map_error(error, aws_client) from None


def _describe(aws_client, service, region):
    if aws_client is not None:
        meta = aws_client.meta
        service = service or meta.service_model.service_name
        region = region or meta.region_name
    return service or "AWS", region or DEFAULT_REGION


def _retired(region):
    if datetime.date.today() >= GREENGRASS_V1_END:
        return GreengrassRetired(say(
            "The Greengrass V1 API is not available in {0} (AWS ended Greengrass V1 (and DeepLens with it) "
            "on 7 October 2026): deploy to the camera over SSH instead (--via ssh).", region))
    return GreengrassRetired(say(
        "The Greengrass V1 API is not available in {0} (AWS ends Greengrass V1 on 7 October 2026): deploy to "
        "the camera over SSH instead (--via ssh).", region))


def map_error(error, aws_client=None, service=None, region=None):
    """The AwsError (one sentence, what to do) for a botocore/boto3 failure; ``error`` if it is one already.

    ``aws_client`` (or ``service``/``region``) says where the call went, for the sentence.
    """
    if isinstance(error, AwsError):
        return error
    service, region = _describe(aws_client, service, region)
    greengrass = service == "greengrass"
    if isinstance(error, ProfileNotFound):
        return AwsCredentialsError(say(
            "The AWS profile {0!r} does not exist in your AWS config or credentials file; check AWS_PROFILE "
            "or --profile (list profiles with: aws configure list-profiles).", error.kwargs.get("profile")))
    if isinstance(error, (NoCredentialsError, PartialCredentialsError)):
        return AwsCredentialsError(say(
            "No AWS credentials found: run 'aws configure' or 'aws sso login', or set AWS_PROFILE (DeepLens "
            "Console uses boto3's own credential chain and never stores keys)."))
    if isinstance(error, BotoCoreError) and type(error).__name__ in (
            "SSOTokenLoadError", "UnauthorizedSSOTokenError", "TokenRetrievalError", "SSOError"):
        return AwsCredentialsError(say(
            "Your AWS SSO login has expired or is missing: run 'aws sso login' (with --profile if you use "
            "one) and try again."))
    if isinstance(error, (InvalidRegionError, NoRegionError)):
        return AwsRegionError(say(
            "{0!r} is not a valid AWS region: use a name like us-east-1 (--region, AWS_DEFAULT_REGION or the "
            "roster's region).", getattr(error, "kwargs", {}).get("region_name", region)))
    if isinstance(error, UnknownEndpointError):
        if greengrass:
            return _retired(region)
        return AwsRegionError(say("AWS {0} is not offered in the region {1}: pick another region (--region, "
                                  "AWS_DEFAULT_REGION or the roster's region).", service, region))
    if isinstance(error, _UNREACHABLE):
        endpoint = getattr(error, "kwargs", {}).get("endpoint_url") or (
            aws_client.meta.endpoint_url if aws_client is not None else service)
        if greengrass and isinstance(error, EndpointConnectionError) and (
                datetime.date.today() >= GREENGRASS_V1_END):
            return _retired(region)
        return AwsUnreachable(say(
            "Could not reach AWS {0} at {1} ({2}): check the network or proxy, and that {3} is the right "
            "region.", service, endpoint, type(error).__name__, region))
    if isinstance(error, ClientError):
        return _map_client_error(error, service, region, greengrass)
    return AwsError(say("AWS {0} failed in {1}: {2}.", service, region, str(error)))


def _map_client_error(error, service, region, greengrass):
    details = error.response.get("Error", {}) or {}
    code = str(details.get("Code") or "")
    message = str(details.get("Message") or "").strip().rstrip(".")
    status = error.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    operation = error.operation_name
    if code in _ACCESS_DENIED or (status == 403 and code not in _BAD_CREDENTIALS | _EXPIRED):
        return AwsAccessDenied(say(
            "AWS denied {0} ({1}:{0}) in {2}: your AWS identity lacks that permission; ask your account "
            "admin to allow it (the AWSDeepLens* managed policies list what DeepLens needs).",
            operation, service, region))
    if code in _EXPIRED:
        return AwsCredentialsError(say(
            "Your AWS credentials have expired: refresh them ('aws sso login' or a new session token) and "
            "try again."))
    if code in _BAD_CREDENTIALS:
        return AwsCredentialsError(say(
            "AWS did not accept your credentials ({0}): the access key is unknown or the secret is wrong; "
            "check them with 'aws sts get-caller-identity'.", code))
    if code in _THROTTLED or status == 429:
        return AwsThrottled(say(
            "AWS kept throttling {0} requests in {1} after retrying with backoff: wait a minute and try "
            "again.", service, region))
    if greengrass and (code in _RETIRED or status == 410 or (status == 404 and code not in _NOT_FOUND)):
        return _retired(region)
    if code in _NOT_FOUND or status == 404:
        return AwsNotFound(say("AWS {0} in {1} has no such resource ({2}): check the name and the region.",
                               service, region, message or code))
    if message:
        return AwsError(say("AWS {0} {1} failed in {2}: {3}: {4}.", service, operation, region,
                            code or status, message))
    return AwsError(say("AWS {0} {1} failed in {2}: {3}.", service, operation, region, code or status))


def latest_lambda_version(lambda_client, name):
    """``(version, code_sha256)`` of the newest published version of function ``name``; None if none.

    Raises AwsError subclasses (AwsNotFound when the function does not exist).
    """
    best = None
    marker = None
    seen = False
    while True:
        params = {"FunctionName": name, "MaxItems": 50}
        if marker:
            params["Marker"] = marker
        page = call(lambda_client, "list_versions_by_function", **params)
        for entry in page.get("Versions", []):
            seen = True
            version = str(entry.get("Version", ""))
            if version.isdigit() and (best is None or int(version) > int(best[0])):
                best = (version, entry.get("CodeSha256"))
        marker = page.get("NextMarker")
        if not marker:
            break
    if not seen:  # an existing function always lists $LATEST
        raise AwsNotFound(say("AWS Lambda in {0} has no function {1}: check the name and the region.",
                              lambda_client.meta.region_name, name))
    return best


def deployment_error_text(status):
    """ErrorMessage and ErrorDetails of a GetDeploymentStatus answer as one string ("" when none)."""
    parts = []
    if status.get("ErrorMessage"):
        parts.append(str(status["ErrorMessage"]).strip().rstrip("."))
    for detail in status.get("ErrorDetails") or []:
        code, message = detail.get("DetailedErrorCode"), detail.get("DetailedErrorMessage")
        text = ": ".join(str(part) for part in (code, message) if part)
        if text:
            parts.append(text)
    return "; ".join(parts)
