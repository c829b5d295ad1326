"""Two lookups of the search part: who knows a topic (``copdesk who-knows``) and the
glossary of equivalent terms searches apply (``copdesk glossary``)."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import error_label
from copdesk.gui.views import SafeBrowser


class WhoKnowsDialog(QDialog):
    """``asked(query)``; :meth:`show_result` lists people with their reasons;
    ``itemRequested(id)`` when a person is opened."""

    asked = Signal(str)
    itemRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("whoKnowsDialog")
        self.setWindowTitle(self.tr("Who knows…"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.query = QLineEdit(self)
        self.query.setObjectName("whoKnowsQuery")
        self.query.setPlaceholderText(self.tr("A topic: hydraulic accumulator, LOTO…"))
        self.query.returnPressed.connect(self._ask)
        find = QPushButton(self.tr("Find"), self)
        find.setDefault(True)
        find.clicked.connect(self._ask)
        self.result = SafeBrowser(self)
        self.result.setObjectName("whoKnowsResult")
        self.result.itemRequested.connect(self.itemRequested)
        row = QHBoxLayout()
        row.addWidget(self.query, 1)
        row.addWidget(find)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.result, 1)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def _ask(self) -> None:
        if self.query.text().strip():
            self.asked.emit(self.query.text().strip())

    def show_result(self, result: Mapping[str, Any]) -> None:
        people = result.get("people") or []
        if not people:
            text = self.tr("Nobody found for “%1”.").replace("%1", str(result.get("query") or ""))
            self.result.set_page(f"<p>{html.escape(text)}</p>")
            return
        parts = []
        for p in people:
            reasons = "".join(f"<li>{html.escape(str(r))}</li>" for r in p.get("reasons") or [])
            parts.append(
                f"<p><a href='copdesk:{html.escape(p['id'])}'><b>{html.escape(p['name'])}</b>"
                f"</a> <span style='color:#737b87'>{html.escape(p.get('site') or '')}</span></p>"
                f"<ul>{reasons}</ul>"
            )
        self.result.set_page("".join(parts))


class GlossaryDialog(QDialog):
    """Groups of equivalent terms. ``added(terms)``, ``removed(term)``."""

    added = Signal(list)
    removed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("glossaryDialog")
        self.setWindowTitle(self.tr("Glossary"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        hint = QLabel(
            self.tr(
                "A search for any term of a group finds them all (acronyms, synonyms, both "
                "languages)."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.groups = QListWidget(self)
        self.groups.setObjectName("glossaryGroups")
        self.terms = QLineEdit(self)
        self.terms.setObjectName("glossaryTerms")
        self.terms.setPlaceholderText(self.tr("TRS, taux de rendement synthétique, OEE"))
        add = QPushButton(self.tr("Add the group"), self)
        add.setObjectName("glossaryAdd")
        add.clicked.connect(self._add)
        self.remove = QPushButton(self.tr("Remove the selected term"), self)
        self.remove.setObjectName("glossaryRemove")
        self.remove.clicked.connect(self._remove)
        self.message = error_label(self, "glossaryMessage")
        row = QHBoxLayout()
        row.addWidget(self.terms, 1)
        row.addWidget(add)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignRight)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def show_groups(self, groups: Sequence[Sequence[str]]) -> None:
        self.groups.clear()
        for group in groups:
            for term in group:
                entry = QListWidgetItem(f"{term}   ({', '.join(t for t in group if t != term)})")
                entry.setData(Qt.ItemDataRole.UserRole, term)
                self.groups.addItem(entry)
        self.message.hide()

    def refused(self, why: str) -> None:
        self.message.setText(why)
        self.message.show()

    def _add(self) -> None:
        terms = [t.strip() for t in self.terms.text().split(",") if t.strip()]
        if len(terms) < 2:
            self.refused(self.tr("Give two terms or more, separated by commas."))
            return
        self.terms.clear()
        self.added.emit(terms)

    def _remove(self) -> None:
        entry = self.groups.currentItem()
        if entry is not None:
            self.removed.emit(str(entry.data(Qt.ItemDataRole.UserRole)))
