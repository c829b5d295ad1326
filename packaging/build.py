"""`make package`: the frozen application, its smoke test, the installer, and the figures.

1. icons at every size and a .ico, from copdesk/resources/icons/copdesk.svg (packaging/icons.py);
2. PyInstaller, one folder (packaging/copdesk.spec) → build/package/dist/copdesk;
3. the smoke test of that folder, offscreen (packaging/smoke.py);
4. Linux: the .deb (packaging/deb.py), its desktop entry, AppStream metainfo and MIME
   type validated (desktop-file-validate, appstreamcli, update-mime-database), lintian,
   then the package unpacked with ``dpkg -x`` into a folder with spaces and accents and
   the installed program smoke-tested; Windows: the Inno Setup installer (iscc);
5. the figures, measured in this run: sizes of the frozen folder, the package and the
   wheel; start time of the frozen program next to the source install's (its ``copdesk``
   script and ``python -m copdesk``); the time of the whole build.

Debian's tools it needs (lintian, desktop-file-utils, appstream, shared-mime-info,
patchelf, binutils) are installed with apt-get when missing and running as root; else
it says which to install, in one line. Exit 0 when everything passed, 1 at the first
failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = ROOT / "build" / "package"
DIST = OUT / "dist"
LINUX = sys.platform.startswith("linux")
WINDOWS = sys.platform == "win32"
TOOLS = {  # command: Debian package
    "dpkg-deb": "dpkg", "readelf": "binutils", "strip": "binutils", "patchelf": "patchelf",
    "lintian": "lintian", "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream", "update-mime-database": "shared-mime-info",
}  # fmt: skip

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "windows"))


def step(text: str) -> None:
    print(f"\n== {text}", flush=True)


def fail(text: str) -> None:
    raise SystemExit(f"make package: {text}")


def run(*args: str | Path, **kw) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in args], capture_output=True, text=True, **kw)
    if done.returncode != 0:
        fail(f"{Path(str(args[0])).name} failed ({done.returncode}): "
             f"{(done.stderr or done.stdout).strip()[-2000:]}")  # fmt: skip
    return done


def debian_tools() -> None:
    missing = sorted({pkg for cmd, pkg in TOOLS.items() if not shutil.which(cmd)})
    if not missing:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        fail(f"install Debian's {' '.join(missing)} (sudo apt-get install {' '.join(missing)})")
    print(f"installing {' '.join(missing)} from Debian")
    run("apt-get", "install", "-y", "--no-install-recommends", *missing)


def du(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def validate_linux_files(root: Path) -> None:
    """The desktop entry, metainfo and MIME type as installed in the package tree."""
    from copdesk import appinfo

    share = root / "usr" / "share"
    run("desktop-file-validate", share / "applications" / f"{appinfo.APP_ID}.desktop")
    print("ok  desktop-file-validate")
    run("appstreamcli", "validate", "--no-net", "--pedantic",
        share / "metainfo" / f"{appinfo.APP_ID}.metainfo.xml")  # fmt: skip
    print("ok  appstreamcli validate --pedantic")
    with tempfile.TemporaryDirectory() as tmp:
        packages = Path(tmp, "mime", "packages")
        packages.mkdir(parents=True)
        shutil.copy2(share / "mime" / "packages" / f"{appinfo.APP_ID}.xml", packages)
        done = run("update-mime-database", "-V", Path(tmp, "mime"))
        if "error" in done.stderr.lower() or "warning" in done.stderr.lower():
            fail(f"update-mime-database: {done.stderr.strip()}")
        kind = appinfo.BUNDLE_MIME.split("/")
        if not Path(tmp, "mime", *kind).with_suffix(".xml").is_file():
            fail(f"update-mime-database did not register {appinfo.BUNDLE_MIME}")
        globs = Path(tmp, "mime", "globs2").read_text("utf-8")
        if f"{appinfo.BUNDLE_MIME}:*{appinfo.BUNDLE_SUFFIX}" not in globs:
            fail("the MIME type lacks its *.copdesk pattern")
    print("ok  update-mime-database (type, pattern and magic)")


def start_times(programs: dict[str, list[str]], workspace: Path, runs: int = 9) -> dict[str, float]:
    """Median wall time of a fresh process, the programs taking turns (so the machine's
    load falls on each alike)."""
    from smoke import cold_start

    figures = {}
    for label, args in (("--version", ["--version"]),
                        ("list rex", ["--workspace", str(workspace), "list", "rex"])):  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(runs):
            for name, command in programs.items():
                times[name].append(cold_start(command, args, 1))
        for name, measured in times.items():
            figures[f"{name} {label}"] = sorted(measured)[runs // 2]
    return figures


def wheel() -> Path:
    """The wheel ``python -m build`` would give (built offline, as the wheel test does)."""
    where = OUT / "wheel"
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
        "--wheel-dir", where, ROOT)  # fmt: skip
    [built] = where.glob("copdesk-*.whl")
    return built


def main() -> int:
    started = time.perf_counter()
    from smoke import smoke

    from copdesk import appinfo

    if LINUX:
        debian_tools()
    shutil.rmtree(OUT, ignore_errors=True)
    OUT.mkdir(parents=True)
    step("icons from copdesk/resources/icons/copdesk.svg")
    run(sys.executable, HERE / "icons.py", OUT / "icons")
    if WINDOWS:
        from iscc import version_info

        (OUT / "version_info.txt").write_text(version_info(), "utf-8")
    step("PyInstaller (packaging/copdesk.spec)")
    t = time.perf_counter()
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", OUT / "work", HERE / "copdesk.spec")  # fmt: skip
    freeze_s = time.perf_counter() - t
    frozen = DIST / appinfo.NAME
    program = frozen / (f"{appinfo.NAME}.exe" if WINDOWS else appinfo.NAME)
    step(f"smoke test of {program.relative_to(ROOT)}")
    smoke(program, appinfo.version())
    figures: dict[str, str] = {"frozen folder": f"{du(frozen) / 2**20:.0f} MiB"}
    if LINUX:
        import deb

        step("Debian package")
        t = time.perf_counter()
        package = deb.build(frozen, OUT / "icons", OUT)
        deb_s = time.perf_counter() - t
        figures[package.name] = f"{du(package) / 2**20:.1f} MiB (dpkg-deb, xz: {deb_s:.0f} s)"
        validate_linux_files(OUT / "deb-root")
        run("lintian", "--fail-on", "error,warning", "--tag-display-limit", "0", package)
        print("ok  lintian (no error, no warning)")
        step("the package unpacked with dpkg -x, its program smoke-tested")
        where = Path(tempfile.mkdtemp(prefix="copdesk deb ")) / "Logiciels installés"
        run("dpkg", "-x", package, where)
        smoke(where / "usr" / "bin" / "copdesk", appinfo.version())
        shutil.rmtree(where.parent, ignore_errors=True)
        if shutil.which("apt-get"):
            run("apt-get", "install", "--simulate", "--no-install-recommends", package.resolve())
            print("ok  apt-get install --simulate: every dependency exists in this Debian")
    if WINDOWS:
        from iscc import build as installer

        step("Inno Setup installer")
        setup = installer(frozen, OUT / "icons" / "copdesk.ico", OUT)
        figures[setup.name] = f"{du(setup) / 2**20:.1f} MiB"
    step("the wheel")
    built = wheel()
    figures[built.name] = f"{du(built) / 2**20:.1f} MiB"
    step("start time, frozen against the source install (same run, medians of 9)")
    script = Path(sys.executable).with_name("copdesk.exe" if WINDOWS else "copdesk")
    programs = {
        "frozen": [str(program)],
        "source": [str(script)],
        "python -m copdesk": [sys.executable, "-m", "copdesk"],
    }
    workspace = Path(tempfile.mkdtemp(prefix="copdesk-bench-")) / "ws"
    run(program, "--workspace", workspace, "init", "--site", "Lyon")
    run(program, "--workspace", workspace, "demo")
    for label, seconds in start_times(programs, workspace).items():
        figures[f"start, {label}"] = f"{seconds * 1000:.0f} ms"
    shutil.rmtree(workspace.parent, ignore_errors=True)
    figures["PyInstaller"] = f"{freeze_s:.0f} s"
    figures["make package (all of it)"] = f"{time.perf_counter() - started:.0f} s"
    step("figures")
    width = max(len(k) for k in figures)
    report = "\n".join(f"{k:<{width}}  {v}" for k, v in figures.items())
    (OUT / "figures.txt").write_text(report + "\n", "utf-8")
    print(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
