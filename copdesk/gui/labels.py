"""Words for codes, in the interface language: kinds, fields, choices, short dates.

The model stores codes and carries both languages (``Field.en``/``Field.fr``,
``CHOICE_LABELS``); which one a label shows is decided here, once, from the
interface locale. Forms, lists, pages and dialogs all take their labels from this
module, which imports nothing of the window (so any of them can).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from copdesk.model.kinds import CHOICE_LABELS, KINDS, Field


def ui_language() -> str:
    """``fr`` when the interface is in French, else ``en`` (the model has both)."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def kind_label(kind: str) -> str:
    """The kind's name in the interface language (the model has both)."""
    spec = KINDS.get(kind)
    if spec is None:
        return kind
    return spec.fr if ui_language() == "fr" else spec.en


def field_label(f: Field) -> str:
    return f.fr if ui_language() == "fr" else f.en


def field_label_of(kind: str, name: str) -> str:
    """The label of field ``name`` of ``kind``; the name itself if the model lacks it."""
    spec = KINDS.get(kind)
    f = spec.by_name.get(name) if spec else None
    return name if f is None else field_label(f)


def choice_label(value: str) -> str:
    en, fr = CHOICE_LABELS.get(value, (value, value))
    return fr if ui_language() == "fr" else en


def short_date(value: str | None) -> str:
    """``2026-03-14 10:05`` from a stored time stamp (lists, rosters, conflicts)."""
    return (value or "")[:16].replace("T", " ")
