"""The Documents view: the documents of the workspace, files dropped on it become
documents, and the selected document's files (what was read of each, opened at a page)
and versions (the text that changed between two versions of a file).

Reads are jobs of this module (plain data from the worker); the one write, adding
dropped files, is :func:`copdesk.gui.write_jobs.add_documents`. Opening a file asks
the worker where its blob is, then shows a PDF in :class:`~copdesk.gui.pdfview.PdfWindow`
at the page asked for, any other file in the system's application (a copy under its
stored name, in a private temporary folder).
"""

from __future__ import annotations

import html
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk import messages
from copdesk.gui import write_jobs
from copdesk.gui.change import Flag, Interest
from copdesk.gui.labels import ui_language
from copdesk.gui.loads import Loads
from copdesk.gui.views import SafeBrowser
from copdesk.workspace import Workspace

# lupdate finds only literal translate("Context", "text") calls
translate = QCoreApplication.translate
ID_COLUMN = 0


def documents_job(ws: Workspace) -> dict[str, Any]:
    return {"rows": ws.documents.list()}


def details_job(doc_id: str) -> Callable[[Workspace], dict[str, Any]]:
    def job(ws: Workspace) -> dict[str, Any]:
        return {
            "item": ws.items.get(doc_id),
            "files": ws.documents.files(doc_id),
            "versions": ws.documents.versions(doc_id),
        }

    return job


def diff_job(old: str, new: str) -> Callable[[Workspace], list[str]]:
    return lambda ws: ws.documents.diff(old, new)


def file_job(attachment: str) -> Callable[[Workspace], dict[str, Any]]:
    """Where a file's blob is, its name and format (to open it)."""

    def job(ws: Workspace) -> dict[str, Any]:
        data = ws.items.get(attachment)
        files = {f["id"]: f for f in ws.documents.files(data["target"])}
        found = files.get(attachment, {})
        return {
            "path": str(ws.core.blobs.path(data["sha256"])),
            "name": data["name"],
            "format": found.get("format"),
        }

    return job


def open_file(
    loads: Loads,
    attachment: str,
    page: int,
    parent: QWidget,
    opened: Callable[[QWidget | None], None] | None = None,
) -> None:
    """Open one stored file: a PDF in the window's viewer at ``page``, others in the
    system's application. ``opened`` gets the viewer (None: the system's)."""

    def show(found: dict[str, Any]) -> None:
        path = Path(found["path"])
        if found["format"] == "pdf":
            from copdesk.gui.pdfview import PdfWindow

            window = PdfWindow(path, found["name"], page, parent)
            window.setWindowFlag(window.windowFlags().Window, True)
            window.show()
            if opened:
                opened(window)
            return
        folder = Path(tempfile.mkdtemp(prefix="copdesk-open-"))
        copy = folder / found["name"]  # a stored name: no folder part, no control character
        shutil.copyfile(path, copy)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(copy)))
        if opened:
            opened(None)

    loads.load(f"open-file-{attachment}", file_job(attachment), show)


