"""The device panel next to the viewer: deploy buttons, and tabs for the status, the project's log, the
latest published results and the deploy history of the connected device.

Every read goes through the device's one shared connection on the panel's private bounded pool, and only
while someone can see it: a tab polls while it is the current tab of a visible panel.
"""

import datetime
import json
import threading
from dataclasses import dataclass

from PyQt5.QtCore import QCoreApplication, Qt, pyqtSignal
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from deeplens_gui.core import actions, commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.ui import i18n
from deeplens_gui.ui.deploy_dialog import DeployDialog, DeployIndicator, LambdaVersionDialog
from deeplens_gui.ui.status_panel import HistoryView, Poller, StatusPanel

#: Lines of the project log kept on screen.
LOG_LINES = 500
#: Results shown in the table (the newest).
RESULT_ROWS = 50
LOG_INTERVAL_MS = 2000
RESULTS_INTERVAL_MS = 1500
COMMAND_TIMEOUT = 20.0


def _tr(text):
    return QCoreApplication.translate("DevicePanel", text)


# --------------------------------------------------------------------- log

LOG_PROJECT = "project"
LOG_RUNNER = "runner"


def read_log(connection, which=LOG_PROJECT, lines=LOG_LINES):
    """``(path or None, lines)`` of the log tail (runs in the pool); see ``core.actions.read_log``."""
    return actions.read_log(connection, lines, runner=which == LOG_RUNNER)


class LogView(QWidget):
    """The tail of the project's (or the runner's) log, polled while visible; Follow keeps the end in view."""

    def __init__(self, jobs, interval_ms=LOG_INTERVAL_MS, lines=LOG_LINES, parent=None):
        super().__init__(parent)
        self._lines = lines
        self.path = None
        self.source_combo = QComboBox(self)
        self.source_combo.addItem(self.tr("Project log"), LOG_PROJECT)
        self.source_combo.addItem(self.tr("Runner log"), LOG_RUNNER)
        self.source_combo.setToolTip(self.tr("The project log is the runner's project.log after an SSH deploy, "
                                             "or the Greengrass Lambda log on a cloud-managed DeepLens"))
        self.follow_check = QCheckBox(self.tr("Follow"), self)
        self.follow_check.setChecked(True)
        self.path_label = QLabel(self)
        self.path_label.setWordWrap(True)
        self.path_label.setStyleSheet("color: palette(mid);")
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.WidgetWidth)  # a narrow panel wraps, it never cuts
        self.text.setMaximumBlockCount(lines)
        self.text.setPlaceholderText(self.tr("The log appears here."))
        font = self.text.font()
        font.setFamily("monospace")
        font.setStyleHint(font.Monospace)
        self.text.setFont(font)
        bar = QHBoxLayout()
        bar.addWidget(self.source_combo)
        bar.addWidget(self.follow_check)
        bar.addStretch(1)
        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(4, 4, 4, 4)
        layout_.addLayout(bar)
        layout_.addWidget(self.path_label)
        layout_.addWidget(self.text, 1)
        self.poller = Poller(jobs, interval_ms, self._job, self)
        self.poller.polled.connect(self._on_poller_polled)
        self.poller.poll_failed.connect(self._on_poller_poll_failed)
        self.source_combo.currentIndexChanged.connect(self._on_source_combo_changed)
        self.follow_check.toggled.connect(self._on_follow_check_toggled)

    def _job(self, connection):
        return read_log(connection, self._which, self._lines)

    @property
    def _which(self):
        return self.source_combo.currentData()

    def set_device(self, device, connection_for):
        """Tail ``device``'s log (None: nothing)."""
        self.path = None
        self.text.clear()
        self.path_label.clear()
        self.poller.set_target(device, connection_for)

    def lines(self):
        """The lines shown."""
        return self.text.toPlainText().splitlines()

    def _on_source_combo_changed(self, _index):
        self.text.clear()
        self.poller.poll_now()

    def _on_follow_check_toggled(self, on):
        if on:
            self._scroll_to_end()

    def _on_poller_polled(self, value):
        path, lines = value
        self.path = path
        if path is None:
            self.path_label.setText(self.tr("There is no log on the device yet (nothing was deployed, or the "
                                            "project has not written anything)."))
        else:
            self.path_label.setText(self.tr("{0}, the last %n line(s)", None, self._lines).format(path))
        text = "\n".join(lines[-self._lines:])
        if text == self.text.toPlainText():
            return
        bar = self.text.verticalScrollBar()
        position = bar.value()
        self.text.setPlainText(text)
        if self.follow_check.isChecked():
            self._scroll_to_end()
        else:
            bar.setValue(min(position, bar.maximum()))

    def _on_poller_poll_failed(self, error):
        self.path_label.setText(i18n.text(error))

    def _scroll_to_end(self):
        bar = self.text.verticalScrollBar()
        bar.setValue(bar.maximum())


