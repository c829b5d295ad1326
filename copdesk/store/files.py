"""Files named by users: refused in one line unless they are regular files.

Opening a FIFO (or a device) blocks until someone writes to it, and a folder cannot be
read as a file; checking what the name is *before* opening it means a wrong argument
never hangs a command or the window.
"""

from __future__ import annotations

import os
import re
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


_UNSAFE = re.compile("[\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
MAX_NAME = 200  # characters of a stored file name


def stored_name(name: str) -> str:
    """The name a file is stored and shown under: its last path part only (``../``,
    folders and drive letters dropped), control and bidirectional characters replaced,
    so no stored name can point outside a folder or disguise its extension."""
    base = str(name).replace("\\", "/").rsplit("/", 1)[-1]
    base = " ".join(_UNSAFE.sub("_", base).split())
    if len(base) > MAX_NAME:
        stem, dot, ext = base.rpartition(".")
        base = (
            (stem[: MAX_NAME - len(ext) - 1] + dot + ext)
            if dot and len(ext) < 10
            else base[:MAX_NAME]
        )
    if base in ("", ".", ".."):
        raise BadInput(f"{name!r} is not a usable file name")
    return base
