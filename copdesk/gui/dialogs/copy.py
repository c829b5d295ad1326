"""A workspace that is a copy of a site (``ws.sites.state()["state"] == "copy"``): it
can be read, but writes nothing until someone decides what it is. The choices are the
command line's ``copdesk site split | read-only | moved | replace-lost-key``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import error_label


def why_copy(message: str) -> str:
    """The core's sentence without its advice to the command line (the choices below
    are that advice): "this workspace is a copy of site 'X' (made on another computer)"."""
    advice = message.find("`copdesk")
    head = message[:advice] if advice > 0 else message
    end = head.rfind("): ")
    head = head[: end + 1] if end > 0 and advice > 0 else head
    return head[:1].upper() + head[1:] + ("." if advice > 0 else "")


class CopyDialog(QDialog):
    """``decided(action, name)``: ``split`` (with the new site's name), ``read-only``,
    ``moved`` or ``replace-lost-key``; :meth:`refused` keeps it open with the reason."""

    decided = Signal(str, str)

    def __init__(self, state: Mapping[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copyDialog")
        self.setWindowTitle(self.tr("This workspace is a copy"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        intro = QLabel(
            self.tr(
                "This workspace is a copy of the site %1: it can be read, but nothing is "
                "written or exported until you decide what it is."
            ).replace("%1", str(state.get("name") or "")),
            self,
        )
        intro.setWordWrap(True)
        why = QLabel(why_copy(str(state.get("message") or "")), self)
        why.setObjectName("copyMessage")
        why.setWordWrap(True)
        why.setStyleSheet("color: #6b7280;")
        self.choices = QButtonGroup(self)
        self.split = self._choice("split", self.tr("A new site of its own (a new name and key)"))
        self.name = QLineEdit(self)
        self.name.setObjectName("newSiteName")
        self.name.setPlaceholderText(self.tr("Name of the new site, e.g. Usine de Lyon (2)"))
        self.read_only = self._choice("read-only", self.tr("Keep it read-only (for reading)"))
        self.moved = self._choice(
            "moved", self.tr("This is the site, moved here (the original is never used again)")
        )
        self.lost_key = self._choice(
            "replace-lost-key",
            self.tr("This is the site, whose key was lost: make a new key (peers trust it again)"),
        )
        no_key = state.get("reason") == "no-key"
        self.lost_key.setVisible(no_key)
        self.moved.setVisible(not no_key)
        self.split.setChecked(True)
        self.message = error_label(self, "copyRefused")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Decide"))
        later = buttons.addButton(self.tr("Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setObjectName("decideLater")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(why)
        layout.addWidget(self.split)
        layout.addWidget(self.name)
        for button in (self.read_only, self.moved, self.lost_key):
            layout.addWidget(button)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.name.textEdited.connect(lambda _: self.split.setChecked(True))
        self.resize(560, self.sizeHint().height())

    def _choice(self, action: str, text: str) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setObjectName(f"copy-{action}")
        button.setProperty("action", action)
        self.choices.addButton(button)
        return button

    def chosen(self) -> str:
        button = self.choices.checkedButton()
        return str(button.property("action")) if button else ""

    def accept(self) -> None:
        action = self.chosen()
        if action == "split" and not self.name.text().strip():
            self.refused(self.tr("Give the new site a name."))
            self.name.setFocus()
            return
        self.buttons.setEnabled(False)
        self.decided.emit(action, self.name.text().strip())

    def refused(self, why: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(why)
        self.message.show()

    def done_ok(self) -> None:
        super().accept()
