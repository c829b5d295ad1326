"""Text analysis per language: fold case and accents, drop stop words, stem.

Accents are folded *before* stemming so that a query typed without accents on a
plant-floor keyboard ('electricite') stems exactly like the indexed text
('électricité'). The same chain runs on documents and on queries.

Two implementations of one chain: :func:`terms` (and :func:`positions`) work on
whole strings with C-level string methods and a stem cache, for indexing and
querying; :func:`analyzer` is the same chain as a Whoosh analyzer, which
highlighting needs (it wants character offsets). A test keeps them equal.
"""

from __future__ import annotations

import re
from functools import cache

from whoosh.analysis import (
    Analyzer,
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.lang import stemmer_for_language, stopwords_for_language
from whoosh.support.charset import accent_map

from copdesk.model.text import fold

LANGUAGES = ("fr", "en")
# Words and numbers, keeping internal dots, hyphens and slashes together
# ("P12", "3/8", "1.5", "ISO-9001" stay one token).
TOKEN = r"\w+(?:[./-]\w+)*"
_TOKEN = re.compile(TOKEN)
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match[str]) -> str:
    return m.group().translate(accent_map)


def lower_folded(text: str) -> str:
    """``text.lower().translate(accent_map)``, the index's folding, without its cost:
    ``str.translate`` with a dict looks up every character (a 20-page document's text
    took 10 ms), while lower-case ASCII is left as it is by the map, so only the runs of
    other characters are translated."""
    low = text.lower()
    return low if low.isascii() else _NOT_ASCII.sub(_fold_run, low)


EXTRA_STOPWORDS = {
    "fr": {"les", "cet", "cette", "ceux", "celle", "celles", "aussi", "comme", "dont", "donc",
           "ainsi", "tres", "plus", "tout", "tous", "toute", "toutes", "avant", "apres"},
    "en": {"also", "would", "could", "should", "which", "there", "their", "been", "were"},
}  # fmt: skip
# Words that make a question a question, not its subject: dropped from sentence-like
# queries only ("what papers discuss the cost of reliability tests?", "comment
# purger le circuit ?"), never from short ones, and never from documents.
QUESTION_WORDS = {
    "en": {"what", "which", "how", "why", "where", "when", "who", "whom", "whose", "please",
           "find", "finding", "want", "wanted", "need", "needed", "looking", "look", "interested",
           "interest", "know", "tell", "show", "give", "get", "can", "may", "might", "must",
           "any", "anything", "something", "some", "kind", "kinds", "type", "types", "way",
           "ways", "article", "articles", "paper", "papers", "document", "documents", "report",
           "reports", "work", "works", "study", "studies", "discuss", "discussing",
           "discussion", "describe", "describing", "description", "concerned", "concerning",
           "regarding", "related", "relating", "deal", "deals", "dealing", "particular",
           "particularly", "especially", "specific", "specifically", "etc", "e.g", "i.e", "use",
           "used", "using", "us", "one", "ones", "like", "well", "much", "many", "make", "made",
           "help", "relevant", "problem", "problems", "question", "questions", "aspect",
           "aspects", "mean", "means", "consider", "considered", "exist", "exists", "given"},
    "fr": {"quel", "quels", "quelle", "quelles", "comment", "pourquoi", "ou", "quand", "qui",
           "quoi", "que", "qu", "est-ce", "faut-il", "peut-on", "doit-on", "svp", "merci",
           "cherche", "chercher", "trouver", "besoin", "voudrais", "veux", "faut", "faire",
           "fait", "peut", "peuvent", "doit", "dois", "savoir", "sais", "connait", "existe",
           "existe-t-il", "y", "a-t-il", "chose", "choses", "type", "types", "genre", "article",
           "articles", "document", "documents", "sujet", "concernant", "propos", "notamment",
           "particulier", "exemple", "etc", "moyen", "moyens", "facon", "utiliser", "utilise",
           "probleme", "problemes", "question", "questions", "bien", "beaucoup"},
}  # fmt: skip


@cache
def stopwords(language: str) -> frozenset[str]:
    words = set(stopwords_for_language(language)) | EXTRA_STOPWORDS[language]
    return frozenset(fold(w) for w in words)


@cache
def question_words(language: str) -> frozenset[str]:
    return frozenset(fold(w) for w in QUESTION_WORDS[language]) | stopwords(language)


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


def folded_words(text: str) -> list[str]:
    """The folded, unstemmed words of a text (what suggestions are made of).

    The whole text is folded at once (accent folding maps one character to one
    letter), then cut into words: the same words as cutting first, folding after."""
    return _TOKEN.findall(lower_folded(text))


def words(text: str) -> list[str]:
    """The folded, unstemmed words of a text (the same as :func:`plain`)."""
    return folded_words(text)


class _Stemmer(dict):
    """A stem cache as a dict: a miss computes the stem once (words repeat a lot)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.stem = stemmer_for_language(language)

    def __missing__(self, word: str) -> str:
        stem = self[word] = self.stem(word)
        if len(self) > 400_000:  # a bound, for a process that indexes for days
            self.clear()
        return stem


_STEMMERS = {lang: _Stemmer(lang) for lang in LANGUAGES}


def terms(text: str, language: str) -> list[str]:
    """Index terms of a text in a language, in order (stop words removed)."""
    stop = stopwords(language)
    stem = _STEMMERS[language]
    return [stem[w] for w in folded_words(text) if w not in stop]


def positions(text: str, language: str) -> dict[str, list[int]]:
    """Term -> its positions (counted after stop words, as Whoosh's StopFilter does)."""
    out: dict[str, list[int]] = {}
    for pos, term in enumerate(terms(text, language)):
        found = out.get(term)
        if found is None:
            out[term] = [pos]
        else:
            found.append(pos)
    return out


def analysed(text: str) -> dict[str, list[str]]:
    """The text's terms in each language (languages where nothing is left, left out)."""
    out = {lang: terms(text, lang) for lang in LANGUAGES}
    return {lang: toks for lang, toks in out.items() if toks}
