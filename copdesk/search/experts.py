"""``who-knows``: people ranked for a topic, with the reasons.

Evidence, each weighted by how well the skill or item matches the topic
(its search score relative to the best match):

- a current rating of a matching skill: level 4 counts 10, 3 counts 7, 2 counts 3,
  1 counts 1; an expired rating counts a third;
- being a holder of a matching know-how sheet: 5;
- having written a matching report or sheet: 4;
- having validated one (the revision that set its status to validated): 2.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from copdesk.model.kinds import LEVELS
from copdesk.model.rating import validity
from copdesk.search.query import nothing_to_search
from copdesk.store import items as q
from copdesk.store import revisions as revs

if TYPE_CHECKING:
    import datetime as dt
    import sqlite3
    from collections.abc import Callable

LEVEL_POINTS = {0: 0.0, 1: 1.0, 2: 3.0, 3: 7.0, 4: 10.0}
EXPIRED_FACTOR = 1 / 3
HOLDER, AUTHOR, VALIDATOR = 5.0, 4.0, 2.0
CANDIDATES = 50  # matching skills and items considered


def _relevance(hits: list[dict[str, Any]]) -> list[tuple[dict[str, Any], float]]:
    """Each hit with its score over the best; filters alone rank nothing (every hit 1)."""
    scores = [h["score"] or 0.0 for h in hits]
    top = max(scores, default=0.0)
    return [(h, s / top if top else 1.0) for h, s in zip(hits, scores, strict=True)]


def _validator(conn: sqlite3.Connection, item_id: str) -> str | None:
    before = None
    for rev, _ in revs.revisions_of(conn, item_id):
        status = (rev.content or {}).get("status")
        if status == "validated" and before != "validated" and rev.author:
            return rev.author
        before = status
    return None


def who_knows(
    find: Callable[..., dict[str, Any]],
    conn: sqlite3.Connection,
    today: dt.date,
    language: str,
    query: str,
    limit: int = 10,
) -> dict[str, Any]:
    """People ranked for ``query``; ``find(query, limit=, kind=)`` is the search.

    A query with nothing to search for (empty, blank, only common words) is refused in
    one line, as ``search`` refuses it."""
    knowledge = find(query, limit=CANDIDATES)
    if not knowledge.get("usable", True):
        raise nothing_to_search(query, knowledge["warnings"])
    scores: dict[str, float] = defaultdict(float)
    reasons: dict[str, list[tuple[float, str]]] = defaultdict(list)

    def credit(person: str | None, points: float, why: str) -> None:
        if person and points > 0:
            scores[person] += points
            reasons[person].append((points, why))

    skills = find(query, limit=CANDIDATES, kind="skill")
    for hit, rel in _relevance(skills["hits"]):
        for rating in q.referrers(conn, hit["id"], "rating", "skill"):
            data = rating["data"]
            level = int(data["level"])
            valid = validity(data.get("valid_until"), today)
            factor = EXPIRED_FACTOR if valid["expired"] else 1.0
            label = LEVELS[level][2 if language == "fr" else 1]
            note = f", expired {data['valid_until']}" if valid["expired"] else ""
            credit(
                data["person"],
                rel * LEVEL_POINTS[level] * factor,
                f"{hit['title']}: level {level} {LEVELS[level][0]} ({label}{note})",
            )

    for hit, rel in _relevance([h for h in knowledge["hits"] if h["kind"] in ("rex", "howto")]):
        row = q.row_dict(conn, hit["id"])
        if row is None:
            continue
        title = hit["title"]
        credit(row["created_by"], rel * AUTHOR, f"wrote «{title}»")
        for holder in row["data"].get("holders", []):
            credit(holder, rel * HOLDER, f"holds the know-how «{title}»")
        validator = _validator(conn, hit["id"])
        if validator and validator != row["created_by"]:
            credit(validator, rel * VALIDATOR, f"validated «{title}»")

    live = {
        r[0]: r
        for r in conn.execute(
            "SELECT id, title, data FROM items WHERE kind = 'person' AND deleted = 0"
        )
    }
    ranked = sorted((p for p in scores if p in live), key=lambda p: (-scores[p], live[p][1]))
    people = []
    for pid in ranked[:limit]:
        data = json.loads(live[pid][2])
        people.append(
            {
                "id": pid,
                "name": live[pid][1],
                "site": data.get("site"),
                "job_title": data.get("job_title"),
                "score": round(scores[pid], 2),
                "reasons": [why for _, why in sorted(reasons[pid], key=lambda r: -r[0])][:6],
            }
        )
    return {"query": query, "people": people, "suggestion": knowledge.get("suggestion")}
