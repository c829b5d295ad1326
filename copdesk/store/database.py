"""The SQLite connection of a workspace: pragmas, transactions, schema migrations.

One write = one ``BEGIN IMMEDIATE`` transaction, so an interrupted write leaves
the previous state and two processes never interleave half-changes. The schema
version lives in ``PRAGMA user_version``; a database written by a newer copdesk
is refused rather than damaged.

What goes wrong on real media is said in one sentence, never written over:

- a workspace on read-only media (or without write permission) opens read-only:
  every read works, every write is refused with one line;
- a writer that finds another process writing waits its turn, says so once
  ("waiting for another copdesk … to finish"), and gives up only after
  :data:`WAIT_SECONDS`;
- a full disk, an I/O error or a damaged file stops the write with one line, the
  transaction rolled back; a database found damaged is marked (a file beside it,
  ``copdesk.db.damaged``) and no write runs on it until ``copdesk repair``;
- an empty or foreign ``copdesk.db`` is refused, never replaced by a new database.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from copdesk.errors import CopdeskError, WorkspaceBusy, WorkspaceError
from copdesk.store.migrations import FOREIGN_KEYS_OFF, MIGRATIONS, steps

SCHEMA_VERSION = len(MIGRATIONS)
HEADER = b"SQLite format 3\x00"
WAIT_SECONDS = 600.0  # a writer waits this long for another process's transaction
NOTICE_AFTER = 1.0  # and says it is waiting after this long
DAMAGED_SUFFIX = ".damaged"


class ReadOnly(CopdeskError):
    """The workspace cannot be written here (exit 1): read-only media or permissions."""

    exit_code = 1


class MediumError(CopdeskError):
    """The disk said no (exit 1): full, failing, or gone; nothing was written."""

    exit_code = 1


class Damaged(CopdeskError):
    """The database is damaged (exit 1): writes refused until ``copdesk repair``."""

    exit_code = 1


def _stderr_notice(message: str) -> None:
    print(f"copdesk: {message}", file=sys.stderr, flush=True)


def _writable(path: Path) -> bool:
    """Whether this process may write the database and create its journal beside it."""
    folder = path.parent
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


class Database:
    """A workspace database; owned by the thread that opened it."""

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        _refuse_foreign(self.path)
        self.read_only = read_only or (self.path.exists() and not _writable(self.path))
        self.conn = self._connect()
        self.db = sqlite_utils.Database(self.conn)
        # called after each outermost commit (the workspace keeps its index in step)
        self.after_commit: Callable[[], None] | None = None
        # told once when a write has to wait for another process (the CLI: stderr)
        self.notice: Callable[[str], None] = _stderr_notice

    def _connect(self) -> sqlite3.Connection:
        if not self.read_only:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=NOTICE_AFTER)
            try:
                conn.execute("PRAGMA journal_mode=WAL")
            except sqlite3.OperationalError as exc:
                conn.close()
                if "readonly" not in str(exc) and "read-only" not in str(exc):
                    raise _worded(exc, self.path) from None
                self.read_only = True  # the file said no though the folder looked writable
            else:
                conn.execute("PRAGMA synchronous=FULL")
                conn.execute("PRAGMA foreign_keys=ON")
                return conn
        uri = self.path.resolve().as_uri()
        for options in ("mode=ro", "mode=ro&immutable=1"):
            try:
                conn = sqlite3.connect(f"{uri}?{options}", uri=True, isolation_level=None)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
                return conn
            except sqlite3.DatabaseError as exc:
                with contextlib.suppress(Exception):
                    conn.close()
                last = exc
        raise _worded(last, self.path) from None

    def close(self) -> None:
        self.conn.close()

    @property
    def user_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- damage ----------------------------------------------------------------------

    @property
    def damaged_marker(self) -> Path:
        return self.path.with_name(self.path.name + DAMAGED_SUFFIX)

    def mark_damaged(self, problems: list[str]) -> None:
        """Remember that the database failed its check, so no write runs on it."""
        with contextlib.suppress(OSError):
            self.damaged_marker.write_text("\n".join(problems[:50]) + "\n", "utf-8")

    def refuse_writes_if_needed(self) -> None:
        """Refuse (ReadOnly, Damaged) as a write would, for changes outside SQLite."""
        if self.read_only:
            raise ReadOnly(
                f"this workspace is read-only ({self.path.parent}): nothing can be changed here"
            )
        self._refuse_if_damaged()

    def _refuse_if_damaged(self) -> None:
        if self.damaged_marker.exists():
            raise Damaged(
                "the database failed its check: nothing is written until `copdesk repair`"
                " (see `copdesk check`)"
            )

    # -- transactions ----------------------------------------------------------------

    def _begin(self) -> None:
        """BEGIN IMMEDIATE, waiting visibly while another process writes."""
        started = time.monotonic()
        told = False
        while True:
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise _worded(exc, self.path) from None
                waited = time.monotonic() - started
                if waited >= WAIT_SECONDS:
                    raise WorkspaceBusy(
                        f"another copdesk has been writing to this workspace for "
                        f"{int(waited)} s: try again when it has finished"
                    ) from None
                if not told:
                    self.notice(
                        "waiting for another copdesk writing to this workspace (an import?)…"
                    )
                    told = True

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: everything inside commits together or not at all."""
        if self.conn.in_transaction:  # nested: part of the outer transaction
            yield self.conn
            return
        if self.read_only:
            raise ReadOnly(
                f"this workspace is read-only ({self.path.parent}): nothing can be changed here"
            )
        self._refuse_if_damaged()
        self._begin()
        try:
            yield self.conn
        except BaseException as exc:
            if self.conn.in_transaction:  # SQLite may already have rolled back (disk full)
                self.conn.execute("ROLLBACK")
            if _about_the_medium(exc):
                raise self._failed(exc) from None
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise self._failed(exc) from None
        if self.after_commit is not None:
            self.after_commit()

    def _failed(self, exc: sqlite3.DatabaseError) -> CopdeskError:
        error = _worded(exc, self.path)
        if isinstance(error, Damaged):
            self.mark_damaged([str(exc)])
        return error

    @contextmanager
    def trial(self) -> Iterator[sqlite3.Connection]:
        """A transaction that is always rolled back: see what a change would do."""
        if self.conn.in_transaction:
            raise RuntimeError("a trial cannot run inside another transaction")
        if self.read_only:
            self.conn.execute("BEGIN")  # a read-only database can still be asked "what if"
        else:
            self._begin()
        try:
            yield self.conn
        finally:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")

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
        if self.read_only:
            raise ReadOnly(
                f"this workspace (schema version {version}) needs an upgrade this copdesk"
                " cannot write on read-only media: copy it somewhere writable first"
            )
        if version > 0 and backups is not None:
            self.backup(backups / f"copdesk-schema{version}.db")
        tables = {t for (t,) in self.conn.execute("SELECT name FROM sqlite_master")}
        for number, reached in steps(version, tables):
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
                            f"the upgrade to schema {reached} found broken references: "
                            "run `copdesk check` with the previous copdesk"
                        )
                    conn.execute(f"PRAGMA user_version={reached}")
            finally:
                if rebuild:
                    self.conn.execute("PRAGMA foreign_keys=ON")
        return SCHEMA_VERSION

    def backup(self, target: Path) -> Path:
        """A consistent copy of the live database (SQLite online backup), even while
        another process writes; written under a temporary name, then renamed."""
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(target.suffix + ".part")
        try:
            dest = sqlite3.connect(tmp)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            shutil.move(tmp, target)
        except sqlite3.DatabaseError as exc:
            tmp.unlink(missing_ok=True)
            raise _worded(exc, target) from None
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise WorkspaceError(f"cannot write {target}: {exc.strerror}") from None
        return target


