"""Trusting the site that signed a bundle: its fingerprint is shown first, to compare
with what that site's own window (or ``copdesk identity``) shows, read over the
phone. Trusting is a decision, never a side effect of opening a file."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from copdesk.gui.dialogs.common import ok_cancel
from copdesk.gui.markup import esc


class TrustBundleDialog(QDialog):
    """``confirmed(fingerprint)`` when the user says the fingerprints match."""

    confirmed = Signal(str)

    def __init__(
        self, signer: Mapping[str, str], path: str | Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trustBundleDialog")
        self.setWindowTitle(self.tr("Trust the site that signed this bundle?"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.fingerprint = str(signer.get("fingerprint") or "")
        text = (
            self.tr(
                "<p><b>%1</b> is signed by <b>%2</b> (site %3).</p>"
                "<p>Key fingerprint:<br><tt style='font-size:13pt'>%4</tt></p>"
                "<p>Call that site and compare: its Exchange view (or <tt>copdesk identity</tt>) "
                "must show the same fingerprint. Trust it only if they match: its bundles "
                "will then be applied here.</p>"
            )
            .replace("%1", esc(Path(path).name))
            .replace("%2", esc(signer.get("name") or ""))
            .replace("%3", esc(signer.get("site") or ""))
            .replace("%4", esc(self.fingerprint))
        )
        self.label = QLabel(text, self)
        self.label.setObjectName("trustText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = ok_cancel(self, self.tr("They match: trust it"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def accept(self) -> None:
        self.confirmed.emit(self.fingerprint)
        super().accept()
