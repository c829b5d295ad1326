"""Every command with empty, blank, stop-word-only and 10,000-character arguments: it
either works or says what is wrong in one line (exit 1 or 2), never an internal error,
never a hang, never a file written where the current folder happens to be."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import Result

from copdesk import Workspace, commands
from copdesk.cli import main

COMMUNITY = "Maintenance presses & hydraulique"
HOSTILE = {
    "empty": "",
    "blank": "   ",
    "stop words": "le la les the of",
    "10,000 characters": ("fuite hydraulique " * 560)[:10_000],
}

# A command line that works for each command; every positional and every option that
# takes a value is then replaced, one at a time, by each hostile value.
BASE: dict[str, list[str]] = {
    "init": ["init", "--site", "Usine", "--language", "fr"],
    "status": ["status"],
    "use": ["use", "Marie Dupont"],
    "demo": ["demo"],
    "add": ["add", "rex", "--json", "{root}/fields.json"],
    "edit": ["edit", "{rex}", "--json", "{root}/fields.json"],
    "list": ["list", "rex", "--community", COMMUNITY, "--status", "validated", "--tag", "x"],
    "show": ["show", "{rex}"],
    "history": ["history", "{rex}"],
    "restore": ["restore", "{rex}", "{rev}"],
    "delete": ["delete", "{rex}"],
    "propose": ["propose", "{rex}", "--comment", "pourquoi"],
    "validate": ["validate", "{rex}", "--comment", "pourquoi"],
    "send-back": ["send-back", "{rex}", "--comment", "pourquoi"],
    "obsolete": ["obsolete", "{rex}", "--comment", "pourquoi"],
    "member": ["member", COMMUNITY, "Helen Brooks", "--role", "expert", "--since", "2025-01-01"],
    "rate": [
        "rate",
        "Marie Dupont",
        "{skill}",
        "3",
        "--evidence",
        "vu",
        "--valid-until",
        "2030-01-01",
    ],
    "profile": ["profile", "Marie Dupont"],
    "pin": ["pin", "Marie Dupont", "--from-file", "{root}/pin.txt"],
    "admin": ["admin", "list"],
    "login": ["login", "Marie Dupont"],
    "link": ["link", "{rex}", "{howto}"],
    "attach": ["attach", "{rex}", "{root}/photo.txt", "--name", "photo.txt"],
    "comment": ["comment", "{rex}", "Vu à Lyon"],
    "import-csv": ["import-csv", "rex", "{root}/registre.csv", "--date-format", "%Y-%m-%d"],
    "check": ["check"],
    "repair": ["repair"],
    "backup": ["backup", "{root}/backup"],
    "restore-backup": ["restore-backup", "{root}/no-backup"],
    "add-document": [
        "add-document",
        "{root}/procedure.md",
        "--title",
        "Serrage",
        "--community",
        COMMUNITY,
        "--description",
        "Couples",
        "--source",
        "interne",
        "--version",
        "B",
        "--revised",
        "2025-01-01",
        "--review-due",
        "2027-01-01",
        "--tag",
        "brides",
    ],
    "documents": ["documents", "--community", COMMUNITY, "--tag", "x", "--type", "markdown"],
    "files": ["files", "{document}"],
    "replace-file": [
        "replace-file",
        "{document}",
        "{root}/procedure-v2.md",
        "--file-id",
        "{file}",
        "--name",
        "procedure.md",
        "--version",
        "C",
        "--revised",
        "2025-06-01",
    ],
    "file-diff": ["file-diff", "{sha_old}", "{sha_new}"],
    "extract": ["extract"],
    "similar": ["similar", "{rex}", "--limit", "3", "--kind", "rex"],
    "search": f"search|fuite|--kind|rex|--community|{COMMUNITY}|--site|Lyon|--tag|x".split("|"),
    "who-knows": ["who-knows", "hydraulique"],
    "risks": ["risks", "--site", "Lyon"],
    "network": ["network", "--community", COMMUNITY],
    "reindex": ["reindex"],
    "glossary": ["glossary", "add", "TRS", "OEE"],
    "ask": ["ask", COMMUNITY, "Quel couple ?", "--body", "Pour la P12", "--tag", "brides"],
    "answer": ["answer", "{question}", "120 N.m"],
    "accept": ["accept", "{question}", "{answer}"],
    "promote": ["promote", "{answer}", "--title", "Couple"],
    "mark": ["mark", "{rex}", "helped", "--note", "sur la P7"],
    "stats": ["stats", "--community", COMMUNITY],
    "questions": ["questions", "--community", COMMUNITY],
    "contributions": ["contributions", "Marie Dupont"],
    "identity": ["identity"],
    "sites": ["sites"],
    "trust": ["trust", "--from-bundle", "{root}/nantes.copdesk", "--fingerprint", "ab-cd"],
    "untrust": ["untrust", "Usine de Nantes"],
    "site": ["site", "status"],
    "export": ["export", "--to", "{root}/out.copdesk", "--peer", "Usine de Nantes"],
    "import": ["import", "{root}/nantes.copdesk", "--dry-run"],
    "conflicts": ["conflicts"],
    "resolve": ["resolve", "{rex}", "--keep", "{rev}"],
    "sync-folder": ["sync-folder", "{root}/shared"],
}
SKIPPED = {"gui"}  # the window: its arguments are checked by tests/gui


def _valued() -> dict[str, set[str]]:
    """Per command: the flags of its options that take a value."""
    out: dict[str, set[str]] = {}
    for cmd in commands.commands():
        flags: set[str] = set()
        for spec in cmd.args:
            for a in getattr(spec, "args", (spec,)):
                store = a.options.get("action") in (None, "append")
                if a.flags[0].startswith("-") and store and "choices" not in a.options:
                    flags.add(a.flags[0])
        out[cmd.name] = flags
    return out


def _slots(name: str) -> list[int]:
    """Positions in BASE[name] that a user types freely (not choices such as a kind)."""
    argv = BASE[name]
    valued = _valued()[name]
    slots = []
    for i, word in enumerate(argv[1:], 1):
        free = not word.startswith("-") and argv[i - 1] not in ("--role", "--language")
        if argv[i - 1] in valued or free:
            slots.append(i)
    return slots


def test_every_command_has_a_base_line() -> None:
    assert sorted(BASE) == sorted(c.name for c in commands.commands() if c.name not in SKIPPED)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    root = tmp_path_factory.mktemp("hostile")
    with Workspace.create(root / "ws", site="Usine de Lyon", language="fr") as ws:
        ws.load_demo()
        question = ws.qa.questions()[0]["id"]
        rex = ws.items.list("rex")[0]["id"]
        known = {
            "rex": rex,
            "rev": ws.items.history(rex)[0]["rev_id"],
            "howto": ws.items.list("howto")[0]["id"],
            "skill": ws.items.list("skill")[0]["name"],
            "question": question,
            "answer": ws.qa.answer(question, "Une réponse")["id"],
        }
        (root / "procedure.md").write_text("# Serrage\nM12 : 85 N.m\n", "utf-8")
        (root / "procedure-v2.md").write_text("# Serrage\nM12 : 90 N.m\n", "utf-8")
        with ws.permissions.bypass():
            doc = ws.documents.add([root / "procedure.md"])
            newer = ws.documents.add([root / "procedure-v2.md"])
        known.update(
            document=doc["id"],
            file=doc["files"][0]["id"],
            sha_old=doc["files"][0]["sha256"][:12],
            sha_new=newer["files"][0]["sha256"][:12],
        )
    with Workspace.create(root / "other", site="Usine de Nantes", language="en") as other:
        other.sync.export(root / "nantes.copdesk")
    (root / "registre.csv").write_text("Titre;Résumé\nFuite P4;Fuite au raccord\n", "utf-8")
    (root / "fields.json").write_text('{"title": "Fuite"}', "utf-8")
    (root / "photo.txt").write_text("une photo", "utf-8")
    (root / "shared").mkdir()
    shutil.copytree(root / "ws", root / "pristine")  # put back in place before each run
    return {"root": root, **known}


def _run(argv: list[str], workspace: Path, capsys: pytest.CaptureFixture[str]) -> Result:
    capsys.readouterr()
    try:
        code = main(["--workspace", str(workspace), *argv])
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return Result(code, out, err)


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(BASE))
def test_hostile_arguments(
    name: str,
    demo: dict[str, Any],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)  # '' names the current folder: nothing may land there
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    base = [a.format(**demo) for a in BASE[name]]
    for slot in _slots(name):
        for label, value in HOSTILE.items():
            # in its own folder (elsewhere it would be a copy of the site, refusing writes)
            workspace = tmp_path / "new" if name == "init" else demo["root"] / "ws"
            shutil.rmtree(workspace, ignore_errors=True)
            if name != "init":
                shutil.copytree(demo["root"] / "pristine", workspace)
            argv = [*base[:slot], value, *base[slot + 1 :]]
            r = _run(argv, workspace, capsys)
            said = f"{name} with {base[slot]!r} {label}: exit {r.code}, {r.err!r}"
            assert r.code in (0, 1, 2), said
            assert "internal error" not in r.err and "Traceback" not in r.err, said
            if r.code:
                assert r.err.startswith("copdesk: ") and r.err.count("\n") == 1, said
            if not value.strip():  # a name, even odd, may be a folder here; no name not
                assert list(cwd.iterdir()) == [], said
            shutil.rmtree(cwd)
            cwd.mkdir()


@pytest.mark.parametrize("query", ["", "   ", "le la", "the of"])
def test_who_knows_with_nothing_to_search_for_says_so(ws: Workspace, query: str) -> None:
    from copdesk.errors import BadInput

    ws.items.add("skill", {"name": "Brasage", "domain": "Assemblage"})
    with pytest.raises(BadInput, match="nothing to search for"):
        ws.search.who_knows(query)
    assert ws.search.who_knows("kind:skill")["query"] == "kind:skill"  # filters alone work
