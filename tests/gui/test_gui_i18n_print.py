"""French interface, printing, shortcuts and the dark palette, driven for real (offscreen)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtCore import QCoreApplication, QLocale, QSize, Qt
from PySide6.QtGui import QAction, QColor, QImage, QPalette
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog, QStyleFactory

from copdesk import Workspace
from copdesk.gui import language, menus, printing, theme
from copdesk.gui.help import ShortcutsDialog
from copdesk.gui.icons import icon
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
GUI = ROOT / "copdesk" / "gui"
TS = GUI / "i18n" / "copdesk_fr.ts"
QM = GUI / "i18n" / "copdesk_fr.qm"
BIN = Path(sys.executable).parent
HOWTO = "Vérifier l'absence de tension : la règle « tester – mesurer – tester »"


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "howto")
    yield w
    w.close()


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The interface in French for one test, then back to the source English."""
    locale = QLocale()
    language.install(qapp, "fr")
    yield
    language.install(qapp, "en")
    QLocale.setDefault(locale)


def sheet(demo_path: Path, title: str) -> dict:
    """What the worker gives the print code (called directly: no window involved)."""
    with Workspace.open(demo_path, index=False) as ws:
        item = next(
            r for kind in printing.PRINTABLE for r in ws.items.list(kind) if r.get("title") == title
        )
        return printing.sheet_data(item["id"])(ws)


# -- translations -------------------------------------------------------------------------


def _tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else (shutil.which(name) or pytest.skip(f"no {name}"))


def test_french_is_complete_and_the_qm_is_up_to_date(tmp_path: Path) -> None:
    """lupdate over today's sources finds no string without a French translation."""
    ts = tmp_path / "copdesk_fr.ts"
    shutil.copy(TS, ts)
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run(
        [_tool("pyside6-lupdate"), "-target-language", "fr_FR", "-no-obsolete",
         "-locations", "none", *sources, "-ts", str(ts)],
        check=True, capture_output=True,
    )  # fmt: skip
    untranslated = []
    messages = 0
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            messages += 1
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") == "unfinished" or not all(forms):
                untranslated.append(f"{context.findtext('name')}: {message.findtext('source')}")
    assert messages > 100
    assert untranslated == [], "run `make translations` and translate:\n" + "\n".join(untranslated)

    qm = tmp_path / "copdesk_fr.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True, capture_output=True
    )
    assert qm.read_bytes() == QM.read_bytes(), "the .qm is older than the .ts: make translations"


def test_lupdate_sees_every_translate_call() -> None:
    """A wrapper (``_tr(context, text)``) hides strings from lupdate: only literal
    ``self.tr("…")`` / ``translate("Context", "…")`` calls and QT_TRANSLATE_NOOP count."""
    wrapper = re.compile(r"\b_tr?\(\s*[\"']")  # _t("…"), _tr("…"), _tr('…'), _tr("Ctx", "…")
    offenders = [
        f"{p.name}:{n}"
        for p in GUI.rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if wrapper.search(line)
    ]
    assert offenders == []


def test_french_interface_and_qt_dialogs(qtbot, runner, french) -> None:
    window = MainWindow(runner, remember=False)
    qtbot.addWidget(window)
    assert window.sidebar.item(0).text() == "Accueil"
    assert window.actions_by_name["actionPrint"].text() == "&Imprimer…"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles[:2] == ["&Fichier", "É&dition"]
    # Qt's own strings (buttons of every standard dialog) come from qtbase_fr.qm
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    assert QLocale().language() == QLocale.Language.French


def test_language_choice_is_stored_and_resolved(qtbot) -> None:
    assert language.chosen() == "system"
    dialog = language.SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.language.setCurrentIndex(language.CHOICES.index("fr"))
    dialog.accept()
    assert language.chosen() == "fr"
    assert language.resolve("system", QLocale(QLocale.Language.French, QLocale.Country.Canada))
    assert language.resolve("system", QLocale("de_DE")) == "en"
    canada = QLocale(QLocale.Language.French, QLocale.Country.Canada)
    assert language.ui_locale("fr", canada) == canada  # a French system keeps its own formats
    assert language.ui_locale("en", canada).language() == QLocale.Language.English


