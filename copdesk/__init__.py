"""copdesk: knowledge capitalisation for industrial communities of practice.

The public API is :class:`copdesk.Workspace`; the CLI and the GUI are thin layers
over it. Nothing outside ``copdesk.gui`` imports Qt.
"""

from copdesk.errors import BadInput, CopdeskError, ItemDeleted, WorkspaceError
from copdesk.workspace import Workspace


def __getattr__(name: str) -> str:
    """``__version__``: written once, in pyproject.toml, and read from the installed
    package's metadata when first asked (importlib.metadata is slow to import)."""
    if name != "__version__":
        raise AttributeError(f"module 'copdesk' has no attribute {name!r}")
    from copdesk.appinfo import version

    found = version()
    globals()["__version__"] = found
    return found


__all__ = ["BadInput", "CopdeskError", "ItemDeleted", "Workspace", "WorkspaceError", "__version__"]
