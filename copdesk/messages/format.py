"""The few rules a message template may use, so translators edit text, not code.

A template is text with ``{fact}`` fields, as ``str.format`` reads them, and these
formats after the colon:

- ``{n:plural(one|other)}``: the form for the number (``#`` in a form is the number).
  English takes *one* for 1 only, French for 0 and 1 ("0 personne", "1 jour"). Three
  forms, ``{n:plural(none|one|other)}``, add one for 0 and less ("aujourd'hui").
  A list counts its items.
- ``{items:list}``: "a, b and c" ("a, b et c"), empty items left out.
- ``{items:join(SEP)}``: the items joined by SEP ("; ", " + "), empty items left out.
- ``{fact:lower}``: the fact's words in lower case (a stage name inside a sentence).
- any other format is Python's (``{bytes:,}``).

A fact that is a :class:`~copdesk.model.message.Message` is worded in the same
language first, so a sentence is built from clauses the core chose.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from copdesk.model.message import Message

# language -> number -> "one" or "other" (the CLDR cardinal rules, integers only)
PLURAL: dict[str, Callable[[int], str]] = {
    "en": lambda n: "one" if n == 1 else "other",
    "fr": lambda n: "one" if n in (0, 1) else "other",
}

Word = Callable[[Message, str], "str | list[str]"]


Format = Callable[[Any, str, Word, str], str]  # (value, language, word, conjunction)


def fill(
    template: str, language: str, facts: Mapping[str, Any], word: Word, conjunction: str
) -> str:
    """The template with its facts (``word`` words nested messages, ``conjunction`` is
    the language's "and")."""
    out = []
    for literal, name, form in _compiled(template):
        out.append(literal)
        if name is None:
            continue
        try:
            value = facts[name]
        except KeyError:
            raise KeyError(f"the template {template!r} needs the fact {name!r}") from None
        out.append(form(value, language, word, conjunction))
    return "".join(out)


@functools.lru_cache(maxsize=4096)
def _compiled(template: str) -> tuple[tuple[str, str | None, Format], ...]:
    """A template read once: its literal parts, fields and the format of each field
    (an analysis words thousands of ties with the same few templates)."""
    return tuple(
        (literal, field, _format(spec or ""))
        for literal, field, spec, _ in string.Formatter().parse(template)
    )


def _format(spec: str) -> Format:
    if spec.startswith("plural(") and spec.endswith(")"):
        forms = spec[len("plural(") : -1].split("|")
        if len(forms) not in (2, 3):
            raise ValueError(f"plural needs 2 or 3 forms, got {forms!r}")

        def counted(value: Any, language: str, word: Word, conjunction: str) -> str:
            n = len(value) if isinstance(value, list | tuple) else int(value)
            return plural(n, forms, language)

        return counted
    if spec == "list":
        return lambda v, language, word, conj: and_list(_words(v, language, word), conj)
    if spec.startswith("join(") and spec.endswith(")"):
        sep = spec[len("join(") : -1]
        return lambda v, language, word, conj: sep.join(_words(v, language, word))
    if spec == "lower":
        return lambda v, language, word, conj: _word(v, language, word).lower()
    if spec:
        return lambda v, language, word, conj: format(v, spec)
    return lambda v, language, word, conj: _word(v, language, word)


def plural(n: int, forms: Sequence[str], language: str) -> str:
    """The form of ``forms`` (one, other; or none, one, other) for ``n``, ``#`` replaced."""
    if len(forms) == 3:
        if n <= 0:
            return forms[0].replace("#", str(n))
        forms = forms[1:]
    chosen = forms[0] if PLURAL[language](n) == "one" else forms[1]
    return chosen.replace("#", str(n))


def and_list(parts: Sequence[str], conjunction: str) -> str:
    """'a', 'a and b', 'a, b and c' (empty parts left out)."""
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {conjunction} " + parts[-1]


def _words(values: Any, language: str, word: Word) -> list[str]:
    return [w for w in (_word(v, language, word) for v in values) if w]


def _word(value: Any, language: str, word: Word) -> str:
    if type(value) is str:
        return value
    if isinstance(value, Message):
        worded = word(value, language)
        if not isinstance(worded, str):
            raise TypeError(f"{value.code} has several lines: it cannot be a fact")
        return worded
    return "" if value is None else str(value)
