"""The tasks about people: memberships and roles (a community's members, a person's
communities), joining and leaving, PINs (one's own; an administrator's for others)
and the lock that forgets the PINs given."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from copdesk.gui import read_jobs, write_jobs
from copdesk.gui.dialogs.common import confirm
from copdesk.gui.dialogs.members import MembersDialog
from copdesk.gui.dialogs.pin import SetPinDialog
from copdesk.gui.loads import Loads
from copdesk.gui.tasks.items import ItemTasks
from copdesk.gui.tasks.proof import PinGuard
from copdesk.gui.tasks.shell import Shell

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class PeopleTasks(QObject):
    """``items`` tells which item is shown (a community or a person)."""

    def __init__(
        self, loads: Loads, shell: Shell, items: ItemTasks, proof: PinGuard, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.loads = loads
        self.shell = shell
        self.items = items
        self.proof = proof
        self._parent = parent
        self.dialog: QWidget | None = None

    # -- memberships --------------------------------------------------------------------

    def members(self, scope: str | None = None) -> MembersDialog | None:
        """The members of the community shown, or the roles of the person shown."""
        if scope is None:
            state = self.items.state
            if state is None or state["kind"] not in ("community", "person") or state["deleted"]:
                self.shell.say(translate("Tasks", "Open a community or a person first."))
                return None
            scope = state["id"]
        dialog = MembersDialog(self._parent)
        self.dialog = dialog

        def load(_: Any = None) -> None:
            self.loads.load("tasks:members", read_jobs.memberships(scope), dialog.show_data)

        def assign(community: str, person: str, role: str, remove: bool = False) -> None:
            self.loads.perform(
                write_jobs.member(community, person, role, remove=remove),
                load,
                lambda exc: dialog.refused(str(exc)),
            )

        dialog.assigned.connect(assign)
        dialog.removed.connect(lambda c, p: assign(c, p, "member", True))
        load()
        dialog.open()
        return dialog

    def join(self) -> int | None:
        state = self.items.state
        if state is None or state["kind"] != "community" or not state["me"]:
            self.shell.say(translate("Tasks", "Open a community, and say who is writing, first."))
            return None
        return self.loads.perform(
            write_jobs.member(state["id"], state["me"], "member"),
            lambda _: self.shell.say(translate("Tasks", "You are a member now."), 5000),
        )

    def leave(self) -> Any:
        state = self.items.state
        if state is None or state["kind"] != "community" or not state["me"]:
            self.shell.say(translate("Tasks", "Open a community, and say who is writing, first."))
            return None
        return confirm(
            self._parent,
            translate("Tasks", "Leave"),
            translate("Tasks", "Leave “%1”?").replace("%1", state["title"]),
            translate("Tasks", "Leave"),
            lambda: self.loads.perform(
                write_jobs.member(state["id"], state["me"], "member", remove=True),
                lambda _: self.shell.say(translate("Tasks", "You left the community."), 5000),
            ),
        )

    # -- PINs ------------------------------------------------------------------------------

    def pin(self, person: str | None = None) -> None:
        """Set, change or remove a PIN: one's own (None), or someone's (administrators)."""

        def ask(who: dict[str, Any]) -> None:
            if who["person"] is None:
                self.shell.say(translate("Tasks", "Whose PIN? Say who is writing first."))
                return
            dialog = SetPinDialog(who["name"], who["has_pin"], self._parent)
            self.dialog = dialog

            def chosen(pin: str) -> None:
                said = (
                    translate("Tasks", "PIN set for %1.")
                    if pin
                    else translate("Tasks", "PIN removed for %1.")
                )

                def done(_: Any) -> None:
                    dialog.done_ok()
                    self.shell.say(said.replace("%1", who["name"]), 5000)

                self.loads.perform(
                    write_jobs.set_pin(who["person"], pin or None),
                    done,
                    lambda exc: dialog.refused(str(exc)),
                )

            dialog.chosen.connect(chosen)
            dialog.open()

        self.loads.load("tasks:pin", read_jobs.person_pin(person), ask)

    def person_pin(self) -> None:
        """The PIN of the person shown (from a profile)."""
        state = self.items.state
        if state is not None and state["kind"] == "person" and not state["deleted"]:
            self.pin(state["id"])
        else:
            self.pin(None)

    def lock(self) -> int:
        return self.proof.lock(
            lambda _: self.shell.say(
                translate("Tasks", "Locked: the next privileged action asks for a PIN again."),
                5000,
            )
        )
