"""Benchmark of the desktop window: start-up, a 100,000-row list, and how long the event
loop is ever blocked while the worker is busy.

A workspace of 50,000 experience reports is built from real text (the items of
bench_search.py: NASA lessons learned and French documentation paragraphs, one
``Workspace.import_csv``), without its search index. A second site holds 10,000
other reports and exports them as a bundle that the first site trusts.

1. Time to first paint: a child process runs ``copdesk.gui.app.run`` on the
   workspace (offscreen) and prints the wall-clock time of the main window's first
   paint, and of the first paint after the opening view has its data; the parent
   measures from just before it starts the process. Baseline, in the same run: a
   process that paints an empty QMainWindow. Median of 3. Target: within 1.5 s.
2. Event-loop blocking: a 10 ms PreciseTimer records its own lateness (the gap
   between two ticks minus 10 ms) while the window (a) rebuilds the search index of
   the 50,000 items (Edit > Rebuild the search index: `copdesk reindex` in a child
   process), (b) is typed three searches into, key by key (150 ms per key, a pause
   after each word, so searches run while typing), (c) imports the 10,000-item
   bundle through the Exchange view, preview then apply (`copdesk import` in a child
   process; the window's worker then searches the new items without indexing them),
   (d) opens the list of experience reports, and (e) switches the whole window to
   French and back (Settings: a window built in the other language takes the place of
   the first, on the same list and item; the new window's list is read by the worker).
   Target: longest block under 100 ms.
3. A 100,000-row list: the 60,000 reports as the worker lists them, plus copies up
   to 100,000 rows, given to the window's table (model reset and first paint), then
   scrolled to the bottom one screenful-jump at a time (each jump fetches the next
   page of rows lazily). The same lateness timer runs throughout.

Everything happens in a temporary folder (never under $HOME); the window runs on
the offscreen platform. Times are wall-clock and reported, never asserted.

Run::

    .venv/bin/python benchmarks/bench_gui.py            # 50,000 items, 10,000 to import
    .venv/bin/python benchmarks/bench_gui.py --quick    # 5,000 items, 1,000 to import
    .venv/bin/python benchmarks/bench_gui.py --explain  # where each thread was in a long block
"""

from __future__ import annotations

import argparse
import dataclasses
import gc
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import COMMUNITIES, DEFAULT_DATA, LESSONS, PAIRS, SEED, load_french, make_items
from bench_search import write_csv as write_items_csv
from bench_store import fmt_time, load_lessons
from report import Figure, print_summary

from copdesk.workspace import Workspace

PAINT_TARGET = 1.5  # seconds from process start to the first painted window
BLOCK_TARGET = 0.100  # seconds: longest time the event loop may be blocked
TICK_MS = 10
KEY_DELAY_MS = 150
QUERIES = ("hydraulic pump leak", "consignation électrique", "presure valve")  # one typo
LIST_ROWS = 100_000


@dataclass(frozen=True)
class Sizes:
    items: int = 50_000
    bundle: int = 10_000

    @classmethod
    def quick(cls) -> Sizes:
        return cls(items=5_000, bundle=1_000)


def build(tmp: Path, sizes: Sizes, data: Path) -> tuple[Path, Path]:
    """The 50,000-item site (no index yet) and a 10,000-item bundle it trusts."""
    lessons = load_lessons(data / LESSONS)
    french = load_french(data / PAIRS)
    items = make_items(lessons, french, sizes.items + sizes.bundle, SEED)
    main, other = tmp / "lyon", tmp / "grenoble"
    Workspace.create(main, "Usine de Lyon", language="fr").close()
    Workspace.create(other, "Site de Grenoble", language="en").close()
    bundle = tmp / "grenoble.copdesk"
    with Workspace.open(other, index=False) as ws:
        for name in COMMUNITIES:
            ws.items.add("community", {"name": f"{name} (Grenoble)", "form": "trade"})
        rows = [
            dataclasses.replace(i, community=f"{i.community} (Grenoble)" if i.community else "")
            for i in items[sizes.items :]
        ]
        csv_path = write_items_csv(tmp / "other.csv", rows)
        ws.import_csv("rex", csv_path)
        ws.sync.export(bundle)
        ident = ws.sites.identity()
    with Workspace.open(main, index=False) as ws:
        for name in COMMUNITIES:
            ws.items.add("community", {"name": name, "form": "trade"})
        csv_path = write_items_csv(tmp / "main.csv", items[: sizes.items])
        report = ws.import_csv("rex", csv_path)
        if report["imported"] != sizes.items:
            raise RuntimeError(f"import of {sizes.items} items: {report}")
        ws.sites.trust(ident["site_id"], ident["key"], "Site de Grenoble")
    return main, bundle


