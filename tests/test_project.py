"""The project's own promises: README commands, CI, layer rules, device-code syntax."""

import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _readme_commands():
    text = (ROOT / "README.md").read_text()
    return re.findall(r"```sh\n(python3 -m pip install[^\n]*)\n```", text)


def test_readme_gives_exactly_two_fresh_machine_commands():
    commands = _readme_commands()
    assert len(commands) == 2, commands
    assert "deeplens-gui --demo" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert _readme_commands()[1] in ci.splitlines()


def test_core_is_qt_free_and_layers_hold():
    lint = shutil.which("lint-imports")
    assert lint, "import-linter is a test dependency"
    result = subprocess.run([lint, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    kept = re.search(r"Contracts: (\d+) kept, 0 broken", result.stdout)
    # core, ui, sim and the CLI's layers, the client's portability, the app apart from the device code, and
    # the device code's own imports
    assert kept and int(kept.group(1)) >= 7, result.stdout


def test_core_imports_without_qt():
    code = ("import sys, deeplens_gui.core.stream, deeplens_gui.core.recording, deeplens_gui.cli;"
            "assert 'PyQt5' not in sys.modules, 'core pulled in Qt'")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_cli_version_and_help():
    out = subprocess.run([sys.executable, "-m", "deeplens_gui", "--version"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert re.match(r"deeplens-gui \d+\.\d+\.\d+", out)
    help_text = subprocess.run([sys.executable, "-m", "deeplens_gui", "--help"], cwd=ROOT,
                               capture_output=True, text=True, check=True).stdout
    for command in ("snapshot", "record", "sim", "--demo"):
        assert command in help_text
