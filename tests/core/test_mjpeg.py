"""The structure-aware MJPEG frame reader: any chunking, garbage, truncation, oversize, fuzz, jpeg_size."""

import random
import struct
import time

import cv2
import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from deeplens_gui.core import mjpeg
from deeplens_gui.core.mjpeg import FrameReader, jpeg_size
from tests.fixtures.frames import make_image, make_jpeg, make_jpegs

MJPEG_SOURCE = mjpeg.__file__


def _encode(img, *params):
    ok, buf = cv2.imencode(".jpg", img, list(params))
    assert ok
    return buf.tobytes()


def _segments(jpeg):
    """(marker, offset, total length) of each header segment up to and including SOS."""
    out, pos = [], 2
    while True:
        if jpeg[pos + 1] == 0xFF:  # fill byte
            pos += 1
            continue
        marker = jpeg[pos + 1]
        length = struct.unpack(">H", jpeg[pos + 2 : pos + 4])[0]
        out.append((marker, pos, 2 + length))
        if marker == 0xDA:
            return out
        pos += 2 + length


def with_exif_thumbnail(jpeg, thumbnail):
    """``jpeg`` with an EXIF APP1 segment (TIFF header, IFD0, IFD1 pointing at ``thumbnail``) after APP0."""
    ifd1 = 8 + 2 + 4  # TIFF header, then an empty IFD0 (count + next-IFD offset)
    data = ifd1 + 2 + 2 * 12 + 4
    tiff = b"MM\x00\x2a" + struct.pack(">I", 8)
    tiff += struct.pack(">HI", 0, ifd1)
    tiff += struct.pack(">H", 2)
    tiff += struct.pack(">HHII", 0x0201, 4, 1, data)  # JPEGInterchangeFormat
    tiff += struct.pack(">HHII", 0x0202, 4, 1, len(thumbnail))  # JPEGInterchangeFormatLength
    tiff += struct.pack(">I", 0)
    body = b"Exif\x00\x00" + tiff + thumbnail
    app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    marker, offset, length = _segments(jpeg)[0]
    assert marker == 0xE0
    return jpeg[: offset + length] + app1 + jpeg[offset + length :]


def with_comment_and_fill(jpeg):
    """``jpeg`` with a COM segment and 0xFF fill bytes before the first DQT marker (both legal)."""
    _, offset, _ = next(s for s in _segments(jpeg) if s[0] == 0xDB)
    text = b"deeplens \xff\xd8 not a frame"
    com = b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text
    return jpeg[:offset] + com + b"\xff\xff\xff" + jpeg[offset:]


def _pool():
    thumb = make_jpeg(99, 40, 30)
    frames = [
        make_jpeg(0, 64, 48),
        make_jpeg(1, 96, 72),
        _encode(make_image(2, 80, 60), cv2.IMWRITE_JPEG_PROGRESSIVE, 1),
        _encode(make_image(3, 80, 60), cv2.IMWRITE_JPEG_RST_INTERVAL, 2),
        _encode(make_image(4, 72, 56), cv2.IMWRITE_JPEG_PROGRESSIVE, 1, cv2.IMWRITE_JPEG_RST_INTERVAL, 1),
        with_exif_thumbnail(make_jpeg(5, 64, 48), thumb),
        with_comment_and_fill(make_jpeg(6, 48, 40)),
        _encode(cv2.cvtColor(make_image(7, 40, 32), cv2.COLOR_BGR2GRAY)),
        _encode(make_image(8, 64, 48), cv2.IMWRITE_JPEG_QUALITY, 100),
    ]
    assert len(set(frames)) == len(frames)
    return frames


POOL = _pool()
SIZES = [(64, 48), (96, 72), (80, 60), (80, 60), (72, 56), (64, 48), (48, 40), (40, 32), (64, 48)]


