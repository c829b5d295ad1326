"""Every `copdesk` command, run in-process on a temporary workspace."""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from helpers import Result

Cli = Callable[..., "Result"]
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def ok(r: Result) -> Result:
    assert r.code == 0, f"exit {r.code}: {r.err}"
    assert r.err == ""
    return r


def add(cli: Cli, kind: str, data: dict[str, Any], *extra: str) -> dict[str, Any]:
    return ok(cli("add", kind, "--json", "-", *extra, input=json.dumps(data))).json()


def show(cli: Cli, ref: str) -> dict[str, Any]:
    return ok(cli("show", ref, "--json")).json()


def history(cli: Cli, ref: str) -> list[dict[str, Any]]:
    return ok(cli("history", ref, "--json")).json()


def sql(ws_path: Path, statement: str, *params: object) -> list[tuple[Any, ...]]:
    """Run one statement directly on the workspace database (to inspect or corrupt it)."""
    with closing(sqlite3.connect(ws_path / "copdesk.db", isolation_level=None)) as conn:
        return conn.execute(statement, params).fetchall()


@pytest.fixture
def c(cli: Cli) -> Cli:
    """The CLI on a freshly initialised French workspace."""
    ok(cli("init", "--site", "Usine de Lyon"))
    return cli


@pytest.fixture
def people(c: Cli) -> dict[str, str]:
    """Élodie, the first person (so the site's administrator), writes and adds Bob."""
    alice = add(c, "person", {"name": "Élodie Durand"})["id"]
    ok(c("use", alice))
    return {"alice": alice, "bob": add(c, "person", {"name": "Bob Martin"})["id"]}


def test_init_and_status(cli: Cli, ws_path: Path) -> None:
    r = ok(cli("init", "--site", "  Usine   de Lyon ", "--language", "en"))
    assert "Usine de Lyon" in r.out
    assert (ws_path / "copdesk.db").is_file() and (ws_path / "blobs").is_dir()
    s = ok(cli("status", "--json")).json()
    assert (s["site_name"], s["language"], s["current_person"]) == ("Usine de Lyon", "en", None)
    assert UUID.match(s["site_id"]) and s["revisions"] == 0
    assert set(s["counts"].values()) == {0}
    assert "Usine de Lyon" in ok(cli("status")).out
    again = cli("init", "--site", "Autre")
    assert again.code == 2 and "already exists" in again.err
    assert ok(cli("status", "--json")).json()["site_name"] == "Usine de Lyon"


def test_use_and_as_choose_the_author(c: Cli, people: dict[str, str]) -> None:
    ok(c("use", "--clear"))
    assert ok(c("use")).out.strip() == "no current person"
    r = ok(c("use", "elodie DURAND"))  # case and accents ignored
    assert people["alice"] in r.out and "Élodie Durand" in r.out
    assert ok(c("use")).out.strip() == f"Élodie Durand ({people['alice']})"
    assert ok(c("status", "--json")).json()["current_person"] == people["alice"]
    item = ok(c("--as", "bob martin", "add", "rex", "--json", "-", input='{"title": "x"}')).json()
    assert item["author"] == people["bob"]  # --as: for this command only
    assert add(c, "rex", {"title": "y"})["author"] == people["alice"]
    ok(c("--as", people["bob"][:6], "edit", item["id"], "--json", "-", input='{"title": "z"}'))
    assert history(c, item["id"])[-1]["author"] == people["bob"]
    ok(c("use", "--clear"))
    assert ok(c("use")).out.strip() == "no current person"
    assert add(c, "rex", {"title": "Autre"})["author"] is None


def test_add_json_from_file_stdin_and_id_only(c: Cli, tmp_path: Path) -> None:
    f = tmp_path / "rex.json"
    f.write_text(json.dumps({"title": "Fuite P12", "priority": "Red", "tags": "a, b"}), "utf-8")
    item = ok(c("add", "rex", "--json", str(f))).json()
    assert UUID.match(item["id"]) and item["kind"] == "rex"
    assert (item["title"], item["priority"], item["tags"]) == ("Fuite P12", "red", ["a", "b"])
    assert (item["status"], item["site"], item["language"]) == ("draft", "Usine de Lyon", "fr")
    assert show(c, item["id"])["title"] == "Fuite P12"
    r = ok(c("add", "skill", "--json", "-", "--id", input='{"name": "Soudure", "domain": "M"}'))
    assert UUID.match(r.out.strip()) and r.out.count("\n") == 1
    assert show(c, r.out.strip())["name"] == "Soudure"


