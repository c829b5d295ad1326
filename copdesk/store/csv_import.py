"""Bulk import of an existing register exported from a spreadsheet.

Spreadsheets in French plants come as UTF-8, UTF-8 with BOM or Windows-1252,
separated by commas or semicolons, with dates as 06/12/2024 or 2024-12-06.
We detect all of that, map columns to fields by name (case, accents and spaces
ignored, English or French labels), and write every row or none (unless
``skip_bad``) in one transaction. A row with text but no title gets its first
sentence as title (registers often leave the title empty); the report lists them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from copdesk.errors import BadInput
from copdesk.model.kinds import DATE, LIST, MARKDOWN, REF, REFS, Kind
from copdesk.model.markdown_form import field_lookup
from copdesk.model.text import key
from copdesk.model.validate import validate
from copdesk.store.files import regular_file

MAX_CSV = 256 * 1024 * 1024
TITLE_CUT = 100  # characters of a title derived from the text
# Tried in order; the format that parses most values of a date column wins
# (so an all-ambiguous column is read day-first, as in France).
ISO = "%Y-%m-%d"
DATE_SAMPLE = 500  # values of a column tried against each format
DATE_FORMATS = (
    ISO,
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d/%m/%y",
    "%m/%d/%y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%Y/%m/%d",
)


@dataclass
class Table:
    columns: dict[str, str]  # column -> field
    ignored: list[str]
    rows: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    date_formats: dict[str, str] = field(default_factory=dict)


def decode(raw: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput("the CSV file is neither UTF-8 nor Windows-1252 text")


def _delimiter(text: str) -> str:
    head = text[:65536]
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t|").delimiter
    except csv.Error:
        first = head.split("\n", 1)[0]
        return max(",;\t|", key=first.count)


def _to_iso(value: str, fmt: str) -> str | None:
    try:
        if fmt == ISO:
            return dt.date.fromisoformat(value.strip()).isoformat()
        return dt.datetime.strptime(value.strip(), fmt).date().isoformat()
    except ValueError:
        return None


def detect_date_format(values: list[str]) -> str | None:
    """The format that reads most of a column's dates (judged on a spread sample)."""
    values = [v for v in values if v.strip()]
    if not values:
        return None
    if len(values) > DATE_SAMPLE:
        step = len(values) / DATE_SAMPLE
        values = [values[int(i * step)] for i in range(DATE_SAMPLE)]
    best, best_count = None, 0
    for fmt in DATE_FORMATS:
        count = sum(1 for v in values if _to_iso(v, fmt))
        if count > best_count:
            best, best_count = fmt, count
    return best


