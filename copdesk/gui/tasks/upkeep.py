"""Keeping the workspace safe from the window: backups (now, and daily to a chosen
folder), restoring one, checking the database and repairing it, rebuilding the search
index, importing a register.

They are the command line's ``backup``, ``restore-backup``, ``check``, ``repair``,
``reindex`` and ``import-csv``, run as child processes through the window's one
:class:`~copdesk.gui.commands.CommandRunner` (its progress bar, its one error path).
A restore or a repair replaces the database's file: the window closes the workspace
on its worker first, runs the command, and opens it again, whatever the outcome.
A database that failed its check gets a banner offering Check and Repair.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QWidget

from copdesk.errors import CopdeskError
from copdesk.gui import commands
from copdesk.gui.change import Change
from copdesk.gui.commands import Command, CommandRunner
from copdesk.gui.dialogs.common import confirm, inform
from copdesk.gui.dialogs.csv_import import CsvImportDialog
from copdesk.gui.editor import MessageBar
from copdesk.gui.loads import Loads
from copdesk.gui.settings import settings
from copdesk.gui.tasks.shell import Shell

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
BACKUP_FOLDER = "backup/folder"  # the daily backup's folder (QSettings, this computer)
LAST_BACKUP = "backup/last"  # when it last ran (ISO, UTC)
DAILY = dt.timedelta(days=1)


def backup(folder: str | Path) -> Command:
    label = translate("Tasks", "Backing up…")
    return Command("backup", ("backup", str(Path(folder).absolute())), label)


def restore_backup(folder: str | Path) -> Command:
    label = translate("Tasks", "Restoring the backup…")
    args = ("restore-backup", str(Path(folder).absolute()))
    return Command("restore-backup", args, label, Change.everything())


def check() -> Command:
    return Command("check", ("check",), translate("Tasks", "Checking the database…"))


def repair() -> Command:
    label = translate("Tasks", "Repairing the database…")
    return Command("repair", ("repair",), label, Change.everything())


def import_csv(kind: str, path: str | Path, skip_bad: bool) -> Command:
    args = ("import-csv", kind, str(Path(path).absolute()), *(("--skip-bad",) if skip_bad else ()))
    label = translate("Tasks", "Importing the register…")
    return Command("import-csv", args, label, Change.of([kind, "community", "person"]))


class Upkeep(QObject):
    """Backups, restore, check, repair, import of a register; the damage banner."""

    def __init__(
        self, loads: Loads, commands: CommandRunner, shell: Shell, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.loads = loads
        self.runner = loads.runner
        self.commands = commands
        self.shell = shell
        self._parent = parent
        self.banner = MessageBar(parent)  # across the window, with what can be done
        self.last_result: Any = None
        self._daily_waiting = False

    # -- backups ---------------------------------------------------------------------

    def backup_now(self, folder: str | None = None) -> Any:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self._parent, translate("Tasks", "Back up the workspace to a folder")
            )
        if not folder:
            return None
        return self._run(backup(folder), self._backed_up)

    def _backed_up(self, result: dict[str, Any]) -> None:
        self.last_result = result
        self.shell.say(translate("Tasks", "Backed up to %1.").replace("%1", result["folder"]), 8000)

    def daily(self) -> Any:
        """When the window opens: a backup if the daily one is older than a day."""
        folder = str(settings().value(BACKUP_FOLDER, "") or "")
        if not folder or not backup_due():
            return None
        if self.commands.running is not None:  # after the running one
            if not self._daily_waiting:
                self._daily_waiting = True
                self.commands.finished.connect(self._daily_retry)
            return None

        def done(result: dict[str, Any]) -> None:
            remember_backup()
            text = translate("Tasks", "Daily backup written to %1.").replace("%1", result["folder"])
            self.shell.say(text, 10000)

        def failed(exc: BaseException) -> bool:
            text = translate("Tasks", "The daily backup to %1 failed: %2")
            self.shell.show_error(CopdeskError(text.replace("%1", folder).replace("%2", str(exc))))
            return True

        self.shell.say(translate("Tasks", "Daily backup to %1…").replace("%1", folder), 10000)
        return self.commands.run(backup(folder), done, failed)

    def _daily_retry(self, *_: Any) -> None:
        self._daily_waiting = False
        self.commands.finished.disconnect(self._daily_retry)
        self.daily()

    # -- restore, repair: the workspace closed meanwhile --------------------------------

    def restore(self, folder: str | None = None) -> Any:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(
                self._parent, translate("Tasks", "The backup folder to restore")
            )
        if not folder:
            return None
        from copdesk.store.backup import read_backup

        try:
            manifest = read_backup(Path(folder))
        except CopdeskError as exc:
            self.shell.show_error(exc)
            return None
        text = translate("Tasks", "Restore the backup of %1 taken %2?")
        text = text.replace("%1", str(manifest.get("site_name"))).replace(
            "%2", str(manifest.get("taken_at") or "")[:16].replace("T", " ")
        )
        return confirm(
            self._parent,
            translate("Tasks", "Restore from a backup"),
            text,
            translate("Tasks", "Restore"),
            lambda: self._offline(restore_backup(folder), self._restored),
            details=translate(
                "Tasks",
                "What was written here since the backup is replaced; the current database is "
                "kept in the workspace's backups folder, and what other sites received comes "
                "back with their bundles.",
            ),
        )

    def _restored(self, result: dict[str, Any]) -> None:
        self.shell.say(
            translate("Tasks", "Restored. The previous database is kept as %1.").replace(
                "%1", str(result.get("kept_as"))
            ),
            10000,
        )

    def repair(self) -> Any:
        return confirm(
            self._parent,
            translate("Tasks", "Repair the database"),
            translate("Tasks", "Rebuild the database from its verified revisions?"),
            translate("Tasks", "Repair"),
            lambda: self._offline(repair(), self._repaired),
            details=translate(
                "Tasks",
                "The damaged file is kept beside it; what could not be read comes back from "
                "the other sites' bundles. The workspace is closed meanwhile.",
            ),
        )

    def _repaired(self, result: dict[str, Any]) -> None:
        self.banner.hide()
        text = translate("Tasks", "Repaired: %1 revisions kept, %2 dropped.")
        text = text.replace("%1", str(result.get("revisions_kept")))
        self.shell.say(text.replace("%2", str(result.get("revisions_dropped"))), 10000)

    def _offline(self, command: Command, then: Callable[[Any], None]) -> None:
        """Close the workspace, run ``command``, open the workspace again."""
        path, actor = self.runner.path, self.runner.actor
        if path is None:
            return

        def reopen() -> None:
            self.shell.open_workspace(path, actor)

        def done(result: Any) -> None:
            self.last_result = result
            reopen()
            then(result)

        def failed(exc: BaseException) -> bool:
            reopen()
            return False  # shown on the one error path

        def closed(_: Any = None) -> None:
            self.loads.done("upkeep:close")
            if self._run(command, done, failed) is None:  # another command runs
                reopen()

        self.loads.track("upkeep:close", self.runner.close(closed, closed))

    # -- check -----------------------------------------------------------------------

    def check(self) -> Any:
        def done(result: dict[str, Any]) -> None:
            self.last_result = result
            if result.get("ok"):
                self.shell.say(translate("Tasks", "The database passed its check."), 8000)
                return
            problems = "\n".join(f"• {p}" for p in result.get("problems") or [])
            inform(
                self._parent,
                translate("Tasks", "The database failed its check"),
                translate(
                    "Tasks", "Problems found:\n%1\n\nFile ▸ Repair the database rebuilds it."
                ).replace("%1", problems),
            )
            self.damaged()

        return self._run(check(), done)

    def damaged(self) -> None:
        self.banner.show_message(
            translate(
                "Tasks",
                "The database failed its check: nothing is written until it is repaired.",
            ),
            "info",
            (
                (translate("Tasks", "Check"), self.check),
                (translate("Tasks", "Repair…"), self.repair),
            ),
        )

    # -- the search index ------------------------------------------------------------

    def reindex(self) -> Any:
        """Rebuild the search index from the database (``copdesk reindex``)."""

        def done(result: dict[str, Any]) -> None:
            text = translate("MainWindow", "Search index rebuilt: %1 items.")
            self.shell.say(text.replace("%1", str(result["documents"])), 5000)

        return self._run(commands.reindex(), done)

    # -- a register --------------------------------------------------------------------

    def import_csv(self) -> CsvImportDialog:
        dialog = CsvImportDialog(self._parent)

        def done(result: dict[str, Any]) -> None:
            self.last_result = result
            text = translate("Tasks", "Imported %1 rows; %2 refused.")
            text = text.replace("%1", str(result.get("imported", 0)))
            text = text.replace("%2", str(len(result.get("rejected") or [])))
            self.shell.say(text, 10000)
            if result.get("rejected"):
                lines = "\n".join(
                    f"{r.get('line')}: {r.get('reason')}" for r in result["rejected"][:30]
                )
                inform(self._parent, translate("Tasks", "Rows not imported"), lines)

        dialog.chosen.connect(
            lambda kind, path, skip: self._run(import_csv(kind, path, skip), done)
        )
        dialog.open()
        return dialog

    def _run(
        self,
        command: Command,
        done: Callable[[Any], None],
        failed: Callable[[BaseException], bool] | None = None,
    ) -> Any:
        return self.commands.run(command, done, failed)


def backup_due(now: dt.datetime | None = None) -> bool:
    """Whether the daily backup is older than a day (or never ran)."""
    last = str(settings().value(LAST_BACKUP, "") or "")
    if not last:
        return True
    try:
        when = dt.datetime.fromisoformat(last)
    except ValueError:
        return True
    return (now or dt.datetime.now(dt.UTC)) - when >= DAILY


def remember_backup() -> None:
    s = settings()
    s.setValue(LAST_BACKUP, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    s.sync()
