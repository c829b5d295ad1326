"""Help ▸ About shows the version with the schema and bundle format, as --version does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import open_window
from PySide6.QtGui import QGuiApplication

from copdesk import appinfo
from copdesk.gui.about import AboutDialog
from copdesk.gui.actions import Act
from copdesk.gui.mainwindow import MainWindow
from copdesk.gui.worker import WorkspaceRunner
from copdesk.store.database import SCHEMA_VERSION
from copdesk.sync.bundle import FORMAT

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, runner: WorkspaceRunner, demo_path: Path) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, demo_path, "home")
    yield w
    w.close()


def test_help_about_shows_version_schema_and_bundle_format(qtbot, window: MainWindow) -> None:
    window.registry[Act.ABOUT].trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    assert appinfo.version() in dialog.title.text()
    assert appinfo.version() != "0+unknown"  # the installed metadata was found
    assert f"schema {SCHEMA_VERSION}" in dialog.formats.text()
    assert f"bundle format {FORMAT}" in dialog.formats.text()
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith(appinfo.version_line() + ";") and "Qt 6." in copied
    dialog.reject()


def test_about_in_french(qtbot, qapp) -> None:
    from copdesk.gui import language

    language.install(qapp, "fr")
    try:
        dialog = AboutDialog()
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "À propos de copdesk"
        assert f"Schéma de base de données {SCHEMA_VERSION}" in dialog.formats.text()
    finally:
        language.install(qapp, "en")
