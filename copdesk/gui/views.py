"""Widgets that show HTML: the item page, the home lists and the search results.

All of them are :class:`SafeBrowser`: item text comes from other sites' bundles,
so nothing shown may load a remote or local file; only the item's own attachment
images (delivered by the worker as bytes) are displayed.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import quote, unquote

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from copdesk.gui.labels import choice_label, kind_label, ui_language
from copdesk.gui.language import format_date
from copdesk.messages import place

EXTERNAL = ("http", "https", "mailto")


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


# lupdate finds only literal translate("Context", "text") / self.tr("text") calls, not wrappers.
translate = QCoreApplication.translate


class SafeBrowser(QTextBrowser):
    """A QTextBrowser that never follows or loads anything by itself.

    ``copdesk:ID`` links become ``itemRequested``; web and mail links open in the
    user's browser when clicked; other links become ``linkActivated``.
    """

    itemRequested = Signal(str)
    linkActivated = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTabChangesFocus(True)  # Tab visits the links, then leaves the page
        self._images: dict[str, bytes] = {}
        self._page = ""
        self.zoom = 1.0
        self._base_points = self.font().pointSizeF()
        self.anchorClicked.connect(self._follow)

    def set_page(self, page: str, images: Mapping[str, bytes] | None = None) -> None:
        self._images = dict(images or {})
        self._page = page
        self.setHtml(zoomed(page, self.zoom))

    def set_zoom(self, factor: float) -> None:
        """Larger or smaller text (Ctrl++ / Ctrl+-): the page is laid out again, the
        place read kept."""
        if factor == self.zoom:
            return
        bar = self.verticalScrollBar()
        ratio = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.zoom = factor
        font = self.font()
        font.setPointSizeF(self._base_points * factor)
        self.setFont(font)
        if self._page:
            self.setHtml(zoomed(self._page, factor))
        bar.setValue(round(ratio * bar.maximum()))

    def loadResource(self, type: int, name: QUrl) -> Any:
        """Only attachment images the worker delivered; never files or the network."""
        if (
            type == QTextDocument.ResourceType.ImageResource.value
            or type == QTextDocument.ResourceType.ImageResource
        ) and name.scheme() == "attachment":
            data = self._images.get(name.path())
            if data:
                image = QImage.fromData(data)
                if not image.isNull():
                    return image
        return None

    def _follow(self, url: QUrl) -> None:
        if url.scheme() == "copdesk":
            self.itemRequested.emit(url.path())
        elif url.scheme() in EXTERNAL:
            QDesktopServices.openUrl(url)
        else:
            self.linkActivated.emit(url)


_POINTS = re.compile(r"(font-size\s*:\s*)(\d+(?:\.\d+)?)pt")


def zoomed(page: str, factor: float) -> str:
    """``page`` with its font sizes in points multiplied by ``factor`` (the pages set
    sizes in points, which a widget's own zoom would leave as they are)."""
    if factor == 1:
        return page
    return _POINTS.sub(lambda m: f"{m[1]}{float(m[2]) * factor:.1f}pt", page)


class ElidedLabel(QLabel):
    """A one-line label that never widens its window: a long title ends in "…" and is
    read whole in its tooltip (a report titled in two sentences kept Save off-screen)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(80)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        shown = metrics.elidedText(self._full, Qt.TextElideMode.ElideRight, max(self.width(), 80))
        super().setText(shown)


class ErrorBanner(QFrame):
    """One non-modal place where failures are shown, in the words of the error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setStyleSheet(
            "#errorBanner { background: #fde8e8; border-bottom: 1px solid #e4a3a3; }"
            "#errorBanner QLabel { color: #6b1c1c; }"
        )
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(self.label.textInteractionFlags())
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str) -> None:
        self.label.setText(text)
        self.show()

    @property
    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""


PAGE_CSS = """
body { font-size: 10pt; }
h1 { font-size: 16pt; font-weight: 600; margin: 0 0 4px 0; }
h2 { font-size: 12pt; font-weight: 600; margin: 18px 0 4px 0; }
p.sub { color: #737b87; margin: 0 0 8px 0; }
p.empty { color: #737b87; margin: 2px 0 0 0; }
table.items { margin: 0; }
table.items td { padding: 3px 14px 3px 0; }
td.meta { color: #737b87; }
a { text-decoration: none; }
p.hit { margin: 12px 0 0 0; }
p.snippet { margin: 2px 0 0 0; }
mark { background: #fff1a8; color: #1f2328; }
"""


