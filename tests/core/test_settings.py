"""Settings: defaults, exact round trips, and loading that never fails and never loses the user's file."""

import json
import os
from dataclasses import fields, replace

import platformdirs
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from deeplens_gui.core import settings as settings_module
from deeplens_gui.core.errors import StorageError
from deeplens_gui.core.settings import (
    MAX_RECENT,
    Settings,
    default_settings_path,
    load_settings,
    save_settings,
    with_recent_target,
)


def test_defaults():
    s = Settings()
    assert (s.version, s.language, s.aws_region, s.view_max_fps, s.grid_max_fps) == (1, "system", "us-east-1",
                                                                                       15.0, 15.0)
    assert s.recent_targets == () and s.known_hosts is None and s.snapshot_dir is None
    assert not any("password" in f.name or "secret" in f.name for f in fields(Settings))


def test_default_folders(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    s = Settings()
    assert s.known_hosts_path() == str(tmp_path / ".ssh" / "known_hosts")
    os.makedirs(platformdirs.user_pictures_dir())
    os.makedirs(platformdirs.user_videos_dir())
    assert s.snapshot_folder() == platformdirs.user_pictures_dir()
    assert s.recording_folder() == platformdirs.user_videos_dir()
    chosen = replace(s, snapshot_dir="~/shots", recording_dir=str(tmp_path / "rec"), known_hosts="~/kh")
    assert chosen.snapshot_folder() == str(tmp_path / "shots")
    assert chosen.recording_folder() == str(tmp_path / "rec")
    assert chosen.known_hosts_path() == str(tmp_path / "kh")


def test_default_path_is_in_the_user_config_dir():
    path = default_settings_path()
    assert os.path.basename(path) == "settings.json"
    assert os.path.dirname(path) == platformdirs.user_config_dir("deeplens-console", appauthor=False)


def test_missing_file_gives_defaults_without_notes(tmp_path):
    notes = []
    assert load_settings(tmp_path / "settings.json", notes) == Settings()
    assert notes == []
    assert os.listdir(tmp_path) == []


def test_save_creates_the_folder_and_round_trips(tmp_path):
    path = tmp_path / "config" / "deeplens-console" / "settings.json"
    s = Settings(language="ko", known_hosts="~/.ssh/class_hosts", recent_targets=("desk-01", "aws_cam@h:22"),
                 last_roster="~/반/roster.toml", view_max_fps=7.5, grid_max_fps=2, aws_profile="class",
                 aws_region="ap-northeast-2")
    save_settings(s, path)
    notes = []
    assert load_settings(path, notes) == s
    assert notes == []
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == 1 and data["recent_targets"] == ["desk-01", "aws_cam@h:22"]
    assert "~/반/roster.toml" in path.read_text(encoding="utf-8")
    assert os.listdir(path.parent) == ["settings.json"]


_OPTIONAL_TEXT = st.one_of(st.none(), st.text(st.characters(blacklist_categories=("Cs",)), min_size=1).filter(
    str.strip))


@hypothesis_settings(max_examples=50, deadline=None)
@given(language=st.sampled_from(["system", "en", "ko"]), known_hosts=_OPTIONAL_TEXT,
       recent=st.lists(st.sampled_from(["desk-01", "김민지", "aws_cam@192.0.2.1:22", "a \"b\""]),
                       max_size=12),
       fps=st.floats(0.5, 60.0), profile=_OPTIONAL_TEXT)
def test_round_trip_property(tmp_path_factory, language, known_hosts, recent, fps, profile):
    path = tmp_path_factory.mktemp("s") / "settings.json"
    s = Settings(language=language, known_hosts=known_hosts, recent_targets=tuple(recent), view_max_fps=fps,
                 aws_profile=profile)
    save_settings(s, path)
    assert load_settings(path) == s


def test_corrupt_file_gives_defaults_and_keeps_a_bad_copy(tmp_path):
    path = tmp_path / "settings.json"
    broken = '{\n  "language": "ko",\n  "view_max_fps": \n}\n'
    path.write_text(broken, encoding="utf-8")
    notes = []
    assert load_settings(path, notes) == Settings()
    assert path.read_text(encoding="utf-8") == broken
    assert (tmp_path / "settings.json.bad").read_text(encoding="utf-8") == broken
    assert "damaged (line 4" in notes[0] and str(path) in notes[0]
    assert "settings.json.bad" in notes[-1]


@pytest.mark.parametrize("content, note", [
    (b"[1, 2]", "does not hold settings"),
    (b"\xff\xfe{", "not UTF-8"),
    (b"", "damaged"),
])
def test_unusable_files_give_defaults(tmp_path, content, note):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    notes = []
    assert load_settings(path, notes) == Settings()
    assert note in notes[0]
    assert (tmp_path / "settings.json.bad").read_bytes() == content
    assert path.read_bytes() == content


def test_invalid_values_fall_back_one_by_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "language": "fr", "view_max_fps": 500, "grid_max_fps": 5,
                                "aws_region": "Seoul", "recent_targets": ["desk-01", 7, "desk-01", " "],
                                "snapshot_dir": ""}), encoding="utf-8")
    notes = []
    s = load_settings(path, notes)
    assert s == Settings(grid_max_fps=5.0, recent_targets=("desk-01",))
    joined = " ".join(notes)
    for key in ("'language'", "'view_max_fps'", "'aws_region'", "'snapshot_dir'", "recent targets"):
        assert key in joined
    assert (tmp_path / "settings.json.bad").exists()


