"""Every command of the window, named once: its text, shortcut, menu and handler.

As Picard's ``MainAction`` enum and actions registry: :class:`Act` names each
command; :func:`specs` says how it looks (text, shortcut, tip, which menu);
:class:`Actions` makes one QAction per command from the specs and the handlers the
window gives, so the menu bar (:mod:`copdesk.gui.menus`), the toolbars, the
shortcuts help and the tests all use the same objects and no shortcut exists twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from copdesk.gui.icons import icon

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
Keys = QKeySequence.StandardKey | str | None


class Act(StrEnum):
    """The commands (their values are the QActions' object names)."""

    NEW = "actionNew"
    SAVE = "actionSave"
    PRINT = "actionPrint"
    EXPORT_PDF = "actionExportPdf"
    SETTINGS = "actionSettings"
    QUIT = "actionQuit"
    SEARCH = "actionSearch"
    EDIT_ITEM = "actionEditItem"
    PROPOSE = "actionPropose"
    VALIDATE = "actionValidate"
    SEND_BACK = "actionSendBack"
    REINDEX = "actionReindex"
    RENAME_SITE = "actionRenameSite"
    REFRESH = "actionRefresh"
    BACK = "actionBack"
    FORWARD = "actionForward"
    ZOOM_IN = "actionZoomIn"
    ZOOM_OUT = "actionZoomOut"
    ZOOM_RESET = "actionZoomReset"
    RESET_LAYOUT = "actionResetLayout"
    GO_HOME = "actionGo_home"
    GO_COMMUNITIES = "actionGo_communities"
    GO_REX = "actionGo_rex"
    GO_HOWTO = "actionGo_howto"
    GO_PEOPLE = "actionGo_people"
    GO_SKILLS = "actionGo_skills"
    GO_EXCHANGE = "actionGo_exchange"
    GO_CONTRIBUTIONS = "actionGo_contributions"
    GO_DOCUMENTS = "actionGo_documents"
    SHORTCUTS = "actionShortcuts"
    ABOUT = "actionAbout"
    # every task of the command line has its place (copdesk.gui.tasks)
    ASK = "actionAsk"
    IMPORT_CSV = "actionImportCsv"
    BACKUP = "actionBackup"
    RESTORE_BACKUP = "actionRestoreBackup"
    CHECK = "actionCheck"
    REPAIR = "actionRepair"
    MY_PIN = "actionMyPin"
    LOCK = "actionLock"
    SITE_SETTINGS = "actionSiteSettings"
    VALIDATE_AGAIN = "actionValidateAgain"
    OBSOLETE = "actionObsolete"
    WHO_KNOWS = "actionWhoKnows"
    GLOSSARY = "actionGlossary"
    COMMENT = "actionComment"
    LINK = "actionLink"
    MARK_HELPED = "actionMarkHelped"
    MARK_APPLIED = "actionMarkApplied"
    ATTACH = "actionAttach"
    REPLACE_FILE = "actionReplaceFile"
    HISTORY = "actionHistory"
    MEMBERS = "actionMembers"
    JOIN = "actionJoin"
    LEAVE = "actionLeave"
    DELETE = "actionDelete"
    SHOW_DELETED = "actionShowDeleted"
    GO_QUESTIONS = "actionGo_questions"
    LOAD_DEMO = "actionLoadDemo"


# The views the Go menu opens with Alt+1…Alt+7 (the sidebar's order).
GO = {
    Act.GO_HOME: "home",
    Act.GO_COMMUNITIES: "communities",
    Act.GO_REX: "rex",
    Act.GO_HOWTO: "howto",
    Act.GO_PEOPLE: "people",
    Act.GO_SKILLS: "skills",
    Act.GO_EXCHANGE: "exchange",
    Act.GO_CONTRIBUTIONS: "contributions",
    Act.GO_DOCUMENTS: "documents",
    Act.GO_QUESTIONS: "questions",
}
MENUS = ("file", "edit", "item", "view", "go", "help")


@dataclass(frozen=True)
class Spec:
    """How a command looks and where it sits."""

    name: Act
    text: str
    menu: str
    keys: Keys = None
    tip: str = ""
    separated: bool = False  # a separator before it in its menu
    icon: str | None = None
    also: tuple[str, ...] = ()  # other keys for it (Ctrl+= for Ctrl++ without Shift)
    writes: bool = False  # changes the workspace: disabled when it is read-only
    checkable: bool = False


def menu_titles() -> dict[str, str]:
    return {
        "file": translate("Menus", "&File"),
        "edit": translate("Menus", "&Edit"),
        "item": translate("Menus", "&Item"),
        "view": translate("Menus", "&View"),
        "go": translate("Menus", "&Go"),
        "help": translate("Menus", "&Help"),
    }


def specs() -> list[Spec]:
    """Every command in menu order (texts in the language installed when called)."""
    std = QKeySequence.StandardKey
    go = {
        Act.GO_HOME: translate("Menus", "&Home"),
        Act.GO_COMMUNITIES: translate("Menus", "&Communities"),
        Act.GO_REX: translate("Menus", "&Experience reports"),
        Act.GO_HOWTO: translate("Menus", "&Know-how sheets"),
        Act.GO_PEOPLE: translate("Menus", "&People"),
        Act.GO_SKILLS: translate("Menus", "S&kills"),
        Act.GO_EXCHANGE: translate("Menus", "E&xchange"),
    }
    return [
        Spec(Act.NEW, translate("Menus", "&New experience report"), "file", "Ctrl+N",
             translate("Editing", "New experience report (Ctrl+N)"), writes=True),
        Spec(Act.ASK, translate("Tasks", "&Ask a question…"), "file", "Ctrl+Shift+Q",
             translate("Tasks", "Ask a community, or the whole site (Ctrl+Shift+Q)"),
             writes=True),
        Spec(Act.SAVE, translate("Menus", "&Save"), "file", std.Save),
        Spec(Act.PRINT, translate("Menus", "&Print…"), "file", "Ctrl+P", separated=True),
        Spec(Act.EXPORT_PDF, translate("Menus", "&Export as PDF…"), "file", "Ctrl+Shift+P"),
        *file_tasks(),
        Spec(Act.SETTINGS, translate("Menus", "Se&ttings…"), "file", "Ctrl+,", separated=True),
        Spec(Act.QUIT, translate("Menus", "&Quit"), "file", "Ctrl+Q", separated=True),
        Spec(Act.SEARCH, translate("Menus", "&Search everywhere"), "edit", "Ctrl+K",
             icon="search"),
        Spec(Act.EDIT_ITEM, translate("Editing", "Edit"), "edit", "Ctrl+E",
             translate("Editing", "Edit this item (Ctrl+E)"), separated=True, writes=True),
        Spec(Act.PROPOSE, translate("Editing", "Propose"), "edit", None,
             translate("Editing", "Ask an expert or animator to validate it"), writes=True),
        Spec(Act.VALIDATE, translate("Editing", "Validate"), "edit", None,
             translate("Editing", "Checked by an expert: it can be applied elsewhere"),
             writes=True),
        Spec(Act.VALIDATE_AGAIN, translate("Tasks", "Validate &again"), "edit", None,
             translate("Tasks", "It changed since its validation: validate this version"),
             writes=True),
        Spec(Act.SEND_BACK, translate("Editing", "Send back…"), "edit", None,
             translate("Editing", "Back to draft, with a comment saying what to fix"),
             writes=True),
        Spec(Act.OBSOLETE, translate("Tasks", "Mark &obsolete…"), "edit", None,
             translate("Tasks", "No longer to be applied (its history stays)"), writes=True),
        Spec(Act.REINDEX, translate("Menus", "Rebuild the search &index"), "edit", None,
             translate("Menus", "Rebuild the search index from the database (in the background)"),
             separated=True),
        Spec(Act.RENAME_SITE, translate("Menus", "Rena&me this site…"), "edit", None,
             translate("Menus", "Change the name other sites know this one by")),
        Spec(Act.WHO_KNOWS, translate("Tasks", "&Who knows…"), "edit", "Ctrl+Shift+K",
             translate("Tasks", "People ranked for a topic, with the reasons")),
        Spec(Act.GLOSSARY, translate("Tasks", "&Glossary…"), "edit", None,
             translate("Tasks", "Synonyms and acronyms applied to searches")),
        *item_tasks(),
        Spec(Act.REFRESH, translate("Menus", "&Refresh"), "view", "F5"),
        Spec(Act.BACK, translate("Menus", "&Back"), "view", "Alt+Left",
             translate("Menus", "Back to what you read before (Alt+Left, mouse back button)"),
             separated=True),
        Spec(Act.FORWARD, translate("Menus", "&Forward"), "view", "Alt+Right"),
        Spec(Act.ZOOM_IN, translate("Menus", "Zoom &in"), "view", "Ctrl++",
             translate("Menus", "Larger text in the reading pane and the lists"), separated=True,
             also=("Ctrl+=",)),
        Spec(Act.ZOOM_OUT, translate("Menus", "Zoom &out"), "view", "Ctrl+-"),
        Spec(Act.ZOOM_RESET, translate("Menus", "&Actual size"), "view", "Ctrl+0"),
        Spec(Act.RESET_LAYOUT, translate("Menus", "Reset the &layout"), "view", None,
             translate("Menus", "Give the sidebar, the list and the reading pane their "
                                "default widths")),
        Spec(Act.SHOW_DELETED, translate("Tasks", "Show &deleted items"), "view", "Ctrl+Shift+D",
             translate("Tasks", "List deleted items (restore one from its history)"),
             checkable=True),
        *(Spec(act, text, "go", f"Alt+{n}") for n, (act, text) in enumerate(go.items(), 1)),
        Spec(Act.GO_QUESTIONS, translate("Tasks", "&Questions"), "go", "Alt+8"),
        Spec(Act.GO_CONTRIBUTIONS, translate("Menus", "&My contributions"), "go"),
        Spec(Act.GO_DOCUMENTS, translate("Menus", "&Documents"), "go"),
        Spec(Act.SHORTCUTS, translate("Menus", "&Keyboard shortcuts"), "help", std.HelpContents),
        Spec(Act.LOAD_DEMO, translate("Tasks", "Load the &demo content…"), "help", None,
             translate("Tasks", "Add the built-in demo content to this workspace"),
             separated=True, writes=True),
        Spec(Act.ABOUT, translate("Menus", "&About copdesk"), "help"),
    ]  # fmt: skip


def file_tasks() -> list[Spec]:
    """The File menu's tasks on the workspace: registers, backups, checks, PINs, site."""
    return [
        Spec(Act.IMPORT_CSV, translate("Tasks", "&Import a register (CSV)…"), "file", None,
             translate("Tasks", "Rows of a spreadsheet become reports, sheets, people…"),
             separated=True, writes=True),
        Spec(Act.BACKUP, translate("Tasks", "&Back up now…"), "file", None,
             translate("Tasks", "A consistent copy of the workspace in a folder")),
        Spec(Act.RESTORE_BACKUP, translate("Tasks", "&Restore from a backup…"), "file", None,
             translate("Tasks", "Put a backup of this site in place (the current one is kept)")),
        Spec(Act.CHECK, translate("Tasks", "&Check the database"), "file", None,
             translate("Tasks", "Verify the database, revisions and attachments")),
        Spec(Act.REPAIR, translate("Tasks", "Repair the &database…"), "file", None,
             translate("Tasks", "Rebuild a damaged database (the old file is kept)")),
        Spec(Act.MY_PIN, translate("Tasks", "&My PIN…"), "file", None,
             translate("Tasks", "Set, change or remove the PIN that proves it is you"),
             separated=True),
        Spec(Act.LOCK, translate("Tasks", "&Lock"), "file", "Ctrl+Shift+L",
             translate("Tasks", "Forget the PINs given: the next privileged action asks again")),
        Spec(Act.SITE_SETTINGS, translate("Tasks", "Site settin&gs…"), "file", None,
             translate("Tasks", "This site, its keys, administrators, PINs, this computer")),
    ]  # fmt: skip


def item_tasks() -> list[Spec]:
    """The Item menu: what can be done with the item in the reading pane."""
    return [
        Spec(Act.COMMENT, translate("Tasks", "&Comment…"), "item", "Ctrl+Shift+M",
             translate("Tasks", "Add a comment to this item"), writes=True),
        Spec(Act.MARK_HELPED, translate("Tasks", "This &helped me…"), "item", "Ctrl+Shift+H",
             translate("Tasks", "Say this knowledge helped you (the authors see it)"),
             writes=True),
        Spec(Act.MARK_APPLIED, translate("Tasks", "A&pplied here…"), "item", "Ctrl+Shift+A",
             translate("Tasks", "Say where this knowledge was applied"), writes=True),
        Spec(Act.LINK, translate("Tasks", "&Links…"), "item", "Ctrl+L",
             translate("Tasks", "Link this item to another, or remove a link"), writes=True),
        Spec(Act.ATTACH, translate("Tasks", "A&ttach a file…"), "item", None,
             translate("Tasks", "Attach photos or documents to this item"), writes=True),
        Spec(Act.REPLACE_FILE, translate("Tasks", "&Replace a file…"), "item", None,
             translate("Tasks", "A new version of one of this item's files (the old one "
                                "stays in its history)"), writes=True),
        Spec(Act.HISTORY, translate("Tasks", "Hi&story"), "item", "Ctrl+H",
             translate("Tasks", "Every version, side by side, restore one")),
        Spec(Act.MEMBERS, translate("Tasks", "&Members and roles…"), "item", None,
             translate("Tasks", "Who belongs to this community, or this person's roles"),
             separated=True, writes=True),
        Spec(Act.JOIN, translate("Tasks", "&Join this community"), "item", None,
             translate("Tasks", "Become a member of this community"), writes=True),
        Spec(Act.LEAVE, translate("Tasks", "Lea&ve this community…"), "item", None,
             translate("Tasks", "Stop being a member of this community"), writes=True),
        Spec(Act.DELETE, translate("Tasks", "&Delete…"), "item", QKeySequence.StandardKey.Delete,
             translate("Tasks", "Delete this item (its history stays; restore it from there)"),
             separated=True, writes=True),
    ]  # fmt: skip


class Actions:
    """One QAction per :class:`Act`, owned by ``window`` (its shortcuts work even with
    the menu bar hidden), triggering the handler given for it."""

    def __init__(self, window: QWidget, handlers: Mapping[Act, Callable[..., Any]]) -> None:
        self.specs = specs()
        self._actions: dict[Act, QAction] = {}
        for spec in self.specs:
            action = QAction(spec.text, window)
            action.setObjectName(spec.name.value)
            if spec.keys is not None:
                action.setShortcuts([QKeySequence(spec.keys), *map(QKeySequence, spec.also)])
            if spec.name == Act.SHORTCUTS and action.shortcut().isEmpty():
                action.setShortcut(QKeySequence("F1"))  # no help key on this platform
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if spec.tip:
                action.setToolTip(spec.tip)
                action.setStatusTip(spec.tip)
            if spec.icon:
                action.setIcon(icon(spec.icon))
            action.setCheckable(spec.checkable)
            handler = handlers.get(spec.name)
            if handler is None:  # declared before its handler exists: shown, disabled
                action.setEnabled(False)
            elif spec.checkable:  # the handler takes the new state
                action.toggled.connect(lambda on, h=handler: h(on))
            else:
                action.triggered.connect(lambda _=False, h=handler: h())
            window.addAction(action)
            self._actions[spec.name] = action

    def __getitem__(self, name: Act) -> QAction:
        return self._actions[name]

    def __iter__(self) -> Iterator[QAction]:
        return iter(self._actions.values())

    def by_name(self) -> dict[str, QAction]:
        """The actions by object name (``actionPrint``…)."""
        return {a.objectName(): a for a in self}

    def writing(self) -> list[QAction]:
        """The actions that change the workspace (disabled when it is read-only)."""
        return [self._actions[spec.name] for spec in self.specs if spec.writes]
