"""A community's stage diagnosis and the animation actions that fit each stage
(:mod:`copdesk.analytics.stats`). A guidance entry has several lines."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "stage.still_active": (
        "declared dissolution, but members contributed in the last 90 days: still active",
        "déclarée en disparition, mais des membres ont contribué ces 90 derniers jours :"
        " encore active",
    ),
    "stage.no_contribution": (
        "declared {stage:lower}, but no contribution for 90 days: looks like dispersion",
        "déclarée en {stage:lower}, mais aucune contribution depuis 90 jours :"
        " ressemble à une dispersion",
    ),
    "stage.few_active": (
        "declared action, but only {active} active member(s) in 90 days: looks like dispersion",
        "déclarée en action, mais seulement {active} membre(s) actif(s) en 90 jours :"
        " ressemble à une dispersion",
    ),
    "stage.active_again": (
        "declared dispersion, but {active} active members and {recent} contributions in 30"
        " days: looks active again",
        "déclarée en dispersion, mais {active} membres actifs et {recent} contributions en 30"
        " jours : semble de nouveau active",
    ),
    "stage.never_took_off": (
        "declared initiation for more than 180 days without any contribution: never took off,"
        " relaunch it or dissolve it",
        "en initialisation depuis plus de 180 jours sans aucune contribution : n'a jamais"
        " démarré, la relancer ou la dissoudre",
    ),
    "stage.matches": (
        "declared {stage:lower}: the activity matches",
        "déclarée en {stage:lower} : l'activité correspond",
    ),
}

GUIDANCE: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "guidance.initiation": (
        (
            "Find the sponsor and write the charter: why this community, for whom.",
            "Identify the first members and the experts of the trade.",
            "Hold a kick-off meeting and agree on a first shared problem.",
        ),
        (
            "Trouver le sponsor et écrire la charte : pourquoi cette communauté, pour qui.",
            "Repérer les premiers membres et les experts du métier.",
            "Tenir une réunion de lancement et choisir un premier problème commun.",
        ),
    ),
    "guidance.coalition": (
        (
            "Bring members to meet regularly (monthly), across sites.",
            "Collect the first experience reports and questions.",
            "Agree on the rules: visibility, validation, who animates.",
        ),
        (
            "Faire se rencontrer les membres régulièrement (chaque mois), entre sites.",
            "Recueillir les premiers retours d'expérience et les premières questions.",
            "S'accorder sur les règles : visibilité, validation, qui anime.",
        ),
    ),
    "guidance.action": (
        (
            "Keep the rhythm: answer questions quickly, validate proposed items.",
            "Turn good answers into know-how sheets; review old sheets.",
            "Show the impact: items applied at other sites, people helped.",
        ),
        (
            "Garder le rythme : répondre vite aux questions, valider les éléments proposés.",
            "Transformer les bonnes réponses en fiches savoir-faire ; revoir les fiches anciennes.",
            "Montrer l'impact : éléments appliqués sur d'autres sites, personnes aidées.",
        ),
    ),
    "guidance.dispersion": (
        (
            "Ask members what they need now; refresh the charter or the themes.",
            "Hand the animation to a new animator, or merge with a close community.",
            "Capture the knowledge of the experts before they leave.",
        ),
        (
            "Demander aux membres ce dont ils ont besoin ; rafraîchir la charte ou les thèmes.",
            "Confier l'animation à un nouvel animateur, ou fusionner avec une communauté proche.",
            "Capitaliser le savoir des experts avant leur départ.",
        ),
    ),
    "guidance.dissolution": (
        (
            "Archive the content (it stays searchable) and say where the topic lives now.",
            "Thank the members; point them to related communities.",
        ),
        (
            "Archiver le contenu (il reste consultable) et dire où le sujet vit désormais.",
            "Remercier les membres ; les orienter vers des communautés voisines.",
        ),
    ),
}
