"""Zip containers (Word, Excel, OpenDocument) checked before any library opens them.

A decompression bomb (a few kilobytes that expand to gigabytes) would exhaust memory in
the XML parser long before a limit could say why; here the central directory is read
(sizes only, nothing is decompressed) and a file that expands too much, holds too many
entries or has overlapping entries (the quoted-overlap bomb that Python 3.11.7's
zipfile does not refuse) is not read at all. The child's memory limit is the backstop.
"""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

MAX_UNPACKED = 256 * 1024 * 1024  # bytes, all entries together
MAX_RATIO = 200  # an entry over 1 MiB that expands more than this is a bomb
MAX_ENTRIES = 20_000
_BIG = 1024 * 1024


def refusal(path: Path) -> tuple[str, dict] | None:
    """None when the zip may be opened, else (message code, facts)."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "extract.damaged", {}
    if len(infos) > MAX_ENTRIES:
        return "extract.zip_entries", {"entries": len(infos)}
    total = sum(i.file_size for i in infos)
    packed = max(1, sum(i.compress_size for i in infos))
    worst = max(
        (i.file_size / max(1, i.compress_size) for i in infos if i.file_size > _BIG), default=0
    )
    if total > MAX_UNPACKED or worst > MAX_RATIO:
        return "extract.bomb", {
            "ratio": round(max(worst, total / packed)),
            "mb": round(total / _BIG),
        }
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for a, b in itertools.pairwise(ordered):
        if a.header_offset + 30 + len(a.filename) + a.compress_size > b.header_offset:
            return "extract.bomb", {"ratio": round(total / packed), "mb": round(total / _BIG)}
    return None
