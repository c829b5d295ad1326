"""import-csv: real registers, encodings, delimiters, dates, mapping, all-or-nothing."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest

from copdesk import BadInput, Workspace

DATA = Path(__file__).parents[1] / "data"

NASA_MAP = {
    "Abstract": "summary",
    "Lesson": "lessons",
    "Organization": "site",
    "LessonDate": "occurred_on",
    "Categories": "tags",
}


@pytest.fixture(scope="module")
def nasa_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("llis") / "llis.csv"
    with gzip.open(DATA / "llis" / "llis_lessons.csv.gz", "rb") as src, open(path, "wb") as dst:
        shutil.copyfileobj(src, dst)
    return path


def test_nasa_lessons_all_import(ws: Workspace, nasa_csv: Path) -> None:
    report = ws.import_csv("rex", nasa_csv, mapping=NASA_MAP)
    assert report["imported"] == 1637
    assert report["rejected"] == []
    assert report["columns"]["Title"] == "title"
    assert report["date_formats"] == {"occurred_on": "%m/%d/%y"}
    assert "url" in report["ignored_columns"]
    # 15 lessons have no title: their first sentence becomes the title
    assert len(report["derived_titles"]) == 15
    rows = ws.items.list("rex")
    assert len(rows) == 1637
    arc = next(r for r in rows if r["title"] == "Manhole Arc-Flash Risk Reduction")
    item = ws.items.get(arc["id"])
    assert item["site"] == "KSC"
    assert item["occurred_on"] == "2014-06-06"
    assert "Energy" in item["tags"] and "Personal Protective Equipment" in item["tags"]
    assert item["summary"].startswith("Power system distribution at Kennedy Space Center")
    assert "neutral grounding resistors" in item["lessons"]
    assert item["language"] == "fr"  # the workspace language: the register did not say
    assert ws.check() == []


def test_nasa_auto_mapping_by_name(ws: Workspace, nasa_csv: Path) -> None:
    """Without --map, Title/Abstract/Lesson are recognised by their names."""
    report = ws.import_csv("rex", nasa_csv)
    assert report["imported"] == 1637
    assert report["columns"] == {"Title": "title", "Abstract": "summary", "Lesson": "lessons"}


def _write(tmp_path: Path, name: str, text: str, encoding: str) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_encodings_and_semicolons(ws: Workspace, tmp_path: Path, encoding: str) -> None:
    text = (
        "Titre;Résumé;Survenu le;Mots-clés\n"
        "Fuite vérin presse P12;Fuite d'huile au raccord « 3/8 »;06/12/2024;hydraulique, fuite\n"
        "Arrêt ligne 4;Capteur défaillant;25/01/2025;électricité\n"
    )
    path = _write(tmp_path, "reg.csv", text, encoding)
    report = ws.import_csv("rex", path)
    assert report["imported"] == 2
    assert report["date_formats"]["occurred_on"] == "%d/%m/%Y"  # day first, as in France
    items = {r["title"]: ws.items.get(r["id"]) for r in ws.items.list("rex")}
    assert items["Fuite vérin presse P12"]["summary"] == "Fuite d'huile au raccord « 3/8 »"
    assert items["Fuite vérin presse P12"]["occurred_on"] == "2024-12-06"
    assert items["Arrêt ligne 4"]["tags"] == ["électricité"]


def test_columns_match_ignoring_case_spaces_and_accents(ws: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "r.csv", "TITLE,Occurred On,PRIORITE\nA,2024-03-01,Red\n", "utf-8")
    report = ws.import_csv("rex", path)
    assert report["columns"] == {
        "TITLE": "title",
        "Occurred On": "occurred_on",
        "PRIORITE": "priority",
    }
    item = ws.items.get(ws.items.list("rex")[0]["id"])
    assert (item["occurred_on"], item["priority"]) == ("2024-03-01", "red")


def test_one_bad_row_rejects_the_file(ws: Workspace, tmp_path: Path, unchanged) -> None:
    path = _write(tmp_path, "r.csv", "title,priority\nA,red\nB,purple\nC,blue\n", "utf-8")
    snap = unchanged()
    with pytest.raises(BadInput, match=r"line 3: rex: priority must be one of"):
        ws.import_csv("rex", path)
    snap()


def test_skip_bad_imports_the_rest_and_reports(ws: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "r.csv", "title,priority\nA,red\nB,purple\n,\nD,2024\n", "utf-8")
    report = ws.import_csv("rex", path, skip_bad=True)
    assert report["imported"] == 1
    assert [r["line"] for r in report["rejected"]] == [3, 5]
    assert "priority" in report["rejected"][0]["reason"]


def test_references_by_name_and_unknown_community(ws: Workspace, tmp_path: Path) -> None:
    ws.items.add("community", {"name": "Maintenance des presses", "form": "trade"})
    ws.items.add("person", {"name": "Marie Dupont"})
    path = _write(
        tmp_path,
        "h.csv",
        "title,community,holders\nPurge,maintenance des presses,Marie Dupont\nX,Inconnue,\n",
        "utf-8",
    )
    report = ws.import_csv("howto", path, skip_bad=True)
    assert report["imported"] == 1
    assert "Inconnue" in report["rejected"][0]["reason"]
    sheet = ws.items.get(ws.items.list("howto")[0]["id"])
    assert sheet["community_name"] == "Maintenance des presses"
    assert sheet["holder_names"] == ["Marie Dupont"]


def test_map_errors(ws: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "r.csv", "A,B\nx,y\n", "utf-8")
    with pytest.raises(BadInput, match="no column matches"):
        ws.import_csv("rex", path)
    with pytest.raises(BadInput, match="does not have"):
        ws.import_csv("rex", path, mapping={"Z": "title"})
    with pytest.raises(BadInput, match="no field 'nope'"):
        ws.import_csv("rex", path, mapping={"A": "nope"})
    report = ws.import_csv("rex", path, mapping={"A": "title", "B": ""})
    assert report["imported"] == 1 and report["ignored_columns"] == ["B"]


def test_explicit_date_format(ws: Workspace, tmp_path: Path) -> None:
    path = _write(tmp_path, "r.csv", "title,date\nA,03/04/2024\n", "utf-8")
    ws.import_csv("rex", path, date_format="%m/%d/%Y")
    assert ws.items.get(ws.items.list("rex")[0]["id"])["occurred_on"] == "2024-03-04"


def test_unterminated_quote_and_undecodable(ws: Workspace, tmp_path: Path, unchanged) -> None:
    snap = unchanged()
    quote = _write(tmp_path, "q.csv", 'title,summary\nA,"never closed\nB,x\n', "utf-8")
    with pytest.raises(BadInput, match="line 2: malformed CSV"):
        ws.import_csv("rex", quote)
    garbage = tmp_path / "g.csv"
    garbage.write_bytes(b"title\n\x81\x8d\x8f\n")
    with pytest.raises(BadInput, match="neither UTF-8 nor Windows-1252"):
        ws.import_csv("rex", garbage)
    snap()
