"""Latent networks: who already works with whom, who bridges sites and communities,
who is alone, who should meet whom, and which groups no community covers yet.

A CoP starts best from the people who already work together (DOMAIN.md), so the view
separates two sorts of ties between people:

**Work ties** (people actually did something together), weight per occurrence:
co-writing an item (both wrote revisions of the same report, sheet or question) 3;
a comment on someone's item 2 (commenter ↔ the item's author); an answer to
someone's question 2 (answerer ↔ asker); a "helped" / "applied" mark made at
another site than the author's 2 (cross-site reuse, marker ↔ author).

**Affinity ties** (people could talk), low weight: each skill both are rated L (2)
or more on 0.5; each community both belong to 0.5.

Every edge lists both sorts with counts and names, but the structural measures use
the **work ties only**: a shared skill or membership says nothing about who talks to
whom, and it would tie whole communities into cliques. So on the work graph:
betweenness (hop counts, :func:`copdesk.analytics.graph.betweenness`; evenly spaced
pivots above ``BETWEENNESS_BUDGET`` edge visits), articulation points, components,
and clusters (Louvain, weighted by the work weights).

Rules of the findings:

- **Bridges**: people whose betweenness is above 0 and at least the average of the
  people who have a work tie (in a dense group everyone is a little "between"), and
  whose work ties reach 2 sites or more (their own and their partners'), or 2
  communities or more (their memberships and the communities of the items behind their
  ties), or 2 clusters or more; ranked by betweenness, then number of ties. An
  articulation point says how its group splits without them.
- **Isolated people**: no work tie at all (memberships and skills are shown as context).
- **Isolated sites**: when people sit at 2 sites or more, a site with no work tie
  to a person at another site.
- **Suggestions** (who should meet whom, for a topic): two people at different sites
  with no work tie who hold the same skill at L (2) or more, or both wrote items with
  the same tag. Per topic the 20 strongest holders are paired. A pair scores the sum
  over its shared topics: a skill counts the mean of the two levels, +1 when one can
  teach (U or O, or wants to teach) and the other wants to learn or is at L; a tag
  counts the smaller of the two item counts, at most 3. Best first, at most 3 per
  person and ``SUGGESTIONS`` in all.
- **Candidate communities**: a cluster of 3 people or more whose theme (its 3 most
  shared tags and skills, each shared by 2 members or more; tags of items they wrote,
  skills at L or more) names no existing community: no theme term appears, case,
  accents and a final s/x ignored, as words in a community's name or charter, nor
  among the 5 most used tags of its items.

Every explanation (``why``) is a message (codes and facts, no words); the API words
it in English and French (``why``, ``why_fr``) from :mod:`copdesk.messages.network`.

The facts are those ``ws.items.history`` (revision authors), ``ws.items.get``
(comments, answers, marks), ``ws.items.list``, ``ws.people.ratings`` and ``members`` give,
read with one query per kind instead of one call per item, so 50,000 items take one
pass (the tests check both readings agree).
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import combinations
from typing import TYPE_CHECKING, Any

from copdesk.analytics import graph as gr
from copdesk.model.kinds import INTERESTS, KINDS
from copdesk.model.message import Message, msg
from copdesk.model.text import fold

if TYPE_CHECKING:
    import sqlite3

    from copdesk.items import Items
    from copdesk.people import People

WORK_WEIGHTS = {"coauthor": 3.0, "comment": 2.0, "answer": 2.0, "reuse": 2.0}
AFFINITY_WEIGHTS = {"skill": 0.5, "community": 0.5}
SKILL_LEVEL = 2  # L: can do with supervision; shared skills count from here
BETWEENNESS_BUDGET = 4_000_000  # edge visits; above, evenly spaced pivots
TOPIC_HOLDERS = 20  # strongest holders paired per topic
SUGGESTIONS = 30
PER_PERSON = 3
CANDIDATE_MIN = 3
THEME_TERMS = 3
COMMUNITY_TAGS = 5
KNOWLEDGE = tuple(k for k in ("rex", "howto", "question") if k in KINDS)
_WORDS = re.compile(r"[^0-9a-z]+")


# -- facts -------------------------------------------------------------------------


@dataclass
class Facts:
    """What the network is built from, as plain data (tests can build it by hand)."""

    people: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> name, site
    communities: dict[str, dict[str, Any]] = field(default_factory=dict)  # name, charter, members
    skills: dict[str, str] = field(default_factory=dict)  # id -> name
    ratings: list[dict[str, Any]] = field(default_factory=list)  # person, skill, level, interest
    items: dict[str, dict[str, Any]] = field(default_factory=dict)  # author, community, tags
    authors: dict[str, set[str]] = field(default_factory=dict)  # item -> revision authors
    comments: list[tuple[str, str]] = field(default_factory=list)  # (commenter, item)
    answers: list[tuple[str, str]] = field(default_factory=list)  # (answerer, question)
    marks: list[tuple[str, str, str]] = field(default_factory=list)  # (person, target, site)
    target_authors: dict[str, str] = field(default_factory=dict)  # answer id -> author


def collect(conn: sqlite3.Connection, items: Items, people: People) -> Facts:
    """Read the facts of a workspace in a few queries (see the module docstring)."""
    facts = Facts()
    for p in items.list("person"):
        facts.people[p["id"]] = {"name": p["name"], "site": (p.get("site") or "").strip()}
    for c in items.list("community"):
        full = items.get(c["id"])
        facts.communities[c["id"]] = {
            "name": c["name"],
            "charter": full.get("charter") or "",
            "members": {m["person"]: m["role"] for m in full.get("members", [])},
        }
    facts.skills = {s["id"]: s["name"] for s in items.list("skill")}
    facts.ratings = [
        {"person": r["person"], "skill": r["skill"], "level": r["level"], "interest": r["interest"]}
        for r in people.ratings()
        if not r["expired"]
    ]
    marks = ",".join("?" * len(KNOWLEDGE))
    for item_id, kind, author, community, tags in conn.execute(
        f"SELECT id, kind, created_by, community, tags FROM items"
        f" WHERE kind IN ({marks}) AND deleted = 0",
        KNOWLEDGE,
    ):
        facts.items[item_id] = {
            "kind": kind,
            "author": author,
            "community": community,
            "tags": json.loads(tags),
        }
    # Revision authors, as history(id) gives them (private versions set aside included).
    for item_id, author in conn.execute(
        f"SELECT r.item_id, r.author FROM revisions r JOIN items i ON i.id = r.item_id"
        f" WHERE i.kind IN ({marks}) AND i.deleted = 0 AND r.author IS NOT NULL"
        f" UNION SELECT d.item_id, json_extract(d.body, '$.author') FROM drafts d"
        f" JOIN items i ON i.id = d.item_id WHERE i.kind IN ({marks}) AND i.deleted = 0",
        KNOWLEDGE + KNOWLEDGE,
    ):
        if author:
            facts.authors.setdefault(item_id, set()).add(author)

    def relations(kind: str) -> list[tuple[str, str, str]]:
        if kind not in KINDS:
            return []
        return conn.execute(
            "SELECT created_by, json_extract(data, '$.target'), data FROM items"
            " WHERE kind = ? AND deleted = 0 AND created_by IS NOT NULL",
            (kind,),
        ).fetchall()

    facts.comments = [(who, target) for who, target, _ in relations("comment")]
    answers = relations("answer")
    facts.answers = [(who, target) for who, target, _ in answers]
    if "answer" in KINDS:  # marks may be on answers
        facts.target_authors = dict(
            conn.execute(
                "SELECT id, created_by FROM items WHERE kind = 'answer' AND deleted = 0"
                " AND created_by IS NOT NULL"
            ).fetchall()
        )
    for who, target, data in relations("mark"):
        body = json.loads(data)
        facts.marks.append((body.get("person") or who, target, (body.get("site") or "").strip()))
    return facts


# -- building --------------------------------------------------------------------------


@dataclass
class _Tie:
    counts: Counter[str] = field(default_factory=Counter)
    items: set[str] = field(default_factory=set)
    skills: set[str] = field(default_factory=set)
    communities: set[str] = field(default_factory=set)

    @property
    def work(self) -> float:
        return sum(WORK_WEIGHTS[k] * self.counts[k] for k in WORK_WEIGHTS)

    @property
    def weight(self) -> float:
        return self.work + sum(AFFINITY_WEIGHTS[k] * self.counts[k] for k in AFFINITY_WEIGHTS)


@lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    return fold(text)


@lru_cache(maxsize=65536)
def _key(term: str) -> str:
    """A term's comparable form: folded words, a final s or x dropped (plurals)."""
    words = [w[:-1] if len(w) > 3 and w[-1] in "sx" else w for w in _WORDS.split(_fold(term))]
    return " ".join(w for w in words if w)


