"""Knowledge at risk: what to capitalise first, each line with its reason.

Animators need one ranked list instead of reading the skills matrix cell by cell.
Everything is read through the public item and people operations
(:func:`collect`), then ranked by a pure function over plain data (:func:`rank`),
so the rules are testable on hand-made data and the GUI can reuse them.

**Holders.** Coverage counts from level 3 (autonomous, U) and an expired rating
counts for nothing, as in the skills matrix. Learners are people rated 1 or 2.

**Lines** (``kind``), each about one skill:

- ``single_holder``: one autonomous holder across all sites (a single point of failure).
- ``no_holder``: nobody autonomous across all sites.
- per site (``site`` set), only for skills with 2+ holders across sites, at sites where
  someone is rated on the skill: ``single_holder`` (one holder there) or ``no_holder``
  (nobody there: the knowledge exists only elsewhere). People without a site count
  across sites only.
- ``expiring``: an autonomous holder's rating ends within 60 days (``EXPIRING_DAYS``).
- ``unwritten_expert``: a person at level 4 (O) on the skill who neither authored a
  report or sheet about it nor holds a sheet about it.
- ``uncovered_skill``: no know-how sheet covers the skill.

**Matching a skill to a text** (a sheet's title, activity and tags; a report's title,
asset and tags), case and accents ignored (:func:`copdesk.model.text.fold`), a final
s or x ignored: the skill's *words* are those of its name outside brackets, of 3
letters or more and not a stop word; its *alias* is the text in brackets (``LOTO`` in
"Consignation / déconsignation (LOTO)"). A text *mentions* the skill when it holds
all its words or all the words of its alias; it *touches* it when it mentions it or
holds at least half its words.

**Covered.** A sheet that is not obsolete covers a skill when it mentions it, or
when it touches it and one of its holders is autonomous on the skill (the holder's
own know-how, written down). An expert *wrote down* a skill when a report or sheet
they authored, or a sheet they hold, touches it (obsolete ones excluded).

**Score** (higher first): a base per line, ``single_holder`` 50, ``no_holder`` 40,
``expiring`` 25, ``unwritten_expert`` 20, ``uncovered_skill`` 15; plus, for every
line across sites about the skill, +20 if no sheet covers it, +10 if it has at most
one autonomous holder, +5 if an autonomous holder's rating expires within 60 days,
+1 per learner (at most 5). A per-site line scores 30 (``single_holder``) or 25
(``no_holder``) plus 1 per learner at that site (at most 5): the knowledge still
exists elsewhere. So a lone holder of a skill no sheet covers comes first (80 and
more): that is the knowledge one departure would lose.
Ties: the kind in the order above, across sites first, then skill name, then site.

**Reasons.** Each line carries its ``reason`` as a message (``risk.reason``: the fact,
what aggravates it, what to do; codes and facts, no words); the API words it in
English and French (``reason``, ``reason_fr``) from :mod:`copdesk.messages.risks`.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from copdesk.errors import BadInput
from copdesk.model.kinds import AUTONOMOUS
from copdesk.model.message import Message, msg
from copdesk.model.text import fold

if TYPE_CHECKING:
    from copdesk.items import Items
    from copdesk.people import People

EXPERT = 4  # "O": an expert who trains others
BASE = {
    ("single_holder", False): 50,
    ("no_holder", False): 40,
    ("single_holder", True): 30,  # True: one site
    ("no_holder", True): 25,
    ("expiring", False): 25,
    ("unwritten_expert", False): 20,
    ("uncovered_skill", False): 15,
}
KIND_ORDER = ("single_holder", "no_holder", "expiring", "unwritten_expert", "uncovered_skill")
UNCOVERED_BONUS = 20
FRAGILE_BONUS = 10  # at most one autonomous holder across sites
EXPIRING_BONUS = 5
LEARNER_BONUS_MAX = 5

STOP_WORDS = frozenset(
    [
        "and",
        "the",
        "for",
        "with",
        "from",
        "into",
        "les",
        "des",
        "une",
        "par",
        "pour",
        "sur",
        "avec",
        "dans",
        "aux",
        "est",
        "qui",
        "que",
    ]
)
_WORD = re.compile(r"\w+")
_BRACKETS = re.compile(r"\(([^)]*)\)")


def words(text: str) -> set[str]:
    """Folded words of a text, a final s or x dropped (so plurals match singulars)."""
    return {_word(w) for w in _WORD.findall(unicodedata.normalize("NFC", text))}


@functools.lru_cache(maxsize=65536)
def _word(word: str) -> str:
    """One word folded (cached: 50,000 reports repeat the same words)."""
    w = fold(word)
    return w[:-1] if len(w) > 3 and w[-1] in "sx" else w


@dataclass(frozen=True)
class SkillTerms:
    """What a text must hold to be about a skill (see the module docstring)."""

    words: frozenset[str]
    alias: frozenset[str]

    @classmethod
    def of(cls, name: str) -> SkillTerms:
        outside = _BRACKETS.sub(" ", name)
        significant = {w for w in words(outside) if len(w) >= 3 and w not in STOP_WORDS}
        alias = set()
        for inside in _BRACKETS.findall(name):
            alias |= {w for w in words(inside) if len(w) >= 2 and w not in STOP_WORDS}
        return cls(frozenset(significant or words(outside)), frozenset(alias))

    def mentioned_in(self, text: set[str]) -> bool:
        return bool(self.words and self.words <= text) or bool(self.alias and self.alias <= text)

    def touched_by(self, text: set[str]) -> bool:
        if self.mentioned_in(text):
            return True
        return bool(self.words) and 2 * len(self.words & text) >= len(self.words)


@dataclass
class Data:
    """Plain data the ranking needs (what :func:`collect` reads from a workspace)."""

    people: list[dict[str, Any]]  # id, name, site
    skills: list[dict[str, Any]]  # id, name, domain
    sheets: list[dict[str, Any]]  # id, title, activity, tags, holders, author, status
    reports: list[dict[str, Any]]  # id, title, asset, tags, author, status
    ratings: list[dict[str, Any]]  # as Workspace.ratings(): person, skill, level, flags
    today: dt.date = field(default_factory=dt.date.today)


def collect(items: Items, people: People, today: dt.date) -> Data:
    """Read people, skills, sheets (with holders), reports and current ratings."""
    sheets = []
    for row in items.list("howto"):
        item = items.get(row["id"])  # holders are not in list rows
        sheets.append(
            {
                "id": item["id"],
                "title": item["title"],
                "activity": item.get("activity") or "",
                "tags": item.get("tags") or [],
                "holders": item.get("holders") or [],
                "author": item.get("author"),
                "status": item.get("status"),
            }
        )
    return Data(
        people=[
            {"id": p["id"], "name": p["name"], "site": p.get("site")} for p in items.list("person")
        ],
        skills=[
            {"id": s["id"], "name": s["name"], "domain": s.get("domain")}
            for s in items.list("skill")
        ],
        sheets=sheets,
        reports=[
            {
                "id": r["id"],
                "title": r["title"],
                "asset": r.get("asset") or "",
                "tags": r.get("tags") or [],
                "author": r.get("author"),
                "status": r.get("status"),
            }
            for r in items.list("rex")
        ],
        ratings=people.ratings(),
        today=today,
    )


# -- ranking ------------------------------------------------------------------------


def _where(person: Mapping[str, Any]) -> str | Message:
    """A person and their site ("Marie Dupont (Usine de Lyon)"), or only the name."""
    if person.get("site"):
        return msg("risk.person_at", name=person["name"], site=person["site"])
    return person["name"]


def sites_of(data: Data) -> list[str]:
    """Sites named on people, in folded alphabetical order."""
    return sorted({p["site"] for p in data.people if p.get("site")}, key=fold)


def rank(data: Data, *, site: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    """Risk lines, highest score first, each with ``rank`` and its reason as a message
    (``reason``; ``ws.analytics.risks`` words it in English and French).

    ``site`` keeps the lines of that site and the lines naming one of its people;
    a site no person belongs to is bad input.
    """
    if site is not None:
        known = sites_of(data)
        if fold(site) not in {fold(s) for s in known}:
            raise BadInput(
                f"no person is at site {site!r} (sites: {', '.join(known) or 'none yet'})"
            )
    people = {p["id"]: p for p in data.people}
    skill_ids = {s["id"] for s in data.skills}
    by_skill: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in data.ratings:
        if r["person"] in people and r["skill"] in skill_ids:
            by_skill[r["skill"]].append(r)

    live_sheets = [s for s in data.sheets if s.get("status") != "obsolete"]
    live_reports = [r for r in data.reports if r.get("status") != "obsolete"]
    sheet_words = {
        s["id"]: words(" ".join([s["title"], s.get("activity") or "", *s.get("tags", [])]))
        for s in live_sheets
    }
    # What each person wrote down or holds, tokenised only for experts (the only ones asked).
    experts = {r["person"] for r in data.ratings if r["level"] >= EXPERT and not r["expired"]}
    own_texts: dict[str, list[set[str]]] = defaultdict(list)
    for s in live_sheets:
        for pid in {s.get("author"), *s.get("holders", [])} & experts:
            own_texts[pid].append(sheet_words[s["id"]])
    for r in live_reports:
        if r.get("author") in experts:
            body = " ".join([r["title"], r.get("asset") or "", *r.get("tags", [])])
            own_texts[r["author"]].append(words(body))

    lines: list[dict[str, Any]] = []
    for skill in data.skills:
        lines.extend(
            _skill_lines(
                skill,
                by_skill[skill["id"]],
                people,
                live_sheets,
                sheet_words,
                own_texts,
                data.today,
            )
        )

    if site is not None:
        wanted = fold(site)
        lines = [
            line
            for line in lines
            if fold(line["site"] or "") == wanted
            or any(fold(p.get("site") or "") == wanted for p in line["people"])
        ]
    lines.sort(
        key=lambda line: (
            -line["score"],
            KIND_ORDER.index(line["kind"]),
            line["site"] is not None,
            fold(line["skill_name"]),
            fold(line["site"] or ""),
            [fold(p["name"]) for p in line["people"]],
        )
    )
    if limit is not None:
        lines = lines[:limit]
    return [{"rank": n, **line} for n, line in enumerate(lines, 1)]


def _person(p: Mapping[str, Any], level: int | None = None) -> dict[str, Any]:
    out = {"id": p["id"], "name": p["name"], "site": p.get("site")}
    if level is not None:
        out["level"] = level
    return out


def _skill_lines(
    skill: Mapping[str, Any],
    ratings: list[dict[str, Any]],
    people: Mapping[str, Mapping[str, Any]],
    sheets: list[dict[str, Any]],
    sheet_words: Mapping[str, set[str]],
    own_texts: Mapping[str, list[set[str]]],
    today: dt.date,
) -> Iterable[dict[str, Any]]:
    name = skill["name"]
    terms = SkillTerms.of(name)
    holding = sorted(
        (r for r in ratings if r["level"] >= AUTONOMOUS and not r["expired"]),
        key=lambda r: (-r["level"], fold(people[r["person"]]["name"])),
    )
    holder_ids = {r["person"] for r in holding}
    holders = [_person(people[r["person"]], r["level"]) for r in holding]
    learners = sorted(
        (people[r["person"]] for r in ratings if 1 <= r["level"] < AUTONOMOUS),
        key=lambda p: fold(p["name"]),
    )
    lapsed = [r for r in ratings if r["level"] >= AUTONOMOUS and r["expired"]]
    expiring = [r for r in holding if r["expiring"]]
    covering = [
        s
        for s in sheets
        if terms.mentioned_in(sheet_words[s["id"]])
        or (holder_ids & set(s.get("holders", [])) and terms.touched_by(sheet_words[s["id"]]))
    ]
    uncovered = not covering
    bonus = (
        UNCOVERED_BONUS * uncovered
        + FRAGILE_BONUS * (len(holders) <= 1)
        + EXPIRING_BONUS * bool(expiring)
        + min(len(learners), LEARNER_BONUS_MAX)
    )
    details: dict[str, Any] = {
        "domain": skill.get("domain"),
        "holders": len(holders),
        "learners": len(learners),
        "lapsed_holders": len(lapsed),
        "covered_by": [{"id": s["id"], "title": s["title"]} for s in covering],
    }
    no_sheet = msg("risk.no_sheet") if uncovered else None
    learning = msg("risk.learning", n=len(learners)) if learners else None
    lapsed_clause = msg("risk.lapsed", n=len(lapsed)) if lapsed else None

    def line(
        kind: str,
        site: str | None,
        who: list[dict[str, Any]],
        head: Message,
        clauses: Sequence[Message | None],
        action: Message,
        **more: Any,
    ):
        if site is None:
            score = BASE[(kind, False)] + bonus
        else:  # the lines across sites already carry the skill-wide bonuses
            here = sum(1 for p in learners if p.get("site") == site)
            score = BASE[(kind, True)] + min(here, LEARNER_BONUS_MAX)
        parts = [head, *(c for c in clauses if c is not None)]
        return {
            "kind": kind,
            "skill": skill["id"],
            "skill_name": name,
            "site": site,
            "people": who,
            "score": score,
            "reason": msg("risk.reason", parts=parts, action=action),
            "details": {**details, **more},
        }

    if not holders:
        yield line(
            "no_holder",
            None,
            [],
            msg("risk.no_holder", skill=name),
            [learning, lapsed_clause, no_sheet],
            msg("risk.action.no_holder"),
        )
    elif len(holders) == 1:
        h = holders[0]
        yield line(
            "single_holder",
            None,
            holders,
            msg("risk.single_holder", holder=_where(h), skill=name, level=h["level"]),
            [learning, no_sheet],
            msg("risk.action.single_holder", name=h["name"]),
        )
    else:
        # Per site: only worth a line when the skill is held in two places or more.
        rated_sites = sorted(
            {people[r["person"]]["site"] for r in ratings if people[r["person"]].get("site")},
            key=fold,
        )
        for place in rated_sites:
            here = [h for h in holders if h.get("site") == place]
            # a holder without a site sorts where "no site" does, as it always has
            elsewhere = sorted(
                {h["site"] or None for h in holders if h not in here}, key=_site_order
            )
            if not here:
                rated_here = sum(1 for r in ratings if people[r["person"]].get("site") == place)
                yield line(
                    "no_holder",
                    place,
                    [],
                    msg("risk.no_holder_at_site", site=place, skill=name, rated=rated_here),
                    [
                        msg(
                            "risk.held_elsewhere",
                            sites=[s or msg("risk.no_site") for s in elsewhere],
                        ),
                        no_sheet,
                    ],
                    msg("risk.action.no_holder_at_site"),
                    site_holders=0,
                )
            elif len(here) == 1:
                yield line(
                    "single_holder",
                    place,
                    here,
                    msg(
                        "risk.single_holder_at_site",
                        holder=here[0]["name"],
                        skill=name,
                        site=place,
                    ),
                    [msg("risk.others_elsewhere", n=len(holders) - 1), no_sheet],
                    msg("risk.action.single_holder_at_site", site=place),
                    site_holders=1,
                )

    for r in expiring:
        p = people[r["person"]]
        end = dt.date.fromisoformat(r["valid_until"])
        left = (end - today).days
        yield line(
            "expiring",
            None,
            [_person(p, r["level"])],
            msg(
                "risk.expiring",
                level=r["level"],
                holder=_where(p),
                skill=name,
                date=end.isoformat(),
                days=left,
                left=len(holders) - 1,
            ),
            [no_sheet],
            msg("risk.action.expiring"),
            valid_until=end.isoformat(),
            days_left=left,
        )

    for r in holding:
        if r["level"] < EXPERT:
            continue
        pid = r["person"]
        if any(terms.touched_by(text) for text in own_texts.get(pid, ())):
            continue
        p = people[pid]
        yield line(
            "unwritten_expert",
            None,
            [_person(p, r["level"])],
            msg(
                "risk.unwritten_only_expert" if len(holders) == 1 else "risk.unwritten_expert",
                holder=_where(p),
                skill=name,
            ),
            [no_sheet],
            msg("risk.action.unwritten_expert", name=p["name"]),
        )

    if uncovered:
        yield line(
            "uncovered_skill",
            None,
            holders,
            msg("risk.uncovered_skill", skill=name),
            [
                msg("risk.autonomous_on_it", n=len(holders), names=[h["name"] for h in holders])
                if holders
                else msg("risk.nobody_autonomous_on_it"),
                learning,
            ],
            msg("risk.action.write_with", name=holders[0]["name"])
            if holders
            else msg("risk.action.find_writer"),
        )


def _site_order(site: str | None) -> str:
    return fold(site or "no site")
