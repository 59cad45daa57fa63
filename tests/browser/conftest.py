"""Browser tier: the built site served on 127.0.0.1 and driven in Debian's Chromium through Playwright.

One local server, one Chromium for the whole session. The site is published under /arkiv/ (site_url), but every
generated page links relatively, so the server answers at the root; it also answers under /arkiv/ and sends the
theme's 404.html for unknown addresses, like GitHub Pages, so the 404 page (absolute /arkiv/ links) works too.
"""

from __future__ import annotations

import functools
import http.server
import io
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
MOUNT = "/arkiv/"
MISSING = MOUNT + "finns-inte/"  # an address that is not in the site: served the 404 page
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files from the built site, at / and at /arkiv/; 404.html for anything missing."""

    def translate_path(self, path):
        parts = urlsplit(path)
        p = parts.path
        if p.startswith(MOUNT):
            p = "/" + p[len(MOUNT):]
        return super().translate_path(p)

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if (path.is_dir() and not (path / "index.html").exists()) or (not path.is_dir() and not path.exists()):
            body = (Path(self.directory) / "404.html").read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return io.BytesIO(body)
        return super().send_head()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(SiteHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def page_paths(built_site) -> list[str]:
    """Every page as an address relative to the root ("", "2023/", "kommuner/varmdo/"), then the 404 page."""
    paths = []
    for html in sorted(built_site.rglob("*.html")):
        rel = html.relative_to(built_site).as_posix()
        if rel == "404.html" or 'http-equiv="refresh"' in html.read_text(encoding="utf-8")[:2000]:
            continue  # the 404 page is visited at a missing address; a redirect stub lands on a page checked itself
        paths.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return [*paths, MISSING.lstrip("/")]


@pytest.fixture(scope="session")
def browser():
    # The tier fails, never skips, without Chromium: `python3 dev.py test` installs it.
    assert CHROMIUM.exists(), f"{CHROMIUM} is missing: run `python3 dev.py test` (installs Debian's chromium)"
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
