"""``sync-folder``: exchange through a shared or replicated folder (a network share,
Nextcloud, Syncthing). Each site imports the other sites' ``SITE_ID.copdesk`` files it
has not seen, then writes its own, under a temporary name renamed into place."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput, UntrustedSite
from copdesk.store import revisions as revs
from copdesk.store.files import named, outside_workspace
from copdesk.sync import exchange as ex
from copdesk.sync.bundle import EXTENSION, is_uuid, open_regular


class SyncFolder:
    """``ws.sync.sync_folder``."""

    def __init__(self, core: Core, sync: Any) -> None:
        self.core = core
        self.sync = sync
        self.conn = core.conn
        self.path = core.path

    def setting(self) -> str | None:
        """The folder the last ``sync_folder`` run used (what a later run without one uses)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'sync_folder'").fetchone()
        return row[0] if row else None

    def run(self, folder: str | Path | None = None) -> dict[str, Any]:
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
        root = named(folder, "sync folder").expanduser().resolve()
        if not root.is_dir():
            raise BadInput(f"no folder {root}")
        here = self.path.resolve()
        if root == here or here in root.parents or root in here.parents:
            raise BadInput("the sync folder must not contain or be inside the workspace")
        outside_workspace(root, self.path, "the sync folder")  # nor where a link leads
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
        for path in sorted(root.glob(f"*{EXTENSION}")):
            if path.name == own or path.name.startswith(".") or not path.is_file():
                continue
            try:
                digest = _file_sha(path)
            except (OSError, BadInput):
                continue  # vanished or being replaced: next run
            if seen.get(path.name, ("", None))[0] == digest:
                continue
            entry: dict[str, Any] = {"file": path.name}
            producer = None
            checked: list[str] = []  # the hash of the copy actually checked
            try:
                result = self.sync.import_bundle(path, _seen=checked)
                producer = result["producer"]
                entry.update(status="imported", **{k: result[k] for k in ex.COUNTS})
                entry["held_back"] = len(result["held_back"])
                status = "imported"
            except UntrustedSite as exc:
                entry.update(status="untrusted", message=str(exc))
                status = ""
            except BadInput as exc:
                entry.update(status="refused", message=str(exc))
                status = "refused"
            report.append(entry)
            if status and checked:
                with self.core.db.write() as conn:
                    conn.execute(
                        "INSERT OR REPLACE INTO folder_seen (name, sha256, producer, status, at)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (path.name, checked[0], producer, status, revs.now()),
                    )
        written = self.sync.export(root / own, _ack=self._folder_ack(root, own))
        return {"folder": str(root), "imported": report, "written": written}

    def _folder_ack(self, root: Path, own: str) -> dict[str, int]:
        """What every trusted site writing its bundle to the folder has acknowledged.

        Only files named SITE_ID.copdesk of a trusted site count: a Syncthing conflict
        copy, a stray file or an untrusted site's bundle does not make this site write
        everything again. A trusted site's file not imported yet (still arriving) does:
        that site may lack anything."""
        trusted = {s for (s,) in self.conn.execute("SELECT id FROM sites WHERE trust = 'trusted'")}
        seen = {
            n: (producer, status)
            for n, producer, status in self.conn.execute(
                "SELECT name, producer, status FROM folder_seen"
            )
        }
        acks = []
        for path in root.glob(f"*{EXTENSION}"):
            site = path.name[: -len(EXTENSION)]
            if path.name == own or not is_uuid(site) or site not in trusted:
                continue
            producer, status = seen.get(path.name, (None, None))
            if producer != site or status != "imported":
                return {}
            row = self.conn.execute("SELECT acked FROM sites WHERE id = ?", (site,)).fetchone()
            acks.append(json.loads(row[0]))
        return ex.min_vectors(acks) if acks else {}


def _file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with open_regular(path) as f:
        while chunk := f.read(1024 * 1024):
            digest.update(chunk)
    return digest.hexdigest()
