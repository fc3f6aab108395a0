"""One merged status record per device, with a verdict a human reads at a glance.

Blocking and Qt-free: the GUI polls it from its private pool, the CLI calls it directly. The device part comes
from ONE remote command (the probe, ``remote/probe.py``) and a short sample of the stream through the relay;
the cloud part from boto3 when a client factory is given. AWS problems become sentences in the record, never
exceptions; a device that cannot be reached becomes the UNREACHABLE verdict with the connection's sentence.

Verdict rules, in order:

1. UNREACHABLE: connecting, authenticating or checking the host key failed, or the probe could not run.
2. frames arrived in the sample: BEHIND_CLOUD when the record names ``lambda:NAME:V`` and the function has a
   newer published version (or the same version with another CodeSha256); else RUNNING_WITH_ERRORS when the
   project itself reports an error (its newest published payload is an error with no successful result
   after it, or, when it publishes nothing we can read, its log ends with one); else NO_RESULTS when it
   publishes results but none (nor any message) came for SILENT_AFTER seconds; else RUNNING.
3. no frames, but a deployed record (or a successful Greengrass deployment): NO_OUTPUT, saying why (runner
   dead or crashed, stream FIFO missing, FIFO without a writer) and pointing to the project log.
4. otherwise NOT_DEPLOYED.
"""

import enum
import json
import math
import time
from dataclasses import asdict, dataclass, field
from typing import Optional

from botocore.exceptions import BotoCoreError, ClientError

from deeplens_gui.core import cloud, commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.lock import records_notes
from deeplens_gui.core.errors import AuthFailed, ConnectError, DeepLensError, HostKeyError, NoStream
from deeplens_gui.core.text import capitalize, join, say, trim_period

#: How long the relay may take to start and deliver a first frame, on top of the sample itself.
STARTUP_ALLOWANCE = 1.5
PROBE_TIMEOUT = 20.0
PROJECT_LOG_HINT = "~/" + layout.PROJECT_LOG
GREENGRASS_LOG_HINT = "/opt/awscam/greengrass/ggc/var/log/user/"
#: the Lambda logs of a Greengrass-managed camera: user/<region>/<account>/<function>.log
GREENGRASS_LOGS = GREENGRASS_LOG_HINT + "*/*/*.log"
#: a project that publishes results but said nothing for this long is reported (seconds)
SILENT_AFTER = 60.0
#: an error at the end of the project's log counts while the log was written this recently (seconds); the
#: bundled projects retry a model every 30 s and print the error again each time
LOG_ERROR_WINDOW = 90.0
#: a few other lines (a warning, a retry notice) may follow the error in the log
LOG_LINES_AFTER_ERROR = 2
_AWS_FAILURES = (DeepLensError, BotoCoreError, ClientError)


class Verdict(str, enum.Enum):
    """What a device is doing, in one word. Values are stable names for ``status --json`` and UI badges."""

    RUNNING = "running"
    RUNNING_WITH_ERRORS = "running-with-errors"
    NO_RESULTS = "no-results"
    NO_OUTPUT = "no-output"
    BEHIND_CLOUD = "behind-cloud"
    NOT_DEPLOYED = "not-deployed"
    UNREACHABLE = "unreachable"


class ProbeError(DeepLensError):
    """The probe's output could not be understood (no Python on the device, garbage, truncated output)."""

    kind = "probe"


@dataclass(frozen=True)
class Disk:
    """One filesystem: which mount ("home" or "root"), its path, total and free bytes."""

    mount: str
    path: str
    total: int
    free: int


@dataclass(frozen=True)
class DeployedRecord:
    """What DeepLens Console recorded on the device when it deployed (``layout.DEPLOYED_RECORD``)."""

    project: Optional[str] = None
    name: Optional[str] = None
    version: Optional[str] = None
    code_sha256: Optional[str] = None
    source: Optional[str] = None
    deployed_at: Optional[str] = None
    deployed_by: Optional[str] = None
    stream_path: Optional[str] = None
    runner: Optional[str] = None

    @property
    def lambda_ref(self):
        """``(function name, version)`` when the source was ``lambda:NAME:VERSION``, else None."""
        if not self.source or not self.source.startswith("lambda:"):
            return None
        name, _, version = self.source[len("lambda:"):].rpartition(":")
        if not name or not version:
            return None
        return name, version

    @property
    def label(self):
        """``project version`` for sentences."""
        what = self.name or self.project
        if what:
            return "{0} {1}".format(what, self.version) if self.version else what
        return say("the project {0}", self.version) if self.version else say("the project")


