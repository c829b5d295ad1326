"""Memberships and roles: the members of a community, or the communities of a person,
each with a role; add one, change a role, remove one (confirmed).

The rules are the core's: an animator of the community or a site administrator manages
its members, anyone may join as a member or leave, and a community always keeps one
animator. A refusal is said here, in the core's words, and the dialog stays open.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import confirm, error_label
from copdesk.gui.labels import choice_label
from copdesk.model.kinds import ROLES

ROW = Qt.ItemDataRole.UserRole


def role_combo(parent: QWidget, name: str, role: str = "member") -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for code in ROLES:
        combo.addItem(choice_label(code), code)
    combo.setCurrentIndex(ROLES.index(role))
    return combo


class MembersDialog(QDialog):
    """``assigned(community, person, role)`` to add or change a role,
    ``removed(community, person)`` once a removal is confirmed. :meth:`show_data` fills
    it (:func:`~copdesk.gui.read_jobs.memberships`), :meth:`refused` says why not."""

    assigned = Signal(str, str, str)
    removed = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("membersDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.data: dict[str, Any] = {}
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("membersTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)
        self.role = role_combo(self, "memberRole")
        self.change_button = QPushButton(self.tr("Change the role"), self)
        self.change_button.setObjectName("changeRole")
        self.change_button.clicked.connect(self._change)
        self.remove_button = QPushButton(self.tr("Remove…"), self)
        self.remove_button.setObjectName("removeMember")
        self.remove_button.clicked.connect(self._remove)
        self.other = QComboBox(self)
        self.other.setObjectName("newMember")
        self.other.setEditable(True)
        self.other.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.new_role = role_combo(self, "newMemberRole")
        self.add_button = QPushButton(self.tr("Add"), self)
        self.add_button.setObjectName("addMember")
        self.add_button.clicked.connect(self._add)
        self.message = error_label(self, "membersMessage")

        selected = QHBoxLayout()
        selected.addWidget(QLabel(self.tr("Selected:"), self))
        selected.addWidget(self.role, 1)
        selected.addWidget(self.change_button)
        selected.addWidget(self.remove_button)
        adding = QHBoxLayout()
        self.add_label = QLabel(self)
        adding.addWidget(self.add_label)
        adding.addWidget(self.other, 2)
        adding.addWidget(self.new_role, 1)
        adding.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(selected)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(620, 460)
        self._selected()

    @property
    def community_page(self) -> bool:
        return self.data.get("kind") == "community"

    def show_data(self, data: Mapping[str, Any]) -> None:
        """The memberships of the community or person, and who or what can be added."""
        keep = self._row()
        self.data = dict(data)
        title = data["title"]
        if self.community_page:
            self.setWindowTitle(self.tr("Members of %1").replace("%1", title))
            self.heading.setText(self.tr("Who belongs to %1, and their role.").replace("%1", title))
            heads = [self.tr("Person"), self.tr("Role"), self.tr("Since")]
            self.add_label.setText(self.tr("Add a person:"))
        else:
            self.setWindowTitle(self.tr("Roles of %1").replace("%1", title))
            self.heading.setText(
                self.tr("The communities %1 belongs to, and the role in each.").replace("%1", title)
            )
            heads = [self.tr("Community"), self.tr("Role"), self.tr("Since")]
            self.add_label.setText(self.tr("Add to a community:"))
        self.table.setHorizontalHeaderLabels(heads)
        rows = data["rows"]
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate((row["name"], choice_label(row["role"]), row["since"])):
                cell = QTableWidgetItem(text)
                cell.setData(ROW, r)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        taken = {row["person" if self.community_page else "community"] for row in rows}
        self.other.clear()
        for cid, name in data["choices"]:
            if cid not in taken:
                self.other.addItem(name, cid)
        self.other.setCurrentIndex(-1)
        self.other.setEditText("")
        if keep is not None and keep < len(rows):
            self.table.selectRow(keep)
        self._selected()

    def select(self, name: str) -> None:
        """Select the row of ``name`` (tests, and after adding)."""
        for r, row in enumerate(self.data.get("rows") or []):
            if row["name"] == name:
                self.table.selectRow(r)
                return

    def _row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _current(self) -> dict[str, Any] | None:
        r = self._row()
        return None if r is None else self.data["rows"][r]

    def _selected(self) -> None:
        row = self._current()
        self.change_button.setEnabled(row is not None)
        self.remove_button.setEnabled(row is not None)
        if row is not None:
            self.role.setCurrentIndex(ROLES.index(row["role"]))

    def refused(self, why: str) -> None:
        self.message.setText(why)
        self.message.show()

    def _change(self) -> None:
        row = self._current()
        if row is not None:
            self.message.hide()
            self.assigned.emit(row["community"], row["person"], str(self.role.currentData()))

    def _add(self) -> None:
        index = self.other.findText(self.other.currentText().strip())
        if index < 0:
            self.refused(self.tr("Choose someone (or a community) from the list first."))
            return
        chosen = str(self.other.itemData(index))
        self.message.hide()
        if self.community_page:
            self.assigned.emit(self.data["id"], chosen, str(self.new_role.currentData()))
        else:
            self.assigned.emit(chosen, self.data["id"], str(self.new_role.currentData()))

    def _remove(self) -> None:
        row = self._current()
        if row is None:
            return
        if self.community_page:
            who, where = row["name"], self.data["title"]
        else:
            who, where = self.data["title"], row["name"]
        confirm(
            self,
            self.tr("Remove a member"),
            self.tr("Remove %1 from %2?").replace("%1", who).replace("%2", where),
            self.tr("Remove"),
            lambda: self.removed.emit(row["community"], row["person"]),
            details=self.tr("The membership keeps its history; %1 can be added again.").replace(
                "%1", who
            ),
        )
