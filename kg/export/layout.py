"""Node positions computed in Python, so a browser can draw a large graph at once instead of simulating it.

A force-directed layout in the style of ForceAtlas2 (degree-weighted repulsion, so hubs push apart and keep
their leaves around them) run on each connected component; the components are then packed in rows, largest
first, and the whole stretched until nodes have room. Repulsion between all pairs is exact for small
components and, for large ones, computed on a grid with an FFT convolution (cloud-in-cell), which keeps an
iteration linear in the number of nodes: 5,000 nodes are laid out in a second or two with numpy alone
(networkx's ``spring_layout`` needs scipy above 500 nodes and is quadratic per iteration).

The result is deterministic for a given seed and input order. :func:`communities` groups the nodes with
networkx's Louvain method, :func:`components` lists the connected components, and :func:`grid_below` puts
nodes that have no edge in rows under a layout (where the view keeps entities without facts).

>>> pos = layout(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> sorted(pos), all(isinstance(v, float) for xy in pos.values() for v in xy)
(['a', 'b', 'c'], True)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float64]
    IntArray = npt.NDArray[np.intp]

__all__ = ["communities", "components", "grid_below", "layout"]

# Above this many nodes a component's repulsion is computed on a grid rather than pair by pair.
EXACT_LIMIT = 100
GRID_MAX = 256
REPULSION = 2.0
ROOM = 0.35
GRAVITY = 1.0


def layout(
    nodes: Sequence[str],
    edges: Iterable[tuple[str, str]],
    *,
    seed: int = 7,
    scale: float = 100.0,
    iterations: int | None = None,
) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` (ids) joined by ``edges`` (id pairs, any direction, repeats allowed).

    ``scale`` is the natural edge length in output units (vis-network pixels at zoom 1).
    """
    import numpy as np

    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted(
        {(min(index[a], index[b]), max(index[a], index[b])) for a, b in edges if a != b and a in index and b in index}
    )
    n = len(nodes)
    if n == 0:
        return {}
    rng = np.random.default_rng(seed)
    groups = _components(n, pairs)
    coords = _lay_out_components(groups, pairs, rng, iterations)
    pos = np.zeros((n, 2))
    for ids, placed in _pack([(np.array(g, dtype=np.intp), c) for g, c in zip(groups, coords, strict=True)]):
        pos[ids] = placed
    pos *= scale * _spread(pos, rng)
    return {node: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for node, i in index.items()}


def _lay_out_components(
    groups: list[list[int]], pairs: Sequence[tuple[int, int]], rng: np.random.Generator, iterations: int | None
) -> list[FloatArray]:
    """Each component's own layout (centred, median edge length 1), in the order of ``groups``.

    A corpus has hundreds of small components: those of one size are simulated together, as one batch of
    arrays, so they cost a few hundred numpy steps per size rather than per component.
    """
    import numpy as np

    where = {node: (g, i) for g, members in enumerate(groups) for i, node in enumerate(members)}
    local_edges: list[list[tuple[int, int]]] = [[] for _ in groups]
    for a, b in pairs:
        g, i = where[a]
        local_edges[g].append((i, where[b][1]))
    coords: list[FloatArray] = [np.zeros((1, 2)) for _ in groups]
    by_size: dict[int, list[int]] = {}
    for g, members in enumerate(groups):
        if len(members) == 2:
            coords[g] = np.array([[-0.5, 0.0], [0.5, 0.0]])
        elif len(members) > EXACT_LIMIT:
            coords[g] = _force_directed([local_edges[g]], len(members), rng, iterations)[0]
        elif len(members) > 2:
            by_size.setdefault(len(members), []).append(g)
    for size, batch in sorted(by_size.items()):
        laid_out = _force_directed([local_edges[g] for g in batch], size, rng, iterations)
        for g, c in zip(batch, laid_out, strict=True):
            coords[g] = c
    return coords


def _spread(pos: FloatArray, rng: np.random.Generator) -> float:
    """How much to stretch a layout so most nodes keep some room around them.

    Densely connected graphs pack nodes far closer than one edge length; stretching until the median
    distance to the nearest node is ``ROOM`` edge lengths keeps node shapes apart when zoomed in.
    """
    import numpy as np

    if len(pos) < 3:
        return 1.0
    sample = pos[rng.choice(len(pos), size=min(len(pos), 800), replace=False)]
    nearest = np.full(len(sample), np.inf)
    for chunk in range(0, len(pos), 2000):
        block = pos[chunk : chunk + 2000]
        dist = np.sqrt(((sample[:, None, :] - block[None, :, :]) ** 2).sum(axis=2))
        dist[dist == 0] = np.inf
        nearest = np.minimum(nearest, dist.min(axis=1))
    typical = float(np.median(nearest[np.isfinite(nearest)])) if np.isfinite(nearest).any() else ROOM
    return max(1.0, ROOM / max(typical, 1e-6))


