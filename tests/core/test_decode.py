"""Decoding with DCT scaling, and the choice of reduction for a view size."""

import cv2
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deeplens_gui.core.decode import choose_reduction, decode, fit_size, to_display
from deeplens_gui.core.errors import CorruptFrame
from tests.fixtures.frames import make_image, make_jpeg


@pytest.mark.parametrize("factor", [1, 2, 4, 8])
def test_decode_reduces_inside_the_decoder(factor):
    jpeg = make_jpeg(3, 858, 480)
    image = decode(jpeg, factor)
    assert image.shape == (-(-480 // factor), -(-858 // factor), 3)
    assert image.dtype.name == "uint8"


def test_decoded_pixels_match_the_source():
    source = make_image(5, 320, 240)
    image = decode(make_jpeg(5, 320, 240, quality=95))
    assert abs(image.astype(int) - source.astype(int)).mean() < 3


def test_corrupt_data_raises_a_typed_error():
    with pytest.raises(CorruptFrame, match="could not be decoded"):
        decode(b"\xff\xd8\xff\xe0 not a jpeg \xff\xd9")


def test_unknown_factor_is_a_bug():
    with pytest.raises(ValueError):
        decode(make_jpeg(1), 3)


def test_choose_reduction_examples():
    assert choose_reduction(1920, 1080, 1920, 1080) == 1
    assert choose_reduction(1920, 1080, 900, 500) == 2
    assert choose_reduction(858, 480, 200, 110) == 4
    assert choose_reduction(1920, 1080, 100, 60) == 8
    assert choose_reduction(858, 480, 0, 0) == 1


@given(st.integers(1, 4000), st.integers(1, 4000), st.integers(1, 4000), st.integers(1, 4000))
def test_choose_reduction_never_upscales(src_w, src_h, view_w, view_h):
    factor = choose_reduction(src_w, src_h, view_w, view_h)
    assert factor in (1, 2, 4, 8)
    shown_w, shown_h = fit_size(src_w, src_h, view_w, view_h)
    if factor > 1:  # the decoded picture still covers what the view shows of it
        assert src_w / factor >= shown_w and src_h / factor >= shown_h


def test_fit_size_keeps_the_aspect_ratio():
    assert fit_size(858, 480, 1100, 595) == (1064, 595)
    assert fit_size(858, 480, 300, 1000) == (300, 168)
    assert fit_size(640, 480, 0, 0) == (1, 1)


def test_choose_reduction_may_enlarge_a_little_for_live_views():
    # A 1080p frame in an 1100x595 view: the 1/2 decode (960x540) enlarged 1.1x fills it.
    assert choose_reduction(1920, 1080, 1100, 595) == 1
    assert choose_reduction(1920, 1080, 1100, 595, max_upscale=1.25) == 2


def test_to_display_scales_and_converts_to_bgra():
    image = decode(make_jpeg(4, 858, 480, quality=95))
    out = np.zeros((595, 1064, 4), np.uint8)
    result = to_display(image, 1064, 595, out)
    assert result is out
    assert (out[..., 3] == 255).all()
    back = cv2.resize(out[..., :3], (858, 480), interpolation=cv2.INTER_AREA)
    assert abs(back.astype(int) - image.astype(int)).mean() < 4
    same = np.zeros((480, 858, 4), np.uint8)
    to_display(image, 858, 480, same)
    assert (same[..., :3] == image).all()
