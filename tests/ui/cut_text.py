"""Find text that a window shows cut: what a label, button, combo, tab, line edit placeholder, header section
or table cell needs (its font metrics) against the width it has. Text that does not fit counts as cut unless
the widget's (or item's) tooltip holds the full text: the app elides such text with "…" itself and sets the
tooltip. A placeholder must fit: no tooltip shows it."""

import re

from PyQt5.QtCore import Qt
from PyQt5.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTableWidget,
    QTreeWidget,
    QWidget,
)

#: Room a cell or a tab needs besides its text (the style's margins).
CELL_PADDING = 8
#: Room a header section needs besides its text (QHeaderView's own size hint leaves this much).
HEADER_PADDING = 4


def _plain(text):
    return re.sub(r"<[^>]*>", "", text.replace("&&", "&")).replace("&amp;", "&").replace("&nbsp;", " ")


def _advance(metrics, text):
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _shown(widget):
    return widget.isVisible() and widget.width() > 0 and widget.window().isVisible()


def _label(label):
    if not label.text() or label.pixmap() is not None:
        return None
    text = label.text() if label.textFormat() == Qt.PlainText else _plain(label.text())
    if label.wordWrap():
        # a wrapped label cuts nothing itself, but a scroll area may show only part of it
        return text, label.width(), _visible_width(label)
    needed = _advance(label.fontMetrics(), text)
    room = label.contentsRect().width() - 2 * max(label.margin(), 0) - max(label.indent(), 0)
    return text, needed, min(room, _visible_width(label))


def _visible_width(widget):
    """How much of ``widget``'s width is on screen: a scroll area's viewport clips what sticks out sideways.
    A widget scrolled out of view entirely (a row below the fold) is not cut: it counts as whole."""
    visible = widget.visibleRegion().boundingRect().width()
    return visible if visible > 0 else widget.width()


def _button(button):
    text = button.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
    if not text or (button.inherits("QToolButton")
                    and button.toolButtonStyle() == Qt.ToolButtonIconOnly):
        return None
    return text, button.sizeHint().width(), button.width()


def _combo(combo):
    text = combo.currentText()
    if not text:
        return None
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.CC_ComboBox, option, QStyle.SC_ComboBoxEditField, combo)
    icon = combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0
    return text, _advance(combo.fontMetrics(), text) + icon, field.width()


def _placeholder(edit):
    if edit.text() or not edit.placeholderText():
        return None
    margins = edit.textMargins()
    # QLineEdit draws its text inside the frame with a 2 px margin on each side (qlineedit_p.h)
    room = edit.contentsRect().width() - margins.left() - margins.right() - 4
    return edit.placeholderText(), _advance(edit.fontMetrics(), edit.placeholderText()), room


def problems(root):
    """``[description]`` of every visible text under ``root`` (a widget, itself included) that is cut."""
    found = []

    def check(widget, kind, measured, tooltip):
        if measured is None:
            return
        text, needed, available = measured
        if needed > available + 1 and text not in (tooltip or ""):
            found.append("{0} {1!r}: needs {2} px, has {3}".format(kind, text, needed, available))

    for widget in [root] + root.findChildren(QWidget):
        if not _shown(widget):
            continue
        if isinstance(widget, QLabel):
            check(widget, "label", _label(widget), widget.toolTip())
        elif isinstance(widget, QAbstractButton):
            check(widget, "button", _button(widget), widget.toolTip())
        elif isinstance(widget, QComboBox):
            check(widget, "combo", _combo(widget), widget.toolTip())
            if widget.isEditable():
                check(widget, "placeholder", _placeholder(widget.lineEdit()), "")
        elif isinstance(widget, QLineEdit) and not isinstance(widget.parent(), QComboBox):
            check(widget, "placeholder", _placeholder(widget), "")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                text = widget.tabText(index).replace("&", "")
                room = widget.tabRect(index).width() - CELL_PADDING * 2
                measured = (text, _advance(widget.fontMetrics(), text), room)
                check(widget, "tab", measured, widget.tabToolTip(index))
        elif isinstance(widget, QHeaderView) and widget.orientation() == Qt.Horizontal:
            model = widget.model()
            for section in range(widget.count()):
                if widget.isSectionHidden(section):
                    continue
                text = str(model.headerData(section, Qt.Horizontal) or "")
                room = widget.sectionSize(section) - HEADER_PADDING
                check(widget, "column", (text, _advance(widget.fontMetrics(), text), room), "")
        elif isinstance(widget, (QTableWidget, QTreeWidget)):
            found.extend(_cells(widget))
    return found


def _cells(view):
    """Cut cells of a table or tree (an item's tooltip may hold the full text)."""
    found = []
    metrics = view.fontMetrics()
    if isinstance(view, QTableWidget):
        for row in range(view.rowCount()):
            for column in range(view.columnCount()):
                item = view.item(row, column)
                if item is None or view.isColumnHidden(column) or not item.text():
                    continue
                rect = view.visualItemRect(item)
                needed = _advance(metrics, item.text()) + CELL_PADDING
                wraps = view.wordWrap() and rect.height() > metrics.height() * 1.8
                if needed > rect.width() + 1 and not wraps and item.text() not in item.toolTip():
                    found.append("cell {0!r}: needs {1} px, has {2}".format(item.text(), needed,
                                                                            rect.width()))
    return found
