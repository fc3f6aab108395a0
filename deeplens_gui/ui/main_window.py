"""MainWindow: the live viewer of one device (device bar, video, actions, status bar) and the classroom."""

import dataclasses
import datetime
import os
import re
import threading

from PyQt5.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QSettings,
    Qt,
    pyqtSignal,
    pyqtSlot,
)
from PyQt5.QtGui import QIcon, QKeySequence
from PyQt5.QtWidgets import (
    QAction,
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QToolBar,
    QToolButton,
)

import resources
from deeplens_gui.core import cloud
from deeplens_gui.core.connections import BorrowedConnection, ConnectionPool
from deeplens_gui.core.decode import LIVE_UPSCALE, choose_reduction
from deeplens_gui.core.device import CAMERA_STREAM, PROJECT_STREAM, parse_target
from deeplens_gui.core.errors import ConnectionLost, StorageError, TargetError
from deeplens_gui.core.files import atomic_write
from deeplens_gui.core.recording import save_snapshot
from deeplens_gui.core.roster import load_roster
from deeplens_gui.core.settings import MAX_RECENT, load_settings, with_recent_target  # noqa: F401 (API)
from deeplens_gui.core.ssh import DeviceConnection, SshOptions, trust_host_key
from deeplens_gui.core.stream import StreamState
from deeplens_gui.ui import i18n, theme
from deeplens_gui.ui.controllers import DeviceController, JobRunner
from deeplens_gui.ui.device_panel import FACE, MASK, DevicePanel
from deeplens_gui.ui.dialogs import ErrorDialog, HostKeyDialog
from deeplens_gui.ui.fleet_controller import FleetController
from deeplens_gui.ui.grid_view import ClassroomView
from deeplens_gui.ui.help import AboutDialog, WorkshopGuideDialog
from deeplens_gui.ui.recording import RecordingController, RecordingIndicator, format_elapsed
from deeplens_gui.ui.roster_dialog import RosterDialog
from deeplens_gui.ui.settings_dialog import SettingsDialog, SettingsStore
from deeplens_gui.ui.video_view import VideoView

_PANEL_KEY = "viewer/device_panel"
_STATE_KEY = "window/state"
_TAB_KEY = "window/tab"
_ACTIVE_STATES = (StreamState.CONNECTING, StreamState.WAITING, StreamState.LIVE, StreamState.STALLED,
                  StreamState.RECONNECTING)


def snapshot_name(device_name, when=None, ext=".png"):
    """The default snapshot file name: ``deeplens-<device>-<YYYYmmdd-HHMMSS>.png`` (safe characters only)."""
    when = when or datetime.datetime.now()
    safe = re.sub(r"[^A-Za-z0-9._-]+", "_", device_name).strip("_.") or "device"
    return "deeplens-{0}-{1}{2}".format(safe, when.strftime("%Y%m%d-%H%M%S"), ext)


def write_snapshot(path, jpeg=None, image=None):
    """Write a frame to ``path`` atomically: from the full-size ``jpeg`` when known, else from a QImage."""
    if jpeg is not None:
        save_snapshot(jpeg, path)
        return path
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise StorageError(QCoreApplication.translate("MainWindow", "Could not encode the frame as PNG."))
    buffer.close()
    atomic_write(path, bytes(data))
    return path


def format_rate(bytes_per_s):
    """``1.4 MB/s``, ``86 KB/s``, ``0 B/s``."""
    def tr(text):
        return QCoreApplication.translate("MainWindow", text)

    if bytes_per_s >= 1e6:
        return tr("{0:.1f} MB/s").format(bytes_per_s / 1e6)
    if bytes_per_s >= 1e3:
        return tr("{0:.0f} KB/s").format(bytes_per_s / 1e3)
    return tr("{0:.0f} B/s").format(bytes_per_s)


class ViewerConnection(BorrowedConnection):
    """What the viewer's stream, device panel and deploys hold for the viewed device: a borrowed view of the
    device's one shared connection, looked up (``lookup(device)``) at every use, so that it follows the device
    into or out of the classroom roster. ``close()`` only lets go: the window closes what it owns.
    """

    def __init__(self, device, lookup):
        super().__init__(None)
        self._device = device
        self._lookup = lookup

    @property
    def shared(self):
        """The DeviceConnection the device shares now (raises ConnectionLost once the viewer let go)."""
        return self._lookup(self._device)

    @property
    def device(self):
        """The viewed Device."""
        return self._device

    def __getattr__(self, name):
        return getattr(self.shared, name)

    def __repr__(self):
        return "<ViewerConnection of {0}>".format(self._device.name)