def test_pool_has_the_tricky_structures():
    progressive = POOL[2]
    assert progressive.count(b"\xff\xda") > 1, "a progressive JPEG has several scans"
    assert any(POOL[3].count(bytes([0xFF, 0xD0 + k])) for k in range(8)), "restart markers present"
    assert POOL[5].count(b"\xff\xd8") == 2 and POOL[5].count(b"\xff\xd9") == 2, "EXIF thumbnail is embedded"
    for frame in POOL:
        assert cv2.imdecode(np.frombuffer(frame, np.uint8), cv2.IMREAD_UNCHANGED) is not None


def _chunks(data, sizes):
    """Split ``data`` cycling through ``sizes`` (0 gives an empty chunk)."""
    out, pos, i = [], 0, 0
    while pos < len(data):
        size = sizes[i % len(sizes)]
        out.append(data[pos : pos + size])
        pos += size
        i += 1
    return out


def _read_all(reader, chunks):
    frames = []
    for chunk in chunks:
        frames.extend(reader.feed(chunk))
    return frames


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    order=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=10),
    sizes=st.lists(st.integers(0, 3000), min_size=1, max_size=20).filter(any),
    as_bytearray=st.booleans(),
)
def test_any_chunking_yields_exactly_the_frames(order, sizes, as_bytearray):
    frames = [POOL[i] for i in order]
    chunks = _chunks(b"".join(frames), sizes)
    if as_bytearray:
        chunks = [bytearray(c) for c in chunks]
    reader = FrameReader()
    out = _read_all(reader, chunks)
    assert out == frames
    assert all(type(f) is bytes for f in out)
    assert reader.frames == len(frames)
    assert (reader.discarded_bytes, reader.truncated_frames, reader.oversized_frames) == (0, 0, 0)
    assert reader.buffered == 0


@pytest.mark.parametrize("index", range(len(POOL)))
def test_byte_by_byte(index):
    frame = POOL[index]
    reader = FrameReader()
    out = _read_all(reader, [frame[i : i + 1] for i in range(len(frame))] * 2)
    assert out == [frame, frame]


def test_exif_thumbnail_is_not_a_frame_of_its_own():
    reader = FrameReader()
    assert reader.feed(POOL[5]) == [POOL[5]]
    assert reader.frames == 1


def _no_soi(data):
    """Random garbage that cannot contain an SOI (so it can only be garbage)."""
    return bytes(b if b != 0xD8 else 0xD7 for b in data)


@settings(max_examples=100, deadline=None)
@given(
    order=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=6),
    garbage=st.lists(st.binary(max_size=300), min_size=7, max_size=7),
    tail_of=st.integers(0, len(POOL) - 1),
    tail_cut=st.integers(3, 10_000),
    sizes=st.lists(st.integers(1, 2000), min_size=1, max_size=5),
)
def test_garbage_before_and_between_frames_is_dropped_and_counted(order, garbage, tail_of, tail_cut, sizes):
    # A reader attaching to the FIFO mid-frame first sees the tail of a frame: that is garbage too.
    # A tail that still holds the EXIF thumbnail (5) or the COM text with an SOI in it (6) would, correctly,
    # be read as a frame start: a reader joining mid-frame cannot know it is inside a segment.
    assume(tail_of not in (5, 6))
    tail = POOL[tail_of][min(tail_cut, len(POOL[tail_of]) - 1) :]
    frames = [POOL[i] for i in order]
    pieces = [tail + _no_soi(garbage[0])]
    total_garbage = len(pieces[0])
    for i, frame in enumerate(frames):
        junk = _no_soi(garbage[i + 1])
        pieces += [frame, junk]
        total_garbage += len(junk)
    reader = FrameReader()
    out = _read_all(reader, _chunks(b"".join(pieces), sizes))
    assert out == frames
    held = reader.buffered
    assert held <= 1  # at most a trailing 0xFF that might start the next SOI
    assert reader.discarded_bytes + held == total_garbage
    assert reader.truncated_frames == 0


def _first_cuttable_offset(jpeg):
    """Offset of the first segment that is neither APPn nor COM (see test below)."""
    return next(off for marker, off, _ in _segments(jpeg) if not (0xE0 <= marker <= 0xEF or marker == 0xFE))


