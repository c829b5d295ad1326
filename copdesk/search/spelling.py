"""Typo tolerance: "did you mean", from the indexed words and how common their stems are.

A word that finds nothing, or little while a near word is far more common, is matched
to the nearest indexed word (Damerau-Levenshtein, one or two edits, same first
letter). How common a word is: how many items have its stem, in either language;
the indexed words themselves (the ``words`` field) only say which words exist.
"""

from __future__ import annotations

from typing import Any

from whoosh.support.levenshtein import damerau_levenshtein

from copdesk.search.analysis import analysed, words
from copdesk.search.query import ParsedQuery
from copdesk.search.schema import PARTS

RARE = 2  # a word in this many items or fewer may be a typo of a common near word
MORE_COMMON = 3  # ...if that near word is in this many times more items


def _stems(word: str) -> set[tuple[str, str]]:
    return {(lang, toks[0]) for lang, toks in analysed(word).items() if len(toks) == 1}


def _stem_frequency(searcher: Any, word: str) -> int:
    """Items having the word's stem, in the language where it is most common."""
    return max(
        (
            searcher.doc_frequency(f"{part}_{lang}", stem)
            for lang, stem in _stems(word)
            for part in PARTS
        ),
        default=0,
    )


def _nearest(searcher: Any, reader: Any, word: str, maxdist: int) -> tuple[int, int, str] | None:
    """The indexed word nearest to ``word`` (same first letter, within ``maxdist`` edits,
    the most common on ties) as (distance, -items, word); one pass over the words of
    that letter, lengths compared before any distance is computed. A word with the
    same stem is no correction ("capteurs" is not a typo of "capteur")."""
    best: tuple[int, int, str] | None = None
    size = len(word)
    own = _stems(word)
    for raw in reader.expand_prefix("words", word[:1]):
        cand = raw.decode("utf-8") if isinstance(raw, bytes) else raw
        if cand == word or abs(len(cand) - size) > maxdist:
            continue
        dist = damerau_levenshtein(word, cand, maxdist + 1)
        if dist > maxdist or _stems(cand) & own:
            continue
        score = (dist, -_stem_frequency(searcher, cand), cand)
        if best is None or score < best:
            best = score
    return best


def corrections(searcher: Any, parsed: ParsedQuery) -> dict[int, str]:
    """Index of each word that finds nothing, or little while a near word is far more
    common ('hydrualique' in 1 item, 'hydraulique' in 40) -> that near word.

    How common a word is: how many items have its stem (in either language)."""
    reader = searcher.reader()
    out: dict[int, str] = {}
    for i, c in enumerate(parsed.clauses):
        if c.negated or c.phrase or c.alternatives:
            continue
        ws = words(c.text)
        if len(ws) != 1 or not 4 <= len(ws[0]) <= 30:
            continue
        word = ws[0]
        seen = _stem_frequency(searcher, word)
        if seen > RARE:
            continue
        best = _nearest(searcher, reader, word, 2 if len(word) >= 6 else 1)
        if best and (not seen or -best[1] >= max(RARE + 1, MORE_COMMON * seen)):
            out[i] = best[2]
    return out
