"""Signed roster records: key rotations, revocations and new feeds, and which keys of a
site may sign today.

A record is a small JSON object signed by the key it names in ``by``; it travels in
every bundle (``manifest.json``'s ``roster``), so a change made at one site reaches
sites that never meet it. A record only says something when its signer has
authority, and authority starts from the keys this site's administrator trusted by
hand (anchors, compared by fingerprint):

- ``key``: a site's new key. A rotation is signed by the key it replaces (``prev``),
  so a site that trusted the old key follows it; a key with no ``prev`` introduces
  itself (after a lost key) and counts only once trusted by hand. Two different
  successors of one key (a thief and the site) cancel each other: neither counts
  until trusted by hand.
- ``revoke``: a key that must no longer sign, signed by that key itself or by a key
  of the same site that has authority; revisions it signed are no longer accepted.
- ``feed``: a new numbered feed of the site (after a restore or a copy was found),
  so that its new revisions never reuse numbers peers already hold.

The signing keys of a site are the keys reached from its anchors by rotations,
minus the revoked ones.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from copdesk.store import revisions as revs
from copdesk.sync.bundle import _refuse, is_uuid

TYPES = {
    "key": {"type", "site", "key", "prev", "at", "by"},
    "revoke": {"type", "site", "key", "at", "by"},
    "feed": {"type", "site", "feed", "reason", "at", "by"},
}
FEED_REASONS = ("first", "restored", "copy", "fork", "signatures", "revocation", "split")
MAX_RECORDS = 2_000
_AT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")


def _keys() -> Any:
    from copdesk.sync import keys  # cryptography loads only when a record is checked

    return keys


def record_id(record: dict[str, Any]) -> str:
    return hashlib.sha256(revs.canonical(record)).hexdigest()


def make(sign: Any, record: dict[str, Any]) -> dict[str, Any]:
    """A roster entry: the record and the base64 signature of its canonical bytes."""
    return {"record": record, "sig": sign(revs.canonical(record))}


@dataclass
class KeyState:
    """What a site's keys may do, as seen from here."""

    anchors: set[str] = field(default_factory=set)
    chain: set[str] = field(default_factory=set)  # anchors and keys reached by rotation
    revoked: set[str] = field(default_factory=set)

    @property
    def signing(self) -> set[str]:
        return self.chain - self.revoked


def check_entries(entries: Any) -> list[dict[str, Any]]:
    """Check a bundle's roster: known fields, valid values, each signature by the key in
    ``by`` (a rotation signed by any other key than the one it replaces is refused)."""
    if not isinstance(entries, list) or len(entries) > MAX_RECORDS:
        raise _refuse("manifest.json has an invalid roster")
    keys = _keys()
    out = []
    for number, entry in enumerate(entries, 1):
        where = f"roster record {number}"
        if not isinstance(entry, dict) or set(entry) != {"record", "sig"}:
            raise _refuse(f"{where} is not a record and its signature")
        r, sig = entry["record"], entry["sig"]
        kind = r.get("type") if isinstance(r, dict) else None
        if kind not in TYPES or set(r) != TYPES[kind] or not isinstance(sig, str):
            raise _refuse(f"{where} has unknown or missing fields")
        if not is_uuid(r["site"]) or not isinstance(r["at"], str) or not _AT.fullmatch(r["at"]):
            raise _refuse(f"{where} has an invalid site or time")
        for name in ("key", "by", "prev"):
            if name in r and not (name == "prev" and r[name] is None):
                try:
                    keys.parse_public(r[name])
                except Exception:
                    raise _refuse(f"{where} has an invalid key in {name!r}") from None
        if kind == "feed" and (not is_uuid(r["feed"]) or r["reason"] not in FEED_REASONS):
            raise _refuse(f"{where} names an invalid feed")
        if kind == "key" and r["by"] != (r["prev"] or r["key"]):
            raise _refuse(
                f"{where}: the new key of site {r['site']} must be signed by the key it replaces"
            )
        if not keys.verify(r["by"], revs.canonical(r), sig.encode("ascii", "replace")):
            raise _refuse(
                f"{where}: a {kind} record of site {r['site']} is not signed by the key it "
                "names (signed by the wrong key, or altered)"
            )
        out.append(entry)
    return out


def stored(conn: sqlite3.Connection, site: str | None = None) -> list[dict[str, Any]]:
    """Roster entries held here (of one site, or all of them)."""
    import json

    sql = "SELECT record, sig FROM roster"
    rows = conn.execute(sql + " WHERE site = ?", (site,)) if site else conn.execute(sql)
    return [{"record": json.loads(r), "sig": s} for r, s in rows]


def store(conn: sqlite3.Connection, entries: Iterable[dict[str, Any]], at: str) -> int:
    """Keep checked entries (to apply and to relay); returns how many were new."""
    rows = [
        (
            record_id(e["record"]),
            e["record"]["site"],
            e["record"]["type"],
            revs.dump(e["record"]),
            e["sig"],
            at,
        )
        for e in entries
    ]
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO roster (id, site, type, record, sig, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    return conn.total_changes - before


def key_state(
    conn: sqlite3.Connection, site: str, extra: Iterable[dict[str, Any]] = ()
) -> KeyState:
    """The anchors, chain and revoked keys of ``site`` from the roster held here plus
    ``extra`` entries (a bundle being checked)."""
    state = KeyState()
    state.anchors = {
        k
        for (k,) in conn.execute("SELECT key FROM site_keys WHERE site = ? AND anchor = 1", (site,))
    }
    records = [e["record"] for e in [*stored(conn, site), *extra] if e["record"]["site"] == site]
    successors: dict[str, set[str]] = {}
    for r in records:
        if r["type"] == "key" and r["prev"]:
            successors.setdefault(r["prev"], set()).add(r["key"])
    chain = set(state.anchors)
    todo = list(chain)
    while todo:
        key = todo.pop()
        nxt = successors.get(key, set())
        if len(nxt) != 1:  # none, or a fork: two keys claim to replace this one
            continue
        (new,) = nxt
        if new not in chain:
            chain.add(new)
            todo.append(new)
    state.chain = chain
    state.revoked = {
        r["key"]
        for r in records
        if r["type"] == "revoke" and (r["by"] == r["key"] or r["by"] in chain)
    }
    return state


def feed_owners(
    conn: sqlite3.Connection, extra: Iterable[dict[str, Any]] = ()
) -> dict[str, tuple[str, str]]:
    """feed id -> (site, key that declared it) for every feed known here or declared in
    ``extra``; a site's first feed, whose id is the site's id, needs no record (key "")."""
    out = {f: (s, "") for f, s in conn.execute("SELECT id, site FROM feeds")}
    for e in [*stored(conn), *extra]:
        r = e["record"]
        if r["type"] == "feed":
            out.setdefault(r["feed"], (r["site"], r["by"]))
            if out[r["feed"]][1] == "" and out[r["feed"]][0] == r["site"]:
                out[r["feed"]] = (r["site"], r["by"])
    return out