@settings(max_examples=150, deadline=None)
@given(
    victim=st.integers(0, len(POOL) - 1),
    cut=st.floats(0.0, 1.0),
    after=st.lists(st.integers(0, len(POOL) - 1), min_size=1, max_size=4),
    sizes=st.lists(st.integers(64, 4000), min_size=1, max_size=5),  # tiny chunks: see test_byte_by_byte
)
def test_truncated_frame_then_new_frames(victim, cut, after, sizes):
    # Cut anywhere from the first table segment to just before the last byte. A cut inside APP0/APPn can be
    # misread by any length-following parser (an APPn body may legally hold an SOI), so it is left out.
    frame = POOL[victim]
    lo = _first_cuttable_offset(frame)
    k = lo + int(cut * (len(frame) - 1 - lo))
    # Enough frames after the cut that a length field misread from the next frame (up to 64 KiB) is passed.
    following = [POOL[i] for i in after]
    filler = []
    while sum(map(len, filler)) < 70_000:
        filler.extend(POOL)
    stream = frame[:k] + b"".join(following + filler)
    reader = FrameReader()
    out = _read_all(reader, _chunks(stream, sizes))
    assert out == following + filler
    assert reader.truncated_frames == 1
    assert reader.discarded_bytes == k


@pytest.mark.parametrize("index", range(len(POOL)))
def test_cut_at_every_header_segment_boundary(index):
    # Cuts on the last bytes of a segment are the nastiest: the skip by length lands inside the next frame's SOI.
    frame, nxt = POOL[index], POOL[(index + 1) % len(POOL)]
    lo = _first_cuttable_offset(frame)
    for _, offset, length in _segments(frame):
        for k in (offset + length - 2, offset + length - 1, offset + length, offset + 1):
            if k < lo:
                continue
            reader = FrameReader()
            assert reader.feed(frame[:k] + nxt + TINY) == [nxt, TINY], k
            assert (reader.truncated_frames, reader.discarded_bytes) == (1, k)


