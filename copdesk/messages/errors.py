"""Errors in words: who may do what, PINs, refused bundles, files.

The English text is what the command line has always printed (errors are raised with
it); the window words the same code and facts in its own language
(:func:`copdesk.messages.error_text`), so a French window never shows an English
refusal. ``may.ACTION`` says who may take an action of
:data:`copdesk.model.permissions.RULES`, ``doing.ACTION`` what was refused; a
``what`` phrase given to :meth:`copdesk.permissions.Permissions.require` is looked up
by its English words among the ``doing.*`` entries.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- who may do what (copdesk/model/permissions.py) ------------------------------
    "refusal.only": ("only {who} may {doing}", "seul {who} peut {doing}"),
    "refusal.say_who": (
        "{refusal}: say who is writing (copdesk use NAME, or --as NAME)",
        "{refusal} : indiquez qui écrit sur ce poste (copdesk use NOM, ou --as NOM)",
    ),
    "refusal.role": (
        "{refusal}; {person} is a {role:lower} of {community}",
        "{refusal} ; {person} est {role:lower} de {community}",
    ),
    "refusal.not_member": (
        "{refusal}; {person} is not a member of {community}",
        "{refusal} ; {person} n'est pas membre de {community}",
    ),
    "refusal.not": ("{refusal}; {person} is not", "{refusal} ; {person} ne l'est pas"),
    "refusal.a_community": ("a community", "une communauté"),
    "refusal.one_admin": (
        "the site always keeps one administrator: name another one first",
        "le site garde toujours un administrateur : nommez-en d'abord un autre",
    ),
    "may.propose": (
        "its author or a contributor, expert or animator of {community}",
        "son auteur ou un contributeur, expert ou animateur de {community}",
    ),
    "may.validate": (
        "an animator or expert of {community}",
        "un animateur ou un expert de {community}",
    ),
    "may.send_back": (
        "an animator or expert of {community}",
        "un animateur ou un expert de {community}",
    ),
    "may.obsolete": (
        "an animator or expert of {community}",
        "un animateur ou un expert de {community}",
    ),
    "may.edit_other": (
        "its author or an animator of {community} (others can comment or copy it)",
        "son auteur ou un animateur de {community} (les autres peuvent commenter ou copier)",
    ),
    "may.delete_draft": (
        "its author or an animator of {community}",
        "son auteur ou un animateur de {community}",
    ),
    "may.delete": (
        "an animator of {community} or a site administrator",
        "un animateur de {community} ou un administrateur du site",
    ),
    "may.rate_high": (
        "an animator or expert of {community}, or an assessor",
        "un animateur ou un expert de {community}, ou un évaluateur",
    ),
    "may.manage_members": (
        "an animator of {community} or a site administrator",
        "un animateur de {community} ou un administrateur du site",
    ),
    "may.edit_community": (
        "an animator of {community} or a site administrator",
        "un animateur de {community} ou un administrateur du site",
    ),
    "may.catalogue": (
        "a site administrator or an animator",
        "un administrateur du site ou un animateur",
    ),
    "may.trust": ("a site administrator", "un administrateur du site"),
    "doing.propose": ("propose it for validation", "la proposer à la validation"),
    "doing.validate": ("validate it", "la valider"),
    "doing.send_back": ("send it back", "la renvoyer"),
    "doing.obsolete": ("mark it obsolete", "la déclarer obsolète"),
    "doing.edit_other": ("change another person's item", "modifier l'élément d'une autre personne"),
    "doing.delete_draft": ("delete it", "la supprimer"),
    "doing.delete": ("delete it", "la supprimer"),
    "doing.rate_high": ("rate someone at U or O", "évaluer quelqu'un au niveau U ou O"),
    "doing.manage_members": ("change who belongs to it", "changer ses membres"),
    "doing.edit_community": ("change the community", "modifier la communauté"),
    "doing.catalogue": ("change people and skills", "modifier les personnes et compétences"),
    "doing.trust": ("do this", "faire cela"),
    "doing.add_person": ("add a person", "ajouter une personne"),
    "doing.add_skill": ("add a skill", "ajouter une compétence"),
    "doing.delete_person": ("delete a person", "supprimer une personne"),
    "doing.delete_skill": ("delete a skill", "supprimer une compétence"),
    "doing.change_profile": (
        "change another person's profile",
        "modifier le profil d'une autre personne",
    ),
    "doing.change_skill": ("change a skill", "modifier une compétence"),
    "doing.set_pin": ("set another person's PIN", "définir le code PIN d'une autre personne"),
    "doing.tie_login": (
        "tie a login to another person",
        "associer une session à une autre personne",
    ),
    "doing.name_admin": ("name an administrator", "nommer un administrateur"),
    "doing.remove_admin": ("remove an administrator", "retirer un administrateur"),
    "doing.split": ("make this copy a new site", "faire de cette copie un nouveau site"),
    "doing.read_only": ("keep this copy read-only", "garder cette copie en lecture seule"),
    "doing.moved": ("declare this copy the site", "déclarer que cette copie est le site"),
    "doing.rotate_key": ("change the site's key", "changer la clé du site"),
    "doing.replace_key": ("replace the site's key", "remplacer la clé du site"),
    "doing.revoke_key": ("revoke a key of the site", "révoquer une clé du site"),
    "doing.rename_site": ("rename the site", "renommer le site"),
    "doing.trust_site": ("trust a site", "faire confiance à un site"),
    "doing.untrust_site": ("untrust a site", "retirer sa confiance à un site"),
    # -- proving who is writing ------------------------------------------------------
    "pin.needed": (
        "{name}'s PIN is needed to {doing} (give --pin-file FILE, or type it when asked)",
        "le code PIN de {name} est nécessaire pour {doing}",
    ),
    "pin.wrong": ("wrong PIN for {name}", "code PIN erroné pour {name}"),
    "pin.empty": ("the PIN is empty", "le code PIN est vide"),
    # -- bundles (copdesk/sync/bundle.py) --------------------------------------------
    "bundle.refused": ("bundle refused: {reason}", "paquet d'échange refusé : {reason}"),
    "bundle.not_bundle": (
        "not a copdesk bundle ({why})",
        "ce n'est pas un paquet d'échange copdesk ({why})",
    ),
    "bundle.no_mimetype": ("no mimetype entry first", "pas d'entrée mimetype en tête"),
    "bundle.wrong_mimetype": ("wrong mimetype", "mauvais type"),
    "bundle.not_zip": (
        "not a readable zip file ({detail})",
        "fichier zip illisible, peut-être copié à moitié (détail : {detail})",
    ),
    "bundle.truncated": (
        "revisions.jsonl does not end with a newline (truncated?)",
        "le fichier est tronqué (copie interrompue ?)",
    ),
    "bundle.altered": (
        "{name} does not match its hash in the manifest",
        "{name} ne correspond pas à son empreinte : le fichier est abîmé ou a été modifié",
    ),
    "bundle.lines_altered": (
        "revisions.jsonl does not match the hash in the manifest",
        "revisions.jsonl ne correspond pas à son empreinte : le fichier est abîmé ou modifié",
    ),
    "bundle.bad_signature": (
        "bad signature: the manifest was altered or not signed by its producer",
        "signature invalide : le paquet a été modifié ou n'a pas été signé par son site",
    ),
    "bundle.too_large": (
        "the file is larger than {mib} MiB",
        "le fichier dépasse {mib} Mio",
    ),
    "bundle.newer": (
        "made by a newer copdesk (bundle format {fmt}, schema {schema}; this copdesk reads "
        "format {reads_fmt}, schema {reads_schema}): upgrade copdesk",
        "fait par une version plus récente de copdesk (format {fmt}, schéma {schema} ; "
        "celle-ci lit le format {reads_fmt}, schéma {reads_schema}) : mettez copdesk à jour",
    ),
    "bundle.from_self": ("this bundle was made by this site", "ce paquet a été fait par ce site"),
    "bundle.untrusted": (
        "bundle from a site this workspace does not trust: site {quoted} ({site}), key "
        "fingerprint {fingerprint}. If that site's `copdesk identity` shows the same "
        "fingerprint, run: {hint}",
        "paquet d'un site auquel ce poste ne fait pas confiance : site {quoted} ({site}), "
        "empreinte de clé {fingerprint}. Si ce site montre la même empreinte, "
        "faites-lui confiance ({hint})",
    ),
    # -- files -----------------------------------------------------------------------
    "file.cannot_read": (
        "cannot read {path}: {reason}",
        "impossible de lire {path} (détail : {reason})",
    ),
    "file.missing": (
        "cannot read {path}: {reason}",
        "le fichier {path} n'existe pas ou plus (détail : {reason})",
    ),
    "file.denied": (
        "cannot read {path}: {reason}",
        "lecture de {path} refusée : droits insuffisants (détail : {reason})",
    ),
    "file.not_a_file": ("{path} is not a file", "{path} n'est pas un fichier"),
}
