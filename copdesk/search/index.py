"""The on-disk index: a cache of the database that always catches up, a batch at a time.

``index/`` holds the Whoosh files and ``state.json``: the schema version, the
site and the last database change the index has absorbed (``reached``). Changes are
applied in batches, oldest first, each committed to Whoosh and then recorded in
``state.json``: the state never claims more than the index holds, re-applying a
change is harmless (documents are replaced by id), and a catch-up killed midway
resumes from its last batch, never from zero.

Nobody waits for the index: a catch-up that finds another process writing to it
leaves the work to that process (which goes on until nothing is left) or to the
next search. A save or a search catches up for a bounded time (``budget``); only
bulk work (an import, the demo, ``copdesk reindex --catch-up``) goes on to the end.
A search on an index that is still behind answers from what is indexed and says
how much is missing (:meth:`SearchIndex.lag`).

A missing, corrupt, foreign or older-schema index is started again empty (swapped
in at once) and filled by the same catch-up; ``copdesk reindex`` builds a whole new
one into ``index.new-PID/`` and swaps it in, so a crash during a rebuild leaves the
old index (or none) and never half of one. A read-only workspace only reads its
index: no catch-up, no lock file, nothing written.

Another process (the window runs ``copdesk reindex`` and ``import`` as child
processes) may catch the index up or swap a rebuilt one in while this one has it
open: catching up reads ``state.json`` afresh each time, the searcher is replaced
when the index has new commits, and a swapped-in folder (another inode) is
reopened instead of read through stale handles.
"""

from __future__ import annotations

import gc
import json
import os
import shutil
import sqlite3
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3Codec, W3PerDocReader
from whoosh.index import LockError
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length
from whoosh.writing import PostingPool, SegmentWriter

from copdesk.search import documents
from copdesk.search.schema import SCHEMA_VERSION, schema
from copdesk.search.scoring import Norms, PostingCache
from copdesk.store import extracts
from copdesk.store.processes import alive

STATE = "state.json"
Progress = Callable[[int, int], None]
TICK = 1_000  # documents added between two progress reports in a batch
STEP = 500  # changes per batch in a save or a search (the budget is checked between)
REBUILD_LAG = 20_000  # bulk work this large, more than the index holds: rebuild instead
BULK_STEP = 50_000  # in bulk work: a kill loses at most this, and an import of 100,000
# items makes four segments, not forty (searches visit every segment)
STALE_BUILD = 24 * 3600  # seconds: a rebuild folder untouched this long was abandoned


@contextmanager
def closing_leaked_files() -> Iterator[Callable[[], None]]:
    """Where Whoosh may fail on a damaged segment, leaving its files open.

    Its readers are dropped with the exception, unclosed; we expect that: the
    ResourceWarning is silenced, and the caller calls the yielded function after
    a failure (still inside the block) to collect them.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        yield gc.collect


# Whoosh sorts its posting buffer with one list.sort(), which holds the GIL throughout:
# 128 MB of postings took about 1 s, freezing the window while the worker indexed.
# So a save (a few documents, in the window's worker) uses a small pool; a rebuild or a
# large catch-up runs in a `copdesk reindex`/`import` child process and uses a pool big
# enough that the external sort never spills and merges runs on disk.
POOL_MB = 8
BIG_POOL_MB = 192
BIG_BATCH = 500  # documents: a catch-up this large is an import (a child process)


class _PerDocReader(W3PerDocReader):
    """Whoosh's per-document reader, remembering which length columns do not exist.

    Writing postings asks each posting's field length; for a field without lengths
    (the spelling words) Whoosh looked for the column file again every time: one
    stat() per posting was a third of a rebuild."""

    def _cached_reader(self, fieldname: str, column: Any) -> Any:
        if fieldname in self._readers:
            return self._readers[fieldname]
        found = self._readers[fieldname] = super()._cached_reader(fieldname, column)
        return found

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int | None:
        # a whole column decoded at once: writing a segment asks once per posting
        try:
            lengths = self._lengths_of[fieldname]
        except AttributeError:
            self._lengths_of: dict[str, list] = {}
            return self.doc_field_length(docnum, fieldname, default)
        except KeyError:
            reader = self._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
            codes = reader.load() if reader is not None else ()
            lengths = self._lengths_of[fieldname] = [byte_to_length(c) or None for c in codes]
        if not lengths:
            return default
        return lengths[docnum] if docnum < len(lengths) else None


def _add_posting(pool: PostingPool, item: tuple) -> None:
    """Whoosh's PostingPool.add without its per-posting type assertions, with the same
    size estimate (a rebuild adds hundreds of postings per document)."""
    pool.fieldnames.add(item[0])
    pool.currentsize += 154 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
    if pool.currentsize > pool.limit:
        pool.save()
    pool.current.append(item)


# Class-wide, so that the worker processes of a rebuild (forked) have it too.
PostingPool.add = _add_posting


class Codec(W3Codec):
    """Whoosh's codec with postings uncompressed (reading a block is one unpickle, not
    zlib as well) and the reader above. Segments record their codec, so indexes of
    an older schema still open with Whoosh's own (and are rebuilt)."""

    def __init__(self) -> None:
        super().__init__(blocklimit=128, compression=0)

    def per_document_reader(self, storage: Any, segment: Any) -> W3PerDocReader:
        return _PerDocReader(storage, segment)


