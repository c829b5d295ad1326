"""Benchmark of "already known?", the similar items beside the editor, on real text.

A workspace of 10,000 experience reports is built from the NASA lessons learned and
French documentation paragraphs (the items of bench_search.py), and indexed. The
drafts are real NASA lessons as a writer would type them: the lesson's title and its
abstract as the facts.

1. In the workspace (no window): ``ws.search.similar(title=…, body=…)`` for each draft,
   p50 and p95, next to the same run's baseline: ``ws.search.query(title)``, the search
   a writer would otherwise type.
2. In the window (offscreen): a report's title and facts typed key by key into the
   editor (one key every 60 ms), the similar panel on; a 10 ms timer records how late
   it ticks, i.e. the longest time the window could not react. Baseline, same run: the
   same typing with the panel disconnected. Target: under 100 ms, as for the window.
   And the time from the last key to the hits on screen (400 ms of it is the wait for
   typing to stop).

Run::

    .venv/bin/python benchmarks/bench_tasks.py            # 10,000 items, 40 drafts
    .venv/bin/python benchmarks/bench_tasks.py --quick    # 2,000 items, 10 drafts
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_gui import BLOCK_TARGET, LatenessProbe
from bench_search import COMMUNITIES, DEFAULT_DATA, LESSONS, PAIRS, SEED, load_french, make_items
from bench_search import write_csv as write_items_csv
from bench_store import fmt_time, load_lessons
from report import Figure, print_summary

from copdesk.workspace import Workspace

KEY_MS = 60  # a fast typist


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def build(tmp: Path, items: int, data: Path) -> Path:
    lessons = load_lessons(data / LESSONS)
    french = load_french(data / PAIRS)
    path = tmp / "ws"
    Workspace.create(path, "Usine de Lyon", language="fr").close()
    with Workspace.open(path, index=False) as ws:
        for name in COMMUNITIES:
            ws.items.add("community", {"name": name, "form": "trade"})
        report = ws.import_csv("rex", write_items_csv(tmp / "items.csv", make_items(
            lessons, french, items, SEED)))  # fmt: skip
        if report["imported"] != items:
            raise RuntimeError(f"import of {items} items: {report}")
    with Workspace.open(path) as ws:
        ws.search.reindex()
    return path


def drafts(data: Path, n: int) -> list[tuple[str, str]]:
    """Real lessons, as typed: a title and the abstract as the facts."""
    lessons = load_lessons(data / LESSONS)
    step = max(1, len(lessons) // n)
    return [(lesson.title, " ".join(lesson.summary)) for lesson in lessons[::step][:n]]


def in_workspace(path: Path, texts: list[tuple[str, str]], figures: list[Figure]) -> None:
    similar, query = [], []
    with Workspace.open(path) as ws:
        ws.search.similar(title=texts[0][0], body=texts[0][1])  # warm: index opened
        for title, body in texts:
            started = time.perf_counter()
            ws.search.similar(title=title, body=body)
            similar.append(time.perf_counter() - started)
            started = time.perf_counter()
            ws.search.query(title)
            query.append(time.perf_counter() - started)
    for q, name in ((0.5, "p50"), (0.95, "p95")):
        s, b = percentile(similar, q), percentile(query, q)
        print(f"  similar items {name}: {fmt_time(s)} (search of the title: {fmt_time(b)})")
        figures.append(
            Figure(f"similar items for a draft, {name}", s, b, note="baseline: the title searched")
        )


def in_window(path: Path, texts: list[tuple[str, str]], figures: list[Figure]) -> None:
    """The window's settings (a daily backup folder…) are this run's, never the user's."""
    from PySide6.QtCore import QEventLoop, QSettings, qInstallMessageHandler

    from copdesk.gui.app import application
    from copdesk.gui.mainwindow import MainWindow
    from copdesk.gui.worker import WorkspaceRunner

    application(headless=True)
    previous = qInstallMessageHandler(None)

    def quiet(kind: Any, context: Any, message: str) -> None:
        """The offscreen platform's warning at each window shown is noise here."""
        if "propagateSizeHints" not in message and previous is not None:
            previous(kind, context, message)
        elif "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path.parent))
    runner = WorkspaceRunner()
    window = MainWindow(runner, remember=False)
    window.resize(1280, 800)
    window.show()
    loop = QEventLoop()
    window.viewLoaded.connect(loop.quit)
    window.open_workspace(path)
    window.show_view("rex")
    loop.exec()

    blocks = {True: 0.0, False: 0.0}
    shown_after: list[float] = []
    type_report(window, *texts[-1], True)  # warm: the first search loads its modules
    for panel_on in (False, True):
        for title, body in texts[:3]:
            block, after = type_report(window, title, body, panel_on)
            blocks[panel_on] = max(blocks[panel_on], block)
            if after is not None:
                shown_after.append(after)
    print(
        f"  longest block while typing a report: {fmt_time(blocks[True])} with the panel,"
        f" {fmt_time(blocks[False])} without"
    )
    figures.append(
        Figure(
            "longest block while typing, similar panel on",
            blocks[True],
            blocks[False],
            f"< {BLOCK_TARGET * 1000:.0f} ms",
            blocks[True] < BLOCK_TARGET,
            note="baseline: the same typing, panel off",
        )
    )
    median = statistics.median(shown_after)
    print(f"  last key → similar items shown: {fmt_time(median)} (median; 400 ms of it is waiting)")
    figures.append(Figure("last key → similar items shown (400 ms wait included)", median))
    window.close()
    runner.stop()