@dataclass(frozen=True)
class ProjectHealth:
    """What the project reports itself (see ``remote/probe.py``): its published results and its log.

    Ages are seconds before the probe ran, on the camera's clock; results published before the project's
    start are not counted. ``results_path`` is None when no results file exists, ``log_path`` likewise.
    """

    results_path: Optional[str] = None
    results_age: Optional[float] = None
    since_age: Optional[float] = None
    count: int = 0
    last_ok: Optional[str] = None
    last_ok_age: Optional[float] = None
    last_error: Optional[str] = None
    last_error_age: Optional[float] = None
    last_message: Optional[str] = None
    last_message_age: Optional[float] = None
    log_path: Optional[str] = None
    log_age: Optional[float] = None
    log_error: Optional[str] = None
    log_lines_after: Optional[int] = None

    def current_error(self):
        """``(sentence, age or None)`` when the project reports an error now, else None."""
        if self.last_error and (self.last_ok_age is None or self.last_error_age <= self.last_ok_age):
            return self.last_error, self.last_error_age
        if (self.log_error and self.last_ok is None and self.log_age is not None
                and self.log_age <= LOG_ERROR_WINDOW and (self.log_lines_after or 0) <= LOG_LINES_AFTER_ERROR):
            return self.log_error, None
        return None

    def silent_for(self):
        """Seconds since the project last published anything, when it publishes results at all (else None)."""
        if self.results_path is None:
            return None
        ages = [age for age in (self.last_ok_age, self.last_message_age, self.last_error_age) if age is not None]
        if ages:
            return min(ages)
        return self.since_age if self.since_age is not None else self.results_age


@dataclass(frozen=True)
class ProbeReport:
    """The parsed output of the device-side probe. Missing or malformed parts are None."""

    hostname: Optional[str] = None
    python: Optional[str] = None
    uptime: Optional[float] = None
    loadavg: Optional[tuple] = None
    mem_total_kb: Optional[int] = None
    mem_available_kb: Optional[int] = None
    disks: tuple = ()
    temperatures: tuple = ()
    record: Optional[DeployedRecord] = None
    runner_pid: Optional[int] = None
    runner_alive: bool = False
    runner_state: Optional[str] = None
    runner_started_at: Optional[str] = None
    runner_restarts: Optional[int] = None
    runner_child_alive: Optional[bool] = None
    runner_last_exit: Optional[int] = None
    stream_path: Optional[str] = None
    stream_exists: bool = False
    stream_is_fifo: bool = False
    stream_write_age: Optional[float] = None
    health: Optional[ProjectHealth] = None
    errors: tuple = ()
    #: the camera's records against what runs (the probe's ``records``: deploying, interrupted, reconciled,
    #: mismatch), each a dict or None
    records: Optional[dict] = None


@dataclass(frozen=True)
class StreamSample:
    """What a few seconds of the stream showed: unique frames, their rate, and the stream's last state."""

    seconds: float = 0.0
    frames: int = 0
    fps: float = 0.0
    last_frame_age: Optional[float] = None
    state: str = "idle"
    message: str = ""


@dataclass(frozen=True)
class DeviceProbe:
    """The device part of a status: the probe's report and the stream sample (None when not sampled)."""

    report: ProbeReport
    sample: Optional[StreamSample]


@dataclass(frozen=True)
class CloudStatus:
    """The cloud part of a status. ``errors`` are AWS sentences (credentials, access, retired API...)."""

    lambda_name: Optional[str] = None
    lambda_version: Optional[str] = None
    lambda_code_sha256: Optional[str] = None
    group_id: Optional[str] = None
    deployment_id: Optional[str] = None
    deployment_status: Optional[str] = None
    deployment_created_at: Optional[str] = None
    deployment_error: Optional[str] = None
    errors: tuple = ()


