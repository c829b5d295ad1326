"""The shared folder: "Sync now" imports the other sites' bundles found there, then
writes this site's (``copdesk sync-folder`` in a child process). Cancel stops it
between or inside bundles: each import is all or nothing, those done stay."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QGridLayout, QGroupBox, QLabel, QPushButton, QWidget

from copdesk.errors import Cancelled
from copdesk.gui import commands, write_jobs
from copdesk.gui.commands import CommandRunner
from copdesk.gui.loads import Loads
from copdesk.gui.process import ChildCommand, clean_after_export
from copdesk.sync.bundle import EXTENSION


class SyncPanel(QGroupBox):
    def __init__(
        self,
        runner: CommandRunner,
        loads: Loads,
        say: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Shared folder"))
        self.commands, self.loads, self.say = runner, loads, say
        self.data: dict[str, Any] = {}
        self.choice: str | None = None  # chosen here, not yet used by a sync
        self.idle = True
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.choose_button = QPushButton(self.tr("Choose…"), self)
        self.choose_button.clicked.connect(self._ask_folder)
        self.button = QPushButton(self.tr("Sync now"), self)
        self.button.clicked.connect(self.sync_now)
        self.report = QLabel(self)
        self.report.setWordWrap(True)
        grid = QGridLayout(self)
        grid.addWidget(self.label, 0, 0)
        grid.addWidget(self.choose_button, 0, 1)
        grid.addWidget(self.button, 0, 2)
        grid.addWidget(self.report, 1, 0, 1, 3)
        grid.setColumnStretch(0, 1)
        self._show_folder()

    @property
    def folder(self) -> str | None:
        return self.choice or self.data.get("sync_folder")

    def show_data(self, data: dict[str, Any]) -> None:
        self.data = data
        self._show_folder()

    def reset(self) -> None:
        """Another workspace: forget the folder chosen and the last report."""
        self.choice = None
        self.report.clear()

    def set_idle(self, idle: bool) -> None:
        self.idle = idle
        self._enable()

    def _enable(self) -> None:
        self.choose_button.setEnabled(self.idle)
        self.button.setEnabled(self.idle and bool(self.folder))

    def _ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Shared folder"), self.folder or "")
        if folder:
            self.choose_sync_folder(folder)

    def choose_sync_folder(self, folder: str | Path) -> None:
        """The folder the next "Sync now" uses (the workspace remembers it from then on)."""
        self.choice = str(folder)
        self._show_folder()

    def _show_folder(self) -> None:
        if self.folder:
            self.label.setText(self.tr("Folder: %1").replace("%1", str(self.folder)))
        else:
            self.label.setText(
                self.tr("No shared folder yet: choose one that the other sites also reach.")
            )
        self._enable()

    def sync_now(self) -> ChildCommand | None:
        """Import the other sites' bundles from the shared folder, then write this site's."""
        choice = self.choice
        folder = self.folder

        def done(report: dict[str, Any]) -> None:
            self.choice = None
            lines = []
            for entry in report["imported"]:
                if entry["status"] == "imported":
                    lines.append(
                        self.tr("%1: %2 new, %3 updated, %4 in conflict")
                        .replace("%1", entry["file"])
                        .replace("%2", str(entry["new"]))
                        .replace("%3", str(entry["updated"]))
                        .replace("%4", str(entry["conflicts"]))
                    )
                else:
                    lines.append(f"{entry['file']}: {entry['message']}")
            if not lines:
                lines.append(self.tr("No new bundle from other sites."))
            written = str(report["written"]["revisions"])
            lines.append(self.tr("This site's bundle: %1 revisions.").replace("%1", written))
            self.report.setText("\n".join(lines))

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, Cancelled):
                return False
            child, workspace = self.commands.last, self.commands.runner.path
            if folder and self.data and child is not None and workspace is not None:
                own = f"{self.data['identity']['site_id']}{EXTENSION}"  # written last
                clean_after_export(workspace, Path(folder) / own, child.pid)
            write_jobs.catch_up_steps(self.loads.perform)  # and the bundles imported stay
            self.say(self.tr("Cancelled: the bundles already imported stay."))
            return True

        command = commands.sync_folder(Path(choice) if choice else None)
        return self.commands.run(command, done, failed)
