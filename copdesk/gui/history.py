"""The history view: an item's revisions, a side-by-side diff of any two, restore.

Nothing is ever overwritten in copdesk, so the history is where a reader checks
who changed what, compares two versions field by field (long texts line by line)
and makes an older version current again. Revisions and their contents come from
the worker; the diff is computed here, on plain strings.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk import messages
from copdesk.errors import CopdeskError
from copdesk.gui import write_jobs
from copdesk.gui.change import Interest
from copdesk.gui.labels import kind_label, short_date, ui_language
from copdesk.gui.read_jobs import title_of
from copdesk.gui.views import SafeBrowser
from copdesk.model.kinds import DATE, ENUM, KINDS, LIST, MARKDOWN, REF, REFS
from copdesk.workspace import Workspace

Load = Callable[[str, Callable[[Workspace], Any], Callable[[Any], None]], None]
Perform = Callable[[write_jobs.Write, Callable[[Any], None]], Any]
REV_ROLE = Qt.ItemDataRole.UserRole + 1


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryView", text)


# -- worker jobs --------------------------------------------------------------------


def history_job(item_id: str) -> Callable[[Workspace], dict[str, Any]]:
    """The item's title and kind, its revisions, and names for reference fields."""

    def job(ws: Workspace) -> dict[str, Any]:
        history = ws.items.history(item_id)
        item_id_full = ws.resolve(item_id)
        last = next((h for h in reversed(history) if not h["deleted"]), None)
        content = ws.items.revision(last["rev_id"])["content"] if last else {}
        kind = ws.items.revision(history[-1]["rev_id"])["kind"]
        title = str(content.get(KINDS[kind].title_field) or "") if content else ""
        return {
            "id": item_id_full,
            "kind": kind,
            "title": title,
            "language": ws.language,
            "revisions": history,
        }

    return job


def contents_job(kind: str, rev_ids: Sequence[str]) -> Callable[[Workspace], dict[str, Any]]:
    """The content of each revision (None for a deletion), with names for its references."""

    def job(ws: Workspace) -> dict[str, Any]:
        contents = {r: ws.items.revision(r)["content"] for r in rev_ids}
        refs: set[str] = set()
        for content in contents.values():
            for f in KINDS[kind].fields:
                value = (content or {}).get(f.name)
                if f.type == REF and value:
                    refs.add(value)
                elif f.type == REFS and value:
                    refs.update(value)
        names = {}
        for ref in refs:
            try:
                names[ref] = title_of(ws.items.get(ref))
            except CopdeskError:  # deleted since, or never received here: show the id
                names[ref] = ref[:8]
        return {"contents": contents, "names": names}

    return job


# -- the diff -----------------------------------------------------------------------

LIGHT = {
    "del": "#fde2e1",
    "del2": "#f4a9a4",
    "ins": "#dcf5e0",
    "ins2": "#9fdcaa",
    "head": "#eceff3",
}
DARK = {"del": "#4b2326", "del2": "#8a3038", "ins": "#1d3d26", "ins2": "#2f7442", "head": "#2b3038"}
_WORDS = re.compile(r"(\s+)")


def _text(value: Any, field_type: str, names: Mapping[str, str], language: str = "en") -> str:
    """A field's value as a reader reads it: names, not ids; words, not codes; dates in
    the user's locale."""
    if value is None:
        return ""
    if field_type == ENUM and isinstance(value, str) and value not in ("fr", "en"):
        return messages.label(value, language)
    if field_type == DATE and isinstance(value, str):
        from copdesk.gui.language import format_date

        return format_date(value)
    if field_type == REF:
        return names.get(value, value)
    if field_type == REFS:
        return ", ".join(names.get(v, v) for v in value)
    if field_type == LIST or isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _marked(words: Sequence[str], spans: Sequence[tuple[int, int]], colour: str) -> str:
    out, pos = [], 0
    for start, end in spans:
        out.append(html.escape("".join(words[pos:start])))
        changed = html.escape("".join(words[start:end]))
        out.append(f'<span style="background-color:{colour}">{changed}</span>')
        pos = end
    out.append(html.escape("".join(words[pos:])))
    return "".join(out)


