"""The device's merged status at a glance (verdict, reason, health, what is deployed, the cloud part) and its
deploy history. Everything is read on the private pool and polled only while the widget is visible."""

import datetime
import json

from PyQt5.QtCore import QCoreApplication, QObject, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QFont
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deeplens_gui.core import commands
from deeplens_gui.core.deploy import layout
from deeplens_gui.core.status import Verdict, get_status
from deeplens_gui.ui import i18n
from deeplens_gui.ui.text_fit import wrappable

#: How often the status is checked while the panel is visible (ms).
STATUS_INTERVAL_MS = 10000
#: How many deploys the history shows.
HISTORY_LINES = 200
#: Seconds of stream the status samples.
SAMPLE_SECONDS = 2.0

_VERDICT_COLOURS = {
    Verdict.RUNNING: "#2e7d32",
    Verdict.RUNNING_WITH_ERRORS: "#d84315",
    Verdict.NO_RESULTS: "#f57f17",
    Verdict.NO_OUTPUT: "#ef6c00",
    Verdict.BEHIND_CLOUD: "#f9a825",
    Verdict.NOT_DEPLOYED: "#616161",
    Verdict.UNREACHABLE: "#c62828",
}


class Poller(QObject):
    """Runs ``job(connection)`` on the pool every ``interval_ms`` while active, one run at a time.

    ``connection_for(device)`` gives the device's shared connection (called in the worker). Results of a
    device that is no longer the target are dropped. ``polled(value)`` and ``poll_failed(error)`` arrive on
    the GUI thread.
    """

    polled = pyqtSignal(object)
    poll_failed = pyqtSignal(object)

    def __init__(self, jobs, interval_ms, job, parent=None):
        super().__init__(parent)
        self._jobs = jobs
        self._job = job
        self._device = None
        self._connection_for = None
        self._generation = 0
        self._busy = False
        self._again = False
        self._active = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll_now)

    @property
    def device(self):
        """The device polled (None when none)."""
        return self._device

    def set_target(self, device, connection_for):
        """Poll ``device`` from now on (None stops); a poll starts at once when active."""
        self._generation += 1
        self._device = device
        self._connection_for = connection_for
        self._busy = False
        self._again = False
        self._update_timer()
        if device is not None and self._active:
            self.poll_now()

    def set_active(self, active):
        """Poll periodically (True) or not at all (False); becoming active polls at once."""
        was = self._active
        self._active = bool(active)
        self._update_timer()
        if self._active and not was and self._device is not None:
            self.poll_now()

    def is_active(self):
        """True while polling periodically (active with a device)."""
        return self._active and self._device is not None

    def busy(self):
        """True while a poll runs."""
        return self._busy

    def poll_now(self):
        """Poll once now (or right after the running poll)."""
        if self._device is None:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        generation = self._generation
        device, connection_for, job = self._device, self._connection_for, self._job
        self._jobs.submit(lambda: job(connection_for(device)),
                          on_done=lambda value: self._on_job_done(generation, True, value),
                          on_error=lambda error: self._on_job_done(generation, False, error))

    def _on_job_done(self, generation, ok, value):
        if generation != self._generation:
            return
        self._busy = False
        (self.polled if ok else self.poll_failed).emit(value)
        if self._again:
            self._again = False
            self.poll_now()

    def _update_timer(self):
        if self._active and self._device is not None:
            self._timer.start()
        else:
            self._timer.stop()


def verdict_name(verdict):
    """The verdict as a word for the badge (translatable)."""
    tr = _tr
    return {
        Verdict.RUNNING: tr("Running"),
        Verdict.RUNNING_WITH_ERRORS: tr("Running with errors"),
        Verdict.NO_RESULTS: tr("No results"),
        Verdict.NO_OUTPUT: tr("No output"),
        Verdict.BEHIND_CLOUD: tr("Behind the cloud"),
        Verdict.NOT_DEPLOYED: tr("Not deployed"),
        Verdict.UNREACHABLE: tr("Unreachable"),
    }.get(verdict, str(verdict))


def _tr(text):
    return QCoreApplication.translate("StatusPanel", text)


def _bytes(value):
    tr = _tr
    if value >= 1e9:
        return tr("{0:.1f} GB").format(value / 1e9)
    return tr("{0:.0f} MB").format(value / 1e6)


