"""This site from the window: a copy decides what it is, a read-only workspace disables
its writing actions, a damaged database offers Check and Repair, backups (now, daily)
and a restore, Site settings (administrators, keys, this computer), and what an import
held back, with the way to trust its site."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from helpers import modal, on_worker, open_window, pair
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton

from copdesk import Workspace
from copdesk.gui.actions import Act
from copdesk.gui.dialogs.copy import CopyDialog
from copdesk.gui.dialogs.site import SiteSettingsDialog
from copdesk.gui.exchange.roster import TrustDialog
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.settings import settings
from copdesk.gui.tasks.upkeep import BACKUP_FOLDER, LAST_BACKUP

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 20_000
WRITES = (Act.NEW, Act.ASK, Act.COMMENT, Act.DELETE, Act.IMPORT_CSV, Act.EDIT_ITEM)


def site_at(path: Path, name: str = "Usine de Lyon") -> str:
    """A workspace with Ana (its administrator) writing and one report; the report's id."""
    with Workspace.create(path, site=name) as ws:
        ws.use(ws.items.add("person", {"name": "Ana Lopez"})["id"])
        return ws.items.add("rex", {"title": "Fuite au raccord du vérin"})["id"]


def window_on(qtbot, runner, path: Path, view: str = "rex") -> MainWindow:
    return open_window(qtbot, runner, path, view, remember=False)


def buttons(bar) -> list[QPushButton]:
    """The actions a message bar offers (a banner across the window)."""
    return bar.findChildren(QPushButton)


def confirm(qtbot) -> None:
    box = modal(qtbot, QMessageBox)
    box.findChild(QPushButton, "confirmButton").click()


def test_a_copy_asks_what_it_is_read_only_disables_writes_split_makes_a_new_site(
    qtbot, runner, tmp_path: Path
) -> None:
    original = tmp_path / "lyon"
    rex = site_at(original)
    copy = tmp_path / "copie"
    shutil.copytree(original, copy)  # the original is still there: this one is a copy
    window = window_on(qtbot, runner, copy)
    dialog = modal(qtbot, CopyDialog)
    why = dialog.findChild(type(dialog.message), "copyMessage").text()
    assert why.startswith("This workspace is a copy of site 'Usine de Lyon' (of the workspace in")
    assert "copdesk site" not in why  # the command line's advice is the choices here
    assert window.tasks.site.status.text() == "a copy: read-only until you decide what it is"
    assert all(not window.registry[a].isEnabled() for a in WRITES)  # nothing may be written
    assert "read-only until you decide" in window.registry[Act.NEW].toolTip()

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Later: a write tried meanwhile is refused…
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    from copdesk.gui import write_jobs

    with qtbot.waitSignal(window.loads.failed, timeout=WAIT) as refused:
        window.loads.perform(write_jobs.comment(rex, "tried on the copy"))
    assert type(refused.args[0]).__name__ == "WorkspaceCopied"
    notice = window.tasks.upkeep.banner
    assert notice.text == "This workspace is a copy: decide what it is to write here."
    assert [b.text() for b in buttons(notice)] == ["Decide…"]  # …with the way out
    buttons(notice)[0].click()
    dialog = modal(qtbot, CopyDialog)
    dialog.read_only.setChecked(True)  # kept for reading
    with qtbot.waitSignal(window.workspaceReady, timeout=WAIT):  # opened again, decided
        dialog.accept()
    qtbot.waitUntil(lambda: window.tasks.site.status.text() == "read-only", timeout=WAIT)
    with qtbot.waitSignal(window.itemShown, timeout=WAIT):
        window.show_view(f"item:{rex}")
    qtbot.waitUntil(lambda: (window.tasks.items.state or {}).get("id") == rex, timeout=WAIT)
    assert not window.registry[Act.COMMENT].isEnabled()  # an item shown: still read-only
    assert not window.editing.edit_action.isEnabled()
    assert window.registry[Act.HISTORY].isEnabled()  # reading goes on
    assert window.banner.isHidden()  # the copy's refusal shown before is answered
    window.detail.anchorClicked.emit(QUrl("task:comment"))  # the pane's link, as its action:
    assert window.statusBar().currentMessage() == "read-only"  # says why, opens nothing
    assert QApplication.activeModalWidget() is None
    window.close()

    second = tmp_path / "copie2"
    shutil.copytree(original, second)
    window = window_on(qtbot, runner, second)
    dialog = modal(qtbot, CopyDialog)
    dialog.accept()  # a new site needs a name
    assert dialog.isVisible() and dialog.message.text() == "Give the new site a name."
    dialog.name.setText("Usine de Lyon (formation)")
    with qtbot.waitSignal(window.workspaceReady, timeout=WAIT) as ready:
        dialog.accept()
    assert ready.args[0]["site_name"] == "Usine de Lyon (formation)"
    qtbot.waitUntil(lambda: window.tasks.site.standing["state"] == "ok", timeout=WAIT)
    assert window.site_label.text() == "Site: Usine de Lyon (formation)"
    assert window.tasks.site.status.isHidden()
    assert all(window.registry[a].isEnabled() for a in (Act.NEW, Act.ASK, Act.IMPORT_CSV))
    window.close()


