"""Faults found when bundles were tried as site administrators would (issue 12, items
3 to 12): each test here failed before its fix."""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from helpers import MADE, pair, state_digest
from helpers import make_site as make

from copdesk import Workspace
from copdesk.cli import main
from copdesk.errors import BadInput, UntrustedSite
from copdesk.store import revisions as revs
from copdesk.sync import keys
from copdesk.sync.bundle import MIMETYPE


def send(src: Workspace, dst: Workspace, tmp_path: Path, **kw) -> dict:
    path = tmp_path / f"{src.site_name}-{os.urandom(3).hex()}.copdesk"
    src.sync.export(path, peer=dst.site_id, **kw)
    return dst.sync.import_bundle(path)


def run(
    capsys: pytest.CaptureFixture[str], ws: Path, *args: str, input_: str | None = None
) -> tuple[int, str, str]:
    capsys.readouterr()
    if input_ is not None:
        import io

        sys.stdin = io.TextIOWrapper(io.BytesIO(json.dumps({"title": input_}).encode()))
    try:
        code = main(["--workspace", str(ws), *args])
    finally:
        sys.stdin = sys.__stdin__
    out = capsys.readouterr()
    return code, out.out, out.err


# -- 7. a FIFO is refused at once -------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_import_of_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    a = make(tmp_path, "Lyon")
    fifo = tmp_path / "tube.copdesk"
    os.mkfifo(fifo)
    before = state_digest(a.path)
    for args in (["import", str(fifo)], ["trust", "--from-bundle", str(fifo)]):
        proc = subprocess.run(
            [sys.executable, "-m", "copdesk", "--workspace", str(a.path), *args],
            capture_output=True,
            text=True,
            timeout=60,  # before the fix: waits forever for a writer
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "is not a file" in proc.stderr
    assert state_digest(a.path) == before


# -- 10. text that hides or reverses what follows ---------------------------------------


RLO_TITLE = "Notice \u202eexe.pdf"


def test_nul_and_bidi_controls_are_refused_locally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = make(tmp_path, "Lyon")
    before = state_digest(a.path)
    for title, code_point in ((RLO_TITLE, "U+202E"), ("Fuite\x00 cachée", "U+0000")):
        code, _, err = run(capsys, a.path, "add", "rex", "--json", "-", input_=title)
        assert code == 2 and code_point in err and "title" in err, err
        assert err.count("\n") == 1
        with pytest.raises(BadInput, match=re.escape(code_point)):
            a.items.add("rex", {"title": "ok", "tags": [f"x{title}"]})
    assert state_digest(a.path) == before


def test_bidi_controls_stored_earlier_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = make(tmp_path, "Lyon")
    rex = a.items.add("rex", {"title": "Notice"})
    # as a workspace that accepted it before the fix holds it
    a.conn.execute("UPDATE items SET title = ? WHERE id = ?", (RLO_TITLE, rex["id"]))
    code, out, _ = run(capsys, a.path, "list", "rex")
    assert code == 0 and "\u202e" not in out and "Notice <U+202E>exe.pdf" in out


# -- crafting bundles as a hostile (but trusted) site would --------------------------------


def parts_of(path: Path) -> tuple[dict, list[dict], dict[str, bytes]]:
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        lines = [json.loads(x) for x in zf.read("revisions.jsonl").splitlines()]
        blobs = {n[6:]: zf.read(n) for n in zf.namelist() if n.startswith("blobs/")}
    return manifest, lines, blobs


def rev_id(revision: dict) -> str:
    return hashlib.sha256(revs.dump(revision).encode()).hexdigest()


def rebuild(
    target: Path, manifest: dict, lines: list[dict], blobs: dict[str, bytes], signer: Path
) -> Path:
    """A bundle from its parts, hashed and signed (manifest) with ``signer``'s key."""
    loose = sum(1 for x in lines if x.get("feed") is None)
    counts = {**manifest["counts"], "revisions": len(lines), "loose": loose}
    return write_bundle(target, {**manifest, "counts": counts}, lines, blobs, signer)


def write_bundle(
    target: Path, manifest: dict, lines: list[dict], blobs: dict[str, bytes], signer: Path
) -> Path:
    """The zip of §1 of docs/bundle-format.md: files listed, manifest signed."""
    jsonl = b"".join((revs.dump(x) + "\n").encode() for x in lines)
    files = {"revisions.jsonl": {"sha256": hashlib.sha256(jsonl).hexdigest(), "size": len(jsonl)}}
    for sha, data in sorted(blobs.items()):
        files[f"blobs/{sha}"] = {"sha256": sha, "size": len(data)}
    manifest = {**manifest, "files": files}
    manifest["counts"] = {**manifest["counts"], "attachments": len(blobs)}
    raw = json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False).encode()
    with zipfile.ZipFile(target, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype", (1980, 1, 1, 0, 0, 0)), MIMETYPE)
        zf.writestr("manifest.json", raw)
        zf.writestr("signature", keys.sign(signer, raw))
        zf.writestr("revisions.jsonl", jsonl)
        for sha, data in sorted(blobs.items()):
            zf.writestr(f"blobs/{sha}", data)
    return target


def three(tmp_path: Path) -> tuple[Workspace, Workspace, Workspace]:
    """Lyon, Grenoble and Nantes, each trusting the two others."""
    lyon, gre, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Grenoble"), make(tmp_path, "Nantes")
    pair(lyon, gre)
    pair(lyon, nantes)
    pair(gre, nantes)
    return lyon, gre, nantes


def forged_line(lyon: Workspace, origin: Workspace, feed_n: int, title: str) -> dict:
    """A revision that claims ``origin`` made it, numbered in its feed, signed by Lyon."""
    revision = {
        "at": "2026-01-05T10:00:00.000Z",
        "author": None,
        "content": {"language": "fr", "priority": "blue", "site": origin.site_name,
                    "status": "draft", "title": title, "visibility": "shared"},
        "item": str(uuid.uuid4()),
        "kind": "rex",
        "op": "create",
        "parents": [],
        "seq": 1000 + feed_n,
        "site": origin.site_id,
        "v": 1,
    }  # fmt: skip
    sig = keys.sign(lyon.path, rev_id(revision).encode())
    return {"feed": origin.site_id, "n": feed_n, "revision": revision, "sig": sig}


def test_a_trusted_relay_cannot_forge_another_sites_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyon, gre, nantes = three(tmp_path)
    real = gre.items.add("rex", {"title": "Vrai rapport de Grenoble"})
    lyon.items.add("rex", {"title": "Rapport de Lyon"})
    honest = tmp_path / "lyon.copdesk"
    lyon.sync.export(honest, peer=nantes.site_id)
    manifest, lines, blobs = parts_of(honest)
    manifest["sites"][gre.site_id] = gre.site_name
    manifest["sites"][nantes.site_id] = nantes.site_name
    cases = {
        "other origin": forged_line(lyon, gre, 5, "Faux rapport de Grenoble"),
        "own origin": forged_line(lyon, nantes, 1, "Faux rapport de Nantes"),
        "next feed number": forged_line(lyon, gre, 1, "Grenoble, numéro suivant"),
    }
    for what, line in cases.items():
        bad = rebuild(tmp_path / f"forged-{what}.copdesk", manifest, [*lines, line], blobs,
                      lyon.path)  # fmt: skip
        before = state_digest(nantes.path)
        code, out, err = run(capsys, nantes.path, "import", str(bad))
        assert code == 2 and out == "" and err.count("\n") == 1, (what, err)
        assert "does not hold" in err and "forged or altered" in err, (what, err)
        assert state_digest(nantes.path) == before, what
    # Grenoble's own bundle, with the number the forger tried to take, still imports
    assert send(gre, nantes, tmp_path)["new"] == 1
    assert nantes.items.get(real["id"])["title"] == "Vrai rapport de Grenoble"
    assert send(gre, nantes, tmp_path, full=True)["new"] == 0


def test_a_revision_without_its_signature_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    lyon.items.add("rex", {"title": "Rapport"})
    path = tmp_path / "lyon.copdesk"
    lyon.sync.export(path)
    manifest, lines, blobs = parts_of(path)
    del lines[0]["sig"]
    bad = rebuild(tmp_path / "nosig.copdesk", manifest, lines, blobs, lyon.path)
    before = state_digest(nantes.path)
    code, _, err = run(capsys, nantes.path, "import", str(bad))
    assert code == 2 and "has no signature of its origin site" in err
    assert state_digest(nantes.path) == before


def test_untrusting_a_site_stops_its_revisions_whoever_relays_them(tmp_path: Path) -> None:
    lyon, metz, nantes = three(tmp_path)  # Metz plays the relay
    nantes.sites.untrust(lyon.site_id)
    report = lyon.items.add("rex", {"title": "Après la révocation"})
    send(lyon, metz, tmp_path)
    got = send(metz, nantes, tmp_path)
    assert got["new"] == 0 and [h["reason"] for h in got["held_back"]] == ["revoked-site"]
    with pytest.raises(BadInput, match="no item"):
        nantes.items.get(report["id"])
    assert nantes.check() == []


def test_key_rotation_is_followed_and_a_revoked_key_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    lyon.items.add("rex", {"title": "Avant la rotation"})
    old_bundle = tmp_path / "old-key.copdesk"
    lyon.sync.export(old_bundle)
    old_key = lyon.sites.public_key
    lyon.sites.rotate_key()
    assert lyon.sites.public_key != old_key
    lyon.items.add("rex", {"title": "Après la rotation"})
    # Nantes trusted the old key only: the rotation record signed by it is enough
    assert send(lyon, nantes, tmp_path)["new"] == 2
    # the old key is then revoked (the old laptop was stolen): what it signs is refused
    lyon.sites.revoke_key(keys.fingerprint(old_key))
    send(lyon, nantes, tmp_path)
    before = state_digest(nantes.path)
    code, _, err = run(capsys, nantes.path, "import", str(old_bundle))
    assert code == 1 and "revoked key" in err and err.count("\n") == 1
    assert state_digest(nantes.path) == before


def test_a_key_rotation_signed_by_the_wrong_key_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyon, gre, nantes = three(tmp_path)
    path = tmp_path / "lyon.copdesk"
    lyon.items.add("rex", {"title": "Rapport"})
    lyon.sync.export(path)
    manifest, lines, blobs = parts_of(path)
    stolen = keys.create(tmp_path, tmp_path / "thief.key")
    record = {"type": "key", "site": gre.site_id, "key": stolen, "prev": gre.sites.public_key,
              "at": "2026-01-05T10:00:00.000Z", "by": gre.sites.public_key}  # fmt: skip
    manifest["roster"] = [{"record": record, "sig": keys.sign(lyon.path, revs.canonical(record))}]
    bad = rebuild(tmp_path / "rotation.copdesk", manifest, lines, blobs, lyon.path)
    before = state_digest(nantes.path)
    code, _, err = run(capsys, nantes.path, "import", str(bad))
    assert code == 2 and "not signed by the key it names" in err
    assert state_digest(nantes.path) == before


def test_a_lost_key_is_replaced_and_peers_converge_after_trusting_the_new_one(
    tmp_path: Path,
) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    first = lyon.items.add("rex", {"title": "Signé par l'ancienne clé"})
    (lyon.path / "keys" / "site.key").unlink()  # the disk with the key died
    lyon.sites.replace_lost_key()
    second = lyon.items.add("rex", {"title": "Signé par la nouvelle clé"})
    path = tmp_path / "lyon.copdesk"
    lyon.sync.export(path, peer=nantes.site_id)
    with pytest.raises(UntrustedSite, match="different key"):
        nantes.sync.import_bundle(path)
    ident = lyon.sites.identity()  # compared by phone
    nantes.sites.trust(ident["site_id"], ident["key"], ident["name"])
    assert nantes.sync.import_bundle(path)["new"] == 2
    assert {nantes.items.get(i["id"])["title"] for i in (first, second)}
    assert nantes.check() == []


# -- format 1 still imports ------------------------------------------------------------


def as_format_1(path: Path, target: Path, signer: Path) -> Path:
    """The bundle as a copdesk before signatures wrote it (format 1)."""
    manifest, lines, blobs = parts_of(path)
    for key in ("tops", "feeds", "roster"):
        manifest.pop(key)
    old = [{"feed": x["n"], "revision": x["revision"]} for x in lines]
    manifest.update(format=1, counts={"revisions": len(old)})
    return write_bundle(target, manifest, old, blobs, signer)


def test_format_1_bundles_import_their_producers_revisions_only(tmp_path: Path) -> None:
    lyon, metz, nantes = three(tmp_path)
    mine = lyon.items.add("rex", {"title": "De Lyon"})
    send(lyon, metz, tmp_path)
    metz.items.add("rex", {"title": "De Metz"})
    path = tmp_path / "metz.copdesk"
    metz.sync.export(path)
    old = as_format_1(path, tmp_path / "metz-v1.copdesk", metz.path)
    got = nantes.sync.import_bundle(old)
    # Metz's own report is covered by the bundle's signature; Lyon's relayed one is not
    assert got["new"] == 1
    assert [h["reason"] for h in got["held_back"]] == ["format-1"]
    assert "re-export from a current copdesk" in got["held_back"][0]["why"]
    assert send(lyon, nantes, tmp_path)["new"] == 1 and nantes.items.get(mine["id"])
    assert nantes.check() == []


# -- 2. restored and copied workspaces ---------------------------------------------------


def copy_workspace(ws: Workspace, target: Path) -> Path:
    import shutil

    shutil.copytree(ws.path, target)
    return target


def test_a_restored_workspace_continues_and_peers_never_split(tmp_path: Path) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    lyon.items.add("rex", {"title": "Premier"})
    send(lyon, nantes, tmp_path)
    nantes.items.add("rex", {"title": "De Nantes"})
    send(nantes, lyon, tmp_path)  # the import keeps backups/before-import-*.db
    backup = sorted((lyon.path / "backups").glob("before-import-*.db"))[-1]
    lost = lyon.items.add("rex", {"title": "Perdu à la restauration"})
    send(lyon, nantes, tmp_path)
    # the administrator restores the database from the backup
    path = lyon.path
    lyon.close()
    MADE.remove(lyon)
    for extra in ("copdesk.db-wal", "copdesk.db-shm"):
        (path / extra).unlink(missing_ok=True)
    (path / "copdesk.db").write_bytes(backup.read_bytes())
    lyon = Workspace.open(path)
    MADE.append(lyon)
    assert lyon.sites.state()["state"] == "restored"
    with pytest.raises(BadInput, match="no item"):
        lyon.items.get(lost["id"])
    after = lyon.items.add("rex", {"title": "Écrit après la restauration"})
    got = send(lyon, nantes, tmp_path)  # before the fix: refused, "number 17 differs"
    assert got["new"] == 1 and nantes.items.get(after["id"])
    lyon.close()
    MADE.remove(lyon)
    lyon = Workspace.open(path)  # a later open: the restore was handled, no new feed
    MADE.append(lyon)
    feeds = "SELECT count(*) FROM feeds WHERE site = ?"
    assert lyon.conn.execute(feeds, (lyon.site_id,)).fetchone()[0] == 2
    send(lyon, nantes, tmp_path)
    assert lyon.conn.execute(feeds, (lyon.site_id,)).fetchone()[0] == 2
    assert send(nantes, lyon, tmp_path)["new"] >= 1  # the lost report comes back
    assert lyon.items.get(lost["id"])["title"] == "Perdu à la restauration"
    again = lyon.items.add("rex", {"title": "Encore après"})
    assert send(lyon, nantes, tmp_path)["new"] == 1 and nantes.items.get(again["id"])
    assert send(nantes, lyon, tmp_path)["new"] == 0
    for ws in (lyon, nantes):
        assert ws.check() == []
    assert {r["id"] for r in lyon.items.list("rex")} == {r["id"] for r in nantes.items.list("rex")}


def test_a_whole_folder_restore_is_found_from_peers_and_both_sides_kept(tmp_path: Path) -> None:
    lyon, nantes, metz = three(tmp_path)
    lyon.items.add("rex", {"title": "Commun"})
    send(lyon, nantes, tmp_path)
    send(lyon, metz, tmp_path)
    snapshot = tmp_path / "snapshot"
    lyon.close()
    MADE.remove(lyon)
    copy_workspace_path = lyon.path
    import shutil

    shutil.copytree(copy_workspace_path, snapshot)
    lyon = Workspace.open(copy_workspace_path)
    MADE.append(lyon)
    lost = lyon.items.add("rex", {"title": "Reçu par Nantes puis perdu"})
    send(lyon, nantes, tmp_path)
    lyon.close()
    MADE.remove(lyon)
    shutil.rmtree(copy_workspace_path)
    shutil.copytree(snapshot, copy_workspace_path)  # keys/ restored too: not seen locally
    lyon = Workspace.open(copy_workspace_path)
    MADE.append(lyon)
    other = lyon.items.add("rex", {"title": "Écrit sur la sauvegarde"})
    send(lyon, metz, tmp_path)  # Metz gets the same feed number with another revision
    for _ in range(3):  # exchanges on the ring until quiet
        for a, b in ((lyon, nantes), (nantes, metz), (metz, lyon), (nantes, lyon), (metz, nantes)):
            send(a, b, tmp_path)
    for ws in (lyon, nantes, metz):
        assert ws.items.get(lost["id"]) and ws.items.get(other["id"]), ws.site_name
        assert ws.check() == []


def test_a_copy_on_another_computer_must_split_or_stay_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    lyon.items.add("rex", {"title": "Avant la copie"})
    send(lyon, nantes, tmp_path)
    for name in ("pc2", "pc3"):
        copy_workspace(lyon, tmp_path / name)
    monkeypatch.setenv("COPDESK_MACHINE_ID", "second-pc")
    for name in ("pc2", "pc3"):
        before = state_digest(tmp_path / name)
        code, _, err = run(capsys, tmp_path / name, "add", "rex", "--json", "-", input_="x")
        assert code == 1 and err.count("\n") == 1 and "is a copy of site 'Usine de Lyon'" in err
        assert "site split" in err and "site read-only" in err
        code, _, err = run(capsys, tmp_path / name, "export", "--to", str(tmp_path / "x.copdesk"))
        assert code == 1 and "is a copy" in err
        assert state_digest(tmp_path / name) == before
        code, out, err = run(capsys, tmp_path / name, "list", "rex")  # reading is fine
        assert code == 0 and "Avant la copie" in out and "is a copy" in err  # and it is told
    code, out, _ = run(capsys, tmp_path / "pc2", "site", "read-only")
    assert code == 0 and "read-only" in out
    code, _, err = run(capsys, tmp_path / "pc2", "add", "rex", "--json", "-", input_="x")
    assert code == 1 and "read-only copy" in err
    code, out, _ = run(capsys, tmp_path / "pc3", "site", "split", "--name", "Usine de Lyon 2")
    assert code == 0
    with Workspace.open(tmp_path / "pc3") as pc3:
        assert pc3.site_id != lyon.site_id and pc3.site_name == "Usine de Lyon 2"
        pc3.items.add("rex", {"title": "Du nouveau site"})
        ident = pc3.sites.identity()
        nantes.sites.trust(ident["site_id"], ident["key"], ident["name"])
        path = tmp_path / "pc3.copdesk"
        pc3.sync.export(path, peer=nantes.site_id)
    assert nantes.sync.import_bundle(path)["new"] == 1
    monkeypatch.delenv("COPDESK_MACHINE_ID")
    lyon.items.add("rex", {"title": "L'original continue"})
    assert send(lyon, nantes, tmp_path)["new"] == 1  # the peers never split
    assert nantes.check() == []


def test_a_copy_in_another_folder_of_the_same_computer_is_a_copy(tmp_path: Path) -> None:
    from copdesk.errors import WorkspaceCopied

    lyon = make(tmp_path, "Lyon")
    copy_workspace(lyon, tmp_path / "copie")
    with Workspace.open(tmp_path / "copie") as copy:
        assert copy.sites.state()["state"] == "copy"
        with pytest.raises(WorkspaceCopied, match="of the workspace in"):
            copy.items.add("rex", {"title": "x"})
    # a folder moved (the original gone) is the same site
    moved = tmp_path / "moved"
    lyon.close()
    MADE.remove(lyon)
    (tmp_path / "Lyon").rename(moved)
    with Workspace.open(moved) as again:
        assert again.sites.state()["state"] == "ok"
        again.items.add("rex", {"title": "toujours Lyon"})


# -- 4. two imports at once -------------------------------------------------------------


def test_two_imports_at_once_never_insert_twice(tmp_path: Path) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    for n in range(5):
        lyon.items.add("rex", {"title": f"Rapport {n}"})
    path = tmp_path / "lyon.copdesk"
    lyon.sync.export(path)
    other = Workspace.open(nantes.path, index=False)  # the window and a scheduled sync
    MADE.append(other)
    inner: list[dict] = []

    def meanwhile(step: str) -> None:
        if step == "applying" and not inner:  # checked, not yet written: the other one runs
            inner.append(other.sync.import_bundle(path))

    got = nantes.sync.import_bundle(path, progress=meanwhile)
    assert inner[0]["new"] == 5 and got["new"] == 0 and got["unchanged"] == 5
    assert nantes.check() == []


# -- 3. an attachment without its file ---------------------------------------------------


def test_an_attachment_without_its_file_is_held_back_until_it_comes(tmp_path: Path) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    rex = lyon.items.add("rex", {"title": "Avec photo"})
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8 photo")
    lyon.items.attach(rex["id"], photo)
    path = tmp_path / "lyon.copdesk"
    lyon.sync.export(path)
    manifest, lines, _blobs = parts_of(path)
    stripped = rebuild(tmp_path / "nofile.copdesk", manifest, lines, {}, lyon.path)
    got = nantes.sync.import_bundle(stripped)
    assert got["new"] == 1 and [h["reason"] for h in got["held_back"]] == ["no-file"]
    assert nantes.check() == []  # before the fix: "attachment blob …: missing"
    assert nantes.items.get(rex["id"])["attachments"] == []
    got = send(lyon, nantes, tmp_path)  # the next bundle sends it again, with its file
    assert got["new"] == 1 and nantes.items.get(rex["id"])["attachments"]
    assert nantes.check() == []


# -- 5 and 6. the sync folder -------------------------------------------------------------


def settle(sites: list[Workspace], share: Path) -> None:
    for _ in range(6):
        reports = [ws.sync.sync_folder(share) for ws in sites]
        busy = [
            r for r in reports
            if r["written"]["written"] or any(e["status"] == "imported" for e in r["imported"])
        ]  # fmt: skip
        if not busy:
            return
    raise AssertionError("the folder never gets quiet")


def test_a_file_read_while_rewritten_is_retried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from copdesk.sync import folder as api

    share = tmp_path / "share"
    share.mkdir()
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    rex = lyon.items.add("rex", {"title": "Dans le dossier"})
    lyon.sync.sync_folder(share)
    name = share / f"{lyon.site_id}.copdesk"
    whole = name.read_bytes()
    # the hash is taken on the whole file; the copy then reads it half rewritten
    real_sha = api._file_sha
    monkeypatch.setattr(api, "_file_sha", lambda p: real_sha(p) if p != name else sha(whole))
    name.write_bytes(whole[: len(whole) // 2])
    first = nantes.sync.sync_folder(share)
    assert [e["status"] for e in first["imported"]] == ["refused"]
    name.write_bytes(whole)  # the writer finishes
    again = nantes.sync.sync_folder(share)  # before the fix: imported []
    assert [e["status"] for e in again["imported"]] == ["imported"]
    assert nantes.items.get(rex["id"])


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_stray_files_do_not_make_every_site_write_everything(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    sites = list(three(tmp_path))
    for ws in sites:
        for n in range(3):
            ws.items.add("rex", {"title": f"{ws.site_name} {n}"})
    settle(sites, share)
    lyon = sites[0]
    own = share / f"{lyon.site_id}.copdesk"
    (share / f"{lyon.site_id}.sync-conflict-20260105-101010-ABCDEFG.copdesk").write_bytes(
        own.read_bytes()
    )
    stranger = make(tmp_path, "Inconnu")
    stranger.items.add("rex", {"title": "D'un site inconnu"})
    stranger.sync.export(share / f"{stranger.site_id}.copdesk")
    settle(sites, share)
    lyon.items.add("rex", {"title": "Une de plus"})
    done = lyon.sync.sync_folder(share)["written"]
    assert done["revisions"] == 1  # before the fix: all 12
    settle(sites, share)
    for ws in sites:
        assert len(ws.items.list("rex")) == 10


# -- 8. what `sites` says is what export writes -------------------------------------------


def test_pending_count_matches_what_export_writes(tmp_path: Path) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    for n in range(4):
        lyon.items.add("rex", {"title": f"R{n}"})
    send(lyon, nantes, tmp_path)
    send(nantes, lyon, tmp_path)
    rex = lyon.items.add("rex", {"title": "Nouveau"})
    lyon.items.edit(rex["id"], {"summary": "détail"})
    lyon.items.comment(rex["id"], "vu")
    pending = next(s for s in lyon.sites.list() if s["id"] == nantes.site_id)["pending"]
    done = lyon.sync.export(tmp_path / "out.copdesk", peer=nantes.site_id)
    assert pending == done["revisions"] == 3


# -- 9. written while private: stays -----------------------------------------------------


def test_comments_and_files_written_while_private_stay_once_shared(tmp_path: Path) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    rex = lyon.items.add("rex", {"title": "Brouillon", "visibility": "private"})
    lyon.items.comment(rex["id"], "noms des opérateurs")
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"\xff\xd8 privee")
    lyon.items.attach(rex["id"], photo)
    lyon.items.edit(rex["id"], {"visibility": "shared"})
    later = lyon.items.comment(rex["id"], "écrit une fois partagé")
    path = tmp_path / "lyon.copdesk"
    lyon.sync.export(path)
    _manifest, lines, blobs = parts_of(path)
    kinds = sorted(x["revision"]["kind"] for x in lines)
    assert kinds == ["comment", "rex"] and not blobs
    assert b"noms des op" not in path.read_bytes()
    nantes.sync.import_bundle(path)
    assert [c["id"] for c in nantes.items.get(rex["id"])["comments"]] == [later["id"]]


# -- 11. names and trust -------------------------------------------------------------------


def test_a_peer_cannot_take_another_sites_name(tmp_path: Path) -> None:
    lyon, gre, nantes = three(tmp_path)
    lyon.conn.execute("UPDATE meta SET value = 'Usine de Grenoble' WHERE key = 'site_name'")
    lyon.core.site_name = "Usine de Grenoble"
    lyon.items.add("rex", {"title": "Renommé"})
    send(lyon, nantes, tmp_path)
    names = {s["id"]: s["name"] for s in nantes.sites.list()}
    assert names[gre.site_id] == "Usine de Grenoble"
    assert names[lyon.site_id] == f"Usine de Grenoble (site {lyon.site_id[:8]})"


def test_identity_prints_a_trust_command_with_the_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    command = lyon.sites.identity()["trust_command"]
    args = __import__("shlex").split(command)[1:]
    code, _, _ = run(capsys, nantes.path, *args)
    assert code == 0
    assert (
        next(s for s in nantes.sites.list() if s["id"] == lyon.site_id)["name"] == "Usine de Lyon"
    )


# -- 12. an edit that overturned a deletion is marked ---------------------------------------


def test_an_overturned_deletion_is_marked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    rex = lyon.items.add("rex", {"title": "À garder"})
    send(lyon, nantes, tmp_path)
    lyon.items.delete(rex["id"])
    nantes.items.edit(rex["id"], {"summary": "complété à Nantes"})
    path = tmp_path / "nantes.copdesk"
    nantes.sync.export(path, peer=lyon.site_id)
    code, out, _ = run(capsys, lyon.path, "import", str(path))
    assert code == 0 and "overturned its deletion at Usine de Lyon" in out
    got = send(lyon, nantes, tmp_path)
    line = next(i for i in got["items"] if i["id"] == rex["id"])
    assert line["overturned_delete"]["site"] == lyon.site_id and not line["deleted"]
    assert got["overturned"] == 1


def test_a_bad_signature_of_a_producers_own_revision_is_never_relayed(tmp_path: Path) -> None:
    lyon, nantes, metz = three(tmp_path)
    good = lyon.items.add("rex", {"title": "Bon"})
    bad = lyon.items.add("rex", {"title": "Mal signé"})
    path = tmp_path / "lyon.copdesk"
    lyon.sync.export(path)
    manifest, lines, blobs = parts_of(path)
    for line in lines:
        if line["revision"]["item"] == bad["id"]:
            line["sig"] = keys.sign(metz.path, rev_id(line["revision"]).encode())
    # taken under Lyon's bundle signature (Lyon made both revisions)
    assert nantes.sync.import_bundle(rebuild(tmp_path / "b.copdesk", manifest, lines, blobs,
                                             lyon.path))["new"] == 2  # fmt: skip
    relayed = tmp_path / "nantes.copdesk"
    done = nantes.sync.export(relayed, peer=metz.site_id)
    assert done["unsigned_skipped"] == 1  # checked before relaying: not sent
    got = metz.sync.import_bundle(relayed)  # so Metz never refuses Nantes for it
    assert got["new"] == 1 and metz.items.get(good["id"])


def test_a_bundle_with_a_bidi_override_in_a_title_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lyon, nantes = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(lyon, nantes)
    lyon.items.add("rex", {"title": "Notice"})
    path = tmp_path / "lyon.copdesk"
    lyon.sync.export(path)
    manifest, lines, blobs = parts_of(path)
    lines[0]["revision"]["content"]["title"] = RLO_TITLE
    lines[0]["sig"] = keys.sign(lyon.path, rev_id(lines[0]["revision"]).encode())
    bad = rebuild(tmp_path / "rlo.copdesk", manifest, lines, blobs, lyon.path)
    before = state_digest(nantes.path)
    code, _out, err = run(capsys, nantes.path, "import", str(bad))
    assert code == 2 and "U+202E" in err and err.count("\n") == 1  # before: imported
    assert state_digest(nantes.path) == before
