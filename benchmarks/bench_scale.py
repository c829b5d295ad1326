"""Benchmark of copdesk at scale (issue 13, point 12): 10,000 and 100,000 items.

The items are real text, not a small vocabulary: the 1,637 NASA lessons learned
(``../shared/data/llis``) and the CISI and CACM documents, repeated with new ids and
numbered titles (``bench_search.real_items``), about 0.7 KB each. Each size gets a
fresh workspace (five communities, then one ``copdesk import-csv``), and every figure
comes next to plain ``sqlite3`` doing the same work on the same file in the same run:

1. ``copdesk import-csv rex FILE`` (a whole process): in all, its database part
   and its index part (split at its first ``indexing`` progress line), and its peak
   memory. Baseline: ``csv.reader`` + one ``executemany`` into a plain table (WAL,
   ``synchronous=FULL`` as copdesk) and the same rows into an FTS5 table (the search
   issue's reference configuration), one transaction. Target: 120 s in all.
2. ``copdesk list rex`` and ``copdesk list rex --json`` to ``/dev/null``: the first run
   after the database file was evicted from the page cache, then the median of three.
   Baseline: a Python process selecting the same columns of the same rows from the
   same ``copdesk.db``, printing a line (or a ``json.dumps``) per row. Targets: 2 s
   and 150 MB.
3. ``copdesk check`` and ``copdesk check --quick``. Baseline: ``PRAGMA
   integrity_check`` / ``quick_check`` on the same file. Targets: 15 s and 2 s.
4. Searches: a common word, a phrase with a filter and a question, each as a whole
   ``copdesk search`` process (next to a process querying the reference FTS5 table
   built from the same items); then warm, in one process, the 1-2 word queries and
   8-word questions of ``bench_search`` (p50 / p95, next to the reference query),
   judged against the search issue's targets (those of 50,000 items at 100,000).
5. ``Workspace.open``, median of 20, next to ``sqlite3.connect`` and reading ``meta``.
6. Peak memory of every command above (and of ``python -c pass``): each process is
   started by a small launcher that reads its ``ru_maxrss`` from ``os.wait4``: the
   largest of the command's process and its worker processes (not their sum). The
   import's CPU time (workers included) says what it would take on idle cores.
   Target: 400 MB for any command.

Everything happens in a temporary folder (never under $HOME). Times are wall-clock
and reported, never asserted; the machine is shared, so compare the ratios within
one run (the load average is printed).

Run::

    .venv/bin/python benchmarks/bench_scale.py            # 10,000 and 100,000 items
    .venv/bin/python benchmarks/bench_scale.py --quick    # 1,000 and 10,000 items
    .venv/bin/python benchmarks/bench_scale.py --sizes 20000
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import (
    COMMUNITIES,
    DEFAULT_DATA,
    LESSONS,
    REAL_P95,
    SEED,
    Item,
    bench_real_queries,
    load_lessons,
    load_tool,
    real_items,
    real_queries,
    ref_fts,
    write_csv,
)
from bench_store import copdesk_command
from report import Figure, fmt_time, print_summary

from copdesk.workspace import Workspace

IMPORT_TARGET = 120.0
LIST_TARGET, LIST_MB = 2.0, 150.0
CHECK_TARGET, QUICK_TARGET = 15.0, 2.0
PEAK_MB = 400.0
RUNS = 3

# Runs a command and writes its ru_maxrss (KiB on Linux), its CPU seconds (user and
# system, its waited-for worker processes included) and exit code to the file
# descriptor given first: a small process, so what the child holds before exec is
# small next to what the command itself uses.
LAUNCHER = (
    "import os, sys\n"
    "fd = int(sys.argv[1])\n"
    "pid = os.fork()\n"
    "if pid == 0:\n"
    "    os.close(fd)\n"
    "    os.execvp(sys.argv[2], sys.argv[2:])\n"
    "_, status, usage = os.wait4(pid, 0)\n"
    "cpu = usage.ru_utime + usage.ru_stime\n"
    "os.write(fd, f'{usage.ru_maxrss} {cpu} {os.waitstatus_to_exitcode(status)}'.encode())\n"
)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    stderr: list[tuple[float, str]]  # (seconds since start, line)
    cpu: float = 0.0  # seconds of CPU, user and system, worker processes included


def launch(argv: Sequence[str], env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` (stdout to /dev/null), timing it and reading its peak memory."""
    read, write = os.pipe()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", LAUNCHER, str(write), *argv],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        pass_fds=(write,),
    )
    os.close(write)
    assert proc.stderr is not None
    lines = [(time.perf_counter() - started, line.rstrip("\n")) for line in proc.stderr]
    proc.wait()
    elapsed = time.perf_counter() - started
    with os.fdopen(read) as f:
        kib, cpu, code = f.read().split()
    if int(code) != 0 or proc.returncode != 0:
        said = "\n".join(line for _, line in lines[-5:])
        raise RuntimeError(f"{' '.join(argv)[:120]} failed ({code}): {said}")
    return Run(elapsed, int(kib) * 1024 / 1e6, lines, float(cpu))


