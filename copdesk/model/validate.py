"""Turn user input into canonical item content, or say precisely what is wrong.

Canonical content holds only fields that are set (no empty strings, empty lists
or nulls), strings in NFC, dates as YYYY-MM-DD, so equal content always has the
same bytes and therefore the same revision id on every site.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

from copdesk.errors import BadInput
from copdesk.model.kinds import DATE, ENUM, INT, KINDS, LIST, MARKDOWN, REF, REFS, TEXT, Field, Kind
from copdesk.model.text import nfc

# Envelope keys that `show --json` prints; accepted back by add/edit and ignored,
# so `show --json | edit` round-trips.
READ_ONLY = frozenset(
    {
        "id",
        "kind",
        "author",
        "author_name",
        "origin_site",
        "origin_site_name",
        "created_at",
        "updated_at",
        "updated_by",
        "rev",
        "conflict",
        "deleted",
        "links",
        "backlinks",
        "attachments",
        "comments",
        "community_name",
        "archived",
        "holder_names",
        "stage_history",
        "members",
        "marks",
        "answers",
        "signoff",
        "similar_answered",
    }
)
MAX_TEXT = 1_000_000  # characters in one field
MAX_BODY = 2 * 1024 * 1024  # bytes of one item's content as JSON (any input path)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Refused, not stripped: NUL (text cut short by C tools) and the bidirectional
# embedding, override and isolate controls, which make a terminal or a list show the
# rest of a line reversed ("…exe.pdf" read as "…fdp.exe").
REFUSED = re.compile("[\x00\u202a-\u202e\u2066-\u2069]")


def refuse_hidden(value: str, what: str) -> None:
    """BadInput naming the first NUL or bidirectional control character in ``value``."""
    found = REFUSED.search(value)
    if found:
        code = f"U+{ord(found.group()):04X}"
        name = "a NUL" if found.group() == "\x00" else "a bidirectional control"
        raise BadInput(
            f"{what} contains {name} character ({code}) at position {found.start() + 1}, "
            "which can hide or reverse text: remove it"
        )


def kind_of(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise BadInput(f"unknown kind {name!r} (expected one of {', '.join(KINDS)})") from None


def parse_date(value: Any, what: str = "date") -> str:
    """Accept a date object or an ISO calendar date string; return YYYY-MM-DD."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text).isoformat()
            except ValueError:
                pass
    raise BadInput(f"{what} must be a date as YYYY-MM-DD (got {value!r})")


def _enum(f: Field, value: Any, where: str) -> str:
    if isinstance(value, str):
        norm = value.strip().casefold().replace("-", "_").replace(" ", "_")
        if norm in f.choices:
            return norm
    raise BadInput(f"{where}: {f.name} must be one of {', '.join(f.choices)} (got {value!r})")


def _int(f: Field, value: Any, where: str) -> int:
    number: int | None = None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int):
        number = value
    elif isinstance(value, str) and re.fullmatch(r"\s*-?\d{1,9}\s*", value):
        number = int(value)
    lo, hi = f.minimum, f.maximum
    if number is None or (lo is not None and number < lo) or (hi is not None and number > hi):
        bounds = f" from {lo} to {hi}" if lo is not None and hi is not None else ""
        raise BadInput(f"{where}: {f.name} must be a whole number{bounds} (got {value!r})")
    return number


def _text(f: Field, value: Any, where: str) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool) and f.type == TEXT:
        value = str(value)
    if not isinstance(value, str):
        raise BadInput(f"{where}: {f.name} must be text (got {type(value).__name__})")
    refuse_hidden(value, f"{where}: {f.name}")
    text = nfc(value.replace("\r\n", "\n").replace("\r", "\n"))
    text = " ".join(text.split()) if f.type == TEXT else text.strip("\n")
    text = _CONTROL.sub("", text)
    if len(text) > MAX_TEXT:
        raise BadInput(f"{where}: {f.name} is longer than {MAX_TEXT} characters")
    return text


