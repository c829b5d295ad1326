"""Files named by users: refused in one line unless they are regular files.

Opening a FIFO (or a device) blocks until someone writes to it, and a folder cannot be
read as a file; checking what the name is *before* opening it means a wrong argument
never hangs a command or the window.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from copdesk.errors import BadInput


def regular_file(path: str | os.PathLike[str], what: str = "") -> Path:
    """``path`` if it names a regular file, else one clear ``BadInput``."""
    p = Path(path)
    try:
        mode = p.stat().st_mode
    except FileNotFoundError:
        raise BadInput(f"no file {p}: cannot read it") from None
    except OSError as exc:
        raise BadInput(f"cannot read {p}: {exc.strerror}") from None
    if stat.S_ISDIR(mode):
        raise BadInput(f"{p} is a folder{', not ' + what if what else ''}")
    if not stat.S_ISREG(mode):
        raise BadInput(f"{p} is not a regular file (a pipe or a device): give a file")
    return p