@dataclass(frozen=True)
class DeviceStatus:
    """Everything known about one device at ``checked_at`` (epoch seconds), and the verdict."""

    name: str
    endpoint: str
    verdict: Verdict
    reason: str
    checked_at: float
    reachable: bool = False
    auth_ok: bool = False
    error_kind: Optional[str] = None
    hostname: Optional[str] = None
    uptime: Optional[float] = None
    loadavg: Optional[tuple] = None
    mem_total_kb: Optional[int] = None
    mem_available_kb: Optional[int] = None
    disks: tuple = ()
    temperatures: tuple = ()
    record: Optional[DeployedRecord] = None
    runner_pid: Optional[int] = None
    runner_alive: bool = False
    runner_state: Optional[str] = None
    runner_started_at: Optional[str] = None
    runner_restarts: Optional[int] = None
    stream_path: Optional[str] = None
    fifo_present: bool = False
    stream_write_age: Optional[float] = None
    frames: int = 0
    fps: float = 0.0
    last_frame_age: Optional[float] = None
    probe_errors: tuple = ()
    cloud: Optional[CloudStatus] = None
    health: Optional[ProjectHealth] = None
    project_error: Optional[str] = None
    notes: tuple = field(default=())

    @property
    def failed(self):
        """True when the device could not be checked (the CLI's exit status 1)."""
        return self.verdict is Verdict.UNREACHABLE

    @property
    def troubled(self):
        """True when the project runs but reports errors or no results (the CLI's exit status 2)."""
        return self.verdict in (Verdict.RUNNING_WITH_ERRORS, Verdict.NO_RESULTS)

    def to_dict(self):
        """Plain JSON-ready values (the verdict as its stable name)."""
        data = asdict(self)
        data["verdict"] = self.verdict.value
        return data


# ------------------------------------------------------------------------------------------- the probe


def _number(value, kind=float):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return kind(value)


def _text(value):
    return value if isinstance(value, str) else None


def _health(value):
    if not isinstance(value, dict):
        return None
    results = value.get("results") if isinstance(value.get("results"), dict) else {}
    log = value.get("log") if isinstance(value.get("log"), dict) else {}
    return ProjectHealth(
        results_path=_text(results.get("path")), results_age=_number(results.get("age")),
        since_age=_number(results.get("since_age")), count=_number(results.get("count"), int) or 0,
        last_ok=_text(results.get("last_ok")), last_ok_age=_number(results.get("last_ok_age")),
        last_error=_text(results.get("last_error")), last_error_age=_number(results.get("last_error_age")),
        last_message=_text(results.get("last_message")),
        last_message_age=_number(results.get("last_message_age")),
        log_path=_text(log.get("path")), log_age=_number(log.get("age")), log_error=_text(log.get("last_error")),
        log_lines_after=_number(log.get("lines_after"), int))


def _record(value):
    if not isinstance(value, dict):
        return None
    fields = {}
    for key in DeployedRecord.__dataclass_fields__:
        item = value.get(key)
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            item = str(item)
        fields[key] = _text(item)
    return DeployedRecord(**fields)


