"""copdesk: knowledge capitalisation for industrial communities of practice.

The public API is :class:`copdesk.Workspace`; the CLI and the GUI are thin layers
over it. Nothing outside ``copdesk.gui`` imports Qt.
"""

from copdesk.errors import BadInput, CopdeskError, ItemDeleted, WorkspaceError
from copdesk.workspace import Workspace

__version__ = "0.1.0"
__all__ = ["BadInput", "CopdeskError", "ItemDeleted", "Workspace", "WorkspaceError", "__version__"]
