"""The preview under `mkdocs serve` (arkiv.building.preview, arkiv.building.session), without MkDocs: what a rebuild
after a data edit redoes, what it keeps, and when it rebuilds everything. tests/test_serve.py runs the real
`mkdocs serve`."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import jinja2
import pytest

from arkiv import templating
from arkiv.building import preview as pv
from arkiv.building.session import Session


class Aborted(Exception):
    """Stands in for MkDocs' Abort."""


def index(*locations: str) -> str:
    return json.dumps({"config": {"lang": ["sv"]}, "docs": [{"location": loc, "title": loc} for loc in locations]})


def locations(index_json: str) -> list[str]:
    return [doc["location"] for doc in json.loads(index_json)["docs"]]


def age(path: Path, seconds: float = 10.0) -> None:
    """Move a file's time back, as if it had been written a while ago."""
    t = path.stat().st_mtime_ns - int(seconds * 1e9)
    os.utime(path, ns=(t, t))


@pytest.fixture
def preview():
    p = pv.Preview(logging.getLogger("test.preview"))
    yield p
    p.close()


# --- small functions -----------------------------------------------------------------------------------------------

def test_stamps_cover_files_and_folders_but_not_the_skipped_one_or_bytecode(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("a")
    (tmp_path / "src" / "__pycache__").mkdir(parents=True)
    (tmp_path / "src" / "m.py").write_text("x = 1")
    (tmp_path / "src" / "__pycache__" / "m.pyc").write_bytes(b"\0")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "winners.yaml").write_text("[]")
    (tmp_path / "mkdocs.yml").write_text("site_name: x")
    roots = [tmp_path / "mkdocs.yml", tmp_path / "docs", tmp_path / "src", tmp_path / "data", tmp_path / "missing"]
    found = pv.stamps(roots, skip=tmp_path / "data")
    assert set(found) == {str(tmp_path / n) for n in ("mkdocs.yml", "docs/a.md", "src/m.py")}
    assert str(tmp_path / "data" / "winners.yaml") in pv.stamps(roots)


def test_output_paths_of_generated_files():
    assert pv.output_path("2023/index.md") == "2023/index.html"
    assert pv.output_path("index.md") == "index.html"
    assert pv.output_path("data/arkiv.json") == "data/arkiv.json"


def test_remove_deletes_a_file_and_the_folders_it_leaves_empty(tmp_path):
    (tmp_path / "personer" / "a-b").mkdir(parents=True)
    (tmp_path / "personer" / "a-b" / "index.html").write_text("x")
    (tmp_path / "personer" / "index.html").write_text("x")
    pv.remove(tmp_path, "personer/a-b/index.html")
    assert not (tmp_path / "personer" / "a-b").exists() and (tmp_path / "personer" / "index.html").exists()
    pv.remove(tmp_path, "not/there/index.html")  # nothing to do


def test_a_partial_index_is_completed_from_the_last_one_in_the_order_of_a_full_build():
    previous = pv.entries_by_page(index("tillganglighet/", "", "#a", "2023/", "2023/#jury", "personer/old/", "2021/"))
    partial = index("2023/", "2023/#jury", "2023/#citat", "personer/new/")
    order = ["tillganglighet/", "", "2023/", "2021/", "personer/new/"]
    text, entries = pv.complete_index(partial, ["2023/", "personer/new/"], previous, order)
    assert locations(text) == ["tillganglighet/", "", "#a", "2023/", "2023/#jury", "2023/#citat", "2021/",
                               "personer/new/"]
    assert "personer/old/" not in entries, "a page no longer in the site leaves the index"
    assert json.loads(text)["config"] == {"lang": ["sv"]}
    # A rendered page without entries (search: exclude) has none afterwards either.
    text, _ = pv.complete_index(index(), ["2021/"], entries, order)
    assert "2021/" not in locations(text)


def test_compiled_templates_are_kept_between_environments_until_their_source_changes(monkeypatch):
    cache = pv.TemplateCache()
    compiled = []
    original = jinja2.Environment.compile

    def counting(self, *args, **kwargs):
        compiled.append(args[1] if len(args) > 1 else kwargs.get("name"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)

    def render(source: str) -> str:
        env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}), bytecode_cache=cache)
        return env.get_template("page.html").render(x=1)

    assert render("{{ x }} one") == "1 one" and len(compiled) == 1
    assert render("{{ x }} one") == "1 one" and len(compiled) == 1, "the second environment loads the cached code"
    assert render("{{ x }} two") == "1 two" and len(compiled) == 2, "an edited template is compiled again"


def test_keep_last_good_reports_an_abort_and_lets_other_errors_through(caplog):
    log = logging.getLogger("test.preview")

    def aborts():
        raise Aborted("x")

    pv.keep_last_good(aborts, Aborted, log)()
    assert "senaste fungerande versionen" in caplog.text
    with pytest.raises(ZeroDivisionError):
        pv.keep_last_good(lambda: 1 / 0, Aborted, log)()


