"""Dialogs: the host-key question, the key passphrase, error messages and the unexpected-error dialog of the excepthook.

Each dialog is opened through a classmethod (``ask``, ``show_error``, ``show_exception``) so tests can patch
one call instead of driving a modal event loop.
"""

import traceback

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)


class HostKeyDialog(QMessageBox):
    """Asks whether to trust a device's unknown SSH host key. "No" is the default answer."""

    def __init__(self, parent, error):
        super().__init__(parent)
        self.error = error
        self.setIcon(QMessageBox.Question)
        self.setWindowTitle(self.tr("Unknown host key"))
        key = getattr(error, "key", None)
        key_type = key.get_name() if key is not None else self.tr("unknown type")
        self.setText(self.tr("{host} is not known yet. Do you trust this device and want to connect?").format(
            host=error.host))
        self.setInformativeText(self.tr(
            "Key type: {type}\nFingerprint: {fingerprint}\n\n"
            "Compare the fingerprint with the one the device shows "
            "(on the device: ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub). "
            "If they differ, someone may be impersonating the camera: answer No."
        ).format(type=key_type, fingerprint=error.fingerprint))
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.trust_button = self.addButton(self.tr("Trust and connect"), QMessageBox.YesRole)
        self.refuse_button = self.addButton(self.tr("Don't connect"), QMessageBox.NoRole)
        self.setDefaultButton(self.refuse_button)
        self.setEscapeButton(self.refuse_button)

    @classmethod
    def ask(cls, parent, error):
        """Show the question for ``error`` (an UnknownHostKey); True when the user trusts the key."""
        dialog = cls(parent, error)
        dialog.exec_()
        return dialog.clickedButton() is dialog.trust_button


class PassphraseDialog(QDialog):
    """Asks for the passphrase of an encrypted SSH key, offering to keep it in the system keyring."""

    def __init__(self, parent, error):
        super().__init__(parent)
        self.error = error
        self.setWindowTitle(self.tr("Key passphrase"))
        layout = QVBoxLayout(self)
        self.message_label = QLabel(self.tr("The key {key} is encrypted. Type its passphrase to log in to "
                                            "{user}@{host}.").format(key=error.key_path, user=error.user,
                                                                     host=error.host), self)
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        self.passphrase_edit = QLineEdit(self)
        self.passphrase_edit.setEchoMode(QLineEdit.Password)
        layout.addWidget(self.passphrase_edit)
        self.keep_box = QCheckBox(self.tr("Keep it in the system keyring"), self)
        layout.addWidget(self.keep_box)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Unlock and connect"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent, error):
        """``(passphrase, keep)`` for ``error`` (a PassphraseNeeded), or None when the user cancels."""
        dialog = cls(parent, error)
        if dialog.exec_() != QDialog.Accepted or not dialog.passphrase_edit.text():
            return None
        return dialog.passphrase_edit.text(), dialog.keep_box.isChecked()


class HostKeysDialog(QDialog):
    """A classroom's unknown host keys, listed for review: each row a device, its key type and SHA256
    fingerprint, and a check box. Nothing is checked at first; only checked keys are trusted."""

    def __init__(self, parent, entries):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Review host keys"))
        self._names = [name for name, _error in entries]
        intro = QLabel(self.tr(
            "These cameras answered with SSH host keys that are not known yet. Compare each fingerprint with "
            "the one the camera shows (on the camera: ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub) and "
            "check only the ones that match."), self)
        intro.setWordWrap(True)
        self.table = QTableWidget(len(entries), 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Address"), self.tr("Key type"),
                                              self.tr("Fingerprint")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.NoEditTriggers)
        for row, (name, error) in enumerate(entries):
            device = QTableWidgetItem(name)
            device.setFlags(Qt.ItemIsEnabled | Qt.ItemIsUserCheckable)
            device.setCheckState(Qt.Unchecked)
            self.table.setItem(row, 0, device)
            self.table.setItem(row, 1, QTableWidgetItem(error.host))
            self.table.setItem(row, 2, QTableWidgetItem(error.key.get_name()))
            fingerprint = QTableWidgetItem(error.fingerprint)
            fingerprint.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
            self.table.setItem(row, 3, fingerprint)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        buttons = QDialogButtonBox(self)
        self.trust_button = buttons.addButton(self.tr("Trust checked keys"), QDialogButtonBox.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.Cancel)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(860, 120 + 32 * min(len(entries), 12))

    def checked(self):
        """Names of the devices whose keys are checked."""
        return [name for row, name in enumerate(self._names)
                if self.table.item(row, 0).checkState() == Qt.Checked]

    @classmethod
    def ask(cls, parent, entries):
        """Show ``entries`` (``(name, UnknownHostKey)`` pairs); the names whose keys the user trusts."""
        dialog = cls(parent, entries)
        if dialog.exec_() != QDialog.Accepted:
            return []
        return dialog.checked()


class ErrorDialog(QMessageBox):
    """A warning with one sentence that says what happened and what to do."""

    def __init__(self, parent, title, message, details=""):
        super().__init__(parent)
        self.setIcon(QMessageBox.Warning)
        self.setWindowTitle(title)
        self.setText(message)
        if details:
            self.setDetailedText(details)
        self.setStandardButtons(QMessageBox.Close)

    @classmethod
    def show_error(cls, parent, title, message, details=""):
        """Show the message modally."""
        cls(parent, title, message, details).exec_()


class ExceptionDialog(QDialog):
    """Shown by the excepthook for a bug: the app keeps running, the traceback can be copied."""

    def __init__(self, parent, exc_type, exc, tb):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = "".join(traceback.format_exception(exc_type, exc, tb))
        summary = "{0}: {1}".format(exc_type.__name__, exc) if str(exc) else exc_type.__name__
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignTop)
        self.message = QLabel(self.tr(
            "Something went wrong inside DeepLens Console. The app keeps running, but the last action may "
            "not have finished. Please report this with the details below.\n\n{summary}"
        ).format(summary=summary))
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.text = QPlainTextEdit(self.details)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.text.setMinimumSize(560, 200)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        copy = buttons.addButton(self.tr("Copy details"), QDialogButtonBox.ActionRole)
        copy.clicked.connect(self._on_copy_clicked)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def _on_copy_clicked(self):
        QApplication.clipboard().setText(self.details)

    @classmethod
    def show_exception(cls, parent, exc_type, exc, tb):
        """Show the exception modally."""
        cls(parent, exc_type, exc, tb).exec_()
