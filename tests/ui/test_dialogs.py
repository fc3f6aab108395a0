"""Dialogs: the host-key question (default No), the exception dialog."""

import sys

import paramiko
import pytest
from PyQt5.QtCore import QTimer
from PyQt5.QtWidgets import QApplication

from deeplens_gui.core.errors import UnknownHostKey
from deeplens_gui.core.ssh import fingerprint
from deeplens_gui.ui.dialogs import ErrorDialog, ExceptionDialog, HostKeyDialog


@pytest.fixture(scope="module")
def host_key_error():
    key = paramiko.RSAKey.generate(1024)
    return UnknownHostKey("[127.0.0.1]:2222", key, fingerprint(key), "known_hosts")


def answer_modal(button_name):
    """Click ``button_name`` of the next modal dialog once it is shown."""
    def click():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, click)
            return
        getattr(dialog, button_name).click()
    QTimer.singleShot(0, click)


def test_host_key_dialog_shows_host_and_fingerprint_and_defaults_to_no(qtbot, host_key_error):
    dialog = HostKeyDialog(None, host_key_error)
    qtbot.addWidget(dialog)
    assert "[127.0.0.1]:2222" in dialog.text()
    assert host_key_error.fingerprint in dialog.informativeText()
    assert host_key_error.fingerprint.startswith("SHA256:")
    assert "ssh-rsa" in dialog.informativeText()
    assert dialog.defaultButton() is dialog.refuse_button
    assert dialog.escapeButton() is dialog.refuse_button


@pytest.mark.parametrize("button, expected", [("trust_button", True), ("refuse_button", False)])
def test_host_key_ask_returns_the_answer(qtbot, host_key_error, button, expected):
    answer_modal(button)
    assert HostKeyDialog.ask(None, host_key_error) is expected


def test_exception_dialog_holds_the_traceback(qtbot):
    try:
        raise ValueError("boom in a slot")
    except ValueError:
        exc_info = sys.exc_info()
    dialog = ExceptionDialog(None, *exc_info)
    qtbot.addWidget(dialog)
    assert "ValueError: boom in a slot" in dialog.message.text()
    assert "Traceback (most recent call last)" in dialog.details
    assert "test_exception_dialog_holds_the_traceback" in dialog.text.toPlainText()


def test_error_dialog_shows_the_sentence(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(ErrorDialog, "exec_", lambda self: shown.append((self.windowTitle(), self.text())))
    ErrorDialog.show_error(None, "Snapshot not saved", "Could not save x.png: the disk is full.")
    assert shown == [("Snapshot not saved", "Could not save x.png: the disk is full.")]
