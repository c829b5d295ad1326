"""An import's preview and report list every item without building a row per item.

A 10,000-item bundle once filled a tree of widget items a thousand per turn of the event
loop, after deleting the preview's: the window stalled (issue 15). The list is now one
model reset, and a row is worded only when the view shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication

from copdesk.gui.exchange.imports import FIT_ROWS, ImportPanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ITEMS = 10_000


def items(n: int) -> list[dict[str, Any]]:
    return [
        {
            "id": f"{i:032x}",
            "title": f"Fuite hydraulique n° {i}",
            "kind": "rex",
            "outcome": "new",
            "deleted": False,
            "conflict": i == n - 1,
        }
        for i in range(n)
    ]


class Commands(QObject):
    """The window's CommandRunner, answering at once with what the child would print."""

    def __init__(self, results: list[dict[str, Any]]) -> None:
        super().__init__()
        self.results = results
        self.names: list[str] = []

    def run(self, command: Any, on_done: Any, on_error: Any = None) -> None:
        self.names.append(command.name)
        on_done(self.results.pop(0))


def result(n: int, **more: Any) -> dict[str, Any]:
    return {
        "file": "/tmp/grenoble.copdesk",
        "producer_name": "Site de Grenoble",
        "new": n,
        "updated": 0,
        "unchanged": 0,
        "conflicts": 1,
        "items": items(n),
        **more,
    }


def shown(panel: ImportPanel) -> None:
    """The list laid out and painted now, as the event loop would."""
    panel.items.doItemsLayout()
    panel.items.viewport().repaint()
    QApplication.processEvents()


@pytest.fixture
def panel(qtbot) -> ImportPanel:
    held = {
        "item": "f" * 32,
        "title": "Changer un joint torique",
        "kind": "howto",
        "site": "a" * 32,
        "site_name": "Usine de Metz",
        "reason": "untrusted",
        "why": "",
    }
    commands = Commands([result(ITEMS, held_back=[held]), result(ITEMS)])
    panel = ImportPanel(commands, None, lambda *_: None, lambda _: None)  # type: ignore[arg-type]
    qtbot.addWidget(panel)
    panel.resize(600, 500)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_a_10000_item_preview_is_one_reset_and_words_only_the_rows_shown(
    qtbot, panel: ImportPanel
) -> None:
    rows = panel.rows
    resets: list[int] = []  # the rows after each reset
    inserted: list[bool] = []
    rows.modelReset.connect(lambda: resets.append(rows.rowCount()))
    rows.rowsInserted.connect(lambda *_: inserted.append(True))

    panel.preview_import(Path("/tmp/grenoble.copdesk"))
    assert rows.rowCount() == ITEMS + 1  # every item is listed, the held one first
    assert resets == [0, ITEMS + 1] and not inserted  # "Reading…", then all at once
    shown(panel)
    # worded: the rows that fit the columns' widths, the rows on screen among them
    assert 0 < rows.worded <= FIT_ROWS
    assert panel.items.model() is rows

    first = rows.index(0, 2)
    assert rows.data(first) == "held back (Usine de Metz): its site is not trusted here"
    assert rows.data(first, Qt.ItemDataRole.ForegroundRole) is not None  # in red
    assert rows.data(rows.index(0, 0), Qt.ItemDataRole.UserRole) == "f" * 32
    last = ITEMS  # worded when asked for, like any row scrolled to
    assert rows.texts(last) == (
        f"Fuite hydraulique n° {ITEMS - 1}",
        "Experience report",
        "new, in conflict",
    )
    assert rows.data(rows.index(last, 0), Qt.ItemDataRole.UserRole) == f"{ITEMS - 1:032x}"

    panel.apply_import()  # the report replaces the preview: one reset again, none deleted
    assert panel.commands.names == ["preview", "import"]
    assert "Imported from Site de Grenoble: 10000 new" in panel.label.text()
    assert rows.rowCount() == ITEMS and resets == [0, ITEMS + 1, ITEMS] and not inserted
    shown(panel)
    assert 0 < rows.worded <= FIT_ROWS
