"""The ``copdesk`` command line: a thin layer over :class:`copdesk.Workspace`.

The commands are declared in :mod:`copdesk.commands`, each beside its handler; this
module builds the parser from the declarations, runs the handler and prints its
result, in one place: JSON with ``--json`` (a list one item per line, an object
indented), else the command's text form (:mod:`copdesk.textout`).

Exit codes: 0 success, 1 the operation failed (deleted item, check failed),
2 bad usage or bad input. Errors are one line on stderr, never a traceback.
Only what a command needs is imported, so `copdesk list` starts fast.

For programs (the desktop window runs the long commands as child processes):
``--progress-json`` makes import, export, reindex, demo and sync-folder write one
JSON line per progress event on stderr, ``{"step": "checking", "done": 1,
"total": 5}`` (``total`` null when unknown); an import's ``indexing`` step means
the bundle is committed. With ``--json``, an import refused because its signer is
not trusted also prints ``{"error": MESSAGE, "untrusted": {"site", "name", "key",
"fingerprint"}}`` on stdout (exit 1, the usual line on stderr): any error that
carries details for programs (:attr:`copdesk.errors.CopdeskError.details`) does.
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import re
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

from copdesk.commands import Command, commands
from copdesk.commands.inputs import read_pin_file
from copdesk.commands.registry import Arg, OneOf, Reply
from copdesk.errors import CopdeskError, PinRequired
from copdesk.paths import workspace_dir
from copdesk.store.database import worded
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


class _Version(argparse.Action):
    """``--version``: the package, the database schema and the bundle format, one line.
    Computed when asked, so that parsing other commands imports nothing more."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help=kwargs.get("help"))

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        sys.stdout.write(version() + "\n")
        parser.exit(0)


def version() -> str:
    """'copdesk 0.1.0 (database schema 7, bundle format 2)' (:mod:`copdesk.appinfo`)."""
    from copdesk.appinfo import version_line

    return version_line()


def _add(p: argparse.ArgumentParser | Any, declared: Arg | OneOf) -> None:
    if isinstance(declared, OneOf):
        group = p.add_mutually_exclusive_group(required=declared.required)
        for a in declared.args:
            _add(group, a)
    else:
        p.add_argument(*declared.flags, **declared.options)


def build_parser() -> argparse.ArgumentParser:
    """The parser of every declared command (:func:`copdesk.commands.commands`)."""
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
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="open the workspace read-only (as on read-only media): every write is refused",
    )
    parser.add_argument(
        "--pin-file",
        metavar="FILE",
        help="the PIN of the person writing, for actions their role allows (a file only "
        "they can read); without it, the PIN is asked when needed",
    )
    parser.add_argument(
        "--version", action=_Version, help="the version, database schema and bundle format"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_QueryParser)
    for cmd in commands():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        p.set_defaults(command_spec=cmd)
        if cmd.json:
            p.add_argument("--json", action="store_true", help="print JSON")
        for declared in cmd.args:
            _add(p, declared)
    return parser


def print_json(data: Any) -> None:
    """The JSON form: a list one item per line (fast for 100,000 items and still
    readable), anything else indented. A list may come as an iterator (`list`): it
    is printed as it is read, never held whole."""
    if isinstance(data, list | Iterator):
        write, dumps = sys.stdout.write, json.dumps
        write("[")
        sep = "\n"
        for d in data:
            write(sep)
            write(dumps(d, ensure_ascii=False))
            sep = ",\n"
        write("\n]\n")
    else:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


