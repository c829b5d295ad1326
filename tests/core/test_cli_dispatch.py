"""The command line's one dispatcher: every command declared beside its handler, handlers
that return data and never print, JSON or the text form from the same data, one-line
errors and their exit codes."""

from __future__ import annotations

import ast
import contextlib
import io
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import Result

from copdesk import Workspace, commands
from copdesk.cli import build_parser, main, print_json
from copdesk.commands import registry
from copdesk.commands.registry import Reply, arg, command, one_of, opt
from copdesk.errors import BadInput, UntrustedSite
from copdesk.sync.api import Sync

PACKAGE = Path(__file__).resolve().parents[2] / "copdesk"
COMMUNITY = "Maintenance presses & hydraulique"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A demo workspace, a bundle from another site, a CSV register and a shared folder."""
    root = tmp_path_factory.mktemp("dispatch")
    with Workspace.create(root / "ws", site="Usine de Lyon", language="fr") as ws:
        ws.load_demo()
        question = ws.qa.questions()[0]["id"]
        answer = ws.qa.answer(question, "Une réponse à promouvoir")["id"]
        mine = ws.items.add("rex", {"title": "Essai de validation", "community": COMMUNITY})
        (root / "procedure.md").write_text("# Serrage\nM12 : 85 N.m\n", "utf-8")
        (root / "procedure-v2.md").write_text("# Serrage\nM12 : 90 N.m\n", "utf-8")
        doc = ws.documents.add([root / "procedure.md"], {"community": COMMUNITY})
        newer = ws.documents.add([root / "procedure-v2.md"])
        known = {
            "document": doc["id"],
            "sha_old": doc["files"][0]["sha256"][:12],
            "sha_new": newer["files"][0]["sha256"][:12],
            "mine": mine["id"],  # by the demo's animator, in the community she animates
            "rex": ws.items.list("rex")[0]["id"],
            "howto": ws.items.list("howto")[0]["id"],
            "skill": ws.items.list("skill")[0]["name"],
            "question": question,
            "answer": answer,
        }
    with Workspace.create(root / "other", site="Usine de Nantes", language="en") as other:
        other.sync.export(root / "nantes.copdesk")
        nantes_fp = other.sites.identity()["fingerprint"]
    (root / "registre.csv").write_text("Titre;Résumé\nFuite P4;Fuite au raccord\n", "utf-8")
    (root / "shared").mkdir()
    (root / "photo.txt").write_text("une photo", "utf-8")
    return {"root": root, "ws": root / "ws", "nantes_fp": nantes_fp, **known}


@pytest.fixture
def run(site: dict[str, Any], capsys: pytest.CaptureFixture[str], monkeypatch):
    def run(*argv: str, input: str | None = None) -> Result:
        capsys.readouterr()
        if input is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(input.encode())))
        code = main(["--workspace", str(site["ws"]), *argv])
        out, err = capsys.readouterr()
        return Result(code, out, err)

    return run


# What each command with a JSON form is run with: (setup, arguments for --json,
# arguments for the text form); {name} is filled from the `site` fixture.
SAMPLES: dict[str, tuple[list[list[str]], list[str], list[str]]] = {
    "status": ([], ["status"], ["status"]),
    "demo": ([], ["demo"], ["demo"]),
    "list": ([], ["list", "rex"], ["list", "rex"]),
    "show": ([], ["show", "{rex}"], ["show", "{rex}"]),
    "history": ([], ["history", "{rex}"], ["history", "{rex}"]),
    "member": (
        [],
        ["member", COMMUNITY, "Helen Brooks", "--role", "expert"],
        ["member", COMMUNITY, "Helen Brooks", "--role", "expert"],
    ),
    "rate": (
        [],
        ["rate", "Marie Dupont", "{skill}", "3"],
        ["rate", "Marie Dupont", "{skill}", "2"],
    ),
    "profile": ([], ["profile", "Marie Dupont"], ["profile", "Marie Dupont"]),
    "link": ([], ["link", "{rex}", "{howto}"], ["link", "{rex}", "{howto}"]),
    "attach": (
        [],
        ["attach", "{rex}", "{root}/photo.txt"],
        ["attach", "{rex}", "{root}/photo.txt"],
    ),
    "comment": ([], ["comment", "{rex}", "Vu à Lyon"], ["comment", "{rex}", "Vu à Lyon"]),
    "import-csv": (
        [],
        ["import-csv", "rex", "{root}/registre.csv"],
        ["import-csv", "rex", "{root}/registre.csv"],
    ),
    "check": ([], ["check"], ["check"]),
    "add-document": (
        [],
        ["add-document", "{root}/photo.txt", "--title", "Photo"],
        ["add-document", "{root}/photo.txt", "--source", "interne"],
    ),
    "documents": ([], ["documents"], ["documents", "--type", "markdown"]),
    "files": ([], ["files", "{document}"], ["files", "{document}", "--history"]),
    "replace-file": (
        [],
        ["replace-file", "{document}", "{root}/procedure-v2.md", "--version", "B"],
        ["replace-file", "{document}", "{root}/procedure.md", "--version", "C"],
    ),
    "file-diff": (
        [],
        ["file-diff", "{sha_old}", "{sha_new}"],
        ["file-diff", "{sha_old}", "{sha_new}"],
    ),
    "extract": ([], ["extract"], ["extract", "--all"]),
    "search": ([], ["search", "hydraulique"], ["search", "hydraulique"]),
    "who-knows": ([], ["who-knows", "hydraulique"], ["who-knows", "hydraulique"]),
    "risks": ([], ["risks"], ["risks"]),
    "network": ([], ["network"], ["network"]),
    "reindex": ([], ["reindex"], ["reindex"]),
    "glossary": ([["glossary", "add", "TRS", "OEE"]], ["glossary", "list"], ["glossary", "list"]),
    "ask": ([], ["ask", COMMUNITY, "Quel couple ?"], ["ask", COMMUNITY, "Quel couple ?"]),
    "answer": ([], ["answer", "{question}", "120 N.m"], ["answer", "{question}", "120 N.m"]),
    "promote": ([], ["promote", "{answer}"], ["promote", "{answer}"]),
    "mark": ([], ["mark", "{howto}", "helped"], ["mark", "{howto}", "applied"]),
    "stats": ([], ["stats", "--community", COMMUNITY], ["stats", "--community", COMMUNITY]),
    "questions": ([], ["questions"], ["questions"]),
    "contributions": ([], ["contributions", "Marie Dupont"], ["contributions", "Marie Dupont"]),
    "identity": ([], ["identity"], ["identity"]),
    "sites": ([], ["sites"], ["sites"]),
    "trust": (
        [],
        ["trust", "--from-bundle", "{root}/nantes.copdesk", "--fingerprint", "{nantes_fp}"],
        ["trust", "--from-bundle", "{root}/nantes.copdesk", "--fingerprint", "{nantes_fp}"],
    ),
    "untrust": (
        [["trust", "--from-bundle", "{root}/nantes.copdesk", "--fingerprint", "{nantes_fp}"]],
        ["untrust", "Usine de Nantes"],
        ["untrust", "Usine de Nantes"],
    ),
    "export": (
        [],
        ["export", "--to", "{root}/out.copdesk"],
        ["export", "--to", "{root}/out.copdesk"],
    ),
    "import": (
        [["trust", "--from-bundle", "{root}/nantes.copdesk", "--fingerprint", "{nantes_fp}"]],
        ["import", "{root}/nantes.copdesk"],
        ["import", "{root}/nantes.copdesk"],
    ),
    "conflicts": ([], ["conflicts"], ["conflicts"]),
    "propose": ([], ["propose", "{mine}"], ["propose", "{mine}"]),
    "validate": ([], ["validate", "{mine}"], ["validate", "{mine}"]),
    "send-back": ([], ["send-back", "{mine}", "--comment", "x"], ["send-back", "{mine}"]),
    "obsolete": ([], ["obsolete", "{mine}"], ["obsolete", "{mine}"]),
    "admin": ([], ["admin"], ["admin", "list"]),
    "backup": ([], ["backup", "{root}/backup"], ["backup", "{root}/backup"]),
    "restore-backup": (  # into another folder: the shared workspace is not restored
        [["backup", "{root}/backup"]],
        ["--workspace", "{root}/restored-1", "restore-backup", "{root}/backup"],
        ["--workspace", "{root}/restored-2", "restore-backup", "{root}/backup"],
    ),
    "repair": (  # on a copy: a repaired workspace is a restored one for its peers
        [["backup", "{root}/repairable-1"], ["backup", "{root}/repairable-2"]],
        ["--workspace", "{root}/repairable-1", "repair"],
        ["--workspace", "{root}/repairable-2", "repair"],
    ),
    "login": ([], ["login"], ["login"]),
    "similar": ([], ["similar", "{rex}"], ["similar", "{rex}", "--limit", "3"]),
    "site": ([], ["site"], ["site", "status"]),
    "sync-folder": ([], ["sync-folder", "{root}/shared"], ["sync-folder", "{root}/shared"]),
}
# Commands whose JSON form is chosen otherwise: JSON in, JSON out unless --id.
JSON_INPUT = {
    "add": (["add", "rex", "--json", "-"], ["add", "rex", "--json", "-", "--id"]),
    "edit": (["edit", "{rex}", "--json", "-"], ["edit", "{rex}", "--json", "-", "--id"]),
}


def _filled(argv: list[str], site: dict[str, Any]) -> list[str]:
    return [a.format(**site) for a in argv]


def _json_commands() -> list[str]:
    return [c.name for c in commands.commands() if c.json]


def test_every_command_with_json_has_a_sample() -> None:
    assert sorted(SAMPLES) == sorted(_json_commands())


def _printed(data: Any) -> str:
    """What the JSON printer writes for ``data`` (to compare with the output)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_json(data)
    return out.getvalue()


