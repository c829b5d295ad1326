"""Top-k retrieval over Whoosh's posting lists: BM25F, term at a time, with pruning.

Whoosh's own query objects make one matcher per term and field and walk them all
together, document by document, in Python: a long question became a union of
hundreds of matchers, and every match was scored and counted. Here each query
term's posting lists (title and text of one language) are read block by block,
and scores accumulate per document:

- terms go from the most to the least telling (highest possible contribution
  first); once the k-th best score is above what the remaining terms could still
  add, no new document can enter the top k, so the remaining (common) terms only
  update the candidates already found, and the posting blocks holding none of
  them are skipped without being decoded (MaxScore's idea, term at a time);
- the number of matching items is then an estimate (``exact`` is False).

The parameters are in :mod:`copdesk.search.schema` (``WEIGHTS``, ``B``, ``K1``).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from heapq import nlargest
from math import log
from operator import mul, neg
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.reading import TermNotFound
from whoosh.util.numeric import byte_to_length

from copdesk.search import schema


@dataclass(frozen=True)
class QueryTerm:
    """One analysed term of a query, searched in the title and text of one language."""

    lang: str
    text: str
    weight: float = 1.0
    clause: int | None = None  # the clause it makes match (None: expansion, score only)


@dataclass
class Retrieved:
    scores: dict[int, float] = field(default_factory=dict)  # docnum -> score
    masks: dict[int, int] = field(default_factory=dict)  # docnum -> clauses matched (bits)
    exact: bool = True  # scores holds every document matching a term
    estimate: int = 0  # documents matching some term (exact when ``exact``)
    skipped_blocks: int = 0

    def top(self, k: int, among: Iterable[int] | None = None) -> list[tuple[float, int]]:
        """The k best (score, docnum), ties by docnum."""
        scores = self.scores
        if among is None:
            pairs = zip(scores.values(), map(neg, scores), strict=True)
        else:
            docs = list(among)
            pairs = zip(map(scores.__getitem__, docs), map(neg, docs), strict=True)
        return [(score, -negated) for score, negated in nlargest(k, pairs)]


def idf(doc_count: int, df: int) -> float:
    """Lucene's idf: a word in half of the items still weighs little, never less than 0."""
    return log(1 + (doc_count - df + 0.5) / (df + 0.5))


# -- posting lists ----------------------------------------------------------------------


def postings(
    reader: Any, fieldname: str, btext: bytes, only: list[int] | None = None
) -> tuple[list[int], list[float], int]:
    """(docnums, frequencies, blocks skipped) of a term in one segment.

    With ``only`` (sorted docnums), blocks whose range holds none of them are
    skipped undecoded and only those docnums are returned.
    """
    try:
        m = reader._terms.matcher(fieldname, btext, reader.schema[fieldname].format)
    except (TermNotFound, KeyError, AttributeError):
        try:
            m = reader.postings(fieldname, btext)
        except TermNotFound:
            return [], [], 0
    ids: list[int] = []
    tfs: list[float] = []
    skipped = 0
    if isinstance(m, W3LeafMatcher):
        low = -1
        while m.is_active():
            high = m._maxid
            if only is not None:
                i = bisect_right(only, low)
                if i >= len(only) or only[i] > high:
                    skipped += 1
                    low = high
                    m._next_block()
                    continue
            m._read_ids()
            m._read_weights()
            ids.extend(m._ids)
            tfs.extend(m._weights)
            low = high
            m._next_block()
    else:
        while m.is_active():
            ids.append(m.id())
            tfs.append(m.weight())
            m.next()
    if only is not None and ids:
        wanted = set(only)
        kept = [(d, t) for d, t in zip(ids, tfs, strict=True) if d in wanted]
        ids = [d for d, _ in kept]
        tfs = [t for _, t in kept]
    return ids, tfs, skipped


def _segment_key(reader: Any) -> str:
    segment = reader.segment() if hasattr(reader, "segment") else None
    return segment.segment_id() if segment is not None else str(id(reader))


