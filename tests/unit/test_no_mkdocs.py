"""The arkiv package works without MkDocs: only hooks/archive.py may import it."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import arkiv

SCRIPT = """
import importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
leaked = sorted(m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.") or m == "material")
print(",".join(leaked))
"""


def test_arkiv_modules_do_not_import_mkdocs():
    names = [m.name for m in pkgutil.walk_packages(arkiv.__path__, "arkiv.") if m.name != "arkiv.__main__"]
    assert "arkiv.reading.load" in names and "arkiv.tools.cli" in names
    result = subprocess.run([sys.executable, "-c", SCRIPT, *names], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "", f"mkdocs imported by the arkiv package: {result.stdout}"

