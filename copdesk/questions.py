"""Questions and answers inside a community, and the marks that show a lesson was reused.

A member asks, others answer, the asker accepts the answer that solved it; an answer
can become a know-how sheet or an experience report in one step. "This helped me" and
"applied here" marks are the evidence that knowledge was reused, with the site and the
date: they travel in bundles like any item, so a site sees its lessons applied elsewhere.
Each person marks an item at most once per type (the mark's id comes from what it
connects), so marking twice changes nothing and two sites marking stay two marks.
"""

from __future__ import annotations

import uuid
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput
from copdesk.items import Items
from copdesk.model.kinds import MARK_TYPES
from copdesk.model.validate import validate
from copdesk.store import items as q
from copdesk.store import relations as rel

# What an answer becomes, and where its text goes.
PROMOTE_FIELD = {"howto": "steps", "rex": "lessons"}


class QA:
    """Question, answer and mark operations of a workspace (``ws.qa``)."""

    def __init__(self, core: Core, items: Items) -> None:
        self.core = core
        self.items = items
        self.conn = core.conn

    def ask(
        self,
        community: str | None,
        title: str,
        body: str = "",
        tags: list[str] | None = None,
    ) -> dict[str, Any]:
        """Ask a question (in a community, or to the whole site with None)."""
        data: dict[str, Any] = {"title": title, "body": body, "tags": tags or []}
        if community:
            data["community"] = community
        return self.items.add("question", data)

    def answer(self, question: str, text: str, *, item_id: str | None = None) -> dict[str, Any]:
        """Answer a question as the current person."""
        row = self.core.row(question, "question")
        data = validate("answer", {"target": row["id"], "body": text})
        item_id = item_id or str(uuid.uuid4())
        rev = self.core.write(item_id, "answer", data, [], "create")
        return {"id": item_id, **data, "author": rev.author, "at": rev.at}

    def accept(self, question: str, answer: str) -> dict[str, Any]:
        """The asker marks the answer that solved the question."""
        row = self.core.row(question, "question")
        ans = self.core.row(answer, "answer")
        if ans["data"]["target"] != row["id"]:
            raise BadInput("that answer belongs to another question")
        if row["created_by"] and self.core.actor != row["created_by"]:
            asker = self.core.name(row["created_by"]) or "the asker"
            raise BadInput(f"only {asker}, who asked, can accept an answer (use --as)")
        return self.items.edit(row["id"], {"accepted": ans["id"]})

    def promote(self, answer: str, kind: str = "howto", title: str | None = None) -> dict[str, Any]:
        """Turn an answer into a know-how sheet or an experience report, linked to the
        question, in the question's community."""
        if kind not in PROMOTE_FIELD:
            raise BadInput("an answer becomes a howto or a rex")
        ans = self.core.row(answer, "answer")
        question = q.row_dict(self.conn, ans["data"]["target"])
        assert question is not None
        data: dict[str, Any] = {
            "title": title or question["data"]["title"],
            PROMOTE_FIELD[kind]: ans["data"]["body"],
            "tags": question["data"].get("tags", []),
        }
        if question["data"].get("community"):
            data["community"] = question["data"]["community"]
        with self.core.db.write():
            item = self.items.add(kind, data)
            self.items.link(item["id"], question["id"], "related")
        return self.items.get(item["id"])

    def mark(self, ref: str, type: str = "helped", note: str | None = None) -> dict[str, Any]:
        """Say that an item helped you, or that it was applied here (with site and date)."""
        if type not in MARK_TYPES:
            raise BadInput(f"a mark is {' or '.join(MARK_TYPES)} (got {type!r})")
        target = self.core.row(ref)
        if target["kind"] not in ("rex", "howto", "answer", "question"):
            raise BadInput("only reports, sheets, questions and answers can be marked")
        person = self.core.actor
        if person is None:
            raise BadInput("who is marking? set the current person (copdesk use) or use --as")
        item_id = rel.relation_id("mark", type, person, target["id"])
        data = {
            "target": target["id"],
            "type": type,
            "person": person,
            "site": self.core.site_name,
            "on": self.core.today().isoformat(),
            "note": note,
        }
        row, _ = self.core.upsert_relation(item_id, "mark", data)
        return {"id": row["id"], **row["data"]}

    def marks_of(self, item_id: str) -> list[dict[str, Any]]:
        """Every mark on an item: who, where, when (the evidence of reuse)."""
        return rel.marks_of(self.conn, item_id)

    def answers_of(self, question: str) -> list[dict[str, Any]]:
        """A question's answers, oldest first, the accepted one flagged."""
        return rel.answers_of(self.conn, self.core.row(question, "question"))

    def questions(
        self, community: str | None = None, open_only: bool = False
    ) -> list[dict[str, Any]]:
        """Questions, newest first, with how many answers and whether one was accepted."""
        rows = self.items.list("question", community=community)
        out = []
        for r in rows:
            row = q.row_dict(self.conn, r["id"])
            assert row is not None
            answers = q.referrers(self.conn, r["id"], "answer")
            accepted = row["data"].get("accepted")
            if open_only and accepted:
                continue
            first = min((a["created_at"] for a in answers), default=None)
            out.append(
                {
                    **r,
                    "answers": len(answers),
                    "accepted": accepted,
                    "first_answer_at": first,
                }
            )
        return out
