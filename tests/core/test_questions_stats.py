"""Questions and answers, reuse marks, community health figures and the stage diagnosis,
each figure checked against a small case computed by hand."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from copdesk import Workspace
from copdesk.analytics.stats import diagnose
from copdesk.errors import BadInput
from copdesk.messages import text, worded

TODAY = "2026-06-30T12:00:00.000Z"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Workspace]:
    with Workspace.create(tmp_path / "lyon", site="Usine de Lyon") as ws:
        yield ws


def at(ws: Workspace, when: str):
    return ws.core.backdated(when)


def people(ws: Workspace, *names: str) -> list[str]:
    with ws.permissions.bypass():  # joining the site is not what these tests are about
        return [ws.items.add("person", {"name": n, "site": "Lyon"})["id"] for n in names]


def test_ask_answer_accept_promote_mark(site: Workspace, tmp_path: Path) -> None:
    ws = site
    c = ws.items.add("community", {"name": "Presses", "form": "trade"})
    ana, bruno = people(ws, "Ana", "Bruno")
    with ws.acting_as(ana):
        q = ws.qa.ask("Presses", "Comment purger un vérin ?", "Il broute au démarrage", ["verin"])
    with ws.acting_as(bruno):
        a = ws.qa.answer(q["id"], "Ouvrir la purge en haut et cycler lentement")
        with pytest.raises(BadInput, match="only Ana"):
            ws.qa.accept(q["id"], a["id"])
    with ws.acting_as(ana):
        assert ws.qa.accept(q["id"], a["id"])["accepted"] == a["id"]
        sheet = ws.qa.promote(a["id"], "howto")
    assert sheet["steps"] == "Ouvrir la purge en haut et cycler lentement"
    assert sheet["community"] == c["id"] and sheet["tags"] == ["verin"]
    assert [(link["kind"], link["item"]) for link in sheet["links"]] == [("question", q["id"])]
    shown = ws.items.get(q["id"])
    assert [(x["id"], x["accepted"], x["author_name"]) for x in shown["answers"]] == [
        (a["id"], True, "Bruno")
    ]
    assert ws.qa.questions(open_only=True) == []
    assert ws.search.query("purger")["hits"][0]["kind"] in ("question", "howto")

    with ws.acting_as(bruno):
        first = ws.qa.mark(sheet["id"], "applied", "sur la P12")
        again = ws.qa.mark(sheet["id"], "applied", "sur la P12")
        ws.qa.mark(sheet["id"], "helped")
    assert first["id"] == again["id"]  # one mark per person and type
    marks = ws.items.get(sheet["id"])["marks"]
    assert sorted(m["type"] for m in marks) == ["applied", "helped"]
    assert {m["site"] for m in marks} == {"Usine de Lyon"} and marks[0]["person_name"] == "Bruno"
    with pytest.raises(BadInput):
        ws.qa.mark(sheet["id"], "liked")
    assert ws.check() == []

    # questions, answers and marks travel in bundles like any item
    with Workspace.create(tmp_path / "nantes", site="Usine de Nantes") as other:
        ident = ws.sites.identity()
        other.sites.trust(ident["site_id"], ident["key"], ident["name"])
        ws.sync.export(tmp_path / "b.copdesk")
        with zipfile.ZipFile(tmp_path / "b.copdesk") as zf:
            kinds = {
                json.loads(line)["revision"]["kind"]
                for line in zf.read("revisions.jsonl").splitlines()
            }
        assert {"question", "answer", "mark"} <= kinds
        other.sync.import_bundle(tmp_path / "b.copdesk")
        assert len(other.items.get(sheet["id"])["marks"]) == 2
        assert other.items.get(q["id"])["accepted"] == a["id"]


def test_health_figures_computed_by_hand(site: Workspace) -> None:
    ws = site
    ana, bruno, chloe, dan = people(ws, "Ana", "Bruno", "Chloé", "Dan")
    with at(ws, "2025-01-01T08:00:00.000Z"), ws.permissions.bypass():  # as it happened
        c = ws.items.add("community", {"name": "Presses", "form": "trade", "stage": "action"})
        for p in (ana, bruno, chloe, dan):
            ws.people.member(c["id"], p, "member")
    # Ana: 3 contributions in 90 days (core); Bruno: 1 (occasional); Chloé, Dan: none
    with ws.acting_as(ana):
        with at(ws, "2026-05-10T08:00:00.000Z"):
            r1 = ws.items.add("rex", {"title": "Fuite", "community": c["id"], "status": "proposed"})
        with at(ws, "2026-06-20T08:00:00.000Z"):
            ws.items.edit(r1["id"], {"summary": "joint"})
        with at(ws, "2026-06-21T08:00:00.000Z"):
            q = ws.qa.ask(c["id"], "Quel joint ?")
    with ws.acting_as(bruno), at(ws, "2026-06-21T14:00:00.000Z"):
        ws.qa.answer(q["id"], "Le joint à lèvre")
    # older than 90 days, validated by Dan before validations were reserved (as imported)
    with ws.acting_as(dan), at(ws, "2026-01-05T08:00:00.000Z"), ws.permissions.bypass():
        ws.items.add(
            "howto",
            {
                "title": "Purger",
                "community": c["id"],
                "status": "validated",
                "review_due": "2026-03-01",
            },
        )
    with at(ws, TODAY):
        s = ws.analytics.stats("Presses")
    assert (s["members"], s["roles"]) == (4, {"member": 4})
    assert (s["active_30"], s["active_90"]) == (2, 2)  # Ana and Bruno
    assert s["members_split"] == {"readers": 2, "occasional": 1, "core": 1}
    assert s["contributions_30"] == 3  # Ana's edit and question, Bruno's answer
    months = s["contributions_per_month"]
    assert (months["2026-05"], months["2026-06"], months["2026-01"]) == (1, 3, 1)
    assert s["median_hours_to_first_answer"] == 6.0
    assert (s["questions"], s["open_questions"]) == (1, 1)
    assert (s["validation_backlog"], s["past_review"]) == (1, 1)
    assert s["sites_taking_part"] == {"Lyon": 4}
    assert s["diagnosis"]["looks_like"] == "dispersion"  # action with 2 active members
    assert s["guidance"] == text("guidance.action")


def figures(stage: str, active: int, recent: int, last: str | None = "2026-06-01") -> dict:
    split = {"readers": 0, "occasional": active, "core": 0}
    return {
        "stage": stage,
        "active_90": active,
        "contributions_30": recent,
        "members_split": split,
        "last_contribution": last,
        "today": "2026-06-30",
    }


@pytest.mark.parametrize(
    ("stage", "active", "recent", "last", "created", "looks_like"),
    [
        ("dissolution", 2, 1, "2026-06-01", "2025-01-01", "action"),
        ("action", 0, 0, "2025-01-01", "2025-01-01", "dispersion"),
        ("coalition", 0, 0, None, "2025-01-01", "dispersion"),
        ("action", 2, 4, "2026-06-01", "2025-01-01", "dispersion"),
        ("action", 3, 4, "2026-06-01", "2025-01-01", "action"),
        ("dispersion", 3, 5, "2026-06-01", "2025-01-01", "action"),
        ("dispersion", 3, 4, "2026-06-01", "2025-01-01", "dispersion"),
        ("initiation", 0, 0, None, "2025-12-01", "dissolution"),
        ("initiation", 0, 0, None, "2026-03-01", "initiation"),
    ],
)
def test_diagnosis_rules(stage, active, recent, last, created, looks_like) -> None:
    result = worded(diagnose(figures(stage, active, recent, last), created))
    assert result["looks_like"] == looks_like
    assert result["reason"].startswith(f"declared {stage}")


def test_stats_cli(site: Workspace, cli) -> None:
    site.load_demo()
    site.close()
    path = site.path
    out = cli("stats", "--community", "Maintenance presses & hydraulique", "--json", workspace=path)
    data = out.json()
    assert out.code == 0 and data["stage"] == "action" and data["members"] > 0
    text = cli("stats", workspace=path).out
    assert text.startswith("the whole site") and "waiting for validation" in text
    bad = cli("stats", "--community", "nowhere", workspace=path)
    assert bad.code == 2 and bad.err.count("\n") == 1


def test_diagnosis_and_guidance_come_in_french_too(site: Workspace) -> None:
    site.items.add("community", {"name": "Presses", "form": "trade", "stage": "action"})
    s = site.analytics.stats("Presses")
    assert s["diagnosis"]["reason_fr"].startswith("déclarée en action")
    assert len(s["guidance_fr"]) == len(s["guidance"]) and s["guidance_fr"][0].startswith("Garder")


def test_ask_shows_similar_questions_already_answered(cli, ws: Workspace) -> None:
    ws.load_demo()
    answered = next(q for q in ws.qa.questions() if q["accepted"])
    ws.close()
    r = cli("ask", "", answered["title"] + " ?", "--json")
    assert r.code == 0 and r.err.startswith("copdesk: already answered, maybe:\n")
    assert answered["id"][:8] in r.err
    assert r.json()["similar_answered"][0]["id"] == answered["id"]
    r = cli("ask", "", "Zxqwv jklmn ?")  # nothing like it: stdout is the id, no notes
    assert r.err == "" and len(r.out.split()) == 1
