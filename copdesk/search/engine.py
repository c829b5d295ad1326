"""Running a query: ranking, filters, facets, typo tolerance, snippets, similar items.

A short query (a few words, or any query with quotes, ``OR``, ``-`` or filters)
wants all its words: items with all of them come first; when there are fewer than
a page of them, items with some of the words follow (marked ``partial``); when no
item has them all, the result is the partial matches (``relaxed``).

A sentence-like query (a question typed or pasted: at least ``SENTENCE_WORDS``
words and no operators) is ranked as a whole, with no all-words pass: its
question words ("what", "comment", "articles"…) and stop words of both languages
are dropped, the best items are found with pruning (the total is then an
estimate, ``total_exact`` False), and the query is expanded once from the words of
its best items (pseudo-relevance feedback, RM3).

A plain word that is a stop word in either language is dropped from a query
that has other words (the query is analysed in both languages, so 'the' would
otherwise be searched as a French word). Typos: :mod:`copdesk.search.spelling`;
snippets: :mod:`copdesk.search.snippets`; the glossary: :mod:`copdesk.search.glossary`.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass, field
from heapq import nlargest
from itertools import chain
from typing import Any

from whoosh.query import NullQuery, Or, Phrase, Query, Term

from copdesk.model.kinds import LANGUAGES
from copdesk.search import feedback, glossary
from copdesk.search.analysis import analysed, question_words, stopwords, words
from copdesk.search.filters import Filters, Resolver
from copdesk.search.index import SearchIndex
from copdesk.search.places import locate
from copdesk.search.query import Clause, ParsedQuery, parse
from copdesk.search.schema import FACETS, INDEXED_KINDS, PARTS, WITH_FILES
from copdesk.search.scoring import QueryTerm, Retrieved, retrieve
from copdesk.search.snippets import item_snippet
from copdesk.search.spelling import corrections

SUGGEST_BELOW = 3  # fewer hits than this: correct unknown or rare words
# typed words (stop words included) that make a query a sentence; counting only the
# words that are not stop words (4 or 5 of them) made short French keyword queries
# lose their all-words pass, and cost 0.01 nDCG@10 on the French set
SENTENCE_WORDS = 6
RANK_DEPTHS = (100, 1000)  # a sentence's ranking is exact to the first of these >= the page
FACET_POOL = 1000  # facets over this many best items when the total is an estimate
SIMILAR = 5
KNOWLEDGE = ("rex", "howto", "question")  # what "already known?" looks among


def _is_common(clause: Clause) -> bool:
    """A lone word that is a stop word in either language ('le', 'the', 'pour')."""
    if clause.phrase or clause.alternatives:
        return False
    folded = words(clause.text)
    return len(folded) == 1 and any(folded[0] in stopwords(lang) for lang in LANGUAGES)


def _is_question_word(clause: Clause) -> bool:
    folded = words(clause.text)
    return len(folded) == 1 and any(folded[0] in question_words(lang) for lang in LANGUAGES)


def is_sentence(parsed: ParsedQuery) -> bool:
    """A question or pasted text rather than a few chosen words."""
    clauses = parsed.clauses
    if not clauses or any(c.negated or c.phrase or c.alternatives for c in clauses):
        return False
    return sum(len(words(c.text)) for c in clauses) >= SENTENCE_WORDS


@dataclass
class Plan:
    """A parsed query turned into terms, phrases and exclusions for the index."""

    terms: list[QueryTerm] = field(default_factory=list)
    clauses: int = 0  # positive clauses (bits of a match mask)
    phrases: dict[int, list[dict[str, list[str]]]] = field(default_factory=dict)
    single: dict[int, list[QueryTerm]] = field(default_factory=dict)  # one-word alternatives
    negative: list[Clause] = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)  # terms to mark in snippets

    @property
    def full(self) -> int:
        return (1 << self.clauses) - 1


class Engine:
    def __init__(self, index: SearchIndex, conn: sqlite3.Connection, resolve: Resolver) -> None:
        self.index = index
        self.conn = conn
        self.resolve = resolve
        self.filters = Filters(index, conn, resolve)

    # -- query plan -----------------------------------------------------------------

    def _plan(self, parsed: ParsedQuery) -> Plan:
        plan = Plan()
        positive = [c for c in parsed.clauses if not c.negated]
        plan.negative = [c for c in parsed.clauses if c.negated]
        for i, clause in enumerate(positive):
            for alt in (clause, *clause.alternatives):
                for lang, toks in analysed(alt.text).items():
                    plan.highlight.update(toks)
                    for tok in toks:
                        plan.terms.append(QueryTerm(lang, tok, 1.0 / len(toks), i))
                    if len(toks) > 1:
                        plan.phrases.setdefault(i, []).append({lang: toks})
                    else:
                        plan.single.setdefault(i, []).append(QueryTerm(lang, toks[0]))
        plan.clauses = len(positive)
        return plan

    def _phrase_docs(self, searcher: Any, alternatives: list[dict[str, list[str]]]) -> set[int]:
        subs: list[Query] = [
            Phrase(f"{part}_{lang}", toks)
            for alt in alternatives
            for lang, toks in alt.items()
            for part in PARTS
        ]
        return set(searcher.docs_for_query(Or(subs))) if subs else set()

    def _clause_docs(self, searcher: Any, plan: Plan) -> dict[int, set[int]] | None:
        """For a clause with phrases: the documents where it counts as matched."""
        out: dict[int, set[int]] = {}
        for i, alts in plan.phrases.items():
            # a one-word alternative matches wherever it occurs
            docs = self._term_docs(searcher, plan.single.get(i, []))
            out[i] = docs | self._phrase_docs(searcher, alts)
        return out or None

    def _term_docs(self, searcher: Any, qterms: list[QueryTerm]) -> set[int]:
        subs = [Term(f"{part}_{t.lang}", t.text) for t in qterms for part in PARTS]
        return set(searcher.docs_for_query(Or(subs))) if subs else set()

    def _banned(self, searcher: Any, plan: Plan) -> set[int] | None:
        if not plan.negative:
            return None
        banned: set[int] = set()
        for clause in plan.negative:
            for alt in (clause, *clause.alternatives):
                by_lang = analysed(alt.text)
                singles = [
                    QueryTerm(lang, toks[0]) for lang, toks in by_lang.items() if len(toks) == 1
                ]
                banned |= self._term_docs(searcher, singles)
                multi = {lang: toks for lang, toks in by_lang.items() if len(toks) > 1}
                if multi:
                    banned |= self._phrase_docs(searcher, [multi])
        return banned

    # -- search ---------------------------------------------------------------------

    def search(
        self, text: str, *, limit: int = 20, offset: int = 0, filters: dict[str, str] | None = None
    ) -> dict[str, Any]:
        started = time.perf_counter()
        parsed = parse(text)
        for name, value in (filters or {}).items():
            if value:
                parsed.filters.append((name, str(value), False))
        glossary.apply(parsed, glossary.expansions(self.conn))
        result = self._run(parsed, limit=max(1, min(limit, 500)), offset=max(0, offset))
        result["took_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return result

    def _run(self, parsed: ParsedQuery, *, limit: int, offset: int) -> dict[str, Any]:
        sentence = is_sentence(parsed)
        drop = _is_question_word if sentence else _is_common
        common = [c for c in parsed.clauses if drop(c)]
        if common and len(common) < len(parsed.clauses):
            parsed.clauses = [c for c in parsed.clauses if not drop(c)]
        elif common:
            common = [c for c in common if _is_common(c)]
            parsed.clauses = [c for c in parsed.clauses if not _is_common(c)]
        ignored = [c.text for c in parsed.clauses if not any(analysed(c.text).values())]
        if ignored:
            parsed.clauses = [c for c in parsed.clauses if c.text not in ignored]
        if (common and not sentence) or ignored:
            listed = ", ".join(dict.fromkeys([c.text for c in common] + ignored))
            parsed.warnings.append(f"too common to search on their own: {listed}")
        empty: dict[str, Any] = {
            "total": 0,
            "total_exact": True,
            "hits": [],
            "facets": {f: {} for f in FACETS},
            "suggestion": None,
            "relaxed": False,
            "partial": 0,
            "warnings": parsed.warnings,
            "usable": True,
        }
        if not parsed.clauses and not parsed.filters:
            empty["warnings"] = [*parsed.warnings, "nothing to search for"]
            empty["usable"] = False
            return empty
        flt = self.filters.query(parsed)
        with self.index.searcher() as searcher:
            allowed = self.index.filter_docs(searcher, flt) if flt is not None else None
            plan = self._plan(parsed)
            banned = self._banned(searcher, plan)
            if not plan.clauses:
                return self._listing(searcher, allowed, banned, limit, offset, empty)
            if sentence:
                return self._ranked(searcher, plan, allowed, banned, limit, offset, empty)
            return self._all_words(searcher, parsed, plan, allowed, banned, limit, offset, empty)

    def _listing(
        self,
        searcher: Any,
        allowed: set[int] | None,
        banned: set[int] | None,
        limit: int,
        offset: int,
        out: dict[str, Any],
    ) -> dict[str, Any]:
        """Filters (and exclusions) alone: matching items, newest first."""
        if allowed is None:
            allowed = self.index.live_docs(searcher)
        docs = allowed - banned if banned else allowed
        updated = self.index.facet_values(searcher, "updated")
        page = nlargest(offset + limit, docs, key=lambda d: (updated[d] or 0, -d))[offset:]
        out.update(
            total=len(docs),
            hits=self._hits(searcher, [(None, d) for d in page], set()),
            facets=self._facets(searcher, docs),
        )
        return out

    def _all_words(
        self,
        searcher: Any,
        parsed: ParsedQuery,
        plan: Plan,
        allowed: set[int] | None,
        banned: set[int] | None,
        limit: int,
        offset: int,
        out: dict[str, Any],
    ) -> dict[str, Any]:
        want = offset + limit
        found = self._retrieve(searcher, plan, allowed, banned, want, prune=False)
        full = plan.full
        strict = [d for d, m in found.masks.items() if m == full]
        if len(strict) < SUGGEST_BELOW:
            fixes = corrections(searcher, parsed)
            if fixes:
                for i, word in fixes.items():
                    parsed.clauses[i].alternatives.append(Clause(word))
                out["suggestion"] = " ".join(
                    fixes.get(i, c.text) if not c.negated else f"-{c.text}"
                    for i, c in enumerate(parsed.clauses)
                )
                plan = self._plan(parsed)
                found = self._retrieve(searcher, plan, allowed, banned, want, prune=False)
                full = plan.full
                strict = [d for d, m in found.masks.items() if m == full]
        relaxed = not strict and plan.clauses > 1
        if relaxed:
            pool = [d for d, m in found.masks.items() if m]
            hits = self._hits(searcher, found.top(want, pool)[offset:], plan.highlight)
            out.update(total=len(pool), hits=hits, relaxed=True)
            out["facets"] = self._facets(searcher, pool)
            return out
        hits = self._hits(searcher, found.top(want, strict)[offset:], plan.highlight)
        partial = 0
        if len(strict) < want and plan.clauses > 1:
            strict_set = set(strict)
            some = [d for d, m in found.masks.items() if m and d not in strict_set]
            partial = len(some)
            skip = max(0, offset - len(strict))
            page = found.top(skip + limit - len(hits), some)[skip:]
            hits += self._hits(searcher, page, plan.highlight, partial=True)
        out.update(total=len(strict), hits=hits, partial=partial)
        out["facets"] = self._facets(searcher, strict)
        return out

    def _ranked(
        self,
        searcher: Any,
        plan: Plan,
        allowed: set[int] | None,
        banned: set[int] | None,
        limit: int,
        offset: int,
        out: dict[str, Any],
    ) -> dict[str, Any]:
        """A sentence: one ranked pass (pruned), expanded from its best items, again.

        Pruning keeps the best ``depth`` items exact; the depth goes by steps, not by
        page, so that the next pages of a query continue the same ranking."""
        want = offset + limit
        depth = next((d for d in RANK_DEPTHS if want <= d), want)
        first = self._retrieve(searcher, plan, allowed, banned, depth, prune=True, track=False)
        found = first
        if first.scores and feedback.TERMS:
            top = first.top(feedback.DOCS)
            ids = self._ids(searcher, [d for _, d in top])
            expansion = feedback.expand(
                self.conn,
                self.index.language,
                [(s, ids[d]) for s, d in top],
                plan.terms,
                searcher,
                self.index.memo.setdefault("df", {}),
            )
            if expansion:
                # the original terms' scores are kept: only the expansion is read
                found = retrieve(
                    searcher,
                    self.index.norms,
                    expansion,
                    k=depth,
                    allowed=allowed,
                    banned=banned,
                    start=first,
                    cache=self.index.memo.setdefault("df", {}),
                    lists=self.index.lists,
                    track=False,
                )
        ranked = found.top(want)
        hits = self._hits(searcher, ranked[offset:], plan.highlight)
        exact = first.exact and found.exact
        out.update(total=found.estimate if not exact else len(first.scores), hits=hits)
        out["total_exact"] = exact
        pool = first.scores if exact else [d for _, d in first.top(FACET_POOL)]
        out["facets"] = self._facets(searcher, pool)
        return out

    def _retrieve(
        self,
        searcher: Any,
        plan: Plan,
        allowed: set[int] | None,
        banned: set[int] | None,
        k: int,
        prune: bool,
        track: bool = True,
    ) -> Retrieved:
        return retrieve(
            searcher,
            self.index.norms,
            plan.terms,
            k=k,
            allowed=allowed,
            banned=banned,
            prune=prune,
            clause_docs=self._clause_docs(searcher, plan) if plan.phrases else None,
            cache=self.index.memo.setdefault("df", {}),
            lists=self.index.lists,
            track=track,
        )

    # -- similar items ----------------------------------------------------------------

    def similar(
        self,
        *,
        item_id: str | None = None,
        title: str = "",
        body: str = "",
        limit: int = SIMILAR,
        language: str | None = None,
        kinds: tuple[str, ...] = KNOWLEDGE,
    ) -> dict[str, Any]:
        """Items (of ``kinds``: reports, sheets and questions unless told) most like an
        existing item or a draft (title and body), the item itself excluded.

        With both an item and a draft (the editor of a saved item), the draft's text is
        used and the item excluded."""
        started = time.perf_counter()
        lang = language  # a draft in an unknown language is read in both
        if item_id is not None and not (title or body):
            found = feedback.item_text(self.conn, item_id, self.index.language)
            if found is not None:
                lang, title, body = found
        with self.index.searcher() as searcher:
            qterms = feedback.like_terms(searcher, title, body, lang or "")
            out: dict[str, Any] = {"hits": [], "took_ms": 0.0}
            if qterms:
                banned = set(self.index.docs_with_id(searcher, item_id)) if item_id else None
                wanted = [k for k in kinds if k in INDEXED_KINDS]
                allowed = self.index.filter_docs(
                    searcher, Or([Term("kind", k) for k in wanted]) if wanted else NullQuery
                )
                plan = Plan(terms=qterms, highlight={t.text for t in qterms})
                found_docs = self._retrieve(
                    searcher, plan, allowed, banned, limit, prune=True, track=False
                )
                out["hits"] = self._hits(searcher, found_docs.top(limit), plan.highlight)
                for hit in out["hits"]:
                    hit.pop("partial", None)
        out["took_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return out

    # -- presenting -----------------------------------------------------------------

    def _ids(self, searcher: Any, docnums: list[int]) -> dict[int, str]:
        return {d: searcher.stored_fields(d)["id"] for d in docnums}

    def _facets(self, searcher: Any, docs: Any) -> dict[str, dict[str, int]]:
        """Counts over the matches, from per-segment value lists read once."""
        out: dict[str, dict[str, int]] = {}
        for name in FACETS:
            values = self.index.facet_values(searcher, name)
            if name in ("tag", "filetype"):
                tally = Counter(chain.from_iterable(map(values.__getitem__, docs)))
            else:
                tally = Counter(map(values.__getitem__, docs))
            counts = {k: v for k, v in tally.items() if k}
            if name == "community" and counts:
                marks = ",".join("?" * len(counts))
                names = dict(
                    self.conn.execute(
                        f"SELECT id, title FROM items WHERE id IN ({marks})", list(counts)
                    )
                )
                counts = {names.get(k, k): v for k, v in counts.items()}
            elif name == "site" and counts:
                shown = self.filters.site_names()
                counts = {shown.get(k, k): v for k, v in counts.items()}
            out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return out

    def _hits(
        self,
        searcher: Any,
        page: list[tuple[float | None, int]],
        marks: set[str],
        partial: bool = False,
    ) -> list[dict[str, Any]]:
        if not page:
            return []
        ids = self._ids(searcher, [d for _, d in page])
        holders = ",".join("?" * len(ids))
        rows = {
            r[0]: r
            for r in self.conn.execute(
                "SELECT i.id, i.kind, i.title, i.data, i.updated_at, c.title,"
                " json_extract(c.data, '$.stage') FROM items i"
                f" LEFT JOIN items c ON c.id = i.community WHERE i.id IN ({holders})",
                list(ids.values()),
            )
        }
        hits = []
        for score, docnum in page:
            row = rows.get(ids[docnum])
            if row is None:  # deleted since the index was read
                continue
            data = json.loads(row[3])
            shown = item_snippet(marks, row[1], data, self.index.language)
            found = None
            if row[1] in WITH_FILES and (row[1] == "document" or "<mark>" not in shown):
                # the words may be in its files: which file, which page
                lang = data.get("language") or self.index.language
                found = locate(self.conn, row[0], marks, lang if lang in LANGUAGES else "fr")
                if found and found["snippet"]:
                    shown = found["snippet"]
            hits.append(
                {
                    "id": row[0],
                    "kind": row[1],
                    "title": row[2],
                    # sorted by date (filters only): no relevance score
                    "score": round(score, 4) if isinstance(score, float) else None,
                    "snippet": shown,
                    "community": row[5],
                    "site": data.get("site"),
                    "updated_at": row[4],
                    "partial": partial,
                    # a dissolved community's knowledge stays readable, marked archived
                    "archived": row[6] == "dissolution",
                }
            )
            if found:  # {attachment, name, sha256, place: {page} | {sheet, cell} | {heading}}
                hits[-1]["file"] = {k: v for k, v in found.items() if k != "snippet"}
        return hits
