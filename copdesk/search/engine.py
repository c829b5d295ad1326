"""Running a query: ranking, filters, facets, typo tolerance, snippets.

Items with all the words come first; when there are fewer than a page of them,
items with some of the words follow (marked ``partial``). When no item has them
all (typical of long, sentence-like queries), the result is the partial matches.
A plain word that is a stop word in either language is dropped from a query
that has other words (the query is analysed in both languages, so 'the' would
otherwise be searched as a French word). A word the index
has never seen is corrected to its nearest indexed word (Damerau-Levenshtein),
searched as well, and offered as "did you mean".
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from itertools import chain
from typing import Any

from whoosh import highlight
from whoosh.query import And, AndNot, Every, NullQuery, NumericRange, Or, Phrase, Query, Term

from copdesk.model.kinds import KINDS, LANGUAGES, PRIORITIES, STATUSES
from copdesk.model.text import fold
from copdesk.search import glossary
from copdesk.search.analysis import analyzer, stopwords, words
from copdesk.search.index import SearchIndex
from copdesk.search.query import Clause, ParsedQuery, parse
from copdesk.search.schema import FACETS, INDEXED_KINDS, WEIGHTS

SUGGEST_BELOW = 3  # fewer hits than this: correct unknown or rare words
RARE = 2  # a word in this many items or fewer may be a typo of a common near word
MORE_COMMON = 3  # ...if that near word is in this many times more items
SNIPPET_CHARS = 240
Resolver = Callable[[str, str], list[str]]  # (name, kind) -> ids of the items it names


def _tokens(text: str, lang: str) -> list[str]:
    return [t.text for t in analyzer(lang)(text)]


def text_query(text: str, phrase: bool = False) -> Query | None:
    """One word or phrase searched in every weighted field of both languages."""
    subs: list[Query] = []
    for part, weight in WEIGHTS.items():
        for lang in LANGUAGES:
            toks = _tokens(text, lang)
            if not toks:
                continue
            name = f"{part}_{lang}"
            if len(toks) == 1:
                subs.append(Term(name, toks[0], boost=weight))
            elif phrase or len(toks) > 1:
                subs.append(Phrase(name, toks, boost=weight))
    return Or(subs) if subs else None


def _is_common(clause: Clause) -> bool:
    """A lone word that is a stop word in either language ('le', 'the', 'pour')."""
    if clause.phrase or clause.alternatives:
        return False
    folded = words(clause.text)
    return len(folded) == 1 and any(folded[0] in stopwords(lang) for lang in LANGUAGES)


def _clause_query(clause: Clause) -> Query | None:
    parts = [text_query(c.text, c.phrase) for c in (clause, *clause.alternatives)]
    parts = [p for p in parts if p is not None]
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else Or(parts)


def apply_glossary(parsed: ParsedQuery, table: dict[tuple[str, ...], list[str]]) -> None:
    """Add a glossary group's other terms as alternatives of the words naming it."""
    if not table:
        return
    longest = max(len(k) for k in table)
    out: list[Clause] = []
    clauses = parsed.clauses
    i = 0
    while i < len(clauses):
        c = clauses[i]
        matched = False
        if not c.negated:
            for n in range(min(longest, len(clauses) - i), 0, -1):
                run = clauses[i : i + n]
                if any(r.negated or r.alternatives for r in run[1:]):
                    continue
                key = tuple(w for r in run for w in words(r.text))
                if key in table:
                    text = " ".join(r.text for r in run)
                    merged = Clause(text, phrase=len(key) > 1, alternatives=list(c.alternatives))
                    merged.alternatives += [
                        Clause(t, phrase=len(t.split()) > 1) for t in table[key]
                    ]
                    out.append(merged)
                    i += n
                    matched = True
                    break
        if not matched:
            out.append(c)
            i += 1
    parsed.clauses = out


def _date_bound(text: str, fill: str) -> int | None:
    """'2024', '2024-06' or '2024-06-15' -> YYYYMMDD, missing parts filled (00 or 99)."""
    digits = text.replace("-", "")
    if not digits.isdigit() or len(digits) not in (4, 6, 8) or not text[:4].isdigit():
        raise ValueError(text)
    return int((digits + fill * 4)[:8])


