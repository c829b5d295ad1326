"""What an import did not take, and why, in the window's language: the reasons a
revision is held back (``held_back[].reason``, the codes of
:data:`copdesk.sync.admit.REASONS`) and an edit that overturned a deletion."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "held.untrusted": ("its site is not trusted here", "son site n'est pas approuvé ici"),
    "held.revoked-site": ("its site was revoked here", "son site a été révoqué ici"),
    "held.revoked-key": (
        "it is signed with a revoked key of its site",
        "elle est signée par une clé révoquée de son site",
    ),
    "held.feed": (
        "its feed was declared with a key not trusted here",
        "son flux a été déclaré avec une clé non approuvée ici",
    ),
    "held.format-1": (
        "relayed in a format-1 bundle, without its site's signature: re-export from a "
        "current copdesk",
        "relayée dans un paquet au format 1, sans la signature de son site : le réexporter "
        "depuis un copdesk à jour",
    ),
    "held.no-file": (
        "the attachment arrived without its file",
        "la pièce jointe est arrivée sans son fichier",
    ),
    "held.parent": (
        "it builds on a held-back revision",
        "elle suit une révision mise en attente",
    ),
    "held.missing": (
        "it builds on a revision neither here nor in the bundle: it comes again",
        "elle suit une révision absente d'ici et du paquet : elle reviendra",
    ),
    "import.overturned": (
        "kept: an edit overturned its deletion at {site}",
        "conservé : une modification a annulé sa suppression à {site}",
    ),
}
