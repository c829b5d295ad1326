"""The status bar: the site, who is writing, the long operation under way, busy.

It stays on screen (the window fits the screen it opens on): a technician sees whose
name new reports will carry and switches in two clicks, and the progress and Cancel
of an import are never below the screen's edge.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

from copdesk.gui.commands import OperationBar
from copdesk.gui.whoami import PersonSwitch

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class WindowStatus:
    """The widgets of ``window``'s status bar (the window keeps them as attributes)."""

    def __init__(self, window: QMainWindow) -> None:
        self.site_label = QLabel(window)
        self.site_label.setObjectName("siteLabel")
        self.busy = QProgressBar(window)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setMaximumHeight(14)
        self.busy.setTextVisible(False)
        self.busy.setAccessibleName(translate("MainWindow", "Working"))
        self.busy.hide()
        self.operation_bar = OperationBar(window)  # the long operation in a child process
        self.person_switch = PersonSwitch(window)
        self.person_switch.setAccessibleName(translate("MainWindow", "Writing as"))
        self.person_switch.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Tab reaches it
        bar = window.statusBar()
        bar.addWidget(self.site_label)
        bar.addWidget(self.person_switch)
        bar.addPermanentWidget(self.operation_bar)
        bar.addPermanentWidget(self.busy)

    def show_site(self, name: str) -> None:
        self.site_label.setText(translate("MainWindow", "Site: %1").replace("%1", name))
