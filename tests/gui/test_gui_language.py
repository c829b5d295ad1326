"""The whole window in the chosen language, switched without a restart (issue 15).

A French window showed English: the reading pane in the workspace's language, codes
instead of words, English refusals. These tests switch the language as a user does
(Settings, the combo box, OK) and walk every view of the demo in French, failing on
any English text of the interface's two catalogues (the .ts's sources and the
message catalogue's English) that shows.
"""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtCore import QAbstractListModel, QLocale, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

from copdesk import messages
from copdesk.errors import NotAllowed
from copdesk.gui import language
from copdesk.gui.editor import Decision
from copdesk.gui.language import SettingsDialog
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TS = Path(__file__).resolve().parents[2] / "copdesk" / "gui" / "i18n" / "copdesk_fr.ts"
JULIEN = "cdaa9003-cc9f-5b25-9114-05118a1718a4"
HUILE_REX = "9b5e3973-3cf6-5799-ba6d-f2915fc9060f"  # a demo report with lessons


@pytest.fixture
def back_to_english(qapp: QApplication) -> Iterator[None]:
    locale = QLocale()
    yield
    language.install(qapp, "en")
    QLocale.setDefault(locale)


# -- switching without a restart ------------------------------------------------------


def choose_language(qtbot, window: MainWindow, choice: str) -> MainWindow:
    """Settings (Ctrl+,), the language combo box, OK: the window built in that language."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData(choice))
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.replaced, timeout=10_000) as replaced:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    new = replaced.args[0]
    qtbot.addWidget(new)
    qtbot.waitUntil(lambda: not new.loading, timeout=20_000)
    return new


def test_switching_language_applies_at_once_and_keeps_what_was_read(
    qtbot, runner: WorkspaceRunner, demo_path: Path, back_to_english
) -> None:
    window = open_window(qtbot, runner, demo_path, "rex")
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_item(HUILE_REX)
    window.zoom.zoom_in()
    size, item = window.size(), window.current_item
    assert "Lessons learned" in window.detail.toPlainText()

    window = choose_language(qtbot, window, "fr")  # the old window goes; no restart
    assert language.chosen() == "fr"
    assert window.sidebar.item(0).text() == "Accueil"
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&Fichier", "É&dition"]
    assert window.model.headerData(0, Qt.Orientation.Horizontal) == "Titre"
    assert window.current_view == "rex" and window.current_item == item == HUILE_REX
    qtbot.waitUntil(lambda: "Enseignements" in window.detail.toPlainText(), timeout=10_000)
    assert "Lessons learned" not in window.detail.toPlainText()
    assert window.size() == size and window.zoom.factor > 1
    assert window.person_switch.currentText().startswith("Écrit en tant que")
    with qtbot.waitSignal(window.itemShown, timeout=10_000):  # the history came along
        window.navigation.back()
    assert window.current_view == "rex" and window.current_item != HUILE_REX

    window = choose_language(qtbot, window, "en")
    assert window.sidebar.item(0).text() == "Home"
    qtbot.waitUntil(lambda: "Status" in window.detail.toPlainText(), timeout=10_000)
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.navigation.forward()
    assert window.current_item == HUILE_REX and "Lessons learned" in window.detail.toPlainText()
    window.close()


def test_an_operation_under_way_or_unsaved_text_delays_the_switch(
    qtbot, runner: WorkspaceRunner, demo_path: Path, back_to_english
) -> None:
    window = open_window(qtbot, runner, demo_path, "home")
    editor = window.editing.new_item("rex")  # a window of the main window (closed with it)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    qtbot.keyClicks(editor.form.widget("title"), "Fuite")
    editor.ask_unsaved = lambda: Decision.Cancel  # the user keeps the text open
    assert window.switch_language("fr") is None
    assert window.sidebar.item(0).text() == "Home" and editor.isVisible()
    editor.ask_unsaved = lambda: Decision.Discard
    new = window.switch_language("fr")
    assert new is not None and new.sidebar.item(0).text() == "Accueil"
    qtbot.addWidget(new)
    new.close()


# -- a French window shows no English of the interface ----------------------------------

# Written alike in both languages, or not words (checked against their translations).
ALIKE = {"Action", "Sponsor", "Expert", "Site", "Page", "Version", "Description", "Type",
         "Causes", "Coalition", "Dispersion", "Validation", "Note", "Question", "copdesk",
         "OK", "Documents", "Notes", "Initiation", "Contact", "Total", "Stage", "Format",
         "Message", "Date", "Options", "Transport", "Process"}  # fmt: skip


GUI = Path(__file__).resolve().parents[2] / "copdesk" / "gui"


def _calls(tree: ast.AST) -> Iterator[ast.Call]:
    """``translate("Context", "text")`` and ``self.tr("text")`` calls."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
            if name in ("tr", "translate") and node.args:
                yield node


