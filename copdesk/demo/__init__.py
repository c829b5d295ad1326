"""Built-in demo content: three plants, four communities, real-sounding knowledge.

Every demo item has a fixed id derived from its key, and its revisions carry
the dates in the content (so dashboards show months of activity). Content that
hangs off an item (edits, ratings, comments, links) is added only together
with that item, so loading twice adds nothing and never touches user changes.
"""

from __future__ import annotations

import json
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

from copdesk.core import Core
from copdesk.items import Items
from copdesk.people import People
from copdesk.questions import PROMOTE_FIELD, QA
from copdesk.store import items as q
from copdesk.store.relations import relation_id

DEMO_NAMESPACE = uuid.UUID("0b7d6c1e-52f4-4c8e-8f5a-6a3e2d1c9b70")


def content() -> dict[str, Any]:
    text = resources.files("copdesk.demo").joinpath("demo_content.json").read_text("utf-8")
    return json.loads(text)


def demo_id(section: str, key: str) -> str:
    return str(uuid.uuid5(DEMO_NAMESPACE, f"{section}:{key}"))


class _Loader:
    def __init__(self, core: Core, items: Items, people: People, qa: QA) -> None:
        self.core = core
        self.items = items
        self.people = people
        self.qa = qa
        self.counts: Counter[str] = Counter()
        self.created: set[str] = set()
        self.minute = 0

    @contextmanager
    def at(self, date: str | None, author: str | None) -> Iterator[None]:
        """Write as ``author`` on ``date`` (minutes advance so order is kept)."""
        self.minute = (self.minute + 7) % (9 * 60)
        stamp = f"{date}T{8 + self.minute // 60:02d}:{self.minute % 60:02d}:00.000Z"
        with self.core.backdated(stamp if date else self.core.now()), self.core.acting_as(author):
            yield

    def exists(self, item_id: str) -> bool:
        return q.row_dict(self.core.conn, item_id) is not None

    def add(self, kind: str, key: str, data: dict[str, Any], date: str | None, author: str | None):
        item_id = demo_id(kind, key)
        if self.exists(item_id):
            return None
        with self.at(date, author):
            self.items.add(kind, data, item_id=item_id)
        self.created.add(item_id)
        self.counts[kind] += 1
        return item_id


def load(core: Core, items: Items, people: People, qa: QA) -> dict[str, int]:
    with core.batch():  # one index update at the end, not one per demo change
        return _load(_Loader(core, items, people, qa))


