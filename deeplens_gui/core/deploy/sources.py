"""Where a deployed project comes from: a bundled project, a local folder, or a published AWS Lambda version.

``resolve_source(spec)`` turns what the user typed (``mask``, ``face``, a folder path, ``lambda:NAME`` or
``lambda:NAME:VERSION``, a Lambda zip file) into a ``ProjectSource``: the Lambda package as zip bytes plus
what the record on the device says about it. A package without a manifest.json gets one derived from what
is known (``--handler``, the Lambda configuration, the one module that defines ``function_handler``) and the
DeepLens defaults (``core/projects.py``). Every expected failure is a ConfigError or AwsError with one
sentence.
"""

import io
import json
import re
import urllib.error
import urllib.request
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from deeplens_gui.core.errors import AwsError, ConfigError
from deeplens_gui.core.projects import (
    DEFAULT_STREAM,
    MANIFEST,
    Project,
    bundled_projects,
    choose_handler,
    code_sha256,
    derived_manifest,
    load_project,
    manifest_bytes,
    package_project,
    project_id_for,
    zip_entry,
)
from deeplens_gui.core.text import say

LAMBDA_PREFIX = "lambda:"
#: the largest code package we download (AWS allows 250 MB unzipped)
MAX_PACKAGE_BYTES = 256 * 1024 * 1024
DOWNLOAD_TIMEOUT = 60.0

_HANDLER_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_VERSION_RE = re.compile(r"^[0-9]+$")


@dataclass(frozen=True)
class ProjectSource:
    """A project ready to deploy.

    ``kind`` is "bundled", "folder", "zip" or "lambda"; ``label`` is what the device record calls the source
    ("bundled:mask", "folder:/abs/path", "zip:/abs/file.zip", "lambda:NAME:VERSION"). ``zip_bytes`` is the package to upload
    (it always holds ``manifest.json`` and the handler module); ``manifest`` is that manifest.
    ``code_sha256`` identifies the code (base64 SHA-256 like Lambda's CodeSha256: of the package, or for a
    Lambda the function's own CodeSha256); ``version`` is the Lambda version (None for the others).
    """

    kind: str
    label: str
    project_id: str
    name: str
    zip_bytes: bytes = field(repr=False)
    manifest: dict = field(compare=False, repr=False)
    code_sha256: str
    version: Optional[str] = None
    project: Optional[Project] = field(default=None, compare=False, repr=False)

    @property
    def handler(self):
        """``module.function`` from the manifest."""
        return self.manifest["handler"]

    @property
    def model_artifacts(self):
        """The model artifact names the project can load from the camera's artifacts folder, preferred first
        (empty when its manifest names none)."""
        model = self.manifest.get("model")
        if not isinstance(model, dict) or not isinstance(model.get("artifact"), str):
            return ()
        fallbacks = model.get("fallback_artifacts")
        return (model["artifact"],) + tuple(name for name in (fallbacks if isinstance(fallbacks, list) else [])
                                            if isinstance(name, str))

    @property
    def stream_path(self):
        """The FIFO the project writes its frames to by default."""
        stream = self.manifest.get("stream")
        path = stream.get("path") if isinstance(stream, dict) else None
        return path or DEFAULT_STREAM["path"]