# --------------------------------------------------------------------- results

@dataclass(frozen=True)
class ResultRow:
    """One published result as the table shows it (text fields; ``probability`` None when not given)."""

    time: float
    topic: str
    label: str
    probability: object = None
    boxes: str = ""


def _number(value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return float(value)
    except OverflowError:  # JSON integers have no size limit
        return None


def _box_text(box):
    if isinstance(box, dict):
        keys = [k for k in ("xmin", "ymin", "xmax", "ymax") if k in box]
        box = [box[k] for k in keys] if len(keys) == 4 else list(box.values())
    if isinstance(box, (list, tuple)) and box and all(_number(v) is not None for v in box):
        return "[" + ", ".join("{0:.0f}".format(float(v)) for v in box) + "]"
    return json.dumps(box)


def interpret_payload(payload):
    """``(label, probability or None, boxes text)`` for a published payload: a JSON object of a bundled
    project (mask: label/prob; face: faces with prob and box), a generic object (label or top_label,
    prob/probability/confidence, box/boxes; or ``{label: probability, ...}``), or plain text."""
    value = payload
    if isinstance(payload, str):
        try:
            value = json.loads(payload)
        except (ValueError, RecursionError):  # a device may publish anything, nested without end too
            return payload.strip(), None, ""
    if not isinstance(value, dict):
        return (payload if isinstance(payload, str) else json.dumps(value)).strip(), None, ""
    faces = value.get("faces")
    if isinstance(faces, list):
        probs = [_number(face.get("prob")) for face in faces if isinstance(face, dict)]
        probs = [p for p in probs if p is not None]
        boxes = "; ".join(_box_text(face.get("box")) for face in faces if isinstance(face, dict) and "box" in face)
        if not faces:
            return _tr("no face"), None, ""
        label = QCoreApplication.translate("DevicePanel", "%n face(s)", None, len(faces))
        return label, (max(probs) if probs else None), boxes
    label = value.get("label", value.get("top_label"))
    probability = None
    for key in ("prob", "probability", "confidence", "score"):
        probability = _number(value.get(key))
        if probability is not None:
            break
    boxes = value.get("boxes", value.get("box"))
    if isinstance(boxes, list) and boxes and isinstance(boxes[0], (list, dict)):
        boxes_text = "; ".join(_box_text(box) for box in boxes)
    elif boxes is not None:
        boxes_text = _box_text(boxes)
    else:
        boxes_text = ""
    if label is not None:
        return str(label), probability, boxes_text
    scores = {str(k): _number(v) for k, v in value.items() if _number(v) is not None}
    if scores and len(scores) == len(value):
        best = max(scores, key=scores.get)
        return best, scores[best], ""
    return json.dumps(value, sort_keys=True), probability, boxes_text


def parse_results(text, limit=RESULT_ROWS):
    """ResultRows from results JSON lines (``{time, topic, payload}``), newest first. Lenient: a line that
    is not such an object is shown as it is."""
    rows = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            record = None
        if not isinstance(record, dict):
            rows.append(ResultRow(0.0, "", line))
            continue
        label, probability, boxes = interpret_payload(record.get("payload", ""))
        rows.append(ResultRow(_number(record.get("time")) or 0.0, str(record.get("topic", "")), label,
                              probability, boxes))
    rows.reverse()
    return rows[:limit]


def read_results(connection, lines=RESULT_ROWS):
    """The newest published results (runs in the pool)."""
    result = connection.run(commands.results_tail_command(lines, layout.RESULTS), timeout=COMMAND_TIMEOUT,
                            check=False)
    return parse_results(result.stdout.decode("utf-8", "replace"), lines)


class ResultsView(QWidget):
    """A live table of the latest results the project published: time, label, probability, boxes."""

    COLUMNS = 4

    def __init__(self, jobs, interval_ms=RESULTS_INTERVAL_MS, parent=None):
        super().__init__(parent)
        self.rows = []
        self.poller = Poller(jobs, interval_ms, read_results, self)
        self.poller.polled.connect(self._on_poller_polled)
        self.poller.poll_failed.connect(self._on_poller_poll_failed)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("Time"), self.tr("Label"), self.tr("Probability"),
                                              self.tr("Boxes")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(4, 4, 4, 4)
        layout_.addWidget(self.message_label)
        layout_.addWidget(self.table, 1)

    def set_device(self, device, connection_for):
        """Show ``device``'s results (None: nothing)."""
        self.rows = []
        self.table.setRowCount(0)
        self.message_label.clear()
        self.poller.set_target(device, connection_for)

    def labels(self):
        """The Label column, newest first."""
        return [self.table.item(row, 1).text() for row in range(self.table.rowCount())]

    def _on_poller_polled(self, rows):
        if rows == self.rows:
            return
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            when = datetime.datetime.fromtimestamp(row.time).strftime("%H:%M:%S.%f")[:-4] if row.time else ""
            probability = "{0:.1%}".format(row.probability) if row.probability is not None else ""
            values = [when, row.label, probability, row.boxes]
            for column, value in enumerate(values):
                item = self.table.item(index, column)
                if item is None:
                    item = QTableWidgetItem()
                    self.table.setItem(index, column, item)
                item.setText(value)
                item.setToolTip(value)  # a narrow panel cuts a cell: its full text (the topic is above)
                if column == 2:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        if rows:
            self.message_label.setText(self.tr("The latest %n result(s), newest first (topic {0}).", None,
                                               len(rows)).format(rows[0].topic))
        else:
            self.message_label.setText(self.tr("The project has not published any results yet."))

    def _on_poller_poll_failed(self, error):
        self.message_label.setText(i18n.text(error))


# --------------------------------------------------------------------- the panel

#: The bundled projects behind the two deploy buttons: (spec, name for people)
MASK = ("mask", "mask detection")
FACE = ("face", "face detection")


class DevicePanel(QWidget):
    """The device's verdict and reason (shown once, above every tab), deploy buttons and the Status, Log,
    Results and History tabs of one device (the viewer's); the main window puts it beside the video.

    ``connection_factory(device)`` makes the connection the panel shares between its reads and deploys
    (closed when the panel moves to another device; a borrowed pooled connection only lets go). ``service``
    (DeployService) and ``resolver(spec)`` default to the classroom's; ``client_factory`` adds the cloud part
    of the status. Emits ``deploy_finished(DeployResult)``.
    """

    deploy_finished = pyqtSignal(object)

    def __init__(self, connection_factory, jobs, service=None, resolver=None, client_factory=None,
                 status_interval_ms=None, parent=None):
        super().__init__(parent)
        self.setObjectName("device_panel")
        self.jobs = jobs.lane("status", self)
        self._connection_factory = connection_factory
        self._service = service
        self._resolver = resolver
        self._lock = threading.Lock()
        self._connection = None
        self.device = None
        self.dialog = None
        self._closed = False

        body = self
        self.device_label = QLabel(self.tr("No device"), body)
        font = self.device_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.device_label.setFont(font)
        self.deploy_indicator = DeployIndicator(body)
        self.mask_button = QPushButton(self.tr("Mask detection"), body)
        self.face_button = QPushButton(self.tr("Face detection"), body)
        self.lambda_button = QPushButton(self.tr("Lambda version…"), body)
        self.mask_button.setToolTip(self.tr("Replace what runs on the device with the bundled mask detection "
                                            "project"))
        self.face_button.setToolTip(self.tr("Replace what runs on the device with the bundled face detection "
                                            "project"))
        self.lambda_button.setToolTip(self.tr("Deploy a published version of an AWS Lambda function"))
        self.mask_button.clicked.connect(lambda: self.deploy(*MASK))
        self.face_button.clicked.connect(lambda: self.deploy(*FACE))
        self.lambda_button.clicked.connect(self._on_lambda_button_clicked)
        # Two rows, so the panel can stay narrow beside the video without cutting a button.
        buttons = QGridLayout()
        buttons.addWidget(QLabel(self.tr("Deploy:"), body), 0, 0)
        buttons.addWidget(self.mask_button, 0, 1)
        buttons.addWidget(self.face_button, 0, 2)
        buttons.addWidget(self.lambda_button, 1, 1, 1, 2)
        buttons.setColumnStretch(3, 1)

        kwargs = {"interval_ms": status_interval_ms} if status_interval_ms else {}
        self.status_panel = StatusPanel(self.jobs, client_factory, parent=body, headed=False, **kwargs)
        self.log_view = LogView(self.jobs, parent=body)
        self.results_view = ResultsView(self.jobs, parent=body)
        self.history_view = HistoryView(self.jobs, parent=body)
        self.tabs = QTabWidget(body)
        self.tabs.addTab(self.status_panel, self.tr("Status"))
        self.tabs.addTab(self.log_view, self.tr("Log"))
        self.tabs.addTab(self.results_view, self.tr("Results"))
        self.tabs.addTab(self.history_view, self.tr("History"))
        self.tabs.currentChanged.connect(self._update_polling)

        layout_ = QVBoxLayout(body)
        layout_.setContentsMargins(6, 6, 6, 6)
        header = QHBoxLayout()
        header.addWidget(self.device_label, 1)
        header.addWidget(self.deploy_indicator)
        header.addWidget(self.status_panel.badge)
        layout_.addLayout(header)
        layout_.addWidget(self.status_panel.reason_label)
        layout_.addLayout(buttons)
        layout_.addWidget(self.tabs, 1)
        self._update_buttons()

    # ----------------------------------------------------------------- following the viewer's device
    def views(self):
        """The tabs that read from the device, in tab order."""
        return [self.status_panel, self.log_view, self.results_view, self.history_view]

    def set_device(self, device):
        """Follow ``device`` (a core Device, or None when the viewer has none). Same device: nothing."""
        if device == self.device:
            return
        self.device = device
        with self._lock:
            old, self._connection = self._connection, None
        if old is not None:
            self.jobs.submit(old.close)  # closing joins the transport thread: not on the GUI thread
        self.device_label.setText(device.display if device is not None else self.tr("No device"))
        for view in self.views():
            view.set_device(device, self.connection_for if device is not None else None)
        self._update_buttons()
        self._update_polling()

    def connection_for(self, device):
        """The connection shared by the panel's reads and deploys of ``device`` (any thread)."""
        with self._lock:
            if self._connection is None or self._connection.device != device:
                self._connection = self._connection_factory(device)
            return self._connection

    def showEvent(self, event):
        super().showEvent(event)
        self._update_polling()

    def hideEvent(self, event):
        super().hideEvent(event)
        self._update_polling(visible=False)

    def _update_polling(self, *_args, visible=None):
        visible = (self.isVisible() if visible is None else visible) and not self._closed
        current = self.tabs.currentWidget()
        for view in self.views():
            # The status stays current while the panel is visible: its verdict heads every tab.
            view.poller.set_active(visible and (view is current or view is self.status_panel))

    # ----------------------------------------------------------------- deploying
    def deploying(self):
        """True while a deploy started here runs."""
        return self.dialog is not None and self.dialog.is_running()

    def deploy(self, spec, title=None):
        """Deploy ``spec`` (mask, face, a folder or lambda:NAME[:VERSION]) to the device; the progress dialog.

        Returns the DeployDialog, or None when there is no device or a deploy already runs.
        """
        if self.device is None or self.deploying() or self._closed:
            return None
        from deeplens_gui.ui.fleet_controller import default_deploy_service, default_source_resolver

        if self._service is None:
            self._service = default_deploy_service()
        dialog = DeployDialog(self.jobs, self.connection_for, self._service, self._resolver or default_source_resolver,
                              self.device, spec, title=self._title(title or spec), parent=self.window())
        dialog.deploy_finished.connect(self._on_dialog_deploy_finished)
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = dialog
        self.deploy_indicator.watch(dialog)
        dialog.show()
        dialog.start()
        self._update_buttons()
        return dialog

    def _title(self, title):
        names = {MASK[1]: self.tr("mask detection"), FACE[1]: self.tr("face detection")}
        return names.get(title, title)

    def _on_lambda_button_clicked(self):
        spec = LambdaVersionDialog.ask(self)
        if spec:
            self.deploy(spec)

    def _on_dialog_deploy_finished(self, result):
        self._update_buttons()
        self.status_panel.refresh()
        self.history_view.refresh()
        self.deploy_finished.emit(result)

    def _update_buttons(self):
        enabled = self.device is not None and not self.deploying() and not self._closed
        for button in (self.mask_button, self.face_button, self.lambda_button):
            button.setEnabled(enabled)

    # ----------------------------------------------------------------- closing
    def shutdown(self, timeout_ms=3000):
        """Cancel a running deploy, stop polling, close the connection and wait for the pool. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self.dialog is not None and self.dialog.is_running():
            self.dialog.cancel_token.cancel()
        if self.dialog is not None:
            self.dialog.hide()  # its own top-level window: it does not go away with the main window
        for view in self.views():
            view.poller.set_target(None, None)
            view.poller.set_active(False)
        with self._lock:
            connection, self._connection = self._connection, None
        if connection is not None:
            connection.close()  # blocked reads of running jobs return now
        self.jobs.shutdown(timeout_ms)
        self._update_buttons()
