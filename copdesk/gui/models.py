"""The item list model: holds the rows the worker delivered, shows them a page at a time.

A workspace may hold 100,000 reports; the view only ever asks for the rows it has
fetched (``canFetchMore``/``fetchMore``), so scrolling and resizing stay fast, and
sorting reorders plain Python tuples without touching the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from copdesk.gui.labels import choice_label
from copdesk.model.text import fold

PAGE = 256
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class Column(NamedTuple):
    key: str
    label: str  # source text, translated when shown


LEVELS = {0: "0", 1: "1 (I)", 2: "2 (L)", 3: "3 (U)", 4: "4 (O)"}  # ILUO shop-floor scale
# Each kind's columns: the row key and its header (marked for lupdate, translated in
# headerData).
COLUMNS: dict[str, tuple[Column, ...]] = {
    "rex": (
        Column("title", QT_TRANSLATE_NOOP("ItemTableModel", "Title")),
        Column("priority", QT_TRANSLATE_NOOP("ItemTableModel", "Priority")),
        Column("status", QT_TRANSLATE_NOOP("ItemTableModel", "Status")),
        Column("community_name", QT_TRANSLATE_NOOP("ItemTableModel", "Community")),
        Column("site", QT_TRANSLATE_NOOP("ItemTableModel", "Site")),
        Column("occurred_on", QT_TRANSLATE_NOOP("ItemTableModel", "Occurred")),
        Column("updated_at", QT_TRANSLATE_NOOP("ItemTableModel", "Updated")),
    ),
    "howto": (
        Column("title", QT_TRANSLATE_NOOP("ItemTableModel", "Title")),
        Column("status", QT_TRANSLATE_NOOP("ItemTableModel", "Status")),
        Column("community_name", QT_TRANSLATE_NOOP("ItemTableModel", "Community")),
        Column("activity", QT_TRANSLATE_NOOP("ItemTableModel", "Activity")),
        Column("required_level", QT_TRANSLATE_NOOP("ItemTableModel", "Level")),
        Column("updated_at", QT_TRANSLATE_NOOP("ItemTableModel", "Updated")),
    ),
    "community": (
        Column("title", QT_TRANSLATE_NOOP("ItemTableModel", "Name")),
        Column("form", QT_TRANSLATE_NOOP("ItemTableModel", "Form")),
        Column("stage", QT_TRANSLATE_NOOP("ItemTableModel", "Stage")),
        Column("status", QT_TRANSLATE_NOOP("ItemTableModel", "Status")),
        Column("updated_at", QT_TRANSLATE_NOOP("ItemTableModel", "Updated")),
    ),
    "person": (
        Column("title", QT_TRANSLATE_NOOP("ItemTableModel", "Name")),
        Column("job_title", QT_TRANSLATE_NOOP("ItemTableModel", "Job title")),
        Column("site", QT_TRANSLATE_NOOP("ItemTableModel", "Site")),
        Column("department", QT_TRANSLATE_NOOP("ItemTableModel", "Department")),
    ),
    "skill": (
        Column("title", QT_TRANSLATE_NOOP("ItemTableModel", "Name")),
        Column("domain", QT_TRANSLATE_NOOP("ItemTableModel", "Domain")),
        Column("updated_at", QT_TRANSLATE_NOOP("ItemTableModel", "Updated")),
    ),
}


WORDED = ("status", "form", "stage")  # codes shown as words
# Columns offered as filters above a list (their distinct values in a menu).
FILTER_KEYS = ("community_name", "site", "status", "priority", "form", "stage", "domain")
UPDATED_WITHIN = (7, 30, 365)  # days offered by the "updated" filter

PRIORITY_COLOURS = {"red": "#d64545", "yellow": "#e0a526", "blue": "#3b7dd8", "green": "#3c9a5f"}


@cache
def priority_icon(priority: str) -> QIcon | None:
    """A small coloured dot: priorities are read at a glance, not as words."""
    colour = PRIORITY_COLOURS.get(priority)
    if colour is None:
        return None
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


DATES = {"updated_at": True, "occurred_on": False}  # columns of dates: with their time?


def _cell(key: str, value: Any) -> str:
    """A cell as held: words for codes (in the interface language, built on the worker);
    dates stay ISO, so they sort and filter as dates, and are shown in the user's
    locale (:func:`shown`)."""
    if value is None:
        return ""
    if key == "required_level":
        return LEVELS.get(value, str(value))
    if key in WORDED or key == "priority":  # the words, not the stored code
        return choice_label(str(value))
    return str(value)


@lru_cache(maxsize=8192)
def _date_text(value: str, with_time: bool, locale: str) -> str:
    from copdesk.gui.language import format_date, format_datetime

    return format_datetime(value) if with_time else format_date(value)


def shown(key: str, cell: str) -> str:
    """A held cell as the table shows it: dates in the user's locale (local time)."""
    if key in DATES and cell:
        return _date_text(cell, DATES[key], QLocale().name())
    return cell


@cache
def _priority_codes() -> dict[str, str]:
    """Priority words (both languages) -> their code, for the coloured dot."""
    from copdesk import messages

    return {
        messages.label(code, language): code
        for code in PRIORITY_COLOURS
        for language in messages.LANGUAGES
    }


def _haystack(cells: Sequence[str], tags: Sequence[str] | None) -> str:
    """What the list's filter box matches: every cell and tag, accents and case folded."""
    return fold(" ".join([*cells, *(tags or ())]))


