"""What every benchmark prints: figures next to a same-run baseline, a ratio, and
whether the issue's target was met. Shared so the tables read the same everywhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    operation: str
    copdesk: float
    baseline: float | None = None
    target: str = ""
    met: bool | None = None
    unit: str = "s"  # "s", "MB", "MiB" or "items/s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """copdesk's cost over the baseline's: times and sizes, and rates inverted."""
        if self.baseline is None or self.baseline <= 0 or self.copdesk <= 0:
            return None
        if self.unit == "items/s":
            return self.baseline / self.copdesk
        return self.copdesk / self.baseline


def fmt_time(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 0.001:
        return f"{seconds * 1_000_000:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return fmt_time(value)
    if unit in ("MB", "MiB"):
        return f"{value:.0f} MB" if unit == "MB" else f"{value:.1f} MiB"
    return f"{value:,.0f}/s"


def print_summary(figures: Sequence[Figure], baseline: str = "baseline") -> None:
    """The closing table: operation, copdesk, baseline, ratio, target and verdict."""
    width = max(len(f.operation) for f in figures) + 2
    rule = "=" * (width + 62)
    print(f"\n{rule}")
    print(f"{'operation':<{width}}{'copdesk':>11}  {baseline:>11}  {'ratio':>8}   target")
    print("-" * (width + 62))
    for f in figures:
        ratio = "—" if f.ratio is None else f"{f.ratio:.1f}x"
        verdict = "" if f.met is None else ("  met" if f.met else "  MISSED")
        note = f"  ({f.note})" if f.note else ""
        line = (
            f"{f.operation:<{width}}{fmt_value(f.copdesk, f.unit):>11}"
            f"  {fmt_value(f.baseline, f.unit):>11}  {ratio:>8}   {f.target}{verdict}{note}"
        )
        print(line.rstrip())
    print(rule)
