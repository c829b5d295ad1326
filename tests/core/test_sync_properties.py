"""Properties of bundle exchange over random histories on two or three sites.

The shown version does not depend on the order revisions arrive in; importing is
commutative (bundles in any order give the same workspace) and idempotent (a
bundle imported again changes nothing); and the set of revisions a workspace
holds only grows.
"""

from __future__ import annotations

import contextlib
import hashlib
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from copdesk import Workspace
from copdesk.store.revisions import COLUMNS

STATE_COLUMNS = [c for c in COLUMNS if c != "change"]  # change is a local counter
SITE = st.integers(min_value=0, max_value=2)
SLOT = st.integers(min_value=0, max_value=9)
OP = st.one_of(
    st.tuples(st.just("create"), SITE, st.sampled_from(["shared", "shared", "private", "site"])),
    st.tuples(st.just("edit"), SITE, SLOT),
    st.tuples(st.just("edit"), SITE, SLOT),
    st.tuples(st.just("delete"), SITE, SLOT),
    st.tuples(st.just("restore"), SITE, SLOT),
    st.tuples(st.just("rate"), SITE, st.integers(min_value=0, max_value=4)),
    st.tuples(st.just("rate"), SITE, st.integers(min_value=0, max_value=4)),
    st.tuples(st.just("resolve"), SITE, SLOT),
    st.tuples(st.just("sync"), SITE, SITE),
    st.tuples(st.just("sync"), SITE, SITE),
    st.tuples(st.just("snapshot"), SITE, st.none()),
    st.tuples(st.just("push"), SITE, SITE),
)
HISTORY = st.lists(OP, min_size=4, max_size=30)


def open_new(root: Path, name: str) -> Workspace:
    Workspace.create(root / name, site=name).close()
    ws = Workspace.open(root / name, index=False)
    # any history may happen here, written by nobody in particular (who may do what,
    # and authorship, are tested elsewhere)
    _BYPASSED.enter_context(ws.permissions.bypass())
    ws.core.act_as(None)
    return ws


_BYPASSED = contextlib.ExitStack()  # held for the whole run


def rev_ids(ws: Workspace) -> set[str]:
    return {r for (r,) in ws.conn.execute("SELECT rev_id FROM revisions")}


def items(ws: Workspace, skip: frozenset[str] | set[str] = frozenset()) -> dict[str, tuple]:
    rows = ws.conn.execute(f"SELECT {', '.join(STATE_COLUMNS)} FROM items ORDER BY id")
    return {r[0]: r for r in rows if r[0] not in skip}


def digest(ws: Workspace) -> str:
    """The workspace's content: revisions, shown state (without the local change
    counter), references, feed numbers and attachments."""
    h = hashlib.sha256()
    h.update(repr(sorted(items(ws).items())).encode())
    for table in ("revisions", "rev_parents", "refs", "feed", "blobs"):
        for row in ws.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            h.update(repr(row).encode())
    return h.hexdigest()


