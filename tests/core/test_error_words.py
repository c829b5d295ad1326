"""Errors in the reader's language (issue 15: a French window showed English refusals).

An error keeps its English sentence for the command line and carries a code of the
message catalogue with its facts; the words of that code in English are the very
sentence the command line prints, and in French read as French. Facts survive the
JSON a child process prints (the window runs imports as `copdesk import --json`)."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from helpers import pair

from copdesk import Workspace, messages
from copdesk.cli import main
from copdesk.errors import BadInput, CopdeskError, NotAllowed, PinRequired, UntrustedSite

ENGLISH = {"only", "may", "is", "not", "member", "the", "bundle", "refused", "cannot", "read",
           "file", "trust", "who", "writing", "needed", "of", "and", "or", "a"}  # fmt: skip


def words(text: str) -> set[str]:
    text = re.sub(r"\(détail : [^)]*\)", "", text)  # a library's own words, marked as such
    text = re.sub(r"\(copdesk [^)]*\)", "", text)  # a command to run
    return {w.strip(".,:;()«»!?'").lower() for w in text.split()}


def check(exc: CopdeskError, *french: str) -> str:
    """The English words are the CLI's sentence; the French ones have no English left."""
    assert exc.code, exc
    assert messages.error_text(exc, "en") == str(exc)
    fr = messages.error_text(exc, "fr")
    assert fr != str(exc)
    for part in french:
        assert part in fr, fr
    assert not (words(fr) - {"copdesk", "use", "as", "--as"}) & ENGLISH - {"a"}, fr
    return fr


@pytest.fixture
def people(ws: Workspace) -> dict[str, str]:
    marie = ws.items.add("person", {"name": "Marie Dupont"})["id"]  # the administrator
    with ws.acting_as(marie):
        jean = ws.items.add("person", {"name": "Jean Martin"})["id"]
        presses = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]
        ws.people.member(presses, jean, "member")
        rex = ws.items.add("rex", {"title": "Fuite", "community": presses, "status": "proposed"})
    return {"marie": marie, "jean": jean, "presses": presses, "rex": rex["id"]}


def test_refusals_of_who_may_do_what(ws: Workspace, people) -> None:
    with ws.acting_as(people["jean"]), pytest.raises(NotAllowed) as refused:
        ws.items.edit(people["rex"], {"status": "validated"})
    check(refused.value, "seul un animateur ou un expert de Presses peut la valider",
          "Jean Martin est membre de Presses")  # fmt: skip
    with ws.acting_as(people["jean"]), pytest.raises(NotAllowed) as refused:
        ws.items.add("person", {"name": "Paul"})  # a "what" phrase, found in the catalogue
    check(refused.value, "ajouter une personne", "Jean Martin ne l'est pas")
    with ws.acting_as(people["jean"]), pytest.raises(NotAllowed) as refused:
        ws.sites.rename("Usine de Gerland")
    check(refused.value, "seul un administrateur du site peut renommer le site")
    with pytest.raises(NotAllowed) as refused:  # nobody writing
        ws.items.edit(people["rex"], {"status": "validated"})
    check(refused.value, "indiquez qui écrit")


def test_pins(ws: Workspace, people) -> None:
    with ws.acting_as(people["marie"]):
        ws.permissions.set_pin(people["marie"], "4321")
    with ws.acting_as(people["marie"]), pytest.raises(PinRequired) as asked:
        ws.items.edit(people["rex"], {"status": "validated"})
    check(asked.value, "le code PIN de Marie Dupont est nécessaire pour la valider")
    with pytest.raises(NotAllowed) as wrong:
        ws.permissions.prove(people["marie"], "0000")
    check(wrong.value, "code PIN erroné pour Marie Dupont")


def test_refused_bundles_and_files(ws: Workspace, tmp_path: Path) -> None:
    not_zip = tmp_path / "notes.copdesk"
    not_zip.write_text("ceci n'est pas un paquet")
    with pytest.raises(BadInput) as refused:
        ws.sync.import_bundle(not_zip)
    check(refused.value, "paquet d'échange refusé", "fichier zip illisible")

    other = Workspace.create(tmp_path / "nantes", site="Usine de Nantes")
    bundle = tmp_path / "nantes.copdesk"
    other.items.add("rex", {"title": "Joint"})
    other.sync.export(bundle)
    with pytest.raises(UntrustedSite) as untrusted:
        ws.sync.import_bundle(bundle)
    check(untrusted.value, "paquet d'un site auquel ce poste ne fait pas confiance")
    pair(ws, other)
    other.close()

    cut = tmp_path / "cut.copdesk"  # a copy stopped halfway (a USB key pulled out)
    cut.write_bytes(bundle.read_bytes()[: bundle.stat().st_size // 2])
    with pytest.raises(BadInput) as refused:
        ws.sync.import_bundle(cut)
    check(refused.value, "paquet d'échange refusé : fichier zip illisible")

    odd = tmp_path / "odd.copdesk"  # a rare reason has no words of its own: said in English
    with zipfile.ZipFile(bundle) as src, zipfile.ZipFile(odd, "w") as dst:
        for info in src.infolist():
            dst.writestr(
                info, src.read(info) + (b" " if info.filename == "revisions.jsonl" else b"")
            )
    with pytest.raises(BadInput) as refused:
        ws.sync.import_bundle(odd)
    assert messages.error_text(refused.value, "fr").startswith("paquet d'échange refusé : ")
    assert messages.error_text(refused.value, "en") == str(refused.value)

    with pytest.raises(BadInput) as missing:
        ws.sync.import_bundle(tmp_path / "absent.copdesk")
    check(missing.value, "n'existe pas ou plus")
    with pytest.raises(BadInput) as folder:
        ws.sync.import_bundle(tmp_path)
    check(folder.value, "n'est pas un fichier")


def test_the_json_of_a_failed_command_carries_the_words(ws_path: Path, ws, tmp_path, capsys):
    """What the window's child process prints: the code and facts, revived as French."""
    ws.close()
    not_zip = tmp_path / "notes.copdesk"
    not_zip.write_text("x")
    code = main(["--workspace", str(ws_path), "import", str(not_zip), "--json"])
    out = capsys.readouterr()
    assert code == 2
    data = json.loads(out.out)
    assert data["error"] == out.err.strip()[len("copdesk: ") :]
    assert data["code"] == "bundle.refused"
    again = BadInput(data["error"], code=data["code"], facts=data["facts"])
    assert messages.error_text(again, "en") == data["error"]
    assert messages.error_text(again, "fr").startswith("paquet d'échange refusé : fichier zip")
    assert messages.error_text(BadInput("plain"), "fr") == "plain"  # no code: as it is
