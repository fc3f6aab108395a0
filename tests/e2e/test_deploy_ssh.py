"""The ``ssh`` deploy backend end to end: virtual DeepLens devices and a real OpenSSH sshd.

Test projects stream solid-colour frames (a counter in a JPEG comment makes each frame new), so a test can
see in the stream itself which project runs; like the sample Lambdas they publish a result on their topic
(``{"red": 1.0}``) twice a second, so verify ends at the first one (``publishes=False``: a plain viewer
project, for which verify waits out the quiet grace). Every deploy is checked against the device's record, its
history and the runner's processes.
"""

import json
import os
import sys
import threading
import time
from pathlib import Path

import cv2
import numpy as np
import psutil
import pytest

from deeplens_gui.cli import deploy as cli_deploy
from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.service import CancelToken, DeployService
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import SshDeployBackend
from deeplens_gui.core.ssh import DeviceConnection, SshOptions
from deeplens_gui.core.stream import FrameSource
from deeplens_gui.sim.fleet import VirtualDevice
from deeplens_gui.sim.runtime import DEVICE_MODULES, PACKAGE_ROOT, prepare_artifacts

pytestmark = pytest.mark.slow

#: a name that breaks any command that forgot to quote it
HOSTILE = "cam $(touch PWNED); 'q\" `touch PWNED2` x"

COLOURS = {"red": (0, 0, 255), "blue": (255, 0, 0), "green": (0, 255, 0)}

_HANDLER = '''"""Deploy test project: streams one solid colour (and publishes it as its result)."""
import json
import os
import struct
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(HERE, "frame.jpg"), "rb") as handle:
    BASE = handle.read()
PATH = os.environ.get("DEEPLENS_STREAM_PATH", "/tmp/results.mjpeg")
PAYLOAD = %(payload)r
FIRST_FRAME_AFTER = %(first_frame_after)r
%(crash)s
if PAYLOAD is not None:
    import greengrasssdk

    CLIENT = greengrasssdk.client("iot-data")
    TOPIC = "$aws/things/{0}/infer".format(os.environ.get("AWS_IOT_THING_NAME", "deeplens"))


def function_handler(event, context):
    return


def frame(number):
    text = str(number).encode("ascii")
    return BASE[:2] + b"\\xff\\xfe" + struct.pack(">H", len(text) + 2) + text + BASE[2:]


def serve():
    number = 0
    fd = None
    time.sleep(FIRST_FRAME_AFTER)  # a project that loads its model first
    while True:
        if fd is None:
            try:
                if not os.path.exists(PATH):
                    os.mkfifo(PATH)
                fd = os.open(PATH, os.O_WRONLY)
            except OSError:
                time.sleep(0.1)
                continue
        try:
            os.write(fd, frame(number))
            number += 1
        except OSError:
            os.close(fd)
            fd = None
        time.sleep(0.05)


def publish():
    while True:
        if PAYLOAD.startswith("Error"):
            print(PAYLOAD)  # as the sample Lambdas print their errors to their log too
        CLIENT.publish(topic=TOPIC, payload=PAYLOAD)
        time.sleep(0.5)


threading.Thread(target=serve, daemon=True).start()
if PAYLOAD is not None:
    threading.Thread(target=publish, daemon=True).start()
'''


