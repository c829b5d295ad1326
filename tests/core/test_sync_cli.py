"""Exchange between sites through the command line and the API: trust, export, import,
dry runs, acknowledgements, private items, conflicts, resolution and the sync folder."""

from __future__ import annotations

import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from helpers import make_site as make
from helpers import pair, state_digest

from copdesk import Workspace
from copdesk.cli import main
from copdesk.errors import BadInput, UntrustedSite
from copdesk.sync import keys


def run(capsys: pytest.CaptureFixture[str], ws: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--workspace", str(ws), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def send(src: Workspace, dst: Workspace, tmp_path: Path, peer: bool = True) -> dict:
    path = tmp_path / f"{src.site_name}-to-{dst.site_name}-{os.urandom(3).hex()}.copdesk"
    src.sync.export(path, peer=dst.site_id if peer else None)
    return dst.sync.import_bundle(path)


def bundle_lines(path: Path) -> list[dict]:
    with zipfile.ZipFile(path) as zf:
        text = zf.read("revisions.jsonl").decode()
    return [json.loads(line) for line in text.splitlines()]


def test_identity_and_key_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = make(tmp_path, "Lyon")
    code, out, _ = run(capsys, a.path, "identity", "--json")
    ident = json.loads(out)
    assert code == 0 and ident["site_id"] == a.site_id
    assert ident["fingerprint"] == keys.fingerprint(ident["key"])
    assert ident["trust_command"] == (
        f"copdesk trust {a.site_id} --key {ident['key']} --name 'Usine de Lyon'"
    )
    mode = stat.S_IMODE((a.path / "keys" / "site.key").stat().st_mode)
    assert mode == 0o600
    code, out, _ = run(capsys, a.path, "identity")
    assert ident["fingerprint"] in out and "copdesk trust" in out


def test_untrusted_then_trusted_import(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    rex = a.items.add("rex", {"title": "Fuite hydraulique presse P12", "summary": "joint usé"})
    bundle = tmp_path / "lyon.copdesk"
    code, out, _ = run(capsys, a.path, "export", "--to", str(bundle))
    assert code == 0 and "wrote" in out
    before = state_digest(b.path)
    code, _, err = run(capsys, b.path, "import", str(bundle))
    assert code == 1
    assert err.count("\n") == 1 and "Usine de Lyon" in err and a.site_id in err
    assert keys.fingerprint(a.sites.public_key) in err and "trust --from-bundle" in err
    assert state_digest(b.path) == before
    fp = keys.fingerprint(a.sites.public_key)
    code, _, err = run(capsys, b.path, "trust", "--from-bundle", str(bundle))
    assert code == 1 and fp in err and "--fingerprint" in err  # shown, nothing trusted yet
    assert state_digest(b.path) == before
    wrong = ("--fingerprint", "0000")
    code, _, err = run(capsys, b.path, "trust", "--from-bundle", str(bundle), *wrong)
    assert code == 2 and "not signed by the site you compared with" in err
    code, out, _ = run(capsys, b.path, "trust", "--from-bundle", str(bundle), "--fingerprint", fp)
    assert code == 0 and fp in out
    before = state_digest(b.path)
    code, out, _ = run(capsys, b.path, "import", str(bundle), "--dry-run", "--json")
    preview = json.loads(out)
    assert code == 0 and preview["dry_run"] and preview["new"] >= 1
    assert any(i["id"] == rex["id"] and i["outcome"] == "new" for i in preview["items"])
    assert state_digest(b.path) == before, "a dry run wrote something"
    code, out, _ = run(capsys, b.path, "import", str(bundle), "--json")
    done = json.loads(out)
    assert code == 0 and {k: done[k] for k in preview if k in ("new", "updated")} == {
        "new": preview["new"],
        "updated": 0,
    }
    assert done["backup"] and Path(done["backup"]).is_file()
    assert b.items.get(rex["id"])["title"] == "Fuite hydraulique presse P12"
    assert b.search.query("hydraulique")["hits"][0]["id"] == rex["id"]
    assert b.check() == []
    code, out, _ = run(capsys, b.path, "import", str(bundle), "--json")
    again = json.loads(out)
    assert again["new"] == again["updated"] == 0 and again["unchanged"] == preview["new"]
    code, out, _ = run(capsys, b.path, "sites", "--json")
    lyon = next(s for s in json.loads(out) if s["id"] == a.site_id)
    assert lyon["trust"] == "trusted" and lyon["last_in"] and lyon["acknowledged"]


def test_revoked_site_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    a.items.add("rex", {"title": "Premier"})
    bundle = tmp_path / "a.copdesk"
    a.sync.export(bundle)
    code, out, _ = run(capsys, b.path, "untrust", "Usine de Lyon")
    assert code == 0 and "revoked" in out
    code, _, err = run(capsys, b.path, "import", str(bundle))
    assert code == 1 and "revoked" in err
    with pytest.raises(UntrustedSite):
        b.sync.import_bundle(bundle)
    code, _, _ = run(capsys, b.path, "trust", a.site_id, "--key", a.sites.public_key)
    assert code == 0 and b.sync.import_bundle(bundle)["new"] == 1


def test_forged_key_for_a_trusted_site_is_refused(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    keys.create(a.path)  # Lyon's key replaced: bundles are now signed by another key
    a.conn.execute("UPDATE meta SET value = 'x' WHERE key = 'public_key'")
    a.conn.execute("DELETE FROM meta WHERE key = 'public_key'")
    a.items.add("rex", {"title": "Signé autrement"})
    bundle = tmp_path / "a.copdesk"
    a.sync.export(bundle)
    with pytest.raises(UntrustedSite, match="different key"):
        b.sync.import_bundle(bundle)


def test_bad_arguments_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = make(tmp_path, "Lyon")
    cases = [
        ("import", str(tmp_path / "missing.copdesk")),
        ("export", "--to", str(tmp_path)),
        ("export", "--to", str(tmp_path / "no" / "x.copdesk")),
        ("export", "--to", str(tmp_path / "x.copdesk"), "--peer", "nowhere"),
        ("trust", "not-a-uuid", "--key", a.sites.public_key),
        ("trust", "3f2a6f0e-1111-4222-8333-944455556666", "--key", "short"),
        ("trust",),
        ("resolve", "abcdef12"),
        ("sync-folder", str(tmp_path / "nope")),
        ("sync-folder", str(a.path / "blobs")),
    ]
    for args in cases:
        before = state_digest(a.path)
        code, _, err = run(capsys, a.path, *args)
        assert code == 2, args
        assert err.startswith("copdesk: ") and err.count("\n") == 1, (args, err)
        assert "Traceback" not in err
        assert state_digest(a.path) == before, args


def test_incremental_bundles_carry_only_what_the_peer_lacks(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    items = [a.items.add("rex", {"title": f"Rapport {i}"}) for i in range(5)]
    assert send(a, b, tmp_path)["new"] == 5
    send(b, a, tmp_path)  # Nantes's bundle acknowledges what it holds
    a.items.edit(items[0]["id"], {"summary": "complété"})
    path = tmp_path / "inc.copdesk"
    done = a.sync.export(path, peer=b.site_id)
    assert done["revisions"] == 1
    assert [line["revision"]["item"] for line in bundle_lines(path)] == [items[0]["id"]]
    assert b.sync.import_bundle(path)["updated"] == 1
    assert a.sync.export(tmp_path / "full.copdesk", peer=b.site_id, full=True)["revisions"] == 6


def test_relay_through_a_third_site(tmp_path: Path) -> None:
    a, b, c = make(tmp_path, "Lyon"), make(tmp_path, "Nantes"), make(tmp_path, "Metz")
    pair(a, b)
    pair(b, c)  # Metz never meets Lyon: Lyon's revisions reach it through Nantes
    rex = a.items.add("rex", {"title": "Leçon de Lyon"})
    send(a, b, tmp_path)
    relayed = tmp_path / "nantes-to-metz.copdesk"
    b.sync.export(relayed, peer=c.site_id)
    preview = c.sync.import_bundle(relayed, dry_run=True)  # names the site it never met
    assert [(h["site_name"], h["reason"]) for h in preview["held_back"]] == [
        ("Usine de Lyon", "untrusted")
    ]
    first = c.sync.import_bundle(relayed)
    # Metz does not trust Lyon: its revision waits, nothing of it is taken
    assert first["new"] == 0 and [h["site"] for h in first["held_back"]] == [a.site_id]
    assert first["held_back"][0]["reason"] == "untrusted"
    ident = a.sites.identity()  # read over the phone
    c.sites.trust(ident["site_id"], ident["key"], ident["name"])
    assert c.sync.import_bundle(relayed)["new"] == 1
    assert c.items.get(rex["id"])["origin_site"] == a.site_id
    assert c.items.get(rex["id"])["origin_site_name"] == "Usine de Lyon"


def test_private_and_site_items_never_leave(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    secret = a.items.add("rex", {"title": "Brouillon secret", "visibility": "private"})
    local = a.items.add("howto", {"title": "Consigne locale", "visibility": "site"})
    shared = a.items.add("rex", {"title": "Partagé"})
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG secret bytes")
    a.items.attach(secret["id"], photo)
    a.items.comment(secret["id"], "remarque sur le brouillon")
    a.items.link(shared["id"], local["id"])
    path = tmp_path / "a.copdesk"
    a.sync.export(path)
    ids = {line["revision"]["item"] for line in bundle_lines(path)}
    assert shared["id"] in ids
    assert secret["id"] not in ids and local["id"] not in ids
    kinds = {line["revision"]["kind"] for line in bundle_lines(path)}
    assert not kinds & {"attachment", "comment", "link"}
    with zipfile.ZipFile(path) as zf:
        assert not [n for n in zf.namelist() if n.startswith("blobs/")]
        assert b"secret" not in zf.read("revisions.jsonl")
    b.sync.import_bundle(path)
    assert b.conn.execute("SELECT count(*) FROM items").fetchone()[0] == 1
    # Sharing the draft sends the shared version, its comment and its attachment; the
    # private version stays here, in the local history only.
    a.items.edit(secret["id"], {"title": "Retour d'expérience publié", "visibility": "shared"})
    local_history = a.items.history(secret["id"])
    assert [h["draft"] for h in local_history] == [True, False]
    assert local_history[1]["parents"] == [] and a.check() == []
    path2 = tmp_path / "a2.copdesk"
    a.sync.export(path2, peer=b.site_id)
    with zipfile.ZipFile(path2) as zf:
        assert b"Brouillon secret" not in zf.read("revisions.jsonl")
    got = b.sync.import_bundle(path2)
    # the report only: its comment and attachment were written while it was private
    assert got["new"] == 1
    assert [h["draft"] for h in b.items.history(secret["id"])] == [False]
    assert b.items.get(secret["id"])["title"] == "Retour d'expérience publié"
    assert not b.blobs.exists(a.items.get(secret["id"])["attachments"][0]["sha256"])
    assert b.items.get(secret["id"])["comments"] == []
    assert b.check() == []


def test_a_version_made_private_in_between_never_leaves(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    rex = a.items.add("rex", {"title": "Arrêt presse", "summary": "version publique"})
    first = a.items.get(rex["id"])["rev"]
    send(a, b, tmp_path)
    send(b, a, tmp_path)  # Nantes acknowledges
    a.items.edit(rex["id"], {"summary": "noms des opérateurs en cause", "visibility": "site"})
    assert a.sync.export(tmp_path / "none.copdesk", peer=b.site_id)["revisions"] == 0
    a.items.edit(rex["id"], {"summary": "version publique corrigée", "visibility": "shared"})
    path = tmp_path / "a.copdesk"
    a.sync.export(path, peer=b.site_id)
    lines = bundle_lines(path)
    assert len(lines) == 1 and lines[0]["revision"]["parents"] == [first]
    assert b.sync.import_bundle(path)["updated"] == 1
    shown = b.items.get(rex["id"])
    assert shown["summary"] == "version publique corrigée" and not shown["conflict"]
    assert a.items.get(rex["id"])["rev"] == shown["rev"]
    assert [h["draft"] for h in a.items.history(rex["id"])] == [False, True, False]
    assert a.check() == [] and b.check() == []


def test_restoring_an_old_private_version_keeps_the_item_shared(tmp_path: Path) -> None:
    a = make(tmp_path, "Lyon")
    rex = a.items.add("rex", {"title": "Brouillon", "visibility": "private"})
    a.items.edit(rex["id"], {"title": "Publié", "visibility": "shared"})
    draft = next(h for h in a.items.history(rex["id"]) if h["draft"])
    restored = a.items.restore(rex["id"], draft["rev_id"])
    assert restored["title"] == "Brouillon" and restored["visibility"] == "shared"


def test_community_export_is_partial(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    c1 = a.items.add("community", {"name": "Presses", "form": "trade"})
    c2 = a.items.add("community", {"name": "Peinture", "form": "trade"})
    r1 = a.items.add("rex", {"title": "Presse", "community": c1["id"]})
    r2 = a.items.add("rex", {"title": "Cabine", "community": c2["id"]})
    a.items.comment(r1["id"], "vu aussi à Nantes")
    path = tmp_path / "presses.copdesk"
    done = a.sync.export(path, communities=["Presses"])
    assert done["partial"]
    ids = {line["revision"]["item"] for line in bundle_lines(path)}
    assert {c1["id"], r1["id"]} <= ids and not {c2["id"], r2["id"]} & ids
    got = b.sync.import_bundle(path)
    assert got["new"] == 3 and b.items.get(r1["id"])["comments"]


def concurrent_edit(tmp_path: Path) -> tuple[Workspace, Workspace, str]:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    rex = a.items.add("rex", {"title": "Vérin", "summary": "fuite"})
    send(a, b, tmp_path)
    a.items.edit(rex["id"], {"summary": "fuite au joint", "priority": "red"})
    b.items.edit(rex["id"], {"summary": "fuite au raccord"})
    assert send(a, b, tmp_path)["conflicts"] == 1
    assert send(b, a, tmp_path)["conflicts"] == 1
    return a, b, rex["id"]


def test_concurrent_edits_are_a_conflict_shown_alike(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b, item = concurrent_edit(tmp_path)
    assert a.items.get(item)["rev"] == b.items.get(item)["rev"]
    assert a.items.get(item)["conflict"] and b.items.get(item)["conflict"]
    code, out, _ = run(capsys, a.path, "conflicts", "--json")
    found = json.loads(out)
    assert code == 0 and [c["id"] for c in found] == [item]
    assert {v["content"]["summary"] for v in found[0]["versions"]} == {
        "fuite au joint",
        "fuite au raccord",
    }
    assert "summary" in found[0]["differ"] and "priority" in found[0]["differ"]
    code, out, _ = run(capsys, a.path, "conflicts")
    assert "fuite" not in out and "summary" in out and "copdesk resolve" in out
    keep = next(v for v in found[0]["versions"] if v["site"] == b.site_id)["rev_id"]
    code, out, _ = run(capsys, a.path, "resolve", item[:8], "--keep", keep[:10])
    assert code == 0 and "resolved" in out
    assert not a.items.get(item)["conflict"] and a.items.get(item)["summary"] == "fuite au raccord"
    assert a.conflicts.list() == []
    send(a, b, tmp_path)
    assert (
        not b.items.get(item)["conflict"] and b.items.get(item)["rev"] == a.items.get(item)["rev"]
    )
    assert len(b.items.revision(b.items.get(item)["rev"])["parents"]) == 2


def test_resolve_with_a_merge(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a, _, item = concurrent_edit(tmp_path)
    merged = tmp_path / "merge.json"
    merged.write_text(json.dumps({"summary": "fuite au joint et au raccord"}))
    code, _, _ = run(capsys, a.path, "resolve", item, "--json", str(merged))
    assert code == 0
    shown = a.items.get(item)
    assert shown["summary"] == "fuite au joint et au raccord" and not shown["conflict"]
    with pytest.raises(BadInput, match="not in conflict"):
        a.conflicts.resolve(item, keep=shown["rev"])


def test_edit_beats_concurrent_delete(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    rex = a.items.add("rex", {"title": "À garder"})
    send(a, b, tmp_path)
    a.items.delete(rex["id"])
    b.items.edit(rex["id"], {"summary": "complété à Nantes"})
    send(a, b, tmp_path)
    send(b, a, tmp_path)
    for ws in (a, b):
        shown = ws.items.get(rex["id"])
        assert shown["summary"] == "complété à Nantes" and not shown["conflict"]


def test_concurrent_ratings_conflict(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    person = a.items.add("person", {"name": "Marie Dupont", "assessor": "yes"})
    a.use(person["id"])  # the administrator, an assessor: ratings at U and O
    skill = a.items.add("skill", {"name": "Soudage TIG", "domain": "Soudage"})
    a.people.rate(person["id"], skill["id"], 2)
    send(a, b, tmp_path)
    a.people.rate(person["id"], skill["id"], 3)
    b.use(person["id"])  # the assessor, known at Nantes from the bundle
    b.people.rate(person["id"], skill["id"], 4)
    send(a, b, tmp_path)
    send(b, a, tmp_path)
    found = a.conflicts.list()
    assert [c["kind"] for c in found] == ["rating"]
    assert {v["content"]["level"] for v in found[0]["versions"]} == {3, 4}
    assert b.conflicts.list()[0]["id"] == found[0]["id"]


def test_sync_folder_between_three_sites(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    sites = [make(tmp_path, n) for n in ("Lyon", "Nantes", "Metz")]
    for i, x in enumerate(sites):
        for y in sites[i + 1 :]:
            pair(x, y)
    made = [ws.items.add("rex", {"title": f"Leçon de {ws.site_name}"})["id"] for ws in sites]
    rounds = 0
    while True:  # until a round where nothing is imported or rewritten: it gets quiet
        rounds += 1
        reports = [ws.sync.sync_folder(share) for ws in sites]
        if not any(r["imported"] or r["written"]["written"] for r in reports):
            break
        assert rounds < 6, "the shared folder never gets quiet"
    for ws in sites:
        assert {r["id"] for r in ws.items.list("rex")} == set(made), ws.site_name
    assert sorted(p.name for p in share.iterdir()) == sorted(
        f"{ws.site_id}.copdesk" for ws in sites
    )
    # A file still being copied (truncated) is reported, not fatal, and retried later.
    (share / "partial.copdesk").write_bytes(
        (share / f"{sites[0].site_id}.copdesk").read_bytes()[:200]
    )
    code, out, _ = run(capsys, sites[1].path, "sync-folder", "--json")
    report = json.loads(out)
    assert code == 0
    assert [e["status"] for e in report["imported"]] == ["refused"]
    code, out, _ = run(capsys, sites[1].path, "sync-folder")
    assert "no new bundles" in out
    for ws in sites:
        assert ws.check() == []


def test_sync_folder_refuses_the_workspace_folder(tmp_path: Path) -> None:
    a = make(tmp_path, "Lyon")
    with pytest.raises(BadInput, match="inside the workspace"):
        a.sync.sync_folder(a.path)
    with pytest.raises(BadInput, match="inside the workspace"):
        a.sync.sync_folder(tmp_path)
    with pytest.raises(BadInput, match="no sync folder set"):
        a.sync.sync_folder()


def test_what_changed_here_since_a_marker_includes_imports(tmp_path: Path) -> None:
    a, b = make(tmp_path, "Lyon"), make(tmp_path, "Nantes")
    pair(a, b)
    with a.core.backdated("2021-03-01T08:00:00.000Z"):
        old = a.items.add("rex", {"title": "Leçon de 2021"})
    mine = b.items.add("rex", {"title": "Rapport de Nantes"})
    marker = b.items.change_marker()
    assert b.items.list("rex", since_change=marker) == []
    send(a, b, tmp_path)
    assert [r["id"] for r in b.items.list("rex", since_change=marker)] == [old["id"]]
    assert {r["id"] for r in b.items.list("rex", since_change=0)} == {old["id"], mine["id"]}
    assert b.items.change_marker() > marker
