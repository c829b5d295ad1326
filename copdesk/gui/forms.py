"""The form of an item, generated from the field table of :mod:`copdesk.model.kinds`.

One field description drives validation, CSV, rendering and this form, so a new
field appears here without GUI code. Values come out as ``ws.items.add``/``edit``
take them; references stay names or ids, which the core resolves and checks.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from copdesk import messages
from copdesk.errors import BadInput
from copdesk.gui.datefield import DateField
from copdesk.gui.labels import choice_label, field_label, ui_language
from copdesk.gui.models import priority_icon
from copdesk.model.kinds import (
    DATE,
    ENUM,
    INT,
    KINDS,
    LEVELS,
    LIST,
    MARKDOWN,
    REF,
    REFS,
    Field,
)
from copdesk.model.validate import parse_date

# Changed through the validation actions (propose, validate, send back), not typed.
NOT_IN_FORM = ("status",)
META = ("visibility", "review_due", "language")


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemForm", text)


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


class _ListCompleter(QCompleter):
    """Completes the name after the last comma (holders: "Ana, Bruno, …")."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: Any) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + str(super().pathFromIndex(index))


class FieldInput(QObject):
    """One field's widget with a value in the shape the workspace takes."""

    changed = Signal()

    def __init__(
        self, f: Field, refs: Sequence[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.field = f
        self._names = {i: n for i, n in refs}
        self._ids = {n.casefold(): i for i, n in refs}
        self.widget = self._make(f, refs, parent)
        self.widget.setObjectName(f"field_{f.name}")

    # -- building ------------------------------------------------------------------

    def _make(self, f: Field, refs: Sequence[tuple[str, str]], parent: QWidget | None) -> QWidget:
        if f.type == MARKDOWN:
            edit = QPlainTextEdit(parent)
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(
                QCoreApplication.translate(
                    "ItemForm", "Markdown: **bold**, - list, 1. steps, | table |"
                )
            )
            edit.setMinimumHeight(72)
            edit.setMaximumHeight(72)
            edit.textChanged.connect(self._grow)
            edit.textChanged.connect(self.changed)
            return edit
        if f.type in (ENUM, INT, REF):
            combo = QComboBox(parent)
            if f.type != REF and f.default is None:  # a required choice is made, not assumed
                combo.addItem("—", None)
            if f.type == ENUM:
                for c in f.choices:
                    combo.addItem(choice_label(c), c)
                    if f.name == "priority" and (dot := priority_icon(c)) is not None:
                        combo.setItemIcon(combo.count() - 1, dot)
            elif f.type == INT:
                lo, hi = f.minimum or 0, f.maximum if f.maximum is not None else 10
                for n in range(lo, hi + 1):
                    glyph = LEVELS[n][0] if n in LEVELS else ""
                    name = messages.level_label(n, ui_language())
                    combo.addItem(f"{n} {glyph} — {name}" if glyph else str(n), n)
            else:
                combo.setEditable(True)
                combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
                combo.addItem("", None)
                for item_id, name in refs:
                    combo.addItem(name, item_id)
                completer = combo.completer()
                completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                combo.lineEdit().setPlaceholderText(translate("ItemForm", "Type or choose a name"))
                combo.editTextChanged.connect(self.changed)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if f.type == DATE:  # typed in the user's locale, or picked in a calendar
            date = DateField(parent)
            date.changed.connect(self.changed)
            return date
        line = QLineEdit(parent)
        line.textChanged.connect(self.changed)
        if f.type in (LIST, REFS):
            line.setPlaceholderText(
                translate("ItemForm", "Names, separated by commas")
                if f.type == REFS
                else translate("ItemForm", "Separated by commas")
            )
            if f.type == REFS and refs:
                completer = _ListCompleter([n for _, n in refs], line)
                completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
                completer.setFilterMode(Qt.MatchFlag.MatchContains)
                line.setCompleter(completer)
        if f.name in ("title", "name"):
            font = QFont(line.font())
            font.setPointSizeF(font.pointSizeF() * 1.15)
            line.setFont(font)
        self.line = line
        return line

    def _grow(self) -> None:
        """Markdown boxes grow with their text (up to a point), so short ones stay short."""
        edit = self.widget
        assert isinstance(edit, QPlainTextEdit)
        lines = max(3, min(14, int(edit.document().size().height()) + 1))
        height = lines * edit.fontMetrics().lineSpacing() + 14
        edit.setMinimumHeight(height)
        edit.setMaximumHeight(height)

    # -- values --------------------------------------------------------------------

    def value(self) -> Any:
        f, w = self.field, self.widget
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip("\n")
        if isinstance(w, QComboBox):
            if f.type == REF:
                text = w.currentText().strip()
                return self._ids.get(text.casefold(), text)
            data = w.currentData()
            return "" if data is None and f.type == ENUM else data
        if isinstance(w, DateField):
            return w.value()
        text = self.line.text().strip()
        if f.type == LIST:
            return _split(text)
        if f.type == REFS:
            return [self._ids.get(n.casefold(), n) for n in _split(text)]
        return text

    def set_value(self, value: Any) -> None:
        f, w = self.field, self.widget
        if isinstance(w, QPlainTextEdit):
            w.setPlainText(str(value or ""))
        elif isinstance(w, QComboBox):
            if f.type == REF:
                w.setEditText(self._names.get(str(value or ""), str(value or "")))
            else:
                index = w.findData(value) if value not in (None, "") else 0
                w.setCurrentIndex(max(index, 0))
        elif isinstance(w, DateField):
            w.set_value(value)
        elif f.type in (LIST, REFS):
            items = value if isinstance(value, list) else _split(str(value or ""))
            self.line.setText(", ".join(self._names.get(str(v), str(v)) for v in items))
        else:
            self.line.setText("" if value is None else str(value))

    def problem(self) -> str | None:
        """What is wrong with the value as typed, said for the person typing it."""
        f, value = self.field, self.value()
        if value in ("", [], None):
            return translate("ItemForm", "Required: please fill this in.") if f.required else None
        if f.type == DATE:
            try:
                parse_date(value)
            except BadInput:
                return QCoreApplication.translate(
                    "ItemForm", "A date like 2026-03-14 (year-month-day)."
                )
        if f.type == REF and value not in self._names:
            return QCoreApplication.translate(
                "ItemForm", "Not in the list: choose an existing name."
            )
        if f.type == REFS:
            unknown = [v for v in value if v not in self._names]
            if unknown:
                return translate("ItemForm", "Unknown name: %1").replace("%1", ", ".join(unknown))
        return None


def _place(grid: QGridLayout, cells: list[tuple[QWidget, bool]], columns: int) -> None:
    """The cells in ``columns`` columns; a wide one (title, tags, links) takes a line."""
    for cell, _ in cells:
        grid.removeWidget(cell)
    row = col = 0
    for cell, wide in cells:
        if wide and col:
            row, col = row + 1, 0
        grid.addWidget(cell, row, col, 1, columns if wide else 1)
        col = 0 if wide else col + 1
        if col == 0 or col >= columns:
            row, col = row + 1, 0
    for c in range(grid.columnCount()):
        grid.setColumnStretch(c, 1 if c < columns else 0)


class ItemForm(QWidget):
    """Every field of a kind, required ones marked with *, problems said under the field.

    Short fields go two (or three) to a line; where the form is narrower than that
    needs (an editor on a 1024x768 screen at 150 %), one to a line, so that nothing
    has to be scrolled sideways.
    """

    changed = Signal()

    def __init__(
        self,
        kind: str,
        refs: Mapping[str, Sequence[tuple[str, str]]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = KINDS[kind]
        self.inputs: dict[str, FieldInput] = {}
        self._errors: dict[str, QLabel] = {}
        self._grids: list[tuple[QGridLayout, list[tuple[QWidget, bool]], int]] = []
        self.single = False  # one field to a line
        self._wide_min = 0  # the width the fields side by side need
        refs = refs or {}
        fields = [f for f in self.kind.fields if f.name not in NOT_IN_FORM]
        short = [f for f in fields if f.type != MARKDOWN and f.name not in META]
        long = [f for f in fields if f.type == MARKDOWN]
        meta = [f for f in fields if f.name in META]

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 16)
        layout.setSpacing(10)
        layout.addLayout(self._grid(short, refs))
        for f in long:
            layout.addWidget(self._cell(f, refs))
        if meta:
            heading = QLabel(translate("ItemForm", "Sharing and review"), self)
            heading.setObjectName("formSection")
            heading.setStyleSheet("font-weight: 600; margin-top: 8px;")
            layout.addWidget(heading)
            layout.addLayout(self._grid(meta, refs, columns=3))
        layout.addStretch(1)

    def _grid(
        self, fields: Sequence[Field], refs: Mapping[str, Any], columns: int = 2
    ) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        wide = (self.kind.title_field, "tags")
        cells = [(self._cell(f, refs), f.name in wide or f.type == REFS) for f in fields]
        self._grids.append((grid, cells, columns))
        _place(grid, cells, columns)
        return grid

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ParentChange and self.parentWidget() is not None:
            self.parentWidget().installEventFilter(self)  # a scroll area's viewport
            self.fit(self.parentWidget().width())
        return super().event(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.fit(self.parentWidget().width())
        return super().eventFilter(watched, event)

    def fit(self, width: int) -> None:
        """One field to a line below the width the fields side by side need."""
        if not self.single:
            self._wide_min = self.layout().minimumSize().width()
        single = width < self._wide_min
        if single != self.single:
            self.single = single
            for grid, cells, columns in self._grids:
                _place(grid, cells, 1 if single else columns)

    def _cell(self, f: Field, refs: Mapping[str, Any]) -> QWidget:
        cell = QWidget(self)
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(3)
        mark = ' <span style="color:#c0392b">*</span>' if f.required else ""
        label = QLabel(f"<b>{field_label(self.kind.name, f)}</b>{mark}", cell)
        if f.required:
            label.setToolTip(translate("ItemForm", "Required"))
        field_input = FieldInput(f, refs.get(f.ref_kind or "", []), cell)
        field_input.changed.connect(self.changed)
        label.setBuddy(field_input.widget)
        error = QLabel(cell)
        error.setObjectName(f"error_{f.name}")
        error.setStyleSheet("color: #b42318;")
        error.setWordWrap(True)
        error.hide()
        box.addWidget(label)
        box.addWidget(field_input.widget)
        box.addWidget(error)
        self.inputs[f.name] = field_input
        self._errors[f.name] = error
        return cell

    # -- values --------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        return {name: i.value() for name, i in self.inputs.items()}

    def set_values(self, values: Mapping[str, Any]) -> None:
        for name, value in values.items():
            if name in self.inputs:
                self.inputs[name].set_value(value)

    def widget(self, name: str) -> QWidget:
        """The input of a field (tests type into it; the editor focuses it)."""
        return self.inputs[name].widget

    # -- problems ------------------------------------------------------------------

    def check(self) -> dict[str, str]:
        """Mark every field whose value cannot be saved; returns field -> message."""
        self.clear_problems()
        problems = {n: p for n, i in self.inputs.items() if (p := i.problem())}
        for name, text in problems.items():
            self.show_problem(name, text)
        return problems

    def show_problem(self, name: str, text: str) -> None:
        label = self._errors.get(name)
        if label is not None:
            label.setText(text)
            label.show()

    def clear_problems(self) -> None:
        for label in self._errors.values():
            label.hide()

    def problem_text(self, name: str) -> str:
        label = self._errors[name]
        return label.text() if not label.isHidden() else ""

    def field_named_in(self, message: str) -> str | None:
        """The field a core error message is about (``rex: occurred_on must be…``)."""
        for name in self.inputs:
            if f"'{name}'" in message or f" {name} " in f" {message} ":
                return name
        return None
