"""The guides in docs/ (English and French) name every command of the command line and
every shortcut of the window, link their twin and the screenshots they show, and the
README links to them: a command or a shortcut added without a word for its users fails
here."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence

from copdesk.commands import ORDER
from copdesk.gui.actions import Act, specs

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
AUDIENCES = ("technician", "animator", "exchange", "install")


def guides(language: str) -> dict[Path, str]:
    suffix = ".md" if language == "en" else f".{language}.md"
    paths = [DOCS / f"guide-{name}{suffix}" for name in AUDIENCES]
    return {p: p.read_text("utf-8") for p in paths}


def shortcuts() -> list[str]:
    """Every key of the window, as the F1 dialog and the menus show it."""
    keys = []
    for spec in specs():
        sequence = QKeySequence(spec.keys) if spec.keys is not None else QKeySequence()
        if spec.name == Act.SHORTCUTS and sequence.isEmpty():
            sequence = QKeySequence("F1")  # as Actions does on platforms with no help key
        if not sequence.isEmpty():
            keys.append(sequence.toString(QKeySequence.SequenceFormat.NativeText))
    return keys


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_command_is_in_the_guides(language: str) -> None:
    text = "\n".join(guides(language).values())
    options = r"(?: --(?:workspace|as|pin-file) \S+| --read-only| --progress-json)*"
    missing = [c for c in ORDER if not re.search(rf"copdesk{options} {re.escape(c)}\b", text)]
    assert not missing, f"not in the {language} guides: {missing}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_window_shortcut_is_in_the_guides(qapp, language: str) -> None:
    text = "\n".join(guides(language).values())
    keys = shortcuts()
    assert {"Ctrl+N", "Ctrl+K", "Ctrl+P", "Alt+7", "F1"} <= set(keys)
    missing = [k for k in keys if not re.search(rf"(?<![\w+]){re.escape(k)}(?![\w+])", text)]
    assert not missing, f"not in the {language} guides: {missing}"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_guides_link_their_twin_and_show_screenshots_that_exist(language: str) -> None:
    for path, text in guides(language).items():
        links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
        assert links, path.name
        for link in links:
            if not link.startswith("http"):
                assert (path.parent / link).is_file(), f"{path.name}: {link}"
        twin = (
            path.name.replace(".fr.md", ".md")
            if language == "fr"
            else (path.name.replace(".md", ".fr.md"))
        )
        assert twin in links, f"{path.name} does not link {twin}"
        shots = [link for link in links if link.startswith("screenshots/")]
        if path.stem.split(".")[0] != "guide-install":
            assert shots, f"{path.name} shows no screenshot"
        assert all(s.endswith(".fr.png") == (language == "fr") for s in shots), path.name


def test_the_readme_links_every_guide() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    for language in ("en", "fr"):
        for path in guides(language):
            assert f"(docs/{path.name})" in readme, path.name
