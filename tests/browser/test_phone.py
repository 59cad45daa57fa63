"""The archive on a 360 px phone in Chromium: the home page names the newest winner on the first screen, no table on a
year, person, municipality or home page is wider than the screen, the header names the page in full, and the year
navigation goes one way on every year page (older ←, newer →; the theme's footer never leads out of the years).
Every expectation is read from the archive; runs on the real archive and on the small test archive (the real archive's
tables in the pass over every page, page_audit.py, which has each page at 360 px already)."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from page_audit import TABLE_RIGHT
from search_batch import served

WIDTH, HEIGHT = 360, 800

# Whether a text is shown within the first screen of the page's article: its element's top and bottom on screen.
ON_FIRST_SCREEN = """name => {
  const walker = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!n.textContent.includes(name)) continue;
    const r = n.parentElement.getBoundingClientRect();
    if (r.top >= 0 && r.bottom <= innerHeight && n.parentElement.checkVisibility()) return true;
  }
  return false;
}"""

# The widest table's right edge and the screen's width.
TABLES = "() => ({right: " + TABLE_RIGHT + ", width: document.documentElement.clientWidth})"

# The header's topic a reader sees: its text and whether it is cut off.
HEADER = """() => {
  const shown = [...document.querySelectorAll('.md-header__topic')].filter(t => getComputedStyle(t).opacity === '1');
  return shown.map(t => { const e = t.querySelector('.md-ellipsis');
    return {text: e.textContent.trim(), cut: e.scrollWidth > e.clientWidth + 1}; });
}"""

# The links in the page's year navigation and in the theme's footer navigation that a reader can see.
NAV = """() => {
  const links = sel => [...document.querySelectorAll(sel)].filter(a => a.checkVisibility())
    .map(a => ({href: a.href, rel: a.rel, text: a.textContent.replace(/\\s+/g, ' ').trim(),
                cls: a.className}));
  return {page: links('nav.arkiv-prevnext a'), footer: links('.md-footer__inner a'),
          head: [...document.querySelectorAll('head link[rel=prev], head link[rel=next]')]
            .map(l => ({href: l.href, cls: l.rel}))};
}"""


@pytest.fixture(scope="module", params=["real", "small"])
def phone(request, browser):
    """(archive, site address, a page at 360 px) for the real archive and the small test archive."""
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    try:
        if request.param == "real":
            yield request.getfixturevalue("archive"), request.getfixturevalue("site_url"), context.new_page()
        else:
            site, archive = request.getfixturevalue("small_site")
            with served(site) as url:
                yield archive, url, context.new_page()
    finally:
        context.close()


def test_the_home_page_names_the_newest_winner_on_the_first_screen(phone):
    archive, url, page = phone
    newest = archive.cycles[0]
    page.goto(url)
    assert page.evaluate(ON_FIRST_SCREEN, newest.winner.name), newest.winner.name
    assert page.evaluate(ON_FIRST_SCREEN, str(newest.year))


# On the small archive; the real archive's pages are judged in the pass over every page (page_audit.py), which loads
# each of them at 360 px already.
@pytest.mark.parametrize("phone", ["small"], indirect=True)
def test_no_table_is_wider_than_the_screen(phone):
    archive, url, page = phone
    paths = ["", *(f"{c.year}/" for c in archive.cycles), *(f"kommuner/{k.slug}/" for k in archive.kommuner),
             *(p.url for p in archive.people)]
    wide = {}
    for path in paths:
        page.goto(url + path)
        found = page.evaluate(TABLES)
        if found["right"] > found["width"] + 0.5:
            wide[path] = found
    assert len(paths) > 5
    assert not wide, f"tables wider than {WIDTH} px: {wide}"


def test_the_header_names_the_page_in_full(phone):
    archive, url, page = phone
    for c in archive.cycles[:2]:
        page.goto(url + f"{c.year}/")
        shown = page.evaluate(HEADER)
        assert len(shown) == 1 and str(c.year) in shown[0]["text"] and not shown[0]["cut"], shown


def test_the_year_navigation_goes_one_way_on_every_year_page(phone):
    archive, url, page = phone
    years = {f"{c.year}/" for c in archive.cycles}
    for i, c in enumerate(archive.cycles):
        newer = archive.cycles[i - 1] if i > 0 else None
        older = archive.cycles[i + 1] if i + 1 < len(archive.cycles) else None
        here = url + f"{c.year}/"
        page.goto(here)
        nav = page.evaluate(NAV)
        want = [*((("prev", f"{older.year}/", "←"),) if older else ()),
                *((("next", f"{newer.year}/", "→"),) if newer else ())]
        got = [(link["rel"], urlsplit(link["href"]).path.lstrip("/"), link["text"]) for link in nav["page"]]
        assert [(rel, path) for rel, path, _ in got] == [(rel, path) for rel, path, _ in want], (c.year, got)
        for (_, path, text), (_, _, arrow) in zip(got, want, strict=True):
            assert text.startswith(arrow) if arrow == "←" else text.endswith(arrow), (c.year, text)
            assert path.rstrip("/") in text, (c.year, text)
        # The theme's footer, where it shows at all, and the <head>'s links agree and stay among the years.
        for link in nav["footer"] + nav["head"]:
            path = urlsplit(urljoin(here, link["href"])).path.lstrip("/")
            assert path in years, (c.year, link)
            expected = older if "prev" in link["cls"] else newer
            assert expected and path == f"{expected.year}/", (c.year, link)
