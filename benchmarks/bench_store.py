"""Benchmark of the copdesk store against plain ``sqlite3`` doing the same work.

Each copdesk figure is printed next to a baseline measured in the same run, on
the same machine, with the same data, and their ratio:

1. ``import-csv`` of 10,000 experience reports, in-process (``Workspace.import_csv``)
   and through the CLI, vs one ``executemany`` of the same rows into a plain table
   (one transaction, ``journal_mode=WAL``, ``synchronous=FULL`` like copdesk).
2. ``copdesk list rex --json > /dev/null`` over 100,000 items (a subprocess, wall
   time) vs a plain SELECT of the same columns plus ``json.dumps``, in-process.
   The workspace is built with one import of 99,000 rows, then 1,000 more rows are
   imported into it and timed (vs the same two imports into a plain table): the
   cost of an import that lands in a workspace already holding items.
3. ``Workspace.history`` and ``copdesk history ID --json`` of one item with 1,000
   revisions vs a plain SELECT of the same 1,000 bodies plus ``json.loads``; also
   the cost of one ``Workspace.edit`` vs one plain INSERT per transaction.
4. CLI start-up: ``copdesk list rex`` on 10 items vs ``python -c pass``.
5. Who may do what: ``import_csv`` of proposed reports into a community and a loop of
   edits of other people's reports, by an animator (every rule checked: her roles read
   each time), vs the same work with the checks bypassed, runs interleaved; the target
   is under 5 % apart.

The rows come from the real NASA lessons-learned register (1,637 lessons): to
get as many realistic rows as needed, sentences are shuffled across lessons with
a fixed seed and titles get a number so they stay unique.

Everything happens in a temporary folder; ``COPDESK_WORKSPACE`` is set only for
the subprocesses started here. Times are wall-clock (``time.perf_counter``) and
are reported, never asserted: the targets column says whether each was met.

Run::

    .venv/bin/python benchmarks/bench_store.py            # full sizes, a few minutes
    .venv/bin/python benchmarks/bench_store.py --quick    # sizes / 10, a smoke run
    .venv/bin/python benchmarks/bench_store.py --profile  # also cProfile the core
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import csv
import datetime as dt
import gzip
import io
import json
import os
import platform
import pstats
import random
import re
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from report import Figure, fmt_time, print_summary

from copdesk.workspace import Workspace

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_LESSONS = ROOT.parent / "shared" / "data" / "llis" / "llis_lessons.csv.gz"
SEED = 20240611
COLUMNS = ("title", "summary", "lessons", "site", "occurred_on", "tags")

Row = tuple[str, str, str, str, str, str]  # in COLUMNS order


# -- sizes and results ---------------------------------------------------------------


@dataclass(frozen=True)
class Sizes:
    import_rows: int = 10_000
    list_items: int = 100_000
    edits: int = 1_000
    startup_items: int = 10
    runs: int = 3  # repetitions of the expensive measurements (median)
    history_runs: int = 5
    startup_runs: int = 10

    @classmethod
    def quick(cls) -> Sizes:
        return cls(import_rows=1_000, list_items=10_000, edits=100)


def within_ratio(operation: str, copdesk: float, baseline: float, limit: float) -> Figure:
    return Figure(operation, copdesk, baseline, f"<= {limit:g}x", copdesk <= limit * baseline)


def under(operation: str, copdesk: float, baseline: float, limit: float) -> Figure:
    return Figure(operation, copdesk, baseline, f"< {limit:g} s", copdesk < limit)


# -- timing helpers ------------------------------------------------------------------


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median_of(runs: int, fn: Callable[[], float]) -> float:
    """Median of ``runs`` calls of ``fn``, which returns the time it measured."""
    return statistics.median(fn() for _ in range(runs))


def copdesk_command() -> list[str]:
    """The installed ``copdesk`` script next to this Python, else ``python -m copdesk``."""
    script = Path(sys.executable).parent / "copdesk"
    return [str(script)] if script.exists() else [sys.executable, "-m", "copdesk"]


def run_cli(workspace: Path, *args: str, capture: bool = False) -> tuple[float, bytes]:
    """Run ``copdesk ARGS`` on ``workspace``; (wall time, stdout if captured)."""
    env = dict(os.environ, COPDESK_WORKSPACE=str(workspace))
    start = time.perf_counter()
    proc = subprocess.run(
        [*copdesk_command(), *args],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"copdesk {' '.join(args)} failed: {proc.stderr.decode().strip()}")
    return elapsed, proc.stdout or b""


def plain_db(path: Path) -> sqlite3.Connection:
    """A plain SQLite database with the pragmas copdesk uses."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn


