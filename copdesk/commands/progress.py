"""Progress of long commands (import, export, reindex, demo, sync-folder), on stderr:
one JSON line per event with ``--progress-json`` (for the window, which runs them as
child processes), else a bar or the current step when stderr is a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from copdesk.textout.terminal import progress_bar, steps

IMPORT_STEPS = ("copying", "checking", "backing up", "applying", "indexing")


def emitter(a: argparse.Namespace) -> Callable[..., None] | None:
    """With ``--progress-json``: a function writing one progress event per call to stderr,
    ``{"step": STEP, "done": N, "total": M}`` (``total`` is null when unknown)."""
    if not getattr(a, "progress_json", False):
        return None

    def emit(step: str, done: int = 0, total: int | None = None) -> None:
        sys.stderr.write(json.dumps({"step": step, "done": done, "total": total}) + "\n")
        sys.stderr.flush()

    return emit


def counting(a: argparse.Namespace, step: str) -> Callable[[int, int], None] | None:
    """Progress of a job that counts (reindexing): ``(done, total)`` calls."""
    emit = emitter(a)
    if emit:
        return lambda done, total: emit(step, done, total)
    return progress_bar(step) if sys.stderr.isatty() else None


def importing(a: argparse.Namespace) -> Callable[[str], None] | None:
    """Progress of an import, one call per step of :data:`IMPORT_STEPS`."""
    emit = emitter(a)
    if emit:
        total = 2 if a.dry_run else len(IMPORT_STEPS)
        # "indexing" comes once the import is committed: from then on it stays
        return lambda step: emit(step, IMPORT_STEPS.index(step), total)
    return steps("import") if sys.stderr.isatty() and not a.json else None