def test_add_markdown_form_french(c: Cli, tmp_path: Path) -> None:
    cid = add(c, "community", {"name": "Maintenance des presses", "form": "trade"})["id"]
    md = tmp_path / "rex.md"
    md.write_text(
        "community: Maintenance des presses\ntags: hydraulique, fuite\npriorité: red\n\n"
        "# Fuite sur le groupe hydraulique\n\n## Résumé\nUne fuite au raccord.\n\n"
        "## Enseignements\n- Resserrer au couple.\n",
        "utf-8",
    )
    r = ok(c("add", "rex", "--file", str(md)))
    item = show(c, r.out.strip())
    assert item["title"] == "Fuite sur le groupe hydraulique"
    assert item["community"] == cid and item["community_name"] == "Maintenance des presses"
    assert (item["tags"], item["priority"]) == (["hydraulique", "fuite"], "red")
    assert item["summary"] == "Une fuite au raccord."
    assert item["lessons"] == "- Resserrer au couple."


def test_markdown_leading_title_then_header_is_not_swallowed(c: Cli, tmp_path: Path) -> None:
    """A leading '# Title' followed by the header: the header lines must not become text."""
    add(c, "community", {"name": "Maintenance des presses", "form": "trade"})
    md = tmp_path / "rex.md"
    md.write_text("# Fuite\n\ncommunity: Maintenance des presses\n\n## Résumé\nUne fuite.\n")
    r = c("add", "rex", "--file", str(md))
    if r.code == 0:
        item = show(c, r.out.strip())
        assert item["title"] == "Fuite"
        assert item["community_name"] == "Maintenance des presses"
        assert item["summary"] == "Une fuite."
    else:
        assert r.code == 2 and "community" in r.err


@pytest.mark.parametrize(
    ("summary", "lessons"), [("Summary", "Lessons learned"), ("Résumé", "Enseignements")]
)
def test_markdown_leading_title_and_sections(
    c: Cli, tmp_path: Path, summary: str, lessons: str
) -> None:
    md = tmp_path / "rex.md"
    md.write_text(f"# Arrêt ligne 4\n\n## {summary}\nCapteur HS.\n\n## {lessons}\nVérifier.\n")
    item = show(c, ok(c("add", "rex", "--file", str(md))).out.strip())
    got = (item["title"], item["summary"], item["lessons"])
    assert got == ("Arrêt ligne 4", "Capteur HS.", "Vérifier.")


def test_add_markdown_form_english_fenced_header(c: Cli, tmp_path: Path) -> None:
    md = tmp_path / "rex.md"
    md.write_text(
        "---\ntitle: Press stop\nOccurred on: 2024-03-01\n---\n"
        "Text before any section.\n\n## Lessons learned\nCheck the seal.\n\n"
        "## Root causes\nWorn seal.\n\n## Recommendations\n```\n## not a heading\n```\n",
        "utf-8",
    )
    item = show(c, ok(c("add", "rex", "--file", str(md))).out.strip())
    assert (item["title"], item["occurred_on"]) == ("Press stop", "2024-03-01")
    assert item["summary"] == "Text before any section."
    assert (item["lessons"], item["causes"]) == ("Check the seal.", "Worn seal.")
    assert item["recommendations"] == "```\n## not a heading\n```"
    edit = tmp_path / "edit.md"
    edit.write_text("## Enseignements\nRemplacer le joint.\n", "utf-8")
    assert "updated" in ok(c("edit", item["id"], "--file", str(edit))).out
    after = show(c, item["id"])
    assert after["lessons"] == "Remplacer le joint." and after["causes"] == "Worn seal."


