"""Shared fixtures. Qt runs offscreen; no test may touch the real home folder."""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"

from helpers import MADE, Result, state_digest

from copdesk import Workspace
from copdesk.cli import main

REAL_HOME = Path.home()
DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True, scope="session")
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point HOME and the XDG folders at a temporary folder for the whole run."""
    home = tmp_path_factory.mktemp("home")
    saved = {
        k: os.environ.get(k)
        for k in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "COPDESK_WORKSPACE")
    }
    real_data = REAL_HOME / ".local" / "share" / "copdesk"
    existed = real_data.exists()
    os.environ.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
    )
    os.environ.pop("COPDESK_WORKSPACE", None)
    yield
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    assert real_data.exists() == existed, "a test wrote copdesk data under the real home"


@pytest.fixture(autouse=True)
def _close_made_sites() -> Iterator[None]:
    """Close what :func:`helpers.make_site` opened during the test."""
    yield
    while MADE:
        MADE.pop().close()


@pytest.fixture
def ws_path(tmp_path: Path) -> Path:
    return tmp_path / "ws"


@pytest.fixture
def ws(ws_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.create(ws_path, site="Usine de Lyon", language="fr")
    yield workspace
    workspace.close()


@pytest.fixture
def cli(ws_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in-process on the test workspace: cli('list', 'rex', input=...)."""

    def run(*args: str, input: str | bytes | None = None, workspace: Path | None = None) -> Result:
        capsys.readouterr()
        if input is not None:
            data = input.encode("utf-8") if isinstance(input, str) else input
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
        code = main(["--workspace", str(workspace or ws_path), *args])
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def unchanged(ws_path: Path) -> Callable[[], Callable[[], None]]:
    """snap = unchanged(); ...; snap()  -> asserts the workspace did not change."""

    def take() -> Callable[[], None]:
        before = state_digest(ws_path)

        def verify() -> None:
            assert state_digest(ws_path) == before, "the workspace changed"

        return verify

    return take


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo workspace for one test module (modules may change it; others never see it)."""
    path = tmp_path_factory.mktemp("gui") / "ws"
    with Workspace.create(path, site="Usine de démonstration", language="fr") as ws:
        ws.load_demo()
    return path
