"""Small dialogs every task uses: a text to write (a comment, a reason) and a
confirmation before something destructive."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
ERROR_STYLE = "color: #9b1c1c;"


def error_label(parent: QWidget, name: str) -> QLabel:
    """A label for what is wrong with the input, hidden until there is something to say."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class TextPrompt(QDialog):
    """Write a text before acting: a comment, why an item is sent back.

    ``submitted(text)`` once accepted with a text. When ``required``, OK with nothing
    written is refused with ``missing`` said in the dialog, which stays open: the
    reason is never dropped silently.
    """

    submitted = Signal(str)

    def __init__(
        self,
        title: str,
        prompt: str,
        parent: QWidget | None = None,
        *,
        required: bool = True,
        missing: str = "",
        ok_text: str | None = None,
        text: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("textPrompt")
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.required = required
        self.missing = missing or translate("Tasks", "Please write something first.")
        label = QLabel(prompt, self)
        label.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("promptText")
        self.text.setPlainText(text)
        self.message = error_label(self, "promptMessage")
        self.buttons = ok_cancel(self, ok_text)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(480, 260)
        self.text.setFocus()

    @property
    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def accept(self) -> None:
        text = self.text.toPlainText().strip()
        if self.required and not text:
            self.message.setText(self.missing)
            self.message.show()
            self.text.setFocus()
            return
        self.submitted.emit(text)
        super().accept()


def confirm(
    parent: QWidget,
    title: str,
    text: str,
    action: str,
    then: Callable[[], Any],
    *,
    details: str = "",
) -> QMessageBox:
    """Ask before something that cannot simply be taken back; ``then()`` only if the
    ``action`` button is pressed (Cancel is the default and Escape's)."""
    box = QMessageBox(parent)
    box.setObjectName("confirmDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    if details:
        box.setInformativeText(details)
    yes = box.addButton(action, QMessageBox.ButtonRole.DestructiveRole)
    yes.setObjectName("confirmButton")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)

    def finished(_: int) -> None:
        if box.clickedButton() is yes:
            then()

    box.finished.connect(finished)
    box.open()
    return box


def inform(parent: QWidget, title: str, text: str) -> QMessageBox:
    """A message to read once (not blocking: the window goes on meanwhile)."""
    box = QMessageBox(parent)
    box.setObjectName("informDialog")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.open()
    return box
