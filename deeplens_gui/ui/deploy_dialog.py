"""Deploying a project to one device: the progress dialog and the Lambda version question.

The DeployDialog resolves the project and runs the deploy on a private bounded pool (a JobRunner). The
backend's DeployEvents arrive in that worker thread and cross to the GUI thread as values through a signal;
the dialog lists every step with its state, shows the upload's progress and the elapsed time, cancels through
the deploy's CancelToken and ends with the sentence saying what runs on the device now (a warning when the
project streams but reports errors).

Both deploy windows (this one and the classroom's) are DeployWindows: their own top-level windows, not
transient over the main window, so they never float over full-screen video.
"""

import re
import time

from PyQt5.QtCore import Qt, QTimer, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QFont
from PyQt5.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from deeplens_gui.core.deploy.service import (
    CANCELLED,
    DONE,
    FAILED,
    ROLLED_BACK,
    RUNNING,
    SKIPPED,
    CancelToken,
    DeployResult,
)
from deeplens_gui.ui import i18n
from deeplens_gui.ui.recording import format_elapsed
from deeplens_gui.ui.text_fit import ElidedLabel

#: how a deploy that worked but whose project reports errors ends (a whole result's state, never a step's)
WARNING = "warning"

#: state -> (glyph, colour) of a step's icon; "pending" is a step that has not started
_GLYPHS = {
    WARNING: ("⚠", "#e65100"),
    "pending": ("○", "#9e9e9e"),
    RUNNING: ("◔", "#1e88e5"),
    DONE: ("✔", "#2e7d32"),
    FAILED: ("✘", "#c62828"),
    SKIPPED: ("–", "#757575"),
    CANCELLED: ("⊘", "#ef6c00"),
    ROLLED_BACK: ("↺", "#ef6c00"),
}


def result_state(result):
    """The state a whole DeployResult ends in: done, warning (deployed, but the project reports errors),
    cancelled (its CancelToken stopped it) or failed."""
    if result.ok:
        return WARNING if result.problem is not None else DONE
    return CANCELLED if result.cancelled else FAILED


def confirm(box, yes_text, yes_role, no_text):
    """Ask with ``box`` (a QMessageBox with its texts set) whose answers are ``yes_text`` and ``no_text``;
    "no" is the default and what Esc answers. True when the user chose "yes"."""
    yes = box.addButton(yes_text, yes_role)
    no = box.addButton(no_text, QMessageBox.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec_()
    return box.clickedButton() is yes


class HideDeployQuestion:
    """Asks before hiding a deploy window whose deploy still runs. "Keep it open" is the default."""

    @classmethod
    def ask(cls, parent):
        """True when the user wants the window hidden (the deploy goes on)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Question)
        box.setWindowTitle(parent.tr("Hide the deploy window?"))
        box.setText(parent.tr("The deploy goes on in the background. A \"Deploying…\" button shows it again."))
        return confirm(box, parent.tr("Hide"), QMessageBox.AcceptRole, parent.tr("Keep it open"))


class DeployWindow(QDialog):
    """A deploy's progress window: not modal and its own top-level window (no transient parent, so the window
    manager never keeps it above full-screen video). Its Close button, Esc and the window manager's close all
    go through ``reject()``: once the deploy ended they close it; while it runs they ask first and the deploy
    goes on (``hidden_while_running`` tells the owner to show an indicator that brings it back).

    ``owner`` (a widget or None) only places the window over it. It never keeps the application running
    after the main window closed. Subclasses implement ``deploy_running()`` and emit ``deploy_finished``.
    """

    hidden_while_running = pyqtSignal()
    deploy_finished = pyqtSignal(object)

    def __init__(self, owner=None):
        super().__init__(None, Qt.Window)
        self.setModal(False)
        self.setAttribute(Qt.WA_QuitOnClose, False)
        self._owner = owner

    def deploy_running(self):
        """True while the window's deploy runs."""
        raise NotImplementedError

    def bring_back(self):
        """Show the window again, in front."""
        self.show()
        self.raise_()
        self.activateWindow()

    def showEvent(self, event):
        super().showEvent(event)
        if self._owner is not None and not event.spontaneous():
            frame = self.frameGeometry()
            frame.moveCenter(self._owner.window().frameGeometry().center())
            self.move(frame.topLeft())

    def reject(self):
        if self.deploy_running():
            if not HideDeployQuestion.ask(self):
                return
            super().reject()
            self.hidden_while_running.emit()
            return
        super().reject()


