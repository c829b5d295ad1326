"""``copdesk.Workspace``: the one public API that the CLI, the GUI and scripts use.

A workspace is a folder: ``copdesk.db`` (SQLite), ``blobs/`` (attachments by
SHA-256), ``index/`` (search), ``backups/``, ``keys/`` (the site's signing key)
and ``staging/`` (bundles being checked). Every change goes through
:meth:`Workspace._write`, which validates first and then appends one revision in
one transaction, so a failed or interrupted change leaves the workspace as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from copdesk.analytics.api import AnalyticsMixin
from copdesk.analytics.network_api import NetworkMixin
from copdesk.contributions import ContributionsMixin
from copdesk.errors import BadInput, CopdeskError, ItemDeleted, WorkspaceError
from copdesk.model.kinds import KINDS, REF, REFS, USER_KINDS
from copdesk.model.validate import READ_ONLY, kind_of, validate, with_defaults
from copdesk.questions import QuestionsMixin
from copdesk.relations import RelationsMixin, relation_id
from copdesk.search.api import SearchMixin
from copdesk.store import items as q
from copdesk.store import revisions as revs
from copdesk.store.blobs import BlobStore
from copdesk.store.database import Database
from copdesk.store.revisions import Revision
from copdesk.sync.api import SyncMixin

DB_NAME = "copdesk.db"
EDITABLE = (*USER_KINDS, "comment", "answer")  # ratings, memberships, links: own commands


class Workspace(
    RelationsMixin,
    QuestionsMixin,
    SearchMixin,
    SyncMixin,
    AnalyticsMixin,
    NetworkMixin,
    ContributionsMixin,
):
    """An open workspace. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    def __init__(self, path: Path, database: Database, *, index: bool = True) -> None:
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
        self._index = None
        self._index_enabled = index  # False: the index is left to catch up on a later open
        self._hold = 0
        self._opened_change = self._item_change()
        database.after_commit = self._sync_index

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
        ws._ensure_keys()
        return ws

    @classmethod
    def open(cls, path: str | Path, *, actor: str | None = None, index: bool = True) -> Workspace:
        """Open an existing workspace; ``actor`` overrides the current person (``--as``).

        ``index=False`` leaves the search index alone (it catches up on a later open).
        """
        path = Path(path)
        if not cls.exists(path):
            raise WorkspaceError(
                f"no workspace in {path}: create one with `copdesk init --site NAME`"
            )
        database = Database(path / DB_NAME)
        try:
            database.migrate(backups=path / "backups")
            ws = cls(path, database, index=index)
            if actor is not None:
                ws._actor = ws.resolve(actor, "person")
                ws._actor_set = True
        except BaseException:
            database.close()
            raise
        return ws

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- who and when ------------------------------------------------------------

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

    def use(self, person: str | None) -> dict[str, Any] | None:
        """Set who is writing on this (possibly shared) computer; None clears it."""
        with self.db.write() as conn:
            if person is None:
                conn.execute("DELETE FROM meta WHERE key = 'current_person'")
                return None
            pid = self._live_ref(person, "person")
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('current_person', ?)", (pid,)
            )
        return self.get(pid)

    @contextmanager
    def acting_as(self, person: str | None) -> Iterator[None]:
        """Author changes as ``person`` for the duration of the block (quick switch)."""
        saved = self._actor, self._actor_set
        self._actor = self._live_ref(person, "person") if person else None
        self._actor_set = True
        try:
            yield
        finally:
            self._actor, self._actor_set = saved

    @contextmanager
    def _backdated(self, at: str) -> Iterator[None]:
        """Write revisions with a given time (demo content that happened in the past)."""
        saved, self._clock = self._clock, at
        try:
            yield
        finally:
            self._clock = saved

    def _now(self) -> str:
        return self._clock or revs.now()

    def today(self) -> dt.date:
        return dt.date.fromisoformat(self._now()[:10])

    # -- resolving names ---------------------------------------------------------

    def resolve(self, ref: str, kind: str | None = None) -> str:
        """Id of the item named by id, unique id prefix, or unique name."""
        kinds = [kind] if kind else None
        return q.resolve(self.conn, ref, kinds, what=KINDS[kind].en.lower() if kind else "item")

    def _live_ref(self, ref: str, kind: str | None = None) -> str:
        item_id = self.resolve(ref, kind)
        row = q.row_dict(self.conn, item_id)
        if row is None or row["deleted"]:
            raise BadInput(f"{row['kind'] if row else 'item'} {ref!r} is deleted")
        return item_id

    def _resolve_refs(
        self, kind: str, data: Mapping[str, Any], base: Mapping[str, Any] | None = None
    ) -> dict[str, Any]:
        """Replace names in reference fields by ids of live items of the right kind.

        A reference left as it was (``base``) is kept even if its target was deleted
        since, so an edit never fails on a field it does not change.
        """
        out = dict(data)
        for f in KINDS[kind].fields:
            value = out.get(f.name)
            if base is not None and value == base.get(f.name, f.empty):
                continue
            if f.type == REF and isinstance(value, str) and value.strip():
                out[f.name] = self._live_ref(value, f.ref_kind)
            elif f.type == REFS and value:
                names = value.split(",") if isinstance(value, str) else value
                if not isinstance(names, list):
                    raise BadInput(f"{kind}: {f.name} must be a list of names or ids")
                out[f.name] = [self._live_ref(str(n), f.ref_kind) for n in names if str(n).strip()]
        return out

    # -- writing -----------------------------------------------------------------

    def _defaults(self, kind: str) -> dict[str, Any]:
        spec = KINDS[kind]
        defaults: dict[str, Any] = {}
        if "language" in spec.by_name:
            defaults["language"] = self.language
        if kind in ("rex", "person"):
            defaults["site"] = self.site_name
        return defaults

    def _write(
        self,
        item_id: str,
        kind: str,
        content: dict[str, Any] | None,
        parents: list[str],
        op: str,
    ) -> Revision:
        with self.db.write() as conn:
            if content is not None and parents and content.get("visibility") == "shared":
                # Sharing an item that was private: its private versions stay here.
                parents, tail = revs.shared_base(conn, parents)
                if tail:
                    revs.set_aside(conn, tail, self._now())
                    op = op if parents else "create"
            rev = Revision.build(
                item=item_id,
                kind=kind,
                parents=parents,
                site=self.site_id,
                seq=revs.next_seq(conn, self.site_id),
                author=self.actor,
                at=self._now(),
                op=op,
                content=content,
            )
            revs.add(conn, rev)
        return rev

    def _row(self, ref: str, kind: str | None = None, *, live: bool = True) -> dict[str, Any]:
        item_id = self.resolve(ref, kind)
        row = q.row_dict(self.conn, item_id)
        assert row is not None
        if live and row["deleted"]:
            who = self._name(row["updated_by"]) or "an unknown person"
            raise ItemDeleted(
                f"{row['kind']} {row['title']!r} ({item_id}) was deleted on "
                f"{row['updated_at']} by {who}"
            )
        return row

    def add(self, kind: str, data: Mapping[str, Any], *, item_id: str | None = None) -> dict:
        """Create an item of a user kind; returns it as :meth:`get` shows it."""
        spec = kind_of(kind)
        if not spec.user:
            raise BadInput(f"{kind} items are made with their own command, not add")
        if item_id is not None and q.row_dict(self.conn, item_id) is not None:
            raise BadInput(f"an item with id {item_id} already exists")
        content = validate(kind, self._resolve_refs(kind, data), defaults=self._defaults(kind))
        rev = self._write(item_id or str(uuid.uuid4()), kind, content, [], "create")
        return self.get(rev.item)

    def edit(self, ref: str, changes: Mapping[str, Any]) -> dict:
        """Change only the given fields; a new revision unless nothing changed."""
        row = self._row(ref)
        if not isinstance(changes, Mapping):
            raise BadInput("expected a JSON object with the fields to change")
        if changes.get("id", row["id"]) != row["id"]:
            raise BadInput(f"the JSON is for item {changes['id']}, not {row['id']}")
        kind = row["kind"]
        if kind not in EDITABLE:
            raise BadInput(f"{kind} items change with their own command (rate, member, link…)")
        resolved = self._resolve_refs(kind, changes, base=row["data"])
        content = validate(kind, resolved, base=row["data"])
        if content != row["data"]:
            self._write(row["id"], kind, content, [row["head"]], "edit")
        return self.get(row["id"])

    def delete(self, ref: str) -> dict:
        """Write a tombstone: the item leaves lists, its history stays."""
        row = self._row(ref)
        rev = self._write(row["id"], row["kind"], None, [row["head"]], "delete")
        return {"id": row["id"], "kind": row["kind"], "title": row["title"], "rev": rev.rev_id}

    def restore(self, ref: str, rev_id: str) -> dict:
        """Make an old revision's content current again (also undeletes); the item keeps
        its current visibility, so restoring a draft never un-shares a shared item."""
        row = self._row(ref, live=False)
        old = self._revision_of(row["id"], rev_id)
        if old.content is None:
            raise BadInput(f"revision {old.rev_id[:12]} is a deletion; choose an earlier one")
        content = dict(old.content)
        if "visibility" in row["data"]:  # restore the text, not an old sharing decision
            content["visibility"] = row["data"]["visibility"]
        if not row["deleted"] and content == row["data"]:
            return self.get(row["id"])
        self._write(row["id"], row["kind"], content, [row["head"]], "restore")
        return self.get(row["id"])

    def _revision_of(self, item_id: str, rev_ref: str) -> Revision:
        rev_ref = rev_ref.strip().lower()
        every = revs.revisions_of(self.conn, item_id) + revs.drafts_of(self.conn, item_id)
        matches = [r for r, _ in every if r.rev_id.startswith(rev_ref)]
        if len(rev_ref) < 6 or len(matches) != 1:
            what = "several revisions" if len(matches) > 1 else "no revision"
            raise BadInput(f"{what} of item {item_id} match {rev_ref!r}")
        return matches[0]

    # -- reading -----------------------------------------------------------------

    def _name(self, item_id: str | None) -> str | None:
        if not item_id:
            return None
        return q.titles(self.conn, [item_id]).get(item_id)

    def get(self, ref: str) -> dict[str, Any]:
        """The item: every field (under the names add accepts), plus id, author, times."""
        row = self._row(ref)
        return self._present(row)

    def _present(self, row: dict[str, Any]) -> dict[str, Any]:
        kind = row["kind"]
        names = q.titles(self.conn, [row["created_by"], row["updated_by"], row["community"] or ""])
        item: dict[str, Any] = {"id": row["id"], "kind": kind}
        item.update(with_defaults(kind, row["data"]))
        item.update(
            author=row["created_by"],
            author_name=names.get(row["created_by"]),
            origin_site=row["origin_site"],
            origin_site_name=self._site_name(row["origin_site"]),
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            updated_by=row["updated_by"],
            rev=row["head"],
            conflict=bool(row["conflict"]),
        )
        if row["community"]:
            item["community_name"] = names.get(row["community"])
            community = q.row_dict(self.conn, row["community"])
            item["archived"] = bool(community and community["data"].get("stage") == "dissolution")
        if item.get("holders"):
            holders = q.titles(self.conn, item["holders"])
            item["holder_names"] = [holders.get(h) for h in item["holders"]]
        if KINDS[kind].user:
            item.update(self._relations_of(row["id"]))
        if kind == "question":
            item["answers"] = self.answers_of(row["id"])
        if kind == "community":
            item["stage_history"] = self.stage_history(row["id"])
            item["members"] = self.members(row["id"])
        return item

    def _site_name(self, site_id: str) -> str | None:
        row = self.conn.execute("SELECT name FROM sites WHERE id = ?", (site_id,)).fetchone()
        return row[0] if row else None

    def list(
        self,
        kind: str,
        *,
        community: str | None = None,
        status: str | None = None,
        tag: str | None = None,
        deleted: bool = False,
        since_change: int | None = None,
    ) -> list[dict[str, Any]]:
        """Current items of a user kind, most recently updated first.

        ``since_change``: only items changed here after that :meth:`change_marker`,
        whether edited on this site or arriving in a bundle (their own dates may be old).
        """
        spec = kind_of(kind)
        if not spec.user:
            raise BadInput(f"cannot list {kind} items; use show or profile")
        if status is not None:
            validate_status = KINDS["rex"].by_name["status"]
            if status not in validate_status.choices:
                raise BadInput(f"status must be one of {', '.join(validate_status.choices)}")
        cid = self.resolve(community, "community") if community else None
        return q.list_rows(
            self.conn,
            kind,
            community=cid,
            status=status,
            tag=tag,
            deleted=deleted,
            since_change=since_change,
        )

    def change_marker(self) -> int:
        """A number that grows with every change written here (imports included): keep
        it, and ``list(kind, since_change=marker)`` later says what is new since."""
        return self._item_change()

    def history(self, ref: str) -> list[dict[str, Any]]:
        """Every revision, oldest first, with the names of the fields it changed."""
        row = self._row(ref, live=False)
        set_aside = revs.drafts_of(self.conn, row["id"])
        drafts = {r.rev_id for r, _ in set_aside}
        history = sorted(
            set_aside + revs.revisions_of(self.conn, row["id"]),
            key=lambda rg: (rg[0].at, rg[1], rg[0].rev_id),
        )
        people = q.titles(self.conn, [r.author or "" for r, _ in history])
        sites = {s: self._site_name(s) for s in {r.site for r, _ in history}}
        shown: dict[str, dict[str, Any] | None] = {}  # a tombstone shows its parent's content
        out = []
        for r, generation in history:
            before = shown.get(r.parents[0]) if r.parents else None
            shown[r.rev_id] = before if r.deleted else r.content
            out.append(
                {
                    "rev_id": r.rev_id,
                    "parents": list(r.parents),
                    "author": r.author,
                    "author_name": people.get(r.author or ""),
                    "site": r.site,
                    "site_name": sites[r.site],
                    "seq": r.seq,
                    "at": r.at,
                    "op": r.op,
                    "deleted": r.deleted,
                    "generation": generation,
                    "changed": [] if r.deleted else changed_fields(before, r.content),
                    "head": r.rev_id == row["head"],
                    "draft": r.rev_id in drafts,  # private version set aside when shared
                }
            )
        return out

    def revision(self, rev_id: str) -> dict[str, Any]:
        """One stored revision as it was written (for diffs and inspection)."""
        rev = revs.get(self.conn, rev_id)
        if rev is None:
            raise BadInput(f"no revision {rev_id}")
        return json.loads(rev.body)

    def stage_history(self, community_id: str) -> list[dict[str, Any]]:
        """When the community's stage changed, from its revisions."""
        out: list[dict[str, Any]] = []
        last = None
        for r, _ in revs.revisions_of(self.conn, community_id):
            stage = (r.content or {}).get("stage")
            if r.content is not None and stage != last:
                out.append({"stage": stage, "at": r.at, "by": r.author, "rev_id": r.rev_id})
                last = stage
        return out

    def summary(self) -> dict[str, Any]:
        """What the workspace holds (for `status` and `make run`)."""
        counts = q.count_by_kind(self.conn)
        person = self.current_person
        return {
            "workspace": str(self.path),
            "site_id": self.site_id,
            "site_name": self.site_name,
            "language": self.language,
            "current_person": person,
            "current_person_name": self._name(person),
            "counts": {k: counts.get(k, 0) for k in KINDS},
            "revisions": self.conn.execute("SELECT count(*) FROM revisions").fetchone()[0],
        }

    # -- bulk and maintenance ----------------------------------------------------

    def import_csv(
        self,
        kind: str,
        path: str | Path,
        *,
        mapping: Mapping[str, str] | None = None,
        skip_bad: bool = False,
        date_format: str | None = None,
    ) -> dict[str, Any]:
        """Import a spreadsheet export; all rows or none unless ``skip_bad``."""
        from copdesk.store.csv_import import import_rows, read_csv

        spec = kind_of(kind)
        if not spec.user:
            raise BadInput(f"cannot import {kind} items from CSV")
        table = read_csv(Path(path), spec, mapping or {}, date_format)
        return import_rows(self, spec, table, skip_bad=skip_bad)

    def check(self) -> list[str]:
        """Problems found in the database, revisions and blobs (empty: all good)."""
        from copdesk.store.check import check

        return check(self.conn, self.blobs)

    def load_demo(self) -> dict[str, int]:
        """Load the built-in bilingual demo content; loading twice adds nothing."""
        from copdesk.demo import load

        return load(self)


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list:
    """Names of fields whose value differs between two contents (None: nothing)."""
    a, b = before or {}, after or {}
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k) and k not in READ_ONLY)


__all__ = ["CopdeskError", "Workspace", "relation_id"]
