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
    """Move an item in the validation workflow (validating again an item changed since
    its validation); a comment says why (sent back, obsolete), in the same transaction,
    so a refusal writes neither."""

    def job(ws: Workspace) -> Outcome:
        item = ws.items.set_status(item_id, status, comment=comment)
        kinds = {item["kind"], "comment"} if comment else {item["kind"]}
        return Outcome(
            {"id": item["id"], "kind": item["kind"], "status": item["status"]},
            Change.of(kinds, [item["id"]]),
        )

    return job


def delete_item(item_id: str) -> Write:
    """A tombstone: the item leaves its list, its history stays (restore from there)."""

    def job(ws: Workspace) -> Outcome:
        gone = ws.items.delete(item_id)
        return Outcome(gone, Change.of([gone["kind"]], [gone["id"]]))

    return job


def comment(item_id: str, text: str) -> Write:
    def job(ws: Workspace) -> Outcome:
        given = ws.items.comment(item_id, text)
        return Outcome(given, Change.of(["comment"], [item_id]))

    return job


def link(source: str, target: str, type: str = "related") -> Write:
    """Link two items (linking twice changes nothing); both pages show it."""

    def job(ws: Workspace) -> Outcome:
        made = ws.items.link(source, target, type)
        return Outcome(made, Change.of(["link"], [made["source"], made["target"]]))

    return job


def unlink(link_id: str) -> Write:
    """Remove a link (a link is an item: its deletion keeps its history)."""

    def job(ws: Workspace) -> Outcome:
        row = ws.items.get(link_id)
        gone = ws.items.delete(link_id)
        return Outcome(gone, Change.of(["link"], [row["source"], row["target"]]))

    return job


def mark(item_id: str, type: str, note: str | None = None) -> Write:
    """Say the item helped you, or was applied here, with a note (once per person and type)."""

    def job(ws: Workspace) -> Outcome:
        made = ws.qa.mark(item_id, type, note or None)
        return Outcome(made, Change.of(["mark"], [item_id]))

    return job


def attach(item_id: str, paths: Sequence[str]) -> Write:
    """Attach files to an item; each file stored once by its content."""

    def job(ws: Workspace) -> Outcome:
        made = [ws.items.attach(item_id, path) for path in paths]
        return Outcome(made, Change.of(["attachment"], [item_id]))

    return job


def replace_file(item_id: str, path: str, attachment: str, version: str = "") -> Write:
    """A new version of one of an item's files; a document's new version with it."""

    def job(ws: Workspace) -> Outcome:
        changes = {"version": version} if version else None
        item = ws.documents.replace(item_id, path, attachment=attachment, changes=changes)
        return Outcome(item, Change.of(["attachment", item["kind"]], [item["id"]]))

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


def promote(answer_id: str, kind: str = "howto") -> Write:
    """Turn an answer into a know-how sheet (or a report); the result is the new item's id."""

    def job(ws: Workspace) -> Outcome:
        made = ws.qa.promote(answer_id, kind)
        return Outcome(
            str(made["id"]), Change.of([kind, "answer", "link"], [made["id"], answer_id])
        )

    return job


def ask_question(
    community: str | None, title: str, body: str = "", tags: Sequence[str] = ()
) -> Write:
    """Ask from anywhere (a community, or the whole site); the result is the question's id."""

    def job(ws: Workspace) -> Outcome:
        question = ws.qa.ask(community or None, title, body, list(tags))
        return Outcome(str(question["id"]), Change.of(["question"], [community, question["id"]]))

    return job


# -- people: memberships and roles, PINs, administrators ----------------------------------


def member(community: str, person: str, role: str, *, remove: bool = False) -> Write:
    """Give a role, change it, or remove the person (a community keeps one animator)."""

    def job(ws: Workspace) -> Outcome:
        done = ws.people.member(community, person, role, remove=remove)
        return Outcome(
            done, Change.of(["membership"], [done["community"], done["person"], done["id"]])
        )

    return job


def set_pin(person: str, pin: str | None) -> Write:
    """Set (None: remove) a PIN: one's own, or anyone's for an administrator."""
    return lambda ws: Outcome(ws.permissions.set_pin(person, pin), Change.of(flags=[Flag.SECURITY]))


def prove(person: str, pin: str) -> Write:
    """Check the PIN of ``person``; remembered for ``proof_minutes`` by this window."""
    return lambda ws: Outcome(ws.permissions.prove(person, pin))


def forget_proofs() -> Write:
    """Lock: the next privileged action asks the PIN again."""
    return lambda ws: Outcome(ws.permissions.forget_proofs())


def proof_minutes(minutes: int) -> Write:
    """How long a proven PIN is remembered by this window (a setting of this computer)."""

    def job(ws: Workspace) -> Outcome:
        ws.permissions.proof_minutes = max(1, int(minutes))  # it must outlive the retry
        return Outcome(ws.permissions.proof_minutes)

    return job


