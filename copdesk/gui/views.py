"""Widgets that show HTML: the item page, the home lists and the search results.

All of them are :class:`SafeBrowser`: item text comes from other sites' bundles,
so nothing shown may load a remote or local file; only the item's own attachment
images (delivered by the worker as bytes) are displayed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QTextBrowser, QToolButton, QWidget

from copdesk.model.kinds import KINDS

EXTERNAL = ("http", "https", "mailto")


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def kind_label(kind: str) -> str:
    """The kind's name in the interface language (the model has both)."""
    spec = KINDS.get(kind)
    if spec is None:
        return kind
    return spec.fr if QLocale().language() == QLocale.Language.French else spec.en


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
        self._images: dict[str, bytes] = {}
        self.anchorClicked.connect(self._follow)

    def set_page(self, page: str, images: Mapping[str, bytes] | None = None) -> None:
        self._images = dict(images or {})
        self.setHtml(page)

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


_CSS = """
body { font-size: 10pt; }
h1 { font-size: 16pt; font-weight: 600; margin: 0 0 4px 0; }
h2 { font-size: 12pt; font-weight: 600; margin: 18px 0 4px 0; }
p.sub { color: #6b7280; margin: 0 0 8px 0; }
p.empty { color: #6b7280; margin: 2px 0 0 0; }
table.items { margin: 0; }
table.items td { padding: 3px 14px 3px 0; }
td.meta { color: #6b7280; }
a { text-decoration: none; }
p.hit { margin: 12px 0 0 0; }
p.snippet { margin: 2px 0 0 0; color: #4b5563; }
mark { background: #fff1a8; }
"""


def _item_rows(rows: Sequence[Mapping[str, Any]], date_key: str = "updated_at") -> str:
    if not rows:
        return f'<p class="empty">{html.escape(_tr("HomeView", "Nothing here."))}</p>'
    out = []
    for r in rows:
        date = str(r.get(date_key) or "")[:10]
        out.append(
            f'<tr><td><a href="copdesk:{html.escape(r["id"])}">{html.escape(r["title"])}</a></td>'
            f'<td class="meta">{html.escape(kind_label(r["kind"]))}</td>'
            f'<td class="meta">{html.escape(date)}</td></tr>'
        )
    return f'<table class="items">{"".join(out)}</table>'


def home_html(data: Mapping[str, Any]) -> str:
    """The home page: what changed, what is mine, what waits for an animator or expert."""
    t = lambda s: html.escape(_tr("HomeView", s))  # noqa: E731
    if data.get("me"):
        who = t("Writing as %1.").replace("%1", html.escape(data["me"]))
    else:
        who = t("No current person: new items will have no author.")
    if data.get("recent_since"):
        recent = t("Updated since your last visit")
    else:
        recent = t("Recently updated")
    parts = [
        f"<html><head><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(data.get('site') or '')}</h1><p class='sub'>{who}</p>",
        f"<h2>{recent}</h2>{_item_rows(data['recent'])}",
        f"<h2>{t('Waiting for validation')}</h2>{_item_rows(data['proposed'])}",
        f"<h2>{t('Review due')}</h2>{_item_rows(data['review_due'], 'review_due')}",
    ]
    if data.get("me"):
        parts.append(f"<h2>{t('My drafts')}</h2>{_item_rows(data['drafts'])}")
    parts.append("</body></html>")
    return "".join(parts)


def search_html(result: Mapping[str, Any]) -> str:
    """Search hits with their highlighted snippets and a clickable "did you mean"."""
    t = lambda s: html.escape(_tr("SearchView", s))  # noqa: E731
    query = html.escape(result.get("query") or "")
    total = int(result.get("total") or 0)
    head = QCoreApplication.translate("SearchView", "%n result(s) for “%1”", None, total)
    if "result(s)" in head:  # no translation loaded: English plural by hand
        head = head.replace("result(s)", "result" if total == 1 else "results")
    head = html.escape(head).replace("%1", query)
    parts = [f"<html><head><style>{_CSS}</style></head><body><h1>{head}</h1>"]
    suggestion = result.get("suggestion")
    if suggestion:
        s = html.escape(suggestion)
        parts.append(
            f"<p class='sub'>{t('Did you mean')} <a href='suggest:{s}'><b>{s}</b></a>?</p>"
        )
    for hit in result.get("hits") or []:
        where = " · ".join(
            html.escape(x) for x in (kind_label(hit["kind"]), hit.get("community") or "") if x
        )
        parts.append(
            f"<p class='hit'><a href='copdesk:{html.escape(hit['id'])}'>"
            f"<b>{html.escape(hit.get('title') or '')}</b></a>"
            f"&nbsp;&nbsp;<span style='color:#6b7280'>{where}</span></p>"
            f"<p class='snippet'>{hit.get('snippet') or ''}</p>"
        )
    parts.append("</body></html>")
    return "".join(parts)


def placeholder_html(title: str, text: str) -> str:
    return (
        f"<html><head><style>{_CSS}</style></head><body><h1>{html.escape(title)}</h1>"
        f"<p class='sub'>{html.escape(text)}</p></body></html>"
    )
