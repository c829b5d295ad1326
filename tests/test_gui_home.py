"""Home shows what is new since last time, bundles from other sites included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl

from copdesk import Workspace
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def runner() -> Iterator[WorkspaceRunner]:
    r = WorkspaceRunner()
    yield r
    r.stop()


def open_home(qtbot, runner: WorkspaceRunner, path: Path) -> MainWindow:
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.open_workspace(path)
        window.show_view("home")
    return window


def test_an_old_report_imported_today_is_new_on_home(qtbot, runner, tmp_path: Path) -> None:
    with (
        Workspace.create(tmp_path / "lyon", site="Usine de Lyon") as lyon,
        Workspace.create(tmp_path / "nantes", site="Usine de Nantes") as nantes,
    ):
        ident = lyon.identity()
        nantes.trust(ident["site_id"], ident["key"], ident["name"])
        nantes.add("rex", {"title": "Rapport local de Nantes"})
        with lyon._backdated("2021-03-01T08:00:00.000Z"):
            lyon.add("rex", {"title": "Vieille leçon de Lyon sur les vérins"})
        lyon.export(tmp_path / "lyon.copdesk")

    window = open_home(qtbot, runner, tmp_path / "nantes")
    assert "Rapport local de Nantes" in window.page.toPlainText()
    window.close()  # remembers what the home page showed

    with Workspace.open(tmp_path / "nantes") as nantes:
        assert nantes.import_bundle(tmp_path / "lyon.copdesk")["new"] == 1

    window = open_home(qtbot, runner, tmp_path / "nantes")
    text = window.page.toPlainText()
    recent = text.split("Waiting for validation")[0]
    assert "Vieille leçon de Lyon sur les vérins" in recent  # dated 2021, new here today
    assert "Rapport local de Nantes" not in recent  # already seen last time
    window.close()


def test_search_facets_narrow_the_search(qtbot, runner, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws", site="Usine de Lyon") as ws:
        ws.load_demo()
    window = open_home(qtbot, runner, tmp_path / "ws")
    with qtbot.waitSignal(window.searchShown, timeout=10_000):
        window.show_view("search:huile")
    text = window.page.toPlainText()
    assert "Kind: Experience report" in text and "Know-how sheet" in text
    assert "Community: Maintenance presses & hydraulique" in text
    before = int(text.split(" results")[0].split()[-1])
    html = window.page.toHtml()
    link = html.split('href="facet:kind%09rex"')
    assert len(link) == 2, "no facet link for experience reports"
    with qtbot.waitSignal(window.searchShown, timeout=10_000):
        window.page.anchorClicked.emit(QUrl("facet:kind%09rex"))
    assert window.search_field.text() == 'huile kind:"rex"'
    after = window.page.toPlainText()
    narrowed = int(after.split(" results")[0].split()[-1])
    assert 0 < narrowed < before
    assert "Know-how sheet" not in after.split("Kind:")[1].split("\n")[0]
    window.close()
