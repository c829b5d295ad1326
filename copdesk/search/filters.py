"""Filters of a query (``kind:``, ``community:``, ``site:``, ``tag:``, ``status:``,
``priority:``, ``lang:``, ``author:``, dates): each becomes a Whoosh query over the
index's ID and numeric fields. A filter naming nothing (an unknown community, a
date like 2026-02-30) is a warning the user reads, never an empty result in silence.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from whoosh.query import And, AndNot, Every, NullQuery, NumericRange, Or, Query, Term

from copdesk.model.kinds import KINDS, LANGUAGES, PRIORITIES, STATUSES
from copdesk.model.text import fold
from copdesk.search.query import ParsedQuery
from copdesk.search.schema import INDEXED_KINDS

if TYPE_CHECKING:
    from copdesk.search.index import SearchIndex

Resolver = Callable[[str, str], list[str]]  # (name, kind) -> ids of the items it names


def _date_bound(text: str, fill: str) -> int | None:
    """'2024', '2024-06' or '2024-06-15' -> YYYYMMDD, missing parts filled (00 or 99)."""
    digits = text.replace("-", "")
    if not digits.isdigit() or len(digits) not in (4, 6, 8) or not text[:4].isdigit():
        raise ValueError(text)
    if len(digits) >= 6 and not 1 <= int(digits[4:6]) <= 12:
        raise ValueError(text)
    if len(digits) == 8:
        dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))  # 2026-02-30: refused
    return int((digits + fill * 4)[:8])


def _date_range(name: str, value: str) -> Query | None:
    """occurred:2023-01..2024-06, occurred:2024, occurred:..2024, updated:2025-03.."""
    start, sep, end = value.partition("..")
    if not sep:
        end = start
    if not (start or end):
        return None
    try:
        low = _date_bound(start, "0") if start else None
        high = _date_bound(end, "9") if end else None
    except ValueError:
        return None
    return NumericRange(name, low, high, constantscore=True)


class Filters:
    """Filters read against one index (site names are read from it once per change)."""

    def __init__(self, index: SearchIndex, conn: sqlite3.Connection, resolve: Resolver) -> None:
        self.index = index
        self.conn = conn
        self.resolve = resolve

    def _filter(self, name: str, value: str, warnings: list[str]) -> Query:
        v = fold(value)
        if name == "kind":
            if v not in INDEXED_KINDS:
                warnings.append(
                    f"kind:{value} is not a searchable kind ({', '.join(INDEXED_KINDS)})"
                )
                return NullQuery
            return Term("kind", v)
        if name in ("community", "author"):
            kind = "community" if name == "community" else "person"
            found = self.resolve(value, kind)
            if not found:
                warnings.append(f"no {KINDS[kind].en.lower()} named {value!r}")
                return NullQuery
            return Or([Term(name, i) for i in found])
        if name == "site":
            return Or(
                [
                    Term("site", v),
                    *(Term("site", s) for s in self._site_terms() if v in s.split() and s != v),
                ]
            )
        if name == "tag":
            return Term("tag", v)
        if name == "filetype":  # file:pdf, fichier:xlsx
            return Term("filetype", {"doc": "docx", "xls": "xlsx", "md": "markdown"}.get(v, v))
        if name in ("status", "priority", "language"):
            allowed = {"status": STATUSES, "priority": PRIORITIES, "language": LANGUAGES}[name]
            if v not in allowed:
                warnings.append(f"{name}:{value} is not one of {', '.join(allowed)}")
                return NullQuery
            return Term(name, v)
        rng = _date_range(name, value.strip())
        if rng is None:
            warnings.append(f"{name}:{value} is not a date or range like 2023-01..2024-06")
            return NullQuery
        return rng

    def _site_terms(self) -> list[str]:
        with self.index.searcher() as s:
            return [
                t.decode() if isinstance(t, bytes) else t for t in s.reader().field_terms("site")
            ]

    def query(self, parsed: ParsedQuery) -> Query | None:
        """The query of every filter of ``parsed`` (None: no filter); unknown names and
        values become warnings in ``parsed``, not errors."""
        groups: dict[tuple[str, bool], list[Query]] = {}
        for name, value, negated in parsed.filters:
            groups.setdefault((name, negated), []).append(
                self._filter(name, value, parsed.warnings)
            )
        required = [Or(qs) if len(qs) > 1 else qs[0] for (n, neg), qs in groups.items() if not neg]
        excluded = [q for (n, neg), qs in groups.items() if neg for q in qs]
        if not required and not excluded:
            return None
        query: Query = And(required) if required else Every()
        for q in excluded:
            query = AndNot(query, q)
        return query

    def site_names(self) -> dict[str, str]:
        """Folded site -> the spelling most items use (read again when the index changes)."""
        found = self.index.memo.get("site names")
        if found is None:
            rows = self.conn.execute(
                "SELECT json_extract(data, '$.site') AS s, count(*) FROM items"
                " WHERE deleted = 0 AND s IS NOT NULL GROUP BY s ORDER BY count(*)"
            )
            found = self.index.memo["site names"] = {fold(site): site for site, _ in rows}
        return found
