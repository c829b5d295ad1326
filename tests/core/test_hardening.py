"""Never lose or break a workspace: old schemas upgraded, read-only media, damaged
databases diagnosed and repaired (never written over), an all-or-nothing demo, two
writers at once, a full disk, FIFOs, leftovers of killed commands, backups."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import read_only_prefix, state_digest

from copdesk import Workspace
from copdesk.errors import CopdeskError
from copdesk.store.database import SCHEMA_VERSION, Damaged, ReadOnly

DATA = Path(__file__).parents[1] / "data"
COPDESK = [sys.executable, "-m", "copdesk"]


def copdesk(workspace: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    """The command line in a child process (as a user runs it)."""
    env = {**os.environ, "COPDESK_WORKSPACE": str(workspace)}
    return subprocess.run(
        [*COPDESK, *args], env=env, capture_output=True, text=True, timeout=120, **kw
    )


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err and "internal error" not in err, err
    return err


@pytest.fixture
def filled(ws: Workspace, tmp_path: Path) -> Workspace:
    ana = ws.items.add("person", {"name": "Ana"})["id"]
    ws.use(ana)
    c = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]
    for i in range(20):
        ws.items.add("rex", {"title": f"Fuite {i}", "community": c, "summary": "joint " * 50})
    photo = tmp_path / "photo.txt"
    photo.write_text("une photo", "utf-8")
    ws.items.attach(ws.items.list("rex")[0]["id"], photo)
    return ws


# -- schemas since the first release -------------------------------------------------


def _shape(db: Path) -> dict[str, object]:
    """Every table's columns and every index of a database (names)."""
    conn = sqlite3.connect(db)
    try:
        return {
            name: (
                sorted(c[1] for c in conn.execute(f"PRAGMA table_info('{name}')"))
                if kind == "table"
                else kind
            )
            for name, kind in conn.execute(
                "SELECT name, type FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        }
    finally:
        conn.close()


# 5: written between the merges of issues 14 and 12, its roles tables are now V6
@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6])
def test_a_workspace_of_every_schema_version_opens_and_upgrades(
    tmp_path: Path, version: int
) -> None:
    with zipfile.ZipFile(DATA / "schemas" / f"v{version}.zip") as zf:
        zf.extractall(tmp_path / "old")
    old = sqlite3.connect(tmp_path / "old" / "copdesk.db")
    assert old.execute("PRAGMA user_version").fetchone()[0] == version
    revisions = old.execute("SELECT count(*) FROM revisions").fetchone()[0]
    old.close()
    with Workspace.open(tmp_path / "old") as ws:
        assert ws.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert ws.check() == []
        assert ws.conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == revisions
        rex = next(r for r in ws.items.list("rex") if r["title"] == "Fuite P12")
        item = ws.items.get(rex["id"])
        assert item["status"] == "proposed" and item["lessons"].startswith("Changer")
        assert [h["title"] for h in ws.search.query("joint")["hits"]] == ["Fuite P12"]
        assert ws.items.list("rex", deleted=True)[0]["title"] == "Doublon"
        marie = ws.resolve("Marie Dupont", "person")
        if version >= 4:  # the current person then existed: she administers the site
            assert ws.permissions.admins() == [marie]
        with ws.acting_as(ws.permissions.admins()[0]):
            ws.items.edit(rex["id"], {"summary": "Joint usé, remplacé"})  # writes work
    backups = sorted((tmp_path / "old" / "backups").glob("copdesk-schema*.db"))
    assert [b.name for b in backups] == [f"copdesk-schema{version}.db"]  # kept before
    Workspace.create(tmp_path / "new", site="Usine de Lyon").close()
    assert _shape(tmp_path / "old" / "copdesk.db") == _shape(tmp_path / "new" / "copdesk.db")


# -- read-only -----------------------------------------------------------------------


