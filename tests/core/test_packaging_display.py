"""The window cannot open: one line and a documented exit code, never Qt's abort.

Run as a user would (`copdesk gui` in a fresh process): with no display, with
QT_QPA_PLATFORM naming a plugin copdesk lacks, with a DISPLAY no X server answers at.
The process must end by itself with 1 or 2 (Qt aborting would be -6, a core dump).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from copdesk import Workspace

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="X11 and Wayland are Linux's")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("display") / "Atelier é"
    Workspace.create(path, site="Lyon").close()
    return path


def gui(workspace: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM", "COPDESK_DEBUG")
    }
    return subprocess.run(
        [sys.executable, "-m", "copdesk", "--workspace", str(workspace), "gui", *args],
        env={**clean, **env}, capture_output=True, text=True, timeout=60,
    )  # fmt: skip


def test_no_display_is_one_line_exit_1(workspace: Path) -> None:
    done = gui(workspace)
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "copdesk: no display to open the window on (try `copdesk gui --screenshot`)\n"
    )


@pytest.mark.parametrize("screenshot", [False, True])
def test_a_missing_platform_plugin_is_one_line_exit_2(
    workspace: Path, tmp_path: Path, screenshot: bool
) -> None:
    args = ["--screenshot", str(tmp_path / "x.png")] if screenshot else []
    done = gui(workspace, *args, QT_QPA_PLATFORM="nosuchplugin")
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert done.stderr.startswith("copdesk: QT_QPA_PLATFORM=nosuchplugin names a display plugin")
    assert "offscreen" in done.stderr and "xcb" in done.stderr  # what it could use instead
    assert not (tmp_path / "x.png").exists()


def test_a_fallback_list_with_one_known_plugin_is_accepted(workspace: Path, tmp_path: Path) -> None:
    shot = tmp_path / "x.png"
    done = gui(workspace, "--screenshot", str(shot), QT_QPA_PLATFORM="nosuchplugin;offscreen")
    assert done.returncode == 0, done.stderr
    assert shot.read_bytes()[:4] == b"\x89PNG"


def test_a_display_nobody_answers_at_is_one_line_exit_1(workspace: Path) -> None:
    done = gui(workspace, DISPLAY=":97")  # no X server there
    assert done.returncode == 1 and done.stderr.count("\n") == 1, done.stderr
    # a stock Debian 12 lacks an xcb library Qt needs; with them, no server answers
    assert "cannot reach the display DISPLAY=:97" in done.stderr or (
        "the window needs the system library" in done.stderr and "apt install" in done.stderr
    )
