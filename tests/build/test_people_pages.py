"""People, gaps and privacy in a real build: a page per person with every role and year, every name on a year page
linked to its person, /luckor/ with a row per cycle and the next one unknown, /integritet/ in every footer, and no
telephone number or e-mail address anywhere in what the site publishes."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from arkiv import publisher, urls
from arkiv.record import knowledge as kn
from arkiv.record import people as pp

pytestmark = pytest.mark.build
ROOT = Path(__file__).resolve().parents[2]

REPO = "https://github.com/sveriges-digitaliseringskommun/arkiv"


def text_of(page: Path) -> str:
    """The page's visible text, tags removed and entities decoded, whitespace collapsed."""
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", raw, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def article(page: Path) -> str:
    return re.search(r"<article\b[^>]*>(.*?)</article>", page.read_text(encoding="utf-8"), re.S).group(1)


def person(archive, pid: str) -> pp.Individual:
    return next(p for p in archive.people if p.id == pid)


def held(archive, pid: str) -> set[tuple[int, str]]:
    return {(r.year, r.kind) for r in person(archive, pid).roles}


JURY = {"jurymedlem", "ordförande"}


def test_the_people_journalists_ask_about(built_site, archive):
    # Åsa Zetterberg and Haron Zafar judged 2017 and 2023, Bo Dahlbom 2011 and 2017; Patrik Sundström handed over
    # the 2021 prize and chaired the 2023 jury. Each page shows those years and links to the roles.
    asked = {"asa-zetterberg": {2017: JURY, 2023: JURY}, "haron-zafar": {2017: JURY, 2023: JURY},
             "bo-dahlbom": {2011: JURY, 2017: JURY},
             "patrik-sundstrom": {2021: {"prisutdelare"}, 2023: {"ordförande"}}}
    for pid, years in asked.items():
        page = built_site / urls.PERSONER / pid / "index.html"
        text, body = text_of(page), article(page)
        for year, kinds in years.items():
            roles = [r for r in person(archive, pid).roles if r.year == year and r.kind in kinds]
            assert roles, (pid, year)
            for r in roles:
                assert f'href="../../{year}/#{r.anchor}"' in body, (pid, year)
                assert r.phrase in text and str(year) in text
    assert "juryns ordförande" in text_of(built_site / "personer/patrik-sundstrom/index.html")
    assert "delade ut priset till Sundsvalls kommun" in text_of(built_site / "personer/patrik-sundstrom/index.html")


def test_every_person_has_a_page_with_every_role(built_site, archive):
    pages = {p.parent.name for p in (built_site / urls.PERSONER).glob("*/index.html")}
    assert pages == {p.id for p in archive.people}
    for p in archive.people:
        page = built_site / p.url / "index.html"
        text, body = text_of(page), article(page)
        assert "<h1" in body and p.name in text
        for r in p.roles:
            assert f'href="../../{r.year}/#{r.anchor}"' in body, (p.id, r.year, r.kind)
            assert r.phrase in text
            for value in (r.title, r.organisation):
                assert value is None or value in text, (p.id, value)


# Once in the section that holds the role; the summary at the top repeats the presenter and the chair
# (tests/test_glance.py checks those links).
def test_every_name_on_a_year_page_links_to_its_person(built_site, archive):
    for c in archive.cycles:
        page = (built_site / str(c.year) / "index.html").read_text(encoding="utf-8")
        body = re.sub(r'<section class="arkiv-glance".*?</section>', "", page, flags=re.S)
        links = re.findall(r'<a class="arkiv-person" href="\.\./personer/([a-z0-9-]+)/">([^<]+)</a>', body)
        roles = list(pp.roles(c))
        assert sorted(links) == sorted((r.person, html.escape(r.name, quote=False)) for r in roles), c.year
        for r in roles:
            assert f'id="{r.anchor}"' in page, (c.year, r.anchor)
        if c.jury:
            for mm in c.jury.members:
                linked = rf'<li id="{mm.anchor}"><a class="arkiv-person" href="\.\./personer/{pp.person_id(mm)}/">'
                assert re.search(linked, page), (c.year, mm.name)
                assert (built_site / urls.PERSONER / pp.person_id(mm) / "index.html").is_file()


