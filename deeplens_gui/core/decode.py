"""JPEG decoding through OpenCV's libjpeg(-turbo), with DCT scaling for small views.

Decoding at 1/2, 1/4 or 1/8 size happens inside the JPEG decoder (it skips most of the inverse DCT), so
a grid tile costs a fraction of a full decode.
"""

import cv2
import numpy as np

from deeplens_gui.core.errors import CorruptFrame

#: Reduction factor -> OpenCV imread flag (colour, BGR).
_FLAGS = {
    1: cv2.IMREAD_COLOR,
    2: cv2.IMREAD_REDUCED_COLOR_2,
    4: cv2.IMREAD_REDUCED_COLOR_4,
    8: cv2.IMREAD_REDUCED_COLOR_8,
}
REDUCTIONS = tuple(sorted(_FLAGS))


def decode(jpeg, reduce=1):
    """Decode JPEG bytes to a BGR ``uint8`` array of shape (h, w, 3), at 1/``reduce`` of the size.

    Raises CorruptFrame when the data is not a decodable JPEG.
    """
    flag = _FLAGS.get(reduce)
    if flag is None:
        raise ValueError("reduce must be one of {0}, not {1!r}".format(REDUCTIONS, reduce))
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), flag)
    if image is None or image.size == 0:
        raise CorruptFrame("A frame from the device could not be decoded (corrupt JPEG, {0} bytes).".format(len(jpeg)))
    return image


def choose_reduction(src_w, src_h, view_w, view_h):
    """The largest factor (1, 2, 4, 8) that still gives at least the view's size, so nothing is upscaled.

    ``view_w``/``view_h`` are device pixels (multiply by the screen's pixel ratio before calling).
    """
    if src_w <= 0 or src_h <= 0 or view_w <= 0 or view_h <= 0:
        return 1
    best = 1
    for factor in REDUCTIONS:
        if src_w / factor >= view_w and src_h / factor >= view_h:
            best = factor
    return best
