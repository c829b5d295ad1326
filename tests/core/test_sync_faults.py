"""Faults found when bundles were tried as site administrators would (issue 12, items
3 to 12): each test here failed before its fix."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import state_digest

from copdesk import Workspace
from copdesk.cli import main
from copdesk.errors import BadInput

_OPEN: list[Workspace] = []


@pytest.fixture(autouse=True)
def _close_workspaces() -> Iterator[None]:
    yield
    while _OPEN:
        _OPEN.pop().close()


def make(tmp_path: Path, name: str) -> Workspace:
    ws = Workspace.create(tmp_path / name, site=f"Usine de {name}")
    _OPEN.append(ws)
    return ws


def pair(a: Workspace, b: Workspace) -> None:
    ia, ib = a.sites.identity(), b.sites.identity()
    b.sites.trust(ia["site_id"], ia["key"], ia["name"])
    a.sites.trust(ib["site_id"], ib["key"], ib["name"])


def send(src: Workspace, dst: Workspace, tmp_path: Path, **kw) -> dict:
    path = tmp_path / f"{src.site_name}-{os.urandom(3).hex()}.copdesk"
    src.sync.export(path, peer=dst.site_id, **kw)
    return dst.sync.import_bundle(path)


def run(
    capsys: pytest.CaptureFixture[str], ws: Path, *args: str, input_: str | None = None
) -> tuple[int, str, str]:
    capsys.readouterr()
    if input_ is not None:
        import io

        sys.stdin = io.TextIOWrapper(io.BytesIO(json.dumps({"title": input_}).encode()))
    try:
        code = main(["--workspace", str(ws), *args])
    finally:
        sys.stdin = sys.__stdin__
    out = capsys.readouterr()
    return code, out.out, out.err


# -- 7. a FIFO is refused at once -------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_import_of_a_fifo_is_refused_without_waiting(tmp_path: Path) -> None:
    a = make(tmp_path, "Lyon")
    fifo = tmp_path / "tube.copdesk"
    os.mkfifo(fifo)
    before = state_digest(a.path)
    for args in (["import", str(fifo)], ["trust", "--from-bundle", str(fifo)]):
        proc = subprocess.run(
            [sys.executable, "-m", "copdesk", "--workspace", str(a.path), *args],
            capture_output=True,
            text=True,
            timeout=60,  # before the fix: waits forever for a writer
        )
        assert proc.returncode == 2, proc.stderr
        assert proc.stderr.count("\n") == 1 and "is not a file" in proc.stderr
    assert state_digest(a.path) == before


# -- 10. text that hides or reverses what follows ---------------------------------------


RLO_TITLE = "Notice \u202eexe.pdf"


def test_nul_and_bidi_controls_are_refused_locally(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = make(tmp_path, "Lyon")
    before = state_digest(a.path)
    for title, code_point in ((RLO_TITLE, "U+202E"), ("Fuite\x00 cachée", "U+0000")):
        code, _, err = run(capsys, a.path, "add", "rex", "--json", "-", input_=title)
        assert code == 2 and code_point in err and "title" in err, err
        assert err.count("\n") == 1
        with pytest.raises(BadInput, match=re.escape(code_point)):
            a.items.add("rex", {"title": "ok", "tags": [f"x{title}"]})
    assert state_digest(a.path) == before


def test_bidi_controls_stored_earlier_are_shown_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = make(tmp_path, "Lyon")
    rex = a.items.add("rex", {"title": "Notice"})
    # as a workspace that accepted it before the fix holds it
    a.conn.execute("UPDATE items SET title = ? WHERE id = ?", (RLO_TITLE, rex["id"]))
    code, out, _ = run(capsys, a.path, "list", "rex")
    assert code == 0 and "\u202e" not in out and "Notice <U+202E>exe.pdf" in out
