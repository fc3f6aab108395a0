"""Settings dialog and store, the workshop guide and About box, the light/dark look and tinted icons."""

import os
import subprocess
import sys

from PyQt5.QtCore import PYQT_VERSION_STR, QT_VERSION_STR
from PyQt5.QtGui import QColor, QPalette
from PyQt5.QtWidgets import QApplication

from deeplens_gui import __version__
from deeplens_gui.core.settings import Settings, load_settings
from deeplens_gui.ui import theme
from deeplens_gui.ui.help import AboutDialog, versions
from deeplens_gui.ui.settings_dialog import SettingsDialog, SettingsStore


def test_settings_dialog_edits_every_setting_and_the_window_saves_them(qtbot, make_window, tmp_path):
    path = tmp_path / "settings.json"
    window = make_window(app_settings_path=str(path))
    assert window.store.settings.aws_region == "us-east-1"
    dialog = window.show_settings()
    assert dialog.aws_region_combo.currentText() == "us-east-1"
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ko"))
    dialog.appearance_combo.setCurrentIndex(dialog.appearance_combo.findData("light"))
    dialog.known_hosts_field.edit.setText(str(tmp_path / "class_hosts"))
    dialog.snapshot_field.edit.setText(str(tmp_path / "shots"))
    dialog.recording_field.edit.setText(str(tmp_path / "videos"))
    dialog.view_fps_spin.setValue(10)
    dialog.grid_fps_spin.setValue(4)
    dialog.link_spin.setValue(54)
    dialog.aws_profile_edit.setText("workshop")
    dialog.aws_region_combo.setCurrentText("ap-northeast-2")
    dialog.accept()
    expected = Settings(language="ko", appearance="light", known_hosts=str(tmp_path / "class_hosts"),
                        snapshot_dir=str(tmp_path / "shots"), recording_dir=str(tmp_path / "videos"),
                        view_max_fps=10.0, grid_max_fps=4.0, grid_link_mbit=54.0, aws_profile="workshop",
                        aws_region="ap-northeast-2")
    assert window.store.settings == expected
    assert window.fleet.link_budget == 54.0  # the classroom shares the new budget at once
    assert window.ssh_options.known_hosts == str(tmp_path / "class_hosts")
    assert "next time" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: path.exists() and load_settings(str(path)) == expected, timeout=5000)


def test_settings_dialog_refuses_an_invalid_region_with_a_sentence(qtbot):
    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.aws_region_combo.setCurrentText("Seoul")
    dialog.accept()
    assert dialog.result() == 0 and dialog.settings() == Settings()
    assert dialog.error_label.text() == "“Seoul” is not an AWS region; use a name like us-east-1."
    dialog.aws_region_combo.setCurrentText("eu-central-1")
    dialog.accept()
    assert dialog.settings().aws_region == "eu-central-1"


def test_store_coalesces_saves_and_flush_writes_the_newest(qtbot, tmp_path, jobs):
    path = tmp_path / "deep" / "settings.json"
    store = SettingsStore(Settings(), str(path), jobs)
    saved = []
    store.saved.connect(saved.append)
    for index in range(5):
        store.update(aws_profile="p{0}".format(index))
    store.flush()
    assert load_settings(str(path)).aws_profile == "p4"
    assert len(saved) <= 2  # the first save and (maybe) one more with the newest; never one per change


def test_store_reports_a_failed_save_as_a_sentence(qtbot, tmp_path, jobs):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    store = SettingsStore(Settings(), str(blocker / "settings.json"), jobs)
    with qtbot.waitSignal(store.failed, timeout=5000) as signal:
        store.update(language="en")
    assert str(blocker) in signal.args[0]
    assert "Traceback" not in signal.args[0]


def test_workshop_guide_covers_the_workshop(qtbot, make_window):
    window = make_window()
    dialog = window.show_guide()
    text = dialog.browser.toPlainText()
    for words in ("Connect", "host key fingerprint", "Mask detection", "Not Mask", "Results",
                  "Classroom"):
        assert words in text, words
    assert window.menu_actions.guide_action.shortcut().toString() == "F1"
    assert window.menu_actions.settings_action.shortcut().toString() == "Ctrl+,"


def test_about_box_names_the_versions(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert __version__ in text and QT_VERSION_STR in text and PYQT_VERSION_STR in text
    labels = [label for label, _version in versions()]
    assert labels[:4] == ["DeepLens Console", "Python", "Qt", "PyQt5"]
    assert {"paramiko", "OpenCV", "boto3"} <= set(labels)
    assert all(version != "-" for label, version in versions() if label in ("paramiko", "boto3"))
    assert "keyring" in text and "SECURITY.md" in text


def test_version_on_the_command_line():
    done = subprocess.run([sys.executable, "-m", "deeplens_gui", "--version"], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "deeplens-gui {0}".format(__version__)


def test_dark_look_follows_the_choice_and_light_comes_back(qtbot):
    app = QApplication.instance()
    try:
        assert theme.apply("dark") == "dark"
        assert theme.is_dark(app.palette()) and app.style().objectName().lower() == "fusion"
        assert theme.apply("light") == "light"
        assert not theme.is_dark(app.palette())
    finally:
        theme.restore()
    assert not theme.is_dark()  # the offscreen platform's palette is light


def test_monochrome_icons_are_tinted_to_the_text_colour(qtbot):
    palette = QPalette()
    palette.setColor(QPalette.Active, QPalette.WindowText, QColor("#ff00ff"))
    with open(os.path.join(os.path.dirname(theme.__file__), "..", "..", "resources", "icons", "snapshot.svg"),
              encoding="utf-8") as handle:
        assert "currentColor" in handle.read()
    image = theme.icon("snapshot.svg", palette).pixmap(48, 48).toImage()
    colours = {QColor(image.pixel(x, y)).name() for x in range(48) for y in range(48)
               if QColor.fromRgba(image.pixel(x, y)).alpha() > 250}
    assert "#ff00ff" in colours
    assert theme.tinted_svg('<path stroke="currentColor"/>', QColor("#102030")) == '<path stroke="#102030"/>'
