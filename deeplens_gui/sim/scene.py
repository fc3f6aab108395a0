"""Frame sources for the virtual DeepLens camera.

A source is chosen with a spec string:

* ``"scene"`` (default): a built-in animated room: a textured wall and floor, moving shapes and two
  drawn faces that OpenCV's Haar frontal-face cascade finds (checked by tests/device);
* ``"file:PATH"``: a video file, looped;
* ``"camera:N"``: webcam number N.

Every source has ``read() -> BGR ndarray`` and ``close()``.
"""

import math
import time

import cv2
import numpy as np

DEFAULT_SIZE = (1920, 1080)
# The camera's Python 2.7 has no monotonic clock; wall time is good enough for an animation.
_clock = getattr(time, "monotonic", time.time)

_SKIN = (140, 175, 225)
_HAIR = (30, 40, 60)


def parse_spec(spec):
    """``(kind, argument)`` for a source spec; ValueError with the accepted forms when it is not one."""
    spec = (spec or "scene").strip()
    if spec == "scene":
        return "scene", None
    if spec.startswith("file:") and len(spec) > len("file:"):
        return "file", spec[len("file:"):]
    if spec.startswith("camera:"):
        index = spec[len("camera:"):]
        if index.isdigit():
            return "camera", int(index)
    raise ValueError(
        "Unknown camera source {0!r}: use \"scene\", \"file:PATH\" or \"camera:N\".".format(spec))


def open_source(spec="scene", size=DEFAULT_SIZE):
    """Open the frame source described by ``spec`` (see the module docstring)."""
    kind, argument = parse_spec(spec)
    if kind == "scene":
        return SceneSource(*size)
    if kind == "file":
        return VideoSource(argument, loop=True)
    return VideoSource(argument, loop=False)


class VideoSource:
    """Frames of a video file (looped) or a webcam, through cv2.VideoCapture."""

    def __init__(self, target, loop):
        self.target = target
        self.loop = loop
        self._capture = cv2.VideoCapture(target)
        if not self._capture.isOpened():
            self._capture.release()
            what = "video file {0}".format(target) if loop else "camera {0}".format(target)
            raise IOError("Cannot open the {0}.".format(what))

    def read(self):
        ok, frame = self._capture.read()
        if not ok and self.loop:
            self._capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, frame = self._capture.read()
        if not ok:
            raise IOError("No frame from {0}.".format(self.target))
        return frame

    def close(self):
        self._capture.release()


class SceneSource:
    """The built-in animated scene. ``render(t)`` is deterministic; ``read()`` renders the current time."""

    def __init__(self, width=DEFAULT_SIZE[0], height=DEFAULT_SIZE[1], clock=_clock):
        self.width = int(width)
        self.height = int(height)
        self._clock = clock
        self._start = clock()
        self._background = _background(self.width, self.height)
        self._sprites = {}

    def read(self):
        return self.render(self._clock() - self._start)

    def close(self):
        self._sprites.clear()

    def faces(self, t):
        """Where the faces are at time ``t``: a list of ``(centre_x, centre_y, height)`` in pixels."""
        w, h = self.width, self.height
        return [
            (int(w * (0.30 + 0.08 * math.sin(t * 0.50))), int(h * (0.50 + 0.03 * math.sin(t * 0.90))),
             int(h * 0.36)),
            (int(w * (0.74 + 0.05 * math.sin(t * 0.35 + 1.0))), int(h * (0.46 + 0.02 * math.cos(t * 0.70))),
             int(h * 0.28)),
        ]

    def render(self, t):
        """The frame at ``t`` seconds."""
        frame = self._background.copy()
        w, h = self.width, self.height
        s = h / 1080.0
        # A ball bouncing along the floor, a turning square and a gliding bar, all behind the people.
        bx = int((0.5 + 0.45 * math.sin(t * 0.8)) * w)
        by = int(h * 0.86 - abs(math.sin(t * 2.2)) * h * 0.18)
        cv2.circle(frame, (bx, by), int(38 * s), (40, 90, 230), -1, cv2.LINE_AA)
        cv2.circle(frame, (bx - int(10 * s), by - int(12 * s)), int(10 * s), (140, 190, 255), -1, cv2.LINE_AA)
        box = cv2.boxPoints(((w * 0.55, h * 0.18), (110 * s, 110 * s), math.degrees(t * 0.9)))
        cv2.fillConvexPoly(frame, box.astype(np.int32), (60, 170, 60), cv2.LINE_AA)
        gx = int(((t * 0.12) % 1.0) * (w + 300 * s)) - int(300 * s)
        cv2.rectangle(frame, (gx, int(h * 0.07)), (gx + int(260 * s), int(h * 0.11)), (200, 120, 40), -1)
        for cx, cy, fh in self.faces(t):
            self._paste_face(frame, cx, cy, fh)
        stamp = "virtual DeepLens  t={0:7.1f}s".format(t)
        cv2.putText(frame, stamp, (int(w - 520 * s), int(h - 24 * s)), cv2.FONT_HERSHEY_SIMPLEX, 1.0 * s,
                    (235, 235, 235), max(1, int(2 * s)), cv2.LINE_AA)
        return frame

    def _paste_face(self, frame, cx, cy, face_height):
        sprite, alpha = self._sprite(face_height)
        sh, sw = alpha.shape[:2]
        x0, y0 = cx - sw // 2, cy - sh // 2
        fx0, fy0 = max(x0, 0), max(y0, 0)
        fx1, fy1 = min(x0 + sw, frame.shape[1]), min(y0 + sh, frame.shape[0])
        if fx1 <= fx0 or fy1 <= fy0:
            return
        roi = frame[fy0:fy1, fx0:fx1]
        part = sprite[fy0 - y0:fy1 - y0, fx0 - x0:fx1 - x0]
        a = alpha[fy0 - y0:fy1 - y0, fx0 - x0:fx1 - x0]
        roi[:] = (roi * (1.0 - a) + part * a).astype(np.uint8)

    def _sprite(self, face_height):
        if face_height not in self._sprites:
            self._sprites[face_height] = _face_sprite(face_height)
        return self._sprites[face_height]


