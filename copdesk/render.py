"""Markdown to safe HTML: the only path by which item text becomes HTML.

Content arrives from other sites' bundles, so it is untrusted: after Markdown,
nh3 keeps a small set of tags, drops scripts, event handlers and styles, keeps
links only to http(s), mailto and copdesk items, and keeps images only from the
item's own attachments (``attachment:SHA256``), so nothing rendered can load a
remote or local file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from typing import Any

import markdown as _markdown
import nh3

from copdesk import messages
from copdesk.model.kinds import DATE, ENUM, INT, KINDS, LIST, MARKDOWN, TEXT

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "u", "s",
    "del", "ins", "code", "pre", "blockquote", "ul", "ol", "li", "table", "thead", "tbody",
    "tr", "th", "td", "a", "img", "sup", "sub", "dl", "dt", "dd", "kbd", "mark", "span", "div",
}  # fmt: skip
ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"align", "colspan", "rowspan"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}
LINK_SCHEMES = ("http:", "https:", "mailto:", "copdesk:", "attachment:")
IMAGE_SCHEMES = ("attachment:",)


def _filter(tag: str, attr: str, value: str) -> str | None:
    if attr not in ("href", "src"):
        return value
    allowed = IMAGE_SCHEMES if tag == "img" else LINK_SCHEMES
    v = value.strip()
    return v if v.lower().startswith(allowed) else None


def sanitize(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes={s.rstrip(":") for s in LINK_SCHEMES},
        attribute_filter=_filter,
        link_rel="noopener noreferrer",
    )


# A list item as people type it: "- x", "* x", "+ x", "1. x", "1) x" (3 digits at most,
# so that "2024. That year…" in a paragraph is not taken for a list).
_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
_PAREN = re.compile(r"^( {0,3}\d{1,3})\)(?=[ \t])")  # "1) x": Markdown only knows "1. x"
_FENCE = re.compile(r"^ {0,3}(```|~~~)")


def lists_as_typed(text: str) -> str:
    """A blank line before a list that follows a line of text ("Steps:" then "1. one"):
    Markdown wants one, people never type it, and without it the list is one paragraph
    with literal "1." and "2." in it. "1)" numbers like "1.". Fenced code is left alone."""
    out: list[str] = []
    fence: str | None = None
    previous = ""
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1) == fence:
                fence = None
        elif opening:
            fence = opening.group(1)
        elif (
            _ITEM.match(line)
            and previous.strip()
            and not _ITEM.match(previous)
            and not previous.startswith((" ", "\t", ">"))  # inside an item or a quote
        ):
            out.append("")
        if fence is None and not opening:
            line = _PAREN.sub(r"\1.", line)
        out.append(line)
        previous = line if fence is None else ""
    return "\n".join(out)


def markdown(text: str) -> str:
    """Render Markdown (tables, fenced code, lists, line breaks kept) to sanitized HTML.

    A list right after a line of text is a list, as people type it."""
    md = _markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists", "nl2br"])
    return sanitize(md.convert(lists_as_typed(text or "")))


_STYLE = """
body { font-family: sans-serif; max-width: 50em; margin: 1em auto; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: .2em; }
table.meta { border-collapse: collapse; margin: .5em 0 1em; }
table.meta th { text-align: left; padding-right: 1em; color: #555; font-weight: normal; }
section.safety { border: 3px solid #c00; padding: .3em 1em; }
.priority-red { color: #b00; } .priority-yellow { color: #a60; }
.priority-blue { color: #036; } .priority-green { color: #060; }
"""


# How dates are shown: (value, with its time) -> text. The command line keeps the
# stored ISO form; the window gives the user's locale and local time.
Dates = Callable[[str, bool], str]


def iso_dates(value: str, with_time: bool) -> str:
    """The stored form (``show --html``): a date as it is, a time stamp as it is."""
    return value


def signoff_text(item: Mapping[str, Any], language: str, dates: Dates = iso_dates) -> str:
    """The validation of an item in ``language``: "version 3 validated by Marie Dupont
    on 2026-03-12 — changed since"; for an item not validated, "not validated (Proposed)"."""
    off = item.get("signoff")
    status = str(item.get("status") or "")
    if not off:
        if status == "validated":  # validated before validations were recorded
            return messages.label(status, language)
        return str(
            messages.text(
                "item.not_validated", language, status=messages.label(status or "draft", language)
            )
        )
    text = str(
        messages.text(
            "item.validated_by",
            language,
            version=off.get("version") or "?",
            name=off.get("by_name") or "?",
            on=dates(str(off.get("on") or ""), False),
            site=off.get("site_name") or "",
        )
    )
    if off.get("changed_since"):
        text += " — " + str(messages.text("item.changed_since", language))
    if off.get("recognised") is False:
        text += " — " + str(messages.text("item.not_recognised", language))
    return text


def item_html(item: Mapping[str, Any], language: str = "en", *, dates: Dates | None = None) -> str:
    """A standalone, printable HTML page for one item (no external resources).

    ``language`` is the reader's (the interface's), not the item's: labels, the words
    of coded values and headings are in it; the item's own text stays as written.
    ``dates`` shows dates and time stamps (default: as stored)."""
    kind = item["kind"]
    spec = KINDS[kind]
    esc = html.escape
    when = dates or iso_dates

    def word(code: str) -> str:
        return str(messages.text(code, language))

    title = str(item.get(spec.title_field) or "")
    rows = []
    for f in spec.fields:
        value = item.get(f.name)
        if f.type == MARKDOWN or value in (None, "", []):
            continue
        if f.name == "community":
            value = item.get("community_name") or value
        elif f.name == "holders":
            value = ", ".join(item.get("holder_names") or value)
        elif f.type == LIST:
            value = ", ".join(value)
        text = str(value)
        if f.type == ENUM and f.name != "language":  # the words, not the stored code
            text = messages.label(text, language)
        elif f.type == DATE:
            text = when(text, False)
        if f.type in (TEXT, ENUM, DATE, INT, LIST) or f.name in ("community", "holders"):
            css = f' class="priority-{esc(str(value))}"' if f.name == "priority" else ""
            rows.append(
                f"<tr><th>{esc(messages.field_label(kind, f.name, language))}</th>"
                f"<td{css}>{esc(text)}</td></tr>"
            )
    if "signoff" in item and item.get("status") == "validated":
        rows.append(
            f"<tr><th>{esc(word('item.validation'))}</th>"
            f"<td>{esc(signoff_text(item, language, when))}</td></tr>"
        )
    who = item.get("author_name") or ""
    rows.append(f"<tr><th>{esc(word('item.author'))}</th><td>{esc(who)}</td></tr>")
    rows.append(
        f"<tr><th>{esc(word('item.updated'))}</th>"
        f"<td>{esc(when(str(item.get('updated_at') or ''), True))}</td></tr>"
    )
    sections = []
    for f in spec.fields:
        if f.type == MARKDOWN and item.get(f.name):
            css = ' class="safety"' if f.name == "safety" else ""
            sections.append(
                f"<section{css}><h2>{esc(messages.field_label(kind, f.name, language))}</h2>"
                f"{markdown(item[f.name])}</section>"
            )
    for comment in item.get("comments") or []:
        at = str(comment.get("at") or "")
        at = when(at, True) if dates else at[:10]
        sections.append(
            f'<section class="comment"><p><em>{esc(comment.get("author_name") or "")}, '
            f"{esc(at)}</em></p>{markdown(comment['body'])}</section>"
        )
    kind_label = messages.kind_label(kind, language)
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(language)}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>"
        f"<p>{esc(kind_label)}</p><h1>{esc(title)}</h1>"
        f'<table class="meta">{"".join(rows)}</table>{"".join(sections)}</body></html>\n'
    )
