"""Composition root of the GUI: the QApplication, the excepthook, the one job runner and connection pool, the
main window and (``--demo``) the virtual classroom its caller hands in."""

import dataclasses
import signal
import socket
import sys
import traceback

from PyQt5.QtCore import QCoreApplication, QObject, QSocketNotifier, Qt, pyqtSignal, pyqtSlot
from PyQt5.QtGui import QIcon
from PyQt5.QtWidgets import QApplication

import resources
from deeplens_gui.core import secrets
from deeplens_gui.core.connections import ConnectionPool
from deeplens_gui.core.decode import single_threaded
from deeplens_gui.core.device import PROJECT_STREAM
from deeplens_gui.core.errors import ConfigError
from deeplens_gui.core.settings import Settings, load_settings
from deeplens_gui.core.ssh import SshOptions
from deeplens_gui.ui import i18n, theme
from deeplens_gui.ui.controllers import JobRunner
from deeplens_gui.ui.dialogs import ErrorDialog, ExceptionDialog
from deeplens_gui.ui.main_window import MainWindow

APP_NAME = "DeepLens Console"


class ExceptionHook(QObject):
    """``sys.excepthook`` that shows a bug in a dialog instead of ending the app (from any thread)."""

    caught = pyqtSignal(object, object, object)

    def __init__(self, parent_widget=None):
        super().__init__()
        self._parent_widget = parent_widget
        self._previous = None
        self._showing = False
        self.caught.connect(self._on_caught)

    def set_parent_widget(self, widget):
        """The window the dialog is centred on."""
        self._parent_widget = widget

    def install(self):
        """Become ``sys.excepthook``."""
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self):
        """Put the previous hook back."""
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__

    def __call__(self, exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            QCoreApplication.quit()
            return
        traceback.print_exception(exc_type, exc, tb, file=sys.stderr)
        self.caught.emit(exc_type, exc, tb)  # queued to the GUI thread when raised in a worker

    @pyqtSlot(object, object, object)
    def _on_caught(self, exc_type, exc, tb):
        if self._showing:
            return  # one dialog at a time; the rest are on stderr
        self._showing = True
        try:
            ExceptionDialog.show_exception(self._parent_widget, exc_type, exc, tb)
        finally:
            self._showing = False


class DemoFleet(QObject):
    """``--demo``: the window's side of the virtual classroom its caller hands in.

    ``classroom`` has ``count``, ``start()`` (blocking, run off the GUI thread; returns the Roster of the
    started devices, whose known_hosts lists them) and ``stop()`` (idempotent); the GUI knows nothing else
    of the virtual DeepLens.
    """

    started = pyqtSignal(list)
    failed = pyqtSignal(str)

    def __init__(self, window, jobs, classroom, parent=None):
        super().__init__(parent)
        self._window = window
        self._classroom = classroom
        self._jobs = jobs.lane("files", self)
        self._stopped = False

    def start(self):
        """Start the fleet in the background; the window shows progress and connects to the first device."""
        self._window.view.set_message(self.tr("Starting virtual DeepLens…"),
                                      self.tr("%n virtual camera(s) run on this computer for the demo.", None,
                                              self._classroom.count))
        self._jobs.submit(self._classroom.start, on_done=self._on_fleet_started,
                          on_error=self._on_fleet_failed)

    def _on_fleet_started(self, roster):
        if self._stopped:
            return
        known_hosts, devices = roster.known_hosts, list(roster.devices)
        window = self._window
        # The virtual devices take their own client key only: the user's agent and keys stay out of the demo.
        window.set_ssh_options(dataclasses.replace(window.ssh_options, known_hosts=known_hosts,
                                                   look_for_keys=False, allow_agent=False, use_keyring=False))
        window.set_devices(devices)
        # The Classroom tab shows the virtual cameras too (a roster of the demo only: never remembered).
        window.set_roster(roster)
        window.connect_device(devices[0])
        self.started.emit(devices)

    def _on_fleet_failed(self, error):
        if self._stopped:
            return
        text = i18n.text(error) or type(error).__name__
        self._window.view.set_message(self.tr("The virtual DeepLens did not start"), text, error=True)
        self.failed.emit(text)

    def stop(self):
        """Stop the classroom (waiting for a start still under way). Idempotent."""
        self._stopped = True
        self._jobs.shutdown(30000)
        self._classroom.stop()


class QuitOnSignal(QObject):
    """Ctrl+C, a TERM or a closed terminal (HUP) ends the GUI as its close button does (streams and the
    virtual classroom stop, their folders go).

    Python runs a signal handler only when it next runs Python code, and Qt's event loop waits in C: the
    signal wakes the loop through a socket (``signal.set_wakeup_fd``), so nothing polls. ``on_signal(signum)``
    runs on the GUI thread.
    """

    SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP")
                    if hasattr(signal, name))

    def __init__(self, on_signal, parent=None):
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        # Signals that come while the GUI stops are ignored: a full socket then is no reason to warn.
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, self._note) for sig in self.SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Read, self)
        self._notifier.activated.connect(self._woken)

    @staticmethod
    def _note(signum, frame):
        """Replaces the default handlers (KeyboardInterrupt, death by TERM or HUP) until ``uninstall``; the
        work happens in _woken."""

    def _woken(self):
        try:
            received = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        for byte in received:
            if byte in self.SIGNALS:
                self._on_signal(byte)
                return

    def uninstall(self):
        """Give the signals back to their previous handlers. Idempotent."""
        if self._notifier is None:
            return
        self._notifier.setEnabled(False)
        self._notifier = None
        signal.set_wakeup_fd(self._previous_fd)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._reader.close()
        self._writer.close()


