"""Import a bundle, with a preview of what it changes before anything is written.

``copdesk import --dry-run`` (in a child process) checks the bundle and lists what
importing it would do; Apply runs the real import, all or nothing, in one
transaction. A bundle signed by a site not trusted yet offers to trust it (after
comparing fingerprints); a refused bundle says why in one line. Revisions held back
(their site not trusted here…) are listed first with why, and a site not trusted can
be trusted from there; an edit that overturned a deletion says so.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from copdesk import messages
from copdesk.errors import BadInput, Cancelled, UntrustedSite
from copdesk.gui import commands, write_jobs
from copdesk.gui.commands import CommandRunner
from copdesk.gui.exchange.import_rows import ImportRows
from copdesk.gui.labels import kind_label, ui_language
from copdesk.gui.loads import Loads
from copdesk.gui.markup import esc
from copdesk.gui.process import ChildCommand
from copdesk.sync.admit import REASONS as HELD
from copdesk.sync.bundle import EXTENSION

FIT_ROWS = 50  # the Kind and Change columns fit the words of this many rows
TrustBundle = Callable[[Path, Callable[[], Any]], Any]
TrustHeld = Callable[[str, str], Any]  # a site whose revisions were held back: id, name


class ImportPanel(QGroupBox):
    """The import button, the preview (what changes), Apply and Discard."""

    def __init__(
        self,
        runner: CommandRunner,
        loads: Loads,
        trust_bundle: TrustBundle,
        say: Callable[[str], None],
        parent: QWidget | None = None,
        *,
        trust_held: TrustHeld | None = None,
    ) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Import a bundle"))
        self.commands, self.loads, self.trust_bundle, self.say = runner, loads, trust_bundle, say
        self.trust_held = trust_held
        self.held: list[dict[str, Any]] = []  # held back by the last preview or import
        self.preview: dict[str, Any] | None = None
        self.path: Path | None = None
        self.untrusted: dict[str, str] | None = None
        self.idle = True
        self.import_button = QPushButton(self.tr("Import…"), self)
        self.import_button.clicked.connect(self._ask_import)
        self.label = QLabel(self)
        self.label.setObjectName("previewLabel")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust_signer_button = QPushButton(self.tr("Trust this site"), self)
        self.trust_signer_button.clicked.connect(self.trust_signer)
        self.trust_held_button = QPushButton(self.tr("Trust their site…"), self)
        self.trust_held_button.setObjectName("trustHeld")
        self.trust_held_button.setToolTip(
            self.tr("Revisions of a site not trusted here were held back: trust it to take them")
        )
        self.trust_held_button.clicked.connect(self._trust_held)
        headers = [self.tr("Item"), self.tr("Kind"), self.tr("Change")]
        self.rows = ImportRows(headers, self._held_cells, self._item_cells, self)
        self.items = QTableView(self)  # a tree view would ask each of 10,000 rows for children
        self.items.setObjectName("previewItems")
        self.items.setModel(self.rows)
        self.items.setShowGrid(False)
        self.items.setWordWrap(False)
        self.items.setAlternatingRowColors(True)
        self.items.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.items.setTabKeyNavigation(False)  # arrows move between rows; Tab leaves the list
        rows = self.items.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)  # as compact as a tree
        header = self.items.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(FIT_ROWS)  # not every row's words: short ones
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.apply_button = QPushButton(self.tr("Apply"), self)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_import)
        self.discard_button = QPushButton(self.tr("Discard"), self)
        self.discard_button.clicked.connect(self.discard_preview)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.trust_signer_button)
        actions.addWidget(self.trust_held_button)
        actions.addStretch(1)
        actions.addWidget(self.discard_button)
        actions.addWidget(self.apply_button)
        box = QVBoxLayout(self)
        box.addLayout(top)
        box.addWidget(self.label)
        box.addWidget(self.items, 1)
        box.addLayout(actions)
        self._show()

    def set_idle(self, idle: bool) -> None:
        self.idle = idle
        self._enable()

    def _enable(self) -> None:
        self.import_button.setEnabled(self.idle)
        self.apply_button.setEnabled(self.idle and self.preview is not None)
        self.trust_signer_button.setEnabled(self.idle)

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a bundle"),
            "",
            self.tr("copdesk bundles (*%1);;All files (*)").replace("%1", EXTENSION),
        )
        if path:
            self.preview_import(path)

    def preview_import(self, path: str | Path) -> ChildCommand | None:
        """Check the bundle and show what importing it would change; nothing is written."""
        path = Path(path)
        self.preview, self.path, self.untrusted = None, path, None
        self._show(self.tr("Reading %1…").replace("%1", path.name))

        def done(result: dict[str, Any]) -> None:
            self.preview = result
            self._show()

        return self.commands.run(commands.preview_import(path), done, self._refused)

    def _refused(self, exc: BaseException) -> bool:
        """Untrusted signer: offer to trust it; refused bundle: its one-line reason."""
        if isinstance(exc, UntrustedSite):
            self.untrusted = exc.producer
            self._show()
            return True
        if isinstance(exc, BadInput):
            self.preview = None
            self._show(self.tr("Refused: %1").replace("%1", str(exc)), error=True)
            return True
        self._show()
        return False

    def apply_import(self) -> ChildCommand | None:
        """Import the previewed bundle for real (all or nothing)."""
        if self.preview is None or self.path is None:
            return None

        def done(result: dict[str, Any]) -> None:
            self.preview = None
            self._show(
                self.tr("Imported from %1: %2 new, %3 updated, %4 in conflict.")
                .replace("%1", result["producer_name"])
                .replace("%2", str(result["new"]))
                .replace("%3", str(result["updated"]))
                .replace("%4", str(result["conflicts"])),
                items=result["items"],
                held=result.get("held_back") or [],
            )

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, Cancelled):  # killed between its commit and its indexing?
                write_jobs.catch_up_steps(self.loads.perform)
                self.say(self.tr("Cancelled: nothing was written."))
                return True
            return self._refused(exc)

        return self.commands.run(commands.import_bundle(self.path), done, failed)

    def discard_preview(self) -> None:
        self.preview, self.path, self.untrusted = None, None, None
        self._show()

    def trust_signer(self) -> Any:
        """Trust the site that signed the previewed bundle, then preview it again."""
        path = self.path
        if path is None or self.untrusted is None:
            return None
        return self.trust_bundle(path, lambda: self.preview_import(path))

    def _trust_held(self) -> None:
        site = next((h for h in self.held if h["reason"] == "untrusted"), None)
        if site is not None and self.trust_held is not None:
            self.trust_held(site["site"], site["site_name"] or "")

    def _show(
        self,
        message: str = "",
        *,
        error: bool = False,
        items: list[dict] | None = None,
        held: list[dict] | None = None,
    ) -> None:
        p = self.preview
        self.trust_signer_button.setVisible(self.untrusted is not None)
        if self.untrusted is not None:
            u = self.untrusted
            message = self.tr(
                "This bundle is signed by a site you do not trust: <b>%1</b><br>"
                "Key fingerprint: <tt>%2</tt><br>"
                "Trust it only if that site's own Exchange view shows the same fingerprint."
            )
            message = message.replace("%1", esc(u.get("name", ""))).replace(
                "%2", esc(u.get("fingerprint", ""))
            )
        elif p is not None:
            message = (
                self.tr(
                    "<b>Preview</b> of %1 from <b>%2</b>: %3 new, %4 updated, %5 unchanged, "
                    "%6 in conflict. Nothing is written until you apply it."
                )
                .replace("%1", esc(Path(p["file"]).name))
                .replace("%2", esc(p["producer_name"]))
                .replace("%3", str(p["new"]))
                .replace("%4", str(p["updated"]))
                .replace("%5", str(p["unchanged"]))
                .replace("%6", str(p["conflicts"]))
            )
            items = p["items"]
            held = p.get("held_back") or []
        elif not message:
            message = self.tr("Choose a bundle: you will see what it changes before applying it.")
        else:
            message = esc(message)
        self.held = list(held or [])
        if self.held:
            count = self.tr(
                "%1 revisions held back (not taken; they come again with a later bundle)."
            )
            message += "<br>" + esc(count.replace("%1", str(len(self.held))))
        self.label.setText(message)
        self.label.setStyleSheet("color: #9b1c1c;" if error else "")
        self.rows.set_rows(self.held, items or [])
        self.items.setVisible(bool(items) or bool(self.held))
        untrusted = any(h["reason"] == "untrusted" for h in self.held)
        self.trust_held_button.setVisible(untrusted and self.trust_held is not None)
        self.apply_button.setVisible(p is not None)
        self.discard_button.setVisible(p is not None or self.untrusted is not None)
        self._enable()

    def _item_cells(self, it: dict[str, Any]) -> tuple[str, str, str]:
        """An item's row: its title, its kind, what the import does to it."""
        outcomes = {"new": self.tr("new"), "updated": self.tr("updated"), "unchanged": ""}
        change = outcomes.get(it["outcome"], it["outcome"])
        if it["deleted"]:
            change = self.tr("deleted")
        if it["conflict"]:
            change = (
                self.tr("%1, in conflict").replace("%1", change)
                if change
                else self.tr("in conflict")
            )
        gone = it.get("overturned_delete")
        if gone:  # an edit here and a deletion there: the edit won
            kept = messages.text(
                "import.overturned", ui_language(), site=gone.get("site_name") or gone["site"]
            )
            change = f"{change}, {kept}" if change else str(kept)
        return it["title"] or it["id"][:8], kind_label(it["kind"]), change

    def _held_cells(self, h: dict[str, Any]) -> tuple[str, str, str]:
        """What was not taken (listed first), with why, in the interface's language."""
        why = (
            messages.text(f"held.{h['reason']}", ui_language()) if h["reason"] in HELD else h["why"]
        )
        who = h.get("site_name") or h["site"][:8]
        text = self.tr("held back (%1): %2").replace("%1", who).replace("%2", str(why))
        return h["title"] or h["item"][:8], kind_label(h["kind"]), text
