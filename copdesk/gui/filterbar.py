"""The filter bar above a list: words, a value per column, how recent.

An animator with 5,000 reports narrows the list to "Maintenance presses, proposed,
red, this month" in a few clicks. Filtering works on the rows the list already holds
(see ItemTableModel.set_filter), so it needs no database and no worker round trip.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from copdesk.gui.flow import FlowLayout, wrapping
from copdesk.gui.models import FILTER_KEYS, UPDATED_WITHIN

DEBOUNCE_MS = 150


def _tr(text: str) -> str:
    return QCoreApplication.translate("FilterBar", text)


def _all_label(key: str) -> str:
    labels = {
        "community_name": QCoreApplication.translate("FilterBar", "All communities"),
        "site": QCoreApplication.translate("FilterBar", "All sites"),
        "status": QCoreApplication.translate("FilterBar", "Any status"),
        "priority": QCoreApplication.translate("FilterBar", "Any priority"),
        "form": QCoreApplication.translate("FilterBar", "Any form"),
        "stage": QCoreApplication.translate("FilterBar", "Any stage"),
        "domain": QCoreApplication.translate("FilterBar", "All domains"),
    }
    return labels[key]


def _compact(combo: QComboBox) -> None:
    """Room for "All communities" (the bar wraps); a longer value is elided, whole on hover."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
    combo.setMaximumWidth(200)
    combo.currentTextChanged.connect(combo.setToolTip)


class FilterBar(QWidget):
    """Emits ``changed(text, {column key: value}, since)`` when the user narrows the list."""

    changed = Signal(str, dict, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.text = QLineEdit(self)
        self.text.setObjectName("filterText")
        self.text.setPlaceholderText(self.tr("Filter this list…"))
        self.text.setClearButtonEnabled(True)
        self.text.setMinimumWidth(120)
        self.text.setMaximumWidth(220)
        self.combos: dict[str, QComboBox] = {}
        self.updated = QComboBox(self)
        self.updated.setObjectName("filterUpdated")
        _compact(self.updated)
        self.updated.addItem(self.tr("Updated any time"), 0)
        for days in UPDATED_WITHIN:
            self.updated.addItem(
                self.tr("Updated in the last %1 days").replace("%1", str(days)), days
            )
        self.clear = QToolButton(self)
        self.clear.setText(self.tr("Clear"))
        self.count = QLabel(self)
        # the bar follows the list's width instead of widening it (the reading pane
        # beside it keeps its share): what does not fit wraps onto another line
        wrapping(self)
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(6, 4, 6, 4)
        self._layout.addWidget(self.text)
        self._combo_at = 1  # combos go after the text box
        self._layout.addWidget(self.updated)
        self._layout.addWidget(self.clear)
        self._layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.text.textChanged.connect(lambda _: self._timer.start())
        self.updated.currentIndexChanged.connect(lambda _: self._emit())
        self.clear.clicked.connect(self.reset_values)

    def set_columns(self, values: dict[str, list[str]], *, keep: bool) -> None:
        """Offer a menu for each filterable column (``keep``: the same list, refreshed)."""
        chosen = self.equals() if keep else {}
        for combo in self.combos.values():
            self._layout.removeWidget(combo)
            combo.deleteLater()
        self.combos = {}
        for i, key in enumerate(k for k in FILTER_KEYS if k in values):
            combo = QComboBox(self)
            combo.setObjectName(f"filter_{key}")
            combo.addItem(_all_label(key), "")
            for value in values[key]:
                combo.addItem(value, value)
            if chosen.get(key):
                combo.setCurrentIndex(max(combo.findData(chosen[key]), 0))
            _compact(combo)
            combo.currentIndexChanged.connect(lambda _: self._emit())
            self._layout.insertWidget(self._combo_at + i, combo)
            self.combos[key] = combo
        if not keep:
            self.text.blockSignals(True)
            self.text.clear()
            self.text.blockSignals(False)
            self.updated.blockSignals(True)
            self.updated.setCurrentIndex(0)
            self.updated.blockSignals(False)

    def equals(self) -> dict[str, str]:
        return {k: c.currentData() for k, c in self.combos.items() if c.currentData()}

    def since(self) -> str:
        days = int(self.updated.currentData() or 0)
        return (dt.date.today() - dt.timedelta(days=days)).isoformat() if days else ""

    def reset_values(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.updated.blockSignals(True)
        self.updated.setCurrentIndex(0)
        self.updated.blockSignals(False)
        self.text.blockSignals(True)
        self.text.clear()
        self.text.blockSignals(False)
        self._emit()

    def show_count(self, shown: int, held: int) -> None:
        if shown == held:
            self.count.setText(self.tr("%1 items").replace("%1", f"{held:,}"))
        else:
            text = self.tr("%1 of %2 items").replace("%1", f"{shown:,}")
            self.count.setText(text.replace("%2", f"{held:,}"))

    def _emit(self) -> None:
        self._timer.stop()
        self.changed.emit(self.text.text(), self.equals(), self.since())

    def state(self) -> dict[str, Any]:
        """The current filter (tests, and restoring it after a refresh)."""
        return {"text": self.text.text(), "equals": self.equals(), "since": self.since()}
