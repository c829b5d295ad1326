"""Index documents built from the database (the index holds nothing else).

Which database changes touch which documents: an item's own change touches its
document; a rating touches its person (people are found by their skills); a
renamed skill touches everyone rated on it.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from copdesk.model.kinds import LEVELS
from copdesk.model.text import fold
from copdesk.search.analysis import words
from copdesk.search.schema import INDEXED_KINDS, WITH_FILES
from copdesk.store import extracts

MAX_FILE_TEXT = 2_000_000  # characters of an item's files' text that are indexed
Files = tuple[str, list[str]]  # the text read from an item's files, and their formats

# Which content fields feed which weighted part, per kind.
PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "rex": {
        "title": ("title",),
        "main": ("summary", "lessons"),
        "body": ("facts", "causes", "actions", "recommendations", "evidence", "asset", "site"),
    },
    "howto": {
        "title": ("title",),
        "main": ("goal", "steps"),
        "body": ("activity", "prerequisites", "tips", "safety", "rationale"),
    },
    "document": {
        "title": ("title",),
        "main": ("description",),
        "body": ("source", "version"),
    },
    "question": {"title": ("title",), "main": ("body",), "body": ()},
    "community": {"title": ("name",), "main": ("charter",), "body": ()},
    "person": {"title": ("name",), "main": ("job_title", "department", "site"), "body": ()},
    "skill": {"title": ("name",), "main": ("domain", "description"), "body": ()},
}


def _join(values: Iterable[Any]) -> str:
    return "\n".join(str(v) for v in values if v not in (None, "", []))


def document(
    item_id: str,
    kind: str,
    data: dict[str, Any],
    row: dict[str, Any],
    language: str,
    skills: list[tuple[str, str, int]] | None = None,
    seen_words: set[str] | None = None,
    files: Files | None = None,
) -> dict[str, Any]:
    """The Whoosh document of one live item.

    ``seen_words`` (a rebuild): the spelling words already given to an earlier
    document are left out, so each word is written once, not once per item.
    ``files``: the text read from its files, part of its text (where in which file a
    hit is, is found again from the stored text: see copdesk.search.places)."""
    lang = data.get("language") or language
    parts = {part: _join(data.get(f) for f in fields) for part, fields in PARTS[kind].items()}
    tags = [fold(t) for t in data.get("tags", [])]
    if kind == "person" and skills:
        # "Who knows brazing?": a person's skills are part of their text
        parts["body"] = _join(
            f"{name} {domain} {LEVELS[level][1]}" for name, domain, level in skills
        )
    file_text = files[0][:MAX_FILE_TEXT] if files else ""
    text = "\n".join(p for p in (parts["main"], parts["body"], file_text) if p)
    doc: dict[str, Any] = {
        "id": item_id,
        "kind": kind,
        # tags count as title words: short, chosen, telling
        f"title_{lang}": _join([parts["title"], *data.get("tags", [])]),
        f"text_{lang}": text,
        "language": lang,
    }
    own = "\n".join(p for p in (parts["main"], parts["body"]) if p)
    # a file's words are not offered as spelling suggestions (an OCR'd manual's typos)
    spelling = list(dict.fromkeys(words(f"{parts['title']} {own} {' '.join(tags)}")))
    if seen_words is not None:
        spelling = [w for w in spelling if w not in seen_words]
        seen_words.update(spelling)
    if spelling:
        doc["words"] = spelling
    if tags:
        doc["tag"] = ",".join(t.replace(",", " ") for t in tags)
    if files and files[1]:
        doc["filetype"] = ",".join(files[1])
    for name in ("status", "priority"):
        if data.get(name):
            doc[name] = data[name]
    if row.get("community"):
        doc["community"] = row["community"]
    if data.get("site"):
        doc["site"] = fold(data["site"])
    if row.get("created_by"):
        doc["author"] = row["created_by"]
    if data.get("occurred_on"):
        doc["occurred"] = date_number(data["occurred_on"])
    if row.get("updated_at"):
        doc["updated"] = date_number(row["updated_at"])
    return doc


def date_number(iso: str) -> int:
    """2024-03-10 (or a longer ISO time) -> 20240310."""
    return int(iso[:10].replace("-", ""))


def person_skills(conn: sqlite3.Connection, person_ids: Iterable[str] | None = None) -> dict:
    """person id -> [(skill name, domain, level)] of current, non-zero ratings."""
    sql = (
        "SELECT json_extract(r.data, '$.person'), s.title, json_extract(s.data, '$.domain'),"
        " json_extract(r.data, '$.level') FROM items r JOIN items s"
        " ON s.id = json_extract(r.data, '$.skill')"
        " WHERE r.kind = 'rating' AND r.deleted = 0 AND s.deleted = 0"
        " AND json_extract(r.data, '$.level') > 0"
    )
    params: list[str] = []
    if person_ids is not None:
        ids = list(person_ids)
        if not ids:
            return {}
        sql += f" AND json_extract(r.data, '$.person') IN ({','.join('?' * len(ids))})"
        params = ids
    out: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for person, name, domain, level in conn.execute(sql, params):
        out[person].append((name, domain or "", int(level)))
    return out


_ROW_SQL = (
    "SELECT id, kind, deleted, data, community, created_by, updated_at FROM items"
    f" WHERE kind IN ({','.join(repr(k) for k in INDEXED_KINDS)})"
)


def _files(conn: sqlite3.Connection, rows: list[dict[str, Any]]) -> dict[str, Files]:
    return extracts.texts_of(conn, [r["id"] for r in rows if r["kind"] in WITH_FILES])


def _rows(cursor: Iterable[tuple]) -> Iterator[dict[str, Any]]:
    for item_id, kind, deleted, data, community, created_by, updated_at in cursor:
        yield {
            "id": item_id,
            "kind": kind,
            "deleted": deleted,
            "data": json.loads(data),
            "community": community,
            "created_by": created_by,
            "updated_at": updated_at,
        }


def _documents(
    conn: sqlite3.Connection,
    rows: list[dict[str, Any]],
    language: str,
    skills: Mapping[str, Any],
    seen: set[str] | None,
) -> Iterator[dict[str, Any]]:
    """The index documents of ``rows`` (one read of their files' text for them all)."""
    files = _files(conn, rows)
    for row in rows:
        yield document(
            row["id"],
            row["kind"],
            row["data"],
            row,
            language,
            skills.get(row["id"]),
            seen,
            files.get(row["id"]),
        )


def all_documents(conn: sqlite3.Connection, language: str) -> Iterator[dict[str, Any]]:
    """Every live indexed item, for a full rebuild."""
    skills = person_skills(conn)
    seen: set[str] = set()
    cursor = conn.execute(_ROW_SQL + " AND deleted = 0 ORDER BY change")
    while rows := list(_rows(cursor.fetchmany(500))):
        yield from _documents(conn, rows, language, skills, seen)


def count_indexable(conn: sqlite3.Connection) -> int:
    sql = _ROW_SQL.replace(
        "SELECT id, kind, deleted, data, community, created_by, updated_at", "SELECT count(*)"
    )
    return conn.execute(sql + " AND deleted = 0").fetchone()[0]


def changes_after(conn: sqlite3.Connection, reached: int, limit: int) -> tuple[set[str], int, int]:
    """The next batch of database changes after ``reached`` (at most ``limit``): the ids
    of the documents to refresh, the newest change of the batch and how many changes
    it holds (0: the index is up to date). Only the ids are read, never the texts."""
    rows = conn.execute(
        "SELECT id, kind, change, CASE kind WHEN 'rating' THEN json_extract(data, '$.person')"
        " END, CASE kind WHEN 'attachment' THEN json_extract(data, '$.target') END"
        " FROM items WHERE change > ? ORDER BY change LIMIT ?",
        (reached, limit),
    ).fetchall()
    touched: set[str] = set()
    for item_id, kind, _change, person, target in rows:
        if kind in INDEXED_KINDS:
            touched.add(item_id)
        if kind == "rating" and person:
            touched.add(person)
        if kind == "attachment" and target:  # a file added, replaced or removed
            touched.add(target)  # its item's text
        if kind == "skill":
            touched.update(
                json.loads(d)["person"]
                for (d,) in conn.execute(
                    "SELECT r.data FROM refs f JOIN items r ON r.id = f.item_id"
                    " WHERE f.target = ? AND f.field = 'skill' AND r.kind = 'rating'",
                    (item_id,),
                )
            )
    return touched, (rows[-1][2] if rows else reached), len(rows)


def documents_for(
    conn: sqlite3.Connection, ids: set[str], language: str, spelling_once: bool = False
) -> Iterator[dict[str, Any]]:
    """The documents of the touched items that are live, read 500 at a time (the ids
    of the others are simply deleted from the index); ``spelling_once``: each spelling
    word written once for the whole batch, as a rebuild does."""
    seen: set[str] | None = set() if spelling_once else None
    id_list = sorted(ids)
    for start in range(0, len(id_list), 500):
        chunk = id_list[start : start + 500]
        cursor = conn.execute(
            _ROW_SQL + f" AND deleted = 0 AND id IN ({','.join('?' * len(chunk))})", chunk
        )
        rows = list(_rows(cursor))
        skills = person_skills(conn, [r["id"] for r in rows if r["kind"] == "person"])
        yield from _documents(conn, rows, language, skills, seen)


def texts(
    conn: sqlite3.Connection, ids: Iterable[str], language: str
) -> dict[str, tuple[str, str, str]]:
    """Item id -> (language, title text, body text) as indexed (feedback, similar items)."""
    wanted = list(dict.fromkeys(ids))
    out: dict[str, tuple[str, str, str]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        cursor = conn.execute(_ROW_SQL + f" AND id IN ({','.join('?' * len(chunk))})", chunk)
        for row in _rows(cursor):
            doc = document(row["id"], row["kind"], row["data"], row, language)
            lang = doc["language"]
            out[row["id"]] = (lang, doc[f"title_{lang}"], doc[f"text_{lang}"])
    return out
