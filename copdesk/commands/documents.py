"""Commands on documents and files: add-document, documents, files, replace-file,
file-diff, extract."""

from __future__ import annotations

from argparse import Namespace
from typing import Any

from copdesk.commands.progress import counting
from copdesk.commands.registry import arg, command, opt
from copdesk.model.kinds import KINDS
from copdesk.textout import documents as text
from copdesk.workspace import Workspace

_DOC = KINDS["document"].by_name


@command(
    "add-document",
    help="store files as a document (procedure, manual, standard…) whose text is searched",
    text=text.added,
    args=[
        arg("files", nargs="+", metavar="FILE"),
        opt("--title", metavar="TITLE", help="default: the first file's name"),
        opt("--community", metavar="COMMUNITY"),
        opt("--description", metavar="TEXT"),
        opt("--source", metavar="SOURCE", help="a reference, a supplier, an internal number"),
        opt("--version", dest="doc_version", metavar="VERSION"),
        opt("--revised", metavar="DATE", help="revision date, YYYY-MM-DD"),
        opt("--review-due", metavar="DATE"),
        opt("--tag", action="append", metavar="TAG"),
        opt("--status", choices=_DOC["status"].choices),
        opt("--visibility", choices=_DOC["visibility"].choices),
        opt("--language", choices=_DOC["language"].choices),
    ],
)
def add_document(ws: Workspace, a: Namespace) -> dict[str, Any]:
    given = {
        "title": a.title,
        "community": a.community,
        "description": a.description,
        "source": a.source,
        "version": a.doc_version,
        "revised_on": a.revised,
        "review_due": a.review_due,
        "tags": a.tag,
        "status": a.status,
        "visibility": a.visibility,
        "language": a.language,
    }
    return ws.documents.add(a.files, {k: v for k, v in given.items() if v})


@command(
    "documents",
    help="list documents with their files' formats and what could not be read",
    text=text.listing,
    args=[
        opt("--community", metavar="COMMUNITY"),
        opt("--status", choices=_DOC["status"].choices),
        opt("--tag", metavar="TAG"),
        opt("--type", dest="file_type", metavar="FORMAT", help="pdf, docx, xlsx, odt, ods…"),
    ],
)
def documents(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    return ws.documents.list(
        community=a.community, status=a.status, tag=a.tag, file_type=a.file_type
    )


@command(
    "files",
    help="an item's files and what was read of each (--history: every version)",
    text=text.files_or_versions,
    args=[arg("id", metavar="ID"), opt("--history", action="store_true")],
)
def files(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    return ws.documents.versions(a.id) if a.history else ws.documents.files(a.id)


@command(
    "replace-file",
    help="a new version of a document's file (the old one stays in its history)",
    text=text.replaced,
    args=[
        arg("id", metavar="ID"),
        arg("file", metavar="FILE"),
        opt("--file-id", metavar="ID", help="which file, when the document has several"),
        opt("--name", metavar="NAME", help="file name to show (default: the file's)"),
        opt("--version", dest="doc_version", metavar="VERSION", help="the document's new version"),
        opt("--revised", metavar="DATE", help="the document's new revision date"),
    ],
)
def replace_file(ws: Workspace, a: Namespace) -> dict[str, Any]:
    changes = {"version": a.doc_version, "revised_on": a.revised}
    return ws.documents.replace(
        a.id,
        a.file,
        attachment=a.file_id,
        name=a.name,
        changes={k: v for k, v in changes.items() if v},
    )


@command(
    "file-diff",
    help="what changed in the text between two versions of a file (SHA-256 prefixes)",
    text=text.diff,
    args=[arg("old", metavar="OLD"), arg("new", metavar="NEW")],
)
def file_diff(ws: Workspace, a: Namespace) -> list[str]:
    return ws.documents.diff(a.old, a.new)


@command(
    "extract",
    help="read the text of stored files not read yet (--all: every file again)",
    text=text.read,
    args=[opt("--all", dest="every", action="store_true")],
)
def extract(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.documents.read(every=a.every, progress=counting(a, "reading"))
