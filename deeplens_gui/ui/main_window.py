"""MainWindow: the live viewer of one device (device bar, video, actions, status bar) and the classroom."""

import dataclasses

from PyQt5.QtCore import QByteArray, QSettings, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QIcon
from PyQt5.QtWidgets import QMainWindow, QSplitter, QTabWidget

import resources
from deeplens_gui.core import cloud, secrets
from deeplens_gui.core.connections import ConnectionPool
from deeplens_gui.core.device import PROJECT_STREAM
from deeplens_gui.core.errors import TargetError
from deeplens_gui.core.settings import MAX_RECENT, load_settings, with_recent_target  # noqa: F401 (API)
from deeplens_gui.core.ssh import SshOptions
from deeplens_gui.ui import i18n, theme
from deeplens_gui.ui.capture import ViewerCapture
from deeplens_gui.ui.device_bar import DeviceBar
from deeplens_gui.ui.device_panel import DevicePanel
from deeplens_gui.ui.dialogs import ErrorDialog, HostKeyDialog, PassphraseDialog
from deeplens_gui.ui.fleet_controller import FleetController
from deeplens_gui.ui.fullscreen import FullscreenMode
from deeplens_gui.ui.grid_view import ClassroomView
from deeplens_gui.ui.help import AboutDialog, WorkshopGuideDialog
from deeplens_gui.ui.main_actions import MainActions
from deeplens_gui.ui.recording import RecordingController, RecordingIndicator
from deeplens_gui.ui.roster_controller import RosterController
from deeplens_gui.ui.roster_dialog import RosterDialog
from deeplens_gui.ui.settings_dialog import SettingsDialog, SettingsStore
from deeplens_gui.ui.status_line import ACTIVE_STATES, StatusLine
from deeplens_gui.ui.video_view import VideoView
from deeplens_gui.ui.viewer_controller import ViewerController

_PANEL_KEY = "viewer/device_panel"
_STATE_KEY = "window/state"
_TAB_KEY = "window/tab"
_PANEL_WIDTH_KEY = "viewer/device_panel_width"
#: The device panel's default share of the window's width: the video gets most of it.
PANEL_SHARE = 0.3


