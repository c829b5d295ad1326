"""The tasks on an item, driven as a user would in the real window (offscreen): delete
and restore, comment, links, marks, a file replaced, send back with a required comment, validate
again, mark obsolete, and a refusal of the core said in its own words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import modal, on_worker, open_window
from PySide6.QtCore import QDate, QLocale, QPoint, Qt, QTimer, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QPushButton

from copdesk.gui.actions import Act
from copdesk.gui.dialogs.common import TextPrompt
from copdesk.gui.dialogs.files import ReplaceFileDialog
from copdesk.gui.dialogs.links import LinkDialog
from copdesk.gui.dialogs.marks import MarkDialog
from copdesk.gui.mainwindow import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 10_000
PRESSES = "Maintenance presses & hydraulique"  # Sophie (writing) animates it
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot, runner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "rex", remember=False)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()


def add(qtbot, runner, kind: str = "rex", **fields: Any) -> dict[str, Any]:
    def job(ws):
        community = ws.resolve(PRESSES, "community")
        return ws.items.add(kind, {"community": community, **fields})

    return on_worker(qtbot, runner, job)


def show(qtbot, window: MainWindow, item_id: str) -> dict[str, Any]:
    """Open the item as a click in its list would, and wait until its actions follow it."""
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.show_view(f"item:{item_id}")
    qtbot.waitUntil(lambda: (window.tasks.items.state or {}).get("id") == item_id, timeout=WAIT)
    return window.tasks.items.state


def press(qtbot, window: MainWindow, key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier, on=None):
    """A key pressed in the window (made active again: a closed dialog may have left it)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(on or window, key, mods)


def act(window: MainWindow, name: Act):
    return window.registry[name]


def confirm_button(box: QMessageBox) -> QPushButton:
    """The action button of a confirmation (Delete, Remove…), not Cancel."""
    return box.findChild(QPushButton, "confirmButton")


def get(qtbot, runner, item_id: str) -> dict[str, Any]:
    return on_worker(qtbot, runner, lambda ws: ws.items.get(item_id))


def test_delete_with_confirmation_then_list_deleted_and_restore_from_history(
    qtbot, window: MainWindow, runner
) -> None:
    item = add(qtbot, runner, title="Flexible percé sur la presse P3", status="validated")
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.show_view("rex")
    qtbot.waitUntil(lambda: window.model.row_of(item["id"]) is not None, timeout=WAIT)
    show(qtbot, window, item["id"])
    window.table.setFocus()

    # Delete key: a confirmation; Cancel keeps the item
    press(qtbot, window, Qt.Key.Key_Delete, on=window.table)
    box = modal(qtbot, QMessageBox)
    assert "Flexible percé sur la presse P3" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert get(qtbot, runner, item["id"])["title"]  # still there (a deleted one raises)

    press(qtbot, window, Qt.Key.Key_Delete, on=window.table)
    box = modal(qtbot, QMessageBox)
    with qtbot.waitSignal(window.hub.flushed, timeout=WAIT):
        confirm_button(box).click()
    qtbot.waitUntil(lambda: window.model.row_of(item["id"]) is None, timeout=WAIT)  # gone
    assert "Deleted" in window.statusBar().currentMessage()
    deleted = on_worker(
        qtbot, runner, lambda ws: [r["id"] for r in ws.items.list("rex", deleted=True)]
    )
    assert item["id"] in deleted

    # View ▸ Show deleted items (Ctrl+Shift+D) lists it; its page leads to its history
    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)
    assert act(window, Act.SHOW_DELETED).isChecked()
    qtbot.waitUntil(lambda: window.model.row_of(item["id"]) is not None, timeout=WAIT)
    assert window.model.rowCount() == len(deleted)
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.table.selectRow(window.model.row_of(item["id"]))
    assert "Deleted on" in window.detail.toPlainText()
    qtbot.waitUntil(lambda: (window.tasks.items.state or {}).get("deleted"), timeout=WAIT)
    assert not act(window, Act.COMMENT).isEnabled()  # nothing to comment on: it is deleted
    assert not act(window, Act.DELETE).isEnabled() and act(window, Act.HISTORY).isEnabled()
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.detail.anchorClicked.emit(QUrl(f"history:{item['id']}"))
    view = window.history_view
    assert window.current_view == f"history:{item['id']}"
    assert view.list.topLevelItemCount() == 2  # created, deleted
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        view.list.setCurrentItem(view.list.topLevelItem(1))  # the version before deletion

    def yes() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(10, yes)

    QTimer.singleShot(0, yes)
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        view.restore_button.click()
    assert get(qtbot, runner, item["id"])["title"] == "Flexible percé sur la presse P3"
    press(qtbot, window, Qt.Key.Key_D, CTRL_SHIFT)  # back to the current items
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.show_view("rex")
    qtbot.waitUntil(lambda: window.model.row_of(item["id"]) is not None, timeout=WAIT)


