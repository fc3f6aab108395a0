"""DeviceTile: one camera of the classroom grid: its newest frame, its name and label, and a health badge.

The badge shows the stream's own state when the stream has a problem (offline, auth, stalled...), else the
device's verdict from ``core/status.py`` (running, running with errors, no results...): never a bare
"live", and a stream whose frames stopped coming for STALL_SECONDS is stalled whatever its state says.

A tile never queues frames: ``set_image`` replaces the picture and asks for a repaint at most ``max_fps``
times a second (a tile of 40 is small; repainting it at the stream's full rate would be wasted work).
"""

import time

from PyQt5.QtCore import QCoreApplication, QEvent, QPointF, QRect, QRectF, QSize, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QStaticText
from PyQt5.QtWidgets import QSizePolicy, QWidget

from deeplens_gui.core.errors import AuthFailed, ConnectError, HostKeyError
from deeplens_gui.core.status import Verdict
from deeplens_gui.core.stream import StreamState, StreamStats, StreamStatus
from deeplens_gui.ui import i18n
from deeplens_gui.ui.text_fit import wrapped_lines
from deeplens_gui.ui.video_view import BACKGROUND, DIM_TEXT, TEXT, draw_frame, fit_rect

#: Default repaint cap of a tile (frames per second).
TILE_MAX_FPS = 15.0
#: Height of the caption strip below the picture, in multiples of the font's line height.
CAPTION_LINES = 1.6
#: A live stream whose newest frame is older than this (seconds) is shown as stalled.
STALL_SECONDS = 3.0

SELECTION = QColor(64, 156, 255)
CAPTION_BACKGROUND = QColor(30, 34, 40)

# Health keys, their badge colours, and the order "sort by state" uses (problems first).
HEALTH_ORDER = ("host-key", "auth", "offline", "failed", "errors", "stalled", "no-results", "no-project",
                "reconnecting", "behind-cloud", "connecting", "stopped", "live")
HEALTH_COLORS = {
    "live": QColor(46, 160, 67),
    "errors": QColor(216, 67, 21),
    "no-results": QColor(245, 127, 23),
    "behind-cloud": QColor(249, 168, 37),
    "connecting": QColor(90, 110, 140),
    "reconnecting": QColor(200, 130, 20),
    "stalled": QColor(210, 153, 34),
    "no-project": QColor(110, 84, 170),
    "auth": QColor(200, 55, 55),
    "host-key": QColor(200, 55, 55),
    "offline": QColor(120, 40, 40),
    "failed": QColor(200, 55, 55),
    "stopped": QColor(80, 84, 92),
}


def _tr(text):
    return QCoreApplication.translate("DeviceTile", text)


#: health keys of a tile whose frames flow (its picture is current)
LIVE_KEYS = ("live", "errors", "no-results", "behind-cloud")
#: verdicts that change a live tile's health key (the others leave it "live")
_VERDICT_HEALTH = {Verdict.RUNNING_WITH_ERRORS: "errors", Verdict.NO_RESULTS: "no-results",
                   Verdict.BEHIND_CLOUD: "behind-cloud"}


def health(status, stats=None, verdict=None):
    """The health key (one of HEALTH_ORDER) of a StreamStatus, its StreamStats and the device's verdict."""
    key = _stream_health(status)
    if key == "live" and stats is not None and (stats.last_frame_age or 0.0) > STALL_SECONDS:
        return "stalled"  # "live · 0 fps" is not live
    if key == "live" and verdict is not None:
        return _VERDICT_HEALTH.get(verdict, key)
    return key


def _stream_health(status):
    state, error = status.state, status.error
    if isinstance(error, HostKeyError) and state in (StreamState.FAILED, StreamState.RECONNECTING):
        return "host-key"
    if isinstance(error, AuthFailed) and state in (StreamState.FAILED, StreamState.RECONNECTING):
        return "auth"
    if state is StreamState.LIVE:
        return "live"
    if state is StreamState.STALLED:
        return "stalled"
    if state is StreamState.WAITING:
        return "no-project"
    if state is StreamState.CONNECTING:
        return "connecting"
    if state in (StreamState.RECONNECTING, StreamState.FAILED):
        if isinstance(error, ConnectError):
            return "offline"
        return "reconnecting" if state is StreamState.RECONNECTING else "failed"
    return "stopped"