class MainWindow(QMainWindow):
    """One device at a time: pick it in the device bar, watch it, snapshot it.

    ``jobs`` is the app's JobRunner. Every device has one SSH connection, borrowed from ``pool`` (the app's
    ConnectionPool; by default one that uses ``options_for``) by its stream, the device panel (status, log,
    results, history, deploys) and the classroom alike, and closed when the last of them lets go. The viewer
    is a classroom of one (ViewerController). ``settings`` defaults to the application's QSettings (window
    geometry and layout only). The Classroom tab shows a roster's devices in a grid (RosterController). The
    user settings (recent devices, last roster, folders, frame rates, AWS profile and region) are core
    Settings: ``app_settings`` as loaded by the caller, else read from ``app_settings_path`` (default: the
    user's file); ``store`` saves every change to that file in the background.
    """

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
        self._jobs = jobs.lane("files", self)
        self._closed = False

        if app_settings is None:
            app_settings = load_settings(app_settings_path)
        self.store = SettingsStore(app_settings, app_settings_path, jobs, self)
        self.store.failed.connect(self._on_store_failed)

        self.view = VideoView(self)
        self.pool = pool if pool is not None else ConnectionPool(self.options_for)
        self.viewer = ViewerController(self.pool, jobs, self.view, parent=self)
        self.viewer.controller_changed.connect(self.controller_changed)
        self.viewer.status_changed.connect(self._on_viewer_status_changed)
        self.viewer.host_key_unknown.connect(self._on_viewer_host_key_unknown)
        self.viewer.host_key_failed.connect(self._on_viewer_host_key_failed)
        self.viewer.passphrase_needed.connect(self._on_viewer_passphrase_needed)
        self.fleet = FleetController(self.pool, jobs, max_fps=self.store.settings.grid_max_fps, parent=self,
                                     link_mbit=self.store.settings.grid_link_mbit,
                                     thumbnail_quality=self.store.settings.thumbnail_quality)
        self.classroom = ClassroomView(self.fleet, lambda: self.store.settings.snapshot_folder(), self,
                                       recording_folder=lambda: self.store.settings.recording_folder())
        self.classroom.open_device.connect(self._on_classroom_open_device)
        self.rosters = RosterController(self.fleet, self.store, jobs, self)
        self.rosters.message.connect(self.classroom.show_message)
        self.rosters.opened.connect(self._on_rosters_opened)
        self.rosters.failed.connect(self.roster_failed)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.view, self.tr("Viewer"))
        self.tabs.addTab(self.classroom, self.tr("Classroom"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.device_panel = DevicePanel(self.pool.borrow, jobs=jobs, client_factory=self._aws_client,
                                        parent=self)
        self.device_panel.setVisible(False)
        # Beside the video, not over half of it: the video takes what the panel leaves, the user drags the
        # handle, and the split is remembered with the window's layout.
        self.splitter = QSplitter(Qt.Horizontal, self)
        self.splitter.setObjectName("viewer_splitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.device_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.splitterMoved.connect(self._on_splitter_moved)
        self.setCentralWidget(self.splitter)
        self.recording = RecordingController(parent=self)
        self.capture = ViewerCapture(self, self.recording, self._jobs)
        self.capture.changed.connect(self._update_actions)
        self.fullscreen_recording_indicator = RecordingIndicator(self.recording, self.view)
        self.fullscreen_recording_indicator.setStyleSheet(
            "background: rgba(0, 0, 0, 160); color: white; padding: 4px 8px; border-radius: 4px;")
        self.menu_actions = MainActions(self)
        self.device_bar = DeviceBar(self.store, self)
        self.device_bar.connect_requested.connect(self._on_connect_triggered)
        self.device_bar.connect_button.clicked.connect(self._on_connect_button_clicked)
        self.device_bar.addSeparator()
        self.device_bar.addAction(self.menu_actions.record_action)
        self.device_bar.addAction(self.menu_actions.device_panel_action)
        self.addToolBar(Qt.TopToolBarArea, self.device_bar)
        self.menu_actions.build_menus(self.menuBar())
        self.fullscreen = FullscreenMode(self, self.menu_actions.fullscreen_action,
                                         self.menu_actions.leave_fullscreen_action,
                                         self.fullscreen_recording_indicator)
        self.status_line = StatusLine(self.statusBar(), self.recording)
        self.viewer.stats_updated.connect(self.status_line.show_stats)
        self.device_bar.set_stream_path(stream_path or PROJECT_STREAM)
        if identity:
            self.device_bar.identity_edit.setText(str(identity))
        self.view.size_changed.connect(self.viewer.set_display_size)
        if not self.restoreGeometry(self._settings.value("window/geometry", QByteArray())):
            self.resize(1100, 720)
        self.restoreState(self._settings.value(_STATE_KEY, QByteArray()))
        self.set_device_panel_visible(self._settings.value(_PANEL_KEY, False) in (True, "true"))
        tab = self._settings.value(_TAB_KEY, 0)
        if str(tab) == "1":
            self.tabs.setCurrentWidget(self.classroom)
        self._update_actions()

    # ----------------------------------------------------------------- construction
    def set_device_panel_visible(self, on):
        """Show or hide the device panel beside the video (Ctrl+D), as wide as the user last made it."""
        if on and not self.device_panel.isVisible():
            total = self.splitter.width() if self.splitter.isVisible() else self.width()
            width = int(self._settings.value(_PANEL_WIDTH_KEY, 0) or 0) or round(total * PANEL_SHARE)
            self.device_panel.setVisible(True)
            self.splitter.setSizes([max(total - width, 0), width])
        elif not on:
            self.device_panel.setVisible(False)
        self.menu_actions.device_panel_action.setChecked(on)

    def _on_splitter_moved(self, _position, _index):
        self._settings.setValue(_PANEL_WIDTH_KEY, self.splitter.sizes()[1])

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
            self.status_line.set_text(i18n.text(error))
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
    @property
    def roster(self):
        """The open classroom Roster, or None."""
        return self.rosters.roster

    def set_roster(self, roster):
        """Show ``roster``'s devices in the Classroom grid (streams start at once)."""
        self.rosters.set_roster(roster)

    def open_roster(self, path):
        """Load the roster at ``path`` off the GUI thread, show it and remember it as the last roster."""
        self.rosters.open(path)

    def open_last_roster(self):
        """Open the roster the settings remember (nothing happens when there is none)."""
        self.rosters.open_last()

    def _on_rosters_opened(self, roster):
        self.tabs.setTabText(self.tabs.indexOf(self.classroom), self.tr("Classroom ({0})").format(
            len(roster.devices)))
        self.roster_opened.emit(roster)

    def _on_tabs_current_changed(self, index):
        # The device bar drives the single viewer only; the grid has its own bar.
        widget = self.tabs.widget(index)
        self.device_bar.setVisible(widget is self.view and not self.fullscreen.is_on())
        if widget is self.classroom and self.roster is None and not self.rosters.tried:
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
        self.status_line.show_status(self.viewer.device, status)
        self._update_actions()

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
            self.status_line.set_text(self.tr("{0} – host key not trusted").format(device.display))
            return
        self.status_line.set_text(self.tr("Recording the host key of {0}…").format(error.host))
        self.viewer.trust_host_key()

    @pyqtSlot(str)
    def _on_viewer_host_key_failed(self, sentence):
        self.view.set_message(self.tr("Cannot record the host key"), sentence, error=True)
        ErrorDialog.show_error(self, self.tr("Host key not recorded"), sentence)

    @pyqtSlot(object)
    def _on_viewer_passphrase_needed(self, error):
        """The viewed device's key is locked: ask for its passphrase, keep it as the user chose, retry."""
        answer = PassphraseDialog.ask(self, error)
        if answer is None:
            return  # the bar already shows the error's sentence
        passphrase, keep = answer
        secrets.remember("passphrase", error.user, error.host, error.port, passphrase)
        if not keep:
            self.viewer.restart()
            return
        self._jobs.submit(secrets.set_secret, "passphrase", error.user, error.host, error.port, passphrase,
                          on_done=lambda _result: self.viewer.restart(), on_error=self._on_passphrase_not_kept)

    def _on_passphrase_not_kept(self, error):
        ErrorDialog.show_error(self, self.tr("Passphrase not kept"), i18n.text(error))
        self.viewer.restart()  # the passphrase is still remembered until the app quits

    def is_streaming(self):
        """True while a device is connected or being connected."""
        return self.controller is not None and self.controller.status.state in ACTIVE_STATES

    def _update_actions(self):
        streaming = self.is_streaming()
        actions = self.menu_actions
        self.device_bar.connect_button.setText(self.tr("Disconnect") if streaming else self.tr("Connect"))
        actions.connect_action.setEnabled(not streaming)
        actions.disconnect_action.setEnabled(streaming)
        recording = self.recording.is_recording()
        actions.record_action.setEnabled(streaming or recording)
        actions.record_action.setChecked(recording)
        actions.record_action.setText(self.tr("Stop &Recording") if recording else self.tr("&Record…"))
        can_deploy = self.device_panel.device is not None
        for act in (actions.deploy_mask_action, actions.deploy_face_action, actions.deploy_lambda_action):
            act.setEnabled(can_deploy)

    def _on_connect_triggered(self):
        self.connect_to()

    def _on_connect_button_clicked(self):
        if self.is_streaming():
            self.disconnect_device()
        else:
            self.connect_to()

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
        if self.fullscreen.is_on():
            self.fullscreen.set_fullscreen(False)
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

    def is_closed(self):
        """True once the window shut down (no more dialogs)."""
        return self._closed

    def lingering(self):
        """How many stream threads (viewer and classroom) could not stop in time and still run."""
        return self.viewer.lingering() + self.fleet.lingering()

    def closeEvent(self, event):
        self.shutdown()
        super().closeEvent(event)
