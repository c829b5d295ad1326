"""How a command is declared: name, help, arguments, text form and handler, in one
place (as sqlite-utils declares each command beside its function).

::

    @command(
        "rate",
        help="record a skill assessment (history is kept)",
        args=[arg("person", metavar="PERSON"), opt("--interest", choices=INTERESTS)],
        text=textout.people.rating,
    )
    def rate(ws: Workspace, a: Namespace) -> Reply:
        rating = ws.people.rate(a.person, ...)
        return Reply(rating, person=...)

The handler takes the open workspace and the parsed arguments and returns data:
what ``--json`` prints, and what the text form turns into lines. It never prints.
When the text form needs more than the data (a name, the workspace language) or the
command fails without an error (``check`` finding problems), it returns a
:class:`Reply`. :mod:`copdesk.cli` builds the parser from these declarations and is
the one place that prints.
"""

from __future__ import annotations

from argparse import Namespace
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Arg:
    """One ``add_argument`` call: the flags (or the positional's name) and its options."""

    flags: tuple[str, ...]
    options: dict[str, Any]


@dataclass(frozen=True)
class OneOf:
    """Options that exclude each other (argparse's mutually exclusive group)."""

    args: tuple[Arg, ...]
    required: bool = False


def arg(name: str, **options: Any) -> Arg:
    """A positional argument (``metavar``, ``nargs``, ``type``, ``choices``, ``help``…)."""
    if name.startswith("-"):
        raise ValueError(f"{name} is an option: declare it with opt()")
    return Arg((name,), options)


def opt(*flags: str, **options: Any) -> Arg:
    """An option (``--site``), with argparse's keywords."""
    if not all(f.startswith("-") for f in flags):
        raise ValueError(f"{flags} are not options: declare positionals with arg()")
    return Arg(flags, options)


def one_of(*args: Arg, required: bool = False) -> OneOf:
    return OneOf(args, required)


class Reply:
    """A handler's result when the data alone is not enough: ``facts`` go to the text
    form as keyword arguments, ``exit_code`` is returned (1: the operation failed),
    ``notes`` are lines for the person at the terminal, printed on stderr (so stdout
    stays what scripts read)."""

    __slots__ = ("data", "exit_code", "facts", "notes")

    def __init__(
        self, data: Any, *, exit_code: int = 0, notes: list[str] | None = None, **facts: Any
    ) -> None:
        self.data = data
        self.exit_code = exit_code
        self.notes = notes or []
        self.facts = facts


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    run: Callable[..., Any]
    args: tuple[Arg | OneOf, ...] = ()
    json: bool = True  # a --json flag: print the result as JSON
    text: Callable[..., str] | None = None  # the readable form (copdesk.textout)
    workspace: bool = True  # False: run(a) without opening a workspace (init, gui)
    # when the JSON form is chosen by something else than --json (add --json FILE)
    as_json: Callable[[Namespace], bool] | None = None

    def wants_json(self, a: Namespace) -> bool:
        if self.as_json is not None:
            return self.as_json(a)
        return self.json and bool(getattr(a, "json", False))


COMMANDS: dict[str, Command] = {}


def command(
    name: str,
    *,
    help: str,
    args: Sequence[Arg | OneOf] = (),
    json: bool = True,
    text: Callable[..., str] | None = None,
    workspace: bool = True,
    as_json: Callable[[Namespace], bool] | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Declare the decorated function as the handler of the command ``name``."""

    def register(run: Callable[..., Any]) -> Callable[..., Any]:
        if name in COMMANDS:
            raise ValueError(f"command {name!r} is declared twice")
        COMMANDS[name] = Command(name, help, run, tuple(args), json, text, workspace, as_json)
        return run

    return register
