"""Text analysis per language: fold case and accents, drop stop words, stem.

Accents are folded *before* stemming so that a query typed without accents on a
plant-floor keyboard ('electricite') stems exactly like the indexed text
('électricité'). The same chain runs on documents and on queries.
"""

from __future__ import annotations

from functools import cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stopwords_for_language
from whoosh.support.charset import accent_map

from copdesk.model.text import fold

LANGUAGES = ("fr", "en")
# Words and numbers, keeping internal dots, hyphens and slashes together
# ("P12", "3/8", "1.5", "ISO-9001" stay one token).
TOKEN = r"\w+(?:[./-]\w+)*"
EXTRA_STOPWORDS = {
    "fr": {"les", "cet", "cette", "ceux", "celle", "celles", "aussi", "comme", "dont", "donc",
           "ainsi", "tres", "plus", "tout", "tous", "toute", "toutes", "avant", "apres"},
    "en": {"also", "would", "could", "should", "which", "there", "their", "been", "were"},
}  # fmt: skip


@cache
def stopwords(language: str) -> frozenset[str]:
    words = set(stopwords_for_language(language)) | EXTRA_STOPWORDS[language]
    return frozenset(fold(w) for w in words)


@cache
def analyzer(language: str) -> Analyzer:
    """Tokenize, lowercase, fold accents, drop stop words, stem (per language)."""
    return (
        RegexTokenizer(TOKEN)
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter(stoplist=stopwords(language), minsize=1)
        | StemFilter(lang=language, cachesize=50000)
    )


@cache
def plain() -> Analyzer:
    """Folded words without stemming: spelling suggestions and tags."""
    return RegexTokenizer(TOKEN) | LowercaseFilter() | CharsetFilter(accent_map)


def words(text: str) -> list[str]:
    """The folded, unstemmed words of a text (what suggestions are made of)."""
    return [t.text for t in plain()(text)]
