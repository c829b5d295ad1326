"""Text normalisation shared by name lookup, column mapping and headings."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so 'Électricité' matches 'electricite'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def key(text: str) -> str:
    """Fold and drop spaces and punctuation: 'Occurred on' and 'occurred_on' are one key."""
    return _NON_ALNUM.sub("", fold(text))


def nfc(text: str) -> str:
    """Canonical Unicode form stored in revisions, so equal text hashes equally."""
    return unicodedata.normalize("NFC", text)