# -- 1. first paint, in child processes ------------------------------------------------


def child_first_paint(workspace: str | None) -> None:
    """Run the window (or an empty QMainWindow) and print when it is first painted."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    marks: dict[str, float] = {}

    class Watch(QObject):
        def __init__(self, app: QApplication, window_type: type) -> None:
            super().__init__()
            self.app, self.window_type, self.loaded = app, window_type, False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and isinstance(obj, self.window_type):
                if "paint" not in marks:
                    marks["paint"] = time.time()
                    if workspace is None:
                        QTimer.singleShot(0, self.app.quit)
                    else:
                        obj.viewLoaded.connect(self.view_loaded)
                        if not obj.loading:
                            self.view_loaded()
                elif self.loaded and "content" not in marks:
                    marks["content"] = time.time()
                    QTimer.singleShot(0, obj.close)
            return False

        def view_loaded(self, *_: Any) -> None:
            self.loaded = True
            for widget in self.app.topLevelWidgets():
                widget.update()

    if workspace is None:
        app = QApplication(sys.argv[:1])
        watch = Watch(app, QMainWindow)
        app.installEventFilter(watch)
        window = QMainWindow()
        window.resize(1280, 800)
        window.show()
        app.exec()
    else:
        from copdesk.gui import app as gui_app
        from copdesk.gui.mainwindow import MainWindow

        qapp = gui_app.application()
        watch = Watch(qapp, MainWindow)
        qapp.installEventFilter(watch)
        QTimer.singleShot(60_000, qapp.quit)  # a safety net
        gui_app.run(Path(workspace))
    print(marks.get("paint", 0.0), marks.get("content", 0.0))


def first_paint(workspace: Path | None, home: Path, runs: int = 3) -> tuple[float, float]:
    """Median seconds from process start to the first paint (and to the painted data)."""
    env = {
        **os.environ,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    args = [sys.executable, str(Path(__file__).resolve()), "--step", "paint"]
    if workspace is not None:
        args.append(str(workspace))
    paint, content = [], []
    for _ in range(runs):
        started = time.time()
        out = subprocess.run(args, env=env, stdout=subprocess.PIPE, text=True, check=True)
        first, filled = (float(x) for x in out.stdout.split()[-2:])
        paint.append(first - started)
        content.append(filled - started if filled else float("nan"))
    return statistics.median(paint), statistics.median(content)


# -- 2. and 3.: in this process, with the lateness timer ----------------------------------


class LatenessProbe:
    """A 10 ms timer that records how late each tick is: the event loop's blocked time."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.gaps: list[float] = []
        self._last = 0.0
        self.explain: Callable[[], int | None] | None = None  # the worker's id (--explain)
        self.culprits: list[str] = []
        self._gui_samples: dict[str, int] = {}
        self._stop_sampling = threading.Event()
        self._running = False  # the timer's state, for the sampling thread

    def sample_gui_thread(self) -> None:
        threading.Thread(target=self._sample_gui, daemon=True).start()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self._last
        self.gaps.append(gap)
        self._last = now
        if self.explain is not None and gap > 0.08:
            # Where the worker is right after a long block: usually still in the culprit.
            frame = sys._current_frames().get(self.explain() or 0)
            calls = _calls(frame)
            self.culprits.append(f"{gap * 1000:.0f} ms: worker {calls or 'idle'}")
        samples, self._gui_samples = self._gui_samples, {}
        if self.explain is not None and gap > 0.08:
            for stack, count in list(samples.items()):  # the GUI thread, meanwhile
                self.culprits.append(f"    GUI thread ({count} samples): {stack}")

    def _sample_gui(self) -> None:
        """--explain: every 5 ms, where the GUI thread is while a tick is late by more
        than 40 ms (a block of the GUI thread itself, rather than of the worker)."""
        gui = threading.main_thread().ident or 0
        while not self._stop_sampling.wait(0.005):
            if self._running and time.perf_counter() - self._last > 0.04:
                stack = _calls(sys._current_frames().get(gui), 6)
                self._gui_samples[stack] = self._gui_samples.get(stack, 0) + 1

    def __enter__(self) -> LatenessProbe:
        self.gaps = []
        self._last = time.perf_counter()
        self.timer.start()
        self._running = True
        return self

    def __exit__(self, *_: object) -> None:
        self._running = False
        self.timer.stop()
        self._tick()  # a block at the very end counts too

    def close(self) -> None:
        self._stop_sampling.set()

    @property
    def longest(self) -> float:
        return max(0.0, max(self.gaps, default=0.0) - TICK_MS / 1000)

    @property
    def p99(self) -> float:
        if len(self.gaps) < 2:
            return self.longest
        late = sorted(max(0.0, g - TICK_MS / 1000) for g in self.gaps)
        return late[min(len(late) - 1, int(len(late) * 0.99))]


