"""PINs: the one a privileged action asks for, and setting, changing or removing one.

On a shared plant-floor PC a PIN proves who is writing. When a write needs one
(:class:`~copdesk.errors.PinRequired`), :class:`PinDialog` asks it; the caller proves
it on the worker and retries the write, or says why not (a wrong PIN, the delay
after three wrong ones) in the dialog, which stays open for another try.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from copdesk.gui.dialogs.common import error_label, ok_cancel


def _secret(parent: QWidget, name: str) -> QLineEdit:
    field = QLineEdit(parent)
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class PinDialog(QDialog):
    """Type the PIN of ``name``. ``given(pin)`` on OK; :meth:`refused` says why it did
    not prove and keeps the dialog open; :meth:`proven` closes it."""

    given = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowTitle(self.tr("PIN"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        text = self.tr("This needs the PIN of %1 (who is writing on this computer).")
        self.label = QLabel(text.replace("%1", name), self)
        self.label.setWordWrap(True)
        self.pin = _secret(self, "pinField")
        self.message = error_label(self, "pinMessage")
        self.buttons = ok_cancel(self)
        form = QFormLayout()
        form.addRow(self.tr("PIN:"), self.pin)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)  # the wrapped sentence above keeps its lines
        self.checking = False
        self.pin.setFocus()

    def accept(self) -> None:
        """Hand the PIN to the caller (nothing is closed until it is proven)."""
        if self.checking:
            return
        if not self.pin.text():
            self.refused(self.tr("Type the PIN first."))
            return
        self.checking = True
        self.buttons.setEnabled(False)
        self.given.emit(self.pin.text())

    def refused(self, why: str) -> None:
        """A wrong PIN, or the wait after three: said here, for another try."""
        self.checking = False
        self.buttons.setEnabled(True)
        self.message.setText(why)
        self.message.show()
        self.adjustSize()  # room for the reason, the sentence above unclipped
        self.pin.clear()
        self.pin.setFocus()

    def proven(self) -> None:
        self.checking = False
        super().accept()


class SetPinDialog(QDialog):
    """Set a new PIN (typed twice), or remove the PIN. ``chosen(pin)``, ``""`` to remove;
    :meth:`refused` shows the core's reason and keeps the dialog open."""

    chosen = Signal(str)

    def __init__(self, name: str, has_pin: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("setPinDialog")
        self.setWindowTitle(self.tr("PIN of %1").replace("%1", name))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if has_pin:
            what = self.tr("%1 has a PIN. Type a new one twice to change it, or remove it.")
        else:
            what = self.tr(
                "%1 has no PIN yet. With one, actions %1 may take by role ask for it on this "
                "computer (at least 4 characters: digits or a passphrase)."
            )
        label = QLabel(what.replace("%1", name), self)
        label.setWordWrap(True)
        self.pin = _secret(self, "newPin")
        self.again = _secret(self, "newPinAgain")
        self.message = error_label(self, "setPinMessage")
        self.buttons = ok_cancel(self, self.tr("Set the PIN"))
        self.remove_button = QPushButton(self.tr("Remove the PIN"), self)
        self.remove_button.setObjectName("removePin")
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.remove_button.setVisible(has_pin)  # after: adding it to the box shows it
        self.remove_button.clicked.connect(lambda: self._choose(""))
        form = QFormLayout()
        form.addRow(self.tr("New PIN:"), self.pin)
        form.addRow(self.tr("Again:"), self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        if self.pin.text() != self.again.text():
            self.refused(self.tr("The two PINs differ: type the same PIN twice."))
            return
        if not self.pin.text():
            self.refused(self.tr("Type the new PIN twice."))
            return
        self._choose(self.pin.text())

    def _choose(self, pin: str) -> None:
        self.buttons.setEnabled(False)
        self.chosen.emit(pin)

    def refused(self, why: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(why)
        self.message.show()
        self.adjustSize()

    def done_ok(self) -> None:
        super().accept()
