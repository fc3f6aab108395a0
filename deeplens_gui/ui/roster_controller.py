"""RosterController: which classroom roster is open, loading it off the GUI thread and showing its devices."""

from PyQt5.QtCore import QObject, pyqtSignal

from deeplens_gui.core.roster import load_roster
from deeplens_gui.ui import i18n


class RosterController(QObject):
    """Opens rosters for the classroom ``fleet`` (a FleetController) and remembers the last one in ``store``.

    Loading runs on the "files" lane of ``jobs``. Emits ``message(text)`` for the classroom's bar,
    ``opened(Roster)`` and ``failed(sentence)``.
    """

    message = pyqtSignal(str)
    opened = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(self, fleet, store, jobs, parent=None):
        super().__init__(parent)
        self._fleet = fleet
        self._store = store
        self._jobs = jobs.lane("files", self)
        self.roster = None
        self.tried = False  # whether the last roster was opened (or tried) in this run

    def set_roster(self, roster):
        """Show ``roster``'s devices in the classroom (their streams start at once)."""
        if self.roster is not None and roster.known_hosts != self.roster.known_hosts:
            self._fleet.set_devices([])  # the host keys come from elsewhere now: reconnect everything
        self.roster = roster
        self._fleet.set_devices(roster.devices)
        self.opened.emit(roster)

    def open(self, path):
        """Load the roster at ``path`` off the GUI thread, show it and remember it as the last roster."""
        self.message.emit(self.tr("Opening {0}…").format(path))
        self.tried = True
        self._jobs.submit(load_roster, path, on_done=self._on_loaded, on_error=self._on_load_failed)

    def open_last(self):
        """Open the roster the settings remember (nothing happens when there is none)."""
        self.tried = True
        last = self._store.settings.last_roster
        if last and self.roster is None:
            self.open(last)

    def _on_loaded(self, roster):
        self._store.update(last_roster=roster.path)
        self.set_roster(roster)
        self.message.emit(self.tr("%n device(s) from {0}", None, len(roster.devices)).format(roster.path))

    def _on_load_failed(self, error):
        self.message.emit(i18n.text(error))
        self.failed.emit(i18n.text(error))