def in_window() -> bool:
    """Whether this process runs Qt (the window), not a ``copdesk`` command."""
    return any(name.startswith("PySide6") for name in sys.modules)


def worker_processes() -> int:
    """Processes a large write may use: both cores, unless this process runs Qt.

    Whoosh's multi-process writer forks; a process holding a window (and its
    threads) must never fork, so the window runs rebuilds and imports as
    ``copdesk`` child processes, which have no Qt and may use both cores."""
    if in_window():
        return 1
    return 2 if (os.cpu_count() or 1) >= 2 else 1


def big_pool() -> int:
    """The sort pool of a large write: big, except in the window's process, where one
    long sort would hold the GIL and freeze the window (a repair rebuild there)."""
    return POOL_MB if in_window() else BIG_POOL_MB


def _writer(ix: Any, limitmb: int = POOL_MB, procs: int = 1, **kwargs: Any) -> SegmentWriter:
    if procs > 1:
        kwargs.update(multisegment=True, batchsize=200)
    return ix.writer(limitmb=limitmb, procs=procs, compound=False, codec=Codec(), **kwargs)


class SearchIndex:
    def __init__(
        self,
        path: Path,
        conn: sqlite3.Connection,
        site_id: str,
        language: str,
        *,
        read_only: bool = False,
    ) -> None:
        self.path = Path(path)
        self.conn = conn
        self.site_id = site_id
        self.language = language
        self.read_only = read_only  # only read: no catch-up, no lock file, no rebuild
        self._ix: whoosh_index.Index | None = None
        self._searcher: Searcher | None = None
        # (segment id, field) -> the field's value for each document of that segment;
        # segments never change (deletions only hide documents), so this stays valid
        self._facet_values: dict[tuple[str, str], list] = {}
        self.norms = Norms()  # per segment: BM25F length factors
        self.lists = PostingCache()  # per segment: decoded posting lists of common terms
        self._filters: dict[str, set[int]] = {}  # filter query -> docnums, per searcher
        self.memo: dict[str, Any] = {}  # whatever is read from the database, per searcher
        self.rebuilt = False  # the last open started the index again (reported to tests)
        self.busy = False  # the last catch-up left the work to another process
        self.missing = False  # read-only without a usable index: nothing is searchable
        self._opened_dir: tuple[int, int] | None = None  # the folder _ix was opened on

    # -- state ----------------------------------------------------------------------

    def _state(self) -> dict[str, Any] | None:
        try:
            state = json.loads((self.path / STATE).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        return state if isinstance(state, dict) else None

    def _write_state(self, directory: Path, reached: int, extracted: int) -> None:
        tmp = directory / (STATE + ".part")
        state = {
            "schema": SCHEMA_VERSION,
            "site": self.site_id,
            "reached": reached,
            "extracted": extracted,  # the last file extraction absorbed (copdesk.documents)
        }
        tmp.write_text(json.dumps(state), "utf-8")
        os.replace(tmp, directory / STATE)

    @property
    def reached(self) -> int:
        state = self._state()
        return int(state["reached"]) if state else -1

    @property
    def extracted(self) -> int:
        state = self._state()
        value = state.get("extracted") if state else None
        return value if isinstance(value, int) else -1

    def _db_change(self) -> int:
        return self.conn.execute("SELECT coalesce(max(change), 0) FROM items").fetchone()[0]

    def behind(self) -> bool:
        """Whether the database holds changes the index has not absorbed (cheap: one
        indexed lookup and a small file, so a search can ask every time)."""
        return self._db_change() > self.reached or extracts.marker(self.conn) > self.extracted

    def lag(self) -> int:
        """How many items changed since the index last caught up (0: up to date)."""
        reached, extracted = self.reached, self.extracted
        read = 0
        if extracts.marker(self.conn) > extracted:  # files read again since
            read = self.conn.execute(
                "SELECT count(*) FROM extracts WHERE change > ?", (max(extracted, 0),)
            ).fetchone()[0]
        if self._db_change() <= reached:
            return read
        return (
            read
            + self.conn.execute(
                "SELECT count(*) FROM items WHERE change > ?", (max(reached, 0),)
            ).fetchone()[0]
        )

    # -- opening and repair -----------------------------------------------------------

    def _dir_id(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return st.st_dev, st.st_ino

    def _set_ix(self, ix: whoosh_index.Index) -> None:
        self._ix = ix
        self._opened_dir = self._dir_id()

    def _follow_swap(self) -> None:
        """Another process swapped a rebuilt index in: drop ours, reopen on next use."""
        if self._ix is not None and self._dir_id() != self._opened_dir:
            self.close()

    def _clean_builds(self) -> None:
        """Remove rebuild folders of processes that died midway (never a live one's)."""
        for entry in self.path.parent.glob(self.path.name + ".new*"):
            suffix = entry.name[len(self.path.name) + 4 :]
            pid = int(suffix[1:]) if suffix[:1] == "-" and suffix[1:].isdigit() else None
            try:
                age = time.time() - entry.stat().st_mtime
            except OSError:
                continue
            if pid is None or pid == os.getpid() or not alive(pid) or age > STALE_BUILD:
                shutil.rmtree(entry, ignore_errors=True)

    def open(self, progress: Progress | None = None) -> SearchIndex:
        """Open the index; one that cannot be used is started again, empty, at once
        (a read-only workspace only reads: it has no index then). The catch-up is the
        caller's (:meth:`catch_up`): opening never indexes the whole database."""
        if self.read_only:
            self._usable()
            return self
        self._clean_builds()
        if not self._usable():
            self.reset()
        return self

    def _usable(self) -> bool:
        state = self._state()
        if (
            not state
            or state.get("schema") != SCHEMA_VERSION
            or state.get("site") != self.site_id
            or not isinstance(state.get("reached"), int)
            or state["reached"] > self._db_change()
        ):
            return False
        with closing_leaked_files() as collect:
            try:
                ix = whoosh_index.open_dir(str(self.path))
                with ix.searcher() as s:
                    s.doc_count()
                    list(s.reader().field_terms("kind"))
            except Exception:  # any damage: Whoosh raises many kinds of errors
                ix = None
            if ix is None:
                collect()
                return False
        self._set_ix(ix)
        return True

    @property
    def ix(self) -> whoosh_index.Index:
        self._follow_swap()
        if self._ix is None:
            self.open()
        if self._ix is None:  # read-only, without a usable index: an empty one in memory
            self._ix = _memory_index()
            self.missing = True
        return self._ix

    def reset(self) -> None:
        """Start the index again from nothing (swapped in at once); the catch-up then
        fills it batch by batch, resuming after a kill."""
        new = self.path.with_name(f"{self.path.name}.new-{os.getpid()}")
        shutil.rmtree(new, ignore_errors=True)
        new.mkdir(parents=True)
        whoosh_index.create_in(str(new), schema())
        self._write_state(new, 0, 0)
        self._swap(new)
        self.rebuilt = True

    def rebuild(self, progress: Progress | None = None) -> int:
        """Index every live item into a new folder and swap it in; returns the number
        of documents (``copdesk reindex``: the old index serves searches meanwhile).

        In a process without Qt (``copdesk reindex``, run by the window as a child
        process) the documents are analysed and written by two worker processes,
        each writing its own segment (:func:`worker_processes`)."""
        self._refuse_if_read_only()
        new = self.path.with_name(f"{self.path.name}.new-{os.getpid()}")
        shutil.rmtree(new, ignore_errors=True)
        new.mkdir(parents=True)
        reached = self._db_change()
        extracted = extracts.marker(self.conn)
        total = documents.count_indexable(self.conn)
        ix = whoosh_index.create_in(str(new), schema())
        writer = _writer(ix, big_pool(), worker_processes())
        count = 0
        try:
            for doc in documents.all_documents(self.conn, self.language):
                writer.add_document(**doc)
                count += 1
                if progress and (count % 200 == 0 or count == total):
                    progress(count, total)
            writer.commit()
        except BaseException:
            writer.cancel()
            shutil.rmtree(new, ignore_errors=True)
            raise
        if progress:
            progress(total, total)
        self._write_state(new, reached, extracted)
        self._swap(new)
        self.rebuilt = True
        self.catch_up()  # changes made while rebuilding (none in one process)
        return count

    def _refuse_if_read_only(self) -> None:
        if self.read_only:
            from copdesk.store.database import ReadOnly

            raise ReadOnly("this workspace is read-only: its search index cannot be rebuilt")

    def _swap(self, new: Path) -> None:
        self.close()
        old = self.path.with_name(self.path.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if self.path.exists():
            os.replace(self.path, old)
        os.replace(new, self.path)
        shutil.rmtree(old, ignore_errors=True)
        self._set_ix(whoosh_index.open_dir(str(self.path)))

    def catch_up(
        self,
        progress: Progress | None = None,
        *,
        budget: float | None = None,
        wait: float = 0.0,
    ) -> int:
        """Apply the database changes the index has not seen, oldest first, a batch
        at a time (each committed, then recorded); returns the documents touched.

        ``budget`` (seconds): stop after the batch that exceeds it (a save, a search);
        None goes on until nothing is left (bulk work). Another process writing to
        the index is never waited for beyond ``wait``: it is catching up, and goes
        on until nothing is left (``busy`` says so). A read-only index is left as it is.
        """
        self.busy = False
        if self.read_only:
            return 0
        self._follow_swap()
        started = time.monotonic()
        bulk = budget is None
        total = self.lag() if progress or bulk else 0
        if bulk and total >= REBUILD_LAG and total > self.ix.doc_count():
            # most of the index would be new (a first import of a large register): one
            # writer over every item into a new folder is faster than batches of
            # changes (100,000 rows: 78 s against 140 s), and the old index serves
            # searches meanwhile; a kill leaves the old index and its state as they were
            return self.rebuild(progress)
        if progress and total:
            progress(0, total)  # the database part of an import is over
        touched = 0
        while True:
            reached, extracted = self.reached, self.extracted
            ids, newest, changes = documents.changes_after(
                self.conn, reached, BULK_STEP if bulk else STEP
            )
            # files read (again) since: their items' text changed (few: one per file)
            read, newest_read = extracts.targets_changed_since(self.conn, extracted)
            if not changes and newest_read == extracted:
                break
            ids |= read
            done = touched

            def tick(n: int, done: int = done) -> None:
                if progress:
                    progress(min(total, done + n), max(total, done + n))

            try:
                touched += self._apply(ids, (newest, newest_read), bulk, wait, tick)
            except LockError:
                self.busy = True
                break
            if progress:
                progress(min(total, touched), max(total, touched))
            if budget is not None and time.monotonic() - started >= budget:
                break
        return touched

    def _apply(
        self,
        ids: set[str],
        newest: tuple[int, int],
        bulk: bool,
        wait: float,
        tick: Callable[[int], None],
    ) -> int:
        """Write one batch: the documents of ``ids`` replaced or removed, then the
        state recorded as ``newest`` (the item change and the file extraction reached,
        only once Whoosh has committed)."""
        # separate files, not one compound file: opening a compound segment copies
        # it whole into memory, which made every search slower as the index grew
        big = len(ids) >= BIG_BATCH  # an import or a sync: a child process
        writer = _writer(
            self.ix,
            big_pool() if big else POOL_MB,
            worker_processes() if big else 1,
            timeout=wait,
        )
        count = 0
        try:
            # one pass over the id lexicon finds which documents are replaced: deleting
            # by term, document by document, made a 10,000-item import take seconds
            with self.ix.searcher() as s:
                present = _present(s, ids)
            for docnum in present:
                writer.delete_document(docnum)
            for doc in documents.documents_for(self.conn, ids, self.language, spelling_once=big):
                writer.add_document(**doc)
                count += 1
                if count % TICK == 0:
                    tick(count)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        self._write_state(self.path, *newest)
        return max(count, len(present))

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """The open searcher, replaced only when the index has changed since.

        Opening one costs more as the index grows, and its filter cache makes
        repeated filters (kind:rex) free, so it is kept between searches.
        """
        self._follow_swap()
        s = self._searcher
        if s is not None and (s.is_closed or not s.up_to_date()):
            s.close()
            s = None
        if s is None:
            s = self._searcher = self.ix.searcher()
            live = {seg.segment_id() for seg in self.ix._segments()}
            self._facet_values = {k: v for k, v in self._facet_values.items() if k[0] in live}
            self.norms.forget(live)
            self.lists.forget(live)
            self._filters = {}
            self.memo = {}
        yield s

    def filter_docs(self, searcher: Searcher, query: Any) -> set[int]:
        """Document numbers matching a filter query, kept while the searcher lives."""
        key = repr(query)
        found = self._filters.get(key)
        if found is None:
            if len(self._filters) > 64:
                self._filters.clear()
            found = self._filters[key] = set(searcher.docs_for_query(query))
        return found

    def live_docs(self, searcher: Searcher) -> set[int]:
        """Every document number not deleted."""
        found = self._filters.get("*")
        if found is None:
            found = self._filters["*"] = set(searcher.reader().all_doc_ids())
        return found

    def docs_with_id(self, searcher: Searcher, item_id: str) -> list[int]:
        return _present(searcher, {item_id})

    def facet_values(self, searcher: Searcher, field: str) -> list:
        """The field's value(s) for every document number of the searcher."""
        if searcher is self._searcher and ("facet", field) in self.memo:
            return self.memo[("facet", field)]
        leaves = searcher.leafreaders or [(searcher.reader(), 0)]
        out: list = []
        for reader, _offset in leaves:
            segment = reader.segment()
            if segment is None:  # an empty index has a reader without a segment
                out.extend(_segment_values(reader, field))
                continue
            key = (segment.segment_id(), field)
            if key not in self._facet_values:
                self._facet_values[key] = _segment_values(reader, field)
            out.extend(self._facet_values[key])
        if searcher is self._searcher:
            self.memo[("facet", field)] = out
        return out

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._ix = None


def _memory_index() -> whoosh_index.Index:
    """An empty index in memory (read-only media whose index cannot be used)."""
    from whoosh.filedb.filestore import RamStorage

    return RamStorage().create_index(schema())


def _present(searcher: Searcher, ids: set[str]) -> list[int]:
    """Document numbers (live ones) holding any of these ids."""
    found = []
    for reader, offset in searcher.leafreaders or [(searcher.reader(), 0)]:
        if not ids or reader.doc_count_all() == 0:
            continue
        deleted = reader.deleted_docs_set if reader.has_deletions() else ()
        if len(ids) < 64:
            wanted = [i for i in ids if (("id", i) in reader)]
        else:
            wanted = [t.decode() for t in reader.lexicon("id") if t.decode() in ids]
        for item_id in wanted:
            for docnum in reader.postings("id", item_id).all_ids():
                if docnum not in deleted:
                    found.append(offset + docnum)
    return found


def _segment_values(reader: Any, field: str) -> list:
    """Per document of one segment: its value of a sortable field ("" when none),
    or for a field without a column (tags) the list of its terms."""
    count = reader.doc_count_all()
    if reader.schema[field].column_type is not None:
        if not reader.has_column(field):
            return [""] * count
        column = reader.column_reader(field, translate=True)
        return [column[i] for i in range(count)]
    lists: list[list[str]] = [[] for _ in range(count)]
    fieldobj = reader.schema[field]
    if field in reader.indexed_field_names():
        for btext in reader.lexicon(field):
            text = fieldobj.from_bytes(btext)
            for docnum in reader.postings(field, btext).all_ids():
                lists[docnum].append(text)
    return lists
