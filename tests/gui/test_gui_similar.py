"""“Already known?” beside the editor: as a report's title and facts are typed, the most
similar items appear; the search waits for typing to stop, runs on the worker, a newer
draft replaces an older one before it runs, and typing never waits for it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import on_worker, open_window
from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QMessageBox

from copdesk.gui.editor import EditorWindow
from copdesk.gui.mainwindow import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 10_000


@pytest.fixture
def window(qtbot, runner, demo_path: Path, monkeypatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(
        EditorWindow, "_ask_unsaved", lambda self: QMessageBox.StandardButton.Discard
    )
    w = open_window(qtbot, runner, demo_path, "rex", remember=False)
    yield w
    w.close()


def test_similar_items_appear_while_typing_and_typing_never_waits(
    qtbot, window: MainWindow, runner
) -> None:
    known = on_worker(
        qtbot,
        runner,
        lambda ws: next(r for r in ws.items.list("rex") if r["title"].startswith("Cavitation")),
    )
    editor = window.editing.new_item("rex")
    qtbot.waitUntil(lambda: editor.form is not None, timeout=WAIT)
    panel = editor.similar
    assert panel is not None and panel.hits == []
    shown: list[list] = []
    panel.shown.connect(shown.append)
    title = editor.form.widget("title")

    gate = threading.Event()  # the worker busy with something long
    runner.submit(lambda ws: gate.wait(30))
    try:
        qtbot.keyClicks(title, "Cavitation pompe")  # typed while the worker is busy
        assert title.text() == "Cavitation pompe"  # every key arrived at once
        qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=WAIT)  # typing stopped
        qtbot.keyClicks(title, " principale P12 crepine")  # and goes on
        assert title.text() == "Cavitation pompe principale P12 crepine"
        editor.form.inputs["facts"].set_value("Bruit de graviers a la pompe, pression instable.")
        qtbot.waitUntil(lambda: not panel._timer.isActive(), timeout=WAIT)
        assert shown == []  # nothing came back: the worker has not been free
    finally:
        gate.set()
    qtbot.waitUntil(lambda: bool(shown), timeout=WAIT)
    on_worker(qtbot, runner, lambda ws: None)  # every job before this one has delivered…
    assert len(shown) == 1  # …and the older draft's never ran
    assert known["title"] in panel.titles()  # the lesson already learned, first or near
    assert len(panel.hits) <= 5
    assert "Cavitation" in panel.browser.toPlainText()

    with qtbot.waitSignal(window.itemShown, timeout=WAIT) as opened:  # a hit opens it
        panel.browser.anchorClicked.emit(QUrl(f"copdesk:{known['id']}"))
    assert opened.args[0] == known["id"]
    editor.close()


def test_editing_a_saved_report_compares_it_without_itself(
    qtbot, window: MainWindow, runner
) -> None:
    known = on_worker(
        qtbot,
        runner,
        lambda ws: next(r for r in ws.items.list("rex") if r["title"].startswith("Cavitation")),
    )
    editor = window.editing.open_editor("rex", known["id"])
    with qtbot.waitSignal(editor.similar.shown, timeout=WAIT):  # at once: the item's own text
        qtbot.waitUntil(lambda: editor.form is not None, timeout=WAIT)
    assert editor.similar.hits and known["id"] not in [h["id"] for h in editor.similar.hits]
    editor.close()
