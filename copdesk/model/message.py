"""What the core says, as data: a message code and its facts, never a sentence.

Analyses (risks, networks, community health) explain their findings with messages
such as ``Message("risk.single_holder", {"holder": "Alice", "skill": "Brasage"})``;
the words, in English and French, are in one catalogue (:mod:`copdesk.messages`),
which the API uses to word its results and the faces use for everything they show.
A fact may itself be a message, or a list of them (the clauses of a sentence).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Message:
    """A code of :mod:`copdesk.messages` and the facts its words need."""

    code: str
    facts: dict[str, Any] = field(default_factory=dict)


def msg(code: str, **facts: Any) -> Message:
    """``msg("risk.learning", n=2)``: a message with its facts."""
    return Message(code, facts)
