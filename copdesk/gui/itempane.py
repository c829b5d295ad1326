"""The item pane's full page: the printable item plus what only the window shows.

``render.item_html`` is the printable page (fields, Markdown, comments). The pane
adds what a reader needs around it: a link to the history, the origin site and
creation time, links both ways, attachments and, for a person, the profile
(roles, ILUO skills, contributions). Everything is looked up on the worker.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication

from copdesk.gui import read_jobs
from copdesk.gui.iluo import glyph_key, glyph_png, level_name
from copdesk.gui.labels import choice_label
from copdesk.gui.language import format_date
from copdesk.gui.markup import esc
from copdesk.gui.tasks import pane
from copdesk.workspace import Workspace

IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp")
PANE_EXTRA_CSS = """
p.actions { margin: 0 0 8px 0; }
p.muted, span.muted { color: #6b7280; }
table.rel td { padding: 1px 10px 1px 0; }
span.expired { color: #d64545; font-weight: 600; }
span.expiring { color: #c77700; font-weight: 600; }
"""


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _tr(text: str) -> str:
    return QCoreApplication.translate("ItemPane", text)


def _status(row: Mapping[str, Any]) -> str:
    return choice_label(row["status"]) if row.get("status") else ""


def _size(n: int) -> str:
    for unit in ("B", "KiB", "MiB"):
        if n < 1024 or unit == "MiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def relations_html(item: Mapping[str, Any]) -> str:
    """Links, backlinks and attachments of an item (comments are in the printable page)."""
    types = {
        "related": translate("ItemPane", "related"),
        "supersedes": translate("ItemPane", "supersedes"),
        "applies": translate("ItemPane", "applies"),
    }
    out = []
    for key, title in (
        ("links", translate("ItemPane", "Links")),
        ("backlinks", translate("ItemPane", "Linked from")),
    ):
        rows = item.get(key) or []
        if not rows:
            continue
        cells = "".join(
            f'<tr><td><a href="copdesk:{esc(r["item"])}">{esc(r.get("title") or r["item"])}'
            "</a></td><td><span class='muted'>"
            f"{esc(types.get(r['type'], r['type']))}</span></td></tr>"
            for r in rows
        )
        out.append(f'<h2>{esc(title)}</h2><table class="rel">{cells}</table>')
    attachments = item.get("attachments") or []
    if attachments:
        cells = []
        for a in attachments:
            preview = ""
            if a.get("media_type") in IMAGE_TYPES:
                preview = f'<br><img src="attachment:{esc(a["sha256"])}" width="220">'
            cells.append(
                f"<tr><td>📎 {esc(a['name'])}{preview}</td>"
                f'<td><span class="muted">{esc(_size(int(a.get("size") or 0)))}</span></td></tr>'
            )
        heading = esc(translate("ItemPane", "Attachments"))
        out.append(f'<h2>{heading}</h2><table class="rel">{"".join(cells)}</table>')
    return "".join(out)


def header_html(item: Mapping[str, Any], revisions: int) -> str:
    """Under the title: where the item comes from and a link to its history."""
    # Two plain strings rather than a %n plural: lupdate 6.11 drops French plural forms.
    if revisions == 1:
        history = translate("ItemPane", "History (1 version)")
    else:
        history = translate("ItemPane", "History (%1 versions)")
    history = history.replace("%1", str(revisions))
    origin = translate("ItemPane", "From %1, created %2").replace(
        "%1", esc(item.get("origin_site_name") or "")
    )
    origin = origin.replace("%2", esc(format_date(item.get("created_at"))))
    conflict = ""
    if item.get("conflict"):
        in_conflict = translate("ItemPane", "in conflict")
        conflict = f' · <span class="expired">{esc(in_conflict)}</span>'
    return (
        f'<p class="actions"><a href="history:{esc(item["id"])}">{esc(history)}</a>'
        f' · <span class="muted">{origin}</span>{conflict}</p>'
    )


def profile_html(profile: Mapping[str, Any], contributions: Sequence[Mapping[str, Any]]) -> str:
    """Roles by community, ILUO skills with interest and validity, and what they wrote."""
    roles = {
        "animator": translate("ItemPane", "animator"),
        "expert": translate("ItemPane", "expert"),
        "contributor": translate("ItemPane", "contributor"),
        "member": translate("ItemPane", "member"),
        "sponsor": translate("ItemPane", "sponsor"),
    }
    since = translate("ItemPane", "since")
    expired = translate("ItemPane", "expired")
    nothing_written = translate("ItemPane", "No report or sheet written yet.")
    interests = {
        "learn": translate("ItemPane", "wants to learn"),
        "teach": translate("ItemPane", "wants to teach"),
    }
    heading = translate("ItemPane", "Roles")
    out = [f"<h2>{esc(heading)}</h2>"]
    memberships = profile.get("memberships") or []
    if memberships:
        rows = "".join(
            f"<tr><td><b>{esc(roles.get(m['role'], m['role']))}</b></td>"
            f'<td><a href="copdesk:{esc(m["community"])}">{esc(m["community_name"])}</a>'
            f' <span class="muted">· {esc(since)} {esc(format_date(m.get("since")))}'
            "</span></td></tr>"
            for m in memberships
        )
        out.append(f'<table class="rel">{rows}</table>')
    else:
        nowhere = translate("ItemPane", "Member of no community.")
        out.append(f'<p class="muted">{esc(nowhere)}</p>')

    ratings = profile.get("ratings") or []
    autonomous = QCoreApplication.translate(
        "ItemPane", "%1 skills, %2 autonomous or expert"
    ).replace("%1", str(len(ratings)))
    autonomous = autonomous.replace("%2", str(profile.get("autonomous_skills", 0)))
    skills_heading = translate("ItemPane", "Skills")
    out.append(f"<h2>{esc(skills_heading)}</h2><p class='muted'>{esc(autonomous)}</p>")
    domain = None
    rows = []
    for r in ratings:
        if r.get("domain") != domain:
            domain = r.get("domain")
            rows.append(
                f'<tr><td colspan="2"><span class="muted">{esc(domain or "")}</span></td></tr>'
            )
        key = glyph_key(r["level"], r["expired"], r["expiring"])
        notes = pane.rating_notes(r)  # self-assessed, not recognised here
        if r.get("interest"):
            notes.append(esc(interests.get(r["interest"], r["interest"])))
        if r.get("valid_until"):
            until = esc(format_date(r["valid_until"]))
            if r["expired"]:
                notes.append(f'<span class="expired">{esc(expired)} {until}</span>')
            elif r["expiring"]:
                expires = esc(translate("ItemPane", "expires"))
                notes.append(f'<span class="expiring">{expires} {until}</span>')
            else:
                valid = esc(translate("ItemPane", "valid until"))
                notes.append(f'<span class="muted">{valid} {until}</span>')
        rows.append(
            f'<tr><td width="22"><img src="attachment:{key}" width="16" height="16" '
            f'title="{esc(level_name(r["level"]))}"></td>'
            f'<td><a href="copdesk:{esc(r["skill"])}">{esc(r.get("skill_name"))}</a>'
            f"{'<br>' if notes else ''}{' · '.join(notes)}</td></tr>"
        )
    if rows:
        out.append(f'<table class="rel">{"".join(rows)}</table>')

    contributed = translate("ItemPane", "Contributions")
    out.append(f"<h2>{esc(contributed)}</h2>")
    if contributions:
        rows = "".join(
            f'<tr><td><a href="copdesk:{esc(c["id"])}">{esc(c["title"])}</a></td>'
            f'<td><span class="muted">{esc(c["kind_label"])} · {esc(_status(c))}'
            f" · {esc(format_date(c.get('created_at')))}</span></td></tr>"
            for c in contributions
        )
        out.append(f'<table class="rel">{rows}</table>')
    else:
        out.append(f'<p class="muted">{esc(nothing_written)}</p>')
    return "".join(out)


def _contributions(ws: Workspace, person_id: str) -> list[dict[str, Any]]:
    labels = {
        "rex": translate("ItemPane", "experience report"),
        "howto": translate("ItemPane", "know-how sheet"),
    }
    rows = [
        {**r, "title": read_jobs.title_of(r), "kind_label": labels[kind]}
        for kind in ("rex", "howto")
        for r in ws.items.list(kind)
        if r.get("author") == person_id
    ]
    return sorted(rows, key=lambda r: r["created_at"], reverse=True)


def item_page(item_id: str) -> Callable[[Workspace], dict[str, Any]]:
    """``read_jobs.item_page`` completed with history link, relations and (people) the profile."""
    base = read_jobs.item_page(item_id)

    def job(ws: Workspace) -> dict[str, Any]:
        page = base(ws)
        item = ws.items.get(page["id"])
        revisions = len(ws.items.history(page["id"]))
        extra = relations_html(item) + pane.marks_html(item)
        images = dict(page["images"])
        if item["kind"] == "person":
            profile = ws.people.profile(item["id"])
            extra = profile_html(profile, _contributions(ws, item["id"])) + extra
            for r in profile["ratings"]:
                key = glyph_key(r["level"], r["expired"], r["expiring"])
                images[key] = glyph_png(r["level"], r["expired"], r["expiring"])
        pictures = [
            a["sha256"]
            for a in item.get("attachments") or []
            if a.get("media_type") in IMAGE_TYPES and a["sha256"] not in images
        ]
        images.update(read_jobs.blob_images(ws, pictures))
        text = page["html"].replace("</style>", PANE_EXTRA_CSS + pane.CSS + "</style>", 1)
        top = header_html(item, revisions) + pane.signoff_html(item) + pane.actions_html(item)
        text = text.replace("</h1>", "</h1>" + top, 1)
        # relations and the profile go after the item's own text, before the comments
        at = text.find('<section class="comment">')
        if at >= 0:  # the printable page lists comments without a heading
            count = len(item.get("comments") or [])
            comments = translate("ItemPane", "Comments")
            extra += f"<h2>{esc(comments)} ({count})</h2>"
        else:
            at = text.rfind("</body>")
        text = text[:at] + extra + text[at:]
        text = text.replace("</body>", pane.end_html(item) + "</body>", 1)  # add a comment
        return {**page, "html": text, "images": images}

    return job
