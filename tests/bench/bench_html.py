"""How soon a large HTML view is interactive in headless Chromium: kg's view beside pyvis's defaults.

    .venv/bin/python tests/bench/bench_html.py                    # 1,000 and 5,000 nodes
    .venv/bin/python tests/bench/bench_html.py --nodes 2000 --cap 300

For each size, a news-like synthetic graph (tests/html/synthetic_graphs.py: a few hubs, a long tail, about
two facts per entity) is written twice:

1. kg's view (``kg.export.html.write_html``): laid out in Python, physics off above 300 nodes;
2. pyvis with its default settings (``Network(directed=True)``: physics on, barnesHut, 1,000 stabilisation
   iterations, vis-network's improved layout), each node with its label and each edge with its relation,
   except that vis-network is inlined (``cdn_resources="in_line"``) and the Bootstrap CDN tags its template
   adds anyway are removed, so that it loads offline like ours.

Each page is opened from file:// in Debian's Chromium with every remote request aborted. "Interactive" is
the first frame vis-network draws (it draws nothing while it stabilises), in seconds since navigation
started, read inside the page; a run that is not interactive within ``--cap`` seconds is reported as ">cap".
"Redraw" is the mean time of five redraws afterwards, what panning and zooming cost per frame.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE.parents[1] / "html"))

from browser_support import BrowserMissing, chromium, open_offline  # noqa: E402
from synthetic_graphs import news_like  # noqa: E402

from kg.export.html import relation_name, write_html  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402

FIRST_DRAW_HOOK = """
<script>
  network.once("afterDrawing", function () { window.__benchFirstDraw = performance.now(); });
</script>
</body>"""
REDRAW = """() => {
  const net = window.kgView ? kgView.network : window.network;
  const start = performance.now();
  for (let i = 0; i < 5; i++) net.redraw();
  return (performance.now() - start) / 5;
}"""


def pyvis_defaults(graph: KnowledgeGraph, path: Path) -> None:
    """The page pyvis writes with its defaults, made to load offline."""
    from pyvis.network import Network

    net = Network(directed=True, cdn_resources="in_line")
    for e in graph.entities:
        net.add_node(e.id, label=e.label, title=e.type)
    for t in graph.triples:
        net.add_edge(t.subject.id, t.object.id, label=relation_name(t), title=relation_name(t))
    page = net.generate_html()
    # pyvis's template links Bootstrap from a CDN even in in_line mode; the graph does not need it.
    page = re.sub(r"<link[^>]*bootstrap[^>]*>", "", page, flags=re.S)
    page = re.sub(r"<script[^>]*bootstrap[^>]*>\s*</script>", "", page, flags=re.S)
    if re.search(r"(?:src|href)\s*=\s*[\"']https?://", page):
        raise SystemExit("the pyvis page still loads something remote")
    # drawGraph() returns before stabilisation (vis-network runs it in timed batches), so this sees the first draw.
    page = page.replace("</body>", FIRST_DRAW_HOOK, 1)
    path.write_text(page, encoding="utf-8")


def measure(context: Any, path: Path, ready: str, cap: float) -> tuple[float | None, float | None, list[str]]:
    """(seconds to interactive or None past the cap, redraw ms, problems)."""
    from playwright.sync_api import TimeoutError as Timeout

    opened = open_offline(context, path)
    try:
        opened.page.wait_for_function(f"({ready}) !== undefined && ({ready}) !== null", timeout=cap * 1000)
    except Timeout:
        opened.page.close()
        return None, None, opened.requests + opened.errors
    seconds = opened.js(ready) / 1000
    redraw = opened.js(REDRAW)
    problems = opened.requests + opened.errors
    opened.page.close()
    return seconds, redraw, problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, nargs="+", default=[1000, 5000], help="graph sizes (default 1000 5000)")
    parser.add_argument("--cap", type=float, default=180.0, help="give up on a page after this many seconds (180)")
    args = parser.parse_args()

    rows: list[tuple[int, int, str, float, float, float | None, float | None]] = []
    print(_header())
    with tempfile.TemporaryDirectory(prefix="kg-bench-html-") as tmp:
        try:
            with chromium() as context:
                for n in args.nodes:
                    graph = news_like(n)
                    for name, ready, write in (
                        ("kg view", "window.kgView && kgView.readyAt", lambda g, p: write_html(g, p)),
                        ("pyvis defaults", "window.__benchFirstDraw", pyvis_defaults),
                    ):
                        path = Path(tmp) / f"{name.split()[0]}-{n}.html"
                        start = time.perf_counter()
                        write(graph, path)
                        python = time.perf_counter() - start
                        seconds, redraw, problems = measure(context, path, ready, args.cap)
                        if problems:
                            print(f"  {name}, {n} nodes: {problems[:3]}", file=sys.stderr)
                        rows.append((n, len(graph.triples), name, python, path.stat().st_size / 1e6, seconds, redraw))
                        print(_row(rows[-1], args.cap), flush=True)
        except BrowserMissing as error:
            print(f"bench_html: {error}", file=sys.stderr)
            return 1
    print()
    for n in args.nodes:
        ours = next(r for r in rows if r[0] == n and r[2] == "kg view")
        theirs = next(r for r in rows if r[0] == n and r[2] == "pyvis defaults")
        if ours[5] is None:
            print(f"{n:>6} nodes: kg view not interactive within {args.cap:.0f} s")
        elif theirs[5] is None:
            print(f"{n:>6} nodes: kg view interactive > {args.cap / ours[5]:.0f}x sooner than pyvis defaults")
        else:
            print(f"{n:>6} nodes: kg view interactive {theirs[5] / ours[5]:.0f}x sooner than pyvis defaults")
    return 0


def _header() -> str:
    columns = ("nodes", 6), ("facts", 6), ("page", -16), ("python s", 9), ("size MB", 8), ("interactive s", 14)
    return " ".join(f"{name:<{-width}}" if width < 0 else f"{name:>{width}}" for name, width in columns) + "  redraw ms"


def _row(row: tuple[int, int, str, float, float, float | None, float | None], cap: float) -> str:
    n, facts, name, python, size, seconds, redraw = row
    ready = f">{cap:.0f}" if seconds is None else f"{seconds:.2f}"
    frame = "-" if redraw is None else f"{redraw:.0f}"
    return f"{n:>6} {facts:>6} {name:<16} {python:>9.2f} {size:>8.1f} {ready:>14} {frame:>10}"


if __name__ == "__main__":
    raise SystemExit(main())
