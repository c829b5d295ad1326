"""What the window keeps of itself: between runs (QSettings), and across a change of
language (the window is built again in the new language, in place).

Between runs: the geometry (brought back onto a smaller screen if it no longer
fits), the panes' widths, the view open, what the home page showed last. Across a
language switch: all of that, plus the item read, the search typed and the places
visited (Back still goes back), so the switch changes only the words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QByteArray, QRect

from copdesk.gui import frame, read_jobs
from copdesk.gui.navigation import Place
from copdesk.gui.settings import settings

MainWindow = Any  # copdesk.gui.mainwindow.MainWindow, which imports this module


@dataclass
class WindowState:
    """A window as the user left it, to build the same one in another language."""

    geometry: QRect
    maximized: bool
    splitters: dict[str, QByteArray]
    view: str
    item: str | None
    search: str
    places: list[Place] = field(default_factory=list)
    at: int = -1
    zoom: int = 0
    home: tuple[str | None, int | None, int | None] = (None, None, None)
    summary: dict[str, Any] | None = None


def capture(window: MainWindow) -> WindowState:
    return WindowState(
        geometry=window.geometry(),
        maximized=window.isMaximized(),
        splitters={s.objectName(): s.saveState() for s in (window.splitter, window.content)},
        view=window.current_view,
        item=window.current_item,
        search=window.search_field.text(),
        places=list(window.navigation.places),
        at=window.navigation.at,
        zoom=window.zoom.step,
        home=(window.home.last_seen, window.home.last_change, window.home.seen_change),
        summary=window.summary,
    )


def apply(window: MainWindow, state: WindowState) -> None:
    """Give ``window`` the size, panes, zoom and history of ``state`` (not yet its view)."""
    window.setGeometry(state.geometry)  # the same screen: the same place
    for splitter in (window.splitter, window.content):
        saved = state.splitters.get(splitter.objectName())
        if saved is not None:
            splitter.restoreState(saved)
    window.zoom.set_step(state.zoom)
    window.home.last_seen, window.home.last_change, window.home.seen_change = state.home
    window.search_field.setText(state.search)
    window.navigation.places, window.navigation.at = list(state.places), state.at


def restore_settings(window: MainWindow) -> bool:
    """The window as it was last closed; True if its geometry was remembered."""
    s = settings()
    geometry = s.value("window/geometry")
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    for splitter in (window.splitter, window.content):
        state = s.value(f"window/{splitter.objectName()}")
        if isinstance(state, QByteArray):
            splitter.restoreState(state)
    if not frame.sane(window.splitter, window.content):
        frame.reset(window.splitter, window.content, window.width())
    last_seen = s.value("home/last_seen")
    window.home.last_seen = str(last_seen) if last_seen else None
    last_change = s.value("home/last_change")
    window.home.last_change = int(last_change) if last_change not in (None, "") else None
    return bool(restored)


def save_settings(window: MainWindow) -> None:
    s = settings()
    s.setValue("window/geometry", window.saveGeometry())
    for splitter in (window.splitter, window.content):
        s.setValue(f"window/{splitter.objectName()}", splitter.saveState())
    if window.current_view in window.router.sidebar_names:
        s.setValue("window/view", window.current_view)
    if window.summary is not None:
        s.setValue("home/last_seen", read_jobs.now_iso())
    if window.home.seen_change is not None:  # what the home page showed last
        s.setValue("home/last_change", window.home.seen_change)
    s.sync()


def switch(window: MainWindow, choice: str) -> MainWindow | None:
    """The whole window in another language, now: a window built in it takes the place
    of ``window`` (workspace, view, item, size, history kept), which is hidden and no
    longer hears the worker. None if it cannot yet: an operation is running, or an
    editor's unsaved text was kept open."""
    from PySide6.QtWidgets import QApplication

    from copdesk.gui import language

    if window.commands.running:
        window.say(
            QApplication.translate(
                "MainWindow", "The language changes once the operation under way ends."
            )
        )
        return None
    if not window.editing.close_all():
        return None
    state = capture(window)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        language.install(app, choice)
    new = type(window)(window.runner, remember=window.remember, state=state)
    window.runner.changed.disconnect(window.hub.announce)  # the new window hears the worker
    window.runner.error.disconnect(window.show_error)
    window.runner.busyChanged.disconnect(window.status.busy.setVisible)
    if state.maximized:
        new.showMaximized()
    else:
        new.show()
    new.navigation.watch_mouse()
    if state.summary is not None:  # the workspace open: no need to open it again
        new.startup.attached(state.summary)
    new.navigation.restore(state.places, state.at, Place(state.view, state.item))
    window.hide()
    window.replaced.emit(new)  # whoever held the old window holds the new one
    # The old window is not deleted here: the reads and writes it asked for still call
    # back into it, so it lives, hidden and deaf, until nothing refers to it any more.
    return new