def _about_the_medium(exc: BaseException) -> bool:
    """SQLite errors about the disk or the file (not a constraint: that is our bug)."""
    return isinstance(exc, sqlite3.DatabaseError) and not isinstance(
        exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
    )


def worded(exc: sqlite3.DatabaseError, path: Path) -> CopdeskError:
    """The one sentence for a SQLite error about the medium or the file (for faces
    that meet one while reading)."""
    return _worded(exc, path)


def _refuse_foreign(path: Path) -> None:
    """An existing copdesk.db must be a SQLite database; an empty one is refused, never
    silently replaced by a new database."""
    try:
        if not path.exists():
            return
        if path.is_dir() or not path.is_file():
            raise WorkspaceError(f"{path} is not a file")
        with open(path, "rb") as f:
            head = f.read(len(HEADER))
    except OSError as exc:
        raise WorkspaceError(f"cannot read {path}: {exc.strerror}") from None
    if not head:
        raise Damaged(
            f"{path} is empty (0 bytes): restore a backup (copdesk restore-backup) or run"
            " copdesk repair; nothing was written"
        )
    if head != HEADER:
        raise Damaged(
            f"{path} is not a copdesk database (damaged, or another file): run copdesk repair"
        )


def _worded(exc: sqlite3.DatabaseError, path: Path) -> CopdeskError:
    """One sentence for what SQLite says about the medium or the file."""
    text = str(exc).lower()
    if "full" in text:
        return MediumError(f"the disk holding {path.parent} is full: nothing was written")
    if "readonly" in text or "read-only" in text:
        return ReadOnly(f"this workspace is read-only ({path.parent}): nothing can be changed here")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return Damaged(
            f"the database {path} is damaged ({exc}): run copdesk check, then copdesk repair"
        )
    if "disk i/o" in text:
        return MediumError(
            f"cannot write {path.parent} (the disk may be full or failing): nothing was written"
        )
    if "unable to open" in text:
        return MediumError(f"cannot open {path}: {exc}")
    return MediumError(f"database error on {path}: {exc}")
