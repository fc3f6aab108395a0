"""The settings dialog (File ▸ Settings…) and SettingsStore, which saves core Settings off the GUI thread.

Everything here edits the one settings schema of ``core/settings.py``; QSettings keeps only window geometry
and layout (MainWindow).
"""

import dataclasses
import os

from PyQt5.QtCore import QObject, pyqtSignal
from PyQt5.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deeplens_gui.core.errors import StorageError
from deeplens_gui.core.settings import FPS_RANGE, LINK_RANGE, Settings, save_settings
from deeplens_gui.ui import i18n
from deeplens_gui.ui.i18n import LANGUAGE_NAMES

#: Regions offered in the region box (any other region can be typed). DeepLens lived in us-east-1.
AWS_REGIONS = ("us-east-1", "eu-central-1", "ap-northeast-1", "ap-northeast-2", "us-west-2")


class SettingsStore(QObject):
    """The current Settings of the app and their file; ``update()`` saves in the background.

    Saves are serial and coalesced: while one is writing, later changes wait and only the newest is written
    next, on the "files" lane of ``jobs`` (the app's JobRunner). ``flush()`` (at exit) waits for a running
    save and writes what is still unsaved. Emits ``saved`` (Settings) and ``failed`` (a sentence).
    """

    saved = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(self, settings, path, jobs, parent=None):
        super().__init__(parent)
        self.path = path
        self._settings = settings if settings is not None else Settings()
        self._jobs = jobs.lane("files", self)
        self._written = self._settings  # what the file holds (as far as we know)
        self._writing = None

    @property
    def settings(self):
        """The current Settings."""
        return self._settings

    def update(self, settings=None, **changes):
        """Make ``settings`` (or the current ones with ``changes``) current and save them."""
        settings = settings if settings is not None else dataclasses.replace(self._settings, **changes)
        if settings == self._settings:
            return settings
        self._settings = settings
        self._save_next()
        return settings

    def _save_next(self):
        if self._writing is not None or self._settings == self._written:
            return
        self._writing = self._settings
        self._jobs.submit(save_settings, self._writing, self.path, on_done=self._on_saved,
                          on_error=self._on_save_failed)

    def _on_saved(self, _result):
        self._written, self._writing = self._writing, None
        self.saved.emit(self._written)
        self._save_next()

    def _on_save_failed(self, error):
        self._writing = None
        self.failed.emit(i18n.text(error))

    def flush(self, timeout_ms=3000):
        """Wait for a running save, then write the newest settings if they are not written yet."""
        self._jobs.shutdown(timeout_ms)
        writing, self._writing = self._writing, None
        if writing is not None:
            self._written = writing  # the job ran to its end (its callback was dropped)
        if self._settings != self._written:
            try:
                save_settings(self._settings, self.path)
                self._written = self._settings
            except StorageError as error:
                self.failed.emit(i18n.text(error))


class PathField(QWidget):
    """A line edit with a "…" button that picks a file or a folder."""

    def __init__(self, title, placeholder, folder=False, parent=None):
        super().__init__(parent)
        self._title = title
        self._folder = folder
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(placeholder)
        self.edit.setMinimumWidth(280)
        self.button = QToolButton(self)
        self.button.setText(self.tr("…"))
        self.button.setToolTip(title)
        self.button.clicked.connect(self._on_button_clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.button)

    def value(self):
        """The path, or None when empty (the default applies)."""
        return self.edit.text().strip() or None

    def set_value(self, value):
        """Show ``value`` (None: empty, the placeholder tells the default)."""
        self.edit.setText(value or "")

    def _on_button_clicked(self):
        start = os.path.expanduser(self.value() or "~")
        if self._folder:
            path = QFileDialog.getExistingDirectory(self, self._title, start)
        else:
            path, _filter = QFileDialog.getOpenFileName(self, self._title, start, self.tr("All files (*)"))
        if path:
            self.edit.setText(path)


