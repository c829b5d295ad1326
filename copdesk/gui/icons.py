"""Icons from the ``copdesk.resources`` package, so they reach the wheel and frozen app."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QStyleOption

SIZES = (16, 20, 24, 32, 48, 64)


class SvgIconEngine(QIconEngine):
    """Draws the SVG at the exact pixel size asked for (size × device pixel ratio), so
    icons stay sharp on high-DPI screens at any scale (1.25, 1.5, 2…), not a
    scaled-down bitmap; disabled icons are greyed by the style as usual."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data
        self._renderer = QSvgRenderer(QByteArray(data))
        self._cache: dict[tuple[int, int, int, int], QPixmap] = {}

    def isNull(self) -> bool:
        return not self._renderer.isValid()

    def availableSizes(
        self, mode: QIcon.Mode = QIcon.Mode.Normal, state: QIcon.State = QIcon.State.Off
    ) -> list[QSize]:
        return [QSize(s, s) for s in SIZES]

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), round(scale * 100), mode.value)
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = QPixmap(QSize(round(size.width() * scale), round(size.height() * scale)))
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(painter)
            painter.end()
            if mode == QIcon.Mode.Disabled and isinstance(QApplication.instance(), QApplication):
                pixmap = QApplication.style().generatedIconPixmap(mode, pixmap, QStyleOption())
            pixmap.setDevicePixelRatio(scale)
            if len(self._cache) > 64:
                self._cache.clear()
            self._cache[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(
            QRectF(rect), self.scaledPixmap(rect.size(), mode, state, scale), QRectF()
        )

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._data)


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``copdesk/resources/icons/NAME.svg``, drawn sharp at any size and scale.

    Read through importlib.resources (works from a wheel or a zip) and rendered
    here, so no image-format or icon-engine plugin is needed at run time.
    """
    path = resources.files("copdesk.resources").joinpath("icons", f"{name}.svg")
    try:
        engine = SvgIconEngine(path.read_bytes())
    except OSError:
        return QIcon()
    return QIcon() if engine.isNull() else QIcon(engine)
