"""The one background thread that owns the workspace.

SQLite connections and the Whoosh writer belong to the thread that opened them,
and a slow query must never freeze the window, so every workspace call runs
here: the GUI thread submits jobs (callables taking the :class:`Workspace`) and
gets results back through queued signals. A job may carry a ``key``: only the
latest job of a key delivers, so an old search cannot overwrite a newer one.

Reads are submitted (:meth:`WorkspaceRunner.submit`); writes are performed
(:meth:`WorkspaceRunner.perform`): a write job returns an
:class:`~copdesk.gui.change.Outcome`, and the :class:`~copdesk.gui.change.Change` it
carries (with the workspace's change marker once written) is announced by one
signal, ``changed``, which the views listen to (:mod:`copdesk.gui.notify`).

Long operations (import, export, reindex, demo, sync-folder) do not run here but in
a child process (:meth:`WorkspaceRunner.command`): Python on this thread would
still take the GIL from the window for tens of milliseconds at a time.
"""

from __future__ import annotations

import itertools
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from copdesk.errors import PinRequired, WorkspaceError
from copdesk.gui.change import Change, Outcome
from copdesk.gui.process import ChildCommand
from copdesk.workspace import Workspace

Job = Callable[[Workspace], Any]
WriteJob = Callable[[Workspace], Outcome]
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
# Asked when a write needs a PIN: (the error, retry the write, give up with this error)
AskPin = Callable[[PinRequired, Callable[[], None], Failed], None]


@dataclass
class _Task:
    id: int
    fn: Callable[[Workspace | None], Any]
    key: str | None = None
    opens: bool = False  # the result is a Workspace (None: closed) that replaces the current one


@dataclass
class _Pending:
    on_done: Done | None
    on_error: Failed | None
    key: str | None = field(default=None)


class _Thread(QThread):
    """Runs tasks one after another; the workspace lives only on this thread."""

    delivered = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self, latest: dict[str, int], lock: threading.Lock) -> None:
        super().__init__()
        self.setObjectName("copdesk-worker")
        self.tasks: queue.SimpleQueue[_Task | None] = queue.SimpleQueue()
        self._latest = latest
        self._lock = lock
        self.ident: int | None = None

    def _stale(self, task: _Task) -> bool:
        if task.key is None:
            return False
        with self._lock:
            return self._latest.get(task.key) != task.id

    def run(self) -> None:
        self.ident = threading.get_ident()
        ws: Workspace | None = None
        try:
            while (task := self.tasks.get()) is not None:
                if self._stale(task):
                    continue  # superseded before it started: do not even run it
                try:
                    result = task.fn(ws)
                    if task.opens:
                        if ws is not None:
                            ws.close()
                        ws, result = result, (result.summary() if result is not None else None)
                except BaseException as exc:  # delivered to the GUI, which shows it
                    self.failed.emit(task.id, exc)
                else:
                    self.delivered.emit(task.id, result)
        finally:
            if ws is not None:
                ws.close()


