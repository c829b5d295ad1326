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
    REFRESH = "actionRefresh"
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
}
MENUS = ("file", "edit", "view", "go", "help")


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


def menu_titles() -> dict[str, str]:
    return {
        "file": translate("Menus", "&File"),
        "edit": translate("Menus", "&Edit"),
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
             translate("Editing", "New experience report (Ctrl+N)")),
        Spec(Act.SAVE, translate("Menus", "&Save"), "file", std.Save),
        Spec(Act.PRINT, translate("Menus", "&Print…"), "file", "Ctrl+P", separated=True),
        Spec(Act.EXPORT_PDF, translate("Menus", "&Export as PDF…"), "file", "Ctrl+Shift+P"),
        Spec(Act.SETTINGS, translate("Menus", "Se&ttings…"), "file", "Ctrl+,", separated=True),
        Spec(Act.QUIT, translate("Menus", "&Quit"), "file", "Ctrl+Q", separated=True),
        Spec(Act.SEARCH, translate("Menus", "&Search everywhere"), "edit", "Ctrl+K",
             icon="search"),
        Spec(Act.EDIT_ITEM, translate("Editing", "Edit"), "edit", "Ctrl+E",
             translate("Editing", "Edit this item (Ctrl+E)"), separated=True),
        Spec(Act.PROPOSE, translate("Editing", "Propose"), "edit", None,
             translate("Editing", "Ask an expert or animator to validate it")),
        Spec(Act.VALIDATE, translate("Editing", "Validate"), "edit", None,
             translate("Editing", "Checked by an expert: it can be applied elsewhere")),
        Spec(Act.SEND_BACK, translate("Editing", "Send back…"), "edit", None,
             translate("Editing", "Back to draft, with a comment saying what to fix")),
        Spec(Act.REINDEX, translate("Menus", "Rebuild the search &index"), "edit", None,
             translate("Menus", "Rebuild the search index from the database (in the background)"),
             separated=True),
        Spec(Act.REFRESH, translate("Menus", "&Refresh"), "view", "F5"),
        *(Spec(act, text, "go", f"Alt+{n}") for n, (act, text) in enumerate(go.items(), 1)),
        Spec(Act.GO_CONTRIBUTIONS, translate("Menus", "&My contributions"), "go"),
        Spec(Act.GO_DOCUMENTS, translate("Menus", "&Documents"), "go"),
        Spec(Act.SHORTCUTS, translate("Menus", "&Keyboard shortcuts"), "help", std.HelpContents),
        Spec(Act.ABOUT, translate("Menus", "&About copdesk"), "help"),
    ]  # fmt: skip


class Actions:
    """One QAction per :class:`Act`, owned by ``window`` (its shortcuts work even with
    the menu bar hidden), triggering the handler given for it."""

    def __init__(self, window: QWidget, handlers: Mapping[Act, Callable[[], Any]]) -> None:
        self.specs = specs()
        self._actions: dict[Act, QAction] = {}
        for spec in self.specs:
            action = QAction(spec.text, window)
            action.setObjectName(spec.name.value)
            if spec.keys is not None:
                action.setShortcut(QKeySequence(spec.keys))
            if spec.name == Act.SHORTCUTS and action.shortcut().isEmpty():
                action.setShortcut(QKeySequence("F1"))  # no help key on this platform
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            if spec.tip:
                action.setToolTip(spec.tip)
                action.setStatusTip(spec.tip)
            if spec.icon:
                action.setIcon(icon(spec.icon))
            handler = handlers[spec.name]
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
