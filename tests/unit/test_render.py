"""Rendering without MkDocs: the page strings the templates make from the model."""

from __future__ import annotations

import dataclasses
import re

from arkiv import urls
from arkiv.record import knowledge
from arkiv.record.model import Entrant
from arkiv.site import pages
from arkiv.site.corrections import correction_url
from arkiv.templating import md


def test_relative_links_work_at_any_mount_point():
    assert pages.rel("2023/index.md", "kommuner/varmdo/") == "../kommuner/varmdo/"
    assert pages.rel("kommuner/varmdo/index.md", "2023/") == "../../2023/"
    assert pages.rel("index.md", "2023/") == "2023/"
    assert pages.rel("om/index.md", "om/") == "./"
    assert urls.page_address("index.md") == "" and urls.page_address("2023/index.md") == "2023/"


def test_markdown_escape_neutralises_markup():
    assert str(md("*a* [b](c) <i>")) == r"\*a\* \[b\]\(c\) &lt;i&gt;"


def test_cycle_page_text_from_data_is_escaped(archive):
    cycle = archive.cycles[0]
    evil = '<script>alert(1)</script> *fet* [länk](http://x) "citat" & <b>'
    bad = dataclasses.replace(cycle, motivation=(evil,), gaps=(evil,),
                              winner=dataclasses.replace(cycle.winner, name=evil))
    archive2 = dataclasses.replace(archive, cycles=(bad, *archive.cycles[1:]))
    out = pages.render_cycle(archive2, bad)
    body = out.split("---", 2)[2]
    assert "<script>" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    description = re.search(r"^description: (.*)$", out, re.M).group(1)
    assert description.startswith('"') and '\\"citat\\"' in description  # JSON-quoted, safe YAML


def test_year_page_parts(archive):
    cycle = next(c for c in archive.cycles if c.year == 2023)
    out = pages.render_cycle(archive, cycle, pages.Site(url="https://example.org/arkiv/", repo="https://github.com/o/r"))
    assert out.startswith("---\ntitle: \"Sveriges DigitaliseringsKommun 2023\"")
    for anchor in ("motivering", "nominerade", "jury", "prisutdelning", "halltider", "luckor", "kallor", "citera"):
        assert f"{{ #{anchor} }}" in out, anchor
    assert 'id="finalist-varmdo-kommun"' in out and 'id="nominerad-ostersunds-kommun"' in out
    assert 'id="jury-patrik-sundstrom"' in out
    assert "https://example.org/arkiv/2023/" in out
    assert "https://github.com/o/r/blob/main/data/cycles/2023.yaml" in out
    # The correction link opens the form with the year and the page's address filled in (& escaped in HTML).
    form = correction_url("https://github.com/o/r", "2023", "https://example.org/arkiv/2023/")
    assert f'<a href="{form.replace("&", "&amp;")}">Föreslå en rättelse</a>' in out
    assert 'rel="prev">← Sveriges DigitaliseringsKommun 2021' in out


def test_each_year_page_links_the_year_before_and_after(archive):
    # Real data: whichever years the archive holds, each page links its neighbours, and only them.
    cycles = archive.cycles
    for i, cycle in enumerate(cycles):
        out = pages.render_cycle(archive, cycle)
        newer = cycles[i - 1] if i else None
        older = cycles[i + 1] if i + 1 < len(cycles) else None
        if newer:
            assert f'rel="next">{newer.award_name} {newer.year} →' in out, cycle.year
        else:
            assert 'rel="next"' not in out, cycle.year
        if older:
            assert f'rel="prev">← {older.award_name} {older.year}' in out, cycle.year
        else:
            assert 'rel="prev"' not in out, cycle.year


def test_the_newest_and_the_oldest_year_have_one_neighbour(fixture_archive):
    # The test archive: 2023 is the newest (no later page: 2025 is not in the data), 2015 the first.
    out = {c.year: pages.render_cycle(fixture_archive, c) for c in fixture_archive.cycles}
    assert 'rel="prev">← Sveriges DigitaliseringsKommun 2021' in out[2023] and 'rel="next"' not in out[2023]
    assert 'rel="prev">← Sveriges IT-kommun 2015' in out[2021]
    assert 'rel="next">Sveriges DigitaliseringsKommun 2023 →' in out[2021]
    assert 'rel="next">Sveriges DigitaliseringsKommun 2021 →' in out[2015] and 'rel="prev"' not in out[2015]


def test_pre_2017_pages_name_the_old_award(archive):
    for cycle in archive.cycles:
        out = pages.render_cycle(archive, cycle)
        if cycle.year < 2017:
            assert "delades ut som <strong>Sveriges IT-kommun</strong>" in out
        elif cycle.year == 2017:
            assert "bytte utmärkelsen namn" in out


def test_unknowns_are_listed(fixture_archive):
    # The test archive's 2015 knows only its winner, its motivation and the call's deadline.
    c2015 = next(c for c in fixture_archive.cycles if c.year == 2015)
    out = pages.render_cycle(fixture_archive, c2015)
    assert "Juryn för 2015 är inte känd i arkivet" in out
    assert "Vilka som var nominerade eller finalister." in out
    assert "Vad priset bestod av." in out
    # 2021's jury is known in part: listed, and said to be perhaps incomplete, never said to be unknown.
    c2021 = next(c for c in fixture_archive.cycles if c.year == 2021)
    out = pages.render_cycle(fixture_archive, c2021)
    assert "Bo Exempel" in out and "Listan kan vara ofullständig." in out and "Juryn för 2021 är inte" not in out


def test_unknowns_of_the_real_data_are_listed(archive):
    # Real data: every year says each thing it does not know, and says nothing unknown that it knows.
    for c in archive.cycles:
        out = pages.render_cycle(archive, c)
        for gap in knowledge.unknowns(c):
            assert str(md(gap)) in out or gap in out, (c.year, gap)
        assert (f"Juryn för {c.year} är inte känd i arkivet" in out) == (c.jury is None), c.year


def test_joint_entrant_links_each_municipality(archive):
    cycle = next(c for c in archive.cycles if c.year == 2023)
    joint = next(e for e in cycle.rounds[0].entrants if len(e.kommuner) == 3)
    assert isinstance(joint, Entrant)
    out = pages.render_cycle(archive, cycle)
    for slug in ("mora", "orsa", "alvdalen"):
        assert f'href="../kommuner/{slug}/"' in out


def test_nav_newest_first_and_bounded(archive, fixture_archive):
    nav = pages.nav(fixture_archive)
    assert [int(next(iter(item))) for item in nav[1]["Utmärkelseår"]] == [2023, 2021, 2015]
    nav = pages.nav(archive)
    years = [int(next(iter(item))) for item in nav[1]["Utmärkelseår"]]
    assert years == sorted(years, reverse=True) and years[0] == max(c.year for c in archive.cycles)
    many = dataclasses.replace(archive, cycles=archive.cycles * 3)
    assert len(pages.nav(many)[1]["Utmärkelseår"]) == pages.NAV_YEARS


def test_every_municipality_gets_a_page(archive):
    paths = {p.path for p in pages.all_pages(archive)}
    assert {f"kommuner/{k.slug}/index.md" for k in archive.kommuner} <= paths
    assert len(archive.kommuner) == len({k.slug for k in archive.kommuner})
