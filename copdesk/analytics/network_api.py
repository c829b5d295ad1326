"""``Workspace.network``: the latent-network view, as a mixin of :class:`copdesk.Workspace`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from copdesk.workspace import Workspace


class NetworkMixin:
    """Latent networks (see :mod:`copdesk.analytics.network` for the rules)."""

    def network(self: Workspace, community: str | None = None) -> dict[str, Any]:
        """People linked by work and affinity, with bridges, isolated people and sites,
        who should meet whom, and candidate communities; ``community``: its people only."""
        from copdesk.analytics.network import network

        return network(self, community)
