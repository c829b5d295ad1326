"""Renaming a site (issue 15: the wizard promised it, nothing could do it): an
administrator's action, refused for a name another site goes by, and learnt by the
other sites from the next bundle, like any change."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import pair, state_digest

from copdesk import Workspace
from copdesk.cli import main
from copdesk.errors import BadInput, NotAllowed


@pytest.fixture
def sites(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    lyon = Workspace.create(tmp_path / "lyon", site="Usine de Lyon")
    nantes = Workspace.create(tmp_path / "nantes", site="Usine de Nantes")
    pair(lyon, nantes)
    yield lyon, nantes
    lyon.close()
    nantes.close()


def send(src: Workspace, dst: Workspace, tmp_path: Path) -> dict:
    path = tmp_path / f"{os.urandom(4).hex()}.copdesk"
    src.sync.export(path, peer=dst.site_id)
    return dst.sync.import_bundle(path)


def name_at(ws: Workspace, site_id: str) -> str:
    return next(s["name"] for s in ws.sites.list() if s["id"] == site_id)


def test_a_new_name_reaches_the_other_site_with_the_next_bundle(sites, tmp_path: Path) -> None:
    lyon, nantes = sites
    lyon.items.add("rex", {"title": "Fuite P12"})
    send(lyon, nantes, tmp_path)
    assert name_at(nantes, lyon.site_id) == "Usine de Lyon"

    identity = lyon.sites.rename("  Usine de Lyon —   Gerland ")
    assert identity["name"] == lyon.site_name == "Usine de Lyon — Gerland"
    assert identity["site_id"] == lyon.site_id  # the same site: id and key stay
    assert name_at(lyon, lyon.site_id) == "Usine de Lyon — Gerland"
    assert name_at(nantes, lyon.site_id) == "Usine de Lyon"  # not before a bundle

    report = send(lyon, nantes, tmp_path)  # a bundle with nothing new in it
    assert report["new"] == 0 and report["producer_name"] == "Usine de Lyon — Gerland"
    assert name_at(nantes, lyon.site_id) == "Usine de Lyon — Gerland"
    rex = nantes.items.list("rex")[0]
    assert nantes.items.get(rex["id"])["origin_site_name"] == "Usine de Lyon — Gerland"

    # it stays renamed when the workspace is opened again
    path = lyon.path
    lyon.close()
    with Workspace.open(path) as again:
        assert again.site_name == "Usine de Lyon — Gerland"


def test_a_name_another_site_goes_by_is_refused(sites) -> None:
    lyon, _ = sites
    before = state_digest(lyon.path)
    with pytest.raises(BadInput, match="already called"):
        lyon.sites.rename("usine de NANTES")
    for bad in ("", "   ", "x" * 201, "Usine\u202edeLyon"):
        with pytest.raises(BadInput):
            lyon.sites.rename(bad)
    assert state_digest(lyon.path) == before
    assert lyon.site_name == "Usine de Lyon"


def test_renaming_is_for_an_administrator(sites) -> None:
    lyon, _ = sites
    admin = lyon.items.add("person", {"name": "Marie Dupont"})["id"]  # the first: administrator
    with lyon.acting_as(admin):
        other = lyon.items.add("person", {"name": "Jean Martin"})["id"]
    with lyon.acting_as(other), pytest.raises(NotAllowed, match="site administrator"):
        lyon.sites.rename("Usine de Gerland")
    with lyon.acting_as(admin):
        assert lyon.sites.rename("Usine de Gerland")["name"] == "Usine de Gerland"


def test_site_rename_on_the_command_line(tmp_path: Path, capsys) -> None:
    path = tmp_path / "ws"
    Workspace.create(path, site="Usine de Lyon").close()
    code = main(
        ["--workspace", str(path), "site", "rename", "--name", "Usine de Gerland", "--json"]
    )
    out = capsys.readouterr()
    assert code == 0 and '"name": "Usine de Gerland"' in out.out
    code = main(["--workspace", str(path), "site", "rename"])
    assert code == 2 and "needs a name" in capsys.readouterr().err
    code = main(["--workspace", str(path), "status"])
    assert "Usine de Gerland" in capsys.readouterr().out
