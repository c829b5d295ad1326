"""Who is writing: a quick switch in the status bar.

Plant-floor PCs are shared, so the window shows who new reports, comments and
ratings will be signed by, and lets the next person take over in two clicks
(``Workspace.use``), as ``copdesk use PERSON`` does on the command line. The people
come from :func:`copdesk.gui.read_jobs.people`; the switch is written by
:func:`copdesk.gui.write_jobs.use_person`, and reloads when people or the writer change.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from copdesk.gui.change import Flag, Interest

NOBODY = ""


class PersonSwitch(QComboBox):
    """A combo of people; choosing one asks the window to make them the writer."""

    SHOWS: ClassVar[Interest] = Interest.of(["person"], [Flag.WRITER])
    chosen = Signal(str)  # person id, or "" for nobody

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personSwitch")
        self.setToolTip(self.tr("Who is writing on this computer (new items are signed so)"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.activated.connect(lambda index: self.chosen.emit(self.itemData(index) or NOBODY))

    def fill(self, data: dict[str, Any]) -> None:
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("Writing as: nobody"), NOBODY)
        for pid, name in data["people"]:
            self.addItem(self.tr("Writing as: %1").replace("%1", name), pid)
        index = self.findData(data.get("current") or NOBODY)
        self.setCurrentIndex(max(index, 0))
        self.blockSignals(False)

    def current_person(self) -> str | None:
        return self.currentData() or None