def format_uptime(seconds):
    """``3 days 4 h``, ``5 h 12 min``, ``7 min``."""
    tr = _tr
    seconds = int(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days:
        return QCoreApplication.translate("StatusPanel", "%n day(s) {0} h", None, days).format(hours)
    if hours:
        return tr("{0} h {1} min").format(hours, minutes)
    return tr("{0} min").format(minutes)


def health_lines(status):
    """``[(label, text)]`` of the device health in ``status`` (what the device exposes)."""
    tr = _tr
    rows = []
    if status.hostname:
        rows.append((tr("Host"), "{0} ({1})".format(status.hostname, status.endpoint)))
    else:
        rows.append((tr("Host"), status.endpoint))
    if status.uptime is not None:
        rows.append((tr("Uptime"), format_uptime(status.uptime)))
    if status.loadavg:
        rows.append((tr("Load"), "{0:.2f}  {1:.2f}  {2:.2f}".format(*status.loadavg)))
    if status.mem_total_kb:
        free = (status.mem_available_kb or 0) * 1024
        rows.append((tr("Memory"), tr("{0} free of {1}").format(_bytes(free), _bytes(status.mem_total_kb * 1024))))
    for disk in status.disks:
        rows.append((tr("Disk {0}").format(disk.mount), tr("{0} free of {1} ({2})").format(
            _bytes(disk.free), _bytes(disk.total), disk.path)))
    if status.temperatures:
        rows.append((tr("Temperature"), ", ".join("{0} {1:.0f} °C".format(zone, celsius)
                                                 for zone, celsius in status.temperatures)))
    if status.fps or status.frames:
        rows.append((tr("Stream"), tr("{0:.1f} unique frames/s").format(status.fps)))
    return rows


def deployed_lines(status):
    """``[(label, text)]`` of the deployed record and the runner."""
    tr = _tr
    record = status.record
    if record is None:
        return [(tr("Project"), tr("Nothing deployed by DeepLens Console."))]
    rows = [(tr("Project"), i18n.text(record.label))]
    if record.source:
        rows.append((tr("Source"), record.source))
    if record.deployed_at:
        rows.append((tr("Deployed"), tr("{0} by {1}").format(record.deployed_at, record.deployed_by or "?")))
    if status.runner_pid is not None:
        state = status.runner_state or "?"
        if status.runner_alive:
            rows.append((tr("Runner"), tr("pid {0}, {1}").format(status.runner_pid, state)))
        else:
            rows.append((tr("Runner"), tr("pid {0} is not running ({1})").format(status.runner_pid, state)))
    return rows


def project_lines(status):
    """``[(label, text)]`` of what the project reports itself: its error, its newest result or message."""
    tr = _tr
    health = status.health
    if health is None:
        return []
    rows = []
    if status.project_error:
        rows.append((tr("Project reports"), status.project_error))
    for label, text, age in ((tr("Last result"), health.last_ok, health.last_ok_age),
                             (tr("Last message"), health.last_message, health.last_message_age)):
        if text is not None:
            rows.append((label, tr("{0} ({1:.0f} s ago)").format(text, age or 0)))
    if health.results_path is not None and not health.count:
        rows.append((tr("Results"), tr("none published since the project started ({0})").format(
            health.results_path)))
    return rows


def cloud_lines(status):
    """``[(label, text)]`` of the cloud part (empty when it was not checked)."""
    tr = _tr
    cloud = status.cloud
    if cloud is None:
        return []
    rows = []
    if cloud.lambda_name:
        rows.append((tr("Lambda"), tr("{0}, newest version {1}").format(cloud.lambda_name,
                                                                       cloud.lambda_version or "?")))
    if cloud.deployment_status:
        rows.append((tr("Greengrass"), "{0} ({1})".format(cloud.deployment_status, cloud.deployment_id)))
    for error in cloud.errors:
        rows.append((tr("AWS"), i18n.text(error)))
    return rows


class StatusPanel(QWidget):
    """Verdict badge and reason at a glance, device health, deployed record and the cloud part.

    ``headed=False`` leaves ``badge`` and ``reason_label`` out of the panel's layout for the caller to place
    (the device panel shows them once, above every tab). ``jobs`` is the private JobRunner;
    ``client_factory`` (optional, ``cloud.client``-like) adds the cloud part. Polls every STATUS_INTERVAL_MS
    while visible; Refresh polls now. Emits ``status_updated``.
    """

    status_updated = pyqtSignal(object)

    def __init__(self, jobs, client_factory=None, interval_ms=STATUS_INTERVAL_MS, sample_seconds=SAMPLE_SECONDS,
                 parent=None, headed=True):
        super().__init__(parent)
        self.status = None
        self._client_factory = client_factory
        self._sample_seconds = sample_seconds
        self.poller = Poller(jobs, interval_ms, self._status_job, self)
        self.poller.polled.connect(self._on_poller_polled)
        self.poller.poll_failed.connect(self._on_poller_poll_failed)

        self.badge = QLabel(self.tr("Not checked"), self)
        self.badge.setAlignment(Qt.AlignCenter)
        self.badge.setMinimumWidth(120)
        self._paint_badge("#9e9e9e")
        self.checked_label = QLabel(self)
        self.checked_label.setStyleSheet("color: palette(mid);")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Check the device's status now"))
        self.refresh_button.clicked.connect(self.refresh)
        self.reason_label = QLabel(self.tr("Connect to a device to see its status."), self)
        self.reason_label.setWordWrap(True)
        self.reason_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        top = QHBoxLayout()
        if headed:
            top.addWidget(self.badge)
        top.addWidget(self.checked_label, 1)
        top.addWidget(self.refresh_button)

        self.health_box, self.health_form = self._group(self.tr("Device health"))
        self.deployed_box, self.deployed_form = self._group(self.tr("Deployed"))
        self.cloud_box, self.cloud_form = self._group(self.tr("Cloud"))

        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(top)
        if headed:
            inner.addWidget(self.reason_label)
        inner.addWidget(self.health_box)
        inner.addWidget(self.deployed_box)
        inner.addWidget(self.cloud_box)
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # the rows wrap to the panel's width
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(scroll)
        self._show_rows(self.health_form, self.health_box, [])
        self._show_rows(self.deployed_form, self.deployed_box, [])
        self._show_rows(self.cloud_form, self.cloud_box, [])

    def _group(self, title):
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        form.setLabelAlignment(Qt.AlignRight)
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        return box, form

    # ----------------------------------------------------------------- public
    def set_device(self, device, connection_for):
        """Show ``device``'s status (None: nothing); ``connection_for(device)`` runs in the pool."""
        self.status = None
        self.poller.set_target(device, connection_for)
        self.badge.setText(self.tr("Checking…") if device is not None else self.tr("Not checked"))
        self._paint_badge("#9e9e9e")
        self.checked_label.clear()
        self.reason_label.setText(self.tr("Checking {0}…").format(device.display) if device is not None
                                  else self.tr("Connect to a device to see its status."))
        for form, box in ((self.health_form, self.health_box), (self.deployed_form, self.deployed_box),
                          (self.cloud_form, self.cloud_box)):
            self._show_rows(form, box, [])

    def refresh(self):
        """Check the status now (off the GUI thread)."""
        if self.poller.device is not None:
            self.checked_label.setText(self.tr("Checking…"))
            self.poller.poll_now()

    def set_polling(self, active):
        """Poll periodically while ``active`` (the panel is visible)."""
        self.poller.set_active(active)

    def verdict_text(self):
        """The badge's word."""
        return self.badge.text()

    def reason_text(self):
        """The reason sentence."""
        return self.reason_label.text()

    def field_text(self, label):
        """The value shown next to ``label`` in any group ("" when absent)."""
        for form in (self.health_form, self.deployed_form, self.cloud_form):
            for row in range(form.rowCount()):
                name = form.itemAt(row, QFormLayout.LabelRole)
                value = form.itemAt(row, QFormLayout.FieldRole)
                if name is not None and value is not None and name.widget().text() == label + ":":
                    return value.widget().text().replace("\u200b", "")
        return ""

    # ----------------------------------------------------------------- internals
    def _status_job(self, connection):
        return get_status(connection, self._client_factory, self._sample_seconds)

    def _on_poller_polled(self, status):
        self.status = status
        self.badge.setText(verdict_name(status.verdict))
        self._paint_badge(_VERDICT_COLOURS.get(status.verdict, "#616161"))
        when = datetime.datetime.fromtimestamp(status.checked_at).strftime("%H:%M:%S")
        self.checked_label.setText(self.tr("Checked at {0}").format(when))
        self.reason_label.setText(i18n.text(status.reason))
        self._show_rows(self.health_form, self.health_box, health_lines(status) if status.reachable else [])
        self._show_rows(self.deployed_form, self.deployed_box,
                        deployed_lines(status) + project_lines(status) if status.reachable else [])
        self._show_rows(self.cloud_form, self.cloud_box, cloud_lines(status))
        self.status_updated.emit(status)

    def _on_poller_poll_failed(self, error):
        self.badge.setText(verdict_name(Verdict.UNREACHABLE))
        self._paint_badge(_VERDICT_COLOURS[Verdict.UNREACHABLE])
        self.reason_label.setText(i18n.text(error))

    def _paint_badge(self, colour):
        self.badge.setStyleSheet("QLabel {{ background: {0}; color: white; border-radius: 10px; padding: 4px 12px;"
                                 " font-weight: bold; }}".format(colour))

    @staticmethod
    def _show_rows(form, box, rows):
        while form.rowCount():
            form.removeRow(0)
        for label, text in rows:
            value = QLabel(wrappable(text))
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            form.addRow(label + ":", value)
        box.setVisible(bool(rows))


# --------------------------------------------------------------------- history

def parse_history(text, limit=HISTORY_LINES):
    """The deploy history entries (dicts) in ``text`` (JSON lines), newest first; bad lines are skipped."""
    entries = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            entry = json.loads(line)
        except (ValueError, RecursionError):  # the history file is device output: bad lines are skipped
            continue
        if isinstance(entry, dict):
            entries.append(entry)
    entries.reverse()
    return entries[:limit]


def read_history(connection, lines=HISTORY_LINES):
    """The device's deploy history, newest first (runs in the pool)."""
    result = connection.run(commands.file_tail_command(layout.HISTORY, lines), timeout=20.0, check=False)
    return parse_history(result.stdout.decode("utf-8", "replace"))


class HistoryView(QWidget):
    """The device's deploy history (``history.jsonl``), newest first: when, outcome, project, source, message."""

    COLUMNS = 5

    def __init__(self, jobs, interval_ms=30000, parent=None):
        super().__init__(parent)
        self.entries = []
        self.poller = Poller(jobs, interval_ms, read_history, self)
        self.poller.polled.connect(self._on_poller_polled)
        self.poller.poll_failed.connect(self._on_poller_poll_failed)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("When"), self.tr("Outcome"), self.tr("Project"),
                                              self.tr("Source"), self.tr("Message")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.poller.poll_now)
        bar = QHBoxLayout()
        bar.addWidget(self.message_label, 1)
        bar.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def set_device(self, device, connection_for):
        """Show ``device``'s history (None: nothing)."""
        self.entries = []
        self.table.setRowCount(0)
        self.message_label.setText("")
        self.poller.set_target(device, connection_for)

    def refresh(self):
        """Read the history again now."""
        self.poller.poll_now()

    def _on_poller_polled(self, entries):
        self.entries = entries
        outcomes = {"deployed": self.tr("deployed"), "failed": self.tr("failed"), "cancelled": self.tr("cancelled")}
        self.table.setRowCount(len(entries))
        bold = QFont(self.table.font())
        bold.setBold(True)
        for row, entry in enumerate(entries):
            outcome = str(entry.get("outcome", ""))
            if entry.get("rolled_back"):
                outcome_text = self.tr("{0}, rolled back").format(outcomes.get(outcome, outcome))
            else:
                outcome_text = outcomes.get(outcome, outcome)
            project = str(entry.get("name") or entry.get("project") or "")
            if entry.get("version"):
                project = "{0} {1}".format(project, entry.get("version"))
            values = [str(entry.get("deployed_at", "")), outcome_text, project, str(entry.get("source", "")),
                      str(entry.get("message", ""))]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if column == 1:
                    item.setForeground(Qt.darkGreen if outcome == "deployed" else Qt.darkRed)
                    item.setFont(bold)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.Stretch)
        self.message_label.setText(self.tr("%n deploy(s), newest first.", None, len(entries)) if entries
                                   else self.tr("No deploys recorded on this device yet."))

    def _on_poller_poll_failed(self, error):
        self.message_label.setText(i18n.text(error))

    def outcome_texts(self):
        """The Outcome column, top to bottom."""
        return [self.table.item(row, 1).text() for row in range(self.table.rowCount())]
