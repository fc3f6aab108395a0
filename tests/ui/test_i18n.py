"""Translations: every visible string is marked, the Korean catalog has them all, Korean windows show Korean.

Set DEEPLENS_SCREENSHOTS to a folder to also save the main window streaming a virtual device with the device
panel open, in English and in Korean at 1280x720 and 1920x1080 (docs/screenshot-main-<en|ko>-<size>.png).
"""

import ast
import glob
import os
import re

import pytest
from PyQt5.QtCore import QLocale, Qt
from PyQt5.QtWidgets import QApplication

from deeplens_gui.ui import i18n
from tests.ui.cut_text import problems

UI_DIR = os.path.dirname(i18n.__file__)

#: Calls whose string arguments are shown to the user.
VISIBLE_CALLS = {
    "setText", "setWindowTitle", "setToolTip", "setStatusTip", "setWhatsThis", "setPlaceholderText",
    "addAction", "addMenu", "addTab", "setTabText", "setTitle", "addRow", "addItem", "addItems",
    "setHeaderLabels", "setHorizontalHeaderLabels", "showMessage", "setInformativeText", "setDetailedText",
    "addButton", "set_message", "show_message", "show_error", "setLabelText", "setSuffix", "setPrefix",
    "setSpecialValueText", "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox",
    "QToolBar", "QMenu", "QDockWidget", "getOpenFileName", "getSaveFileName", "getExistingDirectory",
    "getItem", "getText", "information", "warning", "critical", "question", "about", "setHtml",
}
#: Calls whose arguments after the first are data, not text.
DATA_AFTER_TEXT = {"addItem", "setItemData"}
#: Literals that are not words for people: formats, units the same in every language, file patterns.
TECHNICAL = re.compile(r"^[\s\W\d]*$|^[{}\d:.,;\s%()+\-–/×|·]*$")
ALLOWED = {"DeepLens Console", "~/.ssh/known_hosts", "~/.ssh/config", "English", "한국어", "Python", "Qt",
           "PyQt5", "OpenCV", "NumPy", "paramiko", "boto3"}


def _words(node):
    """The string literals inside ``node`` that are not under a tr()/translate() call."""
    if isinstance(node, ast.Call):
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in ("tr", "translate", "_tr"):
            return []
        if name == "format" and isinstance(func, ast.Attribute):
            return _words(func.value)  # "...".format(x): the template is what the user reads
        return []  # another call computes the text (str(error), a helper): checked where it is written
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value for v in node.values if isinstance(v, ast.Constant)) or "{}"]
    if isinstance(node, ast.BinOp):
        return _words(node.left) + _words(node.right)
    if isinstance(node, ast.IfExp):
        return _words(node.body) + _words(node.orelse)
    return []


def unmarked_strings(path):
    """``[(line, text)]`` of visible strings in ``path`` that are not marked for translation."""
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name not in VISIBLE_CALLS:
            continue
        args = list(node.args) + [kw.value for kw in node.keywords]
        if name in DATA_AFTER_TEXT:
            args = node.args[:1]  # addItem(text, data): the data is not shown
        for arg in args:
            for text in _words(arg):
                shown = re.sub(r"<[^>]*>|&#?\w+;|{[^{}]*}", " ", text)  # markup, placeholders: no words
                if text in ALLOWED or TECHNICAL.match(shown) or not re.search(r"[A-Za-z]{2,}", shown):
                    continue
                if re.fullmatch(r"[\w.-]+\.(svg|png|ts|qm)", text) or text.startswith(("color:", "QLabel {")):
                    continue
                found.append((node.lineno, text))
    return found


def test_the_scanner_finds_an_unmarked_string(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label.setText("Connected")\nlabel.setText(self.tr("Connected"))\n'
                      'QPushButton("Deploy {0}".format(name))\nbox.setWindowTitle("{0} – {1}".format(a, b))\n',
                      encoding="utf-8")
    assert unmarked_strings(str(sample)) == [(1, "Connected"), (3, "Deploy {0}")]


def test_every_visible_string_is_marked_for_translation():
    problems = []
    for path in sorted(glob.glob(os.path.join(UI_DIR, "*.py"))):
        for line, text in unmarked_strings(path):
            problems.append("{0}:{1}: {2!r}".format(os.path.basename(path), line, text))
    assert problems == []


