"""Why two people are tied, and why a finding of the latent network was made
(:mod:`copdesk.analytics.network`)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # a tie between two people: its parts joined
    "network.tie": ("{parts:join(; )}", "{parts:join( ; )}"),
    "network.tie.coauthor": (
        "co-wrote {n} {n:plural(item|items)}",
        "ont co-écrit {n} {n:plural(élément|éléments)}",
    ),
    "network.tie.comment": (
        "{n} {n:plural(comment|comments)}",
        "{n} {n:plural(commentaire|commentaires)}",
    ),
    "network.tie.answer": ("{n} {n:plural(answer|answers)}", "{n} {n:plural(réponse|réponses)}"),
    "network.tie.reuse": (
        "reused at another site {n} {n:plural(time|times)}",
        "réutilisé sur un autre site {n} fois",
    ),
    "network.tie.skills": (
        "shared skills: {skills:join(, )}",
        "{skills:plural(compétence partagée|compétences partagées)} : {skills:join(, )}",
    ),
    "network.tie.communities": (
        "both in {communities:join(, )}",
        "tous deux dans {communities:join(, )}",
    ),
    # a bridge: each reason is one line
    "network.bridge.sites": (
        "works with people at {sites:join(, )}",
        "travaille avec des personnes de {n} sites : {sites:join(, )}",
    ),
    "network.site_count": ("{site} ({n})", "{site} ({n})"),
    "network.bridge.communities": (
        "links communities {communities:join(, )}",
        "relie les communautés {communities:join(, )}",
    ),
    "network.bridge.clusters": ("ties {n} working groups", "relie {n} groupes de travail"),
    "network.bridge.splits": (
        "without them their group splits into {sizes:join( + )}",
        "sans elle/lui, son groupe se scinde en {sizes:join( + )}",
    ),
    # an isolated person
    "network.isolated_person": (
        "no co-written item, comment, answer or reuse with anyone; {context:join(, )}",
        "aucun élément co-écrit, commentaire, réponse ni réutilisation avec qui que ce soit"
        " ; {context:join(, )}",
    ),
    "network.member_of": ("member of {communities:join(, )}", "membre de {communities:join(, )}"),
    "network.in_no_community": ("in no community", "dans aucune communauté"),
    "network.rated_on": (
        "rated L or more on {n} {n:plural(skill|skills)}",
        "niveau L ou plus sur {n} {n:plural(compétence|compétences)}",
    ),
    # an isolated site
    "network.isolated_site": (
        "no work tie with another site ({people} {people:plural(person|people)},"
        " {ties} {ties:plural(tie|ties)} inside)",
        "aucun lien de travail avec un autre site ({people} {people:plural(personne|personnes)},"
        " {ties} {ties:plural(lien|liens)} sur place)",
    ),
    # who should meet whom
    "network.suggestion": (
        "{parts:join(; )}; {a_site} and {b_site}, never worked together",
        "{parts:join( ; )} ; sites {a_site} et {b_site}, n'ont jamais travaillé ensemble",
    ),
    "network.both_hold": (
        "both hold {topic} ({a} {a_level}, {b} {b_level})",
        "tous deux maîtrisent {topic} ({a} : {a_level} ; {b} : {b_level})",
    ),
    "network.level": ("level {level}", "niveau {level}"),
    "network.level_and_wish": ("level {level}, {wish}", "niveau {level}, {wish}"),
    "network.wants.teach": ("wants to teach", "souhaite transmettre"),
    "network.wants.learn": ("wants to learn", "souhaite apprendre"),
    "network.wants": ("wants to {interest}", "souhaite {interest}"),
    "network.both_wrote": ("both wrote about {topic}", "tous deux ont écrit sur {topic}"),
    "network.also": ("also {topics:join(, )}", "aussi {topics:join(, )}"),
    # a candidate community
    "network.candidate": (
        "{n} {n:plural(person|people)} who work together on {theme:join(, )}: no community's"
        " name, charter or usual tags mention it",
        "{n} {n:plural(personne|personnes)} qui travaillent ensemble sur {theme:join(, )} :"
        " aucune communauté n'en parle dans son nom, sa charte ou ses tags habituels",
    ),
}
