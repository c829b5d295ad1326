"""OpenDocument text and spreadsheets with odfpy: an ODT's text by heading, an ODS's
cells by sheet and row (repeated rows and columns counted, never expanded)."""

from __future__ import annotations

from pathlib import Path

from copdesk.documents.office import column_letter
from copdesk.documents.reading import MAX_CELLS, Full, Reading

MAX_REPEAT = 1_000_000


def _load(path: Path, reading: Reading):
    from odf.opendocument import load

    try:
        return load(str(path))
    except Exception as exc:
        reading.failed = True
        reading.say("extract.damaged", format="OpenDocument", detail=type(exc).__name__)
        return None


def read_odt(path: Path, reading: Reading) -> None:
    from odf import teletype
    from odf.namespaces import TEXTNS

    document = _load(path, reading)
    if document is None:
        return
    heading, lines = "", []

    def flush() -> None:
        if lines:
            reading.add({"heading": heading} if heading else {}, "\n".join(lines))
            lines.clear()

    def walk(node) -> None:
        nonlocal heading
        for child in node.childNodes:
            qname = getattr(child, "qname", None)
            if qname == (TEXTNS, "h"):
                flush()
                heading = teletype.extractText(child).strip()
                lines.append(heading)
            elif qname == (TEXTNS, "p"):
                text = teletype.extractText(child).strip()
                if text:
                    lines.append(text)
            elif getattr(child, "childNodes", None):
                walk(child)

    try:
        walk(document.text)
        flush()
    except Full:
        return
    if not reading.parts:
        reading.say("extract.no_text")


def read_ods(path: Path, reading: Reading) -> None:
    from odf import teletype
    from odf.namespaces import TABLENS
    from odf.table import Table

    document = _load(path, reading)
    if document is None:
        return
    cells = 0

    def repeat(node, attr: str) -> int:
        try:
            return min(MAX_REPEAT, int(node.getAttrNS(TABLENS, attr) or 1))
        except (TypeError, ValueError):
            return 1

    try:
        for sheet in document.spreadsheet.getElementsByType(Table):
            name = sheet.getAttrNS(TABLENS, "name") or ""
            row_number = 0
            for row in sheet.childNodes:
                if getattr(row, "qname", None) != (TABLENS, "table-row"):
                    continue
                row_number += 1
                col, values, columns = 0, [], []
                for cell in row.childNodes:
                    if getattr(cell, "qname", None) not in (
                        (TABLENS, "table-cell"),
                        (TABLENS, "covered-table-cell"),
                    ):
                        continue
                    col += 1
                    text = " ".join(teletype.extractText(cell).split())
                    if text:
                        cells += 1
                        values.append(text.replace("|", "/"))
                        columns.append(column_letter(col))
                    col += repeat(cell, "number-columns-repeated") - 1
                if values:
                    reading.add(
                        {"sheet": name, "row": row_number, "cols": columns}, " | ".join(values)
                    )
                row_number += repeat(row, "number-rows-repeated") - 1
                if cells >= MAX_CELLS:
                    reading.say("extract.cells_capped", cells=MAX_CELLS)
                    return
    except Full:
        return
    if not reading.parts:
        reading.say("extract.no_text")
