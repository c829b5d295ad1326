"""Exchange between sites: identity, trust, bundles written and read, conflicts and
the shared folder."""

from __future__ import annotations

from typing import Any

from copdesk.textout.terminal import count, cut, lines


def identity(i: dict[str, Any]) -> str:
    return lines(
        [
            f"site         {i['name']}",
            f"site id      {i['site_id']}",
            f"fingerprint  {i['fingerprint']}",
            f"key          {i['key']}",
            "another site trusts this one with:",
            f"  {i['trust_command']}",
        ]
    )


def sites(rows: list[dict[str, Any]]) -> str:
    out = []
    for s in rows:
        when_in = (s["last_in"] or "never")[:16].replace("T", " ")
        when_out = (s["last_out"] or "never")[:16].replace("T", " ")
        out.append(f"{s['name']}  [{s['trust']}]  {s['id']}")
        if s["self"]:
            out.append(f"    fingerprint {s['fingerprint']}  (this site)")
            continue
        out.append(f"    fingerprint {s['fingerprint'] or '(no key: copdesk trust)'}")
        out.append(
            f"    last bundle in {when_in}, out {when_out}; not yet acknowledged: {s['pending']}"
        )
    return lines(out)


def trusted(site: dict[str, Any]) -> str:
    return f"trusted {site['name']} ({site['id']}), key fingerprint {site['fingerprint']}\n"


def revoked(site: dict[str, Any]) -> str:
    return f"revoked {site['name']} ({site['id']}): its bundles are refused from now on\n"


def exported(done: dict[str, Any], peer: str | None) -> str:
    what = f"for {peer}" if peer else "with everything shareable"
    return (
        f"wrote {done['file']} {what}: {count(done['revisions'], 'revision')}, "
        f"{count(done['attachments'], 'attachment')}, {done['bytes']:,} bytes\n"
    )


def bundle_report(r: dict[str, Any]) -> str:
    verb = "would change" if r["dry_run"] else "imported"
    out = [
        f"{verb} from {r['producer_name']}: {r['new']} new, {r['updated']} updated, "
        f"{r['unchanged']} unchanged, {r['conflicts']} conflicts, {r['refused']} refused"
    ]
    for line in r["items"][:30]:
        flag = " (in conflict)" if line["conflict"] else ""
        flag += " (deleted)" if line["deleted"] else ""
        gone = line.get("overturned_delete")
        if gone:
            where = gone["site_name"] or gone["site"]
            flag += f" (kept: an edit overturned its deletion at {where})"
        out.append(f"  {line['outcome']:<9} {line['kind']:<10} {cut(line['title'], 50)}{flag}")
    if len(r["items"]) > 30:
        out.append(f"  … and {len(r['items']) - 30} more (use --json for all)")
    if r["conflicts"]:
        out.append("see them with: copdesk conflicts")
    held = r.get("held_back") or []
    if held:
        out.append(f"held back (not taken; they come again with a later bundle): {len(held)}")
        for h in held[:10]:
            who = h["site_name"] or h["site"]
            out.append(f"  {h['kind']:<10} {cut(h['title'], 40)}  from {who}: {h['why']}")
        if any(h["reason"] == "untrusted" for h in held):
            out.append(
                "  to take them, trust their site (compare its fingerprint): copdesk trust"
                " SITE_ID --key KEY --name NAME, as `copdesk identity` prints it there"
            )
    return lines(out)


def site_state(st: dict[str, Any]) -> str:
    out = [
        f"site         {st['name']} ({st['site_id']})",
        f"state        {st['state']}" + (f": {st['message']}" if st.get("message") else ""),
        f"feed         {st['feed']}",
    ]
    for k in st["keys"]:
        mark = " (current)" if k["current"] else (" (revoked)" if k["revoked"] else "")
        out.append(f"key          {k['fingerprint']}{mark}")
    return lines(out)


def conflicts(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "no conflicts\n"
    out = []
    for c in rows:
        out.append(f"{c['kind']} {c['id']}  {c['title']}")
        out.append(f"    differs in: {', '.join(c['differ']) or '(nothing: same content)'}")
        for v in c["versions"]:
            shown = " (shown)" if v["shown"] else ""
            who = v["author_name"] or "unknown"
            out.append(f"    {v['rev_id'][:12]}  {v['site_name']}, {who}, {v['at'][:16]}{shown}")
        out.append(f"    keep one: copdesk resolve {c['id'][:8]} --keep REV_ID")
    return lines(out)


def resolved(item: dict[str, Any]) -> str:
    return f"resolved {item['kind']} {item['id']}: now at revision {item['rev'][:12]}\n"


def sync_report(r: dict[str, Any]) -> str:
    out = []
    for e in r["imported"]:
        if e["status"] == "imported":
            out.append(
                f"{e['file']}: {e['new']} new, {e['updated']} updated, {e['conflicts']} conflicts"
            )
        else:
            out.append(f"{e['file']}: {e['status']}: {e['message']}")
    if not r["imported"]:
        out.append("no new bundles from other sites")
    w = r["written"]
    if w["written"]:
        out.append(f"wrote {w['file']}: {w['revisions']} revisions, {w['attachments']} attachments")
    else:
        out.append(f"{w['file']} is up to date")
    return lines(out)
