"""Software tests: what the generator makes of an archive, proven on the test archive (tests/fixtures/archive/, see
tests/archive_fixture.py) with conftest's SITE_PATCHES, built once per session with the real mkdocs config
(small_site): 2015 known only by its winner and the call's deadline, under the first name; 2021 the first year of
the new name, a joint winner, a round larger than the names known, a jury known in part with an uncertain chair, and a
prize handed over the year after; 2023 two rounds, a whole jury and a disputed presenter; 2025, the next year, known
only by its fair, which was held. Nothing here depends on data/, so adding a year or a fact to the real archive cannot
change these results."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

import pytest

from arkiv.record import knowledge as kn
from arkiv.site import pages

pytestmark = pytest.mark.build

OLD, NEW = "Sveriges IT-kommun", "Sveriges DigitaliseringsKommun"
JOINT = "Mora, Orsa och Älvdalens kommuner"
WINNERS = {2023: "Värmdö kommun", 2021: JOINT, 2015: "Lidingö stad"}
NEXT = 2025


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def words(fragment: str) -> str:
    fragment = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def article(site: Path, path: str) -> str:
    return words(re.search(r"<article\b[^>]*>(.*?)</article>", read(site, path), re.S).group(1))


def test_the_test_archive_is_what_it_says(small_site):
    _, archive = small_site
    assert [c.year for c in archive.cycles] == [2023, 2021, 2015]
    assert (archive.founded, archive.interval) == (2001, 2)
    assert {c.year: c.winner.name for c in archive.cycles} == WINNERS
    assert [c.award_name for c in archive.cycles] == [NEW, NEW, OLD] and archive.names[-1].first == 2021
    jury = {c.year: c.jury for c in archive.cycles}
    assert jury[2015] is None and jury[2021].complete is False and jury[2023].complete is True
    assert {k.slug for k in archive.kommuner} == {"varmdo", "mora", "orsa", "alvdalen", "nacka", "umea", "kungsbacka",
                                                  "lidingo"}


def test_a_page_for_each_year_in_the_data_and_none_for_any_other(small_site):
    site, _ = small_site
    for year in WINNERS:
        assert (site / str(year) / "index.html").is_file(), year
    # The next year, the years between two cycles and a year before the founding: no page of guesses.
    for year in (NEXT, 2017, 2019, 1999):
        assert not (site / str(year)).exists(), year
    years = {int(p.name) for p in site.iterdir() if p.is_dir() and re.fullmatch(r"\d{4}", p.name)}
    assert years == set(WINNERS)


def test_the_home_says_the_next_year_is_not_known_yet(small_site):
    site, _ = small_site
    home = article(site, ".")
    # One short sentence; the fair of the next year (and another award's winner there) is no news of this award.
    assert f"Om utmärkelsen {NEXT} har arkivet inga uppgifter ännu." in home
    assert "var planerad till" not in home and "säger källorna ingenting" not in home
    assert f'id="ar-{NEXT}"' in read(site, ".") and f'href="{NEXT}/"' not in read(site, ".")
    gaps = article(site, "luckor")
    assert f"Om {NEW} {NEXT} säger källorna ingenting" in gaps and "var planerad till" in gaps
    assert f'id="ar-{NEXT}"' in read(site, "luckor")  # the gaps table's row for the next year links here
    for year, winner in WINNERS.items():
        assert f'href="{year}/"' in read(site, ".") and winner in home


def test_the_home_names_the_newest_winner_first(fixture_archive):
    newest = fixture_archive.cycles[0]
    home = pages.render_home(fixture_archive)
    lead = home.split('<div class="arkiv-lead">', 1)[0]
    assert "Senaste vinnare:" in lead and newest.winner.name in lead and f"{newest.year}/" in lead


def test_the_home_never_tells_the_fair(fixture_archive):
    stale = dataclasses.replace(fixture_archive.next_fair, year=2023)
    for archive in (fixture_archive, dataclasses.replace(fixture_archive, next_fair=stale)):
        home = pages.render_home(archive)
        assert f"Om utmärkelsen {NEXT} har arkivet inga uppgifter ännu." in home
        assert "var planerad till" not in home and "säger källorna ingenting" not in home


def test_the_timeline_is_every_year_then_the_next_unknown(small_site):
    site, _ = small_site
    section = re.search(r'<ol class="arkiv-timeline">(.*?)</ol>', read(site, ""), re.S).group(1)
    items = re.findall(r"<li\b[^>]*>(.*?)</li>", section, re.S)
    oldest_first = sorted(WINNERS)
    assert len(items) == len(oldest_first) + 1
    for year, item in zip(oldest_first, items[:-1], strict=True):
        assert f'<a class="arkiv-timeline__year" href="{year}/">{year}</a>' in item
        assert f"Vinnare: {WINNERS[year]}" in words(item)
    assert words(items[-1]) == f"{NEXT} Okänt Arkivet har inga uppgifter om {NEXT} ännu."
    assert "<a " not in items[-1]
    renamed = words(items[oldest_first.index(2021)])
    assert f"Utmärkelsen byter namn: {OLD} heter från 2021 {NEW}." in renamed
    assert sum("byter namn" in i for i in items) == 1
    assert "Priset delades ut först 1 februari 2022" in renamed
    assert sum("delades ut först" in i for i in items) == 1


def test_luckor_has_a_row_per_year_and_the_next_one_unknown(small_site):
    site, archive = small_site
    page = read(site, "luckor")
    rows = re.findall(r"<tr\b.*?</tr>", page.split("<tbody", 1)[1].split("</tbody>", 1)[0], re.S)
    years = [int(y) for y in (re.search(r">(\d{4})</a></th>", r).group(1) for r in rows)]
    assert years == [NEXT, 2023, 2021, 2015]
    by_year = dict(zip(years, (words(r) for r in rows), strict=True))
    # The next year: every facet unknown, no source.
    assert by_year[NEXT].count("○ okänd") == len(kn.FACETS) and "● känd" not in by_year[NEXT]
    assert "◐" not in by_year[NEXT] and by_year[NEXT].endswith("Källor: 0")
    assert "Jury: ○ okänd" in by_year[2015] and "Jury: ◐ delvis" in by_year[2021] and "Jury: ● känd" in by_year[2023]
    assert "Nominerade: ◐ delvis" in by_year[2021] and "Inbjudan: ◐ delvis" in by_year[2015]
    assert "Prisutdelare: ◐ delvis" in by_year[2023], "a disputed presenter is known in part"
    text = article(site, "luckor")
    totals = kn.totals(kn.cells(c) for c in archive.cycles)
    # Partial: 2015's call; 2021's rounds, jury, chair and date; 2023's presenter and its first round (5–10, 4 named).
    assert sum(totals.values()) == 3 * len(kn.FACETS) and totals[kn.PARTIAL] == 7
    assert "Nominerade: ◐ delvis" in by_year[2023]
    assert (f"Av {sum(totals.values())} rutor för åren 2015–2023 är {totals[kn.KNOWN]} kända, 7 delvis kända och "
            f"{totals[kn.UNKNOWN]} okända.") in text
    assert f"Om utmärkelsen {NEXT} vet arkivet ännu ingenting." in text
    assert "Utmärkelsen delas ut vartannat år." in text


def test_unknown_and_partial_juries_are_said_on_the_year_page(small_site):
    site, _ = small_site
    unknown = article(site, "2015")
    assert "Juryn för 2015 är inte känd i arkivet." in unknown
    assert "Vilka som var nominerade 2015 är inte känt i arkivet." in unknown
    assert "Vilka som satt i juryn 2015." in unknown
    partial = article(site, "2021")
    assert "Bo Exempel" in partial and "Listan kan vara ofullständig." in partial
    assert "Hela juryn: listan kan sakna ledamöter." in partial and "är inte känd i arkivet" not in partial
    complete = article(site, "2023")
    assert "Listan kan vara ofullständig" not in complete and "ordförande" in complete


def test_the_name_in_force_each_year_and_the_renaming(small_site):
    site, _ = small_site
    for year in WINNERS:
        name = OLD if year < 2021 else NEW
        h1 = re.search(r"<h1[^>]*>(.*?)</h1>", read(site, str(year)), re.S).group(1)
        assert f"{name} {year}" in h1, year
    assert f"Utmärkelsen delades ut som {OLD} . Den bytte namn till {NEW} 2021" in article(site, "2015")
    assert f"2021 bytte utmärkelsen namn från {OLD} till {NEW}" in article(site, "2021")
    assert "bytte" not in article(site, "2023")
    # The old name's years, in running text and in the table of names.
    assert f"hette {OLD} från 2001 till 2019 och heter sedan 2021 {NEW}" in article(site, ".")
    assert f"{OLD} 2001–2019" in article(site, "om")


def test_a_joint_entrant_counts_for_each_of_its_municipalities(small_site):
    site, _ = small_site
    for slug in ("mora", "orsa", "alvdalen"):
        page = article(site, f"kommuner/{slug}")
        assert f"vinnare och finalist, som del av {JOINT}" in page, slug
        assert f"nominerad, som del av {JOINT}" in page, slug
    svg = read(site, "kommuner")
    for name in ("Mora kommun", "Orsa kommun", "Älvdalens kommun"):
        assert f"<title>{name}: vinnare 2021</title>" in svg
    assert "<title>Nacka kommun: finalist 2023</title>" in svg and "<title>Lidingö stad: vinnare 2015</title>" in svg
    description = re.search(r'<meta name="description" content="([^"]*)"', read(site, "kommuner/mora")).group(1)
    assert description == f"Mora kommun i Dalarnas län vann {NEW} 2021 och var nominerad 2023."


def test_statistics_count_the_test_archive(small_site):
    site, _ = small_site
    page = read(site, "statistik")
    # Stockholm: Värmdö, Nacka (2023) and Lidingö (2015), two of them winners. Dalarna: the joint entry of Mora, Orsa
    # and Älvdalen, twice (2021, 2023) and once a winner: an entry counts once, not once per municipality (not 6 and 3).
    assert ("Kommuner i Stockholms län har deltagit flest gånger, 3, och Stockholms län har flest vinster, 2. "
            "Kommuner från 4 län förekommer i arkivet.") in words(page)
    counties = re.search(r'<table id="tabell-lan">(.*?)</table>', page, re.S).group(1)
    rows = [words(r) for r in re.findall(r"<tr>(.*?)</tr>", counties.split("<tbody>", 1)[1], re.S)]
    assert rows[:2] == ["Stockholms län 3 3 2", "Dalarnas län 3 2 1"]
    per_year = re.search(r'<table id="tabell-per-ar">(.*?)</table>', page, re.S).group(1)
    rows = [words(r) for r in re.findall(r"<tr>(.*?)</tr>", per_year.split("<tbody>", 1)[1], re.S)]
    # 2015: no rounds known; 2021's finalists were three, two of them known by name.
    assert rows == ["2015 okänt", "2021 finalister finalister 3 2", "2023 nominerade nominerade 5–10 4",
                    "2023 finalister finalister 2 2"]
