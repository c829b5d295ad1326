"""Who is writing, proven: the PIN a privileged write needs, asked, proven, retried.

The core refuses a privileged action of a person who set a PIN and has not proven it
(:class:`~copdesk.errors.PinRequired`) before writing anything. The worker hands such
a refusal here (:attr:`WorkspaceRunner.ask_pin`): the PIN is asked in a dialog, proven
on the worker (``ws.permissions.prove``, remembered for the minutes set in Site
settings), and the same write runs again. A wrong PIN, or the wait after three, is
said in the dialog, in the core's words; Cancel ends the write with a plain sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QWidget

from copdesk.errors import Cancelled, PinRequired
from copdesk.gui import read_jobs, write_jobs
from copdesk.gui.dialogs.pin import PinDialog
from copdesk.gui.worker import Failed, WorkspaceRunner

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


class PinGuard(QObject):
    """Installed on the runner: every write that needs a PIN comes through here.

    Writes waiting for the same person's PIN wait for one dialog, and all run again
    once it is proven. ``dialog`` is the one open (tests type into it)."""

    def __init__(self, runner: WorkspaceRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self.runner = runner
        self._parent = parent
        self._waiting: dict[str, list[tuple[Callable[[], None], Failed]]] = {}
        self.dialog: PinDialog | None = None
        runner.ask_pin = self.ask

    def ask(self, exc: PinRequired, retry: Callable[[], None], give_up: Failed) -> None:
        person = exc.person
        first = person not in self._waiting
        self._waiting.setdefault(person, []).append((retry, give_up))
        if first:
            self.runner.submit(
                read_jobs.person_pin(person),
                lambda who: self._open(person, who["name"]),
                lambda error: self._give_up(person, error),
            )

    def _open(self, person: str, name: str) -> None:
        dialog = PinDialog(name, self._parent)
        self.dialog = dialog
        dialog.given.connect(lambda pin: self._prove(person, pin, dialog))
        dialog.rejected.connect(lambda: self._cancelled(person, name))
        dialog.open()

    def _prove(self, person: str, pin: str, dialog: PinDialog) -> None:
        def refused(exc: BaseException) -> None:
            dialog.refused(str(exc))

        self.runner.perform(write_jobs.prove(person, pin), lambda _: self._proven(person), refused)

    def _proven(self, person: str) -> None:
        waiting = self._waiting.pop(person, [])
        if self.dialog is not None:
            self.dialog.proven()
            self.dialog = None
        for retry, _ in waiting:
            retry()

    def _cancelled(self, person: str, name: str) -> None:
        self.dialog = None
        text = translate("Tasks", "Nothing was done: the PIN of %1 was not given.")
        self._give_up(person, Cancelled(text.replace("%1", name)))

    def _give_up(self, person: str, exc: BaseException) -> None:
        for _, give_up in self._waiting.pop(person, []):
            give_up(exc)

    def lock(self, said: Callable[[Any], None]) -> int:
        """Forget every PIN given: the next privileged action asks again."""
        return self.runner.perform(write_jobs.forget_proofs(), said)
