"""The classroom grid: one live tile per device, reflowing for 1 to 64 devices, with sort, filter, selection
and the bulk actions (deploy, snapshot all, stop the project, reboot).

Only tiles that someone can see decode frames: a tile scrolled out of the viewport, filtered out, or in a
minimised (or hidden) window tells the FleetController to pause its device's decoding; the stream keeps
running so its state and a snapshot stay current.
"""

import datetime
import math
import os
import re
import time

from PyQt5.QtCore import QEvent, QRect, Qt, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QFontMetrics
from PyQt5.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from deeplens_gui.core.files import storage_error
from deeplens_gui.core.status import Verdict, live_sample
from deeplens_gui.core.stream import StreamState
from deeplens_gui.ui import i18n
from deeplens_gui.ui.bulk_dialogs import BulkDeployDialog, ProjectDialog, RebootDialog
from deeplens_gui.ui.deploy_dialog import DeployIndicator
from deeplens_gui.ui.device_tile import CAPTION_LINES, HEALTH_ORDER, LIVE_KEYS, DeviceTile, health_text
from deeplens_gui.ui.dialogs import HostKeysDialog
from deeplens_gui.ui.fleet_controller import safe_file_name
from deeplens_gui.ui.recording import RecordingController

#: Smallest tile width (logical pixels) before the grid scrolls instead of adding columns.
MIN_TILE_WIDTH = 200
#: Space between tiles.
SPACING = 8
#: Picture height / width of a tile (a DeepLens project stream is 858x480).
PICTURE_RATIO = 480.0 / 858.0
#: Health keys that count as "needs attention" for the filter.
PROBLEMS = ("host-key", "auth", "offline", "failed", "errors", "stalled", "no-results", "no-project", "reconnecting")
#: How often the verdict of every shown live tile is checked (ms); the check reuses the tile's own stream.
VERDICT_INTERVAL_MS = 15000


