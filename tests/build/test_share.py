"""Sharing a page: one canonical link, Open Graph and Twitter card tags with a 1200 × 630 share image, values escaped;
and on paper: a year page printed on A4 shows the content without navigation, header, search or footer."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

import pytest
import yaml
from PIL import Image

from arkiv.reading.load import load_archive
from arkiv.text import first_sentence

pytestmark = pytest.mark.build

SITE_URL = "https://sveriges-digitaliseringskommun.github.io/arkiv/"


class Head(html.parser.HTMLParser):
    """The <meta> and <link> tags of a page's <head>, attribute values decoded."""

    def __init__(self):
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.canonical: list[str] = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.in_head = False
        if not self.in_head:
            return
        if tag == "meta" and ("property" in a or "name" in a):
            self.meta.setdefault(a.get("property") or a["name"], []).append(a.get("content", ""))
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical.append(a["href"])


def head_of(page: Path) -> Head:
    parser = Head()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def content_pages(site: Path) -> list[Path]:
    out = []
    for page in sorted(site.rglob("index.html")):
        if 'http-equiv="refresh"' not in page.read_text(encoding="utf-8"):
            out.append(page)
    return out


def test_every_page_has_one_canonical_and_share_tags(built_site):
    pages = content_pages(built_site)
    assert len(pages) > 50
    for page in pages:
        rel = page.relative_to(built_site).parent.as_posix()
        url = SITE_URL if rel == "." else f"{SITE_URL}{rel}/"
        head = head_of(page)
        assert head.canonical == [url], (rel, head.canonical)
        one = {k: v[0] for k, v in head.meta.items() if len(v) == 1}
        for key in ("og:title", "og:description", "og:url", "og:image", "og:locale", "og:type", "og:site_name",
                    "twitter:card", "twitter:title", "twitter:description", "twitter:image", "og:image:alt"):
            assert key in one and one[key].strip(), (rel, key)
        assert one["og:url"] == url
        assert one["og:locale"] == "sv_SE"
        assert one["twitter:card"] == "summary_large_image"
        assert one["og:image"].startswith(SITE_URL) and one["og:image"] == one["twitter:image"]
        image = built_site / one["og:image"].removeprefix(SITE_URL)
        assert image.is_file(), (rel, one["og:image"])
        assert (one["og:image:width"], one["og:image:height"]) == ("1200", "630")


def test_year_pages_share_the_winner(built_site, archive):
    for c in archive.cycles:
        head = head_of(built_site / str(c.year) / "index.html")
        meta = {k: v[0] for k, v in head.meta.items()}
        assert meta["og:title"] == f"{c.award_name} {c.year}: {c.winner.name}"
        assert meta["og:description"] == first_sentence(c.motivation[0])
        assert meta["og:image"] == f"{SITE_URL}{c.year}/delning.png"
        assert meta["og:type"] == "article"
    meta = {k: v[0] for k, v in head_of(built_site / "2023" / "index.html").meta.items()}
    assert meta["og:title"] == "Sveriges DigitaliseringsKommun 2023: Värmdö kommun"
    home = {k: v[0] for k, v in head_of(built_site / "index.html").meta.items()}
    assert home["og:image"] == f"{SITE_URL}delning.png" and home["og:type"] == "website"


def test_share_images_are_1200_by_630(built_site, archive):
    images = [built_site / "delning.png"] + [built_site / str(c.year) / "delning.png" for c in archive.cycles]
    for path in images:
        with Image.open(path) as img:
            assert img.format == "PNG" and img.size == (1200, 630), path
    with Image.open(images[0]) as a, Image.open(images[1]) as b:
        assert a.tobytes() != b.tobytes(), "each year has its own image"


def test_share_values_are_escaped(tmp_path, small_project, build):
    # A motivation with quotes, an ampersand and markup must come out as the same text in every meta tag (the test
    # archive's newest year, with the sentence put first in its winner's motivation).
    project = small_project
    winners_file = project / "data" / "winners.yaml"
    newest = load_archive(project / "data").cycles[0]
    winners = yaml.safe_load(winners_file.read_text(encoding="utf-8"))
    row = next(w for w in winners if w["year"] == newest.year)
    tricky = 'Ett "modigt" & <b>nyfiket</b> arbete i en kommun som gör skillnad.'
    row["motivation"][0] = f"{tricky} {row['motivation'][0]}"
    winners_file.write_text(yaml.safe_dump(winners, allow_unicode=True, sort_keys=False), encoding="utf-8")
    site = tmp_path / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    page = site / str(newest.year) / "index.html"
    meta = {k: v for k, v in head_of(page).meta.items()}
    assert meta["og:description"] == [tricky] and meta["twitter:description"] == [tricky]
    raw = page.read_text(encoding="utf-8")
    # The share tags escape the value (the theme's own <meta name="description"> is not checked here).
    tags = re.findall(r'<meta (?:property="og:[^"]+"|name="twitter:[^"]+") content="[^"]*"?', raw)
    assert any("&#34;modigt&#34; &amp; &lt;b&gt;nyfiket&lt;/b&gt;" in t for t in tags)
    assert not any("<b>" in t or '"modigt"' in t for t in tags)


def test_print_stylesheet_is_linked(built_site):
    css = (built_site / "stylesheets" / "print.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*{[^}]*size:\s*A4", css)
    block = css.split("@media print", 1)[1]
    for selector in (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer"):
        assert selector in block.split("display: none")[0], selector
    for page in (built_site / "2023" / "index.html", built_site / "index.html"):
        assert 'href="../stylesheets/print.css"' in page.read_text(encoding="utf-8") or \
            'href="stylesheets/print.css"' in page.read_text(encoding="utf-8")
