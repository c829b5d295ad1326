"""Knowledge at risk: the ranked list of what to capitalise first, each line with its reason.

The worker computes the lines (``ws.analytics.risks``, rules in
:mod:`copdesk.analytics.risks`) and the sites to filter by; this view only shows them.
A click on a line opens the skill in the reading pane (``itemRequested``). CSV export
is a plain function (:func:`export_csv`), testable without dialogs. Reasons are shown in
the interface's language (:func:`reason`, from the message catalogue's words).
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QWidget,
)

from copdesk.gui.change import Interest
from copdesk.gui.flow import flow_bar
from copdesk.gui.forms import ui_language
from copdesk.gui.theme import PRIORITY
from copdesk.gui.views import framed
from copdesk.messages import localized
from copdesk.model.text import fold
from copdesk.workspace import Workspace

Load = Callable[[str, Callable[[Workspace], Any], Callable[[Any], None]], None]
_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("rank", "what", "skill", "site", "people", "reason")
KIND_COLOURS = {"single_holder": PRIORITY["red"], "no_holder": PRIORITY["red"]}


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def kind_label(kind: str, site: str | None = None) -> str:
    """The kind of a line in words (per-site lines say so)."""
    if kind == "single_holder":
        return (
            translate("RisksView", "Single holder at a site")
            if site
            else translate("RisksView", "Single holder")
        )
    if kind == "no_holder":
        return (
            translate("RisksView", "No holder at a site")
            if site
            else translate("RisksView", "No holder")
        )
    labels = {
        "expiring": translate("RisksView", "Rating expiring"),
        "unwritten_expert": translate("RisksView", "Expert who wrote nothing"),
        "uncovered_skill": translate("RisksView", "No know-how sheet"),
    }
    return labels.get(kind, kind)


def headers() -> list[str]:
    return [
        translate("RisksView", "#"),
        translate("RisksView", "What"),
        translate("RisksView", "Skill"),
        translate("RisksView", "Site"),
        translate("RisksView", "People"),
        translate("RisksView", "Reason"),
    ]


def reason(line: Mapping[str, Any]) -> str:
    """The reason in the interface's language."""
    return localized(line, "reason", ui_language())


def cells(line: Mapping[str, Any]) -> list[str]:
    """A line as the table and the CSV show it."""
    return [
        str(line["rank"]),
        kind_label(line["kind"], line.get("site")),
        line["skill_name"],
        line.get("site") or translate("RisksView", "all sites"),
        ", ".join(p["name"] for p in line["people"]),
        reason(line),
    ]


def risks_job(site: str | None = None) -> Callable[[Workspace], dict[str, Any]]:
    """The ranked lines (of one site, or all) and the sites people belong to."""

    def job(ws: Workspace) -> dict[str, Any]:
        sites = sorted({p["site"] for p in ws.items.list("person") if p.get("site")}, key=fold)
        return {"lines": ws.analytics.risks(site=site), "sites": sites, "site": site}

    return job


def export_csv(lines: Sequence[Mapping[str, Any]], path: str | Path) -> None:
    """The lines as shown (reason in the interface's language), plus the score.

    UTF-8 with a BOM for spreadsheet programs.
    """
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow([*headers(), translate("RisksView", "Score")])
        for line in lines:
            writer.writerow([*cells(line), line["score"]])


class RisksModel(QAbstractTableModel):
    """One row per risk line, in rank order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[dict[str, Any]] = []
        self._cells: list[list[str]] = []

    def set_lines(self, lines: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self.lines = lines
        self._cells = [cells(line) for line in lines]
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            score = translate("RisksView", "score %1").replace("%1", str(line["score"]))
            return f"{line['skill_name']} — {score}\n{reason(line)}"
        if role == ID_ROLE:
            return line["skill"]
        if role == Qt.ItemDataRole.ForegroundRole and column == 1:
            colour = KIND_COLOURS.get(line["kind"]) if not line.get("site") else None
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return headers()[section]
        return None


class RisksView(QWidget):
    """A site filter, the ranked table, a summary and CSV export.

    ``itemRequested`` asks the window to show the skill of a line.
    """

    # what the ranking is computed from
    SHOWS: ClassVar[Interest] = Interest.of(
        ["person", "skill", "rating", "membership", "howto", "community"]
    )
    itemRequested = Signal(str)

    def __init__(self, load: Load, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("risksView")
        self._load = load
        self.site: str | None = None

        self.site_combo = QComboBox(self)
        self.site_combo.setObjectName("risksSite")
        self.site_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.site_combo.setMaximumWidth(280)
        self.site_combo.activated.connect(lambda _: self.set_site(self.site_combo.currentData()))
        self.export_button = QPushButton(self.tr("Export to CSV…"), self)
        self.export_button.setObjectName("risksExport")
        self.export_button.clicked.connect(self.export_dialog)
        title = QLabel(self.tr("Knowledge at risk: what to capitalise first"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)

        bar = flow_bar(  # wraps on a narrow window
            self, title, (QLabel(self.tr("Site"), self), self.site_combo), self.export_button
        )

        self.model = RisksModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("risksTable")
        self.table.setAccessibleName(self.tr("Knowledge at risk"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((34, 150, 190, 150, 140)):
            header.resizeSection(column, width)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._clicked)

        self.summary = framed(
            self,
            bar,
            self.table,
            "risksSummary",
            self.tr(
                "Highest score first: a skill held by one person that no know-how sheet covers "
                "comes first. Click a line to open the skill."
            ),
        )

    # -- loading ----------------------------------------------------------------------

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, _: str | None = None) -> None:
        self.reload()

    def reload(self) -> None:
        self._load("risks", risks_job(self.site), self._show)

    def set_site(self, site: str | None) -> None:
        """Show the lines of one site (None: all), as the combo box does."""
        self.site = site or None
        self.reload()

    def _show(self, data: dict[str, Any]) -> None:
        self.site_combo.blockSignals(True)
        self.site_combo.clear()
        self.site_combo.addItem(self.tr("All sites"), None)
        for s in data["sites"]:
            self.site_combo.addItem(s, s)
        at = self.site_combo.findData(data["site"])
        self.site_combo.setCurrentIndex(at if at >= 0 else 0)
        self.site_combo.blockSignals(False)
        lines = data["lines"]
        self.model.set_lines(lines)
        single = sum(1 for x in lines if x["kind"] == "single_holder" and not x.get("site"))
        self.summary.setText(
            self.tr("%1 lines; %2 skills rest on a single person.")
            .replace("%1", str(len(lines)))
            .replace("%2", str(single))
        )

    # -- clicks and export ------------------------------------------------------------

    def _clicked(self, index: QModelIndex) -> None:
        skill = index.data(ID_ROLE)
        if skill:
            self.itemRequested.emit(skill)

    def export_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the knowledge at risk"),
            self.tr("knowledge-at-risk.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            export_csv(self.model.lines, path)
