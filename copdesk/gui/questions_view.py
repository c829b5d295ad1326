"""The Questions list: every question of the site or of one community, open or all,
with its answers and whether one was accepted. Selecting one shows it in the reading
pane with its answers and what can be done (answer, accept, promote); Ask (Ctrl+Shift+Q)
asks a new one, in the community chosen here."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui import read_jobs
from copdesk.gui.change import Interest
from copdesk.gui.labels import short_date
from copdesk.gui.loads import Loads
from copdesk.gui.router import Route

ID = Qt.ItemDataRole.UserRole


class QuestionsView(QWidget):
    """``itemRequested(id)`` when a question is chosen; ``askRequested(community)``."""

    SHOWS: ClassVar[Interest] = Interest.of(["question", "answer", "community", "person"])
    itemRequested = Signal(str)
    askRequested = Signal(str)
    loaded = Signal()

    def __init__(self, loads: Loads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionsView")
        self.loads = loads
        self.rows: list[dict[str, Any]] = []
        self.wanted: str | None = None  # the community asked for (questions:COMMUNITY)
        self.community = QComboBox(self)
        self.community.setObjectName("questionsCommunity")
        self.community.addItem(self.tr("All communities"), "")
        self.community.currentIndexChanged.connect(lambda _: self.reload())
        self.open_only = QCheckBox(self.tr("Open only"), self)
        self.open_only.setObjectName("questionsOpenOnly")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _: self.reload())
        self.ask_button = QPushButton(self.tr("Ask a question…"), self)
        self.ask_button.setObjectName("askButton")
        self.ask_button.setToolTip(self.tr("Ask a question (Ctrl+Shift+Q)"))
        self.ask_button.clicked.connect(
            lambda: self.askRequested.emit(str(self.community.currentData() or ""))
        )
        self.count = QLabel(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("questionsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Question"), self.tr("Community"), self.tr("Answers"), self.tr("Asked by"),
             self.tr("Asked on")]
        )  # fmt: skip
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.currentCellChanged.connect(self._chosen)
        bar = QHBoxLayout()
        bar.addWidget(self.community)
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        bar.addWidget(self.count)
        bar.addWidget(self.ask_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)

    def interest(self) -> Interest:
        return self.SHOWS

    def route(self, title: str) -> Route:
        """Its place in the window: in the sidebar, the reading pane beside it."""
        return Route(
            "questions", title, self.open, self, sidebar=True, detail=True,
            shows=self.interest, reload=self.reload,
        )  # fmt: skip

    def open(self, community: str | None = None) -> None:
        if community:
            self.wanted = community
        self.reload()

    def reload(self) -> int:
        chosen = self.wanted or self.community.currentData() or None
        job = read_jobs.questions(chosen, self.open_only.isChecked())
        return self.loads.load("questions", job, self._show)

    def _show(self, data: dict[str, Any]) -> None:
        wanted = self.wanted or self.community.currentData()
        self.wanted = None
        self.community.blockSignals(True)
        self.community.clear()
        self.community.addItem(self.tr("All communities"), "")
        for cid, name in data["communities"]:
            self.community.addItem(name, cid)
        self.community.setCurrentIndex(max(self.community.findData(wanted or ""), 0))
        self.community.blockSignals(False)
        current = self.table.currentItem()
        keep = current.data(ID) if current is not None else None
        self.rows = data["rows"]
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.rows))
        for r, q in enumerate(self.rows):
            answers = str(q["answers"]) + (" ✔" if q.get("accepted") else "")
            cells = (q.get("title") or "", q["community_name"], answers, q["author_name"],
                     short_date(q.get("created_at"))[:10])  # fmt: skip
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(ID, q["id"])
                self.table.setItem(r, c, cell)
            if q["id"] == keep:
                self.table.selectRow(r)
        self.table.blockSignals(False)
        if len(self.rows) == 1:  # two plain strings: lupdate 6.11 drops French plural forms
            count = self.tr("1 question")
        else:
            count = self.tr("%1 questions").replace("%1", str(len(self.rows)))
        self.count.setText(count)
        if keep is None and self.rows:  # the reading pane is never empty beside a list
            self.table.selectRow(0)
        self.loaded.emit()

    def _chosen(self, row: int, *_: int) -> None:
        if 0 <= row < len(self.rows):
            self.itemRequested.emit(self.rows[row]["id"])
