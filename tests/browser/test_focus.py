"""Keyboard focus to WCAG 2.2 AA, pressed through with Tab in Chromium: every stop is something a reader can see
(no stop on the closed search's result list or the closed menu drawer), and every focus ring has at least 3:1
contrast against what is around it, on the blue header and the dark footer too (1.4.11 non-text contrast). The walk
itself is tests/browser/focus_walk.py."""

from __future__ import annotations

import pytest
from focus_walk import tab_stops

MIN_CONTRAST = 3.0
WIDTHS = (360, 1280)


# The pages walked: the home page and the newest year (most stops: sections, sources), and a municipality's page.
def walked(archive) -> list[str]:
    newest = archive.cycles[0]
    kommun = newest.winner.kommuner[0]
    return ["", f"{newest.year}/", f"kommuner/{kommun.slug}/"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", WIDTHS)
def test_every_tab_stop_is_shown_with_a_ring_of_3_to_1(browser, site_url, archive, scheme, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    try:
        page = context.new_page()
        for path in walked(archive) if scheme == "light" else [""]:
            page.goto(site_url + path)
            stops = tab_stops(page)
            assert len(stops) > 10, (path, stops)
            # The header's links and buttons are among the stops: the ring on the blue header is judged too.
            assert any("md-header" in s["name"] or "md-search__input" in s["name"] for s in stops), stops
            hidden = [s["name"] for s in stops if not s["shown"]]
            assert not hidden, f"{path} at {width} px ({scheme}): Tab stops on what is not shown: {hidden}"
            faint = [(s["name"], round(s["contrast"], 2)) for s in stops
                     if s["outline"] < 1 or s["contrast"] < MIN_CONTRAST]
            assert not faint, f"{path} at {width} px ({scheme}): focus rings under {MIN_CONTRAST}:1: {faint}"
    finally:
        context.close()