class PostingCache:
    """Decoded posting lists of common terms, per segment (segments never change).

    Questions and their feedback words keep meeting the same common words; reading
    one means unpickling and delta-decoding hundreds of blocks. Kept as arrays,
    within a bound on the postings held (about 8 bytes each), oldest out first."""

    MIN_POSTINGS = 256  # shorter lists are cheap to read again
    MAX_POSTINGS = 8_000_000

    def __init__(self) -> None:
        self._lists: dict[tuple[str, str, bytes], tuple[array, array]] = {}
        self._held = 0

    def postings(
        self, reader: Any, fieldname: str, btext: bytes, only: list[int] | None = None
    ) -> tuple[list[int] | array, list[float] | array, int]:
        key = (_segment_key(reader), fieldname, btext)
        found = self._lists.get(key)
        if found is None:
            if only is not None:  # a partial read (blocks skipped): not kept
                return postings(reader, fieldname, btext, only)
            ids, tfs, skipped = postings(reader, fieldname, btext)
            if len(ids) >= self.MIN_POSTINGS:
                self._keep(key, array("I", ids), array("f", tfs))
            return ids, tfs, skipped
        ids_a, tfs_a = found
        if only is None:
            return ids_a, tfs_a, 0
        out_ids, out_tfs = [], []
        size = len(ids_a)
        if len(only) * 16 < size:  # few candidates: look each one up
            for d in only:
                i = bisect_left(ids_a, d)
                if i < size and ids_a[i] == d:
                    out_ids.append(d)
                    out_tfs.append(tfs_a[i])
            return out_ids, out_tfs, 0
        wanted = set(only)  # many: one pass over the list
        kept = [(d, t) for d, t in zip(ids_a, tfs_a, strict=True) if d in wanted]
        return [d for d, _ in kept], [t for _, t in kept], 0

    def _keep(self, key: tuple[str, str, bytes], ids: array, tfs: array) -> None:
        self._lists[key] = (ids, tfs)
        self._held += len(ids)
        while self._held > self.MAX_POSTINGS and self._lists:
            oldest = next(iter(self._lists))
            self._held -= len(self._lists.pop(oldest)[0])

    def forget(self, live: set[str]) -> None:
        for key in [k for k in self._lists if k[0] not in live]:
            self._held -= len(self._lists.pop(key)[0])


