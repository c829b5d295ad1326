"""Two processes on one index (the window's worker and a `copdesk` child): the one that
did not do the work sees it, without redoing it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from copdesk import Workspace
from copdesk.search import documents


def test_an_open_index_follows_another_process_catch_up_and_swap(
    ws, monkeypatch: pytest.MonkeyPatch
) -> None:
    ws.items.add("rex", {"title": "Fuite hydraulique"})
    assert ws.search.query("hydraulique")["total"] == 1  # index and searcher open
    built: list[str] = []
    for name in ("documents_for", "all_documents"):
        real = getattr(documents, name)
        monkeypatch.setattr(
            documents,
            name,
            lambda *a, real=real, name=name, **k: (built.append(name), real(*a, **k))[1],
        )
    with Workspace.open(ws.path) as other:  # as `copdesk import` would
        other.items.add("rex", {"title": "Pompe hydraulique"})
    built.clear()
    assert ws.search.query("hydraulique")["total"] == 2
    assert ws.search.index.catch_up() == 0 and built == []  # the other one's catch-up counted

    before = ws.search.index._opened_dir
    with Workspace.open(ws.path) as other:  # `copdesk reindex`: a new folder swapped in
        other.search.reindex()
        other.items.add("rex", {"title": "Vérin hydraulique"})
    built.clear()
    assert ws.search.query("hydraulique")["total"] == 3
    assert ws.search.index._opened_dir != before and built == []


def test_a_rebuild_in_progress_elsewhere_is_left_alone(ws) -> None:
    index: Path = ws.path / "index"
    live = index.with_name(f"index.new-{os.getppid()}")  # a live process's build
    dead = index.with_name("index.new-999999999")
    legacy = index.with_name("index.new")
    for folder in (live, dead, legacy):
        folder.mkdir()
    ws.search.query("x")  # opening the index tidies what dead processes left
    assert live.is_dir() and not dead.exists() and not legacy.exists()
