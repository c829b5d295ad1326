"""The skills matrix: people x skills for a community or a site, in ILUO glyphs.

Animators use it to see where know-how is thin: coverage counts only autonomous
holders (level 3 and 4), and a skill held by one person (or nobody) is a risk to
act on, so those columns are flagged. The worker delivers people, skills and the
current ratings in one go (``Workspace.ratings``); the matrix itself is computed
here as plain data (:func:`build_matrix`), so CSV export is testable without Qt.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionHeader,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from copdesk.gui import write_jobs
from copdesk.gui.change import Interest
from copdesk.gui.flow import flow_bar
from copdesk.gui.iluo import flag_lines, level_name, paint_flags, paint_glyph
from copdesk.gui.rating import RatingDialog
from copdesk.gui.read_jobs import title_of
from copdesk.gui.views import framed
from copdesk.model.kinds import AUTONOMOUS
from copdesk.workspace import Workspace

Load = Callable[[str, Callable[[Workspace], Any], Callable[[Any], None]], None]
Perform = Callable[..., Any]  # Loads.perform(write, on_done)
_Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
RATING_ROLE = Qt.ItemDataRole.UserRole + 2
RISK_COLOURS = {0: "#d64545", 1: "#e08a00"}  # no autonomous holder, a single one


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _tr(text: str) -> str:
    return QCoreApplication.translate("SkillsMatrix", text)


# -- data ---------------------------------------------------------------------------


@dataclass
class Matrix:
    """People (rows) x skills (columns), their ratings and the coverage of each skill."""

    people: list[dict[str, Any]]
    skills: list[dict[str, Any]]
    cells: dict[tuple[str, str], dict[str, Any]]
    coverage: list[int] = field(default_factory=list)  # autonomous holders, per skill
    holders: list[list[str]] = field(default_factory=list)  # their names, per skill
    autonomous: list[int] = field(default_factory=list)  # autonomous skills, per person

    def cell(self, row: int, column: int) -> dict[str, Any] | None:
        return self.cells.get((self.people[row]["id"], self.skills[column]["id"]))


def build_matrix(
    people: Sequence[Mapping[str, Any]],
    skills: Sequence[Mapping[str, Any]],
    ratings: Sequence[Mapping[str, Any]],
) -> Matrix:
    """The matrix of the given people and skills; an expired rating covers nothing."""
    people = sorted(people, key=lambda p: title_of(dict(p)).casefold())
    skills = sorted(
        skills, key=lambda s: ((s.get("domain") or "").casefold(), title_of(dict(s)).casefold())
    )
    person_ids = {p["id"] for p in people}
    skill_ids = {s["id"] for s in skills}
    cells = {
        (r["person"], r["skill"]): dict(r)
        for r in ratings
        if r["person"] in person_ids and r["skill"] in skill_ids
    }
    matrix = Matrix([dict(p) for p in people], [dict(s) for s in skills], cells)

    def counts(r: Mapping[str, Any] | None) -> bool:
        return r is not None and r["level"] >= AUTONOMOUS and not r["expired"]

    for s in matrix.skills:
        names = [title_of(p) for p in matrix.people if counts(cells.get((p["id"], s["id"])))]
        matrix.holders.append(names)
        matrix.coverage.append(len(names))
    matrix.autonomous = [
        sum(counts(cells.get((p["id"], s["id"]))) for s in matrix.skills) for p in matrix.people
    ]
    return matrix


def matrix_job(
    community: str | None = None, site: str | None = None, domain: str | None = None
) -> Callable[[Workspace], dict[str, Any]]:
    """People of the community and/or site, skills of the domain, and every rating."""

    def job(ws: Workspace) -> dict[str, Any]:
        people = ws.items.list("person")
        skills = ws.items.list("skill")
        communities = sorted(
            ((c["id"], title_of(c)) for c in ws.items.list("community")),
            key=lambda c: c[1].casefold(),
        )
        sites = sorted({p["site"] for p in people if p.get("site")}, key=str.casefold)
        domains = sorted({s["domain"] for s in skills if s.get("domain")}, key=str.casefold)
        shown = people
        if community:
            members = {m["person"] for m in ws.people.members(ws.resolve(community, "community"))}
            shown = [p for p in shown if p["id"] in members]
        if site:
            shown = [p for p in shown if p.get("site") == site]
        if domain:
            skills = [s for s in skills if s.get("domain") == domain]
        return {
            "matrix": build_matrix(shown, skills, ws.people.ratings()),
            "communities": communities,
            "sites": sites,
            "domains": domains,
            "filters": {"community": community, "site": site, "domain": domain},
        }

    return job


def export_csv(matrix: Matrix, path: str | Path, *, delimiter: str = ",") -> None:
    """People x skills as numbers (0-4), with validity notes and a coverage row.

    UTF-8 with a BOM, so spreadsheet programs read the accents right.
    """
    expired, expires = (
        translate("SkillsMatrix", "expired"),
        translate("SkillsMatrix", "expires"),
    )
    with open(path, "w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=delimiter)
        writer.writerow(
            [
                translate("SkillsMatrix", "Person"),
                translate("SkillsMatrix", "Site"),
                *(title_of(s) for s in matrix.skills),
                translate("SkillsMatrix", "U/O skills"),
            ]
        )
        writer.writerow(
            [
                translate("SkillsMatrix", "Domain"),
                "",
                *(s.get("domain") or "" for s in matrix.skills),
                "",
            ]
        )
        for row, person in enumerate(matrix.people):
            values = []
            for column in range(len(matrix.skills)):
                r = matrix.cell(row, column)
                if r is None:
                    values.append("")
                elif r["expired"]:
                    values.append(f"{r['level']} ({expired} {r['valid_until']})")
                elif r["expiring"]:
                    values.append(f"{r['level']} ({expires} {r['valid_until']})")
                else:
                    values.append(str(r["level"]))
            writer.writerow(
                [title_of(person), person.get("site") or "", *values, matrix.autonomous[row]]
            )
        writer.writerow(
            [
                translate("SkillsMatrix", "Autonomous holders (U/O)"),
                "",
                *matrix.coverage,
                "",
            ]
        )


# -- Qt model, delegate, header -----------------------------------------------------


class MatrixModel(QAbstractTableModel):
    """The matrix as a table: one row per person plus a coverage row, one column per
    skill plus the person's count of autonomous skills."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.matrix = Matrix([], [], {})

    def set_matrix(self, matrix: Matrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    @property
    def coverage_row(self) -> int:
        return len(self.matrix.people)

    @property
    def total_column(self) -> int:
        return len(self.matrix.skills)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 (Qt's signature)
        return 0 if parent.isValid() else len(self.matrix.people) + 1

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.matrix.skills) + 1

    def _risk(self, column: int) -> str | None:
        if column >= len(self.matrix.coverage):
            return None
        return RISK_COLOURS.get(self.matrix.coverage[column])

    def _coverage_tip(self, column: int) -> str:
        holders = self.matrix.holders[column]
        if not holders:
            return QCoreApplication.translate(
                "SkillsMatrix", "No autonomous holder: this know-how is not covered."
            )
        if len(holders) == 1:
            return QCoreApplication.translate(
                "SkillsMatrix", "Single autonomous holder (%1): a risk."
            ).replace("%1", holders[0])
        return translate("SkillsMatrix", "Autonomous holders: %1").replace("%1", ", ".join(holders))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        m = self.matrix
        if row == self.coverage_row:
            if column == self.total_column:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return str(m.coverage[column])
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._coverage_tip(column)
            if role == Qt.ItemDataRole.BackgroundRole and self._risk(column):
                return QBrush(QColor(self._risk(column)))
            if role == Qt.ItemDataRole.ForegroundRole and self._risk(column):
                return QBrush(QColor("white"))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            return None
        if column == self.total_column:
            if role == Qt.ItemDataRole.DisplayRole:
                return str(m.autonomous[row])
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return Qt.AlignmentFlag.AlignCenter
            if role == ID_ROLE:
                return m.people[row]["id"]
            return None
        rating = m.cell(row, column)
        if role == RATING_ROLE:
            return rating
        if role == ID_ROLE:
            return m.people[row]["id"]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tip(row, column, rating)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return "" if rating is None else str(rating["level"])
        return None

    def _cell_tip(self, row: int, column: int, rating: Mapping[str, Any] | None) -> str:
        who = f"{title_of(self.matrix.people[row])} — {title_of(self.matrix.skills[column])}"
        if rating is None:
            not_assessed = translate("SkillsMatrix", "not assessed")
            return f"{who}\n{not_assessed}"
        lines = [who, level_name(rating["level"])]
        if rating.get("interest") == "learn":
            lines.append(translate("SkillsMatrix", "wants to learn"))
        elif rating.get("interest") == "teach":
            lines.append(translate("SkillsMatrix", "wants to teach"))
        if rating.get("valid_until"):
            if rating["expired"]:
                lines.append(
                    translate("SkillsMatrix", "expired on %1").replace("%1", rating["valid_until"])
                )
            elif rating["expiring"]:
                lines.append(
                    translate("SkillsMatrix", "expires on %1").replace("%1", rating["valid_until"])
                )
            else:
                lines.append(
                    translate("SkillsMatrix", "valid until %1").replace("%1", rating["valid_until"])
                )
        if rating.get("assessed_on"):
            lines.append(
                translate("SkillsMatrix", "assessed on %1").replace("%1", rating["assessed_on"])
            )
        return "\n".join(lines + flag_lines(rating))  # self-assessed, not recognised here

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        m = self.matrix
        if orientation == Qt.Orientation.Horizontal:
            if section == self.total_column:
                if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    return translate("SkillsMatrix", "U/O skills")
                return None
            if not 0 <= section < len(m.skills):
                return None
            skill = m.skills[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return title_of(skill)
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{skill.get('domain') or ''} — {title_of(skill)}\n" + self._coverage_tip(
                    section
                )
            if role == Qt.ItemDataRole.ForegroundRole and self._risk(section):
                return QColor(self._risk(section))
            if role == ID_ROLE:
                return skill["id"]
            return None
        if section == self.coverage_row:
            if role == Qt.ItemDataRole.DisplayRole:
                return translate("SkillsMatrix", "Autonomous holders (U/O)")
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(
                    "SkillsMatrix", "People at level 3 or 4 with a valid rating"
                )
            return None
        if not 0 <= section < len(m.people):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return title_of(m.people[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            p = m.people[section]
            return " · ".join(x for x in (p.get("job_title"), p.get("site")) if x)
        return None


class GlyphDelegate(QStyledItemDelegate):
    """Paints ratings as ILUO quartered circles; the rest as ordinary cells."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        rating = index.data(RATING_ROLE)
        if rating is None:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter)
        side = min(option.rect.width(), option.rect.height()) - 8
        rect = QRectF(0, 0, side, side)
        rect.moveCenter(QRectF(option.rect).center())
        paint_glyph(
            painter,
            rect,
            rating["level"],
            expired=rating["expired"],
            expiring=rating["expiring"],
            outline=option.palette.color(QPalette.ColorRole.Text) if rating["level"] == 0 else None,
        )
        paint_flags(painter, QRectF(option.rect).adjusted(2, 2, -2, -2), rating)


class RotatedHeader(QHeaderView):
    """A horizontal header with vertical text, so 100 skills fit in narrow columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(False)

    def sizeHint(self) -> QSize:
        base = super().sizeHint()
        return QSize(base.width(), 170)

    def paintSection(self, painter: QPainter, rect: QRect, logical: int) -> None:
        if not rect.isValid():
            return
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = logical
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        model = self.model()
        if model is None:
            return
        text = str(model.headerData(logical, Qt.Orientation.Horizontal) or "")
        colour = model.headerData(
            logical, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole
        )
        painter.save()
        painter.setClipRect(rect)
        painter.translate(rect.left() + rect.width() / 2, rect.bottom() - 6)
        painter.rotate(-90)
        if isinstance(colour, QColor):  # a risky skill: bold, in its warning colour
            font = painter.font()
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(colour)
        else:
            painter.setPen(self.palette().color(QPalette.ColorRole.ButtonText))
        metrics = painter.fontMetrics()  # after the font is chosen, so bold text fits too
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.height() - 12)
        painter.drawText(0, metrics.ascent() // 2 - 1, text)
        painter.restore()


# -- the view -----------------------------------------------------------------------


class MatrixView(QWidget):
    """Filters on top, the matrix, a legend and CSV export.

    ``itemRequested`` asks the window to show a person (cell or row) or a skill (column).
    """

    SHOWS: ClassVar[Interest] = Interest.of(
        ["person", "skill", "rating", "membership", "community"]
    )
    itemRequested = Signal(str)
    said = Signal(str)  # a short confirmation for the status bar (a rating recorded)

    def __init__(self, load: Load, perform: Perform, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("matrixView")
        self._load = load
        self._perform = perform
        self.filters: dict[str, str | None] = {"community": None, "site": None, "domain": None}

        self.community = QComboBox(self)
        self.community.setObjectName("matrixCommunity")
        self.site = QComboBox(self)
        self.site.setObjectName("matrixSite")
        self.domain = QComboBox(self)
        self.domain.setObjectName("matrixDomain")
        for combo in (self.community, self.site, self.domain):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(280)
            combo.activated.connect(self._filters_changed)
        self.export_button = QPushButton(self.tr("Export to CSV…"), self)
        self.export_button.setObjectName("matrixExport")
        self.export_button.clicked.connect(self.export_dialog)

        bar = flow_bar(  # wraps on a narrow window
            self,
            (QLabel(self.tr("Community"), self), self.community),
            (QLabel(self.tr("Site"), self), self.site),
            (QLabel(self.tr("Domain"), self), self.domain),
            self.export_button,
        )

        self.model = MatrixModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("matrixTable")
        self.table.setHorizontalHeader(RotatedHeader(self.table))
        self.table.setModel(self.model)
        self.table.setItemDelegate(GlyphDelegate(self.table))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setShowGrid(True)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(28)
        header.setMinimumHeight(170)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(26)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setSectionsClickable(True)
        rows.sectionClicked.connect(self._row_clicked)
        header.sectionClicked.connect(self._column_clicked)
        self.table.clicked.connect(self._cell_clicked)
        self.table.doubleClicked.connect(self._cell_double_clicked)
        self.table.setTabKeyNavigation(False)  # arrows move in the matrix; Tab leaves it
        self.table.installEventFilter(self)  # Enter, F2 or Space rate the current cell
        self.table.setToolTip(
            self.tr("Double-click a cell, or press Enter, F2 or Space on it, to rate the person.")
        )
        self.table.setAccessibleName(self.tr("Skills matrix"))
        self.table.setAccessibleDescription(
            self.tr("People in rows, skills in columns; Enter, F2 or Space rates the cell.")
        )
        for combo, name in (
            (self.community, self.tr("Community")),
            (self.site, self.tr("Site")),
            (self.domain, self.tr("Domain")),
        ):
            combo.setAccessibleName(name)

        self.summary = framed(
            self,
            bar,
            self.table,
            "matrixSummary",
            self.tr(
                "◔ I in training · ◑ L with supervision · ◕ U autonomous · ● O expert · "
                "crossed: expired · orange dot: expires within 60 days · "
                "red column: nobody autonomous · orange: a single holder"
            )
            + " · "
            + self.tr("grey corner: self-assessed · red ?: not recognised here"),
        )

    # -- loading ----------------------------------------------------------------------

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, _: str | None = None) -> None:
        self.reload()

    def reload(self) -> None:
        """Fetch the matrix for the current filters (after a rating, or on opening)."""
        job = matrix_job(**self.filters)
        self._load("matrix", job, self._show)

    def _fill(
        self,
        combo: QComboBox,
        everything: str,
        entries: Sequence[tuple[str, str]],
        current: str | None,
    ) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for value, label in entries:
            combo.addItem(label, value)
        at = combo.findData(current)
        combo.setCurrentIndex(at if at >= 0 else 0)
        combo.blockSignals(False)

    def _show(self, data: dict[str, Any]) -> None:
        chosen = data["filters"]
        self._fill(
            self.community, self.tr("All communities"), data["communities"], chosen["community"]
        )
        self._fill(self.site, self.tr("All sites"), [(s, s) for s in data["sites"]], chosen["site"])
        domains = [(d, d) for d in data["domains"]]
        self._fill(self.domain, self.tr("All domains"), domains, chosen["domain"])
        matrix: Matrix = data["matrix"]
        self.model.set_matrix(matrix)
        self.table.resizeColumnToContents(self.model.total_column)
        self.table.horizontalHeader().resizeSection(self.model.total_column, 44)
        uncovered = sum(1 for c in matrix.coverage if c == 0)
        single = sum(1 for c in matrix.coverage if c == 1)
        self.summary.setText(
            self.tr("%1 people, %2 skills: %3 without an autonomous holder, %4 with only one.")
            .replace("%1", str(len(matrix.people)))
            .replace("%2", str(len(matrix.skills)))
            .replace("%3", str(uncovered))
            .replace("%4", str(single))
        )

    def _filters_changed(self) -> None:
        self.filters = {
            "community": self.community.currentData(),
            "site": self.site.currentData(),
            "domain": self.domain.currentData(),
        }
        self.reload()

    def set_filters(
        self, community: str | None = None, site: str | None = None, domain: str | None = None
    ) -> None:
        """Choose what the matrix shows (as the combo boxes do) and reload it."""
        self.filters = {"community": community, "site": site, "domain": domain}
        self.reload()

    # -- clicks -----------------------------------------------------------------------

    def _cell_clicked(self, index: QModelIndex) -> None:
        if index.row() == self.model.coverage_row:
            self._column_clicked(index.column())
            return
        item_id = index.data(ID_ROLE)
        if item_id:
            self.itemRequested.emit(item_id)

    RATE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F2, Qt.Key.Key_Space)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter, F2 or Space on a cell of the table: rate it, as a double-click does."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in self.RATE_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and self.table.currentIndex().isValid()
        ):
            self._cell_double_clicked(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _cell_double_clicked(self, index: QModelIndex) -> None:
        matrix = self.model.matrix
        row, column = index.row(), index.column()
        if not (0 <= row < len(matrix.people) and 0 <= column < len(matrix.skills)):
            return
        person, skill = matrix.people[row], matrix.skills[column]
        dialog = RatingDialog(title_of(person), title_of(skill), matrix.cell(row, column), self)
        if dialog.exec() == RatingDialog.DialogCode.Accepted:
            self.rate(person["id"], skill["id"], dialog.values())

    def rate(self, person: str, skill: str, values: dict[str, Any]) -> None:
        """Record an assessment on the worker (its Change reloads the matrix); the status
        bar confirms it."""
        names = {p["id"]: title_of(p) for p in self.model.matrix.people}
        skills = {k["id"]: title_of(k) for k in self.model.matrix.skills}
        level = int(values["level"])

        def done(_: Any) -> None:
            text = self.tr("Rating recorded: %1 on %2, %3.")
            self.said.emit(
                text.replace("%1", names.get(person, ""))
                .replace("%2", skills.get(skill, ""))
                .replace("%3", level_name(level))
            )

        self._perform(write_jobs.rate(person, skill, values), done)

    def _row_clicked(self, row: int) -> None:
        if 0 <= row < len(self.model.matrix.people):
            self.itemRequested.emit(self.model.matrix.people[row]["id"])

    def _column_clicked(self, column: int) -> None:
        if 0 <= column < len(self.model.matrix.skills):
            self.itemRequested.emit(self.model.matrix.skills[column]["id"])

    # -- export -----------------------------------------------------------------------

    def export_dialog(self) -> None:
        """Ask where to save, then write the matrix as shown."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the skills matrix"),
            self.tr("skills-matrix.csv"),
            self.tr("CSV files (*.csv)"),
        )
        if path:
            export_csv(self.model.matrix, path)
