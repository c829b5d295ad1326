"""Whether the process that left a file behind (staging copy, index lock) still runs,
so leftovers of a killed command are cleaned up and a live one's are left alone."""

from __future__ import annotations

import os


def alive(pid: int) -> bool:
    """Whether process ``pid`` runs (on Windows, assumed: signal 0 would interrupt it)."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
