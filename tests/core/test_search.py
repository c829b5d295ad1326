"""Search: forgiving analysis, query language, facets, suggestions, snippets, glossary."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from copdesk import BadInput, Workspace


def ids(result: dict) -> list[str]:
    """Hits with every word (or every hit when relaxed: no item has them all)."""
    return [h["id"] for h in result["hits"] if not h["partial"]]


def partial_ids(result: dict) -> list[str]:
    return [h["id"] for h in result["hits"] if h["partial"]]


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    """A small workspace whose every answer is known."""
    ws = Workspace.create(tmp_path_factory.mktemp("search") / "ws", site="Usine de Lyon")
    with ws.permissions.bypass():  # a history that happened (rules: test_permissions.py)
        data = _base(ws)
    yield data
    ws.close()


def _base(ws: Workspace) -> dict:
    presses = ws.items.add("community", {"name": "Maintenance des presses", "form": "trade"})["id"]
    lean = ws.items.add("community", {"name": "Amélioration continue", "form": "innovation"})["id"]
    marie = ws.items.add("person", {"name": "Marie Dupont", "job_title": "Électricienne"})["id"]
    jean = ws.items.add("person", {"name": "Jean Martin", "site": "Usine de Saint-Étienne"})["id"]
    with ws.acting_as(marie):
        elec = ws.items.add(
            "rex",
            {
                "title": "Panne d'électricité sur la ligne 4",
                "community": presses,
                "summary": "Le capteur de pression a lâché pendant la nuit.",
                "lessons": "Vérifier le groupe hydraulique chaque semaine.",
                "priority": "red",
                "status": "validated",
                "tags": ["électricité", "Ligne 4"],
                "occurred_on": "2024-03-10",
            },
        )["id"]
    with ws.acting_as(jean):
        hydro = ws.items.add(
            "rex",
            {
                "title": "Fuite au raccord du vérin",
                "community": presses,
                "summary": "Huile sous le groupe de la presse, raccord hydraulique usé.",
                "facts": "Electricite coupee avant intervention.",
                "priority": "yellow",
                "status": "proposed",
                "site": "Usine de Saint-Étienne",
                "tags": ["hydraulique"],
                "occurred_on": "2025-02-01",
            },
        )["id"]
        pumps = ws.items.add(
            "rex",
            {
                "title": "Pump failures after restart",
                "language": "en",
                "community": lean,
                "summary": "Two failures of the cooling pump in one week.",
                "lessons": "A <script>alert(1)</script> is only text here.",
                "priority": "blue",
                "status": "validated",
                "tags": ["pump"],
                "occurred_on": "2023-07-14",
            },
        )["id"]
    sheet = ws.items.add(
        "howto",
        {
            "title": "Purger le circuit",
            "community": lean,
            "goal": "Éviter les capteurs bloqués.",
            "steps": "1. Ouvrir la vanne\n2. Purger",
            "tags": ["hydraulique"],
            "holders": [jean],
        },
    )["id"]
    data = {"ws": ws, "presses": presses, "lean": lean, "marie": marie, "jean": jean,
            "elec": elec, "hydro": hydro, "pumps": pumps, "sheet": sheet}  # fmt: skip
    return data


def test_result_shape(base: dict) -> None:
    r = base["ws"].search.query("vérin")
    assert set(r) >= {"total", "hits", "facets", "suggestion", "took_ms"}
    hit = r["hits"][0]
    assert set(hit) == {"id", "kind", "title", "score", "snippet", "community", "site",
                        "updated_at", "partial", "archived"}  # fmt: skip
    assert (hit["id"], hit["kind"], hit["community"]) == (
        base["hydro"],
        "rex",
        "Maintenance des presses",
    )
    assert hit["site"] == "Usine de Saint-Étienne" and hit["score"] > 0


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("electricite", {"elec", "hydro"}),  # accents folded both ways
        ("ÉLECTRICITÉ", {"elec", "hydro"}),
        ("capteurs", {"elec", "sheet"}),  # French plural -> stem
        ("failure", {"pumps"}),  # English stem
        ("vérins", {"hydro"}),
    ],
)
def test_accents_and_stems(base: dict, query: str, expected: set[str]) -> None:
    found = set(ids(base["ws"].search.query(query)))
    assert found == {base[k] for k in expected}


def test_title_outranks_body(base: dict) -> None:
    # "électricité" is in elec's title and tags, only in hydro's facts
    assert ids(base["ws"].search.query("électricité"))[0] == base["elec"]


def test_all_words_required_then_relaxed(base: dict) -> None:
    ws = base["ws"]
    strict = ws.search.query("fuite raccord")
    assert ids(strict) == [base["hydro"]] and not strict["relaxed"]
    assert strict["total"] == 1 and strict["partial"] == 0  # no item has only one of them
    both = ws.search.query("hydraulique raccord")
    assert ids(both) == [base["hydro"]] and both["total"] == 1
    # then, to fill the page, items with some of the words, after those with all
    assert both["hits"][0]["id"] == base["hydro"]
    assert set(partial_ids(both)) == {base["elec"], base["sheet"]} and both["partial"] == 2
    assert ids(ws.search.query("hydraulique raccord", limit=1)) == [base["hydro"]]
    assert partial_ids(ws.search.query("hydraulique raccord", limit=1)) == []
    # no item has both: items with either follow, marked relaxed
    loose = ws.search.query("fuite pump")
    assert loose["relaxed"] and set(ids(loose)) == {base["hydro"], base["pumps"]}


def test_phrase_exclusion_or(base: dict) -> None:
    ws = base["ws"]
    assert set(ids(ws.search.query("groupe hydraulique"))) == {base["elec"], base["hydro"]}
    assert ids(ws.search.query('"groupe hydraulique"')) == [base["elec"]]
    assert set(ids(ws.search.query("hydraulique -huile"))) == {base["elec"], base["sheet"]}
    assert set(ids(ws.search.query("pump OR vanne"))) == {base["pumps"], base["sheet"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind:howto", {"sheet"}),
        ("kind:community", {"presses", "lean"}),
        ("kind:person", {"marie", "jean"}),
        ("community:presses", {"elec", "hydro"}),
        ('community:"Amélioration continue"', {"pumps", "sheet"}),
        ("site:saint-etienne", {"hydro", "jean"}),
        ("tag:hydraulique", {"hydro", "sheet"}),
        ("tag:HYDRAULIQUE -kind:howto", {"hydro"}),
        ("status:validated kind:rex", {"elec", "pumps"}),
        ("priority:red priority:yellow", {"elec", "hydro"}),
        ("author:martin kind:rex", {"hydro", "pumps"}),
        ("occurred:2024-01..2025-06", {"elec", "hydro"}),
        ("occurred:2024", {"elec"}),
        ("occurred:..2023-12", {"pumps"}),
        ("lang:en", {"pumps"}),
        ("huile -status:validated", {"hydro"}),
    ],
)
def test_filters(base: dict, query: str, expected: set[str]) -> None:
    found = set(ids(base["ws"].search.query(query)))
    assert found == {base[k] for k in expected}


def test_api_filters_and_unknown_names(base: dict) -> None:
    ws = base["ws"]
    assert set(ids(ws.search.query("hydraulique", kind="rex", status="proposed"))) == {
        base["hydro"]
    }
    r = ws.search.query("fuite", community="Inexistante")
    assert r["total"] == 0 and "no community named 'Inexistante'" in r["warnings"]
    with pytest.raises(BadInput, match="unknown search filter"):
        ws.search.query("x", colour="red")


def test_facets_count_every_match(base: dict) -> None:
    r = base["ws"].search.query("hydraulique")
    assert r["total"] == 3
    f = r["facets"]
    assert f["kind"] == {"rex": 2, "howto": 1}
    assert f["community"] == {"Maintenance des presses": 2, "Amélioration continue": 1}
    assert f["tag"]["hydraulique"] == 2 and f["tag"]["electricite"] == 1
    assert f["status"] == {"draft": 1, "proposed": 1, "validated": 1}
    assert f["site"] == {"Usine de Lyon": 1, "Usine de Saint-Étienne": 1}  # sheets have none


def test_typo_suggestion(base: dict) -> None:
    r = base["ws"].search.query("capetur")
    assert r["suggestion"] == "capteur"
    assert set(ids(r)) == {base["elec"], base["sheet"]}  # capteur, capteurs
    assert base["ws"].search.query("capteurs")["suggestion"] is None  # a known stem is no typo
    assert base["ws"].search.query("hydrualique")["suggestion"] == "hydraulique"


def test_rare_word_near_a_common_one_is_suggested(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    typo = ws.items.add("rex", {"title": "Fuite sur le vérin hydrualique"})["id"]
    right = [ws.items.add("rex", {"title": f"Groupe hydraulique {n}"})["id"] for n in range(3)]
    r = ws.search.query("hydrualique")
    assert r["suggestion"] == "hydraulique"
    assert set(ids(r)) == {typo, *right}  # the rare word itself is still found
    ws.close()
    other = Workspace.create(tmp_path / "other", site="Lyon")
    other.items.add("rex", {"title": "Fuite sur le vérin hydrualique"})
    for n in range(2):  # 2 against 1: not common enough to call it a typo
        other.items.add("rex", {"title": f"Groupe hydraulique {n}"})
    assert other.search.query("hydrualique")["suggestion"] is None
    other.close()


def test_snippet_highlights_and_escapes(base: dict) -> None:
    ws = base["ws"]
    snippets = [h["snippet"] for h in ws.search.query("capteur")["hits"]]
    assert any("<mark>capteur</mark>" in s for s in snippets)
    assert any("<mark>capteurs</mark>" in s for s in snippets)
    text = ws.search.query("script alert")["hits"][0]["snippet"]
    assert "<script" not in text and "&lt;" in text and "<mark>" in text


def test_deleted_and_edited_items(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    a = ws.items.add("rex", {"title": "Zorglub à la presse"})["id"]
    assert ids(ws.search.query("zorglub")) == [a]
    ws.items.edit(a, {"title": "Bidule à la presse"})
    assert ids(ws.search.query("zorglub")) == [] and ids(ws.search.query("bidule")) == [a]
    ws.items.delete(a)
    assert ids(ws.search.query("bidule")) == [] and ws.search.query("kind:rex")["total"] == 0
    first = ws.items.history(a)[0]["rev_id"]
    ws.items.restore(a, first)
    assert ids(ws.search.query("zorglub")) == [a]
    ws.close()


def test_people_found_by_skills(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    p = ws.items.add("person", {"name": "Ali Ben"})["id"]
    ws.use(p)  # the first person: the site's administrator
    s = ws.items.add("skill", {"name": "Brasage fort", "domain": "Soudage"})["id"]
    assert ids(ws.search.query("brasage kind:person")) == []
    ws.people.rate(p, s, 3)
    assert ids(ws.search.query("brasage kind:person")) == [p]
    ws.items.edit(s, {"name": "Brasure argent"})  # renaming the skill updates its holders
    assert ids(ws.search.query("brasure kind:person")) == [p]
    ws.close()


def test_glossary(base: dict) -> None:
    ws = base["ws"]
    with ws.acting_as(base["marie"]):
        _glossary(ws)


def _glossary(ws: Workspace) -> None:
    group = ws.search.glossary_add(["TRS", "taux de rendement synthétique", "OEE"])
    assert group == ["TRS", "taux de rendement synthétique", "OEE"]
    a = ws.items.add("rex", {"title": "Le TRS de la ligne 2"})["id"]
    b = ws.items.add("rex", {"title": "OEE dashboard", "language": "en"})["id"]
    c = ws.items.add("rex", {"title": "Taux de rendement synthétique en baisse"})["id"]
    for query in ("trs", "OEE", "taux de rendement synthetique"):
        assert set(ids(ws.search.query(query))) == {a, b, c}, query
    ws.search.glossary_add(["OEE", "overall equipment effectiveness"])  # joins the group
    assert len(ws.search.glossary()) == 1 and len(ws.search.glossary()[0]) == 4
    ws.search.glossary_remove("trs")
    assert ids(ws.search.query("TRS")) == [a]
    with pytest.raises(BadInput):
        ws.search.glossary_add(["seul"])
    for item in (a, b, c):
        ws.items.delete(item)
    ws.search.glossary_remove("OEE")
    ws.search.glossary_remove("overall equipment effectiveness")
    assert ws.search.glossary() == []


def test_who_knows_ranks_with_reasons(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    with ws.permissions.bypass():  # a history (rules: test_permissions.py)
        expert = ws.items.add("person", {"name": "Experte Soudure"})["id"]
        trainee = ws.items.add("person", {"name": "Apprenti"})["id"]
        writer = ws.items.add("person", {"name": "Rédacteur"})["id"]
        lapsed = ws.items.add("person", {"name": "Habilitation échue"})["id"]
        skill = ws.items.add("skill", {"name": "Soudage MIG", "domain": "Soudage"})["id"]
        ws.people.rate(expert, skill, 4)
        ws.people.rate(trainee, skill, 1)
        ws.people.rate(lapsed, skill, 4, valid_until="2020-01-01")
        with ws.acting_as(writer):
            ws.items.add("howto", {"title": "Régler un poste de soudage MIG", "holders": [expert]})
    people = ws.search.who_knows("soudage MIG")["people"]
    names = [p["name"] for p in people]
    assert names[0] == "Experte Soudure"
    assert names.index("Rédacteur") < names.index("Apprenti")
    assert names.index("Habilitation échue") > names.index("Experte Soudure")
    reasons = people[0]["reasons"]
    assert any("Soudage MIG: level 4" in r for r in reasons)
    assert any("holds the know-how" in r for r in reasons)
    lapsed_reasons = next(p for p in people if p["name"] == "Habilitation échue")["reasons"]
    assert any("expired 2020-01-01" in r for r in lapsed_reasons)
    ws.close()


def test_search_on_an_empty_workspace(tmp_path) -> None:
    """A new site searches before anything is written: no results, no error."""
    with Workspace.create(tmp_path / "empty", site="Vide") as ws:
        for query in ("pompe", "kind:rex", "status:draft capteur"):
            result = ws.search.query(query)
            assert result["total"] == 0 and result["hits"] == []
