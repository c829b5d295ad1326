"""The commands of ``copdesk``, each declared beside its handler
(:mod:`~copdesk.commands.registry` says how), grouped by topic:
:mod:`~copdesk.commands.workspace`, :mod:`~copdesk.commands.items`,
:mod:`~copdesk.commands.people`, :mod:`~copdesk.commands.search`,
:mod:`~copdesk.commands.questions`, :mod:`~copdesk.commands.analytics`,
:mod:`~copdesk.commands.documents`,
:mod:`~copdesk.commands.exchange`.

This package is the command line's half of the faces (the window is the other): its
handlers call the Workspace and return data; :mod:`copdesk.cli` parses, dispatches
and prints. Handlers import what is heavy inside themselves, so ``copdesk list``
stays fast.
"""

from __future__ import annotations

from copdesk.commands import (
    analytics,
    documents,
    exchange,
    items,
    people,
    questions,
    search,
    workspace,
)
from copdesk.commands.registry import COMMANDS, Command

# The order `copdesk --help` lists them in: the path through the tool.
ORDER = (
    "init", "status", "use", "demo",
    "add", "edit", "list", "show", "history", "restore", "delete",
    "propose", "validate", "send-back", "obsolete",
    "member", "rate", "profile", "pin", "admin", "login",
    "link", "attach", "comment", "import-csv", "check", "repair", "backup", "restore-backup",
    "add-document", "documents", "files", "replace-file", "file-diff", "extract",
    "search", "similar", "who-knows", "risks", "network", "reindex", "glossary",
    "ask", "answer", "accept", "promote", "mark", "stats", "questions", "contributions",
    "identity", "sites", "trust", "untrust", "site", "export", "import", "conflicts", "resolve",
    "sync-folder",
    "gui",
)  # fmt: skip

_TOPICS = (
    analytics,
    documents,
    exchange,
    items,
    people,
    questions,
    search,
    workspace,
)  # registered


def commands() -> list[Command]:
    """Every command, in :data:`ORDER`; a command declared but not placed is a bug."""
    if set(ORDER) != set(COMMANDS) or len(ORDER) != len(COMMANDS):
        missing = sorted(set(COMMANDS) ^ set(ORDER))
        raise RuntimeError(f"copdesk.commands.ORDER and the declared commands differ: {missing}")
    return [COMMANDS[name] for name in ORDER]


__all__ = ["COMMANDS", "ORDER", "Command", "commands"]