def new_workspace(path: Path) -> Workspace:
    return Workspace.create(path, "Benchmark plant", language="en")


# -- realistic rows from the NASA lessons --------------------------------------------


@dataclass(frozen=True)
class Lesson:
    title: str
    summary: tuple[str, ...]  # sentences
    lessons: tuple[str, ...]
    site: str
    occurred_on: str  # ISO
    tags: str


_PARAGRAPH = re.compile(r"(?<=[.!?:;)\"”])_+\s*")  # the export marks paragraphs with "_"
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")


def sentences(raw: str) -> tuple[str, ...]:
    text = _PARAGRAPH.sub(" ", raw.replace("\r", " "))
    return tuple(s for s in (p.strip() for p in _SENTENCE.split(text.strip())) if s)


def load_lessons(path: Path) -> list[Lesson]:
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        records = list(csv.DictReader(f))
    out = []
    for r in records:
        when = dt.datetime.strptime(r["LessonDate"].strip(), "%m/%d/%y").date()
        tags = [t.strip() for t in r["Categories"].split(",") if t.strip()]
        out.append(
            Lesson(
                title=" ".join(r["Title"].split()) or f"Lesson {r['LessonId']}",
                summary=sentences(r["Abstract"]),
                lessons=sentences(r["Lesson"]),
                site=r["Organization"].strip(),
                occurred_on=when.isoformat(),
                tags=", ".join(tags),
            )
        )
    return out


def paragraphs(parts: Sequence[str], per: int = 3) -> str:
    return "\n\n".join(" ".join(parts[i : i + per]) for i in range(0, len(parts), per))


def make_rows(lessons: Sequence[Lesson], n: int, *, seed: int, start: int = 0) -> list[Row]:
    """``n`` reports: each takes a real lesson's shape (sentence counts, site, date,
    tags) and fills it with sentences drawn from all lessons; titles are numbered."""
    rng = random.Random(seed)
    summary_pool = [s for lesson in lessons for s in lesson.summary]
    lessons_pool = [s for lesson in lessons for s in lesson.lessons]
    order = list(range(len(lessons)))
    rows: list[Row] = []
    for i in range(n):
        if i % len(order) == 0:
            rng.shuffle(order)
        base = lessons[order[i % len(order)]]
        summary = rng.choices(summary_pool, k=len(base.summary))
        learned = rng.choices(lessons_pool, k=max(1, len(base.lessons)))
        rows.append(
            (
                f"{base.title} #{start + i + 1}",
                paragraphs(summary),
                paragraphs(learned),
                base.site,
                base.occurred_on,
                base.tags,
            )
        )
    return rows