def parse_probe(output):
    """A ProbeReport from the probe's stdout (bytes or str). Raises only ProbeError."""
    if isinstance(output, bytes):
        output = output.decode("utf-8", "replace")
    if not isinstance(output, str):
        raise ProbeError(say("The status probe gave no text."))
    lines = [line for line in output.splitlines() if line.strip().startswith("{")]
    if not lines:
        if output.strip():
            raise ProbeError(say("The status probe printed no report: {0}.", output.strip()[:120]))
        raise ProbeError(say("The status probe printed no report."))
    try:
        data = json.loads(lines[-1])
    except (ValueError, RecursionError):
        raise ProbeError(say("The status probe's report is not valid JSON (truncated output?).")) from None
    if not isinstance(data, dict):
        raise ProbeError(say("The status probe's report is not a JSON object."))
    if data.get("error") == "nopython":
        raise ProbeError(say("The device has no Python (python3, python2 or python), which the status probe "
                             "needs."))
    if _number(data.get("probe"), int) is None:
        raise ProbeError(say("The status probe's report has no version: it is not from this app's probe."))
    load = data.get("loadavg")
    load = tuple(_number(v) for v in load[:3]) if isinstance(load, list) else None
    if load is not None and (len(load) != 3 or None in load):
        load = None
    memory = data.get("memory") if isinstance(data.get("memory"), dict) else {}
    disks = []
    for item in data.get("disks") if isinstance(data.get("disks"), list) else []:
        if isinstance(item, dict):
            total, free = _number(item.get("total"), int), _number(item.get("free"), int)
            if total is not None and free is not None:
                mount, where = _text(item.get("mount")) or "?", _text(item.get("path")) or "?"
                disks.append(Disk(mount, where, total, free))
    temps = []
    for item in data.get("temperatures") if isinstance(data.get("temperatures"), list) else []:
        if isinstance(item, dict) and _number(item.get("celsius")) is not None:
            temps.append((_text(item.get("zone")) or "?", _number(item.get("celsius"))))
    runner = data.get("runner") if isinstance(data.get("runner"), dict) else {}
    state = runner.get("state") if isinstance(runner.get("state"), dict) else {}
    stream = data.get("stream") if isinstance(data.get("stream"), dict) else {}
    errors = data.get("errors") if isinstance(data.get("errors"), list) else []
    child = runner.get("child_alive")
    return ProbeReport(
        hostname=_text(data.get("hostname")),
        python=_text(data.get("python")),
        uptime=_number(data.get("uptime")),
        loadavg=load,
        mem_total_kb=_number(memory.get("total_kb"), int),
        mem_available_kb=_number(memory.get("available_kb"), int),
        disks=tuple(disks),
        temperatures=tuple(temps),
        record=_record(data.get("record")),
        runner_pid=_number(runner.get("pid"), int),
        runner_alive=runner.get("alive") is True,
        runner_state=_text(state.get("state")),
        runner_started_at=_text(state.get("started_at")),
        runner_restarts=_number(state.get("restarts"), int),
        runner_child_alive=child if isinstance(child, bool) else None,
        runner_last_exit=_number(state.get("last_exit"), int),
        stream_path=_text(stream.get("path")),
        stream_exists=stream.get("exists") is True,
        stream_is_fifo=stream.get("fifo") is True,
        stream_write_age=_number(stream.get("age")),
        health=_health(data.get("health")),
        errors=tuple(str(item)[:200] for item in errors[:20]),
        records=data.get("records") if isinstance(data.get("records"), dict) else None,
    )


def run_probe(connection, device_layout=None):
    """Run the probe on the device (one command) and parse it. Raises DeepLensError subclasses.

    ``device_layout`` (a ``layout.DeviceLayout``) moves the app's files (tests on a real sshd)."""
    lay = device_layout or layout.DeviceLayout()
    command = commands.probe_command(lay.deployed_record, lay.runner_pid, lay.runner_state,
                                     connection.device.stream_path, results=lay.results, log=lay.project_log,
                                     greengrass_logs=GREENGRASS_LOGS)
    result = connection.run(command, timeout=PROBE_TIMEOUT, check=False)
    if result.status != 0 and not result.stdout.strip():
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        if detail:
            raise ProbeError(say("The status probe failed on {0} (exit status {1}: {2}).",
                                 connection.device.name, result.status, detail[-1][:200]))
        raise ProbeError(say("The status probe failed on {0} (exit status {1}).",
                             connection.device.name, result.status))
    return parse_probe(result.stdout)


def sample_stream(connection, seconds=2.0, path=None):
    """Read the stream for ``seconds`` after its first frame (waiting a little for one) and measure it."""
    from deeplens_gui.core.stream import FrameSource

    started = time.monotonic()
    with FrameSource(connection, path=path, max_fps=0, decode=False, reconnect=False) as source:
        first = next(source.frames(until=started + seconds + STARTUP_ALLOWANCE), None)
        stamps = [] if first is None else [first.received]
        if first is not None:
            stamps += [frame.received for frame in source.frames(until=first.received + seconds)]
    now = time.monotonic()
    if len(stamps) >= 2 and stamps[-1] > stamps[0]:
        fps = (len(stamps) - 1) / (stamps[-1] - stamps[0])
    else:
        fps = len(stamps) / float(seconds) if stamps else 0.0
    status = source.status
    return StreamSample(
        seconds=round(now - started, 3),
        frames=len(stamps),
        fps=round(fps, 2),
        last_frame_age=round(now - stamps[-1], 3) if stamps else None,
        state=status.state.value,
        message=status.message,
    )


