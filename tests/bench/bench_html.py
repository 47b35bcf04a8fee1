"""How soon a corpus-sized HTML view is interactive in headless Chromium, and how fast `kg view` writes a selection.

    .venv/bin/python tests/bench/bench_html.py                       # 5,000 and 20,000 entities
    .venv/bin/python tests/bench/bench_html.py --baseline eac18c4    # beside the view of an earlier commit
    .venv/bin/python tests/bench/bench_html.py --entities 1000 5000 --pyvis --cap 300

For each size, a corpus-shaped synthetic graph (tests/html/synthetic_graphs.py ``corpus_like``: three large
components, hundreds of small ones, 45 % of the entities in no fact, dates, outlets) is written as a page by:

1. kg's view (``kg.export.html.write_html``), in this process;
2. with ``--baseline REV``: the view of an earlier commit, ``kg view`` of that commit's ``kg/`` (``git archive``)
   over the same graph's JSONL files, in a subprocess (so its Python time includes loading the files);
3. with ``--pyvis``: pyvis with its default settings (``Network(directed=True)``: physics on, barnesHut,
   1,000 stabilisation iterations, vis-network's improved layout), each node with its label and each edge
   with its relation, vis-network inlined and the Bootstrap CDN tags its template adds anyway removed.

Each page is opened from file:// in Debian's Chromium at 1280×800 with every remote request aborted.
"Interactive" is the moment the page says it is ready (kg: its first frame, drawn framed and labelled; pyvis:
its first frame, drawn after stabilisation), in seconds since navigation started, read inside the page, the
median of ``--repeat`` loads (the machine is shared: single loads vary by half); a page not interactive
within ``--cap`` seconds is reported as ">cap". "Redraw" is the mean of five redraws,
what panning and zooming cost per frame. "Legible" counts labels drawn at 10 px or more on screen, inside the
canvas and not overlapping (tests/html/browser_support.py ``LEGIBLE_LABELS``), at the first frame.

Then ``kg view DIR`` (this tree, a subprocess, interpreter start included) writes selections of the same
build from its stored files: the 500 most connected entities, one hub's neighbourhood, one month, and the
2,000 most reported entities.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
REPO = HERE.parents[2]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE.parents[1] / "html"))

from browser_support import LEGIBLE_LABELS, BrowserMissing, chromium, open_offline  # noqa: E402
from synthetic_graphs import corpus_like  # noqa: E402

from kg.export.html import relation_name, write_html  # noqa: E402
from kg.export.jsonl import write_outputs  # noqa: E402
from kg.graph import KnowledgeGraph  # noqa: E402

VIEWPORT = (1280, 800)
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
KG_READY = "window.kgView && kgView.ready && kgView.readyAt"


@dataclass
class Row:
    entities: int
    facts: int
    page: str
    python: float
    size_mb: float
    interactive: float | None = None
    redraw: float | None = None
    legible: int | None = None
    drawn: int | None = None


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


def baseline_tree(rev: str, into: Path) -> Path:
    """``kg/`` as it was at ``rev``, unpacked under ``into`` (for PYTHONPATH)."""
    archive = into / "baseline.tar"
    with archive.open("wb") as handle:
        subprocess.run(["git", "-C", str(REPO), "archive", rev, "kg"], stdout=handle, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "baseline", filter="data")
    return into / "baseline"


def kg_view(tree: Path, folder: Path, out: Path, *args: str) -> tuple[float, str]:
    """Seconds for ``kg view folder args`` with ``tree``'s kg (interpreter start included), and its last line."""
    env = {**os.environ, "PYTHONPATH": str(tree)}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "kg", "view", str(folder), *args, "--out", str(out)],
        env=env,
        cwd=tree,  # python -m puts the working directory first on sys.path
        capture_output=True,
        text=True,
        check=True,
    )
    return time.perf_counter() - start, done.stderr.strip().splitlines()[-1]


def measure(context: Any, path: Path, ready: str, cap: float, row: Row, repeat: int) -> list[str]:
    """Fill in the browser figures of ``row`` (``repeat`` loads); returns the problems the page had."""
    from playwright.sync_api import TimeoutError as Timeout

    times = []
    for _ in range(repeat):
        opened = open_offline(context, path)
        try:
            opened.page.wait_for_function(
                f"() => {{ const v = {ready}; return v !== undefined && v !== null; }}", timeout=cap * 1000
            )
        except Timeout:
            opened.page.close()
            return opened.requests + opened.errors
        times.append(opened.js(f"() => {ready}") / 1000)
        if len(times) < repeat:
            opened.page.close()
    row.interactive = statistics.median(times)
    opened.page.wait_for_timeout(100)
    row.redraw = opened.js(REDRAW)
    if opened.js("() => !!window.kgView"):
        row.legible = len(opened.js(LEGIBLE_LABELS, 10)["legible"])
        row.drawn = opened.js("() => kgView.network.body.nodeIndices.length")
    problems = opened.requests + opened.errors
    opened.page.close()
    return problems


