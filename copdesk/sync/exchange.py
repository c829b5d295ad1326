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
from copdesk.model.text import fold
from copdesk.model.validate import check_fields, validate
from copdesk.store import revisions as revs
from copdesk.store.relations import RELATION_KINDS
from copdesk.store.revisions import OPS, Revision
from copdesk.sync.bundle import MAX_SEQ, _refuse, is_uuid

_SHA = re.compile(r"[0-9a-f]{64}")
_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_BODY_KEYS = {"at", "author", "content", "item", "kind", "op", "parents", "site", "seq", "v"}
MAX_PARENTS = 64
COUNTS = ("new", "updated", "unchanged", "conflicts", "refused")
# Why a site starts a new feed at its next export; those marked re-send all its revisions.
REISSUE_ALL = ("signatures", "fork", "revocation")


# -- sites ---------------------------------------------------------------------


def ensure_site(conn: Any, site_id: str, name: str, at: str) -> None:
    """A site row (with its first feed, whose id is the site's id) if not there yet."""
    conn.execute(
        "INSERT OR IGNORE INTO sites (id, name, is_self, added_at) VALUES (?, ?, 0, ?)",
        (site_id, name, at),
    )
    conn.execute(
        "INSERT OR IGNORE INTO feeds (id, site, started_at, reason) VALUES (?, ?, ?, 'first')",
        (site_id, site_id, at),
    )


def unique_name(conn: Any, site_id: str, name: str) -> str:
    """``name``, or ``name`` with the site's short id when another known site already
    goes by it: a peer cannot take another site's name (two "Usine de Grenoble")."""
    taken = {fold(n) for (n,) in conn.execute("SELECT name FROM sites WHERE id != ?", (site_id,))}
    if fold(name) not in taken:
        return name
    return f"{name} (site {site_id[:8]})"


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
            "SELECT kind, visibility, EXISTS (SELECT 1 FROM local_items l WHERE l.item_id = id)"
            " FROM items WHERE id = ?",
            (item_id,),
        ).fetchone()
        ok = row is not None and row[1] in (None, "shared") and not row[2]
        if ok and row[0] in RELATION_KINDS and depth < 8:
            targets = self.conn.execute(
                "SELECT target FROM refs WHERE item_id = ?", (item_id,)
            ).fetchall()
            ok = all(self(t, depth + 1) for (t,) in targets)
        self.cache[item_id] = ok
        return ok


def publishable(conn: sqlite3.Connection, site_id: str, every: bool = False) -> list[str]:
    """This site's revisions of shareable items that have no feed number yet (``every``:
    all of them, numbered or not, for a re-issue in a new feed), oldest first."""
    unnumbered = "" if every else " AND NOT EXISTS (SELECT 1 FROM feed f WHERE f.rev_id = r.rev_id)"
    pending = conn.execute(
        "SELECT r.rev_id, r.item_id, i.kind, r.deleted,"
        " json_extract(r.body, '$.content.visibility')"
        " FROM revisions r JOIN items i ON i.id = r.item_id WHERE r.site = ?"
        f"{unnumbered} ORDER BY r.generation, r.seq, r.rev_id",
        (site_id,),
    ).fetchall()
    shareable = Shareable(conn)
    memo: dict[str, bool] = {}
    chosen = []
    for rev_id, item, kind, deleted, visibility in pending:
        private = (
            revs.is_private(conn, rev_id, memo) if deleted else visibility not in (None, "shared")
        )
        if not private and (kind not in RELATION_KINDS or shareable(item)):
            chosen.append(rev_id)
    return chosen


