"""Benchmark of bundle exchange: export, import (database and index), re-import, memory.

A source workspace of 10,000 experience reports is built from real text (the
items of bench_search.py: NASA lessons learned and French documentation
paragraphs, one ``Workspace.import_csv``), and 200 of them get an attachment of
about 250 KB of random bytes named ``.jpg`` (incompressible, like photos: stored,
not deflated, in the bundle). A receiving workspace trusts the source.

Every measured step runs in its own Python process, so its peak memory (the
child's ``ru_maxrss``, from ``os.wait4``) is its own and caches are not shared:

1. export: ``Workspace.export`` of everything (index not opened). Baseline, in the
   same run: the same revisions.jsonl lines, read from the same database with one
   SQL query, and the same blob files written into a zip with ``zipfile``, with the
   same choices (lines deflated at level 6, photos stored). Target: within 3x.
2. import into the fresh trusted workspace, timed in two parts: the database part
   (``Workspace.open(index=False).import_bundle``: staging, checks, backup, one
   transaction) and the index catch-up (the next ``Workspace.open`` and
   ``ws.index``: Whoosh indexes the new items). Target: both together within 90 s.
   Next to it, a baseline of reading the bundle with ``zipfile``: every line
   parsed with ``json.loads`` and every blob copied out.
3. re-import of the same bundle into the workspace that now holds it, as an
   administrator runs it: ``copdesk import FILE`` (a whole process), next to
   ``unzip -t FILE`` on the same file in the same run. Target: within 3x unzip -t.
4. peak memory of each step. Target: under 400 MB for every step.
5. the cost of per-revision signatures (bundle format 2): the export (which signs
   every revision at its first export) and the database import (which checks every
   new revision's origin signature) run again, in the same run, with signing and
   checking replaced by no-ops (a constant signature, a check that always holds) into
   a second receiving workspace. Target: checking signatures under 20 % of the import.
   A bundle's producer's own revisions are covered by its manifest signature, so the
   direct import checks few signatures; the same is measured for a *relayed* bundle
   (the receiving site exports everything to two more sites, which check every
   revision's own signature), with its relay export (which checks each signature once
   before relaying).

Everything happens in a temporary folder (never under $HOME). Times are
wall-clock and are reported, never asserted: the target column says whether each
was met.

Run::

    .venv/bin/python benchmarks/bench_sync.py            # 10,000 items, 200 attachments
    .venv/bin/python benchmarks/bench_sync.py --quick    # 1,000 items, 20 attachments
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import (
    COLUMNS,
    COMMUNITIES,
    DEFAULT_DATA,
    LESSONS,
    PAIRS,
    SEED,
    load_french,
    make_items,
    write_csv,
)
from bench_store import fmt_time, load_lessons
from report import Figure, print_summary

from copdesk.workspace import Workspace

EXPORT_RATIO = 3.0
IMPORT_TARGET = 90.0  # seconds, database + index, 10,000 items
REIMPORT_RATIO = 3.0  # copdesk import of a bundle already held / unzip -t of it
SIGNATURE_SHARE = 0.20  # checking signatures: under 20 % of the database import
MEMORY_TARGET = 400.0  # MB (10^6 bytes), peak resident set of each step
BLOB_SIZE = 250_000


@dataclass(frozen=True)
class Sizes:
    items: int = 10_000
    attachments: int = 200

    @classmethod
    def quick(cls) -> Sizes:
        return cls(items=1_000, attachments=20)


def _no_signatures() -> None:
    """Signing and checking revisions made no-ops, for the same-run baseline (bench only)."""
    from copdesk.sync import exchange, keys

    fake = "A" * 86 + "=="
    real_publish = exchange.publish

    def publish(conn, site_id, feed, sign, every=False):  # type: ignore[no-untyped-def]
        return real_publish(conn, site_id, feed, lambda data: fake, every)

    exchange.publish = publish
    keys.verify = lambda *args: True  # type: ignore[assignment]


def step_export(source: str, bundle: str, mode: str = "signed") -> dict[str, Any]:
    if mode == "unsigned":
        _no_signatures()
    started = time.perf_counter()
    with Workspace.open(source, index=False) as ws:
        if mode == "unsigned":  # a copy of the source folder, made for this baseline
            ws.sites.claim_moved()
            started = time.perf_counter()
        report = ws.sync.export(bundle)
    return {"seconds": time.perf_counter() - started, "report": report}


def step_baseline_export(source: str, target: str) -> dict[str, Any]:
    """The same lines and blob files into a zip, with zipfile and one SQL query."""
    started = time.perf_counter()
    conn = sqlite3.connect(source + "/copdesk.db")
    blobs = Path(source) / "blobs"
    shas = []
    with zipfile.ZipFile(target, "w") as zf:
        info = zipfile.ZipInfo("revisions.jsonl", (1980, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info._compresslevel = 6  # type: ignore[attr-defined]  # as BundleWriter writes it
        with zf.open(info, "w", force_zip64=True) as out:
            for seq, body in conn.execute(
                "SELECT f.seq, r.body FROM feed f JOIN revisions r ON r.rev_id = f.rev_id"
                " ORDER BY f.origin, f.seq"
            ):
                out.write(f'{{"feed":{seq},"revision":{body}}}\n'.encode())
        for (sha,) in conn.execute("SELECT sha256 FROM blobs ORDER BY sha256"):
            shas.append(sha)
            zf.write(blobs / sha[:2] / sha, f"blobs/{sha}", zipfile.ZIP_STORED)
    conn.close()
    return {"seconds": time.perf_counter() - started, "blobs": len(shas)}


def step_import_db(dest: str, bundle: str, mode: str = "signed") -> dict[str, Any]:
    if mode == "unchecked":
        _no_signatures()
    started = time.perf_counter()
    with Workspace.open(dest, index=False) as ws:
        report = ws.sync.import_bundle(bundle)
    report.pop("items", None)
    return {"seconds": time.perf_counter() - started, "report": report}


def step_import_index(dest: str) -> dict[str, Any]:
    started = time.perf_counter()
    with Workspace.open(dest) as ws:  # as `copdesk reindex --catch-up` after an import
        caught = ws.search.catch_up()
        docs = ws.search.index.ix.doc_count()
    assert caught["lag"] == 0, caught
    return {"seconds": time.perf_counter() - started, "documents": docs}


def step_baseline_import(bundle: str, scratch: str) -> dict[str, Any]:
    """Read the bundle with zipfile: parse every line, copy every blob out."""
    started = time.perf_counter()
    out = Path(scratch)
    out.mkdir()
    lines = 0
    with zipfile.ZipFile(bundle) as zf:
        with zf.open("revisions.jsonl") as f:
            for raw in f:
                json.loads(raw)
                lines += 1
        for name in zf.namelist():
            if name.startswith("blobs/"):
                with zf.open(name) as src, open(out / name[6:], "wb") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
    return {"seconds": time.perf_counter() - started, "lines": lines}


def step_relay_export(relay: str, bundle: str) -> dict[str, Any]:
    started = time.perf_counter()
    with Workspace.open(relay, index=False) as ws:
        report = ws.sync.export(bundle)
    return {"seconds": time.perf_counter() - started, "report": report}


def step_reimport(dest: str, bundle: str) -> dict[str, Any]:
    """`copdesk import FILE --json` as a whole process, and `unzip -t FILE` (best of 3)."""
    best = best_unzip = float("inf")
    report: dict[str, Any] = {}
    for _ in range(3):
        started = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "copdesk", "--workspace", dest, "import", bundle, "--json"],
            capture_output=True,
            text=True,
        )
        best = min(best, time.perf_counter() - started)
        if proc.returncode != 0:
            raise RuntimeError(proc.stderr)
        report = json.loads(proc.stdout)
        started = time.perf_counter()
        subprocess.run(["unzip", "-tqq", bundle], check=True, capture_output=True)
        best_unzip = min(best_unzip, time.perf_counter() - started)
    report.pop("items", None)
    return {"seconds": best, "unzip": best_unzip, "report": report}


STEPS = {
    "export": step_export,
    "baseline-export": step_baseline_export,
    "import-db": step_import_db,
    "import-index": step_import_index,
    "baseline-import": step_baseline_import,
    "reimport": step_reimport,
    "relay-export": step_relay_export,
}


def peak_mb() -> float:
    """This process's peak resident set in MB: VmHWM, which starts afresh at exec
    (a child's ru_maxrss would include the parent's size when it forked)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / 1e6
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # Linux: KiB