def _map_columns(
    header: list[str], kind: Kind, mapping: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    lookup = field_lookup(kind)
    by_key = {key(h): h for h in header}
    explicit: dict[str, str | None] = {}
    for column, target in mapping.items():
        if key(column) not in by_key:
            raise BadInput(f"--map names column {column!r}, which the CSV does not have")
        f = lookup.get(key(target)) if target.strip() else None
        if target.strip() and f is None:
            raise BadInput(f"--map {column}={target}: {kind.name} has no field {target!r}")
        explicit[by_key[key(column)]] = f.name if f else None
    columns, ignored = {}, []
    for h in header:
        if h in explicit:
            target = explicit[h]
        else:
            f = lookup.get(key(h))
            target = f.name if f else None
        if target is None:
            ignored.append(h)
        else:
            columns[h] = target
    for name in {t for t in columns.values()}:
        f = kind.by_name[name]
        sources = [h for h, t in columns.items() if t == name]
        if len(sources) > 1 and f.type not in (MARKDOWN, LIST):
            raise BadInput(f"columns {', '.join(sources)} all map to {name!r}; keep one with --map")
    return columns, ignored


def read_csv(
    path: Path, kind: Kind, mapping: Mapping[str, str], date_format: str | None = None
) -> Table:
    regular_file(path, "a CSV file")
    try:
        size = path.stat().st_size
        if size > MAX_CSV:
            raise BadInput(f"the CSV file is larger than {MAX_CSV // (1024 * 1024)} MiB")
        raw = path.read_bytes()
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    text = decode(raw)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        header = next(reader, None)
        line = reader.line_num + 1
        for record in reader:
            if any(cell.strip() for cell in record):
                records.append((line, record))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise BadInput(f"line {line}: malformed CSV ({exc})") from None
    if not header or not any(h.strip() for h in header):
        raise BadInput("the CSV file has no header row")
    header = [h.strip() for h in header]
    columns, ignored = _map_columns(header, kind, mapping)
    if not columns:
        raise BadInput(f"no column matches a {kind.name} field; use --map COLUMN=FIELD")
    index = {h: i for i, h in enumerate(header)}
    table = Table(columns, ignored)
    for name in set(columns.values()):
        if kind.by_name[name].type == DATE:
            cols = [h for h, t in columns.items() if t == name]
            values = [r[index[c]] for _, r in records for c in cols if index[c] < len(r)]
            fmt = date_format or detect_date_format(values)
            if fmt:
                table.date_formats[name] = fmt
    for line, record in records:
        if len(record) > len(header):
            table.rows.append(
                (line, {"__error__": f"{len(record)} cells for {len(header)} columns"})
            )
            continue
        values: dict[str, Any] = {}
        for h, name in columns.items():
            cell = record[index[h]].strip() if index[h] < len(record) else ""
            if not cell:
                continue
            f = kind.by_name[name]
            if f.type == DATE and name in table.date_formats:
                cell = _to_iso(cell, table.date_formats[name]) or cell
            if name in values:
                joiner = "\n\n" if f.type == MARKDOWN else ","
                values[name] = f"{values[name]}{joiner}{cell}"
            else:
                values[name] = cell
        table.rows.append((line, values))
    return table


def derive_title(kind: Kind, values: dict[str, Any]) -> str | None:
    """A title from the first sentence of the text, for register rows that lack one."""
    if kind.title_field != "title" or values.get("title"):
        return None
    for f in kind.fields:
        text = values.get(f.name)
        if f.type == MARKDOWN and isinstance(text, str) and text.strip():
            first_line = text.strip().split("\n", 1)[0]
            first = re.split(r"(?<=[.!?])\s", first_line, maxsplit=1)[0].strip(" _")
            if len(first) > TITLE_CUT:
                first = first[:TITLE_CUT].rsplit(" ", 1)[0] + "…"
            return first
    return None


def validate_rows(
    table: Table,
    kind: Kind,
    defaults: dict[str, Any],
    live_ref: Callable[[str, str | None], str],
    *,
    skip_bad: bool,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Validate every row: the contents to write, and the report (``imported`` still 0).

    Names in reference fields become ids through ``live_ref``; any bad row refuses
    the whole file unless ``skip_bad``."""
    cache: dict[tuple[str, str], str] = {}
    contents: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    derived: list[int] = []
    for line, values in table.rows:
        try:
            if "__error__" in values:
                raise BadInput(values["__error__"])
            title = derive_title(kind, values)
            if title:
                values["title"] = title
                derived.append(line)
            for f in kind.fields:
                raw = values.get(f.name)
                if f.type in (REF, REFS) and raw:
                    names = [raw] if f.type == REF else [n for n in raw.split(",") if n.strip()]
                    ids = []
                    for n in names:
                        ck = (f.ref_kind or "", n.strip())
                        if ck not in cache:
                            cache[ck] = live_ref(n, f.ref_kind)
                        ids.append(cache[ck])
                    values[f.name] = ids[0] if f.type == REF else ids
            contents.append(validate(kind.name, values, defaults=defaults))
        except BadInput as exc:
            rejected.append({"line": line, "reason": str(exc)})
    if rejected and not skip_bad:
        first = "; ".join(f"line {r['line']}: {r['reason']}" for r in rejected[:3])
        raise BadInput(
            f"{len(rejected)} bad row(s), nothing imported (--skip-bad imports the rest): {first}"
        )
    return contents, {
        "imported": 0,
        "rejected": rejected,
        "derived_titles": derived,
        "columns": table.columns,
        "ignored_columns": table.ignored,
        "date_formats": table.date_formats,
    }
