"""JPEG decoding through OpenCV's libjpeg(-turbo), with DCT scaling for small views.

Decoding at 1/2, 1/4 or 1/8 size happens inside the JPEG decoder (it skips most of the inverse DCT), so
a grid tile costs a fraction of a full decode.
"""

import cv2
import numpy as np

from deeplens_gui.core.errors import CorruptFrame
from deeplens_gui.core.text import say

#: Reduction factor -> OpenCV imread flag (colour, BGR).
_FLAGS = {
    1: cv2.IMREAD_COLOR,
    2: cv2.IMREAD_REDUCED_COLOR_2,
    4: cv2.IMREAD_REDUCED_COLOR_4,
    8: cv2.IMREAD_REDUCED_COLOR_8,
}
REDUCTIONS = tuple(sorted(_FLAGS))
#: how much a live view may enlarge a reduced decode (see choose_reduction)
LIVE_UPSCALE = 1.25


def decode(jpeg, reduce=1):
    """Decode JPEG bytes to a BGR ``uint8`` array of shape (h, w, 3), at 1/``reduce`` of the size.

    Raises CorruptFrame when the data is not a decodable JPEG.
    """
    flag = _FLAGS.get(reduce)
    if flag is None:
        raise ValueError("reduce must be one of {0}, not {1!r}".format(REDUCTIONS, reduce))
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), flag)
    if image is None or image.size == 0:
        raise CorruptFrame(say("A frame from the device could not be decoded (corrupt JPEG, {0} bytes).",
                               len(jpeg)))
    return image


def choose_reduction(src_w, src_h, view_w, view_h, max_upscale=1.0):
    """The largest factor (1, 2, 4, 8) whose decoded size, upscaled at most ``max_upscale`` times, still fills
    the view (1.0: never upscale).

    ``view_w``/``view_h`` are device pixels (multiply by the screen's pixel ratio before calling). Live views
    allow a little upscaling: a 1/2-size decode costs about a third of a full one and, shown 1.2x larger,
    looks the same in motion (snapshots always come from the full JPEG).
    """
    if src_w <= 0 or src_h <= 0 or view_w <= 0 or view_h <= 0:
        return 1
    fitted_w, fitted_h = fit_size(src_w, src_h, view_w, view_h)
    best = 1
    for factor in REDUCTIONS:
        if (src_w / factor) * max_upscale >= fitted_w and (src_h / factor) * max_upscale >= fitted_h:
            best = factor
    return best


def fit_size(src_w, src_h, box_w, box_h):
    """The largest (width, height) with the source's aspect ratio that fits in the box (at least 1x1)."""
    if src_w <= 0 or src_h <= 0:
        return max(1, box_w), max(1, box_h)
    scale = min(box_w / float(src_w), box_h / float(src_h))
    return max(1, int(round(src_w * scale))), max(1, int(round(src_h * scale)))


def to_display(image, width, height, out):
    """Scale a BGR ``image`` to ``width`` x ``height`` and write it as BGRA into ``out`` (h, w, 4 uint8).

    BGRA in memory is Qt's RGB32 on little-endian machines: the GUI thread can paint it without converting
    or scaling.
    """
    if (image.shape[1], image.shape[0]) == (width, height):
        return cv2.cvtColor(image, cv2.COLOR_BGR2BGRA, dst=out)
    # Four channels scale faster than three (aligned SIMD lanes), so convert first. Bilinear is right for
    # enlarging and for shrinking less than 2x (what is left after a reduced decode); only a bigger shrink
    # needs area averaging against aliasing, which is 8x slower at fractional ratios.
    heavy_shrink = width * 2 <= image.shape[1]
    return cv2.resize(cv2.cvtColor(image, cv2.COLOR_BGR2BGRA), (width, height), dst=out,
                      interpolation=cv2.INTER_AREA if heavy_shrink else cv2.INTER_LINEAR)


def single_threaded():
    """Make OpenCV use the calling threads only. Each stream already has its own thread; OpenCV's own
    worker pool on top of that only adds hand-off costs (measured in bench/), most of all with many streams.
    """
    cv2.setNumThreads(1)
