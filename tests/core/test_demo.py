"""The built-in demo content: what the spec asks for, loaded once, intact."""

from __future__ import annotations

from collections.abc import Callable

from copdesk import Workspace
from copdesk.model.kinds import FORMS


def test_demo_content_meets_the_brief(ws: Workspace) -> None:
    counts = ws.load_demo()
    assert counts["rex"] >= 40 and counts["howto"] >= 25
    communities = [ws.items.get(c["id"]) for c in ws.items.list("community")]
    assert {c["form"] for c in communities} == set(FORMS)
    assert len({c["stage"] for c in communities}) >= 3
    assert all(len(c["stage_history"]) >= 2 for c in communities)
    assert all(sum(m["role"] == "animator" for m in c["members"]) == 1 for c in communities)
    people = ws.items.list("person")
    assert len(people) >= 12 and len({p["site"] for p in people}) >= 2
    skills = ws.items.list("skill")
    assert len(skills) >= 30 and len({s["domain"] for s in skills}) >= 4
    assert counts["rating"] > counts.get("membership", 0)
    reports = [ws.items.get(r["id"]) for r in ws.items.list("rex")]
    assert {r["language"] for r in reports} == {"fr", "en"}
    assert sum(len(r["comments"]) for r in reports) > 10
    assert sum(len(r["links"]) + len(r["backlinks"]) for r in reports) > 10
    # a rating with history, an expired one, and a single-holder skill for the dashboards
    profiles = [ws.people.profile(p["id"]) for p in people]
    ratings = [r for p in profiles for r in p["ratings"]]
    assert any(r["history"] for r in ratings)
    assert any(r["expired"] for r in ratings)
    # community life: questions answered and accepted, reuse marks, stages worth a look
    assert counts["question"] >= 6 and counts["answer"] >= 10 and counts["mark"] >= 25
    assert {c["stage"] for c in communities} >= {"action", "dissolution", "dispersion"}
    assert ws.current_person is not None
    assert ws.check() == []


def test_demo_twice_adds_nothing(ws: Workspace, unchanged: Callable) -> None:
    ws.load_demo()
    snap = unchanged()
    assert ws.load_demo() == {}
    snap()


def test_demo_leaves_user_changes_alone(ws: Workspace) -> None:
    ws.load_demo()
    rex = ws.items.list("rex")[0]
    ws.items.edit(rex["id"], {"priority": "red", "title": "Titre corrigé par l'utilisateur"})
    ws.items.delete(ws.items.list("howto")[0]["id"])
    assert ws.load_demo() == {}
    assert ws.items.get(rex["id"])["title"] == "Titre corrigé par l'utilisateur"
    assert len(ws.items.list("howto", deleted=True)) == 1
