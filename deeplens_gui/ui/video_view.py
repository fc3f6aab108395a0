"""VideoView: the newest frame, letterboxed on a dark background, with an optional information overlay.

The view never queues frames: ``set_image`` replaces the frame and asks for a repaint with ``update()``,
which Qt coalesces to at most one paint per screen refresh.
"""

import time

from PyQt5.QtCore import QRect, QRectF, QSize, Qt, QTimer, pyqtSignal
from PyQt5.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter
from PyQt5.QtWidgets import QSizePolicy, QWidget

import resources
from deeplens_gui.core.stream import StreamState, StreamStats, StreamStatus
from deeplens_gui.ui import i18n

BACKGROUND = QColor(18, 20, 23)
OVERLAY_BACKGROUND = QColor(0, 0, 0, 160)
BANNER_BACKGROUND = QColor(20, 24, 30, 215)
TEXT = QColor(235, 238, 242)
DIM_TEXT = QColor(160, 168, 178)
ERROR_TEXT = QColor(255, 140, 120)


def fit_rect(image_size, bounds):
    """The largest rectangle of ``image_size``'s aspect ratio centred in ``bounds`` (a QRect)."""
    if image_size.isEmpty() or bounds.isEmpty():
        return QRect()
    scaled = image_size.scaled(bounds.size(), Qt.KeepAspectRatio)
    x = bounds.x() + (bounds.width() - scaled.width()) // 2
    y = bounds.y() + (bounds.height() - scaled.height()) // 2
    return QRect(x, y, scaled.width(), scaled.height())


def draw_frame(painter, image, target, ratio=1.0):
    """Paint ``image`` into ``target``: 1:1 when the stream thread already scaled it for this view (the
    usual case: a plain copy), else smoothly scaled (for the moment between a resize and the next frame)."""
    if abs(image.width() - target.width() * ratio) <= 1 and abs(image.height() - target.height() * ratio) <= 1:
        image.setDevicePixelRatio(ratio)
        painter.drawImage(target.topLeft(), image)
    else:
        painter.setRenderHint(QPainter.SmoothPixmapTransform)
        painter.drawImage(QRectF(target), image)


