"""HTML text for the pages the window shows (built on the worker or the GUI thread).

Item text comes from other sites' bundles: every value put into a page goes
through :func:`esc`, the one escaping rule of the window.
"""

from __future__ import annotations

import html


def esc(value: object) -> str:
    """``value`` as HTML text (None shows as nothing)."""
    return html.escape(str(value if value is not None else ""))
