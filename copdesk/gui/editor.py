"""The editor window of one item: the form, a live preview, attachments, drafts.

Each editor is its own window, so a report can be written while the main window
is used to look things up, and two items can be edited side by side. Nothing
typed is lost silently: closing with changes asks Save / Discard / Cancel, and
the text is autosaved as a draft (on the worker, in the workspace folder) and
offered back the next time that item, or a new item of that kind, is edited.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from copdesk.errors import CopdeskError
from copdesk.gui import drafts, read_jobs, write_jobs
from copdesk.gui.attachments import AttachmentStrip
from copdesk.gui.forms import ItemForm
from copdesk.gui.labels import kind_label, ui_language
from copdesk.gui.language import format_local, shown_date
from copdesk.gui.read_jobs import PANE_CSS
from copdesk.gui.similar import SimilarPanel
from copdesk.gui.templates import templates_for
from copdesk.gui.views import ElidedLabel, SafeBrowser
from copdesk.gui.worker import WorkspaceRunner
from copdesk.model.kinds import KINDS, REF, REFS

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls
PREFERRED_SIZE = (1180, 780)  # on a screen that has room; smaller ones get their size
AUTOSAVE_MS = 3000  # a draft is written this long after the last keystroke
PREVIEW_MS = 300  # the preview follows typing, without re-rendering on every key
_STYLE = re.compile(r"<style>.*?</style>", re.S)
Decision = QMessageBox.StandardButton
COLOURS = {  # message level -> background, border, text
    "error": ("#fde8e8", "#e4a3a3", "#6b1c1c"),
    "info": ("#fff7d6", "#e6cf7a", "#5c4a00"),
    "ok": ("#e6f4ea", "#a8d5b5", "#1e4d2b"),
}


def defaults(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """A new item's values: the model's defaults, the workspace language, this site."""
    spec = KINDS[kind]
    values: dict[str, Any] = {f.name: f.default for f in spec.fields if f.default is not None}
    if "language" in spec.by_name:
        values["language"] = data["language"]
    if kind in ("rex", "person"):
        values["site"] = data["site"]
    return values


def preview_html(
    item: dict[str, Any], values: dict[str, Any], names: dict[str, str], language: str
) -> str:
    """The item as the reading pane will show it, from what is typed (no database)."""
    from copdesk.render import item_html  # Markdown and nh3: loaded once an editor opens

    item = {**item, **values}
    for f in KINDS[item["kind"]].fields:
        if f.type == REF:
            item[f"{f.name}_name"] = names.get(values[f.name], values[f.name])
        elif f.type == REFS:
            item["holder_names"] = [names.get(v, v) for v in values[f.name]]
    page = item_html(item, language, dates=shown_date)  # as the reading pane shows it
    return _STYLE.sub(lambda _: f"<style>{PANE_CSS}</style>", page, 1)


def fit_window(window: QWidget, preferred: tuple[int, int], near: QWidget | None) -> None:
    """Size a window to ``preferred``, or to the screen it opens on when that is smaller
    (its title bar counted), centred there: every button stays on screen."""
    from PySide6.QtGui import QGuiApplication

    from copdesk.gui.frame import TITLE_BAR

    screen = (near.screen() if near is not None else None) or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*preferred)
        return
    room = screen.availableGeometry()
    width = min(preferred[0], room.width() - 16)
    height = min(preferred[1], room.height() - TITLE_BAR)
    window.resize(width, height)
    frame = window.frameGeometry()
    frame.moveCenter(room.center())
    window.move(max(frame.left(), room.left()), max(frame.top(), room.top()))


def _shortcut(window: QWidget, text: str, keys: QKeySequence, slot: Any) -> None:
    action = QAction(text, window)
    action.setShortcut(keys)
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    window.addAction(action)


def _timer(parent: QWidget, ms: int, slot: Any) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(slot)
    return timer


def error_text(exc: BaseException) -> str:
    """An error in the interface's language (the core's code and facts), or as it is."""
    if isinstance(exc, CopdeskError):
        from copdesk import messages

        return messages.error_text(exc, ui_language())
    return translate("EditorWindow", "Internal error: %1").replace(
        "%1", f"{type(exc).__name__}: {exc}"
    )


def unsaved_prompt(parent: QWidget, heading: str) -> Decision:
    """Save, Discard or Cancel: what to do with the changes to ``heading``."""
    box = QMessageBox(parent)
    box.setObjectName("unsavedPrompt")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(translate("EditorWindow", "Unsaved changes"))
    box.setText(translate("EditorWindow", "Save the changes to “%1”?").replace("%1", heading))
    box.setInformativeText(
        translate("EditorWindow", "If you discard them, what you typed is lost.")
    )
    box.setStandardButtons(Decision.Save | Decision.Discard | Decision.Cancel)
    box.setDefaultButton(Decision.Save)
    return Decision(box.exec())


class MessageBar(QFrame):
    """A message at the top of the editor: an error to fix, or a draft to restore."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 8, 6)
        self._layout.addWidget(self.label, 1)
        self._buttons: list[QPushButton] = []
        self.hide()

    def show_message(self, text: str, level: str = "error", actions: tuple = ()) -> None:
        """Show ``text``; ``actions`` are (label, callback) buttons beside it."""
        back, border, fore = COLOURS[level]
        self.setStyleSheet(
            f"#messageBar {{ background: {back}; border: 1px solid {border}; border-radius: 4px; }}"
            f"#messageBar QLabel {{ color: {fore}; }}"
        )
        for b in self._buttons:
            b.deleteLater()
        self._buttons = []
        for label, callback in actions:
            button = QPushButton(label, self)
            button.clicked.connect(callback)
            self._layout.addWidget(button)
            self._buttons.append(button)
        self.label.setText(text)
        self.level = level
        self.show()

    @property
    def text(self) -> str:
        return self.label.text() if not self.isHidden() else ""