def test_people_index_in_swedish_order_with_roles_in_short(built_site, archive):
    page = built_site / urls.PERSONER / "index.html"
    body = article(page)
    everyone = body.split('id="alla"', 1)[1]
    listed = re.findall(r'<li><a href="([a-z0-9-]+)/">([^<]+)</a>: ([^<]*)', everyone)
    assert [pid for pid, _, _ in listed] == [p.id for p in archive.people]
    assert [html.unescape(n) for _, n, _ in listed] == [p.listed_name for p in archive.people]
    for (_, _, short), p in zip(listed, archive.people, strict=True):
        for phrase, years in p.short_roles():
            assert phrase in html.unescape(short) and all(str(y) in short for y, _ in years), p.id
    several = re.findall(r'<li><a href="([a-z0-9-]+)/">', body.split('id="flera-ar"', 1)[1].split("<h2", 1)[0])
    assert several == [p.id for p in archive.people if len(p.years) > 1]
    assert {"asa-zetterberg", "bo-dahlbom", "haron-zafar", "patrik-sundstrom"} <= set(several)
    assert f"{len(archive.people)} personer" in text_of(page)


def test_unproven_identity_is_said_where_the_person_is_shown(built_site, archive):
    index = article(built_site / urls.PERSONER / "index.html")
    for p in archive.people:
        text = text_of(built_site / p.url / "index.html")
        said = "Inte belagt att det är samma person" in text
        assert said == p.uncertain, p.id
        items = re.findall(rf'<li><a href="{p.id}/">.*?</li>', index)
        assert items and all(("(inte belagt att det är samma person)" in li) == p.uncertain for li in items), p.id
        if p.uncertain:
            assert p.note is None or " ".join(p.note.split()) in text


def test_luckor_has_a_row_per_cycle_and_the_next_one_unknown(built_site, archive):
    page = built_site / "luckor" / "index.html"
    body = article(page)
    tbody = body.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr\b.*?</tr>", tbody, re.S)
    next_year = archive.cycles[0].year + archive.interval
    assert len(rows) == len(archive.cycles) + 1
    first = rows[0]
    assert f">{next_year}</a></th>" in first and first.count(f"</span> {kn.UNKNOWN}</td>") == len(kn.FACETS)
    assert "#ar-" + str(next_year) in first
    for row, c in zip(rows[1:], archive.cycles, strict=True):
        assert f">{c.year}</a></th>" in row
        year_page = (built_site / str(c.year) / "index.html").read_text(encoding="utf-8")
        targets = re.findall(rf'href="\.\./{c.year}/#([^"]+)"', row)
        cells = kn.cells(c)
        assert targets == [cell.anchor for cell in cells] + ["kallor"], c.year
        for anchor in targets:
            assert f'id="{anchor}"' in year_page, (c.year, anchor)
        states = re.findall(r'</span> (känd|delvis|okänd)</a></td>', row)
        assert states == [cell.state for cell in cells]
    totals = kn.totals(kn.cells(c) for c in archive.cycles)
    text = text_of(page)
    assert (f"Av {sum(totals.values())} rutor för åren {archive.cycles[-1].year}–{archive.cycles[0].year} är "
            f"{totals[kn.KNOWN]} kända, {totals[kn.PARTIAL]} delvis kända och {totals[kn.UNKNOWN]} okända") in text
    assert f"Om utmärkelsen {next_year} vet arkivet ännu ingenting" in text
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert f'id="ar-{next_year}"' in home, "the next year's row links to the home page's note"
    assert 'href="../om/#rattelser"' in body, "invites corrections like the year pages"
    assert not (built_site / str(next_year)).exists()


