"""Importing a register exported as CSV (``copdesk import-csv``): which kind of item
its rows are, the file, and whether bad rows are skipped (else one bad row refuses
the whole file). The columns are matched to fields by name, as on the command line."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from copdesk.gui.dialogs.common import error_label, ok_cancel
from copdesk.gui.labels import kind_label
from copdesk.model.kinds import USER_KINDS

CSV_KINDS = tuple(k for k in ("rex", "howto", "community", "person", "skill") if k in USER_KINDS)


class CsvImportDialog(QDialog):
    """``chosen(kind, path, skip_bad)`` on OK."""

    chosen = Signal(str, str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("csvImportDialog")
        self.setWindowTitle(self.tr("Import a register (CSV)"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kind = QComboBox(self)
        self.kind.setObjectName("csvKind")
        for kind in CSV_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.path = QLineEdit(self)
        self.path.setObjectName("csvPath")
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._browse)
        self.skip_bad = QCheckBox(self.tr("Import the good rows and list the bad ones"), self)
        self.skip_bad.setObjectName("csvSkipBad")
        hint = QLabel(
            self.tr(
                "Columns are matched to fields by their name (English or French). Without "
                "skipping, one bad row refuses the whole file and nothing is written."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.message = error_label(self, "csvMessage")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(self.tr("Rows are:"), self.kind)
        form.addRow(self.tr("File:"), row)
        form.addRow(self.skip_bad)
        form.addRow(hint)
        form.addRow(self.message)
        form.addRow(ok_cancel(self, self.tr("Import")))
        self.resize(540, self.sizeHint().height())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Register to import"), "", self.tr("CSV files (*.csv);;All files (*)")
        )
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if not self.path.text().strip():
            self.message.setText(self.tr("Choose the file first."))
            self.message.show()
            return
        self.chosen.emit(
            str(self.kind.currentData()), self.path.text().strip(), self.skip_bad.isChecked()
        )
        super().accept()
