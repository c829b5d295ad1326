"""What a write changed, and what a view shows: the two halves of the change notification.

Every write the window makes (:mod:`copdesk.gui.write_jobs`, and the long commands
run in a child process, :mod:`copdesk.gui.commands`) ends with a :class:`Change`:
the kinds of items it touched, their ids, the workspace's change marker once it was
written, and flags for what is not an item (who is writing, the roster of sites,
settings, conflicts, the search index, who may act). Each view declares an :class:`Interest`;
:class:`copdesk.gui.notify.ChangeHub` reloads the views a Change concerns, so no
caller refreshes views by hand (as Anki's operations return ``OpChanges``).

Plain Python: write jobs build their Change on the worker thread.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from copdesk.model.kinds import KINDS


class Flag(StrEnum):
    """What a write can change besides items."""

    WRITER = "writer"  # who is writing on this computer
    ROSTER = "roster"  # this site's identity, the trusted sites, what each one lacks
    SETTINGS = "settings"  # workspace settings (the shared folder)
    CONFLICTS = "conflicts"  # items in conflict appeared or were resolved
    INDEX = "index"  # the search index was rebuilt
    SECURITY = "security"  # administrators, PINs, this computer's login tie


ALL_KINDS = frozenset(KINDS)


def _ids(values: Iterable[str | None]) -> frozenset[str]:
    return frozenset(v for v in values if v)


@dataclass(frozen=True)
class Change:
    """What one write (or several, merged with ``|``) changed in the workspace."""

    kinds: frozenset[str] = frozenset()
    items: frozenset[str] = frozenset()
    flags: frozenset[Flag] = frozenset()
    marker: int | None = None  # ``ws.items.change_marker()`` once written (None: unknown)

    @classmethod
    def of(
        cls,
        kinds: Iterable[str] = (),
        items: Iterable[str | None] = (),
        flags: Iterable[Flag] = (),
    ) -> Change:
        return cls(frozenset(kinds), _ids(items), frozenset(flags))

    @classmethod
    def everything(cls) -> Change:
        """What an import, a sync or the demo may have touched: all of it."""
        return cls(ALL_KINDS, frozenset(), frozenset(Flag))

    def at(self, marker: int | None) -> Change:
        return replace(self, marker=marker)

    def __or__(self, other: Change) -> Change:
        markers = [m for m in (self.marker, other.marker) if m is not None]
        return Change(
            self.kinds | other.kinds,
            self.items | other.items,
            self.flags | other.flags,
            max(markers) if markers else None,
        )

    def __bool__(self) -> bool:
        return bool(self.kinds or self.items or self.flags)


NOTHING = Change()


@dataclass(frozen=True)
class Interest:
    """What a view shows: it reloads when a Change touches one of these."""

    kinds: frozenset[str] = frozenset()
    flags: frozenset[Flag] = frozenset()
    items: frozenset[str] = frozenset()

    @classmethod
    def of(
        cls,
        kinds: Iterable[str] = (),
        flags: Iterable[Flag] = (),
        items: Iterable[str | None] = (),
    ) -> Interest:
        return cls(frozenset(kinds), frozenset(flags), _ids(items))

    def concerns(self, change: Change) -> bool:
        return bool(
            self.kinds & change.kinds or self.flags & change.flags or self.items & change.items
        )

    def __or__(self, other: Interest) -> Interest:
        return Interest(
            self.kinds | other.kinds, self.flags | other.flags, self.items | other.items
        )


NONE = Interest()


@dataclass(frozen=True)
class Outcome:
    """What a write job returns: its result (for the caller) and what it changed."""

    result: Any
    change: Change = field(default=NOTHING)
