"""Read one file: tell what it is from its bytes, check a zip container, call the reader.

Runs in the child process (:mod:`copdesk.documents.child`); the result is plain data:
``{format, status, note, facts, pages, parts: [{place, text}], extractor}`` where
``status`` is ok, partial (some text, and a note saying what was not read), empty (no
text: a scan, an empty sheet), failed (the file itself could not be read) or none (a
kind of file that holds no text to read, such as a photo).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from copdesk.documents import sniff, zipcheck
from copdesk.documents.reading import EXTRACTOR, Reading

ZIPPED = ("docx", "xlsx", "odt", "ods")
NAMES = {
    "pdf": "PDF",
    "docx": "Word",
    "xlsx": "Excel",
    "odt": "OpenDocument",
    "ods": "OpenDocument",
    "text": "text",
    "markdown": "Markdown",
    "csv": "CSV",
}


def nothing(fmt: str, note: str, **facts: Any) -> dict[str, Any]:
    """A result with no text (a photo, an empty file, a file that is not here)."""
    return {
        "format": fmt,
        "status": "none",
        "note": note,
        "facts": facts,
        "pages": None,
        "parts": [],
        "extractor": EXTRACTOR,
    }


def read(path: Path, name: str) -> dict[str, Any]:
    fmt = sniff.sniff(path, name)
    if fmt == "empty":
        return nothing("empty", "extract.empty_file")
    if fmt == "damaged-zip":
        claim = sniff.claimed(name)
        return {
            **nothing(claim or "other", "extract.damaged", format=NAMES.get(claim, "zip")),
            "status": "failed",
        }
    if fmt == "other":
        return nothing("other", "extract.not_text")
    reading = Reading(fmt)
    claim = sniff.claimed(name)
    if claim and claim != fmt and not (claim in sniff.PLAIN and fmt in sniff.PLAIN):
        reading.say("extract.mismatch", claimed=Path(name).suffix.lower(), actual=NAMES[fmt])
    if fmt in ZIPPED:
        refused = zipcheck.refusal(path)
        if refused:
            code, facts = refused
            reading.note = None
            reading.failed = True
            reading.say(code, format=NAMES[fmt], **facts)
            return reading.result()
    if fmt == "pdf":
        from copdesk.documents import pdf

        pdf.read(path, reading)
    elif fmt == "docx":
        from copdesk.documents import office

        office.read_docx(path, reading)
    elif fmt == "xlsx":
        from copdesk.documents import office

        office.read_xlsx(path, reading)
    elif fmt == "odt":
        from copdesk.documents import opendoc

        opendoc.read_odt(path, reading)
    elif fmt == "ods":
        from copdesk.documents import opendoc

        opendoc.read_ods(path, reading)
    else:
        from copdesk.documents import plain

        plain.read(path, reading)
    return reading.result()
