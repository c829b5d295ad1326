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
    return "ok: database, revisions and attachments are intact\n"