def _strings(f: Field, value: Any, where: str) -> list[str]:
    if isinstance(value, str):
        value = re.split(r"[,;\n]", value)
    if not isinstance(value, list | tuple):
        raise BadInput(f"{where}: {f.name} must be a list (got {type(value).__name__})")
    out: list[str] = []
    for v in value:
        if not isinstance(v, str):
            raise BadInput(f"{where}: {f.name} must hold text (got {v!r})")
        refuse_hidden(v, f"{where}: {f.name}")
        v = " ".join(nfc(_CONTROL.sub("", v)).split())
        if v and v not in out:
            out.append(v)
    return out


def _ref(f: Field, value: Any, where: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise BadInput(f"{where}: {f.name} must be an item id (got {value!r})") from None


def clean_value(f: Field, value: Any, where: str) -> Any:
    """One field's value in canonical form; the field's empty value when unset."""
    if value is None or value == "" or value == []:
        return f.empty
    if f.type in (TEXT, MARKDOWN):
        return _text(f, value, where)
    if f.type == ENUM:
        return _enum(f, value, where)
    if f.type == DATE:
        return parse_date(value, f"{where}: {f.name}")
    if f.type == INT:
        return _int(f, value, where)
    if f.type == LIST:
        return _strings(f, value, where)
    if f.type == REF:
        return _ref(f, value, where)
    if f.type == REFS:
        refs = value if isinstance(value, list | tuple) else _strings(f, value, where)
        out = []
        for v in refs:
            r = _ref(f, v, where)
            if r not in out:
                out.append(r)
        return out
    raise AssertionError(f.type)  # pragma: no cover - the model has no other type


def check_fields(kind: Kind, data: Mapping[str, Any], where: str) -> None:
    unknown = [k for k in data if k not in kind.by_name and k not in READ_ONLY]
    if unknown:
        hint = ""
        if kind.name == "rex" and "kind" in unknown:
            hint = " (the kind of event is 'outcome')"
        raise BadInput(f"{where}: unknown field {unknown[0]!r}{hint}")
    if "kind" in data and data["kind"] != kind.name:
        hint = "; the kind of event is 'outcome'" if kind.name == "rex" else ""
        raise BadInput(f"{where}: 'kind' is {data['kind']!r} but this is a {kind.name}{hint}")


def compact(kind: Kind, values: Mapping[str, Any]) -> dict[str, Any]:
    """Drop unset fields so canonical content holds only what is set."""
    return {
        k: v
        for k, v in values.items()
        if k in kind.by_name and v is not None and v != "" and v != []
    }


def validate(
    kind_name: str,
    data: Mapping[str, Any],
    *,
    base: Mapping[str, Any] | None = None,
    defaults: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Validate ``data`` for a new item, or as changes over ``base`` for an edit.

    Returns canonical content. Raises :class:`BadInput` naming the field.
    """
    kind = kind_of(kind_name)
    where = kind.name
    if not isinstance(data, Mapping):
        raise BadInput(f"{where}: expected a JSON object with the item's fields")
    check_fields(kind, data, where)
    merged: dict[str, Any] = dict(base or {})
    if base is None:
        for f in kind.fields:
            if f.default is not None:
                merged[f.name] = f.default
        merged.update({k: v for k, v in (defaults or {}).items() if v not in (None, "", [])})
    for name, value in data.items():
        if name in kind.by_name:
            merged[name] = clean_value(kind.by_name[name], value, where)
    for f in kind.fields:
        if f.required and merged.get(f.name) in (None, "", []):
            raise BadInput(f"{where}: missing required field {f.name!r}")
    content = compact(kind, merged)
    # JSON needs at most 6 bytes per character (\uXXXX): only measure when that could
    # exceed the limit, so ordinary items (and 10,000-row imports) skip serialising.
    bound = sum(6 * len(str(v)) + 2 * len(k) + 8 for k, v in content.items())
    if bound > MAX_BODY and len(json.dumps(content, ensure_ascii=False).encode()) > MAX_BODY:
        raise BadInput(f"{where}: the item is larger than {MAX_BODY // (1024 * 1024)} MiB")
    return content


def with_defaults(kind_name: str, content: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of the kind, unset ones as their empty value (for display and JSON)."""
    kind = KINDS[kind_name]
    return {f.name: content.get(f.name, f.empty) for f in kind.fields}
