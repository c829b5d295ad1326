"""Latent networks, drawn: people as circles coloured by working group, their ties as
lines, and beside the graph the findings (bridges, isolated people and sites, who
should meet whom, candidate communities).

The worker computes the network (``ws.analytics.network``, rules in
:mod:`copdesk.analytics.network`) and the positions (:func:`layout`, a force-directed
layout with a fixed seed and a fixed number of steps, so the same data always gives
the same drawing); the GUI thread only draws. A click on a person opens them in the
reading pane (``itemRequested``). The explanations are shown in the interface's
language (:func:`explanation`, from the message catalogue's words).
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTabWidget,
    QWidget,
)

from copdesk.gui.change import Interest
from copdesk.gui.forms import ui_language
from copdesk.gui.theme import MUTED
from copdesk.gui.views import framed
from copdesk.messages import localized
from copdesk.model.text import fold
from copdesk.workspace import Workspace

Load = Callable[[str, Callable[[Workspace], Any], Callable[[Any], None]], None]
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEED = 20240601
ITERATIONS = 300
MAX_FORCE_NODES = 400  # above: clusters on a circle only (the force step is quadratic)
WIDTH, HEIGHT = 560.0, 520.0  # about the size it is shown at, so names stay legible
LABEL_W, LABEL_H = 120.0, 40.0  # room a name needs around a node
RADIUS, BRIDGE_RADIUS = 9.0, 14.0
# mid-tone colours, readable on white and on #1f1f1f (cluster index modulo)
CLUSTER_COLOURS = (
    "#3b7dd8",
    "#d9822b",
    "#3c9a5f",
    "#a05cc8",
    "#d64545",
    "#1f9aa8",
    "#c98a00",
    "#d0629b",
    "#6f8f2f",
    "#7d7fd6",
)
LONE = MUTED  # a person in a group of one


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def explanation(row: Mapping[str, Any]) -> Any:
    """A finding's or a tie's ``why`` in the interface's language."""
    return localized(row, "why", ui_language())


def cluster_colour(cluster: int, size: int) -> str:
    return LONE if size <= 1 else CLUSTER_COLOURS[cluster % len(CLUSTER_COLOURS)]


# -- layout (runs on the worker) ------------------------------------------------------


