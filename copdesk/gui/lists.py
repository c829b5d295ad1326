"""The list of a kind: filters on top, a sortable table, a page of rows at a time.

Rows are read and their cells prepared on the worker (:func:`read_jobs.list_items`);
the table only shows them. The list shows names of communities and people beside
each row, so it reloads when items of its kind, a community or a person change.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui import access, read_jobs
from copdesk.gui.change import NONE, Interest
from copdesk.gui.filterbar import FilterBar
from copdesk.gui.loads import Loads
from copdesk.gui.models import ID_ROLE, ItemTableModel

FIT_ROWS = 100  # rows looked at when columns fit their content


class ListPage(QWidget):
    """The filter bar and the table of one kind. ``rowChosen(id)``: a row became current.

    ``reading()`` tells whether the reading pane already shows an item: if not, the
    first row is opened, so the pane is never empty beside a list.
    """

    rowChosen = Signal(str)

    def __init__(
        self, loads: Loads, reading: Callable[[], bool], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.loads = loads
        self.reading = reading
        self.kind: str | None = None  # the kind shown
        self.deleted = False  # the deleted items instead (View ▸ Show deleted items)
        self._asked: tuple[str, str | None] | None = None  # the kind asked for, and the row

        self.model = ItemTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("itemTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click: back to newest first
        # fitting columns to their content reads the first rows only: Qt's default of
        # 1,000 rows asked Python for every cell of them (opening or re-translating a list
        # of 60,000 reports blocked the window 83-130 ms)
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # arrows move between rows; Tab leaves the list
        self.table.setAccessibleName(self.tr("Items"))
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._filter_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)

    def interest(self) -> Interest:
        kind = (self._asked or (self.kind, None))[0]
        return Interest.of([kind, "community", "person"]) if kind else NONE

    def show_kind(self, kind: str, select: str | None = None) -> None:
        """List ``kind`` (on the worker), then select ``select`` or the first row."""
        self._asked = (kind, select)

        def done(rows: Any) -> None:
            self._asked = None
            changed = kind != self.kind
            if changed:  # the sort and filters of another kind mean nothing here
                self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
                self.model.clear_sort()
                self.model.set_filter()
            self.model.set_rows(kind, rows)
            self.filter_bar.set_columns(self.model.filter_values(), keep=not changed)
            access.name_controls(self.filter_bar)
            access.tab_order([self.filter_bar, self.table])  # its new menus, in their place
            self.filter_bar.show_count(self.model.total, self.model.held)
            self.kind = kind
            if changed:
                self._fit_columns()
            if select is not None:
                self.select_row(select)
            elif not self.reading() and self.model.rowCount():
                self.table.selectRow(0)  # the reading pane is never empty next to a list

        self.loads.load("list", read_jobs.list_items(kind, self.deleted), done)

    def show_deleted(self, on: bool) -> None:
        """List the deleted items of the kind (each can be restored from its history)."""
        self.deleted = on
        self.reload()

    def reload(self) -> None:
        """The same list again, fresh (a Change touched it), the same row current."""
        current = self.table.currentIndex()
        shown = current.data(ID_ROLE) if current.isValid() else None
        kind, select = self._asked or (self.kind, shown)
        if kind is not None:
            self.show_kind(kind, select)

    def _filter_changed(self, text: str, equals: dict[str, str], since: str) -> None:
        self.model.set_filter(text, equals, since)
        self.filter_bar.show_count(self.model.total, self.model.held)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _fit_columns(self) -> None:
        """Short columns fit their content (capped); the title gets the rest, or 45 %."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        scrollbar = self.table.verticalScrollBar().sizeHint().width()  # may appear later
        width = (self.table.viewport().width() or 800) - scrollbar
        count = self.model.columnCount()
        for col in range(1, count):
            header.resizeSection(col, min(header.sectionSize(col), 150))
        others = sum(header.sectionSize(c) for c in range(1, count))
        header.resizeSection(0, max(width - others, int(width * 0.45), 200))

    def select_row(self, item_id: str) -> None:
        """Make the row of ``item_id`` current, quietly (the pane shows it already)."""
        row = self.model.row_of(item_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)
        center = QAbstractItemView.ScrollHint.PositionAtCenter
        QTimer.singleShot(0, self.table, lambda: self.table.scrollTo(index, center))  # after layout

    def _row_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        if item_id:
            self.rowChosen.emit(item_id)
