"""Search operations of :class:`copdesk.Workspace`.

Whoosh is imported only when a command needs the index, so listing and showing
stay fast. After every committed change the index catches up (unless held by
:meth:`SearchMixin.batch` during bulk work); if that fails the change still
stands, and the index repairs itself on the next use.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from copdesk.errors import BadInput, CopdeskError

if TYPE_CHECKING:
    from copdesk.search.index import SearchIndex
    from copdesk.workspace import Workspace

SEARCH_FILTERS = ("kind", "community", "site", "tag", "status", "priority", "author")


def _index_damage(exc: BaseException) -> bool:
    """Whether an error comes from reading the index files (not from our own code)."""
    if isinstance(exc, CopdeskError):
        return False
    if isinstance(exc, OSError | EOFError):
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and f"{os.sep}whoosh{os.sep}" in tb.tb_frame.f_code.co_filename


def _has_words(words: list[str], wanted: list[str]) -> bool:
    """Whether ``wanted`` appears as consecutive whole words in ``words``."""
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))


class SearchMixin:
    _index: SearchIndex | None
    _index_enabled: bool
    _hold: int
    _opened_change: int

    @property
    def index(self: Workspace) -> SearchIndex:
        """The search index, opened (and repaired or caught up) on first use."""
        if self._index is None:
            from copdesk.search.index import SearchIndex

            index = SearchIndex(self.path / "index", self.conn, self.site_id, self.language)
            index.open()
            self._index = index
        return self._index

    def _sync_index(self: Workspace) -> None:
        if not self._index_enabled or self._hold:
            return
        if self._index is None and self._item_change() == self._opened_change:
            return  # no item changed (roster, settings): leave Whoosh unloaded
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

    def _item_change(self: Workspace) -> int:
        return self.conn.execute("SELECT coalesce(max(change), 0) FROM items").fetchone()[0]

    @contextmanager
    def batch(self: Workspace) -> Iterator[None]:
        """Hold index updates during bulk work; the index catches up once at the end."""
        self._hold += 1
        try:
            yield
        finally:
            self._hold -= 1
            self._sync_index()

    def _resolver(self: Workspace) -> Callable[[str, str], list[str]]:
        """Filter values name people and communities loosely: 'author:martin' means
        everyone whose name has the word 'martin' (a unique full name or id first)."""
        from copdesk.model.text import fold

        def resolve(name: str, kind: str) -> list[str]:
            try:
                return [self.resolve(name, kind)]
            except BadInput:
                pass
            wanted = fold(name).split()
            rows = self.conn.execute(
                "SELECT id, title FROM items WHERE kind = ? AND deleted = 0", (kind,)
            )
            return [i for i, title in rows if wanted and _has_words(fold(title).split(), wanted)]

        return resolve

    def _with_repair(self: Workspace, run: Callable[[], Any]) -> Any:
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

    def search(
        self: Workspace, query: str, limit: int = 20, offset: int = 0, **filters: str | None
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
        self: Workspace,
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
        item_id = self.resolve(ref, None) if ref else None
        return self._with_repair(
            lambda: Engine(self.index, self.conn, self._resolver()).similar(
                item_id=item_id, title=title, body=body, limit=min(limit, 50), kinds=kinds
            )
        )

    def who_knows(self: Workspace, query: str, limit: int = 10) -> dict[str, Any]:
        """People ranked for a topic, each with the reasons (ratings, authored, validated)."""
        from copdesk.search.experts import who_knows

        return self._with_repair(lambda: who_knows(self, query, limit=limit))

    def reindex(self: Workspace, progress: Callable[[int, int], None] | None = None) -> dict:
        """Rebuild the search index from the database."""
        started = time.perf_counter()
        if self._index is None:
            from copdesk.search.index import SearchIndex

            self._index = SearchIndex(self.path / "index", self.conn, self.site_id, self.language)
        count = self._index.rebuild(progress)
        return {"documents": count, "seconds": round(time.perf_counter() - started, 2)}

    def glossary(self: Workspace) -> list[list[str]]:
        from copdesk.search import glossary

        return glossary.groups(self.conn)

    def glossary_add(self: Workspace, terms: list[str]) -> list[str]:
        """Make terms equivalent at query time (synonyms, acronyms, translations)."""
        from copdesk.search import glossary

        with self.db.write() as conn:
            return glossary.add(conn, terms)

    def glossary_remove(self: Workspace, term: str) -> list[str]:
        from copdesk.search import glossary

        with self.db.write() as conn:
            return glossary.remove(conn, term)