def natural_key(text):
    """Sort key that puts ``desk-2`` before ``desk-10``."""
    return [int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", text)]


def grid_shape(count, width, height, header=0, min_width=MIN_TILE_WIDTH, spacing=SPACING,
               ratio=PICTURE_RATIO):
    """(columns, tile width) for ``count`` tiles in a ``width`` x ``height`` area.

    The biggest tiles that let every tile fit without scrolling; when even ``min_width`` tiles do not fit,
    as many columns of at least ``min_width`` as the width allows (the grid then scrolls).
    """
    if count <= 0 or width <= 0:
        return 1, max(1, width - 2 * spacing)
    widest_columns = 1
    for columns in range(1, count + 1):
        tile_width = (width - spacing * (columns + 1)) // columns
        if tile_width < min_width and columns > 1:
            break
        widest_columns = columns
        rows = math.ceil(count / columns)
        tile_height = int(tile_width * ratio) + header
        if rows * tile_height + spacing * (rows + 1) <= height:
            return columns, max(1, tile_width)
    columns = widest_columns
    return columns, max(1, (width - spacing * (columns + 1)) // columns)


class _TileArea(QWidget):
    """The scrolled canvas holding the tiles; the grid places them itself."""


class GridView(QWidget):
    """Tiles of a FleetController's devices with filter, sort and selection.

    ``open_device(name)`` on double-click; ``selection_changed`` when the selection changes.
    """

    open_device = pyqtSignal(str)
    selection_changed = pyqtSignal()

    SORT_NAME = "name"
    SORT_STATE = "state"

    def __init__(self, fleet, parent=None):
        super().__init__(parent)
        self.fleet = fleet
        self._tiles = {}
        self._order = []
        self._selected = set()
        self._anchor = None
        self._visible = {}
        self._watched_window = None
        self._columns = 1
        self._checking = set()
        self._verdict_timer = QTimer(self)
        self._verdict_timer.setInterval(VERDICT_INTERVAL_MS)
        self._verdict_timer.timeout.connect(self.check_verdicts)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by name or label"))
        self.filter_edit.setClearButtonEnabled(True)
        self.state_combo = QComboBox(self)
        self.state_combo.addItem(self.tr("All states"), "all")
        self.state_combo.addItem(self.tr("Needs attention"), "problems")
        for key in reversed(HEALTH_ORDER):
            self.state_combo.addItem(health_text(key, verdict=Verdict.RUNNING).split(" · ")[0].capitalize(), key)
        self.sort_combo = QComboBox(self)
        self.sort_combo.addItem(self.tr("Sort by name"), self.SORT_NAME)
        self.sort_combo.addItem(self.tr("Sort by state"), self.SORT_STATE)
        self.select_all_button = QToolButton(self)
        self.select_all_button.setText(self.tr("Select all"))
        self.count_label = QLabel(self)

        self.area = _TileArea()
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.area)
        self.scroll.setWidgetResizable(False)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.NoFrame)
        self.scroll.viewport().installEventFilter(self)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filter_edit, 2)
        bar.addWidget(self.state_combo)
        bar.addWidget(self.sort_combo)
        bar.addWidget(self.select_all_button)
        bar.addWidget(self.count_label, 1, Qt.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        self.filter_edit.textChanged.connect(self._on_filter_changed)
        self.state_combo.currentIndexChanged.connect(self._on_filter_changed)
        fleet.verdict_ready.connect(self._on_fleet_verdict_ready)
        self.sort_combo.currentIndexChanged.connect(self._on_filter_changed)
        self.select_all_button.clicked.connect(self.select_all)
        self.scroll.verticalScrollBar().valueChanged.connect(self._on_scroll_changed)
        fleet.devices_changed.connect(self._on_fleet_devices_changed)
        fleet.frame_ready.connect(self._on_fleet_frame_ready)
        fleet.status_changed.connect(self._on_fleet_status_changed)
        fleet.stats_updated.connect(self._on_fleet_stats_updated)
        self._on_fleet_devices_changed()

    # ----------------------------------------------------------------- public
    def tile(self, name):
        """The DeviceTile of ``name``."""
        return self._tiles[name]

    def tiles(self):
        """Tiles in roster order."""
        return [self._tiles[name] for name in self.fleet.names() if name in self._tiles]

    def displayed_names(self):
        """Names of the tiles the filter lets through, in display order."""
        return list(self._order)

    def selected_names(self):
        """Selected device names in display order (hidden by the filter: not included)."""
        return [name for name in self._order if name in self._selected]

    def targets(self):
        """What a bulk action applies to: the selection, or every displayed device if nothing is selected."""
        return self.selected_names() or self.displayed_names()

    def set_filter(self, text="", state="all"):
        """Show only devices whose name or label contains ``text`` and whose health is ``state``
        ("all", "problems" or a health key)."""
        self.filter_edit.setText(text)
        index = self.state_combo.findData(state)
        self.state_combo.setCurrentIndex(max(0, index))

    def set_sort(self, key):
        """Sort by ``SORT_NAME`` or ``SORT_STATE`` (problems first)."""
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(key)))

    def select(self, names):
        """Select exactly ``names``."""
        self._selected = set(names) & set(self._tiles)
        self._apply_selection()

    def select_all(self):
        """Select every displayed device."""
        self.select(self._order)

    def clear_selection(self):
        """Select nothing."""
        self.select([])

    def is_decoding(self, name):
        """True while ``name``'s tile is visible and decodes frames."""
        return self._visible.get(name, False)

    def columns(self):
        """How many columns the grid has now."""
        return self._columns

    # ----------------------------------------------------------------- building
    @pyqtSlot()
    def _on_fleet_devices_changed(self):
        names = self.fleet.names()
        for name in list(self._tiles):
            if name not in names or self._tiles[name].device != self.fleet.device(name):
                tile = self._tiles.pop(name)
                tile.deleteLater()
                self._selected.discard(name)
                self._visible.pop(name, None)
        for name in names:
            if name not in self._tiles:
                tile = DeviceTile(self.fleet.device(name), parent=self.area)
                tile.clicked.connect(self._on_tile_clicked)
                tile.double_clicked.connect(self.open_device)
                tile.set_status(self.fleet.status(name))
                self._tiles[name] = tile
                self._visible[name] = None
        self._relayout()

    def _on_filter_changed(self, *_args):
        self._relayout()

    def _matches(self, name):
        text = self.filter_edit.text().strip().lower()
        device = self._tiles[name].device
        if text and text not in device.name.lower() and text not in (device.label or "").lower():
            return False
        state = self.state_combo.currentData()
        key = self._tiles[name].health
        if state == "problems":
            return key in PROBLEMS
        return state in (None, "all") or key == state

    def _sorted(self, names):
        if self.sort_combo.currentData() == self.SORT_STATE:
            return sorted(names, key=lambda n: (HEALTH_ORDER.index(self._tiles[n].health), natural_key(n)))
        return sorted(names, key=natural_key)

    def _relayout(self):
        order = self._sorted([name for name in self._tiles if self._matches(name)])
        self._order = order
        viewport = self.scroll.viewport()
        width, height = viewport.width(), viewport.height()
        caption = int(QFontMetrics(self.font()).height() * CAPTION_LINES)
        columns, tile_width = grid_shape(len(order), width, height, header=caption)
        tile_height = int(tile_width * PICTURE_RATIO) + caption
        self._columns = columns
        shown = set(order)
        for index, name in enumerate(order):
            row, column = divmod(index, columns)
            x = SPACING + column * (tile_width + SPACING)
            y = SPACING + row * (tile_height + SPACING)
            tile = self._tiles[name]
            tile.setGeometry(x, y, tile_width, tile_height)
            tile.show()
        for name, tile in self._tiles.items():
            if name not in shown:
                tile.hide()
        rows = math.ceil(len(order) / columns) if order else 0
        self.area.resize(width, max(height, SPACING + rows * (tile_height + SPACING)))
        self.count_label.setText(self.tr("{0} of %n device(s)", None, len(self._tiles)).format(len(order)))
        ratio = self.devicePixelRatioF()
        for name in order:
            picture = self._tiles[name].picture_rect()
            self.fleet.set_view_size(name, int(picture.width() * ratio), int(picture.height() * ratio))
        self._apply_selection(emit=False)
        self._update_visibility()

    # ----------------------------------------------------------------- visibility
    def _window_shown(self):
        window = self.window()
        return self.isVisible() and not (window.windowState() & Qt.WindowMinimized)

    def _update_visibility(self):
        shown = self._window_shown()
        area_offset = self.area.pos()
        viewport = QRect(-area_offset.x(), -area_offset.y(), self.scroll.viewport().width(),
                         self.scroll.viewport().height())
        for name, tile in self._tiles.items():
            visible = shown and not tile.isHidden() and tile.geometry().intersects(viewport)
            if self._visible.get(name) != visible:
                self._visible[name] = visible
                self.fleet.set_paused(name, not visible)

    def _on_scroll_changed(self, _value):
        self._update_visibility()

    def eventFilter(self, watched, event):
        if watched is self.scroll.viewport() and event.type() == QEvent.Resize:
            self._relayout()
        elif watched is self._watched_window and event.type() == QEvent.WindowStateChange:
            self._update_visibility()
        return super().eventFilter(watched, event)

    def showEvent(self, event):
        super().showEvent(event)
        window = self.window()
        if window is not self._watched_window:
            if self._watched_window is not None:
                self._watched_window.removeEventFilter(self)
            self._watched_window = window
            window.installEventFilter(self)
        self._relayout()
        self._verdict_timer.start()

    def hideEvent(self, event):
        super().hideEvent(event)
        self._update_visibility()
        self._verdict_timer.stop()

    # ----------------------------------------------------------------- verdicts
    def check_verdicts(self):
        """Check the verdict of every shown tile whose frames flow (or stalled), one check per device at a
        time; each tile's badge then says its verdict."""
        for name, tile in self._tiles.items():
            if name in self._checking or not self._visible.get(name, False):
                continue
            if tile.health in LIVE_KEYS or tile.health == "stalled":
                sample = live_sample(self.fleet.stats(name), self.fleet.status(name).state)
                if self.fleet.check_status(name, sample):
                    self._checking.add(name)

    @pyqtSlot(str, object)
    def _on_fleet_verdict_ready(self, name, status):
        self._checking.discard(name)
        self._update_tile(name, DeviceTile.set_verdict, status)

    # ----------------------------------------------------------------- frames and states
    @pyqtSlot(str)
    def _on_fleet_frame_ready(self, name):
        tile = self._tiles.get(name)
        image = self.fleet.take_frame(name)
        if tile is not None and image is not None:
            tile.set_image(image)

    @pyqtSlot(str, object)
    def _on_fleet_status_changed(self, name, status):
        before, tile = self._update_tile(name, DeviceTile.set_status, status)
        if tile is not None and before not in LIVE_KEYS and tile.health in LIVE_KEYS and tile.verdict is None:
            QTimer.singleShot(2500, self.check_verdicts)  # a tile that just went live gets its verdict soon

    def _update_tile(self, name, setter, value):
        """``setter(tile, value)`` on ``name``'s tile, relaying out when its health key moved it;
        ``(health before, tile)`` (tile None when the name has none)."""
        tile = self._tiles.get(name)
        if tile is None:
            return None, None
        before = tile.health
        setter(tile, value)
        filtered = self.state_combo.currentData() not in (None, "all")
        if tile.health != before and (filtered or self.sort_combo.currentData() == self.SORT_STATE):
            self._relayout()
        return before, tile

    @pyqtSlot(str, object)
    def _on_fleet_stats_updated(self, name, stats):
        self._update_tile(name, DeviceTile.set_stats, stats)

    # ----------------------------------------------------------------- selection
    @pyqtSlot(str, int)
    def _on_tile_clicked(self, name, modifiers):
        modifiers = Qt.KeyboardModifiers(modifiers)
        if modifiers & Qt.ShiftModifier and self._anchor in self._order:
            first, last = sorted((self._order.index(self._anchor), self._order.index(name)))
            span = set(self._order[first:last + 1])
            self._selected = (self._selected | span) if modifiers & Qt.ControlModifier else span
        elif modifiers & Qt.ControlModifier:
            self._selected ^= {name}
            self._anchor = name
        else:
            self._selected = {name}
            self._anchor = name
        self._apply_selection()

    def _apply_selection(self, emit=True):
        for name, tile in self._tiles.items():
            tile.set_selected(name in self._selected)
        if emit:
            self.selection_changed.emit()


