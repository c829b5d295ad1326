"""Relations between items: memberships, skill ratings, links, attachments, comments.

Each relation is an item with its own revisions, so it travels between sites and
keeps its history. Memberships, ratings and links have deterministic ids (from
what they connect): the same relation made on two sites is one item, and two
concurrent ratings of one person's skill become a visible conflict, not a
silent overwrite.
"""

from __future__ import annotations

import datetime as dt
import json
import mimetypes
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copdesk.errors import BadInput
from copdesk.model.kinds import AUTONOMOUS, LEVELS
from copdesk.model.validate import parse_date, validate, with_defaults
from copdesk.store import items as q
from copdesk.store import revisions as revs

if TYPE_CHECKING:
    from copdesk.workspace import Workspace

EXPIRING_DAYS = 60  # a rating whose validity ends within this many days is "expiring"
# Deterministic ids for relations, so the same membership/rating/link made on two
# sites is the same item (and concurrent changes to it are a visible conflict).
ID_NAMESPACE = uuid.UUID("6f1c3c52-7a0e-4d53-9a51-2f0c6a3d9e11")


def relation_id(*parts: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, ":".join(parts)))


class RelationsMixin:
    """Relation operations of :class:`copdesk.Workspace`."""

    def _upsert_relation(
        self: Workspace, item_id: str, kind: str, data: dict[str, Any]
    ) -> tuple[dict[str, Any], bool]:
        """Create or supersede a relation item; returns (row, changed)."""
        content = validate(kind, data)
        row = q.row_dict(self.conn, item_id)
        if row is not None and not row["deleted"] and row["data"] == content and kind != "rating":
            return row, False
        parents = [row["head"]] if row else []
        op = "create" if row is None else ("restore" if row["deleted"] else "edit")
        self._write(item_id, kind, content, parents, op)
        new = q.row_dict(self.conn, item_id)
        assert new is not None
        return new, True

    # -- memberships -------------------------------------------------------------

    def member(
        self: Workspace,
        community: str,
        person: str,
        role: str,
        *,
        since: str | None = None,
        remove: bool = False,
    ) -> dict[str, Any]:
        """Give a person a role in a community (or remove them from it)."""
        cid = self._live_ref(community, "community")
        pid = self._live_ref(person, "person")
        item_id = relation_id("membership", pid, cid)
        if remove:
            row = q.row_dict(self.conn, item_id)
            if row is None or row["deleted"]:
                raise BadInput(f"{self._name(pid)} is not a member of {self._name(cid)}")
            self.delete(item_id)
            return {"id": item_id, "person": pid, "community": cid, "removed": True}
        data = {"person": pid, "community": cid, "role": role, "since": since}
        if since is None:
            old = q.row_dict(self.conn, item_id)
            keep = old["data"].get("since") if old and not old["deleted"] else None
            data["since"] = keep or self.today().isoformat()
        row, _ = self._upsert_relation(item_id, "membership", data)
        return {"id": item_id, **with_defaults("membership", row["data"])}

    def members(self: Workspace, community_id: str) -> list[dict[str, Any]]:
        rows = q.referrers(self.conn, community_id, "membership", "community")
        names = q.titles(self.conn, [r["data"]["person"] for r in rows])
        order = {"animator": 0, "sponsor": 1, "expert": 2, "contributor": 3, "member": 4}
        out = [
            {
                "id": r["id"],
                "person": r["data"]["person"],
                "name": names.get(r["data"]["person"]),
                "role": r["data"]["role"],
                "since": r["data"].get("since"),
            }
            for r in rows
        ]
        return sorted(out, key=lambda m: (order.get(m["role"], 9), m["name"] or ""))

    # -- skill ratings -----------------------------------------------------------

    def rate(
        self: Workspace,
        person: str,
        skill: str,
        level: int | str,
        *,
        interest: str | None = None,
        evidence: str | None = None,
        valid_until: str | None = None,
        assessed_on: str | None = None,
    ) -> dict[str, Any]:
        """Record an assessment; the previous one stays in the rating's history.

        Interest is a wish of the person, so it carries over unless given
        (``"none"`` clears it); evidence and validity belong to each assessment.
        """
        pid = self._live_ref(person, "person")
        sid = self._live_ref(skill, "skill")
        item_id = relation_id("rating", pid, sid)
        old = q.row_dict(self.conn, item_id)
        if interest is None and old is not None and not old["deleted"]:
            interest = old["data"].get("interest")
        elif interest is not None and interest.strip().lower() in ("none", ""):
            interest = None
        data = {
            "person": pid,
            "skill": sid,
            "level": level,
            "interest": interest,
            "evidence": evidence,
            "assessor": self.actor,
            "assessed_on": assessed_on or self.today().isoformat(),
            "valid_until": valid_until,
        }
        if valid_until is not None:
            parse_date(valid_until, "valid_until")
        self._upsert_relation(item_id, "rating", data)
        return self._rating(item_id)

    def _rating(self: Workspace, item_id: str, with_history: bool = False) -> dict[str, Any]:
        row = q.row_dict(self.conn, item_id)
        assert row is not None
        data = with_defaults("rating", row["data"])
        names = q.titles(self.conn, [data["skill"], data["assessor"] or ""])
        skill = q.row_dict(self.conn, data["skill"])
        out = {
            "id": item_id,
            **data,
            "skill_name": names.get(data["skill"]),
            "domain": skill["data"].get("domain") if skill else None,
            "glyph": LEVELS[data["level"]][0],
            "assessor_name": names.get(data["assessor"] or ""),
            "conflict": bool(row["conflict"]),
            **self._validity(data["valid_until"]),
        }
        if with_history:
            history = [r for r, _ in revs.revisions_of(self.conn, item_id) if r.content]
            people = q.titles(self.conn, [r.content.get("assessor", "") for r in history])
            out["history"] = [
                {
                    "rev_id": r.rev_id,
                    "at": r.at,
                    "level": r.content["level"],
                    "interest": r.content.get("interest"),
                    "evidence": r.content.get("evidence", ""),
                    "assessor": r.content.get("assessor"),
                    "assessor_name": people.get(r.content.get("assessor", "")),
                    "assessed_on": r.content.get("assessed_on"),
                    "valid_until": r.content.get("valid_until"),
                }
                for r in reversed(history)
                if r.rev_id != row["head"]
            ]
        return out

    def _validity(self: Workspace, valid_until: str | None) -> dict[str, bool]:
        if not valid_until:
            return {"expired": False, "expiring": False}
        end = dt.date.fromisoformat(valid_until)
        today = self.today()
        return {
            "expired": end < today,
            "expiring": today <= end <= today + dt.timedelta(days=EXPIRING_DAYS),
        }

    def ratings(self: Workspace) -> list[dict[str, Any]]:
        """Every current rating, without history: one query for a whole skills matrix."""
        rows = self.conn.execute(
            "SELECT id, data, conflict FROM items WHERE kind = 'rating' AND deleted = 0"
        ).fetchall()
        out = []
        for item_id, body, conflict in rows:
            data = with_defaults("rating", json.loads(body))
            out.append(
                {
                    "id": item_id,
                    "person": data["person"],
                    "skill": data["skill"],
                    "level": data["level"],
                    "interest": data["interest"],
                    "assessed_on": data["assessed_on"],
                    "valid_until": data["valid_until"],
                    "conflict": bool(conflict),
                    **self._validity(data["valid_until"]),
                }
            )
        return out

    def profile(self: Workspace, person: str) -> dict[str, Any]:
        """A person's roles and skills: current ratings, each with its history."""
        pid = self._live_ref(person, "person")
        rating_ids = [r["id"] for r in q.referrers(self.conn, pid, "rating", "person")]
        ratings = [self._rating(i, with_history=True) for i in rating_ids]
        ratings.sort(
            key=lambda r: ((r["domain"] or "").casefold(), (r["skill_name"] or "").casefold())
        )
        memberships = q.referrers(self.conn, pid, "membership", "person")
        names = q.titles(self.conn, [m["data"]["community"] for m in memberships])
        return {
            "person": self.get(pid),
            "memberships": [
                {
                    "community": m["data"]["community"],
                    "community_name": names.get(m["data"]["community"]),
                    "role": m["data"]["role"],
                    "since": m["data"].get("since"),
                }
                for m in memberships
            ],
            "ratings": ratings,
            "autonomous_skills": sum(1 for r in ratings if r["level"] >= AUTONOMOUS),
        }

    # -- links, attachments, comments --------------------------------------------

    def _linkable(self: Workspace, ref: str) -> dict[str, Any]:
        row = self._row(ref)
        if row["kind"] not in ("community", "rex", "howto", "question", "person", "skill"):
            raise BadInput(f"{row['kind']} items cannot be linked, attached to or commented")
        return row

    def link(self: Workspace, source: str, target: str, type: str = "related") -> dict[str, Any]:
        """Link two items (related, supersedes, applies); linking twice changes nothing."""
        a, b = self._linkable(source), self._linkable(target)
        if a["id"] == b["id"]:
            raise BadInput("an item cannot be linked to itself")
        data = validate("link", {"source": a["id"], "target": b["id"], "type": type})
        item_id = relation_id("link", data["type"], a["id"], b["id"])
        row, changed = self._upsert_relation(item_id, "link", data)
        return {"id": item_id, **row["data"], "created": changed}

    def attach(self: Workspace, ref: str, file: str | Path, name: str | None = None) -> dict:
        """Attach a file (stored once by content); the same file twice is one attachment."""
        target = self._linkable(ref)
        path = Path(file)
        if not path.is_file():
            raise BadInput(f"no file {path}")
        sha, size = self.blobs.put_file(path)
        name = name or path.name
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
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO blobs (sha256, size, added_at) VALUES (?, ?, ?)",
                (sha, size, self._now()),
            )
            self._write(item_id, "attachment", data, [], "create")
        return {"id": item_id, **data, "created": True}

    def comment(self: Workspace, ref: str, text: str) -> dict[str, Any]:
        """Comment on an item as the current person."""
        target = self._linkable(ref)
        data = validate("comment", {"target": target["id"], "body": text})
        item_id = str(uuid.uuid4())
        rev = self._write(item_id, "comment", data, [], "create")
        return {"id": item_id, **data, "author": rev.author, "at": rev.at}

    def _relations_of(self: Workspace, item_id: str) -> dict[str, list[dict[str, Any]]]:
        """Links both ways, attachments and comments, for showing an item."""
        outgoing = q.referrers(self.conn, item_id, "link", "source")
        incoming = q.referrers(self.conn, item_id, "link", "target")
        attachments = q.referrers(self.conn, item_id, "attachment")
        comments = q.referrers(self.conn, item_id, "comment")
        others = [r["data"]["target"] for r in outgoing] + [r["data"]["source"] for r in incoming]
        names = q.titles(self.conn, others + [c["created_by"] or "" for c in comments])
        kinds = (
            dict(
                self.conn.execute(
                    f"SELECT id, kind FROM items WHERE id IN ({','.join('?' * len(others))})",
                    others,
                )
            )
            if others
            else {}
        )

        def link(row: dict[str, Any], other: str) -> dict[str, Any]:
            return {
                "id": row["id"],
                "type": row["data"]["type"],
                "item": other,
                "kind": kinds.get(other),
                "title": names.get(other),
            }

        return {
            "links": [link(r, r["data"]["target"]) for r in outgoing],
            "backlinks": [link(r, r["data"]["source"]) for r in incoming],
            "attachments": [{"id": a["id"], **a["data"]} for a in attachments],
            "comments": [
                {
                    "id": c["id"],
                    "author": c["created_by"],
                    "author_name": names.get(c["created_by"] or ""),
                    "at": c["created_at"],
                    "body": c["data"]["body"],
                }
                for c in comments
            ],
            "marks": self.marks_of(item_id),  # "this helped me" / "applied here"
        }
