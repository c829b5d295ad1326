"""Every command of ``copdesk --help`` has its place in the window: an action of the
menu bar (so Alt and the arrows reach it), or a view of the router. A new command
without a place fails here."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtWidgets import QMenu

from copdesk import Workspace
from copdesk.commands import ORDER
from copdesk.gui.actions import Act

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

# command -> where the window does it: actions (Act) and views (router names)
PLACES: dict[str, tuple[Act | str, ...]] = {
    "init": ("home",),  # the first-run wizard, then the home page
    "status": (Act.SITE_SETTINGS, "home"),
    "use": ("home",),  # the "Writing as" switch of the status bar
    "demo": (Act.LOAD_DEMO,),
    "add": (Act.NEW,),
    "edit": (Act.EDIT_ITEM,),
    "list": ("rex", "howto", "communities", "people", Act.SHOW_DELETED),
    "show": ("item",),
    "history": (Act.HISTORY, "history"),
    "restore": ("history",),
    "delete": (Act.DELETE,),
    "propose": (Act.PROPOSE,),
    "validate": (Act.VALIDATE, Act.VALIDATE_AGAIN),
    "send-back": (Act.SEND_BACK,),
    "obsolete": (Act.OBSOLETE,),
    "member": (Act.MEMBERS, Act.JOIN, Act.LEAVE),
    "rate": ("skills",),
    "profile": ("item",),
    "pin": (Act.MY_PIN, Act.SITE_SETTINGS),
    "admin": (Act.SITE_SETTINGS,),
    "login": (Act.SITE_SETTINGS,),
    "link": (Act.LINK,),
    "attach": (Act.ATTACH, Act.NEW),
    "comment": (Act.COMMENT,),
    "import-csv": (Act.IMPORT_CSV,),
    "check": (Act.CHECK,),
    "repair": (Act.REPAIR,),
    "backup": (Act.BACKUP, Act.SITE_SETTINGS),
    "restore-backup": (Act.RESTORE_BACKUP,),
    "add-document": ("documents",),  # Add files… or files dropped on the view
    "documents": ("documents", Act.GO_DOCUMENTS),
    "files": ("documents", "item"),
    "replace-file": (Act.REPLACE_FILE,),  # on the item shown (a document, a report…)
    "file-diff": ("documents",),  # a version's "compare" link
    "extract": ("documents",),  # run by itself after files are added
    "search": (Act.SEARCH, "search"),
    "similar": (Act.NEW, Act.EDIT_ITEM),  # the editor's "already known?" panel
    "who-knows": (Act.WHO_KNOWS,),
    "risks": ("risks",),
    "network": ("network",),
    "reindex": (Act.REINDEX,),
    "glossary": (Act.GLOSSARY,),
    "ask": (Act.ASK, "questions"),
    "answer": ("questions", "communities"),  # the question's page
    "accept": ("questions", "communities"),
    "promote": ("questions", "communities"),
    "mark": (Act.MARK_HELPED, Act.MARK_APPLIED),
    "stats": ("dashboard",),
    "questions": ("questions", Act.GO_QUESTIONS),
    "contributions": ("contributions", Act.GO_CONTRIBUTIONS),
    "identity": ("exchange",),
    "sites": ("exchange",),
    "trust": ("exchange",),
    "untrust": ("exchange",),
    "site": (Act.SITE_SETTINGS,),  # and the copy dialog when it opens
    "export": ("exchange",),
    "import": ("exchange",),
    "conflicts": ("conflicts",),
    "resolve": ("conflicts",),
    "sync-folder": ("exchange",),
    "gui": ("home",),  # the window itself
}


def test_every_command_has_a_place_in_the_window(qtbot, runner, tmp_path: Path) -> None:
    assert set(PLACES) == set(ORDER), sorted(set(ORDER) ^ set(PLACES))
    Workspace.create(tmp_path / "ws", site="Usine de Lyon").close()
    window = open_window(qtbot, runner, tmp_path / "ws", remember=False)
    in_menus = {
        action.objectName()
        for menu in window.menuBar().findChildren(QMenu)
        for action in menu.actions()
    }
    for command, places in PLACES.items():
        for place in places:
            if isinstance(place, Act):
                assert place.value in in_menus, (command, place)
            else:
                assert place in window.router.routes, (command, place)
    # and every action of the window is in a menu, reached with the keyboard
    assert {a.objectName() for a in window.registry} <= in_menus
    window.close()


def test_no_translate_call_hides_in_an_f_string() -> None:
    """lupdate does not read inside f-strings: a translate() there stays English."""
    import re

    gui = Path(__file__).resolve().parents[2] / "copdesk" / "gui"
    hidden = re.compile(r"""\bf(["']).*\{[^}]*\b(translate|self\.tr)\(""")
    offenders = [
        f"{path.name}:{n}"
        for path in gui.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line)
    ]
    assert offenders == []
