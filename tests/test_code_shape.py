"""Functions a reader can follow: none in kg/ runs past 60 lines or a cyclomatic complexity of 15 (radon's
measure) unless a ``# complex:`` comment in it says why it is one piece."""

from __future__ import annotations

from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Class, Function

KG = Path(__file__).resolve().parents[1] / "kg"
MAX_LINES, MAX_COMPLEXITY = 60, 15


def _too_big() -> list[str]:
    found = []
    for path in sorted(KG.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        blocks = cc_visit(source)
        functions = [b for b in blocks if isinstance(b, Function) and not b.is_method]
        functions += [m for b in blocks if isinstance(b, Class) for m in b.methods]
        for function in functions:
            length = function.endline - function.lineno + 1
            if length <= MAX_LINES and function.complexity <= MAX_COMPLEXITY:
                continue
            if any("# complex:" in line for line in lines[function.lineno - 1 : function.endline]):
                continue
            where = f"{path.relative_to(KG.parent)}:{function.lineno}"
            found.append(f"{where} {function.name}: {length} lines, complexity {function.complexity}")
    return found


def test_functions_are_small_or_say_why_not() -> None:
    assert _too_big() == []
