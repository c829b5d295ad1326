"""``ws.documents``: documents (procedures, manuals, standards, FMEA tables) and the text
of every stored file, so that search finds what they say.

A document is an item of kind ``document``; its files are its attachments, so they
travel in bundles and keep their history like any attachment (replacing a file is a
new revision of that attachment: the old file stays in the history). The text of each
file is read in a child process (:mod:`copdesk.documents.runner`) and kept per blob
(:mod:`copdesk.store.extracts`): local to this site, never in a bundle.

Files are read when they arrive: after each commit that added attachments (a document
added, a file attached to a report, a bundle imported), unless this process runs the
window, whose worker must never wait for a child: there the window runs
``copdesk extract`` as a child process after such writes.
"""

from __future__ import annotations

import difflib
import mimetypes
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput
from copdesk.items import Items
from copdesk.model.validate import validate
from copdesk.permissions import Permissions
from copdesk.store import extracts
from copdesk.store import items as q
from copdesk.store import revisions as revs
from copdesk.store.blobs import MAX_BLOB
from copdesk.store.files import regular_file, stored_name

Progress = Callable[[int, int], None]
MAX_DIFF_LINES = 2_000
_SNIFF = 1024


def _needs_reader(path: Path) -> bool:
    """Whether a file may hold text (a PDF, a zip container, text); a photo does not,
    and is recorded without starting a child."""
    with open(path, "rb") as f:
        head = f.read(_SNIFF)
    if not head or b"%PDF-" in head or head.startswith(b"PK\x03\x04"):
        return True
    return b"\x00" not in head


def file_checked(file: str | os.PathLike[str]) -> tuple[Path, int]:
    """A file that may be stored as a document's file: regular, not empty, within the
    size limit (refused in one line before anything is written)."""
    path = regular_file(file, "a file to store")
    size = path.stat().st_size
    if size == 0:
        raise BadInput(f"{path.name} is empty (0 bytes): nothing to store")
    if size > MAX_BLOB:
        raise BadInput(
            f"{path.name} is {size / (1024 * 1024):.0f} MiB: files over "
            f"{MAX_BLOB // (1024 * 1024)} MiB are refused"
        )
    return path, size


def title_from(name: str) -> str:
    """A title from a file name: 'Manuel_presse-P12.pdf' -> 'Manuel presse P12'."""
    stem = Path(name).stem if "." in name.strip(".") else name
    words = stem.replace("_", " ").replace("-", " ").split()
    return " ".join(words) or name