def admin(person: str, *, remove: bool = False) -> Write:
    """Name (or remove) a site administrator; the result is the administrators' ids."""

    def job(ws: Workspace) -> Outcome:
        admins = (
            ws.permissions.revoke_admin(person) if remove else ws.permissions.grant_admin(person)
        )
        return Outcome(admins, Change.of(flags=[Flag.SECURITY]))

    return job


def tie_login(person: str | None) -> Write:
    """Tie this computer's login to ``person`` (None: untie): never asked their PIN here."""
    return lambda ws: Outcome(ws.permissions.tie_login(person), Change.of(flags=[Flag.SECURITY]))


# -- this computer, this site -----------------------------------------------------------


def use_person(person: str | None) -> Write:
    """Make ``person`` (None: nobody) the author of what is written next on this computer."""

    def job(ws: Workspace) -> Outcome:
        ws.use(person or None)
        return Outcome(ws.current_person, Change.of(flags=[Flag.WRITER]))

    return job


def introduce(name: str, job_title: str = "") -> Write:
    """The person at this computer, new to the workspace: added and made the writer
    (the first person of a site is its administrator)."""

    def job(ws: Workspace) -> Outcome:
        values = {"name": name, "site": ws.site_name}
        if job_title:
            values["job_title"] = job_title
        person = ws.items.add("person", values)
        ws.use(person["id"])
        return Outcome(person, Change.of(["person"], [person["id"]], [Flag.WRITER]))

    return job


def rename_site(name: str) -> Write:
    """This site's new name (other sites learn it from the next bundle)."""
    return lambda ws: Outcome(ws.sites.rename(name), Change.of(flags=[Flag.ROSTER]))


def trust_site(site_id: str, key: str, name: str | None = None) -> Write:
    return lambda ws: Outcome(ws.sites.trust(site_id, key, name), Change.of(flags=[Flag.ROSTER]))


def trust_bundle(path: str | Path, fingerprint: str | None = None) -> Write:
    """Trust the site that signed a bundle, once its fingerprint was compared: the
    ``fingerprint`` shown must still be the bundle's (refused otherwise)."""
    return lambda ws: Outcome(
        ws.sites.trust_bundle(path, fingerprint), Change.of(flags=[Flag.ROSTER])
    )


def untrust(site_id: str) -> Write:
    return lambda ws: Outcome(ws.sites.untrust(site_id), Change.of(flags=[Flag.ROSTER]))


def site_decision(action: str, name: str = "", key: str = "") -> Write:
    """A decision about this site (``copdesk site ACTION``): a copy becomes a new site
    (``split``, with its name), stays ``read-only`` or is the site ``moved``; its key is
    rotated, replaced when lost, or an old one revoked. The result is the new state."""

    def job(ws: Workspace) -> Outcome:
        sites = ws.sites
        run = {
            "split": lambda: sites.become_new_site(name),
            "read-only": sites.keep_read_only,
            "moved": sites.claim_moved,
            "rotate-key": sites.rotate_key,
            "replace-lost-key": sites.replace_lost_key,
            "revoke-key": lambda: sites.revoke_key(key),
        }[action]
        run()
        return Outcome(sites.state(), Change.of(flags=[Flag.ROSTER, Flag.SECURITY]))

    return job


def glossary(terms: Sequence[str] = (), *, remove: str | None = None) -> Write:
    """Add a group of equivalent terms, or remove one term; searches use it at once."""

    def job(ws: Workspace) -> Outcome:
        if remove is not None:
            ws.search.glossary_remove(remove)
        else:
            ws.search.glossary_add(list(terms))
        return Outcome(ws.search.glossary(), Change.of(flags=[Flag.SETTINGS]))

    return job


CATCH_UP_STEP = 0.5  # seconds of indexing per worker job: views' reads run in between


def catch_up_index() -> Write:
    """After a killed import or sync: one bounded step of indexing what was committed
    before the kill (``{"lag": left, "busy": …}``); :func:`catch_up_steps` repeats it,
    so the worker never spends tens of seconds on it while the views wait."""
    return lambda ws: Outcome(
        ws.search.catch_up(budget=CATCH_UP_STEP), Change.of(flags=[Flag.INDEX])
    )


def catch_up_steps(perform: Callable[..., Any]) -> None:
    """Queue steps of :func:`catch_up_index` with ``perform`` (a view's
    ``loads.perform``) until the index has caught up or another process is at it."""

    def again(result: dict[str, Any]) -> None:
        if result.get("lag") and not result.get("busy") and result.get("documents"):
            perform(catch_up_index(), again)

    perform(catch_up_index(), again)


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
