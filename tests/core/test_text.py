"""Core sentences: English as str, template and arguments kept for the GUI's translation."""

import ast
import copy
import glob
import os
import pickle

from hypothesis import given
from hypothesis import strategies as st

import deeplens_gui.core
from deeplens_gui.core import errors
from deeplens_gui.core.text import Joined, Text, capitalize, join, render, say, trim_period

CORE = os.path.dirname(deeplens_gui.core.__file__)
KOREAN = {
    "Could not log in to {0}: {1}.": "{0}에 로그인하지 못했습니다: {1}.",
    "the key {0} was refused": "키 {0}이(가) 거부되었습니다",
    "{0:.1f} unique frames/s": "초당 고유 프레임 {0:.1f}개",
    "; ": "; ",
}


def test_a_sentence_is_its_english_text_and_keeps_its_parts():
    reason = say("the key {0} was refused", "id_rsa")
    sentence = say("Could not log in to {0}: {1}.", "camera 7", reason)
    assert sentence == "Could not log in to camera 7: the key id_rsa was refused."
    assert isinstance(sentence, str) and sentence.template == "Could not log in to {0}: {1}."
    assert sentence.args == ("camera 7", reason) and isinstance(sentence.args[1], Text)


def test_render_translates_the_template_and_nested_sentences():
    sentence = say("Could not log in to {0}: {1}.", "camera 7", say("the key {0} was refused", "id_rsa"))
    assert render(sentence, KOREAN.get) == "camera 7에 로그인하지 못했습니다: 키 id_rsa이(가) 거부되었습니다."
    assert render(say("{0:.1f} unique frames/s", 14.94), KOREAN.get) == "초당 고유 프레임 14.9개"
    assert render(sentence, lambda template: None) == str(sentence)  # nothing translated: English


def test_an_error_is_rendered_by_its_sentence():
    error = errors.AuthFailed(say("Could not log in to {0}: {1}.", "cam", "no key"))
    assert str(error) == "Could not log in to cam: no key."
    assert render(error, KOREAN.get) == "cam에 로그인하지 못했습니다: no key."
    assert render(OSError("disk full"), KOREAN.get) == "disk full"
    assert render(None, KOREAN.get) == "" and render(3, KOREAN.get) == "3"


def test_joined_parts_are_translated_one_by_one():
    parts = [say("the key {0} was refused", "a"), "plain"]
    joined = join("; ", parts)
    assert joined == "the key a was refused; plain" and isinstance(joined, Joined)
    assert render(joined, KOREAN.get) == "키 a이(가) 거부되었습니다; plain"


def test_a_broken_translation_falls_back_to_english():
    broken = {"Could not log in to {0}: {1}.": "{2} 로그인 {0"}
    sentence = say("Could not log in to {0}: {1}.", "cam", "x")
    assert render(sentence, broken.get) == "Could not log in to cam: x."
    assert render(say("Use {braces} as written"), {}.get) == "Use {braces} as written"


def test_sentences_survive_pickle_and_copy():
    sentence = say("Could not log in to {0}: {1}.", "cam", join("; ", [say("the key {0} was refused", "k")]))
    for clone in (pickle.loads(pickle.dumps(sentence)), copy.deepcopy(sentence)):
        assert clone == sentence and clone.template == sentence.template
        assert render(clone, KOREAN.get) == render(sentence, KOREAN.get)


@given(st.lists(st.text(max_size=12), max_size=4), st.sampled_from(["{0}", "{0} and {1}", "x {1} y {0}"]))
def test_str_is_always_what_format_gives(values, template):
    values = (values + ["a", "b"])[:2]
    assert say(template, *values) == template.format(*values)


def _literal_messages(path):
    """Exceptions of our own built from a bare string literal or "...".format() instead of say()."""
    names = {name for name, value in vars(errors).items()
             if isinstance(value, type) and issubclass(value, errors.DeepLensError)}
    with open(path, encoding="utf-8") as handle:
        tree = ast.parse(handle.read(), path)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        called = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if called in names:
            first = node.args[0]
            literal = isinstance(first, (ast.Constant, ast.JoinedStr)) or (
                isinstance(first, ast.Call) and getattr(first.func, "attr", None) == "format")
            if literal:
                found.append("{0}:{1}".format(os.path.relpath(path, CORE), node.lineno))
    return found


def test_the_core_raises_its_errors_with_translatable_sentences():
    problems = []
    for path in glob.glob(os.path.join(CORE, "**", "*.py"), recursive=True):
        problems += _literal_messages(path)
    assert problems == []


def test_a_nested_sentence_loses_its_period_in_both_languages():
    inner = say("the key {0} was refused.", "k")
    outer = say("Could not log in to {0}: {1}.", "cam", trim_period(inner))
    assert outer == "Could not log in to cam: the key k was refused."
    table = {"the key {0} was refused.": "키 {0}이(가) 거부되었습니다.", **KOREAN}
    assert render(outer, table.get) == "cam에 로그인하지 못했습니다: 키 k이(가) 거부되었습니다."
    assert trim_period("plain.") == "plain" and pickle.loads(pickle.dumps(trim_period(inner))) == trim_period(inner)


def test_a_capitalized_fragment_opens_a_message_in_both_languages():
    fragment = say("the key {0} was refused", "k")
    assert capitalize(fragment) == "The key k was refused"
    assert render(capitalize(fragment), KOREAN.get) == "키 k이(가) 거부되었습니다"
    assert pickle.loads(pickle.dumps(capitalize(fragment))) == "The key k was refused"
