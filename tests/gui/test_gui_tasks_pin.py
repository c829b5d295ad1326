"""Who may do what, proven in the window: a PIN set from the window, asked when a write
needs it, proven on the worker and the write retried; a wrong PIN said, three wrong
ones the delay; remembered until Lock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import modal, on_worker, open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from copdesk import Workspace
from copdesk.gui.actions import Act
from copdesk.gui.dialogs.pin import PinDialog, SetPinDialog
from copdesk.gui.mainwindow import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
WAIT = 10_000


@pytest.fixture
def site(tmp_path: Path) -> dict[str, Any]:
    """Ana administers the site and animates Presses; Bob wrote three reports there."""
    path = tmp_path / "ws"
    with Workspace.create(path, site="Usine de Lyon", language="fr") as ws:
        ana = ws.items.add("person", {"name": "Ana Lopez"})["id"]  # the first: admin
        ws.use(ana)
        bob = ws.items.add("person", {"name": "Bob Martin"})["id"]
        presses = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]
        ws.people.member(presses, bob, "contributor")
        with ws.acting_as(bob):
            reports = [
                ws.items.add("rex", {"title": t, "community": presses, "status": "proposed"})["id"]
                for t in ("Fuite P12", "Capteur P3", "Vérin P7")
            ]
    return {"path": path, "ana": ana, "bob": bob, "reports": reports}


@pytest.fixture
def window(qtbot, runner, site: dict[str, Any]) -> Iterator[MainWindow]:
    w = open_window(qtbot, runner, site["path"], "rex", remember=False)
    yield w
    w.close()


def status(qtbot, runner, item_id: str) -> str:
    return on_worker(qtbot, runner, lambda ws: ws.items.get(item_id)["status"])


def set_my_pin(qtbot, window: MainWindow, pin: str) -> None:
    window.registry[Act.MY_PIN].trigger()  # File ▸ My PIN…
    dialog = modal(qtbot, SetPinDialog)
    assert dialog.windowTitle() == "PIN of Ana Lopez"
    assert dialog.remove_button.isHidden()  # no PIN yet: nothing to remove
    dialog.pin.setText(pin)
    dialog.again.setText(pin + "9")
    dialog.accept()
    assert dialog.isVisible() and "differ" in dialog.message.text()  # typed twice, not alike
    dialog.again.setText(pin)
    with qtbot.waitSignal(dialog.finished, timeout=WAIT):
        dialog.accept()
    assert "PIN set for Ana Lopez" in window.statusBar().currentMessage()


def validate(window: MainWindow, item_id: str) -> None:
    from copdesk.gui import write_jobs

    window.loads.perform(write_jobs.set_status(item_id, "validated"))


def test_a_pin_is_asked_proven_and_the_write_retried_then_remembered_until_lock(
    qtbot, window: MainWindow, runner, site: dict[str, Any]
) -> None:
    first, second, third = site["reports"]
    set_my_pin(qtbot, window, "4321")

    validate(window, first)  # Ana validates by her role: her PIN is asked
    dialog = modal(qtbot, PinDialog)
    assert "PIN of Ana Lopez" in dialog.label.text()
    qtbot.keyClicks(dialog.pin, "0000")
    qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
    assert dialog.message.text() == "wrong PIN for Ana Lopez"
    assert dialog.isVisible() and dialog.pin.text() == ""
    assert status(qtbot, runner, first) == "proposed"  # nothing written meanwhile
    qtbot.keyClicks(dialog.pin, "4321")
    with qtbot.waitSignal(window.hub.flushed, timeout=WAIT):  # proven, then the write again
        qtbot.keyClick(dialog.pin, Qt.Key.Key_Return)
    assert status(qtbot, runner, first) == "validated"
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)  # closed once proven

    with qtbot.waitSignal(window.hub.flushed, timeout=WAIT):  # remembered: not asked again
        validate(window, second)
    assert QApplication.activeModalWidget() is None
    assert status(qtbot, runner, second) == "validated"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_L, ctrl_shift)  # Lock
    qtbot.waitUntil(lambda: "Locked" in window.statusBar().currentMessage(), timeout=WAIT)
    validate(window, third)
    dialog = modal(qtbot, PinDialog)  # asked again
    with qtbot.waitSignal(window.loads.failed, timeout=WAIT) as given_up:
        dialog.reject()  # Cancel: the write is not made, and the banner says why
    assert type(given_up.args[0]).__name__ == "Cancelled"
    assert window.banner.text == "Nothing was done: the PIN of Ana Lopez was not given."
    assert status(qtbot, runner, third) == "proposed"


def test_three_wrong_pins_impose_the_delay_the_core_says(
    qtbot, window: MainWindow, runner, site: dict[str, Any]
) -> None:
    set_my_pin(qtbot, window, "4321")
    validate(window, site["reports"][0])
    dialog = modal(qtbot, PinDialog)
    for _ in range(3):
        dialog.message.hide()
        dialog.pin.setText("9999")
        dialog.accept()
        qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
        assert dialog.message.text() == "wrong PIN for Ana Lopez"
    dialog.message.hide()
    dialog.pin.setText("4321")  # even the right one waits now
    dialog.accept()
    qtbot.waitUntil(dialog.message.isVisible, timeout=WAIT)
    assert dialog.message.text().startswith("3 wrong PINs in a row: try again in ")
    assert status(qtbot, runner, site["reports"][0]) == "proposed"
    dialog.reject()