def test_integritet_is_in_every_footer_and_says_how_to_ask(built_site):
    page = built_site / "integritet" / "index.html"
    text, body = text_of(page), article(page)
    for phrase in ("fotografier", "kontaktuppgifter", "telefonnummer", "e-postadresser", "publicerade källor",
                   "tas bort", "offentlig"):
        assert phrase in text, phrase
    assert f'href="{REPO}/issues/new?template=rattelse.yml&amp;' in body, "the correction form, also for removal"
    for html_file in built_site.rglob("*.html"):
        raw = html_file.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in raw[:2000]:
            continue
        footer = raw.split('class="md-copyright"', 1)[1]
        link = re.search(r'<a href="([^"]*)" class="arkiv-privacy-link">', footer)
        base = built_site / "arkiv" if html_file.name == "404.html" else html_file.parent  # 404 links from /arkiv/
        target = (built_site / link.group(1).removeprefix("/arkiv/")) if link and link.group(1).startswith("/") else \
            (base / link.group(1)) if link else None
        assert target and (target / "index.html").resolve() == (page).resolve(), html_file


def test_navigation_has_people_gaps_and_privacy(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link">\s*<span class="md-ellipsis">\s*([^<]+?)\s*</span>', home)
    labels = {label: href for href, label in nav}
    assert labels.get("Personer") == "personer/" and labels.get("Luckor") == "luckor/"
    assert labels.get("Integritet") == "integritet/"


# --- no contact details anywhere --------------------------------------------------------------------------------------

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# Swedish numbers as sources write them: 031-708 80 60, 08-123 456 78, 070-123 45 67, +46 31 708 80 60, 0317088060.
PHONE = re.compile(r"(?<![\w/.:-])(?:\+46[\s-]?\(?0?\)?\s?|0)\d{1,3}[\s-]?\d{2,3}(?:[\s-]?\d{2,3}){1,3}(?![\w/-])")


def contact_details(text: str) -> list[str]:
    return EMAIL.findall(text) + PHONE.findall(text)


def published_texts(site: Path):
    """Every text a visitor or a download gets: visible page text and link targets, CSV, JSON string values, XML."""
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".csv", ".json", ".xml", ".txt"):
            continue
        raw = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            yield path, text_of(path) + " " + " ".join(re.findall(r'href="([^"]+)"', raw))
        elif path.suffix == ".json":
            strings: list[str] = []

            def walk(value, strings=strings):
                if isinstance(value, str):
                    strings.append(value)
                elif isinstance(value, dict):
                    for k, v in value.items():
                        strings.append(k)
                        walk(v)
                elif isinstance(value, list):
                    for v in value:
                        walk(v)
            walk(json.loads(raw))
            yield path, "\n".join(strings)
        else:
            yield path, raw


def test_the_contact_detail_patterns_catch_what_sources_write():
    for leak in ("haron.zafar@kvalitetsmassan.se", "031-708 80 60", "08-123 456 78", "070-123 45 67",
                 "+46 31 708 80 60", "0317088060", "ring 031–708 80 60".replace("–", "-")):
        assert contact_details(f"Kontakt: {leak}."), leak
    for fine in ("2023-11-21", "kommunkod 0120", "0120;0136;0138", "50 000 kr", "2 000 tecken", "2001–2015",
                 "SFS 2018:1937", "https://example.se/2023/05/10/artikel", "ISBN 91-7164-123-4", "21–23 november 2023"):
        assert not contact_details(fine), fine


def test_no_phone_number_or_email_address_anywhere(built_site):
    leaks = {}
    # The one address the site may show: the publisher's own contact (mkdocs.yml's extra.publisher), when filled in.
    own = {publisher.from_config_file(ROOT / "mkdocs.yml").contact} - {""}
    for path, text in published_texts(built_site):
        found = [f for f in contact_details(text) if f not in own]
        if found:
            leaks[str(path.relative_to(built_site))] = found[:3]
    assert not leaks, f"Kontaktuppgifter på sajten (de ska inte publiceras): {leaks}"
    assert (built_site / "data" / "personer.csv").is_file() and (built_site / "search" / "search_index.json").is_file()


def test_mia_forsang_is_one_page_that_says_it_may_be_two_people(built_site, archive):
    # An it-chef in Vara 2015 and a Microsoft jury member 2023 share the name; the sources do not prove they are one.
    mia = person(archive, "mia-forsang")
    assert mia.uncertain and {2015, 2023} <= set(mia.years)
    text = text_of(built_site / "personer/mia-forsang/index.html")
    assert "Inte belagt att det är samma person" in text and "Vara kommun" in text and "Microsoft" in text
