"""Translations without compiled catalogs: the Qt Linguist ``.ts`` files are read at run time.

The code keeps Qt's API (``self.tr(...)``, ``QCoreApplication.translate(context, ...)``). The shipped
``resources/translations/deeplens_<lang>.ts`` is parsed by ``TsTranslator``, a QTranslator that answers
``translate()`` from the parsed messages, so building the app needs nothing beyond pip (no ``lrelease``).
Qt's own strings (standard buttons, file dialogs) come from the ``qtbase_<lang>.qm`` that the PyQt5 wheel
ships.

PyQt5's ``tr()`` takes its context from the class of the object it is called on, which differs from the
class the string is written in when a subclass or another object's ``tr`` is used; a message that is not
found in the asked context is therefore looked up by its source text in any context.

Count sentences use Qt's plurals: ``self.tr("%n device(s)", None, count)``. Qt takes the plural forms from a
translation, so English has a catalog too, ``deeplens_en.ts``, that holds only those messages (their English
singular and plural); it is installed for English like any other catalog.

Updating the catalog after changing strings (extraction with the wheel's ``pylupdate5``, which keeps the
existing translations and drops strings the code no longer has)::

    python -m deeplens_gui.ui.i18n update          # every shipped catalog (English: plural messages only)
    python -m deeplens_gui.ui.i18n check           # lists strings without a translation; status 1 if any
"""

import ast
import glob
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

from PyQt5.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

import resources
from deeplens_gui.core import text as core_text

#: Languages the app ships besides English (the language of the source strings).
LANGUAGES = ("ko",)
#: The language of the source strings; its catalog holds only the plural ("numerus") messages.
SOURCE_LANGUAGE = "en"
#: Every catalog ``update`` and ``check`` handle.
CATALOGS = (SOURCE_LANGUAGE,) + LANGUAGES
#: Language names as they are shown in the settings, each in its own language.
LANGUAGE_NAMES = {"en": "English", "ko": "한국어"}
CATALOG_NAME = "deeplens_{0}.ts"
_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_UI_DIR = os.path.dirname(os.path.abspath(__file__))
_CORE_DIR = os.path.join(os.path.dirname(_UI_DIR), "core")
#: The catalog context of the core's sentences (``deeplens_gui.core.text.say``).
CORE_CONTEXT = "core"


def text(value):
    """What the user reads for ``value``: a core sentence (or an error carrying one) in the UI's language.

    Anything else is shown as ``str(value)``.
    """
    return core_text.render(value, _translate_core)


def _translate_core(template):
    return QCoreApplication.translate(CORE_CONTEXT, template)


def catalog_path(language):
    """The ``.ts`` file of ``language``."""
    return resources.path("translations", CATALOG_NAME.format(language))


def resolve_language(setting, locale=None):
    """``"en"`` or a shipped language for the setting ``"system" | "en" | "ko"`` (system: the OS locale)."""
    if setting and setting != "system":
        return setting if setting in LANGUAGES else "en"
    locale = locale if locale is not None else QLocale.system()
    for name in [locale.name()] + list(locale.uiLanguages()):
        code = name.replace("-", "_").split("_")[0].lower()
        if code in LANGUAGES:
            return code
        if code == "en":
            return "en"
    return "en"


def read_catalog(path):
    """``{(context, source): [translation, ...]}`` of the finished messages of a ``.ts`` file.

    A message has one translation, or one per numerus form. Unfinished, obsolete and empty translations are
    left out, so Qt falls back to the English source for them.
    """
    messages = {}
    root = ET.parse(path).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            if source is None or translation is None:
                continue
            if translation.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            forms = translation.findall("numerusform")
            texts = [form.text or "" for form in forms] if forms else [translation.text or ""]
            if any(texts):
                messages[(name, source)] = texts
    return messages


class TsTranslator(QTranslator):
    """A QTranslator that answers from a parsed ``.ts`` file (see the module docstring)."""

    def __init__(self, path, parent=None):
        super().__init__(parent)
        self.path = path
        self._messages = read_catalog(path)
        self._by_source = {}
        for (_context, source), texts in self._messages.items():
            self._by_source.setdefault(source, texts)

    def __len__(self):
        return len(self._messages)

    def isEmpty(self):
        return not self._messages

    def translate(self, context, source, disambiguation=None, n=-1):
        if not source:
            return None
        texts = self._messages.get((context or "", source)) or self._by_source.get(source)
        if not texts:
            return None  # None: "not translated here", so Qt asks the next translator or keeps the source
        # Korean has one plural form; a catalog with more forms picks the second for n != 1 (English rule).
        if len(texts) > 1 and n is not None and n != 1 and n >= 0:
            return texts[1] or texts[0]
        return texts[0]


