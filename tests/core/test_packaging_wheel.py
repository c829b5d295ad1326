"""The wheel is complete: built offline from the source, installed into a fresh venv, the
installed copdesk (not this source tree) creates a workspace, loads the demo, searches it
and draws a window; icons, translations and demo data are inside it.

The fresh venv gets the dependencies of the test venv through a .pth file (no package
index is reached: `make test` runs offline), and the wheel itself with pip --no-deps.
"""

from __future__ import annotations

import email.parser
import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from helpers import read_only_prefix

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
VERSION = PYPROJECT["project"]["version"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the sources (a build writes build/ and *.egg-info
    beside pyproject.toml: never into the working tree)."""
    src = tmp_path_factory.mktemp("src")
    junk = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "copdesk", src / "copdesk", ignore=junk)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, src / name)
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "-w", str(out), str(src)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    (found,) = out.glob("copdesk-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding the wheel; its dependencies are the test venv's."""
    path = tmp_path_factory.mktemp("venv") / "copdesk venv é"  # spaces and accents
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(path)], check=True)
    python = path / "bin" / "python"
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # appended after the venv's own site-packages, so the wheel's copdesk wins over the
    # test venv's editable one (whose .pth hook is not run from a path added this way)
    Path(site, "test-venv-deps.pth").write_text(sysconfig.get_path("purelib") + "\n", "utf-8")
    return path


def run(venv: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "COPDESK_WORKSPACE")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(venv / "bin" / "copdesk"), *args],
        cwd=cwd, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip


def test_the_wheel_holds_icons_translations_demo_and_every_package(wheel: Path) -> None:
    assert wheel.name == f"copdesk-{VERSION}-py3-none-any.whl"
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = zf.read(f"copdesk-{VERSION}.dist-info/METADATA").decode("utf-8")
        entry_points = zf.read(f"copdesk-{VERSION}.dist-info/entry_points.txt").decode()
    icons = {p.name for p in (ROOT / "copdesk" / "resources" / "icons").glob("*.svg")}
    assert {f"copdesk/resources/icons/{name}" for name in icons} <= names
    assert "copdesk/gui/i18n/copdesk_fr.qm" in names
    assert "copdesk/demo/demo_content.json" in names
    packages = {
        "/".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "copdesk").rglob("__init__.py")
    }
    assert {f"{p}/__init__.py" for p in packages} <= names
    modules = {str(p.relative_to(ROOT)) for p in (ROOT / "copdesk").rglob("*.py")}
    assert modules <= names, sorted(modules - names)
    assert not any(n.startswith(("tests/", "packaging/", "docs/")) for n in names)
    fields = email.parser.Parser().parsestr(metadata)
    assert fields["Version"] == VERSION and fields["Requires-Python"] == ">=3.11"
    needs = {re.split(r"[<>=;\s]", r)[0] for r in fields.get_all("Requires-Dist")}
    assert needs >= {"PySide6", "sqlite-utils", "whoosh-reloaded", "cryptography"}
    assert "copdesk = copdesk.cli:main" in entry_points


def test_the_installed_wheel_runs_init_demo_search_and_a_screenshot(
    venv: Path, tmp_path: Path
) -> None:
    where = subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import copdesk; print(copdesk.__file__)"],
        cwd=tmp_path, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert Path(where.strip()).is_relative_to(venv), where  # the wheel's, not the source tree
    version = run(venv, "--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith(f"copdesk {VERSION} (database")
    ws = tmp_path / "Atelier à Lyon"
    assert run(venv, "--workspace", str(ws), "init", "--site", "Lyon", cwd=tmp_path).returncode == 0
    demo = run(venv, "--workspace", str(ws), "demo", cwd=tmp_path)
    assert demo.returncode == 0 and "42 rex" in demo.stdout, demo.stderr
    found = run(venv, "--workspace", str(ws), "search", "flexible hydraulique", cwd=tmp_path)
    assert found.returncode == 0 and "[rex]" in found.stdout, found.stderr
    shot = tmp_path / "rex.png"
    drawn = run(
        venv, "--workspace", str(ws), "gui", "--screenshot", str(shot), "--view", "rex",
        "--size", "1280x800", cwd=tmp_path,
    )  # fmt: skip
    assert drawn.returncode == 0, drawn.stderr
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR"
    assert struct.unpack(">II", png[16:24]) == (1280, 800)
    assert len(png) > 20_000  # a drawn window, not an empty frame


# -- the offline installer of a wheelhouse (packaging/install_offline.py) -----------------

INSTALLER = ROOT / "packaging" / "install_offline.py"


def install(
    wheelhouse: Path, target: Path, prefix: Sequence[str] = ()
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*prefix, sys.executable, str(wheelhouse / "install.py"), str(target)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip


@pytest.fixture
def wheelhouse(wheel: Path, tmp_path: Path) -> Path:
    """A wheelhouse as `make wheelhouse` lays it out, holding only the copdesk wheel."""
    folder = tmp_path / "wheelhouse"
    folder.mkdir()
    shutil.copy2(wheel, folder)
    shutil.copy2(INSTALLER, folder / "install.py")
    return folder


def test_a_wheelhouse_missing_a_dependency_is_said_in_one_line(
    wheelhouse: Path, tmp_path: Path
) -> None:
    target = tmp_path / "app"
    done = install(wheelhouse, target)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert re.match(r"install\.py: the wheelhouse .* lacks [\w-]+, needed by copdesk", done.stderr)
    assert not (target / "bin").exists()  # nothing was installed


def test_a_read_only_target_is_said_in_one_line(wheelhouse: Path, tmp_path: Path) -> None:
    folder = tmp_path / "opt"
    folder.mkdir()
    prefix = read_only_prefix(folder)
    try:
        done = install(wheelhouse, folder / "copdesk", prefix)
    finally:
        folder.chmod(0o755)
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    assert "cannot install into" in done.stderr and "Read-only file system" in done.stderr


def test_without_a_copdesk_wheel_or_with_pip_failing_one_line(tmp_path: Path) -> None:
    shutil.copy2(INSTALLER, tmp_path / "install.py")
    done = install(tmp_path, tmp_path / "app")
    assert done.returncode == 2 and done.stderr == (
        f"install.py: no copdesk wheel in {tmp_path} (make it with `make wheelhouse`)\n"
    )
    spec = importlib.util.spec_from_file_location("install_offline", INSTALLER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pip_said = (
        "Looking in links: /media/usb/wheelhouse\nProcessing ./copdesk-0.1.0-py3-none-any.whl\n"
        "ERROR: Could not find a version that satisfies the requirement nh3 (from copdesk)"
        " (from versions: none)\nERROR: No matching distribution found for nh3\n"
    )
    assert (
        module.pip_failure(pip_said)
        == "the wheelhouse lacks nh3 (or a wheel of it for this system)"
    )
    assert module.pip_failure("ERROR: [Errno 28] No space left on device: '/opt/x'\n") == (
        "No space left on device: /opt/x"
    )