def _calls(frame: Any, depth: int = 4) -> str:
    where = traceback.extract_stack(frame)[-depth:] if frame else []
    return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in where[::-1])


def wait_job(runner: Any, fn: Callable[[Workspace], Any]) -> Any:
    """Submit a job to the worker and run the event loop until it comes back."""
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    box: dict[str, Any] = {}

    def done(result: Any) -> None:
        box["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        box["error"] = exc
        loop.quit()

    runner.submit(fn, done, failed)
    loop.exec()
    if "error" in box:
        raise box["error"]
    return box["result"]


def wait_signal(signal: Any, start: Callable[[], None], accept: Callable[..., bool]) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    arrived: list[bool] = []

    def got(*args: Any) -> None:
        if accept(*args):
            arrived.append(True)
            loop.quit()

    signal.connect(got)
    QTimer.singleShot(1_200_000, loop.quit)
    start()
    if not arrived:  # start() may run the event loop itself (typing waits between keys)
        loop.exec()
    signal.disconnect(got)
    if not arrived:
        raise RuntimeError("the window did not answer within 20 minutes")


def in_process(
    main: Path, bundle: Path, figures: list[Figure], sizes: Sizes, explain: bool = False
) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from copdesk.gui import read_jobs
    from copdesk.gui.app import application
    from copdesk.gui.mainwindow import MainWindow
    from copdesk.gui.models import PreparedRows
    from copdesk.gui.worker import WorkspaceRunner

    app = application(headless=True)
    runner = WorkspaceRunner()
    window = MainWindow(runner, remember=False)
    window.resize(1280, 800)
    window.show()
    probe = LatenessProbe()
    if explain:
        probe.explain = lambda: runner.thread_ident
        probe.sample_gui_thread()
        gc_started: list[float] = []

        def gc_pause(phase: str, info: dict[str, int]) -> None:
            """Garbage collections hold the GIL: long ones block the window too."""
            if phase == "start":
                gc_started[:] = [time.perf_counter()]
            elif gc_started and (took := time.perf_counter() - gc_started[0]) > 0.03:
                probe.culprits.append(f"gc generation {info['generation']}: {took * 1000:.0f} ms")

        gc.callbacks.append(gc_pause)
    target = f"longest block < {BLOCK_TARGET * 1000:.0f} ms"

    def blocked(name: str, p: LatenessProbe, took: float) -> None:
        figures.append(
            Figure(
                f"longest block: {name}",
                p.longest,
                target=target,
                met=p.longest < BLOCK_TARGET,
                note=f"p99 {fmt_time(p.p99)}, over {fmt_time(took)}",
            )
        )
        print(f"  {name}: longest block {fmt_time(p.longest)}, p99 {fmt_time(p.p99)}")
        for line in p.culprits[:16]:
            print(f"      {line}")
        p.culprits.clear()

    try:
        with probe:
            wait_signal(window.viewLoaded, lambda: window.open_workspace(main), lambda *_: True)
            wait_signal(window.viewLoaded, lambda: window.show_view("home"), lambda *_: True)
        blocked("opening the workspace (home)", probe, 0)

        started = time.perf_counter()
        with probe:
            wait_signal(window.viewLoaded, window.reindex, lambda *_: True)
        took = time.perf_counter() - started
        if window.last_error:
            raise RuntimeError(window.last_error)
        said = window.statusBar().currentMessage()
        print(f"  reindex (child process): {said} {fmt_time(took)}")
        blocked(f"reindex {sizes.items:,} items", probe, took)

        window.activateWindow()
        window.focus_search()
        started = time.perf_counter()
        with probe:
            for query in QUERIES:
                window.search_field.clear()
                words = query.split(" ")
                wait_signal(
                    window.searchShown,
                    lambda words=words: _type(QTest, window.search_field, words),
                    lambda q, query=query: q == query.strip(),
                )
        took = time.perf_counter() - started
        blocked("typing 3 searches", probe, took)

        view = window.exchange_view
        wait_signal(window.viewLoaded, lambda: window.show_view("exchange"), lambda *_: True)
        started = time.perf_counter()
        with probe:
            got: list[Any] = []
            imports, finished = view.imports, window.commands.finished
            for step in (lambda: imports.preview_import(bundle), imports.apply_import):
                wait_signal(finished, step, lambda _name, result: not got.append(result))
        took = time.perf_counter() - started
        report = got[-1]
        if isinstance(report, BaseException):
            raise report
        print(
            f"  import (child process, preview + apply): {report['new']:,} new in {fmt_time(took)}"
        )
        blocked(f"import {sizes.bundle:,}-item bundle", probe, took)

        started = time.perf_counter()
        with probe:
            wait_signal(window.viewLoaded, lambda: window.show_view("rex"), lambda *_: True)
            QApplication.processEvents()
        took = time.perf_counter() - started
        print(f"  opening the list of {window.model.total:,} reports: {fmt_time(took)}")
        figures.append(Figure(f"open the list of {window.model.total:,} reports", took))
        blocked("opening that list", probe, took)

        for choice in ("fr", "en"):
            row = window.table.model().index(0, 0)
            window.table.setCurrentIndex(row)  # an item open beside the list
            started = time.perf_counter()
            with probe:
                switched: list[Any] = []
                window.replaced.connect(switched.append)
                window.switch_language(choice)
                if not switched:
                    raise RuntimeError(f"the window did not switch to {choice}")
                window = switched[0]
                wait_signal(window.viewLoaded, lambda: None, lambda *_: True)
                QApplication.processEvents()
            took = time.perf_counter() - started
            print(f"  switching the window to {choice}: {fmt_time(took)}")
            figures.append(Figure(f"switch the language to {choice} (on the list)", took))
            blocked(f"switching the language to {choice}", probe, took)

        rows = wait_job(runner, read_jobs.list_rows("rex"))
        base = list(rows)
        n = 0
        while len(rows) < LIST_ROWS:
            copy = dict(base[n % len(base)])
            copy["id"] = f"{copy['id']}-copy{n}"
            rows.append(copy)
            n += 1
        del rows[LIST_ROWS:]
        rows = PreparedRows("rex", rows)  # as the worker delivers them (cells built there)
        table = window.table
        with probe:
            started = time.perf_counter()
            window.model.set_rows("rex", rows)
            table.viewport().repaint()
            shown = time.perf_counter() - started
            bar = table.verticalScrollBar()
            steps, longest = 0, 0.0
            scroll_started = time.perf_counter()
            while window.model.canFetchMore(window.model.index(-1, -1)) or (
                bar.value() < bar.maximum()
            ):
                t = time.perf_counter()
                bar.setValue(bar.maximum())
                QApplication.processEvents()
                table.viewport().repaint()
                longest = max(longest, time.perf_counter() - t)
                steps += 1
            scrolled = time.perf_counter() - scroll_started
        last = window.model.data(window.model.index(window.model.rowCount() - 1, 0))
        print(
            f"  {LIST_ROWS:,}-row list: shown in {fmt_time(shown)}, scrolled to the bottom in"
            f" {steps} jumps, {fmt_time(scrolled)} (longest jump {fmt_time(longest)});"
            f" last row {last!r}"
        )
        figures.append(Figure(f"{LIST_ROWS:,}-row list: reset and paint", shown))
        figures.append(
            Figure(
                f"{LIST_ROWS:,}-row list: scroll to the bottom",
                scrolled,
                note=f"{steps} jumps, longest {fmt_time(longest)}",
            )
        )
        blocked(f"{LIST_ROWS:,}-row list shown and scrolled", probe, shown + scrolled)
    finally:
        probe.close()
        window.close()
        runner.stop()
        window.deleteLater()
        app.processEvents()


def _type(qtest: Any, field: Any, words: list[str]) -> None:
    """Type like a person: one key every 150 ms, a pause after each word. Each key is a
    real key event (keyClicks accepts only ASCII, and the queries have accents)."""
    from PySide6.QtCore import Qt

    for n, word in enumerate(words):
        for char in word + (" " if n < len(words) - 1 else ""):
            for action in (qtest.KeyAction.Press, qtest.KeyAction.Release):
                qtest.sendKeyEvent(
                    action, field, Qt.Key.Key_unknown, char, Qt.KeyboardModifier.NoModifier
                )
            qtest.qWait(KEY_DELAY_MS)
        qtest.qWait(400)  # longer than the search delay: a search runs meanwhile


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="5,000 items, 1,000 to import")
    parser.add_argument(
        "--data", type=Path, default=DEFAULT_DATA, help="folder with llis/ and fr/ (shared data)"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print where the worker and the GUI thread were during each long block",
    )
    parser.add_argument(
        "--switch-interval",
        type=float,
        metavar="S",
        help="sys.setswitchinterval(S) in this process (default: Python's 0.005)",
    )
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)  # a child process
    args = parser.parse_args(argv)
    if args.step:
        child_first_paint(args.step[1] if len(args.step) > 1 else None)
        return 0
    sizes = Sizes.quick() if args.quick else Sizes()
    if args.switch_interval:
        sys.setswitchinterval(args.switch_interval)
    from PySide6 import __version__ as pyside

    print(
        f"copdesk GUI benchmark{' (--quick)' if args.quick else ''}: Python "
        f"{platform.python_version()}, PySide6 {pyside}, SQLite {sqlite3.sqlite_version},"
        f" {os.cpu_count()} CPUs, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']};"
        f" {sizes.items:,} items, a {sizes.bundle:,}-item bundle"
    )
    home = Path.home().resolve()
    base = Path(tempfile.gettempdir()).resolve()
    where = "/tmp" if base == home or home in base.parents else None  # never under $HOME
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="copdesk-bench-gui-", dir=where) as name:
        tmp = Path(name)
        print(f"working in {tmp}")
        started = time.perf_counter()
        main_ws, bundle = build(tmp, sizes, args.data)
        print(f"  built the workspaces in {fmt_time(time.perf_counter() - started)}")

        fake_home = tmp / "home"
        fake_home.mkdir()
        empty, _ = first_paint(None, fake_home)
        paint, content = first_paint(main_ws, fake_home)
        print(
            f"  first paint: copdesk {fmt_time(paint)} (home with its data {fmt_time(content)}),"
            f" empty QMainWindow {fmt_time(empty)}"
        )
        figures.append(
            Figure(
                f"start → first painted window ({sizes.items:,} items)",
                paint,
                empty,
                target=f"≤ {PAINT_TARGET:g} s",
                met=paint <= PAINT_TARGET,
                note="baseline: an empty QMainWindow",
            )
        )
        figures.append(Figure("start → home painted with its data", content, empty))
        in_process(main_ws, bundle, figures, sizes, args.explain)
    print_summary(figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
