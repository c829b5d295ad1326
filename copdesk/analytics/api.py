"""Analytics as :class:`copdesk.Workspace` methods, so the CLI, the GUI and scripts
share one entry point; the computations live in their own modules, imported lazily
so opening a workspace stays fast."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copdesk.workspace import Workspace


class AnalyticsMixin:
    """Analytics operations of :class:`copdesk.Workspace`."""

    def risks(
        self: Workspace, *, site: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Knowledge at risk, ranked: what to capitalise first, each line with its reason
        (rules in :mod:`copdesk.analytics.risks`)."""
        from copdesk.analytics.risks import compute

        return compute(self, site=site, limit=limit)

    def stats(self: Workspace, community: str | None = None) -> dict[str, Any]:
        """Health figures of a community (or of the whole site) and, for a community,
        its stage diagnosis and guidance (rules in :mod:`copdesk.analytics.stats`)."""
        from copdesk.analytics.stats import stats

        return stats(self, community)
