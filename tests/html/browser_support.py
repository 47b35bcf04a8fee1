"""Headless Chromium for the HTML view tests and benchmark, with the network cut off.

Chromium is Debian's (``apt-get install chromium``; ``.ci/setup --test`` installs it), driven by the Python
``playwright`` package without its own browser downloads. Screenshots land in ``.cache/screenshots/``
(ignored by git) for a person to look at.

(This folder has no ``__init__.py`` and no ``conftest.py`` on purpose: as a package it would be called
``html`` and shadow the standard library, and a second rootless ``conftest`` would replace ``tests/conftest.py``
in ``sys.modules`` for the modules that import it.)
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-quic",
    "--disable-sync",
]
REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / ".cache" / "screenshots"
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")


class BrowserMissing(Exception):
    """Chromium or playwright is not installed, or Chromium does not start."""


@contextmanager
def chromium(viewport: tuple[int, int] = (1400, 900)) -> Iterator[Any]:
    """A Chromium context with a fresh profile (playwright ``BrowserContext``)."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        raise BrowserMissing("the playwright package is not installed (pip install -e '.[test]')") from None
    if not CHROMIUM.exists():
        raise BrowserMissing(f"{CHROMIUM} not found (apt-get install chromium; .ci/setup --test installs it)")
    with TemporaryDirectory(prefix="kg-chromium-") as profile, sync_playwright() as p:
        try:
            context = p.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                args=CHROMIUM_ARGS,
                headless=True,
                viewport={"width": viewport[0], "height": viewport[1]},
                service_workers="block",
            )
        except Error as error:
            raise BrowserMissing(f"{CHROMIUM} did not start: {str(error).splitlines()[0]}") from None
        try:
            yield context
        finally:
            context.close()


@dataclass
class Page:
    """A page opened offline: the playwright page, every non-local request it tried, and its console errors."""

    page: Any
    requests: list[str] = field(default_factory=list)  # remote ones (aborted)
    loads: list[str] = field(default_factory=list)  # every URL the page asked for, local ones included
    errors: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        self.page.screenshot(path=str(path))
        return path


def open_offline(context: Any, path: Path) -> Page:
    """Open ``path`` from file:// with every request that is not local aborted and recorded."""
    page = context.new_page()
    opened = Page(page)

    def route(route: Any) -> None:
        if route.request.url.startswith(LOCAL_SCHEMES):
            route.continue_()
        else:
            opened.requests.append(route.request.url)
            route.abort()

    def request(r: Any) -> None:
        opened.loads.append(r.url)
        if not r.url.startswith(LOCAL_SCHEMES) and r.url not in opened.requests:
            opened.requests.append(r.url)

    page.route("**/*", route)
    page.on("request", request)
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: opened.errors.append(str(e)))
    page.goto(path.resolve().as_uri(), wait_until="load")
    return opened


def wait_ready(opened: Page, timeout: float) -> None:
    """Until the kg view says it is interactive (first draw, or end of its short physics run)."""
    # A function, not an expression string: polling a string needs eval, which the page's CSP forbids.
    opened.page.wait_for_function("() => window.kgView && window.kgView.ready === true", timeout=timeout * 1000)


# Labels a person can read where the page opened: drawn at >= min_px on screen (the node's font size times the
# network's scale, capped at vis-network's maxVisible), inside the canvas, and not overlapping a label already
# counted (larger first). Positions and sizes are vis-network's own: getScale(), canvasToDOM() of the box
# each label was last drawn in.
LEGIBLE_LABELS = """(minPx) => {
  const net = kgView.network, scale = net.getScale(), canvas = net.canvas.frame.canvas;
  const width = canvas.clientWidth, height = canvas.clientHeight;
  const labels = [];
  for (const id of net.body.nodeIndices) {
    const node = net.body.nodes[id];
    if (!node.options.label || node.labelModule.size.width === 0) continue;
    const px = Math.min(node.options.font.size * scale, node.options.scaling.label.maxVisible);
    const box = node.labelModule.size;
    const a = net.canvasToDOM({x: box.left, y: box.top});
    const b = net.canvasToDOM({x: box.left + box.width, y: box.top + box.height});
    labels.push({id, label: node.options.label, px, box: [a.x, a.y, b.x, b.y]});
  }
  const inside = (l) => l.box[0] >= 0 && l.box[1] >= 0 && l.box[2] <= width && l.box[3] <= height;
  const apart = (l, k) => l.box[2] <= k.box[0] || k.box[2] <= l.box[0] || l.box[3] <= k.box[1] || k.box[3] <= l.box[1];
  const kept = [];
  for (const l of labels.filter((l) => l.px >= minPx && inside(l)).sort((a, b) => b.px - a.px)) {
    if (kept.every((k) => apart(l, k))) kept.push(l);
  }
  return {scale, legible: kept.map((l) => ({id: l.id, label: l.label, px: Math.round(l.px * 10) / 10}))};
}"""

SHOWN = """() => ({
  entities: kgView.nodes.get({filter: (n) => !n.hidden}).map((n) => n.id),
  facts: kgView.edges.get({filter: (e) => !e.hidden}).length,
  drawn: kgView.network.body.nodeIndices.slice(),
})"""


def legible_labels(opened: Page, min_px: float = 10.0) -> list[dict[str, Any]]:
    """The labels a person can read at the current zoom (see ``LEGIBLE_LABELS``)."""
    opened.page.wait_for_timeout(50)  # one more frame, so every label box is the one on screen
    result: dict[str, Any] = opened.js(LEGIBLE_LABELS, min_px)
    legible: list[dict[str, Any]] = result["legible"]
    return legible


def shown(opened: Page) -> dict[str, Any]:
    """Entity ids not hidden, how many facts are not hidden, and the node ids vis-network draws."""
    result: dict[str, Any] = opened.js(SHOWN)
    return result
