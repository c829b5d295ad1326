"""Every write the window makes, and what each one changes (run on the worker).

A write job returns an :class:`~copdesk.gui.change.Outcome`: its result for the
caller, and the :class:`~copdesk.gui.change.Change` it made, which
:meth:`WorkspaceRunner.perform <copdesk.gui.worker.WorkspaceRunner.perform>` announces
to the views. Listing them in one place keeps the Changes honest: a write that forgets
what it touches leaves a view stale, and it is here that one looks. Draft files are
written here too (they are no Change: they never reach the database), so every file
of the workspace is touched by one thread. Reads are in :mod:`copdesk.gui.read_jobs`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from copdesk.errors import BadInput, CopdeskError
from copdesk.gui import drafts
from copdesk.gui.change import Change, Flag, Outcome
from copdesk.model.kinds import LEVELS
from copdesk.workspace import Workspace

Write = Callable[[Workspace], Outcome]
translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


# -- items ----------------------------------------------------------------------------


def save_item(
    kind: str,
    item_id: str | None,
    values: Mapping[str, Any],
    attachments: Sequence[str],
) -> Write:
    """Create or change the item, then attach the files; the draft goes once saved.

    An attachment that fails (file gone meanwhile) does not undo the saved text:
    its error is returned with the item so the editor can say which file.
    """

    def job(ws: Workspace) -> Outcome:
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
        kinds = {kind, "attachment"} if attachments else {kind}
        return Outcome(
            {"item": ws.items.get(item["id"]), "failed": failed},
            Change.of(kinds, [item["id"]]),
        )

    return job


def set_status(item_id: str, status: str, comment: str | None = None) -> Write:
    """Move an item in the validation workflow; a comment says why (sent back…)."""

    def job(ws: Workspace) -> Outcome:
        if comment:
            ws.items.comment(item_id, comment)
        item = ws.items.edit(item_id, {"status": status})
        kinds = {item["kind"], "comment"} if comment else {item["kind"]}
        return Outcome(
            {"id": item["id"], "kind": item["kind"], "status": item["status"]},
            Change.of(kinds, [item["id"]]),
        )

    return job


def restore(item_id: str, rev_id: str) -> Write:
    """Make an older revision the item's content again (a new revision)."""

    def job(ws: Workspace) -> Outcome:
        item = ws.items.restore(item_id, rev_id)
        return Outcome(item["id"], Change.of([item["kind"]], [item["id"]]))

    return job


def rate(person: str, skill: str, values: Mapping[str, Any]) -> Write:
    """Record an assessment (never overwriting the previous one); BadInput if refused."""

    def job(ws: Workspace) -> Outcome:
        if values["level"] not in LEVELS:
            raise BadInput(translate("RatingDialog", "Unknown level."))
        rating = ws.people.rate(
            person, skill, values["level"], **{k: values[k] for k in values if k != "level"}
        )
        return Outcome(rating, Change.of(["rating"], [person, skill, rating.get("id")]))

    return job


def resolve_conflict(
    item_id: str, *, keep: str | None = None, changes: Mapping[str, Any] | None = None
) -> Write:
    """Keep one version whole, or set fields over the shown one: one merge revision."""

    def job(ws: Workspace) -> Outcome:
        fields = dict(changes) if changes is not None else None
        item = ws.conflicts.resolve(item_id, keep=keep, changes=fields)
        return Outcome(item, Change.of([item["kind"]], [item["id"]], [Flag.CONFLICTS]))

    return job


# -- questions and answers on a community page ------------------------------------------


def ask(community: str, title: str, body: str = "") -> Write:
    """Ask the community; the result is the community, whose page shows the question."""

    def job(ws: Workspace) -> Outcome:
        question = ws.qa.ask(community, title, body)
        return Outcome(community, Change.of(["question"], [community, question["id"]]))

    return job


def answer(question: str, text: str) -> Write:
    def job(ws: Workspace) -> Outcome:
        given = ws.qa.answer(question, text)
        community = ws.items.get(question).get("community")
        return Outcome(
            str(community or question),
            Change.of(["answer", "question"], [question, community, given["id"]]),
        )

    return job


def accept(question: str, answer_id: str) -> Write:
    def job(ws: Workspace) -> Outcome:
        ws.qa.accept(question, answer_id)
        community = ws.items.get(question).get("community")
        return Outcome(
            str(community or question),
            Change.of(["question", "answer"], [question, community, answer_id]),
        )

    return job


def promote(answer_id: str) -> Write:
    """Turn an answer into a know-how sheet; the result is the new sheet's id."""

    def job(ws: Workspace) -> Outcome:
        sheet = ws.qa.promote(answer_id, "howto")
        return Outcome(str(sheet["id"]), Change.of(["howto", "answer"], [sheet["id"], answer_id]))

    return job


# -- this computer, this site -----------------------------------------------------------


def use_person(person: str | None) -> Write:
    """Make ``person`` (None: nobody) the author of what is written next on this computer."""

    def job(ws: Workspace) -> Outcome:
        ws.use(person or None)
        return Outcome(ws.current_person, Change.of(flags=[Flag.WRITER]))

    return job


def trust_site(site_id: str, key: str, name: str | None = None) -> Write:
    return lambda ws: Outcome(ws.sites.trust(site_id, key, name), Change.of(flags=[Flag.ROSTER]))


def trust_bundle(path: str | Path) -> Write:
    """Trust the site that signed a bundle (after comparing its fingerprint)."""
    return lambda ws: Outcome(ws.sites.trust_bundle(path), Change.of(flags=[Flag.ROSTER]))


def untrust(site_id: str) -> Write:
    return lambda ws: Outcome(ws.sites.untrust(site_id), Change.of(flags=[Flag.ROSTER]))


def catch_up_index() -> Write:
    """After a killed import or sync: index what was committed before the kill."""
    return lambda ws: Outcome(ws.search.index.catch_up(), Change.everything())


# -- drafts (files of the workspace folder, not the database) ---------------------------


def save_draft(key: str, draft: dict[str, Any]) -> Callable[[Workspace], str]:
    return lambda ws: str(drafts.save(ws.path, key, draft))


def discard_draft(key: str) -> Callable[[Workspace], None]:
    return lambda ws: drafts.discard(ws.path, key)


def add_documents(paths: Sequence[str]) -> Write:
    """One document per file (files dropped on the Documents view); a refused file (empty,
    too large) is returned with its reason and does not stop the others."""

    def job(ws: Workspace) -> Outcome:
        added, refused = [], []
        for path in paths:
            try:
                added.append(ws.documents.add([path])["id"])
            except CopdeskError as exc:
                refused.append((path, str(exc)))
        change = Change.of(["document", "attachment"], added) if added else Change()
        return Outcome({"added": added, "refused": refused}, change)

    return job
