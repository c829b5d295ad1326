"""The Exchange view: this site's identity, the roster, export, import with preview, sync folder.

One panel per concern (:mod:`.identity`, :mod:`.roster`, :mod:`.export`,
:mod:`.imports`, :mod:`.shared_folder`); this view loads what they show in one job
and lays them out. Bundles are read and written in a child process, through the
window's :class:`~copdesk.gui.commands.CommandRunner` (its progress bar, its Cancel);
the roster's trust and revoke are writes on the worker. Either way the Change that
ends them reloads this view: no panel refreshes it by hand. File and folder dialogs
only produce a path handed to a public method (``export_to``, ``preview_import``,
``trust_from_bundle``, ``choose_sync_folder``), so tests drive the same code without
dialogs.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from copdesk.gui import read_jobs
from copdesk.gui.change import ALL_KINDS, Flag, Interest
from copdesk.gui.commands import CommandRunner
from copdesk.gui.exchange.export import ExportPanel
from copdesk.gui.exchange.identity import IdentityPanel
from copdesk.gui.exchange.imports import ImportPanel
from copdesk.gui.exchange.roster import RosterPanel
from copdesk.gui.exchange.shared_folder import SyncPanel
from copdesk.gui.loads import Loads

SIDE_BY_SIDE = 660  # narrower (a 1024x768 screen at 150 %), the columns stack and scroll


class ExchangeView(QWidget):
    """Exchange between sites. ``loaded``: the overview arrived and is shown."""

    # every write changes what the other sites lack ("To send"); imports bring conflicts
    SHOWS: ClassVar[Interest] = Interest.of(ALL_KINDS, [Flag.ROSTER, Flag.SETTINGS, Flag.CONFLICTS])
    loaded = Signal()
    conflictsRequested = Signal()

    def __init__(self, loads: Loads, runner: CommandRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeView")
        self.loads = loads
        self.commands = runner
        self.data: dict[str, Any] = {}
        self.message = QLabel(self)
        self.message.setObjectName("exchangeMessage")
        self.message.setWordWrap(True)
        say = self.message.setText
        self.identity = IdentityPanel(say, self)
        self.roster = RosterPanel(loads, say, self)
        self.roster.conflictsRequested.connect(self.conflictsRequested)
        self.export = ExportPanel(runner, say, self)
        self.sync = SyncPanel(runner, loads, say, self)
        self.imports = ImportPanel(
            runner, loads, self.roster.trust_from_bundle, say, self,
            trust_held=self.roster.trust_held,
        )  # fmt: skip
        runner.started.connect(self._started)
        runner.finished.connect(self._finished)

        left = QVBoxLayout()
        left.addWidget(self.identity)
        left.addWidget(self.roster, 1)
        left.addWidget(self.sync)
        right = QVBoxLayout()
        right.addWidget(self.export)
        right.addWidget(self.imports, 1)
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.columns.setContentsMargins(10, 10, 10, 0)
        self.columns.addLayout(left, 3)
        self.columns.addLayout(right, 2)
        inner = QWidget(self)
        inner.setLayout(self.columns)
        scroll = QScrollArea(self)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        self.message.setContentsMargins(10, 0, 10, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Side by side when the view is wide enough, one above the other otherwise."""
        wide = event.size().width() >= SIDE_BY_SIDE
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)
        super().resizeEvent(event)

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, _: str | None = None) -> None:
        self.refresh()

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> int:
        """Load identity, roster, communities and settings on the worker."""
        return self.loads.load("exchange", read_jobs.exchange_overview, self.show_overview)

    def show_overview(self, data: dict[str, Any]) -> None:
        old = (self.data.get("identity") or {}).get("site_id")
        if old is not None and old != data["identity"]["site_id"]:  # another workspace
            self.sync.reset()
            self.imports.discard_preview()
        self.data = data
        for panel in (self.identity, self.roster, self.export, self.sync):
            panel.show_data(data)
        self.loaded.emit()

    def _started(self, _: str) -> None:
        self.message.clear()
        self._set_idle(False)

    def _finished(self, name: str, result: object) -> None:
        self._set_idle(True)
        if name == "import" and isinstance(result, dict) and result.get("conflicts"):
            self.roster.conflicts_button.setFocus()

    def _set_idle(self, idle: bool) -> None:
        for panel in (self.roster, self.export, self.imports, self.sync):
            panel.set_idle(idle)
