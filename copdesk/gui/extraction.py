"""Reading new files in the window: ``copdesk extract`` in a child process after a write
that added files, so the worker never waits for a reader (a 500-page PDF, or a hostile
file held until its deadline) and the window never blocks.

Once the child is done, the documents and the search (whose index the child caught up)
are announced as changed, so the views showing them reload like after any write.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from copdesk.gui.change import Change, Flag
from copdesk.gui.worker import WorkspaceRunner

READ = Change.of(["document"], flags=[Flag.INDEX])  # what reading files changes


class FileReader(QObject):
    """Runs ``copdesk extract`` after every Change that touched attachments (one child at
    a time; a Change while it runs starts another once it ends). ``finished(result)``:
    what the child read, or the error."""

    finished = Signal(object)

    def __init__(self, runner: WorkspaceRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.child: Any = None
        self.again = False
        self.stopped = False
        runner.changed.connect(self._changed)

    @property
    def running(self) -> bool:
        return self.child is not None

    def _changed(self, change: Change) -> None:
        if "attachment" in change.kinds:
            self.start()

    def start(self) -> None:
        """Read the files not read yet (now, or once the running child ends)."""
        if self.child is not None:
            self.again = True
            return
        if self.runner.path is None or self.stopped:
            return
        self.again = False
        self.child = self.runner.command(["extract"], self)
        self.child.finished.connect(self._done)
        self.child.start()

    def _done(self, result: object) -> None:
        child, self.child = self.child, None
        if child is not None:
            child.deleteLater()
        if not isinstance(result, BaseException):
            self.runner.announce(READ)
        self.finished.emit(result)
        if self.again:
            self.start()

    def stop(self) -> None:
        """Kill a running child (closing the window): what it read so far is kept. Waits
        for it to end, so no process outlives the window that started it."""
        self.stopped, self.again = True, False  # and none starts after
        if self.child is not None:
            self.child.cancel()
            self.child.process.waitForFinished(3000)
