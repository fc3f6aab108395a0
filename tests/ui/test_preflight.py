"""The start-up check of Qt's platform plugin, judged against the system's own loader (``ldd``)."""

import os
import re
import shutil
import subprocess
import sys

import pytest
from PyQt5.QtCore import QLibraryInfo

from deeplens_gui.ui import preflight
from tests.conftest import IN_CI

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is for Linux")

PLUGINS = os.path.join(QLibraryInfo.location(QLibraryInfo.PluginsPath), "platforms")
XCB = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99"}


def _ldd(path):
    """(found {soname: path}, not found [soname]) as the dynamic loader itself resolves *path*."""
    output = subprocess.run(["ldd", path], capture_output=True, text=True, check=True).stdout
    found, missing = {}, []
    for line in output.splitlines():
        match = re.match(r"\s*(\S+) => (.+?)(?: \(0x[0-9a-f]+\))?$", line)
        if not match:
            continue
        if match.group(2) == "not found":
            missing.append(match.group(1))
        else:
            found[match.group(1)] = match.group(2)
    return found, sorted(set(missing))


@pytest.mark.parametrize("platform", ["xcb", "offscreen", "wayland"])
def test_missing_libraries_agree_with_the_loader(platform):
    plugin = os.path.join(PLUGINS, preflight.PLUGIN_FILES[platform])
    if not os.path.exists(plugin):
        pytest.skip("this Qt has no {0} plugin".format(platform))
    _found, missing = _ldd(plugin)
    assert sorted(preflight.missing_libraries(plugin, environ={})) == missing


def test_a_hidden_library_is_named_with_the_commands_that_install_it(tmp_path):
    plugin = os.path.join(PLUGINS, "libqxcb.so")
    found, _missing = _ldd(plugin)
    hidden = next(name for name in ("libxcb-icccm.so.4", "libxcb-randr.so.0", "libxcb.so.1") if name in found)
    # A library path that has everything the loader found except one library.
    for soname, path in found.items():
        if soname != hidden:
            os.symlink(path, str(tmp_path / soname))

    problem = preflight.check(environ=XCB, system_dirs=[str(tmp_path)])

    assert problem is not None and hidden in problem.missing
    apt, dnf, pacman = preflight.PACKAGES[hidden]
    sentence = problem.sentence()
    assert sentence.startswith("Qt cannot load its xcb platform plugin because these system libraries are "
                               "missing: " + ", ".join(problem.missing) + "; install them with `sudo apt-get install ")
    assert " {0}".format(apt) in sentence.split("(Debian, Ubuntu)")[0]
    assert "`sudo dnf install " in sentence and dnf in sentence.split("(Fedora)")[0]
    assert "`sudo pacman -S " in sentence and pacman in sentence.split("(Arch)")[0]
    assert "\n" not in sentence


def test_the_check_passes_on_this_machine():
    problem = preflight.check(environ=XCB)
    if problem is not None and not IN_CI:
        pytest.skip("this workstation lacks Qt's xcb libraries: " + problem.sentence())
    assert problem is None, problem and problem.sentence()
    assert preflight.check(environ={"QT_QPA_PLATFORM": "offscreen"}) is None


def test_xcb_without_a_display_is_said_before_qt_aborts():
    problem = preflight.check(environ={"QT_QPA_PLATFORM": "xcb"}, system_dirs=None)
    assert problem is not None
    if problem.missing:
        return  # a workstation without the libraries: the libraries come first (checked above)
    assert problem.sentence() == ("Qt's xcb platform needs an X11 display, but DISPLAY is not set: start the app "
                                  "from a desktop session, or run without a window with QT_QPA_PLATFORM=offscreen.")


def test_the_gui_entry_exits_1_with_one_line_instead_of_a_qt_abort():
    env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run([sys.executable, "-m", "deeplens_gui", "--demo"], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("deeplens-gui: error: Qt"), result.stderr
    assert "This application failed to start" not in result.stderr


def test_debian_names_for_a_library_outside_the_table():
    assert preflight.packages_for("libfoo.so.3")[0] == "libfoo3"
    assert preflight.packages_for("libfoo2.so.0")[0] == "libfoo2-0"
    assert shutil.which("ldd"), "the tests above use the system loader as the reference"
