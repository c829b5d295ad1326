"""A date typed or picked in the user's locale, or no date at all.

Dates were typed as YYYY-MM-DD only: "12/05/2026" in a French plant was refused, and
nobody had a calendar. This field shows the locale's date (four-digit year), opens a
calendar, has Today and No date buttons, and gives the workspace an ISO date ("" for
none). No date is the earliest date the field holds, shown as "—".
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCalendarWidget, QDateEdit, QHBoxLayout, QToolButton, QWidget

NONE = QDate(1900, 1, 1)  # "no date" (shown as the special text)


def locale_format() -> str:
    """The locale's short date format with a four-digit year (12/05/2026, 5/12/2026)."""
    fmt = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return fmt


class _Calendar(QCalendarWidget):
    """Opens on the month of the date, or on this month when there is none."""

    def __init__(self, edit: QDateEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.setGridVisible(True)

    def showEvent(self, event: QShowEvent) -> None:
        shown = self._edit.date() if self._edit.date() != NONE else QDate.currentDate()
        self.setCurrentPage(shown.year(), shown.month())
        super().showEvent(event)


class DateField(QWidget):
    """``value()``: ``YYYY-MM-DD`` or "" (no date); ``changed`` when it changes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit(self)
        self.edit.setObjectName("dateEdit")
        self.edit.setCalendarPopup(True)
        self.edit.setCalendarWidget(_Calendar(self.edit))
        self.edit.setDisplayFormat(locale_format())
        self.edit.setMinimumDate(NONE)
        self.edit.setMaximumDate(QDate(9999, 12, 31))
        self.edit.setSpecialValueText("—")
        self.edit.setDate(NONE)
        self.edit.dateChanged.connect(lambda _: self.changed.emit())
        self.today = QToolButton(self)
        self.today.setText(self.tr("Today"))
        self.today.setToolTip(self.tr("Fill in today's date"))
        self.today.clicked.connect(lambda: self.edit.setDate(QDate.currentDate()))
        self.clear = QToolButton(self)
        self.clear.setText("✕")
        self.clear.setToolTip(self.tr("No date"))
        self.clear.setAccessibleName(self.tr("No date"))
        self.clear.clicked.connect(lambda: self.edit.setDate(NONE))
        self.setFocusProxy(self.edit)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        row.addWidget(self.today)
        row.addWidget(self.clear)

    def value(self) -> str:
        date = self.edit.date()
        return "" if date == NONE or not date.isValid() else date.toString("yyyy-MM-dd")

    def set_value(self, value: str | None) -> None:
        """An ISO date (the workspace's form), or nothing."""
        date = QDate.fromString(str(value or "")[:10], "yyyy-MM-dd")
        self.edit.setDate(date if date.isValid() else NONE)

    def setAccessibleName(self, name: str) -> None:  # the date itself carries the name
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
