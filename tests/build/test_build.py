"""A real `mkdocs build --strict` of the archive, checked from the HTML it writes."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.build


def text_of(page: Path) -> str:
    """The page's visible text, tags removed and entities decoded, whitespace collapsed."""
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_page_exists(built_site, archive):
    expected = ["index.html", "om/index.html", "kommuner/index.html", "404.html"]
    expected += [f"{c.year}/index.html" for c in archive.cycles]
    expected += [f"kommuner/{k.slug}/index.html" for k in archive.kommuner]
    expected += ["personer/index.html", "luckor/index.html", "integritet/index.html"]
    expected += [f"{p.url}index.html" for p in archive.people]
    missing = [p for p in expected if not (built_site / p).is_file()]
    assert not missing
    # No page of guesses for the next year, which the data does not hold yet.
    next_year = archive.cycles[0].year + archive.interval
    assert not (built_site / str(next_year)).exists(), f"no page of guesses for {next_year}"


def test_motivations_word_for_word(built_site, archive):
    for c in archive.cycles:
        page = text_of(built_site / str(c.year) / "index.html")
        for para in c.motivation:
            assert squash(para) in page, (c.year, para[:60])


def test_entrants_and_jury_on_year_and_kommun_pages(built_site, archive):
    for c in archive.cycles:
        page = text_of(built_site / str(c.year) / "index.html")
        for rnd in c.rounds:
            assert rnd.label.capitalize() in page
            for e in rnd.entrants:
                assert e.name in page, (c.year, e.name)
                for k in e.kommuner:
                    kpage = text_of(built_site / "kommuner" / k.slug / "index.html")
                    assert str(c.year) in kpage and e.name in kpage, (k.name, c.year)
        if c.jury:
            for p in c.jury.members:
                assert p.name in page, (c.year, p.name)
                if p.organisation:
                    assert p.organisation in page
        else:
            assert f"Juryn för {c.year} är inte känd i arkivet" in page


def test_joint_entry_counts_for_all_three(built_site):
    for slug in ("mora", "orsa", "alvdalen"):
        page = text_of(built_site / "kommuner" / slug / "index.html")
        assert "Mora, Orsa och Älvdalens kommuner" in page and "2023" in page


def test_award_name_in_force(built_site, archive):
    for c in archive.cycles:
        title = re.search(r"<h1[^>]*>(.*?)</h1>", (built_site / str(c.year) / "index.html").read_text(), re.S).group(1)
        expected = "Sveriges IT-kommun" if c.year < 2017 else "Sveriges DigitaliseringsKommun"
        assert expected in title, (c.year, title)
    assert "bytte utmärkelsen namn" in text_of(built_site / "2017" / "index.html")
    assert "delades ut som Sveriges IT-kommun" in text_of(built_site / "2009" / "index.html")


def test_chair_and_2023_facts(built_site):
    page = text_of(built_site / "2023" / "index.html")
    assert re.search(r'id="jury-patrik-sundstrom">.*?Patrik Sundström.*?ordförande</span>',
                     (built_site / "2023" / "index.html").read_text())
    for fact in ("31 mars 2023", "augusti–september 2023", "21–23 november 2023", "En hållbar välfärd",
                 "högst 2 000 tecken", "Erik Slottner", "logotypen", "rådgivande organ"):
        assert fact in page, fact
    raw2017 = (built_site / "2017" / "index.html").read_text()
    # The prize's text names the amount, so the amount is not said again beside it.
    assert "50 000 kronor" in text_of(built_site / "2017" / "index.html") and "prissumma" not in raw2017
    assert "Peter Eriksson" in raw2017
    assert "2\u00a0000 tecken" in (built_site / "2023" / "index.html").read_text()


def test_home_lists_every_cycle(built_site, archive):
    home = (built_site / "index.html").read_text()
    for c in archive.cycles:
        assert f'href="{c.year}/"' in home
        assert c.winner.name in home
    next_year = archive.cycles[0].year + archive.interval
    assert f"Om utmärkelsen {next_year} har arkivet inga uppgifter" in text_of(built_site / "index.html")
    assert f'href="{next_year}/"' not in home


def test_navigation_newest_first(built_site):
    home = (built_site / "index.html").read_text()
    years = [int(y) for y in re.findall(r'href="(\d{4})/" class="md-nav__link"', home)]
    assert years and years == sorted(years, reverse=True)


def test_no_request_leaves_the_site(built_site):
    offenders = []
    asset = re.compile(r'<(?:script|img|iframe|source|video|audio|embed|object)\b[^>]*?(?:src|data)="(https?:)?//',
                       re.I)
    link = re.compile(r'<link\b(?![^>]*rel="(?:canonical|alternate)")[^>]*href="(https?:)?//', re.I)
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if asset.search(text) or link.search(text) or "fonts.googleapis" in text or "fonts.gstatic" in text:
            offenders.append(page.relative_to(built_site))
    for css in built_site.rglob("*.css"):
        if re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8")):
            offenders.append(css.relative_to(built_site))
    assert not offenders


MOUNT = "/arkiv/"  # the path of site_url, used by the theme's 404 page


def test_internal_links_resolve(built_site):
    broken = []
    for page in built_site.rglob("*.html"):
        for href in re.findall(r'href="([^"#:?]+)/?(?:#[^"]*)?"', page.read_text(encoding="utf-8")):
            base = built_site if href.startswith("/") else page.parent
            target = (base / href.removeprefix(MOUNT).lstrip("/")).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append((str(page.relative_to(built_site)), href))
    assert not broken