def make_project(folder, project_id, colour="red", name=None, crash=False, padding=0, publishes=True,
                 first_frame_after=0.0, payload=None):
    """Write a project folder that streams ``colour`` (or crashes at import); returns its path.

    ``padding`` adds a file of that many random bytes (a large upload); ``publishes`` makes it publish
    ``payload`` (default ``{colour: 1.0}``; one starting with "Error" is printed too) on its topic twice a
    second; ``first_frame_after`` seconds pass (each time it starts) before it writes its first frame.
    """
    folder = str(folder)
    os.makedirs(folder, exist_ok=True)
    manifest = {
        "id": project_id,
        "name": name or "{0} test project".format(colour.title()),
        "description": "Streams solid {0} frames.".format(colour),
        "handler": "colour.function_handler",
        "runtime": "python3.7",
        "memory_mb": 128,
        "timeout_s": 3,
        "stream": {"path": "/tmp/results.mjpeg", "resolution": "480p"},
    }
    with open(os.path.join(folder, "manifest.json"), "w") as handle:
        json.dump(manifest, handle)
    crash_line = 'raise RuntimeError("this project crashes on start")' if crash else ""
    with open(os.path.join(folder, "colour.py"), "w") as handle:
        if publishes and payload is None:
            payload = json.dumps({colour: 1.0})
        handle.write(_HANDLER % {"crash": crash_line, "payload": payload if publishes else None,
                                 "first_frame_after": float(first_frame_after)})
    image = np.zeros((120, 160, 3), np.uint8)
    image[:] = COLOURS[colour]
    ok, jpeg = cv2.imencode(".jpg", image)
    assert ok
    with open(os.path.join(folder, "frame.jpg"), "wb") as handle:
        handle.write(jpeg.tobytes())
    if padding:
        with open(os.path.join(folder, "padding.bin"), "wb") as handle:
            handle.write(os.urandom(padding))
    return folder


def colour_of(jpeg):
    """The name of the COLOURS entry closest to the mean colour of ``jpeg``."""
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image is not None, "not a decodable JPEG"
    mean = image.reshape(-1, 3).mean(axis=0)
    return min(COLOURS, key=lambda name: float(np.abs(mean - np.array(COLOURS[name])).sum()))



# --- helpers -------------------------------------------------------------------------------------------------

def read_frames(connection, path, count=3, timeout=20.0):
    """``count`` new frames from ``path`` on the device, read through the app's own relay."""
    frames = []
    got = threading.Event()

    def on_frame(frame):
        frames.append(frame.jpeg)
        if len(frames) >= count:
            got.set()

    source = FrameSource(connection, path=path, max_fps=0, decode=False, reconnect=True, on_frame=on_frame)
    worker = threading.Thread(target=source.run, daemon=True)
    worker.start()
    try:
        assert got.wait(timeout), "only {0} frames from {1} within {2} s".format(len(frames), path, timeout)
    finally:
        source.stop()
        worker.join()
    return frames[:count]


def stream_colour(connection, path):
    """The colour every one of a few fresh frames shows (they must agree)."""
    colours = {colour_of(jpeg) for jpeg in read_frames(connection, path)}
    assert len(colours) == 1, colours
    return colours.pop()


def read_json(path):
    return json.loads(Path(path).read_text())


def history(app_dir):
    return [json.loads(line) for line in (Path(app_dir) / "history.jsonl").read_text().splitlines()]


def runner_processes(app_dir):
    """Live (non-zombie) processes running the runner for ``app_dir`` (this machine's path of the folder).

    A virtual device in its own mount namespace runs the runner with the camera's path
    (/home/aws_cam/.deeplens-console, the same for every device), so the folder is compared as the process
    itself sees it, through /proc/PID/root or /proc/PID/cwd.
    """
    wanted = os.stat(str(app_dir))
    found = []
    for proc in psutil.process_iter(["cmdline", "status"]):
        cmdline = proc.info["cmdline"] or []
        if proc.info["status"] == psutil.STATUS_ZOMBIE or not any(part.endswith("runner.py") for part in cmdline):
            continue
        folder = _app_dir_argument(cmdline)
        if folder is None:
            continue
        base = "/proc/{0}/root".format(proc.pid) if folder.startswith("/") else "/proc/{0}/cwd".format(proc.pid)
        try:
            seen = os.stat(base + "/" + folder.lstrip("/"))
        except OSError:
            continue
        if (seen.st_dev, seen.st_ino) == (wanted.st_dev, wanted.st_ino):
            found.append(proc)
    return found


def _app_dir_argument(cmdline):
    for i, part in enumerate(cmdline):
        if part == "--app-dir" and i + 1 < len(cmdline):
            return cmdline[i + 1]
        if part.startswith("--app-dir="):
            return part[len("--app-dir="):]
    return None


