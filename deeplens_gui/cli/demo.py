"""``deeplens-gui --demo``: the virtual classroom the GUI shows, started by the CLI and handed to the GUI.

The GUI never imports the virtual DeepLens: it receives a ``DemoClassroom`` and calls ``start()`` off its GUI
thread (showing progress meanwhile) and ``stop()`` when it closes.
"""

import os
import shutil
import tempfile
import threading

from deeplens_gui.core.roster import Roster
from deeplens_gui.sim.fleet import Fleet

#: virtual devices started by ``--demo`` and the project they run
DEMO_DEVICES = 3
DEMO_PROJECT = "face"
#: the device on screen runs at the camera's rate; the others slower, so that three face-detection projects
#: fit on a 2-core laptop next to the viewer
SHOWN_FPS = 15.0
OTHERS_FPS = 3.0


class DemoClassroom:
    """``count`` virtual DeepLens devices on 127.0.0.1 running ``project``, with a known_hosts file of their
    own."""

    def __init__(self, count=DEMO_DEVICES, project=DEMO_PROJECT):
        self.count = count
        self.project = project
        self._lock = threading.Lock()
        self._fleet = None
        self._folder = None
        self._stopped = False

    @property
    def running(self):
        """True from a finished ``start()`` until ``stop()``."""
        with self._lock:
            return self._fleet is not None

    def start(self):
        """Start the devices (blocking: seconds) and return their Roster, whose known_hosts lists them.

        A ``stop()`` that comes while they start (the window closed meanwhile) stops them as soon as they are
        up: nothing is left running."""
        folder = tempfile.mkdtemp(prefix="deeplens-demo-")
        fleet = None
        try:
            fleet = Fleet(self.count, project=self.project,
                          camera_fps=[SHOWN_FPS] + [OTHERS_FPS] * (self.count - 1))
            fleet.start()
            known_hosts = os.path.join(folder, "known_hosts")
            fleet.write_known_hosts(known_hosts)
            devices = tuple(virtual.device() for virtual in fleet.devices)
            roster = Roster(devices=devices, known_hosts=known_hosts)
        except BaseException:
            if fleet is not None:
                fleet.stop()
            shutil.rmtree(folder, ignore_errors=True)
            raise
        with self._lock:
            if not self._stopped:
                self._fleet, self._folder = fleet, folder
                return roster
        fleet.stop()
        shutil.rmtree(folder, ignore_errors=True)
        return roster

    def stop(self):
        """Stop the devices and delete their files. Idempotent; a later ``start()`` leaves nothing running."""
        with self._lock:
            self._stopped = True
            fleet, self._fleet = self._fleet, None
            folder, self._folder = self._folder, None
        if fleet is not None:
            fleet.stop()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
