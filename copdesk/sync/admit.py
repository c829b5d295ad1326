"""Which incoming revisions a workspace takes: a relay may carry anything, but a
revision is taken only when its origin site is trusted here and the origin's own
signature holds (as Secure Scuttlebutt checks every feed entry against its author).

For each revision of a checked bundle, in this order:

1. its feed belongs to its origin site (the site's first feed, or a feed record the
   site signed); a revision filed in another site's feed is refused;
2. its origin is trusted here; otherwise it is *held back* (not taken, not refused):
   it comes again in a later bundle once the site is trusted;
3. its signature holds with one of the origin's signing keys; a signature by a
   revoked key holds it back; a signature that holds with no key of the origin
   (a relay invented or altered it) refuses the whole bundle. When the origin made
   the bundle, its bundle signature (over the hash of revisions.jsonl) already holds
   for the revision: its own signature is then checked before this site relays it
   (this keeps the checks of a direct import cheap). A format-1 bundle has
   no such signatures: its producer's own revisions are covered by the bundle's
   signature, relayed ones are held back ("re-export from a current copdesk");
4. an attachment whose file is neither in the bundle nor here is held back, and so
   is a revision whose parent is neither here nor in the bundle (a bundle made for
   this site before its peer knew it had been restored), and every revision that
   builds on a held-back one.

A revision the workspace already holds is not checked again, unless it was held
without a signature: then the one that arrives is checked and kept.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from copdesk.store.blobs import BlobStore
from copdesk.sync import roster as ro
from copdesk.sync.bundle import _refuse
from copdesk.sync.exchange import Incoming

REASONS = {
    "untrusted": "its site is not trusted here",
    "revoked-site": "its site was revoked here",
    "revoked-key": "it is signed with a revoked key of its site",
    "feed": "its feed was declared with a key not trusted here",
    "format-1": "relayed in a format-1 bundle, without its site's signature: re-export "
    "from a current copdesk",
    "no-file": "the attachment arrived without its file",
    "parent": "it builds on a held-back revision",
    "missing": "it builds on a revision neither here nor in the bundle (made for this site "
    "before its peer learned what it holds, e.g. after a restore): it comes again",
}


@dataclass
class Admission:
    admitted: set[str] = field(default_factory=set)
    held: dict[str, str] = field(default_factory=dict)  # rev -> reason
    sigs: dict[str, str] = field(default_factory=dict)  # held revisions now signed
    unchecked: set[str] = field(default_factory=set)  # covered by the bundle's signature
    skipped: set[tuple[str, int]] = field(default_factory=set)  # entries of untrusted feeds
    known: set[str] = field(default_factory=set)  # held here already


def admit(
    conn: sqlite3.Connection,
    incoming: Incoming,
    *,
    fmt: int,
    self_site: str,
    producer: str,
    roster: list[dict[str, Any]],
    blobs_in_bundle: set[str],
    blobs: BlobStore,
) -> Admission:
    from copdesk.sync import keys

    out = Admission()
    owners = ro.feed_owners(conn, roster)
    trust = dict(conn.execute("SELECT id, coalesce(trust, '') FROM sites"))
    trust[self_site] = "trusted"
    states: dict[str, ro.KeyState] = {}

    def state(site: str) -> ro.KeyState:
        if site not in states:
            states[site] = ro.key_state(conn, site, roster)
        return states[site]

    stored: dict[str, str | None] = {}
    ids = list(incoming.revisions)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        stored.update(
            conn.execute(f"SELECT rev_id, sig FROM revisions WHERE rev_id IN ({marks})", chunk)
        )
    for (feed, _n), rev_id in incoming.entries.items():
        rev = incoming.revisions[rev_id]
        # a site's first feed has the site's id: no record can give it to another site
        owner = (feed, "") if feed == rev.site else owners.get(feed)
        where = f"line {incoming.lines[rev_id]}"
        if owner is None:
            raise _refuse(f"{where}: feed {feed} is declared by no record of its site")
        if owner[0] != rev.site:
            raise _refuse(
                f"{where}: a revision of site {rev.site} is filed in a feed of site {owner[0]} "
                "(a relay cannot number another site's revisions)"
            )
        if owner[1] and owner[1] not in state(owner[0]).signing and rev.site != self_site:
            out.skipped.add((feed, _n))
    numbered: dict[str, int] = {}
    for key, rev_id in incoming.entries.items():
        if key not in out.skipped:
            numbered[rev_id] = numbered.get(rev_id, 0) + 1
    loose = set(incoming.revisions) - set(incoming.entries.values())
    for key in out.skipped:  # held only when no other entry (nor a loose line) brings it
        rev_id = incoming.entries[key]
        if not numbered.get(rev_id) and rev_id not in loose:
            out.held.setdefault(rev_id, "feed")

    def check(rev_id: str, sig: str | None) -> str | None:
        """None when the origin's signature holds, else the reason to hold it back."""
        rev = incoming.revisions[rev_id]
        if sig is None:
            return None if rev.site == producer else "format-1"
        if rev.site == producer and rev.site != self_site:
            # the producer's own revision: its bundle signature (checked) covers the
            # hash of revisions.jsonl, so the origin's signature holds already; the
            # revision's own signature is checked before this site relays it
            out.unchecked.add(rev_id)
            return None
        msg = rev_id.encode("ascii")
        st = state(rev.site)
        if any(keys.verify(k, msg, sig) for k in sorted(st.signing)):
            return None
        if any(keys.verify(k, msg, sig) for k in sorted(st.revoked | (st.chain - st.signing))):
            return "revoked-key"
        known = {
            k for (k,) in conn.execute("SELECT key FROM site_keys WHERE site = ?", (rev.site,))
        }
        if rev.site != self_site and not st.signing and not known:
            return "untrusted"
        raise _refuse(
            f"line {incoming.lines[rev_id]}: the signature of revision {rev_id[:12]} does not "
            f"hold for its site {rev.site}: the bundle carries a forged or altered revision"
        )

    def signs(rev_id: str, sig: str | None) -> bool:
        """Whether ``sig`` holds with a key that may sign for the revision's origin now."""
        site = incoming.revisions[rev_id].site
        msg = rev_id.encode("ascii")
        return sig is not None and any(keys.verify(k, msg, sig) for k in state(site).signing)

    for rev_id, rev in incoming.revisions.items():
        sig = incoming.sigs[rev_id]
        if rev_id in stored:  # held already: its numbers in other feeds are still recorded
            old = stored[rev_id]
            if old is None and sig is not None and check(rev_id, sig) is None:
                out.sigs[rev_id] = sig
            elif sig is not None and sig != old and signs(rev_id, sig) and not signs(rev_id, old):
                out.sigs[rev_id] = sig  # signed again after a revocation: relays need it
            out.known.add(rev_id)
            continue
        if rev_id in out.held:
            continue
        if rev.site != self_site and trust.get(rev.site) != "trusted":
            out.held[rev_id] = "revoked-site" if trust.get(rev.site) == "revoked" else "untrusted"
            continue
        reason = check(rev_id, sig)
        if reason:
            out.held[rev_id] = reason
            continue
        if rev.kind == "attachment" and rev.content is not None:
            sha = rev.content["sha256"]
            if sha not in blobs_in_bundle and not blobs.exists(sha):
                out.held[rev_id] = "no-file"
                continue
        out.admitted.add(rev_id)
    for rev_id in sorted(out.admitted):
        for p in incoming.revisions[rev_id].parents:
            if p not in incoming.revisions and p not in stored and not _holds(conn, p):
                out.admitted.discard(rev_id)
                out.held[rev_id] = "missing"
                break
    changed = True
    while changed:  # what builds on a held-back revision waits with it
        changed = False
        for rev_id in list(out.admitted):
            if any(p in out.held and p not in stored for p in incoming.revisions[rev_id].parents):
                out.admitted.discard(rev_id)
                out.held[rev_id] = "parent"
                changed = True
    return out


def _holds(conn: sqlite3.Connection, rev_id: str) -> bool:
    row = conn.execute("SELECT 1 FROM revisions WHERE rev_id = ?", (rev_id,)).fetchone()
    return row is not None


def held_report(
    conn: sqlite3.Connection,
    incoming: Incoming,
    held: dict[str, str],
    bundle_names: dict[str, str] | None = None,
) -> list:
    """One line per held-back revision: item, kind, site, why, what to do. A site this
    workspace never met (a preview writes nothing) is named as the bundle names it."""
    names = {**(bundle_names or {}), **dict(conn.execute("SELECT id, name FROM sites"))}
    out = []
    for rev_id, reason in sorted(held.items(), key=lambda kv: incoming.lines[kv[0]]):
        rev = incoming.revisions[rev_id]
        title = (rev.content or {}).get("title") or (rev.content or {}).get("name") or ""
        out.append(
            {
                "rev_id": rev_id,
                "item": rev.item,
                "kind": rev.kind,
                "title": title,
                "site": rev.site,
                "site_name": names.get(rev.site),
                "reason": reason,
                "why": REASONS[reason],
            }
        )
    return out
