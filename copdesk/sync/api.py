"""``ws.sync``: bundles between sites (export, import) and the shared sync folder.

Import is all or nothing: the bundle is copied to local staging, checked whole
(directory, manifest, signature, trust, every line, every attachment hash)
before the first write; then a backup of the database is taken and the new
revisions go in as one transaction. The search index catches up after the
commit; if the process dies first, the next open repairs it.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput, UntrustedSite
from copdesk.store import revisions as revs
from copdesk.store.database import SCHEMA_VERSION
from copdesk.store.processes import alive
from copdesk.sync import exchange as ex
from copdesk.sync.bundle import (
    EXTENSION,
    FORMAT,
    BundleError,
    BundleWriter,
    _refuse,
    open_staged,
    stage,
)
from copdesk.sync.sites import Sites

KEEP_BACKUPS = 5
EXPORT_STEP = 100  # revisions between two calls of export's progress callback
_STORED_TYPES = ("image/", "video/", "audio/", "application/zip", "application/pdf")


class Sync:
    """Bundle exchange between sites (``ws.sync``; the model: copdesk.sync.exchange)."""

    def __init__(self, core: Core, sites: Sites) -> None:
        self.core = core
        self.sites = sites
        self.conn = core.conn
        self.path = core.path

    def export(
        self,
        path: str | Path,
        *,
        peer: str | None = None,
        communities: list[str] | None = None,
        full: bool = False,
        progress: Callable[[int], None] | None = None,
        _ack: dict[str, int] | None = None,
    ) -> dict[str, Any]:
        """Write a signed bundle of what ``peer`` lacks (everything shareable without one).

        ``progress(lines)`` is called every EXPORT_STEP revisions; raising from it (a
        GUI's cancel) aborts the export and leaves no file behind.
        """
        started = time.perf_counter()
        self.sites.ensure_keys()
        target = Path(path)
        if target.is_dir():
            raise BadInput(f"{target} is a folder; give a file name ending in {EXTENSION}")
        if not target.parent.is_dir():
            raise BadInput(f"no folder {target.parent}")
        peer_id = self.sites.ref(peer) if peer else None
        chosen = None
        if communities:
            cids = [self.core.resolve(c, "community") for c in communities]
            chosen = ex.community_items(self.conn, cids)
        with self.core.db.write() as conn:
            ex.publish(conn, self.core.site_id)
        held = ex.vector(self.conn)
        ack: dict[str, int] = dict(_ack or {})
        if peer_id and not full:
            row = self.conn.execute("SELECT acked FROM sites WHERE id = ?", (peer_id,)).fetchone()
            ack = json.loads(row[0])
        writer = BundleWriter(target, self.path / "staging" / f"export-{os.getpid()}")
        origins: set[str] = {self.core.site_id}
        try:
            for seq, _item, body in ex.outgoing(self.conn, ack, chosen):
                if progress is not None and writer.lines % EXPORT_STEP == 0:
                    progress(writer.lines)
                writer.add_line(ex.line(seq, body))
                if '"kind":"attachment"' in body:
                    rev = json.loads(body)
                    origins.add(rev["site"])
                    content = rev["content"]
                    if content and self.core.blobs.exists(content["sha256"]):
                        media = content.get("media_type") or ""
                        writer.add_blob(
                            content["sha256"],
                            self.core.blobs.path(content["sha256"]),
                            content["size"],
                            compress=not media.startswith(_STORED_TYPES),
                        )
                else:
                    # the revision's own "site" is its last key but "v" (content comes first)
                    origins.add(body[body.rindex('"site":"') + 8 :][:36])
        except BaseException:
            writer.abort()
            raise
        names = dict(self.conn.execute("SELECT id, name FROM sites"))
        covers = {o: [ack.get(o, 0), n] for o, n in sorted(held.items()) if n > ack.get(o, 0)}
        manifest = {
            "format": FORMAT,
            "schema": SCHEMA_VERSION,
            "producer": {
                "site": self.core.site_id,
                "name": self.core.site_name,
                "key": self.sites.public_key,
                "fingerprint": self.sites.fingerprint(self.sites.public_key),
            },
            "created_at": revs.now(),
            "peer": peer_id,
            "partial": chosen is not None,
            "vector": dict(sorted(held.items())),
            "covers": {} if chosen is not None else covers,
            "sites": {o: names[o] for o in sorted(origins) if o in names},
            "counts": {"revisions": writer.lines, "attachments": len(writer.blobs)},
        }
        written = writer.finish(manifest, self.sites.sign, keep_existing=_ack is not None)
        if peer_id:
            with self.core.db.write() as conn:
                conn.execute("UPDATE sites SET last_out = ? WHERE id = ?", (revs.now(), peer_id))
        return {
            "file": str(target),
            "peer": peer_id,
            "partial": chosen is not None,
            "revisions": writer.lines,
            "attachments": len(writer.blobs),
            "bytes": target.stat().st_size,
            "written": written,
            "took_ms": round((time.perf_counter() - started) * 1000, 1),
        }

    # -- import ------------------------------------------------------------------

    def import_bundle(
        self,
        path: str | Path,
        *,
        dry_run: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> dict[str, Any]:
        """Apply a bundle completely or not at all; ``dry_run`` only says what it would do."""
        started = time.perf_counter()
        self.sites.ensure_keys()
        staging = self.path / "staging"
        _clean_staging(staging)
        note = progress or (lambda _step: None)
        note("copying")
        staged = stage(Path(path), staging)
        blob_dir = staging / f"blobs-{os.getpid()}-{os.urandom(4).hex()}"
        try:
            note("checking")
            bundle = open_staged(staged)
            try:
                m = bundle.manifest
                self.sites.check_trust(m, path)
                incoming = ex.read_incoming(bundle.read_lines(), m["sites"])
                if len(incoming.feed) != m["counts"]["revisions"]:
                    raise _refuse("the number of revisions differs from the manifest's count")
                listed = {n[6:] for n in bundle.entries if n.startswith("blobs/")}
                if not listed <= set(incoming.blobs):
                    raise _refuse("it holds an attachment that no revision refers to")
                blob_dir.mkdir(parents=True)
                sizes = {sha: bundle.copy_blob(sha, blob_dir / sha) for sha in sorted(listed)}
                for sha, size in sizes.items():
                    if incoming.blobs[sha] != size:
                        raise _refuse(f"attachment {sha[:12]} is not the size its item says")
            finally:
                bundle.close()
            plan = ex.plan(self.conn, incoming, m["sites"])
            producer = m["producer"]["site"]
            result: dict[str, Any]
            if dry_run:
                with self.core.db.trial() as conn:
                    ex.apply(conn, incoming, plan, revs.now())
                    result = ex.outcome(conn, plan)
            else:
                backup = None
                if plan.new_revs:
                    note("backing up")
                    backup = self._backup_before_import()
                note("applying")
                # "indexing" once committed; the index catches up when the batch ends
                with self.core.batch():
                    with self.core.db.write() as conn:
                        now = revs.now()
                        for sha, size in sizes.items():
                            if not self.core.blobs.exists(sha):
                                dest = self.core.blobs.path(sha)
                                dest.parent.mkdir(parents=True, exist_ok=True)
                                os.replace(blob_dir / sha, dest)
                            conn.execute(
                                "INSERT OR IGNORE INTO blobs (sha256, size, added_at)"
                                " VALUES (?, ?, ?)",
                                (sha, size, now),
                            )
                        ex.apply(conn, incoming, plan, now)
                        result = ex.outcome(conn, plan)
                        if producer != self.core.site_id:
                            row = conn.execute(
                                "SELECT acked FROM sites WHERE id = ?", (producer,)
                            ).fetchone()
                            acked = ex.merge_vectors(json.loads(row[0]), m["vector"])
                            conn.execute(
                                "UPDATE sites SET name = ?, last_in = ?, acked = ? WHERE id = ?",
                                (m["producer"]["name"], now, ex.dumps_vector(acked), producer),
                            )
                    result["backup"] = str(backup) if backup else None
                    note("indexing")
        finally:
            staged.unlink(missing_ok=True)
            if blob_dir.exists():
                for f in blob_dir.iterdir():
                    f.unlink()
                blob_dir.rmdir()
        result.update(
            file=str(path),
            dry_run=dry_run,
            producer=m["producer"]["site"],
            producer_name=m["producer"]["name"],
            revisions_new=len(plan.new_revs),
            attachments=len(sizes),
            took_ms=round((time.perf_counter() - started) * 1000, 1),
        )
        return result

    def _backup_before_import(self) -> Path:
        folder = self.path / "backups"
        stamp = revs.now().replace(":", "").replace("-", "").replace(".", "")
        target = self.core.db.backup(folder / f"before-import-{stamp}.db")
        old = sorted(folder.glob("before-import-*.db"))
        for extra in old[:-KEEP_BACKUPS]:
            extra.unlink(missing_ok=True)
        return target

    # -- conflicts ---------------------------------------------------------------

    def sync_folder_setting(self) -> str | None:
        """The folder the last ``sync_folder`` run used (what a later run without one uses)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'sync_folder'").fetchone()
        return row[0] if row else None

    def sync_folder(self, folder: str | Path | None = None) -> dict[str, Any]:
        """Import new bundles from other sites found in ``folder``, then write this site's.

        Safe to run again and again on a shared or replicated folder: files are
        recognised by content, partial ones fail their checks and are retried when
        they change, and our own bundle appears only complete (temporary name, rename).
        """
        if folder is None:
            row = self.conn.execute("SELECT value FROM meta WHERE key = 'sync_folder'").fetchone()
            if row is None:
                raise BadInput("no sync folder set: give one, e.g. copdesk sync-folder /mnt/share")
            folder = row[0]
        root = Path(folder).expanduser().resolve()
        if not root.is_dir():
            raise BadInput(f"no folder {root}")
        here = self.path.resolve()
        if root == here or here in root.parents or root in here.parents:
            raise BadInput("the sync folder must not contain or be inside the workspace")
        with self.core.db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_folder', ?)", (str(root),)
            )
        own = f"{self.core.site_id}{EXTENSION}"
        seen = {
            n: (sha, producer)
            for n, sha, producer in self.conn.execute(
                "SELECT name, sha256, producer FROM folder_seen"
            )
        }
        report: list[dict[str, Any]] = []
        producers: set[str] = set()
        for path in sorted(root.glob(f"*{EXTENSION}")):
            if path.name == own or path.name.startswith(".") or not path.is_file():
                continue
            try:
                digest = _file_sha(path)
            except OSError:
                continue  # vanished or being replaced: next run
            if seen.get(path.name, ("", None))[0] == digest:
                if seen[path.name][1]:
                    producers.add(seen[path.name][1])
                continue
            entry: dict[str, Any] = {"file": path.name}
            producer = None
            try:
                result = self.import_bundle(path)
                producer = result["producer"]
                entry.update(status="imported", **{k: result[k] for k in ex.COUNTS})
                status = "imported"
            except UntrustedSite as exc:
                entry.update(status="untrusted", message=str(exc))
                status = ""
            except BadInput as exc:
                entry.update(status="refused", message=str(exc))
                status = "refused"
            report.append(entry)
            if producer:
                producers.add(producer)
            if status:
                with self.core.db.write() as conn:
                    conn.execute(
                        "INSERT OR REPLACE INTO folder_seen (name, sha256, producer, status, at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (path.name, digest, producer, status, revs.now()),
                    )
        acks = []
        for sid in sorted(producers - {self.core.site_id}):
            row = self.conn.execute("SELECT acked FROM sites WHERE id = ?", (sid,)).fetchone()
            acks.append(json.loads(row[0]) if row else {})
        others = [
            p for p in root.glob(f"*{EXTENSION}") if p.name != own and not p.name.startswith(".")
        ]
        ack = ex.min_vectors(acks) if acks and len(acks) >= len(others) else {}
        written = self.export(root / own, _ack=ack)
        return {"folder": str(root), "imported": report, "written": written}


def _file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()


def _clean_staging(staging: Path) -> None:
    """Remove what imports killed midway left behind (their process is gone)."""
    if not staging.is_dir():
        return
    for entry in staging.iterdir():
        parts = entry.name.split("-")
        if len(parts) < 3 or not parts[1].isdigit():
            continue
        pid = int(parts[1])
        if pid != os.getpid() and alive(pid):
            continue
        if pid == os.getpid():
            continue
        if entry.is_dir():
            for f in entry.iterdir():
                f.unlink(missing_ok=True)
            entry.rmdir()
        else:
            entry.unlink(missing_ok=True)


__all__ = ["BundleError", "Sync"]
