"""What the text forms share: lines to text, cutting to a width, counts; and the
progress drawn on stderr for long commands run in a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable


def lines(rows: Iterable[str]) -> str:
    """Lines as printed text: each ends with a newline."""
    return "".join(f"{row}\n" for row in rows)


def cut(text: str, width: int) -> str:
    """One line of at most ``width`` characters (spaces collapsed, '…' when cut)."""
    text = str(text)
    if (
        len(text) > width
        or not text.isprintable()
        or "  " in text
        or text[:1] == " "
        or text[-1:] == " "
    ):
        text = " ".join(text.split())  # (a list prints 400,000 cells: most need nothing)
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def count(n: int, noun: str) -> str:
    """'1 revision', '3 revisions', '1,637 revisions'."""
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def counted(n: int, noun: str) -> str:
    """'1 person', '2 people', '0 ties' (no thousands separator)."""
    plural = "people" if noun == "person" else noun + "s"
    return f"{n} {noun if n == 1 else plural}"


def progress_bar(label: str) -> Callable[[int, int], None]:
    """A callback drawing a progress bar on stderr (for terminals only)."""

    def show(done: int, total: int) -> None:
        width = 30
        filled = width * done // total if total else width
        pct = 100 * done // total if total else 100
        sys.stderr.write(
            f"\r{label} [{'#' * filled}{' ' * (width - filled)}] {pct:3d}% {done}/{total}"
        )
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show


def steps(label: str) -> Callable[[str], None]:
    """A callback showing the current step of a long operation on stderr (terminals)."""

    def show(step: str) -> None:
        sys.stderr.write(f"\r{label}: {step}…{' ' * 20}")
        if step == "indexing":
            sys.stderr.write("\n")
        sys.stderr.flush()

    return show
