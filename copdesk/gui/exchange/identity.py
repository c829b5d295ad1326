"""This site's identity: its name, id and key fingerprint, and the command to trust it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QWidget

from copdesk.gui.markup import esc


class IdentityPanel(QGroupBox):
    """ "This site": what another site compares by phone before trusting this one."""

    def __init__(self, say: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("This site"))
        self.say = say
        self.data: dict[str, Any] = {}
        self.label = QLabel(self)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy the trust command"), self)
        self.copy_button.setToolTip(
            self.tr("The command another site runs to trust this one (paste it in an e-mail)")
        )
        self.copy_button.clicked.connect(self.copy_trust_command)
        row = QHBoxLayout(self)
        row.addWidget(self.label, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

    def show_data(self, data: dict[str, Any]) -> None:
        self.data = data
        ident = data["identity"]
        fingerprint = f"<tt>{esc(ident['fingerprint'])}</tt>"
        self.label.setText(
            f"<b>{esc(ident['name'])}</b><br>"
            + self.tr("Site id: %1").replace("%1", esc(ident["site_id"]))
            + "<br>"
            + self.tr("Key fingerprint: %1").replace("%1", fingerprint)
        )

    def copy_trust_command(self) -> None:
        if self.data:
            QGuiApplication.clipboard().setText(self.data["identity"]["trust_command"])
            self.say(self.tr("Trust command copied."))
