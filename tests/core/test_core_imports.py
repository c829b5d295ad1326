"""The core (everything outside copdesk.gui) must import and run without Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import copdesk


def core_modules() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.walk_packages(copdesk.__path__, "copdesk.")
        if not m.name.startswith("copdesk.gui") and m.name != "copdesk.__main__"
    )


def test_core_loads_no_qt() -> None:
    modules = core_modules()
    assert "copdesk.workspace" in modules and "copdesk.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'PyQt')))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"core imported Qt: {out.stdout}"


def test_cli_list_does_not_load_search_or_rendering(tmp_path) -> None:
    """`copdesk list` stays fast: no Qt, no Markdown renderer loaded."""
    ws = tmp_path / "ws"
    init = (
        f"from copdesk.cli import main; main(['--workspace', {str(ws)!r}, 'init', '--site', 'X'])"
    )
    subprocess.run([sys.executable, "-c", init], capture_output=True, check=True)
    code = (
        "import sys\n"
        "from copdesk.cli import main\n"
        f"main(['--workspace', {str(ws)!r}, 'list', 'rex'])\n"
        "heavy = ('PySide6', 'markdown', 'nh3', 'whoosh', 'cryptography')\n"
        "bad = [m for m in heavy if m in sys.modules]\n"
        "print('LOADED', bad)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "LOADED []" in out.stdout
