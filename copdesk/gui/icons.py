"""Icons from the ``copdesk.resources`` package, so they reach the wheel and frozen app."""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

SIZES = (16, 20, 24, 32, 48, 64)


@cache
def icon(name: str) -> QIcon:
    """The SVG icon ``resources/icons/NAME.svg``, drawn sharp at the usual sizes.

    Read through importlib.resources (works from a wheel or a zip) and rendered
    here, so no image-format plugin is needed at run time.
    """
    path = resources.files("copdesk.resources").joinpath("icons", f"{name}.svg")
    try:
        renderer = QSvgRenderer(QByteArray(path.read_bytes()))
    except OSError:
        return QIcon()
    result = QIcon()
    if not renderer.isValid():
        return result
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter)
        painter.end()
        result.addPixmap(pixmap)
    return result
