"""The one catalogue of words: every sentence and label copdesk shows, in English and
French, looked up by code.

The core never writes a sentence: analyses return codes and facts
(:class:`~copdesk.model.message.Message`), the model keeps codes (``near_miss``,
``rex``). The words are here, by topic: :mod:`~copdesk.messages.labels` (choices,
and the kind, field and level names the model holds as input syntax),
:mod:`~copdesk.messages.risks`, :mod:`~copdesk.messages.network`,
:mod:`~copdesk.messages.health`, :mod:`~copdesk.messages.exchange` (what an import
held back). Templates use the few rules of :mod:`~copdesk.messages.format` (plurals,
lists, nested messages).

Who uses it:

- the API words its results once, where they leave it (``ws.analytics``, with
  :func:`worded`): each message becomes its English text under its own key and its
  French text under ``KEY_fr`` (``reason``/``reason_fr``, ``why``/``why_fr``,
  ``guidance``/``guidance_fr``), the JSON scripts have always read;
- the command line prints those texts and labels (:mod:`copdesk.textout`);
- the window shows the text of its language (:func:`localized`) and labels through
  :func:`text`. Qt's own catalogue (``copdesk/gui/i18n``) holds only the window's
  chrome: menus, buttons, headings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from copdesk.messages import documents, errors, exchange, health, labels, network, risks
from copdesk.messages import format as _format
from copdesk.model.message import Message, msg

LANGUAGES = ("en", "fr")  # English first: the base of every twin (reason, reason_fr)
LABEL_SPACES = ("choice.", "kind.", "field.", "level.")  # unknown codes show as themselves

Entry = dict[str, "str | tuple[str, ...]"]


def _catalogue() -> dict[str, Entry]:
    tables = [
        labels.CHOICES,
        labels.PAGE,
        labels.model_labels(),
        risks.MESSAGES,
        network.MESSAGES,
        health.MESSAGES,
        health.GUIDANCE,
        errors.MESSAGES,
        exchange.MESSAGES,
        documents.MESSAGES,
    ]
    out: dict[str, Entry] = {}
    for table in tables:
        for code, words in table.items():
            if code in out:
                raise ValueError(f"message {code!r} is defined twice")
            out[code] = dict(zip(LANGUAGES, words, strict=True))
    return out


CATALOGUE: dict[str, Entry] = _catalogue()
_DOING = {
    str(entry["en"]): code
    for code, entry in reversed(CATALOGUE.items())
    if code.startswith("doing.")
}  # reversed: "delete it" is doing.delete_draft, as good as doing.delete
_AND = {language: str(CATALOGUE["list.and"][language]) for language in LANGUAGES}


def text(code: str, language: str = "en", /, **facts: Any) -> str | list[str]:
    """The words of ``code`` in ``language`` with its facts (a list for an entry of
    several lines, such as a stage's guidance).

    A label code the catalogue does not know (a choice from a newer version) shows as
    its last part; any other unknown code is a bug and raises ``KeyError``.
    """
    return _render(code, language, facts)


def say(message: Message, language: str = "en") -> str | list[str]:
    """A message of the core in words."""
    return _render(message.code, language, message.facts)


def _render(code: str, language: str, facts: Mapping[str, Any]) -> str | list[str]:
    entry = CATALOGUE.get(code)
    if entry is None:
        if code.startswith(LABEL_SPACES):
            return code.rsplit(".", 1)[-1]
        raise KeyError(f"no message {code!r} in the catalogue")
    template = entry.get(language) or entry[LANGUAGES[0]]
    conjunction = _AND.get(language, _AND[LANGUAGES[0]])
    if isinstance(template, tuple):
        return [_format.fill(t, language, facts, say, conjunction) for t in template]
    return _format.fill(template, language, facts, say, conjunction)


def label(value: str, language: str = "en") -> str:
    """The words for a choice code (``near_miss`` → "Near miss" / "Presqu'accident")."""
    return str(text(f"choice.{value}", language))


def kind_label(kind: str, language: str = "en") -> str:
    return str(text(f"kind.{kind}", language))


def field_label(kind: str, name: str, language: str = "en") -> str:
    return str(text(f"field.{kind}.{name}", language))


def level_label(level: int, language: str = "en") -> str:
    """An ILUO level's name ("autonomous" / "autonome")."""
    return str(text(f"level.{level}", language))


def error_text(exc: BaseException, language: str = "en") -> str:
    """An error in ``language``: the words of its code and facts when it has them (facts
    that came from a child process as JSON included), else its own English sentence."""
    code = getattr(exc, "code", None)
    if isinstance(code, str) and code in CATALOGUE:
        try:
            return str(_render(code, language, _revived(getattr(exc, "facts", {}))))
        except (KeyError, ValueError, TypeError, IndexError):
            pass  # facts from another version: its English sentence is still right
    return str(exc)


def _revived(value: Any) -> Any:
    """Facts read back from JSON (:func:`copdesk.errors.plain`): messages again."""
    if isinstance(value, dict):
        if set(value) == {"message", "facts"} and isinstance(value["message"], str):
            return Message(value["message"], _revived(value["facts"]))
        return {k: _revived(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_revived(v) for v in value]
    return value


def doing_code(english: str) -> str | None:
    """The ``doing.*`` code whose English words are ``english`` (what a refusal names)."""
    return _DOING.get(english)


def place(where: Mapping[str, Any] | None, language: str = "en") -> str:
    """Where in a file a hit or a part is: "page 7", "sheet “Couples”, cell B12",
    "section “Sécurité”" (a part of the file's beginning: "beginning")."""
    where = where or {}
    if "page" in where:
        return str(text("place.page", language, page=where["page"]))
    if "cell" in where:
        return str(text("place.cell", language, sheet=where.get("sheet", ""), cell=where["cell"]))
    if "sheet" in where:
        return str(text("place.row", language, sheet=where["sheet"], row=where.get("row", "")))
    if where.get("heading"):
        return str(text("place.heading", language, heading=where["heading"]))
    if "line" in where:
        return str(text("place.line", language, line=where["line"]))
    return str(text("place.start", language))


def note(code: str | None, facts: Mapping[str, Any] | None, language: str = "en") -> str:
    """What could not be read of a file, in words ("" when nothing to say)."""
    return str(text(code, language, **(facts or {}))) if code else ""


def localized(row: Mapping[str, Any], key: str, language: str) -> Any:
    """A worded result's text for ``key`` in ``language`` (``KEY_fr`` in French), the
    English one when the result has no twin for that language."""
    if language != LANGUAGES[0] and f"{key}_{language}" in row:
        return row[f"{key}_{language}"]
    return row[key]


def worded(result: Any) -> Any:
    """A result of the core with every message in words: under its key in English and,
    right after it, under ``KEY_fr`` in French (a list of messages becomes two lists).

    This is the form the API returns and ``--json`` prints; messages never leave it.
    """
    if isinstance(result, dict):
        out: dict[str, Any] = {}
        for key, value in result.items():
            if _is_message(value):
                for language in LANGUAGES:
                    name = key if language == LANGUAGES[0] else f"{key}_{language}"
                    out[name] = _words(value, language)
            else:
                out[key] = worded(value)
        return out
    if isinstance(result, list):
        return [worded(v) for v in result]
    return result


def _is_message(value: Any) -> bool:
    if isinstance(value, Message):
        return True
    return isinstance(value, list) and bool(value) and all(isinstance(v, Message) for v in value)


def _words(value: Message | list[Message], language: str) -> str | list[str]:
    if isinstance(value, Message):
        return say(value, language)
    return [str(say(v, language)) for v in value]


__all__ = [
    "CATALOGUE",
    "LANGUAGES",
    "Message",
    "doing_code",
    "error_text",
    "field_label",
    "kind_label",
    "label",
    "level_label",
    "localized",
    "msg",
    "note",
    "place",
    "say",
    "text",
    "worded",
]
