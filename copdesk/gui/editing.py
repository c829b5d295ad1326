"""Creating, editing and curating items from the main window.

Owns the editor windows, the "New" button (Ctrl+N: a new experience report, the most
common capture on the plant floor; its menu offers every kind) and the validation
workflow (Edit, Propose, Validate, Send back with a required comment). Its commands are
actions of the registry (:mod:`copdesk.gui.actions`), given to it once made. It
knows the window only through :class:`Shell`, a few public methods; what a save or
a status change alters reaches the views through its Change, not through here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QToolBar, QToolButton, QWidget

from copdesk.gui import read_jobs, write_jobs
from copdesk.gui.actions import Act, Actions
from copdesk.gui.dialogs.common import TextPrompt
from copdesk.gui.editor import EditorWindow
from copdesk.gui.labels import kind_label
from copdesk.gui.loads import Loads

NEW_KINDS = ("rex", "howto", "community", "person", "skill")
WORKFLOW_KINDS = ("rex", "howto")  # validated by the community's experts
# status -> the workflow actions that make sense from it
NEXT = {
    "draft": ("propose",),
    "proposed": ("validate", "send_back"),
    "validated": ("send_back",),
    "obsolete": (),
}


class Shell(Protocol):
    """What editing needs of the window."""

    @property
    def current_item(self) -> str | None: ...

    def show_view(self, view: str) -> None: ...

    def say(self, text: str, ms: int = 4000) -> None: ...


class Editing(QObject):
    """The editing side of the main window: new items, editors, validation actions."""

    def __init__(self, loads: Loads, shell: Shell, parent: QWidget) -> None:
        super().__init__(parent)
        self.loads = loads
        self.runner = loads.runner
        self.shell = shell
        self._parent = parent
        self.editors: dict[str, EditorWindow] = {}
        self.state: dict[str, Any] | None = None  # the item shown in the reading pane
        self.writable = True  # False: the workspace may not be written (read-only…)
        # None: Send back asks in a dialog that refuses an empty comment; tests may
        # inject an answer instead (None: cancelled)
        self.ask_comment: Callable[[], str | None] | None = None
        self.dialog: TextPrompt | None = None

    def handlers(self) -> dict[Act, Callable[[], Any]]:
        """What its commands do, for the actions registry."""
        return {
            Act.NEW: lambda: self.new_item("rex"),
            Act.SAVE: self.save_editor,
            Act.EDIT_ITEM: self.edit_current,
            Act.PROPOSE: lambda: self.set_status("proposed"),
            Act.VALIDATE: lambda: self.set_status("validated"),
            Act.SEND_BACK: self.send_back,
        }

    def toolbar(self, actions: Actions) -> QToolBar:
        """The Edit toolbar: New (with a menu of kinds) and the workflow actions."""
        self.new_action = actions[Act.NEW]
        self.edit_action = actions[Act.EDIT_ITEM]
        self.propose_action = actions[Act.PROPOSE]
        self.validate_action = actions[Act.VALIDATE]
        self.send_back_action = actions[Act.SEND_BACK]
        bar = QToolBar(self.tr("Edit"), self._parent)
        bar.setObjectName("editBar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self._parent)
        for kind in NEW_KINDS:
            action = menu.addAction(kind_label(kind))
            action.setObjectName(f"new_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.new_item(k))
        self.new_button = QToolButton(self._parent)
        self.new_button.setObjectName("newButton")
        self.new_button.setDefaultAction(self.new_action)
        self.new_button.setMenu(menu)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bar.addWidget(self.new_button)
        bar.addSeparator()
        for action in (
            self.edit_action,
            self.propose_action,
            self.validate_action,
            self.send_back_action,
        ):
            bar.addAction(action)
        self.set_state(None)
        return bar

    # -- the item shown ------------------------------------------------------------

    def item_shown(self, item_id: str) -> None:
        """The reading pane shows ``item_id``: offer the actions its status allows."""

        def done(state: dict[str, Any]) -> None:
            if self.shell.current_item == state["id"]:
                self.set_state(state)

        self.loads.load("editing:state", read_jobs.item_state(item_id), done, lambda _: None)

    def view_loaded(self, _: str = "") -> None:
        if self.shell.current_item is None:
            self.set_state(None)

    def set_state(self, state: dict[str, Any] | None) -> None:
        self.state = state
        kind = (state or {}).get("kind")
        following = NEXT.get((state or {}).get("status") or "", ()) if self.writable else ()
        following = following if kind in WORKFLOW_KINDS else ()  # as `copdesk propose`
        editable = self.writable and state is not None and state["kind"] in NEW_KINDS
        self.new_action.setEnabled(self.writable)
        self.edit_action.setEnabled(editable)
        self.propose_action.setEnabled("propose" in following)
        self.validate_action.setEnabled("validate" in following)
        self.send_back_action.setEnabled("send_back" in following)

    # -- editors -------------------------------------------------------------------

    def open_editor(self, kind: str, item_id: str | None = None) -> EditorWindow:
        """The editor of this item (or of a new one); an open one is brought forward."""
        key = item_id or f"new-{kind}"
        editor = self.editors.get(key)
        if editor is not None:
            editor.raise_()
            editor.activateWindow()
            return editor
        editor = EditorWindow(self.runner, kind, item_id, self._parent)
        self.editors[key] = editor
        if editor.similar is not None:  # "already known?": a hit opens in the window
            editor.similar.itemRequested.connect(lambda i: self.shell.show_view(f"item:{i}"))
        editor.saved.connect(lambda new_id, k=key: self._saved(k, new_id))
        editor.closed.connect(lambda e=editor: self._closed(e))
        editor.show()
        return editor

    def new_item(self, kind: str = "rex") -> EditorWindow:
        return self.open_editor(kind)

    def edit_current(self) -> EditorWindow | None:
        if self.state is None or self.state["kind"] not in NEW_KINDS:
            return None
        return self.open_editor(self.state["kind"], self.state["id"])

    def save_editor(self) -> None:
        """Ctrl+S in the main window: save the editor used last, if one is open."""
        if self.editors:
            list(self.editors.values())[-1].save()
        else:
            self.shell.say(self.tr("Nothing to save here: open an editor with Ctrl+N or Edit."))

    def _saved(self, key: str, item_id: str) -> None:
        if key != item_id:  # a new item now has its id: reopening it finds this editor
            self.editors[item_id] = self.editors.pop(key)
        if self.shell.current_item != item_id:  # shown, it reloads with the save's Change
            self.shell.show_view(f"item:{item_id}")

    def _closed(self, editor: EditorWindow) -> None:
        for key, e in list(self.editors.items()):
            if e is editor:
                del self.editors[key]
        editor.deleteLater()

    def close_all(self) -> bool:
        """Close every editor, asking about unsaved changes; False if one stays open."""
        return all(editor.close() for editor in list(self.editors.values()))

    # -- validation workflow -------------------------------------------------------

    def set_status(self, status: str, comment: str | None = None) -> None:
        """Move the item shown in the workflow; its Change reloads what shows it."""
        if self.state is None:
            return

        def done(state: dict[str, Any]) -> None:
            messages = {
                "proposed": self.tr("Proposed for validation."),
                "validated": self.tr("Validated."),
                "draft": self.tr("Sent back to its author as a draft."),
            }
            self.shell.say(messages.get(state["status"], ""), 5000)

        self.loads.perform(write_jobs.set_status(self.state["id"], status, comment), done)

    def send_back(self) -> TextPrompt | None:
        """Back to draft; the comment is required, so the author knows what to fix: an
        empty one is refused in the dialog, which stays open."""
        if self.state is None:
            return None
        if self.ask_comment is not None:
            comment = self.ask_comment()
            if comment and comment.strip():
                self.set_status("draft", comment.strip())
            return None
        title = self.state.get("title") or ""
        prompt = TextPrompt(
            self.tr("Send back"),
            self.tr("What should be fixed in “%1”? The author sees this comment.").replace(
                "%1", title
            ),
            self._parent,
            missing=self.tr("A comment is required: say what to fix. Nothing was sent back."),
            ok_text=self.tr("Send back"),
        )
        prompt.submitted.connect(lambda text: self.set_status("draft", text))
        self.dialog = prompt
        prompt.open()
        return prompt
