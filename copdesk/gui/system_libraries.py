"""The system libraries Qt needs on Linux, checked before Qt is loaded.

PySide6 brings Qt itself, not the X11, EGL or font libraries of the system. When one
is missing, importing QtGui fails with a loader error, or the xcb platform plugin
aborts the process with a long message naming one library at a time ("xcb-cursor0 …
is needed", then again for the next one). So the window first asks the dynamic
loader for each library (``dlopen``, no subprocess) and names every missing one, with
the Debian/Ubuntu package that brings it, in one line (exit 1). No Qt import here.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from copdesk.errors import CopdeskError

# What PySide6's QtGui needs from the system (every platform plugin, offscreen too).
BASE: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
}
# What the X11 (xcb) platform plugin needs besides (readelf -d libqxcb.so, Qt 6.11).
XCB: dict[str, str] = {
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def platform(environ: Mapping[str, str] = os.environ) -> str:
    """The Qt platform the window will use: QT_QPA_PLATFORM, else wayland on a Wayland
    session, else xcb (X11)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").split(":", 1)[0].split(";", 1)[0].strip()
    if chosen:
        return chosen
    return "wayland" if environ.get("WAYLAND_DISPLAY") else "xcb"


def missing(
    platform_name: str, loads: Callable[[str], bool] | None = None
) -> list[tuple[str, str]]:
    """(library, package) for every library of that platform the loader cannot find."""
    loads = loads or _loads  # looked up when called, so a test can stand in for dlopen
    needed = {**BASE, **(XCB if platform_name == "xcb" else {})}
    return [(lib, package) for lib, package in needed.items() if not loads(lib)]


def check(
    environ: Mapping[str, str] = os.environ, loads: Callable[[str], bool] | None = None
) -> None:
    """Refuse in one line, naming the packages to install, if Qt could not start."""
    if not sys.platform.startswith("linux"):
        return
    absent = missing(platform(environ), loads)
    if absent:
        libraries = ", ".join(lib for lib, _ in absent)
        packages = " ".join(dict.fromkeys(package for _, package in absent))
        raise CopdeskError(
            f"the window needs system libraries that are missing ({libraries}): "
            f"on Debian or Ubuntu, run: sudo apt install {packages}"
        )
