"""Text that fits a narrow place: break opportunities in long words, whole lines that end elided, and a
one-line label that elides with its text as tooltip."""

import re

from PyQt5.QtCore import QSize, Qt
from PyQt5.QtGui import QPainter
from PyQt5.QtWidgets import QAction, QApplication, QLabel


def wrappable(text, longest=16):
    """``text`` with invisible break opportunities after the separators of its long words (paths, hosts, ids,
    JSON), so a word-wrapped label in a narrow panel wraps them instead of growing past the panel's edge."""
    return re.sub(r"\S{%d,}" % longest, lambda word: re.sub(r"([/@:,._\-\]}])", "\\1\u200b", word.group(0)),
                  text)


def wrapped_lines(metrics, text, width, max_lines):
    """``text`` broken into lines of at most ``width`` pixels (at spaces), at most ``max_lines`` of them; the
    last line ends with "…" when the text does not fit."""
    lines, line, start = [], "", 0  # start: the index of the first word of ``line``
    words = text.split()
    for index, word in enumerate(words):
        candidate = word if not line else line + " " + word
        if not line or metrics.horizontalAdvance(candidate) <= width:
            line = candidate
            continue
        if len(lines) == max_lines - 1:
            line = " ".join(words[start:])  # the last line allowed: the rest of the text, elided below
            break
        lines.append(line)
        line, start = word, index
    if line:
        lines.append(line)
    return [metrics.elidedText(text_line, Qt.ElideRight, width) for text_line in lines[:max_lines]]


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, ending in "…", with the whole text as its
    tooltip; ``text()`` is the whole text, and its context menu copies it (a long error sentence holds paths
    and ids one wants to paste)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        copy = QAction(self.tr("Copy"), self)
        copy.triggered.connect(lambda: QApplication.clipboard().setText(self.text()))
        self.addAction(copy)
        self.setContextMenuPolicy(Qt.ActionsContextMenu)

    def setText(self, text):
        super().setText(text)
        self.setToolTip(text)

    def minimumSizeHint(self):
        return QSize(0, super().minimumSizeHint().height())

    def sizeHint(self):
        return QSize(self.fontMetrics().horizontalAdvance(self.text()), super().sizeHint().height())

    def paintEvent(self, _event):
        painter = QPainter(self)
        rect = self.contentsRect()
        painter.setPen(self.palette().color(self.foregroundRole()))
        shown = self.fontMetrics().elidedText(self.text(), Qt.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), shown)
