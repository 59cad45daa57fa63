"""The package stays readable unit by unit: no function over 80 lines and no class over 200, in every module."""

from __future__ import annotations

import ast
from pathlib import Path

import arkiv

PACKAGE = Path(arkiv.__file__).parent
MAX_FUNCTION, MAX_CLASS = 80, 200


# Every function and class in the package: (lines, kind, "module.py:line name").
def units() -> list[tuple[int, str, str]]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                kind = "class" if isinstance(node, ast.ClassDef) else "function"
                where = f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}"
                out.append((node.end_lineno - first + 1, kind, where))
    return out


def test_the_package_is_measured():
    found = units()
    assert len({where.split(":")[0] for _, _, where in found}) >= 30  # every module, in every subpackage
    assert any("reading/load.py" in where for _, _, where in found)


def test_no_function_over_80_lines():
    long = [f"{where} ({n} lines)" for n, kind, where in units() if kind == "function" and n > MAX_FUNCTION]
    assert not long, "split these functions:\n" + "\n".join(long)


def test_no_class_over_200_lines():
    long = [f"{where} ({n} lines)" for n, kind, where in units() if kind == "class" and n > MAX_CLASS]
    assert not long, "split these classes:\n" + "\n".join(long)
