"""Labels: the words for the model's codes and for the parts of an item page.

Choices (``choice.CODE``: a status, a priority, a role…) are only shown, so their
words live here. The names of kinds and fields (``kind.rex``, ``field.rex.title``)
and of ILUO levels (``level.3``) stay in :mod:`copdesk.model.kinds`, because the
Markdown form and the CSV import read them as input in both languages and the
search index holds the level names; :func:`model_labels` serves them from there,
so every label is still looked up one way (:func:`copdesk.messages.text`).
"""

from __future__ import annotations

from copdesk.model.kinds import KINDS, LEVELS

CHOICES: dict[str, tuple[str, str]] = {
    "choice.draft": ("Draft", "Brouillon"),
    "choice.proposed": ("Proposed", "Proposé"),
    "choice.validated": ("Validated", "Validé"),
    "choice.obsolete": ("Obsolete", "Obsolète"),
    "choice.private": ("Private (this computer)", "Privé (ce poste)"),
    "choice.site": ("This site only", "Ce site seulement"),
    "choice.shared": ("Shared with other sites", "Partagé avec les autres sites"),
    "choice.fr": ("Français", "Français"),
    "choice.en": ("English", "English"),
    "choice.trade": ("Trade / thematic", "Métier / thématique"),
    "choice.innovation": ("Innovation / improvement", "Innovation / progrès"),
    "choice.project": ("Project", "Projet"),
    "choice.strategic": ("Strategic objective", "Objectif stratégique"),
    "choice.process": ("Operational process", "Processus opérationnel"),
    "choice.risk": ("Risk control", "Maîtrise d'un risque"),
    "choice.initiation": ("Initiation", "Initialisation"),
    "choice.coalition": ("Coalition", "Coalition"),
    "choice.action": ("Action", "Action"),
    "choice.dispersion": ("Dispersion", "Dispersion"),
    "choice.dissolution": ("Dissolution", "Disparition"),
    "choice.positive": ("Positive", "Positif"),
    "choice.negative": ("Negative", "Négatif"),
    "choice.near_miss": ("Near miss", "Presqu'accident"),
    "choice.red": ("Red — urgent", "Rouge — urgent"),
    "choice.yellow": ("Yellow — caution", "Jaune — vigilance"),
    "choice.blue": ("Blue — information", "Bleu — information"),
    "choice.green": ("Green — good practice", "Vert — bonne pratique"),
    "choice.animator": ("Animator", "Animateur"),
    "choice.expert": ("Expert", "Expert"),
    "choice.contributor": ("Contributor", "Contributeur"),
    "choice.member": ("Member", "Membre"),
    "choice.sponsor": ("Sponsor", "Sponsor"),
    "choice.learn": ("Wants to learn", "Souhaite apprendre"),
    "choice.teach": ("Wants to teach", "Souhaite transmettre"),
    "choice.related": ("Related", "Lié"),
    "choice.helped": ("This helped me", "Cela m'a aidé"),
    "choice.applied": ("Applied here", "Appliqué ici"),
    "choice.supersedes": ("Supersedes", "Remplace"),
    "choice.applies": ("Applies", "Applique"),
    "choice.yes": ("Yes", "Oui"),
}

PAGE: dict[str, tuple[str, str]] = {
    # the conjunction of lists ("a, b and c"), used by {items:list}
    "list.and": ("and", "et"),
    # an item page (`copdesk show`, the HTML page) and a profile
    "item.author": ("Author", "Auteur"),
    "item.updated": ("Updated", "Mis à jour"),
    "item.created_updated": ("Created / updated", "Créé / modifié"),
    "item.members": ("Members", "Membres"),
    "item.validation": ("Validation", "Validation"),
    "item.validated_by": (
        "version {version} validated by {name} on {on}",
        "version {version} validée par {name} le {on}",
    ),
    "item.changed_since": ("changed since", "modifiée depuis"),
    "item.not_recognised": (
        "not recognised here (no animator or expert role known here)",
        "non reconnue ici (aucun rôle d'animateur ou d'expert connu ici)",
    ),
    "item.not_validated": ("not validated ({status})", "non validé ({status})"),
    "item.version": ("version {version}", "version n° {version}"),
    "profile.since": ("since", "depuis"),
    # who validated which version (item["signoff"]), and ratings given elsewhere
    "signoff.validated": (
        "validated version {version} by {by} on {on}",
        "version {version} validée par {by} le {on}",
    ),
    "signoff.changed_since": ("changed since", "a changé depuis"),
    "signoff.unrecognised": (
        "validated at {site} by {by}, not a validator here",
        "validation faite à {site} par {by}, qui n'est pas validateur ici",
    ),
    "rating.self_assessed": ("self-assessed", "auto-évaluation"),
    "rating.unrecognised": (
        "not recognised here: rated at another site by someone who may not rate so here",
        "non reconnue ici : évaluée sur un autre site par une personne qui ne peut pas "
        "évaluer ainsi ici",
    ),
    # the evidence of reuse on an item
    "marks.heading": ("Reuse", "Réutilisation"),
    "marks.line": ("{mark} — {person}, {site}, {on}", "{mark} — {person}, {site}, le {on}"),
}


def model_labels() -> dict[str, tuple[str, str]]:
    """``kind.K``, ``field.K.F`` and ``level.N`` from the model's own bilingual table."""
    out: dict[str, tuple[str, str]] = {}
    for kind in KINDS.values():
        out[f"kind.{kind.name}"] = (kind.en, kind.fr)
        for f in kind.fields:
            out[f"field.{kind.name}.{f.name}"] = (f.en, f.fr)
    for level, (_, en, fr) in LEVELS.items():
        out[f"level.{level}"] = (en, fr)
    return out
