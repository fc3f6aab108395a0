"""TARGET parsing: ``[user@]host[:port]``, ``[user@][ipv6]:port`` and bare aliases."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from deeplens_gui.core.device import CAMERA_STREAM, PROJECT_STREAM, Device, parse_target
from deeplens_gui.core.errors import TargetError

users = st.from_regex(r"[A-Za-z0-9_.][A-Za-z0-9_.-]{0,15}", fullmatch=True)
# A leading "-" would read as an option to ssh-like tools, so parse_target refuses it (tested below).
hosts = st.from_regex(r"[A-Za-z0-9_.%][A-Za-z0-9_.%-]{0,29}", fullmatch=True)
ports = st.integers(min_value=1, max_value=65535)
ipv6 = st.ip_addresses(v=6).map(str)


@given(user=st.none() | users, host=hosts, port=st.none() | ports)
def test_user_host_port_round_trip(user, host, port):
    text = "{0}{1}{2}".format(user + "@" if user else "", host, ":{0}".format(port) if port else "")
    device = parse_target(text)
    assert (device.host, device.user, device.port) == (host, user, port)
    assert device.name == text
    assert device.stream_path == PROJECT_STREAM and device.identity is None


@given(user=st.none() | users, address=ipv6, port=st.none() | ports)
def test_bracketed_ipv6_round_trip(user, address, port):
    text = "{0}[{1}]{2}".format(user + "@" if user else "", address, ":{0}".format(port) if port else "")
    device = parse_target(text)
    assert (device.host, device.user, device.port) == (address, user, port)


@given(address=ipv6.filter(lambda a: a.count(":") > 1))
def test_bare_ipv6_has_no_port(address):
    device = parse_target(address)
    assert (device.host, device.port) == (address, None)


@given(host=hosts, port=st.integers(max_value=0) | st.integers(min_value=65536))
def test_ports_out_of_range_are_refused(host, port):
    with pytest.raises(TargetError) as caught:
        parse_target("{0}:{1}".format(host, port))
    assert "is not a port number (1-65535)" in str(caught.value)


@given(host=hosts, port=st.text(alphabet=string.printable, min_size=1).filter(
    lambda t: ":" not in t and not t.rstrip().isdigit()))
def test_non_numeric_ports_are_refused(host, port):
    # The whole target is stripped, so a port like "22\n" is fine and excluded above.
    with pytest.raises(TargetError):
        parse_target("{0}:{1}".format(host, port))


def test_non_ascii_digits_are_not_a_port():
    with pytest.raises(TargetError):
        parse_target("cam:\u00b2")


def test_hosts_cannot_look_like_options():
    with pytest.raises(TargetError):
        parse_target("aws_cam@-oProxyCommand=x")


@pytest.mark.parametrize("text", ["", "   ", None, "cam:", "cam:22x", "[::1", "[::1]2222", "[::1]:",
                                  "bad user@cam", "@cam", "cam one", "user@", "user@:22", "[]:22"])
def test_bad_targets_raise_target_error_with_a_sentence(text):
    with pytest.raises(TargetError) as caught:
        parse_target(text)
    assert caught.value.kind == "bad-target"
    assert str(caught.value).endswith(".")


def test_alias_is_kept_for_the_ssh_config_and_options_pass_through():
    device = parse_target("  classroom-cam7  ", stream_path=CAMERA_STREAM, identity="~/.ssh/deeplens")
    assert device == Device(name="classroom-cam7", host="classroom-cam7", stream_path=CAMERA_STREAM,
                            identity="~/.ssh/deeplens")


def test_display_and_with_stream():
    device = Device(name="cam7", host="10.0.0.7", label="Ada")
    assert device.display == "cam7 (Ada)"
    assert Device(name="cam8", host="10.0.0.8").display == "cam8"
    other = device.with_stream(CAMERA_STREAM)
    assert other.stream_path == CAMERA_STREAM and device.stream_path == PROJECT_STREAM
    assert other.name == device.name and other.label == "Ada"
