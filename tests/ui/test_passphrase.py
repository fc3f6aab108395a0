"""SSH edge cases in the window: an encrypted key's passphrase is asked (optionally kept in the keyring) and the
stream starts, cancelling leaves the error's sentence on the bar; a revoked host key is refused, never asked."""

import keyring
import pytest
from PyQt5.QtCore import QTimer
from PyQt5.QtWidgets import QApplication, QDialogButtonBox

from deeplens_gui.core import secrets
from deeplens_gui.core.errors import PassphraseNeeded
from deeplens_gui.core.stream import StreamState
from deeplens_gui.ui import dialogs
from deeplens_gui.ui.dialogs import PassphraseDialog
from tests.core.test_ssh import MemoryKeyring


@pytest.fixture(autouse=True)
def _forget_typed_passphrases(monkeypatch):
    monkeypatch.setattr(secrets, "_session", {})


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def _window_on_encrypted_key(make_window, sshd, deeplens_fifo):
    writer = deeplens_fifo()
    window = make_window(ssh_options=sshd.options())
    window.set_devices([sshd.device(identity=sshd.encrypted_key, stream_path=writer.path)])
    return window, writer


@pytest.mark.parametrize("keep", [False, True])
def test_the_passphrase_is_asked_and_the_stream_starts(qtbot, make_window, sshd, deeplens_fifo, monkeypatch,
                                                      memory_keyring, keep):
    asked = []

    def ask(cls, parent, error):
        asked.append(error)
        return sshd.passphrase, keep

    monkeypatch.setattr(dialogs.PassphraseDialog, "ask", classmethod(ask))
    window, _ = _window_on_encrypted_key(make_window, sshd, deeplens_fifo)
    window.connect_to()
    qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=20000)
    assert len(asked) == 1 and isinstance(asked[0], PassphraseNeeded)
    assert asked[0].key_path == sshd.encrypted_key
    assert window.controller.status.state is StreamState.LIVE
    saved = secrets.get_secret("passphrase", sshd.user, sshd.host, sshd.port)
    assert saved == (sshd.passphrase if keep else None)


def test_cancelling_leaves_the_sentence(qtbot, make_window, sshd, deeplens_fifo, monkeypatch):
    monkeypatch.setattr(dialogs.PassphraseDialog, "ask", classmethod(lambda cls, parent, error: None))
    window, _ = _window_on_encrypted_key(make_window, sshd, deeplens_fifo)
    window.connect_to()
    qtbot.waitUntil(lambda: window.controller.status.state is StreamState.FAILED, timeout=20000)
    _headline, detail, is_error = window.view.state_text()
    assert "needs its passphrase" in detail and is_error


def test_dialog_returns_the_passphrase_and_the_keyring_choice(qtbot):
    error = PassphraseNeeded("locked", "/keys/id_ed25519", "aws_cam", "cam1", 22)

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, answer)
            return
        assert "/keys/id_ed25519" in dialog.message_label.text()
        dialog.passphrase_edit.setText("s3cret")
        dialog.keep_box.setChecked(True)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok).click()

    QTimer.singleShot(0, answer)
    assert PassphraseDialog.ask(None, error) == ("s3cret", True)
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert PassphraseDialog.ask(None, error) is None


def test_a_revoked_host_key_is_refused_with_its_sentence_and_never_asked(qtbot, make_window, fleet, tmp_path,
                                                                          monkeypatch):
    from deeplens_gui.core.ssh import SshOptions

    virtual = fleet.devices[0]
    key_type, key_data = virtual.known_hosts_line().split()[1:3]
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text("@revoked * {0} {1}\n".format(key_type, key_data))
    monkeypatch.setattr(dialogs.HostKeyDialog, "ask", classmethod(lambda cls, p, e: pytest.fail("asked")))
    window = make_window(ssh_options=SshOptions(known_hosts=str(known_hosts), accept_new_host_key=True,
                                                allow_agent=False, look_for_keys=False, use_keyring=False))
    window.set_devices([virtual.device()])
    window.connect_to()
    qtbot.waitUntil(lambda: window.controller.status.state is StreamState.FAILED, timeout=10000)
    _headline, detail, is_error = window.view.state_text()
    assert "REVOKED" in detail and is_error
    assert known_hosts.read_text().count("\n") == 1, "nothing was appended"
