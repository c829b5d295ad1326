"""Commands about people: roles in communities, skill ratings, profiles, and what a
person contributed."""

from __future__ import annotations

from argparse import Namespace
from typing import Any

from copdesk.commands.registry import Reply, arg, command, opt
from copdesk.errors import BadInput
from copdesk.model.kinds import KINDS
from copdesk.textout import people as text
from copdesk.workspace import Workspace

PERSON = arg("person", metavar="PERSON")


@command(
    "member",
    help="give a person a role in a community",
    text=text.membership,
    args=[
        arg("community", metavar="COMMUNITY"),
        PERSON,
        opt("--role", choices=KINDS["membership"].by_name["role"].choices),
        opt("--since", metavar="DATE"),
        opt("--remove", action="store_true", help="remove the person from the community"),
    ],
)
def member(ws: Workspace, a: Namespace) -> Reply:
    if not a.remove and not a.role:
        raise BadInput("member needs --role ROLE (or --remove)")
    result = ws.people.member(
        a.community, a.person, a.role or "member", since=a.since, remove=a.remove
    )
    return Reply(
        result,
        person=ws.core.name(result["person"]),
        community=ws.core.name(result["community"]),
        removed=a.remove,
    )


@command(
    "rate",
    help="record a skill assessment (history is kept)",
    text=text.rating,
    args=[
        PERSON,
        arg("skill", metavar="SKILL"),
        arg("level", metavar="LEVEL", help="0 none, 1 I, 2 L, 3 U, 4 O"),
        opt("--interest", choices=("learn", "teach", "none")),
        opt("--evidence", metavar="TEXT"),
        opt("--valid-until", metavar="DATE"),
        opt("--assessed-on", metavar="DATE"),
    ],
)
def rate(ws: Workspace, a: Namespace) -> Reply:
    rating = ws.people.rate(
        a.person,
        a.skill,
        a.level,
        interest=a.interest,
        evidence=a.evidence,
        valid_until=a.valid_until,
        assessed_on=a.assessed_on,
    )
    return Reply(rating, person=ws.items.get(rating["person"])["name"])


@command(
    "profile",
    help="a person's roles, skills and their history",
    text=text.profile,
    args=[PERSON],
)
def profile(ws: Workspace, a: Namespace) -> Reply:
    return Reply(ws.people.profile(a.person), language=ws.language)


@command(
    "contributions",
    help="what a person gave and its impact (default: you)",
    text=text.contributions,
    args=[arg("person", nargs="?", metavar="PERSON", help="default: the current person")],
)
def contributions(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.analytics.contributions(a.person)
