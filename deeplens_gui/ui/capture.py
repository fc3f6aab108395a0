"""ViewerCapture: the single viewer's snapshots and recordings (file dialogs, writing off the GUI thread)."""

import datetime
import os
import re

from PyQt5.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, pyqtSignal
from PyQt5.QtWidgets import QFileDialog

from deeplens_gui.core.errors import StorageError
from deeplens_gui.core.files import atomic_write
from deeplens_gui.core.recording import save_snapshot
from deeplens_gui.ui import i18n
from deeplens_gui.ui.dialogs import ErrorDialog
from deeplens_gui.ui.recording import RecordingController, format_elapsed


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
        raise StorageError(QCoreApplication.translate("ViewerCapture", "Could not encode the frame as PNG."))
    buffer.close()
    atomic_write(path, bytes(data))
    return path


class ViewerCapture(QObject):
    """Snapshots and recordings of ``window``'s (a MainWindow's) viewed device.

    The files go to the folders of the window's settings store; writing runs on the window's ``files`` lane.
    ``recording`` is the window's RecordingController. Emits ``snapshot_saved(path)``, ``snapshot_failed``
    (a sentence) and ``changed`` when recording starts or ends (the window updates its actions).
    """

    snapshot_saved = pyqtSignal(str)
    snapshot_failed = pyqtSignal(str)
    changed = pyqtSignal()

    def __init__(self, window, recording, jobs):
        super().__init__(window)
        self._window = window
        self.recording = recording
        self._jobs = jobs
        recording.stopped.connect(self._on_recording_stopped)
        recording.failed.connect(self._on_recording_failed)

    def _show(self, message, ms):
        self._window.statusBar().showMessage(message, ms)

    def snapshot(self):
        """Ask where to save the current frame, then write it as PNG (atomically, off the GUI thread)."""
        window = self._window
        image = window.view.current_image()
        if image is None:
            self._show(self.tr("No frame to save yet."), 5000)
            return
        controller = window.controller
        frame = controller.latest_frame() if controller is not None else None
        device = controller.device.name if controller is not None else "device"
        folder = window.store.settings.snapshot_folder()
        path, _filter = QFileDialog.getSaveFileName(window, self.tr("Save snapshot"),
                                                    os.path.join(folder, snapshot_name(device)),
                                                    self.tr("PNG images (*.png)"))
        if not path:
            return
        if os.path.splitext(path)[1].lower() != ".png":
            path += ".png"
        window.store.update(snapshot_dir=os.path.dirname(path))
        jpeg = frame.jpeg if frame is not None else None
        self._jobs.submit(write_snapshot, path, jpeg, None if jpeg is not None else image.copy(),
                          on_done=self._on_snapshot_written, on_error=self._on_snapshot_failed)

    def _on_snapshot_written(self, path):
        self._show(self.tr("Snapshot saved to {0}").format(path), 8000)
        self.snapshot_saved.emit(path)

    def _on_snapshot_failed(self, error):
        self.snapshot_failed.emit(i18n.text(error))
        ErrorDialog.show_error(self._window, self.tr("Snapshot not saved"), i18n.text(error))

    def toggle_recording(self):
        """Stop a running recording, or ask where to record the viewed device and start."""
        if self.recording.is_recording():
            self.stop_recording()
            return
        window = self._window
        self.changed.emit()  # the checkable action stays unchecked until recording really starts
        if window.controller is None:
            return
        folder = window.store.settings.recording_folder()
        path, chosen = QFileDialog.getSaveFileName(
            window, self.tr("Record the stream"),
            os.path.join(folder, snapshot_name(window.controller.device.name, ext=".mjpeg")),
            self.tr("MJPEG as received (*.mjpeg);;MP4 video (*.mp4)"))
        if not path:
            return
        if not RecordingController.supported(path):
            path += ".mp4" if "mp4" in chosen else ".mjpeg"
        window.store.update(recording_dir=os.path.dirname(path))
        self.start_recording(path)

    def start_recording(self, path):
        """Record the viewed device's stream to ``path`` (.mjpeg as received, .mp4 as timed)."""
        controller = self._window.controller
        if controller is None or not self.recording.start(controller, path):
            return False
        self._show(self.tr("Recording to {0}").format(path), 5000)
        self.changed.emit()
        return True

    def stop_recording(self):
        """Stop recording; the file is closed in the background and announced in the status bar."""
        self.recording.stop()
        self.changed.emit()

    def _on_recording_stopped(self, result):
        self.changed.emit()
        if result.error:
            self._show(result.error, 15000)
            if not self._window.is_closed():
                ErrorDialog.show_error(self._window, self.tr("Recording not saved"), result.error)
            return
        self._show(self.tr("Recording saved to {0}: %n frame(s), {1}.", None, result.frames).format(
            result.path, format_elapsed(result.seconds)), 10000)

    def _on_recording_failed(self, sentence):
        self.changed.emit()
        self._show(sentence, 15000)
