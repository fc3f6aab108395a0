"""DeepLens projects: the bundled ones in ``device_lambda/`` and local folders with the same layout.

A project is a folder holding a ``manifest.json`` and the Lambda's code. The manifest says everything the
app needs (handler, runtime, memory, model artifact, stream); nothing about a project is hard-coded
elsewhere. The project code is shipped as data: it is never imported here.

A real DeepLens deploys ONE folder as the Lambda package, so helpers shared between projects (listed in
the manifest's ``shared_files``, paths relative to the ``device_lambda`` folder) are copied by
``package_project`` into the root of the package. An unpacked package (the shared files already sit next
to the handler) is itself a valid project folder.
"""

import base64
import hashlib
import importlib.util
import io
import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from deeplens_gui.core.errors import ConfigError
from deeplens_gui.core.text import say

MANIFEST = "manifest.json"
RUNTIMES = ("python2.7", "python3.7")
MODEL_TYPES = ("classification", "ssd", "segmentation")
RESOLUTIONS = ("1080p", "720p", "480p")
#: what a Lambda without a manifest gets: the DeepLens samples' runtime, stream and the console's defaults
DEFAULT_RUNTIME = "python2.7"
DEFAULT_STREAM = {"path": "/tmp/results.mjpeg", "resolution": "480p"}
DEFAULT_MEMORY_MB = 1536
DEFAULT_TIMEOUT_S = 25
#: the handler function name every DeepLens sample and template uses
HANDLER_FUNCTION = "function_handler"

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_HANDLER_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*$")
# Fixed zip timestamp (the earliest a zip can hold) so the same files always give the same bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SKIP_DIRS = {"__pycache__"}
_SKIP_SUFFIXES = (".pyc", ".pyo")
_DEFINES_HANDLER_RE = re.compile(r"^def\s+" + HANDLER_FUNCTION + r"\s*\(", re.MULTILINE)
_EVENT_HANDLER_RE = re.compile(r"^def\s+([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*event\s*,\s*context\s*\)",
                               re.MULTILINE)


@dataclass(frozen=True)
class Project:
    """One project folder and its manifest (``manifest`` is the parsed file; treat it as read-only)."""

    id: str
    name: str
    description: str
    path: Path
    manifest: dict = field(compare=False, repr=False)
    handler: str
    runtime: str
    memory_mb: int
    timeout_s: int
    model_artifact: str
    model_type: str
    stream_path: str
    resolution: str
    pinned: bool = True
    shared_files: tuple = ()
    #: True when the folder has no manifest.json and ``manifest`` was derived (see ``derived_manifest``)
    derived: bool = False
    #: artifact names the project also accepts when ``model_artifact`` is not on the camera, in order
    model_fallbacks: tuple = ()

    @property
    def handler_module(self):
        """The module part of the handler (``greengrassHelloWorld``)."""
        return self.handler.split(".", 1)[0]

    @property
    def model_artifacts(self):
        """Every artifact name the project can load, preferred first (empty when it names none)."""
        return tuple(name for name in (self.model_artifact,) + self.model_fallbacks if name)


def device_lambda_dir():
    """The installed ``device_lambda`` package folder, found without importing any project code."""
    spec = importlib.util.find_spec("device_lambda")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError(say("The bundled DeepLens projects (the device_lambda package) are not installed; "
                              "reinstall DeepLens Console."))
    return Path(list(spec.submodule_search_locations)[0])


def bundled_projects():
    """The projects shipped with the app, as ``{id: Project}`` sorted by id."""
    root = device_lambda_dir()
    projects = {}
    for child in sorted(root.iterdir()):
        if child.is_dir() and (child / MANIFEST).is_file():
            project = load_project(child)
            if project.id in projects:
                raise ConfigError(say("Two bundled projects use the id '{0}' ({1} and {2}); reinstall "
                                      "DeepLens Console.", project.id, str(projects[project.id].path),
                                      str(child)))
            projects[project.id] = project
    return dict(sorted(projects.items()))


