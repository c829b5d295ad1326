"""The workspace glossary: groups of synonyms and acronyms applied at query time.

``glossary add TRS "taux de rendement synthétique" OEE`` makes one group; a query
naming any member also finds the others. Entries are compared folded (case and
accents ignored). Adding a term that is already in a group extends that group.
"""

from __future__ import annotations

import sqlite3

from copdesk.errors import BadInput
from copdesk.search.analysis import words
from copdesk.search.query import Clause, ParsedQuery


def entry_key(term: str) -> str:
    return " ".join(words(term))


def groups(conn: sqlite3.Connection) -> list[list[str]]:
    out: dict[int, list[str]] = {}
    for grp, term in conn.execute("SELECT grp, term FROM glossary ORDER BY grp, rowid"):
        out.setdefault(grp, []).append(term)
    return list(out.values())


def add(conn: sqlite3.Connection, terms: list[str]) -> list[str]:
    """Add terms as one group (merging groups they already belong to); returns the group."""
    cleaned = [" ".join(t.split()) for t in terms if t and t.strip()]
    keys = {entry_key(t): t for t in cleaned if entry_key(t)}
    if len(keys) < 2:
        raise BadInput("a glossary entry needs at least two different terms")
    found = conn.execute(
        f"SELECT DISTINCT grp FROM glossary WHERE key IN ({','.join('?' * len(keys))})",
        list(keys),
    ).fetchall()
    target = (
        found[0][0]
        if found
        else (conn.execute("SELECT coalesce(max(grp), 0) + 1 FROM glossary").fetchone()[0])
    )
    for (other,) in found[1:]:
        conn.execute("UPDATE glossary SET grp = ? WHERE grp = ?", (target, other))
    for k, term in keys.items():
        conn.execute(
            "INSERT INTO glossary (grp, term, key) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING",
            (target, term, k),
        )
    return [t for (t,) in conn.execute("SELECT term FROM glossary WHERE grp = ?", (target,))]


def remove(conn: sqlite3.Connection, term: str) -> list[str]:
    """Remove a term; a group left with one term disappears. Returns what was removed."""
    row = conn.execute("SELECT grp FROM glossary WHERE key = ?", (entry_key(term),)).fetchone()
    if row is None:
        raise BadInput(f"{term!r} is not in the glossary")
    conn.execute("DELETE FROM glossary WHERE key = ?", (entry_key(term),))
    left = conn.execute("SELECT term FROM glossary WHERE grp = ?", (row[0],)).fetchall()
    if len(left) < 2:
        conn.execute("DELETE FROM glossary WHERE grp = ?", (row[0],))
        return [term, *(t for (t,) in left)]
    return [term]


def expansions(conn: sqlite3.Connection) -> dict[tuple[str, ...], list[str]]:
    """Folded word sequence of each entry -> the other terms of its group."""
    table: dict[tuple[str, ...], list[str]] = {}
    for group in groups(conn):
        for term in group:
            table[tuple(entry_key(term).split())] = [t for t in group if t != term]
    return table


def apply(parsed: ParsedQuery, table: dict[tuple[str, ...], list[str]]) -> None:
    """Add a glossary group's other terms as alternatives of the words naming it."""
    if not table:
        return
    longest = max(len(k) for k in table)
    out: list[Clause] = []
    clauses = parsed.clauses
    i = 0
    while i < len(clauses):
        c = clauses[i]
        matched = False
        if not c.negated:
            for n in range(min(longest, len(clauses) - i), 0, -1):
                run = clauses[i : i + n]
                if any(r.negated or r.alternatives for r in run[1:]):
                    continue
                key = tuple(w for r in run for w in words(r.text))
                if key in table:
                    text = " ".join(r.text for r in run)
                    merged = Clause(text, phrase=len(key) > 1, alternatives=list(c.alternatives))
                    merged.alternatives += [
                        Clause(t, phrase=len(t.split()) > 1) for t in table[key]
                    ]
                    out.append(merged)
                    i += n
                    matched = True
                    break
        if not matched:
            out.append(c)
            i += 1
    parsed.clauses = out