def source_strings() -> set[str]:
    """The texts the code asks Qt to translate, read from the code itself: one that
    lupdate missed has no French and must show up here, not slip through."""
    out = set()
    for path in GUI.rglob("*.py"):
        for call in _calls(ast.parse(path.read_text(encoding="utf-8"))):
            text = call.args[-1] if len(call.args) <= 2 else call.args[1]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                out.add(text.value)
    return out


def test_no_translated_text_hides_in_an_f_string_from_lupdate() -> None:
    """lupdate does not read calls inside f-strings: "Skills" on a profile stayed English."""
    hidden = [
        f"{path.name}:{call.lineno}"
        for path in GUI.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.JoinedStr)
        for call in _calls(node)
    ]
    assert hidden == []


def demo_lines() -> set[str]:
    """Every line of the demo's own text (content: English reports say "Scope")."""
    from copdesk.demo import content

    out: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            for line in value.splitlines():
                out.add(_clean(line.lstrip("#-*0123456789. ").replace("**", "")))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(content())
    return out


def english_sources() -> set[str]:
    """Every English text of the interface whose French differs: the .ts's sources
    (placeholders and mnemonics taken out), the texts the code translates, and the
    message catalogue's English."""
    translated: dict[str, str] = {}
    for message in ET.parse(TS).getroot().iter("message"):
        translation = message.find("translation")
        if translation is not None and translation.text:
            translated[_clean(message.findtext("source") or "")] = _clean(translation.text)
    out = {s for s in map(_clean, source_strings()) if translated.get(s) != s}
    out |= {source for source, french in translated.items() if source != french}
    for entry in messages.CATALOGUE.values():
        en, fr = entry["en"], entry["fr"]
        if isinstance(en, str) and isinstance(fr, str) and en != fr and "{" not in en:
            out.add(_clean(en))
    return {s for s in out if s and s not in ALIKE and len(s) > 2}


def _clean(text: str) -> str:
    text = re.sub(r"%\d", "", text.replace("&&", "\0").replace("&", "").replace("\0", "&"))
    return " ".join(text.replace("…", "").split()).strip(" :·.")


def shown_texts(root: QWidget) -> list[str]:
    """What a user reads in ``root``: labels, buttons, fields, menus, lists, pages."""
    texts: list[str] = []
    for w in (root, *root.findChildren(QWidget)):
        if not w.isVisibleTo(root):
            continue
        texts += [w.toolTip(), w.accessibleName()]
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(min(w.count(), 30))]
        if isinstance(w, QTextEdit):
            texts += w.toPlainText().splitlines()
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model, top = w.model(), QModelIndex()
            columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(top)
            for column in range(columns):
                texts.append(str(model.headerData(column, Qt.Orientation.Horizontal) or ""))
                for row in range(min(model.rowCount(top), 40)):
                    texts.append(str(model.index(row, column, top).data() or ""))
        for action in w.actions():
            texts += [action.text(), action.toolTip()]
    return [t for t in (_clean(str(t)) for t in texts) if t]


VIEWS = ["home", "communities", "rex", "howto", "people", "skills", "exchange", "risks",
         "network", "dashboard", "conflicts", "contributions", "search:huile",
         f"history:{HUILE_REX}", f"item:{HUILE_REX}", f"item:{JULIEN}"]  # fmt: skip


def test_a_french_window_shows_no_english_of_the_interface(
    qtbot, qapp, runner: WorkspaceRunner, demo_path: Path, back_to_english
) -> None:
    language.install(qapp, "fr")
    window = open_window(qtbot, runner, demo_path, "home")
    english = english_sources() - demo_lines()  # the demo's own words are content
    assert {"Lessons learned", "Near miss", "Yellow — caution", "Experience reports"} <= english
    found: dict[str, set[str]] = {}
    for view in VIEWS:
        with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
            window.show_view(view)
        qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
        if view in ("rex", "people"):  # the first row's item beside the list
            qtbot.waitUntil(lambda: window.current_item is not None, timeout=10_000)
            qtbot.waitUntil(lambda: not window.loading, timeout=10_000)
        for text in shown_texts(window):
            if text in english:
                found.setdefault(text, set()).add(view)
    editor = window.editing.new_item("howto")  # a window of the main window (closed with it)
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    for text in shown_texts(editor):
        if text in english:
            found.setdefault(text, set()).add("editor")
    window.show_error(NotAllowed("x", code="refusal.one_admin"))  # an error, in French
    assert window.banner.text.startswith("le site garde toujours un administrateur")
    assert found == {}, found
    editor.close()
    window.close()
