"""The menu bar, and what its commands that are not views do (print, settings, help).

The commands themselves are named and made once in :mod:`copdesk.gui.actions`; the
menu bar lays them out by their spec's menu (with Alt mnemonics), and the shortcuts
help lists them, so it never goes stale. The functions here take what they need
(the worker, the item shown, a parent widget), never the window itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenuBar, QWidget

from copdesk.gui import printing
from copdesk.gui.actions import MENUS, Actions, menu_titles
from copdesk.gui.worker import WorkspaceRunner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def install_menus(bar: QMenuBar, actions: Actions) -> None:
    """Fill the menu bar with every command, in the order of their specs."""
    titles = menu_titles()
    menus = {name: bar.addMenu(titles[name]) for name in MENUS}
    for spec in actions.specs:
        menu = menus[spec.menu]
        if spec.separated:
            menu.addSeparator()
        menu.addAction(actions[spec.name])


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    """(command, shortcut) for every action that has a shortcut, in menu order."""
    rows = []
    for action in actions:
        keys = action.shortcut()
        if not keys.isEmpty() and action.text():
            text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            rows.append((text.rstrip("…"), keys.toString(QKeySequence.SequenceFormat.NativeText)))
    return rows


def show_shortcuts(actions: Iterable[QAction], parent: QWidget) -> None:
    from copdesk.gui.help import ShortcutsDialog

    ShortcutsDialog(shortcut_rows(actions), parent).open()


def settings(parent: QWidget) -> None:
    from copdesk.gui.language import SettingsDialog

    SettingsDialog(parent).open()


def print_current(
    runner: WorkspaceRunner,
    item_id: str | None,
    parent: QWidget,
    say: Callable[..., None],
    on_error: Callable[[BaseException], Any],
    *,
    pdf: bool,
) -> None:
    """Print (or export as PDF) the report or sheet ``item_id`` shown in the reading pane."""
    if item_id is None:
        say(translate("Menus", "Open an experience report or know-how sheet first."))
        return

    def done(data: dict[str, Any]) -> None:
        if data["item"]["kind"] not in printing.PRINTABLE:
            say(
                translate("Menus", "Only experience reports and know-how sheets can be printed."),
                5000,
            )
            return
        if not pdf:
            printing.print_sheet(data, parent)
            return
        path, _ = QFileDialog.getSaveFileName(
            parent,
            translate("Menus", "Export as PDF"),
            printing.pdf_file_name(str(data["item"].get("title") or "")),
            translate("Menus", "PDF files (*.pdf)"),
        )
        if path:
            printing.export_pdf(data, Path(path))
            say(translate("Menus", "Saved %1").replace("%1", path), 5000)

    runner.submit(printing.sheet_data(item_id), done, on_error)
