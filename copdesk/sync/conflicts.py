"""``ws.conflicts``: items with two live versions after an exchange, side by side,
and their resolution by one revision whose parents are all the branches (so every
site that receives it ends the conflict the same way)."""

from __future__ import annotations

import json
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput
from copdesk.items import Items
from copdesk.model.validate import validate
from copdesk.store import items as q
from copdesk.store import revisions as revs


class Conflicts:
    """Conflict listing and resolution (``ws.conflicts``)."""

    def __init__(self, core: Core, items: Items) -> None:
        self.core = core
        self.items = items
        self.conn = core.conn

    def list(self) -> list[dict[str, Any]]:
        """Items with two or more live versions, each with the fields that differ."""
        ids = [
            i
            for (i,) in self.conn.execute(
                "SELECT id FROM items WHERE conflict = 1 ORDER BY updated_at DESC"
            )
        ]
        return [self.get(i) for i in ids]

    def get(self, ref: str) -> dict[str, Any]:
        """Both (all) versions of an item side by side."""
        row = self.core.row(ref, live=False)
        versions = []
        for head in row["heads"]:
            rev = revs.get(self.conn, head)
            assert rev is not None
            if rev.content is None:
                continue
            versions.append(
                {
                    "rev_id": rev.rev_id,
                    "shown": rev.rev_id == row["head"],
                    "site": rev.site,
                    "site_name": self.core.site_name_of(rev.site),
                    "author": rev.author,
                    "author_name": self.core.name(rev.author),
                    "at": rev.at,
                    "content": rev.content,
                }
            )
        fields = sorted({k for v in versions for k in v["content"]})
        differ = [f for f in fields if len({json.dumps(v["content"].get(f)) for v in versions}) > 1]
        return {
            "id": row["id"],
            "kind": row["kind"],
            "title": row["title"],
            "conflict": bool(row["conflict"]),
            "versions": versions,
            "differ": differ,
        }

    def resolve(
        self,
        ref: str,
        *,
        keep: str | None = None,
        changes: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """End a conflict with one revision whose parents are all the branches.

        ``keep`` takes one version's content; ``changes`` are fields set over the shown
        version (a merge written by hand). Returns the item as it now is.
        """
        row = self.core.row(ref, live=False)
        if not row["conflict"]:
            raise BadInput(f"{row['kind']} {row['title']!r} is not in conflict")
        if (keep is None) == (changes is None):
            raise BadInput("say which version to keep (--keep REV_ID) or give --json FILE")
        kind = row["kind"]
        if keep is not None:
            chosen = self.items.revision_of(row["id"], keep)
            if chosen.content is None:
                raise BadInput(f"revision {chosen.rev_id[:12]} is a deletion; keep a version")
            content = chosen.content
        else:
            if not isinstance(changes, dict):
                raise BadInput("expected a JSON object with the fields to set")
            resolved = self.items.resolve_refs(kind, changes, base=row["data"])
            content = validate(kind, resolved, base=row["data"])
        self.core.write(row["id"], kind, content, list(row["heads"]), "resolve")
        item = q.row_dict(self.conn, row["id"])
        assert item is not None
        return self.items.present(item)

    # -- sync folder ---------------------------------------------------------------
