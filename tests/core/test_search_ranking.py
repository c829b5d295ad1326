"""Ranking on small hand-made cases: sentence-like queries, estimated totals, similar
items, hostile input through the API, and the two analysis chains kept equal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from copdesk import BadInput, Workspace
from copdesk.search.analysis import analyzer, terms
from copdesk.search.engine import is_sentence
from copdesk.search.query import parse


@pytest.fixture(scope="module")
def plant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict]:
    ws = Workspace.create(tmp_path_factory.mktemp("ranking") / "ws", site="Lyon")
    ids = {
        "accu": ws.items.add(
            "rex",
            {
                "title": "Pression résiduelle dans l'accumulateur de la presse P12",
                "summary": "Un jet d'huile sous pression au démontage d'un flexible : "
                "l'accumulateur n'avait pas été déchargé avant l'intervention.",
                "lessons": "Décharger l'accumulateur et vérifier la pression nulle au manomètre.",
                "tags": ["hydraulique", "accumulateur", "consignation"],
            },
        )["id"],
        "sheet": ws.items.add(
            "howto",
            {
                "title": "Décharger et vérifier un accumulateur hydraulique",
                "goal": "Garantir une pression nulle côté huile avant toute ouverture du circuit.",
                "steps": "1. Consigner la centrale\n2. Ouvrir la vanne de décharge\n"
                "3. Lire le manomètre",
                "tags": ["hydraulique", "accumulateur"],
            },
        )["id"],
        "pump": ws.items.add(
            "rex",
            {
                "title": "Cavitation de la pompe principale",
                "summary": "Bruit de graviers sur la pompe, crépine d'aspiration colmatée.",
                "tags": ["hydraulique", "pompe"],
            },
        )["id"],
        "hose": ws.items.add(
            "rex",
            {
                "title": "Hose burst on Press 3",
                "language": "en",
                "summary": "A high-pressure hose burst at 240 bar; the hose was past its "
                "service life and nobody had a register of hoses.",
                "tags": ["hydraulics", "hose", "safety"],
            },
        )["id"],
        "paint": ws.items.add(
            "rex",
            {
                "title": "Épaisseur de peinture hors tolérance",
                "summary": "Viscosité trop basse après un changement de lot de peinture.",
            },
        )["id"],
    }
    yield {"ws": ws, **ids}
    ws.close()


def test_a_question_is_a_sentence_and_a_few_words_are_not() -> None:
    assert is_sentence(parse("comment décharger l'accumulateur avant une intervention ?"))
    assert is_sentence(parse("what caused the hose burst on the press during production"))
    assert not is_sentence(parse("fuite vérin"))
    assert not is_sentence(parse('"groupe hydraulique" pression accumulateur vanne manomètre'))
    assert not is_sentence(parse("pression accumulateur -huile vanne manomètre presse"))


def test_sentence_ranks_the_item_matching_most_of_it_first(plant: dict) -> None:
    ws = plant["ws"]
    r = ws.search.query("Comment décharger la pression de l'accumulateur avant une intervention ?")
    top = [h["id"] for h in r["hits"][:2]]
    assert set(top) == {plant["accu"], plant["sheet"]}
    # no all-words pass: nothing is marked partial, nothing relaxed
    assert not r["relaxed"] and not any(h["partial"] for h in r["hits"])
    assert r["usable"] and "total_exact" in r
    # ranked as a whole, an item sharing only a word or two may follow, never lead
    ranked = [h["id"] for h in r["hits"]]
    assert plant["paint"] not in ranked or ranked.index(plant["paint"]) > 1


def test_question_words_are_dropped_from_sentences(plant: dict) -> None:
    ws = plant["ws"]
    # "comment" and "pourquoi" are question words: the sentence searches the rest
    r = ws.search.query("pourquoi et comment la pompe principale fait un bruit de graviers")
    assert r["hits"][0]["id"] == plant["pump"]


def test_english_question_finds_the_english_report(plant: dict) -> None:
    r = plant["ws"].search.query("why did the high pressure hose burst on the press?")
    assert r["hits"][0]["id"] == plant["hose"]


def test_short_queries_still_want_every_word(plant: dict) -> None:
    r = plant["ws"].search.query("accumulateur manomètre")
    assert r["total"] == 2 and {h["id"] for h in r["hits"] if not h["partial"]} == {
        plant["accu"],
        plant["sheet"],
    }
    assert r["total_exact"] is True


def test_totals_past_the_bound_are_estimates(tmp_path: Path) -> None:
    """Once no unseen item can reach the first page, the common words only re-score the
    candidates: the items matching them are not all counted, and the total says so."""
    ws = Workspace.create(tmp_path / "ws", site="Lyon", language="en")
    with ws.batch():
        for n in range(30):
            data = {"title": f"Valve seat wear {n}", "summary": "valve seat erosion grit"}
            ws.items.add("rex", {**data, "language": "en"})
        for n in range(300):
            ws.items.add("rex", {"title": f"Routine check {n}", "summary": f"pump routine {n}",
                           "language": "en"})  # fmt: skip
    r = ws.search.query("valve seat erosion grit on the routine pump check", limit=5)
    assert len(r["hits"]) == 5
    assert all("Valve seat wear" in h["title"] for h in r["hits"])
    assert r["total_exact"] is False
    assert 300 <= r["total"] <= 330  # about as many as match some word
    # a short query counts exactly
    exact = ws.search.query("routine", limit=5)
    assert exact["total"] == 300 and exact["total_exact"] is True
    ws.close()


# -- similar items ------------------------------------------------------------------------


def test_similar_to_an_item_excludes_it(plant: dict) -> None:
    ws = plant["ws"]
    r = ws.search.similar(plant["accu"])
    ids = [h["id"] for h in r["hits"]]
    assert plant["accu"] not in ids
    assert ids[0] == plant["sheet"]
    assert len(ids) <= 5
    hit = r["hits"][0]
    assert {"id", "kind", "title", "score", "snippet"} <= set(hit)
    assert hit["kind"] == "howto" and hit["score"] > 0 and "<mark>" in hit["snippet"]


def test_similar_to_an_item_being_edited(plant: dict) -> None:
    """The editor of a saved item: its draft text is compared, the item left out."""
    ws = plant["ws"]
    r = ws.search.similar(plant["pump"], title="Cavitation de la pompe", body="crépine colmatée")
    assert plant["pump"] not in [h["id"] for h in r["hits"]]
    r = ws.search.similar(
        plant["paint"], title="Accumulateur", body="pression résiduelle, manomètre"
    )
    assert r["hits"][0]["id"] in (plant["accu"], plant["sheet"])


def test_similar_to_a_draft(plant: dict) -> None:
    ws = plant["ws"]
    r = ws.search.similar(title="Bruit de la pompe", body="La crépine d'aspiration était bouchée.")
    assert r["hits"][0]["id"] == plant["pump"]
    assert ws.search.similar(title="", body="")["hits"] == []
    assert ws.search.similar(title="le la les", body="")["hits"] == []  # only stop words
    assert len(ws.search.similar(title="hydraulique", limit=2)["hits"]) == 2
    with pytest.raises(BadInput):
        ws.search.similar(title="x", limit=0)


def test_similar_looks_among_knowledge_unless_told(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    person = ws.items.add("person", {"name": "Ali Ben"})["id"]
    ws.use(person)  # the site's administrator, who may add skills
    skill = ws.items.add("skill", {"name": "Brasage fort", "domain": "Brasage"})["id"]
    ws.people.rate(person, skill, 3)
    report = ws.items.add("rex", {"title": "Brasage fort raté", "summary": "Manque de brasure."})[
        "id"
    ]
    found = ws.search.similar(title="Brasage fort", body="brasure")
    assert [h["id"] for h in found["hits"]] == [report]
    people = ws.search.similar(title="Brasage fort", kinds=("person",))
    assert [h["id"] for h in people["hits"]] == [person]
    ws.close()


def test_similar_at_the_engine_level(plant: dict) -> None:
    ws = plant["ws"]
    engine = ws.search.engine()
    r = engine.similar(item_id=plant["hose"], limit=3)
    assert plant["hose"] not in [h["id"] for h in r["hits"]]
    draft = engine.similar(title="Peinture trop fluide", body="viscosité", language="fr")
    assert draft["hits"][0]["id"] == plant["paint"]


# -- hostile input through the API ----------------------------------------------------------

HOSTILE = [
    "x" * 10_000,
    " ".join(["pression accumulateur hydraulique vanne"] * 500),  # 2,000 words
    "le la les de du the of and",
    "!!! ??? ... ;;; ,,, --- ***",
    '"pression accumulateur',
    "((pression) accumulateur",
    "pression\u202eaccumulateur\u202c \u200f\u061c",  # bidi controls
    "\x00\x07pression\x1b[31m\x7f",
    "-",
    '""',
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_answer(plant: dict, query: str) -> None:
    r = plant["ws"].search.query(query)
    assert set(r) >= {"total", "hits", "facets", "suggestion", "took_ms", "warnings", "usable"}
    if not r["usable"]:
        assert r["warnings"][-1] == "nothing to search for"


def test_long_sentences_and_bidi_still_find(plant: dict) -> None:
    ws = plant["ws"]
    long = ws.search.query(" ".join(["pression accumulateur hydraulique vanne"] * 500))
    assert long["hits"] and any("first" in w for w in long["warnings"])
    bidi = ws.search.query("\u202eaccumulateur\u202c")
    assert plant["accu"] in [h["id"] for h in bidi["hits"]]


# -- analysis -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'électricité des Vérins hydrauliques, ISO-9001 et 3/8 : à vérifier !", "fr"),
        ("Pump failures after restarting the cooling pumps; P12's 1.5 bar drop.", "en"),
        ("Œuvre naïve : « déjà-vu » — ÇA coûte 12,5 € (x2)", "fr"),
    ],
)
def test_fast_analysis_equals_the_whoosh_chain(text: str, lang: str) -> None:
    assert terms(text, lang) == [t.text for t in analyzer(lang)(text)]
