"""The benchmark's own projects build: the baseline (the archive's pages as plain Markdown, same theme) must render with
the project's overrides, or `bench/run.py --only build` fails before it measures anything."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from arkiv import urls

pytestmark = pytest.mark.build

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench_run():
    sys.path.insert(0, str(BENCH))
    try:
        import run
        yield run
    finally:
        sys.path.remove(str(BENCH))


# The baseline builds strictly and publishes the archive's pages, though no hook of the archive's runs in it.
def test_the_baseline_project_builds_with_the_theme(bench_run, build, tmp_path):
    config = bench_run.baseline_project(tmp_path / "baseline")
    result = build(config.parent, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in home  # the theme got its globals from the baseline's hook
    assert not (tmp_path / "site" / urls.DATA / "vinnare.csv").exists()  # and none of the archive's generated files