def resolve_source(spec, lambda_client_factory=None, downloader=None, profile=None, region=None, handler=None):
    """The ProjectSource for ``spec``: ``mask``/``face`` (bundled), a folder path, a Lambda zip file or
    ``lambda:NAME[:VERSION]``.

    ``lambda_client_factory()`` returns a boto3 Lambda client (default: ``cloud.client("lambda", profile,
    region)``); ``downloader(url) -> bytes`` fetches the code package (default: urllib with a timeout).
    ``handler`` (``module.function``) is the handler of a package without a manifest.
    """
    text = (spec or "").strip()
    if not text:
        raise ConfigError(say("No project given: use mask, face, a project folder or lambda:NAME[:VERSION]."))
    if text.startswith(LAMBDA_PREFIX):
        return _lambda_source(text[len(LAMBDA_PREFIX):], lambda_client_factory, downloader, profile, region,
                              handler)
    bundled = bundled_projects()
    if text in bundled:
        if handler and handler != bundled[text].handler:
            raise ConfigError(say("{0} names the handler {1!r}; drop --handler or change the manifest.",
                                  str(bundled[text].path / MANIFEST), bundled[text].handler))
        return project_source(bundled[text], "bundled", "bundled:" + text)
    path = Path(text).expanduser()
    if path.is_file():
        return _zip_source(path, handler)
    if not path.exists():
        raise ConfigError(say("{0!r} is neither a bundled project ({1}) nor an existing folder; for a Lambda "
                              "function write lambda:NAME[:VERSION].", text, ", ".join(bundled)))
    project = load_project(path, handler=handler)
    return project_source(project, "folder", "folder:" + str(project.path))


def project_source(project, kind, label):
    """The ProjectSource of a loaded Project (its package is built here)."""
    data = package_project(project)
    return ProjectSource(kind=kind, label=label, project_id=project.id, name=project.name, zip_bytes=data,
                         manifest=dict(project.manifest), code_sha256=code_sha256(data), project=project)


def _lambda_source(reference, client_factory, downloader, profile, region, handler):
    name, _, version = reference.partition(":")
    if not name:
        raise ConfigError(say("lambda: needs a function name, as in lambda:deeplens-mask or "
                              "lambda:deeplens-mask:3."))
    if version and not _VERSION_RE.match(version):
        raise ConfigError(say("{0!r} is not a published version number of {1} (deploy a published version, "
                              "such as lambda:{1}:3).", version, name))
    from deeplens_gui.core import cloud

    if client_factory is None:
        def client_factory():
            return cloud.client("lambda", profile=profile, region=region)
    client = client_factory()
    if not version:
        latest = cloud.latest_lambda_version(client, name)
        if latest is None:
            raise ConfigError(say("The Lambda function {0} has no published version: publish one (a DeepLens "
                                  "project always runs a published version), then deploy again.", name))
        version = latest[0]
    answer = cloud.call(client, "get_function", FunctionName=name, Qualifier=version)
    config = answer.get("Configuration") or {}
    location = (answer.get("Code") or {}).get("Location")
    if not location:
        raise AwsError(say("AWS Lambda gave no code location for {0}:{1}; its code may be an image, which a "
                           "DeepLens cannot run.", name, version))
    data = (downloader or download)(location)
    expected = config.get("CodeSha256")
    actual = code_sha256(data)
    if expected and actual != expected:
        raise AwsError(say("The code package of {0}:{1} arrived damaged (SHA-256 {2}, AWS says {3}); try "
                           "again.", name, version, actual, expected))
    package, manifest = _with_manifest(data, "{0}:{1}".format(name, version),
                                       lambda modules: lambda_manifest(name, version, config, modules, handler),
                                       handler)
    return ProjectSource(kind="lambda", label="lambda:{0}:{1}".format(name, version),
                         project_id=manifest["id"], name=manifest.get("name") or name, zip_bytes=package,
                         manifest=manifest, code_sha256=expected or actual, version=version)


