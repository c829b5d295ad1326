"""Property: over random edits, deletes and restores, history is complete, revision ids
are stable, and the current state equals replaying the history."""

from __future__ import annotations

import hashlib
import itertools
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copdesk import ItemDeleted, Workspace
from copdesk.store.revisions import Revision, canonical

# Values already in canonical form (NFC, one-line titles without extra spaces), so the
# stored value must equal the value given.
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=0, max_size=30
).map(lambda t: unicodedata.normalize("NFC", t))
TITLE = TEXT.map(lambda t: " ".join(t.split())).filter(bool)
EDIT = st.fixed_dictionaries(
    {},
    optional={
        "title": TITLE,
        "summary": TEXT.map(lambda t: t.strip("\n")),
        "priority": st.sampled_from(["red", "yellow", "blue", "green", None]),
        "tags": st.lists(
            st.sampled_from(["hydraulique", "électricité", "5S", "TRS"]), max_size=3, unique=True
        ),
        "occurred_on": st.dates().map(lambda d: d.isoformat()) | st.none(),
    },
)
OPS = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), EDIT),
        st.tuples(st.just("delete"), st.none()),
        st.tuples(st.just("restore"), st.integers(min_value=0, max_value=50)),
    ),
    max_size=25,
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(ops=OPS)
def test_history_replays_to_current_state(ops: list) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.create(Path(tmp) / "ws", site="Usine de Lyon")
        try:
            _run(ws, ops)
        finally:
            ws.close()


def _run(ws: Workspace, ops: list) -> None:
    item = ws.items.add("rex", {"title": "Départ"})
    item_id = item["id"]
    written = 1  # revisions we expect
    deleted = False
    expected = dict(ws.items.revision(item["rev"])["content"])

    for op, arg in ops:
        if op == "edit":
            if deleted:
                try:
                    ws.items.edit(item_id, arg)
                except ItemDeleted:
                    continue
                raise AssertionError("edit of a deleted item must fail")
            before = ws.items.get(item_id)["rev"]
            after = ws.items.edit(item_id, arg)
            if after["rev"] != before:
                written += 1
                expected = ws.items.revision(after["rev"])["content"]
            for field, value in arg.items():
                assert after[field] == (value if value is not None else None)
        elif op == "delete":
            if deleted:
                continue
            ws.items.delete(item_id)
            written += 1
            deleted = True
        else:
            history = [h for h in ws.items.history(item_id) if not h["deleted"]]
            target = history[arg % len(history)]
            old = ws.items.revision(target["rev_id"])["content"]
            if deleted or old != expected:
                written += 1
            ws.items.restore(item_id, target["rev_id"])
            deleted = False
            expected = dict(old)

    history = ws.items.history(item_id)
    # complete: one revision per change, a single chain, sequence numbers distinct
    assert len(history) == written
    assert history[0]["parents"] == [] and history[0]["op"] == "create"
    for prev, rev in itertools.pairwise(history):
        assert rev["parents"] == [prev["rev_id"]]
        assert rev["generation"] == prev["generation"] + 1
    assert len({h["seq"] for h in history}) == written
    assert history[-1]["head"] and sum(h["head"] for h in history) == 1

    # stable ids: each id is the SHA-256 of the stored bytes, and rebuilding gives it again
    for h in history:
        body = ws.conn.execute(
            "SELECT body FROM revisions WHERE rev_id = ?", (h["rev_id"],)
        ).fetchone()[0]
        assert hashlib.sha256(body.encode()).hexdigest() == h["rev_id"]
        rev = Revision.from_body(body)
        rebuilt = Revision.build(
            item=rev.item,
            kind=rev.kind,
            parents=rev.parents,
            site=rev.site,
            seq=rev.seq,
            author=rev.author,
            at=rev.at,
            op=rev.op,
            content=rev.content,
        )
        assert rebuilt.rev_id == h["rev_id"]

    # replay: walking the chain gives the current state
    replayed = None
    for h in history:
        replayed = None if h["deleted"] else ws.items.revision(h["rev_id"])["content"]
    if deleted:
        assert replayed is None
        assert ws.items.list("rex") == [] and len(ws.items.list("rex", deleted=True)) == 1
    else:
        assert replayed == expected
        shown = ws.items.get(item_id)
        assert {k: shown[k] for k in replayed} == replayed
    assert ws.check() == []


ANY_TEXT = st.text(max_size=12)


@settings(max_examples=200, deadline=None)
@given(
    item=ANY_TEXT,
    site=ANY_TEXT,
    author=ANY_TEXT | st.none(),
    at=ANY_TEXT,
    parents=st.lists(ANY_TEXT, max_size=3),
    seq=st.integers(min_value=1, max_value=2**40),
    content=st.none()
    | st.dictionaries(ANY_TEXT, ANY_TEXT | st.integers() | st.lists(ANY_TEXT), max_size=4),
)
def test_revision_body_is_the_canonical_json(item, site, author, at, parents, seq, content):
    """The hand-built body equals canonical() of the revision, whatever the strings hold."""
    rev = Revision.build(
        item=item,
        kind="rex",
        parents=parents,
        site=site,
        seq=seq,
        author=author,
        at=at,
        op="edit",
        content=content,
    )
    expected = canonical(
        {
            "v": 1,
            "item": item,
            "kind": "rex",
            "parents": sorted(parents),
            "site": site,
            "seq": seq,
            "author": author,
            "at": at,
            "op": "edit",
            "content": content,
        }
    )
    assert rev.body.encode("utf-8") == expected
    assert rev.rev_id == hashlib.sha256(expected).hexdigest()
    assert Revision.from_body(rev.body) == rev
