"""Crash consistency: a ``deeplens-gui deploy`` killed (SIGKILL) at every step, or interrupted (SIGINT),
leaves a virtual DeepLens whose runner state, deployed record and running project agree, reconciled on the
camera; the status names what really runs and a reboot starts that same project.
"""

import dataclasses
import json
import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.deploy.service import DeployService
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import STEPS, SshDeployBackend
from deeplens_gui.core.ssh import DeviceConnection
from deeplens_gui.core.status import Verdict, get_status
from deeplens_gui.sim.fleet import write_roster
from tests.e2e.test_deploy_boot import reconnect
from tests.e2e.test_deploy_ssh import (
    make_project,
    read_json,
    stream_colour,
    supervisors,
    virtual,  # noqa: F401 (a fixture)
)
from tests.e2e.test_faults import trusted_known_hosts
from tests.fixtures.proxy import BLACKHOLE, RESET
from tests.fixtures.signals import signal_a_worker_thread, tgkill
from tests.fixtures.waiting import wait_for

pytestmark = pytest.mark.slow

COLOURS = ("blue", "green")


def cli_deploy_until(folder, device, roster, home, step, sig, to_worker=False, again=False):
    """Run ``deeplens-gui deploy`` and send ``sig`` once it prints that ``step`` runs; ``(its output lines,
    its exit status, its standard error)``.

    ``to_worker`` hands the signal to one of its worker threads (as the kernel may), not to the process;
    ``again`` sends SIGINT a second time once it says it was interrupted (a second Ctrl+C).
    """
    env = dict(os.environ, HOME=str(home), SSH_AUTH_SOCK="")
    lines = []
    marker = "{0}: {1} running".format(device.name, step)
    with subprocess.Popen([sys.executable, "-m", "deeplens_gui", "deploy", folder, device.name, "--roster",
                           str(roster), "--timeout", "40"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env) as proc:
        try:
            for raw in iter(proc.stdout.readline, b""):
                lines.append(raw.decode("utf-8", "replace").rstrip("\n"))
                if lines[-1].startswith(marker):
                    if to_worker:
                        signal_a_worker_thread(proc.pid, sig)
                    else:
                        proc.send_signal(sig)
                    break
            errors = []
            if again:
                for raw in iter(proc.stderr.readline, b""):
                    errors.append(raw.decode("utf-8", "replace"))
                    if errors[-1].startswith("Interrupted:"):
                        proc.send_signal(signal.SIGINT)
                        break
            status = proc.wait(120)
            errors.append(proc.stderr.read().decode("utf-8", "replace"))
        finally:
            if proc.poll() is None:  # it must not outlive the test
                proc.kill()
    assert any(line.startswith(marker) for line in lines), lines
    return lines, status, "".join(errors)


def assert_consistent(device, connection, colour_of_project):
    """Record, runner state and the running project agree; status names it; returns the recorded project."""
    deadline = time.monotonic() + 60
    while (device.app_dir / "deploy.json").exists():
        assert time.monotonic() < deadline, "the camera did not reconcile: {0}\n{1}".format(
            (device.app_dir / "deploy.json").read_text(), (device.app_dir / "runner.log").read_text()[-2000:])
        time.sleep(0.05)
    record = read_json(device.app_dir / "deployed.json")
    state = read_json(device.app_dir / "runner.json")
    assert len(supervisors(device.app_dir)) == 1
    assert state["state"] == "running", state
    assert state["project_dir"] == record["runner"]["project_dir"], (state, record)
    colour = colour_of_project[record["project"]]
    assert stream_colour(connection, str(device.stream_path)) == colour
    status = get_status(connection)
    assert status.verdict == Verdict.RUNNING, status.reason
    assert status.record.project == record["project"] and status.record.version == record["version"]
    assert not any("but" in note and "runs" in note for note in status.notes), status.notes
    return record


@pytest.mark.timeout(900)
def test_a_deploy_killed_at_every_step_leaves_the_camera_consistent_and_a_reboot_starts_what_runs(virtual,
                                                                                                 tmp_path):
    device, connection = virtual()
    known_hosts = tmp_path / "known_hosts-cli"
    known_hosts.write_text(device.known_hosts_line() + "\n")
    roster = write_roster([device], tmp_path / "roster.toml", known_hosts)
    home = tmp_path / "home"
    home.mkdir()
    # Projects that publish nothing: verify waits out the quiet grace, so a kill sent when verify begins lands
    # inside it, however loaded the machine.
    folders = {"red": make_project(tmp_path / "red", "red", "red", publishes=False)}
    folders.update({colour: make_project(tmp_path / colour, colour, colour, publishes=False)
                    for colour in COLOURS})
    colour_of_project = {name: name for name in folders}
    first = DeployService({"ssh": SshDeployBackend(verify_timeout=40)}).deploy(connection,
                                                                               resolve_source(folders["red"]))
    assert first.ok, first.message
    interrupted = []

    for index, step in enumerate(step.key for step in STEPS):
        colour = COLOURS[index % 2]
        before = read_json(device.app_dir / "deployed.json")

        cli_deploy_until(folders[colour], device, roster, home, step, signal.SIGKILL)

        record = assert_consistent(device, connection, colour_of_project)
        assert record["project"] in (before["project"], colour), (step, record)
        history = [json.loads(line) for line in (device.app_dir / "history.jsonl").read_text().splitlines()]
        if history[-1]["outcome"] == "interrupted":
            interrupted.append(step)
            note = read_json(device.app_dir / "reconciled.json")
            assert note["deploy"]["project"] == colour and note["deploy"]["owner"]
            status = get_status(connection, sample_seconds=0)
            if note["time"] >= record["deployed_at"]:
                assert any(text.startswith("A deploy of {0} test project by ".format(colour.title()))
                           for text in status.notes), status.notes

        connection.close()
        device.restart()
        connection = reconnect(device, connection)
        wait_for(lambda: read_json(device.app_dir / "runner.json").get("state") == "running", 30,
                 "the project did not start at boot")
        assert assert_consistent(device, connection, colour_of_project) == record
    # The kills landed inside the steps that change the camera, where only the camera could put it right.
    assert {"stop", "start", "verify"} <= set(interrupted), interrupted
    connection.close()


@pytest.mark.timeout(300)
@pytest.mark.parametrize("to_worker", [False, pytest.param(True, marks=pytest.mark.skipif(
    tgkill() is None, reason="needs Linux with glibc's tgkill"))],
    ids=["to-the-process", "to-a-worker-thread"])
def test_sigint_during_verify_rolls_back_and_the_camera_needs_no_reconciling(virtual, tmp_path, to_worker):
    device, connection = virtual()
    known_hosts = tmp_path / "known_hosts-cli"
    known_hosts.write_text(device.known_hosts_line() + "\n")
    roster = write_roster([device], tmp_path / "roster.toml", known_hosts)
    red = make_project(tmp_path / "red", "red", "red")
    blue = make_project(tmp_path / "blue", "blue", "blue", publishes=False)  # verify lasts the quiet grace
    service = DeployService({"ssh": SshDeployBackend(verify_timeout=40)})
    assert service.deploy(connection, resolve_source(red)).ok

    lines, status, errors = cli_deploy_until(blue, device, roster, tmp_path, "verify", signal.SIGINT,
                                             to_worker=to_worker)
    assert status == 130 and "Interrupted: cancelling the deploys still running" in errors, (status, errors)

    record = assert_consistent(device, connection, {"red": "red", "blue": "blue"})
    assert record["project"] == "red", lines
    history = [json.loads(line) for line in (device.app_dir / "history.jsonl").read_text().splitlines()]
    assert history[-1]["outcome"] == "cancelled" and history[-1]["rolled_back"] is True


@pytest.mark.timeout(300)
def test_a_second_ctrl_c_stops_waiting_and_the_camera_puts_back_its_project_itself(virtual, tmp_path):
    device, connection = virtual()
    known_hosts = tmp_path / "known_hosts-cli"
    known_hosts.write_text(device.known_hosts_line() + "\n")
    roster = write_roster([device], tmp_path / "roster.toml", known_hosts)
    # Red takes a few seconds to its first frame each time it starts, so the rollback (which restarts red and
    # waits for its frames) still runs when the second Ctrl+C comes, however the machine schedules the test.
    red = make_project(tmp_path / "red", "red", "red", first_frame_after=3.0)
    blue = make_project(tmp_path / "blue", "blue", "blue", publishes=False)
    assert DeployService({"ssh": SshDeployBackend(verify_timeout=40)}).deploy(connection, resolve_source(red)).ok

    lines, status, errors = cli_deploy_until(blue, device, roster, tmp_path, "verify", signal.SIGINT,
                                             again=True)

    # The command ended at once, and the camera, hearing nothing more, put its deployed project back itself.
    assert status == 130, (status, errors)
    assert "Stopped waiting: each camera puts its deployed project back itself" in errors, errors
    record = assert_consistent(device, connection, {"red": "red", "blue": "blue"})
    assert record["project"] == "red", lines


@pytest.mark.timeout(300)
def test_a_deploy_whose_network_goes_away_is_reconciled_by_the_camera(virtual, tcp_proxy, tmp_path):
    device, connection = virtual()
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    blue = resolve_source(make_project(tmp_path / "blue", "blue", "blue"))
    assert DeployService({"ssh": SshDeployBackend(verify_timeout=40)}).deploy(connection, red).ok
    proxy = tcp_proxy(device.port)
    known = trusted_known_hosts(tmp_path / "known_hosts_proxy", proxy.port, device.host_key)
    proxied = DeviceConnection(dataclasses.replace(device.device(), port=proxy.port),
                               dataclasses.replace(connection.options, known_hosts=known, connect_timeout=2.0))

    def cut(event):
        # The cable is pulled once the new project runs, before the deploy could verify and record it.
        if event.step == "verify" and event.state == "running":
            proxy.set_mode(BLACKHOLE)

    outcome = []
    backend = SshDeployBackend(verify_timeout=60, lock_lease=3.0)
    worker = threading.Thread(target=lambda: outcome.append(DeployService({"ssh": backend}).deploy(
        proxied, blue, on_event=cut)), name="test-deploy-offline")
    worker.start()
    try:
        # The camera hears nothing for the lease and puts itself right, while the client still waits.
        note = wait_for(lambda: (device.app_dir / "reconciled.json").exists() and read_json(
            device.app_dir / "reconciled.json"), 60, "the camera did not reconcile after the network loss")
        # the step line sent just before the cut may not have reached the camera
        assert note["action"] == "restarted" and note["deploy"]["step"] in ("start", "verify")
        assert note["found"]["running"] != note["found"]["recorded"]
        assert worker.is_alive(), "the client noticed nothing yet"
    finally:
        proxy.set_mode(RESET)
        worker.join(120)
        proxied.close()
    assert outcome and not outcome[0].ok, outcome and outcome[0].message
    assert "it puts its deployed project back itself" in outcome[0].message, outcome[0].message
    record = assert_consistent(device, connection, {"red": "red", "blue": "blue"})
    assert record["project"] == "red"


def test_status_says_when_what_runs_is_not_what_is_recorded(virtual, tmp_path):
    device, connection = virtual()
    service = DeployService({"ssh": SshDeployBackend(verify_timeout=40)})
    red = service.deploy(connection, resolve_source(make_project(tmp_path / "red", "red", "red")))
    blue = service.deploy(connection, resolve_source(make_project(tmp_path / "blue", "blue", "blue")))
    assert red.ok and blue.ok
    # Someone starts the older version by hand on the camera, outside any deploy.
    # Over SSH, as a person logged in on the camera would (the device's own paths and environment).
    for action, args in (("stop", []), ("start", ["--project-dir", red.record["runner"]["project_dir"], "--env",
                                                  "DEEPLENS_STREAM_PATH=" + red.record["stream_path"]])):
        result = connection.run(commands.runner_command(layout.RUNNER_SCRIPT, layout.APP_DIR, action, *args),
                                timeout=60, check=False)
        assert result.status == 0, result.stderr

    status = get_status(connection)

    assert status.verdict == Verdict.RUNNING and status.record.project == "blue"
    assert "The deployed record names {0}, but {1} runs.".format(
        blue.record["runner"]["project_dir"], red.record["runner"]["project_dir"]) in status.notes, status.notes
    assert stream_colour(connection, str(device.stream_path)) == "red"