_HIDDEN = re.compile("[\x00\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """NUL and bidirectional controls shown as <U+202E>: text stored before they were
    refused must not reverse or cut what follows it on a terminal line."""
    return _HIDDEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def _show(cmd: Command, result: Any, as_json: bool) -> int:
    """Print a handler's result in the form asked for; the exit code."""
    reply = result if isinstance(result, Reply) else Reply(result)
    if as_json:
        print_json(reply.data)
    elif cmd.text is not None:
        text = cmd.text(reply.data, **reply.facts)
        for part in [text] if isinstance(text, str) else text:  # or lines as they come
            sys.stdout.write(visible(part))
    for n, note in enumerate(reply.notes):  # one note, its lines below it
        print(f"{'copdesk: ' if n == 0 else ''}{visible(note)}", file=sys.stderr)
    return reply.exit_code


# Global options that take a value (to find the first word that is not one).
_VALUED = ("--workspace", "--as", "--pin-file")


def opening_a_bundle(argv: Sequence[str]) -> list[str]:
    """``copdesk [OPTIONS] FILE.copdesk`` (a desktop's "open with", ``Exec=copdesk %f``)
    is ``copdesk [OPTIONS] gui --open FILE.copdesk``: the window on the import preview."""
    from copdesk.commands import COMMANDS

    argv = list(argv)
    i = 0
    while i < len(argv):
        word = argv[i]
        if word in _VALUED:
            i += 2
            continue
        if word.startswith("-"):
            i += 1
            continue
        if word not in COMMANDS:
            from copdesk.sync.bundle import EXTENSION

            if word.lower().endswith(EXTENSION):
                return [*argv[:i], "gui", "--open", word, *argv[i + 1 :]]
        break
    return argv


def run(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv = opening_a_bundle(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(argv)
    if args.command is None:  # plain `copdesk`: the desktop window
        args = parser.parse_args([*argv, "gui"])
    cmd: Command = args.command_spec
    as_json = cmd.wants_json(args)
    if not cmd.workspace:
        return _show(cmd, cmd.run(args), as_json)
    path = workspace_dir(args.workspace)
    with Workspace.open(path, actor=args.as_person, read_only=args.read_only) as ws:
        if args.pin_file and ws.actor:
            ws.permissions.prove(ws.actor, read_pin_file(args.pin_file))
        try:
            try:
                result = cmd.run(ws, args)
            except PinRequired as exc:
                if args.pin_file or not sys.stdin.isatty():
                    raise
                ws.permissions.prove(exc.person, _ask_pin(ws, exc))
                result = cmd.run(ws, args)  # nothing was written before the PIN was needed
        except CopdeskError as exc:
            if as_json and exc.details:  # for programs, e.g. the signer to trust
                print_json({"error": str(exc), **exc.details})
            raise
        code = _show(cmd, result, as_json)
        note = ws.sites.life.status.get("message")
        if note and cmd.name not in ("site", "status"):  # they show it themselves
            print(f"copdesk: note: {note}", file=sys.stderr)  # or a restore just found
        return code


def _ask_pin(ws: Workspace, exc: PinRequired) -> str:
    import getpass

    sys.stderr.write(f"copdesk: {exc}\n")
    return getpass.getpass(f"PIN of {ws.core.name(exc.person)}: ")


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
    except sqlite3.DatabaseError as exc:  # met while reading: a damaged database
        if isinstance(exc, sqlite3.IntegrityError | sqlite3.ProgrammingError):
            return _internal(exc)
        print(f"copdesk: {worded(exc, Path('copdesk.db'))}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # `copdesk list rex | head`: not an error; silence the flush at exit
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as exc:  # the medium: a full disk, a vanished folder, a permission
        where = f": {exc.filename}" if exc.filename else ""
        if exc.errno == errno.ENOSPC:
            print(f"copdesk: the disk is full{where}: nothing was written", file=sys.stderr)
        else:
            print(f"copdesk: {exc.strerror or exc}{where}", file=sys.stderr)
        return 1
    except Exception as exc:  # a bug: still one line, traceback on request
        return _internal(exc)


def _internal(exc: Exception) -> int:
    if os.environ.get("COPDESK_DEBUG"):
        raise exc
    print(
        f"copdesk: internal error: {type(exc).__name__}: {exc} "
        "(set COPDESK_DEBUG=1 to see the traceback)",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
