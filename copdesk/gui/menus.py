"""The menu bar and the window's keyboard shortcuts, in one place.

Every command of the window is a named QAction here (``actionNew``, ``actionSave``,
``actionPrint``, ``actionRefresh``…), reachable from the menu bar (with Alt
mnemonics) and by shortcut. ``MainWindow.actions_by_name`` maps the object names to
the actions, so the editors and other views connect to them instead of creating
second shortcuts, and the help dialog lists them, so it never goes stale.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from copdesk.gui import printing

if TYPE_CHECKING:
    from copdesk.gui.mainwindow import MainWindow

# Sidebar entries reached with Alt+1…Alt+7 (same order as the sidebar).
GO = ("home", "communities", "rex", "howto", "people", "skills", "exchange")


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def install_menus(window: MainWindow) -> dict[str, QAction]:
    """Build the menu bar of ``window``; returns its actions by object name."""
    actions: dict[str, QAction] = {}

    def make(
        name: str,
        text: str,
        shortcut: QKeySequence | str | None = None,
        slot: Callable[[], Any] | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, window)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        if slot is not None:
            action.triggered.connect(slot)
        window.addAction(action)  # shortcuts work even with the menu bar hidden
        actions[name] = action
        return action

    def later() -> None:
        window.statusBar().showMessage(
            translate("Menus", "This command arrives in a later version."), 4000
        )

    bar = window.menuBar()
    file = bar.addMenu(translate("Menus", "&File"))
    file.addAction(make("actionNew", translate("Menus", "&New experience report"), "Ctrl+N", later))
    file.addAction(
        make("actionSave", translate("Menus", "&Save"), QKeySequence.StandardKey.Save, later)
    )
    file.addSeparator()
    file.addAction(
        make(
            "actionPrint",
            translate("Menus", "&Print…"),
            "Ctrl+P",
            lambda: print_current(window, pdf=False),
        )
    )
    file.addAction(
        make(
            "actionExportPdf",
            translate("Menus", "&Export as PDF…"),
            "Ctrl+Shift+P",
            lambda: print_current(window, pdf=True),
        )
    )
    file.addSeparator()
    file.addAction(
        make("actionSettings", translate("Menus", "Se&ttings…"), "Ctrl+,", lambda: settings(window))
    )
    file.addSeparator()
    file.addAction(make("actionQuit", translate("Menus", "&Quit"), "Ctrl+Q", window.close))

    edit = bar.addMenu(translate("Menus", "&Edit"))
    search = window.findChild(QAction, "actionSearch")
    if search is None:  # the window's own Ctrl+K action, else one made here
        search = make(
            "actionSearch", translate("Menus", "&Search everywhere"), "Ctrl+K", window.focus_search
        )
    actions["actionSearch"] = search
    edit.addAction(search)
    edit.addSeparator()
    edit.addAction(
        make(
            "actionReindex",
            translate("Menus", "Rebuild the search &index"),
            None,
            window.reindex,
            translate("Menus", "Rebuild the search index from the database (in the background)"),
        )
    )

    view = bar.addMenu(translate("Menus", "&View"))
    view.addAction(
        make(
            "actionRefresh",
            translate("Menus", "&Refresh"),
            "F5",
            lambda: window.show_view(window.current_view),
        )
    )

    go = bar.addMenu(translate("Menus", "&Go"))
    labels = {
        "home": translate("Menus", "&Home"),
        "communities": translate("Menus", "&Communities"),
        "rex": translate("Menus", "&Experience reports"),
        "howto": translate("Menus", "&Know-how sheets"),
        "people": translate("Menus", "&People"),
        "skills": translate("Menus", "S&kills"),
        "exchange": translate("Menus", "E&xchange"),
    }
    for number, name in enumerate(GO, 1):

        def go_to(_: bool = False, name: str = name) -> None:
            window.search_field.clear()
            window.show_view(name)

        go.addAction(make(f"actionGo_{name}", labels[name], f"Alt+{number}", go_to))
    from copdesk.gui.contributions import show_my_contributions

    mine = translate("Menus", "&My contributions")
    go.addAction(make("actionGo_contributions", mine, None, lambda: show_my_contributions(window)))

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addAction(
        make(
            "actionShortcuts",
            translate("Menus", "&Keyboard shortcuts"),
            QKeySequence.StandardKey.HelpContents,
            lambda: show_shortcuts(window),
        )
    )
    if actions["actionShortcuts"].shortcut().isEmpty():  # no help key on this platform
        actions["actionShortcuts"].setShortcut(QKeySequence("F1"))
    help_menu.addAction(
        make("actionAbout", translate("Menus", "&About copdesk"), None, lambda: about(window))
    )
    return actions


def shortcut_rows(window: MainWindow) -> list[tuple[str, str]]:
    """(command, shortcut) for every action of the window that has a shortcut: the menu
    bar's in menu order, then those other parts of the window added (Edit, Ctrl+E…)."""
    named = list(window.actions_by_name.values())
    others = [a for a in window.findChildren(QAction) if a not in named]
    rows = []
    for action in named + others:
        keys = action.shortcut()
        if not keys.isEmpty() and action.text():
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((text.rstrip("…"), keys.toString(QKeySequence.SequenceFormat.NativeText)))
    return rows


def show_shortcuts(window: MainWindow) -> None:
    from copdesk.gui.help import ShortcutsDialog

    ShortcutsDialog(shortcut_rows(window), window).open()


def about(window: MainWindow) -> None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        number = version("copdesk")
    except PackageNotFoundError:
        number = "?"
    QMessageBox.about(
        window,
        translate("Menus", "About copdesk"),
        translate(
            "Menus",
            "copdesk %1 — experience reports, know-how sheets and skills for communities "
            "of practice.",
        ).replace("%1", number),
    )


def settings(window: MainWindow) -> None:
    from copdesk.gui.language import SettingsDialog

    SettingsDialog(window).open()


def print_current(window: MainWindow, *, pdf: bool) -> None:
    """Print (or export as PDF) the report or sheet shown in the reading pane."""
    item_id = window.current_item
    if item_id is None:
        window.statusBar().showMessage(
            translate("Menus", "Open an experience report or know-how sheet first.")
        )
        return

    def done(data: dict[str, Any]) -> None:
        if data["item"]["kind"] not in printing.PRINTABLE:
            window.statusBar().showMessage(
                translate("Menus", "Only experience reports and know-how sheets can be printed."),
                5000,
            )
            return
        if not pdf:
            printing.print_sheet(data, window)
            return
        title = str(data["item"].get("title") or "copdesk")
        name = "".join(c if c.isalnum() or c in " -_" else "_" for c in title)[:80].strip()
        path, _ = QFileDialog.getSaveFileName(
            window,
            translate("Menus", "Export as PDF"),
            f"{name or 'copdesk'}.pdf",
            translate("Menus", "PDF files (*.pdf)"),
        )
        if path:
            printing.export_pdf(data, Path(path))
            window.statusBar().showMessage(translate("Menus", "Saved %1").replace("%1", path), 5000)

    window.runner.submit(printing.sheet_data(item_id), done, window.show_error)
