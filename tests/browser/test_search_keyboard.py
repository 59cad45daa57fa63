"""The keyboard: skip link, search by keyboard alone, visible focus. (How search ranks is test_search_ranking.py.)"""

from __future__ import annotations

import pytest

FOCUS_STYLE = """() => { const e = document.activeElement; const cs = getComputedStyle(e);
  return {tag: e.tagName, cls: e.className, text: (e.textContent || '').trim().slice(0, 40),
          href: e.getAttribute('href'),
          outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0, shadow: cs.boxShadow !== 'none'}; }"""


@pytest.fixture()
def keyboard_page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("width", [360, 1280])
def test_skip_link_is_first_and_moves_focus_past_the_menu(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + "2023/")
        page.keyboard.press("Tab")
        first = page.evaluate(FOCUS_STYLE)
        assert "md-skip" in first["cls"] and first["text"] == "Gå till innehållet", first
        assert page.locator("a.md-skip").is_visible(), "the skip link shows when it has focus"
        assert first["outline"] or first["shadow"], first
        page.keyboard.press("Enter")
        target = first["href"].split("#", 1)[1]
        page.wait_for_function("t => location.hash === '#' + t", arg=target)
        # The next Tab goes into the content, not back through the header and menu.
        page.keyboard.press("Tab")
        inside = page.evaluate("() => !!document.activeElement.closest('.md-content')")
        assert inside, page.evaluate(FOCUS_STYLE)
    finally:
        context.close()


@pytest.mark.parametrize("key", ["/", "s"])
def test_search_by_keyboard_alone(keyboard_page, site_url, key):
    page = keyboard_page
    page.goto(site_url + "om/")
    page.keyboard.press(key)
    assert page.evaluate("() => document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("alvdalen", delay=10)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li > a').length > 0")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(FOCUS_STYLE)
    assert focused["tag"] == "A" and "alvdalen" in focused["href"], focused
    page.keyboard.press("Enter")
    page.wait_for_url("**/kommuner/alvdalen/**")
    assert "Älvdalen" in page.locator("h1").inner_text()


def test_search_reachable_with_tab(keyboard_page, site_url):
    page = keyboard_page
    page.goto(site_url + "2023/")
    for _ in range(15):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("the search field is not reached with Tab from the top of the page")
    page.keyboard.type("goteborg", delay=10)
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li > a').length > 0")
    # The theme closes the search on Tab; the arrow keys move through the results, Enter opens one.
    page.keyboard.press("ArrowDown")
    in_results = "() => !!document.activeElement.closest('.md-search-result__item')"
    assert page.evaluate(in_results), page.evaluate(FOCUS_STYLE)
    page.keyboard.press("Enter")
    page.wait_for_url("**/kommuner/goteborg/**")


def test_focus_is_visible_on_everything_tabbed(keyboard_page, site_url):
    page = keyboard_page
    page.goto(site_url + "2023/")
    seen, invisible = 0, []
    for _ in range(60):
        page.keyboard.press("Tab")
        f = page.evaluate(FOCUS_STYLE)
        if f["tag"] == "BODY":
            break
        seen += 1
        if not (f["outline"] or f["shadow"]):
            invisible.append(f)
    assert seen > 20 and not invisible, invisible[:5]
