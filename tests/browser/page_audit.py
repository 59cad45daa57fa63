"""The pass over every page in Chromium (test_pages_1.py, test_pages_2.py and test_pages_3.py each run it on one part):
axe-core (WCAG 2.2 A/AA), no request to any other host, no cookies, nothing stored in the
browser, no sideways scrolling on a phone, the Content-Security-Policy on every page and nothing it blocks.

Every page is audited once (light colours, 360 px); one page of each template (the largest, so the richest: a year,
a municipality, a person, and each page with a template of its own) and the pages with screenshots are audited in
light and dark colours at 360 and 1280 px. Pages of one template differ only in their data, which is escaped text.
One pass over the site per colour scheme gathers everything (the `audit` fixture); the tests below judge it.
A few tabs run at once: axe runs inside each tab's renderer process, so they work in parallel. The pages are dealt into
PARTS parts of about the same work (`parts`), each audited and judged on its own by a test file that imports the
fixtures and tests below and names its PART, so that `dev.py test`'s workers (a file each) share the pass.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from cancelled import cancelled
from violations import RECORD_VIOLATIONS, VIOLATIONS

SCHEMES = ("light", "dark")
WIDTHS = (360, 1280)
HEIGHT = 800
TABS = 3  # pages loaded and checked at the same time per colour scheme
PARTS = 3  # the pass is dealt out in this many parts, one per worker of `dev.py test`
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
SCREENSHOTS = {"": "start", "2023/": "2023", "kommuner/varmdo/": "kommuner-varmdo", "kommuner/": "kommuner",
               "statistik/": "statistik", "luckor/": "luckor",
               "personer/patrik-sundstrom/": "personer-patrik-sundstrom"}


# Pages made from one template share a kind: every year page, every municipality page, every person page.
TEMPLATE_KINDS = ((re.compile(r"^\d{4}/$"), "year"), (re.compile(r"^kommuner/[^/]+/$"), "kommun"),
                  (re.compile(r"^personer/[^/]+/$"), "person"))


def template_kind(path: str) -> str:
    return next((kind for pattern, kind in TEMPLATE_KINDS if pattern.match(path)), path)


@pytest.fixture(scope="session")
def representatives(page_paths, built_site) -> set[str]:
    """The largest page of each template, and the pages with screenshots: audited in both schemes at both widths."""
    best: dict[str, str] = {}
    for path in page_paths:
        kind = template_kind(path)
        if kind not in best or page_size(built_site, path) > page_size(built_site, best[kind]):
            best[kind] = path
    return set(best.values()) | (set(SCREENSHOTS) & set(page_paths))


def axe_source() -> str:
    import axe_playwright_python
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


# Starts axe in the tab and returns at once; `axe_collect` waits for the answer. Lets several tabs run together.
AXE_START = """opts => {
  window.__axe = null;
  axe.run(document, opts).then(r => {
    window.__axe = r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                summary: (n.failureSummary || '').split('\\n').slice(0, 2).join(' ')}))}));
  }, e => { window.__axe = [{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]; });
}"""

# The page at rest: every running transition or animation (the theme fades colours after a resize, the search field's
# background among them) taken to its end state at once with Web Animations' finish() (asking for the animations
# brings the page's styles up to date first); an endless one is left. Then nothing is running. Waiting for the fades
# to end instead left the cores idle for up to half a second a page.
SETTLE = """() => {
  for (const a of document.getAnimations()) { try { a.finish(); } catch (e) { /* endless: left running */ } }
  return document.getAnimations().every(a => a.playState !== 'running');
}"""

# The widest table's right edge in the article (a table in a scrolling box counts at its full width).
TABLE_RIGHT = """Math.max(0, ...[...document.querySelectorAll('article table')].map(t => t.getBoundingClientRect().left
    + t.scrollWidth))"""

# Kinds of page on which no table may be wider than a phone's screen (/statistik/ and /data/ give theirs a box of
# their own to scroll sideways in).
NARROW_TABLES = ("year", "kommun", "person", "")

STATE = """() => ({
  tableRight: """ + TABLE_RIGHT + """,
  policy: document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content,
  local: Object.keys(localStorage), session: Object.keys(sessionStorage),
  scrollWidth: document.scrollingElement.scrollWidth, clientWidth: document.scrollingElement.clientWidth,
  scheme: document.body.getAttribute('data-md-color-scheme'),
})"""


@dataclass
class Audit:
    violations: dict = field(default_factory=dict)  # (scheme, width, path) -> list of violations
    foreign: dict = field(default_factory=dict)  # path -> urls of requests to another host
    failed: dict = field(default_factory=dict)  # path -> local requests that failed (404 etc.)
    search_index: dict = field(default_factory=dict)  # path -> requests for the search index (none: nothing opens it)
    cookies: dict = field(default_factory=dict)  # scheme -> cookies in the context after every page
    storage: dict = field(default_factory=dict)  # (scheme, path) -> {"local": [...], "session": [...]}
    overflow: dict = field(default_factory=dict)  # (scheme, path) -> (scrollWidth, clientWidth) at 360 px
    table_right: dict = field(default_factory=dict)  # (scheme, path) -> the widest article table's right edge at 360
    scheme_attr: dict = field(default_factory=dict)  # (scheme, path) -> data-md-color-scheme
    policy: dict = field(default_factory=dict)  # (scheme, path) -> the page's Content-Security-Policy
    blocked: dict = field(default_factory=dict)  # (scheme, path) -> Content-Security-Policy violations, if any


# A page's size on disk: how much axe has to judge on it.
def page_size(built_site: Path, path: str) -> int:
    page = built_site / path / "index.html" if path.endswith("/") or not path else built_site / path
    return page.stat().st_size if page.is_file() else 0


@pytest.fixture(scope="session")
def parts(page_paths, representatives, built_site) -> list[list[str]]:
    """The pages dealt into PARTS parts of about the same work, each in the site's order: a page weighs its size, four
    times over for a representative (audited four times), and goes, heaviest first, to the part that weighs least."""
    def weight(path: str) -> int:
        return max(page_size(built_site, path), 1) * (4 if path in representatives else 1)
    dealt: list[list[str]] = [[] for _ in range(PARTS)]
    load = [0] * PARTS
    for path in sorted(page_paths, key=lambda p: (-weight(p), p)):
        lightest = load.index(min(load))
        dealt[lightest].append(path)
        load[lightest] += weight(path)
    order = {p: i for i, p in enumerate(page_paths)}
    return [sorted(part, key=order.__getitem__) for part in dealt]


@pytest.fixture(scope="module")
def part(request, parts) -> list[str]:
    """The test file's part of the site (its PART)."""
    return parts[request.module.PART]


