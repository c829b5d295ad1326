"""`--progress-json`: the machine-readable progress of the long commands (the window
runs them as child processes and moves its progress bar with these lines)."""

from __future__ import annotations

import json
from pathlib import Path

from copdesk import Workspace


def events(err: str) -> list[dict]:
    lines = [json.loads(line) for line in err.splitlines() if line.startswith("{")]
    assert all(set(e) == {"step", "done", "total"} for e in lines)
    return lines


def bundle_from(tmp_path: Path, trusted_by: Path | None = None) -> Path:
    bundle = tmp_path / "metz.copdesk"
    with Workspace.create(tmp_path / "metz", site="Usine de Metz") as other:
        for i in range(150):
            other.items.add("rex", {"title": f"Rapport {i}"})
        other.sync.export(bundle)
        if trusted_by is not None:
            ident = other.sites.identity()
            with Workspace.open(trusted_by) as ws:
                ws.sites.trust(ident["site_id"], ident["key"], ident["name"])
    return bundle


def test_import_reports_its_steps_and_indexing_means_committed(cli, ws, tmp_path) -> None:
    bundle = bundle_from(tmp_path, trusted_by=ws.path)
    dry = cli("--progress-json", "import", str(bundle), "--dry-run", "--json")
    assert dry.code == 0 and dry.json()["new"] == 150
    assert events(dry.err) == [
        {"step": "copying", "done": 0, "total": 2},
        {"step": "checking", "done": 1, "total": 2},
    ]
    done = cli("--progress-json", "import", str(bundle), "--json")
    assert done.code == 0 and done.json()["new"] == 150
    assert [(e["step"], e["done"], e["total"]) for e in events(done.err)] == [
        ("copying", 0, 5),
        ("checking", 1, 5),
        ("backing up", 2, 5),
        ("applying", 3, 5),
        ("indexing", 4, 5),
    ]
    assert cli("search", "Rapport", "--json").json()["total"] == 150
    quiet = cli("import", str(bundle), "--json")  # without the option: no progress lines
    assert quiet.code == 0 and quiet.err == ""


def test_export_reindex_demo_and_sync_report_progress(cli, ws, tmp_path) -> None:
    demo = cli("--progress-json", "demo", "--json")
    assert demo.code == 0 and sum(demo.json().values()) > 0
    assert events(demo.err) == [
        {"step": "demo", "done": 0, "total": 1},
        {"step": "demo", "done": 1, "total": 1},
    ]
    out = tmp_path / "all.copdesk"
    exported = cli("--progress-json", "export", "--to", str(out), "--json")
    assert exported.code == 0 and out.is_file()
    lines = events(exported.err)
    assert lines and all(e["step"] == "exporting" and e["total"] is None for e in lines)
    assert [e["done"] for e in lines] == sorted(e["done"] for e in lines)
    rebuilt = cli("--progress-json", "reindex", "--json")
    assert rebuilt.code == 0
    last = events(rebuilt.err)[-1]
    assert last == {"step": "indexing", "done": rebuilt.json()["documents"], "total": last["total"]}
    share = tmp_path / "share"
    share.mkdir()
    synced = cli("--progress-json", "sync-folder", str(share), "--json")
    assert synced.code == 0 and events(synced.err)[0]["step"] == "syncing"


def test_an_untrusted_signer_is_printed_as_json(cli, ws, tmp_path) -> None:
    bundle = bundle_from(tmp_path)
    refused = cli("--progress-json", "import", str(bundle), "--dry-run", "--json")
    assert refused.code == 1
    assert refused.err.splitlines()[-1].startswith("copdesk: ")
    body = refused.json()
    assert body["error"] == refused.err.splitlines()[-1][len("copdesk: ") :]
    with Workspace.open(tmp_path / "metz", index=False) as other:
        ident = other.sites.identity()
    assert body["untrusted"]["site"] == ident["site_id"]
    assert body["untrusted"]["name"] == "Usine de Metz"
    assert body["untrusted"]["fingerprint"] == ident["fingerprint"]
    text = cli("import", str(bundle))  # without --json: only the line on stderr
    assert text.code == 1 and text.out == ""


def test_import_csv_reports_rows_written_then_the_index_catching_up(
    cli, ws, tmp_path, monkeypatch
) -> None:
    import copdesk.search.index
    import copdesk.workspace

    monkeypatch.setattr(copdesk.workspace, "IMPORT_CHUNK", 20)
    monkeypatch.setattr(copdesk.search.index, "TICK", 10)
    sheet = tmp_path / "registre.csv"
    sheet.write_text(
        "title;summary\n" + "".join(f"Rapport {i};fuite de vanne {i}\n" for i in range(45)),
        encoding="utf-8",
    )
    done = cli("--progress-json", "import-csv", "rex", str(sheet), "--json")
    assert done.code == 0 and done.json()["imported"] == 45
    lines = [(e["step"], e["done"], e["total"]) for e in events(done.err)]
    written = [line for line in lines if line[0] == "importing"]
    assert written == [("importing", 20, None), ("importing", 40, None), ("importing", 45, None)]
    indexing = lines[len(written) :]  # every row is written before the index starts
    assert indexing[0] == ("indexing", 0, 45) and indexing[-1] == ("indexing", 45, 45)
    counts = [d for _, d, _ in indexing]
    assert {10, 20, 30, 40} <= set(counts) and counts == sorted(counts)
    assert all(step == "indexing" and total == 45 for step, _, total in indexing)
    assert cli("search", "vanne", "--json").json()["total"] == 45
    quiet = cli("import-csv", "rex", str(sheet), "--json")  # without the option: silent
    assert quiet.code == 0 and quiet.err == ""
