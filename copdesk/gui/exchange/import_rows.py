"""The rows of an import's preview or report, held as they came and worded when shown.

A bundle can bring 10,000 items. Built as 10,000 QTreeWidgetItems, the report held the
window: the rows of the preview had to be deleted (``clear``, about 60 ms) and the new
ones created, a thousand per turn of the event loop, each turn ~50 ms. This model keeps
the plain dicts the child process returned: showing a new list is one model reset, and a
row's words are made only when the view asks for them (the rows on screen).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

Cells = Callable[[dict[str, Any]], tuple[str, str, str]]  # item, kind, change
Index = QModelIndex | QPersistentModelIndex
HELD_COLOUR = QBrush(QColor("#9b1c1c"))


class ImportRows(QAbstractTableModel):
    """Revisions held back first (their reason in red), then the items, three columns."""

    def __init__(
        self, headers: Sequence[str], held_cells: Cells, item_cells: Cells, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self._held_cells, self._item_cells = held_cells, item_cells
        self._held: list[dict[str, Any]] = []
        self._items: list[dict[str, Any]] = []
        self._texts: dict[int, tuple[str, str, str]] = {}  # the rows worded so far
        self.worded = 0  # how many rows were given their words (they are on screen)

    def set_rows(self, held: Sequence[dict[str, Any]], items: Sequence[dict[str, Any]]) -> None:
        """Show these rows instead: one reset, nothing worded yet."""
        self.beginResetModel()
        self._held, self._items = list(held), list(items)
        self._texts = {}
        self.worded = 0
        self.endResetModel()

    def texts(self, row: int) -> tuple[str, str, str]:
        """The three cells of ``row``, as shown."""
        got = self._texts.get(row)
        if got is None:
            held = row < len(self._held)
            cells = self._held_cells if held else self._item_cells
            got = cells(self._held[row] if held else self._items[row - len(self._held)])
            self._texts[row] = got
            self.worded += 1
        return got

    def item_id(self, row: int) -> str:
        if row < len(self._held):
            return self._held[row]["item"]
        return self._items[row - len(self._held)]["id"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self._held) + len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(row)[col]
        if role == Qt.ItemDataRole.UserRole:
            return self.item_id(row)
        if role == Qt.ItemDataRole.ForegroundRole and col == 2 and row < len(self._held):
            return HELD_COLOUR
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None
