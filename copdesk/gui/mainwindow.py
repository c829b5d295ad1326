"""The main window: sidebar, list or page in the middle, the item on the right, search on top.

The window never touches the workspace: every read is a job on the
:class:`WorkspaceRunner`, and ``viewLoaded`` tells when what a view asked for has
arrived (screenshots and tests wait on it instead of sleeping).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QModelIndex, QSize, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from copdesk.errors import BadInput, Cancelled, CopdeskError
from copdesk.gui import jobs
from copdesk.gui.community import CommunityActions, community_page
from copdesk.gui.conflicts import ConflictsView
from copdesk.gui.dashboard import DashboardView
from copdesk.gui.editing import Editing
from copdesk.gui.exchange import ExchangeView
from copdesk.gui.filterbar import FilterBar
from copdesk.gui.history import HistoryView
from copdesk.gui.icons import icon
from copdesk.gui.matrix import MatrixView
from copdesk.gui.menus import install_menus
from copdesk.gui.models import ID_ROLE, ItemTableModel
from copdesk.gui.network_view import NetworkView
from copdesk.gui.process import ChildCommand
from copdesk.gui.risks_view import RisksView
from copdesk.gui.settings import settings
from copdesk.gui.views import (
    ErrorBanner,
    SafeBrowser,
    facet_filter,
    home_html,
    placeholder_html,
    search_html,
)
from copdesk.gui.whoami import PersonSwitch, people_job, use_job
from copdesk.gui.worker import WorkspaceRunner

# sidebar entry -> (icon, kind listed or None for a page)
LIST_VIEWS = {
    "communities": "community",
    "rex": "rex",
    "howto": "howto",
    "people": "person",
    "skills": "skill",
}
SIDEBAR = (
    "home",
    "communities",
    "dashboard",
    "rex",
    "howto",
    "people",
    "skills",
    "exchange",
    "risks",
    "network",
)
PLACEHOLDERS = ("exchange", "conflicts", "history")
SEARCH_DELAY_MS = 250


class MainWindow(QMainWindow):
    """The copdesk window. ``remember=False`` (screenshots) neither reads nor saves settings."""

    viewLoaded = Signal(str)
    personChanged = Signal(str)
    itemShown = Signal(str)
    searchShown = Signal(str)
    workspaceReady = Signal(dict)

    def __init__(self, runner: WorkspaceRunner, *, remember: bool = True) -> None:
        super().__init__()
        self.runner = runner
        self.remember = remember
        self.summary: dict[str, Any] | None = None
        self.current_view = "home"
        self.current_item: str | None = None
        self.last_error = ""
        self._loading: dict[str, int] = {}
        self._list_kind: str | None = None
        self._last_seen: str | None = None
        self._last_change: int | None = None  # change marker when the window last closed
        self._seen_change: int | None = None  # change marker of the home page shown
        self._view_before_search = "home"
        self._hits: list[str] = []

        self.setWindowTitle(self.tr("copdesk"))
        self.setWindowIcon(icon("copdesk"))
        self._build()
        self.actions_by_name = install_menus(self)  # menu bar; others connect by object name
        self.editing = Editing(self)  # New (Ctrl+N), Edit, Propose, Validate, Send back; editors
        runner.error.connect(self.show_error)
        runner.busyChanged.connect(self._busy.setVisible)
        if remember:
            self._restore()

    # -- layout --------------------------------------------------------------------

    def _build(self) -> None:
        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("searchField")
        self.search_field.setPlaceholderText(self.tr("Search everywhere (Ctrl+K)"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_field.setMaximumWidth(560)
        self.search_field.textEdited.connect(self._search_edited)
        self.search_field.returnPressed.connect(self._open_first_hit)
        toolbar = QToolBar(self.tr("Search"), self)
        toolbar.setObjectName("searchBar")
        toolbar.setMovable(False)
        toolbar.addWidget(self.search_field)
        self.addToolBar(toolbar)

        focus = QAction(self.tr("Search everywhere"), self)
        focus.setObjectName("actionSearch")  # in the Edit menu (copdesk.gui.menus)
        focus.setShortcut(QKeySequence("Ctrl+K"))
        focus.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        focus.triggered.connect(self.focus_search)
        self.addAction(focus)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.run_search(self.search_field.text()))

        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        labels = {
            "home": self.tr("Home"),
            "communities": self.tr("Communities"),
            "dashboard": self.tr("Dashboard"),
            "rex": self.tr("Experience reports"),
            "howto": self.tr("Know-how sheets"),
            "people": self.tr("People"),
            "skills": self.tr("Skills"),
            "exchange": self.tr("Exchange"),
            "risks": self.tr("Risks"),
            "network": self.tr("Network"),
        }
        for name in SIDEBAR:
            entry = QListWidgetItem(icon(name), labels[name])
            entry.setData(Qt.ItemDataRole.UserRole, name)
            self.sidebar.addItem(entry)
        self.sidebar.setSpacing(2)
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setMinimumWidth(190)
        self.sidebar.currentItemChanged.connect(self._sidebar_changed)

        self.model = ItemTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("itemTable")
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)  # a third click: back to newest first
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setHighlightSections(False)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        self.page = SafeBrowser(self)
        self.page.setObjectName("pageView")
        self.page.document().setDocumentMargin(12)
        self.page.itemRequested.connect(self.show_item)
        self.page.linkActivated.connect(self._page_link)
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._filter_changed)
        self.list_panel = QWidget(self)
        panel = QVBoxLayout(self.list_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(0)
        panel.addWidget(self.filter_bar)
        panel.addWidget(self.table, 1)
        self.center = QStackedWidget(self)
        self.center.addWidget(self.page)
        self.center.addWidget(self.list_panel)
        self.exchange_view = ExchangeView(self.runner, self)
        self.conflicts_view = ConflictsView(self.runner, self)
        for name, view in (("exchange", self.exchange_view), ("conflicts", self.conflicts_view)):
            view.failed.connect(self.show_error)
            view.loaded.connect(lambda n=name: self._loaded(n))
            self.center.addWidget(view)
        self.exchange_view.conflictsRequested.connect(lambda: self.show_view("conflicts"))
        self.conflicts_view.itemRequested.connect(self.show_item)
        self.history_view = HistoryView(self._load, self)  # history:ID
        self.history_view.restored.connect(self.show_item)
        self.matrix_view = MatrixView(self._load, self)  # the Skills entry
        self.matrix_view.itemRequested.connect(self.show_item)
        self.center.addWidget(self.history_view)
        self.center.addWidget(self.matrix_view)
        self.dashboard_view = DashboardView(self._load, self)  # dashboard[:COMMUNITY]
        self.center.addWidget(self.dashboard_view)
        self.community_actions = CommunityActions(self._load, self)  # community page links
        self.community_actions.showItem.connect(self.show_item)
        self.risks_view = RisksView(self._load, self)  # knowledge at risk
        self.network_view = NetworkView(self._load, self)  # network[:COMMUNITY]
        for view in (self.risks_view, self.network_view):
            view.itemRequested.connect(self.show_item)
            self.center.addWidget(view)

        self.detail = SafeBrowser(self)
        self.detail.setObjectName("detailView")
        self.detail.document().setDocumentMargin(12)
        self.detail.itemRequested.connect(self.show_item)
        self.detail.linkActivated.connect(self._page_link)  # history:ID
        self._clear_detail()

        self.content = QSplitter(Qt.Orientation.Horizontal, self)
        self.content.setObjectName("contentSplitter")
        self.content.addWidget(self.center)
        self.content.addWidget(self.detail)
        self.content.setStretchFactor(0, 3)
        self.content.setStretchFactor(1, 2)
        self.content.setChildrenCollapsible(False)
        self.content.setSizes([680, 400])  # the list gets the larger share

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.content)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([200, 1000])

        self.banner = ErrorBanner(self)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.site_label = QLabel(self)
        self.busy_label = QLabel(self)
        self._busy = QProgressBar(self)
        self._busy.setRange(0, 0)
        self._busy.setMaximumWidth(120)
        self._busy.setMaximumHeight(14)
        self._busy.setTextVisible(False)
        self._busy.hide()
        # a long operation in a child process (demo, reindex): its progress and Cancel
        self.operation: ChildCommand | None = None
        self.operation_progress = QProgressBar(self)
        self.operation_progress.setObjectName("windowOperationProgress")
        self.operation_progress.setMaximumWidth(160)
        self.operation_progress.setMaximumHeight(14)
        self.operation_progress.setTextVisible(False)
        self.operation_progress.hide()
        self.operation_cancel = QPushButton(self.tr("Cancel"), self)
        self.operation_cancel.setObjectName("windowOperationCancel")
        self.operation_cancel.clicked.connect(self.cancel_operation)
        self.operation_cancel.hide()
        self.statusBar().addWidget(self.site_label)
        self.person_switch = PersonSwitch(self)
        self.person_switch.chosen.connect(self.use_person)
        self.statusBar().addWidget(self.person_switch)
        self.statusBar().addPermanentWidget(self.busy_label)
        self.statusBar().addPermanentWidget(self.operation_progress)
        self.statusBar().addPermanentWidget(self.operation_cancel)
        self.statusBar().addPermanentWidget(self._busy)

    # -- settings ------------------------------------------------------------------

    def _restore(self) -> None:
        s = settings()
        geometry = s.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        for splitter in (self.splitter, self.content):
            state = s.value(f"window/{splitter.objectName()}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        last_seen = s.value("home/last_seen")
        self._last_seen = str(last_seen) if last_seen else None
        last_change = s.value("home/last_change")
        self._last_change = int(last_change) if last_change not in (None, "") else None

    def last_view(self) -> str:
        """The list or page open when the window was last closed."""
        view = str(settings().value("window/view", "home")) if self.remember else "home"
        return view if view in SIDEBAR else "home"

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.editing.close_all():  # an editor with unsaved text stays open
            event.ignore()
            return
        if self.remember:
            s = settings()
            s.setValue("window/geometry", self.saveGeometry())
            for splitter in (self.splitter, self.content):
                s.setValue(f"window/{splitter.objectName()}", splitter.saveState())
            if self.current_view in SIDEBAR:
                s.setValue("window/view", self.current_view)
            if self.summary is not None:
                s.setValue("home/last_seen", jobs.now_iso())
            if self._seen_change is not None:  # what the home page showed last
                s.setValue("home/last_change", self._seen_change)
            s.sync()
        super().closeEvent(event)

    # -- workspace -----------------------------------------------------------------

    def open_workspace(self, path: str | Path, actor: str | None = None) -> None:
        self._track("open", self.runner.open(path, actor=actor, **self._open_callbacks()))

    def create_workspace(self, path: str | Path, site: str, language: str, demo: bool) -> None:
        """First run: create the workspace, then load the demo if asked (busy meanwhile)."""
        create = {"site": site, "language": language}
        self._track("open", self.runner.open(path, create=create, **self._open_callbacks(demo)))

    def refresh_people(self) -> None:
        """Fill the "writing as" switch from the workspace (on the worker)."""
        self.runner.submit(people_job(), self.person_switch.fill, self.show_error)

    def use_person(self, person: str) -> None:
        """Make ``person`` (an id, or "" for nobody) the author of what is written next."""

        def done(_: object) -> None:
            self.refresh_people()
            if self.current_view == "home":  # "my drafts" and "writing as" change
                self.show_view("home")
            self.personChanged.emit(person)

        self.runner.submit(use_job(person or None), done, self.show_error)

    def _open_callbacks(self, demo: bool = False) -> dict[str, Callable[..., None]]:
        def done(summary: dict[str, Any]) -> None:
            self.summary = summary
            self.site_label.setText(self.tr("Site: %1").replace("%1", summary["site_name"]))
            self.refresh_people()
            self.setWindowTitle(self.tr("copdesk — %1").replace("%1", summary["site_name"]))
            if demo:
                self.run_command(
                    "demo", ["demo"], self.tr("Loading the demo content…"), self._demo_loaded
                )
            else:
                self.workspaceReady.emit(summary)
            self._loaded("open")

        def failed(exc: BaseException) -> None:
            self.show_error(exc)
            self._loaded("open")

        return {"on_done": done, "on_error": failed}

    def _demo_loaded(self, counts: dict[str, int]) -> None:
        self.statusBar().showMessage(self.tr("Demo content loaded."), 5000)
        assert self.summary is not None
        self.workspaceReady.emit(self.summary)
        self.show_view(self.current_view)

    # -- long operations, in a child process -------------------------------------------

    def run_command(
        self, key: str, args: list[str], label: str, on_done: Callable[[Any], None]
    ) -> ChildCommand | None:
        """Run ``copdesk ARGS`` in a child process (the GUI thread never waits on it): the
        status bar shows its progress and a Cancel button; the view is "loading" meanwhile."""
        if self.operation is not None:
            self.statusBar().showMessage(self.tr("Another operation is running."), 4000)
            return None
        command = self.runner.command(args, self)
        self.operation = command
        self.busy_label.setText(label)
        self.operation_progress.setRange(0, 0)
        self.operation_progress.show()
        self.operation_cancel.setEnabled(True)
        self.operation_cancel.show()

        def progressed(step: str, done: int, total: int) -> None:
            if total > 0:
                self.operation_progress.setRange(0, total)
                self.operation_progress.setValue(done)

        def finished(result: Any) -> None:
            command.deleteLater()
            self.operation = None
            self.busy_label.clear()
            self.operation_progress.hide()
            self.operation_cancel.hide()
            try:
                if isinstance(result, Cancelled):
                    self.statusBar().showMessage(self.tr("Cancelled."), 5000)
                elif isinstance(result, BaseException):
                    self.show_error(result)
                else:
                    on_done(result)
            finally:
                self._loaded(key)

        command.progressed.connect(progressed)
        command.finished.connect(finished)
        self._track(key, 0)
        command.start()
        return command

    def cancel_operation(self) -> None:
        """Kill the running child process (all its commands are all or nothing)."""
        if self.operation is not None:
            self.operation_cancel.setEnabled(False)
            self.operation.cancel()

    def reindex(self) -> ChildCommand | None:
        """Rebuild the search index from the database (``copdesk reindex``), with progress."""

        def done(result: dict[str, Any]) -> None:
            self.statusBar().showMessage(
                self.tr("Search index rebuilt: %1 items.").replace("%1", str(result["documents"])),
                5000,
            )

        return self.run_command(
            "reindex", ["reindex"], self.tr("Rebuilding the search index…"), done
        )

    # -- loading and errors --------------------------------------------------------

    @property
    def loading(self) -> bool:
        """True while a job the current view asked for has not come back."""
        return bool(self._loading)

    def _track(self, key: str, job_id: int) -> None:
        self._loading[key] = job_id

    def _load(self, key: str, fn: Callable[[Any], Any], on_done: Callable[[Any], None]) -> None:
        """Run a job for the current view; the latest job of ``key`` wins."""

        def done(result: Any) -> None:
            try:
                on_done(result)
            finally:  # a bug in on_done must not leave the view "loading" forever
                self._loaded(key)

        def failed(exc: BaseException) -> None:
            self.show_error(exc)
            self._loaded(key)

        self._track(key, self.runner.submit(fn, done, failed, key=key))

    def _loaded(self, key: str) -> None:
        self._loading.pop(key, None)
        if not self._loading:
            self.viewLoaded.emit(self.current_view)

    def show_error(self, exc: object) -> None:
        """Every failure ends here: one banner, in the error's own words."""
        if isinstance(exc, CopdeskError):
            text = str(exc)
        else:
            text = self.tr("Internal error: %1").replace("%1", f"{type(exc).__name__}: {exc}")
        self.last_error = text
        self.banner.show_message(text)

    # -- views ---------------------------------------------------------------------

    def show_view(self, view: str) -> None:
        """Open a view by name: home, communities, rex, howto, people, skills, exchange,
        search:QUERY, item:ID, history:ID, conflicts, risks, network[:COMMUNITY],
        dashboard[:COMMUNITY]."""
        name, _, arg = view.partition(":")
        if name not in (*SIDEBAR, "search", "item", *PLACEHOLDERS):
            raise BadInput(f"unknown view {view!r}")
        self.current_view = view
        self._select_sidebar(name)
        if name != "item":
            self._clear_detail()
        self._set_detail_visible(name in LIST_VIEWS or name == "item")
        if name == "home":
            self.center.setCurrentWidget(self.page)
            self._load("home", jobs.home(self._last_seen, self._last_change), self._show_home)
        elif name == "skills":  # the matrix; the pane opens on a click
            self._set_detail_visible(False)
            self.center.setCurrentWidget(self.matrix_view)
            self.matrix_view.reload()
        elif name == "risks":  # the ranked list; the pane opens on a click
            self.center.setCurrentWidget(self.risks_view)
            self.risks_view.reload()
        elif name == "network":
            self.center.setCurrentWidget(self.network_view)
            self.network_view.set_community(arg or None)
        elif name == "dashboard":  # site or community health, computed on the worker
            self.center.setCurrentWidget(self.dashboard_view)
            self.dashboard_view.show_scope(arg or None)
        elif name in LIST_VIEWS:
            self._show_list(LIST_VIEWS[name])
        elif name == "search":
            self.search_field.setText(arg)
            self.run_search(arg)
        elif name == "item":
            self.show_item(arg, show_list=True)
        elif name == "history":
            self.center.setCurrentWidget(self.history_view)
            self.history_view.show_history(arg)
        elif name in ("exchange", "conflicts"):
            widget = self.exchange_view if name == "exchange" else self.conflicts_view
            self.center.setCurrentWidget(widget)
            self._track(name, widget.refresh())
        else:
            self._show_placeholder(name)

    def _set_detail_visible(self, visible: bool) -> None:
        """Lists keep the reading pane; pages (home, search) use the width until an item opens."""
        self.detail.setVisible(visible)

    def _select_sidebar(self, name: str) -> None:
        self.sidebar.blockSignals(True)
        if name in SIDEBAR:
            self.sidebar.setCurrentRow(SIDEBAR.index(name))
        else:
            self.sidebar.clearSelection()
            self.sidebar.setCurrentRow(-1)
        self.sidebar.blockSignals(False)

    def _sidebar_changed(self, current: QListWidgetItem | None, _: object) -> None:
        if current is not None:
            self.search_field.clear()
            self.show_view(current.data(Qt.ItemDataRole.UserRole))

    def _show_home(self, data: dict[str, Any]) -> None:
        self._seen_change = data.get("change")
        self.page.set_page(home_html(data))

    def _show_placeholder(self, name: str) -> None:
        titles = {
            "exchange": self.tr("Exchange between sites"),
            "conflicts": self.tr("Conflicts"),
            "history": self.tr("History"),
        }
        self.center.setCurrentWidget(self.page)
        self.page.set_page(
            placeholder_html(titles[name], self.tr("This view arrives in a later version."))
        )
        QTimer.singleShot(0, lambda: self._loaded("placeholder"))
        self._track("placeholder", 0)

    def _show_list(self, kind: str, select: str | None = None) -> None:
        self.center.setCurrentWidget(self.list_panel)

        def done(rows: list[dict[str, Any]]) -> None:
            changed = kind != self._list_kind
            if changed:  # the sort column of another kind means nothing here
                self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
                self.model.clear_sort()
            if changed:
                self.model.set_filter()  # another kind: its own filters, none chosen yet
            self.model.set_rows(kind, rows)
            self.filter_bar.set_columns(self.model.filter_values(), keep=not changed)
            self.filter_bar.show_count(self.model.total, self.model.held)
            self._list_kind = kind
            if changed:
                self._fit_columns()
            if select is not None:
                self._select_row(select)
            elif self.current_item is None and self.model.rowCount():
                self.table.selectRow(0)  # the reading pane is never empty next to a list

        self._load("list", jobs.list_items(kind), done)

    def _filter_changed(self, text: str, equals: dict[str, str], since: str) -> None:
        self.model.set_filter(text, equals, since)
        self.filter_bar.show_count(self.model.total, self.model.held)
        if self.model.rowCount():
            self.table.selectRow(0)

    def _fit_columns(self) -> None:
        """Short columns fit their content (capped); the title gets the rest, or 45 %."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        scrollbar = self.table.verticalScrollBar().sizeHint().width()  # may appear later
        width = (self.table.viewport().width() or 800) - scrollbar
        count = self.model.columnCount()
        for col in range(1, count):
            header.resizeSection(col, min(header.sectionSize(col), 150))
        others = sum(header.sectionSize(c) for c in range(1, count))
        header.resizeSection(0, max(width - others, int(width * 0.45), 200))

    def _select_row(self, item_id: str) -> None:
        row = self.model.row_of(item_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().blockSignals(True)
        self.table.setCurrentIndex(index)
        self.table.selectionModel().blockSignals(False)
        center = QAbstractItemView.ScrollHint.PositionAtCenter
        QTimer.singleShot(0, self.table, lambda: self.table.scrollTo(index, center))  # after layout

    def _row_changed(self, current: QModelIndex, _: QModelIndex) -> None:
        item_id = current.data(ID_ROLE) if current.isValid() else None
        if item_id:
            self.show_item(item_id)

    # -- the item ------------------------------------------------------------------

    def _clear_detail(self) -> None:
        self.current_item = None
        self.detail.set_page(placeholder_html("", self.tr("Select an item to read it here.")))

    def show_item(self, item_id: str, *, show_list: bool = False) -> None:
        """Render the item in the detail pane; ``show_list``: also list its kind."""

        def done(page: dict[str, Any]) -> None:
            self.current_item = page["id"]
            self.detail.set_page(page["html"], page["images"])
            self._set_detail_visible(True)
            if show_list:
                kind = page["kind"]
                view = next((v for v, k in LIST_VIEWS.items() if k == kind), None)
                if view is not None:
                    self._select_sidebar(view)
                    self._show_list(kind, select=page["id"])
            elif self._list_kind == page["kind"]:
                self._select_row(page["id"])
            self.itemShown.emit(page["id"])

        self._load("detail", community_page(item_id), done)  # a community: its own page

    # -- search --------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    def _search_edited(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self._search_timer.stop()
            self.runner.cancel("search")  # a search still in flight must not come back
            self._loading.pop("search", None)
            self.show_view(self._view_before_search)

    def run_search(self, query: str) -> None:
        """Search now on the worker; a newer search drops this one's results."""
        query = query.strip()
        if not query:
            return
        if not self.current_view.startswith(("search:", "item:")):
            self._view_before_search = self.current_view
        self.current_view = f"search:{query}"
        self._select_sidebar("search")
        self.center.setCurrentWidget(self.page)
        if self.current_item is None:
            self._set_detail_visible(False)

        def done(result: dict[str, Any]) -> None:
            self._hits = [h["id"] for h in result["hits"]]
            self.page.set_page(search_html(result))
            self.searchShown.emit(result["query"])

        def failed(exc: BaseException) -> None:  # half-typed syntax: say it where one looks
            self._hits = []
            self.page.set_page(placeholder_html(self.tr("Search"), str(exc)))
            self._loaded("search")

        self._hits = []
        job = self.runner.submit(
            jobs.search(query),
            lambda r: (done(r), self._loaded("search")),
            failed,
            key="search",
        )
        self._track("search", job)

    def _open_first_hit(self) -> None:
        self._search_timer.stop()
        if self._hits:
            self.show_item(self._hits[0])
        else:
            self.run_search(self.search_field.text())

    def _page_link(self, url: QUrl) -> None:
        if url.scheme() == "suggest":
            self.search_field.setText(url.path())
            self.run_search(url.path())
        elif url.scheme() == "facet":  # narrow the search to one value
            query = f"{self.search_field.text().strip()} {facet_filter(url)}".strip()
            self.search_field.setText(query)
            self.run_search(query)
        elif url.scheme() == "history":
            self.show_view(f"history:{url.path()}")
        elif url.scheme() == "dashboard":
            self.show_view(url.toString())
        else:  # ask, answer, accept, promote on a community page
            self.community_actions.handle(url)