@pytest.fixture(scope="module")
def audit(browser, site_url, part, representatives, artifacts) -> Audit:
    result = Audit()
    page_paths = part
    host = urlsplit(site_url).netloc
    axe_js = axe_source()
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    for scheme in SCHEMES:
        context = browser.new_context(viewport={"width": WIDTHS[0], "height": HEIGHT}, color_scheme=scheme)
        context.add_init_script(RECORD_VIOLATIONS)
        tabs = [context.new_page() for _ in range(TABS)]
        current: dict = {}

        def watch(tab, current=current):
            def on_request(request):
                path = current.get(tab)
                if urlsplit(request.url).netloc != host and not request.url.startswith(("data:", "blob:")):
                    result.foreign.setdefault(path, []).append(request.url)
                if urlsplit(request.url).path.endswith("/search/search_index.json"):
                    result.search_index.setdefault(path, []).append(request.url)

            def on_response(response):
                # Only the 404 page itself may answer 404.
                if response.status >= 400 and urlsplit(response.url).path.lstrip("/") != current.get(tab):
                    result.failed.setdefault(current.get(tab), []).append(f"{response.status} {response.url}")

            tab.on("request", on_request)
            tab.on("response", on_response)
            tab.on("requestfailed", lambda r: cancelled(r.failure, r.url)
                   or result.failed.setdefault(current.get(tab), []).append(f"failed {r.url} ({r.failure})"))

        for tab in tabs:
            watch(tab)
        # Light: every page (then the representatives at 1280 px too); dark: the representatives.
        paths = page_paths if scheme == "light" else [p for p in page_paths if p in representatives]
        paths = sorted(paths, key=lambda p: p not in representatives)
        for start in range(0, len(paths), TABS):
            batch = list(zip(tabs, paths[start:start + TABS], strict=False))
            for tab, path in batch:
                tab.set_viewport_size({"width": WIDTHS[0], "height": HEIGHT})
                current[tab] = path
                tab.goto(site_url + path, wait_until="load")
            for tab, path in batch:
                state = tab.evaluate(STATE)
                result.storage[(scheme, path)] = {"local": state["local"], "session": state["session"]}
                result.overflow[(scheme, path)] = (state["scrollWidth"], state["clientWidth"])
                result.table_right[(scheme, path)] = state["tableRight"]
                result.scheme_attr[(scheme, path)] = state["scheme"]
                result.policy[(scheme, path)] = state["policy"]
                if scheme == "light" and path in SCREENSHOTS:
                    tab.screenshot(path=artifacts / f"{SCREENSHOTS[path]}-360.png", full_page=True)
                tab.evaluate(axe_js)
            for width in WIDTHS:
                batch = [(tab, path) for tab, path in batch if width == WIDTHS[0] or path in representatives]
                for tab, _path in batch:
                    tab.set_viewport_size({"width": width, "height": HEIGHT})
                for tab, _path in batch:
                    tab.wait_for_function(SETTLE, polling=50, timeout=10_000)  # judged at rest
                    tab.evaluate(AXE_START, options)
                for tab, path in batch:
                    tab.wait_for_function("() => window.__axe !== null", timeout=60_000)
                    result.violations[(scheme, width, path)] = tab.evaluate("() => window.__axe")
                for tab, path in batch:
                    if violations := tab.evaluate(VIOLATIONS):
                        result.blocked[(scheme, path)] = violations
                if scheme == "light" and width == 1280:
                    for tab, path in batch:
                        if path in SCREENSHOTS:
                            tab.screenshot(path=artifacts / f"{SCREENSHOTS[path]}-1280.png", full_page=True)
        result.cookies[scheme] = context.cookies()
        context.close()
    return result