def publish(
    conn: sqlite3.Connection, site_id: str, feed: str, sign: Any, every: bool = False
) -> int:
    """Number this site's unpublished shareable revisions in ``feed`` and sign every
    published revision of this site that has no signature yet (Ed25519 over its id)."""
    chosen = publishable(conn, site_id, every)
    start = conn.execute(
        "SELECT coalesce(max(seq), 0) FROM feed WHERE origin = ?", (feed,)
    ).fetchone()[0]
    conn.executemany(
        "INSERT INTO feed (origin, seq, rev_id) VALUES (?, ?, ?)",
        [(feed, start + i + 1, rev_id) for i, rev_id in enumerate(chosen)],
    )
    unsigned = [
        r
        for (r,) in conn.execute(
            "SELECT rev_id FROM revisions r WHERE site = ? AND sig IS NULL"
            " AND EXISTS (SELECT 1 FROM feed f WHERE f.rev_id = r.rev_id)",
            (site_id,),
        )
    ]
    if unsigned:
        conn.executemany(
            "UPDATE revisions SET sig = ?, sig_checked = 1 WHERE rev_id = ?",
            [(sign(r.encode("ascii")), r) for r in unsigned],
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


def vector_of(conn: sqlite3.Connection, feed: str) -> int:
    """The highest number of one feed held with every number before it."""
    top, count = conn.execute(
        "SELECT coalesce(max(seq), 0), count(*) FROM feed WHERE origin = ?", (feed,)
    ).fetchone()
    if top == count:
        return top
    if conn.execute("SELECT 1 FROM feed WHERE origin = ? AND seq = 1", (feed,)).fetchone() is None:
        return 0
    return conn.execute(
        "SELECT min(seq) FROM feed f WHERE origin = ? AND NOT EXISTS"
        " (SELECT 1 FROM feed g WHERE g.origin = f.origin AND g.seq = f.seq + 1)",
        (feed,),
    ).fetchone()[0]


def tops(conn: sqlite3.Connection, v: dict[str, int]) -> dict[str, str]:
    """Feed -> the revision at the top of the vector: two sites with the same number but
    another revision there hold two different histories of that feed (a restored or
    copied site wrote it twice)."""
    out = {}
    for feed, n in v.items():
        row = conn.execute("SELECT rev_id FROM feed WHERE origin = ? AND seq = ?", (feed, n))
        out[feed] = row.fetchone()[0]
    return out


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
) -> Iterator[tuple[str, int, str, str, str | None, int]]:
    """(feed, number, item id, revision body, signature) the peer lacks; ``items``
    limits to those items. Revisions held without a signature (received from a
    format-1 bundle of another site) come with None: they cannot be relayed."""
    origins = [o for (o,) in conn.execute("SELECT DISTINCT origin FROM feed ORDER BY origin")]
    for origin in origins:
        cur = conn.execute(
            "SELECT f.seq, r.item_id, r.body, r.sig, r.sig_checked FROM feed f"
            " JOIN revisions r ON r.rev_id = f.rev_id"
            " WHERE f.origin = ? AND f.seq > ? ORDER BY f.seq",
            (origin, 0 if items is not None else ack.get(origin, 0)),
        )
        for seq, item_id, body, sig, checked in cur:
            if items is None or item_id in items:
                yield origin, seq, item_id, body, sig, checked


def loose(conn: sqlite3.Connection) -> Iterator[tuple[str, str, str, int]]:
    """(item id, body, signature) of other sites' revisions held with no feed number: the
    other side of a feed that a restored or copied site wrote twice. They go in every
    bundle until their site numbers them again in a new feed."""
    yield from conn.execute(
        "SELECT r.item_id, r.body, r.sig, r.sig_checked FROM revisions r"
        " JOIN meta m ON m.key = 'site_id'"
        " WHERE r.site != m.value AND r.sig IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM feed f WHERE f.rev_id = r.rev_id) ORDER BY r.rev_id"
    )


def line(feed: str | None, n: int | None, body: str, sig: str) -> str:
    """One line of revisions.jsonl, format 2 (keys in sorted order, body kept byte for
    byte): its feed and number (null for a loose revision), the revision, its origin's
    signature."""
    where = f'"feed":"{feed}","n":{n}' if feed else '"feed":null,"n":null'
    return f'{{{where},"revision":{body},"sig":"{sig}"}}'


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
    sigs: dict[str, str | None] = field(default_factory=dict)  # rev -> origin's signature
    entries: dict[tuple[str, int], str] = field(default_factory=dict)  # (feed, n) -> rev
    lines: dict[str, int] = field(default_factory=dict)  # rev -> its first line number
    blobs: dict[str, int] = field(default_factory=dict)  # sha256 -> size the revisions say
    loose: int = 0  # lines with no feed number


_SIG = re.compile(r"[A-Za-z0-9+/]{86}==")
LINE_KEYS = {1: {"feed", "revision"}, 2: {"feed", "n", "revision", "sig"}}


