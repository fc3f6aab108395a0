"""MainWindow: the live viewer of one device (device bar, video, actions, status bar) and the classroom."""

import dataclasses
import datetime
import os
import re

from PyQt5.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSettings, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QIcon, QKeySequence
from PyQt5.QtWidgets import QAction, QFileDialog, QLabel, QMainWindow, QTabWidget

import resources
from deeplens_gui.core import cloud
from deeplens_gui.core.connections import ConnectionPool
from deeplens_gui.core.device import PROJECT_STREAM
from deeplens_gui.core.errors import StorageError, TargetError
from deeplens_gui.core.files import atomic_write
from deeplens_gui.core.recording import save_snapshot
from deeplens_gui.core.roster import load_roster
from deeplens_gui.core.settings import MAX_RECENT, load_settings, with_recent_target  # noqa: F401 (API)
from deeplens_gui.core.ssh import SshOptions
from deeplens_gui.core.stream import StreamState
from deeplens_gui.ui import i18n, theme
from deeplens_gui.ui.device_bar import DeviceBar
from deeplens_gui.ui.device_panel import FACE, MASK, DevicePanel
from deeplens_gui.ui.dialogs import ErrorDialog, HostKeyDialog
from deeplens_gui.ui.fleet_controller import FleetController
from deeplens_gui.ui.grid_view import ClassroomView
from deeplens_gui.ui.help import AboutDialog, WorkshopGuideDialog
from deeplens_gui.ui.recording import RecordingController, RecordingIndicator, format_elapsed
from deeplens_gui.ui.roster_dialog import RosterDialog
from deeplens_gui.ui.settings_dialog import SettingsDialog, SettingsStore
from deeplens_gui.ui.video_view import VideoView
from deeplens_gui.ui.viewer_controller import ViewerController

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


