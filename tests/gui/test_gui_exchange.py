"""Exchange and conflicts in the window, driven for real on two (or three) workspaces."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from helpers import modal, on_worker, open_window, state_digest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton

from copdesk import Workspace
from copdesk.errors import BadInput, Cancelled
from copdesk.gui import write_jobs
from copdesk.gui.conflicts import DIFFER_BACKGROUND
from copdesk.gui.dialogs.trust import TrustBundleDialog
from copdesk.gui.exchange import ExchangeView
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 20_000


def create(tmp_path: Path, name: str) -> Path:
    path = tmp_path / name
    Workspace.create(path, site=f"Usine de {name}").close()
    return path


def pair(a: Path, b: Path) -> None:
    """Each site trusts the other (as after comparing fingerprints by phone)."""
    with Workspace.open(a) as wa, Workspace.open(b) as wb:
        ia, ib = wa.sites.identity(), wb.sites.identity()
        wb.sites.trust(ia["site_id"], ia["key"], ia["name"])
        wa.sites.trust(ib["site_id"], ib["key"], ib["name"])


@pytest.fixture
def sites(tmp_path: Path) -> tuple[Path, Path]:
    lyon, nantes = create(tmp_path, "Lyon"), create(tmp_path, "Nantes")
    pair(lyon, nantes)
    with Workspace.open(lyon) as ws:
        c = ws.items.add("community", {"name": "Presses", "form": "trade"})
        ws.items.add("rex", {"title": "Fuite hydraulique presse P12", "community": c["id"]})
        ws.items.add("rex", {"title": "Capteur encrassé", "summary": "nettoyer chaque semaine"})
    return lyon, nantes


def open_exchange(qtbot, runner: WorkspaceRunner, path: Path, view: str = "exchange") -> MainWindow:
    return open_window(qtbot, runner, path, view, remember=False)


def switch(qtbot, window: MainWindow, path: Path, view: str = "exchange") -> None:
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.open_workspace(path)
        window.show_view(view)


def run(qtbot, view: ExchangeView, start) -> Any:
    """Start an operation of the view and return what it finished with."""
    with qtbot.waitSignal(view.commands.finished, timeout=WAIT) as done:
        start()
    return done.args[1]


def identity(path: Path) -> dict[str, Any]:
    with Workspace.open(path, index=False) as ws:
        return ws.sites.identity()


def test_export_then_import_through_the_preview(qtbot, runner, sites, tmp_path) -> None:
    lyon, nantes = sites
    window = open_exchange(qtbot, runner, lyon)
    view = window.exchange_view
    assert window.center.currentWidget() is view
    assert "Usine de Lyon" in view.identity.label.text()
    assert identity(lyon)["fingerprint"] in view.identity.label.text()
    # the roster shows the other site with its fingerprint
    assert view.roster.table.rowCount() == 1
    assert view.roster.table.item(0, 0).text() == "Usine de Nantes"
    assert view.roster.table.item(0, 2).text() == identity(nantes)["fingerprint"]
    assert view.export.communities.count() == 1
    view.identity.copy_trust_command()
    assert QGuiApplication.clipboard().text() == identity(lyon)["trust_command"]

    view.export.peer.setCurrentIndex(view.export.peer.findData(identity(nantes)["site_id"]))
    bundle = tmp_path / "to-nantes.copdesk"
    result = run(qtbot, view, lambda: view.export.export_to(bundle))
    assert result["revisions"] == 3 and bundle.is_file()
    assert "Exported 3 revisions" in view.message.text()

    switch(qtbot, window, nantes)
    before = state_digest(nantes)
    preview = run(qtbot, view, lambda: view.imports.preview_import(bundle))
    assert preview["dry_run"] and preview["new"] == 3
    text = view.imports.label.text()
    assert "3 new" in text and "Usine de Lyon" in text and "Nothing is written" in text
    assert view.imports.rows.rowCount() == 3
    assert view.imports.apply_button.isVisible() and view.imports.apply_button.isEnabled()
    assert state_digest(nantes) == before  # a preview writes nothing

    done = run(qtbot, view, view.imports.apply_import)
    assert done["new"] == 3 and not done["dry_run"]
    assert state_digest(nantes) != before
    assert "Imported from Usine de Lyon: 3 new" in view.imports.label.text()
    assert not view.imports.apply_button.isVisible()
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        window.show_view("rex")
    titles = {window.model.data(window.model.index(r, 0)) for r in range(window.model.rowCount())}
    assert titles == {"Fuite hydraulique presse P12", "Capteur encrassé"}
    window.close()


def test_an_untrusted_bundle_offers_to_trust_its_signer(qtbot, runner, sites, tmp_path) -> None:
    _, nantes = sites
    metz = create(tmp_path, "Metz")
    bundle = tmp_path / "metz.copdesk"
    with Workspace.open(metz) as ws:
        ws.items.add("howto", {"title": "Changer un joint"})
        ws.sync.export(bundle)
    window = open_exchange(qtbot, runner, nantes)
    view = window.exchange_view
    refused = run(qtbot, view, lambda: view.imports.preview_import(bundle))
    assert refused.__class__.__name__ == "UntrustedSite"
    assert window.banner.text == ""  # shown in the preview, not as an error
    assert (
        view.imports.trust_signer_button.isVisible() and not view.imports.apply_button.isVisible()
    )
    text = view.imports.label.text()
    assert "Usine de Metz" in text and identity(metz)["fingerprint"] in text

    # trusting shows who signed it and the fingerprint first; Cancel trusts nothing
    qtbot.mouseClick(view.imports.trust_signer_button, Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, TrustBundleDialog)
    assert identity(metz)["fingerprint"] in dialog.label.text()
    assert "Usine de Metz" in dialog.label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    trust = on_worker(qtbot, runner, lambda ws: {s["name"]: s["trust"] for s in ws.sites.list()})
    assert trust.get("Usine de Metz") != "trusted"
    qtbot.mouseClick(view.imports.trust_signer_button, Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, TrustBundleDialog)
    with qtbot.waitSignal(view.commands.finished, timeout=WAIT) as previewed:
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert ok.text() == "They match: trust it"
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert previewed.args[1]["new"] == 1
    assert "1 new" in view.imports.label.text()
    qtbot.waitUntil(lambda: view.roster.table.rowCount() == 2, timeout=WAIT)
    trust = {
        view.roster.table.item(r, 0).text(): view.roster.table.item(r, 1).text() for r in range(2)
    }
    assert trust["Usine de Metz"] == "trusted"

    metz_row = next(r for r in range(2) if view.roster.table.item(r, 0).text() == "Usine de Metz")
    view.roster.table.selectRow(metz_row)
    assert (
        view.roster.selected_site() == identity(metz)["site_id"]
        and view.roster.revoke_button.isEnabled()
    )
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.roster.revoke(view.roster.selected_site())
    assert view.roster.table.item(metz_row, 1).text() == "revoked"
    with qtbot.waitSignal(view.loaded, timeout=WAIT):
        view.roster.trust_site(identity(metz)["site_id"], identity(metz)["key"])
    assert view.roster.table.item(metz_row, 1).text() == "trusted"

    garbage = tmp_path / "broken.copdesk"
    garbage.write_bytes(b"not a zip")
    run(qtbot, view, lambda: view.imports.preview_import(garbage))
    assert view.imports.label.text().startswith("Refused: ")
    assert not view.imports.apply_button.isVisible()
    window.close()


def test_cancel_stops_import_and_export_without_writing(qtbot, runner, sites, tmp_path) -> None:
    lyon, nantes = sites
    bundle = tmp_path / "lyon.copdesk"
    with Workspace.open(lyon) as ws:
        ws.sync.export(bundle)
    window = open_exchange(qtbot, runner, nantes)
    view = window.exchange_view
    run(qtbot, view, lambda: view.imports.preview_import(bundle))
    before = state_digest(nantes)

    with qtbot.waitSignal(view.commands.finished, timeout=WAIT) as stopped:
        command = view.imports.apply_import()
        assert view.commands.running == "import" and window.operation_bar.cancel_button.isEnabled()
        qtbot.mouseClick(
            window.operation_bar.cancel_button, Qt.MouseButton.LeftButton
        )  # kills the child
    assert isinstance(stopped.args[1], Cancelled) and command is not None
    assert "indexing" not in command.steps  # killed before its commit
    assert "Cancelled: nothing was written." in view.message.text()
    assert window.banner.text == ""
    assert (
        view.commands.running is None and view.imports.apply_button.isEnabled()
    )  # it can still be applied
    assert state_digest(nantes) == before
    assert not any((nantes / "staging").iterdir())
    assert run(qtbot, view, view.imports.apply_import)["new"] == 3  # the same preview still applies

    target = tmp_path / "out.copdesk"
    with qtbot.waitSignal(view.commands.finished, timeout=WAIT) as stopped:
        view.export.export_to(target)
        view.commands.cancel()
    assert isinstance(stopped.args[1], Cancelled)
    assert not target.exists() and not list(tmp_path.glob(".out.copdesk*"))
    assert not list((nantes / "staging").glob("export-*"))
    window.close()


def test_a_cancelled_import_is_all_or_nothing_and_says_which(
    qtbot, runner, sites, tmp_path
) -> None:
    """Cancel at each step the child reports: the workspace is either untouched or the
    bundle is wholly in (then Cancel was already disabled), never half of it."""
    lyon, nantes = sites
    with Workspace.open(lyon) as ws:
        for i in range(300):
            ws.items.add("rex", {"title": f"Rapport {i}", "summary": "pompe hydraulique"})
        ws.sync.export(tmp_path / "big.copdesk")
    window = open_exchange(qtbot, runner, nantes)
    view = window.exchange_view
    run(qtbot, view, lambda: view.imports.preview_import(tmp_path / "big.copdesk"))
    before = state_digest(nantes)
    for step in ("copying", "checking", "backing up", "applying"):

        def stop_at(name: str, done: int, total: int, step: str = step) -> None:
            if name == step:
                view.commands.cancel()

        with qtbot.waitSignal(view.commands.finished, timeout=WAIT) as stopped:
            command = view.imports.apply_import()
            assert command is not None
            command.progressed.connect(stop_at)
        result = stopped.args[1]
        if isinstance(result, Cancelled):
            assert state_digest(nantes) == before, step
        else:  # the child committed before the kill landed: all of it is in
            assert result["new"] == 303 and "indexing" in command.steps, step
            break
    window.close()


def test_sync_folder_is_remembered_and_reports(qtbot, runner, sites, tmp_path) -> None:
    lyon, _ = sites
    share = tmp_path / "share"
    share.mkdir()
    window = open_exchange(qtbot, runner, lyon)
    view = window.exchange_view
    assert not view.sync.button.isEnabled()
    view.sync.choose_sync_folder(share)
    report = run(qtbot, view, view.sync.sync_now)
    assert report["written"]["revisions"] == 3
    assert "This site's bundle: 3 revisions." in view.sync.report.text()
    assert on_worker(qtbot, runner, lambda ws: ws.sync.sync_folder_setting()) == str(
        share.resolve()
    )
    qtbot.waitUntil(lambda: view.data.get("sync_folder") == str(share.resolve()), timeout=WAIT)
    assert str(share.resolve()) in view.sync.label.text()
    window.close()


def test_a_lagging_index_catches_up_a_step_at_a_time_on_the_worker(
    qtbot, runner, sites, monkeypatch
) -> None:
    """After a killed import the window indexes what was committed in bounded steps,
    so the views' reads run in between instead of waiting for the whole catch-up."""
    lyon, _ = sites
    with Workspace.open(lyon, index=False) as ws:  # the index left behind
        for i in range(1_200):
            ws.items.add("rex", {"title": f"Rapport {i}", "summary": "pompe doseuse"})
    monkeypatch.setattr(write_jobs, "CATCH_UP_STEP", 0.0)  # one batch per step
    runner.open(lyon)
    lags: list[int] = []

    def perform(fn, done) -> int:
        return runner.perform(fn, lambda result: (lags.append(result["lag"]), done(result)))

    write_jobs.catch_up_steps(perform)
    qtbot.waitUntil(lambda: bool(lags) and lags[-1] == 0, timeout=60_000)
    assert len(lags) >= 3 and lags == sorted(lags, reverse=True) and lags[0] > 0
    assert on_worker(qtbot, runner, lambda ws: ws.search.query("doseuse")["total"]) == 1_200