def test_list_and_filters(c: Cli) -> None:
    a = add(c, "community", {"name": "Presses", "form": "trade"})["id"]
    b = add(c, "community", {"name": "Peinture", "form": "project"})["id"]
    r1 = add(c, "rex", {"title": "R1", "community": "presses", "tags": ["Hydraulique"]})
    r2 = add(c, "rex", {"title": "R2", "community": b, "status": "validated"})
    r3 = add(c, "rex", {"title": "R3"})

    def ids(*args: str) -> set[str]:
        return {row["id"] for row in ok(c("list", "rex", "--json", *args)).json()}

    assert ids() == {r1["id"], r2["id"], r3["id"]}
    assert ids("--community", "Presses") == {r1["id"]} == ids("--community", a)
    assert ids("--status", "validated") == {r2["id"]}
    assert ids("--status", "draft") == {r1["id"], r3["id"]}
    assert ids("--tag", "hydraulique") == {r1["id"]}
    assert ids("--deleted") == set()
    assert "R3" in ok(c("delete", r3["id"])).out
    assert ids() == {r1["id"], r2["id"]} and ids("--deleted") == {r3["id"]}
    assert [x["op"] for x in history(c, r3["id"])] == ["create", "delete"]
    assert ok(c("status", "--json")).json()["counts"]["rex"] == 2
    assert c("delete", r3["id"]).code == 1
    text = ok(c("list", "rex")).out
    assert "R1" in text and "R3" not in text and "2 item(s)" in text
    names = {row["name"] for row in ok(c("list", "community", "--json")).json()}
    assert names == {"Presses", "Peinture"}


def test_show_deleted_item_exits_1_saying_when_and_by_whom(c: Cli, people: dict[str, str]) -> None:
    rex = ok(
        c("--as", "Bob Martin", "add", "rex", "--json", "-", input='{"title": "Vieux"}')
    ).json()
    r = ok(c("--as", "Bob Martin", "delete", rex["id"]))  # his own draft
    assert rex["id"] in r.out
    at = history(c, rex["id"])[-1]["at"]
    for args in (("show", rex["id"]), ("show", rex["id"], "--json")):
        res = c(*args)
        assert res.code == 1 and res.out == ""
        assert "deleted" in res.err and "Bob Martin" in res.err and at in res.err
        assert res.err.count("\n") == 1
    gone = c("edit", rex["id"], "--json", "-", input='{"title": "x"}')
    assert gone.code == 1 and "deleted" in gone.err


def test_edit_changes_only_given_fields(c: Cli) -> None:
    rex = add(c, "rex", {"title": "T", "summary": "S", "priority": "blue", "tags": ["x"]})
    r = ok(c("edit", rex["id"], "--json", "-", input='{"priority": "red", "tags": []}'))
    after = r.json()
    assert after["priority"] == "red" and after["tags"] == []
    assert (after["title"], after["summary"], after["status"]) == ("T", "S", "draft")
    assert after["rev"] != rex["rev"]
    h = history(c, rex["id"])
    assert [x["op"] for x in h] == ["create", "edit"]
    assert h[1]["changed"] == ["priority", "tags"]
    assert h[1]["parents"] == [rex["rev"]]
    # the same change again: no new revision
    again = ok(c("edit", rex["id"], "--json", "-", "--id", input='{"priority": "red"}'))
    assert again.out.strip() == f"{rex['id']} unchanged"
    assert len(history(c, rex["id"])) == 2


@pytest.mark.parametrize("kind", ["rex", "community", "person", "howto"])
def test_show_json_round_trips_through_edit(c: Cli, people: dict[str, str], kind: str) -> None:
    cid = add(c, "community", {"name": "Presses", "form": "trade", "charter": "C"})["id"]
    data = {
        "rex": {"title": "É\u0301t", "community": cid, "tags": ["a"], "summary": "s\n\nt"},
        "community": {"name": "Autre", "form": "innovation", "review_due": "2030-01-01"},
        "person": {"name": "Zoé", "languages": ["fr", "en"], "email": "z@x.fr"},
        "howto": {"title": "H", "holders": [people["alice"]], "required_level": 0},
    }[kind]
    item = add(c, kind, data)
    if kind == "community":
        ok(c("member", item["id"], "Bob Martin", "--role", "animator"))
    ok(c("comment", item["id"], "un avis"))
    before = history(c, item["id"])
    shown = ok(c("show", item["id"], "--json")).out
    r = ok(c("edit", item["id"], "--json", "-", input=shown))
    assert r.json() == json.loads(shown)
    assert history(c, item["id"]) == before


def test_round_trip_with_a_deleted_reference(c: Cli, people: dict[str, str]) -> None:
    """show --json | edit --json - changes nothing, even once a referenced item is deleted."""
    cid = add(c, "community", {"name": "Presses", "form": "trade"})["id"]
    rex = add(c, "rex", {"title": "R", "community": cid})
    howto = add(c, "howto", {"title": "H", "holders": [people["bob"]]})
    ok(c("delete", cid))
    ok(c("delete", people["bob"]))
    for item in (rex, howto):
        shown = ok(c("show", item["id"], "--json")).out
        r = c("edit", item["id"], "--json", "-", "--id", input=shown)
        assert (r.code, r.out.strip()) == (0, f"{item['id']} unchanged"), r.err


