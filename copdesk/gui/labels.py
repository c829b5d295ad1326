"""Words for codes, in the interface language: kinds, fields, choices, short dates.

The words themselves are in the message catalogue (:mod:`copdesk.messages`), shared
with the command line; which language a label shows is decided here, once, from the
interface locale. Forms, lists, pages and dialogs all take their labels from this
module, which imports nothing of the window (so any of them can).
"""

from __future__ import annotations

from copdesk import messages
from copdesk.gui import language
from copdesk.model.kinds import KINDS, Field


def ui_language() -> str:
    """``fr`` when the interface is in French, else ``en`` (the catalogue has both)."""
    return language.current()


def kind_label(kind: str) -> str:
    """The kind's name in the interface language."""
    return messages.kind_label(kind, ui_language())


def field_label(kind: str, f: Field) -> str:
    return messages.field_label(kind, f.name, ui_language())


def field_label_of(kind: str, name: str) -> str:
    """The label of field ``name`` of ``kind``; the name itself if the model lacks it."""
    spec = KINDS.get(kind)
    if spec is None or name not in spec.by_name:
        return name
    return messages.field_label(kind, name, ui_language())


def choice_label(value: str) -> str:
    return messages.label(value, ui_language())


def short_date(value: str | None) -> str:
    """A stored UTC time stamp in local time and the user's locale ("14/03/2026 11:05"
    in France): lists, rosters, conflicts, history."""
    return language.format_datetime(value) if value else ""
