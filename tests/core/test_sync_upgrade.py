"""A workspace from before signed revisions (schema 4, bundle format 1) upgrades, and
what it held still travels: its own revisions are signed at its first export and sent
again in a new feed; its old format-1 bundle still imports."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

from helpers import pair

from copdesk import Workspace
from copdesk.store.database import SCHEMA_VERSION

V4 = Path(__file__).parents[1] / "data" / "v4"


def test_a_schema_4_workspace_upgrades_and_its_revisions_travel(tmp_path: Path) -> None:
    path = tmp_path / "lyon"
    shutil.copytree(V4 / "workspace", path)
    conn = sqlite3.connect(path / "copdesk.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    before = {r for (r,) in conn.execute("SELECT rev_id FROM revisions")}
    conn.close()
    with Workspace.open(path) as lyon, Workspace.create(tmp_path / "nantes", "Nantes") as nantes:
        assert lyon.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert {r for (r,) in lyon.conn.execute("SELECT rev_id FROM revisions")} == before
        assert lyon.check() == []
        assert lyon.sites.state()["state"] == "ok"
        pair(lyon, nantes)
        bundle = tmp_path / "lyon.copdesk"
        done = lyon.sync.export(bundle, peer=nantes.site_id)
        assert done["revisions"] >= 3 and done["unsigned_skipped"] == 0
        with zipfile.ZipFile(bundle) as zf:
            manifest = json.loads(zf.read("manifest.json"))
        # signed, in a new feed announced by a record ("signatures")
        assert [e["record"]["reason"] for e in manifest["roster"]] == ["signatures"]
        got = nantes.sync.import_bundle(bundle)
        assert got["new"] == 2 and not got["held_back"]  # the report and its attachment
        titles = {r["title"] for r in nantes.items.list("rex")}
        assert titles == {"Rapport écrit avant les signatures"}
        assert nantes.check() == []
        # the bundle it wrote before the upgrade still imports elsewhere
        with Workspace.create(tmp_path / "metz", "Metz") as metz:
            pair(lyon, metz)
            old = metz.sync.import_bundle(V4 / "lyon-v4.copdesk")
            assert old["new"] == 2 and metz.check() == []
            assert send_back(metz, lyon, tmp_path) == 0


def send_back(src: Workspace, dst: Workspace, tmp_path: Path) -> int:
    path = tmp_path / "back.copdesk"
    src.sync.export(path, peer=dst.site_id)
    return dst.sync.import_bundle(path)["revisions_new"]
