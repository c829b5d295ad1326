"""The Conflicts view: items edited at two sites at once, their versions side by side.

Resolving writes one revision whose parents are all the versions, so the
resolution travels to the other sites like any edit. "Keep this version" takes
one version whole; "Merge…" sets chosen fields over the shown version.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk.errors import BadInput, CopdeskError
from copdesk.gui import write_jobs
from copdesk.gui.change import Flag, Interest
from copdesk.gui.labels import field_label_of, kind_label, short_date
from copdesk.gui.loads import Loads
from copdesk.gui.markup import esc
from copdesk.model.kinds import INT, KINDS, LIST, MARKDOWN, REF, REFS
from copdesk.workspace import Workspace

DIFFER_BACKGROUND = QColor("#fff4c2")
MAX_ROW_HEIGHT = 110  # long texts show their start; the tooltip has all of it
EMPTY = "—"


def _title(ws: Workspace, ref: str, cache: dict[str, str]) -> str:
    if ref not in cache:
        try:
            item = ws.items.get(ref)
            cache[ref] = str(item.get("title") or item.get("name") or ref[:8])
        except CopdeskError:
            cache[ref] = ref[:8]
    return cache[ref]


def _display(ws: Workspace, kind: str, name: str, value: Any, cache: dict[str, str]) -> str:
    """A field value as a person reads it: names instead of ids, lists joined."""
    spec = KINDS.get(kind)
    field = spec.by_name.get(name) if spec else None
    if value is None or value == "" or value == []:
        return ""
    if field is not None and field.type == REF and isinstance(value, str):
        return _title(ws, value, cache)
    if field is not None and field.type == REFS and isinstance(value, list):
        return ", ".join(_title(ws, str(v), cache) for v in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def conflict_list(ws: Workspace) -> list[dict[str, Any]]:
    """Every item in conflict with its versions, values readable (run on the worker)."""
    cache: dict[str, str] = {}
    found = ws.conflicts.list()
    for c in found:
        spec = KINDS.get(c["kind"])
        present = {k for v in c["versions"] for k in v["content"]}
        order = [f.name for f in spec.fields] if spec else []
        c["fields"] = [f for f in order if f in present] + sorted(present - set(order))
        c["title"] = c["title"] or _title(ws, c["id"], cache)
        for v in c["versions"]:
            v["display"] = {
                f: _display(ws, c["kind"], f, v["content"].get(f), cache) for f in c["fields"]
            }
    return found


def version_title(v: dict[str, Any]) -> str:
    return str(v.get("site_name") or v["site"][:8])


class MergeDialog(QDialog):
    """The fields that differ, prefilled with the shown version; each can take another
    version's value or be rewritten. Only fields changed from the shown version are sent."""

    def __init__(self, conflict: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Merge the versions of %1").replace("%1", conflict["title"]))
        self.conflict = conflict
        self.versions = conflict["versions"]
        self.shown = next((v for v in self.versions if v["shown"]), self.versions[0])
        self.editors: dict[str, QLineEdit | QPlainTextEdit] = {}
        kind = conflict["kind"]
        form_host = QWidget(self)
        form = QFormLayout(form_host)
        for name in conflict["differ"]:
            spec = KINDS.get(kind)
            f = spec.by_name.get(name) if spec else None
            text = self.shown["display"].get(name, "")
            multi = (f is not None and f.type == MARKDOWN) or "\n" in text
            editor: QLineEdit | QPlainTextEdit
            if multi:
                editor = QPlainTextEdit(text, form_host)
                editor.setMinimumHeight(80)
            else:
                editor = QLineEdit(text, form_host)
            editor.setObjectName(f"merge_{name}")
            self.editors[name] = editor
            pick = QComboBox(form_host)
            pick.addItem(self.tr("Take from…"), None)
            for i, v in enumerate(self.versions):
                pick.addItem(version_title(v), i)
            pick.activated.connect(lambda _=0, n=name, p=pick: self._take(n, p.currentData()))
            row = QHBoxLayout()
            row.addWidget(editor, 1)
            row.addWidget(pick, 0, Qt.AlignmentFlag.AlignTop)
            form.addRow(field_label_of(kind, name), row)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        hint = QLabel(
            self.tr(
                "Fields you leave as they are keep the shown version's value (from %1)."
            ).replace("%1", version_title(self.shown)),
            self,
        )
        hint.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #9b1c1c;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Resolve with this"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def _take(self, name: str, index: int | None) -> None:
        if index is not None:
            self.set_text(name, self.versions[index]["display"].get(name, ""))

    def set_text(self, name: str, text: str) -> None:
        editor = self.editors[name]
        if isinstance(editor, QPlainTextEdit):
            editor.setPlainText(text)
        else:
            editor.setText(text)

    def text(self, name: str) -> str:
        editor = self.editors[name]
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()

    def changes(self) -> dict[str, Any]:
        """The fields to set over the shown version (raises BadInput on a bad number)."""
        out: dict[str, Any] = {}
        spec = KINDS.get(self.conflict["kind"])
        for name in self.editors:
            text = self.text(name)
            if text == self.shown["display"].get(name, ""):
                continue
            same = [v for v in self.versions if v["display"].get(name, "") == text]
            if same:  # another version's value, taken as it is stored (ids, not names)
                out[name] = same[0]["content"].get(name)
                continue
            f = spec.by_name.get(name) if spec else None
            kind = f.type if f is not None else None
            if kind == INT:
                try:
                    out[name] = int(text.strip()) if text.strip() else None
                except ValueError:
                    raise BadInput(
                        self.tr("%1 must be a whole number").replace(
                            "%1", field_label_of(self.conflict["kind"], name)
                        )
                    ) from None
            elif kind in (LIST, REFS):
                out[name] = [s.strip() for s in text.split(",") if s.strip()]
            elif kind == REF:
                out[name] = text.strip() or None
            else:
                out[name] = text
        return out

    def _accept(self) -> None:
        try:
            self.changes()
        except BadInput as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()


class ConflictsView(QWidget):
    """The list of items in conflict and, for the selected one, its versions side by side."""

    SHOWS: ClassVar[Interest] = Interest.of(flags=[Flag.CONFLICTS])
    loaded = Signal()
    resolved = Signal(str)
    itemRequested = Signal(str)

    def __init__(self, loads: Loads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflictsView")
        self.loads = loads
        self.found: list[dict[str, Any]] = []
        self.current: dict[str, Any] | None = None
        self.merge_dialog: MergeDialog | None = None

        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSpacing(3)
        self.list.currentItemChanged.connect(self._selected)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.linkActivated.connect(lambda url: self.itemRequested.emit(url[8:]))
        self.table = QTableWidget(self)
        self.table.setObjectName("versionTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setWordWrap(True)
        self.table.setShowGrid(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().sectionResized.connect(self._fit_rows)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.verticalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )
        self.merge_button = QPushButton(self.tr("Merge…"), self)
        self.merge_button.setToolTip(self.tr("Write a version that takes fields from each"))
        self.merge_button.clicked.connect(self.open_merge)
        self.empty = QLabel(self.tr("No conflicts: every item has one version."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #6b7280;")

        right = QWidget(self)
        box = QVBoxLayout(right)
        box.setContentsMargins(8, 0, 0, 0)
        box.addWidget(self.heading)
        box.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        box.addLayout(buttons)
        self.details = right
        self.split = QSplitter(Qt.Orientation.Horizontal, self)
        self.split.addWidget(self.list)
        self.split.addWidget(right)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([260, 800])
        self.split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.split, 1)
        layout.addWidget(self.empty, 1)
        self._show(None)

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, _: str | None = None) -> None:
        self.refresh()

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> int:
        """Reload the conflicts on the worker; returns the job id."""
        return self.loads.load("conflicts", conflict_list, self.show_conflicts)

    def show_conflicts(self, found: list[dict[str, Any]]) -> None:
        keep = self.current["id"] if self.current else None
        self.found = found
        self.list.blockSignals(True)
        self.list.clear()
        for c in found:
            entry = QListWidgetItem(f"{c['title']}\n{kind_label(c['kind'])}", self.list)
            entry.setToolTip(c["title"])
            entry.setData(Qt.ItemDataRole.UserRole, c["id"])
        self.list.blockSignals(False)
        ids = [c["id"] for c in found]
        self.split.setVisible(bool(found))
        self.empty.setVisible(not found)
        if found:
            self.select(keep if keep in ids else ids[0])
        else:
            self._show(None)
        self.loaded.emit()

    def select(self, item_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                self.list.setCurrentRow(row)
                self._show(self.found[row])

    def _selected(self, current: QListWidgetItem | None, _: object) -> None:
        if current is not None:
            self._show(self.found[self.list.row(current)])

    def _show(self, c: dict[str, Any] | None) -> None:
        self.current = c
        self.table.clear()
        self.merge_button.setEnabled(c is not None)
        if c is None:
            self.heading.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            return
        versions = c["versions"]
        self.heading.setText(
            f"<span style='font-size:14pt; font-weight:600'>"
            f"<a href='copdesk:{c['id']}' style='text-decoration:none; color:#1f2937'>"
            f"{esc(c['title'])}</a>"
            f"</span> &nbsp; <span style='color:#6b7280'>{esc(kind_label(c['kind']))}</span><br>"
            + esc(
                self.tr(
                    "Edited at two sites before they exchanged. Differing fields are highlighted."
                )
            )
        )
        fields = c["fields"]
        self.table.setColumnCount(len(versions))
        self.table.setRowCount(len(fields) + 1)
        headers = []
        for v in versions:
            author = v.get("author_name") or self.tr("unknown author")
            head = f"{version_title(v)} — {author}"
            head += f"\n{short_date(v['at'])}"
            if v["shown"]:
                head += " " + self.tr("(shown now)")
            headers.append(head)
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setVerticalHeaderLabels(["", *(field_label_of(c["kind"], f) for f in fields)])
        bold = QFont(self.table.font())
        bold.setBold(True)
        for col, v in enumerate(versions):
            keep = QPushButton(self.tr("Keep this version"), self.table)
            keep.setObjectName(f"keep_{v['rev_id'][:12]}")
            keep.clicked.connect(lambda _=False, rev=v["rev_id"]: self.keep(rev))
            host = QWidget(self.table)
            row = QHBoxLayout(host)
            row.setContentsMargins(4, 2, 4, 2)
            row.addWidget(keep)
            row.addStretch(1)
            self.table.setCellWidget(0, col, host)
            for r, f in enumerate(fields, start=1):
                cell = QTableWidgetItem(v["display"].get(f) or EMPTY)
                cell.setToolTip(v["display"].get(f) or "")
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                if f in c["differ"]:
                    cell.setBackground(QBrush(DIFFER_BACKGROUND))
                    cell.setFont(bold)
                self.table.setItem(r, col, cell)
        for r, f in enumerate(fields, start=1):
            if f in c["differ"]:
                self.table.verticalHeaderItem(r).setFont(bold)
        self._fit_rows()
        QTimer.singleShot(0, self, self._fit_rows)  # again once the columns have their width

    def _fit_rows(self, *_: object) -> None:
        """Rows follow the column widths, up to a few lines each."""
        self.table.resizeRowsToContents()
        for r in range(1, self.table.rowCount()):
            if self.table.rowHeight(r) > MAX_ROW_HEIGHT:
                self.table.setRowHeight(r, MAX_ROW_HEIGHT)

    def keep(self, rev_id: str) -> int | None:
        """Resolve the current conflict by keeping one version whole."""
        if self.current is None:
            return None
        return self._resolve(write_jobs.resolve_conflict(self.current["id"], keep=rev_id))

    def merge(self, changes: dict[str, Any]) -> int | None:
        """Resolve the current conflict with fields set over the shown version."""
        if self.current is None:
            return None
        return self._resolve(write_jobs.resolve_conflict(self.current["id"], changes=changes))

    def open_merge(self) -> MergeDialog | None:
        """Open the merge form (not modal-blocking: tests fill it and accept it)."""
        if self.current is None:
            return None
        dialog = MergeDialog(self.current, self)
        dialog.accepted.connect(lambda: self.merge(dialog.changes()))
        dialog.open()
        self.merge_dialog = dialog
        return dialog

    def _resolve(self, job: write_jobs.Write) -> int:
        """Write the resolution; its Change reloads this list (and whatever shows the item)."""
        self.setEnabled(False)

        def done(item: dict[str, Any]) -> None:
            self.setEnabled(True)
            self.current = None
            self.resolved.emit(item["id"])

        def failed(exc: BaseException) -> None:
            self.setEnabled(True)
            self.loads.failed.emit(exc)

        return self.loads.perform(job, done, failed)
