"""Starting templates: the usual sections of a report or sheet, ready to fill in.

A technician writing after a shift should not face fifteen empty boxes; a
template puts the questions an expert would ask as short headings and empty
bullets. Templates are content (written in the item's language, like the demo),
so each holds both languages; they fill only empty fields, never typed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Template:
    name: str
    kind: str
    en: str  # the name shown in the menu
    fr: str
    values: dict[str, str] = field(default_factory=dict)  # enums, same in both languages
    text_en: dict[str, str] = field(default_factory=dict)  # Markdown fields
    text_fr: dict[str, str] = field(default_factory=dict)

    def label(self, language: str) -> str:
        return self.fr if language == "fr" else self.en

    def fill(self, language: str) -> dict[str, str]:
        """The field values this template sets, in the item's language."""
        text = self.text_fr if language == "fr" else self.text_en
        return {**self.values, **text}


_ACTION_TABLE_EN = "| Action | Owner | Due date |\n|---|---|---|\n|  |  |  |"
_ACTION_TABLE_FR = "| Action | Responsable | Échéance |\n|---|---|---|\n|  |  |  |"

NEAR_MISS = Template(
    "near_miss",
    "rex",
    "Near miss",
    "Presqu'accident",
    values={"outcome": "near_miss", "priority": "yellow"},
    text_en={
        "facts": (
            "- **Where and when:** \n- **What was being done:** \n"
            "- **What happened, in order:**\n  1. \n  2. \n"
            "- **What could have happened:** \n- **Who was there, who was told:** "
        ),
        "causes": (
            "- **Root cause:** \n"
            "- **Contributing factors** (people, method, machine, material, environment): "
        ),
        "actions": "- **Made safe immediately by:** \n- **Corrective action:** ",
        "lessons": "- ",
        "recommendations": _ACTION_TABLE_EN,
    },
    text_fr={
        "facts": (
            "- **Où et quand :** \n- **Ce qui était en cours :** \n"
            "- **Ce qui s'est passé, dans l'ordre :**\n  1. \n  2. \n"
            "- **Ce qui aurait pu arriver :** \n- **Qui était présent, qui a été prévenu :** "
        ),
        "causes": (
            "- **Cause racine :** \n"
            "- **Facteurs contributifs** (main-d'œuvre, méthode, machine, matière, milieu) : "
        ),
        "actions": "- **Mise en sécurité immédiate :** \n- **Action corrective :** ",
        "lessons": "- ",
        "recommendations": _ACTION_TABLE_FR,
    },
)

BREAKDOWN = Template(
    "breakdown",
    "rex",
    "Breakdown",
    "Panne",
    values={"outcome": "negative"},
    text_en={
        "facts": (
            "- **Symptoms seen:** \n- **Stopped from … to …** (duration): \n"
            "- **Impact** (production, quality, safety): "
        ),
        "causes": (
            "- **Failed part and how it failed:** \n- **Why? Why? Why?**\n  1. \n  2. \n  3. "
        ),
        "actions": "- **Repair done:** \n- **Parts used:** \n- **Checks before restart:** ",
        "lessons": "- ",
        "recommendations": _ACTION_TABLE_EN,
    },
    text_fr={
        "facts": (
            "- **Symptômes constatés :** \n- **Arrêt de … à …** (durée) : \n"
            "- **Impact** (production, qualité, sécurité) : "
        ),
        "causes": (
            "- **Pièce défaillante et mode de défaillance :** \n"
            "- **Pourquoi ? Pourquoi ? Pourquoi ?**\n  1. \n  2. \n  3. "
        ),
        "actions": (
            "- **Réparation faite :** \n- **Pièces utilisées :** \n"
            "- **Contrôles avant redémarrage :** "
        ),
        "lessons": "- ",
        "recommendations": _ACTION_TABLE_FR,
    },
)

GOOD_PRACTICE = Template(
    "good_practice",
    "rex",
    "Good practice",
    "Bonne pratique",
    values={"outcome": "positive", "priority": "green"},
    text_en={
        "facts": (
            "- **Before:** \n- **What we changed:** \n- **Result measured** (time, scrap, safety): "
        ),
        "lessons": "- ",
        "recommendations": "- **Where else it applies:** ",
        "evidence": "- **Applied at … on …:** ",
    },
    text_fr={
        "facts": (
            "- **Avant :** \n- **Ce que nous avons changé :** \n"
            "- **Résultat mesuré** (temps, rebuts, sécurité) : "
        ),
        "lessons": "- ",
        "recommendations": "- **Où d'autre l'appliquer :** ",
        "evidence": "- **Appliqué à … le … :** ",
    },
)

SAFE_PROCEDURE = Template(
    "safe_procedure",
    "howto",
    "Procedure with safety steps",
    "Mode opératoire avec étapes de sécurité",
    text_en={
        "goal": "- **Goal:** \n- **When to apply:** \n- **Do not apply if:** ",
        "prerequisites": (
            "- **Skills or certification:** \n- **Tools and parts:** \n- **Protective equipment:** "
        ),
        "safety": (
            "1. **Lock out and tag out** the equipment; check that no energy is left.\n"
            "2. **Hazards:** \n3. **Never:** "
        ),
        "steps": "1. \n2. \n3. \n4. **Check before restart:** ",
        "tips": "- **Trick of the trade:** \n- **Usual mistake:** ",
        "rationale": "- ",
    },
    text_fr={
        "goal": "- **Objectif :** \n- **Quand l'appliquer :** \n- **Ne pas appliquer si :** ",
        "prerequisites": (
            "- **Compétences ou habilitation :** \n- **Outils et pièces :** \n"
            "- **Équipements de protection :** "
        ),
        "safety": (
            "1. **Consigner** l'équipement ; vérifier l'absence d'énergie.\n"
            "2. **Dangers :** \n3. **Ne jamais :** "
        ),
        "steps": "1. \n2. \n3. \n4. **Contrôle avant redémarrage :** ",
        "tips": "- **Ficelle du métier :** \n- **Erreur fréquente :** ",
        "rationale": "- ",
    },
)

CHANGEOVER = Template(
    "changeover",
    "howto",
    "Changeover or setting",
    "Changement de série ou réglage",
    text_en={
        "goal": "- **From … to …:** \n- **Target time:** ",
        "prerequisites": "- **Tools and gauges:** \n- **Parts prepared before stopping:** ",
        "steps": "1. **Before stopping:** \n2. **Machine stopped:** \n3. **First good part:** ",
        "tips": "- **Settings that work:** \n- **Signs it is drifting:** ",
    },
    text_fr={
        "goal": "- **De … vers … :** \n- **Temps visé :** ",
        "prerequisites": "- **Outils et calibres :** \n- **Pièces préparées avant l'arrêt :** ",
        "steps": (
            "1. **Avant l'arrêt :** \n2. **Machine arrêtée :** \n3. **Première pièce bonne :** "
        ),
        "tips": "- **Réglages qui marchent :** \n- **Signes de dérive :** ",
    },
)

TEMPLATES: tuple[Template, ...] = (NEAR_MISS, BREAKDOWN, GOOD_PRACTICE, SAFE_PROCEDURE, CHANGEOVER)


def templates_for(kind: str) -> list[Template]:
    return [t for t in TEMPLATES if t.kind == kind]