def supervisors(app_dir):
    """Live supervisors (``runner.py _supervise``) of ``app_dir``: never more than one."""
    return [proc for proc in runner_processes(app_dir) if "_supervise" in proc.info["cmdline"]]


def assert_no_pwned(*roots):
    for root in roots:
        hits = [path for path in Path(root).rglob("PWNED*")]
        assert not hits, "a quoted argument was run as a command: {0}".format(hits)


def assert_record(record, source, app_dir, device=None):
    assert set(record) >= {"project", "name", "version", "code_sha256", "source", "deployed_at", "deployed_by",
                           "stream_path", "runner"}
    assert record["project"] == source.project_id
    assert record["name"] == source.name
    assert record["code_sha256"] == source.code_sha256
    assert record["source"] == source.label
    assert record["deployed_at"].endswith("Z") and "T" in record["deployed_at"]
    assert "@" in record["deployed_by"]
    version_dir = Path(app_dir) / "projects" / source.project_id / record["version"]
    assert (version_dir / "manifest.json").is_file()
    # A virtual device with its own mount namespace reports the camera's path (/home/aws_cam/...).
    expected = device.paths.camera(version_dir) if device is not None else str(version_dir.resolve())
    assert str(Path(record["runner"]["project_dir"]).resolve()) == expected


def no_temp_files(app_dir):
    return [path for path in Path(app_dir).rglob("*") if path.name.startswith(".") or path.name.endswith(
        (".part", ".zip"))]


@pytest.fixture
def virtual(tmp_path):
    """``make(name, project=None) -> (device, connection)``: started virtual devices, stopped afterwards."""
    made = []

    def make(name="virtual-1", project=None, root=None, namespace=None, scene="scene"):
        device = VirtualDevice(name, root or tmp_path / name, scene=scene, namespace=namespace)
        device.start(project)
        known_hosts = tmp_path / "known_hosts-{0}".format(len(made))
        known_hosts.write_text(device.known_hosts_line() + "\n")
        config = tmp_path / "ssh_config"
        config.write_text("")
        connection = DeviceConnection(device.device(), SshOptions(
            ssh_config=str(config), known_hosts=str(known_hosts), allow_agent=False, look_for_keys=False,
            use_keyring=False))
        made.append((device, connection))
        return device, connection

    yield make
    for device, connection in made:
        connection.close()
        device.stop()
    for device, _ in made:
        assert not runner_processes(device.app_dir), "the runner outlived its device"


def deploy(connection, source, backend=None, **kwargs):
    events = []
    service = DeployService({"ssh": backend or SshDeployBackend(verify_timeout=40)})
    result = service.deploy(connection, source, on_event=events.append, **kwargs)
    return result, events


# --- virtual devices -----------------------------------------------------------------------------------------

def test_deploy_replaces_the_simulators_project_and_records_it(virtual, tmp_path):
    device, connection = virtual(project="face")
    face_pid = device.lambda_pid
    before = read_json(device.app_dir / "deployed.json")
    assert before["project"] == "face" and before["source"] == "bundled:face"
    source = resolve_source(make_project(tmp_path / "blue", "blue", "blue"))

    result, events = deploy(connection, source)

    assert result.ok, result.message
    assert "runs on virtual-1 now" in result.message and result.record["version"] in result.message
    assert stream_colour(connection, str(device.stream_path)) == "blue"
    assert not psutil.pid_exists(face_pid) or psutil.Process(face_pid).status() == psutil.STATUS_ZOMBIE
    record = read_json(device.app_dir / "deployed.json")
    assert record == result.record
    assert_record(record, source, device.app_dir, device)
    assert record["source"] == "folder:" + str(Path(tmp_path / "blue").resolve())
    lines = history(device.app_dir)
    assert [line["project"] for line in lines] == ["face", "blue"]
    assert lines[-1]["outcome"] == "deployed"
    assert [event.step for event in result.steps] == ["package", "upload", "stop", "start", "verify", "record",
                                                      "boot"]
    assert [event.state for event in result.steps] == ["done"] * 7
    uploads = [event.progress for event in events if event.step == "upload" and event.progress is not None]
    assert uploads[-1] == 1.0 and uploads == sorted(uploads)
    assert not no_temp_files(device.app_dir / "projects")
    state = read_json(device.app_dir / "runner.json")
    assert state["state"] == "running" and state["restarts"] == 0
    assert device.lambda_pid == state["child_pid"]


