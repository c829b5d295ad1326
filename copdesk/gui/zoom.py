"""Zoom of the reading pane, the pages and the lists (Ctrl++, Ctrl+-, Ctrl+0), remembered.

A sheet is often read a metre from the screen, by tired eyes or on a small panel
PC: the text of what is read (pages, item, lists) grows and shrinks in steps, and
the step chosen is kept for the next start (QSettings, per user).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QTableView

from copdesk.gui.settings import settings
from copdesk.gui.views import SafeBrowser

STEPS = (0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
NORMAL = STEPS.index(1.0)
SETTING = "view/zoom"
ROW = 26  # a list row's height at 100 %


class Zoom(QObject):
    """One zoom for ``browsers`` and ``tables``. ``changed(factor)`` after each step."""

    changed = Signal(float)

    def __init__(
        self,
        browsers: Sequence[SafeBrowser],
        tables: Sequence[QTableView],
        parent: QObject | None = None,
        *,
        remember: bool = True,
    ) -> None:
        super().__init__(parent)
        self.browsers, self.tables, self.remember = list(browsers), list(tables), remember
        self._fonts = {id(t): t.font().pointSizeF() for t in self.tables}
        self.step = NORMAL
        if remember:
            stored = settings().value(SETTING)
            try:
                factor = float(stored) if stored is not None else 1.0
            except (TypeError, ValueError):
                factor = 1.0
            self.step = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - factor))
        self._apply()

    @property
    def factor(self) -> float:
        return STEPS[self.step]

    def zoom_in(self) -> None:
        self.set_step(self.step + 1)

    def zoom_out(self) -> None:
        self.set_step(self.step - 1)

    def reset(self) -> None:
        self.set_step(NORMAL)

    def set_step(self, step: int) -> None:
        step = max(0, min(len(STEPS) - 1, step))
        if step == self.step:
            return
        self.step = step
        self._apply()
        if self.remember:
            s = settings()
            s.setValue(SETTING, self.factor)
            s.sync()
        self.changed.emit(self.factor)

    def _apply(self) -> None:
        for browser in self.browsers:
            browser.set_zoom(self.factor)
        for table in self.tables:
            font = table.font()
            font.setPointSizeF(self._fonts[id(table)] * self.factor)
            table.setFont(font)
            table.verticalHeader().setDefaultSectionSize(round(ROW * self.factor))
