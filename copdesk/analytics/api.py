"""``ws.analytics``: community health, knowledge at risk, latent networks and one
person's contributions.

Each analysis reads plain facts through the item and people operations
(``collect``) and computes over them in pure functions, so the rules are testable on
hand-made data; the modules are imported on first use so opening a workspace stays
fast.

The analyses explain their findings with messages (codes and facts); this part is
where results leave the API, so it words them here, once, from the catalogue
(:func:`copdesk.messages.worded`): every explanation in English under its key and in
French under ``KEY_fr``, the form ``--json`` prints and scripts read.
"""

from __future__ import annotations

from typing import Any

from copdesk.core import Core
from copdesk.errors import BadInput
from copdesk.items import Items
from copdesk.messages import worded
from copdesk.people import People
from copdesk.questions import QA


class Analytics:
    """Analyses for animators (``ws.analytics``)."""

    def __init__(self, core: Core, items: Items, people: People, qa: QA) -> None:
        self.core = core
        self.items = items
        self.people = people
        self.qa = qa

    def risks(self, *, site: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Knowledge at risk, ranked: what to capitalise first, each line with its reason
        (rules in :mod:`copdesk.analytics.risks`)."""
        from copdesk.analytics import risks

        data = risks.collect(self.items, self.people, self.core.today())
        return worded(risks.rank(data, site=site, limit=limit))

    def stats(self, community: str | None = None) -> dict[str, Any]:
        """Health figures of a community (or of the whole site) and, for a community,
        its stage diagnosis and guidance (rules in :mod:`copdesk.analytics.stats`)."""
        from copdesk.analytics.stats import stats

        return worded(stats(self.core, self.items, self.people, self.qa, community))

    def network(self, community: str | None = None) -> dict[str, Any]:
        """People linked by work and affinity, with bridges, isolated people and sites,
        who should meet whom, and candidate communities; ``community``: its people only."""
        from copdesk.analytics import network

        cid = self.core.resolve(community, "community") if community else None
        facts = network.collect(self.core.conn, self.items, self.people)
        return worded(network.network(facts, cid))

    def contributions(self, person: str | None = None) -> dict[str, Any]:
        """What ``person`` (None: the current person) authored, validated, answered,
        commented and marked, the marks their items received, and recognition points."""
        from copdesk.analytics.contributions import contributions

        if person is None:
            person = self.core.current_person
            if person is None:
                raise BadInput("whose contributions? name a person or set one (copdesk use)")
        return contributions(self.core.conn, self.core.resolve(person, "person"))
