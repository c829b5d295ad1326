"""What a write changes reaches the views that show it: no view stays stale (issue 15).

Each test here drives the real window on a demo workspace and failed before the
window had its change notification (the reload of each view was left to the caller).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtCore import Qt

from copdesk.gui import app
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

JULIEN = "cdaa9003-cc9f-5b25-9114-05118a1718a4"  # a demo person with several ratings
PROFILE = re.compile(r"(\d+) skills, (\d+) autonomous or expert")


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "home", remember=False)
    yield w
    w.close()


def profile_counts(window: MainWindow) -> tuple[int, int]:
    found = PROFILE.search(window.detail.toPlainText())
    assert found, window.detail.toPlainText()[:200]
    return int(found[1]), int(found[2])


def test_the_profile_beside_the_matrix_follows_a_rating(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("skills")
    view = window.matrix_view
    m = view.model.matrix
    row = next(r for r, p in enumerate(m.people) if p["id"] == JULIEN)
    column = next(c for c in range(len(m.skills)) if m.cell(row, c) is None)  # not rated yet
    with qtbot.waitSignal(window.itemShown, timeout=10_000):  # a click shows the profile
        view.table.clicked.emit(view.model.index(row, column))
    skills, autonomous = profile_counts(window)

    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.rate(JULIEN, m.skills[column]["id"], {"level": 3, "interest": None})
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    assert profile_counts(window) == (skills + 1, autonomous + 1)
    assert window.current_item == JULIEN


def test_a_search_shows_at_once_that_it_searches(qtbot, window: MainWindow) -> None:
    assert "Usine de démonstration" in window.page.toPlainText()  # home, with its site
    with qtbot.waitSignal(window.searchShown, timeout=10_000):
        window.run_search("pompe")
        assert window.center.currentWidget() is window.page
        text = window.page.toPlainText()
        assert "Searching for “pompe”…" in text  # before any result: not home any more
        assert "Usine de démonstration" not in text
    assert "results for “pompe”" in window.page.toPlainText()


def test_a_search_on_a_lagging_index_says_what_it_cannot_see_yet(
    qtbot, runner: WorkspaceRunner, tmp_path: Path, monkeypatch
) -> None:
    """A search answers from what is indexed and says, in the window's words, how many
    changed items it could not see yet; the next searches go on catching up."""
    from copdesk import Workspace
    from copdesk.search import api

    path = tmp_path / "ws"
    Workspace.create(path, site="Lyon").close()
    with Workspace.open(path, index=False) as ws:  # the index left behind
        for i in range(1_200):
            ws.items.add("rex", {"title": f"Rapport {i}", "summary": "pompe doseuse"})
    monkeypatch.setattr(api, "BUDGET", 0.0)  # a search catches up one batch (500)
    window = open_window(qtbot, runner, path, "home", remember=False)
    lags = []
    for _ in range(4):
        with qtbot.waitSignal(window.searchShown, timeout=10_000):
            window.run_search("doseuse")
        text = window.page.toPlainText()
        found = re.search(r"catching up: ([\d,  ]+) changed items are not searchable yet", text)
        lags.append(int(re.sub(r"\D", "", found[1])) if found else 0)
    window.close()
    assert lags[0] > 0 and lags[-1] == 0 and lags == sorted(lags, reverse=True), lags
    assert "results for “doseuse”" in text


def test_a_new_search_clears_the_item_read_before(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("rex")
    old = window.current_item
    assert old is not None and window.detail.isVisible()
    shown = window.detail.toPlainText()
    with qtbot.waitSignal(window.searchShown, timeout=10_000):
        window.run_search("pompe")
    assert window.current_item is None
    assert not window.detail.isVisible() or window.detail.toPlainText() != shown

    # an item opened from the results stays beside them until the next search
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.page.itemRequested.emit(old)
    assert window.detail.isVisible() and window.current_item == old
    with qtbot.waitSignal(window.searchShown, timeout=10_000):
        window.run_search("huile")
    assert window.current_item is None


def test_the_demo_from_the_wizard_fills_the_writing_as_switch(
    qtbot, runner: WorkspaceRunner, tmp_path: Path
) -> None:
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    wizard = app.first_run(window, tmp_path / "new")
    qtbot.keyClicks(wizard.site, "Usine de Lyon")
    assert wizard.demo.isChecked()
    with qtbot.waitSignal(window.workspaceReady, timeout=30_000):
        wizard.accept()
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    switch = window.person_switch
    names = [switch.itemText(i) for i in range(switch.count())]
    assert len(names) > 10, names  # nobody, and the demo's people, without a restart
    assert "Writing as: Julien Martin" in names
    window.close()


def test_a_status_change_updates_the_list_and_the_item_shown(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("rex")
    draft = next(
        r
        for r in range(window.model.rowCount())
        if window.model.data(window.model.index(r, 2)) == "Draft"
    )
    item = window.model.id_at(draft)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_item(item)
    # the reader's language (the interface's), not the workspace's (French)
    assert "Status\nDraft" in window.detail.toPlainText()
    actions = window.editing
    qtbot.waitUntil(lambda: (actions.state or {}).get("id") == item, timeout=10_000)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):  # the pane reloads by itself
        actions.propose_action.trigger()
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    row = window.model.row_of(item)
    assert row is not None
    assert window.model.data(window.model.index(row, 2), Qt.ItemDataRole.DisplayRole) == "Proposed"
    assert "Status\nProposed" in window.detail.toPlainText()
    qtbot.waitUntil(lambda: actions.validate_action.isEnabled(), timeout=10_000)
