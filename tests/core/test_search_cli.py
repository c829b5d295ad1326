"""`copdesk search`, `who-knows`, `reindex`, `glossary` on the command line; hostile queries."""

from __future__ import annotations

import json

import pytest


@pytest.fixture
def demo(cli):
    assert cli("init", "--site", "Usine de Lyon").code == 0
    assert cli("demo").code == 0
    return cli


def test_search_text_and_json(demo) -> None:
    r = demo("search", "accumulateur")
    assert r.code == 0 and r.err == ""
    assert "result(s) in" in r.out and "«accumulateur»" in r.out and "kind: " in r.out
    data = demo("search", "accumulateur", "--json", "--limit", "2").json()
    assert data["total"] >= 3 and len(data["hits"]) == 2
    assert data["hits"][0]["score"] >= data["hits"][1]["score"]
    assert "<mark>accumulateur" in data["hits"][0]["snippet"]
    only = demo("search", "accumulateur", "--kind", "howto", "--json").json()
    assert {h["kind"] for h in only["hits"]} == {"howto"}
    by_status = demo("search", "presse", "--status", "proposed", "--json").json()
    assert by_status["facets"]["status"] == {"proposed": by_status["total"]}


def test_did_you_mean(demo) -> None:
    r = demo("search", "accumulatuer")
    assert r.code == 0 and "did you mean: accumulateur" in r.out


def test_who_knows_and_glossary(demo) -> None:
    r = demo("who-knows", "accumulateur hydraulique", "--json").json()
    assert r["people"] and all(p["reasons"] for p in r["people"])
    assert r["people"][0]["score"] >= r["people"][-1]["score"]
    text = demo("who-knows", "accumulateur hydraulique")
    assert text.code == 0 and " 1. " in text.out and "      - " in text.out
    assert demo("glossary").out.startswith("the glossary is empty")
    assert demo("glossary", "add", "LOTO", "consignation").out.strip() == "LOTO = consignation"
    assert json.loads(demo("glossary", "list", "--json").out) == [["LOTO", "consignation"]]
    loto = demo("search", "LOTO", "--json").json()["total"]
    assert loto >= demo("search", "consignation", "--json").json()["total"] > 0
    assert demo("glossary", "remove", "loto").code == 0
    assert demo("glossary", "add", "seul").code == 2


def test_reindex(demo) -> None:
    r = demo("reindex")
    assert r.code == 0 and r.out.startswith("indexed 128 items in")
    assert demo("reindex", "--json").json()["documents"] == 128


HOSTILE = [
    '"unbalanced quote',
    "((((",
    "))) fuite (",
    "unknown:field value",
    "x:y:z",
    "fuite " * 2000,  # 12,000 characters
    "a" * 10_000,
    "\x00\x01\x1b[31mvérin\x7f",
    "-",
    "OR",
    "OR OR fuite OR",
    '""',
    '-"',
    "kind:",
    "kind:nothing",
    "community:",
    "occurred:abc..def",
    "occurred:2024-13..",
    "*",
    "?",
    "\\",
    "🔧 vérin 🛠️",
    "مضخة 泵 насос",
    "'; DROP TABLE items; --",
    "title:fuite",
    "-fuite -huile",
    "status:validated",
]


@pytest.mark.parametrize("query", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_queries_never_crash(demo, query: str) -> None:
    r = demo("search", query)
    assert r.code in (0, 2), r.err
    assert "Traceback" not in r.err and "internal error" not in r.err
    if r.code == 2:
        assert r.err.count("\n") == 1 and r.err.startswith("copdesk: nothing to search for")
    assert demo("search", query, "--json").code == r.code


@pytest.mark.parametrize("query", ["", "   ", "le la les", "the of and", "\x00\x01"])
def test_nothing_usable_is_exit_2(demo, query: str) -> None:
    r = demo("search", query)
    assert r.code == 2 and r.out == "" and r.err.count("\n") == 1
    assert r.err.startswith("copdesk: nothing to search for")
