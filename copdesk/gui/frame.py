"""The window's frame on the screens of the shop floor: its first size, its panes.

Plant-floor PCs have 1024x768 and 1366x768 screens, often at 125 or 150 %; offices
1920x1080. So the first window fits the screen it opens on (the whole available
screen when the preferred size and its title bar do not fit: the status bar, with
its progress and "Writing as", stays on screen), a remembered geometry is brought
back onto a smaller screen, and each pane of the splitters keeps a minimum width and
can never be collapsed: the reading pane cannot be squeezed to nothing and dragged
out of reach. View ▸ Reset the layout gives the panes their default shares again.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

PREFERRED = QSize(1280, 800)  # the first window where the screen has room for it
TITLE_BAR = 40  # what the window manager adds above the window (estimated before showing)
SIDEBAR_MIN, SIDEBAR_DEFAULT, SIDEBAR_MAX = 130, 180, 280
CENTER_MIN = 320  # a list or page stays readable
DETAIL_MIN = 280  # the reading pane: a sheet's title and its fields stay readable
DETAIL_SHARE = 0.42  # of the width beside the sidebar, by default


@dataclass(frozen=True)
class Placement:
    """Where the first window goes: a rectangle, or the whole screen (maximized)."""

    rect: QRect
    maximized: bool


def placement(available: QRect, preferred: QSize = PREFERRED) -> Placement:
    """The preferred size centred on the screen when it fits with its title bar; else
    the available screen, maximized (a 1366x768 screen cannot hold 1280x800 + frame)."""
    if (
        available.width() >= preferred.width() + 16
        and available.height() >= preferred.height() + TITLE_BAR
    ):
        rect = QRect(0, 0, preferred.width(), preferred.height())
        rect.moveCenter(available.center())
        return Placement(rect, False)
    return Placement(QRect(available), True)


def screen_of(window: QWidget) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def fits(window: QWidget, screen: QScreen | None = None) -> bool:
    """The window's frame lies within the screen's available area."""
    screen = screen or screen_of(window)
    if screen is None:
        return True
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    return (
        frame.width() <= available.width() + 2
        and frame.height() <= available.height() + 2
        and available.intersects(frame)
    )


def show_fitted(window: QMainWindow, restored: bool) -> None:
    """Show the window fitted to its screen: as remembered when that fits, else placed
    for this screen (maximized on small ones)."""
    screen = screen_of(window)
    if restored and (window.isMaximized() or fits(window, screen)):
        window.show()
        return
    if screen is None:
        window.resize(PREFERRED)
        window.show()
        return
    where = placement(screen.availableGeometry())
    window.setGeometry(where.rect)
    if where.maximized:
        window.showMaximized()
    else:
        window.show()


def configure(main: QSplitter, content: QSplitter) -> None:
    """Minimums that keep every pane readable; no pane can be collapsed."""
    sidebar, body = main.widget(0), main.widget(1)
    sidebar.setMinimumWidth(SIDEBAR_MIN)
    sidebar.setMaximumWidth(SIDEBAR_MAX)
    body.setMinimumWidth(CENTER_MIN + DETAIL_MIN)
    content.widget(0).setMinimumWidth(CENTER_MIN)
    content.widget(1).setMinimumWidth(DETAIL_MIN)
    for splitter in (main, content):
        splitter.setChildrenCollapsible(False)
        for i in range(splitter.count()):
            splitter.setCollapsible(i, False)
    main.setStretchFactor(0, 0)
    main.setStretchFactor(1, 1)
    content.setStretchFactor(0, 3)
    content.setStretchFactor(1, 2)


def reset(main: QSplitter, content: QSplitter, width: int | None = None) -> None:
    """The default shares: a narrow sidebar, the list and the reading pane side by side."""
    width = width or main.width()
    sidebar = max(SIDEBAR_MIN, min(SIDEBAR_DEFAULT, int(width * 0.16)))
    main.setSizes([sidebar, max(width - sidebar, CENTER_MIN + DETAIL_MIN)])
    rest = max(width - sidebar - main.handleWidth(), CENTER_MIN + DETAIL_MIN)
    detail = max(DETAIL_MIN, int(rest * DETAIL_SHARE))
    content.setSizes([rest - detail, detail])


def sane(main: QSplitter, content: QSplitter) -> bool:
    """Every pane at least its minimum (a state restored from a larger screen may not be)."""
    sizes = main.sizes() + content.sizes()
    return bool(sizes) and all(
        size >= widget.minimumWidth() - 1
        for splitter in (main, content)
        for size, widget in zip(
            splitter.sizes(), (splitter.widget(i) for i in range(splitter.count())), strict=True
        )
        if widget.isVisible()
    )
