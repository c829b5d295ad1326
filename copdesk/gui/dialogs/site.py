"""Site settings: this site and its keys, its administrators and PINs, and what
belongs to this computer (whose login it is, how long a PIN is remembered, the daily
backup). The command line's ``site``, ``status``, ``admin``, ``pin`` and ``login``.

The dialog only shows and asks; every change is a write of the caller on the worker,
whose Change reloads the dialog while it is open. What the core refuses (only an
administrator may name another one…) is said at the bottom, in its words.
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
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import ERROR_STYLE, confirm, error_label
from copdesk.gui.labels import kind_label

ID = Qt.ItemDataRole.UserRole


def _people_combo(parent: QWidget, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    return combo


class SitePage(QWidget):
    """This site: name, id, standing, what it holds, its keys (rotate, replace, revoke)."""

    decided = Signal(str, str)  # a site decision: rotate-key, replace-lost-key, revoke-key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel(self)
        self.name.setObjectName("siteName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.state = QLabel(self)
        self.state.setObjectName("siteState")
        self.state.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("siteCounts")
        self.counts.setWordWrap(True)
        self.keys = QTableWidget(0, 2, self)
        self.keys.setObjectName("siteKeys")
        self.keys.setHorizontalHeaderLabels([self.tr("Key fingerprint"), self.tr("State")])
        self.keys.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.keys.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys.verticalHeader().hide()
        self.keys.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.keys.itemSelectionChanged.connect(self._enable)
        self.rotate = QPushButton(self.tr("New key…"), self)
        self.rotate.setObjectName("rotateKey")
        self.rotate.clicked.connect(self._rotate)
        self.lost = QPushButton(self.tr("Replace a lost key…"), self)
        self.lost.setObjectName("replaceLostKey")
        self.lost.clicked.connect(self._lost)
        self.revoke = QPushButton(self.tr("Revoke…"), self)
        self.revoke.setObjectName("revokeKey")
        self.revoke.clicked.connect(self._revoke)
        form = QFormLayout()
        form.addRow(self.tr("Site:"), self.name)
        form.addRow(self.tr("State:"), self.state)
        form.addRow(self.tr("Holds:"), self.counts)
        buttons = QHBoxLayout()
        for b in (self.rotate, self.lost, self.revoke):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(self.tr("This site's keys (its bundles are signed with the current one):"), self)
        )
        layout.addWidget(self.keys, 1)
        layout.addLayout(buttons)
        self.state_data: dict[str, Any] = {}

    def show_data(self, data: Mapping[str, Any]) -> None:
        st = data["state"]
        self.state_data = dict(st)
        self.name.setText(f"{st['name']} ({st['site_id']})")
        words = {
            "ok": self.tr("in order"),
            "restored": self.tr("restored from a backup"),
            "copy": self.tr("a copy: it must become a site of its own or stay read-only"),
            "read-only": self.tr("a read-only copy"),
        }
        self.state.setText(words.get(st["state"], st["state"]))
        counts = data["summary"].get("counts") or {}
        self.counts.setText(
            ", ".join(f"{n} × {kind_label(k)}" for k, n in sorted(counts.items()) if n)
        )
        self.keys.setRowCount(len(st["keys"]))
        for r, k in enumerate(st["keys"]):
            state = (
                self.tr("current")
                if k["current"]
                else (self.tr("revoked") if k["revoked"] else self.tr("older"))
            )
            for c, text in enumerate((k["fingerprint"], state)):
                cell = QTableWidgetItem(text)
                cell.setData(ID, k["fingerprint"])
                self.keys.setItem(r, c, cell)
        self._enable()

    def _selected_key(self) -> dict[str, Any] | None:
        rows = self.keys.selectionModel().selectedRows()
        if not rows:
            return None
        return self.state_data["keys"][rows[0].row()]

    def _enable(self) -> None:
        key = self._selected_key()
        self.revoke.setEnabled(key is not None and not key["current"] and not key["revoked"])

    def _rotate(self) -> None:
        confirm(
            self,
            self.tr("New key"),
            self.tr("Give this site a new key?"),
            self.tr("New key"),
            lambda: self.decided.emit("rotate-key", ""),
            details=self.tr(
                "The new key is announced with the old one: sites that trust this one follow "
                "by themselves. Do it when the old key may have been copied."
            ),
        )

    def _lost(self) -> None:
        confirm(
            self,
            self.tr("Replace a lost key"),
            self.tr("Replace this site's key as lost or stolen?"),
            self.tr("Replace the key"),
            lambda: self.decided.emit("replace-lost-key", ""),
            details=self.tr(
                "The old key is revoked: every other site must trust the new key again, "
                "after comparing its fingerprint by phone."
            ),
        )

    def _revoke(self) -> None:
        key = self._selected_key()
        if key is None:
            return
        confirm(
            self,
            self.tr("Revoke a key"),
            self.tr("Revoke the key %1?").replace("%1", key["fingerprint"]),
            self.tr("Revoke"),
            lambda: self.decided.emit("revoke-key", key["fingerprint"]),
            details=self.tr("Revisions signed with it after now are refused by every site."),
        )


class PeoplePage(QWidget):
    """Site administrators (name, remove) and PINs (set, change, remove)."""

    admin = Signal(str, bool)  # person, remove
    pin = Signal(str)  # set or change this person's PIN

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.admins = QListWidget(self)
        self.admins.setObjectName("admins")
        self.admins.itemSelectionChanged.connect(self._enable)
        self.remove = QPushButton(self.tr("Remove…"), self)
        self.remove.setObjectName("removeAdmin")
        self.remove.clicked.connect(self._remove)
        self.person = _people_combo(self, "newAdmin")
        self.add = QPushButton(self.tr("Name administrator"), self)
        self.add.setObjectName("addAdmin")
        self.add.clicked.connect(lambda: self._emit_admin(self.person.currentData(), False))
        self.pins = QListWidget(self)
        self.pins.setObjectName("pins")
        self.pins.itemSelectionChanged.connect(self._enable)
        self.pins.itemDoubleClicked.connect(lambda _: self._pin())
        self.set_pin = QPushButton(self.tr("Set or change the PIN…"), self)
        self.set_pin.setObjectName("setPin")
        self.set_pin.clicked.connect(self._pin)
        adding = QHBoxLayout()
        adding.addWidget(self.person, 1)
        adding.addWidget(self.add)
        adding.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Administrators trust sites, name administrators and set PINs."), self)
        )
        layout.addWidget(self.admins, 1)
        layout.addLayout(adding)
        layout.addWidget(QLabel(self.tr("PINs (people who set one are asked for it):"), self))
        layout.addWidget(self.pins, 2)
        layout.addWidget(self.set_pin, 0, Qt.AlignmentFlag.AlignRight)
        self._enable()

    def show_data(self, data: Mapping[str, Any]) -> None:
        self.admins.clear()
        for pid, name in data["admins"]:
            QListWidgetItem(name, self.admins).setData(ID, pid)
        admins = {pid for pid, _ in data["admins"]}
        self.person.clear()
        for pid, name, _ in data["people"]:
            if pid not in admins:
                self.person.addItem(name, pid)
        self.pins.clear()
        for pid, name, has_pin in data["people"]:
            state = self.tr("has a PIN") if has_pin else self.tr("no PIN")
            QListWidgetItem(f"{name} — {state}", self.pins).setData(ID, pid)
        self._enable()

    def _enable(self) -> None:
        self.remove.setEnabled(self.admins.currentItem() is not None)
        self.add.setEnabled(self.person.count() > 0)
        self.set_pin.setEnabled(self.pins.currentItem() is not None)

    def _emit_admin(self, person: Any, remove: bool) -> None:
        if person:
            self.admin.emit(str(person), remove)

    def _remove(self) -> None:
        entry = self.admins.currentItem()
        if entry is None:
            return
        confirm(
            self,
            self.tr("Remove an administrator"),
            self.tr("%1 will no longer administer this site.").replace("%1", entry.text()),
            self.tr("Remove"),
            lambda: self._emit_admin(entry.data(ID), True),
        )

    def _pin(self) -> None:
        entry = self.pins.currentItem()
        if entry is not None:
            self.pin.emit(str(entry.data(ID)))


class ComputerPage(QWidget):
    """What belongs to this computer: the login tie, how long a PIN is remembered,
    the daily backup folder."""

    tie = Signal(str)  # a person, or "" to untie
    minutes = Signal(int)
    backupFolder = Signal(str)
    backupNow = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.login = QLabel(self)
        self.login.setObjectName("loginName")
        self.tied = _people_combo(self, "tiedPerson")
        self.tie_button = QPushButton(self.tr("Tie"), self)
        self.tie_button.setObjectName("tieLogin")
        self.tie_button.clicked.connect(lambda: self.tie.emit(str(self.tied.currentData() or "")))
        self.proof = QSpinBox(self)
        self.proof.setObjectName("proofMinutes")
        self.proof.setRange(1, 240)  # a proof must outlive the write it is asked for
        self.proof.setSuffix(self.tr(" min"))
        self.proof.editingFinished.connect(lambda: self.minutes.emit(self.proof.value()))
        self.folder = QLineEdit(self)
        self.folder.setObjectName("backupFolder")
        self.folder.setReadOnly(True)
        self.folder.setPlaceholderText(self.tr("no daily backup"))
        choose = QPushButton(self.tr("Choose…"), self)
        choose.clicked.connect(self._choose)
        clear = QPushButton(self.tr("No daily backup"), self)
        clear.setObjectName("noDailyBackup")
        clear.clicked.connect(lambda: self.set_folder(""))
        now = QPushButton(self.tr("Back up now…"), self)
        now.setObjectName("backupNow")
        now.clicked.connect(self.backupNow)
        tie_row = QHBoxLayout()
        tie_row.addWidget(self.tied, 1)
        tie_row.addWidget(self.tie_button)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        folder_row.addWidget(clear)
        form = QFormLayout(self)
        form.addRow(self.tr("This computer's login:"), self.login)
        form.addRow(self.tr("Tied to:"), tie_row)
        hint = QLabel(
            self.tr("The person tied to this login is never asked for a PIN on this computer."),
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("Remember a PIN for:"), self.proof)
        form.addRow(self.tr("Daily backup to:"), folder_row)
        form.addRow(now)

    def show_data(self, data: Mapping[str, Any], minutes: int, folder: str) -> None:
        self.login.setText(data["login"] or self.tr("(unknown)"))
        self.tied.clear()
        self.tied.addItem(self.tr("nobody"), "")
        for pid, name, _ in data["people"]:
            self.tied.addItem(name, pid)
        self.tied.setCurrentIndex(max(self.tied.findData(data["tied"] or ""), 0))
        self.proof.setValue(minutes)
        self.folder.setText(folder)

    def _choose(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Daily backup folder"))
        if path:
            self.set_folder(path)

    def set_folder(self, path: str) -> None:
        self.folder.setText(path)
        self.backupFolder.emit(path)


class SiteSettingsDialog(QDialog):
    """The three pages, and the one place refusals are said (:meth:`refused`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("siteSettingsDialog")
        self.setWindowTitle(self.tr("Site settings"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.site = SitePage(self)
        self.people = PeoplePage(self)
        self.computer = ComputerPage(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.site, self.tr("Site"))
        self.tabs.addTab(self.people, self.tr("Administrators and PINs"))
        self.tabs.addTab(self.computer, self.tr("This computer"))
        self.message = error_label(self, "siteMessage")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def show_data(self, data: Mapping[str, Any], minutes: int, folder: str) -> None:
        self.site.show_data(data)
        self.people.show_data(data)
        self.computer.show_data(data, minutes, folder)

    def refused(self, why: str) -> None:
        self.message.setText(why)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.show()

    def said(self, text: str) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("")
        self.message.show()
