"""Every shell command the app runs on a device, built in one place (design rule 9).

Each function returns one POSIX ``sh`` command line in which every argument went through ``shlex.quote``;
nothing else in the app builds remote command strings. Keep this list short.

Also here: how to read the relay's status lines (stderr), so the stream code does not need to know the
relay's internals.
"""

import math
import shlex

from deeplens_gui import remote

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
RELAY_ALIVE = "alive"  # heartbeat: the relay wrote nothing for a while but is there (not a change of state)
RELAY_BADDATA = "baddata"  # detail "<bytes> <oversized>": the FIFO carries data that is not whole JPEG frames
RELAY_SENDING = "sending"  # detail "thumbnail WxH qQ", "full" or "full no-opencv": what the relay sends
RELAY_LOADING_OPENCV = "loading-opencv"  # "sending" detail: OpenCV is being imported (it may be silent a while)

RELAY_STATES = frozenset(
    [RELAY_READY, RELAY_NOFIFO, RELAY_NOTFIFO, RELAY_NOWRITER, RELAY_STREAMING, RELAY_ERROR, RELAY_NOPYTHON,
     RELAY_ALIVE, RELAY_BADDATA, RELAY_SENDING]
)

# $0 is the script, $1 the stream path, $2 the frame rate cap, $3 the staleness, then the relay's further options
# (thumbnails). Every option goes before "--" and the path after it, so that one starting with a dash is data.
# No Python: plain cat, the client de-duplicates.
_RELAY_SETUP = 'path=$1 fps=$2 stale=$3; shift 3; '
_RELAY_EXEC = 'exec "$p" -c "$0" --max-fps "$fps" --stale "$stale" "$@" -- "$path"'
_RELAY_FALLBACK = (
    'for p in python3 python2 python; do command -v "$p" >/dev/null 2>&1 && ' + _RELAY_EXEC + '; done; '
    'echo "' + RELAY_STATUS_PREFIX + RELAY_NOPYTHON + '" >&2; exec cat -- "$path"'
)
_RELAY_LAUNCHER = _RELAY_SETUP + _RELAY_FALLBACK
# Thumbnails need OpenCV, and which of the camera's Pythons has it is not certain: the first one that can find
# cv2 runs the relay, else the usual first Python (which then sends full frames and says so). Finding, not
# importing: an import of OpenCV takes seconds on a busy camera, and the relay imports it once anyway.
_HAS_OPENCV = (
    "import sys\n"
    "try:\n"
    "    from importlib.util import find_spec\n"
    "except ImportError:\n"
    "    import imp\n"
    "    imp.find_module('cv2')\n"
    "else:\n"
    "    sys.exit(find_spec('cv2') is None)\n"
)
_RELAY_LAUNCHER_OPENCV = (
    _RELAY_SETUP + 'for p in python3 python2 python; do command -v "$p" >/dev/null 2>&1 && "$p" -c '
    + shlex.quote(_HAS_OPENCV) + ' >/dev/null 2>&1 && ' + _RELAY_EXEC + '; done; ' + _RELAY_FALLBACK
)
#: JPEG quality of thumbnails unless asked otherwise
DEFAULT_THUMB_QUALITY = 70


def _number(value, name, allow_zero):
    value = float(value)
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero):
        raise ValueError(f"{name} must be {'>= 0' if allow_zero else '> 0'}, not {value!r}")
    return repr(value)


def relay_command(path=DEFAULT_STREAM_PATH, max_fps=0.0, stale=2.0, thumb=None,
                  quality=DEFAULT_THUMB_QUALITY):
    """The command that streams the new frames of ``path`` to stdout (bare JPEGs back to back).

    It runs the relay with the device's first Python among python3, python2 and python; ``max_fps`` 0 means
    every new frame (recording), otherwise at most that many per second, newest first. ``stale`` is how long
    the FIFO may stay silent before the relay reports ``nowriter``. ``thumb`` (width, height) asks for
    thumbnails fitting that box at JPEG ``quality``, made by the first of those Pythons that has OpenCV.
    """
    if not path or "\0" in path:
        raise ValueError("the stream path must be a non-empty string without NUL bytes")
    thumb_args = []
    if thumb is not None:
        thumb_args = ["--thumb", _box(thumb), "--quality", str(_quality(quality))]
    args = [
        "sh",
        "-c",
        _RELAY_LAUNCHER_OPENCV if thumb is not None else _RELAY_LAUNCHER,
        remote.script("relay"),
        path,
        _number(max_fps, "max_fps", True),
        _number(stale, "stale", False),
    ] + thumb_args
    return " ".join(shlex.quote(arg) for arg in args)


