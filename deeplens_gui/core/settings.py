"""The application's settings: one declarative schema with defaults and a version, stored as JSON.

The file lives at ``<user config dir>/deeplens-console/settings.json`` (``default_settings_path()``); every
function takes a path so tests and portable installs can put it elsewhere. Loading never fails and never
destroys anything: a missing file gives the defaults; a file that cannot be used whole (not JSON, wrong
values, a newer version, unknown keys) gives what could be used plus one sentence per problem, and the
original is first copied next to it as ``settings.json.bad`` so nothing the user wrote is lost when the
settings are saved again.

Passwords and key passphrases are never settings: they live only in the OS keyring (``core/secrets.py``).
Window geometry and layout are Qt state and stay in QSettings inside ``ui``.
"""

import json
import logging
import math
import os
import re
from dataclasses import dataclass, fields, replace
from typing import Optional

import platformdirs

from deeplens_gui.core.budget import DEFAULT_BUDGET_MBIT
from deeplens_gui.core.errors import StorageError
from deeplens_gui.core.files import atomic_write, storage_error
from deeplens_gui.core.text import say

#: The schema version this code writes. Older files are upgraded by MIGRATIONS on loading.
SETTINGS_VERSION = 1
#: ``{version: function(dict) -> dict}`` upgrading a settings dict from ``version`` to ``version + 1``.
#: Version 1 is the first format, so there is nothing to upgrade yet.
MIGRATIONS = {}

APP_NAME = "deeplens-console"
LANGUAGES = ("system", "en", "ko")
APPEARANCES = ("system", "light", "dark")
MAX_RECENT = 10
#: Frame-rate limits a viewer may ask the device relay for.
FPS_RANGE = (0.5, 60.0)
#: the link budget of the classroom grid, Mbit/s
LINK_RANGE = (1.0, 1000.0)
#: JPEG quality of the thumbnails the cameras make
QUALITY_RANGE = (20, 95)
#: Keys that would hold a secret: ignored with a pointer to the keyring.
SECRET_KEYS = ("password", "passphrase", "passwd", "secret")

_REGION_RE = re.compile(r"^[a-z]{2}(-[a-z]+)+-[0-9]+$")

_log = logging.getLogger(__name__)


def _optional_text(value):
    return value is None or (isinstance(value, str) and bool(value.strip()))


def _number_in(low, high):
    def check(value):
        return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
                and low <= value <= high)

    return check


_fps = _number_in(*FPS_RANGE)


#: field -> (check, what a valid value looks like). The Settings dataclass below holds the defaults.
_SCHEMA = {
    "version": (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 1, say("a version number")),
    "language": (lambda v: v in LANGUAGES, say("one of {0}", ", ".join(LANGUAGES))),
    "appearance": (lambda v: v in APPEARANCES, say("one of {0}", ", ".join(APPEARANCES))),
    "known_hosts": (_optional_text, say("a file path or null")),
    "ssh_config": (_optional_text, say("a file path or null")),
    "recent_targets": (lambda v: isinstance(v, (list, tuple)) and all(isinstance(t, str) and t.strip()
                                                                       for t in v), say("a list of targets")),
    "last_roster": (_optional_text, say("a file path or null")),
    "snapshot_dir": (_optional_text, say("a folder path or null")),
    "recording_dir": (_optional_text, say("a folder path or null")),
    "view_max_fps": (_fps, say("a number from {0:g} to {1:g}", *FPS_RANGE)),
    "grid_max_fps": (_fps, say("a number from {0:g} to {1:g}", *FPS_RANGE)),
    "grid_link_mbit": (_number_in(*LINK_RANGE), say("a number from {0:g} to {1:g}", *LINK_RANGE)),
    "thumbnail_quality": (_number_in(*QUALITY_RANGE), say("a number from {0:g} to {1:g}", *QUALITY_RANGE)),
    "aws_profile": (_optional_text, say("a profile name or null")),
    "aws_region": (lambda v: isinstance(v, str) and bool(_REGION_RE.match(v)),
                   say("an AWS region (us-east-1)")),
}


