"""A site's life: restored from a backup, copied to another computer, split into a new
site, its key rotated or lost.

Feed numbers must never mean two things. A workspace restored from a backup would
number its next revisions again from where the backup stopped, and two copies of
one workspace would both number theirs: peers would then hold two revisions under
one number. So the workspace keeps, beside the database but outside any backup,
``keys/state.json``: the site, this computer, this folder, an incarnation id and
the highest revision and feed numbers it ever published. On opening:

- the database is behind that file (or of another incarnation): it was restored.
  The workspace continues at once: its revision numbers continue above the highest
  published, its next export opens a new feed, and the revisions it lost come back
  from its peers' bundles (they are its own, signed by it);
- the file names another computer, or another folder that still holds the same
  site: the workspace is a copy. It may be read, but writes and exports raise
  :class:`WorkspaceCopied` until it becomes a new site (:meth:`split`), stays
  read-only (:meth:`read_only`) or is declared the one site that goes on
  (:meth:`moved`, when the original will never be used again);
- the file is missing (a workspace from before this check): it is written.

A restore that carried the file with it (a whole-folder backup) is found later, from
peers' bundles: a peer holding more of this site's feed, or another revision under
one of its numbers. The next export then opens a new feed and sends again every
revision of this site, so every peer ends up holding both sides.
"""

from __future__ import annotations

import json
import os
import platform
import uuid
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput, ReadOnlyWorkspace, WorkspaceCopied, WorkspaceError
from copdesk.store import revisions as revs
from copdesk.sync import exchange as ex
from copdesk.sync import roster as ro

STATE = Path("keys") / "state.json"


def machine_id() -> str:
    """Something that differs between two computers and stays across restarts."""
    forced = os.environ.get("COPDESK_MACHINE_ID")
    if forced:
        return forced
    for name in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            text = Path(name).read_text().strip()
        except OSError:
            continue
        if text:
            return text
    if os.name == "nt":  # pragma: no cover - Windows
        try:
            import winreg

            with winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography"
            ) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            pass
    return platform.node() or "unknown"