def copdesk(workspace: Path, *args: str) -> Run:
    return launch([*copdesk_command(), *args], {**os.environ, "COPDESK_WORKSPACE": str(workspace)})


def python(script: str, *args: str) -> Run:
    return launch([sys.executable, "-c", script, *args])


def evict(path: Path) -> None:
    """Drop a file's pages from the page cache (a first run after a restart)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
        os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def median_run(fn, runs: int = RUNS) -> Run:
    done = [fn() for _ in range(runs)]
    return Run(
        statistics.median(r.seconds for r in done), max(r.peak_mb for r in done), done[0].stderr
    )


def load_avg() -> str:
    try:
        return " / ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


# -- the plain-sqlite3 baselines (each a child process, like the commands) -------------

BASE_IMPORT = """
import csv, sqlite3, sys
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.execute("PRAGMA journal_mode=WAL"); conn.execute("PRAGMA synchronous=FULL")
with open(sys.argv[1], encoding="utf-8", newline="") as f:
    reader = csv.reader(f)
    header = next(reader)
    conn.execute(f"CREATE TABLE rex ({', '.join(header)})")
    conn.execute("CREATE VIRTUAL TABLE d USING fts5(title, body,"
                 " tokenize='porter unicode61 remove_diacritics 2')")
    conn.execute("BEGIN IMMEDIATE")
    insert = f"INSERT INTO rex VALUES ({', '.join('?' * len(header))})"
    def flush(batch):
        conn.executemany(insert, batch)
        texts = [(r[0], r[1] + chr(10) + r[2]) for r in batch]
        conn.executemany("INSERT INTO d VALUES (?, ?)", texts)
    batch = []
    for row in reader:
        batch.append(row)
        if len(batch) == 2000:
            flush(batch)
            batch = []
    flush(batch)
    conn.execute("COMMIT")
"""

BASE_LIST = """
import json, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
extra = ("site", "asset", "occurred_on", "outcome", "priority", "language", "review_due")
cols = ", ".join(f"json_extract(data, '$.{f}')" for f in extra)
names = ("id", "kind", "title", "status", "visibility", "community", "tags", "origin_site",
         "created_at", "author", "updated_at", "updated_by", "conflict", *extra)
sql = ("SELECT id, kind, title, status, visibility, community, tags, origin_site, created_at,"
       f" created_by, updated_at, updated_by, conflict, {cols} FROM items"
       " WHERE kind = 'rex' AND deleted = 0 ORDER BY updated_at DESC, id")
out = sys.stdout
if sys.argv[2] == "json":
    out.write("[")
    sep = chr(10)
    for r in conn.execute(sql):
        out.write(sep)
        out.write(json.dumps(dict(zip(names, r)), ensure_ascii=False))
        sep = "," + chr(10)
    out.write(chr(10) + "]" + chr(10))
else:
    n = 0
    for r in conn.execute(sql):
        cells = (r[0][:8], f"{r[2][:60]:<60}", f"{r[17] or '':<8}", f"{r[3] or '':<10}",
                 f"{r[13] or '':<24}", r[10][:10])
        out.write("  ".join(cells) + chr(10))
        n += 1
    out.write(f"{n} item(s)" + chr(10))
"""

BASE_CHECK = """
import sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
assert [r[0] for r in conn.execute(f"PRAGMA {sys.argv[2]}")] == ["ok"]
"""

BASE_SEARCH = """
import re, sqlite3, sys
conn = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
words = [t for t in re.findall(r"\\w+", sys.argv[2].lower()) if len(t) > 1]
expr = " OR ".join(f'"{t}"' for t in words)
rows = conn.execute("SELECT rowid, title, snippet(d, 1, '<b>', '</b>', '…', 12) FROM d"
                    " WHERE d MATCH ? ORDER BY bm25(d, 3.0, 1.0) LIMIT 20", (expr,)).fetchall()
