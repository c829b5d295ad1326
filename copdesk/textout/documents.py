"""Documents: what add-document, replace-file and extract did, the list of documents,
an item's files with what was read of each, and the diff of two versions' text."""

from __future__ import annotations

import shutil
from typing import Any

from copdesk import messages
from copdesk.textout.terminal import cut, lines


def _file_line(f: dict[str, Any]) -> str:
    what = f.get("format") or "?"
    if f.get("pages"):
        what += f", {f['pages']} page{'s' if f['pages'] != 1 else ''}"
    said = messages.note(f.get("note"), f.get("facts"))
    status = f.get("status") or "?"
    return f"  {f['name']}  ({what}; {status}{': ' + said if said else ''})"


def added(doc: dict[str, Any]) -> str:
    out = [f"{doc['id']} added: {doc['title']}"]
    out += [_file_line(f) for f in doc.get("files", [])]
    return lines(out)


def listing(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no documents\n"
    width = shutil.get_terminal_size((120, 20)).columns
    title_width = max(20, width - 9 - 12 - 10 - 10 - 12)
    out = []
    for r in rows:
        formats = ",".join(r.get("formats") or []) or "-"
        pages = f"{r['pages']}p" if r.get("pages") else ""
        note = r.get("note")
        said = f"  ({messages.note(note['note'], note['facts'])})" if note else ""
        out.append(
            "  ".join(
                [
                    r["id"][:8],
                    cut(r["title"] or "", title_width).ljust(title_width),
                    cut(formats, 10).ljust(10),
                    pages.rjust(6),
                    (r.get("status") or "").ljust(9),
                    (r["updated_at"] or "")[:10],
                ]
            ).rstrip()
            + said
        )
    out.append(f"{len(rows)} document(s)")
    return lines(out)


def files(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no files\n"
    out = []
    for f in rows:
        out.append(f"{f.get('id', '')[:8]}  {f['sha256'][:12]}" + _file_line(f))
    return lines(out)


def files_or_versions(rows: list[dict[str, Any]]) -> str:
    """`files ID`, or with --history every version."""
    return versions(rows) if rows and "generation" in rows[0] else files(rows)


def versions(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no files\n"
    out = []
    for v in rows:
        state = "removed" if v["deleted"] else f"{v['name']}  {v['sha256'][:12]}  {v['size']} bytes"
        who = v.get("author_name") or ""
        out.append(f"{v['at'][:16]}  {v['attachment'][:8]} v{v['generation']}  {state}  {who}")
    return lines(out)


def replaced(doc: dict[str, Any]) -> str:
    return added(doc).replace(" added: ", " file replaced: ", 1)


def read(r: dict[str, Any]) -> str:
    out = [
        f"read {r['read']} file(s): {r['text']} with text, {r['without_text']} without,"
        f" {r['failed']} failed" + (f", {r['missing']} not here" if r.get("missing") else "")
    ]
    out += [f"  {n['name']}: {messages.note(n['note'], n['facts'])}" for n in r.get("notes", [])]
    return lines(out)


def diff(rows: list[str]) -> str:
    return lines(rows) if rows else "the two versions have the same text\n"