def test_bundled_mask_replaces_face_and_publishes(virtual):
    device, connection = virtual(project="face")
    source = resolve_source("mask")
    started = time.monotonic()

    result, _ = deploy(connection, source)

    assert result.ok, result.message
    record = read_json(device.app_dir / "deployed.json")
    assert_record(record, source, device.app_dir, device)
    assert record["source"] == "bundled:mask" and record["project"] == "mask"
    # The mask Lambda announces itself on its topic (the virtual device's results file).
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        lines = [json.loads(line) for line in device.results_path.read_text().splitlines()]
        mask_lines = [line for line in lines if line["time"] > started - 1 and "ask" in line["payload"]]
        if mask_lines:
            break
        time.sleep(0.2)
    assert mask_lines, "the mask project published nothing"
    assert cv2.imdecode(np.frombuffer(read_frames(connection, str(device.stream_path), 1)[0], np.uint8),
                        cv2.IMREAD_COLOR).shape == (480, 858, 3)


def test_a_project_that_crashes_on_start_is_rolled_back(virtual, tmp_path):
    device, connection = virtual()
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    first, _ = deploy(connection, red)
    assert first.ok, first.message
    crash = resolve_source(make_project(tmp_path / "crash", "crash", "green", crash=True))
    started = time.monotonic()

    result, events = deploy(connection, crash, SshDeployBackend(verify_timeout=60))

    assert time.monotonic() - started < 30, "a crashing project must fail fast, not after the verify timeout"
    assert not result.ok and result.rolled_back
    assert "crash" in result.message and "runs again" in result.message
    assert "this project crashes on start" in result.message  # the project's own log, quoted
    assert stream_colour(connection, str(device.stream_path)) == "red"
    assert read_json(device.app_dir / "deployed.json") == first.record
    last = history(device.app_dir)[-1]
    assert last["outcome"] == "failed" and last["rolled_back"] is True and last["project"] == "crash"
    states = {event.step: event.state for event in result.steps}
    assert states["stop"] == "rolled-back" and states["record"] == "skipped"
    assert any(event.state == "failed" for event in events)
    assert read_json(device.app_dir / "runner.json")["project_dir"] == first.record["runner"]["project_dir"]


def test_cancel_during_upload_leaves_the_old_project_running(virtual, tmp_path):
    device, connection = virtual()
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    first, _ = deploy(connection, red)
    assert first.ok, first.message
    runner_pid = read_json(device.app_dir / "runner.json")["runner_pid"]
    big = resolve_source(make_project(tmp_path / "big", "big", "blue", padding=6 * 1024 * 1024))
    cancel = CancelToken()
    seen = []

    def on_event(event):
        seen.append(event)
        if event.step == "upload" and (event.progress or 0) >= 0.2:
            cancel.cancel()

    service = DeployService({"ssh": SshDeployBackend(chunk_size=16 * 1024)})
    result = service.deploy(connection, big, on_event=on_event, cancel=cancel)

    assert not result.ok and result.cancelled and not result.rolled_back
    assert "Cancelled" in result.message and "Nothing changed" in result.message
    assert max(event.progress or 0 for event in seen if event.step == "upload") < 0.5, "cancel was not prompt"
    assert {event.step: event.state for event in result.steps}["upload"] == "cancelled"
    assert read_json(device.app_dir / "runner.json")["runner_pid"] == runner_pid
    assert stream_colour(connection, str(device.stream_path)) == "red"
    assert read_json(device.app_dir / "deployed.json") == first.record
    assert not (device.app_dir / "projects" / "big").exists() or not any(
        (device.app_dir / "projects" / "big").iterdir()), "the cancelled upload left files behind"
    assert history(device.app_dir)[-1]["outcome"] == "cancelled"


