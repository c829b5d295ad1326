"""The index catches up a batch at a time and nobody waits for it: a kill resumes from
the last batch, a save never waits for another process's index writer nor rebuilds the
index, a search on a lagging index answers from what is indexed and says so, a
long-running process sees what others committed, and a read-only workspace only reads."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import read_only_prefix, state_digest

from copdesk import Workspace
from copdesk.search import api

COPDESK = [sys.executable, "-m", "copdesk"]


def register(tmp_path: Path, rows: int, word: str = "joint") -> Path:
    path = tmp_path / f"registre-{rows}.csv"
    with open(path, "w", encoding="utf-8") as f:
        f.write("title;summary\n")
        for i in range(rows):
            f.write(f"Fuite {i};Le {word} du raccord {i} a cédé\n")
    return path


def unindexed(tmp_path: Path, rows: int) -> Path:
    """A workspace holding ``rows`` reports its index has never seen (as after a kill
    between the import's commit and its indexing)."""
    path = tmp_path / "ws"
    Workspace.create(path, site="Usine de Lyon").close()
    with Workspace.open(path) as ws:
        ws.search.query("joint")  # an index, up to date (empty)
    with Workspace.open(path, index=False) as ws:
        assert ws.import_csv("rex", register(tmp_path, rows))["imported"] == rows
    return path


def index_files(path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((path / "index").iterdir())}


def test_a_catch_up_killed_midway_resumes_from_its_last_batch(tmp_path: Path) -> None:
    path = unindexed(tmp_path, 1000)
    script = (
        "import os, signal, sys\n"
        "from copdesk import Workspace\n"
        "from copdesk.search import index\n"
        "index.BULK_STEP = 200\n"
        "real, calls = index.SearchIndex._write_state, []\n"
        "def dying(self, directory, reached, extracted):\n"
        "    real(self, directory, reached, extracted)\n"
        "    calls.append(reached)\n"
        "    if len(calls) == 3:  # killed after its third batch\n"
        "        os.kill(os.getpid(), signal.SIGKILL)\n"
        "index.SearchIndex._write_state = dying\n"
        "with Workspace.open(sys.argv[1]) as ws:\n"
        "    ws.search.catch_up()\n"
    )
    killed = subprocess.run([sys.executable, "-c", script, str(path)], timeout=120)
    assert killed.returncode == -9
    with Workspace.open(path, index=False) as ws:
        assert ws.search.index.reached > 0 and ws.search.lag() == 400  # 600 absorbed
        done = ws.search.catch_up()
        assert (done["documents"], done["lag"]) == (400, 0)  # the rest, not from zero
        assert ws.search.query("joint", limit=5)["total"] == 1000


def test_a_bulk_catch_up_of_mostly_new_items_rebuilds_and_a_small_one_does_not(
    tmp_path: Path, monkeypatch
) -> None:
    """A first import of a large register is indexed by one writer into a new folder
    (faster than batches); later imports add to the index a batch at a time."""
    from copdesk.search import index

    monkeypatch.setattr(index, "REBUILD_LAG", 300)
    path = unindexed(tmp_path, 500)  # 500 new, the index empty
    with Workspace.open(path, index=False) as ws:
        seen = []
        done = ws.search.index.catch_up(lambda n, total: seen.append((n, total)))
        assert done == 500 and ws.search.index.rebuilt and ws.search.lag() == 0
        assert seen[-1] == (500, 500)  # progress said to the end
        assert ws.search.query("joint", limit=5)["total"] == 500
    with Workspace.open(path, index=False) as ws:  # 400 more: fewer than indexed
        assert ws.import_csv("rex", register(tmp_path, 400, "vanne"))["imported"] == 400
        assert ws.search.index.catch_up() == 400 and not ws.search.index.rebuilt
        assert ws.search.query("vanne", limit=5)["total"] == 400
        assert ws.search.query("joint", limit=5)["total"] == 500


def test_a_save_never_waits_for_another_index_writer_nor_rebuilds(tmp_path: Path) -> None:
    path = unindexed(tmp_path, 10)
    with Workspace.open(path) as ws:
        ws.search.catch_up()
    before = os.stat(path / "index").st_ino
    holder = subprocess.Popen(  # another process writing to the index (an import)
        [
            sys.executable,
            "-c",
            "import sys\nfrom whoosh import index\n"
            "w = index.open_dir(sys.argv[1]).writer()\n"
            "print('locked', flush=True)\nsys.stdin.read()\nw.cancel()\n",
            str(path / "index"),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline() == "locked\n"
    try:
        added = subprocess.run(  # while the lock is held: a hang would hit the timeout
            [*COPDESK, "add", "rex", "--json", "-", "--id"],
            input='{"title": "Vérin", "summary": "un joint neuf"}',
            env={**os.environ, "COPDESK_WORKSPACE": str(path)},
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert added.returncode == 0 and added.stderr == "", added.stderr
        assert os.stat(path / "index").st_ino == before  # not rebuilt, not swapped
        with Workspace.open(path, index=False) as ws:
            assert ws.search.lag() == 1  # left to the writer (or the next search)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=60)
        holder.stdout.close()
    with Workspace.open(path) as ws:
        found = ws.search.query("neuf")
        assert [h["title"] for h in found["hits"]] == ["Vérin"] and found["index_lag"] == 0


def test_a_search_on_a_lagging_index_answers_and_says_it_is_catching_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli
) -> None:
    path = unindexed(tmp_path, 1200)
    monkeypatch.setattr(api, "BUDGET", 0.0)  # one batch per search: a slow machine
    with Workspace.open(path) as ws:
        first = ws.search.query("joint", limit=5)
        assert first["index_lag"] == 700 and first["total"] == 500  # what is indexed
        assert any("catching up" in w and "700" in w for w in first["warnings"])
        assert first["index_behind"] == "catching-up"  # the fact the window words
    text = cli("search", "joint", workspace=path)  # a batch more, and it says so
    assert text.code == 0 and "note: the search index is catching up: 200" in text.out
    assert "1000 result(s)" in text.out
    done = cli("reindex", "--catch-up", "--json", workspace=path)
    assert done.code == 0 and (done.json()["documents"], done.json()["lag"]) == (200, 0)
    with Workspace.open(path) as ws:
        full = ws.search.query("joint", limit=5)
        assert full["total"] == 1200 and full["index_lag"] == 0
        assert not any("catching up" in w for w in full["warnings"])


def test_an_unusable_index_is_started_again_not_rebuilt_inside_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = unindexed(tmp_path, 1200)
    with Workspace.open(path) as ws:
        ws.search.catch_up()
    shutil.rmtree(path / "index")
    monkeypatch.setattr(api, "BUDGET", 0.0)
    with Workspace.open(path) as ws:
        ws.items.add("rex", {"title": "Vérin", "summary": "joint neuf"})
        assert ws.search.index.rebuilt and ws.search.lag() == 701  # one batch, not all
        assert ws.search.query("joint")["index_lag"] == 201
        while ws.search.lag():
            ws.search.catch_up(budget=0.0)
        assert ws.search.query("joint", limit=5)["total"] == 1201


def test_a_long_running_process_sees_what_another_committed(ws: Workspace) -> None:
    ws.items.add("rex", {"title": "Fuite", "summary": "joint du vérin"})
    assert ws.search.query("joint")["total"] == 1  # the window: index and searcher open
    with Workspace.open(ws.path, index=False) as other:  # a script, or a killed import
        other.items.add("rex", {"title": "Pompe", "summary": "joint de la pompe"})
    found = ws.search.query("joint")
    assert found["total"] == 2 and found["index_lag"] == 0


def test_a_read_only_workspace_reads_its_lagging_index_and_writes_nothing(
    tmp_path: Path,
) -> None:
    path = unindexed(tmp_path, 30)
    before = state_digest(path), index_files(path)
    with Workspace.open(path, read_only=True) as ws:
        found = ws.search.query("joint")
        assert found["total"] == 0 and found["index_lag"] == 30
        assert any("read-only" in w and "30" in w for w in found["warnings"])
        assert found["index_behind"] == "read-only"
        ws.items.list("rex")
    assert (state_digest(path), index_files(path)) == before  # not even a lock file
    shutil.rmtree(path / "index")
    with Workspace.open(path, read_only=True) as ws:
        found = ws.search.query("joint")  # no index at all: said, never built
        assert found["total"] == 0 and "no usable search index" in found["warnings"][-1]
    assert not (path / "index").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="read-only mounts and permissions of Linux")
def test_on_read_only_media_a_lagging_index_is_only_read(tmp_path: Path) -> None:
    path = unindexed(tmp_path, 30)
    with Workspace.open(path) as ws:
        ws.search.catch_up()
    with Workspace.open(path, index=False) as ws:
        ws.items.add("rex", {"title": "Vérin", "summary": "joint neuf"})
    before = index_files(path)
    prefix = read_only_prefix(path)
    try:
        r = subprocess.run(
            [*prefix, *COPDESK, "search", "joint", "--json"],
            env={**os.environ, "COPDESK_WORKSPACE": str(path)},
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        for p in [path, *path.rglob("*")]:
            os.chmod(p, 0o755 if p.is_dir() else 0o644)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    result = json.loads(r.stdout)
    assert result["total"] == 30 and result["index_lag"] == 1
    assert index_files(path) == before
