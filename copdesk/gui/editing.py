"""Creating, editing and curating items from the main window.

Owns the "New" menu (Ctrl+N: a new experience report, the most common capture
on the plant floor), the item actions of the validation workflow (Edit, Propose,
Validate, Send back with a comment) and the open editor windows, so the main
window only has to create it and ask it before closing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QToolBar, QToolButton

from copdesk.gui import edit_jobs as jobs
from copdesk.gui.editor import EditorWindow
from copdesk.gui.views import kind_label

if TYPE_CHECKING:
    from copdesk.gui.mainwindow import MainWindow

NEW_KINDS = ("rex", "howto", "community", "person", "skill")
# status -> the workflow actions that make sense from it
NEXT = {
    "draft": ("propose",),
    "proposed": ("validate", "send_back"),
    "validated": ("send_back",),
    "obsolete": (),
}


class Editing(QObject):
    """The editing side of the main window: new items, editors, validation actions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.runner = window.runner
        self.editors: dict[str, EditorWindow] = {}
        self.state: dict[str, Any] | None = None  # the item shown in the reading pane
        self.ask_comment: Callable[[], str | None] = self._ask_comment  # tests inject it
        self._build()
        window.itemShown.connect(self._item_shown)
        window.viewLoaded.connect(self._view_loaded)
        window.table.doubleClicked.connect(lambda _: self.edit_current())

    def _build(self) -> None:
        w = self.window
        self.toolbar = QToolBar(self.tr("Edit"), w)
        self.toolbar.setObjectName("editBar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)

        # Ctrl+N and Ctrl+S are the menu bar's actions (copdesk.gui.menus): one shortcut each.
        named = getattr(w, "actions_by_name", {})
        self.new_action = named.get("actionNew") or QAction(self.tr("New report"), w)
        if "actionNew" in named:
            self.new_action.triggered.disconnect()  # the menu's "later" placeholder
        else:
            self.new_action.setShortcut(QKeySequence.StandardKey.New)
            w.addAction(self.new_action)
        self.new_action.setToolTip(self.tr("New experience report (Ctrl+N)"))
        self.new_action.triggered.connect(lambda: self.new_item("rex"))
        if "actionSave" in named:
            named["actionSave"].triggered.disconnect()
            named["actionSave"].triggered.connect(self.save_editor)
        menu = QMenu(w)
        for kind in NEW_KINDS:
            action = menu.addAction(kind_label(kind))
            action.setObjectName(f"new_{kind}")
            action.triggered.connect(lambda _=False, k=kind: self.new_item(k))
        self.new_button = QToolButton(w)
        self.new_button.setObjectName("newButton")
        self.new_button.setDefaultAction(self.new_action)
        self.new_button.setMenu(menu)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addWidget(self.new_button)
        self.toolbar.addSeparator()

        def action(name: str, text: str, tip: str, slot: Callable[[], None]) -> QAction:
            a = QAction(text, w)
            a.setObjectName(name)
            a.setToolTip(tip)
            a.triggered.connect(slot)
            a.setEnabled(False)
            self.toolbar.addAction(a)
            return a

        self.edit_action = action(
            "edit", self.tr("Edit"), self.tr("Edit this item (Ctrl+E)"), self.edit_current
        )
        self.edit_action.setShortcut(QKeySequence("Ctrl+E"))
        self.propose_action = action(
            "propose",
            self.tr("Propose"),
            self.tr("Ask an expert or animator to validate it"),
            lambda: self.set_status("proposed"),
        )
        self.validate_action = action(
            "validate",
            self.tr("Validate"),
            self.tr("Checked by an expert: it can be applied elsewhere"),
            lambda: self.set_status("validated"),
        )
        self.send_back_action = action(
            "send_back",
            self.tr("Send back…"),
            self.tr("Back to draft, with a comment saying what to fix"),
            self.send_back,
        )
        w.addAction(self.edit_action)
        if isinstance(named, dict):  # the shortcuts help lists them
            named["actionEditItem"] = self.edit_action
        search = w.findChild(QToolBar, "searchBar")
        if search is not None:  # before it: the last toolbar of a row gets the spare width
            w.insertToolBar(search, self.toolbar)
        else:
            w.addToolBar(self.toolbar)

    # -- the item shown ------------------------------------------------------------

    def _item_shown(self, item_id: str) -> None:
        def done(state: dict[str, Any]) -> None:
            if self.window.current_item == state["id"]:
                self._set_state(state)

        self.runner.submit(jobs.item_state(item_id), done, lambda _: None, key="editing:state")

    def _view_loaded(self, _: str) -> None:
        if self.window.current_item is None:
            self._set_state(None)

    def _set_state(self, state: dict[str, Any] | None) -> None:
        self.state = state
        following = NEXT.get((state or {}).get("status") or "", ())
        self.edit_action.setEnabled(state is not None and state["kind"] in NEW_KINDS)
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
        editor = EditorWindow(self.runner, kind, item_id, self.window)
        self.editors[key] = editor
        editor.saved.connect(lambda new_id, e=editor, k=key: self._saved(e, k, new_id))
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
            self.window.statusBar().showMessage(
                self.tr("Nothing to save here: open an editor with Ctrl+N or Edit."), 4000
            )

    def _saved(self, editor: EditorWindow, key: str, item_id: str) -> None:
        if key != item_id:  # a new item now has its id: reopening it finds this editor
            self.editors.pop(key, None)
            self.editors[item_id] = editor
        self.window.show_view(f"item:{item_id}")

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
        if self.state is None:
            return
        item_id = self.state["id"]

        def done(state: dict[str, Any]) -> None:
            messages = {
                "proposed": self.tr("Proposed for validation."),
                "validated": self.tr("Validated."),
                "draft": self.tr("Sent back to its author as a draft."),
            }
            self.window.statusBar().showMessage(messages.get(state["status"], ""), 5000)
            self.window.show_view(f"item:{state['id']}")

        self.runner.submit(jobs.set_status(item_id, status, comment), done, self.window.show_error)

    def send_back(self) -> None:
        """Back to draft; the comment is required, so the author knows what to fix."""
        comment = self.ask_comment()
        if comment and comment.strip():
            self.set_status("draft", comment.strip())

    def _ask_comment(self) -> str | None:
        title = (self.state or {}).get("title") or ""
        text, ok = QInputDialog.getMultiLineText(
            self.window,
            self.tr("Send back"),
            self.tr("What should be fixed in “%1”? The author sees this comment.").replace(
                "%1", title
            ),
        )
        return text if ok else None