def health_text(key, stats=None, verdict=None):
    """The badge text of a health key; a live tile says its verdict (or that it is being checked) and its
    frame rate."""
    tr = _tr  # a plain tr(...) call is what the catalog extraction finds
    fps = stats.fps if stats is not None else 0.0
    if key == "live":
        if verdict is Verdict.RUNNING:
            return tr("running · {0:.0f} fps").format(fps)
        return tr("checking · {0:.0f} fps").format(fps)
    if key == "no-results":
        return tr("no results · {0:.0f} fps").format(fps)
    names = {
        "errors": tr("running with errors"),
        "behind-cloud": tr("behind the cloud"),
        "connecting": tr("connecting"),
        "reconnecting": tr("reconnecting"),
        "stalled": tr("stalled"),
        "no-project": tr("no project running"),
        "auth": tr("auth failed"),
        "host-key": tr("host key problem"),
        "offline": tr("offline"),
        "failed": tr("failed"),
        "stopped": tr("stopped"),
    }
    return names[key]


def feed_text(stats):
    """The real frame rate and what the camera sends (thumbnails or full frames), for a live tile's corner."""
    sending = stats.sending
    if sending.startswith("thumbnail"):
        kind = _tr("thumbnails")
    elif sending == "full no-opencv":
        kind = _tr("full frames: no OpenCV on the camera")
    elif sending:
        kind = _tr("full frames")
    else:
        kind = ""
    fps = _tr("{0:.1f} fps").format(stats.fps)
    return fps + " · " + kind if kind else fps


