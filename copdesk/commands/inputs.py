"""What commands read besides their arguments: files and stdin (size and encoding
checked), JSON, an item's fields (JSON or the Markdown form), and argument types."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from copdesk.errors import BadInput
from copdesk.model.validate import MAX_BODY
from copdesk.store.files import regular_file


def read_input(source: str) -> str:
    """Text of a file or of stdin ('-'), refusing bodies over 2 MiB and non-UTF-8."""
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_BODY + 1)
        else:
            regular_file(source)
            with open(source, "rb") as f:
                raw = f.read(MAX_BODY + 1)
    except OSError as exc:
        raise BadInput(f"cannot read {source}: {exc.strerror}") from None
    if len(raw) > MAX_BODY:
        raise BadInput(f"{source}: the input is larger than {MAX_BODY // (1024 * 1024)} MiB")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadInput(f"{source}: not UTF-8 text (byte {exc.start})") from None


def _no_constants(name: str) -> NoReturn:
    raise ValueError(f"{name} is not allowed")


def read_json(source: str) -> Any:
    text = read_input(source)
    try:
        return json.loads(text, parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        raise BadInput(f"{source}: malformed JSON ({str(exc).splitlines()[0][:120]})") from None


def read_object(source: str, what: str) -> dict[str, Any]:
    """A JSON object (``what`` says what it must hold when it is something else)."""
    data = read_json(source)
    if not isinstance(data, dict):
        raise BadInput(f"the JSON must be an object with {what}")
    return data


def fields(a: argparse.Namespace, kind: str | None) -> dict[str, Any]:
    """Item fields from --json or --file (Markdown form)."""
    if a.json_input is not None:
        return read_object(a.json_input, "the item's fields")
    from copdesk.model.markdown_form import parse
    from copdesk.model.validate import kind_of

    if kind is None:
        raise BadInput("--file needs the kind of item")
    return parse(kind_of(kind), read_input(a.file))


def kind_in(choices: Sequence[str]) -> Callable[[str], str]:
    """An argument type: one of the kinds ``choices``."""

    def convert(value: str) -> str:
        if value not in choices:
            raise argparse.ArgumentTypeError(
                f"unknown kind {value!r} (expected {', '.join(choices)})"
            )
        return value

    return convert


def positive(value: str) -> int:
    """An argument type: a whole number from 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def read_pin_file(path: str) -> str:
    """The PIN in ``path``, refused if others may read the file (like ssh's keys)."""
    try:
        mode = os.stat(path).st_mode
        if not stat.S_ISREG(mode):
            raise BadInput(f"{path} is not a file")
        if os.name != "nt" and mode & 0o077:
            raise BadInput(f"{path} can be read by others: chmod 600 {path}")
        with open(path, encoding="utf-8") as f:
            pin = f.read(1024).strip()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise BadInput(f"{path}: not UTF-8 text") from None
    if not pin:
        raise BadInput(f"{path} is empty")
    return pin
