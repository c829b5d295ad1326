"""What the tasks need of the window: a few public methods and signals, and the two
widgets whose context menus hold the item's actions."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QStatusBar, QTableView, QTextBrowser, QWidget


class Shell(Protocol):
    """The main window as a task sees it."""

    @property
    def current_item(self) -> str | None: ...

    def show_view(self, view: str) -> None: ...

    def show_item(self, item_id: str, show_list: bool = False, browse: bool = False) -> None: ...

    def say(self, text: str, ms: int = 4000) -> None: ...

    def show_error(self, exc: object) -> None: ...

    def open_workspace(self, path: str | Path, actor: str | None = None) -> None: ...


class Window(Shell, Protocol):
    """What :class:`~copdesk.gui.tasks.window.Tasks` follows and adds to: the item shown,
    the views loaded, the workspace opened (or not), the list and the reading pane (their
    context menus), the status bar (the standing) and the central layout (a banner)."""

    itemShown: SignalInstance
    viewLoaded: SignalInstance
    workspaceReady: SignalInstance
    workspaceFailed: SignalInstance
    editing: Any
    lists: Any
    banner: Any  # the window's error banner
    table: QTableView
    detail: QTextBrowser

    def statusBar(self) -> QStatusBar: ...

    def centralWidget(self) -> QWidget: ...
