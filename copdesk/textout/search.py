"""Search results, who knows a topic, the glossary and the index."""

from __future__ import annotations

import html
from typing import Any

from copdesk import messages
from copdesk.textout.terminal import lines


def _marked(snippet: str, color: bool) -> str:
    """A search snippet (escaped HTML with <mark>) as terminal text."""
    on, off = ("\033[1m", "\033[0m") if color else ("«", "»")
    return html.unescape(snippet.replace("<mark>", on).replace("</mark>", off))


def results(r: dict[str, Any], color: bool = False) -> str:
    out = [f"note: {w}" for w in r.get("warnings") or []]
    if r.get("suggestion"):
        out.append(f"did you mean: {r['suggestion']}")
    if not r["hits"]:
        out.append("no results")
        return lines(out)
    relaxed = " (no item has every word; showing items with some)" if r.get("relaxed") else ""
    more = f", {r['partial']} more with some of the words" if r.get("partial") else ""
    about = "" if r.get("total_exact", True) else "about "
    out.append(f"{about}{r['total']} result(s){more} in {r['took_ms']} ms{relaxed}")
    for n, h in enumerate(r["hits"], 1):
        where = " · ".join(x for x in (h.get("community"), h.get("site")) if x)
        some = "  [some words]" if h.get("partial") else ""
        some += "  [archived]" if h.get("archived") else ""
        out.append(f"\n{n:>2}. [{h['kind']}] {h['title']}  ({h['id'][:8]}){some}")
        out.append(f"    {where + ' · ' if where else ''}{(h['updated_at'] or '')[:10]}")
        if h.get("file"):
            found = h["file"]
            out.append(f"    in {found['name']}, {messages.place(found.get('place'))}")
        if h.get("snippet"):
            out.append(f"    {_marked(h['snippet'], color)}")
    facets = [
        f"{name}: " + ", ".join(f"{k} {v}" for k, v in list(values.items())[:6])
        for name, values in r["facets"].items()
        if values
    ]
    if facets:
        out.append("\n" + "\n".join(facets))
    return lines(out)


def similar(r: dict[str, Any]) -> str:
    if not r["hits"]:
        return "nothing similar\n"
    out = []
    for n, h in enumerate(r["hits"], 1):
        where = " · ".join(x for x in (h.get("community"), h.get("site")) if x)
        out.append(f"{n:>2}. [{h['kind']}] {h['title']}  ({h['id'][:8]})")
        if where:
            out.append(f"    {where}")
        if h.get("snippet"):
            out.append(f"    {_marked(h['snippet'], False)}")
    return lines(out)


def experts(r: dict[str, Any]) -> str:
    out = []
    if r.get("suggestion"):
        out.append(f"did you mean: {r['suggestion']}")
    if not r["people"]:
        out.append("nobody found for this topic")
    for n, p in enumerate(r["people"], 1):
        job = ", ".join(x for x in (p.get("job_title"), p.get("site")) if x)
        out.append(f"{n:>2}. {p['name']} ({job})  score {p['score']}")
        out += [f"      - {why}" for why in p["reasons"]]
    return lines(out)


def reindexed(done: dict[str, Any]) -> str:
    """`reindex` (every item) or `reindex --catch-up` (what changed: ``lag`` is left)."""
    if "lag" not in done:
        return f"indexed {done['documents']} items in {done['seconds']} s\n"
    if done["busy"]:
        return "another copdesk is catching the search index up; it goes on until done\n"
    left = f"; {done['lag']} changed items still to index" if done["lag"] else ""
    return f"caught up: {done['documents']} items indexed in {done['seconds']} s{left}\n"


def glossary(data: list[Any], action: str) -> str:
    """`glossary add` (the new group), `remove` (per term, what went) or `list`."""
    if action == "add":
        return " = ".join(data) + "\n"
    if action == "remove":
        return lines("removed " + ", ".join(removed) for removed in data)
    if not data:
        return 'the glossary is empty: copdesk glossary add TRS "taux de rendement" OEE\n'
    return lines(" = ".join(group) for group in data)
