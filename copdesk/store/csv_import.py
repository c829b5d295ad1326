"""Bulk import of an existing register exported from a spreadsheet.

Spreadsheets in French plants come as UTF-8, UTF-8 with BOM or Windows-1252,
separated by commas or semicolons, with dates as 06/12/2024 or 2024-12-06.
We detect all of that, map columns to fields by name (case, accents and spaces
ignored, English or French labels), and write every row or none (unless
``skip_bad``) in one transaction. A row with text but no title gets its first
sentence as title (registers often leave the title empty); the report lists them.

The file is read twice and never held whole: a first pass finds the encoding, the
separator, the columns and the date format of each date column (and refuses a
malformed file before anything is written); the second yields the rows one by one,
which the import validates and writes a chunk at a time (100,000 rows in constant
memory).
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

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
    """A CSV file once read through: where its columns go. :meth:`rows` reads it again,
    a row at a time."""

    columns: dict[str, str]  # column -> field
    ignored: list[str]
    date_formats: dict[str, str] = field(default_factory=dict)
    path: Path | None = None
    encoding: str = "utf-8-sig"
    delimiter: str = ","
    header: list[str] = field(default_factory=list)
    kind: Kind | None = None

    def rows(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """(line, {field: value}) of each non-empty row, in the file's order."""
        assert self.path is not None and self.kind is not None
        kind, columns = self.kind, self.columns
        index = {h: i for i, h in enumerate(self.header)}
        with _open(self.path, self.encoding) as f:
            for line, record in _records(f, self.delimiter)[1]:
                if len(record) > len(self.header):
                    yield line, {"__error__": f"{len(record)} cells for {len(self.header)} columns"}
                    continue
                values: dict[str, Any] = {}
                for h, name in columns.items():
                    cell = record[index[h]].strip() if index[h] < len(record) else ""
                    if not cell:
                        continue
                    spec = kind.by_name[name]
                    if spec.type == DATE and name in self.date_formats:
                        cell = _to_iso(cell, self.date_formats[name]) or cell
                    if name in values:
                        joiner = "\n\n" if spec.type == MARKDOWN else ","
                        values[name] = f"{values[name]}{joiner}{cell}"
                    else:
                        values[name] = cell
                yield line, values


def _open(path: Path, encoding: str) -> TextIO:
    try:
        return open(path, encoding=encoding, newline="")
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None


def _records(f: TextIO, delimiter: str) -> tuple[list[str] | None, Iterator[tuple[int, list[str]]]]:
    """The header, and the (line, cells) of each later row that has any text."""
    reader = csv.reader(f, delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise BadInput(f"line 1: malformed CSV ({exc})") from None

    def records() -> Iterator[tuple[int, list[str]]]:
        line = reader.line_num + 1
        try:
            for record in reader:
                if any(cell.strip() for cell in record):
                    yield line, record
                line = reader.line_num + 1
        except csv.Error as exc:
            raise BadInput(f"line {line}: malformed CSV ({exc})") from None

    return header, records()


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
    """Read the file through once (encoding, separator, columns, date formats, a
    malformed line); its rows come later from :meth:`Table.rows`."""
    regular_file(path, "a CSV file")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise BadInput(f"cannot read {path}: {exc.strerror}") from None
    if size > MAX_CSV:
        raise BadInput(f"the CSV file is larger than {MAX_CSV // (1024 * 1024)} MiB")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return _first_pass(path, kind, mapping, date_format, encoding)
        except UnicodeDecodeError:
            continue
    raise BadInput("the CSV file is neither UTF-8 nor Windows-1252 text")


def _first_pass(
    path: Path, kind: Kind, mapping: Mapping[str, str], date_format: str | None, encoding: str
) -> Table:
    with _open(path, encoding) as f:
        delimiter = _delimiter(f.read(65536))
        f.seek(0)
        header, records = _records(f, delimiter)
        if header is None:
            raise BadInput("the CSV file has no header row")
        header = [h.strip() for h in header]
        if not any(header):
            raise BadInput("the CSV file has no header row")
        columns, ignored = _map_columns(header, kind, mapping)
        if not columns:
            raise BadInput(f"no column matches a {kind.name} field; use --map COLUMN=FIELD")
        index = {h: i for i, h in enumerate(header)}
        dates = {
            name: [index[h] for h, t in columns.items() if t == name]
            for name in set(columns.values())
            if kind.by_name[name].type == DATE
        }
        values: dict[str, list[str]] = {name: [] for name in dates}
        for _line, record in records:  # read through: a malformed line refuses the file
            for name, cols in dates.items():
                values[name].extend(record[c] for c in cols if c < len(record))
    table = Table(columns, ignored, {}, path, encoding, delimiter, header, kind)
    for name in dates:
        fmt = date_format or detect_date_format(values[name])
        if fmt:
            table.date_formats[name] = fmt
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


def report_of(table: Table) -> dict[str, Any]:
    """The import's report, filled in as the rows are validated and written."""
    return {
        "imported": 0,
        "rejected": [],
        "derived_titles": [],
        "columns": table.columns,
        "ignored_columns": table.ignored,
        "date_formats": table.date_formats,
    }


def validated_rows(
    table: Table,
    kind: Kind,
    defaults: dict[str, Any],
    live_ref: Callable[[str, str | None], str],
    report: dict[str, Any],
) -> Iterator[dict[str, Any]]:
    """The validated content of each good row, one at a time; bad rows go to
    ``report["rejected"]`` and titles taken from the text to ``derived_titles``.
    Names in reference fields become ids through ``live_ref``."""
    cache: dict[tuple[str, str], str] = {}
    for line, values in table.rows():
        try:
            if "__error__" in values:
                raise BadInput(values["__error__"])
            title = derive_title(kind, values)
            if title:
                values["title"] = title
                report["derived_titles"].append(line)
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
            content = validate(kind.name, values, defaults=defaults)
        except BadInput as exc:
            report["rejected"].append({"line": line, "reason": str(exc)})
            continue
        yield content


def refused(report: dict[str, Any]) -> BadInput:
    """Bad rows without ``--skip-bad``: the whole file is refused."""
    rejected = report["rejected"]
    first = "; ".join(f"line {r['line']}: {r['reason']}" for r in rejected[:3])
    return BadInput(
        f"{len(rejected)} bad row(s), nothing imported (--skip-bad imports the rest): {first}"
    )
