"""Multi-site simulation of bundle exchange.

Every site makes random creates, edits, deletes, restores, attachments, comments,
ratings and memberships, on its own items and on items it received, so the same
items are changed concurrently on several sites; some conflicts are resolved along
the way so resolutions travel too. Bundles go to random peers and are delivered in
random order, some late, 10% lost, 10% twice and 5% damaged (a damaged bundle must
be refused and leave the site exactly as it was). Sites hear of each other's work
through third sites. Some items are private or site-only: none of their revisions,
nor the files attached to them, may ever leave their site.

Sites also live through what administrators do to them: a database restored from
a backup (found by the workspace itself), a whole folder restored with its keys/
(found only from peers' bundles), a copy opened in another folder (refused any write,
then split into a new site that joins the others), a lost key replaced (every other
site trusts the new one by hand) and a trusted site forging another site's revision
in a bundle (refused, nothing written).

After the random phase, neighbours on a ring exchange until no bundle brings
anything new (non-neighbours are only reached through relays). Then every site
holds every shareable revision made anywhere (none lost, none refused), the same
shown version, heads, deletion and conflict flags for every shareable item, the same
attachments, and passes ``check``.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import random
import shutil
import struct
import uuid
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from copdesk import Workspace
from copdesk.errors import BadInput, UntrustedSite, WorkspaceCopied
from copdesk.store import revisions as revs
from copdesk.store.revisions import COLUMNS
from copdesk.sync import keys

LOST, TWICE, DAMAGED = 0.10, 0.10, 0.05
FULL = 0.05  # share of bundles sent in full rather than only what the peer lacks
LATE = 0.3  # share of bundles left in the pool for a later round
ROUNDS = 3
VISIBILITY = ["shared"] * 6 + ["private", "site"]
# The field an edit changes, per kind edited directly.
EDITED = {"rex": "summary", "person": "job_title", "skill": "description", "community": "charter"}
LINKABLE = ("rex", "person", "skill", "community")
ROLES = ("member", "expert", "contributor")
STATE_COLUMNS = [c for c in COLUMNS if c != "change"]  # change is a local counter


@dataclass
class Site:
    name: str
    ws: Workspace
    id: str
    key: str
    inherited: frozenset[str] = frozenset()  # private revisions of the site it was split from
    snapshots: list[Path] = field(default_factory=list)  # database backups
    folders: list[Path] = field(default_factory=list)  # whole-folder backups


class World:
    """Sites, the bundles in transit, and what the test knows may leave a site."""

    def __init__(self, root: Path, n_sites: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.root = root
        self.stack = contextlib.ExitStack()
        (root / "pool").mkdir()
        (root / "files").mkdir()
        (root / "backups").mkdir()
        self.sites: list[Site] = []
        for i in range(n_sites):
            Workspace.create(root / f"site{i}", site=f"Site {i}").close()
            ws = self.open(root / f"site{i}")
            me = ws.sites.identity()
            self.sites.append(Site(f"Site {i}", ws, me["site_id"], me["key"]))
        for s in self.sites:
            for other in self.sites:
                if other is not s:
                    s.ws.sites.trust(other.id, other.key, other.name)
        # What may leave a site: items by their visibility (only ever made wider),
        # relations when everything they point to may.
        self.visible: dict[str, bool] = {}
        self.targets: dict[str, tuple[str, ...]] = {}
        self.home: dict[str, str] = {}  # item id -> the site that made it first
        self.blobs: dict[str, str] = {}  # sha256 -> its attachment item
        self.pool: list[tuple[Path, Site]] = []
        self.counter = 0
        self.stats: Counter[str] = Counter()
        self.revoked: set[str] = set()

    def close(self) -> None:
        self.stack.close()
        for s in self.sites:
            s.ws.close()

    def next(self) -> int:
        self.counter += 1
        return self.counter

    def new_id(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    # -- operations ------------------------------------------------------------

    def live(self, site: Site, kinds: tuple[str, ...], with_deleted: bool = False) -> list[str]:
        marks = ",".join("?" * len(kinds))
        where = "" if with_deleted else " AND deleted = 0"
        return [
            i
            for (i,) in site.ws.conn.execute(
                f"SELECT id FROM items WHERE kind IN ({marks}){where} ORDER BY id", kinds
            )
        ]

    def shareable(self, item_id: str) -> bool:
        if item_id in self.visible:
            return self.visible[item_id]
        return all(self.shareable(t) for t in self.targets[item_id])

    def note(self, item_id: str, site: Site, *targets: str, stays: bool = False) -> None:
        """Record a new relation (the same relation id made on two sites connects the
        same items). ``stays``: a comment or attachment written while what it is about
        could not leave stays on its site for good, even once that is shared."""
        assert self.targets.setdefault(item_id, targets) == targets
        self.home.setdefault(item_id, site.id)
        if stays:
            local = site.ws.conn.execute(
                "SELECT 1 FROM local_items WHERE item_id = ?", (item_id,)
            ).fetchone()
            # the site's own view decides (after a restore its targets may be private
            # again there until its peers send their shared versions back)
            if not all(self.shareable(t) for t in targets):
                assert local, "written while private, yet not kept on its site"
            if local:
                self.visible[item_id] = False

    def private_blobs(self) -> dict[str, str]:
        """sha256 -> the one site that may hold the file."""
        return {b: self.home[a] for b, a in self.blobs.items() if not self.shareable(a)}

    def create(self, site: Site, kind: str | None = None, visibility: str | None = None) -> str:
        kind = kind or self.rng.choice(["rex", "rex", "rex", "person", "skill", "community"])
        visibility = visibility or self.rng.choice(VISIBILITY)
        n = self.next()
        data = {
            "rex": {"title": f"REX {n}", "summary": "first"},
            "person": {"name": f"Person {n}"},
            "skill": {"name": f"Skill {n}", "domain": "Hydraulics"},
            "community": {"name": f"Community {n}", "form": "trade"},
        }[kind]
        item = site.ws.items.add(kind, {**data, "visibility": visibility}, item_id=self.new_id())
        self.visible[item["id"]] = visibility == "shared"
        self.home[item["id"]] = site.id
        for m in item.get("members", []):  # whoever creates a community animates it
            self.note(m["id"], site, m["person"], item["id"])
        return item["id"]

    def share(self, site: Site) -> None:
        """Make a private or site-only item shared: its history and relations may leave."""
        choices = [i for i in self.live(site, LINKABLE) if not self.visible[i]]
        if choices:
            item_id = self.rng.choice(choices)
            site.ws.items.edit(item_id, {"visibility": "shared"})
            self.visible[item_id] = True
            self.stats["shared"] += 1

    def edit(self, site: Site) -> None:
        choices = self.live(site, tuple(EDITED))
        if choices:
            item_id = self.rng.choice(choices)
            kind = site.ws.conn.execute("SELECT kind FROM items WHERE id = ?", (item_id,))
            field = EDITED[kind.fetchone()[0]]
            site.ws.items.edit(item_id, {field: f"{site.name} change {self.next()}"})

    def delete(self, site: Site) -> None:
        choices = self.live(site, (*LINKABLE, "rating", "membership"))
        if choices:
            site.ws.items.delete(self.rng.choice(choices))

    def restore(self, site: Site) -> None:
        choices = self.live(site, (*LINKABLE, "rating"), with_deleted=True)
        if choices:
            item_id = self.rng.choice(choices)
            rows = site.ws.conn.execute(
                "SELECT rev_id, body FROM revisions WHERE item_id = ? AND deleted = 0"
                " ORDER BY rev_id",
                (item_id,),
            )
            # Not a version from before the item was shared: that would make it private
            # again here (by design), which this model of visibility does not follow.
            shared = self.shareable(item_id)
            versions = [
                rev_id
                for rev_id, body in rows
                if not shared or json.loads(body)["content"].get("visibility", "shared") == "shared"
            ]
            site.ws.items.restore(item_id, self.rng.choice(versions))

    def attach(self, site: Site, target: str | None = None) -> None:
        choices = [target] if target else self.live(site, LINKABLE)
        if not choices:
            return
        target = self.rng.choice(choices)
        n = self.next()
        path = self.root / "files" / f"note-{n}.txt"
        path.write_bytes(f"{site.name}, file {n}, {self.rng.random()}\n".encode())
        sha = hashlib.sha256(path.read_bytes()).hexdigest()
        made = site.ws.items.attach(target, path)
        assert made["created"] and made["sha256"] == sha
        self.note(made["id"], site, target, stays=True)
        self.blobs[sha] = made["id"]

    def comment(self, site: Site, target: str | None = None) -> None:
        choices = [target] if target else self.live(site, LINKABLE)
        if choices:
            target = self.rng.choice(choices)
            made = site.ws.items.comment(target, f"{site.name} says {self.next()}")
            self.note(made["id"], site, target, stays=True)

    def rate(self, site: Site, person: str | None = None, skill: str | None = None) -> None:
        people = [person] if person else self.live(site, ("person",))
        skills = [skill] if skill else self.live(site, ("skill",))
        if people and skills:
            person, skill = self.rng.choice(people), self.rng.choice(skills)
            made = site.ws.people.rate(person, skill, self.rng.randrange(5))
            self.note(made["id"], site, person, skill)

    def member(self, site: Site, person: str | None = None, group: str | None = None) -> None:
        people = [person] if person else self.live(site, ("person",))
        groups = [group] if group else self.live(site, ("community",))
        if people and groups:
            person, group = self.rng.choice(people), self.rng.choice(groups)
            made = site.ws.people.member(group, person, self.rng.choice(ROLES))
            self.note(made["id"], site, person, group)

    def resolve(self, site: Site) -> None:
        choices = [
            i
            for (i,) in site.ws.conn.execute("SELECT id FROM items WHERE conflict = 1 ORDER BY id")
        ]
        if choices:
            item_id = self.rng.choice(choices)
            versions = sorted(v["rev_id"] for v in site.ws.conflicts.get(item_id)["versions"])
            assert len(versions) >= 2
            site.ws.conflicts.resolve(item_id, keep=self.rng.choice(versions))
            assert not site.ws.conn.execute(
                "SELECT conflict FROM items WHERE id = ?", (item_id,)
            ).fetchone()[0]
            self.stats["resolved"] += 1

    def work(self, site: Site, count: int) -> None:
        ops = [
            (self.create, 3),
            (self.edit, 5),
            (self.delete, 1),
            (self.restore, 1),
            (self.attach, 1),
            (self.comment, 1),
            (self.rate, 2),
            (self.member, 1),
            (self.resolve, 2),
            (self.share, 1),
        ]
        for op in self.rng.choices([o for o, _ in ops], [w for _, w in ops], k=count):
            op(site)

    # -- bundles ---------------------------------------------------------------

    def export(self, source: Site, dest: Site | None) -> Path:
        path = self.root / "pool" / f"b{self.next()}.copdesk"
        # now and then a full bundle: what the peer already holds, again
        full = self.rng.random() < FULL
        source.ws.sync.export(path, peer=dest.id if dest else None, full=full)
        self.inspect(path, source)
        return path

    def inspect(self, path: Path, producer: Site) -> None:
        """Nothing private is in the bundle; count revisions relayed for another site."""
        with zipfile.ZipFile(path) as zf:
            for raw in zf.read("revisions.jsonl").splitlines():
                rev = json.loads(raw)["revision"]
                assert self.shareable(rev["item"]), f"{rev['kind']} {rev['item']} left its site"
                self.stats["relayed"] += rev["site"] != producer.id
            private = self.private_blobs()
            for name in zf.namelist():
                assert name.removeprefix("blobs/") not in private, name

    def deliver(self, path: Path, dest: Site) -> int:
        """Import a bundle (or a damaged copy of it); returns the new revisions it brought."""
        if self.rng.random() < DAMAGED:
            bad = damage(path, self.rng)
            before = digest(dest.ws)
            with pytest.raises(BadInput):
                dest.ws.sync.import_bundle(bad)
            assert digest(dest.ws) == before, "a refused bundle changed the workspace"
            self.stats["damaged"] += 1
            return 0
        try:
            return dest.ws.sync.import_bundle(path)["revisions_new"]
        except UntrustedSite:
            # made before its site's key was replaced: refused; what it held comes again
            with zipfile.ZipFile(path) as zf:
                key = json.loads(zf.read("manifest.json"))["producer"]["key"]
            assert key in self.revoked, "a bundle of a trusted key was refused"
            self.stats["signed by a revoked key"] += 1
            return 0

    def retrust(self, site: Site) -> None:
        """What an administrator does after restoring a backup: trust again the sites
        and keys trusted since."""
        for other in self.sites:
            if other is not site:
                site.ws.sites.trust(other.id, other.key, other.name)

    # -- what administrators do to sites ------------------------------------------

    def reopen(self, site: Site) -> None:
        site.ws = self.open(site.ws.path)

    def open(self, path: Path) -> Workspace:
        """A site's workspace where any history may happen, by nobody in particular (who
        may do what, and authorship, are tested elsewhere)."""
        ws = Workspace.open(path, index=False)
        self.stack.enter_context(ws.permissions.bypass())
        ws.core.act_as(None)
        return ws

    def backup(self, site: Site) -> None:
        """A copy of the database (as backups/ holds) and of the whole folder."""
        n = self.next()
        db = self.root / "backups" / f"{n}.db"
        site.ws.core.db.backup(db)
        site.snapshots.append(db)
        folder = self.root / "backups" / f"folder-{n}"
        site.ws.close()
        shutil.copytree(site.ws.path, folder, ignore=shutil.ignore_patterns("index"))
        self.reopen(site)
        site.folders.append(folder)

    def restore_backup(self, site: Site, whole: bool) -> None:
        """The database (or the whole folder, keys/ included) put back from a backup."""
        with_backups = [s for s in self.sites if (s.folders if whole else s.snapshots)]
        if not with_backups:
            return
        if site not in with_backups:
            site = self.rng.choice(with_backups)
        backups = site.folders if whole else site.snapshots
        source = self.rng.choice(backups)
        path = site.ws.path
        site.ws.close()
        if whole:
            shutil.rmtree(path)
            shutil.copytree(source, path)
        else:
            for extra in ("copdesk.db-wal", "copdesk.db-shm"):
                (path / extra).unlink(missing_ok=True)
            shutil.copyfile(source, path / "copdesk.db")
        self.reopen(site)
        # "restored" when it had published since that backup; never a copy
        assert site.ws.sites.state()["state"] in ("ok", "restored")
        self.retrust(site)
        self.stats["restored whole" if whole else "restored"] += 1

    def clone(self, site: Site) -> None:
        """The folder copied elsewhere: it may not write; split, it is a new site."""
        n = self.next()
        copy = self.root / f"clone{n}"
        site.ws.close()
        shutil.copytree(site.ws.path, copy, ignore=shutil.ignore_patterns("index"))
        self.reopen(site)
        ws = self.open(copy)
        before = digest(ws)
        with pytest.raises(WorkspaceCopied):
            ws.items.add("rex", {"title": "written on a copy"})
        with pytest.raises(WorkspaceCopied):
            ws.sync.export(self.root / "pool" / f"copy{n}.copdesk")
        assert digest(ws) == before
        inherited = {
            r for (r,) in ws.conn.execute("SELECT rev_id FROM revisions WHERE site = ?", (site.id,))
        }
        # what the original had never sent (never signed): the copy keeps it as history
        unsent = {
            r
            for (r,) in ws.conn.execute(
                "SELECT rev_id FROM revisions WHERE site = ? AND sig IS NULL", (site.id,)
            )
        }
        me = ws.sites.become_new_site(f"Site {len(self.sites)} (split)")
        new = Site(me["name"], ws, me["site_id"], me["key"])
        new.inherited = (
            frozenset(r for r in inherited if not self.shareable(self.item_of(ws, r)))
            | site.inherited
            | unsent
        )
        for other in self.sites:
            other.ws.sites.trust(new.id, new.key, new.name)
            new.ws.sites.trust(other.id, other.key, other.name)
        self.sites.append(new)
        self.stats["split"] += 1

    def item_of(self, ws: Workspace, rev_id: str) -> str:
        return ws.conn.execute(
            "SELECT item_id FROM revisions WHERE rev_id = ?", (rev_id,)
        ).fetchone()[0]

    def lose_key(self, site: Site) -> None:
        """The key is lost: a new one revokes it; every other site trusts the new one."""
        (site.ws.path / "keys" / "site.key").unlink()
        self.revoked.add(site.key)
        me = site.ws.sites.replace_lost_key()
        site.key = me["key"]
        site.folders.clear()  # a folder backed up with the lost key is not restored
        for other in self.sites:
            if other is not site:
                other.ws.sites.trust(site.id, site.key, site.name)
        self.stats["keys replaced"] += 1

    def forge(self, forger: Site, victim: Site, dest: Site) -> None:
        """A trusted site slips a revision signed by itself under another site's name."""
        path = self.root / "pool" / f"forged{self.next()}.copdesk"
        forger.ws.sync.export(path, peer=dest.id)
        with zipfile.ZipFile(path) as zf:
            manifest = json.loads(zf.read("manifest.json"))
            lines = zf.read("revisions.jsonl")
            blobs = {n: zf.read(n) for n in zf.namelist() if n.startswith("blobs/")}
        revision = {"at": "2026-01-05T10:00:00.000Z", "author": None,
                    "content": {"title": "forged", "visibility": "shared"},
                    "item": self.new_id(), "kind": "rex", "op": "create", "parents": [],
                    "seq": 1, "site": victim.id, "v": 1}  # fmt: skip
        body = json.dumps(revision, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        rev = hashlib.sha256(body.encode()).hexdigest()
        sig = keys.sign(forger.ws.path, rev.encode())
        lines += f'{{"feed":"{victim.id}","n":{10**6},"revision":{body},"sig":"{sig}"}}\n'.encode()
        manifest["sites"][victim.id] = victim.name
        manifest["counts"]["revisions"] += 1
        manifest["files"]["revisions.jsonl"] = {
            "sha256": hashlib.sha256(lines).hexdigest(), "size": len(lines)}  # fmt: skip
        raw = json.dumps(manifest, sort_keys=True, indent=1, ensure_ascii=False).encode()
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("mimetype", b"application/vnd.copdesk.bundle")
            zf.writestr("manifest.json", raw)
            zf.writestr("signature", keys.sign(forger.ws.path, raw))
            zf.writestr("revisions.jsonl", lines)
            for name, data in blobs.items():
                zf.writestr(name, data)
        before = digest(dest.ws)
        with pytest.raises(BadInput, match="forged or altered"):
            dest.ws.sync.import_bundle(path)
        assert digest(dest.ws) == before, "a forged relay changed the workspace"
        self.stats["forged"] += 1

    def trouble(self) -> None:
        """Now and then, one of the events above."""
        site = self.rng.choice(self.sites)
        roll = self.rng.random()
        if roll < 0.25:
            self.backup(site)
        elif roll < 0.4:
            self.restore_backup(site, whole=False)
        elif roll < 0.55:
            self.restore_backup(site, whole=True)
        elif roll < 0.6 and len(self.sites) < 8:
            self.clone(site)
        elif roll < 0.65:
            self.lose_key(site)
        elif roll < 0.75:
            others = [s for s in self.sites if s is not site]
            victim, dest = self.rng.sample(others, 2) if len(others) > 1 else (others[0],) * 2
            self.forge(site, victim, dest)

    def round(self) -> None:
        for _ in range(3):
            self.trouble()
        for site in self.sites:
            self.work(site, self.rng.randint(2, 4))
        for site in self.sites:
            others = [s for s in self.sites if s is not site]
            for dest in self.rng.sample(others, self.rng.randint(1, 2)):
                path = self.export(site, dest)
                roll = self.rng.random()
                if roll < LOST:
                    self.stats["lost"] += 1
                    continue
                self.pool.append((path, dest))
                if roll < LOST + TWICE:
                    self.pool.append((path, dest))
        self.rng.shuffle(self.pool)
        kept = []
        for path, dest in self.pool:
            if self.rng.random() < LATE:
                kept.append((path, dest))
            else:
                self.deliver(path, dest)
        self.pool = kept

    def flush(self) -> None:
        self.rng.shuffle(self.pool)
        for path, dest in self.pool:
            self.deliver(path, dest)
        self.pool = []

    def until_quiet(self) -> int:
        """Neighbours on a ring exchange both ways, without loss, until nothing is new."""
        n = len(self.sites)
        for passes in range(1, 2 * n + 2):
            new = 0
            for i in range(n):
                a, b = self.sites[i], self.sites[(i + 1) % n]
                new += b.ws.sync.import_bundle(self.export(a, b))["revisions_new"]
                new += a.ws.sync.import_bundle(self.export(b, a))["revisions_new"]
            if new == 0:
                return passes
        raise AssertionError("the exchange did not become quiet")


def damage(path: Path, rng: random.Random) -> Path:
    """A copy cut short, or with one bit flipped anywhere or in one entry's data, such
    that the zip no longer holds the same entries with the same bytes.

    Some flips change nothing that is read (copies of sizes, times and methods in the
    local headers, the final-block flag and padding of a deflate stream): the bundle
    is still whole, so they are drawn again.
    """
    data = path.read_bytes()
    original = contents(data)
    while True:
        bad = bytearray(data)
        roll = rng.random()
        if roll < 0.2:
            bad = bad[: rng.randrange(len(bad))]
        elif roll < 0.6:
            bad[rng.randrange(len(bad))] ^= 1 << rng.randrange(8)
        else:
            with zipfile.ZipFile(path) as zf:
                info = rng.choice([i for i in zf.infolist() if i.compress_size > 0])
            name_len, extra_len = struct.unpack_from("<HH", data, info.header_offset + 26)
            start = info.header_offset + 30 + name_len + extra_len
            bad[start + rng.randrange(info.compress_size)] ^= 1 << rng.randrange(8)
        if contents(bytes(bad)) != original:
            break
    target = path.with_name(f"damaged-{path.name}")
    target.write_bytes(bytes(bad))
    return target


def contents(data: bytes) -> dict[str, bytes] | None:
    """What each entry of a zip holds, or None when it cannot be read whole."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return {i.filename: zf.read(i) for i in zf.infolist()}
    except Exception:
        return None


def digest(ws: Workspace) -> str:
    """Everything import could change: tables and attachment files."""
    h = hashlib.sha256()
    for table in ("sites", "revisions", "rev_parents", "items", "refs", "feed", "blobs"):
        for row in ws.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            h.update(repr(row).encode())
    for f in sorted((ws.path / "blobs").rglob("*")):
        h.update(str(f.relative_to(ws.path)).encode())
    return h.hexdigest()


def simulate(world: World) -> None:
    # A common start so that sites soon change the same items (and rate the same skills).
    first = world.sites[0]
    for kind in ("rex", "rex", "person", "person", "skill", "skill", "community"):
        world.create(first, kind, "shared")
    start = world.export(first, None)
    for site in world.sites[1:]:
        assert site.ws.sync.import_bundle(start)["revisions_new"] == 7
    # Every site has something that must stay home: a private report with a file and a
    # comment, a site-only person rated on a shared skill and member of a shared community.
    skill, group = world.live(first, ("skill",))[0], world.live(first, ("community",))[0]
    for site in world.sites:
        report = world.create(site, "rex", "private")
        world.attach(site, report)
        world.comment(site, report)
        person = world.create(site, "person", "site")
        world.rate(site, person, skill)
        world.member(site, person, group)
    for _ in range(ROUNDS):
        world.round()
    world.flush()
    world.until_quiet()


def verify(world: World) -> None:
    sites = world.sites
    made_shareable: set[str] = set()
    made_private: dict[str, set[str]] = {s.id: set() for s in sites}
    for s in sites:
        own = s.ws.conn.execute("SELECT rev_id, item_id FROM revisions WHERE site = ?", (s.id,))
        memo: dict[str, bool] = {}
        for rev_id, item_id in own:
            # a version written while its item was private never leaves (after a restore,
            # such a version may be back in a history whose item was shared since)
            if world.shareable(item_id) and not revs.is_private(s.ws.conn, rev_id, memo):
                made_shareable.add(rev_id)
            elif world.shareable(item_id):
                made_private[s.id].add(rev_id)
            else:
                assert world.home[item_id] == s.id or s.inherited
                made_private[s.id].add(rev_id)
    unsent = {r for s in sites for r in s.inherited}
    for s in sites:  # shareable revisions of any site, held anywhere: none may be missing
        for rev_id, item_id in s.ws.conn.execute("SELECT rev_id, item_id FROM revisions"):
            keep = world.shareable(item_id) and rev_id not in unsent
            if keep and not revs.is_private(s.ws.conn, rev_id):
                made_shareable.add(rev_id)
    # items made after a backup and gone with its restore, never sent: lost by whoever
    # restored it, not by the exchange
    existing = {i for s in sites for (i,) in s.ws.conn.execute("SELECT id FROM items")}
    everything = (set(world.visible) | set(world.targets)) & existing
    world.blobs = {b: a for b, a in world.blobs.items() if a in existing}
    shared_items = {i for i in everything if world.shareable(i)}
    private_blobs = world.private_blobs()
    shared_blobs = set(world.blobs) - set(private_blobs)
    reference: dict[str, tuple] | None = None
    for s in sites:
        conn = s.ws.conn
        held = {r for (r,) in conn.execute("SELECT rev_id FROM revisions")}
        missing = sorted(made_shareable - held)
        assert not missing, f"{s.name} lacks {len(missing)} shareable revisions: {missing[:3]}"
        # (inherited private versions may have been set aside since, as drafts)
        assert (held - made_shareable) - s.inherited == made_private[s.id], (
            f"{s.name} holds another's private"
        )
        inherited_items = {
            i for (i,) in conn.execute("SELECT DISTINCT item_id FROM revisions")
            if i in everything and not world.shareable(i) and world.home[i] != s.id
        }  # fmt: skip
        own_private = {i for i in everything - shared_items if world.home[i] == s.id}
        own_private |= inherited_items
        rows = {
            r[0]: r
            for r in conn.execute(f"SELECT {', '.join(STATE_COLUMNS)} FROM items ORDER BY id")
        }
        assert set(rows) == shared_items | own_private
        state = {i: r for i, r in rows.items() if i in shared_items}
        if reference is None:
            reference = state
        else:
            differ = sorted(i for i in state if state[i] != reference[i])
            assert not differ, f"{s.name} shows other versions of {differ[:3]}"
        blobs = {b for (b,) in conn.execute("SELECT sha256 FROM blobs")}
        mine = {b for b, home in private_blobs.items() if home == s.id}
        mine |= {b for b, a in world.blobs.items() if a in inherited_items}
        assert blobs == shared_blobs | mine
        assert all(s.ws.blobs.exists(b) for b in blobs)
        assert not any(s.ws.blobs.exists(b) for b in set(private_blobs) - mine)
        assert s.ws.check() == []
    assert world.stats["relayed"] > 0


@pytest.mark.slow
@pytest.mark.parametrize(
    ("n_sites", "seed"),
    [(5, seed) for seed in range(50)] + [(20, seed) for seed in range(5)],
)
def test_sites_converge(tmp_path: Path, n_sites: int, seed: int) -> None:
    world = World(tmp_path, n_sites, seed)
    try:
        simulate(world)
        verify(world)
    finally:
        world.close()
