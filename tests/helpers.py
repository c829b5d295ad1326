"""Helpers shared by tests (imported as ``helpers``; tests/ is on pytest's pythonpath):
CLI results, a digest that proves a workspace unchanged, the real window and its
worker, and workspaces of known structure for the analytics tests."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from copdesk import Workspace

LYON, SHEFFIELD = "Usine de Lyon", "Sheffield Works"


def read_only_prefix(folder: Path) -> list[str]:
    """A prefix that runs a command where ``folder`` is read-only, as a user would meet it:
    a read-only bind mount in a mount namespace when root (root writes through any
    permission), else the permissions of an ordinary user (put back by the caller)."""
    if os.geteuid() == 0:
        assert shutil.which("unshare"), "util-linux's unshare is needed (Makefile installs it)"
        mount = f'mount --bind -o ro "{folder}" "{folder}" && exec "$@"'
        return ["unshare", "-m", "sh", "-c", mount, "-"]
    for p in [folder, *folder.rglob("*")]:
        os.chmod(p, 0o555 if p.is_dir() else 0o444)
    return []


@dataclass
class Result:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


MADE: list[Workspace] = []  # workspaces of make_site, closed after each test (conftest)


def make_site(tmp_path: Path, name: str) -> Workspace:
    """A new open workspace of site "Usine de NAME" in ``tmp_path/NAME``, closed for the
    test when it ends, so a failing assertion never leaves a database open."""
    ws = Workspace.create(tmp_path / name, site=f"Usine de {name}")
    MADE.append(ws)
    return ws


def state_digest(path: Path) -> str:
    """Everything a user could see of a workspace, as one hash (to prove 'unchanged')."""
    h = hashlib.sha256()
    conn = sqlite3.connect(path / "copdesk.db")
    try:
        for table in (
            "meta",
            "sites",
            "revisions",
            "rev_parents",
            "items",
            "refs",
            "blobs",
            "feed",
        ):
            for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
                h.update(repr(row).encode())
    finally:
        conn.close()
    blobs = path / "blobs"
    for f in sorted(blobs.rglob("*")) if blobs.exists() else []:
        h.update(str(f.relative_to(path)).encode())
    return h.hexdigest()


def pair(a: Workspace, b: Workspace) -> None:
    """Each site trusts the other (as after comparing fingerprints by phone)."""
    ia, ib = a.sites.identity(), b.sites.identity()
    b.sites.trust(ia["site_id"], ia["key"], ia["name"])
    a.sites.trust(ib["site_id"], ib["key"], ib["name"])


# -- the desktop window ------------------------------------------------------------


def open_window(qtbot, runner, path: Path, view: str = "home", *, remember: bool = True):
    """The real window on ``path``, showing ``view`` once it has loaded."""
    from copdesk.gui.mainwindow import MainWindow

    window = MainWindow(runner, remember=remember)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    with qtbot.waitSignal(window.viewLoaded, timeout=20_000):
        window.open_workspace(path)
        window.show_view(view)
    return window


def modal(qtbot, kind: type, timeout: int = 10_000) -> Any:
    """The window-modal dialog of ``kind`` once it is open (the window's dialogs open
    with ``open()`` and never block, so a test fills them in like a user)."""
    from PySide6.QtWidgets import QApplication

    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), kind), timeout=timeout)
    return QApplication.activeModalWidget()


def on_worker(qtbot, runner, fn, timeout: int = 10_000):
    """Run ``fn(ws)`` on the worker and wait for its result (tests never open the db)."""
    got: list = []
    runner.submit(fn, got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=timeout)
    return got[0]


# -- workspaces of known structure ---------------------------------------------------


def _person(ws: Workspace, name: str, site: str) -> str:
    return ws.items.add("person", {"name": name, "site": site})["id"]


def _coauthor(ws: Workspace, first: str, second: str, title: str, tags: list[str]) -> str:
    with ws.acting_as(first):
        item = ws.items.add("rex", {"title": title, "tags": tags})
    with ws.acting_as(second):
        ws.items.edit(item["id"], {"lessons": f"Ce que {second[:4]} en retient."})
    return item["id"]


def network_known(ws: Workspace) -> dict[str, str]:
    """Lyon: l1 l2 l3 co-write; Nantes: n1 n2 n3 co-write; b co-writes with l1 and n1;
    s1 (Lyon) and s2 (Nantes) share a skill and never met; i works with nobody;
    c1 c2 c3 (Grenoble) co-write about a theme no community covers."""
    # a history that happened (who may do what is tested in test_permissions.py)
    with ws.batch(), ws.permissions.bypass():  # one search-index update at the end
        return _network_known(ws)


def _network_known(ws: Workspace) -> dict[str, str]:
    ids = {}
    for key, site in [
        ("l1", "Usine de Lyon"),
        ("l2", "Usine de Lyon"),
        ("l3", "Usine de Lyon"),
        ("n1", "Usine de Nantes"),
        ("n2", "Usine de Nantes"),
        ("n3", "Usine de Nantes"),
        ("b", "Usine de Lyon"),
        ("s1", "Usine de Lyon"),
        ("s2", "Usine de Nantes"),
        ("i", "Usine de Nantes"),
        ("c1", "Usine de Grenoble"),
        ("c2", "Usine de Grenoble"),
        ("c3", "Usine de Grenoble"),
    ]:
        ids[key] = _person(ws, f"Personne {key.upper()}", site)
    presses = ws.items.add(
        "community",
        {"name": "Maintenance des presses", "form": "trade", "charter": "Hydraulique des presses."},
    )["id"]
    ids["presses"] = presses
    for key in ("l1", "l2", "l3", "n1", "n2", "n3", "b", "i"):
        ws.people.member(presses, ids[key], "member")
    for x, y in itertools.combinations(("l1", "l2", "l3"), 2):
        _coauthor(ws, ids[x], ids[y], f"Fuite {x}{y}", ["hydraulique"])
    for x, y in itertools.combinations(("n1", "n2", "n3"), 2):
        _coauthor(ws, ids[x], ids[y], f"Joint {x}{y}", ["hydraulique"])
    _coauthor(ws, ids["b"], ids["l1"], "Raccord Lyon", ["hydraulique"])
    _coauthor(ws, ids["b"], ids["n1"], "Raccord Nantes", ["hydraulique"])
    for x, y in itertools.combinations(("c1", "c2", "c3"), 2):
        _coauthor(ws, ids[x], ids[y], f"Cobot {x}{y}", ["cobotique", "vision industrielle"])
    skill = ws.items.add("skill", {"name": "Thermographie infrarouge", "domain": "Contrôle"})["id"]
    ids["skill"] = skill
    ws.people.rate(ids["s1"], skill, 4, interest="teach")
    ws.people.rate(ids["s2"], skill, 2, interest="learn")
    ws.people.rate(ids["i"], skill, 1)  # below L: no shared skill
    ids["item"] = _coauthor(ws, ids["l2"], ids["l3"], "Purge circuit", ["hydraulique"])
    return ids


def risks_known(ws: Workspace) -> dict[str, Any]:
    """3 people on 2 sites, 4 skills, each skill with one known weakness (see
    tests/core/test_risks.py)."""
    # a history that happened (who may do what is tested in test_permissions.py)
    with ws.batch(), ws.permissions.bypass():  # one index update at the end
        return _risks_known(ws)


def _risks_known(ws: Workspace) -> dict[str, Any]:
    alice = ws.items.add("person", {"name": "Alice Arnaud", "site": LYON})["id"]
    bob = ws.items.add("person", {"name": "Bob Blanc", "site": LYON})["id"]
    carol = ws.items.add("person", {"name": "Carol Carter", "site": SHEFFIELD})["id"]
    skill = {
        key: ws.items.add("skill", {"name": name, "domain": "Maintenance"})["id"]
        for key, name in [
            ("mag", "Soudage MAG"),
            ("press", "Réglage presse"),
            ("oil", "Analyse huile"),
            ("loto", "Consignation (LOTO)"),
        ]
    }
    today = ws.today()
    expires = (today + dt.timedelta(days=30)).isoformat()
    ws.people.rate(bob, skill["mag"], 2)
    ws.people.rate(carol, skill["mag"], 3, valid_until=(today - dt.timedelta(days=1)).isoformat())
    ws.people.rate(alice, skill["press"], 4)
    ws.people.rate(carol, skill["press"], 1)
    ws.people.rate(alice, skill["oil"], 4)
    ws.people.rate(bob, skill["oil"], 3)
    ws.people.rate(carol, skill["oil"], 2)
    ws.people.rate(bob, skill["loto"], 3)
    ws.people.rate(carol, skill["loto"], 4, valid_until=expires)
    with ws.acting_as(alice):
        ws.items.add(
            "howto", {"title": "Prélever un échantillon d'huile pour analyse", "holders": [bob]}
        )
        ws.items.add("rex", {"title": "Fuite hydraulique sur la P12", "tags": ["fuite"]})
    with ws.acting_as(bob):
        ws.items.add("howto", {"title": "Six étapes avant d'intervenir", "tags": ["LOTO"]})
        ws.items.add("howto", {"title": "Soudage MAG : réglages", "status": "obsolete"})
    with ws.acting_as(carol):
        ws.items.add("rex", {"title": "Consignation oubliée sur la presse P7"})
    return {"alice": alice, "bob": bob, "carol": carol, "skill": skill, "expires": expires}


# -- documents: files made by the tests (copdesk.documents) ----------------------------


def make_pdf(path: Path, pages: list[str], *, password: str | None = None) -> Path:
    """A PDF with one page per text (fpdf2; an empty text makes a page with a drawing
    and no text, as a scan has); ``password``: encrypted, opened only with it."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if text:
            pdf.multi_cell(0, 6, text)
        else:
            pdf.rect(20, 20, 150, 200, style="F")
    if password is not None:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return path


