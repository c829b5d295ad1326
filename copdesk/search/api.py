"""``ws.search``: ranked full-text search, who knows what, the glossary, the index.

Whoosh is imported only when a command needs the index, so listing and showing
stay fast. After every committed change the index catches up (unless held by
:meth:`copdesk.core.Core.batch` during bulk work); if that fails the change still
stands, and the index repairs itself on the next use.
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
        core.on_commit(self._sync_index)

    @property
    def index(self) -> SearchIndex:
        """The search index, opened (and repaired or caught up) on first use."""
        if self._index is None:
            from copdesk.search.index import SearchIndex

            index = SearchIndex(
                self.core.path / "index", self.conn, self.core.site_id, self.core.language
            )
            index.open()
            self._index = index
        return self._index

    def close(self) -> None:
        if self._index is not None:
            self._index.close()
            self._index = None

    def _sync_index(self) -> None:
        if not self._enabled:
            return
        if (
            self._index is None
            and self.core.change_marker() == self._opened_change
            and extracts.marker(self.conn) == self._opened_extracts
        ):
            return  # no item changed, no file read (roster, settings): leave Whoosh unloaded
        try:
            self.index.catch_up()
        except CopdeskError:
            raise
        except Exception:
            # the database change is committed; a damaged index is rebuilt now,
            # or on the next open if even that fails
            try:
                self.index.rebuild()
            except Exception:
                self._index = None

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
        """Run a query; if the index turns out damaged, rebuild it and run again."""
        from copdesk.search.index import closing_leaked_files

        with closing_leaked_files() as collect:
            try:
                return run()
            except Exception as exc:
                if not _index_damage(exc):
                    raise  # a bug of ours: rebuilding would only hide it, slowly
            collect()
        self.index.rebuild()
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
        return self._with_repair(
            lambda: Engine(self.index, self.conn, self._resolver()).search(
                query, limit=limit, offset=offset, filters=given
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
        """Rebuild the search index from the database."""
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