def test_truncated_frame_counts_and_resyncs_simple():
    a, b = make_jpegs(2, 64, 48)
    reader = FrameReader()
    assert reader.feed(a[: len(a) // 2]) == []
    assert reader.feed(b) == [b]
    assert reader.truncated_frames == 1
    assert reader.discarded_bytes == len(a) // 2


def test_reset_forgets_partial_frame_and_keeps_counters():
    a, b = make_jpegs(2, 64, 48)
    reader = FrameReader()
    assert reader.feed(b + a[:100]) == [b]
    reader.reset()
    assert (reader.frames, reader.truncated_frames, reader.discarded_bytes, reader.buffered) == (1, 1, 100, 0)
    # The rest of the abandoned frame is garbage now, and the next frame comes through.
    assert reader.feed(a[100:] + b) == [b]
    assert reader.frames == 2
    assert reader.discarded_bytes == len(a)


def test_never_ending_frame_hits_the_cap_and_the_reader_recovers():
    cap = 64 * 1024
    a, b = make_jpegs(2, 64, 48)
    header = a[: _segments(a)[-1][1] + _segments(a)[-1][2]]  # everything up to the end of the SOS header
    rng = random.Random(7)
    reader = FrameReader(max_frame_size=cap)
    assert reader.feed(header) == []
    peak = 0
    for _ in range(400):  # 400 x 4 KiB of entropy-like data: far beyond the cap
        chunk = rng.randbytes(4096).replace(b"\xff", b"\xff\x00")
        assert reader.feed(chunk) == []
        peak = max(peak, reader.buffered)
    assert reader.oversized_frames == 1
    assert peak <= cap + 2 * 4096
    out = reader.feed(b + a)
    assert out == [b, a]
    assert reader.truncated_frames == 0  # the dropped frame was counted once, as oversized


# The smallest thing the reader accepts as a frame: SOI, a COM segment, EOI.
TINY = b"\xff\xd8\xff\xfe\x00\x04hi\xff\xd9"


@pytest.mark.parametrize("index", range(len(POOL)))
def test_frames_over_the_cap_are_dropped_whole_in_any_chunking(index):
    big = POOL[index]
    cap = len(big) - 1
    for size in (1, 7, 100, len(big)):
        reader = FrameReader(max_frame_size=cap)
        out = _read_all(reader, _chunks(TINY + big + TINY, [size]))
        assert out == [TINY, TINY], size
        assert reader.oversized_frames == 1
        assert reader.discarded_bytes == len(big)
        assert reader.buffered == 0
    reader = FrameReader(max_frame_size=len(big))
    assert reader.feed(TINY + big) == [TINY, big]  # exactly at the cap is still fine


def test_oversized_segment_is_skipped_without_buffering():
    # A huge APP1 segment (64 KiB, the most a length can say) in a frame whose cap is 16 KiB.
    a, b = make_jpegs(2, 64, 48)
    body = bytes(65533)
    app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
    huge = a[:2] + app1 + a[2:]
    reader = FrameReader(max_frame_size=16 * 1024)
    peak = 0
    out = []
    for chunk in _chunks(huge + b, [1000]):
        out += reader.feed(chunk)
        peak = max(peak, reader.buffered)
    assert out == [b]
    assert reader.oversized_frames == 1
    assert peak <= 16 * 1024 + 1000


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=5000), sizes=st.lists(st.integers(0, 600), min_size=1, max_size=8).filter(any))
def test_random_bytes_never_raise_and_stay_bounded(data, sizes):
    cap = 2048
    reader = FrameReader(max_frame_size=cap)
    total = 0
    for chunk in _chunks(data, sizes):
        for frame in reader.feed(chunk):
            assert frame[:2] == b"\xff\xd8" and frame[-2:] == b"\xff\xd9"
            assert len(frame) <= cap
            total += len(frame)
        assert reader.buffered <= cap + max(sizes)
    # Every byte is accounted for: yielded, discarded or still held.
    assert total + reader.discarded_bytes + reader.buffered == len(data)


@settings(max_examples=200, deadline=None)
@given(
    frame=st.integers(0, len(POOL) - 1),
    flips=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 255)), min_size=1, max_size=6),
)
def test_corrupted_frames_never_raise_and_the_next_frame_survives(frame, flips):
    data = bytearray(POOL[frame])
    for where, value in flips:
        data[2 + int(where * (len(data) - 3))] = value
    # A corrupted length can swallow up to 64 KiB of what follows; after that the stream is read again.
    filler = []
    while sum(map(len, filler)) < 70_000:
        filler.extend(POOL)
    tail = list(POOL)
    stream = bytes(data) + b"".join(filler + tail)
    reader = FrameReader()
    out = []
    for chunk in _chunks(stream, [1500]):
        out += reader.feed(chunk)
    assert out[-len(tail) :] == tail
    assert sum(map(len, out)) + reader.discarded_bytes + reader.buffered == len(stream)


@pytest.mark.parametrize("index", range(len(POOL)))
def test_jpeg_size(index):
    assert jpeg_size(POOL[index]) == SIZES[index]
    assert jpeg_size(bytearray(POOL[index])) == SIZES[index]


def test_jpeg_size_of_large_frame_and_of_non_jpegs():
    assert jpeg_size(make_jpeg(1, 858, 480)) == (858, 480)
    assert jpeg_size(make_jpeg(1, 1920, 1080)) == (1920, 1080)
    assert jpeg_size(b"") is None
    assert jpeg_size(b"\xff\xd8\xff\xd9") is None
    assert jpeg_size(b"not a jpeg at all") is None
    frame = POOL[0]
    sof = next(off for marker, off, _ in _segments(frame) if marker == 0xC0)
    assert jpeg_size(frame[: sof + 4]) is None  # header cut before the dimensions


