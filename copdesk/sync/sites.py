"""``ws.sites``: this site's identity and key, and the roster of sites it trusts.

A site is trusted by its Ed25519 public key, compared by fingerprint over the phone
or read from a bundle it signed; a revoked site's bundles are refused. The key
pair is made at ``init`` (or on first open of an older workspace); the private key
lives in ``keys/site.key``, never in the database or a backup.
"""

from __future__ import annotations

import json
import shlex
from pathlib import Path
from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput, UntrustedSite
from copdesk.model.text import fold
from copdesk.permissions import Permissions
from copdesk.store import revisions as revs
from copdesk.sync import exchange as ex
from copdesk.sync import roster as ro
from copdesk.sync.bundle import _refuse, is_uuid, open_staged, stage
from copdesk.sync.exchange import ensure_site, unique_name
from copdesk.sync.lifecycle import Lifecycle


class _Keys:
    """copdesk.sync.keys, imported on first use (cryptography is slow to load)."""

    def __getattr__(self, name: str) -> Any:
        from copdesk.sync import keys as module

        return getattr(module, name)


keys = _Keys()
MAX_SITE_NAME = 200  # what a bundle's manifest accepts for a site's name


def _trust_hint(path: str | Path | None, fingerprint: str = "") -> str:
    if path:
        check = f" --fingerprint {fingerprint}" if fingerprint else ""
        return f"copdesk trust --from-bundle {shlex.quote(str(path))}{check}"
    return "copdesk trust SITE_ID --key KEY --name NAME"


