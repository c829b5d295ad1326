"""The SQLite connection of a workspace: pragmas, transactions, schema migrations.

One write = one ``BEGIN IMMEDIATE`` transaction, so an interrupted write leaves
the previous state and two processes never interleave half-changes. The schema
version lives in ``PRAGMA user_version``; a database written by a newer copdesk
is refused rather than damaged.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from copdesk.errors import WorkspaceBusy, WorkspaceError
from copdesk.store.migrations import FOREIGN_KEYS_OFF, MIGRATIONS

SCHEMA_VERSION = len(MIGRATIONS)


class Database:
    """A workspace database; owned by the thread that opened it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        conn = sqlite3.connect(self.path, isolation_level=None, timeout=10.0)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        self.conn = conn
        self.db = sqlite_utils.Database(conn)
        # called after each outermost commit (the workspace keeps its index in step)
        self.after_commit: Callable[[], None] | None = None

    def close(self) -> None:
        self.conn.close()

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside commits together or not at all."""
        if self.conn.in_transaction:  # nested: part of the outer transaction
            yield self.conn
            return
        self._begin()
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        if self.after_commit is not None:
            self.after_commit()

    @contextmanager
    def trial(self) -> Iterator[sqlite3.Connection]:
        """A transaction that is always rolled back: see what a change would do."""
        if self.conn.in_transaction:
            raise RuntimeError("a trial cannot run inside another transaction")
        self._begin()
        try:
            yield self.conn
        finally:
            self.conn.execute("ROLLBACK")

    def _begin(self) -> None:
        """BEGIN IMMEDIATE: wait (up to the timeout) for another writer, then say so."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            raise WorkspaceBusy(
                "the workspace is busy: another copdesk (the window, a scheduled "
                "sync-folder, an import) is writing to it; try again in a moment"
            ) from None

    def migrate(self, backups: Path | None = None) -> int:
        """Bring the schema to SCHEMA_VERSION; back up first when upgrading old data."""
        version = self.user_version
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"this workspace has schema version {version}, newer than this copdesk "
                f"understands ({SCHEMA_VERSION}): upgrade copdesk"
            )
        if version == SCHEMA_VERSION:
            return version
        if version > 0 and backups is not None:
            self.backup(backups / f"copdesk-schema{version}.db")
        for number in range(version, SCHEMA_VERSION):
            statements = MIGRATIONS[number]
            rebuild = statements[:1] == [FOREIGN_KEYS_OFF]
            if rebuild:  # tables rebuilt: keys checked once at the end, not row by row
                self.conn.execute("PRAGMA foreign_keys=OFF")
            try:
                with self.write() as conn:
                    for statement in statements[1:] if rebuild else statements:
                        conn.execute(statement)
                    if rebuild and conn.execute("PRAGMA foreign_key_check").fetchone():
                        raise WorkspaceError(
                            f"the upgrade to schema {number + 1} found broken references: "
                            "run `copdesk check` with the previous copdesk"
                        )
                    conn.execute(f"PRAGMA user_version={number + 1}")
            finally:
                if rebuild:
                    self.conn.execute("PRAGMA foreign_keys=ON")
        return SCHEMA_VERSION

    def backup(self, target: Path) -> Path:
        """A consistent copy of the live database (SQLite online backup)."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        dest = sqlite3.connect(tmp)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        shutil.move(tmp, target)
        return target
