"""Classroom roster: a TOML file of named devices, loaded strictly and saved atomically.

A roster file looks like this (see ``docs`` for the user guide)::

    version = 1
    known_hosts = "known_hosts"          # optional; relative to the roster file

    [[device]]
    name = "desk-01"                     # unique, required
    target = "aws_cam@192.0.2.10:22"     # [user@]host[:port] or an ssh-config alias; required
    identity = "~/.ssh/deeplens"         # optional; relative to the roster file if relative
    stream_path = "/tmp/results.mjpeg"   # optional
    label = "Minji Kim"                  # optional (the student's name)
    group_id = "..."                     # optional Greengrass V1 group id
    region = "us-east-1"                 # optional

Passwords and key passphrases never go into a roster: the app keeps them in the OS keyring
(``core/secrets.py``), and a roster that contains a ``password`` key is refused with a sentence saying so.

In memory, ``identity`` and ``known_hosts`` are absolute, normalized paths, so a Device taken out of a roster
means the same thing anywhere. On saving they are written relative to the roster's folder when the file is
inside it, as ``~/...`` when it is in the user's home, and absolute otherwise, so rosters can be copied
between machines. ``load_roster(p)`` after ``save_roster(r, p)`` gives a roster equal to ``r``.
"""

import csv
import difflib
import glob
import io
import locale
import logging
import os
import re
import shlex
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Optional

try:
    import tomllib
except ModuleNotFoundError:  # Python < 3.11
    import tomli as tomllib

from deeplens_gui.core.device import PROJECT_STREAM, Device, parse_target
from deeplens_gui.core.errors import ConfigError, TargetError
from deeplens_gui.core.files import atomic_write
from deeplens_gui.core.text import capitalize, join, say, trim_period

#: The roster format this code writes, and the newest it reads.
ROSTER_VERSION = 1

DEVICE_KEYS = ("name", "target", "identity", "stream_path", "label", "group_id", "region")
TOP_KEYS = ("version", "known_hosts", "device")
#: Keys that would hold a secret; refused with a pointer to the keyring rather than as a mere typo.
SECRET_KEYS = ("password", "passphrase", "passwd", "secret", "key_passphrase")

CSV_COLUMNS = ("name", "host", "user", "port", "identity", "label")
#: Columns, in order, of a CSV file without a header row.
CSV_POSITIONAL = ("name", "host", "user", "port", "identity")

_REGION_RE = re.compile(r"^[a-z]{2}(-[a-z]+)+-[0-9]+$")
_TOML_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_FILE_HEADER = (
    "# DeepLens Console classroom roster.\n"
    "# Passwords never go here: DeepLens Console keeps them in your OS keyring.\n\n"
)
_INCLUDE_DEPTH = 16

_log = logging.getLogger(__name__)


class _Invalid(Exception):
    """One field's problem, as a sentence fragment; the caller adds the file, line and device."""


@dataclass(frozen=True)
class Roster:
    """An ordered set of uniquely named devices, plus the known_hosts file the class uses.

    ``path`` is where the roster was loaded from (or saved to); it is not part of the roster's value,
    so it takes no part in equality.
    """

    devices: tuple = ()
    known_hosts: Optional[str] = None
    path: Optional[str] = field(default=None, compare=False)

    def __post_init__(self):
        devices = tuple(self.devices)
        seen = set()
        for device in devices:
            if not isinstance(device, Device):
                raise TypeError("a Roster holds Device objects, not {0!r}".format(device))
            if device.name in seen:
                raise ValueError("two devices in one roster are named {0!r}".format(device.name))
            seen.add(device.name)
        object.__setattr__(self, "devices", devices)

    def get(self, name):
        """The device called ``name``; TargetError if the roster has none."""
        for device in self.devices:
            if device.name == name:
                return device
        if self.path:
            raise TargetError(say("No device named {0!r} in the roster {1}.", name, self.path))
        raise TargetError(say("No device named {0!r} in the roster.", name))

    def names(self):
        """Device names in roster order."""
        return [device.name for device in self.devices]

    def with_device(self, device):
        """A roster with ``device`` added at the end, or replacing the device of the same name in place."""
        devices = list(self.devices)
        for index, old in enumerate(devices):
            if old.name == device.name:
                devices[index] = device
                break
        else:
            devices.append(device)
        return replace(self, devices=tuple(devices))

    def without(self, name):
        """A roster without the device called ``name``; TargetError if there is none."""
        self.get(name)
        return replace(self, devices=tuple(d for d in self.devices if d.name != name))