def _line_pair(old: str, new: str, colours: Mapping[str, str]) -> tuple[str, str]:
    """Two changed lines with the changed words highlighted more strongly."""
    a, b = _WORDS.split(old), _WORDS.split(new)
    left, right = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            left.append((i1, i2))
            right.append((j1, j2))
    return _marked(a, left, colours["del2"]), _marked(b, right, colours["ins2"])


def _cell(text: str, colour: str | None = None) -> str:
    style = "white-space:pre-wrap;"
    if colour:
        style += f"background-color:{colour};"
    return f'<td width="50%" style="{style}">{text}</td>'


def _lines_rows(old: str, new: str, colours: Mapping[str, str]) -> list[str]:
    """Side-by-side rows of a long text, line by line (difflib opcodes)."""
    a, b = old.splitlines(), new.splitlines()
    rows = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for line in a[i1:i2]:
                rows.append(_cell(html.escape(line)) + _cell(html.escape(line)))
            continue
        left, right = a[i1:i2], b[j1:j2]
        for k in range(max(len(left), len(right))):
            lo = left[k] if k < len(left) else None
            ro = right[k] if k < len(right) else None
            if lo is not None and ro is not None:
                lh, rh = _line_pair(lo, ro, colours)
                rows.append(_cell(lh, colours["del"]) + _cell(rh, colours["ins"]))
            elif lo is not None:
                rows.append(_cell(html.escape(lo), colours["del"]) + _cell(""))
            else:
                rows.append(_cell("") + _cell(html.escape(ro or ""), colours["ins"]))
    return [f"<tr>{r}</tr>" for r in rows]


