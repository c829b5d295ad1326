"""Commands of search: full text, who knows a topic, the glossary, the index."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import Any

from copdesk.commands.inputs import positive
from copdesk.commands.progress import counting
from copdesk.commands.registry import Reply, arg, command, opt
from copdesk.search.query import nothing_to_search
from copdesk.textout import search as text
from copdesk.workspace import Workspace

QUERY = arg("query", metavar="QUERY")
WRITE_TIMEOUT = 30.0  # seconds `reindex --catch-up` waits for another process's writer


@command(
    "search",
    help="full-text search (see README for the query syntax)",
    text=text.results,
    args=[
        QUERY,
        opt("--limit", type=positive, default=20, metavar="N"),
        opt("--kind", metavar="K"),
        opt("--community", metavar="C"),
        opt("--site", metavar="S"),
        opt("--tag", metavar="T"),
        opt("--status", metavar="S"),
    ],
)
def search(ws: Workspace, a: Namespace) -> Reply:
    result = ws.search.query(
        a.query,
        limit=a.limit,
        kind=a.kind,
        community=a.community,
        site=a.site,
        tag=a.tag,
        status=a.status,
    )
    if not result.get("usable", True):
        raise nothing_to_search(a.query, result["warnings"])
    return Reply(result, color=sys.stdout.isatty())


@command(
    "who-knows",
    help="people ranked for a topic, with the reasons",
    text=text.experts,
    args=[QUERY, opt("--limit", type=positive, default=10, metavar="N")],
)
def who_knows(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.search.who_knows(a.query, limit=a.limit)


@command(
    "similar",
    help="the items most like one (already known?): reports, sheets, questions",
    text=text.similar,
    args=[
        arg("id", metavar="ID"),
        opt("--limit", type=positive, default=5, metavar="N"),
        opt("--kind", action="append", metavar="K", help="look among this kind (repeatable)"),
    ],
)
def similar(ws: Workspace, a: Namespace) -> dict[str, Any]:
    kinds = tuple(a.kind) if a.kind else ("rex", "howto", "question")
    return ws.search.similar(a.id, limit=a.limit, kinds=kinds)


@command(
    "reindex",
    help="rebuild the search index from the database",
    text=text.reindexed,
    args=[
        opt(
            "--catch-up",
            action="store_true",
            help="only index what changed since the index last caught up (resumable)",
        )
    ],
)
def reindex(ws: Workspace, a: Namespace) -> dict[str, Any]:
    if a.catch_up:  # waits its turn if another process is writing to the index
        return ws.search.catch_up(counting(a, "indexing"), wait=WRITE_TIMEOUT)
    return ws.search.reindex(counting(a, "indexing"))


@command(
    "glossary",
    help="synonyms and acronyms applied to searches",
    # only the list has a JSON form; add and remove say what they did
    as_json=lambda a: a.json and a.action == "list",
    text=text.glossary,
    args=[
        arg("action", choices=("add", "list", "remove"), nargs="?", default="list"),
        arg("terms", nargs="*", metavar="TERM"),
    ],
)
def glossary(ws: Workspace, a: Namespace) -> Reply:
    if a.action == "add":
        return Reply(ws.search.glossary_add(a.terms), action="add")
    if a.action == "remove":
        return Reply([ws.search.glossary_remove(term) for term in a.terms], action="remove")
    return Reply(ws.search.glossary(), action="list")
