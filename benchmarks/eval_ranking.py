"""Ranking quality of copdesk search next to the reference FTS5 baseline, same run.

The reference is ``../shared/tools/fts5_baseline.py`` (SQLite FTS5, tokenizer
``porter unicode61 remove_diacritics 2``, title and text columns, bm25 with title
weight 3, OR of the query's words longer than one character). This script imports
that file, loads each collection with its own ``load()`` (same documents, same
judged queries), runs it as a subprocess for its own printed figures, and checks
that its in-process copy of the baseline gives the same figures before using it
for per-query comparisons, timings and similar items.

copdesk: a workspace in a temporary folder, each document added as an experience
report (``title`` = .T, ``summary`` = .W, language ``en``), then
``Workspace.search(query)`` for each judged query (the query's text as a user would
paste it), two pages of 500 (MAP is measured at depth 1,000 like the baseline's).

- CISI (1,460 documents, 76 judged queries): what the parameters were tuned on;
- CACM (3,204 documents, 52 judged queries): the check that a change generalises;
- ``--french``: 40+ French queries over the demo content and French paragraphs,
  judged by hand (tests/data/search_fr/), next to the same FTS5 configuration on
  the same documents.

Also printed, per collection:

- similar items: each judged query used as a new item's text, ``Workspace.similar``
  returns 5 items; recall@5 = relevant among them / relevant documents, and the
  capped form / min(5, relevant documents), next to FTS5's first 5 for the query;
- query time, p50 and p95 over the judged queries with ``limit=20`` (everything
  ``Workspace.search`` returns: snippets, facets), next to the baseline's query
  with ``LIMIT 20``, same run.

Run::

    .venv/bin/python benchmarks/eval_ranking.py              # CISI and CACM
    .venv/bin/python benchmarks/eval_ranking.py --french     # and the French set
    .venv/bin/python benchmarks/eval_ranking.py --only cisi
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import platform
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from copdesk.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository (a worktree one folder deeper: ../../shared)
SHARED = next(
    (p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()),
    ROOT.parent / "shared",
)
TOOL = SHARED / "tools" / "fts5_baseline.py"
FRENCH = ROOT / "tests" / "data" / "search_fr"
PAGE = 500  # Workspace.search returns at most this many hits a call
DEPTH = 1000  # ranking depth for MAP, as the baseline's
SIMILAR = 5


def load_tool(path: Path = TOOL) -> ModuleType:
    spec = importlib.util.spec_from_file_location("fts5_baseline", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load the reference baseline {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Collection:
    name: str
    docs: dict[int, tuple[str, str]]  # id -> (title, text)
    queries: dict[int, str]  # judged queries only
    rel: dict[int, set[int]]
    languages: dict[int, str] = field(default_factory=dict)  # doc id -> language (French set)


@dataclass
class Run:
    system: str
    rankings: dict[int, list[int]] = field(default_factory=dict)
    similar: dict[int, list[int]] = field(default_factory=dict)
    seconds: list[float] = field(default_factory=list)  # one search per query, limit 20


def recall(found: Sequence[int], relevant: set[int], capped: bool) -> float:
    hit = sum(1 for d in found[:SIMILAR] if d in relevant)
    return hit / (min(SIMILAR, len(relevant)) if capped else len(relevant))


def self_check(tool: ModuleType) -> None:
    """The tool's metrics on hand-computed examples: a metric bug stops the script."""
    close = math.isclose
    assert close(tool.ndcg10([1, 2, 3, 4], {1, 3, 5}), 1.5 / (1.5 + 1 / math.log2(3)))
    assert close(tool.average_precision([1, 2, 3, 4], {1, 3, 5}), (1 + 2 / 3) / 3)
    assert close(tool.ndcg10([9, 7], {7}), 1 / math.log2(3))
    assert close(recall([1, 2, 3, 4, 5, 6], {1, 6, 7}, capped=False), 1 / 3)
    assert close(recall([1, 2, 3, 4, 5, 6], {1, 6, 7}, capped=True), 1 / 3)
    assert close(recall([1, 2], set(range(1, 11)), capped=True), 2 / 5)


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    pos = (len(ordered) - 1) * pct / 100
    low = int(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


# -- the reference ------------------------------------------------------------------


def reference_figures(tool_path: Path, name: str) -> dict:
    """The tool's own output (run as a subprocess, exactly as documented)."""
    out = subprocess.run(
        [sys.executable, str(tool_path), name, "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def fts_expr(text: str) -> str:
    """The baseline's MATCH expression: words longer than one character, OR-ed."""
    words = [t for t in re.findall(r"\w+", text.lower()) if len(t) > 1]
    return " OR ".join(f'"{t}"' for t in words)


def run_fts(c: Collection) -> Run:
    """The baseline's exact configuration, in-process (checked against the tool)."""
    con = sqlite3.connect(":memory:")
    con.execute(
        "CREATE VIRTUAL TABLE d USING fts5(title, body,"
        " tokenize='porter unicode61 remove_diacritics 2')"
    )
    con.executemany(
        "INSERT INTO d(rowid, title, body) VALUES (?,?,?)",
        [(k, t, b) for k, (t, b) in c.docs.items()],
    )
    sql = "SELECT rowid FROM d WHERE d MATCH ? ORDER BY bm25(d, 3.0, 1.0) LIMIT ?"
    run = Run("FTS5 reference")
    for qid, text in sorted(c.queries.items()):
        expr = fts_expr(text)
        run.rankings[qid] = [r[0] for r in con.execute(sql, (expr, DEPTH))] if expr else []
        run.similar[qid] = run.rankings[qid][:SIMILAR]
    for _qid, text in sorted(c.queries.items()):  # timed: the same query, a page of 20
        expr = fts_expr(text)
        started = time.perf_counter()
        if expr:
            con.execute(sql, (expr, 20)).fetchall()
        run.seconds.append(time.perf_counter() - started)
    con.close()
    return run


# -- copdesk --------------------------------------------------------------------------


def load_copdesk(c: Collection, tmp: Path) -> tuple[Workspace, dict[str, int], float]:
    ws = Workspace.create(tmp / f"ws-{c.name}", site="Eval", language="en")
    started = time.perf_counter()
    to_doc: dict[str, int] = {}
    with ws.batch():  # the index catches up once, at the end
        for doc_id, (title, text) in c.docs.items():
            lang = c.languages.get(doc_id, "en")
            data = {"title": title or f"{c.name} {doc_id}", "summary": text, "language": lang}
            to_doc[ws.items.add("rex", data)["id"]] = doc_id
    ws.search.query("warm up", limit=1)  # open the index outside the timed queries
    return ws, to_doc, time.perf_counter() - started


def run_copdesk(c: Collection, tmp: Path) -> tuple[Run, float]:
    ws, to_doc, setup = load_copdesk(c, tmp)
    run = Run("copdesk")
    try:
        for qid, text in sorted(c.queries.items()):
            ranking: list[int] = []
            for offset in range(0, DEPTH, PAGE):
                page = ws.search.query(text, limit=PAGE, offset=offset)["hits"]
                ranking += [to_doc[h["id"]] for h in page]
                if len(page) < PAGE:
                    break
            if len(set(ranking)) != len(ranking):
                raise RuntimeError(f"copdesk: query {qid} returned a document twice")
            run.rankings[qid] = ranking
            similar = ws.search.similar(body=text, limit=SIMILAR)["hits"]
            run.similar[qid] = [to_doc[h["id"]] for h in similar]
        for _qid, text in sorted(c.queries.items()):
            started = time.perf_counter()
            ws.search.query(text, limit=20)
            run.seconds.append(time.perf_counter() - started)
    finally:
        ws.close()
    return run, setup


# -- the collections ------------------------------------------------------------------


def shared_collection(tool: ModuleType, name: str) -> Collection:
    docs, queries, rel = tool.load(name)
    return Collection(name, docs, queries, {q: rel[q] for q in queries})


def french_collection(data: Path = SHARED / "data") -> Collection:
    """The demo's French reports and sheets plus French documentation paragraphs,
    and the hand-written queries judged over them (tests/data/search_fr/)."""
    spec = json.loads((FRENCH / "queries.json").read_text("utf-8"))
    docs: dict[int, tuple[str, str]] = {}
    languages: dict[int, str] = {}
    for entry in json.loads((FRENCH / "documents.json").read_text("utf-8")):
        docs[int(entry["id"])] = (entry["title"], entry["text"])
        languages[int(entry["id"])] = entry.get("language", "fr")
    queries = {int(q["id"]): q["query"] for q in spec}
    rel = {int(q["id"]): {int(d) for d in q["relevant"]} for q in spec}
    unknown = {d for r in rel.values() for d in r} - set(docs)
    if unknown:
        raise RuntimeError(f"judgements name unknown documents: {sorted(unknown)[:5]}")
    return Collection("french", docs, queries, rel, languages)


# -- printing -------------------------------------------------------------------------


def scores(tool: ModuleType, run: Run, c: Collection) -> dict[str, float]:
    qs = sorted(c.queries)
    return {
        "ndcg": statistics.fmean(tool.ndcg10(run.rankings[q], c.rel[q]) for q in qs),
        "map": statistics.fmean(tool.average_precision(run.rankings[q], c.rel[q]) for q in qs),
        "r5": statistics.fmean(recall(run.similar[q], c.rel[q], False) for q in qs),
        "r5c": statistics.fmean(recall(run.similar[q], c.rel[q], True) for q in qs),
        "p50": percentile(run.seconds, 50) * 1000,
        "p95": percentile(run.seconds, 95) * 1000,
    }


def evaluate(tool: ModuleType, c: Collection, tmp: Path, reference: dict | None) -> dict:
    print(f"\n[{c.name}] {len(c.docs):,} documents, {len(c.queries)} judged queries")
    fts = run_fts(c)
    base = scores(tool, fts, c)
    if reference is not None:
        same = (
            round(base["ndcg"], 4) == reference["ndcg@10"]
            and round(base["map"], 4) == reference["map"]
        )
        print(
            f"    reference tool (subprocess): nDCG@10 {reference['ndcg@10']:.4f},"
            f" MAP {reference['map']:.4f}; in-process copy"
            f" {'identical' if same else 'DIFFERENT'}"
        )
        if not same:
            raise RuntimeError("the in-process baseline differs from the reference tool")
    ours_run, setup = run_copdesk(c, tmp)
    print(f"    copdesk: {len(c.docs):,} items added and indexed in {setup:.1f} s")
    ours = scores(tool, ours_run, c)
    qs = sorted(c.queries)
    better = sum(
        1
        for q in qs
        if tool.ndcg10(ours_run.rankings[q], c.rel[q])
        > tool.ndcg10(fts.rankings[q], c.rel[q]) + 1e-12
    )
    worse = sum(
        1
        for q in qs
        if tool.ndcg10(ours_run.rankings[q], c.rel[q])
        < tool.ndcg10(fts.rankings[q], c.rel[q]) - 1e-12
    )
    print(f"    per query nDCG@10: copdesk better on {better}, worse on {worse} of {len(qs)}")
    rule = "-" * 96
    print(rule)
    print(
        f"    {'system':<16}{'nDCG@10':>9}{'MAP':>8}{'recall@5':>10}{'capped':>8}"
        f"{'p50 ms':>9}{'p95 ms':>9}"
    )
    for label, s in (("copdesk", ours), ("FTS5 reference", base)):
        print(
            f"    {label:<16}{s['ndcg']:>9.4f}{s['map']:>8.4f}{s['r5']:>10.4f}{s['r5c']:>8.4f}"
            f"{s['p50']:>9.2f}{s['p95']:>9.2f}"
        )
    nd, mp = ours["ndcg"] / base["ndcg"], ours["map"] / base["map"]
    print(
        f"    ratio           {nd:>8.3f}x{mp:>7.3f}x"
        f"{ours['r5'] / max(base['r5'], 1e-9):>9.3f}x{ours['r5c'] / max(base['r5c'], 1e-9):>7.3f}x"
        f"{ours['p50'] / base['p50']:>8.1f}x{ours['p95'] / base['p95']:>8.1f}x"
    )
    print(rule)
    return {"collection": c.name, "copdesk": ours, "fts5": base}


TARGETS = {"cisi": 0.40, "cacm": 0.48}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--french", action="store_true", help="also the French query set")
    parser.add_argument("--only", choices=("cisi", "cacm", "french"), help="one collection")
    parser.add_argument("--tool", type=Path, default=TOOL, help="the reference baseline script")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    tool = load_tool(args.tool)
    self_check(tool)
    print(
        f"copdesk ranking evaluation: Python {platform.python_version()}, SQLite"
        f" {sqlite3.sqlite_version}, {os.cpu_count()} CPUs; reference {args.tool}"
    )
    names = [args.only] if args.only else ["cisi", "cacm"] + (["french"] if args.french else [])
    results = []
    with tempfile.TemporaryDirectory(prefix="copdesk-eval-") as name:
        for cname in names:
            if cname == "french":
                c = french_collection()
                results.append(evaluate(tool, c, Path(name), None))
            else:
                c = shared_collection(tool, cname)
                results.append(evaluate(tool, c, Path(name), reference_figures(args.tool, cname)))
    print()
    for r in results:
        target = TARGETS.get(r["collection"])
        ours, base = r["copdesk"]["ndcg"], r["fts5"]["ndcg"]
        verdict = (
            f"target {target:.2f}: {'met' if ours >= target else 'NOT met'}"
            if target
            else f"{'above' if ours > base else 'NOT above'} the reference"
        )
        print(f"{r['collection']}: nDCG@10 copdesk {ours:.4f} vs FTS5 {base:.4f} ({verdict})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
