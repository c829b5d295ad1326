"""Latent networks: graph measures on graphs whose answer is known, then the people
graph of a workspace built with a known structure, the demo, and the command line."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from helpers import network_known

from copdesk import Workspace
from copdesk.analytics import graph as gr
from copdesk.analytics import network as net_module
from copdesk.messages import worded
from copdesk.model.kinds import KINDS


def collect(ws: Workspace) -> net_module.Facts:
    return net_module.collect(ws.conn, ws.items, ws.people)


def network(ws: Workspace, community: str | None = None) -> dict:
    """The pure pipeline: facts read through the parts, analysed, then worded."""
    cid = ws.resolve(community, "community") if community else None
    return worded(net_module.network(collect(ws), cid))


# -- graph measures ---------------------------------------------------------------


def two_cliques(*, through: tuple[str, ...] = ()) -> gr.Graph:
    """Cliques a1..a4 and b1..b4 and a person p tied to all of them (or only to
    ``through``); z has no tie."""
    g = gr.Graph(["z"])
    for side in "ab":
        members = [f"{side}{i}" for i in range(1, 5)]
        for x, y in itertools.combinations(members, 2):
            g.add_edge(x, y)
        for m in members:
            if not through or m in through:
                g.add_edge("p", m)
    return g


def test_two_cliques_joined_by_one_person() -> None:
    g = two_cliques()
    between = gr.betweenness(g)
    assert max(between, key=between.get) == "p"
    # the 16 pairs (a, b) all go through p; normalised by the C(9, 2) = 36 pairs of others
    assert between["p"] == pytest.approx(16 / 36)
    assert between["a2"] == 0 and between["z"] == 0
    assert gr.articulation_points(g) == {"p"}
    assert gr.isolated(g) == ["z"]
    assert gr.components(g) == [
        ["a1", "a2", "a3", "a4", "b1", "b2", "b3", "b4", "p"],
        ["z"],
    ]
    groups = gr.clusters(g)
    a = next(c for c in groups if "a2" in c)
    b = next(c for c in groups if "b2" in c)
    assert {"a1", "a2", "a3", "a4"} <= set(a) and {"b1", "b2", "b3", "b4"} <= set(b)
    assert a != b and ["z"] in groups and len(groups) == 3
    a_side, b_side = ["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]
    for other in ([[*a_side, "p"], b_side], [a_side, [*b_side, "p"]], [a_side, b_side, ["p"]]):
        assert gr.modularity(g, groups) >= gr.modularity(g, other) - 1e-12
    assert gr.modularity(g, groups) > gr.modularity(g, [[*a_side, *b_side, "p"]])


def test_a_bridge_through_one_member_of_each_side() -> None:
    g = two_cliques(through=("a1", "b1"))
    between = gr.betweenness(g, normalized=False)
    assert between["p"] == 16 and between["a1"] == 15  # a2..a4 to p and the four b's
    assert gr.articulation_points(g) == {"p", "a1", "b1"}


def test_raw_betweenness_of_a_path_and_a_star() -> None:
    path = gr.Graph()
    for x, y in [("1", "2"), ("2", "3"), ("3", "4")]:
        path.add_edge(x, y)
    assert gr.betweenness(path, normalized=False) == {"1": 0, "2": 2, "3": 2, "4": 0}
    assert gr.articulation_points(path) == {"2", "3"}
    star = gr.Graph()
    for leaf in "abcde":
        star.add_edge("hub", leaf)
    assert gr.betweenness(star)["hub"] == pytest.approx(1.0)
    assert gr.articulation_points(star) == {"hub"}


def test_weighted_betweenness_prefers_strong_ties() -> None:
    """A square x-s-y / x-w-y: by hops both middles carry half; a strong x-s-y carries all."""
    g = gr.Graph()
    g.add_edge("x", "s", 4.0)
    g.add_edge("s", "y", 4.0)
    g.add_edge("x", "w", 1.0)
    g.add_edge("w", "y", 1.0)
    hops = gr.betweenness(g, normalized=False)
    assert hops["s"] == hops["w"] == pytest.approx(0.5)
    strong = gr.betweenness(g, weighted=True, normalized=False)
    assert strong["s"] == pytest.approx(1.0) and strong["w"] == 0


def test_pivots_are_deterministic_and_close_on_a_regular_graph() -> None:
    g = gr.Graph()
    n = 60
    for i in range(n):
        g.add_edge(f"{i:02d}", f"{(i + 1) % n:02d}")
    exact = gr.betweenness(g)
    approx = gr.betweenness(g, max_sources=12)
    assert approx == gr.betweenness(g, max_sources=12)
    assert all(v == pytest.approx(exact["00"]) for v in exact.values())  # a ring: all equal
    # every source contributes the same total on a ring, so the scaled total is exact
    assert sum(approx.values()) == pytest.approx(sum(exact.values()))
    assert all(0.5 * exact["00"] < v < 1.5 * exact["00"] for v in approx.values())


def test_edges_add_up_and_self_loops_are_ignored() -> None:
    g = gr.Graph()
    g.add_edge("a", "b", 2)
    g.add_edge("b", "a", 1)
    g.add_edge("a", "a", 5)
    assert list(g.edges()) == [("a", "b", 3.0)] and g.degree("a") == 1
    assert gr.clusters(gr.Graph(["x", "y"])) == [["x"], ["y"]]
    assert gr.betweenness(gr.Graph()) == {}


def test_a_long_chain_does_not_overflow_the_stack() -> None:
    g = gr.Graph()
    for i in range(5000):
        g.add_edge(f"{i:05d}", f"{i + 1:05d}")
    assert len(gr.articulation_points(g)) == 4999
    assert len(gr.components(g)) == 1


# -- a workspace with a known structure ----------------------------------------------


@pytest.fixture
def known(ws: Workspace) -> dict[str, str]:
    """Lyon: l1 l2 l3 co-write; Nantes: n1 n2 n3 co-write; b co-writes with l1 and n1;
    s1 (Lyon) and s2 (Nantes) share a skill and never met; i works with nobody;
    c1 c2 c3 (Grenoble) co-write about a theme no community covers."""
    with ws.batch():  # one search-index update at the end
        return network_known(ws)


def test_the_bridge_is_the_person_who_works_in_both_groups(
    ws: Workspace, known: dict[str, str]
) -> None:
    result = network(ws)
    top = result["bridges"][0]
    assert top["person"] == known["b"] and top["articulation"]
    assert top["sites"] == ["Usine de Lyon", "Usine de Nantes"]
    assert top["splits"] == [3, 3]  # without b: the Lyon trio and the Nantes trio
    assert any("Usine de Nantes" in w for w in top["why"])
    # l1 and n1 also cut their group, but b carries the most shortest paths
    assert {b["person"] for b in result["bridges"]} == {known["b"], known["l1"], known["n1"]}
    node = next(n for n in result["nodes"] if n["id"] == known["b"])
    assert node["degree"] == 2 and node["articulation"]


def test_isolated_people_and_sites(ws: Workspace, known: dict[str, str]) -> None:
    result = network(ws)
    isolated = {i["person"]: i for i in result["isolated_people"]}
    assert set(isolated) == {known["i"], known["s1"], known["s2"]}
    assert "member of Maintenance des presses" in isolated[known["i"]]["why"]
    sites = {s["site"]: s for s in result["isolated_sites"]}
    assert set(sites) == {"Usine de Grenoble"}
    assert sites["Usine de Grenoble"]["internal_ties"] == 3


def test_who_should_meet_whom(ws: Workspace, known: dict[str, str]) -> None:
    result = network(ws)
    skill_pairs = [s for s in result["suggestions"] if s["topic_kind"] == "skill"]
    assert [(s["a"], s["b"]) for s in skill_pairs] == [tuple(sorted((known["s1"], known["s2"])))]
    pair = skill_pairs[0]
    assert pair["topic"] == "Thermographie infrarouge"
    assert pair["score"] == pytest.approx(3 + 1)  # mean of 4 and 2, +1: a teacher and a learner
    assert "never worked together" in pair["why"] and "wants to teach" in pair["why"]
    # a tag shared across sites by people who never co-wrote is a suggestion too
    tag_pairs = [s for s in result["suggestions"] if s["topic_kind"] == "tag"]
    assert tag_pairs and {s["topic"] for s in tag_pairs} == {"hydraulique"}
    assert {frozenset((s["a_site"], s["b_site"])) for s in tag_pairs} == {
        frozenset(("Usine de Lyon", "Usine de Nantes"))
    }
    worked = {(e["a"], e["b"]) for e in result["edges"] if e["work"] > 0}
    assert not {(s["a"], s["b"]) for s in result["suggestions"]} & worked
    assert all(s["a_site"] != s["b_site"] for s in result["suggestions"])


def test_candidate_community_is_the_group_no_community_covers(
    ws: Workspace, known: dict[str, str]
) -> None:
    result = network(ws)
    candidates = result["candidate_communities"]
    assert len(candidates) == 1
    assert sorted(candidates[0]["people"]) == sorted(known[k] for k in ("c1", "c2", "c3"))
    assert set(candidates[0]["theme"]) == {"cobotique", "vision industrielle"}
    # the hydraulics groups are covered by the presses community's charter
    ws.items.add("community", {"name": "Cobotique", "form": "innovation"})
    assert network(ws)["candidate_communities"] == []


def test_explanations_in_french(ws: Workspace, known: dict[str, str]) -> None:
    """Every explanation has a French twin with the same facts; the English stays."""
    result = network(ws)
    bridge = result["bridges"][0]
    assert bridge["person"] == known["b"]
    assert len(bridge["why_fr"]) == len(bridge["why"])
    assert (
        "travaille avec des personnes de 2 sites : Usine de Lyon (1), Usine de Nantes (1)"
        in bridge["why_fr"]
    )
    assert "sans elle/lui, son groupe se scinde en 3 + 3" in bridge["why_fr"]
    assert "without them their group splits into 3 + 3" in bridge["why"]

    isolated = {i["person"]: i for i in result["isolated_people"]}
    assert isolated[known["i"]]["why_fr"] == (
        "aucun élément co-écrit, commentaire, réponse ni réutilisation avec qui que ce soit"
        " ; membre de Maintenance des presses"
    )
    assert isolated[known["s1"]]["why_fr"].endswith(
        "dans aucune communauté, niveau L ou plus sur 1 compétence"
    )
    (site,) = result["isolated_sites"]
    assert site["why_fr"] == (
        "aucun lien de travail avec un autre site (3 personnes, 3 liens sur place)"
    )

    pair = next(s for s in result["suggestions"] if s["topic_kind"] == "skill")
    assert "tous deux maîtrisent Thermographie infrarouge" in pair["why_fr"]
    assert "Personne S1 : niveau 4, souhaite transmettre" in pair["why_fr"]
    assert "Personne S2 : niveau 2, souhaite apprendre" in pair["why_fr"]
    assert pair["why_fr"].endswith(
        "sites Usine de Lyon et Usine de Nantes, n'ont jamais travaillé ensemble"
    ) or pair["why_fr"].endswith(
        "sites Usine de Nantes et Usine de Lyon, n'ont jamais travaillé ensemble"
    )
    tag_pair = next(s for s in result["suggestions"] if s["topic_kind"] == "tag")
    assert tag_pair["why_fr"].startswith("tous deux ont écrit sur hydraulique ; ")

    (candidate,) = result["candidate_communities"]
    assert candidate["why_fr"].startswith("3 personnes qui travaillent ensemble sur ")
    assert "cobotique" in candidate["why_fr"] and "vision industrielle" in candidate["why_fr"]
    assert candidate["why_fr"].endswith(
        " : aucune communauté n'en parle dans son nom, sa charte ou ses tags habituels"
    )
    assert candidate["why"].endswith(": no community's name, charter or usual tags mention it")

    edges = {(e["a"], e["b"]): e for e in result["edges"]}
    l2l3 = edges[tuple(sorted((known["l2"], known["l3"])))]
    assert l2l3["why_fr"] == "ont co-écrit 2 éléments ; tous deux dans Maintenance des presses"
    skill = edges[tuple(sorted((known["s1"], known["s2"])))]
    assert skill["why_fr"] == "compétence partagée : Thermographie infrarouge"
    assert all("why_fr" in e for e in result["edges"])


def test_a_charter_in_other_words_still_covers_the_theme(
    ws: Workspace, known: dict[str, str]
) -> None:
    ws.items.add(
        "community",
        {"name": "Robots", "form": "project", "charter": "Vision industrielle, COBOTIQUE."},
    )
    assert network(ws)["candidate_communities"] == []


def test_edges_carry_their_reasons(ws: Workspace, known: dict[str, str]) -> None:
    with ws.acting_as(known["n2"]):
        ws.items.comment(known["item"], "Même souci à Nantes")
    result = network(ws)
    edges = {(e["a"], e["b"]): e for e in result["edges"]}
    l2l3 = edges[tuple(sorted((known["l2"], known["l3"])))]
    assert l2l3["reasons"] == {"community": 1, "coauthor": 2}
    assert l2l3["weight"] == 2 * 3 + 0.5 and l2l3["communities"] == ["Maintenance des presses"]
    comment = edges[tuple(sorted((known["n2"], known["l2"])))]
    assert comment["reasons"]["comment"] == 1 and "1 comment" in comment["why"]
    skill = edges[tuple(sorted((known["s1"], known["s2"])))]
    assert skill["work"] == 0 and skill["skills"] == ["Thermographie infrarouge"]


def test_bulk_facts_agree_with_history_and_get(ws: Workspace, known: dict[str, str]) -> None:
    with ws.acting_as(known["n2"]):
        ws.items.comment(known["item"], "Vu")
    facts = collect(ws)
    for item in ws.items.list("rex"):
        authors = {r["author"] for r in ws.items.history(item["id"]) if r["author"]}
        assert facts.authors[item["id"]] == authors
        comments = {(c["author"], item["id"]) for c in ws.items.get(item["id"])["comments"]}
        assert comments == {c for c in facts.comments if c[1] == item["id"]}


def test_one_community_only(ws: Workspace, known: dict[str, str]) -> None:
    result = network(ws, "maintenance des presses")
    people = {n["id"] for n in result["nodes"]}
    assert people == {known[k] for k in ("l1", "l2", "l3", "n1", "n2", "n3", "b", "i")}
    assert result["bridges"][0]["person"] == known["b"]


@pytest.mark.skipif("answer" not in KINDS, reason="questions and answers not in the model")
def test_answers_and_cross_site_marks_are_work_ties(ws: Workspace, known: dict[str, str]) -> None:
    with ws.acting_as(known["c1"]):
        question = ws.qa.ask(None, "Quel cobot pour le vissage ?")
    with ws.acting_as(known["s1"]):
        ws.qa.answer(question["id"], "Un UR5 avec visseuse.")
    saved = ws.site_name
    with ws.acting_as(known["s2"]):
        ws.qa.mark(known["item"], "applied")  # marked at this workspace's site
    edges = {(e["a"], e["b"]): e for e in network(ws)["edges"]}
    assert edges[tuple(sorted((known["c1"], known["s1"])))]["reasons"]["answer"] == 1
    # the mark was made at the workspace's site (Lyon), the author works at Lyon too
    assert "reuse" not in edges.get(tuple(sorted((known["s2"], known["l2"]))), {}).get(
        "reasons", {}
    )
    assert saved == "Usine de Lyon"


@pytest.mark.skipif("mark" not in KINDS, reason="marks not in the model")
def test_a_mark_from_another_site_is_reuse(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "nantes", site="Usine de Nantes") as ws:
        author = ws.items.add("person", {"name": "Auteur", "site": "Usine de Lyon"})["id"]
        with ws.acting_as(author):  # the first person: the administrator
            reader = ws.items.add("person", {"name": "Lecteur", "site": "Usine de Nantes"})["id"]
        with ws.acting_as(author):
            item = ws.items.add("howto", {"title": "Purge"})["id"]
        with ws.acting_as(reader):
            ws.qa.mark(item, "applied")
        result = network(ws)
    edge = result["edges"][0]
    assert edge["reasons"] == {"reuse": 1} and "reused at another site" in edge["why"]
    assert result["isolated_sites"] == []


def test_the_workspace_method_gives_the_same_network(ws: Workspace, known: dict[str, str]) -> None:
    expected = network(ws, "Maintenance des presses")
    with Workspace.open(ws.path) as other:
        assert other.analytics.network("Maintenance des presses") == expected


def test_demo_gives_a_network(ws: Workspace) -> None:
    ws.load_demo()
    result = network(ws)
    assert result["people"] >= 10 and result["work_ties"] > 0
    assert result["bridges"] and result["suggestions"] and result["clusters"]
    assert len(result["sites"]) == 3
    assert network(ws) == result  # deterministic


# -- command line ---------------------------------------------------------------------


def test_cli_json_and_text(cli, ws: Workspace, known: dict[str, str]) -> None:
    ws.close()
    res = cli("network", "--json")
    assert res.code == 0, res.err
    data = res.json()
    assert data["bridges"][0]["person"] == known["b"]
    text = cli("network")
    assert text.code == 0
    assert "Bridges" in text.out and "Personne B" in text.out
    assert "Who should meet whom" in text.out and "Thermographie infrarouge" in text.out
    assert "Candidate communities (1)" in text.out and "cobotique" in text.out
    assert "Isolated sites (1)" in text.out
    one = cli("network", "--community", "Maintenance des presses", "--json")
    assert one.code == 0 and one.json()["people"] == 8


def test_cli_bad_arguments_exit_2(cli, ws: Workspace) -> None:
    ws.close()
    assert cli("network", "--community", "nulle part").code == 2
    bad = cli("network", "--bogus")
    assert bad.code == 2 and "unrecognized" in bad.err
    assert cli("network", "--community").code == 2