_installed = []


def install(language_setting, app=None):
    """Install the translators for the setting ``"system" | "en" | "ko"``; returns the language used.

    Earlier translators installed by this function are removed first, so calling it again switches.
    """
    app = app or QCoreApplication.instance()
    uninstall(app)
    language = resolve_language(language_setting)
    ours = TsTranslator(catalog_path(language), app)
    qt = QTranslator(app)
    if language != SOURCE_LANGUAGE and qt.load("qtbase_" + language,
                                               QLibraryInfo.location(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    return language


def uninstall(app=None):
    """Remove the translators ``install`` added (the bare source strings: plurals read "%n device(s)")."""
    app = app or QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


def source_files():
    """The files whose strings are extracted: every module of ``deeplens_gui/ui``, relative to the repo."""
    return sorted(os.path.relpath(path, _ROOT) for path in glob.glob(os.path.join(_UI_DIR, "*.py")))


def core_source_files():
    """The core modules, whose sentences are shown in the app (device-side code lives in ``remote/``)."""
    return sorted(glob.glob(os.path.join(_CORE_DIR, "**", "*.py"), recursive=True))


def core_messages():
    """``[(template, file, line)]`` of every ``say("...")`` and ``join("...", ...)`` in the core, in order."""
    found, seen = [], set()
    for path in core_source_files():
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            owner = getattr(func, "value", None)
            direct = isinstance(func, ast.Name) or (isinstance(owner, ast.Name) and owner.id == "text")
            if name in ("say", "join") and direct and isinstance(first, ast.Constant) and isinstance(first.value, str):
                if first.value not in seen:
                    seen.add(first.value)
                    found.append((first.value, os.path.relpath(path, _ROOT), node.lineno))
    return sorted(found, key=lambda item: (item[1], item[2]))


def helper_messages():
    """``{context: [(source, file, line)]}`` of the ``_tr("...")`` calls in the ui modules.

    A module-level ``_tr(text)`` helper returns ``QCoreApplication.translate("Context", text)``; pylupdate5
    only sees ``tr()`` and ``translate()`` calls with literal arguments, so these are collected here.
    """
    found = {}
    for relative in source_files():
        path = os.path.join(_ROOT, relative)
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read(), path)
        context = _helper_context(tree)
        if context is None:
            continue
        for node in ast.walk(tree):
            func = getattr(node, "func", None)
            if (isinstance(node, ast.Call) and isinstance(func, ast.Name) and func.id == "_tr" and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(context, []).append((node.args[0].value, relative, node.lineno))
    return {context: sorted(messages, key=lambda item: item[2]) for context, messages in found.items()}


def _helper_context(tree):
    """The context of a module's ``def _tr(text): return QCoreApplication.translate("Context", text)``."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == "_tr":
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "translate" and call.args
                        and isinstance(call.args[0], ast.Constant)):
                    return call.args[0].value
    return None


def _merged_contexts():
    """``{context: [(source, file, line)]}`` that pylupdate5 cannot extract: the core's and the helpers'."""
    contexts = {CORE_CONTEXT: core_messages()}
    for context, messages in helper_messages().items():
        contexts.setdefault(context, [])
        contexts[context] = contexts[context] + messages
    return contexts


def _merge_contexts(ts_path, previous):
    """Append the ``_merged_contexts()`` to ``ts_path``, keeping ``previous`` translations
    (``{(context, source): translation}``); a context pylupdate5 also wrote gets the messages it lacks.

    Written in pylupdate5's own layout, after the contexts it wrote, so updates make small diffs.
    """
    with open(ts_path, encoding="utf-8") as handle:
        body = handle.read()
    extracted = set(extracted_messages(ts_path))
    folder = os.path.dirname(os.path.abspath(ts_path))
    lines = []
    for context, messages in sorted(_merged_contexts().items(), key=lambda item: item[0] != CORE_CONTEXT):
        body = re.sub(r"<context>\s*<name>{0}</name>.*?</context>\n?".format(re.escape("x-" + context)), "",
                      body, flags=re.S)
        if context == CORE_CONTEXT:
            body = re.sub(r"<context>\s*<name>{0}</name>.*?</context>\n?".format(CORE_CONTEXT), "", body,
                          flags=re.S)
        entries, seen = [], set()
        for source, path, line in messages:
            if source in seen or (context != CORE_CONTEXT and (context, source) in extracted):
                continue
            seen.add(source)
            location = os.path.relpath(os.path.join(_ROOT, path), folder).replace(os.sep, "/")
            translation = previous.get((context, source))
            entries += ["    <message>",
                        '        <location filename="{0}" line="{1}"/>'.format(escape(location), line),
                        "        <source>{0}</source>".format(escape(source)),
                        "        <translation>{0}</translation>".format(escape(translation)) if translation
                        else '        <translation type="unfinished"></translation>',
                        "    </message>"]
        if entries:
            name = context if context == CORE_CONTEXT else "x-" + context
            lines += ["<context>", "    <name>{0}</name>".format(name)] + entries + ["</context>"]
    at = body.rindex("</TS>")
    with open(ts_path, "w", encoding="utf-8") as handle:
        handle.write(body[:at] + "\n".join(lines) + ("\n" if lines else "") + body[at:])


def extract(ts_path, drop_obsolete=True):
    """Run ``pylupdate5`` over ``source_files()`` into ``ts_path`` (merged when it exists); its output.

    Runs from the repository folder so the file locations written into the catalog are relative. The core's
    sentences (``say``) are then merged in as the context ``core``, and the ``_tr("...")`` strings of module
    helpers as ``x-<their context>``, keeping existing translations.
    """
    previous = {}
    if os.path.exists(ts_path):
        previous = {(context.removeprefix("x-"), source): texts[0]
                    for (context, source), texts in read_catalog(ts_path).items()}
    command = [sys.executable, "-m", "PyQt5.pylupdate_main"]
    if drop_obsolete:
        command.append("-noobsolete")
    command += source_files() + ["-ts", os.path.abspath(ts_path)]
    done = subprocess.run(command, check=False, cwd=_ROOT, capture_output=True, text=True,
                          env=dict(os.environ, PYTHONWARNINGS="ignore"))
    if done.returncode != 0:
        raise RuntimeError("pylupdate5 failed ({0}): {1}".format(done.returncode, done.stderr.strip()))
    _merge_contexts(ts_path, previous)
    return done.stdout


def _keep_numerus_only(ts_path):
    """Drop every message of ``ts_path`` that is not a plural one, and the contexts left empty."""
    with open(ts_path, encoding="utf-8") as handle:
        body = handle.read()
    body = re.sub(r"\n?\s*<message>.*?</message>", "", body, flags=re.S)
    body = re.sub(r"<context>\s*<name>[^<]*</name>\s*</context>\n?", "", body)
    with open(ts_path, "w", encoding="utf-8") as handle:
        handle.write(body)


def numerus_messages(ts_path):
    """``[(context, source)]`` of the plural messages in a ``.ts`` file."""
    root = ET.parse(ts_path).getroot()
    return [(context.findtext("name") or "", message.findtext("source"))
            for context in root.iter("context") for message in context.iter("message")
            if message.get("numerus") == "yes"]


def extracted_messages(ts_path):
    """``[(context, source)]`` of every message in a ``.ts`` file (translated or not)."""
    root = ET.parse(ts_path).getroot()
    return [(context.findtext("name") or "", message.findtext("source"))
            for context in root.iter("context") for message in context.iter("message")]


def missing(language, ts_path=None):
    """``[(context, source)]`` of the messages in ``ts_path`` (default: the catalog) without a translation."""
    done = read_catalog(catalog_path(language))
    ts_path = ts_path or catalog_path(language)
    listed = numerus_messages(ts_path) if language == SOURCE_LANGUAGE else extracted_messages(ts_path)
    return [key for key in listed if key not in done]


def main(argv=None):
    """``update``: extract into every shipped catalog; ``check``: list untranslated messages."""
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "check"
    if command not in ("update", "check"):
        print("usage: python -m deeplens_gui.ui.i18n [update|check]", file=sys.stderr)
        return 2
    status = 0
    for language in CATALOGS:
        path = catalog_path(language)
        if command == "update":
            os.makedirs(os.path.dirname(path), exist_ok=True)
            if not os.path.exists(path):
                with open(path, "w", encoding="utf-8") as handle:  # pylupdate5 takes the language from here
                    handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
                                 'language="{0}" sourcelanguage="en">\n</TS>\n'.format(language))
            print(extract(path).strip())
            if language == SOURCE_LANGUAGE:
                _keep_numerus_only(path)
        todo = missing(language)
        for context, source in todo:
            print("{0}: untranslated in {1}: {2}".format(language, context, source))
        if todo:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
