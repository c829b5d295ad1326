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
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from copdesk.model.kinds import KINDS, REF, REFS

FORMAT = 1
OPS = ("create", "edit", "delete", "restore", "resolve")


def dump(obj: Any) -> str:
    """Canonical JSON text: sorted keys, no spaces, UTF-8 characters kept, no NaN."""
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


_PLAIN = re.compile(r"[A-Za-z0-9:.+_-]*")


def _str(value: str | None) -> str:
    """dump() of an id, time or name that needs no escaping, without the JSON encoder."""
    if value is None:
        return "null"
    return f'"{value}"' if _PLAIN.fullmatch(value) else dump(value)


def canonical(obj: Any) -> bytes:
    """The one byte form of a JSON value that revision ids are computed from."""
    return dump(obj).encode("utf-8")


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
    content_json: str | None = field(default=None, compare=False, repr=False)

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
        # Equal to canonical() of the whole revision (keys in sorted order), built
        # by hand so the content is serialised once and reused for items.data.
        content_json = "null" if content is None else dump(content)
        parents_json = "[" + ",".join(_str(p) for p in sorted(parents)) + "]"
        body = (
            f'{{"at":{_str(at)},"author":{_str(author)},"content":{content_json},'
            f'"item":{_str(item)},"kind":{_str(kind)},"op":{_str(op)},'
            f'"parents":{parents_json},"seq":{int(seq)},"site":{_str(site)},'
            f'"v":{FORMAT}}}'
        )
        raw = body.encode("utf-8")
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
            body=body,
            content_json=content_json if content is not None else None,
        )

    @classmethod
    def from_body(cls, body: str, rev_id: str | None = None) -> Revision:
        """Parse a body; the id is recomputed from the bytes unless given (trusted store)."""
        d = json.loads(body)
        return cls(
            rev_id=rev_id or hashlib.sha256(body.encode("utf-8")).hexdigest(),
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
    """The site's next revision number: above every one it holds, and above the highest
    it ever published (``seq_floor``, set when the workspace finds it was restored from
    a backup that predates revisions peers already hold)."""
    row = conn.execute("SELECT max(seq) FROM revisions WHERE site = ?", (site,)).fetchone()
    floor = conn.execute("SELECT value FROM meta WHERE key = 'seq_floor'").fetchone()
    return max(row[0] or 0, int(floor[0]) if floor else 0) + 1


def _next_change(conn: sqlite3.Connection) -> int:
    return (conn.execute("SELECT max(change) FROM items").fetchone()[0] or 0) + 1


def _insert(
    conn: sqlite3.Connection,
    revs: Sequence[tuple[Revision, int]],
    sigs: dict[str, str | None] | None = None,
    unchecked: set[str] | frozenset[str] = frozenset(),
) -> None:
    sigs = sigs or {}
    conn.executemany(
        "INSERT INTO revisions (rev_id, item_id, site, seq, generation, deleted, at, author,"
        " body, sig, sig_checked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.rev_id,
                r.item,
                r.site,
                r.seq,
                g,
                int(r.deleted),
                r.at,
                r.author,
                r.body,
                sigs.get(r.rev_id),
                int(r.rev_id not in unchecked),
            )
            for r, g in revs
        ],
    )
    parents = [(r.rev_id, p) for r, _ in revs for p in r.parents]
    if parents:
        conn.executemany("INSERT INTO rev_parents (rev_id, parent) VALUES (?, ?)", parents)


