"""Rosters: strict loading with located errors, exact round trips, atomic saves, CSV and ssh-config import."""

import os
import tempfile
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deeplens_gui.core import roster as roster_module
from deeplens_gui.core.device import CAMERA_STREAM, PROJECT_STREAM, Device
from deeplens_gui.core.errors import ConfigError, StorageError, TargetError
from deeplens_gui.core.roster import (
    Roster,
    RowError,
    format_target,
    import_csv,
    import_ssh_config,
    load_roster,
    resolve_target,
    save_roster,
)

EXAMPLE = """\
version = 1
known_hosts = "known_hosts"

[[device]]
name = "desk-01"
target = "aws_cam@192.0.2.10:22"
identity = "keys/deeplens"
stream_path = "/tmp/results.mjpeg"
label = "Minji Kim"
group_id = "0f1e2d3c-aaaa-bbbb-cccc-000000000001"
region = "us-east-1"

[[device]]
name = "desk-02"
target = "classroom-cam"
"""


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_example_roster_loads_with_paths_resolved_against_the_roster(tmp_path):
    roster = load_roster(write(tmp_path / "class.toml", EXAMPLE))
    assert roster.names() == ["desk-01", "desk-02"]
    assert roster.known_hosts == str(tmp_path / "known_hosts")
    assert roster.path == str(tmp_path / "class.toml")
    assert roster.get("desk-01") == Device(
        name="desk-01", host="192.0.2.10", user="aws_cam", port=22,
        identity=str(tmp_path / "keys" / "deeplens"),
        stream_path=PROJECT_STREAM, label="Minji Kim", group_id="0f1e2d3c-aaaa-bbbb-cccc-000000000001",
        region="us-east-1")
    alias = roster.get("desk-02")
    assert (alias.host, alias.user, alias.port, alias.identity, alias.label) == (
        "classroom-cam", None, None, None, "")


def test_identity_with_tilde_is_the_users_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    text = '[[device]]\nname = "a"\ntarget = "h"\nidentity = "~/.ssh/deeplens"\n'
    roster = load_roster(write(tmp_path / "r.toml", text))
    assert roster.get("a").identity == str(tmp_path / "home" / ".ssh" / "deeplens")
    (tmp_path / "class").mkdir()
    (tmp_path / "home").mkdir()
    save_roster(roster, tmp_path / "class" / "copy.toml")
    assert 'identity = "~/.ssh/deeplens"' in (tmp_path / "class" / "copy.toml").read_text(encoding="utf-8")
    save_roster(roster, tmp_path / "home" / "copy.toml")
    assert 'identity = ".ssh/deeplens"' in (tmp_path / "home" / "copy.toml").read_text(encoding="utf-8")


def test_saved_layout_is_stable_and_readable(tmp_path):
    roster = load_roster(write(tmp_path / "class.toml", EXAMPLE))
    save_roster(roster, tmp_path / "out.toml")
    text = (tmp_path / "out.toml").read_text(encoding="utf-8")
    assert text.endswith(
        'version = 1\nknown_hosts = "known_hosts"\n\n'
        '[[device]]\nname = "desk-01"\ntarget = "aws_cam@192.0.2.10:22"\nidentity = "keys/deeplens"\n'
        'label = "Minji Kim"\ngroup_id = "0f1e2d3c-aaaa-bbbb-cccc-000000000001"\nregion = "us-east-1"\n\n'
        '[[device]]\nname = "desk-02"\ntarget = "classroom-cam"\n')
    assert "keyring" in text.splitlines()[1]
    assert str(tmp_path) not in text
    save_roster(load_roster(tmp_path / "out.toml"), tmp_path / "out.toml")
    assert (tmp_path / "out.toml").read_text(encoding="utf-8") == text


def test_invalid_toml_names_the_file_and_line(tmp_path):
    path = write(tmp_path / "bad.toml", 'version = 1\n\n[[device]]\nname = "desk-01\ntarget = "h"\n')
    with pytest.raises(ConfigError) as info:
        load_roster(path)
    message = str(info.value)
    assert str(path) in message
    assert "line 4" in message


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_roster(tmp_path / "nope.toml")