def test_history_lists_every_revision(c: Cli, people: dict[str, str]) -> None:
    ok(c("use", people["alice"]))
    add(c, "community", {"name": "Presses", "form": "trade"})  # Élodie animates it
    ok(c("member", "Presses", "Bob Martin", "--role", "animator"))  # Bob may edit others' items
    rex = add(c, "rex", {"title": "T"})
    ok(c("--as", people["bob"], "edit", rex["id"], "--json", "-", input='{"summary": "S"}'))
    ok(c("delete", rex["id"]))
    h = history(c, rex["id"])
    site = ok(c("status", "--json")).json()["site_id"]
    assert [x["op"] for x in h] == ["create", "edit", "delete"]
    assert [x["author"] for x in h] == [people["alice"], people["bob"], people["alice"]]
    assert {x["site"] for x in h} == {site}
    assert h[0]["parents"] == [] and h[1]["parents"] == [h[0]["rev_id"]]
    assert h[2]["parents"] == [h[1]["rev_id"]]
    assert h[1]["changed"] == ["summary"] and "title" in h[0]["changed"]
    assert all(re.fullmatch(r"[0-9a-f]{64}", x["rev_id"]) for x in h)
    assert [x["at"] for x in h] == sorted(x["at"] for x in h)
    text = ok(c("history", rex["id"])).out.splitlines()
    assert len(text) == 3 and text[1].split()[0] == h[1]["rev_id"][:12]


def test_restore_old_revision_and_undelete(c: Cli) -> None:
    rex = add(c, "rex", {"title": "v1", "priority": "red"})
    first = rex["rev"]
    ok(c("edit", rex["id"], "--json", "-", input='{"title": "v2", "priority": null}'))
    r = ok(c("restore", rex["id"], first[:10]))
    now = show(c, rex["id"])
    assert now["rev"] != first and now["rev"][:12] in r.out and "restored" in r.out
    envelope = ("rev", "updated_at", "updated_by")
    assert {k: v for k, v in now.items() if k not in envelope} == {
        k: v for k, v in rex.items() if k not in envelope
    }
    assert [x["op"] for x in history(c, rex["id"])] == ["create", "edit", "restore"]
    ok(c("delete", rex["id"]))
    h = history(c, rex["id"])
    ok(c("restore", rex["id"], h[1]["rev_id"]))
    assert show(c, rex["id"])["title"] == "v2"
    assert rex["id"] in {x["id"] for x in ok(c("list", "rex", "--json")).json()}
    assert history(c, rex["id"])[-1]["op"] == "restore"


def test_member_roles_since_and_remove(c: Cli, people: dict[str, str]) -> None:
    cid = add(c, "community", {"name": "Électricité", "form": "trade"})["id"]
    since = ("--since", "2024-01-15")
    r = ok(c("member", "electricite", "élodie durand", "--role", "animator", *since))
    assert r.out.strip() == "Élodie Durand in Électricité: animator"
    ok(c("member", cid, people["bob"][:8], "--role", "member"))
    members = show(c, cid)["members"]
    got = [(m["name"], m["role"]) for m in members]
    assert got == [("Élodie Durand", "animator"), ("Bob Martin", "member")]
    assert members[0]["since"] == "2024-01-15"
    revisions = ok(c("status", "--json")).json()["revisions"]
    ok(c("member", cid, "Bob Martin", "--role", "member"))  # the same again: no revision
    assert ok(c("status", "--json")).json()["revisions"] == revisions
    alone = c("member", cid, people["alice"], "--role", "expert")
    assert alone.code == 1 and "always keeps one animator" in alone.err
    ok(c("member", cid, "Bob Martin", "--role", "animator"))
    ok(c("member", cid, people["alice"], "--role", "expert"))  # a new role keeps the date
    p = ok(c("profile", people["alice"], "--json")).json()
    assert p["memberships"] == [
        {"community": cid, "community_name": "Électricité", "role": "expert", "since": "2024-01-15"}
    ]
    ok(c("member", cid, "Élodie Durand", "--remove"))
    assert [m["name"] for m in show(c, cid)["members"]] == ["Bob Martin"]
    assert ok(c("profile", "Élodie Durand", "--json")).json()["memberships"] == []


