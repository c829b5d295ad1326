"""What the window asks of the workspace, as plain functions run on the worker thread.

Each returns plain data (no Qt objects, no live cursors) so the result can cross to
the GUI thread safely, and does every lookup there (names, images) so the GUI
thread never needs the database.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from copdesk.workspace import Workspace

NAME_KINDS = ("community", "person", "skill")
HOME_ROWS = 50
MAX_IMAGE = 8 * 1024 * 1024
_ATTACHMENT = re.compile(r"attachment:([0-9a-f]{64})")
_STYLE = re.compile(r"<style>.*?</style>", re.S)
# The printable page's CSS centres a 50em column; a side pane needs tighter spacing.
PANE_CSS = """
body { font-size: 10pt; }
h1 { font-size: x-large; font-weight: 600; margin: 2px 0 8px 0; }
h2 { font-size: 11.5pt; font-weight: 600; margin: 16px 0 4px 0; }
table.meta th { text-align: left; padding: 1px 14px 1px 0; color: #737b87; font-weight: normal; }
table.meta td { padding: 1px 0; }
.priority-red { color: #d64545; } .priority-yellow { color: #c98a00; }
.priority-blue { color: #3b7dd8; } .priority-green { color: #3c9a5f; }
"""


def title_of(row: dict[str, Any]) -> str:
    return str(row.get("title") or row.get("name") or "")


def _names(ws: Workspace, kind: str) -> dict[str, str]:
    return {r["id"]: title_of(r) for r in ws.items.list(kind)}


def list_rows(kind: str) -> Callable[[Workspace], list[dict[str, Any]]]:
    """Rows of a list, with community and author ids replaced by names."""

    def job(ws: Workspace) -> list[dict[str, Any]]:
        rows = ws.items.list(kind)
        communities = _names(ws, "community")
        people = _names(ws, "person")
        for r in rows:
            r["title"] = title_of(r)
            r["community_name"] = communities.get(r.get("community") or "", "")
            r["author_name"] = people.get(r.get("author") or "", "")
        return rows

    return job


def list_items(kind: str) -> Callable[[Workspace], Any]:
    """A list as the table shows it (:class:`PreparedRows`: cells built here, on the worker)."""
    rows_of = list_rows(kind)

    def job(ws: Workspace) -> Any:
        from copdesk.gui.models import COLUMNS, PreparedRows

        if kind not in COLUMNS:
            return rows_of(ws)
        # 100,000 fresh row dicts would trigger full garbage collections of the whole
        # heap, each holding the GIL (the window's too) for over 100 ms; they hold no
        # cycles and die here, by reference counting, before the collector is back on
        with gc_paused():
            return PreparedRows(kind, rows_of(ws))

    return job


@contextmanager
def gc_paused() -> Iterator[None]:
    """No automatic garbage collection within (process-wide: keep it short)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def item_page(item_id: str) -> Callable[[Workspace], dict[str, Any]]:
    """The item rendered to safe HTML, plus the bytes of the attachment images it shows."""

    def job(ws: Workspace) -> dict[str, Any]:
        from copdesk.gui.language import format_date, format_datetime
        from copdesk.render import item_html

        item = ws.items.get(item_id)
        item["updated_at"] = format_datetime(item["updated_at"])  # the user's locale
        for key in ("occurred_on", "review_due"):
            if item.get(key):
                item[key] = format_date(item[key])
        page = _STYLE.sub(lambda _: f"<style>{PANE_CSS}</style>", item_html(item, ws.language), 1)
        images: dict[str, bytes] = {}
        for sha in set(_ATTACHMENT.findall(page)):
            path = ws.blobs.path(sha)
            if ws.blobs.exists(sha) and path.stat().st_size <= MAX_IMAGE:
                images[sha] = path.read_bytes()
        return {"id": item["id"], "kind": item["kind"], "html": page, "images": images}

    return job


def search(query: str, limit: int = 50) -> Callable[[Workspace], dict[str, Any]]:
    """Search results with snippets made safe to show as HTML."""

    def job(ws: Workspace) -> dict[str, Any]:
        from copdesk.render import sanitize

        result = ws.search.query(query, limit=limit)
        for hit in result["hits"]:
            hit["snippet"] = sanitize(hit.get("snippet") or "")
        result["query"] = query
        return result

    return job


def home(
    last_seen: str | None, last_change: int | None = None, limit: int = 12
) -> Callable[[Workspace], dict[str, Any]]:
    """The home lists: what is new since last time (bundles from other sites included,
    whatever their own dates), my drafts, waiting for validation, review due."""

    def job(ws: Workspace) -> dict[str, Any]:
        with gc_paused():  # every row of three kinds: see list_items
            return lists(ws)

    def lists(ws: Workspace) -> dict[str, Any]:
        kinds = ("rex", "howto", "community")
        rows = [r for kind in kinds for r in ws.items.list(kind)]
        for r in rows:
            r["title"] = title_of(r)
        rows.sort(key=lambda r: r["updated_at"], reverse=True)
        me = ws.current_person
        today = ws.today().isoformat()
        if last_change is not None:  # changed here since, imports included
            new = {r["id"] for k in kinds for r in ws.items.list(k, since_change=last_change)}
            recent = [r for r in rows if r["id"] in new]
        else:
            recent = [r for r in rows if last_seen and r["updated_at"] > last_seen]
        result = {
            "change": ws.items.change_marker(),
            "site": ws.site_name,
            "me": ws.items.get(me)["name"] if me else None,
            "recent": (recent or ([] if last_seen else rows))[:limit],
            "recent_since": last_seen if recent else None,
            "drafts": [r for r in rows if r["status"] == "draft" and me and r["author"] == me],
            "proposed": [r for r in rows if r["status"] == "proposed"],
            "review_due": sorted(
                (r for r in rows if r.get("review_due") and r["review_due"] <= today),
                key=lambda r: r["review_due"],
            ),
        }
        # A page of thousands of rows takes seconds to lay out on the GUI thread:
        # show the first HOME_ROWS of each list and say how many there are.
        for key in ("drafts", "proposed", "review_due"):
            result[f"{key}_total"] = len(result[key])
            result[key] = result[key][:HOME_ROWS]
        return result

    return job


def now_iso() -> str:
    """The time format of ``updated_at``, to remember when the user last looked."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")
