"""The router: every view of the window registered once, opened by name.

A :class:`Route` says what a view is called (``rex``, ``dashboard:COMMUNITY``…), its
title and sidebar entry, the widget it shows in the centre, whether the reading pane
stays beside it, how to open it and what it shows (for the change notification).
:meth:`Router.show` is the one way to open a view: from the sidebar, the Go menu,
links in pages, ``--view`` and the tests. Opening a view always loads it fresh; a
Change later reloads it while it is on screen (:mod:`copdesk.gui.notify`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QStackedWidget, QWidget

from copdesk.errors import BadInput
from copdesk.gui.change import NONE, Interest
from copdesk.gui.icons import icon
from copdesk.gui.notify import ChangeHub
from copdesk.gui.reader import Reader

READER = "reader"  # the reading pane's name for the change notification


@dataclass(frozen=True)
class Route:
    """One view: ``open(arg)`` shows what ``name:arg`` names and loads it."""

    name: str
    title: str
    open: Callable[[str | None], None]
    widget: QWidget | None = None  # shown in the centre (None: ``open`` chooses)
    sidebar: bool = False  # an entry in the sidebar, with the icon of the same name
    detail: bool = False  # the reading pane stays beside it
    shows: Callable[[], Interest] = field(default=lambda: NONE)
    reload: Callable[[], None] | None = None  # None: another watcher reloads it (``watcher``)
    watcher: str | None = None  # the name it is watched by, if not its own


class Router(QObject):
    """Opens views by name in ``center``, keeps the sidebar and the reading pane in step.

    ``chosen(name)`` when the user picks a sidebar entry (the window opens it);
    ``shown(view)`` when a view is opened (before it loads).
    """

    chosen = Signal(str)
    shown = Signal(str)

    def __init__(
        self,
        sidebar: QListWidget,
        center: QStackedWidget,
        reader: Reader,
        hub: ChangeHub,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.sidebar, self.center, self.reader, self.hub = sidebar, center, reader, hub
        self.routes: dict[str, Route] = {}
        self.current = "home"  # the view shown, argument included
        sidebar.setSpacing(2)
        sidebar.setIconSize(QSize(20, 20))
        sidebar.setMinimumWidth(190)
        sidebar.currentItemChanged.connect(self._sidebar_changed)
        hub.watch(READER, reader.interest, reader.reload, reader.visible)

    def add(self, route: Route) -> None:
        """Register a view; its sidebar entry comes after those added before."""
        self.routes[route.name] = route
        if route.widget is not None and self.center.indexOf(route.widget) < 0:
            self.center.addWidget(route.widget)
        if route.sidebar:
            entry = QListWidgetItem(icon(route.name), route.title)
            entry.setData(Qt.ItemDataRole.UserRole, route.name)
            self.sidebar.addItem(entry)
        if route.reload is not None:
            self.hub.watch(route.name, route.shows, route.reload, lambda: self.showing(route.name))

    @property
    def sidebar_names(self) -> list[str]:
        return [name for name, r in self.routes.items() if r.sidebar]

    def showing(self, name: str) -> bool:
        """Is the view ``name`` the one on screen?"""
        return self.current.partition(":")[0] == name

    def check(self, view: str) -> Route:
        """The route of ``view``; BadInput, in plain words, if there is none."""
        route = self.routes.get(view.partition(":")[0])
        if route is None:
            raise BadInput(f"unknown view {view!r}")
        return route

    def show(self, view: str) -> None:
        """Open ``view`` (``name`` or ``name:ARG``); BadInput if no view has that name."""
        route = self.check(view)
        arg = view.partition(":")[2]
        self.current = view
        self.shown.emit(view)
        self.select_sidebar(route.name)
        if route.name != "item":
            self.reader.clear()
        self.reader.set_visible(route.detail)
        if route.widget is not None:
            self.center.setCurrentWidget(route.widget)
        self.hub.fresh(route.watcher or route.name)  # loaded anew: no reload is owed
        self.hub.fresh(READER)  # cleared, or showing the item asked for
        route.open(arg or None)

    def select_sidebar(self, name: str) -> None:
        """Highlight ``name``'s entry (none if it has none), without opening it again."""
        self.sidebar.blockSignals(True)
        names = self.sidebar_names
        if name in names:
            self.sidebar.setCurrentRow(names.index(name))
        else:
            self.sidebar.clearSelection()
            self.sidebar.setCurrentRow(-1)
        self.sidebar.blockSignals(False)

    def _sidebar_changed(self, current: QListWidgetItem | None, _: object) -> None:
        if current is not None:
            self.chosen.emit(current.data(Qt.ItemDataRole.UserRole))