def test_rate_and_profile_keep_history(c: Cli, people: dict[str, str]) -> None:
    sid = add(c, "skill", {"name": "Soudure TIG", "domain": "Mécanique"})["id"]
    ok(c("edit", people["bob"], "--json", "-", input='{"assessor": "yes"}'))  # may rate U and O
    ok(c("use", people["bob"]))
    r = ok(c("rate", "Élodie Durand", "soudure tig", "1", "--interest", "learn"))
    assert r.out.strip() == "Élodie Durand: Soudure TIG level 1 (I)"
    args = ("--evidence", "Contrôle", "--valid-until", "2099-12-31", "--assessed-on", "2024-05-02")
    ok(c("rate", people["alice"], sid, "3", *args))
    p = ok(c("profile", people["alice"], "--json")).json()
    [rating] = p["ratings"]
    assert (rating["level"], rating["glyph"], rating["skill"]) == (3, "U", sid)
    assert rating["interest"] == "learn"  # carried over
    assert (rating["evidence"], rating["valid_until"]) == ("Contrôle", "2099-12-31")
    assert rating["assessed_on"] == "2024-05-02" and rating["assessor"] == people["bob"]
    assert not rating["expired"] and p["autonomous_skills"] == 1
    assert [h["level"] for h in rating["history"]] == [1]
    assert rating["history"][0]["assessor_name"] == "Bob Martin"
    ok(c("rate", people["alice"], sid, "4", "--interest", "none"))
    [rating] = ok(c("profile", "élodie durand", "--json")).json()["ratings"]
    assert rating["interest"] is None and [h["level"] for h in rating["history"]] == [3, 1]
    text = ok(c("profile", people["alice"])).out
    assert "Soudure TIG" in text and "was 3" in text and "was 1" in text


def test_link_twice_makes_one_link(c: Cli) -> None:
    rex = add(c, "rex", {"title": "Incident"})
    howto = add(c, "howto", {"title": "Procédure"})
    revisions = ok(c("status", "--json")).json()["revisions"]
    r = ok(c("link", howto["id"], rex["id"], "--type", "applies"))
    assert "linked (applies)" in r.out
    again = ok(c("link", howto["id"], rex["id"], "--type", "applies"))
    assert "already linked" in again.out and again.out.split()[0] == r.out.split()[0]
    assert ok(c("status", "--json")).json()["revisions"] == revisions + 1
    links = show(c, howto["id"])["links"]
    assert [(x["item"], x["type"]) for x in links] == [(rex["id"], "applies")]
    assert [x["item"] for x in show(c, rex["id"])["backlinks"]] == [howto["id"]]
    ok(c("link", rex["id"], howto["id"]))  # default type: related
    assert [x["type"] for x in show(c, rex["id"])["links"]] == ["related"]


def test_attach_stores_blob_once(c: Cli, ws_path: Path, tmp_path: Path) -> None:
    rex = add(c, "rex", {"title": "Photo"})
    other = add(c, "rex", {"title": "Other"})
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"\xff\xd8 jpeg bytes" * 100)
    sha = hashlib.sha256(f.read_bytes()).hexdigest()
    first = ok(c("attach", rex["id"], str(f), "--json")).json()
    assert (first["sha256"], first["size"], first["created"]) == (sha, 1300, True)
    assert first["media_type"] == "image/jpeg" and first["name"] == "photo.jpg"
    second = ok(c("attach", rex["id"], str(f)))
    assert "already attached" in second.out and first["id"] in second.out
    ok(c("attach", other["id"], str(f)))
    assert [a["id"] for a in show(c, rex["id"])["attachments"]] == [first["id"]]
    blob = ws_path / "blobs" / sha[:2] / sha
    assert blob.read_bytes() == f.read_bytes()
    assert [p for p in (ws_path / "blobs").rglob("*") if p.is_file()] == [blob]
    assert sql(ws_path, "SELECT sha256, size FROM blobs") == [(sha, 1300)]
    ok(c("check"))


