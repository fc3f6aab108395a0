"""The client (GUI, CLI, core) installs and runs on Windows and macOS; only sim and device code (remote/) are
Linux-only."""

import ast
import json
import os
import pathlib
import subprocess
import sys

import pytest

from tests.conftest import IN_CI

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
# POSIX-only calls that an import contract cannot see (os and signal import fine everywhere).
POSIX_ONLY = {("os", "mkfifo"), ("os", "fork"), ("os", "setsid"), ("os", "killpg"), ("os", "getuid"),
              ("os", "geteuid"), ("os", "getpgid"), ("signal", "SIGKILL"), ("signal", "SIGHUP")}
PLATFORMS = [("win_amd64", "3.12"), ("macosx_13_0_arm64", "3.12"),
             ("macosx_13_0_x86_64", "3.12")]


def _client_files():
    for folder in ("deeplens_gui/core", "deeplens_gui/ui", "deeplens_gui/cli"):
        for file in sorted((ROOT / folder).rglob("*.py")):
            relative = file.relative_to(ROOT).as_posix()
            if file.exists():
                yield relative, file


def test_the_client_calls_nothing_posix_only():
    found = []
    for relative, file in _client_files():
        for node in ast.walk(ast.parse(file.read_text(), relative)):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) \
                    and (node.value.id, node.attr) in POSIX_ONLY:
                found.append("{0}:{1} {2}.{3}".format(relative, node.lineno, node.value.id, node.attr))
    assert not found, "POSIX-only calls in the client (move them to sim/ or device code, or guard them): " \
        + ", ".join(found)


@pytest.mark.slow
@pytest.mark.parametrize("platform,python", PLATFORMS)
def test_every_dependency_has_wheels_for(platform, python, tmp_path):
    """pip resolves the app's dependencies from wheels alone for the platform (metadata only, no download)."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    report = tmp_path / "report.json"
    command = [sys.executable, "-m", "pip", "install", "--dry-run", "--quiet", "--report", str(report),
               "--only-binary=:all:", "--platform", platform, "--python-version", python, "--implementation",
               "cp", "--target", str(tmp_path / "target"), "--disable-pip-version-check"] + dependencies
    result = subprocess.run(command, capture_output=True, text=True, timeout=600,
                            env=dict(os.environ, PIP_NO_INPUT="1"))
    if result.returncode != 0 and not IN_CI and "No matching distribution" not in result.stderr:
        pytest.skip("the package index cannot be reached from here: " + result.stderr.strip()[-200:])
    assert result.returncode == 0, result.stderr
    installed = {item["metadata"]["name"].lower() for item in json.loads(report.read_text())["install"]}
    assert {"pyqt5", "paramiko", "opencv-python-headless", "av", "numpy"} <= installed


def test_the_virtual_deeplens_says_it_is_linux_only(monkeypatch, capsys):
    from deeplens_gui import cli

    monkeypatch.setattr(sys, "platform", "win32")
    assert cli.main(["--demo"]) == 1
    assert cli.main(["sim", "--devices", "1"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == ["deeplens-gui: error: " + cli.SIM_LINUX_ONLY] * 2
