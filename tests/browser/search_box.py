"""The theme's search box driven the way a visitor uses it: type a query, wait for the list to settle, read it."""

from __future__ import annotations

from urllib.parse import urlsplit

# The result list after a query: the status line, and per page (one top-level item each) its address, the title
# and every preview text the item shows (the page's own teaser and its sections', folded-away ones included), without
# the theme's line of query words a result lacks ("Saknas: vasby"), which only echoes the query.
RESULTS = """() => ({
  meta: document.querySelector('.md-search-result__meta').textContent.trim(),
  items: [...document.querySelectorAll('.md-search-result__list > li')].map(li => ({
    href: li.querySelector(':scope > a').href,
    title: li.querySelector(':scope > a h1').textContent.trim(),
    html: li.innerHTML,
    text: [...li.querySelectorAll('article')].map(a => { const c = a.cloneNode(true);
      c.querySelectorAll('.md-search-result__terms').forEach(t => t.remove());
      return c.textContent.replace(/\\s+/g, ' ').trim(); }).join(' | '),
  })),
})"""

# True once the list shows a count or "no results" and has not changed for 200 ms.
SETTLED = """() => { const meta = document.querySelector('.md-search-result__meta').textContent.trim();
  const links = [...document.querySelectorAll('.md-search-result__list > li > a')].map(a => a.href);
  const state = JSON.stringify([meta, links]), now = performance.now();
  if (window.__results !== state) { window.__results = state; window.__since = now; return false; }
  return /sökresultat/.test(meta) && now - window.__since > 200; }"""


# At desktop width the search field is always shown; on a phone the header's search button opens it.
def open_search(page):
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label[for=__search]").first.click()
    box.click()
    return box


# Open a page's search and wait until the theme has loaded the index.
def ready_search(page, url: str):
    page.goto(url)
    open_search(page)
    page.wait_for_function("() => !/Initialiserar/.test(document.querySelector('.md-search-result__meta').textContent)",
                           timeout=30_000)


# Enter a query in the open search box and return the settled result list. The theme searches when a key is released
# and what a visitor reads is the result for the whole query, so the query is filled in and one key (End) pressed:
# typing it letter by letter ends the same way, only slower, and Chromium releases no key for a typed "ö".
def run_query(page, query: str) -> dict:
    box = page.locator("input.md-search__input")
    box.fill("")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length === 0")
    page.evaluate("() => { window.__results = null; }")
    box.fill(query)
    box.press("End")
    page.wait_for_function(SETTLED, polling=50, timeout=15_000)
    return page.evaluate(RESULTS)


# A result's address relative to the site root ("2009/", "kommuner/falkenberg/", "" for the home page).
def relative(href: str, site_url: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(site_url).path)


# Every query's results as {query: {"meta": ..., "pages": [...], "items": [...]}} from one browser tab.
def search_all(browser, site_url: str, queries) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        ready_search(page, site_url + "2023/")
        out = {}
        for query in queries:
            found = run_query(page, query)
            pages = [relative(i["href"], site_url) for i in found["items"]]
            out[query] = {"meta": found["meta"], "pages": pages, "items": found["items"]}
        return out
    finally:
        context.close()
