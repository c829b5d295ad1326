"""The window on the screens of the shop floor, by keyboard and for screen readers
(issue 15): sizes, panes (one at a time on a narrow window), the filter bar, zoom,
Back/Forward, Tab, accessible names, and the rating, trust, ask and send-back dialogs
driven through their modal paths, keys and clicks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import on_worker, open_window
from PySide6.QtCore import QEvent, QPointF, QRect, Qt, QTimer, QUrl
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QWidget,
)

from copdesk import Workspace
from copdesk.gui import access, frame
from copdesk.gui.exchange.roster import TrustDialog
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.matrix import RATING_ROLE
from copdesk.gui.models import ID_ROLE
from copdesk.gui.rating import RatingDialog
from copdesk.gui.views import zoomed
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

HUILE_REX = "9b5e3973-3cf6-5799-ba6d-f2915fc9060f"
SIDEBAR_VIEWS = ["home", "communities", "dashboard", "rex", "howto", "people", "skills",
                 "exchange", "risks", "network"]  # fmt: skip
VIEWS = [*SIDEBAR_VIEWS, "conflicts", "contributions", "search:huile", f"history:{HUILE_REX}",
         f"item:{HUILE_REX}"]  # fmt: skip


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "home")
    yield w
    w.close()


def show(qtbot, window: MainWindow, view: str) -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.show_view(view)
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)


def on_modal(kind: type, act: Callable[[QDialog], None], timeout_ms: int = 10_000) -> list:
    """Act on the next modal dialog of ``kind`` once it is up (its exec() blocks the
    test's call meanwhile); returns the dialogs seen."""
    seen: list = []
    timer = QTimer()
    timer.setInterval(20)
    waited = [0]

    def poll() -> None:
        waited[0] += 20
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog not in seen:
            seen.append(dialog)
            timer.stop()
            act(dialog)
        elif waited[0] > timeout_ms:
            timer.stop()

    timer.timeout.connect(poll)
    timer.start()
    seen.append(timer)  # kept alive as long as the caller holds the list
    return seen


# -- sizes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("screen", "maximized"),
    [((1024, 768), True), ((1366, 768), True), ((1440, 900), False), ((1920, 1080), False)],
)
def test_the_first_window_fits_the_screen(screen, maximized) -> None:
    available = QRect(0, 0, screen[0], screen[1] - 40)  # a taskbar
    where = frame.placement(available)
    assert where.maximized == maximized
    assert available.contains(where.rect)
    if not maximized:
        assert where.rect.size() == frame.PREFERRED and where.rect.center() == available.center()


def test_a_first_run_window_is_placed_on_its_screen(qtbot, runner: WorkspaceRunner) -> None:
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show_fitted()
    qtbot.waitUntil(lambda: frame.fits(window))  # whatever this screen is
    assert window.statusBar().isVisible()
    window.close()


# 1024x768 at 150 % is 683x512 logical pixels: the window's own size in Qt's units
SCREENS = {"1024x768": (1024, 768), "1024x768@150%": (683, 512)}


@pytest.mark.parametrize("screen", SCREENS)
def test_every_view_at_1024x768_leaves_each_pane_its_minimum(
    qtbot, window: MainWindow, screen: str
) -> None:
    width, height = SCREENS[screen]
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width)
    frame.reset(window.splitter, window.content, window.width())

    def fits() -> bool:  # once the layout has followed the new width
        hint = window.minimumSizeHint()
        return hint.width() <= width and hint.height() <= height

    qtbot.waitUntil(fits)
    for view in VIEWS:
        show(qtbot, window, view)
        sidebar, _ = window.splitter.sizes()
        center, detail = window.content.sizes()
        assert sidebar >= frame.SIDEBAR_MIN, view
        if window.center.isVisible():
            assert center >= frame.CENTER_MIN, view
            page = window.center.currentWidget()  # the view is not cut off on the right
            assert page.minimumSizeHint().width() <= page.width(), (view, page.width())
        if window.detail.isVisible():
            assert detail >= frame.DETAIL_MIN, (view, detail)
        shown = [window.center.isVisible(), window.detail.isVisible()]
        assert any(shown), view
        if window.one_pane.narrow:  # one pane at a time
            assert shown.count(True) == 1, view
        assert window.width() <= width, (view, window.width())  # nothing widened the window
        status = window.statusBar().geometry()
        assert status.bottom() <= window.height() and window.statusBar().isVisible()
    assert window.one_pane.narrow == (screen == "1024x768@150%")


