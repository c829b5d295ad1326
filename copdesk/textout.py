"""Readable terminal output of the CLI (``--json`` gives the stable form)."""

from __future__ import annotations

import builtins
import re
import shutil
from collections.abc import Callable
from typing import Any

from copdesk.model.kinds import KINDS, LEVELS, MARKDOWN

# Columns shown by `list` after id and title, per kind.
LIST_COLUMNS = {
    "community": ("form", "stage", "status"),
    "person": ("site", "job_title"),
    "skill": ("domain",),
    "rex": ("priority", "status", "site"),
    "howto": ("status", "required_level"),
}


_HIDDEN = re.compile("[\x00\u202a-\u202e\u2066-\u2069]")


def out(*parts: object, **kw: Any) -> None:
    """print(), with NUL and bidirectional controls shown as <U+202E>: text stored
    before they were refused must not reverse or cut what follows it on the line."""
    builtins.print(
        *(_HIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", str(p)) for p in parts), **kw
    )


def _cut(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def listing(kind: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        out(f"no {KINDS[kind].en.lower()} items")
        return
    extra = LIST_COLUMNS[kind]
    width = shutil.get_terminal_size((120, 20)).columns
    title_key = "name" if "name" in rows[0] else "title"
    widths = {c: max(len(c), *(len(str(r.get(c) or "")) for r in rows[:500])) for c in extra}
    widths = {c: min(w, 24) for c, w in widths.items()}
    fixed = 9 + 11 + sum(w + 2 for w in widths.values())
    title_width = max(20, width - fixed)
    for r in rows:
        cells = [r["id"][:8], _cut(r[title_key] or "", title_width).ljust(title_width)]
        cells += [
            _cut(str(r.get(c) if r.get(c) is not None else ""), widths[c]).ljust(widths[c])
            for c in extra
        ]
        cells.append((r["updated_at"] or "")[:10])
        out("  ".join(cells).rstrip() + (" !conflict" if r.get("conflict") else ""))
    out(f"{len(rows)} item(s)")


def item(item: dict[str, Any], language: str) -> None:
    spec = KINDS[item["kind"]]
    fr = language == "fr"
    out(item.get(spec.title_field) or "")
    out("=" * min(len(str(item.get(spec.title_field) or "")), 78))
    out(f"{spec.fr if fr else spec.en}  {item['id']}")
    for f in spec.fields:
        value = item.get(f.name)
        if f.type == MARKDOWN or f.name == spec.title_field or value in (None, "", []):
            continue
        if f.name == "community":
            value = item.get("community_name") or value
        elif f.name == "holders":
            value = item.get("holder_names") or value
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out(f"  {(f.fr if fr else f.en) + ':':<22} {value}")
    out(
        f"  {'Auteur:' if fr else 'Author:':<22} {item.get('author_name') or '-'}"
        f" ({item.get('origin_site_name') or item.get('origin_site')})"
    )
    out(
        f"  {'Créé / modifié:' if fr else 'Created / updated:':<22} "
        f"{item['created_at'][:16]} / {item['updated_at'][:16]}"
    )
    if item.get("conflict"):
        out("  !! in conflict: two versions exist (see history)")
    for f in spec.fields:
        if f.type == MARKDOWN and item.get(f.name):
            out(f"\n## {f.fr if fr else f.en}\n{item[f.name]}")
    for m in item.get("members") or []:
        if m is (item.get("members") or [])[0]:
            out("\n## Membres" if fr else "\n## Members")
        out(f"- {m['name']} ({m['role']})")
    for key, label in (("links", "→"), ("backlinks", "←")):
        for link in item.get(key) or []:
            out(f"  {label} {link['type']}: {link['title']} ({link['item'][:8]})")
    for a in item.get("attachments") or []:
        out(f"  [file] {a['name']} ({a['size']} bytes)")
    for c in item.get("comments") or []:
        out(f"\n> {c.get('author_name') or '?'}, {c['at'][:10]}: {c['body']}")


def history(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        changed = ", ".join(r["changed"]) if r["changed"] else ""
        mark = "*" if r["head"] else " "
        out(
            f"{mark} {r['rev_id'][:12]}  {r['at'][:19].replace('T', ' ')}  "
            f"{_cut(r['author_name'] or '-', 20):<20}  {r['op']:<8} {changed}"
        )


def profile(p: dict[str, Any], language: str) -> None:
    person = p["person"]
    fr = language == "fr"
    out(f"{person['name']} — {person.get('job_title') or ''}, {person.get('site') or ''}")
    for m in p["memberships"]:
        out(f"  {m['community_name']}: {m['role']} ({'depuis' if fr else 'since'} {m['since']})")
    domain = None
    for r in p["ratings"]:
        if r["domain"] != domain:
            domain = r["domain"]
            out(f"\n{domain}")
        label = LEVELS[r["level"]][2 if fr else 1]
        flags = []
        if r["interest"]:
            flags.append(r["interest"])
        if r["valid_until"]:
            state = "EXPIRED" if r["expired"] else ("expiring" if r["expiring"] else "valid")
            flags.append(f"{state} {r['valid_until']}")
        out(
            f"  {r['glyph']} {r['level']}  {_cut(r['skill_name'], 40):<40} {label:<22} "
            + "  ".join(flags)
        )
        for h in r.get("history", []):
            out(
                f"        was {h['level']} on {h['assessed_on']}"
                f" ({h['assessor_name'] or 'unknown assessor'})"
            )


def summary(s: dict[str, Any]) -> None:
    out(f"workspace  {s['workspace']}")
    out(f"site       {s['site_name']} ({s['site_id']})")
    out(f"writing as {s['current_person_name'] or '(nobody: copdesk use PERSON)'}")
    state = s.get("site_state") or {}
    if state.get("message"):
        out(f"note       {state['message']}")
    counts = s["counts"]
    for kind in ("community", "person", "skill", "rex", "howto", "rating", "comment"):
        out(f"  {counts.get(kind, 0):>6}  {KINDS[kind].en.lower()}")
    out(f"  {s['revisions']:>6}  revisions")


def import_report(r: dict[str, Any]) -> None:
    out(f"imported {r['imported']}, rejected {len(r['rejected'])}")
    for rej in r["rejected"][:50]:
        out(f"  line {rej['line']}: {rej['reason']}")
    if len(r["rejected"]) > 50:
        out(f"  … and {len(r['rejected']) - 50} more (use --json for all)")
    mapped = ", ".join(f"{c} → {f}" for c, f in r["columns"].items())
    out(f"columns: {mapped}")
    if r["ignored_columns"]:
        out(f"ignored: {', '.join(r['ignored_columns'])}")


def _marked(snippet: str, color: bool) -> str:
    """A search snippet (escaped HTML with <mark>) as terminal text."""
    import html

    on, off = ("\033[1m", "\033[0m") if color else ("«", "»")
    return html.unescape(snippet.replace("<mark>", on).replace("</mark>", off))


def search_results(r: dict[str, Any], color: bool = False) -> None:
    for w in r.get("warnings") or []:
        out(f"note: {w}")
    if r.get("suggestion"):
        out(f"did you mean: {r['suggestion']}")
    if not r["hits"]:
        out("no results")
        return
    relaxed = " (no item has every word; showing items with some)" if r.get("relaxed") else ""
    more = f", {r['partial']} more with some of the words" if r.get("partial") else ""
    out(f"{r['total']} result(s){more} in {r['took_ms']} ms{relaxed}")
    for n, h in enumerate(r["hits"], 1):
        where = " · ".join(x for x in (h.get("community"), h.get("site")) if x)
        some = "  [some words]" if h.get("partial") else ""
        some += "  [archived]" if h.get("archived") else ""
        out(f"\n{n:>2}. [{h['kind']}] {h['title']}  ({h['id'][:8]}){some}")
        out(f"    {where + ' · ' if where else ''}{(h['updated_at'] or '')[:10]}")
        if h.get("snippet"):
            out(f"    {_marked(h['snippet'], color)}")
    facets = [
        f"{name}: " + ", ".join(f"{k} {v}" for k, v in list(values.items())[:6])
        for name, values in r["facets"].items()
        if values
    ]
    if facets:
        out("\n" + "\n".join(facets))


def experts(r: dict[str, Any]) -> None:
    if r.get("suggestion"):
        out(f"did you mean: {r['suggestion']}")
    if not r["people"]:
        out("nobody found for this topic")
    for n, p in enumerate(r["people"], 1):
        job = ", ".join(x for x in (p.get("job_title"), p.get("site")) if x)
        out(f"{n:>2}. {p['name']} ({job})  score {p['score']}")
        for why in p["reasons"]:
            out(f"      - {why}")


def progress_bar(label: str) -> Callable[[int, int], None]:
    """A callback drawing a progress bar on stderr (for terminals only)."""
    import sys

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        pct = 100 * done // total if total else 100
        sys.stderr.write(
            f"\r{label} [{'#' * filled}{' ' * (width - filled)}] {pct:3d}% {done}/{total}"
        )
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def count(n: int, noun: str) -> str:
    """'1 revision', '3 revisions'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def steps(label: str) -> Callable[[str], None]:
    """A callback showing the current step of a long operation on stderr (terminals)."""
    import sys

    def show(step: str) -> None:
        sys.stderr.write(f"\r{label}: {step}…{' ' * 20}")
        if step == "indexing":
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def identity(i: dict[str, Any]) -> None:
    out(f"site         {i['name']}")
    out(f"site id      {i['site_id']}")
    out(f"fingerprint  {i['fingerprint']}")
    out(f"key          {i['key']}")
    out("another site trusts this one with:")
    out(f"  {i['trust_command']}")


def site_state(st: dict[str, Any]) -> None:
    out(f"site         {st['name']} ({st['site_id']})")
    out(f"state        {st['state']}" + (f": {st['message']}" if st.get("message") else ""))
    out(f"feed         {st['feed']}")
    for k in st["keys"]:
        mark = " (current)" if k["current"] else (" (revoked)" if k["revoked"] else "")
        out(f"key          {k['fingerprint']}{mark}")


def sites(rows: list[dict[str, Any]]) -> None:
    for s in rows:
        when_in = (s["last_in"] or "never")[:16].replace("T", " ")
        when_out = (s["last_out"] or "never")[:16].replace("T", " ")
        out(f"{s['name']}  [{s['trust']}]  {s['id']}")
        if s["self"]:
            out(f"    fingerprint {s['fingerprint']}  (this site)")
            continue
        out(f"    fingerprint {s['fingerprint'] or '(no key: copdesk trust)'}")
        out(f"    last bundle in {when_in}, out {when_out}; not yet acknowledged: {s['pending']}")


def bundle_report(r: dict[str, Any]) -> None:
    verb = "would change" if r["dry_run"] else "imported"
    out(
        f"{verb} from {r['producer_name']}: {r['new']} new, {r['updated']} updated, "
        f"{r['unchanged']} unchanged, {r['conflicts']} conflicts, {r['refused']} refused"
    )
    for line in r["items"][:30]:
        flag = " (in conflict)" if line["conflict"] else ""
        flag += " (deleted)" if line["deleted"] else ""
        gone = line.get("overturned_delete")
        if gone:
            where = gone["site_name"] or gone["site"]
            flag += f" (kept: an edit overturned its deletion at {where})"
        out(f"  {line['outcome']:<9} {line['kind']:<10} {_cut(line['title'], 50)}{flag}")
    if len(r["items"]) > 30:
        out(f"  … and {len(r['items']) - 30} more (use --json for all)")
    if r["conflicts"]:
        out("see them with: copdesk conflicts")
    held = r.get("held_back") or []
    if held:
        out(f"held back (not taken; they come again with a later bundle): {len(held)}")
        for h in held[:10]:
            who = h["site_name"] or h["site"]
            out(f"  {h['kind']:<10} {_cut(h['title'], 40)}  from {who}: {h['why']}")
        untrusted = sorted({h["site"] for h in held if h["reason"] == "untrusted"})
        if untrusted:
            out(
                "  to take them, trust their site (compare its fingerprint): copdesk trust SITE_ID "
                "--key KEY --name NAME, as `copdesk identity` prints it there"
            )


def conflicts(rows: list[dict[str, Any]]) -> None:
    if not rows:
        out("no conflicts")
        return
    for c in rows:
        out(f"{c['kind']} {c['id']}  {c['title']}")
        out(f"    differs in: {', '.join(c['differ']) or '(nothing: same content)'}")
        for v in c["versions"]:
            shown = " (shown)" if v["shown"] else ""
            who = v["author_name"] or "unknown"
            out(f"    {v['rev_id'][:12]}  {v['site_name']}, {who}, {v['at'][:16]}{shown}")
        out(f"    keep one: copdesk resolve {c['id'][:8]} --keep REV_ID")


def sync_report(r: dict[str, Any]) -> None:
    for e in r["imported"]:
        if e["status"] == "imported":
            out(f"{e['file']}: {e['new']} new, {e['updated']} updated, {e['conflicts']} conflicts")
        else:
            out(f"{e['file']}: {e['status']}: {e['message']}")
    if not r["imported"]:
        out("no new bundles from other sites")
    w = r["written"]
    if w["written"]:
        out(f"wrote {w['file']}: {w['revisions']} revisions, {w['attachments']} attachments")
    else:
        out(f"{w['file']} is up to date")


def questions(rows: list[dict[str, Any]]) -> None:
    if not rows:
        out("no questions")
        return
    for r in rows:
        state = "answered" if r["accepted"] else f"{r['answers']} answer(s)"
        out(f"{r['id'][:8]}  {_cut(r['title'], 60):<60}  {state}")


def contributions(c: dict[str, Any]) -> None:
    n, imp = c["counts"], c["impact"]
    out(f"{c['person_name']} ({c['site'] or 'no site'})")
    out(f"  authored: {n['rex']} report(s), {n['howto']} sheet(s), {n['questions']} question(s)")
    out(f"  validated: {n['validated']}   commented: {n['commented']}")
    out(f"  answered: {n['answered']} ({n['accepted']} accepted)")
    out(f"  marked as helpful or applied: {n['marks_given']}")
    others = f" ({', '.join(imp['sites'])})" if imp["sites"] else ""
    out(
        f"  impact: helped {imp['helped']}, applied {imp['applied']},"
        f" {imp['other_sites']} from other sites{others}"
    )
    for m in imp["marks"][:10]:
        where = f" at {m['site']}" if m["site"] else ""
        out(
            f"    {m['on'] or '':<10}  {m['type']:<7}  {_cut(m['item_title'], 44):<44}"
            f"  {m['person_name'] or '?'}{where}"
        )
    r = c["recognition"]
    out(
        f"  recognition: {r['points']} points, {r['beyond_authoring']} beyond authoring"
        " (validating, answering, reuse, marking what helped)"
    )


def stats(s: dict[str, Any]) -> None:
    out(s["community_name"] or "the whole site")
    split = s["members_split"]
    out(
        f"  members {s['members']}: active {s['active_30']} (30 days), {s['active_90']} (90 days);"
        f" core {split['core']}, occasional {split['occasional']}, readers {split['readers']}"
    )
    months = s["contributions_per_month"]
    out("  contributions per month: " + ", ".join(f"{m} {n}" for m, n in list(months.items())[-6:]))
    hours = s["median_hours_to_first_answer"]
    out(
        f"  questions {s['questions']} ({s['open_questions']} open), median time to first answer "
        f"{'—' if hours is None else f'{hours} h'}"
    )
    backlog, overdue = s["validation_backlog"], s["past_review"]
    out(f"  waiting for validation {backlog}, past their review date {overdue}")
    out("  sites taking part: " + (", ".join(s["sites_taking_part"]) or "none in 90 days"))
    if "stage" in s:
        out(f"  stage: {s['stage']}" + (" (archived)" if s["archived"] else ""))
        out(f"  diagnosis: {s['diagnosis']['reason']}")
        for action in s["guidance"]:
            out(f"    - {action}")