def test_a_comment_is_added_from_the_reading_pane_and_an_empty_one_is_refused(
    qtbot, window: MainWindow, runner
) -> None:
    item = add(qtbot, runner, title="Capteur de fin de course déréglé")
    show(qtbot, window, item["id"])
    assert "Add a comment…" in window.detail.toPlainText()
    press(qtbot, window, Qt.Key.Key_M, CTRL_SHIFT)
    prompt = modal(qtbot, TextPrompt)
    qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)  # nothing written
    assert prompt.isVisible() and prompt.message.isVisible()
    assert "empty one is not added" in prompt.message.text()
    qtbot.keyClicks(prompt.text, "Verifie sur la P3 : came usee.")  # QTest types ASCII only
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):  # the pane reloads with it
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    comments = get(qtbot, runner, item["id"])["comments"]
    assert [c["body"] for c in comments] == ["Verifie sur la P3 : came usee."]
    assert comments[0]["author_name"] == "Sophie Leroux"
    assert "Comments (1)" in window.detail.toPlainText()
    assert "came usee" in window.detail.toPlainText()


def test_a_link_is_made_by_searching_its_target_then_removed(
    qtbot, window: MainWindow, runner
) -> None:
    source = add(qtbot, runner, title="Joint de vérin remplacé trop tôt")
    target = add(qtbot, runner, "howto", title="Remplacer un joint de vérin hydraulique")
    show(qtbot, window, source["id"])
    press(qtbot, window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialog = modal(qtbot, LinkDialog)
    assert dialog.current.item(0).text() == "No link yet." and not dialog.link_button.isEnabled()
    qtbot.keyClicks(dialog.query, "remplacer joint verin")  # accents are forgiven
    qtbot.waitUntil(lambda: dialog.targets.count() > 0, timeout=WAIT)  # found as one types
    titles = [dialog.targets.item(i).text() for i in range(dialog.targets.count())]
    assert not any(t.startswith("Joint de vérin remplacé trop tôt") for t in titles)  # itself
    row = next(i for i, t in enumerate(titles) if t.startswith(target["title"]))
    dialog.targets.setCurrentRow(row)
    dialog.type.setCurrentIndex(dialog.type.findData("applies"))
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        qtbot.mouseClick(dialog.link_button, Qt.MouseButton.LeftButton)
    links = get(qtbot, runner, source["id"])["links"]
    assert [(link["item"], link["type"]) for link in links] == [(target["id"], "applies")]
    assert target["title"] in window.detail.toPlainText()  # the pane shows it
    qtbot.waitUntil(lambda: dialog.current.count() == 1 and "→" in dialog.current.item(0).text())
    dialog.current.setCurrentRow(0)
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert get(qtbot, runner, source["id"])["links"] == []
    assert get(qtbot, runner, target["id"])["backlinks"] == []
    dialog.close()


def test_helped_and_applied_marks_with_a_note_are_shown_on_the_item(
    qtbot, window: MainWindow, runner
) -> None:
    item = add(qtbot, runner, title="Purge d'air du circuit après intervention", status="validated")
    show(qtbot, window, item["id"])
    window.detail.anchorClicked.emit(QUrl("task:applied"))  # the pane's link
    dialog = modal(qtbot, MarkDialog)
    assert dialog.applied.isChecked()
    qtbot.keyClicks(dialog.note, "sur la presse P7")
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        dialog.accept()
    press(qtbot, window, Qt.Key.Key_H, CTRL_SHIFT)  # This helped me
    dialog = modal(qtbot, MarkDialog)
    assert dialog.helped.isChecked()
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        dialog.accept()
    marks = on_worker(qtbot, runner, lambda ws: ws.qa.marks_of(item["id"]))
    assert sorted((m["type"], m.get("note")) for m in marks) == [
        ("applied", "sur la presse P7"),
        ("helped", None),
    ]
    text = window.detail.toPlainText()
    assert "Reuse (2)" in text and "« sur la presse P7 »" in text
    assert "Applied here — Sophie Leroux" in text


def test_send_back_needs_a_comment_an_empty_one_is_refused_not_dropped(
    qtbot, window: MainWindow, runner
) -> None:
    item = add(qtbot, runner, title="Graissage des colonnes de guidage", status="proposed")
    show(qtbot, window, item["id"])
    qtbot.waitUntil(lambda: (window.editing.state or {}).get("id") == item["id"], timeout=WAIT)
    act(window, Act.SEND_BACK).trigger()
    prompt = modal(qtbot, TextPrompt)
    qtbot.keyClicks(prompt.text, "   ")  # only spaces: nothing said
    qtbot.keyClick(prompt.text, Qt.Key.Key_Tab)
    qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    assert prompt.isVisible() and "A comment is required" in prompt.message.text()
    assert get(qtbot, runner, item["id"])["status"] == "proposed"  # not sent back
    prompt.text.setPlainText("Préciser la graisse (référence et quantité).")
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    item = get(qtbot, runner, item["id"])
    assert item["status"] == "draft"
    assert [c["body"] for c in item["comments"]] == ["Préciser la graisse (référence et quantité)."]


def test_validated_then_changed_shows_changed_since_and_validate_again(
    qtbot, window: MainWindow, runner
) -> None:
    item = add(qtbot, runner, title="Contrôle du couple des brides", status="validated")
    state = show(qtbot, window, item["id"])
    assert state["signoff"]["version"] == 1 and not state["signoff"]["changed_since"]
    text = window.detail.toPlainText()
    assert "validated version 1 by Sophie Leroux on" in text and "changed since" not in text
    on = QLocale().toString(QDate.fromString(state["signoff"]["on"][:10], "yyyy-MM-dd"),
                            QLocale.FormatType.ShortFormat)  # fmt: skip
    assert f"by Sophie Leroux on {on}" in text  # the reader's date, as "created" is
    assert not act(window, Act.VALIDATE_AGAIN).isEnabled()

    with qtbot.waitSignal(window.itemShown, timeout=WAIT):  # changed after its validation
        window.tasks.loads.perform(lambda ws: _edit(ws, item["id"], {"lessons": "120 N·m"}))
    qtbot.waitUntil(lambda: act(window, Act.VALIDATE_AGAIN).isEnabled(), timeout=WAIT)
    assert "validated version 1 by Sophie Leroux" in window.detail.toPlainText()
    assert "— changed since · Validate again" in window.detail.toPlainText()

    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.detail.anchorClicked.emit(QUrl("task:validate-again"))  # the pane's link
    signed = get(qtbot, runner, item["id"])["signoff"]
    assert signed["version"] == 2 and not signed["changed_since"]
    qtbot.waitUntil(lambda: not act(window, Act.VALIDATE_AGAIN).isEnabled(), timeout=WAIT)
    assert "validated version 2" in window.detail.toPlainText()


def _edit(ws, item_id: str, changes: dict[str, Any]):
    from copdesk.gui.change import Change, Outcome

    item = ws.items.edit(item_id, changes)
    return Outcome(item, Change.of([item["kind"]], [item_id]))


def test_mark_obsolete_asks_why_and_keeps_the_reason(qtbot, window: MainWindow, runner) -> None:
    item = add(qtbot, runner, title="Ancienne gamme de changement d'outil", status="validated")
    show(qtbot, window, item["id"])
    act(window, Act.OBSOLETE).trigger()
    prompt = modal(qtbot, TextPrompt)
    assert prompt.ok_button.text() == "Mark obsolete"
    qtbot.keyClicks(prompt.text, "Remplacee par la gamme SMED 2026.")
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        qtbot.mouseClick(prompt.ok_button, Qt.MouseButton.LeftButton)
    item = get(qtbot, runner, item["id"])
    assert item["status"] == "obsolete"
    assert [c["body"] for c in item["comments"]] == ["Remplacee par la gamme SMED 2026."]
    qtbot.waitUntil(lambda: not act(window, Act.OBSOLETE).isEnabled(), timeout=WAIT)


def test_a_refusal_says_who_may_in_the_tooltip_and_in_the_banner(
    qtbot, window: MainWindow, runner
) -> None:
    """Claire Petit is no member of Maintenance presses: she may comment, not delete."""
    item = add(qtbot, runner, title="Bruit au démarrage de la centrale", status="validated")
    claire = on_worker(qtbot, runner, lambda ws: ws.resolve("Claire Petit", "person"))
    with qtbot.waitSignal(window.personChanged, timeout=WAIT):
        window.use_person(claire)
    show(qtbot, window, item["id"])
    delete = act(window, Act.DELETE)
    qtbot.waitUntil(lambda: "only an animator" in delete.toolTip(), timeout=WAIT)
    assert delete.isEnabled()  # enabled: trying says it again, in the banner
    assert "Claire Petit is not a member of" in delete.toolTip()
    window.tasks.items.delete()
    box = modal(qtbot, QMessageBox)
    with qtbot.waitSignal(window.loads.failed, timeout=WAIT) as refused:
        confirm_button(box).click()
    assert type(refused.args[0]).__name__ == "NotAllowed"
    assert window.banner.text.startswith(
        "only an animator of Maintenance presses & hydraulique or a site administrator may "
        "delete it; Claire Petit is not a member of"
    )
    assert get(qtbot, runner, item["id"])["title"]  # still there
    sophie = on_worker(qtbot, runner, lambda ws: ws.resolve("Sophie Leroux", "person"))
    with qtbot.waitSignal(window.personChanged, timeout=WAIT):
        window.use_person(sophie)


@pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise", "grabbing the keyboard")
def test_the_items_actions_are_in_the_context_menus_of_the_list_and_the_pane(
    qtbot, window: MainWindow, runner
) -> None:
    first = add(qtbot, runner, title="Presse P5 : fuite au raccord tournant")
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.show_view("rex")
    qtbot.waitUntil(lambda: window.model.row_of(first["id"]) is not None, timeout=WAIT)
    row = window.model.row_of(first["id"])
    window.table.scrollTo(window.model.index(row, 0))
    where = window.table.visualRect(window.model.index(row, 0)).center()
    window.table.customContextMenuRequested.emit(where)  # a right-click on the row
    qtbot.waitUntil(lambda: window.tasks.menu is not None and window.tasks.menu.isVisible())
    assert window.current_item == first["id"]  # the row's item is the one acted on
    menu: QMenu = window.tasks.menu
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["Edit", "&Comment…", "This &helped me…"]
    assert "&Delete…" in texts and "Validate &again" not in texts  # not validated
    menu.close()
    window.detail.customContextMenuRequested.emit(QPoint(20, 20))
    qtbot.waitUntil(lambda: window.tasks.menu is not menu and window.tasks.menu.isVisible())
    pane = [a.text() for a in window.tasks.menu.actions()]
    assert "&Comment…" in pane and any("Copy" in t for t in pane)  # and the text's own
    window.tasks.menu.close()


def test_files_are_attached_to_the_item_shown(
    qtbot, window: MainWindow, runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = add(qtbot, runner, title="Raccord fissuré sur la presse P2")
    photo = tmp_path / "raccord.txt"
    photo.write_text("photo du raccord", "utf-8")
    show(qtbot, window, item["id"])
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(photo)], ""))
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        act(window, Act.ATTACH).trigger()  # Item ▸ Attach a file…
    attached = get(qtbot, runner, item["id"])["attachments"]
    assert [a["name"] for a in attached] == ["raccord.txt"]
    assert "raccord.txt" in window.detail.toPlainText()