def test_muted_leaves_out_only_the_named_message_and_only_inside(caplog):
    log = logging.getLogger("test.preview.muted")
    with caplog.at_level(logging.INFO, logger="test.preview.muted"), pv.muted(log, "A 'dirty' build"):
        log.warning("A 'dirty' build is being performed")
        log.warning("another warning")
    log.warning("A 'dirty' build again")
    assert [r.getMessage() for r in caplog.records] == ["another warning", "A 'dirty' build again"]


# --- Preview ---------------------------------------------------------------------------------------------------------

def test_page_sources_change_only_with_their_text(preview, tmp_path):
    site = tmp_path / "site"
    first = preview.sources({"index.md": "# Start", "2023/index.md": "# 2023"}, ["data/arkiv.json"], site)
    assert Path(first["2023/index.md"]).read_text(encoding="utf-8") == "# 2023"
    assert Path(first["2023/index.md"]).is_relative_to(site / pv.SOURCES)
    age(Path(first["index.md"]))
    before = Path(first["index.md"]).stat().st_mtime_ns
    second = preview.sources({"index.md": "# Start", "2023/index.md": "# 2023 ändrad"}, [], site)
    assert Path(second["index.md"]).stat().st_mtime_ns == before, "unchanged text, unchanged time: MkDocs skips it"
    assert Path(second["2023/index.md"]).read_text(encoding="utf-8") == "# 2023 ändrad"


def test_a_changed_source_is_newer_than_its_page_even_on_a_coarse_clock(preview, tmp_path):
    site = tmp_path / "site"
    (site / "2023").mkdir(parents=True)
    page = site / "2023" / "index.html"
    page.write_text("old")
    future = page.stat().st_mtime_ns + 5 * 10**9  # the page looks written after the source
    os.utime(page, ns=(future, future))
    source = Path(preview.sources({"2023/index.md": "# 2023"}, [], site)["2023/index.md"])
    assert source.stat().st_mtime_ns > page.stat().st_mtime_ns


def test_a_quick_build_deletes_what_is_no_longer_generated_and_a_fresh_one_does_not_need_to(preview, tmp_path):
    site = tmp_path / "site"
    preview.begin(object(), ["nav"], site, [], tmp_path / "data")
    preview.sources({"personer/old/index.md": "x", "personer/index.md": "y"}, ["feed.xml"], site)
    for path in ("personer/old/index.html", "personer/index.html", "feed.xml"):
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text("built")
    preview.finish()
    preview.mode = pv.QUICK
    preview.begin(object(), ["nav"], site, [], tmp_path / "data")
    assert not preview.fresh
    preview.sources({"personer/new/index.md": "x", "personer/index.md": "y"}, [], site)
    assert not (site / "personer" / "old").exists() and not (site / "feed.xml").exists()
    assert (site / "personer" / "index.html").exists()


def test_a_changed_navigation_empties_the_site_of_a_quick_build(preview, tmp_path):
    site = tmp_path / "site"
    (site / "2023").mkdir(parents=True)
    (site / "2023" / "index.html").write_text("built")
    preview.begin(object(), ["2023"], site, [], tmp_path / "data")
    preview.finish()
    preview.mode = pv.QUICK
    preview.begin(object(), ["2023"], site, [], tmp_path / "data")
    assert not preview.fresh and (site / "2023" / "index.html").exists()
    (site / pv.SOURCES).mkdir()
    preview.begin(object(), ["2025", "2023"], site, [], tmp_path / "data")
    assert preview.fresh and [p.name for p in site.iterdir()] == [pv.SOURCES], "every page shows the navigation"


def test_share_images_are_written_when_they_changed(preview, tmp_path):
    site = tmp_path / "site"
    preview.write_images({"delning.png": b"a", "2023/delning.png": b"b"}, site)
    assert (site / "2023" / "delning.png").read_bytes() == b"b"
    preview.fresh = False
    (site / "delning.png").write_bytes(b"left alone")
    preview.write_images({"delning.png": b"a", "2023/delning.png": b"c"}, site)
    assert (site / "delning.png").read_bytes() == b"left alone", "the same image is not written again"
    assert (site / "2023" / "delning.png").read_bytes() == b"c"


