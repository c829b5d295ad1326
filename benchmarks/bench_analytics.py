"""Benchmark of the analytics for animators, next to plain SQL in the same run.

One workspace of known size is built in a temporary folder (never under $HOME):
500 people on 5 sites, 50 communities, 50 skills, 5 ratings per person (some
expiring), 500 know-how sheets with holders (all through the ``Workspace`` API) and
experience reports up to 50,000 items in all, imported with ``Workspace.import_csv``
in one file per community, each authored by one person, from generated rows whose
titles use the skills' words (so the matching of the risks is exercised). The
search index is left alone: analytics never read it.

Each measured part is one function returning :class:`Figure` rows (``measure_*``),
so other analytics (the latent network) add their own function next to these:

- ``risks``: ``copdesk.analytics.risks.compute`` in-process, split into reading the
  workspace (``collect``: lists, one ``get`` per sheet, ratings) and ranking
  (``rank``); next to it, in the same run, ``SELECT count(*) FROM items WHERE
  kind = ?`` for the same kinds on the same database with ``sqlite3`` (asked for as
  the floor), and reading the same rows' JSON with ``sqlite3`` + ``json.loads``.
- ``copdesk risks --json`` as a command (a child process: start-up included), next
  to ``python -c pass``.

Times are the best of 3 runs (wall clock) and are reported, never asserted.

Run::

    .venv/bin/python benchmarks/bench_analytics.py            # 500 people, 50,000 items
    .venv/bin/python benchmarks/bench_analytics.py --quick    # 50 people, 5,000 items
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import platform
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from report import Figure, fmt_time, print_summary

from copdesk.analytics import risks
from copdesk.workspace import Workspace

SEED = 20261129
REPEAT = 3
KINDS = ("person", "skill", "howto", "rex", "rating")
SITES = ("Usine de Lyon", "Usine de Saint-Étienne", "Sheffield Works", "Usine de Nantes", "Győr")
ACTIONS = ("Diagnostic", "Réglage", "Maintenance", "Contrôle", "Programmation")
OBJECTS = (
    "hydraulique",
    "électrique",
    "robot",
    "presse",
    "soudage",
    "peinture",
    "usinage",
    "métrologie",
    "convoyeur",
    "compresseur",
)
FILLER = ("fuite", "arrêt", "ligne 4", "capteur", "dérive", "bruit", "vibration", "P12", "T21")


@dataclass(frozen=True)
class Sizes:
    people: int = 500
    communities: int = 50
    items: int = 50_000  # every item, relations included
    sheets: int = 500
    ratings_per_person: int = 5

    @classmethod
    def quick(cls) -> Sizes:
        return cls(people=50, communities=10, items=5_000, sheets=50)


def best(func: Callable[[], Any], repeat: int = REPEAT) -> tuple[float, Any]:
    """Best wall-clock time of ``repeat`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - started)
    return min(times), result


# -- building the workspace ------------------------------------------------------------


def build(path: Path, sizes: Sizes) -> dict[str, int]:
    """People, communities, skills, ratings and sheets by the API; reports by CSV import."""
    rng = random.Random(SEED)
    today = dt.date.today()
    Workspace.create(path, site=SITES[0], language="fr").close()
    with Workspace.open(path, index=False) as ws, ws.batch(), ws.permissions.bypass():
        communities = [
            ws.items.add("community", {"name": f"Communauté {n:02d}", "form": "trade"})["name"]
            for n in range(sizes.communities)
        ]
        people = [
            ws.items.add("person", {"name": f"Personne {n:03d}", "site": SITES[n % len(SITES)]})[
                "id"
            ]
            for n in range(sizes.people)
        ]
        skills = [
            ws.items.add("skill", {"name": f"{a} {o}", "domain": o.capitalize()})["id"]
            for a in ACTIONS
            for o in OBJECTS
        ]
        names = {s: ws.items.get(s)["name"] for s in skills}
        for pid in people:
            for sid in rng.sample(skills, sizes.ratings_per_person):
                level = rng.choices((1, 2, 3, 4), weights=(3, 4, 2, 1))[0]
                until = None
                if rng.random() < 0.05:
                    until = (today + dt.timedelta(days=rng.randint(-30, 120))).isoformat()
                ws.people.rate(pid, sid, level, valid_until=until)
        for n in range(sizes.sheets):
            sid = rng.choice(skills)
            with ws.acting_as(rng.choice(people)):
                ws.items.add(
                    "howto",
                    {
                        "title": f"{names[sid]} : {rng.choice(FILLER)} ({n})",
                        "holders": rng.sample(people, rng.randint(0, 2)),
                        "tags": [rng.choice(OBJECTS)],
                    },
                )
    with closing(sqlite3.connect(path / "copdesk.db")) as conn:
        made = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    reports = sizes.items - made
    per_file = -(-reports // len(communities))
    rows_left = reports
    with Workspace.open(path, index=False) as ws:
        for n, community in enumerate(communities):
            count = min(per_file, rows_left)
            if count <= 0:
                break
            rows_left -= count
            csv_path = path.parent / f"rex-{n:02d}.csv"
            with open(csv_path, "w", newline="", encoding="utf-8") as f:
                out = csv.writer(f)
                out.writerow(["title", "community", "asset", "tags", "summary"])
                for i in range(count):
                    words = [rng.choice(ACTIONS), rng.choice(OBJECTS), rng.choice(FILLER)]
                    out.writerow(
                        [
                            f"{' '.join(words)} {n}-{i}",
                            community,
                            rng.choice(FILLER),
                            rng.choice(OBJECTS),
                            "Constat, cause et action : " + " ".join(rng.choices(FILLER, k=12)),
                        ]
                    )
            with ws.acting_as(people[(n * 7) % len(people)]):
                ws.import_csv("rex", csv_path)
            csv_path.unlink()
    with closing(sqlite3.connect(path / "copdesk.db")) as conn:
        return dict(conn.execute("SELECT kind, count(*) FROM items GROUP BY kind").fetchall())


# -- measured parts ----------------------------------------------------------------------


def sql_counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as conn:
        return {
            k: conn.execute("SELECT count(*) FROM items WHERE kind = ?", (k,)).fetchone()[0]
            for k in KINDS
        }


def sql_read(db: Path) -> int:
    """The rows risks needs, their JSON parsed: the floor of reading them at all."""
    with closing(sqlite3.connect(db)) as conn:
        marks = ",".join("?" * len(KINDS))
        rows = conn.execute(
            f"SELECT id, data FROM items WHERE deleted = 0 AND kind IN ({marks})", KINDS
        )
        return sum(1 for _, data in rows if json.loads(data))


def measure_risks(path: Path) -> list[Figure]:
    """``risks`` in-process (read + rank), next to SQL counts and a plain read."""
    db = path / "copdesk.db"
    with Workspace.open(path, index=False) as ws:
        total_time, lines = best(lambda: ws.analytics.risks())  # first: nothing else held
        read_time, data = best(lambda: risks.collect(ws.items, ws.people, ws.core.today()))
        rank_time, again = best(lambda: risks.rank(data))
    assert len(again) == len(lines)  # the same lines, before their wording
    count_time, counts = best(lambda: sql_counts(db))
    parse_time, parsed = best(lambda: sql_read(db))
    kinds: dict[str, int] = {}
    for line in lines:
        kinds[line["kind"]] = kinds.get(line["kind"], 0) + 1
    print(
        f"  risks: {len(lines):,} lines ({', '.join(f'{v} {k}' for k, v in sorted(kinds.items()))})"
        f" over {', '.join(f'{v:,} {k}' for k, v in counts.items())}; {parsed:,} rows parsed"
    )
    return [
        Figure(
            "risks: read the workspace",
            read_time,
            parse_time,
            note="baseline: sqlite3 + json.loads, same rows",
        ),
        Figure("risks: rank", rank_time, None),
        Figure(
            "risks in all (Workspace)",
            total_time,
            count_time,
            note="baseline: SELECT count(*) per kind (5)",
        ),
    ]


def measure_risks_cli(path: Path) -> list[Figure]:
    """``copdesk risks --json`` as a user runs it, start-up included."""
    exe = [sys.executable, "-m", "copdesk", "--workspace", str(path), "risks", "--json"]

    def run(argv: list[str]) -> str:
        return subprocess.run(argv, check=True, capture_output=True, text=True).stdout

    cli_time, out = best(lambda: run(exe))
    bare_time, _ = best(lambda: run([sys.executable, "-c", "pass"]))
    print(f"  copdesk risks --json: {len(out):,} bytes of JSON")
    return [Figure("copdesk risks --json", cli_time, bare_time, note="baseline: python -c pass")]


def measure_network(path: Path) -> list[Figure]:
    """``network`` on a copy of the workspace given working ties: memberships (2 per
    person), co-written reports (5,000 edits by another member of the report's
    community), 5,000 comments (9 in 10 by a member), and 500 questions with 2 answers
    and 1,000 marks when the model has them. Next to it: SQL counts per kind and a
    plain read of the rows the network needs (revision authors, comments)."""
    import shutil

    from copdesk.analytics import network
    from copdesk.model.kinds import KINDS as MODEL

    rng = random.Random(SEED + 1)
    work = path.parent / "ws-network"
    shutil.copytree(path, work)
    with Workspace.open(work, index=False) as ws, ws.permissions.bypass():  # a moved copy
        ws.sites.claim_moved()
    started = time.perf_counter()
    with Workspace.open(work, index=False) as ws, ws.batch(), ws.permissions.bypass():
        people = [p["id"] for p in sorted(ws.items.list("person"), key=lambda p: p["name"])]
        communities = [c["id"] for c in ws.items.list("community")]
        members: dict[str, list[str]] = {c: [] for c in communities}
        for i, pid in enumerate(people):
            for c in {
                communities[i % len(communities)],
                communities[(i * 7 + 3) % len(communities)],
            }:
                ws.people.member(c, pid, "member")
                members[c].append(pid)
        reports = sorted(ws.items.list("rex"), key=lambda r: r["title"])  # ids are random
        for item in rng.sample(reports, min(5_000, len(reports))):
            group = members.get(item["community"]) or people
            with ws.acting_as(rng.choice(group)):
                ws.items.edit(item["id"], {"evidence": "Appliqué et vérifié."})
        for item in rng.sample(reports, min(5_000, len(reports))):
            group = members.get(item["community"]) or people
            with ws.acting_as(rng.choice(group if rng.random() < 0.9 else people)):
                ws.items.comment(item["id"], "Même constat chez nous.")
        if "answer" in MODEL and "mark" in MODEL:
            for n in range(500):
                c = rng.choice(communities)
                with ws.acting_as(rng.choice(members[c] or people)):
                    question = ws.qa.ask(c, f"Question {n}", tags=[rng.choice(OBJECTS)])
                for _ in range(2):
                    with ws.acting_as(rng.choice(people)):
                        ws.qa.answer(question["id"], "Voir la fiche.")
            for item in rng.sample(reports, min(1_000, len(reports))):
                with ws.acting_as(rng.choice(people)):
                    ws.qa.mark(item["id"], "applied")
    print(f"  network: working ties added in {fmt_time(time.perf_counter() - started)}")
    db = work / "copdesk.db"

    def sql_read_network() -> int:
        with closing(sqlite3.connect(db)) as conn:
            authors = conn.execute(
                "SELECT r.item_id, r.author FROM revisions r JOIN items i ON i.id = r.item_id"
                " WHERE i.kind IN ('rex', 'howto') AND i.deleted = 0"
            ).fetchall()
            comments = conn.execute(
                "SELECT created_by, json_extract(data, '$.target') FROM items"
                " WHERE kind = 'comment' AND deleted = 0"
            ).fetchall()
            return len(authors) + len(comments)

    with Workspace.open(work, index=False) as ws:
        read_time, facts = best(lambda: network.collect(ws.core.conn, ws.items, ws.people))
        analyse_time, result = best(lambda: network.analyse(facts))
        total_time, again = best(lambda: ws.analytics.network())
    assert again["people"] == result["people"]  # the same graph, worded
    count_time, _ = best(lambda: sql_counts(db))
    plain_time, rows = best(lambda: sql_read_network())
    exe = [sys.executable, "-m", "copdesk", "--workspace", str(work), "network", "--json"]
    run = lambda argv: subprocess.run(argv, check=True, capture_output=True, text=True).stdout  # noqa: E731
    cli_time, out = best(lambda: run(exe))
    bare_time, _ = best(lambda: run([sys.executable, "-c", "pass"]))
    with closing(sqlite3.connect(db)) as conn:
        items = conn.execute("SELECT count(*) FROM items").fetchone()[0]
    print(
        f"  network: {result['people']} people, {items:,} items, {result['work_ties']:,} work"
        f" ties, {result['affinity_ties']:,} affinity ties, {len(result['clusters'])} clusters,"
        f" betweenness from {result['betweenness_pivots']} sources; {len(result['bridges'])}"
        f" bridges, {len(result['isolated_people'])} isolated, {len(result['suggestions'])}"
        f" suggestions, {len(result['candidate_communities'])} candidates;"
        f" {rows:,} rows read plainly; JSON {len(out):,} bytes"
    )
    shutil.rmtree(work)
    return [
        Figure(
            "network: read the workspace",
            read_time,
            plain_time,
            note="baseline: sqlite3, authors + comments",
        ),
        Figure("network: graph and measures", analyse_time, None),
        Figure(
            "network in all (Workspace)",
            total_time,
            count_time,
            note="baseline: SELECT count(*) per kind (5)",
        ),
        Figure("copdesk network --json", cli_time, bare_time, note="baseline: python -c pass"),
    ]


def measure_stats(path: Path) -> list[Figure]:
    """The health dashboard's figures (what the window shows), for the site and for the
    largest community, next to a plain count of the same items."""
    with closing(Workspace.open(path, index=False)) as ws:
        largest = max(ws.items.list("community"), key=lambda c: len(ws.people.members(c["id"])))
        site_time, _ = best(lambda: ws.analytics.stats())
        community_time, _ = best(lambda: ws.analytics.stats(largest["id"]))
    count_time, _ = best(lambda: sql_counts(path / "copdesk.db"))
    target = "dashboard within 1 s"
    return [
        Figure(
            "stats: whole site", site_time, count_time, target, site_time <= 1.0,
            note="baseline: SELECT count(*) per kind (5)",
        ),
        Figure(
            "stats: one community", community_time, count_time, target, community_time <= 1.0,
            note="baseline: SELECT count(*) per kind (5)",
        ),
    ]  # fmt: skip


MEASURES: dict[str, Callable[[Path], list[Figure]]] = {
    "stats": measure_stats,
    "risks": measure_risks,
    "risks-cli": measure_risks_cli,
    "network": measure_network,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="50 people, 5,000 items")
    parser.add_argument(
        "--only", nargs="+", choices=sorted(MEASURES), help="measure only these parts"
    )
    args = parser.parse_args(argv)
    sizes = Sizes.quick() if args.quick else Sizes()
    print(
        f"copdesk analytics benchmark{' (--quick)' if args.quick else ''}: Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs;"
        f" {sizes.people} people, {sizes.communities} communities, {sizes.items:,} items"
    )
    home = Path.home().resolve()
    base = Path(tempfile.gettempdir()).resolve()
    where = "/tmp" if base == home or home in base.parents else None  # never under $HOME
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="copdesk-bench-analytics-", dir=where) as name:
        path = Path(name) / "ws"
        started = time.perf_counter()
        counts = build(path, sizes)
        print(
            f"  built in {fmt_time(time.perf_counter() - started)}: "
            + ", ".join(f"{v:,} {k}" for k, v in sorted(counts.items()))
        )
        for part in args.only or MEASURES:
            figures.extend(MEASURES[part](path))
    print_summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
