"""``ws.people``: memberships and roles, skill ratings and profiles.

Memberships and ratings are items with their own revisions, so they travel between
sites and keep their history. Their ids come from what they connect (one membership
per person and community, one rating per person and skill): the same relation made
on two sites is one item, and two concurrent ratings of one person's skill become a
visible conflict, not a silent overwrite.
"""

from __future__ import annotations

import json
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput
from copdesk.items import Items
from copdesk.model.kinds import AUTONOMOUS, LEVELS
from copdesk.model.rating import validity
from copdesk.model.validate import parse_date, with_defaults
from copdesk.store import items as q
from copdesk.store import relations as rel
from copdesk.store import revisions as revs


class People:
    """Membership and skill operations of a workspace (``ws.people``)."""

    def __init__(self, core: Core, items: Items) -> None:
        self.core = core
        self.items = items
        self.conn = core.conn

    # -- memberships -------------------------------------------------------------

    def member(
        self,
        community: str,
        person: str,
        role: str,
        *,
        since: str | None = None,
        remove: bool = False,
    ) -> dict[str, Any]:
        """Give a person a role in a community (or remove them from it)."""
        cid = self.core.live_ref(community, "community")
        pid = self.core.live_ref(person, "person")
        item_id = rel.relation_id("membership", pid, cid)
        if remove:
            row = q.row_dict(self.conn, item_id)
            if row is None or row["deleted"]:
                raise BadInput(f"{self.core.name(pid)} is not a member of {self.core.name(cid)}")
            self.items.delete(item_id)
            return {"id": item_id, "person": pid, "community": cid, "removed": True}
        data = {"person": pid, "community": cid, "role": role, "since": since}
        if since is None:
            old = q.row_dict(self.conn, item_id)
            keep = old["data"].get("since") if old and not old["deleted"] else None
            data["since"] = keep or self.core.today().isoformat()
        row, _ = self.core.upsert_relation(item_id, "membership", data)
        return {"id": item_id, **with_defaults("membership", row["data"])}

    def members(self, community_id: str) -> list[dict[str, Any]]:
        """A community's members with their roles, animators first."""
        return rel.members(self.conn, community_id)

    # -- skill ratings -----------------------------------------------------------

    def rate(
        self,
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
        pid = self.core.live_ref(person, "person")
        sid = self.core.live_ref(skill, "skill")
        item_id = rel.relation_id("rating", pid, sid)
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
            "assessor": self.core.actor,
            "assessed_on": assessed_on or self.core.today().isoformat(),
            "valid_until": valid_until,
        }
        if valid_until is not None:
            parse_date(valid_until, "valid_until")
        self.core.upsert_relation(item_id, "rating", data)
        return self._rating(item_id)

    def _rating(self, item_id: str, with_history: bool = False) -> dict[str, Any]:
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
            **validity(data["valid_until"], self.core.today()),
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

    def ratings(self) -> list[dict[str, Any]]:
        """Every current rating, without history: one query for a whole skills matrix."""
        rows = self.conn.execute(
            "SELECT id, data, conflict FROM items WHERE kind = 'rating' AND deleted = 0"
        ).fetchall()
        today = self.core.today()
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
                    **validity(data["valid_until"], today),
                }
            )
        return out

    def profile(self, person: str) -> dict[str, Any]:
        """A person's roles and skills: current ratings, each with its history."""
        pid = self.core.live_ref(person, "person")
        rating_ids = [r["id"] for r in q.referrers(self.conn, pid, "rating", "person")]
        ratings = [self._rating(i, with_history=True) for i in rating_ids]
        ratings.sort(
            key=lambda r: ((r["domain"] or "").casefold(), (r["skill_name"] or "").casefold())
        )
        memberships = q.referrers(self.conn, pid, "membership", "person")
        names = q.titles(self.conn, [m["data"]["community"] for m in memberships])
        return {
            "person": self.items.get(pid),
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
