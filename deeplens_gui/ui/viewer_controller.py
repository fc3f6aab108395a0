"""ViewerController: the single viewer's device, as a classroom of one.

The viewer streams through the same FleetController wiring as the classroom (one DeviceController, the app's
ConnectionPool and JobRunner), so decode size, pausing and reconnecting are decided in one place. A roster
device shown here shares the classroom's SSH connection because both borrow it from the one pool.
"""

from PyQt5.QtCore import QObject, pyqtSignal, pyqtSlot

from deeplens_gui.core.stream import FrameSource
from deeplens_gui.ui.fleet_controller import FleetController


class ViewerController(QObject):
    """Streams the viewed device into ``view`` (a VideoView) and republishes its states and stats.

    Emits ``controller_changed(DeviceController or None)``, ``status_changed(StreamStatus)``,
    ``stats_updated(StreamStats)``, ``host_key_unknown(UnknownHostKey)`` and, after ``trust_host_key()``,
    ``host_key_failed(sentence)`` when known_hosts cannot be written, and ``passphrase_needed(PassphraseNeeded)``
    when the device's key is locked.
    """

    controller_changed = pyqtSignal(object)
    status_changed = pyqtSignal(object)
    stats_updated = pyqtSignal(object)
    host_key_unknown = pyqtSignal(object)
    host_key_failed = pyqtSignal(str)
    passphrase_needed = pyqtSignal(object)

    def __init__(self, pool, jobs, view, source_factory=FrameSource, parent=None):
        super().__init__(parent)
        self._view = view
        self._display_size = (0, 0)
        self.fleet = FleetController(pool, jobs, source_factory=source_factory, parent=self, thumbnails=False)
        self.fleet.frame_ready.connect(self._on_fleet_frame_ready)
        self.fleet.status_changed.connect(self._on_fleet_status_changed)
        self.fleet.stats_updated.connect(self._on_fleet_stats_updated)
        self.fleet.host_key_unknown.connect(self._on_fleet_host_key_unknown)
        self.fleet.host_keys_failed.connect(self.host_key_failed)
        self.fleet.passphrase_needed.connect(self._on_fleet_passphrase_needed)

    @property
    def controller(self):
        """The DeviceController of the viewed device, or None."""
        names = self.fleet.names()
        return self.fleet.controller(names[0]) if names else None

    @property
    def device(self):
        """The viewed Device, or None."""
        devices = self.fleet.devices()
        return devices[0] if devices else None

    def connect_device(self, device, max_fps):
        """Stream ``device`` at up to ``max_fps``, replacing whatever was shown (a new DeviceController)."""
        self.fleet.set_devices([])
        self.fleet.set_max_fps(max_fps)
        self.fleet.set_devices([device])
        self.fleet.set_view_size(device.name, *self._display_size)
        self.controller_changed.emit(self.controller)

    def disconnect_device(self):
        """Stop streaming; the controller stays (stopped, with its last frame) until the next device."""
        self.fleet.stop()

    def set_display_size(self, width, height):
        """The video's size in device pixels: frames are decoded and scaled for it."""
        self._display_size = (width, height)
        for name in self.fleet.names():
            self.fleet.set_view_size(name, width, height)

    def trust_host_key(self):
        """Record the key the viewed device presented (off the GUI thread), then reconnect it."""
        self.fleet.trust_host_keys(self.fleet.names())

    def restart(self):
        """Connect the viewed device again (after a passphrase was given)."""
        for name in self.fleet.names():
            self.fleet.restart(name)

    def lingering(self):
        """How many stream threads could not stop in time and still run."""
        return self.fleet.lingering()

    def shutdown(self, timeout_ms=3000):
        """Stop the stream and the viewer's jobs (idempotent)."""
        self.fleet.shutdown(timeout_ms)

    # ----------------------------------------------------------------- fleet slots
    @pyqtSlot(str)
    def _on_fleet_frame_ready(self, name):
        image = self.fleet.take_frame(name)
        if image is not None:
            self._view.set_image(image)

    @pyqtSlot(str, object)
    def _on_fleet_status_changed(self, _name, status):
        self._view.set_status(status)
        self.status_changed.emit(status)

    @pyqtSlot(str, object)
    def _on_fleet_stats_updated(self, _name, stats):
        self._view.set_stats(stats)
        self.stats_updated.emit(stats)

    @pyqtSlot(str, object)
    def _on_fleet_host_key_unknown(self, _name, error):
        self.host_key_unknown.emit(error)

    @pyqtSlot(str, object)
    def _on_fleet_passphrase_needed(self, _name, error):
        self.passphrase_needed.emit(error)
