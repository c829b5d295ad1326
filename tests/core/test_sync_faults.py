"""Faults found when bundles were tried as site administrators would (issue 12, items
3 to 12): each test here failed before its fix."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
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


def run(capsys: pytest.CaptureFixture[str], ws: Path, *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--workspace", str(ws), *args])
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