def make_docx(path: Path, sections: dict[str, str], table: list[list[str]] | None = None) -> Path:
    """A Word file: a heading and a paragraph per section, then a table."""
    import docx

    document = docx.Document()
    for heading, text in sections.items():
        document.add_heading(heading, level=1)
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))
    return path


def make_xlsx(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(str(path))
    return path


def make_big_xlsx(path: Path, rows: int, cols: int) -> Path:
    """An XLSX of rows x cols numeric cells, its sheet XML streamed into the zip (openpyxl
    would take minutes to write a million cells)."""
    import zipfile

    small = path.with_suffix(".small.xlsx")
    make_xlsx(small, {"Data": [["x"]]})
    with zipfile.ZipFile(small) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info, src.read(info.filename))
                continue
            with out.open("xl/worksheets/sheet1.xml", "w") as f:
                f.write(
                    b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
                    b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                )
                letters = [chr(65 + c) for c in range(cols)]
                for r in range(1, rows + 1):
                    cells = "".join(
                        f'<c r="{x}{r}"><v>{r * cols + i}</v></c>' for i, x in enumerate(letters)
                    )
                    f.write(f'<row r="{r}">{cells}</row>'.encode())
                f.write(b"</sheetData></worksheet>")
    small.unlink()
    return path


def make_docx_bomb(path: Path, expands_mb: int = 100) -> Path:
    """A Word file whose document.xml expands about 1000x (spaces compress that well)."""
    import zipfile

    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with zf.open("word/document.xml", "w") as f:
            f.write(b'<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>')
            block = b" " * (1024 * 1024)
            for _ in range(expands_mb):
                f.write(block)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return path


def make_odt(path: Path, sections: dict[str, str]) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import H, P

    doc = OpenDocumentText()
    for heading, text in sections.items():
        doc.text.addElement(H(outlinelevel=1, text=heading))
        doc.text.addElement(P(text=text))
    doc.save(str(path))
    return path


def make_ods(path: Path, sheets: dict[str, list[list[str]]]) -> Path:
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    for name, rows in sheets.items():
        table = Table(name=name)
        for row in rows:
            tr = TableRow()
            for value in row:
                cell = TableCell(valuetype="string")
                if value:
                    cell.addElement(P(text=value))
                tr.addElement(cell)
            table.addElement(tr)
        doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path
