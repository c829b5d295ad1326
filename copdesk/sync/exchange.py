"""What travels between sites, and how incoming revisions are applied.

Each site numbers the revisions it makes shareable in its *feed*: (origin, n).
A site's version vector maps each origin to the highest n it holds with no gap
before it. A bundle for a peer carries every feed entry above what the peer has
acknowledged, from every origin, so sites relay for each other; importing adds
the revisions the site lacks (set union), so order, repetition and relays give
the same result.

Private and site-only versions never enter the feed: a revision is numbered
(made shareable) only when it holds a shared version, and, for comments,
attachments, links, ratings and memberships, when everything they point to is
shared now. When a private item is shared, the workspace writes the shared
version on top of the last shared one (or as a new root) and sets the private
versions aside (``drafts``), so no shared revision ever has a private ancestor.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from copdesk.errors import BadInput
from copdesk.model.kinds import KINDS
from copdesk.model.validate import check_fields, validate
from copdesk.store import revisions as revs
from copdesk.store.revisions import OPS, Revision
from copdesk.sync.bundle import MAX_SEQ, _refuse, is_uuid

RELATION_KINDS = tuple(name for name, kind in KINDS.items() if not kind.user)
_SHA = re.compile(r"[0-9a-f]{64}")
_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_BODY_KEYS = {"at", "author", "content", "item", "kind", "op", "parents", "site", "seq", "v"}
MAX_PARENTS = 64
COUNTS = ("new", "updated", "unchanged", "conflicts", "refused")


# -- feed and vectors ----------------------------------------------------------


class Shareable:
    """Whether an item may leave the site, with a cache for one export."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.cache: dict[str, bool] = {}

    def __call__(self, item_id: str, depth: int = 0) -> bool:
        if item_id in self.cache:
            return self.cache[item_id]
        row = self.conn.execute(
            "SELECT kind, visibility FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        ok = row is not None and row[1] in (None, "shared")
        if ok and row[0] in RELATION_KINDS and depth < 8:
            targets = self.conn.execute(
                "SELECT target FROM refs WHERE item_id = ?", (item_id,)
            ).fetchall()
            ok = all(self(t, depth + 1) for (t,) in targets)
        self.cache[item_id] = ok
        return ok


def publish(conn: sqlite3.Connection, site_id: str) -> int:
    """Number this site's revisions of shareable items that have no number yet."""
    pending = conn.execute(
        "SELECT r.rev_id, r.item_id, i.kind, r.deleted,"
        " json_extract(r.body, '$.content.visibility')"
        " FROM revisions r JOIN items i ON i.id = r.item_id WHERE r.site = ?"
        " AND NOT EXISTS (SELECT 1 FROM feed f WHERE f.rev_id = r.rev_id)"
        " ORDER BY r.generation, r.seq",
        (site_id,),
    ).fetchall()
    if not pending:
        return 0
    shareable = Shareable(conn)
    memo: dict[str, bool] = {}
    chosen = []
    for rev_id, item, kind, deleted, visibility in pending:
        private = (
            revs.is_private(conn, rev_id, memo) if deleted else visibility not in (None, "shared")
        )
        if not private and (kind not in RELATION_KINDS or shareable(item)):
            chosen.append(rev_id)
    start = conn.execute(
        "SELECT coalesce(max(seq), 0) FROM feed WHERE origin = ?", (site_id,)
    ).fetchone()[0]
    conn.executemany(
        "INSERT INTO feed (origin, seq, rev_id) VALUES (?, ?, ?)",
        [(site_id, start + i + 1, rev_id) for i, rev_id in enumerate(chosen)],
    )
    return len(chosen)


def vector(conn: sqlite3.Connection) -> dict[str, int]:
    """Origin -> highest feed number held with every number before it held too."""
    out: dict[str, int] = {}
    for origin, top, count in conn.execute(
        "SELECT origin, max(seq), count(*) FROM feed GROUP BY origin"
    ):
        if top == count:
            out[origin] = top
            continue
        first = conn.execute("SELECT 1 FROM feed WHERE origin = ? AND seq = 1", (origin,))
        if first.fetchone() is None:
            out[origin] = 0
            continue
        out[origin] = conn.execute(
            "SELECT min(seq) FROM feed f WHERE origin = ? AND NOT EXISTS"
            " (SELECT 1 FROM feed g WHERE g.origin = f.origin AND g.seq = f.seq + 1)",
            (origin,),
        ).fetchone()[0]
    return {k: v for k, v in out.items() if v > 0}


def merge_vectors(a: dict[str, int], b: dict[str, int]) -> dict[str, int]:
    return {k: max(a.get(k, 0), b.get(k, 0)) for k in set(a) | set(b)}


def min_vectors(vectors: list[dict[str, int]]) -> dict[str, int]:
    """What every one of several peers has acknowledged."""
    if not vectors:
        return {}
    keys = set(vectors[0]).intersection(*vectors[1:])
    return {k: min(v[k] for v in vectors) for k in keys}


def outgoing(
    conn: sqlite3.Connection, ack: dict[str, int], items: set[str] | None = None
) -> Iterator[tuple[int, str, str]]:
    """(feed number, kind, revision body) the peer lacks; ``items`` limits to those items."""
    origins = [o for (o,) in conn.execute("SELECT DISTINCT origin FROM feed ORDER BY origin")]
    for origin in origins:
        cur = conn.execute(
            "SELECT f.seq, r.item_id, r.body FROM feed f JOIN revisions r ON r.rev_id = f.rev_id"
            " WHERE f.origin = ? AND f.seq > ? ORDER BY f.seq",
            (origin, 0 if items is not None else ack.get(origin, 0)),
        )
        for seq, item_id, body in cur:
            if items is None or item_id in items:
                yield seq, item_id, body


def line(seq: int, body: str) -> str:
    """One line of revisions.jsonl (keys in sorted order, body kept byte for byte)."""
    return f'{{"feed":{seq},"revision":{body}}}'


def community_items(conn: sqlite3.Connection, communities: list[str]) -> set[str]:
    """Items a community export carries: the communities, their content, members, and
    the comments, attachments and links on all of these."""
    chosen = set(communities)
    marks = ",".join("?" * len(communities))
    chosen |= {
        i
        for (i,) in conn.execute(f"SELECT id FROM items WHERE community IN ({marks})", communities)
    }
    people = conn.execute(
        "SELECT item_id, target FROM refs WHERE field = 'person' AND item_id IN "
        f"(SELECT item_id FROM refs WHERE field = 'community' AND target IN ({marks}))",
        communities,
    ).fetchall()
    chosen |= {m for m, _ in people} | {p for _, p in people}
    frontier = set(chosen)
    while frontier:
        marks2 = ",".join("?" * len(frontier))
        more = {
            i
            for (i,) in conn.execute(
                "SELECT r.item_id FROM refs r JOIN items i ON i.id = r.item_id"
                f" WHERE r.target IN ({marks2}) AND i.kind IN"
                " ('comment', 'attachment', 'link')",
                list(frontier),
            )
        }
        frontier = more - chosen
        chosen |= more
    return chosen


# -- incoming ------------------------------------------------------------------


@dataclass
class Incoming:
    """The checked content of a bundle's revisions.jsonl."""

    revisions: dict[str, Revision] = field(default_factory=dict)
    feed: dict[tuple[str, int], str] = field(default_factory=dict)
    numbers: dict[str, tuple[str, int]] = field(default_factory=dict)  # rev -> feed key
    blobs: dict[str, int] = field(default_factory=dict)  # sha256 -> size the revisions say


def parse_line(obj: Any, number: int, sites: dict[str, str]) -> tuple[int, Revision]:
    """Check one line of revisions.jsonl: only known fields with valid values."""
    where = f"line {number}"
    if not isinstance(obj, dict) or set(obj) != {"feed", "revision"}:
        raise _refuse(f"{where}: expected exactly the fields feed and revision")
    seq, r = obj["feed"], obj["revision"]
    if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_SEQ:
        raise _refuse(f"{where}: invalid feed number")
    if not isinstance(r, dict) or set(r) != _BODY_KEYS:
        odd = sorted(set(r) ^ _BODY_KEYS)[0] if isinstance(r, dict) else "revision"
        raise _refuse(f"{where}: unknown or missing revision field {odd!r}")
    if r["v"] != revs.FORMAT:
        raise _refuse(f"{where}: revision format {r['v']!r} is not {revs.FORMAT}: upgrade copdesk")
    if r["kind"] not in KINDS or r["op"] not in OPS:
        raise _refuse(f"{where}: unknown kind or operation")
    if not is_uuid(r["item"]) or not is_uuid(r["site"]) or r["site"] not in sites:
        raise _refuse(f"{where}: invalid item or site id")
    if r["author"] is not None and not is_uuid(r["author"]):
        raise _refuse(f"{where}: invalid author id")
    if not isinstance(r["at"], str) or not _AT.fullmatch(r["at"]):
        raise _refuse(f"{where}: invalid time")
    s = r["seq"]
    if not isinstance(s, int) or isinstance(s, bool) or not 1 <= s <= MAX_SEQ:
        raise _refuse(f"{where}: invalid sequence number")
    parents = r["parents"]
    if (
        not isinstance(parents, list)
        or len(parents) > MAX_PARENTS
        or not all(isinstance(p, str) and _SHA.fullmatch(p) for p in parents)
        or parents != sorted(set(parents))
    ):
        raise _refuse(f"{where}: invalid parents")
    content = r["content"]
    if content is not None:
        if not isinstance(content, dict):
            raise _refuse(f"{where}: content must be an object")
        try:
            check_fields(KINDS[r["kind"]], content, where)
            if any(k not in KINDS[r["kind"]].by_name for k in content):
                raise BadInput(f"{where}: a field that is not part of a {r['kind']}")
            if validate(r["kind"], content, base={}) != content:
                raise BadInput(f"{where}: content is not in canonical form")
        except BadInput as exc:
            raise _refuse(str(exc)) from None
    op = r["op"]
    if (op == "create") != (not parents) or (op == "delete") != (content is None):
        raise _refuse(f"{where}: operation {op} does not fit its parents or content")
    rev = Revision.from_body(revs.dump(r))
    return seq, rev


def read_incoming(lines: Iterator[tuple[int, Any]], sites: dict[str, str]) -> Incoming:
    out = Incoming()
    for number, obj in lines:
        seq, rev = parse_line(obj, number, sites)
        key = (rev.site, seq)
        if out.feed.get(key, rev.rev_id) != rev.rev_id:
            raise _refuse(f"line {number}: two revisions under one number of site {rev.site}")
        out.feed[key] = rev.rev_id
        if out.numbers.setdefault(rev.rev_id, key) != key:
            raise _refuse(f"line {number}: one revision under two numbers")
        known = out.revisions.get(rev.rev_id)
        if known is not None and known.item != rev.item:
            raise _refuse(f"line {number}: revision repeated")
        out.revisions[rev.rev_id] = rev
        if rev.kind == "attachment" and rev.content is not None:
            sha, size = rev.content["sha256"], rev.content["size"]
            if out.blobs.setdefault(sha, size) != size:
                raise _refuse(f"line {number}: attachment {sha[:12]} given two sizes")
    return out


@dataclass
class Plan:
    """What applying a bundle does, computed before anything is written."""

    new_revs: list[tuple[Revision, int]]  # with their generation, parents first
    items: dict[str, str]  # item id -> kind
    before: dict[str, tuple[str, int] | None]  # item id -> (head, conflict) or absent
    new_sites: dict[str, str]


def plan(conn: sqlite3.Connection, incoming: Incoming, sites: dict[str, str]) -> Plan:
    """Check the incoming revisions against the workspace; refuse anything inconsistent."""
    for (origin, seq), rev_id in incoming.feed.items():
        row = conn.execute(
            "SELECT rev_id FROM feed WHERE origin = ? AND seq = ?", (origin, seq)
        ).fetchone()
        if row is None:
            row = conn.execute("SELECT seq FROM feed WHERE rev_id = ?", (rev_id,)).fetchone()
            if row is not None:
                raise _refuse(f"revision {rev_id[:12]} has another number here")
        elif row[0] != rev_id:
            raise _refuse(
                f"site {origin}'s revision number {seq} differs from the one this site holds"
            )
    held = set()
    ids = list(incoming.revisions)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        held |= {
            r
            for (r,) in conn.execute(
                f"SELECT rev_id FROM revisions WHERE rev_id IN ({marks})", chunk
            )
        }
    new = {r: v for r, v in incoming.revisions.items() if r not in held}
    kinds: dict[str, str] = {}
    for rev in incoming.revisions.values():
        if kinds.setdefault(rev.item, rev.kind) != rev.kind:
            raise _refuse(f"item {rev.item} has revisions of two kinds")
    before: dict[str, tuple[str, int] | None] = {}
    for item_id, kind in kinds.items():
        row = conn.execute(
            "SELECT kind, head, conflict FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        if row is not None and row[0] != kind:
            raise _refuse(f"item {item_id} is a {row[0]} here but a {kind} in the bundle")
        before[item_id] = None if row is None else (row[1], row[2])
    for rev in new.values():
        taken = conn.execute(
            "SELECT rev_id FROM revisions WHERE site = ? AND seq = ?", (rev.site, rev.seq)
        ).fetchone()
        if taken is not None:
            raise _refuse(f"site {rev.site}'s revision {rev.seq} differs from the one held here")
    generation: dict[str, int] = {}

    def gen_of(rev_id: str) -> int:
        todo = [rev_id]
        visiting: set[str] = set()
        while todo:
            rid = todo[-1]
            if rid in generation:
                todo.pop()
                continue
            rev = new[rid]
            missing = [p for p in rev.parents if p not in generation and p in new]
            if missing:
                if rid in visiting:
                    raise _refuse("revisions form a cycle")
                visiting.add(rid)
                todo.extend(missing)
                continue
            gens = []
            for p in rev.parents:
                if p in generation:
                    gens.append(generation[p])
                    continue
                row = conn.execute(
                    "SELECT generation, item_id FROM revisions WHERE rev_id = ?", (p,)
                ).fetchone()
                if row is None:
                    raise _refuse(
                        f"revision {rid[:12]} names a parent that neither this site nor the "
                        "bundle holds"
                    )
                if row[1] != rev.item:
                    raise _refuse(f"revision {rid[:12]} names a parent of another item")
                gens.append(row[0])
            generation[rid] = 1 + max(gens, default=0)
            todo.pop()
        return generation[rev_id]

    for rid, rev in new.items():
        gen_of(rid)
        for p in rev.parents:
            if p in new and new[p].item != rev.item:
                raise _refuse(f"revision {rid[:12]} names a parent of another item")
    ordered = sorted(new.values(), key=lambda r: (generation[r.rev_id], r.rev_id))
    known_sites = {s for (s,) in conn.execute("SELECT id FROM sites")}
    new_sites = {s: n for s, n in sites.items() if s not in known_sites}
    return Plan(
        [(r, generation[r.rev_id]) for r in ordered],
        kinds,
        before,
        {s: n for s, n in new_sites.items() if any(o == s for o, _ in incoming.feed)},
    )


def apply(conn: sqlite3.Connection, incoming: Incoming, p: Plan, at: str) -> None:
    """Write the plan inside the caller's transaction."""
    conn.executemany(
        "INSERT INTO sites (id, name, is_self, added_at) VALUES (?, ?, 0, ?)",
        [(s, n, at) for s, n in p.new_sites.items()],
    )
    if p.new_revs:
        revs.insert_many(conn, p.new_revs)
    conn.executemany(
        "INSERT OR IGNORE INTO feed (origin, seq, rev_id) VALUES (?, ?, ?)",
        [(o, s, r) for (o, s), r in incoming.feed.items()],
    )
    touched = {r.item for r, _ in p.new_revs}
    for item_id in sorted(touched):
        revs.rematerialize(conn, item_id)


def outcome(conn: sqlite3.Connection, p: Plan) -> dict[str, Any]:
    """Counts and per-item lines of what the applied plan did (before commit or rollback)."""
    touched = {r.item for r, _ in p.new_revs}
    counts = {"new": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "refused": 0}
    lines = []
    for item_id, kind in sorted(p.items.items()):
        row = conn.execute(
            "SELECT title, deleted, conflict, head FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        if item_id not in touched:
            what = "unchanged"
        elif p.before[item_id] is None:
            what = "new"
        else:
            what = "updated"  # new revisions arrived (a new head, or a branch in conflict)
        counts[what] += 1
        conflict = bool(row and row[2])
        if conflict and item_id in touched:
            counts["conflicts"] += 1
        if what != "unchanged" or conflict:
            lines.append(
                {
                    "id": item_id,
                    "kind": kind,
                    "title": row[0] if row else "",
                    "outcome": what,
                    "deleted": bool(row and row[1]),
                    "conflict": conflict,
                }
            )
    return {**counts, "items": lines}


def dumps_vector(v: dict[str, int]) -> str:
    return json.dumps(dict(sorted(v.items())), separators=(",", ":"))
