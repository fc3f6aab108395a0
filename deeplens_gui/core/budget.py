"""LinkBudget: the frame rates of a classroom's cameras, so that together they fit one shared link.

A classroom's cameras and students share one Wi-Fi. Every shown camera gets an even share of the budget
(bytes per second); a camera that needs less than its share (small thumbnails, a still scene, a slow project)
leaves the rest to the others (water-filling). A camera whose link cannot carry what it is asked for (it
delivers clearly fewer frames than requested while the relay's heartbeats show it is alive) is asked for a
little more than it delivers, so its frames do not queue up in the network and add latency, and its unused
share goes to the others; it is probed upwards again while it keeps up. No Qt here: the grid feeds it the
streams' stats and applies the rates.
"""

import time
from dataclasses import dataclass

#: a classroom Wi-Fi leaves about this much for the cameras' pictures (Mbit/s)
DEFAULT_BUDGET_MBIT = 20.0
#: a frame size assumed before a camera has sent anything (a 320x180 thumbnail at quality 70)
DEFAULT_FRAME_BYTES = 12000
#: delivering less than this part of the requested rate means the link cannot keep up ...
SLOW_RATIO = 0.7
#: ... and at least this part means it keeps up (then the cap is doubled: a link that recovered, or a camera
#: that was only slow to start, is back at its share within a few rounds)
KEEPING_UP_RATIO = 0.9
PROBE_STEP = 2.0
#: a slow camera is asked for this much more than it delivers, to notice when its link recovers
HEADROOM = 1.2
#: the streams' rates cover their last two seconds: a camera is judged only this long after its rate changed
SETTLE = 3.0


@dataclass
class _Camera:
    frame_bytes: float = DEFAULT_FRAME_BYTES
    link_fps: float = 0.0  # what its link has shown it can carry (0: not limited yet)
    rate: float = 0.0  # what it is asked for now
    changed_at: float = 0.0  # when ``rate`` last changed (monotonic seconds)
    live_since: float = None  # when it last began to stream
    active: bool = True
    fixed: float = None  # a rate the user's action requires (a recording), outside the even share


class LinkBudget:
    """Shares ``budget_mbit`` evenly among the active cameras and adapts each camera's rate to its link.

    ``observe()`` feeds one camera's measurements (from the stream's stats, every second or so); ``rates()``
    gives every active camera's rate in frames per second, between ``min_fps`` and ``max_fps``.
    """

    def __init__(self, budget_mbit=DEFAULT_BUDGET_MBIT, max_fps=15.0, min_fps=1.0):
        self._cameras = {}
        self.max_fps = float(max_fps)
        self.min_fps = float(min_fps)
        self.budget_mbit = float(budget_mbit)

    @property
    def budget_mbit(self):
        """The link budget in Mbit/s."""
        return self._budget * 8 / 1e6

    @budget_mbit.setter
    def budget_mbit(self, value):
        value = float(value)
        if not value > 0:
            raise ValueError(f"the link budget must be > 0 Mbit/s, not {value!r}")
        self._budget = value * 1e6 / 8

    def names(self):
        """The cameras known to the budget."""
        return list(self._cameras)

    def set_cameras(self, names):
        """Share the budget among ``names`` (new ones start with the default frame size, gone ones leave)."""
        names = list(names)
        self._cameras = {name: self._cameras.get(name) or _Camera() for name in names}

    def set_active(self, name, active):
        """An inactive camera (its tile hidden) is not given a share; it runs at ``min_fps``."""
        self._cameras[name].active = bool(active)

    def set_fixed(self, name, fps):
        """Give ``name`` exactly ``fps`` (a recording must not trickle), or None to share evenly again; what it
        uses comes off the budget before the others share it."""
        self._cameras[name].fixed = None if fps is None else float(fps)

    def observe(self, name, fps, bytes_per_s, live=True, now=None):
        """A camera's delivered rate and throughput of the last seconds; ``live`` when it streams (a camera
        without a project or a connection delivers nothing, which says nothing about its link)."""
        camera = self._cameras.get(name)
        if camera is None:
            return
        now = time.monotonic() if now is None else now
        if not live:
            camera.live_since = None
            return
        if camera.live_since is None:
            camera.live_since = now
        if fps > 0 and bytes_per_s > 0:
            camera.frame_bytes = bytes_per_s / fps
        if not camera.rate or now - max(camera.changed_at, camera.live_since) < SETTLE:
            return  # the measured rate still mixes in the time before the last request or the first frame
        if fps < SLOW_RATIO * camera.rate:
            camera.link_fps = max(self.min_fps, fps * HEADROOM)
        elif camera.link_fps and fps >= KEEPING_UP_RATIO * camera.rate:
            camera.link_fps = camera.link_fps * PROBE_STEP
            if camera.link_fps >= self.max_fps:
                camera.link_fps = 0.0

    def rates(self, now=None):
        """{name: frames per second} for every camera: an even share of the budget, water-filled."""
        now = time.monotonic() if now is None else now
        active = {name: camera for name, camera in self._cameras.items()
                  if camera.active and camera.fixed is None}
        # Each camera's demand (bytes/s) is what it would use at the most it can use.
        demand = {}
        for name, camera in active.items():
            cap = min(self.max_fps, camera.link_fps or self.max_fps)
            demand[name] = cap * camera.frame_bytes
        # Hidden tiles still trickle (state and snapshots stay current) and recordings run at their rate: what
        # they use is not shared out.
        reserved = sum(self._outside_rate(camera) * camera.frame_bytes for name, camera in self._cameras.items()
                       if name not in active)
        left, given = max(0.0, self._budget - reserved), {}
        for count, name in enumerate(sorted(demand, key=demand.get)):
            share = left / (len(demand) - count)
            given[name] = min(demand[name], share)
            left -= given[name]
        rates = {}
        for name, camera in self._cameras.items():
            rate = self._outside_rate(camera)
            if name in given:
                rate = round(max(self.min_fps, min(self.max_fps, given[name] / camera.frame_bytes)), 2)
            if rate != camera.rate:
                camera.rate, camera.changed_at = rate, now
            rates[name] = rate
        return rates

    def _outside_rate(self, camera):
        return camera.fixed if camera.fixed is not None else self.min_fps
