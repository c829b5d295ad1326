"""People: memberships, skill ratings, profiles and what a person contributed."""

from __future__ import annotations

from typing import Any

from copdesk import messages
from copdesk.textout.terminal import cut, lines


def membership(m: dict[str, Any], person: str, community: str, removed: bool) -> str:
    return f"{person} in {community}: {'removed' if removed else m['role']}\n"


def rating(r: dict[str, Any], person: str) -> str:
    return f"{person}: {r['skill_name']} level {r['level']} ({r['glyph']})\n"


def profile(p: dict[str, Any], language: str) -> str:
    person = p["person"]
    since = messages.text("profile.since", language)
    out = [f"{person['name']} — {person.get('job_title') or ''}, {person.get('site') or ''}"]
    out += [
        f"  {m['community_name']}: {m['role']} ({since} {m['since']})" for m in p["memberships"]
    ]
    domain = None
    for r in p["ratings"]:
        if r["domain"] != domain:
            domain = r["domain"]
            out.append(f"\n{domain}")
        label = messages.level_label(r["level"], language)
        flags = []
        if r["interest"]:
            flags.append(r["interest"])
        if r["valid_until"]:
            state = "EXPIRED" if r["expired"] else ("expiring" if r["expiring"] else "valid")
            flags.append(f"{state} {r['valid_until']}")
        out.append(
            f"  {r['glyph']} {r['level']}  {cut(r['skill_name'], 40):<40} {label:<22} "
            + "  ".join(flags)
        )
        out += [
            f"        was {h['level']} on {h['assessed_on']}"
            f" ({h['assessor_name'] or 'unknown assessor'})"
            for h in r.get("history", [])
        ]
    return lines(out)


def contributions(c: dict[str, Any]) -> str:
    n, imp, r = c["counts"], c["impact"], c["recognition"]
    others = f" ({', '.join(imp['sites'])})" if imp["sites"] else ""
    out = [
        f"{c['person_name']} ({c['site'] or 'no site'})",
        f"  authored: {n['rex']} report(s), {n['howto']} sheet(s), {n['questions']} question(s)",
        f"  validated: {n['validated']}   commented: {n['commented']}",
        f"  answered: {n['answered']} ({n['accepted']} accepted)",
        f"  marked as helpful or applied: {n['marks_given']}",
        f"  impact: helped {imp['helped']}, applied {imp['applied']},"
        f" {imp['other_sites']} from other sites{others}",
    ]
    for m in imp["marks"][:10]:
        where = f" at {m['site']}" if m["site"] else ""
        out.append(
            f"    {m['on'] or '':<10}  {m['type']:<7}  {cut(m['item_title'], 44):<44}"
            f"  {m['person_name'] or '?'}{where}"
        )
    out.append(
        f"  recognition: {r['points']} points, {r['beyond_authoring']} beyond authoring"
        " (validating, answering, reuse, marking what helped)"
    )
    return lines(out)


def pin(data: dict[str, Any], name: str, cleared: bool) -> str:
    if cleared:
        return f"{name} has no PIN: actions their roles allow need no proof on this site\n"
    return f"PIN set for {name}: asked before actions their roles allow\n"


def admins(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no administrator: the first person to act looks after the site\n"
    return "".join(f"{r['name']} ({r['id'][:8]})\n" for r in rows)


def login(data: dict[str, Any], name: str | None) -> str:
    if not data["person"]:
        return f"login {data['login']}: tied to nobody (PINs are asked)\n"
    return f"login {data['login']}: {name} (no PIN asked of them on this computer)\n"
