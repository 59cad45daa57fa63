"""Printing a year page on A4: the content without navigation, search or footer."""

from __future__ import annotations

import re


def test_print_year_page_shows_only_content(browser, site_url):
    page = browser.new_page()
    try:
        page.goto(site_url + "2023/")
        page.emulate_media(media="print")
        hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.md-sidebar--secondary',
            '.md-footer', '.md-search', '.arkiv-prevnext'].map(s => {
                const el = document.querySelector(s);
                return [s, el ? getComputedStyle(el).display : 'none'];
            })""")
        assert all(display == "none" for _, display in hidden), hidden
        visible = page.evaluate("""() => ['h1', '#i-korthet', '#motivering', '.arkiv-motivation', '#jury',
            '.arkiv-cite']
            .map(s => [s, document.querySelector(s).getBoundingClientRect().height > 0])""")
        assert all(shown for _, shown in visible), visible
        pdf = page.pdf(prefer_css_page_size=True)
        assert pdf.startswith(b"%PDF")
        # A4 is 595 × 842 points.
        sizes = set(re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf))
        assert sizes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in sizes), sizes
    finally:
        page.close()