class WorkspaceRunner(QObject):
    """GUI-side handle of the worker thread: submit jobs, get callbacks on the GUI thread.

    ``busyChanged`` tells the window to show a busy indicator; ``error`` carries every
    failure whose job gave no ``on_error``, so errors are shown in one place;
    ``changed`` carries the :class:`Change` of every write, before its ``on_done``;
    ``notice`` what the workspace says meanwhile (waiting for another process's write).
    """

    busyChanged = Signal(bool)
    error = Signal(object)
    changed = Signal(object)
    notice = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._latest: dict[str, int] = {}
        self._lock = threading.Lock()
        self._pending: dict[int, _Pending] = {}
        self._thread = _Thread(self._latest, self._lock)
        self._thread.delivered.connect(self._on_delivered)
        self._thread.failed.connect(self._on_failed)
        self._thread.start()
        self.path: Path | None = None  # the workspace opened last (for child processes)
        self.actor: str | None = None
        # a write refused for want of a PIN: asked, proven, retried (the window sets it)
        self.ask_pin: AskPin | None = None

    @property
    def thread_ident(self) -> int | None:
        """The worker's thread id (tests check that SQL only runs there)."""
        return self._thread.ident

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def submit(
        self,
        fn: Job,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        *,
        key: str | None = None,
    ) -> int:
        """Run ``fn(workspace)`` on the worker; returns the job id."""

        def guarded(ws: Workspace | None) -> Any:
            if ws is None:
                raise WorkspaceError("no workspace is open")
            return fn(ws)

        return self._queue(guarded, on_done, on_error, key=key)

    def perform(
        self,
        fn: WriteJob,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """Run the write ``fn(workspace)`` on the worker; announce its Change, then
        give ``on_done`` its result. Writes carry no key: none is ever dropped."""

        def write(ws: Workspace) -> Outcome:
            out = fn(ws)
            return Outcome(out.result, out.change.at(ws.items.change_marker()))

        def done(out: Outcome) -> None:
            self.announce(out.change)
            if on_done is not None:
                on_done(out.result)

        def failed(exc: BaseException) -> None:
            if isinstance(exc, PinRequired) and self.ask_pin is not None:
                # nothing was written: prove who is writing, then the same write again
                self.ask_pin(exc, lambda: self.perform(fn, on_done, on_error), report)
            else:
                report(exc)

        def report(exc: BaseException) -> None:
            if on_error is not None:
                on_error(exc)
            else:
                self.error.emit(exc)

        return self.submit(write, done, failed)

    def announce(self, change: Change) -> None:
        """Tell the views what changed (writes done here or in a child process)."""
        if change:
            self.changed.emit(change)

    def open(
        self,
        path: str | Path,
        *,
        actor: str | None = None,
        create: dict[str, str] | None = None,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> int:
        """Open (or, with ``create={'site':…, 'language':…}``, create) the workspace.

        ``on_done`` receives the workspace summary.
        """

        self.path, self.actor = Path(path).absolute(), actor

        def opener(_: Workspace | None) -> Workspace:
            if create is not None:
                Workspace.create(path, **create).close()
            ws = Workspace.open(path, actor=actor)
            ws.documents.auto = False  # files are read by a child (copdesk.gui.extraction)
            ws.core.db.notice = self.notice.emit  # to the status bar, not to stderr
            return ws

        return self._queue(opener, on_done, on_error, opens=True)

    def close(self, on_done: Done | None = None, on_error: Failed | None = None) -> int:
        """Close the workspace on its thread (a restore or a repair replaces its files);
        ``open`` it again after. Jobs until then fail with "no workspace is open"."""
        return self._queue(lambda _: None, on_done, on_error, opens=True)

    def command(self, args: list[str], parent: QObject | None = None) -> ChildCommand:
        """``copdesk ARGS --json`` on the open workspace, in a child process (not started)."""
        if self.path is None:
            raise WorkspaceError("no workspace is open")
        return ChildCommand(self.path, args, actor=self.actor, parent=parent)

    def cancel(self, key: str) -> None:
        """Drop the result of the job of ``key`` in flight (it may still run)."""
        with self._lock:
            stale = self._latest.get(key)
            self._latest[key] = next(self._ids)
        dropped = stale is not None and self._pending.pop(stale, None) is not None
        if dropped and not self._pending:
            self.busyChanged.emit(False)

    def is_current(self, job_id: int, key: str) -> bool:
        with self._lock:
            return self._latest.get(key) == job_id

    def _queue(
        self,
        fn: Callable[[Workspace | None], Any],
        on_done: Done | None,
        on_error: Failed | None,
        *,
        key: str | None = None,
        opens: bool = False,
    ) -> int:
        job_id = next(self._ids)
        if key is not None:
            with self._lock:
                stale = self._latest.get(key)
                self._latest[key] = job_id
            if stale is not None:
                self._pending.pop(stale, None)
        was_busy = self.busy
        self._pending[job_id] = _Pending(on_done, on_error, key)
        if not was_busy:
            self.busyChanged.emit(True)
        self._thread.tasks.put(_Task(job_id, fn, key, opens))
        return job_id

    def _finish(self, job_id: int) -> _Pending | None:
        pending = self._pending.pop(job_id, None)
        if not self._pending and pending is not None:
            self.busyChanged.emit(False)
        return pending

    def _on_delivered(self, job_id: int, result: object) -> None:
        pending = self._finish(job_id)
        if pending is None:
            return  # stale: a newer job of the same key replaced it
        if pending.on_done is not None:
            pending.on_done(result)

    def _on_failed(self, job_id: int, exc: object) -> None:
        pending = self._finish(job_id)
        if pending is None:
            return
        assert isinstance(exc, BaseException)
        if pending.on_error is not None:
            pending.on_error(exc)
        else:
            self.error.emit(exc)

    def stop(self) -> None:
        """Finish the queued jobs, close the workspace on its thread, end the thread."""
        if self._thread.isRunning():
            self._thread.tasks.put(None)
            self._thread.wait()
        self._pending.clear()
