"""Export a bundle: for one trusted site (what it lacks) or everything shareable, whole or
by community. Written by ``copdesk export`` in a child process: a temporary file then
a rename, so a cancelled export leaves nothing behind (what a kill leaves is removed)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from copdesk.errors import Cancelled
from copdesk.gui import commands
from copdesk.gui.commands import CommandRunner
from copdesk.gui.process import ChildCommand, clean_after_export
from copdesk.sync.bundle import EXTENSION


class ExportPanel(QGroupBox):
    def __init__(
        self, runner: CommandRunner, say: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Export a bundle"))
        self.commands = runner
        self.say = say
        self.site_name = "copdesk"
        self.peer = QComboBox(self)
        self.peer.setObjectName("peerCombo")
        self.communities = QListWidget(self)
        self.communities.setObjectName("communityList")
        self.communities.setMaximumHeight(90)
        self.communities.setToolTip(self.tr("Tick communities to export only their items"))
        self.export_button = QPushButton(self.tr("Export…"), self)
        self.export_button.clicked.connect(self._ask_export)
        form = QFormLayout(self)
        form.addRow(self.tr("For"), self.peer)
        form.addRow(self.tr("Communities"), self.communities)
        form.addRow("", self.export_button)

    def show_data(self, data: dict[str, Any]) -> None:
        """The trusted sites to export for, the communities to tick (choices kept)."""
        self.site_name = data["identity"]["name"]
        chosen = self.peer.currentData()
        self.peer.clear()
        self.peer.addItem(self.tr("Everything shareable"), None)
        for s in data["sites"]:
            if s["trust"] == "trusted":
                self.peer.addItem(self.tr("%1 (what it lacks)").replace("%1", s["name"]), s["id"])
        self.peer.setCurrentIndex(max(0, self.peer.findData(chosen)))
        ticked = set(self.selected_communities())
        self.communities.clear()
        for cid, name in data["communities"]:
            entry = QListWidgetItem(name, self.communities)
            entry.setData(Qt.ItemDataRole.UserRole, cid)
            entry.setCheckState(Qt.CheckState.Checked if cid in ticked else Qt.CheckState.Unchecked)

    def selected_communities(self) -> list[str]:
        return [
            self.communities.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.communities.count())
            if self.communities.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_idle(self, idle: bool) -> None:
        self.export_button.setEnabled(idle)

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export a bundle"),
            f"{self.site_name}{EXTENSION}",
            self.tr("copdesk bundles (*%1)").replace("%1", EXTENSION),
        )
        if path:
            self.export_to(path if path.endswith(EXTENSION) else path + EXTENSION)

    def export_to(self, path: str | Path) -> ChildCommand | None:
        """Write a bundle for the chosen peer and communities (in a child process)."""
        target = Path(path).absolute()
        command = commands.export_bundle(
            target, self.peer.currentData(), self.selected_communities()
        )

        def done(result: dict[str, Any]) -> None:
            # one string per count that reads differently (lupdate 6.11 drops plural forms)
            if result["attachments"] == 0:
                text = self.tr("Exported %1 revisions and no attachment to %3.")
            elif result["attachments"] == 1:
                text = self.tr("Exported %1 revisions and 1 attachment to %3.")
            else:
                text = self.tr("Exported %1 revisions and %2 attachments to %3.")
            self.say(
                text.replace("%1", f"{result['revisions']:,}")
                .replace("%2", f"{result['attachments']:,}")
                .replace("%3", Path(result["file"]).name)
            )

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, Cancelled):
                return False
            child = self.commands.last
            if self.commands.runner.path is not None and child is not None:
                clean_after_export(self.commands.runner.path, target, child.pid)
            self.say(self.tr("Cancelled: nothing was written."))
            return True

        return self.commands.run(command, done, failed)