class StepListView(QWidget):
    """The steps of a deploy, one row each: state icon, title, state word, progress and latest message.

    The one place deploy steps and states are rendered: the single-device dialog shows it whole; the classroom
    dialog shows one per device (its details pane) and a compact line of it per device (``headline``).
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(1, 1)
        self._rows = {}
        self._order = []
        self._current = None
        self._partial = 0.0

    @staticmethod
    def glyph(state):
        """``(glyph, colour)`` of a state ("pending": a step that has not started)."""
        return _GLYPHS.get(state, ("•", "#616161"))

    def state_names(self):
        """The words shown for each state (translatable)."""
        return {
            "pending": self.tr("waiting"),
            RUNNING: self.tr("running"),
            DONE: self.tr("done"),
            FAILED: self.tr("failed"),
            SKIPPED: self.tr("skipped"),
            CANCELLED: self.tr("cancelled"),
            ROLLED_BACK: self.tr("rolled back"),
            WARNING: self.tr("deployed with problems"),
        }

    def set_steps(self, steps):
        """Show ``steps`` ((key, title) pairs, or DeployStep values), all waiting."""
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._rows.clear()
        self._order = []
        self._current = None
        self._partial = 0.0
        bold = QFont(self.font())
        bold.setBold(True)
        for index, step in enumerate(steps):
            key, title = (step.key, step.title) if hasattr(step, "key") else step
            icon = QLabel(self)
            icon.setFixedWidth(22)
            icon.setAlignment(Qt.AlignCenter)
            title_label = QLabel(i18n.text(title), self)
            title_label.setFont(bold)
            state = QLabel(self)
            state.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
            bar = QProgressBar(self)
            bar.setRange(0, 100)
            bar.setMaximumWidth(120)
            bar.setMaximumHeight(14)
            bar.setTextVisible(False)
            bar.setVisible(False)
            message = ElidedLabel(self)  # one line per step; the whole message is its tooltip
            message.setStyleSheet("color: #555555;")
            message.setMinimumWidth(420)
            row = index * 2
            self._grid.addWidget(icon, row, 0)
            self._grid.addWidget(title_label, row, 1)
            self._grid.addWidget(bar, row, 2)
            self._grid.addWidget(state, row, 3)
            self._grid.addWidget(message, row + 1, 1, 1, 3)
            self._rows[key] = {"icon": icon, "title": title_label, "state": state, "bar": bar,
                               "message": message, "value": "pending"}
            self._order.append(key)
            self._show_state(key, "pending")
        self._grid.setRowStretch(len(self._order) * 2, 1)

    def keys(self):
        """The step keys, in order."""
        return list(self._order)

    def apply(self, event):
        """Show a DeployEvent of this device (unknown steps are ignored)."""
        row = self._rows.get(event.step)
        if row is None:
            return
        self._current = event.step
        running = event.state == RUNNING and event.progress is not None
        self._partial = max(0.0, min(1.0, event.progress)) if running else 0.0
        self._show_state(event.step, event.state)
        if event.message:
            row["message"].setText(i18n.text(event.message))
        bar = row["bar"]
        if event.state == RUNNING and event.progress is not None:
            bar.setValue(round(100 * max(0.0, min(1.0, event.progress))))
            bar.setVisible(True)
        else:
            bar.setVisible(False)

    def finish_pending(self, state):
        """Give steps that never ended ``state`` (a deploy that stopped before reaching them)."""
        for key in self._order:
            if self._rows[key]["value"] in ("pending", RUNNING):
                self._show_state(key, state)
                self._rows[key]["bar"].setVisible(False)
        self._partial = 0.0

    def finish(self, result):
        """Show how a deploy ended: each step's final event, and "skipped" for steps it never reached."""
        current = self._current
        for event in result.steps:
            self.apply(event)
        self.finish_pending(SKIPPED)
        # The headline names where the deploy ended: the step that failed or was cancelled, else the last one
        # done.
        stopped = [key for key in self._order if self.state(key) in (FAILED, CANCELLED)]
        done = [key for key in self._order if self.state(key) == DONE]
        self._current = stopped[0] if stopped else (done[-1] if done else current)

    def _show_state(self, key, state):
        row = self._rows[key]
        row["value"] = state
        glyph, colour = self.glyph(state)
        row["icon"].setText('<span style="color:{0}; font-size:15px">{1}</span>'.format(colour, glyph))
        row["state"].setText(self.state_names().get(state, state))
        row["state"].setStyleSheet("color: {0};".format(colour))

    def state(self, key):
        """The state shown for ``key`` ("pending" before it started)."""
        return self._rows[key]["value"]

    def message(self, key):
        """The latest message shown for ``key``."""
        return self._rows[key]["message"].text()

    def progress(self, key):
        """The progress bar value of ``key`` (0..100)."""
        return self._rows[key]["bar"].value()

    def done_count(self):
        """How many steps ended (any final state)."""
        return sum(1 for key in self._order if self._rows[key]["value"] not in ("pending", RUNNING))

    def fraction(self):
        """How far the deploy got, 0..1: the ended steps plus the running step's own progress."""
        if not self._order:
            return 0.0
        partial = self._partial if self._current is not None and self.state(self._current) == RUNNING else 0.0
        return min(1.0, (self.done_count() + partial) / len(self._order))

    def current(self):
        """The key of the step the deploy is at (the last one reported), or None before any event."""
        return self._current

    def headline(self):
        """``(text, colour)``: the current step as one line ("◔ Upload: running"), for a compact row."""
        key = self._current
        if key is None:
            glyph, colour = self.glyph("pending")
            return "{0} {1}".format(glyph, self.state_names()["pending"]), colour
        state = self.state(key)
        glyph, colour = self.glyph(state)
        return "{0} {1}: {2}".format(glyph, self._rows[key]["title"].text(),
                                     self.state_names().get(state, state)), colour


