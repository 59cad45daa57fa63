"""What GitHub users meet in the built site: the "Föreslå en rättelse" links open the correction form with the page
filled in. (The preview that pull requests upload, opened as the job summary says, is tests/browser/test_offline.py.)"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from arkiv.site import corrections

pytestmark = pytest.mark.build
ROOT = Path(__file__).resolve().parents[2]
LINK_TEXT = "föreslå en rättelse"


class Links(HTMLParser):
    """Every <a href> with its text, the canonical address, and every src of the page."""

    def __init__(self):
        super().__init__()
        self.anchors: list[tuple[str, str]] = []
        self.canonical = ""
        self.sources: list[str] = []
        self._open: list[list] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and "href" in a:
            self._open.append([a["href"], ""])
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a["href"]
        if tag in ("link", "script", "img") and (a.get("href") or a.get("src")) and a.get("rel") != "canonical":
            self.sources.append(a.get("href") or a.get("src"))

    def handle_data(self, data):
        for link in self._open:
            link[1] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open:
            href, text = self._open.pop()
            self.anchors.append((href, " ".join(text.split())))


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def repo_url() -> str:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["repo_url"].rstrip("/")


def test_every_correction_link_opens_the_form_with_its_page(built_site, archive):
    found = {}
    for page in sorted(built_site.rglob("*.html")):
        links = parse(page)
        for href, text in links.anchors:
            if text.casefold() != LINK_TEXT:
                continue
            url = urlsplit(href)
            assert f"{url.scheme}://{url.netloc}{url.path}" == f"{repo_url()}/issues/new", href
            query = {k: v[0] for k, v in parse_qs(url.query, strict_parsing=True).items()}
            assert query["template"] == corrections.FORM
            assert query["title"].startswith(corrections.TITLE)
            found[page.relative_to(built_site).as_posix()] = (query, links.canonical)
    # Every year page, municipality page and person page has one, filled in with its own name and address.
    for c in archive.cycles:
        query, canonical = found.pop(f"{c.year}/index.html")
        assert query["title"] == f"Rättelse: {c.year}"
        assert query[corrections.PAGE_FIELD] == f"{c.year} ({canonical})"
    for k in archive.kommuner:
        query, canonical = found.pop(f"kommuner/{k.slug}/index.html")
        assert query["title"] == f"Rättelse: {k.own_name}"
        assert query[corrections.PAGE_FIELD] == f"{k.own_name} ({canonical})"
    for p in archive.people:
        query, canonical = found.pop(f"{p.url}index.html")
        assert query["title"] == f"Rättelse: {p.name}"
        assert query[corrections.PAGE_FIELD] == f"{p.name} ({canonical})"
    # The about page's general link opens the form with nothing filled in; no other page has one.
    query, _ = found.pop("om/index.html")
    assert query == {"template": corrections.FORM, "title": corrections.TITLE}
    assert found == {}


def test_no_page_sends_readers_to_the_code_editor(built_site):
    for page in built_site.rglob("*.html"):
        assert "/edit/main/" not in page.read_text(encoding="utf-8"), page
