"""What a journalist who checks types into the search, in Chromium: `motivering` finds the years' motivations, `jury`
and a year finds that year's jury without a false "Saknas: jury", and the award's former name (`it-kommun`) finds the
renaming on /om/ among the first three. Every expectation is read from the archive; the rankings come from the site's
own search worker in one tab (tests/browser/search_batch.py), the "Saknas" line from the search box as a visitor sees
it (tests/browser/search_box.py). Runs on the real archive and on the small test archive."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from search_batch import ranked_pages, served
from search_box import ready_search, run_query

TOP = 3
RENAMING = "namnbytet"  # the section of /om/ that tells of the renaming (templates/about.md.j2)


# The award's first name as people type it: its last word, lower case ("Sveriges IT-kommun" -> it-kommun).
def former_name_query(archive) -> str:
    return archive.names[0].name.split()[-1].lower()


# The queries for an archive: the motivations, each year with a known jury, the former name.
def queries(archive) -> list[str]:
    return ["motivering", *(f"jury {c.year}" for c in archive.cycles if c.jury), former_name_query(archive)]


@pytest.fixture(scope="module", params=["real", "small"])
def searched(request, browser):
    """(archive, site address, every query's result pages) for the real archive and the small test archive."""
    if request.param == "real":
        archive, url = request.getfixturevalue("archive"), request.getfixturevalue("site_url")
        yield archive, url, ranked_pages(browser, url, queries(archive))
    else:
        site, archive = request.getfixturevalue("small_site")
        with served(site) as url:
            yield archive, url, ranked_pages(browser, url, queries(archive))


def test_motivering_finds_every_years_motivation_first(searched):
    archive, _, found = searched
    years = {f"{c.year}/" for c in archive.cycles}
    pages = found["motivering"]
    assert set(pages[:len(years)]) == years, pages


def test_jury_and_a_year_finds_that_year_first(searched):
    archive, _, found = searched
    with_jury = [c for c in archive.cycles if c.jury]
    assert with_jury
    for c in with_jury:
        assert found[f"jury {c.year}"][:1] == [f"{c.year}/"], (c.year, found[f"jury {c.year}"][:5])


def test_the_former_name_finds_the_renaming_among_the_first_three(searched):
    archive, _, found = searched
    assert len(archive.names) > 1
    query = former_name_query(archive)
    assert "om/" in found[query][:TOP], found[query][:5]


def test_the_box_shows_the_jury_with_nothing_missing_and_the_renaming_section(browser, site_url, archive):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        ready_search(page, site_url)
        for c in (c for c in archive.cycles if c.jury):
            first = run_query(page, f"jury {c.year}")["items"][0]
            assert urlsplit(first["href"]).path.endswith(f"/{c.year}/"), first["href"]
            page_itself = first["html"].split("</article>", 1)[0]  # the page's own entry, before its sections
            assert "Saknas" not in page_itself, (c.year, page_itself)
            assert "#jury" in first["html"], first["html"][:500]  # the jury's section or a juror's line
        items = run_query(page, former_name_query(archive))["items"]
        about = next(i for i in items[:TOP] if urlsplit(i["href"]).path.endswith("/om/"))
        sections = re.findall(r'href="[^"]*#([^"]+)"', about["html"])
        assert sections[:1] == [RENAMING], sections  # the renaming is the first section shown under /om/
        motivations = run_query(page, "motivering")["items"]
        assert all("#motivering" in i["html"] for i in motivations[:len(archive.cycles)])
    finally:
        context.close()
