"""The one version check for code that runs on the camera (Python 2.7 and 3.5+): vermin over all of it, and a
real Python 2.7 compiling every file (CI prepares one; elsewhere the compile test skips without it).

Device code: ``deeplens_gui/remote`` (relay, runner, probe, the frame reader they share, their loader),
``device_lambda`` (the bundled projects) and the virtual DeepLens' stand-ins that run in the camera's Python
(awscam, mo, greengrasssdk, the model catalog and the scene).
"""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.device.conftest import require_python27

ROOT = Path(__file__).resolve().parent.parent
SIM = ROOT / "deeplens_gui" / "sim"
DEVICE_CODE = [ROOT / "deeplens_gui" / "remote", ROOT / "device_lambda", SIM / "device_modules",
               SIM / "catalog.py", SIM / "scene.py"]

# Compiles each file named on the command line; prints {path: error} for those that do not compile.
_COMPILE_ALL = (
    "import json, sys\n"
    "errors = {}\n"
    "for path in sys.argv[1:]:\n"
    "    try:\n"
    "        compile(open(path, 'rb').read(), path, 'exec')\n"
    "    except SyntaxError as error:\n"
    "        errors[path] = '{0} (line {1})'.format(error.msg, error.lineno)\n"
    "print(json.dumps(errors))\n"
)


def _files(paths):
    for path in paths:
        yield from ([path] if path.is_file() else sorted(path.rglob("*.py")))


def vermin_violations(*paths):
    """What ``vermin -q --no-tips -t=2.7 -t=3.5- --violations PATHS`` prints (it must run cleanly)."""
    script = shutil.which("vermin") or str(Path(sys.executable).with_name("vermin"))
    assert Path(script).is_file(), "vermin is not installed (pip install -e .[test])"
    result = subprocess.run([script, "-q", "--no-tips", "-t=2.7", "-t=3.5-", "--violations"]
                            + [str(path) for path in paths], capture_output=True, text=True, timeout=120)
    assert result.stderr == "", result.stderr
    return result.stdout.strip()


def python27_compile_errors(paths):
    """``{file: error}`` for the files below ``paths`` that the camera's Python 2.7 cannot compile."""
    files = [str(path) for path in _files(paths)]
    result = subprocess.run([require_python27(), "-c", _COMPILE_ALL] + files, capture_output=True, text=True,
                            timeout=120, check=True)
    return json.loads(result.stdout)


def test_device_code_is_python_27_and_35_code():
    names = {path.relative_to(ROOT).as_posix() for path in _files(DEVICE_CODE)}
    programs = ("relay.py", "runner.py", "probe.py", "frames.py")
    assert {"deeplens_gui/remote/" + name for name in programs} <= names
    assert vermin_violations(*DEVICE_CODE) == ""


def test_device_code_compiles_under_python_27():
    assert python27_compile_errors(DEVICE_CODE) == {}


def test_both_checks_catch_newer_syntax(tmp_path):
    (tmp_path / "bad.py").write_text("name = 'x'\nprint(f'{name}')\n")
    assert "f-strings" in vermin_violations(tmp_path)
    assert list(python27_compile_errors([tmp_path])) == [str(tmp_path / "bad.py")]


def test_the_programs_run_as_files_next_to_their_modules():
    # On the camera the relay imports the reader as the file next to it (``frames.py``), not from the package.
    python = require_python27()
    for program in ("relay", "runner"):
        result = subprocess.run([python, str(ROOT / "deeplens_gui" / "remote" / (program + ".py")), "--help"],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 0 and "usage:" in result.stdout, result.stderr