def test_comment(c: Cli, people: dict[str, str]) -> None:
    rex = add(c, "rex", {"title": "T"})
    r = ok(c("--as", "Bob Martin", "comment", rex["id"][:6], "Bien vu, **merci**"))
    [comment] = show(c, rex["id"])["comments"]
    assert comment["id"] == r.out.strip() and comment["body"] == "Bien vu, **merci**"
    assert (comment["author"], comment["author_name"]) == (people["bob"], "Bob Martin")
    assert "Bien vu" in ok(c("show", rex["id"])).out


def test_names_ids_and_prefixes(c: Cli, people: dict[str, str]) -> None:
    sid = add(c, "skill", {"name": "Électricité HT", "domain": "E"})["id"]
    for ref in (sid, sid[:6], sid.upper(), "electricite ht", "  ÉLECTRICITÉ HT "):
        assert show(c, ref)["id"] == sid, ref
    text = ok(c("show", "electricite ht")).out
    assert text.startswith("Électricité HT\n") and sid in text and "Domaine:" in text
    for person in (people["alice"][:6], "ELODIE DURAND"):
        ok(c("rate", person, sid[:8], "2"))
    short = c("show", sid[:5])
    assert short.code == 2 and sid[:5] in short.err


EVIL = '<script>alert(1)</script><img src=x onerror="alert(2)"> [a](javascript:alert(3))'


@pytest.mark.parametrize("where", ["summary", "lessons", "comment", "title", "asset"])
def test_show_html_has_no_script_handler_or_javascript(c: Cli, where: str) -> None:
    text = f"**bold** {EVIL} <a href='JavaScript:x'>z</a> [ok](https://ex.org)"
    rex = add(c, "rex", {"title": "T", where: text} if where != "comment" else {"title": "T"})
    if where == "comment":
        ok(c("comment", rex["id"], text))
    page = ok(c("show", rex["id"], "--html")).out
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    shown = "<strong>bold</strong>" if where in ("summary", "lessons", "comment") else "**bold**"
    assert shown in page  # the field is on the page, rendered or escaped
    low = page.lower()
    # One-line fields are shown as the text typed (escaped); nothing may be live markup.
    assert "<script" not in low, where
    assert not re.search(r"<img[^>]*\bsrc=(?![\"']attachment:)", low), where
    assert not re.search(r"<[^>]*\bon\w+\s*=", low), f"event attribute in a tag ({where})"
    assert not re.search(r"(href|src)\s*=\s*[\"']?\s*javascript:", low), where


@pytest.fixture
def attached(c: Cli, tmp_path: Path) -> tuple[dict[str, Any], str]:
    """A report with one attachment, and the attachment's SHA-256."""
    rex = add(c, "rex", {"title": "Original"})
    (tmp_path / "f.txt").write_text("hello", "utf-8")
    return rex, ok(c("attach", rex["id"], str(tmp_path / "f.txt"), "--json")).json()["sha256"]


def test_check_passes_on_healthy_workspace(c: Cli, attached: tuple[dict, str]) -> None:
    assert ok(c("check")).out.startswith("ok")
    assert ok(c("check", "--json")).json() == {"ok": True, "problems": []}


@pytest.mark.parametrize(
    ("damage", "problem"),
    [
        ("revisions SET body = replace(body, 'Original', 'X')", "revision {rev}: content does not"),
        ("items SET title = 'X' WHERE kind = 'rex'", "item {id}: current state differs"),
        ("blobs SET sha256 = 'ab' || substr(sha256, 3)", "attachment blob ab{tail}: missing"),
        ("changed", "attachment blob {sha}: content does not match its hash"),
        ("missing", "attachment blob {sha}: missing"),
    ],
    ids=["revision-body", "items-row", "blobs-row", "blob-changed", "blob-missing"],
)
def test_check_fails_and_names_the_problem(
    c: Cli, ws_path: Path, attached: tuple[dict, str], damage: str, problem: str
) -> None:
    rex, sha = attached
    blob = ws_path / "blobs" / sha[:2] / sha
    if damage == "changed":
        blob.write_bytes(b"HELLO")
    elif damage == "missing":
        blob.unlink()
    else:
        sql(ws_path, f"UPDATE {damage}")
    expected = problem.format(rev=rex["rev"], id=rex["id"], sha=sha, tail=sha[2:])
    r = c("check")
    assert r.code == 1 and any(line.startswith(expected) for line in r.out.splitlines())
    j = c("check", "--json")
    assert j.code == 1 and j.json()["ok"] is False
    assert any(p.startswith(expected) for p in j.json()["problems"])
