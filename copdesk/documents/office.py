"""Word and Excel files: python-docx (text by heading, tables included) and openpyxl in
read-only mode (cells streamed, never the whole workbook in memory), a row per part so
a hit can name its sheet and cell."""

from __future__ import annotations

from pathlib import Path

from copdesk.documents.reading import MAX_CELLS, Full, Reading

HEADING_STYLES = ("heading", "titre", "title")


def read_docx(path: Path, reading: Reading) -> None:
    import docx
    from docx.table import Table

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises whatever lxml or zipfile raise
        reading.failed = True
        reading.say("extract.damaged", format="Word", detail=type(exc).__name__)
        return
    heading, lines = "", []

    def flush() -> None:
        if lines:
            reading.add({"heading": heading} if heading else {}, "\n".join(lines))
            lines.clear()

    try:
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                for row in block.rows:
                    cells = list(dict.fromkeys(c.text.strip() for c in row.cells))
                    line = " | ".join(c for c in cells if c)
                    if line:
                        lines.append(line)
                continue
            text = block.text.strip()
            style = (block.style.name if block.style is not None else "") or ""
            if text and style.lower().startswith(HEADING_STYLES):
                flush()
                heading = text
            if text:
                lines.append(text)
        flush()
    except Full:
        return
    if not reading.parts:
        reading.say("extract.no_text")


def column_letter(n: int) -> str:
    """1 -> A, 27 -> AA."""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def read_xlsx(path: Path, reading: Reading) -> None:
    with open(path, "rb") as stream:  # a stream: openpyxl refuses a name not ending in .xlsx
        _read_book(stream, reading)


def _read_book(stream, reading: Reading) -> None:
    import openpyxl

    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except Exception as exc:
        reading.failed = True
        reading.say("extract.damaged", format="Excel", detail=type(exc).__name__)
        return
    cells = 0
    try:
        for sheet in book.worksheets:
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
                values, columns = [], []
                for col, value in enumerate(row, 1):
                    if value is None or value == "":
                        continue
                    cells += 1
                    values.append(str(value).replace("|", "/"))
                    columns.append(column_letter(col))
                    if cells >= MAX_CELLS:
                        break
                if values:
                    reading.add(
                        {"sheet": sheet.title, "row": number, "cols": columns},
                        " | ".join(" ".join(v.split()) for v in values),
                    )
                if cells >= MAX_CELLS:
                    reading.say("extract.cells_capped", cells=MAX_CELLS)
                    return
    except Full:
        return
    except Exception as exc:
        reading.failed = not reading.parts
        reading.say("extract.damaged", format="Excel", detail=type(exc).__name__)
        return
    finally:
        book.close()
    if not reading.parts:
        reading.say("extract.no_text")
