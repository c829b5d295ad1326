"""The analysis views in the interface language: risks, network, contributions."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from helpers import network_known, risks_known
from PySide6.QtCore import QLocale

from copdesk import Workspace
from copdesk.analytics import network as net_module
from copdesk.analytics.risks import collect, rank
from copdesk.messages import worded


def network(ws: Workspace) -> dict:
    return worded(net_module.network(net_module.collect(ws.conn, ws.items, ws.people)))


def test_the_french_window_shows_the_french_explanations(qtbot, ws: Workspace) -> None:
    network_known(ws)
    from copdesk.gui.network_view import NetworkView, layout

    net = network(ws)
    data = {
        "network": net,
        "positions": layout(net["nodes"], net["edges"]),
        "communities": [],
        "community": None,
    }
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        view = NetworkView(lambda *args: None)
        qtbot.addWidget(view)
        view._show(data)
        french = {
            name: [widget.item(r).text() for r in range(widget.count())]
            for name, widget in (
                ("bridges", view.bridges),
                ("isolated", view.isolated),
                ("suggestions", view.suggestions),
                ("candidates", view.candidates),
            )
        }
        tips = {line.toolTip() for line in view.scene.items() if hasattr(line, "line")}
    finally:
        QLocale.setDefault(saved)
    assert all(w in french["bridges"][0] for w in net["bridges"][0]["why_fr"])
    assert "without them" not in french["bridges"][0]
    assert any(net["isolated_people"][0]["why_fr"] in t for t in french["isolated"])
    assert any(net["isolated_sites"][0]["why_fr"] in t for t in french["isolated"])
    assert net["suggestions"][0]["why_fr"] in french["suggestions"][0]
    assert net["candidate_communities"][0]["why_fr"] in french["candidates"][0]
    assert {e["why_fr"] for e in net["edges"]} == tips - {""}

    view = NetworkView(lambda *args: None)  # English interface: the English explanations
    qtbot.addWidget(view)
    view._show(data)
    assert net["bridges"][0]["why"][0] in view.bridges.item(0).text()


def test_the_risks_view_shows_the_reason_in_the_interface_language(
    ws: Workspace, tmp_path: Path
) -> None:
    risks_known(ws)
    from copdesk.gui.risks_view import cells, export_csv

    lines = worded(rank(collect(ws.items, ws.people, ws.today())))
    saved = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
        assert cells(lines[0])[5] == lines[0]["reason_fr"]
        export_csv(lines, tmp_path / "fr.csv")
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
        assert cells(lines[0])[5] == lines[0]["reason"]
    finally:
        QLocale.setDefault(saved)
    with open(tmp_path / "fr.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert [row[5] for row in rows[1:]] == [line["reason_fr"] for line in lines]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_gui_page_shows_the_counts(qtbot, runner, demo_path: Path) -> None:
    from copdesk.gui.mainwindow import MainWindow

    with Workspace.open(demo_path) as ws:
        mine = ws.analytics.contributions()
    window = MainWindow(runner, remember=False)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.open_workspace(demo_path)
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.actions_by_name["actionGo_contributions"].trigger()
    text = window.page.toPlainText()
    assert "Sophie Leroux" in text and str(mine["recognition"]["points"]) in text
    assert "Emma Walsh · Sheffield Works" in text
    assert str(mine["counts"]["validated"]) in text
    window.close()


def test_page_without_a_current_person() -> None:
    from copdesk.gui.contributions import contributions_html

    assert "copdesk use" in contributions_html(None)
