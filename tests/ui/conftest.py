"""Fixtures of the Qt tests: isolated QSettings, one virtual DeepLens fleet, windows that are always closed."""

import threading

import pytest
from PyQt5.QtCore import QSettings

from deeplens_gui.core.ssh import SshOptions


@pytest.fixture(autouse=True)
def user_config(tmp_path, monkeypatch):
    """The user config folder of this test only: the core settings file (recent devices, folders) is here."""
    folder = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder))
    return folder


@pytest.fixture(autouse=True)
def english(qapp):
    """English as the app installs it (the catalog of its plural forms); a test may switch languages."""
    from deeplens_gui.ui import i18n

    i18n.install("en")
    yield


@pytest.fixture
def settings(tmp_path):
    """QSettings in a file of this test only (never the user's)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture(scope="session")
def fleet():
    """Two virtual DeepLens on 127.0.0.1: the first runs the face project, the second no project."""
    from deeplens_gui.sim.fleet import Fleet

    with Fleet(2, project=None) as running:
        running.devices[0].start_project("face")
        yield running


@pytest.fixture
def known_hosts(tmp_path, fleet):
    """A known_hosts file that knows the fleet's host keys."""
    return str(fleet.write_known_hosts(tmp_path / "known_hosts"))


@pytest.fixture
def fleet_options(known_hosts):
    """SshOptions that reach the fleet with each device's own client key only."""
    return SshOptions(known_hosts=known_hosts, allow_agent=False, look_for_keys=False, use_keyring=False)


@pytest.fixture
def jobs(qapp):
    """The application's JobRunner of this test (shut down at its end)."""
    from deeplens_gui.ui.controllers import JobRunner

    runner = JobRunner()
    yield runner
    assert runner.shutdown(5000)


@pytest.fixture
def make_window(qtbot, settings, fleet_options, jobs):
    """Build MainWindows that are shut down (streams stopped) at the end of the test."""
    from deeplens_gui.ui.main_window import MainWindow

    windows = []

    def make(**kwargs):
        kwargs.setdefault("settings", settings)
        kwargs.setdefault("ssh_options", fleet_options)
        window = MainWindow(jobs, **kwargs)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.shutdown()


def stream_threads():
    """Python threads that belong to SSH connections (paramiko transports) still alive."""
    return [t for t in threading.enumerate() if t.is_alive() and type(t).__name__ == "Transport"]
