"""The ``copdesk`` command line: a thin layer over :class:`copdesk.Workspace`.

Exit codes: 0 success, 1 the operation failed (deleted item, check failed),
2 bad usage or bad input. Errors are one line on stderr, never a traceback.
Only what a command needs is imported, so `copdesk list` starts fast.

For programs (the desktop window runs the long commands as child processes):
``--progress-json`` makes import, export, reindex, demo and sync-folder write one
JSON line per progress event on stderr, ``{"step": "checking", "done": 1,
"total": 5}`` (``total`` null when unknown); an import's ``indexing`` step means
the bundle is committed. With ``--json``, an import refused because its signer is
not trusted also prints ``{"error": MESSAGE, "untrusted": {"site", "name", "key",
"fingerprint"}}`` on stdout (exit 1, the usual line on stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from copdesk import textout
from copdesk.errors import BadInput, CopdeskError, UntrustedSite
from copdesk.model.kinds import KINDS, USER_KINDS
from copdesk.model.validate import MAX_BODY
from copdesk.paths import workspace_dir
from copdesk.workspace import Workspace


class _Parser(argparse.ArgumentParser):
    """argparse that reports bad usage in one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"copdesk: {message} (see `{self.prog} --help`)\n")


class _QueryParser(_Parser):
    """A command parser whose arguments may start with '-' (`search -huile`, `rate P S -1`):
    only the options a command declares are options."""

    def _parse_optional(self, arg_string: str):
        if (
            arg_string.startswith("-")
            and not arg_string.startswith("--")
            and arg_string not in self._option_string_actions
        ):
            return None  # a positional: part of the query
        return super()._parse_optional(arg_string)


def _read_input(source: str) -> str:
    """Text of a file or of stdin ('-'), refusing bodies over 2 MiB and non-UTF-8."""
    try:
        if source == "-":
            raw = sys.stdin.buffer.read(MAX_BODY + 1)
        else:
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


