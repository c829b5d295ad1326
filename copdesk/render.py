"""Markdown to safe HTML: the only path by which item text becomes HTML.

Content arrives from other sites' bundles, so it is untrusted: after Markdown,
nh3 keeps a small set of tags, drops scripts, event handlers and styles, keeps
links only to http(s), mailto and copdesk items, and keeps images only from the
item's own attachments (``attachment:SHA256``), so nothing rendered can load a
remote or local file.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
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


def markdown(text: str) -> str:
    """Render Markdown (tables, fenced code, lists, line breaks kept) to sanitized HTML."""
    md = _markdown.Markdown(extensions=["tables", "fenced_code", "sane_lists", "nl2br"])
    return sanitize(md.convert(text or ""))


_STYLE = """
body { font-family: sans-serif; max-width: 50em; margin: 1em auto; line-height: 1.45; }
h1 { font-size: 1.8em; margin-bottom: .2em; }
table.meta { border-collapse: collapse; margin: .5em 0 1em; }
table.meta th { text-align: left; padding-right: 1em; color: #555; font-weight: normal; }
section.safety { border: 3px solid #c00; padding: .3em 1em; }
.priority-red { color: #b00; } .priority-yellow { color: #a60; }
.priority-blue { color: #036; } .priority-green { color: #060; }
"""


def item_html(item: Mapping[str, Any], language: str = "en") -> str:
    """A standalone, printable HTML page for one item (no external resources)."""
    kind = item["kind"]
    spec = KINDS[kind]
    esc = html.escape

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
        if f.type in (TEXT, ENUM, DATE, INT, LIST) or f.name in ("community", "holders"):
            css = f' class="priority-{esc(str(value))}"' if f.name == "priority" else ""
            rows.append(
                f"<tr><th>{esc(messages.field_label(kind, f.name, language))}</th>"
                f"<td{css}>{esc(text)}</td></tr>"
            )
    who = item.get("author_name") or ""
    rows.append(f"<tr><th>{esc(word('item.author'))}</th><td>{esc(who)}</td></tr>")
    rows.append(
        f"<tr><th>{esc(word('item.updated'))}</th>"
        f"<td>{esc(str(item.get('updated_at') or ''))}</td></tr>"
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
        sections.append(
            f'<section class="comment"><p><em>{esc(comment.get("author_name") or "")}, '
            f"{esc(comment['at'][:10])}</em></p>{markdown(comment['body'])}</section>"
        )
    kind_label = messages.kind_label(kind, language)
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(language)}"><head><meta charset="utf-8">'
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>"
        f"<p>{esc(kind_label)}</p><h1>{esc(title)}</h1>"
        f'<table class="meta">{"".join(rows)}</table>{"".join(sections)}</body></html>\n'
    )