def live_sample(stats, state, window=2.0):
    """A StreamSample from the StreamStats of a stream the caller already reads (a viewer's tile), so a status
    check does not open a second stream; frames older than ``window`` seconds do not count as flowing."""
    flowing = stats.last_frame_age is not None and stats.last_frame_age < window and stats.fps > 0
    return StreamSample(seconds=window, frames=max(1, round(stats.fps * window)) if flowing else 0,
                        fps=round(stats.fps, 2) if flowing else 0.0, last_frame_age=stats.last_frame_age,
                        state=getattr(state, "value", state))


def probe_device(connection, sample_seconds=2.0):
    """The device part: the probe, then a stream sample when the stream path exists. Raises DeepLensError."""
    report = run_probe(connection)
    sample = None
    if report.stream_exists and sample_seconds > 0:
        sample = sample_stream(connection, sample_seconds)
    return DeviceProbe(report, sample)


# ------------------------------------------------------------------------------------------- the cloud


def _client(client_factory, service, device):
    if getattr(device, "region", None):
        return client_factory(service, region=device.region)
    return client_factory(service)


def cloud_status(device, record, client_factory):
    """The cloud part for ``device``: Lambda latest version when ``record`` came from Lambda, Greengrass's
    latest deployment when the device has a group id. AWS failures end up in ``errors``, never raised."""
    errors = []
    values = {"group_id": getattr(device, "group_id", None)}
    ref = record.lambda_ref if record is not None else None
    if ref is not None:
        values["lambda_name"] = ref[0]
        try:
            latest = cloud.latest_lambda_version(_client(client_factory, "lambda", device), ref[0])
        except _AWS_FAILURES as error:
            errors.append(cloud.map_error(error).message)
        else:
            if latest is None:
                errors.append(say("The Lambda function {0} has no published version.", ref[0]))
            else:
                values["lambda_version"], values["lambda_code_sha256"] = latest
    if values["group_id"]:
        try:
            greengrass = _client(client_factory, "greengrass", device)
            values.update(_latest_deployment(greengrass, values["group_id"]))
        except _AWS_FAILURES as error:
            region = getattr(device, "region", None)
            errors.append(cloud.map_error(error, service="greengrass", region=region).message)
    return CloudStatus(errors=tuple(errors), **values)


def _latest_deployment(gg, group_id):
    deployments = []
    token = None
    for _page in range(20):
        params = {"GroupId": group_id}
        if token:
            params["NextToken"] = token
        page = cloud.call(gg, "list_deployments", **params)
        deployments.extend(page.get("Deployments", []))
        token = page.get("NextToken")
        if not token:
            break
    if not deployments:
        return {}
    latest = max(deployments, key=lambda item: str(item.get("CreatedAt", "")))
    values = {"deployment_id": latest.get("DeploymentId"), "deployment_created_at": latest.get("CreatedAt")}
    status = cloud.call(gg, "get_deployment_status", GroupId=group_id, DeploymentId=latest["DeploymentId"])
    values["deployment_status"] = status.get("DeploymentStatus")
    values["deployment_error"] = cloud.deployment_error_text(status)
    return values


# ------------------------------------------------------------------------------------------- merging


def _age(seconds):
    if seconds is None:
        return say("unknown")
    if seconds < 90:
        return say("{0:.0f} s", seconds)
    if seconds < 5400:
        return say("{0:.0f} min", seconds / 60.0)
    if seconds < 172800:
        return say("{0:.0f} h", seconds / 3600.0)
    return say("{0:.0f} days", seconds / 86400.0)


def _behind(record, cloud_part):
    """A sentence when the device runs an older (or different) build than the newest published one."""
    if record is None or cloud_part is None or not cloud_part.lambda_version:
        return None
    ref = record.lambda_ref
    if ref is None:
        return None
    name, running = ref
    latest = cloud_part.lambda_version
    if running.isdigit() and latest.isdigit() and int(latest) > int(running):
        return say("The device runs version {0} of {1}; version {2} is published: redeploy to update it.",
                   running, name, latest)
    if (running == latest and record.code_sha256 and cloud_part.lambda_code_sha256
            and record.code_sha256 != cloud_part.lambda_code_sha256):
        return say("The code on the device differs from version {0} of {1} as published (CodeSha256 {2} on "
                   "the device, {3} in Lambda): redeploy it.", latest, name, record.code_sha256,
                   cloud_part.lambda_code_sha256)
    return None


