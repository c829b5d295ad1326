"""The index schema and field weights.

Every text field exists once per language (``title_fr``, ``title_en``…): an item
is analysed in its own language, and a query is analysed in both, so French and
English items rank on equal terms. Weights (documented in the README):

- title (or name): 4
- tags: 3
- main text (report: summary and lessons; sheet: goal and steps; community: charter;
  person: job, department, site; skill: domain and description): 2
- everything else: 1
"""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, TEXT, Schema

from copdesk.search.analysis import LANGUAGES, analyzer, plain

SCHEMA_VERSION = 1
WEIGHTS = {"title": 4.0, "tags": 3.0, "main": 2.0, "body": 1.0}
TEXT_FIELDS = tuple(f"{part}_{lang}" for part in WEIGHTS for lang in LANGUAGES)
FACETS = ("kind", "community", "site", "tag", "status", "priority")
INDEXED_KINDS = ("rex", "howto", "community", "person", "skill")


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
        "occurred": ID,  # YYYY-MM-DD: date ranges are term ranges
        "updated": ID(sortable=True),
        "tag": KEYWORD(commas=True, scorable=False),  # folded tags, for filters and facets
        "words": TEXT(analyzer=plain(), phrase=False),  # unstemmed: spelling suggestions
    }
    for part in WEIGHTS:
        for lang in LANGUAGES:
            fields[f"{part}_{lang}"] = TEXT(analyzer=analyzer(lang), phrase=True)
    return Schema(**fields)
