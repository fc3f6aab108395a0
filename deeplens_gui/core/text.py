"""User-facing sentences that a UI can show in another language.

The core is Qt-free and speaks English: ``str()`` of every sentence is English, and that is what the CLI
prints, what logs hold and what tests compare. A sentence made with :func:`say` also remembers its English
template and its arguments, so the GUI can look the template up in its catalog (context ``core``) and fill
in the arguments, each of which may itself be a sentence::

    raise AuthFailed(say("{0} refused every key we offered.", host))
    str(error)                  # 'camera-7 refused every key we offered.'
    ui.i18n.text(error)         # the same in Korean when the UI is Korean

Templates are ``str.format`` templates with positional fields (``{0}``, ``{1:.1f}``); the extraction step
(``python -m deeplens_gui.ui.i18n update``) finds every ``say("...")`` and ``join(...)`` in the core by
reading the source, so the template must be a string literal at the call.
"""


class Text(str):
    """An English sentence (a ``str``) that keeps its ``template`` and ``args`` for translation."""

    __slots__ = ("template", "args")

    def __new__(cls, template, *args):
        self = str.__new__(cls, template.format(*args) if args else template)
        self.template = template
        self.args = args
        return self

    def __reduce__(self):  # pickling (multiprocessing, copy) keeps the structure
        return (Text, (self.template,) + tuple(self.args))

    def render(self, translate):
        """The sentence with ``translate(template) -> template`` applied to it and to every Text argument."""
        template = translate(self.template) or self.template
        if not self.args:  # a sentence without fields is shown as written (braces and all)
            return template
        args = [arg.render(translate) if isinstance(arg, Text) else arg for arg in self.args]
        try:
            return template.format(*args)
        except (IndexError, KeyError, ValueError):  # a broken translation never hides the message
            return self.template.format(*args)


class Joined(Text):
    """Sentences (or fragments) joined by a separator; each part is translated on its own."""

    __slots__ = ("separator",)

    def __new__(cls, separator, parts):
        parts = tuple(parts)
        self = str.__new__(cls, separator.join(parts))
        self.template = separator
        self.args = parts
        self.separator = separator
        return self

    def __reduce__(self):
        return (Joined, (self.separator, self.args))

    def render(self, translate):
        separator = translate(self.separator) or self.separator
        return separator.join(part.render(translate) if isinstance(part, Text) else str(part)
                              for part in self.args)


class Adjusted(Text):
    """A whole sentence reshaped for use inside another (period dropped, or first letter capitalized).

    The reshaping is applied after translation, so the sentence is still translated as a whole.
    """

    __slots__ = ("how",)
    _SHAPES = {
        "trim_period": lambda shown: shown.rstrip(".。"),
        "capitalize": lambda shown: shown[:1].upper() + shown[1:],
    }

    def __new__(cls, sentence, how):
        self = str.__new__(cls, cls._SHAPES[how](str(sentence)))
        self.template = sentence
        self.args = ()
        self.how = how
        return self

    def __reduce__(self):
        return (Adjusted, (self.template, self.how))

    def render(self, translate):
        inner = self.template
        shown = inner.render(translate) if isinstance(inner, Text) else str(inner)
        return self._SHAPES[self.how](shown)


def say(template, *args):
    """The sentence ``template.format(*args)`` as a :class:`Text`; ``template`` must be a string literal."""
    return Text(template, *args)


def join(separator, parts):
    """``separator.join(parts)`` as a :class:`Joined` (``separator`` a string literal such as ``"; "``)."""
    return Joined(separator, parts)


def trim_period(sentence):
    """``sentence`` without its closing period (``rstrip(".")``), still translatable when it is a Text."""
    return Adjusted(sentence, "trim_period")


def capitalize(sentence):
    """``sentence`` with its first letter in upper case (a fragment that opens a message)."""
    return Adjusted(sentence, "capitalize")


def render(value, translate):
    """``value`` as shown: a Text (or anything whose ``str()`` is one, like our errors) translated with
    ``translate``; anything else as ``str(value)``."""
    if value is None:
        return ""
    shown = value if isinstance(value, str) else str(value)
    if not isinstance(shown, Text):
        message = getattr(value, "message", None)  # an error that keeps its sentence apart from str()
        shown = message if isinstance(message, Text) else shown
    return shown.render(translate) if isinstance(shown, Text) else str(shown)
