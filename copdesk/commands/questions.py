"""Commands of community life: questions and answers, and the marks that say an item
helped or was applied."""

from __future__ import annotations

from argparse import Namespace
from typing import Any

from copdesk.commands.registry import Reply, arg, command, opt
from copdesk.textout import items as items_text
from copdesk.textout import questions as text
from copdesk.workspace import Workspace

QUESTION = arg("question", metavar="QUESTION_ID")


@command(
    "ask",
    help="ask a question in a community",
    text=items_text.ident,
    args=[
        arg("community", metavar="COMMUNITY", help="a community, or '' for the site"),
        arg("title", metavar="QUESTION"),
        opt("--body", metavar="TEXT", help="details (Markdown)"),
        opt("--tag", action="append", metavar="T"),
    ],
)
def ask(ws: Workspace, a: Namespace) -> Reply:
    item = ws.qa.ask(a.community, a.title, a.body or "", a.tag or [])
    found = ws.search.similar(item["id"], title=a.title, body=a.body or "", kinds=("question",))
    answered = [h for h in found["hits"] if ws.items.get(h["id"]).get("accepted")]
    notes = ["already answered, maybe:"] if answered else []  # read it before waiting
    notes += [f"  {h['title']}  ({h['id'][:8]})" for h in answered]
    return Reply({**item, "similar_answered": answered}, notes=notes)


@command(
    "answer",
    help="answer a question",
    text=items_text.ident,
    args=[QUESTION, arg("text", metavar="TEXT")],
)
def answer(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.qa.answer(a.question, a.text)


@command(
    "accept",
    help="mark the answer that solved your question",
    json=False,
    text=text.accepted,
    args=[QUESTION, arg("answer", metavar="ANSWER_ID")],
)
def accept(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.qa.accept(a.question, a.answer)


@command(
    "promote",
    help="turn an answer into a know-how sheet or a report",
    text=items_text.ident,
    args=[
        arg("answer", metavar="ANSWER_ID"),
        opt("--kind", choices=("howto", "rex"), default="howto"),
        opt("--title", metavar="TITLE", help="default: the question"),
    ],
)
def promote(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.qa.promote(a.answer, a.kind, a.title)


@command(
    "mark",
    help="say an item helped you or was applied here",
    text=text.marked,
    args=[
        arg("id", metavar="ID"),
        arg("type", choices=("helped", "applied")),
        opt("--note", metavar="TEXT", help="where or how it was applied"),
    ],
)
def mark(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.qa.mark(a.id, a.type, a.note)


@command(
    "questions",
    help="questions of a community, open or answered",
    text=text.questions,
    args=[
        opt("--community", metavar="C"),
        opt("--open", action="store_true", help="only questions with no accepted answer"),
    ],
)
def questions(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    return ws.qa.questions(a.community, open_only=a.open)