def _not_notes(err: str) -> str:
    """stderr without the notes for the person at the terminal (`ask`: questions already
    answered), which are never part of what scripts read."""
    if err.startswith("copdesk: already answered, maybe:\n"):
        return "".join(line + "\n" for line in err.splitlines()[1:] if not line.startswith("  "))
    return err


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_json_and_text_forms(name: str, site: dict[str, Any], run) -> None:
    setup, json_argv, text_argv = SAMPLES[name]
    for argv in setup:
        assert run(*_filled(argv, site)).code == 0
    done = run(*_filled(json_argv, site), "--json")
    assert (done.code, _not_notes(done.err)) == (0, ""), done
    data = json.loads(done.out)
    assert done.out == _printed(data)  # a list one item per line, an object indented
    if isinstance(data, list) and data:
        assert done.out.count("\n") == len(data) + 2
    text = run(*_filled(text_argv, site))
    assert (text.code, _not_notes(text.err)) == (0, ""), text
    assert text.out.endswith("\n") and text.out.strip()
    with pytest.raises(ValueError):
        json.loads(text.out)


@pytest.mark.parametrize("name", sorted(JSON_INPUT))
def test_json_in_json_out_unless_only_the_id(name: str, site: dict[str, Any], run) -> None:
    json_argv, id_argv = JSON_INPUT[name]
    done = run(*_filled(json_argv, site), input='{"title": "Fuite au raccord"}')
    assert done.code == 0 and json.loads(done.out)["title"] == "Fuite au raccord"
    only = run(*_filled(id_argv, site), input='{"title": "Fuite au raccord"}')
    assert only.code == 0 and len(only.out.splitlines()) == 1
    shown = run("show", only.out.split()[0], "--json")
    assert json.loads(shown.out)["title"] == "Fuite au raccord"