def test_the_korean_catalog_translates_every_string_in_the_code(tmp_path):
    fresh = tmp_path / "extracted.ts"
    i18n.extract(str(fresh))
    extracted = i18n.extracted_messages(str(fresh))
    assert len(extracted) > 300  # the extraction really saw the code
    assert ("MainWindow", "Connect") in extracted
    catalog = i18n.read_catalog(i18n.catalog_path("ko"))
    missing = ["{0}: {1}".format(context, source) for context, source in extracted
               if (context, source) not in catalog]
    assert missing == []
    for (_context, source), texts in catalog.items():
        assert all(text.strip() or text == source for text in texts), source  # " ": a separator
        # placeholders survive translation: "{0} of {1}" keeps {0} and {1}
        assert sorted(re.findall(r"{[^{}]*}", source)) == sorted(re.findall(r"{[^{}]*}", texts[0])), source


def test_unfinished_translations_are_not_used(qapp, tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text('<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.0" language="ko">'
                  '<context><name>A</name>'
                  '<message><source>Done</source><translation>완료</translation></message>'
                  '<message><source>Open</source><translation type="unfinished">열기</translation></message>'
                  '<message numerus="yes"><source>%n devices</source><translation>'
                  '<numerusform>디바이스 %n대</numerusform></translation></message>'
                  '</context></TS>', encoding="utf-8")
    translator = i18n.TsTranslator(str(ts))
    assert translator.translate("A", "Done") == "완료"
    assert translator.translate("B", "Done") == "완료"  # found by its source in another context
    assert translator.translate("A", "Open") is None
    assert translator.translate("A", "Missing") is None
    app = QApplication.instance()
    app.installTranslator(translator)
    try:
        assert app.translate("A", "%n devices", None, 3) == "디바이스 3대"
    finally:
        app.removeTranslator(translator)


@pytest.mark.parametrize("name, expected", [("ko_KR", "ko"), ("en_US", "en"), ("de_DE", "en")])
def test_system_language_follows_the_locale(name, expected):
    assert i18n.resolve_language("system", QLocale(name)) == expected
    assert i18n.resolve_language("ko", QLocale("en_US")) == "ko"
    assert i18n.resolve_language("en", QLocale("ko_KR")) == "en"


@pytest.fixture
def korean():
    """The Korean translators for the test's duration."""
    assert i18n.install("ko") == "ko"
    yield
    i18n.uninstall()


def test_a_korean_main_window_shows_korean(qtbot, korean, make_window):
    window = make_window()
    assert window.device_bar.connect_button.text() == "연결"
    assert window.windowTitle() == "DeepLens 콘솔"
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[0].startswith("파일") and any(text.startswith("도움말") for text in menus)
    assert window.tabs.tabText(0) == "뷰어"
    assert window.device_panel.tabs.tabText(2) == "결과"
    # a string of a module-level helper (StatusPanel context, extracted without a class)
    from deeplens_gui.core.status import Verdict
    from deeplens_gui.ui.status_panel import verdict_name

    assert verdict_name(Verdict.RUNNING) == "실행 중"


def test_core_sentences_are_in_the_catalog_and_shown_in_korean(korean):
    from deeplens_gui.core.device import parse_target
    from deeplens_gui.core.errors import DeepLensError, HostKeyChanged
    from deeplens_gui.core.text import say

    templates = [template for template, _path, _line in i18n.core_messages()]
    assert len(templates) > 300 and "Connecting to {0}…" in templates
    assert not any(path.startswith("deeplens_gui/remote") for _t, path, _l in i18n.core_messages())
    hangul = re.compile("[\uac00-\ud7a3]")
    changed = HostKeyChanged("[cam-7]:2222", "SHA256:old", "SHA256:new", "/home/me/.ssh/known_hosts")
    shown = i18n.text(changed)
    assert hangul.search(shown) and "SHA256:old" in shown and "ssh-keygen -R '[cam-7]:2222'" in shown
    assert str(changed).startswith("The host key of [cam-7]:2222 has CHANGED")  # the CLI stays English
    with pytest.raises(DeepLensError) as caught:
        parse_target("user@")
    assert hangul.search(i18n.text(caught.value)) and i18n.text(caught.value) != str(caught.value)
    assert hangul.search(i18n.text(say("Connecting to {0}…", "cam-7")))
    i18n.uninstall()
    assert i18n.text(changed) == str(changed)  # English UI: the English sentence


def test_english_is_the_source_language(qtbot, make_window):
    i18n.install("en")
    window = make_window()
    assert window.device_bar.connect_button.text() == "Connect"


def test_counts_use_plural_forms_in_english_and_korean(qtbot, make_window):
    from PyQt5.QtCore import QCoreApplication

    def count(n):
        return QCoreApplication.translate("GridView", "{0} of %n device(s)", None, n).format(n)

    i18n.install("en")  # English has a catalog of its plural forms only
    assert (count(1), count(3), count(0)) == ("1 of 1 device", "3 of 3 devices", "0 of 0 devices")
    assert make_window().classroom.grid.count_label.text() == "0 of 0 devices"
    assert QCoreApplication.translate("StatusPanel", "Running") == "Running"  # nothing else is in it
    i18n.install("ko")
    try:
        assert count(1) == "디바이스 1대 중 1대" and count(30) == "디바이스 30대 중 30대"
    finally:
        i18n.install("en")


def test_every_count_sentence_is_a_plural_message():
    english = i18n.numerus_messages(i18n.catalog_path("en"))
    assert len(english) >= 20 and set(english) == set(i18n.numerus_messages(i18n.catalog_path("ko")))
    assert all(len(forms) == 2 and forms[0] != forms[1] or "selected" in source
               for (_context, source), forms in i18n.read_catalog(i18n.catalog_path("en")).items())
    # "(s)" is for the plural message's source only: what the user reads comes from its forms (the ui's
    # strings; the core's sentences have no count forms)
    singular = [key for key in i18n.extracted_messages(i18n.catalog_path("ko"))
                if "(s)" in key[1] and key not in set(english) and key[0] != i18n.CORE_CONTEXT]
    assert not singular, singular


def _stream_with_panel(qtbot, window, fleet):
    virtual = fleet.devices[0]
    window.resize(1280, 760)
    window.show()
    window.set_devices([virtual.device()])
    panel = window.device_panel
    with qtbot.waitSignal(panel.status_panel.status_updated, timeout=30000):
        window.connect_to()
        window.set_device_panel_visible(True)
    qtbot.waitUntil(lambda: window.view.current_image() is not None, timeout=20000)
    return panel


def _save(widget, name):
    folder = os.environ.get("DEEPLENS_SCREENSHOTS")
    if folder:
        image = widget.grab()
        assert image.save(os.path.join(folder, name))
        return image
    return None


@pytest.mark.parametrize("language", ["en", "ko"])
def test_main_window_with_the_device_panel_in_both_languages(qtbot, make_window, fleet, language):
    """The main window streaming a virtual device with the device panel (the user guide's screenshots)."""
    i18n.install(language)
    try:
        window = make_window()
        panel = _stream_with_panel(qtbot, window, fleet)
        words = {"en": ("Disconnect", "Running", "Results"), "ko": ("연결 끊기", "실행 중", "결과")}[language]
        assert window.device_bar.connect_button.text() == words[0]
        assert panel.status_panel.badge.text() == words[1]  # the face project runs on the device
        assert panel.tabs.tabText(2) == words[2]
        # Nothing cut at either size, on any tab of the panel, with the device's real status, log, results
        # and history in it
        for size in ((1280, 720), (1920, 1080)):
            window.resize(*size)
            qtbot.waitUntil(lambda: window.width() == size[0])
            loaded = [lambda: panel.status_panel.status is not None, lambda: bool(panel.log_view.lines()),
                      lambda: bool(panel.results_view.rows), lambda: bool(panel.history_view.entries)]
            for tab in range(panel.tabs.count()):
                panel.tabs.setCurrentIndex(tab)
                qtbot.waitUntil(loaded[tab], timeout=30000)
                QApplication.processEvents()
                found = problems(window)
                assert not found, "{0} {1} tab {2}: {3}".format(language, size, tab, found)
            panel.tabs.setCurrentIndex(0)
            QApplication.processEvents()
            image = _save(window, "screenshot-main-{0}-{1}x{2}.png".format(language, *size))
            assert image is None or image.width() == size[0]
        if language == "en":
            panel.tabs.setCurrentWidget(panel.results_view)
            qtbot.waitUntil(lambda: len(panel.results_view.labels()) > 0, timeout=20000)
            assert all(label.strip() for label in panel.results_view.labels())  # each result has a label
            _save(panel, "screenshot-panel-results.png")
            panel.tabs.setCurrentWidget(panel.log_view)
            qtbot.waitUntil(lambda: len(panel.log_view.lines()) > 0, timeout=20000)
            _save(panel, "screenshot-panel-log.png")
    finally:
        i18n.uninstall()


def test_every_window_action_shortcut_is_unique_and_in_its_tooltip(qtbot, make_window):
    window = make_window()
    shortcuts = {}
    for action in window.findChildren(type(window.menu_actions.snapshot_action)):
        for sequence in action.shortcuts():
            text = sequence.toString()
            assert text not in shortcuts, "{0} is used by {1!r} and {2!r}".format(text, shortcuts.get(text),
                                                                                 action.text())
            shortcuts[text] = action.text()
    for key in ("Ctrl+L", "Ctrl+S", "Ctrl+R", "F11", "Ctrl+I", "Ctrl+D", "Ctrl+1", "Ctrl+2", "Ctrl+,", "F1",
                "Ctrl+Q"):
        assert key in shortcuts, key
    assert window.menu_actions.record_action.toolTip().endswith("(Ctrl+R)")
    assert window.menu_actions.connect_action.shortcut().toString() == "Ctrl+L"
    assert window.windowFlags() & Qt.Window


_HANGUL = re.compile("[\uac00-\ud7a3]")
#: Three English words in a row: a sentence (or part of one) that was not translated.
_ENGLISH_RUN = re.compile(r"[A-Za-z]{2,}(?:[ ,]+[A-Za-z]{2,}){2,}")


def _english_left(text, literals):
    """``text`` without the values a sentence quotes (names, paths, keys, commands) and its Hangul; whatever
    English words remain in a row are an untranslated sentence."""
    for literal in sorted(literals, key=len, reverse=True):
        text = text.replace(literal, " ")
    text = re.sub(r"'[^']*'|\"[^\"]*\"|“[^”]*”", " ", text)
    return _ENGLISH_RUN.findall(text)


def test_every_error_kind_reads_korean_on_the_bar_the_tile_and_the_view(qtbot, korean, make_window, fleet,
                                                                       fleet_options, tmp_path):
    import dataclasses

    from botocore.exceptions import NoCredentialsError

    from deeplens_gui.core import cloud, commands
    from deeplens_gui.core.errors import AuthFailed, UnknownHostKey
    from deeplens_gui.core.ssh import DeviceConnection, SshOptions
    from deeplens_gui.core.stream import FrameSource, StreamState, StreamStatus
    from tests.fixtures.frames import make_jpegs

    virtual = fleet.devices[0]
    device = virtual.device()
    window = make_window()
    window.show()
    window.viewer.fleet.set_devices([device], start=False)  # the viewed device, as the viewer shows it
    window.fleet.set_devices([device], start=False)  # and its classroom tile
    tile = window.classroom.grid.tile(device.name)

    # each kind of failure, made by the core code that makes it in a real run
    stranger = dataclasses.replace(device, identity=str(fleet.devices[1].client_key_path))
    with pytest.raises(AuthFailed) as auth:
        DeviceConnection(stranger, fleet_options).open()
    unknown_options = SshOptions(known_hosts=str(tmp_path / "empty_known_hosts"), allow_agent=False,
                                 look_for_keys=False, use_keyring=False)
    with pytest.raises(UnknownHostKey) as host_key:
        DeviceConnection(device, unknown_options).open()
    aws = cloud.map_error(NoCredentialsError(), service="lambda", region="us-east-1")

    def relay_status(*lines, stalled=False):
        source = FrameSource(DeviceConnection(device, fleet_options), decode=False)
        if stalled:  # a frame at t=0, then a minute of silence from the project (the relay's heartbeats came)
            source._deliver(make_jpegs(1)[0], 0.0)
            source._check_stall(60.0, 1.0)
        for line in lines:
            source._on_relay_line(commands.RELAY_STATUS_PREFIX + line)
        return source.status

    statuses = {
        "auth": StreamStatus(StreamState.FAILED, auth.value.message, auth.value),
        "host key": StreamStatus(StreamState.FAILED, host_key.value.message, host_key.value),
        "no project": relay_status("nofifo"),
        "stalled": relay_status(stalled=True),
        "bad data": relay_status("baddata 4096 0"),
        "AWS": StreamStatus(StreamState.FAILED, aws.message, aws),
    }
    assert statuses["no project"].state is StreamState.WAITING
    assert statuses["stalled"].state is StreamState.STALLED
    assert "4096" in str(statuses["bad data"].message)
    literals = {device.name, device.display, device.host, str(device.port), device.stream_path, "SSH", "AWS",
                host_key.value.host, host_key.value.fingerprint, host_key.value.key.get_name(), "JPEG", "MiB",
                "us-east-1", "lambda", "AWS_PROFILE", "--accept-new-host-key"}
    for kind, status in statuses.items():
        assert str(status.message) and not _HANGUL.search(str(status.message))  # the core's own is English
        window.viewer.fleet.status_changed.emit(device.name, status)
        window.fleet.status_changed.emit(device.name, status)
        shown = {
            "view": " ".join(window.view.state_text()[:2]),
            "bar": window.status_line.state_label.text() + " " + window.status_line.state_label.toolTip(),
            "tile": tile.toolTip(),
        }
        for where, text in shown.items():
            assert _HANGUL.search(text), (kind, where, text)
            assert not _english_left(text, literals), (kind, where, text)