@dataclass(frozen=True)
class Settings:
    """Every user setting with its default. Invalid values raise ValueError (load_settings never does)."""

    version: int = SETTINGS_VERSION
    language: str = "system"             # "system" follows the OS; else "en" | "ko"
    appearance: str = "system"           # "system" follows the OS palette; else "light" | "dark"
    known_hosts: Optional[str] = None    # None: ~/.ssh/known_hosts
    ssh_config: Optional[str] = None     # None: ~/.ssh/config
    recent_targets: tuple = ()           # most recent first, at most MAX_RECENT, no repeats
    last_roster: Optional[str] = None
    snapshot_dir: Optional[str] = None   # None: the user's Pictures folder
    recording_dir: Optional[str] = None  # None: the user's Videos folder
    view_max_fps: float = 15.0
    grid_max_fps: float = 15.0
    grid_link_mbit: float = DEFAULT_BUDGET_MBIT  # what the classroom's tiles may use of the link together
    thumbnail_quality: int = 70          # JPEG quality of the thumbnails the cameras make for the tiles
    aws_profile: Optional[str] = None    # None: the default boto3 credential chain
    aws_region: str = "us-east-1"

    def __post_init__(self):
        for item in fields(self):
            check, expected = _SCHEMA[item.name]
            value = getattr(self, item.name)
            if not check(value):
                raise ValueError("setting {0} must be {1}, not {2!r}".format(item.name, expected, value))
        object.__setattr__(self, "recent_targets", _recent(self.recent_targets))
        object.__setattr__(self, "view_max_fps", float(self.view_max_fps))
        object.__setattr__(self, "grid_max_fps", float(self.grid_max_fps))
        object.__setattr__(self, "grid_link_mbit", float(self.grid_link_mbit))
        object.__setattr__(self, "thumbnail_quality", int(self.thumbnail_quality))

    def known_hosts_path(self):
        """The known_hosts file to use."""
        return os.path.expanduser(self.known_hosts or os.path.join("~", ".ssh", "known_hosts"))

    def snapshot_folder(self):
        """Where snapshots go unless the user picks another place."""
        if self.snapshot_dir:
            return os.path.expanduser(self.snapshot_dir)
        return _existing(platformdirs.user_pictures_dir())

    def recording_folder(self):
        """Where recordings go unless the user picks another place."""
        if self.recording_dir:
            return os.path.expanduser(self.recording_dir)
        return _existing(platformdirs.user_videos_dir())


def _existing(folder):
    # A file dialog given a folder that does not exist opens in the working directory (often /tmp): a machine
    # without ~/Videos or ~/Pictures gets the home folder instead.
    return folder if os.path.isdir(folder) else os.path.expanduser("~")


def _recent(targets):
    out = []
    for target in targets:
        target = target.strip()
        if target not in out:
            out.append(target)
    return tuple(out[:MAX_RECENT])


def default_settings_path():
    """``settings.json`` in the per-user config folder (appauthor=False: no vendor folder on Windows)."""
    return os.path.join(platformdirs.user_config_dir(APP_NAME, appauthor=False), "settings.json")


def load_settings(path=None, notes=None):
    """The settings stored at ``path`` (default: ``default_settings_path()``); never raises for bad files.

    Each problem found is logged and, when ``notes`` is a list, appended to it as a sentence for the user.
    Whenever something in the file could not be used, the file is first copied to ``<path>.bad``.
    """
    path = os.fspath(path) if path is not None else default_settings_path()
    problems = []
    settings = _read(path, problems)
    if problems and os.path.isfile(path):
        backup = path + ".bad"
        try:
            with open(path, "rb") as handle:
                atomic_write(backup, _without_secrets(handle.read()))
            problems.append(say("The original file was kept as {0}.", backup))
        except (OSError, StorageError) as error:
            problems.append(say("A copy of the original could not be kept: {0}",
                                error.message if isinstance(error, StorageError) else str(error)))
    for problem in problems:
        _log.warning("%s", problem)
    if notes is not None:
        notes.extend(problems)
    return settings


