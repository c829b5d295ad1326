"""The Debian package, made from the frozen folder with dpkg-deb (no source package).

    python packaging/deb.py FROZEN_DIR ICONS_DIR OUT_DIR   # → OUT_DIR/copdesk_VERSION_ARCH.deb

Layout: the frozen application in /usr/lib/copdesk, /usr/bin/copdesk a link to it, the
desktop entry, AppStream metainfo, the shared-mime-info type of bundle files
(``*.copdesk``: opening one starts copdesk on it), the icon at the hicolor sizes, a man
page, the copyright and changelog. Name, id, icon and version come from
:mod:`copdesk.appinfo`, like the Windows installer's.

Libraries: PyInstaller copies the system libraries the build machine had (X11, xcb,
fontconfig, D-Bus, CUPS…); a Debian package uses the system's instead. Each bundled
library that a Debian package of the build machine provides is left out and that
package becomes a dependency; so does every library a bundled binary needs and nothing
bundles (the xcb helpers, EGL, OpenGL). Qt, PySide6, ICU and Python stay bundled: Debian
12's are older than the ones copdesk runs with.
"""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a script from the source tree

from copdesk import appinfo  # noqa: E402

LINUX = Path(__file__).resolve().parent / "linux"
PREFIX = "usr/lib/copdesk"
KEEP_BUNDLED = re.compile(r"^lib(Qt6|pyside6|shiboken6|python3|icu)")
# The window's display needs these even though no bundled binary names all of them
# (Qt loads some with dlopen): X11 through xcb, Wayland, EGL and fonts.
ALWAYS = (
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0",
    "libxcb-render-util0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon-x11-0",
    "libegl1", "libgl1", "libfontconfig1", "libfreetype6", "libdbus-1-3",
    "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
)  # fmt: skip
LIBC = "libc6 (>= 2.34)"  # PySide6 and cryptography wheels are manylinux_2_34


