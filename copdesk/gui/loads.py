"""What the views wait for: their reads, their writes, and the reloads a Change causes.

The window never waits on the worker: a view asks (:meth:`Loads.load`, the latest
job of a key wins; :meth:`Loads.perform` for a write) and is called back. ``idle``
fires when the last thing asked for is back, which the window turns into its
``viewLoaded`` signal, so screenshots, tests and benchmarks wait on that instead
of sleeping.
"""

from __future__ import annotations

import itertools
from typing import Any

from PySide6.QtCore import QObject, Signal

from copdesk.gui.worker import Done, Failed, Job, WorkspaceRunner, WriteJob


class Loads(QObject):
    """Jobs asked for by the views, by key. ``failed``: a failure nobody handled."""

    idle = Signal()
    failed = Signal(object)

    def __init__(self, runner: WorkspaceRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self._pending: dict[str, int] = {}
        self._writes = itertools.count(1)

    @property
    def busy(self) -> bool:
        """True while something a view asked for has not come back."""
        return bool(self._pending)

    def track(self, key: str, job_id: int = 0) -> None:
        self._pending[key] = job_id

    def done(self, key: str) -> None:
        self._pending.pop(key, None)
        if not self._pending:
            self.idle.emit()

    def cancel(self, key: str) -> None:
        """Forget the job of ``key``: its result will not come (no ``idle`` for it)."""
        self.runner.cancel(key)
        self._pending.pop(key, None)

    def load(self, key: str, fn: Job, on_done: Done, on_error: Failed | None = None) -> int:
        """Read for a view on the worker; a newer job of ``key`` drops this one's result."""
        done, failed = self._wrap(key, on_done, on_error)
        job_id = self.runner.submit(fn, done, failed, key=key)
        self.track(key, job_id)
        return job_id

    def perform(
        self, fn: WriteJob, on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Write on the worker (never dropped); its Change is announced before ``on_done``."""
        key = f"write-{next(self._writes)}"
        done, failed = self._wrap(key, on_done, on_error)
        job_id = self.runner.perform(fn, done, failed)
        self.track(key, job_id)
        return job_id

    def _wrap(self, key: str, on_done: Done | None, on_error: Failed | None) -> tuple[Done, Failed]:
        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
            finally:  # a bug in on_done must not leave the view "loading" forever
                self.done(key)

        def failed(exc: BaseException) -> None:
            try:
                if on_error is not None:
                    on_error(exc)
                else:
                    self.failed.emit(exc)
            finally:
                self.done(key)

        return done, failed
