"""Reading files in a child process, from the parent's side.

One child reads many files one after the other (its start-up costs more than reading
a small file), each within a wall-clock deadline: a file that takes too long, or a
child killed by its own CPU or memory limit, gets a result saying so, and the next file
starts a fresh child. The parent never parses a file itself, so a hostile file can
stop only the child: the command, or the window, carries on.
"""

from __future__ import annotations

import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, Any

from copdesk import appinfo
from copdesk.documents.extract import nothing

TIMEOUT = 60.0  # seconds of wall clock for one file
CPU = 45  # seconds of CPU for one file (the child's RLIMIT_CPU)
MEMORY_MB = 1024  # the child's address space
PACKAGE = Path(__file__).resolve().parent.parent  # the copdesk package folder

# The child loads only copdesk.documents: a stand-in for the copdesk package keeps
# its __init__ (the whole Workspace) from being imported.
_BOOT = (
    "import sys, types\n"
    "pkg = types.ModuleType('copdesk'); pkg.__path__ = [sys.argv[1]]\n"
    "sys.modules['copdesk'] = pkg\n"
    "from copdesk.documents.child import main\n"
    "main(sys.argv[2:])\n"
)


# The frozen application has no Python to give ``-c``: the child is the frozen program
# itself, whose entry point (packaging/copdesk_main.py) sees this first argument and
# boots the reader the same way, without the copdesk package's __init__.
READER = "--document-reader"


def command(memory: int, cpu: int) -> list[str]:
    if getattr(sys, "frozen", False):
        return [*appinfo.self_command(), READER, str(memory), str(cpu)]
    return [sys.executable, "-I", "-c", _BOOT, str(PACKAGE), str(memory), str(cpu)]


class Extractor:
    """Reads files through a child process; use as a context manager, or close()."""

    def __init__(
        self, timeout: float | None = None, memory: int | None = None, cpu: int | None = None
    ) -> None:
        self.timeout = TIMEOUT if timeout is None else timeout
        self.memory = MEMORY_MB if memory is None else memory
        self.cpu = CPU if cpu is None else cpu
        self._proc: subprocess.Popen | None = None
        self._errors: IO[bytes] | None = None

    def __enter__(self) -> Extractor:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> subprocess.Popen:
        if self._proc is None or self._proc.poll() is not None:
            self._errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close())
            self._proc = subprocess.Popen(
                command(self.memory, self.cpu),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=self._errors,
                close_fds=True,
            )
        return self._proc

    def close(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            try:
                if proc.stdin:
                    proc.stdin.close()
                proc.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                proc.kill()
                proc.wait()
            finally:
                if proc.stdout:
                    proc.stdout.close()
        if self._errors is not None:
            self._errors.close()
            self._errors = None

    def _kill(self) -> int:
        proc, self._proc = self._proc, None
        assert proc is not None
        if proc.poll() is None:
            proc.kill()
        code = proc.wait()
        for stream in (proc.stdin, proc.stdout):
            try:
                if stream:
                    stream.close()
            except OSError:
                pass
        return code

    def read(self, path: Path, name: str) -> dict[str, Any]:
        """What the child read of one file (never raises for the file's sake)."""
        proc = self._start()
        assert proc.stdin is not None and proc.stdout is not None
        started = time.monotonic()
        try:
            proc.stdin.write((json.dumps({"path": str(path), "name": name}) + "\n").encode())
            proc.stdin.flush()
        except OSError:
            return self._died(self._kill())
        line = _read_line(proc.stdout, started + self.timeout)
        if line is None:  # the deadline passed
            self._kill()
            return {
                **nothing("other", "extract.timeout", seconds=round(self.timeout)),
                "status": "failed",
            }
        if not line:
            return self._died(self._kill())
        try:
            result = json.loads(line)
        except ValueError:
            return self._died(self._kill())
        return result

    def _died(self, code: int) -> dict[str, Any]:
        if code == -getattr(signal, "SIGXCPU", 24):
            return {**nothing("other", "extract.timeout", seconds=self.cpu), "status": "failed"}
        tail = b""
        if self._errors is not None:
            self._errors.seek(0, os.SEEK_END)
            self._errors.seek(max(0, self._errors.tell() - 4096))
            tail = self._errors.read()
            self._errors.close()
            self._errors = None
        if b"MemoryError" in tail:
            return {**nothing("other", "extract.memory", mb=self.memory), "status": "failed"}
        return {**nothing("other", "extract.crashed"), "status": "failed"}


def _read_line(stream: IO[bytes], deadline: float) -> bytes | None:
    """One line from the child ("" if it closed, None at the deadline)."""
    fd = stream.fileno()
    chunks: list[bytes] = []
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(timeout=left):
                return None
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                return b""
            chunks.append(chunk)
            if chunk.endswith(b"\n"):
                return b"".join(chunks)
