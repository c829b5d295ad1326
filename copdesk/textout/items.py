"""Items: lists, one item, its history, and what add, edit, link, attach, comment,
restore, delete and a CSV import did."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from typing import Any

from copdesk import messages
from copdesk.model.kinds import KINDS, MARKDOWN
from copdesk.textout.terminal import cut, lines

WIDTH_SAMPLE = 500  # rows the widths of `list`'s columns are taken from
BLOCK = 1000  # lines of `list` written at a time
# Columns shown by `list` after id and title, per kind.
LIST_COLUMNS = {
    "community": ("form", "stage", "status"),
    "person": ("site", "job_title"),
    "skill": ("domain",),
    "rex": ("priority", "status", "site"),
    "howto": ("status", "required_level"),
    "question": (),
}


def ident(item: dict[str, Any]) -> str:
    """Only the id (add, comment, ask, answer, promote)."""
    return f"{item['id']}\n"


def status_set(item: dict[str, Any]) -> str:
    """What propose, validate, send-back and obsolete did."""
    signed = item.get("signoff") if item.get("status") == "validated" else None
    how = f"validated (version {signed['version']})" if signed else item.get("status")
    return f"{item['id']} {how}: {item.get('title')}\n"


def edited(item: dict[str, Any], changed: bool) -> str:
    return f"{item['id']} {'updated' if changed else 'unchanged'}\n"


def listing(rows: Iterable[dict[str, Any]], kind: str) -> Iterator[str]:
    """The table of `list`, a block of lines at a time as the rows come (the widths of
    the columns from the first rows)."""
    rows = iter(rows)
    first = list(islice(rows, WIDTH_SAMPLE))
    if not first:
        yield f"no {messages.kind_label(kind).lower()} items\n"
        return
    extra = LIST_COLUMNS[kind]
    width = shutil.get_terminal_size((120, 20)).columns
    title_key = "name" if "name" in first[0] else "title"
    widths = {c: max(len(c), *(len(str(r.get(c) or "")) for r in first)) for c in extra}
    widths = {c: min(w, 24) for c, w in widths.items()}
    fixed = 9 + 11 + sum(w + 2 for w in widths.values())
    title_width = max(20, width - fixed)
    count = 0
    block: list[str] = []
    for r in chain(first, rows):
        cells = [r["id"][:8], cut(r[title_key] or "", title_width).ljust(title_width)]
        for c in extra:
            value = r.get(c)
            cells.append(cut("" if value is None else str(value), widths[c]).ljust(widths[c]))
        cells.append((r["updated_at"] or "")[:10])
        block.append("  ".join(cells).rstrip() + (" !conflict" if r.get("conflict") else ""))
        count += 1
        if len(block) == BLOCK:
            yield lines(block)
            block = []
    block.append(f"{count} item(s)")
    yield lines(block)


def item(item: dict[str, Any], language: str, html: bool = False) -> str:
    """One item in the workspace language (``html``: the standalone page)."""
    if html:
        from copdesk.render import item_html

        return item_html(item, language)
    kind = item["kind"]
    spec = KINDS[kind]

    def label(name: str) -> str:
        return messages.field_label(kind, name, language)

    def word(code: str) -> str:
        return str(messages.text(code, language))

    out = [
        str(item.get(spec.title_field) or ""),
        "=" * min(len(str(item.get(spec.title_field) or "")), 78),
        f"{messages.kind_label(kind, language)}  {item['id']}",
    ]
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
        out.append(f"  {label(f.name) + ':':<22} {value}")
    out.append(
        f"  {word('item.author') + ':':<22} {item.get('author_name') or '-'}"
        f" ({item.get('origin_site_name') or item.get('origin_site')})"
    )
    out.append(
        f"  {word('item.created_updated') + ':':<22} "
        f"{item['created_at'][:16]} / {item['updated_at'][:16]}"
    )
    if item.get("conflict"):
        out.append("  !! in conflict: two versions exist (see history)")
    for f in spec.fields:
        if f.type == MARKDOWN and item.get(f.name):
            out.append(f"\n## {label(f.name)}\n{item[f.name]}")
    for n, m in enumerate(item.get("members") or []):
        if n == 0:
            out.append(f"\n## {word('item.members')}")
        out.append(f"- {m['name']} ({m['role']})")
    for key, arrow in (("links", "→"), ("backlinks", "←")):
        for link in item.get(key) or []:
            out.append(f"  {arrow} {link['type']}: {link['title']} ({link['item'][:8]})")
    for a in item.get("attachments") or []:
        out.append(f"  [file] {a['name']} ({a['size']} bytes)")
    for c in item.get("comments") or []:
        out.append(f"\n> {c.get('author_name') or '?'}, {c['at'][:10]}: {c['body']}")
    return lines(out)


def history(rows: list[dict[str, Any]]) -> str:
    out = []
    for r in rows:
        changed = ", ".join(r["changed"]) if r["changed"] else ""
        mark = "*" if r["head"] else " "
        out.append(
            f"{mark} {r['rev_id'][:12]}  {r['at'][:19].replace('T', ' ')}  "
            f"{cut(r['author_name'] or '-', 20):<20}  {r['op']:<8} {changed}"
        )
    return lines(out)


def restored(item: dict[str, Any]) -> str:
    return f"{item['id']} restored (now revision {item['rev'][:12]})\n"


def deleted(done: dict[str, Any]) -> str:
    return f"{done['id']} deleted ({done['kind']} {done['title']!r}); `copdesk history` keeps it\n"


def linked(link: dict[str, Any]) -> str:
    return f"{link['id']} {'linked' if link['created'] else 'already linked'} ({link['type']})\n"


def attached(att: dict[str, Any]) -> str:
    state = "attached" if att["created"] else "already attached"
    return (
        f"{att['id']} {state}: {att['name']} ({att['size']} bytes, sha256 {att['sha256'][:12]})\n"
    )


def import_report(r: dict[str, Any]) -> str:
    out = [f"imported {r['imported']}, rejected {len(r['rejected'])}"]
    out += [f"  line {rej['line']}: {rej['reason']}" for rej in r["rejected"][:50]]
    if len(r["rejected"]) > 50:
        out.append(f"  … and {len(r['rejected']) - 50} more (use --json for all)")
    out.append("columns: " + ", ".join(f"{c} → {f}" for c, f in r["columns"].items()))
    if r["ignored_columns"]:
        out.append(f"ignored: {', '.join(r['ignored_columns'])}")
    return lines(out)
