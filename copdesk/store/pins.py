"""PINs and passphrases that prove who is writing on a shared plant-floor PC.

Only a salted scrypt hash is kept, in this site's database (never in a revision,
so never in a bundle). Three wrong tries in a row impose a short wait before the
next one: a delay that slows guessing, not a lock-out that would block a shift.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import sqlite3

from copdesk.errors import BadInput, NotAllowed

SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # about 16 MB and 50 ms per try
MIN_LENGTH = 4
FREE_TRIES = 3
DELAY_SECONDS = 30


def _hash(pin: str, salt: bytes, params: dict[str, int]) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=params["n"], r=params["r"], p=params["p"], dklen=32
    )


def set_pin(conn: sqlite3.Connection, person: str, pin: str, now: str) -> None:
    """Store the hash of a new PIN for ``person`` (replacing any earlier one)."""
    if not isinstance(pin, str) or len(pin.strip()) < MIN_LENGTH:
        raise BadInput(f"a PIN needs at least {MIN_LENGTH} characters (digits or a passphrase)")
    salt = os.urandom(16)
    digest = _hash(pin, salt, SCRYPT)
    conn.execute(
        "INSERT OR REPLACE INTO pins (person, salt, hash, params, set_at, failures, failed_at)"
        " VALUES (?, ?, ?, ?, ?, 0, NULL)",
        (person, salt.hex(), digest.hex(), json.dumps(SCRYPT), now),
    )


def clear_pin(conn: sqlite3.Connection, person: str) -> None:
    conn.execute("DELETE FROM pins WHERE person = ?", (person,))


def has_pin(conn: sqlite3.Connection, person: str | None) -> bool:
    if not person:
        return False
    return conn.execute("SELECT 1 FROM pins WHERE person = ?", (person,)).fetchone() is not None


def check_pin(conn: sqlite3.Connection, person: str, pin: str, now: dt.datetime) -> bool:
    """Whether ``pin`` is the person's; records failures (the caller commits).

    Raises NotAllowed while the delay after repeated failures runs."""
    row = conn.execute(
        "SELECT salt, hash, params, failures, failed_at FROM pins WHERE person = ?", (person,)
    ).fetchone()
    if row is None:
        return True  # no PIN set: nothing to prove
    salt, digest, params, failures, failed_at = row
    if failures >= FREE_TRIES and failed_at:
        until = dt.datetime.fromisoformat(failed_at.replace("Z", "+00:00")) + dt.timedelta(
            seconds=DELAY_SECONDS
        )
        if now < until:
            wait = int((until - now).total_seconds()) + 1
            raise NotAllowed(f"{failures} wrong PINs in a row: try again in {wait} s")
    ok = hmac.compare_digest(_hash(str(pin), bytes.fromhex(salt), json.loads(params)).hex(), digest)
    if ok:
        conn.execute("UPDATE pins SET failures = 0, failed_at = NULL WHERE person = ?", (person,))
    else:
        stamp = now.isoformat(timespec="milliseconds").replace("+00:00", "Z")
        conn.execute(
            "UPDATE pins SET failures = failures + 1, failed_at = ? WHERE person = ?",
            (stamp, person),
        )
    return ok
