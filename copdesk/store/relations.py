"""Read queries over relation items: links, attachments, comments, marks, answers and
memberships that point at an item.

They are plain functions of a connection so that showing an item (``Items.get``),
a community's members (``People.members``) and a question's answers
(``QA.answers_of``) read them the same way without one part calling another.
"""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from copdesk.model.kinds import KINDS
from copdesk.store import items as q

# Deterministic ids for relations, so the same membership/rating/link made on two
# sites is the same item (and concurrent changes to it are a visible conflict).
ID_NAMESPACE = uuid.UUID("6f1c3c52-7a0e-4d53-9a51-2f0c6a3d9e11")
# Items about other items: they may leave the site only when what they point to may.
RELATION_KINDS = tuple(name for name, kind in KINDS.items() if not kind.user)  # about items
ROLE_ORDER = {"animator": 0, "sponsor": 1, "expert": 2, "contributor": 3, "member": 4}


def relation_id(*parts: str) -> str:
    return str(uuid.uuid5(ID_NAMESPACE, ":".join(parts)))


def members(conn: sqlite3.Connection, community_id: str) -> list[dict[str, Any]]:
    """A community's members, animators first, then by name."""
    rows = q.referrers(conn, community_id, "membership", "community")
    names = q.titles(conn, [r["data"]["person"] for r in rows])
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
    return sorted(out, key=lambda m: (ROLE_ORDER.get(m["role"], 9), m["name"] or ""))


def marks_of(conn: sqlite3.Connection, item_id: str) -> list[dict[str, Any]]:
    """Every mark on an item: who, where, when (the evidence of reuse)."""
    rows = q.referrers(conn, item_id, "mark")
    names = q.titles(conn, [r["data"].get("person") or "" for r in rows])
    return [
        {
            "id": r["id"],
            **r["data"],
            "person_name": names.get(r["data"].get("person") or ""),
            "origin_site": r["origin_site"],
        }
        for r in rows
    ]


def answers_of(conn: sqlite3.Connection, question: dict[str, Any]) -> list[dict[str, Any]]:
    """A question's answers (``question`` is its stored row), oldest first, the accepted
    one flagged."""
    rows = q.referrers(conn, question["id"], "answer")
    names = q.titles(conn, [r["created_by"] or "" for r in rows])
    accepted = question["data"].get("accepted")
    return [
        {
            "id": r["id"],
            "body": r["data"]["body"],
            "author": r["created_by"],
            "author_name": names.get(r["created_by"] or ""),
            "at": r["created_at"],
            "accepted": r["id"] == accepted,
            "marks": len(q.referrers(conn, r["id"], "mark")),
        }
        for r in rows
    ]


def relations_of(conn: sqlite3.Connection, item_id: str) -> dict[str, list[dict[str, Any]]]:
    """Links both ways, attachments, comments and marks, for showing an item."""
    outgoing = q.referrers(conn, item_id, "link", "source")
    incoming = q.referrers(conn, item_id, "link", "target")
    attachments = q.referrers(conn, item_id, "attachment")
    comments = q.referrers(conn, item_id, "comment")
    others = [r["data"]["target"] for r in outgoing] + [r["data"]["source"] for r in incoming]
    names = q.titles(conn, others + [c["created_by"] or "" for c in comments])
    kinds = (
        dict(
            conn.execute(
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
        "marks": marks_of(conn, item_id),  # "this helped me" / "applied here"
    }


def all_shared(conn: sqlite3.Connection, item_id: str, depth: int = 0) -> bool:
    """Whether everything ``item_id`` points to (through its references, transitively)
    is shared and not kept on this site."""
    for (target,) in conn.execute("SELECT target FROM refs WHERE item_id = ?", (item_id,)):
        row = conn.execute(
            "SELECT visibility, EXISTS (SELECT 1 FROM local_items l WHERE l.item_id = items.id),"
            " kind FROM items WHERE id = ?",
            (target,),
        ).fetchone()
        if row is None or row[0] not in (None, "shared") or row[1]:
            return False
        if row[2] in RELATION_KINDS and depth < 8 and not all_shared(conn, target, depth + 1):
            return False
    return True