class MainWindow(QMainWindow):
    """One device at a time: pick it in the device bar, watch it, snapshot it.

    ``jobs`` is the app's JobRunner. Every device has one SSH connection, borrowed from ``pool`` (the app's
    ConnectionPool; by default one that uses ``options_for``) by its stream, the device panel (status, log,
    results, history, deploys) and the classroom alike, and closed when the last of them lets go. The viewer
    is a classroom of one (ViewerController). ``settings`` defaults to the application's QSettings (window
    geometry and layout only). The Classroom tab shows a roster's devices in a grid. The user settings (recent devices, last roster, folders, frame rates, AWS profile
    and region) are core Settings: ``app_settings`` as loaded by the caller, else read from
    ``app_settings_path`` (default: the user's file); ``store`` saves every change to that file in the
    background.
    """

    snapshot_saved = pyqtSignal(str)
    snapshot_failed = pyqtSignal(str)
    controller_changed = pyqtSignal(object)
    roster_opened = pyqtSignal(object)
    roster_failed = pyqtSignal(str)

    def __init__(self, jobs, ssh_options=None, stream_path=PROJECT_STREAM, identity=None, settings=None,
                 pool=None, app_settings_path=None, app_settings=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("DeepLens Console"))
        self.setWindowIcon(QIcon(resources.path("icons", "app.svg")))
        self._ssh_options = ssh_options or SshOptions()
        self._settings = settings if settings is not None else QSettings()
        self.jobs = jobs
        self._jobs = jobs.lane("files", self)
        self._closed = False
        self._was_maximized = False

        if app_settings is None:
            app_settings = load_settings(app_settings_path)
        self.store = SettingsStore(app_settings, app_settings_path, jobs, self)
        self.store.failed.connect(self._on_store_failed)
        self._last_roster_tried = False
        self.roster = None

        self.view = VideoView(self)
        self.pool = pool if pool is not None else ConnectionPool(self.options_for)
        self.viewer = ViewerController(self.pool, jobs, self.view, parent=self)
        self.viewer.controller_changed.connect(self.controller_changed)
        self.viewer.status_changed.connect(self._on_viewer_status_changed)
        self.viewer.stats_updated.connect(self._on_viewer_stats_updated)
        self.viewer.host_key_unknown.connect(self._on_viewer_host_key_unknown)
        self.viewer.host_key_failed.connect(self._on_viewer_host_key_failed)
        self.fleet = FleetController(self.pool, jobs, max_fps=self.store.settings.grid_max_fps, parent=self)
        self.classroom = ClassroomView(self.fleet, lambda: self.store.settings.snapshot_folder(), self,
                                       recording_folder=lambda: self.store.settings.recording_folder())
        self.classroom.open_device.connect(self._on_classroom_open_device)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, self.tr("Viewer"))
        self.tabs.addTab(self.classroom, self.tr("Classroom"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.setCentralWidget(self.tabs)
        self.device_panel = DevicePanel(self.pool.borrow, jobs=jobs, client_factory=self._aws_client, parent=self)
        self.device_panel.setVisible(False)
        self.addDockWidget(Qt.RightDockWidgetArea, self.device_panel)
        self.recording = RecordingController(parent=self)
        self.recording.stopped.connect(self._on_recording_stopped)
        self.recording.failed.connect(self._on_recording_failed)
        self._build_actions()
        self.device_bar = DeviceBar(self.store, self)
        self.device_bar.connect_requested.connect(self._on_connect_triggered)
        self.device_bar.connect_button.clicked.connect(self._on_connect_button_clicked)
        self.device_bar.addSeparator()
        self.device_bar.addAction(self.record_action)
        self.device_bar.addAction(self.device_panel_action)
        self.addToolBar(Qt.TopToolBarArea, self.device_bar)
        self._build_menus()
        self._build_status_bar()
        self.device_bar.set_stream_path(stream_path or PROJECT_STREAM)
        if identity:
            self.device_bar.identity_edit.setText(str(identity))
        self.view.size_changed.connect(self.viewer.set_display_size)
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

    # ----------------------------------------------------------------- devices and SSH options
    @property
    def controller(self):
        """The DeviceController of the viewed device, or None."""
        return self.viewer.controller

    def set_devices(self, devices):
        """Offer ``devices`` (core Devices, e.g. the virtual fleet) at the top of the device bar."""
        self.device_bar.set_devices(devices)

    def set_ssh_options(self, options):
        """Use ``options`` (SshOptions) for the next connections."""
        self._ssh_options = options

    @property
    def ssh_options(self):
        """The SshOptions of new connections."""
        return self._ssh_options

    def options_for(self, device):
        """The SshOptions of ``device``'s connection (any thread): a roster device's use the roster's
        known_hosts file when it names one."""
        roster = self.roster
        if roster is not None and roster.known_hosts and device in roster.devices:
            return dataclasses.replace(self._ssh_options, known_hosts=roster.known_hosts)
        return self._ssh_options

    # ----------------------------------------------------------------- connecting
    def connect_to(self, text=None):
        """Connect to the target typed in the device bar (or ``text``). False when the target is invalid."""
        text = (self.device_bar.target_combo.currentText() if text is None else text).strip()
        try:
            device, typed = self.device_bar.device_for(text)
        except TargetError as error:
            self.disconnect_device()
            self.view.set_message(self.tr("Cannot connect"), i18n.text(error), error=True)
            self.state_label.setText(i18n.text(error))
            return False
        if typed:
            self.device_bar.remember(text)
        self.connect_device(device)
        return True

    def connect_device(self, device):
        """Start streaming ``device`` (a core Device), replacing the current one."""
        self.recording.stop()
        self.view.clear()
        self.setWindowTitle(self.tr("{0} – DeepLens Console").format(device.display))
        self.viewer.connect_device(device, self.store.settings.view_max_fps)
        self.device_panel.set_device(device)
        self._update_actions()

    def disconnect_device(self):
        """Stop streaming (the last frame stays on screen); a recording is closed, the panel lets go."""
        self.recording.stop()
        self.device_panel.set_device(None)
        self.viewer.disconnect_device()
        self._update_actions()

    def _aws_client(self, service, region=None):
        # Called from the panel's workers: reads the settings object once (frozen, replaced whole on changes).
        settings = self.store.settings
        return cloud.client(service, profile=settings.aws_profile, region=region or settings.aws_region,
                            quick=True)

    # ----------------------------------------------------------------- classroom
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

    # ----------------------------------------------------------------- viewer slots
    @pyqtSlot(object)
    def _on_viewer_status_changed(self, status):
        device = self.viewer.device
        name = device.display if device is not None else ""
        text = self._state_name(status.state)
        if status.state is StreamState.FAILED and status.message:
            text = "{0}: {1}".format(text, i18n.text(status.message))
        self.state_label.setText("{0} – {1}".format(name, text) if name else text)
        self.state_label.setToolTip(i18n.text(status.message))
        if status.state not in _ACTIVE_STATES:
            self.fps_label.clear()
            self.rate_label.clear()
        self._update_actions()

    @pyqtSlot(object)
    def _on_viewer_stats_updated(self, stats):
        self.fps_label.setText(self.tr("{0:.1f} fps").format(stats.fps))
        self.rate_label.setText(format_rate(stats.bytes_per_s))

    @pyqtSlot(object)
    def _on_viewer_host_key_unknown(self, error):
        device = self.viewer.device
        if device is None:
            return
        if not HostKeyDialog.ask(self, error):
            self.view.set_message(
                self.tr("Not connected: the host key was not trusted"),
                self.tr("{host} presented the key {fingerprint}. Nothing was recorded; connect again to be "
                        "asked again.").format(host=error.host, fingerprint=error.fingerprint), error=True)
            self.state_label.setText(self.tr("{0} – host key not trusted").format(device.display))
            return
        self.state_label.setText(self.tr("Recording the host key of {0}…").format(error.host))
        self.viewer.trust_host_key()

    @pyqtSlot(str)
    def _on_viewer_host_key_failed(self, sentence):
        self.view.set_message(self.tr("Cannot record the host key"), sentence, error=True)
        ErrorDialog.show_error(self, self.tr("Host key not recorded"), sentence)

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
        self.device_bar.connect_button.setText(self.tr("Disconnect") if streaming else self.tr("Connect"))
        self.disconnect_action.setEnabled(streaming)
        recording = self.recording.is_recording()
        self.record_action.setEnabled(streaming or recording)
        self.record_action.setChecked(recording)
        self.record_action.setText(self.tr("Stop &Recording") if recording else self.tr("&Record…"))
        can_deploy = self.device_panel.device is not None
        for act in (self.deploy_mask_action, self.deploy_face_action, self.deploy_lambda_action):
            act.setEnabled(can_deploy)

    # ----------------------------------------------------------------- actions
    def _on_connect_triggered(self):
        self.connect_to()

    def _on_connect_button_clicked(self):
        if self.is_streaming():
            self.disconnect_device()
        else:
            self.connect_to()

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
        """Record the connected device's stream to ``path`` (.mjpeg as received, .mp4 re-encoded)."""
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
        self.recording.shutdown()
        self.classroom.stop_recording(wait=True)
        self.viewer.shutdown()
        self.fleet.shutdown()
        # Closing every connection first makes the panel's blocked reads return, so its jobs end at once.
        self.pool.close_all()
        self.device_panel.shutdown()
        self._jobs.shutdown(2000)

    def lingering(self):
        """How many stream threads (viewer and classroom) could not stop in time and still run."""
        return self.viewer.lingering() + self.fleet.lingering()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)