class SettingsDialog(QDialog):
    """Edits the user settings; ``accepted`` means ``settings()`` holds valid new Settings.

    Language changes apply at the next start; the appearance applies at once.
    """

    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self._result = settings

        self.language_combo = QComboBox(self)
        self.language_combo.addItem(self.tr("System language"), "system")
        for code in ("en", "ko"):
            self.language_combo.addItem(LANGUAGE_NAMES[code], code)
        self.appearance_combo = QComboBox(self)
        self.appearance_combo.addItem(self.tr("Follow the system"), "system")
        self.appearance_combo.addItem(self.tr("Light"), "light")
        self.appearance_combo.addItem(self.tr("Dark"), "dark")
        self.known_hosts_field = PathField(self.tr("Choose the known_hosts file"), "~/.ssh/known_hosts",
                                           parent=self)
        self.ssh_config_field = PathField(self.tr("Choose the ssh config file"), "~/.ssh/config", parent=self)
        self.snapshot_field = PathField(self.tr("Choose the snapshot folder"),
                                        Settings().snapshot_folder(), folder=True, parent=self)
        self.recording_field = PathField(self.tr("Choose the recording folder"),
                                         Settings().recording_folder(), folder=True, parent=self)
        self.view_fps_spin = self._fps_spin()
        self.grid_fps_spin = self._fps_spin()
        self.link_spin = QDoubleSpinBox(self)
        self.link_spin.setRange(*LINK_RANGE)
        self.link_spin.setDecimals(0)
        self.link_spin.setSingleStep(5.0)
        self.link_spin.setSuffix(self.tr(" Mbit/s"))
        self.link_spin.setToolTip(self.tr("What the classroom's cameras may use of the network together; "
                                          "each tile gets an even share"))
        self.aws_profile_edit = QLineEdit(self)
        self.aws_profile_edit.setPlaceholderText(self.tr("default credentials"))
        self.aws_profile_edit.setToolTip(self.tr("A profile from ~/.aws/config; empty uses AWS_PROFILE or the "
                                                 "default credentials"))
        self.aws_region_combo = QComboBox(self)
        self.aws_region_combo.setEditable(True)
        self.aws_region_combo.addItems(AWS_REGIONS)
        self.aws_region_combo.setToolTip(self.tr("AWS DeepLens was available in us-east-1"))

        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language_combo)
        form.addRow(self.tr("&Appearance:"), self.appearance_combo)
        form.addRow(self.tr("&known_hosts file:"), self.known_hosts_field)
        form.addRow(self.tr("SSH &config file:"), self.ssh_config_field)
        form.addRow(self.tr("&Snapshot folder:"), self.snapshot_field)
        form.addRow(self.tr("&Recording folder:"), self.recording_field)
        form.addRow(self.tr("&Viewer frame rate limit:"), self.view_fps_spin)
        form.addRow(self.tr("Classroom &grid frame rate limit:"), self.grid_fps_spin)
        form.addRow(self.tr("Classroom &network budget:"), self.link_spin)
        form.addRow(self.tr("AWS &profile:"), self.aws_profile_edit)
        form.addRow(self.tr("AWS &region:"), self.aws_region_combo)
        self.note_label = QLabel(self.tr("A new language is used the next time DeepLens Console starts. Frame "
                                         "rate limits apply to new connections."), self)
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet("color: palette(mid);")
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #d84a3a;")
        self.error_label.setVisible(False)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.set_settings(settings)

    def _fps_spin(self):
        spin = QDoubleSpinBox(self)
        spin.setRange(*FPS_RANGE)
        spin.setDecimals(1)
        spin.setSingleStep(1.0)
        spin.setSuffix(self.tr(" fps"))
        return spin

    def set_settings(self, settings):
        """Show ``settings`` in the fields."""
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        self.appearance_combo.setCurrentIndex(max(0, self.appearance_combo.findData(settings.appearance)))
        self.known_hosts_field.set_value(settings.known_hosts)
        self.ssh_config_field.set_value(settings.ssh_config)
        self.snapshot_field.set_value(settings.snapshot_dir)
        self.recording_field.set_value(settings.recording_dir)
        self.view_fps_spin.setValue(settings.view_max_fps)
        self.grid_fps_spin.setValue(settings.grid_max_fps)
        self.link_spin.setValue(settings.grid_link_mbit)
        self.aws_profile_edit.setText(settings.aws_profile or "")
        self.aws_region_combo.setCurrentText(settings.aws_region)

    def edited(self):
        """The Settings the fields describe; ValueError (with a sentence) when one is not valid."""
        region = self.aws_region_combo.currentText().strip()
        try:
            return dataclasses.replace(
                self._original,
                language=self.language_combo.currentData(),
                appearance=self.appearance_combo.currentData(),
                known_hosts=self.known_hosts_field.value(),
                ssh_config=self.ssh_config_field.value(),
                snapshot_dir=self.snapshot_field.value(),
                recording_dir=self.recording_field.value(),
                view_max_fps=self.view_fps_spin.value(),
                grid_max_fps=self.grid_fps_spin.value(),
                grid_link_mbit=self.link_spin.value(),
                aws_profile=self.aws_profile_edit.text().strip() or None,
                aws_region=region)
        except ValueError:
            raise ValueError(self.tr("“{0}” is not an AWS region; use a name like us-east-1.").format(
                region)) from None

    def settings(self):
        """The accepted Settings (the original ones until the dialog is accepted)."""
        return self._result

    def accept(self):
        try:
            self._result = self.edited()
        except ValueError as error:
            self.error_label.setText(i18n.text(error))
            self.error_label.setVisible(True)
            self.aws_region_combo.setFocus()
            return
        super().accept()
