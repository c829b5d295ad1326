"""What each kind of item holds: fields, types, choices and bilingual labels.

This table is the single description of the model. Validation, the Markdown
form, CSV column mapping, rendering and the GUI forms all read it, so a field is
added in one place. Kind and field names are given in both languages here because
they are also input (Markdown headings, CSV columns); to show them, and the words
for choices, ask the message catalogue (:mod:`copdesk.messages`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Field types
TEXT = "text"  # one line
MARKDOWN = "markdown"  # long text, Markdown, a "## Section" in the Markdown form
ENUM = "enum"
DATE = "date"  # ISO 8601 calendar date, YYYY-MM-DD
INT = "int"
REF = "ref"  # id of another item
REFS = "refs"  # list of ids
LIST = "list"  # list of short strings (tags, languages)

STATUSES = ("draft", "proposed", "validated", "obsolete")
VISIBILITIES = ("private", "site", "shared")
LANGUAGES = ("fr", "en")
FORMS = ("trade", "innovation", "project")
MOTIVATIONS = ("strategic", "process", "risk")
STAGES = ("initiation", "coalition", "action", "dispersion", "dissolution")
ROLES = ("animator", "expert", "contributor", "member", "sponsor")
INTERESTS = ("learn", "teach")
OUTCOMES = ("positive", "negative", "near_miss")
PRIORITIES = ("red", "yellow", "blue", "green")
LINK_TYPES = ("related", "supersedes", "applies")
MARK_TYPES = ("helped", "applied")  # "this helped me", "applied here"
YES = ("yes",)

# The words for each choice are in the message catalogue (copdesk.messages.labels).


# ILUO shop-floor scale: level -> (glyph, English, French)
LEVELS = {
    0: ("·", "none", "aucun"),
    1: ("I", "in training", "en formation"),
    2: ("L", "with supervision", "sous supervision"),
    3: ("U", "autonomous", "autonome"),
    4: ("O", "expert, trains others", "expert, forme les autres"),
}
AUTONOMOUS = 3  # coverage counts from this level


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    en: str
    fr: str
    required: bool = False
    choices: tuple[str, ...] = ()
    ref_kind: str | None = None  # for REF / REFS; None means any kind
    default: object = None
    minimum: int | None = None
    maximum: int | None = None
    aliases: tuple[str, ...] = ()  # other headings / column names, both languages

    @property
    def empty(self) -> object:
        """The value meaning 'not set' (never stored in a revision)."""
        if self.type in (LIST, REFS):
            return []
        if self.type in (TEXT, MARKDOWN):
            return ""
        return None


@dataclass(frozen=True)
class Kind:
    name: str
    en: str
    fr: str
    fields: tuple[Field, ...]
    title_field: str  # shown as the item's title in lists
    user: bool = True  # created with `add`; False for relations (memberships, ratings…)
    knowledge: bool = False  # carries status, review date and language
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


def _meta(knowledge: bool) -> tuple[Field, ...]:
    """Envelope fields that every shared item has; knowledge items have more."""
    visibility = Field(
        "visibility",
        ENUM,
        "Visibility",
        "Visibilité",
        choices=VISIBILITIES,
        default="shared",
        aliases=("visibilite",),
    )
    if not knowledge:
        return (visibility,)
    return (
        Field("status", ENUM, "Status", "Statut", choices=STATUSES, default="draft"),
        visibility,
        Field("review_due", DATE, "Review due", "Revue prévue le", aliases=("revue",)),
        Field("language", ENUM, "Language", "Langue", choices=LANGUAGES, aliases=("langue",)),
    )


def _md(name: str, en: str, fr: str, *aliases: str) -> Field:
    return Field(name, MARKDOWN, en, fr, aliases=aliases)


COMMUNITY = Kind(
    "community",
    "Community",
    "Communauté",
    (
        Field("name", TEXT, "Name", "Nom", required=True, aliases=("nom", "title", "titre")),
        Field("form", ENUM, "Form", "Forme", required=True, choices=FORMS, aliases=("forme",)),
        Field("motivation", ENUM, "Motivation", "Motivation", choices=MOTIVATIONS),
        Field(
            "stage",
            ENUM,
            "Stage",
            "Étape",
            choices=STAGES,
            default="initiation",
            aliases=("etape",),
        ),
        _md("charter", "Charter", "Charte", "charte", "projet de la communaute", "purpose"),
        *_meta(True),
    ),
    title_field="name",
    knowledge=True,
)

PERSON = Kind(
    "person",
    "Person",
    "Personne",
    (
        Field("name", TEXT, "Name", "Nom", required=True, aliases=("nom", "full name")),
        Field("site", TEXT, "Site", "Site", aliases=("usine", "plant")),
        Field("job_title", TEXT, "Job title", "Fonction", aliases=("fonction", "poste", "job")),
        Field("department", TEXT, "Department", "Service", aliases=("service", "departement")),
        Field("email", TEXT, "E-mail", "Courriel", aliases=("courriel", "mail")),
        Field("languages", LIST, "Languages", "Langues", aliases=("langues",)),
        # may rate others at U and O (copdesk.model.permissions)
        Field("assessor", ENUM, "Assessor", "Évaluateur", choices=YES, aliases=("evaluateur",)),
        *_meta(False),
    ),
    title_field="name",
)

SKILL = Kind(
    "skill",
    "Skill",
    "Compétence",
    (
        Field("name", TEXT, "Name", "Nom", required=True, aliases=("nom", "competence", "skill")),
        Field("domain", TEXT, "Domain", "Domaine", required=True, aliases=("domaine",)),
        # whose experts may rate it at U and O (copdesk.model.permissions)
        Field("community", REF, "Community", "Communauté", ref_kind="community"),
        _md("description", "Description", "Description"),
        *_meta(False),
    ),
    title_field="name",
)

REX = Kind(
    "rex",
    "Experience report",
    "Retour d'expérience",
    (
        Field("title", TEXT, "Title", "Titre", required=True, aliases=("titre",)),
        Field("community", REF, "Community", "Communauté", ref_kind="community"),
        Field("site", TEXT, "Site", "Site", aliases=("usine", "plant")),
        Field(
            "asset",
            TEXT,
            "Asset / line / process",
            "Équipement / ligne / procédé",
            aliases=("equipement", "machine", "ligne", "line", "process"),
        ),
        Field(
            "occurred_on",
            DATE,
            "Occurred on",
            "Survenu le",
            aliases=("date", "survenu le", "date de l'evenement", "event date"),
        ),
        Field("outcome", ENUM, "Outcome", "Nature", choices=OUTCOMES, aliases=("nature",)),
        Field("priority", ENUM, "Priority", "Priorité", choices=PRIORITIES, aliases=("priorite",)),
        _md("summary", "Summary", "Résumé", "resume", "abstract"),
        _md(
            "facts",
            "Context and facts",
            "Contexte et faits",
            "faits",
            "contexte",
            "context",
            "sequence of facts",
            "driving event",
            "evenement declencheur",
        ),
        _md("causes", "Causes", "Causes", "root causes", "causes racines"),
        _md("actions", "Actions taken", "Actions menées", "actions menees", "actions"),
        _md(
            "lessons",
            "Lessons learned",
            "Enseignements",
            "lesson",
            "lessons learned",
            "enseignements",
            "lecons",
            "lecons apprises",
        ),
        _md("recommendations", "Recommendations", "Recommandations", "recommandations"),
        _md(
            "evidence",
            "Evidence of application",
            "Preuves d'application",
            "preuves",
            "preuves d'application",
            "application",
        ),
        Field("tags", LIST, "Tags", "Mots-clés", aliases=("mots-cles", "mots cles", "keywords")),
        *_meta(True),
    ),
    title_field="title",
    knowledge=True,
)

HOWTO = Kind(
    "howto",
    "Know-how sheet",
    "Fiche savoir-faire",
    (
        Field("title", TEXT, "Title", "Titre", required=True, aliases=("titre",)),
        Field("community", REF, "Community", "Communauté", ref_kind="community"),
        Field(
            "activity", TEXT, "Activity / task", "Activité / tâche", aliases=("activite", "task")
        ),
        _md("goal", "Goal and when to apply", "Objectif et quand l'appliquer", "objectif", "but"),
        _md("prerequisites", "Prerequisites", "Prérequis", "prerequis"),
        _md("steps", "Steps", "Étapes", "etapes", "mode operatoire", "procedure"),
        _md(
            "tips",
            "Tips and pitfalls",
            "Astuces et pièges",
            "astuces",
            "ficelles du metier",
            "pitfalls",
            "pieges",
        ),
        _md("safety", "Safety", "Sécurité", "securite"),
        _md(
            "rationale",
            "Why this way",
            "Pourquoi ainsi",
            "pourquoi",
            "why",
            "historique",
            "history of the solution",
        ),
        Field(
            "holders",
            REFS,
            "Holders",
            "Détenteurs",
            ref_kind="person",
            aliases=("detenteurs", "experts"),
        ),
        Field(
            "required_level",
            INT,
            "Required level",
            "Niveau requis",
            minimum=0,
            maximum=4,
            aliases=("niveau requis", "level", "niveau"),
        ),
        Field("tags", LIST, "Tags", "Mots-clés", aliases=("mots-cles", "mots cles", "keywords")),
        *_meta(True),
    ),
    title_field="title",
    knowledge=True,
)

# A document people already have (a procedure, a supplier manual, a standard, an FMEA
# table): its files are attachments of the item, so they travel in bundles and keep
# their history; their text is extracted on each site (copdesk.documents).
DOCUMENT = Kind(
    "document",
    "Document",
    "Document",
    (
        Field("title", TEXT, "Title", "Titre", required=True, aliases=("titre",)),
        Field("community", REF, "Community", "Communauté", ref_kind="community"),
        _md("description", "Description", "Description", "resume", "summary"),
        Field(
            "source",
            TEXT,
            "Source",
            "Source",
            aliases=("reference", "supplier", "fournisseur", "origine"),
        ),
        Field("version", TEXT, "Version", "Version", aliases=("revision", "indice")),
        Field(
            "revised_on",
            DATE,
            "Revision date",
            "Date de révision",
            aliases=("date de revision", "revision date", "date"),
        ),
        Field("tags", LIST, "Tags", "Mots-clés", aliases=("mots-cles", "mots cles", "keywords")),
        *_meta(True),
    ),
    title_field="title",
    knowledge=True,
)

MEMBERSHIP = Kind(
    "membership",
    "Membership",
    "Adhésion",
    (
        Field("person", REF, "Person", "Personne", required=True, ref_kind="person"),
        Field("community", REF, "Community", "Communauté", required=True, ref_kind="community"),
        Field("role", ENUM, "Role", "Rôle", required=True, choices=ROLES),
        Field("since", DATE, "Since", "Depuis"),
    ),
    title_field="role",
    user=False,
)

RATING = Kind(
    "rating",
    "Skill rating",
    "Évaluation de compétence",
    (
        Field("person", REF, "Person", "Personne", required=True, ref_kind="person"),
        Field("skill", REF, "Skill", "Compétence", required=True, ref_kind="skill"),
        Field("level", INT, "Level", "Niveau", required=True, minimum=0, maximum=4),
        Field("interest", ENUM, "Interest", "Intérêt", choices=INTERESTS),
        Field("evidence", TEXT, "Evidence", "Preuve"),
        Field("assessor", REF, "Assessor", "Évaluateur", ref_kind="person"),
        Field("assessed_on", DATE, "Assessed on", "Évalué le"),
        Field("valid_until", DATE, "Valid until", "Valide jusqu'au"),
    ),
    title_field="level",
    user=False,
)

LINK = Kind(
    "link",
    "Link",
    "Lien",
    (
        Field("source", REF, "From", "De", required=True),
        Field("target", REF, "To", "Vers", required=True),
        Field("type", ENUM, "Type", "Type", required=True, choices=LINK_TYPES),
    ),
    title_field="type",
    user=False,
)

COMMENT = Kind(
    "comment",
    "Comment",
    "Commentaire",
    (
        Field("target", REF, "On", "Sur", required=True),
        Field("body", MARKDOWN, "Comment", "Commentaire", required=True),
    ),
    title_field="body",
    user=False,
)

ATTACHMENT = Kind(
    "attachment",
    "Attachment",
    "Pièce jointe",
    (
        Field("target", REF, "On", "Sur", required=True),
        Field("name", TEXT, "File name", "Nom du fichier", required=True),
        Field("sha256", TEXT, "SHA-256", "SHA-256", required=True),
        Field("size", INT, "Size", "Taille", required=True, minimum=0),
        Field("media_type", TEXT, "Media type", "Type de média"),
    ),
    title_field="name",
    user=False,
)

QUESTION = Kind(
    "question",
    "Question",
    "Question",
    (
        Field("title", TEXT, "Question", "Question", required=True, aliases=("titre", "question")),
        Field("community", REF, "Community", "Communauté", ref_kind="community"),
        _md("body", "Details", "Détails", "details", "contexte"),
        Field("tags", LIST, "Tags", "Mots-clés", aliases=("mots-cles", "mots cles")),
        Field("accepted", REF, "Accepted answer", "Réponse retenue", ref_kind="answer"),
        *_meta(False),
    ),
    title_field="title",
)

# Answers and marks are made with their own commands (answer, mark), like comments.
ANSWER = Kind(
    "answer",
    "Answer",
    "Réponse",
    (
        Field("target", REF, "Question", "Question", required=True, ref_kind="question"),
        Field("body", MARKDOWN, "Answer", "Réponse", required=True),
    ),
    title_field="body",
    user=False,
)

MARK = Kind(
    "mark",
    "Mark",
    "Marque",
    (
        Field("target", REF, "On", "Sur", required=True),
        Field("type", ENUM, "Type", "Type", required=True, choices=MARK_TYPES),
        Field("person", REF, "By", "Par", ref_kind="person"),
        Field("site", TEXT, "Site", "Site"),
        Field("on", DATE, "On", "Le"),
        Field("note", TEXT, "Note", "Note"),
    ),
    title_field="type",
    user=False,
)

# A validation: who validated which version of a report or sheet (the version is the
# revision the validator saw). One per item and version, so validating twice is one.
SIGNOFF = Kind(
    "signoff",
    "Validation",
    "Validation",
    (
        Field("target", REF, "Item", "Élément", required=True),
        Field("rev", TEXT, "Version", "Version", required=True),
        Field("person", REF, "Validated by", "Validé par", ref_kind="person"),
        Field("on", DATE, "On", "Le"),
    ),
    title_field="on",
    user=False,
)

KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        COMMUNITY,
        PERSON,
        SKILL,
        REX,
        HOWTO,
        DOCUMENT,
        QUESTION,
        MEMBERSHIP,
        RATING,
        LINK,
        COMMENT,
        ATTACHMENT,
        ANSWER,
        MARK,
        SIGNOFF,
    )
}
USER_KINDS = tuple(k.name for k in KINDS.values() if k.user)
# Items named on the command line by a unique name as well as by id.
NAMED_KINDS = ("community", "person", "skill")
