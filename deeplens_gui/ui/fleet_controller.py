"""FleetController: the classroom's devices, one DeviceController each, and the bulk actions on them.

Every device gets one DeviceController (one stream thread) that borrows its connection from the app's
ConnectionPool, so its stream, status polls and deploys share one SSH connection; each controller picks its
JPEG reduction from its tile's size, and tiles nobody can see are paused. The single viewer is a fleet of one.
Bulk actions (snapshot all, deploy, stop the project) run on the app's JobRunner ("deploy" lane); their
results come back on the GUI thread as signals carrying only values.
"""

import datetime
import os
import re
from dataclasses import dataclass

from PyQt5.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal, pyqtSlot

from deeplens_gui.core import actions, commands
from deeplens_gui.core.budget import DEFAULT_BUDGET_MBIT, LinkBudget
from deeplens_gui.core.errors import DeepLensError, StorageError
from deeplens_gui.core.recording import save_snapshot
from deeplens_gui.core.ssh import trust_host_key
from deeplens_gui.core.stream import FrameSource, StreamState, grab_full_frame
from deeplens_gui.ui import i18n
from deeplens_gui.ui.controllers import DeviceController

#: Frames per second the whole grid decodes and paints at most; beyond it tiles share it evenly. With the
#: cameras sending tile-sized thumbnails a tile frame costs the app about 1.7 ms of CPU including SSH and paint
#: (bench/grid.py, 12 tiles of 470x295: 0.24 cores for 137 frames/s; full frames cost 6.4 ms), so 450 frames/s
#: stay under one core: 30 tiles at 15 fps, 60 at 7.5.
GRID_FRAME_BUDGET = 450.0
#: Frames per second a hidden tile's camera still sends: its state and a snapshot stay current.
HIDDEN_FPS = 0.5
#: How often the link budget's rates are recomputed and sent to the cameras (ms).
BUDGET_INTERVAL_MS = 1000
#: A rate change smaller than this part is not worth a request.
RATE_CHANGE = 0.1
#: How long a snapshot waits for a full frame from a camera that sends thumbnails (s).
FULL_FRAME_TIMEOUT = 10.0


def _tr(text):
    return QCoreApplication.translate("FleetController", text)


def safe_file_name(name):
    """``name`` with only characters safe in file names on every OS."""
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("_.") or "device"


def snapshot_folder_name(when=None):
    """``classroom-YYYYmmdd-HHMMSS``: the folder one "snapshot all" writes into."""
    when = when or datetime.datetime.now()
    return "classroom-{0}".format(when.strftime("%Y%m%d-%H%M%S"))


@dataclass(frozen=True)
class SnapshotResult:
    """What "snapshot all" wrote: the folder, one file per live device, and the devices left out (and why)."""

    folder: str
    files: tuple = ()
    skipped: tuple = ()  # (device name, reason)


@dataclass(frozen=True)
class ActionResult:
    """How a bulk action went on one device."""

    device_name: str
    ok: bool
    message: str


def write_snapshots(base, folder_name, frames):
    """Write ``frames`` ((device name, jpeg bytes), ...) as ``<device>.jpg`` into a new folder below ``base``.

    The folder is new (``-2``, ``-3``... when the name is taken within the same second). Returns
    (folder, paths). Each file is written atomically.
    """
    os.makedirs(base, exist_ok=True)
    folder = os.path.join(base, folder_name)
    suffix = 1
    while True:
        try:
            os.mkdir(folder)
            break
        except FileExistsError:
            suffix += 1
            folder = os.path.join(base, "{0}-{1}".format(folder_name, suffix))
        except OSError as error:
            raise StorageError(_tr("Could not create the folder {0}: {1}.").format(
                folder, error.strerror or error)) from error
    paths = []
    used = set()
    for name, jpeg in frames:
        stem = safe_file_name(name)
        while stem in used:
            stem += "_"
        used.add(stem)
        path = os.path.join(folder, stem + ".jpg")
        save_snapshot(jpeg, path)
        paths.append(path)
    return folder, paths


def stop_project(connection):
    """Stop the project DeepLens Console's runner runs on the device (``core.actions``). An ActionResult."""
    try:
        return ActionResult(connection.device.name, True, i18n.text(actions.stop_project(connection)))
    except DeepLensError as error:
        return ActionResult(connection.device.name, False, i18n.text(error))