@pytest.mark.parametrize(
    ("locale", "expected"), [("fr_FR", "14/03/2025"), ("en_US", "3/14/25"), ("de_DE", "14.03.25")]
)
def test_dates_in_the_users_locale(locale: str, expected: str) -> None:
    saved = QLocale()
    QLocale.setDefault(QLocale(locale))
    try:
        assert language.format_date("2025-03-14") == expected
        assert language.format_date("2025-03-14T10:00:00.000Z").startswith(expected[:2])
        assert language.format_date("not a date") == "not a date"
        assert language.format_datetime("2025-03-14T10:00:00.000Z")
    finally:
        QLocale.setDefault(saved)


# -- printing -------------------------------------------------------------------------


def test_export_pdf_of_a_know_how_sheet_is_a4_with_title_steps_and_safety_box(
    qapp, demo_path: Path, tmp_path: Path
) -> None:
    data = sheet(demo_path, HOWTO)
    page = printing.sheet_html(data)
    assert "<ol>" in page  # numbered steps
    assert 'border="3"' in page and "SAFETY" in page  # the framed safety box
    out = printing.export_pdf(data, tmp_path / "sheet.pdf")
    raw = out.read_bytes()
    assert raw.startswith(b"%PDF-")
    assert b"\xfe\xff" + HOWTO.encode("utf-16-be") in raw  # the title, in the metadata
    pdf = QPdfDocument(None)
    assert pdf.load(str(out)) == QPdfDocument.Error.None_
    size = pdf.pagePointSize(0)
    assert (round(size.width()), round(size.height())) == (595, 842)  # A4 in points
    assert "tester – mesurer – tester" in pdf.getAllText(0).text()
    image = pdf.render(0, QSize(595, 842))
    image.save(str(tmp_path / "sheet.png"))
    red = sum(
        1
        for y in range(0, 842, 2)
        for x in range(0, 595, 2)
        if (c := image.pixelColor(x, y)).red() > 150 and c.green() < 60 and c.blue() < 60
    )
    assert red > 200, "the red safety frame is drawn"


def test_export_pdf_of_an_experience_report_emphasises_lessons(
    qapp, demo_path: Path, tmp_path: Path
) -> None:
    with Workspace.open(demo_path, index=False) as ws:
        rex = next(r for r in ws.items.list("rex") if r.get("priority") == "red")
        data = printing.sheet_data(rex["id"])(ws)
    page = printing.sheet_html(data)
    assert page.index("Lessons learned") < page.index("Context and facts")  # lessons first
    assert 'border="3"' in page
    pdf = QPdfDocument(None)
    assert pdf.load(str(printing.export_pdf(data, tmp_path / "rex.pdf"))) == pdf.Error.None_
    assert rex["title"][:20] in pdf.getAllText(0).text().replace("\n", " ")


def test_ctrl_p_prints_the_item_in_the_reading_pane(qtbot, window, monkeypatch) -> None:
    printed: list[dict] = []
    monkeypatch.setattr(printing, "print_sheet", lambda data, parent: printed.append(data))
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000):
        window.show_view("home")
    window.actions_by_name["actionPrint"].trigger()  # nothing in the reading pane: says so
    assert "first" in window.statusBar().currentMessage()
    with qtbot.waitSignal(window.itemShown, timeout=10_000):
        window.show_view("howto")  # the first sheet opens in the reading pane
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: printed != [], timeout=10_000)
    assert printed[0]["item"]["id"] == window.current_item


def test_the_print_dialog_opens(qtbot, qapp, demo_path: Path) -> None:
    """The real QPrintDialog (its "Print to File (PDF)" is the Save-as-PDF path)."""
    from PySide6.QtPrintSupport import QPrintDialog

    seen: list[QDialog] = []

    def close_it() -> None:
        dialog = qapp.activeModalWidget()
        if isinstance(dialog, QPrintDialog):
            seen.append(dialog)
            dialog.reject()

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.timeout.connect(close_it)
    timer.start(50)
    try:
        assert printing.print_sheet(sheet(demo_path, HOWTO)) is False  # cancelled
    finally:
        timer.stop()
    assert seen


