"""The index schema and the ranking parameters.

Two text fields per language: ``title_fr`` / ``title_en`` (the title or name, and the
tags) and ``text_fr`` / ``text_en`` (everything else). An item is analysed in its own
language only; a query is analysed in both, so French and English items rank on
equal terms, and each language keeps its own length statistics.

Ranking is BM25F (:mod:`copdesk.search.scoring`): a word's frequencies in the title
and the text are added, each weighted and normalised by its field's length, before
one saturation; the idf is Lucene's, log(1 + (N - n + 0.5) / (n + 0.5)). The
parameters below were tuned on CISI and checked on CACM (benchmarks/eval_ranking.py);
CISI and CACM both preferred a title weight of 2 to 3 and a text b of 0.6 to 0.75.

Earlier schemas wrote four weighted parts (title, tags, main, body) per language,
each with positions, and built a union of matchers over all of them for every query
word: a long question became hundreds of matchers.
"""

from __future__ import annotations

from operator import sub
from pickle import dumps
from typing import Any

from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, FieldType, Schema
from whoosh.formats import Existence
from whoosh.system import pack_uint

from copdesk.search import analysis
from copdesk.search.analysis import LANGUAGES

SCHEMA_VERSION = 4  # 2: dates as numbers; 3: two text fields, fast analysis; 4: documents
PARTS = ("title", "text")
TEXT_FIELDS = tuple(f"{part}_{lang}" for part in PARTS for lang in LANGUAGES)
FACETS = ("kind", "community", "site", "tag", "status", "priority", "filetype")
INDEXED_KINDS = ("rex", "howto", "document", "question", "community", "person", "skill")
# kinds whose files' text is part of their text (copdesk.documents)
WITH_FILES = ("rex", "howto", "document")

# BM25F: per-field weight and length normalisation (b), one saturation (k1).
WEIGHTS = {"title": 2.0, "text": 1.0}
B = {"title": 0.4, "text": 0.6}
K1 = 1.2


_ONCE: dict[int, bytes] = {}  # position -> Whoosh's encoding of a one-position list


class AnalysedText(TEXT):
    """A TEXT field (positions, for phrases) indexed through :func:`analysis.positions`.

    Whoosh runs its analyzer token by token through a chain of generators; doing
    the same work on whole strings is several times faster, and indexing time is
    mostly analysis. The field's Whoosh analyzer (same chain) still serves
    highlighting and phrase queries.
    """

    def __init__(self, language: str) -> None:
        super().__init__(analyzer=analysis.analyzer(language), phrase=True)
        self.language = language

    def index(self, value: Any, **kwargs: Any):
        encode = self.format.encode
        once = _ONCE
        for term, where in analysis.positions(value, self.language).items():
            if len(where) == 1:  # most terms: a cached encoding of one position
                pos = where[0]
                value_bytes = once.get(pos)
                if value_bytes is None:
                    value_bytes = once[pos] = encode(where)
                yield term.encode("utf-8"), 1, 1.0, value_bytes
            else:  # Whoosh's Positions.encode: the count, then the pickled gaps
                gaps = [where[0], *map(sub, where[1:], where)]
                value_bytes = pack_uint(len(gaps)) + dumps(gaps, 2)
                yield term.encode("utf-8"), len(where), float(len(where)), value_bytes


class WordSet(FieldType):
    """Unstemmed folded words without frequencies: which words exist, what spelling
    suggestions are made of. A rebuild writes each word once (for the first item that
    has it); a save writes all the words of the saved items. How common a word is
    comes from its stems in the text fields, never from this field."""

    def __init__(self) -> None:
        self.format = Existence()
        self.analyzer = analysis.plain()
        self.scorable = False
        self.stored = False
        self.unique = False
        self.vector = None
        self.column_type = None

    def index(self, value: Any, **kwargs: Any):
        words = value if isinstance(value, list | tuple | set) else value.split()
        for word in set(words):
            yield word.encode("utf-8"), 1, 1.0, b""


def schema() -> Schema:
    fields: dict[str, Any] = {
        "id": ID(stored=True, unique=True),
        "kind": ID(stored=True, sortable=True),
        "community": ID(sortable=True),
        "site": ID(sortable=True),  # folded site name
        "status": ID(sortable=True),
        "priority": ID(sortable=True),
        "author": ID,
        "language": ID,
        # dates as YYYYMMDD numbers: a range is a few trie terms, not one term per day
        "occurred": NUMERIC(numtype=int, bits=32, shift_step=4),
        "updated": NUMERIC(numtype=int, bits=32, shift_step=4, sortable=True),
        "tag": KEYWORD(commas=True, scorable=False),  # folded tags, for filters and facets
        # formats of the item's files (pdf, docx, xlsx…), for filters and facets
        "filetype": KEYWORD(commas=True, scorable=False),
        "words": WordSet(),  # unstemmed: spelling suggestions
    }
    for part in PARTS:
        for lang in LANGUAGES:
            fields[f"{part}_{lang}"] = AnalysedText(lang)
    return Schema(**fields)
