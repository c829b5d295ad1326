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
from copdesk.errors import BadInput, NotAllowed
from copdesk.items import Items
from copdesk.model.kinds import AUTONOMOUS, LEVELS
from copdesk.model.rating import validity
from copdesk.model.validate import parse_date, validate, with_defaults
from copdesk.permissions import Permissions
from copdesk.store import items as q
from copdesk.store import relations as rel
from copdesk.store import revisions as revs


class People:
    """Membership and skill operations of a workspace (``ws.people``)."""

    def __init__(self, core: Core, items: Items, permissions: Permissions) -> None:
        self.core = core
        self.items = items
        self.permissions = permissions
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
        """Give a person a role in a community (or remove them from it).

        Animators (and site administrators) manage members; anyone may join as a
        member or leave. A community always keeps one animator."""
        with self.core.db.write():
            cid = self.core.live_ref(community, "community")
            pid = self.core.live_ref(person, "person")
            item_id = rel.relation_id("membership", pid, cid)
            old = q.row_dict(self.conn, item_id)
            current = old["data"]["role"] if old and not old["deleted"] else None
            if remove and current is None:
                raise BadInput(f"{self.core.name(pid)} is not a member of {self.core.name(cid)}")
            asked = {"person": pid, "community": cid, "role": role, "since": since}
            role = validate("membership", asked)["role"]
            own = pid == self.core.actor and (remove or (role == "member" and current is None))
            if not own:
                self.permissions.require("manage_members", community=cid)
            if (
                current == "animator"
                and (remove or role != "animator")
                and self.permissions.checked
            ):
                animators = [m for m in rel.members(self.conn, cid) if m["role"] == "animator"]
                if len(animators) == 1:
                    raise NotAllowed(
                        f"{self.core.name(cid)} always keeps one animator: "
                        "name another animator first"
                    )
            if remove:
                assert old is not None
                self.core.write(item_id, "membership", None, [old["head"]], "delete")
                return {"id": item_id, "person": pid, "community": cid, "removed": True}
            keep = old["data"].get("since") if current else None
            data = {"person": pid, "community": cid, "role": role}
            data["since"] = since or keep or self.core.today().isoformat()
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
        level = validate("rating", {"person": pid, "skill": sid, "level": level})["level"]
        skill_row = q.row_dict(self.conn, sid)
        assert skill_row is not None
        self.permissions.check_rating(pid, skill_row, level)
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
            **self._assessed(row, data, skill),
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

    def _assessed(
        self, row: dict[str, Any], data: dict[str, Any], skill: dict[str, Any] | None
    ) -> dict[str, bool]:
        """``self_assessed``: the person rated themselves; ``recognised``: False for a
        U or O rating made at another site by someone who may not rate so here."""
        level, assessor = data["level"], data.get("assessor")
        recognised = (
            level < AUTONOMOUS
            or row["origin_site"] == self.core.site_id
            or assessor == data["person"]
            or self.permissions.recognised(
                assessor, "rate_high", (skill or {}).get("data", {}).get("community")
            )
        )
        return {
            "self_assessed": bool(assessor) and assessor == data["person"],
            "recognised": recognised,
        }

    def ratings(self) -> list[dict[str, Any]]:
        """Every current rating, without history: one query for a whole skills matrix."""
        rows = self.conn.execute(
            "SELECT id, data, conflict, origin_site FROM items"
            " WHERE kind = 'rating' AND deleted = 0"
        ).fetchall()
        today = self.core.today()
        skills: dict[str, str | None] | None = None  # skill -> community, read if needed
        out = []
        for item_id, body, conflict, origin in rows:
            data = with_defaults("rating", json.loads(body))
            recognised = True
            assessor = data["assessor"]
            elsewhere = origin != self.core.site_id and assessor != data["person"]
            if data["level"] >= AUTONOMOUS and elsewhere:  # U or O given elsewhere: _assessed
                if skills is None:
                    skills = dict(
                        self.conn.execute(
                            "SELECT id, json_extract(data, '$.community') FROM items"
                            " WHERE kind = 'skill'"
                        )
                    )
                community = skills.get(data["skill"])
                recognised = self.permissions.recognised(assessor, "rate_high", community)
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
                    "self_assessed": bool(assessor) and assessor == data["person"],
                    "recognised": recognised,
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
