"""Printing an experience report or a know-how sheet to be posted at a workstation.

A sheet is read standing, from a metre away, often with gloves on: A4, a large
title, the key facts in a short table, the steps numbered in large type and the
safety instructions (or, for a report, the lessons and recommendations) in a
framed box that catches the eye. The page is laid out by a QTextDocument, so the
same layout goes to a printer (QPrintDialog, which also offers "print to PDF")
and to a PDF file (:func:`export_pdf`, used by "Export as PDF…" and the tests).

A sheet says what it is worth: its status and version, a "NOT VALIDATED" band
across the top unless it is validated (and which version was validated, by whom and
when, "changed since" if it was), so a draft posted by mistake is never read as the
rule. Pages break sensibly: a step is kept with its text, a heading with what follows
it, the framed box whole (:func:`keep_together`). The PDF's file name is the title,
safe on every file system (:func:`pdf_file_name`).

The item is read on the worker (:func:`sheet_data`); everything here after that
works on plain data on the GUI thread.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QImage,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from copdesk import messages
from copdesk.gui.language import current, format_date, shown_date
from copdesk.gui.read_jobs import blob_images
from copdesk.workspace import Workspace

PRINTABLE = ("rex", "howto")
MARGIN_MM = 15.0
BOX_SHARE = 0.35  # a framed box this much of a page or less goes whole to the next page
_ATTACHMENT = re.compile(r"attachment:([0-9a-f]{64})")
_LIST = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s", re.M)

# Field order on the sheet; "box" fields go in the framed box, "big" ones in large type.
LAYOUT = {
    "howto": {
        "meta": ("activity", "community", "required_level", "holders", "status"),
        "box": ("safety",),
        "sections": ("goal", "prerequisites", "safety", "steps", "tips", "rationale"),
        "big": ("steps",),
    },
    "rex": {
        "meta": ("site", "asset", "occurred_on", "outcome", "priority", "community", "status"),
        "box": ("lessons", "recommendations"),
        "sections": ("summary", "lessons", "recommendations", "facts", "causes", "actions"),
        "big": (),
    },
}
PRIORITY_INK = {"red": "#c00000", "yellow": "#a86400", "blue": "#0b4f9c", "green": "#1d7a3a"}
SAFETY_INK = "#c00000"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def sheet_data(item_id: str) -> Callable[[Workspace], dict[str, Any]]:
    """Worker job: the item as plain data, its long fields rendered to safe HTML, and the
    bytes of the attachment images they show."""

    def job(ws: Workspace) -> dict[str, Any]:
        from copdesk.render import markdown

        item = ws.items.get(item_id)
        kind = item["kind"]
        rendered: dict[str, str] = {}
        if kind in LAYOUT:
            for name in LAYOUT[kind]["sections"]:
                text = str(item.get(name) or "")
                if name == "steps" and text.strip() and not _LIST.search(text):
                    # steps written one per line: number them anyway
                    text = "\n".join(
                        f"{n}. {line.strip()}"
                        for n, line in enumerate(filter(str.strip, text.splitlines()), 1)
                    )
                rendered[name] = markdown(text) if text.strip() else ""
        images = blob_images(ws, _ATTACHMENT.findall("".join(rendered.values())))
        head = [r for r in ws.items.history(item["id"]) if r.get("head")]
        version = head[-1]["generation"] if head else None
        return {
            "item": item,
            "html": rendered,
            "images": images,
            "site": ws.site_name,
            "version": version,
        }

    return job


def _label(kind: str, name: str, french: bool) -> str:
    return messages.field_label(kind, name, "fr" if french else "en")


def _value(item: Mapping[str, Any], name: str) -> str:
    value = item.get(name)
    if name == "community":
        value = item.get("community_name") or value
    elif name == "holders":
        value = ", ".join(n for n in item.get("holder_names") or [] if n)
    elif name == "occurred_on":
        value = format_date(value)
    elif name == "required_level" and value not in (None, ""):
        value = {0: "0", 1: "1 (I)", 2: "2 (L)", 3: "3 (U)", 4: "4 (O)"}.get(value, str(value))
    elif name in ("outcome", "priority", "status") and isinstance(value, str) and value:
        value = messages.label(value, current())  # the words, in the interface's language
    elif isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return "" if value in (None, "") else str(value)


def sheet_html(data: Mapping[str, Any]) -> str:
    """The sheet as HTML for QTextDocument (which knows tables, not CSS boxes: the framed
    box is a one-cell table)."""
    item = data["item"]
    kind = item["kind"]
    if kind not in LAYOUT:
        raise ValueError(f"a {kind} cannot be printed as a sheet")
    layout = LAYOUT[kind]
    french = current() == "fr"  # the interface's language
    esc = html.escape
    kind_name = messages.kind_label(kind, "fr" if french else "en")
    title = str(item.get("title") or "")
    rows = []
    for name in layout["meta"]:
        value = _value(item, name)
        if not value:
            continue
        ink = PRIORITY_INK.get(str(item.get("priority"))) if name == "priority" else None
        cell = f'<b style="color:{ink}">{esc(value)}</b>' if ink else esc(value)
        rows.append(
            f'<tr><td style="color:#555555; padding-right:14px">'
            f"{esc(_label(kind, name, french))}</td><td>{cell}</td></tr>"
        )
    footer = " · ".join(
        x
        for x in (
            translate("PrintSheet", "Author: %1").replace(
                "%1", esc(item.get("author_name") or "—")
            ),
            translate("PrintSheet", "Updated: %1").replace(
                "%1", esc(format_date(item.get("updated_at")))
            ),
            esc(str(data.get("site") or "")),
            translate("PrintSheet", "Ref. %1").replace("%1", esc(str(item["id"])[:8])),
            _version_words(data),
        )
        if x
    )
    body = []
    rendered: Mapping[str, str] = data["html"]
    boxed = [n for n in layout["box"] if rendered.get(n)]
    for name in layout["sections"]:
        content = rendered.get(name)
        if not content:
            continue
        heading = esc(_label(kind, name, french))
        if name in boxed:
            if name != boxed[0]:
                continue  # all boxed fields share the box of the first one
            body.append(_box(kind, boxed, rendered, french))
        elif name in layout["big"]:
            body.append(f'<h2 style="font-size:18pt; margin:14px 0 4px 0">{heading}</h2>')
            body.append(f'<div style="font-size:15pt; line-height:125%">{content}</div>')
        else:
            body.append(f'<h2 style="font-size:14pt">{heading}</h2>{content}')
    return (
        "<html><body style=\"font-family:'DejaVu Sans', Arial, sans-serif; font-size:12pt\">"
        f'<p style="font-size:11pt; color:#555555; margin:0">{esc(kind_name.upper())}</p>'
        f'<h1 style="font-size:26pt; margin:4px 0 10px 0">{esc(title)}</h1>'
        f"{status_band(data)}"
        f'<table cellspacing="0" cellpadding="2" style="font-size:12pt">{"".join(rows)}</table>'
        f"{''.join(body)}"
        f'<hr/><p style="font-size:9pt; color:#555555">{footer}</p></body></html>'
    )


def _version_words(data: Mapping[str, Any]) -> str:
    version = data.get("version")
    if not version:
        return ""
    return html.escape(translate("PrintSheet", "Version %1").replace("%1", str(version)))


def status_band(data: Mapping[str, Any]) -> str:
    """What the sheet is worth, across its top: a red "NOT VALIDATED" band (with the
    status and version) unless it is validated; validated, which version, by whom and
    when, with an orange band when it changed since."""
    from copdesk.render import signoff_text  # Markdown and nh3: loaded once printing

    item = data["item"]
    status = str(item.get("status") or "draft")
    language = current()
    version = data.get("version")
    off = item.get("signoff")
    esc = html.escape
    if status == "validated" and off and not off.get("changed_since"):
        line = signoff_text(item, language, shown_date)
        return f'<p style="font-size:11pt; color:#1d7a3a; margin:0 0 8px 0">✔ {esc(line)}</p>'
    if status == "validated":
        band, ink = translate("PrintSheet", "CHANGED SINCE ITS VALIDATION"), "#a86400"
        detail = signoff_text(item, language, shown_date) if off else ""
    elif status == "obsolete":
        band, ink = translate("PrintSheet", "OBSOLETE — DO NOT APPLY"), "#555555"
        detail = messages.label(status, language)
    else:
        band, ink = translate("PrintSheet", "NOT VALIDATED"), SAFETY_INK
        detail = messages.label(status, language)
    if version and status != "validated":
        detail += " · " + translate("PrintSheet", "version %1").replace("%1", str(version))
    return (
        f'<table width="100%" cellspacing="0" cellpadding="6" style="margin:0 0 10px 0">'
        f'<tr><td bgcolor="{ink}" style="color:#ffffff; font-size:16pt; font-weight:bold">'
        f"{esc(band)}"
        f'<span style="font-size:11pt; font-weight:normal">  {esc(detail)}</span>'
        "</td></tr></table>"
    )


def _box(kind: str, names: list[str], rendered: Mapping[str, str], french: bool) -> str:
    """The framed box: safety (red, first thing after the goal) or lessons (dark frame)."""
    safety = kind == "howto"
    ink = SAFETY_INK if safety else "#222222"
    parts = []
    for name in names:
        label = _label(kind, name, french)
        heading = f"⚠ {label.upper()}" if safety else label
        parts.append(
            f'<p style="font-size:15pt; font-weight:bold; color:{ink}; margin:0 0 4px 0">'
            f"{html.escape(heading)}</p>"
            f'<div style="font-size:13pt">{rendered[name]}</div>'
        )
    return (
        f'<p style="margin:0"></p><table width="100%" border="3" cellspacing="0" cellpadding="10" '
        f'style="border-color:{ink}; border-style:solid; border-collapse:collapse; '
        'margin-top:12px; margin-bottom:6px">'
        f"<tr><td>{''.join(parts)}</td></tr></table>"
    )


def sheet_document(data: Mapping[str, Any]) -> QTextDocument:
    """The laid-out sheet, with the attachment images the worker delivered."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    for sha, blob in (data.get("images") or {}).items():
        image = QImage.fromData(blob)
        if not image.isNull():
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"attachment:{sha}"), image
            )
    document.setHtml(sheet_html(data))
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, str(data["item"].get("title") or "")
    )
    return document


