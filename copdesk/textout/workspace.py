"""The workspace as a whole: creation, status, who is writing, demo content, check."""

from __future__ import annotations

from typing import Any

from copdesk import messages
from copdesk.textout.terminal import lines


def created(w: dict[str, Any]) -> str:
    return f"created workspace {w['path']} for site {w['site_name']!r} ({w['site_id']})\n"


def summary(s: dict[str, Any]) -> str:
    counts = s["counts"]
    return lines(
        [
            f"workspace  {s['workspace']}",
            f"site       {s['site_name']} ({s['site_id']})",
            f"writing as {s['current_person_name'] or '(nobody: copdesk use PERSON)'}",
            *(
                [f"note       {s['site_state']['message']}"]
                if (s.get("site_state") or {}).get("message")
                else []
            ),
            *(
                f"  {counts.get(kind, 0):>6}  {messages.kind_label(kind).lower()}"
                for kind in ("community", "person", "skill", "rex", "howto", "rating", "comment")
            ),
            f"  {s['revisions']:>6}  revisions",
        ]
    )


def writer(w: dict[str, Any]) -> str:
    """Who is writing: after `use`, `use PERSON` or `use --clear`."""
    person = w["person"]
    if person is None:
        return "no current person\n"
    if w["changed"]:
        return f"now writing as {person['name']} ({person['id']})\n"
    return f"{person['name']} ({person['id']})\n"


def demo(counts: dict[str, int]) -> str:
    if sum(counts.values()):
        return "demo content added: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v) + "\n"
    return "demo content already present: nothing added\n"


def check(c: dict[str, Any]) -> str:
    if c["problems"]:
        return lines(c["problems"])
    notes = [
        f"{'removed' if f['removed'] else 'leftover'} {f['path']} ({f['bytes']:,} bytes):"
        f" left by a killed command{'' if f['removed'] else ' (copdesk check --clean removes it)'}"
        for f in c.get("leftovers", [])
    ]
    return lines(["ok: database, revisions and attachments are intact", *notes])


def repaired(r: dict[str, Any]) -> str:
    out = [
        f"repaired: {r['revisions_kept']:,} revisions kept, {r['revisions_dropped']:,} dropped"
        " (damaged or cut from their history)",
        f"the damaged database is kept as {r['kept_as']}",
    ]
    if r["leftovers_removed"]:
        out.append(f"removed {r['leftovers_removed']} leftover file(s) of killed commands")
    out.append("the search index is rebuilt on next use; run copdesk check to confirm")
    return lines(out)


def backed_up(r: dict[str, Any]) -> str:
    keys = "with the site's private key (keep it safe)" if r["keys"] else "without the site's key"
    return lines(
        [
            f"backup of {r['site_name']} in {r['folder']}, {keys}",
            f"{sum(r['items'].values()):,} items; {r['attachments_copied']} new attachment(s)",
        ]
    )


def restored_backup(r: dict[str, Any]) -> str:
    return lines(
        [
            f"restored {r['site_name']} from {r['restored_from']} (taken {r['taken_at']})",
            f"the previous database is kept as {r['kept_as']}",
        ]
    )
