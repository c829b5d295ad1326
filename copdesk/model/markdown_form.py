"""The Markdown form of an item: what a person would write in a text editor.

    title: Fuite sur le groupe hydraulique de la presse P12
    community: Maintenance des presses
    tags: hydraulique, fuite

    ## Résumé
    Une fuite au raccord …

    ## Enseignements
    - Resserrer au couple …

The header is ``key: value`` lines (an optional ``---`` line before and after it
is accepted); a leading ``# Heading`` gives the title or name. Each ``## Section``
fills one field, found by its code name, its English or French label or an
alias (case, accents and punctuation ignored). Text before the first section
goes to the kind's first long field. Unknown keys and sections are errors.
"""

from __future__ import annotations

import re

from copdesk.errors import BadInput
from copdesk.model.kinds import MARKDOWN, Field, Kind
from copdesk.model.text import key

_HEADER = re.compile(r"^([^:#\s][^:]{0,60}):\s*(.*)$")
_SECTION = re.compile(r"^##\s+(.+?)\s*#*\s*$")
_TITLE = re.compile(r"^#\s+(.+?)\s*#*\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def field_lookup(kind: Kind) -> dict[str, Field]:
    """Map every accepted spelling of a field to the field."""
    table: dict[str, Field] = {}
    for f in kind.fields:
        for spelling in (f.name, f.en, f.fr, *f.aliases):
            table.setdefault(key(spelling), f)
    return table


def parse(kind: Kind, text: str) -> dict[str, str]:
    """Parse the Markdown form into raw field values (validated afterwards)."""
    lookup = field_lookup(kind)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    values: dict[str, str] = {}
    i = _skip_blank(lines, 0)
    # An optional "# Title" may come before the header as well as after it.
    title = _TITLE.match(lines[i]) if i < len(lines) else None
    if title:
        values[kind.title_field] = title.group(1)
        i = _skip_blank(lines, i + 1)
    if i < len(lines) and lines[i].strip() == "---":
        i += 1
    # Header: key: value lines, until a blank line, '---' or a heading.
    while i < len(lines):
        line = lines[i]
        if not line.strip() or line.strip() == "---" or line.startswith("#"):
            if line.strip() == "---":
                i += 1
            break
        m = _HEADER.match(line)
        if not m:
            raise BadInput(f"line {i + 1}: expected 'field: value' in the header, got {line!r}")
        f = lookup.get(key(m.group(1)))
        if f is None:
            raise BadInput(f"line {i + 1}: unknown field {m.group(1).strip()!r} for {kind.name}")
        values[f.name] = m.group(2).strip()
        i += 1

    long_fields = [f for f in kind.fields if f.type == MARKDOWN]
    current: Field | None = long_fields[0] if long_fields else None
    body: dict[str, list[str]] = {}
    in_fence = False
    for n in range(i, len(lines)):
        line = lines[n]
        if _FENCE.match(line):
            in_fence = not in_fence
        if not in_fence:
            title = _TITLE.match(line)
            if title and kind.title_field not in values and not _has_text(body):
                values[kind.title_field] = title.group(1)
                continue
            section = _SECTION.match(line)
            if section:
                f = lookup.get(key(section.group(1)))
                if f is None:
                    raise BadInput(
                        f"line {n + 1}: unknown section {section.group(1)!r} for {kind.name}"
                    )
                current = f
                body.setdefault(f.name, [])
                continue
        if current is None:
            if line.strip():
                raise BadInput(f"line {n + 1}: text outside a section for {kind.name}")
            continue
        body.setdefault(current.name, []).append(line)
    for name, chunk in body.items():
        text_value = "\n".join(chunk).strip("\n")
        if text_value.strip():
            if values.get(name):
                raise BadInput(f"field {name!r} is given twice")
            values[name] = text_value
    return values


def _skip_blank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _has_text(body: dict[str, list[str]]) -> bool:
    return any(line.strip() for chunk in body.values() for line in chunk)


def sections_help(kind: Kind) -> list[tuple[str, str, str]]:
    """(field, English heading, French heading) for the README and --help."""
    return [(f.name, f.en, f.fr) for f in kind.fields if f.type == MARKDOWN]