def pages(
    args: argparse.Namespace, tmp: Path, graph: KnowledgeGraph, folder: Path
) -> list[tuple[str, Path, str, float]]:
    """Write each page for ``graph``: (name, path, readiness expression, seconds to write)."""
    n = len(graph.entities)
    written = []
    path = tmp / f"kg-{n}.html"
    start = time.perf_counter()
    write_html(graph, path)
    written.append(("kg view", path, KG_READY, time.perf_counter() - start))
    if args.baseline:
        path = tmp / f"baseline-{n}.html"
        seconds, _ = kg_view(args.baseline_tree, folder, path)
        written.append((f"baseline {args.baseline}", path, KG_READY, seconds))
    if args.pyvis:
        path = tmp / f"pyvis-{n}.html"
        start = time.perf_counter()
        pyvis_defaults(graph, path)
        written.append(("pyvis defaults", path, "window.__benchFirstDraw", time.perf_counter() - start))
    return written


def selections(graph: KnowledgeGraph, folder: Path, tmp: Path) -> None:
    """``kg view`` of parts of the build, from its stored files."""
    degree = Counter(x for t in graph.triples for x in (t.subject.id, t.object.id))
    hub = next(e for e in graph.entities if e.id == degree.most_common(1)[0][0])
    for label, args in (
        ("--top 500", ("--top", "500")),
        (f"--entity {hub.label!r}", ("--entity", hub.id)),
        ("--since 2024-03-01 --until 2024-03-31", ("--since", "2024-03-01", "--until", "2024-03-31")),
        ("--top 2000 --top-by sources", ("--top", "2000", "--top-by", "sources")),
    ):
        seconds, said = kg_view(REPO, folder, tmp / "selection.html", *args)
        print(f"  kg view {label:<40} {seconds:6.2f} s   {said.split('(')[-1].rstrip(')')}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--entities", type=int, nargs="+", default=[5000, 20000], help="sizes (default 5000 20000)")
    parser.add_argument("--baseline", metavar="REV", help="also the view of this git revision (e.g. eac18c4)")
    parser.add_argument("--pyvis", action="store_true", help="also pyvis's defaults (slow: use --cap)")
    parser.add_argument("--cap", type=float, default=180.0, help="give up on a page after this many seconds (180)")
    parser.add_argument("--repeat", type=int, default=3, help="loads of each page; the median is reported (3)")
    args = parser.parse_args()

    print(_header())
    with tempfile.TemporaryDirectory(prefix="kg-bench-html-") as name:
        tmp = Path(name)
        if args.baseline:
            args.baseline_tree = baseline_tree(args.baseline, tmp)
        try:
            with chromium(viewport=VIEWPORT) as context:
                for n in args.entities:
                    graph = corpus_like(n)
                    folder = tmp / f"build-{n}"
                    write_outputs(graph, folder)
                    for page, path, ready, seconds in pages(args, tmp, graph, folder):
                        row = Row(n, len(graph.triples), page, seconds, path.stat().st_size / 1e6)
                        problems = measure(context, path, ready, args.cap, row, args.repeat)
                        if problems:
                            print(f"  {page}, {n} entities: {problems[:3]}", file=sys.stderr)
                        print(_row(row, args.cap), flush=True)
                    selections(graph, folder, tmp)
        except BrowserMissing as error:
            print(f"bench_html: {error}", file=sys.stderr)
            return 1
    return 0


def _header() -> str:
    columns = (
        ("entities", 8),
        ("facts", 6),
        ("page", -20),
        ("python s", 9),
        ("size MB", 8),
        ("interactive s", 14),
        ("redraw ms", 10),
        ("drawn", 6),
        ("legible", 8),
    )
    return " ".join(f"{name:<{-width}}" if width < 0 else f"{name:>{width}}" for name, width in columns)


def _row(row: Row, cap: float) -> str:
    ready = f">{cap:.0f}" if row.interactive is None else f"{row.interactive:.2f}"
    redraw = "-" if row.redraw is None else f"{row.redraw:.0f}"
    drawn = "-" if row.drawn is None else f"{row.drawn:,}"
    legible = "-" if row.legible is None else str(row.legible)
    return (
        f"{row.entities:>8,} {row.facts:>6,} {row.page:<20} {row.python:>9.2f} {row.size_mb:>8.1f} "
        f"{ready:>14} {redraw:>10} {drawn:>6} {legible:>8}"
    )


if __name__ == "__main__":
    raise SystemExit(main())
