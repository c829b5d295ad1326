"""The Exchange view: this site's identity, the roster, export, import with preview, sync folder.

Bundles are read and written in a child process (``copdesk import/export/sync-folder``,
see :mod:`copdesk.gui.process`), so the window never competes with them for the GIL.
They report progress through its stderr and stop for real when cancelled: the
child is killed, which leaves no file behind from an export (temporary name, then
rename) and nothing from an import until it is committed (one transaction; once
the child says "indexing" it is, and Cancel is disabled). File and folder dialogs
only produce a path handed to a public method (``export_to``, ``preview_import``,
``trust_from_bundle``, ``choose_sync_folder``), so tests drive the same code
without dialogs.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from copdesk.errors import BadInput, Cancelled, UntrustedSite
from copdesk.gui.process import ChildCommand, clean_after_export
from copdesk.gui.views import kind_label
from copdesk.gui.worker import WorkspaceRunner
from copdesk.sync.bundle import EXTENSION
from copdesk.workspace import Workspace

IMPORT_STEPS = ("copying", "checking", "backing up", "applying", "indexing")
FILL_CHUNK = 1000  # preview rows added per turn of the event loop
COMMITTED = "indexing"  # an import that reached this step is committed: Cancel no longer can


def overview(ws: Workspace) -> dict[str, Any]:
    """Everything the view shows, gathered on the worker in one go."""
    return {
        "identity": ws.sites.identity(),
        "sites": [s for s in ws.sites.list() if not s["self"]],
        "communities": [(c["id"], c["name"]) for c in ws.items.list("community")],
        "sync_folder": ws.sync.sync_folder_setting(),
        "conflicts": len(ws.conflicts.list()),
    }


def short_date(value: str | None) -> str:
    return (value or "")[:16].replace("T", " ")


class TrustDialog(QDialog):
    """Paste another site's id and key, as its `copdesk identity` shows them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trust a site"))
        self.site_id = QLineEdit(self)
        self.key = QLineEdit(self)
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("optional"))
        form = QFormLayout(self)
        hint = QLabel(
            self.tr(
                "Compare the key fingerprint with the other site (by phone) before trusting it."
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow(hint)
        form.addRow(self.tr("Site id"), self.site_id)
        form.addRow(self.tr("Key"), self.key)
        form.addRow(self.tr("Name"), self.name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(560, self.sizeHint().height())


class ExchangeView(QWidget):
    """Exchange between sites. ``loaded``: the overview arrived; ``failed``: show an error."""

    loaded = Signal()
    failed = Signal(object)
    conflictsRequested = Signal()
    finished = Signal(str, object)  # operation name, its result (or the exception)

    def __init__(self, runner: WorkspaceRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exchangeView")
        self.runner = runner
        self.data: dict[str, Any] = {}
        self.preview: dict[str, Any] | None = None
        self.preview_path: Path | None = None
        self.untrusted: dict[str, str] | None = None
        self.sync_choice: str | None = None
        self.operation: ChildCommand | None = None
        self._fill_generation = 0
        self._build()
        self._set_running(None)

    # -- layout --------------------------------------------------------------------

    def _build(self) -> None:
        # this site
        me = QGroupBox(self.tr("This site"), self)
        self.identity_label = QLabel(me)
        self.identity_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.identity_label.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("Copy the trust command"), me)
        self.copy_button.setToolTip(
            self.tr("The command another site runs to trust this one (paste it in an e-mail)")
        )
        self.copy_button.clicked.connect(self.copy_trust_command)
        row = QHBoxLayout(me)
        row.addWidget(self.identity_label, 1)
        row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)

        # the roster
        roster = QGroupBox(self.tr("Known sites"), self)
        self.roster = QTableWidget(0, 6, roster)
        self.roster.setObjectName("roster")
        self.roster.setHorizontalHeaderLabels(
            [
                self.tr("Site"),
                self.tr("Trust"),
                self.tr("Key fingerprint"),
                self.tr("Last in"),
                self.tr("Last out"),
                self.tr("To send"),
            ]
        )
        self._table_style(self.roster)
        self.roster.setWordWrap(False)
        self.roster.itemSelectionChanged.connect(self._enable)
        header = self.roster.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.trust_button = QPushButton(self.tr("Trust…"), roster)
        self.trust_button.clicked.connect(self._ask_trust)
        self.trust_file_button = QPushButton(self.tr("Trust from a bundle…"), roster)
        self.trust_file_button.clicked.connect(self._ask_trust_bundle)
        self.revoke_button = QPushButton(self.tr("Revoke"), roster)
        self.revoke_button.clicked.connect(self._ask_revoke)
        self.conflicts_button = QPushButton(roster)
        self.conflicts_button.clicked.connect(self.conflictsRequested)
        buttons = QHBoxLayout()
        for b in (self.trust_button, self.trust_file_button, self.revoke_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.conflicts_button)
        box = QVBoxLayout(roster)
        box.addWidget(self.roster, 1)
        box.addLayout(buttons)

        # export
        export = QGroupBox(self.tr("Export a bundle"), self)
        self.peer = QComboBox(export)
        self.peer.setObjectName("peerCombo")
        self.communities = QListWidget(export)
        self.communities.setObjectName("communityList")
        self.communities.setMaximumHeight(90)
        self.communities.setToolTip(self.tr("Tick communities to export only their items"))
        self.export_button = QPushButton(self.tr("Export…"), export)
        self.export_button.clicked.connect(self._ask_export)
        form = QFormLayout(export)
        form.addRow(self.tr("For"), self.peer)
        form.addRow(self.tr("Communities"), self.communities)
        form.addRow("", self.export_button)

        # sync folder
        sync = QGroupBox(self.tr("Shared folder"), self)
        self.sync_label = QLabel(sync)
        self.sync_label.setWordWrap(True)
        self.sync_choose = QPushButton(self.tr("Choose…"), sync)
        self.sync_choose.clicked.connect(self._ask_sync_folder)
        self.sync_button = QPushButton(self.tr("Sync now"), sync)
        self.sync_button.clicked.connect(self.sync_now)
        self.sync_report = QLabel(sync)
        self.sync_report.setWordWrap(True)
        grid = QGridLayout(sync)
        grid.addWidget(self.sync_label, 0, 0)
        grid.addWidget(self.sync_choose, 0, 1)
        grid.addWidget(self.sync_button, 0, 2)
        grid.addWidget(self.sync_report, 1, 0, 1, 3)
        grid.setColumnStretch(0, 1)

        # import and its preview
        imp = QGroupBox(self.tr("Import a bundle"), self)
        self.import_button = QPushButton(self.tr("Import…"), imp)
        self.import_button.clicked.connect(self._ask_import)
        self.preview_label = QLabel(imp)
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.trust_signer_button = QPushButton(self.tr("Trust this site"), imp)
        self.trust_signer_button.clicked.connect(self.trust_signer)
        self.preview_items = QTreeWidget(imp)
        self.preview_items.setObjectName("previewItems")
        self.preview_items.setHeaderLabels([self.tr("Item"), self.tr("Kind"), self.tr("Change")])
        self.preview_items.setRootIsDecorated(False)
        self.preview_items.setAlternatingRowColors(True)
        self.preview_items.header().setStretchLastSection(False)
        self.preview_items.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            self.preview_items.header().setSectionResizeMode(
                col, QHeaderView.ResizeMode.ResizeToContents
            )
        self.apply_button = QPushButton(self.tr("Apply"), imp)
        self.apply_button.setDefault(True)
        self.apply_button.clicked.connect(self.apply_import)
        self.discard_button = QPushButton(self.tr("Discard"), imp)
        self.discard_button.clicked.connect(self.discard_preview)
        top = QHBoxLayout()
        top.addWidget(self.import_button)
        top.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.trust_signer_button)
        actions.addStretch(1)
        actions.addWidget(self.discard_button)
        actions.addWidget(self.apply_button)
        box = QVBoxLayout(imp)
        box.addLayout(top)
        box.addWidget(self.preview_label)
        box.addWidget(self.preview_items, 1)
        box.addLayout(actions)

        # the running operation
        self.progress = QProgressBar(self)
        self.progress.setObjectName("operationProgress")
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress_label)
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)

        left = QVBoxLayout()
        left.addWidget(me)
        left.addWidget(roster, 1)
        left.addWidget(sync)
        right = QVBoxLayout()
        right.addWidget(export)
        right.addWidget(imp, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 8)
        layout.addLayout(columns, 1)
        layout.addLayout(running)
        self._show_preview()

    @staticmethod
    def _table_style(table: QTableWidget) -> None:
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setShowGrid(False)
        table.verticalHeader().hide()
        table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        table.horizontalHeader().setHighlightSections(False)

    # -- the overview --------------------------------------------------------------

    def refresh(self) -> int:
        """Reload identity, roster and settings on the worker; returns the job id."""
        return self.runner.submit(
            overview, self.show_overview, self._overview_failed, key="exchange"
        )

    def _overview_failed(self, exc: BaseException) -> None:
        self.failed.emit(exc)
        self.loaded.emit()

    def show_overview(self, data: dict[str, Any]) -> None:
        old = (self.data.get("identity") or {}).get("site_id")
        if old is not None and old != data["identity"]["site_id"]:  # another workspace
            self.sync_choice = None
            self.sync_report.clear()
            self.discard_preview()
        self.data = data
        ident = data["identity"]
        self.identity_label.setText(
            f"<b>{_esc(ident['name'])}</b><br>"
            + self.tr("Site id: %1").replace("%1", _esc(ident["site_id"]))
            + "<br>"
            + self.tr("Key fingerprint: %1").replace("%1", f"<tt>{_esc(ident['fingerprint'])}</tt>")
        )
        trust_names = {
            "trusted": self.tr("trusted"),
            "revoked": self.tr("revoked"),
            "unknown": self.tr("not trusted"),
        }
        sites = data["sites"]
        self.roster.setRowCount(len(sites))
        for r, s in enumerate(sites):
            cells = [
                s["name"],
                trust_names.get(s["trust"], s["trust"]),
                s["fingerprint"] or "",
                short_date(s["last_in"]),
                short_date(s["last_out"]),
                str(s["pending"]),
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setData(Qt.ItemDataRole.UserRole, s["id"])
                cell.setToolTip(s["id"] if c == 0 else text)
                if c == 5:
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.roster.setItem(r, c, cell)
        chosen = self.peer.currentData()
        self.peer.clear()
        self.peer.addItem(self.tr("Everything shareable"), None)
        for s in sites:
            if s["trust"] == "trusted":
                self.peer.addItem(self.tr("%1 (what it lacks)").replace("%1", s["name"]), s["id"])
        self.peer.setCurrentIndex(max(0, self.peer.findData(chosen)))
        ticked = set(self.selected_communities())
        self.communities.clear()
        for cid, name in data["communities"]:
            entry = QListWidgetItem(name, self.communities)
            entry.setData(Qt.ItemDataRole.UserRole, cid)
            entry.setCheckState(Qt.CheckState.Checked if cid in ticked else Qt.CheckState.Unchecked)
        self._show_sync_folder()
        count = data["conflicts"]
        self.conflicts_button.setText(self.tr("Conflicts (%1)…").replace("%1", str(count)))
        self._enable()
        self.loaded.emit()

    def selected_site(self) -> str | None:
        rows = self.roster.selectionModel().selectedRows()
        return rows[0].data(Qt.ItemDataRole.UserRole) if rows else None

    def selected_communities(self) -> list[str]:
        return [
            self.communities.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.communities.count())
            if self.communities.item(i).checkState() == Qt.CheckState.Checked
        ]

    def copy_trust_command(self) -> None:
        if self.data:
            QGuiApplication.clipboard().setText(self.data["identity"]["trust_command"])
            self._say(self.tr("Trust command copied."))

    # -- running operations ----------------------------------------------------------

    @property
    def running(self) -> str | None:
        return self._running

    def _set_running(self, name: str | None, *, cancellable: bool = False) -> None:
        self._running = name
        self.progress.setVisible(name is not None)
        self.cancel_button.setVisible(name is not None)
        self.cancel_button.setEnabled(cancellable)
        if name is None:
            self.operation = None
        self._enable()

    def _enable(self) -> None:
        idle = getattr(self, "_running", None) is None
        has_site = self.selected_site() is not None
        for b in (
            self.trust_button,
            self.trust_file_button,
            self.export_button,
            self.import_button,
            self.sync_choose,
        ):
            b.setEnabled(idle)
        self.revoke_button.setEnabled(idle and has_site)
        self.sync_button.setEnabled(idle and bool(self.sync_choice or self.data.get("sync_folder")))
        self.apply_button.setEnabled(idle and self.preview is not None)
        self.trust_signer_button.setEnabled(idle)

    def _start(
        self,
        name: str,
        label: str,
        args: list[str],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], bool] | None = None,
        *,
        steps: int = 0,
    ) -> ChildCommand:
        """Run ``copdesk ARGS`` in a child process with a progress bar and a real Cancel."""
        command = self.runner.command(args, self)
        command.progressed.connect(self._progressed)
        self.operation = command
        self.progress.setRange(0, steps)
        self.progress.setValue(0)
        self.progress_label.setText(label)
        self._set_running(name, cancellable=True)

        def finished(result: Any) -> None:
            command.deleteLater()
            self._set_running(None)
            self.progress_label.clear()
            if not isinstance(result, BaseException):
                on_done(result)
            elif isinstance(result, Cancelled):
                self._cancelled(name, command)
            elif on_error is None or not on_error(result):
                self.failed.emit(result)
            self.finished.emit(name, result)

        command.finished.connect(finished)
        command.start()
        return command

    def _cancelled(self, name: str, command: ChildCommand) -> None:
        """Say what a cancel left; tidy after a killed export; let the index catch up."""
        if name == "export":
            clean_after_export(self.runner.path, Path(command.args[2]), command.pid)
        folder = command.args[1] if len(command.args) > 1 else self.data.get("sync_folder")
        if name == "sync" and folder and self.data:  # its own bundle, written last
            own = f"{self.data['identity']['site_id']}{EXTENSION}"
            clean_after_export(self.runner.path, Path(folder) / own, command.pid)
        if name in ("import", "sync"):  # killed between its commit and its indexing?
            self.runner.submit(lambda ws: ws.search.index.catch_up(), None, self.failed.emit)
        if name == "sync":
            self._say(self.tr("Cancelled: the bundles already imported stay."))
            self.refresh()
        else:
            self._say(self.tr("Cancelled: nothing was written."))

    def _progressed(self, step: str, done: int, total: int) -> None:
        steps = {
            "copying": self.tr("Copying the bundle…"),
            "checking": self.tr("Checking the bundle…"),
            "backing up": self.tr("Backing up the database…"),
            "applying": self.tr("Applying…"),
            "indexing": self.tr("Updating the search index…"),
        }
        if step == COMMITTED:  # the import is in: it finishes (only the index is left)
            self.cancel_button.setEnabled(False)
        if step in steps:
            self.progress.setValue(done + 1)
            self.progress_label.setText(steps[step])
        elif step == "exporting":
            self.progress_label.setText(self.tr("%1 revisions written…").replace("%1", str(done)))

    def cancel(self) -> None:
        """Stop the running operation now: its child process is killed."""
        if self.operation is not None and self.cancel_button.isEnabled():
            self.operation.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Cancelling…"))

    def _say(self, text: str) -> None:
        self.progress_label.setText(text)

    # -- export --------------------------------------------------------------------

    def _ask_export(self) -> None:
        name = (self.data.get("identity") or {}).get("name", "copdesk")
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export a bundle"),
            f"{name}{EXTENSION}",
            self.tr("copdesk bundles (*%1)").replace("%1", EXTENSION),
        )
        if path:
            self.export_to(path if path.endswith(EXTENSION) else path + EXTENSION)

    def export_to(self, path: str | Path) -> ChildCommand:
        """Write a bundle for the chosen peer and communities (in a child process)."""
        args = ["export", "--to", str(Path(path).absolute())]
        peer = self.peer.currentData()
        if peer:
            args += ["--peer", peer]
        for community in self.selected_communities():
            args += ["--community", community]

        def done(result: dict[str, Any]) -> None:
            self._say(
                self.tr("Exported %1 revisions and %2 attachments to %3.")
                .replace("%1", str(result["revisions"]))
                .replace("%2", str(result["attachments"]))
                .replace("%3", Path(result["file"]).name)
            )
            self.refresh()

        return self._start("export", self.tr("Exporting…"), args, done)

    # -- import --------------------------------------------------------------------

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a bundle"),
            "",
            self.tr("copdesk bundles (*%1);;All files (*)").replace("%1", EXTENSION),
        )
        if path:
            self.preview_import(path)

    def preview_import(self, path: str | Path) -> ChildCommand:
        """Check the bundle and show what importing it would change; nothing is written."""
        path = Path(path)
        self.preview, self.preview_path, self.untrusted = None, path, None
        self._show_preview(self.tr("Reading %1…").replace("%1", path.name))

        def done(result: dict[str, Any]) -> None:
            self.preview = result
            self._show_preview()

        args = ["import", str(path.absolute()), "--dry-run"]
        return self._start(
            "preview", self.tr("Checking…"), args, done, self._import_refused, steps=2
        )

    def _import_refused(self, exc: BaseException) -> bool:
        """Untrusted signer: offer to trust it; refused bundle: its one-line reason."""
        if isinstance(exc, UntrustedSite):
            self.untrusted = exc.producer
            self._show_preview()
            return True
        if isinstance(exc, BadInput):
            self.preview = None
            self._show_preview(self.tr("Refused: %1").replace("%1", str(exc)), error=True)
            return True
        self._show_preview()
        return False

    def apply_import(self) -> ChildCommand | None:
        """Import the previewed bundle for real (all or nothing)."""
        if self.preview is None or self.preview_path is None:
            return None
        path = self.preview_path

        def done(result: dict[str, Any]) -> None:
            self.preview = None
            self._show_preview(
                self.tr("Imported from %1: %2 new, %3 updated, %4 in conflict.")
                .replace("%1", result["producer_name"])
                .replace("%2", str(result["new"]))
                .replace("%3", str(result["updated"]))
                .replace("%4", str(result["conflicts"])),
                items=result["items"],
            )
            self.refresh()
            if result["conflicts"]:
                self.conflicts_button.setFocus()

        args = ["import", str(path.absolute())]
        return self._start(
            "import", self.tr("Importing…"), args, done, self._import_refused, steps=5
        )

    def discard_preview(self) -> None:
        self.preview, self.preview_path, self.untrusted = None, None, None
        self._show_preview()

    def trust_signer(self) -> int | ChildCommand | None:
        """Trust the site that signed the previewed bundle, then preview it again."""
        path = self.preview_path
        if path is None or self.untrusted is None:
            return None
        return self.trust_from_bundle(path, then=lambda: self.preview_import(path))

    def _show_preview(
        self, message: str = "", *, error: bool = False, items: list[dict] | None = None
    ) -> None:
        p = self.preview
        self.preview_items.clear()
        self.trust_signer_button.setVisible(self.untrusted is not None)
        if self.untrusted is not None:
            u = self.untrusted
            message = self.tr(
                "This bundle is signed by a site you do not trust: <b>%1</b><br>"
                "Key fingerprint: <tt>%2</tt><br>"
                "Trust it only if that site's own Exchange view shows the same fingerprint."
            )
            message = message.replace("%1", _esc(u.get("name", ""))).replace(
                "%2", _esc(u.get("fingerprint", ""))
            )
        elif p is not None:
            message = (
                self.tr(
                    "<b>Preview</b> of %1 from <b>%2</b>: %3 new, %4 updated, %5 unchanged, "
                    "%6 in conflict. Nothing is written until you apply it."
                )
                .replace("%1", _esc(Path(p["file"]).name))
                .replace("%2", _esc(p["producer_name"]))
                .replace("%3", str(p["new"]))
                .replace("%4", str(p["updated"]))
                .replace("%5", str(p["unchanged"]))
                .replace("%6", str(p["conflicts"]))
            )
            items = p["items"]
        elif not message:
            message = self.tr("Choose a bundle: you will see what it changes before applying it.")
        else:
            message = _esc(message)
        self.preview_label.setText(message)
        self.preview_label.setStyleSheet("color: #9b1c1c;" if error else "")
        self._fill_generation += 1
        self._fill_items(list(items or []), 0, self._fill_generation)
        self.preview_items.setVisible(bool(items))
        self.apply_button.setVisible(p is not None)
        self.discard_button.setVisible(p is not None or self.untrusted is not None)
        self._enable()

    def _fill_items(self, items: list[dict], start: int, generation: int) -> None:
        """Add the items' rows a chunk at a time: 10,000 rows at once held the window
        for 100 ms; the rest follow from the event loop (a newer fill stops this one)."""
        if generation != self._fill_generation:
            return
        outcomes = {"new": self.tr("new"), "updated": self.tr("updated"), "unchanged": ""}
        rows = []
        for it in items[start : start + FILL_CHUNK]:
            change = outcomes.get(it["outcome"], it["outcome"])
            if it["deleted"]:
                change = self.tr("deleted")
            if it["conflict"]:
                change = (
                    self.tr("%1, in conflict").replace("%1", change)
                    if change
                    else self.tr("in conflict")
                )
            row = QTreeWidgetItem([it["title"] or it["id"][:8], kind_label(it["kind"]), change])
            row.setData(0, Qt.ItemDataRole.UserRole, it["id"])
            rows.append(row)
        self.preview_items.addTopLevelItems(rows)
        if start + FILL_CHUNK < len(items):
            QTimer.singleShot(
                0, self, lambda: self._fill_items(items, start + FILL_CHUNK, generation)
            )

    # -- trust ---------------------------------------------------------------------

    def _ask_trust(self) -> None:
        dialog = TrustDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.trust_site(dialog.site_id.text(), dialog.key.text(), dialog.name.text() or None)

    def _ask_trust_bundle(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Trust the site that signed a bundle"),
            "",
            self.tr("copdesk bundles (*%1);;All files (*)").replace("%1", EXTENSION),
        )
        if path:
            self.trust_from_bundle(path)

    def trust_site(self, site_id: str, key: str, name: str | None = None) -> int:
        return self._roster_job(lambda ws: ws.sites.trust(site_id, key, name))

    def trust_from_bundle(self, path: str | Path, then: Callable[[], Any] | None = None) -> int:
        return self._roster_job(lambda ws: ws.sites.trust_bundle(path), then)

    def _ask_revoke(self) -> None:
        site = self.selected_site()
        if site is None:
            return
        name = next((s["name"] for s in self.data["sites"] if s["id"] == site), site)
        answer = QMessageBox.question(
            self,
            self.tr("Revoke a site"),
            self.tr("Refuse bundles from %1 from now on? What came before stays.").replace(
                "%1", name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke(site)

    def revoke(self, site_id: str) -> int:
        return self._roster_job(lambda ws: ws.sites.untrust(site_id))

    def _roster_job(
        self, fn: Callable[[Workspace], Any], then: Callable[[], Any] | None = None
    ) -> int:
        def done(site: dict[str, Any]) -> None:
            self._say(self.tr("%1: %2.").replace("%1", site["name"]).replace("%2", site["trust"]))
            self.refresh()
            if then is not None:
                then()

        return self.runner.submit(fn, done, self.failed.emit)

    # -- sync folder ---------------------------------------------------------------

    def _ask_sync_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Shared folder"), self.sync_choice or self.data.get("sync_folder") or ""
        )
        if folder:
            self.choose_sync_folder(folder)

    def choose_sync_folder(self, folder: str | Path) -> None:
        """The folder the next "Sync now" uses (the workspace remembers it from then on)."""
        self.sync_choice = str(folder)
        self._show_sync_folder()
        self._enable()

    def _show_sync_folder(self) -> None:
        folder = self.sync_choice or self.data.get("sync_folder")
        if folder:
            self.sync_label.setText(self.tr("Folder: %1").replace("%1", str(folder)))
        else:
            self.sync_label.setText(
                self.tr("No shared folder yet: choose one that the other sites also reach.")
            )

    def sync_now(self) -> ChildCommand:
        """Import the other sites' bundles from the shared folder, then write this site's.

        Cancel stops it between or inside bundles: each import is all or nothing."""
        folder = self.sync_choice
        args = ["sync-folder", *([str(Path(folder).absolute())] if folder else [])]

        def done(report: dict[str, Any]) -> None:
            self.sync_choice = None
            lines = []
            for entry in report["imported"]:
                if entry["status"] == "imported":
                    lines.append(
                        self.tr("%1: %2 new, %3 updated, %4 in conflict")
                        .replace("%1", entry["file"])
                        .replace("%2", str(entry["new"]))
                        .replace("%3", str(entry["updated"]))
                        .replace("%4", str(entry["conflicts"]))
                    )
                else:
                    lines.append(f"{entry['file']}: {entry['message']}")
            if not lines:
                lines.append(self.tr("No new bundle from other sites."))
            w = report["written"]
            lines.append(
                self.tr("This site's bundle: %1 revisions.").replace("%1", str(w["revisions"]))
            )
            self.sync_report.setText("\n".join(lines))
            self.refresh()

        return self._start("sync", self.tr("Synchronizing…"), args, done)


def _esc(text: str) -> str:
    return html.escape(str(text))