class Sites:
    """This site's identity and the roster of other sites (``ws.sites``)."""

    def __init__(self, core: Core, permissions: Permissions) -> None:
        self.core = core
        self.permissions = permissions
        self.conn = core.conn
        self.path = core.path
        self._signer: Any = None
        self.life = Lifecycle(core, self)

    def ensure_keys(self) -> None:
        """Give the site its key pair (at init, or on first open of an older workspace)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()
        if row is not None:
            return
        public = keys.create(self.path)
        now = revs.now()
        with self.core.db.write() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('public_key', ?)", (public,))
            conn.execute(
                "UPDATE sites SET public_key = ?, trust = 'trusted', trusted_at = ? WHERE id = ?",
                (public, now, self.core.site_id),
            )
            ensure_site(conn, self.core.site_id, self.core.site_name, now)
            conn.execute(
                "INSERT OR IGNORE INTO site_keys (site, key, anchor, added_at) VALUES (?, ?, 1, ?)",
                (self.core.site_id, public, now),
            )

    def sign(self, data: bytes) -> str:
        """This site's Ed25519 signature of ``data`` (bundles, revisions, roster records)."""
        if self._signer is None:
            self._signer = keys.signer(self.path)
        return self._signer(data)

    def forget_key(self) -> None:
        """Load the key file again at the next signature (after a rotation)."""
        self._signer = None

    @staticmethod
    def fingerprint(key: str) -> str:
        """The short form of a public key people compare by phone."""
        return keys.fingerprint(key)

    @property
    def public_key(self) -> str:
        self.ensure_keys()
        return self.conn.execute("SELECT value FROM meta WHERE key = 'public_key'").fetchone()[0]

    # -- restored and copied workspaces, keys (see copdesk.sync.lifecycle) ----------

    def state(self) -> dict[str, Any]:
        """This workspace's standing: ok, restored, copy (must decide) or read-only; this
        site's keys and feeds."""
        keys_ = [
            {
                "key": k,
                "fingerprint": keys.fingerprint(k),
                "current": k == self.public_key,
                "revoked": k in ro.key_state(self.conn, self.core.site_id).revoked,
            }
            for (k,) in self.conn.execute(
                "SELECT key FROM site_keys WHERE site = ? ORDER BY added_at", (self.core.site_id,)
            )
        ]
        return {
            **self.life.status,
            "site_id": self.core.site_id,
            "name": self.core.site_name,
            "feed": self.life.current_feed(),
            "keys": keys_,
        }

    def become_new_site(self, name: str) -> dict[str, Any]:
        """A copy becomes a site of its own (new id and key); returns its identity."""
        self.permissions.require("trust", what="make this copy a new site")
        return self.life.split(name)

    def keep_read_only(self) -> dict[str, Any]:
        """A copy is kept for reading only: no change, no export."""
        self.permissions.require("trust", what="keep this copy read-only")
        return self.life.read_only()

    def claim_moved(self) -> dict[str, Any]:
        """This copy is the site from now on (the original will never be used again)."""
        self.permissions.require("trust", what="declare this copy the site")
        return self.life.moved()

    def rotate_key(self) -> dict[str, Any]:
        """A new key signed by the old one (sites that trust the old one follow)."""
        self.permissions.require("trust", what="change the site's key")
        return self.life.rotate_key()

    def replace_lost_key(self) -> dict[str, Any]:
        """A new key after a lost or stolen one, which it revokes (peers trust it by hand)."""
        self.permissions.require("trust", what="replace the site's key")
        return self.life.replace_lost_key()

    def revoke_key(self, key: str) -> dict[str, Any]:
        """Revoke an old key of this site (by key or fingerprint)."""
        self.permissions.require("trust", what="revoke a key of the site")
        return self.life.revoke_key(key)

    def rename(self, name: str) -> dict[str, Any]:
        """Give this site a new name (its id and key stay). Other sites learn it from the
        next bundle, whose manifest names its producer; a name another known site goes by
        is refused, as a peer's is made unique on import. Returns the new identity."""
        from copdesk.model.validate import refuse_hidden

        self.permissions.require("trust", what="rename the site")
        name = " ".join(str(name or "").split())
        if not name:
            raise BadInput("the site needs a name, e.g. --name 'Usine de Lyon'")
        if len(name) > MAX_SITE_NAME:
            raise BadInput(f"a site name has at most {MAX_SITE_NAME} characters")
        refuse_hidden(name, "the site name")
        with self.core.db.write() as conn:
            others = conn.execute("SELECT name FROM sites WHERE id != ?", (self.core.site_id,))
            if fold(name) in {fold(n) for (n,) in others}:
                raise BadInput(f"a known site is already called {name!r}: choose another name")
            conn.execute("UPDATE meta SET value = ? WHERE key = 'site_name'", (name,))
            conn.execute("UPDATE sites SET name = ? WHERE id = ?", (name, self.core.site_id))
        self.core.site_name = name
        return self.identity()

    def identity(self) -> dict[str, Any]:
        """What another site needs to trust this one (compare the fingerprint by phone)."""
        key = self.public_key
        return {
            "site_id": self.core.site_id,
            "name": self.core.site_name,
            "key": key,
            "fingerprint": keys.fingerprint(key),
            "trust_command": f"copdesk trust {self.core.site_id} --key {key} "
            f"--name {shlex.quote(self.core.site_name)}",
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
        """Revisions the next bundle for a peer carries, as export counts them: this
        site's shareable revisions that export numbers first, numbered ones the peer has
        not acknowledged (but other sites' unsigned ones, which cannot be relayed), and
        loose ones."""
        reissue = self.conn.execute("SELECT value FROM meta WHERE key = 'reissue'").fetchone()
        every = bool(reissue) and reissue[0] in ex.REISSUE_ALL
        total = len(ex.publishable(self.conn, self.core.site_id, every))
        for (origin,) in self.conn.execute("SELECT DISTINCT origin FROM feed").fetchall():
            total += self.conn.execute(
                "SELECT count(*) FROM feed f JOIN revisions r ON r.rev_id = f.rev_id"
                " WHERE f.origin = ? AND f.seq > ? AND (r.sig IS NOT NULL OR r.site = ?)",
                (origin, ack.get(origin, 0), self.core.site_id),
            ).fetchone()[0]
        return total + sum(1 for _ in ex.loose(self.conn))

    def trust(self, site_id: str, key: str, name: str | None = None) -> dict[str, Any]:
        """Add a site's public key to the roster of trusted sites (or re-trust it)."""
        self.permissions.require("trust", what="trust a site")
        site_id = str(site_id).strip().lower()
        if not is_uuid(site_id):
            raise BadInput(f"{site_id!r} is not a site id (see `copdesk identity` on that site)")
        if site_id == self.core.site_id:
            raise BadInput("this is this site's own id")
        key = keys.public_text(keys.parse_public(key))
        name = " ".join(str(name).split()) if name else None
        now = revs.now()
        with self.core.db.write() as conn:
            row = conn.execute("SELECT name FROM sites WHERE id = ?", (site_id,)).fetchone()
            if row is None:
                given = unique_name(conn, site_id, name or f"site {site_id[:8]}")
                ensure_site(conn, site_id, given, now)
            elif name:
                conn.execute(
                    "UPDATE sites SET name = ? WHERE id = ?",
                    (unique_name(conn, site_id, name), site_id),
                )
            ensure_site(conn, site_id, name or f"site {site_id[:8]}", now)
            conn.execute(
                "UPDATE sites SET public_key = ?, trust = 'trusted', trusted_at = ? WHERE id = ?",
                (key, now, site_id),
            )
            conn.execute(
                "INSERT INTO site_keys (site, key, anchor, added_at) VALUES (?, ?, 1, ?)"
                " ON CONFLICT (site, key) DO UPDATE SET anchor = 1",
                (site_id, key, now),
            )
        return next(s for s in self.list() if s["id"] == site_id)

    def bundle_signer(self, path: str | Path) -> dict[str, str]:
        """Who signed a bundle (site, name, key, fingerprint), its signature checked, to
        show the fingerprint before trusting it."""
        staged = stage(Path(path), self.path / "staging")
        try:
            bundle = open_staged(staged)
            bundle.close()
        finally:
            staged.unlink(missing_ok=True)
        p = dict(bundle.manifest["producer"])
        if p["site"] == self.core.site_id:
            raise BadInput("this bundle was made by this site", code="bundle.from_self")
        return p

    def trust_bundle(self, path: str | Path, fingerprint: str | None = None) -> dict[str, Any]:
        """Trust the site that signed a bundle (its signature checked). ``fingerprint``,
        read from that site's `copdesk identity` by phone, must match when given."""
        p = self.bundle_signer(path)
        if fingerprint is not None and fingerprint.strip().lower() != p["fingerprint"]:
            raise BadInput(
                f"the bundle's key fingerprint is {p['fingerprint']}, not {fingerprint.strip()}: "
                f"it was not signed by the site you compared with; nothing trusted"
            )
        return self.trust(p["site"], p["key"], p["name"])

    def untrust(self, ref: str) -> dict[str, Any]:
        """Revoke a site: its bundles are refused from now on (what came before stays)."""
        self.permissions.require("trust", what="untrust a site")
        site_id = self.ref(ref)
        with self.core.db.write() as conn:
            conn.execute("UPDATE sites SET trust = 'revoked' WHERE id = ?", (site_id,))
        return next(s for s in self.list() if s["id"] == site_id)

    def check_trust(
        self, manifest: dict[str, Any], path: str | Path, roster: list[dict[str, Any]]
    ) -> None:
        """The bundle's signer is this site or a trusted one, with a key that may sign:
        trusted by hand or reached by rotation (``roster``: the bundle's records), not
        revoked. UntrustedSite (exit 1) otherwise, with what to run."""
        p = manifest["producer"]
        state = ro.key_state(self.conn, p["site"], roster)
        if p["site"] == self.core.site_id:
            if p["key"] not in state.signing:
                raise _refuse("it claims to come from this site but is signed with another key")
            return
        row = self.conn.execute(
            "SELECT trust, public_key, name FROM sites WHERE id = ?", (p["site"],)
        ).fetchone()
        who = f"site {p['name']!r} ({p['site']}), key fingerprint {p['fingerprint']}"
        hint = _trust_hint(path, p["fingerprint"])
        if row is None or row[0] is None:
            raise UntrustedSite(
                f"bundle from a site this workspace does not trust: {who}. If that site's "
                f"`copdesk identity` shows the same fingerprint, run: {hint}",
                p,
                code="bundle.untrusted",
                facts={
                    "quoted": repr(p["name"]),
                    "site": p["site"],
                    "fingerprint": p["fingerprint"],
                    "hint": hint,
                },
            )
        if row[0] == "revoked":
            raise UntrustedSite(f"bundle from a revoked site: {who}. To trust it again: {hint}", p)
        if p["key"] in state.revoked:
            raise UntrustedSite(
                f"bundle signed with a revoked key of {who}: it may be forged. If that site "
                f"has a new key, compare its fingerprint and run: {hint}",
                p,
            )
        if p["key"] not in state.signing:
            raise UntrustedSite(
                f"bundle signed with a different key than the trusted one for {who}: it may be "
                f"forged. If that site really changed its key, run: {hint}",
                p,
            )

    # -- export ------------------------------------------------------------------
