"""Queries made from text: pseudo-relevance feedback (RM3) and "more like this".

RM3: a sentence-like query is searched once; the words of its best items, each
weighted by how often it occurs in an item and by that item's score, make an
expansion of the query, mixed with the original words (the original keeps
``ORIGINAL`` of the weight). Questions name their subject in the user's words; the
items that answer it also use the trade's words, and the second pass finds those.

More like this: the most telling words of an item or a draft (frequency in it
times rarity in the index, title words counted twice) become a weighted query.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from math import log
from typing import Any

from copdesk.search import documents
from copdesk.search.analysis import LANGUAGES, terms
from copdesk.search.scoring import QueryTerm, idf, term_frequency

DOCS = 10  # best items the expansion is drawn from
TERMS = 20  # expansion words added
ORIGINAL = 0.5  # share of the original query in the expanded one
LIKE_TERMS = 25  # words of an item or a draft kept for "more like this"
TITLE_REPEAT = 2  # a title word counts this many times (more like this)
COMMON = 0.1  # expansion words in more than this share of the items are left out
SHARPNESS = 4.0  # an item's share of the expansion grows as its score to this power


def _counts(lang_title_text: tuple[str, str, str]) -> tuple[str, Counter[str]]:
    lang, title, text = lang_title_text
    return lang, Counter(terms(title, lang) + terms(text, lang))


def expand(
    conn: sqlite3.Connection,
    language: str,
    top: list[tuple[float, str]],
    original: list[QueryTerm],
    searcher: Any,
    cache: dict | None = None,
) -> list[QueryTerm]:
    """The expansion drawn from ``top`` ((score, id), best first): terms weighted so that
    with the original terms (weight 1 each) they make RM3's mix."""
    if not top or not original:
        return []
    texts = documents.texts(conn, [i for _, i in top], language)
    best_score = max(s for s, _ in top) or 1.0
    weights = {i: (s / best_score) ** SHARPNESS for s, i in top if i in texts}
    total = sum(weights.values()) or 1.0
    relevance: dict[tuple[str, str], float] = Counter()
    for _score, item_id in top:
        if item_id not in texts:
            continue
        lang, counts = _counts(texts[item_id])
        length = sum(counts.values()) or 1
        for term, n in counts.items():
            if len(term) > 1 and not term.isdigit():
                relevance[(lang, term)] += (weights[item_id] / total) * n / length
    n = max(1, searcher.doc_count_all())
    ranked = sorted(relevance.items(), key=lambda kv: -kv[1])
    best = []
    for (lang, term), value in ranked:
        if len(best) == TERMS:
            break
        # a word in many items tells little, and its postings are the longest to read
        if term_frequency(searcher, lang, term.encode("utf-8"), cache) <= COMMON * n:
            best.append(((lang, term), value))
    mass = sum(v for _, v in best)
    if not mass:
        return []
    per_lang = Counter(t.lang for t in original)
    expanded = []
    for (lang, term), value in best:
        # original terms weigh 1 each: scale the expansion to its share of the whole
        share = (1 - ORIGINAL) / ORIGINAL * max(per_lang.get(lang, 0), 1)
        expanded.append(QueryTerm(lang, term, share * value / mass))
    return expanded


def item_text(conn: sqlite3.Connection, item_id: str, language: str) -> tuple[str, str, str] | None:
    """(language, title text, body text) of an item as it is indexed."""
    return documents.texts(conn, [item_id], language).get(item_id)


def like_terms(searcher: Any, title: str, body: str, language: str) -> list[QueryTerm]:
    """The most telling words of a text, as weighted query terms."""
    n = max(1, searcher.doc_count_all())
    langs = [language] if language in LANGUAGES else list(LANGUAGES)
    scored: list[tuple[float, str, str, int]] = []
    for lang in langs:
        counts = Counter(terms(body or "", lang))
        for term in terms(title or "", lang):
            counts[term] += TITLE_REPEAT
        for term, tf in counts.items():
            if len(term) < 2 or term.isdigit():
                continue
            btext = term.encode("utf-8")
            df = max(searcher.doc_frequency(f"{p}_{lang}", btext) for p in ("title", "text"))
            if df:
                scored.append((tf * idf(n, df), lang, term, tf))
    scored.sort(reverse=True)
    return [QueryTerm(lang, term, 1 + log(tf)) for _, lang, term, tf in scored[:LIKE_TERMS]]
