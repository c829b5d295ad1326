"""Editors and the validation workflow, driven for real (offscreen) on a demo workspace."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import on_worker, open_window
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
)

from copdesk.gui.editor import EditorWindow
from copdesk.gui.forms import ItemForm
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PRESSES = "Maintenance presses & hydraulique"  # a demo community
Answer = QMessageBox.StandardButton


REAL_PROMPT = EditorWindow._ask_unsaved


@pytest.fixture(autouse=True)
def _no_modal_prompt(monkeypatch: pytest.MonkeyPatch) -> None:
    """A forgotten prompt would block the run: editors discard unless a test says otherwise."""
    monkeypatch.setattr(EditorWindow, "_ask_unsaved", lambda self: Answer.Discard)


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "rex")
    yield w
    w.close()


def open_editor(qtbot, window: MainWindow, kind: str, item_id: str | None = None) -> EditorWindow:
    editor = window.editing.open_editor(kind, item_id)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    return editor


def drop(editor: EditorWindow, *paths: Path) -> None:
    """Drag files over the editor and drop them (the handlers Qt calls for a real drop)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    copy, left, none = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    try:
        enter = QDragEnterEvent(QPointF(20, 20), copy, mime, left, none)
    except TypeError:  # PySide6 before 6.12 takes a QPoint (deprecated since)
        enter = QDragEnterEvent(QPoint(20, 20), copy, mime, left, none)
    editor.dragEnterEvent(enter)
    assert enter.isAccepted()
    dropped = QDropEvent(QPointF(20, 20), copy, mime, left, none)
    editor.dropEvent(dropped)
    assert dropped.isAccepted()


def test_new_report_checked_filled_attached_saved(
    qtbot, window: MainWindow, runner, tmp_path: Path, monkeypatch
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.editing.editors["new-rex"]
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    form = editor.form
    assert form is not None
    assert editor.heading.text() == "New: Experience report"

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # nothing typed
    assert editor.message.text == "One field needs attention before saving."
    assert form.problem_text("title") == "Required: please fill this in."
    assert not editor.saving

    qtbot.keyClicks(form.widget("title"), "Fuite d'huile sur la presse 3")
    form.inputs["community"].widget.setEditText(PRESSES)
    form.inputs["occurred_on"].widget.set_value("2026-03-14")  # a date picker (see test_gui_frame)

    # named in the interface's language; its text in the item's (French)
    editor.template.setCurrentIndex(editor.template.findText("Near miss"))
    assert "**Où et quand :**" in form.values()["facts"]
    assert form.values()["outcome"] == "near_miss"
    qtbot.waitUntil(lambda: "Où et quand" in editor.preview.toPlainText())  # live preview
    assert "Fuite d'huile sur la presse 3" in editor.preview.toPlainText()

    photo, sheet = tmp_path / "fuite.png", tmp_path / "gamme.pdf"
    image = QImage(32, 24, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.darkYellow)
    assert image.save(str(photo), "PNG")
    sheet.write_bytes(b"%PDF-1.4 sheet")
    drop(editor, photo)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(sheet)], ""))
    qtbot.mouseClick(editor.files.attach_button, Qt.MouseButton.LeftButton)
    assert editor.pending == [str(photo), str(sheet)]
    assert editor.files.list.count() == 2

    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    item_id = saved.args[0]
    assert not editor.dirty and editor.pending == []
    item = on_worker(qtbot, runner, lambda ws: ws.items.get(item_id))
    assert item["title"] == "Fuite d'huile sur la presse 3"
    assert item["community_name"] == PRESSES
    assert (item["status"], item["outcome"], item["occurred_on"]) == (
        "draft",
        "near_miss",
        "2026-03-14",
    )
    assert sorted(a["name"] for a in item["attachments"]) == ["fuite.png", "gamme.pdf"]
    qtbot.waitUntil(lambda: window.model.row_of(item_id) is not None, timeout=10_000)  # listed
    qtbot.waitUntil(lambda: window.current_item == item_id, timeout=10_000)  # and shown
    assert window.editing.editors[item_id] is editor  # now the editor of that item


def test_edit_then_propose_validate_and_send_back(qtbot, window: MainWindow, runner) -> None:
    item = on_worker(
        qtbot, runner, lambda ws: ws.items.add("rex", {"title": "Capteur de pression HS"})
    )
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view(f"item:{item['id']}")
    actions = window.editing
    qtbot.waitUntil(lambda: (actions.state or {}).get("id") == item["id"], timeout=10_000)
    assert actions.propose_action.isEnabled() and not actions.validate_action.isEnabled()

    actions.edit_action.trigger()
    editor = actions.editors[item["id"]]
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    assert editor.form is not None and editor.template.isHidden()  # templates: new items only
    editor.form.inputs["summary"].set_value("Capteur remplacé, **calibrage** refait.")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    history = on_worker(qtbot, runner, lambda ws: ws.items.history(item["id"]))
    assert [h["changed"] for h in history][1] == ["summary"]  # only what was changed
    editor.close()
    assert item["id"] not in actions.editors

    def status() -> str:
        return on_worker(qtbot, runner, lambda ws: ws.items.get(item["id"])["status"])

    qtbot.waitUntil(lambda: (actions.state or {}).get("id") == item["id"], timeout=10_000)
    actions.propose_action.trigger()
    qtbot.waitUntil(lambda: actions.validate_action.isEnabled(), timeout=10_000)
    assert status() == "proposed"
    actions.validate_action.trigger()
    qtbot.waitUntil(lambda: (actions.state or {}).get("status") == "validated", timeout=10_000)
    assert status() == "validated"

    actions.ask_comment = lambda missing=False: None  # cancelled: nothing happens
    actions.send_back()
    actions.ask_comment = lambda missing=False: "Préciser la référence du capteur."
    actions.send_back_action.trigger()
    qtbot.waitUntil(lambda: (actions.state or {}).get("status") == "draft", timeout=10_000)
    comments = on_worker(qtbot, runner, lambda ws: ws.items.get(item["id"])["comments"])
    assert [c["body"] for c in comments] == ["Préciser la référence du capteur."]