def load_project(path, handler=None):
    """Read and check the project folder at ``path``; ConfigError with one sentence when it is not valid.

    A folder without a manifest.json is a plain Lambda: its manifest is derived (``derived_manifest``) with
    ``handler`` (``module.function``) or else the one module that defines ``function_handler``. ``handler``
    given for a folder with a manifest must agree with it.
    """
    path = Path(path).resolve()
    manifest_path = path / MANIFEST
    if not path.is_dir():
        raise ConfigError(say("The project folder {0} does not exist.", str(path)))
    derived = not manifest_path.exists()
    if derived:
        modules = {source.name: source for source in path.glob("*.py") if source.is_file()}
        manifest = derived_manifest(project_id_for(path.name), path.name,
                                    "Lambda folder {0} (no manifest)".format(path),
                                    choose_handler(handler, modules, str(path)))
    else:
        manifest = _read_manifest(manifest_path)
        if handler and manifest.get("handler") != handler:
            raise ConfigError(say("{0} names the handler {1!r}; drop --handler or change the manifest.",
                                  str(manifest_path), manifest.get("handler")))
    check = _Checker(manifest_path, manifest)
    where = check.where

    project_id = check.string("id")
    if not _ID_RE.match(project_id):
        check.fail(say("{0}: '{1}' must be lower-case letters, digits, '-' or '_' (e.g. \"mask\").", where,
                       "id"))
    handler = check.string("handler")
    if not _HANDLER_RE.match(handler):
        check.fail(say("{0}: '{1}' must look like \"greengrassHelloWorld.function_handler\".", where,
                       "handler"))
    runtime = check.string("runtime")
    if runtime not in RUNTIMES:
        check.fail(say("{0}: '{1}' must be one of {2}.", where, "runtime", ", ".join(RUNTIMES)))
    stream = check.mapping("stream")
    model_type, artifact, fallbacks = _model_fields(check, manifest.get("model"))
    stream_path = check.string("path", stream, "stream.path")
    if not stream_path.startswith("/tmp/"):
        check.fail(say("{0}: '{1}' must be under /tmp/ (a DeepLens Lambda may only write there).", where,
                       "stream.path"))
    resolution = check.string("resolution", stream, "stream.resolution")
    if resolution not in RESOLUTIONS:
        check.fail(say("{0}: '{1}' must be one of {2}.", where, "stream.resolution", ", ".join(RESOLUTIONS)))
    pinned = manifest.get("pinned", True)
    if not isinstance(pinned, bool):
        check.fail(say("{0}: '{1}' must be true or false.", where, "pinned"))
    shared = manifest.get("shared_files", [])
    if not (isinstance(shared, list) and all(isinstance(item, str) and item for item in shared)):
        check.fail(say("{0}: '{1}' must be a list of paths relative to the device_lambda folder.", where,
                       "shared_files"))

    project = Project(
        id=project_id,
        name=check.string("name"),
        description=check.string("description"),
        path=path,
        manifest=manifest,
        handler=handler,
        runtime=runtime,
        memory_mb=check.positive_int("memory_mb"),
        timeout_s=check.positive_int("timeout_s"),
        model_artifact=artifact,
        model_type=model_type,
        stream_path=stream_path,
        resolution=resolution,
        pinned=pinned,
        shared_files=tuple(shared),
        model_fallbacks=tuple(fallbacks),
        derived=derived,
    )
    if project.handler_module + ".py" not in dict(_package_files(project)):
        check.fail(say("{0}: '{1}' names {2}.py, which is not in {3}.", where, "handler",
                       project.handler_module, str(path)))
    return project


def _read_manifest(manifest_path):
    try:
        text = manifest_path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(say("Could not read {0}: {1}.", str(manifest_path), str(error))) from error
    try:
        manifest = json.loads(text)
    except ValueError as error:
        raise ConfigError(say("{0} is not valid JSON ({1}).", str(manifest_path), str(error))) from error
    if not isinstance(manifest, dict):
        raise ConfigError(say("{0} must hold a JSON object.", str(manifest_path)))
    return manifest


