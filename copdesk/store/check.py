"""`copdesk check`: prove the workspace is whole, or say exactly what is not.

Checks SQLite's own integrity and foreign keys, recomputes every revision id from
its bytes, re-derives every item's current state from its revisions (in bulk: a few
queries for the whole database, not a few per item), re-hashes every attachment
blob, and lists what a killed command left behind (attachment files nothing refers
to, staging copies: not problems, listed apart). ``quick`` runs SQLite's quick check
and the cheap counts only.

It never crashes on a damaged database: each step that SQLite refuses becomes one
more problem in the list, and the steps after it still run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from itertools import groupby
from pathlib import Path
from typing import Any

from copdesk.store.blobs import BlobStore
from copdesk.store.processes import alive
from copdesk.store.revisions import COLUMNS, Revision, _live_content, _row

# items columns compared with the state re-derived from revisions: all but the
# local change counter and the content (compared as parsed JSON)
_COMPARED = [c for c in COLUMNS if c not in ("change", "data")]
LIMIT = 20  # problems of one sort listed before "… and N more"


def check(conn: sqlite3.Connection, blobs: BlobStore, *, quick: bool = False) -> list[str]:
    """Every problem found, one line each (empty: all good). What killed commands left
    behind is not a problem: :func:`leftovers` lists it."""
    problems: list[str] = []
    steps: list[tuple[str, Callable[[], Iterator[str]]]] = [
        ("sqlite", lambda: _integrity(conn, quick)),
        ("foreign keys", lambda: _foreign_keys(conn)),
    ]
    if not quick:
        steps += [
            ("revisions", lambda: _revisions(conn)),
            ("items", lambda: _items(conn)),
            ("attachments", lambda: _blobs(conn, blobs)),
        ]
    for name, step in steps:
        found: list[str] = []
        try:
            for problem in step():
                found.append(problem)
        except (sqlite3.DatabaseError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
            found.append(f"{name}: cannot be read ({type(exc).__name__}: {exc})")
        except OSError as exc:
            found.append(f"{name}: cannot be read ({exc.strerror or exc})")
        problems += found[:LIMIT]
        if len(found) > LIMIT:
            problems.append(f"{name}: … and {len(found) - LIMIT} more")
    return problems


def _integrity(conn: sqlite3.Connection, quick: bool) -> Iterator[str]:
    pragma = "quick_check" if quick else "integrity_check"
    lines = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
    if lines != ["ok"]:
        yield from (f"sqlite: {line}" for line in lines)


def _foreign_keys(conn: sqlite3.Connection) -> Iterator[str]:
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        yield f"foreign key: {table} row {rowid} points to a missing {parent}"


def _revisions(conn: sqlite3.Connection) -> Iterator[str]:
    cur = conn.execute("SELECT rev_id, item_id, site, seq, deleted, body FROM revisions")
    for rev_id, item_id, site, seq, deleted, body in cur:
        if not isinstance(body, str) or hashlib.sha256(body.encode()).hexdigest() != rev_id:
            yield f"revision {rev_id}: content does not match its id"
            continue
        try:
            d = json.loads(body)
            same = (d["item"], d["site"], d["seq"], d["content"] is None) == (
                item_id,
                site,
                seq,
                bool(deleted),
            )
        except (ValueError, KeyError, TypeError):
            same = False
        if not same:
            yield f"revision {rev_id}: stored columns disagree with its content"


def _items(conn: sqlite3.Connection) -> Iterator[str]:
    """Re-derive every item's row from its head revisions and compare: one pass over
    the items joined to their heads (never every body held at once)."""
    roots: dict[str, tuple[str, str | None, str]] = {}
    for item_id, at, author, site in conn.execute(
        "SELECT item_id, at, author, site FROM revisions WHERE generation = 1"
        " ORDER BY item_id, at DESC, rev_id DESC"
    ):
        roots[item_id] = (at, author, site)  # the last one written wins: the earliest
    cols = ", ".join(f"i.{c}" for c in COLUMNS)
    cur = conn.execute(
        f"SELECT {cols}, r.rev_id, r.deleted, r.generation, r.body FROM items i"
        " LEFT JOIN revisions r ON r.item_id = i.id"
        " AND NOT EXISTS (SELECT 1 FROM rev_parents p WHERE p.parent = r.rev_id)"
    )  # in the table's order: an item's heads come together, whatever the order
    n = len(COLUMNS)
    for item_id, group in groupby(cur, key=lambda values: values[0]):
        rows = list(group)
        row = dict(zip(COLUMNS, rows[0][:n], strict=True))
        found = [tuple(r[n:]) for r in rows if r[n] is not None]
        if not found:
            yield f"item {item_id}: has no revisions"
            continue
        problem = _derived(conn, row, found, roots.get(item_id))
        if problem is not None:
            yield f"item {item_id}: current state differs from its revisions {problem}"
    for (item_id,) in conn.execute(
        "SELECT DISTINCT item_id FROM revisions r"
        " WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.id = r.item_id) ORDER BY item_id"
    ):
        yield f"item {item_id}: has revisions but no current state"


def _derived(
    conn: sqlite3.Connection,
    row: dict[str, Any],
    heads: list[tuple[str, int, int, str]],
    root: tuple[str, str | None, str] | None,
) -> list[str] | None:
    """The columns of ``row`` that differ from the state its heads give, the content
    aside (an empty list: only the content differs; None: the same)."""
    winner = max(heads, key=lambda h: (not h[1], h[2], h[0]))
    head = Revision.from_body(winner[3], winner[0])
    live = sum(1 for h in heads if not h[1])
    content = head.content if head.content is not None else _live_content(conn, head)
    # the content's own text inside the body (canonical): most items compare as strings
    text = _content_text(winner[3]) if head.content is not None else None
    created = root or (head.at, head.author, head.site)
    values = _row(head, content, [h[0] for h in heads], live > 1, created, 0, text)
    want = dict(zip(COLUMNS, values, strict=True))
    diff = [c for c in _COMPARED if row[c] != want[c]]
    if diff or (row["data"] != want["data"] and json.loads(row["data"]) != content):
        return diff
    return None


def _content_text(body: str) -> str | None:
    """The content's JSON as written in a canonical body ({"at":…,"author":…,
    "content":CONTENT,"item":…}: keys sorted, "item" the first key after it)."""
    start = body.find(',"content":')
    end = body.rfind(',"item":')
    return body[start + 11 : end] if 0 < start < end else None


def _blobs(conn: sqlite3.Connection, blobs: BlobStore) -> Iterator[str]:
    for sha in sorted(_wanted(conn)):
        issue = blobs.verify(sha)
        if issue:
            yield f"attachment blob {sha}: {issue}"


def _wanted(conn: sqlite3.Connection) -> set[str]:
    wanted = {s for (s,) in conn.execute("SELECT sha256 FROM blobs")}
    wanted |= {
        s
        for (s,) in conn.execute(
            "SELECT json_extract(data, '$.sha256') FROM items WHERE kind = 'attachment'"
        )
        if s
    }
    wanted |= {
        s
        for (s,) in conn.execute(  # every revision (items may be damaged), JSON parsed
            "SELECT json_extract(body, '$.content.sha256') FROM revisions"  # only for these
            ' WHERE instr(body, \'"kind":"attachment"\')'
            " AND json_extract(body, '$.kind') = 'attachment'"
        )
        if s
    }
    return wanted


def leftovers(
    conn: sqlite3.Connection, blobs: BlobStore, staging: Path | None, *, quick: bool = False
) -> list[tuple[Path, int]]:
    """(path, size) of files nobody needs: unreferenced blobs, dead staging copies."""
    found: list[tuple[Path, int]] = []
    if not quick:
        wanted = _wanted(conn)
        found += [
            (blobs.path(s), blobs.path(s).stat().st_size) for s in blobs.all() if s not in wanted
        ]
        if blobs.root.is_dir():  # copies in progress when their command was killed
            for part in blobs.root.glob(".incoming-*.part"):
                pid = part.name.split("-")[1]
                if not (pid.isdigit() and int(pid) != os.getpid() and alive(int(pid))):
                    found.append((part, part.stat().st_size))
    if staging is not None and staging.is_dir():
        for entry in sorted(staging.iterdir()):
            parts = entry.name.split("-")
            pid = int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None
            if pid is not None and pid != os.getpid() and alive(pid):
                continue  # a command at work
            files = [f for f in entry.rglob("*") if f.is_file()] if entry.is_dir() else [entry]
            size = sum(f.stat().st_size for f in files)
            found.append((entry, size))
    return found


def check_workspace(workspace: Path, *, quick: bool = False) -> list[str]:
    """Check a workspace folder without opening it as a Workspace (which a damaged
    database could prevent): the database read-only, then every step above. A damaged
    database is marked, so no write runs on it until ``copdesk repair``."""
    from copdesk.errors import CopdeskError
    from copdesk.store.database import SCHEMA_VERSION, Database

    try:
        database = Database(workspace / "copdesk.db", read_only=True)
    except CopdeskError as exc:
        return [f"database: {exc}"]
    try:
        problems: list[str] = []
        try:
            version = database.user_version
            if version > SCHEMA_VERSION:
                problems.append(f"database: schema {version} is newer than this copdesk's")
            meta = dict(database.conn.execute("SELECT key, value FROM meta"))
            if not meta.get("site_id"):
                problems.append("database: the site's identity (meta.site_id) is missing")
        except sqlite3.DatabaseError as exc:
            problems.append(f"sqlite: {exc}")
        problems += check(database.conn, BlobStore(workspace / "blobs"), quick=quick)
        if any(p.startswith(("sqlite:", "database:")) or "cannot be read" in p for p in problems):
            database.mark_damaged(problems)
        return problems
    finally:
        database.close()