def a4_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
        QPageLayout.Unit.Millimeter,
    )


def _print(document: QTextDocument, device: QPrinter | QPdfWriter) -> None:
    # The page in points (what the document's pt font sizes are laid out against);
    # QTextDocument.print_ scales it to the device.
    rect = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    keep_together(document)
    document.print_(device)


def _groups(document: QTextDocument) -> list[tuple[QTextBlock, QTextBlock, QTextTable | None]]:
    """What must not be split by a page break: a list item (a step) with its following
    paragraphs, a heading with the block after it, a table (the framed box) whole, and
    inside a table too large to move, its own steps and headings."""
    out: list[tuple[QTextBlock, QTextBlock, QTextTable | None]] = []
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is not None and (not out or out[-1][2] is not table):
            out.append((block, block, table))  # the whole table first; then its own steps
        last = block
        if block.textList() is not None:  # a step: its item, then its indented paragraphs
            while (
                last.next().isValid()
                and last.next().textList() is None
                and last.next().blockFormat().indent() > 0
            ):
                last = last.next()
        elif block.blockFormat().headingLevel() and block.next().isValid():
            last = block.next()  # never a heading alone at the bottom of a page
        out.append((block, last, None))
        block = last.next()
    return out


def layout_page_height(document: QTextDocument) -> float:
    """The page height the document's layout really breaks at: it counts in 1/64 pt
    (QFixed), so an A4 page of 756.96 pt breaks at 756.953125 pt, and a block at the top
    of page 2 would seem to start 0.007 pt before it."""
    return round(document.pageSize().height() * 64) / 64


