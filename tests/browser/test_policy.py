"""The pages' Content-Security-Policy in Chromium (arkiv.site.policy): what a visitor does breaks none of it, and a
script that slipped into a page, as a slip in escaping would put it there, does not run.

Every page of the whole-site audit is also checked for violations (tests/browser/test_pages.py); here the things a
visitor does that load more code or images: the search (its worker and index), the colour switch, the maps, printing,
and the addresses people share (a section's #anchor, a search's ?q=).
"""

from __future__ import annotations

import pytest
from search_box import open_search, run_query
from violations import RECORD_VIOLATIONS, VIOLATIONS

from arkiv.site.policy import CONTENT_SECURITY_POLICY

POLICY = "() => document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content"

# What a slip in escaping would write into a page: an element, a handler and a javascript: link from the data.
PLANTED = ('<script>(window.__planted = window.__planted || []).push("script")</script>'
           '<img src="data:," onerror="(window.__planted = window.__planted || []).push(\'handler\')" alt="">'
           '<a id="planted-link" href="javascript:void (window.__planted = window.__planted || []).push(\'link\')">'
           'länk</a>')


@pytest.fixture
def tab(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.add_init_script(RECORD_VIOLATIONS)
    try:
        yield context.new_page()
    finally:
        context.close()


def test_search_colour_switch_maps_print_and_shared_addresses_break_no_policy(tab, site_url):
    seen = {}
    # A search, its worker and index, and a result followed: clicked, and with Enter in the search form.
    tab.goto(site_url + "2023/")
    assert tab.evaluate(POLICY) == CONTENT_SECURITY_POLICY
    open_search(tab)
    found = run_query(tab, "värmdö")
    assert found["items"], found
    seen["2023/ (sökning)"] = tab.evaluate(VIOLATIONS)
    tab.locator(".md-search-result__list > li > a").first.click()
    tab.wait_for_url("**/?h=*")
    seen["sökträff"] = tab.evaluate(VIOLATIONS)
    tab.goto(site_url + "om/")
    open_search(tab)
    run_query(tab, "kalix")
    tab.locator("input.md-search__input").press("Enter")
    tab.wait_for_url("**/kalix/?h=kalix")
    seen["sökträff med Enter"] = tab.evaluate(VIOLATIONS)
    # The colour switch, twice, then a page loaded with the stored choice.
    tab.goto(site_url + "om/")
    for scheme in ("slate", "default"):
        tab.locator("[data-md-component=palette] label:not([hidden])").click()
        tab.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') === '{scheme}'")
    tab.locator("[data-md-component=palette] label:not([hidden])").click()
    tab.goto(site_url + "statistik/")
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    seen["om/ (färgväxling)"] = tab.evaluate(VIOLATIONS)
    # The maps: the whole country with its zoomed parts, a municipality's locator map; hovered and followed.
    tab.goto(site_url + "kommuner/")
    tab.locator(".arkiv-map__svg a").first.hover()
    tab.locator(".arkiv-map__svg a").first.click()
    tab.wait_for_load_state()
    assert tab.locator(".arkiv-map__svg, svg").count() > 0
    seen["kommuner/ (kartan)"] = tab.evaluate(VIOLATIONS)
    # Print: the print style sheet and a PDF.
    tab.goto(site_url + "2023/")
    tab.emulate_media(media="print")
    assert tab.pdf().startswith(b"%PDF")
    tab.emulate_media(media="screen")
    seen["2023/ (utskrift)"] = tab.evaluate(VIOLATIONS)
    # Shared addresses: a section's anchor (the theme's anchor script reads it) and a shared search.
    tab.goto(site_url + "2023/#jury")
    assert tab.evaluate("location.hash") == "#jury"
    seen["2023/#jury"] = tab.evaluate(VIOLATIONS)
    tab.goto(site_url + "kommuner/?q=nacka")
    tab.wait_for_function("() => document.querySelectorAll('.md-search-result__list > li').length > 0", timeout=30_000)
    seen["kommuner/?q=nacka"] = tab.evaluate(VIOLATIONS)
    found = {where: v for where, v in seen.items() if v}
    assert not found, found


def test_a_planted_script_does_not_run(tab, site_url, built_site):
    page = (built_site / "2023" / "index.html").read_text(encoding="utf-8")
    assert page.count("<p>") > 3
    planted = page.replace("<p>", "<p>" + PLANTED, 1)

    # The page as a slip would leave it, served at its own address.
    def serve(html):
        tab.route(site_url + "2023/", lambda route: route.fulfill(status=200, content_type="text/html", body=html))
        tab.goto(site_url + "2023/")
        tab.locator("#planted-link").click()
        tab.wait_for_timeout(200)
        tab.unroute(site_url + "2023/")
        return tab.evaluate("() => window.__planted"), tab.evaluate(VIOLATIONS)

    ran, violations = serve(planted)
    assert ran is None
    # Each reported: the element and the link as inline script, the handler as an inline attribute.
    assert sorted((v["directive"], v["blocked"]) for v in violations) == [
        ("script-src-attr", "inline"), ("script-src-elem", "inline"), ("script-src-elem", "inline")], violations
    # The page's own scripts still ran: the theme's bundle built the search and the palette.
    assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    assert tab.evaluate("() => typeof __md_scope === 'object' && __md_scope.pathname") == "/"
    # Without the policy the same planted code runs, so the policy is what stopped it.
    unguarded = planted.replace(f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">', "")
    assert unguarded != planted
    ran, violations = serve(unguarded)
    assert ran == ["script", "handler", "link"] and not violations