def _load(loader: _Loader) -> dict[str, int]:
    data = content()
    core, items, people = loader.core, loader.items, loader.people
    person = {p["key"]: demo_id("person", p["key"]) for p in data["people"]}
    community = {c["key"]: demo_id("community", c["key"]) for c in data["communities"]}
    skill = {s["key"]: demo_id("skill", s["key"]) for s in data["skills"]}
    knowledge = {
        **{r["key"]: demo_id("rex", r["key"]) for r in data["rex"]},
        **{h["key"]: demo_id("howto", h["key"]) for h in data["howto"]},
    }
    first_day = min(c["created"] for c in data["communities"])

    for p in data["people"]:
        fields = {k: v for k, v in p.items() if k != "key"}
        loader.add("person", p["key"], fields, first_day, None)

    for c in data["communities"]:
        changes = sorted(c.get("stage_changes") or [], key=lambda s: s["date"])
        fields = {
            k: v for k, v in c.items() if k not in ("key", "author", "created", "stage_changes")
        }
        if changes:
            fields["stage"] = changes[0]["stage"]
        author = person[c["author"]]
        cid = loader.add("community", c["key"], fields, min(c["created"], first_day), author)
        if cid:
            for change in changes[1:]:
                with loader.at(change["date"], author):
                    items.edit(cid, {"stage": change["stage"]})
            if items.get(cid)["stage"] != c["stage"]:
                with loader.at(c["created"], author):
                    items.edit(cid, {"stage": c["stage"]})

    for m in data["memberships"]:
        mid = relation_id("membership", person[m["person"]], community[m["community"]])
        if not loader.exists(mid):
            with loader.at(m["since"], None):
                people.member(
                    community[m["community"]], person[m["person"]], m["role"], since=m["since"]
                )
            loader.counts["membership"] += 1

    for s in data["skills"]:
        loader.add("skill", s["key"], {k: v for k, v in s.items() if k != "key"}, first_day, None)

    fresh_ratings: dict[str, bool] = {}
    for r in sorted(data["ratings"], key=lambda r: r["assessed_on"]):
        rid = relation_id("rating", person[r["person"]], skill[r["skill"]])
        if rid not in fresh_ratings:
            fresh_ratings[rid] = not loader.exists(rid)
        if not fresh_ratings[rid]:
            continue
        with loader.at(r["assessed_on"], person.get(r.get("assessor") or "")):
            people.rate(
                person[r["person"]],
                skill[r["skill"]],
                r["level"],
                interest=r.get("interest") or "none",
                evidence=r.get("evidence") or None,
                valid_until=r.get("valid_until"),
                assessed_on=r["assessed_on"],
            )
        loader.counts["rating"] += 1

    for kind in ("rex", "howto"):
        for entry in data[kind]:
            fields = {k: v for k, v in entry.items() if k not in ("key", "author", "created")}
            if fields.get("community"):
                fields["community"] = community[fields["community"]]
            if kind == "howto":
                fields["holders"] = [person[h] for h in fields.get("holders") or []]
            loader.add(kind, entry["key"], fields, entry["created"], person[entry["author"]])

    fresh = loader.created
    for e in sorted(data["edits"], key=lambda e: e["date"]):
        if knowledge[e["target"]] in fresh:
            with loader.at(e["date"], person[e["author"]]):
                items.edit(knowledge[e["target"]], e["changes"])
            loader.counts["edit"] += 1
    for link in data["links"]:
        if knowledge[link["source"]] in fresh:
            with loader.at(None, None):
                items.link(knowledge[link["source"]], knowledge[link["target"]], link["type"])
            loader.counts["link"] += 1
    for c in sorted(data["comments"], key=lambda c: c["date"]):
        if knowledge[c["target"]] in fresh:
            with loader.at(c["date"], person[c["author"]]):
                items.comment(knowledge[c["target"]], c["body"])
            loader.counts["comment"] += 1

    targets = dict(knowledge)
    for question in sorted(data.get("questions") or [], key=lambda x: x["created"]):
        targets.update(_question(loader, question, person, community))
    sites = {p["key"]: p.get("site") for p in data["people"]}
    for m in data.get("marks") or []:
        who, target = person[m["person"]], targets[m["target"]]
        mid = relation_id("mark", m["type"], who, target)
        if not loader.exists(mid):
            mark = {
                "target": target,
                "type": m["type"],
                "person": who,
                "site": m.get("site") or sites[m["person"]],  # where it was recorded
                "on": m["date"],
                "note": m.get("note"),
            }
            with loader.at(m["date"], who):
                core.upsert_relation(mid, "mark", mark)
            loader.counts["mark"] += 1

    if core.current_person is None and data["memberships"]:
        animator = next(m for m in data["memberships"] if m["role"] == "animator")
        core.use(person[animator["person"]])
    return dict(loader.counts)


def _question(
    loader: _Loader, entry: dict[str, Any], person: dict[str, str], community: dict[str, str]
) -> dict[str, str]:
    """A question with its answers (fixed ids), the accepted one, and an answer turned
    into a know-how sheet; returns the ids of its answers and sheets by key."""
    ids = {a["key"]: demo_id("answer", a["key"]) for a in entry["answers"]}
    ids.update(
        {
            a["promote"]["key"]: demo_id(a["promote"]["kind"], a["promote"]["key"])
            for a in entry["answers"]
            if a.get("promote")
        }
    )
    fields = {k: entry[k] for k in ("title", "body", "tags") if entry.get(k)}
    if entry.get("community"):
        fields["community"] = community[entry["community"]]
    asker = person[entry["author"]]
    qid = loader.add("question", entry["key"], fields, entry["created"], asker)
    if qid is None:
        return ids
    for a in entry["answers"]:
        with loader.at(a["date"], person[a["author"]]):
            loader.qa.answer(qid, a["body"], item_id=ids[a["key"]])
        loader.counts["answer"] += 1
        if a.get("accepted"):
            with loader.at(a["date"], asker):
                loader.qa.accept(qid, ids[a["key"]])
        promote = a.get("promote")
        if promote:  # as QA.promote does, with a fixed id and a status
            sheet = {
                "title": promote["title"],
                PROMOTE_FIELD[promote["kind"]]: a["body"],
                "tags": entry.get("tags") or [],
                "status": promote.get("status") or "draft",
            }
            if fields.get("community"):
                sheet["community"] = fields["community"]
            sid = loader.add(promote["kind"], promote["key"], sheet, a["date"], asker)
            if sid:
                with loader.at(a["date"], asker):
                    loader.items.link(sid, qid, "related")
    return ids
