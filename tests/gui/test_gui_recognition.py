"""What was given elsewhere, shown for what it is: a validation made at another site by
someone who is no validator here, a U or O rating given there by someone who may not
rate so here, and a rating one gave oneself, on the item, the profile, the skills
matrix and the health dashboard."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import open_window, pair
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from copdesk import Workspace
from copdesk.gui.matrix import RATING_ROLE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 10_000


@pytest.fixture
def lyon(tmp_path: Path) -> dict[str, Any]:
    """Eve animates Presses at Lyon; at Grenoble, Mia (a plain member) validated a report
    and rated Olga at O, as a history replayed there; Eve rated herself U."""
    lyon = Workspace.create(tmp_path / "lyon", site="Usine de Lyon")
    grenoble = Workspace.create(tmp_path / "grenoble", site="Usine de Grenoble")
    try:
        eve = lyon.items.add("person", {"name": "Eve Animatrice"})["id"]  # the administrator
        lyon.use(eve)
        presses = lyon.items.add("community", {"name": "Presses", "form": "trade"})["id"]
        mia = lyon.items.add("person", {"name": "Mia Member"})["id"]
        olga = lyon.items.add("person", {"name": "Olga Operatrice"})["id"]
        lyon.people.member(presses, mia, "member")
        skill = lyon.items.add(
            "skill", {"name": "Hydraulique", "domain": "Maintenance", "community": presses}
        )["id"]
        rex = lyon.items.add(
            "rex", {"title": "Fuite au vérin", "community": presses, "status": "proposed"}
        )["id"]
        lyon.people.rate(eve, skill, 3)  # herself: allowed, shown as self-assessed
        pair(lyon, grenoble)
        lyon.sync.export(tmp_path / "to-grenoble.copdesk")
        grenoble.sync.import_bundle(tmp_path / "to-grenoble.copdesk")
        with grenoble.permissions.bypass(), grenoble.acting_as(mia):
            grenoble.items.validate(rex)
            grenoble.people.rate(olga, skill, 4)
        grenoble.sync.export(tmp_path / "to-lyon.copdesk")
        lyon.sync.import_bundle(tmp_path / "to-lyon.copdesk")
    finally:
        grenoble.close()
        lyon.close()
    return {"path": tmp_path / "lyon", "rex": rex, "eve": eve, "olga": olga, "presses": presses}


def test_given_elsewhere_or_by_oneself_is_shown_apart(qtbot, runner, lyon) -> None:
    window = open_window(qtbot, runner, lyon["path"], "rex", remember=False)
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.show_view(f"item:{lyon['rex']}")
    assert (
        "validated at Usine de Grenoble by Mia Member, not a validator here"
        in window.detail.toPlainText()
    )

    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.show_view(f"item:{lyon['olga']}")
    assert "not recognised here: rated at another site" in window.detail.toPlainText()
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.show_view(f"item:{lyon['eve']}")
    assert "self-assessed" in window.detail.toPlainText()

    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.show_view("skills")
    model = window.matrix_view.model
    tips = {}
    for row, person in enumerate(model.matrix.people):
        index = model.index(row, 0)
        rating = index.data(RATING_ROLE)
        if rating is not None:
            tips[person["name"]] = (rating, index.data(Qt.ItemDataRole.ToolTipRole))
    olga_rating, olga_tip = tips["Olga Operatrice"]
    assert olga_rating["recognised"] is False and "not recognised here" in olga_tip
    eve_rating, eve_tip = tips["Eve Animatrice"]
    assert eve_rating["self_assessed"] and "self-assessed" in eve_tip
    legend = [label.text() for label in window.matrix_view.findChildren(QLabel)]
    assert any("grey corner: self-assessed · red ?: not recognised here" in t for t in legend)

    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.show_view(f"dashboard:{lyon['presses']}")
    figure = window.dashboard_view.figure_labels["validated_unrecognised"]
    assert figure.text() == "1"
    window.close()
