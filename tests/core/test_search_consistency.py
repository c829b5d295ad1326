"""The index is a cache of the database: whatever happens to it, results equal a scan."""

from __future__ import annotations

import json
import random
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copdesk import Workspace
from copdesk.search.schema import INDEXED_KINDS

TOKENS = [f"q{n}x" for n in range(10_000, 10_012)]


def brute_force(ws: Workspace, token: str) -> set[str]:
    """Live indexed items whose content holds the token, scanning the database."""
    found = set()
    for item_id, data in ws.conn.execute(
        f"SELECT id, data FROM items WHERE deleted = 0 AND kind IN "
        f"({','.join('?' * len(INDEXED_KINDS))})",
        INDEXED_KINDS,
    ):
        if token in json.dumps(json.loads(data), ensure_ascii=False):
            found.add(item_id)
    return found


def searched(ws: Workspace, token: str) -> set[str]:
    # quoted: an exact word, never "corrected" to a near one
    return {h["id"] for h in ws.search.query(f'"{token}"', limit=500)["hits"]}


def assert_consistent(ws: Workspace) -> None:
    for token in TOKENS:
        assert searched(ws, token) == brute_force(ws, token), token


def populate(ws: Workspace, seed: int = 1) -> list[str]:
    rnd = random.Random(seed)
    made = []
    with ws.batch(), ws.permissions.bypass():  # a history (rules: test_permissions.py)
        for n in range(30):
            kind = rnd.choice(["rex", "howto", "skill", "person", "community"])
            words = " ".join(rnd.sample(TOKENS, 2))
            data = {
                "rex": {"title": f"Rapport {n}", "summary": words},
                "howto": {"title": f"Fiche {n}", "steps": words},
                "skill": {"name": f"Comp {n}", "domain": "D", "description": words},
                "person": {"name": f"Personne {n}", "job_title": words},
                "community": {"name": f"Commu {n}", "form": "trade", "charter": words},
            }[kind]
            made.append(ws.items.add(kind, data)["id"])
    return made


def test_missing_index_is_rebuilt(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    populate(ws)
    ws.close()
    import shutil

    shutil.rmtree(tmp_path / "ws" / "index")
    with Workspace.open(tmp_path / "ws") as ws:
        assert_consistent(ws)
        assert ws.search.index.rebuilt


def test_corrupt_segment_is_rebuilt(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    populate(ws)
    ws.close()
    # a segment's term dictionary and postings
    segments = [p for p in (tmp_path / "ws" / "index").iterdir() if p.suffix in (".trm", ".pst")]
    assert len(segments) >= 2
    for seg in segments:
        raw = bytearray(seg.read_bytes())
        for i in range(0, len(raw), 7):
            raw[i] ^= 0x5A
        seg.write_bytes(bytes(raw))
    with Workspace.open(tmp_path / "ws") as ws:
        assert_consistent(ws)


def test_truncated_files_are_rebuilt(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    populate(ws)
    ws.close()
    for f in (tmp_path / "ws" / "index").iterdir():
        if f.name != "state.json":
            f.write_bytes(f.read_bytes()[: len(f.read_bytes()) // 2])
    with Workspace.open(tmp_path / "ws") as ws:
        assert_consistent(ws)


def test_stop_between_database_and_index_commit(tmp_path: Path) -> None:
    """Changes committed while the index was not updated are caught up on the next open."""
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    made = populate(ws)
    reached = ws.search.index.reached
    ws.close()
    with Workspace.open(tmp_path / "ws", index=False) as ws, ws.permissions.bypass():
        ws.items.edit(
            made[0], {"title": "q10011x changé"} if ws.items.get(made[0]).get("title") else {}
        )
        ws.items.delete(made[1])
        ws.items.add("rex", {"title": "Nouveau", "summary": "q10000x q10005x"})
    state = json.loads((tmp_path / "ws" / "index" / "state.json").read_text())
    assert state["reached"] == reached  # the index did not see those changes
    with Workspace.open(tmp_path / "ws") as ws:
        assert_consistent(ws)
        assert ws.search.index.reached > reached and not ws.search.index.rebuilt


def _tamper_state(path: Path, **changes: object) -> None:
    state_file = path / "index" / "state.json"
    state = json.loads(state_file.read_text())
    state.update(changes)
    state_file.write_text(json.dumps(state))


def test_older_schema_foreign_or_ahead_index_is_rebuilt(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    populate(ws)
    ws.close()
    for changes in ({"schema": 0}, {"site": "another-site"}, {"reached": 10**9}):
        _tamper_state(tmp_path / "ws", **changes)
        with Workspace.open(tmp_path / "ws") as ws:
            assert_consistent(ws)
            assert ws.search.index.rebuilt, changes


def test_interrupted_rebuild_leaves_no_half_index(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    populate(ws)
    ws.close()
    leftover = tmp_path / "ws" / "index.new"
    leftover.mkdir()
    (leftover / "junk").write_text("half a rebuild")
    with Workspace.open(tmp_path / "ws") as ws:
        assert_consistent(ws)
    assert not leftover.exists()


def test_reindex_rebuilds_everything(tmp_path: Path) -> None:
    ws = Workspace.create(tmp_path / "ws", site="Lyon")
    populate(ws)
    calls: list[tuple[int, int]] = []
    done = ws.search.reindex(lambda n, total: calls.append((n, total)))
    assert done["documents"] == 30 and calls[-1] == (30, 30)
    assert_consistent(ws)
    ws.close()


OPS = st.lists(
    st.tuples(
        st.sampled_from(["add", "edit", "delete", "restore"]),
        st.integers(0, 50),
        st.lists(st.sampled_from(TOKENS), min_size=1, max_size=3),
    ),
    min_size=1,
    max_size=12,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=OPS, reopen_without_index=st.booleans())
def test_random_changes_keep_search_equal_to_a_scan(ops: list, reopen_without_index: bool):
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.create(Path(tmp) / "ws", site="Lyon", language="fr")
        items: list[str] = []
        try:
            for n, (op, pick, words) in enumerate(ops):
                if n == len(ops) // 2 and reopen_without_index:
                    ws.close()  # the second half happens while the index is not updated
                    ws = Workspace.open(Path(tmp) / "ws", index=False)
                text = " ".join(words)
                if op == "add" or not items:
                    items.append(ws.items.add("rex", {"title": f"R{n}", "lessons": text})["id"])
                    continue
                target = items[pick % len(items)]
                deleted = ws.conn.execute(
                    "SELECT deleted FROM items WHERE id = ?", (target,)
                ).fetchone()[0]
                if op == "edit" and not deleted:
                    ws.items.edit(target, {"lessons": text})
                elif op == "delete" and not deleted:
                    ws.items.delete(target)
                elif op == "restore" and deleted:
                    ws.items.restore(target, ws.items.history(target)[0]["rev_id"])
            ws.close()
            ws = Workspace.open(Path(tmp) / "ws")
            assert_consistent(ws)
        finally:
            ws.close()


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_fast_folding_is_the_index_folding(text: str) -> None:
    """Snippets and places find a match only if they fold text as the index did."""
    from whoosh.support.charset import accent_map

    from copdesk.search.analysis import lower_folded

    assert lower_folded(text) == text.lower().translate(accent_map)
    accented = "Étanchéité du VÉRIN, Œuvre straße ﬁn ǅ " + text
    assert lower_folded(accented) == accented.lower().translate(accent_map)
