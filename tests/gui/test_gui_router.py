"""The router (every view registered once, opened by name) and the actions registry
(every command named once, one QAction each)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_window

from copdesk.gui.actions import GO, Act
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HUILE_REX = "9b5e3973-3cf6-5799-ba6d-f2915fc9060f"
ARGS = {"item": HUILE_REX, "history": HUILE_REX, "search": "huile"}  # views that need one
SIDEBAR = [
    "home", "communities", "dashboard", "rex", "howto", "people", "skills", "exchange",
    "documents", "risks", "network", "questions",
]  # fmt: skip


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "home", remember=False)
    yield w
    w.close()


def test_every_registered_view_opens_by_name(qtbot, window: MainWindow) -> None:
    routes = window.router.routes
    assert set(SIDEBAR) <= set(routes) and window.router.sidebar_names == SIDEBAR
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels == [routes[name].title for name in SIDEBAR]
    for name, route in routes.items():
        view = f"{name}:{ARGS[name]}" if name in ARGS else name
        with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
            window.show_view(view)
        assert window.banner.text == "", view
        assert window.current_view == view
        if route.widget is not None:
            assert window.center.currentWidget() is route.widget, view
        selected = window.sidebar.currentItem()
        entry = routes["rex"] if name == "item" else route  # an item: the list of its kind
        assert (selected.text() if selected else None) == (entry.title if entry.sidebar else None)
        assert window.detail.isVisible() == route.detail, view


def test_an_unknown_view_is_said_plainly_and_nothing_moves(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("rex")
    window.show_view("nope:x")  # no exception
    assert window.banner.text == "unknown view 'nope:x'"
    assert window.current_view == "rex" and window.center.currentWidget() is window.lists
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):  # still works
        window.show_view("home")


def test_every_command_is_one_action_made_from_the_registry(window: MainWindow) -> None:
    by_name = window.actions_by_name
    assert set(by_name) == {act.value for act in Act}
    for act in Act:
        assert window.registry[act] is by_name[act.value]
        assert window.registry[act].parent() is window
    editing = window.editing  # the toolbar and the Edit menu share the same actions
    assert editing.propose_action is window.registry[Act.PROPOSE]
    assert editing.new_button.defaultAction() is window.registry[Act.NEW]


def test_the_go_menu_opens_its_views(qtbot, window: MainWindow) -> None:
    for act, view in GO.items():
        with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
            window.registry[act].trigger()
        assert window.current_view == view
