"""PDF text per page, with pypdf (a maintained, pure-Python reader).

pypdf repairs a broken cross-reference table when not strict; an encrypted file is
tried with the empty password (many "protected" PDFs only forbid printing); a file
with pages but no text at all is a scan, said as such with its page count.
"""

from __future__ import annotations

import logging
from pathlib import Path

from copdesk.documents.reading import MAX_PAGES, Full, Reading


def read(path: Path, reading: Reading) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except Exception:  # an unsupported encryption
                opened = 0
            if not opened:
                reading.say("extract.encrypted")
                return
        pages = reader.pages
        total = len(pages)
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        reading.failed = True
        reading.say("extract.damaged", format="PDF", detail=type(exc).__name__)
        return
    reading.pages = total
    broken = 0
    try:
        for number in range(min(total, MAX_PAGES)):
            try:
                text = pages[number].extract_text() or ""
            except Full:
                raise
            except Exception:  # one damaged page: the others are still read
                broken += 1
                continue
            reading.add({"page": number + 1}, text)
    except Full:
        return
    if total > MAX_PAGES:
        reading.say("extract.pages_capped", read=MAX_PAGES, pages=total)
    if broken == total and total:
        reading.failed = True
        reading.say("extract.damaged", format="PDF", detail="pages")
    elif broken:
        reading.say("extract.pages_damaged", damaged=broken, pages=total)
    elif not reading.parts and total:
        reading.say("extract.scanned", pages=total)