def _background(width, height):
    """A warm wall over a darker floor, with soft low-frequency texture and a picture on the wall."""
    y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    x = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    wall = np.array([150, 170, 190], np.float32)
    floor = np.array([70, 90, 110], np.float32)
    horizon = 0.78
    blend = np.clip((y - horizon) * 25.0, 0.0, 1.0)[..., None]
    shade = (1.0 - 0.25 * (x - 0.5) ** 2 - 0.15 * y)[..., None]
    image = (wall * (1.0 - blend) + floor * blend) * shade
    # numpy 1.16 (the camera's Python 2.7) has only the legacy generator: the same texture, other grain.
    rng = np.random.default_rng(7) if hasattr(np.random, "default_rng") else np.random.RandomState(7)
    noise = cv2.resize(rng.normal(0.0, 1.0, (height // 40 + 2, width // 40 + 2)).astype(np.float32),
                       (width, height), interpolation=cv2.INTER_CUBIC)
    grain = cv2.resize(rng.normal(0.0, 1.0, (height // 4 + 2, width // 4 + 2)).astype(np.float32),
                       (width, height), interpolation=cv2.INTER_LINEAR)
    image += (noise * 8.0 + grain * 3.0)[..., None]
    frame = np.clip(image, 0, 255).astype(np.uint8)
    s = height / 1080.0
    cv2.rectangle(frame, (int(width * 0.47), int(height * 0.28)), (int(width * 0.60), int(height * 0.48)),
                  (60, 70, 80), int(10 * s))
    cv2.rectangle(frame, (int(width * 0.475), int(height * 0.29)), (int(width * 0.595), int(height * 0.47)),
                  (170, 140, 90), -1)
    cv2.line(frame, (int(width * 0.475), int(height * 0.44)), (int(width * 0.53), int(height * 0.36)),
             (70, 120, 60), int(6 * s), cv2.LINE_AA)
    cv2.line(frame, (int(width * 0.53), int(height * 0.36)), (int(width * 0.595), int(height * 0.45)),
             (70, 120, 60), int(6 * s), cv2.LINE_AA)
    return frame


def _face_sprite(face_height):
    """A frontal face (with hair and neck) as a BGR sprite and its float alpha, both sized to fit.

    Proportions follow what the Haar cascade keys on: dark brows and eyes over bright cheeks, a bright
    nose bridge between the eyes and a darker mouth.
    """
    h = int(face_height)
    w = int(h * 0.78)
    size_w, size_h = int(w * 1.3), int(h * 1.5)
    cx, cy = size_w // 2, int(h * 0.65)
    layer = np.zeros((size_h, size_w, 3), np.uint8)
    mask = np.zeros((size_h, size_w), np.uint8)
    hair_axes = (int(w * 0.56), int(h * 0.56))
    cv2.ellipse(layer, (cx, cy - int(h * 0.08)), hair_axes, 0, 0, 360, _HAIR, -1)
    cv2.ellipse(mask, (cx, cy - int(h * 0.08)), hair_axes, 0, 0, 360, 255, -1)
    neck = ((cx - w // 5, cy + h // 3), (cx + w // 5, cy + int(h * 0.75)))
    cv2.rectangle(layer, neck[0], neck[1], (120, 150, 200), -1)
    cv2.rectangle(mask, neck[0], neck[1], 255, -1)
    cv2.ellipse(layer, (cx, cy), (w // 2, h // 2), 0, 0, 360, _SKIN, -1)
    cv2.ellipse(mask, (cx, cy), (w // 2, h // 2), 0, 0, 360, 255, -1)
    eye_y = cy - int(h * 0.10)
    eye_dx = int(w * 0.2)
    for side in (-1, 1):
        ex = cx + side * eye_dx
        cv2.ellipse(layer, (ex, eye_y - int(h * 0.09)), (int(w * 0.13), int(h * 0.03)), 0, 180, 360,
                    (40, 50, 70), max(2, h // 30))
        cv2.ellipse(layer, (ex, eye_y), (int(w * 0.13), int(h * 0.06)), 0, 0, 360, (90, 115, 160), -1)
        cv2.ellipse(layer, (ex, eye_y), (int(w * 0.10), int(h * 0.035)), 0, 0, 360, (235, 240, 245), -1)
        cv2.circle(layer, (ex, eye_y), int(h * 0.03), (40, 30, 20), -1)
    nose, mouth = (cx, cy + int(h * 0.10)), (cx, cy + int(h * 0.25))
    cv2.ellipse(layer, nose, (int(w * 0.07), int(h * 0.04)), 0, 0, 180, (100, 130, 180), -1)
    cv2.ellipse(layer, mouth, (int(w * 0.16), int(h * 0.05)), 0, 0, 180, (60, 60, 150), -1)
    layer = cv2.GaussianBlur(layer, (0, 0), max(h / 120.0, 0.5))
    alpha = cv2.GaussianBlur(mask, (0, 0), 2).astype(np.float32)[..., None] / 255.0
    return layer.astype(np.float32), alpha
