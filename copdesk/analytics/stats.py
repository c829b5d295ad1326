"""Community health: activity, members, answers, validation, review, sites; and a
diagnosis of the declared stage against measured activity.

A *contribution* is any revision a person writes on the community's content: a
report, sheet or question of the community, an answer to one of its questions, a
comment on or a mark ("this helped me", "applied here") of one of its items. Reading
leaves no trace in copdesk, so members are split by what they did in the last 90
days: **readers** (no contribution), **occasional** (1 or 2), **core** (3 or more).

Diagnosis rules (checked in this order, the first that applies is reported):

1. dissolution declared, contributions in the last 90 days: "still active".
2. action or coalition declared, no contribution for 90 days: "looks like dispersion".
3. action declared, 2 active members or fewer in 90 days: "looks like dispersion".
4. dispersion declared, 3 or more active members and 5 or more contributions in the
   last 30 days: "looks active again (action)".
5. initiation declared for more than 180 days without any contribution: "never took
   off: relaunch it or dissolve it".
Otherwise the declared stage matches the activity.

The diagnosis reason and the guidance (the animation actions typical of the stage) are
messages; ``ws.analytics.stats`` words them in English and French from
:mod:`copdesk.messages.health`.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Any

from copdesk.model.message import Message, msg
from copdesk.store import items as q

if TYPE_CHECKING:
    import sqlite3

    from copdesk.core import Core
    from copdesk.items import Items
    from copdesk.people import People
    from copdesk.questions import QA

WINDOWS = (30, 90)
CORE = 3  # contributions in 90 days that make a core contributor
MONTHS = 12


def _day(at: str) -> dt.date:
    return dt.date.fromisoformat(at[:10])


def community_of_items(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Each live item's community: its own, or that of what it answers, comments or marks
    (an answer's comment or mark goes up to the question's community)."""
    rows = conn.execute(
        "SELECT id, kind, community, json_extract(data, '$.target') FROM items WHERE deleted = 0"
    ).fetchall()
    own = {i: (i if kind == "community" else c) for i, kind, c, _ in rows}
    target = {i: t for i, _, _, t in rows if t}

    def find(item: str) -> str | None:
        for _ in range(4):  # mark -> answer -> question -> community, at most
            if own.get(item):
                return own[item]
            if item not in target:
                return None
            item = target[item]
        return None

    return {i: find(i) for i in own}


def _unrecognised(core: Core, items: Items, in_scope: set[str]) -> int:
    """Validated items whose validation came from another site, by someone who is not a
    validator of the community here: counted apart, never silently trusted."""
    foreign = {
        target
        for (target,) in core.conn.execute(
            "SELECT json_extract(data, '$.target') FROM items"
            " WHERE kind = 'signoff' AND deleted = 0 AND origin_site != ?",
            (core.site_id,),
        )
        if target in in_scope
    }
    count = 0
    for target in foreign:
        row = q.row_dict(core.conn, target)
        signed = items.signoff(row) if row and not row["deleted"] else None
        count += bool(signed and not signed["recognised"])
    return count