def describe(found: dict) -> str:
    lines = []
    for key, violations in found.items():
        for v in violations:
            nodes = "; ".join(f"{n['target']} ({n['summary']})" for n in v["nodes"][:3])
            lines.append(f"{key}: {v['id']} [{v['impact']}] {v['help']}: {nodes}")
    return "\n".join(lines)


def test_every_page_was_audited(audit, part, parts, page_paths, representatives, archive):
    assert len(page_paths) > 40
    # The parts share the pages out: each page in one part, and no part empty.
    assert sorted(p for dealt in parts for p in dealt) == sorted(page_paths) and all(parts)
    # The people, gaps and privacy pages are in the pass like every other page.
    assert {"personer/", "luckor/", "integritet/"} | {p.url for p in archive.people} <= set(page_paths)
    assert {p for _s, _w, p in audit.violations} == set(part)
    assert all(("light", WIDTHS[0], p) in audit.violations for p in part)
    # Each template in both schemes at both widths: a year, a municipality, a person, and every page of its own.
    kinds = {template_kind(p) for p in page_paths}
    assert {"year", "kommun", "person"} <= kinds
    assert {template_kind(p) for p in representatives} == kinds
    for scheme in SCHEMES:
        for width in WIDTHS:
            assert all((scheme, width, p) in audit.violations for p in representatives & set(part))


def test_axe_no_wcag_violations(audit):
    found = {k: v for k, v in audit.violations.items() if v}
    assert not found, f"{sum(len(v) for v in found.values())} axe violations:\n{describe(found)}"


def test_colour_scheme_follows_the_visitor(audit, part):
    # prefers-color-scheme picks Material's palette: default (light) or slate (dark) on every page.
    expected = {"light": "default", "dark": "slate"}
    assert {p for s, p in audit.scheme_attr if s == "light"} == set(part)
    wrong = {k: v for k, v in audit.scheme_attr.items() if v != expected[k[0]]}
    assert not wrong


def test_every_page_carries_the_policy_and_breaks_none_of_it(audit, part):
    from arkiv.site.policy import CONTENT_SECURITY_POLICY
    assert {p for s, p in audit.policy if s == "light"} == set(part)
    assert set(audit.policy.values()) == {CONTENT_SECURITY_POLICY}
    print(f"Content-Security-Policy: {len(part)} pages audited, {len(audit.blocked)} with violations")
    assert not audit.blocked, json.dumps({f"{s} {p}": v for (s, p), v in audit.blocked.items()}, indent=1)


def test_no_request_to_another_host(audit):
    assert not audit.foreign, json.dumps(audit.foreign, indent=1)


def test_no_page_fetches_the_search_index_before_the_search_is_opened(audit):
    # Every page, loaded and audited without opening the search: the search script holds the theme's request for the
    # index until then (tests/browser/test_search_lazy_index.py opens it).
    assert not audit.search_index, json.dumps(audit.search_index, indent=1)


def test_no_broken_local_request(audit):
    assert not audit.failed, json.dumps(audit.failed, indent=1)


def test_no_cookies(audit):
    assert audit.cookies == {"light": [], "dark": []}


def test_nothing_stored_in_the_browser(audit):
    stored = {f"{s} {p}": v for (s, p), v in audit.storage.items() if v["local"] or v["session"]}
    assert not stored, stored


def test_no_sideways_scrolling_at_360(audit):
    wide = {f"{s} {p}": v for (s, p), v in audit.overflow.items() if v[0] > v[1]}
    assert not wide, wide


# On a phone no table on the home page or on a year, municipality or person page is wider than the screen (for the
# small archive: test_phone.py).
def test_no_table_is_wider_than_the_screen_at_360(audit, part):
    narrow = [p for p in part if template_kind(p) in NARROW_TABLES]
    assert {p for s, p in audit.table_right if s == "light"} >= set(narrow)
    clients = {p: client for (s, p), (_scroll, client) in audit.overflow.items() if s == "light"}
    wide = {p: (audit.table_right[("light", p)], clients[p]) for p in narrow
            if audit.table_right[("light", p)] > clients[p] + 0.5}
    assert not wide, f"tables wider than {WIDTHS[0]} px: {wide}"


def test_screenshots_saved(audit, part, page_paths, artifacts):
    assert set(SCREENSHOTS) <= set(page_paths), "every page with screenshots is in one of the parts"
    for path, name in SCREENSHOTS.items():
        if path not in part:
            continue  # another part's audit takes it
        for width in WIDTHS:
            shot = artifacts / f"{name}-{width}.png"
            assert shot.is_file() and shot.stat().st_size > 5_000, shot


