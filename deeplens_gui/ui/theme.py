"""Light and dark look: follow the system palette (or the user's choice) and tint monochrome icons to match.

Qt 5 has no colour-scheme API (``QStyleHints.colorScheme`` is Qt 6), so "the system is dark" means the
platform palette's window colour is dark. A dark look uses the Fusion style with a dark palette, because
the native styles of Qt 5 draw light controls whatever the palette says. The video view paints its own dark
background in every look.

Monochrome icons in ``resources/icons`` draw with ``currentColor``; ``icon()`` renders them in the
palette's text colour so they stay readable on light and dark backgrounds. Coloured parts stay as drawn.
"""

from PyQt5.QtCore import QByteArray, QRectF, Qt
from PyQt5.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PyQt5.QtSvg import QSvgRenderer
from PyQt5.QtWidgets import QApplication, QStyleFactory

import resources

APPEARANCES = ("system", "light", "dark")
ICON_SIZES = (16, 20, 24, 32, 48)

_system = {}  # the platform's palette and style, remembered before the first change


def is_dark(palette=None):
    """True when ``palette`` (default: the application's) has a dark window background."""
    if palette is None:
        palette = QApplication.palette()
    return palette.color(QPalette.Window).lightness() < 128


def dark_palette():
    """The dark palette used with the Fusion style."""
    palette = QPalette()
    window, base, text = QColor(45, 48, 53), QColor(30, 32, 36), QColor(226, 229, 233)
    disabled = QColor(130, 135, 142)
    palette.setColor(QPalette.Window, window)
    palette.setColor(QPalette.WindowText, text)
    palette.setColor(QPalette.Base, base)
    palette.setColor(QPalette.AlternateBase, QColor(38, 41, 46))
    palette.setColor(QPalette.ToolTipBase, QColor(60, 64, 70))
    palette.setColor(QPalette.ToolTipText, text)
    palette.setColor(QPalette.Text, text)
    palette.setColor(QPalette.Button, QColor(55, 59, 65))
    palette.setColor(QPalette.ButtonText, text)
    palette.setColor(QPalette.BrightText, QColor(255, 110, 100))
    palette.setColor(QPalette.Light, QColor(75, 80, 87))
    palette.setColor(QPalette.Midlight, QColor(62, 66, 72))
    palette.setColor(QPalette.Mid, QColor(150, 156, 164))
    palette.setColor(QPalette.Dark, QColor(24, 26, 29))
    palette.setColor(QPalette.Shadow, QColor(10, 10, 10))
    palette.setColor(QPalette.Highlight, QColor(58, 130, 210))
    palette.setColor(QPalette.HighlightedText, QColor(255, 255, 255))
    palette.setColor(QPalette.Link, QColor(110, 170, 240))
    palette.setColor(QPalette.LinkVisited, QColor(170, 140, 230))
    palette.setColor(QPalette.PlaceholderText, disabled)
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        palette.setColor(QPalette.Disabled, role, disabled)
    palette.setColor(QPalette.Disabled, QPalette.Base, window)
    return palette


def apply(appearance="system", app=None):
    """Give ``app`` the look for ``appearance`` ("system" | "light" | "dark"); returns "light" or "dark".

    "system" keeps the platform's style and palette, switching to the dark Fusion look when the platform's
    palette is dark. Calling it again with another choice switches (the platform look is remembered).
    """
    app = app or QApplication.instance()
    if not _system:
        _system["palette"] = QPalette(app.palette())
        _system["style"] = app.style().objectName()
    system_dark = is_dark(_system["palette"])
    if appearance not in APPEARANCES:
        appearance = "system"
    dark = appearance == "dark" or (appearance == "system" and system_dark)
    if dark:
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
    elif system_dark:  # a light look asked for on a dark system
        style = QStyleFactory.create("Fusion")
        app.setStyle(style)
        app.setPalette(style.standardPalette())
    else:
        app.setStyle(QStyleFactory.create(_system["style"]) or QStyleFactory.create("Fusion"))
        app.setPalette(_system["palette"])
    return "dark" if dark else "light"


def restore(app=None):
    """Put the platform's style and palette back (tests, and switching back to "system")."""
    app = app or QApplication.instance()
    if _system and app is not None:
        app.setStyle(QStyleFactory.create(_system["style"]) or QStyleFactory.create("Fusion"))
        app.setPalette(_system["palette"])


def tinted_svg(svg, color):
    """SVG text with every ``currentColor`` replaced by ``color`` (a QColor)."""
    return svg.replace("currentColor", color.name())


def icon(name, palette=None):
    """The icon ``resources/icons/<name>`` with its monochrome parts in the palette's text colour.

    The disabled state uses the palette's disabled text colour, so greyed-out actions look greyed out in both
    looks.
    """
    palette = palette or QApplication.palette()
    with open(resources.path("icons", name), "r", encoding="utf-8") as handle:
        svg = handle.read()
    if "currentColor" not in svg:
        return QIcon(resources.path("icons", name))
    result = QIcon()
    for mode, group in ((QIcon.Normal, QPalette.Active), (QIcon.Disabled, QPalette.Disabled)):
        renderer = QSvgRenderer(QByteArray(tinted_svg(svg, palette.color(group, QPalette.WindowText))
                                           .encode("utf-8")))
        for size in ICON_SIZES:
            pixmap = QPixmap(size, size)
            pixmap.fill(Qt.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size, size))
            painter.end()
            result.addPixmap(pixmap, mode)
    return result
