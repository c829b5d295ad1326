"""The tasks on the item in the reading pane: comment, link, mark, attach, replace a
file, history, delete; validate again, mark obsolete; the list of deleted items.

Each is the command line's command with the same rules: the write goes to the
worker, the core decides, and a refusal comes back in its own words to the window's
one error banner (or to the dialog it came from). What the person writing may not do
stays enabled: its tooltip already says who may (``ws.permissions.may``), and
trying says it again, so a refusal is never hidden nor silent.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from copdesk.gui import read_jobs, write_jobs
from copdesk.gui.dialogs.common import TextPrompt, confirm
from copdesk.gui.dialogs.files import ReplaceFileDialog
from copdesk.gui.dialogs.links import LinkDialog
from copdesk.gui.dialogs.marks import MarkDialog
from copdesk.gui.labels import kind_label
from copdesk.gui.loads import Loads
from copdesk.gui.tasks.shell import Shell

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
State = dict[str, Any]


class ItemTasks(QObject):
    """The tasks on one item. ``state`` is what :func:`read_jobs.item_tasks` said of
    the item shown; ``stateChanged`` when it arrives (the actions follow it)."""

    stateChanged = Signal()

    def __init__(self, loads: Loads, shell: Shell, parent: QWidget) -> None:
        super().__init__(parent)
        self.loads = loads
        self.shell = shell
        self._parent = parent
        self.state: State | None = None
        self.dialog: QWidget | None = None  # the task's dialog open now (tests use it)

    # -- the item shown -------------------------------------------------------------

    def item_shown(self, item_id: str) -> None:
        def done(state: State) -> None:
            if self.shell.current_item == state["id"]:
                self.state = state
                self.stateChanged.emit()

        self.loads.load("tasks:item", read_jobs.item_tasks(item_id), done, lambda _: None)

    def cleared(self) -> None:
        if self.shell.current_item is None and self.state is not None:
            self.state = None
            self.stateChanged.emit()

    def _live(self) -> State | None:
        """The item shown, if it is there to act on (not deleted); else say so."""
        state = self.state
        if state is None or state["id"] != self.shell.current_item:
            self.shell.say(translate("Tasks", "Open an item first."))
            return None
        if state["deleted"]:
            self.shell.say(translate("Tasks", "This item is deleted: restore it from its history."))
            return None
        return state

    def _perform(
        self, job: write_jobs.Write, said: str, after: Callable[[Any], Any] | None = None
    ) -> int:
        def done(result: Any) -> None:
            self.shell.say(said, 5000)
            if after is not None:
                after(result)

        return self.loads.perform(job, done)

    # -- comments, marks, attachments ----------------------------------------------------

    def comment(self) -> TextPrompt | None:
        state = self._live()
        if state is None:
            return None
        prompt = TextPrompt(
            translate("Tasks", "Comment"),
            translate("Tasks", "Your comment on “%1” (signed with your name):").replace(
                "%1", state["title"]
            ),
            self._parent,
            missing=translate("Tasks", "Write the comment first: an empty one is not added."),
            ok_text=translate("Tasks", "Add the comment"),
        )
        prompt.submitted.connect(
            lambda text: self._perform(
                write_jobs.comment(state["id"], text), translate("Tasks", "Comment added.")
            )
        )
        return self._open(prompt)

    def mark(self, type: str) -> MarkDialog | None:
        state = self._live()
        if state is None:
            return None
        if state["kind"] not in read_jobs.MARKABLE:
            self.shell.say(translate("Tasks", "Only reports, sheets and questions are marked."))
            return None
        dialog = MarkDialog(state["title"], type, tuple(state["my_marks"]), self._parent)
        said = {
            "helped": translate("Tasks", "Marked: this helped you."),
            "applied": translate("Tasks", "Marked: applied here."),
        }
        dialog.chosen.connect(
            lambda kind, note: self._perform(write_jobs.mark(state["id"], kind, note), said[kind])
        )
        return self._open(dialog)

    def attach(self, paths: list[str] | None = None) -> int | None:
        state = self._live()
        if state is None:
            return None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self._parent,
                translate("Tasks", "Attach files to “%1”").replace("%1", state["title"]),
            )
        if not paths:
            return None
        names = ", ".join(Path(p).name for p in paths)
        return self._perform(
            write_jobs.attach(state["id"], paths),
            translate("Tasks", "Attached: %1").replace("%1", names),
        )

    def replace_file(self) -> ReplaceFileDialog | None:
        state = self._live()
        if state is None:
            return None
        if not state.get("files"):
            self.shell.say(translate("Tasks", "This item has no file to replace: attach one."))
            return None
        dialog = ReplaceFileDialog(
            state["title"], state["files"], state["kind"] == "document", self._parent
        )
        dialog.chosen.connect(
            lambda attachment, path, version: self._perform(
                write_jobs.replace_file(state["id"], path, attachment, version),
                translate("Tasks", "Replaced by %1; the old file stays in the history.").replace(
                    "%1", Path(path).name
                ),
            )
        )
        return self._open(dialog)

    # -- links ---------------------------------------------------------------------------

    def links(self) -> LinkDialog | None:
        state = self._live()
        if state is None:
            return None
        dialog = LinkDialog(state["title"], self._parent)
        dialog.set_links(state["links"])
        item = state["id"]

        def search(query: str) -> None:
            if query:
                self.loads.load(
                    "tasks:link-search", read_jobs.link_targets(query, item), dialog.show_targets
                )
            else:
                dialog.show_targets([])

        def refresh(_: Any = None) -> None:
            def done(fresh: State) -> None:
                if dialog.isVisible():
                    dialog.set_links(fresh["links"])

            self.loads.load("tasks:links", read_jobs.item_tasks(item), done)

        dialog.searched.connect(search)
        dialog.linked.connect(
            lambda target, type: self._perform(
                write_jobs.link(item, target, type), translate("Tasks", "Linked."), refresh
            )
        )
        dialog.unlinked.connect(
            lambda link: self._perform(
                write_jobs.unlink(link), translate("Tasks", "Link removed."), refresh
            )
        )
        return self._open(dialog)

    # -- history, deletion ---------------------------------------------------------------

    def history(self) -> None:
        item = self.shell.current_item
        if item is None:
            self.shell.say(translate("Tasks", "Open an item first."))
            return
        self.shell.show_view(f"history:{item}")

    def delete(self) -> Any:
        state = self._live()
        if state is None:
            return None
        what = f"{kind_label(state['kind'])} “{state['title']}”"
        return confirm(
            self._parent,
            translate("Tasks", "Delete"),
            translate("Tasks", "Delete %1?").replace("%1", what),
            translate("Tasks", "Delete"),
            lambda: self._perform(
                write_jobs.delete_item(state["id"]),
                translate(
                    "Tasks",
                    "Deleted. View ▸ Show deleted items lists it; restore it from its history.",
                ),
            ),
            details=translate(
                "Tasks",
                "It leaves its list; its history stays, and any version can be restored.",
            ),
        )

    # -- the validation workflow beyond Propose, Validate, Send back -----------------------

    def validate_again(self) -> int | None:
        state = self._live()
        if state is None:
            return None
        return self._perform(
            write_jobs.set_status(state["id"], "validated"),
            translate("Tasks", "Validated again: this version is the one vouched for."),
        )

    def obsolete(self) -> TextPrompt | None:
        state = self._live()
        if state is None:
            return None
        prompt = TextPrompt(
            translate("Tasks", "Mark obsolete"),
            translate(
                "Tasks",
                "“%1” will no longer be applied. Why? (kept as a comment; may stay empty)",
            ).replace("%1", state["title"]),
            self._parent,
            required=False,
            ok_text=translate("Tasks", "Mark obsolete"),
        )
        prompt.submitted.connect(
            lambda why: self._perform(
                write_jobs.set_status(state["id"], "obsolete", why or None),
                translate("Tasks", "Marked obsolete."),
            )
        )
        return self._open(prompt)

    def _open(self, dialog: Any) -> Any:
        self.dialog = dialog
        dialog.open()
        return dialog
