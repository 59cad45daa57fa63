"""What GitHub users meet in the built site: the "Föreslå en rättelse" links open the correction form with the page
filled in, and the preview that pull requests upload works the way the job summary tells a reviewer to open it."""

from __future__ import annotations

import functools
import re
import threading
import urllib.error
import urllib.request
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

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


# --- The preview ----------------------------------------------------------------------------------------------

def preview_instructions() -> tuple[str, str]:
    """The folder and address the job summary gives: `python3 -m http.server -d FOLDER`, then http://localhost:…/."""
    pr = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text(encoding="utf-8"))
    (job,) = pr["jobs"].values()
    note = next(s["run"] for s in job["steps"] if "http.server" in s.get("run", ""))
    folder = re.search(r"python3 -m http\.server -d (\S+)", note).group(1)
    address = re.search(r"<(http://localhost:\d+/[^>]*)>", note).group(1)
    return folder, address


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def test_preview_served_as_the_summary_says_has_no_broken_links(built_site, tmp_path):
    folder, address = preview_instructions()
    # The zip holds site/'s contents; unpacked into FOLDER and served from the folder around it with -d FOLDER.
    (tmp_path / folder).symlink_to(built_site, target_is_directory=True)
    handler = functools.partial(Quiet, directory=str(tmp_path / folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        root = f"http://127.0.0.1:{server.server_port}/"
        seen, queue, broken = set(), [root + urlsplit(address).path.lstrip("/")], []
        while queue:
            url = queue.pop()
            if url in seen:
                continue
            seen.add(url)
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    body = response.read()
                    kind = response.headers.get_content_type()
            except urllib.error.HTTPError as exc:
                broken.append((url, exc.code))
                continue
            if kind != "text/html":
                continue
            links = Links()
            links.feed(body.decode("utf-8"))
            for href in [h for h, _ in links.anchors] + links.sources:
                target = urljoin(url, href).split("#")[0]
                if target.startswith(root):
                    queue.append(target)
        assert not broken, broken[:10]
        # The whole site was reached from the start page: every page but the redirects, which nothing links to.
        reached = {u.removeprefix(root) for u in seen if u.endswith("/")}
        pages = {"" if p.parent == built_site else p.parent.relative_to(built_site).as_posix() + "/"
                 for p in built_site.rglob("index.html")}
        redirects = {p for p in pages if 'http-equiv="refresh"' in (built_site / p / "index.html").read_text("utf-8")}
        assert reached == pages - redirects
        assert any(u.endswith("/arkiv.json") for u in seen)
        # And each redirect leads to a page that is there.
        for path in sorted(redirects):
            body = (built_site / path / "index.html").read_text(encoding="utf-8")
            target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', body).group(1)
            with urllib.request.urlopen(urljoin(root + path, target), timeout=10) as response:
                assert response.status == 200, (path, target)
    finally:
        server.shutdown()
        server.server_close()
