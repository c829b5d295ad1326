"""``copdesk backup DEST`` and ``copdesk restore-backup SRC``: copies people can rely on.

A backup is a folder: ``copdesk.db`` (SQLite's online backup, consistent even while
another process writes), ``blobs/`` (attachments, copied once: a later backup into
the same folder copies only the new ones), ``backup.json`` (what it holds, when) and,
only when asked (``--keys``), ``keys/`` with the site's private key: a backup that
travels on a USB key should not carry the key that signs for the site.

Restoring puts the backup's database in place of the current one, which is kept in
``backups/before-restore-STAMP.db``; attachments are merged (nothing is deleted); the
search index is rebuilt on next use. A restored workspace is recognised as such by
the exchange between sites, which then re-issues what peers never saw instead of
reusing numbers they already hold.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from copdesk.errors import BadInput, WorkspaceError
from copdesk.store.blobs import BlobStore
from copdesk.store.database import HEADER, SCHEMA_VERSION
from copdesk.store.files import named, outside_workspace

if TYPE_CHECKING:
    from copdesk.core import Core

MANIFEST = "backup.json"


def backup(core: Core, dest: str | Path, *, keys: bool = False) -> dict[str, Any]:
    dest = named(dest, "backup folder").expanduser()
    target = outside_workspace(dest, core.path, "the backup").resolve()
    if target.exists() and not target.is_dir():
        raise BadInput(f"{dest} is a file; give a folder")
    if target.is_dir() and any(target.iterdir()) and not (target / MANIFEST).is_file():
        raise BadInput(f"{dest} is not empty and holds no copdesk backup: choose another folder")
    try:
        target.mkdir(parents=True, exist_ok=True)
        core.db.backup(target / "copdesk.db")
        copied = _copy_blobs(core.blobs, BlobStore(target / "blobs"))
        if keys:
            source = core.path / "keys"
            if source.is_dir():
                shutil.copytree(source, target / "keys", dirs_exist_ok=True)
                for f in (target / "keys").iterdir():
                    os.chmod(f, 0o600)
        elif (target / "keys").exists():
            shutil.rmtree(target / "keys")
        counts = dict(core.conn.execute("SELECT kind, count(*) FROM items GROUP BY kind"))
        manifest = {
            "copdesk_backup": 1,
            "site_id": core.site_id,
            "site_name": core.site_name,
            "schema": SCHEMA_VERSION,
            "taken_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "items": counts,
            "keys": keys,
        }
        tmp = target / (MANIFEST + ".part")
        tmp.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", "utf-8")
        tmp.replace(target / MANIFEST)
    except OSError as exc:
        raise WorkspaceError(f"cannot write the backup in {dest}: {exc.strerror or exc}") from None
    return {**manifest, "folder": str(target), "attachments_copied": copied}


def _copy_blobs(source: BlobStore, dest: BlobStore) -> int:
    copied = 0
    for sha in source.all():
        if not dest.exists(sha):
            dest.path(sha).parent.mkdir(parents=True, exist_ok=True)
            tmp = dest.root / f".incoming-{os.getpid()}-{sha}.part"
            shutil.copyfile(source.path(sha), tmp)
            tmp.replace(dest.path(sha))
            copied += 1
    return copied


def _copy_database(source: Path, target: Path) -> None:
    with (
        contextlib.closing(sqlite3.connect(source)) as a,
        contextlib.closing(sqlite3.connect(target)) as b,
    ):
        a.backup(b)


def read_backup(src: str | Path) -> dict[str, Any]:
    """The manifest of a backup folder, after checking it holds a database."""
    src = named(src, "backup folder").expanduser()
    manifest_path = src / MANIFEST
    if not manifest_path.is_file() or not (src / "copdesk.db").is_file():
        raise BadInput(f"{src} is not a copdesk backup (no {MANIFEST} and copdesk.db)")
    try:
        manifest = json.loads(manifest_path.read_text("utf-8"))
        with open(src / "copdesk.db", "rb") as f:
            head = f.read(len(HEADER))
    except (OSError, ValueError) as exc:
        raise BadInput(f"cannot read the backup in {src}: {exc}") from None
    if not isinstance(manifest, dict) or manifest.get("copdesk_backup") != 1 or head != HEADER:
        raise BadInput(f"{src} is not a copdesk backup, or it is damaged")
    if int(manifest.get("schema", 0)) > SCHEMA_VERSION:
        raise BadInput("this backup was made by a newer copdesk: upgrade copdesk first")
    return manifest


def restore(workspace: Path, src: str | Path, *, site_id: str | None) -> dict[str, Any]:
    """Put the backup in ``src`` in place of ``workspace``'s database (kept aside).

    ``site_id``: the workspace's own site; a backup of another site is refused (that
    would be a clone, made with a copy of the folder, not a restore)."""
    manifest = read_backup(src)
    src = Path(src).expanduser()
    if site_id and manifest["site_id"] != site_id:
        raise BadInput(
            f"this backup is of {manifest['site_name']!r}, another site than this workspace's"
        )
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    db = workspace / "copdesk.db"
    kept = workspace / "backups" / f"before-restore-{stamp}.db"
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        if db.exists():
            _copy_database(db, kept)
        incoming = workspace / f"copdesk.db.restoring-{stamp}"
        _copy_database(src / "copdesk.db", incoming)
        for suffix in ("-wal", "-shm"):
            (workspace / f"copdesk.db{suffix}").unlink(missing_ok=True)
        incoming.replace(db)
        merged = _copy_blobs(BlobStore(src / "blobs"), BlobStore(workspace / "blobs"))
        if (src / "keys").is_dir() and not (workspace / "keys").is_dir():
            shutil.copytree(src / "keys", workspace / "keys")
    except (OSError, sqlite3.DatabaseError) as exc:
        raise WorkspaceError(f"cannot restore from {src}: {exc}") from None
    shutil.rmtree(workspace / "index", ignore_errors=True)  # rebuilt from the database
    (workspace / "copdesk.db.damaged").unlink(missing_ok=True)
    return {**manifest, "restored_from": str(src), "kept_as": str(kept), "attachments": merged}