class ClassroomView(QWidget):
    """The grid and the bulk actions on the selection (or on every displayed device).

    ``snapshot_folder`` is a callable returning the folder below which "Snapshot all" makes its timestamped
    folder. ``open_device(name)`` is re-emitted from the grid.
    """

    open_device = pyqtSignal(str)
    snapshot_saved = pyqtSignal(object)
    message_shown = pyqtSignal(str)

    def __init__(self, fleet, snapshot_folder, parent=None, recording_folder=None):
        super().__init__(parent)
        self.fleet = fleet
        self._snapshot_folder = snapshot_folder
        self._recording_folder = recording_folder or snapshot_folder
        self._recordings = {}
        self._recording_started = None
        self._recording_dir = None
        self._recording_timer = QTimer(self)
        self._recording_timer.setInterval(500)
        self._recording_timer.timeout.connect(self._update_recording)
        self.deploy_dialog = None
        self.grid = GridView(fleet, self)
        self.deploy_button = QPushButton(self.tr("Deploy…"), self)
        self.snapshot_button = QPushButton(self.tr("Snapshot all"), self)
        self.record_button = QPushButton(self.tr("Record"), self)
        self.record_button.setCheckable(True)
        self.record_button.setToolTip(self.tr("Record every live target camera, one file each, into one new "
                                              "folder"))
        self.stop_button = QPushButton(self.tr("Stop project"), self)
        self.reboot_button = QPushButton(self.tr("Reboot…"), self)
        self.host_keys_button = QPushButton(self.tr("Host keys…"), self)
        self.host_keys_button.setToolTip(self.tr("Review and accept the host keys of cameras seen for the "
                                                 "first time"))
        self.reboot_button.setEnabled(fleet.reboot_available())
        if not fleet.reboot_available():
            self.reboot_button.setToolTip(self.tr("Rebooting is not available in this version."))
        self.target_label = QLabel(self)
        widest = self.tr("%n selected", None, 999)
        self.target_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest) + 8)
        self.message_label = QLabel(self)
        self.message_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.message_label.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        bar = QHBoxLayout()
        for button in (self.deploy_button, self.snapshot_button, self.record_button, self.stop_button,
                       self.reboot_button, self.host_keys_button):
            bar.addWidget(button)
        bar.addWidget(self.target_label)
        self.deploy_indicator = DeployIndicator(self)
        bar.addWidget(self.deploy_indicator)
        bar.addWidget(self.message_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.grid, 1)
        self.deploy_button.clicked.connect(self._on_deploy_clicked)
        self.snapshot_button.clicked.connect(self.snapshot_all)
        self.record_button.clicked.connect(self._on_record_clicked)
        self.stop_button.clicked.connect(self.stop_projects)
        self.reboot_button.clicked.connect(self.reboot)
        self.grid.open_device.connect(self.open_device)
        self.grid.selection_changed.connect(self._update_targets)
        fleet.devices_changed.connect(self._update_targets)
        fleet.snapshot_finished.connect(self._on_fleet_snapshot_finished)
        fleet.snapshot_failed.connect(self._on_fleet_snapshot_failed)
        fleet.stop_finished.connect(self._on_fleet_stop_finished)
        fleet.reboot_finished.connect(self._on_fleet_stop_finished)
        self.host_keys_button.clicked.connect(self.review_host_keys)
        fleet.host_keys_changed.connect(self._update_host_keys)
        fleet.host_keys_trusted.connect(self._on_fleet_host_keys_trusted)
        fleet.host_keys_failed.connect(self._on_fleet_host_keys_failed)
        self._update_targets()
        self._update_host_keys()

    def show_message(self, text):
        """Show one line under the actions (and emit ``message_shown``)."""
        self.message_label.setText(text)
        self.message_label.setToolTip(text)
        self.message_shown.emit(text)

    def _update_targets(self):
        selected = len(self.grid.selected_names())
        if selected:
            self.target_label.setText(self.tr("%n selected", None, selected))
        else:
            self.target_label.setText(self.tr("all {0}").format(len(self.grid.displayed_names())))

    # ----------------------------------------------------------------- actions
    def snapshot_all(self):
        """Save the newest frame of every live target device into one new timestamped folder."""
        names = self.grid.targets()
        if not names:
            return None
        folder = self.fleet.snapshot_all(self._snapshot_folder(), names)
        self.show_message(self.tr("Saving snapshots into {0}…").format(folder))
        return folder

    def _on_fleet_snapshot_finished(self, result):
        text = self.tr("Saved %n snapshot(s) to {0}.", None, len(result.files)).format(result.folder)
        if result.skipped:
            text += " " + self.tr("Not live: {0}.").format(", ".join(name for name, _why in result.skipped))
        self.show_message(text)
        self.snapshot_saved.emit(result)

    # ----------------------------------------------------------------- recording the classroom
    def is_recording(self):
        """True while the classroom records."""
        return bool(self._recordings)

    def start_recording(self, names=None):
        """Record every live device among ``names`` (default: the targets) as ``<name>.mjpeg`` (each frame
        as received) in one new timestamped folder. Returns the folder, or None when no device is live."""
        if self._recordings:
            return None
        names = list(names if names is not None else self.grid.targets())
        live = [name for name in names if self.fleet.controller(name) is not None
                and self.fleet.controller(name).status.state is StreamState.LIVE]
        if not live:
            self.show_message(self.tr("No live camera to record."))
            self.record_button.setChecked(False)
            return None
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = os.path.join(self._recording_folder(), "classroom-recording-{0}".format(stamp))
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as error:
            self.show_message(self.tr("Recording not started: {0}").format(storage_error(folder, error)))
            self.record_button.setChecked(False)
            return None
        for name in live:
            recording = RecordingController(parent=self)
            recording.failed.connect(self._on_recording_failed)
            path = os.path.join(folder, safe_file_name(name) + ".mjpeg")
            if recording.start(self.fleet.controller(name), path):
                self._recordings[name] = recording
        self._recording_dir = folder
        self._recording_started = time.monotonic()
        self._recording_timer.start()
        self.record_button.setChecked(True)
        self._update_recording()
        return folder

    def stop_recording(self, wait=False):
        """Stop every recording (files are closed by their writers; ``wait`` blocks until they are)."""
        recordings, self._recordings = self._recordings, {}
        if not recordings:
            return
        self._recording_timer.stop()
        frames = sum(recording.frames() for recording in recordings.values())
        for recording in recordings.values():
            if wait:
                recording.shutdown()
            else:
                recording.stop()
        self.record_button.setChecked(False)
        self.record_button.setText(self.tr("Record"))
        self.show_message(self.tr("Saved %n recording(s), {0}, to {1}.", None, len(recordings)).format(
            self.tr("%n frame(s)", None, frames), self._recording_dir))

    def _on_record_clicked(self, checked):
        if checked:
            self.start_recording()
        else:
            self.stop_recording()

    def _update_recording(self):
        seconds = int(time.monotonic() - self._recording_started)
        frames = sum(recording.frames() for recording in self._recordings.values())
        self.record_button.setText(self.tr("● Stop recording {0}:{1:02d}").format(seconds // 60,
                                                                                    seconds % 60))
        cameras = self.tr("%n camera(s), {0} so far, into {1}", None, len(self._recordings))
        self.record_button.setToolTip(cameras.format(self.tr("%n frame(s)", None, frames), self._recording_dir))

    def _on_recording_failed(self, sentence):
        self.show_message(self.tr("A recording stopped: {0}").format(sentence))

    def _on_fleet_snapshot_failed(self, message):
        self.show_message(self.tr("Snapshots not saved: {0}").format(message))

    def _on_deploy_clicked(self):
        names = self.grid.targets()
        if not names:
            return
        spec = ProjectDialog.ask(self, len(names))
        if spec:
            self.deploy(spec, names)

    def deploy(self, spec, names=None):
        """Deploy ``spec`` to ``names`` (default: the targets) and show the progress dialog."""
        names = list(names if names is not None else self.grid.targets())
        if self.fleet.deploying():
            self.show_message(self.tr("A deploy is already running."))
            return None
        if self.deploy_dialog is not None:
            self.deploy_dialog.close()
            self.deploy_dialog.deleteLater()
        self.deploy_dialog = BulkDeployDialog(self.fleet, spec, names, self)
        self.deploy_indicator.watch(self.deploy_dialog)
        self.deploy_dialog.show()
        return self.deploy_dialog

    def stop_projects(self):
        """Stop the running project on the target devices."""
        names = self.grid.targets()
        if names:
            self.fleet.stop_projects(names)
            self.show_message(self.tr("Stopping the project on %n device(s)…", None, len(names)))

    def _on_fleet_stop_finished(self, results):
        failed = [result for result in results if not result.ok]
        text = self.tr("{0} of %n device(s) done.", None, len(results)).format(len(results) - len(failed))
        if failed:
            text += " " + "; ".join(i18n.text(result.message) for result in failed)
        self.show_message(text)

    def _update_host_keys(self):
        waiting = len(self.fleet.unknown_host_keys())
        self.host_keys_button.setVisible(bool(waiting))
        self.host_keys_button.setText(self.tr("Host keys ({0})…").format(waiting))

    def review_host_keys(self):
        """List every unknown host key of the classroom; trust the ones the user checks."""
        entries = list(self.fleet.unknown_host_keys().items())
        if not entries:
            return
        names = HostKeysDialog.ask(self, entries)
        if names:
            self.fleet.trust_host_keys(names)
            self.show_message(self.tr("Recording %n host key(s)…", None, len(names)))

    def _on_fleet_host_keys_trusted(self, names):
        self.show_message(self.tr("Trusted the host keys of {0}; connecting.").format(", ".join(names)))

    def _on_fleet_host_keys_failed(self, message):
        self.show_message(self.tr("Host keys not recorded: {0}").format(message))

    def reboot(self):
        """Ask, then reboot the target devices (only when the core supports it)."""
        names = self.grid.targets()
        if not names or not self.fleet.reboot_available():
            return
        if RebootDialog.ask(self, names):
            self.fleet.reboot(names)
            self.show_message(self.tr("Rebooting %n device(s)…", None, len(names)))
