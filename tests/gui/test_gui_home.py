"""Home shows what is new since last time, bundles from other sites included."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtCore import QUrl

from copdesk import Workspace
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_home(qtbot, runner: WorkspaceRunner, path: Path) -> MainWindow:
    return open_window(qtbot, runner, path, "home")


def test_an_old_report_imported_today_is_new_on_home(qtbot, runner, tmp_path: Path) -> None:
    with (
        Workspace.create(tmp_path / "lyon", site="Usine de Lyon") as lyon,
        Workspace.create(tmp_path / "nantes", site="Usine de Nantes") as nantes,
    ):
        ident = lyon.sites.identity()
        nantes.sites.trust(ident["site_id"], ident["key"], ident["name"])
        nantes.items.add("rex", {"title": "Rapport local de Nantes"})
        with lyon.core.backdated("2021-03-01T08:00:00.000Z"):
            lyon.items.add("rex", {"title": "Vieille leçon de Lyon sur les vérins"})
        lyon.sync.export(tmp_path / "lyon.copdesk")

    window = open_home(qtbot, runner, tmp_path / "nantes")
    assert "Rapport local de Nantes" in window.page.toPlainText()
    window.close()  # remembers what the home page showed

    with Workspace.open(tmp_path / "nantes") as nantes:
        assert nantes.sync.import_bundle(tmp_path / "lyon.copdesk")["new"] == 1

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


def test_filtering_a_list(qtbot, runner, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws", site="Usine de Lyon") as ws:
        ws.load_demo()
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.open_workspace(tmp_path / "ws")
        window.show_view("rex")
    bar, model = window.filter_bar, window.model
    assert model.total == model.held == 42 and bar.count.text() == "42 items"
    assert set(bar.combos) == {"community_name", "site", "status", "priority"}

    def titles() -> list[str]:
        return [model.data(model.index(r, 0)) for r in range(model.rowCount())]

    qtbot.keyClicks(bar.text, "HUILE")  # folded: case and accents do not matter
    qtbot.waitUntil(lambda: model.total < 42, timeout=5_000)
    assert 0 < model.total == sum("huile" in text for text in model._all[2])
    assert len(titles()) == model.total
    bar.text.clear()
    qtbot.waitUntil(lambda: model.total == 42, timeout=5_000)

    status = bar.combos["status"]
    status.setCurrentIndex(status.findData("Validated"))
    col = [c.key for c in model._columns].index("status")
    shown = [model.data(model.index(r, col)) for r in range(model.rowCount())]
    assert shown and set(shown) == {"Validated"}
    assert bar.count.text() == f"{model.total} of 42 items"
    priority = bar.combos["priority"]
    priority.setCurrentIndex(priority.findData("Red — urgent"))  # words, not the code
    pcol = [c.key for c in model._columns].index("priority")
    assert {model.data(model.index(r, pcol)) for r in range(model.rowCount())} == {"Red — urgent"}
    bar.clear.click()
    assert model.total == 42
    window.close()


def test_item_dates_are_in_the_users_locale(qtbot, runner, demo_path: Path) -> None:
    import re

    from PySide6.QtCore import QLocale

    window = open_home(qtbot, runner, demo_path)
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.show_view("rex")
    text = window.detail.toPlainText()
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", text)  # no raw time stamps
    occurred = window.model.data(window.model.index(0, 5))  # Occurred column (ISO in lists)
    day = QLocale().toString(
        QLocale().toDate(occurred, "yyyy-MM-dd"), QLocale.FormatType.ShortFormat
    )
    assert day in text
    window.close()


def test_search_marks_hits_of_a_dissolved_community_archived(qtbot, runner, demo_path) -> None:
    window = open_home(qtbot, runner, demo_path)
    with qtbot.waitSignal(window.searchShown, timeout=10_000):
        window.show_view("search:P9")
    text = window.page.toPlainText()
    assert "archived" in text  # the P9 transfer project was dissolved; its report stays found
    window.close()


def test_quick_switch_of_who_is_writing(qtbot, runner, tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws", site="Usine de Lyon") as ws:
        ana = ws.items.add("person", {"name": "Ana"})["id"]  # the administrator
        with ws.acting_as(ana):
            ws.items.add("person", {"name": "Bruno"})
    window = open_home(qtbot, runner, tmp_path / "ws")
    switch = window.person_switch
    qtbot.waitUntil(lambda: switch.count() == 3, timeout=10_000)  # nobody, Ana, Bruno
    assert switch.currentText() == "Writing as: nobody"
    with qtbot.waitSignal(window.personChanged, timeout=10_000):
        switch.activated.emit(switch.findData(ana))
    qtbot.waitUntil(lambda: switch.current_person() == ana, timeout=10_000)
    window.close()
    with Workspace.open(tmp_path / "ws") as ws:
        assert ws.current_person == ana
        assert ws.items.add("rex", {"title": "Signé"})["author"] == ana