total = conn.execute("SELECT count(*) FROM d WHERE d MATCH ?", (expr,)).fetchone()[0]
for r in rows:
    print(r)
print(total)
"""

SEARCHES = {
    "common word": ("failure", "failure"),
    "phrase + filter": ('"test stand" priority:red', "test stand"),
    "question": (
        "what caused the failure of the pressure valve during the test?",
        "what caused the failure of the pressure valve during the test?",
    ),
}


# -- one size ---------------------------------------------------------------------------


def bench_size(items: Sequence[Item], queries: dict[str, list[str]], tmp: Path) -> list[Figure]:
    n = len(items)
    folder = tmp / f"n{n}"
    folder.mkdir()
    csv_path = write_csv(folder / "items.csv", items)
    ws_path = folder / "ws"
    with Workspace.create(ws_path, "Benchmark plant", language="en") as ws:
        for name in COMMUNITIES:
            ws.items.add("community", {"name": name, "form": "trade"})
    db = ws_path / "copdesk.db"
    figures: list[Figure] = []
    print(f"\n[{n:,} items] {csv_path.stat().st_size / 2**20:.0f} MiB of CSV; load {load_avg()}")

    # 1. import-csv
    run = copdesk(ws_path, "--progress-json", "import-csv", "rex", str(csv_path))
    indexing = next((t for t, line in run.stderr if '"indexing"' in line), run.seconds)
    base = python(BASE_IMPORT, str(csv_path), str(folder / "plain.db"))
    print(
        f"  import-csv: {fmt_time(run.seconds)} (database {fmt_time(indexing)}, index"
        f" {fmt_time(run.seconds - indexing)}), CPU {fmt_time(run.cpu)}, peak {run.peak_mb:.0f} MB;"
        f" sqlite3 table + FTS5 {fmt_time(base.seconds)}, {base.peak_mb:.0f} MB"
    )
    with Workspace.open(ws_path, index=False) as ws:
        held = ws.conn.execute("SELECT count(*) FROM items WHERE kind = 'rex'").fetchone()[0]
        segments = len(list((ws_path / "index").glob("*.trm")))  # one per segment
        lag = ws.search.lag()
    if held != n or lag:
        raise RuntimeError(f"import of {n}: {held} items, index {lag} behind")
    print(f"    {held:,} items, the index up to date ({segments} segments)")
    figures += [
        Figure(f"import-csv {n:,} (all)", run.seconds, base.seconds,
               f"<= {IMPORT_TARGET:.0f} s", run.seconds <= IMPORT_TARGET),
        Figure(f"  of which database {n:,}", indexing, None),
        Figure(f"  of which index {n:,}", run.seconds - indexing, None),
        Figure(f"import-csv {n:,} CPU (workers included)", run.cpu, base.cpu),
        Figure(f"import-csv {n:,} peak", run.peak_mb, base.peak_mb, f"<= {PEAK_MB:.0f} MB",
               run.peak_mb <= PEAK_MB, unit="MB"),
    ]  # fmt: skip

    # 2. list
    for form, args in (("text", ()), ("json", ("--json",))):
        evict(db)
        first = copdesk(ws_path, "list", "rex", *args)
        evict(db)
        base_first = python(BASE_LIST, str(db), form)
        warm = median_run(lambda a=args: copdesk(ws_path, "list", "rex", *a))
        base = median_run(lambda f=form: python(BASE_LIST, str(db), f))
        print(
            f"  list rex ({form}): first {fmt_time(first.seconds)}, then {fmt_time(warm.seconds)},"
            f" peak {warm.peak_mb:.0f} MB; sqlite3 first {fmt_time(base_first.seconds)}, then"
            f" {fmt_time(base.seconds)}, {base.peak_mb:.0f} MB"
        )
        figures += [
            Figure(f"list rex {form} {n:,}, first run", first.seconds, base_first.seconds),
            Figure(f"list rex {form} {n:,}", warm.seconds, base.seconds,
                   f"<= {LIST_TARGET:.0f} s", warm.seconds <= LIST_TARGET),
            Figure(f"list rex {form} {n:,} peak", max(first.peak_mb, warm.peak_mb), base.peak_mb,
                   f"<= {LIST_MB:.0f} MB", max(first.peak_mb, warm.peak_mb) <= LIST_MB, unit="MB"),
        ]  # fmt: skip

    # 3. check
    for label, args, pragma, target in (
        ("check", (), "integrity_check", CHECK_TARGET),
        ("check --quick", ("--quick",), "quick_check", QUICK_TARGET),
    ):
        run = copdesk(ws_path, "check", *args)
        base = python(BASE_CHECK, str(db), pragma)
        print(
            f"  {label}: {fmt_time(run.seconds)}, peak {run.peak_mb:.0f} MB; PRAGMA {pragma}"
            f" {fmt_time(base.seconds)}"
        )
        figures += [
            Figure(f"{label} {n:,}", run.seconds, base.seconds, f"<= {target:.0f} s",
                   run.seconds <= target),
            Figure(f"{label} {n:,} peak", run.peak_mb, base.peak_mb, f"<= {PEAK_MB:.0f} MB",
                   run.peak_mb <= PEAK_MB, unit="MB"),
        ]  # fmt: skip

    # 4. searches, whole processes, then warm in one process
    ref, _ = ref_fts(folder / "ref.db", items)
    ref.close()
    for label, (query, plain) in SEARCHES.items():
        run = copdesk(ws_path, "search", query)
        base = python(BASE_SEARCH, str(folder / "ref.db"), plain)
        print(
            f"  copdesk search ({label}): {fmt_time(run.seconds)}, peak {run.peak_mb:.0f} MB;"
            f" FTS5 process {fmt_time(base.seconds)}"
        )
        figures += [
            Figure(f"search process, {label} {n:,}", run.seconds, base.seconds),
            Figure(f"search process, {label} {n:,} peak", run.peak_mb, base.peak_mb,
                   f"<= {PEAK_MB:.0f} MB", run.peak_mb <= PEAK_MB, unit="MB"),
        ]  # fmt: skip
    ref = sqlite3.connect(folder / "ref.db")
    with Workspace.open(ws_path) as ws:
        shapes = {k: queries[k] for k in ("short", "question")}
        large = n > 10_000
        figures += bench_real_queries(ws, ref, shapes, large)
    ref.close()

    # 5. opening
    def open_once() -> float:
        started = time.perf_counter()
        Workspace.open(ws_path).close()
        return time.perf_counter() - started

    def plain_once() -> float:
        started = time.perf_counter()
        conn = sqlite3.connect(db)
        conn.execute("SELECT key, value FROM meta").fetchall()
        conn.close()
        return time.perf_counter() - started

    opened = statistics.median(open_once() for _ in range(20))
    plain = statistics.median(plain_once() for _ in range(20))
    print(f"  Workspace.open: {fmt_time(opened)}; sqlite3.connect + meta {fmt_time(plain)}")
    figures.append(Figure(f"Workspace.open {n:,}", opened, plain))
    csv_path.unlink()
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 items")
    parser.add_argument("--sizes", help="comma-separated item counts (default 10000,100000)")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with llis/ (shared data)"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = [1_000, 10_000] if args.quick else [10_000, 100_000]
    if args.sizes:
        sizes = [int(s) for s in args.sizes.split(",")]
    tool = load_tool()
    lessons = load_lessons(args.data / LESSONS)
    queries = real_queries(lessons, tool, SEED + 1)
    print(
        f"copdesk at scale: Python {platform.python_version()}, SQLite {sqlite3.sqlite_version},"
        f" {os.cpu_count()} CPUs, load {load_avg()}; real text ({len(lessons):,} NASA lessons,"
        f" CISI and CACM documents, repeated); targets at 100,000 items: {REAL_P95}"
    )
    home = Path.home().resolve()
    base = Path(tempfile.gettempdir()).resolve()
    where = "/tmp" if base == home or home in base.parents else None  # never under $HOME
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="copdesk-bench-scale-", dir=where) as name:
        tmp = Path(name)
        print(f"working in {tmp}")
        started = time.perf_counter()
        pass_run = python("pass")
        print(f"python -c pass: {fmt_time(pass_run.seconds)}, {pass_run.peak_mb:.0f} MB")
        figures.append(Figure("python -c pass, peak", pass_run.peak_mb, unit="MB"))
        for n in sizes:
            items = real_items(lessons, tool, n, SEED)
            gc.collect()
            figures += bench_size(items, queries, tmp)
            del items
        print(f"\n(all measurements took {fmt_time(time.perf_counter() - started)};"
              f" load {load_avg()})")  # fmt: skip
        print_summary(figures, baseline="sqlite3")
    return 0


if __name__ == "__main__":
    sys.exit(main())
