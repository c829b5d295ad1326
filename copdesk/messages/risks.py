"""Why knowledge is at risk (:mod:`copdesk.analytics.risks`): one sentence per line.

A line's reason is ``risk.reason``: a head saying the fact, the clauses that
aggravate it, then what to do. Heads and actions are per kind of line; clauses are
shared.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "risk.reason": ("{parts:list}: {action}.", "{parts:list} : {action}."),
    # "Marie Dupont (Usine de Lyon)": a person and their site
    "risk.person_at": ("{name} ({site})", "{name} ({site})"),
    "risk.no_site": ("no site", "sans site"),
    # heads
    "risk.no_holder": ("Nobody is autonomous on {skill}", "Personne n'est autonome sur {skill}"),
    "risk.single_holder": (
        "Only {holder} is autonomous on {skill} (level {level})",
        "{holder} est la seule personne autonome sur {skill} (niveau {level})",
    ),
    "risk.no_holder_at_site": (
        "Nobody at {site} is autonomous on {skill} ({rated} {rated:plural(person|people)} rated"
        " there)",
        "À {site}, personne n'est autonome sur {skill}"
        " ({rated} {rated:plural(personne évaluée|personnes évaluées)} sur ce site)",
    ),
    "risk.single_holder_at_site": (
        "Only {holder} is autonomous on {skill} at {site}",
        "À {site}, {holder} est la seule personne autonome sur {skill}",
    ),
    "risk.expiring": (
        "The level {level} rating of {holder} on {skill} expires on {date}"
        " (in {days} {days:plural(day|days)}), which would leave"
        " {left} {left:plural(autonomous holder|autonomous holders)}",
        "L'évaluation de niveau {level} de {holder} sur {skill} expire le {date}"
        " ({days:plural(aujourd'hui|dans # jour|dans # jours)}), ce qui laisserait"
        " {left:plural(aucun détenteur autonome|# détenteur autonome|# détenteurs autonomes)}",
    ),
    "risk.unwritten_expert": (
        "{holder} is an expert (level 4) on {skill}, yet no report or sheet of theirs is about it",
        "{holder} est au niveau expert (4) sur {skill}, mais aucun de ses retours"
        " d'expérience ni aucune de ses fiches ne porte dessus",
    ),
    "risk.unwritten_only_expert": (
        "{holder} is an expert (level 4) on {skill} and its only autonomous holder, yet no"
        " report or sheet of theirs is about it",
        "{holder} est au niveau expert (4) sur {skill}, seule personne autonome dessus, mais"
        " aucun de ses retours d'expérience ni aucune de ses fiches ne porte dessus",
    ),
    "risk.uncovered_skill": (
        "No know-how sheet covers {skill}",
        "Aucune fiche savoir-faire ne couvre {skill}",
    ),
    # clauses
    "risk.learning": (
        "{n} {n:plural(person is|people are)} learning it",
        "{n} {n:plural(personne est|personnes sont)} en formation",
    ),
    "risk.lapsed": (
        "{n:plural(# former holder's rating expired|# former holders' ratings expired)}",
        "{n:plural(l'évaluation d'un ancien détenteur a expiré"
        "|les évaluations de # anciens détenteurs ont expiré)}",
    ),
    "risk.no_sheet": (
        "no know-how sheet covers it",
        "aucune fiche savoir-faire ne couvre cette compétence",
    ),
    "risk.held_elsewhere": (
        "it is held at {sites:list}",
        "la compétence est détenue ailleurs ({sites:list})",
    ),
    "risk.others_elsewhere": (
        # "persons": as the reports have always said it
        "{n} {n:plural(other person holds|other persons hold)} it elsewhere",
        "{n} {n:plural(autre personne est autonome|autres personnes sont autonomes)} ailleurs",
    ),
    "risk.autonomous_on_it": (
        "{n} {n:plural(person is|people are)} autonomous on it ({names:list})",
        "{n} {n:plural(personne est autonome|personnes sont autonomes)} dessus ({names:list})",
    ),
    "risk.nobody_autonomous_on_it": (
        "nobody is autonomous on it",
        "personne n'est autonome dessus",
    ),
    # actions
    "risk.action.no_holder": (
        "train a holder or bring the know-how in",
        "former un détenteur ou faire venir le savoir-faire",
    ),
    "risk.action.single_holder": (
        "have {name} write it down and train a second holder",
        "faire écrire ce savoir-faire à {name} et former un second détenteur",
    ),
    "risk.action.no_holder_at_site": (
        "train someone there or pair them with a holder elsewhere",
        "former quelqu'un sur place ou l'associer à un détenteur d'un autre site",
    ),
    "risk.action.single_holder_at_site": (
        "train a second holder at {site}",
        "former un second détenteur à {site}",
    ),
    "risk.action.expiring": (
        "reassess or renew it before then",
        "la réévaluer ou la renouveler d'ici là",
    ),
    "risk.action.unwritten_expert": (
        "ask {name} to write a know-how sheet",
        "demander à {name} d'écrire une fiche savoir-faire",
    ),
    "risk.action.write_with": ("write one with {name}", "en écrire une avec {name}"),
    "risk.action.find_writer": (
        "find someone to write one",
        "trouver quelqu'un pour en écrire une",
    ),
}
