"""Marks that make reuse visible: "this helped me" and "applied here", with a note
(where or how it was applied). One of each per person and item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import ok_cancel
from copdesk.gui.labels import choice_label


class MarkDialog(QDialog):
    """Choose the mark and write a note; ``chosen(type, note)`` on OK."""

    chosen = Signal(str, str)

    def __init__(
        self, title: str, type: str, done: tuple[str, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("markDialog")
        self.setWindowTitle(self.tr("Mark “%1”").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.helped = QRadioButton(choice_label("helped"), self)
        self.helped.setObjectName("markHelped")
        self.applied = QRadioButton(choice_label("applied"), self)
        self.applied.setObjectName("markApplied")
        (self.applied if type == "applied" else self.helped).setChecked(True)
        self.note = QLineEdit(self)
        self.note.setObjectName("markNote")
        self.note.setPlaceholderText(self.tr("Where or how (optional): “on press P7”"))
        hint = QLabel(
            self.tr(
                "Marks show the authors and animators that this knowledge is reused; each "
                "carries this site and today's date."
            ),
            self,
        )
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.helped)
        layout.addWidget(self.applied)
        if done:
            already = ", ".join(choice_label(t) for t in done)
            again = QLabel(
                self.tr("Already marked by you: %1 (marking again keeps one mark).").replace(
                    "%1", already
                ),
                self,
            )
            again.setWordWrap(True)
            layout.addWidget(again)
        layout.addWidget(QLabel(self.tr("Note:"), self))
        layout.addWidget(self.note)
        layout.addWidget(hint)
        layout.addWidget(ok_cancel(self, self.tr("Mark")))
        self.note.setFocus()

    def accept(self) -> None:
        kind = "applied" if self.applied.isChecked() else "helped"
        self.chosen.emit(kind, self.note.text().strip())
        super().accept()
