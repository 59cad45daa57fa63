"""The package's floors: every import runs down them, and no modules import each other in a loop.

Four floors, from the top (README, "Hur det hänger ihop"): what runs (the `arkiv` command, the build and `serve`,
the publishing workflow's commands), what goes in and out (data/ read into the model; what the site says), the model
and the one Jinja environment, and the shared helpers. A module may import from its own floor's part and from any
part below; importing a part above, or a sibling that the floor keeps apart, is an import that runs up. The import
graph is grimp's (TYPE_CHECKING imports and imports inside functions included). The checker is proven on copies of
the package with an upward import and a circle planted in them.
"""

from __future__ import annotations

import re
import shutil
from itertools import pairwise
from pathlib import Path

import grimp
import pytest

import arkiv

# Top to bottom; each row names the package's parts (a module or a folder of it) on one level. Parts on one row
# never import each other. Floor 4 (what runs) is three rows: the tools and the publishing commands may use a build.
FLOORS: tuple[tuple[str, ...], ...] = (
    ("__main__",),                         # 4: `python -m arkiv`
    ("tools", "publishing"),               # 4: the organisers' command; what CI's publishing runs
    ("building",),                         # 4: how a build and `serve` run (hooks/archive.py calls it)
    ("reading", "site"),                   # 3: data/ -> the model; what the site says (pages only read the model)
    ("record", "templating"),              # 2: the model; the one Jinja environment
    ("urls", "text", "slugs", "errors", "git", "publisher"),  # 1: the shared helpers; who publishes (mkdocs.yml)
)


# The graph of a package importable from sys.path, built afresh (no cache on disk).
def graph_of(package: str) -> grimp.ImportGraph:
    return grimp.build_graph(package, cache_dir=None)


# "a.b:12 -> a.c" for one direct import, with the line it stands on.
def _link(graph: grimp.ImportGraph, importer: str, imported: str) -> str:
    lines = sorted(d["line_number"] for d in graph.get_import_details(importer=importer, imported=imported))
    return f"{importer}:{lines[0] if lines else '?'} -> {imported}"


# Every import that runs up the floors, as the chain that does it: "upward: a.slugs:3 -> a.tools".
def upward_imports(graph: grimp.ImportGraph, package: str) -> list[str]:
    layers = [grimp.Layer(*row, independent=True) for row in FLOORS]
    out = []
    for dependency in graph.find_illegal_dependencies_for_layers(layers=layers, containers={package}):
        for route in dependency.routes:
            for head in route.heads:
                for tail in route.tails:
                    chain = [head, *route.middle, tail]
                    links = [_link(graph, a, b) for a, b in pairwise(chain)]
                    out.append("upward: " + ", ".join(links))
    return sorted(out)


# Every import circle, once, from its smallest module: "circle: a.x:3 -> a.y, a.y:5 -> a.x".
def circles(graph: grimp.ImportGraph) -> list[str]:
    out = set()
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back is not None:
                loop = [importer, *back]
                start = loop.index(min(loop[:-1]))
                loop = loop[start:-1] + loop[:start + 1]
                out.add("circle: " + ", ".join(_link(graph, a, b) for a, b in pairwise(loop)))
    return sorted(out)


# What is wrong with a package's imports: its upward imports and its circles (empty when it keeps the floors).
def findings(package: str) -> list[str]:
    graph = graph_of(package)
    return upward_imports(graph, package) + circles(graph)


# The package's parts: its modules and folders right under it (templates and data files are no Python).
def parts(root: Path) -> set[str]:
    return {p.stem for p in root.glob("*.py") if p.stem != "__init__"} | {p.name for p in root.iterdir()
                                                                          if (p / "__init__.py").exists()}


def test_every_part_of_the_package_has_a_floor():
    named = [part for row in FLOORS for part in row]
    assert len(named) == len(set(named))
    assert parts(Path(arkiv.__file__).parent) == set(named), "name the new part's floor in FLOORS"


def test_imports_run_down_the_floors_and_never_in_a_circle():
    assert findings("arkiv") == [], "\n".join(["imports that break the floors:", *findings("arkiv")])


# A copy of the package under another name, importable from `where`.
def _copy(where: Path, name: str) -> Path:
    root = where / name
    shutil.copytree(Path(arkiv.__file__).parent, root, ignore=shutil.ignore_patterns("__pycache__", "*.json", "*.j2"))
    for path in root.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"\b(from|import) arkiv\b", rf"\1 {name}", text), encoding="utf-8")
    return root


# Append a line to a module of the copy.
def _plant(root: Path, module: str, line: str) -> None:
    path = root / module
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


@pytest.fixture
def copy_of_package(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    return _copy(tmp_path, "arkiv_planted")


def test_the_checker_finds_nothing_in_an_untouched_copy(copy_of_package):
    assert findings("arkiv_planted") == []


def test_the_checker_fails_on_a_planted_upward_import(copy_of_package):
    _plant(copy_of_package, "slugs.py", "from arkiv_planted.tools import cli  # noqa")
    found = findings("arkiv_planted")
    assert any(f.startswith("upward: arkiv_planted.slugs:") and f.endswith("-> arkiv_planted.tools.cli")
               for f in found), found
    # The model reading the YAML reader is upward too (the two sit on floors 2 and 3).
    _plant(copy_of_package, "record/stats.py", "from arkiv_planted.reading import load  # noqa")
    assert any("arkiv_planted.record.stats:" in f and "-> arkiv_planted.reading.load" in f
               for f in findings("arkiv_planted"))


def test_the_checker_fails_on_a_planted_import_between_siblings(copy_of_package):
    # What the site says only reads the model: an import of the YAML reader from site/ breaks the floors.
    _plant(copy_of_package, "site/pages.py", "from arkiv_planted.reading import load  # noqa")
    assert any("arkiv_planted.site.pages:" in f and "-> arkiv_planted.reading.load" in f
               for f in findings("arkiv_planted"))


def test_the_checker_fails_on_a_planted_circle(copy_of_package):
    # figures.py imports charts.py; charts.py importing figures.py closes a loop on one floor.
    _plant(copy_of_package, "site/charts.py", "from arkiv_planted.site import figures  # noqa")
    planted = len((copy_of_package / "site/charts.py").read_text(encoding="utf-8").splitlines())
    found = [f for f in findings("arkiv_planted") if f.startswith("circle:")]
    assert len(found) == 1, found
    assert re.fullmatch(rf"circle: arkiv_planted\.site\.charts:{planted} -> arkiv_planted\.site\.figures, "
                        r"arkiv_planted\.site\.figures:\d+ -> arkiv_planted\.site\.charts", found[0]), found
