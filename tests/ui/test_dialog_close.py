"""Every dialog closes by its own button, by Esc and by the window manager's close, and says it was dismissed."""

import sys

import paramiko
import pytest
from PyQt5.QtCore import Qt
from PyQt5.QtTest import QTest
from PyQt5.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from deeplens_gui.core.device import parse_target
from deeplens_gui.core.errors import PassphraseNeeded, UnknownHostKey
from deeplens_gui.core.settings import Settings
from deeplens_gui.ui.deploy_dialog import LambdaVersionDialog, SudoPasswordDialog
from deeplens_gui.ui.dialogs import ErrorDialog, ExceptionDialog, HostKeysDialog, PassphraseDialog
from deeplens_gui.ui.help import AboutDialog, WorkshopGuideDialog
from deeplens_gui.ui.roster_dialog import RosterDialog
from deeplens_gui.ui.settings_dialog import SettingsDialog


def _unknown_key():
    return UnknownHostKey("cam.local", paramiko.RSAKey.generate(1024), "SHA256:test", "/tmp/known_hosts", False)


def _exception():
    try:
        raise ZeroDivisionError("the bug")
    except ZeroDivisionError:
        return sys.exc_info()


DIALOGS = {
    "settings": lambda: SettingsDialog(Settings()),
    "roster": lambda: RosterDialog(),
    "host keys": lambda: HostKeysDialog(None, [("desk-01", _unknown_key())]),
    "about": lambda: AboutDialog(),
    "guide": lambda: WorkshopGuideDialog(),
    "passphrase": lambda: PassphraseDialog(None, PassphraseNeeded("locked", "~/.ssh/id", "aws_cam", "cam", 22)),
    "sudo password": lambda: SudoPasswordDialog(None, parse_target("aws_cam@cam"), "sudo asks"),
    "lambda version": lambda: LambdaVersionDialog(),
    "error": lambda: ErrorDialog(None, "Title", "Something failed."),
    "exception": lambda: ExceptionDialog(None, *_exception()),
}


def _dismiss_button(dialog):
    if isinstance(dialog, QMessageBox):
        return dialog.escapeButton() or dialog.defaultButton() or dialog.buttons()[0]
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == QDialogButtonBox.RejectRole:
                return button
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in (QDialogButtonBox.AcceptRole, QDialogButtonBox.DestructiveRole):
                return button
    raise AssertionError("no button closes {0}".format(type(dialog).__name__))


@pytest.mark.parametrize("how", ["button", "escape", "window manager"])
@pytest.mark.parametrize("name", sorted(DIALOGS))
def test_the_dialog_closes(qtbot, name, how):
    dialog = DIALOGS[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.isVisible()
    if how == "button":
        _dismiss_button(dialog).click()
    elif how == "escape":
        QTest.keyClick(dialog, Qt.Key_Escape)
    else:
        dialog.close()  # what the window manager's close button asks for
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    if how == "button":
        return
    if isinstance(dialog, QMessageBox):
        # A message with one button: Esc and the close button are that button (it never asks a yes/no).
        assert len(dialog.buttons()) == 1 and dialog.clickedButton() is dialog.buttons()[0]
    else:
        assert dialog.result() == QDialog.Rejected, "closing is never taken as a yes"