def test_closing_with_changes_asks_save_discard_cancel(qtbot, window: MainWindow, runner) -> None:
    editor = open_editor(qtbot, window, "howto")
    assert editor.form is not None
    editor.form.inputs["title"].set_value("Changer un flexible hydraulique")
    assert editor.dirty and editor.windowTitle().startswith("New: Know-how sheet *")

    def answer_cancel() -> None:  # the real dialog: find it and press Cancel
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            box.button(Answer.Cancel).click()
        else:
            QTimer.singleShot(10, answer_cancel)

    editor.ask_unsaved = lambda: REAL_PROMPT(editor)
    QTimer.singleShot(0, answer_cancel)
    assert not editor.close()
    assert editor.isVisible()

    editor.ask_unsaved = lambda: Answer.Save  # Save: saved first, then closed
    with qtbot.waitSignal(editor.closed, timeout=10_000):
        assert not editor.close()  # closes once the worker has saved
    titles = on_worker(qtbot, runner, lambda ws: [r["title"] for r in ws.items.list("howto")])
    assert "Changer un flexible hydraulique" in titles


def test_an_autosaved_draft_is_offered_back(
    qtbot, window: MainWindow, demo_path: Path, tmp_path: Path
) -> None:
    editor = open_editor(qtbot, window, "rex")
    editor._autosave_timer.setInterval(20)
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"jpeg")
    assert editor.form is not None
    with qtbot.waitSignal(editor.draftSaved, timeout=10_000) as written:
        qtbot.keyClicks(editor.form.widget("title"), "Bruit sur le compresseur")
        editor.add_files([str(photo)])
    assert Path(written.args[0]) == demo_path / "drafts" / "new-rex.json"

    window.editing.editors.pop("new-rex")  # the PC is switched off: no prompt, no save
    editor._gone = True
    editor.hide()
    again = open_editor(qtbot, window, "rex")
    assert "was not saved. Restore it?" in again.message.text
    restore = next(b for b in again.message.findChildren(QPushButton) if b.text() == "Restore")
    restore.click()
    assert again.form is not None
    assert again.form.values()["title"] == "Bruit sur le compresseur"
    assert again.pending == [str(photo)]

    again.ask_unsaved = lambda: Answer.Cancel  # the window waits for the editor
    assert not window.close()
    again.ask_unsaved = lambda: Answer.Discard
    with qtbot.waitSignal(again.closed, timeout=10_000):
        assert window.close()
    window.runner.stop()  # the queued draft removal is done before the worker ends
    assert not (demo_path / "drafts" / "new-rex.json").exists()


def test_an_error_from_the_workspace_is_shown_at_its_field(qtbot, window: MainWindow, runner):
    team = on_worker(
        qtbot,
        runner,
        lambda ws: ws.items.add("community", {"name": "Équipe éphémère", "form": "project"}),
    )
    editor = open_editor(qtbot, window, "rex")
    assert editor.form is not None
    editor.form.inputs["title"].set_value("Essai")
    editor.form.inputs["community"].widget.setEditText("Équipe éphémère")
    on_worker(qtbot, runner, lambda ws: ws.items.delete(team["id"]))  # deleted while typing
    assert editor.save()  # the form sees nothing wrong: the core does
    qtbot.waitUntil(lambda: not editor.saving, timeout=10_000)
    assert "is deleted" in editor.message.text
    assert "is deleted" in editor.form.problem_text("community")
    assert editor.dirty  # the text is still there to fix and save


@pytest.mark.parametrize("kind", ["rex", "howto", "community", "person", "skill"])
def test_forms_follow_the_model_in_the_interface_language(qtbot, kind: str) -> None:
    form = ItemForm(kind, {"community": [("c1", "Presses")], "person": [("p1", "Ana")]})
    qtbot.addWidget(form)
    assert "status" not in form.inputs  # changed by the validation actions
    values = form.values()
    assert all(v in ("", [], None) or k in ("visibility", "stage") for k, v in values.items())
    if kind == "howto":
        form.inputs["holders"].set_value(["p1"])
        assert form.values()["holders"] == ["p1"]
        assert form.inputs["holders"].line.text() == "Ana"
        form.inputs["holders"].line.setText("Ana, Zoé")
        assert form.inputs["holders"].problem() == "Unknown name: Zoé"


def test_labels_and_choices_in_french(qtbot) -> None:
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    try:
        form = ItemForm("community")
        qtbot.addWidget(form)
        labels = [label.text() for label in form.findChildren(QLabel)]
        forms = form.inputs["form"].widget
        assert isinstance(forms, QComboBox)
        choices = [forms.itemText(i) for i in range(forms.count())]
    finally:
        QLocale.setDefault(saved)
    assert '<b>Nom</b> <span style="color:#c0392b">*</span>' in labels  # required: marked
    assert "<b>Étape</b>" in labels
    assert choices == ["—", "Métier / thématique", "Innovation / progrès", "Projet"]
