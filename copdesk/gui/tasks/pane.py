"""What the reading pane adds around an item for the tasks: a line of actions under
its title, who validated which version, the marks of reuse, a link to comment at the
end; for a person's ratings, whether they are self-assessed or not recognised here.

Plain HTML built on the worker with the item page (:mod:`copdesk.gui.itempane`); the
action links use the ``task:`` scheme, which :class:`~copdesk.gui.tasks.Tasks` turns
into the same commands as the Item menu, on the item shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication

from copdesk import messages
from copdesk.gui.labels import choice_label, ui_language
from copdesk.gui.language import shown_date
from copdesk.gui.markup import esc

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
CSS = """
p.tasks { margin: 0 0 8px 0; }
p.signoff { margin: 0 0 8px 0; color: #1e4d2b; }
p.signoff span.changed { color: #c77700; font-weight: 600; }
p.signoff span.unrecognised { color: #9b1c1c; }
"""
COMMENTABLE = ("community", "rex", "howto", "question", "person", "skill")
MARKABLE = ("rex", "howto", "question")


def _link(href: str, text: str) -> str:
    return f'<a href="task:{href}">{esc(text)}</a>'


def actions_html(item: Mapping[str, Any]) -> str:
    """The line of actions under the title (the Item menu's, as links)."""
    kind = item["kind"]
    links = []
    if kind in COMMENTABLE:
        links.append(_link("comment", translate("Tasks", "Comment")))
    if kind in MARKABLE:
        links.append(_link("helped", choice_label("helped")))
        links.append(_link("applied", choice_label("applied")))
    if kind in COMMENTABLE:
        links.append(_link("link", translate("Tasks", "Links…")))
    if kind == "person":
        links.append(_link("members", translate("Tasks", "Roles…")))
        links.append(_link("pin", translate("Tasks", "PIN…")))
    links.append(_link("delete", translate("Tasks", "Delete…")))
    return f'<p class="tasks">{" · ".join(links)}</p>'


def signoff_html(item: Mapping[str, Any]) -> str:
    """ "validated version N by X on D", "— changed since" with Validate again, or
    "validated at SITE by X, not a validator here" (``item["signoff"]``)."""
    signed = item.get("signoff")
    if not signed or item.get("status") != "validated":
        return ""
    language = ui_language()
    by = signed.get("by_name") or translate("Tasks", "someone")
    if signed.get("recognised", True):
        text = messages.text(
            "signoff.validated", language, version=signed.get("version") or "?", by=by,
            on=shown_date(signed["on"], False) if signed.get("on") else "",  # as "created"
        )  # fmt: skip
        line = f"✔ {esc(text)}"
    else:
        text = messages.text(
            "signoff.unrecognised", language, site=signed.get("site_name") or "?", by=by
        )
        line = f'<span class="unrecognised">⚠ {esc(text)}</span>'
    if signed.get("changed_since"):
        changed = messages.text("signoff.changed_since", language)
        again = _link("validate-again", translate("Tasks", "Validate again"))
        line += f' <span class="changed">— {esc(changed)}</span> · {again}'
    return f'<p class="signoff">{line}</p>'


def marks_html(item: Mapping[str, Any]) -> str:
    """The evidence of reuse: every "helped" and "applied" mark, who, where, when."""
    marks = item.get("marks") or []
    if not marks:
        return ""
    language = ui_language()
    rows = []
    for m in marks:
        line = messages.text(
            "marks.line", language, mark=choice_label(m["type"]), person=m.get("person_name") or "",
            site=m.get("site") or "", on=m.get("on") or "",
        )  # fmt: skip
        note = f' <span class="muted">« {esc(m["note"])} »</span>' if m.get("note") else ""
        rows.append(f"<tr><td>{esc(line)}{note}</td></tr>")
    heading = esc(messages.text("marks.heading", language))
    return f'<h2>{heading} ({len(marks)})</h2><table class="rel">{"".join(rows)}</table>'


def end_html(item: Mapping[str, Any]) -> str:
    """After the comments: a link to add one."""
    if item["kind"] not in COMMENTABLE:
        return ""
    add = translate("Tasks", "Add a comment…")
    return f'<p class="tasks">{_link("comment", add)}</p>'


def rating_notes(rating: Mapping[str, Any]) -> list[str]:
    """Notes on a rating in a profile: self-assessed, not recognised here (HTML)."""
    language = ui_language()
    notes = []
    if rating.get("self_assessed"):
        notes.append(
            f'<span class="muted">{esc(messages.text("rating.self_assessed", language))}</span>'
        )
    if rating.get("recognised") is False:
        text = messages.text("rating.unrecognised", language)
        notes.append(f'<span class="expired">{esc(text)}</span>')
    return notes
