"""Ranking quality of copdesk search on the CISI test collection, against plain SQLite FTS5.

CISI (1,460 library-science abstracts, 112 queries, 76 of them with relevance
judgements) is a classic information-retrieval test collection: for each judged
query we know which documents are relevant, so we can measure how well a search
engine ranks them. The same documents and queries go through three systems:

1. copdesk: a workspace in a temporary folder, each CISI document added as an
   experience report (``title`` = the .T text, ``summary`` = the .W text, language
   ``en``), then ``ws.search.query(query, limit=N)`` for each judged query (the .W
   text of the query, as a user would paste it).
2. baseline: a plain SQLite FTS5 table ``docs(title, body)`` with the default
   tokenizer (unicode61, no stemming, no stop words), queried with
   ``ORDER BY bm25(docs) LIMIT N``; the query is an OR of its words (runs of
   letters and digits, each double-quoted so nothing in the text is read as FTS5
   syntax, repeated words once).
3. the same baseline with ``tokenize='porter unicode61'`` (stemming), for context.

Metrics, averaged over the judged queries (a query with no hit scores 0):

- nDCG@10: binary relevance, log2 discount, ideal ranking from the number of
  relevant documents;
- MAP: average precision over the N returned documents, relevant documents not
  returned counting as 0;
- P@10: relevant documents among the first 10, divided by 10.

The metrics are implemented here (no extra dependency) and checked against
hand-computed examples at start-up, so a metric bug cannot pass silently. Query
times are wall-clock (``time.perf_counter``) around each search call; copdesk's
includes what ``Workspace.search`` does besides ranking (facets, snippets).

Run::

    .venv/bin/python benchmarks/eval_ranking.py                 # CISI in ../shared/data/cisi
    .venv/bin/python benchmarks/eval_ranking.py --cisi DIR --limit 100
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import re
import signal
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from copdesk.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CISI = ROOT.parent / "shared" / "data" / "cisi"
COPDESK_MAX_LIMIT = 500  # Workspace.search returns at most this many hits
CUTOFF = 10  # for nDCG@10 and P@10

Ranking = list[str]  # CISI document ids, best first


# -- the CISI collection --------------------------------------------------------------

# A field marker is a line holding a dot, one capital letter and maybe a value
# (".I 12", ".T", ".W"); everything up to the next marker line belongs to the field.
_MARKER = re.compile(r"^\.([A-Z])(?:[ \t]+(.*))?$")


@dataclass(frozen=True)
class Collection:
    docs: dict[str, tuple[str, str]]  # id -> (title, text)
    queries: dict[str, str]  # id -> text (.W)
    qrels: dict[str, set[str]]  # query id -> relevant document ids

    @property
    def judged(self) -> list[str]:
        """Ids of queries with at least one relevant document, in numeric order."""
        return sorted((q for q in self.queries if self.qrels.get(q)), key=int)


def parse_records(path: Path) -> list[dict[str, str]]:
    """Records of a SMART-format file: ``{"I": id, "T": ..., "W": ...}`` per ``.I`` line.

    Fields run over several lines until the next marker line; a field given twice
    is joined; whitespace is collapsed.
    """
    records: list[dict[str, list[str]]] = []
    current: list[str] | None = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = _MARKER.match(line.rstrip())
        if m is None:
            if current is not None:
                current.append(line)
            continue
        letter, value = m.group(1), (m.group(2) or "").strip()
        if letter == "I":
            records.append({"I": [value]})
            current = None
        elif records:
            current = records[-1].setdefault(letter, [])
            if value:
                current.append(value)
    return [{k: " ".join(" ".join(v).split()) for k, v in r.items()} for r in records]


def load_cisi(directory: Path) -> Collection:
    docs = {}
    for r in parse_records(directory / "CISI.ALL"):
        docs[r["I"]] = (r.get("T", ""), r.get("W", ""))
    queries = {r["I"]: r.get("W", "") for r in parse_records(directory / "CISI.QRY")}
    qrels: dict[str, set[str]] = {}
    for line in (directory / "CISI.REL").read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            qrels.setdefault(str(int(parts[0])), set()).add(str(int(parts[1])))
    if len(docs) != 1460 or len(queries) != 112:
        print(f"note: expected 1,460 documents and 112 queries, got {len(docs)} and {len(queries)}")
    unknown = {d for rel in qrels.values() for d in rel} - set(docs)
    if unknown:
        raise RuntimeError(f"CISI.REL names {len(unknown)} documents missing from CISI.ALL")
    return Collection(docs, queries, qrels)


# -- metrics ---------------------------------------------------------------------------


def precision_at(ranking: Sequence[str], relevant: set[str], k: int = CUTOFF) -> float:
    return sum(1 for d in ranking[:k] if d in relevant) / k


def ndcg_at(ranking: Sequence[str], relevant: set[str], k: int = CUTOFF) -> float:
    """Binary-relevance nDCG@k: gain 1 / log2(rank + 1), ideal = all relevant first."""
    dcg = sum(1 / math.log2(i + 2) for i, d in enumerate(ranking[:k]) if d in relevant)
    ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
    return dcg / ideal if ideal else 0.0


def average_precision(ranking: Sequence[str], relevant: set[str]) -> float:
    """Mean of the precision at each relevant document's rank, over all relevant ones
    (those not in ``ranking`` add 0)."""
    found, total = 0, 0.0
    for i, d in enumerate(ranking, start=1):
        if d in relevant:
            found += 1
            total += found / i
    return total / len(relevant) if relevant else 0.0


def self_check() -> None:
    """Hand-computed examples: a metric bug stops the script here."""

    def close(a: float, b: float) -> bool:
        return abs(a - b) < 1e-9

    ranking, relevant = ["a", "b", "c", "d"], {"a", "c", "e"}
    # relevant at ranks 1 and 3, "e" never returned
    assert close(average_precision(ranking, relevant), (1 / 1 + 2 / 3) / 3)
    # DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4)
    assert close(ndcg_at(ranking, relevant), 1.5 / (1.5 + 1 / math.log2(3)))
    assert close(precision_at(ranking, relevant), 0.2)
    # perfect ranking, more relevant documents than the cut-off
    many = [str(i) for i in range(15)]
    assert close(ndcg_at(many, set(many)), 1.0)
    assert close(average_precision(many, set(many)), 1.0)
    assert close(precision_at(many, set(many)), 1.0)
    # the only relevant document at rank 2, then nothing
    assert close(ndcg_at(["x", "r"], {"r"}), 1 / math.log2(3))
    assert close(average_precision(["x", "r"], {"r"}), 0.5)
    assert close(ndcg_at([], {"r"}), 0.0) and close(average_precision([], {"r"}), 0.0)
    # the cut-off: a relevant document at rank 11 counts for AP only
    late = [f"n{i}" for i in range(10)] + ["r"]
    assert close(ndcg_at(late, {"r"}), 0.0) and close(average_precision(late, {"r"}), 1 / 11)


# -- runs and scores -------------------------------------------------------------------


@dataclass
class Run:
    system: str
    rankings: dict[str, Ranking] = field(default_factory=dict)  # query id -> ranking
    seconds: list[float] = field(default_factory=list)  # one per query
    setup: float = 0.0  # seconds to load and index the documents
    notes: list[str] = field(default_factory=list)
    relaxed: set[str] = field(default_factory=set)  # copdesk: queries answered with some words


@dataclass(frozen=True)
class Scores:
    system: str
    ndcg: float
    map: float
    p10: float
    queries: int
    mean_ms: float


def per_query(run: Run, qrels: dict[str, set[str]], metric: Callable) -> dict[str, float]:
    return {q: metric(ranking, qrels[q]) for q, ranking in run.rankings.items()}


def score(run: Run, qrels: dict[str, set[str]], only: Iterable[str] | None = None) -> Scores:
    wanted = list(run.rankings) if only is None else [q for q in only if q in run.rankings]

    def mean(metric: Callable[[Ranking, set[str]], float]) -> float:
        values = [metric(run.rankings[q], qrels[q]) for q in wanted]
        return statistics.fmean(values) if values else 0.0

    return Scores(
        run.system,
        mean(ndcg_at),
        mean(average_precision),
        mean(precision_at),
        len(wanted),
        statistics.fmean(run.seconds) * 1000 if run.seconds else 0.0,
    )


def check_ranking(system: str, query: str, ranking: Ranking) -> None:
    if len(set(ranking)) != len(ranking):
        raise RuntimeError(f"{system}: query {query} returned a document twice")


# -- 1. copdesk ------------------------------------------------------------------------


def load_copdesk(collection: Collection, tmp: Path) -> tuple[Workspace, dict[str, str], float]:
    """A workspace holding every CISI document; (workspace, item id -> CISI id, seconds)."""
    ws = Workspace.create(tmp / "copdesk", site="CISI", language="en")
    started = time.perf_counter()
    to_cisi: dict[str, str] = {}
    with ws.batch():  # the index catches up once, at the end
        for doc_id, (title, text) in collection.docs.items():
            item = ws.items.add(
                "rex", {"title": title or f"CISI {doc_id}", "summary": text, "language": "en"}
            )
            to_cisi[item["id"]] = doc_id
    ws.search.query("warm up", limit=1)  # open the index outside the timed queries
    return ws, to_cisi, time.perf_counter() - started


def run_copdesk(collection: Collection, tmp: Path, limit: int) -> Run:
    print("\n[1] copdesk: Workspace.search on a workspace of experience reports")
    ws, to_cisi, setup = load_copdesk(collection, tmp)
    print(f"    {len(to_cisi):,} reports added and indexed in {setup:.1f} s")
    run = Run("copdesk (Whoosh)", setup=setup)
    if limit > COPDESK_MAX_LIMIT:
        run.notes.append(f"copdesk returns at most {COPDESK_MAX_LIMIT} hits (asked {limit})")
    empty, hits = 0, []
    try:
        for q in collection.judged:
            started = time.perf_counter()
            result = ws.search.query(collection.queries[q], limit=limit)
            run.seconds.append(time.perf_counter() - started)
            ranking = [to_cisi[h["id"]] for h in result["hits"]]
            check_ranking(run.system, q, ranking)
            run.rankings[q] = ranking
            hits.append(len(ranking))
            if result["relaxed"]:
                run.relaxed.add(q)
            if not ranking:
                empty += 1
    finally:
        ws.close()
    strict = len(run.rankings) - len(run.relaxed)
    print(
        f"    {len(run.rankings)} judged queries: {strict} answered with all their words,"
        f" {len(run.relaxed)} relaxed to some of them, {empty} with no hit;"
        f" {statistics.fmean(hits):.0f} hits on average (median {statistics.median(hits):.0f})"
    )
    return run


# -- 2. plain FTS5 ---------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+")


def fts_query(text: str) -> str:
    """Each word double-quoted, OR-ed: FTS5 syntax in the text stays plain text."""
    words = dict.fromkeys(w.lower() for w in _WORD.findall(text))
    return " OR ".join(f'"{w}"' for w in words)


def run_fts(collection: Collection, tmp: Path, limit: int, tokenize: str | None) -> Run:
    label = "FTS5 bm25" + (f" ({tokenize})" if tokenize else " (default unicode61)")
    conn = sqlite3.connect(tmp / f"fts-{'porter' if tokenize else 'plain'}.db")
    started = time.perf_counter()
    option = f", tokenize='{tokenize}'" if tokenize else ""
    conn.execute(f"CREATE VIRTUAL TABLE docs USING fts5(title, body{option})")
    with conn:
        conn.executemany(
            "INSERT INTO docs (rowid, title, body) VALUES (?, ?, ?)",
            ((int(d), title, text) for d, (title, text) in collection.docs.items()),
        )
    run = Run(label, setup=time.perf_counter() - started)
    select = "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?"
    for q in collection.judged:
        match = fts_query(collection.queries[q])
        started = time.perf_counter()
        rows = conn.execute(select, (match, limit)).fetchall() if match else []
        run.seconds.append(time.perf_counter() - started)
        ranking = [str(r[0]) for r in rows]
        check_ranking(label, q, ranking)
        run.rankings[q] = ranking
    conn.close()
    print(f"    {label}: {len(collection.docs):,} rows indexed in {run.setup:.2f} s")
    return run


# -- summary ---------------------------------------------------------------------------


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "—"


def print_summary(all_scores: Sequence[Scores], base: Scores) -> None:
    width = max(len(s.system) for s in all_scores) + 2
    rule = width + 72
    print()
    print("=" * rule)
    print(
        f"{'system':<{width}}{'nDCG@10':>8}{'MAP':>8}{'P@10':>8}{'queries':>9}"
        f"{'ms/query':>10}{'nDCG vs base':>14}{'MAP vs base':>13}"
    )
    print("-" * rule)
    for s in all_scores:
        print(
            f"{s.system:<{width}}{s.ndcg:>8.4f}{s.map:>8.4f}{s.p10:>8.4f}{s.queries:>9}"
            f"{s.mean_ms:>10.2f}{ratio(s.ndcg, base.ndcg):>14}{ratio(s.map, base.map):>13}"
        )
    print("=" * rule)
    print(f"(base = {base.system}; ratios are system / base)")


def compare(copdesk: Run, base: Run, qrels: dict[str, set[str]]) -> None:
    """Per-query wins and losses, on the queries copdesk answered strictly or relaxed."""
    ours = per_query(copdesk, qrels, average_precision)
    theirs = per_query(base, qrels, average_precision)
    better = sum(1 for q in ours if ours[q] > theirs[q] + 1e-12)
    worse = sum(1 for q in ours if ours[q] < theirs[q] - 1e-12)
    print(
        f"\nper query (average precision): copdesk better on {better}, worse on {worse},"
        f" equal on {len(ours) - better - worse} of {len(ours)}"
    )
    relaxed = copdesk.relaxed
    groups = (
        ("all words required", [q for q in copdesk.rankings if q not in relaxed]),
        ("relaxed to some words", [q for q in copdesk.rankings if q in relaxed]),
    )
    for name, queries in groups:
        if not queries:
            continue
        a, b = score(copdesk, qrels, queries), score(base, qrels, queries)
        print(
            f"  copdesk {name} ({len(queries)} queries): nDCG@10 {a.ndcg:.4f} vs {b.ndcg:.4f},"
            f" MAP {a.map:.4f} vs {b.map:.4f} for {base.system}"
        )


# -- main ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cisi", type=Path, default=DEFAULT_CISI, help="folder with CISI.*")
    parser.add_argument("--limit", type=int, default=500, help="results per query (MAP depth)")
    args = parser.parse_args(argv)
    if args.limit < 1:
        parser.error("--limit must be at least 1")
    # a plain `kill` still removes the temporary folder (TemporaryDirectory cleanup)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    self_check()

    collection = load_cisi(args.cisi)
    print(
        f"copdesk ranking evaluation on CISI: Python {platform.python_version()},"
        f" SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs; {len(collection.docs):,}"
        f" documents, {len(collection.queries)} queries, {len(collection.judged)} judged,"
        f" {sum(len(collection.qrels[q]) for q in collection.judged):,} relevance judgements;"
        f" top {args.limit} per query; metric self-check passed"
    )
    with tempfile.TemporaryDirectory(prefix="copdesk-eval-") as name:
        tmp = Path(name)
        print(f"working in {tmp}")
        copdesk = run_copdesk(collection, tmp, args.limit)
        print("\n[2] baselines: plain SQLite FTS5, OR of the query words, bm25 order")
        base = run_fts(collection, tmp, args.limit, None)
        porter = run_fts(collection, tmp, args.limit, "porter unicode61")

    qrels = collection.qrels
    for note in copdesk.notes:
        print(f"note: {note}")
    compare(copdesk, base, qrels)
    ours, theirs = score(copdesk, qrels), score(base, qrels)
    print_summary([ours, theirs, score(porter, qrels)], theirs)
    ok = ours.ndcg >= theirs.ndcg and ours.map >= theirs.map
    print(
        f"copdesk ranks {'at least as well as' if ok else 'WORSE than'} plain FTS5 bm25 on"
        f" {'both metrics' if ok else 'nDCG@10 and/or MAP'}: nDCG@10 {ours.ndcg:.4f} vs"
        f" {theirs.ndcg:.4f}, MAP {ours.map:.4f} vs {theirs.map:.4f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
