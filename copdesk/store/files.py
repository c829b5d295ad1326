"""Files named by users: refused in one line unless they are regular files, and never
written inside the workspace.

Opening a FIFO (or a device) blocks until someone writes to it, and a folder cannot be
read as a file; checking what the name is *before* opening it means a wrong argument
never hangs a command or the window. A file a command writes (a bundle, a backup)
is refused inside the workspace: ``export --to W/copdesk.db`` would replace the
database with a zip.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from pathlib import Path

from copdesk.errors import BadInput


def named(path: str | os.PathLike[str], what: str = "file") -> Path:
    """``path``, unless it is empty or blank: ``Path("")`` is the current folder, where
    nobody meant to read or write."""
    if not str(path).strip():
        raise BadInput(f"no {what} given (an empty name)")
    return Path(path)


def regular_file(path: str | os.PathLike[str], what: str = "") -> Path:
    """``path`` if it names a regular file, else one clear ``BadInput``."""
    p = named(path)
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


def _needed(workspace: Path) -> list[Path]:
    """Where the workspace's own files really are: its folder, and each of its entries
    (and its keys) resolved, since any of them may be a link to another disk."""
    here = workspace.resolve()
    found = [here]
    for folder in (here, here / "keys"):
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            with contextlib.suppress(OSError, RuntimeError):
                found.append(entry.resolve())
    return found


def outside_workspace(
    target: str | os.PathLike[str], workspace: Path, what: str = "this file"
) -> Path:
    """``target`` (a file or folder about to be written) if nothing of the workspace is
    there: never inside its folder nor over a file it needs (its database, its private
    key, its attachments, wherever a link puts them); else one clear ``BadInput``."""
    p = named(target, what.removeprefix("the ")).expanduser().absolute()
    with contextlib.suppress(OSError, RuntimeError):
        p = p.parent.resolve() / p.name  # the entry a rename would replace
    places = {p}
    with contextlib.suppress(OSError, RuntimeError):
        places.add(p.resolve())  # a link leading into the workspace
    for needed in _needed(workspace):
        for place in places:
            if place == needed or needed in place.parents:
                raise BadInput(
                    f"{target} is inside the workspace ({workspace}) or one of its files:"
                    f" write {what} elsewhere (nothing was written)"
                )
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
