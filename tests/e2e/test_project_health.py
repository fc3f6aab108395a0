"""Project health end to end: a project that streams but reports errors, on a virtual DeepLens over SSH.

The status, the CLI and the deploy must all say "running with errors" with the project's own sentence,
never "running" because frames arrive.
"""

import time

import pytest

from deeplens_gui import cli
from deeplens_gui.core.deploy.service import CancelToken
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import SshDeployBackend
from deeplens_gui.core.status import Verdict, get_status
from tests.e2e import test_deploy_ssh
from tests.e2e.test_deploy_ssh import deploy
from tests.fixtures.projects import ERROR_SENTENCE, make_reporting_project

pytestmark = pytest.mark.slow


@pytest.fixture
def virtual(tmp_path):
    """The deploy tests' ``virtual`` fixture: ``make(name, project=None) -> (device, connection)``."""
    yield from test_deploy_ssh.virtual.__wrapped__(tmp_path)


def _status_until(connection, verdict, timeout=20.0):
    """The device's status once its verdict is ``verdict`` (the project needs a moment to publish)."""
    deadline = time.monotonic() + timeout
    while True:
        status = get_status(connection, sample_seconds=1.0)
        if status.verdict is verdict or time.monotonic() > deadline:
            return status


def _cli_args(device, tmp_path):
    known_hosts = tmp_path / "cli.known_hosts"
    known_hosts.write_text(device.known_hosts_line() + "\n")
    return [device.target, "-i", str(device.client_key_path), "--known-hosts", str(known_hosts),
            "--stream-path", str(device.stream_path)]


def test_a_project_that_streams_and_publishes_an_error_runs_with_errors(virtual, tmp_path, capsys):
    device, connection = virtual(project="face")
    source = resolve_source(make_reporting_project(tmp_path / "broken", "broken", ERROR_SENTENCE))
    result, _ = deploy(connection, source)
    assert result.record is not None, result.message

    status = _status_until(connection, Verdict.RUNNING_WITH_ERRORS)

    assert status.verdict is Verdict.RUNNING_WITH_ERRORS, status.reason
    assert status.frames > 0
    assert status.project_error == ERROR_SENTENCE
    assert ERROR_SENTENCE in status.reason and "streams, but the project reports" in status.reason
    assert status.troubled and not status.failed
    capsys.readouterr()
    assert cli.main(["status"] + _cli_args(device, tmp_path)) == 2
    captured = capsys.readouterr()
    assert "running-with-errors" in captured.out
    assert ERROR_SENTENCE in captured.err


def test_a_project_that_publishes_results_runs(virtual, tmp_path, capsys):
    device, connection = virtual()
    source = resolve_source(make_reporting_project(tmp_path / "fine", "fine", '{"label": "Mask", "prob": 0.9}'))
    result, _ = deploy(connection, source)
    assert result.ok, result.message

    status = get_status(connection, sample_seconds=1.0)

    assert status.verdict is Verdict.RUNNING, status.reason
    assert status.health.last_ok == '{"label": "Mask", "prob": 0.9}'
    assert status.project_error is None
    assert cli.main(["status"] + _cli_args(device, tmp_path)) == 0


def test_deploying_a_project_that_reports_errors_keeps_it_with_a_warning(virtual, tmp_path):
    _device, connection = virtual(project="face")
    source = resolve_source(make_reporting_project(tmp_path / "broken", "broken", ERROR_SENTENCE))

    result, events = deploy(connection, source)

    assert result.ok and result.problem == ERROR_SENTENCE
    assert "is deployed on virtual-1" in result.message and "but the project reports: " + ERROR_SENTENCE in \
        result.message
    assert "runs on virtual-1 now" not in result.message
    assert result.record["project"] == "broken"
    verify = [event for event in events if event.step == "verify"]
    assert any("waiting for the project's first result" in event.message for event in verify) or \
        ERROR_SENTENCE in verify[-1].message
    assert ERROR_SENTENCE in verify[-1].message


def test_a_project_that_reports_errors_is_rolled_back_when_the_user_chose_so(virtual, tmp_path):
    _device, connection = virtual(project="face")
    source = resolve_source(make_reporting_project(tmp_path / "broken", "broken", ERROR_SENTENCE))

    result, _ = deploy(connection, source, cancel=CancelToken(rollback_on_errors=True))

    assert not result.ok and result.rolled_back
    assert "failed at verify: the project streams but reports: " + ERROR_SENTENCE in result.message
    assert "Rolled back" in result.message
    assert get_status(connection, sample_seconds=1.0).record.project == "face"


def test_the_cli_deploy_exit_status_says_deployed_with_problems(virtual, tmp_path, capsys):
    device, _connection = virtual(project="face")
    folder = make_reporting_project(tmp_path / "broken", "broken", ERROR_SENTENCE)
    capsys.readouterr()

    assert cli.main(["deploy", folder] + _cli_args(device, tmp_path)) == 2
    captured = capsys.readouterr()
    assert "warning: {0}: ".format(device.target) in captured.err and ERROR_SENTENCE in captured.err

    assert cli.main(["deploy", folder, "--rollback-on-errors"] + _cli_args(device, tmp_path)) == 1
    captured = capsys.readouterr()
    assert "Rolled back" in captured.err and ERROR_SENTENCE in captured.err


def test_the_bundled_mask_project_without_its_weights_is_deployed_with_problems_not_running(virtual):
    # The first report: the mask project on a machine without internet. A closed local port stands
    # for the unreachable model download, whatever network the test machine has.
    _device, connection = virtual(project="face")
    backend = SshDeployBackend(verify_timeout=60,
                               runner_env={"DEEPLENS_MODEL_MIRROR": "http://127.0.0.1:9/models"})

    result, _ = deploy(connection, resolve_source("mask"), backend)

    assert result.ok and result.problem is not None, result.message
    assert result.problem.startswith("Error in mask detection lambda: ")
    assert "runs on virtual-1 now" not in result.message and result.problem in result.message
    status = _status_until(connection, Verdict.RUNNING_WITH_ERRORS)
    assert status.verdict is Verdict.RUNNING_WITH_ERRORS, status.reason
    assert status.project_error.startswith("Error in mask detection lambda: ")