def rows_shown(window: MainWindow) -> None:
    assert window.center.isVisible() and window.table.isVisible()
    assert not window.detail.isVisible() and not window.one_pane.bar.isVisible()


def item_shown(window: MainWindow) -> None:
    assert window.detail.isVisible() and window.one_pane.bar.isVisible()
    assert not window.center.isVisible()
    assert window.content.sizes()[1] >= frame.DETAIL_MIN


def test_a_narrow_window_shows_one_pane_at_a_time_and_switches_back(
    qtbot, window: MainWindow
) -> None:
    window.resize(683, 512)  # 1024x768 at 150 %
    show(qtbot, window, "rex")
    qtbot.waitUntil(lambda: window.current_item is not None, timeout=10_000)
    assert window.one_pane.narrow and window.width() <= 683
    rows_shown(window)  # the first row is followed, the list stays in front
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    first = window.current_item
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        qtbot.keyClick(window.table, Qt.Key.Key_Down)  # browsing the rows…
    assert window.current_item != first
    rows_shown(window)  # …keeps the list in front
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # opening one shows it in its place
    item_shown(window)
    assert window.actions_by_name["actionBack"].isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Back: the list
    rows_shown(window)
    assert window.current_view == "rex"
    rect = window.table.visualRect(window.model.index(3, 0))
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    item_shown(window)
    assert window.current_item == window.table.currentIndex().data(ID_ROLE)
    window.navigation.watch_mouse()
    back = Qt.MouseButton.BackButton
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress, QPointF(300, 300), QPointF(300, 300), back, back,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(window.windowHandle(), press)  # the mouse's back button too
    rows_shown(window)
    assert window.current_view == "rex"
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    item_shown(window)
    qtbot.mouseClick(window.one_pane.back_button, Qt.MouseButton.LeftButton)
    rows_shown(window)
    assert QApplication.focusWidget() is window.table  # the keyboard where it was

    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view("home")
        window.show_item(HUILE_REX)  # a link on a page: the item in its place
    item_shown(window)

    window.resize(1024, 768)  # widened: side by side again, each its minimum
    qtbot.waitUntil(lambda: not window.one_pane.narrow)
    show(qtbot, window, "rex")
    assert window.center.isVisible() and window.detail.isVisible()
    assert not window.one_pane.bar.isVisible()
    center, detail = window.content.sizes()
    assert center >= frame.CENTER_MIN and detail >= frame.DETAIL_MIN
    window.resize(683, 512)  # and narrow again
    qtbot.waitUntil(lambda: window.one_pane.narrow)
    rows_shown(window)


def test_the_filter_bar_wraps_and_its_widgets_never_overlap(qtbot, window: MainWindow) -> None:
    show(qtbot, window, "rex")
    bar = window.filter_bar
    assert len(bar.combos) >= 4
    lines = set()
    for width in (683, 800, 1024, 1366, 1920):
        window.resize(width, 700)
        frame.reset(window.splitter, window.content, window.width())
        qtbot.waitUntil(lambda w=width: window.width() == w)
        QApplication.processEvents()  # the layout follows the new width
        widgets = [w for w in bar.findChildren(QWidget) if w.parent() is bar and w.isVisible()]
        assert bar.text in widgets and bar.count in widgets
        boxes = [w.geometry() for w in widgets]
        for i, box in enumerate(boxes):
            assert bar.rect().contains(box), (width, widgets[i].objectName())
            for j in range(i):
                assert not box.intersects(boxes[j]), (width, widgets[i], widgets[j])
        table = window.table.mapTo(window.lists, window.table.rect().topLeft())
        assert bar.geometry().bottom() < table.y()  # the list starts under the bar
        lines.add(len({b.y() for b in boxes}))
    assert max(lines) > 1 and min(lines) < max(lines)  # narrow, it wraps; wide, fewer lines


