"""Commands of the exchange between sites: identity and trust, bundles written and
applied, conflicts, and the shared folder."""

from __future__ import annotations

import sys
from argparse import Namespace
from typing import Any

from copdesk.commands.inputs import read_object
from copdesk.commands.progress import emitter, importing
from copdesk.commands.registry import Reply, arg, command, opt
from copdesk.errors import BadInput, CopdeskError
from copdesk.textout import exchange as text
from copdesk.workspace import Workspace


@command("identity", help="this site's id, name and key fingerprint", text=text.identity)
def identity(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.sites.identity()


@command(
    "sites",
    help="known sites: trust, last bundles, what they acknowledged",
    text=text.sites,
)
def sites(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    return ws.sites.list()


@command(
    "trust",
    help="trust a site's bundles (its key from `identity` there)",
    text=text.trusted,
    args=[
        arg("site", nargs="?", metavar="SITE_ID"),
        opt("--key", metavar="KEY", help="the site's public key"),
        opt("--from-bundle", metavar="FILE", help="trust the site that signed FILE"),
        opt("--name", metavar="NAME", help="the site's name (as `identity` there says)"),
        opt("--fingerprint", metavar="FP", help="confirm FILE's signer (read over the phone)"),
    ],
)
def trust(ws: Workspace, a: Namespace) -> dict[str, Any]:
    if a.from_bundle:
        if a.site or a.key:
            raise BadInput("give either --from-bundle FILE or SITE_ID --key KEY")
        fingerprint = a.fingerprint
        if fingerprint is None:  # show it first: trusting is a decision, never implicit
            p = ws.sites.bundle_signer(a.from_bundle)
            question = (
                f"{a.from_bundle} is signed by {p['name']} ({p['site']}), key fingerprint "
                f"{p['fingerprint']}: is it the one `copdesk identity` shows there?"
            )
            if not sys.stdin.isatty():
                raise CopdeskError(
                    f"{question} If so, run: copdesk trust --from-bundle {a.from_bundle} "
                    f"--fingerprint {p['fingerprint']}"
                )
            if input(f"{question} [y/N] ").strip().lower() not in ("y", "yes", "o", "oui"):
                raise CopdeskError("nothing trusted")
            fingerprint = p["fingerprint"]
        return ws.sites.trust_bundle(a.from_bundle, fingerprint)
    if a.site and a.key:
        return ws.sites.trust(a.site, a.key, a.name)
    raise BadInput("give SITE_ID --key KEY (from `copdesk identity` there) or --from-bundle FILE")


SITE_ACTIONS = ("status", "rename", "split", "read-only", "moved", "rotate-key",
                "replace-lost-key", "revoke-key")  # fmt: skip


@command(
    "site",
    help="this workspace's standing (restored, copied), its name and its keys",
    text=text.site_state,
    args=[
        arg("action", nargs="?", default="status", choices=SITE_ACTIONS),
        opt("--name", metavar="NAME", help="rename, split: the site's new name"),
        opt("--key", metavar="KEY", help="revoke-key: the key or its fingerprint"),
    ],
)
def site(ws: Workspace, a: Namespace) -> dict[str, Any]:
    """See copdesk.sync.lifecycle: a copy splits into a new site, stays read-only, or is
    the same workspace moved; keys rotate, are replaced when lost, or revoked. A site is
    renamed in place (peers learn the name from its next bundle)."""
    actions = {
        "status": ws.sites.state,
        "rename": lambda: ws.sites.rename(a.name or ""),
        "split": lambda: ws.sites.become_new_site(a.name or ""),
        "read-only": ws.sites.keep_read_only,
        "moved": ws.sites.claim_moved,
        "rotate-key": ws.sites.rotate_key,
        "replace-lost-key": ws.sites.replace_lost_key,
        "revoke-key": lambda: ws.sites.revoke_key(a.key or ""),
    }
    done = actions[a.action]()
    return done if a.action == "status" else ws.sites.state()


@command(
    "untrust",
    help="revoke a site: refuse its bundles",
    text=text.revoked,
    args=[arg("site", metavar="SITE")],
)
def untrust(ws: Workspace, a: Namespace) -> dict[str, Any]:
    return ws.sites.untrust(a.site)


@command(
    "export",
    help="write a bundle for other sites",
    text=text.exported,
    args=[
        opt("--to", required=True, metavar="FILE"),
        opt("--peer", metavar="SITE", help="only what SITE has not acknowledged"),
        opt("--community", action="append", metavar="C", help="only this community"),
        opt("--full", action="store_true", help="everything, even what was acknowledged"),
    ],
)
def export(ws: Workspace, a: Namespace) -> Reply:
    emit = emitter(a)
    done = ws.sync.export(
        a.to,
        peer=a.peer,
        communities=a.community,
        full=a.full,
        progress=(lambda lines: emit("exporting", lines)) if emit else None,
    )
    return Reply(done, peer=a.peer)


@command(
    "import",
    help="apply a bundle from another site (all or nothing)",
    text=text.bundle_report,
    args=[
        arg("file", metavar="FILE"),
        opt("--dry-run", action="store_true", help="say what would change; write nothing"),
    ],
)
def import_(ws: Workspace, a: Namespace) -> dict[str, Any]:
    # refused for an untrusted signer: with --json the error's details (the signer) are
    # printed too, so that a program can offer to trust it (copdesk.cli)
    return ws.sync.import_bundle(a.file, dry_run=a.dry_run, progress=importing(a))


@command("conflicts", help="items edited on two sites at once", text=text.conflicts)
def conflicts(ws: Workspace, a: Namespace) -> list[dict[str, Any]]:
    return ws.conflicts.list()


@command(
    "resolve",
    help="end a conflict",
    json=False,
    text=text.resolved,
    args=[
        arg("id", metavar="ID"),
        opt("--keep", metavar="REV_ID", help="keep this version"),
        opt("--json", dest="json_input", metavar="FILE|-", help="merged fields as JSON"),
    ],
)
def resolve(ws: Workspace, a: Namespace) -> dict[str, Any]:
    if (a.keep is None) == (a.json_input is None):
        raise BadInput("give --keep REV_ID or --json FILE (the merged fields)")
    changes = None
    if a.json_input is not None:
        changes = read_object(a.json_input, "the fields to set")
    return ws.conflicts.resolve(a.id, keep=a.keep, changes=changes)


@command(
    "sync-folder",
    help="exchange bundles through a shared folder",
    text=text.sync_report,
    args=[arg("folder", nargs="?", metavar="DIR", help="default: the last one used")],
)
def sync_folder(ws: Workspace, a: Namespace) -> dict[str, Any]:
    emit = emitter(a)
    if emit:
        emit("syncing")
    return ws.sync.sync_folder(a.folder)