def test_dates_come_from_git_once_and_then_from_the_files_saved_since(preview, tmp_path):
    (tmp_path / "data" / "cycles").mkdir(parents=True)
    for name in ("winners.yaml", "cycles/2023.yaml"):
        (tmp_path / "data" / name).write_text("x")
    reads = []

    def read(project: Path) -> dict[str, str]:
        reads.append(project)
        return {"data/winners.yaml": "2020-01-01", "data/cycles/2023.yaml": "2021-01-01", "data/old.yaml": "2019-01-01"}

    assert preview.lastmod(tmp_path, read)["data/cycles/2023.yaml"] == "2021-01-01"
    cycle = tmp_path / "data" / "cycles" / "2023.yaml"
    cycle.write_text("changed")
    t = 1_700_000_000 * 10**9  # 2023-11-14
    os.utime(cycle, ns=(t, t))
    dates = preview.lastmod(tmp_path, read)
    assert len(reads) == 1, "git runs once"
    assert dates == {"data/winners.yaml": "2020-01-01", "data/cycles/2023.yaml": "2023-11-14",
                     "data/old.yaml": "2019-01-01"}


class Builds:
    """The two builds MkDocs offers the preview, as fakes that play the session's part."""

    def __init__(self, preview: pv.Preview, site: Path) -> None:
        self.preview, self.site, self.calls = preview, site, []
        self.fail: Exception | None = None  # raised after the data loaded
        self.data_error = False  # raised while loading, before anything is written

    def run(self, kind: str, config: object) -> None:
        self.calls.append(kind)
        if self.data_error:
            raise Aborted("data")
        self.preview.begin(config, ["nav"], self.site, [], self.site.parent / "data")
        if self.fail:
            raise self.fail
        self.preview.finish()

    def full(self) -> None:
        self.run("full", "fresh config")

    def quick(self, config: object) -> None:
        self.run(f"quick with {config}", config)


def test_only_a_data_edit_after_a_finished_build_gets_a_quick_rebuild(preview, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text("a")
    (tmp_path / "data").mkdir()
    builds = Builds(preview, tmp_path / "site")
    builds.run("initial", "first config")  # mkdocs serve's first build, before on_serve
    preview.inputs, preview.data_dir = [tmp_path / "docs", tmp_path / "data"], tmp_path / "data"
    rebuild = preview.rebuilder(builds.full, builds.quick, Aborted)

    (tmp_path / "data" / "2023.yaml").write_text("edited")
    rebuild()
    assert builds.calls[-1] == "quick with first config"

    (tmp_path / "docs" / "a.md").write_text("a hand-written page edited")
    rebuild()
    assert builds.calls[-1] == "full", "an edit outside data/ gets MkDocs' own rebuild"
    rebuild()
    assert builds.calls[-1] == "quick with fresh config", "the next data edit uses the configuration just built"

    builds.data_error = True
    rebuild()  # reported, not raised: the last good site stays on show
    builds.data_error = False
    rebuild()
    assert builds.calls[-1] == "quick with fresh config", "nothing was written: a quick rebuild is still right"

    builds.fail = Aborted("a page failed")
    rebuild()
    builds.fail = None
    rebuild()
    assert builds.calls[-2:] == ["quick with fresh config", "full"], "a build that stopped half-way: all again"


def test_a_full_rebuild_that_fails_keeps_the_next_one_full(preview, tmp_path):
    (tmp_path / "docs").mkdir()
    builds = Builds(preview, tmp_path / "site")
    builds.run("initial", "first config")
    preview.inputs, preview.data_dir = [tmp_path / "docs"], tmp_path / "data"
    rebuild = preview.rebuilder(builds.full, builds.quick, Aborted)
    (tmp_path / "docs" / "a.md").write_text("new page")
    builds.data_error = True
    rebuild()
    builds.data_error = False
    rebuild()
    assert builds.calls[-2:] == ["full", "full"], "mkdocs.yml or docs/ changed since the last good build"


# --- Session ---------------------------------------------------------------------------------------------------------

def test_under_serve_pages_come_from_files_and_under_build_as_text(small_archive, tmp_path):
    project, site = small_archive.parent, tmp_path / "site"
    built, served = Session(), Session()
    built.start("build")
    served.start("serve")
    try:
        assert built.preview is None and served.preview is not None and served.template_cache is not None
        for session in (built, served):
            nav = session.configure(project, "https://example.org/arkiv/", "", config=object(), site_dir=site,
                                    watched=[project / "docs", None, project / "data"])
            assert nav == built.configure(project, "https://example.org/arkiv/", "")
        as_text = built.files("Arkivet", site)
        from_files = served.files("Arkivet", site)
        assert list(as_text) == list(from_files), "the same files in the same order"
        page = "2023/index.md"
        assert Path(from_files[page]["abs_src_path"]).read_text(encoding="utf-8") == as_text[page]["content"]
        assert from_files["feed.xml"] == as_text["feed.xml"]
    finally:
        built.close()
        served.close()
    assert not Path(from_files[page]["abs_src_path"]).exists(), "closing removes the page sources"


def test_serve_with_dirty_is_left_to_mkdocs(small_archive):
    session = Session()
    session.start("serve", dirty=True)
    assert session.preview is None and session.template_cache is templating.compiled_templates()
