"""Back and Forward through what was read, as in a web browser.

Each place is a view (``rex``, ``search:pompe``, ``dashboard:…``) and the item read
beside it. Alt+Left / Alt+Right (the actions of the registry) and the mouse's back
and forward buttons move through them; opening a place from the sidebar, a link or
a list after going back drops the places ahead, as browsers do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QWidget

LIMIT = 100  # places remembered


@dataclass(frozen=True)
class Place:
    view: str
    item: str | None = None


class Navigation(QObject):
    """The places visited in ``window`` (which has ``show_view`` and ``show_item``);
    ``go`` opens one (default: the window's view, then its item).

    ``moved`` when Back or Forward become possible or not (the actions follow it).
    """

    moved = Signal()

    def __init__(self, window: QWidget, go: Callable[[Place], None] | None = None) -> None:
        super().__init__(window)
        self.window, self._go = window, go or self._open
        # what Back undoes first, if anything (a narrow window: the item shown in place
        # of the list goes back to the list); True when it did
        self.first: Callable[[], bool] = lambda: False
        self.places: list[Place] = []
        self.at = -1
        self._travelling = False
        self._watched = False

    def watch_mouse(self) -> None:
        """Take the mouse's back and forward buttons over the whole window: its QWindow
        sees every press before the widget under the mouse does (and only the window
        system's events, so watching it costs nothing while typing or painting)."""
        if self._watched:
            return
        self.window.winId()  # the QWindow exists from here
        handle = self.window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)
            self._watched = True

    def _open(self, place: Place) -> None:
        window: Any = self.window
        window.show_view(place.view)
        if place.item and place.view != f"item:{place.item}":
            window.show_item(place.item)

    def bind(self, back: QAction, forward: QAction) -> None:
        """Back and Forward are enabled when there is somewhere to go."""

        def follow() -> None:
            back.setEnabled(self.can_go_back())
            forward.setEnabled(self.can_go_forward())

        self.moved.connect(follow)
        follow()

    @property
    def current(self) -> Place | None:
        return self.places[self.at] if 0 <= self.at < len(self.places) else None

    def visit(self, view: str, item: str | None = None) -> None:
        """The window shows ``view`` (and ``item``): a new place, unless going back or
        forward brought it, or it only adds the item to the view shown."""
        if self._travelling:
            return
        place = Place(view, item)
        current = self.current
        if current == place:
            return
        if current is not None and current.view == view and current.item is None and item:
            self.places[self.at] = place  # the list opened its first row: the same place
        else:
            del self.places[self.at + 1 :]
            self.places.append(place)
            if len(self.places) > LIMIT:
                del self.places[0]
            self.at = len(self.places) - 1
        self.moved.emit()

    def restore(self, places: list[Place], at: int, current: Place) -> None:
        """Take over a history (the window rebuilt in another language) and open its
        current place (``current`` when the history is empty)."""
        self.places, self.at = list(places), at
        if self.current is None:
            self.places, self.at = [current], 0
        self._travel(self.at)

    def can_go_back(self) -> bool:
        return self.at > 0

    def can_go_forward(self) -> bool:
        return self.at < len(self.places) - 1

    def back(self) -> None:
        if self.first():
            return
        if self.can_go_back():
            self._travel(self.at - 1)

    def forward(self) -> None:
        if self.can_go_forward():
            self._travel(self.at + 1)

    def _travel(self, to: int) -> None:
        self.at = to
        self._travelling = True
        try:
            self._go(self.places[to])
        finally:
            self._travelling = False
        self.moved.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse's back and forward buttons, over any widget of this window."""
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            button = event.button()
            if button in (Qt.MouseButton.BackButton, Qt.MouseButton.ForwardButton):
                if button == Qt.MouseButton.BackButton:
                    self.back()
                else:
                    self.forward()
                return True
        return super().eventFilter(watched, event)