class Norms:
    """Per segment and field, each document's BM25F factor w / (1 - b + b * len / avg).

    Segments never change, so the factors are kept until the average length of
    the field drifts by more than 5% (then recomputed)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], tuple[float, list[float]]] = {}

    def get(self, reader: Any, fieldname: str, avg: float) -> list[float]:
        key = (_segment_key(reader), fieldname)
        found = self._cache.get(key)
        if found is not None and abs(found[0] - avg) <= 0.05 * max(avg, 1e-9):
            return found[1]
        part = fieldname.split("_", 1)[0]
        w, b = schema.WEIGHTS[part], schema.B[part]
        table = [w / (1 - b + b * byte_to_length(i) / avg) for i in range(256)]
        count = reader.doc_count_all()
        try:
            raw = reader._perdoc._cached_reader(f"_{fieldname}_len", _lengths_column())
            codes = raw.load() if raw is not None else None
        except AttributeError:
            codes = None
        if codes is None:
            norms = [
                w / (1 - b + b * (reader.doc_field_length(d, fieldname) or 0) / avg)
                for d in range(count)
            ]
        else:
            norms = [table[c] for c in codes]
            norms += [table[0]] * (count - len(norms))
        self._cache[key] = (avg, norms)
        return norms

    def forget(self, live: set[str]) -> None:
        self._cache = {k: v for k, v in self._cache.items() if k[0] in live}


def _lengths_column() -> Any:
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN

    return LENGTHS_COLUMN


# -- retrieval --------------------------------------------------------------------------


@dataclass
class _Prepared:
    term: QueryTerm
    btext: bytes
    idf: float
    bound: float  # the most this term can add to a score
    df: int


def term_frequency(
    searcher: Any, lang: str, btext: bytes, cache: dict[tuple[str, bytes], int] | None = None
) -> int:
    """Items having the term in their title or text (the larger of the two counts)."""
    if cache is not None:
        found = cache.get((lang, btext))
        if found is not None:
            return found
    df = max(searcher.doc_frequency(f"{part}_{lang}", btext) for part in schema.PARTS)
    if cache is not None:
        cache[(lang, btext)] = df
    return df


def _prepare(
    searcher: Any, terms: list[QueryTerm], cache: dict | None = None
) -> tuple[list[_Prepared], int]:
    n = max(1, searcher.doc_count_all())
    merged: dict[tuple[str, str, int | None], float] = {}
    for t in terms:
        merged[(t.lang, t.text, t.clause)] = merged.get((t.lang, t.text, t.clause), 0.0) + t.weight
    out = []
    for (lang, text, clause), weight in merged.items():
        btext = text.encode("utf-8")
        df = term_frequency(searcher, lang, btext, cache)
        if not df:
            continue
        w_idf = idf(n, df)
        bound = weight * w_idf * (schema.K1 + 1)
        out.append(_Prepared(QueryTerm(lang, text, weight, clause), btext, w_idf, bound, df))
    out.sort(key=lambda p: -p.bound)
    return out, n


def retrieve(
    searcher: Any,
    norms: Norms,
    terms: list[QueryTerm],
    *,
    k: int,
    allowed: set[int] | None = None,
    banned: set[int] | None = None,
    prune: bool = True,
    clause_docs: dict[int, set[int]] | None = None,
    start: Retrieved | None = None,
    cache: dict | None = None,
    lists: PostingCache | None = None,
    track: bool = True,
) -> Retrieved:
    """Score documents for ``terms``; ``allowed``/``banned`` are docnum sets (filters).

    ``clause_docs`` restricts where a clause counts as matched (a phrase's documents):
    its terms still score elsewhere, but do not set its bit there. ``start``: scores
    already computed for other terms (a first pass), which these terms add to.
    ``cache``: term frequencies kept while the searcher lives; ``lists``: decoded
    posting lists kept between searches; ``track``: whether to record which clauses
    each document matches (a ranked sentence does not need it).
    """
    prepared, n = _prepare(searcher, terms, cache)
    read = lists.postings if lists is not None else postings
    out = Retrieved()
    if start is not None:
        out.scores, out.masks = dict(start.scores), dict(start.masks)
        out.exact, out.estimate = start.exact, start.estimate
    if not prepared:
        return out
    k1 = schema.K1
    avgs = {}
    for p in prepared:
        for part in schema.PARTS:
            name = f"{part}_{p.term.lang}"
            if name not in avgs:
                docs = searcher.doc_frequency("language", p.term.lang) or n
                avgs[name] = max(searcher.field_length(name) / docs, 1.0)
    scores, masks = out.scores, out.masks
    remaining = sum(p.bound for p in prepared)
    leaves = searcher.leafreaders or [(searcher.reader(), 0)]
    candidates: list[int] | None = None  # sorted, once only candidates are updated
    check_below = remaining  # look for the k-th score again once the bounds fall below
    for p in prepared:
        remaining -= p.bound
        left = p.bound + remaining  # the most a document not yet seen can still score
        if candidates is None and prune and len(scores) > k and left <= check_below:
            # could a document not yet seen still reach the top k?
            threshold = nlargest(k, scores.values())[-1]
            if threshold > left:
                candidates = sorted(d for d, s in scores.items() if s + left >= threshold)
                out.exact = False
            else:
                check_below = left * 0.7
        lang = p.term.lang
        bit = 0 if p.term.clause is None else 1 << p.term.clause
        where = None if clause_docs is None else clause_docs.get(p.term.clause)
        factor = p.term.weight * p.idf * (k1 + 1)
        for reader, offset in leaves:
            if reader.doc_count_all() == 0:
                continue
            only = None
            if candidates is not None:
                lo = bisect_right(candidates, offset - 1)
                hi = bisect_right(candidates, offset + reader.doc_count_all() - 1)
                if lo == hi:
                    continue
                only = [d - offset for d in candidates[lo:hi]]
            deleted = reader.deleted_docs_set if reader.has_deletions() else None
            parts = []
            for part in schema.PARTS:
                name = f"{part}_{lang}"
                ids, tfs, skipped = read(reader, name, p.btext, only)
                out.skipped_blocks += skipped
                if len(ids):
                    parts.append((ids, tfs, norms.get(reader, name, avgs[name])))
            if not parts:
                continue
            if len(parts) == 1:  # in one field only: no need to add the fields up
                ids, tfs, norm = parts[0]
                weighted: Any = zip(ids, map(mul, tfs, map(norm.__getitem__, ids)), strict=True)
            else:
                tf_sum: dict[int, float] = {}
                for ids, tfs, norm in parts:
                    get = tf_sum.get
                    for d, tf in zip(ids, tfs, strict=True):
                        tf_sum[d] = get(d, 0.0) + tf * norm[d]
                weighted = tf_sum.items()
            get_score = scores.get
            if deleted is None and allowed is None and banned is None:  # the common cases
                if not (bit and track):
                    for d, x in weighted:
                        doc = d + offset
                        scores[doc] = get_score(doc, 0.0) + factor * x / (k1 + x)
                    continue
                if where is None:
                    get_mask = masks.get
                    for d, x in weighted:
                        doc = d + offset
                        scores[doc] = get_score(doc, 0.0) + factor * x / (k1 + x)
                        masks[doc] = get_mask(doc, 0) | bit
                    continue
            for d, x in weighted:
                if deleted is not None and d in deleted:
                    continue
                doc = d + offset
                if allowed is not None and doc not in allowed:
                    continue
                if banned is not None and doc in banned:
                    continue
                scores[doc] = get_score(doc, 0.0) + factor * x / (k1 + x)
                if bit and track and (where is None or doc in where):
                    masks[doc] = masks.get(doc, 0) | bit
    if out.exact:
        out.estimate = len(scores)
    elif start is not None:
        out.estimate = max(start.estimate, len(scores))
    else:
        # independent terms: 1 - prod(1 - df/N) of the items, never fewer than found
        miss = 1.0
        for p in prepared:
            miss *= 1 - min(p.df, n) / n
        out.estimate = max(len(scores), round(n * (1 - miss)))
    return out