def parse_line(
    obj: Any, number: int, sites: dict[str, str], fmt: int = 2, held: Any = None
) -> tuple[str | None, int | None, Revision, str | None]:
    """Check one line of revisions.jsonl: only known fields with valid values. Returns
    (feed, number, revision, signature); a format-1 line's feed is its origin site.
    ``held(rev_id)`` says the workspace holds it already: its content was checked then."""
    where = f"line {number}"
    if not isinstance(obj, dict) or set(obj) != LINE_KEYS[fmt]:
        if isinstance(obj, dict) and fmt == 2 and set(obj) == {"feed", "n", "revision"}:
            raise _refuse(f"{where}: the revision has no signature of its origin site")
        names = ", ".join(sorted(LINE_KEYS[fmt]))
        raise _refuse(f"{where}: expected exactly the fields {names}")
    r = obj["revision"]
    if fmt == 1:
        feed, seq, sig = None, obj["feed"], None
        if not isinstance(seq, int) or isinstance(seq, bool) or not 1 <= seq <= MAX_SEQ:
            raise _refuse(f"{where}: invalid feed number")
    else:
        feed, seq, sig = obj["feed"], obj["n"], obj["sig"]
        if feed is None and seq is None:
            pass  # a loose revision
        elif not is_uuid(feed) or not isinstance(seq, int) or isinstance(seq, bool):
            raise _refuse(f"{where}: invalid feed or feed number")
        elif not 1 <= seq <= MAX_SEQ:
            raise _refuse(f"{where}: invalid feed number")
        if not isinstance(sig, str) or not _SIG.fullmatch(sig):
            raise _refuse(f"{where}: the revision has no valid signature of its origin site")
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
    op = r["op"]
    if (op == "create") != (not parents) or (op == "delete") != (content is None):
        raise _refuse(f"{where}: operation {op} does not fit its parents or content")
    rev = Revision.from_body(revs.dump(r))
    if content is not None and not (held is not None and held(rev.rev_id)):
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
    return (rev.site if fmt == 1 else feed), seq, rev, sig


def read_incoming(
    lines: Iterator[tuple[int, Any]], sites: dict[str, str], fmt: int = 2, held: Any = None
) -> Incoming:
    out = Incoming()
    for number, obj in lines:
        feed, seq, rev, sig = parse_line(obj, number, sites, fmt, held)
        out.lines.setdefault(rev.rev_id, number)
        if feed is None or seq is None:
            out.loose += 1
        else:
            key = (feed, seq)
            if out.entries.get(key, rev.rev_id) != rev.rev_id:
                raise _refuse(f"line {number}: two revisions under one number of feed {feed}")
            out.entries[key] = rev.rev_id
        known = out.revisions.get(rev.rev_id)
        if known is not None and (known.item != rev.item or out.sigs[rev.rev_id] != sig):
            raise _refuse(f"line {number}: revision repeated")
        out.revisions[rev.rev_id] = rev
        out.sigs[rev.rev_id] = sig
        if rev.kind == "attachment" and rev.content is not None:
            sha, size = rev.content["sha256"], rev.content["size"]
            if out.blobs.setdefault(sha, size) != size:
                raise _refuse(f"line {number}: attachment {sha[:12]} given two sizes")
    return out


@dataclass
class Plan:
    """What applying a bundle does, computed inside the import's transaction."""

    new_revs: list[tuple[Revision, int]]  # with their generation, parents first
    items: dict[str, str]  # item id -> kind
    before: dict[str, tuple[str, int, int] | None]  # item -> (head, conflict, deleted)
    new_sites: dict[str, str]
    entries: list[tuple[str, int, str]] = field(default_factory=list)  # feed entries to add
    forks: list[tuple[str, int]] = field(default_factory=list)  # (feed, n) held otherwise
    sigs: list[tuple[str, str]] = field(default_factory=list)  # (sig, rev) now signed


def plan(
    conn: sqlite3.Connection,
    incoming: Incoming,
    sites: dict[str, str],
    admitted: set[str],
    sigs: dict[str, str],
    skipped: set[tuple[str, int]] | frozenset[tuple[str, int]] = frozenset(),
    known: set[str] | frozenset[str] = frozenset(),
) -> Plan:
    """Check the admitted revisions against the workspace; refuse anything inconsistent.

    A feed number this workspace holds with another revision is not refused: the feed's
    site was restored or copied and wrote that number twice; the revision is kept
    without the number (its site numbers it again in a new feed)."""
    entries, forks = [], []
    for (origin, seq), rev_id in incoming.entries.items():
        if (rev_id not in admitted and rev_id not in known) or (origin, seq) in skipped:
            continue
        row = conn.execute(
            "SELECT rev_id FROM feed WHERE origin = ? AND seq = ?", (origin, seq)
        ).fetchone()
        if row is None:
            entries.append((origin, seq, rev_id))
        elif row[0] != rev_id:
            forks.append((origin, seq))
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
    new = {r: v for r, v in incoming.revisions.items() if r not in held and r in admitted}
    kinds: dict[str, str] = {}
    for rev in incoming.revisions.values():
        if kinds.setdefault(rev.item, rev.kind) != rev.kind:
            raise _refuse(f"item {rev.item} has revisions of two kinds")
    before: dict[str, tuple[str, int, int] | None] = {}
    for item_id, kind in kinds.items():
        row = conn.execute(
            "SELECT kind, head, conflict, deleted FROM items WHERE id = ?", (item_id,)
        ).fetchone()
        if row is not None and row[0] != kind:
            raise _refuse(f"item {item_id} is a {row[0]} here but a {kind} in the bundle")
        before[item_id] = None if row is None else (row[1], row[2], row[3])
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
    origins = {r.site for r in new.values()}
    return Plan(
        [(r, generation[r.rev_id]) for r in ordered],
        kinds,
        before,
        {s: n for s, n in new_sites.items() if s in origins},
        entries,
        forks,
        [(sig, rev_id) for rev_id, sig in sigs.items() if rev_id in held],
    )


