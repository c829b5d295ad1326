"""Before Qt opens a window: why it cannot, in one line, instead of Qt's abort.

Without a display, with ``QT_QPA_PLATFORM`` naming a plugin this copdesk lacks, or on
a Linux desktop missing one of the X11 libraries Qt's xcb plugin loads (stock Debian 12
lacks ``libxcb-cursor0``), Qt prints a paragraph and aborts the process (a core dump, no
exit code worth documenting). These checks run before the QApplication is made:

- no display on Linux (no ``DISPLAY``, ``WAYLAND_DISPLAY`` or ``QT_QPA_PLATFORM``):
  exit 1, "no display to open the window on…";
- ``QT_QPA_PLATFORM`` naming no plugin copdesk has: exit 2 (bad input), with the ones
  it has;
- the xcb plugin unable to load a system library: exit 1, with the Debian package to
  install; no X server answering at ``DISPLAY``: exit 1.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo

from copdesk.appinfo import debian_package
from copdesk.errors import BadInput, CopdeskError

_PLUGIN = re.compile(r"^(?:lib)?q(\w+)\.(?:so|dll|dylib)$")


def platform_plugins() -> set[str]:
    """The display plugins Qt can load here (offscreen, xcb, wayland, windows…)."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"]
    extra = os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH")
    if extra:
        folders.append(Path(extra))
    for entry in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep):
        if entry:
            folders.append(Path(entry) / "platforms")
    names = set()
    for folder in folders:
        if folder.is_dir():
            names |= {m.group(1) for p in folder.iterdir() if (m := _PLUGIN.match(p.name))}
    return names


def _requested() -> list[str]:
    """The plugins QT_QPA_PLATFORM asks for, in order ('wayland;xcb', 'vnc:size=800x600')."""
    value = os.environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":")[0].strip() for part in value.split(";") if part.strip()]


def _xcb_missing() -> str | None:
    """The system library the xcb plugin cannot load, or None when it loads."""
    plugin = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath)) / "platforms"
    candidates = sorted(plugin.glob("libqxcb*.so"))
    if not candidates:
        return None
    try:
        ctypes.CDLL(str(candidates[0]))
    except OSError as exc:
        found = re.search(r"([\w.+-]+\.so[.\d]*): cannot open shared object", str(exc))
        return found.group(1) if found else str(exc)
    return None


def check(*, headless: bool = False) -> None:
    """Raise the one-line error Qt would have aborted with; return when a window can open.

    ``headless``: a screenshot, which defaults to the offscreen plugin (no display needed).
    """
    requested = _requested()
    if requested:
        have = platform_plugins()
        if have and not any(name in have for name in requested):
            raise BadInput(
                f"QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']} names a display plugin this"
                f" copdesk does not have (it has: {', '.join(sorted(have))}): unset it or"
                " choose one of these"
            )
    if not sys.platform.startswith("linux") or headless:
        return
    if not requested and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        raise CopdeskError("no display to open the window on (try `copdesk gui --screenshot`)")
    wants_xcb = requested[:1] == ["xcb"] or (
        not requested and not os.environ.get("WAYLAND_DISPLAY") and os.environ.get("DISPLAY")
    )
    if wants_xcb:
        missing = _xcb_missing()
        if missing:
            raise CopdeskError(
                f"the window needs the system library {missing}, missing on this computer"
                f" (Debian or Ubuntu: sudo apt install {debian_package(missing)})"
            )
        if not _x_server_answers():
            raise CopdeskError(
                f"cannot reach the display DISPLAY={os.environ.get('DISPLAY', '')}: is the X"
                " server running, and may this user open windows on it?"
            )


def _x_server_answers() -> bool:
    """True when an X server accepts a connection at $DISPLAY (what Qt would abort on)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # Qt will say what is missing; nothing better to say here
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(None, None)
    try:
        return xcb.xcb_connection_has_error(connection) == 0
    finally:
        xcb.xcb_disconnect(connection)
