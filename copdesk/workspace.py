"""``copdesk.Workspace``: the one public API that the CLI, the GUI and scripts use.

A workspace is a folder: ``copdesk.db`` (SQLite), ``blobs/`` (attachments by
SHA-256), ``index/`` (search), ``backups/``, ``keys/`` (the site's signing key)
and ``staging/`` (bundles being checked).

The Workspace composes its parts, each built with what it needs and none reaching
into another (as Anki's collection holds its decks, models and scheduler):

- ``ws.core``: connection, blobs, site, clock, who is writing, the one write path;
- ``ws.permissions``: who may do what (the table in copdesk.model.permissions),
  site administrators, PINs that prove who is writing on a shared PC;
- ``ws.items``: add, edit, delete, restore, validate, get, list, history, links,
  attachments, comments;
- ``ws.people``: memberships and roles, skill ratings, profiles;
- ``ws.qa``: questions, answers, "helped / applied" marks;
- ``ws.documents``: documents (procedures, manuals, standards) and the text read
  from every stored file, in a child process;
- ``ws.search``: full-text search, who knows, the glossary, the index;
- ``ws.sites``: this site's identity and key, the roster of trusted sites;
- ``ws.sync``: bundles (export, import) and the shared sync folder;
- ``ws.conflicts``: items edited on two sites at once, and their resolution;
- ``ws.analytics``: health figures, knowledge at risk, networks, contributions.

What concerns the whole workspace (opening, the current person, summary, check,
bulk import, demo content) stays on the Workspace itself.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

from copdesk.analytics.api import Analytics
from copdesk.core import Core
from copdesk.documents.api import Documents
from copdesk.errors import BadInput, WorkspaceError
from copdesk.items import Items
from copdesk.model.kinds import KINDS
from copdesk.model.validate import kind_of
from copdesk.people import People
from copdesk.permissions import Permissions
from copdesk.questions import QA
from copdesk.search.api import Search
from copdesk.store import items as q
from copdesk.store import revisions as revs
from copdesk.store.blobs import BlobStore
from copdesk.store.database import Database
from copdesk.sync.api import Sync
from copdesk.sync.conflicts import Conflicts
from copdesk.sync.sites import Sites

DB_NAME = "copdesk.db"
IMPORT_CHUNK = 2000  # rows of a CSV import validated, then written, at a time


class Workspace:
    """An open workspace. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    def __init__(self, path: Path, database: Database, *, index: bool = True) -> None:
        self.core = core = Core(path, database)
        self.permissions = Permissions(core)
        self.items = Items(core, self.permissions)
        self.people = People(core, self.items, self.permissions)
        self.qa = QA(core, self.items)
        # before search: files that arrive are read before the index catches up
        self.documents = Documents(core, self.items, self.permissions)
        self.search = Search(core, index=index)
        self.sites = Sites(core, self.permissions)
        self.sync = Sync(core, self.sites)
        self.conflicts = Conflicts(core, self.items)
        self.analytics = Analytics(core, self.items, self.people, self.qa)

    # -- lifecycle ---------------------------------------------------------------

    @staticmethod
    def exists(path: str | Path) -> bool:
        return (Path(path) / DB_NAME).is_file()

    @classmethod
    def create(cls, path: str | Path, site: str, language: str = "fr") -> Workspace:
        """Make a new workspace folder with its own site identity."""
        path = Path(path)
        site = " ".join(str(site).split())
        if not site:
            raise BadInput("the site needs a name, e.g. --site 'Usine de Lyon'")
        if language not in ("fr", "en"):
            raise BadInput(f"language must be fr or en (got {language!r})")
        if cls.exists(path):
            raise WorkspaceError(f"a workspace already exists in {path}")
        try:
            for sub in ("", "blobs", "index", "backups"):
                (path / sub).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"cannot create {path}: {exc.strerror}") from None
        database = Database(path / DB_NAME)
        database.migrate()
        site_id = str(uuid.uuid4())
        with database.write() as conn:
            conn.executemany(
                "INSERT INTO meta (key, value) VALUES (?, ?)",
                [("site_id", site_id), ("site_name", site), ("language", language)],
            )
            conn.execute(
                "INSERT INTO sites (id, name, is_self, added_at) VALUES (?, ?, 1, ?)",
                (site_id, site, revs.now()),
            )
        ws = cls(path, database)
        ws.sites.ensure_keys()
        ws.sites.life.check()
        return ws

    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        actor: str | None = None,
        index: bool = True,
        read_only: bool = False,
    ) -> Workspace:
        """Open an existing workspace; ``actor`` overrides the current person (``--as``).

        ``index=False`` leaves the search index alone (it catches up on a later open);
        ``read_only`` (also chosen by itself on read-only media) refuses every write.
        """
        path = Path(path)
        if not cls.exists(path):
            raise WorkspaceError(
                f"no workspace in {path}: create one with `copdesk init --site NAME`"
            )
        database = Database(path / DB_NAME, read_only=read_only)
        try:
            database.migrate(backups=path / "backups")
            ws = cls(path, database, index=index)
            ws.sites.life.check()  # restored: continues safely; copied: writes refused
            if actor is not None:
                ws.core.act_as(actor)
        except BaseException:
            database.close()
            raise
        return ws

    def close(self) -> None:
        self.search.close()
        self.core.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the site and who is writing ---------------------------------------------

    @property
    def path(self) -> Path:
        return self.core.path

    @property
    def conn(self) -> sqlite3.Connection:
        """The SQLite connection, for scripts that query; write through the parts."""
        return self.core.conn

    @property
    def blobs(self) -> BlobStore:
        """Attachments by SHA-256 (read their files through it)."""
        return self.core.blobs

    @property
    def site_id(self) -> str:
        return self.core.site_id

    @property
    def site_name(self) -> str:
        return self.core.site_name

    @property
    def language(self) -> str:
        return self.core.language

    @property
    def actor(self) -> str | None:
        """Person id that authors the next change: --as, else the current person."""
        return self.core.actor

    @property
    def current_person(self) -> str | None:
        """The person set with :meth:`use` on this computer (None: nobody)."""
        return self.core.current_person

    def use(self, person: str | None) -> dict[str, Any] | None:
        """Set who is writing on this (possibly shared) computer; None clears it."""
        pid = self.core.use(person)
        if pid:
            self.permissions.adopt_first_admin(pid)  # a site without one: nobody locked out
        return self.items.get(pid) if pid else None

    def acting_as(self, person: str | None) -> AbstractContextManager[None]:
        """Author changes as ``person`` for the duration of the block (quick switch)."""
        return self.core.acting_as(person)

    def today(self) -> dt.date:
        return self.core.today()

    def resolve(self, ref: str, kind: str | None = None) -> str:
        """Id of the item named by id, unique id prefix, or unique name."""
        return self.core.resolve(ref, kind)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold index updates during bulk work; the index catches up once at the end."""
        with self.core.batch():
            yield

    # -- the whole workspace -----------------------------------------------------

    def summary(self) -> dict[str, Any]:
        """What the workspace holds (for `status` and `make run`)."""
        counts = q.count_by_kind(self.core.conn)
        person = self.current_person
        return {
            "workspace": str(self.path),
            "site_id": self.site_id,
            "site_name": self.site_name,
            "language": self.language,
            "current_person": person,
            "current_person_name": self.core.name(person),
            "counts": {k: counts.get(k, 0) for k in KINDS},
            "revisions": self.core.conn.execute("SELECT count(*) FROM revisions").fetchone()[0],
            "site_state": self.sites.life.status,
        }

    def import_csv(
        self,
        kind: str,
        path: str | Path,
        *,
        mapping: Mapping[str, str] | None = None,
        skip_bad: bool = False,
        date_format: str | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> dict[str, Any]:
        """Import a spreadsheet export; all rows or none unless ``skip_bad``
        (``progress(rows)`` told after each chunk written).

        The rows are read, validated and written a chunk at a time inside one
        transaction (constant memory); a bad row without ``skip_bad`` rolls it all back.
        """
        from copdesk.store.csv_import import read_csv, refused, report_of, validated_rows

        spec = kind_of(kind)
        if not spec.user:
            raise BadInput(f"cannot import {kind} items from CSV")
        table = read_csv(Path(path), spec, mapping or {}, date_format)
        defaults = self.items.defaults(kind)
        report = report_of(table)
        checked: set[tuple[Any, Any]] = set()  # the rules, once per community and status
        chunk: list[dict[str, Any]] = []
        # the index catches up once committed, to the end (bulk work)
        with self.core.batch(), self.core.db.write():
            rows = validated_rows(table, spec, defaults, self.core.live_ref, report)
            for content in rows:
                pair = (content.get("community"), content.get("status"))
                if pair not in checked:
                    self.permissions.check_create(kind, {"community": pair[0], "status": pair[1]})
                    checked.add(pair)
                if report["rejected"] and not skip_bad:
                    continue  # the file is refused: read on only to report every bad row
                chunk.append(content)
                if len(chunk) == IMPORT_CHUNK:
                    report["imported"] += len(self.core.write_new(kind, chunk))
                    chunk = []
                    if progress is not None:
                        progress(report["imported"])
            if report["rejected"] and not skip_bad:
                raise refused(report)
            if chunk:
                report["imported"] += len(self.core.write_new(kind, chunk))
                if progress is not None:
                    progress(report["imported"])
        return report

    def check(self, *, quick: bool = False) -> list[str]:
        """Problems found in the database, revisions and blobs (empty: all good).

        A database SQLite finds damaged is marked: no write runs on it until repair."""
        from copdesk.store.check import check

        problems = check(self.core.conn, self.core.blobs, quick=quick)
        if any(p.startswith("sqlite:") or "cannot be read" in p for p in problems):
            self.core.db.mark_damaged(problems)
        return problems

    def leftovers(self, *, remove: bool = False) -> list[dict[str, Any]]:
        """Files killed commands left behind: attachment files nothing refers to,
        staging copies of commands no longer running (``remove``: delete them)."""
        from copdesk.store.check import leftovers

        found = leftovers(self.core.conn, self.core.blobs, self.path / "staging")
        if remove:
            self.core.db.refuse_writes_if_needed()
            for path, _ in found:
                if path.is_dir():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
        return [{"path": str(p), "bytes": size, "removed": remove} for p, size in found]

    @property
    def read_only(self) -> bool:
        """Whether this workspace opened read-only (read-only media or permissions)."""
        return self.core.db.read_only

    def backup(self, dest: str | Path, *, keys: bool = False) -> dict[str, Any]:
        """A consistent copy of the workspace in folder ``dest`` (while others write):
        the database, the attachments, and the site's private key only if asked."""
        from copdesk.store.backup import backup

        return backup(self.core, dest, keys=keys)

    def load_demo(self) -> dict[str, int]:
        """Load the built-in bilingual demo content; loading twice adds nothing."""
        from copdesk.demo import load

        # all or nothing (a kill or Cancel midway leaves no half demo), as a history
        # that already happened: as an import, no rule applies
        with self.core.batch(), self.core.db.write(), self.permissions.bypass():
            counts = load(self.core, self.items, self.people, self.qa)
        if self.current_person:  # the demo's animator looks after the site too
            self.permissions.adopt_first_admin(self.current_person)
        return counts


__all__ = ["Workspace"]
