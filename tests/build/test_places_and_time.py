"""The map on /kommuner/, the locator maps, the timeline on / and the figures on /statistik/, checked in a real build.

Every expected figure is counted here straight from the YAML and CSV files in data/, without arkiv.record.stats or the
model,
so a mistake in the package's counting shows up as a difference.
"""

from __future__ import annotations

import csv
import html
import json
import re
from pathlib import Path

import pytest
import yaml

from arkiv.text import format_date
from real_data import DATA as _DATA

pytestmark = pytest.mark.build

ROOT = Path(__file__).resolve().parents[2]
DATA = _DATA  # data/, or the grown archive ARKIV_TEST_DATA names (tests/real_data.py)
RANK = {"vinnare": 0, "finalist": 1, "nominerad": 2}


# --- the data, read directly ---------------------------------------------------------------------------------------

def register() -> dict[str, dict]:
    with (DATA / "kommuner.csv").open(encoding="utf-8") as f:
        return {r["kommunkod"]: r for r in csv.DictReader(f)}


def code_of(name: str) -> str:
    for code, r in register().items():
        if name.casefold() in {r[key].casefold() for key in ("kommun", "kommun_formellt", "kommun_eget_namn")}:
            return code
    raise KeyError(name)


def entrant_codes(entrant) -> list[str]:
    if isinstance(entrant, str):
        return [code_of(entrant)]
    return [code_of(n) for n in entrant.get("kommuner") or [entrant["name"]]]


def cycles() -> dict[int, dict]:
    return {int(p.stem): yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((DATA / "cycles").glob("*.yaml"))}


def winners() -> dict[int, dict]:
    return {row["year"]: row for row in yaml.safe_load((DATA / "winners.yaml").read_text(encoding="utf-8"))}


def roles_by_kommun() -> dict[str, dict[int, str]]:
    """kommunkod -> {year: strongest role that year}, from winners.yaml and every round of every cycle file."""
    out: dict[str, dict[int, str]] = {}

    def add(code, year, role):
        best = out.setdefault(code, {}).get(year)
        if best is None or RANK[role] < RANK[best]:
            out[code][year] = role

    for year, row in winners().items():
        for code in entrant_codes(row["winner"]):
            add(code, year, "vinnare")
    for year, c in cycles().items():
        for rnd in c.get("rounds", []):
            for e in rnd["entrants"]:
                for code in entrant_codes(e):
                    add(code, year, rnd["stage"])
    return out


def slug_of(code: str) -> str:
    from arkiv.slugs import slug
    return slug(register()[code]["kommun"])


def and_list(items) -> str:
    items = [str(i) for i in items]
    return ", ".join(items[:-1]) + " och " + items[-1] if len(items) > 1 else items[0]


# --- the built pages --------------------------------------------------------------------------------------------