class History:
    """Sites that trust each other, and every bundle written while they worked."""

    def __init__(self, root: Path, n_sites: int) -> None:
        self.root = root
        self.sites = [open_new(root, f"site{i}") for i in range(n_sites)]
        self.ids = [ws.sites.identity() for ws in self.sites]
        for ws in self.sites:
            self.trusting(ws)
        self.bundles: list[Path] = []
        self.private: set[str] = set()
        self.counter = 0
        first = self.sites[0]
        self.person = first.items.add("person", {"name": "Ana"})["id"]
        self.skill = first.items.add("skill", {"name": "Welding", "domain": "Metal"})["id"]
        self.reports = [first.items.add("rex", {"title": "Leak", "summary": "first"})["id"]]
        start = self.bundle(first)
        for ws in self.sites[1:]:
            imported(ws, start)

    def trusting(self, ws: Workspace) -> Workspace:
        for me in self.ids:
            if me["site_id"] != ws.site_id:
                ws.sites.trust(me["site_id"], me["key"], me["name"])
        return ws

    def close(self) -> None:
        for ws in self.sites:
            ws.close()

    def bundle(self, ws: Workspace) -> Path:
        """Everything shareable the site holds (so any bundle can be imported alone)."""
        self.counter += 1
        path = self.root / f"b{self.counter}.copdesk"
        ws.sync.export(path)
        self.bundles.append(path)
        return path

    def row(self, ws: Workspace, item_id: str) -> tuple | None:
        return ws.conn.execute(
            "SELECT deleted, conflict FROM items WHERE id = ?", (item_id,)
        ).fetchone()

    def run(self, op: tuple[str, int, Any]) -> None:
        what, s, arg = op
        ws = self.sites[s % len(self.sites)]
        self.counter += 1
        if what == "create":
            item = ws.items.add("rex", {"title": f"Report {self.counter}", "visibility": arg})
            self.reports.append(item["id"])
            if arg != "shared":
                self.private.add(item["id"])
            return
        if what == "snapshot":  # a bundle only the workspaces made at the end will read
            self.bundle(ws)
            return
        if what == "push":  # only what the peer has not acknowledged: for that peer alone
            other = self.sites[arg % len(self.sites)]
            if other is not ws:
                self.counter += 1
                path = self.root / f"p{self.counter}.copdesk"
                ws.sync.export(path, peer=other.site_id)
                imported(other, path)
            return
        if what == "sync":
            other = self.sites[arg % len(self.sites)]
            if other is not ws:
                imported(other, self.bundle(ws))
            return
        if what == "rate":
            ws.people.rate(self.person, self.skill, arg)
            return
        if what == "resolve":
            conflicts = [i for (i,) in ws.conn.execute("SELECT id FROM items WHERE conflict = 1")]
            if conflicts:
                item_id = sorted(conflicts)[arg % len(conflicts)]
                versions = sorted(v["rev_id"] for v in ws.conflicts.get(item_id)["versions"])
                ws.conflicts.resolve(item_id, keep=versions[arg % len(versions)])
            return
        item_id = self.reports[arg % len(self.reports)]
        row = self.row(ws, item_id)
        if row is None:  # not arrived here (yet), or private elsewhere
            return
        if what == "edit" and not row[0]:
            ws.items.edit(item_id, {"summary": f"{ws.site_name} {self.counter}"})
        elif what == "delete" and not row[0]:
            ws.items.delete(item_id)
        elif what == "restore":
            versions = ws.conn.execute(
                "SELECT rev_id FROM revisions WHERE item_id = ? AND deleted = 0 ORDER BY rev_id",
                (item_id,),
            ).fetchall()
            ws.items.restore(item_id, versions[arg % len(versions)][0])


def imported(ws: Workspace, path: Path) -> dict[str, Any]:
    """Import, checking that no revision was lost."""
    before = rev_ids(ws)
    result = ws.sync.import_bundle(path)
    after = rev_ids(ws)
    assert before <= after
    assert len(after - before) == result["revisions_new"]
    return result


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(n_sites=st.integers(min_value=2, max_value=3), history=HISTORY, data=st.data())
def test_import_order_does_not_matter(
    n_sites: int, history: list[tuple[str, int, Any]], data: st.DataObject
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        world = History(Path(tmp), n_sites)
        fresh: list[Workspace] = []
        try:
            for op in history:
                world.run(op)
            for ws in world.sites:
                world.bundle(ws)
            bundles = world.bundles
            fresh = [world.trusting(open_new(Path(tmp), f"fresh{i}")) for i in range(2)]
            orders = [data.draw(st.permutations(bundles), label=f"order {i}") for i in range(3)]
            for ws, order in zip(fresh, orders, strict=False):
                for path in order:
                    imported(ws, path)
            # Idempotent: every bundle again, in yet another order, changes nothing.
            before = digest(fresh[1])
            for path in orders[2]:
                assert imported(fresh[1], path)["revisions_new"] == 0
            assert digest(fresh[1]) == before

            # Commutative: the same revisions and the same shown state whatever the order.
            made = set().union(*(rev_ids(ws) for ws in world.sites))
            private = {
                r
                for ws in world.sites
                for (r,) in ws.conn.execute(
                    "SELECT rev_id FROM revisions WHERE item_id IN"
                    f" ({','.join('?' * len(world.private))})",
                    sorted(world.private),
                )
            }
            assert rev_ids(fresh[0]) == rev_ids(fresh[1]) == made - private
            assert items(fresh[0]) == items(fresh[1])
            assert not set(items(fresh[0])) & world.private
            assert fresh[0].check() == fresh[1].check() == []
            conflicts = fresh[0].conn.execute("SELECT count(*) FROM items WHERE conflict = 1")
            event(f"items in conflict: {min(conflicts.fetchone()[0], 2)}")
            resolved = fresh[0].conn.execute(
                "SELECT count(*) FROM revisions WHERE body LIKE ?", ('%"op":"resolve"%',)
            )
            event(f"resolutions: {min(resolved.fetchone()[0], 2)}")
            event(f"bundles: {min(len(bundles), 6)}")

            # The sites themselves, once they have every bundle, show the same.
            for ws in world.sites:
                for path in orders[2]:
                    imported(ws, path)
                assert rev_ids(ws) - private == made - private
                assert items(ws, world.private) == items(fresh[0])
                assert ws.check() == []
        finally:
            for ws in fresh:
                ws.close()
            world.close()
