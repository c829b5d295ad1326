"""Colours that work in light and dark mode, and a dark palette to check it.

The window takes the system palette (Qt follows the desktop's light or dark mode on
Windows, macOS and GNOME/KDE); nothing here overrides it. HTML shown in the window
is coloured once for both modes, so views must not use colours that vanish on a
dark background (dark grey text, navy links) or on a light one (pale yellow text).
Use these constants, or ask :func:`is_dark` for a pair chosen per mode.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

MUTED = "#737b87"  # secondary text: about 4:1 against white and against #2b2b2b
PRIORITY = {"red": "#d64545", "yellow": "#c98a00", "blue": "#3b7dd8", "green": "#3c9a5f"}
HIGHLIGHT_BG, HIGHLIGHT_FG = "#fff1a8", "#1f2328"  # search matches: explicit pair, both modes


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is darker than its text (dark mode)."""
    palette = palette or QGuiApplication.palette()
    return (
        palette.color(QPalette.ColorRole.Window).lightness()
        < palette.color(QPalette.ColorRole.WindowText).lightness()
    )


def dark_palette() -> QPalette:
    """A dark palette like the desktops' dark modes (for tests and screenshots)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.ToolTipBase: "#2b2b2b",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#8b8b8b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#333333",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#6cb6ff",
        QPalette.ColorRole.LinkVisited: "#b083f0",
        QPalette.ColorRole.Highlight: "#2f6fb2",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Light: "#404040",
        QPalette.ColorRole.Midlight: "#363636",
        QPalette.ColorRole.Mid: "#2a2a2a",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def apply_dark(app: QApplication) -> QPalette:
    """Switch to Fusion with the dark palette; returns the previous palette to restore."""
    previous = app.palette()
    app.setStyle("Fusion")
    app.setPalette(dark_palette())
    return previous
