"""``ws.permissions``: the rules of :mod:`copdesk.model.permissions` applied to the
person writing, and the proof of who that is on a shared PC.

Every part asks :meth:`Permissions.require` before a privileged write, so the CLI,
the window and scripts obey the same table; a refusal says who may, in one line,
and nothing is written. A person who set a PIN must prove it (``prove``) before an
action they may take by role, unless this computer's login is tied to them; an
author acting on their own item needs no PIN.

A workspace with nobody in it yet imposes nothing (the first person created
becomes its administrator); a community with no animator and no expert is looked
after by the site's administrators, so nobody is ever locked out.
"""

from __future__ import annotations

import datetime as dt
import getpass
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from copdesk import messages
from copdesk.core import Core
from copdesk.errors import BadInput, NotAllowed, PinRequired
from copdesk.model.kinds import AUTONOMOUS
from copdesk.model.message import Message, msg
from copdesk.model.permissions import RULES, VALIDATORS, transition
from copdesk.store import items as q
from copdesk.store import pins

ADMIN = "admin"
PROOF_MINUTES = 5  # how long a PIN, once given, is remembered by a long-lived process


class Permissions:
    """Who may do what, and who is writing (``ws.permissions``)."""

    def __init__(self, core: Core) -> None:
        self.core = core
        self.conn = core.conn
        self._bypass = 0
        self._proven: dict[str, float] = {}  # person -> monotonic time the proof ends
        self.proof_minutes = PROOF_MINUTES

    # -- facts ---------------------------------------------------------------------

    def roles_of(self, person: str | None) -> dict[str, str]:
        """The person's role in each community they belong to (community id -> role)."""
        if not person:
            return {}
        rows = self.conn.execute(
            "SELECT json_extract(i.data, '$.community'), json_extract(i.data, '$.role')"
            " FROM refs r JOIN items i ON i.id = r.item_id"
            " WHERE r.target = ? AND r.field = 'person' AND i.kind = 'membership'"
            " AND i.deleted = 0",
            (person,),
        )
        return dict(rows.fetchall())

    def admins(self) -> list[str]:
        """Ids of the site's administrators (a local role, never exchanged)."""
        return [
            p
            for (p,) in self.conn.execute(
                "SELECT person FROM site_roles WHERE role = ? ORDER BY granted_at", (ADMIN,)
            )
        ]

    def is_admin(self, person: str | None) -> bool:
        return bool(person) and person in self.admins()

    def is_assessor(self, person: str | None) -> bool:
        if not person:
            return False
        row = q.row_dict(self.conn, person)
        return bool(row and not row["deleted"] and row["data"].get("assessor") == "yes")

    def _validators(self, community: str | None) -> bool:
        """Whether a community has anyone who can validate (else admins look after it)."""
        if not community:
            return True
        row = self.conn.execute(
            "SELECT 1 FROM refs r JOIN items i ON i.id = r.item_id"
            " WHERE r.target = ? AND r.field = 'community' AND i.kind = 'membership'"
            " AND i.deleted = 0 AND json_extract(i.data, '$.role') IN ('animator', 'expert')"
            " LIMIT 1",
            (community,),
        ).fetchone()
        return row is not None

    def _nobody_yet(self) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM items WHERE kind = 'person' LIMIT 1").fetchone()
            is None
        )

    # -- the check -----------------------------------------------------------------

    @contextmanager
    def bypass(self) -> Iterator[None]:
        """Write without checks: history that already happened (built-in demo content)."""
        self._bypass += 1
        try:
            yield
        finally:
            self._bypass -= 1

    @property
    def checked(self) -> bool:
        """False inside :meth:`bypass`."""
        return not self._bypass

    def may(
        self,
        action: str,
        *,
        community: str | None = None,
        author: str | None = None,
        person: str | None = None,
    ) -> bool:
        """Whether ``person`` (default: the one writing) may take ``action``."""
        return self._reason(action, community, author, person or self.core.actor) is not None

    def _reason(
        self, action: str, community: str | None, author: str | None, person: str | None
    ) -> str | None:
        """How ``person`` is allowed ("author", "role", "admin", "open"), or None."""
        rule = RULES[action]
        if self._bypass:
            return "open"
        if person is None:
            return "open" if self._nobody_yet() else None
        if rule.author and author and author == person:
            return "author"
        admins = self.admins()
        if rule.admin and (person in admins or not admins):
            return "admin"
        if rule.roles:
            roles = self.roles_of(person)
            held = {roles.get(community)} if community else set(roles.values())
            if held & set(rule.roles):
                return "role"
            if (
                community
                and set(rule.roles) & set(VALIDATORS)
                and not self._validators(community)
                and person in admins
            ):
                return "admin"
        if rule.assessor and self.is_assessor(person):
            return "role"
        return None

    def require(
        self,
        action: str,
        *,
        community: str | None = None,
        author: str | None = None,
        what: str | None = None,
    ) -> None:
        """Refuse (NotAllowed, PinRequired) unless the person writing may take ``action``."""
        person = self.core.actor
        how = self._reason(action, community, author, person)
        if how is None:
            raise _error(NotAllowed, self.refusal_message(action, community, person, what))
        if how in ("role", "admin") and person:
            self._require_proof(person, action)

    def refusal(
        self, action: str, community: str | None, person: str | None, what: str | None = None
    ) -> str:
        """The one-line refusal: who may, and why the person writing may not."""
        return str(messages.say(self.refusal_message(action, community, person, what)))

    def refusal_message(
        self, action: str, community: str | None, person: str | None, what: str | None = None
    ) -> Message:
        """The refusal as a message of the catalogue (the window says it in its language)."""
        rule = RULES[action]
        name: str | Message = (self.core.name(community) if community else None) or msg(
            "refusal.a_community"
        )
        only = msg(
            "refusal.only", who=msg(f"may.{action}", community=name), doing=_doing(action, what)
        )
        if person is None:
            return msg("refusal.say_who", refusal=only)
        who = self.core.name(person) or person
        if community and rule.roles:
            role = self.roles_of(person).get(community)
            if role:
                return msg(
                    "refusal.role",
                    refusal=only,
                    person=who,
                    role=msg(f"choice.{role}"),
                    community=name,
                )
            return msg("refusal.not_member", refusal=only, person=who, community=name)
        return msg("refusal.not", refusal=only, person=who)

    # -- items: which action a change is ------------------------------------------------

    def community_of(self, row: dict[str, Any]) -> str | None:
        """The community whose people look after an item (a comment's: its target's)."""
        if row["kind"] == "community":
            return row["id"]
        community = row.get("community") or row["data"].get("community")
        if community or row["kind"] not in ("comment", "answer", "membership"):
            return community
        target = q.row_dict(self.conn, row["data"].get("target") or "")
        return self.community_of(target) if target else None

    def check_create(self, kind: str, content: dict[str, Any]) -> None:
        """Refuse creating an item the person writing may not create as given."""
        if kind in ("person", "skill"):
            self.require("catalogue", community=content.get("community"), what=f"add a {kind}")
        elif "status" in content and kind != "community":
            action = transition("draft", content["status"])
            if action:
                actor = self.core.actor
                self.require(action, community=content.get("community"), author=actor)

    def check_change(self, row: dict[str, Any], content: dict[str, Any] | None) -> None:
        """Refuse a change (new content, or None: deletion) the person writing may not make."""
        kind, author, data = row["kind"], row["created_by"], row["data"]
        community = self.community_of(row)
        if content is None:
            if kind in ("person", "skill"):
                self.require("catalogue", community=community, what=f"delete a {kind}")
            elif kind in ("comment", "answer") or data.get("status", "draft") == "draft":
                self.require("delete_draft", community=community, author=author)
            else:
                self.require("delete", community=community)
            return
        action = transition(data.get("status"), content.get("status"))
        if action:
            self.require(action, community=community, author=author)
        others = {k for k in set(data) | set(content) if data.get(k) != content.get(k)}
        if not others - {"status"}:
            return  # only the status: its own rule above
        if kind == "person":
            if self.core.actor != row["id"]:
                self.require("catalogue", what="change another person's profile")
        elif kind == "skill":
            self.require("catalogue", community=community, what="change a skill")
        elif kind == "community":
            self.require("edit_community", community=row["id"])
        elif author != self.core.actor:
            self.require("edit_other", community=community, author=author)

    def check_rating(self, person: str, skill: dict[str, Any], level: int) -> None:
        """Rating someone else at U or O needs an assessor; oneself, any level."""
        if level >= AUTONOMOUS and person != self.core.actor:
            self.require("rate_high", community=skill["data"].get("community"))

    def recognised(self, person: str | None, action: str, community: str | None) -> bool:
        """Whether ``person`` holds, in the data this site has, a role that allows
        ``action`` (a validation or rating made elsewhere, shown as such if not)."""
        if not person:
            return False
        rule = RULES[action]
        roles = self.roles_of(person)
        held = {roles.get(community)} if community else set(roles.values())
        return bool(held & set(rule.roles)) or (rule.assessor and self.is_assessor(person))

    # -- proving who is writing ------------------------------------------------------

    def _require_proof(self, person: str, action: str) -> None:
        if not pins.has_pin(self.conn, person) or self._proof_holds(person):
            return
        words = msg("pin.needed", name=self.core.name(person) or person, doing=_doing(action, None))
        raise PinRequired(str(messages.say(words)), person, code=words.code, facts=words.facts)

    def _proof_holds(self, person: str) -> bool:
        if self.login_person() == person:
            return True
        until = self._proven.get(person)
        return until is not None and time.monotonic() < until

    def has_pin(self, person: str) -> bool:
        return pins.has_pin(self.conn, self.core.resolve(person, "person"))

    def prove(self, person: str, pin: str) -> None:
        """Check ``person``'s PIN; remembered for ``proof_minutes`` in this process."""
        pid = self.core.resolve(person, "person")
        if not pin or not str(pin).strip():
            raise _error(BadInput, msg("pin.empty"))
        now = dt.datetime.now(dt.UTC)
        with self.core.db.write() as conn:
            ok = pins.check_pin(conn, pid, pin, now)
        if not ok:
            raise _error(NotAllowed, msg("pin.wrong", name=self.core.name(pid) or pid))
        self._proven[pid] = time.monotonic() + 60 * self.proof_minutes

    def forget_proofs(self) -> None:
        """Ask again next time (the window's "lock" and its timeout)."""
        self._proven.clear()

    def set_pin(self, person: str, pin: str | None) -> None:
        """Set (None: remove) a person's PIN: the person themselves or an administrator."""
        pid = self.core.live_ref(person, "person")
        actor = self.core.actor
        if actor != pid:
            self.require("trust", what="set another person's PIN")
        elif pins.has_pin(self.conn, pid):
            self._require_proof(pid, "trust")
        with self.core.db.write() as conn:
            if pin is None:
                pins.clear_pin(conn, pid)
            else:
                pins.set_pin(conn, pid, pin, self.core.now())

    @staticmethod
    def os_login() -> str | None:
        try:
            return getpass.getuser()
        except (KeyError, OSError):
            return None

    def login_person(self) -> str | None:
        """The person this computer's login is tied to (no PIN asked of them here)."""
        login = self.os_login()
        if not login:
            return None
        row = self.conn.execute("SELECT person FROM logins WHERE login = ?", (login,)).fetchone()
        return row[0] if row else None

    def tie_login(self, person: str | None, login: str | None = None) -> dict[str, Any]:
        """Tie this computer's login (or ``login``) to a person; None unties it."""
        login = login or self.os_login()
        if not login:
            raise BadInput("this computer's login name cannot be read")
        pid = self.core.live_ref(person, "person") if person else None
        if pid != self.core.actor:
            self.require("trust", what="tie a login to another person")
        with self.core.db.write() as conn:
            conn.execute("DELETE FROM logins WHERE login = ?", (login,))
            if pid:
                conn.execute("INSERT INTO logins (login, person) VALUES (?, ?)", (login, pid))
        return {"login": login, "person": pid}

    # -- site administrators ---------------------------------------------------------

    def grant_admin(self, person: str) -> list[str]:
        pid = self.core.live_ref(person, "person")
        self.require("trust", what="name an administrator")
        with self.core.db.write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO site_roles (person, role, granted_by, granted_at)"
                " VALUES (?, ?, ?, ?)",
                (pid, ADMIN, self.core.actor, self.core.now()),
            )
        return self.admins()

    def revoke_admin(self, person: str) -> list[str]:
        pid = self.core.resolve(person, "person")
        self.require("trust", what="remove an administrator")
        admins = self.admins()
        if pid in admins and len(admins) == 1:
            raise _error(NotAllowed, msg("refusal.one_admin"))
        with self.core.db.write() as conn:
            conn.execute("DELETE FROM site_roles WHERE person = ? AND role = ?", (pid, ADMIN))
        return self.admins()

    def adopt_first_admin(self, person: str) -> bool:
        """Make ``person`` the administrator of a site that has none (the first person);
        whether they became it."""
        with self.core.db.write() as conn:
            if conn.execute("SELECT 1 FROM site_roles WHERE role = ?", (ADMIN,)).fetchone():
                return False
            conn.execute(
                "INSERT INTO site_roles (person, role, granted_by, granted_at)"
                " VALUES (?, ?, NULL, ?)",
                (person, ADMIN, self.core.now()),
            )
        return True


def _doing(action: str, what: str | None) -> Message | str:
    """What was refused: the action's words, or the ``what`` phrase (as a code when the
    catalogue knows it, so it is said in French too)."""
    if what is None:
        return msg(f"doing.{action}")
    code = messages.doing_code(what)
    return msg(code) if code else what


def _error(kind: type[NotAllowed] | type[BadInput], words: Message) -> Exception:
    """An error of ``kind`` in English words, carrying its code and facts."""
    return kind(str(messages.say(words)), code=words.code, facts=words.facts)
