"""Immutable, content-addressed revisions and the current state derived from them.

A revision's body is canonical JSON (sorted keys, no spaces, UTF-8, NFC text,
no floats); its id is the SHA-256 of those bytes, so the same revision has the
same id on every site and any change to it is detectable. Every create, edit,
delete and restore appends one; nothing is ever updated in place.

An item's shown version is chosen among its heads (revisions no other revision
names as parent) without clocks: a live revision beats a tombstone, then the
longer history (generation), then the higher revision id. Two live heads mean a
conflict. This rule is what lets sites exchange revisions in any order later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from copdesk.model.kinds import KINDS, REF, REFS

FORMAT = 1
OPS = ("create", "edit", "delete", "restore", "resolve")


def canonical(obj: Any) -> bytes:
    """The one byte form of a JSON value that revision ids are computed from."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def now() -> str:
    """Current time, ISO 8601 UTC with milliseconds (sorts as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Revision:
    rev_id: str
    item: str
    kind: str
    parents: tuple[str, ...]
    site: str
    seq: int
    author: str | None
    at: str
    op: str
    content: dict[str, Any] | None  # None: tombstone
    body: str

    @property
    def deleted(self) -> bool:
        return self.content is None

    @classmethod
    def build(
        cls,
        *,
        item: str,
        kind: str,
        parents: Sequence[str],
        site: str,
        seq: int,
        author: str | None,
        at: str,
        op: str,
        content: dict[str, Any] | None,
    ) -> Revision:
        fields = {
            "v": FORMAT,
            "item": item,
            "kind": kind,
            "parents": sorted(parents),
            "site": site,
            "seq": seq,
            "author": author,
            "at": at,
            "op": op,
            "content": content,
        }
        raw = canonical(fields)
        return cls(
            rev_id=hashlib.sha256(raw).hexdigest(),
            item=item,
            kind=kind,
            parents=tuple(sorted(parents)),
            site=site,
            seq=seq,
            author=author,
            at=at,
            op=op,
            content=content,
            body=raw.decode("utf-8"),
        )

    @classmethod
    def from_body(cls, body: str) -> Revision:
        """Parse a stored body; the id is recomputed from the bytes."""
        d = json.loads(body)
        return cls(
            rev_id=hashlib.sha256(body.encode("utf-8")).hexdigest(),
            item=d["item"],
            kind=d["kind"],
            parents=tuple(d["parents"]),
            site=d["site"],
            seq=d["seq"],
            author=d["author"],
            at=d["at"],
            op=d["op"],
            content=d["content"],
            body=body,
        )


def next_seq(conn: sqlite3.Connection, site: str) -> int:
    row = conn.execute("SELECT max(seq) FROM revisions WHERE site = ?", (site,)).fetchone()
    return (row[0] or 0) + 1


def _next_change(conn: sqlite3.Connection) -> int:
    return (conn.execute("SELECT max(change) FROM items").fetchone()[0] or 0) + 1


def _insert(conn: sqlite3.Connection, revs: Sequence[tuple[Revision, int]]) -> None:
    conn.executemany(
        "INSERT INTO revisions (rev_id, item_id, site, seq, generation, deleted, at, author, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (r.rev_id, r.item, r.site, r.seq, g, int(r.deleted), r.at, r.author, r.body)
            for r, g in revs
        ],
    )
    parents = [(r.rev_id, p) for r, _ in revs for p in r.parents]
    if parents:
        conn.executemany("INSERT INTO rev_parents (rev_id, parent) VALUES (?, ?)", parents)


def references(kind: str, content: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, target id) for every reference the content makes."""
    out = []
    for f in KINDS[kind].fields:
        value = content.get(f.name)
        if f.type == REF and value:
            out.append((f.name, value))
        elif f.type == REFS and value:
            out.extend((f.name, v) for v in value)
    return out


def _title(kind: str, content: dict[str, Any]) -> str:
    return str(content.get(KINDS[kind].title_field, ""))


def _row(
    head: Revision,
    content: dict[str, Any],
    heads: list[str],
    conflict: bool,
    created: tuple[str, str | None, str],
    change: int,
) -> tuple:
    created_at, created_by, origin = created
    return (
        head.item,
        head.kind,
        head.rev_id,
        json.dumps(sorted(heads)),
        int(head.deleted),
        int(conflict),
        _title(head.kind, content),
        content.get("status"),
        content.get("visibility"),
        content.get("community"),
        json.dumps(content.get("tags", []), ensure_ascii=False),
        origin,
        created_at,
        created_by,
        head.at,
        head.author,
        change,
        json.dumps(content, ensure_ascii=False, sort_keys=True),
    )


