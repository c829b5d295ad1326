"""Who is writing: a quick switch in the status bar.

Plant-floor PCs are shared, so the window shows who new reports, comments and
ratings will be signed by, and lets the next person take over in two clicks
(``Workspace.use``), as ``copdesk use PERSON`` does on the command line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from copdesk.workspace import Workspace

NOBODY = ""


def people_job() -> Callable[[Workspace], dict[str, Any]]:
    """Everyone who can write here, and who writes now (run on the worker)."""

    def job(ws: Workspace) -> dict[str, Any]:
        people = sorted(
            ((p["id"], p["name"]) for p in ws.items.list("person")), key=lambda p: p[1].casefold()
        )
        return {"people": people, "current": ws.current_person}

    return job


def use_job(person: str | None) -> Callable[[Workspace], str | None]:
    def job(ws: Workspace) -> str | None:
        ws.use(person or None)
        return ws.current_person

    return job


class PersonSwitch(QComboBox):
    """A combo of people; choosing one asks the window to make them the writer."""

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