def derived_manifest(project_id, name, description, handler, runtime=DEFAULT_RUNTIME,
                     memory_mb=DEFAULT_MEMORY_MB, timeout_s=DEFAULT_TIMEOUT_S):
    """The manifest of a Lambda that has none: what can be derived, the DeepLens defaults for the rest (no
    model: nothing says which artifact it loads)."""
    return {
        "id": project_id,
        "name": name,
        "description": description,
        "handler": handler,
        "runtime": runtime,
        "memory_mb": int(memory_mb),
        "timeout_s": int(timeout_s),
        "pinned": True,
        "stream": dict(DEFAULT_STREAM),
    }


def choose_handler(handler, modules, where):
    """``handler`` when given and its module is among ``modules`` (``{"name.py": Path or source text}``, the
    package's top-level modules), else ``<module>.function_handler`` of the one module defining it.

    ConfigError naming the candidates when there is none or more than one, so the user can pick one with
    ``--handler``.
    """
    if handler:
        if not _HANDLER_RE.match(handler):
            raise ConfigError(say("--handler {0!r} must look like MODULE.FUNCTION, as in "
                                  "greengrassHelloWorld.function_handler.", handler))
        module = handler.split(".", 1)[0] + ".py"
        if module not in modules:
            raise ConfigError(say("{0} has no {1}, which the handler {2} names (its modules: {3}).", where,
                                  module, handler, ", ".join(sorted(modules)) or say("none")))
        return handler
    defining = sorted(name for name, source in modules.items() if _DEFINES_HANDLER_RE.search(_text_of(source)))
    if len(defining) == 1:
        return defining[0][:-3] + "." + HANDLER_FUNCTION
    if not defining:
        # Functions shaped like a Lambda handler are the likely choice (samples also use lambda_handler).
        candidates = sorted(name[:-3] + "." + function for name, source in modules.items()
                            for function in _EVENT_HANDLER_RE.findall(_text_of(source)))
        if candidates:
            raise ConfigError(say("{0} has no manifest.json and none of its modules defines {1}; name the "
                                  "handler with --handler, one of: {2}.", where, HANDLER_FUNCTION,
                                  ", ".join(candidates)))
        raise ConfigError(say("{0} has no manifest.json and none of its modules ({1}) defines {2}; name the "
                              "handler with --handler MODULE.FUNCTION.", where,
                              ", ".join(sorted(modules)) or say("none"), HANDLER_FUNCTION))
    raise ConfigError(say("{0} has no manifest.json and several modules define {1} ({2}); choose one with "
                          "--handler, as in --handler {3}.", where, HANDLER_FUNCTION, ", ".join(defining),
                          defining[0][:-3] + "." + HANDLER_FUNCTION))


def _text_of(source):
    if isinstance(source, Path):
        source = source.read_bytes()
    if isinstance(source, bytes):
        source = source.decode("utf-8", "replace")
    return source


def project_id_for(name):
    """A project id (lower-case letters, digits, '-', '_') made from a Lambda function or folder name."""
    text = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-_")[:64]
    return text or "lambda"


def _model_fields(check, model):
    """``(type, artifact, fallback artifacts)`` of the manifest's ``model`` (empty: a project without a model)."""
    where = check.where
    if model is None:
        return "", "", []
    if not isinstance(model, dict):
        check.fail(say("{0}: '{1}' must be an object.", where, "model"))
    model_type = check.string("type", model, "model.type")
    if model_type not in MODEL_TYPES:
        check.fail(say("{0}: '{1}' must be one of {2}.", where, "model.type", ", ".join(MODEL_TYPES)))
    input_size = model.get("input")
    if not (isinstance(input_size, list) and len(input_size) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in input_size)):
        check.fail(say("{0}: '{1}' must be [width, height] in pixels.", where, "model.input"))
    artifact = check.string("artifact", model, "model.artifact")
    if os.path.basename(artifact) != artifact:
        check.fail(say("{0}: '{1}' must be a file name without a folder.", where, "model.artifact"))
    fallbacks = model.get("fallback_artifacts", [])
    if not (isinstance(fallbacks, list) and all(isinstance(name, str) and name and os.path.basename(name) == name
                                                 for name in fallbacks)):
        check.fail(say("{0}: '{1}' must be a list of file names without a folder.", where,
                       "model.fallback_artifacts"))
    return model_type, artifact, fallbacks


