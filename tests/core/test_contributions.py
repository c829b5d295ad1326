"""My contributions: what a person authored, validated, answered, commented and marked,
the marks their items received (with site and date), and recognition points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from copdesk import Workspace
from copdesk.analytics.contributions import POINTS
from copdesk.cli import main
from copdesk.demo import demo_id


def _send(src: Workspace, dst: Workspace, path: Path) -> None:
    src.sync.export(path, peer=dst.site_id)
    dst.sync.import_bundle(path)


@pytest.fixture
def two_sites(ws: Workspace, tmp_path: Path) -> dict:
    """Alice and Bob at Lyon, Carol at Sheffield, who marks a report there."""
    with ws.permissions.bypass():  # a history that happened (rules: test_permissions.py)
        return _two_sites(ws, tmp_path)


def _two_sites(ws: Workspace, tmp_path: Path) -> dict:
    sheffield = Workspace.create(tmp_path / "sheffield", site="Sheffield Works", language="en")
    for a, b in ((ws, sheffield), (sheffield, ws)):
        i = a.sites.identity()
        b.sites.trust(i["site_id"], i["key"], i["name"])
    alice = ws.items.add("person", {"name": "Alice Roux"})["id"]
    bob = ws.items.add("person", {"name": "Bob Nguyen"})["id"]
    carol = ws.items.add("person", {"name": "Carol Smith", "site": "Sheffield Works"})["id"]
    c = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]
    ids = {"alice": alice, "bob": bob, "carol": carol}
    with ws.acting_as(alice):
        ids["r"] = ws.items.add("rex", {"title": "Fuite P12", "community": c})["id"]
        ids["h"] = ws.items.add("howto", {"title": "Purger un vérin", "community": c})["id"]
        ids["q"] = ws.qa.ask(c, "Quel couple pour les brides ?")["id"]
        ws.items.edit(ids["r"], {"status": "proposed"})  # proposing is not validating
    with ws.acting_as(bob):
        ids["rb"] = ws.items.add("rex", {"title": "Joint inversé", "status": "proposed"})["id"]
        ws.items.edit(ids["r"], {"status": "validated"})
        ids["ab"] = ws.qa.answer(ids["q"], "120 N.m en croix")["id"]
        ids["qb"] = ws.qa.ask(None, "Quelle huile pour la H3 ?")["id"]
        ws.items.comment(ids["r"], "Vu aussi sur la P7")
        ws.qa.mark(ids["r"], "helped")
        ws.qa.mark(ids["h"], "applied", note="sur la P7")
    with ws.acting_as(carol):
        ws.qa.answer(ids["q"], "Same at Sheffield")
    with ws.acting_as(alice):
        ws.items.edit(ids["rb"], {"status": "validated"})
        ws.items.edit(ids["rb"], {"title": "Joint de vérin inversé"})  # still one validation
        ws.qa.accept(ids["q"], ids["ab"])
        ws.qa.answer(ids["qb"], "HM 46")
        ws.items.comment(ids["rb"], "Merci")
        ws.qa.mark(ids["rb"], "helped")
        ws.qa.mark(ids["h"], "helped")  # one's own item: no impact
    _send(ws, sheffield, tmp_path / "to-sheffield.copdesk")
    with sheffield.acting_as(carol):
        sheffield.qa.mark(ids["r"], "applied", note="Press 3")
    _send(sheffield, ws, tmp_path / "to-lyon.copdesk")
    sheffield.close()
    return ids


def test_counts_impact_and_points_by_hand(ws: Workspace, two_sites: dict) -> None:
    a = ws.analytics.contributions(two_sites["alice"])
    assert a["person_name"] == "Alice Roux" and a["site"] == "Usine de Lyon"
    assert a["counts"] == {
        "authored": 2,
        "rex": 1,
        "howto": 1,
        "questions": 1,
        "validated": 1,
        "answered": 1,
        "accepted": 0,
        "commented": 1,
        "marks_given": 1,
        "helped_received": 1,
        "applied_received": 2,
        "other_site_marks": 1,
    }
    assert [v["id"] for v in a["validated"]] == [two_sites["rb"]]
    assert a["impact"]["sites"] == ["Sheffield Works"]
    far = [m for m in a["impact"]["marks"] if m["other_site"]]
    assert len(far) == 1
    assert (far[0]["person_name"], far[0]["type"], far[0]["note"]) == (
        "Carol Smith",
        "applied",
        "Press 3",
    )
    assert far[0]["on"] == ws.today().isoformat()
    # 3 validated + 2 answered + 1 mark given (not the one on her own sheet) + 1 comment
    # + 2×2 authored + 1 question + 2 helped + 2×3 applied + 2 from another site
    assert a["recognition"]["points"] == 3 + 2 + 1 + 1 + 4 + 1 + 2 + 6 + 2 == 22
    assert a["recognition"]["beyond_authoring"] == 18
    b = ws.analytics.contributions("Bob Nguyen")
    assert (b["counts"]["validated"], b["counts"]["answered"], b["counts"]["accepted"]) == (1, 1, 1)
    assert (b["counts"]["authored"], b["counts"]["questions"], b["counts"]["marks_given"]) == (
        1,
        1,
        2,
    )
    assert b["answered"][0]["accepted"] is True
    c = ws.analytics.contributions("Carol Smith")
    assert c["counts"]["answered"] == 1 and c["counts"]["marks_given"] == 1
    assert c["counts"]["authored"] == 0 and c["recognition"]["points"] == 3  # no writing


def test_current_person_by_default(ws: Workspace, two_sites: dict) -> None:
    with pytest.raises(Exception, match="whose contributions"):
        ws.analytics.contributions()
    ws.use(two_sites["bob"])
    assert ws.analytics.contributions()["person"] == two_sites["bob"]


def test_rule_rewards_more_than_authoring() -> None:
    assert POINTS["validated"] > POINTS["authored"]
    assert POINTS["accepted"] + POINTS["answered"] > POINTS["authored"]
    assert POINTS["applied_received"] > POINTS["authored"]


def test_cli(ws: Workspace, two_sites: dict, capsys: pytest.CaptureFixture[str]) -> None:
    path = str(ws.path)
    assert main(["--workspace", path, "contributions", "Alice Roux", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["counts"]["applied_received"] == 2 and data["recognition"]["points"] == 22
    assert main(["--workspace", path, "contributions", "Alice Roux"]) == 0
    out = capsys.readouterr().out
    assert "Alice Roux (Usine de Lyon)" in out
    assert "helped 1, applied 2, 1 from other sites (Sheffield Works)" in out
    assert "Carol Smith at Sheffield Works" in out and "22 points" in out
    assert main(["--workspace", path, "contributions"]) == 2  # nobody is current
    assert "whose contributions" in capsys.readouterr().err


def test_demo_shows_contributions_and_an_archived_community(ws: Workspace) -> None:
    first = ws.load_demo()
    assert first["question"] >= 5 and first["answer"] >= 8 and first["mark"] >= 20
    assert ws.load_demo() == {}
    questions = ws.qa.questions()
    assert sum(bool(q["accepted"]) for q in questions) >= 4
    assert any(not q["accepted"] and q["answers"] for q in questions)  # still open
    promoted = ws.items.get(demo_id("howto", "howto-hose-crimp"))
    assert any(link["kind"] == "question" for link in promoted["links"])
    me = ws.analytics.contributions()  # the current person: the presses animator
    assert me["person_name"] == "Sophie Leroux"
    assert me["counts"]["validated"] >= 2 and me["counts"]["answered"] >= 1
    assert me["counts"]["other_site_marks"] >= 1
    everyone = [ws.analytics.contributions(p["id"]) for p in ws.items.list("person")]
    assert sum(c["counts"]["other_site_marks"] for c in everyone) >= 10
    assert {s for c in everyone for s in c["impact"]["sites"]} >= {"Sheffield Works"}
    # dispersion: an action community without activity; a dissolved one, archived
    stats = {c["name"]: ws.analytics.stats(c["id"]) for c in ws.items.list("community")}
    metro = stats["Métrologie & contrôle dimensionnel"]
    assert metro["stage"] == "action" and metro["diagnosis"]["looks_like"] == "dispersion"
    p9 = stats["Projet transfert presse P9 : Lyon → Saint-Étienne"]
    assert p9["stage"] == "dissolution" and p9["archived"]
    closure = demo_id("rex", "rex-p9-transfer-closure")
    assert ws.items.get(closure)["archived"] is True
    assert ws.items.get(demo_id("rex", "rex-p12-accu-near-miss"))["archived"] is False
    hits = ws.search.query("transfert presse P9")["hits"]
    assert any(h["id"] == closure and h["archived"] for h in hits)
    assert not any(h["archived"] for h in ws.search.query("accumulateur")["hits"])
