"""The site opened straight from the file system, in Chromium (`python3 dev.py build --offline`, the pull request's
preview; issue 22).

One offline build of the project per file (`mkdocs build --strict --no-directory-urls`, what `dev.py build --offline`
runs), moved to a folder with a space and an å in its path, the way an organiser unzips the preview somewhere; every
page is opened with a file:// URL, as a double-click opens index.html. No request leaves that folder and nothing is
logged as an error or warning, on any page visited. Which pages, names and queries come from the data.
"""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml
from cancelled import cancelled
from search_box import ready_search, relative, run_query

from arkiv import urls
from arkiv.text import fold

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = Path(sys.executable).parent / "mkdocs"
NOTE = "Visar träffar för liknande stavning."
LINK = re.compile(r'\b(?:href|src)="([^"]*)"')
REFRESH = re.compile(r'http-equiv="refresh" content="0; url=([^"]+)"')


# What the pull request's summary tells a reviewer (.github/workflows/pr.yml): the folder the download unpacks to, and
# the file in it to double-click.
def summary_steps() -> tuple[str, str]:
    pr = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    (job,) = pr["jobs"].values()
    note = next(s["run"] for s in job["steps"] if "Dubbelklicka" in s.get("run", ""))
    folder = re.search(r"mapp som\s+heter `([^`]+)`", note).group(1)
    start = re.search(r"Dubbelklicka på `([^`]+)`", note).group(1)
    return folder, start


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory) -> Path:
    """The project built to be opened from the file system, then moved elsewhere: the folder as an organiser has it."""
    base = tmp_path_factory.mktemp("offline")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(MKDOCS), "build", "--strict", "--no-directory-urls", "-f", str(ROOT / "mkdocs.yml"),
                             "-d", str(base / "site")], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    moved = base / "Hämtade filer" / summary_steps()[0]
    moved.parent.mkdir()
    shutil.move(base / "site", moved)
    return moved


