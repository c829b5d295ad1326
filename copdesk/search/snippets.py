"""Snippets: the matched words in context, as escaped HTML with ``<mark>`` around them.

Whoosh's highlighter runs its analyzer token by token over the whole text of
every hit; on long reports that was most of a short query's time. Here one
regular expression walks the text, each word is folded and stemmed through the
same cache as indexing (:mod:`copdesk.search.analysis`), and the one or two
passages with the most matches are kept.
"""

from __future__ import annotations

import html
import re
from typing import Any

from whoosh.support.charset import accent_map

from copdesk.search.analysis import _STEMMERS, _TOKEN, LANGUAGES, lower_folded, stopwords
from copdesk.search.documents import PARTS as CONTENT

SURROUND = 60  # characters of context either side of a passage's matches
BETWEEN = " … "
SCAN = 20_000  # characters of a long text looked at
SNIPPET_CHARS = 240
_MD_NOISE = re.compile(r"(\*\*|__|`+|^#+\s*|^\s*[-*+]\s+|^\s*\d+\.\s+|\|)", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Markdown without its markup, for snippets ('**2 min**' -> '2 min')."""
    return _MD_NOISE.sub(" ", _MD_LINK.sub(r"\1", markdown)).strip()


def snippet(text: str, marks: set[str], language: str, maxchars: int = 240, top: int = 2) -> str:
    """The best passages of ``text`` for the terms ``marks`` ("" when none match)."""
    stem = _STEMMERS[language]
    stop = stopwords(language)
    text = text[:SCAN]
    # fold the whole text at once; folding keeps every character's place (one character
    # for one), so the spans found in it are the original text's
    folded = lower_folded(text)
    if len(folded) != len(text):  # a rare character whose lower case is longer
        folded = "".join(c.lower()[:1] for c in text).translate(accent_map)
    spans: list[tuple[int, int]] = []
    hit: dict[str, bool] = {}
    for m in _TOKEN.finditer(folded):
        word = m.group()
        found = hit.get(word)
        if found is None:
            found = hit[word] = word not in stop and stem[word] in marks
        if found:
            spans.append(m.span())
    if not spans:
        return ""
    passages: list[list[tuple[int, int]]] = []
    for span in spans:  # matches close together share a passage
        if passages and span[0] - passages[-1][-1][1] <= SURROUND:
            passages[-1].append(span)
        else:
            passages.append([span])
    best = sorted(passages, key=lambda p: (-len(p), p[0][0]))[:top]
    budget = max(40, maxchars // len(best))
    out = []
    for passage in sorted(best, key=lambda p: p[0][0]):
        start = max(0, passage[0][0] - SURROUND)
        end = min(len(text), max(passage[-1][1] + SURROUND, start + 1))
        if end - start > budget:
            end = max(passage[0][1], start + budget)
        # whole words at both ends
        while start > 0 and text[start - 1].isalnum() and start > passage[0][0] - SURROUND - 15:
            start -= 1
        while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
        pieces, at = [], start
        for s, e in passage:
            if s < at or e > end:
                continue
            pieces.append(html.escape(text[at:s]))
            pieces.append(f"<mark>{html.escape(text[s:e])}</mark>")
            at = e
        pieces.append(html.escape(text[at:end]))
        out.append("".join(pieces))
    return BETWEEN.join(out)


def item_snippet(marks: set[str], kind: str, data: dict[str, Any], default_language: str) -> str:
    """The matched words in context, as escaped HTML with <mark> around matches."""
    lang = data.get("language") or default_language
    if lang not in LANGUAGES:
        lang = default_language
    for part in ("main", "body", "title"):
        text = plain_text("\n".join(str(data.get(f) or "") for f in CONTENT[kind][part]))
        if not text or not marks:
            continue
        found = snippet(text, marks, lang, SNIPPET_CHARS)
        if found:
            return " ".join(found.split())
    first = next((str(data[f]) for f in CONTENT[kind]["main"] if data.get(f)), "")
    first = " ".join(plain_text(first).split())
    return html.escape(first[:SNIPPET_CHARS] + ("…" if len(first) > SNIPPET_CHARS else ""))
