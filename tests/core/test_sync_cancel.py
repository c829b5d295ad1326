"""What the GUI needs of the exchange API: cancellable export and import, the untrusted
signer's identity, the remembered sync folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import state_digest

from copdesk import Workspace
from copdesk.errors import Cancelled, UntrustedSite
from copdesk.sync.api import EXPORT_STEP


@pytest.fixture
def lyon(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.create(tmp_path / "lyon", site="Usine de Lyon")
    for i in range(EXPORT_STEP + 5):
        ws.items.add("rex", {"title": f"Rapport {i}"})
    yield ws
    ws.close()


def test_export_reports_progress_and_a_raise_leaves_no_file(lyon, tmp_path) -> None:
    seen: list[int] = []
    done = lyon.sync.export(tmp_path / "all.copdesk", progress=seen.append)
    assert seen == [0, EXPORT_STEP] and done["revisions"] == EXPORT_STEP + 5

    def stop(lines: int) -> None:
        if lines:
            raise Cancelled("cancelled")

    target = tmp_path / "stopped.copdesk"
    with pytest.raises(Cancelled):
        lyon.sync.export(target, progress=stop)
    assert not target.exists() and not list(tmp_path.glob(".stopped*"))
    assert not any((lyon.path / "staging").iterdir())


def test_import_cancelled_from_its_progress_writes_nothing(lyon, tmp_path) -> None:
    bundle = tmp_path / "lyon.copdesk"
    lyon.sync.export(bundle)
    with Workspace.create(tmp_path / "nantes", site="Usine de Nantes") as nantes:
        ident = lyon.sites.identity()
        nantes.sites.trust(ident["site_id"], ident["key"], ident["name"])
        before = state_digest(nantes.path)

        def stop(step: str) -> None:
            if step == "applying":
                raise Cancelled("cancelled")

        with pytest.raises(Cancelled):
            nantes.sync.import_bundle(bundle, progress=stop)
        assert state_digest(nantes.path) == before
        assert nantes.sync.import_bundle(bundle)["new"] == EXPORT_STEP + 5


def test_untrusted_site_carries_the_signer(lyon, tmp_path) -> None:
    bundle = tmp_path / "lyon.copdesk"
    lyon.sync.export(bundle)
    with (
        Workspace.create(tmp_path / "nantes", site="Usine de Nantes") as nantes,
        pytest.raises(UntrustedSite) as refused,
    ):
        nantes.sync.import_bundle(bundle, dry_run=True)
    ident = lyon.sites.identity()
    assert refused.value.producer["site"] == ident["site_id"]
    assert refused.value.producer["fingerprint"] == ident["fingerprint"]
    assert refused.value.producer["name"] == "Usine de Lyon"


def test_the_sync_folder_setting_is_remembered(lyon, tmp_path) -> None:
    assert lyon.sync.sync_folder_setting() is None
    share = tmp_path / "share"
    share.mkdir()
    lyon.sync.sync_folder(share)
    assert lyon.sync.sync_folder_setting() == str(share.resolve())
