"""What the editors and the validation actions ask of the workspace (run on the worker).

Like :mod:`copdesk.gui.jobs`: plain functions returning plain data, so nothing
from the database crosses to the GUI thread. Draft files are read and written
here too, so every file of the workspace is touched by one thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from copdesk.gui import drafts
from copdesk.gui.jobs import title_of
from copdesk.model.kinds import KINDS, REF, REFS
from copdesk.workspace import Workspace

Job = Callable[[Workspace], Any]


def _choices(ws: Workspace, kind: str) -> list[tuple[str, str]]:
    rows = [(r["id"], title_of(r)) for r in ws.items.list(kind)]
    return sorted(rows, key=lambda r: r[1].casefold())


def load_editor(kind: str, item_id: str | None) -> Job:
    """The item (None for a new one), the names its references can take, and any draft."""

    def job(ws: Workspace) -> dict[str, Any]:
        item = ws.items.get(item_id) if item_id else None
        ref_kinds = {f.ref_kind for f in KINDS[kind].fields if f.type in (REF, REFS)}
        refs = {k: _choices(ws, k) for k in sorted(ref_kinds - {None})}
        return {
            "item": item,
            "refs": refs,
            "draft": drafts.load(ws.path, drafts.draft_key(kind, item_id)),
            "language": ws.language,
            "site": ws.site_name,
        }

    return job


def save_item(
    kind: str,
    item_id: str | None,
    values: Mapping[str, Any],
    attachments: Sequence[str],
) -> Job:
    """Create or change the item, then attach the files; the draft goes once saved.

    An attachment that fails (file gone meanwhile) does not undo the saved text:
    its error is returned with the item so the editor can say which file.
    """

    def job(ws: Workspace) -> dict[str, Any]:
        item = (
            ws.items.add(kind, dict(values))
            if item_id is None
            else ws.items.edit(item_id, dict(values))
        )
        failed: list[tuple[str, str]] = []
        for path in attachments:
            try:
                ws.items.attach(item["id"], path)
            except Exception as exc:  # each file on its own; the item is saved
                failed.append((path, str(exc)))
        drafts.discard(ws.path, drafts.draft_key(kind, item_id))
        return {"item": ws.items.get(item["id"]), "failed": failed}

    return job


def save_draft(key: str, draft: dict[str, Any]) -> Job:
    return lambda ws: str(drafts.save(ws.path, key, draft))


def discard_draft(key: str) -> Job:
    return lambda ws: drafts.discard(ws.path, key)


def item_state(item_id: str) -> Job:
    """Enough of an item to choose the actions offered on it."""

    def job(ws: Workspace) -> dict[str, Any]:
        item = ws.items.get(item_id)
        return {
            "id": item["id"],
            "kind": item["kind"],
            "status": item.get("status"),
            "title": title_of(item),
        }

    return job


def set_status(item_id: str, status: str, comment: str | None = None) -> Job:
    """Move an item in the validation workflow; a comment says why (sent back…)."""

    def job(ws: Workspace) -> dict[str, Any]:
        if comment:
            ws.items.comment(item_id, comment)
        item = ws.items.edit(item_id, {"status": status})
        return {"id": item["id"], "kind": item["kind"], "status": item["status"]}

    return job
