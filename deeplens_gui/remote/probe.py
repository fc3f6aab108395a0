"""Device-side health probe: prints one JSON object about the camera and exits 0. Shipped as data.

Runs with the camera's own Python (2.7 or 3.5+, standard library only) as
``python -c SCRIPT -- RECORD RUNNER_PID RUNNER_STATE STREAM RESULTS LOG GREENGRASS_LOGS``; paths may be
relative to the login directory (the home), and an empty RESULTS, LOG or GREENGRASS_LOGS (a glob) means none.
The deploy journal, lock and reconcile note are read next to the runner state (the runner's ``deploy.json``,
``deploy.lock``, ``reconciled.json``). Every part is read on its own: a part that fails is reported as null
plus an ``errors`` entry, never as a crash, so one unreadable file does not hide the rest.

The project's health comes from what it reports itself: the newest of the results files (JSON lines
``{"time", "topic", "payload"}`` written by a greengrasssdk stand-in: RESULTS and
``$DEEPLENS_RESULTS_PATH``) and the newest of its logs (LOG, the Greengrass Lambda logs). Payloads on
the inference topic may be plain strings ("Loading face detection model", "Error in face detection lambda:
..."), so each one is classified leniently as a result, an error or a message. Ages are seconds on the
camera's own clock, so a skewed laptop clock does not matter.
"""

import calendar
import errno
import fcntl
import glob
import json
import os
import re
import socket
import stat
import sys
import time

PROBE_VERSION = 2
_MAX_RECORD_BYTES = 65536
#: the positional arguments after ``--``, in order
_ARGUMENTS = ("record", "runner_pid", "runner_state", "stream", "results", "log", "greengrass_logs")
#: how much of the end of a results file or a log is read
_TAIL_BYTES = 65536
#: an error sentence as the sample Lambdas print and publish it ("Error in face detection lambda: ...")
_ERROR_LINE = re.compile(r"(Error in .{1,80}? lambda: .*)$")
_ERROR_STARTS = ("error", "test failed", "exception", "traceback")
_MAX_SENTENCE = 600
#: the type of decoded JSON text: unicode on Python 2, str on Python 3
_TEXT = type(json.loads('""'))


def read_text(path, limit=_MAX_RECORD_BYTES):
    """The first ``limit`` bytes of ``path`` as text."""
    with open(path, "rb") as handle:
        return handle.read(limit).decode("utf-8", "replace")


def uptime(errors):
    """Seconds since boot, from /proc/uptime."""
    try:
        return float(read_text("/proc/uptime").split()[0])
    except (OSError, ValueError, IndexError) as error:
        errors.append("uptime: %s" % error)
        return None


def loadavg(errors):
    """The 1, 5 and 15 minute load averages."""
    try:
        return [round(value, 2) for value in os.getloadavg()]
    except (OSError, AttributeError) as error:
        errors.append("loadavg: %s" % error)
        return None


def parse_meminfo(text):
    """``{"total_kb", "available_kb", "free_kb"}`` from /proc/meminfo (available estimated on old kernels)."""
    values = {}
    for line in text.splitlines():
        name, _, rest = line.partition(":")
        parts = rest.split()
        if parts and parts[0].isdigit():
            values[name.strip()] = int(parts[0])
    if "MemTotal" not in values:
        return None
    available = values.get("MemAvailable")
    if available is None:
        available = values.get("MemFree", 0) + values.get("Buffers", 0) + values.get("Cached", 0)
    return {"total_kb": values["MemTotal"], "available_kb": available, "free_kb": values.get("MemFree")}


def memory(errors):
    """Memory figures from /proc/meminfo."""
    try:
        return parse_meminfo(read_text("/proc/meminfo"))
    except OSError as error:
        errors.append("meminfo: %s" % error)
        return None


def disks(errors):
    """Size and free bytes of the filesystems holding the home directory and /."""
    result = []
    for label, path in (("home", os.path.expanduser("~")), ("root", "/")):
        try:
            info = os.statvfs(path)
        except (OSError, AttributeError) as error:
            errors.append("disk %s: %s" % (label, error))
            continue
        result.append({"mount": label, "path": path, "total": info.f_blocks * info.f_frsize,
                       "free": info.f_bavail * info.f_frsize})
    return result


def temperatures(errors):
    """Thermal zones that expose a temperature, in degrees Celsius."""
    zones = []
    for folder in sorted(glob.glob("/sys/class/thermal/thermal_zone*")):
        try:
            millidegrees = int(read_text(os.path.join(folder, "temp"), 64).strip())
        except (OSError, ValueError):
            continue
        try:
            kind = read_text(os.path.join(folder, "type"), 64).strip()
        except OSError:
            kind = os.path.basename(folder)
        zones.append({"zone": kind, "celsius": millidegrees / 1000.0})
    return zones


