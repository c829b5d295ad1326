"""What a reader found: the text of a file part by part, within the limits.

Every reader appends parts (a page, a sheet's row, a heading's section) to one
:class:`Reading`; the budget of characters is counted here, so no reader can return
more text than :data:`MAX_CHARS` however large the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

EXTRACTOR = 1  # raised when a reader improves: older extractions are read again
MAX_CHARS = 5_000_000  # characters of text kept per file
MAX_PAGES = 2_000  # PDF pages read
MAX_CELLS = 100_000  # spreadsheet cells read


class Full(Exception):
    """The character budget is spent: stop reading."""


@dataclass
class Reading:
    format: str
    parts: list[dict[str, Any]] = field(default_factory=list)
    pages: int | None = None
    note: str | None = None  # a message code (copdesk.messages.documents)
    facts: dict[str, Any] = field(default_factory=dict)
    failed: bool = False  # nothing could be read because of the file itself
    chars: int = 0

    def add(self, place: dict[str, Any], text: str) -> None:
        """One part; raises :class:`Full` once the budget is spent."""
        text = " ".join(text.split()) if "\n" not in text else text.strip()
        if not text:
            return
        room = MAX_CHARS - self.chars
        if len(text) > room:
            text = text[:room]
        self.parts.append({"place": place, "text": text})
        self.chars += len(text)
        if self.chars >= MAX_CHARS:
            self.say("extract.text_capped", chars=MAX_CHARS)
            raise Full

    def say(self, note: str, **facts: Any) -> None:
        """Record what could not be read (the first note that matters is kept)."""
        if self.note is None or self.note == "extract.mismatch":
            self.note, self.facts = note, {**self.facts, **facts}

    def result(self) -> dict[str, Any]:
        if self.failed:
            status = "failed"
        elif not self.parts:
            status = "empty"
        elif self.note and self.note != "extract.mismatch":
            status = "partial"
        else:
            status = "ok"
        return {
            "format": self.format,
            "status": status,
            "note": self.note,
            "facts": self.facts,
            "pages": self.pages,
            "parts": self.parts,
            "extractor": EXTRACTOR,
        }
