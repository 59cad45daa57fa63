"""What a visitor's own choices do in Chromium: the palette switch and the gaps table. (Every page is audited in
page_audit.py, in parts: test_pages_1.py to test_pages_3.py.)
"""

from __future__ import annotations

import json

from page_audit import HEIGHT


# Switching the palette is the only thing that may store anything, and then only the palette.
def test_palette_switch_stores_only_the_palette(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": HEIGHT}, color_scheme="light")
    try:
        page = context.new_page()
        page.goto(site_url + "2023/")
        assert page.evaluate("Object.keys(localStorage)") == []
        page.locator("[data-md-component=palette] label:not([hidden])").click()
        page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
        keys = page.evaluate("Object.keys(localStorage)")
        assert len(keys) == 1 and keys[0].endswith(".__palette"), keys
        assert json.loads(page.evaluate(f"localStorage.getItem({json.dumps(keys[0])})"))["color"]["scheme"] == "slate"
        page.goto(site_url + "om/")  # the choice holds on the next page
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        assert page.evaluate("Object.keys(localStorage)") == keys
        assert page.evaluate("Object.keys(sessionStorage)") == [] and context.cookies() == []
    finally:
        context.close()


# /luckor/ reflows instead of scrolling: one block per cycle on a phone, a whole table (nothing cut off) on a desktop.
def test_gaps_table_reflows_on_a_phone_and_fits_on_a_desktop(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": HEIGHT})
    try:
        page = context.new_page()
        page.goto(site_url + "luckor/")
        table = page.locator(".arkiv-knowledge table")
        assert table.evaluate("t => getComputedStyle(t).display") == "block"
        assert table.evaluate("t => getComputedStyle(t.querySelector('tbody tr')).display") == "grid"
        label = page.locator(".arkiv-knowledge tbody tr").nth(1).locator(".arkiv-cell-label").first
        assert label.is_visible() and label.inner_text().strip().endswith(":")
        # Read as a table even when laid out as blocks: rows, cells and the column headings for screen readers.
        assert page.get_by_role("table").count() == 1
        assert page.get_by_role("columnheader").count() > 5 and page.get_by_role("rowheader").count() > 5
        page.set_viewport_size({"width": 1280, "height": HEIGHT})
        assert table.evaluate("t => getComputedStyle(t).display") == "table"
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1")
        assert not label.is_visible()
    finally:
        context.close()