def is_elf(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(4) == b"\x7fELF"


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


VENDORED = re.compile(r"-[0-9a-f]{8}\.so")


@cache
def owner(soname: str) -> str | None:
    """The Debian package of this machine that provides ``soname``, if any."""
    done = subprocess.run(["dpkg-query", "-S", f"*/{soname}"], capture_output=True, text=True)
    for line in done.stdout.splitlines():
        package, _, path = line.partition(": ")
        if re.search(r"/lib/([\w-]+/)?" + re.escape(soname) + "$", path):
            return package.split(":")[0]
    return None


def copy_app(frozen: Path, dest: Path) -> set[str]:
    """Copy the frozen folder, leaving out the system libraries; the packages the
    binaries kept need directly (as dpkg-shlibdeps would list them)."""
    packages: set[str] = set()
    dropped: set[str] = set()
    for lib in sorted((frozen / "_internal").glob("lib*.so*")):
        if lib.is_symlink() or KEEP_BUNDLED.match(lib.name):
            continue
        if owner(lib.name):  # the system's copy, through the packages below
            dropped.add(lib.name)
    shutil.copytree(frozen, dest, symlinks=True,
                    ignore=lambda d, names: [n for n in names if n in dropped])  # fmt: skip
    have = {p.name for p in dest.rglob("*")}
    for path in dest.rglob("*"):
        if path.is_file() and not path.is_symlink() and is_elf(path):
            private_runpath(path)
            for soname in needed(path):
                if soname not in have and not soname.startswith(("libc.so", "ld-linux")):
                    if not owner(soname) and VENDORED.search(soname):
                        # a wheel's private copy (auditwheel names it lib-HASH.so) that the
                        # spec left out: no Debian package will ever provide it
                        where = path.relative_to(dest)
                        raise SystemExit(f"deb: {where} needs {soname}, a wheel's private "
                                         "library the frozen folder lacks")  # fmt: skip
                    packages.add(owner(soname) or appinfo.debian_package(soname))
    return packages - {"libc6"}


def private_runpath(path: Path) -> None:
    """Drop library search paths of the build machine (a Python built in /root/.pyenv
    names its own lib folder): only $ORIGIN-relative ones belong in the package."""
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    found = re.search(r"\((?:RUNPATH|RPATH)\)\s+Library (?:runpath|rpath): \[([^\]]*)\]", out)
    if not found:
        return
    entries = found.group(1).split(":")
    kept = [e for e in entries if e.startswith("$ORIGIN")]
    if kept != entries:
        command = ["--set-rpath", ":".join(kept)] if kept else ["--remove-rpath"]
        subprocess.run(["patchelf", *command, str(path)], check=True)


def fill(template: Path, facts: dict[str, str]) -> str:
    text = template.read_text("utf-8")
    for key, value in facts.items():
        text = text.replace(f"@{key}@", value)
    if "@" in re.sub(r"@(?![A-Z_]+@)", "", text):
        raise SystemExit(f"deb.py: {template.name} has a placeholder no fact fills")
    return text


def release_time() -> dt.datetime:
    """SOURCE_DATE_EPOCH, else the last commit's time: the same bytes for the same tree."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        done = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%ct"],
                              capture_output=True, text=True)  # fmt: skip
        epoch = done.stdout.strip() or str(int(dt.datetime.now(dt.UTC).timestamp()))
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC)


def man_page(version: str, when: dt.datetime) -> str:
    """copdesk(1) from the command line's own declarations, so it never goes stale."""
    from copdesk.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    lines = [
        f'.TH COPDESK 1 "{when:%Y-%m-%d}" "copdesk {version}" "User Commands"',
        ".SH NAME",
        r"copdesk \- knowledge base for industrial communities of practice",
        ".SH SYNOPSIS",
        r".B copdesk",
        r"[\fB\-\-workspace\fR \fIDIR\fR] [\fB\-\-as\fR \fIPERSON\fR] [\fICOMMAND\fR ...]",
        ".SH DESCRIPTION",
        "Experience reports, know-how sheets and skills, kept in a local workspace and",
        "exchanged between sites as signed bundle files. Without a command, or with a",
        r"bundle file (\fI*.copdesk\fR), it opens the desktop window.",
        ".SH COMMANDS",
    ]
    for choice in sub._choices_actions:
        lines += [".TP", rf"\fB{choice.dest}\fR", choice.help.replace("-", r"\-")]
    lines += [
        ".SH EXIT STATUS",
        "0 success, 1 the operation failed, 2 bad usage or bad input.",
        "The window cannot open: 1 without a display or when a system library is",
        r"missing, 2 when \fBQT_QPA_PLATFORM\fR names a display plugin copdesk lacks.",
        ".SH FILES",
        r"\fI~/.local/share/copdesk/workspace\fR, the default workspace",
        r"(\fB$COPDESK_WORKSPACE\fR or \fB\-\-workspace\fR choose another).",
        ".SH SEE ALSO",
        r"\fIcopdesk \-\-help\fR, \fIcopdesk COMMAND \-\-help\fR;"
        r" the guides in \fI/usr/share/doc/copdesk\fR.",
    ]
    return "\n".join(lines) + "\n"


def gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(text.encode("utf-8"))


def build(frozen: Path, icons: Path, out: Path) -> Path:
    version = appinfo.debian_version()
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()  # fmt: skip
    when = release_time()
    facts = {
        "APP_ID": appinfo.APP_ID, "VERSION": appinfo.version(), "DATE": f"{when:%Y-%m-%d}",
        "BUNDLE_MIME": appinfo.BUNDLE_MIME, "BUNDLE_SUFFIX": appinfo.BUNDLE_SUFFIX,
        "LICENSE": appinfo.LICENSE, "PUBLISHER": appinfo.PUBLISHER, "YEAR": f"{when:%Y}",
    }  # fmt: skip
    root = out / "deb-root"
    shutil.rmtree(root, ignore_errors=True)
    depends = copy_app(frozen, root / PREFIX)
    (root / "usr/bin").mkdir(parents=True)
    (root / "usr/bin/copdesk").symlink_to("../lib/copdesk/copdesk")
    share = root / "usr/share"
    files = {
        share / "applications" / f"{appinfo.APP_ID}.desktop": fill(LINUX / "desktop.in", facts),
        share / "metainfo" / f"{appinfo.APP_ID}.metainfo.xml": fill(
            LINUX / "metainfo.xml.in", facts
        ),
        share / "mime" / "packages" / f"{appinfo.APP_ID}.xml": fill(LINUX / "mime.xml.in", facts),
        share / "doc" / "copdesk" / "copyright": fill(LINUX / "copyright.in", facts),
        share / "lintian" / "overrides" / "copdesk": fill(LINUX / "lintian-overrides", facts),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    shutil.copytree(icons / "hicolor", share / "icons" / "hicolor")
    stamp = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    gz(share / "doc" / "copdesk" / "changelog.gz",
       f"copdesk ({version}) unstable; urgency=medium\n\n  * copdesk {appinfo.version()}.\n\n"
       f" -- {appinfo.PUBLISHER} <{appinfo.CONTACT}>  {stamp}\n")  # fmt: skip
    gz(share / "man" / "man1" / "copdesk.1.gz", man_page(appinfo.version(), when))
    for guide in sorted((ROOT / "docs").glob("guide-*.md")):
        gz(share / "doc" / "copdesk" / f"{guide.name}.gz", guide.read_text("utf-8"))
    normalise(root)
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: copdesk\nVersion: {version}\nArchitecture: {arch}\n"
        f"Maintainer: {appinfo.PUBLISHER} <{appinfo.CONTACT}>\n"
        f"Installed-Size: {size_kb // 1024}\n"
        f"Depends: {', '.join([LIBC, *sorted(depends | set(ALWAYS))])}\n"
        "Recommends: hicolor-icon-theme\n"
        "Section: misc\nPriority: optional\n"
        f"Description: {appinfo.SUMMARY.lower()}\n"
        " copdesk keeps what industrial communities of practice learn: experience\n"
        " reports, know-how sheets and skill profiles, in a local workspace that works\n"
        " without a network, keeps the history of every change and exchanges knowledge\n"
        " between sites as signed bundle files. French and English.\n",
        "utf-8",
    )
    md5 = [
        f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(root)}"
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink() and "DEBIAN" not in p.parts
    ]
    (root / "DEBIAN" / "md5sums").write_text("\n".join(md5) + "\n", "utf-8")
    normalise(root / "DEBIAN")
    deb = out / f"copdesk_{version}_{arch}.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(deb)],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    return deb


def normalise(root: Path) -> None:
    """Debian's modes: folders and programs 0755, everything else (libraries too) 0644."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            program = path.name == "copdesk" and path.parent.name == "copdesk"
            path.chmod(0o755 if program else 0o644)


if __name__ == "__main__":
    print(build(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