# -- shortcuts and help -------------------------------------------------------------------

SHORTCUTS = {
    "actionNew": "Ctrl+N", "actionSave": "Ctrl+S", "actionPrint": "Ctrl+P",
    "actionExportPdf": "Ctrl+Shift+P", "actionSettings": "Ctrl+,", "actionQuit": "Ctrl+Q",
    "actionSearch": "Ctrl+K", "actionRefresh": "F5", "actionShortcuts": "F1",
    "actionGo_home": "Alt+1", "actionGo_rex": "Alt+3", "actionGo_exchange": "Alt+7",
}  # fmt: skip


def test_every_action_is_in_the_menu_bar_with_its_shortcut(window: MainWindow) -> None:
    actions = window.actions_by_name
    for name, keys in SHORTCUTS.items():
        assert actions[name].shortcut().toString() == keys, name
    in_menus = {
        a.objectName() for m in window.menuBar().actions() for a in m.menu().actions() if a.text()
    }
    assert set(SHORTCUTS) <= in_menus
    for action in actions.values():  # others' actions too: a menu entry or a shortcut
        assert action.objectName() in in_menus or not action.shortcut().isEmpty(), action.text()
    shortcuts = [
        a.shortcut().toString() for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
    ]
    assert len(shortcuts) == len(set(shortcuts)), "a shortcut used twice fires neither action"


def test_alt_number_and_f5_go_to_views(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000) as loaded:
        qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert loaded.args == ["rex"] and window.model.total == 42
    with qtbot.waitSignal(window.viewLoaded, timeout=10_000) as loaded:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert loaded.args == ["rex"]


def test_f1_lists_every_shortcut(qtbot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows())
    assert rows["Print"] == "Ctrl+P" and rows["Search everywhere"] == "Ctrl+K"
    assert len(rows) >= len(SHORTCUTS)
    dialog.reject()


def test_the_readme_lists_the_shortcuts(window: MainWindow) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Keyboard shortcuts", 1)[1].split("\n#", 1)[0]
    for command, keys in menus.shortcut_rows(window.registry):
        assert f"| {keys} | {command} |" in section, (command, keys)


# -- theme and icons ------------------------------------------------------------------


def test_dark_palette_screenshot(qtbot, qapp, window: MainWindow, tmp_path: Path) -> None:
    style = qapp.style().name()
    previous = theme.apply_dark(qapp)
    try:
        with qtbot.waitSignal(window.itemShown, timeout=10_000):
            window.show_item(window.model.id_at(1))
        qapp.processEvents()
        image = window.grab().toImage()
        out = Path(os.environ.get("COPDESK_DARK_SCREENSHOT") or tmp_path / "dark.png")
        image.save(str(out))
        assert theme.is_dark()
        assert _mean_lightness(image) < 80  # a dark window, not white panes in a dark frame
        text = window.detail.palette().color(QPalette.ColorRole.Text)
        assert text.lightness() > 180
    finally:
        qapp.setStyle(QStyleFactory.create(style))
        qapp.setPalette(previous)
    assert not theme.is_dark()


def _mean_lightness(image: QImage) -> float:
    values = [
        QColor(image.pixel(x, y)).lightness()
        for y in range(0, image.height(), 8)
        for x in range(0, image.width(), 8)
    ]
    return sum(values) / len(values)


def test_icons_are_drawn_at_the_device_pixel_ratio(qapp) -> None:
    for scale in (1.0, 1.5, 2.0):
        pixmap = icon("home").pixmap(QSize(20, 20), scale)
        assert pixmap.devicePixelRatio() == scale
        assert pixmap.width() == round(20 * scale)
    assert icon("no-such-icon").isNull()
