"""Markdown rendering is sanitized: nothing rendered can run code or load a resource."""

from __future__ import annotations

import pytest

from copdesk import Workspace
from copdesk.render import item_html, markdown

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">clic</a>',
    "[clic](javascript:alert(1))",
    "[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<iframe src="https://evil.example"></iframe>',
    "![remote](https://evil.example/pixel.png)",
    "![local](file:///etc/passwd)",
    "![relative](../../secret.png)",
    '<div style="background:url(https://evil.example/x)">x</div>',
    '<object data="x.swf"></object><embed src="x.swf">',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<form action="https://evil.example"><input name="q"></form>',
    '<link rel="stylesheet" href="https://evil.example/s.css">',
    '<meta http-equiv="refresh" content="0;url=https://evil.example">',
]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_markdown_is_inert(source: str) -> None:
    html = markdown(source).lower()
    for bad in (
        "<script",
        "onerror",
        "onload",
        "javascript:",
        "data:",
        "<iframe",
        "file:",
        "evil.example",
        "style=",
        "<object",
        "<embed",
        "<svg",
        "<form",
        "<input",
        "<link",
        "<meta",
        "secret.png",
    ):
        assert bad not in html, (bad, html)


def test_markdown_features_survive() -> None:
    html = markdown(
        "# T\n\n**gras** et *italique*\n\n1. un\n2. deux\n\n- a\n- b\n\n"
        "| col | val |\n|---|---|\n| P | 180 bar |\n\n```\ncode <b>\n```\n\n"
        "ligne 1\nligne 2\n\n[doc](https://example.org/doc) ![photo](attachment:abc123)\n"
    )
    for good in (
        "<h1>",
        "<strong>gras</strong>",
        "<em>italique</em>",
        "<ol>",
        "<ul>",
        "<table>",
        "<td>180 bar</td>",
        "<pre><code>code &lt;b&gt;",
        "ligne 1<br>",
        'href="https://example.org/doc"',
        'src="attachment:abc123"',
    ):
        assert good in html, (good, html)
    assert 'rel="noopener noreferrer"' in html


def test_item_page_escapes_plain_fields(ws: Workspace) -> None:
    item = ws.items.add(
        "howto",
        {
            "title": "<script>alert('titre')</script> Purge",
            "activity": '<img src=x onerror="alert(1)">',
            "steps": "1. Consigner\n2. Purger",
            "safety": "Porter les **gants**",
        },
    )
    page = item_html(ws.items.get(item["id"]), "fr")
    assert "<script>" not in page and 'onerror="alert' not in page
    assert "&lt;script&gt;" in page
    assert '<section class="safety"><h2>Sécurité</h2>' in page
    assert "<li>Consigner</li>" in page
    assert "Fiche savoir-faire" in page


# -- lists as people type them (issue 15: a safety box posted with "1." and "2." in it) --


@pytest.mark.parametrize(
    ("source", "tag", "items"),
    [
        ("Steps:\n1. one\n2. two", "ol", ["one", "two"]),
        ("Outils :\n- clé dynamométrique\n- gants", "ul", ["clé dynamométrique", "gants"]),
        ("Avant :\n* couper\n* consigner", "ul", ["couper", "consigner"]),
        ("Ordre :\n1) tester\n2) mesurer", "ol", ["tester", "mesurer"]),
    ],
)
def test_a_list_right_after_a_line_of_text_is_a_list(source: str, tag: str, items) -> None:
    page = markdown(source)
    assert f"<{tag}>" in page, page
    for item in items:
        assert f"<li>{item}</li>" in page, page
    assert "1." not in page and "1)" not in page  # no literal numbers left in a paragraph


def test_text_that_only_looks_like_a_list_is_left_alone() -> None:
    assert "<ol>" not in markdown("En 2024. Nous avons\n2024. changé le joint")  # a year
    fenced = markdown("```\nSteps:\n1. one\n```")
    assert "<ol>" not in fenced and "1. one" in fenced
    nested = markdown("1. Consigner\n   puis vérifier\n2. Purger")  # a step's second line
    assert nested.count("<li>") == 2 and "puis vérifier" in nested


def test_every_rendered_page_has_the_lists(ws: Workspace, cli) -> None:
    """render.py is shared by `show --html`, the window and printing."""
    item = ws.items.add("howto", {"title": "Purge", "safety": "Avant :\n- gants\n- lunettes"})
    ws.close()
    page = cli("show", item["id"], "--html").out
    assert "<li>gants</li>" in page and "<li>lunettes</li>" in page


# -- the reader's language -------------------------------------------------------------


def test_an_item_page_speaks_the_readers_language_not_the_items(ws: Workspace) -> None:
    item = ws.items.add(
        "rex",
        {"title": "Fuite au raccord", "outcome": "near_miss", "priority": "yellow",
         "occurred_on": "2026-05-12", "lessons": "Resserrer au couple."},
    )  # fmt: skip
    shown = ws.items.get(item["id"])
    english = item_html(shown, "en")
    for word in ("Near miss", "Yellow — caution", "Lessons learned", "Experience report"):
        assert word in english, word
    assert "Presqu'accident" not in english and "Enseignements" not in english
    assert "Resserrer au couple." in english  # the item's own text as written
    french = item_html(shown, "fr")
    for word in ("Presqu&#x27;accident", "Jaune — vigilance", "Enseignements"):
        assert word in french, word


def test_dates_are_shown_as_the_reader_reads_them(ws: Workspace) -> None:
    item = ws.items.add("rex", {"title": "Arrêt", "occurred_on": "2026-05-12"})
    seen = []

    def dates(value: str, with_time: bool) -> str:
        seen.append((value, with_time))
        return f"<{value[:4]}>"

    page = item_html(ws.items.get(item["id"]), "en", dates=dates)
    assert ("2026-05-12", False) in seen
    assert any(with_time and value.endswith("Z") for value, with_time in seen)
    assert "2026-05-12" not in page and "T" not in page.split("Updated")[1][:40]


def test_a_validated_item_says_which_version_was_validated_and_by_whom(ws: Workspace) -> None:
    marie = ws.items.add("person", {"name": "Marie Dupont"})["id"]
    ws.use(marie)
    presses = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]  # animator
    item = ws.items.add("rex", {"title": "Arrêt ligne 4", "community": presses})
    ws.items.edit(item["id"], {"status": "validated"})
    page = item_html(ws.items.get(item["id"]), "en")
    assert "version 2 validated by Marie Dupont on" in page
    ws.items.edit(item["id"], {"lessons": "Contrôler le capteur."})
    page = item_html(ws.items.get(item["id"]), "fr")
    assert "validée par Marie Dupont le" in page and "modifiée depuis" in page