def write_csv(path: Path, rows: Sequence[Row]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(COLUMNS)
        writer.writerows(rows)
    return path


def import_checked(ws: Workspace, path: Path, expected: int) -> None:
    report = ws.import_csv("rex", path)
    if report["imported"] != expected or report["rejected"]:
        raise RuntimeError(f"import of {path.name}: {report['imported']} rows, {report}")
    if set(report["columns"].values()) != set(COLUMNS):
        raise RuntimeError(f"import of {path.name} mapped {report['columns']}")


def plain_rex_table(path: Path) -> sqlite3.Connection:
    """The baseline: a plain table with the CSV's columns as text."""
    conn = plain_db(path)
    conn.execute(f"CREATE TABLE rex ({', '.join(f'{c} TEXT' for c in COLUMNS)})")
    return conn


def plain_import(conn: sqlite3.Connection, rows: Sequence[Row]) -> float:
    """Time one ``executemany`` of ``rows`` in one transaction."""
    insert = f"INSERT INTO rex VALUES ({', '.join('?' * len(COLUMNS))})"

    def load() -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.executemany(insert, rows)
        conn.execute("COMMIT")

    return timed(load)[0]


# -- 1. import-csv -------------------------------------------------------------------


def bench_import(lessons: Sequence[Lesson], tmp: Path, sizes: Sizes) -> list[Figure]:
    n = sizes.import_rows
    rows = make_rows(lessons, n, seed=SEED)
    path = write_csv(tmp / f"rex-{n}.csv", rows)
    mib = path.stat().st_size / 2**20
    print(f"\n[1] import-csv of {n:,} rows ({mib:.1f} MiB CSV)")
    counter = iter(range(1_000_000))

    def api() -> float:
        ws = new_workspace(tmp / f"import-api-{next(counter)}")
        try:
            elapsed, _ = timed(lambda: import_checked(ws, path, n))
        finally:
            ws.close()
        return elapsed

    def cli() -> float:
        target = tmp / f"import-cli-{next(counter)}"
        new_workspace(target).close()
        elapsed, _ = run_cli(target, "import-csv", "rex", str(path))
        with Workspace.open(target) as ws:
            count = ws.summary()["counts"]["rex"]
        if count != n:
            raise RuntimeError(f"copdesk import-csv imported {count} rows, not {n}")
        return elapsed

    def baseline() -> float:
        conn = plain_rex_table(tmp / f"import-base-{next(counter)}.db")
        elapsed = plain_import(conn, rows)
        conn.close()
        return elapsed

    def baseline_from_file() -> float:
        """The least any CSV import does: read the file with csv, then executemany."""
        conn = plain_rex_table(tmp / f"import-base-file-{next(counter)}.db")
        insert = f"INSERT INTO rex VALUES ({', '.join('?' * len(COLUMNS))})"

        def load() -> None:
            with open(path, encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                next(reader)
                records = list(reader)
            conn.execute("BEGIN IMMEDIATE")
            conn.executemany(insert, records)
            conn.execute("COMMIT")

        elapsed = timed(load)[0]
        conn.close()
        return elapsed

    t_base = median_of(sizes.runs, baseline)
    t_file = median_of(sizes.runs, baseline_from_file)
    t_api = median_of(sizes.runs, api)
    t_cli = median_of(sizes.runs, cli)
    print(f"    sqlite3 executemany of rows in memory (median of {sizes.runs})  {fmt_time(t_base)}")
    print(f"    csv.reader of the file + executemany  (median of {sizes.runs})  {fmt_time(t_file)}")
    print(f"    Workspace.import_csv (median of {sizes.runs}) {fmt_time(t_api)}")
    print(f"    copdesk import-csv   (median of {sizes.runs}) {fmt_time(t_cli)}")
    return [
        within_ratio(f"import-csv {n:,} rows (API)", t_api, t_base, 5),
        within_ratio(f"import-csv {n:,} rows (CLI)", t_cli, t_base, 5),
        within_ratio(f"import-csv {n:,} rows (API) vs csv+insert", t_api, t_file, 5),
        within_ratio(f"import-csv {n:,} rows (CLI) vs csv+insert", t_cli, t_file, 5),
    ]


# -- 2. listing ----------------------------------------------------------------------


def build_large_workspace(
    lessons: Sequence[Lesson], tmp: Path, n: int, tail: int
) -> tuple[Path, Figure]:
    """A workspace with ``n`` rex: ``n - tail`` imported at once (setup), then ``tail``
    more imported into it, timed against the same two imports into a plain table."""
    path = tmp / "large"
    first = make_rows(lessons, n - tail, seed=SEED + 1)
    more = make_rows(lessons, tail, seed=SEED + 2, start=n - tail)
    first_csv = write_csv(tmp / "large.csv", first)
    more_csv = write_csv(tmp / "more.csv", more)
    with new_workspace(path) as ws:
        setup, _ = timed(lambda: import_checked(ws, first_csv, n - tail))
        print(f"    setup: {n - tail:,} items imported in one CSV in {fmt_time(setup)}")
        t_more, _ = timed(lambda: import_checked(ws, more_csv, tail))
    conn = plain_rex_table(tmp / "large-base.db")
    plain_import(conn, first)
    t_base = plain_import(conn, more)
    conn.close()
    first_csv.unlink()
    more_csv.unlink()
    print(
        f"    then {tail:,} more rows: Workspace.import_csv {fmt_time(t_more)}"
        f" ({t_more / tail * 1000:.2f} ms/row), sqlite3 executemany {fmt_time(t_base)}"
    )
    label = f"import-csv {tail:,} rows into {n - tail:,} items"
    return path, within_ratio(f"{label} (API)", t_more, t_base, 5)


def bench_list(lessons: Sequence[Lesson], tmp: Path, sizes: Sizes) -> list[Figure]:
    n = sizes.list_items
    print(f"\n[2] listing {n:,} items as JSON")
    path, incremental = build_large_workspace(lessons, tmp, n, n // 100)

    # correctness, once, outside the timing
    _, out = run_cli(path, "list", "rex", "--json", capture=True)
    listed = json.loads(out)
    if not isinstance(listed, list) or len(listed) != n:
        raise RuntimeError(f"copdesk list rex --json gave {len(listed)} entries, not {n}")
    print(f"    output: {len(out) / 2**20:.1f} MiB of JSON, {len(listed):,} entries (checked)")

    t_cli = median_of(sizes.runs, lambda: run_cli(path, "list", "rex", "--json")[0])

    with Workspace.open(path) as ws:

        def api() -> float:
            elapsed, _ = timed(lambda: json.dumps(ws.items.list("rex"), ensure_ascii=False))
            return elapsed

        t_api = median_of(sizes.runs, api)
        rows = ws.items.list("rex")

    # baseline: a plain table holding exactly the columns `list` prints
    columns = list(rows[0])
    conn = plain_db(tmp / "list-base.db")
    conn.execute(f"CREATE TABLE rex ({', '.join(f'{c}' for c in columns)})")
    conn.execute("CREATE INDEX rex_updated ON rex(updated_at)")
    conn.execute("BEGIN")
    conn.executemany(
        f"INSERT INTO rex VALUES ({', '.join('?' * len(columns))})",
        [[json.dumps(v) if isinstance(v, list) else v for v in r.values()] for r in rows],
    )
    conn.execute("COMMIT")
    select = f"SELECT {', '.join(columns)} FROM rex ORDER BY updated_at DESC, id"

    def baseline() -> float:
        def query() -> str:
            return json.dumps(
                [dict(zip(columns, r, strict=True)) for r in conn.execute(select)],
                ensure_ascii=False,
            )

        elapsed, _ = timed(query)
        return elapsed

    t_base = median_of(sizes.runs, baseline)
    conn.close()
    print(f"    sqlite3 SELECT + json.dumps (median of {sizes.runs})   {fmt_time(t_base)}")
    print(f"    Workspace.list + json.dumps (median of {sizes.runs})   {fmt_time(t_api)}")
    print(f"    copdesk list rex --json     (median of {sizes.runs})   {fmt_time(t_cli)}")
    return [
        under(f"list {n:,} items --json (CLI)", t_cli, t_base, 3),
        Figure(f"list {n:,} items (API + dumps)", t_api, t_base),
        incremental,
    ]


# -- 3. history ----------------------------------------------------------------------


def bench_history(lessons: Sequence[Lesson], tmp: Path, sizes: Sizes) -> list[Figure]:
    edits = sizes.edits
    print(f"\n[3] history of one item with {edits:,} edits")
    title, summary, learned, site, occurred_on, tags = make_rows(lessons, 1, seed=SEED + 7)[0]
    texts = list(dict.fromkeys(paragraphs(x.summary) for x in lessons if x.summary))
    path = tmp / "history"
    with new_workspace(path) as ws:
        item = ws.items.add(
            "rex",
            {
                "title": title,
                "summary": summary,
                "lessons": learned,
                "site": site,
                "occurred_on": occurred_on,
                "tags": tags,
            },
        )
        item_id = item["id"]
        per_edit = []
        for i in range(edits):
            text = texts[i % len(texts)]
            elapsed, _ = timed(lambda text=text: ws.items.edit(item_id, {"summary": text}))
            per_edit.append(elapsed)
        history = ws.items.history(item_id)
        if len(history) != edits + 1:
            raise RuntimeError(f"{len(history)} revisions after {edits} edits")

        def api() -> float:
            elapsed, _ = timed(lambda: ws.items.history(item_id))
            return elapsed

        t_api = median_of(sizes.history_runs, api)
        bodies = ws.conn.execute(
            "SELECT rev_id, item_id, generation, body FROM revisions WHERE item_id = ?",
            (item_id,),
        ).fetchall()

    _, out = run_cli(path, "history", item_id, "--json", capture=True)
    if len(json.loads(out)) != edits + 1:
        raise RuntimeError("copdesk history --json does not list every revision")
    t_cli = median_of(sizes.runs, lambda: run_cli(path, "history", item_id, "--json")[0])

    # baseline: the same bodies in a plain table, read back and parsed
    conn = plain_db(tmp / "history-base.db")
    conn.execute(
        "CREATE TABLE revisions (rev_id TEXT PRIMARY KEY, item_id TEXT, generation INTEGER,"
        " body TEXT)"
    )
    conn.execute("CREATE INDEX revisions_item ON revisions(item_id)")
    insert = "INSERT INTO revisions VALUES (?, ?, ?, ?)"
    per_insert = []
    for row in bodies:  # one transaction per revision, as each edit is

        def one(row: tuple = row) -> None:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(insert, row)
            conn.execute("COMMIT")

        per_insert.append(timed(one)[0])

    def baseline() -> float:
        def query() -> list:
            cur = conn.execute(
                "SELECT body FROM revisions WHERE item_id = ? ORDER BY generation", (item_id,)
            )
            return [json.loads(b) for (b,) in cur]

        elapsed, _ = timed(query)
        return elapsed

    t_base = median_of(sizes.history_runs, baseline)
    conn.close()
    body_kib = statistics.mean(len(b[3]) for b in bodies) / 1024
    tenth = max(1, edits // 10)
    edit_ms = statistics.median(per_edit)
    insert_ms = statistics.median(per_insert)
    print(f"    revision bodies: {body_kib:.1f} KiB on average")
    print(
        f"    {edits:,} edits took {fmt_time(sum(per_edit))}: median {edit_ms * 1000:.2f} ms/edit,"
        f" first {tenth}: {statistics.mean(per_edit[:tenth]) * 1000:.2f} ms,"
        f" last {tenth}: {statistics.mean(per_edit[-tenth:]) * 1000:.2f} ms"
    )
    print(f"    sqlite3 INSERT, one transaction each: median {insert_ms * 1000:.2f} ms")
    runs, cli_runs = sizes.history_runs, sizes.runs
    print(f"    sqlite3 SELECT + json.loads (median of {runs})      {fmt_time(t_base)}")
    print(f"    Workspace.history           (median of {runs})      {fmt_time(t_api)}")
    print(f"    copdesk history ID --json   (median of {cli_runs})      {fmt_time(t_cli)}")
    return [
        Figure(f"history {edits + 1:,} revisions (API)", t_api, t_base),
        Figure(f"history {edits + 1:,} revisions (CLI)", t_cli, t_base),
        Figure("one edit (median)", edit_ms, insert_ms),
    ]


# -- 4. start-up ---------------------------------------------------------------------


def bench_startup(lessons: Sequence[Lesson], tmp: Path, sizes: Sizes) -> list[Figure]:
    n = sizes.startup_items
    print(f"\n[4] CLI start-up: copdesk list rex on {n} items vs python -c pass")
    path = tmp / "small"
    with new_workspace(path) as ws:
        import_checked(ws, write_csv(tmp / "small.csv", make_rows(lessons, n, seed=SEED)), n)

    def python_pass() -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        return time.perf_counter() - start

    run_cli(path, "list", "rex")  # warm the file cache and the bytecode
    python_pass()
    t_cli = median_of(sizes.startup_runs, lambda: run_cli(path, "list", "rex")[0])
    t_base = median_of(sizes.startup_runs, python_pass)
    runs = sizes.startup_runs
    print(f"    python -c pass  (median of {runs})  {fmt_time(t_base)}")
    print(f"    copdesk list rex (median of {runs}) {fmt_time(t_cli)}")
    print(f"    start-up overhead over a bare Python: {fmt_time(t_cli - t_base)}")
    return [under(f"copdesk list rex ({n} items)", t_cli, t_base, 0.5)]


# -- profiling -----------------------------------------------------------------------


# -- 5. who may do what ---------------------------------------------------------------


def bench_permissions(lessons: Sequence[Lesson], tmp: Path, sizes: Sizes) -> list[Figure]:
    n, edits = sizes.import_rows, sizes.edits
    rows = make_rows(lessons, n, seed=SEED + 5)
    path = tmp / f"perm-{n}.csv"  # proposed reports of the community Presses
    with open(path, "w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(("title", "summary", "lessons", "community", "occurred_on", "status"))
        out.writerows((*r[:3], "Presses", r[4], "proposed") for r in rows)
    print(f"\n[5] the rules checked vs bypassed: import-csv of {n:,} rows, {edits:,} edits")
    counter = iter(range(1_000_000))

    def setup() -> tuple[Workspace, str]:
        # without the search index, which would drown the cost measured in its own
        where = tmp / f"perm-{next(counter)}"
        new_workspace(where).close()
        ws = Workspace.open(where, index=False)
        admin = ws.items.add("person", {"name": "Ada Admin"})["id"]
        with ws.acting_as(admin):
            writer = ws.items.add("person", {"name": "Wes Writer"})["id"]
            animator = ws.items.add("person", {"name": "Ann Animator"})["id"]
            ws.items.add("community", {"name": "Presses", "form": "trade"})
            ws.people.member("Presses", animator, "animator")
            ws.people.member("Presses", writer, "contributor")
        ws.use(animator)
        return ws, writer

    def run_import(checked: bool) -> float:
        ws, _ = setup()
        try:
            with contextlib.ExitStack() as stack:
                if not checked:
                    stack.enter_context(ws.permissions.bypass())
                elapsed, report = timed(lambda: ws.import_csv("rex", path))
            if report["imported"] != n:
                raise RuntimeError(f"imported {report['imported']} of {n}")
        finally:
            ws.close()
        return elapsed

    def run_edits(checked: bool) -> float:
        ws, writer = setup()
        try:
            with ws.acting_as(writer), ws.batch():
                made = [
                    ws.items.add("rex", {"title": f"R{i}", "community": "Presses"})["id"]
                    for i in range(50)
                ]
            with contextlib.ExitStack() as stack:
                if not checked:
                    stack.enter_context(ws.permissions.bypass())
                start = time.perf_counter()
                for i in range(edits):  # the animator edits the contributor's reports
                    ws.items.edit(made[i % len(made)], {"summary": f"edit {i}"})
                return time.perf_counter() - start
        finally:
            ws.close()

    results: dict[tuple[str, bool], list[float]] = {}
    for _ in range(sizes.runs):  # interleaved, so a busy moment hits both alike
        for checked in (True, False):
            results.setdefault(("import", checked), []).append(run_import(checked))
            results.setdefault(("edits", checked), []).append(run_edits(checked))
    med = {k: statistics.median(v) for k, v in results.items()}
    for what in ("import", "edits"):
        on, off = med[(what, True)], med[(what, False)]
        print(f"    {what:6}  checked {fmt_time(on)}  bypassed {fmt_time(off)}"
              f"  ({(on / off - 1) * 100:+.1f} %)")  # fmt: skip
    return [
        within_ratio(f"import-csv {n:,} rows, rules checked", med[("import", True)],
                     med[("import", False)], 1.05),
        within_ratio(f"{edits:,} edits of others' items, rules checked", med[("edits", True)],
                     med[("edits", False)], 1.05),
    ]  # fmt: skip


def profile(label: str, fn: Callable[[], Any], top: int = 18) -> None:
    """Print where ``fn`` spends its time, by own time and by cumulative time."""
    profiler = cProfile.Profile()
    profiler.enable()
    fn()
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"\n--- profile: {label} ({total:.2f} s under cProfile) ---")
    for key in ("tottime", "cumulative"):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key).print_stats(top)
        lines = out.getvalue().splitlines()
        start = next(i for i, line in enumerate(lines) if line.lstrip().startswith("ncalls"))
        print(f"by {key}:")
        print("\n".join(lines[start:]).rstrip())


def profile_core(lessons: Sequence[Lesson], tmp: Path, sizes: Sizes) -> None:
    from copdesk import cli

    n = sizes.import_rows
    path = write_csv(tmp / "profile.csv", make_rows(lessons, n, seed=SEED))
    with new_workspace(tmp / "profile-import") as ws:
        profile(f"Workspace.import_csv of {n:,} rows", lambda: import_checked(ws, path, n))

    def list_json() -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            cli.main(["--workspace", str(tmp / "large"), "list", "rex", "--json"])

    profile(f"copdesk list rex --json over {sizes.list_items:,} items (in-process)", list_json)
    tail = n // 10
    more = write_csv(tmp / "profile-more.csv", make_rows(lessons, tail, seed=SEED + 3))
    with Workspace.open(tmp / "large") as ws:
        large = ws.summary()["counts"]["rex"]
        profile(
            f"Workspace.import_csv of {tail:,} rows into {large:,} items",
            lambda: import_checked(ws, more, tail),
        )
    with Workspace.open(tmp / "history") as ws:
        item_id = ws.items.list("rex")[0]["id"]
        profile(
            f"Workspace.history of {sizes.edits + 1:,} revisions", lambda: ws.items.history(item_id)
        )
        texts = ["Profiled edit, text A.", "Profiled edit, text B."]

        def edits() -> None:
            for i in range(100):
                ws.items.edit(item_id, {"summary": texts[i % 2]})

        profile("100 more Workspace.edit calls", edits)


# -- main ----------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="sizes divided by 10 (smoke run)")
    parser.add_argument("--profile", action="store_true", help="also cProfile the core")
    parser.add_argument(
        "--only",
        choices=("import", "list", "history", "startup", "permissions"),
        help="run one part only",
    )
    parser.add_argument("--lessons", type=Path, default=DEFAULT_LESSONS, help="LLIS CSV (.gz)")
    args = parser.parse_args(argv)
    # a plain `kill` still removes the temporary folder (TemporaryDirectory cleanup)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = Sizes.quick() if args.quick else Sizes()

    lessons = load_lessons(args.lessons)
    print(
        f"copdesk store benchmark{' (--quick)' if args.quick else ''}: Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {len(lessons):,} real lessons, seed {SEED}"
    )
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="copdesk-bench-") as name:
        tmp = Path(name)
        print(f"working in {tmp}")
        started = time.perf_counter()
        parts = {
            "import": bench_import,
            "list": bench_list,
            "history": bench_history,
            "startup": bench_startup,
            "permissions": bench_permissions,
        }
        for name, part in parts.items():
            if args.only in (None, name):
                figures += part(lessons, tmp, sizes)
        print(f"\n(all measurements took {fmt_time(time.perf_counter() - started)})")
        print_summary(figures)
        if args.profile:
            profile_core(lessons, tmp, sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