@dataclass(frozen=True)
class RowError:
    """A CSV row that was not imported: its first line number (1-based) and why."""

    line: int
    message: str

    def __str__(self):
        return say("Line {0}: {1}", self.line, self.message)


# ---------------------------------------------------------------------------------------------- loading


def load_roster(path):
    """Read and validate a roster file. Raises ConfigError naming the file, the line and the field."""
    path = os.fspath(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        raise ConfigError(say("The roster file {0} does not exist.", path)) from None
    except OSError as error:
        raise ConfigError(say("Could not read the roster file {0}: {1}.",
                              path, error.strerror or str(error))) from error
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ConfigError(say("The roster file {0} is not UTF-8 text (bad byte at offset {1}); save it as "
                              "UTF-8 and try again.", path, error.start)) from None
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(say("The roster file {0} is not valid TOML: {1}.",
                              path, _toml_error_text(error))) from None
    base = os.path.dirname(os.path.abspath(path))
    return _roster_from_document(document, _Locator(text), path, base)


def _toml_error_text(error):
    # tomllib puts the position at the end of its message; put it first, where people look.
    message = str(error)
    lineno, colno = getattr(error, "lineno", None), getattr(error, "colno", None)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if match:
        message = message[:match.start()]
        lineno, colno = lineno or int(match.group(1)), colno or int(match.group(2))
    elif getattr(error, "msg", None):
        message = error.msg
    if lineno:
        return say("line {0}, column {1}: {2}", lineno, colno, message)
    return message


class _Locator:
    """Finds the line of a top-level key, a ``[[device]]`` header or a key inside one, for error messages.

    TOML parsers do not report positions of values, so this scans the text. It is only trusted when it finds
    as many ``[[device]]`` headers as the parser found devices (not so for inline ``device = [...]`` arrays).
    """

    _HEADER = re.compile(r"""^\s*\[\[\s*(device|"device"|'device')\s*\]\]\s*(#.*)?$""")
    _TABLE = re.compile(r"^\s*\[")
    _KEY = re.compile(r"""^\s*(["']?)([A-Za-z0-9_-]+)\1\s*=""")

    def __init__(self, text):
        self.top = {}
        self.devices = []
        section = self.top
        for number, line in enumerate(text.splitlines(), 1):
            if self._HEADER.match(line):
                section = {"[[device]]": number}
                self.devices.append(section)
            elif self._TABLE.match(line):
                section = {}
            else:
                key = self._KEY.match(line)
                if key:
                    section.setdefault(key.group(2), number)

    def line(self, index=None, key=None, count=None):
        """The line of ``key`` (top-level if ``index`` is None) or of device ``index``'s header; else None."""
        if index is None:
            return self.top.get(key)
        if count is not None and count != len(self.devices):
            return None
        block = self.devices[index]
        return block.get(key) or block["[[device]]"]


def _roster_from_document(document, locator, path, base):
    def fail(problem, key=None, index=None, name=None, count=None):
        line = locator.line(index, key, count)
        if index is None:
            where = path if line is None else say("{0}, line {1}", path, line)
        else:
            who = say("device {0!r}", name) if name else say("device #{0}", index + 1)
            if line is None:
                where = say("{0} ({1})", path, who)
            else:
                where = say("{0}, line {1} ({2})", path, line, who)
        if problem.endswith("."):  # it ends with a sentence of its own (a bad target)
            return ConfigError(say("{0}: {1}", where, problem))
        return ConfigError(say("{0}: {1}.", where, problem))

    for key in document:
        if key not in TOP_KEYS:
            raise fail(_unknown_key_problem(key, TOP_KEYS), key=key)
    version = document.get("version", ROSTER_VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise fail(say("'version' must be a whole number such as {0}, not {1!r}", ROSTER_VERSION, version),
                   key="version")
    if version > ROSTER_VERSION:
        raise fail(say("this roster was written by a newer DeepLens Console (roster version {0}; this one "
                       "reads version {1}). Update DeepLens Console to open it", version, ROSTER_VERSION),
                   key="version")
    known_hosts = document.get("known_hosts")
    if known_hosts is not None:
        try:
            known_hosts = _resolve_path(_check_path_text(known_hosts, "known_hosts"), base)
        except _Invalid as problem:
            raise fail(problem.args[0], key="known_hosts") from None
    tables = document.get("device", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise fail(say("'device' must be a list of [[device]] tables"), key="device")
    devices = []
    first_index = {}
    for index, table in enumerate(tables):
        name = table.get("name") if isinstance(table.get("name"), str) else None
        context = {"index": index, "name": name, "count": len(tables)}
        try:
            device = _device_from_table(table, base)
        except _Invalid as problem:
            key = problem.args[1] if len(problem.args) > 1 else None
            raise fail(problem.args[0], key=key, **context) from None
        if device.name in first_index:
            earlier = locator.line(first_index[device.name], "name", len(tables))
            if earlier:
                problem = say("the name {0!r} is already used by the device on line {1}; names must be "
                              "unique", device.name, earlier)
            else:
                problem = say("the name {0!r} is already used by the device #{1}; names must be unique",
                              device.name, first_index[device.name] + 1)
            raise fail(problem, key="name", **context)
        first_index[device.name] = index
        devices.append(device)
    return Roster(devices=tuple(devices), known_hosts=known_hosts, path=os.path.abspath(path))


def _device_from_table(table, base):
    for key in table:
        if key not in DEVICE_KEYS:
            raise _Invalid(_unknown_key_problem(key, DEVICE_KEYS), key)
    for key in ("name", "target"):
        if key not in table:
            raise _Invalid(say("the required key '{0}' is missing", key), None)

    def checked(key, check, *args):
        try:
            return check(table[key], *args)
        except _Invalid as problem:
            raise _Invalid(problem.args[0], key) from None

    name = checked("name", _check_name)
    target_text = table["target"]
    if not isinstance(target_text, str):
        raise _Invalid(say("'target' must be text such as \"aws_cam@192.0.2.10\""), "target")
    try:
        parsed = parse_target(target_text)
    except TargetError as error:
        # The target's own sentence keeps its period; fail() then adds none (the same text as before).
        raise _Invalid(say("bad target: {0}", error.message), "target") from None
    identity = None
    if "identity" in table:
        identity = _resolve_path(checked("identity", _check_path_text, "identity"), base)
    return Device(
        name=name,
        host=parsed.host,
        user=parsed.user,
        port=parsed.port,
        identity=identity,
        stream_path=checked("stream_path", _check_stream_path) if "stream_path" in table else PROJECT_STREAM,
        label=checked("label", _check_label) if "label" in table else "",
        group_id=checked("group_id", _check_optional_text, "group_id") if "group_id" in table else None,
        region=checked("region", _check_region) if "region" in table else None,
    )


def _unknown_key_problem(key, known):
    if key.lower() in SECRET_KEYS:
        return say("a roster may not hold passwords ('{0}'); remove it. DeepLens Console asks for passwords "
                   "when it connects and keeps them in your OS keyring", key)
    close = difflib.get_close_matches(key, known, n=1)
    if close:
        return say("unknown key '{0}' (did you mean '{1}'?); the known keys here are {2}",
                   key, close[0], ", ".join(known))
    return say("unknown key '{0}'; the known keys here are {1}", key, ", ".join(known))


# ------------------------------------------------------------------------------------- field checks


def _check_name(value):
    if not isinstance(value, str):
        raise _Invalid(say("'name' must be text, not {0!r}", value))
    if not value.strip():
        raise _Invalid(say("'name' is empty"))
    if value != value.strip():
        raise _Invalid(say("the name {0!r} starts or ends with spaces", value))
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise _Invalid(say("the name {0!r} contains control characters", value))
    return value


def _check_label(value):
    if not isinstance(value, str):
        raise _Invalid(say("'label' must be text, not {0!r}", value))
    return value


def _check_optional_text(value, key):
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(say("'{0}' must be non-empty text, not {1!r}", key, value))
    return value


def _check_path_text(value, key):
    if isinstance(value, os.PathLike):
        value = os.fspath(value)
    return _check_optional_text(value, key)


def _check_stream_path(value):
    if not isinstance(value, str) or not value.startswith("/"):
        raise _Invalid(say("'stream_path' must be an absolute path on the device such as {0!r}, not {1!r}",
                           PROJECT_STREAM, value))
    return value


def _check_region(value):
    if not isinstance(value, str) or not _REGION_RE.match(value):
        raise _Invalid(say("'region' must be an AWS region such as 'us-east-1', not {0!r}", value))
    return value


def _resolve_path(text, base):
    full = os.path.expanduser(text)
    if not os.path.isabs(full):
        full = os.path.join(base, full)
    return os.path.normpath(full)


def _portable_path(path, base):
    """``path`` as written in a roster in ``base``: relative inside it, ``~/...`` in home, else absolute."""
    full = os.path.normpath(os.path.abspath(os.path.expanduser(path)))
    if _is_inside(full, base):
        return os.path.relpath(full, base).replace(os.sep, "/")
    home = os.path.expanduser("~")
    if home != "~" and _is_inside(full, os.path.normpath(home)):
        return "~/" + os.path.relpath(full, home).replace(os.sep, "/")
    return full


def _is_inside(path, folder):
    try:
        return path != folder and os.path.commonpath([path, folder]) == folder
    except ValueError:  # different drives on Windows
        return False


# ----------------------------------------------------------------------------------------------- saving


def format_target(device):
    """The ``[user@]host[:port]`` text of a device (IPv6 hosts in brackets when a port follows)."""
    host = device.host
    if device.port is not None:
        host = "[{0}]:{1}".format(host, device.port) if ":" in host else "{0}:{1}".format(host, device.port)
    return "{0}@{1}".format(device.user, host) if device.user is not None else host


def save_roster(roster, path):
    """Write ``roster`` to ``path`` atomically in a stable layout; returns the roster with ``path`` set.

    Raises ConfigError (and writes nothing) for a device that could not be read back as it is, and
    StorageError when the file cannot be written (the previous file is then unchanged).
    """
    path = os.fspath(path)
    base = os.path.dirname(os.path.abspath(path))
    lines = ["version = {0}".format(ROSTER_VERSION)]
    if roster.known_hosts is not None:
        try:
            value = _portable_path(_check_path_text(roster.known_hosts, "known_hosts"), base)
        except _Invalid as problem:
            raise ConfigError(say("Cannot save the roster to {0}: {1}.", path, problem.args[0])) from None
        lines.append("known_hosts = {0}".format(_toml_string(value)))
    for device in roster.devices:
        try:
            table = _device_table(device, base)
        except _Invalid as problem:
            if problem.args[0].endswith("."):  # it ends with a sentence of its own (a bad target)
                raise ConfigError(say("Cannot save the roster to {0}: device {1!r}: {2}",
                                      path, device.name, problem.args[0])) from None
            raise ConfigError(say("Cannot save the roster to {0}: device {1!r}: {2}.",
                                  path, device.name, problem.args[0])) from None
        lines.append("")
        lines.append("[[device]]")
        lines.extend("{0} = {1}".format(key, _toml_string(value)) for key, value in table)
    atomic_write(path, (_FILE_HEADER + "\n".join(lines) + "\n").encode("utf-8"))
    return replace(roster, path=os.path.abspath(path))


def _device_table(device, base):
    """The (key, text) pairs of one ``[[device]]`` table, checked so that loading gives ``device`` back."""
    table = [("name", _check_name(device.name))]
    if device.user is not None and not isinstance(device.user, str):
        raise _Invalid(say("the user {0!r} is not text", device.user))
    if device.port is not None and (isinstance(device.port, bool) or not isinstance(device.port, int)):
        raise _Invalid(say("the port {0!r} is not a whole number", device.port))
    target = format_target(device)
    try:
        parsed = parse_target(target)
    except TargetError as error:
        # The target's own sentence keeps its period; save_roster() then adds none (the same text as before).
        raise _Invalid(say("bad target: {0}", error.message)) from None
    if (parsed.host, parsed.user, parsed.port) != (device.host, device.user, device.port):
        raise _Invalid(say("the host {0!r} cannot be written as a target", device.host))
    table.append(("target", target))
    if device.identity is not None:
        table.append(("identity", _portable_path(_check_path_text(device.identity, "identity"), base)))
    if _check_stream_path(device.stream_path) != PROJECT_STREAM:
        table.append(("stream_path", device.stream_path))
    if _check_label(device.label):
        table.append(("label", device.label))
    if device.group_id is not None:
        table.append(("group_id", _check_optional_text(device.group_id, "group_id")))
    if device.region is not None:
        table.append(("region", _check_region(device.region)))
    return table


def _toml_string(text):
    out = []
    for ch in text:
        if ch in _TOML_ESCAPES:
            out.append(_TOML_ESCAPES[ch])
        elif ch < " " or ch == "\x7f":
            out.append("\\u{0:04X}".format(ord(ch)))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


# ------------------------------------------------------------------------------------------- CSV import


def import_csv(path_or_text):
    """Devices from a CSV file (a path) or CSV text, and one RowError per row that could not be used.

    Columns are name, host, user, port, identity (user, port and identity may be empty). A first row
    naming its columns (it must include ``name`` and ``host``) is detected and may also order them
    differently and add ``label``. Good rows are kept when others are bad; a name used twice is an error
    on the later row. Relative identity paths are relative to the CSV file's folder (or the current folder
    for text). Raises ConfigError only when the file itself cannot be read.
    """
    text, base = _csv_source(path_or_text)
    text = text.removeprefix("\ufeff")
    delimiter = _csv_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True)
    devices, errors = [], []
    columns = None
    first_line_of = {}
    previous_end = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            errors.append(RowError(previous_end + 1, say("This row could not be read as CSV ({0}); it and "
                                                         "the rows after it were not imported.", str(error))))
            break
        line, previous_end = previous_end + 1, reader.line_num
        cells = [cell.strip() for cell in row]
        if not any(cells):
            continue
        if columns is None:
            header = [cell.lower().replace(" ", "_") for cell in cells]
            if "name" in header and "host" in header:
                columns = header
                unknown = [cell for cell in header if cell and cell not in CSV_COLUMNS]
                if unknown:
                    errors.append(RowError(line, say("Unknown columns were ignored: {0}; the known "
                                                     "columns are {1}.",
                                                     ", ".join(map(repr, unknown)), ", ".join(CSV_COLUMNS))))
                continue
            columns = list(CSV_POSITIONAL)
        try:
            device = _device_from_row(cells, columns, base)
        except _Invalid as problem:
            errors.append(RowError(line, problem.args[0]))
            continue
        if device.name in first_line_of:
            errors.append(RowError(line, say("The name {0!r} is already used on line {1}; names must be "
                                             "unique.", device.name, first_line_of[device.name])))
            continue
        first_line_of[device.name] = line
        devices.append(device)
    return devices, errors


def _csv_source(path_or_text):
    if isinstance(path_or_text, os.PathLike) or (
            "\n" not in path_or_text and "\r" not in path_or_text and os.path.isfile(path_or_text)):
        path = os.fspath(path_or_text)
        try:
            with open(path, "rb") as handle:
                raw = handle.read()
        except OSError as error:
            raise ConfigError(say("Could not read the CSV file {0}: {1}.",
                                  path, error.strerror or str(error))) from error
        return _decode_csv(raw, path), os.path.dirname(os.path.abspath(path))
    if path_or_text.strip() and not any(ch in path_or_text for ch in ",;\t\n\r"):
        raise ConfigError(say("The CSV file {0} does not exist.", path_or_text))
    return path_or_text, os.getcwd()


def _decode_csv(raw, path):
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Spreadsheets save "CSV" in the computer's own code page (cp949 on Korean Windows) unless told UTF-8.
    encoding = locale.getpreferredencoding(False)
    if encoding and encoding.lower().replace("-", "") not in ("utf8", "utf8sig"):
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            pass
    raise ConfigError(say("The CSV file {0} is not UTF-8 text. In your spreadsheet, save it as \"CSV UTF-8\" "
                          "and import it again.", path))


def _csv_delimiter(text):
    # Spreadsheets in many locales write ';' (or tabs) because ',' is their decimal mark.
    first = next((line for line in text.splitlines() if line.strip()), "")
    return max(",;\t", key=first.count) if any(ch in first for ch in ",;\t") else ","


def _device_from_row(cells, columns, base):
    if len(cells) > len(columns):
        raise _Invalid(say("This row has {0} cells but only {1} columns are expected ({2}).",
                           len(cells), len(columns), ", ".join(c for c in columns if c)))
    values = {column: cell for column, cell in zip(columns, cells) if column in CSV_COLUMNS}
    problems = []  # fragments, joined into one sentence; the first is capitalized
    name, host = values.get("name", ""), values.get("host", "")
    user, port_text = values.get("user") or None, values.get("port", "")
    if not name:
        problems.append(say("the name is empty"))
    elif any(unicodedata.category(ch) == "Cc" for ch in name):
        problems.append(say("the name {0!r} contains control characters", name))
    port = None
    if port_text:
        if port_text.isascii() and port_text.isdigit() and 0 < int(port_text) < 65536:
            port = int(port_text)
        else:
            problems.append(say("{0!r} is not a port number (1-65535)", port_text))
    if not host:
        problems.append(say("the host is empty"))
    else:
        try:
            parsed = parse_target(host)
        except TargetError as error:
            problems.append(say("the host {0!r} is not valid ({1})", host, trim_period(error.message)))
        else:
            if parsed.user is not None or parsed.port is not None:
                problems.append(say("the host {0!r} must be a host name or address only; put the user and "
                                    "port in their own columns", host))
            elif user is not None:
                try:
                    parse_target("{0}@{1}".format(user, "localhost"))
                except TargetError:
                    problems.append(say("{0!r} is not a valid user name", user))
            host = parsed.host
    if problems:
        raise _Invalid(say("{0}.", join("; ", [capitalize(problems[0])] + problems[1:])))
    identity = values.get("identity") or None
    return Device(name=name, host=host, user=user, port=port,
                  identity=_resolve_path(identity, base) if identity else None, label=values.get("label", ""))


# ------------------------------------------------------------------------------------ ssh config import


def import_ssh_config(path=None):
    """One Device per concrete ``Host`` alias of an OpenSSH client config, in file order.

    Patterns with ``*``, ``?`` or ``!`` are skipped; ``Include`` is followed. Each device's name and
    target are the alias itself, because the ssh config is applied when connecting. A missing default
    file (``~/.ssh/config``) gives an empty list; a missing file that was asked for is a ConfigError.
    """
    explicit = path is not None
    path = os.path.expanduser(os.fspath(path) if explicit else os.path.join("~", ".ssh", "config"))
    if not os.path.exists(path):
        if explicit:
            raise ConfigError(say("The ssh config file {0} does not exist.", path))
        return []
    aliases = []
    _collect_hosts(path, os.path.expanduser(os.path.join("~", ".ssh")), aliases, 0)
    devices, seen = [], set()
    for alias in aliases:
        if alias in seen:
            continue
        seen.add(alias)
        try:
            parsed = parse_target(alias)
        except TargetError:
            parsed = None
        if parsed is None or (parsed.host, parsed.user, parsed.port) != (alias, None, None):
            _log.info("ssh config alias %r cannot be used as a target; skipped", alias)
            continue
        devices.append(Device(name=alias, host=alias, label=""))
    return devices


def _collect_hosts(path, include_base, aliases, depth):
    try:
        with open(path, "r", encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError as error:
        raise ConfigError(say("Could not read the ssh config file {0}: {1}.",
                              path, error.strerror or str(error))) from error
    for line in lines:
        match = re.match(r"^\s*([A-Za-z]+)\s*(?:=\s*|\s+)(.*)$", line)
        if not match or line.lstrip().startswith("#"):
            continue
        keyword, rest = match.group(1).lower(), match.group(2)
        if keyword not in ("host", "include"):
            continue
        try:
            words = shlex.split(rest, comments=True)
        except ValueError:
            _log.info("unreadable line in %s skipped: %r", path, line)
            continue
        if keyword == "host":
            aliases.extend(w for w in words if w and not any(ch in w for ch in "*?!"))
        elif depth < _INCLUDE_DEPTH:
            for pattern in words:
                pattern = os.path.expanduser(pattern)
                if not os.path.isabs(pattern):
                    pattern = os.path.join(include_base, pattern)
                for included in sorted(glob.glob(pattern)):
                    if os.path.isfile(included):
                        _collect_hosts(included, include_base, aliases, depth + 1)


# --------------------------------------------------------------------------------------------- targets


def resolve_target(text, roster=None, **parse_kwargs):
    """The roster's device called ``text`` if there is one, else ``parse_target(text, **parse_kwargs)``.

    ``parse_kwargs`` (``stream_path``, ``identity``) apply only to parsed targets: a roster device comes
    back as the roster stores it (use ``Device.with_stream`` or ``dataclasses.replace`` to override).
    """
    if roster is not None:
        key = (text or "").strip()
        for device in roster.devices:
            if device.name == key:
                return device
        closest = _closest_name(key, roster)
        if closest is not None:
            # A near miss of a roster name is a typo far more often than a host of its own: say so before
            # any lookup turns it into "the name does not resolve".
            raise TargetError(say("{0!r} is not a device in {1}: did you mean {2!r}?", key, _roster_name(roster),
                                  closest))
    return parse_target(text, **parse_kwargs)


def not_in_roster(text, roster):
    """The sentence for a bare name that is neither in ``roster`` nor a host that resolves, or None.

    Callers use it when the lookup of ``text`` failed, so the real cause (the roster has no such device) comes
    first, with the names the roster does have.
    """
    key = (text or "").strip()
    if roster is None or not key or any(c in key for c in "@:.[") or key in roster.names():
        return None
    names = roster.names()
    if len(names) > 8:
        return say("{0!r} is not a device in {1} (its devices are {2} and {3} more), and no host of that name "
                   "resolves.", key, _roster_name(roster), ", ".join(names[:8]), len(names) - 8)
    return say("{0!r} is not a device in {1} (its devices are {2}), and no host of that name resolves.",
               key, _roster_name(roster), ", ".join(names))


def _closest_name(key, roster):
    if not key or any(c in key for c in "@:.["):
        return None  # an address or user@host is never a roster name
    matches = difflib.get_close_matches(key, roster.names(), n=1, cutoff=0.75)
    return matches[0] if matches else None


def _roster_name(roster):
    return os.path.basename(roster.path) if roster.path else say("the roster")
