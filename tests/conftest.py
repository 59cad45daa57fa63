"""Shared fixtures: the real archive, and one real `mkdocs build --strict` of the project per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = Path(sys.executable).parent / "mkdocs"


# Run `mkdocs build --strict` on a project folder into site_dir; returns the finished process.
def mkdocs_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([str(MKDOCS), "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site_dir)],
                          capture_output=True, text=True, env=env, cwd=project, timeout=300)


@pytest.fixture(scope="session")
def archive():
    from arkiv.load import load_archive
    return load_archive(ROOT / "data")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site