def test_throughput_is_linear_and_fast():
    # 2 MB of 858x480 frames fed in 4 KiB chunks must parse in well under a second (no per-byte Python loop,
    # no rescanning from the frame start on each feed).
    frames = make_jpegs(4, 858, 480)
    stream = b"".join(frames) * 25
    reader = FrameReader()
    start = time.perf_counter()
    out = _read_all(reader, _chunks(stream, [4096]))
    elapsed = time.perf_counter() - start
    assert out == frames * 25
    assert elapsed < 1.0, elapsed


def _every_encoder_structure(quality):
    """One small frame per structure libjpeg (through cv2) and Pillow write at ``quality``."""
    from io import BytesIO

    from PIL import Image

    img = make_image(quality, 48, 32)
    grey = cv2.cvtColor(img, cv2.COLOR_BGR2GRAY)
    q = cv2.IMWRITE_JPEG_QUALITY
    frames = [
        _encode(img, q, quality),
        _encode(img, q, quality, cv2.IMWRITE_JPEG_SAMPLING_FACTOR, cv2.IMWRITE_JPEG_SAMPLING_FACTOR_444),
        _encode(grey, q, quality),
        _encode(img, q, quality, cv2.IMWRITE_JPEG_PROGRESSIVE, 1),
        _encode(img, q, quality, cv2.IMWRITE_JPEG_RST_INTERVAL, 1),
        with_exif_thumbnail(_encode(img, q, quality), _encode(make_image(quality, 16, 8), q, quality)),
    ]
    rgb = Image.fromarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB))
    for picture, options in [
        (rgb, {"subsampling": 2}),
        (rgb, {"subsampling": 0}),
        (rgb.convert("L"), {}),
        (rgb, {"progressive": True}),
        (rgb, {"restart_marker_blocks": 1}),
        (rgb, {"optimize": True}),
    ]:
        out = BytesIO()
        picture.save(out, "JPEG", quality=quality, **options)
        frames.append(out.getvalue())
    out = BytesIO()
    thumbnail = BytesIO()
    rgb.resize((16, 8)).save(thumbnail, "JPEG", quality=quality)
    rgb.save(out, "JPEG", quality=quality)
    frames.append(with_exif_thumbnail(out.getvalue(), thumbnail.getvalue()))
    return frames


def test_every_libjpeg_and_pillow_quality_and_structure_in_random_chunks():
    frames = [frame for quality in range(1, 101) for frame in _every_encoder_structure(quality)]
    # The reason for this test: at quality 18 libjpeg's quantization tables hold FF D8.
    assert any(_SOI_IN_TABLES(frame) for frame in frames)
    rng = random.Random(18)
    stream = b"".join(frames)
    for _ in range(3):
        sizes = [rng.choice([1, 2, 3, 7, 64, 1000, 4096, 65536]) for _ in range(50)]
        reader = FrameReader()
        assert _read_all(reader, _chunks(stream, sizes)) == frames
        assert (reader.discarded_bytes, reader.truncated_frames, reader.buffered) == (0, 0, 0)


def _SOI_IN_TABLES(frame):
    return any(marker == 0xDB and b"\xff\xd8" in frame[offset + 2 : offset + length]
               for marker, offset, length in _segments(frame))


def test_a_frame_cut_inside_a_table_holding_ff_d8_resyncs_on_the_next_frame():
    quality_18 = [frame for frame in _every_encoder_structure(18) if _SOI_IN_TABLES(frame)]
    assert quality_18
    for frame in quality_18:
        _, offset, length = next(s for s in _segments(frame) if s[0] == 0xDB)
        for k in range(offset + 4, offset + length):
            reader = FrameReader()
            assert reader.feed(frame[:k] + frame + TINY) == [frame, TINY], k
            assert reader.discarded_bytes == k
            # An FF D8 of the cut frame's own table before the cut may be tried first and count as cut too.
            assert reader.truncated_frames == 1 or b"\xff\xd8" in frame[offset + 4 : k]