@pytest.mark.parametrize("text, expected", [
    ('[[device]]\nname = "a"\ntarget = "h"\n\n[[device]]\nname = "a"\ntarget = "g"\n',
     r"line 6 \(device 'a'\): the name 'a' is already used by the device on line 2"),
    ('[[device]]\nname = "a"\n', r"line 1 \(device 'a'\): the required key 'target' is missing"),
    ('[[device]]\ntarget = "h"\n', r"line 1 \(device #1\): the required key 'name' is missing"),
    ('[[device]]\nname = "a"\ntarget = "h"\n\n[[device]]\nname = "b"\ntarget = "u@h:70000"\n',
     r"line 7 \(device 'b'\): bad target: '70000' is not a port number"),
    ('[[device]]\nname = "a"\ntarget = "h"\nlable = "x"\n',
     r"line 4 \(device 'a'\): unknown key 'lable' \(did you mean 'label'\?\)"),
    ('[[device]]\nname = "a"\ntarget = "h"\npassword = "hunter2"\n', r"line 4 .*OS keyring"),
    ('versoin = 1\n', r"line 1: unknown key 'versoin'"),
    ('version = 2\n', r"line 1: this roster was written by a newer DeepLens Console"),
    ('version = "1"\n', r"line 1: 'version' must be a whole number"),
    ('[[device]]\nname = " a"\ntarget = "h"\n', r"line 2 .*starts or ends with spaces"),
    ('[[device]]\nname = "a"\ntarget = "h"\nstream_path = "results.mjpeg"\n', r"line 4 .*absolute path"),
    ('[[device]]\nname = "a"\ntarget = "h"\nregion = "US East"\n', r"line 4 .*AWS region"),
    ('device = [{ name = "a", target = "h" }, { name = "a", target = "g" }]\n',
     r"bad.toml \(device 'a'\): the name 'a' is already used by the device #1"),
    ('device = "desk"\n', r"line 1: 'device' must be a list"),
])
def test_invalid_rosters_are_refused_with_the_place(tmp_path, text, expected):
    path = write(tmp_path / "bad.toml", text)
    with pytest.raises(ConfigError, match=expected) as info:
        load_roster(path)
    assert str(info.value).startswith(str(path))
    assert "hunter2" not in str(info.value)


def test_a_roster_that_is_not_utf8_is_refused(tmp_path):
    path = tmp_path / "r.toml"
    path.write_bytes('[[device]]\nname = "학생"\ntarget = "h"\n'.encode("cp949"))
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_roster(path)


def test_get_names_with_and_without():
    a, b = Device(name="a", host="h1"), Device(name="b", host="h2")
    roster = Roster(devices=(a,), path="class.toml")
    grown = roster.with_device(b)
    assert grown.names() == ["a", "b"]
    moved = grown.with_device(replace(a, host="h3"))
    assert moved.names() == ["a", "b"] and moved.get("a").host == "h3"
    assert moved.without("a").names() == ["b"]
    assert roster.names() == ["a"]
    with pytest.raises(TargetError, match="No device named 'zz' in the roster class.toml."):
        roster.get("zz")
    with pytest.raises(TargetError):
        roster.without("zz")
    with pytest.raises(ValueError, match="named 'a'"):
        Roster(devices=(a, a))


def test_resolve_target_prefers_the_roster_then_parses():
    desk = Device(name="desk-01", host="192.0.2.10", user="aws_cam", label="Minji")
    roster = Roster(devices=(desk,))
    assert resolve_target(" desk-01 ", roster) is desk
    parsed = resolve_target("student@192.0.2.99:2222", roster, stream_path=CAMERA_STREAM)
    assert (parsed.host, parsed.user, parsed.port, parsed.stream_path) == (
        "192.0.2.99", "student", 2222, CAMERA_STREAM)
    assert resolve_target("desk-01").host == "desk-01"
    with pytest.raises(TargetError):
        resolve_target("a@b@", roster)


@pytest.mark.parametrize("device, text", [
    (Device(name="n", host="h"), "h"),
    (Device(name="n", host="h", user="aws_cam", port=22), "aws_cam@h:22"),
    (Device(name="n", host="fe80::1", port=2222), "[fe80::1]:2222"),
    (Device(name="n", host="::1", user="u"), "u@::1"),
])
def test_format_target(device, text):
    assert format_target(device) == text


@pytest.mark.parametrize("device, expected", [
    (Device(name="a", host="bad host"), "not a host name"),
    (Device(name="", host="h"), "'name' is empty"),
    (Device(name="a", host="h", stream_path="x.mjpeg"), "absolute path"),
    (Device(name="a", host="h", region="nowhere"), "AWS region"),
    (Device(name="a", host="h", port="22"), "not a whole number"),
])
def test_save_refuses_what_it_could_not_load_back(tmp_path, device, expected):
    with pytest.raises(ConfigError, match=expected):
        save_roster(Roster(devices=(device,)), tmp_path / "r.toml")
    assert os.listdir(tmp_path) == []


# ----------------------------------------------------------------------------------- round trip (hypothesis)

_TEXT = st.characters(blacklist_categories=("Cs",))
_NAME = st.one_of(
    st.sampled_from(["desk-01", "김민지의 카메라", 'cam "A"', "cam 'B' \\ 1", "학생 2 번"]),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=16),
).filter(lambda s: s.strip() == s and s)
_SEGMENT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/\\"),
                   min_size=1, max_size=12).filter(lambda s: s not in (".", ".."))