class DeployIndicator(QPushButton):
    """A "Deploying…" button shown while a DeployWindow is hidden; a click brings the window back. When the
    hidden window's deploy ends, the button says so (its result may be a warning worth reading)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setVisible(False)
        self.setStyleSheet("QPushButton { color: #1e88e5; font-weight: bold; }")
        self._window = None
        self.clicked.connect(self._on_clicked)

    def watch(self, window):
        """Follow ``window`` (a DeployWindow) from now on, instead of the previous one."""
        if self._window is not None:
            self._window.hidden_while_running.disconnect(self._on_window_hidden)
            self._window.deploy_finished.disconnect(self._on_window_deploy_finished)
        self._window = window
        window.hidden_while_running.connect(self._on_window_hidden)
        window.deploy_finished.connect(self._on_window_deploy_finished)
        self.setVisible(False)

    def _on_window_hidden(self):
        self.setText(self.tr("Deploying… (show)"))
        self.setToolTip(self.tr("The deploy goes on; click to show its window."))
        self.setVisible(True)

    def _on_window_deploy_finished(self, results):
        if self._window is None or self._window.isVisible():
            return
        # one DeployResult (a single device) or a tuple of them (a classroom): the worst outcome shows
        results = results if isinstance(results, tuple) else (results,)
        states = {result_state(result) for result in results}
        worst = next((state for state in (FAILED, CANCELLED, WARNING) if state in states), DONE)
        glyph, _colour = StepListView.glyph(worst)
        self.setText(self.tr("{0} Deploy ended (show)").format(glyph))
        self.setToolTip("\n".join(i18n.text(result.message) for result in results))
        self.setVisible(True)

    def _on_clicked(self):
        self.setVisible(False)
        if self._window is not None:
            self._window.bring_back()


class DeployDialog(DeployWindow):
    """Progress of deploying ``spec`` to one device; not modal, so the video stays usable.

    ``jobs`` is the private JobRunner; ``connection_for(device)`` gives the device's shared connection;
    ``service`` a DeployService; ``resolver(spec)`` a ProjectSource (both run in the pool). ``title`` names
    the project for people ("mask detection"); ``parent`` only places the window (see DeployWindow). The
    "roll back if the project reports errors" box is the user's choice for a project that streams but reports
    errors (kept by default). Emits ``deploy_finished(DeployResult)``.
    """

    _event_received = pyqtSignal(object)

    def __init__(self, jobs, connection_for, service, resolver, device, spec, title=None, via=None, parent=None):
        super().__init__(parent)
        self._jobs = jobs
        self._connection_for = connection_for
        self._service = service
        self._resolver = resolver
        self.device = device
        self.spec = spec
        self.via = via
        self.result = None
        self.cancel_token = CancelToken()
        self._source = None
        self._started_at = None
        self._ended_at = None
        self._running = False
        what = self._what = title or spec
        self.setWindowTitle(self.tr("Deploying {0} to {1}").format(what, device.name))
        self.setMinimumWidth(680)

        self.heading = QLabel(self.tr("Deploying {0} to {1}.").format(what, device.display), self)
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.heading.setWordWrap(True)
        self.steps_view = StepListView(self)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.elapsed_label = QLabel(self)
        self.elapsed_label.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.elapsed_label.setMinimumWidth(110)
        self.final_label = QLabel(self.tr("Preparing the project…"), self)
        self.final_label.setWordWrap(True)
        self.final_label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.rollback_box = QCheckBox(self.tr("Roll the project back if it reports errors"), self)
        self.rollback_box.setToolTip(self.tr("Otherwise it is kept: the error may be fixed on the camera."))
        self.rollback_box.toggled.connect(self._on_rollback_box_toggled)
        buttons = QDialogButtonBox(self)
        self.cancel_button = buttons.addButton(self.tr("Cancel deploy"), QDialogButtonBox.RejectRole)
        self.close_button = buttons.addButton(QDialogButtonBox.Close)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)

        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress_bar, 1)
        progress_row.addWidget(self.elapsed_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addSpacing(6)
        layout.addWidget(self.steps_view, 1)
        layout.addSpacing(6)
        layout.addLayout(progress_row)
        layout.addWidget(self.final_label)
        layout.addWidget(self.rollback_box)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._show_elapsed)
        self._event_received.connect(self._on_event_received)

    # ----------------------------------------------------------------- public
    def start(self):
        """Resolve the project, then deploy it (both on the pool)."""
        self._running = True
        self._started_at = time.monotonic()
        self._timer.start()
        self._show_elapsed()
        self._jobs.submit(self._resolver, self.spec, on_done=self._on_source_resolved,
                          on_error=self._on_source_failed)

    def is_running(self):
        """True until the deploy ended."""
        return self._running

    def deploy_running(self):
        """True until the deploy ended (DeployWindow)."""
        return self._running

    def elapsed(self):
        """Seconds the deploy has taken (so far)."""
        if self._started_at is None:
            return 0.0
        return (self._ended_at or time.monotonic()) - self._started_at

    def cancel(self):
        """Ask the deploy to stop; the device gets back what ran before."""
        if not self._running:
            return
        self.cancel_token.cancel()
        self.cancel_button.setEnabled(False)
        self.final_label.setText(self.tr("Cancelling: the device gets back what ran before…"))

    def final_text(self):
        """The sentence shown at the bottom."""
        return self.final_label.text()

    def _on_rollback_box_toggled(self, checked):
        self.cancel_token.rollback_on_errors = checked

    # ----------------------------------------------------------------- pool callbacks (GUI thread)
    def _on_source_resolved(self, source):
        self._source = source
        if self.cancel_token.cancelled:
            self._finish(DeployResult(self.device.name, False, self.tr(
                "Cancelled the deploy to {0} before it started; nothing changed.").format(self.device.name),
                cancelled=True))
            return
        steps = self._service.steps(source, self.via)
        self.steps_view.set_steps(steps)
        self.final_label.setText(self.tr("Deploying {0} ({1})…").format(source.name, source.label))
        self.adjustSize()
        self._jobs.submit(self._deploy_job, source, on_done=self._finish, on_error=self._on_deploy_error)

    def _on_source_failed(self, error):
        self._finish(DeployResult(self.device.name, False, self.tr("Nothing changed on {0}: {1}").format(
            self.device.name, i18n.text(error))))

    def _deploy_job(self, source):
        # A worker thread: only the thread-safe connection, values and a signal emit are used here.
        connection = self._connection_for(self.device)
        return self._service.deploy(connection, source, via=self.via, on_event=self._event_received.emit,
                                    cancel=self.cancel_token)

    def _on_deploy_error(self, error):
        self._finish(DeployResult(self.device.name, False, self.tr("The deploy to {0} stopped: {1}").format(
            self.device.name, i18n.text(error))))

    @pyqtSlot(object)
    def _on_event_received(self, event):
        self.steps_view.apply(event)
        self.progress_bar.setValue(int(100 * self.steps_view.fraction()))

    def _finish(self, result):
        if not self._running:
            return
        if self._deploy_again_with_sudo_password(result):
            return
        self._running = False
        self._ended_at = time.monotonic()
        self._timer.stop()
        self._show_elapsed()
        self.result = result
        self.steps_view.finish(result)
        if result.ok:
            self.progress_bar.setValue(100)
        self.final_label.setText(i18n.text(result.message))
        # A finished window says how it ended in its heading and title too, not "Deploying…" for good.
        state = result_state(result)
        self.heading.setText(self._ending(state, self.device.display) + ".")
        self.setWindowTitle(self._ending(state, self.device.name))
        _glyph, colour = StepListView.glyph(result_state(result))
        self.final_label.setStyleSheet("color: {0}; font-weight: bold;".format(colour))
        self.cancel_button.setEnabled(False)
        self.rollback_box.setEnabled(False)
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.adjustSize()
        self.deploy_finished.emit(result)

    def _ending(self, state, device):
        what = self._what
        if state == DONE:
            return self.tr("Deployed {0} to {1}").format(what, device)
        if state == WARNING:
            return self.tr("Deployed {0} to {1}, but it reports errors").format(what, device)
        if state == CANCELLED:
            return self.tr("Deploy of {0} to {1} cancelled").format(what, device)
        return self.tr("Could not deploy {0} to {1}").format(what, device)

    def _deploy_again_with_sudo_password(self, result):
        """When sudo on the camera wants the login's password (nothing changed there), ask for it and deploy
        again with it; True when the deploy runs again."""
        backend = getattr(self._service, "backends", {}).get(self.via or getattr(self._service, "default", None))
        provider = getattr(backend, "sudo_passwords", None)
        if result.error_kind != "sudo-password" or provider is None or self._source is None \
                or self.cancel_token.cancelled:
            return False
        password = SudoPasswordDialog.ask(self, self.device, i18n.text(result.message))
        if not password:
            return False
        provider.offer(self.device, password)
        self.steps_view.set_steps(self._service.steps(self._source, self.via))
        self.final_label.setText(self.tr("Deploying {0} again with the sudo password…").format(self._source.name))
        self._jobs.submit(self._deploy_job, self._source, on_done=self._finish, on_error=self._on_deploy_error)
        return True

    def _show_elapsed(self):
        self.elapsed_label.setText(self.tr("Elapsed {0}").format(format_elapsed(self.elapsed())))


class SudoPasswordDialog(QDialog):
    """Asks for the camera login's sudo password (a DeepLens's sudo asks for aws_cam's password before the
    deploy may stop Greengrass). The answer goes to the deploy only; the core keeps it in the keyring once
    sudo accepted it."""

    def __init__(self, parent, device, reason):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sudo password of {0}").format(device.name))
        intro = QLabel(reason + "\n\n" + self.tr(
            "Type the password {0} logs in with on the camera. DeepLens Console keeps it in the system keyring "
            "once the camera accepted it.").format(device.user), self)
        intro.setWordWrap(True)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Deploy again"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    @classmethod
    def ask(cls, parent, device, reason):
        """The password the user typed for ``device`` (``reason`` says why it is needed), None when cancelled."""
        dialog = cls(parent, device, reason)
        if dialog.exec_() != QDialog.Accepted:
            return None
        return dialog.password_edit.text() or None


_NAME_RE = re.compile(r"^[A-Za-z0-9_:.-]{1,140}$")


class LambdaVersionDialog(QDialog):
    """Asks for a Lambda function NAME (or ARN) and an optional published VERSION."""

    def __init__(self, parent=None, name="", version=""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Deploy a Lambda version"))
        intro = QLabel(self.tr("Deploy a published version of an AWS Lambda function to the device. Leave the "
                               "version empty for the newest published version."), self)
        intro.setWordWrap(True)
        self.name_edit = QLineEdit(name, self)
        self.name_edit.setPlaceholderText(self.tr("deeplens-mask-detection"))
        self.version_edit = QLineEdit(version, self)
        self.version_edit.setPlaceholderText(self.tr("newest"))
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Function name:"), self.name_edit)
        form.addRow(self.tr("Version:"), self.version_edit)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Deploy"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self._validate)
        self.version_edit.textChanged.connect(self._validate)
        self._validate()

    def problem(self):
        """A sentence saying what is wrong with the input, or None when it can be deployed."""
        name = self.name_edit.text().strip()
        version = self.version_edit.text().strip()
        if not name:
            return self.tr("Enter the Lambda function's name.")
        if not _NAME_RE.match(name):
            return self.tr("A Lambda function name has only letters, digits, '-', '_' (or is an ARN).")
        if version and not version.isdigit():
            return self.tr("The version is a number such as 3 (leave it empty for the newest).")
        return None

    def spec(self):
        """``lambda:NAME`` or ``lambda:NAME:VERSION`` (what resolve_source understands)."""
        name = self.name_edit.text().strip()
        version = self.version_edit.text().strip()
        return "lambda:{0}:{1}".format(name, version) if version else "lambda:{0}".format(name)

    def _validate(self):
        problem = self.problem()
        has_text = bool(self.name_edit.text().strip() or self.version_edit.text().strip())
        self.error_label.setText(problem if problem and has_text else "")
        self.buttons.button(QDialogButtonBox.Ok).setEnabled(problem is None)

    def _on_buttons_accepted(self):
        if self.problem() is None:
            self.accept()

    @classmethod
    def ask(cls, parent):
        """The source spec the user entered, or None (tests patch this)."""
        dialog = cls(parent)
        return dialog.spec() if dialog.exec_() == QDialog.Accepted else None