def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def plain(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def table_rows(page: str, table_id: str) -> list[list[str]]:
    table = re.search(rf'<table id="{table_id}">(.*?)</table>', page, re.S).group(1)
    body = re.search(r"<tbody>(.*?)</tbody>", table, re.S).group(1)
    return [[plain(c) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def main_map(page: str) -> str:
    return re.search(r'<figure class="arkiv-map__main">(.*?)</figure>', page, re.S).group(1)


# --- the map --------------------------------------------------------------------------------------------------------

def test_the_map_draws_all_290_municipalities_once(built_site):
    # Those in the archive are drawn in the page; the rest come from karta.svg, which the map shows with <use>.
    svg = main_map(read(built_site, "kommuner"))
    assert '<use class="arkiv-map__land" href="karta.svg#land" aria-hidden="true"/>' in svg
    land = (built_site / "kommuner" / "karta.svg").read_text(encoding="utf-8")
    assert '<g id="land">' in land
    inline = re.findall(r'<path data-kod="(\d{4})" d="M[^"]+"', svg)
    used = re.findall(r'<path data-kod="(\d{4})" d="M[^"]+"', land)
    assert set(inline) == set(roles_by_kommun()) and not set(inline) & set(used)
    assert sorted(inline + used) == sorted(register()) and len(inline + used) == 290


def test_the_map_links_each_municipality_in_the_archive_with_its_best_result(built_site):
    svg = main_map(read(built_site, "kommuner"))
    # The link's name is its <title> (SVG's own way): screen readers get it once, the mouse gets it as a tooltip.
    links = re.findall(r'<a href="([^"]+)" class="arkiv-map__(\w+)"><title>([^<]+)</title><path data-kod="(\d{4})"',
                       svg)
    roles = roles_by_kommun()
    assert {code for *_, code in links} == set(roles) and len(links) == len(roles)
    for href, cls, title, code in links:
        years = roles[code]
        best = min(years.values(), key=RANK.get)
        best_years = and_list(sorted(y for y, r in years.items() if r == best))
        expected = f"{register()[code]['kommun_eget_namn']}: {best} {best_years}"
        assert html.unescape(title) == expected
        assert cls == best and href == f"{slug_of(code)}/"
    # The record: Värmdö won 2023 and Sundsvall 2021 (a later win would join the year in the same title).
    assert re.search(r"<title>Värmdö kommun: vinnare [^<]*\b2023\b", svg)
    assert re.search(r"<title>Sundsvalls kommun: vinnare [^<]*\b2021\b", svg)


def test_the_legend_counts_best_results(built_site):
    page = plain(read(built_site, "kommuner"))
    best = [min(years.values(), key=RANK.get) for years in roles_by_kommun().values()]
    for role, word in (("vinnare", "Vinnare"), ("finalist", "Finalist"), ("nominerad", "Nominerad")):
        n = best.count(role)
        assert f"{word}: {n} {'kommun' if n == 1 else 'kommuner'}" in page
    assert f"Inte med i arkivet: {290 - len(best)} kommuner" in page


def test_the_list_below_the_map_is_grouped_by_county(built_site):
    page = read(built_site, "kommuner")
    roles, reg = roles_by_kommun(), register()
    counties = {reg[c]["lan"] for c in roles}
    sections = re.findall(r'<h3 id="lan-[a-z-]+">([^<]+)</h3>\s*<ul>(.*?)</ul>', page, re.S)
    assert {html.unescape(c) for c, _ in sections} == counties
    for county, items in sections:
        listed = set(re.findall(r'<a href="([^"]+)/"', items))
        assert listed == {slug_of(c) for c in roles if reg[c]["lan"] == html.unescape(county)}


def test_the_zoomed_map_is_for_the_pointer_only(built_site):
    page = read(built_site, "kommuner")
    zoom = re.search(r'<figure class="arkiv-map__zoom" aria-hidden="true">(.*?)</figure>', page, re.S).group(1)
    links = re.findall(r"<a [^>]*>", zoom)
    assert links and all('tabindex="-1"' in a for a in links)


def test_every_municipality_page_has_its_locator_map(built_site):
    geo = json.loads((ROOT / "src" / "arkiv" / "geo.json").read_text(encoding="utf-8"))
    reg = register()
    for code in roles_by_kommun():
        page = read(built_site, f"kommuner/{slug_of(code)}")
        fig = re.search(r'<figure class="arkiv-locator">\s*<svg viewBox="0 0 (\d+) (\d+)" role="img" '
                        r'aria-label="([^"]+)">(.*?)</svg>', page, re.S)
        assert fig, code
        label = html.unescape(fig.group(3))
        assert label.startswith(f"Karta: {reg[code]['kommun_eget_namn']} markerad på Sverigekartan")
        assert f'class="arkiv-locator__kommun" d="{geo["kommuner"][code]["d"]}"' in fig.group(4)
        assert f'class="arkiv-locator__land" d="{geo["outline"]}"' in fig.group(4)


# --- the timeline ---------------------------------------------------------------------------------------------------

def test_the_timeline_lists_every_cycle_in_order_with_links(built_site):
    page = read(built_site, "")
    section = re.search(r'<h2 id="tidslinje">.*?<ol class="arkiv-timeline">(.*?)</ol>', page, re.S).group(1)
    items = re.findall(r"<li\b[^>]*>(.*?)</li>", section, re.S)
    years = sorted(cycles())
    award = yaml.safe_load((DATA / "award.yaml").read_text(encoding="utf-8"))
    interval = award["interval_years"]
    assert years[0] == award["founded"]
    assert len(items) == len(years) + 1
    for year, item in zip(years, items[:-1], strict=True):
        assert re.search(rf'<a class="arkiv-timeline__year" href="{year}/">{year}</a>', item), year
        winner = winners()[year]["winner"]
        assert (winner if isinstance(winner, str) else winner["name"]) in plain(item)
    unknown = items[-1]
    assert f">{years[-1] + interval}<" in unknown and "<a " not in unknown and "Okänt" in unknown
    # The renaming, in the year the new name was first used.
    old, new = award["names"][0], award["names"][1]
    renamed = items[years.index(new["from"])]
    assert f"{old['name']} heter från {new['from']} {new['name']}" in plain(renamed)
    assert sum("byter namn" in i for i in items) == 1
    # A prize handed over in a later year than its cycle, each said on its year: the record has 2021's in May 2022.
    late = {y: c["ceremony"]["date"] for y, c in cycles().items()
            if c.get("ceremony", {}).get("date") and int(c["ceremony"]["date"][:4]) > y}
    assert late.get(2021) == "2022-05-02"
    assert "Priset delades ut först 2 maj 2022" in plain(items[years.index(2021)])
    for year, date in late.items():
        assert f"Priset delades ut först {format_date(date)}" in plain(items[years.index(year)]), year
    assert sum("delades ut först" in i for i in items) == len(late)


# --- the figures ----------------------------------------------------------------------------------------------------

def test_statistics_by_county(built_site):
    page = read(built_site, "statistik")
    reg = register()
    # Per county: its municipalities, its entries (a joint entry once, an entrant in two rounds once) and its wins.
    kommuner: dict[str, set[str]] = {}
    entries: dict[str, set] = {}
    wins: dict[str, set[int]] = {}
    every = [(y, row["winner"], True) for y, row in winners().items()]
    every += [(y, e, False) for y, c in cycles().items() for rnd in c.get("rounds", []) for e in rnd["entrants"]]
    for year, entrant, won in every:
        codes = frozenset(entrant_codes(entrant))
        for code in codes:
            county = reg[code]["lan"]
            kommuner.setdefault(county, set()).add(code)
            entries.setdefault(county, set()).add((year, codes))
            if won:
                wins.setdefault(county, set()).add(year)
    expected = {county: [len(kommuner[county]), len(entries[county]), len(wins.get(county, ()))] for county in kommuner}
    rows = table_rows(page, "tabell-lan")
    assert {r[0]: [int(x) for x in r[1:]] for r in rows} == expected
    # Most participations first, then most wins.
    counts = [(int(r[2]), int(r[3])) for r in rows]
    assert counts == sorted(counts, reverse=True)
    # The chart's bars hold the same numbers, in the same order.
    svg = re.search(r'<figure class="arkiv-chart">\s*<svg[^>]*aria-labelledby="figur-lan-text"(.*?)</svg>', page,
                    re.S).group(1)
    bars = [int(v) for v in re.findall(r'class="arkiv-chart__deltagit"[^>]*data-value="(\d+)"', svg)]
    assert bars == [int(r[2]) for r in rows]
    first = rows[0]
    assert f"Kommuner i {first[0]} har deltagit flest gånger, {first[2]}" in plain(page)


def test_statistics_of_municipalities_that_took_part_more_than_once(built_site):
    page = read(built_site, "statistik")
    reg = register()
    repeat = {reg[c]["kommun_eget_namn"]: years for c, years in roles_by_kommun().items() if len(years) > 1}
    rows = table_rows(page, "tabell-flera")
    assert {r[0] for r in rows} == set(repeat)
    for name, parts, count, before in rows:
        years = repeat[name]
        assert parts == ", ".join(f"{y} {years[y]}" for y in sorted(years))
        assert int(count) == len(years)
        wins = sorted(y for y, r in years.items() if r == "vinnare")
        assert before == (str(sum(y < wins[0] for y in years)) if wins else "vann inte")
    won = {reg[c]["kommun_eget_namn"]: years for c, years in roles_by_kommun().items() if "vinnare" in years.values()}
    rows = table_rows(page, "tabell-vinnare")
    # One row per winning municipality: as many as the winners' municipalities, fewer than the years if one won twice.
    assert len(rows) == len(won) == len({c for row in winners().values() for c in entrant_codes(row["winner"])})
    for name, first, before in rows:
        years = won[name]
        first_win = min(y for y, r in years.items() if r == "vinnare")
        assert int(first) == first_win and int(before) == sum(y < first_win for y in years)
    assert [int(r[1]) for r in rows] == sorted(int(r[1]) for r in rows)
    # The caption names each winner that had taken part before its first win, with how often.
    for name, first, before in rows:
        if int(before):
            times = "gång" if before == "1" else "gånger"
            assert f"{name} hade deltagit {before} {times} före vinsten {first}" in plain(page), name
    assert "Stockholms stad hade deltagit" in plain(page)  # the record: Stockholm was a nominee before its 2017 win


def test_statistics_of_nominees_and_finalists_per_cycle(built_site):
    page = read(built_site, "statistik")
    expected = []
    for year, c in sorted(cycles().items()):
        if not c.get("rounds"):
            expected.append([str(year), "okänt"])
        for r in c.get("rounds", []):
            span = r.get("size_range")
            size = "okänt" if r.get("size_unknown") else f"{span['min']}–{span['max']}" if span else r.get(
                "size", len(r["entrants"]))
            stage = "nominerade" if r["stage"] == "nominerad" else "finalister"
            expected.append([str(year), r["label"], stage, str(size), str(len(r["entrants"]))])
    assert table_rows(page, "tabell-per-ar") == expected
    # The record: 2017's first round had eight nominees (the test archive proves a round larger than its names).
    assert any(r[:4] == ["2017", "första omgången", "nominerade", "8"] for r in expected)


def test_statistics_of_jury_size(built_site):
    page = read(built_site, "statistik")
    expected = []
    for year, c in sorted(cycles().items()):
        jury = c.get("jury")
        if jury:
            expected.append([str(year), str(len(jury["members"])), "ja" if jury["complete"] else "nej"])
        else:
            expected.append([str(year), "okänt", "okänt"])
    assert table_rows(page, "tabell-jury") == expected
    svg = re.search(r'aria-labelledby="figur-jury-text"(.*?)</svg>', page, re.S).group(1)
    incomplete = [int(v) for v in re.findall(r'class="arkiv-chart__ofullstandig"[^>]*data-value="(\d+)"', svg)]
    assert incomplete == [int(r[1]) for r in expected if r[2] == "nej"]
    assert svg.count("minst ") == len(incomplete)


def test_statistics_of_organisations_on_juries(built_site):
    page = read(built_site, "statistik")
    years: dict[str, set[int]] = {}
    seats: dict[str, int] = {}
    for year, c in cycles().items():
        for p in (c.get("jury") or {}).get("members", []):
            if "organisation" in p:
                key = "".join(p["organisation"].split()).lower()
                years.setdefault(key, set()).add(year)
                seats[key] = seats.get(key, 0) + 1
    rows = table_rows(page, "tabell-organisationer")
    got = {"".join(r[0].split()).lower(): r for r in rows}
    assert set(got) == set(years)
    for key, row in got.items():
        assert int(row[1]) == len(years[key]) and row[2] == ", ".join(map(str, sorted(years[key])))
        assert int(row[3]) == seats[key]
    assert "vinnova" in got and "VINNOVA" not in page.split('id="tabell-organisationer"')[1]  # one row, newest name


def test_statistics_page_is_in_the_navigation_and_each_chart_is_named(built_site):
    page = read(built_site, "statistik")
    assert 'href="statistik/"' in read(built_site, "") or 'href="./statistik/"' in read(built_site, "")
    svgs = re.findall(r'<svg class="arkiv-chart__svg"[^>]*>', page)
    assert len(svgs) == 5
    for svg in svgs:
        assert 'role="img"' in svg
        label = re.search(r'aria-labelledby="([^"]+)"', svg).group(1)
        caption = re.search(rf'<figcaption id="{label}">(.*?)</figcaption>', page, re.S)
        assert caption and len(plain(caption.group(1))) > 40