def _reports_error(what, error, health):
    sentence, age = error
    sentence = trim_period(sentence)
    if age is not None:
        return say("{0} streams, but the project reports: {1} ({2} ago).", capitalize(what), sentence, _age(age))
    return say("{0} streams, but its log {1} ends with: {2}.", capitalize(what), health.log_path, sentence)


def project_problem(health):
    """The project's own current error sentence, or None (``health`` may be None)."""
    error = health.current_error() if health is not None else None
    return error[0] if error is not None else None


def _why_no_output(report, sample, path):
    causes = []
    if report.runner_pid is not None and not report.runner_alive:
        state = report.runner_state or "stopped"
        pid, restarts, last_exit = report.runner_pid, report.runner_restarts, report.runner_last_exit
        if restarts and last_exit is not None:
            causes.append(say("its runner (pid {0}) is not running (last state: {1}, {2} restarts, "
                              "last exit status {3})", pid, state, restarts, last_exit))
        elif restarts:
            causes.append(say("its runner (pid {0}) is not running (last state: {1}, {2} restarts)",
                              pid, state, restarts))
        elif last_exit is not None:
            causes.append(say("its runner (pid {0}) is not running (last state: {1}, last exit status {2})",
                              pid, state, last_exit))
        else:
            causes.append(say("its runner (pid {0}) is not running (last state: {1})", pid, state))
    elif report.runner_state in ("crashed", "failed", "stopped"):
        if report.runner_restarts:
            causes.append(say("the runner reports the project {0} after {1} restarts",
                              report.runner_state, report.runner_restarts))
        else:
            causes.append(say("the runner reports the project {0}", report.runner_state))
    elif report.runner_alive and report.runner_child_alive is False:
        causes.append(say("the runner is alive but the project's process is gone"))
    if not report.stream_exists:
        causes.append(say("the stream FIFO {0} does not exist (the project never opened its output)", path))
    elif not report.stream_is_fifo:
        causes.append(say("{0} is a regular file, not the project's FIFO", path))
    else:
        causes.append(say("the FIFO {0} exists but nothing writes to it (last write {1} ago)",
                          path, _age(report.stream_write_age)))
    if sample is not None and sample.state == "failed" and sample.message:
        causes.append(say("the stream reader failed: {0}", trim_period(sample.message)))
    return join("; ", causes)


