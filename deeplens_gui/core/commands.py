"""Every shell command the app runs on a device, built in one place (design rule 9).

Each function returns one POSIX ``sh`` command line in which every argument went through ``shlex.quote``;
nothing else in the app builds remote command strings. Keep this list short.

Also here: how to read the relay's status lines (stderr), so the stream code does not need to know the
relay's internals.
"""

import math
import shlex

from deeplens_gui.core.relay import relay_script

#: the FIFO the DeepLens sample Lambdas write their annotated frames to
DEFAULT_STREAM_PATH = "/tmp/results.mjpeg"

#: every status line of the relay starts with this
RELAY_STATUS_PREFIX = "deeplens-relay: "

# Relay states (the first word after the prefix).
RELAY_READY = "ready"  # detail "hub" (reads the FIFO) or "sub" (gets frames from the hub relay)
RELAY_NOFIFO = "nofifo"  # the stream path does not exist: no project is running; the relay keeps waiting
RELAY_NOTFIFO = "notfifo"  # the path is a regular file: its frames are streamed once, then the relay ends
RELAY_NOWRITER = "nowriter"  # the FIFO exists but nothing writes to it; the relay keeps waiting
RELAY_STREAMING = "streaming"  # frames are arriving
RELAY_ERROR = "error"  # detail: what went wrong
RELAY_NOPYTHON = "nopython"  # no Python on the device: the command fell back to ``cat`` (duplicates included)

RELAY_STATES = frozenset(
    [RELAY_READY, RELAY_NOFIFO, RELAY_NOTFIFO, RELAY_NOWRITER, RELAY_STREAMING, RELAY_ERROR, RELAY_NOPYTHON]
)

# $0 is the script, $1 the stream path, the rest the relay's options. No Python: plain cat, the client
# de-duplicates.
_RELAY_LAUNCHER = (
    'for p in python3 python2 python; do command -v "$p" >/dev/null 2>&1 && exec "$p" -c "$0" "$@"; done; '
    'echo "' + RELAY_STATUS_PREFIX + RELAY_NOPYTHON + '" >&2; exec cat -- "$1"'
)


def _number(value, name, allow_zero):
    value = float(value)
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        raise ValueError("{0} must be {1}, not {2!r}".format(name, ">= 0" if allow_zero else "> 0", value))
    return repr(value)


def relay_command(path=DEFAULT_STREAM_PATH, max_fps=0.0, stale=2.0):
    """The command that streams the new frames of ``path`` to stdout (bare JPEGs back to back).

    It runs the relay with the device's first Python among python3, python2 and python; ``max_fps`` 0 means
    every new frame (recording), otherwise at most that many per second, newest first. ``stale`` is how long
    the FIFO may stay silent before the relay reports ``nowriter``.
    """
    if not path or "\0" in path:
        raise ValueError("the stream path must be a non-empty string without NUL bytes")
    args = [
        "sh",
        "-c",
        _RELAY_LAUNCHER,
        relay_script(),
        path,
        "--max-fps",
        _number(max_fps, "max_fps", True),
        "--stale",
        _number(stale, "stale", False),
    ]
    return " ".join(shlex.quote(arg) for arg in args)


def parse_relay_status(line):
    """``(state, detail)`` for a relay status line from stderr (``detail`` may be ""), else None.

    Accepts str or bytes, with or without the line ending. Unknown states are returned as they are, so a
    newer relay does not break an older client.
    """
    if isinstance(line, bytes):
        line = line.decode("utf-8", "replace")
    line = line.rstrip("\r\n")
    if not line.startswith(RELAY_STATUS_PREFIX):
        return None
    state, _, detail = line[len(RELAY_STATUS_PREFIX) :].partition(" ")
    if not state:
        return None
    return state, detail