def package_project(project):
    """The Lambda package of ``project`` as zip bytes: its folder plus its shared files, deterministic."""
    files = [(name, source.read_bytes()) for name, source in _package_files(project)]
    if project.derived:  # the device's runner reads the manifest from the package
        files.append((MANIFEST, manifest_bytes(project.manifest)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in sorted(files):
            archive.writestr(zip_entry(name), data, compresslevel=9)
    return buffer.getvalue()


def zip_entry(name):
    """The ZipInfo of a package member: fixed time and unix mode, so the same files give the same bytes."""
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o100644 << 16
    info.create_system = 3  # unix, whatever the build machine is
    return info


def manifest_bytes(manifest):
    """``manifest`` as the manifest.json put into a package."""
    return json.dumps(manifest, indent=2, sort_keys=True).encode("utf-8")


def code_sha256(zip_bytes):
    """The package hash as AWS Lambda reports it in ``CodeSha256`` (base64 of the SHA-256 digest)."""
    return base64.b64encode(hashlib.sha256(zip_bytes).digest()).decode("ascii")


def _package_files(project):
    """Sorted ``(name in package, source file)`` pairs; ConfigError for a missing or clashing shared file."""
    files = {}
    for source in project.path.rglob("*"):
        relative = source.relative_to(project.path)
        hidden = any(part in _SKIP_DIRS or part.startswith(".") for part in relative.parts)
        if source.is_file() and not hidden and not source.name.endswith(_SKIP_SUFFIXES):
            files[relative.as_posix()] = source
    for shared in project.shared_files:
        name = Path(shared).name
        source = _shared_source(project, shared)
        if source is None:
            raise ConfigError(say("The project {0} needs the shared file {1}, which was not found next to it "
                                  "(in {2}) nor in its folder.", project.id, shared,
                                  str(project.path.parent)))
        if name in files and files[name].read_bytes() != source.read_bytes():
            raise ConfigError(say("The project {0} has its own {1}, which differs from the shared {2}; "
                                  "remove one of them.", project.id, name, shared))
        files[name] = source
    return sorted(files.items())


def _shared_source(project, shared):
    # In the source tree shared files sit under device_lambda/; in an unpacked package, next to the handler.
    root = project.path.parent.resolve()
    candidate = (root / shared).resolve()
    if root in candidate.parents and candidate.is_file():
        return candidate
    packaged = project.path / Path(shared).name
    return packaged if packaged.is_file() else None


class _Checker:
    """Reads manifest fields and raises ConfigError sentences naming the file (``where``) and the field."""

    def __init__(self, manifest_path, manifest):
        self.manifest_path = manifest_path
        self.where = str(manifest_path)
        self.manifest = manifest

    def fail(self, sentence):
        """Raise ConfigError(``sentence``): a say("{0}: '{1}' ...", where, field, ...) sentence."""
        raise ConfigError(sentence)

    def string(self, key, mapping=None, label=None):
        value = (self.manifest if mapping is None else mapping).get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(say("{0}: '{1}' is missing or empty.", self.where, label or key))
        return value

    def mapping(self, key):
        value = self.manifest.get(key)
        if not isinstance(value, dict):
            self.fail(say("{0}: '{1}' must be an object.", self.where, key))
        return value

    def positive_int(self, key):
        value = self.manifest.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            self.fail(say("{0}: '{1}' must be a positive whole number.", self.where, key))
        return value
