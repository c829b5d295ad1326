"""The child process that reads files: its limits first, then one JSON line per file.

The parent (:mod:`copdesk.documents.runner`) writes one request per line on stdin,
``{"path": ..., "name": ...}``, and waits for the answer line within a wall-clock
deadline. Here the address space is capped (``RLIMIT_AS``: a parser that balloons gets
a MemoryError, said as such) and each file gets its own CPU allowance (the soft
``RLIMIT_CPU`` moved forward before each file: a parser that spins is killed by
SIGXCPU). Warnings and library logging are silenced: only the answer is printed.
"""

from __future__ import annotations

import json
import logging
import sys
import warnings
from pathlib import Path

try:
    import resource
except ImportError:  # Windows: the parent's wall-clock deadline is the only limit
    resource = None  # type: ignore[assignment]


def _limit_memory(megabytes: int) -> None:
    if resource is None or megabytes <= 0:
        return
    cap = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _allow_cpu(seconds: int) -> None:
    """From now on, this file may use ``seconds`` more of CPU."""
    if resource is None or seconds <= 0:
        return
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(used.ru_utime + used.ru_stime) + 1
    hard = resource.getrlimit(resource.RLIMIT_CPU)[1]
    soft = spent + seconds
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def answer(request: dict) -> dict:
    from copdesk.documents import extract

    try:
        return extract.read(Path(request["path"]), request.get("name") or "")
    except MemoryError:
        return {**extract.nothing("other", "extract.memory"), "status": "failed"}
    except RecursionError:
        return {**extract.nothing("other", "extract.damaged", format="?"), "status": "failed"}


def main(argv: list[str]) -> None:
    memory, cpu = int(argv[0]), int(argv[1])
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)
    sys.setrecursionlimit(5000)
    _limit_memory(memory)
    out = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        _allow_cpu(cpu)
        result = answer(json.loads(line))
        try:
            text = json.dumps(result, ensure_ascii=False)
        except MemoryError:
            text = json.dumps({"status": "failed", "format": "other", "note": "extract.memory"})
        out.write(text + "\n")
        out.flush()