def _read_json(source: str) -> Any:
    text = _read_input(source)
    try:
        return json.loads(text, parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:
        raise BadInput(f"{source}: malformed JSON ({str(exc).splitlines()[0][:120]})") from None


def _fields(args: argparse.Namespace, kind: str | None) -> dict[str, Any]:
    """Item fields from --json or --file (Markdown form)."""
    if args.json_input is not None:
        data = _read_json(args.json_input)
        if not isinstance(data, dict):
            raise BadInput("the JSON must be an object with the item's fields")
        return data
    from copdesk.model.markdown_form import parse
    from copdesk.model.validate import kind_of

    if kind is None:
        raise BadInput("--file needs the kind of item")
    return parse(kind_of(kind), _read_input(args.file))


def _progress_json(args: argparse.Namespace) -> Callable[..., None] | None:
    """With ``--progress-json``: a function writing one progress event per call to stderr,
    ``{"step": STEP, "done": N, "total": M}`` (``total`` is null when unknown)."""
    if not getattr(args, "progress_json", False):
        return None

    def emit(step: str, done: int = 0, total: int | None = None) -> None:
        sys.stderr.write(json.dumps({"step": step, "done": done, "total": total}) + "\n")
        sys.stderr.flush()

    return emit


def _print_json(data: Any) -> None:
    if isinstance(data, list):
        # one item per line: fast for 100,000 items and still readable
        sys.stdout.write("[\n")
        sys.stdout.write(",\n".join(json.dumps(d, ensure_ascii=False) for d in data))
        sys.stdout.write("\n]\n" if data else "]\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


# -- commands --------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    path = workspace_dir(args.workspace)
    with Workspace.create(path, args.site, language=args.language) as ws:
        print(f"created workspace {ws.path} for site {ws.site_name!r} ({ws.site_id})")
    return 0


def cmd_status(args: argparse.Namespace, ws: Workspace) -> int:
    summary = ws.summary()
    if args.json:
        _print_json(summary)
    else:
        textout.summary(summary)
    return 0


def cmd_use(args: argparse.Namespace, ws: Workspace) -> int:
    if args.clear:
        ws.use(None)
        print("no current person")
    elif args.person:
        person = ws.use(args.person)
        assert person is not None
        print(f"now writing as {person['name']} ({person['id']})")
    else:
        who = ws.current_person
        print(f"{ws.items.get(who)['name']} ({who})" if who else "no current person")
    return 0


def cmd_demo(args: argparse.Namespace, ws: Workspace) -> int:
    emit = _progress_json(args)
    if emit:
        emit("demo", 0, 1)
    counts = ws.load_demo()
    if emit:
        emit("demo", 1, 1)
    added = sum(counts.values())
    if args.json:
        _print_json(counts)
    elif added:
        print("demo content added: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v))
    else:
        print("demo content already present: nothing added")
    return 0


def cmd_add(args: argparse.Namespace, ws: Workspace) -> int:
    item = ws.items.add(args.kind, _fields(args, args.kind))
    if args.json_input is not None and not args.id_only:
        _print_json(item)  # JSON in, JSON out
    else:
        print(item["id"])
    return 0


def cmd_edit(args: argparse.Namespace, ws: Workspace) -> int:
    before = ws.items.get(args.id)
    item = ws.items.edit(args.id, _fields(args, before["kind"]))
    if args.json_input is not None and not args.id_only:
        _print_json(item)
    else:
        print(f"{item['id']} {'unchanged' if item['rev'] == before['rev'] else 'updated'}")
    return 0


def cmd_list(args: argparse.Namespace, ws: Workspace) -> int:
    rows = ws.items.list(
        args.kind,
        community=args.community,
        status=args.status,
        tag=args.tag,
        deleted=args.deleted,
    )
    if args.json:
        _print_json(rows)
    else:
        textout.listing(args.kind, rows)
    return 0


def cmd_show(args: argparse.Namespace, ws: Workspace) -> int:
    item = ws.items.get(args.id)
    if args.json:
        _print_json(item)
    elif args.html:
        from copdesk.render import item_html

        sys.stdout.write(item_html(item, ws.language))
    else:
        textout.item(item, ws.language)
    return 0


def cmd_history(args: argparse.Namespace, ws: Workspace) -> int:
    history = ws.items.history(args.id)
    if args.json:
        _print_json(history)
    else:
        textout.history(history)
    return 0


def cmd_restore(args: argparse.Namespace, ws: Workspace) -> int:
    item = ws.items.restore(args.id, args.rev_id)
    print(f"{item['id']} restored (now revision {item['rev'][:12]})")
    return 0


def cmd_delete(args: argparse.Namespace, ws: Workspace) -> int:
    done = ws.items.delete(args.id)
    print(f"{done['id']} deleted ({done['kind']} {done['title']!r}); `copdesk history` keeps it")
    return 0


def cmd_member(args: argparse.Namespace, ws: Workspace) -> int:
    if not args.remove and not args.role:
        raise BadInput("member needs --role ROLE (or --remove)")
    result = ws.people.member(
        args.community, args.person, args.role or "member", since=args.since, remove=args.remove
    )
    if args.json:
        _print_json(result)
    else:
        what = "removed" if args.remove else result["role"]
        person, community = ws.core.name(result["person"]), ws.core.name(result["community"])
        print(f"{person} in {community}: {what}")
    return 0


def cmd_rate(args: argparse.Namespace, ws: Workspace) -> int:
    rating = ws.people.rate(
        args.person,
        args.skill,
        args.level,
        interest=args.interest,
        evidence=args.evidence,
        valid_until=args.valid_until,
        assessed_on=args.assessed_on,
    )
    if args.json:
        _print_json(rating)
    else:
        print(
            f"{ws.items.get(rating['person'])['name']}: {rating['skill_name']} "
            f"level {rating['level']} ({rating['glyph']})"
        )
    return 0


def cmd_profile(args: argparse.Namespace, ws: Workspace) -> int:
    profile = ws.people.profile(args.person)
    if args.json:
        _print_json(profile)
    else:
        textout.profile(profile, ws.language)
    return 0


def cmd_link(args: argparse.Namespace, ws: Workspace) -> int:
    link = ws.items.link(args.source, args.target, args.type)
    if args.json:
        _print_json(link)
    else:
        print(f"{link['id']} {'linked' if link['created'] else 'already linked'} ({link['type']})")
    return 0


def cmd_attach(args: argparse.Namespace, ws: Workspace) -> int:
    att = ws.items.attach(args.id, args.file, name=args.name)
    if args.json:
        _print_json(att)
    else:
        state = "attached" if att["created"] else "already attached"
        print(
            f"{att['id']} {state}: {att['name']} ({att['size']} bytes, sha256 {att['sha256'][:12]})"
        )
    return 0


def cmd_comment(args: argparse.Namespace, ws: Workspace) -> int:
    comment = ws.items.comment(args.id, args.text)
    if args.json:
        _print_json(comment)
    else:
        print(comment["id"])
    return 0


def cmd_import_csv(args: argparse.Namespace, ws: Workspace) -> int:
    mapping: dict[str, str] = {}
    for spec in args.map or []:
        column, sep, target = spec.partition("=")
        if not sep or not column.strip():
            raise BadInput(f"--map expects COLUMN=FIELD (got {spec!r})")
        mapping[column.strip()] = target.strip()
    report = ws.import_csv(
        args.kind, args.file, mapping=mapping, skip_bad=args.skip_bad, date_format=args.date_format
    )
    if args.json:
        _print_json(report)
    else:
        textout.import_report(report)
    return 0


def cmd_check(args: argparse.Namespace, ws: Workspace) -> int:
    problems = ws.check()
    if args.json:
        _print_json({"ok": not problems, "problems": problems})
    elif problems:
        for p in problems:
            print(p)
    else:
        print("ok: database, revisions and attachments are intact")
    return 1 if problems else 0


def cmd_search(args: argparse.Namespace, ws: Workspace) -> int:
    result = ws.search.query(
        args.query,
        limit=args.limit,
        kind=args.kind,
        community=args.community,
        site=args.site,
        tag=args.tag,
        status=args.status,
    )
    if not result.get("usable", True):
        why = [w for w in result["warnings"] if w != "nothing to search for"]
        raise BadInput(f"nothing to search for in {args.query!r}" + (f" ({why[0]})" if why else ""))
    if args.json:
        _print_json(result)
    else:
        textout.search_results(result, color=sys.stdout.isatty())
    return 0


def cmd_who_knows(args: argparse.Namespace, ws: Workspace) -> int:
    result = ws.search.who_knows(args.query, limit=args.limit)
    if args.json:
        _print_json(result)
    else:
        textout.experts(result)
    return 0


def cmd_risks(args: argparse.Namespace, ws: Workspace) -> int:
    from copdesk.analytics.risks import text

    lines = ws.analytics.risks(site=args.site, limit=args.limit)
    if args.json:
        _print_json(lines)
    else:
        sys.stdout.write(text(lines))
    return 0


def cmd_network(args: argparse.Namespace, ws: Workspace) -> int:
    from copdesk.analytics.network import text_report

    result = ws.analytics.network(args.community)
    if args.json:
        _print_json(result)
    else:
        sys.stdout.write(text_report(result))
    return 0


def cmd_reindex(args: argparse.Namespace, ws: Workspace) -> int:
    emit = _progress_json(args)
    if emit:
        progress = lambda done, total: emit("indexing", done, total)  # noqa: E731
    else:
        progress = textout.progress_bar("indexing") if sys.stderr.isatty() else None
    done = ws.search.reindex(progress)
    if args.json:
        _print_json(done)
    else:
        print(f"indexed {done['documents']} items in {done['seconds']} s")
    return 0


def cmd_glossary(args: argparse.Namespace, ws: Workspace) -> int:
    if args.action == "add":
        group = ws.search.glossary_add(args.terms)
        print(" = ".join(group))
    elif args.action == "remove":
        for term in args.terms:
            removed = ws.search.glossary_remove(term)
            print("removed " + ", ".join(removed))
    elif args.json:
        _print_json(ws.search.glossary())
    else:
        groups = ws.search.glossary()
        for group in groups:
            print(" = ".join(group))
        if not groups:
            print('the glossary is empty: copdesk glossary add TRS "taux de rendement" OEE')
    return 0


# -- exchange between sites ------------------------------------------------------


def cmd_identity(args: argparse.Namespace, ws: Workspace) -> int:
    ident = ws.sites.identity()
    if args.json:
        _print_json(ident)
    else:
        textout.identity(ident)
    return 0


def cmd_sites(args: argparse.Namespace, ws: Workspace) -> int:
    sites = ws.sites.list()
    if args.json:
        _print_json(sites)
    else:
        textout.sites(sites)
    return 0


def cmd_trust(args: argparse.Namespace, ws: Workspace) -> int:
    if args.from_bundle:
        if args.site or args.key:
            raise BadInput("give either --from-bundle FILE or SITE_ID --key KEY")
        fingerprint = args.fingerprint
        if fingerprint is None:  # show it first: trusting is a decision, never implicit
            p = ws.sites.bundle_signer(args.from_bundle)
            question = (
                f"{args.from_bundle} is signed by {p['name']} ({p['site']}), key fingerprint "
                f"{p['fingerprint']}: is it the one `copdesk identity` shows there?"
            )
            if not sys.stdin.isatty():
                raise CopdeskError(
                    f"{question} If so, run: copdesk trust --from-bundle {args.from_bundle} "
                    f"--fingerprint {p['fingerprint']}"
                )
            if input(f"{question} [y/N] ").strip().lower() not in ("y", "yes", "o", "oui"):
                raise CopdeskError("nothing trusted")
            fingerprint = p["fingerprint"]
        site = ws.sites.trust_bundle(args.from_bundle, fingerprint)
    elif args.site and args.key:
        site = ws.sites.trust(args.site, args.key, args.name)
    else:
        raise BadInput(
            "give SITE_ID --key KEY (from `copdesk identity` there) or --from-bundle FILE"
        )
    if args.json:
        _print_json(site)
    else:
        print(f"trusted {site['name']} ({site['id']}), key fingerprint {site['fingerprint']}")
    return 0


def cmd_untrust(args: argparse.Namespace, ws: Workspace) -> int:
    site = ws.sites.untrust(args.site)
    if args.json:
        _print_json(site)
    else:
        print(f"revoked {site['name']} ({site['id']}): its bundles are refused from now on")
    return 0


def cmd_site(args: argparse.Namespace, ws: Workspace) -> int:
    """This workspace's standing and its decisions (copy, keys); see copdesk.sync.lifecycle."""
    actions = {
        "status": lambda: ws.sites.state(),
        "split": lambda: ws.sites.become_new_site(args.name or ""),
        "read-only": ws.sites.keep_read_only,
        "moved": ws.sites.claim_moved,
        "rotate-key": ws.sites.rotate_key,
        "replace-lost-key": ws.sites.replace_lost_key,
        "revoke-key": lambda: ws.sites.revoke_key(args.key or ""),
    }
    done = actions[args.action]()
    if args.action != "status":
        done = ws.sites.state()
    if args.json:
        _print_json(done)
    else:
        textout.site_state(done)
    return 0


def cmd_export(args: argparse.Namespace, ws: Workspace) -> int:
    emit = _progress_json(args)
    done = ws.sync.export(
        args.to,
        peer=args.peer,
        communities=args.community,
        full=args.full,
        progress=(lambda lines: emit("exporting", lines)) if emit else None,
    )
    if args.json:
        _print_json(done)
    else:
        what = f"for {args.peer}" if args.peer else "with everything shareable"
        print(
            f"wrote {done['file']} {what}: {textout.count(done['revisions'], 'revision')}, "
            f"{textout.count(done['attachments'], 'attachment')}, {done['bytes']:,} bytes"
        )
    return 0


IMPORT_STEPS = ("copying", "checking", "backing up", "applying", "indexing")


def cmd_import(args: argparse.Namespace, ws: Workspace) -> int:
    emit = _progress_json(args)
    if emit:
        total = 2 if args.dry_run else len(IMPORT_STEPS)
        # "indexing" comes once the import is committed: from then on it stays
        progress = lambda step: emit(step, IMPORT_STEPS.index(step), total)  # noqa: E731
    else:
        progress = textout.steps("import") if sys.stderr.isatty() and not args.json else None
    try:
        result = ws.sync.import_bundle(args.file, dry_run=args.dry_run, progress=progress)
    except UntrustedSite as exc:
        if args.json:  # the signer, so that a program can offer to trust it
            _print_json({"error": str(exc), "untrusted": exc.producer})
        raise
    if args.json:
        _print_json(result)
    else:
        textout.bundle_report(result)
    return 0


def cmd_conflicts(args: argparse.Namespace, ws: Workspace) -> int:
    found = ws.conflicts.list()
    if args.json:
        _print_json(found)
    else:
        textout.conflicts(found)
    return 0


def cmd_resolve(args: argparse.Namespace, ws: Workspace) -> int:
    if (args.keep is None) == (args.json_input is None):
        raise BadInput("give --keep REV_ID or --json FILE (the merged fields)")
    changes = None
    if args.json_input is not None:
        changes = _read_json(args.json_input)
        if not isinstance(changes, dict):
            raise BadInput("the JSON must be an object with the fields to set")
    item = ws.conflicts.resolve(args.id, keep=args.keep, changes=changes)
    print(f"resolved {item['kind']} {item['id']}: now at revision {item['rev'][:12]}")
    return 0


def cmd_sync_folder(args: argparse.Namespace, ws: Workspace) -> int:
    emit = _progress_json(args)
    if emit:
        emit("syncing")
    done = ws.sync.sync_folder(args.folder)
    if args.json:
        _print_json(done)
    else:
        textout.sync_report(done)
    return 0


# -- questions, answers, marks --------------------------------------------------------


def cmd_ask(args: argparse.Namespace, ws: Workspace) -> int:
    item = ws.qa.ask(args.community, args.title, args.body or "", args.tag or [])
    if args.json:
        _print_json(item)
    else:
        print(item["id"])
    return 0


def cmd_answer(args: argparse.Namespace, ws: Workspace) -> int:
    done = ws.qa.answer(args.question, args.text)
    if args.json:
        _print_json(done)
    else:
        print(done["id"])
    return 0


def cmd_accept(args: argparse.Namespace, ws: Workspace) -> int:
    item = ws.qa.accept(args.question, args.answer)
    print(f"accepted answer {item['accepted'][:8]} for {item['title']!r}")
    return 0


def cmd_promote(args: argparse.Namespace, ws: Workspace) -> int:
    item = ws.qa.promote(args.answer, args.kind, args.title)
    if args.json:
        _print_json(item)
    else:
        print(item["id"])
    return 0


def cmd_mark(args: argparse.Namespace, ws: Workspace) -> int:
    done = ws.qa.mark(args.id, args.type, args.note)
    if args.json:
        _print_json(done)
    else:
        print(f"marked {done['type']} at {done['site']} on {done['on']}")
    return 0


def cmd_stats(args: argparse.Namespace, ws: Workspace) -> int:
    figures = ws.analytics.stats(args.community)
    if args.json:
        _print_json(figures)
    else:
        textout.stats(figures)
    return 0


def cmd_questions(args: argparse.Namespace, ws: Workspace) -> int:
    rows = ws.qa.questions(args.community, open_only=args.open)
    if args.json:
        _print_json(rows)
    else:
        textout.questions(rows)
    return 0


def cmd_contributions(args: argparse.Namespace, ws: Workspace) -> int:
    found = ws.analytics.contributions(args.person)
    if args.json:
        _print_json(found)
    else:
        textout.contributions(found)
    return 0


# -- parser ----------------------------------------------------------------------


def _kind(choices: Sequence[str]) -> Callable[[str], str]:
    def convert(value: str) -> str:
        if value not in choices:
            raise argparse.ArgumentTypeError(
                f"unknown kind {value!r} (expected {', '.join(choices)})"
            )
        return value

    return convert


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a positive whole number, got {value!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="copdesk",
        description="Knowledge capitalisation for communities of practice.",
        epilog="Exit codes: 0 success, 1 operation failed, 2 bad usage or bad input.",
    )
    parser.add_argument("--workspace", metavar="DIR", help="workspace folder")
    parser.add_argument("--as", dest="as_person", metavar="PERSON", help="author for this command")
    parser.add_argument(
        "--progress-json",
        action="store_true",
        help="long commands (import, export, reindex, demo, sync-folder) write one JSON line"
        ' per progress event on stderr: {"step": ..., "done": N, "total": M or null}',
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_QueryParser)

    def command(name: str, func: Callable, help: str, json_flag: bool = True) -> _Parser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(func=func)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON")
        return p

    p = command("init", cmd_init, "create the workspace and its site identity", json_flag=False)
    p.add_argument("--site", required=True, metavar="NAME", help="site name, e.g. 'Usine de Lyon'")
    p.add_argument("--language", choices=("fr", "en"), default="fr")

    command("status", cmd_status, "what the workspace holds")
    p = command("use", cmd_use, "set who is writing on this computer", json_flag=False)
    p.add_argument("person", nargs="?", metavar="PERSON")
    p.add_argument("--clear", action="store_true", help="no current person")
    command("demo", cmd_demo, "load the built-in demo content (idempotent)")

    user_kind = _kind(USER_KINDS)

    def item_input(p: _Parser) -> None:
        src = p.add_mutually_exclusive_group(required=True)
        src.add_argument(
            "--json", dest="json_input", metavar="FILE|-", help="fields as a JSON object"
        )
        src.add_argument("--file", metavar="FILE.md", help="fields in the Markdown form")
        p.add_argument("--id", dest="id_only", action="store_true", help="print only the id")

    p = command("add", cmd_add, "add an item from JSON or a Markdown file", json_flag=False)
    p.add_argument("kind", type=user_kind, metavar="KIND", help=", ".join(USER_KINDS))
    item_input(p)
    p = command("edit", cmd_edit, "change the given fields (a new revision)", json_flag=False)
    p.add_argument("id", metavar="ID")
    item_input(p)

    p = command("list", cmd_list, "list current items of a kind")
    p.add_argument("kind", type=user_kind, metavar="KIND", help=", ".join(USER_KINDS))
    p.add_argument("--community", metavar="C")
    p.add_argument("--status", metavar="S")
    p.add_argument("--tag", metavar="T")
    p.add_argument("--deleted", action="store_true", help="list deleted items instead")

    p = command("show", cmd_show, "show one item")
    p.add_argument("id", metavar="ID")
    p.add_argument("--html", action="store_true", help="print a standalone HTML page")

    p = command("history", cmd_history, "list an item's revisions")
    p.add_argument("id", metavar="ID")
    p = command("restore", cmd_restore, "make an old revision current again", json_flag=False)
    p.add_argument("id", metavar="ID")
    p.add_argument("rev_id", metavar="REV_ID")
    p = command("delete", cmd_delete, "delete an item (its history stays)", json_flag=False)
    p.add_argument("id", metavar="ID")

    p = command("member", cmd_member, "give a person a role in a community")
    p.add_argument("community", metavar="COMMUNITY")
    p.add_argument("person", metavar="PERSON")
    p.add_argument("--role", choices=KINDS["membership"].by_name["role"].choices)
    p.add_argument("--since", metavar="DATE")
    p.add_argument("--remove", action="store_true", help="remove the person from the community")

    p = command("rate", cmd_rate, "record a skill assessment (history is kept)")
    p.add_argument("person", metavar="PERSON")
    p.add_argument("skill", metavar="SKILL")
    p.add_argument("level", metavar="LEVEL", help="0 none, 1 I, 2 L, 3 U, 4 O")
    p.add_argument("--interest", choices=("learn", "teach", "none"))
    p.add_argument("--evidence", metavar="TEXT")
    p.add_argument("--valid-until", metavar="DATE")
    p.add_argument("--assessed-on", metavar="DATE")

    p = command("profile", cmd_profile, "a person's roles, skills and their history")
    p.add_argument("person", metavar="PERSON")

    p = command("link", cmd_link, "link two items")
    p.add_argument("source", metavar="ID")
    p.add_argument("target", metavar="ID")
    p.add_argument("--type", default="related", choices=KINDS["link"].by_name["type"].choices)

    p = command("attach", cmd_attach, "attach a file to an item")
    p.add_argument("id", metavar="ID")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--name", metavar="NAME", help="file name to show (default: the file's)")

    p = command("comment", cmd_comment, "comment on an item")
    p.add_argument("id", metavar="ID")
    p.add_argument("text", metavar="TEXT")

    p = command("import-csv", cmd_import_csv, "import a register exported as CSV")
    p.add_argument("kind", type=user_kind, metavar="KIND", help=", ".join(USER_KINDS))
    p.add_argument("file", metavar="FILE")
    p.add_argument("--map", action="append", metavar="COLUMN=FIELD", help="map a column")
    p.add_argument("--skip-bad", action="store_true", help="import good rows, report bad ones")
    p.add_argument("--date-format", metavar="FMT", help="e.g. %%d/%%m/%%Y (default: detected)")

    command("check", cmd_check, "verify database, revisions and attachments")

    p = command("search", cmd_search, "full-text search (see README for the query syntax)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=20, metavar="N")
    p.add_argument("--kind", metavar="K")
    p.add_argument("--community", metavar="C")
    p.add_argument("--site", metavar="S")
    p.add_argument("--tag", metavar="T")
    p.add_argument("--status", metavar="S")
    p = command("who-knows", cmd_who_knows, "people ranked for a topic, with the reasons")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=10, metavar="N")
    p = command("risks", cmd_risks, "knowledge at risk, ranked: what to capitalise first")
    p.add_argument("--site", metavar="S", help="only lines about site S or its people")
    p.add_argument("--limit", type=_positive, metavar="N", help="the first N lines")
    p = command("network", cmd_network, "who works with whom: bridges, isolated, who should meet")
    p.add_argument("--community", metavar="C", help="only the people of community C")
    command("reindex", cmd_reindex, "rebuild the search index from the database")
    p = command("glossary", cmd_glossary, "synonyms and acronyms applied to searches")
    p.add_argument("action", choices=("add", "list", "remove"), nargs="?", default="list")
    p.add_argument("terms", nargs="*", metavar="TERM")

    p = command("ask", cmd_ask, "ask a question in a community")
    p.add_argument("community", metavar="COMMUNITY", help="a community, or '' for the site")
    p.add_argument("title", metavar="QUESTION")
    p.add_argument("--body", metavar="TEXT", help="details (Markdown)")
    p.add_argument("--tag", action="append", metavar="T")
    p = command("answer", cmd_answer, "answer a question")
    p.add_argument("question", metavar="QUESTION_ID")
    p.add_argument("text", metavar="TEXT")
    p = command("accept", cmd_accept, "mark the answer that solved your question", json_flag=False)
    p.add_argument("question", metavar="QUESTION_ID")
    p.add_argument("answer", metavar="ANSWER_ID")
    p = command("promote", cmd_promote, "turn an answer into a know-how sheet or a report")
    p.add_argument("answer", metavar="ANSWER_ID")
    p.add_argument("--kind", choices=("howto", "rex"), default="howto")
    p.add_argument("--title", metavar="TITLE", help="default: the question")
    p = command("mark", cmd_mark, "say an item helped you or was applied here")
    p.add_argument("id", metavar="ID")
    p.add_argument("type", choices=("helped", "applied"))
    p.add_argument("--note", metavar="TEXT", help="where or how it was applied")
    p = command("stats", cmd_stats, "health of a community (or of the site) and its stage")
    p.add_argument("--community", metavar="C")
    p = command("questions", cmd_questions, "questions of a community, open or answered")
    p.add_argument("--community", metavar="C")
    p.add_argument("--open", action="store_true", help="only questions with no accepted answer")
    p = command(
        "contributions", cmd_contributions, "what a person gave and its impact (default: you)"
    )
    p.add_argument("person", nargs="?", metavar="PERSON", help="default: the current person")
    command("identity", cmd_identity, "this site's id, name and key fingerprint")
    command("sites", cmd_sites, "known sites: trust, last bundles, what they acknowledged")
    p = command("trust", cmd_trust, "trust a site's bundles (its key from `identity` there)")
    p.add_argument("site", nargs="?", metavar="SITE_ID")
    p.add_argument("--key", metavar="KEY", help="the site's public key")
    p.add_argument("--from-bundle", metavar="FILE", help="trust the site that signed FILE")
    p.add_argument("--name", metavar="NAME", help="the site's name (as `identity` there says)")
    p.add_argument("--fingerprint", metavar="FP", help="confirm FILE's signer (from the phone)")
    p = command("site", cmd_site, "this workspace's standing: restored, copied; its keys")
    p.add_argument(
        "action",
        nargs="?",
        default="status",
        choices=(
            "status",
            "split",
            "read-only",
            "moved",
            "rotate-key",
            "replace-lost-key",
            "revoke-key",
        ),
    )
    p.add_argument("--name", metavar="NAME", help="split: the new site's name")
    p.add_argument("--key", metavar="KEY", help="revoke-key: the key or its fingerprint")
    p = command("untrust", cmd_untrust, "revoke a site: refuse its bundles")
    p.add_argument("site", metavar="SITE")
    p = command("export", cmd_export, "write a bundle for other sites")
    p.add_argument("--to", required=True, metavar="FILE")
    p.add_argument("--peer", metavar="SITE", help="only what SITE has not acknowledged")
    p.add_argument("--community", action="append", metavar="C", help="only this community")
    p.add_argument("--full", action="store_true", help="everything, even what was acknowledged")
    p = command("import", cmd_import, "apply a bundle from another site (all or nothing)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--dry-run", action="store_true", help="say what would change; write nothing")
    command("conflicts", cmd_conflicts, "items edited on two sites at once")
    p = command("resolve", cmd_resolve, "end a conflict", json_flag=False)
    p.add_argument("id", metavar="ID")
    p.add_argument("--keep", metavar="REV_ID", help="keep this version")
    p.add_argument("--json", dest="json_input", metavar="FILE|-", help="merged fields as JSON")
    p = command("sync-folder", cmd_sync_folder, "exchange bundles through a shared folder")
    p.add_argument("folder", nargs="?", metavar="DIR", help="default: the last one used")
    p = command("gui", cmd_gui, "open the desktop window (the default)", json_flag=False)
    p.add_argument("--view", metavar="VIEW", help="home, rex, howto, search:QUERY, item:ID…")
    p.add_argument("--screenshot", metavar="FILE.png", help="save the window as a PNG and exit")
    p.add_argument("--size", default="1280x800", metavar="WxH", help="window size (screenshots)")
    return parser


def cmd_gui(args: argparse.Namespace) -> int:
    """Open the desktop window (the default command); Qt is imported only here."""
    from copdesk.gui import app

    path = workspace_dir(args.workspace)
    if args.screenshot:
        return app.screenshot(
            path, args.screenshot, view=args.view, size=args.size, actor=args.as_person
        )
    return app.run(path, actor=args.as_person, view=args.view)


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # plain `copdesk`: the desktop window
        args = parser.parse_args([*(argv if argv is not None else sys.argv[1:]), "gui"])
    if args.command in ("init", "gui"):
        return args.func(args)
    with Workspace.open(workspace_dir(args.workspace), actor=args.as_person) as ws:
        code = args.func(args, ws)
        note = ws.sites.life.status.get("message")
        if note and args.command != "site":  # a copy (a write says it in its error instead)
            print(f"copdesk: note: {note}", file=sys.stderr)  # or a restore just found
        return code


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(argv)
    except SystemExit as exc:  # argparse: --help (0) or bad usage (2)
        return exc.code if isinstance(exc.code, int) else 2
    except CopdeskError as exc:
        print(f"copdesk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("copdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `copdesk list rex | head`: not an error; silence the flush at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:  # a bug: still one line, traceback on request
        if os.environ.get("COPDESK_DEBUG"):
            raise
        print(
            f"copdesk: internal error: {type(exc).__name__}: {exc} "
            "(set COPDESK_DEBUG=1 to see the traceback)",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