def test_glossary_add_and_remove_say_what_they_did_even_with_json(site, run) -> None:
    assert run("glossary", "add", "--json", "SMED", "changement rapide").code == 2  # usage
    assert run("glossary", "add", "SMED", "changement rapide", "--json").out == (
        "SMED = changement rapide\n"
    )
    assert run("glossary", "remove", "SMED", "--json").out == "removed SMED, changement rapide\n"


HANDLED = {
    **{name: argv for name, (_, argv, _) in SAMPLES.items()},
    **{name: argv for name, (argv, _) in JSON_INPUT.items()},
    "mark": ["mark", "{rex}", "helped"],  # the samples marked the sheet already
    "use": ["use"],
    "pin": ["pin", "--clear"],
    "restore": ["restore", "{throwaway}", "REV"],
    "delete": ["delete", "{throwaway}"],
    "accept": ["accept", "{question}", "{answer}"],
    "resolve": ["resolve", "{rex}", "--keep", "REV"],
}


@pytest.mark.parametrize("name", sorted(HANDLED))
def test_handlers_return_data_and_never_print(name: str, site: dict[str, Any], capsys) -> None:
    """The dispatcher is the one place that prints: a handler called directly is silent,
    and its text form makes lines of what it returned."""
    with Workspace.open(site["ws"]) as ws:
        throwaway = ws.items.add("rex", {"title": "Éphémère"})
        ws.items.edit(throwaway["id"], {"priority": "red"})
    argv = _filled(HANDLED[name], {**site, "throwaway": throwaway["id"]})
    args = build_parser().parse_args(["--workspace", str(site["ws"]), *argv])
    cmd = args.command_spec
    if name in JSON_INPUT:
        args.json_input = str(site["root"] / "fields.json")
        (site["root"] / "fields.json").write_text('{"title": "Fuite"}', "utf-8")
    for setup in SAMPLES.get(name, ([], [], []))[0]:
        assert main(["--workspace", str(site["ws"]), *_filled(setup, site)]) == 0
    capsys.readouterr()
    # who may do what is tested in test_permissions.py; here, only who prints
    with Workspace.open(site["ws"], actor=None) as ws, ws.permissions.bypass():
        if name == "restore":
            args.rev_id = ws.items.history(throwaway["id"])[0]["rev_id"]
        if name == "accept":
            ws.core.act_as(ws.items.get(site["question"])["author"])  # the asker, here only
        if name == "resolve":  # not in conflict: the refusal is an error, not a print
            with pytest.raises(BadInput, match="not in conflict"):
                cmd.run(ws, args)
            assert capsys.readouterr().out == ""
            return
        result = cmd.run(ws, args) if cmd.workspace else None
        if isinstance(result, Reply) and isinstance(result.data, Iterator):
            result.data = list(result.data)  # `list` streams: read while it is open
    if not cmd.workspace:  # check: the folder, not an open workspace (it may be damaged)
        result = cmd.run(args)
    assert capsys.readouterr().out == ""
    reply = result if isinstance(result, Reply) else Reply(result)
    assert cmd.text is not None
    text = cmd.text(reply.data, **reply.facts)
    text = text if isinstance(text, str) else "".join(text)  # `list`: lines as they come
    assert text.endswith("\n")