def item_rows(
    rows: Sequence[Mapping[str, Any]], date_key: str = "updated_at", total: int | None = None
) -> str:
    if not rows:
        nothing = html.escape(translate("HomeView", "Nothing here."))
        return f'<p class="empty">{nothing}</p>'
    out = []
    for r in rows:
        date = format_date(r.get(date_key))  # the user's locale
        out.append(
            f'<tr><td><a href="copdesk:{html.escape(r["id"])}">{html.escape(r["title"])}</a></td>'
            f'<td class="meta">{html.escape(kind_label(r["kind"]))}</td>'
            f'<td class="meta">{html.escape(date)}</td></tr>'
        )
    more = ""
    if total is not None and total > len(rows):
        text = translate("HomeView", "… and %1 more").replace("%1", f"{total - len(rows):,}")
        more = f'<p class="empty">{html.escape(text)}</p>'
    return f'<table class="items">{"".join(out)}</table>{more}'


def home_html(data: Mapping[str, Any]) -> str:
    """The home page: what changed, what is mine, what waits for an animator or expert."""
    t = html.escape
    if data.get("me"):
        who = t(translate("HomeView", "Writing as %1.")).replace("%1", t(data["me"]))
    else:
        who = t(translate("HomeView", "No current person: new items will have no author."))
    if data.get("recent_since"):
        recent = t(translate("HomeView", "Updated since your last visit"))
    else:
        recent = t(translate("HomeView", "Recently updated"))
    waiting = t(translate("HomeView", "Waiting for validation"))
    due = t(translate("HomeView", "Review due"))
    drafts = t(translate("HomeView", "My drafts"))
    due_total, drafts_total = data.get("review_due_total"), data.get("drafts_total")
    parts = [
        f"<html><head><style>{PAGE_CSS}</style></head><body>",
        f"<h1>{html.escape(data.get('site') or '')}</h1><p class='sub'>{who}</p>",
        f"<h2>{recent}</h2>{item_rows(data['recent'])}",
        f"<h2>{waiting}</h2>{item_rows(data['proposed'], total=data.get('proposed_total'))}",
        f"<h2>{due}</h2>{item_rows(data['review_due'], 'review_due', due_total)}",
    ]
    if data.get("me"):
        parts.append(f"<h2>{drafts}</h2>{item_rows(data['drafts'], total=drafts_total)}")
    parts.append("</body></html>")
    return "".join(parts)