_PLACE = st.one_of(st.none(), st.tuples(st.sampled_from(["inside", "home", "elsewhere"]), _SEGMENT))
_DEVICE = st.fixed_dictionaries({
    "name": _NAME,
    "host": st.sampled_from(["192.0.2.10", "deeplens.local", "cam_3", "::1", "fe80::1%eth0", "2001:db8::7"]),
    "user": st.one_of(st.none(), st.sampled_from(["aws_cam", "student.1", "t-a"])),
    "port": st.one_of(st.none(), st.integers(1, 65535)),
    "identity": _PLACE,
    "stream_path": st.sampled_from([PROJECT_STREAM, CAMERA_STREAM, "/tmp/학생 \"1\".mjpeg"]),
    "label": st.one_of(st.just(""), st.sampled_from(["Minji Kim", "김민지", "O'Brien \"Bob\""]),
                       st.text(_TEXT)),
    "group_id": st.one_of(st.none(), st.uuids().map(str)),
    "region": st.one_of(st.none(), st.sampled_from(["us-east-1", "ap-northeast-2", "us-gov-west-1"])),
})


def _place(spec, base):
    if spec is None:
        return None
    kind, segment = spec
    folder = {"inside": os.path.join(base, "keys"), "home": os.path.join(os.path.expanduser("~"), ".ssh"),
              "elsewhere": os.path.join(os.path.abspath(os.sep), "srv", "keys")}[kind]
    return os.path.normpath(os.path.join(folder, segment))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(specs=st.lists(_DEVICE, max_size=6, unique_by=lambda d: d["name"]), known_hosts=_PLACE)
def test_save_then_load_gives_the_same_roster(specs, known_hosts):
    with tempfile.TemporaryDirectory() as folder:
        base = os.path.abspath(folder)
        devices = tuple(Device(**dict(spec, identity=_place(spec["identity"], base))) for spec in specs)
        roster = Roster(devices=devices, known_hosts=_place(known_hosts, base))
        path = os.path.join(base, "class roster.toml")
        saved = save_roster(roster, path)
        assert saved.path == path
        loaded = load_roster(path)
        assert loaded == roster
        assert loaded.devices == roster.devices
        with open(path, "rb") as handle:
            first = handle.read()
        save_roster(loaded, path)
        with open(path, "rb") as handle:
            assert handle.read() == first
        assert base.encode("utf-8") not in first
        assert sorted(os.listdir(base)) == ["class roster.toml"]


# ------------------------------------------------------------------------------------------- atomic saves


