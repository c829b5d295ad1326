"""Printing an experience report or a know-how sheet to be posted at a workstation.

A sheet is read standing, from a metre away, often with gloves on: A4, a large
title, the key facts in a short table, the steps numbered in large type and the
safety instructions (or, for a report, the lessons and recommendations) in a
framed box that catches the eye. The page is laid out by a QTextDocument, so the
same layout goes to a printer (QPrintDialog, which also offers "print to PDF")
and to a PDF file (:func:`export_pdf`, used by "Export as PDF…" and the tests).

The item is read on the worker (:func:`sheet_data`); everything here after that
works on plain data on the GUI thread.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from copdesk import messages
from copdesk.gui.read_jobs import blob_images
from copdesk.workspace import Workspace

PRINTABLE = ("rex", "howto")
MARGIN_MM = 15.0
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
# Values shown as words on the sheet (the model stores codes).
VALUES = {
    "near_miss": QT_TRANSLATE_NOOP("PrintSheet", "Near miss"),
    "positive": QT_TRANSLATE_NOOP("PrintSheet", "Positive"),
    "negative": QT_TRANSLATE_NOOP("PrintSheet", "Negative"),
    "red": QT_TRANSLATE_NOOP("PrintSheet", "Red — urgent"),
    "yellow": QT_TRANSLATE_NOOP("PrintSheet", "Yellow — caution"),
    "blue": QT_TRANSLATE_NOOP("PrintSheet", "Blue — information"),
    "green": QT_TRANSLATE_NOOP("PrintSheet", "Green — good practice"),
    "draft": QT_TRANSLATE_NOOP("PrintSheet", "Draft"),
    "proposed": QT_TRANSLATE_NOOP("PrintSheet", "Proposed"),
    "validated": QT_TRANSLATE_NOOP("PrintSheet", "Validated"),
    "obsolete": QT_TRANSLATE_NOOP("PrintSheet", "Obsolete"),
}
PRIORITY_INK = {"red": "#c00000", "yellow": "#a86400", "blue": "#0b4f9c", "green": "#1d7a3a"}
SAFETY_INK = "#c00000"


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _tr(text: str) -> str:
    """Translate a value marked with QT_TRANSLATE_NOOP above."""
    return translate("PrintSheet", text)


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
        return {"item": item, "html": rendered, "images": images, "site": ws.site_name}

    return job


def _label(kind: str, name: str, french: bool) -> str:
    return messages.field_label(kind, name, "fr" if french else "en")


def _value(item: Mapping[str, Any], name: str) -> str:
    from copdesk.gui.language import format_date

    value = item.get(name)
    if name == "community":
        value = item.get("community_name") or value
    elif name == "holders":
        value = ", ".join(n for n in item.get("holder_names") or [] if n)
    elif name == "occurred_on":
        value = format_date(value)
    elif name == "required_level" and value not in (None, ""):
        value = {0: "0", 1: "1 (I)", 2: "2 (L)", 3: "3 (U)", 4: "4 (O)"}.get(value, str(value))
    elif isinstance(value, str) and value in VALUES:
        value = _tr(VALUES[value])
    elif isinstance(value, list):
        value = ", ".join(str(v) for v in value)
    return "" if value in (None, "") else str(value)


def sheet_html(data: Mapping[str, Any]) -> str:
    """The sheet as HTML for QTextDocument (which knows tables, not CSS boxes: the framed
    box is a one-cell table)."""
    from copdesk.gui.language import format_date

    item = data["item"]
    kind = item["kind"]
    if kind not in LAYOUT:
        raise ValueError(f"a {kind} cannot be printed as a sheet")
    layout = LAYOUT[kind]
    french = QLocale().language() == QLocale.Language.French  # the interface language
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
            body.append(
                f'<p style="font-size:18pt; font-weight:bold; margin:14px 0 4px 0">{heading}</p>'
            )
            body.append(f'<div style="font-size:15pt; line-height:125%">{content}</div>')
        else:
            body.append(f'<h2 style="font-size:14pt">{heading}</h2>{content}')
    return (
        "<html><body style=\"font-family:'DejaVu Sans', Arial, sans-serif; font-size:12pt\">"
        f'<p style="font-size:11pt; color:#555555; margin:0">{esc(kind_name.upper())}</p>'
        f'<h1 style="font-size:26pt; margin:4px 0 10px 0">{esc(title)}</h1>'
        f'<table cellspacing="0" cellpadding="2" style="font-size:12pt">{"".join(rows)}</table>'
        f"{''.join(body)}"
        f'<hr/><p style="font-size:9pt; color:#555555">{footer}</p></body></html>'
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
    # QTextDocument.print_ scales it to the device and adds page numbers.
    rect = device.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(device)


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