class DocumentsView(QWidget):
    """The list of documents, a drop zone, and the selected document's files and versions.

    ``itemRequested`` asks the window to show a document in the reading pane."""

    SHOWS: ClassVar[Interest] = Interest.of(["document", "attachment"], [Flag.INDEX])
    itemRequested = Signal(str)
    added = Signal(object)  # {"added": [ids], "refused": [(path, reason)]}

    def __init__(self, loads: Loads, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentsView")
        self.loads = loads
        self.language = "fr"
        self.selected: str | None = None
        self.viewers: list[QWidget] = []
        self.setAcceptDrops(True)

        title = QLabel(translate("DocumentsView", "Documents"), self)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        title.setFont(font)
        self.add_button = QPushButton(translate("DocumentsView", "Add files…"), self)
        self.add_button.setObjectName("documentsAdd")
        self.add_button.clicked.connect(self.add_dialog)
        self.hint = QLabel(
            translate(
                "DocumentsView",
                "Drop files here (PDF, Word, Excel, OpenDocument, text): each becomes a "
                "document whose text is searched.",
            ),
            self,
        )
        self.hint.setObjectName("documentsHint")
        self.hint.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        bar.addWidget(self.add_button)

        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("documentsTable")
        self.table.setHorizontalHeaderLabels(
            [
                translate("DocumentsView", "Title"),
                translate("DocumentsView", "Files"),
                translate("DocumentsView", "Pages"),
                translate("DocumentsView", "Status"),
                translate("DocumentsView", "Review due"),
                translate("DocumentsView", "What could not be read"),
            ]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(
            lambda _: self.selected and self.itemRequested.emit(self.selected)
        )

        self.details = SafeBrowser(self)
        self.details.setObjectName("documentsDetails")
        self.details.itemRequested.connect(self.itemRequested)
        self.details.linkActivated.connect(self._link)

        split = QSplitter(self)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)

    # -- loading ----------------------------------------------------------------------

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, _: str | None = None) -> None:
        self.reload()

    def reload(self) -> None:
        self.loads.load("documents", documents_job, self._show)

    def _show(self, data: dict[str, Any]) -> None:
        self.language = ui_language()
        rows = data["rows"]
        self.table.blockSignals(True)
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            note = row.get("note")
            pending = translate("DocumentsView", "%1 not read yet").replace(
                "%1", str(row["unread"])
            )
            said = messages.note(note["note"], note["facts"], self.language) if note else ""
            cells = [
                row["title"] or "",
                ", ".join(row["files"]),
                str(row["pages"] or ""),
                messages.label(row["status"], self.language) if row.get("status") else "",
                row.get("review_due") or "",
                said or (pending if row["unread"] else ""),
            ]
            for c, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                if c == ID_COLUMN:
                    cell.setData(256, row["id"])
                self.table.setItem(r, c, cell)
        self.table.blockSignals(False)
        ids = [row["id"] for row in rows]
        if self.selected in ids:
            self.table.selectRow(ids.index(self.selected))
            self._load_details()
        elif not rows:
            self.details.set_page("")

    def _selection_changed(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        self.selected = self.table.item(items[0].row(), ID_COLUMN).data(256)
        self._load_details()

    def select(self, doc_id: str) -> None:
        """Show one document's files and versions (as a click on its row does)."""
        self.selected = doc_id
        self._load_details()

    def _load_details(self) -> None:
        if self.selected:
            self.loads.load("document-details", details_job(self.selected), self._details)

    def _details(self, data: dict[str, Any]) -> None:
        self.details.set_page(details_html(data, ui_language()))

    # -- files: adding, opening, comparing ----------------------------------------------

    def add_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            translate("DocumentsView", "Add files as documents"),
            "",
            translate(
                "DocumentsView", "Documents (*.pdf *.docx *.xlsx *.odt *.ods *.txt *.md *.csv)"
            )
            + ";;"
            + translate("DocumentsView", "All files (*)"),
        )
        if paths:
            self.add_files(paths)

    def add_files(self, paths: list[str]) -> None:
        """Each file becomes a document (on the worker); their text is read afterwards
        by a child process (:mod:`copdesk.gui.extraction`)."""
        self.loads.perform(write_jobs.add_documents(paths), self._added)

    def _added(self, result: dict[str, Any]) -> None:
        if result["added"]:
            self.selected = result["added"][-1]
        self.added.emit(result)
        if result["refused"]:
            self.hint.setText("\n".join(f"{Path(p).name}: {why}" for p, why in result["refused"]))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "openfile":
            page = int(url.fragment()) if url.fragment().isdigit() else 1
            open_file(self.loads, url.path(), page, self, self.viewers.append)
        elif url.scheme() == "diff":
            old, _, new = url.path().partition("..")
            self.loads.load("document-diff", diff_job(old, new), self._show_diff)

    def _show_diff(self, lines: list[str]) -> None:
        body = []
        for line in lines:
            color = "#b42318" if line.startswith("-") else "#067647" if line[:1] == "+" else ""
            style = f" style='color:{color}'" if color else ""
            body.append(f"<span{style}>{html.escape(line)}</span>")
        same = translate("DocumentsView", "The two versions have the same text.")
        text = "<br>".join(body) if body else html.escape(same)
        title = html.escape(translate("DocumentsView", "What changed in the text"))
        self.details.set_page(
            f"<h3>{title}</h3><p style='font-family:monospace; white-space:pre-wrap'>{text}</p>"
        )


def details_html(data: dict[str, Any], language: str) -> str:
    """A document's files (each with what was read and an Open link) and the versions of
    its files (with a link comparing each version's text to the one before)."""
    item, esc = data["item"], html.escape
    parts = [f"<h3><a href='copdesk:{esc(item['id'])}'>{esc(item.get('title') or '')}</a></h3>"]
    facts = [item.get(k) for k in ("source", "version", "revised_on") if item.get(k)]
    if facts:
        parts.append(f"<p>{esc(' · '.join(facts))}</p>")
    files = translate("DocumentsView", "Files")  # lupdate reads no call inside an f-string
    parts.append(f"<h4>{esc(files)}</h4><ul>")
    for f in data["files"]:
        said = messages.note(f.get("note"), f.get("facts"), language)
        pages = (
            translate("DocumentsView", "%1 pages").replace("%1", str(f["pages"]))
            if f.get("pages")
            else ""
        )
        what = " · ".join(x for x in (f.get("format") or "", pages, said) if x)
        opening = esc(translate("DocumentsView", "Open"))
        parts.append(
            f"<li><b>{esc(f['name'])}</b> <a href='openfile:{esc(f['id'])}#1'>{opening}</a>"
            f"<br><span style='color:#737b87'>{esc(what)}</span></li>"
        )
    parts.append("</ul>")
    versions = data["versions"]
    if len(versions) > 1:
        heading = translate("DocumentsView", "Versions of the files")
        parts.append(f"<h4>{esc(heading)}</h4><ul>")
        last: dict[str, str] = {}
        for v in versions:
            compare = ""
            before = last.get(v["attachment"])
            if before and v["sha256"] and before != v["sha256"]:
                label = esc(translate("DocumentsView", "what changed"))
                compare = f" <a href='diff:{before}..{v['sha256']}'>{label}</a>"
            if v["sha256"]:
                last[v["attachment"]] = v["sha256"]
            who = esc(v.get("author_name") or "")
            parts.append(
                f"<li>{esc(v['at'][:16].replace('T', ' '))} · {esc(v.get('name') or '')}"
                f" · {who}{compare}</li>"
            )
        parts.append("</ul>")
    return "".join(parts)