def test_a_squeezed_pane_stays_readable_and_the_layout_resets(qtbot, window: MainWindow) -> None:
    show(qtbot, window, "rex")
    qtbot.waitUntil(lambda: window.current_item is not None, timeout=10_000)
    window.content.setSizes([window.content.width(), 0])  # dragged to nothing
    assert window.content.sizes()[1] >= frame.DETAIL_MIN  # cannot collapse
    window.splitter.setSizes([0, window.splitter.width()])
    assert window.splitter.sizes()[0] >= frame.SIDEBAR_MIN
    window.actions_by_name["actionResetLayout"].trigger()
    center, detail = window.content.sizes()
    assert detail == pytest.approx((center + detail) * frame.DETAIL_SHARE, abs=2)


def test_a_remembered_state_from_a_bigger_screen_is_made_sane(
    qtbot, runner: WorkspaceRunner, demo_path: Path
) -> None:
    window = open_window(qtbot, runner, demo_path, "rex")
    window.resize(1900, 1000)
    window.content.setSizes([1500, 300])
    window.close()  # remembered
    again = open_window(qtbot, runner, demo_path, "rex")
    again.resize(1024, 700)
    assert frame.sane(again.splitter, again.content)
    assert again.content.sizes()[1] >= frame.DETAIL_MIN
    again.close()