def _box(size):
    width, height = (int(value) for value in size)
    if width <= 0 or height <= 0:
        raise ValueError(f"a thumbnail size must be positive, not {width}x{height}")
    return f"{width}x{height}"


def _quality(quality):
    quality = int(quality)
    if not 1 <= quality <= 100:
        raise ValueError(f"JPEG quality must be 1..100, not {quality}")
    return quality


def relay_rate_request(max_fps):
    """The control line (bytes, for the relay's stdin) that changes its rate cap while it runs."""
    return f"fps {_number(max_fps, 'max_fps', True)}\n".encode("ascii")


def relay_thumb_request(thumb, quality=DEFAULT_THUMB_QUALITY):
    """The control line that asks a running relay for thumbnails fitting ``thumb`` (None: full frames)."""
    if thumb is None:
        return b"thumb 0 0 0\n"
    width, _, height = _box(thumb).partition("x")
    return f"thumb {width} {height} {_quality(quality)}\n".encode("ascii")


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


# --- status probe ----------------------------------------------------------------------------------------

#: what the probe command prints when the device has no Python at all
PROBE_NOPYTHON = '{"probe": 0, "error": "nopython"}'

_PROBE_LAUNCHER = (
    'for p in python3 python2 python; do command -v "$p" >/dev/null 2>&1 && exec "$p" -c "$0" "$@"; done; '
    "echo '" + PROBE_NOPYTHON + "'"
)


def probe_command(record, runner_pid, runner_state, stream_path, results=None, log=None,
                  greengrass_logs=None):
    """The command that prints the device's health as one JSON line (see ``remote/probe.py``).

    Paths may be relative to the login directory. ``results``, ``log`` and ``greengrass_logs`` (a glob) say
    where the project reports its own health. Runs with the device's first Python among python3, python2
    and python; without any it prints ``PROBE_NOPYTHON``.
    """
    for value in (record, runner_pid, runner_state, stream_path):
        if not value or "\0" in value:
            raise ValueError("probe paths must be non-empty strings without NUL bytes")
    extras = []
    for value in (results, log, greengrass_logs):
        if value and "\0" in value:
            raise ValueError("probe paths must be strings without NUL bytes")
        # positional after --: an absent one is an empty word, so the ones after it keep their place
        extras.append(value or "")
    args = ["sh", "-c", _PROBE_LAUNCHER, remote.script("probe"), "--", record, runner_pid, runner_state,
            stream_path]
    args += extras
    return " ".join(shlex.quote(arg) for arg in args)


# --- deploy over SSH: the device-side runner and the Greengrass daemon -------------------------------------

#: the systemd unit of the Greengrass core on a DeepLens; it runs the console-deployed Lambda
GREENGRASS_UNIT = "greengrassd.service"

# Words the Greengrass commands print on stdout (their exit status is always 0 when the shell ran).
GREENGRASS_NO_SYSTEMD = "nosystemctl"  # not a systemd machine (a virtual device): nothing to stop
GREENGRASS_NO_UNIT = "nounit"  # systemd, but no greengrassd unit
GREENGRASS_INACTIVE = "inactive"  # the unit exists and is not running
GREENGRASS_STOPPED = "stopped"
GREENGRASS_STARTED = "started"
GREENGRASS_DISABLED = "disabled"  # the unit no longer starts at boot
GREENGRASS_REFUSED = "refused"  # sudo -n would need a password (or the user may not run systemctl)

# $0 is "sh" (for sh -c), "$@" the runner script and its arguments; "--" keeps a script path starting with a
# dash from being read as an option of Python.
_RUNNER_LAUNCHER = (
    'for p in python3 python2 python; do command -v "$p" >/dev/null 2>&1 && exec "$p" -- "$@"; done; '
    'echo "deeplens-runner: no Python found on this device (tried python3, python2, python)" >&2; exit 127'
)

# $0 is the unit name.
_GREENGRASS_STOP = (
    'command -v systemctl >/dev/null 2>&1 || { echo ' + GREENGRASS_NO_SYSTEMD + '; exit 0; }; '
    'case "$(systemctl show -p LoadState "$0" 2>/dev/null)" in LoadState=loaded) ;; '
    '*) echo ' + GREENGRASS_NO_UNIT + '; exit 0;; esac; '
    'case "$(systemctl is-active "$0" 2>/dev/null)" in active|activating|reloading) ;; '
    '*) echo ' + GREENGRASS_INACTIVE + '; exit 0;; esac; '
    'if sudo -n systemctl stop "$0"; then echo ' + GREENGRASS_STOPPED + '; else echo ' + GREENGRASS_REFUSED + '; fi'
)
_GREENGRASS_START = (
    'if sudo -n systemctl start "$0"; then echo ' + GREENGRASS_STARTED + '; else echo ' + GREENGRASS_REFUSED
    + '; fi'
)
# systemctl's own report ("Removed symlink ...") goes to stderr, so stdout holds only the word.
_GREENGRASS_DISABLE = (
    'if sudo -n systemctl disable "$0" >&2; then echo ' + GREENGRASS_DISABLED + '; else echo ' + GREENGRASS_REFUSED
    + '; fi'
)