# -- declarations ---------------------------------------------------------------------


def test_commands_are_listed_once_in_the_help_order() -> None:
    names = [c.name for c in commands.commands()]
    assert names == list(commands.ORDER) and len(set(names)) == len(names)
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert list(sub.choices) == names


def test_a_declared_command_missing_from_the_order_is_refused(monkeypatch) -> None:
    monkeypatch.setitem(registry.COMMANDS, "extra", registry.COMMANDS["status"])
    with pytest.raises(RuntimeError, match="extra"):
        commands.commands()


def test_a_command_cannot_be_declared_twice() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        command("status", help="again")(lambda ws, a: None)


def test_arguments_say_whether_they_are_positionals_or_options() -> None:
    with pytest.raises(ValueError):
        arg("--site")
    with pytest.raises(ValueError):
        opt("site")
    group = one_of(opt("--a"), opt("--b"), required=True)
    assert group.required and [a.flags for a in group.args] == [("--a",), ("--b",)]


def test_every_command_names_a_text_form_in_textout() -> None:
    for c in commands.commands():
        if c.name == "gui":  # the window: nothing to print
            assert c.text is None
            continue
        assert c.text is not None and c.text.__module__.startswith("copdesk.textout."), c.name


def test_commands_and_text_forms_never_print() -> None:
    """Only copdesk.cli writes to stdout; progress goes to stderr (copdesk.commands.progress
    and copdesk.textout.terminal)."""
    offenders = []
    for folder in ("commands", "textout"):
        for path in (PACKAGE / folder).glob("*.py"):
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.Call):
                    f = node.func
                    if isinstance(f, ast.Name) and f.id == "print":
                        offenders.append(f"{path.name}:{node.lineno} print")
                if isinstance(node, ast.Attribute) and node.attr == "stdout":
                    parent_ok = path.name == "search.py"  # asks isatty() for colours only
                    if not parent_ok:
                        offenders.append(f"{path.name}:{node.lineno} stdout")
    assert offenders == []


def test_the_json_printer() -> None:
    assert _printed([]) == "[\n]\n"
    assert _printed([{"a": 1}, {"b": "é"}]) == '[\n{"a": 1},\n{"b": "é"}\n]\n'
    assert _printed({"a": [1]}) == '{\n  "a": [\n    1\n  ]\n}\n'
    assert _printed(iter([])) == "[\n]\n"  # `list`: rows streamed, printed the same
    assert _printed(iter([{"a": 1}, {"b": "é"}])) == '[\n{"a": 1},\n{"b": "é"}\n]\n'