def test_the_editor_of_a_long_title_fits_and_elides(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    title = "Fuite " + "très longue au raccord du vérin principal de la presse P12 " * 6

    def add(ws: Workspace) -> str:
        with ws.permissions.bypass():
            return ws.items.add("rex", {"title": title.strip()})["id"]

    item = on_worker(qtbot, runner, add)
    editor = window.editing.open_editor("rex", item)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    screen = editor.screen().availableGeometry()
    assert editor.frameGeometry().width() <= screen.width()
    assert editor.frameGeometry().height() <= screen.height()
    assert editor.heading.text() != editor.heading.full_text()  # elided, whole in its tip
    assert editor.heading.text().endswith("…") and title.strip() in editor.heading.toolTip()
    editor.resize(700, 500)  # a small screen: the form scrolls, Save stays in reach
    qtbot.waitUntil(lambda: editor.width() <= 720)
    save = editor.save_button.mapTo(editor, editor.save_button.rect().bottomRight())
    assert editor.rect().contains(save)
    editor.close()


def test_the_editor_on_a_narrow_screen_puts_one_field_to_a_line(qtbot, window: MainWindow) -> None:
    editor = window.editing.new_item("rex")
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    form, scroll = editor.form, editor.scroll

    def sideways() -> bool:  # the form wider than what shows it
        return form.width() > scroll.viewport().width()

    editor.resize(1280, 700)
    qtbot.waitUntil(lambda: not form.single)  # fields side by side
    assert not sideways()
    editor.resize(667, 472)  # 1024x768 at 150 %, its frame and title bar taken off
    qtbot.waitUntil(lambda: form.single)
    qtbot.waitUntil(lambda: not sideways())
    title = form.inputs["title"].widget
    assert title.width() <= scroll.viewport().width()
    editor.resize(1280, 700)  # and back
    qtbot.waitUntil(lambda: not form.single)
    editor.close()


def test_screenshots_at_a_size_scale_and_language(demo_path: Path, tmp_path: Path) -> None:
    """`copdesk gui --screenshot --size --scale --language` (a process of its own: the
    scale is the screen's, set before Qt starts)."""
    import os
    import subprocess
    import sys

    from PySide6.QtGui import QImage

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    shots = [("1366x768", "1.5", "fr"), ("1024x768", "1", "en")]
    for size, scale, lang in shots:
        out = tmp_path / f"{size}-{scale}.png"
        done = subprocess.run(
            [sys.executable, "-m", "copdesk", "--workspace", str(demo_path), "gui",
             "--screenshot", str(out), "--view", "rex", "--size", size, "--scale", scale,
             "--language", lang],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        image = QImage(str(out))
        width, height = (int(x) for x in size.split("x"))
        assert (image.width(), image.height()) == (width, height), size


# -- zoom, Back and Forward -------------------------------------------------------------


def test_zoom_of_the_pane_and_lists_is_remembered(
    qtbot, window: MainWindow, runner, demo_path: Path
) -> None:
    show(qtbot, window, "rex")
    qtbot.waitUntil(lambda: window.current_item is not None, timeout=10_000)
    font, row = (
        window.detail.font().pointSizeF(),
        window.table.verticalHeader().defaultSectionSize(),
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # no Shift
    assert window.zoom.factor == 1.3
    assert window.detail.font().pointSizeF() == pytest.approx(font * 1.3)
    assert window.table.verticalHeader().defaultSectionSize() > row
    first = QTextCursor(window.detail.document().begin()).charFormat().font().pointSizeF()
    assert first == pytest.approx(13.0)  # pages set sizes in points (10pt): they grow too
    assert zoomed("h1 { font-size: 16pt; }", 1.5) == "h1 { font-size: 24.0pt; }"
    window.close()
    again = open_window(qtbot, runner, demo_path, "rex")  # the next start
    assert again.zoom.factor == 1.3
    again.activateWindow()
    qtbot.waitUntil(again.isActiveWindow)
    qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert again.zoom.factor == 1.0 and again.detail.font().pointSizeF() == pytest.approx(font)
    again.close()


def test_back_and_forward_with_keys_and_mouse_buttons(qtbot, window: MainWindow) -> None:
    show(qtbot, window, "rex")
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_item(HUILE_REX)
    show(qtbot, window, "howto")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert (window.current_view, window.current_item) == ("rex", HUILE_REX)
    assert window.actions_by_name["actionForward"].isEnabled()
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        qtbot.keyClick(window, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_view == "howto"

    window.navigation.watch_mouse()
    handle = window.windowHandle()
    for button, view in (
        (Qt.MouseButton.BackButton, "rex"),
        (Qt.MouseButton.ForwardButton, "howto"),
    ):
        event = QMouseEvent(
            QEvent.Type.MouseButtonPress, QPointF(300, 300), QPointF(300, 300), button, button,
            Qt.KeyboardModifier.NoModifier,
        )  # fmt: skip
        with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
            QApplication.sendEvent(handle, event)  # over the list, as a mouse sends it
        assert window.current_view == view
    show(qtbot, window, "people")  # a new place drops the ones ahead
    assert not window.actions_by_name["actionForward"].isEnabled()


# -- keyboard and screen readers ----------------------------------------------------------


def test_tab_reaches_the_filters_the_list_the_reading_pane_and_who_writes(
    qtbot, window: MainWindow
) -> None:
    show(qtbot, window, "rex")
    qtbot.waitUntil(lambda: window.current_item is not None, timeout=10_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_field.setFocus()
    reached: list[QWidget] = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if reached[-1] is window.search_field:
            break
    order = [window.sidebar, window.filter_bar.text, window.table, window.detail,
             window.person_switch]  # fmt: skip
    positions = [reached.index(w) for w in order]  # each one reached…
    assert positions == sorted(positions)  # …in this order
    assert window.filter_bar.combos["status"] in reached  # the filters' menus too
    assert window.focus_ring.isVisible() is False or window.focus_ring.target is not None


def test_a_view_opened_by_its_key_takes_the_keys_down_and_enter_open_an_item(
    qtbot, window: MainWindow
) -> None:
    """Gloves and a keyboard: Alt+3 then Down, Down, Enter reads the third report; the
    keys never stay in the search box the window started in."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.search_field.setFocus()
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.actions_by_name["actionGo_rex"].trigger()
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    assert QApplication.focusWidget() is window.table
    third = window.table.model().index(2, 0).data(ID_ROLE)
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return):
        qtbot.keyClick(window.table, key)
    qtbot.waitUntil(lambda: window.current_item == third, timeout=10_000)
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.actions_by_name["actionGo_home"].trigger()
    assert QApplication.focusWidget() is window.center.currentWidget()  # the home page


def test_every_control_has_a_name_a_screen_reader_can_say(qtbot, window: MainWindow) -> None:
    missing: dict[str, list[str]] = {}
    for view in VIEWS:
        show(qtbot, window, view)
        if unnamed := access.unnamed(window):
            missing[view] = unnamed
    editor = window.editing.new_item("rex")
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    editor.activateWindow()
    access.name_controls(editor)  # what activating it does on a real desktop
    if unnamed := access.unnamed(editor):
        missing["editor"] = unnamed
    dialog = RatingDialog("Julien Martin", "Soudage", None, window)
    access.name_controls(dialog)
    if unnamed := access.unnamed(dialog):
        missing["rating"] = unnamed
    assert missing == {}
    assert access.accessible_name(window.detail) == "Reading pane"
    assert access.accessible_name(window.person_switch).startswith("Writing as")
    editor.close()


def test_the_matrix_is_rated_from_the_keyboard_with_a_confirmation(
    qtbot, window: MainWindow
) -> None:
    show(qtbot, window, "skills")
    view, model = window.matrix_view, window.matrix_view.model
    m = model.matrix
    row, column = next(
        (r, c) for r in range(len(m.people)) for c in range(len(m.skills)) if m.cell(r, c) is None
    )
    view.table.setFocus()
    view.table.setCurrentIndex(model.index(0, 0))
    for _ in range(row):
        qtbot.keyClick(view.table, Qt.Key.Key_Down)
    for _ in range(column):
        qtbot.keyClick(view.table, Qt.Key.Key_Right)
    assert (view.table.currentIndex().row(), view.table.currentIndex().column()) == (row, column)

    def cancel(dialog: QDialog) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    for key in (Qt.Key.Key_F2, Qt.Key.Key_Space):  # each opens the rating dialog
        seen = on_modal(RatingDialog, cancel)
        qtbot.keyClick(view.table, key)  # exec() returns once Escape closed it
        assert isinstance(seen[-1], RatingDialog)

    def rate(dialog: QDialog) -> None:
        assert isinstance(dialog, RatingDialog)
        dialog.level.setFocus()
        qtbot.keyClicks(dialog.level, "3")  # the level by its first character
        dialog.valid_until.set_value("2031-06-30")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # OK is the default button

    seen = on_modal(RatingDialog, rate)
    with qtbot.waitSignal(view.said, timeout=10_000) as said:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert isinstance(seen[-1], RatingDialog)
    assert said.args[0].startswith("Rating recorded:") and "3 — autonomous (U)" in said.args[0]
    qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
    rating = model.index(row, column).data(RATING_ROLE)
    assert rating["level"] == 3 and rating["valid_until"] == "2031-06-30"
    assert window.statusBar().currentMessage() == said.args[0]


def test_trusting_a_site_through_its_dialog(qtbot, window: MainWindow, tmp_path: Path) -> None:
    other = Workspace.create(tmp_path / "nantes", site="Usine de Nantes")
    identity = other.sites.identity()
    other.close()
    show(qtbot, window, "exchange")
    roster = window.exchange_view.roster

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, TrustDialog)
        qtbot.keyClicks(dialog.site_id, identity["site_id"])
        qtbot.keyClicks(dialog.key, identity["key"])
        qtbot.keyClicks(dialog.name, identity["name"])
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    seen = on_modal(TrustDialog, fill)
    qtbot.mouseClick(roster.trust_button, Qt.MouseButton.LeftButton)  # exec()
    assert isinstance(seen[-1], TrustDialog)
    qtbot.waitUntil(
        lambda: any(s["name"] == "Usine de Nantes" for s in roster.sites), timeout=10_000
    )


def test_asking_a_question_from_a_community_page(
    qtbot, window: MainWindow, runner: WorkspaceRunner
) -> None:
    community = on_worker(qtbot, runner, lambda ws: ws.items.list("community")[0]["id"])
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view(f"item:{community}")
    actions = window.community_actions
    window.detail.anchorClicked.emit(QUrl(f"ask:{community}"))  # the page's "Ask" link
    dialog = actions.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.title, "Quel couple pour les brides P12 ?")
    qtbot.keyClicks(dialog.text, "Serrage en croix ?")
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):  # the page, with the question
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: "Quel couple pour les brides P12 ?" in window.detail.toPlainText(), timeout=10_000
    )