def type_report(window: Any, title: str, body: str, panel_on: bool) -> tuple[float, float | None]:
    """Type a new report's title and facts key by key; the longest block of the event
    loop meanwhile and, with the panel on, the time from the last key to its hits."""
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    def type_into(field: Any, text: str) -> float:
        """The time the last key was sent."""
        sent = time.perf_counter()
        for char in text:
            for action in (QTest.KeyAction.Press, QTest.KeyAction.Release):
                QTest.sendKeyEvent(
                    action, field, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
                )
            sent = time.perf_counter()
            QTest.qWait(KEY_MS)
        return sent

    editor = window.editing.new_item("rex")
    while editor.form is None:
        QTest.qWait(10)
    panel = editor.similar
    if not panel_on:
        editor.form.changed.disconnect(panel.changed)
    got: list[float] = []
    waiting = QEventLoop()

    def shown(_: object) -> None:
        got.append(time.perf_counter())
        waiting.quit()

    panel.shown.connect(shown)
    after = None
    with LatenessProbe() as probe:
        type_into(editor.form.widget("title"), title[:60])
        last_key = type_into(editor.form.inputs["facts"].widget, body[:120])
        if panel_on:
            QTimer.singleShot(30_000, waiting.quit)
            if not got or got[-1] < last_key:
                waiting.exec()
            after = got[-1] - last_key
    editor.ask_unsaved = lambda: QMessageBox.StandardButton.Discard
    editor.close()
    return probe.longest, after


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2,000 items, 10 drafts")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    args = parser.parse_args(argv)
    items, n = (2_000, 10) if args.quick else (10_000, 40)
    print(f"copdesk similar-items benchmark: {items:,} items, {n} drafts (real NASA lessons)")
    home = Path.home().resolve()
    base = Path(tempfile.gettempdir()).resolve()
    where = "/tmp" if base == home or home in base.parents else None  # never under $HOME
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="copdesk-bench-tasks-", dir=where) as name:
        tmp = Path(name)
        started = time.perf_counter()
        path = build(tmp, items, args.data)
        print(f"  built and indexed the workspace in {fmt_time(time.perf_counter() - started)}")
        texts = drafts(args.data, n)
        in_workspace(path, texts, figures)
        in_window(path, texts, figures)
    print_summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