def diff_html(
    kind: str,
    old: Mapping[str, Any] | None,
    new: Mapping[str, Any] | None,
    *,
    old_title: str,
    new_title: str,
    names: Mapping[str, str] | None = None,
    language: str = "en",
    dark: bool = False,
    all_fields: bool = False,
) -> str:
    """Two versions side by side: changed fields only (or all), long texts line by line."""
    colours = DARK if dark else LIGHT
    names = names or {}
    spec = KINDS[kind]
    a, b = old or {}, new or {}
    rows = [
        f'<tr><th width="50%" align="left">{html.escape(old_title)}</th>'
        f'<th width="50%" align="left">{html.escape(new_title)}</th></tr>'
    ]
    changed = 0
    for f in spec.fields:
        va, vb = a.get(f.name), b.get(f.name)
        if va == vb and not all_fields:
            continue
        if va in (None, "", []) and vb in (None, "", []):
            continue
        changed += va != vb
        label = messages.field_label(kind, f.name, language)
        rows.append(
            f'<tr><td colspan="2" style="background-color:{colours["head"]}"><b>'
            f"{html.escape(label)}</b></td></tr>"
        )
        ta, tb = _text(va, f.type, names, language), _text(vb, f.type, names, language)
        if va == vb:
            rows.append(f"<tr>{_cell(html.escape(ta))}{_cell(html.escape(tb))}</tr>")
        elif f.type == MARKDOWN or "\n" in ta or "\n" in tb:
            rows.extend(_lines_rows(ta, tb, colours))
        else:
            left = html.escape(ta) if old is not None else ""
            right = html.escape(tb) if new is not None else ""
            rows.append(
                f"<tr>{_cell(left, colours['del'] if ta else None)}"
                f"{_cell(right, colours['ins'] if tb else None)}</tr>"
            )
    if changed == 0 and not all_fields:
        same = html.escape(translate("HistoryView", "No difference."))
        rows.append(f'<tr><td colspan="2"><i>{same}</i></td></tr>')
    return (
        "<html><head><style>body { font-size: 10pt; } th { padding: 4px; }"
        " td { padding: 3px 6px; }</style></head><body>"
        f'<table width="100%" cellspacing="0" cellpadding="3">{"".join(rows)}</table>'
        "</body></html>"
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


# -- the view -----------------------------------------------------------------------


class HistoryView(QWidget):
    """Revisions of one item; select one (diff with the one before) or two to compare.

    ``restored`` carries the item id once a restore is written, so the window can
    show the item as it now is; the restore's Change reloads the list.
    """

    restored = Signal(str)

    def __init__(self, load: Load, perform: Perform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        self._load = load
        self._perform = perform
        self.item_id: str | None = None
        self.data: dict[str, Any] | None = None
        self.compared: tuple[str | None, str] | None = None
        self.confirm: Callable[[str], bool] = self._ask

        self.title = QLabel(self)
        self.title.setObjectName("historyTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.hint = QLabel(
            self.tr(
                "Select a version to compare it with the one before it, "
                "or two versions (Ctrl+click) to compare them."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)

        self.list = QTreeWidget(self)
        self.list.setObjectName("revisionList")
        self.list.setAccessibleName(self.tr("Versions"))
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("Site"), self.tr("Change"), self.tr("Fields")]
        )
        header = self.list.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._selection_changed)

        self.restore_button = QPushButton(self.tr("Restore this version…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.compare_label = QLabel(self)
        self.compare_label.setWordWrap(True)

        self.diff = SafeBrowser(self)
        self.diff.setObjectName("diffView")
        self.diff.setAccessibleName(self.tr("Differences between the two versions"))
        self.diff.document().setDocumentMargin(8)

        bar = QHBoxLayout()
        bar.addWidget(self.compare_label, 1)
        bar.addWidget(self.restore_button)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addLayout(bar)
        bottom_layout.addWidget(self.diff, 1)

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.list)
        split.addWidget(bottom)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        split.setSizes([150, 550])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)

    # -- loading ----------------------------------------------------------------------

    def interest(self) -> Interest:
        """The revisions of the item shown change only when it does."""
        return Interest.of(items=[self.item_id, (self.data or {}).get("id")])

    def open(self, item_id: str | None) -> None:
        self.show_history(item_id or "")

    def reload(self) -> None:
        """The same item's revisions, fresh (shown as they arrive: no blank meanwhile)."""
        if self.item_id is not None:
            self._load("history", history_job(self.item_id), self._show)

    def show_history(self, item_id: str) -> None:
        """Load the item's revisions and show the latest change."""
        self.item_id = item_id
        self.data = None
        self.list.clear()
        self.diff.set_page("")
        self.compare_label.clear()
        self.title.setText(self.tr("History"))
        self._load("history", history_job(item_id), self._show)

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        self.item_id = data["id"]
        self.title.setText(
            self.tr("History of “%1”").replace("%1", data["title"])
            + f"  ·  {kind_label(data['kind'])}"
        )
        ops = {
            "create": self.tr("created"),
            "edit": self.tr("edited"),
            "delete": self.tr("deleted"),
            "restore": self.tr("restored"),
            "merge": self.tr("merged"),
        }
        self.list.blockSignals(True)
        self.list.clear()
        spec = KINDS[data["kind"]]
        labels = {
            f.name: messages.field_label(spec.name, f.name, ui_language()) for f in spec.fields
        }
        for rev in reversed(data["revisions"]):  # newest first
            op = ops.get(rev["op"], rev["op"])
            if rev["head"]:
                op += " · " + self.tr("current")
            if rev["draft"]:
                op += " · " + self.tr("private draft")
            changed = ", ".join(labels.get(c, c) for c in rev["changed"])
            if rev["op"] == "create":
                changed = self.tr("%1 fields").replace("%1", str(len(rev["changed"])))
            row = QTreeWidgetItem(
                [
                    short_date(rev["at"]),
                    rev.get("author_name") or self.tr("unknown"),
                    rev.get("site_name") or "",
                    op,
                    changed,
                ]
            )
            row.setData(0, REV_ROLE, rev["rev_id"])
            row.setToolTip(0, rev["rev_id"])
            row.setToolTip(4, changed)
            if rev["draft"]:  # a private version set aside: shown, but visibly apart
                font = row.font(0)
                font.setItalic(True)
                grey = QBrush(self.palette().color(QPalette.ColorRole.PlaceholderText))
                for col in range(5):
                    row.setFont(col, font)
                    row.setForeground(col, grey)
            if rev["head"]:
                font = row.font(3)
                font.setBold(True)
                row.setFont(3, font)
            self.list.addTopLevelItem(row)
        self.list.blockSignals(False)
        if self.list.topLevelItemCount():
            self.list.setCurrentItem(self.list.topLevelItem(0))  # diff of the latest change

    # -- comparing --------------------------------------------------------------------

    def _revision(self, rev_id: str | None) -> dict[str, Any] | None:
        assert self.data is not None
        return next((r for r in self.data["revisions"] if r["rev_id"] == rev_id), None)

    def _before(self, rev_id: str) -> str | None:
        """The revision this one was made from (its first parent), if this site has it."""
        rev = self._revision(rev_id)
        if rev and rev["parents"] and self._revision(rev["parents"][0]):
            return rev["parents"][0]
        return None

    def selected(self) -> list[str]:
        """Selected revision ids, oldest first."""
        if self.data is None:
            return []
        order = [r["rev_id"] for r in self.data["revisions"]]
        ids = [i.data(0, REV_ROLE) for i in self.list.selectedItems()]
        return sorted(ids, key=order.index)

    def _selection_changed(self) -> None:
        ids = self.selected()
        current = self.list.currentItem()
        this = current.data(0, REV_ROLE) if current is not None else None
        rev = self._revision(this) if this else None
        self.restore_button.setEnabled(
            len(ids) >= 1 and rev is not None and not rev["deleted"] and not rev["head"]
        )
        if len(ids) == 1:
            self.compare(self._before(ids[0]), ids[0])
        elif len(ids) >= 2:
            self.compare(ids[0], ids[-1])

    def compare(self, old: str | None, new: str) -> None:
        """Show ``old`` (None: nothing, a creation) and ``new`` side by side."""
        assert self.data is not None
        self.compared = (old, new)
        data = self.data
        wanted = [r for r in (old, new) if r]

        def done(result: dict[str, Any]) -> None:
            if self.compared != (old, new):
                return
            self.compare_label.setText(
                self.tr("Comparing %1 with %2.")
                .replace("%1", self._label(old) if old else self.tr("nothing (creation)"))
                .replace("%2", self._label(new))
            )
            contents = result["contents"]
            self.diff.set_page(
                diff_html(
                    data["kind"],
                    contents.get(old) if old else None,
                    contents.get(new),
                    old_title=self._label(old) if old else "—",
                    new_title=self._label(new),
                    names=result["names"],
                    language=ui_language(),
                    dark=is_dark(self.palette()),
                )
            )

        self._load("history-diff", contents_job(data["kind"], wanted), done)

    def _label(self, rev_id: str | None) -> str:
        rev = self._revision(rev_id)
        if rev is None:
            return ""
        who = rev.get("author_name") or self.tr("unknown")
        return f"{short_date(rev['at'])} · {who}"

    # -- restoring --------------------------------------------------------------------

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Restore this version"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> None:
        """Make the current revision the item's content again, after asking."""
        current = self.list.currentItem()
        if current is None or self.item_id is None:
            return
        rev_id = current.data(0, REV_ROLE)
        text = self.tr(
            "Make the version of %1 current again? "
            "The current content stays in the history and can be restored in turn."
        ).replace("%1", self._label(rev_id))
        if not self.confirm(text):
            return
        self._perform(write_jobs.restore(self.item_id, rev_id), self.restored.emit)
