"""This site from the window: whether the workspace may be written (read-only media,
a copy that must decide what it is, a restore just found, a damaged database), Site
settings (keys, administrators, PINs, this computer).

The standing is read on the worker each time a workspace opens. A workspace that may
not be written says so in the status bar and its writing actions are disabled; a copy
is asked to decide (:class:`~copdesk.gui.dialogs.copy.CopyDialog`); a restore is said
once. The copy and read-only refusals met later come with the way out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget

from copdesk.errors import ReadOnlyWorkspace, WorkspaceCopied
from copdesk.gui import read_jobs, write_jobs
from copdesk.gui.change import Flag, Interest
from copdesk.gui.dialogs.common import inform
from copdesk.gui.dialogs.copy import CopyDialog
from copdesk.gui.dialogs.site import SiteSettingsDialog
from copdesk.gui.loads import Loads
from copdesk.gui.notify import ChangeHub
from copdesk.gui.settings import settings
from copdesk.gui.tasks.people import PeopleTasks
from copdesk.gui.tasks.shell import Shell
from copdesk.gui.tasks.upkeep import BACKUP_FOLDER, Upkeep
from copdesk.permissions import PROOF_MINUTES
from copdesk.store.database import Damaged

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
PROOF_SETTING = "security/proof_minutes"  # how long a PIN given is remembered (minutes)


def proof_minutes() -> int:
    try:
        return max(1, int(settings().value(PROOF_SETTING, PROOF_MINUTES)))
    except (TypeError, ValueError):
        return PROOF_MINUTES


class SiteTasks(QObject):
    """``writable(bool, why)`` when the workspace may (not) be written; ``standing`` is
    the last :func:`read_jobs.standing`."""

    writable = Signal(bool, str)
    decided = Signal()  # a copy decided what it is

    def __init__(
        self,
        loads: Loads,
        shell: Shell,
        hub: ChangeHub,
        people: PeopleTasks,
        upkeep: Upkeep,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.loads = loads
        self.shell = shell
        self.hub = hub
        self.people = people
        self.upkeep = upkeep
        self._parent = parent
        self.standing: dict[str, Any] | None = None
        self.status = QLabel(parent)
        self.status.setObjectName("standingLabel")
        self.status.setStyleSheet("color: #9b1c1c; font-weight: 600;")
        self.status.hide()
        self.dialog: QWidget | None = None
        self.settings_dialog: SiteSettingsDialog | None = None

    # -- when a workspace opens ---------------------------------------------------------

    def opened(self, _: object = None) -> int:
        self.loads.runner.submit(write_jobs.proof_minutes(proof_minutes()))
        return self.loads.load("tasks:standing", read_jobs.standing, self._apply)

    def _apply(self, standing: dict[str, Any]) -> None:
        self.standing = standing
        state = standing["state"]
        if standing["damaged"]:
            why = translate("Tasks", "damaged: nothing is written until it is repaired")
            self.upkeep.damaged()
        elif state == "copy":
            why = translate("Tasks", "a copy: read-only until you decide what it is")
        elif standing["read_only"] or state == "read-only":
            why = translate("Tasks", "read-only")
        else:
            why = ""
        self.status.setText(why)
        self.status.setToolTip(standing.get("message") or why)
        self.status.setVisible(bool(why))
        self.writable.emit(not why, why)
        if state == "copy":
            self.decide()
        elif state == "restored":
            inform(
                self._parent,
                translate("Tasks", "Restored from a backup"),
                translate(
                    "Tasks",
                    "This workspace was restored from a backup: it goes on under new numbers, "
                    "and what it lost comes back with the other sites' bundles.",
                ),
            )

    def open_failed(self, exc: object) -> None:
        """The workspace would not open: a damaged database is offered its repair."""
        if isinstance(exc, Damaged):
            self.upkeep.damaged()

    def error_seen(self, exc: object) -> None:
        """A refusal met later: a copy or a read-only copy, with the way out."""
        if isinstance(exc, WorkspaceCopied):
            self.upkeep.banner.show_message(
                translate("Tasks", "This workspace is a copy: decide what it is to write here."),
                "info",
                ((translate("Tasks", "Decide…"), self.decide),),
            )
        elif isinstance(exc, ReadOnlyWorkspace):
            self.upkeep.banner.show_message(
                translate("Tasks", "This workspace is a read-only copy."),
                "info",
                ((translate("Tasks", "Site settings…"), self.site_settings),),
            )

    # -- a copy decides ---------------------------------------------------------------------

    def decide(self) -> CopyDialog | None:
        def show(state: dict[str, Any]) -> None:
            dialog = CopyDialog(state, self._parent)
            self.dialog = dialog

            def decided(action: str, name: str) -> None:
                def done(_: Any) -> None:
                    dialog.done_ok()
                    self.upkeep.banner.hide()
                    self.decided.emit()
                    self._reopen()

                self.loads.perform(
                    write_jobs.site_decision(action, name), done, lambda e: dialog.refused(str(e))
                )

            dialog.decided.connect(decided)
            dialog.open()

        self.loads.load("tasks:state", read_jobs.site_state, show)
        return None

    def _reopen(self) -> None:
        """Open the workspace again: a new site's name and standing everywhere."""
        runner = self.loads.runner
        if runner.path is not None:
            self.shell.open_workspace(runner.path, runner.actor)

    # -- Site settings ------------------------------------------------------------------------

    def site_settings(self) -> SiteSettingsDialog:
        if self.settings_dialog is not None:
            self.settings_dialog.raise_()
            return self.settings_dialog
        dialog = SiteSettingsDialog(self._parent)
        self.settings_dialog = dialog
        dialog.destroyed.connect(lambda _=None: setattr(self, "settings_dialog", None))

        def load() -> None:
            folder = str(settings().value(BACKUP_FOLDER, "") or "")
            self.loads.load(
                "tasks:site",
                read_jobs.site_settings,
                lambda data: dialog.show_data(data, proof_minutes(), folder),
            )

        def write(
            job: write_jobs.Write, said: str = "", then: Callable[[Any], Any] | None = None
        ) -> None:
            def done(result: Any) -> None:
                if said:
                    dialog.said(said)
                if then is not None:
                    then(result)

            self.loads.perform(job, done, lambda e: dialog.refused(str(e)))

        def decided(action: str, key: str) -> None:
            said = {
                "rotate-key": translate("Tasks", "This site has a new key."),
                "replace-lost-key": translate(
                    "Tasks", "New key made: every other site must trust it again."
                ),
                "revoke-key": translate("Tasks", "Key revoked."),
            }[action]
            write(write_jobs.site_decision(action, key=key), said)

        dialog.site.decided.connect(decided)
        dialog.people.admin.connect(
            lambda person, remove: write(write_jobs.admin(person, remove=remove))
        )
        dialog.people.pin.connect(self.people.pin)
        dialog.computer.tie.connect(lambda person: write(write_jobs.tie_login(person or None)))
        dialog.computer.minutes.connect(self._set_minutes)
        dialog.computer.backupFolder.connect(self._set_backup_folder)
        dialog.computer.backupNow.connect(lambda: self.upkeep.backup_now())
        self.hub.watch(
            "site-settings",
            Interest.of(["person"], [Flag.ROSTER, Flag.SECURITY]),
            load,
            lambda: self.settings_dialog is dialog and dialog.isVisible(),
        )
        load()
        dialog.open()
        return dialog

    def _set_minutes(self, minutes: int) -> None:
        s = settings()
        s.setValue(PROOF_SETTING, minutes)
        s.sync()
        self.loads.runner.submit(write_jobs.proof_minutes(minutes))

    def _set_backup_folder(self, folder: str) -> None:
        s = settings()
        s.setValue(BACKUP_FOLDER, folder)
        s.sync()
        if folder:
            self.upkeep.daily()
