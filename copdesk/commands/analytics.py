"""Commands for animators: knowledge at risk, the latent network, a community's
health. Their explanations arrive worded from the API (English and French)."""

from __future__ import annotations

from argparse import Namespace
from typing import Any

from copdesk.commands.inputs import positive
from copdesk.commands.registry import command, opt
from copdesk.textout import analytics as text
from copdesk.workspace import Workspace


@command(
    "risks",
    help="knowledge at risk, ranked: what to capitalise first",
    text=text.risks,
    args=[
        opt("--site", metavar="S", help="only lines about site S or its people"),
        opt("--limit", type=positive, metavar="N", help="the first N lines"),
    ],
)
def risks(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    return ws.analytics.risks(site=a.site, limit=a.limit)


@command(
    "network",
    help="who works with whom: bridges, isolated, who should meet",
    text=text.network,
    args=[opt("--community", metavar="C", help="only the people of community C")],
)
def network(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.analytics.network(a.community)


@command(
    "stats",
    help="health of a community (or of the site) and its stage",
    text=text.stats,
    args=[opt("--community", metavar="C")],
)
def stats(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.analytics.stats(a.community)