def search_html(result: Mapping[str, Any]) -> str:
    """Search hits with their highlighted snippets and a clickable "did you mean"."""
    query = html.escape(result.get("query") or "")
    total = int(result.get("total") or 0)
    if not result.get("total_exact", True):  # counted past a bound: an estimate
        head = QCoreApplication.translate("SearchView", "About %2 results for “%1”")
    elif total == 1:  # two plain strings: lupdate 6.11 drops French plural forms
        head = QCoreApplication.translate("SearchView", "1 result for “%1”")
    else:
        head = QCoreApplication.translate("SearchView", "%2 results for “%1”")
    head = html.escape(head).replace("%1", query).replace("%2", QLocale().toString(total))
    parts = [f"<html><head><style>{PAGE_CSS}</style></head><body><h1>{head}</h1>"]
    behind = _index_behind(result)
    if behind:
        parts.append(f"<p class='sub' style='color:#a15c00'>{html.escape(behind)}</p>")
    suggestion = result.get("suggestion")
    if suggestion:
        s = html.escape(suggestion)
        did_you_mean = html.escape(translate("SearchView", "Did you mean"))
        parts.append(f"<p class='sub'>{did_you_mean} <a href='suggest:{s}'><b>{s}</b></a>?</p>")
    parts.append(_facets_html(result.get("facets") or {}))
    for hit in result.get("hits") or []:
        archived = translate("SearchView", "archived") if hit.get("archived") else ""
        where = " · ".join(
            html.escape(x)
            for x in (kind_label(hit["kind"]), hit.get("community") or "", archived)
            if x
        )
        found = hit.get("file")  # the words are in one of its files: open it there
        in_file = ""
        if found:
            page = (found.get("place") or {}).get("page", 1)
            said = f"{found['name']}, {place(found.get('place'), ui_language())}"
            in_file = (
                f"<p class='sub'><a href='openfile:{html.escape(found['attachment'])}#{page}'>"
                f"{html.escape(said)}</a></p>"
            )
        parts.append(
            f"<p class='hit'><a href='copdesk:{html.escape(hit['id'])}'>"
            f"<b>{html.escape(hit.get('title') or '')}</b></a>"
            f"&nbsp;&nbsp;<span style='color:#737b87'>{where}</span></p>"
            f"{in_file}<p class='snippet'>{hit.get('snippet') or ''}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)


def _index_behind(result: Mapping[str, Any]) -> str:
    """What the results cannot show yet, when the index has not seen every change."""
    lag = int(result.get("index_lag") or 0)
    if not lag:
        return ""
    words = {
        "read-only": translate(
            "SearchView",
            "The search index is behind and cannot catch up here (read-only):"
            " %1 changed items are not searchable.",
        ),
        "missing": translate(
            "SearchView",
            "This read-only workspace has no usable search index: none of its %1 items"
            " can be found.",
        ),
    }
    catching_up = translate(
        "SearchView", "The search index is catching up: %1 changed items are not searchable yet."
    )
    said = words.get(result.get("index_behind") or "", catching_up)
    return said.replace("%1", QLocale().toString(lag))


FACETS = ("kind", "community", "site", "status", "priority", "tag", "filetype")
FACET_VALUES = 8  # the most frequent values of each facet


def _facet_label(field: str) -> str:
    labels = {
        "kind": translate("SearchView", "Kind"),
        "community": translate("SearchView", "Community"),
        "site": translate("SearchView", "Site"),
        "status": translate("SearchView", "Status"),
        "priority": translate("SearchView", "Priority"),
        "filetype": translate("SearchView", "File type"),
        "tag": translate("SearchView", "Tag"),
    }
    return labels[field]


def _facets_html(facets: Mapping[str, Mapping[str, int]]) -> str:
    """Counts by kind, community, site… as links that narrow the search to one value."""
    rows = []
    for field in FACETS:
        values = sorted((facets.get(field) or {}).items(), key=lambda kv: (-kv[1], kv[0]))
        if not values:
            continue
        links = []
        for value, count in values[:FACET_VALUES]:
            shown = kind_label(value) if field == "kind" else value
            shown = choice_label(value) if field in ("status", "priority") else shown
            href = "facet:" + quote(f"{field}\t{value}", safe="")
            links.append(f"<a href='{href}'>{html.escape(shown)}</a>&nbsp;({count})")
        label = html.escape(_facet_label(field))
        rows.append(f"<span class='facet'><b>{label}</b>: {' · '.join(links)}</span>")
    return f"<p class='facets'>{'<br>'.join(rows)}</p>" if rows else ""


def facet_filter(url: QUrl) -> str:
    """The query filter a facet link stands for: ``community:"Maintenance presses"``."""
    field, _, value = unquote(url.toString()[len("facet:") :]).partition("\t")
    return f'{field}:"{value.replace(chr(34), "")}"'


def placeholder_html(title: str, text: str) -> str:
    return (
        f"<html><head><style>{PAGE_CSS}</style></head><body><h1>{html.escape(title)}</h1>"
        f"<p class='sub'>{html.escape(text)}</p></body></html>"
    )


def framed(owner: QWidget, bar: Any, main: QWidget, name: str, legend: str) -> QLabel:
    """The layout of the analysis views (matrix, risks, network): filters on top, the
    main widget, a summary line and a muted legend. Returns the summary label."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QVBoxLayout

    summary = QLabel(owner)
    summary.setObjectName(name)
    summary.setWordWrap(True)
    note = QLabel(legend, owner)
    note.setWordWrap(True)
    note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(10, 8, 10, 6)
    if isinstance(bar, QWidget):  # a bar that wraps (copdesk.gui.flow)
        layout.addWidget(bar)
    else:
        layout.addLayout(bar)
    layout.addWidget(main, 1)
    layout.addWidget(summary)
    layout.addWidget(note)
    return summary