def make_conflicts(lyon: Path, nantes: Path, tmp_path: Path) -> tuple[str, str]:
    """Two reports edited at both sites before they exchange."""
    with Workspace.open(lyon) as a, Workspace.open(nantes) as b:
        r1 = a.items.add("rex", {"title": "Vérin", "summary": "fuite"})["id"]
        r2 = a.items.add("rex", {"title": "Pompe", "summary": "bruit"})["id"]
        a.sync.export(tmp_path / "1.copdesk")
        b.sync.import_bundle(tmp_path / "1.copdesk")
        a.items.edit(r1, {"summary": "fuite au joint", "priority": "red"})
        b.items.edit(r1, {"summary": "fuite au raccord"})
        a.items.edit(r2, {"summary": "bruit au démarrage"})
        b.items.edit(r2, {"summary": "bruit à chaud"})
        b.sync.export(tmp_path / "2.copdesk", peer=a.site_id)
        assert a.sync.import_bundle(tmp_path / "2.copdesk")["conflicts"] == 2
    return r1, r2


def test_resolve_conflicts_by_keeping_one_version_or_merging(
    qtbot, runner, sites, tmp_path
) -> None:
    lyon, nantes = sites
    r1, r2 = make_conflicts(lyon, nantes, tmp_path)
    window = open_exchange(qtbot, runner, lyon)
    assert "Conflicts (2)" in window.exchange_view.roster.conflicts_button.text()
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        qtbot.mouseClick(window.exchange_view.roster.conflicts_button, Qt.MouseButton.LeftButton)
    view = window.conflicts_view
    assert window.center.currentWidget() is view and view.list.count() == 2

    view.select(r1)
    c = view.current
    assert c is not None and c["id"] == r1 and view.table.columnCount() == 2
    headers = [view.table.horizontalHeaderItem(i).text() for i in range(2)]
    assert any(h.startswith("Usine de Lyon") for h in headers)
    assert any(h.startswith("Usine de Nantes") for h in headers)
    rows = [view.table.verticalHeaderItem(r).text() for r in range(view.table.rowCount())]
    summary = rows.index("Summary")
    values = {view.table.item(summary, i).text() for i in range(2)}
    assert values == {"fuite au joint", "fuite au raccord"}
    assert view.table.item(summary, 0).background().color() == DIFFER_BACKGROUND
    title = rows.index("Title")
    assert view.table.item(title, 0).background().color() != DIFFER_BACKGROUND

    col = next(i for i, v in enumerate(c["versions"]) if v["site_name"] == "Usine de Nantes")
    keep = view.table.cellWidget(0, col).findChild(QPushButton)
    with qtbot.waitSignal(view.resolved, timeout=WAIT):
        qtbot.mouseClick(keep, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.list.count() == 1, timeout=WAIT)
    item = on_worker(qtbot, runner, lambda ws: ws.items.get(r1))
    assert item["summary"] == "fuite au raccord" and not item["conflict"]

    assert view.current is not None and view.current["id"] == r2
    dialog = view.open_merge()
    assert dialog is not None and set(dialog.editors) == {"summary"}
    shown = next(v for v in view.current["versions"] if v["shown"])
    assert dialog.text("summary") == shown["content"]["summary"]
    dialog.set_text("summary", "bruit au démarrage, surtout à chaud")
    with qtbot.waitSignal(view.resolved, timeout=WAIT):
        dialog.accept()
    qtbot.waitUntil(lambda: view.empty.isVisible(), timeout=WAIT)
    item = on_worker(qtbot, runner, lambda ws: ws.items.get(r2))
    assert item["summary"] == "bruit au démarrage, surtout à chaud" and not item["conflict"]
    assert len(on_worker(qtbot, runner, lambda ws: ws.items.revision(item["rev"]))["parents"]) == 2
    window.close()


