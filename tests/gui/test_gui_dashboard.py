"""The health dashboard and the community page, driven for real on the demo workspace."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import open_window
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage

from copdesk.gui import dashboard
from copdesk.gui.community import TextDialog
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

MAINTENANCE = "Maintenance presses & hydraulique"  # a demo community in the action stage
SHOTS = Path(__file__).parents[2] / "docs" / "screenshots"


def run_job(qtbot, runner: WorkspaceRunner, fn) -> Any:
    """The result of a job on the worker (as the window would get it)."""
    got: list[Any] = []
    runner.submit(fn, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=10_000)
    return got[0]


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "home")
    yield w
    w.close()


def open_view(qtbot, window: MainWindow, view: str) -> float:
    started = time.perf_counter()
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view(view)
    assert window.banner.text == ""
    return time.perf_counter() - started


def community_id(qtbot, runner: WorkspaceRunner, name: str = MAINTENANCE) -> str:
    return run_job(qtbot, runner, lambda ws: ws.resolve(name, "community"))


def test_the_site_dashboard_shows_the_figures_of_stats(qtbot, window, runner) -> None:
    elapsed = open_view(qtbot, window, "dashboard")
    assert elapsed < 1.0  # computed on the worker, shown at once
    view = window.dashboard_view
    assert window.center.currentWidget() is view
    expected = run_job(qtbot, runner, lambda ws: ws.analytics.stats())
    assert view.stats == expected
    for key, value in dashboard.figures(expected).items():
        assert view.figure_labels[key].text() == ("—" if value is None else str(value)), key
    assert view.figure_labels["active_30"].text() == str(expected["active_30"])
    assert view.figure_labels["past_review"].text() == str(expected["past_review"])
    assert view.months_set is not None and view.months_set.count() == 12
    counts = [int(view.months_set.at(i)) for i in range(12)]
    assert counts == list(expected["contributions_per_month"].values())
    assert view.members_series is not None and view.members_series.count() == 3
    assert view.sites_set is not None
    assert view.sites_set.count() == len(expected["sites_taking_part"])
    assert not view.stage.isVisible()  # the site has no stage
    communities = run_job(qtbot, runner, lambda ws: len(ws.items.list("community")))
    assert view.scope.currentData() is None and view.scope.count() == 1 + communities


def test_the_community_dashboard_shows_stage_diagnosis_and_guidance(qtbot, window, runner) -> None:
    cid = community_id(qtbot, runner)
    open_view(qtbot, window, f"dashboard:{cid}")
    view = window.dashboard_view
    expected = run_job(qtbot, runner, lambda ws: ws.analytics.stats(cid))
    assert view.stats == expected
    assert view.scope.currentText() == MAINTENANCE
    assert view.figure_labels["members"].text() == str(expected["members"])
    assert view.stage.isVisible()
    text = view.stage.text()
    assert "Action" in text and expected["guidance"][0] in text
    # another scope from the combo box: the whole site again
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.scope.setCurrentIndex(0)
        view.scope.activated.emit(0)
    assert view.stats is not None and view.stats["community"] is None


def test_a_diagnosis_that_differs_from_the_stage_is_highlighted(qapp) -> None:
    stats = {
        "stage": "action",
        "diagnosis": {"looks_like": "dispersion", "reason": "only 1 active member(s)"},
        "guidance": ["Keep the rhythm"],
    }
    page = dashboard.stage_html(stats)
    assert dashboard.HIGHLIGHT_BG in page and "looks like Dispersion" in page
    same = dict(stats, diagnosis={"looks_like": "action", "reason": "matches"})
    assert dashboard.HIGHLIGHT_BG not in dashboard.stage_html(same)


def test_csv_and_pdf_exports(qtbot, window, runner, tmp_path: Path) -> None:
    cid = community_id(qtbot, runner)
    open_view(qtbot, window, f"dashboard:{cid}")
    stats = window.dashboard_view.stats
    assert stats is not None
    out = dashboard.export_csv(stats, tmp_path / "health.csv")
    with out.open(encoding="utf-8-sig") as f:
        rows = {r["metric"]: r for r in csv.DictReader(f)}
    assert rows["scope"]["value"] == MAINTENANCE
    assert rows["active_90"]["value"] == str(stats["active_90"])
    assert rows["validation_backlog"]["value"] == str(stats["validation_backlog"])
    assert sum(1 for m in rows if m.startswith("contributions:")) == 12
    assert rows["stage"]["value"] == "action"

    pdf = dashboard.export_pdf(stats, tmp_path / "health.pdf", "Usine de démonstration")
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-" and len(data) > 2000
    assert b"/MediaBox [0 0 595" in data  # A4 portrait, in points


def test_the_community_page_in_the_reading_pane(qtbot, window, runner) -> None:
    cid = community_id(qtbot, runner)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view(f"item:{cid}")
    text = window.detail.toPlainText()
    assert MAINTENANCE in text
    for heading in ("Charter", "Members by role", "Stage history", "Activity", "Open questions"):
        assert heading in text, heading
    item = run_job(qtbot, runner, lambda ws: ws.items.get(cid))
    charter_line = next(line for line in item["charter"].splitlines() if line.strip()[:1].isalpha())
    assert charter_line.replace("**", "")[:30] in text  # rendered Markdown
    members = run_job(qtbot, runner, lambda ws: ws.people.members(cid))
    assert f"Animator ({sum(1 for m in members if m['role'] == 'animator')})" in text
    assert members[0]["name"] in text
    assert len(item["stage_history"]) >= 1
    assert "Action" in text


def test_asking_answering_and_accepting_from_the_community_page(qtbot, window, runner) -> None:
    cid = community_id(qtbot, runner)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view(f"item:{cid}")

    # Ask a question: the link opens a small dialog, OK submits it on the worker
    window.detail.anchorClicked.emit(QUrl(f"ask:{cid}"))
    dialog = window.community_actions.dialog
    assert isinstance(dialog, TextDialog) and dialog.isVisible()
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a question needs a title
    qtbot.keyClicks(dialog.title, "Which seal kit for the P12 press?")
    dialog.text.setPlainText("The old reference is no longer sold.")
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        ok.click()
    questions = run_job(qtbot, runner, lambda ws: ws.qa.questions(cid, open_only=True))
    asked = next(q for q in questions if q["title"] == "Which seal kit for the P12 press?")
    assert "Which seal kit for the P12 press?" in window.detail.toPlainText()
    assert "Open questions (" in window.detail.toPlainText()

    # Answer it
    window.detail.anchorClicked.emit(QUrl(f"answer:{asked['id']}"))
    dialog = window.community_actions.dialog
    assert dialog is not None and not dialog.title.isVisible()
    dialog.text.setPlainText("Use kit SK-12B, same dimensions.")
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    answers = run_job(qtbot, runner, lambda ws: ws.qa.answers_of(asked["id"]))
    assert [a["body"] for a in answers] == ["Use kit SK-12B, same dimensions."]
    assert "Use kit SK-12B" in window.detail.toPlainText()

    # Turn the answer into a know-how sheet: the new sheet is shown
    with qtbot.waitSignal(window.itemShown, timeout=10_000) as shown:
        window.detail.anchorClicked.emit(QUrl(f"promote:{answers[0]['id']}"))
    sheet = run_job(qtbot, runner, lambda ws: ws.items.get(shown.args[0]))
    assert sheet["kind"] == "howto" and sheet["community"] == cid
    assert "SK-12B" in sheet["steps"]

    # Accept it: the question is no longer open
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.detail.anchorClicked.emit(QUrl(f"accept:{asked['id']}/{answers[0]['id']}"))
    assert window.banner.text == ""
    still_open = run_job(qtbot, runner, lambda ws: ws.qa.questions(cid, open_only=True))
    assert asked["id"] not in {q["id"] for q in still_open}
    assert "Which seal kit" not in window.detail.toPlainText()


def test_a_link_on_the_community_page_opens_its_dashboard(qtbot, window, runner) -> None:
    cid = community_id(qtbot, runner)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view(f"item:{cid}")
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.detail.anchorClicked.emit(QUrl(f"dashboard:{cid}"))
    assert window.current_view == f"dashboard:{cid}"
    assert window.dashboard_view.scope.currentText() == MAINTENANCE


def test_screenshots(qtbot, window, runner, tmp_path: Path) -> None:
    """Dashboard (site and community) and community page at 1280x800; docs/screenshots
    is refreshed only when COPDESK_SCREENSHOTS is set."""
    import os

    cid = community_id(qtbot, runner)
    shots = {}
    open_view(qtbot, window, "dashboard")
    shots["dashboard-site"] = window.grab()
    open_view(qtbot, window, f"dashboard:{cid}")
    shots["dashboard"] = window.grab()
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view(f"item:{cid}")
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    shots["community"] = window.grab()
    folder = SHOTS if os.environ.get("COPDESK_SCREENSHOTS") else tmp_path
    for name, pixmap in shots.items():
        out = (tmp_path if name == "dashboard-site" else folder) / f"{name}.png"
        assert pixmap.save(str(out))
        assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1280, 800)


def test_copdesk_gui_screenshot_of_the_dashboard(qapp, demo_path: Path, tmp_path: Path) -> None:
    from copdesk.cli import main

    for view in ("dashboard", f"dashboard:{MAINTENANCE}"):
        out = tmp_path / "dashboard.png"
        args = ["--workspace", str(demo_path), "gui", "--screenshot", str(out), "--view", view]
        assert main(args) == 0, view
        assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1366, 768)