class VideoView(QWidget):
    """Paints the newest QImage; shows the stream's state when there is no live picture."""

    #: The view's size in device pixels (width, height), for choosing a decode reduction.
    size_changed = pyqtSignal(int, int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAttribute(Qt.WA_OpaquePaintEvent)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Expanding)
        self.setMinimumSize(160, 120)
        self._image = None
        self._image_time = None
        self._status = StreamStatus(StreamState.IDLE)
        self._stats = StreamStats()
        self._message = None
        self._overlay = True
        self._logo = QIcon(resources.path("icons", "app.svg"))
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick_timeout)
        self.frames_painted = 0

    # ----------------------------------------------------------------- input
    def set_image(self, image):
        """Show ``image`` (a QImage) as the newest frame."""
        if image is None or image.isNull():
            return
        self._image = image
        self._image_time = time.monotonic()
        self._message = None
        self.update()
        self._update_tick()

    def clear(self):
        """Forget the frame (back to the placeholder)."""
        self._image = None
        self._image_time = None
        self.update()
        self._update_tick()

    def set_status(self, status):
        """Show a StreamStatus (state sentence, last frame age)."""
        self._status = status
        if status.state is not StreamState.IDLE:
            self._message = None
        self.update()
        self._update_tick()

    def set_stats(self, stats):
        """Show StreamStats in the overlay."""
        self._stats = stats
        if self._overlay:
            self.update()

    def set_message(self, headline, detail="", error=False):
        """Show a message of the app itself (starting the virtual fleet, a bad target) instead of the state."""
        self._message = (headline, detail, error)
        self.update()

    def set_overlay_visible(self, visible):
        """Show or hide the information overlay."""
        self._overlay = bool(visible)
        self.update()
        self._update_tick()

    # ----------------------------------------------------------------- queries
    def overlay_visible(self):
        """True when the information overlay is shown."""
        return self._overlay

    def current_image(self):
        """The frame on screen (a QImage), or None."""
        return self._image

    def image_rect(self):
        """Where the frame is drawn, in widget coordinates (empty without a frame)."""
        if self._image is None:
            return QRect()
        return fit_rect(self._image.size(), self.rect())

    def frame_age(self):
        """Seconds since the newest frame arrived, or None."""
        if self._image_time is not None:
            return time.monotonic() - self._image_time
        return self._status.last_frame_age

    def state_text(self):
        """(headline, detail, is_error) for the current state; headline is "" while live and fine."""
        if self._message is not None:
            return self._message
        status = self._status
        state = status.state
        detail = i18n.text(status.message)
        age = self.frame_age()
        if state is StreamState.IDLE:
            return (self.tr("No device connected"),
                    self.tr("Enter a device above (user@host:port or an ssh alias) and press Connect."), False)
        if state is StreamState.CONNECTING:
            return self.tr("Connecting…"), detail, False
        if state is StreamState.WAITING:
            return self.tr("No project is running on the device"), detail, False
        if state is StreamState.LIVE:
            return "", detail, False
        if state is StreamState.STALLED:
            if age is not None:
                return self.tr("Stream stalled, last frame {0} s ago").format(int(age)), detail, False
            return self.tr("Stream stalled"), detail, False
        if state is StreamState.RECONNECTING:
            if age is not None:
                return self.tr("Reconnecting, last frame {0} s ago").format(int(age)), detail, False
            return self.tr("Reconnecting…"), detail, False
        if state is StreamState.FAILED:
            sentence = i18n.text(status.error) if status.error is not None else detail
            return self.tr("Cannot stream from this device"), sentence, True
        return self.tr("Disconnected"), "", False

    def overlay_lines(self):
        """The overlay's text lines: fps, resolution, frame age and the state."""
        stats = self._stats
        lines = [self.tr("{0:.1f} fps").format(stats.fps)]
        if stats.width and stats.height:
            lines.append(self.tr("{0} × {1}").format(stats.width, stats.height))
        age = self.frame_age()
        if age is not None:
            lines.append(self.tr("frame age {0:.1f} s").format(age))
        headline = self.state_text()[0]
        lines.append(headline or self.tr("Live"))
        return lines

    def sizeHint(self):
        return QSize(858, 480)

    # ----------------------------------------------------------------- Qt events
    def resizeEvent(self, event):
        super().resizeEvent(event)
        ratio = self.devicePixelRatioF()
        self.size_changed.emit(int(self.width() * ratio), int(self.height() * ratio))

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        headline, detail, error = self.state_text()
        if self._image is None:
            self._paint_placeholder(painter, headline, detail, error)
        else:
            draw_frame(painter, self._image, self.image_rect(), self.devicePixelRatioF())
            self.frames_painted += 1
            if headline:
                self._paint_banner(painter, headline, detail, error)
        if self._overlay and (self._image is not None or self._status.state is not StreamState.IDLE):
            self._paint_overlay(painter)
        painter.end()

    # ----------------------------------------------------------------- painting helpers
    def _paint_placeholder(self, painter, headline, detail, error):
        side = max(48, min(128, min(self.width(), self.height()) // 4))
        text_width = min(self.width() - 40, 560)
        detail_rect = QRect(0, 0, text_width, 1000)
        painter.setFont(self._font(1.0))
        detail_height = painter.boundingRect(detail_rect, Qt.TextWordWrap | Qt.AlignHCenter, detail).height() \
            if detail else 0
        total = side + 16 + QFontMetrics(self._font(1.4, True)).height() + 8 + detail_height
        top = max(8, (self.height() - total) // 2)
        painter.setOpacity(0.55)
        self._logo.paint(painter, QRect((self.width() - side) // 2, top, side, side))
        painter.setOpacity(1.0)
        y = top + side + 16
        painter.setFont(self._font(1.4, True))
        painter.setPen(ERROR_TEXT if error else TEXT)
        line = QFontMetrics(painter.font()).height()
        painter.drawText(QRect(20, y, self.width() - 40, line), Qt.AlignHCenter, headline)
        if detail:
            painter.setFont(self._font(1.0))
            painter.setPen(DIM_TEXT)
            painter.drawText(QRect((self.width() - text_width) // 2, y + line + 8, text_width, detail_height),
                             Qt.TextWordWrap | Qt.AlignHCenter, detail)

    def _paint_banner(self, painter, headline, detail, error):
        width = min(self.width() - 40, 620)
        painter.setFont(self._font(1.0))
        detail_height = painter.boundingRect(QRect(0, 0, width - 32, 1000), Qt.TextWordWrap, detail).height() \
            if detail else 0
        head_font = self._font(1.25, True)
        head_height = QFontMetrics(head_font).height()
        height = 16 + head_height + (6 + detail_height if detail else 0) + 16
        box = QRect((self.width() - width) // 2, self.height() - height - 24, width, height)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(BANNER_BACKGROUND)
        painter.drawRoundedRect(QRectF(box), 8, 8)
        painter.setFont(head_font)
        painter.setPen(ERROR_TEXT if error else TEXT)
        painter.drawText(QRect(box.x() + 16, box.y() + 16, width - 32, head_height), Qt.AlignLeft, headline)
        if detail:
            painter.setFont(self._font(1.0))
            painter.setPen(DIM_TEXT)
            painter.drawText(QRect(box.x() + 16, box.y() + 22 + head_height, width - 32, detail_height),
                             Qt.TextWordWrap, detail)

    def _paint_overlay(self, painter):
        lines = self.overlay_lines()
        font = QFont("Monospace", max(8, self.font().pointSize()))
        font.setStyleHint(QFont.TypeWriter)
        painter.setFont(font)
        metrics = QFontMetrics(font)
        width = max(metrics.horizontalAdvance(line) for line in lines) + 20
        height = metrics.height() * len(lines) + 14
        box = QRect(12, 12, width, height)
        painter.setRenderHint(QPainter.Antialiasing)
        painter.setPen(Qt.NoPen)
        painter.setBrush(OVERLAY_BACKGROUND)
        painter.drawRoundedRect(QRectF(box), 6, 6)
        painter.setPen(TEXT)
        for index, line in enumerate(lines):
            painter.drawText(box.x() + 10, box.y() + 7 + metrics.ascent() + index * metrics.height(), line)

    def _font(self, scale, bold=False):
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        return font

    def _update_tick(self):
        needed = self._image is not None and (self._overlay or self._status.state is not StreamState.LIVE)
        if needed and not self._tick.isActive():
            self._tick.start()
        elif not needed and self._tick.isActive():
            self._tick.stop()

    def _on_tick_timeout(self):
        self.update()
