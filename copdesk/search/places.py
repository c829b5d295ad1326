"""Where in an item's files a hit is: the page, the sheet's cell or the heading whose
text matches best, and the snippet from there.

The index holds an item's files' text as part of its text (one document per item, so
ranking, totals and facets are unchanged); the place is found again, for the hits of
one page only, from the text stored per page (:mod:`copdesk.store.extracts`): each
part is folded and the query's stems looked for in it, the part with the most of them
wins (the first such part on a tie), and its snippet is made as any other.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from copdesk.search.analysis import lower_folded
from copdesk.search.snippets import SNIPPET_CHARS, snippet
from copdesk.store import extracts

MAX_PARTS = 5_000  # parts of one item's files looked at


def _fold(text: str) -> str:
    return lower_folded(text)


def _cell(place: dict[str, Any], text: str, marks: set[str]) -> dict[str, Any]:
    """A spreadsheet row's place narrowed to the cell holding the match."""
    cols = place.get("cols") or []
    values = text.split(" | ")
    if len(values) == len(cols):
        for col, value in zip(cols, values, strict=True):
            folded = _fold(value)
            if any(m in folded for m in marks):
                return {"sheet": place["sheet"], "cell": f"{col}{place['row']}"}
    return {"sheet": place["sheet"], "row": place["row"]}


def locate(
    conn: sqlite3.Connection, item_id: str, marks: set[str], language: str
) -> dict[str, Any] | None:
    """The best place of ``marks`` (stems) in the item's files: {attachment, name, sha256,
    place, snippet}, or None when no file's text has them."""
    if not marks:
        return None
    files = extracts.attachments_of(conn, [item_id]).get(item_id, [])
    best: tuple[int, int] | None = None
    found: tuple[dict[str, Any], dict[str, Any]] | None = None
    seen = 0
    for att in files:
        for part in extracts.parts(conn, att["sha256"]):
            seen += 1
            if seen > MAX_PARTS:
                break
            folded = _fold(part["text"])
            score = sum(1 for m in marks if m in folded)
            if score and (best is None or score > best[0]):
                best, found = (score, seen), (att, part)
    if found is None:
        return None
    att, part = found
    text = part["text"]
    place = part["place"]
    if "sheet" in place and "row" in place:
        place = _cell(place, text, marks)
    return {
        "attachment": att["id"],
        "name": att["name"],
        "sha256": att["sha256"],
        "place": place,
        "snippet": " ".join(snippet(text, marks, language, SNIPPET_CHARS).split()),
    }