def test_a_copy_moved_here_or_without_its_key_offers_the_right_choices(
    qtbot, runner, tmp_path: Path
) -> None:
    original = tmp_path / "lyon"
    site_at(original)
    moved = tmp_path / "nouveau-pc"
    shutil.copytree(original, moved)
    window = window_on(qtbot, runner, moved)
    dialog = modal(qtbot, CopyDialog)
    assert not dialog.moved.isHidden() and dialog.lost_key.isHidden()
    dialog.moved.setChecked(True)  # this is the site, moved: the original never used again
    with qtbot.waitSignal(window.workspaceReady, timeout=WAIT):
        dialog.accept()
    qtbot.waitUntil(lambda: window.tasks.site.standing["state"] == "ok", timeout=WAIT)
    assert window.site_label.text() == "Site: Usine de Lyon"  # the same site
    assert window.registry[Act.NEW].isEnabled()
    window.close()

    keyless = tmp_path / "sans-cle"
    shutil.copytree(original, keyless)
    shutil.rmtree(original)  # the original is gone, and with it its key
    (keyless / "keys" / "site.key").unlink()
    window = window_on(qtbot, runner, keyless)
    dialog = modal(qtbot, CopyDialog)
    why = dialog.findChild(type(dialog.message), "copyMessage").text()
    assert (
        why
        == "This workspace of site 'Usine de Lyon' has no key (its key (keys/site.key) is missing)."
    )
    assert dialog.moved.isHidden() and not dialog.lost_key.isHidden()  # moved: refused
    dialog.lost_key.setChecked(True)
    with qtbot.waitSignal(window.workspaceReady, timeout=WAIT):
        dialog.accept()
    qtbot.waitUntil(lambda: window.tasks.site.standing["state"] == "ok", timeout=WAIT)
    assert (keyless / "keys" / "site.key").is_file()  # a new key, peers trust it again
    assert window.registry[Act.NEW].isEnabled()
    window.close()


