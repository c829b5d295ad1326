"""The query language, parsed by hand so that no input can make it fail.

    fuite vérin "groupe hydraulique" -huile OR graisse kind:rex priority:red
    community:"Maintenance presses" tag:5S occurred:2023-01..2024-06 author:dupont

Words are all required (ranked, best first); ``OR`` between two clauses makes
either enough; ``-`` excludes; ``field:value`` filters. Unbalanced quotes run to
the end, parentheses are ignored, unknown fields are read as words, control
characters are dropped, and only the first clauses of a huge query are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from copdesk.errors import BadInput

MAX_QUERY = 2000  # characters looked at
MAX_CLAUSES = 64
FILTERS = {
    "kind": "kind",
    "type": "kind",
    "community": "community",
    "communaute": "community",
    "site": "site",
    "tag": "tag",
    "tags": "tag",
    "status": "status",
    "statut": "status",
    "priority": "priority",
    "priorite": "priority",
    "author": "author",
    "auteur": "author",
    "occurred": "occurred",
    "date": "occurred",
    "updated": "updated",
    "lang": "language",
    "language": "language",
    "file": "filetype",
    "filetype": "filetype",
    "fichier": "filetype",
    "format": "filetype",
    "langue": "language",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_LEX = re.compile(
    r"""(?P<neg>-)?(?:
        (?P<field>[^\W\d_][\w]*):(?:"(?P<fquoted>[^"]*)"?|(?P<fvalue>[^\s"()]+))
      | "(?P<phrase>[^"]*)"?
      | (?P<word>[^\s"()]+)
    )""",
    re.VERBOSE,
)


@dataclass
class Clause:
    text: str
    phrase: bool = False
    negated: bool = False
    alternatives: list[Clause] = field(default_factory=list)  # joined by OR


@dataclass
class ParsedQuery:
    clauses: list[Clause] = field(default_factory=list)
    filters: list[tuple[str, str, bool]] = field(default_factory=list)  # (field, value, negated)
    warnings: list[str] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.clauses and not self.filters


def _fold_field(name: str) -> str:
    from copdesk.model.text import key

    return key(name)


def parse(text: str) -> ParsedQuery:
    parsed = ParsedQuery()
    text = _CONTROL.sub(" ", text or "")
    if len(text) > MAX_QUERY:
        text = text[:MAX_QUERY]
        parsed.warnings.append(f"query cut to its first {MAX_QUERY} characters")
    pending_or = False
    for m in _LEX.finditer(text.replace("(", " ").replace(")", " ")):
        if len(parsed.clauses) + len(parsed.filters) >= MAX_CLAUSES:
            parsed.warnings.append(f"only the first {MAX_CLAUSES} terms are used")
            break
        negated = bool(m.group("neg"))
        name = m.group("field")
        if name is not None:
            value = m.group("fquoted") if m.group("fquoted") is not None else m.group("fvalue")
            target = FILTERS.get(_fold_field(name))
            if target and value and value.strip():
                parsed.filters.append((target, value.strip(), negated))
                continue
            # unknown field: the whole token is words ("ISO:9001", "note:")
            clause = Clause(f"{name} {value or ''}".strip(), phrase=bool(value), negated=negated)
        elif m.group("phrase") is not None:
            if not m.group("phrase").strip():
                continue
            clause = Clause(m.group("phrase").strip(), phrase=True, negated=negated)
        else:
            word = m.group("word")
            if word == "OR" and not negated:
                pending_or = bool(parsed.clauses)
                continue
            if word in ("AND", "-"):
                continue
            clause = Clause(word, negated=negated)
        if pending_or and not clause.negated and not parsed.clauses[-1].negated:
            parsed.clauses[-1].alternatives.append(clause)
        else:
            parsed.clauses.append(clause)
        pending_or = False
    return parsed


def nothing_to_search(query: str, warnings: list[str]) -> BadInput:
    """The one line for a query with nothing usable left (empty, blank, only words too
    common to search): the same for ``search`` and ``who-knows``."""
    why = [w for w in warnings if w != "nothing to search for"]
    return BadInput(f"nothing to search for in {query!r}" + (f" ({why[0]})" if why else ""))