def page_of(y: float, height: float) -> int:
    return int(y // height)


def keep_together(document: QTextDocument, passes: int = 200) -> int:
    """Break pages before a step, heading or box that would be split, when it fits on one
    page; returns how many breaks were added. Each break moves what follows, so the
    layout is read again after each one."""
    height = layout_page_height(document)
    if height <= 0:
        return 0
    layout = document.documentLayout()
    added = 0
    always_before = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    for _ in range(passes):
        for first, last, table in _groups(document):
            if table is not None:
                box = layout.frameBoundingRect(table)
                top, bottom = box.top(), box.bottom()
                moved = bool(table.format().pageBreakPolicy() & always_before)
            else:
                top = layout.blockBoundingRect(first).top()
                bottom = layout.blockBoundingRect(last).bottom()
                moved = bool(first.blockFormat().pageBreakPolicy() & always_before)
            largest = height * (BOX_SHARE if table is not None else 0.9)
            whole = page_of(top, height) == page_of(bottom - 1, height)
            if moved or whole or bottom - top >= largest:
                continue  # fits on its page, already starts one, or is too large to move whole
            if table is not None:
                fmt = table.format()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                table.setFormat(fmt)
            else:
                fmt = QTextBlockFormat()
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(first).mergeBlockFormat(fmt)
            added += 1
            break
        else:
            return added
    return added


_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}  # fmt: skip


def pdf_file_name(title: str, limit: int = 80) -> str:
    """A file name from a title that every file system takes and a person still reads:
    letters with their accents kept, words joined by "-", what file systems refuse
    (``: / \\ ? * < > | "``) and punctuation standing alone left out.
    "Vérifier l'absence de tension : la règle « tester – mesurer – tester »" gives
    "Vérifier-l'absence-de-tension-la-règle-tester-mesurer-tester.pdf"."""
    text = unicodedata.normalize("NFC", _REFUSED.sub(" ", title))
    words = []
    for word in text.split():
        word = word.strip("".join(c for c in word if not (c.isalnum() or c in "'’-_.")))
        word = word.strip("-_.")
        if any(c.isalnum() for c in word):
            words.append(word)
    name = ""
    for word in words:
        if len(name) + len(word) + 1 > limit:
            name = name or word[:limit]  # one very long word: cut
            break
        name = f"{name}-{word}" if name else word
    name = name or "copdesk"
    if name.split(".")[0].upper() in _RESERVED:
        name += "-sheet"
    return f"{name}.pdf"


def export_pdf(data: Mapping[str, Any], path: str | Path) -> Path:
    """Write the sheet of ``data`` (from :func:`sheet_data`) as an A4 PDF; no dialog."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setPageLayout(a4_layout())
    writer.setResolution(300)
    writer.setTitle(str(data["item"].get("title") or ""))
    writer.setCreator("copdesk")
    _print(sheet_document(data), writer)
    del writer  # the file is complete once the writer is gone
    return path


def print_sheet(data: Mapping[str, Any], parent: QWidget | None = None) -> bool:
    """The print dialog (printer or PDF file) for the sheet; False if cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(a4_layout())
    printer.setDocName(str(data["item"].get("title") or "copdesk"))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("PrintSheet", "Print the sheet"))
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return False
    _print(sheet_document(data), printer)
    return True