def _checked(value, what):
    value = str(value)
    if not value or "\0" in value:
        raise ValueError("{0} must be a non-empty string without NUL bytes".format(what))
    return value


def runner_command(script, app_dir, action, *args, lock=None):
    """``python SCRIPT --app-dir APP_DIR [--lock TOKEN] ACTION ARGS...`` with the device's first working
    Python.

    ``script`` is the runner (``remote/runner.py``) as uploaded to the device; paths may be relative to
    the login directory. Actions: start, stop, status, unpack, prune, record, boot, install-boot, lock, space
    (see the runner's docstring; install-boot changes the login user's crontab). ``lock`` is the token of the
    deploy lock the caller holds (``lock`` prints it), without which a changing action is refused while
    another deploy runs.
    """
    # "--app-dir=DIR" and "--lock=TOKEN" in one word each: a value starting with a dash stays the value.
    argv = ["sh", "-c", _RUNNER_LAUNCHER, "sh", _checked(script, "the runner path"),
            "--app-dir=" + _checked(app_dir, "the app folder")]
    if lock is not None:
        argv.append("--lock=" + _checked(lock, "the lock token"))
    argv.append(_checked(action, "the runner action"))
    argv += [_checked(arg, "a runner argument") for arg in args]
    return " ".join(shlex.quote(arg) for arg in argv)


def _sudo(script, password):
    # With ``password`` sudo reads the login's password from the command's stdin (-S, no prompt), so it never
    # appears on a command line; without, it refuses instead of asking (-n).
    return script.replace("sudo -n ", "sudo -S -p '' ") if password else script


def greengrass_stop_command(password=False):
    """Stop the Greengrass daemon when it runs; prints one GREENGRASS_* word. ``sudo -n`` never asks; with
    ``password`` sudo reads the password from stdin (send it, one line, as the command's input)."""
    return " ".join(shlex.quote(arg) for arg in ["sh", "-c", _sudo(_GREENGRASS_STOP, password), GREENGRASS_UNIT])


def greengrass_start_command(password=False):
    """Start the Greengrass daemon again (a rollback after stopping it); prints GREENGRASS_STARTED or _REFUSED
    (``password`` as for ``greengrass_stop_command``)."""
    return " ".join(shlex.quote(arg) for arg in ["sh", "-c", _sudo(_GREENGRASS_START, password), GREENGRASS_UNIT])


def greengrass_disable_command(password=False):
    """Keep the Greengrass daemon from starting at boot (after a deploy stopped it, so the deployed project keeps
    the camera); prints GREENGRASS_DISABLED or GREENGRASS_REFUSED (``password`` as for
    ``greengrass_stop_command``)."""
    return " ".join(shlex.quote(arg) for arg in ["sh", "-c", _sudo(_GREENGRASS_DISABLE, password),
                                                 GREENGRASS_UNIT])


def sudo_check_command():
    """Check the login's sudo password, read from stdin (one line); exit status 0 when sudo accepts it."""
    return "sudo -S -p '' -v"


#: where a DeepLens keeps the model artifacts Lambdas load (the DeepLens console downloads them there)
ARTIFACTS_DIR = "/opt/awscam/artifacts"

# $0 is the folder the project is told to use ("" when none), "$@" the artifact names; the first line is the
# folder looked in (else the one a virtual DeepLens without its own /opt/awscam sets in its login environment,
# else the camera's), then one line per name found there.
_ARTIFACTS = (
    'd="${0:-${DEEPLENS_ARTIFACTS_DIR:-' + ARTIFACTS_DIR + '}}"; printf "%s\\n" "$d"; '
    'for f in "$@"; do [ -f "$d/$f" ] && printf "%s\\n" "$f"; done; exit 0'
)


def artifacts_command(names, folder=None):
    """The command that prints the device's artifacts folder (``folder`` when the project gets one), then which
    of ``names`` (file names) it holds; read its output with ``parse_artifacts``."""
    args = ["sh", "-c", _ARTIFACTS, "" if not folder else _checked(folder, "the artifacts folder")]
    args += [_checked(name, "an artifact name") for name in names]
    return " ".join(shlex.quote(arg) for arg in args)