def layout(
    nodes: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    *,
    seed: int = SEED,
    iterations: int = ITERATIONS,
) -> dict[str, tuple[float, float]]:
    """Scene positions of every person: those with a work tie by a force-directed layout
    (Fruchterman-Reingold on the work ties, started from the groups on a circle), the
    others in rows below. Same input, same positions."""
    tied = [n["id"] for n in nodes if n.get("degree")]
    alone = [n["id"] for n in nodes if not n.get("degree")]
    cluster = {n["id"]: n["cluster"] for n in nodes}
    rng = random.Random(seed)
    pos: dict[str, list[float]] = {}
    groups: dict[int, list[str]] = {}
    for p in tied:
        groups.setdefault(cluster[p], []).append(p)
    order = sorted(groups, key=lambda c: (-len(groups[c]), c))
    for i, c in enumerate(order):
        angle = 2 * math.pi * i / max(len(order), 1)
        cx, cy = math.cos(angle) * 0.35, math.sin(angle) * 0.35
        members = groups[c]
        spread = 0.08 + 0.02 * math.sqrt(len(members))
        for j, p in enumerate(members):
            a = 2 * math.pi * j / len(members) + rng.uniform(-0.2, 0.2)
            pos[p] = [cx + math.cos(a) * spread, cy + math.sin(a) * spread]
    index = {p: i for i, p in enumerate(tied)}
    springs = [
        (index[e["a"]], index[e["b"]], e["work"])
        for e in edges
        if e.get("work", 0) > 0 and e["a"] in index and e["b"] in index
    ]
    xy = [pos[p] for p in tied]
    n = len(xy)
    if 1 < n <= MAX_FORCE_NODES:
        k = 1.0 / math.sqrt(n)
        temperature = 0.1
        for step in range(iterations):
            disp = [[0.0, 0.0] for _ in range(n)]
            for i in range(n):
                xi, yi = xy[i]
                for j in range(i + 1, n):
                    dx, dy = xi - xy[j][0], yi - xy[j][1]
                    d2 = max(dx * dx + dy * dy, 1e-6)
                    f = k * k / d2
                    disp[i][0] += dx * f
                    disp[i][1] += dy * f
                    disp[j][0] -= dx * f
                    disp[j][1] -= dy * f
            for i, j, w in springs:
                dx, dy = xy[i][0] - xy[j][0], xy[i][1] - xy[j][1]
                d = math.sqrt(dx * dx + dy * dy) or 1e-6
                f = d / k * min(1.0 + w / 6, 2.0)
                disp[i][0] -= dx / d * f * d
                disp[i][1] -= dy / d * f * d
                disp[j][0] += dx / d * f * d
                disp[j][1] += dy / d * f * d
            for i in range(n):  # a weak pull to the centre keeps groups on screen
                disp[i][0] -= xy[i][0] * 0.5
                disp[i][1] -= xy[i][1] * 0.5
                dx, dy = disp[i]
                d = math.sqrt(dx * dx + dy * dy) or 1e-9
                move = min(d, temperature)
                xy[i][0] += dx / d * move
                xy[i][1] += dy / d * move
            temperature = 0.1 * (1 - (step + 1) / iterations) + 0.002
    out: dict[str, tuple[float, float]] = {}
    if xy:
        xs, ys = [x for x, _ in xy], [y for _, y in xy]
        w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
        for p, (x, y) in zip(tied, xy, strict=True):
            out[p] = [(x - min(xs)) / w * WIDTH if n > 1 else WIDTH / 2, (y - min(ys)) / h * HEIGHT]
        _spread_labels(out, tied)
    top = max((y for _, y in out.values()), default=-LABEL_H * 2) + LABEL_H * 2
    per_row = max(int(WIDTH // LABEL_W) + 1, 1)
    for i, p in enumerate(alone):
        row, col = divmod(i, per_row)
        out[p] = [col * LABEL_W, top + row * LABEL_H]
    return {p: (round(x, 2), round(y, 2)) for p, (x, y) in out.items()}


def _spread_labels(pos: dict[str, Any], order: Sequence[str], passes: int = 60) -> None:
    """Push apart nodes whose names would overlap (their labels are wide and short)."""
    if len(order) > MAX_FORCE_NODES:
        return
    for _ in range(passes):
        moved = False
        for i, a in enumerate(order):
            for b in order[i + 1 :]:
                dx, dy = pos[b][0] - pos[a][0], pos[b][1] - pos[a][1]
                if abs(dx) >= LABEL_W or abs(dy) >= LABEL_H:
                    continue
                moved = True
                push_x, push_y = LABEL_W - abs(dx), LABEL_H - abs(dy)
                if push_y <= push_x:  # the cheaper way apart
                    s = (push_y / 2 + 0.5) * (1 if dy >= 0 else -1)
                    pos[a][1] -= s
                    pos[b][1] += s
                else:
                    s = (push_x / 2 + 0.5) * (1 if dx >= 0 else -1)
                    pos[a][0] -= s
                    pos[b][0] += s
        if not moved:
            break


def network_job(community: str | None = None) -> Callable[[Workspace], dict[str, Any]]:
    """The network (of one community's people, or everyone), its layout and the communities."""

    def job(ws: Workspace) -> dict[str, Any]:
        result = ws.analytics.network(community=community)
        communities = sorted(
            ((c["id"], c["name"]) for c in ws.items.list("community")), key=lambda c: fold(c[1])
        )
        return {
            "network": result,
            "positions": layout(result["nodes"], result["edges"]),
            "communities": communities,
            "community": ws.resolve(community, "community") if community else None,
        }

    return job


# -- drawing ---------------------------------------------------------------------------


class GraphView(QGraphicsView):
    """The scene, zoomed to fit; a click on a person emits ``personClicked``."""

    personClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkGraph")
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit(self) -> None:
        scene = self.scene()
        if scene is not None and not scene.sceneRect().isEmpty():
            self.fitInView(scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.fit()

    def wheelEvent(self, event: Any) -> None:
        factor = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(factor, factor)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for item in self.items(event.position().toPoint()):
            person = item.data(0)
            if person:
                self.personClicked.emit(person)
                return
        super().mousePressEvent(event)


class NetworkView(QWidget):
    """A community filter, the graph and, beside it, the findings in tabs."""

    # who works with whom: memberships, co-authoring, answers, comments, marks
    SHOWS: ClassVar[Interest] = Interest.of(
        ["person", "membership", "rex", "howto", "comment", "question", "answer", "mark"]
    )
    itemRequested = Signal(str)

    def __init__(self, load: Load, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("networkView")
        self._load = load
        self.community: str | None = None
        self.data: dict[str, Any] = {}
        self.node_items: dict[str, QGraphicsEllipseItem] = {}
        self.affinity_items: list[QGraphicsLineItem] = []

        self.community_combo = QComboBox(self)
        self.community_combo.setObjectName("networkCommunity")
        self.community_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.community_combo.setMaximumWidth(300)
        self.community_combo.activated.connect(
            lambda _: self.set_community(self.community_combo.currentData())
        )
        self.affinity = QCheckBox(self.tr("Show shared skills and communities"), self)
        self.affinity.setObjectName("networkAffinity")
        self.affinity.setToolTip(
            self.tr("Dotted lines: people who could talk (same skills or communities)")
        )
        self.affinity.toggled.connect(self._show_affinity)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Community"), self))
        bar.addWidget(self.community_combo)
        bar.addSpacing(12)
        bar.addWidget(self.affinity)
        bar.addStretch(1)

        self.scene = QGraphicsScene(self)
        self.graph = GraphView(self)
        self.graph.setScene(self.scene)
        self.graph.personClicked.connect(self.itemRequested)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("networkTabs")
        self.tabs.setDocumentMode(True)
        self.bridges = self._list("networkBridges")
        self.isolated = self._list("networkIsolated")
        self.suggestions = self._list("networkSuggestions")
        self.candidates = self._list("networkCandidates")
        for widget in (self.bridges, self.isolated, self.suggestions, self.candidates):
            self.tabs.addTab(widget, "")
        self._name_tabs()

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName("networkSplitter")
        split.addWidget(self.graph)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([540, 500])

        self.summary = framed(
            self,
            bar,
            split,
            "networkSummary",
            self.tr(
                "Colour: working group · large ringed circle: a bridge between sites, "
                "communities or groups · thicker line: more work together · "
                "bottom row: no work tie · click a person to open them"
            ),
        )

    def _list(self, name: str) -> QListWidget:
        widget = QListWidget(self)
        widget.setObjectName(name)
        widget.setWordWrap(True)
        widget.setSpacing(3)
        widget.setAlternatingRowColors(True)
        widget.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        widget.itemClicked.connect(self._list_clicked)
        return widget

    def _name_tabs(self) -> None:
        titles = (
            self.tr("Bridges (%1)"),
            self.tr("Isolated (%1)"),
            self.tr("Who should meet (%1)"),
            self.tr("Candidates (%1)"),
        )
        tips = (
            self.tr("People who link sites, communities or working groups"),
            self.tr("People without a work tie, and sites without a tie to another site"),
            self.tr("People at different sites who share a topic but never worked together"),
            self.tr(
                "Candidate communities: groups working together on a theme no community covers"
            ),
        )
        lists = (self.bridges, self.isolated, self.suggestions, self.candidates)
        for i, (title, widget) in enumerate(zip(titles, lists, strict=True)):
            count = sum(1 for r in range(widget.count()) if widget.item(r).data(ID_ROLE) != "")
            self.tabs.setTabText(i, title.replace("%1", str(count)))
            self.tabs.setTabToolTip(i, tips[i])

    # -- loading ----------------------------------------------------------------------

    def interest(self) -> Interest:
        return self.SHOWS

    def open(self, community: str | None = None) -> None:
        self.set_community(community)

    def reload(self) -> None:
        self._load("network", network_job(self.community), self._show)

    def set_community(self, community: str | None) -> None:
        """Show the network of one community's people (None: everyone) and reload."""
        self.community = community or None
        self.reload()

    def _show(self, data: dict[str, Any]) -> None:
        self.data = data
        combo = self.community_combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All communities"), None)
        for cid, name in data["communities"]:
            combo.addItem(name, cid)
        at = combo.findData(data["community"])
        combo.setCurrentIndex(at if at >= 0 else 0)
        combo.blockSignals(False)
        net = data["network"]
        self._draw(net, data["positions"])
        self._fill_lists(net)
        self.summary.setText(
            self.tr("%1 people, %2 work ties, %3 working groups, %4 bridges, %5 without a tie.")
            .replace("%1", str(net["people"]))
            .replace("%2", str(net["work_ties"]))
            .replace("%3", str(len(net["clusters"])))
            .replace("%4", str(len(net["bridges"])))
            .replace("%5", str(len(net["isolated_people"])))
        )

    def _draw(self, net: dict[str, Any], positions: Mapping[str, Sequence[float]]) -> None:
        self.scene.clear()
        self.node_items = {}
        self.affinity_items = []
        text = self.palette().color(QPalette.ColorRole.Text)
        sizes = {c["id"]: c["size"] for c in net["clusters"]}
        bridges = {b["person"] for b in net["bridges"]}
        heaviest = max((e["work"] for e in net["edges"]), default=1.0) or 1.0
        muted = QColor(MUTED)
        for e in net["edges"]:
            if e["a"] not in positions or e["b"] not in positions:
                continue
            a, b = QPointF(*positions[e["a"]]), QPointF(*positions[e["b"]])
            line = self.scene.addLine(a.x(), a.y(), b.x(), b.y())
            line.setZValue(-1)
            line.setToolTip(explanation(e))
            if e["work"] > 0:
                colour = QColor(muted)
                colour.setAlpha(200)
                line.setPen(QPen(colour, 1.2 + 4.0 * e["work"] / heaviest))
            else:
                colour = QColor(muted)
                colour.setAlpha(110)
                pen = QPen(colour, 0.8, Qt.PenStyle.DotLine)
                line.setPen(pen)
                line.setVisible(self.affinity.isChecked())
                self.affinity_items.append(line)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF(), 9.0))
        for n in net["nodes"]:
            if n["id"] not in positions:
                continue
            x, y = positions[n["id"]]
            bridge = n["id"] in bridges
            r = BRIDGE_RADIUS if bridge else RADIUS
            fill = QColor(cluster_colour(n["cluster"], sizes.get(n["cluster"], 1)))
            node = QGraphicsEllipseItem(QRectF(-r, -r, 2 * r, 2 * r))
            node.setPos(x, y)
            node.setBrush(QBrush(fill))
            node.setPen(QPen(fill.darker(130), 1.0))
            node.setData(0, n["id"])
            node.setCursor(Qt.CursorShape.PointingHandCursor)
            node.setToolTip(self._node_tip(n, bridge))
            node.setAcceptHoverEvents(True)
            self.scene.addItem(node)
            if bridge:
                ring = QGraphicsEllipseItem(QRectF(-r - 4, -r - 4, 2 * r + 8, 2 * r + 8), node)
                ring.setPen(QPen(text, 1.6))
                ring.setBrush(Qt.BrushStyle.NoBrush)
                ring.setData(0, n["id"])
                ring.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
            label = QGraphicsSimpleTextItem(n["name"], node)
            label_font = QFont(font)
            label_font.setBold(bridge)
            label.setFont(label_font)
            label.setBrush(QBrush(text))
            label.setData(0, n["id"])
            box = label.boundingRect()
            label.setPos(-box.width() / 2, r + (5 if bridge else 2))
            self.node_items[n["id"]] = node
        margin = 30
        self.scene.setSceneRect(
            self.scene.itemsBoundingRect().adjusted(-margin, -margin, margin, margin)
        )
        self.graph.fit()

    def _node_tip(self, n: Mapping[str, Any], bridge: bool) -> str:
        lines = [n["name"], n.get("site") or translate("NetworkView", "no site")]
        communities = ", ".join(c["name"] for c in n.get("communities", []))
        if communities:
            lines.append(communities)
        lines.append(translate("NetworkView", "%1 work ties").replace("%1", str(n["degree"])))
        if bridge:
            lines.append(translate("NetworkView", "a bridge"))
        return "\n".join(lines)

    def _show_affinity(self, shown: bool) -> None:
        for line in self.affinity_items:
            line.setVisible(shown)

    # -- lists ------------------------------------------------------------------------

    def _add(self, widget: QListWidget, text: str, person: str | None, tip: str = "") -> None:
        entry = QListWidgetItem(text)
        entry.setData(ID_ROLE, person)
        if tip:
            entry.setToolTip(tip)
        widget.addItem(entry)

    def _empty(self, widget: QListWidget, text: str) -> None:
        entry = QListWidgetItem(text)
        entry.setData(ID_ROLE, "")  # not a finding: not counted, not clickable
        entry.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(entry)

    def _fill_lists(self, net: dict[str, Any]) -> None:
        for widget in (self.bridges, self.isolated, self.suggestions, self.candidates):
            widget.clear()
        none_site = translate("NetworkView", "no site")
        for b in net["bridges"]:
            why = "\n".join(f"  · {w}" for w in explanation(b))
            self._add(self.bridges, f"{b['name']} ({b['site'] or none_site})\n{why}", b["person"])
        for i in net["isolated_people"]:
            self._add(
                self.isolated,
                f"{i['name']} ({i['site'] or none_site})\n  · {explanation(i)}",
                i["person"],
            )
        for s in net["isolated_sites"]:
            self._add(
                self.isolated,
                translate("NetworkView", "Site %1").replace("%1", s["site"])
                + f"\n  · {explanation(s)}",
                None,
            )
        for s in net["suggestions"]:
            head = (
                translate("NetworkView", "%1 and %2, on %3")
                .replace("%1", s["a_name"])
                .replace("%2", s["b_name"])
            )
            self._add(
                self.suggestions,
                f"{head.replace('%3', s['topic'])}\n  · {explanation(s)}",
                s["a"],
                translate("NetworkView", "Click to open %1").replace("%1", s["a_name"]),
            )
        for c in net["candidate_communities"]:
            self._add(
                self.candidates,
                f"{', '.join(c['theme'])}: {', '.join(c['names'])}\n  · {explanation(c)}",
                c["people"][0] if c["people"] else None,
            )
        empties = (
            (
                self.bridges,
                translate("NetworkView", "No bridge: nobody links sites, communities or groups."),
            ),
            (self.isolated, translate("NetworkView", "Nobody is isolated.")),
            (
                self.suggestions,
                translate("NetworkView", "No suggestion: no pair across sites shares a topic."),
            ),
            (
                self.candidates,
                translate("NetworkView", "No candidate: existing communities cover every group."),
            ),
        )
        for widget, text in empties:
            if not widget.count():
                self._empty(widget, text)
        self._name_tabs()

    def _list_clicked(self, entry: QListWidgetItem) -> None:
        person = entry.data(ID_ROLE)
        if person:
            self.itemRequested.emit(person)