def test_a_read_only_workspace_reads_everything_and_writes_nothing(
    filled: Workspace, tmp_path: Path
) -> None:
    path = filled.path
    filled.close()
    before = state_digest(path)
    with Workspace.open(path, read_only=True) as ws:
        assert ws.read_only and len(ws.items.list("rex")) == 20
        assert ws.search.query("joint")["total"] > 0
        assert ws.check() == []
        with pytest.raises(ReadOnly, match="read-only"):
            ws.items.add("rex", {"title": "Non"})
    r = copdesk(path, "--read-only", "list", "rex", "--json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 20
    r = copdesk(path, "--read-only", "add", "rex", "--json", "-", input='{"title": "x"}')
    assert r.returncode == 1 and "read-only" in one_line(r.stderr)
    assert state_digest(path) == before


@pytest.mark.skipif(sys.platform != "linux", reason="read-only mounts and permissions of Linux")
def test_a_workspace_on_read_only_media_opens_read_only_by_itself(filled: Workspace) -> None:
    path = filled.path
    filled.close()
    before = state_digest(path)
    prefix = read_only_prefix(path)
    env = {**os.environ, "COPDESK_WORKSPACE": str(path)}
    try:
        listing = subprocess.run(
            [*prefix, *COPDESK, "list", "rex"], env=env, capture_output=True, text=True, timeout=60
        )
        assert listing.returncode == 0, listing.stderr
        assert "Fuite 1" in listing.stdout and listing.stderr == ""
        searching = subprocess.run(
            [*prefix, *COPDESK, "search", "joint"], env=env, capture_output=True, text=True,
            timeout=60,
        )  # fmt: skip
        assert searching.returncode == 0 and "Fuite" in searching.stdout, searching.stderr
        adding = subprocess.run(
            [*prefix, *COPDESK, "add", "rex", "--json", "-"], input='{"title": "x"}', env=env,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert adding.returncode == 1 and "read-only" in one_line(adding.stderr)
    finally:
        for p in [path, *path.rglob("*")]:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
    assert state_digest(path) == before


# -- damage --------------------------------------------------------------------------


def _damage(path: Path, how: str) -> None:
    db = path / "copdesk.db"
    size = db.stat().st_size
    with open(db, "r+b") as f:
        if how == "empty":
            f.truncate(0)
        elif how == "header":
            f.write(b"this is not sqlite at all")
        elif how == "truncated":
            f.truncate(size // 2)
        elif how == "middle":
            f.seek(size // 2)
            f.write(os.urandom(8192))
        elif how == "tail":
            f.seek(size - 4096)
            f.write(b"\xff" * 4096)


@pytest.mark.parametrize("how", ["empty", "header", "truncated", "middle", "tail"])
def test_check_diagnoses_a_damaged_database_and_writes_are_refused(
    filled: Workspace, how: str
) -> None:
    path = filled.path
    filled.close()
    _damage(path, how)
    damaged = (path / "copdesk.db").read_bytes()
    r = copdesk(path, "check")
    assert r.returncode == 1 and r.stdout.strip(), r  # problems listed, no crash
    assert "Traceback" not in r.stderr and "internal error" not in r.stderr
    r = copdesk(path, "add", "rex", "--json", "-", input='{"title": "x"}')
    assert r.returncode == 1, r
    assert "repair" in one_line(r.stderr) or "damaged" in r.stderr
    assert (path / "copdesk.db").read_bytes() == damaged  # never written over


@pytest.mark.parametrize("how", ["middle", "tail", "truncated"])
def test_repair_rebuilds_into_a_new_file_and_keeps_the_old(filled: Workspace, how: str) -> None:
    path = filled.path
    filled.close()
    _damage(path, how)
    copdesk(path, "check")
    r = copdesk(path, "repair")
    if r.returncode == 0:
        assert "revisions kept" in r.stdout
        assert copdesk(path, "check").returncode == 0
        kept = [p for p in path.glob("copdesk.db.damaged-*") if p.name[-4:] not in ("-wal", "-shm")]
        assert len(kept) == 1 and kept[0].stat().st_size > 0  # with its journal beside it
        r = copdesk(path, "add", "rex", "--json", "-", "--id", input='{"title": "après"}')
        assert r.returncode == 0, r.stderr
    else:  # the site's identity itself was lost: said so, nothing changed
        assert "restore a backup" in one_line(r.stderr)


def test_an_empty_database_file_is_never_replaced(filled: Workspace) -> None:
    path = filled.path
    filled.close()
    _damage(path, "empty")
    for args in (("list", "rex"), ("status",), ("add", "rex", "--json", "-")):
        r = copdesk(path, *args, input='{"title": "x"}')
        assert r.returncode == 1 and "0 bytes" in one_line(r.stderr)
    assert (path / "copdesk.db").stat().st_size == 0
    with pytest.raises(Damaged):
        Workspace.open(path)


# -- all or nothing ------------------------------------------------------------------


def test_the_demo_is_all_or_nothing(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    before = state_digest(ws.path)
    calls = {"n": 0}
    add = ws.items.add

    def failing(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 60:
            raise OSError("the disk failed")
        return add(*args, **kw)

    monkeypatch.setattr(ws.items, "add", failing)
    with pytest.raises(OSError):
        ws.load_demo()
    assert state_digest(ws.path) == before  # nothing of the demo
    monkeypatch.setattr(ws.items, "add", add)
    counts = ws.load_demo()
    assert counts["rex"] == 42 and ws.analytics.stats()["members"] > 0
    dissolved = [c for c in ws.items.list("community") if c["stage"] == "dissolution"]
    assert len(dissolved) == 1


def test_a_demo_killed_midway_leaves_nothing_and_runs_again(tmp_path: Path) -> None:
    path = tmp_path / "ws"
    Workspace.create(path, site="Usine").close()
    proc = subprocess.Popen(
        [*COPDESK, "demo", "--progress-json"],
        env={**os.environ, "COPDESK_WORKSPACE": str(path)},
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )
    assert proc.stderr is not None
    proc.stderr.readline()  # it has started: the first progress line
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    with Workspace.open(path) as ws:
        held = ws.conn.execute("SELECT count(*) FROM items").fetchone()[0]
        assert held in (0, ws.summary()["revisions"]) and ws.check() == []
        if held == 0:  # killed before it committed: nothing of it
            assert ws.load_demo()["rex"] == 42
        stages = {c["name"]: c["stage"] for c in ws.items.list("community")}
        assert "dissolution" in stages.values()


def test_two_processes_editing_one_item_never_make_a_false_conflict(ws: Workspace) -> None:
    rex = ws.items.add("rex", {"title": "Compteur", "summary": "0"})["id"]
    path = ws.path
    ws.close()
    script = (
        "import sys\nfrom copdesk import Workspace\n"
        "with Workspace.open(sys.argv[1], index=False) as ws:\n"
        "    for i in range(60):\n"
        "        ws.items.edit(sys.argv[2], {'summary': sys.argv[3] + str(i)})\n"
    )
    procs = [subprocess.Popen([sys.executable, "-c", script, str(path), rex, tag]) for tag in "ab"]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    with Workspace.open(path) as ws:
        item = ws.items.get(rex)
        assert not item["conflict"] and len(ws.items.history(rex)) == 121


def test_a_writer_waits_for_another_and_says_so(filled: Workspace) -> None:
    path = filled.path
    filled.close()
    holder = sqlite3.connect(path / "copdesk.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in a long transaction
    proc = subprocess.Popen(
        [*COPDESK, "add", "rex", "--json", "-", "--id"],
        env={**os.environ, "COPDESK_WORKSPACE": str(path)},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdin is not None and proc.stderr is not None
    proc.stdin.write('{"title": "patient"}')
    proc.stdin.close()
    assert "waiting for another copdesk" in proc.stderr.readline()  # said while waiting
    holder.execute("ROLLBACK")
    holder.close()
    assert proc.stdout is not None
    with proc.stdout, proc.stderr:
        out = proc.stdout.read()
    assert proc.wait(timeout=60) == 0 and len(out.split()) == 1


# -- the medium ----------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE is POSIX")
def test_a_full_disk_is_one_line_and_changes_nothing(filled: Workspace, tmp_path: Path) -> None:
    path = filled.path
    filled.close()
    big = tmp_path / "big.csv"
    with open(big, "w", encoding="utf-8") as f:
        f.write("title;summary\n")
        for i in range(4000):
            f.write(f"Rapport {i};{'texte long ' * 100}\n")
    before = state_digest(path)
    size = (path / "copdesk.db").stat().st_size

    def limit() -> None:
        import resource

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # EFBIG instead of a kill
        limit = size + 256 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = copdesk(path, "import-csv", "rex", str(big), preexec_fn=limit)
    assert r.returncode == 1, r
    one_line(r.stderr)
    assert state_digest(path) == before
    assert copdesk(path, "check").returncode == 0


def test_a_fifo_is_refused_at_once(filled: Workspace, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    path = filled.path
    filled.close()
    for args in (
        ("add", "rex", "--file", str(fifo)),
        ("add", "rex", "--json", str(fifo)),
        ("import-csv", "rex", str(fifo)),
        ("attach", "Fuite 1", str(fifo)),
    ):
        r = copdesk(path, *args)  # a hang would hit the 120 s timeout
        assert r.returncode == 2 and "not a regular file" in one_line(r.stderr), args


def test_leftovers_of_killed_commands_are_listed_and_cleaned(filled: Workspace) -> None:
    blob = filled.blobs.root / "ab" / ("ab" + "0" * 62)
    blob.parent.mkdir(exist_ok=True)
    blob.write_bytes(b"an attachment whose revision never committed")
    staging = filled.path / "staging" / "incoming-999999-dead.copdesk"
    staging.parent.mkdir(exist_ok=True)
    staging.write_bytes(b"half a bundle")
    found = {Path(f["path"]).name for f in filled.leftovers()}
    assert found == {blob.name, staging.name}
    path = filled.path
    filled.close()
    r = copdesk(path, "check")
    assert r.returncode == 0 and "leftover" in r.stdout and "--clean" in r.stdout
    assert copdesk(path, "check", "--clean").returncode == 0
    assert not blob.exists() and not staging.exists()
    assert "leftover" not in copdesk(path, "check").stdout


# -- backups -------------------------------------------------------------------------


def test_backup_and_restore_of_this_site(filled: Workspace, tmp_path: Path) -> None:
    dest = tmp_path / "sauvegarde"
    done = filled.backup(dest)
    assert done["items"]["rex"] == 20 and not (dest / "keys").exists()
    assert (dest / "copdesk.db").is_file() and len(list((dest / "blobs").rglob("*.*"))) == 0
    assert len([p for p in (dest / "blobs").rglob("*") if p.is_file()]) == 1
    filled.items.add("rex", {"title": "Après la sauvegarde"})
    path = filled.path
    filled.close()
    r = copdesk(path, "restore-backup", str(dest))
    assert r.returncode == 0, r.stderr
    with Workspace.open(path) as ws:
        assert len(ws.items.list("rex")) == 20 and ws.check() == []
        kept = sorted((path / "backups").glob("before-restore-*.db"))
        assert len(kept) == 1  # the replaced database stays at hand
    other = tmp_path / "other"
    Workspace.create(other, site="Autre").close()
    r = copdesk(other, "restore-backup", str(dest))
    assert r.returncode == 2 and "another site" in one_line(r.stderr)
    with pytest.raises(CopdeskError, match="inside the workspace"), Workspace.open(path) as ws:
        ws.backup(path / "inside")


# -- never written over --------------------------------------------------------------


def test_export_and_backup_never_write_over_the_workspace(
    filled: Workspace, tmp_path: Path
) -> None:
    path = filled.path
    filled.close()
    (path / "keys").mkdir(exist_ok=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "copdesk.db").symlink_to(path / "copdesk.db")  # a link into it
    linked = tmp_path / "outside-blobs"
    os.replace(path / "blobs", linked)
    (path / "blobs").symlink_to(linked)  # the attachments on another disk
    files = sorted(p for p in path.rglob("*") if p.is_file())
    before = {p: p.read_bytes() for p in files}
    for target in (
        path / "copdesk.db",
        path / "keys" / "site.key",
        path / "new.copdesk",
        path / "index" / "x.copdesk",
        elsewhere / "copdesk.db",
        linked / "x.copdesk",
    ):
        r = copdesk(path, "export", "--to", str(target))
        assert r.returncode == 2 and "inside the workspace" in one_line(r.stderr), target
    for folder in (path / "backups" / "b", linked / "b", path):
        r = copdesk(path, "backup", str(folder))
        assert r.returncode == 2 and "inside the workspace" in one_line(r.stderr), folder
    assert {p: p.read_bytes() for p in files} == before
    assert sorted(p for p in path.rglob("*") if p.is_file()) == files  # nothing added
    r = copdesk(path, "export", "--to", str(tmp_path / "ok.copdesk"))
    assert r.returncode == 0, r.stderr  # beside the workspace is fine


def test_check_re_derives_every_item_in_one_pass(filled: Workspace) -> None:
    """check compares each item with its heads without holding every body: a changed
    content, a lost row and a row without revisions are each named."""
    assert filled.check() == []
    rows = filled.items.list("rex")
    changed, lost = rows[0]["id"], rows[1]["id"]
    conn = filled.conn
    conn.execute("BEGIN")
    conn.execute("UPDATE items SET data = replace(data, 'joint', 'jonit') WHERE id = ?", (changed,))
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("DELETE FROM refs WHERE item_id = ?", (lost,))
    conn.execute("DELETE FROM items WHERE id = ?", (lost,))
    conn.execute(
        "INSERT INTO items (id, kind, head, heads, deleted, conflict, title, tags, origin_site,"
        " created_at, updated_at, change, data) SELECT 'orphan', kind, head, heads, deleted,"
        " conflict, title, tags, origin_site, created_at, updated_at, -1, data FROM items"
        " WHERE id = ?",
        (changed,),
    )
    conn.execute("COMMIT")
    problems = filled.check()
    assert f"item {changed}: current state differs from its revisions []" in problems
    assert f"item {lost}: has revisions but no current state" in problems
    assert "item orphan: has no revisions" in problems
