"""Documents (issue 16): files stored as documents, their text read in a child process
and searched with the page, cell or heading it came from; versions; bundles."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from helpers import (
    make_docx,
    make_docx_bomb,
    make_ods,
    make_odt,
    make_pdf,
    make_xlsx,
    pair,
    state_digest,
)

from copdesk import Workspace
from copdesk.documents import runner
from copdesk.errors import BadInput, NotAllowed
from copdesk.messages import note, place

TORQUE = "Tableau des couples de serrage : vis M12 classe 8.8, 85 N·m, en croix, trois passes."


@pytest.fixture
def me(ws: Workspace) -> str:
    """The site's first person (its administrator), writing."""
    person = ws.items.add("person", {"name": "Marie Dupont"})["id"]
    ws.use(person)
    return person


def test_a_pdf_document_is_found_at_its_page(ws: Workspace, me: str, tmp_path: Path) -> None:
    pages = [f"Chapitre {n} : généralités sur la presse." for n in range(1, 7)]
    pages.insert(6, TORQUE)  # page 7
    pdf = make_pdf(tmp_path / "Manuel_presse-P12.pdf", pages)
    doc = ws.documents.add([pdf], {"source": "Schuler 4711", "version": "C"})
    assert doc["kind"] == "document" and doc["title"] == "Manuel presse P12"
    [f] = doc["files"]
    assert (f["format"], f["status"], f["pages"]) == ("pdf", "ok", 7)

    result = ws.search.query("couple de serrage M12")
    [hit] = result["hits"]
    assert hit["id"] == doc["id"]
    assert hit["file"]["place"] == {"page": 7}
    assert hit["file"]["name"] == "Manuel_presse-P12.pdf"
    assert "<mark>M12</mark>" in hit["snippet"]
    assert place(hit["file"]["place"], "fr") == "page 7"
    assert result["facets"]["filetype"] == {"pdf": 1}
    assert ws.search.query("M12 file:pdf")["total"] == 1
    assert ws.search.query("M12 fichier:xlsx")["total"] == 0
    assert ws.check() == []


def test_word_excel_and_opendocument_say_where(ws: Workspace, me: str, tmp_path: Path) -> None:
    word = make_docx(
        tmp_path / "gamme.docx",
        {"Préparation": "Consigner la presse.", "Resserrage des brides": "Clé dynamométrique."},
        table=[["Vis", "Couple"], ["M16", "210 N·m"]],
    )
    sheet = make_xlsx(
        tmp_path / "couples.xlsx",
        {"Notes": [["rien"]], "Couples": [["Vis", "Couple"], ["M10", 50], ["M12", "85 N·m"]]},
    )
    odt = make_odt(tmp_path / "consigne.odt", {"Sécurité": "Porter des lunettes étanches."})
    ods = make_ods(tmp_path / "amdec.ods", {"AMDEC": [["Mode", "Effet"], ["", "Grippage vérin"]]})
    for path in (word, sheet, odt, ods):
        ws.documents.add([path])

    def where(query: str) -> dict:
        [hit] = ws.search.query(query)["hits"]
        return hit["file"]["place"]

    assert where("brides dynamométrique") == {"heading": "Resserrage des brides"}
    assert where("M16") == {"heading": "Resserrage des brides"}  # tables are read too
    assert where("M12") == {"sheet": "Couples", "cell": "A3"}
    assert place(where("M12"), "fr") == "feuille « Couples », cellule A3"
    assert where("lunettes étanches") == {"heading": "Sécurité"}
    assert where("grippage") == {"sheet": "AMDEC", "cell": "B2"}
    facets = ws.search.query("kind:document")["facets"]["filetype"]
    assert facets == {"docx": 1, "ods": 1, "odt": 1, "xlsx": 1}


