"""A PDF shown at a page, in Qt's own viewer (QtPdf): a search hit "page 7" opens here.

QPdfDocument renders with Qt's PDFium build, in this process but never on the GUI
thread's critical path for more than a page; the file is the workspace's stored blob,
read-only, so nothing is written beside it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

# lupdate finds only literal translate("Context", "text") calls
translate = QCoreApplication.translate


class PdfWindow(QWidget):
    """A window showing one PDF, opened at ``page`` (1-based)."""

    def __init__(self, path: Path, title: str, page: int = 1, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pdfWindow")
        self.setWindowTitle(title)
        self.resize(820, 960)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.SinglePage)  # the page asked for, exactly
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.page_box = QSpinBox(self)
        self.page_box.setObjectName("pdfPage")
        self.page_box.setMinimum(1)
        self.count = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(translate("PdfWindow", "Page"), self))
        bar.addWidget(self.page_box)
        bar.addWidget(self.count)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.document.load(str(path))
        pages = max(1, self.document.pageCount())
        self.page_box.setMaximum(pages)
        self.count.setText(translate("PdfWindow", "of %1").replace("%1", str(pages)))
        self.page_box.valueChanged.connect(self.go_to)
        self.view.pageNavigator().currentPageChanged.connect(self._shown_page)
        self.wanted = page
        self.go_to(page)

    @property
    def page(self) -> int:
        """The page shown (1-based)."""
        return self.view.pageNavigator().currentPage() + 1

    def go_to(self, page: int) -> None:
        """Show ``page`` (1-based), as typing it in the page box does."""
        self.wanted = min(max(1, page), max(1, self.document.pageCount()))
        self._jump()

    def _jump(self) -> None:
        if self.page != self.wanted:
            self.view.pageNavigator().jump(self.wanted - 1, QPointF(), 0)
        self._shown_page(self.view.pageNavigator().currentPage())

    def _shown_page(self, index: int) -> None:
        self.page_box.blockSignals(True)
        self.page_box.setValue(index + 1)
        self.page_box.blockSignals(False)