def stats(
    core: Core, items: Items, people: People, qa: QA, community: str | None = None
) -> dict[str, Any]:
    """The health figures of one community (id or name) or, with None, of the site."""
    conn = core.conn
    today = core.today()
    cid = core.resolve(community, "community") if community else None
    owner = community_of_items(conn)
    in_scope = {i for i, c in owner.items() if cid is None or c == cid}
    revs = [
        (item, author, at, site)
        for item, author, at, site in conn.execute(
            "SELECT item_id, author, at, site FROM revisions"
        )
        if item in in_scope and author
    ]
    kinds = dict(conn.execute("SELECT id, kind FROM items WHERE deleted = 0"))
    # a validation record goes with the edit that validated: not a second contribution
    contribs = [
        r for r in revs if kinds.get(r[0]) not in ("community", "person", "skill", "signoff")
    ]

    if cid:
        members = people.members(cid)
        member_ids = {m["person"] for m in members}
        roles = Counter(m["role"] for m in members)
    else:
        member_ids = {p["id"] for p in items.list("person")}
        roles = Counter()
    active = {}
    for days in WINDOWS:
        since = today - dt.timedelta(days=days)
        active[days] = {a for _, a, at, _ in contribs if _day(at) > since}
    per_person = Counter(a for _, a, at, _ in contribs if _day(at) > today - dt.timedelta(days=90))
    everyone = member_ids | set(per_person)
    split = {
        "readers": sum(1 for p in everyone if per_person[p] == 0),
        "occasional": sum(1 for p in everyone if 0 < per_person[p] < CORE),
        "core": sum(1 for p in everyone if per_person[p] >= CORE),
    }

    months: dict[str, int] = defaultdict(int)
    first = today.replace(day=1)
    keys = []
    for _ in range(MONTHS):
        keys.append(first.isoformat()[:7])
        first = (first - dt.timedelta(days=1)).replace(day=1)
    for _, _, at, _ in contribs:
        if at[:7] in keys:
            months[at[:7]] += 1

    questions = [q for q in qa.questions() if q["id"] in in_scope]
    delays = [
        (
            dt.datetime.fromisoformat(q["first_answer_at"][:19])
            - dt.datetime.fromisoformat(q["created_at"][:19])
        ).total_seconds()
        / 3600
        for q in questions
        if q["first_answer_at"]
    ]
    knowledge = [
        (i, json.loads(d))
        for i, d in conn.execute(
            "SELECT id, data FROM items WHERE deleted = 0 AND kind IN ('rex', 'howto')"
        )
        if i in in_scope
    ]
    backlog = sum(1 for _, d in knowledge if d.get("status") == "proposed")
    overdue = sum(
        1
        for _, d in knowledge
        if d.get("status") == "validated"
        and d.get("review_due")
        and d["review_due"] < today.isoformat()
    )
    names = dict(conn.execute("SELECT id, name FROM sites"))
    person_site = {p["id"]: p.get("site") for p in items.list("person")}
    sites = Counter(
        person_site.get(author) or names.get(site, site)  # the person's plant, else origin
        for _, author, at, site in contribs
        if _day(at) > today - dt.timedelta(days=90)
    )
    last = max((at for _, _, at, _ in contribs), default=None)

    out: dict[str, Any] = {
        "community": cid,
        "community_name": core.name(cid) if cid else None,
        "today": today.isoformat(),
        "members": len(member_ids),
        "roles": dict(roles),
        "active_30": len(active[30]),
        "active_90": len(active[90]),
        "members_split": split,
        "contributions_per_month": {k: months.get(k, 0) for k in reversed(keys)},
        "contributions_30": sum(
            1 for _, _, at, _ in contribs if _day(at) > today - dt.timedelta(days=30)
        ),
        "last_contribution": last,
        "questions": len(questions),
        "open_questions": sum(1 for q in questions if not q["accepted"]),
        "median_hours_to_first_answer": round(statistics.median(delays), 1) if delays else None,
        "validation_backlog": backlog,
        "validated_unrecognised": _unrecognised(core, items, in_scope),
        "past_review": overdue,
        "sites_taking_part": dict(sites.most_common()),
    }
    if cid:
        community_row = items.get(cid)
        out["stage"] = community_row.get("stage") or "initiation"
        out["archived"] = out["stage"] == "dissolution"
        out["guidance"] = msg(f"guidance.{out['stage']}")
        out["diagnosis"] = diagnose(out, community_row.get("created_at", "")[:10])
    return out


def diagnose(s: dict[str, Any], created_on: str) -> dict[str, Any]:
    """Compare the declared stage with the measured activity (rules in the module doc):
    the stage it looks like and the reason, as a message."""
    stage, active, recent = s["stage"], s["active_90"], s["contributions_30"]
    declared = msg(f"choice.{stage}")
    today = dt.date.fromisoformat(s["today"])
    age = (today - dt.date.fromisoformat(created_on)).days if created_on else 0
    if stage == "dissolution" and active:
        return _said("action", msg("stage.still_active"))
    if stage in ("action", "coalition") and not active:
        return _said("dispersion", msg("stage.no_contribution", stage=declared))
    if stage == "action" and active <= 2:
        return _said("dispersion", msg("stage.few_active", active=active))
    if stage == "dispersion" and active >= 3 and recent >= 5:
        return _said("action", msg("stage.active_again", active=active, recent=recent))
    if stage == "initiation" and age > 180 and not s["last_contribution"]:
        return _said("dissolution", msg("stage.never_took_off"))
    return _said(stage, msg("stage.matches", stage=declared))


def _said(looks_like: str, reason: Message) -> dict[str, Any]:
    return {"looks_like": looks_like, "reason": reason}
