"""The roster of known sites: trust, fingerprints, what was exchanged and what is to send.

Trusting and revoking are writes on the worker (:mod:`copdesk.gui.write_jobs`); their
Change (the roster) reloads the Exchange view, so nothing here refreshes by hand. A
bundle's signer is trusted only once its fingerprint was shown and confirmed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui import read_jobs, write_jobs
from copdesk.gui.dialogs.trust import TrustBundleDialog
from copdesk.gui.labels import short_date
from copdesk.gui.loads import Loads
from copdesk.sync.bundle import EXTENSION
from copdesk.sync.keys import fingerprint


class TrustDialog(QDialog):
    """Paste another site's id and key, as its `copdesk identity` shows them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trust a site"))
        self.site_id = QLineEdit(self)
        self.key = QLineEdit(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("optional"))
        form = QFormLayout(self)
        hint = QLabel(
            self.tr(
                "Compare the key fingerprint with the other site (by phone) before trusting it."
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("Site id"), self.site_id)
        form.addRow(self.tr("Key"), self.key)
        self.fingerprint = QLabel(self)  # of the key pasted: what is compared by phone
        self.fingerprint.setObjectName("trustFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Key fingerprint"), self.fingerprint)
        self.key.textChanged.connect(self._key_changed)
        self._key_changed("")
        form.addRow(self.tr("Name"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())

    def _key_changed(self, text: str) -> None:
        key = text.strip()
        if key and key.isascii():
            self.fingerprint.setText(f"<b>{fingerprint(key)}</b>")
        else:
            self.fingerprint.setText(self.tr("(paste the key)") if not key else "?")


def table_style(table: QTableWidget) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    )
    table.horizontalHeader().setHighlightSections(False)


class RosterPanel(QGroupBox):
    """Known sites; ``conflictsRequested`` when the Conflicts button is pressed."""

    conflictsRequested = Signal()

    def __init__(
        self, loads: Loads, say: Callable[[str], None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Known sites"))
        self.loads = loads
        self.say = say
        self.sites: list[dict[str, Any]] = []
        self.idle = True
        self.dialog: QDialog | None = None  # the trust dialog open (tests use it)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("roster")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Site"),
                self.tr("Trust"),
                self.tr("Key fingerprint"),
                self.tr("Last in"),
                self.tr("Last out"),
                self.tr("To send"),
            ]
        )
        table_style(self.table)
        self.table.setWordWrap(False)
        self.table.itemSelectionChanged.connect(self.enable)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.trust_button = QPushButton(self.tr("Trust…"), self)
        self.trust_button.clicked.connect(self._ask_trust)
        self.trust_file_button = QPushButton(self.tr("Trust from a bundle…"), self)
        self.trust_file_button.clicked.connect(self._ask_trust_bundle)
        self.revoke_button = QPushButton(self.tr("Revoke"), self)
        self.revoke_button.clicked.connect(self._ask_revoke)
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.clicked.connect(self.conflictsRequested)
        buttons = QHBoxLayout()
        for b in (self.trust_button, self.trust_file_button, self.revoke_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.conflicts_button)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addLayout(buttons)

    def show_data(self, data: dict[str, Any]) -> None:
        trust_names = {
            "trusted": self.tr("trusted"),
            "revoked": self.tr("revoked"),
            "unknown": self.tr("not trusted"),
        }
        self.sites = sites = data["sites"]
        self.table.setRowCount(len(sites))
        for r, s in enumerate(sites):
            cells = [
                s["name"],
                trust_names.get(s["trust"], s["trust"]),
                s["fingerprint"] or "",
                short_date(s["last_in"]),
                short_date(s["last_out"]),
                str(s["pending"]),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, s["id"])
                cell.setToolTip(s["id"] if c == 0 else text)
                if c == 5:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(r, c, cell)
        count = str(data["conflicts"])
        self.conflicts_button.setText(self.tr("Conflicts (%1)…").replace("%1", count))
        self.enable()

    def selected_site(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def set_idle(self, idle: bool) -> None:
        """Nothing runs in a child process: the buttons can be used."""
        self.idle = idle
        self.enable()

    def enable(self) -> None:
        self.trust_button.setEnabled(self.idle)
        self.trust_file_button.setEnabled(self.idle)
        self.revoke_button.setEnabled(self.idle and self.selected_site() is not None)

    # -- trust ---------------------------------------------------------------------

    def _ask_trust(self) -> None:
        dialog = TrustDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.trust_site(dialog.site_id.text(), dialog.key.text(), dialog.name.text() or None)

    def _ask_trust_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Trust the site that signed a bundle"),
            "",
            self.tr("copdesk bundles (*%1);;All files (*)").replace("%1", EXTENSION),
        )
        if path:
            self.trust_from_bundle(path)

    def trust_site(self, site_id: str, key: str, name: str | None = None) -> int:
        return self._write(write_jobs.trust_site(site_id, key, name))

    def trust_from_bundle(self, path: str | Path, then: Callable[[], Any] | None = None) -> int:
        """Show who signed the bundle at ``path`` and its fingerprint; once the user says
        it matches what that site shows, trust it (that same fingerprint), then ``then``."""

        def ask(signer: dict[str, str]) -> None:
            dialog = TrustBundleDialog(signer, path, self)
            self.dialog = dialog
            dialog.confirmed.connect(
                lambda fingerprint: self._write(write_jobs.trust_bundle(path, fingerprint), then)
            )
            dialog.open()

        return self.loads.load("roster:signer", read_jobs.bundle_signer(str(path)), ask)

    def trust_held(self, site_id: str, name: str) -> TrustDialog:
        """Trust a site whose revisions an import held back: its key, as its own
        ``copdesk identity`` shows it, pasted here (its id and name are known)."""
        dialog = TrustDialog(self)
        dialog.site_id.setText(site_id)
        dialog.name.setText(name)
        self.dialog = dialog
        dialog.accepted.connect(
            lambda: self.trust_site(
                dialog.site_id.text(), dialog.key.text(), dialog.name.text() or None
            )
        )
        dialog.open()
        dialog.key.setFocus()
        return dialog

    def _ask_revoke(self) -> None:
        site = self.selected_site()
        if site is None:
            return
        name = next((s["name"] for s in self.sites if s["id"] == site), site)
        answer = QMessageBox.question(
            self,
            self.tr("Revoke a site"),
            self.tr("Refuse bundles from %1 from now on? What came before stays.").replace(
                "%1", name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(site)

    def revoke(self, site_id: str) -> int:
        return self._write(write_jobs.untrust(site_id))

    def _write(self, job: write_jobs.Write, then: Callable[[], Any] | None = None) -> int:
        def done(site: dict[str, Any]) -> None:
            self.say(self.tr("%1: %2.").replace("%1", site["name"]).replace("%2", site["trust"]))
            if then is not None:
                then()

        return self.loads.perform(job, done)
