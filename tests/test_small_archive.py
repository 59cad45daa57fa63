"""Software tests: what the generator makes of an archive, proven on the small archive the tests write themselves
(tests/small_archive.py: 2011, 2013 and 2015, a renaming, a joint entrant, an unknown and a partial jury, a late prize,
the fair planned for the next year), built once per session with the real mkdocs config. Nothing here depends on
data/, so adding a year or a fact to the real archive cannot change these results."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

import small_archive as small
from arkiv.site import pages

pytestmark = pytest.mark.build


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def words(fragment: str) -> str:
    fragment = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def article(site: Path, path: str) -> str:
    return words(re.search(r"<article\b[^>]*>(.*?)</article>", read(site, path), re.S).group(1))


def test_the_small_archive_is_what_it_says(small_archive):
    assert [c.year for c in small_archive.cycles] == list(small.YEARS)
    assert (small_archive.founded, small_archive.interval) == (small.FOUNDED, small.INTERVAL)
    assert {c.year: c.winner.name for c in small_archive.cycles} == small.WINNERS
    assert [c.award_name for c in small_archive.cycles] == [small.NEW_NAME, small.NEW_NAME, small.OLD_NAME]
    jury = {c.year: c.jury for c in small_archive.cycles}
    assert jury[small.UNKNOWN_JURY] is None and jury[small.PARTIAL_JURY].complete is False
    assert {k.slug for k in small_archive.kommuner} == small.KOMMUNER


def test_a_page_for_each_year_in_the_data_and_none_for_any_other(small_site):
    for year in small.YEARS:
        assert (small_site / str(year) / "index.html").is_file(), year
    # The next year, a year between two cycles and a year before the founding are not in the data: no page of guesses.
    for year in (small.NEXT_YEAR, 2012, small.FOUNDED - small.INTERVAL):
        assert not (small_site / str(year)).exists(), year
    years = {int(p.name) for p in small_site.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)}
    assert years == set(small.YEARS)


def test_the_home_says_the_next_year_is_not_known_yet(small_site):
    home = article(small_site, ".")
    assert f"Om utmärkelsen {small.NEXT_YEAR} har arkivet inga uppgifter" in home
    assert f'id="ar-{small.NEXT_YEAR}"' in read(small_site, ".")
    assert f'href="{small.NEXT_YEAR}/"' not in read(small_site, ".")
    # What award.yaml knows of the next year's fair, with its source.
    assert (f"Det enda arkivet vet om {small.NEXT_YEAR} gäller mässan: Kvalitetsmässan {small.NEXT_YEAR} var planerad "
            f"till {small.NEXT_FAIR['text']} på Svenska Mässan i Göteborg. (Källa: Mässan som kommer , Testutgivaren")\
        in home, "a fair without a note: nothing between the sentence and its source"
    for year, winner in small.WINNERS.items():
        assert f'href="{year}/"' in read(small_site, ".") and winner in home


def test_a_fair_for_another_year_than_the_next_is_not_told(small_archive):
    stale = dataclasses.replace(small_archive.next_fair, year=small.YEARS[0])
    home = pages.render_home(dataclasses.replace(small_archive, next_fair=stale))
    assert f"Om utmärkelsen {small.NEXT_YEAR} har arkivet inga uppgifter" in home
    assert "var planerad till" not in home
    assert "var planerad till" in pages.render_home(small_archive)


def test_the_timeline_is_every_year_then_the_next_unknown(small_site):
    page = read(small_site, "")
    section = re.search(r'<ol class="arkiv-timeline">(.*?)</ol>', page, re.S).group(1)
    items = re.findall(r"<li\b[^>]*>(.*?)</li>", section, re.S)
    oldest_first = sorted(small.YEARS)
    assert len(items) == len(oldest_first) + 1
    for year, item in zip(oldest_first, items):
        assert f'<a class="arkiv-timeline__year" href="{year}/">{year}</a>' in item
        assert f"Vinnare: {small.WINNERS[year]}" in words(item)
    assert words(items[-1]) == f"{small.NEXT_YEAR} Okänt Arkivet har inga uppgifter om {small.NEXT_YEAR} ännu."
    assert "<a " not in items[-1]
    renamed = words(items[oldest_first.index(small.RENAMED)])
    assert f"Utmärkelsen byter namn: {small.OLD_NAME} heter från {small.RENAMED} {small.NEW_NAME}." in renamed
    assert sum("byter namn" in i for i in items) == 1
    assert "Priset delades ut först 1 februari 2016." in words(items[oldest_first.index(2015)])
    assert sum("delades ut först" in i for i in items) == 1


def test_luckor_has_a_row_per_year_and_the_next_one_unknown(small_site):
    page = read(small_site, "luckor")
    rows = re.findall(r"<tr\b.*?</tr>", page.split("<tbody", 1)[1].split("</tbody>", 1)[0], re.S)
    years = [int(y) for y in (re.search(r">(\d{4})</a></th>", r).group(1) for r in rows)]
    assert years == [small.NEXT_YEAR, *small.YEARS]
    states = [re.findall(r"</span> (känd|delvis|okänd)</td>|</span> (känd|delvis|okänd)</a></td>", r) for r in rows]
    assert all(s == ("", "okänd") or s == ("okänd", "") for s in states[0])
    by_year = dict(zip(years, (words(r) for r in rows)))
    assert "Jury: ○ okänd" in by_year[small.UNKNOWN_JURY] and "Jury: ◐ delvis" in by_year[small.PARTIAL_JURY]
    assert "Nominerade: ◐ delvis" in by_year[2013] and "Jury: ● känd" in by_year[2013]
    text = article(small_site, "luckor")
    assert "Av 30 rutor för åren 2011–2015 är 12 kända, 2 delvis kända och 16 okända." in text
    assert f"Om utmärkelsen {small.NEXT_YEAR} vet arkivet ännu ingenting." in text


def test_unknown_and_partial_juries_are_said_on_the_year_page(small_site):
    unknown = article(small_site, str(small.UNKNOWN_JURY))
    assert f"Juryn för {small.UNKNOWN_JURY} är inte känd i arkivet." in unknown
    assert f"Vilka som var nominerade {small.UNKNOWN_JURY} är inte känt i arkivet." in unknown
    assert f"Vilka som satt i juryn {small.UNKNOWN_JURY}." in unknown
    partial = article(small_site, str(small.PARTIAL_JURY))
    assert "Anna Andersson , professor emerita, Testhögskolan Listan kan vara ofullständig." in partial
    assert "Hela juryn: listan kan sakna ledamöter." in partial and "är inte känd i arkivet" not in partial
    complete = article(small_site, "2013")
    assert "Listan kan vara ofullständig" not in complete and "ordförande" in complete


def test_the_name_in_force_each_year_and_the_renaming(small_site):
    for year in small.YEARS:
        name = small.OLD_NAME if year < small.RENAMED else small.NEW_NAME
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", read(small_site, str(year)), re.S).group(1)
        assert f"{name} {year}" in h1, year
    assert (f"Utmärkelsen delades ut som {small.OLD_NAME} . Den bytte namn till {small.NEW_NAME} {small.RENAMED}"
            in article(small_site, "2011"))
    assert (f"{small.RENAMED} bytte utmärkelsen namn från {small.OLD_NAME} till {small.NEW_NAME}"
            in article(small_site, str(small.RENAMED)))
    assert "bytte" not in article(small_site, "2015")


def test_a_joint_entrant_counts_for_each_of_its_municipalities(small_site):
    for slug in small.JOINT_SLUGS:
        page = article(small_site, f"kommuner/{slug}")
        assert f"vinnare och nominerad, som del av {small.JOINT}" in page, slug
        assert f"nominerad, som del av {small.JOINT}" in page.split("2013 ,", 1)[1], slug
    svg = read(small_site, "kommuner")
    for name in ("Mora kommun", "Orsa kommun", "Älvdalens kommun"):
        assert f"<title>{name}: vinnare 2015</title>" in svg
    assert "<title>Värmdö kommun: finalist 2013</title>" in svg and "<title>Lidingö stad: vinnare 2011</title>" in svg
    description = re.search(r'<meta name="description" content="([^"]*)"', read(small_site, "kommuner/mora")).group(1)
    assert description == "Mora kommun i Dalarnas län vann Sveriges DigitaliseringsKommun 2015 och var nominerad 2013."


def test_statistics_count_the_small_archive(small_site):
    page = read(small_site, "statistik")
    # Dalarna: Mora, Orsa and Älvdalen twice each (2013, 2015); Stockholm: Lidingö once, Nacka once, Värmdö twice.
    assert ("Kommuner i Dalarnas län har deltagit flest gånger, 6, och Dalarnas län har flest vinster, 3. "
            "Kommuner från 3 län förekommer i arkivet.") in words(page)
    per_year = re.search(r'<table id="tabell-per-ar">(.*?)</table>', page, re.S).group(1)
    rows = [words(r) for r in re.findall(r"<tr>(.*?)</tr>", per_year.split("<tbody>", 1)[1], re.S)]
    # 2011: no rounds known; 2013's first round had six nominees, four of them known by name.
    assert rows == ["2011 okänt", "2013 nominerade nominerade 6 4", "2013 finalister finalister 2 2",
                    "2015 nominerade nominerade 2 2"]
