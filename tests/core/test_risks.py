"""Knowledge at risk (`copdesk risks`): exact lines on a workspace of known structure,
the demo content, the CLI (text, JSON, bad arguments) and the matching rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from helpers import LYON, SHEFFIELD, risks_known

from copdesk import Workspace
from copdesk.analytics.risks import SkillTerms, collect, rank, words
from copdesk.messages import worded

AnalyticsWorkspace = Workspace


def compute(ws: Workspace, **kw: Any) -> list[dict[str, Any]]:
    """The pure pipeline: facts read through the parts, ranked, then worded."""
    return worded(rank(collect(ws.items, ws.people, ws.today()), **kw))


@pytest.fixture
def known(ws: Workspace) -> dict[str, Any]:
    """3 people on 2 sites, 4 skills, each skill with one known weakness.

    - Soudage MAG: nobody autonomous (Bob 2; Carol's 3 has expired); an obsolete
      sheet about it covers nothing.
    - Réglage presse: Alice alone (4), nothing written by her about it (her report is
      about something else); Carol is learning it (1).
    - Analyse huile: Alice 4 and Bob 3 at Lyon, covered by Alice's sheet; at
      Sheffield, Carol is only at level 2.
    - Consignation (LOTO): Bob 3 (Lyon), Carol 4 (Sheffield) whose rating expires in
      30 days; a sheet tagged with the acronym covers it; Carol wrote a report on it.
    """
    with ws.batch():  # one index update at the end
        return risks_known(ws)


def summary(lines: list[dict[str, Any]]) -> list[tuple[str, str, str | None, list[str], int]]:
    return [
        (line["kind"], line["skill_name"], line["site"], [p["name"] for p in line["people"]],
         line["score"])
        for line in lines
    ]  # fmt: skip


def test_known_structure_gives_exactly_the_expected_lines(ws: Workspace, known: dict) -> None:
    lines = compute(ws)
    assert summary(lines) == [
        ("single_holder", "Réglage presse", None, ["Alice Arnaud"], 81),  # 50+20+10+1
        ("no_holder", "Soudage MAG", None, [], 71),  # 40+20+10+1
        ("unwritten_expert", "Réglage presse", None, ["Alice Arnaud"], 51),  # 20+31
        ("uncovered_skill", "Réglage presse", None, ["Alice Arnaud"], 46),  # 15+31
        ("uncovered_skill", "Soudage MAG", None, [], 46),
        ("single_holder", "Consignation (LOTO)", SHEFFIELD, ["Carol Carter"], 30),
        ("single_holder", "Consignation (LOTO)", LYON, ["Bob Blanc"], 30),
        ("expiring", "Consignation (LOTO)", None, ["Carol Carter"], 30),  # 25+5
        ("no_holder", "Analyse huile", SHEFFIELD, [], 26),  # 25 + Carol learning there
    ]
    assert [line["rank"] for line in lines] == list(range(1, 10))
    assert [line["reason"] for line in lines] == [
        "Only Alice Arnaud (Usine de Lyon) is autonomous on Réglage presse (level 4), 1 person"
        " is learning it and no know-how sheet covers it: have Alice Arnaud write it down and"
        " train a second holder.",
        "Nobody is autonomous on Soudage MAG, 1 person is learning it, 1 former holder's rating"
        " expired and no know-how sheet covers it: train a holder or bring the know-how in.",
        "Alice Arnaud (Usine de Lyon) is an expert (level 4) on Réglage presse and its only"
        " autonomous holder, yet no report or sheet of theirs is about it and no know-how sheet"
        " covers it: ask Alice Arnaud to write a know-how sheet.",
        "No know-how sheet covers Réglage presse, 1 person is autonomous on it (Alice Arnaud)"
        " and 1 person is learning it: write one with Alice Arnaud.",
        "No know-how sheet covers Soudage MAG, nobody is autonomous on it and 1 person is"
        " learning it: find someone to write one.",
        "Only Carol Carter is autonomous on Consignation (LOTO) at Sheffield Works and 1 other"
        " person holds it elsewhere: train a second holder at Sheffield Works.",
        "Only Bob Blanc is autonomous on Consignation (LOTO) at Usine de Lyon and 1 other person"
        " holds it elsewhere: train a second holder at Usine de Lyon.",
        f"The level 4 rating of Carol Carter (Sheffield Works) on Consignation (LOTO) expires on"
        f" {known['expires']} (in 30 days), which would leave 1 autonomous holder: reassess or"
        " renew it before then.",
        "Nobody at Sheffield Works is autonomous on Analyse huile (1 person rated there) and it"
        " is held at Usine de Lyon: train someone there or pair them with a holder elsewhere.",
    ]
    assert [line["reason_fr"] for line in lines] == [
        "Alice Arnaud (Usine de Lyon) est la seule personne autonome sur Réglage presse"
        " (niveau 4), 1 personne est en formation et aucune fiche savoir-faire ne couvre cette"
        " compétence : faire écrire ce savoir-faire à Alice Arnaud et former un second"
        " détenteur.",
        "Personne n'est autonome sur Soudage MAG, 1 personne est en formation, l'évaluation"
        " d'un ancien détenteur a expiré et aucune fiche savoir-faire ne couvre cette"
        " compétence : former un détenteur ou faire venir le savoir-faire.",
        "Alice Arnaud (Usine de Lyon) est au niveau expert (4) sur Réglage presse, seule"
        " personne autonome dessus, mais aucun de ses retours d'expérience ni aucune de ses"
        " fiches ne porte dessus et aucune fiche savoir-faire ne couvre cette compétence :"
        " demander à Alice Arnaud d'écrire une fiche savoir-faire.",
        "Aucune fiche savoir-faire ne couvre Réglage presse, 1 personne est autonome dessus"
        " (Alice Arnaud) et 1 personne est en formation : en écrire une avec Alice Arnaud.",
        "Aucune fiche savoir-faire ne couvre Soudage MAG, personne n'est autonome dessus et"
        " 1 personne est en formation : trouver quelqu'un pour en écrire une.",
        "À Sheffield Works, Carol Carter est la seule personne autonome sur Consignation"
        " (LOTO) et 1 autre personne est autonome ailleurs : former un second détenteur à"
        " Sheffield Works.",
        "À Usine de Lyon, Bob Blanc est la seule personne autonome sur Consignation (LOTO) et"
        " 1 autre personne est autonome ailleurs : former un second détenteur à Usine de Lyon.",
        f"L'évaluation de niveau 4 de Carol Carter (Sheffield Works) sur Consignation (LOTO)"
        f" expire le {known['expires']} (dans 30 jours), ce qui laisserait 1 détenteur"
        " autonome : la réévaluer ou la renouveler d'ici là.",
        "À Sheffield Works, personne n'est autonome sur Analyse huile (1 personne évaluée sur"
        " ce site) et la compétence est détenue ailleurs (Usine de Lyon) : former quelqu'un"
        " sur place ou l'associer à un détenteur d'un autre site.",
    ]
    first, _, _, _, _, _, lyon, expiring, _ = lines
    assert first["skill"] == known["skill"]["press"]
    assert first["people"] == [
        {"id": known["alice"], "name": "Alice Arnaud", "site": LYON, "level": 4}
    ]
    assert first["details"] == {
        "domain": "Maintenance",
        "holders": 1,
        "learners": 1,
        "lapsed_holders": 0,
        "covered_by": [],
    }
    assert lines[1]["details"]["lapsed_holders"] == 1
    assert [s["title"] for s in lyon["details"]["covered_by"]] == ["Six étapes avant d'intervenir"]
    assert lyon["details"]["site_holders"] == 1
    assert (expiring["details"]["valid_until"], expiring["details"]["days_left"]) == (
        known["expires"],
        30,
    )


def test_site_filter_limit_and_the_workspace_method(ws: Workspace, known: dict) -> None:
    at_sheffield = compute(ws, site="sheffield WORKS")  # case ignored
    assert [(line["rank"], line["kind"], line["site"]) for line in at_sheffield] == [
        (1, "single_holder", SHEFFIELD),
        (2, "expiring", None),  # Carol is at Sheffield
        (3, "no_holder", SHEFFIELD),
    ]
    assert [line["kind"] for line in compute(ws, limit=2)] == ["single_holder", "no_holder"]
    with AnalyticsWorkspace.open(ws.path) as aws:
        assert aws.analytics.risks() == compute(ws)
        assert aws.analytics.risks(site=LYON, limit=1)[0]["skill_name"] == "Réglage presse"


def test_writing_it_down_removes_the_lines(ws: Workspace, known: dict) -> None:
    """A sheet Alice holds about the press setting covers it and makes her knowledge written."""
    before = {(line["kind"], line["skill_name"]) for line in compute(ws)}
    assert ("unwritten_expert", "Réglage presse") in before
    with ws.acting_as(known["bob"]):
        ws.items.add(
            "howto",
            {"title": "Régler la presse après un changement d'outil", "holders": [known["alice"]]},
        )
    after = compute(ws)
    assert {(line["kind"], line["skill_name"]) for line in after} == before - {
        ("unwritten_expert", "Réglage presse"),
        ("uncovered_skill", "Réglage presse"),
    }
    single = next(line for line in after if line["skill_name"] == "Réglage presse")
    assert (single["kind"], single["score"]) == ("single_holder", 61)  # 50+10+1, no more +20
    assert [s["title"] for s in single["details"]["covered_by"]] == [
        "Régler la presse après un changement d'outil"  # "presse", half the words, her sheet
    ]


def test_demo_ranks_a_holder_risk_first(ws: Workspace) -> None:
    ws.load_demo()
    lines = compute(ws)
    assert len(lines) > 10
    assert lines[0]["kind"] in ("single_holder", "no_holder") and lines[0]["site"] is None
    assert [line["rank"] for line in lines] == list(range(1, len(lines) + 1))
    scores = [line["score"] for line in lines]
    assert scores == sorted(scores, reverse=True)
    assert {line["kind"] for line in lines} == {
        "single_holder",
        "no_holder",
        "expiring",
        "unwritten_expert",
        "uncovered_skill",
    }
    for line in lines:
        assert line["reason"].endswith(".") and line["skill_name"] in line["reason"]
        assert line["reason"].count(":") >= 1
        fr = line["reason_fr"]
        assert fr.endswith(".") and line["skill_name"] in fr and " : " in fr
        assert fr != line["reason"]
    # The demo's own sheets cover what they are about (acronym, words, holders).
    covered = {line["skill_name"] for line in lines if line["kind"] == "uncovered_skill"}
    assert not covered & {
        "Consignation / déconsignation (LOTO)",
        "Calcul et analyse du TRS (OEE)",
        "Infrared thermography",
        "Réglage de presse (hauteur de fermeture, parallélisme)",
    }


def test_cli_text_and_json(ws: Workspace, known: dict, cli) -> None:
    r = cli("risks")
    assert r.code == 0 and r.err == ""
    out = r.out.splitlines()
    assert out[0] == "  1. [single holder] Réglage presse — all sites, score 81"
    assert out[1].startswith("     Only Alice Arnaud (Usine de Lyon) is autonomous")
    assert len(out) == 18
    assert "  9. [no holder] Analyse huile — Sheffield Works, score 26" in out
    data = cli("risks", "--json", "--limit", "3").json()
    assert [(d["rank"], d["kind"], d["skill_name"]) for d in data] == [
        (1, "single_holder", "Réglage presse"),
        (2, "no_holder", "Soudage MAG"),
        (3, "unwritten_expert", "Réglage presse"),
    ]
    assert list(data[0]) == [
        "rank", "kind", "skill", "skill_name", "site", "people", "score", "reason", "reason_fr",
        "details",
    ]  # fmt: skip
    on_site = cli("risks", "--site", "Usine de Lyon", "--json").json()
    assert {d["site"] for d in on_site} == {None, LYON}


def test_cli_on_an_empty_workspace(cli, ws: Workspace) -> None:
    r = cli("risks")
    assert (r.code, r.out, r.err) == (0, "no knowledge at risk found\n", "")
    assert cli("risks", "--json").json() == []


@pytest.mark.parametrize(
    "args, message",
    [
        (["--limit", "0"], "expected a positive whole number"),
        (["--limit", "ten"], "expected a positive whole number"),
        (["--site", "Grenoble"], "no person is at site 'Grenoble'"),
        (["--bogus"], "unrecognized arguments"),
    ],
)
def test_cli_bad_arguments(ws: Workspace, cli, args: list[str], message: str) -> None:
    ws.items.add("person", {"name": "Alice Arnaud", "site": LYON})
    r = cli("risks", *args)
    assert r.code == 2 and r.out == ""
    assert r.err.count("\n") == 1 and message in r.err


def test_matching_rules() -> None:
    assert words("Accumulateurs HYDRAULIQUES, l'huile") == {
        "accumulateur",
        "hydraulique",
        "l",
        "huile",
    }
    loto = SkillTerms.of("Consignation / déconsignation (LOTO)")
    assert (loto.words, loto.alias) == ({"consignation", "deconsignation"}, {"loto"})
    assert loto.mentioned_in(words("Lockout-tagout (LOTO) in six steps"))
    assert not loto.mentioned_in(words("Consignation d'un variateur"))
    assert loto.touched_by(words("Consignation d'un variateur"))  # half the words
    cn = SkillTerms.of("Réglage tour CN")  # "CN" is too short to count
    assert cn.words == {"reglage", "tour"}
    assert cn.mentioned_in(words("Réglages des tours"))
    assert SkillTerms.of("5S").words == {"5s"}  # nothing long enough: every word counts


def test_people_without_site_count_across_sites_only(ws: Workspace) -> None:
    with ws.permissions.bypass():  # a history (rules: test_permissions.py)
        nomad = ws.items.add("person", {"name": "Nina Nomade"})["id"]
        ws.items.edit(nomad, {"site": ""})
        other = ws.items.add("person", {"name": "Oscar Ortiz", "site": LYON})["id"]
        skill = ws.items.add("skill", {"name": "Métrologie", "domain": "Qualité"})["id"]
        ws.people.rate(nomad, skill, 3)
        ws.people.rate(other, skill, 3)
        ws.items.add("howto", {"title": "Métrologie au poste"})
    lines = compute(ws)
    assert summary(lines) == [("single_holder", "Métrologie", LYON, ["Oscar Ortiz"], 30)]
    assert "1 other person holds it elsewhere" in lines[0]["reason"]
    assert "1 autre personne est autonome ailleurs" in lines[0]["reason_fr"]


def test_french_plurals_and_the_site_without_name(ws: Workspace) -> None:
    """Several learners, holders and lapsed ratings; a holder without a site."""
    with ws.permissions.bypass():  # a history (rules: test_permissions.py)
        people = {
            key: ws.items.add("person", {"name": name, "site": LYON})["id"]
            for key, name in [("a", "Ana"), ("b", "Bea"), ("c", "Cid"), ("d", "Dan")]
        }
        nomad = ws.items.add("person", {"name": "Nina Nomade"})["id"]
        ws.items.edit(nomad, {"site": ""})
        far = ws.items.add("person", {"name": "Sam Smith", "site": SHEFFIELD})["id"]
        lapsed = (ws.today() - dt.timedelta(days=1)).isoformat()
        weld = ws.items.add("skill", {"name": "Brasage", "domain": "Maintenance"})["id"]
        ws.people.rate(people["a"], weld, 1)
        ws.people.rate(people["b"], weld, 2)
        ws.people.rate(people["c"], weld, 3, valid_until=lapsed)
        ws.people.rate(people["d"], weld, 4, valid_until=lapsed)
        metro = ws.items.add("skill", {"name": "Métrologie", "domain": "Qualité"})["id"]
        ws.people.rate(people["a"], metro, 3)
        ws.people.rate(people["b"], metro, 3)
        ws.people.rate(nomad, metro, 3)
        ws.people.rate(far, metro, 1)
        ws.items.add("howto", {"title": "Métrologie au poste"})
    reasons = {(line["kind"], line["skill_name"], line["site"]): line for line in compute(ws)}
    assert reasons[("no_holder", "Brasage", None)]["reason_fr"] == (
        "Personne n'est autonome sur Brasage, 2 personnes sont en formation, les évaluations"
        " de 2 anciens détenteurs ont expiré et aucune fiche savoir-faire ne couvre cette"
        " compétence : former un détenteur ou faire venir le savoir-faire."
    )
    assert reasons[("no_holder", "Métrologie", SHEFFIELD)]["reason_fr"] == (
        "À Sheffield Works, personne n'est autonome sur Métrologie (1 personne évaluée sur ce"
        " site) et la compétence est détenue ailleurs (sans site et Usine de Lyon) : former"
        " quelqu'un sur place ou l'associer à un détenteur d'un autre site."
    )
