"""`copdesk check`: prove the workspace is whole, or say exactly what is not.

Checks SQLite's own integrity and foreign keys, recomputes every revision id
from its bytes, re-derives every item's current state from its revisions and
re-hashes every attachment blob.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3

from copdesk.store.blobs import BlobStore
from copdesk.store.revisions import COLUMNS, current_state

# items columns compared with the state re-derived from revisions: all but the
# local change counter and the content (compared as parsed JSON)
_COMPARED = [c for c in COLUMNS if c not in ("change", "data")]


def check(conn: sqlite3.Connection, blobs: BlobStore) -> list[str]:
    problems: list[str] = []
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.extend(f"sqlite: {line}" for line in integrity[:20])
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check").fetchall()[:20]:
        problems.append(f"foreign key: {table} row {rowid} points to a missing {parent}")

    cur = conn.execute("SELECT rev_id, item_id, site, seq, deleted, body FROM revisions")
    for rev_id, item_id, site, seq, deleted, body in cur:
        if hashlib.sha256(body.encode("utf-8")).hexdigest() != rev_id:
            problems.append(f"revision {rev_id}: content does not match its id")
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
            problems.append(f"revision {rev_id}: stored columns disagree with its content")

    orphans = conn.execute(
        "SELECT DISTINCT item_id FROM revisions WHERE item_id NOT IN (SELECT id FROM items)"
    ).fetchall()
    problems.extend(f"item {i}: has revisions but no current state" for (i,) in orphans[:20])
    for (item_id,) in conn.execute("SELECT id FROM items").fetchall():
        expected = current_state(conn, item_id)
        cur = conn.execute("SELECT * FROM items WHERE id = ?", (item_id,))
        names = [c[0] for c in cur.description]
        row = dict(zip(names, cur.fetchone(), strict=True))
        if expected is None:
            problems.append(f"item {item_id}: has no revisions")
            continue
        want = dict(zip(names, expected, strict=True))
        diff = [c for c in _COMPARED if row[c] != want[c]]
        if diff or json.loads(row["data"]) != json.loads(want["data"]):
            problems.append(f"item {item_id}: current state differs from its revisions {diff}")

    wanted = {s for (s,) in conn.execute("SELECT sha256 FROM blobs")}
    wanted |= {
        s
        for (s,) in conn.execute(
            "SELECT json_extract(data, '$.sha256') FROM items WHERE kind = 'attachment'"
        )
    }
    for sha in sorted(wanted):
        issue = blobs.verify(sha)
        if issue:
            problems.append(f"attachment blob {sha}: {issue}")
    return problems