def test_a_file_is_replaced_by_a_new_version_the_old_one_kept(
    qtbot, window: MainWindow, runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = tmp_path / "gamme-P3.txt"
    old.write_text("Serrer les brides a 90 N.m.", "utf-8")
    new = tmp_path / "gamme-P3-revC.txt"
    new.write_text("Serrer les brides a 120 N.m, en croix.", "utf-8")
    report = add(qtbot, runner, title="Brides desserrées sur la presse P3")
    show(qtbot, window, report["id"])
    qtbot.waitUntil(lambda: not act(window, Act.REPLACE_FILE).isEnabled(), timeout=WAIT)  # no file
    doc = on_worker(
        qtbot, runner, lambda ws: ws.documents.add([old], {"title": "Gamme de serrage P3"})
    )
    show(qtbot, window, doc["id"])
    qtbot.waitUntil(lambda: act(window, Act.REPLACE_FILE).isEnabled(), timeout=WAIT)
    picked: list[str] = []

    def pick(*args: Any, **kwargs: Any) -> tuple[str, str]:
        return (picked[0], "") if picked else ("", "")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    act(window, Act.REPLACE_FILE).trigger()  # Item ▸ Replace a file…
    dialog = modal(qtbot, ReplaceFileDialog)
    assert dialog.files.count() == 1 and dialog.files.currentItem().text() == "gamme-P3.txt"
    qtbot.keyClicks(dialog.version, "rev. C")
    dialog.accept()  # the picker cancelled: the dialog stays, nothing written
    assert dialog.isVisible()
    picked.append(str(new))
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):  # the pane reloads with it
        dialog.accept()
    assert "gamme-P3-revC.txt" in window.statusBar().currentMessage()
    files = on_worker(qtbot, runner, lambda ws: ws.documents.files(doc["id"]))
    assert [f["name"] for f in files] == ["gamme-P3-revC.txt"]
    versions = on_worker(qtbot, runner, lambda ws: ws.documents.versions(doc["id"]))
    assert [v["name"] for v in versions] == ["gamme-P3.txt", "gamme-P3-revC.txt"]  # kept
    assert get(qtbot, runner, doc["id"])["version"] == "rev. C"
