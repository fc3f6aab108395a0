"""FullscreenMode: the main window showing only the video, on the whole screen (F11 toggles, Esc leaves)."""

from PyQt5.QtCore import QObject


class FullscreenMode(QObject):
    """Hides ``window``'s bars and shows it full screen; the REC indicator moves onto the video.

    ``action`` is the checkable F11 action, ``leave_action`` the Esc one (enabled only in full screen, so Esc
    is free for other widgets otherwise), ``indicator`` the RecordingIndicator drawn on the video.
    """

    def __init__(self, window, action, leave_action, indicator):
        super().__init__(window)
        self._window = window
        self._action = action
        self._leave_action = leave_action
        self._indicator = indicator
        self._was_maximized = False
        self._panel_was_visible = False
        action.triggered.connect(self.set_fullscreen)
        leave_action.triggered.connect(self._on_leave_action_triggered)
        leave_action.setEnabled(False)
        indicator.set_allowed(False)

    def is_on(self):
        """True while the window is in full-screen mode."""
        return self._action.isChecked()

    def set_fullscreen(self, on):
        """Enter (``on``) or leave full-screen mode."""
        window = self._window
        self._action.setChecked(on)
        self._leave_action.setEnabled(on)
        for bar in (window.menuBar(), window.device_bar, window.statusBar(), window.tabs.tabBar()):
            bar.setVisible(not on)
        # The status bar's REC goes with it: full-screen video shows its own in the corner.
        self._indicator.set_allowed(on)
        # The device panel makes room for the video too, and comes back as it was.
        panel = window.device_panel
        if on and not window.isFullScreen():
            self._was_maximized = window.isMaximized()
            self._panel_was_visible = panel.isVisible()
            panel.setVisible(False)
            window.showFullScreen()
        elif not on and window.isFullScreen():
            window.showMaximized() if self._was_maximized else window.showNormal()
            panel.setVisible(self._panel_was_visible)

    def _on_leave_action_triggered(self):
        if self.is_on():
            self.set_fullscreen(False)
