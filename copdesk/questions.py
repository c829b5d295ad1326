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
from typing import TYPE_CHECKING, Any

from copdesk.errors import BadInput
from copdesk.model.kinds import MARK_TYPES
from copdesk.model.validate import validate
from copdesk.store import items as q

if TYPE_CHECKING:
    from copdesk.workspace import Workspace

# What an answer becomes, and where its text goes.
PROMOTE_FIELD = {"howto": "steps", "rex": "lessons"}


class QuestionsMixin:
    """Question, answer and mark operations of :class:`copdesk.Workspace`."""

    def ask(
        self: Workspace,
        community: str | None,
        title: str,
        body: str = "",
        tags: list[str] | None = None,
    ) -> dict[str, Any]:
        """Ask a question (in a community, or to the whole site with None)."""
        data: dict[str, Any] = {"title": title, "body": body, "tags": tags or []}
        if community:
            data["community"] = community
        return self.add("question", data)

    def answer(self: Workspace, question: str, text: str) -> dict[str, Any]:
        """Answer a question as the current person."""
        row = self._row(question, "question")
        data = validate("answer", {"target": row["id"], "body": text})
        item_id = str(uuid.uuid4())
        rev = self._write(item_id, "answer", data, [], "create")
        return {"id": item_id, **data, "author": rev.author, "at": rev.at}

    def accept(self: Workspace, question: str, answer: str) -> dict[str, Any]:
        """The asker marks the answer that solved the question."""
        row = self._row(question, "question")
        ans = self._row(answer, "answer")
        if ans["data"]["target"] != row["id"]:
            raise BadInput("that answer belongs to another question")
        if row["created_by"] and self.actor != row["created_by"]:
            asker = self._name(row["created_by"]) or "the asker"
            raise BadInput(f"only {asker}, who asked, can accept an answer (use --as)")
        return self.edit(row["id"], {"accepted": ans["id"]})

    def promote(
        self: Workspace, answer: str, kind: str = "howto", title: str | None = None
    ) -> dict[str, Any]:
        """Turn an answer into a know-how sheet or an experience report, linked to the
        question, in the question's community."""
        if kind not in PROMOTE_FIELD:
            raise BadInput("an answer becomes a howto or a rex")
        ans = self._row(answer, "answer")
        question = q.row_dict(self.conn, ans["data"]["target"])
        assert question is not None
        data: dict[str, Any] = {
            "title": title or question["data"]["title"],
            PROMOTE_FIELD[kind]: ans["data"]["body"],
            "tags": question["data"].get("tags", []),
        }
        if question["data"].get("community"):
            data["community"] = question["data"]["community"]
        with self.db.write():
            item = self.add(kind, data)
            self.link(item["id"], question["id"], "related")
        return self.get(item["id"])

    def mark(
        self: Workspace, ref: str, type: str = "helped", note: str | None = None
    ) -> dict[str, Any]:
        """Say that an item helped you, or that it was applied here (with site and date)."""
        if type not in MARK_TYPES:
            raise BadInput(f"a mark is {' or '.join(MARK_TYPES)} (got {type!r})")
        target = self._row(ref)
        if target["kind"] not in ("rex", "howto", "answer", "question"):
            raise BadInput("only reports, sheets, questions and answers can be marked")
        person = self.actor
        if person is None:
            raise BadInput("who is marking? set the current person (copdesk use) or use --as")
        from copdesk.relations import relation_id

        item_id = relation_id("mark", type, person, target["id"])
        data = {
            "target": target["id"],
            "type": type,
            "person": person,
            "site": self.site_name,
            "on": self.today().isoformat(),
            "note": note,
        }
        row, _ = self._upsert_relation(item_id, "mark", data)
        return {"id": row["id"], **row["data"]}

    def marks_of(self: Workspace, item_id: str) -> list[dict[str, Any]]:
        """Every mark on an item: who, where, when (the evidence of reuse)."""
        rows = q.referrers(self.conn, item_id, "mark")
        names = q.titles(self.conn, [r["data"].get("person") or "" for r in rows])
        return [
            {
                "id": r["id"],
                **r["data"],
                "person_name": names.get(r["data"].get("person") or ""),
                "origin_site": r["origin_site"],
            }
            for r in rows
        ]

    def answers_of(self: Workspace, question: str) -> list[dict[str, Any]]:
        """A question's answers, oldest first, the accepted one flagged."""
        row = self._row(question, "question")
        rows = q.referrers(self.conn, row["id"], "answer")
        names = q.titles(self.conn, [r["created_by"] or "" for r in rows])
        accepted = row["data"].get("accepted")
        return [
            {
                "id": r["id"],
                "body": r["data"]["body"],
                "author": r["created_by"],
                "author_name": names.get(r["created_by"] or ""),
                "at": r["created_at"],
                "accepted": r["id"] == accepted,
                "marks": len(q.referrers(self.conn, r["id"], "mark")),
            }
            for r in rows
        ]

    def questions(
        self: Workspace, community: str | None = None, open_only: bool = False
    ) -> list[dict[str, Any]]:
        """Questions, newest first, with how many answers and whether one was accepted."""
        rows = self.list("question", community=community)
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