def test_list_is_printed_as_it_is_read(site, run, monkeypatch) -> None:
    """`list` never holds every row: rows are written as they are read (the text form
    after the rows its column widths are taken from, a block of lines at a time)."""
    from copdesk.store import items as store
    from copdesk.textout import items as form

    monkeypatch.setattr(form, "WIDTH_SAMPLE", 5)
    monkeypatch.setattr(form, "BLOCK", 2)
    written: list[int] = []
    real = store.iter_rows

    def rows(*args, **kwargs):
        for n, row in enumerate(real(*args, **kwargs)):
            written.append(len(sys.stdout.getvalue()) if n else -1)
            yield row

    monkeypatch.setattr(store, "iter_rows", rows)
    for how in ([], ["--json"]):
        written.clear()
        monkeypatch.setattr(sys, "stdout", io.StringIO())
        assert main(["--workspace", str(site["ws"]), "list", "rex", *how]) == 0
        assert len(written) > 10 and written[-1] > written[8] > 0, how  # rows out as read


# -- errors and exit codes ------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "code", "says"),
    [
        (["nosuch"], 2, "invalid choice: 'nosuch'"),
        (["list"], 2, "the following arguments are required: KIND"),
        (["list", "rex", "--nope"], 2, "unrecognized arguments: --nope"),
        (["list", "thing"], 2, "unknown kind 'thing'"),
        (["show", "ffffffff"], 2, "no item named or with id 'ffffffff'"),
        (["search", "le la les"], 2, "nothing to search for in 'le la les'"),
        (["risks", "--limit", "0"], 2, "expected a positive whole number"),
        (["member", COMMUNITY, "Helen Brooks"], 2, "member needs --role ROLE (or --remove)"),
        (["trust"], 2, "give SITE_ID --key KEY"),
        (["resolve", "{rex}"], 2, "give --keep REV_ID or --json FILE"),
        (["import-csv", "rex", "{root}/none.csv"], 2, "none.csv"),
    ],
)
def test_errors_are_one_line_with_their_exit_code(argv, code, says, site, run) -> None:
    done = run(*_filled(argv, site))
    assert done.code == code and done.out == ""
    assert done.err.startswith("copdesk: ") and done.err.count("\n") == 1, done.err
    assert says in done.err


def test_a_failed_check_exits_1_in_both_forms(site, run, monkeypatch) -> None:
    monkeypatch.setattr(
        "copdesk.store.check.check_workspace", lambda path, quick: ["blob abc missing"]
    )
    assert run("check") == Result(1, "blob abc missing\n", "")
    done = run("check", "--json")
    assert done.code == 1 and json.loads(done.out) == {
        "ok": False,
        "problems": ["blob abc missing"],
    }


def test_a_deleted_item_exits_1(site, run) -> None:
    made = run("add", "rex", "--json", "-", "--id", input='{"title": "Éphémère"}').out.strip()
    assert run("delete", made).code == 0
    done = run("show", made)
    assert done.code == 1 and "was deleted" in done.err and done.err.count("\n") == 1


def test_an_error_with_details_prints_them_with_json(site, run, monkeypatch) -> None:
    """An untrusted signer: the usual line on stderr, and for programs the signer on stdout."""
    signer = {"site": "s1", "name": "Usine de Nantes", "key": "k", "fingerprint": "f"}

    def refuse(self, *args, **kwargs):
        raise UntrustedSite("bundle from a site this workspace does not trust", signer)

    monkeypatch.setattr(Sync, "import_bundle", refuse)
    done = run("import", "x.copdesk", "--json")
    assert done.code == 1
    assert json.loads(done.out) == {
        "error": "bundle from a site this workspace does not trust",
        "untrusted": signer,
    }
    assert done.err == "copdesk: bundle from a site this workspace does not trust\n"
    plain = run("import", "x.copdesk")
    assert (plain.code, plain.out) == (1, "")
    assert BadInput("x").details is None


def test_a_bug_is_still_one_line_and_exit_1(site, run, monkeypatch) -> None:
    def broken(ws, a):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setitem(
        registry.COMMANDS, "status", registry.Command("status", "h", broken, text=str)
    )
    done = run("status")
    assert done.code == 1 and done.out == ""
    assert done.err == (
        "copdesk: internal error: ZeroDivisionError: division by zero"
        " (set COPDESK_DEBUG=1 to see the traceback)\n"
    )


def test_interrupted_exits_130(site, run, monkeypatch) -> None:
    def stop(ws, a):
        raise KeyboardInterrupt

    monkeypatch.setitem(registry.COMMANDS, "status", registry.Command("status", "h", stop))
    assert run("status") == Result(130, "", "copdesk: interrupted\n")


def test_a_reply_carries_the_exit_code_and_the_text_facts() -> None:
    reply = Reply([1], exit_code=1, kind="rex")
    assert (reply.data, reply.exit_code, reply.facts) == ([1], 1, {"kind": "rex"})
