"""`copdesk --version`: the package version with the database schema and the bundle
format, one line, exit 0; the version is written once, in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import copdesk
from copdesk.cli import main
from copdesk.store.database import SCHEMA_VERSION
from copdesk.sync.bundle import FORMAT

ROOT = Path(__file__).parents[2]


def test_the_version_comes_from_pyproject() -> None:
    written = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert copdesk.__version__ == written


def test_version_is_one_line_with_schema_and_bundle_format(capsys) -> None:
    assert main(["--version"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        f"copdesk {copdesk.__version__} (database schema {SCHEMA_VERSION},"
        f" bundle format {FORMAT})\n"
    )
    assert err == ""


def test_version_needs_no_workspace_and_wins_over_a_command(capsys, tmp_path: Path) -> None:
    assert main(["--workspace", str(tmp_path / "none"), "--version", "status"]) == 0
    assert capsys.readouterr().out.startswith("copdesk ")


def test_version_is_not_read_until_asked() -> None:
    """Starting the command line does not pay for importlib.metadata."""
    code = (
        "import sys, copdesk.cli\n"
        "copdesk.cli.build_parser()\n"
        "print('importlib.metadata' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
