"""The package tree reads as the pipeline: import-linter's layers contract (pyproject.toml) holds, and no
module of kg takes part in an import cycle."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]


def test_imports_point_down_the_pipeline() -> None:
    tool = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert tool is not None, "import-linter is a test dependency (pip install '.[test]')"
    done = subprocess.run([tool], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]


def test_no_import_cycle_in_kg() -> None:
    import grimp

    # Imports for type annotations only (under TYPE_CHECKING) never run, so they cannot form a cycle.
    imports = grimp.build_graph("kg", exclude_type_checking_imports=True)
    graph = nx.DiGraph()
    for module in imports.modules:
        for imported in imports.find_modules_directly_imported_by(module):
            graph.add_edge(module, imported)
    cycles = sorted(sorted(c) for c in nx.simple_cycles(graph))
    assert cycles == [], cycles[:5]