def test_hostile_names_are_quoted_everywhere(virtual, tmp_path):
    root = tmp_path / HOSTILE / "virtual-1"
    # Folders mode: the device's own paths carry the hostile name (with a mount namespace they are the
    # camera's).
    device, connection = virtual(root=root, namespace=False)
    folder = tmp_path / "projects" / HOSTILE
    source = resolve_source(make_project(folder, "quoted", "green", name=HOSTILE))
    backend = SshDeployBackend(verify_timeout=40, runner_env={"DEEPLENS_TEST_VALUE": HOSTILE})
    before = files_outside_app_dir(root)

    result, _ = deploy(connection, source, backend)

    assert result.ok, result.message
    assert stream_colour(connection, str(device.stream_path)) == "green"
    record = read_json(device.app_dir / "deployed.json")
    assert record["name"] == HOSTILE
    assert record["source"] == "folder:" + str(folder.resolve())
    assert record["runner"]["env"]["DEEPLENS_TEST_VALUE"] == HOSTILE
    assert record["stream_path"] == device.device().stream_path
    child = psutil.Process(device.lambda_pid)
    assert child.environ()["DEEPLENS_TEST_VALUE"] == HOSTILE
    assert_no_pwned(tmp_path)
    # The deploy wrote nothing outside the app's folder on the device but the login's crontab (its boot line);
    # the project made its stream FIFO and published on its topic (the virtual camera's results file).
    assert files_outside_app_dir(root) - before <= {device.stream_path, device.crontab_path,
                                                    device.results_path}


def files_outside_app_dir(root):
    return {path for path in Path(root).rglob("*") if layout.APP_DIR not in path.relative_to(root).parts}


def test_greengrass_is_stopped_with_sudo_or_the_user_is_told_how(virtual, tmp_path):
    device, connection = virtual(project="face")
    fake = tmp_path / "fakebin"
    fake.mkdir()
    calls = tmp_path / "systemctl-calls"
    (fake / "systemctl").write_text(
        '#!/bin/sh\necho "$*" >> "{0}"\ncase "$1" in show) echo LoadState=loaded;; is-active) echo active;; '
        'esac\n'.format(calls))
    (fake / "sudo").write_text(
        '#!/bin/sh\n[ "$1" = -n ] && shift\nif [ -e "{0}" ]; then exec "$@"; fi\n'
        'echo "sudo: a password is required" >&2\nexit 1\n'.format(tmp_path / "sudo-allowed"))
    for script in fake.iterdir():
        script.chmod(0o755)
    device.server.env["PATH"] = str(fake) + os.pathsep + os.environ["PATH"]
    face_pid = device.lambda_pid
    source = resolve_source(make_project(tmp_path / "blue", "blue", "blue"))

    refused, _ = deploy(connection, source)

    assert not refused.ok and not refused.rolled_back
    assert "sudo" in refused.message and "sudo systemctl stop greengrassd" in refused.message
    assert "NOPASSWD" in refused.message and "nothing changed" in refused.message.lower()
    assert {event.step: event.state for event in refused.steps}["stop"] == "failed"
    assert device.lambda_pid == face_pid

    (tmp_path / "sudo-allowed").write_text("")
    allowed, _ = deploy(connection, source)

    assert allowed.ok, allowed.message
    assert "stop greengrassd.service" in calls.read_text()
    assert "Greengrass" in {event.step: event.message for event in allowed.steps}["stop"]


def test_cli_deploys_to_several_targets_and_reports_the_failed_one(virtual, tmp_path, capsys):
    (one, _), (two, _) = virtual("desk-1"), virtual("desk-2")
    known_hosts = tmp_path / "all_known_hosts"
    known_hosts.write_text(one.known_hosts_line() + "\n" + two.known_hosts_line() + "\n")
    roster = tmp_path / "roster.toml"
    from deeplens_gui.sim.fleet import write_roster

    write_roster([one, two], roster, known_hosts)
    folder = make_project(tmp_path / "red", "red", "red")
    parser = cli_deploy_parser()

    code = cli_deploy.run(parser.parse_args([folder, "desk-1", "desk-2", "desk-9", "--roster", str(roster),
                                             "--timeout", "40"]))

    out, err = capsys.readouterr()
    assert code == 1
    assert "desk-1" in out and "desk-2" in out and "verify" in out
    failed = [line for line in err.splitlines() if line.strip()]
    assert len(failed) == 1 and "desk-9" in failed[0]
    for device in (one, two):
        assert read_json(device.app_dir / "deployed.json")["project"] == "red"