def deployed_record(path, errors):
    """The JSON deployed record, or None when there is none."""
    try:
        text = read_text(path)
    except (IOError, OSError) as error:
        if getattr(error, "errno", None) != 2:
            errors.append("record: %s" % error)
        return None
    try:
        record = json.loads(text)
    except ValueError as error:
        errors.append("record: not JSON (%s)" % error)
        return None
    if not isinstance(record, dict):
        errors.append("record: not a JSON object")
        return None
    return record


def pid_alive(pid):
    """True when a process with this pid exists (even one we may not signal)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except OSError as error:
        return error.errno == 1  # EPERM: it exists, it is just not ours
    return True


def runner(pid_path, state_path, errors):
    """The runner's pid, whether it and its child live, and its state file."""
    result = {"pid": None, "alive": False, "state": None, "child_alive": None}
    try:
        result["pid"] = int(read_text(pid_path, 64).strip())
        result["alive"] = pid_alive(result["pid"])
    except (IOError, OSError) as error:
        if getattr(error, "errno", None) != 2:
            errors.append("runner pid: %s" % error)
    except ValueError:
        errors.append("runner pid: not a number")
    try:
        state = json.loads(read_text(state_path))
        if isinstance(state, dict):
            result["state"] = state
            if result["pid"] is None and isinstance(state.get("runner_pid"), int):
                result["pid"] = state["runner_pid"]
                result["alive"] = pid_alive(state["runner_pid"])
            child = state.get("child_pid")
            if isinstance(child, int):
                result["child_alive"] = pid_alive(child)
    except (IOError, OSError) as error:
        if getattr(error, "errno", None) != 2:
            errors.append("runner state: %s" % error)
    except ValueError:
        errors.append("runner state: not JSON")
    return result


def _read_json(path, errors, label):
    try:
        value = json.loads(read_text(path))
    except (IOError, OSError) as error:
        if getattr(error, "errno", None) != errno.ENOENT:
            errors.append("%s: %s" % (label, error))
        return None
    except ValueError:
        errors.append("%s: not JSON" % label)
        return None
    return value if isinstance(value, dict) else None