def _components(n: int, pairs: Sequence[tuple[int, int]]) -> list[list[int]]:
    """Connected components, largest first (ties by smallest member, for determinism)."""
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: (-len(g), g[0]))


def _force_directed(
    edge_lists: Sequence[Sequence[tuple[int, int]]], n: int, rng: np.random.Generator, iterations: int | None
) -> FloatArray:
    """ForceAtlas2-style forces on k components of ``n`` nodes each, at once: positions of shape (k, n, 2),
    each component centred on the origin with median edge length 1.

    Repulsion grows with both nodes' degrees (hubs push each other apart and make room for their leaves),
    attraction is linear in distance, and a constant gravity holds each component together. Repulsion is
    exact (all pairs) up to ``EXACT_LIMIT`` nodes, else computed on a grid (then k is 1).
    """
    import numpy as np

    k = len(edge_lists)
    src = np.array([c * n + a for c, edges in enumerate(edge_lists) for a, _ in edges], dtype=np.intp)
    dst = np.array([c * n + b for c, edges in enumerate(edge_lists) for _, b in edges], dtype=np.intp)
    mass: FloatArray = (1 + np.bincount(src, minlength=k * n) + np.bincount(dst, minlength=k * n)).astype(np.float64)
    mass = mass.reshape(k, n)
    side = math.sqrt(n) * 3
    pos = rng.uniform(-side / 2, side / 2, size=(k, n, 2))
    steps = iterations or (300 if n <= EXACT_LIMIT else 250)
    grid = _GridRepulsion(min(GRID_MAX, _pow2(4 * math.sqrt(n)))) if n > EXACT_LIMIT else None
    for step in range(steps):
        repulsion = _exact_repulsion(pos, mass) if grid is None else grid.forces(pos[0], mass[0])[None]
        disp = REPULSION * mass[:, :, None] * repulsion
        flat, moves = pos.reshape(-1, 2), disp.reshape(-1, 2)
        delta = flat[src] - flat[dst]
        for axis in (0, 1):
            moves[:, axis] -= np.bincount(src, delta[:, axis], minlength=k * n)
            moves[:, axis] += np.bincount(dst, delta[:, axis], minlength=k * n)
        towards = pos.mean(axis=1, keepdims=True) - pos
        distance = np.sqrt((towards**2).sum(axis=2))[:, :, None]
        disp += GRAVITY * mass[:, :, None] * towards / np.maximum(distance, 1e-9)
        extent = (pos.max(axis=1) - pos.min(axis=1)).max(axis=1)
        limit = (extent * (0.1 * (1 - step / steps) ** 2 + 0.001))[:, None, None]
        length = np.sqrt((disp**2).sum(axis=2))[:, :, None]
        pos += disp / np.maximum(length, 1e-9) * np.minimum(length, limit)
    for c, edges in enumerate(edge_lists):
        if edges:
            ends = np.array(edges, dtype=np.intp)
            typical = float(np.median(np.sqrt(((pos[c, ends[:, 0]] - pos[c, ends[:, 1]]) ** 2).sum(axis=1))))
            pos[c] /= max(typical, 1e-9)
        pos[c] -= (pos[c].min(axis=0) + pos[c].max(axis=0)) / 2
    return pos


def _exact_repulsion(pos: FloatArray, mass: FloatArray) -> FloatArray:
    """Sum of ``m_j (x - x_j) / |x - x_j|^2`` over the other nodes of the same component; pos is (k, n, 2)."""
    import numpy as np

    delta = pos[:, :, None, :] - pos[:, None, :, :]
    dist2 = (delta**2).sum(axis=3)
    diagonal = np.arange(pos.shape[1])
    dist2[:, diagonal, diagonal] = np.inf
    dist2 = np.maximum(dist2, 1e-4)
    result: FloatArray = (delta * (mass[:, None, :] / dist2)[:, :, :, None]).sum(axis=2)
    return result


def _pow2(x: float) -> int:
    return 1 << max(5, math.ceil(math.log2(max(x, 1.0))))