@pytest.fixture
def tab(browser, offline_site):
    """A tab that records every request outside the folder, every failed request and every console error or warning;
    the test fails if any happened."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    folder = offline_site.as_uri() + "/"
    trouble: list[str] = []
    page.on("request", lambda r: r.url.startswith(folder) or trouble.append(f"begäran utanför mappen: {r.url}"))
    page.on("requestfailed",
            lambda r: cancelled(r.failure, r.url) or trouble.append(f"misslyckades: {r.url} ({r.failure})"))
    page.on("console", lambda m: m.type in ("error", "warning") and trouble.append(f"konsolen ({m.type}): {m.text}"))
    page.on("pageerror", lambda e: trouble.append(f"fel i sidan: {e}"))
    yield page
    context.close()
    assert not trouble, "\n".join(trouble)


# A page of the folder by its address with directory URLs: "2023/" -> file:///…/forhandsvisning/2023/index.html.
def file_url(site: Path, address: str) -> str:
    return (site / urls.offline_file(address)).as_uri()


# The address a file:// URL of the folder shows: file:///…/forhandsvisning/2023/index.html#jury -> "2023/".
def address_of(site: Path, url: str) -> str:
    path = unquote(urlsplit(url).path)
    return urls.address(Path(path).relative_to(site).as_posix())


def test_home_to_a_year_and_its_summary(tab, offline_site, archive):
    newest = archive.cycles[0]
    tab.goto(file_url(offline_site, urls.HOME))
    tab.get_by_role("link", name=f"{newest.award_name} {newest.year}", exact=True).first.click()
    tab.wait_for_load_state()
    assert address_of(offline_site, tab.url) == urls.year(newest.year)
    summary = tab.locator(f"#{urls.SECTIONS.summary}")
    assert summary.is_visible()
    assert newest.winner.name in summary.inner_text()
    # From the summary on to the winner's page, a file too.
    kommun = newest.winner.kommuner[0]
    summary.get_by_role("link", name=kommun.own_name if len(newest.winner.kommuner) > 1 else newest.winner.name,
                        exact=True).first.click()
    tab.wait_for_load_state()
    assert address_of(offline_site, tab.url) == urls.kommun(kommun.slug)
    assert tab.locator("h1").inner_text().startswith(kommun.own_name)


def test_a_municipality_page_with_its_map(tab, offline_site, archive):
    kommun = archive.cycles[0].winner.kommuner[0]
    tab.goto(file_url(offline_site, urls.KOMMUNER))
    # The map of Sweden: the municipalities outside the archive are drawn (from the page itself: a file:// page may not
    # read karta.svg), and the municipality is a link on it that leads to its page.
    land = tab.evaluate("() => [...document.querySelectorAll('use.arkiv-map__land')].map(u => u.getBBox().width)")
    assert land and all(width > 0 for width in land), land
    href = posixpath.relpath(urls.offline_file(urls.kommun(kommun.slug)), urls.KOMMUNER)
    tab.locator(f".arkiv-map__main a[href='{href}']").focus()  # as a keyboard user: small shapes are hard to hit
    tab.keyboard.press("Enter")
    tab.wait_for_url(re.compile(re.escape(href) + "$"))
    assert address_of(offline_site, tab.url) == urls.kommun(kommun.slug)
    locator = tab.locator(".arkiv-locator svg")
    assert locator.is_visible()
    box = locator.bounding_box()
    assert box and box["width"] > 50 and box["height"] > 50
    assert kommun.county in locator.get_attribute("aria-label")


# A name's first word misspelt by one doubled letter, without å, ä, ö: "Värmdö kommun" -> "varmmdo" (one edit off,
# which the search allows from five letters).
def misspelt(name: str) -> str:
    word = fold(name.split()[0].lower())
    return word[:3] + word[3] + word[3:]


def test_a_misspelt_name_finds_the_municipality(tab, offline_site, archive):
    kommun = next(k for c in archive.cycles for k in c.winner.kommuner if len(fold(k.own_name.split()[0])) >= 5)
    query = misspelt(kommun.own_name)
    ready_search(tab, file_url(offline_site, urls.HOME))
    found = run_query(tab, query)
    pages = [relative(i["href"], offline_site.as_uri() + "/") for i in found["items"]]
    assert urls.offline_file(urls.kommun(kommun.slug)) in pages[:3], (query, pages)
    note = tab.locator(".arkiv-search-note").inner_text()
    assert f"”{query}”" in note and NOTE in note, note
    tab.locator(".md-search-result__list > li > a").first.click()
    tab.wait_for_load_state()
    assert address_of(offline_site, tab.url) == urls.address(pages[0])


QUERIES = ("jury",)


# The search in the folder ranks as the published site's does: the same pages in the same order, for the newest year's
# winner, its name misspelt and a topic.
def test_the_search_ranks_as_the_published_site(browser, offline_site, site_url, archive):
    newest = archive.cycles[0]
    typo = [misspelt(k.own_name) for k in newest.winner.kommuner if len(fold(k.own_name.split()[0])) >= 5]
    queries = [newest.winner.name, *typo[:1], *QUERIES]
    results = {}
    for where, start in (("published", site_url + "2023/"), ("offline", file_url(offline_site, "2023/"))):
        context = browser.new_context(viewport={"width": 1280, "height": 800})
        try:
            page = context.new_page()
            ready_search(page, start)
            base = site_url if where == "published" else offline_site.as_uri() + "/"
            results[where] = {q: [urls.address(relative(i["href"], base)) for i in run_query(page, q)["items"]]
                              for q in queries}
        finally:
            context.close()
    assert all(results["published"][q] for q in queries), results["published"]
    assert results["offline"] == results["published"]


# Each kind of page opens from the folder without an error or a request outside it (the home page, a year and a
# municipality in the tests above): the oldest year, a person, the gaps, the open data, the charts, the page written
# by hand from the footer, and a redirect that lands on its year.
def test_every_kind_of_page_opens(tab, offline_site, archive):
    kinds = [urls.year(archive.cycles[-1].year), archive.people[0].url, urls.LUCKOR, urls.DATA, urls.STATISTIK]
    for address in kinds:
        tab.goto(file_url(offline_site, address))
        assert tab.locator("h1").first.is_visible(), address
        assert tab.locator("link[rel=stylesheet][href$='extra.css']").count() == 1
    assert tab.locator("svg.arkiv-chart__svg").first.is_visible()  # the charts of the last one
    tab.locator("a.arkiv-a11y-link").click()
    tab.wait_for_load_state()
    assert tab.url.endswith("/tillganglighet.html") and tab.locator("h1").is_visible()
    oldest = archive.cycles[-1]
    redirect = next(p for p in offline_site.glob(f"*-{oldest.year}/index.html"))
    tab.goto(redirect.as_uri())
    tab.wait_for_url(re.compile(rf"/{oldest.year}/index\.html$"))


# Opened as the summary says, the folder reaches every page from the file to double-click, through links to files that
# are there (only the 404 page, which a server shows and a folder never does, links from the site's root); each
# redirect leads to a page of the folder.
def test_the_folder_opened_as_the_summary_says_reaches_every_page(offline_site):
    folder, start = summary_steps()
    site = offline_site.resolve()
    assert site.name == folder
    seen: set[Path] = set()
    queue, broken = [site / start], []
    while queue:
        page = queue.pop()
        if page in seen:
            continue
        seen.add(page)
        for link in LINK.findall(page.read_text(encoding="utf-8")):
            path = unquote(urlsplit(link).path)
            if not path or urlsplit(link).scheme or link.startswith("/"):
                continue
            target = (page.parent / path).resolve()
            if not target.is_file():
                broken.append((page.relative_to(site).as_posix(), link))
            elif target.suffix == ".html":
                queue.append(target)
    assert not broken, broken[:10]
    pages = {p for p in site.rglob("*.html") if p.name != "404.html"}
    redirects = {p for p in pages if REFRESH.search(p.read_text(encoding="utf-8"))}
    assert seen == pages - redirects
    for page in redirects:
        assert (page.parent / REFRESH.search(page.read_text(encoding="utf-8")).group(1)).resolve().is_file(), page


# What the tab above lets pass is only the browser's own cancellation: a file that is missing from the folder still
# fails, as net::ERR_FILE_NOT_FOUND, and is not taken for a cancelled request.
def test_a_file_missing_from_the_folder_is_still_a_failure(browser, tmp_path):
    folder = tmp_path / "Hämtade filer"
    folder.mkdir()
    (folder / "sida.html").write_text('<!doctype html><title>t</title><img src="saknas.png" alt="">', encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    failures: list[tuple[str | None, str]] = []
    page.on("requestfailed", lambda r: failures.append((r.failure, r.url)))
    page.goto((folder / "sida.html").as_uri(), wait_until="load")
    context.close()
    assert [url.rsplit("/", 1)[-1] for _f, url in failures] == ["saknas.png"]
    assert not any(cancelled(failure, url) for failure, url in failures), failures
