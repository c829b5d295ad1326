"""Commands about the workspace as a whole: create it, what it holds, who is writing,
demo content, an integrity check and repair, backups, and the desktop window."""

from __future__ import annotations

import contextlib
import os
from argparse import Namespace
from typing import Any

from copdesk.commands.progress import emitter
from copdesk.commands.registry import Reply, arg, command, opt
from copdesk.errors import CopdeskError, WorkspaceError
from copdesk.paths import workspace_dir
from copdesk.textout import workspace as text
from copdesk.workspace import Workspace


@command(
    "init",
    help="create the workspace and its site identity",
    json=False,
    workspace=False,
    text=text.created,
    args=[
        opt("--site", required=True, metavar="NAME", help="site name, e.g. 'Usine de Lyon'"),
        opt("--language", choices=("fr", "en"), default="fr"),
    ],
)
def init(a: Namespace) -> dict[str, Any]:
    with Workspace.create(workspace_dir(a.workspace), a.site, language=a.language) as ws:
        return {"path": str(ws.path), "site_name": ws.site_name, "site_id": ws.site_id}


@command("status", help="what the workspace holds", text=text.summary)
def status(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.summary()


@command(
    "use",
    help="set who is writing on this computer",
    json=False,
    text=text.writer,
    args=[
        arg("person", nargs="?", metavar="PERSON"),
        opt("--clear", action="store_true", help="no current person"),
    ],
)
def use(ws: Workspace, a: Namespace) -> dict[str, Any]:
    if a.clear:
        ws.use(None)
        return {"changed": True, "person": None}
    if a.person:
        return {"changed": True, "person": ws.use(a.person)}
    who = ws.current_person
    return {"changed": False, "person": ws.items.get(who) if who else None}


@command("demo", help="load the built-in demo content (idempotent)", text=text.demo)
def demo(ws: Workspace, a: Namespace) -> dict[str, int]:
    emit = emitter(a)
    if emit:
        emit("demo", 0, 1)
    counts = ws.load_demo()
    if emit:
        emit("demo", 1, 1)
    return counts


@command(
    "check",
    help="verify database, revisions and attachments (even a damaged database)",
    text=text.check,
    workspace=False,
    args=[
        opt("--quick", action="store_true", help="SQLite's quick check and counts only"),
        opt("--clean", action="store_true", help="remove what killed commands left behind"),
    ],
)
def check(a: Namespace) -> Reply:
    from copdesk.store import check as checking

    path = workspace_dir(a.workspace)
    if not Workspace.exists(path):
        raise WorkspaceError(f"no workspace in {path}: create one with `copdesk init --site NAME`")
    problems = checking.check_workspace(path, quick=a.quick)
    left: list[dict[str, Any]] = []
    if not problems and not a.quick:
        with Workspace.open(path, index=False) as ws:
            left = ws.leftovers(remove=a.clean)
    data: dict[str, Any] = {"ok": not problems, "problems": problems}
    if left:
        data["leftovers"] = left
    return Reply(data, exit_code=1 if problems else 0)


@command(
    "repair",
    help="rebuild a damaged database into a new file (the old one is kept)",
    text=text.repaired,
    workspace=False,
)
def repair(a: Namespace) -> dict[str, Any]:
    from copdesk.store.repair import repair as rebuild

    path = workspace_dir(a.workspace)
    if not Workspace.exists(path):
        raise WorkspaceError(f"no workspace in {path}")
    return rebuild(path)


@command(
    "backup",
    help="a consistent copy of the workspace in a folder (while others write)",
    text=text.backed_up,
    args=[
        arg("dest", metavar="DIR"),
        opt("--keys", action="store_true", help="also the site's private key (keep it safe)"),
    ],
)
def backup(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.backup(a.dest, keys=a.keys)


@command(
    "restore-backup",
    help="put a backup of this site in place of the workspace (the current one is kept)",
    text=text.restored_backup,
    workspace=False,
    args=[arg("src", metavar="DIR")],
)
def restore_backup(a: Namespace) -> dict[str, Any]:
    from copdesk.store.backup import restore

    path = workspace_dir(a.workspace)
    site = None
    if Workspace.exists(path):
        with contextlib.suppress(CopdeskError), Workspace.open(path, index=False) as ws:
            site = ws.site_id
    else:
        path.mkdir(parents=True, exist_ok=True)
    return restore(path, a.src, site_id=site)


@command(
    "gui",
    help="open the desktop window (the default)",
    json=False,
    workspace=False,
    args=[
        opt("--view", metavar="VIEW", help="home, rex, howto, search:QUERY, item:ID…"),
        opt("--screenshot", metavar="FILE.png", help="save the window as a PNG and exit"),
        opt("--size", default="1366x768", metavar="WxH", help="window size (screenshots)"),
        opt("--scale", default="1", metavar="FACTOR", help="screen scale (screenshots): 1, 1.5, 2"),
        opt("--language", choices=("fr", "en"), help="interface language (screenshots)"),
        opt("--open", metavar="FILE.copdesk", help="open on the import preview of a bundle"),
    ],
)
def gui(a: Namespace) -> Reply:
    """Open the desktop window (the default command); Qt is imported only here, once
    the system libraries it needs are known to be there."""
    from copdesk.gui import system_libraries

    system_libraries.check(
        {**os.environ, "QT_QPA_PLATFORM": "offscreen"} if a.screenshot else os.environ
    )
    from copdesk.gui import app

    path = workspace_dir(a.workspace)
    if a.screenshot:
        code = app.screenshot(
            path,
            a.screenshot,
            view=a.view or "home",
            size=a.size,
            scale=a.scale,
            language=a.language,
            actor=a.as_person,
        )
    else:
        code = app.run(path, actor=a.as_person, view=a.view, bundle=a.open)
    return Reply(None, exit_code=code)
