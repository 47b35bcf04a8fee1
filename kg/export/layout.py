"""Node positions computed in Python, so a browser can draw a large graph at once instead of simulating it.

A force-directed layout in the style of ForceAtlas2 (degree-weighted repulsion, so hubs push apart and keep
their leaves around them) run on each connected component; the components are then packed in rows, largest
first, and the whole stretched until nodes have room. Repulsion between all pairs is exact for small
components and, for large ones, computed on a grid with an FFT convolution (cloud-in-cell), which keeps an
iteration linear in the number of nodes: 5,000 nodes are laid out in a second or two with numpy alone
(networkx's ``spring_layout`` needs scipy above 500 nodes and is quadratic per iteration).

The result is deterministic for a given seed and input order.

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

__all__ = ["layout"]

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
    pairs = {
        (min(index[a], index[b]), max(index[a], index[b])) for a, b in edges if a != b and a in index and b in index
    }
    n = len(nodes)
    if n == 0:
        return {}
    rng = np.random.default_rng(seed)
    pos = np.zeros((n, 2))
    boxes: list[tuple[IntArray, FloatArray]] = []
    for members in _components(n, sorted(pairs)):
        local = {node: i for i, node in enumerate(members)}
        sub = np.array([(local[a], local[b]) for a, b in pairs if a in local and b in local], dtype=np.intp).reshape(
            -1, 2
        )
        coords = _force_directed(len(members), sub, rng, iterations)
        boxes.append((np.array(members, dtype=np.intp), coords))
    for ids, coords in _pack(boxes):
        pos[ids] = coords
    pos *= scale * _spread(pos, rng)
    return {node: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for node, i in index.items()}


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


def _force_directed(n: int, edges: IntArray, rng: np.random.Generator, iterations: int | None) -> FloatArray:
    """ForceAtlas2-style forces; positions centred on the origin, median edge length 1.

    Repulsion grows with both nodes' degrees (hubs push each other apart and make room for their leaves),
    attraction is linear in distance, and a constant gravity holds the component together.
    """
    import numpy as np

    if n == 1:
        return np.zeros((1, 2))
    if n == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    src, dst = edges[:, 0], edges[:, 1]
    mass: FloatArray = (1 + np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)).astype(np.float64)
    side = math.sqrt(n) * 3
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    steps = iterations or (300 if n <= EXACT_LIMIT else 250)
    repulse = _exact_repulsion if n <= EXACT_LIMIT else _GridRepulsion(min(GRID_MAX, _pow2(4 * math.sqrt(n)))).forces
    for step in range(steps):
        disp = REPULSION * mass[:, None] * repulse(pos, mass)
        delta = pos[src] - pos[dst]
        for axis in (0, 1):
            disp[:, axis] -= np.bincount(src, delta[:, axis], minlength=n)
            disp[:, axis] += np.bincount(dst, delta[:, axis], minlength=n)
        towards = pos.mean(axis=0) - pos
        distance = np.sqrt((towards**2).sum(axis=1))[:, None]
        disp += GRAVITY * mass[:, None] * towards / np.maximum(distance, 1e-9)
        extent = float((pos.max(axis=0) - pos.min(axis=0)).max())
        limit = extent * (0.1 * (1 - step / steps) ** 2 + 0.001)
        length = np.sqrt((disp**2).sum(axis=1))[:, None]
        pos += disp / np.maximum(length, 1e-9) * np.minimum(length, limit)
    if len(edges):
        typical = float(np.median(np.sqrt(((pos[src] - pos[dst]) ** 2).sum(axis=1))))
        pos /= max(typical, 1e-9)
    centred: FloatArray = pos - (pos.min(axis=0) + pos.max(axis=0)) / 2
    return centred


def _exact_repulsion(pos: FloatArray, mass: FloatArray) -> FloatArray:
    import numpy as np

    delta = pos[:, None, :] - pos[None, :, :]
    dist2 = (delta**2).sum(axis=2)
    np.fill_diagonal(dist2, np.inf)
    dist2 = np.maximum(dist2, 1e-4)
    result: FloatArray = (delta * (mass[None, :] / dist2)[:, :, None]).sum(axis=1)
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
