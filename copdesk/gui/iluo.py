"""ILUO glyphs: the shop-floor quartered circle, one quarter filled per level.

Skill boards on plant walls draw levels this way (I = a quarter … O = the full
circle), so people read the matrix at a glance without learning new symbols. The
same painter serves the matrix delegate and the images of the profile page.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRectF,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from copdesk.model.kinds import LEVELS

FILL = QColor("#2f6fb2")  # readable on light and dark backgrounds
EXPIRED = QColor("#9aa0a6")
EXPIRING = QColor("#e08a00")
STRIKE = QColor("#d64545")


def level_name(level: int) -> str:
    """'3 — autonomous (U)' in the interface language."""
    names = {
        0: QCoreApplication.translate("ILUO", "none"),
        1: QCoreApplication.translate("ILUO", "in training (I)"),
        2: QCoreApplication.translate("ILUO", "with supervision (L)"),
        3: QCoreApplication.translate("ILUO", "autonomous (U)"),
        4: QCoreApplication.translate("ILUO", "expert, trains others (O)"),
    }
    return f"{level} — {names.get(level, LEVELS.get(level, ('?',))[0])}"


def paint_glyph(
    painter: QPainter,
    rect: QRectF,
    level: int,
    *,
    expired: bool = False,
    expiring: bool = False,
    outline: QColor | None = None,
) -> None:
    """Draw the level in ``rect`` (a square is used, centred); 0 is an empty circle."""
    side = min(rect.width(), rect.height())
    circle = QRectF(0, 0, side, side)
    circle.moveCenter(rect.center())
    colour = EXPIRED if expired else FILL
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    if level >= 4:
        painter.drawEllipse(circle)
    elif level > 0:  # quarters clockwise from twelve o'clock
        painter.drawPie(circle, 90 * 16, -90 * 16 * level)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(outline or colour, max(1.0, side / 12)))
    painter.drawEllipse(circle)
    if level in (1, 2, 3):  # the quarter lines, as on the paper boards
        c = circle.center()
        painter.setPen(QPen(outline or colour, max(0.8, side / 18)))
        painter.drawLine(c.x(), circle.top(), c.x(), circle.bottom())
        painter.drawLine(circle.left(), c.y(), circle.right(), c.y())
    if expired:  # crossed out: the certification no longer holds
        painter.setPen(QPen(STRIKE, max(1.5, side / 9)))
        painter.drawLine(circle.bottomLeft(), circle.topRight())
    elif expiring:  # a small orange dot at the top right corner
        dot = side / 3.2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(EXPIRING)
        painter.drawEllipse(QRectF(circle.right() - dot * 0.7, circle.top() - dot * 0.3, dot, dot))
    painter.restore()


@cache
def glyph_png(level: int, expired: bool = False, expiring: bool = False, size: int = 16) -> bytes:
    """The glyph as PNG bytes, for HTML pages (QImage paints on any thread)."""
    scale = 2  # drawn at twice the size so it stays sharp on high-DPI screens
    image = QImage(size * scale, size * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    margin = 1.5 * scale
    paint_glyph(
        painter,
        QRectF(margin, margin, size * scale - 2 * margin, size * scale - 2 * margin),
        level,
        expired=expired,
        expiring=expiring,
    )
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def glyph_key(level: int, expired: bool = False, expiring: bool = False) -> str:
    """Name of the glyph image in a page's image map (``<img src="attachment:KEY">``)."""
    return f"iluo-{level}{'-x' if expired else ''}{'-e' if expiring and not expired else ''}"


SELF_ASSESSED = QColor("#737b87")
UNRECOGNISED = QColor("#d64545")


def paint_flags(painter: QPainter, rect: QRectF, rating: dict) -> None:
    """Beside a glyph: a grey corner for a self-assessed rating, a red question mark
    for one not recognised here (a U or O given elsewhere by someone who may not)."""
    side = min(rect.width(), rect.height())
    mark = max(5.0, side / 3.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if rating.get("self_assessed"):
        corner = rect.bottomRight()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(SELF_ASSESSED)
        painter.drawPolygon(
            [corner, corner - QPointF(mark, 0), corner - QPointF(0, mark)]  # a folded corner
        )
    if rating.get("recognised") is False:
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(8, int(mark * 1.6)))
        painter.setFont(font)
        painter.setPen(UNRECOGNISED)
        box = QRectF(rect.left() + 1, rect.top(), mark * 1.6, mark * 1.8)
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), "?")
    painter.restore()


def flag_lines(rating: dict) -> list[str]:
    """What :func:`paint_flags` marks, in words (tooltips)."""
    from copdesk import messages
    from copdesk.gui.labels import ui_language

    lines = []
    if rating.get("self_assessed"):
        lines.append(str(messages.text("rating.self_assessed", ui_language())))
    if rating.get("recognised") is False:
        lines.append(str(messages.text("rating.unrecognised", ui_language())))
    return lines
