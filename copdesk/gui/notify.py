"""The change notification: announced Changes reload the views they concern.

Views do not refresh each other. A view *watches*: it declares what it shows (an
:class:`~copdesk.gui.change.Interest`, which may follow what it shows now) and how to
reload itself. Every :class:`~copdesk.gui.change.Change` the worker announces is
merged with the others of the same turn of the event loop; on the next turn each
watching view the merged Change concerns reloads once, if it is on screen. A view
off screen is only marked :attr:`~ChangeHub.stale`: it reloads when it is shown again,
since opening a view always loads it (the router then clears the mark, :meth:`fresh`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal

from copdesk.gui.change import Change, Interest


@dataclass
class _Watcher:
    interest: Callable[[], Interest]
    reload: Callable[[], None]
    visible: Callable[[], bool]


class ChangeHub(QObject):
    """Coalesces Changes per turn of the event loop and reloads the views concerned.

    ``pending(True)`` when a first Change of a turn arrives, ``flushed(change,
    reloaded)`` once the views were asked to reload (the names of those that were),
    so the window stays "loading" until their reloads are under way.
    """

    pending = Signal(bool)
    flushed = Signal(object, list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watchers: dict[str, _Watcher] = {}
        self._change: Change | None = None
        self._fresh: set[str] = set()  # opened since this turn's Changes: nothing owed
        self.stale: set[str] = set()

    def watch(
        self,
        name: str,
        interest: Interest | Callable[[], Interest],
        reload: Callable[[], None],
        visible: Callable[[], bool] = lambda: True,
    ) -> None:
        """Reload the view ``name`` when a Change concerns what it shows."""
        get = interest if callable(interest) else (lambda: interest)
        self._watchers[name] = _Watcher(get, reload, visible)

    def announce(self, change: Change) -> None:
        """Take a Change; the views it concerns reload on the next turn, once."""
        if not change:
            return
        first = self._change is None
        self._change = change if self._change is None else self._change | change
        if first:
            self.pending.emit(True)
            QTimer.singleShot(0, self, self.flush)

    def flush(self) -> list[str]:
        """Reload now the views the Changes received so far concern (the timer calls it)."""
        if self._change is None:
            return []
        change, self._change = self._change, None
        fresh, self._fresh = self._fresh, set()
        reloaded: list[str] = []
        try:
            for name, w in list(self._watchers.items()):
                if name in fresh or not w.interest().concerns(change):
                    continue
                if w.visible():
                    self.stale.discard(name)
                    reloaded.append(name)
                    w.reload()
                else:
                    self.stale.add(name)
        finally:
            self.pending.emit(False)
            self.flushed.emit(change, reloaded)
        return reloaded

    def fresh(self, name: str) -> None:
        """The view ``name`` is loading anew (navigation): no reload is owed to it, not
        even for the Changes of this turn, which its new data already holds."""
        self.stale.discard(name)
        if self._change is not None:
            self._fresh.add(name)
