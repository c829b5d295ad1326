"""What the window reads from the workspace, as plain functions run on the worker thread.

Each returns plain data (no Qt objects, no live cursors) so the result can cross to
the GUI thread safely, and does every lookup there (names, images) so the GUI
thread never needs the database. Writes are in :mod:`copdesk.gui.write_jobs`.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from copdesk.gui import drafts
from copdesk.gui.labels import ui_language
from copdesk.gui.language import shown_date
from copdesk.gui.models import COLUMNS, PreparedRows
from copdesk.model.kinds import KINDS, REF, REFS
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


def blob_images(ws: Workspace, shas: Iterable[str]) -> dict[str, bytes]:
    """The bytes of the attachments ``shas`` this workspace holds, for pages to show
    (the one way pages get images: an image too big is left out, not read)."""
    images: dict[str, bytes] = {}
    for sha in set(shas):
        if ws.blobs.exists(sha):
            path = ws.blobs.path(sha)
            if path.stat().st_size <= MAX_IMAGE:
                images[sha] = path.read_bytes()
    return images


def _names(ws: Workspace, kind: str) -> dict[str, str]:
    return {r["id"]: title_of(r) for r in ws.items.list(kind)}


def list_rows(kind: str, deleted: bool = False) -> Callable[[Workspace], list[dict[str, Any]]]:
    """Rows of a list, with community and author ids replaced by names (``deleted``:
    the deleted items instead, as ``copdesk list --deleted``)."""

    def job(ws: Workspace) -> list[dict[str, Any]]:
        rows = ws.items.list(kind, deleted=deleted)
        communities = _names(ws, "community")
        people = _names(ws, "person")
        for r in rows:
            r["title"] = title_of(r)
            r["community_name"] = communities.get(r.get("community") or "", "")
            r["author_name"] = people.get(r.get("author") or "", "")
        return rows

    return job


def list_items(kind: str, deleted: bool = False) -> Callable[[Workspace], Any]:
    """A list as the table shows it (:class:`PreparedRows`: cells built here, on the worker)."""
    rows_of = list_rows(kind, deleted)

    def job(ws: Workspace) -> Any:
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


def item_page(item_id: str, language: str | None = None) -> Callable[[Workspace], dict[str, Any]]:
    """The item rendered to safe HTML in the interface's language (``language``: the one
    installed when the job is made), its dates in the user's locale, plus the bytes of
    the attachment images it shows."""
    language = language or ui_language()

    def job(ws: Workspace) -> dict[str, Any]:
        from copdesk.render import item_html  # Markdown and nh3: loaded once the window is up

        item = ws.items.get(item_id)
        page = item_html(item, language, dates=shown_date)
        page = _STYLE.sub(lambda _: f"<style>{PANE_CSS}</style>", page, 1)
        images = blob_images(ws, _ATTACHMENT.findall(page))
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
        kinds = ("rex", "howto", "document", "community")
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


# -- the editors ---------------------------------------------------------------------


def _choices(ws: Workspace, kind: str) -> list[tuple[str, str]]:
    rows = [(r["id"], title_of(r)) for r in ws.items.list(kind)]
    return sorted(rows, key=lambda r: r[1].casefold())


def load_editor(kind: str, item_id: str | None) -> Callable[[Workspace], dict[str, Any]]:
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


def recovered_drafts(ws: Workspace) -> list[dict[str, Any]]:
    """The drafts kept in the workspace whose item still exists (or is new)."""
    out = []
    for draft in drafts.saved(ws.path):
        if draft["kind"] not in KINDS:
            continue
        if draft["item_id"]:
            try:
                item = ws.items.get(draft["item_id"])
            except Exception:  # deleted or unknown since: nothing to restore it into
                continue
            draft["title"] = draft["title"] or title_of(item)
        out.append(draft)
    return out


def item_state(item_id: str) -> Callable[[Workspace], dict[str, Any]]:
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


def people() -> Callable[[Workspace], dict[str, Any]]:
    """Everyone who can write here, and who writes now (the "Writing as" switch)."""

    def job(ws: Workspace) -> dict[str, Any]:
        rows = sorted(
            ((p["id"], p["name"]) for p in ws.items.list("person")), key=lambda p: p[1].casefold()
        )
        return {"people": rows, "current": ws.current_person}

    return job


def exchange_overview(ws: Workspace) -> dict[str, Any]:
    """Everything the Exchange view shows, gathered in one go."""
    return {
        "identity": ws.sites.identity(),
        "sites": [s for s in ws.sites.list() if not s["self"]],
        "communities": [(c["id"], c["name"]) for c in ws.items.list("community")],
        "sync_folder": ws.sync.sync_folder_setting(),
        "conflicts": len(ws.conflicts.list()),
    }


# -- the tasks of the window (items, people, this site) --------------------------------

LINKABLE = ("community", "rex", "howto", "question", "person", "skill")  # ws.items.link
MARKABLE = ("rex", "howto", "question")  # "helped" / "applied" (answers: on their question)
WORKFLOW = ("rex", "howto")  # propose, validate, send back, obsolete


def _refusal(ws: Workspace, action: str, community: str | None, author: str | None) -> str:
    """The core's sentence refusing ``action`` to the person writing ("" if allowed)."""
    perms = ws.permissions
    if perms.may(action, community=community, author=author):
        return ""
    return perms.refusal(action, community, ws.actor)