def _lock_held(path):
    """Whether a process holds the deploy lock (flock); False when the file does not exist."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except (IOError, OSError):
        return True
    finally:
        os.close(fd)


def records(state_path, record, runner_part, errors):
    """How the camera's records compare with what runs: a deploy in progress, a deploy interrupted and not
    reconciled yet, the reconcile note newer than the record, and a record that names another project than
    the one that runs (``mismatch``). Read only: the runner reconciles, never the probe."""
    folder = os.path.dirname(state_path)
    result = {"deploying": None, "interrupted": None, "reconciled": None, "mismatch": None}
    journal = _read_json(os.path.join(folder, "deploy.json"), errors, "deploy journal")
    active = False
    if journal is not None:
        view = dict((key, journal.get(key))
                    for key in ("owner", "project", "name", "version", "step", "state"))
        if isinstance(journal.get("since"), (int, float)):
            view["age"] = round(max(0.0, time.time() - journal["since"]), 1)
        active = _lock_held(os.path.join(folder, "deploy.lock"))
        result["deploying" if active else "interrupted"] = view
    note = _read_json(os.path.join(folder, "reconciled.json"), errors, "reconcile note")
    deployed_at = (record or {}).get("deployed_at")
    if note is not None and (not isinstance(deployed_at, str) or str(note.get("time", "")) >= deployed_at):
        result["reconciled"] = note
    state = runner_part.get("state") or {}
    runner_info = (record or {}).get("runner")
    recorded = runner_info.get("project_dir") if isinstance(runner_info, dict) else None
    running = state.get("project_dir") if runner_part.get("alive") and state.get("state") in (
        "starting", "running", "restarting") else None
    if not active and running and running != recorded:
        result["mismatch"] = {"recorded": recorded, "running": running}
    return result


def stream(path, errors):
    """Whether the stream path exists, is a FIFO, and how long ago it was last written to."""
    result = {"path": path, "exists": False, "fifo": False, "age": None}
    try:
        info = os.stat(path)
    except OSError as error:
        if error.errno != 2:
            errors.append("stream: %s" % error)
        return result
    result["exists"] = True
    result["fifo"] = stat.S_ISFIFO(info.st_mode)
    # Writing to a pipe updates its mtime, so this is the age of the newest frame written.
    result["age"] = round(max(0.0, time.time() - info.st_mtime), 3)
    return result


def read_tail(path, limit=_TAIL_BYTES):
    """The last ``limit`` bytes of ``path`` as text, without a partial first line when cut."""
    with open(path, "rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - limit))
        text = handle.read().decode("utf-8", "replace")
    if size > limit:
        text = text.partition("\n")[2]
    return text


def classify(payload):
    """``("result" | "error" | "message", text)`` for one published payload; plain strings are accepted."""
    if isinstance(payload, (dict, list)):
        data = payload
        text = json.dumps(payload, sort_keys=True)
    else:
        text = payload if isinstance(payload, _TEXT) else str(payload)
        text = text.strip()
        data = None
        if text[:1] in ("{", "["):
            try:
                data = json.loads(text)
            except ValueError:
                return "result", text[:_MAX_SENTENCE]  # a JSON-like string, as the 2017 samples published
    if isinstance(data, dict) and data.get("error"):
        return "error", _TEXT(data.get("error"))[:_MAX_SENTENCE]
    if data is not None:
        return "result", text[:_MAX_SENTENCE]
    if text.lower().startswith(_ERROR_STARTS) or _ERROR_LINE.search(text):
        return "error", text[:_MAX_SENTENCE]
    return "message", text[:_MAX_SENTENCE]


def newest(paths):
    """``(path, mtime)`` of the most recently written existing file among ``paths`` (None, None)."""
    found = (None, None)
    for path in paths:
        try:
            mtime = os.stat(path).st_mtime
        except (OSError, TypeError, ValueError):
            continue
        if found[1] is None or mtime > found[1]:
            found = (path, mtime)
    return found


def summarize_results(text, now, since=None):
    """What the results lines in ``text`` say: counts and the newest result, error and message with ages.

    Lines published before ``since`` (epoch seconds: the project's start) belong to an earlier project.
    """
    summary = {"count": 0, "last_ok_age": None, "last_ok": None, "last_error": None,
               "last_error_age": None, "last_message": None, "last_message_age": None}
    for line in text.splitlines():
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("time"), (int, float)):
            continue
        if since is not None and entry["time"] < since:
            continue
        kind, sentence = classify(entry.get("payload", ""))
        age = round(max(0.0, now - entry["time"]), 3)
        key = {"result": "last_ok", "error": "last_error", "message": "last_message"}[kind]
        summary["count"] += 1
        summary[key] = sentence
        summary[key + "_age"] = age
    return summary


def summarize_log(text):
    """The newest error sentence in a log and whether nothing but other errors came after it."""
    last_error = None
    after = 0
    for line in text.splitlines():
        found = _ERROR_LINE.search(line.strip())
        if found:
            last_error = found.group(1)[:_MAX_SENTENCE]
            after = 0
        elif line.strip():
            after += 1
    return {"last_error": last_error, "lines_after": after if last_error else None}


def started_epoch(state):
    """The runner's ``started_at`` (``%Y-%m-%dT%H:%M:%SZ``) as epoch seconds, or None."""
    try:
        return calendar.timegm(time.strptime(state.get("started_at"), "%Y-%m-%dT%H:%M:%SZ"))
    except (TypeError, ValueError, AttributeError):
        return None


def health(options, state, errors):
    """What the project reports itself: its newest results file and its newest log, summarized."""
    now = time.time()
    result = {"results": None, "log": None}
    candidates = [options.get("results"), os.environ.get("DEEPLENS_RESULTS_PATH")]
    path, mtime = newest([item for item in candidates if item])
    if path is not None:
        since = started_epoch(state)
        try:
            summary = summarize_results(read_tail(path), now, None if since is None else since - 1)
        except (IOError, OSError) as error:
            errors.append("results: %s" % error)
        else:
            summary.update({"path": path, "age": round(max(0.0, now - mtime), 3),
                            "since_age": None if since is None else round(max(0.0, now - since), 3)})
            result["results"] = summary
    logs = [options.get("log")] + sorted(glob.glob(options.get("greengrass_logs") or "/nonexistent/*"))
    path, mtime = newest([item for item in logs if item])
    if path is not None:
        try:
            summary = summarize_log(read_tail(path))
        except (IOError, OSError) as error:
            errors.append("log: %s" % error)
        else:
            summary.update({"path": path, "age": round(max(0.0, now - mtime), 3)})
            result["log"] = summary
    return result


def parse_args(argv):
    """The probe's options from ``-- RECORD RUNNER_PID RUNNER_STATE STREAM RESULTS LOG GREENGRASS_LOGS``.

    The paths come after ``--``, so one starting with a dash is data; the last three may be empty (none).
    """
    if argv[:1] == ["--"]:
        argv = argv[1:]
    return dict(zip(_ARGUMENTS, argv))


def collect(options):
    """The whole report as a dict."""
    errors = []
    runner_part = runner(options.get("runner_pid", ""), options.get("runner_state", ""), errors)
    report = {
        "probe": PROBE_VERSION,
        "hostname": socket.gethostname(),
        "python": "%d.%d.%d" % tuple(sys.version_info[:3]),
        "time": time.time(),
        "uptime": uptime(errors),
        "loadavg": loadavg(errors),
        "memory": memory(errors),
        "disks": disks(errors),
        "temperatures": temperatures(errors),
        "record": deployed_record(options.get("record", ""), errors),
        "runner": runner_part,
        "stream": stream(options.get("stream", ""), errors),
        "health": health(options, runner_part.get("state") or {}, errors),
    }
    report["records"] = records(options.get("runner_state", ""), report["record"], report["runner"], errors)
    report["errors"] = errors
    return report


def main(argv):
    """Print the report as one line of JSON."""
    sys.stdout.write(json.dumps(collect(parse_args(argv)), sort_keys=True) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
