"""StatusLine: the viewer's part of the window's status bar (state, frame rate, data rate, recording)."""

from PyQt5.QtCore import QCoreApplication, Qt
from PyQt5.QtWidgets import QLabel

from deeplens_gui.core.stream import StreamState
from deeplens_gui.ui import i18n
from deeplens_gui.ui.recording import RecordingIndicator

#: States in which the viewer counts as connected (or connecting).
ACTIVE_STATES = (StreamState.CONNECTING, StreamState.WAITING, StreamState.LIVE, StreamState.STALLED,
                 StreamState.RECONNECTING)


def format_rate(bytes_per_s):
    """``1.4 MB/s``, ``86 KB/s``, ``0 B/s``."""
    def tr(text):
        return QCoreApplication.translate("StatusLine", text)

    if bytes_per_s >= 1e6:
        return tr("{0:.1f} MB/s").format(bytes_per_s / 1e6)
    if bytes_per_s >= 1e3:
        return tr("{0:.0f} KB/s").format(bytes_per_s / 1e3)
    return tr("{0:.0f} B/s").format(bytes_per_s)


class StatusLine:
    """The labels the viewer puts into ``status_bar`` (a QStatusBar): the device and its state (with the
    core's sentence, translated), the recording indicator of ``recording``, frames and bytes per second."""

    def __init__(self, status_bar, recording):
        self.state_label = QLabel(self.tr("Not connected"))
        self.fps_label = QLabel()
        self.rate_label = QLabel()
        for label in (self.fps_label, self.rate_label):
            label.setMinimumWidth(90)
            label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.recording_indicator = RecordingIndicator(recording, status_bar)
        status_bar.addWidget(self.state_label, 1)
        status_bar.addPermanentWidget(self.recording_indicator)
        status_bar.addPermanentWidget(self.fps_label)
        status_bar.addPermanentWidget(self.rate_label)

    @staticmethod
    def tr(text):
        """``text`` in the UI's language (context StatusLine)."""
        return QCoreApplication.translate("StatusLine", text)

    def show_status(self, device, status):
        """``device`` (or None) is in ``status`` (a StreamStatus)."""
        text = self.state_name(status.state)
        if status.state is StreamState.FAILED and status.message:
            text = "{0}: {1}".format(text, i18n.text(status.message))
        self.set_text("{0} – {1}".format(device.display, text) if device is not None else text)
        self.state_label.setToolTip(i18n.text(status.message))
        if status.state not in ACTIVE_STATES:
            self.fps_label.clear()
            self.rate_label.clear()

    def show_stats(self, stats):
        """The rates of a StreamStats."""
        self.fps_label.setText(self.tr("{0:.1f} fps").format(stats.fps))
        self.rate_label.setText(format_rate(stats.bytes_per_s))

    def set_text(self, text):
        """Say ``text`` (already translated) where the state is."""
        self.state_label.setText(text)

    def state_name(self, state):
        """A StreamState in words."""
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
