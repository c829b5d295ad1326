"""Commands about people: roles in communities, skill ratings, profiles, and what a
person contributed."""

from __future__ import annotations

from argparse import Namespace
from typing import Any

from copdesk.commands.inputs import read_pin_file
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


@command(
    "pin",
    help="set or remove the PIN that proves who is writing (default: the current person)",
    json=False,
    text=text.pin,
    args=[
        arg("person", nargs="?", metavar="PERSON"),
        opt("--from-file", metavar="FILE", help="the new PIN from a file only you can read"),
        opt("--clear", action="store_true", help="remove the PIN"),
    ],
)
def pin(ws: Workspace, a: Namespace) -> Reply:
    person = a.person or ws.actor
    if person is None:
        raise BadInput("whose PIN? name a person or set one (copdesk use NAME)")
    pid = ws.resolve(person, "person")
    if a.clear:
        ws.permissions.set_pin(pid, None)
        return Reply({"person": pid}, name=ws.core.name(pid), cleared=True)
    name = ws.core.name(pid) or pid
    new = read_pin_file(a.from_file) if a.from_file else _new_pin_typed(name)
    ws.permissions.set_pin(pid, new)
    return Reply({"person": pid}, name=ws.core.name(pid), cleared=False)


def _new_pin_typed(name: str) -> str:
    import getpass
    import sys

    if not sys.stdin.isatty():
        raise BadInput("type the PIN at a terminal, or give --from-file FILE")
    first = getpass.getpass(f"new PIN for {name}: ")
    if getpass.getpass("the same PIN again: ") != first:
        raise BadInput("the two PINs differ: nothing changed")
    return first


@command(
    "admin",
    help="the site's administrators: list, add or remove one",
    text=text.admins,
    args=[
        arg("action", choices=("list", "add", "remove"), nargs="?", default="list"),
        arg("person", nargs="?", metavar="PERSON"),
    ],
)
def admin(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    if a.action != "list" and not a.person:
        raise BadInput(f"admin {a.action} needs a PERSON")
    if a.action == "add":
        ws.permissions.grant_admin(a.person)
    elif a.action == "remove":
        ws.permissions.revoke_admin(a.person)
    return [{"id": p, "name": ws.core.name(p)} for p in ws.permissions.admins()]


@command(
    "login",
    help="tie this computer's login to a person (no PIN asked of them here)",
    text=text.login,
    args=[
        arg("person", nargs="?", metavar="PERSON"),
        opt("--untie", action="store_true", help="no person for this login"),
    ],
)
def login(ws: Workspace, a: Namespace) -> Reply:
    if a.untie:
        tied = ws.permissions.tie_login(None)
    elif a.person:
        tied = ws.permissions.tie_login(a.person)
    else:
        tied = {"login": ws.permissions.os_login(), "person": ws.permissions.login_person()}
    return Reply(tied, name=ws.core.name(tied["person"]))