def _meta(conn: Any, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None


def _set_meta(conn: Any, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


class Lifecycle:
    """Restore and copy detection, splitting, read-only copies, key changes, feeds."""

    def __init__(self, core: Core, sites: Any) -> None:
        self.core = core
        self.sites = sites
        self.conn = core.conn
        self.status: dict[str, Any] = {"state": "ok"}

    # -- the state file ------------------------------------------------------------

    def _read_state(self) -> dict[str, Any] | None:
        try:
            data = json.loads((self.core.path / STATE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    def _write_state(self, **changes: Any) -> None:
        state = self._read_state() or {}
        state.update(
            site=self.core.site_id,
            machine=machine_id(),
            path=str(self.core.path.resolve()),
            incarnation=_meta(self.conn, "incarnation"),
            key=_meta(self.conn, "public_key"),
        )
        state.update(changes)
        path = self.core.path / STATE
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".part")
        with open(tmp, "w", encoding="utf-8") as out:
            json.dump(state, out, sort_keys=True, indent=1)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)

    def published(self) -> dict[str, Any]:
        """The highest revision and feed numbers of this site held here."""
        site = self.core.site_id
        seq = self.conn.execute(
            "SELECT coalesce(max(r.seq), 0) FROM revisions r WHERE r.site = ?"
            " AND EXISTS (SELECT 1 FROM feed f WHERE f.rev_id = r.rev_id)",
            (site,),
        ).fetchone()[0]
        feeds = dict(
            self.conn.execute(
                "SELECT f.origin, max(f.seq) FROM feed f JOIN feeds d ON d.id = f.origin"
                " WHERE d.site = ? GROUP BY f.origin",
                (site,),
            )
        )
        return {"seq": seq, "feeds": feeds}

    def record_published(self) -> None:
        """After an export numbered revisions: remember the high-water marks outside
        the database, so that a database restored from a backup knows it is behind."""
        state = self._read_state() or {}
        mine = self.published()
        feeds = dict(state.get("feeds") or {})
        for feed, n in mine["feeds"].items():
            feeds[feed] = max(int(feeds.get(feed, 0)), n)
        self._write_state(seq=max(int(state.get("seq") or 0), mine["seq"]), feeds=feeds)

    # -- on opening ----------------------------------------------------------------

    def check(self) -> dict[str, Any]:
        """Compare the database with keys/state.json; continue after a restore, or
        guard a copy against writing. Returns (and keeps) the status."""
        conn = self.conn
        if _meta(conn, "incarnation") is None:
            with self.core.db.write() as c:
                _set_meta(c, "incarnation", uuid.uuid4().hex)
        if _meta(conn, "read_only"):
            self.status = {"state": "read-only"}
            self.core.guard = self._read_only
            return self.status
        state = self._read_state()
        if state is None:
            self._write_state(seq=self.published()["seq"], feeds=self.published()["feeds"])
            return self.status
        here = str(self.core.path.resolve())
        key_missing = not (self.core.path / "keys" / "site.key").is_file()
        if state.get("site") != self.core.site_id:
            return self._copy("its keys folder belongs to another site")
        if key_missing:
            return self._copy("its key (keys/site.key) is missing", reason="no-key")
        if state.get("machine") != machine_id():
            return self._copy("made on another computer")
        if state.get("path") != here:
            original = Path(str(state.get("path")))
            if _same_site(original, self.core.site_id):
                return self._copy(f"of the workspace in {original}")
            self._write_state()  # the folder was moved: it is the same site
        self._restored(state)
        return self.status

    def _key_changed(self, state: dict[str, Any]) -> bool:
        """A database from before a key change: the key in keys/ is the site's key."""
        key, known = state.get("key"), _meta(self.conn, "public_key")
        if not key or key == known:
            return False
        at = revs.now()
        with self.core.db.write() as conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'public_key'", (key,))
            conn.execute("UPDATE sites SET public_key = ? WHERE id = ?", (key, self.core.site_id))
            conn.execute(
                "INSERT OR IGNORE INTO site_keys (site, key, anchor, added_at) VALUES (?, ?, 1, ?)",
                (self.core.site_id, key, at),
            )
        return True

    def _behind(self, state: dict[str, Any]) -> bool:
        """Whether the database lacks what keys/state.json says was published: in the
        feed it would number next, or in revision numbers. Once handled (a new feed, the
        floor raised) a later open is not a new restore.

        Asked at every open, so it reads a few rows whatever the size: whether any
        published revision of this site is numbered at least as high as the state says
        (the one numbered exactly so, normally), and the top of the current feed."""
        seq = int(state.get("seq") or 0)
        floor = int(_meta(self.conn, "seq_floor") or 0)
        if seq > floor:
            reached = self.conn.execute(
                "SELECT 1 FROM revisions r WHERE r.site = ? AND r.seq >= ?"
                " AND EXISTS (SELECT 1 FROM feed f WHERE f.rev_id = r.rev_id)"
                " ORDER BY r.seq LIMIT 1",
                (self.core.site_id, seq),
            ).fetchone()
            if reached is None:
                return True
        current = self.current_feed()
        top = self.conn.execute(
            "SELECT coalesce(max(seq), 0) FROM feed WHERE origin = ?", (current,)
        ).fetchone()[0]
        return int((state.get("feeds") or {}).get(current, 0)) > top

    def _restored(self, state: dict[str, Any]) -> None:
        behind = self._behind(state)
        other = state.get("incarnation") not in (None, _meta(self.conn, "incarnation"))
        rekeyed = self._key_changed(state)
        if not (behind or other or rekeyed):
            return
        with self.core.db.write() as conn:
            floor = max(int(state.get("seq") or 0), int(_meta(conn, "seq_floor") or 0))
            _set_meta(conn, "seq_floor", str(floor))
            if _meta(conn, "reissue") is None:
                _set_meta(conn, "reissue", "restored")
            _set_meta(conn, "restored_at", revs.now())
            if state.get("incarnation"):
                _set_meta(conn, "incarnation", state["incarnation"])
        self.status = {
            "state": "restored",
            "message": "this workspace was restored from a backup: it continues under new "
            "feed numbers, and what it lost comes back with its peers' bundles",
        }

    def _copy(self, where: str, reason: str = "copy") -> dict[str, Any]:
        name = self.core.site_name
        if reason == "no-key":
            message = (
                f"this workspace of site {name!r} has no key ({where}): if it was copied without "
                "its keys folder, run `copdesk site split --name NEW_NAME` (a new site) or "
                "`copdesk site read-only`; if the key was lost, `copdesk site replace-lost-key`"
            )
        else:
            message = (
                f"this workspace is a copy of site {name!r} ({where}): run `copdesk site split "
                "--name NEW_NAME` to make it a new site, or `copdesk site read-only` to keep it "
                "for reading (`copdesk site moved` if the original will never be used again)"
            )
        self.status = {"state": "copy", "reason": reason, "message": message}

        def refuse() -> None:
            raise WorkspaceCopied(message, self.core.site_id, name, reason)

        self.core.guard = refuse
        return self.status

    def _read_only(self) -> None:
        raise ReadOnlyWorkspace(
            f"this workspace is a read-only copy of site {self.core.site_name!r}: it cannot "
            "change or export (`copdesk site split --name NEW_NAME` makes it a site of its own)"
        )

    # -- the decisions on a copy ---------------------------------------------------

    def read_only(self) -> dict[str, Any]:
        """Keep this copy for reading: no change, no export (imports still bring news)."""
        with self.core.db.write() as conn:
            _set_meta(conn, "read_only", "1")
        self._write_state()
        self.status = {"state": "read-only"}
        self.core.guard = self._read_only
        return self.status

    def moved(self) -> dict[str, Any]:
        """This copy is the site from now on; the other one must never be used again."""
        if self.status.get("reason") == "no-key":
            raise BadInput("this workspace has no key: split it or replace the lost key")
        self._write_state()
        self.core.guard = None
        self.status = {"state": "ok"}
        return self.status

    def split(self, name: str) -> dict[str, Any]:
        """Make this copy a new site: a new id and key; what it holds stays, the site it
        was copied from becomes a trusted peer."""
        from copdesk.sync import keys

        name = " ".join(str(name or "").split())
        if not name:
            raise BadInput("the new site needs a name, e.g. --name 'Usine de Lyon (2)'")
        old_id, old_key = self.core.site_id, _meta(self.conn, "public_key")
        new_id = str(uuid.uuid4())
        public = keys.create(self.core.path)
        self.sites.forget_key()
        now = revs.now()
        with self.core.db.write() as conn:
            if ex.fold(name) in {ex.fold(n) for (n,) in conn.execute("SELECT name FROM sites")}:
                raise BadInput(f"a known site is already called {name!r}: choose another name")
            conn.execute(
                "UPDATE sites SET is_self = 0, trust = 'trusted', trusted_at = ? WHERE id = ?",
                (now, old_id),
            )
            conn.execute(
                "INSERT INTO sites (id, name, is_self, added_at, public_key, trust, trusted_at)"
                " VALUES (?, ?, 1, ?, ?, 'trusted', ?)",
                (new_id, name, now, public, now),
            )
            ex.ensure_site(conn, new_id, name, now)
            conn.execute(
                "INSERT INTO site_keys (site, key, anchor, added_at) VALUES (?, ?, 1, ?)",
                (new_id, public, now),
            )
            if old_key:
                conn.execute(
                    "UPDATE site_keys SET anchor = 1 WHERE site = ? AND key = ?", (old_id, old_key)
                )
            for key, value in (
                ("site_id", new_id),
                ("site_name", name),
                ("public_key", public),
                ("incarnation", uuid.uuid4().hex),
                ("feed", None),
                ("reissue", None),
                ("seq_floor", None),
                ("read_only", None),
                ("restored_at", None),
            ):
                _set_meta(conn, key, value)
        self.core.site_id, self.core.site_name = new_id, name
        self._write_state(seq=0, feeds={})
        self.core.guard = None
        self.status = {"state": "ok", "split_from": old_id}
        return self.sites.identity()

    # -- feeds and keys --------------------------------------------------------------

    def current_feed(self) -> str:
        return _meta(self.conn, "feed") or self.core.site_id

    def new_feed(self, conn: Any, reason: str) -> str:
        """Open a new feed for this site (a signed record that travels), inside the
        caller's transaction; the site's next numbers go there."""
        feed = str(uuid.uuid4())
        at = revs.now()
        record = {
            "type": "feed",
            "site": self.core.site_id,
            "feed": feed,
            "reason": reason if reason in ro.FEED_REASONS else "restored",
            "at": at,
            "by": self.sites.public_key,
        }
        ro.store(conn, [ro.make(self.sites.sign, record)], at)
        conn.execute(
            "INSERT INTO feeds (id, site, started_at, reason) VALUES (?, ?, ?, ?)",
            (feed, self.core.site_id, at, record["reason"]),
        )
        _set_meta(conn, "feed", feed)
        return feed

    def _install_key(self, conn: Any, public: str, at: str) -> None:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'public_key'", (public,))
        conn.execute("UPDATE sites SET public_key = ? WHERE id = ?", (public, self.core.site_id))
        conn.execute(
            "INSERT OR IGNORE INTO site_keys (site, key, anchor, added_at) VALUES (?, ?, 1, ?)",
            (self.core.site_id, public, at),
        )

    def rotate_key(self) -> dict[str, Any]:
        """A new key, announced by a record signed with the old one: sites that trust
        the old key follow; what the old key signed stays valid."""
        from copdesk.sync import keys

        self.core.check_guard()
        old = self.sites.public_key
        sign_old = self.sites.sign
        new_private = self.core.path / "keys" / "site.key.new"
        public = keys.create(self.core.path, new_private)
        at = revs.now()
        record = {"type": "key", "site": self.core.site_id, "key": public, "prev": old,
                  "at": at, "by": old}  # fmt: skip
        entry = ro.make(sign_old, record)
        with self.core.db.write() as conn:
            ro.store(conn, [entry], at)
            self._install_key(conn, public, at)
        os.replace(new_private, self.core.path / "keys" / "site.key")
        self.sites.forget_key()
        self._write_state()
        return self.sites.identity()

    def revoke_key(self, key: str, *, lost: bool = False) -> dict[str, Any]:
        """Revoke one of this site's keys (signed by the current key) and sign again with
        the current key every revision of this site; the next export opens a new feed and
        sends them all, so relays hold signatures that still count."""
        self.core.check_guard()
        mine = {k for (k,) in self.conn.execute(
            "SELECT key FROM site_keys WHERE site = ?", (self.core.site_id,))}  # fmt: skip
        found = [k for k in mine if k == key or self.sites.fingerprint(k) == key.strip()]
        current = self.sites.public_key
        if len(found) != 1:
            raise BadInput(f"no key of this site matches {key!r} (see copdesk site status)")
        if found[0] == current:
            raise BadInput("this is the current key: rotate it first (copdesk site rotate-key)")
        at = revs.now()
        record = {"type": "revoke", "site": self.core.site_id, "key": found[0], "at": at,
                  "by": current}  # fmt: skip
        with self.core.db.write() as conn:
            ro.store(conn, [ro.make(self.sites.sign, record)], at)
            self._resign(conn)
            _set_meta(conn, "reissue", "revocation")
        return self.sites.identity()

    def replace_lost_key(self) -> dict[str, Any]:
        """The key is lost (or stolen): a new key that introduces itself and revokes the
        old one. Peers must trust the new key by hand (compare its fingerprint); until
        then they hold this site's new revisions back."""
        from copdesk.sync import keys

        if self.status.get("state") == "copy" and self.status.get("reason") != "no-key":
            self.core.check_guard()
        old = _meta(self.conn, "public_key")
        public = keys.create(self.core.path)
        self.sites.forget_key()
        at = revs.now()
        intro = {"type": "key", "site": self.core.site_id, "key": public, "prev": None,
                 "at": at, "by": public}  # fmt: skip
        entries = [ro.make(self.sites.sign, intro)]
        if old and old != public:
            revoke = {"type": "revoke", "site": self.core.site_id, "key": old, "at": at,
                      "by": public}  # fmt: skip
            entries.append(ro.make(self.sites.sign, revoke))
        with self.core.db.write() as conn:
            ro.store(conn, entries, at)
            self._install_key(conn, public, at)
            self._resign(conn)
            _set_meta(conn, "reissue", "revocation")
        self._write_state()
        if self.status.get("reason") == "no-key":
            self.core.guard = None
            self.status = {"state": "ok"}
        return self.sites.identity()

    def _resign(self, conn: Any) -> None:
        rows = conn.execute(
            "SELECT rev_id FROM revisions WHERE site = ? AND sig IS NOT NULL", (self.core.site_id,)
        ).fetchall()
        conn.executemany(
            "UPDATE revisions SET sig = ?, sig_checked = 1 WHERE rev_id = ?",
            [(self.sites.sign(r.encode("ascii")), r) for (r,) in rows],
        )


def _same_site(folder: Path, site_id: str) -> bool:
    """Whether ``folder`` holds a workspace of ``site_id`` (the original of a copy)."""
    import sqlite3

    db = folder / "copdesk.db"
    if not db.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'site_id'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return bool(row) and row[0] == site_id


__all__ = ["Lifecycle", "WorkspaceError", "machine_id"]
