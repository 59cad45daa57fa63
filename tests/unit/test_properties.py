"""Properties that must hold for any input: addresses are safe, and data text is never markup on a page."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arkiv.slugs import slug

ROOT = Path(__file__).resolve().parents[2]
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@given(st.text())
def test_any_name_gives_a_safe_slug(name):
    result = slug(name)
    assert re.fullmatch(r"[a-z0-9-]+", result)
    assert SLUG.fullmatch(result)
    assert slug(result) == result


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöéü ÅÄÖ-"))
def test_swedish_names_keep_their_letters(name):
    result = slug(name)
    letters = re.sub(r"[^a-z]", "", name.lower().replace("å", "a").replace("ä", "a").replace("ö", "o")
                     .replace("é", "e").replace("ü", "u"))
    assert result.replace("-", "") == (letters or "x")


PAYLOADS = ["<script>alert(1)</script>", "<SCRIPT src=//x.se/a.js></SCRIPT>", "<img src=x onerror=alert(1)>",
            '"><script>alert(1)</script>', "</p><script>x()</script><p>", "<iframe src=javascript:alert(1)>"]
MARKUP = re.compile(r"<\s*(script|img|iframe)\b", re.I)

text_with_payload = st.builds(lambda a, p, b: a + p + b, st.text(max_size=30), st.sampled_from(PAYLOADS),
                              st.text(max_size=30))


@pytest.fixture(scope="module")
def archive_and_cycle():
    pages = pytest.importorskip("arkiv.site.pages")
    from arkiv.reading.load import load_archive
    archive = load_archive(ROOT / "data")
    cycle = next(c for c in archive.cycles if c.year == 2023)
    return pages, archive, cycle


# The year page's Markdown body; the front matter is metadata that the theme places (see tests/build/test_escaping.py).
def render(pages, archive, cycle) -> str:
    cycles = tuple(cycle if c.year == cycle.year else c for c in archive.cycles)
    changed = dataclasses.replace(archive, cycles=cycles)
    page = pages.render_cycle(changed, cycle)
    if page.startswith("---\n"):
        page = page.split("\n---\n", 1)[1]
    return page


def test_baseline_page_has_no_such_markup(archive_and_cycle):
    pages, archive, cycle = archive_and_cycle
    assert not MARKUP.search(render(pages, archive, cycle))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(motivation=text_with_payload, winner_name=text_with_payload, member=text_with_payload,
       note=text_with_payload, entrant=text_with_payload, label=text_with_payload)
def test_data_text_is_escaped_on_the_year_page(archive_and_cycle, motivation, winner_name, member, note, entrant,
                                               label):
    pages, archive, cycle = archive_and_cycle
    jury = dataclasses.replace(cycle.jury, members=(
        dataclasses.replace(cycle.jury.members[0], name=member, organisation=member, title=member),
        *cycle.jury.members[1:]), note=note)
    first_round = cycle.rounds[0]
    joint = dataclasses.replace(first_round.entrants[0], name=entrant, note=note)
    rounds = (dataclasses.replace(first_round, label=label, note=note, entrants=(joint, *first_round.entrants[1:])),
              *cycle.rounds[1:])
    winner = dataclasses.replace(cycle.winner, name=winner_name, note=note)
    changed = dataclasses.replace(cycle, motivation=(motivation,), winner=winner, winner_note=note, jury=jury,
                                  rounds=rounds, gaps=(note,))
    page = render(pages, archive, changed)
    assert not MARKUP.search(page), MARKUP.search(page)
