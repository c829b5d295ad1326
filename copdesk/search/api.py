"""``ws.search``: ranked full-text search, who knows what, the glossary, the index.

Whoosh is imported only when a command needs the index, so listing and showing
stay fast. After every committed change the index catches up (unless held by
:meth:`copdesk.core.Core.batch` during bulk work); if that fails the change still
stands, and the index repairs itself on the next use.

Nobody waits for the index, and no save or search indexes the whole database: a save
and a search catch up for at most a second (the first batch always), then answer
from what is indexed, saying how many changed items are not searchable yet
(``index_lag`` and a warning). Only bulk work (an import, the demo,
:meth:`Search.catch_up` without a budget) goes on to the end. A long-running process
(the window) sees what other processes committed: each search first catches up
when the index is behind, which costs one indexed lookup when it is not.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from copdesk.core import Core
from copdesk.errors import BadInput, CopdeskError
from copdesk.store import extracts

if TYPE_CHECKING:
    from copdesk.search.engine import Engine
    from copdesk.search.index import SearchIndex

SEARCH_FILTERS = ("kind", "community", "site", "tag", "status", "priority", "author", "filetype")
BUDGET = 1.0  # seconds a save or a search may spend catching the index up
LAG_NOTES = {  # what a search says when the index has not seen every change
    "": "the search index is catching up: {n:,} changed items not searchable yet",
    "read-only": "the search index is behind and cannot catch up here (read-only):"
    " {n:,} changed items not searchable",
    "missing": "this read-only workspace has no usable search index:"
    " none of its {n:,} items can be found",
}


def _index_damage(exc: BaseException) -> bool:
    """Whether an error says the index files are damaged or missing: the errors of
    reading a file (short, garbled, compressed wrongly, pickled wrongly) and Whoosh's
    own index errors. Anything else is a bug of ours: rebuilding would only hide it."""
    import pickle
    import struct
    import zlib

    from whoosh.index import IndexError as WhooshIndexError

    if isinstance(exc, CopdeskError):
        return False
    return isinstance(
        exc,
        OSError | EOFError | struct.error | zlib.error | pickle.UnpicklingError | WhooshIndexError,
    )


def _has_words(words: list[str], wanted: list[str]) -> bool:
    """Whether ``wanted`` appears as consecutive whole words in ``words``."""
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


class Search:
    """Search operations of a workspace (``ws.search``)."""

    def __init__(self, core: Core, *, index: bool = True) -> None:
        self.core = core
        self.conn = core.conn
        self._index: SearchIndex | None = None
        self._enabled = index  # False: the index is left to catch up on a later open
        self._opened_change = core.change_marker()
        self._opened_extracts = extracts.marker(core.conn)
        # told (done, total) while bulk work is indexed (`import-csv --progress-json`)
        self.progress: Callable[[int, int], None] | None = None
        core.on_commit(self._sync_index)

    @property
    def index(self) -> SearchIndex:
        """The search index, opened (or started again, if unusable) on first use."""
        if self._index is None:
            from copdesk.search.index import SearchIndex

            index = SearchIndex(
                self.core.path / "index",
                self.conn,
                self.core.site_id,
                self.core.language,
                read_only=self.core.db.read_only,
            )
            index.open()
            self._index = index
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def _sync_index(self, bulk: bool = False) -> None:
        if not self._enabled or self.core.db.read_only:
            return
        if (
            self._index is None
            and self.core.change_marker() == self._opened_change
            and extracts.marker(self.conn) == self._opened_extracts
        ):
            return  # no item changed, no file read (roster, settings): leave Whoosh unloaded
        self._catch_up(None if bulk else BUDGET, self.progress if bulk else None)

    def _catch_up(
        self, budget: float | None, progress: Callable[[int, int], None] | None = None
    ) -> int:
        """Catch up, never failing the change already committed: a damaged index is
        started again (then filled by later catch-ups), or left for the next open."""
        try:
            return self.index.catch_up(progress, budget=budget)
        except CopdeskError:
            raise
        except Exception:
            try:
                self.index.reset()
                return self.index.catch_up(progress, budget=budget)
            except Exception:
                self.close()
                return 0

    def lag(self) -> int:
        """Changed items the index has not absorbed yet (0: every item is searchable)."""
        if self.index.missing:
            return self.conn.execute("SELECT count(*) FROM items").fetchone()[0]
        return self.index.lag()

    def catch_up(
        self,
        progress: Callable[[int, int], None] | None = None,
        *,
        budget: float | None = None,
        wait: float = 0.0,
    ) -> dict[str, Any]:
        """Index what the database holds and the index does not, a batch at a time
        (resumable); ``budget`` seconds at most (None: until done). For the window's
        worker, a step at a time, and ``copdesk reindex --catch-up``. Returns
        ``{"documents": touched, "lag": left, "busy": another process is at it}``."""
        self.core.db.refuse_writes_if_needed()
        started = time.perf_counter()
        try:
            done = self.index.catch_up(progress, budget=budget, wait=wait)
        except CopdeskError:
            raise
        except Exception as exc:
            if not _index_damage(exc):
                raise
            self.index.reset()
            done = self.index.catch_up(progress, budget=budget, wait=wait)
        return {
            "documents": done,
            "lag": self.index.lag(),
            "busy": self.index.busy,
            "seconds": round(time.perf_counter() - started, 2),
        }

    def _fresh(self) -> None:
        """Before a search: absorb what other processes committed, for a bounded time."""
        if self._enabled and not self.core.db.read_only and self.index.behind():
            self._catch_up(BUDGET)

    def _noted(self, result: dict[str, Any]) -> dict[str, Any]:
        """The result, with how many changed items it could not see (and why)."""
        lag = self.lag()
        result["index_lag"] = lag
        if lag:
            why = "missing" if self.index.missing else "read-only" if self.core.db.read_only else ""
            note = LAG_NOTES[why].format(n=lag)
            result["warnings"] = [*result.get("warnings", []), note]
            result["index_behind"] = why or "catching-up"  # the fact, for other wordings
        return result

    def _resolver(self) -> Callable[[str, str], list[str]]:
        """Filter values name people and communities loosely: 'author:martin' means
        everyone whose name has the word 'martin' (a unique full name or id first)."""
        from copdesk.model.text import fold

        def resolve(name: str, kind: str) -> list[str]:
            try:
                return [self.core.resolve(name, kind)]
            except BadInput:
                pass
            wanted = fold(name).split()
            rows = self.conn.execute(
                "SELECT id, title FROM items WHERE kind = ? AND deleted = 0", (kind,)
            )
            return [i for i, title in rows if wanted and _has_words(fold(title).split(), wanted)]

        return resolve

    def _with_repair(self, run: Callable[[], Any]) -> Any:
        """Run a query; if the index turns out damaged, start it again and run again
        (on what the bounded catch-up indexed: the result says what is missing)."""
        from copdesk.search.index import closing_leaked_files

        self._fresh()
        with closing_leaked_files() as collect:
            try:
                return run()
            except Exception as exc:
                if not _index_damage(exc):
                    raise  # a bug of ours: rebuilding would only hide it, slowly
            collect()
        if self.core.db.read_only:
            self.index.close()
            self.index.missing = True  # read-only: nothing to repair it with
        else:
            self.index.reset()
            self._catch_up(BUDGET)
        return run()

    def engine(self) -> Engine:
        """The query engine over the current index (for tools and tests)."""
        from copdesk.search.engine import Engine

        return Engine(self.index, self.conn, self._resolver())

    def query(
        self, query: str, limit: int = 20, offset: int = 0, **filters: str | None
    ) -> dict[str, Any]:
        """Ranked full-text search: total, hits, facets, suggestion, took_ms (and warnings)."""
        from copdesk.search.engine import Engine

        unknown = sorted(set(filters) - set(SEARCH_FILTERS))
        if unknown:
            raise BadInput(f"unknown search filter {unknown[0]!r}")
        if not isinstance(limit, int) or limit < 1:
            raise BadInput("limit must be a positive whole number")
        given = {k: v for k, v in filters.items() if v}
        return self._noted(
            self._with_repair(
                lambda: Engine(self.index, self.conn, self._resolver()).search(
                    query, limit=limit, offset=offset, filters=given
                )
            )
        )

    def similar(
        self,
        ref: str | None = None,
        *,
        title: str = "",
        body: str = "",
        limit: int = 5,
        kinds: tuple[str, ...] = ("rex", "howto", "question"),
    ) -> dict[str, Any]:
        """The items most like an existing item (``ref``) or an unsaved draft (``title``,
        ``body``): ``{"hits": [{id, kind, title, score, snippet, …}], "took_ms"}``,
        the item itself excluded; reports, sheets and questions unless ``kinds`` says.
        Both ``ref`` and a draft: the draft's text, ``ref`` excluded (an item being edited)."""
        from copdesk.search.engine import Engine

        if not isinstance(limit, int) or limit < 1:
            raise BadInput("limit must be a positive whole number")
        item_id = self.core.resolve(ref, None) if ref else None
        return self._with_repair(
            lambda: Engine(self.index, self.conn, self._resolver()).similar(
                item_id=item_id, title=title, body=body, limit=min(limit, 50), kinds=kinds
            )
        )

    def who_knows(self, query: str, limit: int = 10) -> dict[str, Any]:
        """People ranked for a topic, each with the reasons (ratings, authored, validated)."""
        from copdesk.search.experts import who_knows

        core = self.core
        return self._with_repair(
            lambda: who_knows(self.query, self.conn, core.today(), core.language, query, limit)
        )

    def reindex(self, progress: Callable[[int, int], None] | None = None) -> dict:
        """Rebuild the search index from the database (into a new folder, swapped in)."""
        self.core.db.refuse_writes_if_needed()
        started = time.perf_counter()
        if self._index is None:
            from copdesk.search.index import SearchIndex

            self._index = SearchIndex(
                self.core.path / "index", self.conn, self.core.site_id, self.core.language
            )
        count = self._index.rebuild(progress)
        return {"documents": count, "seconds": round(time.perf_counter() - started, 2)}

    def glossary(self) -> list[list[str]]:
        from copdesk.search import glossary

        return glossary.groups(self.conn)

    def glossary_add(self, terms: list[str]) -> list[str]:
        """Make terms equivalent at query time (synonyms, acronyms, translations)."""
        from copdesk.search import glossary

        with self.core.db.write() as conn:
            return glossary.add(conn, terms)

    def glossary_remove(self, term: str) -> list[str]:
        from copdesk.search import glossary

        with self.core.db.write() as conn:
            return glossary.remove(conn, term)
