"""Software tests: what the generator makes of an archive, proven on the mini archive the tests write themselves
(tests/mini_archive.py: 2011, 2013 and 2015, a renaming, a joint entrant, an unknown and a partial jury, a late prize,
the fair planned for the next year), built once per session with the real mkdocs config. Nothing here depends on
data/, so adding a year or a fact to the real archive cannot change these results."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

import mini_archive as mini
from arkiv.record import knowledge as kn
from arkiv.site import pages

pytestmark = pytest.mark.build


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def words(fragment: str) -> str:
    fragment = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def article(site: Path, path: str) -> str:
    return words(re.search(r"<article\b[^>]*>(.*?)</article>", read(site, path), re.S).group(1))


def test_the_mini_archive_is_what_it_says(mini_archive):
    assert [c.year for c in mini_archive.cycles] == list(mini.YEARS)
    assert (mini_archive.founded, mini_archive.interval) == (mini.FOUNDED, mini.INTERVAL)
    assert {c.year: c.winner.name for c in mini_archive.cycles} == mini.WINNERS
    assert [c.award_name for c in mini_archive.cycles] == [mini.NEW_NAME, mini.NEW_NAME, mini.OLD_NAME]
    jury = {c.year: c.jury for c in mini_archive.cycles}
    assert jury[mini.UNKNOWN_JURY] is None and jury[mini.PARTIAL_JURY].complete is False
    assert {k.slug for k in mini_archive.kommuner} == mini.KOMMUNER


def test_a_page_for_each_year_in_the_data_and_none_for_any_other(mini_site):
    for year in mini.YEARS:
        assert (mini_site / str(year) / "index.html").is_file(), year
    # The next year, a year between two cycles and a year before the founding are not in the data: no page of guesses.
    for year in (mini.NEXT_YEAR, 2012, mini.FOUNDED - mini.INTERVAL):
        assert not (mini_site / str(year)).exists(), year
    years = {int(p.name) for p in mini_site.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)}
    assert years == set(mini.YEARS)


def test_the_home_says_the_next_year_is_not_known_yet(mini_site):
    home = article(mini_site, ".")
    assert f"Om utmärkelsen {mini.NEXT_YEAR} har arkivet inga uppgifter" in home
    assert f'id="ar-{mini.NEXT_YEAR}"' in read(mini_site, ".")
    assert f'href="{mini.NEXT_YEAR}/"' not in read(mini_site, ".")
    # What award.yaml knows of the next year's fair, with its source.
    assert (f"Det enda arkivet vet om {mini.NEXT_YEAR} gäller mässan: Kvalitetsmässan {mini.NEXT_YEAR} var planerad "
            f"till {mini.NEXT_FAIR['text']} på Svenska Mässan i Göteborg. (Källa: Mässan som kommer , Testutgivaren")\
        in home, "a fair without a note: nothing between the sentence and its source"
    for year, winner in mini.WINNERS.items():
        assert f'href="{year}/"' in read(mini_site, ".") and winner in home


def test_a_fair_for_another_year_than_the_next_is_not_told(mini_archive):
    stale = dataclasses.replace(mini_archive.next_fair, year=mini.YEARS[0])
    home = pages.render_home(dataclasses.replace(mini_archive, next_fair=stale))
    assert f"Om utmärkelsen {mini.NEXT_YEAR} har arkivet inga uppgifter" in home
    assert "var planerad till" not in home
    assert "var planerad till" in pages.render_home(mini_archive)


def test_the_timeline_is_every_year_then_the_next_unknown(mini_site):
    page = read(mini_site, "")
    section = re.search(r'<ol class="arkiv-timeline">(.*?)</ol>', page, re.S).group(1)
    items = re.findall(r"<li\b[^>]*>(.*?)</li>", section, re.S)
    oldest_first = sorted(mini.YEARS)
    assert len(items) == len(oldest_first) + 1
    for year, item in zip(oldest_first, items[:-1], strict=True):
        assert f'<a class="arkiv-timeline__year" href="{year}/">{year}</a>' in item
        assert f"Vinnare: {mini.WINNERS[year]}" in words(item)
    assert words(items[-1]) == f"{mini.NEXT_YEAR} Okänt Arkivet har inga uppgifter om {mini.NEXT_YEAR} ännu."
    assert "<a " not in items[-1]
    renamed = words(items[oldest_first.index(mini.RENAMED)])
    assert f"Utmärkelsen byter namn: {mini.OLD_NAME} heter från {mini.RENAMED} {mini.NEW_NAME}." in renamed
    assert sum("byter namn" in i for i in items) == 1
    assert "Priset delades ut först 1 februari 2016." in words(items[oldest_first.index(2015)])
    assert sum("delades ut först" in i for i in items) == 1


def test_luckor_has_a_row_per_year_and_the_next_one_unknown(mini_site, mini_archive):
    page = read(mini_site, "luckor")
    rows = re.findall(r"<tr\b.*?</tr>", page.split("<tbody", 1)[1].split("</tbody>", 1)[0], re.S)
    years = [int(y) for y in (re.search(r">(\d{4})</a></th>", r).group(1) for r in rows)]
    assert years == [mini.NEXT_YEAR, *mini.YEARS]
    by_year = dict(zip(years, (words(r) for r in rows), strict=True))
    # The next year: every facet unknown, no source.
    assert by_year[mini.NEXT_YEAR].count("○ okänd") == len(kn.FACETS) and "● känd" not in by_year[mini.NEXT_YEAR]
    assert "◐" not in by_year[mini.NEXT_YEAR] and by_year[mini.NEXT_YEAR].endswith("Källor: 0")
    assert "Jury: ○ okänd" in by_year[mini.UNKNOWN_JURY] and "Jury: ◐ delvis" in by_year[mini.PARTIAL_JURY]
    assert "Nominerade: ◐ delvis" in by_year[2013] and "Jury: ● känd" in by_year[2013]
    text = article(mini_site, "luckor")
    totals = kn.totals(kn.cells(c) for c in mini_archive.cycles)
    assert sum(totals.values()) == len(mini.YEARS) * len(kn.FACETS) and totals[kn.PARTIAL] == 2  # 2013's, 2015's
    assert (f"Av {sum(totals.values())} rutor för åren 2011–2015 är {totals[kn.KNOWN]} kända, 2 delvis kända och "
            f"{totals[kn.UNKNOWN]} okända.") in text
    assert f"Om utmärkelsen {mini.NEXT_YEAR} vet arkivet ännu ingenting." in text


def test_unknown_and_partial_juries_are_said_on_the_year_page(mini_site):
    unknown = article(mini_site, str(mini.UNKNOWN_JURY))
    assert f"Juryn för {mini.UNKNOWN_JURY} är inte känd i arkivet." in unknown
    assert f"Vilka som var nominerade {mini.UNKNOWN_JURY} är inte känt i arkivet." in unknown
    assert f"Vilka som satt i juryn {mini.UNKNOWN_JURY}." in unknown
    partial = article(mini_site, str(mini.PARTIAL_JURY))
    assert "Anna Andersson , professor emerita, Testhögskolan Listan kan vara ofullständig." in partial
    assert "Hela juryn: listan kan sakna ledamöter." in partial and "är inte känd i arkivet" not in partial
    complete = article(mini_site, "2013")
    assert "Listan kan vara ofullständig" not in complete and "ordförande" in complete


def test_the_name_in_force_each_year_and_the_renaming(mini_site):
    for year in mini.YEARS:
        name = mini.OLD_NAME if year < mini.RENAMED else mini.NEW_NAME
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", read(mini_site, str(year)), re.S).group(1)
        assert f"{name} {year}" in h1, year
    assert (f"Utmärkelsen delades ut som {mini.OLD_NAME} . Den bytte namn till {mini.NEW_NAME} {mini.RENAMED}"
            in article(mini_site, "2011"))
    assert (f"{mini.RENAMED} bytte utmärkelsen namn från {mini.OLD_NAME} till {mini.NEW_NAME}"
            in article(mini_site, str(mini.RENAMED)))
    assert "bytte" not in article(mini_site, "2015")


def test_a_joint_entrant_counts_for_each_of_its_municipalities(mini_site):
    for slug in mini.JOINT_SLUGS:
        page = article(mini_site, f"kommuner/{slug}")
        assert f"vinnare och nominerad, som del av {mini.JOINT}" in page, slug
        assert f"nominerad, som del av {mini.JOINT}" in page.split("2013 ,", 1)[1], slug
    svg = read(mini_site, "kommuner")
    for name in ("Mora kommun", "Orsa kommun", "Älvdalens kommun"):
        assert f"<title>{name}: vinnare 2015</title>" in svg
    assert "<title>Värmdö kommun: finalist 2013</title>" in svg and "<title>Lidingö stad: vinnare 2011</title>" in svg
    description = re.search(r'<meta name="description" content="([^"]*)"', read(mini_site, "kommuner/mora")).group(1)
    assert description == "Mora kommun i Dalarnas län vann Sveriges DigitaliseringsKommun 2015 och var nominerad 2013."


def test_statistics_count_the_mini_archive(mini_site):
    page = read(mini_site, "statistik")
    # Dalarna: Mora, Orsa and Älvdalen twice each (2013, 2015); Stockholm: Lidingö once, Nacka once, Värmdö twice.
    assert ("Kommuner i Dalarnas län har deltagit flest gånger, 6, och Dalarnas län har flest vinster, 3. "
            "Kommuner från 3 län förekommer i arkivet.") in words(page)
    per_year = re.search(r'<table id="tabell-per-ar">(.*?)</table>', page, re.S).group(1)
    rows = [words(r) for r in re.findall(r"<tr>(.*?)</tr>", per_year.split("<tbody>", 1)[1], re.S)]
    # 2011: no rounds known; 2013's first round had six nominees, four of them known by name.
    assert rows == ["2011 okänt", "2013 nominerade nominerade 6 4", "2013 finalister finalister 2 2",
                    "2015 nominerade nominerade 2 2"]
