"""The operation layer: a write's Change reaches the views that show what it changed,
once per turn of the event loop, and a view off screen reloads when it is shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_window

from copdesk.gui import commands, write_jobs
from copdesk.gui.change import ALL_KINDS, Change, Flag, Interest, Outcome
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.notify import ChangeHub
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

JULIEN = "cdaa9003-cc9f-5b25-9114-05118a1718a4"


# -- Change and Interest --------------------------------------------------------------


def test_a_change_concerns_the_interests_it_touches() -> None:
    rating = Change.of(["rating"], ["p1", "s1"])
    assert Interest.of(["person", "rating"]).concerns(rating)
    assert Interest.of(items=["p1"]).concerns(rating)
    assert not Interest.of(["rex"], [Flag.WRITER], ["p2"]).concerns(rating)
    assert not Interest.of(["rating"]).concerns(Change.of(flags=[Flag.ROSTER]))
    merged = rating.at(7) | Change.of(flags=[Flag.WRITER]).at(9)
    assert merged.kinds == {"rating"} and merged.flags == {Flag.WRITER} and merged.marker == 9
    assert not Change() and Change.of(items=[None]) == Change()
    everything = Change.everything()
    assert everything.kinds == ALL_KINDS and set(everything.flags) == set(Flag)


def test_writes_say_what_they_change(ws) -> None:
    person = ws.items.add("person", {"name": "Ana"})["id"]
    ws.use(person)  # the site's administrator: she may add skills
    skill = ws.items.add("skill", {"name": "Soudage", "domain": "Maintenance"})["id"]
    out = write_jobs.rate(person, skill, {"level": 3, "interest": None})(ws)
    assert isinstance(out, Outcome)
    assert out.change.kinds == {"rating"} and {person, skill} <= out.change.items
    assert write_jobs.use_person(person)(ws).change.flags == {Flag.WRITER}
    rex = ws.items.add("rex", {"title": "Fuite"})["id"]
    sent = write_jobs.set_status(rex, "draft", "à revoir")(ws).change
    assert sent.kinds == {"rex", "comment"} and sent.items == {rex}
    assert commands.reindex().change == Change.of(flags=[Flag.INDEX])  # search only
    assert commands.import_bundle(Path("b.copdesk")).change == Change.everything()


# -- the hub, with views that count their reloads -------------------------------------


class FakeView:
    def __init__(self, hub: ChangeHub, name: str, interest: Interest, shown: bool = True):
        self.reloads = 0
        self.shown = shown
        hub.watch(name, interest, self.reload, lambda: self.shown)

    def reload(self) -> None:
        self.reloads += 1


@pytest.fixture
def hub(qapp) -> Iterator[ChangeHub]:
    h = ChangeHub()
    yield h
    h.deleteLater()


def test_a_change_reaches_the_views_that_declared_it_and_only_those(qtbot, hub) -> None:
    skills = FakeView(hub, "skills", Interest.of(["person", "skill", "rating"]))
    home = FakeView(hub, "home", Interest.of(["rex", "howto"], [Flag.WRITER]))
    switch = FakeView(hub, "switch", Interest.of(["person"], [Flag.WRITER]))
    with qtbot.waitSignal(hub.flushed) as flushed:
        hub.announce(Change.of(["rating"]))
    assert flushed.args[1] == ["skills"]
    assert (skills.reloads, home.reloads, switch.reloads) == (1, 0, 0)
    with qtbot.waitSignal(hub.flushed) as flushed:
        hub.announce(Change.of(flags=[Flag.WRITER]))
    assert flushed.args[1] == ["home", "switch"]
    assert (skills.reloads, home.reloads, switch.reloads) == (1, 1, 1)


def test_several_changes_in_one_turn_reload_each_view_once(qtbot, hub) -> None:
    skills = FakeView(hub, "skills", Interest.of(["rating", "person"]))
    home = FakeView(hub, "home", Interest.of(["rex"]))
    pending: list[bool] = []
    hub.pending.connect(pending.append)
    with qtbot.waitSignal(hub.flushed) as flushed:
        for change in (Change.of(["rating"]), Change.of(["person"]), Change.of(["rex"])):
            hub.announce(change)
        hub.announce(Change())  # nothing changed: nothing to do
        assert skills.reloads == home.reloads == 0  # not before the next turn
    assert (skills.reloads, home.reloads) == (1, 1)
    assert flushed.args[0].kinds == {"rating", "person", "rex"}
    assert pending == [True, False]
    qtbot.wait(20)  # no second flush comes
    assert (skills.reloads, home.reloads) == (1, 1)


def test_a_hidden_view_is_marked_stale_and_reloads_when_opened(qtbot, hub) -> None:
    risks = FakeView(hub, "risks", Interest.of(["rating"]), shown=False)
    with qtbot.waitSignal(hub.flushed):
        hub.announce(Change.of(["rating"]))
    assert risks.reloads == 0 and hub.stale == {"risks"}
    hub.fresh("risks")  # opened: the router loads it anew
    assert hub.stale == set()
    risks.shown = True
    with qtbot.waitSignal(hub.flushed):
        hub.announce(Change.of(["rating"]))
    assert risks.reloads == 1


def test_a_view_opened_after_a_change_is_not_reloaded_for_it(qtbot, hub) -> None:
    rex = FakeView(hub, "rex", Interest.of(["rex"]))
    with qtbot.waitSignal(hub.flushed) as flushed:
        hub.announce(Change.of(["rex"]))
        hub.fresh("rex")  # opened in the same turn: what it reads already holds the change
    assert flushed.args[1] == [] and rex.reloads == 0
    with qtbot.waitSignal(hub.flushed):
        hub.announce(Change.of(["rex"]))
    assert rex.reloads == 1  # that turn only


# -- in the window -------------------------------------------------------------------


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "skills", remember=False)
    yield w
    w.close()


def test_a_rating_reloads_the_matrix_and_the_profile_only(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = window.matrix_view
    m = view.model.matrix
    row = next(r for r, p in enumerate(m.people) if p["id"] == JULIEN)
    column = next(c for c in range(len(m.skills)) if m.cell(row, c) is None)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        view.table.clicked.emit(view.model.index(row, column))
    announced: list[Change] = []
    window.runner.changed.connect(announced.append)
    with qtbot.waitSignal(window.hub.flushed, timeout=10_000) as flushed:
        view.rate(JULIEN, m.skills[column]["id"], {"level": 2, "interest": None})
    assert sorted(flushed.args[1]) == ["reader", "skills"]  # on screen, and showing ratings
    assert {"risks", "dashboard", "exchange", "search"} <= window.hub.stale  # off screen
    assert not {"home", "network", "conflicts", "people"} & window.hub.stale  # unconcerned
    (change,) = announced
    assert change.kinds == {"rating"} and JULIEN in change.items
    assert change.marker is not None and change.marker > 0  # the workspace's change marker
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    assert view.model.matrix.cell(row, column)["level"] == 2

    risks, reloads = window.risks_view, []
    real = risks.reload
    monkeypatch.setattr(risks, "reload", lambda: (reloads.append(1), real()))
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("risks")  # shown again: loaded fresh, no longer stale
    assert reloads == [1] and "risks" not in window.hub.stale


def test_a_child_process_command_announces_its_change(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    announced: list[Change] = []
    runner.changed.connect(announced.append)
    with qtbot.waitSignal(window.viewLoaded, timeout=60_000):
        assert window.reindex() is not None
        assert window.commands.running == "reindex"
        assert window.operation_bar.cancel_button.isVisible()
    assert announced == [Change.of(flags=[Flag.INDEX])]
    assert window.commands.running is None and not window.operation_bar.isVisible()