def test_failed_replace_keeps_the_previous_file_and_no_temp(tmp_path, monkeypatch):
    path = write(tmp_path / "class.toml", EXAMPLE)
    roster = load_roster(path)

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageError, match="previous file there is unchanged") as info:
        save_roster(roster.without("desk-02"), path)
    assert str(path) in str(info.value)
    assert path.read_text(encoding="utf-8") == EXAMPLE
    assert os.listdir(tmp_path) == ["class.toml"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root may write anywhere")
def test_saving_into_a_read_only_folder_fails_cleanly(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = write(folder / "class.toml", EXAMPLE)
    roster = load_roster(path)
    folder.chmod(0o555)
    try:
        with pytest.raises(StorageError, match="Could not save"):
            save_roster(roster.without("desk-01"), path)
        assert path.read_text(encoding="utf-8") == EXAMPLE
        assert os.listdir(folder) == ["class.toml"]
    finally:
        folder.chmod(0o755)


# ---------------------------------------------------------------------------------------------- CSV import

CSV_WITH_BAD_ROWS = """\
name,host,user,port,identity
desk-01,192.0.2.10,aws_cam,22,keys/d1
,192.0.2.11,aws_cam,22,
desk-03,192.0.2.13,aws_cam,70000,
desk-04,,aws_cam,,
desk-01,192.0.2.15,aws_cam,,
desk-06,192.0.2.16,,,
"""


def test_csv_keeps_good_rows_and_reports_each_bad_row(tmp_path):
    path = write(tmp_path / "class.csv", CSV_WITH_BAD_ROWS)
    devices, errors = import_csv(path)
    assert [d.name for d in devices] == ["desk-01", "desk-06"]
    assert devices[0] == Device(name="desk-01", host="192.0.2.10", user="aws_cam", port=22,
                                identity=str(tmp_path / "keys" / "d1"))
    assert (devices[1].user, devices[1].port) == (None, None)
    assert [e.line for e in errors] == [3, 4, 5, 6]
    assert errors[0].message == "The name is empty."
    assert errors[1].message == "'70000' is not a port number (1-65535)."
    assert errors[2].message == "The host is empty."
    assert errors[3].message == "The name 'desk-01' is already used on line 2; names must be unique."
    assert str(errors[1]) == "Line 4: '70000' is not a port number (1-65535)."


def test_csv_without_header_uses_positions_and_line_numbers_count_every_line():
    text = "desk-01, 192.0.2.10, aws_cam\n\n\"Kim, Minji\",192.0.2.11,aws_cam,2222\nbad,,,\n"
    devices, errors = import_csv(text)
    assert [(d.name, d.host, d.user, d.port) for d in devices] == [
        ("desk-01", "192.0.2.10", "aws_cam", None), ("Kim, Minji", "192.0.2.11", "aws_cam", 2222)]
    assert errors == [RowError(4, "The host is empty.")]


def test_csv_header_may_reorder_and_add_labels_and_unknown_columns_are_told(tmp_path):
    text = "Host;Name;Label;Email\n192.0.2.10;desk-01;김민지;minji@example.org\n"
    path = tmp_path / "반.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    devices, errors = import_csv(str(path))
    assert devices == [Device(name="desk-01", host="192.0.2.10", label="김민지")]
    assert len(errors) == 1 and errors[0].line == 1 and "'email'" in errors[0].message


def test_csv_row_with_several_problems_gets_one_message():
    devices, errors = import_csv("name,host,user,port\n,bad host,aws_cam,0\nok,h,,\nsup,h,,²\n")
    assert [d.name for d in devices] == ["ok"]
    assert len(errors) == 2 and errors[1] == RowError(4, "'²' is not a port number (1-65535).")
    assert errors[0].line == 2
    assert "name is empty" in errors[0].message and "'0' is not a port" in errors[0].message
    assert "the host 'bad host'" in errors[0].message


def test_csv_host_with_user_or_port_and_too_many_cells_are_errors():
    devices, errors = import_csv("a,aws_cam@h,,\nb,h:22\nc,h,u,22,k,extra\nd,h,bad user\n")
    assert devices == []
    assert [e.line for e in errors] == [1, 2, 3, 4]
    assert "own columns" in errors[0].message and "own columns" in errors[1].message
    assert "6 cells" in errors[2].message
    assert "'bad user' is not a valid user name" in errors[3].message


def test_csv_in_the_local_code_page_is_read(tmp_path, monkeypatch):
    path = tmp_path / "class.csv"
    path.write_bytes("name,host\n김민지,192.0.2.10\n".encode("cp949"))
    monkeypatch.setattr(roster_module.locale, "getpreferredencoding", lambda do_setlocale=True: "cp949")
    devices, errors = import_csv(path)
    assert [d.name for d in devices] == ["김민지"] and errors == []
    monkeypatch.setattr(roster_module.locale, "getpreferredencoding", lambda do_setlocale=True: "UTF-8")
    with pytest.raises(ConfigError, match="CSV UTF-8"):
        import_csv(path)


def test_csv_missing_file_and_empty_text(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        import_csv(str(tmp_path / "missing.csv"))
    assert import_csv("") == ([], [])


@settings(max_examples=150, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_csv_import_never_raises_and_never_duplicates(text):
    if "\n" not in text and "\r" not in text and not any(ch in text for ch in ",;\t"):
        text += "\n"
    devices, errors = import_csv(text)
    names = [d.name for d in devices]
    assert len(names) == len(set(names))
    assert all(d.name and d.host for d in devices)
    assert all(isinstance(e, RowError) and e.line >= 1 and e.message for e in errors)


# --------------------------------------------------------------------------------------- ssh config import


def test_ssh_config_hosts_without_wildcards_in_file_order(tmp_path):
    (tmp_path / "conf.d").mkdir()
    write(tmp_path / "conf.d" / "lab", "Host lab-cam-1 lab-cam-2\n  HostName 10.0.0.5\n")
    config = write(tmp_path / "config", (
        "# classroom\n"
        "Host desk-01 desk-02 *.local !desk-09\n"
        "    HostName 192.0.2.10\n"
        "    User aws_cam\n"
        "Host=desk-03\n"
        "host desk-0? # a comment\n"
        "Host *\n"
        "    ServerAliveInterval 30\n"
        "Match host desk-01\n"
        "    Port 2222\n"
        "Include {0}\n"
        "Host desk-01\n").format(tmp_path / "conf.d" / "*"))
    devices = import_ssh_config(config)
    assert [d.name for d in devices] == ["desk-01", "desk-02", "desk-03", "lab-cam-1", "lab-cam-2"]
    assert devices[0] == Device(name="desk-01", host="desk-01", label="")
    assert all(d.user is None and d.port is None for d in devices)


def test_ssh_config_default_is_home_and_missing_is_empty(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert import_ssh_config() == []
    (tmp_path / ".ssh").mkdir()
    write(tmp_path / ".ssh" / "config", "Host deeplens\n")
    assert [d.name for d in import_ssh_config()] == ["deeplens"]
    with pytest.raises(ConfigError, match="does not exist"):
        import_ssh_config(tmp_path / "nope")