def insert_many(
    conn: sqlite3.Connection,
    revs: Sequence[tuple[Revision, int]],
    sigs: dict[str, str | None] | None = None,
    unchecked: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Store revisions (with their generations and origin signatures) that came from
    elsewhere; ``unchecked``: signatures covered by the producer's bundle signature only.
    The caller rematerialises their items afterwards."""
    _insert(conn, revs, sigs, unchecked)


def is_private(conn: sqlite3.Connection, rev_id: str, memo: dict[str, bool] | None = None) -> bool:
    """Whether a revision holds a private or site-only version (a deletion: whether
    what it deletes was). Such revisions never leave the site."""
    memo = {} if memo is None else memo
    if rev_id in memo:
        return memo[rev_id]
    row = conn.execute("SELECT body FROM revisions WHERE rev_id = ?", (rev_id,)).fetchone()
    if row is None:
        return False
    rev = Revision.from_body(row[0], rev_id)
    if rev.content is not None:
        private = rev.content.get("visibility", "shared") != "shared"
    else:
        private = any(is_private(conn, p, memo) for p in rev.parents)
    memo[rev_id] = private
    return private


def shared_base(conn: sqlite3.Connection, parents: Sequence[str]) -> tuple[list[str], set[str]]:
    """For a shared version written on ``parents``: the nearest shared ancestors to use as
    parents instead, and the private revisions in between (never exported, so they can
    be set aside without any other site noticing)."""
    memo: dict[str, bool] = {}
    base: list[str] = []
    tail: set[str] = set()
    todo = list(parents)
    while todo:
        rid = todo.pop()
        if rid in tail or rid in base:
            continue
        published = conn.execute("SELECT 1 FROM feed WHERE rev_id = ?", (rid,)).fetchone()
        if published or not is_private(conn, rid, memo):
            base.append(rid)
            continue
        tail.add(rid)
        row = conn.execute("SELECT body FROM revisions WHERE rev_id = ?", (rid,)).fetchone()
        todo.extend(Revision.from_body(row[0], rid).parents)
    return sorted(set(base)), tail


def set_aside(conn: sqlite3.Connection, rev_ids: set[str], at: str) -> None:
    """Move private revisions out of the history that is exchanged (kept as drafts)."""
    for rid in sorted(rev_ids):
        conn.execute(
            "INSERT OR IGNORE INTO drafts (rev_id, item_id, generation, body, set_aside_at)"
            " SELECT rev_id, item_id, generation, body, ? FROM revisions WHERE rev_id = ?",
            (at, rid),
        )
        conn.execute("DELETE FROM rev_parents WHERE rev_id = ?", (rid,))
        conn.execute("DELETE FROM revisions WHERE rev_id = ?", (rid,))


def retire_private_heads(conn: sqlite3.Connection, item_id: str, site: str, at: str) -> bool:
    """Set aside this site's private versions that head an item next to a shared head.

    Sharing an item sets its private versions aside (:func:`shared_base`); a database
    restored from a backup taken before (or a copy split into a new site) may hold them
    again as heads, next to the shared version its peers send back: they would make the
    item private again here, or a conflict no other site sees. They are set aside again
    (kept as drafts). ``site`` is this site. Returns whether anything moved."""
    heads = conn.execute(
        "SELECT rev_id, site FROM revisions r WHERE item_id = ?"
        " AND NOT EXISTS (SELECT 1 FROM rev_parents p WHERE p.parent = r.rev_id)",
        (item_id,),
    ).fetchall()
    memo: dict[str, bool] = {}
    # private versions never travel: one of another site is here only in a copy of it
    private = [h for h, _s in heads if is_private(conn, h, memo)]
    if not private or len(private) == len(heads):
        return False
    unpublished = [
        h
        for h in private
        if not conn.execute("SELECT 1 FROM feed WHERE rev_id = ?", (h,)).fetchone()
    ]
    tail: set[str] = set()
    todo = list(unpublished)
    while todo:
        rid = todo.pop()
        if rid in tail:
            continue
        row = conn.execute("SELECT site, body FROM revisions WHERE rev_id = ?", (rid,)).fetchone()
        published = conn.execute("SELECT 1 FROM feed WHERE rev_id = ?", (rid,)).fetchone()
        if row is None or published or not is_private(conn, rid, memo):
            continue
        children = conn.execute(
            "SELECT rev_id FROM rev_parents WHERE parent = ?", (rid,)
        ).fetchall()
        if any(c not in tail for (c,) in children):
            continue  # another version builds on it: it stays
        tail.add(rid)
        todo.extend(Revision.from_body(row[1], rid).parents)
    if tail:
        set_aside(conn, tail, at)
    return bool(tail)


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
    content_json: str | None = None,
) -> tuple:
    created_at, created_by, origin = created
    return (
        head.item,
        head.kind,
        head.rev_id,
        "[" + ",".join(_str(h) for h in sorted(heads)) + "]",
        int(head.deleted),
        int(conflict),
        _title(head.kind, content),
        content.get("status"),
        content.get("visibility"),
        content.get("community"),
        dump(content["tags"]) if "tags" in content else "[]",
        origin,
        created_at,
        created_by,
        head.at,
        head.author,
        change,
        content_json or dump(content),
    )


COLUMNS = [
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
_INSERT = f"INSERT INTO items ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
_UPSERT = f"{_INSERT} ON CONFLICT(id) DO UPDATE SET " + ", ".join(
    f"{c} = excluded.{c}" for c in COLUMNS[1:]
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
    rows = [
        _row(
            r,
            r.content or {},
            [r.rev_id],
            False,
            (r.at, r.author, r.site),
            change + i,
            r.content_json,
        )
        for i, r in enumerate(revs)
    ]
    conn.executemany(_INSERT, rows)  # new items: a plain INSERT is twice as fast as UPSERT
    _insert(conn, [(r, 1) for r in revs])
    _set_refs(conn, ((r.item, r.kind, r.content or {}) for r in revs))


def add(conn: sqlite3.Connection, rev: Revision) -> None:
    """Store one revision and update its item's current state."""
    generation = 1
    if rev.parents:
        marks = ",".join("?" * len(rev.parents))
        row = conn.execute(
            f"SELECT max(generation) FROM revisions WHERE rev_id IN ({marks})", rev.parents
        ).fetchone()
        generation = (row[0] or 0) + 1
    _insert(conn, [(rev, generation)])
    if not _extend_linear(conn, rev):
        rematerialize(conn, rev.item)


def _extend_linear(conn: sqlite3.Connection, rev: Revision) -> bool:
    """Fast path for the common case: a revision on top of an item's only head.

    The new revision is then the only head and the winner, so the current state
    follows without reading the item's history (edits stay O(1) however long it is).
    """
    if len(rev.parents) != 1:
        return False
    row = conn.execute(
        "SELECT head, heads, created_at, created_by, origin_site, data FROM items WHERE id = ?",
        (rev.item,),
    ).fetchone()
    if row is None or row[0] != rev.parents[0] or row[1] != dump([row[0]]):
        return False
    if conn.execute("SELECT 1 FROM rev_parents WHERE parent = ?", (rev.rev_id,)).fetchone():
        return False  # a child that arrived earlier exists: this is not a head
    if rev.content is None:  # tombstone: keep showing the last live content
        content, content_json = json.loads(row[5]), row[5]
    else:
        content, content_json = rev.content, rev.content_json
    created = (row[2], row[3], row[4])
    new = _row(rev, content, [rev.rev_id], False, created, _next_change(conn), content_json)
    conn.execute("DELETE FROM refs WHERE item_id = ?", (rev.item,))
    conn.execute(_UPSERT, new)
    _set_refs(conn, [(rev.item, rev.kind, content)])
    return True


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
        parent = Revision.from_body(row[0], rid)
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
    head = Revision.from_body(winner[3], winner[0])
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
        "SELECT rev_id, body, generation FROM revisions WHERE item_id = ?"
        " ORDER BY generation, at, rev_id",
        (item_id,),
    ).fetchall()
    return [(Revision.from_body(body, rev_id), gen) for rev_id, body, gen in rows]


def drafts_of(conn: sqlite3.Connection, item_id: str) -> list[tuple[Revision, int]]:
    """Private versions set aside when the item was shared (local history only)."""
    rows = conn.execute(
        "SELECT rev_id, body, generation FROM drafts WHERE item_id = ? ORDER BY generation, rev_id",
        (item_id,),
    ).fetchall()
    return [(Revision.from_body(body, rev_id), gen) for rev_id, body, gen in rows]


def get(conn: sqlite3.Connection, rev_id: str) -> Revision | None:
    row = conn.execute("SELECT body FROM revisions WHERE rev_id = ?", (rev_id,)).fetchone()
    return Revision.from_body(row[0], rev_id) if row else None
