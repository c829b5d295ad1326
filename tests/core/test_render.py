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