_COLUMNS = [
    "id",
    "kind",
    "head",
    "heads",
    "deleted",
    "conflict",
    "title",
    "status",
    "visibility",
    "community",
    "tags",
    "origin_site",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
    "change",
    "data",
]
_UPSERT = (
    f"INSERT INTO items ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
    f" ON CONFLICT(id) DO UPDATE SET " + ", ".join(f"{c} = excluded.{c}" for c in _COLUMNS[1:])
)


def _set_refs(conn: sqlite3.Connection, items: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    rows = []
    for item_id, kind, content in items:
        rows.extend((item_id, f, t) for f, t in references(kind, content))
    if rows:
        conn.executemany(
            "INSERT OR IGNORE INTO refs (item_id, field, target) VALUES (?, ?, ?)", rows
        )


def create_many(conn: sqlite3.Connection, revs: Sequence[Revision]) -> None:
    """Store root revisions of new items in bulk (CSV import, demo)."""
    change = _next_change(conn)
    _insert(conn, [(r, 1) for r in revs])
    conn.executemany(
        _UPSERT,
        [
            _row(r, r.content or {}, [r.rev_id], False, (r.at, r.author, r.site), change + i)
            for i, r in enumerate(revs)
        ],
    )
    _set_refs(conn, ((r.item, r.kind, r.content or {}) for r in revs))


def add(conn: sqlite3.Connection, rev: Revision) -> None:
    """Store one revision and recompute its item's current state."""
    generation = 1
    if rev.parents:
        marks = ",".join("?" * len(rev.parents))
        row = conn.execute(
            f"SELECT max(generation) FROM revisions WHERE rev_id IN ({marks})", rev.parents
        ).fetchone()
        generation = (row[0] or 0) + 1
    _insert(conn, [(rev, generation)])
    rematerialize(conn, rev.item)


def _live_content(conn: sqlite3.Connection, rev: Revision) -> dict[str, Any]:
    """Content to show for a tombstone: its nearest live ancestor's."""
    seen = set()
    todo = list(rev.parents)
    while todo:
        rid = todo.pop(0)
        if rid in seen:
            continue
        seen.add(rid)
        row = conn.execute("SELECT body FROM revisions WHERE rev_id = ?", (rid,)).fetchone()
        if row is None:
            continue
        parent = Revision.from_body(row[0])
        if parent.content is not None:
            return parent.content
        todo.extend(parent.parents)
    return {}


def current_state(conn: sqlite3.Connection, item_id: str) -> tuple | None:
    """The items row derived from the item's revisions alone."""
    heads = conn.execute(
        "SELECT rev_id, deleted, generation, body FROM revisions r WHERE item_id = ?"
        " AND NOT EXISTS (SELECT 1 FROM rev_parents p WHERE p.parent = r.rev_id)",
        (item_id,),
    ).fetchall()
    if not heads:
        return None
    winner = max(heads, key=lambda h: (not h[1], h[2], h[0]))
    head = Revision.from_body(winner[3])
    live = sum(1 for h in heads if not h[1])
    content = head.content if head.content is not None else _live_content(conn, head)
    root = conn.execute(
        "SELECT at, author, site FROM revisions WHERE item_id = ? AND generation = 1"
        " ORDER BY at, rev_id LIMIT 1",
        (item_id,),
    ).fetchone()
    created = (root[0], root[1], root[2]) if root else (head.at, head.author, head.site)
    return _row(head, content, [h[0] for h in heads], live > 1, created, 0)


def rematerialize(conn: sqlite3.Connection, item_id: str) -> None:
    """Recompute one item's row and references from its revisions."""
    row = current_state(conn, item_id)
    if row is None:
        return
    row = (*row[:16], _next_change(conn), row[17])
    conn.execute("DELETE FROM refs WHERE item_id = ?", (item_id,))
    conn.execute(_UPSERT, row)
    _set_refs(conn, [(item_id, row[1], json.loads(row[17]))])


def revisions_of(conn: sqlite3.Connection, item_id: str) -> list[tuple[Revision, int]]:
    """All revisions of an item with their generation, oldest first."""
    rows = conn.execute(
        "SELECT body, generation FROM revisions WHERE item_id = ? ORDER BY generation, at, rev_id",
        (item_id,),
    ).fetchall()
    return [(Revision.from_body(body), gen) for body, gen in rows]


def get(conn: sqlite3.Connection, rev_id: str) -> Revision | None:
    row = conn.execute("SELECT body FROM revisions WHERE rev_id = ?", (rev_id,)).fetchone()
    return Revision.from_body(row[0]) if row else None
