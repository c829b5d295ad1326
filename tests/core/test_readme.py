"""Docs as tests: the README documents every command, and its examples work."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from copdesk import Workspace
from copdesk.cli import build_parser, main
from copdesk.model.kinds import KINDS
from copdesk.model.markdown_form import parse

README = (Path(__file__).parents[2] / "README.md").read_text("utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return sorted(sub.choices)


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_documented(command: str) -> None:
    assert re.search(rf"copdesk (\[.*?\] |--as \S+ \S+ )?{re.escape(command)}\b", README), command


def _section_table() -> list[tuple[str, str, str, str]]:
    rows = re.findall(
        r"^\| (community|skill|rex|howto) \| (\w+) \| ([^|]+) \| ([^|]+) \|$", README, re.M
    )
    return [(k, f, en.strip(), fr.strip()) for k, f, en, fr in rows]


def test_heading_table_matches_the_parser() -> None:
    rows = _section_table()
    assert len(rows) == 15
    for kind, field, en, fr in rows:
        for heading in (en, fr):
            header = "title" if kind in ("rex", "howto") else "name"
            text = f"{header}: x\n\n## {heading}\ncontenu\n"
            assert parse(KINDS[kind], text)[field] == "contenu", (kind, heading)


def test_markdown_example_adds_the_report(ws: Workspace, tmp_path: Path) -> None:
    example = re.search(r"```markdown\n(.*?)```", README, re.S).group(1)
    ws.items.add("community", {"name": "Maintenance des presses", "form": "trade"})
    path = tmp_path / "fuite.md"
    path.write_text(example, "utf-8")
    assert main(["--workspace", str(ws.path), "add", "rex", "--file", str(path)]) == 0
    item = ws.items.get(ws.items.list("rex")[0]["id"])
    assert item["title"] == "Fuite sur le groupe hydraulique de la presse P12"
    assert item["community_name"] == "Maintenance des presses"
    assert (item["outcome"], item["priority"], item["occurred_on"]) == (
        "near_miss",
        "yellow",
        "2025-03-14",
    )
    assert item["tags"] == ["hydraulique", "fuite"]
    assert item["summary"].startswith("Fuite au raccord")
    assert "45 N·m" in item["lessons"]
