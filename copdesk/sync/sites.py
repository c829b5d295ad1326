"""``ws.sites``: this site's identity and key, and the roster of sites it trusts.

A site is trusted by its Ed25519 public key, compared by fingerprint over the phone
or read from a bundle it signed; a revoked site's bundles are refused. The key
pair is made at ``init`` (or on first open of an older workspace); the private key
lives in ``keys/site.key``, never in the database or a backup.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput, UntrustedSite
from copdesk.model.text import fold
from copdesk.store import revisions as revs
from copdesk.sync import exchange as ex
from copdesk.sync.bundle import _refuse, is_uuid, open_staged, stage


class _Keys:
    """copdesk.sync.keys, imported on first use (cryptography is slow to load)."""

    def __getattr__(self, name: str) -> Any:
        from copdesk.sync import keys as module

        return getattr(module, name)


keys = _Keys()


def _trust_hint(path: str | Path | None) -> str:
    return f"copdesk trust --from-bundle {path}" if path else "copdesk trust SITE_ID --key KEY"


class Sites:
    """This site's identity and the roster of other sites (``ws.sites``)."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.conn = core.conn
        self.path = core.path

    def ensure_keys(self) -> None:
        """Give the site its key pair (at init, or on first open of an older workspace)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()
        if row is not None:
            return
        public = keys.create(self.path)
        with self.core.db.write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('public_key', ?)", (public,))
            conn.execute(
                "UPDATE sites SET public_key = ?, trust = 'trusted', trusted_at = ? WHERE id = ?",
                (public, revs.now(), self.core.site_id),
            )

    def sign(self, data: bytes) -> str:
        """This site's Ed25519 signature of ``data`` (bundles and their revisions)."""
        return keys.sign(self.path, data)

    @staticmethod
    def fingerprint(key: str) -> str:
        """The short form of a public key people compare by phone."""
        return keys.fingerprint(key)

    @property
    def public_key(self) -> str:
        self.ensure_keys()
        return self.conn.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()[0]

    def identity(self) -> dict[str, Any]:
        """What another site needs to trust this one (compare the fingerprint by phone)."""
        key = self.public_key
        return {
            "site_id": self.core.site_id,
            "name": self.core.site_name,
            "key": key,
            "fingerprint": keys.fingerprint(key),
            "trust_command": f"copdesk trust {self.core.site_id} --key {key}",
        }

    def ref(self, ref: str) -> str:
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

    def list(self) -> list[dict[str, Any]]:
        """Known sites: trust, key fingerprint, last bundle in and out, what they acknowledged."""
        self.ensure_keys()
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

    def _pending(self, ack: dict[str, int]) -> int:
        """Shareable revisions held here that a peer has not acknowledged."""
        total = 0
        for origin, count in self.conn.execute("SELECT origin, count(*) FROM feed GROUP BY origin"):
            if origin in ack:
                count = self.conn.execute(
                    "SELECT count(*) FROM feed WHERE origin = ? AND seq > ?", (origin, ack[origin])
                ).fetchone()[0]
            total += count
        return total

    def trust(self, site_id: str, key: str, name: str | None = None) -> dict[str, Any]:
        """Add a site's public key to the roster of trusted sites (or re-trust it)."""
        site_id = str(site_id).strip().lower()
        if not is_uuid(site_id):
            raise BadInput(f"{site_id!r} is not a site id (see `copdesk identity` on that site)")
        if site_id == self.core.site_id:
            raise BadInput("this is this site's own id")
        key = keys.public_text(keys.parse_public(key))
        now = revs.now()
        with self.core.db.write() as conn:
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
        return next(s for s in self.list() if s["id"] == site_id)

    def trust_bundle(self, path: str | Path) -> dict[str, Any]:
        """Trust the site that signed a bundle (after checking its signature)."""
        staged = stage(Path(path), self.path / "staging")
        try:
            bundle = open_staged(staged)
            bundle.close()
        finally:
            staged.unlink(missing_ok=True)
        p = bundle.manifest["producer"]
        if p["site"] == self.core.site_id:
            raise BadInput("this bundle was made by this site")
        return self.trust(p["site"], p["key"], p["name"])

    def untrust(self, ref: str) -> dict[str, Any]:
        """Revoke a site: its bundles are refused from now on (what came before stays)."""
        site_id = self.ref(ref)
        with self.core.db.write() as conn:
            conn.execute("UPDATE sites SET trust = 'revoked' WHERE id = ?", (site_id,))
        return next(s for s in self.list() if s["id"] == site_id)

    def check_trust(self, manifest: dict[str, Any], path: str | Path) -> None:
        p = manifest["producer"]
        if p["site"] == self.core.site_id:
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
