"""What happens once the window has a workspace: the first run's person and demo, text
typed before a crash offered back at start, and the site's name changed.

First run: the workspace is created, then the person at this computer (the first
person of a site administers it), then the demo in a child process; a demo person
chosen in the wizard becomes the writer once the demo is in. Every later start: the
drafts kept in the workspace (an editor autosaves what is typed) are offered back in
a bar above the views at once, not the next time Ctrl+N happens to be pressed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QInputDialog, QMainWindow

from copdesk.gui import commands, read_jobs, write_jobs
from copdesk.gui.editor import MessageBar
from copdesk.gui.loads import Loads


class Startup(QObject):
    """The window's start: ``window`` is the MainWindow (its commands, editing, say)."""

    def __init__(self, window: QMainWindow, loads: Loads) -> None:
        super().__init__(window)
        self.window: Any = window
        self.loads = loads
        self.drafts: list[dict[str, Any]] = []
        self.bar = MessageBar(window)
        self.bar.setObjectName("draftsBar")
        layout = window.centralWidget().layout()
        layout.insertWidget(1, self.bar)  # under the error banner, above the views

    # -- opening ------------------------------------------------------------------------

    def open(self, path: str | Path, actor: str | None = None) -> None:
        """Open the workspace on the worker; the window shows its name and people."""
        self.loads.track("open", self.window.runner.open(path, actor=actor, **self._opened()))

    def create(
        self, path: str | Path, site: str, lang: str, demo: bool, person: str, job: str
    ) -> None:
        """First run: create the workspace, then the person at this computer and the demo
        (busy meanwhile). A demo person's name makes them the writer once it is loaded."""
        create = {"site": site, "language": lang}
        then = self.first_run(demo, person, job)
        self.loads.track("open", self.window.runner.open(path, create=create, **self._opened(then)))

    def attached(self, summary: dict[str, Any]) -> None:
        """The workspace is open: its name in the title and the status bar, its people."""
        window = self.window
        window.summary = summary
        window.status.show_site(summary["site_name"])
        window.setWindowTitle(
            QCoreApplication.translate("MainWindow", "copdesk — %1").replace(
                "%1", summary["site_name"]
            )
        )
        window.refresh_people()

    def refresh_summary(self) -> None:
        """The site was renamed (a roster change): its name where the window shows it."""
        self.loads.load("summary", lambda ws: ws.summary(), self.attached)

    def _opened(self, then: Callable[[], None] | None = None) -> dict[str, Callable[..., None]]:
        def done(summary: dict[str, Any]) -> None:
            self.attached(summary)
            if then is not None:
                then()
            else:
                self.window.workspaceReady.emit(summary)
            self.loads.done("open")

        def failed(exc: BaseException) -> None:
            self.window.show_error(exc)
            self.window.workspaceFailed.emit(exc)
            self.loads.done("open")

        return {"on_done": done, "on_error": failed}

    # -- first run ----------------------------------------------------------------------

    def first_run(self, demo: bool, person: str, job: str = "") -> Callable[[], None]:
        """What to do once the new workspace is open (its creator calls it)."""

        def then() -> None:
            chosen = person.strip()
            names: set[str] = set()
            if demo and chosen:
                from copdesk.gui.wizard import demo_people

                names = {n.casefold() for n in demo_people()}
            in_demo = chosen.casefold() in names

            def ready(_: Any = None) -> None:
                if demo:
                    self.window.say(self.tr("Demo content loaded."), 5000)
                self.window.workspaceReady.emit(self.window.summary)

            def after_demo(_: Any = None) -> None:
                if in_demo:  # one of the demo's people: the writer from now on
                    self.loads.perform(write_jobs.use_person(chosen), ready)
                else:
                    ready()

            def load_demo(_: Any = None) -> None:
                if demo:
                    self.window.commands.run(commands.load_demo(), after_demo)
                else:
                    ready()

            if chosen and not in_demo:  # the first person: the site's administrator
                self.loads.perform(write_jobs.introduce(chosen, job), load_demo)
            else:
                load_demo()

        return then

    # -- the site's name ------------------------------------------------------------------

    def rename_site(self, name: str | None = None) -> None:
        """Ask for this site's new name (unless given), rename it on the worker; its Change
        (the roster) puts the name in the title and the status bar."""
        if name is None:
            current = (self.window.summary or {}).get("site_name", "")
            name, ok = QInputDialog.getText(
                self.window,
                self.tr("Rename this site"),
                self.tr("New name of this site (other sites learn it from the next bundle):"),
                text=current,
            )
            if not ok or not name.strip() or name.strip() == current:
                return
        self.loads.perform(
            write_jobs.rename_site(name),
            lambda identity: self.window.say(
                self.tr("This site is now called %1.").replace("%1", identity["name"]), 6000
            ),
        )

    # -- drafts kept after a crash --------------------------------------------------------

    def offer_drafts(self) -> None:
        """Look for drafts on the worker; offer them back in the bar if there are any."""
        self.loads.load("drafts", read_jobs.recovered_drafts, self._offer, lambda _: None)

    def _offer(self, drafts: list[dict[str, Any]]) -> None:
        self.drafts = drafts
        if not drafts:
            return
        titles = ", ".join(f"“{d['title']}”" if d["title"] else "…" for d in drafts[:3])
        if len(drafts) == 1:
            text = self.tr("Text typed but not saved was kept: %1. Open it to save it?")
        else:
            text = self.tr("%2 texts typed but not saved were kept: %1. Open them to save them?")
        text = text.replace("%1", titles).replace("%2", str(len(drafts)))
        self.bar.show_message(
            text,
            "info",
            (
                (self.tr("Open"), self.open_drafts),
                (self.tr("Later"), self.bar.hide),
            ),
        )

    def open_drafts(self) -> list[Any]:
        """An editor for each kept draft, its text restored once it has loaded."""
        self.bar.hide()
        editors = []
        for draft in self.drafts:
            editor = self.window.editing.open_editor(draft["kind"], draft["item_id"])
            editor.restore_on_load = True
            editors.append(editor)
        self.drafts = []
        return editors
