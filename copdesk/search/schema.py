"""The index schema and field weights.

Every text field exists once per language (``title_fr``, ``title_en``…): an item
is analysed in its own language, and a query is analysed in both, so French and
English items rank on equal terms. Weights (documented in the README):

- title (or name): 2.5
- tags: 2.25
- main text (report: summary and lessons; sheet: goal and steps; community: charter;
  person: job, department, site; skill: domain and description): 2
- everything else: 1

Field scores add up (BM25F), so a word in the title and in the summary already
counts twice; a bigger title factor (4 was tried) let a short title outrank text
matching several query words and cost 0.03 nDCG@10 on CISI (benchmarks/eval_ranking.py).
"""

from __future__ import annotations

from math import log

from whoosh.fields import ID, KEYWORD, NUMERIC, TEXT, Schema
from whoosh.scoring import BM25F

from copdesk.search.analysis import LANGUAGES, analyzer, plain

SCHEMA_VERSION = 2  # 2: dates as numbers for ranges
WEIGHTS = {"title": 2.5, "tags": 2.25, "main": 2.0, "body": 1.0}
TEXT_FIELDS = tuple(f"{part}_{lang}" for part in WEIGHTS for lang in LANGUAGES)
FACETS = ("kind", "community", "site", "tag", "status", "priority")
INDEXED_KINDS = ("rex", "howto", "question", "community", "person", "skill")


class Ranking(BM25F):
    """BM25F with Lucene's idf, log(1 + (N - n + 0.5) / (n + 0.5)).

    Whoosh's own idf, log(N / (n + 1)) + 1, still gives a word found in half of
    the items a weight of 1.7, so common words outweigh rare, telling ones.
    """

    def idf(self, searcher, fieldname: str, text: bytes) -> float:
        parent = searcher.get_parent()
        n = parent.doc_frequency(fieldname, text)
        total = parent.doc_count_all()
        return log(1 + (total - n + 0.5) / (n + 0.5))


def schema() -> Schema:
    fields = {
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
        "words": TEXT(analyzer=plain(), phrase=False),  # unstemmed: spelling suggestions
    }
    for part in WEIGHTS:
        for lang in LANGUAGES:
            fields[f"{part}_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=True)
    return Schema(**fields)