class PreparedRows:
    """A list's rows as the table shows them, built on the worker: ids and cells only.

    Building 100,000 rows of cells took about 0.2 s, too long for the GUI thread. The
    row dicts (each with a list of tags: objects the garbage collector tracks) die on
    the worker as soon as this is built; had they travelled to the model, their
    mass triggered full collections that held the GIL for over 100 ms at a time.
    Tuples of strings are untracked by the collector after its first look.
    """

    def __init__(self, kind: str, rows: Sequence[dict[str, Any]]) -> None:
        keys = [c.key for c in COLUMNS[kind]]
        self.kind = kind
        self.ids = [r["id"] for r in rows]
        self.cells = [tuple(_cell(k, r.get(k)) for k in keys) for r in rows]
        self.texts = [_haystack(c, r.get("tags")) for c, r in zip(self.cells, rows, strict=True)]

    def __len__(self) -> int:
        return len(self.ids)


class ItemTableModel(QAbstractTableModel):
    """Rows of one kind of item; ``set_rows`` replaces them, the view fetches pages."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = "rex"
        self._columns: tuple[Column, ...] = COLUMNS["rex"]
        self._ids: list[str] = []
        self._cells: list[tuple[str, ...]] = []
        self._all: tuple[list[str], list[tuple[str, ...]], list[str]] = ([], [], [])
        self._filter: tuple[str, dict[int, str], str] = ("", {}, "")
        self._shown = 0
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # -- feeding -------------------------------------------------------------------

    def set_rows(self, kind: str, rows: Sequence[dict[str, Any]] | PreparedRows) -> None:
        """Replace the content (rows as the worker delivers them) and show the first page."""
        self.beginResetModel()
        self.kind = kind
        self._columns = COLUMNS[kind]
        keys = [c.key for c in self._columns]
        if isinstance(rows, PreparedRows):
            if rows.kind != kind:
                raise ValueError(f"rows of {rows.kind}, not {kind}")
            self._all = (rows.ids, rows.cells, rows.texts)  # the model owns them from now on
        else:
            cells = [tuple(_cell(k, r.get(k)) for k in keys) for r in rows]
            texts = [_haystack(c, r.get("tags")) for c, r in zip(cells, rows, strict=True)]
            self._all = ([r["id"] for r in rows], cells, texts)
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        """Apply the filter and the sort to the held rows; show the first page."""
        text, equals, since = self._filter
        ids, cells, texts = self._all
        if text or equals or since:
            words = fold(text).split()
            updated = next((i for i, c in enumerate(self._columns) if c.key == "updated_at"), None)
            keep = [
                i
                for i in range(len(ids))
                if all(w in texts[i] for w in words)
                and all(cells[i][col] == value for col, value in equals.items())
                and (not since or updated is None or cells[i][updated] >= since)
            ]
            self._ids = [ids[i] for i in keep]
            self._cells = [cells[i] for i in keep]
        else:
            self._ids, self._cells = ids, cells
        if self._sort is not None and self._sort[0] < len(self._columns):
            self._apply_sort(*self._sort)
        self._shown = min(PAGE, len(self._ids))

    def set_filter(
        self, text: str = "", equals: dict[str, str] | None = None, since: str = ""
    ) -> None:
        """Show only rows whose cells and tags hold every word of ``text``, whose columns
        (by key) equal ``equals``, and updated on or after ``since`` (YYYY-MM-DD)."""
        keys = [c.key for c in self._columns]
        cols = {keys.index(k): v for k, v in (equals or {}).items() if k in keys and v}
        self.beginResetModel()
        self._filter = (text.strip(), cols, since)
        self._refilter()
        self.endResetModel()

    def filter_values(self) -> dict[str, list[str]]:
        """Distinct values of each filterable column among all held rows."""
        out = {}
        for col, c in enumerate(self._columns):
            if c.key in FILTER_KEYS:
                out[c.key] = sorted({row[col] for row in self._all[1]} - {""}, key=str.casefold)
        return out

    def clear_sort(self) -> None:
        """Back to the worker's order (newest first) at the next ``set_rows``."""
        self._sort = None

    @property
    def total(self) -> int:
        """Rows that pass the filter, shown or not yet fetched."""
        return len(self._ids)

    @property
    def held(self) -> int:
        """Rows held, filtered out or not."""
        return len(self._all[0])

    def id_at(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, item_id: str) -> int | None:
        """Row of an item, fetching pages up to it (for opening an item from elsewhere)."""
        try:
            row = self._ids.index(item_id)
        except ValueError:
            return None
        if row >= self._shown:
            self.beginInsertRows(QModelIndex(), self._shown, row)
            self._shown = row + 1
            self.endInsertRows()
        return row

    # -- Qt model interface ----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and self._shown < len(self._ids)

    def fetchMore(self, parent: _Index) -> None:
        if parent.isValid():
            return
        more = min(PAGE, len(self._ids) - self._shown)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self._shown, self._shown + more - 1)
        self._shown += more
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self._shown:
            return None
        column = self._columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return shown(column.key, self._cells[index.row()][index.column()])
        if role == Qt.ItemDataRole.DecorationRole and column.key == "priority":
            cell = self._cells[index.row()][index.column()]
            return priority_icon(_priority_codes().get(cell, cell))
        if role == ID_ROLE:
            return self._ids[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return QCoreApplication.translate("ItemTableModel", self._columns[section].label)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort every held row (not only the fetched ones), then show the first page again."""
        if not 0 <= column < len(self._columns):
            return
        self.beginResetModel()
        self._sort = (column, order)
        self._apply_sort(column, order)
        self._shown = min(PAGE, len(self._ids))
        self.endResetModel()

    def _apply_sort(self, column: int, order: Qt.SortOrder) -> None:
        pairs = sorted(
            zip(self._ids, self._cells, strict=True),
            key=lambda p: p[1][column].casefold(),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._ids = [p[0] for p in pairs]
        self._cells = [p[1] for p in pairs]
