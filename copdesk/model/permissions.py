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
    en: str = ""  # "who may", in a sentence: "an animator or expert of {community}"
    fr: str = ""


VALIDATORS = ("animator", "expert")

RULES: dict[str, Rule] = {
    "propose": Rule(
        roles=("animator", "expert", "contributor"),
        author=True,
        en="its author or a contributor, expert or animator of {community}",
        fr="son auteur ou un contributeur, expert ou animateur de {community}",
    ),
    "validate": Rule(
        roles=VALIDATORS,
        en="an animator or expert of {community}",
        fr="un animateur ou un expert de {community}",
    ),
    "send_back": Rule(
        roles=VALIDATORS,
        en="an animator or expert of {community}",
        fr="un animateur ou un expert de {community}",
    ),
    "obsolete": Rule(
        roles=VALIDATORS,
        en="an animator or expert of {community}",
        fr="un animateur ou un expert de {community}",
    ),
    "edit_other": Rule(
        roles=("animator",),
        en="its author or an animator of {community} (others can comment or copy it)",
        fr="son auteur ou un animateur de {community} (les autres peuvent commenter ou copier)",
    ),
    "delete_draft": Rule(
        roles=("animator",),
        author=True,
        admin=True,
        en="its author or an animator of {community}",
        fr="son auteur ou un animateur de {community}",
    ),
    "delete": Rule(
        roles=("animator",),
        admin=True,
        en="an animator of {community} or a site administrator",
        fr="un animateur de {community} ou un administrateur du site",
    ),
    "rate_high": Rule(
        roles=VALIDATORS,
        assessor=True,
        en="an animator or expert of {community}, or an assessor",
        fr="un animateur ou un expert de {community}, ou un évaluateur",
    ),
    "manage_members": Rule(
        roles=("animator",),
        admin=True,
        en="an animator of {community} or a site administrator",
        fr="un animateur de {community} ou un administrateur du site",
    ),
    "edit_community": Rule(
        roles=("animator",),
        admin=True,
        en="an animator of {community} or a site administrator",
        fr="un animateur de {community} ou un administrateur du site",
    ),
    "catalogue": Rule(
        roles=("animator",),
        admin=True,
        en="a site administrator or an animator",
        fr="un administrateur du site ou un animateur",
    ),
    "trust": Rule(
        admin=True,
        en="a site administrator",
        fr="un administrateur du site",
    ),
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


ACTION_WORDS = {  # what was refused, for the one-line message
    "propose": ("propose it for validation", "la proposer à la validation"),
    "validate": ("validate it", "la valider"),
    "send_back": ("send it back", "la renvoyer"),
    "obsolete": ("mark it obsolete", "la déclarer obsolète"),
    "edit_other": ("change another person's item", "modifier l'élément d'une autre personne"),
    "delete_draft": ("delete it", "la supprimer"),
    "delete": ("delete it", "la supprimer"),
    "rate_high": ("rate someone at U or O", "évaluer quelqu'un au niveau U ou O"),
    "manage_members": ("change who belongs to it", "changer ses membres"),
    "edit_community": ("change the community", "modifier la communauté"),
    "catalogue": ("change people and skills", "modifier les personnes et compétences"),
    "trust": ("do this", "faire cela"),
}
