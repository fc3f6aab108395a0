"""Device: what the user named, and TARGET parsing (``[user@]host[:port]``, ``[user@][v6]:port`` or ssh alias).

A Device holds what the user wrote; ``~/.ssh/config`` is applied when connecting (see ``ssh.py``), so an
alias stays an alias here and the config can change without touching rosters.
"""

import re
from dataclasses import dataclass, replace

from deeplens_gui.core.errors import TargetError
from deeplens_gui.core.text import say

#: Where a DeepLens project Lambda writes its annotated frames (see shared/deeplens.md 1.1).
PROJECT_STREAM = "/tmp/results.mjpeg"
#: The camera's raw MJPEG channel (encoder channel 2).
CAMERA_STREAM = "/opt/awscam/out/ch2_out.mjpeg"
#: The login user of a DeepLens.
DEFAULT_USER = "aws_cam"

_HOST_RE = re.compile(r"^[A-Za-z0-9_.%-]+$")
_USER_RE = re.compile(r"^[A-Za-z0-9_.][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Device:
    """One camera. ``user``/``port``/``identity`` of None mean "ssh config, else the default"."""

    name: str
    host: str
    user: object = None
    port: object = None
    identity: object = None
    stream_path: str = PROJECT_STREAM
    label: str = ""
    group_id: object = None
    region: object = None

    @property
    def display(self):
        """What the UI shows: the name, and the label (a student's name) when there is one."""
        return "{0} ({1})".format(self.name, self.label) if self.label else self.name

    def with_stream(self, path):
        """The same device reading another stream path."""
        return replace(self, stream_path=path)


def parse_target(text, stream_path=PROJECT_STREAM, identity=None):
    """Parse ``[user@]host[:port]`` or ``[user@][ipv6]:port`` (or a bare ssh alias) into a Device.

    Raises TargetError with a sentence the user can act on.
    """
    raw = (text or "").strip()
    if not raw:
        raise TargetError(say("No device given. Use user@host[:port] or a name from your ssh config or "
                              "roster."))
    user = None
    rest = raw
    if "@" in raw:
        user, _, rest = raw.rpartition("@")
        if not _USER_RE.match(user):
            raise TargetError(say("{0!r} is not a valid user name in {1!r}.", user, raw))
    port = None
    if rest.startswith("["):
        host, sep, tail = rest[1:].partition("]")
        if not sep:
            raise TargetError(say("Missing ']' in {0!r}.", raw))
        if tail:
            if not tail.startswith(":"):
                raise TargetError(say("Unexpected {0!r} after the address in {1!r}.", tail, raw))
            port = _parse_port(tail[1:], raw)
    elif rest.count(":") == 1:
        host, _, port_text = rest.partition(":")
        port = _parse_port(port_text, raw)
    elif rest.count(":") > 1:
        host = rest  # bare IPv6 literal, no port
    else:
        host = rest
    if not host or host.startswith("-") or not (_HOST_RE.match(host) or ":" in host):
        raise TargetError(say("{0!r} is not a host name or address.", host or raw))
    return Device(name=raw, host=host, user=user, port=port, identity=identity, stream_path=stream_path)


def _parse_port(text, raw):
    if not (text.isascii() and text.isdigit()) or not 0 < int(text) < 65536:
        raise TargetError(say("{0!r} is not a port number (1-65535) in {1!r}.", text, raw))
    return int(text)
