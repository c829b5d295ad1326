"""The files of an item being edited: those saved with it, and those attached at the next
save (chosen in a dialog or dropped on the editor window)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QWidget,
)


class AttachmentStrip(QWidget):
    """A one-line strip of files; ``changed`` when a file is added or removed."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pending: list[str] = []  # files attached at the next save
        self.saved: list[dict[str, Any]] = []
        self.list = QListWidget(self)
        self.list.setObjectName("attachmentList")
        self.list.setFlow(QListWidget.Flow.LeftToRight)
        self.list.setSpacing(2)
        self.list.setFixedHeight(max(self.fontMetrics().height(), 16) + 14)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setToolTip(self.tr("Drop files anywhere on this window to attach them."))
        self.attach_button = QPushButton(self.tr("Attach files…"), self)
        self.attach_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.setToolTip(self.tr("Remove a file not saved yet"))
        self.remove_button.clicked.connect(self.remove_selected)
        label = QLabel(self.tr("Attachments"), self)
        label.setStyleSheet("font-weight: 600;")
        self.drop_hint = QLabel(self.tr("Drop photos or PDFs here, or use Attach files…"), self)
        self.drop_hint.setStyleSheet("color: #6b7280;")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.drop_hint)
        row.addWidget(self.list, 1)
        row.addWidget(self.attach_button)
        row.addWidget(self.remove_button)

    @property
    def _file_icon(self) -> QIcon:
        return self.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def show_files(self, saved: list[dict[str, Any]] | None = None) -> None:
        """The item's saved files (kept from before if None), then the pending ones."""
        if saved is not None:
            self.saved = saved
        self.list.clear()
        for a in self.saved:
            entry = QListWidgetItem(self._file_icon, a["name"])
            entry.setToolTip(self.tr("Saved"))
            entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.list.addItem(entry)
        for path in self.pending:
            entry = QListWidgetItem(
                self._file_icon, self.tr("%1 (not saved yet)").replace("%1", Path(path).name)
            )
            entry.setData(Qt.ItemDataRole.UserRole, path)
            entry.setToolTip(self.tr("Attached when you save: %1").replace("%1", path))
            self.list.addItem(entry)
        self.drop_hint.setVisible(self.list.count() == 0)
        self.list.setVisible(self.list.count() > 0)
        self.remove_button.setEnabled(bool(self.pending))

    def add_files(self, paths: list[str]) -> None:
        """Files to attach at the next save (the dialog and drops end here)."""
        added = False
        for p in paths:
            path = str(Path(p))
            if Path(path).is_file() and path not in self.pending:
                self.pending.append(path)
                added = True
        if added:
            self.show_files()
            self.changed.emit()

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        self.add_files(paths)

    def remove_selected(self) -> None:
        for entry in self.list.selectedItems():
            path = entry.data(Qt.ItemDataRole.UserRole)
            if path in self.pending:
                self.pending.remove(path)
        self.show_files()
        self.changed.emit()
