"""The map, the locator map, the timeline and the charts as Chromium exposes them, in light and dark colours.

axe, sideways scrolling at 360 px and outside requests are checked for every page in test_pages.py; this file checks
what only these pages have, and saves screenshots of the map in test-artifacts/.
"""

from __future__ import annotations

import re

import pytest

SCHEMES = ("light", "dark")
RANK = {"vinnare": 0, "finalist": 1, "nominerad": 2}


def and_list(items) -> str:
    items = [str(i) for i in items]
    return ", ".join(items[:-1]) + " och " + items[-1] if len(items) > 1 else items[0]


# A municipality's link name on the map, from the archive: its own name, its best result and that result's years.
def map_name(archive, name: str) -> str:
    k = next(k for k in archive.kommuner if k.name == name)
    roles = {}
    for a in archive.appearances(k.code):
        roles[a.year] = min(roles.get(a.year, a.role), a.role, key=RANK.get)
    best = min(roles.values(), key=RANK.get)
    return f"{k.own_name}: {best} {and_list(sorted(y for y, r in roles.items() if r == best))}"


# One tab per colour scheme for the whole file (every test opens its page afresh): a tab is most of a second of
# Chromium's work to make.
@pytest.fixture(scope="module", params=SCHEMES)
def page_in(request, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=request.param)
    page = context.new_page()
    page.scheme = request.param
    yield page
    context.close()


def test_map_links_carry_their_names_and_the_map_is_saved(page_in, site_url, artifacts, archive):
    page = page_in
    page.goto(site_url + "kommuner/")
    figure = page.locator("figure.arkiv-map__main")
    links = figure.get_by_role("link")
    assert links.count() == len(archive.kommuner)
    # A winner and a finalist (today "Värmdö kommun: vinnare 2023" and "Karlskrona kommun: finalist 2017").
    varmdo_name = map_name(archive, "Värmdö")
    assert varmdo_name.startswith("Värmdö kommun: vinnare ") and "2023" in varmdo_name
    for name in (varmdo_name, map_name(archive, "Karlskrona")):
        assert figure.get_by_role("link", name=name, exact=True).count() == 1, name
    # Named once: the <title> is the name, not also a description read after it (Chromium's accessibility tree).
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    varmdo = [n for n in nodes if n.get("name", {}).get("value") == varmdo_name]
    assert len(varmdo) == 1 and varmdo[0]["role"]["value"] == "link"
    assert not varmdo[0].get("description", {}).get("value")
    # The enlarged copy is for the pointer: none of its links is in the accessibility tree or the tab order.
    assert page.locator("figure.arkiv-map__zoom").get_by_role("link").count() == 0
    # The map is drawn in the palette's colours: dark land on the dark palette, light land on the light one.
    fill = page.locator("figure.arkiv-map__main use.arkiv-map__land").evaluate("u => getComputedStyle(u).fill")
    lightness = sum(int(v) for v in re.findall(r"\d+", fill)[:3]) / 3
    assert (lightness > 180) if page.scheme == "light" else (lightness < 90), fill
    page.set_viewport_size({"width": 1280, "height": 1400})  # the whole map in view: no header drawn over it
    page.wait_for_load_state("networkidle")  # the land comes from karta.svg
    page.locator("div.arkiv-map").screenshot(path=artifacts / f"karta-{page.scheme}.png")
    assert (artifacts / f"karta-{page.scheme}.png").stat().st_size > 10_000


def test_keyboard_reaches_a_map_link_and_shows_focus(page_in, site_url):
    page = page_in
    page.goto(site_url + "kommuner/")
    link = page.locator("figure.arkiv-map__main a").first
    link.evaluate("a => a.setAttribute('data-probe', '1')")
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.getAttribute('data-probe') === '1'"):
            break
    else:
        pytest.fail("Tab never reached the first municipality on the map")
    width = link.locator("path").evaluate("p => parseFloat(getComputedStyle(p).strokeWidth)")
    assert width >= 3


def test_locator_map_is_a_small_named_image(page_in, site_url):
    page = page_in
    page.goto(site_url + "kommuner/varmdo/")
    img = page.get_by_role("img", name=re.compile(r"^Karta: Värmdö kommun markerad på Sverigekartan"))
    assert img.count() == 1
    box = img.bounding_box()
    assert box["width"] <= 120 and box["height"] <= 260


def test_timeline_is_an_ordered_list(page_in, site_url, archive):
    page = page_in
    page.goto(site_url)
    timeline = page.locator("ol.arkiv-timeline")
    assert timeline.evaluate("ol => ol.tagName") == "OL"
    assert page.get_by_role("list").filter(has=page.get_by_role("link", name="2001", exact=True)).count() >= 1
    # Every year oldest first, then the next one, unknown and without a link.
    items = timeline.get_by_role("listitem")
    n = len(archive.cycles)
    assert items.count() == n + 1
    assert items.nth(0).get_by_role("link").inner_text() == str(archive.cycles[-1].year)
    unknown = items.nth(n)
    assert "Okänt" in unknown.inner_text() and unknown.get_by_role("link").count() == 0
    assert str(archive.cycles[0].year + archive.interval) in unknown.inner_text()


def test_every_chart_is_a_named_image(page_in, site_url):
    page = page_in
    page.goto(site_url + "statistik/")
    charts = page.locator("svg.arkiv-chart__svg")
    assert charts.count() == 5
    for i in range(5):
        name = charts.nth(i).evaluate("s => document.getElementById(s.getAttribute('aria-labelledby')).textContent")
        assert len(name) > 40
        assert charts.nth(i).get_attribute("role") == "img"
    # Each chart's table is there for whoever opens it.
    page.locator("details.arkiv-chart__table summary").first.click()
    assert page.locator("#tabell-lan").is_visible()
