"""People from the window: members and roles (with the last-animator refusal shown),
joining and leaving, and questions asked from anywhere, answered and accepted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import modal, on_worker, open_window
from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QMessageBox, QPushButton

from copdesk.gui.actions import Act
from copdesk.gui.community import TextDialog
from copdesk.gui.dialogs.members import MembersDialog
from copdesk.gui.dialogs.questions import AskDialog
from copdesk.gui.mainwindow import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 10_000
PRESSES = "Maintenance presses & hydraulique"  # Sophie (writing) animates it, alone
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, runner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "communities", remember=False)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()


def show(qtbot, window: MainWindow, item_id: str) -> None:
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.show_view(f"item:{item_id}")
    qtbot.waitUntil(lambda: (window.tasks.items.state or {}).get("id") == item_id, timeout=WAIT)


def roles(qtbot, runner, community: str) -> dict[str, str]:
    return on_worker(
        qtbot, runner, lambda ws: {m["name"]: m["role"] for m in ws.people.members(community)}
    )


def use(qtbot, window: MainWindow, runner, name: str) -> str:
    person = on_worker(qtbot, runner, lambda ws: ws.resolve(name, "person"))
    with qtbot.waitSignal(window.personChanged, timeout=WAIT):
        window.use_person(person)
    return person


def test_members_and_roles_of_a_community_and_the_last_animator_kept(
    qtbot, window: MainWindow, runner
) -> None:
    presses = on_worker(qtbot, runner, lambda ws: ws.resolve(PRESSES, "community"))
    show(qtbot, window, presses)
    assert "Members and roles…" in window.detail.toPlainText()
    window.detail.anchorClicked.emit(QUrl("task:members"))  # the community page's link
    dialog = modal(qtbot, MembersDialog)
    qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=WAIT)
    assert dialog.windowTitle() == f"Members of {PRESSES}"

    dialog.select("Dev Patel")  # a member becomes an expert
    dialog.role.setCurrentIndex(dialog.role.findData("expert"))
    with qtbot.waitSignal(window.hub.flushed, timeout=WAIT):
        qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: roles(qtbot, runner, presses)["Dev Patel"] == "expert")

    dialog.other.setEditText("Claire Petit")  # someone new, as a contributor
    dialog.new_role.setCurrentIndex(dialog.new_role.findData("contributor"))
    with qtbot.waitSignal(window.hub.flushed, timeout=WAIT):
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert roles(qtbot, runner, presses)["Claire Petit"] == "contributor"
    qtbot.waitUntil(lambda: any(r["name"] == "Claire Petit" for r in dialog.data["rows"]))

    dialog.select("Sophie Leroux")  # the only animator: refused, in the core's words
    dialog.role.setCurrentIndex(dialog.role.findData("member"))
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
    assert dialog.message.text() == (
        f"{PRESSES} always keeps one animator: name another animator first"
    )
    assert roles(qtbot, runner, presses)["Sophie Leroux"] == "animator"

    dialog.select("Claire Petit")  # removing asks first
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    box = modal(qtbot, QMessageBox)
    assert box.text() == f"Remove Claire Petit from {PRESSES}?"
    with qtbot.waitSignal(window.hub.flushed, timeout=WAIT):
        box.findChild(QPushButton, "confirmButton").click()
    assert "Claire Petit" not in roles(qtbot, runner, presses)
    dialog.close()


def test_joining_and_leaving_a_community_for_oneself(qtbot, window: MainWindow, runner) -> None:
    presses = on_worker(qtbot, runner, lambda ws: ws.resolve(PRESSES, "community"))
    use(qtbot, window, runner, "Thomas Moreau")  # a member of other communities only
    try:
        show(qtbot, window, presses)
        assert window.registry[Act.JOIN].isEnabled()
        assert not window.registry[Act.LEAVE].isEnabled()
        with qtbot.waitSignal(window.itemShown, timeout=WAIT):
            window.detail.anchorClicked.emit(QUrl("task:join"))
        assert roles(qtbot, runner, presses)["Thomas Moreau"] == "member"
        qtbot.waitUntil(lambda: window.registry[Act.LEAVE].isEnabled(), timeout=WAIT)
        assert "Leave…" in window.detail.toPlainText()
        window.registry[Act.LEAVE].trigger()
        box = modal(qtbot, QMessageBox)
        with qtbot.waitSignal(window.itemShown, timeout=WAIT):
            box.findChild(QPushButton, "confirmButton").click()
        assert "Thomas Moreau" not in roles(qtbot, runner, presses)
    finally:
        use(qtbot, window, runner, "Sophie Leroux")


def test_ask_from_anywhere_sees_answered_questions_then_answer_and_accept(
    qtbot, window: MainWindow, runner
) -> None:
    answered = on_worker(
        qtbot, runner, lambda ws: next(q for q in ws.qa.questions() if q["accepted"])
    )
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.show_view("questions")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Q, CTRL_SHIFT)
    dialog = modal(qtbot, AskDialog)
    assert dialog.community.currentData() == ""  # the whole site, from the Questions list
    with qtbot.waitSignal(dialog.similar.shown, timeout=WAIT):
        dialog.title.setText(answered["title"].rstrip(" ?"))  # as if typed again
    assert answered["title"] in dialog.similar.titles()  # already answered: seen first

    dialog.title.setText("Which torque for the P12 press flange bolts?")
    dialog.community.setCurrentIndex(dialog.community.findText(PRESSES))
    dialog.tags.setText("brides, couple")
    with qtbot.waitSignal(window.itemShown, timeout=WAIT) as shown:
        dialog.accept()
    question = on_worker(qtbot, runner, lambda ws: ws.items.get(shown.args[0]))
    assert question["kind"] == "question" and question["community_name"] == PRESSES
    assert question["tags"] == ["brides", "couple"]
    assert "Answers (0)" in window.detail.toPlainText()

    window.detail.anchorClicked.emit(QUrl(f"answer:{question['id']}"))
    answer = window.community_actions.dialog
    assert isinstance(answer, TextDialog)
    answer.text.setPlainText("120 N.m in a cross pattern, three passes.")
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        answer.buttons.button(answer.buttons.StandardButton.Ok).click()
    assert "Answers (1)" in window.detail.toPlainText()
    assert "Accept" in window.detail.toPlainText()  # Sophie asked: she may accept
    [given] = on_worker(qtbot, runner, lambda ws: ws.qa.answers_of(question["id"]))
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.detail.anchorClicked.emit(QUrl(f"accept:{question['id']}/{given['id']}"))
    assert on_worker(qtbot, runner, lambda ws: ws.items.get(question["id"]))["accepted"]
    assert "✔ accepted" in window.detail.toPlainText()
    with qtbot.waitSignal(window.itemShown, timeout=WAIT) as shown:  # into a report
        window.detail.anchorClicked.emit(QUrl(f"promote-rex:{given['id']}"))
    report = on_worker(qtbot, runner, lambda ws: ws.items.get(shown.args[0]))
    assert report["kind"] == "rex" and "three passes" in report["lessons"]
