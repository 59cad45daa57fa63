"""The package and the benchmark stay readable unit by unit: no function over 80 lines and no class over 200, in every
module of src/arkiv/ and every script of bench/, and no import circles in the benchmark (the package's:
tests/unit/test_layers.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import arkiv

PACKAGE = Path(arkiv.__file__).parent
BENCH = Path(__file__).resolve().parents[2] / "bench"
MAX_FUNCTION, MAX_CLASS = 80, 200


# Every function and class in the package and the benchmark: (lines, kind, "module.py:line name"), the package's
# modules named from the package ("reading/load.py"), the benchmark's from the project ("bench/run.py").
def units() -> list[tuple[int, str, str]]:
    out = []
    for root, name in ((PACKAGE, lambda p: p.relative_to(PACKAGE)), (BENCH, lambda p: p.relative_to(BENCH.parent))):
        for path in sorted(root.rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            for node in ast.walk(tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                    kind = "class" if isinstance(node, ast.ClassDef) else "function"
                    out.append((node.end_lineno - first + 1, kind, f"{name(path)}:{node.lineno} {node.name}"))
    return out


def test_the_package_and_the_benchmark_are_measured():
    found = units()
    assert len({where.split(":")[0] for _, _, where in found}) >= 30  # every module, in every subpackage
    assert any("reading/load.py" in where for _, _, where in found)
    assert any(where.startswith("bench/run.py:") and where.endswith(" main") for _, _, where in found)


def test_no_function_over_80_lines():
    long = [f"{where} ({n} lines)" for n, kind, where in units() if kind == "function" and n > MAX_FUNCTION]
    assert not long, "split these functions:\n" + "\n".join(long)


def test_no_class_over_200_lines():
    long = [f"{where} ({n} lines)" for n, kind, where in units() if kind == "class" and n > MAX_CLASS]
    assert not long, "split these classes:\n" + "\n".join(long)


# Every module-level import between the package's modules (or bench's scripts), TYPE_CHECKING ones included:
# {"arkiv.record.model": {"arkiv.record.persons", ...}}.
def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    modules = {(package + "." if package else "") + ".".join(p.relative_to(root).with_suffix("").parts): p
               for p in root.rglob("*.py")}
    modules = {name.removesuffix(".__init__"): p for name, p in modules.items()}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found |= {f"{node.module}.{a.name}" if f"{node.module}.{a.name}" in modules else node.module
                          for a in node.names}
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


# The import circles of a graph, each as the modules on it.
def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    out = []
    for start in graph:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    out.append(path)
                elif nxt not in path and nxt > start:  # each circle once, from its smallest module
                    stack.append((nxt, [*path, nxt]))
    return out


# The package's circles and floors: tests/unit/test_layers.py.
def test_no_import_circles_in_the_benchmark():
    root = Path(__file__).resolve().parents[2]
    assert circles(import_graph(root / "bench", "")) == []
    # The checker finds a circle when there is one.
    assert circles({"a": {"b"}, "b": {"a"}, "c": set()}) == [["a", "b"]]
