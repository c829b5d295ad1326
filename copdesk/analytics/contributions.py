"""What one person gave to the communities, and what it changed: "my contributions".

A community lives only if each member sees a personal interest in taking part, so the
tool shows every kind of contribution, not only authoring:

- **authored**: experience reports, know-how sheets and questions they created;
- **validated**: reports and sheets whose status they changed to *validated* (an edit by
  them from another status; creating an item as validated is authoring, not validating);
- **answered**: their answers to questions, and how many the asker accepted;
- **commented**: their comments;
- **marks given**: "this helped me" / "applied here" marks they put on others' items
  (reading leaves no trace; marking what helped is the reader's visible act; marks on
  one's own items count neither as given nor as received);
- **impact**: the marks others put on their items (reports, sheets, questions, answers),
  each with who, the site and the date, and how many came from another site than the
  item's own (a report's site, else its author's site).

Recognition points (the rule is deliberately generous to everything but authoring, as
most members read and rarely write):

=============================================  ======
validating a report or sheet                    3
answering a question                            2
an answer the asker accepted (on top)           3
marking an item that helped you / applied here  1
commenting                                      1
authoring a report or sheet                     2
asking a question                               1
one of your items marked "helped"               2
one of your items marked "applied"              3
… when the mark comes from another site (+)     2
=============================================  ======
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from copdesk.model.text import fold
from copdesk.store import items as q

POINTS = {
    "validated": 3,
    "answered": 2,
    "accepted": 3,
    "marks_given": 1,
    "commented": 1,
    "authored": 2,
    "questions": 1,
    "helped_received": 2,
    "applied_received": 3,
    "other_site_marks": 2,
}
KNOWLEDGE = ("rex", "howto")
MARKABLE = ("rex", "howto", "question", "answer")


def _rows(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, args)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur]


def _validated(conn: sqlite3.Connection, person: str) -> list[dict[str, Any]]:
    """Items whose status this person changed to validated (one entry per item)."""
    rows = conn.execute(
        "SELECT r.item_id, r.at, ps.body FROM revisions r"
        " JOIN items i ON i.id = r.item_id AND i.deleted = 0 AND i.kind IN ('rex', 'howto')"
        " JOIN rev_parents p ON p.rev_id = r.rev_id"
        " JOIN revisions ps ON ps.rev_id = p.parent"
        " WHERE r.author = ? AND r.deleted = 0"
        " AND json_extract(r.body, '$.content.status') = 'validated'"
        " ORDER BY r.at",
        (person,),
    ).fetchall()
    seen: dict[str, str] = {}
    for item_id, at, parent_body in rows:
        before = (json.loads(parent_body).get("content") or {}).get("status")
        if before != "validated" and item_id not in seen:
            seen[item_id] = at
    marks = ",".join("?" * len(seen))
    sql = f"SELECT id, kind, title, created_by FROM items WHERE id IN ({marks})"
    info = {r["id"]: r for r in _rows(conn, sql, tuple(seen))}
    return [{**info[i], "at": at, "own": info[i]["created_by"] == person} for i, at in seen.items()]


def contributions(conn: sqlite3.Connection, pid: str) -> dict[str, Any]:
    """Everything person ``pid`` contributed, its impact, and recognition points (rules
    in the module doc)."""
    me = q.row_dict(conn, pid)
    assert me is not None
    my_site = me["data"].get("site")

    authored = _rows(
        conn,
        "SELECT i.id, i.kind, i.title, i.status, i.created_at, c.title AS community_name"
        " FROM items i LEFT JOIN items c ON c.id = i.community"
        " WHERE i.created_by = ? AND i.deleted = 0 AND i.kind IN ('rex', 'howto', 'question')"
        " ORDER BY i.created_at DESC",
        (pid,),
    )
    answered = _rows(
        conn,
        "SELECT a.id, a.created_at AS at, qn.id AS question, qn.title AS question_title,"
        " json_extract(qn.data, '$.accepted') = a.id AS accepted"
        " FROM items a JOIN items qn ON qn.id = json_extract(a.data, '$.target')"
        " WHERE a.kind = 'answer' AND a.created_by = ? AND a.deleted = 0"
        " ORDER BY a.created_at DESC",
        (pid,),
    )
    for a in answered:
        a["accepted"] = bool(a["accepted"])
    commented = _rows(
        conn,
        "SELECT c.id, c.created_at AS at, t.id AS target, t.kind AS target_kind,"
        " t.title AS target_title FROM items c"
        " JOIN items t ON t.id = json_extract(c.data, '$.target')"
        " WHERE c.kind = 'comment' AND c.created_by = ? AND c.deleted = 0"
        " ORDER BY c.created_at DESC",
        (pid,),
    )
    marks_given = _rows(
        conn,
        "SELECT m.id, json_extract(m.data, '$.type') AS type, json_extract(m.data, '$.site')"
        " AS site, json_extract(m.data, '$.on') AS 'on', t.id AS target, t.kind AS target_kind,"
        " t.title AS target_title FROM items m"
        " JOIN items t ON t.id = json_extract(m.data, '$.target')"
        " WHERE m.kind = 'mark' AND m.deleted = 0 AND json_extract(m.data, '$.person') = ?"
        " AND coalesce(t.created_by, '') != ?"
        " ORDER BY 4 DESC",
        (pid, pid),
    )

    # Impact: marks by others on anything this person created that can be marked.
    received = _rows(
        conn,
        "SELECT m.id, json_extract(m.data, '$.type') AS type, json_extract(m.data, '$.site')"
        " AS site, json_extract(m.data, '$.on') AS 'on', json_extract(m.data, '$.note') AS note,"
        " json_extract(m.data, '$.person') AS person, p.title AS person_name,"
        " t.id AS item, t.kind AS item_kind, t.title AS item_title,"
        " json_extract(t.data, '$.site') AS item_site FROM items m"
        " JOIN items t ON t.id = json_extract(m.data, '$.target')"
        " LEFT JOIN items p ON p.id = json_extract(m.data, '$.person')"
        " WHERE m.kind = 'mark' AND m.deleted = 0 AND t.deleted = 0 AND t.created_by = ?"
        " AND t.kind IN ('rex', 'howto', 'question', 'answer')"
        " AND coalesce(json_extract(m.data, '$.person'), '') != ?"
        " ORDER BY 4 DESC",
        (pid, pid),
    )
    for m in received:
        home = m.pop("item_site") or my_site
        m["other_site"] = bool(m["site"] and home and fold(m["site"]) != fold(home))

    kinds = Counter(a["kind"] for a in authored)
    validated = _validated(conn, pid)
    counts = {
        "authored": kinds["rex"] + kinds["howto"],
        "rex": kinds["rex"],
        "howto": kinds["howto"],
        "questions": kinds["question"],
        "validated": len(validated),
        "answered": len(answered),
        "accepted": sum(a["accepted"] for a in answered),
        "commented": len(commented),
        "marks_given": len(marks_given),
        "helped_received": sum(m["type"] == "helped" for m in received),
        "applied_received": sum(m["type"] == "applied" for m in received),
        "other_site_marks": sum(m["other_site"] for m in received),
    }
    by = {k: counts[k] * w for k, w in POINTS.items()}
    return {
        "person": pid,
        "person_name": me["title"],
        "site": my_site,
        "authored": authored,
        "validated": validated,
        "answered": answered,
        "commented": commented,
        "marks_given": marks_given,
        "impact": {
            "helped": counts["helped_received"],
            "applied": counts["applied_received"],
            "other_sites": counts["other_site_marks"],
            "sites": sorted({m["site"] for m in received if m["other_site"]}),
            "marks": received,
        },
        "counts": counts,
        "recognition": {
            "points": sum(by.values()),
            "by": by,
            "rule": dict(POINTS),
            "beyond_authoring": sum(by.values()) - by["authored"],
        },
    }
