"""Code that runs ON the camera, with the device's own Python (2.7 or 3.5+; standard library, cv2 where
present).

The client never runs these programs itself; it ships them with the one loader below:

- ``relay``  (relay.py): the stream relay, run with ``python -c`` (see ``core/commands.py``);
- ``probe``  (probe.py): the health probe, run with ``python -c``;
- ``runner`` (runner.py): the deploy runner, uploaded as one file and run from it;
- ``frames`` (frames.py): the structure-aware JPEG frame reader the relay imports (the client's
  ``core/mjpeg.py`` imports it too, as a library).

``script(name)`` is the text to run or upload: the program's file with, in front, the modules of this folder
it imports, each defined as a module of that name (so ``from frames import ...`` works in a ``python -c``
script as it does next to the file). ``payload(name)`` is that text as bytes, ``stamp(name)`` its version
(SHA-256). The loader keeps to the programs' Python 2.7/3.5 syntax, so one check covers every file here.
"""

import hashlib
import io
import os

_HERE = os.path.dirname(os.path.abspath(__file__))

#: the modules of this folder each program imports, in the order they must be defined
IMPORTS = {"relay": ("frames",), "probe": (), "runner": (), "frames": ()}

# Defines a module from its source before the program runs; both Pythons accept ``exec`` in this form.
_MODULE = (
    "import sys as _sys, types as _types\n"
    "_module = _types.ModuleType({name!r})\n"
    "exec(compile({source}, {filename!r}, 'exec'), _module.__dict__)\n"
    "_sys.modules[{name!r}] = _module\n"
    "del _sys, _types, _module\n"
)

_scripts = {}


def source(name):
    """The text of one file of this folder (``name`` without ``.py``)."""
    if name not in IMPORTS:
        raise ValueError("no device-side program named {0!r}".format(name))
    with io.open(os.path.join(_HERE, name + ".py"), encoding="utf-8") as handle:
        return handle.read()


def script(name):
    """The self-contained text that runs program ``name`` on the camera (cached; compiled once here, so a
    broken script fails on the client, not on the camera)."""
    if name not in _scripts:
        parts = []
        for module in IMPORTS[name]:
            text = source(module)
            # repr() of ASCII text is a literal that Python 2 reads the same way.
            text.encode("ascii")
            parts.append(_MODULE.format(name=module, source=repr(text), filename=module + ".py"))
        text = "".join(parts) + source(name)
        compile(text, "<deeplens-{0}>".format(name), "exec")
        _scripts[name] = text
    return _scripts[name]


def payload(name):
    """``script(name)`` as UTF-8 bytes, as uploaded to the camera."""
    return script(name).encode("utf-8")


def stamp(name):
    """The version of what ships for ``name``: the hex SHA-256 of ``payload(name)``."""
    return hashlib.sha256(payload(name)).hexdigest()
