"""At 100,000 items what a command holds must not grow with the workspace: a CSV import
reads, validates and writes a chunk at a time. Measured with tracemalloc (Python's own
allocations, deterministic), never with a clock: the times and the peak memory of each
command are in benchmarks/bench_scale.py."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from copdesk import Workspace, workspace

TEXT = "Le joint du raccord hydraulique a cédé au démarrage de la presse " * 12


def register(path: Path, rows: int) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.write("title;summary;occurred_on\n")
        for i in range(rows):
            f.write(f"Fuite {i};{TEXT}{i};{1 + i % 28:02d}/03/2024\n")
    return path


def peak_of(fn) -> int:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.slow
def test_a_csv_import_holds_a_chunk_not_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workspace, "IMPORT_CHUNK", 100, raising=False)
    peaks = {}
    for rows in (400, 4000):
        csv = register(tmp_path / f"r{rows}.csv", rows)
        with Workspace.open(
            Workspace.create(tmp_path / f"ws{rows}", "Lyon").path, index=False
        ) as ws:
            done: dict = {}
            peaks[rows] = peak_of(
                lambda ws=ws, csv=csv, done=done: done.update(ws.import_csv("rex", csv))
            )
            assert done["imported"] == rows
            assert done["date_formats"] == {"occurred_on": "%d/%m/%Y"}  # from the whole file
            assert {r["occurred_on"] for r in ws.items.list("rex")} >= {"2024-03-01"}
    # ten times the rows: the same chunks (the file alone is 3 MB at 4,000 rows)
    assert peaks[4000] < 2 * peaks[400], peaks
