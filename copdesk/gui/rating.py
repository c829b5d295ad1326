"""Rating a person's skill from the skills matrix (double-click a cell).

An assessment is never overwritten: each one is a new version of the rating, so the
history of a person's progress on a skill stays (see People.rate); it is written by
:func:`copdesk.gui.write_jobs.rate`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from copdesk import messages
from copdesk.gui.datefield import DateField
from copdesk.gui.labels import ui_language
from copdesk.model.kinds import LEVELS


def _tr(text: str) -> str:
    return QCoreApplication.translate("RatingDialog", text)


class RatingDialog(QDialog):
    """Level (ILUO), interest, validity and evidence of one assessment."""

    def __init__(
        self,
        person: str,
        skill: str,
        current: Mapping[str, Any] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ratingDialog")
        self.setWindowTitle(self.tr("Rate a skill"))
        self.level = QComboBox(self)
        for level, (glyph, _, _) in LEVELS.items():
            name = messages.level_label(level, ui_language())
            self.level.addItem(f"{level} {glyph} — {name}", level)
        self.interest = QComboBox(self)
        self.interest.addItem(self.tr("No particular wish"), "none")
        self.interest.addItem(self.tr("Wants to learn"), "learn")
        self.interest.addItem(self.tr("Wants to teach"), "teach")
        self.valid_until = DateField(self)  # certifications expire
        self.valid_until.setToolTip(self.tr("Certifications expire: the last day it is valid"))
        self.evidence = QLineEdit(self)
        self.evidence.setPlaceholderText(self.tr("What was observed, or the certificate"))
        self.error = QLabel(self)
        self.error.setObjectName("ratingError")
        self.error.setStyleSheet("color: #c0392b")
        if current:
            self.level.setCurrentIndex(max(self.level.findData(current.get("level")), 0))
            self.valid_until.set_value(current.get("valid_until"))
            self.interest.setCurrentIndex(max(self.interest.findData(current.get("interest")), 0))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(f"<b>{person}</b> — {skill}", self))
        form.addRow(self.tr("Level"), self.level)
        form.addRow(self.tr("Interest"), self.interest)
        form.addRow(self.tr("Valid until"), self.valid_until)
        form.addRow(self.tr("Evidence"), self.evidence)
        form.addRow(self.error)
        form.addRow(buttons)

    def values(self) -> dict[str, Any]:
        """What ``ws.people.rate`` takes (besides person and skill)."""
        until = self.valid_until.value() or None
        return {
            "level": int(self.level.currentData()),
            "interest": self.interest.currentData(),
            "valid_until": until,
            "evidence": self.evidence.text().strip() or None,
        }