def download(url, timeout=DOWNLOAD_TIMEOUT, limit=MAX_PACKAGE_BYTES):
    """The bytes at ``url`` (a Lambda code location); AwsError with a sentence when it cannot be fetched."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            data = response.read(limit + 1)
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", None) or error
        raise AwsError(say("Could not download the Lambda code package ({0}); check the network and try "
                           "again.", str(reason))) from None
    if len(data) > limit:
        raise AwsError(say("The Lambda code package is larger than {0} MB, too large for a DeepLens.",
                           limit // (1024 * 1024)))
    return data


def _zip_source(path, handler):
    """A Lambda zip file on this computer (as the Lambda console exports it), with or without a manifest."""
    path = path.resolve()
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ConfigError(say("Could not read {0}: {1}.", str(path), error.strerror or str(error))) from None
    name = path.stem

    def derive(modules):
        return derived_manifest(project_id_for(name), name, "Lambda package {0} (no manifest)".format(path),
                                choose_handler(handler, modules, str(path)))

    package, manifest = _with_manifest(data, str(path), derive, handler)
    return ProjectSource(kind="zip", label="zip:" + str(path), project_id=manifest["id"],
                         name=manifest.get("name") or name, zip_bytes=package, manifest=manifest,
                         code_sha256=code_sha256(package))


def _with_manifest(data, label, derive, handler=None):
    """``(package bytes, manifest)``: the package checked, with the manifest ``derive(top-level modules)``
    returns added when it has none (``{"name.py": source bytes}``)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError) as error:
        raise ConfigError(say("The code package of {0} is not a zip file ({1}).", label,
                              str(error))) from None
    with archive:
        if MANIFEST in names:
            try:
                manifest = json.loads(archive.read(MANIFEST).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as error:
                raise ConfigError(say("The {0} in the code package of {1} is not valid JSON ({2}).", MANIFEST,
                                      label, str(error))) from None
            if not isinstance(manifest, dict):
                raise ConfigError(say("The {0} in the code package of {1} must hold a JSON object.", MANIFEST,
                                      label))
            if handler and manifest.get("handler") != handler:
                raise ConfigError(say("The {0} in the code package of {1} names the handler {2!r}; drop "
                                      "--handler or change the manifest.", MANIFEST, label,
                                      manifest.get("handler")))
            package = data
        else:
            modules = {name: archive.read(name) for name in names if name.endswith(".py") and "/" not in name}
            manifest = derive(modules)
            package = _add_file(archive, MANIFEST, manifest_bytes(manifest))
    handler = manifest.get("handler")
    if not isinstance(handler, str) or not _HANDLER_RE.match(handler):
        raise ConfigError(say("The Lambda {0} has the handler {1!r}; a DeepLens project needs one like "
                              "greengrassHelloWorld.function_handler.", label, handler))
    module = handler.split(".", 1)[0] + ".py"
    if module not in names:
        raise ConfigError(say("The code package of {0} has no {1}, which its handler {2} names.", label,
                              module, handler))
    if not isinstance(manifest.get("id"), str) or not _ID_RE.match(manifest["id"]):
        raise ConfigError(say("The {0} in the code package of {1} has no valid 'id' (lower-case letters, "
                              "digits, '-' or '_').", MANIFEST, label))
    return package, manifest


def lambda_manifest(name, version, config, modules=None, handler=None):
    """A project manifest for a Lambda package that has none, from the function's configuration (its
    Handler and Runtime); ``handler`` replaces the configured one, and without either the one module of
    ``modules`` that defines ``function_handler`` is the handler."""
    runtime = str(config.get("Runtime") or "")
    if not runtime.startswith("python"):
        if runtime:
            raise ConfigError(say("The Lambda {0}:{1} runs on {2!r}; a DeepLens runs Python Lambdas only.",
                                  name, version, runtime))
        raise ConfigError(say("The Lambda {0}:{1} runs on 'a container image'; a DeepLens runs Python "
                              "Lambdas only.", name, version))
    handler = handler or config.get("Handler") or choose_handler(None, modules or {},
                                                                 "{0}:{1}".format(name, version))
    manifest = derived_manifest(project_id_for(name), name,
                                config.get("Description") or "AWS Lambda {0}, version {1}".format(name, version),
                                handler, runtime=runtime, memory_mb=int(config.get("MemorySize") or 128),
                                timeout_s=int(config.get("Timeout") or 3))
    manifest["lambda"] = {"function_arn": config.get("FunctionArn"), "version": version}
    return manifest


def _add_file(archive, name, data):
    """The zip ``archive`` rewritten with ``name`` added (entries keep their bytes and attributes)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in archive.infolist():
            out.writestr(info, archive.read(info))
        out.writestr(zip_entry(name), data)
    return buffer.getvalue()