def _delete_action(item: dict[str, Any]) -> str:
    """The rule a deletion of ``item`` asks for (as ``Permissions.check_change``)."""
    if item["kind"] in ("person", "skill"):
        return "catalogue"
    if item["kind"] in ("comment", "answer") or (item.get("status") or "draft") == "draft":
        return "delete_draft"
    return "delete"


def item_tasks(item_id: str) -> Callable[[Workspace], dict[str, Any]]:
    """What the window offers on an item: its status and sign-off, its links, my marks,
    and for each privileged action the core's refusal ("" when the person writing may)."""

    def job(ws: Workspace) -> dict[str, Any]:
        from copdesk.errors import ItemDeleted

        try:
            item = ws.items.get(item_id)
        except ItemDeleted:
            row = ws.items.history(item_id)
            kind = ws.items.revision(row[-1]["rev_id"])["kind"]
            return {"id": ws.resolve(item_id), "kind": kind, "deleted": True, "title": ""}
        kind, me = item["kind"], ws.current_person
        community = item["id"] if kind == "community" else item.get("community")
        author = item.get("author")
        refused = {
            "delete": _refusal(ws, _delete_action(item), community, author),
            "members": _refusal(ws, "manage_members", community, None)
            if kind == "community"
            else "",
        }
        if kind in WORKFLOW:
            for action in ("propose", "validate", "send_back", "obsolete"):
                refused[action] = _refusal(ws, action, community, author)
        marks = item.get("marks") or []
        return {
            "id": item["id"],
            "kind": kind,
            "title": title_of(item),
            "deleted": False,
            "status": item.get("status"),
            "author": author,
            "community": community,
            "signoff": item.get("signoff"),
            "me": me,
            "refused": refused,
            "links": [{**link, "way": "to"} for link in item.get("links") or []]
            + [{**link, "way": "from"} for link in item.get("backlinks") or []],
            "files": [{"id": f["id"], "name": f["name"]} for f in ws.documents.files(item_id)],
            "my_marks": sorted({m["type"] for m in marks if me and m.get("person") == me}),
            "member": me is not None
            and kind == "community"
            and any(m["person"] == me for m in item.get("members") or []),
        }

    return job


def standing(ws: Workspace) -> dict[str, Any]:
    """Whether this workspace may be written: read-only, a copy that must decide, a
    restore just found, a database that failed its check."""
    state = ws.sites.state()
    return {
        "read_only": ws.read_only,
        "state": state["state"],
        "reason": state.get("reason"),
        "message": state.get("message"),
        "damaged": ws.core.db.damaged_marker.exists(),
        "site_name": ws.site_name,
    }


def site_settings(ws: Workspace) -> dict[str, Any]:
    """The Site settings dialog: standing and keys, counts, administrators, people with
    or without a PIN, and whom this computer's login is tied to."""
    perms = ws.permissions
    people = sorted(
        ((p["id"], p["name"], perms.has_pin(p["id"])) for p in ws.items.list("person")),
        key=lambda p: p[1].casefold(),
    )
    tied = perms.login_person()
    return {
        "state": ws.sites.state(),
        "summary": ws.summary(),
        "admins": [(p, ws.core.name(p) or p) for p in perms.admins()],
        "people": people,
        "login": perms.os_login(),
        "tied": tied,
        "me": ws.current_person,
        "proof_minutes": perms.proof_minutes,
    }


