"""A build that skipped the hook is no build: `dev.py build` and the suite's builds check that the pages the hook makes
from data/ are in the output (dev.missing_pages). A generator that ignores `hooks:` (Zensical 0.1 does) renders the
hand-written pages alone and exits 0; here such a generator stands in for mkdocs, and dev.py must refuse its output."""

from __future__ import annotations

import shutil
from pathlib import Path

from real_data import ROOT, dev_module


def test_a_real_build_has_every_page_the_check_wants(built_site):
    dev = dev_module()
    assert dev.missing_pages(built_site) == []
    years = sorted(p.stem for p in (ROOT / "data" / "cycles").glob("*.yaml"))
    assert len(years) > 5 and all((built_site / y / "index.html").is_file() for y in years)


def test_a_build_where_the_hook_did_not_run_fails_and_leaves_site_alone(tmp_path, monkeypatch):
    dev = dev_module()
    shutil.copytree(ROOT / "data" / "cycles", tmp_path / "data" / "cycles")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "published.txt").write_text("the site as it was", encoding="utf-8")

    # A generator that ignores hooks: the hand-written page and the theme's files, and a clean exit.
    def generator_without_hook(*cmd, check=True, **kw):
        site = Path(cmd[cmd.index("--site-dir") + 1])
        (site / "tillganglighet").mkdir(parents=True)
        (site / "tillganglighet" / "index.html").write_text("<h1>Tillgänglighet</h1>", encoding="utf-8")
        (site / "assets").mkdir()
        return 0

    monkeypatch.setattr(dev, "ROOT", tmp_path)
    monkeypatch.setattr(dev, "run", generator_without_hook)
    assert dev.build([]) == 1
    assert [p.name for p in (tmp_path / "site").iterdir()] == ["published.txt"], "site/ is untouched"
    assert not (tmp_path / ".site-building").exists()
    missing = dev.missing_pages(tmp_path / "nothing")
    assert {"index.html", "kommuner/index.html", "2023/index.html"} <= set(missing)


def test_without_any_year_the_check_says_so(tmp_path):
    (tmp_path / "data" / "cycles").mkdir(parents=True)
    assert dev_module().missing_pages(tmp_path / "site", tmp_path / "data") == ["data/cycles/*.yaml"]
