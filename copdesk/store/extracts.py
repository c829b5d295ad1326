"""The text extracted from stored files, per blob and per page, sheet or heading.

Extraction (:mod:`copdesk.documents`) reads a file in a child process; what it found is
kept here, keyed by the blob's SHA-256, so a file attached twice is read once. This
is local data, like the search index: never in a revision, never in a bundle, and it
can always be made again from the blobs (``copdesk extract --all``). ``change`` grows
with every extraction, so the search index catches up on re-extracted files as it does
on edited items.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

_CHUNK = 500


def _chunks(values: Iterable[str]) -> Iterable[list[str]]:
    values = list(dict.fromkeys(values))
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def marker(conn: sqlite3.Connection) -> int:
    """The newest extraction (0: none yet)."""
    return conn.execute("SELECT coalesce(max(change), 0) FROM extracts").fetchone()[0]


def save(conn: sqlite3.Connection, sha256: str, result: dict[str, Any], at: str) -> None:
    """Replace what is known of a blob by ``result`` (inside the caller's transaction)."""
    parts = result.get("parts") or []
    conn.execute("DELETE FROM extract_parts WHERE sha256 = ?", (sha256,))
    conn.execute(
        "INSERT OR REPLACE INTO extracts (sha256, format, status, note, facts, pages, chars,"
        " extractor, at, change) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
        " (SELECT coalesce(max(change), 0) + 1 FROM extracts))",
        (
            sha256,
            result["format"],
            result["status"],
            result.get("note"),
            json.dumps(result.get("facts") or {}, sort_keys=True),
            result.get("pages"),
            sum(len(p["text"]) for p in parts),
            int(result["extractor"]),
            at,
        ),
    )
    conn.executemany(
        "INSERT INTO extract_parts (sha256, n, place, text) VALUES (?, ?, ?, ?)",
        [
            (sha256, n, json.dumps(p["place"], sort_keys=True), p["text"])
            for n, p in enumerate(parts)
        ],
    )


def info(conn: sqlite3.Connection, shas: Iterable[str]) -> dict[str, dict[str, Any]]:
    """sha256 -> {format, status, note, facts, pages, chars, extractor, at} of known blobs."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(shas):
        rows = conn.execute(
            "SELECT sha256, format, status, note, facts, pages, chars, extractor, at"
            f" FROM extracts WHERE sha256 IN ({','.join('?' * len(chunk))})",
            chunk,
        )
        for sha, fmt, status, note, facts, pages, chars, extractor, at in rows:
            out[sha] = {
                "format": fmt,
                "status": status,
                "note": note,
                "facts": json.loads(facts),
                "pages": pages,
                "chars": chars,
                "extractor": extractor,
                "at": at,
            }
    return out


def parts(conn: sqlite3.Connection, sha256: str) -> list[dict[str, Any]]:
    """The text of one blob, in order: [{place, text}]."""
    rows = conn.execute(
        "SELECT place, text FROM extract_parts WHERE sha256 = ? ORDER BY n", (sha256,)
    )
    return [{"place": json.loads(place), "text": text} for place, text in rows]


def text(conn: sqlite3.Connection, sha256: str) -> str:
    """The whole text of one blob ("" when nothing was read)."""
    return "\n".join(p["text"] for p in parts(conn, sha256))


def attachments_of(
    conn: sqlite3.Connection, targets: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """Item id -> its live attachments [{id, name, sha256, size, media_type}], oldest first."""
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for chunk in _chunks(targets):
        rows = conn.execute(
            "SELECT i.id, i.data FROM refs r JOIN items i ON i.id = r.item_id"
            " WHERE r.field = 'target' AND i.kind = 'attachment' AND i.deleted = 0"
            f" AND r.target IN ({','.join('?' * len(chunk))}) ORDER BY i.created_at, i.id",
            chunk,
        )
        for item_id, data in rows:
            d = json.loads(data)
            out[d["target"]].append({"id": item_id, **d})
    return dict(out)


def texts_of(conn: sqlite3.Connection, targets: Iterable[str]) -> dict[str, tuple[str, list[str]]]:
    """Item id -> (the extracted text of its files, their formats) for items with files."""
    files = attachments_of(conn, targets)
    shas = [a["sha256"] for atts in files.values() for a in atts]
    known = info(conn, shas)
    texts: dict[str, str] = {}
    for chunk in _chunks(s for s in shas if known.get(s, {}).get("chars")):
        rows = conn.execute(
            "SELECT sha256, text FROM extract_parts"
            f" WHERE sha256 IN ({','.join('?' * len(chunk))}) ORDER BY sha256, n",
            chunk,
        )
        joined: dict[str, list[str]] = defaultdict(list)
        for sha, t in rows:
            joined[sha].append(t)
        texts.update({sha: "\n".join(ts) for sha, ts in joined.items()})
    out: dict[str, tuple[str, list[str]]] = {}
    for target, atts in files.items():
        formats = sorted({known[a["sha256"]]["format"] for a in atts if a["sha256"] in known})
        body = "\n".join(texts[a["sha256"]] for a in atts if a["sha256"] in texts)
        out[target] = (body, formats)
    return out


def targets_changed_since(conn: sqlite3.Connection, reached: int) -> tuple[set[str], int]:
    """Items whose files were (re-)extracted after extraction ``reached``, and the newest."""
    rows = conn.execute(
        "SELECT sha256, change FROM extracts WHERE change > ? ORDER BY change", (reached,)
    ).fetchall()
    if not rows:
        return set(), reached
    newest = max(c for _, c in rows)
    touched: set[str] = set()
    for chunk in _chunks(s for s, _ in rows):
        touched.update(
            t
            for (t,) in conn.execute(
                "SELECT json_extract(data, '$.target') FROM items WHERE kind = 'attachment'"
                " AND deleted = 0 AND json_extract(data, '$.sha256')"
                f" IN ({','.join('?' * len(chunk))})",
                chunk,
            )
        )
    return touched, newest


def wanted(conn: sqlite3.Connection, extractor: int, *, every: bool = False) -> list[str]:
    """Blobs of live attachments not yet read by this ``extractor`` version (``every``:
    all of them), oldest attachment first."""
    rows = conn.execute(
        "SELECT DISTINCT json_extract(i.data, '$.sha256') FROM items i"
        " LEFT JOIN extracts e ON e.sha256 = json_extract(i.data, '$.sha256')"
        " WHERE i.kind = 'attachment' AND i.deleted = 0"
        + ("" if every else " AND (e.sha256 IS NULL OR e.extractor < ?)")
        + " ORDER BY i.change",
        () if every else (extractor,),
    )
    return [sha for (sha,) in rows]
