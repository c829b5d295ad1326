"""The main window: sidebar, list or page in the middle, the item on the right, search on top.

The window never touches the workspace: every read is a job on the
:class:`WorkspaceRunner` (through :class:`~copdesk.gui.loads.Loads`), every write
returns a Change that the :class:`~copdesk.gui.notify.ChangeHub` turns into reloads
of the views it concerns, long operations run in a child process through the one
:class:`~copdesk.gui.commands.CommandRunner`. The views are registered with the
:class:`~copdesk.gui.router.Router`, the commands with the actions registry
(:mod:`copdesk.gui.actions`). ``viewLoaded`` tells when what was asked for has
arrived (screenshots and tests wait on it instead of sleeping).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from copdesk import messages
from copdesk.errors import BadInput, CopdeskError
from copdesk.gui import access, frame, language, menus, read_jobs, windowstate, write_jobs
from copdesk.gui.about import show_about
from copdesk.gui.actions import GO, Act, Actions
from copdesk.gui.change import Flag, Interest
from copdesk.gui.commands import CommandRunner
from copdesk.gui.community import CommunityActions
from copdesk.gui.conflicts import ConflictsView
from copdesk.gui.dashboard import DashboardView
from copdesk.gui.documents import DocumentsView, open_file
from copdesk.gui.editing import Editing
from copdesk.gui.exchange import ExchangeView
from copdesk.gui.extraction import FileReader
from copdesk.gui.history import HistoryView
from copdesk.gui.icons import icon
from copdesk.gui.labels import ui_language
from copdesk.gui.lists import ListPage
from copdesk.gui.loads import Loads
from copdesk.gui.matrix import MatrixView
from copdesk.gui.navigation import Navigation
from copdesk.gui.network_view import NetworkView
from copdesk.gui.notify import ChangeHub
from copdesk.gui.onepane import OnePane
from copdesk.gui.pages import ContributionsPage, HomePage, SearchPage
from copdesk.gui.reader import Reader
from copdesk.gui.risks_view import RisksView
from copdesk.gui.router import Route, Router
from copdesk.gui.settings import settings
from copdesk.gui.startup import Startup
from copdesk.gui.statusbar import WindowStatus
from copdesk.gui.tasks.window import Tasks
from copdesk.gui.views import ErrorBanner, SafeBrowser, facet_filter
from copdesk.gui.whoami import PersonSwitch
from copdesk.gui.windowstate import WindowState
from copdesk.gui.worker import WorkspaceRunner
from copdesk.gui.zoom import Zoom

# sidebar entry -> the kind it lists
LIST_VIEWS = {"communities": "community", "rex": "rex", "howto": "howto", "people": "person"}
LISTED_AS = {**{k: v for v, k in LIST_VIEWS.items()}, "skill": "skills"}  # kind -> sidebar


def _browser(
    parent: QWidget, name: str, item: Callable[[str], None], link: Callable[[QUrl], None]
) -> SafeBrowser:
    """A page or the reading pane: its item links open items, other links ``link``."""
    browser = SafeBrowser(parent)
    browser.setObjectName(name)
    browser.document().setDocumentMargin(12)
    browser.itemRequested.connect(item)
    browser.linkActivated.connect(link)
    return browser


def keys_to(view: QWidget) -> None:
    """A view opened by its key (Go menu, Alt+N) takes the keys, its list or its page, so
    Down and Enter work at once; from the sidebar the keys stay there, to walk it."""
    (getattr(view, "table", None) or view).setFocus(Qt.FocusReason.ShortcutFocusReason)


class MainWindow(QMainWindow):
    """The copdesk window. ``remember=False`` (screenshots) neither reads nor saves settings.

    ``state``: the window this one replaces (a change of language): its size, panes,
    view, item and history, on the workspace already open.
    """

    viewLoaded = Signal(str)
    personChanged = Signal(str)
    itemShown = Signal(str)
    searchShown = Signal(str)
    workspaceReady = Signal(dict)
    replaced = Signal(object)  # the window built in another language, which takes over
    workspaceFailed = Signal(object)

    def __init__(
        self, runner: WorkspaceRunner, *, remember: bool = True, state: WindowState | None = None
    ) -> None:
        super().__init__()
        self.runner = runner
        self.remember = remember
        self.summary: dict[str, Any] | None = None
        self.last_error = ""
        self._restored = False
        self.loads = Loads(runner, self)
        self.loads.idle.connect(lambda: self.viewLoaded.emit(self.current_view))
        self.loads.failed.connect(self.show_error)
        self.hub = ChangeHub(self)
        self.hub.pending.connect(
            lambda on: self.loads.track("changes") if on else self.loads.done("changes")
        )
        runner.changed.connect(self.hub.announce)
        runner.error.connect(self.show_error)
        self.setWindowTitle(self.tr("copdesk"))
        self.setWindowIcon(icon("copdesk"))
        self._build()
        self.editing = Editing(self.loads, self, self)
        self.navigation = Navigation(self)
        self.tasks = Tasks(self.loads, self, self.hub, self.commands)  # the rest of the CLI
        handlers = {**self._handlers(), **self.editing.handlers(), **self.tasks.handlers()}
        self.registry = Actions(self, handlers)
        menus.install_menus(self.menuBar(), self.registry)
        self.insertToolBar(self.search_bar, self.editing.toolbar(self.registry))
        self.itemShown.connect(self.editing.item_shown)
        self.itemShown.connect(lambda item: self.navigation.visit(self.current_view, item))
        self.viewLoaded.connect(self.editing.view_loaded)
        self.viewLoaded.connect(lambda _: access.name_controls(self.center.currentWidget()))
        self.tasks.install(self.registry)  # follows the window's signals; menus, banner
        self.table.doubleClicked.connect(lambda _: self.editing.edit_current())
        self._register_views()
        self.one_pane = OnePane(self, [self.table, self.tasks.questions.table])  # narrow
        self.zoom = Zoom([self.page, self.detail], [self.table], self, remember=remember)
        self.startup = Startup(self, self.loads)
        runner.busyChanged.connect(self._busy.setVisible)
        self.hub.watch("frame", Interest.of(flags=[Flag.ROSTER]), self.startup.refresh_summary)
        access.name_controls(self)
        access.watch_windows()
        self.navigation.bind(self.registry[Act.BACK], self.registry[Act.FORWARD])
        self.one_pane.bind(self.registry[Act.BACK], self.navigation)  # Back: the list first
        if state is not None:
            windowstate.apply(self, state)
            self._restored = True
        elif remember:
            self._restored = windowstate.restore_settings(self)

    # -- layout --------------------------------------------------------------------

    def _build(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search everywhere (Ctrl+K)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMaximumWidth(560)
        self.search_bar = QToolBar(self.tr("Search"), self)
        self.search_bar.setObjectName("searchBar")
        self.search_bar.setMovable(False)
        self.search_bar.addWidget(self.search_field)
        self.addToolBar(self.search_bar)

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.page = _browser(self, "pageView", self.show_item, self._page_link)
        self.center = QStackedWidget(self)
        # its links: items, history:ID, community actions
        self.detail = _browser(self, "detailView", self.show_item, self._page_link)
        self.reader = Reader(self.loads, self.detail, self._beside, self)
        self.reader.itemShown.connect(self.itemShown)
        self.lists = ListPage(self.loads, lambda: self.reader.wanted is not None, self)
        self.lists.rowChosen.connect(lambda item: self.show_item(item, browse=True))
        self.list_panel, self.model, self.table = self.lists, self.lists.model, self.lists.table
        self.filter_bar = self.lists.filter_bar

        self.content = QSplitter(Qt.Orientation.Horizontal, self)
        self.content.setObjectName("contentSplitter")
        self.content.addWidget(self.center)
        self.content.addWidget(self.detail)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.content)
        frame.configure(self.splitter, self.content)
        frame.reset(self.splitter, self.content, frame.PREFERRED.width())
        self.banner = ErrorBanner(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.focus_ring = access.FocusRing(central)  # where the keyboard is, visibly

        status = WindowStatus(self)
        self.site_label, self._busy, self.status = status.site_label, status.busy, status
        self.operation_bar, self.person_switch = status.operation_bar, status.person_switch
        self.commands = CommandRunner(self.runner, self.operation_bar, self)
        self.commands.started.connect(lambda name: self.loads.track(f"command:{name}"))
        self.commands.finished.connect(lambda name, _: self.loads.done(f"command:{name}"))
        self.commands.failed.connect(self.show_error)
        self.commands.said.connect(self.say)
        self.person_switch.chosen.connect(self.use_person)
        self.hub.watch("people", PersonSwitch.SHOWS, self.refresh_people)
        self.search_field.setAccessibleName(self.tr("Search everywhere"))
        self.sidebar.setAccessibleName(self.tr("Views"))
        self.page.setAccessibleName(self.tr("Page"))
        self.detail.setAccessibleName(self.tr("Reading pane"))
        self.detail.setAccessibleDescription(self.tr("The item selected, as it reads"))

    def _register_views(self) -> None:
        """Make the views and register each once with the router, in sidebar order."""
        loads, perform = self.loads, self.loads.perform
        self.home = HomePage(loads, self.page, self)
        self.search = SearchPage(
            loads,
            self.page,
            self.search_field,
            self.show_view,
            lambda: self.current_view,
            self.show_item,
        )
        self.search.shown.connect(self.searchShown)
        self.contributions = ContributionsPage(loads, self.page, self)
        self.matrix_view = MatrixView(loads.load, perform, self)
        self.dashboard_view = DashboardView(loads.load, self)
        self.risks_view = RisksView(loads.load, self)
        self.network_view = NetworkView(loads.load, self)
        self.exchange_view = ExchangeView(loads, self.commands, self)
        self.conflicts_view = ConflictsView(loads, self)
        self.history_view = HistoryView(loads.load, perform, self)
        self.documents_view = DocumentsView(loads, self)
        self.documents_view.itemRequested.connect(self.show_item)
        self.file_reader = FileReader(self.runner, self)  # reads new files in a child
        self.community_actions = CommunityActions(perform, lambda: self.current_item, self)
        self.community_actions.showItem.connect(self.show_item)
        self.exchange_view.conflictsRequested.connect(lambda: self.show_view("conflicts"))
        self.history_view.restored.connect(self.show_item)
        for view in (self.conflicts_view, self.matrix_view, self.risks_view, self.network_view):
            view.itemRequested.connect(self.show_item)
        self.matrix_view.said.connect(lambda text: self.say(text, 6000))
        self.center.addWidget(self.page)
        self.center.addWidget(self.lists)
        self.router = Router(self.sidebar, self.center, self.reader, self.hub, self)
        self.sidebar.setMinimumWidth(frame.SIDEBAR_MIN)
        self.router.chosen.connect(self.go)
        for route in self._routes():
            self.router.add(route)
        self.hub.watch(
            "lists",
            self.lists.interest,
            self.lists.reload,
            lambda: self.center.currentWidget() is self.lists,
        )
        pages = [self.center.widget(i) for i in range(self.center.count())]
        # Tab: the search, the views, the list or page shown, the reading pane, who writes
        access.tab_order([self.search_field, self.sidebar, *pages, self.detail, self.person_switch])

    def _routes(self) -> list[Route]:
        """The views, in sidebar order. Each opens with ``open(arg)``, reloads with
        ``reload()`` and says what it shows with ``interest()``; the lists' reloads are
        the list page's own ("lists"), whichever kind it shows."""

        def view(name: str, title: str, v: Any, on: Any = None, sidebar: bool = True) -> Route:
            """``v`` is shown in the centre, or in ``on`` (the page of home, search…)."""
            return Route(name, title, v.open, on or v, sidebar, shows=v.interest, reload=v.reload)

        def listing(name: str, title: str, kind: str) -> Route:
            def open(_: str | None) -> None:
                self.lists.show_kind(kind)

            return Route(name, title, open, self.lists, True, True, watcher="lists")

        def item(item_id: str | None) -> None:
            self.show_item(item_id or "", show_list=True)

        page = self.page
        return [
            view("home", self.tr("Home"), self.home, page),
            listing("communities", self.tr("Communities"), "community"),
            view("dashboard", self.tr("Dashboard"), self.dashboard_view),
            listing("rex", self.tr("Experience reports"), "rex"),
            listing("howto", self.tr("Know-how sheets"), "howto"),
            listing("people", self.tr("People"), "person"),
            view("skills", self.tr("Skills"), self.matrix_view),
            view("exchange", self.tr("Exchange"), self.exchange_view),
            view("documents", self.tr("Documents"), self.documents_view),
            view("risks", self.tr("Risks"), self.risks_view),
            view("network", self.tr("Network"), self.network_view),
            self.tasks.questions.route(self.tr("Questions")),
            view("conflicts", self.tr("Conflicts"), self.conflicts_view, sidebar=False),
            view("history", self.tr("History"), self.history_view, sidebar=False),
            view("search", self.tr("Search"), self.search, page, sidebar=False),
            view("contributions", self.tr("My contributions"), self.contributions, page, False),
            Route("item", self.tr("Item"), item, detail=True),
        ]

    def _handlers(self) -> dict[Act, Callable[[], Any]]:
        """What the window's own commands do (editing brings its own)."""

        def printing(pdf: bool) -> None:
            menus.print_current(
                self.runner, self.current_item, self, self.say, self.show_error, pdf=pdf
            )

        return {
            Act.PRINT: lambda: printing(False),
            Act.EXPORT_PDF: lambda: printing(True),
            Act.SETTINGS: self.open_settings,
            Act.RENAME_SITE: lambda: self.startup.rename_site(),  # Edit ▸ Rename this site
            Act.BACK: self.navigation.back,
            Act.FORWARD: self.navigation.forward,
            Act.ZOOM_IN: lambda: self.zoom.zoom_in(),
            Act.ZOOM_OUT: lambda: self.zoom.zoom_out(),
            Act.ZOOM_RESET: lambda: self.zoom.reset(),
            Act.RESET_LAYOUT: lambda: frame.reset(self.splitter, self.content),
            Act.QUIT: self.close,
            Act.SEARCH: self.focus_search,
            Act.REINDEX: self.reindex,
            Act.REFRESH: lambda: self.show_view(self.current_view),
            Act.SHORTCUTS: lambda: menus.show_shortcuts(self.registry, self),
            Act.ABOUT: lambda: show_about(self),
            **{act: (lambda v=view: self.go(v, keys=True)) for act, view in GO.items()},
        }

    # -- the window's public interface (editing, menus and tests use it) ----------------

    @property
    def actions_by_name(self) -> dict[str, Any]:
        return self.registry.by_name()

    @property
    def current_view(self) -> str:
        return self.router.current

    @property
    def current_item(self) -> str | None:
        return self.reader.current_item

    @property
    def loading(self) -> bool:
        """True while something the views asked for has not come back."""
        return self.loads.busy

    def say(self, text: str, ms: int = 4000) -> None:
        """A short message in the status bar."""
        self.statusBar().showMessage(text, ms)

    def show_error(self, exc: object) -> None:
        """Every failure ends here: one banner, in the error's own words."""
        if isinstance(exc, CopdeskError):
            text = messages.error_text(exc, ui_language())
        else:
            text = self.tr("Internal error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
        self.last_error = text
        self.banner.show_message(text)

    def show_view(self, view: str) -> None:
        """Open a view by name: home, communities, rex, howto, people, skills, exchange,
        search:QUERY, item:ID, history:ID, conflicts, risks, network[:COMMUNITY],
        dashboard[:COMMUNITY], contributions. An unknown name is said in the banner."""
        try:
            self.router.show(view)
        except BadInput as exc:
            self.show_error(exc)
            return
        self.navigation.visit(view)

    def go(self, view: str, keys: bool = False) -> None:
        """Open a view from the sidebar or the Go menu (``keys``: see :func:`keys_to`)."""
        self.search_field.clear()
        self.show_view(view)
        if keys:
            keys_to(self.center.currentWidget())

    def show_item(self, item_id: str, show_list: bool = False, browse: bool = False) -> None:
        """Render the item in the reading pane; ``show_list``: also list its kind;
        ``browse``: a row became current (a narrow window keeps the list in front)."""
        if not browse:
            self.one_pane.read()
        self.reader.show_item(item_id, show_list=show_list)

    def _beside(self, kind: str, item_id: str, show_list: bool) -> None:
        if show_list and kind in LISTED_AS:  # item:ID lists its kind beside it
            self.router.select_sidebar(LISTED_AS[kind])
            self.center.setCurrentWidget(self.lists)
            self.lists.show_kind(kind, select=item_id)
        elif self.lists.kind == kind:
            self.lists.select_row(item_id)

    # -- the frame: size, settings, language ---------------------------------------

    def show_fitted(self) -> None:
        """Show the window fitted to its screen (as remembered when that still fits)."""
        frame.show_fitted(self, self._restored)
        if not self._restored:
            frame.reset(self.splitter, self.content, self.width())
        self.navigation.watch_mouse()

    def last_view(self) -> str:
        """The list or page open when the window was last closed."""
        view = str(settings().value("window/view", "home")) if self.remember else "home"
        return view if view in self.router.sidebar_names else "home"

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editing.close_all():  # an editor with unsaved text stays open
            event.ignore()
            return
        self.file_reader.stop()
        if self.remember:
            windowstate.save_settings(self)
        super().closeEvent(event)

    def open_settings(self) -> language.SettingsDialog:
        dialog = language.SettingsDialog(self)
        dialog.languageChosen.connect(self.switch_language)
        dialog.open()
        return dialog

    def switch_language(self, choice: str) -> MainWindow | None:
        """The whole window in another language, now (see :func:`windowstate.switch`)."""
        return windowstate.switch(self, choice)

    # -- workspace (the session: copdesk.gui.startup) ---------------------------------

    def open_workspace(self, path: str | Path, actor: str | None = None) -> None:
        self.startup.open(path, actor)

    def create_workspace(
        self, path: str | Path, site: str, lang: str, demo: bool, person: str = "", job: str = ""
    ) -> None:
        """First run: the workspace, then the person at this computer and the demo."""
        self.startup.create(path, site, lang, demo, person, job)

    def refresh_people(self) -> None:
        """Fill the "writing as" switch from the workspace (on the worker)."""
        self.loads.load("people", read_jobs.people(), self.person_switch.fill)

    def use_person(self, person: str) -> None:
        """Make ``person`` (an id, or "" for nobody) the author of what is written next."""
        self.loads.perform(
            write_jobs.use_person(person or None), lambda _: self.personChanged.emit(person)
        )

    def offer_drafts(self) -> None:
        """Text typed but never saved (a crash, a power cut): offered back at start."""
        self.startup.offer_drafts()

    def preview_bundle(self, path: str | Path) -> None:
        """A bundle opened from the desktop: the Exchange view, on its import preview."""
        self.show_view("exchange")
        self.exchange_view.imports.preview_import(path)

    def reindex(self) -> Any:
        """Rebuild the search index (``copdesk reindex``) in a child process, with progress."""
        return self.tasks.upkeep.reindex()

    # -- search --------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def run_search(self, query: str) -> None:
        """Search now on the worker (the page says so at once); a newer search drops this one."""
        self.search.run(query)

    def _page_link(self, url: QUrl) -> None:
        if url.scheme() == "suggest":
            self.run_search(url.path())
        elif url.scheme() == "facet":  # narrow the search to one value
            self.run_search(f"{self.search_field.text().strip()} {facet_filter(url)}".strip())
        elif url.scheme() in ("history", "dashboard"):
            self.show_view(url.toString())
        elif url.scheme() == "openfile":  # a search hit in a file: that file, at its page
            page = int(url.fragment()) if url.fragment().isdigit() else 1
            open_file(self.loads, url.path(), page, self, self.documents_view.viewers.append)
        elif not self.tasks.handle(url):  # ask, answer, accept, promote on a page
            self.community_actions.handle(url)
