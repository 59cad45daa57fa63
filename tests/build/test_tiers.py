"""The suite runs every tier: a plain `pytest` (what `python3 dev.py test` runs) collects every test file under
tests/. pytest leaves out folders named build by default, which would silently drop this whole tier."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_test_file_is_collected():
    files = {p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").rglob("test_*.py")}
    assert {f.split("/")[1] for f in files} == {"unit", "build", "browser"}, "tests live in the three tier folders"
    result = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    collected = {line.split("::", 1)[0] for line in result.stdout.splitlines() if "::" in line}
    assert files == collected, sorted(files ^ collected)
