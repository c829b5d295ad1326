"""A small weighted undirected graph and the measures the latent-network view needs.

Pure Python on purpose: the people graph of a workspace has at most a few thousand
nodes, and every measure here is deterministic (nodes are visited in sorted order,
ties broken by the smallest node), so the same workspace always gives the same
bridges and clusters on every site and in every test run.

- :func:`components`, :func:`isolated`: who is connected to whom at all.
- :func:`betweenness`: Brandes (2001). Hop counts by default (a tie exists or not);
  ``weighted=True`` reads ``1 / weight`` as a distance so strong ties are short.
  ``max_sources`` keeps it affordable on dense graphs: shortest paths from evenly
  spaced pivots only, scaled up (Brandes & Pich 2007), still deterministic.
- :func:`articulation_points`: people whose departure splits a group (Hopcroft–Tarjan,
  iterative so a long chain cannot overflow the stack).
- :func:`clusters`: Louvain (Blondel et al. 2008) modularity optimisation with local
  moves in sorted order and aggregation. Chosen over label propagation because label
  propagation with a fixed order easily floods one label across a single bridge,
  which is exactly the structure this view must keep apart.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable, Iterator

_EPS = 1e-9


class Graph:
    """Undirected graph with weighted edges; adding an edge twice adds the weights."""

    def __init__(self, nodes: Iterable[str] = ()) -> None:
        self._adj: dict[str, dict[str, float]] = {}
        for n in nodes:
            self.add_node(n)

    def add_node(self, node: str) -> None:
        self._adj.setdefault(node, {})

    def add_edge(self, a: str, b: str, weight: float = 1.0) -> None:
        """Add ``weight`` to the edge a–b (both nodes are created); self-loops are ignored."""
        self.add_node(a)
        self.add_node(b)
        if a == b:
            return
        self._adj[a][b] = self._adj[a].get(b, 0.0) + weight
        self._adj[b][a] = self._adj[b].get(a, 0.0) + weight

    def __contains__(self, node: object) -> bool:
        return node in self._adj

    def __len__(self) -> int:
        return len(self._adj)

    def nodes(self) -> list[str]:
        return sorted(self._adj)

    def neighbours(self, node: str) -> dict[str, float]:
        """Neighbour -> edge weight (do not modify)."""
        return self._adj[node]

    def has_edge(self, a: str, b: str) -> bool:
        return b in self._adj.get(a, {})

    def weight(self, a: str, b: str) -> float:
        return self._adj.get(a, {}).get(b, 0.0)

    def degree(self, node: str) -> int:
        return len(self._adj[node])

    def edges(self) -> Iterator[tuple[str, str, float]]:
        """Each edge once, as (a, b, weight) with a < b, in sorted order."""
        for a in self.nodes():
            for b in sorted(self._adj[a]):
                if a < b:
                    yield a, b, self._adj[a][b]

    def edge_count(self) -> int:
        return sum(len(n) for n in self._adj.values()) // 2

    def subgraph(self, nodes: Iterable[str]) -> Graph:
        keep = {n for n in nodes if n in self._adj}
        sub = Graph(keep)
        for a in keep:
            sub._adj[a] = {b: w for b, w in self._adj[a].items() if b in keep}
        return sub


def components(g: Graph) -> list[list[str]]:
    """Connected components, largest first (then by first node); each one sorted."""
    seen: set[str] = set()
    out = []
    for start in g.nodes():
        if start in seen:
            continue
        seen.add(start)
        comp, queue = [start], deque([start])
        while queue:
            for nb in g.neighbours(queue.popleft()):
                if nb not in seen:
                    seen.add(nb)
                    comp.append(nb)
                    queue.append(nb)
        out.append(sorted(comp))
    return sorted(out, key=lambda c: (-len(c), c[0]))


def isolated(g: Graph) -> list[str]:
    """Nodes without any edge."""
    return [n for n in g.nodes() if not g.neighbours(n)]


def betweenness(
    g: Graph,
    *,
    weighted: bool = False,
    normalized: bool = True,
    max_sources: int | None = None,
) -> dict[str, float]:
    """Share of shortest paths between other pairs that pass through each node.

    Normalised to [0, 1] by the number of pairs ``(n-1)(n-2)/2`` unless
    ``normalized=False`` (then the raw pair count, as networkx gives it).
    """
    nodes = g.nodes()
    score = dict.fromkeys(nodes, 0.0)
    n = len(nodes)
    if n < 3:
        return score
    sources = nodes
    if max_sources is not None and 0 < max_sources < n:
        step = n / max_sources
        sources = [nodes[int(i * step)] for i in range(max_sources)]
    for s in sources:
        order, preds, sigma = _paths_weighted(g, s) if weighted else _paths_hops(g, s)
        delta = dict.fromkeys(order, 0.0)
        for w in reversed(order):
            coeff = (1.0 + delta[w]) / sigma[w]
            for v in preds[w]:
                delta[v] += sigma[v] * coeff
            if w != s:
                score[w] += delta[w]
    scale = 0.5 * n / len(sources)  # each pair was counted from both ends
    if normalized:
        scale /= (n - 1) * (n - 2) / 2
    return {k: v * scale for k, v in score.items()}


def _paths_hops(g: Graph, s: str) -> tuple[list[str], dict[str, list[str]], dict[str, float]]:
    order: list[str] = []
    preds: dict[str, list[str]] = {s: []}
    sigma = {s: 1.0}
    dist = {s: 0}
    queue = deque([s])
    while queue:
        v = queue.popleft()
        order.append(v)
        dv = dist[v] + 1
        for w in g.neighbours(v):
            if w not in dist:
                dist[w] = dv
                sigma[w] = 0.0
                preds[w] = []
                queue.append(w)
            if dist[w] == dv:
                sigma[w] += sigma[v]
                preds[w].append(v)
    return order, preds, sigma


def _paths_weighted(g: Graph, s: str) -> tuple[list[str], dict[str, list[str]], dict[str, float]]:
    """Dijkstra with distance 1/weight; equal distances within a relative 1e-9 count as ties."""
    order: list[str] = []
    preds: dict[str, list[str]] = {s: []}
    sigma = {s: 1.0}
    seen = {s: 0.0}
    done: set[str] = set()
    heap = [(0.0, s)]
    while heap:
        d, v = heapq.heappop(heap)
        if v in done:
            continue
        done.add(v)
        order.append(v)
        for w, weight in g.neighbours(v).items():
            nd = d + 1.0 / weight
            old = seen.get(w)
            if w in done:
                continue
            if old is None or nd < old - _EPS * max(1.0, old):
                seen[w] = nd
                sigma[w] = sigma[v]
                preds[w] = [v]
                heapq.heappush(heap, (nd, w))
            elif abs(nd - old) <= _EPS * max(1.0, old):
                sigma[w] += sigma[v]
                preds[w].append(v)
    return order, preds, sigma


def articulation_points(g: Graph) -> set[str]:
    """Nodes whose removal disconnects their component."""
    disc: dict[str, int] = {}
    low: dict[str, int] = {}
    points: set[str] = set()
    counter = 0
    for root in g.nodes():
        if root in disc:
            continue
        disc[root] = low[root] = counter
        counter += 1
        root_children = 0
        stack = [(root, None, iter(sorted(g.neighbours(root))))]
        while stack:
            v, parent, it = stack[-1]
            advanced = False
            for w in it:
                if w == parent:
                    continue
                if w in disc:
                    low[v] = min(low[v], disc[w])
                    continue
                disc[w] = low[w] = counter
                counter += 1
                if v == root:
                    root_children += 1
                stack.append((w, v, iter(sorted(g.neighbours(w)))))
                advanced = True
                break
            if advanced:
                continue
            stack.pop()
            if parent is not None:
                low[parent] = min(low[parent], low[v])
                if parent != root and low[v] >= disc[parent]:
                    points.add(parent)
        if root_children > 1:
            points.add(root)
    return points


def modularity(g: Graph, groups: Iterable[Iterable[str]], resolution: float = 1.0) -> float:
    """Newman's modularity of a partition (for tests and for comparing partitions)."""
    total = sum(w for _, _, w in g.edges())
    if total == 0:
        return 0.0
    m2 = 2.0 * total
    q = 0.0
    for group in groups:
        members = set(group)
        inside = sum(w for a in members for b, w in g.neighbours(a).items() if b in members)
        degree = sum(sum(g.neighbours(a).values()) for a in members)
        q += inside / m2 - resolution * (degree / m2) ** 2
    return q


