"""Fixtures of the window tests: QSettings in a temporary folder, the worker thread."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> None:
    """QSettings (window state, language) write to a temporary folder, never to $HOME."""
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qs"))


@pytest.fixture
def runner():
    """The window's worker thread, stopped after the test."""
    from copdesk.gui.worker import WorkspaceRunner

    r = WorkspaceRunner()
    yield r
    r.stop()
