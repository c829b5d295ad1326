"""Links between items: the ones an item has (remove one) and a new one, whose target
is found by searching as one types, as Ctrl+K does."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
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

from copdesk.gui.labels import choice_label, kind_label
from copdesk.model.kinds import LINK_TYPES

SEARCH_MS = 300  # the search follows typing, without a query per key
ID = Qt.ItemDataRole.UserRole


class LinkDialog(QDialog):
    """The links of one item. ``searched(query)``: find targets (the caller answers with
    :meth:`show_targets`); ``linked(target, type)``, ``unlinked(link_id)``."""

    searched = Signal(str)
    linked = Signal(str, str)
    unlinked = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(self.tr("Links of “%1”").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.current = QListWidget(self)
        self.current.setObjectName("currentLinks")
        self.remove_button = QPushButton(self.tr("Remove the link"), self)
        self.remove_button.setObjectName("removeLink")
        self.remove_button.clicked.connect(self._remove)
        self.current.itemSelectionChanged.connect(self._enable)
        self.query = QLineEdit(self)
        self.query.setObjectName("linkSearch")
        self.query.setPlaceholderText(self.tr("Search the item to link to…"))
        self.query.setClearButtonEnabled(True)
        self.targets = QListWidget(self)
        self.targets.setObjectName("linkTargets")
        self.targets.itemSelectionChanged.connect(self._enable)
        self.targets.itemDoubleClicked.connect(lambda _: self._link())
        self.type = QComboBox(self)
        self.type.setObjectName("linkType")
        for code in LINK_TYPES:
            self.type.addItem(choice_label(code), code)
        self.link_button = QPushButton(self.tr("Link"), self)
        self.link_button.setObjectName("linkButton")
        self.link_button.clicked.connect(self._link)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_MS)
        self._timer.timeout.connect(lambda: self.searched.emit(self.query.text().strip()))
        self.query.textChanged.connect(lambda _: self._timer.start())
        self.query.returnPressed.connect(self._search_now)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("As:"), self))
        row.addWidget(self.type, 1)
        row.addWidget(self.link_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Links now:"), self))
        layout.addWidget(self.current, 1)
        layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(QLabel(self.tr("Link to:"), self))
        layout.addWidget(self.query)
        layout.addWidget(self.targets, 2)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(520, 520)
        self.query.setFocus()
        self._enable()

    def _search_now(self) -> None:
        self._timer.stop()
        self.searched.emit(self.query.text().strip())

    def set_links(self, links: Sequence[Mapping[str, Any]]) -> None:
        """The item's links both ways (from :func:`~copdesk.gui.read_jobs.item_tasks`)."""
        self.current.clear()
        for link in links:
            arrow = "→" if link["way"] == "to" else "←"
            text = f"{arrow} {link.get('title') or link['item'][:8]} ({choice_label(link['type'])})"
            entry = QListWidgetItem(text, self.current)
            entry.setData(ID, link["id"])
        if not links:
            self.current.addItem(QListWidgetItem(self.tr("No link yet.")))
        self._enable()

    def show_targets(self, rows: Sequence[Mapping[str, Any]]) -> None:
        self.targets.clear()
        for r in rows:
            entry = QListWidgetItem(f"{r['title']} — {kind_label(r['kind'])}", self.targets)
            entry.setData(ID, r["id"])
        if rows:
            self.targets.setCurrentRow(0)
        self._enable()

    def _selected(self, widget: QListWidget) -> str | None:
        entry = widget.currentItem()
        return entry.data(ID) if entry is not None and entry.isSelected() else None

    def _enable(self) -> None:
        self.remove_button.setEnabled(self._selected(self.current) is not None)
        self.link_button.setEnabled(self._selected(self.targets) is not None)

    def _link(self) -> None:
        target = self._selected(self.targets)
        if target is not None:
            self.linked.emit(target, str(self.type.currentData()))

    def _remove(self) -> None:
        link = self._selected(self.current)
        if link is not None:
            self.unlinked.emit(link)
