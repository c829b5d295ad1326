"""The application icon at every size installers want, drawn from the one SVG.

``copdesk/resources/icons/copdesk.svg`` is the only drawing: this renders it with Qt's SVG
renderer (offscreen, no display) to PNG at the hicolor theme's sizes for Linux, and to
a Windows .ico holding PNG images (16 to 256 px), which PyInstaller and Inno Setup use.

    python packaging/icons.py OUT_DIR   # OUT_DIR/hicolor/SIZExSIZE/apps/APP_ID.png, copdesk.ico
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "copdesk" / "resources" / "icons" / "copdesk.svg"
HICOLOR = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    """The SVG drawn as a size×size PNG with a transparent background."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"icons.py: cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A .ico of PNG images (Windows Vista and later read PNG entries at every size)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def make(out: Path, app_id: str) -> list[Path]:
    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    made = []
    pngs = {size: render(size) for size in sorted({*HICOLOR, *ICO})}
    for size in HICOLOR:
        path = out / "hicolor" / f"{size}x{size}" / "apps" / f"{app_id}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pngs[size])
        made.append(path)
    scalable = out / "hicolor" / "scalable" / "apps" / f"{app_id}.svg"
    scalable.parent.mkdir(parents=True, exist_ok=True)
    scalable.write_bytes(SVG.read_bytes())
    (out / "copdesk.ico").write_bytes(ico({s: pngs[s] for s in ICO}))
    return [*made, scalable, out / "copdesk.ico"]


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    from copdesk import appinfo

    for made in make(Path(sys.argv[1]), appinfo.APP_ID):
        print(made)
