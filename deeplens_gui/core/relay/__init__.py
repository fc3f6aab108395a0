"""Device-side relay, shipped as data and run with the camera's own Python.

``relay_script()`` gives the source to run with ``python -c``: the frame reader (``core/mjpeg.py``) followed
by the relay (``relay.py``), which then uses the reader defined above it instead of loading its sibling file.
"""

import functools
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@functools.cache
def relay_script():
    """One self-contained Python 2.7/3.5+ source string: ``python -c SCRIPT [--max-fps F] [--stale S] -- PATH``."""
    reader = (_HERE.parent / "mjpeg.py").read_text(encoding="utf-8")
    relay = (_HERE / "relay.py").read_text(encoding="utf-8")
    script = reader.rstrip("\n") + "\n\n\n" + relay
    compile(script, "<deeplens-relay>", "exec")  # a broken script must fail here, not on the camera
    return script
