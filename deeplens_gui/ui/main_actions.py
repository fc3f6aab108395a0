"""MainActions: the main window's commands (menus, tool bar, shortcuts) and its menu bar."""

from PyQt5.QtCore import QObject, Qt
from PyQt5.QtGui import QKeySequence
from PyQt5.QtWidgets import QAction

from deeplens_gui.ui import theme
from deeplens_gui.ui.device_panel import FACE, MASK


class MainActions(QObject):
    """The QActions of ``window`` (a MainWindow), connected to its slots and added to it, so that their
    shortcuts work even when the menu bar is hidden (full screen)."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window

        def action(text, icon=None, shortcut=None, slot=None, checkable=False):
            act = QAction(text, window)
            if icon:
                act.setIcon(theme.icon(icon))
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.setCheckable(checkable)
            if slot is not None:
                act.triggered.connect(slot)
            window.addAction(act)  # shortcuts keep working when the menu bar is hidden (full screen)
            return act

        capture = window.capture
        self.snapshot_action = action(self.tr("&Snapshot…"), "snapshot.svg", "Ctrl+S", capture.snapshot)
        self.snapshot_action.setStatusTip(self.tr("Save the current frame as a PNG image"))
        self.fullscreen_action = action(self.tr("&Full Screen"), "fullscreen.svg", Qt.Key_F11, checkable=True)
        self.leave_fullscreen_action = action(self.tr("Leave Full Screen"), shortcut=Qt.Key_Escape)
        self.overlay_action = action(self.tr("Information &Overlay"), "overlay.svg", "Ctrl+I",
                                     window.view.set_overlay_visible, checkable=True)
        self.overlay_action.setChecked(window.view.overlay_visible())
        self.connect_action = action(self.tr("&Connect"), "connect.svg", "Ctrl+L",
                                     window._on_connect_triggered)
        self.connect_action.setStatusTip(self.tr("Connect to the device typed in the device bar"))
        self.disconnect_action = action(self.tr("&Disconnect"), "disconnect.svg", None,
                                        window.disconnect_device)
        self.quit_action = action(self.tr("&Quit"), shortcut="Ctrl+Q", slot=window.close)
        self.quit_action.setMenuRole(QAction.QuitRole)
        self.settings_action = action(self.tr("S&ettings…"), shortcut="Ctrl+,", slot=window.show_settings)
        self.settings_action.setMenuRole(QAction.PreferencesRole)
        self.settings_action.setStatusTip(self.tr("Language, appearance, folders, frame rates and AWS"))
        self.guide_action = action(self.tr("&Workshop Guide"), shortcut=Qt.Key_F1, slot=window.show_guide)
        self.guide_action.setStatusTip(self.tr("Connect, watch, deploy the mask project and check the "
                                               "result"))
        self.about_action = action(self.tr("&About DeepLens Console"), slot=window.show_about)
        self.about_action.setMenuRole(QAction.AboutRole)
        self.open_roster_action = action(self.tr("&Open Roster…"), shortcut="Ctrl+O",
                                         slot=window._on_open_roster_triggered)
        self.edit_roster_action = action(self.tr("&Edit Roster…"), slot=window.edit_roster)
        self.show_classroom_action = action(self.tr("&Classroom Grid"), shortcut="Ctrl+2",
                                            slot=lambda: window.tabs.setCurrentWidget(window.classroom))
        self.show_viewer_action = action(self.tr("Single &Viewer"), shortcut="Ctrl+1",
                                         slot=lambda: window.tabs.setCurrentWidget(window.view))
        self.deploy_mask_action = action(self.tr("Deploy &Mask Detection"),
                                         slot=lambda: window.device_panel.deploy(*MASK))
        self.deploy_face_action = action(self.tr("Deploy &Face Detection"),
                                         slot=lambda: window.device_panel.deploy(*FACE))
        self.deploy_lambda_action = action(self.tr("Deploy &Lambda Version…"),
                                           slot=window.device_panel.lambda_button.click)
        self.record_action = action(self.tr("&Record"), "record.svg", "Ctrl+R", capture.toggle_recording,
                                    checkable=True)
        self.record_action.setStatusTip(self.tr("Record the stream to a file (MJPEG as received, or MP4)"))
        self.device_panel_action = action(self.tr("Device &Panel"), "panel.svg", "Ctrl+D",
                                          window.set_device_panel_visible, checkable=True)
        self.device_panel_action.setStatusTip(self.tr("Show the device's status, log, results and history"))
        self._update_tooltips()

    def _update_tooltips(self):
        """Tooltips that name the shortcut, e.g. "Snapshot (Ctrl+S)" (menus show shortcuts themselves)."""
        for act in self._window.actions():
            if act.shortcut().isEmpty():
                continue
            text = act.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")
            act.setToolTip("{0} ({1})".format(text, act.shortcut().toString(QKeySequence.NativeText)))

    def build_menus(self, menu_bar):
        """Fill ``menu_bar`` with the File, Device, Classroom, View and Help menus."""
        menu = menu_bar.addMenu(self.tr("&File"))
        menu.addAction(self.snapshot_action)
        menu.addSeparator()
        menu.addAction(self.settings_action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        menu = menu_bar.addMenu(self.tr("&Device"))
        menu.addAction(self.connect_action)
        menu.addAction(self.disconnect_action)
        menu.addSeparator()
        menu.addAction(self.deploy_mask_action)
        menu.addAction(self.deploy_face_action)
        menu.addAction(self.deploy_lambda_action)
        menu.addSeparator()
        menu.addAction(self.record_action)
        menu.addAction(self.device_panel_action)
        menu = menu_bar.addMenu(self.tr("&Classroom"))
        menu.addAction(self.open_roster_action)
        menu.addAction(self.edit_roster_action)
        menu = menu_bar.addMenu(self.tr("&View"))
        menu.addAction(self.show_viewer_action)
        menu.addAction(self.show_classroom_action)
        menu.addSeparator()
        menu.addAction(self.overlay_action)
        menu.addAction(self.fullscreen_action)
        menu = menu_bar.addMenu(self.tr("&Help"))
        menu.addAction(self.guide_action)
        menu.addSeparator()
        menu.addAction(self.about_action)
