"""Search as a visitor uses it (typed into the search box, lower case, often without å, ä, ö), and the keyboard:
skip link, search by keyboard alone, visible focus.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

# Query -> pages (addresses relative to the root) that must all be among the first three results.
QUERIES = {
    "sundsv": ["kommuner/sundsvall/"],
    "sundsvall": ["2021/", "kommuner/sundsvall/"],
    "zetterberg": ["personer/asa-zetterberg/", "2017/"],  # her page leads to every year she had a role
    "forsang": ["personer/mia-forsang/"],
    "westergren": ["2017/"],
    "IT-kommun 2009": ["2009/"],
    "ledartröjan": ["2017/"],
    "ledartrojan": ["2017/"],
    "varmdo": ["kommuner/varmdo/", "2023/"],
    "värmdö": ["kommuner/varmdo/"],
    "alvdalen": ["kommuner/alvdalen/"],
    "ostersund": ["kommuner/ostersund/"],
    "vaxjo": ["kommuner/vaxjo/"],
    "lidingo": ["kommuner/lidingo/"],
    "lidingo 2019": ["2019/"],
    "upplands vasby": ["kommuner/upplands-vasby/"],
    "helsingborg": ["kommuner/helsingborg/"],
    "goteborg": ["kommuner/goteborg/"],
    "malmo": ["kommuner/malmo/"],
    "umea": ["kommuner/umea/"],
    "kalix": ["kommuner/kalix/"],
    "nacka": ["kommuner/nacka/"],
    "karlstad": ["kommuner/karlstad/"],
    "falkenberg": ["kommuner/falkenberg/"],
    "stockholm": ["kommuner/stockholm/"],
    "namnbytet": ["om/"],
    "tillganglighet": ["tillganglighet/"],
}
NONSENSE = "qzxqzx"

# The result list after a query: the status line and the address of each top-level result (one per page).
RESULTS = """() => ({
  meta: document.querySelector('.md-search-result__meta').textContent.trim(),
  links: [...document.querySelectorAll('.md-search-result__list > li > a')].map(a => a.href),
})"""


def open_search(page):
    """At desktop width the search field is always shown; on a phone the header's search button opens it."""
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    return box


def run_query(page, query: str) -> dict:
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length === 0")
    page.evaluate("() => { window.__results = null; }")
    box.press_sequentially(query, delay=10)
    # The search worker answers each keystroke; the list is final once it shows a count or "no results" and has not
    # changed for 300 ms.
    page.wait_for_function(
        """() => { const meta = document.querySelector('.md-search-result__meta').textContent.trim();
                   const links = [...document.querySelectorAll('.md-search-result__list > li > a')].map(a => a.href);
                   const state = JSON.stringify([meta, links]), now = performance.now();
                   if (window.__results !== state) { window.__results = state; window.__since = now; return false; }
                   return /sökresultat/.test(meta) && now - window.__since > 300; }""",
        polling=50, timeout=15_000)
    return page.evaluate(RESULTS)


@pytest.fixture(scope="module")
def search_results(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(site_url + "2023/")
    open_search(page)
    page.wait_for_function("() => !/Initialiserar/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=30_000)
    out = {}
    for query in [*QUERIES, NONSENSE]:
        found = run_query(page, query)
        out[query] = {"meta": found["meta"],
                      "pages": [urlsplit(h).path.removeprefix(urlsplit(site_url).path) for h in found["links"]]}
    context.close()
    return out


@pytest.mark.parametrize("query", list(QUERIES))
def test_search_finds_the_page(search_results, query):
    top = search_results[query]["pages"][:3]
    missing = [p for p in QUERIES[query] if p not in top]
    assert not missing, f"{query!r}: {missing} not among the first three results {search_results[query]['pages'][:6]}"


def test_search_hit_rate(search_results):
    hits = sum(all(p in search_results[q]["pages"][:3] for p in QUERIES[q]) for q in QUERIES)
    print(f"search: {hits}/{len(QUERIES)} queries found every expected page in the first three results")
    assert len(QUERIES) >= 22 and hits == len(QUERIES)


def test_nonsense_finds_nothing(search_results):
    assert search_results[NONSENSE] == {"meta": "Inga sökresultat", "pages": []}


# --- keyboard -------------------------------------------------------------------------------------------------

FOCUS_STYLE = """() => { const e = document.activeElement; const cs = getComputedStyle(e);
  return {tag: e.tagName, cls: e.className, text: (e.textContent || '').trim().slice(0, 40), href: e.getAttribute('href'),
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
    assert page.evaluate("() => !!document.activeElement.closest('.md-search-result__item')"), page.evaluate(FOCUS_STYLE)
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
