"""Bad input: one clear line on stderr, exit 2 (1 for a failed operation), nothing written."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from helpers import Result

Cli = Callable[..., "Result"]
Fail = Callable[..., str]
MISSING = "0b6e5bd2-9a55-4c56-8f5e-2d3c1a7e9f00"


def add(cli: Cli, kind: str, data: dict[str, Any]) -> str:
    r = cli("add", kind, "--json", "-", "--id", input=json.dumps(data))
    assert r.code == 0, r.err
    return r.out.strip()


@pytest.fixture
def seed(cli: Cli) -> dict[str, str]:
    """A workspace with a person, a community, a skill and a report."""
    assert cli("init", "--site", "Usine de Lyon").code == 0
    person = add(cli, "person", {"name": "Élodie Durand"})  # the site's administrator
    assert cli("use", person).code == 0
    return {
        "person": person,
        "community": add(cli, "community", {"name": "Presses", "form": "trade"}),
        "skill": add(cli, "skill", {"name": "Soudure", "domain": "Mécanique"}),
        "rex": add(cli, "rex", {"title": "Fuite", "priority": "red"}),
    }


@pytest.fixture
def fail(
    cli: Cli, capsys: pytest.CaptureFixture[str], seed: dict[str, str], unchanged: Callable
) -> Fail:
    """fail(*args, input=..., code=2) runs a command that must fail cleanly; returns stderr."""

    def run(*args: str, input: str | bytes | None = None, code: int = 2) -> str:
        snap = unchanged()
        try:
            r = cli(*args, input=input)
            got, out, err = r.code, r.out, r.err
        except SystemExit as exc:  # argparse usage errors exit from parse_args
            captured = capsys.readouterr()
            got, out, err = exc.code, captured.out, captured.err
        assert got == code, f"exit {got}: {err}"
        assert out == ""
        assert err.startswith("copdesk: ") and err.endswith("\n") and err.count("\n") == 1, err
        assert "Traceback" not in err and "internal error" not in err, err
        snap()
        return err

    return run


def write(path: Path, content: str | bytes) -> str:
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return str(path)


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("rex", {"summary": "no title"}, "title"),
        ("rex", {"title": "   "}, "title"),
        ("community", {"name": "C"}, "form"),
        ("skill", {"name": "S"}, "domain"),
        ("person", {"email": "a@b.fr"}, "name"),
    ],
)
def test_missing_required_field(fail: Fail, kind: str, data: dict, field: str) -> None:
    err = fail("add", kind, "--json", "-", input=json.dumps(data))
    assert f"missing required field '{field}'" in err


def test_missing_required_field_markdown(fail: Fail, tmp_path: Path) -> None:
    err = fail("add", "rex", "--file", write(tmp_path / "r.md", "## Résumé\nsans titre\n"))
    assert "missing required field 'title'" in err


@pytest.mark.parametrize("args", [("add", "foo", "--json", "-"), ("list", "rating")])
def test_unknown_kind(fail: Fail, args: tuple[str, ...]) -> None:
    err = fail(*args, input="{}")
    assert f"unknown kind {args[1]!r}" in err and "rex" in err


@pytest.mark.parametrize(
    ("form", "content"),
    [
        ("json", '{"title": "T", "colour": "red"}'),
        ("md", "title: T\ncolour: red\n"),
        ("md", "title: T\n\n## Colour\nred\n"),
    ],
)
def test_unknown_field(fail: Fail, tmp_path: Path, form: str, content: str) -> None:
    flag = "--json" if form == "json" else "--file"
    err = fail("add", "rex", flag, write(tmp_path / f"r.{form}", content))
    assert "colour" in err.lower() and "unknown" in err


def test_unknown_field_in_edit(fail: Fail, seed: dict[str, str]) -> None:
    err = fail("edit", seed["rex"], "--json", "-", input='{"colour": "red"}')
    assert "unknown field 'colour'" in err


@pytest.mark.parametrize(
    ("kind", "data", "field"),
    [
        ("rex", {"title": "T", "priority": "purple"}, "priority"),
        ("rex", {"title": "T", "status": "done"}, "status"),
        ("rex", {"title": "T", "outcome": 3}, "outcome"),
        ("community", {"name": "C", "form": "foo"}, "form"),
        ("community", {"name": "C", "form": "trade", "stage": "growth"}, "stage"),
    ],
)
def test_invalid_enum(fail: Fail, kind: str, data: dict, field: str) -> None:
    err = fail("add", kind, "--json", "-", input=json.dumps(data))
    assert f"{field} must be one of" in err and str(data[field]) in err


def test_invalid_enum_in_edit_and_list(fail: Fail, seed: dict[str, str]) -> None:
    assert "priority must be one of" in fail(
        "edit", seed["rex"], "--json", "-", input='{"priority": "purple"}'
    )
    assert "status must be one of" in fail("list", "rex", "--status", "done")


@pytest.mark.parametrize("level", ["5", "-1", "x", "2.5", "1e2"])
def test_invalid_level_for_rate(fail: Fail, level: str) -> None:
    err = fail("rate", "Élodie Durand", "Soudure", level)
    assert "level must be a whole number from 0 to 4" in err


@pytest.mark.parametrize("level", [5, -1, "x", 2.5, True])
def test_invalid_required_level_for_howto(fail: Fail, level: object) -> None:
    err = fail(
        "add", "howto", "--json", "-", input=json.dumps({"title": "H", "required_level": level})
    )
    assert "required_level must be a whole number from 0 to 4" in err


@pytest.mark.parametrize("date", ["2024-13-45", "yesterday", "2024-02-30", "15/03/2024"])
def test_invalid_date_in_add(fail: Fail, tmp_path: Path, date: str) -> None:
    err = fail("add", "rex", "--json", "-", input=json.dumps({"title": "T", "occurred_on": date}))
    assert "occurred_on must be a date as YYYY-MM-DD" in err and date in err
    md = write(tmp_path / "r.md", f"title: T\nRevue prévue le: {date}\n")
    assert "review_due must be a date" in fail("add", "rex", "--file", md)


@pytest.mark.parametrize("date", ["2024-13-45", "yesterday"])
@pytest.mark.parametrize("option", ["--valid-until", "--assessed-on"])
def test_invalid_date_in_rate(fail: Fail, option: str, date: str) -> None:
    err = fail("rate", "Élodie Durand", "Soudure", "3", option, date)
    assert option[2:].replace("-", "_") in err and date in err


def test_invalid_date_in_member(fail: Fail) -> None:
    err = fail("member", "Presses", "Élodie Durand", "--role", "expert", "--since", "yesterday")
    assert "since must be a date" in err


@pytest.mark.parametrize("content", [b"\xff\xfe{\x00}\x00", '{"title": "café"}'.encode("latin-1")])
@pytest.mark.parametrize("how", ["--json", "--file", "stdin"])
def test_not_utf8(fail: Fail, tmp_path: Path, content: bytes, how: str) -> None:
    if how == "stdin":
        err = fail("add", "rex", "--json", "-", input=content)
    else:
        err = fail("add", "rex", how, write(tmp_path / "bad", content))
    assert "not UTF-8" in err


@pytest.mark.parametrize("text", ['{"title": "T"', "{'title': 'T'}", "", '{"title": NaN}', "[1,]"])
def test_malformed_json(fail: Fail, text: str) -> None:
    assert "malformed JSON" in fail("add", "rex", "--json", "-", input=text)


@pytest.mark.parametrize("text", ['[{"title": "T"}]', '"T"', "42", "null"])
def test_json_not_an_object(fail: Fail, seed: dict[str, str], text: str) -> None:
    assert "must be an object" in fail("add", "rex", "--json", "-", input=text)
    assert "must be an object" in fail("edit", seed["rex"], "--json", "-", input=text)


@pytest.mark.parametrize(
    "nested", ["[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000]
)
def test_deeply_nested_json(fail: Fail, nested: str) -> None:
    assert "malformed JSON" in fail("add", "rex", "--json", "-", input=nested)


@pytest.mark.parametrize("skip_bad", [False, True])
def test_csv_with_unterminated_quote_imports_nothing(
    fail: Fail, cli: Cli, tmp_path: Path, skip_bad: bool
) -> None:
    csv = write(tmp_path / "r.csv", 'title,summary\nBon,ok\nAutre,"pas fini\nEncore,x\n')
    err = fail("import-csv", "rex", csv, *(["--skip-bad"] if skip_bad else []))
    assert "malformed CSV" in err
    titles = [r["title"] for r in cli("list", "rex", "--json").json()]
    assert titles == ["Fuite"]


def test_body_over_2_mib(fail: Fail, seed: dict[str, str], tmp_path: Path) -> None:
    big = json.dumps({"title": "T", "summary": "x" * (3 * 1024 * 1024)})
    assert "larger than 2 MiB" in fail("add", "rex", "--json", write(tmp_path / "big.json", big))
    assert "larger than 2 MiB" in fail("add", "rex", "--json", "-", input=big)
    assert "larger than 2 MiB" in fail("edit", seed["rex"], "--json", "-", input=big)
    md = write(tmp_path / "big.md", "title: T\n\n## Résumé\n" + "é" * 1_050_000)
    assert "larger than 2 MiB" in fail("add", "rex", "--file", md)


def test_content_over_2_mib_once_stored(fail: Fail, tmp_path: Path) -> None:
    """Under 2 MiB on disk, but the item as JSON is larger: quotes double when escaped."""
    quotes = '"' * 900_000
    md = write(tmp_path / "q.md", f"title: T\n\n## Résumé\n{quotes}\n\n## Causes\n{quotes}\n")
    assert "larger than 2 MiB" in fail("add", "rex", "--file", md)


@pytest.mark.parametrize("ref", [MISSING, "0b6e5bd2", "nobody at all"])
@pytest.mark.parametrize(
    "command",
    [
        ("show", "{}"),
        ("edit", "{}", "--json", "-"),
        ("delete", "{}"),
        ("history", "{}"),
        ("restore", "{}", "0123456789ab"),
        ("comment", "{}", "hello"),
        ("link", "{}", "REX"),
        ("link", "REX", "{}"),
        ("attach", "{}", "FILE"),
    ],
    ids=lambda c: "-".join(c[:1] + c[2:3]),
)
def test_unknown_id(
    fail: Fail, seed: dict[str, str], tmp_path: Path, command: tuple[str, ...], ref: str
) -> None:
    f = write(tmp_path / "f.txt", "x")
    args = [a.replace("{}", ref).replace("REX", seed["rex"]).replace("FILE", f) for a in command]
    err = fail(*args, input='{"title": "x"}')
    assert ref in err and "no item" in err


def test_unknown_revision_and_file(fail: Fail, seed: dict[str, str], tmp_path: Path) -> None:
    assert "no revision" in fail("restore", seed["rex"], "0123456789ab")
    assert "no revision" in fail("restore", seed["rex"], "abc")  # too short to name one
    assert "no file" in fail("attach", seed["rex"], str(tmp_path / "missing.jpg"))
    assert "cannot read" in fail("add", "rex", "--json", str(tmp_path / "missing.json"))
    assert "no person" in fail("--as", "Personne Inconnue", "comment", seed["rex"], "x")


@pytest.fixture
def twins(cli: Cli, seed: dict[str, str]) -> list[str]:
    return [add(cli, "person", {"name": "Jean Martin", "site": s}) for s in ("Lyon", "Metz")]


@pytest.mark.parametrize(
    "args",
    [
        ("rate", "Jean Martin", "Soudure", "3"),
        ("use", "jean martin"),
        ("profile", "Jean Martin"),
        ("member", "Presses", "JEAN MARTIN", "--role", "expert"),
        ("--as", "Jean Martin", "comment", "Presses", "x"),
    ],
)
def test_name_matching_two_people_lists_both(
    fail: Fail, twins: list[str], args: tuple[str, ...]
) -> None:
    err = fail(*args)
    assert "matches several" in err and "Jean Martin" in err
    assert all(pid[:8] in err for pid in twins), err


def test_ambiguous_name_in_a_reference_field(fail: Fail, twins: list[str]) -> None:
    err = fail("add", "howto", "--json", "-", input='{"title": "H", "holders": ["Jean Martin"]}')
    assert all(pid[:8] in err for pid in twins), err


@pytest.mark.parametrize(
    "args",
    [
        ("frobnicate",),
        ("show",),
        ("rate", "Élodie Durand", "Soudure"),
        ("add", "rex"),
        ("add", "rex", "--json"),
        ("link", "a", "b", "--type", "cites"),
        ("member", "Presses", "Élodie Durand", "--role", "boss"),
        ("rate", "Élodie Durand", "Soudure", "3", "--interest", "maybe"),
        ("list", "rex", "--bogus"),
    ],
)
def test_usage_errors(fail: Fail, args: tuple[str, ...]) -> None:
    assert "see `copdesk" in fail(*args)


def test_member_needs_a_role(fail: Fail) -> None:
    assert "--role" in fail("member", "Presses", "Élodie Durand")


def test_deleted_item_exit_1(fail: Fail, cli: Cli, seed: dict[str, str]) -> None:
    assert cli("delete", seed["rex"]).code == 0
    assert "deleted on" in fail("show", seed["rex"], code=1)
    assert "deleted on" in fail("edit", seed["rex"], "--json", "-", input='{"title": "x"}', code=1)
    assert "deleted on" in fail("comment", seed["rex"], "x", code=1)
    tombstone = cli("history", seed["rex"], "--json").json()[-1]["rev_id"]
    assert "is a deletion" in fail("restore", seed["rex"], tombstone)


def test_workspace_errors(fail: Fail, cli: Cli, tmp_path: Path) -> None:
    assert "no workspace in" in fail("--workspace", str(tmp_path / "none"), "status")
    assert "already exists" in fail("init", "--site", "Autre")
    assert "needs a name" in fail("--workspace", str(tmp_path / "new"), "init", "--site", " ")
    assert not (tmp_path / "new").exists() and not (tmp_path / "none").exists()


def test_check_failing_exit_1(cli: Cli, ws_path: Path, seed: dict[str, str]) -> None:
    with closing(sqlite3.connect(ws_path / "copdesk.db", isolation_level=None)) as conn:
        conn.execute("UPDATE revisions SET body = replace(body, 'Fuite', 'Fuite!')")
    r = cli("check")
    assert r.code == 1 and "content does not match its id" in r.out and r.err == ""


def test_relations_are_not_edited_directly(cli: Cli, fail: Fail, seed: dict[str, str]) -> None:
    """A rating or membership changes through rate/member, which keep its meaning."""
    rating = json.loads(cli("rate", seed["person"], seed["skill"], "2", "--json").out)
    err = fail("edit", rating["id"], "--json", "-", input='{"level": 4}')
    assert "own command" in err
