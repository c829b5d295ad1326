"""Plain text, Markdown and CSV: UTF-8 (with or without BOM), else Windows-1252; text and
CSV by groups of lines, Markdown by heading."""

from __future__ import annotations

import re
from pathlib import Path

from copdesk.documents.reading import MAX_CHARS, Full, Reading

LINES = 40  # lines per part of a text or CSV file
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read(path: Path, reading: Reading) -> None:
    with open(path, "rb") as f:
        raw = f.read(MAX_CHARS * 2 + 1)
    text = _decode(raw)
    lines = text.splitlines()
    try:
        if reading.format == "markdown":
            heading, chunk = "", []
            for line in lines:
                m = _HEADING.match(line)
                if m:
                    reading.add({"heading": heading} if heading else {}, "\n".join(chunk))
                    heading, chunk = m.group(1), []
                chunk.append(line)
            reading.add({"heading": heading} if heading else {}, "\n".join(chunk))
        else:
            for start in range(0, len(lines), LINES):
                reading.add({"line": start + 1}, "\n".join(lines[start : start + LINES]))
    except Full:
        return
    if len(raw) > MAX_CHARS * 2:
        reading.say("extract.text_capped", chars=MAX_CHARS)
