"""Who may do what: the one table of rules, read by the Workspace for the CLI, the
window and scripts alike (and printed in the README).

A community's knowledge is worth what its validation is worth, so the actions that
give an item or a rating weight are reserved to the people a community chose:

=================  ==========================================================
action             who may
=================  ==========================================================
propose            the item's author; a contributor, expert or animator of its
                   community
validate           an animator or expert of the item's community
send_back          an animator or expert of the item's community
obsolete           an animator or expert of the item's community
edit_other         an animator of the item's community (others comment or copy)
delete_draft       the author of a draft; an animator of its community
delete             an animator of the item's community; a site administrator
rate_high          rating someone at U or O: an animator or expert of the
                   skill's community, or a person marked as assessor
                   (rating oneself is allowed and shown as self-assessed)
manage_members     an animator of the community; a site administrator
edit_community     an animator of the community; a site administrator
catalogue          adding people and skills, editing them: a site
                   administrator or an animator of any community (a person
                   may edit their own profile)
trust              trusting and untrusting sites, naming administrators,
                   renaming the site: a site administrator
=================  ==========================================================

"Its community" is the item's own; for an item outside any community (or a skill
without one), any community counts. Site administrators are a role of the site, kept
locally; community roles are memberships and travel between sites.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """Who may take an action: community roles, the author, administrators, assessors."""

    roles: tuple[str, ...] = ()
    author: bool = False
    admin: bool = False
    assessor: bool = False


VALIDATORS = ("animator", "expert")

# Who may, in words ("an animator or expert of {community}"), and what each action is
# ("validate it"), are in the message catalogue: may.ACTION and doing.ACTION
# (copdesk/messages/errors.py), in English and French.
RULES: dict[str, Rule] = {
    "propose": Rule(roles=("animator", "expert", "contributor"), author=True),
    "validate": Rule(roles=VALIDATORS),
    "send_back": Rule(roles=VALIDATORS),
    "obsolete": Rule(roles=VALIDATORS),
    "edit_other": Rule(roles=("animator",)),
    "delete_draft": Rule(roles=("animator",), author=True, admin=True),
    "delete": Rule(roles=("animator",), admin=True),
    "rate_high": Rule(roles=VALIDATORS, assessor=True),
    "manage_members": Rule(roles=("animator",), admin=True),
    "edit_community": Rule(roles=("animator",), admin=True),
    "catalogue": Rule(roles=("animator",), admin=True),
    "trust": Rule(admin=True),
}

# The action a change of status asks for: (from, to) -> action; other changes of
# status from or to these are covered by the closest rule below.
TRANSITIONS: dict[tuple[str, str], str] = {
    ("draft", "proposed"): "propose",
    ("draft", "validated"): "validate",
    ("proposed", "validated"): "validate",
    ("obsolete", "validated"): "validate",
    ("proposed", "draft"): "send_back",
    ("validated", "draft"): "send_back",
    ("validated", "proposed"): "send_back",
    ("obsolete", "draft"): "send_back",
    ("obsolete", "proposed"): "send_back",
}


def transition(before: str | None, after: str | None) -> str | None:
    """The action a change of status from ``before`` to ``after`` needs (None: none)."""
    before, after = before or "draft", after or "draft"
    if before == after:
        return None
    if after == "obsolete":
        return "obsolete"
    return TRANSITIONS.get((before, after), "validate")
