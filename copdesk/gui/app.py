"""Starting the window: the normal run, the first-run wizard and ``--screenshot``."""

from __future__ import annotations

import math
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from copdesk import appinfo
from copdesk.errors import BadInput, CopdeskError, WorkspaceError
from copdesk.gui import display
from copdesk.gui import language as lang
from copdesk.gui.icons import icon
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.settings import APPLICATION, ORGANIZATION
from copdesk.gui.wizard import FirstRunWizard
from copdesk.gui.worker import WorkspaceRunner
from copdesk.workspace import Workspace

SCREENSHOT_TIMEOUT_MS = 60_000


def application(
    *, headless: bool = False, screen: tuple[int, int] | None = None, scale: float = 1.0
) -> QApplication:
    """The process's one QApplication (pytest-qt's in tests).

    ``headless``: screenshots need no display, so default to the offscreen platform, on
    a screen of ``screen`` pixels at ``scale`` (as a 1366x768 screen at 150 %) when
    given: the window then fits that screen as it would a real one.
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            if screen is not None and os.environ["QT_QPA_PLATFORM"] == "offscreen":
                os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen_file(screen)}"
            if scale != 1:
                os.environ["QT_SCALE_FACTOR"] = f"{scale:g}"
        display.check(headless=headless)  # Qt would abort with a paragraph: one line instead
        app = QApplication(sys.argv[:1])
        lang.install(app)  # before any widget takes its texts; Qt's dialogs too
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app.setWindowIcon(icon(appinfo.ICON))
    app.setDesktopFileName(appinfo.APP_ID)  # Wayland: the installed .desktop entry and icon
    return app


def _screen_file(size: tuple[int, int]) -> Path:
    """A configuration of the offscreen platform with one screen of ``size`` pixels."""
    import json
    import tempfile

    config = {"screens": [{"name": "screen", "x": 0, "y": 0, "width": size[0], "height": size[1]}]}
    fd, name = tempfile.mkstemp(prefix="copdesk-screen-", suffix=".json")
    with os.fdopen(fd, "w") as out:
        json.dump(config, out)
    return Path(name)


def parse_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise BadInput(f"size must look like 1366x768, got {text!r}") from None
    if not (200 <= w <= 10000 and 200 <= h <= 10000):
        raise BadInput(f"size {text!r} is out of range")
    return w, h


def parse_scale(text: str | float) -> float:
    try:
        scale = float(str(text).rstrip("%")) / (100 if str(text).endswith("%") else 1)
    except ValueError:
        raise BadInput(f"scale must be a number such as 1, 1.5 or 150%, got {text!r}") from None
    if not 0.5 <= scale <= 4:
        raise BadInput(f"scale {text!r} is out of range (0.5 to 4)")
    return scale


def first_run(window: MainWindow, path: Path) -> FirstRunWizard:
    """Show the wizard over the window; Finish creates the workspace (and the demo)."""
    wizard = FirstRunWizard(window)

    def accepted() -> None:
        v = wizard.values()
        window.create_workspace(path, v.site, v.language, v.demo, v.person, v.job_title)
        window.show_view("home")

    wizard.accepted.connect(accepted)
    wizard.rejected.connect(window.close)
    wizard.open()
    return wizard


def run(
    path: Path,
    *,
    actor: str | None = None,
    view: str | None = None,
    bundle: str | Path | None = None,
) -> int:
    """Open the window on the workspace (or the wizard if there is none) until it closes.

    ``bundle``: a ``.copdesk`` file opened from the desktop: the window opens on its
    import preview (nothing is written before Apply)."""
    app = application()
    runner = WorkspaceRunner()
    host = WindowHost(runner)
    window = host.window
    try:
        window.show_fitted()
        if Workspace.exists(path):
            window.open_workspace(path, actor)
            window.show_view(view or window.last_view())
            window.offer_drafts()
            if bundle:
                window.preview_bundle(bundle)
        else:
            wizard = first_run(window, path)
            if bundle:
                wizard.accepted.connect(lambda: window.preview_bundle(bundle))
        return app.exec()
    finally:
        runner.stop()
        host.window.deleteLater()


class WindowHost:
    """Holds the one main window of a run; a language switch replaces it by a window
    built in the new language (same workspace, view, item, size), so the host follows."""

    def __init__(self, runner: WorkspaceRunner) -> None:
        self.window = MainWindow(runner)
        self.window.replaced.connect(self._replaced)

    def _replaced(self, new: MainWindow) -> None:
        self.window = new
        new.replaced.connect(self._replaced)


def screenshot(
    path: Path,
    out: Path,
    *,
    view: str = "home",
    size: str = "1366x768",
    scale: str | float = 1,
    language: str | None = None,
    actor: str | None = None,
) -> int:
    """Open VIEW on a screen of SIZE pixels at SCALE, wait until its data is shown, save
    the whole screen's window as a PNG (for docs and tests); LANGUAGE: fr or en."""
    width, height = parse_size(size)
    factor = parse_scale(scale)
    if not Workspace.exists(path):
        raise WorkspaceError(f"no workspace in {path}: create one with `copdesk init --site NAME`")
    app = application(headless=True, screen=(width, height), scale=factor)
    if language:
        lang.install(app, language)
    runner = WorkspaceRunner()
    window = MainWindow(runner, remember=False)
    loop = QEventLoop()
    try:
        window.router.check(view)  # an unknown view: said before anything is opened
        window.resize(math.ceil(width / factor), math.ceil(height / factor))  # the screen
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
        shot = window.grab().toImage()
        if (shot.width(), shot.height()) != (width, height):  # a pixel of rounding at 150 %
            shot = shot.copy(0, 0, width, height)
        if not shot.save(str(out), "PNG"):
            raise CopdeskError(f"cannot write {out}")
        if window.last_error:
            raise CopdeskError(window.last_error)
        return 0
    finally:
        window.close()
        runner.stop()
        window.deleteLater()