class DeviceTile(QWidget):
    """Paints one device: the newest frame letterboxed, a badge on top, name and label below.

    The grid positions and sizes tiles; a tile only reports clicks (with their modifiers) and double-clicks.
    """

    clicked = pyqtSignal(str, int)
    double_clicked = pyqtSignal(str)

    def __init__(self, device, max_fps=TILE_MAX_FPS, parent=None):
        super().__init__(parent)
        self.device = device
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Fixed, QSizePolicy.Fixed)
        self.setFocusPolicy(Qt.NoFocus)
        self._image = None
        self._status = StreamStatus(StreamState.IDLE)
        self._stats = StreamStats()
        self._health = "stopped"
        self._verdict = None
        self._selected = False
        self._interval = 1.0 / max_fps if max_fps > 0 else 0.0
        self._last_paint = 0.0
        self._repaint_timer = QTimer(self)
        self._repaint_timer.setSingleShot(True)
        self._repaint_timer.timeout.connect(self._update_picture)
        # Fonts, the caption's height and the laid-out badge and corner texts, made again only when the font
        # or a text changes: a classroom paints hundreds of frames a second on the GUI thread, with the GIL.
        self._fonts = None
        self._texts = {}
        #: how many frames were handed to the tile, and how many paints showed a frame (for tests and benches)
        self.frames_received = 0
        self.frames_painted = 0
        self._update_tooltip()

    @property
    def name(self):
        """The device's name (unique in a roster)."""
        return self.device.name

    # ----------------------------------------------------------------- input
    def set_image(self, image):
        """Show ``image`` (a QImage) as the newest frame; the repaint is throttled."""
        if image is None or image.isNull():
            return
        self._image = image
        self.frames_received += 1
        self._schedule_repaint()

    def current_image(self):
        """The QImage shown now, or None."""
        return self._image

    def set_status(self, status):
        """Show a StreamStatus on the badge."""
        self._status = status
        self._update_health()

    def set_stats(self, stats):
        """Show the frame rate of ``stats`` on a live badge (and notice a stall), and what the camera sends in
        the corner."""
        self._stats = stats
        self._update_health()

    def set_verdict(self, device_status):
        """Show the device's verdict (a core DeviceStatus, or None when it could not be checked)."""
        self._verdict = device_status
        self._update_health()

    @property
    def verdict(self):
        """The last DeviceStatus shown (None before the first check)."""
        return self._verdict

    def _update_health(self):
        verdict = self._verdict.verdict if self._verdict is not None else None
        key = health(self._status, self._stats, verdict)
        changed = key != self._health
        self._health = key
        if changed or key in LIVE_KEYS:
            self._update_tooltip()
            self.update()

    def set_selected(self, selected):
        """Draw (or not) the selection frame."""
        if selected != self._selected:
            self._selected = selected
            self.update()

    def is_selected(self):
        """True when the tile is selected."""
        return self._selected

    @property
    def health(self):
        """The health key (see HEALTH_ORDER)."""
        return self._health

    def badge_text(self):
        """What the badge says now."""
        return health_text(self._health, self._stats, self._verdict.verdict if self._verdict is not None else None)

    @property
    def status(self):
        """The last StreamStatus shown."""
        return self._status

    def picture_rect(self):
        """Where the frame is painted (the tile minus its caption strip)."""
        caption = self._caption_height()
        return QRect(0, 0, self.width(), max(0, self.height() - caption))

    def _caption_height(self):
        return self._font_set()["caption"]

    def _font_set(self):
        if self._fonts is None:
            bold = QFont(self.font())
            bold.setBold(True)
            small = QFont(self.font())
            small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
            self._fonts = {"bold": bold, "small": small,
                           "caption": int(QFontMetrics(self.font()).height() * CAPTION_LINES)}
        return self._fonts

    def _laid_out(self, kind, text, font, max_width):
        """(QStaticText, width, height) of ``text`` elided to ``max_width`` in ``font``, laid out once."""
        key = (text, max_width)
        cached = self._texts.get(kind)
        if cached is None or cached[0] != key:
            metrics = QFontMetrics(font)
            shown = metrics.elidedText(text, Qt.ElideRight, max_width)
            static = QStaticText(shown)
            static.setTextFormat(Qt.PlainText)
            static.prepare(font=font)
            cached = (key, static, metrics.horizontalAdvance(shown), metrics.height())
            self._texts[kind] = cached
        return cached[1:]

    def changeEvent(self, event):
        if event.type() == QEvent.FontChange:
            self._fonts = None
            self._texts = {}
        super().changeEvent(event)

    def sizeHint(self):
        return QSize(320, 180 + self._caption_height())

    def _schedule_repaint(self):
        wait = self._last_paint + self._interval - time.monotonic()
        if wait <= 0:
            self._update_picture()
        elif not self._repaint_timer.isActive():
            self._repaint_timer.start(max(1, int(wait * 1000)))

    def _update_picture(self):
        # A new frame changes the picture and what is drawn on it, never the caption below it.
        self.update(self.picture_rect())

    def feed_text(self):
        """What the corner of a live tile says: the real frame rate and thumbnails or full frames."""
        return feed_text(self._stats)

    def _update_tooltip(self):
        lines = [self.device.display, self.badge_text(), self.feed_text()]
        if self._status.message:
            lines.append(i18n.text(self._status.message))
        if self._verdict is not None and self._health in LIVE_KEYS:
            lines.append(i18n.text(self._verdict.reason))
        self.setToolTip("\n".join(lines))

    # ----------------------------------------------------------------- events
    def mousePressEvent(self, event):
        if event.button() == Qt.LeftButton:
            self.clicked.emit(self.name, int(event.modifiers()))
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event):
        if event.button() == Qt.LeftButton:
            self.double_clicked.emit(self.name)
        super().mouseDoubleClickEvent(event)

    def paintEvent(self, event):
        self._last_paint = time.monotonic()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.Antialiasing)
        picture = self.picture_rect()
        painter.fillRect(picture, BACKGROUND)
        if self._image is not None:
            target = fit_rect(self._image.size(), picture)
            draw_frame(painter, self._image, target, self.devicePixelRatioF())
            self.frames_painted += 1
            if self._health not in LIVE_KEYS:
                painter.fillRect(target, QColor(0, 0, 0, 110))  # an old picture must not look live
        elif self._status.message and self._health not in LIVE_KEYS:
            self._paint_message(painter, picture)
        if event.rect().bottom() > picture.bottom():
            self._paint_caption(painter, picture)
        self._paint_badge(painter, picture)
        if self._health == "live":
            self._paint_feed(painter, picture)
        if self._selected:
            pen = QPen(SELECTION, 3)
            painter.setPen(pen)
            painter.setBrush(Qt.NoBrush)
            painter.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        painter.end()

    def _paint_message(self, painter, picture):
        font = QFont(self.font())
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        painter.setPen(DIM_TEXT)
        metrics = QFontMetrics(font)
        area = picture.adjusted(8, metrics.height() * 2 + 8, -8, -4)
        # Whole lines only, the last one elided: the full sentence is in the tile's tooltip.
        lines = wrapped_lines(metrics, i18n.text(self._status.message), area.width(),
                              max(1, area.height() // metrics.lineSpacing()))
        painter.drawText(area, Qt.AlignHCenter | Qt.AlignTop, "\n".join(lines))

    def _paint_caption(self, painter, picture):
        strip = QRect(0, picture.bottom() + 1, self.width(), self.height() - picture.height())
        painter.fillRect(strip, CAPTION_BACKGROUND)
        metrics = QFontMetrics(self.font())
        text_area = strip.adjusted(8, 0, -8, 0)
        bold = self._font_set()["bold"]
        bold_metrics = QFontMetrics(bold)
        name = bold_metrics.elidedText(self.device.name, Qt.ElideRight, text_area.width())
        painter.setFont(bold)
        painter.setPen(TEXT)
        painter.drawText(text_area, Qt.AlignLeft | Qt.AlignVCenter, name)
        used = bold_metrics.horizontalAdvance(name) + 10
        if self.device.label and used < text_area.width():
            painter.setFont(self.font())
            painter.setPen(DIM_TEXT)
            label = metrics.elidedText(self.device.label, Qt.ElideRight, text_area.width() - used)
            painter.drawText(text_area.adjusted(used, 0, 0, 0), Qt.AlignLeft | Qt.AlignVCenter, label)

    def _paint_badge(self, painter, picture):
        font = self._font_set()["bold"]
        # The text laid out once per change gives the badge its width too: no measuring on every frame.
        static, text_width, text_height = self._laid_out("badge", self.badge_text(), font,
                                                         max(0, picture.width() - 22))
        width = min(text_width + 16, max(0, picture.width() - 12))
        height = text_height + 6
        badge = QRectF(6, 6, width, height)
        painter.setPen(Qt.NoPen)
        painter.setBrush(HEALTH_COLORS[self._health])
        painter.drawRoundedRect(badge, height / 2.0, height / 2.0)
        self._paint_text(painter, static, font, badge, text_width, text_height)

    def _paint_feed(self, painter, picture):
        font = self._font_set()["small"]
        static, text_width, text_height = self._laid_out("feed", self.feed_text(), font,
                                                         max(0, picture.width() - 16))
        width, height = text_width + 10, text_height + 2
        box = QRectF(picture.right() - width - 4, picture.bottom() - height - 4, width, height)
        painter.setPen(Qt.NoPen)
        painter.setBrush(QColor(0, 0, 0, 140))
        painter.drawRoundedRect(box, 3, 3)
        self._paint_text(painter, static, font, box, text_width, text_height)

    @staticmethod
    def _paint_text(painter, static, font, box, width, height):
        """Draw laid-out text centred in ``box`` (a QRectF)."""
        painter.setFont(font)
        painter.setPen(QColor(255, 255, 255))
        painter.drawStaticText(QPointF(box.x() + (box.width() - width) / 2.0,
                                       box.y() + (box.height() - height) / 2.0), static)
