"""Storage failures on the camera say their true cause: a virtual DeepLens whose app folder is a small tmpfs
(full, then read-only) refuses a deploy with the free space and what the package needs, or with the read-only
filesystem, and nothing on the camera changes.
"""

import os
import re
import subprocess

import pytest

from deeplens_gui.core.deploy.service import DeployService
from deeplens_gui.core.deploy.sources import resolve_source
from deeplens_gui.core.deploy.ssh import SshDeployBackend
from tests.e2e.test_deploy_ssh import (
    deploy,
    make_project,
    no_temp_files,
    read_json,
    stream_colour,
    virtual,  # noqa: F401 (a fixture)
)

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]


@pytest.fixture
def small_device(virtual):
    """A virtual DeepLens whose app folder is a 4 MB tmpfs (root here and in CI; otherwise skipped)."""
    device, connection = virtual()
    mounted = os.geteuid() == 0 and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(device.app_dir)],
        capture_output=True).returncode == 0
    if not mounted:
        if os.environ.get("CI") == "true":
            pytest.fail("a tmpfs could not be mounted (the disk-full tests need root in CI)")
        pytest.skip("mounting a tmpfs needs root")
    try:
        yield device, connection
    finally:
        connection.close()
        device.stop()
        subprocess.run(["umount", "-l", str(device.app_dir)], check=True)


def camera_state(device):
    """What a failed deploy must leave alone: the record, the runner, the project folders."""
    app = device.app_dir
    projects = sorted(str(path.relative_to(app)) for path in (app / "projects").rglob("*"))
    return read_json(app / "deployed.json"), read_json(app / "runner.json")["runner_pid"], projects


def test_a_full_camera_refuses_the_upload_with_the_space_and_changes_nothing(small_device, tmp_path):
    device, connection = small_device
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    big = resolve_source(make_project(tmp_path / "big", "big", "blue", padding=3 * 1024 * 1024))
    assert deploy(connection, red)[0].ok
    before = camera_state(device)

    result, events = deploy(connection, big)

    assert not result.ok and not result.rolled_back
    match = re.search(r"failed at upload: no space left on the camera: ([\d.]+) MB free, the package needs "
                      r"([\d.]+) MB\. Nothing changed on virtual-1", result.message)
    assert match, result.message
    free = os.statvfs(str(device.app_dir))
    assert abs(float(match.group(1)) - free.f_bavail * free.f_frsize / 1048576.0) < 0.3
    assert 5.9 < float(match.group(2)) < 6.5  # the zip (3 MB of random bytes) and its unpacked files
    assert "SHA-256" not in result.message
    assert camera_state(device) == before
    assert not no_temp_files(device.app_dir / "projects")
    assert stream_colour(connection, str(device.stream_path)) == "red"
    assert [event.step for event in events if event.state == "failed"] == ["upload"]


def test_a_read_only_camera_says_so_and_changes_nothing(small_device, tmp_path):
    device, connection = small_device
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    blue = resolve_source(make_project(tmp_path / "blue", "blue", "blue"))
    assert deploy(connection, red)[0].ok
    before = camera_state(device)
    projects = str(device.app_dir / "projects")
    # The projects folder read-only (a read-only bind mount; the running project keeps its logs writable).
    subprocess.run(["mount", "--bind", projects, projects], check=True)
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", projects], check=True)

        result, _ = deploy(connection, blue)

        assert not result.ok
        expected = ("failed at upload: the filesystem of virtual-1 that holds {0} is read-only, so nothing "
                    "can be written there. Nothing changed on virtual-1").format(device.paths.camera(projects))
        assert expected in result.message, result.message
        assert camera_state(device) == before
        assert stream_colour(connection, str(device.stream_path)) == "red"
    finally:
        subprocess.run(["umount", projects], check=True)
    assert deploy(connection, blue)[0].ok


def test_a_disk_that_fills_during_the_upload_is_named_as_the_cause(small_device, tmp_path):
    device, connection = small_device
    red = resolve_source(make_project(tmp_path / "red", "red", "red"))
    big = resolve_source(make_project(tmp_path / "big", "big", "blue", padding=1024 * 1024))
    assert deploy(connection, red)[0].ok
    before = camera_state(device)
    filler = device.app_dir / "filler"

    def fill(event):
        # Something else on the camera takes the space after the check, while the package is on its way.
        if event.step == "upload" and (event.progress or 0) >= 0.2 and not filler.exists():
            subprocess.run(["dd", "if=/dev/zero", "of=" + str(filler), "bs=64k"], capture_output=True)

    result = DeployService({"ssh": SshDeployBackend(verify_timeout=40, chunk_size=16 * 1024)}).deploy(
        connection, big, on_event=fill)

    assert filler.exists() and not result.ok
    assert re.search(r"failed at upload: no space left on the camera: \d+ kB free, the package needs "
                     r"2\.\d MB\. Nothing changed on virtual-1", result.message), result.message
    assert camera_state(device)[:2] == before[:2]
    assert not no_temp_files(device.app_dir / "projects")
    filler.unlink()
    assert stream_colour(connection, str(device.stream_path)) == "red"
