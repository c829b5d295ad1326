"""Long operations in a child process: one runner, one progress bar, one Cancel.

Import, export, reindex, demo and sync-folder run as ``copdesk … --progress-json``
children (:mod:`copdesk.gui.process`), so the window never competes with them for
the GIL and Cancel simply kills them (each is all or nothing). Whoever starts one
(the Exchange view, Edit ▸ Rebuild the search index, the first-run demo) goes
through the window's one :class:`CommandRunner`: one command at a time, its progress
and Cancel in the one :class:`OperationBar` of the status bar, failures on the one
error path, and, once it succeeded, its :class:`~copdesk.gui.change.Change`
announced to the views like any write's (an import: everything it may have touched;
a reindex: the search index only).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from copdesk.errors import Cancelled
from copdesk.gui.change import NOTHING, Change, Flag
from copdesk.gui.process import ChildCommand
from copdesk.gui.worker import WorkspaceRunner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
IMPORT_STEPS = ("copying", "checking", "backing up", "applying", "indexing")
COMMITTED = "indexing"  # an import that reached this step is committed: Cancel no longer can

Handler = Callable[[BaseException], bool]  # True: the error was dealt with


@dataclass(frozen=True)
class Command:
    """One ``copdesk`` command line to run in a child process, and what it changes."""

    name: str  # import, preview, export, sync, reindex, demo
    args: tuple[str, ...]
    label: str  # what the bar says while it runs
    change: Change = NOTHING  # announced once it succeeded
    steps: int = 0  # how many steps the child reports (0: not known in advance)
    committed: str | None = None  # from this step on, Cancel can no longer undo it


def preview_import(path: Path) -> Command:
    args = ("import", str(path.absolute()), "--dry-run")
    return Command("preview", args, translate("ExchangeView", "Checking…"), steps=2)


def import_bundle(path: Path) -> Command:
    args = ("import", str(path.absolute()))
    label = translate("ExchangeView", "Importing…")
    return Command("import", args, label, Change.everything(), 5, COMMITTED)


def export_bundle(path: Path, peer: str | None, communities: Sequence[str]) -> Command:
    """A bundle for ``peer`` (None: everything shareable); the roster's "last out" moves."""
    args = ["export", "--to", str(path.absolute())]
    if peer:
        args += ["--peer", peer]
    for community in communities:
        args += ["--community", community]
    label = translate("ExchangeView", "Exporting…")
    return Command("export", tuple(args), label, Change.of(flags=[Flag.ROSTER]))


def sync_folder(folder: Path | None) -> Command:
    args = ("sync-folder", *([str(folder.absolute())] if folder else []))
    label = translate("ExchangeView", "Synchronizing…")
    return Command("sync", args, label, Change.everything())


def reindex() -> Command:
    label = translate("MainWindow", "Rebuilding the search index…")
    return Command("reindex", ("reindex",), label, Change.of(flags=[Flag.INDEX]))


def load_demo() -> Command:
    label = translate("MainWindow", "Loading the demo content…")
    return Command("demo", ("demo",), label, Change.everything())


class OperationBar(QWidget):
    """What runs, its progress and a Cancel button (in the window's status bar)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("operationBar")
        self.label = QLabel(self)
        self.label.setObjectName("operationLabel")
        self.progress = QProgressBar(self)
        self.progress.setObjectName("operationProgress")
        self.progress.setMaximumWidth(160)
        self.progress.setMaximumHeight(14)
        self.progress.setTextVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("operationCancel")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        self.hide()

    def begin(self, command: Command) -> None:
        self.label.setText(command.label)
        self.progress.setRange(0, command.steps)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.show()

    def step(self, command: Command, step: str, done: int, total: int) -> None:
        if command.committed is not None and step == command.committed:
            self.cancel_button.setEnabled(False)  # committed: only the index is left
        if total > 0:
            self.progress.setRange(0, total)
        if step in IMPORT_STEPS:
            self.progress.setValue(done + 1)
            self.label.setText(self._step_text(step))
        elif step == "exporting":
            self.label.setText(
                translate("ExchangeView", "%1 revisions written…").replace("%1", str(done))
            )
        elif total > 0:
            self.progress.setValue(done)

    @staticmethod
    def _step_text(step: str) -> str:
        return {
            "copying": translate("ExchangeView", "Copying the bundle…"),
            "checking": translate("ExchangeView", "Checking the bundle…"),
            "backing up": translate("ExchangeView", "Backing up the database…"),
            "applying": translate("ExchangeView", "Applying…"),
            "indexing": translate("ExchangeView", "Updating the search index…"),
        }[step]

    def end(self) -> None:
        self.label.clear()
        self.hide()


class CommandRunner(QObject):
    """Runs one :class:`Command` at a time in a child process (the GUI never waits).

    ``started(name)`` and ``finished(name, result)`` (the result, or the exception: a
    :class:`Cancelled` after :meth:`cancel`); ``failed(exc)`` for an error no caller
    dealt with; ``said(text)`` for a short status message.
    """

    started = Signal(str)
    finished = Signal(str, object)
    failed = Signal(object)
    said = Signal(str)

    def __init__(self, runner: WorkspaceRunner, bar: OperationBar, parent: QObject) -> None:
        super().__init__(parent)
        self.runner = runner
        self.bar = bar
        self.operation: ChildCommand | None = None
        self.command: Command | None = None
        self.last: ChildCommand | None = None  # the child that finished last (its pid)
        bar.cancel_button.clicked.connect(self.cancel)

    @property
    def running(self) -> str | None:
        """The name of the command running now, if any."""
        return self.command.name if self.command is not None else None

    def run(
        self,
        command: Command,
        on_done: Callable[[Any], None],
        on_error: Handler | None = None,
    ) -> ChildCommand | None:
        """Start ``command``; ``on_done(result)`` once it succeeded and its Change is
        announced. ``on_error`` sees failures and cancellations first. None: another
        command is running."""
        if self.operation is not None:
            self.said.emit(translate("MainWindow", "Another operation is running."))
            return None
        child = self.runner.command(list(command.args), self)
        self.operation, self.command = child, command
        self.bar.begin(command)
        child.progressed.connect(lambda step, n, total: self.bar.step(command, step, n, total))
        child.finished.connect(
            lambda result: self._finished(child, command, result, on_done, on_error)
        )
        self.started.emit(command.name)
        child.start()
        return child

    def cancel(self) -> None:
        """Kill the running child (every command is all or nothing)."""
        if self.operation is not None and self.bar.cancel_button.isEnabled():
            self.bar.cancel_button.setEnabled(False)
            self.bar.label.setText(translate("ExchangeView", "Cancelling…"))
            self.operation.cancel()

    def _finished(
        self,
        child: ChildCommand,
        command: Command,
        result: Any,
        on_done: Callable[[Any], None],
        on_error: Handler | None,
    ) -> None:
        child.deleteLater()
        self.operation, self.command, self.last = None, None, child
        self.bar.end()
        try:
            if not isinstance(result, BaseException):
                self.runner.announce(command.change)
                on_done(result)
            elif on_error is not None and on_error(result):
                pass
            elif isinstance(result, Cancelled):
                self.said.emit(translate("MainWindow", "Cancelled."))
            else:
                self.failed.emit(result)
        finally:
            self.finished.emit(command.name, result)
