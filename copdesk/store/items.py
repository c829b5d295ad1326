"""Read queries over the current state of items (the ``items`` and ``refs`` tables)."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from copdesk.errors import BadInput
from copdesk.model.text import fold

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_PREFIX = re.compile(r"^[0-9a-f-]{6,36}$")
MIN_PREFIX = 6  # like git, a unique id prefix names an item

# Columns of `list`, extracted in SQL so 100,000 rows need no JSON parsing in Python.
LIST_FIELDS: dict[str, tuple[str, ...]] = {
    "community": ("form", "motivation", "stage", "language"),
    "person": ("site", "job_title", "department", "email"),
    "skill": ("domain",),
    "rex": ("site", "asset", "occurred_on", "outcome", "priority", "language", "review_due"),
    "howto": ("activity", "required_level", "language", "review_due"),
    "document": ("source", "version", "revised_on", "language", "review_due"),
}


def install_functions(conn: sqlite3.Connection) -> None:
    conn.create_function("fold", 1, lambda s: fold(s) if s else s, deterministic=True)


def row_dict(conn: sqlite3.Connection, item_id: str) -> dict[str, Any] | None:
    cur = conn.execute("SELECT * FROM items WHERE id = ?", (item_id,))
    row = cur.fetchone()
    if row is None:
        return None
    out = dict(zip([c[0] for c in cur.description], row, strict=True))
    out["data"] = json.loads(out["data"])
    out["heads"] = json.loads(out["heads"])
    out["tags"] = json.loads(out["tags"])
    return out


def resolve(
    conn: sqlite3.Connection, ref: str, kinds: Sequence[str] | None = None, *, what: str = "item"
) -> str:
    """An item id from a full id, a unique id prefix, or (for named kinds) a unique name.

    Raises BadInput for nothing found or an ambiguous name, listing the candidates.
    """
    text = str(ref).strip()
    where, params = "", []
    if kinds:
        where = f" AND kind IN ({','.join('?' * len(kinds))})"
        params = list(kinds)
    low = text.lower()
    if _UUID.match(low):
        row = conn.execute(f"SELECT id FROM items WHERE id = ?{where}", [low, *params]).fetchone()
        if row:
            return row[0]
        raise BadInput(f"no {what} with id {text}")
    candidates: list[tuple[str, str]] = []
    if _PREFIX.match(low) and len(low) >= MIN_PREFIX:
        candidates = conn.execute(
            f"SELECT id, title FROM items WHERE id >= ? AND id < ?{where} LIMIT 5",
            [low, low + "\uffff", *params],
        ).fetchall()
    if not candidates and text:
        candidates = conn.execute(
            f"SELECT id, title FROM items WHERE deleted = 0 AND fold(title) = ?{where} LIMIT 5",
            [fold(text), *params],
        ).fetchall()
    if len(candidates) == 1:
        return candidates[0][0]
    if not candidates:
        raise BadInput(f"no {what} named or with id {text!r}")
    listed = ", ".join(f"{t} ({i[:8]})" for i, t in candidates)
    raise BadInput(f"{text!r} matches several: {listed}; use the id")


def list_rows(
    conn: sqlite3.Connection,
    kind: str,
    *,
    community: str | None = None,
    status: str | None = None,
    tag: str | None = None,
    deleted: bool = False,
    since_change: int | None = None,
) -> list[dict[str, Any]]:
    """Current items of a kind, newest first, with the columns lists show."""
    return list(
        iter_rows(
            conn,
            kind,
            community=community,
            status=status,
            tag=tag,
            deleted=deleted,
            since_change=since_change,
        )
    )


def iter_rows(
    conn: sqlite3.Connection,
    kind: str,
    *,
    community: str | None = None,
    status: str | None = None,
    tag: str | None = None,
    deleted: bool = False,
    since_change: int | None = None,
) -> Iterator[dict[str, Any]]:
    """:func:`list_rows` one row at a time, as SQLite reads them: `copdesk list` prints
    100,000 items without holding them."""
    extra = LIST_FIELDS.get(kind, ())
    cols = ", ".join(f"json_extract(data, '$.{f}')" for f in extra)
    sql = (
        "SELECT id, kind, title, status, visibility, community, tags, origin_site, created_at,"
        f" created_by, updated_at, updated_by, conflict{', ' + cols if cols else ''}"
        " FROM items WHERE kind = ? AND deleted = ?"
    )
    params: list[Any] = [kind, int(deleted)]
    if community:
        sql += " AND community = ?"
        params.append(community)
    if status:
        sql += " AND status = ?"
        params.append(status)
    if tag:
        sql += " AND EXISTS (SELECT 1 FROM json_each(items.tags) WHERE fold(value) = ?)"
        params.append(fold(tag))
    if since_change is not None:
        sql += " AND change > ?"
        params.append(since_change)
    sql += " ORDER BY updated_at DESC, id"
    title_key = "name" if kind in ("community", "person", "skill") else "title"
    loads = json.loads
    for r in conn.execute(sql, params):
        d = {
            "id": r[0],
            "kind": r[1],
            title_key: r[2],
            "status": r[3],
            "visibility": r[4],
            "community": r[5],
            "tags": [] if r[6] == "[]" else loads(r[6]),
            "origin_site": r[7],
            "created_at": r[8],
            "author": r[9],
            "updated_at": r[10],
            "updated_by": r[11],
            "conflict": bool(r[12]),
        }
        d.update(zip(extra, r[13:], strict=True))
        yield d


def referrers(
    conn: sqlite3.Connection, target: str, kind: str, field: str = "target"
) -> list[dict[str, Any]]:
    """Live items of ``kind`` whose ``field`` points at ``target`` (comments, attachments…)."""
    rows = conn.execute(
        "SELECT i.id FROM refs r JOIN items i ON i.id = r.item_id"
        " WHERE r.target = ? AND r.field = ? AND i.kind = ? AND i.deleted = 0"
        " ORDER BY i.created_at, i.id",
        (target, field, kind),
    ).fetchall()
    return [d for (i,) in rows if (d := row_dict(conn, i)) is not None]


def titles(conn: sqlite3.Connection, ids: Sequence[str]) -> dict[str, str]:
    ids = [i for i in set(ids) if i]
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, title FROM items WHERE id IN ({marks})", ids))


def count_by_kind(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(
        conn.execute("SELECT kind, count(*) FROM items WHERE deleted = 0 GROUP BY kind").fetchall()
    )