def cli_deploy_parser():
    import argparse

    parser = argparse.ArgumentParser(prog="deeplens-gui deploy")
    cli_deploy.add_arguments(parser)
    return parser


# --- a real OpenSSH sshd ---------------------------------------------------------------------------------------

@pytest.mark.sshd
@pytest.mark.timeout(300)
def test_sshd_deploy_rollback_and_cancel(sshd, tmp_path):
    app_dir = tmp_path / HOSTILE / "app"
    stream_dir = tmp_path / "stream $(touch PWNED)"
    stream_dir.mkdir()
    artifacts = tmp_path / "artifacts"
    face = resolve_source("face")
    prepare_artifacts(face.project, artifacts)
    backend = SshDeployBackend(
        verify_timeout=40, app_dir=str(app_dir), python=sys.executable, boot=False,
        runner_env={"PYTHONPATH": os.pathsep.join([str(DEVICE_MODULES), str(PACKAGE_ROOT)]),
                    "DEEPLENS_ARTIFACTS_DIR": str(artifacts), "DEEPLENS_RESULTS_PATH": str(tmp_path / "r.jsonl")})
    device = sshd.device(stream_path=str(stream_dir / "results.mjpeg"))
    connection = DeviceConnection(device, sshd.options())
    try:
        result, _ = deploy(connection, face, backend)
        assert result.ok, result.message
        # This sshd is this machine: its crontab and Greengrass setting stay untouched (boot=False).
        assert {event.step: event.state for event in result.steps}["boot"] == "skipped"
        assert_record(read_json(app_dir / "deployed.json"), face, app_dir)
        assert result.record["runner"]["env"]["DEEPLENS_STREAM_PATH"] == device.stream_path
        image = cv2.imdecode(np.frombuffer(read_frames(connection, device.stream_path, 1)[0], np.uint8),
                             cv2.IMREAD_COLOR)
        assert image.shape == (480, 858, 3), "the face project streams 480p"
        face_runner = read_json(app_dir / "runner.json")["runner_pid"]

        crash = resolve_source(make_project(tmp_path / "crash", "crash", "green", crash=True))
        failed, _ = deploy(connection, crash, backend)
        assert not failed.ok and failed.rolled_back, failed.message
        assert "Face detection" in failed.message and "runs again" in failed.message
        assert read_json(app_dir / "deployed.json") == result.record
        assert len(read_frames(connection, device.stream_path, 2)) == 2

        cancel = CancelToken()
        big = resolve_source(make_project(tmp_path / "big", "big", "blue", padding=4 * 1024 * 1024))
        restarted_runner = read_json(app_dir / "runner.json")["runner_pid"]
        assert restarted_runner != face_runner

        def on_event(event):
            if event.step == "upload" and (event.progress or 0) >= 0.1:
                cancel.cancel()

        cancelled = DeployService({"ssh": backend}).deploy(connection, big, on_event=on_event, cancel=cancel)
        assert cancelled.cancelled and not cancelled.ok
        assert read_json(app_dir / "runner.json")["runner_pid"] == restarted_runner
        assert len(read_frames(connection, device.stream_path, 2)) == 2
        assert read_json(app_dir / "deployed.json") == result.record
        assert [line["outcome"] for line in history(app_dir)] == ["deployed", "failed", "cancelled"]
        assert not no_temp_files(app_dir / "projects")
        assert_no_pwned(tmp_path)
    finally:
        connection.close()
        stop = DeviceConnection(device, sshd.options())
        try:
            stop.run(commands.runner_command(backend.layout.runner_script, backend.layout.app_dir, "stop"))
        finally:
            stop.close()
    assert not runner_processes(app_dir)