class Documents:
    """Documents and the text of stored files (``ws.documents``)."""

    def __init__(self, core: Core, items: Items, permissions: Permissions) -> None:
        self.core = core
        self.items = items
        self.permissions = permissions
        self.conn = core.conn
        # False in the window: its worker never waits for a child (the window runs
        # `copdesk extract` as a child process after writes that added files)
        self.auto = True
        self._seen = core.change_marker()
        self._reading = False
        core.on_commit(self._read_new)

    # -- documents -------------------------------------------------------------------

    def add(
        self,
        files: Sequence[str | os.PathLike[str]],
        data: dict[str, Any] | None = None,
        *,
        names: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """A new document holding ``files`` (one or more); ``data``: its fields (title
        from the first file's name when not given). Every file is checked first: a
        refusal writes nothing. Returns the document with its files."""
        if not files:
            raise BadInput("give at least one file")
        checked = [file_checked(f) for f in files]
        shown = [
            stored_name(names[i] if names and i < len(names) else p.name)
            for i, (p, _) in enumerate(checked)
        ]
        fields = dict(data or {})
        if not str(fields.get("title") or "").strip():
            fields["title"] = title_from(shown[0])
        with self.core.db.write():
            doc = self.items.add("document", fields)
            for (path, _), name in zip(checked, shown, strict=True):
                self.items.attach(doc["id"], path, name)
        return self.get(doc["id"])

    def get(self, ref: str) -> dict[str, Any]:
        """An item as ``ws.items.get`` shows it, with its files and what was read of them."""
        item = self.items.get(ref)
        item["files"] = self.files(item["id"])
        return item

    def list(
        self,
        *,
        community: str | None = None,
        status: str | None = None,
        tag: str | None = None,
        file_type: str | None = None,
    ) -> list[dict[str, Any]]:
        """Documents, most recently updated first, each with its files' names, formats,
        pages and the first note on what could not be read."""
        rows = self.items.list("document", community=community, status=status, tag=tag)
        files = extracts.attachments_of(self.conn, [r["id"] for r in rows])
        known = extracts.info(self.conn, [a["sha256"] for fs in files.values() for a in fs])
        out = []
        for row in rows:
            mine = files.get(row["id"], [])
            infos = [known.get(a["sha256"]) for a in mine]
            formats = sorted({i["format"] for i in infos if i})
            if file_type and file_type.lower() not in formats:
                continue
            notes = [
                {"note": i["note"], "facts": i["facts"]}
                for i in infos
                if i and i["note"] and i["status"] != "ok"
            ]
            out.append(
                {
                    **row,
                    "files": [a["name"] for a in mine],
                    "formats": formats,
                    "pages": sum(i["pages"] or 0 for i in infos if i),
                    "unread": sum(1 for i in infos if i is None),
                    "note": notes[0] if notes else None,
                }
            )
        return out

    def files(self, ref: str) -> list[dict[str, Any]]:
        """The live files of any item (a document, a report, a sheet) with what was read
        of each: format, status (ok, partial, empty, failed, none, pending), note, pages."""
        item_id = self.core.resolve(ref)
        mine = extracts.attachments_of(self.conn, [item_id]).get(item_id, [])
        known = extracts.info(self.conn, [a["sha256"] for a in mine])
        out = []
        for a in mine:
            info = known.get(a["sha256"])
            if info is None:
                status = "pending" if self.core.blobs.exists(a["sha256"]) else "missing"
                info = {
                    "format": None,
                    "status": status,
                    "note": "extract.pending" if status == "pending" else "extract.missing",
                    "facts": {},
                    "pages": None,
                    "chars": 0,
                }
            out.append(
                {
                    "id": a["id"],
                    "name": a["name"],
                    "sha256": a["sha256"],
                    "size": a["size"],
                    "media_type": a.get("media_type"),
                    **{k: info[k] for k in ("format", "status", "note", "facts", "pages", "chars")},
                }
            )
        return out

    def replace(
        self,
        ref: str,
        file: str | os.PathLike[str],
        *,
        attachment: str | None = None,
        name: str | None = None,
        changes: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """A new version of one of a document's files (the only one, or ``attachment``):
        a new revision of that attachment, so the old file stays in its history; the
        document's fields in ``changes`` (its version, its revision date) change in the
        same transaction."""
        path, _size = file_checked(file)
        with self.core.db.write():
            doc = self.core.row(ref)
            mine = q.referrers(self.conn, doc["id"], "attachment")
            if attachment:
                target = self.core.resolve(attachment, "attachment")
                chosen = [a for a in mine if a["id"] == target]
            else:
                chosen = mine
            if len(chosen) != 1:
                raise BadInput(
                    f"{doc['title']!r} has {len(mine)} files: say which one with --file-id"
                    if mine
                    else f"{doc['title']!r} has no file to replace: attach one"
                )
            old = chosen[0]
            if doc["created_by"] != self.core.actor:
                self.permissions.require(
                    "edit_other",
                    community=self.permissions.community_of(doc),
                    author=doc["created_by"],
                )
            new_name = stored_name(name or path.name)
            sha, size = self.core.blobs.put_file(path)
            content = validate(
                "attachment",
                {
                    "target": doc["id"],
                    "name": new_name,
                    "sha256": sha,
                    "size": size,
                    "media_type": mimetypes.guess_type(new_name)[0] or "application/octet-stream",
                },
            )
            if content != old["data"]:
                self.conn.execute(
                    "INSERT OR IGNORE INTO blobs (sha256, size, added_at) VALUES (?, ?, ?)",
                    (sha, size, self.core.now()),
                )
                self.core.write(old["id"], "attachment", content, [old["head"]], "edit")
            if changes:
                self.items.edit(doc["id"], changes)
        return self.get(doc["id"])

    def versions(self, ref: str) -> list[dict[str, Any]]:
        """Every version of every file of an item, oldest first: {attachment, rev_id,
        at, author, name, sha256, size, deleted, format, status}."""
        item_id = self.core.resolve(ref)
        rows = self.conn.execute(
            "SELECT item_id FROM refs WHERE target = ? AND field = 'target'", (item_id,)
        ).fetchall()
        out = []
        for (att,) in rows:
            for rev, generation in revs.revisions_of(self.conn, att):
                if rev.kind != "attachment":
                    continue
                content = rev.content or {}
                out.append(
                    {
                        "attachment": att,
                        "rev_id": rev.rev_id,
                        "generation": generation,
                        "at": rev.at,
                        "author": rev.author,
                        "author_name": self.core.name(rev.author),
                        "name": content.get("name"),
                        "sha256": content.get("sha256"),
                        "size": content.get("size"),
                        "deleted": rev.deleted,
                    }
                )
        known = extracts.info(self.conn, [v["sha256"] for v in out if v["sha256"]])
        for v in out:
            info = known.get(v["sha256"] or "")
            v["format"] = info["format"] if info else None
            v["status"] = info["status"] if info else None
        return sorted(out, key=lambda v: (v["at"], v["attachment"], v["generation"]))

    def diff(self, old_sha: str, new_sha: str, *, context: int = 2) -> list[str]:
        """The unified diff of two files' extracted text (by SHA-256 or a unique prefix
        of 8+), as lines; read first if needed."""
        old, new = self._blob(old_sha), self._blob(new_sha)
        self.read([old, new])
        a = extracts.text(self.conn, old).splitlines()
        b = extracts.text(self.conn, new).splitlines()
        lines = [
            line.rstrip("\n")
            for line in difflib.unified_diff(a, b, old[:12], new[:12], n=context, lineterm="")
        ]
        if len(lines) > MAX_DIFF_LINES:
            lines = [*lines[:MAX_DIFF_LINES], f"… {len(lines) - MAX_DIFF_LINES} more lines"]
        return lines

    def _blob(self, ref: str) -> str:
        ref = ref.strip().lower()
        if len(ref) == 64:
            found = [ref] if self.core.blobs.exists(ref) else []
        elif len(ref) >= 8:
            found = [
                s
                for (s,) in self.conn.execute(
                    "SELECT sha256 FROM blobs WHERE sha256 LIKE ?", (ref + "%",)
                )
            ]
        else:
            found = []
        if len(found) != 1:
            raise BadInput(f"{'several files' if found else 'no file'} match {ref!r}")
        return found[0]

    # -- reading files ---------------------------------------------------------------

    def pending(self) -> int:
        """Files not read yet (or read by an older version of the readers)."""
        from copdesk.documents.reading import EXTRACTOR

        return len(extracts.wanted(self.conn, EXTRACTOR))

    def read(
        self,
        shas: Sequence[str] | None = None,
        *,
        every: bool = False,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """Read the files not read yet (``shas``: those, if not read yet; ``every``: all
        of them again). Each file is read in a child process with a time and memory
        limit and saved in its own transaction, so a stop keeps what was read."""
        from copdesk.documents.reading import EXTRACTOR
        from copdesk.documents.runner import Extractor

        if every:
            todo = extracts.wanted(self.conn, EXTRACTOR, every=True)
        else:
            waiting = set(extracts.wanted(self.conn, EXTRACTOR))
            todo = [s for s in dict.fromkeys(shas)] if shas is not None else list(waiting)
            todo = [s for s in todo if s in waiting or not extracts.info(self.conn, [s])]
        names = self._names(todo)
        counts = {"read": 0, "text": 0, "without_text": 0, "failed": 0, "missing": 0}
        notes: list[dict[str, Any]] = []
        extractor: Extractor | None = None
        try:
            for n, sha in enumerate(todo, 1):
                path = self.core.blobs.path(sha)
                if not path.is_file():
                    counts["missing"] += 1
                    continue
                if _needs_reader(path):
                    if extractor is None:
                        extractor = Extractor()
                    result = extractor.read(path, names.get(sha, ""))
                else:
                    from copdesk.documents.extract import nothing

                    result = nothing("other", "extract.not_text")
                with self.core.db.write() as conn:
                    extracts.save(conn, sha, result, self.core.now())
                counts["read"] += 1
                if result["status"] in ("ok", "partial"):
                    counts["text"] += 1
                elif result["status"] == "failed":
                    counts["failed"] += 1
                else:
                    counts["without_text"] += 1
                if result.get("note") and result["status"] != "none":
                    notes.append(
                        {
                            "name": names.get(sha, sha[:12]),
                            "sha256": sha,
                            "note": result["note"],
                            "facts": result.get("facts") or {},
                        }
                    )
                if progress:
                    progress(n, len(todo))
        finally:
            if extractor is not None:
                extractor.close()
        return {**counts, "notes": notes}

    def _names(self, shas: Sequence[str]) -> dict[str, str]:
        wanted = set(shas)
        out: dict[str, str] = {}
        if not wanted:
            return out
        for sha, name in self.conn.execute(
            "SELECT json_extract(data, '$.sha256'), json_extract(data, '$.name') FROM items"
            " WHERE kind = 'attachment' ORDER BY deleted, change DESC"
        ):
            if sha in wanted and sha not in out:
                out[sha] = name
        return out

    def _read_new(self, bulk: bool = False) -> None:
        """After a commit (``bulk``: the end of an import, the same here): read the
        files that just arrived (not in the window)."""
        if not self.auto or self._reading or self.core.db.read_only:
            return
        marker = self.core.change_marker()
        if marker == self._seen:
            return
        new = [
            sha
            for (sha,) in self.conn.execute(
                "SELECT DISTINCT json_extract(data, '$.sha256') FROM items"
                " WHERE kind = 'attachment' AND deleted = 0 AND change > ?",
                (self._seen,),
            )
        ]
        self._seen = marker
        if not new:
            return
        self._reading = True
        try:
            self.read(new)
        finally:
            self._reading = False

    def text(self, sha: str) -> list[dict[str, Any]]:
        """The text read from one file, part by part: [{place, text}]."""
        return extracts.parts(self.conn, self._blob(sha))
