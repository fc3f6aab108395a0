"""The deploy window on a camera whose sudo asks for aws_cam's password (a Greengrass-managed DeepLens).

The first deploy stops at the stop step, nothing changed; the window asks for the password (the dialog's
``ask`` is patched here, as for host keys), deploys again with it and the password lands in the keyring.
"""

import keyring
import pytest
from PyQt5.QtWidgets import QLabel

from deeplens_gui.core import secrets
from deeplens_gui.ui.deploy_dialog import SudoPasswordDialog
from tests.e2e.test_deploy_ssh import make_project
from tests.e2e.test_secrets import PASSWORD, MemoryKeyring
from tests.ui.test_device_panel import viewer_factory

DEPLOY_TIMEOUT_MS = 120000


@pytest.fixture
def viewer(qtbot, sim_fleet, tmp_path, jobs):
    yield from viewer_factory(qtbot, sim_fleet, tmp_path, jobs)


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def workshop(virtual):
    virtual.set_sudo_password(PASSWORD)
    virtual.install_greengrass("face")


def test_the_window_asks_for_the_sudo_password_and_deploys_again(qtbot, viewer, tmp_path, monkeypatch,
                                                                   memory_keyring):
    window, virtual = viewer(None, before_start=workshop)
    assert virtual.greengrass_active
    asked = []

    def ask(parent, device, reason):
        asked.append((device.name, str(reason)))
        return PASSWORD

    monkeypatch.setattr(SudoPasswordDialog, "ask", classmethod(lambda cls, *args: ask(*args)))
    panel = window.device_panel
    dialog = panel.deploy(make_project(tmp_path / "red", "red", "red"))
    assert dialog is not None

    with qtbot.waitSignal(dialog.deploy_finished, timeout=DEPLOY_TIMEOUT_MS) as finished:
        pass

    result = finished.args[0]
    assert result.ok, result.message
    assert len(asked) == 1 and asked[0][0] == virtual.name
    assert "asks for the password of aws_cam" in asked[0][1]
    assert dialog.steps_view.state("stop") == "done" and "Greengrass" in dialog.steps_view.message("stop")
    assert not virtual.greengrass_active
    device = virtual.device()
    assert secrets.get_secret("sudo", device.user, device.host, device.port) == PASSWORD
    assert PASSWORD not in dialog.final_text()


def test_cancelling_the_password_question_leaves_greengrass_running(qtbot, viewer, tmp_path, monkeypatch,
                                                                    memory_keyring):
    window, virtual = viewer(None, before_start=workshop)
    monkeypatch.setattr(SudoPasswordDialog, "ask", classmethod(lambda cls, *args: None))
    dialog = window.device_panel.deploy(make_project(tmp_path / "red", "red", "red"))

    with qtbot.waitSignal(dialog.deploy_finished, timeout=DEPLOY_TIMEOUT_MS) as finished:
        pass

    result = finished.args[0]
    assert not result.ok and result.error_kind == "sudo-password"
    assert dialog.final_text() == result.message and "Nothing changed on" in result.message
    assert virtual.greengrass_active and not memory_keyring.entries


def test_the_password_dialog_hides_what_is_typed(qtbot, sim_device):
    dialog = SudoPasswordDialog(None, sim_device.device(), "sudo asks for a password.")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.password_edit, "secret")
    assert dialog.password_edit.echoMode() == dialog.password_edit.Password
    assert dialog.password_edit.text() == "secret"
    intro = dialog.findChildren(QLabel)[0].text()
    assert intro.startswith("sudo asks for a password.") and "aws_cam logs in with" in intro