def test_attachments_of_reports_are_read_and_found(ws: Workspace, me: str, tmp_path: Path) -> None:
    rex = ws.items.add("rex", {"title": "Fuite sur la P12", "summary": "Raccord desserré."})
    ws.items.attach(rex["id"], make_pdf(tmp_path / "releve.pdf", ["Mesure", TORQUE]))
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 20)
    ws.items.attach(rex["id"], tmp_path / "photo.jpg")
    [hit] = ws.search.query("serrage M12")["hits"]
    assert hit["id"] == rex["id"] and hit["file"]["place"] == {"page": 2}
    # the report's own words come first in its snippet; the photo holds no text
    assert "file" not in ws.search.query("raccord desserré")["hits"][0]
    photo = next(f for f in ws.documents.files(rex["id"]) if f["name"] == "photo.jpg")
    assert (photo["status"], photo["note"]) == ("none", "extract.not_text")


def test_a_replaced_file_keeps_its_history_and_text_diff(
    ws: Workspace, me: str, tmp_path: Path
) -> None:
    old = tmp_path / "v1" / "gamme.md"
    old.parent.mkdir()
    old.write_text("# Serrage\nVis M12 : 85 N.m\nContrôle visuel\n", "utf-8")
    new = tmp_path / "gamme.md"
    new.write_text("# Serrage\nVis M12 : 90 N.m\nContrôle visuel\n", "utf-8")
    doc = ws.documents.add([old], {"version": "A"})
    before = doc["files"][0]["sha256"]
    doc = ws.documents.replace(doc["id"], new, changes={"version": "B"})
    after = doc["files"][0]["sha256"]
    assert doc["version"] == "B" and after != before and len(doc["files"]) == 1
    versions = ws.documents.versions(doc["id"])
    assert [v["sha256"] for v in versions] == [before, after]
    assert ws.core.blobs.exists(before)  # the old file is kept
    diff = ws.documents.diff(before[:12], after[:12])
    assert "-Vis M12 : 85 N.m" in diff and "+Vis M12 : 90 N.m" in diff
    assert ws.search.query('"90 N.m"')["total"] == 1
    assert ws.search.query('"85 N.m"')["total"] == 0
    assert ws.check() == []


def test_documents_follow_the_knowledge_rules(ws: Workspace, me: str, tmp_path: Path) -> None:
    community = ws.items.add("community", {"name": "Presses", "form": "trade"})
    (tmp_path / "note.txt").write_text("Purge du circuit", "utf-8")
    doc = ws.documents.add([tmp_path / "note.txt"], {"community": community["id"]})
    other = ws.items.add("person", {"name": "Jean Martin"})["id"]
    ws.people.member(community["id"], other, "member")
    with ws.acting_as(other), pytest.raises(NotAllowed):
        ws.items.set_status(doc["id"], "validated")
    with ws.acting_as(other), pytest.raises(NotAllowed):
        ws.documents.replace(doc["id"], tmp_path / "note.txt", name="autre.txt")
    validated = ws.items.set_status(doc["id"], "validated")
    assert validated["signoff"]["by"] == me


# -- bad input: stored or refused in one line, nothing half-written, check passes --------


def _stored(ws: Workspace, path: Path, name: str | None = None) -> dict:
    doc = ws.documents.add([path], names=[name] if name else None)
    assert ws.check() == []
    return doc["files"][0]


def test_an_encrypted_pdf_is_stored_and_said(ws: Workspace, me: str, tmp_path: Path) -> None:
    f = _stored(ws, make_pdf(tmp_path / "secret.pdf", [TORQUE], password="1234"))
    assert (f["status"], f["note"]) == ("empty", "extract.encrypted")
    assert "without its password" in note(f["note"], f["facts"])
    assert ws.search.query("M12")["total"] == 0


def test_a_pdf_with_a_broken_xref_is_read_anyway(ws: Workspace, me: str, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "cassé.pdf", ["Début", TORQUE])
    raw = pdf.read_bytes()
    at = raw.rindex(b"startxref")
    pdf.write_bytes(raw[:at] + b"startxref\n999999\n%%EOF\n")  # points nowhere
    raw = pdf.read_bytes()
    start = raw.index(b"\nxref") + 1
    pdf.write_bytes(raw[:start] + b"xref\n0 3\ngarbage garbage\n" + raw[start + 40 :])
    f = _stored(ws, pdf)
    assert f["status"] in ("ok", "partial", "failed")
    if f["status"] != "failed":  # pypdf rebuilds the table from the objects
        assert ws.search.query("serrage M12")["hits"][0]["file"]["place"] == {"page": 2}


