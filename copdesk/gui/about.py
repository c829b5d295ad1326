"""Help ▸ About: the version with the database schema and bundle format it writes.

The same facts as ``copdesk --version`` (:mod:`copdesk.appinfo`), plus Qt's and
Python's versions: what a technician reads out when two sites cannot exchange
bundles, or when someone asks which copdesk a plant-floor PC runs. Copy puts them
on the clipboard for a bug report.
"""

from __future__ import annotations

import platform

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from copdesk import appinfo
from copdesk.gui.icons import icon


class AboutDialog(QDialog):
    """copdesk's version, schema and bundle format, and what it runs on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About copdesk"))
        facts = appinfo.versions()
        picture = QLabel(self)
        picture.setPixmap(icon(appinfo.ICON).pixmap(64, 64))
        picture.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = QLabel(f"<h2>{appinfo.NAME} {facts['version']}</h2>", self)
        self.title.setObjectName("aboutVersion")
        blurb = QLabel(
            self.tr(
                "Experience reports, know-how sheets and skills for communities of practice, "
                "shared between sites."
            ),
            self,
        )
        blurb.setWordWrap(True)
        self.formats = QLabel(
            self.tr("Database schema %1 · bundle format %2")
            .replace("%1", str(facts["schema"]))
            .replace("%2", str(facts["bundle_format"])),
            self,
        )
        self.formats.setObjectName("aboutFormats")
        runtime = QLabel(
            self.tr("Qt %1, PySide6 %2, Python %3")
            .replace("%1", qVersion())
            .replace("%2", PySide6.__version__)
            .replace("%3", platform.python_version()),
            self,
        )
        runtime.setObjectName("aboutRuntime")
        for label in (self.title, self.formats, runtime):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = buttons.addButton(
            self.tr("Copy"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.copy_button.setToolTip(self.tr("Copy these versions, for a question or a bug report"))
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        text = QVBoxLayout()
        for widget in (self.title, blurb, self.formats, runtime):
            text.addWidget(widget)
        top = QHBoxLayout()
        top.addWidget(picture)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)
        self.resize(440, 0)

    def summary(self) -> str:
        """One line with everything shown: the command line's version line and the runtime."""
        return (
            f"{appinfo.version_line()}; Qt {qVersion()}, PySide6 {PySide6.__version__}, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}"
        )

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.summary())


def show_about(parent: QWidget) -> AboutDialog:
    """Open the dialog over ``parent`` (window-modal, returns at once)."""
    dialog = AboutDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