def test_unknown_keys_are_ignored_with_a_note_and_secrets_point_to_the_keyring(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"language": "en", "theme": "dark", "password": "hunter2"}), encoding="utf-8")
    notes = []
    assert load_settings(path, notes) == Settings(language="en")
    assert any("unknown setting 'theme'" in n for n in notes)
    assert any("OS keyring" in n for n in notes)
    assert not any("hunter2" in n for n in notes)


def test_newer_version_reads_what_it_understands(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 9, "language": "ko"}), encoding="utf-8")
    notes = []
    assert load_settings(path, notes).language == "ko"
    assert "newer DeepLens Console (version 9)" in notes[0]
    assert (tmp_path / "settings.json.bad").exists()


def test_older_version_is_migrated(tmp_path, monkeypatch):
    def rename_region(data):
        data["aws_region"] = data.pop("region")
        return data

    monkeypatch.setattr(settings_module, "SETTINGS_VERSION", 2)
    monkeypatch.setattr(settings_module, "MIGRATIONS", {1: rename_region})
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "region": "eu-central-1"}), encoding="utf-8")
    notes = []
    assert load_settings(path, notes).aws_region == "eu-central-1"
    assert notes == []
    save_settings(Settings(), path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_version_without_a_migration_is_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(settings_module, "SETTINGS_VERSION", 3)
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, "language": "en"}), encoding="utf-8")
    notes = []
    assert load_settings(path, notes).language == "en"
    assert "cannot be upgraded" in notes[0]


def test_failed_save_keeps_the_previous_file_and_no_temp(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    save_settings(Settings(language="ko"), path)
    before = path.read_bytes()

    def refuse(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(StorageError, match="disk is full"):
        save_settings(Settings(language="en"), path)
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["settings.json"]


def test_save_where_the_folder_cannot_be_made(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(StorageError, match="Could not save"):
        save_settings(Settings(), tmp_path / "file" / "settings.json")


def test_recent_targets_move_to_front_without_repeats_and_are_capped():
    s = Settings()
    for index in range(12):
        s = with_recent_target(s, "desk-{0:02d}".format(index))
    assert len(s.recent_targets) == MAX_RECENT
    assert s.recent_targets[0] == "desk-11" and s.recent_targets[-1] == "desk-02"
    s = with_recent_target(s, " desk-05 ")
    assert s.recent_targets[:2] == ("desk-05", "desk-11")
    assert s.recent_targets.count("desk-05") == 1 and len(s.recent_targets) == MAX_RECENT
    with pytest.raises(ValueError):
        with_recent_target(s, "  ")


@pytest.mark.parametrize("change", [
    {"language": "fr"}, {"view_max_fps": 0}, {"grid_max_fps": float("nan")}, {"aws_region": "US"},
    {"known_hosts": ""}, {"recent_targets": ("a", 3)},
])
def test_invalid_settings_cannot_be_built(change):
    with pytest.raises(ValueError):
        Settings(**change)


def test_default_folders_that_do_not_exist_fall_back_to_home(tmp_path, monkeypatch):
    # A file dialog given a missing folder opens in the working directory; the home folder is a better start.
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    settings = Settings()
    assert settings.recording_folder() == str(tmp_path) and settings.snapshot_folder() == str(tmp_path)
    (tmp_path / "Videos").mkdir()
    assert settings.recording_folder() == str(tmp_path / "Videos")
