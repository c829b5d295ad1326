"""Go ▸ My contributions: what the current person gave and where it was reused.

The page is built from ``ws.analytics.contributions()`` (computed on the worker) and
shown in the window's page, like the home page (the ``contributions`` view).
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from copdesk.gui.change import Flag, Interest
from copdesk.gui.views import PAGE_CSS, item_rows
from copdesk.workspace import Workspace

# what the page counts: writing, asking, answering, marking, and whose contributions
SHOWS = Interest.of(["rex", "howto", "question", "answer", "comment", "mark"], [Flag.WRITER])

# lupdate finds only literal translate("Context", "text") calls, not wrappers.
translate = QCoreApplication.translate


def contributions_job(ws: Workspace) -> dict[str, Any] | None:
    """The current person's contributions, or None when nobody is set."""
    return ws.analytics.contributions() if ws.current_person else None


def contributions_html(data: Mapping[str, Any] | None) -> str:
    """The "My contributions" page: counts, recognition, impact (marks with site and
    date), then what was authored, validated and answered."""
    t = html.escape
    title = t(translate("Contributions", "My contributions"))
    head = f"<html><head><style>{PAGE_CSS}</style></head><body><h1>{title}</h1>"
    if data is None:
        text = translate("Contributions", "No current person: set one with “copdesk use NAME”.")
        return f"{head}<p class='empty'>{t(text)}</p></body></html>"
    n, impact, rec = data["counts"], data["impact"], data["recognition"]
    who = " · ".join(x for x in (data["person_name"], data.get("site")) if x)
    points = translate("Contributions", "%1 recognition points, %2 of them beyond authoring")
    rows = [
        (translate("Contributions", "Reports and sheets written"), n["authored"]),
        (translate("Contributions", "Questions asked"), n["questions"]),
        (translate("Contributions", "Items validated"), n["validated"]),
        (translate("Contributions", "Answers given"), n["answered"]),
        (translate("Contributions", "Answers accepted"), n["accepted"]),
        (translate("Contributions", "Comments"), n["commented"]),
        (translate("Contributions", "Items you marked as helpful or applied"), n["marks_given"]),
        (translate("Contributions", "Your items marked “this helped me”"), n["helped_received"]),
        (translate("Contributions", "Your items marked “applied here”"), n["applied_received"]),
        (translate("Contributions", "… of these marks, from other sites"), n["other_site_marks"]),
    ]
    table = "".join(
        f"<tr><td>{t(label)}</td><td class='count'><b>{value}</b></td></tr>"
        for label, value in rows
    )
    rule = translate(
        "Contributions",
        "Points: validating 3, answering 2, an accepted answer +3, marking what helped"
        " you 1, commenting 1, writing a report or sheet 2, asking 1; each of your items"
        " marked helped 2, applied 3, +2 when the mark comes from another site.",
    )
    reused = translate("Contributions", "Where your knowledge was reused")
    written = translate("Contributions", "Written")
    validated = translate("Contributions", "Validated")
    answers = translate("Contributions", "Answers")
    parts = [
        head,
        f"<p class='sub'>{t(who)}</p>",
        "<p><b>"
        + t(points).replace("%1", str(rec["points"])).replace("%2", str(rec["beyond_authoring"]))
        + "</b></p>",
        f"<table class='items'>{table}</table>",
        f"<p class='empty'>{t(rule)}</p>",
        f"<h2>{t(reused)}</h2>",
        _marks(impact["marks"]),
        f"<h2>{t(written)}</h2>",
        item_rows(data["authored"], "created_at"),
        f"<h2>{t(validated)}</h2>",
        item_rows(data["validated"], "at"),
        f"<h2>{t(answers)}</h2>",
        _answers(data["answered"]),
        "</body></html>",
    ]
    return "".join(parts)


def _marks(marks: list[dict[str, Any]]) -> str:
    if not marks:
        text = translate("Contributions", "No marks yet on your items.")
        return f'<p class="empty">{html.escape(text)}</p>'
    labels = {
        "helped": translate("Contributions", "helped"),
        "applied": translate("Contributions", "applied here"),
    }
    out = []
    for m in marks:
        who = " · ".join(x for x in (m.get("person_name"), m.get("site")) if x)
        note = f"<br><i>{html.escape(m['note'])}</i>" if m.get("note") else ""
        other = " ★" if m.get("other_site") else ""
        out.append(
            f'<tr><td class="meta">{html.escape(str(m.get("on") or ""))}</td>'
            f"<td><b>{html.escape(labels.get(m['type'], m['type']))}</b>{other}</td>"
            f'<td><a href="copdesk:{html.escape(m["item"])}">{html.escape(m["item_title"])}</a>'
            f"{note}</td>"
            f'<td class="meta">{html.escape(who)}</td></tr>'
        )
    star = translate("Contributions", "★ from another site")
    return f'<table class="items">{"".join(out)}</table><p class="empty">{html.escape(star)}</p>'


def _answers(answers: list[dict[str, Any]]) -> str:
    rows = [
        {
            "id": a["question"],
            "title": a["question_title"]
            + (" ✔ " + translate("Contributions", "accepted") if a["accepted"] else ""),
            "kind": "answer",
            "at": a["at"],
        }
        for a in answers
    ]
    return item_rows(rows, "at")