def person_pin(person: str | None) -> Callable[[Workspace], dict[str, Any]]:
    """Whose PIN (None: the person writing), whether they have one, whether it is mine."""

    def job(ws: Workspace) -> dict[str, Any]:
        pid = ws.resolve(person, "person") if person else ws.current_person
        if pid is None:
            return {"person": None, "name": "", "has_pin": False, "mine": False}
        return {
            "person": pid,
            "name": ws.core.name(pid) or pid,
            "has_pin": ws.permissions.has_pin(pid),
            "mine": pid == ws.current_person,
        }

    return job


def memberships(scope: str) -> Callable[[Workspace], dict[str, Any]]:
    """The members of a community, or the communities of a person, with their roles,
    and who or what can be added (people, or communities)."""

    def job(ws: Workspace) -> dict[str, Any]:
        item = ws.items.get(scope)
        if item["kind"] == "community":
            rows = [
                {"person": m["person"], "community": item["id"], "name": m["name"] or "",
                 "role": m["role"], "since": m.get("since") or ""}
                for m in ws.people.members(item["id"])
            ]  # fmt: skip
            choices = _choices(ws, "person")
        else:
            rows = [
                {"person": item["id"], "community": m["community"],
                 "name": m["community_name"] or "", "role": m["role"], "since": m["since"] or ""}
                for m in ws.people.profile(item["id"])["memberships"]
            ]  # fmt: skip
            choices = _choices(ws, "community")
        return {
            "id": item["id"],
            "kind": item["kind"],
            "title": title_of(item),
            "rows": rows,
            "choices": choices,
            "me": ws.current_person,
        }

    return job


def similar(
    item_id: str | None,
    title: str,
    body: str,
    kinds: tuple[str, ...] = ("rex", "howto", "question"),
    *,
    answered: bool = False,
) -> Callable[[Workspace], dict[str, Any]]:
    """The 5 items most like what is being typed ("already known?"); ``answered``: only
    questions with an accepted answer (before asking one again)."""

    def job(ws: Workspace) -> dict[str, Any]:
        from copdesk.render import sanitize

        result = ws.search.similar(
            item_id, title=title, body=body, kinds=kinds, limit=15 if answered else 5
        )
        hits = result["hits"]
        if answered:
            hits = [h for h in hits if ws.items.get(h["id"]).get("accepted")][:5]
        for hit in hits:
            hit["snippet"] = sanitize(hit.get("snippet") or "")
        return {"hits": hits, "took_ms": result["took_ms"], "title": title, "body": body}

    return job


def link_targets(query: str, exclude: str) -> Callable[[Workspace], list[dict[str, Any]]]:
    """Items a link can point to, found by searching (the item itself left out)."""

    def job(ws: Workspace) -> list[dict[str, Any]]:
        result = ws.search.query(query, limit=30)
        return [
            {"id": h["id"], "kind": h["kind"], "title": h.get("title") or ""}
            for h in result["hits"]
            if h["kind"] in LINKABLE and h["id"] != exclude
        ][:20]

    return job


def questions(community: str | None, open_only: bool) -> Callable[[Workspace], dict[str, Any]]:
    """The Questions list: questions (newest first) with their community and asker."""

    def job(ws: Workspace) -> dict[str, Any]:
        communities = _names(ws, "community")
        people = _names(ws, "person")
        rows = ws.qa.questions(community or None, open_only=open_only)
        for r in rows:
            r["community_name"] = communities.get(r.get("community") or "", "")
            r["author_name"] = people.get(r.get("author") or "", "")
        return {"rows": rows, "communities": _choices(ws, "community"), "me": ws.current_person}

    return job


def site_state(ws: Workspace) -> dict[str, Any]:
    return ws.sites.state()


def bundle_signer(path: str) -> Callable[[Workspace], dict[str, str]]:
    """Who signed a bundle (its signature checked), to compare the fingerprint first."""
    return lambda ws: ws.sites.bundle_signer(path)


def communities(ws: Workspace) -> list[tuple[str, str]]:
    return _choices(ws, "community")


def who_knows(query: str) -> Callable[[Workspace], dict[str, Any]]:
    return lambda ws: {**ws.search.who_knows(query), "query": query}


def glossary(ws: Workspace) -> list[list[str]]:
    return ws.search.glossary()
