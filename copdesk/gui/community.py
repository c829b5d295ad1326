"""The community page, shown in the reading pane when a community is opened.

Charter, form and motivation, members by role, the stage with the history of its
changes, recent activity and the open questions with their answers. The page is HTML
built on the worker (:func:`community_page`, a drop-in for ``itempane.item_page``);
its actions are links that :class:`CommunityActions` turns into small dialogs and
worker jobs: ask a question, answer one, accept an answer, turn an answer into a
know-how sheet or a report. A question shown alone gets its answers and the same
links; a deleted item, the way to its history.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QUrl, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from copdesk.gui import write_jobs
from copdesk.gui.dashboard import month_label, reason_text
from copdesk.gui.itempane import item_page
from copdesk.gui.labels import choice_label
from copdesk.gui.markup import esc as _esc
from copdesk.gui.read_jobs import PANE_CSS
from copdesk.model.kinds import ROLES
from copdesk.workspace import Workspace

Perform = Callable[[write_jobs.Write, Callable[[Any], None]], Any]
ACTIONS = ("ask", "answer", "accept", "promote", "promote-rex")
ACTIVITY_MONTHS = 6
_CHARTER_HEADING = re.compile(r"<(/?)h([1-4])\b")  # under the page's own headings
PAGE_CSS = """
p.actions { margin: 0 0 8px 0; }
p.muted, span.muted, td.muted { color: #737b87; }
table.rows td { padding: 1px 12px 1px 0; }
p.question { margin: 10px 0 0 0; }
p.answer { margin: 3px 0 0 14px; }
span.accepted { color: #3c9a5f; font-weight: 600; }
h3 { font-size: 10.5pt; font-weight: 600; margin: 10px 0 2px 0; }
h4, h5, h6 { font-size: 10pt; font-weight: 600; margin: 8px 0 2px 0; }
"""

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def _h2(text: str) -> str:
    return f"<h2>{_esc(text)}</h2>"


def _muted(text: str) -> str:
    return f'<p class="muted">{_esc(text)}</p>'


def community_page(item_id: str) -> Callable[[Workspace], dict[str, Any]]:
    """Worker job: a community's page, a question with its answers, a deleted item's
    way back (its history), or the usual item page for any other item."""
    plain = item_page(item_id)

    def job(ws: Workspace) -> dict[str, Any]:
        row = ws.conn.execute("SELECT kind, deleted FROM items WHERE id = ?", (item_id,)).fetchone()
        if row is not None and row[1]:
            return {"id": item_id, "kind": row[0], "html": deleted_html(ws, item_id), "images": {}}
        if row is None or row[0] != "community":
            page = plain(ws)
            if page["kind"] == "question":
                answers = answers_html(ws.items.get(page["id"]), ws.current_person)
                text = page["html"].replace("</style>", PAGE_CSS + "</style>", 1)
                page["html"] = text.replace("</body>", answers + "</body>", 1)
            return page
        return {
            "id": item_id,
            "kind": "community",
            "html": community_html(community_data(ws, item_id)),
            "images": {},
        }

    return job


def deleted_html(ws: Workspace, item_id: str) -> str:
    """A deleted item: who deleted it, when, and its history, where it can be restored."""
    from copdesk.gui.language import format_datetime

    history = ws.items.history(item_id)
    last = history[-1]
    shown = next((h for h in reversed(history) if not h["deleted"]), None)
    content = ws.items.revision(shown["rev_id"])["content"] if shown else {}
    title = str(content.get("title") or content.get("name") or item_id[:8])
    text = _esc(translate("CommunityPage", "Deleted on %1 by %2.")).replace(
        "%1", _esc(format_datetime(last["at"]))
    )
    text = text.replace("%2", _esc(last.get("author_name") or "?"))
    back = _esc(
        translate("CommunityPage", "Its history keeps every version: restore one from there.")
    )
    link = _esc(translate("CommunityPage", "Open its history"))
    return (
        f"<html><head><style>{PANE_CSS}{PAGE_CSS}</style></head><body>"
        f"<h1>{_esc(title)}</h1><p class='muted'>{text} {back}</p>"
        f'<p class="actions"><a href="history:{_esc(item_id)}">{link}</a></p></body></html>'
    )


def answers_html(question: Mapping[str, Any], me: str | None) -> str:
    """A question's answers with what can be done: answer, accept (the asker), promote."""
    qid = _esc(question["id"])
    answers = question.get("answers") or []
    heading = _esc(translate("CommunityPage", "Answers (%1)")).replace("%1", str(len(answers)))
    answer = _esc(translate("CommunityPage", "Answer"))
    parts = [f'<h2>{heading}</h2><p class="actions"><a href="answer:{qid}">{answer}</a></p>']
    asker = question.get("author")
    accepted = _esc(translate("CommunityPage", "accepted"))
    accept = _esc(translate("CommunityPage", "Accept"))
    sheet = _esc(translate("CommunityPage", "Turn into a know-how sheet"))
    report = _esc(translate("CommunityPage", "Turn into an experience report"))
    for a in answers:
        aid = _esc(a["id"])
        links = []
        if not a.get("accepted") and (asker is None or asker == me):
            links.append(f'<a href="accept:{qid}/{aid}">{accept}</a>')
        links.append(f'<a href="promote:{aid}">{sheet}</a>')
        links.append(f'<a href="promote-rex:{aid}">{report}</a>')
        badge = f' <span class="accepted">✔ {accepted}</span>' if a.get("accepted") else ""
        parts.append(
            f'<p class="answer">{_esc(a["body"])}{badge} '
            f'<span class="muted">— {_esc(a.get("author_name") or "")}, {_esc(a["at"][:10])}'
            f"</span><br/>{' · '.join(links)}</p>"
        )
    return "".join(parts)


def community_data(ws: Workspace, community: str) -> dict[str, Any]:
    """Everything the page shows, as plain data (read on the worker)."""
    from copdesk.gui.language import format_date
    from copdesk.render import markdown

    item = ws.items.get(community)
    questions = ws.qa.questions(item["id"], open_only=True)
    for question in questions:
        question["answer_list"] = ws.qa.answers_of(question["id"])
    history = [
        {
            **h,
            "by_name": ws.core.name(h.get("by")) if h.get("by") else None,
            "on": format_date(h["at"]),
        }
        for h in item.get("stage_history") or []
    ]
    return {
        "item": item,
        "charter": markdown(item.get("charter") or ""),
        "members": ws.people.members(item["id"]),
        "history": history,
        "stats": ws.analytics.stats(item["id"]),
        "questions": questions,
        "me": ws.current_person,
    }


def community_html(data: Mapping[str, Any]) -> str:
    """The page (QTextBrowser HTML; action links: ask:, answer:, accept:, promote:)."""
    item, stats = data["item"], data["stats"]
    cid = _esc(item["id"])
    ask = _esc(translate("CommunityPage", "Ask a question"))
    history = _esc(translate("CommunityPage", "History"))
    dashboard = _esc(translate("CommunityPage", "Health dashboard"))
    members = _esc(translate("CommunityPage", "Members and roles…"))
    leave = _esc(translate("CommunityPage", "Leave…"))
    join = _esc(translate("CommunityPage", "Join"))
    if any(m["person"] == data.get("me") for m in data["members"]):
        joining = f'<a href="task:leave">{leave}</a>'
    elif data.get("me"):
        joining = f'<a href="task:join">{join}</a>'
    else:
        joining = ""
    parts = [
        f"<html><head><style>{PANE_CSS}{PAGE_CSS}</style></head><body>",
        f"<h1>{_esc(item.get('name'))}</h1>",
        f'<p class="actions"><a href="ask:{cid}">{ask}</a> · '
        f'<a href="dashboard:{cid}">{dashboard}</a> · '
        f'<a href="history:{cid}">{history}</a> · '
        f'<a href="task:members">{members}</a>{" · " + joining if joining else ""}</p>',
        '<table class="meta">',
    ]
    for label, value in (
        (_esc(translate("CommunityPage", "Form")), choice_label(item.get("form") or "")),
        (
            _esc(translate("CommunityPage", "Motivation")),
            choice_label(item.get("motivation") or ""),
        ),
        (_esc(translate("CommunityPage", "Stage")), choice_label(stats["stage"])),
    ):
        if value:
            parts.append(f"<tr><th>{label}</th><td>{_esc(value)}</td></tr>")
    parts.append("</table>")
    if stats["diagnosis"]["looks_like"] != stats["stage"]:
        looks = translate("CommunityPage", "Looks like %1: %2")
        looks = _esc(looks).replace("%1", _esc(choice_label(stats["diagnosis"]["looks_like"])))
        parts.append(
            '<table cellpadding="4" width="100%"><tr><td bgcolor="#fff1a8" style="color:#1f2328">'
            f"⚠ {looks.replace('%2', _esc(reason_text(stats['diagnosis'])))}</td></tr></table>"
        )

    parts.append(_h2(translate("CommunityPage", "Members by role")))
    by_role: dict[str, list[Mapping[str, Any]]] = {}
    for m in data["members"]:
        by_role.setdefault(m["role"], []).append(m)
    if not by_role:
        parts.append(_muted(translate("CommunityPage", "No member yet.")))
    rows = []
    for role in sorted(by_role, key=lambda r: ROLES.index(r) if r in ROLES else len(ROLES)):
        people = ", ".join(
            f'<a href="copdesk:{_esc(m["person"])}">{_esc(m.get("name") or m["person"])}</a>'
            for m in by_role[role]
        )
        rows.append(
            f'<tr><td class="muted">{_esc(choice_label(role))} ({len(by_role[role])})</td>'
            f"<td>{people}</td></tr>"
        )
    if rows:
        parts.append(f'<table class="rows">{"".join(rows)}</table>')

    parts.append(_h2(translate("CommunityPage", "Stage history")))
    rows = [
        f'<tr><td class="muted">{_esc(h["on"])}</td><td>{_esc(choice_label(h["stage"]))}</td>'
        f'<td class="muted">{_esc(h.get("by_name") or "")}</td></tr>'
        for h in data["history"]
    ]
    parts.append(
        f'<table class="rows">{"".join(rows)}</table>'
        if rows
        else _muted(translate("CommunityPage", "No stage recorded."))
    )

    parts.append(_h2(translate("CommunityPage", "Activity")))
    activity = (
        _esc(
            translate(
                "CommunityPage",
                "Active members: %1 in 90 days, %2 in 30 days. Contributions in 30 days: %3.",
            )
        )
        .replace("%1", str(stats["active_90"]))
        .replace("%2", str(stats["active_30"]))
        .replace("%3", str(stats["contributions_30"]))
    )
    parts.append(f"<p>{activity}</p>")
    months = list(stats["contributions_per_month"].items())[-ACTIVITY_MONTHS:]
    heads = "".join(
        f'<td class="muted" align="center">{_esc(month_label(k))}</td>' for k, _ in months
    )
    counts = "".join(f'<td align="center"><b>{n}</b></td>' for _, n in months)
    per_month = _esc(translate("CommunityPage", "Contributions per month"))
    parts.append(
        f'<p class="muted" style="margin:6px 0 2px 0">{per_month}</p>'
        f'<table class="rows"><tr>{heads}</tr><tr>{counts}</tr></table>'
    )

    open_count = len(data["questions"])
    heading = _esc(translate("CommunityPage", "Open questions (%1)")).replace("%1", str(open_count))
    parts.append(f"<h2>{heading}</h2>")
    if not data["questions"]:
        parts.append(_muted(translate("CommunityPage", "No open question.")))
    answer = _esc(translate("CommunityPage", "Answer"))
    accept = _esc(translate("CommunityPage", "Accept"))
    promote = _esc(translate("CommunityPage", "Turn into a know-how sheet"))
    for q in data["questions"]:
        if q["answers"] == 0:
            answers = _esc(translate("CommunityPage", "no answer yet"))
        elif q["answers"] == 1:
            answers = _esc(translate("CommunityPage", "1 answer"))
        else:
            answers = _esc(translate("CommunityPage", "%1 answers"))
            answers = answers.replace("%1", str(q["answers"]))
        qid = _esc(q["id"])
        parts.append(
            f'<p class="question"><a href="copdesk:{qid}"><b>{_esc(q.get("title"))}</b></a> '
            f'<span class="muted">· {answers}</span> · <a href="answer:{qid}">{answer}</a></p>'
        )
        for a in q["answer_list"]:
            aid = _esc(a["id"])
            body = _esc(a["body"] if len(a["body"]) <= 240 else a["body"][:240] + "…")
            author = _esc(a.get("author_name") or "")
            parts.append(
                f'<p class="answer">{body} <span class="muted">— {author}</span><br/>'
                f'<a href="accept:{qid}/{aid}">{accept}</a> · '
                f'<a href="promote:{aid}">{promote}</a></p>'
            )
    parts.append(_h2(translate("CommunityPage", "Charter")))  # last: often long
    parts.append(
        _CHARTER_HEADING.sub(lambda m: f"<{m[1]}h{int(m[2]) + 2}", data["charter"])
        or _muted(translate("CommunityPage", "No charter yet."))
    )
    parts.append("</body></html>")
    return "".join(parts)


# -- actions --------------------------------------------------------------------------


class TextDialog(QDialog):
    """A title (for a question) and a text: the question's details or an answer."""

    def __init__(self, window_title: str, with_title: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title)
        self.setObjectName("communityTextDialog")
        self.title = QLineEdit(self)
        self.title.setObjectName("questionTitle")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("questionText")
        self.with_title = with_title
        form = QFormLayout(self)
        if with_title:
            form.addRow(self.tr("Question"), self.title)
            form.addRow(self.tr("Details"), self.text)
        else:
            self.title.hide()
            form.addRow(self.tr("Answer"), self.text)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(460, 260)
        for signal in (self.title.textChanged, self.text.textChanged):
            signal.connect(self._check)
        self._check()

    def _check(self) -> None:
        needed = self.title.text() if self.with_title else self.text.toPlainText()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(needed.strip()))


class CommunityActions(QObject):
    """The page's action links: dialogs on the GUI thread, the writes on the worker.

    ``showItem`` asks the window to show where an action's result is: the community
    page (reloaded by the write's Change if it is the one shown), or the know-how sheet
    an answer was turned into. ``showing()`` is the item the reading pane shows."""

    showItem = Signal(str)

    def __init__(
        self, perform: Perform, showing: Callable[[], str | None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._perform = perform
        self._showing = showing
        self._parent = parent
        self.dialog: TextDialog | None = None

    def handle(self, url: QUrl) -> bool:
        """Run the action of a page link; False if the link is not an action."""
        scheme, target = url.scheme(), url.path()
        if scheme not in ACTIONS:
            return False
        if scheme == "ask":
            self._open(self.tr("Ask a question"), True, lambda t, b: self.ask(target, t, b))
        elif scheme == "answer":
            self._open(self.tr("Answer the question"), False, lambda _, b: self.answer(target, b))
        elif scheme == "accept":
            question, _, answer = target.partition("/")
            self.accept(question, answer)
        else:
            self.promote(target, "rex" if scheme == "promote-rex" else "howto")
        return True

    def _open(self, title: str, with_title: bool, then: Callable[[str, str], None]) -> None:
        dialog = TextDialog(title, with_title, self._parent)
        self.dialog = dialog

        def done() -> None:
            then(dialog.title.text().strip(), dialog.text.toPlainText().strip())

        dialog.accepted.connect(done)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # window-modal, not blocking: tests fill it in like a user

    def _run(self, job: write_jobs.Write, page: str | None = None) -> None:
        """The write; then its result's page, unless it or ``page`` (the question the
        action was taken on) is the one shown, which its Change reloads."""

        def done(target: str) -> None:
            if self._showing() not in (target, page):
                self.showItem.emit(target)

        self._perform(job, done)

    def ask(self, community: str, title: str, body: str = "") -> None:
        self._run(write_jobs.ask(community, title, body))

    def answer(self, question: str, text: str) -> None:
        self._run(write_jobs.answer(question, text), question)

    def accept(self, question: str, answer: str) -> None:
        self._run(write_jobs.accept(question, answer), question)

    def promote(self, answer: str, kind: str = "howto") -> None:
        self._run(write_jobs.promote(answer, kind))
