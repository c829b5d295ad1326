"""``ws.items``: create, change, delete, restore, show and list items, their history,
and the links, attachments and comments between them.

Every change is validated first and then written through :meth:`Core.write`, one
revision in one transaction. Only user items, comments and answers are edited
directly; ratings, memberships and links change through their own operations so
their deterministic ids (one rating per person and skill) hold.
"""

from __future__ import annotations

import json
import mimetypes
import uuid
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput
from copdesk.model.kinds import KINDS, REF, REFS, USER_KINDS
from copdesk.model.validate import READ_ONLY, kind_of, validate, with_defaults
from copdesk.permissions import Permissions
from copdesk.store import items as q
from copdesk.store import relations as rel
from copdesk.store import revisions as revs
from copdesk.store.files import stored_name
from copdesk.store.revisions import Revision

EDITABLE = (*USER_KINDS, "comment", "answer")  # ratings, memberships, links: own commands
SIGNED = ("rex", "howto", "document")  # validation records who validated which version
LINKABLE = ("community", "rex", "howto", "document", "question", "person", "skill")


class Items:
    """Item operations of a workspace (``ws.items``)."""

    def __init__(self, core: Core, permissions: Permissions) -> None:
        self.core = core
        self.permissions = permissions
        self.conn = core.conn

    # -- writing ---------------------------------------------------------------------

    def defaults(self, kind: str) -> dict[str, Any]:
        """Field values a new item of ``kind`` takes from this site when not given."""
        spec = KINDS[kind]
        defaults: dict[str, Any] = {}
        if "language" in spec.by_name:
            defaults["language"] = self.core.language
        if kind in ("rex", "person"):
            defaults["site"] = self.core.site_name
        return defaults

    def resolve_refs(
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
                out[f.name] = self.core.live_ref(value, f.ref_kind)
            elif f.type == REFS and value:
                names = value.split(",") if isinstance(value, str) else value
                if not isinstance(names, list):
                    raise BadInput(f"{kind}: {f.name} must be a list of names or ids")
                out[f.name] = [
                    self.core.live_ref(str(n), f.ref_kind) for n in names if str(n).strip()
                ]
        return out

    def add(self, kind: str, data: Mapping[str, Any], *, item_id: str | None = None) -> dict:
        """Create an item of a user kind; returns it as :meth:`get` shows it."""
        spec = kind_of(kind)
        if not spec.user:
            raise BadInput(f"{kind} items are made with their own command, not add")
        if item_id is not None and q.row_dict(self.conn, item_id) is not None:
            raise BadInput(f"an item with id {item_id} already exists")
        content = validate(kind, self.resolve_refs(kind, data), defaults=self.defaults(kind))
        actor = self.core.actor
        with self.core.db.write():
            self.permissions.check_create(kind, content)
            rev = self.core.write(item_id or str(uuid.uuid4()), kind, content, [], "create")
            if kind == "community" and actor and self.permissions.checked:
                # who creates a community animates it (a replayed history says itself)
                self._join(actor, rev.item, "animator")
            elif kind == "person" and self.permissions.checked:
                self.permissions.adopt_first_admin(rev.item)  # the first: nobody locked out
            self._sign(rev.item, kind, content, rev.rev_id)
        return self.get(rev.item)

    def _join(self, person: str, community: str, role: str) -> None:
        data = {
            "person": person,
            "community": community,
            "role": role,
            "since": self.core.today().isoformat(),
        }
        self.core.upsert_relation(
            rel.relation_id("membership", person, community), "membership", data
        )

    def _sign(self, item_id: str, kind: str, content: dict[str, Any] | None, rev_id: str) -> None:
        """Record who validated which version, when a report or sheet becomes validated."""
        if kind not in SIGNED or not content or content.get("status") != "validated":
            return
        data = {
            "target": item_id,
            "rev": rev_id,
            "person": self.core.actor,
            "on": self.core.today().isoformat(),
        }
        self.core.upsert_relation(rel.relation_id("signoff", item_id, rev_id), "signoff", data)

    def set_status(self, ref: str, status: str, *, comment: str | None = None) -> dict:
        """Propose, validate, send back or mark obsolete (with the reason as a comment,
        in the same transaction); who may is in copdesk.model.permissions."""
        if status == "validated":
            with self.core.db.write():
                item = self.validate(ref)
                if comment and comment.strip():
                    self.comment(item["id"], comment)
            return self.get(item["id"])
        with self.core.db.write():
            row = self.core.row(ref)
            if row["kind"] not in SIGNED:
                raise BadInput(f"{row['kind']} items have no status to change")
            item = self.edit(row["id"], {"status": status})
            if comment and comment.strip():
                self.comment(row["id"], comment)
        return self.get(item["id"])

    def validate(self, ref: str) -> dict:
        """Validate the current version (again, after a change since the last validation)."""
        with self.core.db.write():
            row = self.core.row(ref)
            if row["kind"] not in SIGNED:
                raise BadInput(f"{row['kind']} items are not validated")
            if row["data"].get("status") != "validated":
                return self.edit(row["id"], {"status": "validated"})
            self.permissions.require("validate", community=row["community"])
            self._sign(row["id"], row["kind"], row["data"], row["head"])
        return self.get(row["id"])

    def edit(self, ref: str, changes: Mapping[str, Any]) -> dict:
        """Change only the given fields; a new revision unless nothing changed.

        The current version is read inside the write transaction, so two processes
        editing one item one after the other never fork it into a false conflict."""
        if not isinstance(changes, Mapping):
            raise BadInput("expected a JSON object with the fields to change")
        with self.core.db.write():
            row = self.core.row(ref)
            if changes.get("id", row["id"]) != row["id"]:
                raise BadInput(f"the JSON is for item {changes['id']}, not {row['id']}")
            kind = row["kind"]
            if kind not in EDITABLE:
                raise BadInput(f"{kind} items change with their own command (rate, member, link…)")
            resolved = self.resolve_refs(kind, changes, base=row["data"])
            content = validate(kind, resolved, base=row["data"])
            if content != row["data"]:
                self.permissions.check_change(row, content)
                rev = self.core.write(row["id"], kind, content, [row["head"]], "edit")
                if row["data"].get("status") != "validated":
                    self._sign(row["id"], kind, content, rev.rev_id)
        return self.get(row["id"])

    def delete(self, ref: str) -> dict:
        """Write a tombstone: the item leaves lists, its history stays."""
        with self.core.db.write():
            row = self.core.row(ref)
            self.permissions.check_change(row, None)
            rev = self.core.write(row["id"], row["kind"], None, [row["head"]], "delete")
        return {"id": row["id"], "kind": row["kind"], "title": row["title"], "rev": rev.rev_id}

    def restore(self, ref: str, rev_id: str) -> dict:
        """Make an old revision's content current again (also undeletes); the item keeps
        its current visibility, so restoring a draft never un-shares a shared item."""
        with self.core.db.write():
            row = self.core.row(ref, live=False)
            old = self.revision_of(row["id"], rev_id)
            if old.content is None:
                raise BadInput(f"revision {old.rev_id[:12]} is a deletion; choose an earlier one")
            content = dict(old.content)
            if "visibility" in row["data"]:  # restore the text, not an old sharing decision
                content["visibility"] = row["data"]["visibility"]
            if row["deleted"] or content != row["data"]:
                current = {**row, "data": {} if row["deleted"] else row["data"]}
                self.permissions.check_change(current, content)
                self.core.write(row["id"], row["kind"], content, [row["head"]], "restore")
        return self.get(row["id"])

    def revision_of(self, item_id: str, rev_ref: str) -> Revision:
        """One revision of an item named by a unique prefix of 6+ characters."""
        rev_ref = rev_ref.strip().lower()
        every = revs.revisions_of(self.conn, item_id) + revs.drafts_of(self.conn, item_id)
        matches = [r for r, _ in every if r.rev_id.startswith(rev_ref)]
        if len(rev_ref) < 6 or len(matches) != 1:
            what = "several revisions" if len(matches) > 1 else "no revision"
            raise BadInput(f"{what} of item {item_id} match {rev_ref!r}")
        return matches[0]

    # -- links, attachments, comments ------------------------------------------------

    def _linkable(self, ref: str) -> dict[str, Any]:
        row = self.core.row(ref)
        if row["kind"] not in LINKABLE:
            raise BadInput(f"{row['kind']} items cannot be linked, attached to or commented")
        return row

    def link(self, source: str, target: str, type: str = "related") -> dict[str, Any]:
        """Link two items (related, supersedes, applies); linking twice changes nothing."""
        a, b = self._linkable(source), self._linkable(target)
        if a["id"] == b["id"]:
            raise BadInput("an item cannot be linked to itself")
        data = validate("link", {"source": a["id"], "target": b["id"], "type": type})
        item_id = rel.relation_id("link", data["type"], a["id"], b["id"])
        row, changed = self.core.upsert_relation(item_id, "link", data)
        return {"id": item_id, **row["data"], "created": changed}

    def attach(self, ref: str, file: str | Path, name: str | None = None) -> dict:
        """Attach a file (stored once by content); the same file twice is one attachment."""
        target = self._linkable(ref)
        path = Path(file)
        name = stored_name(name or path.name)
        sha, size = self.core.blobs.put_file(path)
        for existing in q.referrers(self.conn, target["id"], "attachment"):
            if existing["data"]["sha256"] == sha and existing["data"]["name"] == name:
                return {"id": existing["id"], **existing["data"], "created": False}
        media = mimetypes.guess_type(name)[0] or "application/octet-stream"
        data = validate(
            "attachment",
            {
                "target": target["id"],
                "name": name,
                "sha256": sha,
                "size": size,
                "media_type": media,
            },
        )
        item_id = str(uuid.uuid4())
        with self.core.db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, added_at) VALUES (?, ?, ?)",
                (sha, size, self.core.now()),
            )
            self.core.write(item_id, "attachment", data, [], "create")
        return {"id": item_id, **data, "created": True}

    def comment(self, ref: str, text: str) -> dict[str, Any]:
        """Comment on an item as the current person."""
        target = self._linkable(ref)
        data = validate("comment", {"target": target["id"], "body": text})
        item_id = str(uuid.uuid4())
        rev = self.core.write(item_id, "comment", data, [], "create")
        return {"id": item_id, **data, "author": rev.author, "at": rev.at}

    # -- reading ---------------------------------------------------------------------

    def get(self, ref: str) -> dict[str, Any]:
        """The item: every field (under the names add accepts), plus id, author, times."""
        return self.present(self.core.row(ref))

    def present(self, row: dict[str, Any]) -> dict[str, Any]:
        """An item as :meth:`get` shows it, from its stored row (deleted ones too)."""
        kind = row["kind"]
        names = q.titles(self.conn, [row["created_by"], row["updated_by"], row["community"] or ""])
        item: dict[str, Any] = {"id": row["id"], "kind": kind}
        item.update(with_defaults(kind, row["data"]))
        item.update(
            author=row["created_by"],
            author_name=names.get(row["created_by"]),
            origin_site=row["origin_site"],
            origin_site_name=self.core.site_name_of(row["origin_site"]),
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
            item.update(rel.relations_of(self.conn, row["id"]))
        if kind in SIGNED:
            item["signoff"] = self.signoff(row)
        if kind == "question":
            item["answers"] = rel.answers_of(self.conn, row)
        if kind == "community":
            item["stage_history"] = self.stage_history(row["id"])
            item["members"] = rel.members(self.conn, row["id"])
        return item

    def signoff(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """Who validated which version of a validated item, and whether it changed since
        (None: not validated, or validated before validations were recorded).

        ``recognised`` is False for a validation made at another site by someone who is
        not an animator or expert of the community in the data this site holds."""
        if row["kind"] not in SIGNED or row["data"].get("status") != "validated":
            return None
        offs = q.referrers(self.conn, row["id"], "signoff")
        if not offs:
            return None
        last = max(offs, key=lambda r: (r["data"].get("on") or "", r["created_at"]))
        signed_id, by = last["data"]["rev"], last["data"].get("person")
        signed = revs.get(self.conn, signed_id)
        generation = self.conn.execute(
            "SELECT generation FROM revisions WHERE rev_id = ?", (signed_id,)
        ).fetchone()
        here = last["origin_site"] == self.core.site_id
        return {
            "rev": signed_id,
            "version": generation[0] if generation else None,
            "by": by,
            "by_name": self.core.name(by),
            "on": last["data"].get("on"),
            "site": last["origin_site"],
            "site_name": self.core.site_name_of(last["origin_site"]),
            "changed_since": signed is None or _unsigned(signed.content) != _unsigned(row["data"]),
            "recognised": here or self.permissions.recognised(by, "validate", row["community"]),
        }

    def list(self, kind: str, **filters: Any) -> list[dict[str, Any]]:
        """Current items of a user kind, most recently updated first (filtered as
        :meth:`rows` says)."""
        return list(self.rows(kind, **filters))

    def rows(
        self,
        kind: str,
        *,
        community: str | None = None,
        status: str | None = None,
        tag: str | None = None,
        deleted: bool = False,
        since_change: int | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Current items of a user kind, most recently updated first, read as they are
        consumed (`copdesk list` prints 100,000 items without holding them); the
        arguments are checked at once. ``since_change``: only items changed here after
        that :meth:`change_marker`, edited on this site or arriving in a bundle."""
        spec = kind_of(kind)
        if not spec.user:
            raise BadInput(f"cannot list {kind} items; use show or profile")
        if status is not None:
            validate_status = KINDS["rex"].by_name["status"]
            if status not in validate_status.choices:
                raise BadInput(f"status must be one of {', '.join(validate_status.choices)}")
        cid = self.core.resolve(community, "community") if community else None
        return q.iter_rows(
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
        return self.core.change_marker()

    def history(self, ref: str) -> list[dict[str, Any]]:
        """Every revision, oldest first, with the names of the fields it changed."""
        row = self.core.row(ref, live=False)
        set_aside = revs.drafts_of(self.conn, row["id"])
        drafts = {r.rev_id for r, _ in set_aside}
        history = sorted(
            set_aside + revs.revisions_of(self.conn, row["id"]),
            key=lambda rg: (rg[0].at, rg[1], rg[0].rev_id),
        )
        people = q.titles(self.conn, [r.author or "" for r, _ in history])
        sites = {s: self.core.site_name_of(s) for s in {r.site for r, _ in history}}
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


def _unsigned(content: Mapping[str, Any] | None) -> dict[str, Any]:
    """What a validator vouches for: the content without its status."""
    return {k: v for k, v in (content or {}).items() if k != "status"}


def changed_fields(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None) -> list:
    """Names of fields whose value differs between two contents (None: nothing)."""
    a, b = before or {}, after or {}
    return sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k) and k not in READ_ONLY)