class EditorWindow(QWidget):
    """Create or edit one item of a user kind. ``loaded`` fires when it can be typed in."""

    loaded = Signal()
    saved = Signal(str)  # the item id
    draftSaved = Signal(str)  # the draft file
    closed = Signal()

    def __init__(
        self,
        runner: WorkspaceRunner,
        kind: str,
        item_id: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.runner = runner
        self.kind = kind
        self.item_id = item_id
        self.item: dict[str, Any] | None = None
        self.form: ItemForm | None = None
        self.language = ui_language()
        self.saving = False
        self._initial: dict[str, Any] = {}
        self._close_after_save = False
        self._gone = False
        self._draft_written = False
        self.ask_unsaved = self._ask_unsaved  # tests inject the answer
        self.restore_on_load = False  # a draft recovered at start: restored once loaded

        self.setObjectName("editorWindow")
        self.setAcceptDrops(True)
        self._build()
        fit_window(self, PREFERRED_SIZE, parent)
        self._preview_timer = _timer(self, PREVIEW_MS, self.update_preview)
        self._autosave_timer = _timer(self, AUTOSAVE_MS, self.autosave)
        self._set_title()
        self.runner.submit(
            read_jobs.load_editor(kind, item_id), self._on_loaded, self._on_load_failed
        )

    # -- layout --------------------------------------------------------------------

    def _build(self) -> None:
        self.heading = ElidedLabel("", self)  # a long title never widens the editor
        self.heading.setObjectName("editorHeading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: 600;")
        self.template = QComboBox(self)
        self.template.setObjectName("templateChoice")
        self.template.setMinimumWidth(220)
        self.template_label = QLabel(self.tr("Start from a template:"), self)
        self.template_label.setBuddy(self.template)
        head = QHBoxLayout()
        head.addWidget(self.heading, 1)
        head.addWidget(self.template_label)
        head.addWidget(self.template)

        self.message = MessageBar(self)

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(QLabel(self.tr("Loading…"), self))
        self.preview = SafeBrowser(self)
        self.preview.setObjectName("editorPreview")
        self.preview.setAccessibleName(self.tr("Preview, as it will be read"))
        self.preview.document().setDocumentMargin(12)
        preview_box = QWidget(self)
        pv = QVBoxLayout(preview_box)
        pv.setContentsMargins(0, 0, 0, 0)
        pv.setSpacing(4)
        caption = QLabel(self.tr("Preview, as it will be read"), preview_box)
        caption.setStyleSheet("color: #6b7280;")
        pv.addWidget(caption)
        pv.addWidget(self.preview, 1)
        self.similar = SimilarPanel.beside(self, pv)  # "already known?" (reports, sheets)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.scroll)
        self.splitter.addWidget(preview_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.scroll.setMinimumWidth(300)
        preview_box.setMinimumWidth(220)
        self.splitter.setSizes([680, 460])

        self.files = AttachmentStrip(self)
        self.files.changed.connect(self._edited)

        self.state = QLabel(self)
        self.state.setStyleSheet("color: #6b7280;")
        self.cancel_button = QPushButton(self.tr("Close"), self)
        self.cancel_button.clicked.connect(self.close)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setDefault(True)
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        foot = QHBoxLayout()
        foot.addWidget(self.state, 1)
        foot.addWidget(self.cancel_button)
        foot.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addWidget(self.message)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.files)
        layout.addLayout(foot)

        _shortcut(self, self.tr("Save"), QKeySequence(QKeySequence.StandardKey.Save), self.save)
        _shortcut(self, self.tr("Close"), QKeySequence("Ctrl+W"), self.close)

    def _set_title(self) -> None:
        what = kind_label(self.kind)
        if self.item_id is None:
            heading = self.tr("New: %1").replace("%1", what)
        else:
            title = str((self.item or {}).get(KINDS[self.kind].title_field) or "")
            heading = f"{what}: {title}" if title else what
        self.heading.setText(heading)
        self.setWindowTitle(heading + (" *" if self.dirty else "") + " — copdesk")

    # -- loading -------------------------------------------------------------------

    def _on_loaded(self, data: dict[str, Any]) -> None:
        if self._gone:
            return
        self.item = data["item"]
        self.workspace_language = data["language"]
        self._names = {i: n for rows in data["refs"].values() for i, n in rows}
        self.form = ItemForm(self.kind, data["refs"], self)
        self.scroll.setWidget(self.form)
        if self.item is not None:
            self.form.set_values(self.item)
            self.files.show_files(self.item.get("attachments") or [])
        else:
            self.form.set_values(defaults(self.kind, data))
            self.files.show_files([])
        self._initial = self.form.values()
        self._fill_templates()
        self.form.changed.connect(self._edited)
        self.save_button.setEnabled(True)
        draft = data.get("draft")
        if draft and draft["values"] != self._initial:
            if self.restore_on_load:  # recovered at start: the user asked for it back
                self.restore_draft(draft)
                self.message.show_message(self.tr("Recovered text restored: save it."), "info")
            else:
                self._offer_draft(draft)
        self._set_title()
        self.update_preview()
        first = self.form.widget(KINDS[self.kind].title_field)
        first.setFocus()
        self.loaded.emit()

    def _on_load_failed(self, exc: BaseException) -> None:
        if not self._gone:
            self.message.show_message(error_text(exc))
            self.loaded.emit()

    def _fill_templates(self) -> None:
        choices = templates_for(self.kind) if self.item_id is None else []
        self.template.setVisible(bool(choices))
        self.template_label.setVisible(bool(choices))
        self.template.blockSignals(True)
        self.template.clear()
        self.template.addItem(self.tr("Blank"), None)
        for t in choices:
            self.template.addItem(t.label(self.language), t)  # named as the interface speaks
        self.template.blockSignals(False)
        self.template.currentIndexChanged.connect(self._template_chosen)

    @property
    def content_language(self) -> str:
        """The language the item is written in (templates follow it, not the interface)."""
        chosen = self.form.values().get("language") if self.form else None
        return chosen or getattr(self, "workspace_language", self.language)

    def _template_chosen(self, index: int) -> None:
        template = self.template.itemData(index)
        if template is not None:
            self.apply_template(template.name)

    def apply_template(self, name: str) -> None:
        """Fill the empty fields with the template's sections; typed text is kept."""
        assert self.form is not None
        template = next(t for t in templates_for(self.kind) if t.name == name)
        current = self.form.values()
        self.form.set_values(
            {k: v for k, v in template.fill(self.content_language).items() if not current.get(k)}
        )

    # -- drafts --------------------------------------------------------------------

    @property
    def draft_key(self) -> str:
        return drafts.draft_key(self.kind, self.item_id)

    def _offer_draft(self, draft: dict[str, Any]) -> None:
        when = format_local(draft.get("saved_at"))
        text = self.tr("Text typed on %1 was not saved. Restore it?").replace("%1", when)
        self.message.show_message(
            text,
            "info",
            (
                (self.tr("Restore"), lambda: self.restore_draft(draft)),
                (self.tr("Discard it"), self.discard_draft),
            ),
        )

    def restore_draft(self, draft: dict[str, Any]) -> None:
        assert self.form is not None
        self.form.set_values(draft["values"])
        for path in draft.get("attachments") or []:
            self.add_files([path])
        self.message.hide()
        self._edited()

    def discard_draft(self) -> None:
        self.message.hide()
        self.runner.submit(write_jobs.discard_draft(self.draft_key))

    def autosave(self) -> None:
        """Write the draft now if anything is unsaved (the timer calls it after typing)."""
        self._autosave_timer.stop()
        if self.form is None or self.saving:
            return
        if not self.dirty:
            if self._draft_written:
                self.runner.submit(write_jobs.discard_draft(self.draft_key))
                self._draft_written = False
            return
        draft = {
            "kind": self.kind,
            "item_id": self.item_id,
            "rev": (self.item or {}).get("rev"),
            "values": self.form.values(),
            "attachments": list(self.pending),
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        }
        self._draft_written = True

        def done(path: str) -> None:
            if not self._gone:
                self.state.setText(
                    self.tr("Draft kept at %1").replace("%1", dt.datetime.now().strftime("%H:%M"))
                )
            self.draftSaved.emit(path)

        self.runner.submit(write_jobs.save_draft(self.draft_key, draft), done, lambda _: None)

    # -- editing -------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        """Something typed or attached is not in the workspace yet."""
        if self.form is None:
            return False
        return bool(self.pending) or self.form.values() != self._initial

    def _edited(self) -> None:
        self._preview_timer.start()
        self._autosave_timer.start()
        self._set_title()

    def update_preview(self) -> None:
        """The item as the reading pane will show it, from what is typed (no database)."""
        if self.form is None:
            return
        item = {**(self.item or {}), "kind": self.kind}
        item["updated_at"] = item.get("updated_at") or self.tr("not saved yet")
        page = preview_html(item, self.form.values(), self._names, self.language)  # as read
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        self.preview.set_page(page)
        bar.setValue(position)

    # -- attachments ---------------------------------------------------------------

    @property
    def pending(self) -> list[str]:
        """Files attached at the next save."""
        return self.files.pending

    def add_files(self, paths: list[str]) -> None:
        self.files.add_files(paths)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            self.add_files(paths)
            event.acceptProposedAction()

    # -- saving --------------------------------------------------------------------

    def save(self) -> bool:
        """Check the form, then add or edit on the worker; False if refused here."""
        if self.form is None or self.saving:
            return False
        problems = self.form.check()
        if problems:
            count = len(problems)
            text = (
                self.tr("One field needs attention before saving.")
                if count == 1
                else self.tr("%1 fields need attention before saving.").replace("%1", str(count))
            )
            self.message.show_message(text)
            self.form.widget(next(iter(problems))).setFocus()
            return False
        values = self.form.values()
        if self.item_id is not None:  # only what changed: an edit made elsewhere is kept
            values = {k: v for k, v in values.items() if v != self._initial.get(k)}
        self.saving = True
        self.save_button.setEnabled(False)
        self.state.setText(self.tr("Saving…"))
        job = write_jobs.save_item(self.kind, self.item_id, values, list(self.pending))
        self.runner.perform(job, self._on_saved, self._on_save_failed)  # its Change: the views
        return True

    def _on_saved(self, result: dict[str, Any]) -> None:
        if self._gone:
            return
        self.saving = False
        self.save_button.setEnabled(True)
        self.item = result["item"]
        self.item_id = self.item["id"]
        self.files.pending[:] = [p for p, _ in result["failed"]]
        assert self.form is not None
        self.form.set_values(self.item)
        self._initial = self.form.values()
        self._draft_written = False
        self._autosave_timer.stop()
        self.files.show_files(self.item.get("attachments") or [])
        self.template.hide()
        self.template_label.hide()
        self._set_title()
        self.update_preview()
        if result["failed"]:
            names = ", ".join(f"{Path(p).name} ({why})" for p, why in result["failed"])
            self.message.show_message(self.tr("Saved, but not attached: %1").replace("%1", names))
            self._close_after_save = False
        else:
            self.message.hide()
        self.state.setText(
            self.tr("Saved at %1").replace("%1", dt.datetime.now().strftime("%H:%M"))
        )
        self.saved.emit(self.item_id)
        if self._close_after_save:
            self.close()

    def _on_save_failed(self, exc: BaseException) -> None:
        if self._gone:
            return
        self.saving = False
        self._close_after_save = False
        self.save_button.setEnabled(True)
        self.state.clear()
        text = error_text(exc)
        self.message.show_message(text)
        if self.form is not None and (name := self.form.field_named_in(text)):
            self.form.show_problem(name, text)

    # -- closing -------------------------------------------------------------------

    def _ask_unsaved(self) -> Decision:
        return unsaved_prompt(self, self.heading.text())

    def closeEvent(self, event: QCloseEvent) -> None:
        """Never lose typed text silently: ask, and save first if asked to."""
        if self.saving:
            self._close_after_save = True
            event.ignore()
            return
        if self.dirty:
            answer = self.ask_unsaved()
            if answer == Decision.Cancel:
                event.ignore()
                return
            if answer == Decision.Save:
                event.ignore()
                self._close_after_save = self.save()
                return
            self.runner.submit(write_jobs.discard_draft(self.draft_key))
        self._gone = True
        self._autosave_timer.stop()
        self._preview_timer.stop()
        self.closed.emit()
        super().closeEvent(event)
