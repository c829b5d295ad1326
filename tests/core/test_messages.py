"""The message catalogue: every code in English and French with the same facts, plurals
and lists by language, labels for every code of the model, results worded with their
French twins, and French renderings of every kind of analysis line with no English left."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path
from typing import Any

import pytest
from helpers import network_known, risks_known

from copdesk import Workspace, messages
from copdesk.analytics.stats import diagnose
from copdesk.messages import CATALOGUE, LANGUAGES, localized, msg, text, worded
from copdesk.model.kinds import KINDS, LEVELS

PACKAGE = Path(__file__).resolve().parents[2] / "copdesk"

# Words a French sentence never holds; the English templates use them all (checked below).
ENGLISH = frozenset(
    {"and", "the", "is", "are", "nobody", "only", "level", "holder", "holders", "people",
     "person", "learning", "sheet", "covers", "works", "with", "both", "never", "worked",
     "together", "without", "them", "their", "theirs", "declared", "but", "wants", "also",
     "tie", "ties", "inside", "rated", "reused", "time", "times", "answers", "item", "items",
     "expires", "which", "would", "leave", "days", "day", "write", "ask", "have", "find",
     "someone", "it", "at", "of", "or", "work", "looks", "like", "activity", "matches",
     "still", "members", "contributed", "last", "again", "took", "off", "relaunch", "dissolve",
     "shared", "skills", "links", "communities", "splits", "into", "group", "groups",
     "working", "anyone", "usual", "mention", "charter", "name", "held", "elsewhere", "other",
     "hold", "holds", "bring", "there", "ratings", "expired", "before", "then", "reassess",
     "renew"}
)  # fmt: skip
# French words that happen to be written like English ones.
SAME_WORDS = frozenset(
    {"Action", "Causes", "Coalition", "Description", "Dispersion", "Expert", "Motivation",
     "Note", "Question", "SHA-256", "Site", "Sponsor", "Type", "Validation", "Version",
     "Document", "Source", "page {page}"}
)  # fmt: skip
NAMES = {"choice.fr", "choice.en"}  # language names, written in their own language
FORMAT_ONLY = {"risk.person_at", "network.site_count"}  # "{name} ({site})", "{site} ({n})"


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def _templates(entry: dict[str, Any], language: str) -> list[str]:
    words = entry[language]
    return list(words) if isinstance(words, tuple) else [words]


def _words(text_: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text_)}


# -- the catalogue ----------------------------------------------------------------


def test_every_code_has_english_and_french_with_the_same_facts() -> None:
    """French may say more (a count English leaves implicit), never less."""
    assert LANGUAGES == ("en", "fr")
    for code, entry in CATALOGUE.items():
        assert set(entry) == set(LANGUAGES), code
        en, fr = _templates(entry, "en"), _templates(entry, "fr")
        assert len(en) == len(fr) and all(en) and all(fr), code
        assert set().union(*map(_fields, en)) <= set().union(*map(_fields, fr)), code


def test_no_french_text_is_the_english_one_except_names_and_formats() -> None:
    same = [
        code
        for code, entry in CATALOGUE.items()
        if entry["en"] == entry["fr"]
        and code not in NAMES | FORMAT_ONLY
        and entry["en"] not in SAME_WORDS
    ]
    assert same == []


def test_no_english_word_in_a_french_template() -> None:
    seen_in_english: set[str] = set()
    for code, entry in CATALOGUE.items():
        if code.startswith(("kind.", "field.", "choice.", "level.")) or code in NAMES:
            continue  # labels: checked above
        for template in _templates(entry, "fr"):
            literal = "".join(lit for lit, _, spec, _ in string.Formatter().parse(template)) + " "
            literal += " ".join(
                spec for _, _, spec, _ in string.Formatter().parse(template) if spec
            )
            assert not _words(literal) & ENGLISH, (code, _words(literal) & ENGLISH)
        for template in _templates(entry, "en"):
            seen_in_english |= _words(template)
    assert not ENGLISH - seen_in_english, sorted(ENGLISH - seen_in_english)


def test_every_template_uses_known_formats() -> None:
    for code, entry in CATALOGUE.items():
        for language in LANGUAGES:
            for template in _templates(entry, language):
                for _, _, spec, _ in string.Formatter().parse(template):
                    if not spec:
                        continue
                    if spec.startswith("plural("):
                        assert len(spec[7:-1].split("|")) in (2, 3), (code, spec)
                    else:
                        assert spec in ("list", "lower") or spec.startswith("join("), (code, spec)


# -- plurals, lists, nested messages ---------------------------------------------------


@pytest.mark.parametrize(
    ("n", "en", "fr"),
    [
        (0, "0 people are learning it", "0 personne est en formation"),
        (1, "1 person is learning it", "1 personne est en formation"),
        (2, "2 people are learning it", "2 personnes sont en formation"),
    ],
)
def test_plurals_follow_each_language(n: int, en: str, fr: str) -> None:
    assert text("risk.learning", "en", n=n) == en
    assert text("risk.learning", "fr", n=n) == fr


def test_three_forms_give_a_word_for_none() -> None:
    facts = {"level": 4, "holder": "Ana", "skill": "Brasage", "date": "2026-07-01", "left": 0}
    assert "(aujourd'hui), ce qui laisserait aucun détenteur autonome" in text(
        "risk.expiring", "fr", days=0, **facts
    )
    assert "(dans 1 jour)" in text("risk.expiring", "fr", days=1, **facts)
    assert "(in 0 days), which would leave 0 autonomous holders" in text(
        "risk.expiring", "en", days=0, **facts
    )


def test_lists_nested_messages_and_lower_case() -> None:
    sites = ["Lyon", msg("risk.no_site"), "Nantes"]
    assert (
        text("risk.held_elsewhere", "en", sites=sites) == "it is held at Lyon, no site and Nantes"
    )
    assert text("risk.held_elsewhere", "fr", sites=sites[:2]) == (
        "la compétence est détenue ailleurs (Lyon et sans site)"
    )
    stage = msg("choice.initiation")
    assert (
        text("stage.matches", "fr", stage=stage)
        == "déclarée en initialisation : l'activité correspond"
    )


def test_a_stage_guidance_has_several_lines_in_both_languages() -> None:
    for stage in KINDS["community"].by_name["stage"].choices:
        en, fr = text(f"guidance.{stage}", "en"), text(f"guidance.{stage}", "fr")
        assert isinstance(en, list) and len(en) == len(fr) >= 2


def test_a_missing_fact_or_code_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="needs the fact 'n'"):
        text("risk.learning", "en")
    with pytest.raises(KeyError, match=r"no message 'risk\.nothing'"):
        text("risk.nothing", "en")


# -- labels ------------------------------------------------------------------------


def test_every_code_of_the_model_has_a_label() -> None:
    for kind in KINDS.values():
        assert messages.kind_label(kind.name, "fr") == kind.fr
        for f in kind.fields:
            assert messages.field_label(kind.name, f.name, "en") == f.en
            for choice in f.choices:
                assert f"choice.{choice}" in CATALOGUE, choice
    for level, (_, en, fr) in LEVELS.items():
        assert (messages.level_label(level, "en"), messages.level_label(level, "fr")) == (en, fr)
    assert messages.label("near_miss", "fr") == "Presqu'accident"
    assert messages.label("yellow", "en") == "Yellow — caution"


def test_an_unknown_label_shows_its_code() -> None:
    assert messages.label("from_a_newer_version", "fr") == "from_a_newer_version"
    assert messages.field_label("rex", "nope", "en") == "nope"


# -- worded results ----------------------------------------------------------------


def test_worded_puts_the_french_twin_right_after_each_message() -> None:
    result = {
        "a": 1,
        "reason": msg("risk.no_sheet"),
        "why": [msg("network.bridge.clusters", n=2), msg("network.in_no_community")],
        "rows": [{"why": msg("network.tie", parts=[]), "b": [1, 2]}],
        "empty": [],
    }
    out = worded(result)
    assert list(out) == ["a", "reason", "reason_fr", "why", "why_fr", "rows", "empty"]
    assert out["reason_fr"] == "aucune fiche savoir-faire ne couvre cette compétence"
    assert out["why"] == ["ties 2 working groups", "in no community"]
    assert out["why_fr"] == ["relie 2 groupes de travail", "dans aucune communauté"]
    assert out["rows"] == [{"why": "", "why_fr": "", "b": [1, 2]}]
    assert localized(out, "reason", "fr") == out["reason_fr"]
    assert localized(out, "reason", "en") == out["reason"]
    assert localized({"reason": "x"}, "reason", "fr") == "x"


# -- French renderings of every analysis line ---------------------------------------


def _names(ws: Workspace) -> list[str]:
    """Every name a fact can carry (people, skills, sites, communities, tags, titles)."""
    found: set[str] = set()
    for kind in ("person", "skill", "community", "rex", "howto", "question"):
        for row in ws.items.list(kind):
            found.add(row.get("name") or row.get("title") or "")
            found.add(row.get("site") or "")
            found.update(row.get("tags") or [])
    return sorted((n for n in found if n), key=len, reverse=True)


def _english_left(french: str, names: list[str]) -> set[str]:
    for name in names:
        french = french.replace(name, " ")
    return _words(french) & ENGLISH


def test_every_risk_line_in_french(ws: Workspace) -> None:
    risks_known(ws)
    lines = ws.analytics.risks()
    kinds = {(line["kind"], line["site"] is None) for line in lines}
    assert kinds == {
        ("single_holder", True),
        ("no_holder", True),
        ("unwritten_expert", True),
        ("uncovered_skill", True),
        ("single_holder", False),
        ("expiring", True),
        ("no_holder", False),
    }
    names = _names(ws)
    for line in lines:
        assert line["reason_fr"] != line["reason"]
        assert _english_left(line["reason_fr"], names) == set(), line["reason_fr"]
        assert _english_left(line["reason"], names), line["reason"]  # the check sees English


def test_every_network_finding_in_french(ws: Workspace) -> None:
    network_known(ws)
    result = ws.analytics.network()
    names = _names(ws)
    rows = [
        *result["bridges"],
        *result["isolated_people"],
        *result["isolated_sites"],
        *result["suggestions"],
        *result["candidate_communities"],
        *result["edges"],
    ]
    assert all(result[key] for key in ("bridges", "isolated_people", "isolated_sites"))
    assert {s["topic_kind"] for s in result["suggestions"]} == {"skill", "tag"}
    assert result["candidate_communities"]
    for row in rows:
        whys = row["why_fr"] if isinstance(row["why_fr"], list) else [row["why_fr"]]
        for why in whys:
            assert _english_left(why, names) == set(), why


@pytest.mark.parametrize(
    ("stage", "active", "recent", "last", "created"),
    [
        ("dissolution", 2, 1, "2026-06-01", "2025-01-01"),
        ("coalition", 0, 0, None, "2025-01-01"),
        ("action", 2, 4, "2026-06-01", "2025-01-01"),
        ("dispersion", 3, 5, "2026-06-01", "2025-01-01"),
        ("initiation", 0, 0, None, "2025-12-01"),
        ("initiation", 0, 0, None, "2026-03-01"),
    ],
)
def test_every_diagnosis_in_french(stage, active, recent, last, created) -> None:
    figures = {
        "stage": stage,
        "active_90": active,
        "contributions_30": recent,
        "last_contribution": last,
        "today": "2026-06-30",
    }
    said = worded(diagnose(figures, created))
    assert said["reason_fr"] != said["reason"]
    assert _english_left(said["reason_fr"], []) == set(), said["reason_fr"]
    for action in text(f"guidance.{stage}", "fr"):
        assert _english_left(action, []) == set(), action


def test_the_core_writes_no_sentence_in_french() -> None:
    """Analyses give codes: no French text is left in their strings (docstrings aside)."""
    found = []
    for path in (PACKAGE / "analytics").glob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        docs = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docs
                and re.search(r"[éèêàçù]| : ", node.value)
            ):
                found.append(f"{path.name}:{node.lineno} {node.value[:40]!r}")
    assert found == []
