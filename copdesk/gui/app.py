"""Starting the window: the normal run, the first-run wizard and ``--screenshot``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from copdesk import appinfo
from copdesk.errors import BadInput, CopdeskError, WorkspaceError
from copdesk.gui import display, language
from copdesk.gui.icons import icon
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.settings import APPLICATION, ORGANIZATION
from copdesk.gui.wizard import FirstRunWizard
from copdesk.gui.worker import WorkspaceRunner
from copdesk.workspace import Workspace

SCREENSHOT_TIMEOUT_MS = 60_000


def application(*, headless: bool = False) -> QApplication:
    """The process's one QApplication (pytest-qt's in tests).

    ``headless``: screenshots need no display, so default to the offscreen platform.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        display.check(headless=headless)  # Qt would abort with a paragraph: one line instead
        app = QApplication(sys.argv[:1])
        language.install(app)  # before any widget takes its texts; Qt's dialogs too
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setWindowIcon(icon(appinfo.ICON))
    app.setDesktopFileName(appinfo.APP_ID)  # Wayland: the installed .desktop entry and icon
    return app


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise BadInput(f"size must look like 1280x800, got {text!r}") from None
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise BadInput(f"size {text!r} is out of range")
    return w, h


def first_run(window: MainWindow, path: Path) -> FirstRunWizard:
    """Show the wizard over the window; Finish creates the workspace (and the demo)."""
    wizard = FirstRunWizard(window)

    def accepted() -> None:
        site, language, demo = wizard.values()
        window.create_workspace(path, site, language, demo)
        window.show_view("home")

    wizard.accepted.connect(accepted)
    wizard.rejected.connect(window.close)
    wizard.open()
    return wizard


def run(path: Path, *, actor: str | None = None, view: str | None = None) -> int:
    """Open the window on the workspace (or the wizard if there is none) until it closes."""
    app = application()
    runner = WorkspaceRunner()
    window = MainWindow(runner)
    try:
        window.show()
        if Workspace.exists(path):
            window.open_workspace(path, actor)
            window.show_view(view or window.last_view())
        else:
            first_run(window, path)
        return app.exec()
    finally:
        runner.stop()
        window.deleteLater()


def screenshot(
    path: Path, out: Path, *, view: str = "home", size: str = "1280x800", actor: str | None = None
) -> int:
    """Open VIEW, wait until its data is shown, save the window as a PNG (for docs and tests)."""
    width, height = parse_size(size)
    if not Workspace.exists(path):
        raise WorkspaceError(f"no workspace in {path}: create one with `copdesk init --site NAME`")
    application(headless=True)
    runner = WorkspaceRunner()
    window = MainWindow(runner, remember=False)
    loop = QEventLoop()
    try:
        window.router.check(view)  # an unknown view: said before anything is opened
        window.resize(width, height)
        window.show()
        window.open_workspace(path, actor)
        window.viewLoaded.connect(loop.quit)
        window.show_view(view)
        timeout = QTimer(loop)  # a safety net, not a wait: viewLoaded normally ends the loop
        timeout.setSingleShot(True)
        timeout.timeout.connect(loop.quit)
        timeout.start(SCREENSHOT_TIMEOUT_MS)
        loop.exec()
        QCoreApplication.processEvents()
        if window.loading:
            raise CopdeskError(f"the view {view!r} did not load in time")
        if not window.grab().save(str(out), "PNG"):
            raise CopdeskError(f"cannot write {out}")
        if window.last_error:
            raise CopdeskError(window.last_error)
        return 0
    finally:
        window.close()
        runner.stop()
        window.deleteLater()
