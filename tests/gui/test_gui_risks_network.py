"""Knowledge at risk and the latent network in the window, driven for real (offscreen)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import on_worker, open_window
from PySide6.QtCore import Qt

from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.network_view import layout
from copdesk.gui.risks_view import ID_ROLE, export_csv
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "home", remember=False)
    yield w
    w.close()


def open_view(qtbot, window: MainWindow, view: str) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view(view)
    assert window.banner.text == ""


def table_rows(view) -> list[tuple[str, str | None]]:
    model = view.table.model()
    return [
        (model.index(r, 0).data(ID_ROLE), model.lines[r]["site"]) for r in range(model.rowCount())
    ]


# -- risks ------------------------------------------------------------------------------


def test_risk_list_is_ranked_as_the_core_ranks_it(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    entries = window.sidebar
    names = [entries.item(r).data(Qt.ItemDataRole.UserRole) for r in range(entries.count())]
    assert {"risks", "network"} <= set(names)
    open_view(qtbot, window, "risks")
    view = window.risks_view
    assert window.center.currentWidget() is view
    expected = on_worker(qtbot, runner, lambda ws: ws.analytics.risks())
    assert len(expected) > 5
    assert table_rows(view) == [(line["skill"], line["site"]) for line in expected]
    model = view.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        str(line["rank"]) for line in expected
    ]
    assert model.index(0, 5).data() == expected[0]["reason"]
    kinds = {"single_holder": "Single holder", "no_holder": "No holder"}
    assert model.index(0, 1).data() == kinds.get(expected[0]["kind"], model.index(0, 1).data())
    assert str(len(expected)) in view.summary.text()

    with qtbot.waitSignal(window.itemShown, timeout=10_000) as shown:  # a click opens the skill
        index = model.index(0, 2)
        view.table.scrollTo(index)
        qtbot.mouseClick(
            view.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=view.table.visualRect(index).center(),
        )
    assert shown.args == [expected[0]["skill"]]
    assert window.detail.isVisible()


def test_risk_site_filter_and_csv_export(
    qtbot, window: MainWindow, runner: WorkspaceRunner, tmp_path: Path
) -> None:
    open_view(qtbot, window, "risks")
    view = window.risks_view
    sites = [view.site_combo.itemData(i) for i in range(1, view.site_combo.count())]
    assert len(sites) >= 2
    site = sites[0]
    expected = on_worker(qtbot, runner, lambda ws: ws.analytics.risks(site=site))
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.site_combo.setCurrentIndex(1)
        view.site_combo.activated.emit(1)
    assert view.site == site and view.site_combo.currentData() == site
    assert table_rows(view) == [(line["skill"], line["site"]) for line in expected]
    everything = on_worker(qtbot, runner, lambda ws: ws.analytics.risks())
    assert 0 < len(expected) < len(everything)

    out = tmp_path / "risks.csv"
    export_csv(view.model.lines, out)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["#", "What", "Skill", "Site", "People", "Reason", "Score"]
    assert len(rows) == len(expected) + 1
    first = expected[0]
    assert rows[1][0] == "1" and rows[1][2] == first["skill_name"]
    assert rows[1][5] == first["reason"] and rows[1][6] == str(first["score"])
    assert rows[1][4] == ", ".join(p["name"] for p in first["people"])


# -- network ----------------------------------------------------------------------------


def test_network_draws_every_person_flags_bridges_and_fills_the_lists(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    open_view(qtbot, window, "network")
    view = window.network_view
    net = on_worker(qtbot, runner, lambda ws: ws.analytics.network())
    assert set(view.node_items) == {n["id"] for n in net["nodes"]}
    bridges = {b["person"] for b in net["bridges"]}
    assert bridges
    radius = {p: item.rect().width() for p, item in view.node_items.items()}
    assert all(radius[p] > radius[q] for p in bridges for q in radius if q not in bridges)
    assert view.bridges.count() == len(net["bridges"])
    assert net["bridges"][0]["name"] in view.bridges.item(0).text()
    assert net["bridges"][0]["why"][0] in view.bridges.item(0).text()
    isolated = len(net["isolated_people"]) + len(net["isolated_sites"])
    assert view.isolated.count() == max(isolated, 1)
    assert view.suggestions.count() == max(len(net["suggestions"]), 1)
    assert view.candidates.count() == max(len(net["candidate_communities"]), 1)
    assert view.tabs.tabText(0) == f"Bridges ({len(net['bridges'])})"

    # work ties drawn, affinity ties hidden until asked for
    assert view.affinity_items and not any(line.isVisible() for line in view.affinity_items)
    view.affinity.setChecked(True)
    assert all(line.isVisible() for line in view.affinity_items)

    # isolated people sit in a row below everyone else
    positions = view.data["positions"]
    alone = {i["person"] for i in net["isolated_people"]}
    lowest_tied = max(y for p, (_, y) in positions.items() if p not in alone)
    assert all(positions[p][1] > lowest_tied for p in alone)


def test_network_layout_is_deterministic(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    open_view(qtbot, window, "network")
    first = dict(window.network_view.data["positions"])
    open_view(qtbot, window, "network")
    assert window.network_view.data["positions"] == first
    net = on_worker(qtbot, runner, lambda ws: ws.analytics.network())
    assert layout(net["nodes"], net["edges"]) == first
    assert len(set(first.values())) == len(first)  # nobody on top of anybody


def test_network_click_opens_the_person_and_community_filter(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    open_view(qtbot, window, "network")
    view = window.network_view
    person, node = next(iter(view.node_items.items()))
    point = view.graph.mapFromScene(node.scenePos())
    with qtbot.waitSignal(window.itemShown, timeout=10_000) as shown:
        qtbot.mouseClick(view.graph.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert shown.args == [person]

    communities = on_worker(qtbot, runner, lambda ws: ws.items.list("community"))
    community = communities[0]
    scoped = on_worker(qtbot, runner, lambda ws: ws.analytics.network(community=community["id"]))
    open_view(qtbot, window, f"network:{community['id']}")
    assert view.community_combo.currentData() == community["id"]
    assert set(view.node_items) == {n["id"] for n in scoped["nodes"]}
    assert len(view.node_items) < 14
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        view.community_combo.setCurrentIndex(0)
        view.community_combo.activated.emit(0)
    assert view.community is None and len(view.node_items) == 14
