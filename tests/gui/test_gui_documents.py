"""The Documents view (issue 16): files added in the window are read by a child process
(never on the worker, never on the window's thread), a hit in a PDF opens at its page,
and a document past its review date is on Home."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import make_pdf, on_worker, open_window
from PySide6.QtCore import QUrl

from copdesk import Workspace

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

TORQUE = "Tableau des couples de serrage : vis M12 classe 8.8, 85 N·m."


def _workspace(path: Path) -> Path:
    with Workspace.create(path, site="Usine de Lyon", language="fr") as ws:
        ws.use(ws.items.add("person", {"name": "Marie Dupont"})["id"])
    return path


def test_files_added_in_the_window_are_read_by_a_child(qtbot, runner, tmp_path: Path) -> None:
    window = open_window(qtbot, runner, _workspace(tmp_path / "ws"), "documents")
    view = window.documents_view
    pages = [f"Chapitre {n}" for n in range(1, 7)] + [TORQUE]
    pdf = make_pdf(tmp_path / "manuel.pdf", pages)
    empty = tmp_path / "vide.pdf"
    empty.touch()
    with qtbot.waitSignal(view.added, timeout=20_000) as added:
        view.add_files([str(pdf), str(empty)])
    assert len(added.args[0]["added"]) == 1
    assert "vide.pdf is empty (0 bytes)" in added.args[0]["refused"][0][1]
    # the file is read in a child process: the worker is free meanwhile
    assert window.file_reader.running and not runner.busy
    with qtbot.waitSignal(window.file_reader.finished, timeout=60_000) as read:
        pass
    assert read.args[0]["text"] == 1
    qtbot.waitUntil(lambda: view.table.item(0, 2).text() == "7", timeout=20_000)
    assert view.table.item(0, 0).text() == "manuel"

    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.run_search("serrage M12")
    assert "manuel.pdf, page 7" in window.page.toPlainText()
    hit = on_worker(qtbot, runner, lambda ws: ws.search.query("serrage M12")["hits"][0])
    window._page_link(QUrl(f"openfile:{hit['file']['attachment']}#7"))
    qtbot.waitUntil(lambda: bool(view.viewers), timeout=20_000)
    viewer = view.viewers[0]
    qtbot.addWidget(viewer)
    assert viewer.document.pageCount() == 7
    qtbot.waitUntil(lambda: viewer.page == 7)


def test_versions_of_a_file_show_what_changed(qtbot, runner, tmp_path: Path) -> None:
    path = _workspace(tmp_path / "ws")
    old, new = tmp_path / "v1.md", tmp_path / "v2.md"
    old.write_text("# Serrage\nM12 : 85 N.m\n", "utf-8")
    new.write_text("# Serrage\nM12 : 90 N.m\n", "utf-8")
    with Workspace.open(path) as ws:
        doc = ws.documents.add([old], {"title": "Gamme de serrage"})
        ws.documents.replace(doc["id"], new, name="gamme.md")
        shas = [v["sha256"] for v in ws.documents.versions(doc["id"])]
    window = open_window(qtbot, runner, path, "documents")
    view = window.documents_view
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        view.select(doc["id"])
    assert "what changed" in view.details.toHtml() or "ce qui a changé" in view.details.toHtml()
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        view._link(QUrl(f"diff:{shas[0]}..{shas[1]}"))
    text = view.details.toPlainText()
    assert "-M12 : 85 N.m" in text and "+M12 : 90 N.m" in text


def test_a_document_past_its_review_date_is_on_home(qtbot, runner, tmp_path: Path) -> None:
    path = _workspace(tmp_path / "ws")
    (tmp_path / "consigne.txt").write_text("Consignation de la presse", "utf-8")
    with Workspace.open(path) as ws:
        ws.documents.add(
            [tmp_path / "consigne.txt"], {"title": "Consigne P12", "review_due": "2020-01-01"}
        )
    window = open_window(qtbot, runner, path, "home")
    assert "Consigne P12" in window.page.toPlainText()
