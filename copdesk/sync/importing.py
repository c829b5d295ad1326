"""Importing a bundle: all or nothing.

The bundle is copied to local staging, checked whole (directory, manifest, signature,
roster, trust, every line, every signature, every attachment hash) before the first
write; then a backup of the database is taken and the new revisions go in as one
transaction, planned inside it. The search index catches up after the commit; if the
process dies first, the next open repairs it.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.store import revisions as revs
from copdesk.store.processes import alive
from copdesk.sync import exchange as ex
from copdesk.sync import roster as ro
from copdesk.sync.admit import admit, held_report
from copdesk.sync.bundle import _refuse, open_staged, stage
from copdesk.sync.sites import Sites

KEEP_BACKUPS = 5


class Importer:
    """``ws.sync.import_bundle`` and what it needs."""

    def __init__(self, core: Core, sites: Sites) -> None:
        self.core = core
        self.sites = sites
        self.conn = core.conn
        self.path = core.path

    def import_bundle(
        self,
        path: str | Path,
        *,
        dry_run: bool = False,
        progress: Callable[[str], None] | None = None,
        _seen: list[str] | None = None,
    ) -> dict[str, Any]:
        """Apply a bundle completely or not at all; ``dry_run`` only says what it would do.

        Revisions whose origin is not trusted here, or signed with a revoked key, or
        attachments without their file, are held back (listed in ``held_back``): they
        come again with a later bundle. ``_seen`` receives the hash of the bytes checked.
        """
        started = time.perf_counter()
        self.sites.ensure_keys()
        staging = self.path / "staging"
        _clean_staging(staging)
        note = progress or (lambda _step: None)
        note("copying")
        staged = stage(Path(path), staging, _seen)
        blob_dir = staging / f"blobs-{os.getpid()}-{os.urandom(4).hex()}"
        try:
            note("checking")
            bundle = open_staged(staged)
            try:
                m = bundle.manifest
                fmt = m["format"]
                roster = ro.check_entries(m.get("roster", []))
                self.sites.check_trust(m, path, roster)
                if not dry_run and self._already_held(m, roster) and self._same_lines(bundle):
                    for name in bundle.entries:  # a damaged copy is refused all the same
                        if name.startswith("blobs/"):
                            bundle.check_entry(name)
                    return self._nothing_new(m, path, started)
                lines = bundle.read_lines()
                try:
                    incoming = ex.read_incoming(lines, m["sites"], fmt, self._holds)
                finally:
                    lines.close()  # an abandoned reader would keep the zip file open
                if fmt >= 2 and incoming.loose != m["counts"]["loose"]:
                    raise _refuse("the number of loose revisions differs from the manifest's")
                if len(incoming.entries) + incoming.loose != m["counts"]["revisions"]:
                    raise _refuse("the number of revisions differs from the manifest's count")
                listed = {n[6:] for n in bundle.entries if n.startswith("blobs/")}
                if not listed <= set(incoming.blobs):
                    raise _refuse("it holds an attachment that no revision refers to")
                blob_dir.mkdir(parents=True)
                sizes = {}
                for sha in sorted(listed):
                    held = self.core.blobs.exists(sha)  # then only checked, not copied
                    sizes[sha] = bundle.copy_blob(sha, None if held else blob_dir / sha)
                    if incoming.blobs[sha] != sizes[sha]:
                        raise _refuse(f"attachment {sha[:12]} is not the size its item says")
                adm = admit(
                    self.conn,
                    incoming,
                    fmt=fmt,
                    self_site=self.core.site_id,
                    producer=m["producer"]["site"],
                    roster=roster,
                    blobs_in_bundle=listed,
                    blobs=self.core.blobs,
                )
            finally:
                bundle.close()
            result = self._apply(m, roster, incoming, adm, sizes, blob_dir, dry_run, note)
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
            attachments=len(sizes),
            took_ms=round((time.perf_counter() - started) * 1000, 1),
        )
        return result

    def _holds(self, rev_id: str) -> bool:
        q = "SELECT 1 FROM revisions WHERE rev_id = ?"
        return self.conn.execute(q, (rev_id,)).fetchone() is not None

    def _apply(
        self,
        m: dict[str, Any],
        roster: list[dict[str, Any]],
        incoming: ex.Incoming,
        adm: Any,
        sizes: dict[str, int],
        blob_dir: Path,
        dry_run: bool,
        note: Callable[[str], None],
    ) -> dict[str, Any]:
        """Plan and write inside one transaction (so two imports at once never insert a
        revision twice: the second one plans after the first committed)."""
        producer = m["producer"]["site"]
        feeds = {f: s for f, (s, _k) in ro.feed_owners(self.conn, roster).items()}
        if dry_run:
            with self.core.db.trial() as conn:
                plan = ex.plan(
                    conn, incoming, m["sites"], adm.admitted, adm.sigs, adm.skipped, adm.known
                )
                ex.apply(conn, incoming, plan, revs.now(), feeds)
                result = ex.outcome(conn, plan)
        else:
            backup = None
            if any(not self._holds(r) for r in adm.admitted):
                note("backing up")
                backup = self._backup_before_import()
            note("applying")
            # "indexing" once committed; the index catches up when the batch ends
            with self.core.batch():
                with self.core.db.write() as conn:
                    now = revs.now()
                    ro.store(conn, roster, now)
                    plan = ex.plan(
                        conn, incoming, m["sites"], adm.admitted, adm.sigs, adm.skipped, adm.known
                    )
                    needed = {
                        r.content["sha256"]
                        for r, _g in plan.new_revs
                        if r.kind == "attachment" and r.content is not None
                    }
                    for sha, size in sizes.items():
                        if sha not in needed:
                            continue
                        if not self.core.blobs.exists(sha) and (blob_dir / sha).exists():
                            dest = self.core.blobs.path(sha)
                            dest.parent.mkdir(parents=True, exist_ok=True)
                            os.replace(blob_dir / sha, dest)
                        conn.execute(
                            "INSERT OR IGNORE INTO blobs (sha256, size, added_at) VALUES (?, ?, ?)",
                            (sha, size, now),
                        )
                    ex.apply(conn, incoming, plan, now, feeds, adm.unchecked)
                    result = ex.outcome(conn, plan)
                    if producer != self.core.site_id:
                        self._acknowledged(conn, m, now, plan.forks)
                    self._evidence(conn, m, plan)
                result["backup"] = str(backup) if backup else None
                note("indexing")
        result["revisions_new"] = len(plan.new_revs)
        result["held_back"] = held_report(self.conn, incoming, adm.held, m["sites"])
        return result

    def _acknowledged(
        self, conn: Any, m: dict[str, Any], now: str, forks: list[tuple[str, int]] = ()
    ) -> None:
        """The producer holds what its vector says: the next bundle for it leaves that
        out, but for a feed written twice (another revision at its top, or under a number
        it sent): that feed is sent whole again, so the side it lacks reaches it and, in
        the end, the site that wrote both."""
        producer = m["producer"]["site"]
        row = conn.execute("SELECT acked, name FROM sites WHERE id = ?", (producer,)).fetchone()
        # what it holds now, not the most it ever held: a producer restored from a backup
        # holds less, and must be sent again what it lost (an older bundle arriving late
        # only makes the next bundle larger)
        acked = dict(m["vector"])
        for feed, top in (m.get("tops") or {}).items():
            here = conn.execute(
                "SELECT rev_id FROM feed WHERE origin = ? AND seq = ?", (feed, m["vector"][feed])
            ).fetchone()
            if here is not None and here[0] != top:
                acked[feed] = 0
        for feed, _n in forks:
            acked[feed] = 0
        name = m["producer"]["name"]
        if name != row[1]:
            name = ex.unique_name(conn, producer, name)
        conn.execute(
            "UPDATE sites SET name = ?, last_in = ?, acked = ? WHERE id = ?",
            (name, now, ex.dumps_vector(acked), producer),
        )

    def _evidence(self, conn: Any, m: dict[str, Any], plan: ex.Plan) -> None:
        """A peer holds more of this site's current feed than this site does, or another
        revision under one of its numbers: this site was restored or copied without
        noticing. Its next export opens a new feed (and, for a number written twice,
        sends every revision of this site again)."""
        if self.core.guard is not None:
            return
        mine = {
            f for (f,) in conn.execute("SELECT id FROM feeds WHERE site = ?", (self.core.site_id,))
        }
        current = self.sites.life.current_feed()
        fork = any(f in mine for f, _n in plan.forks)
        # a revision of this site it did not hold: lost in a restore, or written by a copy
        fork = fork or any(r.site == self.core.site_id for r, _g in plan.new_revs)
        behind = False
        for feed, n in m["vector"].items():
            if feed not in mine:
                continue
            here = conn.execute(
                "SELECT rev_id FROM feed WHERE origin = ? AND seq = ?", (feed, n)
            ).fetchone()
            top = (m.get("tops") or {}).get(feed)
            if here is not None and top is not None and here[0] != top:
                fork = True
            behind = behind or (feed == current and n > ex.vector_of(conn, feed))
        if not (fork or behind):
            return
        row = conn.execute("SELECT value FROM meta WHERE key = 'reissue'").fetchone()
        if fork and (row is None or row[0] not in ex.REISSUE_ALL):
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('reissue', 'fork')")
        elif row is None:
            conn.execute("INSERT INTO meta (key, value) VALUES ('reissue', 'restored')")

    def _already_held(self, m: dict[str, Any], roster: list[dict[str, Any]]) -> bool:
        """Whether a full bundle brings nothing: every feed it covers is held here up to
        the same revision, it has no loose revision and no roster record that is new.
        Then only its manifest is read (a re-import costs about as much as `unzip -t`)."""
        if m["format"] < 2 or m["partial"] or m["counts"]["loose"]:
            return False
        for feed, (_start, end) in m["covers"].items():
            if end == 0:
                continue
            row = self.conn.execute(
                "SELECT rev_id FROM feed WHERE origin = ? AND seq = ?", (feed, end)
            ).fetchone()
            if row is None or row[0] != m["tops"].get(feed) or ex.vector_of(self.conn, feed) < end:
                return False
        ids = [ro.record_id(e["record"]) for e in roster]
        held = {r for (r,) in self.conn.execute("SELECT id FROM roster")}
        return set(ids) <= held

    def _same_lines(self, bundle: Any) -> bool:
        """Whether every line is a revision held here under the same feed and number
        (its id read from the line's bytes, which are canonical): then the bundle brings
        nothing, and its lines need no further check. Anything else (another revision, a
        line not in canonical form) goes through every check."""
        held: dict[str, dict[int, str]] = {}
        lines = bundle.read_lines(parse=False)
        try:
            for _number, raw in lines:
                head, sep, rest = raw.partition(b',"revision":')
                body, sep2, _tail = rest.rpartition(b',"sig":')
                if not (sep and sep2 and head.startswith(b'{"feed":"')):
                    return False
                feed = head[9:45].decode("ascii", "replace")
                number = head[head.find(b'"n":') + 4 :]
                if feed not in held:
                    held[feed] = dict(
                        self.conn.execute("SELECT seq, rev_id FROM feed WHERE origin = ?", (feed,))
                    )
                try:
                    n = int(number)
                except ValueError:
                    return False
                if held[feed].get(n) != hashlib.sha256(body).hexdigest():
                    return False
        finally:
            lines.close()
        return True

    def _nothing_new(self, m: dict[str, Any], path: str | Path, started: float) -> dict[str, Any]:
        producer = m["producer"]["site"]
        if producer != self.core.site_id:
            with self.core.db.write() as conn:
                self._acknowledged(conn, m, revs.now())
                self._evidence(conn, m, ex.Plan([], {}, {}, {}))
        return {
            **{k: 0 for k in ex.COUNTS},
            "unchanged": m["counts"]["items"],
            "overturned": 0,
            "items": [],
            "backup": None,
            "revisions_new": 0,
            "held_back": [],
            "file": str(path),
            "dry_run": False,
            "producer": producer,
            "producer_name": m["producer"]["name"],
            "attachments": m["counts"]["attachments"],
            "took_ms": round((time.perf_counter() - started) * 1000, 1),
        }

    def _backup_before_import(self) -> Path:
        folder = self.path / "backups"
        stamp = revs.now().replace(":", "").replace("-", "").replace(".", "")
        target = self.core.db.backup(folder / f"before-import-{stamp}.db")
        old = sorted(folder.glob("before-import-*.db"))
        for extra in old[:-KEEP_BACKUPS]:
            extra.unlink(missing_ok=True)
        return target


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
