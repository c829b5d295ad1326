"""Autosaved editor drafts: what was typed but not saved, kept in ``drafts/`` of the workspace.

A plant-floor PC may lose power or be shut down by the next shift; the text typed
in an editor must survive that. Drafts live next to the database they belong to
(so another workspace never offers them), one JSON file per item (``new-KIND`` for
an item not yet created), written atomically. They are never part of a bundle.
Plain Python, run on the worker like every other workspace file access.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

FOLDER = "drafts"
_SAFE_KEY = re.compile(r"[A-Za-z0-9_-]{1,80}")


def draft_key(kind: str, item_id: str | None) -> str:
    """The draft's name: the item id, or ``new-KIND`` for an item not created yet."""
    return item_id or f"new-{kind}"


def _path(root: Path, key: str) -> Path:
    if not _SAFE_KEY.fullmatch(key):
        raise ValueError(f"bad draft key {key!r}")
    return Path(root) / FOLDER / f"{key}.json"


def save(root: Path, key: str, draft: dict[str, Any]) -> Path:
    """Write the draft whole or not at all (a crash mid-write keeps the previous one)."""
    path = _path(root, key)
    path.parent.mkdir(exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_text(json.dumps(draft, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)
    return path


def load(root: Path, key: str) -> dict[str, Any] | None:
    """The draft, or None if there is none or it cannot be read (never an error)."""
    try:
        draft = json.loads(_path(root, key).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return draft if isinstance(draft, dict) and isinstance(draft.get("values"), dict) else None


def discard(root: Path, key: str) -> None:
    _path(root, key).unlink(missing_ok=True)


def saved(root: Path) -> list[dict[str, Any]]:
    """Every draft kept in the workspace, newest first (offered back at start: after a
    crash or a power cut, the text typed is not waiting for Ctrl+N to be found)."""
    folder = Path(root) / FOLDER
    out = []
    for path in folder.glob("*.json") if folder.is_dir() else ():
        draft = load(root, path.stem) if _SAFE_KEY.fullmatch(path.stem) else None
        if draft is None or not isinstance(draft.get("kind"), str):
            continue
        values = draft["values"]
        out.append(
            {
                "key": path.stem,
                "kind": draft["kind"],
                "item_id": draft.get("item_id"),
                "saved_at": str(draft.get("saved_at") or ""),
                "title": str(values.get("title") or values.get("name") or ""),
            }
        )
    return sorted(out, key=lambda d: d["saved_at"], reverse=True)
