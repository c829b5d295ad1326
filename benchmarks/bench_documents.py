"""Documents (issue 16): extraction throughput and search with documents, each figure
next to a baseline measured in the same run.

- reading a 300-page text PDF made here (fpdf2) through copdesk's child process, next to
  ``pdftotext`` (Debian's poppler-utils) on the same file, when it is installed;
- adding 200 documents of 20 pages each (stored, read in a child, indexed);
- search p50/p95 over the demo content, then the same queries with the documents added.

The pages are real text (the NASA lessons and the French Python documentation, from
../shared/data), and so are the queries: the demo's French ones, 1-2 words of lesson
titles and the first 8 words of lessons.

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

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
QUERIES_FR = [
    "couple de serrage",
    "fuite vérin",
    "consignation presse",
    "capteur pression",
    "roulement usure",
    "joint étanchéité raccord",
    "purge circuit hydraulique",
    "courroie tension",
]
PAGE_CHARS = 2400  # a page of a typed manual or report, 10 pt


def printable(text: str) -> str:
    """The PDF core fonts are Latin-1: typographic quotes kept as ASCII, the rest '?'."""
    for a, b in (
        ("\u2019", "'"),
        ("\u2018", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2013", "-"),
        ("\u2014", "-"),
        ("\u2026", "..."),
        ("\u0153", "oe"),
    ):
        text = text.replace(a, b)
    return text.encode("latin-1", "replace").decode("latin-1")


def real_text(data: Path) -> tuple[list[str], list[str]]:
    """Paragraphs nobody here wrote: the NASA lessons (English) and the French side of
    the Python documentation pairs; and questions drawn from the lessons' titles and
    text (1-2 words and 8 words), beside the French ones."""
    import csv
    import gzip
    import json
    import random

    with gzip.open(data / "llis" / "llis_lessons.csv.gz", "rt", encoding="utf-8") as f:
        lessons = list(csv.DictReader(f))
    with gzip.open(data / "fr" / "python_docs_fr_pairs.jsonl.gz", "rt", encoding="utf-8") as f:
        french = [json.loads(line)["fr"] for line in f]
    paragraphs: list[str] = []
    for i, lesson in enumerate(lessons):
        paragraphs.append(
            " ".join(lesson[k].strip() for k in ("Title", "Abstract", "Lesson") if lesson[k])
        )
        paragraphs.extend(french[i * 3 : i * 3 + 3])
    rng = random.Random(16)
    queries = list(QUERIES_FR)
    for lesson in rng.sample(lessons, 8):
        queries.append(" ".join(lesson["Title"].split()[:2]))
    for lesson in rng.sample(lessons, 8):
        words = [w.strip(".,;:()") for w in lesson["Lesson"].split() if len(w) > 3]
        queries.append(" ".join(words[:8]))
    return paragraphs, queries


class Pages:
    """Pages of real text, each paragraph used once before any repeats."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self.at = 0

    def page(self) -> str:
        text = ""
        while len(text) < PAGE_CHARS:
            text += self.paragraphs[self.at % len(self.paragraphs)] + "\n\n"
            self.at += 1
        return printable(text[:PAGE_CHARS])


def make_pdf(path: Path, pages: int, source: Pages) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    for _ in range(pages):
        pdf.add_page()
        pdf.multi_cell(0, 5, source.page())
    pdf.output(str(path))
    return path


def timed(fn):
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


def search_times(ws: Workspace, queries: list[str], rounds: int) -> tuple[float, float]:
    ws.search.query("warm up")
    times = []
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            ws.search.query(q)
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="40 documents, 100-page PDF")
    parser.add_argument("--data", type=Path, default=DATA, help="../shared/data")
    a = parser.parse_args()
    big_pages = 100 if a.quick else 300
    docs = 40 if a.quick else 200
    paragraphs, queries = real_text(a.data)
    source = Pages(paragraphs)
    root = Path(tempfile.mkdtemp(prefix="bench-documents-"))
    try:
        print(
            f"# bench_documents ({'quick' if a.quick else 'full'}), Python {sys.version.split()[0]}"
        )
        seconds, big = timed(lambda: make_pdf(root / "big.pdf", big_pages, source))
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
            lambda: [make_pdf(root / f"doc-{i:03}.pdf", 20, source) for i in range(docs)]
        )
        print(f"made {docs} PDFs of 20 pages in {seconds:.1f} s")
        ws = Workspace.create(root / "ws", site="Usine de Lyon", language="fr")
        try:
            ws.load_demo()
            p50, p95 = search_times(ws, queries, 5)
            items = ws.search.query("kind:rex")["total"] + ws.search.query("kind:howto")["total"]
            print(
                f"search, {len(queries)} real queries x 5, without documents"
                f" ({items} reports and sheets): p50 {p50:.1f} ms,"
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
            p50d, p95d = search_times(ws, queries, 5)
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
