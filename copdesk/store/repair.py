"""``copdesk repair``: rebuild what can be rebuilt into a new database, keep the old.

The revisions are the truth; everything else in the database is either derived from
them (``items``, ``refs``: re-derived here) or small local facts (the site's
identity, the roster, glossary, administrators…: copied row by row, skipping rows
SQLite can no longer read). Every revision is checked against its id before it is
kept, so a damaged one is dropped rather than trusted. When SQLite itself cannot
read a table, the ``sqlite3`` tool's ``.recover`` (when installed) salvages what
pages it can first.

The damaged file is never written: it is kept as ``copdesk.db.damaged-STAMP`` beside
the new one, and the search index is dropped (it is rebuilt from the new database on
next use). Leftovers (attachment files nothing refers to, staging copies of killed
commands) are removed.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from copdesk.errors import WorkspaceError
from copdesk.store import revisions as revs
from copdesk.store.blobs import BlobStore
from copdesk.store.check import leftovers
from copdesk.store.database import DAMAGED_SUFFIX, HEADER, Database
from copdesk.store.revisions import Revision

DERIVED = ("items", "refs", "revisions", "rev_parents")  # rebuilt, not copied


def repair(workspace: Path) -> dict[str, Any]:
    """Rebuild ``workspace/copdesk.db``; what was kept, dropped and where the old one is."""
    db_path = workspace / "copdesk.db"
    if not db_path.is_file():
        raise WorkspaceError(f"no database in {workspace}")
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    with tempfile.TemporaryDirectory(dir=workspace, prefix=".repair-") as scratch:
        source = _readable_copy(db_path, Path(scratch))
        fresh = workspace / f"copdesk.db.repairing-{stamp}"
        fresh.unlink(missing_ok=True)
        report = _rebuild(source, fresh)
    old = workspace / f"copdesk.db.damaged-{stamp}"
    db_path.replace(old)
    for suffix in ("-wal", "-shm"):
        side = workspace / f"copdesk.db{suffix}"
        if side.exists():
            side.replace(workspace / f"{old.name}{suffix}")
    fresh.replace(db_path)
    (workspace / f"copdesk.db{DAMAGED_SUFFIX}").unlink(missing_ok=True)
    shutil.rmtree(workspace / "index", ignore_errors=True)  # rebuilt on next use
    removed = _remove_leftovers(workspace)
    return {**report, "kept_as": str(old), "leftovers_removed": removed}


def _readable_copy(db_path: Path, scratch: Path) -> Path:
    """The damaged database as SQLite can best read it: the file itself (with its WAL),
    or what ``sqlite3 .recover`` salvages when the file is too damaged to read."""
    copy = scratch / "source.db"
    shutil.copyfile(db_path, copy)
    for suffix in ("-wal",):
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            shutil.copyfile(side, scratch / f"source.db{suffix}")
    with open(copy, "rb") as f:
        head = f.read(len(HEADER))
    if head != HEADER:
        raise WorkspaceError(
            f"{db_path} holds no readable database (empty or overwritten): nothing to "
            "salvage; restore a backup (copdesk restore-backup DIR, or backups/*.db)"
        )
    if _reads(copy):
        return copy
    recovered = scratch / "recovered.db"
    tool = shutil.which("sqlite3")
    if tool:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            dump = subprocess.run(
                [tool, str(copy), ".recover"], capture_output=True, timeout=600, check=False
            )
            subprocess.run(
                [tool, str(recovered)], input=dump.stdout, capture_output=True, timeout=600,
                check=False,
            )  # fmt: skip
            if _reads(recovered) and _holds_a_site(recovered):
                return recovered
    return copy  # read row by row below, keeping what SQLite still gives


def _holds_a_site(path: Path) -> bool:
    """Whether a salvaged database kept the site's identity (``.recover`` may give
    nothing at all where the SQLite tool lacks its page reader)."""
    try:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return bool(conn.execute("SELECT value FROM meta WHERE key = 'site_id'").fetchone())
    except sqlite3.DatabaseError:
        return False


def _reads(path: Path) -> bool:
    try:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            return conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    except sqlite3.DatabaseError:
        return False


def _rows(conn: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple]:
    """Rows of ``table`` that can be read: when SQLite stops on a damaged page, the scan
    goes on after the last row it gave (tables without rowid: what one scan gives)."""
    names = ", ".join(columns)
    try:
        conn.execute(f"SELECT rowid FROM {table} LIMIT 1").fetchall()
    except sqlite3.OperationalError:  # a WITHOUT ROWID table
        with contextlib.suppress(sqlite3.DatabaseError):
            yield from conn.execute(f"SELECT {names} FROM {table}")
        return
    except sqlite3.DatabaseError:
        pass
    last, errors = -(2**63), 0
    while errors < 1000:
        try:
            for row in conn.execute(
                f"SELECT rowid, {names} FROM {table} WHERE rowid > ? ORDER BY rowid", (last,)
            ):
                last = row[0]
                yield row[1:]
            return
        except sqlite3.DatabaseError:
            errors += 1
            last = max(last, 0) + 1  # step over the row SQLite could not give


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.DatabaseError:
        return []


def _rebuild(source: Path, fresh: Path) -> dict[str, Any]:
    new = Database(fresh)
    new.migrate()
    old = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    copied: dict[str, int] = {}
    try:
        with new.write() as conn:
            conn.execute("PRAGMA foreign_keys=OFF")
            tables = [
                t
                for (t,) in conn.execute(
                    "SELECT name FROM sqlite_master"
                    " WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
                if t not in DERIVED
            ]
            for table in tables:
                have = _columns(old, table)
                cols = [c for c in _columns(conn, table) if c in have]
                if not cols:
                    continue
                marks = ", ".join("?" * len(cols))
                n = 0
                for row in _rows(old, table, cols):
                    with contextlib.suppress(sqlite3.DatabaseError):
                        conn.execute(
                            f"INSERT OR IGNORE INTO {table} ({', '.join(cols)}) VALUES ({marks})",
                            row,
                        )
                        n += 1
                copied[table] = n
            kept, dropped = _revisions(old, conn)
        new.conn.execute("PRAGMA foreign_keys=ON")
    finally:
        old.close()
        new.close()
    if not copied.get("meta"):
        fresh.unlink(missing_ok=True)
        raise WorkspaceError(
            "the site's identity could not be read from the damaged database: restore a "
            "backup (copdesk restore-backup DIR, or backups/*.db)"
        )
    return {"revisions_kept": kept, "revisions_dropped": dropped, "tables_copied": copied}


def _revisions(old: sqlite3.Connection, conn: sqlite3.Connection) -> tuple[int, int]:
    """Keep every revision whose bytes still match its id and whose parents are kept;
    re-derive every item from them."""
    good: dict[str, Revision] = {}
    dropped = 0
    for rev_id, body in _rows(old, "revisions", ["rev_id", "body"]):
        if isinstance(body, str) and hashlib.sha256(body.encode()).hexdigest() == rev_id:
            try:
                good[rev_id] = Revision.from_body(body, rev_id)
            except (ValueError, KeyError, TypeError):
                dropped += 1
        else:
            dropped += 1
    # parents first: a revision whose parent was lost cannot be placed in its history
    generation: dict[str, int] = {}
    pending = dict(good)
    while pending:
        placed = {
            r.rev_id: 1 + max((generation[p] for p in r.parents), default=0)
            for r in pending.values()
            if all(p in generation for p in r.parents)
        }
        if not placed:
            dropped += len(pending)
            break
        generation.update(placed)
        revs.insert_many(conn, [(pending.pop(rev_id), g) for rev_id, g in placed.items()])
    for (item_id,) in conn.execute("SELECT DISTINCT item_id FROM revisions").fetchall():
        revs.rematerialize(conn, item_id)
    return len(generation), dropped


def _remove_leftovers(workspace: Path) -> int:
    database = Database(workspace / "copdesk.db")
    try:
        found = leftovers(database.conn, BlobStore(workspace / "blobs"), workspace / "staging")
    finally:
        database.close()
    for path, _ in found:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
    return len(found)