def test_merge_can_take_the_other_versions_value(qtbot, runner, sites, tmp_path) -> None:
    lyon, nantes = sites
    r1, _ = make_conflicts(lyon, nantes, tmp_path)
    window = open_exchange(qtbot, runner, lyon, view="conflicts")
    view = window.conflicts_view
    view.select(r1)
    dialog = view.open_merge()
    assert dialog is not None
    other = next(v for v in view.current["versions"] if not v["shown"])
    dialog._take("priority", dialog.versions.index(other))
    assert set(dialog.changes()) == {"priority"}
    assert dialog.changes()["priority"] == other["content"].get("priority")
    dialog.reject()
    window.close()


def test_after_a_child_import_and_reindex_the_window_searches_without_reindexing(
    qtbot, runner, sites, tmp_path, monkeypatch
) -> None:
    """The child process indexes; the worker's open index only notices (new commits, a
    swapped-in folder) and never builds documents itself."""
    from copdesk.search import documents

    built_on: list[int] = []
    for name in ("documents_for", "all_documents"):
        real = getattr(documents, name)

        def recording(*args, real=real, **kwargs):
            built_on.append(threading.get_ident())
            return real(*args, **kwargs)

        monkeypatch.setattr(documents, name, recording)
    lyon, nantes = sites
    bundle = tmp_path / "lyon.copdesk"
    with Workspace.open(lyon) as ws:
        ws.sync.export(bundle)
    window = open_exchange(qtbot, runner, nantes)
    with qtbot.waitSignal(window.searchShown, timeout=WAIT):
        window.run_search("hydraulique")  # the worker opens the index and a searcher
    assert "Fuite hydraulique" not in window.page.toPlainText()
    built_on.clear()  # (a new workspace's first search builds its empty index)
    view = window.exchange_view
    run(qtbot, view, lambda: view.imports.preview_import(bundle))
    assert run(qtbot, view, view.imports.apply_import)["new"] == 3

    with qtbot.waitSignal(window.searchShown, timeout=WAIT):
        window.run_search("hydraulique")
    assert "Fuite hydraulique presse P12" in window.page.toPlainText()

    swapped = on_worker(qtbot, runner, lambda ws: ws.search.index._opened_dir)
    with qtbot.waitSignal(window.viewLoaded, timeout=WAIT):
        assert window.reindex() is not None
        assert window.operation_bar.cancel_button.isVisible()
    assert not window.operation_bar.cancel_button.isVisible() and window.last_error == ""
    with qtbot.waitSignal(window.searchShown, timeout=WAIT):
        window.run_search("encrassé")
    assert "Capteur encrassé" in window.page.toPlainText()
    assert on_worker(qtbot, runner, lambda ws: ws.search.index._opened_dir) != swapped  # followed
    assert (
        on_worker(qtbot, runner, lambda ws: ws.search.index.catch_up()) == 0
    )  # nothing left to do
    assert runner.thread_ident not in built_on
    window.close()


def test_a_failed_child_command_shows_its_one_line_error(qtbot, runner, sites, tmp_path) -> None:
    lyon, _ = sites
    window = open_exchange(qtbot, runner, lyon)
    view = window.exchange_view
    failed = run(qtbot, view, lambda: view.export.export_to(tmp_path / "no" / "such" / "x.copdesk"))
    assert isinstance(failed, BadInput)
    assert str(failed) == f"no folder {tmp_path / 'no' / 'such'}"
    assert window.last_error == str(failed)
    window.close()
