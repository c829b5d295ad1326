"""Who may do what (copdesk.model.permissions): each rule by the people it allows and
refuses, refusals that say who may and write nothing, validations that record which
version was signed, PINs on a shared PC, and validations or ratings made elsewhere."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import pytest
from helpers import state_digest

from copdesk import Workspace
from copdesk.errors import BadInput, NotAllowed, PinRequired
from copdesk.store import pins


@pytest.fixture
def site(ws: Workspace) -> dict[str, Any]:
    """Ana administers the site and animates Presses; Eve is its expert, Carl a
    contributor, Mia a member; Olga belongs to nothing. Carl wrote a draft report."""
    ids: dict[str, Any] = {"ws": ws}
    ids["ana"] = ws.items.add("person", {"name": "Ana Admin"})["id"]
    assert ws.permissions.admins() == [ids["ana"]]  # the first person
    ws.use(ids["ana"])
    for key, name in (("eve", "Eve Expert"), ("carl", "Carl Contrib"), ("mia", "Mia Member"),
                      ("olga", "Olga Outside")):  # fmt: skip
        ids[key] = ws.items.add("person", {"name": name})["id"]
    ids["presses"] = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]
    for key, role in (("eve", "expert"), ("carl", "contributor"), ("mia", "member")):
        ws.people.member(ids["presses"], ids[key], role)
    ids["skill"] = ws.items.add(
        "skill", {"name": "Réglage presse", "domain": "Presses", "community": ids["presses"]}
    )["id"]
    with ws.acting_as(ids["carl"]):
        ids["rex"] = ws.items.add("rex", {"title": "Fuite P12", "community": ids["presses"]})["id"]
    return ids


def refused(ws: Workspace, run, *, who: str) -> str:
    """Run a write that must be refused: one line naming who may, nothing written."""
    before = state_digest(ws.path)
    with pytest.raises(NotAllowed) as caught:
        run()
    message = str(caught.value)
    assert "\n" not in message and who in message, message
    assert state_digest(ws.path) == before
    return message


def test_the_creator_of_a_community_animates_it(site: dict[str, Any]) -> None:
    ws = site["ws"]
    roles = {m["name"]: m["role"] for m in ws.people.members(site["presses"])}
    assert roles == {"Ana Admin": "animator", "Eve Expert": "expert",
                     "Carl Contrib": "contributor", "Mia Member": "member"}  # fmt: skip


def test_a_member_cannot_validate_an_expert_can_and_the_signoff_is_recorded(
    site: dict[str, Any],
) -> None:
    ws, rex = site["ws"], site["rex"]
    with ws.acting_as(site["carl"]):
        ws.items.set_status(rex, "proposed")  # its author proposes
    with ws.acting_as(site["mia"]):
        message = refused(ws, lambda: ws.items.validate(rex), who="an animator or expert")
        assert message == (
            "only an animator or expert of Presses may validate it;"
            " Mia Member is a member of Presses"
        )
        refused(ws, lambda: ws.items.edit(rex, {"status": "validated"}), who="expert")
    with ws.acting_as(site["eve"]):
        item = ws.items.validate(rex)
    signed = item["signoff"]
    assert item["status"] == "validated"
    assert (signed["by"], signed["by_name"], signed["version"]) == (
        site["eve"], "Eve Expert", 3)  # fmt: skip
    assert signed["rev"] == item["rev"] and signed["on"] == ws.today().isoformat()
    assert not signed["changed_since"] and signed["recognised"]
    with ws.acting_as(site["carl"]):  # its author improves it: the validation stays, flagged
        item = ws.items.edit(rex, {"lessons": "Serrer au couple."})
    assert item["status"] == "validated" and item["signoff"]["changed_since"]
    assert item["signoff"]["version"] == 3
    with ws.acting_as(site["eve"]):
        again = ws.items.validate(rex)  # validated again: the new version is the signed one
    assert not again["signoff"]["changed_since"] and again["signoff"]["version"] == 4
    assert again["signoff"]["rev"] == again["rev"]


def test_send_back_and_obsolete_are_for_validators(site: dict[str, Any]) -> None:
    ws, rex = site["ws"], site["rex"]
    with ws.acting_as(site["eve"]):
        ws.items.validate(rex)
    with ws.acting_as(site["carl"]):  # even its author
        refused(ws, lambda: ws.items.set_status(rex, "draft"), who="animator or expert")
        refused(ws, lambda: ws.items.set_status(rex, "obsolete"), who="animator or expert")
    item = ws.items.set_status(rex, "draft", comment="Ajouter la photo du joint")  # Ana
    assert item["status"] == "draft" and item["signoff"] is None
    assert [c["body"] for c in item["comments"]] == ["Ajouter la photo du joint"]


def test_proposing_is_for_the_author_and_contributors(site: dict[str, Any]) -> None:
    ws = site["ws"]
    with ws.acting_as(site["mia"]):
        mine = ws.items.add("rex", {"title": "Bruit P3", "community": site["presses"]})["id"]
        ws.items.set_status(mine, "proposed")  # her own
        refused(ws, lambda: ws.items.set_status(site["rex"], "proposed"), who="its author")
    with ws.acting_as(site["olga"]):
        refused(
            ws,
            lambda: ws.items.add(
                "rex", {"title": "Déjà validé", "community": site["presses"], "status": "validated"}
            ),
            who="an animator or expert of Presses",
        )


def test_editing_another_persons_item_is_for_animators(site: dict[str, Any]) -> None:
    ws, rex = site["ws"], site["rex"]
    with ws.acting_as(site["eve"]):  # an expert validates but does not rewrite
        message = refused(ws, lambda: ws.items.edit(rex, {"title": "Autre"}), who="animator")
        assert "comment or copy" in message
        ws.items.comment(rex, "Préciser le couple")  # what others do instead
    assert ws.items.edit(rex, {"title": "Fuite P12 (joint)"})["title"] == "Fuite P12 (joint)"


def test_deleting_a_draft_is_for_its_author_then_for_animators(site: dict[str, Any]) -> None:
    ws = site["ws"]
    with ws.acting_as(site["carl"]):
        draft = ws.items.add("rex", {"title": "Brouillon", "community": site["presses"]})["id"]
        ws.items.delete(draft)
    with ws.acting_as(site["eve"]):
        ws.items.validate(site["rex"])
    with ws.acting_as(site["carl"]):
        refused(ws, lambda: ws.items.delete(site["rex"]), who="an animator of Presses")
    assert ws.items.delete(site["rex"])["id"] == site["rex"]  # Ana animates Presses


def test_rating_at_u_or_o_needs_an_assessor_and_self_rating_is_flagged(
    site: dict[str, Any],
) -> None:
    ws, skill = site["ws"], site["skill"]
    with ws.acting_as(site["mia"]):
        ws.people.rate(site["olga"], skill, 2)  # in training, with supervision: anyone
        refused(ws, lambda: ws.people.rate(site["olga"], skill, 3), who="or an assessor")
        own = ws.people.rate(site["mia"], skill, 4)  # oneself: allowed, shown as such
    assert own["self_assessed"] and own["level"] == 4
    with ws.acting_as(site["eve"]):  # an expert of the skill's community
        assert not ws.people.rate(site["olga"], skill, 3)["self_assessed"]
    ws.items.edit(site["carl"], {"assessor": "yes"})  # Ana marks Carl as an assessor
    with ws.acting_as(site["carl"]):
        assert ws.people.rate(site["mia"], skill, 3)["level"] == 3
    flags = {r["person"]: r["self_assessed"] for r in ws.people.ratings()}
    assert flags == {site["olga"]: False, site["mia"]: False}


def test_memberships_are_managed_by_animators_and_one_always_remains(
    site: dict[str, Any],
) -> None:
    ws, presses = site["ws"], site["presses"]
    with ws.acting_as(site["mia"]):
        refused(ws, lambda: ws.people.member(presses, site["olga"], "expert"), who="an animator")
    with ws.acting_as(site["olga"]):  # anyone may join as a member, and leave
        ws.people.member(presses, site["olga"], "member")
        refused(ws, lambda: ws.people.member(presses, site["olga"], "expert"), who="animator")
        ws.people.member(presses, site["olga"], "member", remove=True)
    message = refused(
        ws, lambda: ws.people.member(presses, site["ana"], "member"), who="always keeps one"
    )
    assert message == "Presses always keeps one animator: name another animator first"
    ws.people.member(presses, site["eve"], "animator")
    ws.people.member(presses, site["ana"], "member")  # now Eve animates it


def test_people_and_skills_are_kept_by_administrators_and_animators(
    site: dict[str, Any],
) -> None:
    ws = site["ws"]
    with ws.acting_as(site["mia"]):
        refused(ws, lambda: ws.items.add("person", {"name": "Nouveau"}), who="administrator")
        ws.items.edit(site["mia"], {"job_title": "Régleuse"})  # her own profile
        refused(ws, lambda: ws.items.edit(site["olga"], {"job_title": "X"}), who="administrator")
    with ws.acting_as(None):
        message = refused(ws, lambda: ws.items.add("skill", {"name": "S", "domain": "D"}), who="")
        assert message.endswith("say who is writing (copdesk use NAME, or --as NAME)")


def test_an_empty_workspace_imposes_nothing_and_its_first_person_administers(
    tmp_path: Path,
) -> None:
    with Workspace.create(tmp_path / "new", site="Usine neuve") as ws:
        c = ws.items.add("community", {"name": "Presses", "form": "trade"})["id"]
        ws.items.add("rex", {"title": "Validé d'emblée", "community": c, "status": "validated"})
        first = ws.items.add("person", {"name": "Première"})["id"]
        assert ws.permissions.admins() == [first]
        with pytest.raises(NotAllowed, match="who is writing"):
            ws.items.add("person", {"name": "Seconde"})
        with ws.acting_as(first):
            second = ws.items.add("person", {"name": "Seconde"})["id"]
            ws.people.member(c, second, "animator")  # a community without animator: admins
            assert ws.permissions.grant_admin(second) == [first, second]
            assert ws.permissions.revoke_admin(first) == [second]
        with ws.acting_as(second), pytest.raises(NotAllowed, match="keeps one administrator"):
            ws.permissions.revoke_admin(second)


# -- PINs ---------------------------------------------------------------------------


def test_a_pin_is_asked_for_what_a_role_allows_not_for_ones_own_items(
    site: dict[str, Any],
) -> None:
    ws = site["ws"]
    with ws.acting_as(site["eve"]):
        ws.permissions.set_pin(site["eve"], "7391")
        stored = ws.conn.execute("SELECT hash, salt FROM pins").fetchone()
        assert "7391" not in "".join(stored) and len(stored[1]) == 32  # salted hash only
        mine = ws.items.add("rex", {"title": "Ma fiche", "community": site["presses"]})["id"]
        ws.items.edit(mine, {"summary": "Pas de PIN pour ses propres éléments"})
        before = state_digest(ws.path)
        with pytest.raises(PinRequired) as caught:
            ws.items.validate(site["rex"])
        assert caught.value.person == site["eve"] and "Eve Expert's PIN" in str(caught.value)
        assert state_digest(ws.path) == before
        with pytest.raises(NotAllowed, match="wrong PIN"):
            ws.permissions.prove(site["eve"], "0000")
        with pytest.raises(BadInput, match="empty"):
            ws.permissions.prove(site["eve"], "  ")
        ws.permissions.prove(site["eve"], "7391")
        assert ws.items.validate(site["rex"])["status"] == "validated"
        ws.permissions.forget_proofs()
        with pytest.raises(PinRequired):
            ws.items.set_status(site["rex"], "obsolete")


def test_three_wrong_pins_impose_a_delay_not_a_lock_out(site: dict[str, Any]) -> None:
    ws, eve = site["ws"], site["eve"]
    with ws.acting_as(eve):
        ws.permissions.set_pin(eve, "7391")
    for _ in range(3):
        with pytest.raises(NotAllowed, match="wrong PIN"):
            ws.permissions.prove(eve, "1111")
    with pytest.raises(NotAllowed, match=r"3 wrong PINs in a row: try again in \d+ s"):
        ws.permissions.prove(eve, "7391")  # even the right one waits
    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=pins.DELAY_SECONDS + 1)
    with ws.core.db.write() as conn:
        assert pins.check_pin(conn, eve, "7391", later)  # after the delay: it works again
    assert ws.conn.execute("SELECT failures FROM pins").fetchone()[0] == 0


def test_pins_that_are_too_short_or_set_by_others_are_refused(site: dict[str, Any]) -> None:
    ws = site["ws"]
    with ws.acting_as(site["mia"]):
        with pytest.raises(BadInput, match="at least 4 characters"):
            ws.permissions.set_pin(site["mia"], "12")
        refused(ws, lambda: ws.permissions.set_pin(site["eve"], "5555"), who="administrator")
    ws.permissions.set_pin(site["mia"], "5555")  # Ana, the administrator, may


def test_a_login_tied_to_a_person_needs_no_pin(site: dict[str, Any]) -> None:
    ws, eve = site["ws"], site["eve"]
    with ws.acting_as(eve):
        ws.permissions.set_pin(eve, "7391")
        ws.permissions.prove(eve, "7391")
        tied = ws.permissions.tie_login(eve)
        ws.permissions.forget_proofs()
        assert tied["person"] == eve and ws.permissions.login_person() == eve
        assert ws.items.validate(site["rex"])["status"] == "validated"  # no PIN asked


def test_the_cli_takes_a_pin_file_only_its_owner_can_read(
    site: dict[str, Any], cli, tmp_path: Path
) -> None:
    ws = site["ws"]
    with ws.acting_as(site["eve"]):
        ws.permissions.set_pin(site["eve"], "7391")
    ws.close()
    pin = tmp_path / "pin"
    pin.write_text("7391\n")
    os.chmod(pin, 0o644)
    r = cli("--as", "Eve Expert", "--pin-file", str(pin), "validate", site["rex"])
    assert (r.code, r.err) == (2, f"copdesk: {pin} can be read by others: chmod 600 {pin}\n")
    r = cli("--as", "Eve Expert", "validate", site["rex"])  # no terminal to ask on
    assert r.code == 1 and "Eve Expert's PIN is needed to validate it" in r.err
    os.chmod(pin, 0o600)
    r = cli("--as", "Eve Expert", "--pin-file", str(pin), "validate", site["rex"])
    assert r.code == 0 and "validated (version 2)" in r.out
    pin.write_text("0000\n")
    r = cli("--as", "Eve Expert", "--pin-file", str(pin), "obsolete", site["rex"])
    assert (r.code, r.err) == (1, "copdesk: wrong PIN for Eve Expert\n")


# -- across sites -------------------------------------------------------------------


def test_a_validation_or_rating_made_elsewhere_by_a_stranger_is_kept_but_not_trusted(
    site: dict[str, Any], tmp_path: Path
) -> None:
    """At Grenoble, Mia (a plain member here) validated a report and rated Olga at O
    (as a history replayed there): Lyon keeps both, shown as not recognised."""
    lyon = site["ws"]
    grenoble = Workspace.create(tmp_path / "grenoble", site="Usine de Grenoble")
    for a, b in ((lyon, grenoble), (grenoble, lyon)):
        me = a.sites.identity()
        b.sites.trust(me["site_id"], me["key"], me["name"])
    lyon.sync.export(tmp_path / "to-grenoble.copdesk")
    grenoble.sync.import_bundle(tmp_path / "to-grenoble.copdesk")
    with grenoble.permissions.bypass(), grenoble.acting_as(site["mia"]):
        grenoble.items.validate(site["rex"])
        grenoble.people.rate(site["olga"], site["skill"], 4)
    grenoble.sync.export(tmp_path / "to-lyon.copdesk")
    grenoble.close()
    lyon.sync.import_bundle(tmp_path / "to-lyon.copdesk")
    signed = lyon.items.get(site["rex"])["signoff"]
    assert signed["by_name"] == "Mia Member" and signed["site_name"] == "Usine de Grenoble"
    assert not signed["recognised"]
    [rating] = lyon.people.profile(site["olga"])["ratings"]
    assert rating["level"] == 4 and not rating["recognised"] and not rating["self_assessed"]
    matrix = {r["id"]: r for r in lyon.people.ratings()}  # the skills matrix says the same
    assert not matrix[rating["id"]]["recognised"] and not matrix[rating["id"]]["self_assessed"]
    assert all(r["recognised"] for i, r in matrix.items() if i != rating["id"])
    assert lyon.analytics.stats("Presses")["validated_unrecognised"] == 1
    with lyon.acting_as(site["eve"]):
        lyon.items.validate(site["rex"])  # validated again here: recognised
    assert lyon.items.get(site["rex"])["signoff"]["recognised"]
    assert lyon.analytics.stats("Presses")["validated_unrecognised"] == 0