def parse_artifacts(output):
    """``(folder, set of names found)`` from the output of ``artifacts_command``."""
    if isinstance(output, bytes):
        output = output.decode("utf-8", "replace")
    lines = output.splitlines()
    return (lines[0] if lines else ARTIFACTS_DIR), set(lines[1:])


# --- power ------------------------------------------------------------------------------------------------------

def reboot_command():
    """Reboot the device. Needs sudo without a password prompt (``-n``); otherwise sudo's refusal comes back."""
    return "sudo -n reboot"


# --- reading the device's files: logs, published results, deploy history ----------------------------------

#: where Greengrass keeps the logs of user Lambdas on a DeepLens: <region>/<account>/<function>.log below it
GREENGRASS_USER_LOGS = "/opt/awscam/greengrass/ggc/var/log/user"
#: the first line of a log tail names the file it shows ("none" when there is no log)
LOG_TAIL_PREFIX = "deeplens-log: "
LOG_NONE = "none"

# $0 is the line count, $1.. the candidate files. The newest existing candidate wins; the Greengrass glob is
# expanded by the device's shell (it is part of this fixed script, not an argument).
_LOG_TAIL = (
    'n="$0"; f=$(ls -1t -- "$@" ' + GREENGRASS_USER_LOGS + '/*/*/*.log 2>/dev/null | head -n 1); '
    'if [ -n "$f" ] && [ -f "$f" ]; then echo "' + LOG_TAIL_PREFIX + '$f"; exec tail -n "$n" -- "$f"; fi; '
    'echo "' + LOG_TAIL_PREFIX + LOG_NONE + '"'
)
_LOG_TAIL_ONLY = (
    'n="$0"; f=$(ls -1t -- "$@" 2>/dev/null | head -n 1); '
    'if [ -n "$f" ] && [ -f "$f" ]; then echo "' + LOG_TAIL_PREFIX + '$f"; exec tail -n "$n" -- "$f"; fi; '
    'echo "' + LOG_TAIL_PREFIX + LOG_NONE + '"'
)
# $0 is the line count, $1 the default results file; a device whose login sets DEEPLENS_RESULTS_PATH (the
# virtual DeepLens) publishes there instead.
_RESULTS_TAIL = (
    'f="${DEEPLENS_RESULTS_PATH:-$1}"; [ -f "$f" ] || exit 0; exec tail -n "$0" -- "$f"'
)
_FILE_TAIL = '[ -f "$1" ] || exit 0; exec tail -n "$0" -- "$1"'


def _lines(count):
    count = int(count)
    if count <= 0:
        raise ValueError("the line count must be > 0, not {0!r}".format(count))
    return str(count)


def _following(script, follow):
    # tail -F goes on printing what is appended (and follows a file that is replaced) until the channel closes
    return script.replace('exec tail -n', 'exec tail -F -n') if follow else script


def log_tail_command(lines, paths, greengrass=True, follow=False):
    """The last ``lines`` lines of the newest of ``paths`` (and, with ``greengrass``, of the Greengrass user
    Lambda logs), after one ``LOG_TAIL_PREFIX`` line naming the file (``LOG_NONE`` when none exists); with
    ``follow``, then every line appended to it until the channel is closed."""
    script = _following(_LOG_TAIL if greengrass else _LOG_TAIL_ONLY, follow)
    args = ["sh", "-c", script, _lines(lines)] + [_checked(path, "a log path") for path in paths]
    return " ".join(shlex.quote(arg) for arg in args)


def parse_log_tail(output):
    """``(path or None, lines)`` from a log tail command's output (bytes or str)."""
    if isinstance(output, bytes):
        output = output.decode("utf-8", "replace")
    head, _, rest = output.partition("\n")
    if not head.startswith(LOG_TAIL_PREFIX):
        return None, output.splitlines()
    path = head[len(LOG_TAIL_PREFIX):].strip()
    return (None if path == LOG_NONE else path), rest.splitlines()


def results_tail_command(lines, default_path, follow=False):
    """The last ``lines`` published results (JSON lines): from ``$DEEPLENS_RESULTS_PATH`` when the device sets
    it, else from ``default_path``. Prints nothing when there are none; with ``follow``, then every result
    published afterwards until the channel is closed (the file must exist when it starts)."""
    args = ["sh", "-c", _following(_RESULTS_TAIL, follow), _lines(lines),
            _checked(default_path, "the results path")]
    return " ".join(shlex.quote(arg) for arg in args)


def file_tail_command(path, lines):
    """The last ``lines`` lines of ``path``; nothing when it does not exist."""
    args = ["sh", "-c", _FILE_TAIL, _lines(lines), _checked(path, "the file path")]
    return " ".join(shlex.quote(arg) for arg in args)
