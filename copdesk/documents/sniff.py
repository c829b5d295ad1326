"""What a file is, from its bytes, not its name: a lying extension is read as what it is.

The name only chooses between the plain-text forms (text, Markdown, CSV) and is compared
with the content so that the note can say "named .docx but is a PDF".
"""

from __future__ import annotations

import zipfile
from pathlib import Path

# extension -> the format it claims
CLAIMS = {
    "pdf": "pdf",
    "docx": "docx",
    "docm": "docx",
    "xlsx": "xlsx",
    "xlsm": "xlsx",
    "odt": "odt",
    "ods": "ods",
    "txt": "text",
    "text": "text",
    "log": "text",
    "md": "markdown",
    "markdown": "markdown",
    "csv": "csv",
    "tsv": "csv",
}
PLAIN = ("text", "markdown", "csv")
ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
HEAD = 64 * 1024  # bytes looked at to tell text from binary


def claimed(name: str) -> str | None:
    """The format a file name claims (None: an extension we do not read)."""
    suffix = Path(name).suffix.lower().lstrip(".")
    return CLAIMS.get(suffix)


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                info = zf.getinfo("mimetype")
                if info.file_size < 200:
                    found = ODF.get(zf.read("mimetype").strip())
                    if found:
                        return found
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, NotImplementedError):
        return "damaged-zip"
    return "other"


def _is_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 4:  # a character cut by the end of the sample
            return True
    # Windows-1252 text: mostly printable
    printable = sum(1 for b in head if b >= 32 or b in (9, 10, 13))
    return printable >= 0.95 * len(head)


def sniff(path: Path, name: str) -> str:
    """pdf, docx, xlsx, odt, ods, text, markdown, csv, empty, damaged-zip or other."""
    with open(path, "rb") as f:
        head = f.read(HEAD)
    if not head:
        return "empty"
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return _zip_format(path)
    if _is_text(head):
        claim = claimed(name)
        return claim if claim in PLAIN else "text"
    return "other"
