"""The views shown as one HTML page in the centre: home, search results, my contributions.

They share the window's page (a :class:`~copdesk.gui.views.SafeBrowser`); each one
loads its data on the worker and says what it shows, so a Change reloads it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLineEdit

from copdesk.gui import read_jobs
from copdesk.gui.change import ALL_KINDS, Flag, Interest
from copdesk.gui.contributions import SHOWS as CONTRIBUTIONS_SHOW
from copdesk.gui.contributions import contributions_html, contributions_job
from copdesk.gui.loads import Loads
from copdesk.gui.views import SafeBrowser, home_html, placeholder_html, search_html

SEARCH_DELAY_MS = 250  # typing pauses this long before the search runs


class HomePage(QObject):
    """What changed since last time, what waits for validation or review, my drafts.

    ``last_seen`` and ``last_change`` (when the window was last closed) say what is
    new; ``seen_change`` is the change marker of the page shown, kept for next time.
    """

    SHOWS: ClassVar[Interest] = Interest.of(
        ["rex", "howto", "document", "community"], [Flag.WRITER]
    )

    def __init__(self, loads: Loads, page: SafeBrowser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loads, self.page = loads, page
        self.last_seen: str | None = None
        self.last_change: int | None = None
        self.seen_change: int | None = None

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, _: str | None = None) -> None:
        self.loads.load("home", read_jobs.home(self.last_seen, self.last_change), self._show)

    def reload(self) -> None:
        self.open()

    def _show(self, data: dict[str, Any]) -> None:
        self.seen_change = data.get("change")
        self.page.set_page(home_html(data))


class SearchPage(QObject):
    """Search everywhere: the field on top (searching as one types, after a pause), the
    results with snippets, facets and "did you mean" on the page. ``shown(query)`` once
    the results are on the page; until then the page says it is searching.

    ``navigate(view)`` opens a view (``search:QUERY``, or the one before the search when
    the field is cleared), ``current()`` is the view on screen, ``open_item(id)`` shows
    an item (Enter: the first hit).
    """

    SHOWS: ClassVar[Interest] = Interest.of(ALL_KINDS, [Flag.INDEX])
    shown = Signal(str)

    def __init__(
        self,
        loads: Loads,
        page: SafeBrowser,
        field: QLineEdit,
        navigate: Callable[[str], None],
        current: Callable[[], str],
        open_item: Callable[[str], None],
    ) -> None:
        super().__init__(page)
        self.loads, self.page, self.field = loads, page, field
        self.navigate, self.current, self.open_item = navigate, current, open_item
        self.query = ""  # the query shown, or on its way
        self.hits: list[str] = []
        self.before = "home"  # the view to go back to when the field is cleared
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(lambda: self.run(self.field.text()))
        field.textEdited.connect(self._edited)
        field.returnPressed.connect(self._open_first_hit)

    def interest(self) -> Interest:
        return self.SHOWS

    def run(self, query: str) -> None:
        """Search ``query`` now, in the search view (a newer search drops this one)."""
        query = query.strip()
        if not query:
            return
        if not self.current().startswith(("search:", "item:")):
            self.before = self.current()
        self.navigate(f"search:{query}")

    def open(self, query: str | None) -> None:
        """The search view's opening: the page says it searches at once, results follow."""
        self.query = query or ""
        if self.field.text().strip() != self.query:
            self.field.setText(self.query)
        self.hits = []
        text = self.tr("Searching for “%1”…").replace("%1", self.query)
        self.page.set_page(placeholder_html(self.tr("Search"), text))
        self.reload()

    def reload(self) -> None:
        if not self.query:
            return
        query = self.query

        def done(result: dict[str, Any]) -> None:
            self.hits = [h["id"] for h in result["hits"]]
            self.page.set_page(search_html(result))
            self.shown.emit(result["query"])

        def failed(exc: BaseException) -> None:  # half-typed syntax: say it where one looks
            self.hits = []
            self.page.set_page(placeholder_html(self.tr("Search"), str(exc)))

        self.loads.load("search", read_jobs.search(query), done, failed)

    def _edited(self, text: str) -> None:
        if text.strip():
            self.timer.start()
        else:  # cleared: back where the search started, and its results must not come
            self.timer.stop()
            self.query = ""
            self.loads.cancel("search")
            self.navigate(self.before)

    def _open_first_hit(self) -> None:
        self.timer.stop()
        if self.hits:
            self.open_item(self.hits[0])
        else:
            self.run(self.field.text())


class ContributionsPage(QObject):
    """Go ▸ My contributions (:mod:`copdesk.gui.contributions`)."""

    SHOWS: ClassVar[Interest] = CONTRIBUTIONS_SHOW

    def __init__(self, loads: Loads, page: SafeBrowser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loads, self.page = loads, page

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, _: str | None = None) -> None:
        self.loads.load(
            "contributions",
            contributions_job,
            lambda data: self.page.set_page(contributions_html(data)),
        )

    def reload(self) -> None:
        self.open()
