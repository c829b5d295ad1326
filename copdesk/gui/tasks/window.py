"""The tasks as the main window holds them: one :class:`Tasks` that gives the actions
registry its handlers, enables the actions from what the item shown allows, disables
every writing action while the workspace may not be written, and puts the item's
actions in the context menus of the list and of the reading pane."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, QPoint, Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QTextBrowser, QWidget

from copdesk.gui import commands, read_jobs, write_jobs
from copdesk.gui.actions import Act, Actions
from copdesk.gui.commands import CommandRunner
from copdesk.gui.dialogs.common import confirm
from copdesk.gui.dialogs.lookups import GlossaryDialog, WhoKnowsDialog
from copdesk.gui.dialogs.questions import AskDialog
from copdesk.gui.editing import Editing
from copdesk.gui.loads import Loads
from copdesk.gui.models import ID_ROLE
from copdesk.gui.notify import ChangeHub
from copdesk.gui.questions_view import QuestionsView
from copdesk.gui.tasks.items import ItemTasks
from copdesk.gui.tasks.pane import COMMENTABLE, MARKABLE
from copdesk.gui.tasks.people import PeopleTasks
from copdesk.gui.tasks.proof import PinGuard
from copdesk.gui.tasks.shell import Shell, Window
from copdesk.gui.tasks.site import SiteTasks
from copdesk.gui.tasks.upkeep import Upkeep

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
WORKFLOW = read_jobs.WORKFLOW
# the item's actions, in the order of its context menu (None: a separator)
ITEM_MENU = (
    Act.EDIT_ITEM, None, Act.COMMENT, Act.MARK_HELPED, Act.MARK_APPLIED, Act.LINK, Act.ATTACH,
    Act.REPLACE_FILE, Act.HISTORY, None, Act.PROPOSE, Act.VALIDATE, Act.VALIDATE_AGAIN,
    Act.SEND_BACK, Act.OBSOLETE, None, Act.MEMBERS, Act.JOIN, Act.LEAVE, None, Act.DELETE,
)  # fmt: skip
EDITING_ACTS = (Act.NEW, Act.EDIT_ITEM, Act.PROPOSE, Act.VALIDATE, Act.SEND_BACK)
# the rule behind an action, for its tooltip when the person writing may not take it
RULE_OF = {
    Act.PROPOSE: "propose",
    Act.VALIDATE: "validate",
    Act.VALIDATE_AGAIN: "validate",
    Act.SEND_BACK: "send_back",
    Act.OBSOLETE: "obsolete",
    Act.DELETE: "delete",
    Act.MEMBERS: "members",
}


class Tasks(QObject):
    """The window's tasks beyond viewing and editing (see the module's docstring)."""

    def __init__(
        self, loads: Loads, window: Window, hub: ChangeHub, commands: CommandRunner
    ) -> None:
        parent = cast(QWidget, window)
        super().__init__(parent)
        self.loads = loads
        self.window = window
        self.shell = shell = cast(Shell, window)
        self._parent = parent
        self.commands = commands
        self.editing: Editing = window.editing
        self.proof = PinGuard(loads.runner, parent)
        self.items = ItemTasks(loads, shell, parent)
        self.people = PeopleTasks(loads, shell, self.items, self.proof, parent)
        self.upkeep = Upkeep(loads, commands, shell, parent)
        self.site = SiteTasks(loads, shell, hub, self.people, self.upkeep, parent)
        self.actions: Actions | None = None
        self.writable = True
        self.not_writable = ""  # why nothing may be written now (the standing)
        self.dialog: QWidget | None = None
        self._tips: dict[Act, str] = {}
        self._menu_for: tuple[str, QPoint] | None = None  # a row's menu, once it is shown
        self.menu: QMenu | None = None
        self.questions = QuestionsView(loads, parent)  # the Questions list (a view)
        self.questions.itemRequested.connect(lambda item: window.show_item(item, browse=True))
        self.questions.askRequested.connect(lambda community: self.ask(community or None))

    def handlers(self) -> dict[Act, Callable[..., Any]]:
        """What the tasks' commands do, for the actions registry."""
        items, people, upkeep = self.items, self.people, self.upkeep
        return {
            Act.ASK: lambda: self.ask(),
            Act.IMPORT_CSV: upkeep.import_csv,
            Act.BACKUP: lambda: upkeep.backup_now(),
            Act.RESTORE_BACKUP: lambda: upkeep.restore(),
            Act.CHECK: upkeep.check,
            Act.REPAIR: upkeep.repair,
            Act.MY_PIN: lambda: people.pin(None),
            Act.LOCK: people.lock,
            Act.SITE_SETTINGS: self.site.site_settings,
            Act.VALIDATE_AGAIN: items.validate_again,
            Act.OBSOLETE: items.obsolete,
            Act.WHO_KNOWS: self.who_knows,
            Act.GLOSSARY: self.glossary,
            Act.COMMENT: items.comment,
            Act.LINK: items.links,
            Act.MARK_HELPED: lambda: items.mark("helped"),
            Act.MARK_APPLIED: lambda: items.mark("applied"),
            Act.ATTACH: lambda: items.attach(),
            Act.REPLACE_FILE: items.replace_file,
            Act.HISTORY: items.history,
            Act.MEMBERS: lambda: people.members(),
            Act.JOIN: people.join,
            Act.LEAVE: people.leave,
            Act.DELETE: items.delete,
            Act.SHOW_DELETED: self.show_deleted,
            Act.LOAD_DEMO: self.load_demo,
        }

    def install(self, actions: Actions) -> None:
        """Follow the item shown, the workspace opened and its standing; the context
        menus of the list and the reading pane; the banner and the status."""
        window = self.window
        window.itemShown.connect(self.items.item_shown)
        window.viewLoaded.connect(lambda _: self.items.cleared())
        window.workspaceReady.connect(self.opened)
        window.workspaceFailed.connect(self.site.open_failed)
        window.centralWidget().layout().insertWidget(1, self.upkeep.banner)
        table, detail, status = window.table, window.detail, window.statusBar()
        self.actions = actions
        self._tips = {spec.name: spec.tip for spec in actions.specs}
        self.items.stateChanged.connect(self.update_actions)
        self.items.stateChanged.connect(self._pending_menu)
        self.site.writable.connect(self.set_writable)
        self.site.decided.connect(window.banner.hide)  # the copy's refusal is answered
        self.loads.runner.notice.connect(lambda text: self.shell.say(text, 15000))
        for failures in (self.loads.failed, self.loads.runner.error, self.commands.failed):
            failures.connect(self.site.error_seen)  # a copy's refusal comes with the way out
        status.addPermanentWidget(self.site.status)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(lambda pos: self._row_menu(table, pos))
        detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        detail.customContextMenuRequested.connect(lambda pos: self._pane_menu(detail, pos))
        self.update_actions()

    # -- the window's events ---------------------------------------------------------------

    def opened(self, _: object = None) -> None:
        """A workspace opened: its standing, the PIN setting, the daily backup."""
        self.site.opened()
        self.upkeep.daily()

    def show_deleted(self, on: bool) -> None:
        """List the deleted items (View ▸ Show deleted items); restore from history."""
        self.window.lists.show_deleted(on)
        if on:
            self.shell.say(
                translate("Tasks", "Deleted items: open one, then its history to restore it."),
                8000,
            )

    def handle(self, url: QUrl) -> bool:
        """A ``task:`` link of the reading pane: the same command as the Item menu's."""
        if url.scheme() != "task":
            return False
        run = {
            "comment": self.items.comment,
            "helped": lambda: self.items.mark("helped"),
            "applied": lambda: self.items.mark("applied"),
            "link": self.items.links,
            "delete": self.items.delete,
            "validate-again": self.items.validate_again,
            "members": lambda: self.people.members(),
            "join": self.people.join,
            "leave": self.people.leave,
            "pin": self.people.person_pin,
        }.get(url.path())
        if run is not None and not self.writable:  # as its disabled action: says why
            self.shell.say(self.not_writable or translate("Tasks", "Nothing can be written here."))
        elif run is not None:
            run()
        return True

    # -- what may be done now ------------------------------------------------------------

    def set_writable(self, writable: bool, why: str = "") -> None:
        """The workspace may (not) be written: every writing action follows."""
        self.writable = writable
        self.not_writable = "" if writable else why
        self.editing.writable = writable
        self.editing.set_state(self.editing.state)
        self.update_actions()
        if self.actions is None:
            return
        for action in self.actions.writing():
            tip = self._tips.get(Act(action.objectName()), "")
            action.setToolTip(tip if writable else f"{tip}\n{why}".strip())

    def update_actions(self) -> None:
        """Enable the item's actions from what it is; say who may in their tooltips."""
        if self.actions is None:
            return
        state = self.items.state
        live = state is not None and not state["deleted"]
        kind = state["kind"] if live else None
        signoff = (state or {}).get("signoff") or {}
        member = bool((state or {}).get("member"))
        enabled = {
            Act.COMMENT: kind in COMMENTABLE,
            Act.MARK_HELPED: kind in MARKABLE,
            Act.MARK_APPLIED: kind in MARKABLE,
            Act.LINK: kind in COMMENTABLE,
            Act.ATTACH: kind in COMMENTABLE,
            Act.REPLACE_FILE: live and bool((state or {}).get("files")),
            Act.HISTORY: state is not None,
            Act.MEMBERS: kind in ("community", "person"),
            Act.JOIN: kind == "community" and not member and bool((state or {}).get("me")),
            Act.LEAVE: kind == "community" and member,
            Act.DELETE: live,
            Act.VALIDATE_AGAIN: kind in WORKFLOW
            and (state or {}).get("status") == "validated"
            and bool(signoff.get("changed_since")),
            Act.OBSOLETE: kind in WORKFLOW and (state or {}).get("status") != "obsolete",
        }
        writing = {a.objectName() for a in self.actions.writing()}
        for act, on in enabled.items():
            action = self.actions[act]
            action.setEnabled(on and (self.writable or act.value not in writing))
        for act in Act:
            if act in enabled or act in EDITING_ACTS or act.value not in writing:
                continue
            self.actions[act].setEnabled(self.writable)
        refused = (state or {}).get("refused") or {}
        for act, rule in RULE_OF.items():
            why = refused.get(rule, "") if live else ""
            tip = self._tips.get(act, "")
            self.actions[act].setToolTip(f"{tip}\n{why}".strip() if why else tip)

    # -- context menus -----------------------------------------------------------------------

    def item_menu(self) -> QMenu:
        """The actions that can be taken on the item shown."""
        assert self.actions is not None
        menu = QMenu(self._parent)
        menu.setObjectName("itemMenu")
        self._fill(menu)
        return menu

    def _fill(self, menu: QMenu) -> None:
        assert self.actions is not None
        pending_separator = False
        for act in ITEM_MENU:
            if act is None:
                pending_separator = not menu.isEmpty()
                continue
            action: QAction = self.actions[act]
            if not action.isEnabled():
                continue
            if pending_separator:
                menu.addSeparator()
                pending_separator = False
            menu.addAction(action)

    def _row_menu(self, table: QTableView, pos: QPoint) -> None:
        index: QModelIndex = table.indexAt(pos)
        item_id = index.data(ID_ROLE) if index.isValid() else None
        if not item_id:
            return
        where = table.viewport().mapToGlobal(pos)
        state = self.items.state
        if self.shell.current_item == item_id and state is not None and state["id"] == item_id:
            self._popup(self.item_menu(), where)
            return
        self._menu_for = (item_id, where)  # once the row's item is shown and known
        table.selectRow(index.row())

    def _pending_menu(self) -> None:
        state = self.items.state
        if self._menu_for is None or state is None or state["id"] != self._menu_for[0]:
            return
        where = self._menu_for[1]
        self._menu_for = None
        self._popup(self.item_menu(), where)

    def _pane_menu(self, detail: QTextBrowser, pos: QPoint) -> None:
        menu = detail.createStandardContextMenu()
        if self.shell.current_item is not None and self.actions is not None:
            menu.addSeparator()
            self._fill(menu)
        self._popup(menu, detail.viewport().mapToGlobal(pos))

    def _popup(self, menu: QMenu, where: QPoint) -> None:
        self.menu = menu
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(where)

    # -- questions, who knows, the glossary, the demo ------------------------------------------

    def ask(self, community: str | None = None) -> None:
        """Ask a question from anywhere (Ctrl+Shift+Q): in the community shown, if any."""
        state = self.items.state
        if community is None and state is not None and state["kind"] == "community":
            community = state["id"]

        def show(choices: list[tuple[str, str]]) -> None:
            dialog = AskDialog(self.loads.runner, choices, community, self._parent)
            self.dialog = dialog
            dialog.itemRequested.connect(self.shell.show_item)

            def asked(where: str, title: str, body: str, tags: list[str]) -> None:
                def done(question: str) -> None:
                    self.shell.say(translate("Tasks", "Question asked."), 5000)
                    self.shell.show_item(question)

                self.loads.perform(write_jobs.ask_question(where or None, title, body, tags), done)

            dialog.asked.connect(asked)
            dialog.open()

        self.loads.load("tasks:communities", read_jobs.communities, show)

    def who_knows(self) -> WhoKnowsDialog:
        dialog = WhoKnowsDialog(self._parent)
        self.dialog = dialog
        dialog.asked.connect(
            lambda query: self.loads.load(
                "tasks:who-knows", read_jobs.who_knows(query), dialog.show_result
            )
        )
        dialog.itemRequested.connect(self.shell.show_item)
        dialog.open()
        return dialog

    def glossary(self) -> GlossaryDialog:
        dialog = GlossaryDialog(self._parent)
        self.dialog = dialog

        def write(job: write_jobs.Write) -> None:
            self.loads.perform(job, dialog.show_groups, lambda e: dialog.refused(str(e)))

        dialog.added.connect(lambda terms: write(write_jobs.glossary(terms)))
        dialog.removed.connect(lambda term: write(write_jobs.glossary(remove=term)))
        self.loads.load("tasks:glossary", read_jobs.glossary, dialog.show_groups)
        dialog.open()
        return dialog

    def load_demo(self) -> Any:
        def run() -> None:
            self.commands.run(
                commands.load_demo(),
                lambda _: self.shell.say(translate("Tasks", "Demo content loaded."), 5000),
            )

        return confirm(
            self._parent,
            translate("Tasks", "Load the demo content"),
            translate("Tasks", "Add the built-in demo content to this workspace?"),
            translate("Tasks", "Load it"),
            run,
            details=translate(
                "Tasks",
                "Demo communities, people, reports and sheets are added (loading twice adds "
                "nothing); they are shared with other sites like any item.",
            ),
        )
