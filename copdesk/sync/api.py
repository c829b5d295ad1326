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
from copdesk.errors import BadInput
from copdesk.store import revisions as revs
from copdesk.store.database import SCHEMA_VERSION
from copdesk.store.files import outside_workspace
from copdesk.sync import exchange as ex
from copdesk.sync import roster as ro
from copdesk.sync.bundle import (
    EXTENSION,
    FORMAT,
    BundleError,
    BundleWriter,
)
from copdesk.sync.folder import SyncFolder
from copdesk.sync.importing import Importer
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
        self.importer = Importer(core, sites)
        self.folder = SyncFolder(core, self)

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
        outside_workspace(path, self.path, "the bundle")  # never over its database or key
        self.sites.ensure_keys()
        self.core.check_guard()
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
        self.publish()
        held = ex.vector(self.conn)
        ack: dict[str, int] = dict(_ack or {})
        if peer_id and not full:
            row = self.conn.execute("SELECT acked FROM sites WHERE id = ?", (peer_id,)).fetchone()
            ack = json.loads(row[0])
        writer = BundleWriter(target, self.path / "staging" / f"export-{os.getpid()}")
        origins: set[str] = {self.core.site_id}
        feeds: set[str] = set()
        items: set[str] = set()
        skipped = loose = 0
        relay = RelayCheck(self.conn)

        def add(
            feed: str | None, n: int | None, item: str, body: str, sig: str | None, checked: int
        ) -> None:
            nonlocal skipped
            if sig is None or not (checked or relay(body, sig)):
                skipped += 1  # from a format-1 bundle of another site, or a bad signature
                return
            if progress is not None and writer.lines % EXPORT_STEP == 0:
                progress(writer.lines)
            writer.add_line(ex.line(feed, n, body, sig))
            items.add(item)
            if feed:
                feeds.add(feed)
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

        try:
            for feed, n, item, body, sig, checked in ex.outgoing(self.conn, ack, chosen):
                add(feed, n, item, body, sig, checked)
            if chosen is None:
                for item, body, sig, checked in ex.loose(self.conn):
                    add(None, None, item, body, sig, checked)
                    loose += 1
        except BaseException:
            writer.abort()
            raise
        relay.save(self.core.db)
        names = dict(self.conn.execute("SELECT id, name FROM sites"))
        owners = dict(self.conn.execute("SELECT id, site FROM feeds"))
        covers = {o: [ack.get(o, 0), n] for o, n in sorted(held.items()) if n > ack.get(o, 0)}
        feeds |= set(held)
        origins |= {owners[f] for f in feeds if f in owners}
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
            "tops": dict(sorted(ex.tops(self.conn, held).items())),
            "covers": {} if chosen is not None else covers,
            "feeds": {f: owners[f] for f in sorted(feeds) if f in owners},
            "sites": {o: names[o] for o in sorted(origins) if o in names},
            "roster": ro.stored(self.conn),
            "counts": {
                "revisions": writer.lines,
                "attachments": len(writer.blobs),
                "items": len(items),
                "loose": loose,
            },
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
            "unsigned_skipped": skipped,
            "bytes": target.stat().st_size,
            "written": written,
            "took_ms": round((time.perf_counter() - started) * 1000, 1),
        }

    def publish(self) -> int:
        """Number and sign this site's shareable revisions (in a new feed first when the
        site was restored, copied, re-keyed or upgraded); remember the high-water marks."""
        self.core.check_guard()
        life = self.sites.life
        with self.core.db.write() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'reissue'").fetchone()
            every = False
            if row is not None:
                life.new_feed(conn, row[0])
                every = row[0] in ex.REISSUE_ALL
                conn.execute("DELETE FROM meta WHERE key = 'reissue'")
            done = ex.publish(
                conn, self.core.site_id, life.current_feed(), self.sites.sign, every=every
            )
        life.record_published()
        return done

    # -- import and the sync folder (copdesk.sync.importing, copdesk.sync.folder) ----

    def import_bundle(
        self,
        path: str | Path,
        *,
        dry_run: bool = False,
        progress: Callable[[str], None] | None = None,
        _seen: list[str] | None = None,
    ) -> dict[str, Any]:
        """Apply a bundle completely or not at all (see :meth:`Importer.import_bundle`)."""
        return self.importer.import_bundle(path, dry_run=dry_run, progress=progress, _seen=_seen)

    def sync_folder_setting(self) -> str | None:
        """The folder the last ``sync_folder`` run used (what a later run without one uses)."""
        return self.folder.setting()

    def sync_folder(self, folder: str | Path | None = None) -> dict[str, Any]:
        """Import new bundles from other sites found in ``folder``, then write this site's
        (see :meth:`SyncFolder.run`)."""
        return self.folder.run(folder)


class RelayCheck:
    """Before relaying another site's revision whose own signature was never checked
    (it came from its origin, under the bundle's signature), check it once."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.states: dict[str, ro.KeyState] = {}
        self.good: list[str] = []

    def __call__(self, body: str, sig: str) -> bool:
        from copdesk.sync import keys

        rev_id = hashlib.sha256(body.encode("utf-8")).hexdigest()
        site = json.loads(body)["site"]
        if site not in self.states:
            self.states[site] = ro.key_state(self.conn, site)
        msg = rev_id.encode("ascii")
        if any(keys.verify(k, msg, sig) for k in sorted(self.states[site].signing)):
            self.good.append(rev_id)
            return True
        return False

    def save(self, db: Any) -> None:
        if self.good:
            with db.write() as conn:
                conn.executemany(
                    "UPDATE revisions SET sig_checked = 1 WHERE rev_id = ?",
                    [(r,) for r in self.good],
                )


__all__ = ["BundleError", "Sync"]