def _date_range(name: str, value: str) -> Query | None:
    """occurred:2023-01..2024-06, occurred:2024, occurred:..2024, updated:2025-03.."""
    start, sep, end = value.partition("..")
    if not sep:
        end = start
    if not (start or end):
        return None
    try:
        low = _date_bound(start, "0") if start else None
        high = _date_bound(end, "9") if end else None
    except ValueError:
        return None
    return NumericRange(name, low, high, constantscore=True)


_MD_NOISE = re.compile(r"(\*\*|__|`+|^#+\s*|^\s*[-*+]\s+|^\s*\d+\.\s+|\|)", re.M)
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def plain_text(markdown: str) -> str:
    """Markdown without its markup, for snippets ('**2 min**' -> '2 min')."""
    return _MD_NOISE.sub(" ", _MD_LINK.sub(r"\1", markdown)).strip()


class MarkFormatter(highlight.Formatter):
    """Escaped text with <mark> around the matched words."""

    between = " … "

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<mark>{html.escape(highlight.get_text(text, token, replace))}</mark>"

    def _text(self, text: str) -> str:
        return html.escape(text)


class Engine:
    def __init__(self, index: SearchIndex, conn: sqlite3.Connection, resolve: Resolver) -> None:
        self.index = index
        self.conn = conn
        self.resolve = resolve

    # -- filters --------------------------------------------------------------------

    def _filter(self, name: str, value: str, warnings: list[str]) -> Query:
        v = fold(value)
        if name == "kind":
            if v not in INDEXED_KINDS:
                warnings.append(
                    f"kind:{value} is not a searchable kind ({', '.join(INDEXED_KINDS)})"
                )
                return NullQuery
            return Term("kind", v)
        if name in ("community", "author"):
            kind = "community" if name == "community" else "person"
            found = self.resolve(value, kind)
            if not found:
                warnings.append(f"no {KINDS[kind].en.lower()} named {value!r}")
                return NullQuery
            return Or([Term(name, i) for i in found])
        if name == "site":
            return Or(
                [
                    Term("site", v),
                    *(Term("site", s) for s in self._site_terms() if v in s.split() and s != v),
                ]
            )
        if name == "tag":
            return Term("tag", v)
        if name in ("status", "priority", "language"):
            allowed = {"status": STATUSES, "priority": PRIORITIES, "language": LANGUAGES}[name]
            if v not in allowed:
                warnings.append(f"{name}:{value} is not one of {', '.join(allowed)}")
                return NullQuery
            return Term(name, v)
        rng = _date_range(name, value.strip())
        if rng is None:
            warnings.append(f"{name}:{value} is not a date or range like 2023-01..2024-06")
            return NullQuery
        return rng

    def _site_terms(self) -> list[str]:
        with self.index.searcher() as s:
            return [
                t.decode() if isinstance(t, bytes) else t for t in s.reader().field_terms("site")
            ]

    def _filters(self, parsed: ParsedQuery) -> Query | None:
        groups: dict[tuple[str, bool], list[Query]] = {}
        for name, value, negated in parsed.filters:
            groups.setdefault((name, negated), []).append(
                self._filter(name, value, parsed.warnings)
            )
        required = [Or(qs) if len(qs) > 1 else qs[0] for (n, neg), qs in groups.items() if not neg]
        excluded = [q for (n, neg), qs in groups.items() if neg for q in qs]
        if not required and not excluded:
            return None
        query: Query = And(required) if required else Every()
        for q in excluded:
            query = AndNot(query, q)
        return query

    # -- suggestions ----------------------------------------------------------------

    def _corrections(self, searcher: Any, parsed: ParsedQuery) -> dict[int, str]:
        """Index of each word that finds nothing, or little while a near word is far more
        common ('hydrualique' in 1 item, 'hydraulique' in 40) -> that near word."""
        reader = searcher.reader()
        out: dict[int, str] = {}
        for i, c in enumerate(parsed.clauses):
            if c.negated or c.phrase or c.alternatives:
                continue
            ws = words(c.text)
            if len(ws) != 1 or not 4 <= len(ws[0]) <= 30:
                continue
            word = ws[0]
            seen = reader.doc_frequency("words", word)
            if seen > RARE:
                continue
            if not seen:
                own = text_query(c.text)
                if own is not None and searcher.search(own, limit=1).scored_length():
                    continue  # found through its stem ("capteurs" -> capteur): not a typo
            best: tuple[int, int, str] | None = None
            for dist in (1, 2) if len(word) >= 6 else (1,):
                for cand in reader.terms_within("words", word, dist, prefix=1):
                    if cand == word:
                        continue
                    score = (dist, -reader.doc_frequency("words", cand), cand)
                    if best is None or score < best:
                        best = score
                if best:
                    break
            if best and (not seen or -best[1] >= max(RARE + 1, MORE_COMMON * seen)):
                out[i] = best[2]
        return out

    # -- search ---------------------------------------------------------------------

    def search(
        self, text: str, *, limit: int = 20, offset: int = 0, filters: dict[str, str] | None = None
    ) -> dict[str, Any]:
        started = time.perf_counter()
        parsed = parse(text)
        for name, value in (filters or {}).items():
            if value:
                parsed.filters.append((name, str(value), False))
        apply_glossary(parsed, glossary.expansions(self.conn))
        result = self._run(parsed, limit=max(1, min(limit, 500)), offset=max(0, offset))
        result["took_ms"] = round((time.perf_counter() - started) * 1000, 1)
        return result

    def _build(self, parsed: ParsedQuery, relaxed: bool) -> Query | None:
        positive, negative = [], []
        for c in parsed.clauses:
            q = _clause_query(c)
            if q is None:
                continue
            (negative if c.negated else positive).append(q)
        if positive:
            query: Query = Or(positive) if relaxed else And(positive)
        elif negative or parsed.filters:
            query = Every()
        else:
            return None
        for q in negative:
            query = AndNot(query, q)
        return query

    def _run(self, parsed: ParsedQuery, *, limit: int, offset: int) -> dict[str, Any]:
        common = [c for c in parsed.clauses if _is_common(c)]
        if common:
            parsed.clauses = [c for c in parsed.clauses if not _is_common(c)]
        ignored = [c.text for c in parsed.clauses if _clause_query(c) is None]
        if common or ignored:
            listed = ", ".join(dict.fromkeys([c.text for c in common] + ignored))
            parsed.warnings.append(f"too common to search on their own: {listed}")
        query = self._build(parsed, relaxed=False)
        empty: dict[str, Any] = {
            "total": 0,
            "hits": [],
            "facets": {f: {} for f in FACETS},
            "suggestion": None,
            "relaxed": False,
            "warnings": parsed.warnings,
        }
        if query is None:
            empty["warnings"] = [*parsed.warnings, "nothing to search for"]
            empty["usable"] = False
            return empty
        flt = self._filters(parsed)
        with self.index.searcher() as searcher:
            words_given = any(not c.negated for c in parsed.clauses)
            order = {} if words_given else {"sortedby": "updated", "reverse": True}

            def run(q: Query) -> Any:
                found = searcher.search(q, limit=offset + limit, filter=flt, **order)
                found.fragmenter = highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60)
                found.formatter = MarkFormatter()
                return found

            results = run(query)
            relaxed = False
            suggestion = None
            positives = [c for c in parsed.clauses if not c.negated]
            if len(results) < SUGGEST_BELOW:
                fixes = self._corrections(searcher, parsed)
                if fixes:
                    for i, word in fixes.items():
                        parsed.clauses[i].alternatives.append(Clause(word))
                    suggestion = " ".join(
                        fixes.get(i, c.text) if not c.negated else f"-{c.text}"
                        for i, c in enumerate(parsed.clauses)
                    )
                    results = run(self._build(parsed, relaxed=False))
            strict = results
            loose = None
            if len(strict) < offset + limit and len(positives) > 1:
                loose = run(self._build(parsed, relaxed=True))
            if loose is not None and not len(strict):
                results, relaxed = loose, True
            hits = self._hits(results[offset : offset + limit])
            if loose is not None and not relaxed and len(hits) < limit:
                # fill the page with items that have some of the words
                seen = strict.docs()
                skip = max(0, offset - len(strict))
                extra = [i for i, (_, doc) in enumerate(loose.top_n) if doc not in seen]
                page = [loose[i] for i in extra[skip : skip + limit - len(hits)]]
                hits += self._hits(page, partial=True)
            out = {
                "total": len(results),
                "hits": hits,
                "facets": self._facets(searcher, results),
                "suggestion": suggestion,
                "relaxed": relaxed,
                "partial": (len(loose) - len(strict)) if loose is not None and not relaxed else 0,
                "warnings": parsed.warnings,
                "usable": True,
            }
        return out

    # -- presenting -----------------------------------------------------------------

    def _facets(self, searcher: Any, results: Any) -> dict[str, dict[str, int]]:
        """Counts over every match, from per-segment value lists read once."""
        docs = results.docs()
        out: dict[str, dict[str, int]] = {}
        for name in FACETS:
            values = self.index.facet_values(searcher, name)
            if name == "tag":
                tally = Counter(chain.from_iterable(values[d] for d in docs))
            else:
                tally = Counter(values[d] for d in docs)
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
                shown = self._site_names()
                counts = {shown.get(k, k): v for k, v in counts.items()}
            out[name] = dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        return out

    def _site_names(self) -> dict[str, str]:
        """Folded site -> the spelling most items use."""
        rows = self.conn.execute(
            "SELECT json_extract(data, '$.site') AS s, count(*) FROM items"
            " WHERE deleted = 0 AND s IS NOT NULL GROUP BY s ORDER BY count(*)"
        )
        return {fold(site): site for site, _ in rows}

    def _hits(self, page: list[Any], partial: bool = False) -> list[dict[str, Any]]:
        if not page:
            return []
        ids = [h["id"] for h in page]
        marks = ",".join("?" * len(ids))
        rows = {
            r[0]: r
            for r in self.conn.execute(
                "SELECT i.id, i.kind, i.title, i.data, i.updated_at, c.title,"
                " json_extract(c.data, '$.stage') FROM items i"
                f" LEFT JOIN items c ON c.id = i.community WHERE i.id IN ({marks})",
                ids,
            )
        }
        hits = []
        for hit in page:
            row = rows.get(hit["id"])
            if row is None:  # deleted since the index was read
                continue
            data = json.loads(row[3])
            hits.append(
                {
                    "id": row[0],
                    "kind": row[1],
                    "title": row[2],
                    # sorted by date (filters only): no relevance score
                    "score": round(hit.score, 4) if isinstance(hit.score, float) else None,
                    "snippet": self._snippet(hit, row[1], data),
                    "community": row[5],
                    "site": data.get("site"),
                    "updated_at": row[4],
                    "partial": partial,
                    # a dissolved community's knowledge stays readable, marked archived
                    "archived": row[6] == "dissolution",
                }
            )
        return hits

    def _snippet(self, hit: Any, kind: str, data: dict[str, Any]) -> str:
        """The matched words in context, as escaped HTML with <mark> around matches."""
        from copdesk.search.documents import PARTS

        lang = data.get("language") or self.index.language
        for part in ("main", "body", "title"):
            text = plain_text("\n".join(str(data.get(f) or "") for f in PARTS[kind][part]))
            if not text:
                continue
            try:
                found = hit.highlights(f"{part}_{lang}", text=text, top=2)
            except Exception:  # highlighting is a nicety; never fail a search for it
                found = ""
            if found:
                return " ".join(found.split())
        first = next((str(data[f]) for f in PARTS[kind]["main"] if data.get(f)), "")
        first = " ".join(plain_text(first).split())
        return html.escape(first[:SNIPPET_CHARS] + ("…" if len(first) > SNIPPET_CHARS else ""))
