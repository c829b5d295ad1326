"""When a skill rating counts: certifications expire, and an expiring one is flagged
early enough to renew it (the skills matrix, risks and who-knows use the same rule)."""

from __future__ import annotations

import datetime as dt

EXPIRING_DAYS = 60  # a rating whose validity ends within this many days is "expiring"


def validity(valid_until: str | None, today: dt.date) -> dict[str, bool]:
    """Whether a rating valid until that date has expired or expires soon."""
    if not valid_until:
        return {"expired": False, "expiring": False}
    end = dt.date.fromisoformat(valid_until)
    return {
        "expired": end < today,
        "expiring": today <= end <= today + dt.timedelta(days=EXPIRING_DAYS),
    }
