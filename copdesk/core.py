"""The small object every part of a workspace is built on: one connection, the blob
store, the site's identity, the clock, who is writing, and the one write path.

Parts (items, people, questions, search, exchange, analytics) each receive this
object in their constructor and never each other's internals; the
:class:`copdesk.Workspace` composes them. Every change goes through
:meth:`Core.write`, which appends one revision in one transaction, so a failed or
interrupted change leaves the workspace as it was. Listeners registered with
:meth:`Core.on_commit` (the search index) run after each outermost commit, or once
at the end of a :meth:`Core.batch` (told it was bulk work, which they may take longer on).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from copdesk.errors import BadInput, ItemDeleted
from copdesk.model.kinds import KINDS
from copdesk.model.validate import validate
from copdesk.store import items as q
from copdesk.store import relations as rel
from copdesk.store import revisions as revs
from copdesk.store.blobs import BlobStore
from copdesk.store.database import Database
from copdesk.store.revisions import Revision

# Written about one item; when that item is private or site-only at the time, they stay
# on this site for good, even once the item is shared (they were written for this site).
LOCAL_WHEN_PRIVATE = ("comment", "attachment", "answer")


class Core:
    """A workspace's connection, site, clock, current person and write path."""

    def __init__(self, path: Path, database: Database) -> None:
        self.path = Path(path)
        self.db = database
        self.conn = database.conn
        q.install_functions(self.conn)
        self.blobs = BlobStore(self.path / "blobs")
        meta = dict(self.conn.execute("SELECT key, value FROM meta"))
        self.site_id: str = meta["site_id"]
        self.site_name: str = meta["site_name"]
        self.language: str = meta.get("language", "fr")
        self._actor: str | None = None
        self._actor_set = False
        self._clock: str | None = None
        self._hold = 0
        self._listeners: list[Callable[[bool], None]] = []
        database.after_commit = self._committed
        # Set when this workspace may not write its own changes (a copy of a site made
        # elsewhere, or a read-only copy): called before every write, it raises.
        self.guard: Callable[[], None] | None = None

    def check_guard(self) -> None:
        """Raise if this workspace may not change (a copy not yet decided, read-only)."""
        if self.guard is not None:
            self.guard()

    # -- change notification ---------------------------------------------------------

    def on_commit(self, listener: Callable[[bool], None]) -> None:
        """Call ``listener(bulk)`` after each outermost commit (not inside a batch);
        ``bulk`` is True once at the end of a batch (an import, the demo)."""
        self._listeners.append(listener)

    def _committed(self, bulk: bool = False) -> None:
        if self._hold:
            return
        for listener in self._listeners:
            listener(bulk)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Hold commit listeners during bulk work; they run once at the end."""
        self._hold += 1
        try:
            yield
        finally:
            self._hold -= 1
            if not self._hold:
                self._committed(bulk=True)

    def change_marker(self) -> int:
        """A number that grows with every item change written here (imports included)."""
        return self.conn.execute("SELECT coalesce(max(change), 0) FROM items").fetchone()[0]

    # -- the clock -------------------------------------------------------------------

    def now(self) -> str:
        return self._clock or revs.now()

    def today(self) -> dt.date:
        return dt.date.fromisoformat(self.now()[:10])

    @contextmanager
    def backdated(self, at: str) -> Iterator[None]:
        """Write revisions with a given time (demo content that happened in the past)."""
        saved, self._clock = self._clock, at
        try:
            yield
        finally:
            self._clock = saved

    # -- who is writing --------------------------------------------------------------

    @property
    def actor(self) -> str | None:
        """Person id that authors the next change: --as, else the current person."""
        if self._actor_set:
            return self._actor
        return self.current_person

    @property
    def current_person(self) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'current_person'").fetchone()
        if row is None:
            return None
        item = q.row_dict(self.conn, row[0])
        return row[0] if item and not item["deleted"] else None

    def act_as(self, person: str | None) -> None:
        """Author every later change of this process as ``person`` (``--as``)."""
        self._actor = self.resolve(person, "person") if person else None
        self._actor_set = True

    def use(self, person: str | None) -> str | None:
        """Set who is writing on this (possibly shared) computer; None clears it."""
        with self.db.write() as conn:
            if person is None:
                conn.execute("DELETE FROM meta WHERE key = 'current_person'")
                return None
            pid = self.live_ref(person, "person")
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('current_person', ?)", (pid,)
            )
        return pid

    @contextmanager
    def acting_as(self, person: str | None) -> Iterator[None]:
        """Author changes as ``person`` for the duration of the block (quick switch)."""
        saved = self._actor, self._actor_set
        self._actor = self.live_ref(person, "person") if person else None
        self._actor_set = True
        try:
            yield
        finally:
            self._actor, self._actor_set = saved

    # -- names -----------------------------------------------------------------------

    def resolve(self, ref: str, kind: str | None = None) -> str:
        """Id of the item named by id, unique id prefix, or unique name."""
        kinds = [kind] if kind else None
        return q.resolve(self.conn, ref, kinds, what=KINDS[kind].en.lower() if kind else "item")

    def live_ref(self, ref: str, kind: str | None = None) -> str:
        """Like :meth:`resolve`, refusing a deleted item."""
        item_id = self.resolve(ref, kind)
        row = q.row_dict(self.conn, item_id)
        if row is None or row["deleted"]:
            raise BadInput(f"{row['kind'] if row else 'item'} {ref!r} is deleted")
        return item_id

    def name(self, item_id: str | None) -> str | None:
        """The title or name of an item (None for no id or an unknown one)."""
        if not item_id:
            return None
        return q.titles(self.conn, [item_id]).get(item_id)

    def site_name_of(self, site_id: str) -> str | None:
        row = self.conn.execute("SELECT name FROM sites WHERE id = ?", (site_id,)).fetchone()
        return row[0] if row else None

    def row(self, ref: str, kind: str | None = None, *, live: bool = True) -> dict[str, Any]:
        """The stored row of an item; ``live`` refuses a deleted one, saying who deleted it."""
        item_id = self.resolve(ref, kind)
        row = q.row_dict(self.conn, item_id)
        assert row is not None
        if live and row["deleted"]:
            who = self.name(row["updated_by"]) or "an unknown person"
            raise ItemDeleted(
                f"{row['kind']} {row['title']!r} ({item_id}) was deleted on "
                f"{row['updated_at']} by {who}"
            )
        return row

    # -- the one write path ----------------------------------------------------------

    def write(
        self,
        item_id: str,
        kind: str,
        content: dict[str, Any] | None,
        parents: list[str],
        op: str,
    ) -> Revision:
        """Append one revision (validated content, or None for a tombstone)."""
        self.check_guard()
        with self.db.write() as conn:
            if content is not None and parents and content.get("visibility") == "shared":
                # Sharing an item that was private: its private versions stay here.
                parents, tail = revs.shared_base(conn, parents)
                if tail:
                    revs.set_aside(conn, tail, self.now())
                    op = op if parents else "create"
            rev = Revision.build(
                item=item_id,
                kind=kind,
                parents=parents,
                site=self.site_id,
                seq=revs.next_seq(conn, self.site_id),
                author=self.actor,
                at=self.now(),
                op=op,
                content=content,
            )
            revs.add(conn, rev)
            local = op == "create" and kind in LOCAL_WHEN_PRIVATE and content is not None
            if local and not rel.all_shared(conn, item_id):
                conn.execute("INSERT OR IGNORE INTO local_items (item_id) VALUES (?)", (item_id,))
        return rev

    def write_new(self, kind: str, contents: list[dict[str, Any]]) -> list[Revision]:
        """Create items from validated contents in one transaction (bulk import)."""
        self.check_guard()
        at, author = self.now(), self.actor
        with self.db.write() as conn:
            seq = revs.next_seq(conn, self.site_id)
            batch = [
                Revision.build(
                    item=str(uuid.uuid4()),
                    kind=kind,
                    parents=(),
                    site=self.site_id,
                    seq=seq + i,
                    author=author,
                    at=at,
                    op="create",
                    content=content,
                )
                for i, content in enumerate(contents)
            ]
            revs.create_many(conn, batch)
        return batch

    def upsert_relation(
        self, item_id: str, kind: str, data: dict[str, Any]
    ) -> tuple[dict[str, Any], bool]:
        """Create or supersede a relation item (deterministic id); returns (row, changed).

        A rating is always written again: a new assessment is history even when equal.
        """
        content = validate(kind, data)
        row = q.row_dict(self.conn, item_id)
        if row is not None and not row["deleted"] and row["data"] == content and kind != "rating":
            return row, False
        parents = [row["head"]] if row else []
        op = "create" if row is None else ("restore" if row["deleted"] else "edit")
        self.write(item_id, kind, content, parents, op)
        new = q.row_dict(self.conn, item_id)
        assert new is not None
        return new, True
