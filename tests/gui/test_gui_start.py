"""Starting the window (issue 15): the first run asks who you are, the site can be
renamed, text kept after a crash is offered at start, a bundle opened from the
desktop shows its import preview, a missing Qt library is named in one line, and a
printed sheet says what it is worth, keeps its steps whole and has a safe name."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import on_worker, open_window, pair
from PySide6.QtCore import QSize, QSizeF, Qt, QTimer
from PySide6.QtGui import QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QInputDialog

from copdesk import Workspace
from copdesk.cli import main
from copdesk.gui import app, drafts, printing, system_libraries
from copdesk.gui.editor import Decision
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def on_modal(kind: type, act: Callable[[QDialog], None]) -> list:
    seen: list = []
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog not in seen:
            seen.append(dialog)
            timer.stop()
            act(dialog)

    timer.timeout.connect(poll)
    timer.start()
    seen.append(timer)
    return seen


# -- first run ---------------------------------------------------------------------------


def first_run(qtbot, runner: WorkspaceRunner, path: Path, person: str, demo: bool) -> MainWindow:
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.show()
    wizard = app.first_run(window, path)
    qtbot.keyClicks(wizard.site, "Usine de Lyon")
    wizard.demo.setChecked(demo)
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.person_page
    assert page.title() == "Who are you?"
    names = [page.person.itemText(i) for i in range(page.person.count())]
    assert ("Marie Dupont" in names) == demo  # the demo's people, to pick from
    qtbot.keyClicks(page.person, person)
    qtbot.keyClicks(page.job, "Technicienne de maintenance")
    with qtbot.waitSignal(window.workspaceReady, timeout=60_000):
        qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.loading, timeout=20_000)
    return window


def test_the_first_run_asks_who_you_are_and_makes_them_the_writer(
    qtbot, runner: WorkspaceRunner, tmp_path: Path
) -> None:
    window = first_run(qtbot, runner, tmp_path / "new", "Nadia Benali", demo=False)
    assert window.person_switch.currentText() == "Writing as: Nadia Benali"
    me = on_worker(qtbot, runner, lambda ws: ws.items.get(ws.current_person))
    assert (me["name"], me["job_title"], me["site"]) == (
        "Nadia Benali",
        "Technicienne de maintenance",
        "Usine de Lyon",
    )
    admins = on_worker(qtbot, runner, lambda ws: ws.permissions.admins())
    assert admins == [me["id"]]  # the first person administers the site
    window.close()


def test_a_demo_person_can_be_picked(qtbot, runner: WorkspaceRunner, tmp_path: Path) -> None:
    window = first_run(qtbot, runner, tmp_path / "demo", "Marie Dupont", demo=True)
    assert window.person_switch.currentText() == "Writing as: Marie Dupont"
    names = [window.person_switch.itemText(i) for i in range(window.person_switch.count())]
    assert names.count("Writing as: Marie Dupont") == 1  # picked, not created twice
    window.close()


# -- renaming the site ------------------------------------------------------------------


def test_renaming_the_site_from_the_edit_menu(
    qtbot, runner: WorkspaceRunner, tmp_path: Path
) -> None:
    path = tmp_path / "ws"
    with Workspace.create(path, site="Usine de Lyon") as ws:
        ws.use(ws.items.add("person", {"name": "Marie Dupont"})["id"])  # the administrator
    window = open_window(qtbot, runner, path, "exchange")
    assert window.windowTitle() == "copdesk — Usine de Lyon"

    def rename(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog) and dialog.textValue() == "Usine de Lyon"
        dialog.setTextValue("Usine de Lyon — Gerland")
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    seen = on_modal(QInputDialog, rename)
    window.actions_by_name["actionRenameSite"].trigger()  # its exec() returns once renamed
    assert isinstance(seen[-1], QInputDialog)
    qtbot.waitUntil(lambda: "Gerland" in window.windowTitle(), timeout=10_000)
    assert window.site_label.text() == "Site: Usine de Lyon — Gerland"  # by the Change
    qtbot.waitUntil(lambda: "This site is now called" in window.statusBar().currentMessage())
    window.close()
    with Workspace.open(path) as ws:
        assert ws.site_name == "Usine de Lyon — Gerland"


# -- drafts recovered at start ----------------------------------------------------------


def test_text_kept_after_a_crash_is_offered_at_start(
    qtbot, runner: WorkspaceRunner, demo_path: Path
) -> None:
    typed = {"title": "Fuite au démarrage de la P12", "summary": "Tapé avant la coupure."}
    drafts.save(demo_path, "new-rex", {"kind": "rex", "item_id": None, "values": typed,
                                       "saved_at": "2026-05-12T14:03:00"})  # fmt: skip
    window = open_window(qtbot, runner, demo_path, "home")
    window.offer_drafts()  # what `copdesk` does once the window is open
    bar = window.startup.bar
    qtbot.waitUntil(bar.isVisible, timeout=10_000)
    assert "Fuite au démarrage de la P12" in bar.text  # at start, not at the next Ctrl+N
    open_button = next(b for b in bar._buttons if b.text() == "Open")
    qtbot.mouseClick(open_button, Qt.MouseButton.LeftButton)
    editor = window.editing.editors["new-rex"]
    qtbot.waitUntil(lambda: editor.form is not None, timeout=10_000)
    qtbot.waitUntil(lambda: editor.form.values()["title"] == typed["title"], timeout=10_000)
    assert editor.form.values()["summary"] == typed["summary"] and editor.dirty
    assert not bar.isVisible()
    editor.discard_draft()
    editor.ask_unsaved = lambda: Decision.Discard
    editor.close()
    window.close()


# -- a bundle opened from the desktop -------------------------------------------------------


def test_copdesk_file_opens_the_window_on_its_import_preview(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list = []
    monkeypatch.setattr(app, "run", lambda path, **kw: calls.append((path, kw)) or 0)
    bundle = tmp_path / "lyon.copdesk"
    assert main(["--workspace", str(tmp_path / "ws"), str(bundle)]) == 0
    assert calls == [(tmp_path / "ws", {"actor": None, "view": None, "bundle": str(bundle)})]
    assert main(["--workspace", str(tmp_path / "ws"), "status"]) != 0  # commands still win


def test_the_preview_of_a_bundle_opened_from_the_desktop(
    qtbot, runner: WorkspaceRunner, tmp_path: Path
) -> None:
    here = Workspace.create(tmp_path / "here", site="Usine de Lyon")
    there = Workspace.create(tmp_path / "there", site="Usine de Nantes")
    pair(here, there)
    there.items.add("rex", {"title": "Joint de vérin changé"})
    bundle = tmp_path / "nantes.copdesk"
    there.sync.export(bundle)
    here.close()
    there.close()
    window = open_window(qtbot, runner, tmp_path / "here", "home")
    imports = window.exchange_view.imports
    window.preview_bundle(bundle)
    assert window.current_view == "exchange"
    qtbot.waitUntil(lambda: imports.preview is not None, timeout=60_000)
    assert "Preview" in imports.label.text() and "Usine de Nantes" in imports.label.text()
    assert imports.apply_button.isVisible()  # nothing written before Apply
    window.close()


# -- a missing system library ------------------------------------------------------------


def test_a_missing_qt_library_is_named_with_its_package(capsys, tmp_path: Path, monkeypatch):
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    monkeypatch.setattr(system_libraries, "_loads", lambda name: name not in missing)
    monkeypatch.setattr(system_libraries.sys, "platform", "linux")
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    code = main(["--workspace", str(tmp_path), "gui"])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in err
    assert system_libraries.platform({"WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    assert system_libraries.missing("wayland", lambda name: name not in missing) == []
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for package in {*system_libraries.BASE.values(), *system_libraries.XCB.values()}:
        assert package in readme, package


# -- printed sheets ------------------------------------------------------------------------


def sheet(path: Path, **values) -> dict:
    with Workspace.open(path, index=False) as ws, ws.permissions.bypass():
        item = ws.items.add("howto", values)
        return printing.sheet_data(item["id"])(ws)


def test_a_sheet_says_it_is_not_validated(qapp, ws_path: Path, ws, tmp_path: Path) -> None:
    ws.close()
    data = sheet(ws_path, title="Purger le circuit", status="proposed", steps="1. Consigner")
    page = printing.sheet_html(data)
    assert "NOT VALIDATED" in page and "Proposed · version 1" in page
    pdf = QPdfDocument(None)
    assert pdf.load(str(printing.export_pdf(data, tmp_path / "p.pdf"))) == pdf.Error.None_
    text = pdf.getAllText(0).text()
    assert "NOT VALIDATED" in text and "Version 1" in text  # band and footer
    image = pdf.render(0, QSize(595, 842))
    top = [image.pixelColor(x, y) for y in range(60, 180, 3) for x in range(60, 500, 5)]
    assert sum(1 for c in top if c.red() > 150 and c.green() < 60) > 100  # a red band


def test_a_validated_sheet_says_which_version_by_whom(qapp, ws_path, ws, tmp_path) -> None:
    marie = ws.items.add("person", {"name": "Marie Dupont"})["id"]
    ws.use(marie)
    presses = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]
    item = ws.items.add("howto", {"title": "Purger", "community": presses, "steps": "1. a"})
    ws.items.edit(item["id"], {"status": "validated"})
    data = printing.sheet_data(item["id"])(ws)
    page = printing.sheet_html(data)
    assert "NOT VALIDATED" not in page and "version 2 validated by Marie Dupont on" in page
    ws.items.edit(item["id"], {"tips": "Porter des gants."})  # changed since
    page = printing.sheet_html(printing.sheet_data(item["id"])(ws))
    assert "CHANGED SINCE ITS VALIDATION" in page and "changed since" in page


def test_a_step_is_kept_with_its_text_across_a_page_break(qapp, ws_path, ws) -> None:
    ws.close()
    steps = "\n".join(
        f"{n}. Étape {n} : vérifier le serrage du raccord {n}\n"
        f"   puis contrôler la pression, noter la valeur et la comparer au seuil {n}."
        for n in range(1, 40)
    )
    data = sheet(ws_path, title="Contrôle des raccords", steps=f"Steps:\n{steps}")
    document = printing.sheet_document(data)
    rect = printing.a4_layout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    height = printing.layout_page_height(document)  # where the layout breaks (1/64 pt)
    assert abs(height - document.pageSize().height()) < 1 / 64
    layout = document.documentLayout()

    def split_steps() -> list[str]:
        out = []
        block = document.begin()
        while block.isValid():
            box = layout.blockBoundingRect(block)
            if block.textList() is not None and int(box.top() // height) != int(
                (box.bottom() - 1) // height
            ):
                out.append(block.text()[:20])
            block = block.next()
        return out

    assert split_steps(), "the test's steps must straddle a page break to begin with"
    assert printing.keep_together(document) > 0
    assert split_steps() == []
    assert "<ol>" in printing.sheet_html(data)  # a list right after "Steps:" is a list


def test_the_pdf_file_name_is_safe_and_readable() -> None:
    title = "Vérifier l'absence de tension : la règle « tester – mesurer – tester »"
    assert printing.pdf_file_name(title) == (
        "Vérifier-l'absence-de-tension-la-règle-tester-mesurer-tester.pdf"
    )
    assert printing.pdf_file_name('a/b\\c?*<>|"d:e') == "a-b-c-d-e.pdf"
    assert printing.pdf_file_name("CON") == "CON-sheet.pdf"
    assert printing.pdf_file_name("  ") == "copdesk.pdf"
    assert len(printing.pdf_file_name("x" * 300)) <= 84
