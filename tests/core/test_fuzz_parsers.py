"""Fuzzing of everything that parses device output, beyond the MJPEG reader and the probe.

(The MJPEG reader is fuzzed in tests/core/test_mjpeg.py, the status probe and the deployed record inside it in
tests/core/test_probe.py.) Here: relay status lines and the stream's stderr line buffer, the relay's
``baddata`` detail as the stream reads it, log tails, published results and the deploy history. No exception
may escape, and what the parsers keep stays bounded.
"""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deeplens_gui.core import commands
from deeplens_gui.core.device import Device
from deeplens_gui.core.stream import FrameSource, StreamState, _LineBuffer

_text_or_bytes = st.one_of(st.binary(max_size=300), st.text(max_size=300))
_scalars = (st.none() | st.booleans() | st.integers(min_value=-(10 ** 400), max_value=10 ** 400)
            | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=20))
_json = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                     | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=20)
_RESULT_KEYS = ["time", "topic", "payload", "label", "top_label", "prob", "probability", "confidence", "score",
                "faces", "box", "boxes", "xmin", "ymin", "xmax", "ymax", "face"]
_json_with_keys = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(_RESULT_KEYS), inner, max_size=5),
    max_leaves=25)


@settings(max_examples=300, deadline=None)
@given(_text_or_bytes)
def test_relay_status_lines_parse_or_are_ignored(line):
    parsed = commands.parse_relay_status(line)
    if parsed is not None:
        state, detail = parsed
        assert isinstance(state, str) and state and " " not in state
        assert isinstance(detail, str)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=40000), max_size=8))
def test_stderr_line_buffer_is_bounded(chunks):
    buffer = _LineBuffer()
    for chunk in chunks:
        lines = buffer.feed(chunk)
        assert all(isinstance(line, str) for line in lines)
        assert len(buffer._buffer) <= 65536 + len(chunk)
    assert all(isinstance(line, str) for line in buffer.flush())
    assert len(buffer.last_error) <= 200 or buffer.last_error.startswith(("cannot", "error"))


class _Quiet:
    """Just enough of a connection for FrameSource to name the device (the lines are fed directly)."""

    device = Device(name="fuzzed", host="127.0.0.1", port=22)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(
    st.builds(lambda detail: commands.RELAY_STATUS_PREFIX + "baddata " + detail, st.text(max_size=40)),
    st.builds(lambda a, b: "{0}baddata {1} {2}".format(commands.RELAY_STATUS_PREFIX, a, b),
              st.integers(-10 ** 30, 10 ** 30), st.integers(-5, 10 ** 6)),
    st.builds(lambda state, detail: commands.RELAY_STATUS_PREFIX + state + " " + detail,
              st.sampled_from(sorted(commands.RELAY_STATES) + ["future-state"]), st.text(max_size=40)),
    st.text(max_size=80)), max_size=12))
def test_relay_lines_never_break_the_stream(lines):
    statuses = []
    source = FrameSource(_Quiet(), on_status=statuses.append)
    for line in lines:
        source._on_relay_line(line)
    stats = source.stats()
    assert stats.discarded_bytes >= 0
    assert all(isinstance(status.state, StreamState) and isinstance(status.message, str) for status in statuses)
    assert source.status.state is not StreamState.FAILED


@settings(max_examples=300, deadline=None)
@given(_text_or_bytes)
def test_log_tail_output_parses(output):
    path, lines = commands.parse_log_tail(output)
    assert path is None or isinstance(path, str)
    assert isinstance(lines, list) and all(isinstance(line, str) for line in lines)


def _jsonl(values, junk):
    out = []
    for value, extra in zip(values, junk):
        try:
            out.append(json.dumps(value))
        except ValueError:
            out.append(repr(value))
        if extra:
            out.append(extra)
    return "\n".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_json_with_keys, max_size=8), st.lists(st.text(max_size=30), max_size=8))
def test_published_results_parse_leniently(values, junk):
    from deeplens_gui.ui.device_panel import parse_results

    text = _jsonl(values, junk)
    rows = parse_results(text, limit=5)
    assert len(rows) <= 5
    for row in rows:
        assert isinstance(row.label, str) and isinstance(row.topic, str) and isinstance(row.boxes, str)
        assert row.probability is None or isinstance(row.probability, float)


@settings(max_examples=120, deadline=None)
@given(st.lists(_json, max_size=8), st.lists(st.text(max_size=30), max_size=8))
def test_deploy_history_parses_leniently(values, junk):
    from deeplens_gui.ui.status_panel import parse_history

    entries = parse_history(_jsonl(values, junk), limit=4)
    assert len(entries) <= 4 and all(isinstance(entry, dict) for entry in entries)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from([10, 1000, 100000]), st.sampled_from(["[", '{"a":']))
def test_deeply_nested_json_does_not_escape(depth, opener):
    from deeplens_gui.ui.device_panel import parse_results
    from deeplens_gui.ui.status_panel import parse_history

    closer = "]" if opener == "[" else "}"
    nested = opener * depth + "1" + closer * depth
    assert len(parse_results('{"payload": ' + nested + "}\n" + json.dumps({"payload": nested}))) == 2
    assert len(parse_history('{"x": ' + nested + "}")) <= 1


@given(st.integers(min_value=10 ** 309, max_value=10 ** 400), st.sampled_from(["time", "prob"]))
def test_huge_json_numbers_do_not_escape(number, key):
    from deeplens_gui.ui.device_panel import parse_results

    payload = {"label": "x", "prob": number} if key == "prob" else "x"
    line = json.dumps({key: number, "payload": payload}) if key == "time" else json.dumps({"payload": payload})
    (row,) = parse_results(line)
    assert row.probability is None and (row.time == 0.0 or key == "prob")