def test_a_scanned_pdf_says_it_has_no_text(ws: Workspace, me: str, tmp_path: Path) -> None:
    f = _stored(ws, make_pdf(tmp_path / "scan.pdf", [""] * 12))
    assert (f["status"], f["pages"], f["note"]) == ("empty", 12, "extract.scanned")
    assert note(f["note"], f["facts"]) == "scanned PDF: no text layer, 12 pages"
    assert note(f["note"], f["facts"], "fr") == "PDF numérisé : pas de couche texte, 12 pages"


@pytest.mark.slow
def test_a_500_page_pdf_is_read_whole(ws: Workspace, me: str, tmp_path: Path) -> None:
    pages = [f"Page {n} : contrôle courant de la ligne." for n in range(1, 501)]
    pages[436] = TORQUE
    f = _stored(ws, make_pdf(tmp_path / "gros.pdf", pages))
    assert (f["status"], f["pages"]) == ("ok", 500)
    [hit] = ws.search.query("serrage M12")["hits"]
    assert hit["file"]["place"] == {"page": 437}


def test_a_decompression_bomb_is_not_opened(ws: Workspace, me: str, tmp_path: Path) -> None:
    f = _stored(ws, make_docx_bomb(tmp_path / "bombe.docx", expands_mb=60))
    assert (f["status"], f["note"]) == ("failed", "extract.bomb")
    assert f["facts"]["ratio"] >= 500
    assert "when unpacked: not read" in note(f["note"], f["facts"])


@pytest.mark.slow
def test_a_million_cells_are_read_up_to_the_limit(ws: Workspace, me: str, tmp_path: Path) -> None:
    from helpers import make_big_xlsx

    from copdesk.documents.reading import MAX_CELLS

    f = _stored(ws, make_big_xlsx(tmp_path / "million.xlsx", rows=100_000, cols=10))
    assert (f["status"], f["note"]) == ("partial", "extract.cells_capped")
    assert f["facts"] == {"cells": MAX_CELLS}
    assert ws.search.query("kind:document")["total"] == 1


def test_a_lying_extension_is_read_as_what_the_file_is(
    ws: Workspace, me: str, tmp_path: Path
) -> None:
    liar = tmp_path / "gamme.docx"
    liar.write_bytes(make_pdf(tmp_path / "x.pdf", [TORQUE]).read_bytes())
    f = _stored(ws, liar)
    assert (f["format"], f["status"], f["note"]) == ("pdf", "ok", "extract.mismatch")
    assert note(f["note"], f["facts"]) == "named .docx but is a PDF file: read as PDF"
    text = tmp_path / "rapport.pdf"
    text.write_text("Serrage des vis M12 au couple.", "utf-8")
    assert _stored(ws, text)["format"] == "text"
    assert ws.search.query("serrage M12")["total"] == 2


def test_empty_and_oversized_files_are_refused_unchanged(
    ws: Workspace, me: str, tmp_path: Path, cli
) -> None:
    empty = tmp_path / "vide.pdf"
    empty.touch()
    huge = tmp_path / "enorme.pdf"
    with open(huge, "wb") as f:  # sparse: no disk used
        f.truncate(100 * 1024 * 1024 + 1)
    good = tmp_path / "bon.txt"
    good.write_text("texte", "utf-8")
    ws.close()
    before = state_digest(ws.path)
    r = cli("add-document", str(good), str(empty))
    assert (r.code, r.err) == (2, "copdesk: vide.pdf is empty (0 bytes): nothing to store\n")
    r = cli("add-document", str(huge))
    assert r.code == 2 and r.err.count("\n") == 1 and "over 100 MiB are refused" in r.err
    assert state_digest(ws.path) == before
    assert cli("check").code == 0