def merge(device, endpoint, probe=None, cloud_part=None, error=None, checked_at=None):
    """The DeviceStatus of ``device`` from its parts; ``error`` (a DeepLensError) means it was not reached."""
    checked_at = time.time() if checked_at is None else checked_at
    name = device.name
    if error is not None:
        reachable = not isinstance(error, ConnectError)
        auth_ok = reachable and not isinstance(error, (AuthFailed, HostKeyError))
        reason = error.message if isinstance(error, DeepLensError) else str(error)
        if auth_ok:
            reason = say("Connected to {0}, but could not read its status: {1}", name, reason)
        return DeviceStatus(name=name, endpoint=endpoint, verdict=Verdict.UNREACHABLE, reason=reason,
                            checked_at=checked_at, reachable=reachable, auth_ok=auth_ok,
                            error_kind=getattr(error, "kind", "error"), cloud=cloud_part)
    report, sample = probe.report, probe.sample
    record = report.record
    path = report.stream_path or device.stream_path
    frames = sample.frames if sample is not None else 0
    fps = sample.fps if sample is not None else 0.0
    notes = []
    if cloud_part is not None:
        notes.extend(cloud_part.errors)
        if cloud_part.deployment_status:
            if cloud_part.deployment_error:
                notes.append(say("Latest Greengrass deployment {0}: {1} ({2}).", cloud_part.deployment_id,
                                 cloud_part.deployment_status, cloud_part.deployment_error))
            else:
                notes.append(say("Latest Greengrass deployment {0}: {1}.", cloud_part.deployment_id,
                                 cloud_part.deployment_status))
    notes.extend(records_notes(report.records, name))
    behind = _behind(record, cloud_part)
    gg_success = cloud_part is not None and cloud_part.deployment_status == "Success"
    project_error = None
    if frames:
        what = record.label if record is not None else say("a project not deployed by DeepLens Console")
        flow = say("{0:.1f} unique frames/s, last frame {1} ago", fps, _age(sample.last_frame_age))
        health = report.health
        error = health.current_error() if health is not None else None
        silent = health.silent_for() if health is not None else None
        if behind:
            verdict, reason = Verdict.BEHIND_CLOUD, say("{0} It is running: {1}.", behind, flow)
        elif error is not None:
            project_error = error[0]
            verdict, reason = Verdict.RUNNING_WITH_ERRORS, _reports_error(what, error, health)
        elif silent is not None and silent > SILENT_AFTER:
            verdict = Verdict.NO_RESULTS
            reason = say("{0} streams ({1}), but has published no result for {2}. See {3}.", capitalize(what), flow,
                         _age(silent), PROJECT_LOG_HINT)
        else:
            verdict, reason = Verdict.RUNNING, say("Running {0}: {1}.", what, flow)
    elif record is not None or gg_success:
        seconds = sample.seconds if sample is not None else 0
        why = _why_no_output(report, sample, path)
        if record is not None:
            reason = say("{0} is deployed, but no frame arrived in {1:.0f} s: {2}. See {3}.",
                         record.label, seconds, why, PROJECT_LOG_HINT)
        else:
            reason = say("Greengrass reports deployment {0} succeeded, but no frame arrived in {1:.0f} s: "
                         "{2}. See {3} and {4}.", cloud_part.deployment_id, seconds, why, PROJECT_LOG_HINT,
                         GREENGRASS_LOG_HINT)
        if behind:
            reason = join(" ", (reason, behind))
        verdict = Verdict.NO_OUTPUT
    else:
        verdict = Verdict.NOT_DEPLOYED
        if not report.stream_exists:
            reason = say("Nothing is deployed: no deployment record and {0} does not exist. Deploy a project "
                         "to it.", path)
        else:
            reason = say("Nothing is deployed: no deployment record and nothing writes to {0} (last write "
                         "{1} ago). Deploy a project to it.", path, _age(report.stream_write_age))
    return DeviceStatus(
        name=name, endpoint=endpoint, verdict=verdict, reason=reason, checked_at=checked_at,
        reachable=True, auth_ok=True, hostname=report.hostname, uptime=report.uptime, loadavg=report.loadavg,
        mem_total_kb=report.mem_total_kb, mem_available_kb=report.mem_available_kb, disks=report.disks,
        temperatures=report.temperatures, record=record, runner_pid=report.runner_pid,
        runner_alive=report.runner_alive, runner_state=report.runner_state,
        runner_started_at=report.runner_started_at, runner_restarts=report.runner_restarts,
        stream_path=path, fifo_present=report.stream_exists and report.stream_is_fifo,
        stream_write_age=report.stream_write_age, frames=frames, fps=fps,
        last_frame_age=sample.last_frame_age if sample is not None else None, probe_errors=report.errors,
        cloud=cloud_part, health=report.health, project_error=project_error, notes=tuple(notes))


def get_status(connection, client_factory=None, sample_seconds=2.0, sample=None):
    """The DeviceStatus of the device behind ``connection`` (opened if needed, left open for the caller).

    With ``client_factory`` (``cloud.client``-like), the cloud part is added. ``sample`` (a StreamSample, see
    ``live_sample``) replaces sampling the stream. Never raises expected errors.
    """
    device = connection.device
    try:
        endpoint = connection.endpoint.label
    except DeepLensError:
        endpoint = device.host
    try:
        connection.open()
        if sample is not None:
            probe = DeviceProbe(run_probe(connection), sample)
        else:
            probe = probe_device(connection, sample_seconds)
    except DeepLensError as error:
        return merge(device, endpoint, error=error)
    cloud_part = None
    if client_factory is not None:
        cloud_part = cloud_status(device, probe.report.record, client_factory)
    return merge(device, endpoint, probe, cloud_part)


def explain_missing_stream(connection, path):
    """A NoStream naming the real cause when ``path`` has no stream but a project runs and writes another
    path (a mistyped stream path); None when the camera says nothing more (nothing runs, or it cannot tell)."""
    try:
        report = run_probe(connection)
    except DeepLensError:
        return None
    record = report.record
    if not report.runner_alive or record is None or not record.stream_path or record.stream_path == path:
        return None
    return NoStream(say("{0} does not exist on {1}, but {2} runs there and writes {3}: view {3} instead.",
                        path, connection.device.name, record.label, record.stream_path))