class MainWindow(QMainWindow):
    """One device at a time: pick it in the device bar, watch it, snapshot it.

    The viewed device has one SSH connection, shared by its stream, the device panel (status, log, results,
    history, deploys) and recording: a roster device's is the classroom's pooled one (``pool``), any
    other device's is the viewer's own, made by ``connection_factory(device, ssh_options)``
    (DeviceConnection by default) and closed when the viewer lets the device go. ``settings`` defaults to
    the application's QSettings (window geometry and layout only). The Classroom tab shows a roster's
    devices in a grid. The user settings (recent devices, last roster, folders, frame rates, AWS profile
    and region) are core Settings: ``app_settings`` as loaded by the caller, else read from
    ``app_settings_path`` (default: the user's file); ``store`` saves every change to that file in the
    background.
    """

    snapshot_saved = pyqtSignal(str)
    snapshot_failed = pyqtSignal(str)
    controller_changed = pyqtSignal(object)
    roster_opened = pyqtSignal(object)
    roster_failed = pyqtSignal(str)

    def __init__(self, ssh_options=None, stream_path=PROJECT_STREAM, identity=None, settings=None,
                 connection_factory=None, app_settings_path=None, app_settings=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("DeepLens Console"))
        self.setWindowIcon(QIcon(resources.path("icons", "app.svg")))
        self._ssh_options = ssh_options or SshOptions()
        self._connection_factory = connection_factory or DeviceConnection
        self._viewer_lock = threading.Lock()  # guards the two fields below (workers look connections up)
        self._viewed = None  # the Device the viewer shows, None when it shows none
        self._viewer_connection = None  # the connection of a viewed device that is not in the roster
        self._released = []  # viewer connections being closed in the background
        self._settings = settings if settings is not None else QSettings()
        self._jobs = JobRunner(max_threads=2, parent=self)
        self.controller = None
        self._view_size = (0, 0)
        self._closed = False
        self._was_maximized = False

        if app_settings is None:
            app_settings = load_settings(app_settings_path)
        self.store = SettingsStore(app_settings, app_settings_path, self)
        self.store.failed.connect(self._on_store_failed)
        self._last_roster_tried = False
        self.roster = None

        self.view = VideoView(self)
        self.pool = ConnectionPool(self._classroom_options)
        self.fleet = FleetController(self.pool, max_fps=self.store.settings.grid_max_fps, parent=self,
                                     link_mbit=self.store.settings.grid_link_mbit,
                                     thumbnail_quality=self.store.settings.thumbnail_quality)
        self.fleet.devices_changed.connect(self._on_fleet_devices_changed)
        self.classroom = ClassroomView(self.fleet, lambda: self.store.settings.snapshot_folder(), self,
                                       recording_folder=lambda: self.store.settings.recording_folder())
        self.classroom.open_device.connect(self._on_classroom_open_device)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, self.tr("Viewer"))
        self.tabs.addTab(self.classroom, self.tr("Classroom"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.setCentralWidget(self.tabs)
        self.device_panel = DevicePanel(self.viewer_connection, client_factory=self._aws_client, parent=self)
        self.device_panel.setVisible(False)
        self.addDockWidget(Qt.RightDockWidgetArea, self.device_panel)
        self.recording = RecordingController(parent=self)
        self.recording.stopped.connect(self._on_recording_stopped)
        self.recording.failed.connect(self._on_recording_failed)
        self._build_actions()
        self._build_device_bar()
        self._build_menus()
        self._build_status_bar()
        self._set_stream_path(stream_path or PROJECT_STREAM)
        if identity:
            self.identity_edit.setText(str(identity))
        self._load_recent()
        self.view.size_changed.connect(self._on_view_size_changed)
        if not self.restoreGeometry(self._settings.value("window/geometry", QByteArray())):
            self.resize(1100, 720)
        self.restoreState(self._settings.value(_STATE_KEY, QByteArray()))
        if self._settings.value(_PANEL_KEY, False) in (True, "true"):
            self.device_panel.setVisible(True)
        tab = self._settings.value(_TAB_KEY, 0)
        if str(tab) == "1":
            self.tabs.setCurrentWidget(self.classroom)
        self._update_actions()

    # ----------------------------------------------------------------- construction
    def _build_actions(self):
        def action(text, icon=None, shortcut=None, slot=None, checkable=False):
            act = QAction(text, self)
            if icon:
                act.setIcon(theme.icon(icon))
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.setCheckable(checkable)
            if slot is not None:
                act.triggered.connect(slot)
            self.addAction(act)  # shortcuts keep working when the menu bar is hidden (full screen)
            return act

        self.snapshot_action = action(self.tr("&Snapshot…"), "snapshot.svg", "Ctrl+S", self.snapshot)
        self.snapshot_action.setStatusTip(self.tr("Save the current frame as a PNG image"))
        self.fullscreen_action = action(self.tr("&Full Screen"), "fullscreen.svg", Qt.Key_F11,
                                        self.set_fullscreen, checkable=True)
        self.leave_fullscreen_action = action(self.tr("Leave Full Screen"), shortcut=Qt.Key_Escape,
                                              slot=self._on_leave_fullscreen_triggered)
        self.leave_fullscreen_action.setEnabled(False)
        self.overlay_action = action(self.tr("Information &Overlay"), "overlay.svg", "Ctrl+I",
                                     self.view.set_overlay_visible, checkable=True)
        self.overlay_action.setChecked(self.view.overlay_visible())
        self.connect_action = action(self.tr("&Connect"), "connect.svg", "Ctrl+L", self._on_connect_triggered)
        self.connect_action.setStatusTip(self.tr("Connect to the device typed in the device bar"))
        self.disconnect_action = action(self.tr("&Disconnect"), "disconnect.svg", None, self.disconnect_device)
        self.quit_action = action(self.tr("&Quit"), shortcut="Ctrl+Q", slot=self.close)
        self.quit_action.setMenuRole(QAction.QuitRole)
        self.settings_action = action(self.tr("S&ettings…"), shortcut="Ctrl+,", slot=self.show_settings)
        self.settings_action.setMenuRole(QAction.PreferencesRole)
        self.settings_action.setStatusTip(self.tr("Language, appearance, folders, frame rates and AWS"))
        self.guide_action = action(self.tr("&Workshop Guide"), shortcut=Qt.Key_F1, slot=self.show_guide)
        self.guide_action.setStatusTip(self.tr("Connect, watch, deploy the mask project and check the "
                                               "result"))
        self.about_action = action(self.tr("&About DeepLens Console"), slot=self.show_about)
        self.about_action.setMenuRole(QAction.AboutRole)
        self.open_roster_action = action(self.tr("&Open Roster…"), shortcut="Ctrl+O",
                                         slot=self._on_open_roster_triggered)
        self.edit_roster_action = action(self.tr("&Edit Roster…"), slot=self.edit_roster)
        self.show_classroom_action = action(self.tr("&Classroom Grid"), shortcut="Ctrl+2",
                                            slot=lambda: self.tabs.setCurrentWidget(self.classroom))
        self.show_viewer_action = action(self.tr("Single &Viewer"), shortcut="Ctrl+1",
                                         slot=lambda: self.tabs.setCurrentWidget(self.view))
        self.deploy_mask_action = action(self.tr("Deploy &Mask Detection"),
                                         slot=lambda: self.device_panel.deploy(*MASK))
        self.deploy_face_action = action(self.tr("Deploy &Face Detection"),
                                         slot=lambda: self.device_panel.deploy(*FACE))
        self.deploy_lambda_action = action(self.tr("Deploy &Lambda Version…"),
                                           slot=self.device_panel.lambda_button.click)
        self.record_action = action(self.tr("&Record"), "record.svg", "Ctrl+R", self._on_record_triggered,
                                    checkable=True)
        self.record_action.setStatusTip(self.tr("Record the stream to a file (MJPEG as received, or MP4)"))
        self.device_panel_action = self.device_panel.toggleViewAction()
        self.device_panel_action.setText(self.tr("Device &Panel"))
        self.device_panel_action.setIcon(theme.icon("panel.svg"))
        self.device_panel_action.setShortcut(QKeySequence("Ctrl+D"))
        self.device_panel_action.setStatusTip(self.tr("Show the device's status, log, results and history"))
        self.addAction(self.device_panel_action)
        self._update_tooltips()

    def _update_tooltips(self):
        """Tooltips that name the shortcut, e.g. "Snapshot (Ctrl+S)" (menus show shortcuts themselves)."""
        for act in self.actions():
            if act.shortcut().isEmpty():
                continue
            text = act.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
            act.setToolTip("{0} ({1})".format(text, act.shortcut().toString(QKeySequence.NativeText)))

    def _build_device_bar(self):
        bar = QToolBar(self.tr("Device"), self)
        bar.setObjectName("device_bar")
        bar.setMovable(False)
        bar.setFloatable(False)
        bar.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.device_bar = bar

        bar.addWidget(QLabel(self.tr("Device ")))
        self.target_combo = QComboBox(bar)
        self.target_combo.setEditable(True)
        self.target_combo.setInsertPolicy(QComboBox.NoInsert)
        self.target_combo.setMinimumContentsLength(16)
        self.target_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo.lineEdit().setPlaceholderText(self.tr("aws_cam@192.168.1.20 or ssh alias"))
        self.target_combo.setToolTip(self.tr("[user@]host[:port], or a Host alias from your ssh config"))
        self.target_combo.lineEdit().returnPressed.connect(self._on_connect_triggered)
        bar.addWidget(self.target_combo)
        # Next to the device, so it never ends up in the toolbar's overflow menu on a narrow window.
        self.connect_button = QPushButton(self.tr("Connect"), bar)
        self.connect_button.setToolTip(self.tr("Connect or disconnect (Ctrl+L)"))
        self.connect_button.setDefault(True)
        self.connect_button.setMinimumWidth(96)
        self.connect_button.clicked.connect(self._on_connect_button_clicked)
        bar.addWidget(self.connect_button)

        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Key ")))
        self.identity_edit = QLineEdit(bar)
        self.identity_edit.setPlaceholderText(self.tr("default keys / ssh config"))
        self.identity_edit.setToolTip(self.tr("Private key file (leave empty for your agent, ~/.ssh keys "
                                              "and ssh config)"))
        self.identity_edit.setMinimumWidth(120)
        bar.addWidget(self.identity_edit)
        self.identity_button = QToolButton(bar)
        self.identity_button.setText(self.tr("…"))
        self.identity_button.setToolTip(self.tr("Choose a private key file"))
        self.identity_button.clicked.connect(self._on_identity_button_clicked)
        bar.addWidget(self.identity_button)

        bar.addSeparator()
        bar.addWidget(QLabel(self.tr("Stream ")))
        self.stream_combo = QComboBox(bar)
        self.stream_combo.addItem(self.tr("Project stream ({0})").format(PROJECT_STREAM), PROJECT_STREAM)
        self.stream_combo.addItem(self.tr("Camera stream ({0})").format(CAMERA_STREAM), CAMERA_STREAM)
        self.stream_combo.addItem(self.tr("Other path…"), None)
        self.stream_combo.currentIndexChanged.connect(self._on_stream_combo_changed)
        # Narrower when closed; the open list stays wide enough for the full paths.
        self.stream_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.stream_combo.setMinimumContentsLength(18)
        self.stream_combo.view().setMinimumWidth(self.stream_combo.view().sizeHintForColumn(0) + 24)
        for index in range(self.stream_combo.count()):
            self.stream_combo.setItemData(index, self.stream_combo.itemText(index), Qt.ToolTipRole)
        bar.addWidget(self.stream_combo)
        self.stream_path_edit = QLineEdit(bar)
        self.stream_path_edit.setPlaceholderText(self.tr("/path/on/device.mjpeg"))
        self.stream_path_edit.setMinimumWidth(160)
        self.stream_path_action = bar.addWidget(self.stream_path_edit)
        self.stream_path_action.setVisible(False)
        bar.addSeparator()
        bar.addAction(self.record_action)
        bar.addAction(self.device_panel_action)

        self.addToolBar(Qt.TopToolBarArea, bar)

    def _build_menus(self):
        menu = self.menuBar().addMenu(self.tr("&File"))
        menu.addAction(self.snapshot_action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = self.menuBar().addMenu(self.tr("&Device"))
        menu.addAction(self.connect_action)
        menu.addAction(self.disconnect_action)
        menu.addSeparator()
        menu.addAction(self.deploy_mask_action)
        menu.addAction(self.deploy_face_action)
        menu.addAction(self.deploy_lambda_action)
        menu.addSeparator()
        menu.addAction(self.record_action)
        menu.addAction(self.device_panel_action)
        menu = self.menuBar().addMenu(self.tr("&Classroom"))
        menu.addAction(self.open_roster_action)
        menu.addAction(self.edit_roster_action)
        menu = self.menuBar().addMenu(self.tr("&View"))
        menu.addAction(self.show_viewer_action)
        menu.addAction(self.show_classroom_action)
        menu.addSeparator()
        menu.addAction(self.overlay_action)
        menu.addAction(self.fullscreen_action)
        menu = self.menuBar().addMenu(self.tr("&Help"))
        menu.addAction(self.guide_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def _build_status_bar(self):
        self.state_label = QLabel(self.tr("Not connected"))
        self.fps_label = QLabel()
        self.rate_label = QLabel()
        for label in (self.fps_label, self.rate_label):
            label.setMinimumWidth(90)
            label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.recording_indicator = RecordingIndicator(self.recording, self)
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.recording_indicator)
        self.statusBar().addPermanentWidget(self.fps_label)
        self.statusBar().addPermanentWidget(self.rate_label)

    # ----------------------------------------------------------------- device bar values
    def stream_path(self):
        """The stream path chosen in the device bar."""
        path = self.stream_combo.currentData()
        return path if path is not None else (self.stream_path_edit.text().strip() or PROJECT_STREAM)

    def _set_stream_path(self, path):
        index = self.stream_combo.findData(path)
        if index < 0:
            self.stream_path_edit.setText(path)
            index = self.stream_combo.count() - 1
        self.stream_combo.setCurrentIndex(index)
        self._on_stream_combo_changed(index)

    def recent_targets(self):
        """Targets typed by the user, most recent first (Settings.recent_targets)."""
        return list(self.store.settings.recent_targets)

    def set_devices(self, devices):
        """Offer ``devices`` (core Devices, e.g. the virtual fleet) at the top of the device combo."""
        for device in reversed(list(devices)):
            self.target_combo.insertItem(0, device.display, device)
        self.target_combo.setCurrentIndex(0)

    def set_ssh_options(self, options):
        """Use ``options`` (SshOptions) for the next connections."""
        self._ssh_options = options

    @property
    def ssh_options(self):
        """The SshOptions of new connections."""
        return self._ssh_options

    def _load_recent(self):
        recent = self.recent_targets()
        for target in recent:
            self.target_combo.addItem(target)
        self.target_combo.setCurrentIndex(0 if recent else -1)

    def _remember(self, target):
        self.store.update(with_recent_target(self.store.settings, target))
        for index in reversed(range(self.target_combo.count())):
            if self.target_combo.itemData(index) is None:
                self.target_combo.removeItem(index)
        for target_text in self.recent_targets():
            self.target_combo.addItem(target_text)
        self.target_combo.setCurrentText(target)

    def _device_for(self, text):
        identity = self.identity_edit.text().strip() or None
        index = self.target_combo.findText(text)
        known = self.target_combo.itemData(index) if index >= 0 else None
        if known is not None:
            # A listed device (a virtual one) knows where its project stream is; other choices override it.
            chosen = self.stream_combo.currentData()
            device = known if chosen == PROJECT_STREAM else known.with_stream(self.stream_path())
            return (dataclasses.replace(device, identity=identity) if identity else device), False
        return parse_target(text, stream_path=self.stream_path(), identity=identity), True

    # ----------------------------------------------------------------- connecting
    def connect_to(self, text=None):
        """Connect to the target typed in the device bar (or ``text``). False when the target is invalid."""
        text = (self.target_combo.currentText() if text is None else text).strip()
        try:
            device, typed = self._device_for(text)
        except TargetError as error:
            self.disconnect_device()
            self.view.set_message(self.tr("Cannot connect"), i18n.text(error), error=True)
            self.state_label.setText(i18n.text(error))
            return False
        if typed:
            self._remember(text)
        self.connect_device(device)
        return True

    def connect_device(self, device):
        """Start streaming ``device`` (a core Device), replacing the current one."""
        self._stop_controller()
        self._set_viewed(device)
        controller = DeviceController(device, self.viewer_connection,
                                      max_fps=self.store.settings.view_max_fps, parent=self)
        controller.set_display_size(*self._view_size)
        controller.frame_ready.connect(self._on_controller_frame_ready)
        controller.status_changed.connect(self._on_controller_status_changed)
        controller.stats_updated.connect(self._on_controller_stats_updated)
        controller.host_key_unknown.connect(self._on_controller_host_key_unknown)
        self.controller = controller
        self.view.clear()
        self.setWindowTitle(self.tr("{0} – DeepLens Console").format(device.display))
        self.controller_changed.emit(controller)
        self.device_panel.set_device(device)
        controller.start()
        self._update_actions()

    def disconnect_device(self):
        """Stop streaming (the last frame stays on screen); a recording is closed, the panel lets go."""
        self.recording.stop()
        self.device_panel.set_device(None)
        if self.controller is not None:
            self.controller.stop()
        self._set_viewed(None)
        self._update_actions()

    def _stop_controller(self):
        self.recording.stop()
        controller, self.controller = self.controller, None
        if controller is not None:
            for signal in (controller.frame_ready, controller.status_changed, controller.stats_updated,
                           controller.host_key_unknown):
                signal.disconnect()
            controller.stop(emit=False)
            controller.deleteLater()

    def _aws_client(self, service, region=None):
        # Called from the panel's workers: reads the settings object once (frozen, replaced whole on changes).
        settings = self.store.settings
        return cloud.client(service, profile=settings.aws_profile, region=region or settings.aws_region,
                            quick=True)

    # ----------------------------------------------------------------- the viewed device's one connection
    def viewer_connection(self, device):
        """A ViewerConnection of ``device`` for the viewer's stream, panel and deploys (any thread)."""
        return ViewerConnection(device, self._shared_connection)

    def viewer_connection_count(self):
        """How many connections the viewer owns itself (0 or 1: a roster device's is the classroom's)."""
        with self._viewer_lock:
            return int(self._viewer_connection is not None)

    def _roster_device(self, name):
        try:
            return self.fleet.device(name)
        except KeyError:
            return None

    def _shared_connection(self, device):
        # Any thread. Keyed by the whole Device value: a device that only shares a roster device's name
        # (another user, key or stream) gets the viewer's own connection and leaves the classroom's alone.
        with self._viewer_lock:
            if self._closed or device != self._viewed:
                raise ConnectionLost(self.tr("{0} is no longer shown in the viewer: connect to it "
                                             "again.").format(device.name))
            if self._roster_device(device.name) == device:
                return self.pool.get(device)
            if self._viewer_connection is None:
                self._viewer_connection = self._connection_factory(device, self._ssh_options)
            return self._viewer_connection

    def _set_viewed(self, device, wait=False):
        """The viewer shows ``device`` (None: nothing) from now on; its own connection of another device is
        closed (in the background unless ``wait``). The classroom's connections stay with the classroom."""
        with self._viewer_lock:
            self._viewed = device
            old = self._viewer_connection
            if old is not None and old.device == device and self._roster_device(device.name) != device:
                return
            self._viewer_connection = None
        if old is not None:
            self._close_connection(old, wait)

    def _close_connection(self, connection, wait=False):
        if wait:
            connection.close()
            return
        # Closing joins the transport thread: not on the GUI thread. Remembered until closed, so that quitting
        # closes it even if the job never ran.
        self._released.append(connection)
        self._jobs.submit(connection.close, on_done=lambda _result: self._on_connection_closed(connection),
                          on_error=lambda _error: self._on_connection_closed(connection))

    def _on_connection_closed(self, connection):
        if connection in self._released:
            self._released.remove(connection)

    def _on_fleet_devices_changed(self):
        # The viewed device joined the roster: it shares the classroom's connection from now on, so the
        # viewer's own goes (the stream and the panel's next read reconnect through the classroom's).
        with self._viewer_lock:
            own = self._viewer_connection
            if own is None or self._roster_device(own.device.name) != own.device:
                return
            self._viewer_connection = None
        self._close_connection(own)

    # ----------------------------------------------------------------- classroom
    def _classroom_options(self, device):
        roster = self.roster
        if roster is not None and roster.known_hosts:
            return dataclasses.replace(self._ssh_options, known_hosts=roster.known_hosts)
        return self._ssh_options

    def set_roster(self, roster):
        """Show ``roster``'s devices in the Classroom grid (streams start at once)."""
        if self.roster is not None and roster.known_hosts != self.roster.known_hosts:
            self.fleet.set_devices([])  # the host keys come from elsewhere now: reconnect everything
        self.roster = roster
        self.fleet.set_devices(roster.devices)
        self.tabs.setTabText(self.tabs.indexOf(self.classroom), self.tr("Classroom ({0})").format(
            len(roster.devices)))
        self.roster_opened.emit(roster)

    def open_roster(self, path):
        """Load the roster at ``path`` off the GUI thread, show it and remember it as the last roster."""
        self.classroom.show_message(self.tr("Opening {0}…").format(path))
        self._last_roster_tried = True
        self._jobs.submit(self._load_roster_job, path, on_done=self._on_roster_loaded,
                          on_error=self._on_roster_load_failed)

    def _load_roster_job(self, path):
        return load_roster(path)

    def _on_roster_loaded(self, roster):
        self.store.update(last_roster=roster.path)
        self.set_roster(roster)
        self.classroom.show_message(self.tr("{0} devices from {1}").format(len(roster.devices), roster.path))

    def _on_roster_load_failed(self, error):
        self.classroom.show_message(i18n.text(error))
        self.roster_failed.emit(i18n.text(error))

    def open_last_roster(self):
        """Open the roster the settings remember (nothing happens when there is none)."""
        self._last_roster_tried = True
        last = self.store.settings.last_roster
        if last and self.roster is None:
            self.open_roster(last)

    def _on_tabs_current_changed(self, index):
        # The device bar drives the single viewer only; the grid has its own bar.
        widget = self.tabs.widget(index)
        self.device_bar.setVisible(widget is self.view and not self.fullscreen_action.isChecked())
        if widget is self.classroom and self.roster is None and not self._last_roster_tried:
            self.open_last_roster()

    def _on_open_roster_triggered(self):
        current = self.roster.path if self.roster is not None else None
        start = current or self.store.settings.last_roster or ""
        path = RosterDialog.choose_open(self, self.tr("Open a classroom roster"),
                                        self.tr("Rosters (*.toml);;All files (*)"), start)
        if path:
            self.tabs.setCurrentWidget(self.classroom)
            self.open_roster(path)

    def edit_roster(self):
        """Open the roster editor on the current roster (or a new one); a saved roster is shown at once."""
        dialog = RosterDialog(self.roster, self)
        dialog.roster_saved.connect(self._on_roster_dialog_saved)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _on_roster_dialog_saved(self, roster):
        self.tabs.setCurrentWidget(self.classroom)
        self.open_roster(roster.path)

    def _on_classroom_open_device(self, name):
        device = self.fleet.device(name)
        self.tabs.setCurrentWidget(self.view)
        self.connect_device(device)

    # ----------------------------------------------------------------- controller slots
    @pyqtSlot()
    def _on_controller_frame_ready(self):
        controller = self.controller
        if controller is None or self.sender() is not controller:
            return  # a frame of a controller stopped after it announced the frame
        image = controller.take_frame()
        if image is not None:
            self.view.set_image(image)

    @pyqtSlot(object)
    def _on_controller_status_changed(self, status):
        self.view.set_status(status)
        name = self.controller.device.display if self.controller is not None else ""
        text = self._state_name(status.state)
        if status.state is StreamState.FAILED and status.error is not None:
            text = "{0}: {1}".format(text, status.error)
        self.state_label.setText("{0} – {1}".format(name, text) if name else text)
        self.state_label.setToolTip(i18n.text(status.message))
        if status.state not in _ACTIVE_STATES:
            self.fps_label.clear()
            self.rate_label.clear()
        self._update_actions()

    @pyqtSlot(object)
    def _on_controller_stats_updated(self, stats):
        self.view.set_stats(stats)
        self.fps_label.setText(self.tr("{0:.1f} fps").format(stats.fps))
        self.rate_label.setText(format_rate(stats.bytes_per_s))
        controller = self.controller
        if controller is not None:
            wanted = self._reduction_for(stats.width, stats.height)
            if wanted != controller.reduce:
                controller.set_reduce(wanted)

    @pyqtSlot(object)
    def _on_controller_host_key_unknown(self, error):
        controller = self.controller
        if controller is None:
            return
        if not HostKeyDialog.ask(self, error):
            self.view.set_message(
                self.tr("Not connected: the host key was not trusted"),
                self.tr("{host} presented the key {fingerprint}. Nothing was recorded; connect again to be "
                        "asked again.").format(host=error.host, fingerprint=error.fingerprint), error=True)
            self.state_label.setText(self.tr("{0} – host key not trusted").format(controller.device.display))
            return
        self.state_label.setText(self.tr("Recording the host key of {0}…").format(error.host))
        self._jobs.submit(trust_host_key, error.known_hosts, error.host, error.key,
                          on_done=lambda _result: self._on_host_key_trusted(controller),
                          on_error=self._on_host_key_trust_failed)

    def _on_host_key_trusted(self, controller):
        if controller is self.controller and controller.device == self._viewed:
            controller.restart()

    def _on_host_key_trust_failed(self, error):
        self.view.set_message(self.tr("Cannot record the host key"), i18n.text(error), error=True)
        ErrorDialog.show_error(self, self.tr("Host key not recorded"), i18n.text(error))

    def _state_name(self, state):
        names = {
            StreamState.IDLE: self.tr("Not connected"),
            StreamState.CONNECTING: self.tr("Connecting"),
            StreamState.WAITING: self.tr("No project running"),
            StreamState.LIVE: self.tr("Live"),
            StreamState.STALLED: self.tr("Stalled"),
            StreamState.RECONNECTING: self.tr("Reconnecting"),
            StreamState.FAILED: self.tr("Failed"),
            StreamState.STOPPED: self.tr("Disconnected"),
        }
        return names.get(state, str(state.value))

    def is_streaming(self):
        """True while a device is connected or being connected."""
        return self.controller is not None and self.controller.status.state in _ACTIVE_STATES

    def _update_actions(self):
        streaming = self.is_streaming()
        self.connect_button.setText(self.tr("Disconnect") if streaming else self.tr("Connect"))
        self.disconnect_action.setEnabled(streaming)
        recording = self.recording.is_recording()
        self.record_action.setEnabled(streaming or recording)
        self.record_action.setChecked(recording)
        self.record_action.setText(self.tr("Stop &Recording") if recording else self.tr("&Record…"))
        can_deploy = self.device_panel.device is not None
        for act in (self.deploy_mask_action, self.deploy_face_action, self.deploy_lambda_action):
            act.setEnabled(can_deploy)

    # ----------------------------------------------------------------- reduction
    def _on_view_size_changed(self, width, height):
        self._view_size = (width, height)
        controller = self.controller
        if controller is not None:
            controller.set_display_size(width, height)
            stats = controller.stats
            wanted = self._reduction_for(stats.width, stats.height)
            if wanted != controller.reduce:
                controller.set_reduce(wanted)

    def _reduction_for(self, src_w, src_h):
        return choose_reduction(src_w, src_h, *self._view_size, max_upscale=LIVE_UPSCALE)

    # ----------------------------------------------------------------- actions
    def _on_connect_triggered(self):
        self.connect_to()

    def _on_connect_button_clicked(self):
        if self.is_streaming():
            self.disconnect_device()
        else:
            self.connect_to()

    def _on_identity_button_clicked(self):
        start = self.identity_edit.text().strip() or os.path.join(os.path.expanduser("~"), ".ssh")
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose a private key"), start,
                                                    self.tr("All files (*)"))
        if path:
            self.identity_edit.setText(path)

    def _on_stream_combo_changed(self, index):
        self.stream_path_action.setVisible(self.stream_combo.itemData(index) is None)

    def snapshot(self):
        """Ask where to save the current frame, then write it as PNG (atomically, off the GUI thread)."""
        image = self.view.current_image()
        if image is None:
            self.statusBar().showMessage(self.tr("No frame to save yet."), 5000)
            return
        frame = self.controller.latest_frame() if self.controller is not None else None
        device = self.controller.device.name if self.controller is not None else "device"
        folder = self.store.settings.snapshot_folder()
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save snapshot"),
                                                    os.path.join(folder, snapshot_name(device)),
                                                    self.tr("PNG images (*.png)"))
        if not path:
            return
        if os.path.splitext(path)[1].lower() != ".png":
            path += ".png"
        self.store.update(snapshot_dir=os.path.dirname(path))
        jpeg = frame.jpeg if frame is not None else None
        self._jobs.submit(write_snapshot, path, jpeg, None if jpeg is not None else image.copy(),
                          on_done=self._on_snapshot_written, on_error=self._on_snapshot_failed)

    def _on_snapshot_written(self, path):
        self.statusBar().showMessage(self.tr("Snapshot saved to {0}").format(path), 8000)
        self.snapshot_saved.emit(path)

    def _on_snapshot_failed(self, error):
        self.snapshot_failed.emit(i18n.text(error))
        ErrorDialog.show_error(self, self.tr("Snapshot not saved"), i18n.text(error))

    # ----------------------------------------------------------------- recording
    def _on_record_triggered(self):
        if self.recording.is_recording():
            self.stop_recording()
            return
        self.record_action.setChecked(False)
        if self.controller is None:
            return
        folder = self.store.settings.recording_folder()
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Record the stream"),
            os.path.join(folder, snapshot_name(self.controller.device.name, ext=".mjpeg")),
            self.tr("MJPEG as received (*.mjpeg);;MP4 video (*.mp4)"))
        if not path:
            return
        if not RecordingController.supported(path):
            path += ".mp4" if "mp4" in chosen else ".mjpeg"
        self.store.update(recording_dir=os.path.dirname(path))
        self.start_recording(path)

    def start_recording(self, path):
        """Record the connected device's stream to ``path`` (.mjpeg as received, .mp4 H.264 as timed)."""
        if self.controller is None or not self.recording.start(self.controller, path):
            return False
        self.statusBar().showMessage(self.tr("Recording to {0}").format(path), 5000)
        self._update_actions()
        return True

    def stop_recording(self):
        """Stop recording; the file is closed in the background and announced in the status bar."""
        self.recording.stop()
        self._update_actions()

    def _on_recording_stopped(self, result):
        self._update_actions()
        if result.error:
            self.statusBar().showMessage(result.error, 15000)
            if not self._closed:
                ErrorDialog.show_error(self, self.tr("Recording not saved"), result.error)
            return
        self.statusBar().showMessage(self.tr("Recording saved to {0}: {1} frames, {2}.").format(
            result.path, result.frames, format_elapsed(result.seconds)), 10000)

    def _on_recording_failed(self, sentence):
        self._update_actions()
        self.statusBar().showMessage(sentence, 15000)

    def set_fullscreen(self, on):
        """Show only the video, on the whole screen (F11 toggles, Esc leaves)."""
        self.fullscreen_action.setChecked(on)
        self.leave_fullscreen_action.setEnabled(on)  # Esc is free for other widgets outside full screen
        for bar in (self.menuBar(), self.device_bar, self.statusBar(), self.tabs.tabBar()):
            bar.setVisible(not on)
        if on and not self.isFullScreen():
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif not on and self.isFullScreen():
            self.showMaximized() if self._was_maximized else self.showNormal()

    def _on_leave_fullscreen_triggered(self):
        if self.fullscreen_action.isChecked():
            self.set_fullscreen(False)

    # ----------------------------------------------------------------- settings and help
    def show_settings(self):
        """Open the settings dialog; accepted settings are applied and saved."""
        dialog = SettingsDialog(self.store.settings, self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply_settings(dialog.settings()))
        dialog.open()
        return dialog

    def apply_settings(self, settings):
        """Use ``settings`` from now on (the look at once, SSH files and frame rates for new connections)."""
        old = self.store.settings
        if (settings.known_hosts, settings.ssh_config) != (old.known_hosts, old.ssh_config):
            self._ssh_options = dataclasses.replace(self._ssh_options, known_hosts=settings.known_hosts,
                                                    ssh_config=settings.ssh_config)
        if settings.appearance != old.appearance:
            theme.apply(settings.appearance)
        if settings.grid_link_mbit != old.grid_link_mbit:
            self.fleet.set_link_budget(settings.grid_link_mbit)
        self.store.update(settings)
        if settings.language != old.language:
            self.statusBar().showMessage(self.tr("The new language is used the next time DeepLens Console "
                                                 "starts."), 10000)

    def _on_store_failed(self, sentence):
        self.statusBar().showMessage(sentence, 15000)
        if not self._closed:
            ErrorDialog.show_error(self, self.tr("Settings not saved"), sentence)

    def show_guide(self):
        """Show the workshop guide (F1)."""
        dialog = WorkshopGuideDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self):
        """Show the About box with the versions."""
        dialog = AboutDialog(self)
        dialog.setAttribute(Qt.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ----------------------------------------------------------------- closing
    def shutdown(self):
        """Stop the stream and pending jobs and remember the geometry. Idempotent; returns quickly."""
        if self._closed:
            return
        self._closed = True
        if self.fullscreen_action.isChecked():
            self.set_fullscreen(False)
        self._settings.setValue("window/geometry", self.saveGeometry())
        self._settings.setValue(_STATE_KEY, self.saveState())
        self._settings.setValue(_PANEL_KEY, self.device_panel.isVisible())
        self._settings.setValue(_TAB_KEY, self.tabs.currentIndex())
        self._settings.sync()
        self.store.flush()
        self._stop_controller()
        self.recording.shutdown()
        self.classroom.stop_recording(wait=True)
        # Closing every connection first makes the panel's blocked reads return, so its pool ends at once.
        self._set_viewed(None, wait=True)
        self.fleet.shutdown()
        self.device_panel.shutdown()
        self._jobs.shutdown(2000)
        for connection in list(self._released):
            connection.close()
        self._released.clear()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)
