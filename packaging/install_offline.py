"""Install copdesk from a wheelhouse folder, with no network: ``python3 install.py [DIR]``.

`make wheelhouse` copies this script as ``install.py`` beside the copdesk wheel and the
wheels of everything it needs; on a PC with Python 3.11+ and no network, running it makes
a virtual environment in DIR (default: the user's data folder, ``…/copdesk/app``) and
installs copdesk there with ``pip --no-index``. It checks first what pip would find out
late and say in many lines: a Python too old, a folder it cannot write, a wheel missing
from the wheelhouse.

Exit codes: 0 installed; 1 the installation failed (a read-only or full folder, a Python
without venv, pip's own failure); 2 bad input (Python older than 3.11, a wheelhouse
without the copdesk wheel or lacking a package it needs). Errors are one line.
Standard library only: it runs before anything is installed.
"""

from __future__ import annotations

import argparse
import email.parser
import os
import re
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


class Failed(Exception):
    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def default_target() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
    else:
        base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / "copdesk" / "app"


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _metadata(wheel: Path) -> email.message.Message:
    with zipfile.ZipFile(wheel) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(zf.read(name).decode("utf-8"))


def _needed(requirement: str) -> str | None:
    """The distribution a Requires-Dist line needs here, or None (an extra, another OS)."""
    try:
        from pip._vendor.packaging.requirements import Requirement  # the one pip uses
    except ImportError:  # no pip in this Python: only unconditional requirements count
        return None if ";" in requirement else normalize(re.split(r"[\s\[<>=!~(;]", requirement)[0])
    req = Requirement(requirement)
    if req.marker is not None and not req.marker.evaluate({"extra": ""}):
        return None
    return normalize(req.name)


def check_wheelhouse(folder: Path) -> Path:
    """The copdesk wheel, once every package it needs (and they need) has a wheel here."""
    wheels: dict[str, list[Path]] = {}
    for wheel in sorted(folder.glob("*.whl")):
        wheels.setdefault(normalize(wheel.name.split("-")[0]), []).append(wheel)
    if "copdesk" not in wheels:
        raise Failed(f"no copdesk wheel in {folder} (make it with `make wheelhouse`)", 2)
    todo, seen = [("copdesk", "")], set()
    while todo:
        name, by = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        if name not in wheels:
            raise Failed(
                f"the wheelhouse {folder} lacks {name}, needed by {by}: add its wheel there"
                f" (`pip download {name} -d WHEELHOUSE` on a connected machine like this one)",
                2,
            )
        for wheel in wheels[name]:
            for line in _metadata(wheel).get_all("Requires-Dist") or []:
                dep = _needed(line)
                if dep:
                    todo.append((dep, name))
    return wheels["copdesk"][-1]


def check_writable(target: Path) -> None:
    try:
        target.mkdir(parents=True, exist_ok=True)
        probe = target / ".copdesk-install-probe"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise Failed(f"cannot install into {target}: {exc.strerror or exc}") from None


def pip_failure(output: str) -> str:
    """pip's many lines, said in one."""
    missing = re.search(r"No matching distribution found for (\S+)", output)
    if missing:
        return f"the wheelhouse lacks {missing.group(1)} (or a wheel of it for this system)"
    for pattern in (r"\[Errno \d+\] ([^:\n]+): '([^']+)'", r"(No space left on device)()"):
        found = re.search(pattern, output)
        if found:
            return f"{found.group(1)}{': ' + found.group(2) if found.group(2) else ''}"
    lines = [x.strip() for x in output.splitlines() if x.strip().startswith("ERROR:")]
    return lines[-1].removeprefix("ERROR:").strip() if lines else "pip failed"


def install(target: Path, wheelhouse: Path) -> str:
    if sys.version_info < (3, 11):  # noqa: UP036 (run by any python3 on the PC)
        raise Failed(f"copdesk needs Python 3.11 or newer, this is {sys.version.split()[0]}", 2)
    check_writable(target)
    wheel = check_wheelhouse(wheelhouse)
    try:
        venv.EnvBuilder(with_pip=True, clear=False).create(target)
    except subprocess.CalledProcessError:
        raise Failed(
            "this Python cannot make a virtual environment with pip"
            " (on Debian or Ubuntu: apt install python3-venv)"
        ) from None
    except OSError as exc:
        raise Failed(f"cannot install into {target}: {exc.strerror or exc}") from None
    bin_dir = target / ("Scripts" if sys.platform == "win32" else "bin")
    python = bin_dir / ("python.exe" if sys.platform == "win32" else "python")
    done = subprocess.run(
        [str(python), "-m", "pip", "install", "--no-index", "--find-links", str(wheelhouse),
         "--disable-pip-version-check", "--quiet", str(wheel)],
        capture_output=True, text=True,
    )  # fmt: skip
    if done.returncode != 0:
        raise Failed(pip_failure(done.stdout + done.stderr))
    return str(bin_dir / ("copdesk.exe" if sys.platform == "win32" else "copdesk"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="install.py",
        description="Install copdesk offline from this wheelhouse folder.",
        epilog="Exit codes: 0 installed, 1 installation failed, 2 bad input.",
    )
    parser.add_argument("target", nargs="?", type=Path, help="where (default: %(default)s)",
                        default=default_target())  # fmt: skip
    parser.add_argument("--wheelhouse", type=Path, default=HERE, help="default: this folder")
    a = parser.parse_args(argv)
    try:
        program = install(a.target.expanduser().absolute(), a.wheelhouse)
    except Failed as exc:
        print(f"install.py: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("install.py: interrupted", file=sys.stderr)
        return 130
    print(f"copdesk installed: {program}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
