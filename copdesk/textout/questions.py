"""Questions, accepted answers and the "helped / applied" marks."""

from __future__ import annotations

from typing import Any

from copdesk.textout.terminal import cut, lines


def accepted(item: dict[str, Any]) -> str:
    return f"accepted answer {item['accepted'][:8]} for {item['title']!r}\n"


def marked(done: dict[str, Any]) -> str:
    return f"marked {done['type']} at {done['site']} on {done['on']}\n"


def questions(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no questions\n"
    return lines(
        f"{r['id'][:8]}  {cut(r['title'], 60):<60}  "
        + ("answered" if r["accepted"] else f"{r['answers']} answer(s)")
        for r in rows
    )
