"""“Already known?”: the items most like what is being written, beside the editor.

As the title and the facts are typed, the 5 most similar reports, sheets and
questions appear (``ws.search.similar`` on the draft), so a writer finds the lesson
already learned before writing it again. The search runs on the worker as a keyed
job, 400 ms after typing stops: a newer draft replaces the job before it runs, and
typing never waits for it. Clicking a hit opens it in the main window.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from copdesk.gui import read_jobs
from copdesk.gui.labels import kind_label
from copdesk.gui.views import SafeBrowser
from copdesk.gui.worker import WorkspaceRunner
from copdesk.model.kinds import KINDS, MARKDOWN

DEBOUNCE_MS = 400
MIN_CHARS = 4  # fewer typed characters: nothing to compare yet
_panels = itertools.count(1)
CSS = """
body { font-size: 9.5pt; }
p.hit { margin: 8px 0 0 0; }
p.meta { margin: 0; color: #737b87; }
p.snippet { margin: 2px 0 0 0; }
mark { background: #fff1a8; color: #1f2328; }
"""


def draft_text(kind: str, values: Mapping[str, Any]) -> tuple[str, str]:
    """The title and the long texts of a draft, as ``similar`` compares them."""
    spec = KINDS[kind]
    title = str(values.get(spec.title_field) or "")
    body = "\n\n".join(
        str(values.get(f.name) or "") for f in spec.fields if f.type == MARKDOWN
    ).strip()
    return title, body


def hits_html(hits: list[dict[str, Any]], empty: str) -> str:
    if not hits:
        return f"<html><head><style>{CSS}</style></head><body><p class='meta'>{empty}</p>"
    parts = [f"<html><head><style>{CSS}</style></head><body>"]
    for hit in hits:
        where = " · ".join(
            html.escape(x)
            for x in (kind_label(hit["kind"]), hit.get("community") or "", hit.get("site") or "")
            if x
        )
        parts.append(
            f"<p class='hit'><a href='copdesk:{html.escape(hit['id'])}'>"
            f"<b>{html.escape(hit.get('title') or '')}</b></a></p>"
            f"<p class='meta'>{where}</p><p class='snippet'>{hit.get('snippet') or ''}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)


class SimilarPanel(QWidget):
    """The similar items of a draft. :meth:`typed` after each change; ``shown(hits)``
    when results are on screen; ``itemRequested(id)`` when one is clicked."""

    KINDS: ClassVar[tuple[str, ...]] = ("rex", "howto", "question")
    shown = Signal(list)
    itemRequested = Signal(str)

    def __init__(
        self,
        runner: WorkspaceRunner,
        item_id: str | None = None,
        *,
        kinds: tuple[str, ...] = KINDS,
        answered: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("similarPanel")
        self.runner = runner
        self.item_id = item_id
        self.kinds = kinds
        self.answered = answered
        self.key = f"similar:{next(_panels)}"
        self.hits: list[dict[str, Any]] = []
        self._draft = ("", "")
        # where the draft is read when typing stops: (title, body)
        self.source: Callable[[], tuple[str, str]] | None = None
        self.heading = QLabel(
            self.tr("Already answered?") if answered else self.tr("Already known?"), self
        )
        self.heading.setStyleSheet("font-weight: 600;")
        self.browser = SafeBrowser(self)
        self.browser.setObjectName("similarHits")
        self.browser.setAccessibleName(self.heading.text())  # what a screen reader says
        self.browser.itemRequested.connect(self.itemRequested)
        self.browser.set_page(hits_html([], self._hint()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.browser, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)
        key, runner_ = self.key, runner
        self.destroyed.connect(lambda _=None: runner_.cancel(key))  # no result for a ghost

    def _hint(self) -> str:
        if self.answered:
            return html.escape(self.tr("Questions already answered that look like yours."))
        return html.escape(self.tr("Type a title and the facts: similar items appear here."))

    def typed(self, title: str, body: str = "") -> None:
        """The draft changed: compare it once typing stops."""
        self._draft = (title.strip(), body.strip())
        self.source = None
        self._timer.start()

    def changed(self) -> None:
        """The draft changed: ``source()`` is read once typing stops (nothing per key)."""
        self._timer.start()

    def search_now(self) -> int | None:
        """Ask the worker now (the timer calls it); a newer draft drops this job."""
        self._timer.stop()
        if self.source is not None:
            title, body = self.source()
            self._draft = (title.strip(), body.strip())
        title, body = self._draft
        if len(title) + len(body) < MIN_CHARS:
            self.runner.cancel(self.key)
            self._show({"hits": []})
            return None
        job = read_jobs.similar(self.item_id, title, body, self.kinds, answered=self.answered)
        return self.runner.submit(job, self._show, lambda _: None, key=self.key)

    def _show(self, result: dict[str, Any]) -> None:
        self.hits = list(result["hits"])
        empty = self._hint() if not any(self._draft) else html.escape(self.tr("Nothing similar."))
        self.browser.set_page(hits_html(self.hits, empty))
        self.shown.emit(self.hits)

    def titles(self) -> list[str]:
        return [str(h.get("title") or "") for h in self.hits]

    @staticmethod
    def wants(kind: str) -> bool:
        return kind in SimilarPanel.KINDS

    @classmethod
    def beside(cls, editor: Any, layout: QBoxLayout) -> SimilarPanel | None:
        """The panel of an :class:`~copdesk.gui.editor.EditorWindow` of a report, sheet or
        question, added to ``layout``: it follows the form once loaded, and compares the
        draft with everything but the item itself (once saved, it has an id)."""
        if not cls.wants(editor.kind):
            return None
        panel = cls(editor.runner, editor.item_id, parent=layout.parentWidget())
        panel.setMaximumHeight(240)
        layout.addWidget(panel)

        def draft() -> tuple[str, str]:
            panel.item_id = editor.item_id
            return draft_text(editor.kind, editor.form.values() if editor.form else {})

        def loaded() -> None:
            if editor.form is not None:
                editor.form.changed.connect(panel.changed)
                if editor.item is not None:
                    panel.changed()  # what is already like the item being edited

        panel.source = draft
        editor.loaded.connect(loaded)
        return panel

    def sizeHint(self) -> Any:  # narrow beside the form
        hint = super().sizeHint()
        hint.setWidth(260)
        return hint