class _GridRepulsion:
    """Sum of ``(x - x_j) / |x - x_j|^2`` over all nodes j, on a ``size`` x ``size`` grid via FFT."""

    def __init__(self, size: int) -> None:
        import numpy as np

        self.size = size
        full = 2 * size
        offsets = np.fft.fftfreq(full, 1.0 / full)  # 0, 1, ..., size-1, -size, ..., -1
        dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
        r2 = dx**2 + dy**2
        r2[0, 0] = 1.0
        kx, ky = dx / r2, dy / r2
        kx[0, 0] = ky[0, 0] = 0.0
        self.kx = np.fft.rfft2(kx)
        self.ky = np.fft.rfft2(ky)

    def forces(self, pos: FloatArray, mass: FloatArray) -> FloatArray:
        import numpy as np

        size = self.size
        lo = pos.min(axis=0)
        extent = float((pos.max(axis=0) - lo).max()) or 1.0
        cell = extent / (size - 1.001)
        grid = (pos - lo) / cell
        base = np.clip(np.floor(grid).astype(np.intp), 0, size - 2)
        frac = grid - base
        corners = []
        for ox, oy in ((0, 0), (1, 0), (0, 1), (1, 1)):
            weight = (frac[:, 0] if ox else 1 - frac[:, 0]) * (frac[:, 1] if oy else 1 - frac[:, 1])
            corners.append(((base[:, 0] + ox) * (2 * size) + base[:, 1] + oy, weight))
        density = np.zeros(4 * size * size)
        for flat, weight in corners:
            density += np.bincount(flat, weight * mass, minlength=4 * size * size)
        spectrum = np.fft.rfft2(density.reshape(2 * size, 2 * size))
        field_x = np.fft.irfft2(spectrum * self.kx, s=(2 * size, 2 * size)).ravel()
        field_y = np.fft.irfft2(spectrum * self.ky, s=(2 * size, 2 * size)).ravel()
        out = np.zeros_like(pos)
        for flat, weight in corners:
            out[:, 0] += field_x[flat] * weight
            out[:, 1] += field_y[flat] * weight
        result: FloatArray = out / cell
        return result


def _pack(boxes: list[tuple[IntArray, FloatArray]]) -> list[tuple[IntArray, FloatArray]]:
    """Place components in rows, largest first, with a margin between them."""
    import numpy as np

    margin = 1.5
    sizes = [(c.max(axis=0) - c.min(axis=0)) + margin if len(c) else np.zeros(2) for _, c in boxes]
    total = sum(float(w * h) for w, h in sizes)
    width = max(max(float(w) for w, _ in sizes), math.sqrt(total) * 1.2)
    placed: list[tuple[IntArray, FloatArray]] = []
    x = y = row_height = 0.0
    for (members, coords), (w, h) in zip(boxes, sizes, strict=True):
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        corner = coords.min(axis=0)
        placed.append((members, coords - corner + np.array([x, y])))
        x += float(w)
        row_height = max(row_height, float(h))
    return placed


# -- structure the page shows: components, communities, nodes without edges -------------------------------


def components(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components, largest first (ties by first node in input order), members in input order.

    >>> components(["a", "b", "c", "d"], [("a", "b"), ("c", "b")])
    [['a', 'b', 'c'], ['d']]
    """
    index = {node: i for i, node in enumerate(nodes)}
    pairs = sorted({(index[a], index[b]) for a, b in edges if a in index and b in index})
    return [[nodes[i] for i in group] for group in _components(len(nodes), pairs)]


def communities(nodes: Sequence[str], edges: Iterable[tuple[str, str]], *, seed: int = 7) -> list[list[str]]:
    """Louvain communities (networkx), largest first, members in input order; every node is in exactly one.

    Edges are counted: two nodes joined by several facts pull together harder. Nodes are handed to networkx
    as integers in input order, so the result does not depend on Python's string hashing (Louvain walks sets
    of nodes): the same input gives the same communities in every process.

    >>> communities(["a", "b", "c", "x", "y"], [("a", "b"), ("b", "c"), ("a", "c"), ("x", "y")])
    [['a', 'b', 'c'], ['x', 'y']]
    """
    import networkx as nx

    index = {node: i for i, node in enumerate(nodes)}
    graph = nx.Graph()
    graph.add_nodes_from(range(len(nodes)))
    for a, b in edges:
        if a in index and b in index and a != b:
            i, j = sorted((index[a], index[b]))
            weight = graph[i][j]["weight"] + 1 if graph.has_edge(i, j) else 1
            graph.add_edge(i, j, weight=weight)
    groups = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    ordered = sorted((sorted(group) for group in groups), key=lambda g: (-len(g), g[0]))
    return [[nodes[i] for i in group] for group in ordered]


def grid_below(
    nodes: Sequence[str], positions: dict[str, tuple[float, float]], *, spacing: float = 60.0
) -> dict[str, tuple[float, float]]:
    """Positions for ``nodes`` in rows under the ones in ``positions``, as wide as those (at least 20 a row).

    >>> grid_below(["p", "q", "r"], {"a": (0.0, 0.0), "b": (100.0, 0.0)}, spacing=50.0)
    {'p': (0.0, 100.0), 'q': (50.0, 100.0), 'r': (100.0, 100.0)}
    """
    if not nodes:
        return {}
    xs = [x for x, _ in positions.values()] or [0.0]
    ys = [y for _, y in positions.values()] or [-2 * spacing]
    left, width, top = min(xs), max(xs) - min(xs), max(ys) + 2 * spacing
    per_row = max(20, int(width // spacing) + 1)
    return {
        node: (round(left + (i % per_row) * spacing, 1), round(top + (i // per_row) * spacing, 1))
        for i, node in enumerate(nodes)
    }
