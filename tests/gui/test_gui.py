"""The desktop window, driven for real (offscreen) on a real demo workspace."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage

from copdesk import Workspace
from copdesk.cli import main
from copdesk.gui import app
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.models import PAGE, ItemTableModel
from copdesk.gui.settings import settings
from copdesk.gui.worker import WorkspaceRunner

# The offscreen platform warns that it cannot pass size hints to a window manager.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HUILE_REX = "9b5e3973-3cf6-5799-ba6d-f2915fc9060f"  # a demo report (ids are stable)


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "rex")
    yield w
    w.close()


def test_window_lists_reports(window: MainWindow) -> None:
    assert window.model.total == 42
    assert window.model.rowCount() == 42
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
    assert headers == ["Title", "Priority", "Status"]
    assert window.summary is not None and window.summary["site_name"] == "Usine de démonstration"
    assert window.banner.text == ""


def test_clicking_a_row_shows_the_rendered_item(qtbot, window: MainWindow) -> None:
    index = window.model.index(3, 0)
    title = window.model.data(index)
    rect = window.table.visualRect(index)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.detail.isVisible()
    assert title in window.detail.toPlainText()
    # the labels of the interface's language (English here), not the workspace's (French)
    assert "Community" in window.detail.toPlainText()
    assert "Communauté" not in window.detail.toPlainText()


def test_sorting_a_column(window: MainWindow) -> None:
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    titles = [window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())]
    assert titles == sorted(titles, key=str.casefold)


def test_ctrl_k_then_typing_shows_hits_and_opens_one(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.search_field.hasFocus()
    shown: list[str] = []
    window.searchShown.connect(shown.append)
    with qtbot.waitSignal(window.searchShown, timeout=10_000):
        qtbot.keyClicks(window.search_field, "huille")  # a typo
    assert shown == ["huille"]  # debounced: one search for six keystrokes
    text = window.page.toPlainText()
    assert "Did you mean huile?" in text
    assert "Huile neuve polluée" in text
    assert "<mark>" not in text  # snippets are rendered, not shown as markup

    with qtbot.waitSignal(window.searchShown, timeout=10_000):  # the suggestion is a link
        window.page.anchorClicked.emit(QUrl("suggest:huile"))
    assert window.search_field.text() == "huile"
    with qtbot.waitSignal(window.itemShown, timeout=10_000) as opened:
        window.page.anchorClicked.emit(QUrl(f"copdesk:{HUILE_REX}"))
    assert opened.args == [HUILE_REX]
    assert "grippage de la valve" in window.detail.toPlainText()


def test_a_stale_search_is_dropped(qtbot, window: MainWindow) -> None:
    shown: list[str] = []
    window.searchShown.connect(shown.append)
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.run_search("huile")
        window.run_search("pompe")
    assert shown == ["pompe"]
    assert "pompe" in window.page.toPlainText()


def test_worker_drops_a_result_that_a_newer_job_replaced(qtbot, runner: WorkspaceRunner) -> None:
    """Even a job already running when it is superseded never delivers."""
    started, release = threading.Event(), threading.Event()
    got: list[str] = []

    def slow(_: object) -> str:
        started.set()
        release.wait(10)
        return "old"

    runner._queue(slow, got.append, None, key="k")  # runs without a workspace
    assert started.wait(10)
    runner._queue(lambda _: "new", got.append, None, key="k")
    release.set()
    qtbot.waitUntil(lambda: got == ["new"], timeout=10_000)
    qtbot.waitUntil(lambda: not runner.busy)
    assert got == ["new"]


def test_errors_show_in_the_banner_in_plain_words(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("item:no-such-item")
    assert window.banner.text == "no item named or with id 'no-such-item'"


def test_the_gui_thread_runs_no_sql(qtbot, runner, demo_path, monkeypatch) -> None:
    opened_on: list[int] = []
    init = Workspace.__init__

    def recording_init(self, *args, **kwargs) -> None:
        opened_on.append(threading.get_ident())
        init(self, *args, **kwargs)

    monkeypatch.setattr(Workspace, "__init__", recording_init)
    window = open_window(qtbot, runner, demo_path, view="home")
    sql_threads: set[int] = set()
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        runner.submit(
            lambda ws: ws.conn.set_trace_callback(lambda _: sql_threads.add(threading.get_ident()))
        )
        window.show_view("howto")
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.run_search("huile")
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_item(HUILE_REX)
    worker = runner.thread_ident
    assert worker is not None and worker != threading.get_ident()
    assert opened_on == [worker]
    assert sql_threads == {worker}
    window.close()


def test_first_run_wizard_creates_the_workspace_and_loads_the_demo(
    qtbot, runner: WorkspaceRunner, tmp_path: Path
) -> None:
    path = tmp_path / "new"
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    wizard = app.first_run(window, path)
    assert wizard.isVisible()
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()  # a name is needed
    qtbot.keyClicks(wizard.site, "Usine de Lyon")
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()  # who are you?
    qtbot.keyClicks(wizard.person_page.person, "Marie Dupont")  # one of the demo's people
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    with qtbot.waitSignal(window.workspaceReady, timeout=30_000):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    assert Workspace.exists(path)
    assert "Usine de Lyon" in window.page.toPlainText()  # the home page of the new site
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("rex")
    assert window.model.total == 42
    window.close()


VIEWS = [
    "home", "communities", "rex", "howto", "people", "skills", "exchange", "conflicts",
    "search:huile", f"item:{HUILE_REX}", f"history:{HUILE_REX}",
]  # fmt: skip


def test_screenshot_of_every_view(qapp, demo_path: Path, tmp_path: Path) -> None:
    for view in VIEWS:
        out = tmp_path / f"{view.partition(':')[0]}.png"
        code = main(
            ["--workspace", str(demo_path), "gui", "--screenshot", str(out), "--view", view]
        )
        assert code == 0, view
        image = QImage(str(out))
        assert (image.width(), image.height()) == (1366, 768), view  # the default screen
        assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_screenshot_refuses_a_bad_view_or_a_missing_workspace(qapp, demo_path, tmp_path) -> None:
    out = tmp_path / "x.png"
    assert main(["--workspace", str(demo_path), "gui", "--screenshot", str(out), "--view", "nope"])
    assert main(["--workspace", str(tmp_path / "none"), "gui", "--screenshot", str(out)]) == 2
    assert not out.exists()


def test_no_command_opens_the_window(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    calls: list[tuple] = []
    monkeypatch.setattr(app, "run", lambda path, **kw: calls.append((path, kw)) or 0)
    assert main(["--workspace", str(tmp_path)]) == 0
    assert calls == [(tmp_path, {"actor": None, "view": None, "bundle": None})]


def test_window_state_is_remembered(qtbot, runner, demo_path: Path, tmp_path: Path) -> None:
    window = open_window(qtbot, runner, demo_path, view="howto")
    window.close()
    assert str(tmp_path / "qs") in settings().fileName()
    assert settings().value("window/view") == "howto"
    assert settings().value("home/last_seen")
    again = MainWindow(runner)
    qtbot.addWidget(again)
    assert again.last_view() == "howto"


def test_the_list_model_stays_lazy_with_100000_rows(qtbot) -> None:
    rows = [
        {"id": f"id{i:06d}", "title": f"Report {i}", "status": "draft", "updated_at": "2026"}
        for i in range(100_000)
    ]
    model = ItemTableModel()  # its speed: benchmarks/bench_gui.py ("a 100,000-row list")
    model.set_rows("rex", rows)
    assert model.total == 100_000 and model.rowCount() == PAGE
    assert model.canFetchMore(model.index(-1, -1))
    model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 2 * PAGE
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, 0)) == "Report 99999"
    assert model.row_of("id000000") == 99_999 and model.rowCount() == 100_000


def test_clearing_the_search_goes_back_and_drops_the_search(qtbot, window: MainWindow) -> None:
    shown: list[str] = []
    window.searchShown.connect(shown.append)
    window.run_search("huile")
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000) as loaded:
        window.search_field.setText("")
        window.search_field.textEdited.emit("")
    assert loaded.args == ["rex"]
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10_000)
    assert shown == []
    assert window.center.currentWidget() is window.list_panel
