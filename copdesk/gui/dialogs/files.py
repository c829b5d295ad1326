"""A new version of one of an item's files (``copdesk replace-file``): which file, the
new file, and for a document its new version; the old file stays in its history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import error_label, ok_cancel


class ReplaceFileDialog(QDialog):
    """``chosen(attachment, path, version)`` once a file is picked and a new file
    chosen (``version`` empty when not given, or not a document)."""

    chosen = Signal(str, str, str)

    def __init__(
        self,
        title: str,
        files: Sequence[dict[str, Any]],
        document: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("replaceFileDialog")
        self.setWindowTitle(self.tr("Replace a file of “%1”").replace("%1", title))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.files = QListWidget(self)
        self.files.setObjectName("replaceFiles")
        for f in files:
            row = QListWidgetItem(str(f["name"]), self.files)
            row.setData(Qt.ItemDataRole.UserRole, f["id"])
        self.files.setCurrentRow(0)
        self.version = QLineEdit(self)
        self.version.setObjectName("replaceVersion")
        self.version.setPlaceholderText(self.tr("e.g. rev. C (optional)"))
        self.message = error_label(self, "replaceMessage")
        hint = QLabel(
            self.tr(
                "The new file takes the old one's place; the old one stays in the item's "
                "history, and its text can be compared with the new one's."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.buttons = ok_cancel(self, self.tr("Choose the new file…"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The file to replace:"), self))
        layout.addWidget(self.files, 1)
        if document:
            layout.addWidget(QLabel(self.tr("The document's new version:"), self))
            layout.addWidget(self.version)
        else:
            self.version.hide()
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(480, 320)
        self.files.setFocus()

    def accept(self) -> None:
        row = self.files.currentItem()
        if row is None:
            self.message.setText(self.tr("Choose the file to replace first."))
            self.message.show()
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The new version of %1").replace("%1", row.text())
        )
        if not path:  # the picker cancelled: the dialog stays, nothing written
            return
        self.chosen.emit(str(row.data(Qt.ItemDataRole.UserRole)), path, self.version.text().strip())
        super().accept()
