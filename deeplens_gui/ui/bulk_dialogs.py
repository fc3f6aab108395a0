"""The classroom's bulk-action dialogs: which project to deploy, confirming a reboot, and the progress of a
deploy to many devices with its summary and Retry."""

from PyQt5.QtCore import Qt, pyqtSlot
from PyQt5.QtGui import QColor
from PyQt5.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from deeplens_gui.ui import i18n
from deeplens_gui.ui.deploy_dialog import WARNING, DeployWindow, StepListView, confirm, result_state


class ProjectDialog:
    """Asks which project to deploy (a bundled one, a folder or ``lambda:NAME[:VERSION]``)."""

    CHOICES = ("mask", "face")

    @classmethod
    def ask(cls, parent, count):
        """The project the user chose, or None."""
        text, ok = QInputDialog.getItem(
            parent, parent.tr("Deploy a project"),
            parent.tr("Project to deploy to %n device(s): mask or face (bundled), a project folder, or "
                      "lambda:NAME[:VERSION]", None, count), list(cls.CHOICES), 0, True)
        return text.strip() if ok and text.strip() else None


class RebootDialog:
    """Asks before rebooting devices; lists them. "No" is the default."""

    @classmethod
    def ask(cls, parent, names):
        """True when the user confirms rebooting ``names``."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Warning)
        box.setWindowTitle(parent.tr("Reboot devices"))
        box.setText(parent.tr("Reboot %n device(s)? Their projects stop until they are back (about a "
                              "minute).", None, len(names)))
        box.setDetailedText("\n".join(names))
        box.setInformativeText(", ".join(names[:12]) + (" …" if len(names) > 12 else ""))
        return confirm(box, parent.tr("Reboot"), QMessageBox.DestructiveRole, parent.tr("Cancel"))


class BulkDeployDialog(DeployWindow):
    """Progress of a deploy to many devices, then a summary of failures with Retry.

    One compact row per device (the step it is at and that step's state, its progress, the latest message)
    and, for the selected row, that device's steps in full: both are rendered by the device's StepListView,
    the same widget as the single-device deploy dialog. Closing and hiding work as in every DeployWindow;
    ``parent`` only places the window.
    """

    COLUMNS = 4

    def __init__(self, fleet, spec, names, parent=None):
        super().__init__(parent)
        self.fleet = fleet
        self.spec = spec
        self.setWindowTitle(self.tr("Deploying {0}").format(spec))
        self._rows = {}
        self._views = {}
        self._batch = ()
        self.results = ()
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("Device"), self.tr("Step"), self.tr("Progress"),
                                              self.tr("Message")])
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.currentCellChanged.connect(self._on_table_current_cell_changed)
        self.details_label = QLabel(self)
        self.details = QStackedWidget(self)
        details_area = QScrollArea(self)
        details_area.setWidgetResizable(True)
        details_area.setWidget(self.details)
        details = QWidget(self)
        details_layout = QVBoxLayout(details)
        details_layout.setContentsMargins(0, 0, 0, 0)
        details_layout.addWidget(self.details_label)
        details_layout.addWidget(details_area, 1)
        splitter = QSplitter(Qt.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.summary = QPlainTextEdit(self)
        self.summary.setReadOnly(True)
        self.summary.setMaximumHeight(110)
        self.summary.setPlaceholderText(self.tr("The summary appears when every device is done."))
        self.rollback_box = QCheckBox(self.tr("Roll projects back that report errors"), self)
        self.rollback_box.setToolTip(self.tr("Otherwise they are kept: the error may be fixed on the "
                                             "camera."))
        self.rollback_box.toggled.connect(self.fleet.set_rollback_on_errors)
        buttons = QDialogButtonBox(self)
        self.retry_button = buttons.addButton(self.tr("Retry failed"), QDialogButtonBox.ActionRole)
        self.cancel_button = buttons.addButton(self.tr("Cancel deploy"), QDialogButtonBox.RejectRole)
        self.close_button = buttons.addButton(QDialogButtonBox.Close)
        self.retry_button.setEnabled(False)
        self.retry_button.clicked.connect(self.retry_failed)
        self.cancel_button.clicked.connect(self.fleet.cancel_deploy)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.rollback_box)
        layout.addWidget(buttons)
        self.resize(860, 620)
        fleet.deploy_started.connect(self._on_fleet_deploy_started)
        fleet.deploy_event.connect(self._on_fleet_deploy_event)
        fleet.deploy_finished.connect(self._on_fleet_deploy_finished)
        self._start(names)
        if self.table.rowCount():
            self.table.selectRow(0)

    def _start(self, names):
        self._batch = tuple(names)
        for name in names:
            row = self._rows.get(name)
            if row is None:
                row = self.table.rowCount()
                self.table.insertRow(row)
                self._rows[name] = row
                self.table.setItem(row, 0, QTableWidgetItem(name))
                self.table.setItem(row, 1, QTableWidgetItem())
                self.table.setItem(row, 3, QTableWidgetItem())
                bar = QProgressBar(self.table)
                bar.setRange(0, 100)
                self.table.setCellWidget(row, 2, bar)
                view = StepListView(self.details)
                self._views[name] = view
                self.details.addWidget(view)
            self._views[name].set_steps(())
            self.table.item(row, 3).setText("")
            self._show_row(name)
        self.retry_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.summary.clear()
        self.fleet.deploy(self.spec, names)
        self.fleet.set_rollback_on_errors(self.rollback_box.isChecked())

    def deploy_running(self):
        """True while the fleet's deploy runs (DeployWindow)."""
        return self.fleet.deploying()

    def retry_failed(self):
        """Deploy again to the devices that failed."""
        failed = [result.device_name for result in self.results if not result.ok]
        if failed and not self.fleet.deploying():
            self._start(failed)

    def steps_view(self, name):
        """The StepListView with every step of ``name``'s deploy."""
        return self._views[name]

    def show_device(self, name):
        """Show ``name``'s steps in the details pane (selects its row)."""
        self.table.selectRow(self._rows[name])

    def shown_device(self):
        """The device whose steps the details pane shows (None before any)."""
        view = self.details.currentWidget()
        return next((name for name, shown in self._views.items() if shown is view), None)

    def progress(self, name):
        """The progress bar value (0..100) of ``name``."""
        return self.table.cellWidget(self._rows[name], 2).value()

    def step_text(self, name):
        """The compact step-and-state line of ``name``."""
        return self.table.item(self._rows[name], 1).text()

    def message(self, name):
        """The last message shown for ``name``."""
        return self.table.item(self._rows[name], 3).text()

    def _show_row(self, name, text=None, colour=None):
        row = self._rows[name]
        view = self._views[name]
        if text is None:
            text, colour = view.headline()
        item = self.table.item(row, 1)
        item.setText(text)
        item.setForeground(QColor(colour))
        self.table.cellWidget(row, 2).setValue(int(100 * view.fraction()))

    def _on_table_current_cell_changed(self, row, _column, _previous_row, _previous_column):
        name = next((name for name, index in self._rows.items() if index == row), None)
        if name is None:
            return
        self.details.setCurrentWidget(self._views[name])
        self.details_label.setText(self.tr("Steps on {0}:").format(name))

    @pyqtSlot(object)
    def _on_fleet_deploy_started(self, steps):
        for name in self._batch:
            self._views[name].set_steps(steps)
            self._show_row(name)

    @pyqtSlot(object)
    def _on_fleet_deploy_event(self, event):
        view = self._views.get(event.device_name)
        if view is None or event.device_name not in self._batch:
            return
        view.apply(event)
        if event.message:
            self.table.item(self._rows[event.device_name], 3).setText(i18n.text(event.message))
        self._show_row(event.device_name)

    @pyqtSlot(object)
    def _on_fleet_deploy_finished(self, results):
        previous = {result.device_name: result for result in self.results}
        previous.update({result.device_name: result for result in results})
        self.results = tuple(previous[name] for name in self._rows if name in previous)
        for result in results:
            view = self._views.get(result.device_name)
            if view is None:
                continue
            view.finish(result)
            state = result_state(result)
            glyph, colour = StepListView.glyph(state)
            self._show_row(result.device_name, "{0} {1}".format(glyph, view.state_names()[state]), colour)
            self.table.item(self._rows[result.device_name], 3).setText(i18n.text(result.message))
            if result.ok:
                self.table.cellWidget(self._rows[result.device_name], 2).setValue(100)
        failed = [result for result in self.results if not result.ok]
        troubled = [result for result in self.results if result_state(result) == WARNING]
        ok = len(self.results) - len(failed)
        if troubled:
            lines = [self.tr("{0} of %n device(s) deployed ({1} with problems); {2} failed.", None,
                             len(self.results)).format(ok, len(troubled), len(failed))]
        else:
            lines = [self.tr("{0} of %n device(s) deployed; {1} failed.", None, len(self.results)).format(
                ok, len(failed))]
        lines += ["{0}: {1}".format(result.device_name, i18n.text(result.message))
                  for result in failed + troubled]
        self.summary.setPlainText("\n".join(lines))
        self.retry_button.setEnabled(bool(failed))
        self.cancel_button.setEnabled(False)
        self.deploy_finished.emit(results)
