"""Commands on items: add, edit, list, show, history, restore, delete, links,
attachments, comments, and a register imported from CSV."""

from __future__ import annotations

from argparse import Namespace
from typing import Any

from copdesk.commands.inputs import fields, kind_in
from copdesk.commands.progress import counting, emitter
from copdesk.commands.registry import Reply, arg, command, one_of, opt
from copdesk.errors import BadInput
from copdesk.model.kinds import KINDS, USER_KINDS
from copdesk.textout import items as text
from copdesk.workspace import Workspace

KIND = arg("kind", type=kind_in(USER_KINDS), metavar="KIND", help=", ".join(USER_KINDS))
ITEM = arg("id", metavar="ID")
# --json FILE is input here: the item comes back as JSON (JSON in, JSON out) unless --id
ITEM_INPUT = (
    one_of(
        opt("--json", dest="json_input", metavar="FILE|-", help="fields as a JSON object"),
        opt("--file", metavar="FILE.md", help="fields in the Markdown form"),
        required=True,
    ),
    opt("--id", dest="id_only", action="store_true", help="print only the id"),
)


def _json_in_json_out(a: Namespace) -> bool:
    return a.json_input is not None and not a.id_only


@command(
    "add",
    help="add an item from JSON or a Markdown file",
    json=False,
    as_json=_json_in_json_out,
    text=text.ident,
    args=[KIND, *ITEM_INPUT],
)
def add(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.items.add(a.kind, fields(a, a.kind))


@command(
    "edit",
    help="change the given fields (a new revision)",
    json=False,
    as_json=_json_in_json_out,
    text=text.edited,
    args=[ITEM, *ITEM_INPUT],
)
def edit(ws: Workspace, a: Namespace) -> Reply:
    before = ws.items.get(a.id)
    item = ws.items.edit(a.id, fields(a, before["kind"]))
    return Reply(item, changed=item["rev"] != before["rev"])


@command(
    "list",
    help="list current items of a kind",
    text=text.listing,
    args=[
        KIND,
        opt("--community", metavar="C"),
        opt("--status", metavar="S"),
        opt("--tag", metavar="T"),
        opt("--deleted", action="store_true", help="list deleted items instead"),
    ],
)
def list_(ws: Workspace, a: Namespace) -> Reply:
    # streamed: the printer writes each row as SQLite reads it (100,000 items, little memory)
    rows = ws.items.rows(
        a.kind, community=a.community, status=a.status, tag=a.tag, deleted=a.deleted
    )
    return Reply(rows, kind=a.kind)


@command(
    "show",
    help="show one item",
    text=text.item,
    args=[ITEM, opt("--html", action="store_true", help="print a standalone HTML page")],
)
def show(ws: Workspace, a: Namespace) -> Reply:
    return Reply(ws.items.get(a.id), language=ws.language, html=a.html)


@command("history", help="list an item's revisions", text=text.history, args=[ITEM])
def history(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    return ws.items.history(a.id)


@command(
    "restore",
    help="make an old revision current again",
    json=False,
    text=text.restored,
    args=[ITEM, arg("rev_id", metavar="REV_ID")],
)
def restore(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.items.restore(a.id, a.rev_id)


@command(
    "delete", help="delete an item (its history stays)", json=False, text=text.deleted, args=[ITEM]
)
def delete(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.items.delete(a.id)


STATUS_COMMANDS = {
    "propose": ("proposed", "propose an item for validation (its author, or a contributor)"),
    "validate": ("validated", "validate an item, or validate it again after a change"),
    "send-back": ("draft", "send an item back to its author, saying why (--comment)"),
    "obsolete": ("obsolete", "mark an item obsolete (its history stays)"),
}


def _status_command(name: str, status: str, help: str) -> None:
    @command(
        name,
        help=help,
        text=text.status_set,
        args=[ITEM, opt("--comment", metavar="TEXT", help="why (kept as a comment)")],
    )
    def change(ws: Workspace, a: Namespace) -> dict[str, Any]:
        return ws.items.set_status(a.id, status, comment=a.comment)


for _name, (_status, _help) in STATUS_COMMANDS.items():
    _status_command(_name, _status, _help)


@command(
    "link",
    help="link two items",
    text=text.linked,
    args=[
        arg("source", metavar="ID"),
        arg("target", metavar="ID"),
        opt("--type", default="related", choices=KINDS["link"].by_name["type"].choices),
    ],
)
def link(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.items.link(a.source, a.target, a.type)


@command(
    "attach",
    help="attach a file to an item",
    text=text.attached,
    args=[
        ITEM,
        arg("file", metavar="FILE"),
        opt("--name", metavar="NAME", help="file name to show (default: the file's)"),
    ],
)
def attach(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.items.attach(a.id, a.file, name=a.name)


@command(
    "comment",
    help="comment on an item",
    text=text.ident,
    args=[ITEM, arg("text", metavar="TEXT")],
)
def comment(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.items.comment(a.id, a.text)


@command(
    "import-csv",
    help="import a register exported as CSV",
    text=text.import_report,
    args=[
        KIND,
        arg("file", metavar="FILE"),
        opt("--map", action="append", metavar="COLUMN=FIELD", help="map a column"),
        opt("--skip-bad", action="store_true", help="import good rows, report bad ones"),
        opt("--date-format", metavar="FMT", help="e.g. %%d/%%m/%%Y (default: detected)"),
    ],
)
def import_csv(ws: Workspace, a: Namespace) -> dict[str, Any]:
    mapping: dict[str, str] = {}
    for spec in a.map or []:
        column, sep, target = spec.partition("=")
        if not sep or not column.strip():
            raise BadInput(f"--map expects COLUMN=FIELD (got {spec!r})")
        mapping[column.strip()] = target.strip()
    emit = emitter(a)  # rows written, then the index catching up once committed
    ws.search.progress = counting(a, "indexing")
    return ws.import_csv(
        a.kind,
        a.file,
        mapping=mapping,
        skip_bad=a.skip_bad,
        date_format=a.date_format,
        progress=(lambda rows: emit("importing", rows)) if emit else None,
    )