def test_file_names_keep_their_last_part_without_controls(
    ws: Workspace, me: str, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_text("texte", "utf-8")
    assert _stored(ws, tmp_path / "a.txt", "../../etc/passwd")["name"] == "passwd"
    assert _stored(ws, tmp_path / "a.txt", "..\\..\\boot.ini")["name"] == "boot.ini"
    odd = tmp_path / "rap\x1b[31mport\u202egpj.exe"
    odd.write_text("texte", "utf-8")
    assert _stored(ws, odd)["name"] == "rap_[31mport_gpj.exe"
    with pytest.raises(BadInput, match="not a usable file name"):
        ws.documents.add([tmp_path / "a.txt"], names=[".."])


def test_a_reader_that_hangs_or_dies_stops_only_its_child(
    ws: Workspace, me: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("texte", "utf-8")
    monkeypatch.setattr(runner, "TIMEOUT", 1.0)
    monkeypatch.setattr(
        runner, "command", lambda memory, cpu: [sys.executable, "-c", "import time; time.sleep(60)"]
    )
    f = _stored(ws, tmp_path / "a.txt")
    assert (f["status"], f["note"]) == ("failed", "extract.timeout")
    monkeypatch.setattr(
        runner, "command", lambda memory, cpu: [sys.executable, "-c", "raise MemoryError"]
    )
    (tmp_path / "b.txt").write_text("autre texte", "utf-8")
    assert _stored(ws, tmp_path / "b.txt")["note"] == "extract.memory"
    monkeypatch.setattr(
        runner, "command", lambda memory, cpu: [sys.executable, "-c", "import os; os.abort()"]
    )
    (tmp_path / "c.txt").write_text("encore", "utf-8")
    assert _stored(ws, tmp_path / "c.txt")["note"] == "extract.crashed"
    monkeypatch.undo()
    assert ws.documents.read(every=True)["text"] == 3  # read again: all fine now


def _child_reading(monkeypatch: pytest.MonkeyPatch, reader: str) -> None:
    """The real child (its limits, its loop) with a reader that misbehaves."""
    boot = runner._BOOT.replace(
        "from copdesk.documents.child import main\n",
        "from copdesk.documents import extract\n"
        f"extract.read = lambda path, name: {reader}\n"
        "from copdesk.documents.child import main\n",
    )
    monkeypatch.setattr(runner, "_BOOT", boot)


def test_the_child_limits_stop_a_spinning_or_ballooning_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text("texte", "utf-8")
    _child_reading(monkeypatch, "[0 for _ in iter(int, 1)]")  # spins until SIGXCPU
    with runner.Extractor(cpu=1, timeout=30) as reader:
        result = reader.read(tmp_path / "a.txt", "a.txt")
    assert (result["status"], result["note"], result["facts"]) == (
        "failed",
        "extract.timeout",
        {"seconds": 1},
    )
    _child_reading(monkeypatch, "bytearray(8 * 1024 ** 3)")  # over the address-space limit
    with runner.Extractor(memory=512) as reader:
        result = reader.read(tmp_path / "a.txt", "a.txt")
        assert (result["status"], result["note"]) == ("failed", "extract.memory")
        monkeypatch.undo()
        # the same child goes on with the next file
        assert reader.read(tmp_path / "a.txt", "a.txt")["note"] == "extract.memory"


# -- bundles -------------------------------------------------------------------------


def test_documents_travel_in_bundles_and_are_read_again_there(tmp_path: Path) -> None:
    import zipfile

    with (
        Workspace.create(tmp_path / "lyon", site="Usine de Lyon") as lyon,
        Workspace.create(tmp_path / "nantes", site="Usine de Nantes") as nantes,
    ):
        pair(lyon, nantes)
        lyon.use(lyon.items.add("person", {"name": "Marie Dupont"})["id"])
        pdf = make_pdf(tmp_path / "manuel.pdf", ["Intro", TORQUE])
        doc = lyon.documents.add([pdf], {"visibility": "shared"})
        bundle = tmp_path / "lyon.copdesk"
        lyon.sync.export(bundle)
        with zipfile.ZipFile(bundle) as zf:
            names = zf.namelist()
            assert not any("extract" in n for n in names)
            assert all(n.startswith("blobs/") or "/" not in n for n in names)
        nantes.sync.import_bundle(bundle)
        [hit] = nantes.search.query("serrage M12")["hits"]
        assert hit["id"] == doc["id"] and hit["file"]["place"] == {"page": 2}
        assert nantes.documents.files(doc["id"])[0]["status"] == "ok"
        assert nantes.check() == []