def apply(
    conn: sqlite3.Connection,
    incoming: Incoming,
    p: Plan,
    at: str,
    feeds: dict[str, str],
    unchecked: set[str] | frozenset[str] = frozenset(),
) -> None:
    """Write the plan inside the caller's transaction (``feeds``: feed -> its site)."""
    for site, name in sorted(p.new_sites.items()):
        ensure_site(conn, site, unique_name(conn, site, name), at)
    conn.executemany(
        "INSERT OR IGNORE INTO feeds (id, site, started_at, reason) VALUES (?, ?, ?, ?)",
        [
            (f, feeds[f], at, "first" if f == feeds[f] else "received")
            for f in sorted({o for o, _, _ in p.entries})
        ],
    )
    if p.new_revs:
        revs.insert_many(conn, p.new_revs, incoming.sigs, unchecked)
    conn.executemany(
        "UPDATE revisions SET sig = ?, sig_checked = ? WHERE rev_id = ?",
        [(sig, int(r not in unchecked), r) for sig, r in p.sigs],
    )
    conn.executemany("INSERT INTO feed (origin, seq, rev_id) VALUES (?, ?, ?)", p.entries)
    touched = {r.item for r, _ in p.new_revs}
    me = conn.execute("SELECT value FROM meta WHERE key = 'site_id'").fetchone()[0]
    for item_id in sorted(touched):
        revs.retire_private_heads(conn, item_id, me, at)
        revs.rematerialize(conn, item_id)


def outcome(conn: sqlite3.Connection, p: Plan) -> dict[str, Any]:
    """Counts and per-item lines of what the applied plan did (before commit or rollback).

    An item whose shown version is live while one of its heads is a deletion had a
    deletion overturned by a concurrent edit (an edit beats a deletion): its line says
    whose deletion (``overturned_delete``), so a site sees its deletion did not hold."""
    touched = {r.item for r, _ in p.new_revs}
    counts = {"new": 0, "updated": 0, "unchanged": 0, "conflicts": 0, "refused": 0}
    overturned = 0
    lines = []
    for item_id, kind in sorted(p.items.items()):
        row = conn.execute(
            "SELECT title, deleted, conflict, head, heads FROM items WHERE id = ?", (item_id,)
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
        deletion = None
        if item_id in touched and row and not row[1]:
            deletion = overturned_delete(conn, json.loads(row[4]))
            overturned += deletion is not None
        if what != "unchanged" or conflict:
            line = {
                "id": item_id,
                "kind": kind,
                "title": row[0] if row else "",
                "outcome": what,
                "deleted": bool(row and row[1]),
                "conflict": conflict,
            }
            if deletion is not None:
                line["overturned_delete"] = deletion
            lines.append(line)
    return {**counts, "overturned": overturned, "items": lines}


def overturned_delete(conn: sqlite3.Connection, heads: list[str]) -> dict[str, Any] | None:
    """The deletion among an item's heads that a concurrent edit overturned: who, where,
    when (None when no head is a deletion)."""
    if len(heads) < 2:
        return None
    marks = ",".join("?" * len(heads))
    row = conn.execute(
        f"SELECT r.site, s.name, r.author, r.at FROM revisions r LEFT JOIN sites s"
        f" ON s.id = r.site WHERE r.rev_id IN ({marks}) AND r.deleted = 1 ORDER BY r.at DESC",
        heads,
    ).fetchone()
    if row is None:
        return None
    return {"site": row[0], "site_name": row[1], "by": row[2], "at": row[3]}


def dumps_vector(v: dict[str, int]) -> str:
    return json.dumps(dict(sorted(v.items())), separators=(",", ":"))
