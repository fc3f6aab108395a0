"""DeviceBar: the viewer's tool bar that says which device to watch (target, key, stream) and remembers
targets."""

import dataclasses
import os

from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtWidgets import QComboBox, QFileDialog, QLabel, QLineEdit, QPushButton, QToolBar, QToolButton

from deeplens_gui.core.device import CAMERA_STREAM, PROJECT_STREAM, parse_target
from deeplens_gui.core.settings import with_recent_target


class DeviceBar(QToolBar):
    """The target combo (listed devices first, then recent targets), the private key and the stream path.

    ``store`` is the app's SettingsStore (recent targets). Emits ``connect_requested`` when the user presses
    Enter in the target box; the Connect button is ``connect_button``.
    """

    connect_requested = pyqtSignal()

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Device"))
        self._store = store
        self.setObjectName("device_bar")
        self.setMovable(False)
        self.setFloatable(False)
        self.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)

        self.addWidget(QLabel(self.tr("Device ")))
        self.target_combo = QComboBox(self)
        self.target_combo.setEditable(True)
        self.target_combo.setInsertPolicy(QComboBox.NoInsert)
        self.target_combo.setMinimumContentsLength(16)
        self.target_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo.lineEdit().setPlaceholderText(self.tr("user@host or ssh alias"))
        self.target_combo.setToolTip(self.tr("[user@]host[:port], or a Host alias from your ssh config"))
        self.target_combo.lineEdit().returnPressed.connect(self.connect_requested)
        self.addWidget(self.target_combo)
        # Next to the device, so it never ends up in the toolbar's overflow menu on a narrow window.
        self.connect_button = QPushButton(self.tr("Connect"), self)
        self.connect_button.setToolTip(self.tr("Connect or disconnect (Ctrl+L)"))
        self.connect_button.setDefault(True)
        self.connect_button.setMinimumWidth(96)
        self.addWidget(self.connect_button)

        self.addSeparator()
        self.addWidget(QLabel(self.tr("Key ")))
        self.identity_edit = QLineEdit(self)
        self.identity_edit.setPlaceholderText(self.tr("default keys / ssh config"))
        self.identity_edit.setToolTip(self.tr("Private key file (leave empty for your agent, ~/.ssh keys "
                                              "and ssh config)"))
        self.identity_edit.setMinimumWidth(120)
        self.addWidget(self.identity_edit)
        self.identity_button = QToolButton(self)
        self.identity_button.setText(self.tr("…"))
        self.identity_button.setToolTip(self.tr("Choose a private key file"))
        self.identity_button.clicked.connect(self._on_identity_button_clicked)
        self.addWidget(self.identity_button)

        self.addSeparator()
        self.addWidget(QLabel(self.tr("Stream ")))
        self.stream_combo = QComboBox(self)
        # Short names in the bar; the path each one reads is in the tooltip (of the item and of the combo).
        self.stream_combo.addItem(self.tr("Project stream"), PROJECT_STREAM)
        self.stream_combo.addItem(self.tr("Camera stream"), CAMERA_STREAM)
        self.stream_combo.addItem(self.tr("Other path…"), None)
        self.stream_combo.setSizeAdjustPolicy(QComboBox.AdjustToContents)
        for index, path in enumerate((PROJECT_STREAM, CAMERA_STREAM)):
            self.stream_combo.setItemData(index, self.tr("{0}: {1}").format(self.stream_combo.itemText(index),
                                                                           path), Qt.ToolTipRole)
        self.stream_combo.setItemData(2, self.tr("Another MJPEG file or FIFO on the device"), Qt.ToolTipRole)
        self.stream_combo.currentIndexChanged.connect(self._on_stream_combo_changed)
        self.stream_combo.setToolTip(self.stream_combo.itemData(0, Qt.ToolTipRole))
        self.addWidget(self.stream_combo)
        self.stream_path_edit = QLineEdit(self)
        self.stream_path_edit.setPlaceholderText(self.tr("/path/on/device.mjpeg"))
        self.stream_path_edit.setMinimumWidth(160)
        self.stream_path_action = self.addWidget(self.stream_path_edit)
        self.stream_path_action.setVisible(False)
        self._load_recent()

    # ----------------------------------------------------------------- values
    def stream_path(self):
        """The stream path chosen in the bar."""
        path = self.stream_combo.currentData()
        return path if path is not None else (self.stream_path_edit.text().strip() or PROJECT_STREAM)

    def set_stream_path(self, path):
        """Choose ``path`` (one of the listed streams, or another path)."""
        index = self.stream_combo.findData(path)
        if index < 0:
            self.stream_path_edit.setText(path)
            index = self.stream_combo.count() - 1
        self.stream_combo.setCurrentIndex(index)
        self._on_stream_combo_changed(index)

    def recent_targets(self):
        """Targets typed by the user, most recent first (Settings.recent_targets)."""
        return list(self._store.settings.recent_targets)

    def set_devices(self, devices):
        """Offer ``devices`` (core Devices, e.g. the virtual fleet) at the top of the device combo."""
        for device in reversed(list(devices)):
            self.target_combo.insertItem(0, device.display, device)
        self.target_combo.setCurrentIndex(0)

    def device_for(self, text):
        """(Device, typed) for the target ``text``: a listed device keeps its own stream unless another is
        chosen; a typed target is parsed (TargetError when it is not one). ``typed`` says to remember it."""
        identity = self.identity_edit.text().strip() or None
        index = self.target_combo.findText(text)
        known = self.target_combo.itemData(index) if index >= 0 else None
        if known is not None:
            chosen = self.stream_combo.currentData()
            device = known if chosen == PROJECT_STREAM else known.with_stream(self.stream_path())
            return (dataclasses.replace(device, identity=identity) if identity else device), False
        return parse_target(text, stream_path=self.stream_path(), identity=identity), True

    def remember(self, target):
        """Put ``target`` first in the recent targets (saved with the settings) and in the combo."""
        self._store.update(with_recent_target(self._store.settings, target))
        for index in reversed(range(self.target_combo.count())):
            if self.target_combo.itemData(index) is None:
                self.target_combo.removeItem(index)
        for target_text in self.recent_targets():
            self.target_combo.addItem(target_text)
        self.target_combo.setCurrentText(target)

    def _load_recent(self):
        recent = self.recent_targets()
        for target in recent:
            self.target_combo.addItem(target)
        self.target_combo.setCurrentIndex(0 if recent else -1)

    # ----------------------------------------------------------------- slots
    def _on_identity_button_clicked(self):
        start = self.identity_edit.text().strip() or os.path.join(os.path.expanduser("~"), ".ssh")
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a private key"), start,
                                                    self.tr("All files (*)"))
        if path:
            self.identity_edit.setText(path)

    def _on_stream_combo_changed(self, index):
        self.stream_combo.setToolTip(self.stream_combo.itemData(index, Qt.ToolTipRole))
        self.stream_path_action.setVisible(self.stream_combo.itemData(index) is None)