def test_a_workspace_busy_in_another_process_is_said_and_nothing_written(
    qtbot, runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from copdesk.gui import write_jobs
    from copdesk.store import database

    path = tmp_path / "ws"
    rex = site_at(path)
    window = window_on(qtbot, runner, path)
    monkeypatch.setattr(database, "WAIT_SECONDS", 1.5)  # not ten minutes (said after 1 s)
    other = sqlite3.connect(path / "copdesk.db")  # another copdesk, in the middle of a write
    other.execute("BEGIN IMMEDIATE")
    try:
        with qtbot.waitSignal(window.loads.failed, timeout=WAIT) as refused:
            window.loads.perform(write_jobs.comment(rex, "pendant l'import"))
    finally:
        other.rollback()
        other.close()
    assert type(refused.args[0]).__name__ == "WorkspaceBusy"
    assert (
        window.statusBar()
        .currentMessage()
        .startswith(  # the wait was said meanwhile
            "waiting for another copdesk writing to this workspace"
        )
    )
    assert window.banner.text.startswith("another copdesk has been writing to this workspace")
    assert "try again when it has finished" in window.banner.text
    comments = on_worker(qtbot, runner, lambda ws: ws.items.get(rex)["comments"])
    assert comments == []
    window.close()


def test_a_damaged_database_offers_check_and_repair(qtbot, runner, tmp_path: Path) -> None:
    path = tmp_path / "ws"
    site_at(path)
    (path / "copdesk.db.damaged").write_text("page 7: malformed\n", "utf-8")
    window = window_on(qtbot, runner, path)
    banner = window.tasks.upkeep.banner
    qtbot.waitUntil(banner.isVisible, timeout=WAIT)
    assert banner.text.startswith("The database failed its check")
    assert [b.text() for b in buttons(banner)] == ["Check", "Repair…"]
    assert not window.registry[Act.NEW].isEnabled()
    assert window.tasks.site.status.text().startswith("damaged")

    with qtbot.waitSignal(window.commands.finished, timeout=WAIT) as checked:
        buttons(banner)[0].click()  # `copdesk check`, in a child process
    assert checked.args[1]["ok"] is True  # this file reads fine: only the mark says no
    assert "passed its check" in window.statusBar().currentMessage()

    buttons(banner)[1].click()  # Repair…: confirmed, the workspace closed meanwhile
    with qtbot.waitSignal(window.workspaceReady, timeout=WAIT):
        confirm(qtbot)
    qtbot.waitUntil(lambda: window.registry[Act.NEW].isEnabled(), timeout=WAIT)
    assert not (path / "copdesk.db.damaged").exists()
    assert list(path.glob("copdesk.db.damaged-*"))  # the old file is kept
    assert banner.isHidden() and window.tasks.site.status.isHidden()
    assert "Repaired:" in window.statusBar().currentMessage()
    titles = on_worker(qtbot, runner, lambda ws: [r["title"] for r in ws.items.list("rex")])
    assert titles == ["Fuite au raccord du vérin"]
    window.close()


def test_backup_now_the_daily_backup_and_a_restore(
    qtbot, runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "ws"
    site_at(path)
    daily = tmp_path / "daily"
    s = settings()
    s.setValue(BACKUP_FOLDER, str(daily))
    s.sync()
    window = window_on(qtbot, runner, path)  # the daily backup is due: it runs at once
    qtbot.waitUntil(lambda: (daily / "backup.json").is_file(), timeout=WAIT)
    qtbot.waitUntil(lambda: "Daily backup written" in window.statusBar().currentMessage())
    assert settings().value(LAST_BACKUP)
    taken = json.loads((daily / "backup.json").read_text("utf-8"))["taken_at"]
    with qtbot.waitSignal(window.workspaceReady, timeout=WAIT):  # not due again today
        window.open_workspace(path)
    assert window.commands.running is None
    assert json.loads((daily / "backup.json").read_text("utf-8"))["taken_at"] == taken

    now = tmp_path / "now"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(now))
    with qtbot.waitSignal(window.commands.finished, timeout=WAIT):
        window.registry[Act.BACKUP].trigger()  # File ▸ Back up now…
    assert (now / "copdesk.db").is_file()
    assert f"Backed up to {now}" in window.statusBar().currentMessage()

    def after_backup(ws):  # written and sent to other sites after the backup
        ws.items.add("rex", {"title": "Écrit après"})
        ws.sync.export(tmp_path / "sent.copdesk")

    on_worker(qtbot, runner, after_backup)
    window.registry[Act.RESTORE_BACKUP].trigger()  # File ▸ Restore from a backup…
    box = modal(qtbot, QMessageBox)
    assert box.text().startswith("Restore the backup of Usine de Lyon taken ")
    with qtbot.waitSignal(window.workspaceReady, timeout=WAIT):
        box.findChild(QPushButton, "confirmButton").click()
    said = modal(qtbot, QMessageBox)  # behind what it had sent: said once, on opening
    assert said.windowTitle() == "Restored from a backup"
    assert said.text().startswith("This workspace was restored from a backup")
    said.close()
    qtbot.waitUntil(lambda: "Restored." in window.statusBar().currentMessage(), timeout=WAIT)
    titles = on_worker(qtbot, runner, lambda ws: [r["title"] for r in ws.items.list("rex")])
    assert titles == ["Fuite au raccord du vérin"]  # as in the backup
    assert list((path / "backups").glob("before-restore-*.db"))
    window.close()


def test_site_settings_administrators_keys_and_this_computer(qtbot, runner, tmp_path: Path) -> None:
    path = tmp_path / "ws"
    site_at(path)
    with Workspace.open(path) as ws:
        bob = ws.items.add("person", {"name": "Bob Martin"})["id"]
    window = window_on(qtbot, runner, path)
    window.registry[Act.SITE_SETTINGS].trigger()
    dialog = modal(qtbot, SiteSettingsDialog)
    qtbot.waitUntil(lambda: dialog.people.admins.count() == 1, timeout=WAIT)
    assert dialog.people.admins.item(0).text() == "Ana Lopez"
    assert dialog.site.name.text().startswith("Usine de Lyon (")
    assert dialog.site.keys.rowCount() == 1 and dialog.site.keys.item(0, 1).text() == "current"

    dialog.people.person.setCurrentIndex(dialog.people.person.findText("Bob Martin"))
    qtbot.mouseClick(dialog.people.add, Qt.MouseButton.LeftButton)  # name an administrator
    qtbot.waitUntil(lambda: dialog.people.admins.count() == 2, timeout=WAIT)
    admins = on_worker(qtbot, runner, lambda ws: ws.permissions.admins())
    assert bob in admins

    qtbot.mouseClick(dialog.site.rotate, Qt.MouseButton.LeftButton)  # a new key, confirmed
    confirm(qtbot)
    qtbot.waitUntil(lambda: dialog.site.keys.rowCount() == 2, timeout=WAIT)
    states = {dialog.site.keys.item(r, 1).text() for r in range(2)}
    assert states == {"current", "older"}

    assert dialog.computer.login.text()  # this computer's login
    dialog.computer.tied.setCurrentIndex(dialog.computer.tied.findText("Ana Lopez"))
    with qtbot.waitSignal(window.hub.flushed, timeout=WAIT):
        qtbot.mouseClick(dialog.computer.tie_button, Qt.MouseButton.LeftButton)
    tied = on_worker(qtbot, runner, lambda ws: ws.permissions.login_person())
    assert tied == on_worker(qtbot, runner, lambda ws: ws.current_person)
    dialog.computer.proof.setValue(15)
    dialog.computer.proof.editingFinished.emit()
    assert (
        int(
            QSettings(settings().fileName(), QSettings.Format.IniFormat).value(
                "security/proof_minutes"
            )
        )
        == 15
    )
    minutes = on_worker(qtbot, runner, lambda ws: ws.permissions.proof_minutes)
    assert minutes == 15

    with qtbot.waitSignal(window.personChanged, timeout=WAIT):
        window.use_person(bob)  # Bob removes Ana
    dialog.people.admins.setCurrentRow(0)
    qtbot.mouseClick(dialog.people.remove, Qt.MouseButton.LeftButton)
    confirm(qtbot)
    qtbot.waitUntil(lambda: dialog.people.admins.count() == 1, timeout=WAIT)
    dialog.people.admins.setCurrentRow(0)  # the last one stays: refused, said here
    qtbot.mouseClick(dialog.people.remove, Qt.MouseButton.LeftButton)
    confirm(qtbot)
    qtbot.waitUntil(lambda: "always keeps" in dialog.message.text(), timeout=WAIT)
    assert dialog.message.text() == (
        "the site always keeps one administrator: name another one first"
    )
    assert dialog.people.admins.count() == 1
    dialog.close()
    window.close()


def test_an_import_lists_what_it_held_back_and_offers_to_trust_its_site(
    qtbot, runner, tmp_path: Path
) -> None:
    """Lyon relays Metz's sheet to Nantes, which does not trust Metz (yet)."""
    paths = {n: tmp_path / n for n in ("lyon", "nantes", "metz")}
    for name, path in paths.items():
        Workspace.create(path, site=f"Usine de {name.title()}").close()
    with (
        Workspace.open(paths["lyon"]) as lyon,
        Workspace.open(paths["nantes"]) as nantes,
        Workspace.open(paths["metz"]) as metz,
    ):
        pair(lyon, nantes)
        pair(lyon, metz)
        metz.items.add("howto", {"title": "Changer un joint torique"})
        lyon.items.add("rex", {"title": "Fuite sur la P12"})
        metz.sync.export(tmp_path / "metz.copdesk")
        lyon.sync.import_bundle(tmp_path / "metz.copdesk")
        lyon.sync.export(tmp_path / "lyon.copdesk")
        metz_id = metz.sites.identity()
    window = window_on(qtbot, runner, paths["nantes"], "exchange")
    panel = window.exchange_view.imports
    with qtbot.waitSignal(window.commands.finished, timeout=WAIT):
        panel.preview_import(tmp_path / "lyon.copdesk")
    rows = [list(panel.rows.texts(r)) for r in range(panel.rows.rowCount())]
    held = [r for r in rows if r[2].startswith("held back")]
    assert held and held[0][0] == "Changer un joint torique"
    assert held[0][2] == "held back (Usine de Metz): its site is not trusted here"
    assert any(r[0] == "Fuite sur la P12" and r[2] == "new" for r in rows)
    assert "revisions held back" in panel.label.text()
    assert panel.trust_held_button.isVisible()

    qtbot.mouseClick(panel.trust_held_button, Qt.MouseButton.LeftButton)
    dialog = modal(qtbot, TrustDialog)
    assert dialog.site_id.text() == metz_id["site_id"] and dialog.name.text() == "Usine de Metz"
    dialog.key.setText(metz_id["key"])  # as Metz's own `copdesk identity` shows it
    assert dialog.fingerprint.text() == f"<b>{metz_id['fingerprint']}</b>"  # compared by phone
    with qtbot.waitSignal(window.exchange_view.loaded, timeout=WAIT):
        dialog.accept()
    trust = on_worker(qtbot, runner, lambda ws: {s["name"]: s["trust"] for s in ws.sites.list()})
    assert trust["Usine de Metz"] == "trusted"
    with qtbot.waitSignal(window.commands.finished, timeout=WAIT):
        panel.preview_import(tmp_path / "lyon.copdesk")
    assert not panel.held and panel.trust_held_button.isHidden()
    assert QApplication.activeModalWidget() is None
    window.close()


def test_an_edit_that_overturned_a_deletion_says_so_in_the_import(
    qtbot, runner, tmp_path: Path
) -> None:
    """Lyon deleted a report that Nantes edited meanwhile: the edit is kept, and said."""
    lyon_path, nantes_path = tmp_path / "lyon", tmp_path / "nantes"
    rex = site_at(lyon_path)
    Workspace.create(nantes_path, site="Usine de Nantes").close()
    with Workspace.open(lyon_path) as lyon, Workspace.open(nantes_path) as nantes:
        pair(lyon, nantes)
        lyon.sync.export(tmp_path / "a.copdesk")
        nantes.sync.import_bundle(tmp_path / "a.copdesk")
        with nantes.permissions.bypass():
            nantes.items.edit(rex, {"lessons": "Resserrer au couple après chaque intervention."})
        nantes.sync.export(tmp_path / "b.copdesk")
        lyon.items.delete(rex)
    window = window_on(qtbot, runner, lyon_path, "exchange")
    panel = window.exchange_view.imports
    with qtbot.waitSignal(window.commands.finished, timeout=WAIT):
        panel.preview_import(tmp_path / "b.copdesk")
    texts = [panel.rows.texts(r) for r in range(panel.rows.rowCount())]
    rows = {item: change for item, _, change in texts}
    assert (
        "kept: an edit overturned its deletion at Usine de Lyon"
        in rows["Fuite au raccord du vérin"]
    )
    window.close()
