"""Asking a question from anywhere in the window (Ctrl+Shift+Q): a community, or the
whole site, the question and its details, and beside them the questions already
answered that look like it, so the answer may already be there."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import error_label, ok_cancel
from copdesk.gui.similar import SimilarPanel
from copdesk.gui.worker import WorkspaceRunner


class AskDialog(QDialog):
    """``asked(community, title, body, tags)`` on OK (community "" for the whole site);
    ``itemRequested(id)`` when a similar question is opened instead."""

    asked = Signal(str, str, str, list)
    itemRequested = Signal(str)

    def __init__(
        self,
        runner: WorkspaceRunner,
        communities: Sequence[tuple[str, str]],
        community: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("askDialog")
        self.setWindowTitle(self.tr("Ask a question"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.community = QComboBox(self)
        self.community.setObjectName("askCommunity")
        self.community.addItem(self.tr("The whole site"), "")
        for cid, name in communities:
            self.community.addItem(name, cid)
        if community:
            self.community.setCurrentIndex(max(self.community.findData(community), 0))
        self.title = QLineEdit(self)
        self.title.setObjectName("questionTitle")
        self.title.setPlaceholderText(self.tr("Which seal kit for the P12 press?"))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("questionText")
        self.tags = QLineEdit(self)
        self.tags.setObjectName("questionTags")
        self.tags.setPlaceholderText(self.tr("hydraulics, seals"))
        self.similar = SimilarPanel(runner, kinds=("question",), answered=True, parent=self)
        self.similar.itemRequested.connect(self.itemRequested)
        self.similar.source = lambda: (self.title.text(), self.body.toPlainText())
        self.message = error_label(self, "askMessage")
        form = QFormLayout()
        form.addRow(self.tr("Community:"), self.community)
        form.addRow(self.tr("Question:"), self.title)
        form.addRow(self.tr("Details:"), self.body)
        form.addRow(self.tr("Tags:"), self.tags)
        left = QVBoxLayout()
        left.addLayout(form, 1)
        left.addWidget(self.message)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addWidget(self.similar, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(ok_cancel(self, self.tr("Ask")))
        self.resize(820, 420)
        for signal in (self.title.textChanged, self.body.textChanged):
            signal.connect(self._typed)
        self.title.setFocus()

    def _typed(self, *_: object) -> None:
        self.similar.changed()

    def accept(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.message.setText(self.tr("Write the question first."))
            self.message.show()
            self.title.setFocus()
            return
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        self.asked.emit(str(self.community.currentData()), title, self.body.toPlainText(), tags)
        super().accept()
