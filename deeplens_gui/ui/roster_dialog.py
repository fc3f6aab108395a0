"""RosterDialog: edit a classroom roster in a table; import CSV and ssh config hosts; save atomically.

Reading and writing files is small (a roster of 40 lines) and happens only on the user's click, like a text
editor's save; the heavy work of the classroom (connections, streams) never runs here.
"""

import os

from PyQt5.QtCore import Qt, pyqtSignal
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from deeplens_gui.core.device import PROJECT_STREAM, Device, parse_target
from deeplens_gui.core.errors import DeepLensError
from deeplens_gui.core.roster import (
    Roster,
    format_target,
    import_csv,
    import_ssh_config,
    load_roster,
    save_roster,
)
from deeplens_gui.ui import i18n

#: Table columns: what the user edits for each device.
COLUMNS = ("name", "target", "identity", "label")


class RosterDialog(QDialog):
    """Edits a roster: one row per device (name, target, identity, label); ``roster_saved(Roster)`` on save.

    File choices go through ``choose_open``/``choose_save`` (classmethods tests can patch).
    """

    roster_saved = pyqtSignal(object)

    def __init__(self, roster=None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Classroom roster"))
        self._roster = roster or Roster()
        self._extras = {}
        self.path = self._roster.path
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([self.tr("Name"),
                                              self.tr("Target (user@host:port or ssh alias)"),
                                              self.tr("Key file"), self.tr("Label (student)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 140)
        self.table.setColumnWidth(1, 240)
        self.table.setColumnWidth(2, 180)

        self.add_button = QPushButton(self.tr("Add"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.csv_button = QPushButton(self.tr("Import CSV…"), self)
        self.ssh_button = QPushButton(self.tr("Import from ssh config"), self)
        self.open_button = QPushButton(self.tr("Open…"), self)
        tools = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.csv_button, self.ssh_button,
                       self.open_button):
            tools.addWidget(button)
        tools.addStretch(1)
        self.path_label = QLabel(self)
        self.path_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.report = QPlainTextEdit(self)
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(120)
        self.report.setPlaceholderText(self.tr("Import and save messages appear here."))
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Close, self)
        self.save_as_button = self.buttons.addButton(self.tr("Save as…"), QDialogButtonBox.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.path_label)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)
        self.resize(820, 520)

        self.add_button.clicked.connect(self._on_add_clicked)
        self.remove_button.clicked.connect(self.remove_selected)
        self.csv_button.clicked.connect(self._on_csv_clicked)
        self.ssh_button.clicked.connect(self._on_ssh_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.buttons.button(QDialogButtonBox.Save).clicked.connect(lambda: self.save())
        self.save_as_button.clicked.connect(self._on_save_as_clicked)
        self.buttons.rejected.connect(self.reject)
        self._show_roster(self._roster)

    # ----------------------------------------------------------------- file choices (patchable)
    @classmethod
    def choose_open(cls, parent, title, file_filter, start=""):
        """A file to read, or "" when the user cancelled."""
        path, _filter = QFileDialog.getOpenFileName(parent, title, start, file_filter)
        return path

    @classmethod
    def choose_save(cls, parent, title, file_filter, start=""):
        """A file to write, or "" when the user cancelled."""
        path, _filter = QFileDialog.getSaveFileName(parent, title, start, file_filter)
        return path

    # ----------------------------------------------------------------- rows
    def _show_roster(self, roster):
        self._roster = roster
        self.path = roster.path
        self._extras = {}
        self.table.setRowCount(0)
        for device in roster.devices:
            self.add_device(device)
        self._update_path_label()

    def _update_path_label(self):
        self.path_label.setText(self.path or self.tr("Not saved yet"))

    def add_device(self, device=None):
        """Append a row (``device``'s values, or empty for the user to fill). Returns its row number."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        values = ("", "", "", "")
        if device is not None:
            values = (device.name, format_target(device), device.identity or "", device.label or "")
            self._extras[device.name] = device
        for column, value in enumerate(values):
            self.table.setItem(row, column, QTableWidgetItem(str(value)))
        return row

    def remove_selected(self):
        """Remove the selected rows."""
        for row in sorted({index.row() for index in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def names(self):
        """The names in the table, in order (empty ones included)."""
        return [self._cell(row, 0) for row in range(self.table.rowCount())]

    def _cell(self, row, column):
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _on_add_clicked(self):
        row = self.add_device()
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))

    # ----------------------------------------------------------------- building the roster
    def roster(self):
        """The Roster the table describes. Raises ValueError with one line per problem row."""
        devices, problems, seen = [], [], {}
        for row in range(self.table.rowCount()):
            name, target, identity, label = (self._cell(row, column) for column in range(len(COLUMNS)))
            if not any((name, target, identity, label)):
                continue
            where = self.tr("Row {0}").format(row + 1)
            if not name:
                problems.append(self.tr("{0}: the name is empty.").format(where))
                continue
            if name in seen:
                problems.append(self.tr("{0}: the name {1!r} is already used on row {2}.").format(
                    where, name, seen[name]))
                continue
            try:
                parsed = parse_target(target)
            except DeepLensError as error:
                problems.append("{0}: {1}".format(where, error))
                continue
            seen[name] = row + 1
            old = self._extras.get(name)
            stream_path = old.stream_path if old is not None else PROJECT_STREAM
            devices.append(Device(name=name, host=parsed.host, user=parsed.user, port=parsed.port,
                                  identity=os.path.expanduser(identity) if identity else None,
                                  stream_path=stream_path, label=label,
                                  group_id=old.group_id if old is not None else None,
                                  region=old.region if old is not None else None))
        if problems:
            raise ValueError("\n".join(problems))
        return Roster(devices=tuple(devices), known_hosts=self._roster.known_hosts, path=self.path)

    # ----------------------------------------------------------------- imports
    def import_csv_file(self, path):
        """Add the good rows of a CSV file; report the bad ones (and names already in the table).

        Returns (devices added, error lines).
        """
        try:
            devices, row_errors = import_csv(path)
        except DeepLensError as error:
            self.report.setPlainText(i18n.text(error))
            return [], [i18n.text(error)]
        return self._import(devices, [i18n.text(error) for error in row_errors],
                            self.tr("from {0}").format(os.path.basename(str(path))))

    def import_ssh_config_file(self, path=None):
        """Add every concrete Host alias of ``path`` (default ``~/.ssh/config``). Returns (added, errors)."""
        try:
            devices = import_ssh_config(path)
        except DeepLensError as error:
            self.report.setPlainText(i18n.text(error))
            return [], [i18n.text(error)]
        return self._import(devices, [], self.tr("from the ssh config"))

    def _import(self, devices, errors, origin):
        existing = set(self.names())
        added = []
        errors = list(errors)
        for device in devices:
            if device.name in existing:
                errors.append(self.tr("{0!r} is already in the roster; not imported again.").format(
                    device.name))
                continue
            existing.add(device.name)
            self.add_device(device)
            added.append(device)
        lines = [self.tr("Imported %n device(s) {0}.", None, len(added)).format(origin)]
        if errors:
            lines.append(self.tr("%n row(s) were not imported:", None, len(errors)))
            lines.extend(errors)
        self.report.setPlainText("\n".join(lines))
        return added, errors

    def _on_csv_clicked(self):
        path = self.choose_open(self, self.tr("Import devices from CSV"),
                                self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_csv_file(path)

    def _on_ssh_clicked(self):
        self.import_ssh_config_file()

    # ----------------------------------------------------------------- files
    def load(self, path):
        """Show the roster in ``path``. False (and the reason in the report) when it cannot be read."""
        try:
            roster = load_roster(path)
        except DeepLensError as error:
            self.report.setPlainText(i18n.text(error))
            return False
        self._show_roster(roster)
        opened = self.tr("Opened {0} (%n device(s)).", None, len(roster.devices))
        self.report.setPlainText(opened.format(path))
        return True

    def _on_open_clicked(self):
        path = self.choose_open(self, self.tr("Open a roster"), self.tr("Rosters (*.toml);;All files (*)"),
                                self.path or "")
        if path:
            self.load(path)

    def save(self, path=None):
        """Save the table (atomically) to ``path``, the roster's own file, or a file the user picks.

        Returns the saved Roster, or None when nothing was saved (the reason is in the report).
        """
        try:
            roster = self.roster()
        except ValueError as problems:
            self.report.setPlainText(self.tr("Not saved:") + "\n" + str(problems))
            return None
        path = path or self.path
        if not path:
            path = self.choose_save(self, self.tr("Save the roster"), self.tr("Rosters (*.toml)"),
                                    "classroom.toml")
            if not path:
                return None
            if not path.lower().endswith(".toml"):
                path += ".toml"
        try:
            saved = save_roster(roster, path)
        except DeepLensError as error:
            self.report.setPlainText(self.tr("Not saved: {0}").format(error))
            return None
        self._roster = saved
        self.path = saved.path
        self._extras = {device.name: device for device in saved.devices}
        self._update_path_label()
        self.report.setPlainText(self.tr("Saved %n device(s) to {0}.", None, len(saved.devices)).format(
            saved.path))
        self.roster_saved.emit(saved)
        return saved

    def _on_save_as_clicked(self):
        path = self.choose_save(self, self.tr("Save the roster as"), self.tr("Rosters (*.toml)"),
                                self.path or "classroom.toml")
        if path:
            if not path.lower().endswith(".toml"):
                path += ".toml"
            self.save(path)
