"""The offline option (`python3 dev.py build --offline`, issue 22) leaves the published build as it is, and the offline
build is the published one with a file for every folder.

The test archive is built both ways: the session's `small_site` is its published build, and this file builds the same
project once more without directory URLs (what `dev.py build --offline` runs). Chromium opens the real project's
offline build in tests/browser/test_offline.py.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from arkiv import urls
from arkiv.building import offline

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"
HREF = re.compile(r'\b(?:href|src)="([^"]*)"')
# Files whose content names pages by their address, so they differ between the builds by design: the sitemap (MkDocs
# writes each page's file there) and the search index (compared below, location by location).
ADDRESSED = ("sitemap.xml", "sitemap.xml.gz", "search/search_index.json")


@pytest.fixture(scope="module")
def offline_small(small_site, tmp_path_factory) -> Path:
    """The same project as small_site, built to be opened from the file system."""
    project = small_site[0].parent / "project"
    site = tmp_path_factory.mktemp("offline-small") / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "--no-directory-urls", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], capture_output=True, text=True, env=env, cwd=project, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


# Every file of a built site by path from its root.
def files(site: Path) -> dict[str, Path]:
    return {p.relative_to(site).as_posix(): p for p in sorted(site.rglob("*")) if p.is_file()}


# The pages (HTML files but the 404 page) by the address they have with directory URLs: "2023/", "tillganglighet/".
def pages(site: Path) -> dict[str, Path]:
    return {urls.address(rel): p for rel, p in files(site).items() if rel.endswith(".html") and rel != "404.html"}


def test_the_published_build_has_nothing_of_the_offline_one(small_site):
    site, _ = small_site
    assert not (site / offline.WORKER_SCRIPT).exists()
    assert not (site / offline.INDEX_SCRIPT).exists()
    for address, page in pages(site).items():
        text = page.read_text(encoding="utf-8")
        assert "file-worker" not in text, address
        own = [h for h in HREF.findall(text) if not re.match(r"[a-z]+:|/|#", h)]
        assert not [h for h in own if h.split("#")[0].endswith(".html")], address  # links lead to folders
        if 'http-equiv="refresh"' not in text:
            assert 'type="application/atom+xml"' in text, address
    kommuner = (site / urls.KOMMUNER / "index.html").read_text(encoding="utf-8")
    assert 'href="karta.svg#land"' in kommuner and 'id="land"' not in kommuner


def test_the_offline_build_has_a_file_for_every_page_and_the_same_files(small_site, offline_small):
    site, _ = small_site
    assert pages(offline_small).keys() == pages(site).keys()
    published, built = files(site), files(offline_small)
    others = {rel for rel in published if not rel.endswith(".html")}
    assert others <= built.keys()
    assert built.keys() - published.keys() - {rel for rel in built if rel.endswith(".html")} == {
        offline.WORKER_SCRIPT, offline.INDEX_SCRIPT}
    differ = [rel for rel in sorted(others - set(ADDRESSED) - {"data/arkiv.json"})
              if published[rel].read_bytes() != built[rel].read_bytes()]
    assert not differ
    # arkiv.json names the day it was built: the two builds may straddle midnight.
    generated = [json.loads(p.read_text(encoding="utf-8")) for p in (published["data/arkiv.json"],
                                                                      built["data/arkiv.json"])]
    for data in generated:
        data.pop("generated")
    assert generated[0] == generated[1]


def test_the_offline_search_index_is_the_published_one_at_the_files(small_site, offline_small):
    site, _ = small_site
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = (offline_small / offline.INDEX_SCRIPT).read_text(encoding="utf-8")
    assert text.startswith("var __index = ")
    script = json.loads(text.removeprefix("var __index = "))
    assert script == json.loads((offline_small / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert all(".html" in d["location"] for d in script["docs"])
    for doc in script["docs"]:
        doc["location"] = urls.address(doc["location"])
    assert script == index  # the same documents, fields and boosts: the same ranking


# Every link of an offline page names a file, wherever the published build has what it leads to. (The test archive's
# /om/ links to the renaming year, 2017, which it does not have: broken alike in both builds, not the offline one's.)
def test_every_page_of_the_offline_build_links_to_files(small_site, offline_small):
    site, _ = small_site
    published = pages(site).keys() | files(site).keys()
    checked = 0
    for address, page in pages(offline_small).items():
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            path = href.split("#")[0].split("?")[0]
            if not path or re.match(r"[a-z]+:|/", path):
                continue
            target = (page.parent / path).resolve()
            if urls.address(target.relative_to(offline_small.resolve()).as_posix()) in published:
                assert target.is_file(), (address, href)
                checked += 1
    assert checked > 500  # every page's links were read
    assert 'id="land"' in (offline_small / urls.KOMMUNER / "index.html").read_text(encoding="utf-8")