def _site_key(site: str) -> str:
    return _fold(site) if site else ""


def network(facts: Facts, community: str | None = None) -> dict[str, Any]:
    """The latent network of the workspace (or of one community's people, by id)."""
    scope = _community_people(facts, community) if community else None
    return analyse(facts, scope)


def _community_people(facts: Facts, cid: str) -> set[str]:
    """Members of the community and everyone who wrote, commented, answered or marked there."""
    people = set(facts.communities.get(cid, {}).get("members", {}))
    mine = {i for i, it in facts.items.items() if it["community"] == cid}
    for i in mine:
        people |= facts.authors.get(i, set())
        if facts.items[i]["author"]:
            people.add(facts.items[i]["author"])
    people |= {who for who, target in facts.comments + facts.answers if target in mine}
    people |= {who for who, target, _ in facts.marks if target in mine}
    return people


def analyse(facts: Facts, scope: set[str] | None = None) -> dict[str, Any]:
    """Graph, measures and findings from plain facts (``scope``: only these people)."""
    people = {p: v for p, v in facts.people.items() if scope is None or p in scope}
    ties: dict[tuple[str, str], _Tie] = defaultdict(_Tie)

    def tie(a: str | None, b: str | None) -> _Tie | None:
        if not a or not b or a == b or a not in people or b not in people:
            return None
        return ties[(a, b) if a < b else (b, a)]

    # work ties
    for item_id, writers in facts.authors.items():
        for a, b in combinations(sorted(writers), 2):
            if t := tie(a, b):
                t.counts["coauthor"] += 1
                t.items.add(item_id)
    for who, target in facts.comments:
        item = facts.items.get(target)
        if item and (t := tie(who, item["author"])):
            t.counts["comment"] += 1
            t.items.add(target)
    for who, target in facts.answers:
        item = facts.items.get(target)
        if item and (t := tie(who, item["author"])):
            t.counts["answer"] += 1
            t.items.add(target)
    for who, target, site in facts.marks:
        author = facts.items[target]["author"] if target in facts.items else None
        author = author or facts.target_authors.get(target)
        if not author or author not in people:
            continue
        author_site = people[author]["site"]
        if not (site and author_site and _site_key(site) != _site_key(author_site)):
            continue  # same site: not a reuse across sites
        if t := tie(who, author):
            t.counts["reuse"] += 1
            if target in facts.items:
                t.items.add(target)

    # affinity ties
    holders: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)  # skill -> person -> rating
    for r in facts.ratings:
        if r["person"] in people and r["skill"] in facts.skills and r["level"] >= SKILL_LEVEL:
            holders[r["skill"]][r["person"]] = r
    for skill, by_person in holders.items():
        for a, b in combinations(sorted(by_person), 2):
            if t := tie(a, b):
                t.counts["skill"] += 1
                t.skills.add(skill)
    memberships: dict[str, dict[str, str]] = defaultdict(dict)  # person -> community -> role
    for cid, c in facts.communities.items():
        members = sorted(p for p in c["members"] if p in people)
        for p in members:
            memberships[p][cid] = c["members"][p]
        for a, b in combinations(members, 2):
            if t := tie(a, b):
                t.counts["community"] += 1
                t.communities.add(cid)

    work = gr.Graph(people)
    for (a, b), t in ties.items():
        if t.work > 0:
            work.add_edge(a, b, t.work)
    m = work.edge_count()
    sources = None
    if m and len(work) * 2 * m > BETWEENNESS_BUDGET:
        sources = max(32, BETWEENNESS_BUDGET // (2 * m))
    between = gr.betweenness(work, max_sources=sources)
    cut = gr.articulation_points(work)
    groups = gr.clusters(work)
    cluster_of = {p: i for i, g in enumerate(groups) for p in g}
    comps = gr.components(work)

    ctx = _Context(facts, people, ties, work, memberships, holders, cluster_of)
    nodes = [
        {
            "id": p,
            "name": people[p]["name"],
            "site": people[p]["site"] or None,
            "communities": [
                {"id": c, "name": facts.communities[c]["name"], "role": role}
                for c, role in sorted(memberships[p].items(), key=lambda cr: ctx.cname(cr[0]))
            ],
            "degree": work.degree(p),
            "betweenness": round(between[p], 6),
            "articulation": p in cut,
            "cluster": cluster_of[p],
        }
        for p in sorted(people, key=lambda p: (fold(people[p]["name"]), p))
    ]
    all_ties = Counter(x for pair in ties for x in pair)
    for n in nodes:
        n["ties"] = all_ties[n["id"]]  # work and affinity
    edges = [
        {
            "a": a,
            "b": b,
            "weight": t.weight,
            "work": t.work,
            "reasons": dict(sorted(t.counts.items())),
            **({"skills": ctx.snames(t.skills)} if t.skills else {}),
            **({"communities": ctx.cnames(t.communities)} if t.communities else {}),
            "why": ctx.describe(t),
        }
        for (a, b), t in sorted(ties.items())
    ]
    sites = sorted({people[p]["site"] for p in people if people[p]["site"]}, key=fold)
    return {
        "people": len(people),
        "sites": sites,
        "work_ties": m,
        "affinity_ties": len(ties) - m,
        "weights": {**WORK_WEIGHTS, **AFFINITY_WEIGHTS},
        "betweenness_pivots": sources or len(people),
        "components": [len(c) for c in comps if len(c) > 1],
        "clusters": [
            {"id": i, "people": g, "size": len(g)} for i, g in enumerate(groups) if len(g) > 1
        ],
        "nodes": nodes,
        "edges": edges,
        "bridges": _bridges(ctx, between, cut),
        "isolated_people": _isolated_people(ctx),
        "isolated_sites": _isolated_sites(ctx, sites),
        "suggestions": _suggestions(ctx),
        "candidate_communities": _candidates(ctx, groups),
    }


@dataclass
class _Context:
    facts: Facts
    people: dict[str, dict[str, Any]]
    ties: dict[tuple[str, str], _Tie]
    work: gr.Graph
    memberships: dict[str, dict[str, str]]
    holders: dict[str, dict[str, dict[str, Any]]]
    cluster_of: dict[str, int]

    def name(self, p: str) -> str:
        return self.people[p]["name"]

    def site(self, p: str) -> str:
        return self.people[p]["site"]

    def cname(self, c: str) -> str:
        return self.facts.communities[c]["name"]

    def cnames(self, ids: Iterable[str]) -> list[str]:
        return sorted((self.cname(c) for c in ids), key=_fold)

    def snames(self, ids: Iterable[str]) -> list[str]:
        return sorted((self.facts.skills[s] for s in ids), key=_fold)

    def tie(self, a: str, b: str) -> _Tie:
        return self.ties[(a, b) if a < b else (b, a)]

    def describe(self, t: _Tie) -> Message:
        parts = []
        c = t.counts
        if c["coauthor"]:
            parts.append(msg("network.tie.coauthor", n=c["coauthor"]))
        for kind in ("comment", "answer", "reuse"):
            if c[kind]:
                parts.append(msg(f"network.tie.{kind}", n=c[kind]))
        if t.skills:
            parts.append(msg("network.tie.skills", skills=self.snames(t.skills)))
        if t.communities:
            parts.append(msg("network.tie.communities", communities=self.cnames(t.communities)))
        return msg("network.tie", parts=parts)

    @cached_property
    def tags_of(self) -> dict[str, Counter[str]]:
        """Person -> folded tag -> items they wrote with it."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for item_id, item in self.facts.items.items():
            writers = set(self.facts.authors.get(item_id, ()))
            if item["author"]:
                writers.add(item["author"])
            keys = {_key(t) for t in item["tags"] if _key(t)}
            for w in writers & self.people.keys():
                out[w].update(keys)
        return out

    @cached_property
    def tag_labels(self) -> dict[str, str]:
        """Folded tag -> its most used spelling."""
        spelled: dict[str, Counter[str]] = defaultdict(Counter)
        for item in self.facts.items.values():
            for t in item["tags"]:
                if _key(t):
                    spelled[_key(t)][t] += 1
        return {
            k: sorted(c.items(), key=lambda tc: (-tc[1], tc[0]))[0][0] for k, c in spelled.items()
        }


# -- findings ------------------------------------------------------------------------


def _bridges(ctx: _Context, between: dict[str, float], cut: set[str]) -> list[dict[str, Any]]:
    tied = [between[p] for p in ctx.people if ctx.work.degree(p)]
    floor = sum(tied) / len(tied) if tied else 0.0  # in a dense group everyone is "between"
    out = []
    for p in ctx.people:
        if between[p] <= 0 or between[p] < floor - 1e-12:
            continue
        partners = ctx.work.neighbours(p)
        sites = Counter(ctx.site(q) for q in partners if ctx.site(q))
        if ctx.site(p):
            sites[ctx.site(p)] += 0
        communities = set(ctx.memberships[p])
        for q in partners:
            for i in ctx.tie(p, q).items:
                if ctx.facts.items[i]["community"] in ctx.facts.communities:
                    communities.add(ctx.facts.items[i]["community"])
        clusters = {ctx.cluster_of[p]} | {ctx.cluster_of[q] for q in partners}
        by_site = {_site_key(s) for s in sites}
        if len(by_site) < 2 and len(communities) < 2 and len(clusters) < 2:
            continue
        why = []
        if len(by_site) >= 2:
            at = [msg("network.site_count", site=s, n=sites[s]) for s in sorted(sites, key=fold)]
            why.append(msg("network.bridge.sites", n=len(sites), sites=at))
        if len(communities) >= 2:
            why.append(msg("network.bridge.communities", communities=ctx.cnames(communities)))
        if len(clusters) >= 2:
            why.append(msg("network.bridge.clusters", n=len(clusters)))
        splits = None
        if p in cut:
            rest = ctx.work.subgraph(_component(ctx.work, p) - {p})
            splits = [len(c) for c in gr.components(rest)]
            why.append(msg("network.bridge.splits", sizes=splits))
        out.append(
            {
                "person": p,
                "name": ctx.name(p),
                "site": ctx.site(p) or None,
                "betweenness": round(between[p], 6),
                "articulation": p in cut,
                "splits": splits,
                "ties": len(partners),
                "sites": sorted(sites, key=fold),
                "communities": [
                    {"id": c, "name": ctx.cname(c)}
                    for c in sorted(communities, key=lambda c: fold(ctx.cname(c)))
                ],
                "clusters": sorted(clusters),
                "why": why,
            }
        )
    return sorted(out, key=lambda b: (-b["betweenness"], -b["ties"], fold(b["name"]), b["person"]))


def _component(g: gr.Graph, start: str) -> set[str]:
    seen, stack = {start}, [start]
    while stack:
        for nb in g.neighbours(stack.pop()):
            if nb not in seen:
                seen.add(nb)
                stack.append(nb)
    return seen


def _isolated_people(ctx: _Context) -> list[dict[str, Any]]:
    skills = Counter(p for by_person in ctx.holders.values() for p in by_person)
    out = []
    for p in gr.isolated(ctx.work):
        communities = ctx.cnames(ctx.memberships[p])
        context = [
            msg("network.member_of", communities=communities)
            if communities
            else msg("network.in_no_community")
        ]
        if skills[p]:
            context.append(msg("network.rated_on", n=skills[p]))
        out.append(
            {
                "person": p,
                "name": ctx.name(p),
                "site": ctx.site(p) or None,
                "communities": communities,
                "skills": skills[p],
                "why": msg("network.isolated_person", context=context),
            }
        )
    return sorted(out, key=lambda i: (fold(i["name"]), i["person"]))


def _isolated_sites(ctx: _Context, sites: list[str]) -> list[dict[str, Any]]:
    keys: dict[str, str] = {}
    for s in sites:
        keys.setdefault(_site_key(s), s)
    if len(keys) < 2:
        return []
    people = Counter(_site_key(ctx.site(p)) for p in ctx.people if ctx.site(p))
    inside: Counter[str] = Counter()
    across: Counter[str] = Counter()
    for a, b, _ in ctx.work.edges():
        sa, sb = _site_key(ctx.site(a)), _site_key(ctx.site(b))
        if not sa or not sb:
            continue
        if sa == sb:
            inside[sa] += 1
        else:
            across[sa] += 1
            across[sb] += 1
    return [
        {
            "site": keys[k],
            "people": people[k],
            "internal_ties": inside[k],
            "why": msg("network.isolated_site", people=people[k], ties=inside[k]),
        }
        for k in sorted(keys)
        if not across[k]
    ]


def _suggestions(ctx: _Context) -> list[dict[str, Any]]:
    """Pairs at different sites sharing a skill or a tag, never tied by work."""
    topics: list[tuple[str, str, dict[str, float]]] = []  # (kind, id, person -> strength)
    for skill, by_person in ctx.holders.items():
        topics.append(("skill", skill, {p: r["level"] for p, r in by_person.items()}))
    tags = ctx.tags_of
    by_tag: dict[str, dict[str, float]] = defaultdict(dict)
    for p, counter in tags.items():
        for t, n in counter.items():
            by_tag[t][p] = n
    topics += [("tag", t, who) for t, who in by_tag.items() if len(who) > 1]
    labels = ctx.tag_labels
    pairs: dict[tuple[str, str], list[tuple[float, str, str]]] = defaultdict(list)
    for kind, topic, strength in topics:
        top = sorted(strength, key=lambda p: (-strength[p], p))[:TOPIC_HOLDERS]
        for a, b in combinations(sorted(top), 2):
            sa, sb = _site_key(ctx.site(a)), _site_key(ctx.site(b))
            if not sa or not sb or sa == sb or ctx.work.has_edge(a, b):
                continue
            if kind == "skill":
                ra, rb = ctx.holders[topic][a], ctx.holders[topic][b]
                score = (ra["level"] + rb["level"]) / 2 + (1 if _mentor(ra, rb) else 0)
            else:
                score = min(strength[a], strength[b], 3)
            pairs[(a, b)].append((score, kind, topic))
    ranked = sorted(
        pairs.items(),
        key=lambda kv: (-sum(s for s, _, _ in kv[1]), fold(ctx.name(kv[0][0])), kv[0]),
    )
    per_person: Counter[str] = Counter()
    out = []
    for (a, b), shared in ranked:
        if len(out) >= SUGGESTIONS:
            break
        if per_person[a] >= PER_PERSON or per_person[b] >= PER_PERSON:
            continue
        per_person[a] += 1
        per_person[b] += 1
        shared.sort(key=lambda s: (-s[0], s[1], s[2]))
        names = [ctx.facts.skills[t] if k == "skill" else labels.get(t, t) for _, k, t in shared]
        _, best_kind, best = shared[0]
        if best_kind == "skill":
            ra, rb = ctx.holders[best][a], ctx.holders[best][b]
            detail = msg(
                "network.both_hold",
                topic=names[0],
                a=ctx.name(a),
                a_level=_level(ra),
                b=ctx.name(b),
                b_level=_level(rb),
            )
        else:
            detail = msg("network.both_wrote", topic=names[0])
        parts = [detail]
        if len(names) > 1:
            parts.append(msg("network.also", topics=names[1:4]))
        out.append(
            {
                "a": a,
                "a_name": ctx.name(a),
                "a_site": ctx.site(a),
                "b": b,
                "b_name": ctx.name(b),
                "b_site": ctx.site(b),
                "topic": names[0],
                "topic_kind": best_kind,
                "topics": names,
                "score": round(sum(s for s, _, _ in shared), 2),
                "why": msg(
                    "network.suggestion", parts=parts, a_site=ctx.site(a), b_site=ctx.site(b)
                ),
            }
        )
    return out


def _mentor(ra: dict[str, Any], rb: dict[str, Any]) -> bool:
    def teaches(r: dict[str, Any]) -> bool:
        return r["level"] >= 3 or r["interest"] == "teach"

    def learns(r: dict[str, Any]) -> bool:
        return r["interest"] == "learn" or r["level"] == SKILL_LEVEL

    return (teaches(ra) and learns(rb)) or (teaches(rb) and learns(ra))


def _level(r: dict[str, Any]) -> Message:
    """ "level 4", "level 4, wants to teach"."""
    if not r["interest"]:
        return msg("network.level", level=r["level"])
    if r["interest"] in INTERESTS:
        wish = msg(f"network.wants.{r['interest']}")
    else:
        wish = msg("network.wants", interest=r["interest"])
    return msg("network.level_and_wish", level=r["level"], wish=wish)


def _candidates(ctx: _Context, groups: list[list[str]]) -> list[dict[str, Any]]:
    covered = _Coverage(ctx.facts)
    tags = ctx.tags_of
    labels = ctx.tag_labels
    out = []
    for index, group in enumerate(groups):
        if len(group) < CANDIDATE_MIN:
            continue
        terms: dict[tuple[str, str], dict[str, Any]] = {}
        for p in group:
            for t, n in tags.get(p, Counter()).items():
                e = terms.setdefault(("tag", t), {"people": 0, "uses": 0, "label": labels[t]})
                e["people"] += 1
                e["uses"] += n
        for skill, by_person in ctx.holders.items():
            holding = [p for p in group if p in by_person]
            if holding:
                label = ctx.facts.skills[skill]
                e = terms.setdefault(("skill", skill), {"people": 0, "uses": 0, "label": label})
                e["people"] += len(holding)
                e["uses"] += len(holding)
        shared = sorted(
            (v["people"], v["uses"], kind, v["label"])
            for (kind, _), v in terms.items()
            if v["people"] >= 2
        )
        shared.sort(key=lambda s: (-s[0], -s[1], fold(s[3])))
        theme = shared[:THEME_TERMS]
        if not theme:
            continue
        hits = {label: covered.get(_key(label)) for _, _, _, label in theme}
        if any(hits.values()):
            continue
        member_of = Counter(c for p in group for c in ctx.memberships[p])
        sites = sorted({ctx.site(p) for p in group if ctx.site(p)}, key=fold)
        out.append(
            {
                "cluster": index,
                "people": group,
                "names": [ctx.name(p) for p in group],
                "sites": sites,
                "theme": [label for _, _, _, label in theme],
                "terms": [
                    {"term": label, "kind": kind, "people": n} for n, _, kind, label in theme
                ],
                "communities": [
                    {"id": c, "name": ctx.cname(c), "members": k}
                    for c, k in sorted(member_of.items(), key=lambda ck: (-ck[1], ck[0]))
                ],
                "why": msg(
                    "network.candidate",
                    n=len(group),
                    theme=[label for _, _, _, label in theme],
                ),
            }
        )
    return out


class _Coverage:
    """Which terms an existing community already stands for (names, charters, usual tags)."""

    def __init__(self, facts: Facts) -> None:
        self.texts: list[tuple[str, str]] = []  # (community, " folded words ")
        self.tags: dict[str, set[str]] = defaultdict(set)  # term key -> communities
        usual: dict[str, Counter[str]] = defaultdict(Counter)
        for item in facts.items.values():
            if item["community"]:
                usual[item["community"]].update({_key(t) for t in item["tags"] if _key(t)})
        for cid, c in facts.communities.items():
            self.texts.append((cid, f" {_key(c['name'] + ' ' + c['charter'])} "))
            top = sorted(usual[cid].items(), key=lambda tn: (-tn[1], tn[0]))[:COMMUNITY_TAGS]
            for t, _ in top:
                self.tags[t].add(cid)

    def get(self, term: str) -> list[str]:
        """Communities covering the (already keyed) term."""
        if not term:
            return []
        found = set(self.tags.get(term, ()))
        found |= {cid for cid, text in self.texts if f" {term} " in text}
        return sorted(found)
