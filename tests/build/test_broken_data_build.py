"""Two real `mkdocs build --strict` runs on broken data, one for each way the loader stops (a file it cannot read, a
rule across files): the build stops, the message names file, line and field, and the last site is left as it was.
Every other broken-data case is checked in process (tests/unit/test_corpus.py)."""

from __future__ import annotations

import shutil

import pytest

from corpus_cases import BUILD_CASES, BY_NAME, Expected, assert_reported, broken_archive


@pytest.mark.build
@pytest.mark.parametrize("name", BUILD_CASES)
def test_build_stops_on_case_and_keeps_site(name, tmp_path, project_copy, build):
    shutil.rmtree(project_copy / "data")
    broken_archive(BY_NAME[name], project_copy / "data")
    site = tmp_path / "site"
    site.mkdir()
    sentinel = site / "index.html"
    sentinel.write_text("<p>den förra, fungerande sajten</p>", encoding="utf-8")
    before = sentinel.stat().st_mtime_ns
    result = build(project_copy, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert_reported(Expected.parse(BY_NAME[name]["error"]), output)
    assert sentinel.read_text(encoding="utf-8") == "<p>den förra, fungerande sajten</p>"
    assert sentinel.stat().st_mtime_ns == before
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
