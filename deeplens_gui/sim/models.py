"""Model manager of the virtual DeepLens: the weights of the models that stand in for DeepLens artifacts.

deeplens_gui.sim.catalog maps each artifact name to a model this machine can run: OpenCV's Haar
frontal-face cascade (ships inside the opencv wheel) for the face SSD, OpenCV's HOG people detector for
the object-detection SSD, and the SqueezeNet 1.1 ImageNet classifier of the ONNX Model Zoo (downloaded
once into the user's cache folder and checked against its published SHA-256) for the SqueezeNets.
A Lambda running in the camera's Python 2.7 gets the weights through ``python3 -m deeplens_gui.sim.models
NAME``, which prints their path.

Environment: ``DEEPLENS_MODEL_CACHE`` replaces the cache folder, ``DEEPLENS_MODEL_MIRROR`` (a base URL,
for example a classroom server on the LAN) replaces the folder part of every download URL.
"""

import hashlib
import os
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import cv2
import platformdirs

from deeplens_gui.core.errors import ModelUnavailable, StorageError
from deeplens_gui.core.files import AtomicFile
from deeplens_gui.sim import catalog

CACHE_ENV = "DEEPLENS_MODEL_CACHE"
MIRROR_ENV = "DEEPLENS_MODEL_MIRROR"
_CHUNK = 1 << 16


@dataclass(frozen=True)
class ModelSpec:
    """How the virtual device runs one DeepLens model.

    ``kind`` is ``"onnx"`` (run with cv2.dnn, downloaded from ``url``), ``"haar"`` (an OpenCV cascade file
    named ``file``) or ``"hog"`` (OpenCV's people detector, reporting ``label``). For ONNX classifiers the
    input is resized to ``input`` (width, height), scaled to 0..1
    in RGB order, then normalised with ``mean``/``std`` per channel.
    """

    name: str
    kind: str
    file: str
    description: str
    url: str = ""
    sha256: str = ""
    size: int = 0
    input: tuple = ()
    mean: tuple = ()
    std: tuple = ()
    label: int = 0


#: Where the ONNX weights come from (the rest of each model's description is in catalog.py, which the device
#: modules read in the Lambda's own Python).
_DOWNLOADS = {
    "squeezenet1.1": {
        # Pinned to a commit of github.com/onnx/models; the digest is the one published for this file
        # (the same value appears in several independent projects that pin this download).
        "url": "https://media.githubusercontent.com/media/onnx/models/4c46cd00fbdb7cd30b6c1c17ab54f2e1f4f7b177/"
               "validated/vision/classification/squeezenet/model/squeezenet1.1-7.onnx",
        "sha256": "1eeff551a67ae8d565ca33b572fc4b66e3ef357b0eb2863bb9ff47a918cc4088",
        "size": 4956208,
    },
}

MODELS = {name: ModelSpec(name=name, **dict(fields, **_DOWNLOADS.get(name, {})))
          for name, fields in catalog.MODELS.items()}


def model_spec(name):
    """The ModelSpec called ``name``; ModelUnavailable when the virtual device has no stand-in for it."""
    try:
        return MODELS[name]
    except KeyError:
        raise ModelUnavailable(
            "The virtual DeepLens has no model called '{0}' (it knows {1}).".format(
                name, ", ".join(sorted(MODELS)))
        ) from None


def cache_dir():
    """Where downloaded weights are kept: ``$DEEPLENS_MODEL_CACHE`` or the user cache folder."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else Path(platformdirs.user_cache_dir("deeplens-console")) / "models"


def ensure_model(name, cache=None, url=None, sha256=None, timeout=60.0):
    """Path of the weights of model ``name``, downloading and verifying them on first use.

    ``cache``, ``url`` and ``sha256`` override the cache folder, the download URL and the expected digest
    (tests, mirrors). A cached file is checked again; a corrupt one is replaced. Raises ModelUnavailable,
    with what to do, when the file cannot be fetched or does not match its checksum.
    """
    spec = model_spec(name)
    if spec.kind == "hog":
        return None
    if spec.kind == "haar":
        path = Path(cv2.data.haarcascades) / spec.file
        if not path.is_file():
            raise ModelUnavailable("OpenCV's {0} is missing from {1}; reinstall opencv-python-headless."
                                   .format(spec.file, path.parent))
        return path
    folder = Path(cache) if cache is not None else cache_dir()
    target = folder / spec.file
    expected = (sha256 or spec.sha256).lower()
    source = url or _mirrored(spec.url)
    if target.is_file():
        if _sha256_of(target) == expected:
            return target
        target.unlink()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelUnavailable(
            "Cannot create the model cache folder {0} ({1}); free some space or set {2} to a writable "
            "folder.".format(folder, error.strerror or error, CACHE_ENV)) from error
    _download(spec, source, target, expected, timeout)
    return target


def _mirrored(url):
    mirror = os.environ.get(MIRROR_ENV)
    if not mirror:
        return url
    return mirror.rstrip("/") + "/" + url.rsplit("/", 1)[1]


def _sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _download(spec, url, target, expected, timeout):
    """Fetch ``url`` into ``target`` atomically, keeping it only when its SHA-256 is ``expected``."""
    what_to_do = "Download {0} yourself and save it as {1}, then start the project again.".format(url, target)
    try:
        out = AtomicFile(target)
    except StorageError as error:
        raise ModelUnavailable("{0} {1}".format(error, what_to_do)) from error
    digest = hashlib.sha256()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            for chunk in iter(lambda: response.read(_CHUNK), b""):
                digest.update(chunk)
                out.write(chunk)
    except (urllib.error.URLError, OSError, ValueError) as error:
        out.discard()
        reason = getattr(error, "reason", None) or error
        if isinstance(reason, socket.timeout):
            reason = "timed out"
        raise ModelUnavailable(
            "The {0} weights are not on this computer and could not be downloaded from {1} ({2}). {3}".format(
                spec.description, url, reason, what_to_do)) from error
    except StorageError as error:
        raise ModelUnavailable("{0} {1}".format(error, what_to_do)) from error
    if digest.hexdigest() != expected:
        out.discard()
        raise ModelUnavailable(
            "The file downloaded from {0} is not the expected {1} (its SHA-256 is {2}, the published one is "
            "{3}); it was not kept. {4}".format(url, spec.file, digest.hexdigest(), expected, what_to_do))
    try:
        out.commit()
    except StorageError as error:
        raise ModelUnavailable("{0} {1}".format(error, what_to_do)) from error


def main(argv=None):
    """``python -m deeplens_gui.sim.models NAME``: print the path of model NAME's weights (downloading
    them)."""
    import sys

    names = sys.argv[1:] if argv is None else argv
    if len(names) != 1:
        print("usage: python -m deeplens_gui.sim.models MODEL_NAME", file=sys.stderr)
        return 2
    try:
        print(ensure_model(names[0]) or "")
    except ModelUnavailable as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