def reboot_supported():
    """True once the core offers a reboot command (``commands.reboot_command``)."""
    return callable(getattr(commands, "reboot_command", None))


def default_deploy_service():
    """A DeployService with the SSH backend (a camera's sudo password from the keyring, or as the user gives
    it when a deploy asks)."""
    from deeplens_gui.core.deploy.service import DeployService
    from deeplens_gui.core.deploy.ssh import SshDeployBackend
    from deeplens_gui.core.secrets import SudoPasswords

    return DeployService({"ssh": SshDeployBackend(sudo_passwords=SudoPasswords())}, default="ssh")


def default_source_resolver(spec):
    """The ProjectSource for ``spec`` (``mask``, ``face``, a folder, ``lambda:NAME[:VERSION]``)."""
    from deeplens_gui.core.deploy.sources import resolve_source

    return resolve_source(spec)



class _DeployBatch:
    """One "deploy to the selection": its devices, cancel token and the results so far."""

    def __init__(self, spec, names, cancel):
        self.spec = spec
        self.names = list(names)
        self.cancel = cancel
        self.results = {}

    def done(self):
        return len(self.results) == len(self.names)

    def ordered(self):
        return tuple(self.results[name] for name in self.names if name in self.results)


class FleetController(QObject):
    """Owns one DeviceController per device of the classroom and runs bulk actions on them.

    ``pool`` is the app's ConnectionPool and ``jobs`` its JobRunner; ``source_factory`` builds each stream's
    FrameSource; ``deploy_service`` and ``source_resolver`` are built on first use when not given (the SSH
    backend, bundled projects).
    """

    devices_changed = pyqtSignal()
    frame_ready = pyqtSignal(str)
    status_changed = pyqtSignal(str, object)
    stats_updated = pyqtSignal(str, object)
    host_key_unknown = pyqtSignal(str, object)
    passphrase_needed = pyqtSignal(str, object)
    host_keys_changed = pyqtSignal()
    host_keys_trusted = pyqtSignal(object)
    host_keys_failed = pyqtSignal(str)
    snapshot_finished = pyqtSignal(object)
    snapshot_failed = pyqtSignal(str)
    deploy_started = pyqtSignal(object)
    deploy_event = pyqtSignal(object)
    deploy_finished = pyqtSignal(object)
    stop_finished = pyqtSignal(object)
    reboot_finished = pyqtSignal(object)
    verdict_ready = pyqtSignal(str, object)

    def __init__(self, pool, jobs, source_factory=FrameSource, max_fps=15.0, deploy_service=None,
                 source_resolver=None, parent=None, link_mbit=DEFAULT_BUDGET_MBIT,
                 thumbnail_quality=commands.DEFAULT_THUMB_QUALITY, thumbnails=True):
        super().__init__(parent)
        self._pool = pool
        self._source_factory = source_factory
        self._max_fps = max_fps
        self._budget = LinkBudget(link_mbit, max_fps=max_fps, min_fps=HIDDEN_FPS)
        self._thumbnail_quality = thumbnail_quality
        # A grid asks each camera for its tile's thumbnail and shares the link; the viewer (a fleet of one)
        # shows the camera's full frames at the rate the user chose.
        self._thumbnails = thumbnails
        self._budget_timer = QTimer(self)
        self._budget_timer.setInterval(BUDGET_INTERVAL_MS)
        self._budget_timer.timeout.connect(self._apply_rates)
        self._deploy_service = deploy_service
        self._source_resolver = source_resolver or default_source_resolver
        self._jobs = jobs.lane("deploy", self)
        self._status_jobs = jobs.lane("status", self)  # tile verdicts never wait behind a deploy
        self._devices = {}
        self._controllers = {}
        self._retired = set()  # removed controllers whose stream thread still ends in the background
        self._unknown_keys = {}
        self._batch = None
        self._closed = False

    # ----------------------------------------------------------------- devices
    @property
    def pool(self):
        """The ConnectionPool the devices' connections come from."""
        return self._pool

    def names(self):
        """Device names in roster order."""
        return list(self._devices)

    def device(self, name):
        """The Device called ``name``."""
        return self._devices[name]

    def devices(self):
        """The Devices in roster order."""
        return list(self._devices.values())

    def controller(self, name):
        """The DeviceController of ``name``."""
        return self._controllers[name]

    def set_devices(self, devices, start=True):
        """Show ``devices`` (core Devices): new ones get a controller (started with ``start``), removed ones
        are stopped and their connection closed, changed ones restart."""
        devices = list(devices)
        wanted = {device.name: device for device in devices}
        for name in list(self._devices):
            if name not in wanted or wanted[name] != self._devices[name]:
                self._remove(name)
        fps = self.tile_fps(len(devices))
        for name, controller in self._controllers.items():
            if name in wanted and abs(controller.max_fps - fps) > 0.2 * fps:
                controller.set_max_fps(fps)
        for device in devices:
            if device.name not in self._controllers:
                self._add(device, start, fps)
        self._devices = {device.name: self._devices[device.name] for device in devices}
        self._budget.set_cameras(self._devices)
        for name in self._devices:
            self._budget.set_active(name, not self._controllers[name].paused)
        self._apply_rates()
        if self._thumbnails and not self._closed:
            self._budget_timer.start()
        self.devices_changed.emit()

    def set_max_fps(self, fps):
        """The frame rate devices added from now on ask for at most."""
        self._max_fps = fps

    def tile_fps(self, count):
        """The frame rate each of ``count`` tiles asks its camera for: the grid's rate while the whole grid
        fits GRID_FRAME_BUDGET, then an even share of it. A big classroom thus degrades by every tile showing
        fewer frames (capped on the cameras, which also spares the Wi-Fi), never by freezing the window."""
        return min(self._max_fps, max(1.0, GRID_FRAME_BUDGET / max(1, count)))

    @property
    def link_budget(self):
        """The Mbit/s the tiles' cameras may use of the link together."""
        return self._budget.budget_mbit

    def set_link_budget(self, mbit):
        """Share ``mbit`` Mbit/s among the cameras from now on (ValueError unless > 0)."""
        self._budget.budget_mbit = mbit
        self._apply_rates()

    @pyqtSlot()
    def _apply_rates(self):
        """Ask each camera for its share of the link (within the grid's decode budget; hidden: a trickle;
        recorded: the grid's rate)."""
        if not self._thumbnails:
            return
        cap = self.tile_fps(len(self._controllers))
        for name in self._budget.names():
            controller = self._controllers.get(name)
            # A recording keeps the grid's rate (a trickle would be a useless recording), hidden or not.
            self._budget.set_fixed(name, cap if controller is not None and controller.recording else None)
        for name, rate in self._budget.rates().items():
            controller = self._controllers.get(name)
            if controller is None:
                continue
            if controller.recording:
                fps = cap
            else:
                fps = HIDDEN_FPS if controller.paused else min(cap, rate)
            if abs(controller.max_fps - fps) > RATE_CHANGE * fps:
                controller.set_max_fps(fps)

    def _add(self, device, start, fps):
        name = device.name
        self._devices[name] = device
        controller = DeviceController(device, self._pool, max_fps=fps, parent=self,
                                      source_factory=self._source_factory)
        controller.lingering_changed.connect(self._on_controller_lingering_changed)
        controller.frame_ready.connect(self._on_controller_frame_ready)
        controller.status_changed.connect(self._on_controller_status_changed)
        controller.stats_updated.connect(self._on_controller_stats_updated)
        controller.host_key_unknown.connect(self._on_controller_host_key_unknown)
        controller.passphrase_needed.connect(self._on_controller_passphrase_needed)
        self._controllers[name] = controller
        if start:
            controller.start()

    def _remove(self, name):
        self._unknown_keys.pop(name, None)
        controller = self._controllers.pop(name, None)
        self._devices.pop(name, None)
        if controller is not None:
            for signal in (controller.frame_ready, controller.status_changed, controller.stats_updated,
                           controller.host_key_unknown, controller.passphrase_needed):
                signal.disconnect()
            controller.stop(emit=False)  # the stream lets go of the device's connection as its thread ends
            if controller.lingering():
                self._retired.add(controller)
            else:
                controller.deleteLater()

    def lingering(self):
        """How many stream threads of this fleet could not stop in time and still run."""
        return sum(controller.lingering() for controller in set(self._controllers.values()) | self._retired)

    @pyqtSlot(int)
    def _on_controller_lingering_changed(self, _count):
        controller = self.sender()
        if controller in self._retired and not controller.lingering():
            self._retired.discard(controller)
            controller.deleteLater()

    def start(self, names=None):
        """(Re)start the streams of ``names`` (default: all)."""
        for name in names if names is not None else self.names():
            self._controllers[name].start()

    def restart(self, name):
        """Stop and start one device's stream (after its host key was trusted, or to retry)."""
        self._controllers[name].restart()

    def stop(self, names=None):
        """Stop the streams of ``names`` (default: all); connections stay in the pool."""
        for name in names if names is not None else self.names():
            self._controllers[name].stop()

    def shutdown(self, timeout_ms=3000):
        """Stop every stream (each lets go of its connection), cancel deploys, wait for running jobs.
        Idempotent."""
        if self._closed:
            return
        self._closed = True
        self._budget_timer.stop()
        if self._batch is not None:
            self._batch.cancel.cancel()
        for controller in self._controllers.values():
            controller.stop(emit=False)
        self._jobs.shutdown(timeout_ms)
        self._status_jobs.shutdown(timeout_ms)

    # ----------------------------------------------------------------- frames, states, decoding
    def take_frame(self, name):
        """The newest decoded QImage of ``name`` since the last call, or None."""
        controller = self._controllers.get(name)
        return controller.take_frame() if controller is not None else None

    def status(self, name):
        """The StreamStatus of ``name``."""
        return self._controllers[name].status

    def stats(self, name):
        """The StreamStats of ``name``."""
        return self._controllers[name].stats

    def set_paused(self, name, paused):
        """Stop (True) or resume decoding ``name``'s frames; the stream keeps running and counting."""
        if name not in self._controllers:
            return
        self._controllers[name].set_paused(paused)
        if name in self._budget.names():
            self._budget.set_active(name, not paused)
            self._apply_rates()

    def is_paused(self, name):
        """True while ``name``'s decoding is paused."""
        controller = self._controllers.get(name)
        return controller is not None and controller.paused

    def set_view_size(self, name, width, height):
        """The size (device pixels) ``name`` is shown at: picks the JPEG reduction (DCT scaling) for it."""
        if name not in self._controllers:
            return
        self._controllers[name].set_display_size(width, height)
        if self._thumbnails:
            # The camera makes the tile's picture: only what the tile shows crosses the Wi-Fi.
            self._controllers[name].set_thumbnail((width, height), self._thumbnail_quality)

    def _is_current(self, controller):
        # Signals of a controller removed from the fleet may still be queued.
        if not isinstance(controller, DeviceController):
            return False
        return self._controllers.get(controller.device.name) is controller

    @pyqtSlot()
    def _on_controller_frame_ready(self):
        controller = self.sender()
        if self._is_current(controller):
            self.frame_ready.emit(controller.device.name)

    @pyqtSlot(object)
    def _on_controller_status_changed(self, status):
        controller = self.sender()
        if self._is_current(controller):
            self.status_changed.emit(controller.device.name, status)

    @pyqtSlot(object)
    def _on_controller_stats_updated(self, stats):
        controller = self.sender()
        if self._is_current(controller):
            name = controller.device.name
            self._budget.observe(name, stats.fps, stats.bytes_per_s,
                                 live=controller.status.state is StreamState.LIVE and not controller.paused)
            self.stats_updated.emit(name, stats)

    @pyqtSlot(object)
    def _on_controller_host_key_unknown(self, error):
        controller = self.sender()
        if self._is_current(controller):
            self._unknown_keys[controller.device.name] = error
            self.host_key_unknown.emit(controller.device.name, error)
            self.host_keys_changed.emit()

    # ----------------------------------------------------------------- host keys of a classroom
    def unknown_host_keys(self):
        """``{name: UnknownHostKey}`` of the devices waiting for a yes, in roster order."""
        return {name: self._unknown_keys[name] for name in self._controllers if name in self._unknown_keys}

    @pyqtSlot(object)
    def _on_controller_passphrase_needed(self, error):
        controller = self.sender()
        if self._is_current(controller):
            self.passphrase_needed.emit(controller.device.name, error)

    def trust_host_keys(self, names):
        """Record the reviewed keys of ``names`` in known_hosts (off the GUI thread), then reconnect them.

        Ends with ``host_keys_trusted(list of names)``, or ``host_keys_failed(sentence)`` when known_hosts
        cannot be written.
        """
        chosen = [(name, self._unknown_keys[name]) for name in names if name in self._unknown_keys]
        if not chosen:
            return

        def record():
            for _name, error in chosen:
                trust_host_key(error.known_hosts, error.host, error.key, error.hash_known_hosts)
            return [name for name, _error in chosen]

        self._jobs.submit(record, on_done=self._on_host_keys_recorded, on_error=self._on_host_keys_failed)

    def _on_host_keys_recorded(self, names):
        for name in names:
            self._unknown_keys.pop(name, None)
            controller = self._controllers.get(name)
            if controller is not None:
                controller.restart()
        self.host_keys_changed.emit()
        self.host_keys_trusted.emit(names)

    def _on_host_keys_failed(self, error):
        self.host_keys_failed.emit(i18n.text(error))

    # ----------------------------------------------------------------- snapshot all
    def snapshot_all(self, base_folder, names=None, when=None):
        """Save the newest full-size frame of every live device among ``names`` (default: all) into one new
        timestamped folder below ``base_folder``, off the GUI thread. Ends with ``snapshot_finished``
        (a SnapshotResult) or ``snapshot_failed``. Returns the folder name."""
        frames, skipped = [], []
        for name in names if names is not None else self.names():
            controller = self._controllers[name]
            frame = controller.latest_frame()
            if controller.status.state is not StreamState.LIVE:
                skipped.append((name, _tr("not live")))
            elif frame is None:
                skipped.append((name, _tr("no frame yet")))
            elif frame.thumbnail:
                frames.append((name, self._pool.borrow(self._devices[name])))
            else:
                frames.append((name, frame.jpeg))
        folder_name = snapshot_folder_name(when)

        def collect_and_write():
            # A tile shows a thumbnail: a snapshot gets a full frame of its own, fetched off the GUI thread.
            full = []
            for name, item in frames:
                if isinstance(item, bytes):
                    full.append((name, item))
                    continue
                try:
                    full.append((name, grab_full_frame(item.shared, timeout=FULL_FRAME_TIMEOUT)))
                except DeepLensError as error:
                    skipped.append((name, i18n.text(error)))
                finally:
                    item.close()
            return write_snapshots(base_folder, folder_name, full)

        def done(result):
            folder, paths = result
            self.snapshot_finished.emit(SnapshotResult(folder, tuple(paths), tuple(skipped)))

        self._jobs.submit(collect_and_write, on_done=done,
                          on_error=lambda error: self.snapshot_failed.emit(i18n.text(error)))
        return folder_name

    # ----------------------------------------------------------------- deploy
    def deploying(self):
        """True while a deploy batch runs."""
        return self._batch is not None

    def deploy(self, spec, names=None):
        """Deploy project ``spec`` to ``names`` (default: all), at most ``concurrency`` at once.

        Every step change arrives as ``deploy_event`` (a DeployEvent); the end as ``deploy_finished`` with the
        DeployResults in roster order. Returns False when a deploy already runs.
        """
        if self._batch is not None:
            return False
        from deeplens_gui.core.deploy.service import CancelToken

        names = list(names if names is not None else self.names())
        batch = _DeployBatch(spec, names, CancelToken())
        self._batch = batch
        if self._deploy_service is None:
            self._deploy_service = default_deploy_service()
        self._jobs.submit(self._source_resolver, spec,
                          on_done=lambda source: self._on_source_resolved(batch, source),
                          on_error=lambda error: self._on_source_failed(batch, error))
        return True

    def check_status(self, name, sample):
        """Check ``name``'s status on the "status" lane with ``sample`` (a StreamSample of its live stream);
        the DeviceStatus arrives as ``verdict_ready(name, status)``. Returns False for an unknown name or a
        device without a connection (the tile's stream made it; a check never adds one)."""
        device = self._devices.get(name)
        if self._closed or device is None or self._pool.peek(device) is None:
            return False
        self._status_jobs.submit(self._status_job, device, sample,
                                 on_done=lambda status: self.verdict_ready.emit(name, status),
                                 on_error=lambda error: self.verdict_ready.emit(name, None))
        return True

    def _status_job(self, device, sample):
        # A worker thread. The check borrows the connection, so a stream that ends meanwhile does not close it
        # under the check, and a connection the borrow had to make again is closed when it lets go.
        from deeplens_gui.core.status import get_status

        if self._closed:
            return None
        return self._with_connection(lambda connection: get_status(connection, sample=sample), device)

    def set_rollback_on_errors(self, rollback):
        """The user's choice for the running deploys' projects that stream but report errors: roll them back
        (True) or keep them (False, the default)."""
        if self._batch is not None:
            self._batch.cancel.rollback_on_errors = rollback

    def cancel_deploy(self):
        """Ask the running deploys to stop (each rolls back to what ran before)."""
        if self._batch is not None:
            self._batch.cancel.cancel()

    def _on_source_resolved(self, batch, source):
        if batch is not self._batch:
            return
        self.deploy_started.emit(tuple((step.key, step.title) for step in self._deploy_service.steps(source)))
        for name in batch.names:
            device = self._devices.get(name)
            if device is None:
                self._finish_deploy(batch, self._failed_result(name, _tr("{0} is no longer in the roster.")
                                                               .format(name)))
                continue
            self._jobs.submit(self._deploy_one, device, source, batch.cancel,
                              on_done=lambda result, b=batch: self._finish_deploy(b, result),
                              on_error=lambda error, b=batch, n=name: self._finish_deploy(
                                  b, self._failed_result(n, i18n.text(error) or type(error).__name__)))

    def _on_source_failed(self, batch, error):
        if batch is not self._batch:
            return
        for name in batch.names:
            self._finish_deploy(batch, self._failed_result(name, _tr("Nothing changed on {0}: {1}").format(
                name, i18n.text(error))))

    def _deploy_one(self, device, source, cancel):
        # A worker thread: only the connection (thread-safe) and values are touched here.
        return self._with_connection(lambda connection: self._deploy_service.deploy(
            connection, source, on_event=self.deploy_event.emit, cancel=cancel), device)

    @staticmethod
    def _failed_result(name, message):
        from deeplens_gui.core.deploy.service import DeployResult

        return DeployResult(name, False, message)

    def _finish_deploy(self, batch, result):
        batch.results[result.device_name] = result
        if batch.done() and batch is self._batch:
            self._batch = None
            self.deploy_finished.emit(batch.ordered())

    # ----------------------------------------------------------------- stop project
    def stop_projects(self, names=None):
        """Stop the running project on ``names`` (default: all); ends with ``stop_finished``."""
        names = list(names if names is not None else self.names())
        results = {}

        def finish(result):
            results[result.device_name] = result
            if len(results) == len(names):
                self.stop_finished.emit(tuple(results[name] for name in names))

        for name in names:
            self._jobs.submit(self._with_connection, stop_project, self._devices[name], on_done=finish,
                              on_error=lambda error, n=name: finish(ActionResult(n, False, i18n.text(error))))

    def _with_connection(self, action, device):
        # A worker thread: ``action(connection)`` on a borrow of the device's shared connection.
        with self._pool.borrow(device) as connection:
            return action(connection)

    # ----------------------------------------------------------------- reboot
    def reboot_available(self):
        """True when the core can reboot a device (see ``reboot_supported``)."""
        return reboot_supported()

    def reboot(self, names):
        """Reboot ``names`` through ``commands.reboot_command()``; ends with ``reboot_finished``.

        Only callable when ``reboot_available()``; the UI keeps the action disabled otherwise.
        """
        if not reboot_supported():
            raise DeepLensError(_tr("This version of DeepLens Console cannot reboot devices."))
        results = {}

        def finish(result):
            results[result.device_name] = result
            if len(results) == len(names):
                self.reboot_finished.emit(tuple(results[name] for name in names))

        def run(connection):
            return ActionResult(connection.device.name, True, i18n.text(actions.reboot(connection)))

        for name in names:
            self._jobs.submit(self._with_connection, run, self._devices[name], on_done=finish,
                              on_error=lambda error, n=name: finish(ActionResult(n, False, i18n.text(error))))