def run_step(name: str, *args: str) -> tuple[dict[str, Any], float]:
    """Run one step in a child process: (its JSON result, its peak RSS in MB)."""
    script = str(Path(__file__).resolve())
    proc = subprocess.run(
        [sys.executable, script, "--step", name, *args], stdout=subprocess.PIPE, text=True
    )
    if proc.returncode != 0:
        raise RuntimeError(f"step {name} failed ({proc.returncode})")
    result = json.loads(proc.stdout)
    return result, result["peak_mb"]


# -- building the two sites ------------------------------------------------------------


def build_sites(tmp: Path, sizes: Sizes, data: Path) -> tuple[Path, Path, Path]:
    lessons = load_lessons(data / LESSONS)
    french = load_french(data / PAIRS)
    items = make_items(lessons, french, sizes.items, SEED)
    csv_path = write_csv(tmp / "items.csv", items)
    source, dest, plain = tmp / "source", tmp / "dest", tmp / "dest-unchecked"
    Workspace.create(source, "Usine de Lyon", language="en").close()
    Workspace.create(dest, "Site de Grenoble", language="fr").close()
    Workspace.create(plain, "Site de Nantes", language="fr").close()
    for far in ("far", "far-unchecked"):
        Workspace.create(tmp / far, f"Site {far}", language="fr").close()
    rng = random.Random(SEED)
    photos = tmp / "photos"
    photos.mkdir()
    with Workspace.open(source, index=False) as ws:
        for name in COMMUNITIES:
            ws.items.add("community", {"name": name, "form": "trade"})
        report = ws.import_csv("rex", csv_path)
        if report["imported"] != sizes.items or set(report["columns"].values()) != set(COLUMNS):
            raise RuntimeError(f"import of {sizes.items} items: {report}")
        ids = [i for (i,) in ws.conn.execute("SELECT id FROM items WHERE kind = 'rex'")]
        for n, item_id in enumerate(rng.sample(ids, sizes.attachments)):
            photo = photos / f"photo-{n:03}.jpg"
            size = BLOB_SIZE + rng.randrange(-20_000, 20_000)
            photo.write_bytes(b"\xff\xd8\xff\xe0" + rng.randbytes(size - 4))
            ws.items.attach(item_id, photo)
        ident = ws.sites.identity()
    shutil.rmtree(photos)
    csv_path.unlink()
    with Workspace.open(dest, index=False) as ws:
        relay = ws.sites.identity()
    for receiver in (dest, plain, tmp / "far", tmp / "far-unchecked"):
        with Workspace.open(receiver, index=False) as ws:
            ws.sites.trust(ident["site_id"], ident["key"], "Usine de Lyon")
            if receiver.name.startswith("far"):
                ws.sites.trust(relay["site_id"], relay["key"], relay["name"])
    return source, dest, plain


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 items, 20 attachments")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with llis/ and fr/ (shared data)"
    )
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)  # a child process
    args = parser.parse_args(argv)
    if args.step:
        name, *rest = args.step
        print(json.dumps({**STEPS[name](*rest), "peak_mb": peak_mb()}))
        return 0
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sizes = Sizes.quick() if args.quick else Sizes()
    print(
        f"copdesk sync benchmark{' (--quick)' if args.quick else ''}: Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs;"
        f" {sizes.items:,} items, {sizes.attachments} attachments of ~{BLOB_SIZE // 1000} KB"
    )
    home = Path.home().resolve()
    base = Path(tempfile.gettempdir()).resolve()
    where = "/tmp" if base == home or home in base.parents else None  # never under $HOME
    figures: list[Figure] = []
    memory: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="copdesk-bench-sync-", dir=where) as name:
        tmp = Path(name)
        print(f"working in {tmp}")
        started = time.perf_counter()
        source, dest, plain = build_sites(tmp, sizes, args.data)
        shutil.copytree(source, tmp / "source-unsigned")
        print(f"  built the two sites in {fmt_time(time.perf_counter() - started)}")
        bundle = tmp / "all.copdesk"

        exported, memory["export"] = run_step("export", str(source), str(bundle))
        unsigned, _ = run_step(
            "export", str(tmp / "source-unsigned"), str(tmp / "unsigned.copdesk"), "unsigned"
        )
        base_exp, memory["baseline export"] = run_step(
            "baseline-export", str(source), str(tmp / "baseline.zip")
        )
        r = exported["report"]
        print(
            f"  export: {r['revisions']:,} revisions, {r['attachments']} attachments,"
            f" {r['bytes'] / 1e6:.1f} MB in {fmt_time(exported['seconds'])}"
            f" (baseline zip {(tmp / 'baseline.zip').stat().st_size / 1e6:.1f} MB"
            f" in {fmt_time(base_exp['seconds'])})"
        )
        if base_exp["blobs"] != r["attachments"]:
            raise RuntimeError(f"baseline wrote {base_exp['blobs']} blobs")

        imported, memory["import (database)"] = run_step("import-db", str(dest), str(bundle))
        unchecked, _ = run_step("import-db", str(plain), str(bundle), "unchecked")
        indexed, memory["import (index)"] = run_step("import-index", str(dest))
        base_imp, memory["baseline import"] = run_step(
            "baseline-import", str(bundle), str(tmp / "read")
        )
        r = imported["report"]
        if r["new"] != sizes.items + sizes.attachments + len(COMMUNITIES):
            raise RuntimeError(f"import made {r['new']} new items: {r}")
        print(
            f"  import: {r['revisions_new']:,} revisions, {r['new']:,} new items: database"
            f" {fmt_time(imported['seconds'])}, index {fmt_time(indexed['seconds'])}"
            f" ({indexed['documents']:,} documents); baseline read"
            f" {fmt_time(base_imp['seconds'])}"
        )
        again, memory["re-import"] = run_step("reimport", str(dest), str(bundle))
        relayed_bundle = str(tmp / "relayed.copdesk")
        relay_out, _ = run_step("relay-export", str(dest), relayed_bundle)
        far, _ = run_step("import-db", str(tmp / "far"), relayed_bundle)
        far_plain, _ = run_step(
            "import-db", str(tmp / "far-unchecked"), relayed_bundle, "unchecked"
        )
        r = again["report"]
        if r["revisions_new"] or r["new"]:
            raise RuntimeError(f"re-import added something: {r}")
        print(
            f"  re-import: {r['unchanged']:,} items unchanged in {fmt_time(again['seconds'])}"
            f" (unzip -t {fmt_time(again['unzip'])})"
        )
        print(
            f"  relayed: relay export {fmt_time(relay_out['seconds'])}, import"
            f" {fmt_time(far['seconds'])} checked / {fmt_time(far_plain['seconds'])} not"
        )
        print(
            f"  signatures: export {fmt_time(exported['seconds'])} signed /"
            f" {fmt_time(unsigned['seconds'])} not; import {fmt_time(imported['seconds'])}"
            f" checked / {fmt_time(unchecked['seconds'])} not"
        )
        print(f"\n(all steps took {fmt_time(time.perf_counter() - started)})")

    both = imported["seconds"] + indexed["seconds"]
    scale = sizes.items / 10_000
    figures = [
        Figure(
            "export",
            exported["seconds"],
            base_exp["seconds"],
            target=f"<= {EXPORT_RATIO:.0f}x zipfile",
            met=exported["seconds"] <= EXPORT_RATIO * base_exp["seconds"],
        ),
        Figure("import: database", imported["seconds"], base_imp["seconds"]),
        Figure("import: index catch-up", indexed["seconds"], None),
        Figure(
            "import: database + index",
            both,
            None,
            target=f"<= {IMPORT_TARGET * scale:.0f} s ({IMPORT_TARGET:.0f} s for 10,000)",
            met=both <= IMPORT_TARGET * scale,
        ),
        Figure(
            "re-import of the same bundle (copdesk import / unzip -t)",
            again["seconds"],
            again["unzip"],
            target=f"<= {REIMPORT_RATIO:.0f}x unzip -t",
            met=again["seconds"] <= REIMPORT_RATIO * again["unzip"],
        ),
        Figure(
            "export: signing every revision / no signatures",
            exported["seconds"],
            unsigned["seconds"],
        ),
        Figure(
            "import, database: checking signatures / not",
            imported["seconds"],
            unchecked["seconds"],
            target=f"checks < {SIGNATURE_SHARE:.0%} of the import",
            met=imported["seconds"] - unchecked["seconds"] < SIGNATURE_SHARE * imported["seconds"],
        ),
        Figure(
            "import of a relayed bundle, database: checking every signature / not",
            far["seconds"],
            far_plain["seconds"],
            target=f"checks < {SIGNATURE_SHARE:.0%} of the import",
            met=far["seconds"] - far_plain["seconds"] < SIGNATURE_SHARE * far["seconds"],
        ),
        Figure(
            "import of a relayed bundle, database + index: checks / the whole import",
            far["seconds"] - far_plain["seconds"],
            far["seconds"] + indexed["seconds"],
            target=f"< {SIGNATURE_SHARE:.0%}",
            met=far["seconds"] - far_plain["seconds"]
            < SIGNATURE_SHARE * (far["seconds"] + indexed["seconds"]),
        ),
        Figure("relay export (checks each signature once)", relay_out["seconds"], None),
    ]
    for step, baseline in (
        ("export", "baseline export"),
        ("import (database)", "baseline import"),
        ("import (index)", None),
        ("re-import", None),
    ):
        mb = memory[step]
        figures.append(
            Figure(
                f"peak memory, {step}",
                mb,
                memory[baseline] if baseline else None,
                unit="MB",
                target=f"< {MEMORY_TARGET:.0f} MB",
                met=mb < MEMORY_TARGET,
            )
        )
    print_summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
