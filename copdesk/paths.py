"""Where the workspace lives: --workspace, else $COPDESK_WORKSPACE, else the user data folder.

Computed without Qt (the core never imports it) but matching what
QStandardPaths.AppDataLocation gives on each platform.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ENV_VAR = "COPDESK_WORKSPACE"


def user_data_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
        return Path(base) / "copdesk"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "copdesk"
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(Path.home(), ".local", "share")
    return Path(base) / "copdesk"


def workspace_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "workspace"