def _without_secrets(raw):
    """``raw`` for the ``.bad`` copy: a password someone typed into the file is not copied along with it."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return raw
    if not isinstance(data, dict) or not any(str(key).lower() in SECRET_KEYS for key in data):
        return raw
    kept = {key: value for key, value in data.items() if str(key).lower() not in SECRET_KEYS}
    return (json.dumps(kept, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _read(path, problems):
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except FileNotFoundError:
        return Settings()
    except OSError as error:
        problems.append(say("The settings file {0} could not be read ({1}); using the defaults.",
                            path, error.strerror or str(error)))
        return Settings()
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        problems.append(say("The settings file {0} is not UTF-8 text; using the defaults.", path))
        return Settings()
    except json.JSONDecodeError as error:
        problems.append(say("The settings file {0} is damaged (line {1}, column {2}: {3}); using the "
                            "defaults.", path, error.lineno, error.colno, error.msg))
        return Settings()
    if not isinstance(data, dict):
        problems.append(say("The settings file {0} does not hold settings; using the defaults.", path))
        return Settings()
    data = _migrate(data, path, problems)
    values = {}
    known = {item.name for item in fields(Settings)} - {"version"}
    for key, value in data.items():
        if key == "version":
            continue
        if key not in known:
            if key.lower() in SECRET_KEYS:
                problems.append(say("The settings file {0} has a '{1}' entry, which was ignored: passwords "
                                    "are kept only in your OS keyring.", path, key))
            else:
                problems.append(say("The settings file {0} has an unknown setting '{1}', which was ignored.",
                                    path, key))
            continue
        check, expected = _SCHEMA[key]
        if key == "recent_targets" and isinstance(value, list):
            good = [t for t in value if isinstance(t, str) and t.strip()]
            if len(good) != len(value):
                problems.append(say("Some recent targets in {0} were not text and were dropped.", path))
            value = good
        if check(value):
            values[key] = value
        else:
            problems.append(say("The setting '{0}' in {1} must be {2}, not {3}; using the default.",
                                key, path, expected, json.dumps(value, ensure_ascii=False)))
    return Settings(**values)


def _migrate(data, path, problems):
    version = data.get("version", SETTINGS_VERSION)
    if not _SCHEMA["version"][0](version):
        problems.append(say("The settings file {0} has an invalid version {1!r}; reading what it can.",
                            path, version))
        return data
    if version > SETTINGS_VERSION:
        problems.append(say("The settings file {0} was written by a newer DeepLens Console (version {1}); "
                            "reading what this version understands.", path, version))
        return data
    while version < SETTINGS_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            problems.append(say("The settings file {0} has version {1}, which cannot be upgraded; reading "
                                "what it can.", path, version))
            return data
        data = dict(step(dict(data)))
        version += 1
        data["version"] = version
    return data


def save_settings(settings, path=None):
    """Write ``settings`` atomically as JSON (creating the folder); StorageError if that is impossible."""
    path = os.fspath(path) if path is not None else default_settings_path()
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as error:
        raise storage_error(path, error) from error
    data = {item.name: getattr(settings, item.name) for item in fields(settings)}
    data["version"] = SETTINGS_VERSION
    data["recent_targets"] = list(settings.recent_targets)
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    atomic_write(path, text.encode("utf-8"))


def with_recent_target(settings, target):
    """``settings`` with ``target`` first among the recent targets (moved up if it was there; at most 10)."""
    target = (target or "").strip()
    if not target:
        raise ValueError("an empty target is not remembered")
    return replace(settings, recent_targets=(target,) + tuple(settings.recent_targets))
