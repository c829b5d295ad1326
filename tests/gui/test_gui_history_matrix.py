"""History (diff, restore), the full item pane, profiles and the skills matrix, driven for real."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import on_worker, open_window
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor

from copdesk import Workspace
from copdesk.gui.history import diff_html
from copdesk.gui.labels import short_date
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.matrix import RATING_ROLE, build_matrix, export_csv
from copdesk.gui.rating import RatingDialog
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HUILE_REX = "9b5e3973-3cf6-5799-ba6d-f2915fc9060f"  # linked from a sheet, two comments
P12_REX = "1cedd3f6-1ee9-5566-8b37-9cbb77cb884d"  # three revisions: create, lessons, evidence
JULIEN = "cdaa9003-cc9f-5b25-9114-05118a1718a4"  # expert, contributor; an expired rating
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8ffff3f0005fe02fea7d6a4b00000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("gui-hm") / "ws"
    photo = path.parent / "raccord.png"
    photo.write_bytes(PNG)
    with Workspace.create(path, site="Usine de démonstration", language="fr") as ws:
        ws.load_demo()
        ws.items.attach(HUILE_REX, photo)
    return path


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "home", remember=False)
    yield w
    w.close()


def read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def open_view(qtbot, window: MainWindow, view: str) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view(view)
    assert window.banner.text == ""


# -- core -------------------------------------------------------------------------------


def test_ratings_lists_every_current_rating_with_its_validity(demo_path: Path) -> None:
    with Workspace.open(demo_path, index=False) as ws:
        ratings = ws.people.ratings()
        assert len(ratings) == ws.summary()["counts"]["rating"]
        profile = ws.people.profile(JULIEN)
        mine = {r["skill"]: r for r in ratings if r["person"] == JULIEN}
        assert len(mine) == len(profile["ratings"])
        for r in profile["ratings"]:
            assert mine[r["skill"]]["level"] == r["level"]
            assert mine[r["skill"]]["expired"] == r["expired"]
            assert mine[r["skill"]]["expiring"] == r["expiring"]


# -- pure functions ---------------------------------------------------------------------


def _rating(person: str, skill: str, level: int, **kw: Any) -> dict[str, Any]:
    return {"person": person, "skill": skill, "level": level, "interest": None,
            "valid_until": kw.get("valid_until"), "assessed_on": "2026-01-01",
            "expired": kw.get("expired", False), "expiring": kw.get("expiring", False)}  # fmt: skip


def test_matrix_coverage_counts_valid_autonomous_holders_and_exports_csv(
    qapp, tmp_path: Path
) -> None:
    people = [{"id": "p2", "name": "Zoé", "site": "Lyon"}, {"id": "p1", "name": "Ali", "site": ""}]
    skills = [
        {"id": "s1", "name": "Soudage", "domain": "B"},
        {"id": "s2", "name": "CN", "domain": "A"},
    ]
    ratings = [
        _rating("p1", "s1", 4),
        _rating("p2", "s1", 3, valid_until="2020-01-01", expired=True),  # covers nothing
        _rating("p2", "s2", 2, valid_until="2026-02-01", expiring=True),
        _rating("p9", "s1", 4),  # not shown
    ]
    m = build_matrix(people, skills, ratings)
    assert [p["name"] for p in m.people] == ["Ali", "Zoé"]
    assert [s["name"] for s in m.skills] == ["CN", "Soudage"]  # by domain, then name
    assert m.coverage == [0, 1] and m.holders == [[], ["Ali"]]
    assert m.autonomous == [1, 0]

    out = tmp_path / "m.csv"
    export_csv(m, out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # spreadsheets read the accents
    rows = read_csv(out)
    assert rows[0] == ["Person", "Site", "CN", "Soudage", "U/O skills"]
    assert rows[1] == ["Domain", "", "A", "B", ""]
    assert rows[2] == ["Ali", "", "", "4", "1"]
    assert rows[3] == ["Zoé", "Lyon", "2 (expires 2026-02-01)", "3 (expired 2020-01-01)", "0"]
    assert rows[4] == ["Autonomous holders (U/O)", "", "0", "1", ""]


def test_diff_shows_changed_fields_line_by_line(qapp) -> None:
    old = {"title": "Fuite", "summary": "ligne 1\nligne 2\nligne 3", "priority": "red"}
    new = {"title": "Fuite", "summary": "ligne 1\nligne deux\nligne 3\nligne 4", "priority": "red"}
    page = diff_html("rex", old, new, old_title="v1", new_title="v2", language="en")
    assert "Summary" in page and "Title" not in page and "Priority" not in page
    assert "ligne 4" in page and "deux" in page
    assert "#fde2e1" in page and "#dcf5e0" in page  # removed and added lines coloured
    dark = diff_html("rex", old, new, old_title="v1", new_title="v2", dark=True)
    assert "#fde2e1" not in dark and "#4b2326" in dark  # readable on a dark palette
    same = diff_html("rex", old, old, old_title="v1", new_title="v1")
    assert "No difference." in same


# -- the window -------------------------------------------------------------------------


def test_item_pane_shows_history_link_links_backlinks_attachments_and_comments(
    qtbot, window: MainWindow
) -> None:
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_item(HUILE_REX)
    text = window.detail.toPlainText()
    assert "History (1 version)" in text
    assert "Linked from" in text and "Remplir ou compléter une centrale hydraulique" in text
    assert "Attachments" in text and "raccord.png" in text
    assert "Comments (2)" in text and "groupe de filtration mobile" in text
    assert "From Usine de démonstration" in text
    assert window.detail._images  # the attached photo is shown, from bytes the worker read
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):  # the link opens the history
        window.detail.anchorClicked.emit(QUrl(f"history:{HUILE_REX}"))  # as a click does
    assert window.current_view == f"history:{HUILE_REX}"
    assert window.center.currentWidget() is window.history_view


def test_view_history_diff_two_revisions_and_restore(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    open_view(qtbot, window, f"history:{P12_REX}")
    view = window.history_view
    assert view.list.topLevelItemCount() == 3
    assert "edited · current" in view.list.topLevelItem(0).text(3)
    assert "Evidence of application" in view.diff.toPlainText()  # latest change: evidence
    assert "Sheffield a intégré" in view.diff.toPlainText()
    assert not view.restore_button.isEnabled()  # the current version is already current

    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):  # newest and oldest
        view.list.topLevelItem(2).setSelected(True)
    diff = view.diff.toPlainText()
    assert "Evidence of application" in diff and "Lessons learned" in diff
    oldest = on_worker(qtbot, runner, lambda ws: ws.items.history(P12_REX)[0])
    assert oldest["at"].startswith("2024-10-15")
    # in the user's locale and local time, as every date of the window
    assert f"Comparing {short_date(oldest['at'])} · " in view.compare_label.text()

    old_content = on_worker(
        qtbot, runner, lambda ws: ws.items.revision(oldest["rev_id"])["content"]
    )
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.list.setCurrentItem(view.list.topLevelItem(2))  # only the oldest
    assert view.restore_button.isEnabled()

    asked: list[str] = []
    view.confirm = lambda text: asked.append(text) or False  # "Cancel"
    view.restore_button.click()
    assert asked and not window.loading

    view.confirm = lambda text: True
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        view.restore_button.click()
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    assert view.list.topLevelItemCount() == 4
    assert "restored · current" in view.list.topLevelItem(0).text(3)
    assert window.detail.isVisible()
    assert "History (4 versions)" in window.detail.toPlainText()
    assert "Sheffield a intégré" not in window.detail.toPlainText()  # the old evidence
    item = on_worker(qtbot, runner, lambda ws: ws.items.get(P12_REX))
    assert item["evidence"] == old_content["evidence"]
    assert item["lessons"] == old_content["lessons"]


def test_profile_shows_roles_skills_and_contributions(qtbot, window: MainWindow) -> None:
    open_view(qtbot, window, "people")
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_item(JULIEN)
    text = window.detail.toPlainText()
    assert "Roles" in text and "expert" in text and "Maintenance presses & hydraulique" in text
    assert "Skills" in text and "autonomous or expert" in text
    assert "Contrôle des sécurités presse" in text and "expired" in text
    assert "Contributions" in text and "pression résiduelle" in text
    assert any(k.startswith("iluo-") for k in window.detail._images)  # glyph images


def test_rate_a_skill_and_see_the_matrix_change(
    qtbot, window: MainWindow, runner: WorkspaceRunner, tmp_path: Path
) -> None:
    open_view(qtbot, window, "skills")
    view = window.matrix_view
    model = view.model
    m = model.matrix
    assert len(m.people) == 14 and len(m.skills) == 32
    assert model.rowCount() == 15 and model.columnCount() == 33  # coverage row, U/O column
    column = m.coverage.index(0)  # a skill nobody holds autonomously
    skill = m.skills[column]
    red = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole)
    assert red == QColor("#d64545")
    assert "No autonomous holder" in model.index(model.coverage_row, column).data(
        Qt.ItemDataRole.ToolTipRole
    )
    free = [r for r in range(len(m.people)) if m.cell(r, column) is None][:2]
    first, second = (m.people[r]["id"] for r in free)

    on_worker(qtbot, runner, lambda ws: ws.people.rate(first, skill["id"], 3, interest="teach"))
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.reload()
    m = model.matrix
    row = next(r for r, p in enumerate(m.people) if p["id"] == first)
    assert model.index(row, column).data(RATING_ROLE)["level"] == 3
    assert "wants to teach" in model.index(row, column).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(model.coverage_row, column).data() == "1"
    orange = model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole)
    assert orange == QColor("#e08a00")  # a single holder: flagged

    # the second one through the rating dialog (what a double-click opens)
    row2 = next(r for r, p in enumerate(m.people) if p["id"] == second)
    dialog = RatingDialog(m.people[row2]["name"], skill["name"], m.cell(row2, column), view)
    dialog.level.setCurrentIndex(dialog.level.findData(4))
    dialog.valid_until.set_value("2030-06-30")  # a date picker: no impossible date to type
    dialog.evidence.setText("Forme les nouveaux arrivants")
    dialog.accept()
    assert dialog.result() == RatingDialog.DialogCode.Accepted
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.rate(second, skill["id"], dialog.values())
    rated = model.index(row2, column).data(RATING_ROLE)
    assert (rated["level"], rated["valid_until"]) == (4, "2030-06-30")
    assert model.index(model.coverage_row, column).data() == "2"
    assert (
        model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ForegroundRole) is None
    )

    out = tmp_path / "matrix.csv"
    export_csv(model.matrix, out)
    rows = read_csv(out)
    assert len(rows) == 2 + 14 + 1
    assert rows[-1][2 + column] == "2"

    with qtbot.waitSignal(window.itemShown, timeout=10_000):  # a click shows the profile
        view.table.clicked.emit(model.index(row, column))
    assert "Roles" in window.detail.toPlainText() and window.detail.isVisible()


def test_matrix_filters_by_community_and_site(qtbot, window: MainWindow, runner) -> None:
    open_view(qtbot, window, "skills")
    view = window.matrix_view
    community = view.community.itemData(1)
    members = on_worker(
        qtbot, runner, lambda ws: {m["person"] for m in ws.people.members(community)}
    )
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.community.setCurrentIndex(1)
        view.community.activated.emit(1)
    assert {p["id"] for p in view.model.matrix.people} == members
    assert view.community.currentData() == community  # kept across the reload
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.set_filters(site="Sheffield Works")
    assert {p["site"] for p in view.model.matrix.people} == {"Sheffield Works"}
    assert view.site.currentText() == "Sheffield Works"


def test_pyside_keeps_none_alive_through_void_calls(qapp) -> None:
    """PySide6 6.12.0 drops a reference to None per void call (Python 3.11 then aborts
    after a few thousand): pyproject keeps it out; this fails if such a build returns."""
    import sys

    from PySide6.QtCore import QObject

    holder = QObject()
    before = sys.getrefcount(None)
    for _ in range(2000):
        holder.setObjectName("x")
    assert abs(sys.getrefcount(None) - before) < 100