class Console:
    """Everything the GUI process owns: build with ``start()``, tear down with ``shutdown()``.

    ``settings`` is the QSettings of the window layout (default: the application's); ``app_settings_path``
    the core settings file (default: the user's), read once at start: its language and appearance apply to
    the whole run. ``demo`` is the virtual classroom to show (see DemoFleet), from the caller that owns it.
    """

    def __init__(self, options, demo=None, settings=None, app_settings_path=None):
        self.options = options
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.app.setApplicationName(APP_NAME)
        self.app.setOrganizationName(APP_NAME)
        self.app.setApplicationDisplayName(APP_NAME)
        self.app.setWindowIcon(QIcon(resources.path("icons", "app.svg")))
        self.hook = ExceptionHook()
        self.jobs = JobRunner(parent=self.app)
        self.pool = None
        self.window = None
        self.demo = None
        self._classroom = demo
        self._settings = settings
        self._app_settings_path = app_settings_path
        self.app_settings = Settings()
        self.language = "en"
        self._shut_down = False

    def start(self):
        """Install the hook, show the window, start the demo fleet or connect to ``--connect``."""
        single_threaded()  # one thread per stream already; OpenCV's own pool would only add hand-offs
        self.hook.install()
        options = self.options
        notes = []
        # Read before any widget exists: the language and the look apply to everything built afterwards.
        self.app_settings = load_settings(self._app_settings_path, notes)
        self.language = i18n.install(self.app_settings.language, self.app)
        # Qt appends the display name to every window title that does not already end with it: in the
        # window's language, so a Korean title does not read "DeepLens 콘솔 — DeepLens Console".
        self.app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "DeepLens Console"))
        theme.apply(self.app_settings.appearance, self.app)
        self.pool = ConnectionPool(lambda device: self.window.options_for(device))
        self.window = MainWindow(self.jobs, pool=self.pool,
                                 ssh_options=ssh_options(options, self.app_settings),
                                 stream_path=getattr(options, "stream_path", None) or PROJECT_STREAM,
                                 identity=getattr(options, "identity", None), settings=self._settings,
                                 app_settings_path=self._app_settings_path, app_settings=self.app_settings)
        self.hook.set_parent_widget(self.window)
        self.window.show()
        if notes:
            self.window.statusBar().showMessage(" ".join(i18n.text(note) for note in notes), 20000)
        if self._classroom is not None:
            self.demo = DemoFleet(self.window, self.jobs, self._classroom)
            self.demo.start()
        elif getattr(options, "target", None):
            self.window.device_bar.target_combo.setCurrentText(options.target)
            self.window.connect_to(options.target)
        if getattr(options, "roster", None) and self._classroom is None:
            # --roster FILE: the classroom opens on it, every tile connecting.
            self.window.open_roster(options.roster)
            self.window.tabs.setCurrentWidget(self.window.classroom)
        elif self._classroom is None:
            self.window.open_last_roster()
        return self

    def shutdown(self):
        """Stop streams, the fleet and background jobs; returns how many stream threads were left ending
        (Qt owns them: they end with the process, never destroyed while running)."""
        if self._shut_down:
            return 0
        self._shut_down = True
        lingering = 0
        if self.window is not None:
            self.window.shutdown()
            lingering = self.window.lingering()
        if self.demo is not None:
            self.demo.stop()
        self.jobs.shutdown(3000)
        if self.pool is not None:
            self.pool.close_all()
        self.hook.uninstall()
        i18n.uninstall(self.app)
        return lingering


def ssh_options(options, app_settings=None):
    """SshOptions from the command line's connection options (those present on ``options``).

    The known_hosts and ssh config files of ``app_settings`` apply when the command line names none.
    """
    app_settings = app_settings or Settings()
    return SshOptions(ssh_config=getattr(options, "ssh_config", None) or app_settings.ssh_config,
                      known_hosts=getattr(options, "known_hosts", None) or app_settings.known_hosts,
                      accept_new_host_key=bool(getattr(options, "accept_new_host_key", False)),
                      password=secrets.from_environment(getattr(options, "password_env", None),
                                                        "--password-env"),
                      passphrase=secrets.from_environment(getattr(options, "passphrase_env", None),
                                                          "--passphrase-env"))


def run_gui(options, demo=None):
    """Run the GUI until the user quits (showing the virtual classroom ``demo``, see DemoFleet); returns the
    exit status."""
    if QApplication.instance() is None:
        QApplication.setAttribute(Qt.AA_EnableHighDpiScaling, True)
        QApplication.setAttribute(Qt.AA_UseHighDpiPixmaps, True)
    console = Console(options, demo=demo)
    # From here on Ctrl+C, TERM or a closed terminal (HUP) end the GUI as its close button does: the window
    # closes (settings saved), the loop ends and everything stops; the exit status is the shell's for a death
    # by that signal (130 after Ctrl+C). The first one counts: later ones, while it stops, must not cut that
    # short.
    signalled = []

    def on_signal(signum):
        if not signalled:
            signalled.append(signum)
            if console.window is not None:
                console.window.close()
            console.app.quit()

    quitter = QuitOnSignal(on_signal)
    try:
        try:
            console.start()
        except ConfigError as error:
            ErrorDialog.show_error(None, QCoreApplication.translate("Console", "Cannot start"),
                                   i18n.text(error))
            return 2
        status = console.app.exec_()
        return 128 + signalled[0] if signalled else status
    finally:
        console.shutdown()
        quitter.uninstall()
