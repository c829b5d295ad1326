"""Long operations in a child process: ``python -m copdesk … --progress-json … --json``.

Import, export, reindex, demo load and sync-folder are Python from end to end
(Whoosh, SQLite rows, JSON): on the worker thread they would still compete with the
window for the GIL and make it stutter. A :class:`ChildCommand` runs the command
line instead, driven by :class:`~PySide6.QtCore.QProcess` from the GUI thread and
entirely by signals (nothing ever waits): the child's stderr progress lines move
the progress bar, its ``--json`` stdout is the result, and a failure becomes the
same :class:`~copdesk.errors.CopdeskError` the workspace would have raised, with the
command's own one-line message.

Cancel kills the child. That is safe because every such command is all or nothing:
an import commits in one transaction (tests/core/test_sync_crash.py kills it at every
step), an export writes a temporary file then renames it, a reindex builds a new
folder then swaps it in. The window's own open workspace sees the result at once:
SQLite (WAL) reads the committed rows, and the search index notices new commits
or a swapped-in folder (see copdesk.search.index).
"""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

from copdesk import appinfo
from copdesk.errors import BadInput, Cancelled, CopdeskError, UntrustedSite


class ChildCommand(QObject):
    """One ``copdesk`` command in a child process.

    ``progressed(step, done, total)``: a progress event (``total`` -1 when unknown);
    ``finished(result)``: the parsed ``--json`` output, or the exception (a
    :class:`Cancelled` after :meth:`cancel`).
    """

    progressed = Signal(str, int, int)
    finished = Signal(object)

    def __init__(
        self,
        workspace: str | Path,
        args: Sequence[str],
        *,
        actor: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.args = list(args)
        self.steps: list[str] = []  # every step reported so far
        self.pid = 0
        self.cancelled = False
        self._error_line = ""
        self._partial = b""
        self._done = False
        program, *argv = appinfo.self_command()  # python -m copdesk, or the frozen app
        argv += ["--workspace", str(workspace)]
        if actor:
            argv += ["--as", actor]
        self.process = QProcess(self)
        self.process.setProgram(program)
        self.process.setArguments([*argv, "--progress-json", *self.args, "--json"])
        env = QProcessEnvironment.systemEnvironment()
        env.insert("PYTHONIOENCODING", "utf-8")  # --json output is UTF-8 on every platform
        env.remove("COPDESK_DEBUG")  # errors stay one line
        self.process.setProcessEnvironment(env)
        self.process.readyReadStandardError.connect(self._read_stderr)
        self.process.finished.connect(self._finished)
        self.process.errorOccurred.connect(self._failed_to_start)
        self.process.started.connect(self._started)

    def start(self) -> None:
        self.process.start()

    @property
    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def cancel(self) -> None:
        """Kill the child; ``finished`` then delivers :class:`Cancelled`."""
        if self.running:
            self.cancelled = True
            self.process.kill()

    # -- the child's output ------------------------------------------------------------

    def _started(self) -> None:
        self.pid = int(self.process.processId())

    def _read_stderr(self) -> None:
        data = self._partial + bytes(self.process.readAllStandardError().data())
        *lines, self._partial = data.split(b"\n")
        for raw in lines:
            self._line(raw.decode("utf-8", "replace").rstrip("\r"))

    def _line(self, line: str) -> None:
        if line.startswith("{"):
            try:
                event = json.loads(line)
            except ValueError:
                return
            if isinstance(event, dict) and isinstance(event.get("step"), str):
                total = event.get("total")
                self.steps.append(event["step"])
                self.progressed.emit(
                    event["step"],
                    int(event.get("done") or 0),
                    int(total) if isinstance(total, int) else -1,
                )
        elif line.startswith("copdesk: "):
            self._error_line = line[len("copdesk: ") :]

    def _finished(self, code: int, status: QProcess.ExitStatus) -> None:
        self._read_stderr()
        if self._partial:
            self._line(self._partial.decode("utf-8", "replace"))
            self._partial = b""
        out = bytes(self.process.readAllStandardOutput().data())
        self._deliver(self._outcome(code, status, out))

    def _failed_to_start(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._deliver(
                CopdeskError(f"cannot start {sys.executable}: {self.process.errorString()}")
            )

    def _deliver(self, result: Any) -> None:
        if not self._done:
            self._done = True
            self.finished.emit(result)

    def _outcome(self, code: int, status: QProcess.ExitStatus, out: bytes) -> Any:
        if self.cancelled:
            return Cancelled("cancelled: nothing was written")
        if status != QProcess.ExitStatus.NormalExit:
            return CopdeskError(f"`copdesk {self.args[0]}` stopped unexpectedly")
        data: Any = None
        if out.strip():
            try:
                data = json.loads(out.decode("utf-8"))
            except ValueError:
                data = None
        if code == 0:
            if data is None:
                return CopdeskError(f"`copdesk {self.args[0]}` gave no result")
            return data
        if code == 1 and not self._error_line and isinstance(data, dict):
            return data  # a result that says it failed (check finding problems), no error
        message = self._error_line or f"`copdesk {self.args[0]}` failed (exit {code})"
        words: dict[str, Any] = {}
        if isinstance(data, dict) and isinstance(data.get("code"), str):  # for other languages
            facts = data.get("facts")
            words = {"code": data["code"], "facts": facts if isinstance(facts, dict) else {}}
        if isinstance(data, dict) and isinstance(data.get("untrusted"), dict):
            return UntrustedSite(message, data["untrusted"], **words)
        if code == 2:
            return BadInput(message, **words)
        return CopdeskError(message, **words)


def clean_after_export(workspace: Path, target: Path, pid: int) -> None:
    """What a killed ``copdesk export`` leaves: its staging folder and temporary file."""
    if pid > 0:
        shutil.rmtree(workspace / "staging" / f"export-{pid}", ignore_errors=True)
        target.with_name(f".{target.name}.{pid}.part").unlink(missing_ok=True)
