"""Who copdesk is to the systems that install it: one place for its id, icon and version.

The PyInstaller spec, the Debian package builder and the Inno Setup script generator
(``packaging/``) read this module, the About dialog and ``copdesk --version`` too, so
the Linux and Windows builds can never disagree. The version itself is written once,
in ``pyproject.toml``, and read back from the installed package's metadata (the
frozen app carries a copy of that metadata).
"""

from __future__ import annotations

import re
from functools import cache

NAME = "copdesk"
APP_ID = "org.copdesk.Copdesk"  # reverse-DNS: desktop entry, AppStream, Inno Setup AppId
ICON = "copdesk"  # copdesk/resources/icons/copdesk.svg, the one drawing every size is made from
SUMMARY = "Knowledge base for industrial communities of practice"
SUMMARY_FR = "Capitalisation des connaissances pour communautés de pratique industrielles"
PUBLISHER = "The copdesk developers"
CONTACT = "copdesk@copdesk.org"  # the .deb's Maintainer address
LICENSE = "MIT"
# Bundle files (the exchange between sites): their type for the desktop and the installer.
BUNDLE_MIME = "application/x-copdesk-bundle"
BUNDLE_SUFFIX = ".copdesk"
BUNDLE_PROGID = "copdesk.bundle"  # Windows: the class .copdesk files point to


@cache
def version() -> str:
    """The package version ('0.1.0'), from the installed metadata; '0+unknown' from a
    source tree that was never installed."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("copdesk")
    except PackageNotFoundError:
        return "0+unknown"


def versions() -> dict[str, str | int]:
    """The package version with the formats it writes: what a bug report needs."""
    from copdesk.store.database import SCHEMA_VERSION
    from copdesk.sync.bundle import FORMAT

    return {"version": version(), "schema": SCHEMA_VERSION, "bundle_format": FORMAT}


def version_line() -> str:
    """'copdesk 0.1.0 (database schema 7, bundle format 2)'."""
    v = versions()
    formats = f"database schema {v['schema']}, bundle format {v['bundle_format']}"
    return f"{NAME} {v['version']} ({formats})"


_PEP440 = re.compile(r"^(\d+(?:\.\d+)*)(?:(a|b|rc)(\d+))?(?:\.post(\d+))?(?:\.dev(\d+))?$")


def _parts(text: str) -> re.Match[str]:
    found = _PEP440.match(text)
    if not found:
        raise ValueError(f"version {text!r} is not a plain release (1.2.3, 1.2.3rc1…)")
    return found


def debian_version(text: str | None = None) -> str:
    """The Debian form: 1.2.3rc1 → 1.2.3~rc1 (sorts before 1.2.3), .dev → ~~dev."""
    release, pre, pre_n, post, dev = _parts(text or version()).groups()
    out = release + (f"~{pre}{pre_n}" if pre else "") + (f"+post{post}" if post else "")
    return out + (f"~~dev{dev}" if dev else "")


def windows_version(text: str | None = None) -> str:
    """The four numbers Windows' version resources take: 1.2.3rc1 → 1.2.3.0."""
    numbers = [int(n) for n in _parts(text or version()).group(1).split(".")][:4]
    return ".".join(str(n) for n in [*numbers, 0, 0, 0][:4])


def debian_package(soname: str) -> str:
    """Debian's name for a library's package (libxcb-icccm.so.4 → libxcb-icccm4,
    libxkbcommon-x11.so.0 → libxkbcommon-x11-0): what the window's one-line error tells
    to install, and the .deb's dependency when dpkg does not know the library."""
    stem, _, number = soname.partition(".so.")
    number = number.split(".")[0]
    return f"{stem}{'-' if stem[-1:].isdigit() else ''}{number}"


def self_command() -> list[str]:
    """How this copdesk runs itself as a child process: ``python -m copdesk``, or the
    frozen application's own executable (PyInstaller sets ``sys.frozen``)."""
    import sys
    from pathlib import Path

    if getattr(sys, "frozen", False):
        # on Windows the window runs as copdeskw.exe (no console): its children are
        # the console program beside it, whose output can be read
        program = Path(sys.executable)
        console = program.with_name(NAME + program.suffix)
        return [str(console if console.exists() else program)]
    return [sys.executable, "-m", "copdesk"]