def clusters(g: Graph, *, resolution: float = 1.0) -> list[list[str]]:
    """Groups of densely tied nodes (Louvain); largest first, each sorted.

    Isolated nodes come out as groups of one.
    """
    nodes = g.nodes()
    index = {n: i for i, n in enumerate(nodes)}
    # Level graph: node -> {node: weight}, self-loops hold weight inside merged groups.
    adj: list[dict[int, float]] = [{index[b]: w for b, w in g.neighbours(n).items()} for n in nodes]
    member_of = list(range(len(nodes)))  # original node -> level node
    while True:
        group, moved = _local_moves(adj, resolution)
        if not moved:
            break
        labels = sorted(set(group))
        renumber = {c: i for i, c in enumerate(labels)}
        member_of = [renumber[group[v]] for v in member_of]
        new_adj: list[dict[int, float]] = [{} for _ in labels]
        for v, nbrs in enumerate(adj):
            cv = renumber[group[v]]
            for w, weight in nbrs.items():
                cw = renumber[group[w]]
                new_adj[cv][cw] = new_adj[cv].get(cw, 0.0) + weight
        if len(new_adj) == len(adj):
            break
        adj = new_adj
    out: dict[int, list[str]] = {}
    for n, c in zip(nodes, member_of, strict=True):
        out.setdefault(c, []).append(n)
    return sorted((sorted(c) for c in out.values()), key=lambda c: (-len(c), c[0]))


def _local_moves(adj: list[dict[int, float]], resolution: float) -> tuple[list[int], bool]:
    """One Louvain level: move each node to the neighbouring group that raises modularity most."""
    n = len(adj)
    strength = [sum(nbrs.values()) for nbrs in adj]  # a self-loop counts twice in 2m
    m2 = sum(strength)
    group = list(range(n))
    if m2 == 0:
        return group, False
    total = strength[:]  # sum of strengths per group
    moved_any = False
    improved, passes = True, 0
    while improved and passes < 100:  # each move raises modularity: this always ends
        improved, passes = False, passes + 1
        for v in range(n):
            current = group[v]
            links: dict[int, float] = {}
            for w, weight in adj[v].items():
                if w != v:
                    links[group[w]] = links.get(group[w], 0.0) + weight
            total[current] -= strength[v]
            k = strength[v]

            def gain(c: int, links: dict[int, float] = links, k: float = k) -> float:
                return links.get(c, 0.0) - resolution * total[c] * k / m2

            best, best_gain = current, gain(current)
            for c in sorted(links):
                g_c = gain(c)
                if g_c > best_gain + _EPS:
                    best, best_gain = c, g_c
            total[best] += strength[v]
            if best != current:
                group[v] = best
                improved = moved_any = True
    return group, moved_any


__all__ = [
    "Graph",
    "articulation_points",
    "betweenness",
    "clusters",
    "components",
    "isolated",
    "modularity",
]
