"""Documents (issue 16): extraction throughput and search with documents, each figure
next to a baseline measured in the same run.

- reading a 300-page text PDF made here (fpdf2) through copdesk's child process, next to
  ``pdftotext`` (Debian's poppler-utils) on the same file, when it is installed;
- adding 200 documents of 20 pages each (stored, read in a child, indexed);
- search p50/p95 over the demo content, then the same queries with the documents added.

    .venv/bin/python benchmarks/bench_documents.py [--quick]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from copdesk import Workspace
from copdesk.documents.runner import Extractor

WORDS = [
    "couple",
    "serrage",
    "vis",
    "bride",
    "presse",
    "vérin",
    "hydraulique",
    "joint",
    "purge",
    "pression",
    "capteur",
    "consignation",
    "graissage",
    "roulement",
    "alignement",
    "tension",
    "courroie",
    "contrôle",
    "visuel",
    "mesure",
    "tolérance",
    "usure",
    "remplacement",
    "étanchéité",
    "fuite",
    "raccord",
    "flexible",
    "pompe",
    "accumulateur",
]
QUERIES = [
    "couple de serrage",
    "fuite vérin",
    "consignation presse",
    "capteur pression",
    "roulement usure",
    "joint étanchéité raccord",
    "purge circuit hydraulique",
    "courroie tension",
]


def make_pdf(path: Path, pages: int, seed: int) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    n = len(WORDS)
    for page in range(pages):
        pdf.add_page()
        lines = []
        for line in range(30):
            k = seed * 7919 + page * 131 + line * 17
            lines.append(" ".join(WORDS[(k + i * i) % n] for i in range(12)) + f" {seed}-{page}")
        pdf.multi_cell(0, 5, "\n".join(lines))
    pdf.output(str(path))
    return path


def timed(fn):
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


def search_times(ws: Workspace, rounds: int) -> tuple[float, float]:
    ws.search.query("warm up")
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            started = time.perf_counter()
            ws.search.query(q)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="40 documents, 100-page PDF")
    a = parser.parse_args()
    big_pages = 100 if a.quick else 300
    docs = 40 if a.quick else 200
    root = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    try:
        print(
            f"# bench_documents ({'quick' if a.quick else 'full'}), Python {sys.version.split()[0]}"
        )
        seconds, big = timed(lambda: make_pdf(root / "big.pdf", big_pages, 0))
        print(f"made a {big_pages}-page PDF ({big.stat().st_size // 1024} KiB) in {seconds:.1f} s")
        with Extractor() as reader:
            reader.read(big, "warm.pdf")  # the child started, pypdf imported
            seconds, result = timed(lambda: reader.read(big, "big.pdf"))
        assert result["status"] == "ok", result["status"]
        print(
            f"copdesk extraction (child process, pypdf): {seconds:.2f} s,"
            f" {big_pages / seconds:.0f} pages/s"
        )
        if shutil.which("pdftotext"):
            base, _ = timed(
                lambda: subprocess.run(
                    ["pdftotext", "-layout", str(big), str(root / "big.txt")], check=True
                )
            )
            print(
                f"pdftotext (poppler) same file: {base:.2f} s, {big_pages / base:.0f} pages/s"
                f" -> copdesk {seconds / base:.1f}x"
            )
        else:
            print("pdftotext: not installed (apt-get install poppler-utils): no baseline")

        seconds, _ = timed(
            lambda: [make_pdf(root / f"doc-{i:03}.pdf", 20, i + 1) for i in range(docs)]
        )
        print(f"made {docs} PDFs of 20 pages in {seconds:.1f} s")
        ws = Workspace.create(root / "ws", site="Usine de Lyon", language="fr")
        try:
            ws.load_demo()
            p50, p95 = search_times(ws, 5)
            items = ws.search.query("kind:rex")["total"] + ws.search.query("kind:howto")["total"]
            print(
                f"search without documents ({items} reports and sheets): p50 {p50:.1f} ms,"
                f" p95 {p95:.1f} ms"
            )
            adds = []
            for i in range(docs):
                t, _ = timed(lambda i=i: ws.documents.add([root / f"doc-{i:03}.pdf"]))
                adds.append(t)
            total = sum(adds)
            print(
                f"added {docs} documents of 20 pages (stored, read in a child, indexed):"
                f" {total:.1f} s, {docs / total:.1f} documents/s,"
                f" {docs * 20 / total:.0f} pages/s, median {statistics.median(adds) * 1000:.0f} ms"
            )
            p50d, p95d = search_times(ws, 5)
            print(
                f"search with {docs} documents ({docs * 20} pages): p50 {p50d:.1f} ms,"
                f" p95 {p95d:.1f} ms -> p95 {p95d / p95:.1f}x without documents"
            )
        finally:
            ws.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
