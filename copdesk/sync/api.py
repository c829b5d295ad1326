"""Exchange operations of :class:`copdesk.Workspace`: identity, roster, bundles, conflicts.

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
from typing import TYPE_CHECKING, Any

from copdesk.errors import BadInput, UntrustedSite
from copdesk.model.text import fold
from copdesk.model.validate import validate
from copdesk.store import items as q
from copdesk.store import revisions as revs
from copdesk.store.database import SCHEMA_VERSION
from copdesk.sync import exchange as ex
from copdesk.sync.bundle import (
    EXTENSION,
    FORMAT,
    BundleError,
    BundleWriter,
    _refuse,
    is_uuid,
    open_staged,
    stage,
)

if TYPE_CHECKING:
    from copdesk.workspace import Workspace

KEEP_BACKUPS = 5
EXPORT_STEP = 100  # revisions between two calls of export's progress callback
_STORED_TYPES = ("image/", "video/", "audio/", "application/zip", "application/pdf")


class _Keys:
    """copdesk.sync.keys, imported on first use (cryptography is slow to load)."""

    def __getattr__(self, name: str) -> Any:
        from copdesk.sync import keys as module

        return getattr(module, name)


keys = _Keys()


def _trust_hint(path: str | Path | None) -> str:
    return f"copdesk trust --from-bundle {path}" if path else "copdesk trust SITE_ID --key KEY"


class SyncMixin:
    """Bundle exchange between sites (see copdesk.sync.exchange for the model)."""

    # -- identity and roster -------------------------------------------------------

    def _ensure_keys(self: Workspace) -> None:
        """Give the site its key pair (at init, or on first open of an older workspace)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()
        if row is not None:
            return
        public = keys.create(self.path)
        with self.db.write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('public_key', ?)", (public,))
            conn.execute(
                "UPDATE sites SET public_key = ?, trust = 'trusted', trusted_at = ? WHERE id = ?",
                (public, revs.now(), self.site_id),
            )

    @property
    def public_key(self: Workspace) -> str:
        self._ensure_keys()
        return self.conn.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()[0]

    def identity(self: Workspace) -> dict[str, Any]:
        """What another site needs to trust this one (compare the fingerprint by phone)."""
        key = self.public_key
        return {
            "site_id": self.site_id,
            "name": self.site_name,
            "key": key,
            "fingerprint": keys.fingerprint(key),
            "trust_command": f"copdesk trust {self.site_id} --key {key}",
        }

    def _site_ref(self: Workspace, ref: str) -> str:
        """A known site's id from its id, an id prefix of 6+ characters, its name or a
        word of its name ("lyon" for "Usine de Lyon") when only one site has it."""
        text = str(ref).strip().lower()
        rows = self.conn.execute("SELECT id, name FROM sites WHERE is_self = 0").fetchall()
        hits = [i for i, n in rows if i == text]
        hits = hits or [i for i, n in rows if len(text) >= 6 and i.startswith(text)]
        hits = hits or [i for i, n in rows if fold(n) == fold(text)]
        hits = hits or [i for i, n in rows if fold(text) in fold(n).split()]
        if len(hits) != 1:
            what = "several sites match" if hits else "no known site matches"
            raise BadInput(f"{what} {ref!r} (see copdesk sites)")
        return hits[0]

    def sites(self: Workspace) -> list[dict[str, Any]]:
        """Known sites: trust, key fingerprint, last bundle in and out, what they acknowledged."""
        self._ensure_keys()
        mine = ex.vector(self.conn)
        out = []
        rows = self.conn.execute(
            "SELECT id, name, is_self, public_key, trust, trusted_at, last_in, last_out, acked"
            " FROM sites ORDER BY is_self DESC, name"
        ).fetchall()
        for sid, name, is_self, key, trust, trusted_at, last_in, last_out, acked in rows:
            ack = json.loads(acked)
            pending = 0 if is_self else self._pending(ack)
            out.append(
                {
                    "id": sid,
                    "name": name,
                    "self": bool(is_self),
                    "trust": "self" if is_self else (trust or "unknown"),
                    "fingerprint": keys.fingerprint(key) if key else None,
                    "key": key,
                    "trusted_at": trusted_at,
                    "last_in": last_in,
                    "last_out": last_out,
                    "acknowledged": ack,
                    "held": mine.get(sid, 0),
                    "pending": pending,
                }
            )
        return out

    def _pending(self: Workspace, ack: dict[str, int]) -> int:
        """Shareable revisions held here that a peer has not acknowledged."""
        total = 0
        for origin, count in self.conn.execute("SELECT origin, count(*) FROM feed GROUP BY origin"):
            if origin in ack:
                count = self.conn.execute(
                    "SELECT count(*) FROM feed WHERE origin = ? AND seq > ?", (origin, ack[origin])
                ).fetchone()[0]
            total += count
        return total

    def trust(self: Workspace, site_id: str, key: str, name: str | None = None) -> dict[str, Any]:
        """Add a site's public key to the roster of trusted sites (or re-trust it)."""
        site_id = str(site_id).strip().lower()
        if not is_uuid(site_id):
            raise BadInput(f"{site_id!r} is not a site id (see `copdesk identity` on that site)")
        if site_id == self.site_id:
            raise BadInput("this is this site's own id")
        key = keys.public_text(keys.parse_public(key))
        now = revs.now()
        with self.db.write() as conn:
            row = conn.execute("SELECT name FROM sites WHERE id = ?", (site_id,)).fetchone()
            if row is None:
                conn.execute(
                    "INSERT INTO sites (id, name, is_self, added_at) VALUES (?, ?, 0, ?)",
                    (site_id, name or f"site {site_id[:8]}", now),
                )
            elif name:
                conn.execute("UPDATE sites SET name = ? WHERE id = ?", (name, site_id))
            conn.execute(
                "UPDATE sites SET public_key = ?, trust = 'trusted', trusted_at = ? WHERE id = ?",
                (key, now, site_id),
            )
        return next(s for s in self.sites() if s["id"] == site_id)

    def trust_bundle(self: Workspace, path: str | Path) -> dict[str, Any]:
        """Trust the site that signed a bundle (after checking its signature)."""
        staged = stage(Path(path), self.path / "staging")
        try:
            bundle = open_staged(staged)
            bundle.close()
        finally:
            staged.unlink(missing_ok=True)
        p = bundle.manifest["producer"]
        if p["site"] == self.site_id:
            raise BadInput("this bundle was made by this site")
        return self.trust(p["site"], p["key"], p["name"])

    def untrust(self: Workspace, ref: str) -> dict[str, Any]:
        """Revoke a site: its bundles are refused from now on (what came before stays)."""
        site_id = self._site_ref(ref)
        with self.db.write() as conn:
            conn.execute("UPDATE sites SET trust = 'revoked' WHERE id = ?", (site_id,))
        return next(s for s in self.sites() if s["id"] == site_id)

    def _check_trust(self: Workspace, manifest: dict[str, Any], path: str | Path) -> None:
        p = manifest["producer"]
        if p["site"] == self.site_id:
            if p["key"] != self.public_key:
                raise _refuse("it claims to come from this site but is signed with another key")
            return
        row = self.conn.execute(
            "SELECT trust, public_key, name FROM sites WHERE id = ?", (p["site"],)
        ).fetchone()
        who = f"site {p['name']!r} ({p['site']}), key fingerprint {p['fingerprint']}"
        if row is None or row[0] is None:
            raise UntrustedSite(
                f"bundle from a site this workspace does not trust: {who}. If that site's "
                f"`copdesk identity` shows the same fingerprint, run: {_trust_hint(path)}",
                p,
            )
        if row[0] == "revoked":
            raise UntrustedSite(
                f"bundle from a revoked site: {who}. To trust it again: {_trust_hint(path)}", p
            )
        if row[1] != p["key"]:
            raise UntrustedSite(
                f"bundle signed with a different key than the trusted one for {who}: it may be "
                f"forged. If that site really changed its key, run: {_trust_hint(path)}",
                p,
            )

    # -- export ------------------------------------------------------------------

    def export(
        self: Workspace,
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
        self._ensure_keys()
        target = Path(path)
        if target.is_dir():
            raise BadInput(f"{target} is a folder; give a file name ending in {EXTENSION}")
        if not target.parent.is_dir():
            raise BadInput(f"no folder {target.parent}")
        peer_id = self._site_ref(peer) if peer else None
        chosen = None
        if communities:
            cids = [self.resolve(c, "community") for c in communities]
            chosen = ex.community_items(self.conn, cids)
        with self.db.write() as conn:
            ex.publish(conn, self.site_id)
        held = ex.vector(self.conn)
        ack: dict[str, int] = dict(_ack or {})
        if peer_id and not full:
            row = self.conn.execute("SELECT acked FROM sites WHERE id = ?", (peer_id,)).fetchone()
            ack = json.loads(row[0])
        writer = BundleWriter(target, self.path / "staging" / f"export-{os.getpid()}")
        origins: set[str] = {self.site_id}
        try:
            for seq, _item, body in ex.outgoing(self.conn, ack, chosen):
                if progress is not None and writer.lines % EXPORT_STEP == 0:
                    progress(writer.lines)
                writer.add_line(ex.line(seq, body))
                if '"kind":"attachment"' in body:
                    rev = json.loads(body)
                    origins.add(rev["site"])
                    content = rev["content"]
                    if content and self.blobs.exists(content["sha256"]):
                        media = content.get("media_type") or ""
                        writer.add_blob(
                            content["sha256"],
                            self.blobs.path(content["sha256"]),
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
                "site": self.site_id,
                "name": self.site_name,
                "key": self.public_key,
                "fingerprint": keys.fingerprint(self.public_key),
            },
            "created_at": revs.now(),
            "peer": peer_id,
            "partial": chosen is not None,
            "vector": dict(sorted(held.items())),
            "covers": {} if chosen is not None else covers,
            "sites": {o: names[o] for o in sorted(origins) if o in names},
            "counts": {"revisions": writer.lines, "attachments": len(writer.blobs)},
        }
        written = writer.finish(
            manifest, lambda data: keys.sign(self.path, data), keep_existing=_ack is not None
        )
        if peer_id:
            with self.db.write() as conn:
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
        self: Workspace,
        path: str | Path,
        *,
        dry_run: bool = False,
        progress: Callable[[str], None] | None = None,
    ) -> dict[str, Any]:
        """Apply a bundle completely or not at all; ``dry_run`` only says what it would do."""
        started = time.perf_counter()
        self._ensure_keys()
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
                self._check_trust(m, path)
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
                with self.db.trial() as conn:
                    ex.apply(conn, incoming, plan, revs.now())
                    result = ex.outcome(conn, plan)
            else:
                backup = None
                if plan.new_revs:
                    note("backing up")
                    backup = self._backup_before_import()
                note("applying")
                # "indexing" once committed; the index catches up when the batch ends
                with self.batch():
                    with self.db.write() as conn:
                        now = revs.now()
                        for sha, size in sizes.items():
                            if not self.blobs.exists(sha):
                                dest = self.blobs.path(sha)
                                dest.parent.mkdir(parents=True, exist_ok=True)
                                os.replace(blob_dir / sha, dest)
                            conn.execute(
                                "INSERT OR IGNORE INTO blobs (sha256, size, added_at)"
                                " VALUES (?, ?, ?)",
                                (sha, size, now),
                            )
                        ex.apply(conn, incoming, plan, now)
                        result = ex.outcome(conn, plan)
                        if producer != self.site_id:
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

    def _backup_before_import(self: Workspace) -> Path:
        folder = self.path / "backups"
        stamp = revs.now().replace(":", "").replace("-", "").replace(".", "")
        target = self.db.backup(folder / f"before-import-{stamp}.db")
        old = sorted(folder.glob("before-import-*.db"))
        for extra in old[:-KEEP_BACKUPS]:
            extra.unlink(missing_ok=True)
        return target

    # -- conflicts ---------------------------------------------------------------

    def conflicts(self: Workspace) -> list[dict[str, Any]]:
        """Items with two or more live versions, each with the fields that differ."""
        ids = [
            i
            for (i,) in self.conn.execute(
                "SELECT id FROM items WHERE conflict = 1 ORDER BY updated_at DESC"
            )
        ]
        return [self.conflict(i) for i in ids]

    def conflict(self: Workspace, ref: str) -> dict[str, Any]:
        """Both (all) versions of an item side by side."""
        row = self._row(ref, live=False)
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
                    "site_name": self._site_name(rev.site),
                    "author": rev.author,
                    "author_name": self._name(rev.author),
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

    def resolve_conflict(
        self: Workspace,
        ref: str,
        *,
        keep: str | None = None,
        changes: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """End a conflict with one revision whose parents are all the branches.

        ``keep`` takes one version's content; ``changes`` are fields set over the shown
        version (a merge written by hand). Returns the item as it now is.
        """
        row = self._row(ref, live=False)
        if not row["conflict"]:
            raise BadInput(f"{row['kind']} {row['title']!r} is not in conflict")
        if (keep is None) == (changes is None):
            raise BadInput("say which version to keep (--keep REV_ID) or give --json FILE")
        kind = row["kind"]
        if keep is not None:
            chosen = self._revision_of(row["id"], keep)
            if chosen.content is None:
                raise BadInput(f"revision {chosen.rev_id[:12]} is a deletion; keep a version")
            content = chosen.content
        else:
            if not isinstance(changes, dict):
                raise BadInput("expected a JSON object with the fields to set")
            resolved = self._resolve_refs(kind, changes, base=row["data"])
            content = validate(kind, resolved, base=row["data"])
        self._write(row["id"], kind, content, list(row["heads"]), "resolve")
        item = q.row_dict(self.conn, row["id"])
        assert item is not None
        return self._present(item)

    # -- sync folder ---------------------------------------------------------------

    def sync_folder_setting(self: Workspace) -> str | None:
        """The folder the last ``sync_folder`` run used (what a later run without one uses)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'sync_folder'").fetchone()
        return row[0] if row else None

    def sync_folder(self: Workspace, folder: str | Path | None = None) -> dict[str, Any]:
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
        with self.db.write() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('sync_folder', ?)", (str(root),)
            )
        own = f"{self.site_id}{EXTENSION}"
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
                with self.db.write() as conn:
                    conn.execute(
                        "INSERT OR REPLACE INTO folder_seen (name, sha256, producer, status, at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (path.name, digest, producer, status, revs.now()),
                    )
        acks = []
        for sid in sorted(producers - {self.site_id}):
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
        if pid != os.getpid() and _alive(pid):
            continue
        if pid == os.getpid():
            continue
        if entry.is_dir():
            for f in entry.iterdir():
                f.unlink(missing_ok=True)
            entry.rmdir()
        else:
            entry.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


__all__ = ["BundleError", "SyncMixin"]
