"""The one error family of copdesk.

Every failure a user can cause is a :class:`CopdeskError` carrying the exit code
the command line returns, so the CLI prints one line and never a traceback, and
the GUI can show the same sentence. The sentence is English; an error that may
also carry a message ``code`` of the catalogue and its ``facts``
(:mod:`copdesk.messages.errors`), so the window can say it in its own language
(:func:`copdesk.messages.error_text`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def plain(value: Any) -> Any:
    """Facts as JSON can carry them: a message (anything with ``code`` and ``facts``)
    becomes ``{"message": CODE, "facts": {...}}``, for a child process to send them."""
    if hasattr(value, "code") and hasattr(value, "facts"):
        return {"message": value.code, "facts": plain(value.facts)}
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


class CopdeskError(Exception):
    """An operation failed (exit 1): not found, deleted, check failed."""

    exit_code = 1

    def __init__(
        self, message: str = "", *, code: str | None = None, facts: Mapping[str, Any] | None = None
    ) -> None:
        super().__init__(message)
        self.code = code
        self.facts: dict[str, Any] = dict(facts or {})

    def extra_details(self) -> dict[str, object] | None:
        """What a kind of error adds for programs (the signer of an untrusted bundle)."""
        return None

    @property
    def details(self) -> dict[str, object] | None:
        """What a program needs besides the sentence (``--json`` prints it with the
        error): the message code and facts when the error has them; None for most."""
        extra = dict(self.extra_details() or {})
        if self.code:
            extra.update(code=self.code, facts=plain(self.facts))
        return extra or None


class BadInput(CopdeskError):
    """The input is wrong (exit 2): bad usage, invalid value, unknown name or id."""

    exit_code = 2


class WorkspaceError(CopdeskError):
    """The workspace is missing, already exists or was written by a newer copdesk."""

    exit_code = 2


class WorkspaceBusy(CopdeskError):
    """Another process held the workspace's write lock longer than the wait (exit 1)."""

    exit_code = 1


class WorkspaceCopied(CopdeskError):
    """This workspace is a copy of a site made elsewhere (exit 1): it must become a new
    site or stay read-only before it writes; ``site`` and ``name`` say whose copy."""

    exit_code = 1

    def __init__(
        self, message: str, site: str = "", name: str = "", reason: str = "", **words: Any
    ) -> None:
        super().__init__(message, **words)
        self.site, self.name, self.reason = site, name, reason


class ReadOnlyWorkspace(CopdeskError):
    """A copy kept for reading: nothing is written or published from it (exit 1)."""

    exit_code = 1


class ItemDeleted(CopdeskError):
    """The item exists but its shown version is a tombstone."""

    exit_code = 1


class UntrustedSite(CopdeskError):
    """A bundle signed by a site this workspace does not trust (exit 1): nothing applied.

    ``producer`` (site, name, key, fingerprint) lets the GUI offer to trust the signer.
    """

    exit_code = 1

    def __init__(self, message: str, producer: dict[str, str] | None = None, **words: Any) -> None:
        super().__init__(message, **words)
        self.producer = dict(producer or {})

    def extra_details(self) -> dict[str, object]:
        return {"untrusted": self.producer}


class Cancelled(CopdeskError):
    """The user stopped a long operation (exit 1); an all-or-nothing one wrote nothing."""

    exit_code = 1


class NotAllowed(CopdeskError):
    """The person writing may not do this (exit 1): the message says who may."""

    exit_code = 1


class PinRequired(CopdeskError):
    """A privileged action by a person who set a PIN, not yet proven (exit 1).

    ``person`` lets the CLI prompt and the window ask for that person's PIN, then retry.
    """

    exit_code = 1

    def __init__(self, message: str, person: str, **words: Any) -> None:
        super().__init__(message, **words)
        self.person = person
